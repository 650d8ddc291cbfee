import { findRegency } from '@satupintu/core';
import { computeIkm } from '../skm/index.js';
import type { AlertUpsert, LaunchWindowRow, PeriodFiguresRow } from './queries.js';

/**
 * The Monev alerts over history as pure functions of published rollups (national_weekly): no
 * clock, no database. docs/monitoring.md "Alerts over history".
 */

export type Indicator = 'online-share' | 'sla-compliance' | 'ikm';
export const LOWEST_INDICATORS: readonly Indicator[] = ['online-share', 'sla-compliance', 'ikm'];

export interface HistoryOptions {
  /** Weeks after the launch week inspected by `no-online-after-launch` (default 2: the 14 days of domain.md §5). */
  noOnlineWeeks: number;
  /** At most this many online (self or assisted) applications in the window counts as none (default 0). */
  maxOnline: number;
  /** Tenants of a province with a figure needed before one is called the lowest (default 2). */
  minPeers: number;
}

export const DEFAULT_HISTORY: HistoryOptions = { noOnlineWeeks: 2, maxOnline: 0, minPeers: 2 };

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The province of a tenant: from its Kemendagri regency code (`62.02` → `62`), as the reference list has it. */
export function provinceOf(code: string): string {
  return findRegency(code)?.provinceCode ?? code.split('.')[0]!;
}

/** A tenant's value of an indicator over the period, or null when there is nothing to divide by. */
export function valueOf(r: PeriodFiguresRow, indicator: Indicator): number | null {
  const total = r.online + r.assisted + r.counter;
  if (indicator === 'online-share') return total > 0 ? r4((r.online + r.assisted) / total) : null;
  if (indicator === 'sla-compliance') return r.completed > 0 ? r4(r.completed_on_time / r.completed) : null;
  return r.skm_sums && r.skm_responses > 0 ? (computeIkm(r.skm_sums, r.skm_responses)?.ikm ?? null) : null;
}

/**
 * `lowest-in-region`: per province and indicator, the tenant(s) with the lowest value among the
 * tenants of the province that have one, when at least `minPeers` have one and not all are equal.
 */
export function lowestInRegion(rows: readonly PeriodFiguresRow[], period: { from: string; to: string }, o: HistoryOptions): AlertUpsert[] {
  const out: AlertUpsert[] = [];
  const byProvince = new Map<string, PeriodFiguresRow[]>();
  for (const r of rows) {
    const p = provinceOf(r.code);
    byProvince.set(p, [...(byProvince.get(p) ?? []), r]);
  }
  for (const [province, tenants] of byProvince)
    for (const indicator of LOWEST_INDICATORS) {
      const valued = tenants.flatMap((t) => {
        const v = valueOf(t, indicator);
        return v === null ? [] : [{ t, v }];
      });
      if (valued.length < o.minPeers) continue;
      const values = valued.map((x) => x.v).sort((a, b) => a - b);
      const low = values[0]!;
      const best = values[values.length - 1]!;
      if (low === best) continue;
      const next = values.find((v) => v > low)!;
      for (const { t, v } of valued.filter((x) => x.v === low))
        out.push({
          tenantId: t.id,
          kind: 'lowest-in-region',
          indicator,
          from: period.from,
          to: period.to,
          provinceCode: province,
          value: v,
          threshold: next,
          peers: valued.length,
          detail: { provinceName: t.province_name, best, next, median: values[Math.floor((values.length - 1) / 2)]! },
        });
    }
  return out;
}

/** The launch window of a tenant: `weeks` ISO weeks from the Monday of its launch week. */
export function launchWindow(launchedOn: string, weeks: number): { from: string; to: string } {
  const d = new Date(`${launchedOn}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  const end = new Date(monday.getTime() + (7 * weeks - 1) * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/** `no-online-after-launch`: the launch windows with at most `maxOnline` online applications. */
export function noOnlineAfterLaunch(rows: readonly LaunchWindowRow[], o: HistoryOptions): AlertUpsert[] {
  return rows
    .filter((r) => r.online <= o.maxOnline)
    .map((r) => {
      const w = launchWindow(r.launched_on, o.noOnlineWeeks);
      return {
        tenantId: r.id,
        kind: 'no-online-after-launch' as const,
        indicator: 'online-applications' as const,
        from: w.from,
        to: w.to,
        provinceCode: r.province_code,
        value: r.online,
        threshold: o.maxOnline,
        peers: 0,
        detail: { launchedOn: r.launched_on, weeks: o.noOnlineWeeks, weeksPublished: r.weeks_published },
      };
    });
}
