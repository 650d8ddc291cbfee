import { createHash } from 'node:crypto';
import { isoWeekStart, localDate, plusDays } from '@satupintu/core';
import type { UnitOfWork } from '@satupintu/db';
import { workContext, type TenantCtx } from '../../context.js';
import type { JobCtx, JobSpec } from '../../jobs/spec.js';
import type { ReadinessSource } from '../onboarding/index.js';
import type { TenantService } from '../tenants/index.js';
import { nationalQueries, rollupQueries } from './queries.js';

export const ROLLUP_JOB = 'monitoring.rollup';
/** Every minute, in every region (UTC cron). */
export const ROLLUP_CRON = '* * * * *';

/** Tenants refreshed at once by one region's job (each holds one pooled connection at a time). */
const REFRESH_CONCURRENCY = 4;

/** How many weeks of appointment and SKM figures a refresh republishes (sessions change until they pass). */
export const SESSION_WEEKS = 13;

export interface RollupDeps {
  uow: UnitOfWork;
  tenants: Pick<TenantService, 'list'>;
  readiness: ReadinessSource;
}

export interface RollupResult {
  tenants: number;
  /** Deltas folded into weekly counts. */
  deltas: number;
  /** Weekly rows published to the national store. */
  weeksPublished: number;
  /** Tenants that failed (retried next run). */
  failed: number;
  ms: number;
}

/** The local dates of the appointment/SKM window of a tenant at `now`: 13 ISO weeks back, a week ahead. */
export function sessionWindow(now: Date, timeZone: string): { from: string; to: string } {
  const today = localDate(now, timeZone);
  return { from: plusDays(isoWeekStart(today), -7 * (SESSION_WEEKS - 1)), to: plusDays(today, 7) };
}

/**
 * Refreshes one tenant's national figures, at `ctx.now`:
 * 1. in one unit of work in its region, under its RLS: folds the deltas into `rollup_weekly` and
 *    takes the snapshot (open and overdue applications, sessions, complaints, SKM sums, visits per
 *    day and agency, the onboarding checklist counts; SKM and visits from the earliest week of an
 *    import not yet published, ADR 0032);
 * 2. publishes absolute values (idempotent upserts) of the changed weeks and the snapshot to the
 *    national store, in one control-plane unit of work — only when something changed;
 * 3. then moves the tenant's watermark (a crash in between republishes the same values next run).
 * Only counts and dates cross to the control plane: no name, NIK, address or free text.
 */
export async function refreshTenant(d: RollupDeps, ctx: TenantCtx): Promise<{ deltas: number; weeks: number }> {
  const t = ctx.tenant;
  const { now } = ctx;
  const window = sessionWindow(now, t.timeZone);
  const local = await d.uow.write(ctx, async (tx) => {
    // Imported history (ADR 0032) may reach further back than the window: its weeks are published once.
    const pending = await rollupQueries.pendingImports(tx.sql);
    const historyFrom = pending.from && pending.from < window.from ? isoWeekStart(pending.from) : window.from;
    const folded = await rollupQueries.fold(tx.sql, t.id, now);
    await rollupQueries.saveState(tx.sql, { tenantId: t.id, firstOnline: folded.first_online, lastOnline: folded.last_online, lastApplication: folded.last_app, now });
    const state = await rollupQueries.state(tx.sql);
    return {
      deltas: folded.deltas,
      state,
      // Weeks changed since the last publication, and always those this run folded (whatever the watermark says).
      weeks: await rollupQueries.weeks(tx.sql, folded.weeks),
      open: await rollupQueries.openApplications(tx.sql, now),
      sessions: await rollupQueries.sessions(tx.sql, window.from, window.to),
      readiness: await d.readiness.readinessIn(tx, ctx),
      complaints: await rollupQueries.complaints(tx.sql, now),
      skm: await rollupQueries.skm(tx.sql, historyFrom),
      visits: await rollupQueries.visits(tx.sql, historyFrom, window.to),
      pending: pending.ids,
      historyFrom,
    };
  });

  // Publish only what changed: changed weeks, or a snapshot that differs from the last published one.
  const { state, readiness } = local;
  const snapshot = { region: t.homeRegion, open: local.open, sessions: local.sessions, readiness, complaints: local.complaints, skm: local.skm, visits: local.visits, historyFrom: local.historyFrom, state: [state.first_online_at, state.last_online_at, state.last_application_at] };
  const hash = createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
  if (!local.weeks.length && !local.pending.length && hash === state.snapshot_hash) return { deltas: local.deltas, weeks: 0 };
  await d.uow.control(ctx, async (tx) => {
    for (const w of local.weeks) await nationalQueries.week(tx.sql, t.id, w, now);
    await nationalQueries.clearWindow(tx.sql, t.id, window.from, local.historyFrom);
    for (const s of local.sessions) await nationalQueries.sessions(tx.sql, t.id, s, now);
    for (const w of local.skm) await nationalQueries.skm(tx.sql, t.id, w, now);
    await nationalQueries.visits(tx.sql, t.id, local.historyFrom, local.visits, now);
    await nationalQueries.stats(
      tx.sql,
      {
        tenantId: t.id,
        region: t.homeRegion,
        ...readiness.counts,
        overdueOpen: local.open.overdue,
        openTotal: local.open.open_total,
        checklistDone: readiness.done,
        checklistTotal: readiness.total,
        firstOnlineAt: state.first_online_at,
        lastOnlineAt: state.last_online_at,
        lastApplicationAt: state.last_application_at,
        complaintsOpen: local.complaints.open,
        complaintsOverdue: local.complaints.overdue,
      },
      now,
    );
  });
  // The watermark moves only after the national store has the figures.
  await d.uow.write(ctx, async (tx) => {
    await rollupQueries.published(tx.sql, now, local.weeks.map((w) => w.week_start), hash);
    await rollupQueries.importsPublished(tx.sql, local.pending, now);
  });
  return { deltas: local.deltas, weeks: local.weeks.length };
}

/** One region's pass: every tenant of the region, a few at a time, each at the job's one clock reading. */
export async function refreshRegion(d: RollupDeps, job: Pick<JobCtx, 'region' | 'now' | 'clock' | 'log'>): Promise<RollupResult> {
  const started = performance.now();
  const tenants = await d.tenants.list({ region: job.region });
  let deltas = 0;
  let weeksPublished = 0;
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < tenants.length) {
      const tenant = tenants[next++]!;
      // A context per tenant (its own statement counts and open-transaction guard), at the job's "now"
      // (a sandbox at its own clock's reading: ADR 0031).
      const own = workContext({ clock: job.clock, log: job.log, route: ROLLUP_JOB, tenant });
      const ctx: TenantCtx = tenant.sandbox ? own : { ...own, now: job.now };
      try {
        const r = await refreshTenant(d, ctx);
        deltas += r.deltas;
        weeksPublished += r.weeks;
      } catch (err) {
        // One broken tenant must not starve the others; the next run retries it.
        failed++;
        ctx.log.warn({ err, region: job.region }, 'rollup refresh failed for a tenant');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(REFRESH_CONCURRENCY, tenants.length) }, worker));
  const ms = performance.now() - started;
  if (deltas || failed) job.log.info({ region: job.region, tenants: tenants.length, deltas, weeksPublished, failed, ms: Math.round(ms) }, 'rollups published');
  return { tenants: tenants.length, deltas, weeksPublished, failed, ms };
}

/** `monitoring.rollup`: every minute, in each region, its tenants' figures go to the national store. */
export function rollupJob(d: RollupDeps): JobSpec {
  return { name: ROLLUP_JOB, cron: ROLLUP_CRON, run: (job, { region }) => refreshRegion(d, { ...job, region }), forTenant: (ctx) => refreshTenant(d, ctx) };
}
