import { localDate, type Tenant } from '@satupintu/core';
import type { Sql, UnitOfWork } from '@satupintu/db';
import type { Ctx, TenantCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import type { ComplaintStats } from '../complaints/index.js';
import { DEFAULT_THRESHOLDS } from '../monitoring/index.js';
import type { OnboardingService } from '../onboarding/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import { checkPeriod, type Period, type SkmService } from '../skm/index.js';
import { evidenceItems, type VisitsSource } from './evidence.js';
import { DEFAULT_HISTORY, LOWEST_INDICATORS, lowestInRegion, noOnlineAfterLaunch, type HistoryOptions } from './history.js';
import { monevQueries, type AlertRow } from './queries.js';
import type { EvidencePackView, MonevAlertView, MonevEvaluationView } from './schemas.js';

/** National views have no tenant: "today" is the Asia/Jakarta date. */
const NATIONAL_ZONE = 'Asia/Jakarta';

const INDICATOR_NAMES: Record<AlertRow['indicator'], { id: string; en: string }> = {
  'online-share': { id: 'porsi permohonan daring', en: 'online share' },
  'sla-compliance': { id: 'kepatuhan SLA', en: 'SLA compliance' },
  ikm: { id: 'IKM', en: 'IKM' },
  'online-applications': { id: 'permohonan daring', en: 'online applications' },
};
const fmt = (indicator: AlertRow['indicator'], v: number | null) => (v === null ? '-' : indicator === 'ikm' || indicator === 'online-applications' ? String(v) : `${Math.round(v * 1000) / 10}%`);

/** An alert row as the API shows it, with its bilingual message. */
export function alertView(r: AlertRow): MonevAlertView {
  const d = r.detail as MonevAlertView['detail'];
  const name = INDICATOR_NAMES[r.indicator];
  const message =
    r.kind === 'lowest-in-region'
      ? {
          id: `${r.name}: ${name.id} ${fmt(r.indicator, r.value)} terendah di ${d.provinceName ?? r.province_code} (${r.peers} tenant; berikutnya ${fmt(r.indicator, r.threshold)}) pada ${r.period_from} s.d. ${r.period_to}.`,
          en: `${r.name}: ${name.en} ${fmt(r.indicator, r.value)} is the lowest in ${d.provinceName ?? r.province_code} (${r.peers} tenants; next ${fmt(r.indicator, r.threshold)}) over ${r.period_from} to ${r.period_to}.`,
        }
      : {
          id: `${r.name}: ${r.value ?? 0} permohonan daring dalam ${d.weeks ?? '?'} minggu setelah peluncuran (${d.launchedOn ?? '?'}), ${r.period_from} s.d. ${r.period_to}.`,
          en: `${r.name}: ${r.value ?? 0} online applications in the ${d.weeks ?? '?'} weeks after launch (${d.launchedOn ?? '?'}), ${r.period_from} to ${r.period_to}.`,
        };
  return {
    tenant: r.slug,
    name: r.name,
    kind: r.kind,
    indicator: r.indicator,
    period: { from: r.period_from, to: r.period_to },
    provinceCode: r.province_code,
    status: r.status,
    value: r.value,
    threshold: r.threshold,
    peers: r.peers,
    detail: d,
    message,
    raisedAt: r.raised_at.toISOString(),
    clearedAt: r.cleared_at?.toISOString() ?? null,
    evaluatedAt: r.evaluated_at.toISOString(),
  };
}

export interface AlertListQuery {
  status?: 'raised' | 'cleared';
  kind?: AlertRow['kind'];
  province?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/**
 * Ministry Monev: alerts over history (evaluated from the national rollups, stored raised or
 * cleared in the control plane) and the per-tenant evidence pack. Reads the control plane for
 * figures and the tenant's own region (under its RLS) for checklist, SKM and complaint counts.
 */
export class MonevService {
  constructor(
    private readonly d: {
      uow: UnitOfWork;
      control: Sql;
      onboarding: Pick<OnboardingService, 'checklist'>;
      skm: Pick<SkmService, 'reportExport'>;
      complaints: Pick<ComplaintStats, 'stats'>;
      registry: Pick<PluginRegistry, 'get'>;
      /** The visits aggregate, wired by the composition root once it exists. */
      visits?: VisitsSource;
    },
  ) {}

  /**
   * Evaluates both alerts over a past (or current) period and stores the outcome, in one
   * control-plane transaction: alerts that hold are raised (kept when already raised), raised
   * ones that no longer hold are cleared. Idempotent: the same figures give the same rows.
   */
  async evaluate(ctx: Ctx, p: Period, options: Partial<HistoryOptions> = {}, kinds: { lowest: boolean } = { lowest: true }): Promise<MonevEvaluationView> {
    checkPeriod(p, '/to');
    const o = { ...DEFAULT_HISTORY, ...options };
    const today = localDate(ctx.now, NATIONAL_ZONE);
    return this.d.uow.control(ctx, async (tx) => {
      await monevQueries.lock(tx.sql);
      const lowest = kinds.lowest ? lowestInRegion(await monevQueries.periodFigures(tx.sql, p), p, o) : [];
      const launch = noOnlineAfterLaunch(await monevQueries.launchWindows(tx.sql, { ...p, weeks: o.noOnlineWeeks, today }), o);
      let raised = 0;
      for (const a of [...lowest, ...launch]) if (await monevQueries.raise(tx.sql, a, ctx.now)) raised++;
      const keyOf = (a: { tenantId: string; indicator: string; from: string; to: string }) => `${a.tenantId}:${a.indicator}:${a.from}:${a.to}`;
      const cleared =
        (kinds.lowest ? await monevQueries.clear(tx.sql, { kind: 'lowest-in-region', indicators: LOWEST_INDICATORS, from: p.from, to: p.to, exact: true, keep: lowest.map(keyOf) }, ctx.now) : 0) +
        // Launch windows overlapping the period, judged again now, that no longer hold (every raised one was complete when raised).
        (await monevQueries.clear(tx.sql, { kind: 'no-online-after-launch', indicators: ['online-applications'], from: p.from, to: p.to, exact: false, keep: launch.map(keyOf) }, ctx.now));
      const items: MonevAlertView[] = [];
      const held = new Set([...lowest, ...launch].map((a) => `${a.tenantId}:${a.kind}:${a.indicator}:${a.from}:${a.to}`));
      for (const r of await monevQueries.page(tx.sql, { status: 'raised', from: p.from, to: p.to }, undefined, 100_000))
        if (held.has(`${r.tenant_id}:${r.kind}:${r.indicator}:${r.period_from}:${r.period_to}`)) items.push(alertView(r));
      return { period: p, options: o, raised, kept: held.size - raised, cleared, items };
    });
  }

  /** One page of alerts, nationally (`tenantId` absent) or of one tenant: latest period first. */
  async page(query: AlertListQuery & { tenantId?: string }): Promise<PageOf<MonevAlertView>> {
    const { tenantId, ...filters } = query;
    const req = pageRequest<[string, string]>({ ...filters, tenantId }, 2);
    const rows = await monevQueries.page(this.d.control, query, req.after, req.limit + 1);
    return pageOf(rows, req, (r) => [r.page_to, r.page_key], alertView);
  }

  /** The journey links (a document taken from another service's output) of the installed services, and whether their source is installed too. */
  private async journeys(services: readonly { id: string; plugin: string; version: string; code: string }[]): Promise<{ service: string; from: string; installed: boolean }[]> {
    const installed = new Set(services.map((s) => s.id));
    const out: { service: string; from: string; installed: boolean }[] = [];
    const manifests = new Map<string, Awaited<ReturnType<PluginRegistry['get']>>['manifest']>();
    for (const s of services) {
      const key = `${s.plugin}@${s.version}`;
      if (!manifests.has(key)) manifests.set(key, (await this.d.registry.get(s.plugin, s.version)).manifest);
      const def = manifests.get(key)?.services.find((x) => x.code === s.code);
      for (const d of def?.documents ?? [])
        if (d.fromService) {
          const from = `${d.fromService.plugin}.${d.fromService.service}`;
          out.push({ service: s.id, from, installed: installed.has(from) });
        }
    }
    return out;
  }

  /** The evidence pack of the context's tenant for a period (tenant-local dates). */
  async evidence(ctx: TenantCtx, p: Period): Promise<EvidencePackView> {
    checkPeriod(p);
    const t: Tenant = ctx.tenant;
    const [checklist, skm, complaints] = [await this.d.onboarding.checklist(ctx), await this.d.skm.reportExport(ctx, p), await this.d.complaints.stats(ctx, p)];
    const [figures] = await monevQueries.periodFigures(this.d.control, { ...p, tenantId: t.id });
    const alerts = await monevQueries.raisedOf(this.d.control, t.id, p.from, p.to);
    const visits = this.d.visits ? await this.d.visits({ tenantId: t.id, from: p.from, to: p.to }) : null;
    const journeys = await this.journeys(checklist.services);
    const indicators = evidenceItems({ checklist, figures, journeys, ikm: skm.report, followUps: skm.followUps, publications: skm.publications, complaints, alerts, visits, slaMin: DEFAULT_THRESHOLDS.slaMin });
    const count = (s: string) => indicators.filter((i) => i.status === s).length;
    return {
      tenant: { slug: t.slug, name: t.name, code: t.code, provinceCode: t.provinceCode, provinceName: t.provinceName, mppStatus: t.mppStatus },
      period: p,
      generatedAt: ctx.now.toISOString(),
      instrument: 'Monev MPP (Pedoman MenPANRB 5/2022; Perpres 89/2021), with the PEKPPP policy indicators (PermenPANRB 29/2022) and SKM (PermenPANRB 14/2017)',
      summary: { met: count('met'), partly: count('partly'), missing: count('missing') },
      indicators,
      alerts: alerts.map(alertView),
    };
  }
}

