import type { MppStatus, Tenant } from '@satupintu/core';
import { tenantNotFound } from '../../http/problems.js';
import type { NationalCockpitView, TenantIndicatorsView } from './schemas.js';
import type { Sql } from '@satupintu/db';
import type { Ctx } from '../../context.js';
import { alertsOf, type Alert } from './alerts.js';
import { DEFAULT_THRESHOLDS, cockpitWindow, indicatorsOf, totalsOf, weeklySeries, type AlertThresholds, type TenantIndicators, type WeekPoint } from './indicators.js';
import { cockpitQueries } from './queries.js';

export interface CockpitFilter {
  thresholds?: Partial<AlertThresholds>;
  region?: string;
  status?: MppStatus;
  tenantId?: string;
}

export interface CockpitTenants {
  asOf: string;
  window: { from: string; weeks: number };
  tenants: TenantIndicators[];
}

/**
 * The national cockpit (ministry analysts): reads only the control plane's published rollups —
 * one indexed pass over `national_weekly` for the window joined to the tenant directory — never a
 * region's raw tables. Every figure is an aggregate; "now" is the caller's clock reading
 * (`ctx.now`); formulas are in docs/monitoring.md (indicators.ts, alerts.ts).
 */
export class Cockpit {
  constructor(private readonly control: Sql) {}

  async tenants(ctx: Pick<Ctx, 'now'>, f: CockpitFilter = {}): Promise<CockpitTenants> {
    const weeks = f.thresholds?.windowWeeks ?? DEFAULT_THRESHOLDS.windowWeeks;
    const { from } = cockpitWindow(weeks, ctx.now);
    const rows = await cockpitQueries.tenants(this.control, { from, region: f.region, status: f.status, tenantId: f.tenantId });
    return { asOf: ctx.now.toISOString(), window: { from, weeks }, tenants: rows.map((r) => indicatorsOf(r, ctx.now)) };
  }

  alerts(ctx: Pick<Ctx, 'now'>, tenants: readonly TenantIndicators[], thresholds: Partial<AlertThresholds> = {}): Alert[] {
    return alertsOf(tenants, thresholds, ctx.now);
  }

  /** Totals, every tenant's indicators and the alerts (the whole country at most: one row per regency, never cut). */
  async overview(ctx: Pick<Ctx, 'now'>, f: CockpitFilter = {}): Promise<NationalCockpitView> {
    const r = await this.tenants(ctx, f);
    return {
      asOf: r.asOf,
      window: r.window,
      thresholds: { ...DEFAULT_THRESHOLDS, ...f.thresholds },
      totals: totalsOf(r.tenants),
      tenants: r.tenants,
      alerts: this.alerts(ctx, r.tenants, f.thresholds),
    };
  }

  /** Weekly series, nationally, per region or for one tenant, oldest week first, every week present. */
  async weekly(ctx: Pick<Ctx, 'now'>, f: { weeks: number; tenantId?: string; region?: string }): Promise<WeekPoint[]> {
    const { from, thisWeek } = cockpitWindow(f.weeks, ctx.now);
    return weeklySeries(await cockpitQueries.weekly(this.control, { from, to: thisWeek, tenantId: f.tenantId, region: f.region }), from, thisWeek);
  }

  /** What the ministry sees about one tenant: its row, its alerts and its weekly series. */
  async tenant(ctx: Pick<Ctx, 'now'>, tenant: Pick<Tenant, 'id' | 'slug'>, weeks: number): Promise<TenantIndicatorsView> {
    const all = await this.tenants(ctx, { tenantId: tenant.id });
    const indicators = all.tenants[0];
    if (!indicators) throw tenantNotFound(tenant.slug);
    return { asOf: all.asOf, indicators, alerts: this.alerts(ctx, all.tenants), weekly: await this.weekly(ctx, { weeks, tenantId: tenant.id }) };
  }
}
