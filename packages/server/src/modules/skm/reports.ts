import type { Tenant } from '@satupintu/core';
import type { Sql, UnitOfWork } from '@satupintu/db';
import type { Ctx, TenantCtx } from '../../context.js';
import type { TenantService } from '../tenants/index.js';
import { periodInvalid } from './errors.js';
import { computeIkm, minimumSample, WEIGHTING, type IkmResult } from './ikm.js';
import { periodIsValid, type Period } from './period.js';
import { responseQueries, SCORE_COLUMNS, type Scores } from './queries.js';
import type { AgencyIkmView, IkmReportView, NationalIkmView } from './schemas.js';

export interface IkmFilter {
  agency?: string;
  service?: string;
}

const SERVICE_USERS = 'service-users (applications completed in the period)';
const TENANT_POPULATION = 'tenant-population (control plane)';

const sumsOf = (r: Scores) => SCORE_COLUMNS.map((c) => r[c]);
const zero = () => SCORE_COLUMNS.map(() => 0);
const add = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));

/** PERIOD_INVALID unless `to` is on or after `from` and at most 366 days later; `pointer` names the field. */
export function checkPeriod(p: Period, pointer?: string): void {
  if (!periodIsValid(p)) throw periodInvalid(pointer);
}

/** An IKM result with its Krejcie–Morgan sample check (a warning when respondents fall short). */
export function withSample(result: IkmResult | null, sample: { population: number; basis: string }) {
  const min = minimumSample(sample.population);
  const n = result?.respondents ?? 0;
  const empty = { respondents: 0, elements: [], weightedNrr: null, ikm: null, category: null, performance: null, weighting: WEIGHTING, lowest: null };
  return {
    ...(result ?? empty),
    sample: {
      population: sample.population,
      populationBasis: sample.basis,
      krejcieMorgan: { tableN: min.tableN, minimum: min.minimum },
      sufficient: n >= min.minimum,
      ...(n < min.minimum
        ? { warning: { id: `Responden ${n} di bawah sampel minimum ${min.minimum} (Krejcie–Morgan, populasi ${sample.population}).`, en: `${n} respondents is below the minimum sample ${min.minimum} (Krejcie–Morgan, population ${sample.population}).` } }
        : {}),
    },
  };
}

/** A row for a result that exists (respondents > 0), none otherwise. */
const answered = <T>(r: IkmResult | null, row: (r: IkmResult) => T): T[] => (r ? [row(r)] : []);

/**
 * IKM reports, recomputed from the stored answers: per tenant (with its services), per agency
 * across every tenant and region, and per tenant for the ministry. Aggregates only: never a
 * response row, a profile or a suggestion.
 */
export class ReportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tenants: TenantService,
  ) {}

  /**
   * IKM of a tenant for a period inside an open unit of work: tenant-wide (sample checked against
   * the tenant's population from the control plane), or of one agency or service (against its
   * service users in the period), with the per-service breakdown.
   */
  async ikmIn(sql: Sql, tenant: Tenant, p: Period, filter: IkmFilter = {}): Promise<IkmReportView> {
    const rows = await responseQueries.sums(sql, p, filter);
    const total = rows.reduce((acc, r) => add(acc, sumsOf(r)), zero());
    const n = rows.reduce((a, r) => a + r.n, 0);
    const scope = filter.service
      ? { scope: 'service' as const, key: filter.service }
      : filter.agency
        ? { scope: 'agency' as const, key: filter.agency }
        : { scope: 'tenant' as const, key: tenant.slug };
    const sample =
      scope.scope === 'tenant' ? { population: tenant.population, basis: TENANT_POPULATION } : { population: await responseQueries.served(sql, tenant.timeZone, p, filter), basis: SERVICE_USERS };
    const services = [];
    for (const r of rows) {
      const service = `${r.plugin_id}.${r.service_code}`;
      const population = await responseQueries.served(sql, tenant.timeZone, p, { service });
      services.push({ service, agency: r.agency_code, ...withSample(computeIkm(sumsOf(r), r.n), { population, basis: SERVICE_USERS }) });
    }
    return { tenant: { slug: tenant.slug, name: tenant.name }, ...scope, period: p, ...withSample(computeIkm(total, n), sample), services };
  }

  async ikm(ctx: TenantCtx, p: Period, filter: IkmFilter = {}): Promise<IkmReportView> {
    checkPeriod(p);
    return this.uow.read(ctx, (tx) => this.ikmIn(tx.sql, ctx.tenant, p, filter));
  }

  /** Sums of one tenant in its home region (one read each, one at a time). */
  private sumsOf(ctx: Ctx, t: Tenant, p: Period, filter: IkmFilter) {
    return this.uow.read({ tenant: t, now: ctx.now, log: ctx.log, stats: ctx.stats }, (tx) => responseQueries.sums(tx.sql, p, filter));
  }

  /** An agency's services across every tenant and region: per service overall and per tenant. */
  async agencyAcrossRegions(ctx: Ctx, agency: string, p: Period): Promise<AgencyIkmView> {
    checkPeriod(p);
    const perTenant: { tenant: string; tenantName: string; region: string; service: string; n: number; sums: number[] }[] = [];
    for (const t of await this.tenants.list({ sandbox: false })) {
      for (const r of await this.sumsOf(ctx, t, p, { agency }))
        perTenant.push({ tenant: t.slug, tenantName: t.name, region: t.homeRegion, service: `${r.plugin_id}.${r.service_code}`, n: r.n, sums: sumsOf(r) });
    }
    const byService = new Map<string, { n: number; sums: number[] }>();
    for (const r of perTenant) {
      const acc = byService.get(r.service) ?? { n: 0, sums: zero() };
      byService.set(r.service, { n: acc.n + r.n, sums: add(acc.sums, r.sums) });
    }
    const all = perTenant.reduce((acc, r) => ({ n: acc.n + r.n, sums: add(acc.sums, r.sums) }), { n: 0, sums: zero() });
    return {
      agency,
      period: p,
      weighting: WEIGHTING,
      overall: computeIkm(all.sums, all.n),
      // Every row has respondents (the sums are grouped from responses), so each has an IKM.
      services: [...byService].flatMap(([service, v]) => answered(computeIkm(v.sums, v.n), (r) => ({ service, ...r }))),
      byTenant: perTenant.flatMap((t) => answered(computeIkm(t.sums, t.n), (r) => ({ tenant: t.tenant, tenantName: t.tenantName, region: t.region, service: t.service, ...r }))),
    };
  }

  /** The ministry's view: tenant-wide IKM per tenant, every tenant of the directory (aggregates only). */
  async national(ctx: Ctx, p: Period): Promise<NationalIkmView> {
    checkPeriod(p);
    const items = [];
    for (const t of await this.tenants.list({ sandbox: false })) {
      const rows = await this.sumsOf(ctx, t, p, {});
      const n = rows.reduce((a, r) => a + r.n, 0);
      const sums = rows.reduce((acc, r) => add(acc, sumsOf(r)), zero());
      const r = withSample(computeIkm(sums, n), { population: t.population, basis: TENANT_POPULATION });
      items.push({ tenant: t.slug, tenantName: t.name, region: t.homeRegion, respondents: r.respondents, ikm: r.ikm, category: r.category, weightedNrr: r.weightedNrr, lowest: r.lowest, elements: r.elements, sample: r.sample });
    }
    return { period: p, weighting: WEIGHTING, items };
  }
}
