import type { Role } from '@satupintu/auth';
import { created, ok, type RouteSecurity, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath } from '../../http/schemas.js';
import {
  AnswerBody,
  AttachmentPath,
  ComplaintPath,
  DownloadLink,
  ExportQuery,
  FileComplaintBody,
  LaporBody,
  ListComplaintsQuery,
  MessageBody,
  PeriodQuery,
  RatingBody,
  ReopenBody,
  UploadQuery,
  VerifyBody,
} from './schemas.js';
import type { ComplaintService } from './service.js';
import type { ComplaintStats } from './stats.js';
import type { ComplaintThread } from './thread.js';

export type RolesSecurity = Extract<RouteSecurity, { kind: 'roles' }>;
/** A guard: one of `roles`, a member of the path's tenant (national roles are not tenant-bound). */
export const onTenant = (...roles: Role[]): RolesSecurity => ({ kind: 'roles', roles, tenantParam: 'tenant' });

const people = onTenant('citizen', 'officer', 'tenant-admin');
const coordinator = onTenant('tenant-admin');
const idem = [{ name: 'Idempotency-Key', description: 'A retry with the same key returns the first result (the key is bound to the caller and the operation)' }];
const conflicts = 'COMPLAINT_STATE_INVALID, COMPLAINT_ACTION_NOT_ALLOWED, COMPLAINT_ALREADY_RATED, COMPLAINT_REOPEN_WINDOW_CLOSED, COMPLAINT_REOPEN_LIMIT';
const base = '/api/v1/tenants/:tenant/complaints';

/** The complaint routes: filing, reading, the coordinator's verification, the thread, answers, ratings, reopening, LAPOR! sync, counts and export. */
export function complaintRoutes(api: RouteTable, s: { complaints: ComplaintService; thread: ComplaintThread; stats: ComplaintStats }): void {
  const { complaints, thread, stats } = s;

  api.add({
    method: 'post',
    path: base,
    operationId: 'fileComplaint',
    summary: 'Sampaikan pengaduan, saran atau permintaan informasi / File a complaint, suggestion or information request',
    description:
      'About the tenant, an installed service (routed to its plugin owner) or one of the citizen’s own applications. A counter officer files for a citizen with `complainant`. Verification is due in 3 hari kerja.',
    tags: ['complaints'],
    security: onTenant('citizen', 'officer'),
    params: TenantPath(),
    headers: idem,
    body: FileComplaintBody,
    responses: { '201': { description: 'Filed, with tracking code ADU-XXXX-XXXX and deadlines' }, '422': { description: 'BODY_INVALID, COMPLAINT_SUBJECT_INVALID, COMPLAINANT_REQUIRED, COMPLAINANT_NOT_ALLOWED, INCIDENT_DATE_INVALID' } },
    handler: async (rctx, { body, req }) => {
      const ctx = withIdempotency(rctx, req, 'fileComplaint', body);
      const view = await complaints.file(ctx, body);
      return created(view, `/api/v1/tenants/${ctx.tenant.slug}/complaints/${view.id}`, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: base,
    operationId: 'listComplaints',
    summary: 'Daftar pengaduan / Complaints',
    description: 'The coordinator sees all; an officer those routed to their agency; a citizen their own.',
    tags: ['complaints'],
    security: people,
    params: TenantPath(),
    query: ListComplaintsQuery,
    responses: { '200': { description: '{items}' } },
    handler: async (ctx, { query }) => ok({ items: await complaints.list(ctx, query) }),
  });

  api.add({
    method: 'get',
    path: `${base}/export`,
    operationId: 'exportComplaints',
    summary: 'Ekspor pengaduan (JSON Lines / CSV) / Export complaints',
    description: 'Complaints filed in [from, to] (tenant-local dates, at most 366 days). Fields are documented in docs/complaints.md.',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    query: ExportQuery,
    responses: { '200': { description: 'application/x-ndjson or text/csv' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (ctx, { query }) => {
      const format = query.format ?? 'jsonl';
      const content = await stats.export(ctx, { from: query.from, to: query.to, format });
      return {
        status: 200,
        raw: { content, type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8' },
        headers: { 'content-disposition': `attachment; filename="pengaduan-${ctx.tenant.slug}-${query.from}-${query.to}.${format}"` },
      };
    },
  });

  api.add({
    method: 'get',
    path: `${base}/stats`,
    operationId: 'complaintStats',
    summary: 'Statistik pengaduan / Complaint statistics',
    description: 'Counts only: by status, category and kind; overdue now; verified and answered on time (hari kerja); ratings; LAPOR! synced.',
    tags: ['complaints'],
    security: onTenant('tenant-admin', 'ministry-analyst', 'platform-admin'),
    params: TenantPath(),
    query: PeriodQuery,
    responses: { '200': { description: 'Counts' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (ctx, { query }) => ok(await stats.stats(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/complaints/stats',
    operationId: 'nationalComplaintStats',
    summary: 'Statistik pengaduan per tenant (kementerian) / Complaint statistics per tenant (ministry)',
    description: 'The same counts for every tenant, from every region. Aggregates only.',
    tags: ['complaints'],
    security: { kind: 'roles', roles: ['ministry-analyst', 'platform-admin'] },
    query: PeriodQuery,
    responses: { '200': { description: '{period, items}' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (ctx, { query }) => ok(await stats.national(ctx, query)),
  });

  api.add({
    method: 'get',
    path: `${base}/:id`,
    operationId: 'getComplaint',
    summary: 'Pengaduan dan utasnya / A complaint with its thread',
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    responses: { '200': { description: 'The complaint, deadlines, thread (internal notes only for staff), attachments, allowed actions' }, '404': { description: 'COMPLAINT_NOT_FOUND' } },
    handler: async (ctx, { params }) => ok(await complaints.get(ctx, params.id)),
  });

  api.add({
    method: 'post',
    path: `${base}/:id/verify`,
    operationId: 'verifyComplaint',
    summary: 'Verifikasi dan disposisi (koordinator) / Verify and route (coordinator)',
    description: '`forward` to the agency (default: the service’s plugin owner; the answer is due in the category’s hari kerja), `handle` by the coordinator, or `reject` with a `note`.',
    tags: ['complaints'],
    security: coordinator,
    params: ComplaintPath,
    headers: idem,
    body: VerifyBody,
    responses: { '200': { description: 'Verified' }, '409': { description: 'COMPLAINT_STATE_INVALID' }, '422': { description: 'COMPLAINT_AGENCY_REQUIRED, REASON_REQUIRED' } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `verifyComplaint:${params.id}`, body);
      return ok(await complaints.verify(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/messages`,
    operationId: 'postComplaintMessage',
    summary: 'Kirim pesan di utas / Post to the thread',
    description: 'Staff may post `internal` notes (never shown to the citizen); the first public staff reply is the first response (due 3 hari kerja after routing).',
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    headers: idem,
    body: MessageBody,
    responses: { '200': { description: 'The complaint' }, '404': { description: 'COMPLAINT_NOT_FOUND' }, '409': { description: conflicts } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `postComplaintMessage:${params.id}`, body);
      return ok(await thread.addMessage(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/answer`,
    operationId: 'answerComplaint',
    summary: 'Jawab pengaduan / Answer',
    description: 'The agency’s officers (when forwarded) or the coordinator. Opens the citizen’s reopen window (10 hari kerja).',
    tags: ['complaints'],
    security: onTenant('officer', 'tenant-admin'),
    params: ComplaintPath,
    headers: idem,
    body: AnswerBody,
    responses: { '200': { description: 'The complaint' }, '404': { description: 'COMPLAINT_NOT_FOUND' }, '409': { description: conflicts } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `answerComplaint:${params.id}`, body);
      return ok(await complaints.answer(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/rating`,
    operationId: 'rateComplaintAnswer',
    summary: 'Nilai jawaban / Rate the answer',
    description: 'The complainant rates 1–5; this closes the complaint (it may still be reopened within the window).',
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    headers: idem,
    body: RatingBody,
    responses: { '200': { description: 'The complaint' }, '404': { description: 'COMPLAINT_NOT_FOUND' }, '409': { description: conflicts } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `rateComplaintAnswer:${params.id}`, body);
      return ok(await complaints.rate(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/reopen`,
    operationId: 'reopenComplaint',
    summary: 'Buka kembali / Reopen',
    description: 'Within 10 hari kerja of the answer, at most twice; it returns to its handler with a new answer deadline.',
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    headers: idem,
    body: ReopenBody,
    responses: { '200': { description: 'The complaint' }, '404': { description: 'COMPLAINT_NOT_FOUND' }, '409': { description: conflicts } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `reopenComplaint:${params.id}`, body);
      return ok(await complaints.reopen(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'put',
    path: `${base}/:id/lapor`,
    operationId: 'setComplaintLapor',
    summary: 'Nomor tiket dan status sinkron SP4N-LAPOR! / SP4N-LAPOR! tracking id and sync status',
    tags: ['complaints'],
    security: coordinator,
    params: ComplaintPath,
    body: LaporBody,
    responses: { '200': { description: 'The complaint' }, '422': { description: 'LAPOR_TRACKING_ID_REQUIRED' } },
    handler: async (ctx, { params, body }) => ok(await complaints.setLapor(ctx, params.id, body)),
  });

  api.add({
    method: 'put',
    path: `${base}/:id/attachments`,
    operationId: 'attachToComplaint',
    summary: 'Lampirkan berkas (badan mentah) / Attach a file (raw body)',
    description: 'PDF, PNG or JPEG (decided from the content), at most 10 MB and 5 files; streamed to the tenant’s regional bucket. `?filename=` names it.',
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    query: UploadQuery,
    rawBody: { description: 'The file (PDF, PNG or JPEG)' },
    headers: idem,
    responses: {
      '201': { description: 'Stored, with sha256' },
      '400': { description: 'UPLOAD_EMPTY, ATTACHMENT_COUNT_EXCEEDED' },
      '409': { description: 'COMPLAINT_STATE_INVALID' },
      '413': { description: 'UPLOAD_TOO_LARGE' },
      '415': { description: 'UPLOAD_TYPE_NOT_ACCEPTED' },
      '503': { description: 'STORAGE_UNAVAILABLE' },
    },
    handler: async (rctx, { params, query, req }) => {
      const filename = query.filename ?? null;
      const ctx = withIdempotency(rctx, req, `attachToComplaint:${params.id}`, { id: params.id, filename });
      return created(await thread.attach(ctx, params.id, req, filename), undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: `${base}/:id/attachments/:attachment`,
    operationId: 'getComplaintAttachment',
    summary: 'Tautan unduh lampiran / Attachment download link',
    tags: ['complaints'],
    security: people,
    params: AttachmentPath,
    responses: { '200': { description: 'A presigned link valid for two minutes', schema: DownloadLink }, '404': { description: 'COMPLAINT_NOT_FOUND' } },
    handler: async (ctx, { params }) => ok(await thread.attachmentUrl(ctx, params.id, params.attachment)),
  });
}
