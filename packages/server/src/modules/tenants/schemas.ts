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
