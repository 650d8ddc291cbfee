import assert from 'node:assert/strict';
import { alertsOf } from './alerts.js';
import { cockpitWindow, indicatorsOf, skmOf, totalsOf, weeklySeries, type TenantIndicators } from './indicators.js';
import type { CockpitRow } from './queries.js';
import { sessionWindow } from './rollup.js';

/** Monday 7 December 2026, 00:30 WIB: the first hour of an ISO week in Jakarta, still Sunday in UTC. */
const MONDAY_0030_WIB = new Date('2026-12-06T17:30:00Z');
/** Sunday 6 December 2026, 23:30 WIB: the last hour of the week before. */
const SUNDAY_2330_WIB = new Date('2026-12-06T16:30:00Z');

const row = (over: Partial<CockpitRow> = {}): CockpitRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'kab-contoh',
  code: '32.17',
  name: 'Kabupaten Contoh',
  province_code: '32',
  province_name: 'Jawa Barat',
  home_region: 'id-jakarta',
  population: 1000,
  time_zone: 'Asia/Jakarta',
  mpp_status: 'operating',
  committed_on: null,
  deadline: null,
  launched_on: null,
  inaugurated_on: null,
  services_live: null,
  services_planned: null,
  services_installed: null,
  checklist_done: null,
  checklist_total: null,
  overdue_open: null,
  open_total: null,
  last_online_at: null,
  published_at: null,
  online: 0,
  assisted: 0,
  counter: 0,
  completed: 0,
  completed_on_time: 0,
  sessions_capacity: 0,
  sessions_booked: 0,
  sessions_checked_in: 0,
  complaints_open: null,
  complaints_overdue: null,
  skm_responses: 0,
  skm_sums: null,
  ...over,
});

describe('monitoring arithmetic: weeks, windows, indicators, IKM', () => {
  it('starts the week on Monday by the Jakarta calendar, not by UTC (the first hour of a Monday in WIB)', () => {
    assert.deepEqual(cockpitWindow(4, MONDAY_0030_WIB), { from: '2026-11-16', thisWeek: '2026-12-07' });
    assert.deepEqual(cockpitWindow(4, SUNDAY_2330_WIB), { from: '2026-11-09', thisWeek: '2026-11-30' });
    assert.deepEqual(cockpitWindow(1, MONDAY_0030_WIB), { from: '2026-12-07', thisWeek: '2026-12-07' });
  });

  it('takes the appointment/SKM window in the tenant’s own zone: 13 ISO weeks back, a week ahead', () => {
    assert.deepEqual(sessionWindow(MONDAY_0030_WIB, 'Asia/Jakarta'), { from: '2026-09-14', to: '2026-12-14' });
    // 00:30 WIB is 01:30 WITA and 02:30 WIT: the same Monday everywhere in Indonesia.
    assert.deepEqual(sessionWindow(MONDAY_0030_WIB, 'Asia/Jayapura'), { from: '2026-09-14', to: '2026-12-14' });
    assert.deepEqual(sessionWindow(SUNDAY_2330_WIB, 'Asia/Jakarta'), { from: '2026-09-07', to: '2026-12-13' });
  });

  it('fills every week of the series, oldest first, with ratios of 4 decimals', () => {
    const series = weeklySeries(
      [{ week_start: '2026-11-30', online: 3, assisted: 1, counter: 2, completed: 3, completed_on_time: 2, sessions_capacity: 40, sessions_booked: 30, sessions_checked_in: 20 }],
      '2026-11-23',
      '2026-12-07',
    );
    assert.deepEqual(series.map((w) => [w.weekStart, w.total]), [['2026-11-23', 0], ['2026-11-30', 6], ['2026-12-07', 0]]);
    assert.deepEqual([series[1]!.onlineShare, series[1]!.slaCompliance, series[1]!.utilization], [0.6667, 0.6667, 0.75]);
    assert.equal(series[0]!.onlineShare, null, 'no application, no share');
  });

  it('computes a tenant’s indicators from its published row, days to the deadline by its own date', () => {
    const t = indicatorsOf(
      row({ online: 3, assisted: 1, counter: 3, completed: 2, completed_on_time: 1, overdue_open: 1, open_total: 4, deadline: '2026-12-31', checklist_done: 3, checklist_total: 7, skm_responses: 2, skm_sums: Array(9).fill(7) }),
      MONDAY_0030_WIB,
    );
    assert.deepEqual(t.applications, { online: 3, assisted: 1, counter: 3, total: 7 });
    assert.deepEqual([t.onlineShare, t.selfServiceShare, t.slaCompliance, t.overdue, t.openApplications], [0.5714, 0.4286, 0.5, 1, 4]);
    assert.equal(t.daysToDeadline, 24, '7 → 31 December (Jakarta date of the instant, not the UTC one)');
    assert.equal(t.onboardingProgress, 0.4286);
    assert.deepEqual(t.skm, { responses: 2, ikm: 87.5, category: 'B' }, 'all 4s and all 3s: NRR 3.5, IKM 87.5');
    assert.deepEqual(skmOf(0, null), { responses: 0, ikm: null, category: null });
  });

  it('sums national totals; shares are ratios of the sums, weighted by volume', () => {
    const a = indicatorsOf(row({ slug: 'a', online: 9, counter: 1, completed: 10, completed_on_time: 10 }), MONDAY_0030_WIB);
    const b = indicatorsOf(row({ slug: 'b', mpp_status: 'preparing', counter: 90, completed: 90, completed_on_time: 45 }), MONDAY_0030_WIB);
    const totals = totalsOf([a, b]);
    assert.deepEqual(totals.applications, { online: 9, assisted: 0, counter: 91, total: 100 });
    assert.deepEqual([totals.onlineShare, totals.slaCompliance], [0.09, 0.55]);
    assert.deepEqual(totals.byStatus, { operating: 1, preparing: 1 });
  });
});

describe('monitoring alerts (pure: the same figures at the same instant give the same alerts)', () => {
  const ind = (over: Partial<CockpitRow>) => indicatorsOf(row(over), MONDAY_0030_WIB);

  it('flags no online uptake after launch (the KBB case: 18 days), counted from the last online application if later', () => {
    const quiet = ind({ slug: 'sepi', mpp_status: 'launched', launched_on: '2026-11-19' });
    const [a] = alertsOf([quiet], {}, MONDAY_0030_WIB);
    assert.deepEqual([a?.kind, a?.severity, a?.days, a?.since], ['no-online-uptake', 'critical', 18, '2026-11-19']);
    assert.match(a!.message.id, /belum ada permohonan daring 18 hari setelah peluncuran/);
    assert.deepEqual(alertsOf([quiet], { noOnlineDays: 20 }, MONDAY_0030_WIB), [], 'thresholds are the analyst’s to set');
    // Last online application on Monday 30 November 00:10 WIB (still 29 November in UTC): 7 days, no alert.
    const recent = ind({ slug: 'ramai', mpp_status: 'operating', launched_on: '2026-01-01', last_online_at: new Date('2026-11-29T17:10:00Z') });
    assert.deepEqual(alertsOf([recent], {}, MONDAY_0030_WIB), []);
    assert.equal(alertsOf([recent], { noOnlineDays: 7 }, MONDAY_0030_WIB)[0]?.since, '2026-11-30', 'the Jakarta date of the last online application');
  });

  it('flags a passed or near deadline of a tenant not yet serving, and SLA under the threshold with enough completions', () => {
    const late = ind({ slug: 'telat', mpp_status: 'preparing', committed_on: '2025-11-01', deadline: '2026-11-01' });
    const near = ind({ slug: 'dekat', mpp_status: 'trial', committed_on: '2026-01-20', deadline: '2027-01-20' });
    const slow = ind({ slug: 'lambat', completed: 12, completed_on_time: 4 });
    const few = ind({ slug: 'sedikit', completed: 5, completed_on_time: 0 });
    const alerts = alertsOf([slow, near, few, late], {}, MONDAY_0030_WIB);
    assert.deepEqual(
      alerts.map((a) => [a.tenant, a.kind, a.days ?? a.value]),
      [
        ['telat', 'deadline-passed', 36],
        ['dekat', 'deadline-near', 44],
        ['lambat', 'sla-below-threshold', 0.3333],
      ],
      'critical first, then by days',
    );
    assert.deepEqual(alertsOf([slow], { slaMin: 0.3 }, MONDAY_0030_WIB), []);
  });

  it('gives the same alerts for the same instant whatever the machine’s clock says', () => {
    const tenants: TenantIndicators[] = [ind({ slug: 'sepi', mpp_status: 'launched', launched_on: '2026-11-23' })];
    // Launched on Monday 23 November: at Sunday 23:30 WIB that is 13 days, at Monday 00:30 WIB 14 days.
    assert.deepEqual(alertsOf(tenants, {}, SUNDAY_2330_WIB), []);
    assert.equal(alertsOf(tenants, {}, MONDAY_0030_WIB)[0]?.days, 14);
  });
});
