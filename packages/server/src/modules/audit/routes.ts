import Type from 'typebox';
import type { UnitOfWork } from '@satupintu/db';
import { ok, type RouteTable } from '../../http/routes.js';
import { Strict, TenantPath } from '../../http/schemas.js';
import { auditQueries } from './queries.js';

const AuditEvent = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]),
  data: Type.Object({}),
});

/** A tenant's audit log (who changed what, when), read from its home region under its RLS context. */
export function auditRoutes(api: RouteTable, uow: UnitOfWork): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/audit-events',
    operationId: 'listAuditEvents',
    summary: 'Jejak audit tenant / The tenant’s audit trail',
    description: 'Newest first. Holds usernames of staff, so national roles other than the platform admin may not read it.',
    tags: ['tenants'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin'], tenantParam: 'tenant' },
    params: TenantPath(),
    query: Strict({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) }),
    responses: { '200': { description: 'Audit events', schema: Type.Object({ items: Type.Array(AuditEvent) }) }, '404': { description: 'TENANT_NOT_FOUND' } },
    handler: async (ctx, { query }) => {
      const rows = await uow.read(ctx, (tx) => auditQueries.latest(tx.sql, query.limit ?? 50));
      return ok({ items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) });
    },
  });
}
