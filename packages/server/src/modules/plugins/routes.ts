import Type from 'typebox';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { actorOf } from '../../context.js';
import { Page } from '../../pagination.js';
import { etagOf } from '../../preconditions.js';
import type { PluginRegistry } from './service.js';
import { lintBusy, lintLimit, manifestInvalid, manifestTooComplex, notPublisherOf, pluginNotFound, pluginOwnedElsewhere, versionImmutable } from './errors.js';
import { manifestExample, publicationExample } from './examples.js';
import { LintReportSchema, ListPluginsQuery, ManifestBody, PluginId, PluginSummarySchema, PublicationSchema, PublishedVersionSchema, Version, type Publication } from './schemas.js';

const summaryExample = {
  id: 'imigrasi',
  agency: { code: 'imigrasi', name: { id: 'Kantor Imigrasi', en: 'Immigration Office' }, kind: 'vertical' },
  latest: '1.0.0',
  versions: [{ version: '1.0.0', contentHash: 'sha256:9c1e5b7a3d2f4e6b8a0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a', publishedAt: '2026-11-02T01:00:00.000Z', services: 3 }],
};

export function pluginRoutes(api: RouteTable, registry: PluginRegistry): void {
  api.add({
    method: 'get',
    path: '/api/v1/plugins',
    operationId: 'listPlugins',
    summary: 'Registri plugin instansi / The agency plugin registry',
    description: 'Every published plugin in id order, one page at a time, each with its versions (newest first) and their content hashes.',
    tags: ['plugins'],
    security: { kind: 'public' },
    query: ListPluginsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of plugins', schema: Page(PluginSummarySchema), example: { items: [summaryExample], next: null } } },
    handler: async (_ctx, { query }) => ok(await registry.page(query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/plugins/:plugin',
    operationId: 'getPlugin',
    summary: 'Satu plugin dan versinya / One plugin and its versions',
    tags: ['plugins'],
    security: { kind: 'public' },
    params: Type.Object({ plugin: PluginId }),
    responses: { '200': { description: 'The plugin with every published version, newest first', schema: PluginSummarySchema, example: summaryExample } },
    errors: [pluginNotFound],
    handler: async (_ctx, { params }) => ok(await registry.summary(params.plugin)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/plugins/:plugin/versions/:version',
    operationId: 'getPluginVersion',
    summary: 'Manifest satu versi / The manifest of one version',
    description:
      'A published version never changes: its ETag is its content hash (strong), it may be cached for good, and a client holding the hash gets 304 with If-None-Match.',
    tags: ['plugins'],
    security: { kind: 'public' },
    params: Type.Object({ plugin: PluginId, version: Version }),
    concurrency: 'read',
    responses: {
      '200': {
        description: 'The published version with its manifest and content hash',
        schema: PublishedVersionSchema,
        headers: { 'Cache-Control': { description: '`public, max-age=31536000, immutable`: a published version never changes', required: true } },
        example: { ...publicationExample, manifest: manifestExample },
      },
    },
    errors: [pluginNotFound],
    handler: async (_ctx, { params }) => {
      const v = await registry.get(params.plugin, params.version);
      return ok(v, { ETag: etagOf(v.contentHash), 'Cache-Control': 'public, max-age=31536000, immutable' });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/plugins',
    operationId: 'publishPlugin',
    summary: 'Terbitkan versi plugin / Publish a plugin version',
    description:
      'Body: the assembled manifest (plugin.json with its services inlined, as `satupintu plugin publish` sends). Linted with the same rules as `satupintu plugin lint`: 422 PLUGIN_MANIFEST_INVALID lists every problem found, one `errors` entry each with its JSON pointer (the shape is checked first, then host range, regex safety and SOP references). The lint runs on a worker thread, never on the thread serving other requests: the patterns of one manifest share an analysis budget, and a pattern not proven safe within it (or whose analysis had to be stopped) is refused with its pointer: 422 PLUGIN_MANIFEST_TOO_COMPLEX when that is all that is wrong, otherwise listed among the PLUGIN_MANIFEST_INVALID errors. An agency has one manifest checked at a time (more: 429 PLUGIN_LINT_LIMIT with Retry-After); when every lint thread is busy and the queue is full, 503 PLUGIN_LINT_BUSY with Retry-After. A published version is immutable: the same content again is a no-op (200, safe to retry), other content under a published version is refused (409 PLUGIN_VERSION_IMMUTABLE). Publishers publish for their own agency only.',
    tags: ['plugins'],
    security: { kind: 'roles', roles: ['agency-publisher', 'platform-admin'] },
    body: ManifestBody,
    bodyExample: manifestExample,
    responses: {
      '201': { description: 'Published', schema: PublicationSchema, example: publicationExample },
      '200': {
        description: 'Already published with identical content (nothing changed)',
        schema: PublicationSchema,
        headers: { Location: { description: 'The published version', schema: { type: 'string', format: 'uri-reference' }, required: true } },
        example: publicationExample,
      },
    },
    errors: [notPublisherOf, manifestInvalid, manifestTooComplex, versionImmutable, pluginOwnedElsewhere, lintLimit, lintBusy],
    handler: async (ctx, { body }) => {
      const agency = body.agency?.code;
      const admin = ctx.identity.roles.includes('platform-admin');
      const publisher = ctx.identity.memberships.some((m) => m.role === 'agency-publisher' && m.agency === agency);
      if (!admin && !publisher) throw notPublisherOf(String(agency ?? '?'));
      const { created: isNew, version } = await registry.publish(ctx, body, actorOf(ctx));
      const summary: Publication = { pluginId: version.pluginId, version: version.version, contentHash: version.contentHash, publishedAt: version.publishedAt, publishedBy: version.publishedBy };
      const location = `/api/v1/plugins/${version.pluginId}/versions/${version.version}`;
      return isNew ? created(summary, location) : ok(summary, { Location: location });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/plugins/lint',
    operationId: 'lintPlugin',
    summary: 'Periksa manifest tanpa menerbitkan / Check a manifest without publishing it',
    description:
      'The checks of `publishPlugin` (the same linter, on a lint thread, within the same budget and per-agency share: 429 PLUGIN_LINT_LIMIT and 503 PLUGIN_LINT_BUSY as there) without publishing: 200 with every problem found (an empty list when the manifest would publish), the content hash it would get, and whether its version number is already taken. Nothing is written, so no Idempotency-Key is needed. For the publisher’s editor, which checks as the person edits. Publishers check manifests of their own agency only.',
    tags: ['plugins'],
    security: { kind: 'roles', roles: ['agency-publisher', 'platform-admin'] },
    body: ManifestBody,
    bodyExample: manifestExample,
    responses: {
      '200': {
        description: 'The lint report (problems are a 200 here: nothing was asked to be published)',
        schema: LintReportSchema,
        example: { ok: true, issues: [], contentHash: publicationExample.contentHash, published: false },
      },
    },
    errors: [notPublisherOf, lintLimit, lintBusy],
    handler: async (ctx, { body }) => {
      const agency = body.agency?.code;
      const admin = ctx.identity.roles.includes('platform-admin');
      const publisher = ctx.identity.memberships.some((m) => m.role === 'agency-publisher' && m.agency === agency);
      if (!admin && !publisher) throw notPublisherOf(String(agency ?? '?'));
      return ok(await registry.lint(ctx, body, actorOf(ctx)));
    },
  });
}
