import { ok, type RouteTable } from '../../http/routes.js';
import { Page } from '../../pagination.js';
import { AuditEvent, AuditPath, AuditQuery } from './schemas.js';
import type { AuditTrail } from './service.js';

/** A tenant's audit log (who changed what, when), read from its home region under its RLS context. */
export function auditRoutes(api: RouteTable, trail: AuditTrail): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/audit-events',
    operationId: 'listAuditEvents',
    summary: 'Jejak audit tenant / The tenant’s audit trail',
    description:
      'Newest first, paged by cursor over (time, id): an event recorded while a client walks the pages never shifts them, and nothing is left out. Holds usernames of staff, so national roles other than the platform admin may not read it.',
    tags: ['tenants'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin'], tenantParam: 'tenant' },
    params: AuditPath,
    query: AuditQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of audit events',
        schema: Page(AuditEvent),
        example: {
          items: [
            {
              id: '01937c4e-3333-7c3d-9e4f-5a6b7c8d9e0f',
              at: '2025-11-24T03:15:42.123Z',
              actor: 'admin.kbb',
              action: 'tenant.settings',
              subject: 'tenant:01937c4e-0000-7c3d-9e4f-5a6b7c8d9e0f',
              data: { allowedOrigins: ['https://mpp.bandungbaratkab.go.id'], version: 2 },
            },
          ],
          next: 'eyJrIjpbIjIwMjUtMTEtMjQgMDM6MTU6NDIuMTIzNDU2KzAwIiwiMDE5MzdjNGUiXSwiZiI6IlJCWkVqRjVNNkdrUSJ9',
        },
      },
    },
    handler: async (ctx, { query }) => ok(await trail.page(ctx, query)),
  });
}
