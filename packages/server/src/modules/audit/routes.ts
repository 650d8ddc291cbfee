import { withTenant, AuditEventEntity, type Databases } from '@satupintu/db';
import type { ApiRegistry } from '../../api.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';

/** A tenant's audit log (who changed what, when), read from its home region under its RLS context. */
export function auditRoutes(api: ApiRegistry, dbs: Databases, tenants: TenantService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/audit-events',
    operationId: 'listAuditEvents',
    summary: 'Jejak audit tenant / The tenant’s audit trail',
    description: 'Newest first. Holds usernames of staff, so national roles other than the platform admin may not read it.',
    tags: ['tenants'],
    security: { kind: 'roles', roles: ['tenant-admin', 'platform-admin'], tenantParam: 'tenant' },
    params: { type: 'object', properties: { tenant: tenantSlugParam }, required: ['tenant'] },
    query: {
      type: 'object',
      additionalProperties: false,
      properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
    },
    responses: {
      '200': {
        description: 'Audit events',
        schema: {
          type: 'object',
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  at: { type: 'string', format: 'date-time' },
                  actor: { type: 'string' },
                  action: { type: 'string' },
                  subject: { type: ['string', 'null'] },
                  data: { type: 'object' },
                },
              },
            },
          },
        },
      },
      '404': { description: 'TENANT_NOT_FOUND' },
    },
    handler: async (req, res) => {
      const tenant = await tenants.getBySlug(req.params.tenant as string);
      const { limit } = res.locals.query as { limit: number };
      const rows = await withTenant(dbs.region(tenant.homeRegion), tenant.id, (em) =>
        em.getRepository(AuditEventEntity).find({ order: { at: 'DESC', id: 'DESC' }, take: limit }),
      );
      res.json({ items: rows.map(({ tenantId: _t, ...r }) => ({ ...r, at: r.at.toISOString() })) });
    },
  });
}
