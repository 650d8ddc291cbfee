import type { Identity } from '@satupintu/auth';
import type { ApiRegistry } from '../../api.js';
import { actorOf } from '../../actor.js';
import type { PluginRegistry } from './service.js';
import { notPublisherOf } from './errors.js';

const pluginIdParam = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Plugin id, e.g. dukcapil' };
const versionParam = { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', maxLength: 64, description: 'Semantic version' };

export function pluginRoutes(api: ApiRegistry, registry: PluginRegistry): void {
  api.add({
    method: 'get',
    path: '/api/v1/plugins',
    operationId: 'listPlugins',
    summary: 'Registri plugin instansi / The agency plugin registry',
    tags: ['plugins'],
    security: { kind: 'public' },
    query: { type: 'object', additionalProperties: false, properties: { agency: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' } } },
    responses: { '200': { description: 'Plugins with their versions (newest first) and content hashes' } },
    handler: async (_req, res) => {
      res.json({ items: await registry.list(res.locals.query as { agency?: string }) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/plugins/:plugin',
    operationId: 'getPlugin',
    summary: 'Satu plugin dan versinya / One plugin and its versions',
    tags: ['plugins'],
    security: { kind: 'public' },
    params: { type: 'object', required: ['plugin'], properties: { plugin: pluginIdParam } },
    responses: { '200': { description: 'The plugin' }, '404': { description: 'PLUGIN_NOT_FOUND' } },
    handler: async (req, res) => {
      res.json(await registry.summary(req.params.plugin as string));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/plugins/:plugin/versions/:version',
    operationId: 'getPluginVersion',
    summary: 'Manifest satu versi / The manifest of one version',
    tags: ['plugins'],
    security: { kind: 'public' },
    params: { type: 'object', required: ['plugin', 'version'], properties: { plugin: pluginIdParam, version: versionParam } },
    responses: { '200': { description: 'Published version with its content hash' }, '404': { description: 'PLUGIN_NOT_FOUND' } },
    handler: async (req, res) => {
      const v = await registry.get(req.params.plugin as string, req.params.version as string);
      res.setHeader('ETag', `"${v.contentHash}"`);
      res.json(v);
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
    body: { type: 'object', description: 'Assembled plugin manifest (see packages/plugin-sdk/schema/plugin.schema.json)' },
    responses: {
      '201': { description: 'Published' },
      '200': { description: 'Already published with identical content' },
      '403': { description: 'AGENCY_NOT_ALLOWED' },
      '409': { description: 'PLUGIN_VERSION_IMMUTABLE, PLUGIN_ID_TAKEN' },
      '422': { description: 'PLUGIN_MANIFEST_INVALID (errors with JSON pointers)' },
    },
    handler: async (req, res) => {
      const identity = res.locals.identity as Identity;
      const agency = (req.body as { agency?: { code?: unknown } }).agency?.code;
      const admin = identity.roles.includes('platform-admin');
      const publisher = identity.memberships.some((m) => m.role === 'agency-publisher' && m.agency === agency);
      if (!admin && !publisher) throw notPublisherOf(String(agency ?? '?'));
      const { created, version } = await registry.publish(req.body, actorOf(res));
      res
        .status(created ? 201 : 200)
        .location(`/api/v1/plugins/${version.pluginId}/versions/${version.version}`)
        .json({ pluginId: version.pluginId, version: version.version, contentHash: version.contentHash, publishedAt: version.publishedAt, publishedBy: version.publishedBy });
    },
  });
}
