import { created, noContent, ok, type RouteTable } from '../../http/routes.js';
import { preconditionFailed, preconditionRequired } from '../../http/problems.js';
import { actorOf } from '../../context.js';
import { Page } from '../../pagination.js';
import { notInstalled, serviceNotFound, upgradeConflict } from '../installations/index.js';
import { TenantSchema } from '../tenants/schemas.js';
import type { OnboardingService } from './service.js';
import { agencyNotJoined, lifecycleDateInvalid, lifecycleMoveInvalid, lifecycleNoteRequired, noModelTenant, standardIncomplete, standardNotPublished } from './errors.js';
import {
  AdoptBody,
  AdoptionSchema,
  AgencyBody,
  AgencyPath,
  AgencyRecordSchema,
  ChecklistSchema,
  DecreeBody,
  DecreeRecordSchema,
  LifecycleBody,
  LifecycleEventSchema,
  MaklumatBody,
  MaklumatRecordSchema,
  MaklumatViewSchema,
  ModelDriftSchema,
  OnboardingPath,
  PageQuery,
  PublishedStandardSchema,
  ServiceReadinessSchema,
  StandardBody,
  StandardPath,
} from './schemas.js';

const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

/** A DELETE of a versioned record: If-Match is required, as for a replacement. */
const REQUIRED_IF_MATCH = [{ name: 'If-Match', description: 'The ETag you read. Required (428 without it, 412 when the record changed meanwhile).' }];

const agencyExample = { agencyCode: 'imigrasi', name: 'Kantor Imigrasi Kelas I TPI Bandung', mouNumber: 'PKS/015/MPP-KBB/2024', mouSignedOn: '2024-02-12', plannedServices: 3, recordedBy: 'admin.kbb', recordedAt: '2024-02-13T02:00:00.000Z' };
const maklumatText =
  'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.';
const publicMaklumatExample = { text: maklumatText, signedBy: 'Bupati Bandung Barat', signedOn: '2024-03-01', publishedAt: '2024-03-01T03:00:00.000Z' };
const decreeExample = { kind: 'mpp-establishment', number: '188.45/Kep.77-DPMPTSP/2024', signedOn: '2024-03-01', title: 'Penyelenggaraan Mal Pelayanan Publik Kabupaten Bandung Barat', recordedBy: 'admin.kbb', recordedAt: '2024-03-02T01:00:00.000Z' };
const standardExample = { service: 'imigrasi.paspor-baru', skNumber: '100.3.3/Kep.12-DPMPTSP/2026', skDate: '2026-11-30', pluginVersion: '1.0.0', publishedAt: '2026-12-01T02:00:00.000Z', publishedBy: 'admin.kbb' };
const readinessExample = {
  id: 'imigrasi.paspor-baru',
  plugin: 'imigrasi',
  version: '1.0.0',
  code: 'paspor-baru',
  name: { id: 'Paspor Baru', en: 'New passport' },
  agency: 'imigrasi',
  counterSettable: true,
  counter: { name: 'Gerai Kantor Imigrasi', number: '7' },
  standardComplete: false,
  missing: [{ number: 8, key: 'facilities', name: { id: 'Sarana, prasarana, dan/atau fasilitas', en: 'Facilities' }, group: 'management' }],
  published: null,
};
const driftExample = {
  tenant: 'kab-contoh',
  model: 'kota-bogor',
  inSync: false,
  differences: 2,
  plugins: [{ plugin: 'taspen', tenantVersion: '1.0.0', modelVersion: '1.1.0', state: 'behind' }],
  overlays: [],
  maklumatDiffers: true,
  upgradesAvailable: [{ plugin: 'taspen', from: '1.0.0', to: '1.1.0' }],
};

export function onboardingRoutes(api: RouteTable, onboarding: OnboardingService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/onboarding',
    operationId: 'getOnboarding',
    summary: 'Daftar periksa persiapan MPP / Onboarding checklist',
    description:
      'Status and days to (or past) the commitment deadline, the checklist with progress, every installed service with its counter and standar pelayanan state, agencies (MoU), maklumat, decrees and the lifecycle history. A summary answered whole: its lists are the ones the paged operations (standards, agencies, decrees, lifecycle) give one page at a time.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    responses: {
      '200': {
        description: 'The checklist',
        schema: ChecklistSchema,
        example: {
          tenant: 'kab-bandung-barat',
          status: 'preparing',
          committedOn: '2026-01-15',
          deadline: '2027-01-15',
          daysToDeadline: 39,
          deadlineMet: null,
          serving: false,
          launchedOn: null,
          inauguratedOn: null,
          progress: 5 / 7,
          items: [
            { key: 'commitment', label: { id: 'Komitmen dengan KemenPAN-RB ditandatangani', en: 'Commitment with KemenPAN-RB signed' }, done: true, detail: '2026-01-15' },
            { key: 'standards', label: { id: 'Standar pelayanan lengkap dan ditetapkan untuk setiap layanan aktif', en: 'Standar pelayanan complete and published for every active service' }, done: false, detail: '12/14' },
          ],
          counts: { servicesInstalled: 14, servicesLive: 12, servicesPlanned: 16, countersSet: 14, agenciesJoined: 6 },
          services: [readinessExample],
          agencies: [agencyExample],
          maklumat: publicMaklumatExample,
          maklumatTemplate: null,
          decrees: [decreeExample],
          history: [{ seq: 1, from: null, to: 'proposed', on: '2025-11-03', actor: 'admin.platform', note: 'registered', recordedAt: '2025-11-03T02:00:00.000Z' }],
        },
      },
    },
    handler: async (ctx) => ok(await onboarding.checklist(ctx)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/lifecycle',
    operationId: 'getLifecycle',
    summary: 'Riwayat tahapan MPP / Lifecycle history',
    description: 'Every move with its date and actor, oldest first (the first is the registration), one page at a time.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    query: PageQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of moves',
        schema: Page(LifecycleEventSchema),
        example: { items: [{ seq: 2, from: 'proposed', to: 'committed', on: '2024-02-29', actor: 'admin.platform', note: null, recordedAt: '2024-02-29T04:00:00.000Z' }], next: null },
      },
    },
    handler: async (ctx, { query }) => ok(await onboarding.historyPage(ctx, query)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/lifecycle',
    operationId: 'moveLifecycle',
    summary: 'Ubah tahapan MPP / Move the tenant to another lifecycle stage',
    description:
      'proposed → committed → preparing → trial → launched → inaugurated → operating. Forward moves may skip stages (409 LIFECYCLE_MOVE_INVALID for anything else: back more than one stage, back to proposed); a move back is one stage and needs a note (422 LIFECYCLE_NOTE_REQUIRED). A move is dated today (tenant-local) or on `on`, never in the future nor, going forward, before the last move (422 LIFECYCLE_DATE_INVALID). Committing sets the deadline one year later. Repeating a move to the current status changes nothing, so a retry is safe.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    body: LifecycleBody,
    bodyExample: { to: 'preparing', on: '2024-10-20', note: 'Uji coba belum lulus: jaringan belum stabil' },
    responses: { '200': { description: 'The tenant after the move', schema: TenantSchema } },
    errors: [lifecycleMoveInvalid, lifecycleNoteRequired, lifecycleDateInvalid],
    handler: async (ctx, { body }) => ok(await onboarding.move(ctx, body, actorOf(ctx))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies',
    operationId: 'listTenantAgencies',
    summary: 'Instansi yang bergabung (MoU) / Agencies joined (MoU)',
    description: 'In agency code order, one page at a time.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    query: PageQuery,
    paginated: true,
    responses: { '200': { description: 'One page of agencies', schema: Page(AgencyRecordSchema), example: { items: [agencyExample], next: null } } },
    handler: async (ctx, { query }) => ok(await onboarding.agencyPage(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies/:agency',
    operationId: 'getTenantAgency',
    summary: 'Catatan MoU satu instansi / One agency’s MoU record',
    tags: ['onboarding'],
    security: admins,
    params: AgencyPath,
    concurrency: 'read',
    responses: { '200': { description: 'The record, with its ETag', schema: AgencyRecordSchema, example: agencyExample } },
    errors: [agencyNotJoined],
    handler: async (ctx, { params }) => {
      const { agency, etag } = await onboarding.agency(ctx, params.agency);
      return ok(agency, { ETag: etag });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/agencies/:agency',
    operationId: 'setTenantAgency',
    summary: 'Catat MoU instansi / Record an agency joining (MoU)',
    description: 'Records the first MoU without If-Match; replacing a record needs the ETag you read (428 without it, 412 when it changed meanwhile).',
    tags: ['onboarding'],
    security: admins,
    params: AgencyPath,
    body: AgencyBody,
    bodyExample: { name: 'Kantor Imigrasi Kelas I TPI Bandung', mouNumber: 'PKS/015/MPP-KBB/2024', mouSignedOn: '2024-02-12', plannedServices: 3 },
    concurrency: 'update',
    responses: { '200': { description: 'The record as stored, with its new ETag', schema: AgencyRecordSchema, example: agencyExample } },
    handler: async (ctx, { params, body, preconditions }) => {
      const { agency, etag } = await onboarding.setAgency(ctx, params.agency, body, actorOf(ctx), preconditions);
      return ok(agency, { ETag: etag });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/agencies/:agency',
    operationId: 'removeTenantAgency',
    summary: 'Hapus catatan MoU instansi / Remove an agency record',
    description: 'Quote the ETag you read in If-Match (required): a record someone changed since is not removed (412).',
    tags: ['onboarding'],
    security: admins,
    params: AgencyPath,
    headers: REQUIRED_IF_MATCH,
    responses: { '204': { description: 'Removed' } },
    errors: [agencyNotJoined, preconditionRequired, preconditionFailed],
    handler: async (ctx, { params, preconditions }) => {
      await onboarding.removeAgency(ctx, params.agency, actorOf(ctx), preconditions);
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/maklumat',
    operationId: 'getMaklumat',
    summary: 'Maklumat pelayanan (publik) / The service pledge (public)',
    description: 'The ETag is `"0"` before the regency publishes one; an admin may quote either in If-Match when publishing.',
    tags: ['onboarding'],
    security: { kind: 'public' },
    params: OnboardingPath,
    concurrency: 'read',
    responses: {
      '200': {
        description: 'The maklumat, or null when not yet published',
        schema: MaklumatViewSchema,
        headers: { 'Cache-Control': { description: '`public, max-age=60`', required: true } },
        example: { maklumat: publicMaklumatExample },
      },
    },
    handler: async (ctx) => {
      const { maklumat, etag } = await onboarding.publicMaklumat(ctx);
      return ok({ maklumat }, { ETag: etag, 'Cache-Control': 'public, max-age=60' });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/maklumat',
    operationId: 'publishMaklumat',
    summary: 'Terbitkan maklumat pelayanan / Publish the maklumat pelayanan',
    description: 'The first maklumat needs no If-Match (or `"0"`, the ETag GET answers while there is none); replacing it needs the ETag you read (428 without it, 412 when it changed meanwhile).',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    body: MaklumatBody,
    bodyExample: { text: maklumatText, signedBy: 'Bupati Bandung Barat', signedOn: '2024-03-01' },
    concurrency: 'update',
    responses: { '200': { description: 'Published, with its new ETag', schema: MaklumatRecordSchema, example: { ...publicMaklumatExample, publishedBy: 'admin.kbb' } } },
    handler: async (ctx, { body, preconditions }) => {
      const { maklumat, etag } = await onboarding.setMaklumat(ctx, body, actorOf(ctx), preconditions);
      return ok(maklumat, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/decrees',
    operationId: 'listDecrees',
    summary: 'Surat keputusan (SK) / Decrees',
    description: 'By the date signed (then kind and number), one page at a time.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    query: PageQuery,
    paginated: true,
    responses: { '200': { description: 'One page of decrees', schema: Page(DecreeRecordSchema), example: { items: [decreeExample], next: null } } },
    handler: async (ctx, { query }) => ok(await onboarding.decreePage(ctx, query)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/decrees',
    operationId: 'recordDecree',
    summary: 'Catat SK / Record a decree',
    description: 'Recording the same kind and number again updates it, so a retry is safe.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    body: DecreeBody,
    bodyExample: { kind: 'mpp-establishment', number: '188.45/Kep.77-DPMPTSP/2024', signedOn: '2024-03-01', title: 'Penyelenggaraan Mal Pelayanan Publik Kabupaten Bandung Barat' },
    responses: { '201': { description: 'Recorded', schema: DecreeRecordSchema, example: decreeExample } },
    handler: async (ctx, { body }) => created(await onboarding.addDecree(ctx, body, actorOf(ctx))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/standards',
    operationId: 'listStandards',
    summary: 'Kelengkapan standar pelayanan per layanan / Standar pelayanan state per service',
    description: 'Every installed service (in service id order, one page at a time): its counter, whether its 14 components are complete, what is missing, its published SK.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    query: PageQuery,
    paginated: true,
    responses: { '200': { description: 'One page of services', schema: Page(ServiceReadinessSchema), example: { items: [readinessExample], next: null } } },
    handler: async (ctx, { query }) => ok(await onboarding.servicePage(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/standards/:service',
    operationId: 'getStandard',
    summary: 'Standar pelayanan yang ditetapkan / A published standar pelayanan',
    description: 'The SK that set the service’s standard, with the ETag to quote when publishing it again or withdrawing it.',
    tags: ['onboarding'],
    security: admins,
    params: StandardPath,
    concurrency: 'read',
    responses: { '200': { description: 'The published standard', schema: PublishedStandardSchema, example: standardExample } },
    errors: [standardNotPublished],
    handler: async (ctx, { params }) => {
      const { standard, etag } = await onboarding.standard(ctx, params.service);
      return ok(standard, { ETag: etag });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/standards/:service',
    operationId: 'publishStandard',
    summary: 'Tetapkan standar pelayanan / Publish a service’s standar pelayanan',
    description:
      'Refused with 422 STANDARD_INCOMPLETE, listing each missing component (of 14), unless the plugin and the regency overlay fill all of them. The first publication needs no If-Match; publishing again (a new SK) needs the ETag you read (428 without it, 412 when someone changed it meanwhile).',
    tags: ['onboarding'],
    security: admins,
    params: StandardPath,
    body: StandardBody,
    bodyExample: { skNumber: '100.3.3/Kep.12-DPMPTSP/2026', skDate: '2026-11-30' },
    concurrency: 'update',
    responses: { '200': { description: 'Published, with its new ETag', schema: PublishedStandardSchema, example: standardExample } },
    errors: [notInstalled, serviceNotFound, standardIncomplete],
    handler: async (ctx, { params, body, preconditions }) => {
      const { standard, etag } = await onboarding.publishStandard(ctx, params.service, body, actorOf(ctx), preconditions);
      return ok(standard, { ETag: etag });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/standards/:service',
    operationId: 'withdrawStandard',
    summary: 'Cabut penetapan standar pelayanan / Withdraw a published standard',
    description: 'Withdrawing undoes a decree: quote the ETag you read in If-Match (required; 428 without it, 412 when it was published again meanwhile).',
    tags: ['onboarding'],
    security: admins,
    params: StandardPath,
    headers: REQUIRED_IF_MATCH,
    responses: { '204': { description: 'Withdrawn' } },
    errors: [standardNotPublished, preconditionRequired, preconditionFailed],
    handler: async (ctx, { params, preconditions }) => {
      await onboarding.withdrawStandard(ctx, params.service, actorOf(ctx), preconditions);
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/drift',
    operationId: 'getModelDrift',
    summary: 'Selisih dengan tenant percontohan (kaji tiru) / Drift from the role model',
    description:
      'Plugins missing/behind/ahead/extra, overlay fields that differ, the maklumat. A comparison answered whole: its lists are bounded by the plugins and services the two tenants install.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    responses: { '200': { description: 'The drift', schema: ModelDriftSchema, example: driftExample } },
    errors: [noModelTenant],
    handler: async (ctx) => ok(await onboarding.drift(ctx)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/drift/adopt',
    operationId: 'adoptModelUpgrades',
    summary: 'Ambil pembaruan dari tenant percontohan / Take the role model’s upgrades',
    description:
      'Moves each given (default: every) plugin that is behind or missing to the model’s version, in one transaction. 409 NO_MODEL_TENANT when the tenant was not created from a role model; 409 OVERLAY_CONFLICT when an overlay does not fit a target version (and nothing is taken). Repeating it changes nothing (`taken` is then empty), so a retry is safe.',
    tags: ['onboarding'],
    security: admins,
    params: OnboardingPath,
    body: AdoptBody,
    bodyExample: { plugins: ['taspen'] },
    responses: { '200': { description: 'What was taken and the drift after', schema: AdoptionSchema, example: { taken: [{ plugin: 'taspen', from: '1.0.0', to: '1.1.0', action: 'upgraded' }], drift: { ...driftExample, inSync: false, differences: 1, plugins: [{ plugin: 'taspen', tenantVersion: '1.1.0', modelVersion: '1.1.0', state: 'same' }], upgradesAvailable: [] } } } },
    errors: [noModelTenant, upgradeConflict],
    handler: async (ctx, { body }) => ok(await onboarding.adoptModel(ctx, body.plugins, actorOf(ctx))),
  });
}
