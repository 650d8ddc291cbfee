import { created, ok, type RouteTable } from '../../http/routes.js';
import { tenantNotFound } from '../../http/problems.js';
import { actorOf } from '../../context.js';
import { batchNotFound, importEmpty, importTooLarge, importUnreadable, visitsPeriodInvalid } from './errors.js';
import type { HistoryService } from './service.js';
import { ImportBatch, ImportBatchList, ImportBatchPath, ImportBody, ImportReport, ImportsPath, NationalVisits, NationalVisitsQuery, TenantVisits, VisitsPath, VisitsQuery } from './schemas.js';

/** The regency's own admins import; the ministry analyst never does (403 ROLE_REQUIRED). */
const importers = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };
const tenantViewers = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'ministry-analyst' as const, 'platform-admin' as const], tenantParam: 'tenant' };
const national = { kind: 'roles' as const, roles: ['ministry-analyst' as const, 'platform-admin' as const] };

const reportExample = {
  batch: '0193a9d2-8c1e-7b44-9f3a-2d5e6f7a8b9c', kind: 'applications' as const, format: 'csv' as const, source: 'simpel-2024', dryRun: false, rows: 3, accepted: 2, rejected: 1, alreadyImported: 0,
  earliest: '2025-01-06', latest: '2025-01-07', personalColumnsDropped: ['nama', 'nik'], ignoredColumns: [],
  notices: [{ id: 'Kolom data pribadi tidak disimpan: nama, nik (hanya yang dibutuhkan angka agregat).', en: 'Personal-data columns were not stored: nama, nik (only what the aggregates need is kept).' }],
  rejections: [{ row: 3, field: 'sla_met', reason: { id: 'Kolom wajib diisi.', en: 'The column is required.' } }],
};

export function historyRoutes(api: RouteTable, history: HistoryService): void {
  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/imports',
    operationId: 'importHistory',
    summary: 'Impor riwayat layanan / Import service history',
    description: [
      'Imports one file exported from the systems the regency ran before (spreadsheets as CSV, older complaint and queue apps as JSON): `applications`, `visits`, `complaints` or `skm` responses, with their ORIGINAL times. Every row is checked; the report lists each refused row with its column and reason (id + en) and counts accepted, rejected and already-imported rows.',
      'One file is one batch, stored in one transaction (all its valid rows or none). Idempotent: each row is keyed by its `external_id` (or a digest of its fields), so importing the same file again stores nothing twice. `dryRun: true` checks and counts without storing. Columns naming a person (NIK, name, phone, address…) are never stored and are listed in the report. Imported rows feed the national rollups, IKM reports, complaint counts and visit figures like live ones (ADR 0032); formats in docs/onboarding.md.',
    ].join('\n\n'),
    tags: ['onboarding'],
    security: importers,
    params: ImportsPath,
    body: ImportBody,
    bodyExample: { kind: 'applications', format: 'csv', data: 'external_id,agency,service,channel,submitted_at,completed_at,status,sla_met\r\nSIM-0001,dukcapil,ktpel-penggantian,offline,2025-01-06 09:15,2025-01-08 14:00,selesai,ya\r\n', dryRun: false, source: 'simpel-2024' },
    responses: {
      '200': { description: 'Dry run: the report, nothing stored', schema: ImportReport, example: { ...reportExample, batch: null, dryRun: true } },
      '201': { description: 'Imported: the report and the batch', schema: ImportReport, example: reportExample },
    },
    errors: [importUnreadable, importEmpty, importTooLarge],
    handler: async (ctx, { body }) => {
      const report = await history.import(ctx, actorOf(ctx), { kind: body.kind, format: body.format, data: body.data, dryRun: body.dryRun ?? false, source: body.source });
      return report.dryRun ? ok(report) : created(report);
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/imports',
    operationId: 'listHistoryImports',
    summary: 'Daftar impor riwayat / History import batches',
    description: 'The latest 50 batches, newest first: counts, span of dates, dropped personal columns, and when the rollup published them nationally.',
    tags: ['onboarding'],
    security: importers,
    params: ImportsPath,
    responses: { '200': { description: 'Batches', schema: ImportBatchList, example: { items: [] } } },
    handler: async (ctx) => ok({ items: await history.batches(ctx) }),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/imports/:batch',
    operationId: 'revertHistoryImport',
    summary: 'Batalkan impor riwayat / Revert a history import',
    description:
      'Takes a whole batch back out (a wrong file): its rows are deleted in one transaction and the national figures drop them at the next rollup (the batch’s `publishedAt` is cleared until then). The batch stays listed with `revertedAt`. Idempotent: reverting it again changes nothing; importing the file again stores its rows again.',
    tags: ['onboarding'],
    security: importers,
    params: ImportBatchPath,
    responses: {
      '200': {
        description: 'The reverted batch',
        schema: ImportBatch,
        example: {
          id: reportExample.batch, kind: 'applications', format: 'csv', source: 'simpel-2024', fileSha256: 'a'.repeat(64), rows: 3, accepted: 2, rejected: 1, alreadyImported: 0,
          personalColumnsDropped: ['nama', 'nik'], earliest: '2025-01-06', latest: '2025-01-07', importedBy: 'admin.lebong', importedAt: '2026-12-07T02:00:00.000Z',
          publishedAt: null, revertedBy: 'admin.lebong', revertedAt: '2026-12-07T03:00:00.000Z',
        },
      },
    },
    errors: [batchNotFound],
    handler: async (ctx, { params }) => ok(await history.revert(ctx, actorOf(ctx), params.batch)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/visits',
    operationId: 'getTenantVisits',
    summary: 'Kunjungan per periode / Visits per period',
    description:
      'Visits of the MPP per period (`day`, ISO `week`, `month`) and agency between two local dates (at most 731 days): checked-in bookings (`booked`; a walk-in seat of a session counts as `walkIn`), walk-in queue tickets and imported visits. Counts only; read from the region at once.',
    tags: ['monitoring'],
    security: tenantViewers,
    params: VisitsPath,
    query: VisitsQuery,
    responses: { '200': { description: 'Visits per period and agency', schema: TenantVisits, example: { tenant: 'kab-lebong', from: '2025-01-01', to: '2025-01-31', by: 'week', total: 3, items: [{ period: '2024-12-30', agency: 'dukcapil', walkIn: 2, booked: 1, total: 3 }] } } },
    errors: [visitsPeriodInvalid],
    handler: async (ctx, { query }) => ok(await history.visits(ctx, { from: query.from, to: query.to, by: query.by ?? 'week' })),
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/visits',
    operationId: 'getNationalVisits',
    summary: 'Kunjungan MPP nasional / National MPP visits',
    description:
      'Visits per tenant and period (`day`, ISO `week`, `month`) between two local dates, from the figures regions publish every minute (checked-in bookings, walk-in queue tickets, imported visits). Aggregates only; narrow with `region` or `tenant`.',
    tags: ['monitoring'],
    security: national,
    query: NationalVisitsQuery,
    responses: { '200': { description: 'Visits per tenant and period', schema: NationalVisits, example: { from: '2025-01-01', to: '2025-01-31', by: 'month', region: null, tenant: null, total: 3, items: [{ tenant: 'kab-lebong', period: '2025-01-01', walkIn: 2, booked: 1, total: 3 }] } } },
    errors: [visitsPeriodInvalid, tenantNotFound],
    handler: async (ctx, { query }) => ok(await history.nationalVisits(ctx, { from: query.from, to: query.to, by: query.by ?? 'week', region: query.region, tenant: query.tenant })),
  });
}
