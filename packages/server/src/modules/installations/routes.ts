import type { ApiRegistry } from '../../api.js';
import { actorOf } from '../../actor.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import type { InstallationService } from './service.js';

const params = (extra: Record<string, unknown> = {}) => ({
  type: 'object',
  required: ['tenant', ...Object.keys(extra)],
  properties: { tenant: tenantSlugParam, ...extra },
});
const plugin = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Plugin id' };
const service = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Service code' };
const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

export function installationRoutes(api: ApiRegistry, tenants: TenantService, installs: InstallationService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations',
    operationId: 'listInstallations',
    summary: 'Plugin terpasang di tenant / Plugins installed in the tenant',
    tags: ['installations'],
    security: admins,
    params: params(),
    responses: { '200': { description: 'Pinned versions and overlays' } },
    handler: async (req, res) => {
      res.json({ items: await installs.list(await tenants.getBySlug(req.params.tenant as string)) });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/installations/:plugin',
    operationId: 'installPlugin',
    summary: 'Pasang atau ganti versi plugin / Install a plugin or move it to another version',
    description: 'The tenant stays pinned to this version until an admin changes it. Existing overlays must fit the target version (else 409 OVERLAY_CONFLICT). Repeating the same call changes nothing.',
    tags: ['installations'],
    security: admins,
    params: params({ plugin }),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['version'],
      properties: { version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', maxLength: 64, description: 'Published version to pin' } },
    },
    responses: {
      '200': { description: 'Installed, upgraded, downgraded or unchanged (see `action`)' },
      '404': { description: 'PLUGIN_NOT_FOUND' },
      '409': { description: 'OVERLAY_CONFLICT' },
    },
    handler: async (req, res) => {
      const t = await tenants.getBySlug(req.params.tenant as string);
      const r = await installs.install(t, req.params.plugin as string, (req.body as { version: string }).version, actorOf(res));
      res.json({ action: r.action, ...r.installation });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/installations/:plugin',
    operationId: 'uninstallPlugin',
    summary: 'Copot plugin / Uninstall a plugin',
    tags: ['installations'],
    security: admins,
    params: params({ plugin }),
    responses: { '204': { description: 'Uninstalled' }, '404': { description: 'PLUGIN_NOT_INSTALLED' } },
    handler: async (req, res) => {
      await installs.uninstall(await tenants.getBySlug(req.params.tenant as string), req.params.plugin as string, actorOf(res));
      res.status(204).end();
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
    params: params({ plugin, service }),
    body: { type: 'object', description: 'Overlay (see $defs/overlay in the plugin meta-schema)' },
    responses: { '200': { description: 'The overlay' }, '404': { description: 'PLUGIN_NOT_INSTALLED, SERVICE_NOT_FOUND' }, '422': { description: 'OVERLAY_INVALID' } },
    handler: async (req, res) => {
      const t = await tenants.getBySlug(req.params.tenant as string);
      res.json(await installs.setOverlay(t, req.params.plugin as string, req.params.service as string, req.body, actorOf(res)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/installations/:plugin/history',
    operationId: 'getInstallationHistory',
    summary: 'Riwayat pemasangan / Installation history',
    tags: ['installations'],
    security: admins,
    params: params({ plugin }),
    responses: { '200': { description: 'Who changed what, when, from and to' } },
    handler: async (req, res) => {
      res.json({ items: await installs.history(await tenants.getBySlug(req.params.tenant as string), req.params.plugin as string) });
    },
  });
}
