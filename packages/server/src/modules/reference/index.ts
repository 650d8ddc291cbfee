import type { Kernel, Module } from '../../kernel.js';
import { referenceRoutes } from './routes.js';
import { RegionService } from './service.js';

export { RegionService } from './service.js';

/** Regions and the official regency list. */
export function referenceModule(k: Kernel): Module & { regions: RegionService } {
  const regions = new RegionService(k.control, k.config);
  return { name: 'reference', regions, routes: (api) => referenceRoutes(api, regions) };
}
