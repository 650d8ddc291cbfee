import type { Sql } from '@satupintu/db';

export interface AuditEventRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
}

export const auditQueries = {
  /** Newest first, under the tenant's RLS context. */
  latest(sql: Sql, limit: number): Promise<AuditEventRow[]> {
    return sql.rows(`select id, at, actor, action, subject, data from audit_events order by at desc, id desc limit $1`, [limit]);
  },
  /** One subject's events (e.g. a plugin and its services), newest first. */
  bySubject(sql: Sql, exact: string, prefix: string): Promise<AuditEventRow[]> {
    return sql.rows(`select id, at, actor, action, subject, data from audit_events where subject = $1 or subject like $2 order by at desc, id desc`, [exact, `${prefix}%`]);
  },
};
