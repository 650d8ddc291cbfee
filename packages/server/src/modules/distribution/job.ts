import { createHash } from 'node:crypto';
import type { UnitOfWork } from '@satupintu/db';
import { workContext, type TenantCtx } from '../../context.js';
import type { JobCtx, JobSpec } from '../../jobs/spec.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { sessionWindow } from '../monitoring/index.js';
import { publishQueries, regionQueries } from './queries.js';

export const VERSIONS_JOB = 'installations.versions';
/** Every five minutes in every region (figures for the agencies' view); a publication sends the job at once (auto-upgrades). */
export const VERSIONS_CRON = '*/5 * * * *';
const CONCURRENCY = 4;

export interface VersionsDeps {
  uow: UnitOfWork;
  tenants: Pick<TenantService, 'list'>;
  installations: InstallationService;
  registry: PluginRegistry;
  /** What each tenant last published from this process: an unchanged tenant is not written again (a restart republishes once). */
  lastPublished: Map<string, string>;
}

export interface VersionsResult {
  tenants: number;
  upgraded: string[];
  held: string[];
  published: number;
  failed: number;
}

/**
 * One tenant: its auto-upgrades (InstallationService.autoUpgrade), then what it runs of each plugin
 * and each plugin's figures (open and overdue work, complaints, completions on time and SKM per
 * week over the monitoring rollup's 13-week window) to the control plane, as absolute values in
 * one unit of work. Counts and versions only cross: no person, no free text.
 */
export async function refreshVersions(d: VersionsDeps, ctx: TenantCtx, published: (plugin: string) => Promise<string[]>): Promise<{ upgraded: string[]; held: string[]; published: boolean }> {
  const { upgraded, held } = await d.installations.autoUpgrade(ctx, published);
  const t = ctx.tenant;
  const from = sessionWindow(ctx.now, t.timeZone).from;
  const local = await d.uow.read(ctx, async (tx) => ({
    installs: await d.installations.list(ctx, tx),
    open: await regionQueries.open(tx.sql, ctx.now),
    complaints: await regionQueries.complaints(tx.sql, ctx.now),
    weeks: await regionQueries.weeks(tx.sql, from, t.timeZone),
  }));
  const plugins = new Set(local.installs.map((i) => i.plugin));
  const stats = local.installs.map((i) => {
    const o = local.open.find((r) => r.plugin_id === i.plugin);
    const c = local.complaints.find((r) => r.plugin_id === i.plugin);
    return { pluginId: i.plugin, version: i.version, range: i.range, policy: i.policy, heldVersion: i.held?.version ?? null, openTotal: o?.open_total ?? 0, overdue: o?.overdue ?? 0, complaintsOpen: c?.open ?? 0, complaintsOverdue: c?.overdue ?? 0 };
  });
  // Weeks of plugins the tenant still runs (an uninstalled plugin's history stays as published).
  const weeks = local.weeks.filter((w) => plugins.has(w.plugin_id));
  const hash = createHash('sha256').update(JSON.stringify({ from, stats, weeks })).digest('hex');
  if (d.lastPublished.get(t.id) === hash) return { upgraded, held, published: false };
  await d.uow.control(ctx, (tx) => publishQueries.replace(tx.sql, t.id, stats, weeks, from, ctx.now));
  d.lastPublished.set(t.id, hash);
  return { upgraded, held, published: true };
}

/** One region's pass over its tenants, a few at a time, at the job's one clock reading. */
export async function refreshVersionsRegion(d: VersionsDeps, job: Pick<JobCtx, 'region' | 'now' | 'clock' | 'log'>): Promise<VersionsResult> {
  const tenants = await d.tenants.list({ region: job.region });
  const published = publishedVersions(d.registry);
  const out: VersionsResult = { tenants: tenants.length, upgraded: [], held: [], published: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < tenants.length) {
      const tenant = tenants[next++]!;
      // At the job's one clock reading; a sandbox at its own clock's (ADR 0031).
      const own = workContext({ clock: job.clock, log: job.log, route: VERSIONS_JOB, tenant });
      const ctx: TenantCtx = tenant.sandbox ? own : { ...own, now: job.now };
      try {
        const r = await refreshVersions(d, ctx, published);
        out.upgraded.push(...r.upgraded.map((u) => `${tenant.slug}:${u}`));
        out.held.push(...r.held.map((h) => `${tenant.slug}:${h}`));
        if (r.published) out.published++;
      } catch (err) {
        // One broken tenant must not starve the others; the next run retries it.
        out.failed++;
        ctx.log.warn({ err, region: job.region }, 'versions refresh failed for a tenant');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tenants.length) }, worker));
  if (out.upgraded.length || out.held.length || out.failed) job.log.info({ region: job.region, upgraded: out.upgraded.length, held: out.held.length, failed: out.failed }, 'plugin versions refreshed');
  return out;
}

/** The registry's versions of a plugin, read once per run. */
function publishedVersions(registry: PluginRegistry): (plugin: string) => Promise<string[]> {
  const versions = new Map<string, Promise<string[]>>();
  return (plugin) => {
    let hit = versions.get(plugin);
    if (!hit) versions.set(plugin, (hit = registry.summary(plugin).then((s) => s.versions.map((v) => v.version))));
    return hit;
  };
}

export function versionsJob(d: VersionsDeps): JobSpec {
  return {
    name: VERSIONS_JOB,
    cron: VERSIONS_CRON,
    run: (job, { region }) => refreshVersionsRegion(d, { ...job, region }),
    // A sandbox's clock advance runs it for that sandbox alone (ADR 0031): its auto-upgrades happen on its clock.
    forTenant: (ctx) => refreshVersions(d, ctx, publishedVersions(d.registry)),
  };
}
