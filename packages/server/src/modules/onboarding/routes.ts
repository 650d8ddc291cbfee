import { created, noContent, ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { actorOf } from '../../context.js';
import type { OnboardingService } from './service.js';
import { AdoptBody, AgencyBody, AgencyPath, DecreeBody, LifecycleBody, MaklumatBody, StandardBody, StandardPath } from './schemas.js';

const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

export function onboardingRoutes(api: RouteTable, onboarding: OnboardingService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/onboarding',
    operationId: 'getOnboarding',
    summary: 'Daftar periksa persiapan MPP / Onboarding checklist',
    description:
      'Status and days to (or past) the commitment deadline, the checklist with progress, every installed service with its counter and standar pelayanan state, agencies (MoU), maklumat, decrees and the lifecycle history.',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    responses: { '200': { description: 'Checklist' } },
    handler: async (ctx) => ok(await onboarding.checklist(ctx)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/lifecycle',
    operationId: 'getLifecycle',
    summary: 'Riwayat tahapan MPP / Lifecycle history',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    responses: { '200': { description: 'Every move with date and actor' } },
    handler: async (ctx) => ok({ items: await onboarding.history(ctx) }),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/lifecycle',
    operationId: 'moveLifecycle',
    summary: 'Ubah tahapan MPP / Move the tenant to another lifecycle stage',
    description:
      'proposed → committed → preparing → trial → launched → inaugurated → operating. Forward moves may skip stages; a move back is one stage and needs a note. Committing sets the deadline one year later. Repeating a move to the current status changes nothing.',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    body: LifecycleBody,
    responses: { '200': { description: 'The tenant' }, '409': { description: 'LIFECYCLE_MOVE_INVALID' }, '422': { description: 'LIFECYCLE_NOTE_REQUIRED, LIFECYCLE_DATE_INVALID' } },
    handler: async (ctx, { body }) => ok(await onboarding.move(ctx, body, actorOf(ctx))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies',
    operationId: 'listTenantAgencies',
    summary: 'Instansi yang bergabung (MoU) / Agencies joined (MoU)',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    responses: { '200': { description: 'Agencies' } },
    handler: async (ctx) => ok({ items: await onboarding.agencies(ctx) }),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/agencies/:agency',
    operationId: 'setTenantAgency',
    summary: 'Catat MoU instansi / Record an agency joining (MoU)',
    tags: ['onboarding'],
    security: admins,
    params: AgencyPath,
    body: AgencyBody,
    responses: { '200': { description: 'The agency record' } },
    handler: async (ctx, { params, body }) => ok(await onboarding.setAgency(ctx, params.agency, body, actorOf(ctx))),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/agencies/:agency',
    operationId: 'removeTenantAgency',
    summary: 'Hapus catatan MoU instansi / Remove an agency record',
    tags: ['onboarding'],
    security: admins,
    params: AgencyPath,
    responses: { '204': { description: 'Removed' }, '404': { description: 'AGENCY_NOT_JOINED' } },
    handler: async (ctx, { params }) => {
      await onboarding.removeAgency(ctx, params.agency, actorOf(ctx));
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/maklumat',
    operationId: 'getMaklumat',
    summary: 'Maklumat pelayanan (publik) / The service pledge (public)',
    tags: ['onboarding'],
    security: { kind: 'public' },
    params: TenantPath(),
    responses: { '200': { description: 'The maklumat, or null when not yet published' } },
    handler: async (ctx) => ok({ maklumat: await onboarding.maklumat(ctx) }, { 'Cache-Control': 'public, max-age=60' }),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/maklumat',
    operationId: 'publishMaklumat',
    summary: 'Terbitkan maklumat pelayanan / Publish the maklumat pelayanan',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    body: MaklumatBody,
    responses: { '200': { description: 'Published' } },
    handler: async (ctx, { body }) => ok(await onboarding.setMaklumat(ctx, body, actorOf(ctx))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/decrees',
    operationId: 'listDecrees',
    summary: 'Surat keputusan (SK) / Decrees',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    responses: { '200': { description: 'Decrees' } },
    handler: async (ctx) => ok({ items: await onboarding.decrees(ctx) }),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/decrees',
    operationId: 'recordDecree',
    summary: 'Catat SK / Record a decree',
    description: 'Recording the same kind and number again updates it.',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    body: DecreeBody,
    responses: { '201': { description: 'Recorded' } },
    handler: async (ctx, { body }) => created(await onboarding.addDecree(ctx, body, actorOf(ctx))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/standards',
    operationId: 'listStandards',
    summary: 'Kelengkapan standar pelayanan per layanan / Standar pelayanan state per service',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    responses: { '200': { description: 'Every installed service: complete?, missing components, SK' } },
    handler: async (ctx) => ok({ items: await onboarding.services(ctx) }),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/standards/:service',
    operationId: 'publishStandard',
    summary: 'Tetapkan standar pelayanan / Publish a service’s standar pelayanan',
    description: 'Refused with 422 STANDARD_INCOMPLETE, listing each missing component (of 14), unless the plugin and the regency overlay fill all of them.',
    tags: ['onboarding'],
    security: admins,
    params: StandardPath,
    body: StandardBody,
    responses: { '200': { description: 'Published' }, '404': { description: 'PLUGIN_NOT_INSTALLED, SERVICE_NOT_FOUND' }, '422': { description: 'STANDARD_INCOMPLETE' } },
    handler: async (ctx, { params, body }) => ok(await onboarding.publishStandard(ctx, params.service, body, actorOf(ctx))),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/standards/:service',
    operationId: 'withdrawStandard',
    summary: 'Cabut penetapan standar pelayanan / Withdraw a published standard',
    tags: ['onboarding'],
    security: admins,
    params: StandardPath,
    responses: { '204': { description: 'Withdrawn' }, '404': { description: 'STANDARD_NOT_PUBLISHED' } },
    handler: async (ctx, { params }) => {
      await onboarding.withdrawStandard(ctx, params.service, actorOf(ctx));
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/drift',
    operationId: 'getModelDrift',
    summary: 'Selisih dengan tenant percontohan (kaji tiru) / Drift from the role model',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    responses: { '200': { description: 'Plugins missing/behind/ahead/extra, overlay fields that differ, maklumat' }, '409': { description: 'NO_MODEL_TENANT' } },
    handler: async (ctx) => ok(await onboarding.drift(ctx)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/drift/adopt',
    operationId: 'adoptModelUpgrades',
    summary: 'Ambil pembaruan dari tenant percontohan / Take the role model’s upgrades',
    description:
      'Moves each given (default: every) plugin that is behind or missing to the model’s version, in one transaction. Overlays must fit (409 OVERLAY_CONFLICT, and nothing is taken). Repeating it changes nothing.',
    tags: ['onboarding'],
    security: admins,
    params: TenantPath(),
    body: AdoptBody,
    responses: { '200': { description: 'What was taken and the drift after' }, '409': { description: 'NO_MODEL_TENANT, OVERLAY_CONFLICT' } },
    handler: async (ctx, { body }) => ok(await onboarding.adoptModel(ctx, body.plugins, actorOf(ctx))),
  });
}
