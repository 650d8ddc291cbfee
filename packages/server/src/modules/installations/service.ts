import semver from 'semver';
import type { Tenant } from '@satupintu/core';
import { recordAudit, type HeardChange, type Sql, type TenantTx, type UnitOfWork } from '@satupintu/db';
import { validateOverlay, type ServiceOverlay } from '@satupintu/plugin-sdk';
import type { TenantCtx } from '../../context.js';
import { cursorInvalid, preconditionFailed } from '../../http/problems.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagMatches, type Preconditions } from '../../preconditions.js';
import type { PluginRegistry, ServiceVersion } from '../plugins/index.js';
import { contentTag, versionTag } from './etags.js';
import { notInstalled, overlayInvalid, overlayNotSet, pinInvalid, pinNoMatch, serviceNotFound, upgradeConflict } from './errors.js';
import { installationQueries, type VersionedOverlayRow } from './queries.js';
import type { Installation, InstallationEvent, UpgradePolicy, UpgradePreview } from './schemas.js';
import { admits, bestAdmitted, newlyRequired, type Conflict, type VersionChange } from './versions.js';

export type { Installation, InstallationEvent, UpgradePolicy, UpgradePreview };

/** What an admin asks of an installation: an exact version or a range (resolved to the highest published in it), and a policy. */
export interface PinRequest {
  version?: string;
  range?: string;
  policy?: UpgradePolicy;
}

/** The actor of automatic upgrades in the audit trail. */
export const AUTO_UPGRADE_ACTOR = 'system:auto-upgrade';

/** What a rule for drafts says, in both languages (the preview shows it; drafts follow it). */
const DRAFT_RULE = {
  id: 'Draf pindah ke versi baru; pada kunjungan berikutnya pemohon diminta melengkapi dokumen atau isian yang baru diwajibkan. Permohonan yang sudah diajukan tetap pada versinya sampai selesai.',
  en: 'Drafts move to the new version; on their next visit applicants are asked for the newly required documents or fields. Submitted applications keep their version until they finish.',
};

/** A timestamptz as Postgres writes it as text, and a UUID: the history's page key. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2}){0,2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An installation's ETag: a digest of its representation (it has no version column; the pin and the overlays are its state). */
export const installationTag = (i: Installation): string => contentTag(i);

/** An overlay's ETag: its version and a digest of its content. */
const overlayTag = (r: VersionedOverlayRow): string => versionTag(r.version, r.overlay);

/**
 * `If-Match` / `If-None-Match` where they are optional (an installation: the request names the
 * whole target state, so a retry or a second admin pinning the same version is harmless). When
 * sent they are honoured (412); when absent on an existing resource, nothing is required.
 */
function checkOptional(pre: Preconditions | undefined, current: string | undefined): void {
  if (!pre) return;
  if (current !== undefined && pre.ifMatch === undefined) {
    if (pre.ifNoneMatch !== undefined && etagMatches(pre.ifNoneMatch, current, 'weak')) throw preconditionFailed(current);
    return;
  }
  checkPreconditions(pre, current);
}

type ServiceDefinitionLike = { code: string };

/** A service as one tenant offers it: the pinned version's definition and the tenant's overlay. */
export interface InstalledService extends ServiceVersion {
  overlay: ServiceOverlay | undefined;
}

/**
 * What a tenant runs: pinned plugin versions and per-service overlays, in the tenant's home region
 * under its RLS context. Every change is an audit event (who, when, from, to) and a change notice:
 * each process keeps a tenant's installations in memory until told they changed, so resolving a
 * service for a submission costs no query.
 */
export class InstallationService {
  private readonly cache = new Map<string, Promise<Installation[]>>();
  /** Bumped on every invalidation of a tenant: caches built on installations (the catalog) key on it. */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly registry: PluginRegistry,
  ) {}

  /** The tenant's installations (from memory after the first read). Pass `tx` when a unit of work is already open. */
  list(ctx: Pick<TenantCtx, 'tenant' | 'now' | 'stats' | 'log'>, tx?: Pick<TenantTx, 'sql'>): Promise<Installation[]> {
    const id = ctx.tenant.id;
    let hit = this.cache.get(id);
    if (!hit) {
      const load = (sql: Sql) => this.read(sql);
      hit = tx ? load(tx.sql) : this.uow.read({ tenant: ctx.tenant, now: ctx.now, log: ctx.log }, (t) => load(t.sql));
      hit.catch(() => this.cache.delete(id));
      this.cache.set(id, hit);
    }
    return hit;
  }

  /** Generation of a tenant's installations (changes whenever they may have). */
  generation(tenantId: string): number {
    return this.generations.get(tenantId) ?? 0;
  }

  private async read(sql: Sql): Promise<Installation[]> {
    const installs = await installationQueries.all(sql);
    const overlays = await installationQueries.overlays(sql);
    return installs.map((i) => ({
      plugin: i.plugin_id,
      version: i.version,
      contentHash: i.content_hash,
      installedAt: i.installed_at.toISOString(),
      updatedAt: i.updated_at.toISOString(),
      installedBy: i.installed_by,
      range: i.pin_range,
      policy: i.policy,
      held: i.held_version ? { version: i.held_version, at: i.held_at!.toISOString(), reason: i.held_reason ?? [] } : null,
      overlays: Object.fromEntries(overlays.filter((o) => o.plugin_id === i.plugin_id).map((o) => [o.service_code, o.overlay])),
    }));
  }

  heard(change: HeardChange): void {
    if (change.kind === 'everything') {
      for (const id of this.cache.keys()) this.forget(id);
    } else if (change.kind === 'installations' || change.kind === 'tenant') this.forget(change.tenantId);
  }

  private forget(tenantId: string): void {
    this.cache.delete(tenantId);
    this.generations.set(tenantId, this.generation(tenantId) + 1);
  }

  async get(ctx: TenantCtx, pluginId: string): Promise<Installation> {
    const found = (await this.list(ctx)).find((i) => i.plugin === pluginId);
    if (!found) throw notInstalled(ctx.tenant.slug, pluginId);
    return found;
  }

  /** The installed version of `plugin.service` with the tenant's overlay; SERVICE_NOT_FOUND when not offered. */
  async service(ctx: Pick<TenantCtx, 'tenant' | 'now' | 'stats' | 'log'>, serviceId: string): Promise<InstalledService> {
    const dot = serviceId.indexOf('.');
    const pluginId = dot < 0 ? serviceId : serviceId.slice(0, dot);
    const code = dot < 0 ? '' : serviceId.slice(dot + 1);
    const inst = (await this.list(ctx)).find((i) => i.plugin === pluginId);
    const found = inst && (await this.registry.service(pluginId, inst.version, code));
    if (!inst || !found) throw serviceNotFound(pluginId, code);
    return { ...found, overlay: inst.overlays[code] };
  }

  /** Marks the tenant's cached installations stale here at commit and, through the change feed, in every process. */
  private async changed(tx: TenantTx, t: Tenant): Promise<void> {
    await tx.changed({ kind: 'installations', tenantId: t.id });
    tx.afterCommit(() => this.forget(t.id));
  }

  /** One page of the tenant's installations, in plugin id order. */
  async page(ctx: TenantCtx, query: { limit?: number; cursor?: string }): Promise<PageOf<Installation>> {
    const req = pageRequest<[string]>(query, 1);
    const after = req.after?.[0];
    // Sorted and compared in one collation (JS code units), so the keyset is exact.
    const all = [...(await this.list(ctx))].sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0));
    const rows = all.filter((i) => after === undefined || i.plugin > after).slice(0, req.limit + 1);
    return pageOf(rows, req, (i) => [i.plugin]);
  }

  /** One installation with its ETag, read from the database (not the cache): a client compares it with what it will write. */
  async one(ctx: TenantCtx, pluginId: string): Promise<{ installation: Installation; etag: string }> {
    const found = await this.uow.read(ctx, async (tx) => (await this.read(tx.sql)).find((i) => i.plugin === pluginId));
    if (!found) throw notInstalled(ctx.tenant.slug, pluginId);
    return { installation: found, etag: installationTag(found) };
  }

  /**
   * Installs a plugin, or moves an installation to another version (explicit upgrade or rollback),
   * and sets its pin and policy. `version` pins exactly; `range` pins a semver range and installs
   * the highest published version in it (issue 23). Existing overlays must fit the target version,
   * else nothing changes (409). Drafts follow the move; submitted applications keep their version.
   * With `preconditions` (a request's), `If-Match` is honoured when sent (see checkOptional).
   */
  async install(
    ctx: TenantCtx,
    pluginId: string,
    pin: string | PinRequest,
    actor: string,
    opts: { tx?: TenantTx; preconditions?: Preconditions } = {},
  ): Promise<{ installation: Installation; action: 'installed' | 'upgraded' | 'downgraded' | 'unchanged' }> {
    const req: PinRequest = typeof pin === 'string' ? { version: pin } : pin;
    if (req.version !== undefined && req.range !== undefined) throw pinInvalid('/range', { id: 'Isi `version` atau `range`, bukan keduanya.', en: 'Give `version` or `range`, not both.' });
    if (req.range !== undefined && !semver.validRange(req.range)) throw pinInvalid('/range', { id: `Rentang versi "${req.range}" tidak sah (contoh: 2.0.x, ^2, ~2.1).`, en: `"${req.range}" is not a valid version range (e.g. 2.0.x, ^2, ~2.1).` });
    // A range resolves to the highest published version in it, now.
    let version = req.version;
    if (req.range !== undefined) {
      const published = (await this.registry.summary(pluginId)).versions.map((v) => v.version);
      version = semver.maxSatisfying(published, req.range) ?? undefined;
      if (!version) throw pinNoMatch(pluginId, req.range);
    }
    const target = version === undefined ? undefined : await this.registry.get(pluginId, version);
    const work = async (w: TenantTx) => {
      const current = await installationQueries.lockOne(w.sql, pluginId);
      if (opts.preconditions) {
        const before = current && (await this.read(w.sql)).find((i) => i.plugin === pluginId);
        checkOptional(opts.preconditions, before ? installationTag(before) : undefined);
      }
      if (!target && !current) throw pinInvalid('/version', { id: 'Plugin belum terpasang: sebutkan `version` atau `range`.', en: 'The plugin is not installed: give `version` or `range`.' });
      const range = req.range !== undefined ? req.range : req.version !== undefined ? null : (current?.pin_range ?? null);
      const policy = req.policy ?? (current?.policy as UpgradePolicy | undefined) ?? 'manual';
      let kind: 'installed' | 'upgraded' | 'downgraded' | 'unchanged' = 'unchanged';
      if (!current) {
        await installationQueries.insert(w.sql, { tenantId: ctx.tenant.id, pluginId, version: target!.version, contentHash: target!.contentHash, by: actor, now: ctx.now });
        kind = 'installed';
        await recordAudit(w, { actor, action: 'plugin.installed', subject: `plugin:${pluginId}`, data: { plugin: pluginId, from: null, to: target!.version, contentHash: target!.contentHash, range, policy } });
      } else if (target && current.version !== target.version) {
        const conflicts = await this.conflicts(w, pluginId, target.manifest);
        if (conflicts.length) throw upgradeConflict(target.version, conflicts);
        kind = semver.gt(target.version, current.version) ? 'upgraded' : 'downgraded';
        await this.moveInTx(w, ctx, pluginId, current.version, target.version, actor, { range, policy });
      }
      if (!current || current.pin_range !== range || current.policy !== policy) {
        await installationQueries.setPin(w.sql, { pluginId, range, policy });
        // A held upgrade was judged under the old pin and policy: the next run judges again.
        if (current?.held_version) await installationQueries.hold(w.sql, { pluginId, version: null, reason: null, now: null });
        if (current) await recordAudit(w, { actor, action: 'plugin.pin.set', subject: `plugin:${pluginId}`, data: { plugin: pluginId, version: target?.version ?? current.version, from: { range: current.pin_range, policy: current.policy }, to: { range, policy } } });
        await this.changed(w, ctx.tenant);
      }
      const installation = (await this.read(w.sql)).find((i) => i.plugin === pluginId)!;
      return { kind, installation };
    };
    const r = opts.tx ? await work(opts.tx) : await this.uow.write(ctx, work);
    return { installation: r.installation, action: r.kind };
  }

  /** Overlays of an installation the target manifest refuses (a service gone, or a key no longer overlayable). */
  private async conflicts(w: Pick<TenantTx, 'sql'>, pluginId: string, manifest: { services: ServiceDefinitionLike[] }): Promise<Conflict[]> {
    return (await installationQueries.overlays(w.sql, pluginId)).flatMap((o) => {
      const svc = manifest.services.find((s) => s.code === o.service_code);
      if (!svc) return [{ service: o.service_code, pointer: '', message: { id: 'Layanan tidak ada di versi tujuan.', en: 'The service is gone in the target version.' } }];
      return validateOverlay(svc as Parameters<typeof validateOverlay>[0], o.overlay).map((i) => ({ service: o.service_code, pointer: i.pointer, message: i.message }));
    });
  }

  /**
   * Moves a locked installation from `from` to `to` (overlays already checked): the pin, any held
   * upgrade cleared, the drafts of every service the target still has moved with what they now
   * need against the version they started on, one audit event, a change notice.
   */
  private async moveInTx(w: TenantTx, ctx: TenantCtx, pluginId: string, from: string, to: string, actor: string, extra: Record<string, unknown>): Promise<void> {
    const next = await this.registry.get(pluginId, to);
    await installationQueries.move(w.sql, { pluginId, version: to, contentHash: next.contentHash, now: ctx.now });
    await installationQueries.hold(w.sql, { pluginId, version: null, reason: null, now: null });
    // Drafts follow, each measured against the version it started on (so two moves in a row lose nothing it must still add).
    const drafts: Record<string, number> = {};
    for (const origin of await installationQueries.draftOrigins(w.sql, pluginId, to)) {
      const old = await this.registry.get(pluginId, origin);
      for (const svc of next.manifest.services) {
        const before = old.manifest.services.find((s) => s.code === svc.code);
        const change: VersionChange | null = origin === to ? null : { from: origin, to, at: ctx.now.toISOString(), ...newlyRequired(before, svc) };
        const moved = await installationQueries.moveDrafts(w.sql, { pluginId, serviceCode: svc.code, origin, version: to, contentHash: next.contentHash, change, now: ctx.now });
        if (moved) drafts[svc.code] = (drafts[svc.code] ?? 0) + moved;
      }
    }
    const kind = semver.gt(to, from) ? 'upgraded' : 'downgraded';
    await recordAudit(w, { actor, action: `plugin.${kind}`, subject: `plugin:${pluginId}`, data: { plugin: pluginId, from, to, contentHash: next.contentHash, draftsMoved: drafts, ...extra } });
    await this.changed(w, ctx.tenant);
  }

  /**
   * Applies the tenant's auto-upgrade policies (the `installations.versions` job, off the request
   * path): each installation whose policy and range admit a newer published version moves to the
   * highest one, unless an overlay no longer fits, in which case the upgrade is held back with the
   * reason (once per version: running again changes nothing). Idempotent.
   */
  async autoUpgrade(ctx: TenantCtx, published: (pluginId: string) => Promise<string[]>): Promise<{ upgraded: string[]; held: string[] }> {
    const upgraded: string[] = [];
    const held: string[] = [];
    for (const inst of await this.list(ctx)) {
      if (inst.policy === 'manual') continue;
      const target = bestAdmitted(inst.policy, inst.version, inst.range, await published(inst.plugin));
      if (!target) continue;
      const manifest = (await this.registry.get(inst.plugin, target)).manifest;
      const r = await this.uow.write(ctx, async (w) => {
        const current = await installationQueries.lockOne(w.sql, inst.plugin);
        // Re-checked under the lock: another run or an admin may have moved it.
        if (!current || !admits(current.policy as UpgradePolicy, current.version, target, current.pin_range)) return 'none' as const;
        const conflicts = await this.conflicts(w, inst.plugin, manifest);
        if (conflicts.length) {
          if (current.held_version === target) return 'held' as const;
          const reason = conflicts.map((c) => ({ pointer: `/overlays/${c.service}${c.pointer}`, message: c.message }));
          await installationQueries.hold(w.sql, { pluginId: inst.plugin, version: target, reason, now: ctx.now });
          await recordAudit(w, { actor: AUTO_UPGRADE_ACTOR, action: 'plugin.upgrade.held', subject: `plugin:${inst.plugin}`, data: { plugin: inst.plugin, from: current.version, to: target, policy: current.policy, range: current.pin_range, reason } });
          await this.changed(w, ctx.tenant);
          return 'held' as const;
        }
        await this.moveInTx(w, ctx, inst.plugin, current.version, target, AUTO_UPGRADE_ACTOR, { policy: current.policy, range: current.pin_range, automatic: true });
        return 'upgraded' as const;
      });
      if (r === 'upgraded') upgraded.push(`${inst.plugin}@${target}`);
      if (r === 'held') held.push(`${inst.plugin}@${target}`);
    }
    return { upgraded, held };
  }

  /**
   * What moving to `to` would change (default: the highest version the pin and policy admit, else
   * the latest): per service the newly required documents and fields, the drafts that would move
   * and the submitted applications that keep their version, and overlays the target refuses.
   */
  async preview(ctx: TenantCtx, pluginId: string, to?: string): Promise<UpgradePreview> {
    const { installation } = await this.one(ctx, pluginId);
    const published = (await this.registry.summary(pluginId)).versions.map((v) => v.version);
    const target = to ?? bestAdmitted(installation.policy === 'manual' ? 'minor' : installation.policy, installation.version, installation.range, published) ?? semver.maxSatisfying(published, '*') ?? installation.version;
    const [old, next] = await Promise.all([this.registry.get(pluginId, installation.version), this.registry.get(pluginId, target)]);
    return this.uow.read(ctx, async (tx) => {
      const counts = await installationQueries.counts(tx.sql, pluginId);
      const conflicts = await this.conflicts(tx, pluginId, next.manifest);
      const codes = [...new Set([...old.manifest.services.map((s) => s.code), ...next.manifest.services.map((s) => s.code)])].sort();
      const services = codes.map((code) => {
        const before = old.manifest.services.find((s) => s.code === code);
        const after = next.manifest.services.find((s) => s.code === code);
        const n = counts.find((c) => c.service_code === code);
        const req = after ? newlyRequired(before, after) : { documents: [], fields: [] };
        const change = !before ? 'added' : !after ? 'removed' : JSON.stringify(before) === JSON.stringify(after) ? 'unchanged' : 'changed';
        return { code, change: change as 'added' | 'removed' | 'changed' | 'unchanged', newlyRequiredDocuments: req.documents, newlyRequiredFields: req.fields, drafts: n?.drafts ?? 0, inFlight: n?.in_flight ?? 0 };
      });
      return {
        plugin: pluginId,
        from: installation.version,
        to: target,
        services,
        drafts: services.reduce((a, s) => a + s.drafts, 0),
        inFlight: services.reduce((a, s) => a + s.inFlight, 0),
        overlayConflicts: conflicts.map((c) => ({ pointer: `/overlays/${c.service}${c.pointer}`, message: c.message })),
        rule: DRAFT_RULE,
      };
    });
  }

  /** Uninstalls a plugin (its overlays and published standards go with it). `If-Match` is honoured when sent. */
  async uninstall(ctx: TenantCtx, pluginId: string, actor: string, preconditions?: Preconditions): Promise<void> {
    await this.uow.write(ctx, async (tx) => {
      const current = await installationQueries.lockOne(tx.sql, pluginId);
      if (!current) throw notInstalled(ctx.tenant.slug, pluginId);
      if (preconditions) checkOptional(preconditions, installationTag((await this.read(tx.sql)).find((i) => i.plugin === pluginId)!));
      await installationQueries.delete(tx.sql, pluginId);
      await recordAudit(tx, { actor, action: 'plugin.uninstalled', subject: `plugin:${pluginId}`, data: { plugin: pluginId, from: current.version, to: null } });
      await this.changed(tx, ctx.tenant);
    });
  }

  /** The overlay of one service with its ETag; OVERLAY_NOT_SET when the regency has none. */
  async overlay(ctx: TenantCtx, pluginId: string, serviceCode: string): Promise<{ overlay: ServiceOverlay; etag: string }> {
    return this.uow.read(ctx, async (tx) => {
      const inst = (await this.read(tx.sql)).find((i) => i.plugin === pluginId);
      if (!inst) throw notInstalled(ctx.tenant.slug, pluginId);
      if (!(await this.registry.service(pluginId, inst.version, serviceCode))) throw serviceNotFound(pluginId, serviceCode);
      const row = await installationQueries.overlay(tx.sql, pluginId, serviceCode);
      if (!row) throw overlayNotSet(pluginId, serviceCode);
      return { overlay: row.overlay, etag: overlayTag(row) };
    });
  }

  /**
   * Sets (replaces) the overlay of one service; only what the plugin declares overlayable. The
   * installation row is locked first, so the overlay is checked against the version that stays
   * pinned, and a version move never checks overlays that are changing under it. With
   * `preconditions` (a request's), replacing needs the ETag read (428/412), creating none. The
   * overlay is checked here too (the CLI and the seed reach this without the HTTP layer).
   */
  async setOverlay(ctx: TenantCtx, pluginId: string, serviceCode: string, overlay: unknown, actor: string, preconditions?: Preconditions): Promise<{ overlay: ServiceOverlay; etag: string }> {
    // The manifest is read before any row is locked (a registry miss goes to the control plane).
    const cached = (await this.list(ctx)).find((i) => i.plugin === pluginId);
    const expected = cached && (await this.registry.get(pluginId, cached.version));
    return this.uow.write(ctx, async (tx) => {
      const inst = await installationQueries.lockOne(tx.sql, pluginId);
      if (!inst) throw notInstalled(ctx.tenant.slug, pluginId);
      const manifest = expected?.version === inst.version ? expected.manifest : (await this.registry.get(pluginId, inst.version)).manifest;
      const svc = manifest.services.find((s) => s.code === serviceCode);
      if (!svc) throw serviceNotFound(pluginId, serviceCode);
      const before = await installationQueries.overlay(tx.sql, pluginId, serviceCode, true);
      if (preconditions) checkPreconditions(preconditions, before ? overlayTag(before) : undefined);
      const issues = validateOverlay(svc, overlay);
      if (issues.length) throw overlayInvalid(issues);
      const write = { tenantId: ctx.tenant.id, pluginId, serviceCode, overlay, by: actor, now: ctx.now };
      let row = before ? await installationQueries.replaceOverlay(tx.sql, write) : await installationQueries.createOverlay(tx.sql, write);
      if (!row) {
        // Created by someone else since we looked: a request that expected none fails; the platform's own writes replace it.
        if (preconditions) throw preconditionFailed();
        row = await installationQueries.replaceOverlay(tx.sql, write);
      }
      await recordAudit(tx, { actor, action: 'plugin.overlay.set', subject: `service:${pluginId}.${serviceCode}`, data: { plugin: pluginId, service: serviceCode, version: inst.version, from: before?.overlay ?? null, to: overlay } });
      await this.changed(tx, ctx.tenant);
      return { overlay: row.overlay, etag: overlayTag(row) };
    });
  }

  /** One page of the installation history of one plugin (its installs, moves, overlays and standards, from the audit trail), newest first. */
  async history(ctx: TenantCtx, pluginId: string, query: { limit?: number; cursor?: string } = {}): Promise<PageOf<InstallationEvent>> {
    const req = pageRequest<[string, string]>(query, 2);
    // A forged key is refused here, not by the database.
    if (req.after && !(TIMESTAMP.test(String(req.after[0])) && UUID.test(String(req.after[1])))) throw cursorInvalid();
    const rows = await this.uow.read(ctx, (tx) => installationQueries.history(tx.sql, pluginId, req.after, req.limit + 1));
    return pageOf(
      rows,
      req,
      (r) => [r.page_at, r.id],
      (r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, subject: r.subject, data: r.data }),
    );
  }
}
