import Type from 'typebox';
import { AnyObject, Code, ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';
import { Page, PageParams } from '../../pagination.js';
import { FeeQuote } from '../catalog/schemas.js';

export const ApplicationPath = TenantPath({ id: Uuid });
export const DocumentPath = TenantPath({ id: Uuid, code: Code });
export const DocumentDownloadPath = TenantPath({ id: Uuid, document: Uuid });
export const OutputDownloadPath = TenantPath({ id: Uuid, output: Code });
export const ActionPath = TenantPath({ id: Uuid, action: Code });
export const QueuePath = TenantPath({ agency: Code });

export const StatusEnum = Type.Enum(['draft', 'submitted', 'completed', 'rejected', 'withdrawn'], { description: 'Where the application stands overall' });
const ChannelEnum = Type.Enum(['online', 'assisted', 'counter'], { description: 'online: the citizen; assisted: a village operator; counter: an officer at the MPP' });

export const CreateApplicationBody = Strict({
  service: ServiceId,
  data: Type.Optional(AnyObject('Form data (validated against the installed version on submit)')),
  submit: Type.Optional(Type.Boolean({ default: false })),
  applicant: Type.Optional(
    Strict({
      nik: Type.String({ pattern: '^\\d{16}$' }),
      name: Type.String({ minLength: 2, maxLength: 120 }),
      phone: Type.Optional(Type.String({ maxLength: 20 })),
    }),
  ),
  consent: Type.Optional(
    Strict({
      statement: Type.String({ minLength: 10, maxLength: 1000 }),
      method: Type.Enum(['signed-form', 'verbal', 'whatsapp', 'app']),
    }),
  ),
});

export const ListApplicationsQuery = Strict({ status: Type.Optional(StatusEnum), ...PageParams });
export const UpdateDraftBody = Strict({ data: AnyObject('Form data') });
export const UploadQuery = Strict({ filename: Type.Optional(Type.String({ maxLength: 200 })) });
export const JourneyBody = Strict({ trackingCode: Type.String({ minLength: 8, maxLength: 12, description: 'Tracking code of the application whose output is taken, e.g. 7KQ2-M9XD' }) });
/** What the officer records about each output the action issues (the plugin's `outputs[].data`; issue 23). */
const OutputDataBody = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$' }), Type.Record(Type.String(), Type.Unknown()), {
  description:
    'Per output code the action issues, the structured data the officer records (e.g. `{"sktlk": {"nomor": "SKTLK/123/XI/2026/SPKT", "tanggal": "2026-11-23"}}`), validated against the plugin’s schema for it. The document’s number and date of issue, left out, take the platform’s number and today.',
  maxProperties: 10,
});
export const ActionBody = Strict({
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  expectedVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'The `version` you read: 409 VERSION_CONFLICT when the application changed since' })),
  data: Type.Optional(
    AnyObject(
      'The corrected form data, whole (it replaces the form; validated against the application’s form version). After submission the form changes only this way: the action’s timeline entry lists each field changed with its old and new value.',
    ),
  ),
  outputs: Type.Optional(OutputDataBody),
});
export const ClaimBody = Strict({ release: Type.Optional(Type.Boolean({ default: false, description: 'true: give your claim back' })) });
export const QueueQuery = Strict({
  state: Type.Optional(Type.String({ maxLength: 63, description: 'Only applications in this SOP state' })),
  mine: Type.Optional(Type.Boolean({ description: 'Only the ones I claimed' })),
  ...PageParams,
});
export const EscalationsQuery = Strict({ ...PageParams });

// ---- responses ----

const Text = Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false, description: 'Bahasa Indonesia and English' });
const DateTime = Type.String({ format: 'date-time' });
const DateTimeOrNull = Type.Union([DateTime, Type.Null()]);
const DateOrNull = Type.Union([Type.String({ format: 'date' }), Type.Null()]);
const StringOrNull = Type.Union([Type.String(), Type.Null()]);
const StateRef = Type.Object({ code: Type.String(), name: Text }, { additionalProperties: false });

export const ApplicationSchema = Type.Object(
  {
    id: Uuid,
    trackingCode: Type.String({ description: 'What the citizen quotes, e.g. 7KQ2-M9XD' }),
    service: Type.Object(
      {
        id: Type.String({ description: 'plugin.service' }),
        name: Text,
        plugin: Type.String(),
        version: Type.String({ description: 'The plugin version the application runs on (kept for its whole life)' }),
        agency: Type.Object(
          {
            code: Type.String(),
            name: Text,
            kind: Type.Enum(['vertical', 'regional']),
            parent: Type.Optional(Text),
            website: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
    channel: ChannelEnum,
    status: StatusEnum,
    state: StateRef,
    applicant: Type.Object(
      { nik: Type.Optional(Type.String()), name: Type.Optional(Type.String()), phone: Type.Optional(Type.String()) },
      { additionalProperties: false },
    ),
    filedBy: Type.Object({ role: Type.Enum(['citizen', 'officer', 'village-operator']) }, { additionalProperties: false }),
    consent: Type.Union([
      Type.Object(
        {
          statement: Type.String(),
          method: Type.Enum(['signed-form', 'verbal', 'whatsapp', 'app']),
          recordedBy: Type.String(),
          at: DateTime,
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    data: AnyObject('Form data, as the plugin’s form defines it'),
    version: Type.Integer({ minimum: 1, description: 'Grows with every change; the ETag is this version' }),
    createdAt: DateTime,
    submittedAt: DateTimeOrNull,
    completedAt: DateTimeOrNull,
    sla: Type.Object(
      {
        dueAt: DateTimeOrNull,
        dueDate: DateOrNull,
        stepDueAt: DateTimeOrNull,
        stepDueDate: DateOrNull,
        overdue: Type.Boolean({ description: 'The current step is past its due time' }),
        // Issue 23 (sla): the service clock starts at the SOP's declared event.
        startedAt: Type.Optional(Type.Union([DateTime, Type.Null()], { description: 'When the service clock started (the SOP’s start event; submission when it declares none); null while it waits' })),
        startsOn: Type.Optional(
          Type.Union(
            [
              Type.Object(
                {
                  event: Text,
                  message: Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false, description: '“Waktu layanan dimulai setelah …”' }),
                },
                { additionalProperties: false },
              ),
              Type.Null(),
            ],
            { description: 'The event the SOP starts the service clock on, when it is not the submission (null otherwise). While `startedAt` is null there is no `dueDate` and `message` says why' },
          ),
        ),
      },
      { additionalProperties: false, description: 'Due times in hari kerja (the tenant’s working days)' },
    ),
    claimedBy: StringOrNull,
    possibleDuplicates: Type.Optional(
      Type.Array(
        Type.Object({ id: Type.String({ format: 'uuid' }), trackingCode: Type.String(), status: StatusEnum, submittedAt: DateTimeOrNull }, { additionalProperties: false }),
        {
          description:
            'Other active applications in this tenant for the same service by the same person (account or NIK): a warning before and after submission, never a refusal. Shown only to the applicant and to officers of the agency.',
        },
      ),
    ),
    applicantNik: Type.Optional(
      Type.Object(
        {
          source: Type.String({ description: 'Whose NIK: the form field the plugin declares (`/data/nik`, `/data/nikAnak`) or the applicant given at the counter (`/applicant/nik`)' }),
          region: Type.Object(
            {
              province: Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false }),
              regency: Type.Object({ code: Type.String({ description: 'Kemendagri code, e.g. 32.17' }), name: StringOrNull }, { additionalProperties: false, description: 'name null: a code not in the reference list (Kepmendagri 2025)' }),
              district: Type.Object({ code: Type.String({ description: 'Kemendagri kecamatan code, e.g. 32.17.06 (no names held)' }) }, { additionalProperties: false }),
            },
            { additionalProperties: false, description: 'Where the NIK was first issued — not necessarily where the person lives now' },
          ),
          birthDate: Type.String({ format: 'date' }),
          centuryInferred: Type.Boolean({ description: 'true: the NIK has a two-digit year and the form gave no agreeing birth date; the latest century not after today was taken' }),
          sex: Type.Enum(['male', 'female'], { description: 'From the day of birth: + 40 for women' }),
        },
        {
          additionalProperties: false,
          'x-component': 'DecodedNik',
          description: 'What the NIK itself says (format only, not a Dukcapil verification). Shown only to officers of the agency.',
        },
      ),
    ),
    // Issue 23 (versions): a draft moved to a newer plugin version says what it now needs.
    versionChange: Type.Optional(
      Type.Object(
        {
          from: Type.String({ description: 'The version the draft was started on' }),
          to: Type.String({ description: 'The version it runs on now (the installation moved)' }),
          at: DateTime,
          documents: Type.Array(Type.Object({ code: Type.String(), name: Text }, { additionalProperties: false }), { description: 'Documents the new version requires that the old did not' }),
          fields: Type.Array(Type.Object({ code: Type.String({ description: 'JSON pointer of the form field' }), name: Text }, { additionalProperties: false }), {
            description: 'Form fields the new version requires that the old did not',
          }),
        },
        { additionalProperties: false, 'x-component': 'DraftVersionChange', description: 'Only on a draft the regency’s upgrade moved: the applicant is asked for these on their next visit' },
      ),
    ),
    identityWarnings: Type.Optional(
      Type.Array(
        Type.Object(
          {
            pointer: Type.String({ description: 'The form field that disagrees with the NIK, e.g. /data/tanggalLahir' }),
            field: Type.Enum(['birthDate', 'sex', 'domicile']),
            message: Text,
            blocking: Type.Boolean({ description: 'true where the plugin refuses the submission until corrected (form.identity.onMismatch = block)' }),
          },
          { additionalProperties: false, 'x-component': 'IdentityWarning' },
        ),
        { description: 'Where the form’s birth date, sex or domicile disagree with the NIK (plugins that declare form.identity). Shown to the applicant and to officers of the agency.' },
      ),
    ),
    // Part "fees" (issue 23).
    fee: Type.Optional(FeeQuote),
    availableActions: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          name: Text,
          comment: Type.Enum(['required', 'optional', 'none']),
          issues: Type.Optional(Type.Array(Type.String(), { description: 'Outputs this action issues (their `data`, if the plugin declares any, goes in the action body’s `outputs`)' })),
        },
        { additionalProperties: false },
      ),
      { description: 'What the caller may do now' },
    ),
    timeline: Type.Array(
      Type.Object(
        {
          at: DateTime,
          action: Type.String(),
          actor: Type.Object({ name: StringOrNull, role: Type.String() }, { additionalProperties: false }),
          from: Type.Union([StateRef, Type.Null()]),
          to: Type.Union([StateRef, Type.Null()]),
          comment: StringOrNull,
          changes: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  pointer: Type.String({ description: 'What changed: a form field (`/data/noHp`) or a document (`/documents/identitas`)' }),
                  from: Type.Unknown({ description: 'The value before (null: none)' }),
                  to: Type.Unknown({ description: 'The value after (null: removed); for a document, its file name' }),
                },
                { additionalProperties: false, 'x-component': 'ApplicationChange' },
              ),
              {
                description:
                  'What this entry changed, when someone other than the citizen wrote the draft or its documents (the filing operator or officer), or an SOP action corrected the form',
              },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    documents: Type.Array(
      Type.Object(
        {
          id: Uuid,
          code: Type.String(),
          filename: StringOrNull,
          mediaType: Type.String(),
          size: Type.Integer({ minimum: 0 }),
          sha256: Type.String(),
          source: Type.Enum(['upload', 'journey']),
          sourceApplicationId: Type.Union([Uuid, Type.Null()]),
          createdAt: DateTime,
        },
        { additionalProperties: false, 'x-component': 'ApplicationDocument' },
      ),
    ),
    outputs: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          name: Text,
          kind: Type.Enum(['document', 'physical', 'external']),
          downloadable: Type.Boolean(),
          issuedAt: DateTime,
          validUntil: DateTimeOrNull,
          data: Type.Union([AnyObject('What the officer recorded when issuing it (the plugin’s `outputs[].data`), e.g. the loss report’s number and date'), Type.Null()]),
          // Part "fees" (issue 23).
          verifyCode: Type.Optional(Type.String({ description: 'The code of its public verification page (/t/{tenant}/v/{code}, the QR code on the PDF)' })),
          signedBy: Type.Optional(Type.String({ description: 'Common name of the certificate that signed the PDF (PAdES)' })),
        },
        { additionalProperties: false, 'x-component': 'ApplicationOutput' },
      ),
    ),
  },
  { additionalProperties: false, 'x-component': 'Application' },
);
export type ApplicationView = Type.Static<typeof ApplicationSchema>;

export const ApplicationSummarySchema = Type.Object(
  {
    id: Uuid,
    trackingCode: Type.String(),
    service: Type.String({ description: 'plugin.service' }),
    channel: ChannelEnum,
    status: StatusEnum,
    state: Type.String({ description: 'The SOP state code' }),
    createdAt: DateTime,
    submittedAt: DateTimeOrNull,
  },
  { additionalProperties: false, 'x-component': 'ApplicationSummary' },
);
export type ApplicationSummary = Type.Static<typeof ApplicationSummarySchema>;
export const ApplicationPage = Page(ApplicationSummarySchema);

export const UploadedDocumentSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    filename: StringOrNull,
    mediaType: Type.String({ description: 'As read from the content' }),
    size: Type.Integer({ minimum: 1 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    source: Type.Literal('upload'),
  },
  { additionalProperties: false, 'x-component': 'UploadedDocument' },
);
export type UploadedDocument = Type.Static<typeof UploadedDocumentSchema>;

export const JourneyAttachmentSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    source: Type.Literal('journey'),
    sourceApplication: Type.String({ description: 'Tracking code of the application whose output was taken' }),
    ageDays: Type.Integer({ minimum: 0, description: 'Days since that output was issued' }),
    prefilled: Type.Array(Type.String(), {
      description: 'Form fields filled from the output’s recorded data as the plugin maps them (e.g. `/data/noSktlk`, `/data/tglSktlk`): read the application again to see them',
    }),
  },
  { additionalProperties: false, 'x-component': 'JourneyAttachment' },
);
export type JourneyAttachment = Type.Static<typeof JourneyAttachmentSchema>;

export const DownloadLink = Type.Object(
  {
    url: Type.String({ format: 'uri', description: 'A presigned GET of the file in the tenant’s region' }),
    expiresAt: DateTime,
  },
  { additionalProperties: false, 'x-component': 'ApplicationDownloadLink' },
);
export type DownloadLinkView = Type.Static<typeof DownloadLink>;

export const QueueItemSchema = Type.Object(
  {
    id: Uuid,
    trackingCode: Type.String(),
    service: Type.Object({ id: Type.String(), name: Text }, { additionalProperties: false }),
    channel: ChannelEnum,
    state: StateRef,
    applicantName: StringOrNull,
    submittedAt: DateTimeOrNull,
    dueDate: DateOrNull,
    stepDueAt: DateTimeOrNull,
    stepDueDate: DateOrNull,
    overdue: Type.Boolean(),
    dueToday: Type.Boolean(),
    claimedBy: StringOrNull,
  },
  { additionalProperties: false, 'x-component': 'OfficerQueueItem' },
);
export type QueueItem = Type.Static<typeof QueueItemSchema>;

export const OfficerQueueSchema = Type.Object(
  {
    today: Type.String({ format: 'date', description: 'Today in the tenant’s time zone' }),
    counts: Type.Object(
      {
        total: Type.Integer({ minimum: 0 }),
        dueToday: Type.Integer({ minimum: 0 }),
        overdue: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false, description: 'Over the whole queue (with the same filters), not only this page' },
    ),
    ...Page(QueueItemSchema).properties,
  },
  { additionalProperties: false, 'x-component': 'OfficerQueuePage' },
);
export type OfficerQueue = Type.Static<typeof OfficerQueueSchema>;

export const EscalationSchema = Type.Object(
  {
    id: Uuid,
    applicationId: Uuid,
    trackingCode: Type.String(),
    agency: Type.String({ description: 'Agency code' }),
    service: Type.String({ description: 'plugin.service' }),
    state: Type.String({ description: 'The SOP state that ran past its due time' }),
    dueAt: DateTime,
    escalatedAt: DateTime,
  },
  { additionalProperties: false, 'x-component': 'SlaEscalation' },
);
export type Escalation = Type.Static<typeof EscalationSchema>;
export const EscalationPage = Page(EscalationSchema);
