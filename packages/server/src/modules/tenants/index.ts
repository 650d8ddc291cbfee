import type { Kernel, Module } from '../../kernel.js';
import { TenantDirectory } from './directory.js';
import { TenantService } from './service.js';
import { TenantMover } from './move.js';
import { tenantRoutes, type KajiTiru } from './routes.js';
import { SandboxService, type TenantPass } from './sandbox.js';
import { sandboxRoutes } from './sandbox-routes.js';

export { TenantService, type CreateTenantInput, type PopulateTenant, type TenantSettings } from './service.js';
export { TenantDirectory } from './directory.js';
export { TenantMover, tenantTables, tenantPrefixes, type MovePlan, type MoveReport, type MovePhase, type MoveOptions } from './move.js';
export type { KajiTiru } from './routes.js';
export { onboardAll, type OnboardAllSummary } from './onboard-all.js';
export { SandboxService, SANDBOX_CONFIG_TABLES, type TenantPass } from './sandbox.js';

/** The tenant directory: create and list tenants, resolve slugs (cached, invalidated by the change feed). */
export function tenantsModule(k: Kernel, ports: { kajiTiru: () => KajiTiru; passes: () => readonly TenantPass[] }): Module & { service: TenantService; sandboxes: SandboxService } {
  const directory = new TenantDirectory(k.control, k.clock);
  k.onChange((c) => directory.heard(c));
  const mover = new TenantMover({ dbs: k.dbs, store: k.store, uow: k.uow, control: k.control, directory, clock: k.clock, regionIds: k.dbs.regionIds() });
  const service = new TenantService(k.uow, k.control, directory, k.dbs.regionIds(), mover);
  const sandboxes = new SandboxService({ uow: k.uow, control: k.control, directory, tenants: service, store: k.store, clock: k.clock, passes: ports.passes });
  return {
    name: 'tenants',
    service,
    sandboxes,
    routes: (api) => {
      tenantRoutes(api, service, k.config, ports.kajiTiru);
      sandboxRoutes(api, sandboxes);
    },
  };
}
