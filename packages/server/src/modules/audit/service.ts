import type { UnitOfWork } from '@satupintu/db';
import type { TenantCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { auditQueries } from './queries.js';
import type { AuditEventView } from './schemas.js';

/** A tenant's audit trail, read from its home region under its RLS context. */
export class AuditTrail {
  constructor(private readonly uow: UnitOfWork) {}

  /** One page of events, newest first: ordered by (at, id), a unique key, so pages never overlap or skip. */
  async page(ctx: TenantCtx, query: { limit?: number; cursor?: string }): Promise<PageOf<AuditEventView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.uow.read(ctx, (tx) => auditQueries.page(tx.sql, req.after, req.limit + 1));
    return pageOf(
      rows,
      req,
      (r) => [r.page_at, r.id],
      (r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actor, action: r.action, subject: r.subject, data: r.data }),
    );
  }
}
