import type { Kernel, Module } from '../../kernel.js';
import { pluginRoutes } from './routes.js';
import { PluginRegistry } from './service.js';

export { PluginRegistry, type PublishedVersion, type PluginSummary, type ServiceVersion } from './service.js';

/** The agency plugin registry: immutable published versions, read once per process. */
export function pluginsModule(k: Kernel): Module & { registry: PluginRegistry } {
  const registry = new PluginRegistry(k.uow, k.control);
  return { name: 'plugins', registry, routes: (api) => pluginRoutes(api, registry) };
}
