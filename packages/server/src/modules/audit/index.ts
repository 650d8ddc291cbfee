import type { Kernel, Module } from '../../kernel.js';
import { auditRoutes } from './routes.js';
import { AuditTrail } from './service.js';

export { auditQueries, type AuditEventRow } from './queries.js';
export { AuditTrail } from './service.js';

/** Every tenant's audit trail (written by each module through `recordAudit` in its unit of work). */
export function auditModule(k: Kernel): Module {
  const trail = new AuditTrail(k.uow);
  return { name: 'audit', routes: (api) => auditRoutes(api, trail) };
}
