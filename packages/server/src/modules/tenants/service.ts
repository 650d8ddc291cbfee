import { InputError, ajvErrorsToFieldErrors, createAjv, findRegency, newId, type MppStatus, type Tenant } from '@satupintu/core';
import { recordAudit, TenantEntity, TenantProfileEntity, withTenant, type Databases, type TenantRow } from '@satupintu/db';
import type { Logger } from 'pino';
import { createTenantBody } from './schemas.js';
import { codeTaken, regionCodeUnknown, regionUnknown, slugTaken, tenantNotFound } from './errors.js';

export interface CreateTenantInput {
  code: string;
  slug: string;
  homeRegion: string;
  mppStatus: MppStatus;
}

const validateCreate = createAjv().compile<CreateTenantInput>(createTenantBody);

function toTenant(r: TenantRow): Tenant {
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

  async create(input: CreateTenantInput, actor: string): Promise<Tenant> {
    // The CLI reaches this without the HTTP layer, so the service checks its own input.
    if (!validateCreate(input))
      throw new InputError({
        status: 422,
        code: 'BODY_INVALID',
        title: { id: 'Data tenant tidak valid', en: 'Invalid tenant data' },
        errors: ajvErrorsToFieldErrors(validateCreate.errors),
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
            createdBy: actor,
          });
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
            data: { code: regency.code, slug: input.slug, homeRegion: input.homeRegion, mppStatus: input.mppStatus },
          });
        });
        regionCommitted = true;
        return repo.findOneByOrFail({ id });
      });
      return toTenant(row);
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
    return rows.map(toTenant);
  }

  async findBySlug(slug: string): Promise<Tenant | undefined> {
    const row = await this.dbs.control.getRepository(TenantEntity).findOneBy({ slug });
    return row ? toTenant(row) : undefined;
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
