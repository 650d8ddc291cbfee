import type Type from 'typebox';
import { ok, type Reply, type RouteTable } from '../../http/routes.js';
import { toCsv } from '../../csv.js';
import type { TenantService } from '../tenants/index.js';
import type { Cockpit, CockpitFilter } from './cockpit.js';
import { CockpitQuery, DEFAULT_WEEKS, IndicatorsPath, IndicatorsQuery, WeeklyQuery } from './schemas.js';

const national = { kind: 'roles' as const, roles: ['ministry-analyst' as const, 'platform-admin' as const] };

/** The cockpit query split into filters and alert thresholds. */
function filterOf(q: Type.Static<typeof CockpitQuery>): CockpitFilter {
  const { region, status, ...thresholds } = q;
  return { region, status, thresholds };
}

const csv = (content: string, filename: string): Reply => ({
  status: 200,
  raw: { content, type: 'text/csv; charset=utf-8' },
  headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
});

const TENANT_CSV_HEADER = [
  'kode_wilayah', 'tenant', 'nama', 'provinsi', 'region', 'penduduk', 'status', 'tanggal_komitmen', 'batas_waktu', 'hari_menuju_batas',
  'tanggal_peluncuran', 'tanggal_peresmian', 'layanan_aktif', 'layanan_direncanakan', 'progres_persiapan', 'permohonan_daring', 'permohonan_dibantu',
  'permohonan_loket', 'permohonan_total', 'porsi_daring', 'selesai', 'kepatuhan_sla', 'terlambat', 'utilisasi_janji_temu', 'pengaduan_terbuka',
  'pengaduan_terlambat', 'skm_responden', 'ikm', 'mutu_pelayanan', 'rollup_pada',
];
const WEEKLY_CSV_HEADER = ['minggu_mulai', 'daring', 'dibantu', 'loket', 'total', 'porsi_daring', 'selesai', 'selesai_tepat_waktu', 'kepatuhan_sla', 'kapasitas_sesi', 'terpesan', 'hadir', 'utilisasi'];

export function monitoringRoutes(api: RouteTable, cockpit: Cockpit, tenants: Pick<TenantService, 'get'>): void {
  /** The tenant a `?tenant=` names (404 TENANT_NOT_FOUND), if any. */
  const tenantOf = (slug: string | undefined) => (slug ? tenants.get(slug) : Promise.resolve(undefined));

  api.add({
    method: 'get',
    path: '/api/v1/national/cockpit',
    operationId: 'getNationalCockpit',
    summary: 'Kokpit nasional (KemenPAN-RB) / National cockpit',
    description:
      'Every tenant in every region with its status, days to (or past) the commitment deadline, services live against planned, applications by channel and the online share, SLA compliance, overdue counts and appointment utilization over the window, plus national totals and alerts. Read from the rollups regions publish every minute (see `rollupAt`); aggregates only. Formulas: docs/monitoring.md.',
    tags: ['monitoring'],
    security: national,
    query: CockpitQuery,
    responses: { '200': { description: 'Totals, tenants, alerts' } },
    handler: async (ctx, { query }) => ok(await cockpit.overview(ctx, filterOf(query))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/alerts',
    operationId: 'listNationalAlerts',
    summary: 'Peringatan nasional / National alerts',
    description: 'no-online-uptake, deadline-passed, deadline-near, sla-below-threshold; critical first, then by days.',
    tags: ['monitoring'],
    security: national,
    query: CockpitQuery,
    responses: { '200': { description: 'Alerts' } },
    handler: async (ctx, { query }) => {
      const f = filterOf(query);
      const r = await cockpit.tenants(ctx, f);
      return ok({ asOf: r.asOf, items: cockpit.alerts(ctx, r.tenants, f.thresholds) });
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
    query: WeeklyQuery,
    responses: { '200': { description: 'One point per week, oldest first' }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (ctx, { query }) => {
      const t = await tenantOf(query.tenant);
      return ok({ tenant: t?.slug ?? null, region: query.region ?? null, items: await cockpit.weekly(ctx, { weeks: query.weeks ?? DEFAULT_WEEKS, tenantId: t?.id, region: query.region }) });
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
    query: CockpitQuery,
    responses: { '200': { description: 'text/csv' } },
    handler: async (ctx, { query }) => {
      const r = await cockpit.tenants(ctx, filterOf(query));
      const rows = r.tenants.map((t) => [
        t.code, t.slug, t.name, t.provinceName, t.homeRegion, t.population, t.mppStatus, t.committedOn, t.deadline, t.daysToDeadline,
        t.launchedOn, t.inauguratedOn, t.servicesLive, t.servicesPlanned, t.onboardingProgress, t.applications.online, t.applications.assisted,
        t.applications.counter, t.applications.total, t.onlineShare, t.completed, t.slaCompliance, t.overdue, t.appointmentUtilization, t.complaints.open,
        t.complaints.overdue, t.skm.responses, t.skm.ikm, t.skm.category, t.rollupAt,
      ]);
      return csv(toCsv(TENANT_CSV_HEADER, rows, { bom: true }), `satupintu-tenants-${r.asOf.slice(0, 10)}.csv`);
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/weekly.csv',
    operationId: 'exportNationalWeeklyCsv',
    summary: 'Ekspor CSV deret mingguan / CSV export of the weekly series',
    tags: ['monitoring'],
    security: national,
    query: WeeklyQuery,
    responses: { '200': { description: 'text/csv' }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (ctx, { query }) => {
      const t = await tenantOf(query.tenant);
      const items = await cockpit.weekly(ctx, { weeks: query.weeks ?? DEFAULT_WEEKS, tenantId: t?.id, region: query.region });
      const rows = items.map((w) => [w.weekStart, w.online, w.assisted, w.counter, w.total, w.onlineShare, w.completed, w.completedOnTime, w.slaCompliance, w.sessionsCapacity, w.sessionsBooked, w.sessionsCheckedIn, w.utilization]);
      return csv(toCsv(WEEKLY_CSV_HEADER, rows, { bom: true }), `satupintu-weekly${t ? `-${t.slug}` : ''}.csv`);
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
    params: IndicatorsPath,
    query: IndicatorsQuery,
    responses: { '200': { description: 'Indicators, weekly, alerts' } },
    handler: async (ctx, { query }) => ok(await cockpit.tenant(ctx, ctx.tenant.id, query.weeks ?? DEFAULT_WEEKS)),
  });
}
