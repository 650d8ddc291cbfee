import Type from 'typebox';
import { Code, LocalDate, ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';
import { CATEGORIES, KINDS, STATUSES } from './lifecycle.js';

/** Free text that is not only blanks. */
const Text = (min: number, max: number) => Type.String({ minLength: min, maxLength: max, pattern: '\\S' });
/** A response object: nothing beyond its declared members. */
const Closed = <P extends Type.TProperties>(props: P, options: Record<string, unknown> = {}) => Type.Object(props, { additionalProperties: false, ...options });
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
const Count = Type.Integer({ minimum: 0 });

export const Kind = Type.Enum(['complaint', 'suggestion', 'information-request']);
export const Category = Type.Enum(['informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan'], {
  description: 'SP4N-LAPOR! category; sets the answer deadline',
});
export const Status = Type.Enum(['submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected']);
const SubjectType = Type.Enum(['tenant', 'service', 'application']);
const Channel = Type.Enum(['online', 'counter'], { description: '`counter`: filed by a counter officer for a citizen' });
const Handler = Type.Enum(['agency', 'coordinator']);
const LaporStatus = Type.Enum(['not-synced', 'pending', 'synced', 'failed', 'conflict']);
const TrackingCode = Type.String({ pattern: '^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$', description: 'Tracking code, e.g. ADU-7KQ2-M9XD' });

export const ComplaintPath = TenantPath({ id: Uuid });
export const AttachmentPath = TenantPath({ id: Uuid, attachment: Uuid });
export const DeliveryPath = TenantPath({ delivery: Uuid });

// ---- requests ---------------------------------------------------------------------------------

export const FileComplaintBody = Strict({
  kind: Kind,
  category: Type.Optional(Category),
  subject: Type.Union([
    Strict({ type: Type.Literal('tenant') }),
    Strict({ type: Type.Literal('service'), service: ServiceId }),
    Strict({ type: Type.Literal('application'), applicationId: Uuid }),
  ]),
  title: Text(5, 200),
  body: Text(10, 5000),
  anonymous: Type.Optional(
    Type.Boolean({
      description: 'SP4N-LAPOR! anonim: who you are is hidden from everyone handling it, the coordinator included (name, contact, your application, your file names); the platform keeps only what it needs to notify you (your account, or the phone/e-mail given at the counter: no name or NIK)',
    }),
  ),
  confidential: Type.Optional(
    Type.Boolean({ description: 'SP4N-LAPOR! rahasia: who you are is hidden from the agency and anyone else handling it; only the coordinator who verifies it sees it, never the export, the webhook or SP4N-LAPOR!. Its content is not published' }),
  ),
  location: Type.Optional(Type.String({ maxLength: 300 })),
  incidentDate: Type.Optional(LocalDate),
  complainant: Type.Optional(
    Strict({
      name: Text(2, 120),
      phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{8,15}$' })),
      email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
      nik: Type.Optional(Type.String({ pattern: '^\\d{16}$' })),
    }),
  ),
});

export const ListComplaintsQuery = Strict({
  status: Type.Optional(Status),
  overdue: Type.Optional(Type.Boolean({ description: 'Only complaints whose escalating clock (verification, first response, answer) has run out now, or only the others' })),
  ...PageParams,
});
export const PeriodQuery = Strict({ from: LocalDate, to: LocalDate });
export const NationalStatsQuery = Strict({ from: LocalDate, to: LocalDate, ...PageParams });
export const ExportQuery = Strict({ from: LocalDate, to: LocalDate, format: Type.Optional(Type.Enum(['jsonl', 'csv'], { default: 'jsonl', description: '`jsonl`: application/x-ndjson (one ComplaintRecord per line); `csv`: text/csv (header row of the same fields)' })) });

export const VerifyBody = Strict({
  decision: Type.Enum(['forward', 'handle', 'reject']),
  agency: Type.Optional(Code),
  category: Type.Optional(Category),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const MessageBody = Strict({ body: Text(1, 5000), internal: Type.Optional(Type.Boolean({ description: 'Staff only: a note never shown to the citizen' })) });
export const AnswerBody = Strict({ body: Text(10, 10000) });
export const RatingBody = Strict({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) });
export const ReopenBody = Strict({ reason: Text(10, 2000) });
export const LaporBody = Strict({
  trackingId: Type.Optional(
    Type.String({
      pattern: '^#?[A-Za-z0-9][A-Za-z0-9/-]{2,39}$',
      description: 'The LAPOR! Tracking ID as lapor.go.id shows it (its format is not published: 3–40 letters, digits, `-` or `/`, a leading `#` is dropped)',
    }),
  ),
  syncStatus: Type.Enum(['pending', 'synced', 'failed']),
  error: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const UploadQuery = Strict({ filename: Type.Optional(Type.String({ maxLength: 200, description: 'The file’s name as the citizen knows it (shown in the thread and offered on download)' })) });

export const WebhookBody = Strict({
  url: Type.String({ minLength: 8, maxLength: 2000, description: 'Absolute http(s) URL, without credentials or fragment' }),
  active: Type.Optional(Type.Boolean({ description: 'Default true' })),
  maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, description: 'Attempts before a delivery is dead-lettered (default 8)' })),
  rotateSecret: Type.Optional(Type.Boolean({ description: 'Make a new signing secret (answered once, in this response)' })),
});
export const DeliveriesQuery = Strict({ status: Type.Optional(Type.Enum(['pending', 'delivered', 'dead'])), complaint: Type.Optional(Uuid), ...PageParams });

// ---- responses --------------------------------------------------------------------------------

const Deadline = Closed({
  dueDate: Day,
  dueAt: DateTime,
  doneAt: Nullable(DateTime),
  overdue: Type.Boolean(),
});

export const ComplaintMessage = Closed(
  {
    id: Uuid,
    at: DateTime,
    author: Closed({ name: Nullable(Type.String()), role: Type.Enum(['citizen', 'officer', 'coordinator', 'system']) }),
    kind: Type.String({ description: 'filed, verified, forwarded, handling, rejected, message, note, answer, rated, reopened, attachment, escalated, closed, lapor' }),
    body: Nullable(Type.String()),
    internal: Type.Optional(Type.Boolean({ description: 'Shown to staff only (the citizen never sees internal entries)' })),
  },
  { 'x-component': 'ComplaintMessage' },
);

export const ComplaintAttachment = Closed(
  {
    id: Uuid,
    filename: Nullable(Type.String()),
    mediaType: Type.String({ description: 'Decided from the content: application/pdf, image/png or image/jpeg' }),
    size: Type.Integer({ minimum: 1, description: 'Bytes' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    createdAt: DateTime,
  },
  { 'x-component': 'ComplaintAttachment' },
);

export const AllowedAction = Type.Enum(['verify', 'answer', 'message', 'attach', 'rate', 'reopen', 'lapor']);

export const ComplaintSchema = Closed(
  {
    id: Uuid,
    trackingCode: TrackingCode,
    kind: Kind,
    category: Category,
    subject: Closed({ type: SubjectType, service: Nullable(Type.String({ description: 'plugin.service' })), applicationId: Nullable(Uuid), applicationTrackingCode: Nullable(Type.String()) }),
    agency: Nullable(Type.String({ description: 'The agency it is (or will be) routed to' })),
    title: Type.String(),
    body: Type.String(),
    location: Nullable(Type.String()),
    incidentDate: Nullable(Day),
    anonymous: Type.Boolean(),
    confidential: Type.Boolean(),
    channel: Channel,
    complainant: Closed(
      { name: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), email: Type.Optional(Type.String()), nik: Type.Optional(Type.String()) },
      {
        description:
          'Who filed it, for whoever may see them (the complainant; for an anonymous complaint nobody else; for a confidential one the coordinator); others get only `{"name": "Anonim / Anonymous"}` or `{"name": "Dirahasiakan / Confidential"}`, and then `subject.applicationId`/`applicationTrackingCode`, the complainant’s names in the thread and the file names are withheld too',
      },
    ),
    status: Status,
    statusName: Nullable(Closed({ id: Type.String(), en: Type.String() })),
    handler: Nullable(Handler),
    deadlines: Closed({
      verification: Deadline,
      firstResponse: Nullable(Deadline),
      answer: Nullable(Deadline),
      reopenUntil: Nullable(DateTime),
      calendar: Type.String(),
    }),
    escalations: Count,
    reopenCount: Count,
    rating: Nullable(Closed({ score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Nullable(Type.String()), at: DateTime })),
    lapor: Closed(
      {
        trackingId: Nullable(Type.String()),
        syncStatus: LaporStatus,
        error: Nullable(Type.String()),
        syncedAt: Nullable(DateTime),
        // Issue 24 (SP4N-LAPOR! connection, ADR 0038)
        mode: Nullable(Type.Enum(['manual', 'api'], { description: 'manual: the coordinator forwarded it on lapor.go.id and recorded the tracking id; api: pushed and pulled by the platform' })),
        transactionId: Nullable(Type.String({ description: 'LAPOR! transaction id (API mode)' })),
        remoteStatus: Nullable(Type.String({ description: 'LAPOR!’s status in our words: received, verifying, dispositioned, answered, closed, rejected, unknown' })),
        disposition: Nullable(Type.String({ description: 'The agency LAPOR! dispositioned it to' })),
        attempts: Count,
        lastAttemptAt: Nullable(DateTime),
        nextAttemptAt: Nullable(DateTime),
      },
      { description: 'The link to SP4N-LAPOR!: sync state (pending / synced / failed / conflict) and last sync time' },
    ),
    thread: Type.Array(ComplaintMessage, { description: 'The whole thread, oldest first (internal entries only for staff)' }),
    attachments: Type.Array(ComplaintAttachment, { maxItems: 5 }),
    createdAt: DateTime,
    updatedAt: DateTime,
    version: Type.Integer({ minimum: 1 }),
    allowed: Type.Array(AllowedAction, { description: 'What the caller may do now (route names)' }),
  },
  { 'x-component': 'Complaint' },
);
export type ComplaintView = Type.Static<typeof ComplaintSchema>;

export const ComplaintSummary = Closed(
  {
    id: Uuid,
    trackingCode: TrackingCode,
    kind: Kind,
    category: Category,
    title: Type.String(),
    agency: Nullable(Type.String()),
    status: Status,
    dueDate: Nullable(Day),
    overdue: Type.Boolean(),
    overdueStages: Type.Array(Type.String({ description: 'verification, first-response or answer' })),
    escalations: Count,
    createdAt: DateTime,
  },
  { 'x-component': 'ComplaintSummary' },
);
export type ComplaintSummaryView = Type.Static<typeof ComplaintSummary>;

/** One complaint as the export writes it (a JSON line, a CSV row) and the webhook sends it. */
export const ComplaintRecord = Closed(
  {
    tenant: Type.String(),
    tenantCode: Type.String(),
    trackingCode: TrackingCode,
    id: Uuid,
    createdAt: DateTime,
    kind: Kind,
    category: Category,
    subjectType: SubjectType,
    service: Nullable(Type.String()),
    applicationTrackingCode: Nullable(Type.String()),
    agency: Nullable(Type.String()),
    title: Type.String(),
    body: Type.String(),
    location: Nullable(Type.String()),
    incidentDate: Nullable(Day),
    anonymous: Type.Boolean(),
    confidential: Type.Boolean(),
    channel: Channel,
    status: Status,
    handler: Nullable(Handler),
    verifyDueDate: Day,
    verifiedAt: Nullable(DateTime),
    firstResponseDueDate: Nullable(Day),
    firstResponseAt: Nullable(DateTime),
    answerDueDate: Nullable(Day),
    answeredAt: Nullable(DateTime),
    closedAt: Nullable(DateTime),
    reopenCount: Count,
    rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
    escalations: Count,
    laporTrackingId: Nullable(Type.String()),
    laporSyncStatus: LaporStatus,
    complainantName: Nullable(Type.String({ description: 'null when anonymous or confidential (then `applicationTrackingCode`, phone and e-mail are null too)' })),
    complainantPhone: Nullable(Type.String()),
    complainantEmail: Nullable(Type.String()),
  },
  { 'x-component': 'ComplaintRecord' },
);
export type ExportRecord = Type.Static<typeof ComplaintRecord>;

const countsOf = (keys: readonly string[], what: string) =>
  Closed(Object.fromEntries(keys.map((k) => [k, Count])) as Record<string, typeof Count>, { description: `Complaints filed in the period by ${what} (every ${what} listed, 0 when none)` });

/** Counts of one tenant's complaints filed in a period: never a person, a title or a text. */
export const ComplaintStatsSchema = Closed(
  {
    tenant: Type.String({ description: 'Tenant slug' }),
    period: Closed({ from: Day, to: Day }),
    filed: Count,
    open: Count,
    overdue: Count,
    rejected: Count,
    reopened: Count,
    escalations: Count,
    verification: Closed({ verified: Count, onTime: Count, onTimePercent: Nullable(Type.Number({ minimum: 0, maximum: 100 })) }),
    answer: Closed({ answered: Count, onTime: Count, onTimePercent: Nullable(Type.Number({ minimum: 0, maximum: 100 })) }),
    rating: Closed({ rated: Count, average: Nullable(Type.Number({ minimum: 1, maximum: 5 })) }),
    laporSynced: Count,
    byStatus: countsOf(STATUSES, 'status'),
    byCategory: countsOf(CATEGORIES, 'category'),
    byKind: countsOf(KINDS, 'kind'),
  },
  { 'x-component': 'ComplaintStats' },
);
export type ComplaintStatsView = Type.Static<typeof ComplaintStatsSchema>;

export const AttachmentLink = Closed(
  {
    url: Type.String({ format: 'uri', description: 'A presigned GET of the object itself (the file, with its own media type and the filename as attachment)' }),
    expiresAt: DateTime,
  },
  { 'x-component': 'ComplaintAttachmentLink' },
);

const WebhookMembers = {
  url: Type.String(),
  active: Type.Boolean(),
  maxAttempts: Type.Integer({ minimum: 1, maximum: 20 }),
  secretHint: Type.String({ description: 'The last 4 characters of the signing secret (the secret itself is answered only when made)' }),
  updatedBy: Type.String(),
  updatedAt: DateTime,
};
export const ComplaintWebhookSchema = Closed(WebhookMembers, { 'x-component': 'ComplaintWebhook' });
export type ComplaintWebhookView = Type.Static<typeof ComplaintWebhookSchema>;
export const ComplaintWebhookConfigured = Closed(
  { ...WebhookMembers, secret: Type.Optional(Type.String({ pattern: '^whsec_', description: 'The signing secret: only in the answer that created or rotated it; store it then' })) },
  { 'x-component': 'ComplaintWebhookConfigured' },
);
export type ComplaintWebhookConfiguredView = Type.Static<typeof ComplaintWebhookConfigured>;

export const WebhookDelivery = Closed(
  {
    id: Uuid,
    complaintId: Uuid,
    event: Type.String({ description: 'complaint.filed, .verified, .forwarded, .rejected, .answered, .rated, .reopened, .escalated, .closed' }),
    status: Type.Enum(['pending', 'delivered', 'dead']),
    attempts: Count,
    maxAttempts: Type.Integer({ minimum: 1 }),
    nextAttemptAt: Nullable(DateTime),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    createdAt: DateTime,
    deliveredAt: Nullable(DateTime),
    deadAt: Nullable(DateTime),
  },
  { 'x-component': 'ComplaintWebhookDelivery' },
);
export type WebhookDeliveryView = Type.Static<typeof WebhookDelivery>;

/** The body a webhook receiver gets (signed; docs/complaints.md). */
export const ComplaintWebhookEvent = Closed(
  {
    occurredAt: DateTime,
    stage: Type.Optional(Type.String({ description: 'complaint.escalated: the clock that ran out' })),
    dueAt: Type.Optional(Type.String({ format: 'date-time', description: 'complaint.escalated: when it was due' })),
    complaint: ComplaintRecord,
    event: Type.String(),
    deliveryId: Uuid,
  },
  { 'x-component': 'ComplaintWebhookEvent' },
);

export const WebhookDeliveryDetail = Closed(
  {
    ...WebhookDelivery.properties,
    payload: ComplaintWebhookEvent,
    log: Type.Array(Closed({ attempt: Type.Integer({ minimum: 1 }), at: DateTime, url: Type.String(), statusCode: Nullable(Type.Integer()), error: Nullable(Type.String()), durationMs: Count }), {
      description: 'Every attempt, in order',
    }),
  },
  { 'x-component': 'ComplaintWebhookDeliveryDetail' },
);
export type WebhookDeliveryDetailView = Type.Static<typeof WebhookDeliveryDetail>;
