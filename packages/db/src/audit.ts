import { newId } from '@satupintu/core';
import type { TenantTx } from './unit-of-work.js';

export interface AuditRecord {
  actor: string;
  /** e.g. `tenant.created`, `plugin.upgraded`, `plugin.overlay.set` */
  action: string;
  /** e.g. `plugin:imigrasi`, `service:imigrasi.paspor-baru` */
  subject?: string | null;
  data?: unknown;
}

/** Appends one audit event inside the caller's unit of work, so it commits with the change it records. */
export async function recordAudit(tx: Pick<TenantTx, 'sql' | 'tenantId' | 'now'>, r: AuditRecord): Promise<void> {
  await tx.sql.exec('insert into audit_events (tenant_id, id, at, actor, action, subject, data) values ($1, $2, $3, $4, $5, $6, $7)', [
    tx.tenantId,
    newId(),
    tx.now,
    r.actor,
    r.action,
    r.subject ?? null,
    JSON.stringify(r.data ?? {}),
  ]);
}
