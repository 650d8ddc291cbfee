import semver from 'semver';
import { localDate } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import type { Ctx } from '../../context.js';
import { skmOf } from '../monitoring/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import { agencyNotFound } from './errors.js';
import { fleetQueries, type AgencyRegionRow } from './queries.js';
import type { AgencyRegions, Distribution } from './schemas.js';
import { COUNTED_TENANTS } from './tenants.js';

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** The highest published version that is not a pre-release (what "behind" is measured against). */
export function latestOf(versions: readonly string[]): string {
  return versions.filter((v) => !semver.prerelease(v)).sort(semver.rcompare)[0] ?? [...versions].sort(semver.rcompare)[0]!;
}

/** A quarter (`2026-Q4`) or a month (`2026-11`) as local dates, both inclusive; default the quarter of `today`. */
export function periodOf(period: string | undefined, today: string): { from: string; to: string } {
  const p = period ?? `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const year = Number(p.slice(0, 4));
  const [first, months] = p[5] === 'Q' ? [(Number(p[6]) - 1) * 3, 3] : [Number(p.slice(5, 7)) - 1, 1];
  const from = new Date(Date.UTC(year, first, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, first + months, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * What publishers, the ministry and agencies read of every tenant's plugins, from the control
 * plane only (published by each region's `installations.versions` job): versions, policies and
 * counts, never a person.
 */
export class Fleet {
  constructor(
    private readonly control: Sql,
    private readonly registry: PluginRegistry,
  ) {}

  /** The agency that publishes a plugin (PLUGIN_NOT_FOUND when none): who may read its distribution. */
  async agencyOf(pluginId: string): Promise<string> {
    return (await this.registry.summary(pluginId)).agency.code;
  }

  /** Which version each tenant runs of one plugin, who is behind the latest, their policies. */
  async distribution(ctx: Ctx, pluginId: string): Promise<Distribution> {
    const summary = await this.registry.summary(pluginId);
    const latest = latestOf(summary.versions.map((v) => v.version));
    const rows = await fleetQueries.distribution(this.control, pluginId, COUNTED_TENANTS);
    const tenants = rows.map((r) => ({
      tenant: r.slug,
      name: r.name,
      province: r.province_name,
      region: r.home_region,
      version: r.version,
      range: r.pin_range,
      policy: r.policy,
      behind: semver.lt(r.version, latest),
      heldVersion: r.held_version,
      publishedAt: r.published_at.toISOString(),
    }));
    const inUse = [...new Set(tenants.map((t) => t.version))].sort(semver.rcompare);
    return {
      plugin: pluginId,
      agency: summary.agency.code,
      latest,
      asOf: ctx.now.toISOString(),
      totals: {
        tenants: tenants.length,
        onLatest: tenants.filter((t) => !t.behind).length,
        behind: tenants.filter((t) => t.behind).length,
        held: tenants.filter((t) => t.heldVersion !== null).length,
        byPolicy: { manual: tenants.filter((t) => t.policy === 'manual').length, patch: tenants.filter((t) => t.policy === 'patch').length, minor: tenants.filter((t) => t.policy === 'minor').length },
      },
      versions: inUse.map((v) => ({ version: v, tenants: tenants.filter((t) => t.version === v).length, behind: semver.lt(v, latest) })),
      tenants,
    };
  }

  /** The agency's services in every tenant: SLA compliance, overdue work, complaints, IKM and the version each runs. */
  async agencyRegions(ctx: Ctx, agency: string, period: string | undefined): Promise<AgencyRegions> {
    const plugins = (await this.registry.list({ agency })).map((p) => ({ plugin: p.id, latest: latestOf(p.versions.map((v) => v.version)) }));
    if (!plugins.length) throw agencyNotFound(agency);
    const { from, to } = periodOf(period, localDate(ctx.now, 'Asia/Jakarta'));
    const rows = await fleetQueries.agencyRegions(this.control, plugins.map((p) => p.plugin), from, to, COUNTED_TENANTS);
    const byTenant = new Map<string, AgencyRegionRow[]>();
    for (const r of rows) byTenant.set(r.slug, [...(byTenant.get(r.slug) ?? []), r]);
    const figures = (rs: AgencyRegionRow[]) => {
      const sum = (f: (r: AgencyRegionRow) => number) => rs.reduce((a, r) => a + f(r), 0);
      const completed = sum((r) => r.completed);
      const completedOnTime = sum((r) => r.completed_on_time);
      const n = sum((r) => r.skm_responses);
      const sums = Array.from({ length: 9 }, (_, i) => sum((r) => r.skm_sums?.[i] ?? 0));
      return {
        open: sum((r) => r.open_total),
        overdue: sum((r) => r.overdue),
        completed,
        completedOnTime,
        slaCompliance: ratio(completedOnTime, completed),
        complaints: { open: sum((r) => r.complaints_open), overdue: sum((r) => r.complaints_overdue) },
        skm: skmOf(n, sums),
      };
    };
    const latest = new Map(plugins.map((p) => [p.plugin, p.latest]));
    const tenants = [...byTenant.values()].map((rs) => ({
      tenant: rs[0]!.slug,
      name: rs[0]!.name,
      province: rs[0]!.province_name,
      region: rs[0]!.home_region,
      plugins: rs.map((r) => ({ plugin: r.plugin_id, version: r.version, behind: semver.lt(r.version, latest.get(r.plugin_id)!), policy: r.policy, heldVersion: r.held_version })),
      ...figures(rs),
      publishedAt: new Date(Math.min(...rs.map((r) => r.published_at.getTime()))).toISOString(),
    }));
    // The counter needing help first: lowest SLA compliance (none completed last), then most overdue work.
    tenants.sort((a, b) => (a.slaCompliance ?? 2) - (b.slaCompliance ?? 2) || b.overdue - a.overdue || a.tenant.localeCompare(b.tenant));
    return { agency, period: { from, to }, asOf: ctx.now.toISOString(), plugins, totals: { tenants: tenants.length, ...figures(rows) }, tenants };
  }
}
