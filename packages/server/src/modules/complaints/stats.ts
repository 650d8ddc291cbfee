import { daysBetween } from '@satupintu/core';
import type { UnitOfWork } from '@satupintu/db';
import type { Ctx, TenantCtx } from '../../context.js';
import { toCsv } from '../../csv.js';
import type { TenantService } from '../tenants/index.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { periodInvalid } from './errors.js';
import { CATEGORIES, KINDS, STATUSES } from './lifecycle.js';
import { complaintQueries, statsQueries } from './queries.js';
import type { ComplaintStatsView } from './schemas.js';
import { EXPORT_FIELDS, exportRecord } from './view.js';
import { complaintRead, recordPersonalDataAccess } from '../privacy/index.js';

export type Period = { from: string; to: string };

/** The longest period an export covers. */
const MAX_EXPORT_DAYS = 366;

function checkPeriod(q: Period, maxDays?: number): void {
  const days = daysBetween(q.from, q.to);
  if (days < 0 || (maxDays !== undefined && days > maxDays)) throw periodInvalid();
}

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 100 : null);
/** Counts by every known value, 0 where none: the same members in every answer. */
const every = (keys: readonly string[], counts: Record<string, number>) => Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0]));

/**
 * Counts and exports for the coordinator and the ministry: complaints filed in a period (tenant-
 * local dates) by status, category and kind, overdue now, verified and answered within their
 * hari-kerja deadlines, ratings — never a person. Reads only.
 */
export class ComplaintStats {
  constructor(private readonly d: { uow: UnitOfWork; tenants: TenantService }) {}

  /** One tenant's counts for complaints filed in [from, to]. */
  async stats(ctx: TenantCtx, q: Period): Promise<ComplaintStatsView> {
    checkPeriod(q);
    const t = ctx.tenant;
    return this.d.uow.read(ctx, async (tx) => {
      const live = await statsQueries.counts(tx.sql, q.from, q.to, t.timeZone, ctx.now);
      // History imported from the regency's earlier system counts with the live complaints (ADR 0032).
      const h = await statsQueries.imported(tx.sql, q.from, q.to, t.timeZone);
      const r = { ...live, filed: live.filed + h.filed, open: live.open + h.open, rejected: live.rejected + h.rejected, answered: live.answered + h.answered, answered_on_time: live.answered_on_time + h.answered_on_time };
      const by = (column: 'status' | 'category' | 'kind') => statsQueries.by(tx.sql, column, q.from, q.to, t.timeZone);
      return {
        tenant: t.slug,
        period: { from: q.from, to: q.to },
        filed: r.filed,
        open: r.open,
        overdue: r.overdue,
        rejected: r.rejected,
        reopened: r.reopened,
        escalations: r.escalations,
        verification: { verified: r.verified, onTime: r.verified_on_time, onTimePercent: pct(r.verified_on_time, r.verified) },
        answer: { answered: r.answered, onTime: r.answered_on_time, onTimePercent: pct(r.answered_on_time, r.answered) },
        rating: { rated: r.rated, average: r.average_rating },
        laporSynced: r.lapor_synced,
        byStatus: every(STATUSES, await by('status')),
        byCategory: every(CATEGORIES, await by('category')),
        byKind: every(KINDS, await by('kind')),
      };
    });
  }

  /**
   * The same counts for every tenant, from every region (the ministry's view): aggregates only,
   * one page of tenants at a time in the order of their Kemendagri code.
   */
  async national(ctx: Ctx, q: Period & { limit?: number; cursor?: string }): Promise<PageOf<ComplaintStatsView>> {
    checkPeriod(q);
    const req = pageRequest<[string]>(q, 1);
    const after = req.after?.[0];
    // The directory is small (at most the 514 regencies and cities): the page is cut from it in code order.
    const tenants = (await this.d.tenants.list({ sandbox: false })).filter((t) => after === undefined || t.code > after).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const page = pageOf(tenants.slice(0, req.limit + 1), req, (t) => [t.code]);
    const items: ComplaintStatsView[] = [];
    for (const tenant of page.items) items.push(await this.stats({ ...ctx, tenant }, q));
    return { items, next: page.next };
  }

  /**
   * Complaints filed in [from, to] (at most 366 days) as JSON lines or CSV (fields: EXPORT_FIELDS),
   * oldest first: no anonymous or confidential complainant (view.ts, exportRecord).
   */
  async export(ctx: TenantCtx, q: Period & { format: 'jsonl' | 'csv' }): Promise<string> {
    checkPeriod(q, MAX_EXPORT_DAYS);
    const rows = await this.d.uow.read(ctx, async (tx) => {
      const found = await complaintQueries.inPeriod(tx.sql, q.from, q.to, ctx.tenant.timeZone);
      // UU 27/2022: the export names complainants (not anonymous or confidential ones): each is logged.
      await recordPersonalDataAccess(tx, ctx, found.filter((c) => !c.anonymous && !c.confidential).map((c) => complaintRead(ctx, c, { purpose: 'export' })));
      return found;
    });
    const records = rows.map((r) => exportRecord(r, ctx.tenant));
    if (q.format === 'jsonl') return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
    return toCsv([...EXPORT_FIELDS], records.map((r) => EXPORT_FIELDS.map((f) => r[f])));
  }
}
