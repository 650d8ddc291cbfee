import { ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { etagMatches } from '../../preconditions.js';
import { catalogCoding } from './coding.js';
import { formInvalid, serviceNotFound } from './errors.js';
import { catalogPage, type CatalogService } from './service.js';
import { Catalog, CatalogQuery, CatalogSummary, FeeQuote, FormData, FormValid, ServiceDetail, ServicePath } from './schemas.js';

const CACHE = 'public, max-age=60';

const ktp = {
  id: 'dukcapil.ktpel-penggantian',
  plugin: 'dukcapil',
  version: '1.0.0',
  code: 'ktpel-penggantian',
  name: { id: 'Penggantian KTP-el', en: 'Replacement of an e-KTP' },
  summary: { id: 'KTP-el pengganti karena hilang atau rusak', en: 'A replacement e-KTP when lost or damaged' },
  category: 'non-perizinan',
  channels: ['online', 'counter'],
  keywords: ['ktp', 'hilang', 'rusak'],
  agency: { code: 'dukcapil', name: { id: 'Dinas Kependudukan dan Pencatatan Sipil', en: 'Population and Civil Registration Office' }, kind: 'regional' },
  counter: { name: 'Gerai Disdukcapil', number: '3' },
  appointmentRequired: false,
  standard: [{ number: 4, key: 'fee', name: { id: 'Biaya/tarif', en: 'Fee' }, text: [{ id: 'Tidak dipungut biaya (UU 24/2013)', en: 'Free of charge (UU 24/2013)' }] }],
};

export function catalogRoutes(api: RouteTable, catalog: CatalogService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services',
    operationId: 'listServices',
    summary: 'Katalog layanan publik tenant / The tenant’s public service catalog',
    description: [
      'Installed services with the six published components of the standar pelayanan (requirements, procedure, time, fee, product, complaints), in Indonesian and English, with the agency and the counter.',
      'Answered whole, not paged: a regency’s catalog is bounded by the services it installed (tens, a few hundred at most), and one body is what lets it be rendered once, cached, compressed ahead (brotli or gzip, as the client accepts) and revalidated for free — read on cheap phones, it is the first page citizens open.',
      'The unfiltered catalog carries a weak ETag (the same for every content coding); `If-None-Match` with it answers 304 with no body. The filtered one (`q`, `category`, `agency`) is computed per request.',
    ].join(' '),
    tags: ['catalog'],
    security: { kind: 'public' },
    params: TenantPath(),
    query: CatalogQuery,
    responses: {
      '200': {
        description: 'The catalog',
        schema: Catalog,
        prerendered: true,
        example: { tenant: { slug: 'kab-bandung-barat', name: 'Kabupaten Bandung Barat', timeZone: 'Asia/Jakarta' }, items: [ktp] },
        headers: {
          ETag: { description: 'The unfiltered catalog’s version (weak: the same for every content coding)' },
          'Cache-Control': { description: '`public, max-age=60`' },
        },
      },
      '304': {
        description: 'Not modified: If-None-Match names the current ETag',
        headers: { ETag: { description: 'The current version', required: true }, 'Cache-Control': { description: '`public, max-age=60`' } },
      },
    },
    handler: async (ctx, { query, req }) => {
      if (query.q || query.category || query.agency) return ok(catalogPage(ctx.tenant, await catalog.list(ctx, query)), { 'Cache-Control': CACHE });
      const c = await catalog.rendered(ctx);
      const headers = { ETag: c.etag, 'Cache-Control': CACHE, Vary: 'Accept-Encoding' };
      if (etagMatches(req.header('if-none-match'), c.etag, 'weak')) return { status: 304, headers };
      // Sent as cached; the compression middleware leaves a body with a Content-Encoding alone.
      const coding = catalogCoding(req.header('accept-encoding'));
      if (coding === 'identity') return { status: 200, raw: { content: c.json, type: 'application/json' }, headers };
      return { status: 200, raw: { content: c[coding], type: 'application/json' }, headers: { ...headers, 'Content-Encoding': coding } };
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/service-summaries',
    operationId: 'listServiceSummaries',
    summary: 'Daftar layanan ringkas / The catalog as its list shows it',
    description: [
      'Every installed service with only what a list shows (name, summary, category, channels, keywords, agency, whether a session must be booked); the standar pelayanan is on the service itself (`getService`).',
      'Under half of `listServices` on the wire (KBB: ~9 KB brotli instead of ~23 KB; 39 KB of JSON instead of 178 KB to parse): what the catalog page reads on a cheap phone. Rendered and compressed once per installation change, with a weak ETag; `If-None-Match` with it answers 304.',
    ].join(' '),
    tags: ['catalog'],
    security: { kind: 'public' },
    params: TenantPath(),
    responses: {
      '200': {
        description: 'The catalog, summarised',
        schema: CatalogSummary,
        prerendered: true,
        example: {
          tenant: { slug: 'kab-bandung-barat', name: 'Kabupaten Bandung Barat', timeZone: 'Asia/Jakarta' },
          items: [{ id: ktp.id, code: ktp.code, name: ktp.name, summary: ktp.summary, category: ktp.category, channels: ktp.channels, keywords: ktp.keywords, agency: ktp.agency, appointmentRequired: false }],
        },
        headers: {
          ETag: { description: 'The list’s version (weak: the same for every content coding)' },
          'Cache-Control': { description: '`public, max-age=60`' },
        },
      },
      '304': {
        description: 'Not modified: If-None-Match names the current ETag',
        headers: { ETag: { description: 'The current version', required: true }, 'Cache-Control': { description: '`public, max-age=60`' } },
      },
    },
    handler: async (ctx, { req }) => {
      const c = await catalog.renderedSummaries(ctx);
      const headers = { ETag: c.etag, 'Cache-Control': CACHE, Vary: 'Accept-Encoding' };
      if (etagMatches(req.header('if-none-match'), c.etag, 'weak')) return { status: 304, headers };
      const coding = catalogCoding(req.header('accept-encoding'));
      if (coding === 'identity') return { status: 200, raw: { content: c.json, type: 'application/json' }, headers };
      return { status: 200, raw: { content: c[coding], type: 'application/json' }, headers: { ...headers, 'Content-Encoding': coding } };
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services/:service',
    operationId: 'getService',
    summary: 'Rincian layanan / One service in full',
    description: 'All 14 components, documents, the form (JSON Schema and UI hints), SLA, fee, outputs and SOP states, as this tenant offers the service (its pinned version with the regency’s overlay).',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: ServicePath,
    responses: { '200': { description: 'The service', schema: ServiceDetail } },
    errors: [serviceNotFound],
    handler: async (ctx, { params }) => ok(await catalog.detail(ctx, params.service)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/services/:service/validate',
    operationId: 'validateServiceForm',
    summary: 'Periksa isian formulir / Check form data',
    description: 'Validates form data against the installed version’s JSON Schema (NIK, KK, NPWP, phone and postal code formats included). Stores nothing.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: ServicePath,
    body: FormData,
    bodyExample: { nik: '3217064101900001', noKk: '3217061503120004', namaLengkap: 'Siti Nurhaliza', alasan: 'rusak', noHp: '081234567890' },
    responses: { '200': { description: 'Valid', schema: FormValid, example: { valid: true, plugin: 'dukcapil', version: '1.0.0' } } },
    errors: [serviceNotFound, formInvalid],
    handler: async (ctx, { params, body }) => ok(await catalog.validate(ctx, params.service, body)),
  });

  // Part "fees" (issue 23).
  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/services/:service/fee-quote',
    operationId: 'quoteServiceFee',
    summary: 'Hitung biaya / Quote the fee',
    description:
      'What applying with these (possibly partial) answers costs today, on the tenant’s date: each charge with its regulation (PNBP by PP, a Perda fine…), the total in rupiah, and `pending` answers a charge still needs. Zero: “tidak dipungut biaya”. Stores nothing; the submitted application records its own quote.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: ServicePath,
    body: FormData,
    bodyExample: { jenisPaspor: 'paspor-elektronik-48', percepatan: false },
    responses: {
      '200': {
        description: 'The quote',
        schema: FeeQuote,
        example: {
          currency: 'IDR',
          total: 650000,
          free: false,
          complete: true,
          asOf: '2026-12-07',
          lines: [{ code: 'paspor-elektronik-48', name: { id: 'Paspor elektronik 48 halaman', en: 'Electronic passport, 48 pages' }, amount: 650000, legalBasis: 'PP 28/2019 (PNBP Kemenkumham)', locked: true }],
          pending: [],
          legalBasis: ['PP 28/2019 (PNBP Kemenkumham)'],
          text: { id: 'Rp650.000 (PP 28/2019 (PNBP Kemenkumham))', en: 'Rp650.000 (PP 28/2019 (PNBP Kemenkumham))' },
        },
      },
    },
    errors: [serviceNotFound],
    handler: async (ctx, { params, body }) => ok(await catalog.feeQuote(ctx, params.service, body)),
  });
}
