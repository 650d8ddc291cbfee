import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { isoWeekStart, localDate, plusDays, type Tenant } from '@satupintu/core';
import { TenantEntity, withTenant, type Databases } from '@satupintu/db';
import type { OnboardingService } from '../onboarding/service.js';
import { toTenant } from '../tenants/service.js';

/** Tenants refreshed at once by one region's job (each holds one pooled connection at a time). */
const REFRESH_CONCURRENCY = 4;

/** How many weeks of appointment figures a refresh republishes (sessions change until they pass). */
const SESSION_WEEKS = 13;

export interface RollupResult {
  tenants: number;
  /** Deltas folded into weekly counts. */
  deltas: number;
  /** Weekly rows published to the national store. */
  weeksPublished: number;
  ms: number;
}

interface WeekRow {
  week_start: string;
  online: number;
  assisted: number;
  counter: number;
  completed: number;
  completed_on_time: number;
}

/**
 * The `monitoring.rollup` job of one region (every minute). Per tenant of the region:
 * 1. folds the trigger-written deltas into `rollup_weekly` (delete … returning, so each delta is
 *    counted exactly once even if two runs overlap);
 * 2. computes the tenant snapshot: services live/planned, counters, open and overdue
 *    applications, checklist progress — small tables and the open-applications index only;
 * 3. publishes absolute values (idempotent upserts) of the changed weeks and the snapshot to the
 *    national store in the control plane, then moves its watermark.
 * Only counts and dates cross to the control plane: no name, NIK, address or free text.
 */
export async function refreshRegionRollups(dbs: Databases, region: string, onboarding: OnboardingService, logger: Logger, now = new Date()): Promise<RollupResult> {
  const started = performance.now();
  const rows = await dbs.control.getRepository(TenantEntity).find({ where: { homeRegion: region } });
  let deltas = 0;
  let weeksPublished = 0;
  // A few tenants at a time: each refresh is a handful of short queries, mostly waiting on the network.
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const t = toTenant(rows[next++]!);
      try {
        const r = await refreshTenant(dbs, t, onboarding, now);
        deltas += r.deltas;
        weeksPublished += r.weeks;
      } catch (err) {
        // One broken tenant must not starve the others; the next run retries it.
        logger.warn({ err, tenant: t.slug, region }, 'rollup refresh failed for a tenant');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(REFRESH_CONCURRENCY, rows.length) }, worker));
  const ms = performance.now() - started;
  if (deltas) logger.info({ region, tenants: rows.length, deltas, weeksPublished, ms: Math.round(ms) }, 'rollups published');
  return { tenants: rows.length, deltas, weeksPublished, ms };
}

export async function refreshTenant(dbs: Databases, t: Tenant, onboarding: OnboardingService, now = new Date()): Promise<{ deltas: number; weeks: number }> {
  const region = dbs.region(t.homeRegion);
  const today = localDate(now, t.timeZone);
  const sessionsFrom = plusDays(isoWeekStart(today), -7 * (SESSION_WEEKS - 1));
  const local = await withTenant(region, t.id, async (em) => {
    const [folded] = (await em.query(
      `with d as (delete from rollup_deltas returning week_start, channel, submitted, completed, completed_on_time, at),
            agg as (select week_start, channel, sum(submitted)::int s, sum(completed)::int c, sum(completed_on_time)::int o from d group by 1, 2),
            up as (
              insert into rollup_weekly (tenant_id, week_start, channel, submitted, completed, completed_on_time, updated_at)
              select $1, week_start, channel, s, c, o, $2 from agg
              on conflict (tenant_id, week_start, channel) do update set
                submitted = rollup_weekly.submitted + excluded.submitted,
                completed = rollup_weekly.completed + excluded.completed,
                completed_on_time = rollup_weekly.completed_on_time + excluded.completed_on_time,
                updated_at = excluded.updated_at
              returning 1)
       select (select count(*) from d)::int as deltas,
              (select count(*) from up)::int as changed,
              (select min(at) from d where submitted > 0 and channel in ('online', 'assisted')) as first_online,
              (select max(at) from d where submitted > 0 and channel in ('online', 'assisted')) as last_online,
              (select max(at) from d where submitted > 0) as last_app`,
      [t.id, now],
    )) as { deltas: number; changed: number; first_online: Date | null; last_online: Date | null; last_app: Date | null }[];
    await em.query(
      `insert into rollup_state (tenant_id, first_online_at, last_online_at, last_application_at, refreshed_at) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id) do update set
         first_online_at = least(rollup_state.first_online_at, excluded.first_online_at),
         last_online_at = greatest(rollup_state.last_online_at, excluded.last_online_at),
         last_application_at = greatest(rollup_state.last_application_at, excluded.last_application_at),
         refreshed_at = excluded.refreshed_at`,
      [t.id, folded!.first_online, folded!.last_online, folded!.last_app, now],
    );
    const [state] = (await em.query(`select first_online_at, last_online_at, last_application_at, published_at, snapshot_hash from rollup_state`)) as {
      first_online_at: Date | null;
      last_online_at: Date | null;
      last_application_at: Date | null;
      published_at: Date | null;
      snapshot_hash: string | null;
    }[];
    // Weeks whose counts changed since the last publication, with all channels of each week.
    const weeks = (await em.query(
      `select week_start::text as week_start,
              coalesce(sum(submitted) filter (where channel = 'online'), 0)::int as online,
              coalesce(sum(submitted) filter (where channel = 'assisted'), 0)::int as assisted,
              coalesce(sum(submitted) filter (where channel = 'counter'), 0)::int as counter,
              sum(completed)::int as completed, sum(completed_on_time)::int as completed_on_time
         from rollup_weekly
        where week_start in (select week_start from rollup_weekly where $1::timestamptz is null or updated_at > $1)
        group by week_start`,
      [state!.published_at],
    )) as WeekRow[];
    const [open] = (await em.query(
      `select count(*)::int as open_total, count(*) filter (where due_at < $1)::int as overdue from applications where status = 'submitted'`,
      [now],
    )) as { open_total: number; overdue: number }[];
    const sessions = (await em.query(
      `select date_trunc('week', s.local_date)::date::text as week_start, sum(s.capacity)::int as capacity,
              sum(s.booked_online + s.booked_walkin)::int as booked,
              coalesce(sum(b.checked_in), 0)::int as checked_in, coalesce(sum(b.no_show), 0)::int as no_show
         from sessions s
         left join (select session_id, count(*) filter (where status in ('checked-in', 'called', 'served')) as checked_in,
                           count(*) filter (where status = 'no-show') as no_show
                      from bookings group by session_id) b on b.session_id = s.id
        where s.status = 'open' and s.local_date >= $1 and s.local_date <= $2
        group by 1`,
      [sessionsFrom, plusDays(today, 7)],
    )) as { week_start: string; capacity: number; booked: number; checked_in: number; no_show: number }[];
    const readiness = await onboarding.readinessIn(em, t);
    // Complaints open now and past their current deadline (verification, first response or answer).
    const [complaints] = (await em.query(
      `select count(*) filter (where status in ('submitted', 'forwarded', 'handling'))::int as open,
              count(*) filter (where (status = 'submitted' and verify_due_at < $1)
                                  or (status in ('forwarded', 'handling') and (answer_due_at < $1 or (first_response_at is null and first_response_due_at < $1))))::int as overdue
         from complaints`,
      [now],
    )) as { open: number; overdue: number }[];
    // SKM answers per week: counts and the nine per-unsur sums, never a single response.
    const skm = (await em.query(
      `select date_trunc('week', local_date)::date::text as week_start, count(*)::int as n,
              array[sum(u1), sum(u2), sum(u3), sum(u4), sum(u5), sum(u6), sum(u7), sum(u8), sum(u9)]::int[] as sums
         from skm_responses where local_date >= $1 group by 1`,
      [sessionsFrom],
    )) as { week_start: string; n: number; sums: number[] }[];
    return { deltas: folded!.deltas, state: state!, weeks, open: open!, sessions, readiness, complaints: complaints!, skm };
  });

  // Publish only what changed: changed weeks, or a snapshot that differs from the last published one.
  const snapshot = { region: t.homeRegion, open: local.open, sessions: local.sessions, readiness: local.readiness, complaints: local.complaints, skm: local.skm, state: [local.state.first_online_at, local.state.last_online_at, local.state.last_application_at] };
  const hash = createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
  if (!local.weeks.length && hash === local.state.snapshot_hash) return { deltas: local.deltas, weeks: 0 };
  const checklist = { counts: local.readiness.counts, done: local.readiness.done, total: local.readiness.total };
  await dbs.control.transaction(async (em) => {
    for (const w of local.weeks)
      await em.query(
        `insert into national_weekly (tenant_id, week_start, online, assisted, counter, completed, completed_on_time, published_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (tenant_id, week_start) do update set online = excluded.online, assisted = excluded.assisted, counter = excluded.counter,
           completed = excluded.completed, completed_on_time = excluded.completed_on_time, published_at = excluded.published_at`,
        [t.id, w.week_start, w.online, w.assisted, w.counter, w.completed, w.completed_on_time, now],
      );
    // Appointment weeks are republished whole over the window: a cancelled session must drop out too.
    await em.query(
      `update national_weekly set sessions_capacity = 0, sessions_booked = 0, sessions_checked_in = 0, sessions_no_show = 0
        where tenant_id = $1 and week_start >= $2 and sessions_capacity > 0`,
      [t.id, sessionsFrom],
    );
    for (const s of local.sessions)
      await em.query(
        `insert into national_weekly (tenant_id, week_start, sessions_capacity, sessions_booked, sessions_checked_in, sessions_no_show, published_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (tenant_id, week_start) do update set sessions_capacity = excluded.sessions_capacity, sessions_booked = excluded.sessions_booked,
           sessions_checked_in = excluded.sessions_checked_in, sessions_no_show = excluded.sessions_no_show, published_at = excluded.published_at`,
        [t.id, s.week_start, s.capacity, s.booked, s.checked_in, s.no_show, now],
      );
    await em.query(`update national_weekly set skm_responses = 0, skm_sums = '{0,0,0,0,0,0,0,0,0}' where tenant_id = $1 and week_start >= $2 and skm_responses > 0`, [t.id, sessionsFrom]);
    for (const w of local.skm)
      await em.query(
        `insert into national_weekly (tenant_id, week_start, skm_responses, skm_sums, published_at) values ($1, $2, $3, $4, $5)
         on conflict (tenant_id, week_start) do update set skm_responses = excluded.skm_responses, skm_sums = excluded.skm_sums, published_at = excluded.published_at`,
        [t.id, w.week_start, w.n, w.sums, now],
      );
    await em.query(
      `insert into national_tenant_stats (tenant_id, region, services_installed, services_live, services_planned, counters_set, agencies_joined,
         overdue_open, open_total, checklist_done, checklist_total, first_online_at, last_online_at, last_application_at, computed_at, complaints_open, complaints_overdue, published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now())
       on conflict (tenant_id) do update set region = excluded.region, services_installed = excluded.services_installed, services_live = excluded.services_live,
         services_planned = excluded.services_planned, counters_set = excluded.counters_set, agencies_joined = excluded.agencies_joined,
         overdue_open = excluded.overdue_open, open_total = excluded.open_total, checklist_done = excluded.checklist_done,
         checklist_total = excluded.checklist_total, first_online_at = excluded.first_online_at, last_online_at = excluded.last_online_at,
         last_application_at = excluded.last_application_at, computed_at = excluded.computed_at, complaints_open = excluded.complaints_open,
         complaints_overdue = excluded.complaints_overdue, published_at = now()`,
      [
        t.id,
        t.homeRegion,
        checklist.counts.servicesInstalled,
        checklist.counts.servicesLive,
        checklist.counts.servicesPlanned,
        checklist.counts.countersSet,
        checklist.counts.agenciesJoined,
        local.open.overdue,
        local.open.open_total,
        checklist.done,
        checklist.total,
        local.state.first_online_at,
        local.state.last_online_at,
        local.state.last_application_at,
        now,
        local.complaints.open,
        local.complaints.overdue,
      ],
    );
  });
  // The watermark moves only after the national store has the figures: a crash in between
  // republishes the same absolute values next minute.
  await withTenant(region, t.id, (em) => em.query(`update rollup_state set published_at = $1, snapshot_hash = $2`, [now, hash]));
  return { deltas: local.deltas, weeks: local.weeks.length };
}
