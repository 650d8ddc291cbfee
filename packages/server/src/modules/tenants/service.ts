import { commitmentDeadline, findRegency, localDate, newId, type MppStatus, type Tenant } from '@satupintu/core';
import { recordAudit, violatedConstraint, type TenantTx, type UnitOfWork, type Sql } from '@satupintu/db';
import { actorOf, type Ctx, type UserCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import { codeTaken, committedButProposed, originInvalid, regionCodeUnknown, regionUnknown, slugTaken, tenantNotFound } from './errors.js';
import { CreateTenantBody } from './schemas.js';
import { inputChecker } from '../../http/check.js';
import { tenantQueries } from './queries.js';
import type { TenantDirectory } from './directory.js';
import type { TenantMover } from './move.js';

const checkCreate = inputChecker(CreateTenantBody);

export interface TenantSettings {
  /** Browser origins (https://host[:port]) that may call this tenant's API paths: the regency's own portal. */
  allowedOrigins: string[];
}

/** `https://host[:port]` exactly as a browser sends it in `Origin`; undefined when it is not one. */
function normalizeOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return undefined;
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash || value.endsWith('/')) return undefined;
  return url.origin;
}

export interface CreateTenantInput {
  code: string;
  slug: string;
  homeRegion: string;
  mppStatus: MppStatus;
  /** Date the commitment was signed; sets the deadline a year later. */
  committedOn?: string;
}

/** Extra work done in the new tenant's regional transaction (kaji tiru copies the model there). */
export type PopulateTenant = (tx: TenantTx, tenant: { id: string; slug: string }) => Promise<void>;

/**
 * The tenant directory (control plane) and each tenant's home in its region (data plane). A tenant
 * spans two databases, so creation is ordered to never leave half a tenant: the regional profile
 * commits inside the still-open control transaction, and is taken back if the control commit fails.
 */
export class TenantService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly control: Sql,
    readonly directory: TenantDirectory,
    private readonly regionIds: readonly string[],
    /** Moves a tenant's data to another region (`satupintu tenant move`). */
    readonly mover: TenantMover,
  ) {}

  async create(ctx: Ctx, input: CreateTenantInput, actor: string, opts: { model?: Tenant; populate?: PopulateTenant; sandbox?: { source: Tenant; clockOffsetMs: number } } = {}): Promise<Tenant> {
    // The CLI reaches this without the HTTP layer, so the service checks its own input.
    checkCreate(input);
    if (input.committedOn && input.mppStatus === 'proposed') throw committedButProposed();
    const regency = findRegency(input.code);
    if (!regency) throw regionCodeUnknown(input.code);
    if (!this.regionIds.includes(input.homeRegion)) throw regionUnknown(input.homeRegion, [...this.regionIds]);
    const id = newId();
    const scope = { tenant: { id, homeRegion: input.homeRegion }, now: ctx.now, stats: ctx.stats, log: ctx.log };
    let regionCommitted = false;
    try {
      return await this.uow.control(ctx, async (tx) => {
        try {
          await tenantQueries.insert(tx.sql, {
            id,
            slug: input.slug,
            code: regency.code,
            name: regency.name,
            provinceCode: regency.provinceCode,
            provinceName: regency.provinceName,
            timeZone: regency.timeZone,
            population: regency.population,
            homeRegion: input.homeRegion,
            mppStatus: input.mppStatus,
            committedOn: input.committedOn ?? null,
            deadline: input.committedOn ? commitmentDeadline(input.committedOn) : null,
            modelTenantId: opts.model?.id ?? null,
            createdBy: actor,
            now: ctx.now,
            ...(opts.sandbox
              ? { sandbox: { of: opts.sandbox.source.id, clockOffsetMs: opts.sandbox.clockOffsetMs, launchedOn: opts.sandbox.source.launchedOn, inauguratedOn: opts.sandbox.source.inauguratedOn } }
              : {}),
          });
          await tenantQueries.firstLifecycleEvent(tx.sql, {
            tenantId: id,
            status: input.mppStatus,
            on: input.committedOn ?? localDate(ctx.now, regency.timeZone),
            actor,
            note: opts.sandbox ? `sandbox: ${opts.sandbox.source.slug}` : opts.model ? `kaji tiru: ${opts.model.slug}` : 'registered',
          });
        } catch (e) {
          const constraint = violatedConstraint(e);
          if (constraint === 'tenants_slug_key') throw slugTaken(input.slug);
          if (constraint === 'tenants_code_key') throw codeTaken(input.code);
          throw e;
        }
        await this.uow.write(scope, async (rtx) => {
          await tenantQueries.insertProfile(rtx.sql, { tenantId: id, slug: input.slug, name: regency.name, timeZone: regency.timeZone, now: ctx.now });
          await recordAudit(rtx, {
            actor,
            action: 'tenant.created',
            subject: `tenant:${id}`,
            data: { code: regency.code, slug: input.slug, homeRegion: input.homeRegion, mppStatus: input.mppStatus, committedOn: input.committedOn ?? null, model: opts.model?.slug ?? null, ...(opts.sandbox ? { sandboxOf: opts.sandbox.source.slug } : {}) },
          });
          if (opts.populate) await opts.populate(rtx, { id, slug: input.slug });
        });
        regionCommitted = true;
        const created = await tenantQueries.byId(tx.sql, id);
        if (!created) throw new Error(`tenant ${id} vanished in its own transaction`);
        return created;
      });
    } catch (e) {
      if (regionCommitted) {
        // The control commit failed after the region committed: take the regional half back.
        await this.uow
          .write({ tenant: scope.tenant, now: ctx.now }, (rtx) => tenantQueries.deleteProfile(rtx.sql, id))
          .catch((err: unknown) => ctx.log.error({ err, tenantId: id }, 'could not undo regional tenant profile'));
      }
      throw e;
    }
  }

  /**
   * Every tenant (jobs walk them all, sandboxes included; the API pages them). National reports
   * and aggregates pass `sandbox: false`: a sandbox is never in national figures (ADR 0031).
   */
  list(filter: { region?: string; status?: MppStatus; sandbox?: boolean } = {}): Promise<Tenant[]> {
    return tenantQueries.list(this.control, filter);
  }

  /** One page of the directory, in code order. */
  async page(query: { region?: string; status?: MppStatus; limit?: number; cursor?: string }): Promise<PageOf<Tenant>> {
    const req = pageRequest<[string]>(query, 1);
    const rows = await tenantQueries.page(this.control, query, req.after?.[0] ?? null, req.limit + 1);
    return pageOf(rows, req, (t) => [t.code]);
  }

  /** A tenant's settings and their ETag. */
  async settings(tenant: Tenant): Promise<{ settings: TenantSettings; etag: string }> {
    const row = await tenantQueries.settings(this.control, tenant.id);
    if (!row) throw tenantNotFound(tenant.slug);
    return { settings: { allowedOrigins: row.allowed_origins }, etag: etagOf(row.settings_version) };
  }

  /**
   * Replaces a tenant's settings if the caller read the current version (If-Match): the row is
   * locked, its version compared, written and bumped in one control-plane transaction, and every
   * process drops its cached copy at the commit.
   */
  async updateSettings(ctx: UserCtx, tenant: Tenant, input: TenantSettings, pre: Preconditions): Promise<{ settings: TenantSettings; etag: string }> {
    const allowedOrigins = input.allowedOrigins.map((o, i) => {
      const origin = normalizeOrigin(o);
      if (!origin) throw originInvalid(i, o);
      return origin;
    });
    const unique = [...new Set(allowedOrigins)];
    const version = await this.uow.control(ctx, async (tx) => {
      const row = await tenantQueries.settings(tx.sql, tenant.id, true);
      if (!row) throw tenantNotFound(tenant.slug);
      checkPreconditions(pre, etagOf(row.settings_version));
      const v = await tenantQueries.updateSettings(tx.sql, tenant.id, { allowedOrigins: unique, now: ctx.now });
      const change = { kind: 'tenant' as const, tenantId: tenant.id, slug: tenant.slug };
      await tx.changed(change);
      tx.afterCommit(() => this.directory.heard(change));
      return v;
    });
    // The tenant's own audit trail lives in its region (as for lifecycle moves).
    await this.uow.write({ ...ctx, tenant }, (tx) => recordAudit(tx, { actor: actorOf(ctx), action: 'tenant.settings', subject: `tenant:${tenant.id}`, data: { allowedOrigins: unique, version } }));
    return { settings: { allowedOrigins: unique }, etag: etagOf(version) };
  }

  /** The tenant of a slug, from the directory's cache; TENANT_NOT_FOUND when there is none. */
  get(slug: string): Promise<Tenant> {
    return this.directory.get(slug);
  }

  /** Tenants per home region. */
  countByRegion(): Promise<Record<string, number>> {
    return tenantQueries.countByRegion(this.control).then((rows) => Object.fromEntries(rows.map((r) => [r.region, r.n])));
  }
}
