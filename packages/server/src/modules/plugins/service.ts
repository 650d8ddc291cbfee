import semver from 'semver';
import { PLATFORM_VERSION } from '@satupintu/core';
import type { Sql, UnitOfWork } from '@satupintu/db';
import { contentHash, lintManifest, type AgencyPlugin, type ServiceDefinition } from '@satupintu/plugin-sdk';
import type { Ctx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { manifestInvalid, manifestTooComplex, pluginNotFound, pluginOwnedElsewhere, versionImmutable } from './errors.js';
import { LintPool, type LintReply } from './lint-pool.js';
import { pluginQueries, type PluginVersionRow, type RegistryRow } from './queries.js';
import type { LintReport, PluginSummary, PublishedVersion } from './schemas.js';

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
/** The lint of a trusted manifest, on this thread (never for a request's body). */
function lintInProcess(manifest: unknown): LintReply {
  const r = lintManifest(manifest, undefined, PLATFORM_VERSION);
  return r.ok && r.manifest ? { issues: [], contentHash: contentHash(r.manifest) } : { issues: r.issues };
}

export class PluginRegistry {
  private readonly cache = new Map<string, Promise<PublishedVersion>>();
  /** Issue 23 (versions): told of every newly published version, after its commit (auto-upgrades start there). */
  private readonly publishedListeners: ((v: PublishedVersion, ctx: Ctx) => Promise<void>)[] = [];

  /** Registers a listener for newly published versions (called after the commit; its failure is logged, never the publisher's). */
  onPublished(listener: (v: PublishedVersion, ctx: Ctx) => Promise<void>): void {
    this.publishedListeners.push(listener);
  }

  constructor(
    private readonly uow: UnitOfWork,
    private readonly control: Sql,
    /** Where manifests are linted: worker threads, never the request thread (lint-pool.ts). */
    readonly linter: LintPool = new LintPool(),
  ) {}

  /**
   * Lints (on a lint thread, within its time budget and the agency's share of threads), hashes and
   * stores a version. Returns whether it was new. `trusted`: the platform's own plugins/ folder at
   * start (seed.ts), linted by the caller already: linted again here in-process, so that a busy host
   * (the lint threads run at low priority) cannot keep the platform's own plugins out.
   */
  async publish(ctx: Ctx, manifest: unknown, actor: string, opts: { trusted?: boolean } = {}): Promise<{ created: boolean; version: PublishedVersion }> {
    const agency = (manifest as { agency?: { code?: unknown } } | null)?.agency?.code;
    const lint = opts.trusted ? lintInProcess(manifest) : await this.linter.lint(typeof agency === 'string' ? agency : `?${actor}`, manifest, ctx.log, PLATFORM_VERSION);
    if (lint.issues.length || !lint.contentHash) {
      // Only patterns not decided in time (nothing proven wrong): too complex to check.
      const undecided = new Set(lint.undecided);
      if (lint.issues.length && lint.issues.every((i) => undecided.has(i.pointer))) throw manifestTooComplex(lint.issues);
      throw manifestInvalid(lint.issues);
    }
    // The thread linted a copy of this very value: what passed is what is stored.
    const m = manifest as AgencyPlugin;
    const hash = lint.contentHash;
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
    if (result.created) {
      ctx.log.info({ plugin: m.id, version: m.version, hash }, 'plugin version published');
      for (const l of this.publishedListeners) await l(result.version, ctx).catch((err: unknown) => ctx.log.warn({ err, plugin: m.id, version: m.version }, 'a listener of published versions failed'));
    }
    return result;
  }

  /**
   * Lints a manifest without publishing it (the publisher's editor checks as they go): the same
   * lint thread, budget and per-agency share as publishing. Nothing is written.
   */
  async lint(ctx: Ctx, manifest: unknown, actor: string): Promise<LintReport> {
    const m = manifest as { id?: unknown; version?: unknown; agency?: { code?: unknown } } | null;
    const agency = m?.agency?.code;
    const lint = await this.linter.lint(typeof agency === 'string' ? agency : `?${actor}`, manifest, ctx.log, PLATFORM_VERSION);
    const ok = lint.issues.length === 0 && !!lint.contentHash;
    const published = typeof m?.id === 'string' && typeof m.version === 'string' ? !!(await pluginQueries.version(this.control, m.id, m.version)) : false;
    return { ok, issues: lint.issues.map((i) => ({ pointer: i.pointer, message: i.message })), contentHash: ok ? lint.contentHash! : null, published };
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

  /** Ends the lint threads (with the platform). */
  close(): Promise<void> {
    return this.linter.close();
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
