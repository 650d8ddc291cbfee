import { createHash } from 'node:crypto';
import { daysBetween, newId } from '@satupintu/core';
import { recordAudit, type Sql, type UnitOfWork } from '@satupintu/db';
import type { Ctx, TenantCtx } from '../../context.js';
import { tenantNotFound } from '../../http/problems.js';
import type { TenantService } from '../tenants/index.js';
import { batchNotFound, importEmpty, importTooLarge, importUnreadable, visitsPeriodInvalid } from './errors.js';
import { MAX_ROWS, dayOf, mapColumns, readRows, validateRows, type ImportFormat, type ImportKind, type Rejection } from './formats.js';
import { historyQueries, visitQueries, type BatchRow, type VisitGrain } from './queries.js';
import { visitsPerTenant } from './visits.js';

export interface ImportInput {
  kind: ImportKind;
  format: ImportFormat;
  data: unknown;
  dryRun: boolean;
  source?: string;
}

export interface ImportReport {
  batch: string | null;
  kind: ImportKind;
  format: ImportFormat;
  source: string | null;
  dryRun: boolean;
  rows: number;
  accepted: number;
  rejected: number;
  alreadyImported: number;
  earliest: string | null;
  latest: string | null;
  personalColumnsDropped: string[];
  ignoredColumns: string[];
  notices: { id: string; en: string }[];
  rejections: Rejection[];
}

/** At most this many rejections are listed (the counts are always whole). */
const MAX_LISTED = 1000;
/** The longest period a visits query covers. */
export const MAX_VISIT_DAYS = 731;

const batchView = (b: BatchRow) => ({
  id: b.id,
  kind: b.kind,
  format: b.format,
  source: b.source,
  fileSha256: b.file_sha256,
  rows: b.rows_total,
  accepted: b.accepted,
  rejected: b.rejected,
  alreadyImported: b.duplicates,
  personalColumnsDropped: b.dropped_columns,
  earliest: b.earliest_date,
  latest: b.latest_date,
  importedBy: b.created_by,
  importedAt: b.created_at.toISOString(),
  publishedAt: b.published_at?.toISOString() ?? null,
  revertedBy: b.reverted_by,
  revertedAt: b.reverted_at?.toISOString() ?? null,
});
export type BatchView = ReturnType<typeof batchView>;

/**
 * Imports a regency's history (ADR 0032): one file is one batch, validated row by row, stored in
 * one transaction with its original times (a dry run stores nothing), idempotent by each row's key.
 */
export class HistoryService {
  constructor(private readonly d: { uow: UnitOfWork; control: Sql; tenants: Pick<TenantService, 'list' | 'get'> }) {}

  async import(ctx: TenantCtx, actor: string, input: ImportInput): Promise<ImportReport> {
    const t = ctx.tenant;
    let rows: Record<string, unknown>[];
    try {
      rows = readRows(input.format, input.data);
    } catch (err) {
      throw importUnreadable((err as Error).message.split('\n')[0]!.slice(0, 200));
    }
    if (!rows.length) throw importEmpty();
    if (rows.length > MAX_ROWS) throw importTooLarge(MAX_ROWS, rows.length);
    const { personal, ignored } = mapColumns(input.kind, rows);
    const { records, rejections, repeated } = validateRows(input.kind, rows, { now: ctx.now, timeZone: t.timeZone, source: input.source });
    const days = records.map((r) => dayOf(r.record, t.timeZone)).sort();
    const fileSha256 = createHash('sha256').update(typeof input.data === 'string' ? input.data : JSON.stringify(input.data)).digest('hex');
    const notices = [
      ...(personal.length
        ? [{ id: `Kolom data pribadi tidak disimpan: ${personal.join(', ')} (hanya yang dibutuhkan angka agregat).`, en: `Personal-data columns were not stored: ${personal.join(', ')} (only what the aggregates need is kept).` }]
        : []),
      ...(ignored.length ? [{ id: `Kolom tidak dikenal diabaikan: ${ignored.join(', ')}.`, en: `Unknown columns were ignored: ${ignored.join(', ')}.` }] : []),
    ];

    const counted = await (input.dryRun
      ? this.d.uow.read(ctx, async (tx) => {
          const existing = await historyQueries.existing(tx.sql, input.kind, records.map((r) => r.record.key));
          return { batch: null, accepted: records.length - existing.size };
        })
      : this.d.uow.write(ctx, async (tx) => {
          const batch = newId();
          await historyQueries.insertBatch(tx.sql, {
            tenantId: t.id, id: batch, kind: input.kind, format: input.format, source: input.source ?? null, file_sha256: fileSha256, rows_total: rows.length, accepted: 0, rejected: rejections.length,
            duplicates: 0, dropped_columns: personal, earliest_date: null, latest_date: null, created_by: actor, now: ctx.now,
          });
          const accepted = records.length ? await historyQueries.insert(tx.sql, t.id, batch, records.map((r) => r.record)) : 0;
          const duplicates = records.length - accepted + repeated;
          await historyQueries.finishBatch(tx.sql, batch, accepted, duplicates, days[0] ?? null, days.at(-1) ?? null);
          // Counts only: no row of the file goes into the audit trail.
          await recordAudit(tx, { actor, action: 'history.imported', subject: `import:${batch}`, data: { kind: input.kind, format: input.format, source: input.source ?? null, fileSha256, rows: rows.length, accepted, rejected: rejections.length, duplicates, personalColumnsDropped: personal } });
          return { batch, accepted };
        }));
    return {
      batch: counted.batch,
      kind: input.kind,
      format: input.format,
      source: input.source ?? null,
      dryRun: input.dryRun,
      rows: rows.length,
      accepted: counted.accepted,
      rejected: rejections.length,
      alreadyImported: records.length - counted.accepted + repeated,
      earliest: days[0] ?? null,
      latest: days.at(-1) ?? null,
      personalColumnsDropped: personal,
      ignoredColumns: ignored,
      notices,
      rejections: rejections.slice(0, MAX_LISTED),
    };
  }

  /**
   * Takes a whole batch back out (a wrong file): its rows are deleted, the rollup republishes its
   * weeks without them. Idempotent: reverting a reverted batch changes nothing. Re-importing the
   * file afterwards stores its rows again.
   */
  async revert(ctx: TenantCtx, actor: string, batchId: string): Promise<BatchView> {
    return this.d.uow.write(ctx, async (tx) => {
      const b = await historyQueries.batch(tx.sql, batchId, true);
      if (!b) throw batchNotFound(batchId);
      if (!b.reverted_at) {
        const removed = await historyQueries.revert(tx.sql, b, actor, ctx.now);
        await recordAudit(tx, { actor, action: 'history.reverted', subject: `import:${b.id}`, data: { kind: b.kind, removed } });
      }
      return batchView((await historyQueries.batch(tx.sql, batchId))!);
    });
  }

  async batches(ctx: TenantCtx, limit = 50): Promise<BatchView[]> {
    return this.d.uow.read(ctx, async (tx) => (await historyQueries.batches(tx.sql, limit)).map(batchView));
  }

  /** One tenant's visits per period and agency, read from its region at once (fresh, not the rollup). */
  async visits(ctx: TenantCtx, q: { from: string; to: string; by: VisitGrain }) {
    checkPeriod(q);
    const rows = await this.d.uow.read(ctx, (tx) => visitQueries.byPeriod(tx.sql, q.from, q.to, q.by));
    return { tenant: ctx.tenant.slug, from: q.from, to: q.to, by: q.by, ...summed(rows.map((r) => ({ period: r.period, agency: r.agency_code, walkIn: r.walk_in, booked: r.booked }))) };
  }

  /** Every tenant's visits per period (the ministry's view, from the national store): aggregates only. */
  async nationalVisits(_ctx: Ctx, q: { from: string; to: string; by: VisitGrain; region?: string; tenant?: string }) {
    checkPeriod(q);
    const tenant = q.tenant ? await this.d.tenants.get(q.tenant) : undefined;
    // A sandbox is never in national figures (ADR 0031): its slug names no tenant here.
    if (tenant?.sandbox) throw tenantNotFound(tenant.slug);
    const rows = await visitsPerTenant(this.d.control, { from: q.from, to: q.to, by: q.by, tenantId: tenant?.id, region: q.region });
    const items = rows.map((r) => ({ tenant: r.tenant, period: r.period, walkIn: r.walkIn, booked: r.booked, total: r.walkIn + r.booked }));
    return { from: q.from, to: q.to, by: q.by, region: q.region ?? null, tenant: tenant?.slug ?? null, total: items.reduce((n, i) => n + i.total, 0), items };
  }
}

function checkPeriod(q: { from: string; to: string }): void {
  const days = daysBetween(q.from, q.to);
  if (days < 0 || days > MAX_VISIT_DAYS) throw visitsPeriodInvalid(MAX_VISIT_DAYS);
}

function summed(items: { period: string; agency: string; walkIn: number; booked: number }[]) {
  const withTotal = items.map((i) => ({ ...i, total: i.walkIn + i.booked }));
  return { total: withTotal.reduce((n, i) => n + i.total, 0), items: withTotal };
}
