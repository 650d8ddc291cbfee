import { paymentNotProven } from '../payments/index.js';
import { agencyNotAllowed } from '@satupintu/auth';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath } from '../../http/schemas.js';
import { etagOf } from '../../preconditions.js';
import { serviceNotFound } from '../installations/index.js';
import type { ActionService } from './actions.js';
import type { DocumentService } from './documents.js';
import type { ApplicationService } from './service.js';
import {
  actionNotAllowed,
  alreadyClaimed,
  applicantNotAllowed,
  applicantRequired,
  applicationNotFound,
  channelNotOffered,
  commentRequired,
  consentRequired,
  documentsMissing,
  editNotAllowed,
  formInvalid,
  guardFailed,
  journeySourceInvalid,
  documentNotValid,
  outputDataInvalid,
  notDraft,
  receiptNotReady,
  storageUnavailable,
  tooManyFiles,
  unknownDocument,
  uploadAborted,
  uploadEmpty,
  uploadTooLarge,
  uploadTypeRefused,
  versionConflict,
} from './errors.js';
import {
  ActionBody,
  ActionPath,
  ApplicationPage,
  ApplicationPath,
  ApplicationSchema,
  ClaimBody,
  CreateApplicationBody,
  DocumentDownloadPath,
  DocumentPath,
  DownloadLink,
  EscalationPage,
  EscalationsQuery,
  JourneyAttachmentSchema,
  JourneyBody,
  ListApplicationsQuery,
  OfficerQueueSchema,
  OutputDownloadPath,
  QueuePath,
  QueueQuery,
  UpdateDraftBody,
  UploadedDocumentSchema,
  UploadQuery,
  type ApplicationView,
} from './schemas.js';
import { applicationExample, draftExample, SKTLK } from './examples.js';
import { renderReceiptPdf } from './receipt.js';

const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'village-operator' as const], tenantParam: 'tenant' };
const location = (tenant: string, id: string) => `/api/v1/tenants/${tenant}/applications/${id}`;
/** The ETag of an application as answered: its version, the same for every caller and at any time. */
const etag = (view: ApplicationView) => ({ ETag: etagOf(view.version) });
const etagDoc = { ETag: { description: 'The application’s version as an entity tag: quote it in If-Match to update the draft', required: true } };

export function applicationRoutes(api: RouteTable, s: { apps: ApplicationService; documents: DocumentService; actions: ActionService; publicUrl?: string | undefined }): void {
  const { apps, documents, actions } = s;

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications',
    operationId: 'createApplication',
    summary: 'Ajukan permohonan (atau simpan draf) / Apply (or save a draft)',
    description:
      'A citizen applies online. An officer (counter) or village operator (assisted) files for a citizen with `applicant` and `consent`. `submit: true` validates the form and required documents at once; otherwise a draft is saved on the server (update it with PATCH and the ETag answered here).',
    tags: ['applications'],
    security: people,
    params: TenantPath(),
    body: CreateApplicationBody,
    bodyExample: { service: 'polri.sktlk', data: SKTLK },
    idempotent: true,
    responses: { '201': { description: 'Created (draft or submitted) with its tracking code', schema: ApplicationSchema, headers: etagDoc, example: draftExample } },
    errors: [serviceNotFound, applicantNotAllowed, applicantRequired, consentRequired, agencyNotAllowed, channelNotOffered, formInvalid, documentsMissing],
    handler: async (rctx, { body, req }) => {
      // The key is bound to the caller, this operation and the tenant (its record lives in the tenant's table).
      const ctx = withIdempotency(rctx, req, 'createApplication', body);
      const view = await apps.create(ctx, body);
      return created(view, location(ctx.tenant.slug, view.id), { ...etag(view), ...replayHeaders(ctx) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications',
    operationId: 'listApplications',
    summary: 'Permohonan saya / My applications',
    description: 'Citizens see their own, filers what they filed, officers their agency’s submitted applications. Newest first, in pages.',
    tags: ['applications'],
    security: people,
    params: TenantPath(),
    query: ListApplicationsQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of applications, newest first',
        schema: ApplicationPage,
        example: {
          items: [
            { id: applicationExample.id, trackingCode: '7KQ2-M9XD', service: 'polri.sktlk', channel: 'online', status: 'submitted', state: 'diajukan', createdAt: '2026-11-21T01:00:00.000Z', submittedAt: '2026-11-21T01:05:00.000Z' },
          ],
          next: null,
        },
      },
    },
    handler: async (ctx, { query }) => ok(await apps.list(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id',
    operationId: 'getApplication',
    summary: 'Lacak permohonan / Track an application',
    description: 'Status, timeline, documents, outputs and the actions the caller may take now. The ETag is the application’s version (If-None-Match: 304 while it has not changed).',
    tags: ['applications'],
    security: people,
    params: ApplicationPath,
    concurrency: 'read',
    responses: { '200': { description: 'The application, with its ETag', schema: ApplicationSchema, example: applicationExample } },
    errors: [applicationNotFound, serviceNotFound],
    handler: async (ctx, { params }) => {
      const view = await apps.get(ctx, params.id);
      return ok(view, etag(view));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/receipt',
    operationId: 'getApplicationReceipt',
    summary: 'Unduh tanda terima (PDF) / Download the receipt (PDF)',
    description:
      'The receipt of a submitted application as a one-page PDF, Indonesian first with English: the MPP, service, tracking code, when it was submitted (tenant time zone), the SLA due date, the original documents to bring to the counter, the applicant’s name and masked NIK, and a QR code to the application’s tracking page. For its applicant, the officers of its agency and whoever filed it (village operator, counter officer); to others it does not exist (404). A draft has none yet (409 RECEIPT_NOT_READY).',
    tags: ['applications'],
    security: people,
    params: ApplicationPath,
    responses: {
      '200': {
        description: 'The PDF file',
        media: ['application/pdf'],
        headers: { 'Content-Disposition': { description: '`attachment; filename="tanda-terima-{trackingCode}.pdf"`', required: true } },
      },
    },
    errors: [applicationNotFound, receiptNotReady, serviceNotFound],
    handler: async (ctx, { params, req }) => {
      // The QR's link starts at the public origin (PUBLIC_URL, required in production); in development, this server's.
      const receipt = await apps.receipt(ctx, params.id, s.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`);
      const pdf = await renderReceiptPdf(receipt);
      return {
        status: 200 as const,
        raw: { content: Buffer.from(pdf), type: 'application/pdf' },
        headers: { 'Content-Disposition': `attachment; filename="tanda-terima-${receipt.trackingCode}.pdf"`, 'Cache-Control': 'private, no-store' },
      };
    },
  });

  api.add({
    method: 'patch',
    path: '/api/v1/tenants/:tenant/applications/:id',
    operationId: 'updateDraft',
    summary: 'Perbarui draf / Update a draft',
    description:
      'Replaces the draft’s form data. Quote the ETag you read in If-Match: 428 without it, 412 when the draft changed meanwhile (another device saved first). Only the draft’s writer may: its citizen online, or the village operator or officer who filed it with the citizen’s recorded consent (their every change is on the timeline, field by field); anyone else gets 404, or 403 on a file they handle. After submission the form changes only through an SOP action.',
    tags: ['applications'],
    security: people,
    params: ApplicationPath,
    body: UpdateDraftBody,
    bodyExample: { data: SKTLK },
    concurrency: 'update',
    responses: { '200': { description: 'The draft, with its new ETag', schema: ApplicationSchema } },
    errors: [applicationNotFound, editNotAllowed, notDraft, serviceNotFound],
    handler: async (ctx, { params, body, preconditions }) => {
      const view = await apps.updateDraft(ctx, params.id, body.data, preconditions);
      return ok(view, etag(view));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/submit',
    operationId: 'submitApplication',
    summary: 'Kirim permohonan / Submit',
    description: 'Checks the form and the required documents against the application’s plugin version, then starts its SLA clocks. Submitting what was submitted already answers the application as it is.',
    tags: ['applications'],
    security: people,
    params: ApplicationPath,
    idempotent: true,
    responses: { '200': { description: 'Submitted (a retry returns the same)', schema: ApplicationSchema, headers: etagDoc } },
    errors: [applicationNotFound, editNotAllowed, formInvalid, documentsMissing, documentNotValid, serviceNotFound],
    handler: async (rctx, { params, req }) => {
      const ctx = withIdempotency(rctx, req, `submitApplication:${params.id}`, { id: params.id }, apps.accessCheck(rctx, params.id));
      const view = await apps.submit(ctx, params.id);
      return ok(view, { ...etag(view), ...replayHeaders(ctx) });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/applications/:id/documents/:code',
    operationId: 'uploadDocument',
    summary: 'Unggah dokumen (badan mentah) / Upload a document (raw body)',
    description:
      'Send the file as the raw request body; the type is decided from the content (magic bytes), whatever the Content-Type says. `?filename=` names it. Streams to S3; size, count and accepted types come from the plugin. The same bytes for the same document are one document (a retry gets the first back).',
    tags: ['applications'],
    security: people,
    params: DocumentPath,
    query: UploadQuery,
    rawBody: { description: 'The file: PDF, PNG or JPEG as the document accepts', media: ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'] },
    idempotent: true,
    responses: {
      '201': {
        description: 'Stored, with its sha256',
        schema: UploadedDocumentSchema,
        example: { id: '5e0c9d43-1f7a-4b8e-8d7e-2a4b6c8d0e1f', code: 'identitas', filename: 'ktp-budi.pdf', mediaType: 'application/pdf', size: 48213, sha256: '9f2c1a7b3e5d4c6b8a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3', source: 'upload' },
      },
    },
    errors: [applicationNotFound, editNotAllowed, unknownDocument, notDraft, documentNotValid, uploadEmpty, uploadAborted, uploadTooLarge, uploadTypeRefused, tooManyFiles, storageUnavailable, serviceNotFound],
    handler: async (rctx, { params, query, req }) => {
      const ctx = withIdempotency(rctx, req, `uploadDocument:${params.id}:${params.code}`, { id: params.id, code: params.code, filename: query.filename ?? null }, apps.accessCheck(rctx, params.id));
      const doc = await documents.upload(ctx, params.id, params.code, req, query.filename ?? null);
      return created(doc, undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/documents/:code/from-application',
    operationId: 'attachJourneyDocument',
    summary: 'Pakai produk layanan lain (layanan terintegrasi) / Use another service’s output (journey)',
    description:
      'E.g. the Polri loss report (SKTLK) as the KTP-el replacement’s document, without a re-upload. The document type’s validity rules apply to what the issuing application says (its agency, date of issue, number): refused with DOCUMENT_NOT_VALID and the reason. The form fields the plugin maps (`fromService.prefill`) are filled from the output’s recorded data.',
    tags: ['applications'],
    security: people,
    params: DocumentPath,
    body: JourneyBody,
    bodyExample: { trackingCode: '7KQ2-M9XD' },
    idempotent: true,
    responses: {
      '201': {
        description: 'Attached',
        schema: JourneyAttachmentSchema,
        example: { id: '6a1d0e54-2a8b-4c9f-9e8f-3b5c7d9e1f20', code: 'sktlk', source: 'journey', sourceApplication: '7KQ2-M9XD', ageDays: 1, prefilled: ['/data/noSktlk', '/data/tglSktlk'] },
      },
    },
    errors: [applicationNotFound, editNotAllowed, unknownDocument, notDraft, journeySourceInvalid, documentNotValid, uploadTypeRefused, tooManyFiles, storageUnavailable, serviceNotFound],
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `attachJourneyDocument:${params.id}:${params.code}`, body, apps.accessCheck(rctx, params.id));
      return created(await documents.attachFromApplication(ctx, params.id, params.code, body.trackingCode), undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/documents/:document/download',
    operationId: 'downloadDocument',
    summary: 'Tautan unduh dokumen / Document download link',
    description: 'Answers 200 with a JSON body holding a presigned GET URL of the file in the tenant’s region, valid for two minutes, after the access check (no redirect, no bytes from this API).',
    tags: ['applications'],
    security: people,
    params: DocumentDownloadPath,
    responses: { '200': { description: 'A short-lived link', schema: DownloadLink } },
    errors: [applicationNotFound],
    handler: async (ctx, { params }) => ok(await documents.downloadUrl(ctx, params.id, { document: params.document })),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/outputs/:output/download',
    operationId: 'downloadOutput',
    summary: 'Tautan unduh produk / Output download link',
    description: 'Answers 200 with a JSON body holding a presigned GET URL of the issued PDF, valid for two minutes (no redirect, no bytes from this API). 404 for an output that is not a document or not issued yet.',
    tags: ['applications'],
    security: people,
    params: OutputDownloadPath,
    responses: { '200': { description: 'A short-lived link', schema: DownloadLink } },
    errors: [applicationNotFound],
    handler: async (ctx, { params }) => ok(await documents.downloadUrl(ctx, params.id, { output: params.output })),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/actions/:action',
    operationId: 'actOnApplication',
    summary: 'Tindakan SOP / Take an SOP action',
    description:
      'Allowed actions come from the application’s own plugin version: (state, role) → actions. Anything else is 409. With `expectedVersion` the action is refused (409 VERSION_CONFLICT) when the application changed since you read it; of two officers acting at once exactly one wins. After submission the form changes only here: `data` carries the whole corrected form (e.g. with `resubmit` after a return for correction), validated against the application’s form, and the action’s timeline entry lists every field changed with its old and new value.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen', 'officer', 'village-operator', 'tenant-admin'], tenantParam: 'tenant' },
    params: ActionPath,
    body: ActionBody,
    bodyExample: { comment: 'Berkas lengkap dan sesuai.', expectedVersion: 3 },
    responses: { '200': { description: 'The application after the action', schema: ApplicationSchema, headers: etagDoc } },
    errors: [applicationNotFound, actionNotAllowed, versionConflict, guardFailed, commentRequired, formInvalid, documentNotValid, outputDataInvalid, storageUnavailable, serviceNotFound, paymentNotProven],
    handler: async (ctx, { params, body }) => {
      const view = await actions.act(ctx, params.id, params.action, body);
      return ok(view, etag(view));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies/:agency/queue',
    operationId: 'getOfficerQueue',
    summary: 'Antrean kerja petugas / Officer work queue',
    description:
      'Submitted applications of one agency at one tenant, in pages by the current step’s due time (steps without a clock last), then id. `today` and `counts` (total, due today, overdue) cover the whole queue with the same filters, on every page.',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['officer'], tenantParam: 'tenant', agencyParam: 'agency' },
    params: QueuePath,
    query: QueueQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of the queue, with the whole queue’s counts',
        schema: OfficerQueueSchema,
        example: {
          today: '2026-11-23',
          counts: { total: 1, dueToday: 1, overdue: 0 },
          items: [
            {
              id: applicationExample.id,
              trackingCode: '7KQ2-M9XD',
              service: { id: 'polri.sktlk', name: { id: 'Surat Keterangan Tanda Lapor Kehilangan (SKTLK)', en: 'Police loss report certificate (SKTLK)' } },
              channel: 'online',
              state: { code: 'diajukan', name: { id: 'Diajukan', en: 'Submitted' } },
              applicantName: 'Budi Santoso',
              submittedAt: '2026-11-21T01:05:00.000Z',
              dueDate: '2026-11-23',
              stepDueAt: '2026-11-23T16:59:59.999Z',
              stepDueDate: '2026-11-23',
              overdue: false,
              dueToday: true,
              claimedBy: null,
            },
          ],
          next: null,
        },
      },
    },
    errors: [serviceNotFound],
    handler: async (ctx, { params, query }) => ok(await actions.queue(ctx, params.agency, query)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/claim',
    operationId: 'claimApplication',
    summary: 'Ambil permohonan / Claim an application',
    description: 'An officer of the application’s agency takes it (or gives it back with `release: true`). Someone else’s claim is 409.',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['officer'], tenantParam: 'tenant' },
    params: ApplicationPath,
    body: ClaimBody,
    bodyExample: { release: false },
    responses: { '200': { description: 'The application', schema: ApplicationSchema, headers: etagDoc } },
    errors: [applicationNotFound, alreadyClaimed, serviceNotFound],
    handler: async (ctx, { params, body }) => {
      const view = await actions.claim(ctx, params.id, body.release);
      return ok(view, etag(view));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/escalations',
    operationId: 'listEscalations',
    summary: 'Eskalasi lewat batas waktu / Overdue escalations',
    description: 'Every escalation of an application step past its due time, newest first, in pages.',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin'], tenantParam: 'tenant' },
    params: TenantPath(),
    query: EscalationsQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of escalations, newest first',
        schema: EscalationPage,
        example: {
          items: [
            {
              id: '7b2e1f65-3b9c-4daf-8f90-4c6d8e0f2a31',
              applicationId: applicationExample.id,
              trackingCode: '7KQ2-M9XD',
              agency: 'polri',
              service: 'polri.sktlk',
              state: 'diajukan',
              dueAt: '2026-11-23T16:59:59.999Z',
              escalatedAt: '2026-11-23T17:00:00.000Z',
            },
          ],
          next: null,
        },
      },
    },
    handler: async (ctx, { query }) => ok(await actions.escalations(ctx, query)),
  });
}
