import type { Kernel, Module } from '../../kernel.js';
import type { ReadinessSource } from '../onboarding/index.js';
import type { TenantService } from '../tenants/index.js';
import { Cockpit } from './cockpit.js';
import { rollupJob, type RollupDeps } from './rollup.js';
import { monitoringRoutes } from './routes.js';

export { Cockpit, type CockpitFilter, type CockpitTenants } from './cockpit.js';
export { alertsOf, type Alert, type AlertKind } from './alerts.js';
export { DEFAULT_THRESHOLDS, cockpitWindow, indicatorsOf, skmOf, totalsOf, weeklySeries, type AlertThresholds, type TenantIndicators, type WeekPoint } from './indicators.js';
export { ROLLUP_CRON, ROLLUP_JOB, refreshRegion, refreshTenant, rollupJob, sessionWindow, type RollupDeps, type RollupResult } from './rollup.js';

export interface MonitoringModule extends Module {
  cockpit: Cockpit;
  /** What the rollup runs with (for a refresh outside the job: the CLI, benchmarks, tests). */
  rollup: RollupDeps;
}

/** National monitoring: the every-minute rollup of each region into the control plane, and the cockpit reading it. */
export function monitoringModule(k: Kernel, deps: { tenants: TenantService; readiness: ReadinessSource }): MonitoringModule {
  const cockpit = new Cockpit(k.control);
  const rollup: RollupDeps = { uow: k.uow, tenants: deps.tenants, readiness: deps.readiness };
  return {
    name: 'monitoring',
    cockpit,
    rollup,
    routes: (api) => monitoringRoutes(api, cockpit, deps.tenants),
    jobs: [rollupJob(rollup)],
  };
}
