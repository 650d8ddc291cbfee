import type { Kernel, Module } from '../../kernel.js';
import type { ComplaintStats } from '../complaints/index.js';
import type { OnboardingService } from '../onboarding/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { SkmService } from '../skm/index.js';
import type { VisitsSource } from './evidence.js';
import { monevAlertsJob } from './job.js';
import { monevRoutes } from './routes.js';
import { MonevService } from './service.js';

export { MonevService, alertView } from './service.js';
export { MONEV_ALERTS_JOB, monevAlertsJob } from './job.js';
export { evidenceItems, type EvidenceInputs, type VisitsFigures, type VisitsSource } from './evidence.js';
export { DEFAULT_HISTORY, launchWindow, lowestInRegion, noOnlineAfterLaunch, provinceOf, valueOf, type HistoryOptions } from './history.js';

/**
 * Ministry Monev (issue 23): alerts over history (lowest in region, no online uptake after
 * launch) stored raised/cleared, and the per-tenant evidence pack. `visits` is the slot for the
 * visits aggregate (another part of issue 23): the composition root passes it once it exists.
 */
export function monevModule(
  k: Kernel,
  deps: { onboarding: Pick<OnboardingService, 'checklist'>; skm: Pick<SkmService, 'reportExport'>; complaints: Pick<ComplaintStats, 'stats'>; registry: Pick<PluginRegistry, 'get'>; visits?: VisitsSource },
): Module & { service: MonevService } {
  const service = new MonevService({ uow: k.uow, control: k.control, ...deps });
  return { name: 'monev', service, routes: (api) => monevRoutes(api, service), jobs: [monevAlertsJob(service, k.config.defaultRegion)] };
}
