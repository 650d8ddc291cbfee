import type { MppStatus, Tenant } from '@satupintu/core';
import type { Sql } from '@satupintu/db';

/** A row of the control plane's tenant directory, as SQL returns it. */
export interface TenantRow {
  id: string;
  slug: string;
  code: string;
  name: string;
  province_code: string;
  province_name: string;
  time_zone: string;
  population: number;
  home_region: string;
  mpp_status: MppStatus;
  committed_on: string | null;
  deadline: string | null;
  launched_on: string | null;
  inaugurated_on: string | null;
  model_slug: string | null;
  sandbox_of_slug: string | null;
  clock_offset_ms: string | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `select t.id, t.slug, t.code, t.name, t.province_code, t.province_name, t.time_zone, t.population, t.home_region, t.mpp_status,
  t.committed_on::text, t.deadline::text, t.launched_on::text, t.inaugurated_on::text, m.slug as model_slug,
  src.slug as sandbox_of_slug, t.clock_offset_ms::text, t.created_at, t.updated_at
  from tenants t left join tenants m on m.id = t.model_tenant_id left join tenants src on src.id = t.sandbox_of`;

export function toTenant(r: TenantRow): Tenant {
  return {
    id: r.id,
    slug: r.slug,
    code: r.code,
    name: r.name,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    timeZone: r.time_zone,
    population: r.population,
    homeRegion: r.home_region,
    mppStatus: r.mpp_status,
    committedOn: r.committed_on,
    deadline: r.deadline,
    launchedOn: r.launched_on,
    inauguratedOn: r.inaugurated_on,
    modelTenant: r.model_slug,
    sandbox: r.sandbox_of_slug ? { of: r.sandbox_of_slug, clockOffsetMs: Number(r.clock_offset_ms ?? 0) } : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export const tenantQueries = {
  async bySlug(sql: Sql, slug: string): Promise<Tenant | undefined> {
    const r = await sql.maybe<TenantRow>(`${SELECT} where t.slug = $1`, [slug]);
    return r && toTenant(r);
  },

  async byId(sql: Sql, id: string): Promise<Tenant | undefined> {
    const r = await sql.maybe<TenantRow>(`${SELECT} where t.id = $1`, [id]);
    return r && toTenant(r);
  },

  /** `sandbox`: undefined for every tenant (the jobs walk sandboxes too), false for production only, true for sandboxes only. */
  async list(sql: Sql, filter: { region?: string; status?: MppStatus; sandbox?: boolean }): Promise<Tenant[]> {
    const rows = await sql.rows<TenantRow>(
      `${SELECT} where ($1::text is null or t.home_region = $1) and ($2::text is null or t.mpp_status = $2) and ($3::boolean is null or (t.sandbox_of is not null) = $3) order by t.code, t.slug`,
      [filter.region ?? null, filter.status ?? null, filter.sandbox ?? null],
    );
    return rows.map(toTenant);
  },

  /** One page of the directory, in code order (codes are unique among production tenants: a stable keyset; sandboxes are not listed). */
  async page(sql: Sql, filter: { region?: string; status?: MppStatus }, after: string | null, limit: number): Promise<Tenant[]> {
    const rows = await sql.rows<TenantRow>(
      `${SELECT} where t.sandbox_of is null and ($1::text is null or t.home_region = $1) and ($2::text is null or t.mpp_status = $2) and ($3::text is null or t.code > $3) order by t.code limit $4`,
      [filter.region ?? null, filter.status ?? null, after, limit],
    );
    return rows.map(toTenant);
  },

  async settings(sql: Sql, id: string, lock = false): Promise<{ allowed_origins: string[]; settings_version: number } | undefined> {
    return sql.maybe(`select allowed_origins, settings_version from tenants where id = $1${lock ? ' for update' : ''}`, [id]);
  },

  async originsBySlug(sql: Sql, slug: string): Promise<string[] | undefined> {
    const r = await sql.maybe<{ allowed_origins: string[] }>(`select allowed_origins from tenants where slug = $1`, [slug]);
    return r?.allowed_origins;
  },

  async updateSettings(sql: Sql, id: string, s: { allowedOrigins: string[]; now: Date }): Promise<number> {
    const r = await sql.one<{ settings_version: number }>(
      `update tenants set allowed_origins = $2, settings_version = settings_version + 1, updated_at = $3 where id = $1 returning settings_version`,
      [id, s.allowedOrigins, s.now],
    );
    return r.settings_version;
  },

  async insert(
    sql: Sql,
    t: { id: string; slug: string; code: string; name: string; provinceCode: string; provinceName: string; timeZone: string; population: number; homeRegion: string; mppStatus: MppStatus; committedOn: string | null; deadline: string | null; modelTenantId: string | null; createdBy: string; now: Date;
      /** A sandbox (ADR 0031): its source, its clock offset and the source's lifecycle dates. */
      sandbox?: { of: string; clockOffsetMs: number; launchedOn: string | null; inauguratedOn: string | null } },
  ): Promise<void> {
    await sql.exec(
      `insert into tenants (id, slug, code, name, province_code, province_name, time_zone, population, home_region, mpp_status, committed_on, deadline, model_tenant_id, created_by, created_at, updated_at,
                            sandbox_of, clock_offset_ms, launched_on, inaugurated_on)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18, $19)`,
      [t.id, t.slug, t.code, t.name, t.provinceCode, t.provinceName, t.timeZone, t.population, t.homeRegion, t.mppStatus, t.committedOn, t.deadline, t.modelTenantId, t.createdBy, t.now,
        t.sandbox?.of ?? null, t.sandbox?.clockOffsetMs ?? null, t.sandbox?.launchedOn ?? null, t.sandbox?.inauguratedOn ?? null],
    );
  },

  async firstLifecycleEvent(sql: Sql, e: { tenantId: string; status: MppStatus; on: string; actor: string; note: string }): Promise<void> {
    await sql.exec(`insert into tenant_lifecycle_events (tenant_id, seq, from_status, to_status, effective_on, actor, note) values ($1, 1, null, $2, $3, $4, $5)`, [e.tenantId, e.status, e.on, e.actor, e.note]);
  },

  /** The tenant's home in its region (data plane), under its own RLS context. */
  async insertProfile(sql: Sql, p: { tenantId: string; slug: string; name: string; timeZone: string; now: Date }): Promise<void> {
    await sql.exec(`insert into tenant_profiles (tenant_id, slug, name, time_zone, created_at) values ($1, $2, $3, $4, $5)`, [p.tenantId, p.slug, p.name, p.timeZone, p.now]);
  },

  /** A sandbox's clock with its version, locked for its update (ADR 0031). */
  async clock(sql: Sql, id: string, lock = false): Promise<{ clock_offset_ms: string | null; clock_version: number } | undefined> {
    return sql.maybe(`select clock_offset_ms::text, clock_version from tenants where id = $1${lock ? ' for update' : ''}`, [id]);
  },

  /** Moves a sandbox's clock if it is still at `version`; the new version, or undefined when it moved meanwhile. */
  async setClock(sql: Sql, id: string, s: { offsetMs: number; version: number; now: Date }): Promise<number | undefined> {
    const r = await sql.maybe<{ clock_version: number }>(
      `update tenants set clock_offset_ms = $2, clock_version = clock_version + 1, updated_at = $4 where id = $1 and sandbox_of is not null and clock_version = $3 returning clock_version`,
      [id, Math.round(s.offsetMs), s.version, s.now],
    );
    return r?.clock_version;
  },

  /** The sandboxes made of a tenant. */
  async sandboxesOf(sql: Sql, sourceId: string): Promise<Tenant[]> {
    const rows = await sql.rows<TenantRow>(`${SELECT} where t.sandbox_of = $1 order by t.created_at, t.slug`, [sourceId]);
    return rows.map(toTenant);
  },

  /** A sandbox's row in the directory (its national figures and lifecycle go with it by cascade). */
  async deleteSandbox(sql: Sql, id: string): Promise<boolean> {
    return (await sql.rows(`delete from tenants where id = $1 and sandbox_of is not null returning id`, [id])).length > 0;
  },

  async deleteProfile(sql: Sql, tenantId: string): Promise<void> {
    await sql.exec(`delete from tenant_profiles where tenant_id = $1`, [tenantId]);
  },

  async countByRegion(sql: Sql): Promise<{ region: string; n: number }[]> {
    return sql.rows(`select home_region as region, count(*)::int as n from tenants where sandbox_of is null group by 1 order by 1`);
  },
};
