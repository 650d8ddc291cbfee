import type { Sql } from '@satupintu/db';
import type { VisitGrain } from './queries.js';

/** Visits of one tenant in one period (walk-ins and booked check-ins), from the national store. */
export interface TenantVisits {
  tenant: string;
  tenantId: string;
  period: string;
  walkIn: number;
  booked: number;
}

/**
 * Visits per tenant and period (`day`, `week` = ISO week from Monday, `month`) between two local
 * dates, from `national_visits_daily` in the control plane (published by the regions' rollup each
 * minute: checked-in bookings, walk-in queue tickets and imported visits). Aggregates only, for the
 * ministry's views and the Monev evidence pack; sandboxes are left out unless `tenantId` names one.
 * `control` is the control-plane Sql (`kernel.control`).
 */
export async function visitsPerTenant(control: Sql, q: { from: string; to: string; by: VisitGrain; tenantId?: string; region?: string }): Promise<TenantVisits[]> {
  const rows = await control.rows<{ tenant: string; tenant_id: string; period: string; walk_in: number; booked: number }>(
    `select t.slug as tenant, t.id as tenant_id, date_trunc($3::text, v.local_date::timestamp)::date::text as period,
            sum(v.walk_in)::int as walk_in, sum(v.booked)::int as booked
       from national_visits_daily v join tenants t on t.id = v.tenant_id
      where v.local_date between $1::date and $2::date and ($5::text is null or t.home_region = $5)
        -- A sandbox is never in national figures; asked for by id, it answers its own (ADR 0031).
        and (case when $4::uuid is null then t.sandbox_of is null else v.tenant_id = $4 end)
      group by 1, 2, 3 order by 1, 3`,
    [q.from, q.to, q.by, q.tenantId ?? null, q.region ?? null],
  );
  return rows.map((r) => ({ tenant: r.tenant, tenantId: r.tenant_id, period: r.period, walkIn: r.walk_in, booked: r.booked }));
}
