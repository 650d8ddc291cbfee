import type Type from 'typebox';
import { ok, type RouteTable } from '../../http/routes.js';
import { tenantNotFound } from '../../http/problems.js';
import { toCsv } from '../../csv.js';
import type { TenantService } from '../tenants/index.js';
import type { Cockpit, CockpitFilter } from './cockpit.js';
import { DEFAULT_THRESHOLDS } from './indicators.js';
import { CockpitQuery, DEFAULT_WEEKS, IndicatorsPath, IndicatorsQuery, NationalAlerts, NationalCockpit, NationalWeekly, TenantIndicatorsReport, WeeklyQuery } from './schemas.js';

const national = { kind: 'roles' as const, roles: ['ministry-analyst' as const, 'platform-admin' as const] };

/** The cockpit query split into filters and alert thresholds. */
function filterOf(q: Type.Static<typeof CockpitQuery>): CockpitFilter {
  const { region, status, ...thresholds } = q;
  return { region, status, thresholds };
}

/** A CSV download: every row, never cut (the tenant table has one row per tenant, the weekly one per week). */
const csv = (content: string, filename: string) => ({
  status: 200 as const,
  raw: { content, type: 'text/csv; charset=utf-8' },
  headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
});

const csvHeaders = { 'Content-Disposition': { description: '`attachment; filename="…csv"`', required: true } };

const TENANT_CSV_HEADER = [
  'kode_wilayah', 'tenant', 'nama', 'provinsi', 'region', 'penduduk', 'status', 'tanggal_komitmen', 'batas_waktu', 'hari_menuju_batas',
  'tanggal_peluncuran', 'tanggal_peresmian', 'layanan_aktif', 'layanan_direncanakan', 'progres_persiapan', 'permohonan_daring', 'permohonan_dibantu',
  'permohonan_loket', 'permohonan_total', 'porsi_daring', 'selesai', 'kepatuhan_sla', 'terlambat', 'utilisasi_janji_temu', 'pengaduan_terbuka',
  'pengaduan_terlambat', 'skm_responden', 'ikm', 'mutu_pelayanan', 'rollup_pada',
];
const WEEKLY_CSV_HEADER = ['minggu_mulai', 'daring', 'dibantu', 'loket', 'total', 'porsi_daring', 'selesai', 'selesai_tepat_waktu', 'kepatuhan_sla', 'kapasitas_sesi', 'terpesan', 'hadir', 'utilisasi'];

export function monitoringRoutes(api: RouteTable, cockpit: Cockpit, tenants: Pick<TenantService, 'get'>): void {
  /** The tenant a `?tenant=` names (404 TENANT_NOT_FOUND), if any. */
  // A sandbox is never in national figures (ADR 0031): its slug names no tenant here.
  const tenantOf = async (slug: string | undefined) => {
    if (!slug) return undefined;
    const t = await tenants.get(slug);
    if (t.sandbox) throw tenantNotFound(slug);
    return t;
  };

  api.add({
    method: 'get',
    path: '/api/v1/national/cockpit',
    operationId: 'getNationalCockpit',
    summary: 'Kokpit nasional (KemenPAN-RB) / National cockpit',
    description: [
      'Every tenant in every region with its status, days to (or past) the commitment deadline, services live against planned, applications by channel and the online share, SLA compliance, overdue counts and appointment utilization over the window, plus national totals and alerts. Read from the rollups regions publish every minute (see `rollupAt`); aggregates only, never personal data. Formulas: docs/monitoring.md.',
      'One dashboard, answered whole and never cut: at most one row per regency/city (514) and two alerts per tenant, all computed at the one instant `asOf`, so totals, rows and alerts agree. Narrow it with `region` or `status`.',
    ].join('\n\n'),
    tags: ['monitoring'],
    security: national,
    query: CockpitQuery,
    responses: { '200': { description: 'Totals, every tenant’s indicators, alerts', schema: NationalCockpit, example: COCKPIT_EXAMPLE } },
    handler: async (ctx, { query }) => ok(await cockpit.overview(ctx, filterOf(query))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/alerts',
    operationId: 'listNationalAlerts',
    summary: 'Peringatan nasional / National alerts',
    description:
      'no-online-uptake, deadline-passed, deadline-near, sla-below-threshold; critical first, then by days, then by tenant. Computed on read at one instant (`asOf`) from the published figures; answered whole (at most two alerts per tenant, so at most 1,028 for the 514 regencies and cities), since a page cursor over a list recomputed at every read could not stay stable.',
    tags: ['monitoring'],
    security: national,
    query: CockpitQuery,
    responses: { '200': { description: 'Every alert', schema: NationalAlerts, example: { asOf: COCKPIT_EXAMPLE.asOf, items: COCKPIT_EXAMPLE.alerts } } },
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
    description:
      'Applications by channel, online share, completions and SLA compliance, appointment capacity and bookings per ISO week (Monday), nationally, per region or for one tenant. Every week of the range is present (at most 104): answered whole.',
    tags: ['monitoring'],
    security: national,
    query: WeeklyQuery,
    responses: { '200': { description: 'One point per week, oldest first', schema: NationalWeekly, example: { tenant: null, region: null, items: [WEEK_EXAMPLE] } } },
    errors: [tenantNotFound],
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
    description:
      'The cockpit table as CSV (UTF-8 with BOM, CRLF, RFC 4180); shares as decimals 0–1. One row per tenant matching the filters, every one of them (never cut); aggregates only. Header: ' +
      TENANT_CSV_HEADER.join(', ') +
      '.',
    tags: ['monitoring'],
    security: national,
    query: CockpitQuery,
    responses: { '200': { description: 'The CSV file', media: ['text/csv'], headers: csvHeaders, example: `${TENANT_CSV_HEADER.join(',')}\r\n17.07,kab-lebong,Kabupaten Lebong,Bengkulu,id-jakarta,110000,operating,2021-03-09,2022-03-09,-1369,…\r\n` } },
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
    description: 'The weekly series as CSV (UTF-8 with BOM, CRLF, RFC 4180): one row per week of the range, every week (never cut). Header: ' + WEEKLY_CSV_HEADER.join(', ') + '.',
    tags: ['monitoring'],
    security: national,
    query: WeeklyQuery,
    responses: { '200': { description: 'The CSV file', media: ['text/csv'], headers: csvHeaders, example: `${WEEKLY_CSV_HEADER.join(',')}\r\n2025-11-24,120,30,250,400,0.375,310,280,0.9032,600,420,390,0.7\r\n` } },
    errors: [tenantNotFound],
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
    description: 'What the ministry sees about this tenant: the same row, weekly series and alerts (aggregates only).',
    tags: ['monitoring'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin', 'ministry-analyst'], tenantParam: 'tenant' },
    params: IndicatorsPath,
    query: IndicatorsQuery,
    responses: {
      '200': {
        description: 'Indicators, alerts, weekly series',
        schema: TenantIndicatorsReport,
        example: { asOf: COCKPIT_EXAMPLE.asOf, indicators: COCKPIT_EXAMPLE.tenants[0], alerts: [], weekly: [WEEK_EXAMPLE] },
      },
    },
    handler: async (ctx, { query }) => ok(await cockpit.tenant(ctx, ctx.tenant, query.weeks ?? DEFAULT_WEEKS)),
  });
}

const WEEK_EXAMPLE = {
  weekStart: '2025-11-24',
  online: 120,
  assisted: 30,
  counter: 250,
  total: 400,
  onlineShare: 0.375,
  completed: 310,
  completedOnTime: 280,
  slaCompliance: 0.9032,
  sessionsCapacity: 600,
  sessionsBooked: 420,
  sessionsCheckedIn: 390,
  utilization: 0.7,
};

const LEBONG = {
  slug: 'kab-lebong',
  code: '17.07',
  name: 'Kabupaten Lebong',
  provinceCode: '17',
  provinceName: 'Bengkulu',
  homeRegion: 'id-jakarta',
  population: 110000,
  mppStatus: 'operating',
  committedOn: '2021-03-09',
  deadline: '2022-03-09',
  daysToDeadline: -1369,
  launchedOn: '2021-12-01',
  inauguratedOn: '2022-02-14',
  servicesLive: 24,
  servicesPlanned: 30,
  servicesInstalled: 28,
  onboardingProgress: 1,
  applications: { online: 84, assisted: 20, counter: 160, total: 264 },
  onlineShare: 0.3939,
  selfServiceShare: 0.3182,
  completed: 240,
  slaCompliance: 0.9208,
  overdue: 3,
  openApplications: 41,
  appointmentUtilization: 0.66,
  attendance: 0.91,
  lastOnlineAt: '2025-11-28T02:14:00.000Z',
  complaints: { open: 2, overdue: 0 },
  skm: { responses: 57, ikm: 88.4, category: 'A' },
  rollupAt: '2025-11-30T17:29:00.000Z',
};

const COCKPIT_EXAMPLE = {
  asOf: '2025-11-30T17:30:00.000Z',
  window: { from: '2025-11-10', weeks: 4 },
  thresholds: DEFAULT_THRESHOLDS,
  totals: {
    tenants: 1,
    byStatus: { operating: 1 },
    servicesLive: 24,
    servicesPlanned: 30,
    applications: LEBONG.applications,
    onlineShare: 0.3939,
    completed: 240,
    slaCompliance: 0.9208,
    overdue: 3,
    complaints: { open: 2, overdue: 0 },
    skmResponses: 57,
  },
  tenants: [LEBONG],
  alerts: [
    {
      kind: 'sla-below-threshold',
      severity: 'warning',
      tenant: 'kab-bandung-barat',
      name: 'Kabupaten Bandung Barat',
      since: null,
      days: null,
      value: 0.62,
      threshold: 0.8,
      message: {
        id: 'Kabupaten Bandung Barat: kepatuhan SLA 62% di bawah 80% (48 selesai dalam 4 minggu).',
        en: 'Kabupaten Bandung Barat: SLA compliance 62% under 80% (48 completed in 4 weeks).',
      },
    },
  ],
};
