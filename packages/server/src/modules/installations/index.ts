import type { Kernel, Module } from '../../kernel.js';
import type { PluginRegistry } from '../plugins/index.js';
import { installationRoutes } from './routes.js';
import { InstallationService } from './service.js';

export { InstallationService, type Installation, type InstalledService } from './service.js';
export { notInstalled, serviceNotFound, upgradeConflict } from './errors.js';
export { versionTag } from './etags.js';

/** Pinned plugin versions and overlays per tenant, kept in memory until the change feed says otherwise. */
export function installationsModule(k: Kernel, deps: { registry: PluginRegistry }): Module & { service: InstallationService } {
  const service = new InstallationService(k.uow, deps.registry);
  k.onChange((c) => service.heard(c));
  return { name: 'installations', service, routes: (api) => installationRoutes(api, service) };
}
