import type Type from 'typebox';
import type { Sql } from '@satupintu/db';
import type { ComplaintWebhookEvent } from './schemas.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface WebhookConfigRow {
  url: string;
  /** Sealed (`DataKeyring`, AES-256-GCM) under the data key `secret_key_id`; a plaintext `whsec_…` from before sealing when that is null (re-sealed on first use and by the sweep). */
  secret: string;
  secret_key_id: string | null;
  /** The secret's last four characters (what the admin reads back). */
  secret_hint: string;
  active: boolean;
  max_attempts: number;
  updated_by: string;
  updated_at: Date;
  version: number;
}

export interface DeliveryRow {
  id: string;
  complaint_id: string;
  event: string;
  /** The body as it was sent (written by `emit`). */
  payload: Type.Static<typeof ComplaintWebhookEvent>;
  status: DeliveryStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  dead_at: Date | null;
}

export interface AttemptRow {
  attempt: number;
  at: Date;
  url: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** A secret as stored: sealed, the data key's id, its last four characters. */
export interface SealedSecret {
  sealed: string;
  keyId: string;
  hint: string;
}

const CONFIG = `url, secret, secret_key_id, secret_hint, active, max_attempts, updated_by, updated_at, version`;
const DELIVERY = `id, complaint_id, event, payload, status, attempts, max_attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at, dead_at`;

/** The tenant's webhook target and its deliveries (every statement under the tenant's RLS context). */
export const webhookQueries = {
  config(sql: Sql, lock = false): Promise<WebhookConfigRow | undefined> {
    return sql.maybe(`select ${CONFIG} from complaint_webhooks ${lock ? 'for update' : ''}`);
  },

  /** The tenant's first configuration; undefined when one exists already (made meanwhile by someone else). */
  async insertConfig(sql: Sql, c: { tenantId: string; url: string; secret: SealedSecret; active: boolean; maxAttempts: number; by: string; now: Date }): Promise<WebhookConfigRow | undefined> {
    return sql.maybe(
      `insert into complaint_webhooks (tenant_id, url, secret, secret_key_id, secret_hint, active, max_attempts, updated_by, updated_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)
       on conflict (tenant_id) do nothing returning ${CONFIG}`,
      [c.tenantId, c.url, c.secret.sealed, c.secret.keyId, c.secret.hint, c.active, c.maxAttempts, c.by, c.now],
    );
  },

  /** Replaces the configuration (its row is locked by the caller) and bumps its version. */
  updateConfig(sql: Sql, c: { url: string; secret: SealedSecret; active: boolean; maxAttempts: number; by: string; now: Date }): Promise<WebhookConfigRow> {
    return sql.one(
      `update complaint_webhooks set url = $1, secret = $2, secret_key_id = $3, secret_hint = $4, active = $5, max_attempts = $6, updated_by = $7, updated_at = $8, version = version + 1
       returning ${CONFIG}`,
      [c.url, c.secret.sealed, c.secret.keyId, c.secret.hint, c.active, c.maxAttempts, c.by, c.now],
    );
  },

  /**
   * The same secret sealed again (a plaintext one from before sealing, or one under a previous data
   * key): no new version, since nothing the admin set changed. Only if the stored value is still
   * `old` (a rotation meanwhile wins); true when it was replaced.
   */
  async reseal(sql: Sql, old: string, secret: SealedSecret): Promise<boolean> {
    return (await sql.exec(`update complaint_webhooks set secret = $2, secret_key_id = $3, secret_hint = $4 where secret = $1`, [old, secret.sealed, secret.keyId, secret.hint])) === 1;
  },

  /**
   * Every pending delivery dead-lettered with `reason` (the webhook was switched off, or its target
   * changed): nothing written for one target is sent to another, or while it is off. An admin may
   * requeue them on purpose. How many.
   */
  cancelPending(sql: Sql, reason: string, now: Date): Promise<number> {
    return sql.exec(
      `update complaint_webhook_deliveries set status = 'dead', dead_at = $2, last_error = $1, last_status_code = null, next_attempt_at = null where status = 'pending'`,
      [reason, now],
    );
  },

  async insertDelivery(sql: Sql, d: { tenantId: string; id: string; complaintId: string; event: string; payload: object; maxAttempts: number; now: Date }): Promise<void> {
    await sql.exec(
      `insert into complaint_webhook_deliveries (tenant_id, id, complaint_id, event, payload, status, max_attempts, next_attempt_at, created_at) values ($1, $2, $3, $4, $5, 'pending', $6, $7, $7)`,
      [d.tenantId, d.id, d.complaintId, d.event, JSON.stringify(d.payload), d.maxAttempts, d.now],
    );
  },

  /**
   * Claims the next attempt of a pending delivery that is due at `now`: its attempt count goes up
   * and it is leased until `leaseUntil`, so a twin job (or the sweep) does not send it meanwhile.
   */
  claim(sql: Sql, id: string, now: Date, leaseUntil: Date): Promise<DeliveryRow | undefined> {
    return sql.maybe(
      `update complaint_webhook_deliveries set attempts = attempts + 1, next_attempt_at = $3
        where id = $1 and status = 'pending' and next_attempt_at <= $2 returning ${DELIVERY}`,
      [id, now, leaseUntil],
    );
  },

  /** Logs one attempt; false when it was logged already. */
  async attempt(sql: Sql, a: { tenantId: string; deliveryId: string; attempt: number; at: Date; url: string; statusCode: number | null; error: string | null; durationMs: number }): Promise<boolean> {
    const row = await sql.maybe<{ attempt: number }>(
      `insert into complaint_webhook_attempts (tenant_id, delivery_id, attempt, at, url, status_code, error, duration_ms) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict do nothing returning attempt`,
      [a.tenantId, a.deliveryId, a.attempt, a.at, a.url, a.statusCode, a.error, a.durationMs],
    );
    return row !== undefined;
  },

  /** The outcome of attempt `attempt`: delivered, dead, or pending again at `next`. */
  async settle(sql: Sql, s: { id: string; attempt: number; status: DeliveryStatus; statusCode: number | null; error: string | null; next: Date | null; now: Date }): Promise<boolean> {
    const n = await sql.exec(
      `update complaint_webhook_deliveries set status = $3, last_status_code = $4, last_error = $5, next_attempt_at = $6,
              delivered_at = case when $3 = 'delivered' then $7::timestamptz else delivered_at end, dead_at = case when $3 = 'dead' then $7::timestamptz else dead_at end
        where id = $1 and attempts = $2 and status = 'pending'`,
      [s.id, s.attempt, s.status, s.statusCode, s.error, s.next, s.now],
    );
    return n === 1;
  },

  /** One page of deliveries, newest first by (created_at, id), after the previous page's last key. */
  deliveries(sql: Sql, f: { status?: DeliveryStatus; complaint?: string }, after: readonly [string, string] | undefined, limit: number): Promise<(DeliveryRow & { page_at: string })[]> {
    return sql.rows(
      `select ${DELIVERY}, created_at::text as page_at from complaint_webhook_deliveries
        where ($1::text is null or status = $1) and ($2::uuid is null or complaint_id = $2)
          and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::uuid))
        order by created_at desc, id desc limit $5`,
      [f.status ?? null, f.complaint ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },

  delivery(sql: Sql, id: string, lock = false): Promise<DeliveryRow | undefined> {
    return sql.maybe(`select ${DELIVERY} from complaint_webhook_deliveries where id = $1 ${lock ? 'for update' : ''}`, [id]);
  },

  attempts(sql: Sql, id: string): Promise<AttemptRow[]> {
    return sql.rows(`select attempt, at, url, status_code, error, duration_ms from complaint_webhook_attempts where delivery_id = $1 order by attempt`, [id]);
  },

  /** A dead letter back to pending with `extra` more attempts, due at `now`. */
  async requeue(sql: Sql, id: string, extra: number, now: Date): Promise<void> {
    await sql.exec(`update complaint_webhook_deliveries set status = 'pending', dead_at = null, max_attempts = attempts + $2, next_attempt_at = $3 where id = $1`, [id, extra, now]);
  },

  /** Pending deliveries overdue by more than `graceMs` at `now`: their job was lost (a crash between commit and send). */
  stuck(sql: Sql, now: Date, graceMs: number): Promise<{ id: string; attempts: number }[]> {
    return sql.rows(
      `select id, attempts from complaint_webhook_deliveries where status = 'pending' and next_attempt_at < $1::timestamptz - make_interval(secs => $2) limit 100`,
      [now, graceMs / 1000],
    );
  },
};
