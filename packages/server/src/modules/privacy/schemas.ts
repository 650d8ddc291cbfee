import Type from 'typebox';
import { AnyObject, Strict, TenantPath, Uuid } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';
import { PURPOSES, READER_ROLES, RECORD_TYPES } from './access-log.js';

const DateTime = Type.String({ format: 'date-time' });
const DateTimeOrNull = Type.Union([DateTime, Type.Null()]);
const StringOrNull = Type.Union([Type.String(), Type.Null()]);
const Text = Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false });
const Purpose = Type.Enum([...PURPOSES], {
  description:
    '`handling` (an officer works the file), `verification` (an officer checks a supporting document), `complaint-handling`, `supervision` (the tenant admin), `assisted-filing` (the operator who filed for the person), `export` (a bulk export), `support`',
});
const RecordType = Type.Enum([...RECORD_TYPES], { description: 'What was read: the record, or one of its files (`item` names which)' });
const ReaderRole = Type.Enum([...READER_ROLES], { description: 'The reader’s capacity on this record' });

export const PrivacyPath = TenantPath();

export const AccessLogQuery = Strict({
  ...PageParams,
  person: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only reads of this person’s data (their account subject)' })),
  nik: Type.Optional(
    Type.String({ pattern: '^\\d{16}$', description: 'Only reads of the person with this NIK (matched by its digest; a person filed for at the counter has no account). Never logged.' }),
  ),
  reader: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Only reads by this username' })),
  readerRole: Type.Optional(ReaderRole),
  purpose: Type.Optional(Purpose),
  recordType: Type.Optional(RecordType),
  recordId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Reads at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Reads before this time' })),
});
export const MyAccessLogQuery = Strict({ ...PageParams });
export const MyDataQuery = Strict({
  download: Type.Optional(Type.Boolean({ default: false, description: '`true`: answered as an attachment (Content-Disposition), to save as a file' })),
});

const AccessedRecord = Type.Object(
  { type: RecordType, id: Uuid, ref: Type.Union([Type.String(), Type.Null()], { description: 'Tracking code of the application or complaint' }), item: Type.Union([Type.String(), Type.Null()], { description: 'The document id, output code or attachment id read' }) },
  { additionalProperties: false },
);
const Agency = Type.Union([Type.Object({ code: Type.String(), name: StringOrNull }, { additionalProperties: false }), Type.Null()]);

export const AccessEntry = Type.Object(
  {
    id: Uuid,
    at: DateTime,
    requestId: Type.String({ description: 'The request that read (X-Request-Id), to find it in the logs' }),
    purpose: Purpose,
    purposeName: Text,
    record: AccessedRecord,
    reader: Type.Object(
      {
        subject: Type.String(),
        username: Type.String(),
        role: ReaderRole,
        agency: Agency,
        ref: Type.String({ description: 'The pseudonym the person sees for this reader' }),
      },
      { additionalProperties: false },
    ),
    person: Type.Object(
      {
        subject: Type.Union([Type.String(), Type.Null()], { description: 'The person’s account; null when filed for at the counter, or hidden' }),
        identifiedByNik: Type.Boolean({ description: 'The entry carries the digest of the person’s NIK (never the NIK)' }),
        hidden: Type.Boolean({ description: 'An anonymous complainant: who it is is not shown here (the person sees the entry in their own log)' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, 'x-component': 'PersonalDataAccess' },
);

export const MyAccessEntry = Type.Object(
  {
    id: Uuid,
    at: DateTime,
    purpose: Purpose,
    purposeName: Text,
    record: AccessedRecord,
    reader: Type.Object(
      {
        role: ReaderRole,
        roleName: Text,
        agency: Agency,
        ref: Type.String({ description: 'A stable pseudonym of the staff member in this tenant: quote it to the tenant admin or in a complaint' }),
      },
      { additionalProperties: false, description: 'Who read, as role and agency: the institution is accountable; the tenant admin can name the person behind `ref`' },
    ),
  },
  { additionalProperties: false, 'x-component': 'MyPersonalDataAccess' },
);

const StoredFile = Type.Object(
  { id: Type.String(), code: StringOrNull, filename: StringOrNull, mediaType: Type.String(), size: Type.Integer(), sha256: Type.String(), createdAt: DateTime, downloadPath: Type.String({ description: 'Ask it (signed in as this person) for a short-lived link to the file' }) },
  { additionalProperties: false },
);

const MyApplication = Type.Object(
  {
    id: Uuid,
    trackingCode: Type.String(),
    service: Type.String(),
    agency: Type.String(),
    channel: Type.String(),
    status: Type.String(),
    state: Type.String(),
    createdAt: DateTime,
    submittedAt: DateTimeOrNull,
    completedAt: DateTimeOrNull,
    applicant: AnyObject('NIK, name and phone as filed'),
    data: AnyObject('The form data as filed'),
    consent: Type.Union([Type.Object({ statement: Type.String(), method: Type.String(), at: Type.String() }, { additionalProperties: false }), Type.Null()]),
    timeline: Type.Array(
      Type.Object({ at: DateTime, action: Type.String(), actorRole: Type.String(), from: StringOrNull, to: StringOrNull, comment: StringOrNull }, { additionalProperties: false }),
      { description: 'Every step, by role (staff names are not the person’s data)' },
    ),
    documents: Type.Array(StoredFile),
    outputs: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          kind: Type.String(),
          issuedAt: DateTime,
          validUntil: DateTimeOrNull,
          downloadPath: StringOrNull,
          // Issue 23: what the officer recorded about it (a loss report's number, an NIB).
          data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'What the officer recorded when issuing it' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const MyBooking = Type.Object(
  {
    id: Uuid,
    service: Type.String(),
    agency: Type.String(),
    date: Type.String(),
    start: Type.String(),
    end: Type.String(),
    status: Type.String(),
    channel: Type.String(),
    name: StringOrNull,
    queueNumber: Type.Union([Type.Integer(), Type.Null()]),
    counter: StringOrNull,
    applicationId: Type.Union([Uuid, Type.Null()]),
    createdAt: DateTime,
  },
  { additionalProperties: false },
);

const MyComplaint = Type.Object(
  {
    id: Uuid,
    trackingCode: Type.String(),
    kind: Type.String(),
    category: Type.String(),
    title: Type.String(),
    body: Type.String(),
    location: StringOrNull,
    incidentDate: StringOrNull,
    anonymous: Type.Boolean(),
    confidential: Type.Boolean(),
    channel: Type.String(),
    status: Type.String(),
    complainant: AnyObject('The contact details as filed'),
    applicationId: Type.Union([Uuid, Type.Null()]),
    createdAt: DateTime,
    closedAt: DateTimeOrNull,
    rating: Type.Union([Type.Integer(), Type.Null()]),
    thread: Type.Array(
      Type.Object({ at: DateTime, authorRole: Type.String(), kind: Type.String(), body: StringOrNull }, { additionalProperties: false }),
      { description: 'The public thread, by role (internal staff notes are not included)' },
    ),
    attachments: Type.Array(StoredFile),
  },
  { additionalProperties: false },
);

export const RetentionLine = Type.Object(
  {
    code: Type.String(),
    record: Text,
    days: Type.Union([Type.Integer(), Type.Null()], { description: 'Days from `from` as it applies in this tenant; null: kept (not purged by the platform)' }),
    defaultDays: Type.Union([Type.Integer(), Type.Null()], { description: 'The platform’s default period' }),
    setBy: Type.Enum(['platform', 'regency'], { description: '`regency`: the tenant admin set `days` (ditetapkan oleh regency), citing `decree`' }),
    decree: Type.Union([Type.String(), Type.Null()], { description: 'What the regency cites for its period (its JRA, a Perbup…)' }),
    bounds: Type.Union([Type.Object({ min: Type.Integer(), max: Type.Integer() }, { additionalProperties: false }), Type.Null()], { description: 'The periods a regency may set; null: fixed by the platform' }),
    version: Type.Union([Type.Integer(), Type.Null()], { description: 'The regency’s setting’s version (quote it as the ETag `"n"` in If-Match to change it); null: not set' }),
    from: Text,
    then: Text,
    basis: Type.String(),
  },
  { additionalProperties: false, 'x-component': 'RetentionLine' },
);
export const RetentionPath = TenantPath({ code: Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'The line’s code, e.g. draft-applications' }) });
export const RetentionBody = Strict({
  days: Type.Integer({ minimum: 0, maximum: 36500, description: 'The period in days, within the line’s bounds' }),
  basis: Type.String({ minLength: 3, maxLength: 500, description: 'What the regency cites for it (its JRA, a Perbup, a decree number)' }),
});

export const MyData = Type.Object(
  {
    generatedAt: DateTime,
    tenant: Type.Object({ slug: Type.String(), name: Type.String() }, { additionalProperties: false }),
    account: Type.Object(
      { subject: Type.String(), username: Type.String(), name: StringOrNull, email: StringOrNull, source: Type.Literal('identity-provider') },
      { additionalProperties: false, description: 'As the identity provider (Keycloak) vouches for it; the platform keeps no account table of its own' },
    ),
    applications: Type.Array(MyApplication, { description: 'Applications of which this account is the applicant, drafts included (not those it filed for others)' }),
    bookings: Type.Array(MyBooking),
    complaints: Type.Array(MyComplaint, { description: 'Complaints of which this account is the complainant, anonymous ones included (not those it filed for others)' }),
    surveyInvitations: Type.Array(
      Type.Object({ id: Uuid, service: Type.String(), agency: Type.String(), createdAt: DateTime, expiresAt: DateTime, answered: Type.Boolean() }, { additionalProperties: false }),
      { description: 'SKM invitations still tied to this account (answers are anonymous and not here)' },
    ),
    accessLog: Type.Array(MyAccessEntry, { description: 'Every recorded read of this person’s data by someone else, newest first' }),
    retention: Type.Array(RetentionLine, { description: 'How long each kind of record is kept, and why (docs/privacy.md)' }),
  },
  { additionalProperties: false, 'x-component': 'MyData' },
);

export type AccessEntryView = Type.Static<typeof AccessEntry>;
export type MyAccessEntryView = Type.Static<typeof MyAccessEntry>;
export type MyDataView = Type.Static<typeof MyData>;

export const RetentionSchedule = Type.Object({ items: Type.Array(RetentionLine) }, { additionalProperties: false });
