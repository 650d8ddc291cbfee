import { daysBetween, isoWeekStart, localDate, plusDays, type MppStatus } from '@satupintu/core';
import { computeIkm } from '../skm/index.js';
import type { CockpitRow, WeeklyRow } from './queries.js';
import type { CockpitTotalsView, TenantIndicators, WeekPoint } from './schemas.js';

/**
 * The cockpit's arithmetic as pure functions of published rows and one clock reading
 * (docs/monitoring.md): the window, a tenant's indicators, the weekly series, national totals.
 */

/** Alert thresholds (docs/monitoring.md); each can be overridden per request. */
export interface AlertThresholds {
  /** Days without an online (self or assisted) application after launch before `no-online-uptake`. */
  noOnlineDays: number;
  /** SLA compliance under this share (0–1) over the window raises `sla-below-threshold`. */
  slaMin: number;
  /** …when at least this many applications completed in the window (small samples say little). */
  slaMinCompleted: number;
  /** Weeks of the SLA / online-share / utilization window. */
  windowWeeks: number;
  /** Days before the deadline an unlaunched tenant is flagged `deadline-near`. */
  deadlineWarnDays: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = { noOnlineDays: 14, slaMin: 0.8, slaMinCompleted: 10, windowWeeks: 4, deadlineWarnDays: 60 };

/** The cockpit's calendar: weeks and "today" by the Asia/Jakarta date. */
export const NATIONAL_ZONE = 'Asia/Jakarta';

export type { TenantIndicators, WeekPoint } from './schemas.js';

/** a ÷ b rounded to 4 decimals; null when b is 0. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Monday of the current week and of the window's first week, by the Asia/Jakarta calendar at `now`. */
export function cockpitWindow(weeks: number, now: Date): { from: string; thisWeek: string } {
  const thisWeek = isoWeekStart(localDate(now, NATIONAL_ZONE));
  return { from: plusDays(thisWeek, -7 * (weeks - 1)), thisWeek };
}

/** Respondents and the IKM with its category from the window's nine per-unsur sums. */
export function skmOf(n: number, sums: readonly number[] | null): TenantIndicators['skm'] {
  const r = sums && n > 0 ? computeIkm(sums, n) : null;
  return { responses: n, ikm: r?.ikm ?? null, category: r?.category ?? null };
}

/** One tenant's indicators from its published row; days to the deadline by its own local date at `now`. */
export function indicatorsOf(r: CockpitRow, now: Date): TenantIndicators {
  const total = r.online + r.assisted + r.counter;
  const today = localDate(now, r.time_zone);
  return {
    slug: r.slug,
    code: r.code,
    name: r.name,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    homeRegion: r.home_region,
    population: r.population,
    mppStatus: r.mpp_status,
    committedOn: r.committed_on,
    deadline: r.deadline,
    daysToDeadline: r.deadline ? daysBetween(today, r.deadline) : null,
    launchedOn: r.launched_on,
    inauguratedOn: r.inaugurated_on,
    servicesLive: r.services_live ?? 0,
    servicesPlanned: r.services_planned ?? 0,
    servicesInstalled: r.services_installed ?? 0,
    onboardingProgress: r.checklist_total ? ratio(r.checklist_done ?? 0, r.checklist_total) : null,
    applications: { online: r.online, assisted: r.assisted, counter: r.counter, total },
    onlineShare: ratio(r.online + r.assisted, total),
    selfServiceShare: ratio(r.online, total),
    completed: r.completed,
    slaCompliance: ratio(r.completed_on_time, r.completed),
    overdue: r.overdue_open ?? 0,
    openApplications: r.open_total ?? 0,
    appointmentUtilization: ratio(r.sessions_booked, r.sessions_capacity),
    attendance: ratio(r.sessions_checked_in, r.sessions_booked),
    lastOnlineAt: r.last_online_at?.toISOString() ?? null,
    complaints: { open: r.complaints_open ?? 0, overdue: r.complaints_overdue ?? 0 },
    skm: skmOf(r.skm_responses, r.skm_sums),
    rollupAt: r.published_at?.toISOString() ?? null,
  };
}

/** The weekly series from `from` to `thisWeek`, oldest first, every week present (zeros included). */
export function weeklySeries(rows: readonly WeeklyRow[], from: string, thisWeek: string): WeekPoint[] {
  const byWeek = new Map(rows.map((r) => [r.week_start, r]));
  const out: WeekPoint[] = [];
  for (let w = from; w <= thisWeek; w = plusDays(w, 7)) {
    const r = byWeek.get(w);
    const online = r?.online ?? 0;
    const assisted = r?.assisted ?? 0;
    const counter = r?.counter ?? 0;
    const total = online + assisted + counter;
    out.push({
      weekStart: w,
      online,
      assisted,
      counter,
      total,
      onlineShare: ratio(online + assisted, total),
      completed: r?.completed ?? 0,
      completedOnTime: r?.completed_on_time ?? 0,
      slaCompliance: ratio(r?.completed_on_time ?? 0, r?.completed ?? 0),
      sessionsCapacity: r?.sessions_capacity ?? 0,
      sessionsBooked: r?.sessions_booked ?? 0,
      sessionsCheckedIn: r?.sessions_checked_in ?? 0,
      utilization: ratio(r?.sessions_booked ?? 0, r?.sessions_capacity ?? 0),
    });
  }
  return out;
}

/** National totals: sums over tenants; shares are ratios of the sums (weighted by volume), not averages of ratios. */
export function totalsOf(tenants: readonly TenantIndicators[]): CockpitTotalsView {
  const sum = (f: (t: TenantIndicators) => number) => tenants.reduce((n, t) => n + f(t), 0);
  const applications = { online: sum((t) => t.applications.online), assisted: sum((t) => t.applications.assisted), counter: sum((t) => t.applications.counter), total: sum((t) => t.applications.total) };
  const byStatus: Partial<Record<MppStatus, number>> = {};
  for (const t of tenants) byStatus[t.mppStatus] = (byStatus[t.mppStatus] ?? 0) + 1;
  const completed = sum((t) => t.completed);
  const onTime = sum((t) => (t.slaCompliance ?? 0) * t.completed);
  return {
    tenants: tenants.length,
    byStatus,
    servicesLive: sum((t) => t.servicesLive),
    servicesPlanned: sum((t) => t.servicesPlanned),
    applications,
    onlineShare: ratio(applications.online + applications.assisted, applications.total),
    completed,
    slaCompliance: ratio(Math.round(onTime), completed),
    overdue: sum((t) => t.overdue),
    complaints: { open: sum((t) => t.complaints.open), overdue: sum((t) => t.complaints.overdue) },
    skmResponses: sum((t) => t.skm.responses),
  };
}
