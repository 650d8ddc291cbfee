import { ok, type RouteTable } from '../../http/routes.js';
import { preconditionFailed, preconditionRequired } from '../../http/problems.js';
import { Page } from '../../pagination.js';
import { accessLogRangeInvalid, retentionFixed, retentionOutOfRange, retentionUnknown } from './errors.js';
import { AccessEntry, AccessLogQuery, MyAccessEntry, MyAccessLogQuery, MyData, MyDataQuery, PrivacyPath, RetentionBody, RetentionLine, RetentionPath, RetentionSchedule } from './schemas.js';
import type { PrivacyService } from './service.js';

const noStore = { 'Cache-Control': 'no-store' };
const noStoreDoc = { 'Cache-Control': { description: '`no-store`: personal data is not kept by caches', required: true } };

const entryExample = {
  id: '01937c4e-4444-7c3d-9e4f-5a6b7c8d9e0f',
  at: '2026-11-24T03:15:42.123Z',
  requestId: '5f0c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
  purpose: 'handling',
  purposeName: { id: 'Pemrosesan permohonan oleh petugas', en: 'An officer handling the application' },
  record: { type: 'application', id: '01937c4e-5555-7c3d-9e4f-5a6b7c8d9e0f', ref: '7KQ2-M9XD', item: null },
  reader: { subject: '3f1c…', username: 'petugas.polri.kbb', role: 'officer', agency: { code: 'polri', name: 'Polres Cimahi' }, ref: 'a1b2c3d4e5' },
  person: { subject: '9d2e…', identifiedByNik: true, hidden: false },
};

/**
 * Accountability for personal data (UU 27/2022, docs/privacy.md): the tenant admin reads the
 * access log of the tenant; a person reads the reads of their own data and takes a copy of all
 * the tenant holds about them; the retention schedule is public to both.
 */
export function privacyRoutes(api: RouteTable, privacy: PrivacyService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/personal-data-access',
    operationId: 'listPersonalDataAccess',
    summary: 'Log akses data pribadi / Personal data access log',
    description:
      'Who read which person’s data, what and why, in this tenant: every read of an application (and its files) or a complaint by an officer, operator or admin other than the person. Newest first, paged; filter by person (account or NIK, matched by digest), reader, role, purpose, record or time. An anonymous complainant is never named here, and a person filter never matches their entries. Tenant admin only.',
    tags: ['privacy'],
    security: { kind: 'roles', roles: ['tenant-admin'], tenantParam: 'tenant' },
    params: PrivacyPath,
    query: AccessLogQuery,
    paginated: true,
    responses: { '200': { description: 'One page of the log', schema: Page(AccessEntry), headers: noStoreDoc, example: { items: [entryExample], next: null } } },
    errors: [accessLogRangeInvalid],
    handler: async (ctx, { query }) => ok(await privacy.page(ctx, query), noStore),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/me/personal-data-access',
    operationId: 'listMyPersonalDataAccess',
    summary: 'Siapa membaca data saya / Who read my data',
    description:
      'Every recorded read of the caller’s data in this tenant by someone else, newest first: when, what, why, and who as role, agency and a stable pseudonym (`ref`) the tenant admin can name. Reads by the person themself are not recorded.',
    tags: ['privacy'],
    // A person's own data: the citizen role (every signed-in person has it, except the ministry analyst and service accounts, who get 403).
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: PrivacyPath,
    query: MyAccessLogQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of reads of my data',
        schema: Page(MyAccessEntry),
        headers: noStoreDoc,
        example: {
          items: [
            {
              id: entryExample.id,
              at: entryExample.at,
              purpose: 'handling',
              purposeName: entryExample.purposeName,
              record: entryExample.record,
              reader: { role: 'officer', roleName: { id: 'Petugas instansi', en: 'Agency officer' }, agency: { code: 'polri', name: 'Polres Cimahi' }, ref: 'a1b2c3d4e5' },
            },
          ],
          next: null,
        },
      },
    },
    handler: async (ctx, { query }) => ok(await privacy.mine(ctx, query), noStore),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/me/data',
    operationId: 'exportMyData',
    summary: 'Unduh data saya / Download my data',
    description:
      'Everything this tenant holds about the caller’s account, as one JSON document (UU 27/2022: access to and a copy of one’s data): the account as the identity provider vouches for it, applications (form data, timeline, document and output metadata), bookings, complaints (public thread, attachment metadata), SKM invitations, the access log of my data, and the retention schedule. Files are listed with the path that answers a download link. `download=true` answers it as an attachment. SKM answers are anonymous by design and cannot be tied back to anyone, so they are not in it.',
    tags: ['privacy'],
    // A person's own data: the citizen role (every signed-in person has it, except the ministry analyst and service accounts, who get 403).
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: PrivacyPath,
    query: MyDataQuery,
    responses: {
      '200': {
        description: 'My data',
        schema: MyData,
        headers: { ...noStoreDoc, 'Content-Disposition': { description: 'With `download=true`: attachment; filename="data-saya-{tenant}-{date}.json"' } },
      },
    },
    handler: async (ctx, { query }) => {
      const body = await privacy.export(ctx);
      const file = `data-saya-${ctx.tenant.slug}-${ctx.now.toISOString().slice(0, 10)}.json`;
      return ok(body, query.download ? { ...noStore, 'Content-Disposition': `attachment; filename="${file}"` } : noStore);
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/retention',
    operationId: 'getRetentionSchedule',
    summary: 'Jadwal retensi data / Data retention schedule',
    description:
      'How long each kind of record is kept in this tenant, from when, what happens then, and on what basis (docs/privacy.md). Lines with `bounds` have a platform default the regency may replace (`setBy: regency`, with the `decree` it cites); the purge job applies the lines with a number of days every hour. Kept records (arsip) have no period here: they are destroyed only under the regency’s JRA, outside the platform.',
    tags: ['privacy'],
    security: { kind: 'authenticated' },
    params: PrivacyPath,
    responses: { '200': { description: 'The schedule', schema: RetentionSchedule } },
    handler: async (ctx) => ok({ items: await privacy.schedule(ctx) }),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/retention/:code',
    operationId: 'setRetentionPeriod',
    summary: 'Tetapkan masa retensi / Set a retention period',
    description:
      'The tenant admin sets the period of one line (ditetapkan oleh regency) within its `bounds`, citing what it rests on (`basis`: its JRA, a Perbup…). The first setting needs no If-Match; changing it again quotes the ETag answered (428 without it, 412 when someone changed it meanwhile). Recorded in the audit trail.',
    tags: ['privacy'],
    security: { kind: 'roles', roles: ['tenant-admin'], tenantParam: 'tenant' },
    params: RetentionPath,
    body: RetentionBody,
    bodyExample: { days: 60, basis: 'Jadwal Retensi Arsip Pemerintah Kabupaten (nomor keputusan ditetapkan oleh regency)' },
    concurrency: 'update',
    responses: { '200': { description: 'The line as it now applies, with its ETag', schema: RetentionLine } },
    errors: [retentionUnknown, retentionFixed, retentionOutOfRange, preconditionRequired, preconditionFailed],
    handler: async (ctx, { params, body, preconditions }) => {
      const { line, etag } = await privacy.setRetention(ctx, params.code, body, preconditions);
      return ok(line, { ETag: etag });
    },
  });
}
