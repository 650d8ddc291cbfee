import type { Role } from '@satupintu/auth';
import { created, ok, type RouteSecurity, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath } from '../../http/schemas.js';
import { Page } from '../../pagination.js';
import { stillSees } from './access.js';
import {
  agencyRequired,
  alreadyRated,
  attachmentCountExceeded,
  complainantNotAllowed,
  complainantRequired,
  complaintActionNotAllowed,
  complaintNotFound,
  complaintStateInvalid,
  complaintSubjectInvalid,
  incidentDateInvalid,
  laporTrackingIdRequired,
  LIFECYCLE_PROBLEMS,
  periodInvalid,
  reasonRequired,
  reopenLimit,
  reopenWindowClosed,
  storageUnavailable,
  uploadAborted,
  uploadEmpty,
  uploadTooLarge,
  uploadTypeRefused,
} from './errors.js';
import { laporApiLinked } from './lapor-errors.js';
import { complaintExample, complaintPageExample, fileComplaintExample, statsExample } from './examples.js';
import {
  AnswerBody,
  AttachmentLink,
  AttachmentPath,
  ComplaintAttachment,
  ComplaintPath,
  ComplaintSchema,
  ComplaintStatsSchema,
  ComplaintSummary,
  ExportQuery,
  FileComplaintBody,
  LaporBody,
  ListComplaintsQuery,
  MessageBody,
  NationalStatsQuery,
  PeriodQuery,
  RatingBody,
  ReopenBody,
  UploadQuery,
  VerifyBody,
} from './schemas.js';
import type { ComplaintService } from './service.js';
import type { ComplaintStats } from './stats.js';
import { ATTACHMENT_TYPES, type ComplaintThread } from './thread.js';

export type RolesSecurity = Extract<RouteSecurity, { kind: 'roles' }>;
/** A guard: one of `roles`, a member of the path's tenant (national roles are not tenant-bound). */
export const onTenant = (...roles: Role[]): RolesSecurity => ({ kind: 'roles', roles, tenantParam: 'tenant' });

const people = onTenant('citizen', 'officer', 'tenant-admin');
const coordinator = onTenant('tenant-admin');
const base = '/api/v1/tenants/:tenant/complaints';
const theComplaint = { description: 'The complaint as the caller now sees it', schema: ComplaintSchema };
const replay = 'A replay of the same Idempotency-Key answers the first result, only while the caller still has a relation to the complaint (else COMPLAINT_NOT_FOUND).';

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
    body: FileComplaintBody,
    bodyExample: fileComplaintExample,
    idempotent: true,
    responses: { '201': { description: 'Filed, with tracking code ADU-XXXX-XXXX and deadlines', schema: ComplaintSchema, example: { ...complaintExample, status: 'submitted' } } },
    errors: [complaintSubjectInvalid, complainantRequired, complainantNotAllowed, incidentDateInvalid],
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
    description:
      'The coordinator sees all; an officer those routed to their agency; a citizen their own. Newest first, in pages: complaints filed while you page sort before your cursor, so every complaint that existed when you started is listed exactly once.',
    tags: ['complaints'],
    security: people,
    params: TenantPath(),
    query: ListComplaintsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of complaints', schema: Page(ComplaintSummary), example: complaintPageExample } },
    handler: async (ctx, { query }) => ok(await complaints.list(ctx, query)),
  });

  api.add({
    method: 'get',
    path: `${base}/export`,
    operationId: 'exportComplaints',
    summary: 'Ekspor pengaduan (JSON Lines / CSV) / Export complaints',
    description:
      'Every complaint filed in [from, to] (tenant-local dates, at most 366 days), oldest first, in one response: the period bounds the export, so it is neither paged nor ever cut. `format=jsonl` (default) answers application/x-ndjson, one ComplaintRecord per line (the schema of the webhook’s `complaint`); `format=csv` answers text/csv, a header row of the same fields in the same order, then one row per complaint. Holds complainants’ contact data (none for anonymous or confidential complaints: their identity never leaves the platform): coordinator only.',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    query: ExportQuery,
    responses: {
      '200': {
        description: 'The whole period as JSON lines or CSV (by `format`)',
        media: ['application/x-ndjson', 'text/csv'],
        headers: { 'Content-Disposition': { description: 'attachment; filename="pengaduan-{tenant}-{from}-{to}.{jsonl|csv}"', required: true } },
      },
    },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => {
      const format = query.format ?? 'jsonl';
      const content = await stats.export(ctx, { from: query.from, to: query.to, format });
      return {
        status: 200,
        raw: { content, type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8' },
        headers: { 'Content-Disposition': `attachment; filename="pengaduan-${ctx.tenant.slug}-${query.from}-${query.to}.${format}"` },
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
    responses: { '200': { description: 'Counts of the complaints filed in the period', schema: ComplaintStatsSchema, example: statsExample } },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => ok(await stats.stats(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/complaints/stats',
    operationId: 'nationalComplaintStats',
    summary: 'Statistik pengaduan per tenant (kementerian) / Complaint statistics per tenant (ministry)',
    description: 'The same counts for every tenant, from every region, in pages of tenants (Kemendagri code order). Aggregates only: the schema admits no other member.',
    tags: ['complaints'],
    security: { kind: 'roles', roles: ['ministry-analyst', 'platform-admin'] },
    query: NationalStatsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of tenants’ counts', schema: Page(ComplaintStatsSchema), example: { items: [statsExample], next: null } } },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => ok(await stats.national(ctx, query)),
  });

  api.add({
    method: 'get',
    path: `${base}/:id`,
    operationId: 'getComplaint',
    summary: 'Pengaduan dan utasnya / A complaint with its thread',
    description:
      'The complaint, its deadlines (read now), its whole thread (internal notes only for staff), its attachments and what the caller may do now. No ETag: complaints change only through their actions, which the lifecycle checks against the current status.',
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    responses: { '200': { description: 'The complaint', schema: ComplaintSchema, example: complaintExample } },
    errors: [complaintNotFound],
    handler: async (ctx, { params }) => ok(await complaints.get(ctx, params.id)),
  });

  api.add({
    method: 'post',
    path: `${base}/:id/verify`,
    operationId: 'verifyComplaint',
    summary: 'Verifikasi dan disposisi (koordinator) / Verify and route (coordinator)',
    description: `\`forward\` to the agency (default: the service’s plugin owner; the answer is due in the category’s hari kerja), \`handle\` by the coordinator, or \`reject\` with a \`note\`. ${replay}`,
    tags: ['complaints'],
    security: coordinator,
    params: ComplaintPath,
    body: VerifyBody,
    bodyExample: { decision: 'forward', note: 'Mohon ditindaklanjuti oleh Kanim.' },
    idempotent: true,
    responses: { '200': theComplaint },
    errors: [...LIFECYCLE_PROBLEMS, agencyRequired, reasonRequired],
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `verifyComplaint:${params.id}`, body, stillSees(rctx, params.id));
      return ok(await complaints.verify(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/messages`,
    operationId: 'postComplaintMessage',
    summary: 'Kirim pesan di utas / Post to the thread',
    description: `Staff may post \`internal\` notes (never shown to the citizen); the first public staff reply is the first response (due 3 hari kerja after routing). ${replay}`,
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    body: MessageBody,
    bodyExample: { body: 'Terima kasih, laporan sedang kami periksa.' },
    idempotent: true,
    responses: { '200': theComplaint },
    errors: LIFECYCLE_PROBLEMS,
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `postComplaintMessage:${params.id}`, body, stillSees(rctx, params.id));
      return ok(await thread.addMessage(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/answer`,
    operationId: 'answerComplaint',
    summary: 'Jawab pengaduan / Answer',
    description: `The agency’s officers (when forwarded) or the coordinator. Opens the citizen’s reopen window (10 hari kerja). ${replay}`,
    tags: ['complaints'],
    security: onTenant('officer', 'tenant-admin'),
    params: ComplaintPath,
    body: AnswerBody,
    bodyExample: { body: 'Terjadi gangguan sistem SIMKIM pada hari itu; jadwal sesi kini ditampilkan di layar.' },
    idempotent: true,
    responses: { '200': theComplaint },
    errors: LIFECYCLE_PROBLEMS,
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `answerComplaint:${params.id}`, body, stillSees(rctx, params.id));
      return ok(await complaints.answer(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/rating`,
    operationId: 'rateComplaintAnswer',
    summary: 'Nilai jawaban / Rate the answer',
    description: `The complainant rates 1–5; this closes the complaint (it may still be reopened within the window). ${replay}`,
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    body: RatingBody,
    bodyExample: { score: 4, comment: 'Cukup jelas' },
    idempotent: true,
    responses: { '200': theComplaint },
    errors: [...LIFECYCLE_PROBLEMS, alreadyRated],
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `rateComplaintAnswer:${params.id}`, body, stillSees(rctx, params.id));
      return ok(await complaints.rate(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:id/reopen`,
    operationId: 'reopenComplaint',
    summary: 'Buka kembali / Reopen',
    description: `Within 10 hari kerja of the answer, at most twice; it returns to its handler with a new answer deadline. ${replay}`,
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    body: ReopenBody,
    bodyExample: { reason: 'Layar jadwal ternyata belum dipasang.' },
    idempotent: true,
    responses: { '200': theComplaint },
    errors: [...LIFECYCLE_PROBLEMS, reasonRequired, reopenWindowClosed, reopenLimit],
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `reopenComplaint:${params.id}`, body, stillSees(rctx, params.id));
      return ok(await complaints.reopen(ctx, params.id, body), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'put',
    path: `${base}/:id/lapor`,
    operationId: 'setComplaintLapor',
    summary: 'Nomor tiket dan status sinkron SP4N-LAPOR! / SP4N-LAPOR! tracking id and sync status',
    description:
      'Manual mode: the coordinator forwarded it on lapor.go.id and records the Tracking ID (a leading `#` is dropped). Each call is also kept as an internal note in the thread. On a complaint the platform pushes (API mode) it is refused (LAPOR_API_LINKED) except to settle a `conflict` (name the report that stays: pulling resumes) or to record by hand a push that `failed`.',
    tags: ['complaints'],
    security: coordinator,
    params: ComplaintPath,
    body: LaporBody,
    bodyExample: { syncStatus: 'synced', trackingId: '5123456' },
    responses: { '200': theComplaint },
    errors: [complaintNotFound, complaintActionNotAllowed, laporTrackingIdRequired, laporApiLinked],
    handler: async (ctx, { params, body }) => ok(await complaints.setLapor(ctx, params.id, body)),
  });

  api.add({
    method: 'put',
    path: `${base}/:id/attachments`,
    operationId: 'attachToComplaint',
    summary: 'Lampirkan berkas (badan mentah) / Attach a file (raw body)',
    description: `The file itself is the body (not JSON, not multipart): PDF, PNG or JPEG, decided from the content whatever Content-Type says, at most 10 MB and 5 files per complaint; streamed to the tenant’s regional bucket. \`?filename=\` names it. Each call adds an attachment. A retry with the same Idempotency-Key and the same bytes answers the first attachment (another file under that key is IDEMPOTENCY_KEY_REUSED). ${replay}`,
    tags: ['complaints'],
    security: people,
    params: ComplaintPath,
    query: UploadQuery,
    rawBody: { description: 'The file (PDF, PNG or JPEG)', media: [...ATTACHMENT_TYPES, 'application/octet-stream'] },
    idempotent: true,
    responses: { '201': { description: 'Stored, with its media type (by content), size and sha256', schema: ComplaintAttachment } },
    errors: [complaintNotFound, complaintStateInvalid, complaintActionNotAllowed, uploadEmpty, attachmentCountExceeded, uploadAborted, uploadTooLarge, uploadTypeRefused, storageUnavailable],
    handler: async (rctx, { params, query, req }) => {
      const filename = query.filename ?? null;
      const ctx = withIdempotency(rctx, req, `attachToComplaint:${params.id}`, { id: params.id, filename }, stillSees(rctx, params.id));
      return created(await thread.attach(ctx, params.id, req, filename), undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: `${base}/:id/attachments/:attachment`,
    operationId: 'getComplaintAttachment',
    summary: 'Tautan unduh lampiran / Attachment download link',
    description:
      'Answers JSON, not the file: a presigned link to the object store, valid for two minutes, given after the access check. A GET of `url` answers the file itself with its stored media type (application/pdf, image/png or image/jpeg) and `Content-Disposition: attachment` with its filename (`lampiran.pdf|png|jpg` for a caller who may not see an anonymous or confidential complainant).',
    tags: ['complaints'],
    security: people,
    params: AttachmentPath,
    responses: { '200': { description: 'A presigned link valid for two minutes', schema: AttachmentLink } },
    errors: [complaintNotFound],
    handler: async (ctx, { params }) => ok(await thread.attachmentUrl(ctx, params.id, params.attachment)),
  });
}
