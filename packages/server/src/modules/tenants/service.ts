import { commitmentDeadline, findRegency, localDate, newId, type MppStatus, type Tenant } from '@satupintu/core';
import { recordAudit, violatedConstraint, type TenantTx, type UnitOfWork, type Sql } from '@satupintu/db';
import type { Ctx } from '../../context.js';
import { codeTaken, committedButProposed, regionCodeUnknown, regionUnknown, slugTaken } from './errors.js';
import { CreateTenantBody } from './schemas.js';
import { inputChecker } from '../../http/check.js';
import { tenantQueries } from './queries.js';
import type { TenantDirectory } from './directory.js';

const checkCreate = inputChecker(CreateTenantBody);

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
  ) {}

  async create(ctx: Ctx, input: CreateTenantInput, actor: string, opts: { model?: Tenant; populate?: PopulateTenant } = {}): Promise<Tenant> {
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
          });
          await tenantQueries.firstLifecycleEvent(tx.sql, {
            tenantId: id,
            status: input.mppStatus,
            on: input.committedOn ?? localDate(ctx.now, regency.timeZone),
            actor,
            note: opts.model ? `kaji tiru: ${opts.model.slug}` : 'registered',
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
            data: { code: regency.code, slug: input.slug, homeRegion: input.homeRegion, mppStatus: input.mppStatus, committedOn: input.committedOn ?? null, model: opts.model?.slug ?? null },
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

  list(filter: { region?: string; status?: MppStatus } = {}): Promise<Tenant[]> {
    return tenantQueries.list(this.control, filter);
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
