import Type from 'typebox';
import type { UnitOfWork } from '@satupintu/db';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath } from '../../http/schemas.js';
import type { ActionService } from './actions.js';
import type { DocumentService } from './documents.js';
import { escalationQueries } from './queries.js';
import type { ApplicationService } from './service.js';
import {
  ActionBody,
  ActionPath,
  ApplicationPath,
  ClaimBody,
  CreateApplicationBody,
  DocumentDownloadPath,
  DocumentPath,
  DownloadLink,
  JourneyBody,
  ListApplicationsQuery,
  OutputDownloadPath,
  QueuePath,
  QueueQuery,
  UpdateDraftBody,
  UploadQuery,
} from './schemas.js';

const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'village-operator' as const], tenantParam: 'tenant' };
const idem = [{ name: 'Idempotency-Key', description: 'A retry with the same key returns the first result (the key is bound to the caller and the operation)' }];
const location = (tenant: string, id: string) => `/api/v1/tenants/${tenant}/applications/${id}`;

export function applicationRoutes(api: RouteTable, s: { apps: ApplicationService; documents: DocumentService; actions: ActionService; uow: UnitOfWork }): void {
  const { apps, documents, actions } = s;

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications',
    operationId: 'createApplication',
    summary: 'Ajukan permohonan (atau simpan draf) / Apply (or save a draft)',
    description:
      'A citizen applies online. An officer (counter) or village operator (assisted) files for a citizen with `applicant` and `consent`. `submit: true` validates the form and required documents at once; otherwise a draft is saved on the server.',
    tags: ['applications'],
    security: people,
    params: TenantPath(),
    headers: idem,
    body: CreateApplicationBody,
    responses: { '201': { description: 'Created (draft or submitted) with its tracking code' }, '404': { description: 'SERVICE_NOT_FOUND (not installed in this tenant)' }, '422': { description: 'FORM_INVALID, DOCUMENTS_MISSING, CONSENT_REQUIRED' } },
    handler: async (rctx, { body, req }) => {
      const ctx = withIdempotency(rctx, req, 'createApplication', body);
      const view = await apps.create(ctx, body);
      return created(view, location(ctx.tenant.slug, view.id), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications',
    operationId: 'listApplications',
    summary: 'Permohonan saya / My applications',
    description: 'Citizens see their own, filers what they filed, officers their agency’s submitted applications.',
    tags: ['applications'],
    security: people,
    params: TenantPath(),
    query: ListApplicationsQuery,
    responses: { '200': { description: 'Applications, newest first' } },
    handler: async (ctx, { query }) => ok({ items: await apps.list(ctx, query) }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id',
    operationId: 'getApplication',
    summary: 'Lacak permohonan / Track an application',
    description: 'Status, timeline, documents, outputs and the actions the caller may take now.',
    tags: ['applications'],
    security: people,
    params: ApplicationPath,
    responses: { '200': { description: 'The application' }, '404': { description: 'APPLICATION_NOT_FOUND (also for someone else’s)' } },
    handler: async (ctx, { params }) => ok(await apps.get(ctx, params.id)),
  });

  api.add({
    method: 'patch',
    path: '/api/v1/tenants/:tenant/applications/:id',
    operationId: 'updateDraft',
    summary: 'Perbarui draf / Update a draft',
    tags: ['applications'],
    security: people,
    params: ApplicationPath,
    body: UpdateDraftBody,
    responses: { '200': { description: 'The draft' }, '409': { description: 'APPLICATION_NOT_EDITABLE' } },
    handler: async (ctx, { params, body }) => ok(await apps.updateDraft(ctx, params.id, body.data)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/submit',
    operationId: 'submitApplication',
    summary: 'Kirim permohonan / Submit',
    tags: ['applications'],
    security: people,
    params: ApplicationPath,
    headers: idem,
    responses: { '200': { description: 'Submitted (a retry returns the same)' }, '422': { description: 'FORM_INVALID, DOCUMENTS_MISSING' } },
    handler: async (rctx, { params, req }) => {
      const ctx = withIdempotency(rctx, req, `submitApplication:${params.id}`, { id: params.id });
      return ok(await apps.submit(ctx, params.id), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/applications/:id/documents/:code',
    operationId: 'uploadDocument',
    summary: 'Unggah dokumen (badan mentah) / Upload a document (raw body)',
    description:
      'Send the file as the raw request body (any Content-Type; the type is decided from the content). `?filename=` names it. Streams to S3; size, count and accepted types come from the plugin.',
    tags: ['applications'],
    security: people,
    params: DocumentPath,
    query: UploadQuery,
    rawBody: { description: 'The file (PDF, PNG or JPEG as the document accepts)' },
    headers: idem,
    responses: {
      '201': { description: 'Stored, with sha256' },
      '400': { description: 'UPLOAD_EMPTY' },
      '413': { description: 'UPLOAD_TOO_LARGE' },
      '415': { description: 'UPLOAD_TYPE_NOT_ACCEPTED' },
      '409': { description: 'DOCUMENT_COUNT_EXCEEDED, APPLICATION_NOT_EDITABLE' },
      '503': { description: 'STORAGE_UNAVAILABLE' },
    },
    handler: async (rctx, { params, query, req }) => {
      const ctx = withIdempotency(rctx, req, `uploadDocument:${params.id}:${params.code}`, { id: params.id, code: params.code, filename: query.filename ?? null });
      const doc = await documents.upload(ctx, params.id, params.code, req, query.filename ?? null);
      return created(doc, undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/documents/:code/from-application',
    operationId: 'attachJourneyDocument',
    summary: 'Pakai produk layanan lain (layanan terintegrasi) / Use another service’s output (journey)',
    description: 'E.g. the Polri loss report (SKTLK) as the KTP-el replacement’s document, without a re-upload; refused beyond the plugin’s maximum age.',
    tags: ['applications'],
    security: people,
    params: DocumentPath,
    body: JourneyBody,
    headers: idem,
    responses: { '201': { description: 'Attached' }, '422': { description: 'JOURNEY_SOURCE_INVALID, JOURNEY_OUTPUT_TOO_OLD' } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `attachJourneyDocument:${params.id}:${params.code}`, body);
      return created(await documents.attachFromApplication(ctx, params.id, params.code, body.trackingCode), undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/documents/:document/download',
    operationId: 'downloadDocument',
    summary: 'Tautan unduh dokumen / Document download link',
    description: 'A presigned URL valid for two minutes, after the access check.',
    tags: ['applications'],
    security: people,
    params: DocumentDownloadPath,
    responses: { '200': { description: 'A short-lived link', schema: DownloadLink } },
    handler: async (ctx, { params }) => ok(await documents.downloadUrl(ctx, params.id, { document: params.document })),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/outputs/:output/download',
    operationId: 'downloadOutput',
    summary: 'Tautan unduh produk / Output download link',
    tags: ['applications'],
    security: people,
    params: OutputDownloadPath,
    responses: { '200': { description: 'A short-lived link', schema: DownloadLink } },
    handler: async (ctx, { params }) => ok(await documents.downloadUrl(ctx, params.id, { output: params.output })),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/actions/:action',
    operationId: 'actOnApplication',
    summary: 'Tindakan SOP / Take an SOP action',
    description: 'Allowed actions come from the application’s own plugin version: (state, role) → actions. Anything else is 409.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen', 'officer', 'village-operator', 'tenant-admin'], tenantParam: 'tenant' },
    params: ActionPath,
    body: ActionBody,
    responses: { '200': { description: 'The application after the action' }, '409': { description: 'ACTION_NOT_ALLOWED, VERSION_CONFLICT, ACTION_GUARD_FAILED' }, '422': { description: 'COMMENT_REQUIRED' } },
    handler: async (ctx, { params, body }) => ok(await actions.act(ctx, params.id, params.action, body)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies/:agency/queue',
    operationId: 'getOfficerQueue',
    summary: 'Antrean kerja petugas / Officer work queue',
    description: 'Submitted applications of one agency at one tenant, by step due date, with counts due today and overdue.',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['officer'], tenantParam: 'tenant', agencyParam: 'agency' },
    params: QueuePath,
    query: QueueQuery,
    responses: { '200': { description: '{today, counts: {total, dueToday, overdue}, items}' }, '403': { description: 'AGENCY_NOT_ALLOWED, TENANT_NOT_ALLOWED' } },
    handler: async (ctx, { params, query }) => ok(await actions.queue(ctx, params.agency, query)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/claim',
    operationId: 'claimApplication',
    summary: 'Ambil permohonan / Claim an application',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['officer'], tenantParam: 'tenant' },
    params: ApplicationPath,
    body: ClaimBody,
    responses: { '200': { description: 'The application' }, '409': { description: 'ALREADY_CLAIMED' } },
    handler: async (ctx, { params, body }) => ok(await actions.claim(ctx, params.id, body.release)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/escalations',
    operationId: 'listEscalations',
    summary: 'Eskalasi lewat batas waktu / Overdue escalations',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin'], tenantParam: 'tenant' },
    params: TenantPath(),
    responses: { '200': { description: 'Escalations, newest first', schema: Type.Object({ items: Type.Array(Type.Object({})) }) } },
    handler: async (ctx) => ok({ items: await s.uow.read(ctx, (tx) => escalationQueries.list(tx.sql)) }),
  });
}
