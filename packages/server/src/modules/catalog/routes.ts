import type { ApiRegistry } from '../../api.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import type { CatalogService } from './service.js';

const serviceId = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62}$', description: 'plugin.service, e.g. dukcapil.ktpel-penggantian' };

export function catalogRoutes(api: ApiRegistry, tenants: TenantService, catalog: CatalogService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services',
    operationId: 'listServices',
    summary: 'Katalog layanan publik tenant / The tenant’s public service catalog',
    description: 'Installed services with the six published components of the standar pelayanan (requirements, procedure, time, fee, product, complaints), in Indonesian and English, with the agency and the counter.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: { type: 'object', required: ['tenant'], properties: { tenant: tenantSlugParam } },
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        q: { type: 'string', maxLength: 100, description: 'Search in names, summaries and keywords' },
        category: { enum: ['perizinan', 'non-perizinan'] },
        agency: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' },
      },
    },
    responses: { '200': { description: 'Catalog entries' }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (req, res) => {
      const t = await tenants.getBySlug(req.params.tenant as string);
      const items = await catalog.list(t, res.locals.query as { q?: string });
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json({ tenant: { slug: t.slug, name: t.name, timeZone: t.timeZone }, items });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services/:service',
    operationId: 'getService',
    summary: 'Rincian layanan / One service in full',
    description: 'All 14 components, documents, the form (JSON Schema and UI hints), SLA, fee, outputs and SOP states.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: { type: 'object', required: ['tenant', 'service'], properties: { tenant: tenantSlugParam, service: serviceId } },
    responses: { '200': { description: 'The service' }, '404': { description: 'TENANT_NOT_FOUND, SERVICE_NOT_FOUND' } },
    handler: async (req, res) => {
      res.json(await catalog.detail(await tenants.getBySlug(req.params.tenant as string), req.params.service as string));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/services/:service/validate',
    operationId: 'validateServiceForm',
    summary: 'Periksa isian formulir / Check form data',
    description: 'Validates form data against the installed version’s JSON Schema (NIK, KK, NPWP, phone and postal code formats included). Stores nothing.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: { type: 'object', required: ['tenant', 'service'], properties: { tenant: tenantSlugParam, service: serviceId } },
    body: { type: 'object', description: 'Form data' },
    responses: { '200': { description: 'Valid' }, '422': { description: 'FORM_INVALID with a JSON pointer per field' } },
    handler: async (req, res) => {
      res.json(await catalog.validate(await tenants.getBySlug(req.params.tenant as string), req.params.service as string, req.body));
    },
  });
}
