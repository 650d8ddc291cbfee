import type { Kernel, Module } from '../../kernel.js';
import { auditRoutes } from './routes.js';

export { auditQueries, type AuditEventRow } from './queries.js';

/** Every tenant's audit trail (written by each module through `recordAudit` in its unit of work). */
export function auditModule(k: Kernel): Module {
  return { name: 'audit', routes: (api) => auditRoutes(api, k.uow) };
}
