import Type from 'typebox';
import { MPP_STATUSES, SLUG_PATTERN } from '@satupintu/core';
import { Strict, TenantSlug } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';

const Region = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 63 });
const Status = Type.Enum([...MPP_STATUSES]);
const DateOrNull = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

export const CreateTenantBody = Strict({
  code: Type.String({ pattern: '^[0-9]{2}\\.[0-9]{2}$', description: 'Official Kemendagri regency/city code, e.g. 32.17' }),
  slug: Type.String({ pattern: SLUG_PATTERN, minLength: 3, maxLength: 63, description: 'URL name, e.g. kab-bandung-barat' }),
  homeRegion: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 63, description: 'Platform region holding the tenant data, e.g. id-jakarta; by default the region of its province (HOME_REGION_PROVINCES)' })),
  mppStatus: Type.Optional(Type.Enum([...MPP_STATUSES], { description: 'Stage of the MPP lifecycle (default proposed)' })),
  committedOn: Type.Optional(Type.String({ format: 'date', description: 'Date the commitment with KemenPAN-RB was signed; the deadline is one year later' })),
  copyOf: Type.Optional(Type.String({ pattern: SLUG_PATTERN, maxLength: 63, description: 'Kaji tiru: copy plugins and versions, overlays (counters, schedules), agencies and the maklumat template of this role-model tenant, e.g. kota-bogor' })),
});

export const TenantSchema = Type.Object(
  {
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  code: Type.String(),
  name: Type.String(),
  provinceCode: Type.String(),
  provinceName: Type.String(),
  timeZone: Type.String(),
  population: Type.Integer(),
  homeRegion: Type.String(),
  mppStatus: Status,
  committedOn: DateOrNull,
  deadline: DateOrNull,
  launchedOn: DateOrNull,
  inauguratedOn: DateOrNull,
  modelTenant: Type.Union([Type.String(), Type.Null()]),
  sandbox: Type.Optional(
    Type.Union([
      Type.Object(
        {
          of: Type.String({ description: 'The production tenant this sandbox was copied from' }),
          clockOffsetMs: Type.Integer({ description: 'The sandbox clock minus the platform clock, in milliseconds' }),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ], { description: 'Set on a sandbox tenant (a rehearsal copy with its own clock; never in national figures); null for a production tenant' }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  },
  { 'x-component': 'Tenant', additionalProperties: false },
);

/** A tenant as its creation answers it: with the role model it copied (kaji tiru), when it did. */
export const CreatedTenant = Type.Object(
  {
    ...TenantSchema.properties,
    kajiTiru: Type.Optional(Type.Object({ model: Type.String(), template: Type.Unknown({ description: 'The maklumat template copied from the model' }) }, { additionalProperties: false })),
  },
  { 'x-component': 'CreatedTenant', additionalProperties: false },
);

export const TenantSettingsSchema = Type.Object(
  {
    allowedOrigins: Type.Array(Type.String({ maxLength: 255 }), {
      maxItems: 20,
      description: 'Browser origins (`https://host[:port]`) that may call this tenant’s API paths, e.g. the regency’s own portal',
    }),
  },
  { 'x-component': 'TenantSettings', additionalProperties: false },
);

export const ListTenantsQuery = Strict({
  region: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$', description: 'Only tenants of this home region' })),
  status: Type.Optional(Type.Enum([...MPP_STATUSES], { description: 'Only tenants in this MPP status' })),
  ...PageParams,
});

export { TenantSlug, Region };

// --- Sandbox tenants (issue 23, ADR 0031) ---------------------------------------------------------

export const CreateSandboxBody = Strict({
  slug: Type.Optional(Type.String({ pattern: SLUG_PATTERN, minLength: 3, maxLength: 63, description: 'URL name of the sandbox (default `<tenant>-sandbox-<n>`)' })),
  now: Type.Optional(Type.String({ format: 'date-time', description: 'Where the sandbox clock starts (default the platform’s now)' })),
});

export const SandboxClockSchema = Type.Object(
  {
    tenant: Type.String(),
    sandbox: Type.Boolean({ description: 'Whether the tenant is a sandbox (only a sandbox’s clock can move)' }),
    now: Type.String({ format: 'date-time', description: 'What every rule of the tenant reads as now' }),
    clockOffsetMs: Type.Integer({ description: 'The tenant clock minus the platform clock (0 for production)' }),
  },
  { 'x-component': 'SandboxClock', additionalProperties: false },
);

export const SetClockBody = Strict({
  now: Type.String({ format: 'date-time', description: 'The instant to set the sandbox clock to (past or future; jobs do not run for the time jumped over)' }),
});

export const AdvanceClockBody = Strict({
  days: Type.Optional(Type.Integer({ minimum: 0, maximum: 92, description: 'Days to move forward (a quarter at most per call)' })),
  hours: Type.Optional(Type.Integer({ minimum: 0, maximum: 23, description: 'Hours to move forward besides the days' })),
});

export const AdvanceReportSchema = Type.Object(
  {
    ...SandboxClockSchema.properties,
    from: Type.String({ format: 'date-time' }),
    steps: Type.Integer({ description: 'Day steps walked' }),
    ran: Type.Record(Type.String(), Type.Integer(), { description: 'How many times each time-based job ran for the sandbox' }),
  },
  { 'x-component': 'SandboxAdvanceReport', additionalProperties: false },
);
