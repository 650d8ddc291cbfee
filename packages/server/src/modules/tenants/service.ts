import { InputError, ajvErrorsToFieldErrors, commitmentDeadline, createAjv, findRegency, newId, type MppStatus, type Tenant } from '@satupintu/core';
import { recordAudit, TenantEntity, TenantProfileEntity, withTenant, type Databases, type TenantRow } from '@satupintu/db';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { createTenantBody } from './schemas.js';
import { codeTaken, regionCodeUnknown, regionUnknown, slugTaken, tenantNotFound } from './errors.js';

export interface CreateTenantInput {
  code: string;
  slug: string;
  homeRegion: string;
  mppStatus: MppStatus;
  /** Date the commitment was signed; required from `committed` on when given, sets the deadline. */
  committedOn?: string;
}

/** Extra work done in the new tenant's regional transaction (kaji tiru copies the model there). */
export type PopulateTenant = (em: EntityManager, tenant: { id: string; slug: string }) => Promise<void>;

const validateCreate = createAjv().compile<CreateTenantInput>(createTenantBody);

export function toTenant(r: TenantRow, slugOf: (id: string) => string | undefined = () => undefined): Tenant {
  return {
    id: r.id,
    slug: r.slug,
    code: r.code,
    name: r.name,
    provinceCode: r.provinceCode,
    provinceName: r.provinceName,
    timeZone: r.timeZone,
    population: r.population,
    homeRegion: r.homeRegion,
    mppStatus: r.mppStatus,
    committedOn: r.committedOn,
    deadline: r.deadline,
    launchedOn: r.launchedOn,
    inauguratedOn: r.inauguratedOn,
    modelTenant: r.modelTenantId ? (slugOf(r.modelTenantId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * The tenant directory (control plane) and each tenant's home in its region (data plane).
 * A tenant spans two databases, so creation is ordered to never leave half a tenant: the
 * control-plane row and the regional profile are written in two transactions, the regional
 * one committed inside the still-open control transaction, and undone if the control commit fails.
 */
export class TenantService {
  constructor(
    private readonly dbs: Databases,
    private readonly logger: Logger,
  ) {}

  async create(input: CreateTenantInput, actor: string, opts: { model?: Tenant; populate?: PopulateTenant } = {}): Promise<Tenant> {
    // The CLI reaches this without the HTTP layer, so the service checks its own input.
    if (!validateCreate(input))
      throw new InputError({
        status: 422,
        code: 'BODY_INVALID',
        title: { id: 'Data tenant tidak valid', en: 'Invalid tenant data' },
        errors: ajvErrorsToFieldErrors(validateCreate.errors),
      });
    if (input.committedOn && input.mppStatus === 'proposed')
      throw new InputError({
        status: 422,
        code: 'BODY_INVALID',
        title: { id: 'Data tenant tidak valid', en: 'Invalid tenant data' },
        errors: [{ pointer: '/mppStatus', message: { id: 'Tenant yang sudah berkomitmen tidak lagi berstatus proposed.', en: 'A tenant with a commitment date is past proposed.' } }],
      });
    const regency = findRegency(input.code);
    if (!regency) throw regionCodeUnknown(input.code);
    if (!this.dbs.regionIds().includes(input.homeRegion)) throw regionUnknown(input.homeRegion, this.dbs.regionIds());
    const id = newId();
    const region = this.dbs.region(input.homeRegion);
    let regionCommitted = false;
    try {
      const row = await this.dbs.control.transaction(async (em) => {
        const repo = em.getRepository(TenantEntity);
        try {
          await repo.insert({
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
            launchedOn: null,
            inauguratedOn: null,
            modelTenantId: opts.model?.id ?? null,
            createdBy: actor,
          });
          await em.query(
            `insert into tenant_lifecycle_events (tenant_id, seq, from_status, to_status, effective_on, actor, note) values ($1, 1, null, $2, coalesce($3::date, current_date), $4, $5)`,
            [id, input.mppStatus, input.committedOn ?? null, actor, opts.model ? `kaji tiru: ${opts.model.slug}` : 'registered'],
          );
        } catch (e) {
          const constraint = (e as { constraint?: string }).constraint;
          if (constraint === 'tenants_slug_key') throw slugTaken(input.slug);
          if (constraint === 'tenants_code_key') throw codeTaken(input.code);
          throw e;
        }
        await withTenant(region, id, async (rem) => {
          await rem.getRepository(TenantProfileEntity).insert({ tenantId: id, slug: input.slug, name: regency.name, timeZone: regency.timeZone });
          await recordAudit(rem, {
            tenantId: id,
            actor,
            action: 'tenant.created',
            subject: `tenant:${id}`,
            data: { code: regency.code, slug: input.slug, homeRegion: input.homeRegion, mppStatus: input.mppStatus, committedOn: input.committedOn ?? null, model: opts.model?.slug ?? null },
          });
          if (opts.populate) await opts.populate(rem, { id, slug: input.slug });
        });
        regionCommitted = true;
        return repo.findOneByOrFail({ id });
      });
      return toTenant(row, () => opts.model?.slug);
    } catch (e) {
      if (regionCommitted) {
        // The control commit failed after the region committed: take the regional half back.
        await withTenant(region, id, (rem) => rem.getRepository(TenantProfileEntity).delete({ tenantId: id })).catch((err: unknown) =>
          this.logger.error({ err, tenantId: id }, 'could not undo regional tenant profile'),
        );
      }
      throw e;
    }
  }

  async list(filter: { region?: string; status?: MppStatus } = {}): Promise<Tenant[]> {
    const rows = await this.dbs.control.getRepository(TenantEntity).find({
      where: { ...(filter.region ? { homeRegion: filter.region } : {}), ...(filter.status ? { mppStatus: filter.status } : {}) },
      order: { code: 'ASC' },
    });
    const slugs = await this.slugMap(rows);
    return rows.map((r) => toTenant(r, (id) => slugs.get(id)));
  }

  private async slugMap(rows: TenantRow[]): Promise<Map<string, string>> {
    const slugs = new Map(rows.map((r) => [r.id, r.slug]));
    const missing = [...new Set(rows.map((r) => r.modelTenantId).filter((m): m is string => !!m && !slugs.has(m)))];
    if (missing.length)
      for (const r of (await this.dbs.control.query(`select id, slug from tenants where id = any($1)`, [missing])) as { id: string; slug: string }[]) slugs.set(r.id, r.slug);
    return slugs;
  }

  /** Forget cached lookups after a change of the tenant row (lifecycle moves). */
  forget(slug: string): void {
    this.bySlug.delete(slug);
  }

  async findBySlug(slug: string): Promise<Tenant | undefined> {
    const row = await this.dbs.control.getRepository(TenantEntity).findOneBy({ slug });
    if (!row) return undefined;
    const slugs = await this.slugMap([row]);
    return toTenant(row, (id) => slugs.get(id));
  }

  private readonly bySlug = new Map<string, { tenant: Tenant; until: number }>();

  /** Every tenant-scoped request resolves its slug; the directory changes rarely, so answers live 30 s. */
  async getBySlug(slug: string): Promise<Tenant> {
    const hit = this.bySlug.get(slug);
    if (hit && hit.until > Date.now()) return hit.tenant;
    const t = await this.findBySlug(slug);
    if (t) this.bySlug.set(slug, { tenant: t, until: Date.now() + 30_000 });
    if (!t) throw tenantNotFound(slug);
    return t;
  }
}
