import type { RouteTable } from '../../http/routes.js';
import { ok } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { complaintActionNotAllowed, complaintNotFound } from './errors.js';
import { laporBaseUrlInvalid, laporConflict, laporNotConfigured, laporNotFound, laporSandbox, laporSecretRequired } from './lapor-errors.js';
import { LaporConfigBody, LaporConfigView, LaporConnectionView } from './lapor-schemas.js';
import type { LaporConnector } from './lapor.js';
import { onTenant } from './routes.js';
import { ComplaintPath, ComplaintSchema } from './schemas.js';

const coordinator = onTenant('tenant-admin');
const base = '/api/v1/tenants/:tenant/lapor';

/** SP4N-LAPOR! (issue 24, ADR 0038): the regency's developer account, its health, and the push of a complaint. */
export function laporRoutes(api: RouteTable, lapor: LaporConnector): void {
  api.add({
    method: 'put',
    path: `${base}/config`,
    operationId: 'configureLapor',
    summary: 'Atur koneksi API SP4N-LAPOR! / Configure the SP4N-LAPOR! API connection',
    description:
      'The regency’s LAPOR! developer account: base URL, client id and secret (sealed at rest, never answered: only its last four characters), how often linked reports are pulled, and overrides of the protocol (paths, field names, status words, categories) whose defaults are ours, to confirm with KemenPAN-RB: the integration API is documented only to developer accounts. `enabled: false` keeps manual mode only. Creating it needs no If-Match; replacing it quotes the ETag of your last read in If-Match (428 without, 412 when someone changed it meanwhile).',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    body: LaporConfigBody,
    concurrency: 'update',
    bodyExample: { enabled: true, baseUrl: 'https://api.lapor.go.id/integrasi/v1', clientId: 'kab-bandung-barat', clientSecret: 'rahasia-dari-lapor-0123', pullMinutes: 60 },
    responses: { '200': { description: 'The connection as configured (never the secret)', schema: LaporConfigView } },
    errors: [laporBaseUrlInvalid, laporSecretRequired],
    handler: async (ctx, { body, preconditions }) => {
      const { config, etag } = await lapor.configure(ctx, body, preconditions);
      return ok(config, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: `${base}/config`,
    operationId: 'getLaporConfig',
    summary: 'Konfigurasi koneksi SP4N-LAPOR! / SP4N-LAPOR! connection configuration',
    description: 'Never the secret: only whether it is set and its last four characters.',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    concurrency: 'read',
    responses: { '200': { description: 'The connection, with its ETag', schema: LaporConfigView } },
    errors: [laporNotFound],
    handler: async (ctx) => {
      const { config, etag } = await lapor.config(ctx);
      return ok(config, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: `${base}/connection`,
    operationId: 'getLaporConnection',
    summary: 'Kesehatan koneksi SP4N-LAPOR! / SP4N-LAPOR! connection health',
    description: 'Configured? enabled? (a sandbox never calls out), the last success and the last error, and how many complaints are pending, synced, failed, in conflict or linked by hand.',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    responses: { '200': { description: 'Health of the connection', schema: LaporConnectionView } },
    handler: async (ctx) => ok(await lapor.health(ctx)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/complaints/:id/lapor/push',
    operationId: 'pushComplaintToLapor',
    summary: 'Kirim pengaduan ke SP4N-LAPOR! / Push a complaint to SP4N-LAPOR!',
    description:
      'API mode: the complaint becomes `pending` and a worker pushes it under a stable reference (anonim: no identity sent; rahasia: not published, no identity sent), then pulls its status and disposition. Asking again while it is pending or linked changes nothing: never a second report. After `failed` it starts again, asking LAPOR! for the reference before creating.',
    tags: ['complaints'],
    security: coordinator,
    params: ComplaintPath,
    responses: { '202': { description: 'Queued (or already linked): the complaint with its LAPOR! sync state', schema: ComplaintSchema } },
    errors: [complaintNotFound, complaintActionNotAllowed, laporNotConfigured, laporSandbox, laporConflict],
    handler: async (ctx, { params }) => ({ status: 202 as const, body: await lapor.requestPush(ctx, params.id) }),
  });
}
