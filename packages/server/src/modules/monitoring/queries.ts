import type { MppStatus } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import { VISITS_DAILY_SOURCE } from '../history/index.js';

// ---- region, under the tenant's RLS: the fold and the snapshot -------------------------------------

/** What one fold did: deltas consumed, the weeks it changed, the online and application times it saw. */
export interface FoldRow {
  deltas: number;
  weeks: string[];
  first_online: Date | null;
  last_online: Date | null;
  last_app: Date | null;
}

export interface StateRow {
  first_online_at: Date | null;
  last_online_at: Date | null;
  last_application_at: Date | null;
  published_at: Date | null;
  snapshot_hash: string | null;
}

export interface WeekRow {
  week_start: string;
  online: number;
  assisted: number;
  counter: number;
  completed: number;
  completed_on_time: number;
}

export interface SessionWeekRow {
  week_start: string;
  capacity: number;
  booked: number;
  checked_in: number;
  no_show: number;
}

export interface SkmWeekRow {
  week_start: string;
  n: number;
  sums: number[];
}

export interface VisitDayRow {
  local_date: string;
  agency_code: string;
  walk_in: number;
  booked: number;
}

export const rollupQueries = {
  /**
   * Folds the trigger-written deltas into `rollup_weekly` (`delete … returning`: each delta is
   * counted exactly once even if two runs overlap) and says which weeks it changed. A changed row
   * is always stamped after the watermark, so it is republished even if the clock of this run
   * is behind the one that set the watermark.
   */
  fold(sql: Sql, tenantId: string, now: Date): Promise<FoldRow> {
    return sql.one(
      `with d as (delete from rollup_deltas returning week_start, channel, submitted, completed, completed_on_time, at),
            agg as (select week_start, channel, sum(submitted)::int s, sum(completed)::int c, sum(completed_on_time)::int o from d group by 1, 2),
            up as (
              insert into rollup_weekly (tenant_id, week_start, channel, submitted, completed, completed_on_time, updated_at)
              select $1, week_start, channel, s, c, o, greatest($2::timestamptz, (select published_at + interval '1 microsecond' from rollup_state)) from agg
              on conflict (tenant_id, week_start, channel) do update set
                submitted = rollup_weekly.submitted + excluded.submitted,
                completed = rollup_weekly.completed + excluded.completed,
                completed_on_time = rollup_weekly.completed_on_time + excluded.completed_on_time,
                updated_at = excluded.updated_at
              returning week_start)
       select (select count(*) from d)::int as deltas,
              array(select distinct week_start::text from up order by 1) as weeks,
              (select min(at) from d where submitted > 0 and channel in ('online', 'assisted')) as first_online,
              (select max(at) from d where submitted > 0 and channel in ('online', 'assisted')) as last_online,
              (select max(at) from d where submitted > 0) as last_app`,
      [tenantId, now],
    );
  },

  async saveState(sql: Sql, s: { tenantId: string; firstOnline: Date | null; lastOnline: Date | null; lastApplication: Date | null; now: Date }): Promise<void> {
    await sql.exec(
      `insert into rollup_state (tenant_id, first_online_at, last_online_at, last_application_at, refreshed_at) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id) do update set
         first_online_at = least(rollup_state.first_online_at, excluded.first_online_at),
         last_online_at = greatest(rollup_state.last_online_at, excluded.last_online_at),
         last_application_at = greatest(rollup_state.last_application_at, excluded.last_application_at),
         refreshed_at = excluded.refreshed_at`,
      [s.tenantId, s.firstOnline, s.lastOnline, s.lastApplication, s.now],
    );
  },

  state(sql: Sql): Promise<StateRow> {
    return sql.one(`select first_online_at, last_online_at, last_application_at, published_at, snapshot_hash from rollup_state`);
  },

  /** Weeks to publish, with all channels of each: those changed since the last publication, and those this run folded. */
  weeks(sql: Sql, folded: readonly string[]): Promise<WeekRow[]> {
    return sql.rows(
      `select week_start::text as week_start,
              coalesce(sum(submitted) filter (where channel = 'online'), 0)::int as online,
              coalesce(sum(submitted) filter (where channel = 'assisted'), 0)::int as assisted,
              coalesce(sum(submitted) filter (where channel = 'counter'), 0)::int as counter,
              sum(completed)::int as completed, sum(completed_on_time)::int as completed_on_time
         from rollup_weekly
        where week_start in (select w.week_start from rollup_weekly w left join rollup_state s on true
                              where s.published_at is null or w.updated_at > s.published_at)
           or week_start = any($1::date[])
        group by week_start`,
      [folded],
    );
  },

  openApplications(sql: Sql, now: Date): Promise<{ open_total: number; overdue: number }> {
    return sql.one(`select count(*)::int as open_total, count(*) filter (where due_at < $1)::int as overdue from applications where status = 'submitted'`, [now]);
  },

  /** Open (not cancelled) appointment sessions per week between two local dates. */
  sessions(sql: Sql, from: string, to: string): Promise<SessionWeekRow[]> {
    return sql.rows(
      `select date_trunc('week', s.local_date)::date::text as week_start, sum(s.capacity)::int as capacity,
              sum(s.booked_online + s.booked_walkin)::int as booked,
              coalesce(sum(b.checked_in), 0)::int as checked_in, coalesce(sum(b.no_show), 0)::int as no_show
         from sessions s
         left join (select session_id, count(*) filter (where status in ('checked-in', 'called', 'served')) as checked_in,
                           count(*) filter (where status = 'no-show') as no_show
                      from bookings group by session_id) b on b.session_id = s.id
        where s.status = 'open' and s.local_date >= $1 and s.local_date <= $2
        group by 1`,
      [from, to],
    );
  },

  /** Complaints open now and past their current deadline (verification, first response or answer). */
  complaints(sql: Sql, now: Date): Promise<{ open: number; overdue: number }> {
    return sql.one(
      `select count(*) filter (where status in ('submitted', 'forwarded', 'handling'))::int as open,
              count(*) filter (where (status = 'submitted' and verify_due_at < $1)
                                  or (status in ('forwarded', 'handling') and (answer_due_at < $1 or (first_response_at is null and first_response_due_at < $1))))::int as overdue
         from complaints`,
      [now],
    );
  },

  /** SKM answers per week: counts and the nine per-unsur sums, never a single response. */
  skm(sql: Sql, from: string): Promise<SkmWeekRow[]> {
    return sql.rows(
      `select date_trunc('week', local_date)::date::text as week_start, count(*)::int as n,
              array[sum(u1), sum(u2), sum(u3), sum(u4), sum(u5), sum(u6), sum(u7), sum(u8), sum(u9)]::int[] as sums
         from skm_responses where local_date >= $1 group by 1`,
      [from],
    );
  },

  /** Import batches (ADR 0032) whose weeks the national store does not have yet, and their earliest day. */
  async pendingImports(sql: Sql): Promise<{ ids: string[]; from: string | null }> {
    const r = await sql.one<{ ids: string[]; from: string | null }>(
      `select coalesce(array_agg(id::text), '{}') as ids, min(earliest_date)::text as from from import_batches where published_at is null`,
    );
    return r;
  },

  async importsPublished(sql: Sql, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length) await sql.exec(`update import_batches set published_at = $2 where id = any($1::uuid[]) and published_at is null`, [ids, now]);
  },

  /** Visits per local day and agency (checked-in bookings, walk-in tickets, imported visits): counts only. */
  visits(sql: Sql, from: string, to: string): Promise<VisitDayRow[]> {
    return sql.rows(
      `with v as (${VISITS_DAILY_SOURCE})
       select local_date::text, agency_code, count(*) filter (where kind = 'walk-in')::int as walk_in, count(*) filter (where kind = 'booked')::int as booked
         from v group by 1, 2 order by 1, 2`,
      [from, to],
    );
  },

  /**
   * The watermark, moved only after the national store has the figures: past the run's clock
   * reading and every row it published, and never backwards (runs with different clocks).
   */
  async published(sql: Sql, now: Date, weeks: readonly string[], hash: string): Promise<void> {
    await sql.exec(
      `update rollup_state set snapshot_hash = $3,
              published_at = greatest(published_at, $1, (select max(updated_at) from rollup_weekly where week_start = any($2::date[])))`,
      [now, weeks, hash],
    );
  },
};

// ---- control plane: the national store -------------------------------------------------------

export interface TenantStats {
  tenantId: string;
  region: string;
  servicesInstalled: number;
  servicesLive: number;
  servicesPlanned: number;
  countersSet: number;
  agenciesJoined: number;
  overdueOpen: number;
  openTotal: number;
  checklistDone: number;
  checklistTotal: number;
  firstOnlineAt: Date | null;
  lastOnlineAt: Date | null;
  lastApplicationAt: Date | null;
  complaintsOpen: number;
  complaintsOverdue: number;
}

export const nationalQueries = {
  async week(sql: Sql, tenantId: string, w: WeekRow, now: Date): Promise<void> {
    await sql.exec(
      `insert into national_weekly (tenant_id, week_start, online, assisted, counter, completed, completed_on_time, published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (tenant_id, week_start) do update set online = excluded.online, assisted = excluded.assisted, counter = excluded.counter,
         completed = excluded.completed, completed_on_time = excluded.completed_on_time, published_at = excluded.published_at`,
      [tenantId, w.week_start, w.online, w.assisted, w.counter, w.completed, w.completed_on_time, now],
    );
  },

  /** Appointment and SKM weeks are republished whole over the window: a cancelled session must drop out too. */
  async clearWindow(sql: Sql, tenantId: string, from: string, skmFrom = from): Promise<void> {
    await sql.exec(
      `update national_weekly set sessions_capacity = 0, sessions_booked = 0, sessions_checked_in = 0, sessions_no_show = 0
        where tenant_id = $1 and week_start >= $2 and sessions_capacity > 0`,
      [tenantId, from],
    );
    await sql.exec(`update national_weekly set skm_responses = 0, skm_sums = '{0,0,0,0,0,0,0,0,0}' where tenant_id = $1 and week_start >= $2 and skm_responses > 0`, [tenantId, skmFrom]);
  },

  /** Visits are republished whole from `from` (a day whose visits all went away must drop out). */
  async visits(sql: Sql, tenantId: string, from: string, days: readonly VisitDayRow[], now: Date): Promise<void> {
    await sql.exec(`delete from national_visits_daily where tenant_id = $1 and local_date >= $2`, [tenantId, from]);
    if (!days.length) return;
    await sql.exec(
      `insert into national_visits_daily (tenant_id, local_date, agency_code, walk_in, booked, published_at)
       select $1, * , $6 from unnest($2::date[], $3::text[], $4::int[], $5::int[])`,
      [tenantId, days.map((d) => d.local_date), days.map((d) => d.agency_code), days.map((d) => d.walk_in), days.map((d) => d.booked), now],
    );
  },

  async sessions(sql: Sql, tenantId: string, s: SessionWeekRow, now: Date): Promise<void> {
    await sql.exec(
      `insert into national_weekly (tenant_id, week_start, sessions_capacity, sessions_booked, sessions_checked_in, sessions_no_show, published_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (tenant_id, week_start) do update set sessions_capacity = excluded.sessions_capacity, sessions_booked = excluded.sessions_booked,
         sessions_checked_in = excluded.sessions_checked_in, sessions_no_show = excluded.sessions_no_show, published_at = excluded.published_at`,
      [tenantId, s.week_start, s.capacity, s.booked, s.checked_in, s.no_show, now],
    );
  },

  async skm(sql: Sql, tenantId: string, w: SkmWeekRow, now: Date): Promise<void> {
    await sql.exec(
      `insert into national_weekly (tenant_id, week_start, skm_responses, skm_sums, published_at) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, week_start) do update set skm_responses = excluded.skm_responses, skm_sums = excluded.skm_sums, published_at = excluded.published_at`,
      [tenantId, w.week_start, w.n, w.sums, now],
    );
  },

  async stats(sql: Sql, s: TenantStats, now: Date): Promise<void> {
    await sql.exec(
      `insert into national_tenant_stats (tenant_id, region, services_installed, services_live, services_planned, counters_set, agencies_joined,
         overdue_open, open_total, checklist_done, checklist_total, first_online_at, last_online_at, last_application_at, computed_at, complaints_open, complaints_overdue, published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $15)
       on conflict (tenant_id) do update set region = excluded.region, services_installed = excluded.services_installed, services_live = excluded.services_live,
         services_planned = excluded.services_planned, counters_set = excluded.counters_set, agencies_joined = excluded.agencies_joined,
         overdue_open = excluded.overdue_open, open_total = excluded.open_total, checklist_done = excluded.checklist_done,
         checklist_total = excluded.checklist_total, first_online_at = excluded.first_online_at, last_online_at = excluded.last_online_at,
         last_application_at = excluded.last_application_at, computed_at = excluded.computed_at, complaints_open = excluded.complaints_open,
         complaints_overdue = excluded.complaints_overdue, published_at = excluded.published_at`,
      [
        s.tenantId, s.region, s.servicesInstalled, s.servicesLive, s.servicesPlanned, s.countersSet, s.agenciesJoined, s.overdueOpen, s.openTotal,
        s.checklistDone, s.checklistTotal, s.firstOnlineAt, s.lastOnlineAt, s.lastApplicationAt, now, s.complaintsOpen, s.complaintsOverdue,
      ],
    );
  },
};

// ---- control plane: what the cockpit reads --------------------------------------------------------

/** One tenant of the directory with its published snapshot and the window's weekly sums. */
export interface CockpitRow {
  id: string;
  slug: string;
  code: string;
  name: string;
  province_code: string;
  province_name: string;
  home_region: string;
  population: number;
  time_zone: string;
  mpp_status: MppStatus;
  committed_on: string | null;
  deadline: string | null;
  launched_on: string | null;
  inaugurated_on: string | null;
  services_live: number | null;
  services_planned: number | null;
  services_installed: number | null;
  checklist_done: number | null;
  checklist_total: number | null;
  overdue_open: number | null;
  open_total: number | null;
  last_online_at: Date | null;
  published_at: Date | null;
  online: number;
  assisted: number;
  counter: number;
  completed: number;
  completed_on_time: number;
  sessions_capacity: number;
  sessions_booked: number;
  sessions_checked_in: number;
  complaints_open: number | null;
  complaints_overdue: number | null;
  skm_responses: number;
  skm_sums: number[] | null;
}

export interface WeeklyRow {
  week_start: string;
  online: number;
  assisted: number;
  counter: number;
  completed: number;
  completed_on_time: number;
  sessions_capacity: number;
  sessions_booked: number;
  sessions_checked_in: number;
}

export const cockpitQueries = {
  /** One indexed pass over `national_weekly` from `from`, joined to the tenant directory. */
  tenants(sql: Sql, f: { from: string; region?: string; status?: MppStatus; tenantId?: string }): Promise<CockpitRow[]> {
    return sql.rows(
      `select t.id, t.slug, t.code, t.name, t.province_code, t.province_name, t.home_region, t.population, t.time_zone, t.mpp_status,
              t.committed_on::text, t.deadline::text, t.launched_on::text, t.inaugurated_on::text,
              s.services_live, s.services_planned, s.services_installed, s.checklist_done, s.checklist_total, s.overdue_open, s.open_total,
              s.last_online_at, s.published_at, s.complaints_open, s.complaints_overdue,
              coalesce(w.online, 0)::int as online, coalesce(w.assisted, 0)::int as assisted, coalesce(w.counter, 0)::int as counter,
              coalesce(w.completed, 0)::int as completed, coalesce(w.completed_on_time, 0)::int as completed_on_time,
              coalesce(w.sessions_capacity, 0)::int as sessions_capacity, coalesce(w.sessions_booked, 0)::int as sessions_booked,
              coalesce(w.sessions_checked_in, 0)::int as sessions_checked_in, coalesce(w.skm_responses, 0)::int as skm_responses, w.skm_sums
         from tenants t
         left join national_tenant_stats s on s.tenant_id = t.id
         left join (select tenant_id, sum(online) online, sum(assisted) assisted, sum(counter) counter, sum(completed) completed,
                           sum(completed_on_time) completed_on_time, sum(sessions_capacity) sessions_capacity,
                           sum(sessions_booked) sessions_booked, sum(sessions_checked_in) sessions_checked_in, sum(skm_responses) skm_responses,
                           array[sum(skm_sums[1]), sum(skm_sums[2]), sum(skm_sums[3]), sum(skm_sums[4]), sum(skm_sums[5]), sum(skm_sums[6]), sum(skm_sums[7]), sum(skm_sums[8]), sum(skm_sums[9])]::int[] skm_sums
                      from national_weekly where week_start >= $1 group by tenant_id) w on w.tenant_id = t.id
        where ($2::text is null or t.home_region = $2) and ($3::text is null or t.mpp_status = $3)
          -- A sandbox is never in national figures; asked for by id (its own indicators), it answers (ADR 0031).
          and (case when $4::uuid is null then t.sandbox_of is null else t.id = $4 end)
        order by t.code`,
      [f.from, f.region ?? null, f.status ?? null, f.tenantId ?? null],
    );
  },

  /** Weekly sums between two Mondays, nationally, for one tenant or one region. */
  weekly(sql: Sql, f: { from: string; to: string; tenantId?: string; region?: string }): Promise<WeeklyRow[]> {
    return sql.rows(
      `select w.week_start::text as week_start, sum(w.online)::int online, sum(w.assisted)::int assisted, sum(w.counter)::int counter,
              sum(w.completed)::int completed, sum(w.completed_on_time)::int completed_on_time,
              sum(w.sessions_capacity)::int sessions_capacity, sum(w.sessions_booked)::int sessions_booked, sum(w.sessions_checked_in)::int sessions_checked_in
         from national_weekly w
         join tenants t on t.id = w.tenant_id and ($4::text is null or t.home_region = $4)
        where w.week_start between $1 and $2 and (case when $3::uuid is null then t.sandbox_of is null else w.tenant_id = $3 end)
        group by w.week_start`,
      [f.from, f.to, f.tenantId ?? null, f.region ?? null],
    );
  },
};
