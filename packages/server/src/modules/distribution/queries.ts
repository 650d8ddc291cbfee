import type { Sql } from '@satupintu/db';

// ---- region, under the tenant's RLS: one tenant's figures per plugin --------------------------

export interface PluginOpenRow {
  plugin_id: string;
  open_total: number;
  overdue: number;
}
export interface PluginComplaintRow {
  plugin_id: string;
  open: number;
  overdue: number;
}
export interface PluginWeekRow {
  plugin_id: string;
  week_start: string;
  completed: number;
  completed_on_time: number;
  skm_responses: number;
  skm_sums: number[];
}

export const regionQueries = {
  open(sql: Sql, now: Date): Promise<PluginOpenRow[]> {
    return sql.rows(
      `select plugin_id, count(*)::int as open_total, count(*) filter (where due_at < $1)::int as overdue from applications where status = 'submitted' group by plugin_id`,
      [now],
    );
  },
  /** The complaints about a plugin's services, open now and past their current deadline (the monitoring rollup's rule, per plugin). */
  complaints(sql: Sql, now: Date): Promise<PluginComplaintRow[]> {
    return sql.rows(
      `select plugin_id, count(*) filter (where status in ('submitted', 'forwarded', 'handling'))::int as open,
              count(*) filter (where (status = 'submitted' and verify_due_at < $1)
                                  or (status in ('forwarded', 'handling') and (answer_due_at < $1 or (first_response_at is null and first_response_due_at < $1))))::int as overdue
         from complaints where plugin_id is not null group by plugin_id`,
      [now],
    );
  },
  /** Completions (on time: by their due time, the rollup trigger's rule and week) and SKM answers per plugin and ISO week (local), from `from`: counts and per-unsur sums only. */
  weeks(sql: Sql, from: string, timeZone: string): Promise<PluginWeekRow[]> {
    return sql.rows(
      `with c as (
         select plugin_id, rollup_week(completed_at, tenant_id) as week_start, count(*)::int as completed,
                count(*) filter (where due_at is null or completed_at <= due_at)::int as completed_on_time
           from applications where status = 'completed' and completed_at >= ($1::date - 7)::timestamp at time zone $2 group by 1, 2),
            s as (
         select plugin_id, date_trunc('week', local_date)::date as week_start, count(*)::int as n,
                array[sum(u1), sum(u2), sum(u3), sum(u4), sum(u5), sum(u6), sum(u7), sum(u8), sum(u9)]::int[] as sums
           from skm_responses where local_date >= $1 group by 1, 2)
       select coalesce(c.plugin_id, s.plugin_id) as plugin_id, coalesce(c.week_start, s.week_start)::text as week_start,
              coalesce(c.completed, 0) as completed, coalesce(c.completed_on_time, 0) as completed_on_time,
              coalesce(s.n, 0) as skm_responses, coalesce(s.sums, '{0,0,0,0,0,0,0,0,0}') as skm_sums
         from c full join s on s.plugin_id = c.plugin_id and s.week_start = c.week_start
        where coalesce(c.week_start, s.week_start) >= $1`,
      [from, timeZone],
    );
  },
};

// ---- control plane: the published store -------------------------------------------------------

export interface PluginStat {
  pluginId: string;
  version: string;
  range: string | null;
  policy: string;
  heldVersion: string | null;
  openTotal: number;
  overdue: number;
  complaintsOpen: number;
  complaintsOverdue: number;
}

export const publishQueries = {
  /** Replaces one tenant's rows: what it runs now, and its plugin weeks from `from` (older weeks stay as published). */
  async replace(sql: Sql, tenantId: string, stats: PluginStat[], weeks: PluginWeekRow[], from: string, now: Date): Promise<void> {
    // Two runs publishing one tenant at once (a worker and a publication's send) take turns.
    await sql.exec(`select pg_advisory_xact_lock(hashtext($1))`, [`plugin-stats:${tenantId}`]);
    await sql.exec(`delete from national_plugin_stats where tenant_id = $1 and not (plugin_id = any($2::text[]))`, [tenantId, stats.map((s) => s.pluginId)]);
    for (const s of stats) {
      await sql.exec(
        `insert into national_plugin_stats (tenant_id, plugin_id, version, pin_range, policy, held_version, open_total, overdue, complaints_open, complaints_overdue, published_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         on conflict (tenant_id, plugin_id) do update set version = excluded.version, pin_range = excluded.pin_range, policy = excluded.policy,
           held_version = excluded.held_version, open_total = excluded.open_total, overdue = excluded.overdue, complaints_open = excluded.complaints_open,
           complaints_overdue = excluded.complaints_overdue, published_at = excluded.published_at`,
        [tenantId, s.pluginId, s.version, s.range, s.policy, s.heldVersion, s.openTotal, s.overdue, s.complaintsOpen, s.complaintsOverdue, now],
      );
    }
    await sql.exec(`delete from national_plugin_weekly where tenant_id = $1 and week_start >= $2`, [tenantId, from]);
    for (const w of weeks) {
      await sql.exec(
        `insert into national_plugin_weekly (tenant_id, plugin_id, week_start, completed, completed_on_time, skm_responses, skm_sums, published_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [tenantId, w.plugin_id, w.week_start, w.completed, w.completed_on_time, w.skm_responses, w.skm_sums, now],
      );
    }
  },
};

export interface DistributionRow {
  slug: string;
  name: string;
  province_name: string;
  home_region: string;
  version: string;
  pin_range: string | null;
  policy: 'manual' | 'patch' | 'minor';
  held_version: string | null;
  published_at: Date;
}

export interface AgencyRegionRow {
  slug: string;
  name: string;
  province_name: string;
  home_region: string;
  plugin_id: string;
  version: string;
  policy: 'manual' | 'patch' | 'minor';
  held_version: string | null;
  open_total: number;
  overdue: number;
  complaints_open: number;
  complaints_overdue: number;
  published_at: Date;
  completed: number;
  completed_on_time: number;
  skm_responses: number;
  skm_sums: number[] | null;
}

/** Read side: tenants counted in published figures only (`counted` is the one place that says which: tenants.ts). */
export const fleetQueries = {
  distribution(sql: Sql, pluginId: string, counted: string): Promise<DistributionRow[]> {
    return sql.rows(
      `select t.slug, t.name, t.province_name, t.home_region, s.version, s.pin_range, s.policy, s.held_version, s.published_at
         from national_plugin_stats s join tenants t on t.id = s.tenant_id
        where s.plugin_id = $1 and ${counted}
        order by t.code`,
      [pluginId],
    );
  },
  agencyPlugins(sql: Sql, agency: string): Promise<{ id: string }[]> {
    return sql.rows(`select id from plugins where agency_code = $1 order by id`, [agency]);
  },
  /** Per tenant and plugin of the agency: what it runs, its open work now, and its weeks in [from, to]. */
  agencyRegions(sql: Sql, plugins: string[], from: string, to: string, counted: string): Promise<AgencyRegionRow[]> {
    return sql.rows(
      `select t.slug, t.name, t.province_name, t.home_region, s.plugin_id, s.version, s.policy, s.held_version, s.open_total, s.overdue,
              s.complaints_open, s.complaints_overdue, s.published_at,
              coalesce(w.completed, 0)::int as completed, coalesce(w.completed_on_time, 0)::int as completed_on_time,
              coalesce(w.skm_responses, 0)::int as skm_responses, w.skm_sums
         from national_plugin_stats s join tenants t on t.id = s.tenant_id
         left join (select tenant_id, plugin_id, sum(completed) completed, sum(completed_on_time) completed_on_time, sum(skm_responses) skm_responses,
                           array[sum(skm_sums[1]), sum(skm_sums[2]), sum(skm_sums[3]), sum(skm_sums[4]), sum(skm_sums[5]), sum(skm_sums[6]), sum(skm_sums[7]), sum(skm_sums[8]), sum(skm_sums[9])]::int[] skm_sums
                      from national_plugin_weekly where plugin_id = any($1::text[]) and week_start between $2 and $3 group by 1, 2) w
           on w.tenant_id = s.tenant_id and w.plugin_id = s.plugin_id
        where s.plugin_id = any($1::text[]) and ${counted}
        order by t.code, s.plugin_id`,
      [plugins, from, to],
    );
  },
};
