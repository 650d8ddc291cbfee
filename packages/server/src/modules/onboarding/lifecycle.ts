import { localDate, type Tenant } from '@satupintu/core';
import { recordAudit, type HeardChange, type Sql, type UnitOfWork } from '@satupintu/db';
import type { TenantCtx } from '../../context.js';
import { cursorInvalid } from '../../http/problems.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { lifecycleQueries, type HistoryRow, type LifecycleRow } from './queries.js';
import { planMove, type LifecycleDates, type LifecycleMoveInput } from './rules.js';
import type { LifecycleEvent } from './schemas.js';

export type { LifecycleEvent };

const eventOf = (r: HistoryRow): LifecycleEvent => ({ seq: r.seq, from: r.from_status, to: r.to_status, on: r.on, actor: r.actor, note: r.note, recordedAt: r.recorded_at.toISOString() });

const datesOf = (r: LifecycleRow): LifecycleDates => ({
  mppStatus: r.mpp_status,
  committedOn: r.committed_on,
  deadline: r.deadline,
  launchedOn: r.launched_on,
  inauguratedOn: r.inaugurated_on,
});

/**
 * The tenant lifecycle against the commitment deadline. The status and key dates live on the
 * tenant row of the control plane, each move in `tenant_lifecycle_events` there; the audit event
 * goes to the tenant's region, in a second transaction after the control commit (two databases:
 * one transaction each, never one inside the other).
 */
export class LifecycleService {
  constructor(
    private readonly d: {
      uow: UnitOfWork;
      control: Sql;
      /** The cached tenant directory of this process: told at once, other processes through the change feed. */
      directory: { heard(change: HeardChange): void };
    },
  ) {}

  /** "Today" of a tenant: its local date at the context's clock reading. */
  today(ctx: TenantCtx): string {
    return localDate(ctx.now, ctx.tenant.timeZone);
  }

  /** Moves the tenant to another stage; repeating a move to the current status changes nothing. */
  async move(ctx: TenantCtx, input: LifecycleMoveInput, actor: string): Promise<Tenant> {
    const t = ctx.tenant;
    const today = this.today(ctx);
    const r = await this.d.uow.control(ctx, async (tx) => {
      const cur = await lifecycleQueries.lock(tx.sql, t.id);
      if (!cur) throw new Error(`tenant ${t.slug} vanished`);
      const last = await lifecycleQueries.last(tx.sql, t.id);
      const plan = planMove(datesOf(cur), input, last.on, today);
      if (plan.kind === 'same') return { moved: false as const, row: cur };
      const row = await lifecycleQueries.update(tx.sql, t.id, plan.dates, ctx.now);
      await lifecycleQueries.insertEvent(tx.sql, { tenantId: t.id, seq: (last.seq ?? 0) + 1, from: cur.mpp_status, to: input.to, on: plan.on, actor, note: input.note ?? null, now: ctx.now });
      const change = { kind: 'tenant' as const, tenantId: t.id, slug: t.slug };
      await tx.changed(change);
      tx.afterCommit(() => this.d.directory.heard(change));
      return { moved: true as const, row, from: cur.mpp_status, on: plan.on };
    });
    if (r.moved)
      await this.d.uow.write(ctx, (tx) =>
        recordAudit(tx, { actor, action: 'tenant.lifecycle', subject: `tenant:${t.id}`, data: { from: r.from, to: r.row.mpp_status, on: r.on, note: input.note ?? null } }),
      );
    return { ...t, ...datesOf(r.row), updatedAt: r.row.updated_at.toISOString() };
  }

  /** Every move with its date and actor, oldest first (the first row is the registration). */
  async history(ctx: Pick<TenantCtx, 'tenant'>): Promise<LifecycleEvent[]> {
    return (await lifecycleQueries.history(this.d.control, ctx.tenant.id)).map(eventOf);
  }

  /** One page of the moves, oldest first. */
  async historyPage(ctx: Pick<TenantCtx, 'tenant'>, query: { limit?: number; cursor?: string }): Promise<PageOf<LifecycleEvent>> {
    const req = pageRequest<[number]>(query, 1);
    if (req.after && !Number.isInteger(req.after[0])) throw cursorInvalid();
    const rows = await lifecycleQueries.historyPage(this.d.control, ctx.tenant.id, req.after?.[0] ?? null, req.limit + 1);
    return pageOf(rows, req, (r) => [r.seq], eventOf);
  }
}
