import { MPP_STATUSES, SLUG_PATTERN } from '@satupintu/core';
import type { JsonSchema } from '../../api.js';

export const tenantSlugParam: JsonSchema = {
  type: 'string',
  pattern: SLUG_PATTERN,
  maxLength: 63,
  description: 'Tenant slug, e.g. kab-bandung-barat',
};

export const createTenantBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'slug'],
  properties: {
    code: { type: 'string', pattern: '^[0-9]{2}\\.[0-9]{2}$', description: 'Official Kemendagri regency/city code, e.g. 32.17' },
    slug: { type: 'string', pattern: SLUG_PATTERN, minLength: 3, maxLength: 63, description: 'URL name, e.g. kab-bandung-barat' },
    homeRegion: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 63, description: 'Platform region holding the tenant data, e.g. id-jakarta; by default the region of its province (HOME_REGION_PROVINCES)' },
    mppStatus: { enum: [...MPP_STATUSES], description: 'Stage of the MPP lifecycle (default proposed)' },
    committedOn: { type: 'string', format: 'date', description: 'Date the commitment with KemenPAN-RB was signed; the deadline is one year later' },
    copyOf: { ...tenantSlugParamBase(), description: 'Kaji tiru: copy plugins and versions, overlays (counters, schedules), agencies and the maklumat template of this role-model tenant, e.g. kota-bogor' },
  },
};

function tenantSlugParamBase(): JsonSchema {
  return { type: 'string', pattern: SLUG_PATTERN, maxLength: 63 };
}

export const tenantSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    slug: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    provinceCode: { type: 'string' },
    provinceName: { type: 'string' },
    timeZone: { type: 'string' },
    population: { type: 'integer' },
    homeRegion: { type: 'string' },
    mppStatus: { enum: [...MPP_STATUSES] },
    committedOn: { type: ['string', 'null'], format: 'date' },
    deadline: { type: ['string', 'null'], format: 'date' },
    launchedOn: { type: ['string', 'null'], format: 'date' },
    inauguratedOn: { type: ['string', 'null'], format: 'date' },
    modelTenant: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const listTenantsQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    region: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'Only tenants of this home region' },
    status: { enum: [...MPP_STATUSES], description: 'Only tenants in this MPP status' },
  },
};
