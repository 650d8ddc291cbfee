import type { Sql } from '@satupintu/db';

/** SQL of the SP4N-LAPOR! connection (issue 24, ADR 0038): the regency's account and the complaints' links. */

export interface LaporConnectionRow {
  tenant_id: string;
  enabled: boolean;
  base_url: string;
  client_id: string;
  client_secret: string;
  secret_key_id: string;
  secret_hint: string;
  protocol: Record<string, unknown>;
  pull_minutes: number;
  auto_push: boolean;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
  version: number;
  updated_at: Date;
  updated_by: string;
}

export interface LaporCountsRow {
  pending: number;
  synced: number;
  failed: number;
  conflict: number;
  manual: number;
}

/** What a sync attempt leaves on a complaint. */
export interface LaporOutcome {
  status: 'pending' | 'synced' | 'failed' | 'conflict';
  error: string | null;
  next: Date | null;
  trackingId?: string;
  transactionId?: string | null;
  remoteStatus?: string;
  disposition?: string | null;
  answers?: number;
  /** Set when LAPOR! answered (the last sync time shown). */
  syncedAt?: Date;
}

export const laporQueries = {
  connection(sql: Sql, lock = false): Promise<LaporConnectionRow | undefined> {
    return sql.maybe(`select * from lapor_connections ${lock ? 'for update' : ''}`);
  },

  async saveConnection(
    sql: Sql,
    c: { tenantId: string; enabled: boolean; baseUrl: string; clientId: string; clientSecret: string; secretKeyId: string; secretHint: string; protocol: object; pullMinutes: number; autoPush: boolean; now: Date; by: string },
  ): Promise<void> {
    await sql.exec(
      `insert into lapor_connections (tenant_id, enabled, base_url, client_id, client_secret, secret_key_id, secret_hint, protocol, pull_minutes, updated_at, updated_by, auto_push)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (tenant_id) do update set enabled = $2, base_url = $3, client_id = $4, client_secret = $5, secret_key_id = $6, secret_hint = $7, protocol = $8,
         pull_minutes = $9, updated_at = $10, updated_by = $11, auto_push = $12, version = lapor_connections.version + 1,
         -- new credentials or a new address: the last error was about the old ones
         last_error = case when lapor_connections.client_secret = $5 and lapor_connections.base_url = $3 and lapor_connections.client_id = $4 then lapor_connections.last_error end,
         last_error_at = case when lapor_connections.client_secret = $5 and lapor_connections.base_url = $3 and lapor_connections.client_id = $4 then lapor_connections.last_error_at end`,
      [c.tenantId, c.enabled, c.baseUrl, c.clientId, c.clientSecret, c.secretKeyId, c.secretHint, JSON.stringify(c.protocol), c.pullMinutes, c.now, c.by, c.autoPush],
    );
  },

  /** The secret sealed again under the current data key (key rotation: secrets.ts). */
  async reseal(sql: Sql, sealed: string, keyId: string): Promise<void> {
    await sql.exec(`update lapor_connections set client_secret = $1, secret_key_id = $2`, [sealed, keyId]);
  },

  async connectionOutcome(sql: Sql, ok: boolean, at: Date, error: string | null): Promise<void> {
    await sql.exec(
      ok ? `update lapor_connections set last_success_at = $1` : `update lapor_connections set last_error = $2, last_error_at = $1`,
      ok ? [at] : [at, error],
    );
  },

  counts(sql: Sql): Promise<LaporCountsRow> {
    return sql.one(
      `select count(*) filter (where lapor_mode = 'api' and lapor_sync_status = 'pending')::int as pending,
              count(*) filter (where lapor_mode = 'api' and lapor_sync_status = 'synced')::int as synced,
              count(*) filter (where lapor_mode = 'api' and lapor_sync_status = 'failed')::int as failed,
              count(*) filter (where lapor_mode = 'api' and lapor_sync_status = 'conflict')::int as conflict,
              count(*) filter (where lapor_mode = 'manual')::int as manual
         from complaints where lapor_mode is not null`,
    );
  },

  /** API-mode links whose next push or pull is due (oldest first). */
  async due(sql: Sql, now: Date, limit: number): Promise<string[]> {
    const rows = await sql.rows<{ id: string }>(
      `select id from complaints where lapor_mode = 'api' and lapor_sync_status in ('pending', 'synced') and lapor_next_attempt_at <= $1
        order by lapor_next_attempt_at limit $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  },

  /** Marks a complaint for pushing under its stable reference (kept if it had one: a re-push looks it up first). */
  async queuePush(sql: Sql, id: string, reference: string, now: Date): Promise<void> {
    await sql.exec(
      `update complaints set lapor_mode = 'api', lapor_reference = coalesce(lapor_reference, $2), lapor_sync_status = 'pending', lapor_sync_error = null,
              lapor_attempts = case when lapor_sync_status = 'failed' then 0 else lapor_attempts end, lapor_next_attempt_at = $3, updated_at = $3
        where id = $1`,
      [id, reference, now],
    );
  },

  /** Claims an attempt: nobody else starts one until `leaseUntil` (a twin job, the minute sweep). */
  async claim(sql: Sql, id: string, attempts: number, now: Date, leaseUntil: Date): Promise<void> {
    await sql.exec(`update complaints set lapor_attempts = $2, lapor_attempted_at = $3, lapor_next_attempt_at = $4 where id = $1`, [id, attempts, now, leaseUntil]);
  },

  async outcome(sql: Sql, id: string, o: LaporOutcome, now: Date): Promise<void> {
    await sql.exec(
      `update complaints set lapor_sync_status = $2, lapor_sync_error = $3, lapor_next_attempt_at = $4,
              lapor_tracking_id = coalesce($5, lapor_tracking_id), lapor_transaction_id = coalesce($6, lapor_transaction_id),
              lapor_remote_status = coalesce($7, lapor_remote_status), lapor_disposition = coalesce($8, lapor_disposition),
              lapor_answers = coalesce($9, lapor_answers), lapor_synced_at = coalesce($10, lapor_synced_at), updated_at = $11
        where id = $1`,
      [id, o.status, o.error, o.next, o.trackingId ?? null, o.transactionId ?? null, o.remoteStatus ?? null, o.disposition ?? null, o.answers ?? null, o.syncedAt ?? null, now],
    );
  },
};
