import Type from 'typebox';
import { homeRegionOf, type SatupintuConfig, type Tenant } from '@satupintu/core';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { actorOf, type UserCtx } from '../../context.js';
import type { PopulateTenant, TenantService } from './service.js';
import { CreateTenantBody, CreatedTenant, ListTenantsQuery, TenantSchema, TenantSettingsSchema, TenantSlug } from './schemas.js';
import { codeTaken, modelIsSelf, originInvalid, regionCodeUnknown, regionUnknown, slugTaken, tenantNotFound } from './errors.js';
import { bodyInvalid } from '../../http/problems.js';
import { Page } from '../../pagination.js';

/**
 * Kaji tiru (copying a role-model tenant) as the tenant directory needs it: a plan to populate the
 * new tenant inside its creation. The onboarding module provides it (wired in the composition
 * root), so this module does not depend on onboarding.
 */
export interface KajiTiru {
  plan(ctx: UserCtx, model: Tenant): Promise<{ populate: PopulateTenant; template: unknown }>;
}

const example = {
  code: '32.17',
  slug: 'kab-bandung-barat',
  committedOn: '2025-11-12',
  copyOf: 'kota-bogor',
};

export function tenantRoutes(api: RouteTable, tenants: TenantService, config: Pick<SatupintuConfig, 'homeRegionByProvince' | 'defaultRegion'>, kajiTiru: () => KajiTiru): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants',
    operationId: 'listTenants',
    summary: 'Direktori tenant (kabupaten/kota) / Tenant directory',
    description: 'In order of the Kemendagri code.',
    tags: ['tenants'],
    security: { kind: 'public' },
    query: ListTenantsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of tenants', schema: Page(TenantSchema) } },
    handler: async (_ctx, { query }) => ok(await tenants.page(query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant',
    operationId: 'getTenant',
    summary: 'Satu tenant / One tenant',
    tags: ['tenants'],
    security: { kind: 'public' },
    params: Type.Object({ tenant: TenantSlug }),
    responses: { '200': { description: 'The tenant', schema: TenantSchema } },
    handler: async (ctx) => ok(ctx.tenant),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants',
    operationId: 'createTenant',
    summary: 'Daftarkan tenant dari kode wilayah resmi / Create a tenant from an official region code',
    description:
      'Name, province, time zone and population come from the Kemendagri reference data. The home region defaults to the region of the province (HOME_REGION_PROVINCES), the status to proposed. With `copyOf` (kaji tiru) the new tenant starts with the role model’s plugins at its versions and its overlays, in the same transaction.',
    tags: ['tenants'],
    security: { kind: 'roles', roles: ['platform-admin'] },
    body: CreateTenantBody,
    bodyExample: example,
    idempotent: true,
    responses: { '201': { description: 'Created', schema: CreatedTenant } },
    errors: [tenantNotFound, slugTaken, codeTaken, regionCodeUnknown, regionUnknown, modelIsSelf, bodyInvalid],
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

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/settings',
    operationId: 'getTenantSettings',
    summary: 'Pengaturan tenant / Tenant settings',
    description: 'The browser origins allowed to call this tenant’s paths (CORS).',
    tags: ['tenants'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin'], tenantParam: 'tenant' },
    params: Type.Object({ tenant: TenantSlug }),
    concurrency: 'read',
    responses: { '200': { description: 'The settings, with their ETag', schema: TenantSettingsSchema } },
    handler: async (ctx) => {
      const { settings, etag } = await tenants.settings(ctx.tenant);
      return ok(settings, { ETag: etag });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/settings',
    operationId: 'updateTenantSettings',
    summary: 'Ubah pengaturan tenant / Change tenant settings',
    description: 'Replaces the settings. Quote the ETag you read in If-Match: an update over someone else’s change is refused (412).',
    tags: ['tenants'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin'], tenantParam: 'tenant' },
    params: Type.Object({ tenant: TenantSlug }),
    body: TenantSettingsSchema,
    bodyExample: { allowedOrigins: ['https://mpp.bandungbaratkab.go.id'] },
    concurrency: 'update',
    responses: { '200': { description: 'The new settings, with their new ETag', schema: TenantSettingsSchema } },
    errors: [originInvalid],
    handler: async (ctx, { body, preconditions }) => {
      const { settings, etag } = await tenants.updateSettings(ctx, ctx.tenant, body, preconditions);
      return ok(settings, { ETag: etag });
    },
  });
}
