import type { Sql } from '@satupintu/db';

export interface AuditEventRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
}

/** A row of a page: `at` also as text, the exact page key (a JS Date drops microseconds). */
export interface AuditPageRow extends AuditEventRow {
  page_at: string;
}

export const auditQueries = {
  /**
   * One page of the trail, newest first, under the tenant's RLS context: `limit` rows strictly
   * after the key (`at` as text, id), so an event recorded meanwhile never shifts a page.
   */
  page(sql: Sql, after: readonly [string, string] | undefined, limit: number): Promise<AuditPageRow[]> {
    return sql.rows(
      `select id, at, at::text as page_at, actor, action, subject, data from audit_events
        where ($1::timestamptz is null or (at, id) < ($1::timestamptz, $2::uuid))
        order by at desc, id desc limit $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },
  /** One subject's events (e.g. a plugin and its services), newest first. */
  bySubject(sql: Sql, exact: string, prefix: string): Promise<AuditEventRow[]> {
    return sql.rows(`select id, at, actor, action, subject, data from audit_events where subject = $1 or subject like $2 order by at desc, id desc`, [exact, `${prefix}%`]);
  },
};
