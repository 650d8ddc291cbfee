import Type from 'typebox';
import { Code, LocalDate, ServiceId, Strict, TenantPath, TenantSlug, Uuid } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';
import { ELEMENTS, PROFILE } from './ikm.js';

export const ApplicationInvitationPath = TenantPath({ application: Uuid });
export const FollowUpPath = TenantPath({ id: Uuid });
export const AgencyPath = Type.Object({ agency: Code });

/** A local date (YYYY-MM-DD) with what it means here. */
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description });
const periodMembers = {
  from: Type.Optional(Day('First day of the period (default 1 January of `to`’s year)')),
  to: Type.Optional(Day('Last day of the period, inclusive (default today); at most 366 days after `from`')),
};
export const PeriodQuery = Strict(periodMembers);
export const TenantIkmQuery = Strict({
  ...periodMembers,
  agency: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Only this agency’s services, e.g. dukcapil' })),
  service: Type.Optional(ServiceId),
});
export const InvitationsQuery = Strict({ ...PageParams });
export const FollowUpsQuery = Strict({
  status: Type.Optional(Type.Enum(['open', 'closed'], { description: 'Only open or only closed follow-ups' })),
  from: Type.Optional(Day('Only follow-ups of a period starting on this day')),
  to: Type.Optional(Day('Only follow-ups of a period ending on this day')),
  ...PageParams,
});

const Score = Type.Integer({ minimum: 1, maximum: 4 });
export const AnswerBody = Strict({
  invitation: Type.String({ pattern: '^[A-Za-z0-9_-]{22,64}$', description: 'The invitation token (from the invitation list, the QR code or the message): the only credential' }),
  answers: Strict({ U1: Score, U2: Score, U3: Score, U4: Score, U5: Score, U6: Score, U7: Score, U8: Score, U9: Score }),
  profile: Strict({ sex: Type.Enum(PROFILE.sex), ageBand: Type.Enum(PROFILE.ageBand), education: Type.Enum(PROFILE.education), occupation: Type.Enum(PROFILE.occupation) }),
  suggestion: Type.Optional(Type.String({ maxLength: 2000, description: 'Saran: stored with the answers, never shown outside the tenant' })),
});
export const OpenFollowUpsBody = Strict({ from: LocalDate, to: LocalDate });
const HttpsUrl = (description: string) => Type.String({ pattern: '^https://[^\\s/]+\\.[^\\s]+$', maxLength: 2000, description });
export const CloseFollowUpBody = Strict({
  plan: Type.Optional(Type.String({ maxLength: 2000 })),
  result: Type.String({ minLength: 5, maxLength: 4000, description: 'What was done and what changed: the evidence of completion in words' }),
  evidenceUrl: Type.Optional(HttpsUrl('A link to the evidence of completion (a published notice, a report, photos)')),
});
export const AssignFollowUpBody = Type.Object(
  {
    owner: Type.Optional(Type.String({ minLength: 3, maxLength: 200, description: 'The unit or position responsible, e.g. "Kepala Bidang Pelayanan DPMPTSP" (not a person’s name)' })),
    dueOn: Type.Optional(Day('Due date (tenant-local), not before the period’s end')),
    plan: Type.Optional(Type.String({ minLength: 5, maxLength: 2000, description: 'The planned action (rencana tindak lanjut)' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const PUBLICATION_MEDIA = ['website', 'notice-board', 'social-media', 'print-media', 'other'] as const;
export const PublicationBody = Strict({
  from: LocalDate,
  to: LocalDate,
  medium: Type.Enum([...PUBLICATION_MEDIA], { description: 'Where: a website, a notice board (papan pengumuman), social media, print media, other' }),
  location: Type.String({ minLength: 3, maxLength: 2000, description: 'The https URL (website, social media) or the place, e.g. "Papan pengumuman lobi MPP lantai 1"' }),
  publishedOn: Day('Date published (tenant-local): not before the period’s end, not after today'),
  publishedBy: Type.String({ minLength: 3, maxLength: 200, description: 'The unit or position that published it, e.g. "Subbag Umum DPMPTSP"' }),
});
export const PublicationsQuery = Strict({
  from: Type.Optional(Day('Only entries for periods ending on or after this day')),
  to: Type.Optional(Day('Only entries for periods starting on or before this day')),
  ...PageParams,
});
export const SkmReportQuery = PeriodQuery;

// ---- responses ------------------------------------------------------------------------------

const closed = { additionalProperties: false } as const;
const Localized = Type.Object({ id: Type.String(), en: Type.String() }, closed);
const ElementId = Type.Enum([...ELEMENTS]);
const Category = Type.Enum(['A', 'B', 'C', 'D']);
const Period = Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }, closed);
const Range = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lowest, highest]' });

/** The weighting convention a report used (it always names it). */
const Weighting = Type.Object(
  {
    convention: Type.Literal('equal-exact'),
    weight: Type.Number({ description: '1/9 per unsur' }),
    description: Localized,
    legacyWeight: Type.Number({ description: 'The printed weight 0.111 some reports use' }),
  },
  closed,
);

const IkmElement = Type.Object(
  {
    element: ElementId,
    name: Localized,
    sum: Type.Integer({ description: 'Sum of the answers (1–4) for this unsur' }),
    nrr: Type.Number({ description: 'Nilai rata-rata: sum ÷ respondents (4 decimals)' }),
    weightedNrr: Type.Number({ description: 'NRR × 1/9 (4 decimals)' }),
  },
  closed,
);
const Lowest = Type.Object({ element: ElementId, nrr: Type.Number() }, closed);

const ikmMembers = {
  respondents: Type.Integer({ minimum: 1 }),
  elements: Type.Array(IkmElement),
  weightedNrr: Type.Number({ description: 'Σ NRR × 1/9 (4 decimals)' }),
  ikm: Type.Number({ description: 'Weighted NRR × 25, two decimals (25–100)' }),
  category: Category,
  performance: Localized,
  weighting: Type.Object({ ...Weighting.properties, legacyIkm: Type.Number(), legacyCategory: Category }, closed),
  lowest: Type.Union([Lowest, Type.Null()]),
};

/** IKM of a set of responses (PermenPANRB 14/2017): computed from per-unsur sums, aggregates only. */
export const IkmResult = Type.Object(ikmMembers, { ...closed, 'x-component': 'IkmResult' });

const Sample = Type.Object(
  {
    population: Type.Integer(),
    populationBasis: Type.String({ description: 'What the population counts: the tenant’s population, or the service users of the period' }),
    krejcieMorgan: Type.Object({ tableN: Type.Union([Type.Integer(), Type.Null()]), minimum: Type.Integer() }, closed),
    sufficient: Type.Boolean(),
    warning: Type.Optional(Localized),
  },
  { ...closed, description: 'The Krejcie–Morgan minimum-sample check' },
);

/** An IKM with its sample check; the figures are null when nobody answered. */
const sampledMembers = {
  respondents: Type.Integer({ minimum: 0 }),
  elements: Type.Array(IkmElement),
  weightedNrr: Type.Union([Type.Number(), Type.Null()]),
  ikm: Type.Union([Type.Number(), Type.Null()]),
  category: Type.Union([Category, Type.Null()]),
  performance: Type.Union([Localized, Type.Null()]),
  weighting: Type.Object({ ...Weighting.properties, legacyIkm: Type.Optional(Type.Number()), legacyCategory: Type.Optional(Category) }, closed),
  lowest: Type.Union([Lowest, Type.Null()]),
  sample: Sample,
};

export const IkmReport = Type.Object(
  {
    tenant: Type.Object({ slug: TenantSlug, name: Type.String({ description: 'Regency/city name' }) }, closed),
    scope: Type.Enum(['tenant', 'agency', 'service']),
    key: Type.String({ description: 'The tenant slug, the agency code or the service id' }),
    period: Period,
    ...sampledMembers,
    services: Type.Array(Type.Object({ service: ServiceId, agency: Code, ...sampledMembers }, closed), { description: 'Every service with responses in the period' }),
  },
  { ...closed, 'x-component': 'IkmReport' },
);

export const AgencyIkmReport = Type.Object(
  {
    agency: Code,
    period: Period,
    weighting: Weighting,
    overall: Type.Union([IkmResult, Type.Null()], { description: 'Null when nobody answered' }),
    services: Type.Array(Type.Object({ service: ServiceId, ...ikmMembers }, closed), { description: 'Each service with responses, across every tenant' }),
    byTenant: Type.Array(
      Type.Object({ tenant: TenantSlug, tenantName: Type.String({ description: 'Regency/city name' }), region: Type.String(), service: ServiceId, ...ikmMembers }, closed),
      { description: 'Each (tenant, service) with responses; at most one row per tenant and service' },
    ),
  },
  { ...closed, 'x-component': 'AgencyIkmReport' },
);

export const NationalIkmReport = Type.Object(
  {
    period: Period,
    weighting: Weighting,
    items: Type.Array(
      Type.Object(
        {
          tenant: TenantSlug,
          tenantName: Type.String({ description: 'Regency/city name' }),
          region: Type.String(),
          respondents: Type.Integer({ minimum: 0 }),
          ikm: Type.Union([Type.Number(), Type.Null()]),
          category: Type.Union([Category, Type.Null()]),
          weightedNrr: Type.Union([Type.Number(), Type.Null()]),
          lowest: Type.Union([Lowest, Type.Null()]),
          elements: Type.Array(IkmElement),
          sample: Sample,
        },
        closed,
      ),
      { description: 'One row per tenant, in the directory’s code order' },
    ),
  },
  { ...closed, 'x-component': 'NationalIkmReport' },
);

export const SkmQuestionnaire = Type.Object(
  {
    regulation: Type.String(),
    scale: Type.Array(Type.Integer()),
    elements: Type.Array(
      Type.Object({ element: ElementId, name: Localized, options: Type.Array(Type.Object({ value: Type.Integer({ minimum: 1, maximum: 4 }), label: Type.String() }, closed)) }, closed),
    ),
    profile: Type.Object(
      {
        sex: Type.Array(Type.Enum(PROFILE.sex)),
        ageBand: Type.Array(Type.Enum(PROFILE.ageBand)),
        education: Type.Array(Type.Enum(PROFILE.education)),
        occupation: Type.Array(Type.Enum(PROFILE.occupation)),
      },
      closed,
    ),
    weighting: Weighting,
    categories: Type.Array(Type.Object({ category: Category, minIkm: Type.Number(), nrrRange: Range, ikmRange: Range, performance: Localized }, closed)),
  },
  { ...closed, 'x-component': 'SkmQuestionnaire' },
);

export const SkmInvitation = Type.Object(
  {
    id: Uuid,
    token: Type.String({ description: 'The credential that answers the survey (erased once answered)' }),
    service: ServiceId,
    agency: Code,
    applicationTrackingCode: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
    // Issue 23 (sla): one combined survey for a journey.
    alsoFor: Type.Optional(Type.Array(ServiceId, { description: 'A combined journey survey (the tenant opted in): the earlier steps this one answer also counts for, each in its own agency’s IKM' })),
  },
  { ...closed, 'x-component': 'SkmInvitation' },
);

export const SkmApplicationInvitation = Type.Object(
  {
    id: Uuid,
    token: Type.Union([Type.String(), Type.Null()], { description: 'Null once answered' }),
    service: ServiceId,
    applicationTrackingCode: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
    answered: Type.Boolean(),
  },
  { ...closed, 'x-component': 'SkmApplicationInvitation' },
);

export const SkmAnswer = Type.Object(
  {
    id: Uuid,
    recordedOn: Type.String({ format: 'date', description: 'The tenant’s local date of the answer: the only time kept' }),
    replayed: Type.Boolean({ description: 'True when these very answers had been recorded before (this is the first response)' }),
  },
  { ...closed, 'x-component': 'SkmAnswer' },
);

export const SkmFollowUp = Type.Object(
  {
    id: Uuid,
    scope: Type.Enum(['tenant', 'agency', 'service']),
    scopeKey: Type.String({ description: 'The tenant slug, agency code or service id' }),
    period: Period,
    element: ElementId,
    elementName: Localized,
    nrr: Type.Number(),
    ikm: Type.Number(),
    respondents: Type.Integer(),
    status: Type.Enum(['open', 'closed']),
    plan: Type.Union([Type.String(), Type.Null()]),
    result: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    closedBy: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Username of the coordinator who closed it; shown to the tenant’s own staff only' })),
    closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    owner: Type.Union([Type.String(), Type.Null()], { description: 'The unit or position responsible' }),
    dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Due date; by default 90 days after the period’s end' }),
    overdue: Type.Boolean({ description: 'Open and past its due date (tenant-local today)' }),
    evidenceUrl: Type.Union([Type.String(), Type.Null()], { description: 'Link to the evidence of completion' }),
  },
  { ...closed, 'x-component': 'SkmFollowUp' },
);

export const SkmFollowUpsOpened = Type.Object(
  {
    period: Period,
    ikm: Type.Union([Type.Number(), Type.Null()], { description: 'The tenant’s IKM for the period; null when nobody answered' }),
    category: Type.Union([Category, Type.Null()]),
    items: Type.Array(SkmFollowUp, { description: 'Every follow-up of the period (one for the tenant, one per service with responses): bounded, answered whole' }),
  },
  { ...closed, 'x-component': 'SkmFollowUpsOpened' },
);

export const SkmPublication = Type.Object(
  {
    id: Uuid,
    period: Period,
    medium: Type.Enum([...PUBLICATION_MEDIA]),
    location: Type.String({ description: 'URL or place' }),
    publishedOn: Type.String({ format: 'date' }),
    publishedBy: Type.String({ description: 'The unit or position that published it' }),
    recordedBy: Type.Optional(Type.String({ description: 'Username of who recorded it; shown to the tenant’s own staff only' })),
    recordedAt: Type.String({ format: 'date-time' }),
  },
  { ...closed, 'x-component': 'SkmPublication' },
);

const Counts = {
  total: Type.Integer({ minimum: 0 }),
  open: Type.Integer({ minimum: 0 }),
  closed: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0, description: 'Open past the due date' }),
  closedOnTime: Type.Integer({ minimum: 0, description: 'Closed on or before the due date' }),
  withEvidence: Type.Integer({ minimum: 0, description: 'Closed with a link to the evidence' }),
};

export const NationalFollowUps = Type.Object(
  {
    period: Period,
    totals: Type.Object({ tenants: Type.Integer({ minimum: 0 }), withFollowUps: Type.Integer({ minimum: 0 }), ...Counts }, closed),
    items: Type.Array(
      Type.Object(
        {
          tenant: TenantSlug,
          tenantName: Type.String({ description: 'Regency/city name' }),
          region: Type.String(),
          ...Counts,
          byElement: Type.Object(Object.fromEntries(ELEMENTS.map((e) => [e, Type.Integer({ minimum: 0 })])), { ...closed, description: 'Tasks per weakest unsur' }),
        },
        closed,
      ),
      { description: 'One row per tenant of the directory (at most the 514 regencies and cities), answered whole' },
    ),
  },
  { ...closed, 'x-component': 'NationalSkmFollowUps' },
);

export type SkmPublicationView = Type.Static<typeof SkmPublication>;
export type NationalFollowUpsView = Type.Static<typeof NationalFollowUps>;
export type IkmReportView = Type.Static<typeof IkmReport>;
export type AgencyIkmView = Type.Static<typeof AgencyIkmReport>;
export type NationalIkmView = Type.Static<typeof NationalIkmReport>;
export type SkmQuestionnaireView = Type.Static<typeof SkmQuestionnaire>;
export type SkmInvitationView = Type.Static<typeof SkmInvitation>;
export type SkmApplicationInvitationView = Type.Static<typeof SkmApplicationInvitation>;
export type FollowUpView = Type.Static<typeof SkmFollowUp>;
export type FollowUpsOpenedView = Type.Static<typeof SkmFollowUpsOpened>;

// --- issue 23 (sla): one combined survey per journey --------------------------------------------
export const SkmSettings = Type.Object(
  { combinedJourneySurvey: Type.Boolean({ description: 'One survey for a whole journey (layanan terintegrasi), counted for each of its agencies; false: one survey per agency (the default)' }) },
  { ...closed, 'x-component': 'SkmSettings' },
);
