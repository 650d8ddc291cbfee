import Type from 'typebox';
import { homeRegionOf, type SatupintuConfig, type Tenant } from '@satupintu/core';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { actorOf, type UserCtx } from '../../context.js';
import type { PopulateTenant, TenantService } from './service.js';
import { CreateTenantBody, ListTenantsQuery, TenantSchema, TenantSlug } from './schemas.js';
import { modelIsSelf } from './errors.js';

/**
 * Kaji tiru (copying a role-model tenant) as the tenant directory needs it: a plan to populate the
 * new tenant inside its creation. The onboarding module provides it (wired in the composition
 * root), so this module does not depend on onboarding.
 */
export interface KajiTiru {
  plan(ctx: UserCtx, model: Tenant): Promise<{ populate: PopulateTenant; template: unknown }>;
}

export function tenantRoutes(api: RouteTable, tenants: TenantService, config: Pick<SatupintuConfig, 'homeRegionByProvince' | 'defaultRegion'>, kajiTiru: () => KajiTiru): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants',
    operationId: 'listTenants',
    summary: 'Direktori tenant (kabupaten/kota) / Tenant directory',
    tags: ['tenants'],
    security: { kind: 'public' },
    query: ListTenantsQuery,
    responses: { '200': { description: 'Tenants', schema: Type.Object({ items: Type.Array(TenantSchema) }) } },
    handler: async (_ctx, { query }) => ok({ items: await tenants.list(query) }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant',
    operationId: 'getTenant',
    summary: 'Satu tenant / One tenant',
    tags: ['tenants'],
    security: { kind: 'public' },
    params: Type.Object({ tenant: TenantSlug }),
    responses: { '200': { description: 'The tenant', schema: TenantSchema }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (ctx) => ok(ctx.tenant),
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
    body: CreateTenantBody,
    headers: [{ name: 'Idempotency-Key', description: 'Makes a retried create return the first result' }],
    responses: {
      '201': { description: 'Created', schema: TenantSchema },
      '400': { description: 'BODY_INVALID, MALFORMED_JSON, IDEMPOTENCY_KEY_INVALID' },
      '404': { description: 'TENANT_NOT_FOUND (copyOf)' },
      '409': { description: 'TENANT_SLUG_TAKEN, TENANT_CODE_TAKEN' },
      '422': { description: 'REGION_CODE_UNKNOWN, REGION_UNKNOWN, MODEL_INVALID, IDEMPOTENCY_KEY_REUSED' },
    },
    handler: async (rctx, { body, req }) => {
      const ctx = withIdempotency(rctx, req, 'createTenant', body);
      const { copyOf, ...rest } = body;
      const input = {
        ...rest,
        homeRegion: rest.homeRegion ?? homeRegionOf(rest.code, config.homeRegionByProvince, config.defaultRegion),
        mppStatus: rest.mppStatus ?? (rest.committedOn ? 'committed' : 'proposed'),
      };
      let result: Tenant & { kajiTiru?: { model: string; template: unknown } };
      if (!copyOf) result = await tenants.create(ctx, input, actorOf(ctx));
      else {
        if (copyOf === rest.slug) throw modelIsSelf();
        const model = await tenants.get(copyOf);
        const plan = await kajiTiru().plan(ctx, model);
        result = { ...(await tenants.create(ctx, input, actorOf(ctx), { model, populate: plan.populate })), kajiTiru: { model: model.slug, template: plan.template } };
      }
      return created(result, `/api/v1/tenants/${result.slug}`, replayHeaders(ctx));
    },
  });
}
