import { noContent, ok, type RouteTable } from '../../http/routes.js';
import { preconditionFailed } from '../../http/problems.js';
import { actorOf } from '../../context.js';
import { Page } from '../../pagination.js';
import { pluginNotFound } from '../plugins/errors.js';
import { installationTag, type InstallationService } from './service.js';
import { notInstalled, overlayInvalid, overlayNotSet, pinInvalid, pinNoMatch, serviceNotFound, upgradeConflict } from './errors.js';
import {
  InstallBody,
  InstallationChangeSchema,
  InstallationEventSchema,
  InstallationPath,
  InstallationSchema,
  InstallationsPath,
  OverlayPath,
  PageQuery,
  PreviewQuery,
  ServiceOverlaySchema,
  UpgradePreviewSchema,
} from './schemas.js';

const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

const ETAG = { ETag: { description: 'The installation’s entity tag (a digest of it: the pin and the overlays)', required: true } };
const OPTIONAL_IF_MATCH = [
  { name: 'If-Match', description: 'Optional: the ETag of the installation you read. When sent, the change happens only if nothing changed since (else 412).' },
  { name: 'If-None-Match', description: '`*`: install only, never move an existing installation (412 if installed).' },
];

/** Imigrasi's passport sessions at Kabupaten Bandung Barat: Tuesdays and Thursdays, 20 people each. */
const overlayExample = {
  counter: { name: 'Gerai Kantor Imigrasi', number: '7', floor: 'Lantai 1' },
  schedule: { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 0.8 },
  staffing: { text: [{ id: '2 petugas imigrasi setiap sesi', en: '2 immigration officers per session' }] },
};
const installationExample = {
  plugin: 'imigrasi',
  version: '1.0.0',
  contentHash: 'sha256:9c1e5b7a3d2f4e6b8a0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a',
  installedAt: '2026-11-02T01:00:00.000Z',
  updatedAt: '2026-11-02T01:00:00.000Z',
  installedBy: 'admin.kbb',
  range: '1.0.x',
  policy: 'patch',
  held: null,
  overlays: { 'paspor-baru': overlayExample },
};

export function installationRoutes(api: RouteTable, installs: InstallationService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations',
    operationId: 'listInstallations',
    summary: 'Plugin terpasang di tenant / Plugins installed in the tenant',
    description: 'Pinned versions and overlays, in plugin id order, one page at a time.',
    tags: ['installations'],
    security: admins,
    params: InstallationsPath,
    query: PageQuery,
    paginated: true,
    responses: { '200': { description: 'One page of installations', schema: Page(InstallationSchema), example: { items: [installationExample], next: null } } },
    handler: async (ctx, { query }) => ok(await installs.page(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations/:plugin',
    operationId: 'getInstallation',
    summary: 'Satu plugin terpasang / One installation',
    description: 'The pinned version and the overlays, with the ETag an upgrade may quote in If-Match.',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    concurrency: 'read',
    responses: { '200': { description: 'The installation', schema: InstallationSchema, example: installationExample } },
    errors: [notInstalled],
    handler: async (ctx, { params }) => {
      const { installation, etag } = await installs.one(ctx, params.plugin);
      return ok(installation, { ETag: etag });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/installations/:plugin',
    operationId: 'installPlugin',
    summary: 'Pasang atau ganti versi plugin / Install a plugin or move it to another version',
    description:
      'Pin an exact `version`, or a `range` (`2.0.x`, `^2`, `~2.1`: the highest published version in it is installed now; 422 PIN_NO_MATCH when none is), and an auto-upgrade `policy` (`manual` default, `patch`, `minor`): with a policy, a version the publisher publishes later that the policy and range admit is installed automatically by the `installations.versions` job, or held back (see `held`) when an overlay no longer fits. `policy` alone changes only the policy. Applications in flight stay on the version they started on; drafts move with the installation (GET …/upgrade-preview says what they will need). Existing overlays must fit the target version (else 409 OVERLAY_CONFLICT, and nothing changes). The body names the whole target state, so repeating the call changes nothing (`unchanged`) and If-Match is optional: send the ETag you read to make the move conditional (412 when the installation changed since).',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    body: InstallBody,
    bodyExample: { range: '1.0.x', policy: 'patch' },
    headers: OPTIONAL_IF_MATCH,
    responses: {
      '200': { description: 'Installed, upgraded, downgraded or unchanged (see `action`), with the new ETag', schema: InstallationChangeSchema, headers: ETAG, example: { action: 'installed', ...installationExample } },
    },
    errors: [pluginNotFound, upgradeConflict, preconditionFailed, pinInvalid, pinNoMatch],
    handler: async (ctx, { params, body, preconditions }) => {
      const r = await installs.install(ctx, params.plugin, body, actorOf(ctx), { preconditions });
      return ok({ action: r.action, ...r.installation }, { ETag: installationTag(r.installation) });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/installations/:plugin',
    operationId: 'uninstallPlugin',
    summary: 'Copot plugin / Uninstall a plugin',
    description: 'Removes the installation with its overlays and published standards. If-Match is optional: when sent, the installation is removed only if it did not change since (else 412).',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    headers: [OPTIONAL_IF_MATCH[0]!],
    responses: { '204': { description: 'Uninstalled' } },
    errors: [notInstalled, preconditionFailed],
    handler: async (ctx, { params, preconditions }) => {
      await installs.uninstall(ctx, params.plugin, actorOf(ctx), preconditions);
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations/:plugin/overlays/:service',
    operationId: 'getServiceOverlay',
    summary: 'Overlay layanan / A service overlay',
    description: 'What the regency set for one service (counter, schedule and quota, hours, contact, unlocked fee, local standard components), with the ETag to quote when changing it.',
    tags: ['installations'],
    security: admins,
    params: OverlayPath,
    concurrency: 'read',
    responses: { '200': { description: 'The overlay', schema: ServiceOverlaySchema, example: overlayExample } },
    errors: [notInstalled, serviceNotFound, overlayNotSet],
    handler: async (ctx, { params }) => {
      const { overlay, etag } = await installs.overlay(ctx, params.plugin, params.service);
      return ok(overlay, { ETag: etag });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/installations/:plugin/overlays/:service',
    operationId: 'setServiceOverlay',
    summary: 'Atur overlay layanan / Set a service overlay',
    description:
      'Replaces the overlay of one service — e.g. Imigrasi’s passport sessions on Tuesdays and Thursdays for 20 people. Only keys the service lists in `overlayable` are accepted (counter, contact, openingHours, schedule, unlocked fee, facilities, staffing…): others, and values only the platform checks (a phone number), are 422 OVERLAY_INVALID. Creating the first overlay needs no If-Match; replacing one needs the ETag you read (428 without it, 412 when someone changed it meanwhile). `{}` clears it.',
    tags: ['installations'],
    security: admins,
    params: OverlayPath,
    body: ServiceOverlaySchema,
    bodyExample: overlayExample,
    concurrency: 'update',
    responses: { '200': { description: 'The overlay as stored, with its new ETag', schema: ServiceOverlaySchema, example: overlayExample } },
    errors: [notInstalled, serviceNotFound, overlayInvalid],
    handler: async (ctx, { params, body, preconditions }) => {
      const { overlay, etag } = await installs.setOverlay(ctx, params.plugin, params.service, body, actorOf(ctx), preconditions);
      return ok(overlay, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations/:plugin/history',
    operationId: 'getInstallationHistory',
    summary: 'Riwayat pemasangan / Installation history',
    description: 'Who changed what, when, from and to: installs, version moves, overlays and standards of the plugin, newest first, one page at a time. Events recorded while you page land before the first page, never twice.',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    query: PageQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of events',
        schema: Page(InstallationEventSchema),
        example: {
          items: [
            {
              id: '01937a4e-8c2b-7d3e-9f10-2a4b6c8d0e1f',
              at: '2026-12-01T03:00:00.000Z',
              actor: 'admin.kbb',
              action: 'plugin.upgraded',
              subject: 'plugin:imigrasi',
              data: { plugin: 'imigrasi', from: '1.0.0', to: '1.1.0', contentHash: 'sha256:0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e' },
            },
          ],
          next: null,
        },
      },
    },
    handler: async (ctx, { params, query }) => ok(await installs.history(ctx, params.plugin, query)),
  });

  // Issue 23 (versions): what an upgrade changes, before it happens.
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations/:plugin/upgrade-preview',
    operationId: 'previewInstallationUpgrade',
    summary: 'Pratinjau pemutakhiran versi / Preview a version upgrade',
    description:
      'What moving to `to` (default: the highest version the pin and policy admit, else the latest) would change: per service, documents and form fields required in the target and not before, the drafts that would move to it (the applicant is asked for the new items on their next visit) and the submitted applications that keep their version; and the overlays the target refuses (the move would be 409). Nothing changes.',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    query: PreviewQuery,
    responses: {
      '200': {
        description: 'The preview',
        schema: UpgradePreviewSchema,
        example: {
          plugin: 'imigrasi',
          from: '1.0.0',
          to: '1.1.0',
          services: [
            {
              code: 'paspor-baru',
              change: 'changed',
              newlyRequiredDocuments: [{ code: 'akta-lahir', name: { id: 'Akta kelahiran', en: 'Birth certificate' } }],
              newlyRequiredFields: [],
              drafts: 12,
              inFlight: 40,
            },
          ],
          drafts: 12,
          inFlight: 40,
          overlayConflicts: [],
          rule: {
            id: 'Draf pindah ke versi baru; pada kunjungan berikutnya pemohon diminta melengkapi dokumen atau isian yang baru diwajibkan. Permohonan yang sudah diajukan tetap pada versinya sampai selesai.',
            en: 'Drafts move to the new version; on their next visit applicants are asked for the newly required documents or fields. Submitted applications keep their version until they finish.',
          },
        },
      },
    },
    errors: [notInstalled, pluginNotFound],
    handler: async (ctx, { params, query }) => ok(await installs.preview(ctx, params.plugin, query.to)),
  });
}
