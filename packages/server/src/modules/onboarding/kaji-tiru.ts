import type { Tenant } from '@satupintu/core';
import { recordAudit, type UnitOfWork } from '@satupintu/db';
import { actorOf, type TenantCtx, type UserCtx } from '../../context.js';
import type { InstallationService } from '../installations/index.js';
import type { KajiTiru, PopulateTenant, TenantService } from '../tenants/index.js';
import { noModelTenant } from './errors.js';
import { kajiTiruQueries } from './queries.js';
import { recordsIn } from './records.js';
import { driftOf, type Drift, type ModelSnapshot } from './rules.js';

export interface KajiTiruTemplate {
  maklumat: string | null;
  agencies: ModelSnapshot['agencies'];
}

export type DriftReport = Drift & { tenant: string; model: string };

/**
 * Kaji tiru: a new regency starts as a copy of a role model's configuration (never its
 * citizens' data), sees how far it has drifted since, and takes the model's upgrades. Implements
 * the tenant directory's `KajiTiru` port, so tenant creation can copy without knowing onboarding.
 */
export class KajiTiruService implements KajiTiru {
  constructor(
    private readonly d: {
      uow: UnitOfWork;
      tenants: Pick<TenantService, 'get'>;
      installations: InstallationService;
    },
  ) {}

  /** What a tenant is made of: installations, overlays, agencies and maklumat, in one read. */
  snapshot(ctx: TenantCtx): Promise<ModelSnapshot> {
    return this.d.uow.read(ctx, async (tx) => {
      const installs = await this.d.installations.list(ctx, tx);
      const agencies = await recordsIn.agencies(tx.sql);
      const maklumat = await recordsIn.maklumat(tx.sql);
      return {
        installations: installs.map((i) => ({ plugin: i.plugin, version: i.version, contentHash: i.contentHash })),
        overlays: installs.flatMap((i) => Object.entries(i.overlays).map(([service, overlay]) => ({ plugin: i.plugin, service, overlay }))),
        agencies: agencies.map((a) => ({ agencyCode: a.agencyCode, agencyName: a.name, plannedServices: a.plannedServices })),
        maklumat: maklumat ? { text: maklumat.text } : null,
      };
    });
  }

  /**
   * The copy of a role model, run inside the new tenant's regional transaction: the model's
   * plugins at the model's versions and its overlays (counters, schedules, hours, local
   * components). Its agency list (the MoUs are the new regency's to sign) and its maklumat come
   * back as a template.
   */
  async plan(ctx: UserCtx, model: Tenant): Promise<{ populate: PopulateTenant; template: KajiTiruTemplate }> {
    const snap = await this.snapshot({ ...ctx, tenant: model });
    const actor = actorOf(ctx);
    const populate: PopulateTenant = async (tx, tenant) => {
      for (const i of snap.installations)
        await kajiTiruQueries.install(tx.sql, { tenantId: tenant.id, pluginId: i.plugin, version: i.version, contentHash: i.contentHash, by: actor, now: tx.now });
      for (const o of snap.overlays)
        await kajiTiruQueries.overlay(tx.sql, { tenantId: tenant.id, pluginId: o.plugin, serviceCode: o.service, overlay: o.overlay, by: actor, now: tx.now });
      await recordAudit(tx, {
        actor,
        action: 'tenant.kaji-tiru',
        subject: `tenant:${tenant.id}`,
        data: { model: model.slug, plugins: snap.installations.map((i) => `${i.plugin}@${i.version}`), overlays: snap.overlays.length },
      });
    };
    return { populate, template: { maklumat: snap.maklumat?.text ?? null, agencies: snap.agencies } };
  }

  private async model(ctx: TenantCtx): Promise<Tenant> {
    if (!ctx.tenant.modelTenant) throw noModelTenant(ctx.tenant.slug);
    return this.d.tenants.get(ctx.tenant.modelTenant);
  }

  /** How far the tenant has drifted from its role model: plugins, versions, overlays, maklumat. */
  async drift(ctx: TenantCtx): Promise<DriftReport> {
    const model = await this.model(ctx);
    // One read after the other: two transactions of one context are never open at once.
    const mine = await this.snapshot(ctx);
    const theirs = await this.snapshot({ ...ctx, tenant: model });
    return { tenant: ctx.tenant.slug, model: model.slug, ...driftOf(mine, theirs) };
  }

  /**
   * Takes the model's upgrades: moves the given (default: every) behind or missing plugin to the
   * model's version through the normal install path, all in one unit of work (an overlay that
   * does not fit the target refuses the whole adoption, 409 OVERLAY_CONFLICT).
   */
  async adopt(ctx: TenantCtx, plugins: string[] | undefined, actor: string) {
    const before = await this.drift(ctx);
    const take = before.upgradesAvailable.filter((u) => !plugins || plugins.includes(u.plugin));
    const taken = await this.d.uow.write(ctx, async (tx) => {
      const out: { plugin: string; from: string | null; to: string; action: 'installed' | 'upgraded' | 'downgraded' | 'unchanged' }[] = [];
      for (const u of take) out.push({ plugin: u.plugin, from: u.from, to: u.to, action: (await this.d.installations.install(ctx, u.plugin, u.to, actor, { tx })).action });
      return out;
    });
    return { taken, drift: taken.length ? await this.drift(ctx) : before };
  }
}
