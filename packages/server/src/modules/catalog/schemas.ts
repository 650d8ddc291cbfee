import Type from 'typebox';
import { AnyObject, ServiceId, Strict, TenantPath } from '../../http/schemas.js';

export const CatalogQuery = Strict({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Search in names, summaries and keywords' })),
  category: Type.Optional(Type.Enum(['perizinan', 'non-perizinan'])),
  agency: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Agency code, e.g. dukcapil' })),
});
export const ServicePath = TenantPath({ service: ServiceId });
/** Form data, validated against the installed version's own JSON Schema. */
export const FormData = AnyObject('Form data');

/*
 * The catalog as the public reads it: the plugin manifest's pieces (plugin-sdk types.ts, the
 * meta-schema plugin.schema.json) as a tenant offers them. Constraints the manifest already met
 * at publication are not repeated; the shapes are, member by member.
 */
const strict = { additionalProperties: false } as const;
const Text = Type.Object({ id: Type.String(), en: Type.String() }, strict);
const Weekday = Type.Enum(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']);
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Local time HH:MM' });

const Agency = Type.Object({ code: Type.String(), name: Text, kind: Type.Enum(['vertical', 'regional']) }, strict);
const Counter = Type.Object({ name: Type.String(), number: Type.Optional(Type.String()), floor: Type.Optional(Type.String()) }, { ...strict, description: 'The gerai (counter) serving it at the MPP' });
const Contact = Type.Object({ phone: Type.Optional(Type.String()), email: Type.Optional(Type.String()), note: Type.Optional(Text) }, strict);
const OpeningHours = Type.Array(Type.Object({ days: Type.Array(Weekday), open: Time, close: Time }, strict), { description: 'When the counter serves it (tenant time zone)' });
export const ServiceSchedule = Type.Object(
  {
    appointmentRequired: Type.Boolean(),
    sessions: Type.Array(Type.Object({ days: Type.Array(Weekday), start: Time, end: Time, capacity: Type.Integer({ minimum: 1 }) }, strict)),
    onlineShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Share of each session bookable online' })),
  },
  strict,
);
const StandardText = Type.Object(
  { number: Type.Integer({ minimum: 1, maximum: 14 }), key: Type.String(), name: Text, text: Type.Array(Text) },
  { ...strict, description: 'A component of the standar pelayanan (UU 25/2009 Pasal 21), numbered 1–14' },
);

const entryProperties = {
  id: Type.String({ description: 'plugin.service, e.g. dukcapil.ktpel-penggantian' }),
  plugin: Type.String(),
  version: Type.String({ description: 'The plugin version this tenant runs' }),
  code: Type.String(),
  name: Text,
  summary: Text,
  category: Type.Enum(['perizinan', 'non-perizinan']),
  channels: Type.Array(Type.Enum(['online', 'assisted', 'counter'])),
  keywords: Type.Array(Type.String()),
  agency: Agency,
  counter: Type.Optional(Counter),
  contact: Type.Optional(Contact),
  openingHours: Type.Optional(OpeningHours),
  appointmentRequired: Type.Boolean(),
  schedule: Type.Optional(ServiceSchedule),
  standard: Type.Array(StandardText),
};

export const CatalogEntry = Type.Object(entryProperties, { ...strict, 'x-component': 'CatalogService', description: 'A service as the tenant offers it, with the six published components of the standar pelayanan' });

export const Catalog = Type.Object(
  {
    tenant: Type.Object({ slug: Type.String(), name: Type.String(), timeZone: Type.String() }, strict),
    items: Type.Array(CatalogEntry, { description: 'Every installed service (or those matching the filters)' }),
  },
  { ...strict, 'x-component': 'ServiceCatalog' },
);

export const CatalogSummaryEntry = Type.Object(
  {
    id: entryProperties.id,
    code: entryProperties.code,
    name: Text,
    summary: Text,
    category: entryProperties.category,
    channels: entryProperties.channels,
    keywords: entryProperties.keywords,
    agency: Agency,
    appointmentRequired: Type.Boolean(),
  },
  { ...strict, 'x-component': 'CatalogServiceSummary', description: 'A service as the catalog list shows it: name, summary, category, agency (the standar pelayanan is on the service itself)' },
);

export const CatalogSummary = Type.Object(
  {
    tenant: Type.Object({ slug: Type.String(), name: Type.String(), timeZone: Type.String() }, strict),
    items: Type.Array(CatalogSummaryEntry, { description: 'Every installed service' }),
  },
  { ...strict, 'x-component': 'ServiceCatalogSummary' },
);

const Duration = Type.Object({ value: Type.Number(), unit: Type.Enum(['minutes', 'hours', 'working-days']) }, strict);
const Document = Type.Object(
  {
    code: Type.String(),
    name: Text,
    accept: Type.Array(Type.Enum(['application/pdf', 'image/jpeg', 'image/png'])),
    maxSizeMb: Type.Number(),
    minCount: Type.Integer({ minimum: 0 }),
    maxCount: Type.Integer({ minimum: 1 }),
    requiredWhen: Type.Optional(AnyObject('JSON Schema over the form data: the document is required when the data matches')),
    fromService: Type.Optional(
      Type.Object(
        {
          plugin: Type.String(),
          service: Type.String(),
          output: Type.String(),
          maxAgeDays: Type.Integer(),
          prefill: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Form fields filled from that output’s recorded data when linked: form pointer → output-data pointer (issue 23)' })),
        },
        { ...strict, description: 'May be the output of another service (e.g. the police report for a lost KTP)' },
      ),
    ),
    // Documents and identity (issue 23, part "docs"): the document type's validity rules.
    validity: Type.Optional(
      Type.Object(
        {
          maxAge: Type.Optional(Type.Object({ value: Type.Integer(), unit: Type.Enum(['days', 'months']) }, strict)),
          issuer: Type.Optional(Type.Object({ accept: Type.Array(Type.String()), name: Text }, strict)),
          fields: Type.Optional(Type.Object({ number: Type.Optional(Type.String()), issuedOn: Type.Optional(Type.String()), issuer: Type.Optional(Type.String()) }, strict)),
          required: Type.Optional(Type.Array(Type.Enum(['number', 'issuedOn', 'issuer']))),
        },
        { ...strict, description: 'When the document is acceptable: maximum age from issue, issuing agency, the form fields stating its number and date (which must be filled)' },
      ),
    ),
  },
  strict,
);
const Fee = Type.Object(
  {
    kind: Type.Enum(['free', 'fixed', 'table', 'formula']),
    amount: Type.Optional(Type.Integer({ description: 'Rupiah, for `fixed`' })),
    items: Type.Optional(Type.Array(Type.Object({ code: Type.String(), name: Text, amount: Type.Integer() }, strict))),
    formula: Type.Optional(Type.Object({ ref: Type.String(), text: Text }, strict)),
    legalBasis: Type.String(),
    locked: Type.Boolean(),
    note: Type.Optional(Text),
  },
  strict,
);
const Output = Type.Object(
  {
    code: Type.String(),
    name: Text,
    kind: Type.Enum(['document', 'physical', 'external']),
    validityDays: Type.Optional(Type.Integer()),
    signature: Type.Optional(Type.Enum(['tte', 'wet', 'none'])),
    // Issue 23 (part "docs"): what the officer records when issuing it.
    data: Type.Optional(
      Type.Object(
        {
          schema: AnyObject('JSON Schema of the recorded data'),
          labels: Type.Optional(Type.Record(Type.String(), Text)),
          number: Type.Optional(Type.String()),
          issuedOn: Type.Optional(Type.String()),
        },
        { ...strict, description: 'What the officer records about the output when issuing it (e.g. the loss report’s number and date)' },
      ),
    ),
  },
  strict,
);
const SopState = Type.Object(
  {
    name: Text,
    terminal: Type.Optional(Type.Boolean()),
    outcome: Type.Optional(Type.Enum(['completed', 'rejected', 'withdrawn'])),
    sla: Type.Optional(Duration),
    actor: Type.Optional(Type.Enum(['citizen', 'officer', 'village-operator', 'tenant-admin', 'system'])),
  },
  strict,
);
const Form = Type.Object(
  {
    schema: AnyObject('The form’s JSON Schema 2020-12, as the plugin publishes it'),
    ui: Type.Object(
      {
        order: Type.Array(Type.String()),
        labels: Type.Record(Type.String(), Text),
        help: Type.Optional(Type.Record(Type.String(), Text)),
        widgets: Type.Optional(Type.Record(Type.String(), Type.String())),
      },
      strict,
    ),
    identity: Type.Optional(
      Type.Object(
        {
          nik: Type.String(),
          birthDate: Type.Optional(Type.String()),
          sex: Type.Optional(Type.String()),
          sexValues: Type.Optional(Type.Object({ male: Type.String(), female: Type.String() }, strict)),
          domicile: Type.Optional(Type.String()),
          onMismatch: Type.Optional(Type.Enum(['warn', 'block'])),
        },
        { ...strict, description: 'Which fields carry the NIK and what it is checked against (JSON pointers into the form data; docs/plugins.md §3)' },
      ),
    ),
  },
  strict,
);

export const ServiceDetail = Type.Object(
  {
    ...entryProperties,
    contentHash: Type.String({ description: 'The content hash of the plugin version (published versions are immutable)' }),
    standardComplete: Type.Boolean({ description: 'Whether all 14 components are filled' }),
    documents: Type.Array(Document),
    form: Form,
    sla: Duration,
    fee: Fee,
    outputs: Type.Array(Output),
    sop: Type.Object({ initial: Type.String(), states: Type.Record(Type.String(), SopState) }, strict),
  },
  { ...strict, 'x-component': 'ServiceDetail', description: 'One service in full: all 14 components of the standar pelayanan, documents, form, SLA, fee, outputs and SOP states' },
);

export const FormValid = Type.Object({ valid: Type.Literal(true), plugin: Type.String(), version: Type.String() }, strict);

export type CatalogEntryView = Type.Static<typeof CatalogEntry>;
export type CatalogView = Type.Static<typeof Catalog>;
export type CatalogSummaryEntryView = Type.Static<typeof CatalogSummaryEntry>;
export type CatalogSummaryView = Type.Static<typeof CatalogSummary>;
export type ServiceDetailView = Type.Static<typeof ServiceDetail>;
export type FormValidView = Type.Static<typeof FormValid>;
