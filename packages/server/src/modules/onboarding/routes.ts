import { MPP_STATUSES } from '@satupintu/core';
import type { ApiRegistry, JsonSchema } from '../../api.js';
import { actorOf } from '../../actor.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import type { AgencyInput, DecreeInput, LifecycleMoveInput, MaklumatInput, OnboardingService } from './service.js';

const params = (extra: Record<string, unknown> = {}): JsonSchema => ({
  type: 'object',
  required: ['tenant', ...Object.keys(extra)],
  properties: { tenant: tenantSlugParam, ...extra },
});
const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };
const date = (description: string): JsonSchema => ({ type: 'string', format: 'date', description });
const text = (max: number, description: string): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S', description });
const agency = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Agency code as in plugins, e.g. dukcapil' };
const service = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62}$', description: 'plugin.service, e.g. dukcapil.ktpel-penggantian' };

export function onboardingRoutes(api: ApiRegistry, tenants: TenantService, onboarding: OnboardingService): void {
  const tenantOf = (slug: unknown) => tenants.getBySlug(slug as string);

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/onboarding',
    operationId: 'getOnboarding',
    summary: 'Daftar periksa persiapan MPP / Onboarding checklist',
    description: 'Status and days to (or past) the commitment deadline, the checklist with progress, every installed service with its counter and standar pelayanan state, agencies (MoU), maklumat, decrees and the lifecycle history.',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    responses: { '200': { description: 'Checklist' } },
    handler: async (req, res) => {
      res.json(await onboarding.checklist(await tenantOf(req.params.tenant)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/lifecycle',
    operationId: 'getLifecycle',
    summary: 'Riwayat tahapan MPP / Lifecycle history',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    responses: { '200': { description: 'Every move with date and actor' } },
    handler: async (req, res) => {
      res.json({ items: await onboarding.history(await tenantOf(req.params.tenant)) });
    },
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
    params: params(),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['to'],
      properties: {
        to: { enum: [...MPP_STATUSES], description: 'Target status' },
        on: date('Effective date (tenant-local); today when absent'),
        note: text(1000, 'Why (required to move back)'),
      },
    },
    responses: { '200': { description: 'The tenant' }, '409': { description: 'LIFECYCLE_MOVE_INVALID' }, '422': { description: 'LIFECYCLE_NOTE_REQUIRED, LIFECYCLE_DATE_INVALID' } },
    handler: async (req, res) => {
      res.json(await onboarding.move(await tenantOf(req.params.tenant), req.body as LifecycleMoveInput, actorOf(res)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies',
    operationId: 'listTenantAgencies',
    summary: 'Instansi yang bergabung (MoU) / Agencies joined (MoU)',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    responses: { '200': { description: 'Agencies' } },
    handler: async (req, res) => {
      res.json({ items: await onboarding.agencies(await tenantOf(req.params.tenant)) });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/agencies/:agency',
    operationId: 'setTenantAgency',
    summary: 'Catat MoU instansi / Record an agency joining (MoU)',
    tags: ['onboarding'],
    security: admins,
    params: params({ agency }),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'mouNumber', 'mouSignedOn', 'plannedServices'],
      properties: {
        name: text(200, 'Agency name as in the MoU'),
        mouNumber: text(120, 'MoU / perjanjian kerja sama number'),
        mouSignedOn: date('Date signed'),
        plannedServices: { type: 'integer', minimum: 0, maximum: 1000, description: 'Services the agency will offer at the MPP' },
      },
    },
    responses: { '200': { description: 'The agency record' } },
    handler: async (req, res) => {
      res.json(await onboarding.setAgency(await tenantOf(req.params.tenant), req.params.agency as string, req.body as AgencyInput, actorOf(res)));
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/agencies/:agency',
    operationId: 'removeTenantAgency',
    summary: 'Hapus catatan MoU instansi / Remove an agency record',
    tags: ['onboarding'],
    security: admins,
    params: params({ agency }),
    responses: { '204': { description: 'Removed' }, '404': { description: 'AGENCY_NOT_JOINED' } },
    handler: async (req, res) => {
      await onboarding.removeAgency(await tenantOf(req.params.tenant), req.params.agency as string, actorOf(res));
      res.status(204).end();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/maklumat',
    operationId: 'getMaklumat',
    summary: 'Maklumat pelayanan (publik) / The service pledge (public)',
    tags: ['onboarding'],
    security: { kind: 'public' },
    params: params(),
    responses: { '200': { description: 'The maklumat, or null when not yet published' } },
    handler: async (req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=60');
      res.json({ maklumat: await onboarding.maklumat(await tenantOf(req.params.tenant)) });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/maklumat',
    operationId: 'publishMaklumat',
    summary: 'Terbitkan maklumat pelayanan / Publish the maklumat pelayanan',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['text', 'signedBy', 'signedOn'],
      properties: { text: text(5000, 'Pernyataan kesanggupan dan kewajiban'), signedBy: text(200, 'Signed by (name and office)'), signedOn: date('Date signed') },
    },
    responses: { '200': { description: 'Published' } },
    handler: async (req, res) => {
      res.json(await onboarding.setMaklumat(await tenantOf(req.params.tenant), req.body as MaklumatInput, actorOf(res)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/decrees',
    operationId: 'listDecrees',
    summary: 'Surat keputusan (SK) / Decrees',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    responses: { '200': { description: 'Decrees' } },
    handler: async (req, res) => {
      res.json({ items: await onboarding.decrees(await tenantOf(req.params.tenant)) });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/decrees',
    operationId: 'recordDecree',
    summary: 'Catat SK / Record a decree',
    description: 'Recording the same kind and number again updates it.',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'number', 'signedOn', 'title'],
      properties: {
        kind: { enum: ['formation-team', 'mpp-establishment', 'service-standards', 'maklumat', 'other'], description: 'What the decree sets' },
        number: text(120, 'Decree number, e.g. 060.1/KP/2024'),
        signedOn: date('Date signed'),
        title: text(500, 'Title'),
      },
    },
    responses: { '201': { description: 'Recorded' } },
    handler: async (req, res) => {
      res.status(201).json(await onboarding.addDecree(await tenantOf(req.params.tenant), req.body as DecreeInput, actorOf(res)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/standards',
    operationId: 'listStandards',
    summary: 'Kelengkapan standar pelayanan per layanan / Standar pelayanan state per service',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    responses: { '200': { description: 'Every installed service: complete?, missing components, SK' } },
    handler: async (req, res) => {
      res.json({ items: await onboarding.services(await tenantOf(req.params.tenant)) });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/standards/:service',
    operationId: 'publishStandard',
    summary: 'Tetapkan standar pelayanan / Publish a service’s standar pelayanan',
    description: 'Refused with 422 STANDARD_INCOMPLETE, listing each missing component (of 14), unless the plugin and the regency overlay fill all of them.',
    tags: ['onboarding'],
    security: admins,
    params: params({ service }),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['skNumber', 'skDate'],
      properties: { skNumber: text(120, 'Number of the decree setting the standard'), skDate: date('Date of the decree') },
    },
    responses: { '200': { description: 'Published' }, '404': { description: 'PLUGIN_NOT_INSTALLED, SERVICE_NOT_FOUND' }, '422': { description: 'STANDARD_INCOMPLETE' } },
    handler: async (req, res) => {
      res.json(await onboarding.publishStandard(await tenantOf(req.params.tenant), req.params.service as string, req.body as { skNumber: string; skDate: string }, actorOf(res)));
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/standards/:service',
    operationId: 'withdrawStandard',
    summary: 'Cabut penetapan standar pelayanan / Withdraw a published standard',
    tags: ['onboarding'],
    security: admins,
    params: params({ service }),
    responses: { '204': { description: 'Withdrawn' }, '404': { description: 'STANDARD_NOT_PUBLISHED' } },
    handler: async (req, res) => {
      await onboarding.withdrawStandard(await tenantOf(req.params.tenant), req.params.service as string, actorOf(res));
      res.status(204).end();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/drift',
    operationId: 'getModelDrift',
    summary: 'Selisih dengan tenant percontohan (kaji tiru) / Drift from the role model',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    responses: { '200': { description: 'Plugins missing/behind/ahead/extra, overlay fields that differ, maklumat' }, '409': { description: 'NO_MODEL_TENANT' } },
    handler: async (req, res) => {
      res.json(await onboarding.drift(await tenantOf(req.params.tenant)));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/drift/adopt',
    operationId: 'adoptModelUpgrades',
    summary: 'Ambil pembaruan dari tenant percontohan / Take the role model’s upgrades',
    description: 'Moves each given (default: every) plugin that is behind or missing to the model’s version. Overlays must fit (409 OVERLAY_CONFLICT). Repeating it changes nothing.',
    tags: ['onboarding'],
    security: admins,
    params: params(),
    body: { type: 'object', additionalProperties: false, properties: { plugins: { type: 'array', maxItems: 100, uniqueItems: true, items: agency } } },
    responses: { '200': { description: 'What was taken and the drift after' }, '409': { description: 'NO_MODEL_TENANT, OVERLAY_CONFLICT' } },
    handler: async (req, res) => {
      res.json(await onboarding.adoptModel(await tenantOf(req.params.tenant), (req.body as { plugins?: string[] } | undefined)?.plugins, actorOf(res)));
    },
  });
}
