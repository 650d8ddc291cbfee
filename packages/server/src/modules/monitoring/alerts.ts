import { SERVING_STATUSES, daysBetween, localDate } from '@satupintu/core';
import { DEFAULT_THRESHOLDS, NATIONAL_ZONE, type AlertThresholds } from './indicators.js';
import type { Alert, TenantIndicators } from './schemas.js';

export type { Alert, AlertKind } from './schemas.js';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const RANK = { critical: 0, warning: 1 } as const;

/**
 * The alerts of docs/monitoring.md, computed on read from published indicators at `now` (a pure
 * function: the same figures and the same instant give the same alerts). Critical first, then by
 * days, then by tenant.
 */
export function alertsOf(tenants: readonly TenantIndicators[], thresholds: Partial<AlertThresholds>, now: Date): Alert[] {
  const th = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const out: Alert[] = [];
  const today = localDate(now, NATIONAL_ZONE);
  for (const t of tenants) {
    const serving = SERVING_STATUSES.includes(t.mppStatus);
    if (serving && t.launchedOn) {
      const lastOnline = t.lastOnlineAt ? localDate(new Date(t.lastOnlineAt), NATIONAL_ZONE) : null;
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
          message: {
            id: `${t.name}: batas waktu komitmen ${t.deadline} terlewati ${-t.daysToDeadline} hari, status ${t.mppStatus}.`,
            en: `${t.name}: commitment deadline ${t.deadline} passed ${-t.daysToDeadline} days ago, status ${t.mppStatus}.`,
          },
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
          message: {
            id: `${t.name}: ${t.daysToDeadline} hari menuju batas waktu ${t.deadline}, status ${t.mppStatus}.`,
            en: `${t.name}: ${t.daysToDeadline} days to the deadline ${t.deadline}, status ${t.mppStatus}.`,
          },
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
  return out.sort((a, b) => RANK[a.severity] - RANK[b.severity] || (b.days ?? 0) - (a.days ?? 0) || a.tenant.localeCompare(b.tenant));
}
