import Type from 'typebox';
import { MPP_STATUSES } from '@satupintu/core';
import { Localized, ServiceId, Strict, TenantPath } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';
import { DECREE_KINDS } from './queries.js';

/** A calendar date (format only: one error per bad value). */
const Day = (description: string) => Type.String({ format: 'date', description });
/** Free text that is not blank. */
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', description });
const AgencyCode = Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Agency code as in plugins, e.g. dukcapil' });
const Status = (description?: string) => Type.Enum([...MPP_STATUSES], description ? { description } : {});
const DateTime = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) });
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

// ---- requests ---------------------------------------------------------------------------------

export const OnboardingPath = TenantPath();
export const AgencyPath = TenantPath({ agency: AgencyCode });
export const StandardPath = TenantPath({ service: ServiceId });
export const PageQuery = Strict({ ...PageParams });

export const LifecycleBody = Strict({
  to: Status('Target status'),
  on: Type.Optional(Day('Effective date (tenant-local); today when absent')),
  note: Type.Optional(Text(1000, 'Why (required to move back)')),
});

export const AgencyBody = Strict({
  name: Text(200, 'Agency name as in the MoU'),
  mouNumber: Text(120, 'MoU / perjanjian kerja sama number'),
  mouSignedOn: Day('Date signed'),
  plannedServices: Type.Integer({ minimum: 0, maximum: 1000, description: 'Services the agency will offer at the MPP' }),
});

export const MaklumatBody = Strict({
  text: Text(5000, 'Pernyataan kesanggupan dan kewajiban'),
  signedBy: Text(200, 'Signed by (name and office)'),
  signedOn: Day('Date signed'),
});

export const DecreeBody = Strict({
  kind: Type.Enum([...DECREE_KINDS], { description: 'What the decree sets' }),
  number: Text(120, 'Decree number, e.g. 060.1/KP/2024'),
  signedOn: Day('Date signed'),
  title: Text(500, 'Title'),
});

export const StandardBody = Strict({
  skNumber: Text(120, 'Number of the decree setting the standard'),
  skDate: Day('Date of the decree'),
});

export const AdoptBody = Strict({
  plugins: Type.Optional(Type.Array(AgencyCode, { maxItems: 100, uniqueItems: true, description: 'Plugins to take (default: every one behind or missing)' })),
});

// ---- responses --------------------------------------------------------------------------------

export const LifecycleEventSchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: 'Order of the move (1: the registration)' }),
    from: Nullable(Status()),
    to: Status(),
    on: Day('Effective date (tenant-local)'),
    actor: Type.String(),
    note: Nullable(Type.String()),
    recordedAt: DateTime(),
  },
  { additionalProperties: false, 'x-component': 'LifecycleEvent' },
);
export type LifecycleEvent = Type.Static<typeof LifecycleEventSchema>;

export const AgencyRecordSchema = Type.Object(
  {
    agencyCode: AgencyCode,
    name: Type.String(),
    mouNumber: Type.String(),
    mouSignedOn: Day('Date signed'),
    plannedServices: Type.Integer({ minimum: 0 }),
    recordedBy: Type.String(),
    recordedAt: DateTime(),
  },
  { additionalProperties: false, 'x-component': 'TenantAgency' },
);
export type AgencyRecord = Type.Static<typeof AgencyRecordSchema>;

const maklumatProps = {
  text: Type.String(),
  signedBy: Type.String(),
  signedOn: Day('Date signed'),
  publishedAt: DateTime(),
};
export const MaklumatRecordSchema = Type.Object({ ...maklumatProps, publishedBy: Type.String() }, { additionalProperties: false, 'x-component': 'Maklumat' });
export type MaklumatRecord = Type.Static<typeof MaklumatRecordSchema>;
/** The maklumat as the public sees it (who typed it in is not public). */
export const PublicMaklumatSchema = Type.Object(maklumatProps, { additionalProperties: false, 'x-component': 'PublicMaklumat' });
export type PublicMaklumat = Type.Static<typeof PublicMaklumatSchema>;
export const MaklumatViewSchema = Type.Object(
  { maklumat: Nullable(PublicMaklumatSchema) },
  { additionalProperties: false, description: 'The maklumat, or null before the regency publishes one' },
);

export const DecreeRecordSchema = Type.Object(
  {
    kind: Type.Enum([...DECREE_KINDS]),
    number: Type.String(),
    signedOn: Day('Date signed'),
    title: Type.String(),
    recordedBy: Type.String(),
    recordedAt: DateTime(),
  },
  { additionalProperties: false, 'x-component': 'Decree' },
);
export type DecreeRecord = Type.Static<typeof DecreeRecordSchema>;

const Counter = Type.Object(
  { name: Type.String(), number: Type.Optional(Type.String()), floor: Type.Optional(Type.String()) },
  { additionalProperties: false, description: 'The gerai (counter) serving it at the MPP' },
);

export const StandardPublicationSchema = Type.Object(
  {
    skNumber: Type.String(),
    skDate: Day('Date of the decree'),
    pluginVersion: Type.String({ description: 'The plugin version the standard was published for' }),
    publishedAt: DateTime(),
    publishedBy: Type.String(),
  },
  { additionalProperties: false },
);

export const ServiceReadinessSchema = Type.Object(
  {
    id: ServiceId,
    plugin: Type.String(),
    version: Type.String({ description: 'Installed plugin version' }),
    code: Type.String(),
    name: Localized(1, 4000),
    agency: Type.String(),
    counterSettable: Type.Boolean({ description: 'The plugin lets the regency set its counter' }),
    counter: Nullable(Counter),
    standardComplete: Type.Boolean({ description: 'All 14 components are filled (plugin + overlay)' }),
    missing: Type.Array(
      Type.Object(
        {
          number: Type.Integer({ minimum: 1, maximum: 14 }),
          key: Type.String(),
          name: Localized(1, 4000),
          group: Type.Enum(['delivery', 'management'], { description: '`delivery`: the agency provides it; `management`: the regency may (overlay)' }),
        },
        { additionalProperties: false },
      ),
    ),
    published: Nullable(StandardPublicationSchema),
  },
  { additionalProperties: false, 'x-component': 'ServiceReadiness' },
);
export type ServiceReadiness = Type.Static<typeof ServiceReadinessSchema>;

/** A published standar pelayanan: the service and its SK. */
export const PublishedStandardSchema = Type.Object(
  { service: ServiceId, ...StandardPublicationSchema.properties },
  { additionalProperties: false, 'x-component': 'PublishedStandard' },
);
export type PublishedStandard = Type.Static<typeof PublishedStandardSchema>;

const ChecklistKey = Type.Enum(['commitment', 'agencies', 'plugins', 'counters', 'standards', 'maklumat', 'decrees']);
export const ChecklistItemSchema = Type.Object(
  { key: ChecklistKey, label: Localized(1, 400), done: Type.Boolean(), detail: Type.String({ description: 'e.g. `12/14`' }) },
  { additionalProperties: false, 'x-component': 'ChecklistItem' },
);
export const ChecklistCountsSchema = Type.Object(
  {
    servicesInstalled: Type.Integer({ minimum: 0 }),
    servicesLive: Type.Integer({ minimum: 0, description: 'Standard complete and published' }),
    servicesPlanned: Type.Integer({ minimum: 0, description: 'What the MoUs promise (installed services before any MoU states a number)' }),
    countersSet: Type.Integer({ minimum: 0 }),
    agenciesJoined: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false, 'x-component': 'ChecklistCounts' },
);

export const ChecklistSchema = Type.Object(
  {
    tenant: Type.String(),
    status: Status(),
    committedOn: Nullable(Day('Commitment signed')),
    deadline: Nullable(Day('One year after the commitment')),
    daysToDeadline: Nullable(Type.Integer({ description: 'Negative once the deadline has passed' })),
    deadlineMet: Nullable(Type.Boolean({ description: 'Launched by the deadline; null until launched or without a deadline' })),
    serving: Type.Boolean({ description: 'Launched, inaugurated or operating' }),
    launchedOn: Nullable(Day('Launch')),
    inauguratedOn: Nullable(Day('Inauguration')),
    progress: Type.Number({ minimum: 0, maximum: 1, description: 'Share of checklist items done' }),
    items: Type.Array(ChecklistItemSchema),
    counts: ChecklistCountsSchema,
    services: Type.Array(ServiceReadinessSchema),
    agencies: Type.Array(AgencyRecordSchema),
    maklumat: Nullable(PublicMaklumatSchema),
    maklumatTemplate: Nullable(Type.String({ description: 'Kaji tiru: the model’s maklumat text, until the regency publishes its own' })),
    decrees: Type.Array(DecreeRecordSchema),
    history: Type.Array(LifecycleEventSchema),
  },
  { additionalProperties: false, 'x-component': 'OnboardingChecklist' },
);
export type Checklist = Type.Static<typeof ChecklistSchema>;

const Semver = Type.String({ description: 'Plugin version' });
export const ModelDriftSchema = Type.Object(
  {
    tenant: Type.String(),
    model: Type.String({ description: 'The role-model tenant (kaji tiru)' }),
    inSync: Type.Boolean(),
    differences: Type.Integer({ minimum: 0 }),
    plugins: Type.Array(
      Type.Object(
        {
          plugin: Type.String(),
          tenantVersion: Nullable(Semver),
          modelVersion: Nullable(Semver),
          state: Type.Enum(['missing', 'behind', 'same', 'ahead', 'extra'], { description: 'This tenant’s version against the model’s' }),
        },
        { additionalProperties: false },
      ),
    ),
    overlays: Type.Array(Type.Object({ service: ServiceId, fields: Type.Array(Type.String(), { description: 'Overlay keys that differ' }) }, { additionalProperties: false })),
    maklumatDiffers: Type.Boolean(),
    upgradesAvailable: Type.Array(Type.Object({ plugin: Type.String(), from: Nullable(Semver), to: Semver }, { additionalProperties: false })),
  },
  { additionalProperties: false, 'x-component': 'ModelDrift' },
);

export const AdoptionSchema = Type.Object(
  {
    taken: Type.Array(
      Type.Object(
        { plugin: Type.String(), from: Nullable(Semver), to: Semver, action: Type.Enum(['installed', 'upgraded', 'downgraded', 'unchanged']) },
        { additionalProperties: false },
      ),
    ),
    drift: ModelDriftSchema,
  },
  { additionalProperties: false, 'x-component': 'ModelAdoption' },
);
