import { homeRegionOf, type SatupintuConfig } from '@satupintu/core';
import type { ApiRegistry } from '../../api.js';
import type { OnboardingService } from '../onboarding/service.js';
import { modelIsSelf } from '../onboarding/errors.js';
import { actorOf } from '../../actor.js';
import { IdempotencyStore } from '../../idempotency.js';
import type { CreateTenantInput, TenantService } from './service.js';
import { createTenantBody, listTenantsQuery, tenantSchema, tenantSlugParam } from './schemas.js';

export function tenantRoutes(api: ApiRegistry, tenants: TenantService, idempotency: IdempotencyStore, config: SatupintuConfig, onboarding: OnboardingService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants',
    operationId: 'listTenants',
    summary: 'Direktori tenant (kabupaten/kota) / Tenant directory',
    tags: ['tenants'],
    security: { kind: 'public' },
    query: listTenantsQuery,
    responses: { '200': { description: 'Tenants', schema: { type: 'object', properties: { items: { type: 'array', items: tenantSchema } } } } },
    handler: async (_req, res) => {
      res.json({ items: await tenants.list(res.locals.query as { region?: string }) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant',
    operationId: 'getTenant',
    summary: 'Satu tenant / One tenant',
    tags: ['tenants'],
    security: { kind: 'public' },
    params: { type: 'object', properties: { tenant: tenantSlugParam }, required: ['tenant'] },
    responses: { '200': { description: 'The tenant', schema: tenantSchema }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (req, res) => {
      res.json(await tenants.getBySlug(req.params.tenant as string));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants',
    operationId: 'createTenant',
    summary: 'Daftarkan tenant dari kode wilayah resmi / Create a tenant from an official region code',
    description:
      'Name, province, time zone and population come from the Kemendagri reference data. The home region defaults to the region of the province (HOME_REGION_PROVINCES), the status to proposed. With `copyOf` (kaji tiru) the new tenant starts with the role model’s plugins at its versions and its overlays, in the same transaction. Retries with the same Idempotency-Key return the first result.',
    tags: ['tenants'],
    security: { kind: 'roles', roles: ['platform-admin'] },
    body: createTenantBody,
    headers: [{ name: 'Idempotency-Key', description: 'Makes a retried create return the first result' }],
    responses: {
      '201': { description: 'Created', schema: tenantSchema },
      '400': { description: 'BODY_INVALID, MALFORMED_JSON, IDEMPOTENCY_KEY_INVALID' },
      '404': { description: 'TENANT_NOT_FOUND (copyOf)' },
      '409': { description: 'TENANT_SLUG_TAKEN, TENANT_CODE_TAKEN' },
      '422': { description: 'REGION_CODE_UNKNOWN, REGION_UNKNOWN, MODEL_INVALID, IDEMPOTENCY_KEY_REUSED' },
    },
    handler: async (req, res) => {
      const body = req.body as Partial<CreateTenantInput> & { code: string; slug: string; copyOf?: string };
      const result = await idempotency.run('POST /api/v1/tenants', IdempotencyStore.keyOf(req), body, async () => {
        const { copyOf, ...rest } = body;
        const input: CreateTenantInput = {
          ...rest,
          homeRegion: rest.homeRegion ?? homeRegionOf(rest.code, config.homeRegionByProvince, config.defaultRegion),
          mppStatus: rest.mppStatus ?? (rest.committedOn ? 'committed' : 'proposed'),
        };
        if (!copyOf) return { status: 201, body: await tenants.create(input, actorOf(res)) };
        if (copyOf === rest.slug) throw modelIsSelf();
        const model = await tenants.getBySlug(copyOf);
        const plan = await onboarding.copyPlan(model, actorOf(res));
        const created = await tenants.create(input, actorOf(res), { model, populate: plan.populate });
        return { status: 201, body: { ...created, kajiTiru: { model: model.slug, template: plan.template } } };
      });
      if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(result.status).location(`/api/v1/tenants/${(result.body as { slug: string }).slug}`).json(result.body);
    },
  });
}
