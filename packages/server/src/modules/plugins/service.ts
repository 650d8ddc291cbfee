import semver from 'semver';
import type { Logger } from 'pino';
import { PLATFORM_VERSION } from '@satupintu/core';
import { PluginEntity, PluginVersionEntity, type Databases } from '@satupintu/db';
import { contentHash, lintManifest, type AgencyPlugin } from '@satupintu/plugin-sdk';
import { manifestInvalid, pluginNotFound, pluginOwnedElsewhere, versionImmutable } from './errors.js';

export interface PublishedVersion {
  pluginId: string;
  version: string;
  contentHash: string;
  manifest: AgencyPlugin;
  publishedAt: string;
  publishedBy: string;
}

export interface PluginSummary {
  id: string;
  agency: { code: string; name: { id: string; en: string }; kind: string };
  versions: { version: string; contentHash: string; publishedAt: string; services: number }[];
  latest: string;
}

/**
 * The plugin registry (control plane). Versions are immutable: republishing identical content is a
 * no-op, different content under a published version is refused. Published manifests are cached in
 * memory for good, since they never change.
 */
export class PluginRegistry {
  private readonly cache = new Map<string, PublishedVersion>();

  constructor(
    private readonly dbs: Databases,
    private readonly logger: Logger,
  ) {}

  /** Lints, hashes and stores a version. Returns whether it was new. */
  async publish(manifest: unknown, actor: string): Promise<{ created: boolean; version: PublishedVersion }> {
    const lint = lintManifest(manifest, undefined, PLATFORM_VERSION);
    if (!lint.ok) throw manifestInvalid(lint.issues);
    const m = lint.manifest!;
    const hash = contentHash(m);
    const { $schema: _drop, ...stored } = m as AgencyPlugin & { $schema?: string };
    return this.dbs.control.transaction(async (em) => {
      // Serialise publishers of the same plugin id.
      await em.query('select pg_advisory_xact_lock(hashtext($1))', [`plugin:${m.id}`]);
      const plugins = em.getRepository(PluginEntity);
      const owner = await plugins.findOneBy({ id: m.id });
      if (owner && owner.agencyCode !== m.agency.code) throw pluginOwnedElsewhere(m.id, owner.agencyCode);
      if (!owner) await plugins.insert({ id: m.id, agencyCode: m.agency.code, agencyName: m.agency.name, agencyKind: m.agency.kind });
      const versions = em.getRepository(PluginVersionEntity);
      const existing = await versions.findOneBy({ pluginId: m.id, version: m.version });
      if (existing) {
        if (existing.contentHash !== hash) throw versionImmutable(m.id, m.version, existing.contentHash, hash);
        return { created: false, version: this.toPublished(existing) };
      }
      await versions.insert({
        pluginId: m.id,
        version: m.version,
        contentHash: hash,
        manifest: stored,
        hostRange: m.host,
        serviceCount: m.services.length,
        publishedBy: actor,
      });
      const row = await versions.findOneByOrFail({ pluginId: m.id, version: m.version });
      this.logger.info({ plugin: m.id, version: m.version, hash }, 'plugin version published');
      return { created: true, version: this.toPublished(row) };
    });
  }

  private toPublished(r: { pluginId: string; version: string; contentHash: string; manifest: unknown; publishedAt: Date; publishedBy: string }): PublishedVersion {
    return {
      pluginId: r.pluginId,
      version: r.version,
      contentHash: r.contentHash,
      manifest: r.manifest as AgencyPlugin,
      publishedAt: r.publishedAt.toISOString(),
      publishedBy: r.publishedBy,
    };
  }

  /** One published version (cached forever: versions never change). */
  async get(pluginId: string, version: string): Promise<PublishedVersion> {
    const key = `${pluginId}@${version}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await this.dbs.control.getRepository(PluginVersionEntity).findOneBy({ pluginId, version });
    if (!row) throw pluginNotFound(pluginId, version);
    const v = this.toPublished(row);
    this.cache.set(key, v);
    return v;
  }

  async list(filter: { agency?: string } = {}): Promise<PluginSummary[]> {
    const rows: { id: string; agency_code: string; agency_name: { id: string; en: string }; agency_kind: string; version: string; content_hash: string; published_at: Date; service_count: number }[] =
      await this.dbs.control.query(
        `select p.id, p.agency_code, p.agency_name, p.agency_kind, v.version, v.content_hash, v.published_at, v.service_count
           from plugins p join plugin_versions v on v.plugin_id = p.id
          where ($1::text is null or p.agency_code = $1)
          order by p.id`,
        [filter.agency ?? null],
      );
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

  async summary(pluginId: string): Promise<PluginSummary> {
    const s = (await this.list()).find((p) => p.id === pluginId);
    if (!s) throw pluginNotFound(pluginId);
    return s;
  }
}
