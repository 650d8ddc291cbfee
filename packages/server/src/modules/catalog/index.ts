import { FormValidatorCache } from '@satupintu/forms';
import type { Kernel, Module } from '../../kernel.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import { catalogPages } from './pages.js';
import { catalogRoutes } from './routes.js';
import { CatalogService } from './service.js';

export { CatalogService, type CatalogEntry } from './service.js';

/** The public catalog of each tenant, and form checks against the installed version. */
export function catalogModule(k: Kernel, deps: { registry: PluginRegistry; installations: InstallationService; validators: FormValidatorCache }): Module & { service: CatalogService } {
  const service = new CatalogService(deps.registry, deps.installations, deps.validators);
  return { name: 'catalog', service, routes: (api) => catalogRoutes(api, service), pages: catalogPages({ catalog: service, clock: k.clock, log: k.logger }) };
}
