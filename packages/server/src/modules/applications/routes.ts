import type { Identity } from '@satupintu/auth';
import type { ApiRegistry } from '../../api.js';
import { IdempotencyStore } from '../../idempotency.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import type { ApplicationService, CreateApplicationInput } from './service.js';
import type { Databases } from '@satupintu/db';

const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'village-operator' as const], tenantParam: 'tenant' };
const uuid = { type: 'string', format: 'uuid' };
const code = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' };
const p = (extra: Record<string, unknown> = {}) => ({ type: 'object', required: ['tenant', ...Object.keys(extra)], properties: { tenant: tenantSlugParam, ...extra } });
const idem = [{ name: 'Idempotency-Key', description: 'A retry with the same key returns the first result' }];

export function applicationRoutes(api: ApiRegistry, tenants: TenantService, apps: ApplicationService, dbs: Databases): void {
  const who = (res: { locals: Record<string, unknown> }) => res.locals.identity as Identity;
  const tenant = (slug: unknown) => tenants.getBySlug(slug as string);

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications',
    operationId: 'createApplication',
    summary: 'Ajukan permohonan (atau simpan draf) / Apply (or save a draft)',
    description:
      'A citizen applies online. An officer (counter) or village operator (assisted) files for a citizen with `applicant` and `consent`. `submit: true` validates the form and required documents at once; otherwise a draft is saved on the server.',
    tags: ['applications'],
    security: people,
    params: p(),
    headers: idem,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['service'],
      properties: {
        service: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62}$', description: 'plugin.service, e.g. dukcapil.ktpel-penggantian' },
        data: { type: 'object', description: 'Form data (validated against the installed version on submit)' },
        submit: { type: 'boolean', default: false },
        applicant: {
          type: 'object',
          additionalProperties: false,
          required: ['nik', 'name'],
          properties: { nik: { type: 'string', pattern: '^\\d{16}$' }, name: { type: 'string', minLength: 2, maxLength: 120 }, phone: { type: 'string', maxLength: 20 } },
          description: 'The citizen an officer or village operator files for',
        },
        consent: {
          type: 'object',
          additionalProperties: false,
          required: ['statement', 'method'],
          properties: { statement: { type: 'string', minLength: 10, maxLength: 1000 }, method: { enum: ['signed-form', 'verbal', 'whatsapp', 'app'] } },
          description: 'The citizen’s consent to assisted filing',
        },
      },
    },
    responses: { '201': { description: 'Created (draft or submitted) with its tracking code' }, '404': { description: 'SERVICE_NOT_FOUND (not installed in this tenant)' }, '422': { description: 'FORM_INVALID, DOCUMENTS_MISSING, CONSENT_REQUIRED' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const input = req.body as CreateApplicationInput;
      const key = IdempotencyStore.keyOf(req);
      const r = await IdempotencyStore.tenant(dbs, t).run(`create:${who(res).subject}`, key, input, async () => ({ status: 201, body: await apps.create(t, who(res), input, { idempotencyKey: key }) }));
      if (r.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(r.status).location(`/api/v1/tenants/${t.slug}/applications/${(r.body as { id: string }).id}`).json(r.body);
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
    params: p(),
    query: { type: 'object', additionalProperties: false, properties: { status: { enum: ['draft', 'submitted', 'completed', 'rejected', 'withdrawn'] } } },
    responses: { '200': { description: 'Applications, newest first' } },
    handler: async (req, res) => {
      res.json({ items: await apps.list(await tenant(req.params.tenant), who(res), res.locals.query as { status?: 'draft' }) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id',
    operationId: 'getApplication',
    summary: 'Lacak permohonan / Track an application',
    description: 'Status, timeline, documents, outputs and the actions the caller may take now.',
    tags: ['applications'],
    security: people,
    params: p({ id: uuid }),
    responses: { '200': { description: 'The application' }, '404': { description: 'APPLICATION_NOT_FOUND (also for someone else’s)' } },
    handler: async (req, res) => {
      res.json(await apps.get(await tenant(req.params.tenant), who(res), req.params.id as string));
    },
  });

  api.add({
    method: 'patch',
    path: '/api/v1/tenants/:tenant/applications/:id',
    operationId: 'updateDraft',
    summary: 'Perbarui draf / Update a draft',
    tags: ['applications'],
    security: people,
    params: p({ id: uuid }),
    body: { type: 'object', additionalProperties: false, required: ['data'], properties: { data: { type: 'object' } } },
    responses: { '200': { description: 'The draft' }, '409': { description: 'APPLICATION_NOT_EDITABLE' } },
    handler: async (req, res) => {
      res.json(await apps.updateDraft(await tenant(req.params.tenant), who(res), req.params.id as string, (req.body as { data: Record<string, unknown> }).data));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/submit',
    operationId: 'submitApplication',
    summary: 'Kirim permohonan / Submit',
    tags: ['applications'],
    security: people,
    params: p({ id: uuid }),
    headers: idem,
    responses: { '200': { description: 'Submitted (a retry returns the same)' }, '422': { description: 'FORM_INVALID, DOCUMENTS_MISSING' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const id = req.params.id as string;
      const r = await IdempotencyStore.tenant(dbs, t).run(`submit:${id}`, IdempotencyStore.keyOf(req), id, async () => ({ status: 200, body: await apps.submit(t, who(res), id) }));
      res.status(r.status).json(r.body);
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
    params: p({ id: uuid, code }),
    query: { type: 'object', additionalProperties: false, properties: { filename: { type: 'string', maxLength: 200 } } },
    headers: idem,
    responses: {
      '201': { description: 'Stored, with sha256' },
      '400': { description: 'UPLOAD_EMPTY' },
      '413': { description: 'UPLOAD_TOO_LARGE' },
      '415': { description: 'UPLOAD_TYPE_NOT_ACCEPTED' },
      '409': { description: 'DOCUMENT_COUNT_EXCEEDED, APPLICATION_NOT_EDITABLE' },
      '503': { description: 'STORAGE_UNAVAILABLE' },
    },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const { id, code: docCode } = req.params as { id: string; code: string };
      const { filename } = res.locals.query as { filename?: string };
      const key = IdempotencyStore.keyOf(req);
      const r = await IdempotencyStore.tenant(dbs, t).run(`upload:${id}:${docCode}`, key, { id, docCode, filename }, async () => ({
        status: 201,
        body: await apps.upload(t, who(res), id, docCode, req, filename ?? null),
      }));
      if (r.replayed) {
        res.setHeader('Idempotent-Replayed', 'true');
        req.resume();
      }
      res.status(r.status).json(r.body);
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
    params: p({ id: uuid, code }),
    body: { type: 'object', additionalProperties: false, required: ['trackingCode'], properties: { trackingCode: { type: 'string', minLength: 8, maxLength: 12 } } },
    responses: { '201': { description: 'Attached' }, '422': { description: 'JOURNEY_SOURCE_INVALID, JOURNEY_OUTPUT_TOO_OLD' } },
    handler: async (req, res) => {
      const { id, code: docCode } = req.params as { id: string; code: string };
      res.status(201).json(await apps.attachFromApplication(await tenant(req.params.tenant), who(res), id, docCode, (req.body as { trackingCode: string }).trackingCode));
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
    params: p({ id: uuid, document: uuid }),
    responses: { '200': { description: '{url, expiresAt}' } },
    handler: async (req, res) => {
      res.json(await apps.downloadUrl(await tenant(req.params.tenant), who(res), req.params.id as string, { document: req.params.document as string }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/outputs/:output/download',
    operationId: 'downloadOutput',
    summary: 'Tautan unduh produk / Output download link',
    tags: ['applications'],
    security: people,
    params: p({ id: uuid, output: code }),
    responses: { '200': { description: '{url, expiresAt}' } },
    handler: async (req, res) => {
      res.json(await apps.downloadUrl(await tenant(req.params.tenant), who(res), req.params.id as string, { output: req.params.output as string }));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/actions/:action',
    operationId: 'actOnApplication',
    summary: 'Tindakan SOP / Take an SOP action',
    description: 'Allowed actions come from the application’s own plugin version: (state, role) → actions. Anything else is 409.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen', 'officer', 'village-operator', 'tenant-admin'], tenantParam: 'tenant' },
    params: p({ id: uuid, action: code }),
    body: {
      type: 'object',
      additionalProperties: false,
      properties: { comment: { type: 'string', maxLength: 2000 }, expectedVersion: { type: 'integer', minimum: 1 } },
    },
    responses: { '200': { description: 'The application after the action' }, '409': { description: 'ACTION_NOT_ALLOWED, VERSION_CONFLICT, ACTION_GUARD_FAILED' }, '422': { description: 'COMMENT_REQUIRED' } },
    handler: async (req, res) => {
      res.json(await apps.act(await tenant(req.params.tenant), who(res), req.params.id as string, req.params.action as string, req.body as { comment?: string }));
    },
  });
}
