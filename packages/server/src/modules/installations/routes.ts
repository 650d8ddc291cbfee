import { noContent, ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { actorOf } from '../../context.js';
import type { InstallationService } from './service.js';
import { InstallBody, InstallationPath, OverlayBody, OverlayPath } from './schemas.js';

const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

export function installationRoutes(api: RouteTable, installs: InstallationService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations',
    operationId: 'listInstallations',
    summary: 'Plugin terpasang di tenant / Plugins installed in the tenant',
    tags: ['installations'],
    security: admins,
    params: TenantPath(),
    responses: { '200': { description: 'Pinned versions and overlays' } },
    handler: async (ctx) => ok({ items: await installs.list(ctx) }),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/installations/:plugin',
    operationId: 'installPlugin',
    summary: 'Pasang atau ganti versi plugin / Install a plugin or move it to another version',
    description: 'The tenant stays pinned to this version until an admin changes it. Existing overlays must fit the target version (else 409 OVERLAY_CONFLICT). Repeating the same call changes nothing.',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    body: InstallBody,
    responses: { '200': { description: 'Installed, upgraded, downgraded or unchanged (see `action`)' }, '404': { description: 'PLUGIN_NOT_FOUND' }, '409': { description: 'OVERLAY_CONFLICT' } },
    handler: async (ctx, { params, body }) => {
      const r = await installs.install(ctx, params.plugin, body.version, actorOf(ctx));
      return ok({ action: r.action, ...r.installation });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/installations/:plugin',
    operationId: 'uninstallPlugin',
    summary: 'Copot plugin / Uninstall a plugin',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    responses: { '204': { description: 'Uninstalled' }, '404': { description: 'PLUGIN_NOT_INSTALLED' } },
    handler: async (ctx, { params }) => {
      await installs.uninstall(ctx, params.plugin, actorOf(ctx));
      return noContent();
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/installations/:plugin/overlays/:service',
    operationId: 'setServiceOverlay',
    summary: 'Atur overlay layanan / Set a service overlay',
    description: 'Replaces the overlay of one service. Only keys the service lists in `overlayable` are accepted (counter, contact, openingHours, schedule, unlocked fee, facilities, staffing…).',
    tags: ['installations'],
    security: admins,
    params: OverlayPath,
    body: OverlayBody,
    responses: { '200': { description: 'The overlay' }, '404': { description: 'PLUGIN_NOT_INSTALLED, SERVICE_NOT_FOUND' }, '422': { description: 'OVERLAY_INVALID' } },
    handler: async (ctx, { params, body }) => ok(await installs.setOverlay(ctx, params.plugin, params.service, body, actorOf(ctx))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations/:plugin/history',
    operationId: 'getInstallationHistory',
    summary: 'Riwayat pemasangan / Installation history',
    tags: ['installations'],
    security: admins,
    params: InstallationPath,
    responses: { '200': { description: 'Who changed what, when, from and to' } },
    handler: async (ctx, { params }) => ok({ items: await installs.history(ctx, params.plugin) }),
  });
}
