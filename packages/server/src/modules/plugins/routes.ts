import Type from 'typebox';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { actorOf } from '../../context.js';
import type { PluginRegistry } from './service.js';
import { notPublisherOf } from './errors.js';
import { ListPluginsQuery, ManifestBody, PluginId, Version } from './schemas.js';

export function pluginRoutes(api: RouteTable, registry: PluginRegistry): void {
  api.add({
    method: 'get',
    path: '/api/v1/plugins',
    operationId: 'listPlugins',
    summary: 'Registri plugin instansi / The agency plugin registry',
    tags: ['plugins'],
    security: { kind: 'public' },
    query: ListPluginsQuery,
    responses: { '200': { description: 'Plugins with their versions (newest first) and content hashes' } },
    handler: async (_ctx, { query }) => ok({ items: await registry.list(query) }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/plugins/:plugin',
    operationId: 'getPlugin',
    summary: 'Satu plugin dan versinya / One plugin and its versions',
    tags: ['plugins'],
    security: { kind: 'public' },
    params: Type.Object({ plugin: PluginId }),
    responses: { '200': { description: 'The plugin' }, '404': { description: 'PLUGIN_NOT_FOUND' } },
    handler: async (_ctx, { params }) => ok(await registry.summary(params.plugin)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/plugins/:plugin/versions/:version',
    operationId: 'getPluginVersion',
    summary: 'Manifest satu versi / The manifest of one version',
    tags: ['plugins'],
    security: { kind: 'public' },
    params: Type.Object({ plugin: PluginId, version: Version }),
    responses: { '200': { description: 'Published version with its content hash' }, '404': { description: 'PLUGIN_NOT_FOUND' } },
    handler: async (_ctx, { params }) => {
      const v = await registry.get(params.plugin, params.version);
      return ok(v, { ETag: `"${v.contentHash}"` });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/plugins',
    operationId: 'publishPlugin',
    summary: 'Terbitkan versi plugin / Publish a plugin version',
    description:
      'Body: the assembled manifest (plugin.json with its services inlined, as `satupintu plugin publish` sends). Linted with the same rules as `satupintu plugin lint`. The same content again is a no-op (200); other content under a published version is refused (409).',
    tags: ['plugins'],
    security: { kind: 'roles', roles: ['agency-publisher', 'platform-admin'] },
    body: ManifestBody,
    responses: {
      '201': { description: 'Published' },
      '200': { description: 'Already published with identical content' },
      '403': { description: 'AGENCY_NOT_ALLOWED' },
      '409': { description: 'PLUGIN_VERSION_IMMUTABLE, PLUGIN_ID_TAKEN' },
      '422': { description: 'PLUGIN_MANIFEST_INVALID (errors with JSON pointers)' },
    },
    handler: async (ctx, { body }) => {
      const agency = body.agency?.code;
      const admin = ctx.identity.roles.includes('platform-admin');
      const publisher = ctx.identity.memberships.some((m) => m.role === 'agency-publisher' && m.agency === agency);
      if (!admin && !publisher) throw notPublisherOf(String(agency ?? '?'));
      const { created: isNew, version } = await registry.publish(ctx, body, actorOf(ctx));
      const summary = { pluginId: version.pluginId, version: version.version, contentHash: version.contentHash, publishedAt: version.publishedAt, publishedBy: version.publishedBy };
      const location = `/api/v1/plugins/${version.pluginId}/versions/${version.version}`;
      return isNew ? created(summary, location) : ok(summary, { Location: location });
    },
  });
}
