import semver from 'semver';
import { PLATFORM_VERSION } from '@satupintu/core';
import type { Sql, UnitOfWork } from '@satupintu/db';
import { contentHash, lintManifest, type AgencyPlugin, type ServiceDefinition } from '@satupintu/plugin-sdk';
import type { Ctx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { manifestInvalid, pluginNotFound, pluginOwnedElsewhere, versionImmutable } from './errors.js';
import { pluginQueries, type PluginVersionRow, type RegistryRow } from './queries.js';
import type { PluginSummary, PublishedVersion } from './schemas.js';

export type { PluginSummary, PublishedVersion };

/** One service of one published version, as applications and complaints run it. */
export interface ServiceVersion {
  pluginId: string;
  version: string;
  contentHash: string;
  agency: AgencyPlugin['agency'];
  service: ServiceDefinition;
}

const toPublished = (r: PluginVersionRow): PublishedVersion => ({
  pluginId: r.plugin_id,
  version: r.version,
  contentHash: r.content_hash,
  manifest: r.manifest,
  publishedAt: r.published_at.toISOString(),
  publishedBy: r.published_by,
});

/**
 * The plugin registry (control plane). Versions are immutable: republishing identical content is a
 * no-op, different content under a published version is refused. A published version never
 * changes, so once read it stays in memory for good (shared by every tenant).
 */
export class PluginRegistry {
  private readonly cache = new Map<string, Promise<PublishedVersion>>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly control: Sql,
  ) {}

  /** Lints, hashes and stores a version. Returns whether it was new. */
  async publish(ctx: Ctx, manifest: unknown, actor: string): Promise<{ created: boolean; version: PublishedVersion }> {
    const lint = lintManifest(manifest, undefined, PLATFORM_VERSION);
    if (!lint.ok || !lint.manifest) throw manifestInvalid(lint.issues);
    const m = lint.manifest;
    const hash = contentHash(m);
    // A manifest may name its meta-schema; the stored version is the content alone.
    const stored: Record<string, unknown> = { ...m };
    delete stored.$schema;
    const result = await this.uow.control(ctx, async (tx) => {
      await pluginQueries.lockPlugin(tx.sql, m.id);
      const owner = await pluginQueries.owner(tx.sql, m.id);
      if (owner && owner.agency_code !== m.agency.code) throw pluginOwnedElsewhere(m.id, owner.agency_code);
      if (!owner) await pluginQueries.insertPlugin(tx.sql, { id: m.id, agencyCode: m.agency.code, agencyName: m.agency.name, agencyKind: m.agency.kind });
      const existing = await pluginQueries.version(tx.sql, m.id, m.version);
      if (existing) {
        if (existing.content_hash !== hash) throw versionImmutable(m.id, m.version, existing.content_hash, hash);
        return { created: false, version: toPublished(existing) };
      }
      const row = await pluginQueries.insertVersion(tx.sql, { pluginId: m.id, version: m.version, contentHash: hash, manifest: stored, hostRange: m.host, serviceCount: m.services.length, publishedBy: actor, now: ctx.now });
      return { created: true, version: toPublished(row) };
    });
    if (result.created) ctx.log.info({ plugin: m.id, version: m.version, hash }, 'plugin version published');
    return result;
  }

  /** One published version (read once, then from memory: versions never change). */
  get(pluginId: string, version: string): Promise<PublishedVersion> {
    const key = `${pluginId}@${version}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = pluginQueries.version(this.control, pluginId, version).then((row) => {
        if (!row) throw pluginNotFound(pluginId, version);
        return toPublished(row);
      });
      // A miss is not remembered (the version may be published a moment later).
      hit.catch(() => this.cache.delete(key));
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** One service of one version; undefined when the version has no such service. */
  async service(pluginId: string, version: string, serviceCode: string): Promise<ServiceVersion | undefined> {
    const v = await this.get(pluginId, version);
    const service = v.manifest.services.find((s) => s.code === serviceCode);
    return service && { pluginId, version, contentHash: v.contentHash, agency: v.manifest.agency, service };
  }

  /** Every plugin with its versions (the seed and the CLI walk them all; the API pages them). */
  async list(filter: { agency?: string } = {}): Promise<PluginSummary[]> {
    return summaries(await pluginQueries.registry(this.control, filter.agency));
  }

  /** One page of the registry, in id order. */
  async page(query: { agency?: string; limit?: number; cursor?: string }): Promise<PageOf<PluginSummary>> {
    const req = pageRequest<[string]>(query, 1);
    const rows = summaries(await pluginQueries.page(this.control, query.agency, req.after?.[0] ?? null, req.limit + 1));
    return pageOf(rows, req, (s) => [s.id]);
  }

  async summary(pluginId: string): Promise<PluginSummary> {
    const s = summaries(await pluginQueries.registry(this.control, undefined, pluginId))[0];
    if (!s) throw pluginNotFound(pluginId);
    return s;
  }
}

/** Registry rows (one per version) as plugins with their versions, newest first; in the rows' plugin order. */
function summaries(rows: readonly RegistryRow[]): PluginSummary[] {
  const byId = new Map<string, PluginSummary>();
  for (const r of rows) {
    let s = byId.get(r.id);
    if (!s) {
      s = { id: r.id, agency: { code: r.agency_code, name: r.agency_name, kind: r.agency_kind }, versions: [], latest: r.version };
      byId.set(r.id, s);
    }
    s.versions.push({ version: r.version, contentHash: r.content_hash, publishedAt: r.published_at.toISOString(), services: r.service_count });
  }
  for (const s of byId.values()) {
    s.versions.sort((a, b) => semver.rcompare(a.version, b.version));
    s.latest = s.versions[0]!.version;
  }
  return [...byId.values()];
}
