import type { Request } from 'express';
import { ok, type Reply, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import type { CatalogService, RenderedCatalog } from './service.js';
import { CatalogQuery, FormData, ServicePath } from './schemas.js';

/** The pre-rendered catalog: 304 when the client has it, gzip when it takes it. */
function cachedReply(req: Request, c: RenderedCatalog): Reply {
  const headers = { ETag: c.etag, 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Encoding' };
  const tags = req.header('if-none-match');
  if (tags && tags.split(',').some((t) => t.trim() === c.etag || t.trim() === `W/${c.etag}`)) return { status: 304, headers };
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') return { status: 200, raw: { content: c.gzip, type: 'application/json' }, headers: { ...headers, 'Content-Encoding': 'gzip' } };
  return { status: 200, raw: { content: c.json, type: 'application/json' }, headers };
}

export function catalogRoutes(api: RouteTable, catalog: CatalogService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services',
    operationId: 'listServices',
    summary: 'Katalog layanan publik tenant / The tenant’s public service catalog',
    description:
      'Installed services with the six published components of the standar pelayanan (requirements, procedure, time, fee, product, complaints), in Indonesian and English, with the agency and the counter. The unfiltered catalog carries an ETag (answer If-None-Match with 304) and is sent gzip-compressed to clients that accept it.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: TenantPath(),
    query: CatalogQuery,
    responses: { '200': { description: 'Catalog entries' }, '304': { description: 'Not modified (If-None-Match)' }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (ctx, { query, req }) => {
      if (!query.q && !query.category && !query.agency) return cachedReply(req, await catalog.rendered(ctx));
      const items = await catalog.list(ctx, query);
      return ok({ tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name, timeZone: ctx.tenant.timeZone }, items }, { 'Cache-Control': 'public, max-age=60' });
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
    params: ServicePath,
    responses: { '200': { description: 'The service' }, '404': { description: 'TENANT_NOT_FOUND, SERVICE_NOT_FOUND' } },
    handler: async (ctx, { params }) => ok(await catalog.detail(ctx, params.service)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/services/:service/validate',
    operationId: 'validateServiceForm',
    summary: 'Periksa isian formulir / Check form data',
    description: 'Validates form data against the installed version’s JSON Schema (NIK, KK, NPWP, phone and postal code formats included). Stores nothing.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: ServicePath,
    body: FormData,
    responses: { '200': { description: 'Valid' }, '422': { description: 'FORM_INVALID with a JSON pointer per field' } },
    handler: async (ctx, { params, body }) => ok(await catalog.validate(ctx, params.service, body)),
  });
}
