import semver from 'semver';
import type { Tenant } from '@satupintu/core';
import { AuditEventEntity, PluginInstallationEntity, ServiceOverlayEntity, recordAudit, withTenant, type Databases } from '@satupintu/db';
import { validateOverlay, type ServiceOverlay } from '@satupintu/plugin-sdk';
import type { PluginRegistry } from '../plugins/service.js';
import { notInstalled, overlayInvalid, serviceNotFound, upgradeConflict } from './errors.js';

export interface Installation {
  plugin: string;
  version: string;
  contentHash: string;
  installedAt: string;
  updatedAt: string;
  installedBy: string;
  overlays: Record<string, ServiceOverlay>;
}

/**
 * What a tenant runs: pinned plugin versions and per-service overlays, in the tenant's home region
 * under its RLS context. Every change is an audit event with who, when and from/to.
 */
export class InstallationService {
  constructor(
    private readonly dbs: Databases,
    private readonly registry: PluginRegistry,
  ) {}

  private region(t: Tenant) {
    return this.dbs.region(t.homeRegion);
  }

  async list(t: Tenant): Promise<Installation[]> {
    return withTenant(this.region(t), t.id, async (em) => {
      const installs = await em.getRepository(PluginInstallationEntity).find({ order: { pluginId: 'ASC' } });
      const overlays = await em.getRepository(ServiceOverlayEntity).find();
      return installs.map((i) => ({
        plugin: i.pluginId,
        version: i.version,
        contentHash: i.contentHash,
        installedAt: i.installedAt.toISOString(),
        updatedAt: i.updatedAt.toISOString(),
        installedBy: i.installedBy,
        overlays: Object.fromEntries(overlays.filter((o) => o.pluginId === i.pluginId).map((o) => [o.serviceCode, o.overlay as ServiceOverlay])),
      }));
    });
  }

  /**
   * Installs `plugin@version`, or moves an installation to another version (explicit upgrade or
   * rollback). Existing overlays must fit the target version, else nothing changes (409).
   */
  async install(t: Tenant, pluginId: string, version: string, actor: string): Promise<{ installation: Installation; action: 'installed' | 'upgraded' | 'downgraded' | 'unchanged' }> {
    const target = await this.registry.get(pluginId, version);
    const action = await withTenant(this.region(t), t.id, async (em) => {
      const repo = em.getRepository(PluginInstallationEntity);
      const current = await repo.findOne({ where: { pluginId }, lock: { mode: 'pessimistic_write' } });
      if (current?.version === version) return 'unchanged' as const;
      if (current) {
        const overlays = await em.getRepository(ServiceOverlayEntity).findBy({ pluginId });
        const conflicts = overlays.flatMap((o) => {
          const svc = target.manifest.services.find((s) => s.code === o.serviceCode);
          if (!svc) return [{ service: o.serviceCode, pointer: '', message: { id: 'Layanan tidak ada di versi tujuan.', en: 'The service is gone in the target version.' } }];
          return validateOverlay(svc, o.overlay).map((i) => ({ service: o.serviceCode, pointer: i.pointer, message: i.message }));
        });
        if (conflicts.length) throw upgradeConflict(version, conflicts);
        await repo.update({ tenantId: t.id, pluginId }, { version, contentHash: target.contentHash });
      } else {
        await repo.insert({ tenantId: t.id, pluginId, version, contentHash: target.contentHash, installedBy: actor });
      }
      const kind = !current ? 'installed' : semver.gt(version, current.version) ? 'upgraded' : 'downgraded';
      await recordAudit(em, {
        tenantId: t.id,
        actor,
        action: `plugin.${kind}`,
        subject: `plugin:${pluginId}`,
        data: { plugin: pluginId, from: current?.version ?? null, to: version, contentHash: target.contentHash },
      });
      return kind;
    });
    return { installation: await this.get(t, pluginId), action };
  }

  async get(t: Tenant, pluginId: string): Promise<Installation> {
    const found = (await this.list(t)).find((i) => i.plugin === pluginId);
    if (!found) throw notInstalled(t.slug, pluginId);
    return found;
  }

  async uninstall(t: Tenant, pluginId: string, actor: string): Promise<void> {
    await withTenant(this.region(t), t.id, async (em) => {
      const current = await em.getRepository(PluginInstallationEntity).findOneBy({ pluginId });
      if (!current) throw notInstalled(t.slug, pluginId);
      await em.getRepository(PluginInstallationEntity).delete({ tenantId: t.id, pluginId });
      await recordAudit(em, {
        tenantId: t.id,
        actor,
        action: 'plugin.uninstalled',
        subject: `plugin:${pluginId}`,
        data: { plugin: pluginId, from: current.version, to: null },
      });
    });
  }

  /** Sets (replaces) the overlay of one service; only what the plugin declares overlayable. */
  async setOverlay(t: Tenant, pluginId: string, serviceCode: string, overlay: unknown, actor: string): Promise<ServiceOverlay> {
    const inst = await this.get(t, pluginId);
    const { manifest } = await this.registry.get(pluginId, inst.version);
    const svc = manifest.services.find((s) => s.code === serviceCode);
    if (!svc) throw serviceNotFound(pluginId, serviceCode);
    const issues = validateOverlay(svc, overlay);
    if (issues.length) throw overlayInvalid(issues);
    await withTenant(this.region(t), t.id, async (em) => {
      const repo = em.getRepository(ServiceOverlayEntity);
      const before = await repo.findOneBy({ pluginId, serviceCode });
      await em.query(
        `insert into service_overlays (tenant_id, plugin_id, service_code, overlay, updated_by) values ($1, $2, $3, $4, $5)
         on conflict (tenant_id, plugin_id, service_code) do update set overlay = excluded.overlay, updated_by = excluded.updated_by, updated_at = now()`,
        [t.id, pluginId, serviceCode, JSON.stringify(overlay), actor],
      );
      await recordAudit(em, {
        tenantId: t.id,
        actor,
        action: 'plugin.overlay.set',
        subject: `service:${pluginId}.${serviceCode}`,
        data: { plugin: pluginId, service: serviceCode, version: inst.version, from: before?.overlay ?? null, to: overlay },
      });
    });
    return overlay as ServiceOverlay;
  }

  /** Installation history of one plugin (from the audit trail), newest first. */
  async history(t: Tenant, pluginId: string) {
    return withTenant(this.region(t), t.id, async (em) => {
      const rows = await em
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.subject = :p or e.subject like :s', { p: `plugin:${pluginId}`, s: `service:${pluginId}.%` })
        .orderBy('e.at', 'DESC')
        .addOrderBy('e.id', 'DESC')
        .getMany();
      return rows.map((r) => ({ at: r.at.toISOString(), actor: r.actor, action: r.action, data: r.data }));
    });
  }
}
