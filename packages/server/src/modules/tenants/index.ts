import type { Kernel, Module } from '../../kernel.js';
import { TenantDirectory } from './directory.js';
import { TenantService } from './service.js';
import { TenantMover } from './move.js';
import { tenantRoutes, type KajiTiru } from './routes.js';

export { TenantService, type CreateTenantInput, type PopulateTenant, type TenantSettings } from './service.js';
export { TenantDirectory } from './directory.js';
export { TenantMover, tenantTables, tenantPrefixes, type MovePlan, type MoveReport, type MovePhase, type MoveOptions } from './move.js';
export type { KajiTiru } from './routes.js';
export { onboardAll, type OnboardAllSummary } from './onboard-all.js';

/** The tenant directory: create and list tenants, resolve slugs (cached, invalidated by the change feed). */
export function tenantsModule(k: Kernel, ports: { kajiTiru: () => KajiTiru }): Module & { service: TenantService } {
  const directory = new TenantDirectory(k.control, k.clock);
  k.onChange((c) => directory.heard(c));
  const mover = new TenantMover({ dbs: k.dbs, store: k.store, uow: k.uow, control: k.control, directory, clock: k.clock, regionIds: k.dbs.regionIds() });
  const service = new TenantService(k.uow, k.control, directory, k.dbs.regionIds(), mover);
  return {
    name: 'tenants',
    service,
    routes: (api) => tenantRoutes(api, service, k.config, ports.kajiTiru),
  };
}
