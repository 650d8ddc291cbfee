import { localDate, newId, plusDays, type Tenant } from '@satupintu/core';
import { recordAudit, type Sql, type UnitOfWork } from '@satupintu/db';
import { actorOf, workContext, type Ctx, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { JobSpec } from '../../jobs/spec.js';
import type { TenantService } from '../tenants/index.js';
import { followUpClosed, followUpDueInvalid, followUpNotFound } from './errors.js';
import { ELEMENT_NAMES, ELEMENTS, type Element } from './ikm.js';
import { previousQuarter, type Period } from './period.js';
import { followUpQueries, type FollowUpRow } from './queries.js';
import { checkPeriod, type ReportService } from './reports.js';
import type { FollowUpsOpenedView, FollowUpView, NationalFollowUpsView } from './schemas.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';

export const SKM_FOLLOWUPS_JOB = 'skm.followups';

/** Days from the end of the period to a new task's default due date (a quarter; the coordinator may change it). */
export const FOLLOW_UP_DUE_DAYS = 90;

const isElement = (e: string): e is Element => ELEMENTS.some((x) => x === e);

/** What a follow-up shows; `closedBy` (a staff username) only to the tenant's own staff. */
function followUpView(r: FollowUpRow, opts: { staff: boolean; today: string }): FollowUpView {
  // The table's check constraint keeps `element` to U1…U9.
  if (!isElement(r.element)) throw new Error(`follow-up ${r.id} has no unsur (${r.element})`);
  return {
    id: r.id,
    scope: r.scope,
    scopeKey: r.scope_key,
    period: { from: r.period_from, to: r.period_to },
    element: r.element,
    elementName: ELEMENT_NAMES[r.element],
    nrr: r.nrr,
    ikm: r.ikm,
    respondents: r.respondents,
    status: r.status,
    plan: r.plan,
    result: r.result_note,
    createdAt: r.created_at.toISOString(),
    ...(opts.staff ? { closedBy: r.closed_by } : {}),
    closedAt: r.closed_at?.toISOString() ?? null,
    owner: r.owner,
    dueOn: r.due_on,
    overdue: r.status === 'open' && r.due_on !== null && r.due_on < opts.today,
    evidenceUrl: r.evidence_url,
  };
}

/**
 * Whether the caller is the tenant's own staff (its coordinator, or the platform admin), who may
 * see who closed a task; a ministry analyst sees the task without the username.
 */
function isStaff(ctx: TenantCtx): boolean {
  const id = ctx.identity;
  if (!id) return true;
  return id.roles.includes('platform-admin') || id.memberships.some((m) => m.role === 'tenant-admin' && m.tenant === ctx.tenant.slug);
}

/**
 * Follow-up tasks (rencana tindak lanjut) on the weakest unsur: opened per tenant and per service
 * with responses for a period (by the coordinator, or for the previous quarter by the quarterly
 * job), once per scope and period; closed by the coordinator with the plan and its result.
 */
export class FollowUpService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportService,
    private readonly tenants: Pick<TenantService, 'list'>,
  ) {}

  /** Opens the period's follow-ups in one unit of work: the IKM is computed, tasks inserted, the period's tasks returned. */
  async open(ctx: TenantUserCtx, p: Period): Promise<FollowUpsOpenedView> {
    checkPeriod(p, '/to');
    return this.uow.write(ctx, async (tx) => {
      const report = await this.reports.ikmIn(tx.sql, ctx.tenant, p);
      const scopes = [
        ...(report.lowest ? [{ scope: 'tenant' as const, key: ctx.tenant.slug, lowest: report.lowest, ikm: report.ikm, respondents: report.respondents }] : []),
        ...report.services.flatMap((s) => (s.lowest ? [{ scope: 'service' as const, key: s.service, lowest: s.lowest, ikm: s.ikm, respondents: s.respondents }] : [])),
      ];
      for (const s of scopes)
        await followUpQueries.open(tx.sql, {
          tenantId: ctx.tenant.id, id: newId(), scope: s.scope, key: s.key, from: p.from, to: p.to, element: s.lowest.element, nrr: s.lowest.nrr, ikm: s.ikm ?? 0, respondents: s.respondents,
          by: actorOf(ctx), now: ctx.now, dueOn: plusDays(p.to, FOLLOW_UP_DUE_DAYS),
        });
      const view = { staff: isStaff(ctx), today: localDate(ctx.now, ctx.tenant.timeZone) };
      const items = (await followUpQueries.ofPeriod(tx.sql, p)).map((r) => followUpView(r, view));
      return { period: p, ikm: report.ikm, category: report.category, items };
    });
  }

  /** One page of the tenant's follow-ups, newest first. */
  async page(ctx: TenantCtx, query: { status?: 'open' | 'closed'; from?: string; to?: string; limit?: number; cursor?: string } = {}): Promise<PageOf<FollowUpView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const { status, from, to } = query;
    const rows = await this.uow.read(ctx, (tx) => followUpQueries.page(tx.sql, { status, from, to }, req.after, req.limit + 1));
    const view = { staff: isStaff(ctx), today: localDate(ctx.now, ctx.tenant.timeZone) };
    return pageOf(rows, req, (r) => [r.page_at, r.id], (r) => followUpView(r, view));
  }

  /** Closes a task with its result (and plan); an audit event commits with it. */
  async close(ctx: TenantUserCtx, id: string, input: { plan?: string; result: string; evidenceUrl?: string }): Promise<FollowUpView> {
    return this.uow.write(ctx, async (tx) => {
      const f = await followUpQueries.load(tx.sql, id, true);
      if (!f) throw followUpNotFound();
      if (f.status === 'closed') throw followUpClosed();
      const by = actorOf(ctx);
      await followUpQueries.close(tx.sql, id, { plan: input.plan ?? null, result: input.result, by, now: ctx.now, evidenceUrl: input.evidenceUrl ?? null });
      await recordAudit(tx, { actor: by, action: 'skm.followup.closed', subject: `skm-followup:${id}`, data: { result: input.result, evidenceUrl: input.evidenceUrl ?? null } });
      const closed = await followUpQueries.load(tx.sql, id);
      if (!closed) throw followUpNotFound();
      return followUpView(closed, { staff: true, today: localDate(ctx.now, ctx.tenant.timeZone) });
    });
  }

  /**
   * Sets who owns an open task (a unit or position, e.g. "Kepala Bidang Pelayanan"), its due date
   * (not before the period's end) and its planned action; audited in the same commit.
   */
  async assign(ctx: TenantUserCtx, id: string, input: { owner?: string; dueOn?: string; plan?: string }): Promise<FollowUpView> {
    return this.uow.write(ctx, async (tx) => {
      const f = await followUpQueries.load(tx.sql, id, true);
      if (!f) throw followUpNotFound();
      if (f.status === 'closed') throw followUpClosed();
      if (input.dueOn !== undefined && input.dueOn < f.period_to) throw followUpDueInvalid(f.period_to);
      await followUpQueries.assign(tx.sql, id, input);
      await recordAudit(tx, { actor: actorOf(ctx), action: 'skm.followup.assigned', subject: `skm-followup:${id}`, data: { ...input } });
      const after = await followUpQueries.load(tx.sql, id);
      if (!after) throw followUpNotFound();
      return followUpView(after, { staff: true, today: localDate(ctx.now, ctx.tenant.timeZone) });
    });
  }

  /** The follow-ups of one tenant for periods overlapping `p`, inside an open unit of work (reports and the evidence pack). */
  async overlappingIn(sql: Sql, tenant: Tenant, p: Period, now: Date, staff: boolean): Promise<FollowUpView[]> {
    const today = localDate(now, tenant.timeZone);
    return (await followUpQueries.overlapping(sql, p)).map((r) => followUpView(r, { staff, today }));
  }

  /**
   * The ministry's view across tenants: per tenant, counts of the follow-ups of periods
   * overlapping `p` (open, closed, overdue, closed on time, with evidence, by unsur) — counts
   * only, never a plan, a result or a username. Each tenant is read in its home region.
   */
  async national(ctx: Ctx, p: Period): Promise<NationalFollowUpsView> {
    checkPeriod(p);
    const items: NationalFollowUpsView['items'] = [];
    for (const t of await this.tenants.list()) {
      const c = await this.uow.read({ tenant: t, now: ctx.now, log: ctx.log, stats: ctx.stats }, (tx) => followUpQueries.counts(tx.sql, p, localDate(ctx.now, t.timeZone)));
      items.push({
        tenant: t.slug,
        tenantName: t.name,
        region: t.homeRegion,
        total: c.total,
        open: c.open,
        closed: c.closed,
        overdue: c.overdue,
        closedOnTime: c.closed_on_time,
        withEvidence: c.with_evidence,
        byElement: Object.fromEntries(ELEMENTS.map((e) => [e, c.by_element?.[e] ?? 0])),
      });
    }
    const sum = (k: 'total' | 'open' | 'closed' | 'overdue' | 'closedOnTime' | 'withEvidence') => items.reduce((n, i) => n + i[k], 0);
    return {
      period: p,
      totals: { tenants: items.length, withFollowUps: items.filter((i) => i.total > 0).length, total: sum('total'), open: sum('open'), closed: sum('closed'), overdue: sum('overdue'), closedOnTime: sum('closedOnTime'), withEvidence: sum('withEvidence') },
      items,
    };
  }
}

/**
 * 01:00 UTC on the first day of each quarter, in each region: every tenant's follow-ups for the
 * previous calendar quarter (from `job.now`, in the tenant's local date), as the system.
 */
export function followUpsJob(followUps: FollowUpService, tenants: TenantService): JobSpec {
  return {
    name: SKM_FOLLOWUPS_JOB,
    cron: '0 1 1 1,4,7,10 *',
    run: async (job, { region }) => {
      let opened = 0;
      const list = await tenants.list({ region });
      for (const tenant of list) {
        // The tenant's clock (a sandbox's own: ADR 0031) names the quarter.
        const ctx = workContext({ clock: job.clock, log: job.log, route: SKM_FOLLOWUPS_JOB, tenant });
        const period = previousQuarter(localDate(ctx.now, tenant.timeZone));
        const r = await followUps.open(ctx, period);
        if (r.items.length) job.log.info({ tenant: tenant.slug, period, followUps: r.items.length }, 'SKM follow-ups opened');
        opened += r.items.length;
      }
      return { tenants: list.length, followUps: opened };
    },
    forTenant: (ctx) => followUps.open(ctx, previousQuarter(localDate(ctx.now, ctx.tenant.timeZone))),
  };
}
