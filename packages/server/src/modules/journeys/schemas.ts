import Type from 'typebox';
import { Code, ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';

/** Journeys (layanan terintegrasi) and the shared applicant profile: issue 23, part sla. */

const Text = Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false, description: 'Bahasa Indonesia and English' });
const LocalDate = Type.String({ format: 'date', description: 'YYYY-MM-DD in the tenant’s time zone' });

export const JourneyPath = TenantPath({ service: ServiceId });
export const ConsentPath = TenantPath({ agency: Code });

export const JourneyStep = Type.Object(
  {
    service: Type.String({ description: 'plugin.service' }),
    name: Type.Union([Text, Type.Null()]),
    agency: Type.Union([Type.Object({ code: Type.String(), name: Text }, { additionalProperties: false }), Type.Null()]),
    sla: Type.Union([Type.Object({ value: Type.Number(), unit: Type.String() }, { additionalProperties: false }), Type.Null()]),
    startsOn: Type.Union([Type.Object({ event: Text, message: Text }, { additionalProperties: false }), Type.Null()], { description: 'When the step’s service clock starts at an event after submission (its SOP)' }),
    feeds: Type.Union([Type.Object({ service: Type.String(), document: Type.String(), output: Type.String(), conditional: Type.Boolean({ description: 'Required only when the later step’s form says so (e.g. a lost KTP)' }) }, { additionalProperties: false }), Type.Null()], {
      description: 'Which document of which later step this step’s output becomes',
    }),
    status: Type.Enum(['done', 'in-progress', 'to-do', 'not-offered'], { description: 'For the citizen’s own journey; `to-do` on the public one; `not-offered`: this tenant does not run the step' }),
    application: Type.Union([Type.Object({ id: Uuid, status: Type.String() }, { additionalProperties: false }), Type.Null()]),
    estimatedDate: Type.Union([LocalDate, Type.Null()], { description: 'When the step is expected done' }),
  },
  { additionalProperties: false },
);

export const Journey = Type.Object(
  {
    service: Type.String({ description: 'The journey’s last step (plugin.service)' }),
    from: LocalDate,
    steps: Type.Array(JourneyStep, { description: 'First step first' }),
    workingDays: Type.Integer({ minimum: 0, description: 'Hari kerja still ahead: the sum of the remaining steps’ SLAs in working days' }),
    estimatedDate: LocalDate,
    offered: Type.Boolean({ description: 'Whether this tenant runs every step' }),
  },
  { additionalProperties: false, 'x-component': 'Journey' },
);

export const ProfileBody = Strict({
  nik: Type.String({ pattern: '^\\d{16}$', description: 'NIK (16 digits)' }),
  name: Type.String({ minLength: 2, maxLength: 120 }),
  address: Type.Optional(Type.String({ minLength: 5, maxLength: 300 })),
  phone: Type.Optional(Type.String({ pattern: '^(\\+62|62|0)8[1-9][0-9]{6,11}$', description: 'Indonesian mobile number' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
});

const ConsentItem = Type.Object({ agency: Type.String(), statement: Type.String(), grantedAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false });

export const Profile = Type.Object(
  {
    profile: ProfileBody,
    version: Type.Integer({ minimum: 1 }),
    updatedAt: Type.String({ format: 'date-time' }),
    consents: Type.Array(ConsentItem, { description: 'Agencies that may pre-fill their forms from this profile' }),
  },
  { additionalProperties: false, 'x-component': 'ApplicantProfile' },
);

export const ConsentBody = Strict({ statement: Type.String({ minLength: 10, maxLength: 1000, description: 'What the citizen agreed to, as shown to them' }) });
export const Consent = Type.Object(ConsentItem.properties, { additionalProperties: false, 'x-component': 'ProfileConsent' });

export const Prefill = Type.Object(
  {
    service: Type.String(),
    agency: Type.String(),
    profileVersion: Type.Integer(),
    consentGrantedAt: Type.String({ format: 'date-time' }),
    data: Type.Record(Type.String(), Type.String(), { description: 'Form fields filled from the profile (the form’s own names); the citizen checks them before submitting' }),
  },
  { additionalProperties: false, 'x-component': 'ProfilePrefill' },
);

export type JourneyView = Type.Static<typeof Journey>;
export type ProfileView = Type.Static<typeof Profile>;
export type PrefillView = Type.Static<typeof Prefill>;
