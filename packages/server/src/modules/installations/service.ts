import semver from 'semver';
import type { Tenant } from '@satupintu/core';
import { recordAudit, type HeardChange, type Sql, type TenantTx, type UnitOfWork } from '@satupintu/db';
import { validateOverlay, type ServiceOverlay } from '@satupintu/plugin-sdk';
import type { Ctx, TenantCtx } from '../../context.js';
import type { PluginRegistry, ServiceVersion } from '../plugins/index.js';
import { auditQueries } from '../audit/index.js';
import { notInstalled, overlayInvalid, serviceNotFound, upgradeConflict } from './errors.js';
import { installationQueries } from './queries.js';

export interface Installation {
  plugin: string;
  version: string;
  contentHash: string;
  installedAt: string;
  updatedAt: string;
  installedBy: string;
  overlays: Record<string, ServiceOverlay>;
}

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

  /**
   * Installs `plugin@version`, or moves an installation to another version (explicit upgrade or
   * rollback). Existing overlays must fit the target version, else nothing changes (409).
   */
  async install(ctx: TenantCtx, pluginId: string, version: string, actor: string, tx?: TenantTx): Promise<{ installation: Installation; action: 'installed' | 'upgraded' | 'downgraded' | 'unchanged' }> {
    const target = await this.registry.get(pluginId, version);
    const work = async (w: TenantTx) => {
      const current = await installationQueries.lockOne(w.sql, pluginId);
      if (current?.version === version) return { kind: 'unchanged' as const, installation: (await this.read(w.sql)).find((i) => i.plugin === pluginId)! };
      if (current) {
        const conflicts = (await installationQueries.overlays(w.sql, pluginId)).flatMap((o) => {
          const svc = target.manifest.services.find((s) => s.code === o.service_code);
          if (!svc) return [{ service: o.service_code, pointer: '', message: { id: 'Layanan tidak ada di versi tujuan.', en: 'The service is gone in the target version.' } }];
          return validateOverlay(svc, o.overlay).map((i) => ({ service: o.service_code, pointer: i.pointer, message: i.message }));
        });
        if (conflicts.length) throw upgradeConflict(version, conflicts);
        await installationQueries.move(w.sql, { pluginId, version, contentHash: target.contentHash, now: ctx.now });
      } else {
        await installationQueries.insert(w.sql, { tenantId: ctx.tenant.id, pluginId, version, contentHash: target.contentHash, by: actor, now: ctx.now });
      }
      const kind: 'installed' | 'upgraded' | 'downgraded' = !current ? 'installed' : semver.gt(version, current.version) ? 'upgraded' : 'downgraded';
      await recordAudit(w, { actor, action: `plugin.${kind}`, subject: `plugin:${pluginId}`, data: { plugin: pluginId, from: current?.version ?? null, to: version, contentHash: target.contentHash } });
      await this.changed(w, ctx.tenant);
      const installation = (await this.read(w.sql)).find((i) => i.plugin === pluginId)!;
      return { kind, installation };
    };
    const r = tx ? await work(tx) : await this.uow.write(ctx, work);
    return { installation: r.installation, action: r.kind };
  }

  async uninstall(ctx: TenantCtx, pluginId: string, actor: string): Promise<void> {
    await this.uow.write(ctx, async (tx) => {
      const current = await installationQueries.lockOne(tx.sql, pluginId);
      if (!current) throw notInstalled(ctx.tenant.slug, pluginId);
      await installationQueries.delete(tx.sql, pluginId);
      await recordAudit(tx, { actor, action: 'plugin.uninstalled', subject: `plugin:${pluginId}`, data: { plugin: pluginId, from: current.version, to: null } });
      await this.changed(tx, ctx.tenant);
    });
  }

  /** Sets (replaces) the overlay of one service; only what the plugin declares overlayable. */
  async setOverlay(ctx: TenantCtx, pluginId: string, serviceCode: string, overlay: unknown, actor: string): Promise<ServiceOverlay> {
    const inst = await this.get(ctx, pluginId);
    const { manifest } = await this.registry.get(pluginId, inst.version);
    const svc = manifest.services.find((s) => s.code === serviceCode);
    if (!svc) throw serviceNotFound(pluginId, serviceCode);
    const issues = validateOverlay(svc, overlay);
    if (issues.length) throw overlayInvalid(issues);
    await this.uow.write(ctx, async (tx) => {
      const before = await installationQueries.overlay(tx.sql, pluginId, serviceCode);
      await installationQueries.setOverlay(tx.sql, { tenantId: ctx.tenant.id, pluginId, serviceCode, overlay, by: actor, now: ctx.now });
      await recordAudit(tx, { actor, action: 'plugin.overlay.set', subject: `service:${pluginId}.${serviceCode}`, data: { plugin: pluginId, service: serviceCode, version: inst.version, from: before?.overlay ?? null, to: overlay } });
      await this.changed(tx, ctx.tenant);
    });
    return overlay as ServiceOverlay;
  }

  /** Installation history of one plugin (from the audit trail), newest first. */
  async history(ctx: TenantCtx & Ctx, pluginId: string) {
    const rows = await this.uow.read(ctx, (tx) => auditQueries.bySubject(tx.sql, `plugin:${pluginId}`, `service:${pluginId}.`));
    return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, action: r.action, data: r.data }));
  }
}
