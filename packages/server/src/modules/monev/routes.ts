import { localDate } from '@satupintu/core';
import { ok, type RouteTable } from '../../http/routes.js';
import { defaultPeriod, periodInvalid } from '../skm/index.js';
import { renderEvidencePdf } from './evidence-pdf.js';
import { EvaluateBody, EvidencePack, EvidenceQuery, MonevAlert, MonevEvaluation, NationalAlertsQuery, TenantAlertsQuery, TenantMonevPath } from './schemas.js';
import { Page } from '../../pagination.js';
import type { MonevService } from './service.js';

const national = { kind: 'roles' as const, roles: ['ministry-analyst' as const, 'platform-admin' as const] };
const tenantViewers = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'ministry-analyst' as const, 'platform-admin' as const], tenantParam: 'tenant' };

const ALERT_EXAMPLE = {
  tenant: 'kab-kotawaringin-barat',
  name: 'Kabupaten Kotawaringin Barat',
  kind: 'lowest-in-region',
  indicator: 'online-share',
  period: { from: '2025-03-01', to: '2025-05-31' },
  provinceCode: '62',
  status: 'raised',
  value: 0.04,
  threshold: 0.12,
  peers: 4,
  detail: { provinceName: 'Kalimantan Tengah', best: 0.31, next: 0.12, median: 0.12 },
  message: {
    id: 'Kabupaten Kotawaringin Barat: porsi permohonan daring 4% terendah di Kalimantan Tengah (4 tenant; berikutnya 12%) pada 2025-03-01 s.d. 2025-05-31.',
    en: 'Kabupaten Kotawaringin Barat: online share 4% is the lowest in Kalimantan Tengah (4 tenants; next 12%) over 2025-03-01 to 2025-05-31.',
  },
  raisedAt: '2025-06-02T01:00:00.000Z',
  clearedAt: null,
  evaluatedAt: '2025-06-02T01:00:00.000Z',
};

const EVIDENCE_EXAMPLE = {
  tenant: { slug: 'kab-lebong', name: 'Kabupaten Lebong', code: '17.07', provinceCode: '17', provinceName: 'Bengkulu', mppStatus: 'operating' },
  period: { from: '2025-01-01', to: '2025-06-30' },
  generatedAt: '2025-07-01T02:00:00.000Z',
  instrument: 'Monev MPP (Pedoman MenPANRB 5/2022; Perpres 89/2021), with the PEKPPP policy indicators (PermenPANRB 29/2022) and SKM (PermenPANRB 14/2017)',
  summary: { met: 1, partly: 0, missing: 1 },
  indicators: [
    {
      key: 'maklumat',
      name: { id: 'Maklumat pelayanan ditetapkan dan dipublikasikan', en: 'Maklumat pelayanan set and published' },
      basis: 'UU 25/2009 Pasal 22',
      status: 'met',
      source: 'onboarding: maklumat',
      evidence: [
        { label: { id: 'Ditandatangani pada', en: 'Signed on' }, value: '2023-03-01' },
        { label: { id: 'Dipublikasikan pada', en: 'Published at' }, value: '2023-03-02T03:00:00.000Z' },
      ],
      note: { id: 'Maklumat tampil di portal publik tenant.', en: 'The maklumat is shown on the tenant’s public portal.' },
    },
    {
      key: 'visits',
      name: { id: 'Kunjungan (check-in dan nomor antrean)', en: 'Visits (check-ins and queue numbers)' },
      basis: 'Pemantauan mingguan kunjungan MPP oleh MenPAN-RB',
      status: 'missing',
      source: 'visits: no source wired',
      evidence: [{ label: { id: 'Kunjungan', en: 'Visits' }, value: null }],
      note: { id: 'Agregat kunjungan belum tersambung ke paket bukti.', en: 'The visits aggregate is not wired to the evidence pack yet.' },
    },
  ],
  alerts: [],
};

export function monevRoutes(api: RouteTable, monev: MonevService): void {
  api.add({
    method: 'post',
    path: '/api/v1/national/monev/alerts/evaluate',
    operationId: 'evaluateMonevAlerts',
    summary: 'Evaluasi peringatan Monev atas riwayat / Evaluate the Monev alerts over a period',
    description: [
      'Evaluates, from the national weekly rollups (imported history included), for the period [from, to] (the ISO weeks starting from the Monday of `from` through `to`): **lowest-in-region** — per province (from the regency code) and per indicator (online share, SLA compliance, IKM), the tenant(s) with the lowest value when at least `minPeers` tenants of the province have one and not all are equal; **no-online-after-launch** — each tenant whose launch window (the `noOnlineWeeks` ISO weeks from its launch week) overlaps the period and has ended had at most `maxOnline` online (self or assisted) applications.',
      'Stores the outcome in one transaction: alerts that hold are raised (kept when already raised), raised ones of the same scope that no longer hold are cleared. Idempotent: repeating it with the same figures changes nothing (`raised` 0). Aggregates only.',
    ].join('\n\n'),
    tags: ['monitoring'],
    security: national,
    body: EvaluateBody,
    bodyExample: { from: '2025-03-01', to: '2025-05-31' },
    responses: { '200': { description: 'What the evaluation raised, kept and cleared, and the alerts it holds', schema: MonevEvaluation, example: { period: { from: '2025-03-01', to: '2025-05-31' }, options: { noOnlineWeeks: 2, maxOnline: 0, minPeers: 2 }, raised: 1, kept: 0, cleared: 0, items: [ALERT_EXAMPLE] } } },
    errors: [periodInvalid],
    handler: async (ctx, { body }) => {
      const { from, to, ...options } = body;
      return ok(await monev.evaluate(ctx, { from, to }, options));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/monev/alerts',
    operationId: 'listMonevAlerts',
    summary: 'Peringatan Monev nasional / National Monev alerts',
    description: 'Every stored Monev alert (raised or cleared), latest period first, paged; filters by status, kind, province and period. Aggregates only.',
    tags: ['monitoring'],
    security: national,
    query: NationalAlertsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of alerts', schema: Page(MonevAlert), example: { items: [ALERT_EXAMPLE], next: null } } },
    handler: async (_ctx, { query }) => ok(await monev.page(query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/monev/alerts',
    operationId: 'listTenantMonevAlerts',
    summary: 'Peringatan Monev tenant / The tenant’s Monev alerts',
    description: 'The Monev alerts about this tenant (raised or cleared), latest period first, paged: what the ministry sees about it.',
    tags: ['monitoring'],
    security: tenantViewers,
    params: TenantMonevPath,
    query: TenantAlertsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of alerts', schema: Page(MonevAlert), example: { items: [ALERT_EXAMPLE], next: null } } },
    handler: async (ctx, { query }) => ok(await monev.page({ ...query, tenantId: ctx.tenant.id })),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/monev/evidence',
    operationId: 'getMonevEvidencePack',
    summary: 'Paket bukti Monev MPP / Monev MPP evidence pack',
    description:
      'The evaluation indicators the ministry scores an MPP on (legal basis, commitment and launch, agencies, services, service standards, maklumat, counters, online channel, SLA, SKM conducted, published and followed up, complaints, visits), each with its evidence from the platform and a status met / partly / missing, plus the Monev alerts of the period. Aggregates, public decree numbers and dates only: no personal data. Default period: 1 January to today (tenant-local).',
    tags: ['monitoring'],
    security: tenantViewers,
    params: TenantMonevPath,
    query: EvidenceQuery,
    responses: { '200': { description: 'The evidence pack', schema: EvidencePack, example: EVIDENCE_EXAMPLE } },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => ok(await monev.evidence(ctx, defaultPeriod(query, localDate(ctx.now, ctx.tenant.timeZone)))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/monev/evidence.pdf',
    operationId: 'downloadMonevEvidencePack',
    summary: 'Unduh paket bukti Monev MPP (PDF) / Download the evidence pack (PDF)',
    description: 'The evidence pack as a PDF document (the same content as the JSON), to file with the Monev submission.',
    tags: ['monitoring'],
    security: tenantViewers,
    params: TenantMonevPath,
    query: EvidenceQuery,
    responses: {
      '200': { description: 'The PDF file', media: ['application/pdf'], headers: { 'Content-Disposition': { description: '`attachment; filename="bukti-monev-{tenant}-{from}-{to}.pdf"`', required: true } } },
    },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => {
      const p = defaultPeriod(query, localDate(ctx.now, ctx.tenant.timeZone));
      const pdf = await renderEvidencePdf(await monev.evidence(ctx, p));
      return {
        status: 200 as const,
        raw: { content: Buffer.from(pdf), type: 'application/pdf' },
        headers: { 'Content-Disposition': `attachment; filename="bukti-monev-${ctx.tenant.slug}-${p.from}-${p.to}.pdf"`, 'Cache-Control': 'private, no-store' },
      };
    },
  });
}
