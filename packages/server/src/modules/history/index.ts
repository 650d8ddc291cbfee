import type { Kernel, Module } from '../../kernel.js';
import type { TenantService } from '../tenants/index.js';
import { historyRoutes } from './routes.js';
import { HistoryService } from './service.js';

export { HistoryService, type ImportReport } from './service.js';
export { visitsPerTenant, type TenantVisits } from './visits.js';
export { VISITS_DAILY_SOURCE } from './queries.js';

/** History imported from a regency's earlier systems (ADR 0032), and visits per tenant and period. */
export function historyModule(k: Kernel, deps: { tenants: TenantService }): Module & { service: HistoryService } {
  const service = new HistoryService({ uow: k.uow, control: k.control, tenants: deps.tenants });
  return { name: 'history', service, routes: (api) => historyRoutes(api, service) };
}
