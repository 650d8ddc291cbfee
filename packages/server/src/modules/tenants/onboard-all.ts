import { homeRegionOf, isProblemError, suggestSlug, type MppStatus, type Regency, type SatupintuConfig } from '@satupintu/core';
import type { TenantService } from './service.js';
import type { Ctx } from '../../context.js';

export interface OnboardAllSummary {
  total: number;
  created: number;
  skipped: number;
  failed: { code: string; name: string; error: string }[];
  /** Tenants per home region after the run (all tenants, not only the new ones). */
  byRegion: Record<string, number>;
  ms: number;
}

/**
 * Creates a tenant for every regency that has none, each in the home region of its province
 * (HOME_REGION_PROVINCES), a few at a time. Safe to rerun: a regency that is already a tenant (by
 * code) is skipped, and a slug taken by another tenant gets the code appended. One failure never
 * stops the others; `onProgress` is called after each regency.
 */
export async function onboardAll(
  ctx: Ctx,
  deps: { tenants: TenantService; config: Pick<SatupintuConfig, 'homeRegionByProvince' | 'defaultRegion'> },
  regencies: Regency[],
  opts: { status: MppStatus; concurrency: number; actor: string; onStart?: (total: number) => void; onProgress?: (done: number, current: string) => void },
): Promise<OnboardAllSummary> {
  const started = performance.now();
  const existing = new Set((await deps.tenants.list()).map((t) => t.code));
  const todo = regencies.filter((r) => !existing.has(r.code));
  const failed: OnboardAllSummary['failed'] = [];
  let created = 0;
  let done = 0;
  opts.onStart?.(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const r = todo[next++]!;
      const homeRegion = homeRegionOf(r.code, deps.config.homeRegionByProvince, deps.config.defaultRegion);
      const base = suggestSlug(r.name);
      // Each creation is its own unit of work (the workers run side by side).
      const one: Ctx = { ...ctx, stats: { statements: 0, transactions: 0 } };
      try {
        try {
          await deps.tenants.create(one, { code: r.code, slug: base, homeRegion, mppStatus: opts.status }, opts.actor);
        } catch (e) {
          if (!(isProblemError(e) && e.code === 'TENANT_SLUG_TAKEN')) throw e;
          await deps.tenants.create(one, { code: r.code, slug: `${base}-${r.code.replace('.', '')}`, homeRegion, mppStatus: opts.status }, opts.actor);
        }
        created++;
      } catch (e) {
        // A regency created meanwhile by someone else is not a failure.
        if (!(isProblemError(e) && e.code === 'TENANT_CODE_TAKEN')) failed.push({ code: r.code, name: r.name, error: e instanceof Error ? e.message : String(e) });
      } finally {
        opts.onProgress?.(++done, `${r.code} ${r.name} → ${homeRegion}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, Math.max(1, todo.length)) }, worker));
  const byRegion = await deps.tenants.countByRegion();
  return { total: regencies.length, created, skipped: regencies.length - todo.length, failed, byRegion, ms: performance.now() - started };
}
