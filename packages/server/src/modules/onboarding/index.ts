import type { Kernel, Module } from '../../kernel.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { KajiTiru, TenantService } from '../tenants/index.js';
import { KajiTiruService } from './kaji-tiru.js';
import { LifecycleService } from './lifecycle.js';
import { RecordsService } from './records.js';
import { onboardingRoutes } from './routes.js';
import { OnboardingService } from './service.js';
import { StandardsService, type ReadinessSource } from './standards.js';

export { OnboardingService } from './service.js';
export { LifecycleService, type LifecycleEvent } from './lifecycle.js';
export { RecordsService, type AgencyInput, type AgencyRecord, type DecreeInput, type DecreeRecord, type MaklumatInput, type MaklumatRecord, type PublicMaklumat } from './records.js';
export { StandardsService, type Checklist, type Readiness, type ReadinessSource } from './standards.js';
export { KajiTiruService, type DriftReport, type KajiTiruTemplate } from './kaji-tiru.js';
export { checklistOf, driftOf, planMove, servicesReadiness, type ChecklistCounts, type ChecklistItem, type LifecycleMoveInput, type ModelSnapshot, type ServiceReadiness } from './rules.js';
export { seedOnboarding } from './seed.js';

export interface OnboardingModule extends Module {
  service: OnboardingService;
  /** The tenant directory's kaji tiru port (tenants/routes.ts), wired in compose(). */
  kajiTiru: KajiTiru;
  /** The checklist counts inside an open unit of work, for the monitoring rollup. */
  readiness: ReadinessSource;
}

/** A regency's way to an operating MPP: lifecycle, checklist, standar pelayanan, kaji tiru. */
export function onboardingModule(k: Kernel, deps: { tenants: TenantService; registry: PluginRegistry; installations: InstallationService }): OnboardingModule {
  const lifecycle = new LifecycleService({ uow: k.uow, control: k.control, directory: deps.tenants.directory });
  const records = new RecordsService(k.uow);
  const standards = new StandardsService({ uow: k.uow, registry: deps.registry, installations: deps.installations, tenants: deps.tenants, lifecycle });
  const kajiTiru = new KajiTiruService({ uow: k.uow, tenants: deps.tenants, installations: deps.installations });
  const service = new OnboardingService(lifecycle, records, standards, kajiTiru);
  return { name: 'onboarding', service, kajiTiru, readiness: standards, routes: (api) => onboardingRoutes(api, service) };
}
