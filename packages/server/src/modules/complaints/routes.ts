import type { Identity } from '@satupintu/auth';
import type { Databases } from '@satupintu/db';
import type { ApiRegistry } from '../../api.js';
import { actorOf } from '../../actor.js';
import { IdempotencyStore } from '../../idempotency.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import type { Tenant } from '@satupintu/core';
import { periodInvalid } from './errors.js';
import { CATEGORIES, KINDS, type ComplaintService, type FileComplaintInput } from './service.js';

const uuid = { type: 'string', format: 'uuid' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };
const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max, pattern: '\\S' });
const p = (extra: Record<string, unknown> = {}) => ({ type: 'object', required: ['tenant', ...Object.keys(extra)], properties: { tenant: tenantSlugParam, ...extra } });
const idem = [{ name: 'Idempotency-Key', description: 'A retry with the same key returns the first result' }];
const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'tenant-admin' as const], tenantParam: 'tenant' };
const coordinator = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };
const staff = { kind: 'roles' as const, roles: ['officer' as const, 'tenant-admin' as const], tenantParam: 'tenant' };

export function complaintRoutes(api: ApiRegistry, tenants: TenantService, complaints: ComplaintService, dbs: Databases): void {
  const who = (res: { locals: Record<string, unknown> }) => res.locals.identity as Identity;
  const tenant = (slug: unknown) => tenants.getBySlug(slug as string);

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/complaints',
    operationId: 'fileComplaint',
    summary: 'Sampaikan pengaduan, saran atau permintaan informasi / File a complaint, suggestion or information request',
    description:
      'About the tenant, an installed service (routed to its plugin owner) or one of the citizen’s own applications. A counter officer files for a citizen with `complainant`. Verification is due in 3 hari kerja.',
    tags: ['complaints'],
    security: { kind: 'roles', roles: ['citizen', 'officer'], tenantParam: 'tenant' },
    params: p(),
    headers: idem,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'subject', 'title', 'body'],
      properties: {
        kind: { enum: [...KINDS] },
        category: { enum: [...CATEGORIES], description: 'SP4N-LAPOR! category; default from kind (complaint → keluhan, suggestion → aspirasi, information-request → informasi)' },
        subject: {
          oneOf: [
            { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { const: 'tenant' } } },
            { type: 'object', additionalProperties: false, required: ['type', 'service'], properties: { type: { const: 'service' }, service: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62}$' } } },
            { type: 'object', additionalProperties: false, required: ['type', 'applicationId'], properties: { type: { const: 'application' }, applicationId: uuid } },
          ],
        },
        title: text(5, 200),
        body: text(10, 5000),
        anonymous: { type: 'boolean', description: 'Hide the complainant from the agency (the coordinator still sees them)' },
        confidential: { type: 'boolean', description: 'Content must not be published' },
        location: { type: 'string', maxLength: 300 },
        incidentDate: date,
        complainant: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: text(2, 120), phone: { type: 'string', pattern: '^\\+?[0-9]{8,15}$' }, email: { type: 'string', format: 'email', maxLength: 200 }, nik: { type: 'string', pattern: '^\\d{16}$' } },
          description: 'The citizen a counter officer files for',
        },
      },
    },
    responses: { '201': { description: 'Filed, with tracking code ADU-XXXX-XXXX and deadlines' }, '422': { description: 'BODY_INVALID, COMPLAINT_SUBJECT_INVALID, COMPLAINANT_REQUIRED' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const input = req.body as FileComplaintInput;
      const r = await IdempotencyStore.tenant(dbs, t).run(`complaint:${who(res).subject}`, IdempotencyStore.keyOf(req), input, async () => ({ status: 201, body: await complaints.file(t, who(res), input) }));
      if (r.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(r.status).location(`/api/v1/tenants/${t.slug}/complaints/${(r.body as { id: string }).id}`).json(r.body);
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaints',
    operationId: 'listComplaints',
    summary: 'Daftar pengaduan / Complaints',
    description: 'The coordinator sees all; an officer those routed to their agency; a citizen their own.',
    tags: ['complaints'],
    security: people,
    params: p(),
    query: { type: 'object', additionalProperties: false, properties: { status: { enum: ['submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected'] }, overdue: { type: 'boolean' } } },
    responses: { '200': { description: '{items}' } },
    handler: async (req, res) => {
      res.json({ items: await complaints.list(await tenant(req.params.tenant), who(res), res.locals.query as { status?: never; overdue?: boolean }) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaints/export',
    operationId: 'exportComplaints',
    summary: 'Ekspor pengaduan (JSON Lines / CSV) / Export complaints',
    description: 'Complaints filed in [from, to] (tenant-local dates, at most 366 days). Fields are documented in docs/complaints.md.',
    tags: ['complaints'],
    security: coordinator,
    params: p(),
    query: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: date, to: date, format: { enum: ['jsonl', 'csv'], default: 'jsonl' } } },
    responses: { '200': { description: 'application/x-ndjson or text/csv' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const q = res.locals.query as { from: string; to: string; format: 'jsonl' | 'csv' };
      if (Date.parse(q.to) - Date.parse(q.from) > 366 * 86_400_000 || q.to < q.from) throw periodInvalid();
      const out = await complaints.export(t, q);
      res.setHeader('content-disposition', `attachment; filename="pengaduan-${t.slug}-${q.from}-${q.to}.${q.format}"`);
      res.type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8').send(out);
    },
  });

  const statsQuery = { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: date, to: date } };
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaints/stats',
    operationId: 'complaintStats',
    summary: 'Statistik pengaduan / Complaint statistics',
    description: 'Counts only: by status, category and kind; overdue now; verified and answered on time (hari kerja); ratings; LAPOR! synced.',
    tags: ['complaints'],
    security: { kind: 'roles', roles: ['tenant-admin', 'ministry-analyst', 'platform-admin'], tenantParam: 'tenant' },
    params: p(),
    query: statsQuery,
    responses: { '200': { description: 'Counts' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (req, res) => {
      res.json(await complaints.stats(await tenant(req.params.tenant), res.locals.query as { from: string; to: string }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/complaints/stats',
    operationId: 'nationalComplaintStats',
    summary: 'Statistik pengaduan per tenant (kementerian) / Complaint statistics per tenant (ministry)',
    description: 'The same counts for every tenant, from every region. Aggregates only.',
    tags: ['complaints'],
    security: { kind: 'roles', roles: ['ministry-analyst', 'platform-admin'] },
    query: statsQuery,
    responses: { '200': { description: '{items}' } },
    handler: async (_req, res) => {
      const q = res.locals.query as { from: string; to: string };
      if (q.to < q.from) throw periodInvalid();
      const items = [];
      for (const t of await tenants.list()) items.push(await complaints.stats(t, q));
      res.json({ period: q, items });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaints/:id',
    operationId: 'getComplaint',
    summary: 'Pengaduan dan utasnya / A complaint with its thread',
    tags: ['complaints'],
    security: people,
    params: p({ id: uuid }),
    responses: { '200': { description: 'The complaint, deadlines, thread (internal notes only for staff), attachments, allowed actions' }, '404': { description: 'COMPLAINT_NOT_FOUND' } },
    handler: async (req, res) => {
      res.json(await complaints.get(await tenant(req.params.tenant), who(res), req.params.id as string));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/complaints/:id/verify',
    operationId: 'verifyComplaint',
    summary: 'Verifikasi dan disposisi (koordinator) / Verify and route (coordinator)',
    description: '`forward` to the agency (default: the service’s plugin owner; the answer is due in the category’s hari kerja), `handle` by the coordinator, or `reject` with a `note`.',
    tags: ['complaints'],
    security: coordinator,
    params: p({ id: uuid }),
    headers: idem,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['decision'],
      properties: { decision: { enum: ['forward', 'handle', 'reject'] }, agency: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' }, category: { enum: [...CATEGORIES] }, note: { type: 'string', maxLength: 2000 } },
    },
    responses: { '200': { description: 'Verified' }, '409': { description: 'COMPLAINT_STATE_INVALID' }, '422': { description: 'COMPLAINT_AGENCY_REQUIRED, REASON_REQUIRED' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const id = req.params.id as string;
      const r = await IdempotencyStore.tenant(dbs, t).run(`complaint-verify:${id}`, IdempotencyStore.keyOf(req), req.body, async () => ({ status: 200, body: await complaints.verify(t, who(res), id, req.body as never) }));
      if (r.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(r.status).json(r.body);
    },
  });

  const simple = (path: string, operationId: string, summary: string, body: Record<string, unknown>, run: (t: Tenant, i: Identity, id: string, body: never) => Promise<unknown>, security = people, description?: string) =>
    api.add({
      method: 'post',
      path: `/api/v1/tenants/:tenant/complaints/:id/${path}`,
      operationId,
      summary,
      description,
      tags: ['complaints'],
      security,
      params: p({ id: uuid }),
      headers: idem,
      body,
      responses: { '200': { description: 'The complaint' }, '404': { description: 'COMPLAINT_NOT_FOUND' }, '409': { description: 'COMPLAINT_STATE_INVALID, COMPLAINT_ACTION_NOT_ALLOWED, COMPLAINT_ALREADY_RATED, COMPLAINT_REOPEN_WINDOW_CLOSED, COMPLAINT_REOPEN_LIMIT' } },
      handler: async (req, res) => {
        const t = await tenant(req.params.tenant);
        const id = req.params.id as string;
        const r = await IdempotencyStore.tenant(dbs, t).run(`complaint-${path}:${id}:${who(res).subject}`, IdempotencyStore.keyOf(req), req.body, async () => ({ status: 200, body: await run(t, who(res), id, req.body as never) }));
        if (r.replayed) res.setHeader('Idempotent-Replayed', 'true');
        res.status(r.status).json(r.body);
      },
    });

  simple('messages', 'postComplaintMessage', 'Kirim pesan di utas / Post to the thread', { type: 'object', additionalProperties: false, required: ['body'], properties: { body: text(1, 5000), internal: { type: 'boolean' } } }, (t, i, id, b) => complaints.addMessage(t, i, id, b), people,
    'Staff may post `internal` notes (never shown to the citizen); the first public staff reply is the first response (due 3 hari kerja after routing).');
  simple('answer', 'answerComplaint', 'Jawab pengaduan / Answer', { type: 'object', additionalProperties: false, required: ['body'], properties: { body: text(10, 10000) } }, (t, i, id, b) => complaints.answer(t, i, id, b), staff,
    'The agency’s officers (when forwarded) or the coordinator. Opens the citizen’s reopen window (10 hari kerja).');
  simple('rating', 'rateComplaintAnswer', 'Nilai jawaban / Rate the answer', { type: 'object', additionalProperties: false, required: ['score'], properties: { score: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 1000 } } }, (t, i, id, b) => complaints.rate(t, i, id, b), people,
    'The complainant rates 1–5; this closes the complaint (it may still be reopened within the window).');
  simple('reopen', 'reopenComplaint', 'Buka kembali / Reopen', { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: text(10, 2000) } }, (t, i, id, b) => complaints.reopen(t, i, id, b), people,
    'Within 10 hari kerja of the answer, at most twice; it returns to its handler with a new answer deadline.');

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/complaints/:id/lapor',
    operationId: 'setComplaintLapor',
    summary: 'Nomor tiket dan status sinkron SP4N-LAPOR! / SP4N-LAPOR! tracking id and sync status',
    tags: ['complaints'],
    security: coordinator,
    params: p({ id: uuid }),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['syncStatus'],
      properties: { trackingId: { type: 'string', pattern: '^[A-Za-z0-9#-]{3,40}$' }, syncStatus: { enum: ['pending', 'synced', 'failed'] }, error: { type: 'string', maxLength: 1000 } },
    },
    responses: { '200': { description: 'The complaint' } },
    handler: async (req, res) => {
      res.json(await complaints.setLapor(await tenant(req.params.tenant), who(res), req.params.id as string, req.body as never));
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/complaints/:id/attachments',
    operationId: 'attachToComplaint',
    summary: 'Lampirkan berkas (badan mentah) / Attach a file (raw body)',
    description: 'PDF, PNG or JPEG (decided from the content), at most 10 MB and 5 files; streamed to the tenant’s regional bucket. `?filename=` names it.',
    tags: ['complaints'],
    security: people,
    params: p({ id: uuid }),
    query: { type: 'object', additionalProperties: false, properties: { filename: { type: 'string', maxLength: 200 } } },
    headers: idem,
    responses: { '201': { description: 'Stored, with sha256' }, '400': { description: 'UPLOAD_EMPTY, ATTACHMENT_COUNT_EXCEEDED' }, '413': { description: 'UPLOAD_TOO_LARGE' }, '415': { description: 'UPLOAD_TYPE_NOT_ACCEPTED' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const id = req.params.id as string;
      const { filename } = res.locals.query as { filename?: string };
      const r = await IdempotencyStore.tenant(dbs, t).run(`complaint-attach:${id}`, IdempotencyStore.keyOf(req), { id, filename }, async () => ({ status: 201, body: await complaints.attach(t, who(res), id, req, filename ?? null) }));
      if (r.replayed) {
        res.setHeader('Idempotent-Replayed', 'true');
        req.resume();
      }
      res.status(r.status).json(r.body);
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaints/:id/attachments/:attachment',
    operationId: 'getComplaintAttachment',
    summary: 'Tautan unduh lampiran / Attachment download link',
    tags: ['complaints'],
    security: people,
    params: p({ id: uuid, attachment: uuid }),
    responses: { '200': { description: '{url, expiresAt}: presigned, 2 minutes' } },
    handler: async (req, res) => {
      res.json(await complaints.attachmentUrl(await tenant(req.params.tenant), who(res), req.params.id as string, req.params.attachment as string));
    },
  });

  // ---- outbound webhook (tenant-admin) ----
  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/complaint-webhook',
    operationId: 'configureComplaintWebhook',
    summary: 'Atur webhook pengaduan / Configure the complaint webhook',
    description: 'The target (http or https) receives every complaint event, signed with HMAC-SHA256 (docs/complaints.md). The secret is returned only when created or rotated (`rotateSecret`).',
    tags: ['complaints'],
    security: coordinator,
    params: p(),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: { url: { type: 'string', minLength: 8, maxLength: 2000 }, active: { type: 'boolean' }, maxAttempts: { type: 'integer', minimum: 1, maximum: 20 }, rotateSecret: { type: 'boolean' } },
    },
    responses: { '200': { description: 'The configuration (and the secret when new)' }, '422': { description: 'WEBHOOK_URL_INVALID' } },
    handler: async (req, res) => {
      res.json(await complaints.webhooks.configure(await tenant(req.params.tenant), actorOf(res), req.body as { url: string }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaint-webhook',
    operationId: 'getComplaintWebhook',
    summary: 'Konfigurasi webhook pengaduan / Complaint webhook configuration',
    tags: ['complaints'],
    security: coordinator,
    params: p(),
    responses: { '200': { description: 'url, active, maxAttempts, secretHint' }, '404': { description: 'WEBHOOK_NOT_CONFIGURED' } },
    handler: async (req, res) => {
      res.json(await complaints.webhooks.config(await tenant(req.params.tenant)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaint-webhook/deliveries',
    operationId: 'listComplaintWebhookDeliveries',
    summary: 'Log pengiriman webhook / Webhook delivery log',
    description: '`status=dead` lists the dead letters.',
    tags: ['complaints'],
    security: coordinator,
    params: p(),
    query: { type: 'object', additionalProperties: false, properties: { status: { enum: ['pending', 'delivered', 'dead'] }, complaint: uuid } },
    responses: { '200': { description: '{items}' } },
    handler: async (req, res) => {
      res.json({ items: await complaints.webhooks.deliveries(await tenant(req.params.tenant), res.locals.query as { status?: string }) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/complaint-webhook/deliveries/:delivery',
    operationId: 'getComplaintWebhookDelivery',
    summary: 'Satu pengiriman dan percobaannya / One delivery with its attempts',
    tags: ['complaints'],
    security: coordinator,
    params: p({ delivery: uuid }),
    responses: { '200': { description: 'Delivery, payload, attempt log' }, '404': { description: 'WEBHOOK_DELIVERY_NOT_FOUND' } },
    handler: async (req, res) => {
      res.json(await complaints.webhooks.delivery(await tenant(req.params.tenant), req.params.delivery as string));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/complaint-webhook/deliveries/:delivery/requeue',
    operationId: 'requeueComplaintWebhookDelivery',
    summary: 'Antrekan ulang surat mati / Requeue a dead letter',
    tags: ['complaints'],
    security: coordinator,
    params: p({ delivery: uuid }),
    responses: { '200': { description: 'Pending again, with a fresh allowance of attempts' }, '409': { description: 'WEBHOOK_DELIVERY_NOT_DEAD' } },
    handler: async (req, res) => {
      res.json(await complaints.webhooks.requeue(await tenant(req.params.tenant), req.params.delivery as string));
    },
  });
}
