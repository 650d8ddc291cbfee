import type { Kernel, Module } from '../../kernel.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { VERSIONS_JOB, versionsJob, type VersionsDeps } from './job.js';
import { distributionRoutes } from './routes.js';
import { Fleet } from './service.js';

export { VERSIONS_JOB, refreshVersions, refreshVersionsRegion, type VersionsResult } from './job.js';
export { Fleet, latestOf, periodOf } from './service.js';
export { COUNTED_TENANTS } from './tenants.js';

/**
 * Plugin versions across tenants (issue 23, ADR 0036): each region's `installations.versions` job
 * applies auto-upgrade policies and publishes what each tenant runs of each plugin with its
 * figures; publishers, the ministry and agencies read them from the control plane.
 */
export function distributionModule(k: Kernel, deps: { tenants: TenantService; installations: InstallationService; registry: PluginRegistry }): Module & { fleet: Fleet } {
  const fleet = new Fleet(k.control, deps.registry);
  const d: VersionsDeps = { uow: k.uow, tenants: deps.tenants, installations: deps.installations, registry: deps.registry, lastPublished: new Map() };
  // A new version starts the job in every region at once (the cron is the safety net if a send is lost).
  deps.registry.onPublished(async (v) => {
    for (const r of k.config.regions) await k.jobs.send(r.id, VERSIONS_JOB, { plugin: v.pluginId }, { singletonKey: `${v.pluginId}@${v.version}` });
  });
  return { name: 'distribution', fleet, routes: (api) => distributionRoutes(api, fleet), jobs: [versionsJob(d)] };
}
