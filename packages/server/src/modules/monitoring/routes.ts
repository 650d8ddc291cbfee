import { MPP_STATUSES, type MppStatus } from '@satupintu/core';
import type { ApiRegistry, JsonSchema } from '../../api.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import { toCsv } from '../../csv.js';
import type { AlertThresholds, Cockpit } from './cockpit.js';

const national = { kind: 'roles' as const, roles: ['ministry-analyst' as const, 'platform-admin' as const] };
const region = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 63, description: 'Only tenants of this home region' };
const thresholdProps: Record<string, JsonSchema> = {
  noOnlineDays: { type: 'integer', minimum: 1, maximum: 365, description: 'Alert after this many days without an online application since launch (default 14)' },
  slaMin: { type: 'number', minimum: 0, maximum: 1, description: 'Alert when SLA compliance is under this share (default 0.8)' },
  slaMinCompleted: { type: 'integer', minimum: 1, maximum: 100000, description: 'Only when at least this many completed in the window (default 10)' },
  windowWeeks: { type: 'integer', minimum: 1, maximum: 104, description: 'Window of the figures in weeks (default 4)' },
  deadlineWarnDays: { type: 'integer', minimum: 0, maximum: 365, description: 'Warn this many days before an unmet deadline (default 60)' },
};
const cockpitQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { region, status: { enum: [...MPP_STATUSES], description: 'Only tenants in this status' }, ...thresholdProps },
};

function split(q: Record<string, unknown>): { region?: string; status?: MppStatus; thresholds: Partial<AlertThresholds> } {
  const { region: r, status, ...thresholds } = q;
  return { region: r as string | undefined, status: status as MppStatus | undefined, thresholds: thresholds as Partial<AlertThresholds> };
}

const TENANT_CSV_HEADER = [
  'kode_wilayah', 'tenant', 'nama', 'provinsi', 'region', 'penduduk', 'status', 'tanggal_komitmen', 'batas_waktu', 'hari_menuju_batas',
  'tanggal_peluncuran', 'tanggal_peresmian', 'layanan_aktif', 'layanan_direncanakan', 'progres_persiapan', 'permohonan_daring', 'permohonan_dibantu',
  'permohonan_loket', 'permohonan_total', 'porsi_daring', 'selesai', 'kepatuhan_sla', 'terlambat', 'utilisasi_janji_temu', 'pengaduan_terbuka',
  'pengaduan_terlambat', 'skm_responden', 'ikm', 'mutu_pelayanan', 'rollup_pada',
];

export function monitoringRoutes(api: ApiRegistry, tenants: TenantService, cockpit: Cockpit): void {
  api.add({
    method: 'get',
    path: '/api/v1/national/cockpit',
    operationId: 'getNationalCockpit',
    summary: 'Kokpit nasional (KemenPAN-RB) / National cockpit',
    description:
      'Every tenant in every region with its status, days to (or past) the commitment deadline, services live against planned, applications by channel and the online share, SLA compliance, overdue counts and appointment utilization over the window, plus national totals and alerts. Read from the rollups regions publish every minute (see `rollupAt`); aggregates only. Formulas: docs/monitoring.md.',
    tags: ['monitoring'],
    security: national,
    query: cockpitQuery,
    responses: { '200': { description: 'Totals, tenants, alerts' } },
    handler: async (_req, res) => {
      res.json(await cockpit.overview(split(res.locals.query as Record<string, unknown>)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/alerts',
    operationId: 'listNationalAlerts',
    summary: 'Peringatan nasional / National alerts',
    description: 'no-online-uptake, deadline-passed, deadline-near, sla-below-threshold; critical first, then by days.',
    tags: ['monitoring'],
    security: national,
    query: cockpitQuery,
    responses: { '200': { description: 'Alerts' } },
    handler: async (_req, res) => {
      const q = split(res.locals.query as Record<string, unknown>);
      const r = await cockpit.tenants(q);
      res.json({ asOf: r.asOf, items: cockpit.alerts(r.tenants, q.thresholds) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/weekly',
    operationId: 'getNationalWeekly',
    summary: 'Deret waktu mingguan / Weekly time series',
    description: 'Applications by channel, online share, completions and SLA compliance, appointment capacity and bookings per ISO week (Monday), nationally, per region or for one tenant.',
    tags: ['monitoring'],
    security: national,
    query: {
      type: 'object',
      additionalProperties: false,
      properties: { weeks: { type: 'integer', minimum: 1, maximum: 104, default: 12, description: 'Number of weeks up to this one' }, tenant: tenantSlugParam, region },
    },
    responses: { '200': { description: 'One point per week, oldest first' }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (_req, res) => {
      const q = res.locals.query as { weeks: number; tenant?: string; region?: string };
      const t = q.tenant ? await tenants.getBySlug(q.tenant) : undefined;
      res.json({ tenant: t?.slug ?? null, region: q.region ?? null, items: await cockpit.weekly({ weeks: q.weeks, tenantId: t?.id, region: q.region }) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/tenants.csv',
    operationId: 'exportNationalTenantsCsv',
    summary: 'Ekspor CSV semua tenant / CSV export of every tenant',
    description: 'The cockpit table as CSV (UTF-8 with BOM, CRLF, RFC 4180); shares as decimals 0–1.',
    tags: ['monitoring'],
    security: national,
    query: cockpitQuery,
    responses: { '200': { description: 'text/csv' } },
    handler: async (_req, res) => {
      const r = await cockpit.tenants(split(res.locals.query as Record<string, unknown>));
      const rows = r.tenants.map((t) => [
        t.code, t.slug, t.name, t.provinceName, t.homeRegion, t.population, t.mppStatus, t.committedOn, t.deadline, t.daysToDeadline,
        t.launchedOn, t.inauguratedOn, t.servicesLive, t.servicesPlanned, t.onboardingProgress, t.applications.online, t.applications.assisted,
        t.applications.counter, t.applications.total, t.onlineShare, t.completed, t.slaCompliance, t.overdue, t.appointmentUtilization, t.complaints.open,
        t.complaints.overdue, t.skm.responses, t.skm.ikm, t.skm.category, t.rollupAt,
      ]);
      res.setHeader('Content-Disposition', `attachment; filename="satupintu-tenants-${r.asOf.slice(0, 10)}.csv"`);
      res.type('text/csv; charset=utf-8').send(toCsv(TENANT_CSV_HEADER, rows, { bom: true }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/weekly.csv',
    operationId: 'exportNationalWeeklyCsv',
    summary: 'Ekspor CSV deret mingguan / CSV export of the weekly series',
    tags: ['monitoring'],
    security: national,
    query: {
      type: 'object',
      additionalProperties: false,
      properties: { weeks: { type: 'integer', minimum: 1, maximum: 104, default: 12 }, tenant: tenantSlugParam, region },
    },
    responses: { '200': { description: 'text/csv' } },
    handler: async (_req, res) => {
      const q = res.locals.query as { weeks: number; tenant?: string; region?: string };
      const t = q.tenant ? await tenants.getBySlug(q.tenant) : undefined;
      const items = await cockpit.weekly({ weeks: q.weeks, tenantId: t?.id, region: q.region });
      const header = ['minggu_mulai', 'daring', 'dibantu', 'loket', 'total', 'porsi_daring', 'selesai', 'selesai_tepat_waktu', 'kepatuhan_sla', 'kapasitas_sesi', 'terpesan', 'hadir', 'utilisasi'];
      const rows = items.map((w) => [w.weekStart, w.online, w.assisted, w.counter, w.total, w.onlineShare, w.completed, w.completedOnTime, w.slaCompliance, w.sessionsCapacity, w.sessionsBooked, w.sessionsCheckedIn, w.utilization]);
      res.setHeader('Content-Disposition', `attachment; filename="satupintu-weekly${t ? `-${t.slug}` : ''}.csv"`);
      res.type('text/csv; charset=utf-8').send(toCsv(header, rows, { bom: true }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/indicators',
    operationId: 'getTenantIndicators',
    summary: 'Indikator tenant sendiri / The tenant’s own indicators and alerts',
    description: 'What the ministry sees about this tenant: the same row, weekly series and alerts.',
    tags: ['monitoring'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin', 'ministry-analyst'], tenantParam: 'tenant' },
    params: { type: 'object', required: ['tenant'], properties: { tenant: tenantSlugParam } },
    query: { type: 'object', additionalProperties: false, properties: { weeks: { type: 'integer', minimum: 1, maximum: 104, default: 12 } } },
    responses: { '200': { description: 'Indicators, weekly, alerts' } },
    handler: async (req, res) => {
      const t = await tenants.getBySlug(req.params.tenant as string);
      const all = await cockpit.tenants({ tenantId: t.id });
      const mine = all.tenants;
      res.json({
        asOf: all.asOf,
        indicators: mine[0] ?? null,
        alerts: cockpit.alerts(mine),
        weekly: await cockpit.weekly({ weeks: (res.locals.query as { weeks: number }).weeks, tenantId: t.id }),
      });
    },
  });
}
