import { SERVING_STATUSES, daysBetween, type MppStatus, type Tenant } from '@satupintu/core';
import { recordAudit, type TenantTx, type UnitOfWork } from '@satupintu/db';
import type { TenantCtx } from '../../context.js';
import { preconditionFailed } from '../../http/problems.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, type Preconditions } from '../../preconditions.js';
import { notInstalled, serviceNotFound, versionTag, type InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { standardIncomplete, standardNotPublished } from './errors.js';
import type { LifecycleService } from './lifecycle.js';
import { standardQueries, type StandardRow } from './queries.js';
import { publicMaklumat, recordsIn } from './records.js';
import { checklistOf, servicesReadiness, type ChecklistCounts, type ServiceReadiness } from './rules.js';
import type { Checklist, PublishedStandard } from './schemas.js';

export type { Checklist, PublishedStandard };

/** The checklist figures the national rollup publishes (counts only). */
export interface Readiness {
  done: number;
  total: number;
  counts: ChecklistCounts;
}

/** What the monitoring rollup needs of onboarding: the readiness counted inside its open unit of work. */
export interface ReadinessSource {
  readinessIn(tx: Pick<TenantTx, 'sql'>, ctx: TenantCtx): Promise<Readiness>;
}

const standardOf = (r: StandardRow): PublishedStandard => ({
  service: `${r.plugin_id}.${r.service_code}`,
  skNumber: r.sk_number,
  skDate: r.sk_date,
  pluginVersion: r.plugin_version,
  publishedAt: r.published_at.toISOString(),
  publishedBy: r.published_by,
});
const standardTag = (r: StandardRow) => versionTag(r.version, standardOf(r));

function splitService(id: string): [string, string] {
  const dot = id.indexOf('.');
  return dot < 0 ? [id, ''] : [id.slice(0, dot), id.slice(dot + 1)];
}

/**
 * Standar pelayanan per installed service (the 14 components from the plugin version and the
 * tenant's overlay, and the formal publication with its SK) and the onboarding checklist built
 * on them. Publication is refused unless every component is filled.
 */
export class StandardsService implements ReadinessSource {
  constructor(
    private readonly d: {
      uow: UnitOfWork;
      registry: PluginRegistry;
      installations: InstallationService;
      tenants: Pick<TenantService, 'get'>;
      lifecycle: Pick<LifecycleService, 'history' | 'today'>;
    },
  ) {}

  /** Every installed service with its counter, the completeness of its 14 components and its SK, inside an open unit of work. */
  async servicesIn(tx: Pick<TenantTx, 'sql'>, ctx: TenantCtx): Promise<ServiceReadiness[]> {
    const installs = await this.d.installations.list(ctx, tx);
    const published = (await standardQueries.all(tx.sql)).map((r) => ({
      pluginId: r.plugin_id,
      serviceCode: r.service_code,
      pluginVersion: r.plugin_version,
      skNumber: r.sk_number,
      skDate: r.sk_date,
      publishedBy: r.published_by,
      publishedAt: r.published_at,
    }));
    const out: ServiceReadiness[] = [];
    for (const i of installs) out.push(...servicesReadiness(i, (await this.d.registry.get(i.plugin, i.version)).manifest, published));
    return out;
  }

  services(ctx: TenantCtx): Promise<ServiceReadiness[]> {
    return this.d.uow.read(ctx, (tx) => this.servicesIn(tx, ctx));
  }

  /** One page of the installed services' readiness, in service id order (computed from the installations: sorted and compared in one collation). */
  async page(ctx: TenantCtx, query: { limit?: number; cursor?: string }): Promise<PageOf<ServiceReadiness>> {
    const req = pageRequest<[string]>(query, 1);
    const after = req.after?.[0];
    const all = (await this.services(ctx)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return pageOf(
      all.filter((s) => after === undefined || s.id > after).slice(0, req.limit + 1),
      req,
      (s) => [s.id],
    );
  }

  /** A service's published standard with its ETag; STANDARD_NOT_PUBLISHED when there is none. */
  async get(ctx: TenantCtx, serviceId: string): Promise<{ standard: PublishedStandard; etag: string }> {
    const [plugin, code] = splitService(serviceId);
    const row = await this.d.uow.read(ctx, (tx) => standardQueries.one(tx.sql, plugin, code));
    if (!row) throw standardNotPublished(serviceId);
    return { standard: standardOf(row), etag: standardTag(row) };
  }

  /**
   * Formally sets (publishes) a service's standar pelayanan with its SK. Refused, with the list of
   * what is missing, unless all 14 components are filled for this tenant (plugin + overlay). With
   * `pre` (a request's): publishing again needs the ETag read (428/412), the first publication none.
   */
  publish(ctx: TenantCtx, serviceId: string, input: { skNumber: string; skDate: string }, actor: string, pre?: Preconditions): Promise<{ standard: PublishedStandard; etag: string }> {
    const [plugin, code] = splitService(serviceId);
    return this.d.uow.write(ctx, async (tx) => {
      const svc = (await this.servicesIn(tx, ctx)).find((s) => s.id === serviceId);
      if (!svc) throw (await this.d.installations.list(ctx, tx)).some((i) => i.plugin === plugin) ? serviceNotFound(plugin, code) : notInstalled(ctx.tenant.slug, plugin);
      const before = await standardQueries.one(tx.sql, plugin, code, true);
      if (pre) checkPreconditions(pre, before && standardTag(before));
      if (!svc.standardComplete) throw standardIncomplete(serviceId, svc.missing);
      const write = { tenantId: ctx.tenant.id, pluginId: plugin, serviceCode: code, version: svc.version, ...input, by: actor, now: ctx.now };
      let row = before ? await standardQueries.replace(tx.sql, write) : await standardQueries.create(tx.sql, write);
      if (!row) {
        if (pre) throw preconditionFailed();
        row = await standardQueries.replace(tx.sql, write);
      }
      await recordAudit(tx, { actor, action: 'standard.published', subject: `service:${serviceId}`, data: { ...input, version: svc.version } });
      return { standard: standardOf(row), etag: standardTag(row) };
    });
  }

  /** Withdraws a published standard. With `pre` (a request's), If-Match is required (428/412): withdrawing undoes a decree. */
  async withdraw(ctx: TenantCtx, serviceId: string, actor: string, pre?: Preconditions): Promise<void> {
    const [plugin, code] = splitService(serviceId);
    await this.d.uow.write(ctx, async (tx) => {
      const before = await standardQueries.one(tx.sql, plugin, code, true);
      if (!before) throw standardNotPublished(serviceId);
      if (pre) checkPreconditions(pre, standardTag(before));
      await standardQueries.withdraw(tx.sql, plugin, code);
      await recordAudit(tx, { actor, action: 'standard.withdrawn', subject: `service:${serviceId}`, data: {} });
    });
  }

  private async partsIn(tx: Pick<TenantTx, 'sql'>, ctx: TenantCtx) {
    return { services: await this.servicesIn(tx, ctx), agencies: await recordsIn.agencies(tx.sql), maklumat: await recordsIn.maklumat(tx.sql), decrees: await recordsIn.decrees(tx.sql) };
  }

  /** The checklist counts inside an open unit of work (the monitoring rollup's snapshot). */
  async readinessIn(tx: Pick<TenantTx, 'sql'>, ctx: TenantCtx): Promise<Readiness> {
    const { items, counts } = checklistOf(ctx.tenant, await this.partsIn(tx, ctx));
    return { done: items.filter((i) => i.done).length, total: items.length, counts };
  }

  /** The onboarding checklist of the context's tenant, against its deadline as of `ctx.now`. */
  async checklist(ctx: TenantCtx): Promise<Checklist> {
    const t: Tenant = ctx.tenant;
    const parts = await this.d.uow.read(ctx, (tx) => this.partsIn(tx, ctx));
    const { items, counts } = checklistOf(t, parts);
    const today = this.d.lifecycle.today(ctx);
    let maklumatTemplate: string | null = null;
    if (!parts.maklumat && t.modelTenant) {
      // Kaji tiru: until the regency publishes its own, the model's maklumat is offered as a template.
      const model = await this.d.tenants.get(t.modelTenant);
      maklumatTemplate = (await this.d.uow.read({ ...ctx, tenant: model }, (tx) => recordsIn.maklumat(tx.sql)))?.text ?? null;
    }
    return {
      tenant: t.slug,
      status: t.mppStatus,
      committedOn: t.committedOn,
      deadline: t.deadline,
      daysToDeadline: t.deadline ? daysBetween(today, t.deadline) : null,
      deadlineMet: t.deadline ? (t.launchedOn ? t.launchedOn <= t.deadline : null) : null,
      serving: SERVING_STATUSES.includes(t.mppStatus),
      launchedOn: t.launchedOn,
      inauguratedOn: t.inauguratedOn,
      progress: items.filter((i) => i.done).length / items.length,
      items,
      counts,
      services: parts.services,
      agencies: parts.agencies,
      maklumat: parts.maklumat && publicMaklumat(parts.maklumat),
      maklumatTemplate,
      decrees: parts.decrees,
      history: await this.d.lifecycle.history(ctx),
    };
  }
}
