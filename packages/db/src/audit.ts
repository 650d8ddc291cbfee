import type { EntityManager } from 'typeorm';
import { newId } from '@satupintu/core';

export interface AuditRecord {
  tenantId: string;
  actor: string;
  /** e.g. `tenant.created`, `plugin.upgraded`, `plugin.overlay.set` */
  action: string;
  /** e.g. `plugin:imigrasi`, `service:imigrasi.paspor-baru` */
  subject?: string | null;
  data?: unknown;
}

/** Appends one audit event, inside the caller's tenant transaction (so it commits with the change). */
export async function recordAudit(em: EntityManager, r: AuditRecord): Promise<void> {
  await em.query('insert into audit_events (tenant_id, id, actor, action, subject, data) values ($1, $2, $3, $4, $5, $6)', [
    r.tenantId,
    newId(),
    r.actor,
    r.action,
    r.subject ?? null,
    JSON.stringify(r.data ?? {}),
  ]);
}
