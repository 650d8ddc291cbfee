import { SERVING_STATUSES, daysBetween, isoWeekStart, localDate, plusDays, type LocalizedText, type MppStatus } from '@satupintu/core';
import type { Databases } from '@satupintu/db';
import { computeIkm } from '../skm/ikm.js';

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

export interface ChannelCounts {
  online: number;
  assisted: number;
  counter: number;
  total: number;
}

export interface TenantIndicators {
  slug: string;
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  homeRegion: string;
  population: number;
  mppStatus: MppStatus;
  committedOn: string | null;
  deadline: string | null;
  daysToDeadline: number | null;
  launchedOn: string | null;
  inauguratedOn: string | null;
  servicesLive: number;
  servicesPlanned: number;
  servicesInstalled: number;
  onboardingProgress: number | null;
  /** Applications submitted in the window, by channel. */
  applications: ChannelCounts;
  onlineShare: number | null;
  selfServiceShare: number | null;
  completed: number;
  slaCompliance: number | null;
  overdue: number;
  openApplications: number;
  appointmentUtilization: number | null;
  attendance: number | null;
  lastOnlineAt: string | null;
  /** Complaints open now, and those past their current deadline. */
  complaints: { open: number; overdue: number };
  /** SKM over the window: respondents and the IKM (PermenPANRB 14/2017, equal weights; docs/skm.md). */
  skm: { responses: number; ikm: number | null; category: string | null };
  rollupAt: string | null;
}

export type AlertKind = 'no-online-uptake' | 'deadline-passed' | 'deadline-near' | 'sla-below-threshold';

export interface Alert {
  kind: AlertKind;
  severity: 'critical' | 'warning';
  tenant: string;
  name: string;
  since: string | null;
  days: number | null;
  value: number | null;
  threshold: number | null;
  message: LocalizedText;
}

export interface WeekPoint {
  weekStart: string;
  online: number;
  assisted: number;
  counter: number;
  total: number;
  onlineShare: number | null;
  completed: number;
  completedOnTime: number;
  slaCompliance: number | null;
  sessionsCapacity: number;
  sessionsBooked: number;
  sessionsCheckedIn: number;
  utilization: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

interface Row {
  id: string;
  slug: string;
  code: string;
  name: string;
  province_code: string;
  province_name: string;
  home_region: string;
  population: number;
  time_zone: string;
  mpp_status: MppStatus;
  committed_on: string | null;
  deadline: string | null;
  launched_on: string | null;
  inaugurated_on: string | null;
  services_live: number | null;
  services_planned: number | null;
  services_installed: number | null;
  checklist_done: number | null;
  checklist_total: number | null;
  overdue_open: number | null;
  open_total: number | null;
  last_online_at: Date | null;
  published_at: Date | null;
  online: number;
  assisted: number;
  counter: number;
  completed: number;
  completed_on_time: number;
  sessions_capacity: number;
  sessions_booked: number;
  sessions_checked_in: number;
  complaints_open: number | null;
  complaints_overdue: number | null;
  skm_responses: number;
  skm_sums: number[] | null;
}

/**
 * The national cockpit (ministry analysts): reads only the control plane's published rollups —
 * one indexed pass over `national_weekly` for the window joined to the tenant directory — never a
 * region's raw tables. Every figure is an aggregate; formulas are in docs/monitoring.md.
 */
export class Cockpit {
  constructor(private readonly dbs: Databases) {}

  /** Monday of the current week and of the first week of the window (Asia/Jakarta calendar). */
  private window(weeks: number, now: Date) {
    const thisWeek = isoWeekStart(localDate(now, 'Asia/Jakarta'));
    return { from: plusDays(thisWeek, -7 * (weeks - 1)), thisWeek };
  }

  async tenants(opts: { thresholds?: Partial<AlertThresholds>; now?: Date; region?: string; status?: MppStatus; tenantId?: string } = {}): Promise<{ asOf: string; window: { from: string; weeks: number }; tenants: TenantIndicators[] }> {
    const th = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
    const now = opts.now ?? new Date();
    const { from } = this.window(th.windowWeeks, now);
    const rows = (await this.dbs.control.query(
      `select t.id, t.slug, t.code, t.name, t.province_code, t.province_name, t.home_region, t.population, t.time_zone, t.mpp_status,
              t.committed_on::text, t.deadline::text, t.launched_on::text, t.inaugurated_on::text,
              s.services_live, s.services_planned, s.services_installed, s.checklist_done, s.checklist_total, s.overdue_open, s.open_total,
              s.last_online_at, s.published_at, s.complaints_open, s.complaints_overdue,
              coalesce(w.online, 0)::int as online, coalesce(w.assisted, 0)::int as assisted, coalesce(w.counter, 0)::int as counter,
              coalesce(w.completed, 0)::int as completed, coalesce(w.completed_on_time, 0)::int as completed_on_time,
              coalesce(w.sessions_capacity, 0)::int as sessions_capacity, coalesce(w.sessions_booked, 0)::int as sessions_booked,
              coalesce(w.sessions_checked_in, 0)::int as sessions_checked_in, coalesce(w.skm_responses, 0)::int as skm_responses, w.skm_sums
         from tenants t
         left join national_tenant_stats s on s.tenant_id = t.id
         left join (select tenant_id, sum(online) online, sum(assisted) assisted, sum(counter) counter, sum(completed) completed,
                           sum(completed_on_time) completed_on_time, sum(sessions_capacity) sessions_capacity,
                           sum(sessions_booked) sessions_booked, sum(sessions_checked_in) sessions_checked_in, sum(skm_responses) skm_responses,
                           array[sum(skm_sums[1]), sum(skm_sums[2]), sum(skm_sums[3]), sum(skm_sums[4]), sum(skm_sums[5]), sum(skm_sums[6]), sum(skm_sums[7]), sum(skm_sums[8]), sum(skm_sums[9])]::int[] skm_sums
                      from national_weekly where week_start >= $1 group by tenant_id) w on w.tenant_id = t.id
        where ($2::text is null or t.home_region = $2) and ($3::text is null or t.mpp_status = $3) and ($4::uuid is null or t.id = $4)
        order by t.code`,
      [from, opts.region ?? null, opts.status ?? null, opts.tenantId ?? null],
    )) as Row[];
    return { asOf: now.toISOString(), window: { from, weeks: th.windowWeeks }, tenants: rows.map((r) => this.indicators(r, now)) };
  }

  private indicators(r: Row, now: Date): TenantIndicators {
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

  alerts(tenants: TenantIndicators[], thresholds: Partial<AlertThresholds> = {}, now = new Date()): Alert[] {
    const th = { ...DEFAULT_THRESHOLDS, ...thresholds };
    const out: Alert[] = [];
    const today = localDate(now, 'Asia/Jakarta');
    for (const t of tenants) {
      const serving = SERVING_STATUSES.includes(t.mppStatus);
      if (serving && t.launchedOn) {
        const lastOnline = t.lastOnlineAt ? localDate(new Date(t.lastOnlineAt), 'Asia/Jakarta') : null;
        const since = lastOnline && lastOnline > t.launchedOn ? lastOnline : t.launchedOn;
        const days = daysBetween(since, today);
        if (days >= th.noOnlineDays)
          out.push({
            kind: 'no-online-uptake',
            severity: 'critical',
            tenant: t.slug,
            name: t.name,
            since,
            days,
            value: 0,
            threshold: th.noOnlineDays,
            message: lastOnline
              ? { id: `${t.name}: tidak ada permohonan daring selama ${days} hari (terakhir ${lastOnline}).`, en: `${t.name}: no online application for ${days} days (last on ${lastOnline}).` }
              : { id: `${t.name}: belum ada permohonan daring ${days} hari setelah peluncuran (${t.launchedOn}).`, en: `${t.name}: no online application ${days} days after launch (${t.launchedOn}).` },
          });
      }
      if (!serving && t.deadline && t.daysToDeadline !== null) {
        if (t.daysToDeadline < 0)
          out.push({
            kind: 'deadline-passed',
            severity: 'critical',
            tenant: t.slug,
            name: t.name,
            since: t.deadline,
            days: -t.daysToDeadline,
            value: null,
            threshold: null,
            message: { id: `${t.name}: batas waktu komitmen ${t.deadline} terlewati ${-t.daysToDeadline} hari, status ${t.mppStatus}.`, en: `${t.name}: commitment deadline ${t.deadline} passed ${-t.daysToDeadline} days ago, status ${t.mppStatus}.` },
          });
        else if (t.daysToDeadline <= th.deadlineWarnDays)
          out.push({
            kind: 'deadline-near',
            severity: 'warning',
            tenant: t.slug,
            name: t.name,
            since: t.deadline,
            days: t.daysToDeadline,
            value: null,
            threshold: th.deadlineWarnDays,
            message: { id: `${t.name}: ${t.daysToDeadline} hari menuju batas waktu ${t.deadline}, status ${t.mppStatus}.`, en: `${t.name}: ${t.daysToDeadline} days to the deadline ${t.deadline}, status ${t.mppStatus}.` },
          });
      }
      if (t.slaCompliance !== null && t.completed >= th.slaMinCompleted && t.slaCompliance < th.slaMin)
        out.push({
          kind: 'sla-below-threshold',
          severity: 'warning',
          tenant: t.slug,
          name: t.name,
          since: null,
          days: null,
          value: t.slaCompliance,
          threshold: th.slaMin,
          message: {
            id: `${t.name}: kepatuhan SLA ${pct(t.slaCompliance)} di bawah ${pct(th.slaMin)} (${t.completed} selesai dalam ${th.windowWeeks} minggu).`,
            en: `${t.name}: SLA compliance ${pct(t.slaCompliance)} under ${pct(th.slaMin)} (${t.completed} completed in ${th.windowWeeks} weeks).`,
          },
        });
    }
    const rank = { critical: 0, warning: 1 } as const;
    return out.sort((a, b) => rank[a.severity] - rank[b.severity] || (b.days ?? 0) - (a.days ?? 0) || a.tenant.localeCompare(b.tenant));
  }

  async overview(opts: { thresholds?: Partial<AlertThresholds>; now?: Date; region?: string; status?: MppStatus } = {}) {
    const r = await this.tenants(opts);
    const sum = (f: (t: TenantIndicators) => number) => r.tenants.reduce((n, t) => n + f(t), 0);
    const apps = { online: sum((t) => t.applications.online), assisted: sum((t) => t.applications.assisted), counter: sum((t) => t.applications.counter), total: sum((t) => t.applications.total) };
    const byStatus: Record<string, number> = {};
    for (const t of r.tenants) byStatus[t.mppStatus] = (byStatus[t.mppStatus] ?? 0) + 1;
    const completed = sum((t) => t.completed);
    const onTime = r.tenants.reduce((n, t) => n + (t.slaCompliance ?? 0) * t.completed, 0);
    return {
      asOf: r.asOf,
      window: r.window,
      thresholds: { ...DEFAULT_THRESHOLDS, ...opts.thresholds },
      totals: {
        tenants: r.tenants.length,
        byStatus,
        servicesLive: sum((t) => t.servicesLive),
        servicesPlanned: sum((t) => t.servicesPlanned),
        applications: apps,
        onlineShare: ratio(apps.online + apps.assisted, apps.total),
        completed,
        slaCompliance: ratio(Math.round(onTime), completed),
        overdue: sum((t) => t.overdue),
        complaints: { open: sum((t) => t.complaints.open), overdue: sum((t) => t.complaints.overdue) },
        skmResponses: sum((t) => t.skm.responses),
      },
      tenants: r.tenants,
      alerts: this.alerts(r.tenants, opts.thresholds, opts.now),
    };
  }

  /** Weekly series, nationally or for one tenant, oldest week first, every week present. */
  async weekly(opts: { weeks: number; tenantId?: string; region?: string; now?: Date }): Promise<WeekPoint[]> {
    const { from, thisWeek } = this.window(opts.weeks, opts.now ?? new Date());
    const rows = (await this.dbs.control.query(
      `select w.week_start::text as week_start, sum(w.online)::int online, sum(w.assisted)::int assisted, sum(w.counter)::int counter,
              sum(w.completed)::int completed, sum(w.completed_on_time)::int completed_on_time,
              sum(w.sessions_capacity)::int sessions_capacity, sum(w.sessions_booked)::int sessions_booked, sum(w.sessions_checked_in)::int sessions_checked_in
         from national_weekly w
         ${opts.region ? 'join tenants t on t.id = w.tenant_id and t.home_region = $4' : ''}
        where w.week_start between $1 and $2 and ($3::uuid is null or w.tenant_id = $3)
        group by w.week_start`,
      opts.region ? [from, thisWeek, opts.tenantId ?? null, opts.region] : [from, thisWeek, opts.tenantId ?? null],
    )) as { week_start: string; online: number; assisted: number; counter: number; completed: number; completed_on_time: number; sessions_capacity: number; sessions_booked: number; sessions_checked_in: number }[];
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
}

function skmOf(n: number, sums: number[] | null) {
  const r = sums && n > 0 ? computeIkm(sums, n) : null;
  return { responses: n, ikm: r?.ikm ?? null, category: r?.category ?? null };
}
