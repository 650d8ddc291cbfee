import type { Request } from 'express';
import { ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { bodyTooLarge } from '../../http/problems.js';
import { applicationNotFound } from '../applications/index.js';
import { endpointRefused, inboundInvalid, inboundNotConfigured, inboundUnauthorized, nibNotFound, ossNotConfigured, ossNotDraft, ossNotMapped, ossSandbox, ossUnavailable, ossUserKeyMissing, projectNotFound } from './errors.js';
import { ApplicationPath, Connection, ConnectionBody, InboxList, LookupBody, LookupResult, OssLink, ReceiveNibAck } from './schemas.js';
import type { OssService } from './service.js';

const admin = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };
const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'village-operator' as const], tenantParam: 'tenant' };
const staff = { kind: 'roles' as const, roles: ['officer' as const, 'tenant-admin' as const], tenantParam: 'tenant' };

/** receiveNIB carries the whole dataNIB (people, shareholders, projects, checklist): refused past 2 MB. */
const INBOUND_MAX_BYTES = 2 * 1024 * 1024;

async function rawBody(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > INBOUND_MAX_BYTES) throw bodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** OSS-RBA (docs/oss.md): the connection and its health, the NIB lookup into a draft, an application's OSS link and pushes, receiveNIB and its inbox. */
export function ossRoutes(api: RouteTable, s: OssService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/oss/connection',
    operationId: 'getOssConnection',
    summary: 'Koneksi OSS-RBA dan kesehatannya / The OSS-RBA connection and its health',
    description: 'Configured? enabled? the PIA version spoken, the last success and last error, pushes pending/failed/sent, receiveNIB items waiting. Secrets are never answered, only whether they are set.',
    tags: ['oss'],
    security: admin,
    params: TenantPath(),
    responses: { '200': { description: 'The connection', schema: Connection } },
    handler: async (ctx) => ok(await s.connection(ctx)),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/oss/connection',
    operationId: 'configureOssConnection',
    summary: 'Atur koneksi OSS-RBA / Configure the OSS-RBA connection',
    description: 'The K/L/D credentials the OSS agency issued to this regency’s system: endpoint and `user_key` (write-only, stored encrypted), `kd_instansi`, the signer of final permits, and the HTTP Basic credentials OSS uses to push receiveNIB here (point OSS at `inbound.url`).',
    tags: ['oss'],
    security: admin,
    params: TenantPath(),
    body: ConnectionBody,
    bodyExample: { enabled: true, endpoint: 'https://api-stg.oss.go.id/stg/v1/kl/rba', userKey: 'user-key-from-lembaga-oss', kdInstansi: '3217', signer: { name: 'Drs. Asep Hidayat', nip: '197001011990031001', position: 'Kepala DPMPTSP' }, inbound: { username: 'oss-kbb', password: 'a-long-random-password' } },
    responses: { '200': { description: 'The connection as stored', schema: Connection } },
    errors: [ossUserKeyMissing, endpointRefused],
    handler: async (ctx, { body }) => ok(await s.configure(ctx, body)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/oss/nib-lookup',
    operationId: 'lookupOssNib',
    summary: 'Isi draf dari NIB (OSS inqueryNIB) / Fill a draft from an NIB (OSS inqueryNIB)',
    description:
      'Looks the NIB up in OSS-RBA and fills the form fields the service’s plugin maps (business name, NPWP, address, person in charge, KBLI, project id), keeping what OSS does not say. Stores the NIB, OSS id, project, permit id, KBLI codes, business scale (skala usaha) and risk level (tingkat risiko) with the application: its status pushes to OSS start from there. Only the draft’s writer may; a sandbox never calls OSS.',
    tags: ['oss', 'applications'],
    security: people,
    params: ApplicationPath,
    body: LookupBody,
    bodyExample: { nib: '9120001234567' },
    responses: { '200': { description: 'Filled', schema: LookupResult } },
    errors: [applicationNotFound, ossNotDraft, ossNotMapped, ossSandbox, ossNotConfigured, nibNotFound, projectNotFound, ossUnavailable],
    handler: async (ctx, { params, body }) => ok(await s.lookup(ctx, params.id, body.nib, body.idProyek)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/oss',
    operationId: 'getApplicationOss',
    summary: 'Identitas OSS permohonan dan status kirimnya / The application’s OSS identity and its pushes',
    description: 'NIB, OSS id, project, permit id, KBLI, scale and risk, the permit number OSS recorded, and every status push with its state (pending, sent, failed, skipped) and attempts.',
    tags: ['oss', 'applications'],
    security: { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'village-operator' as const, 'tenant-admin' as const], tenantParam: 'tenant' },
    params: ApplicationPath,
    responses: { '200': { description: 'The OSS link', schema: OssLink } },
    errors: [applicationNotFound, ossNotMapped],
    handler: async (ctx, { params }) => ok(await s.link(ctx, params.id)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/oss/receiveNIB',
    operationId: 'receiveOssNib',
    summary: 'receiveNIB dari OSS / receiveNIB from OSS',
    description:
      'OSS pushes an NIB with the checklist of permits under the regency’s authority (PIA receiveNIB). Authenticated with HTTP Basic (the credentials configured in …/oss/connection); idempotent on NIB + OSS id + id_izin (a repeat updates the stored data, never a second item). Answers the PIA envelope `responreceiveNIB`.',
    tags: ['oss'],
    security: { kind: 'public' },
    params: TenantPath(),
    rawBody: { description: '`{ "dataNIB": { "nib", "oss_id", "id_izin", "kd_izin", …, "data_checklist": [] } }` as OSS sends it', media: ['application/json'] },
    headers: [{ name: 'Authorization', description: 'Basic base64(username:password)', required: true }],
    responses: { '200': { description: 'Stored', schema: ReceiveNibAck } },
    errors: [inboundNotConfigured, inboundUnauthorized, inboundInvalid, bodyTooLarge],
    handler: async (ctx, { req }) => ok(await s.receiveNib(ctx, await rawBody(req), req.get('authorization'))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/oss/nib-inbox',
    operationId: 'listOssNibInbox',
    summary: 'Kiriman NIB dari OSS / NIBs pushed by OSS',
    description: 'What OSS pushed with receiveNIB (business, checklist of permits), newest first: the DPMPTSP’s pending items.',
    tags: ['oss'],
    security: staff,
    params: TenantPath(),
    responses: { '200': { description: 'The items', schema: InboxList } },
    handler: async (ctx) => ok(await s.inbox(ctx)),
  });
}
