import type { Sql } from '@satupintu/db';

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  agency_code: string | null;
  active: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  /** Sealed (`DataKeyring`) under `secret_key_id`; plaintext when that is null (copied from a complaint webhook from before sealing). */
  secret: string;
  secret_key_id: string | null;
  /** Sealed under the complaint webhook's context (migrated); re-sealed under the endpoint's own by the sweep. */
  secret_legacy: boolean;
  secret_hint: string;
  previous_secret: string | null;
  previous_secret_key_id: string | null;
  previous_secret_legacy: boolean;
  previous_secret_until: Date | null;
  legacy: boolean;
  legacy_headers: boolean;
  max_attempts: number;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  version: number;
}

export interface MessageRow {
  id: string;
  type: string;
  agency_code: string | null;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  message_id: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  dead_at: Date | null;
  replay_of: string | null;
  replayed_by: string | null;
  /** The complaint a complaint event is about (the deprecated complaint webhook lists by it). */
  complaint_id: string | null;
}

export interface AttemptRow {
  attempt: number;
  at: Date;
  url: string;
  status_code: number | null;
  error: string | null;
  response: string | null;
  duration_ms: number;
}

/** A secret as stored: sealed, the data key's id. */
export interface SealedSecret {
  sealed: string;
  keyId: string;
}

const ENDPOINT = `id, url, description, event_types, agency_code, active, disabled_reason, disabled_at, secret, secret_key_id, secret_legacy, secret_hint,
  previous_secret, previous_secret_key_id, previous_secret_legacy, previous_secret_until, legacy, legacy_headers, max_attempts, created_at, updated_by, updated_at, version`;
const DELIVERY = `d.id, d.endpoint_id, d.message_id, m.type, d.status, d.attempts, d.max_attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at, d.dead_at, d.replay_of, d.replayed_by, m.payload->'data'->>'complaint' as complaint_id`;

/** Endpoints, messages, deliveries and attempts of one tenant (every statement under the tenant's RLS context). */
export const eventQueries = {
  endpoints(sql: Sql): Promise<EndpointRow[]> {
    return sql.rows(`select ${ENDPOINT} from event_endpoints order by created_at, id`);
  },

  endpoint(sql: Sql, id: string, lock = false): Promise<EndpointRow | undefined> {
    return sql.maybe(`select ${ENDPOINT} from event_endpoints where id = $1 ${lock ? 'for update' : ''}`, [id]);
  },

  legacyEndpoint(sql: Sql, lock = false): Promise<EndpointRow | undefined> {
    return sql.maybe(`select ${ENDPOINT} from event_endpoints where legacy ${lock ? 'for update' : ''}`);
  },

  /** Undefined when a legacy endpoint exists already (made meanwhile by someone else). */
  insertEndpoint(
    sql: Sql,
    e: { tenantId: string; id: string; url: string; description: string; eventTypes: string[]; agency: string | null; active: boolean; secret: SealedSecret; hint: string; legacy: boolean; maxAttempts: number; by: string; now: Date },
  ): Promise<EndpointRow | undefined> {
    return sql.maybe(
      `insert into event_endpoints (tenant_id, id, url, description, event_types, agency_code, active, secret, secret_key_id, secret_hint, legacy, legacy_headers, max_attempts, created_by, created_at, updated_by, updated_at, version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, $14, $13, $14, 1)
       on conflict do nothing returning ${ENDPOINT}`,
      [e.tenantId, e.id, e.url, e.description, e.eventTypes, e.agency, e.active, e.secret.sealed, e.secret.keyId, e.hint, e.legacy, e.maxAttempts, e.by, e.now],
    );
  },

  /** What the admin changes (its row locked by the caller); bumps the version. */
  updateEndpoint(
    sql: Sql,
    id: string,
    e: { url: string; description: string; eventTypes: string[]; agency: string | null; active: boolean; disabledReason: string | null; disabledAt: Date | null; legacyHeaders: boolean; maxAttempts: number; by: string; now: Date },
  ): Promise<EndpointRow> {
    return sql.one(
      `update event_endpoints set url = $2, description = $3, event_types = $4, agency_code = $5, active = $6, disabled_reason = $7, disabled_at = $8, legacy_headers = $9, max_attempts = $10,
              updated_by = $11, updated_at = $12, version = version + 1
        where id = $1 returning ${ENDPOINT}`,
      [id, e.url, e.description, e.eventTypes, e.agency, e.active, e.disabledReason, e.disabledAt, e.legacyHeaders, e.maxAttempts, e.by, e.now],
    );
  },

  /** A new secret; the current one stays valid (signs too) until `until`, or not at all when `previous` is null. */
  rotate(sql: Sql, id: string, r: { secret: SealedSecret; hint: string; previous: SealedSecret | null; until: Date | null; by: string; now: Date }): Promise<EndpointRow> {
    // The previous secret is sealed again by the caller under the endpoint's own context.
    return sql.one(
      `update event_endpoints set secret = $2, secret_key_id = $3, secret_legacy = false, secret_hint = $4, previous_secret = $5, previous_secret_key_id = $6, previous_secret_legacy = false,
              previous_secret_until = $7, updated_by = $8, updated_at = $9, version = version + 1
        where id = $1 returning ${ENDPOINT}`,
      [id, r.secret.sealed, r.secret.keyId, r.hint, r.previous?.sealed ?? null, r.previous?.keyId ?? null, r.until, r.by, r.now],
    );
  },

  /**
   * The same secrets sealed again under the endpoint's own context and the current key (no new
   * version: nothing the admin set changed); only if the stored values are still the ones read.
   */
  async reseal(sql: Sql, id: string, old: { secret: string; previous: string | null }, next: { secret: SealedSecret; previous: SealedSecret | null }): Promise<boolean> {
    const n = await sql.exec(
      `update event_endpoints set secret = $4, secret_key_id = $5, secret_legacy = false, previous_secret = $6, previous_secret_key_id = $7, previous_secret_legacy = false
        where id = $1 and secret = $2 and previous_secret is not distinct from $3`,
      [id, old.secret, old.previous, next.secret.sealed, next.secret.keyId, next.previous?.sealed ?? null, next.previous?.keyId ?? null],
    );
    return n === 1;
  },

  /** Forgets previous secrets whose overlap ended at `now`. */
  expirePrevious(sql: Sql, now: Date): Promise<number> {
    return sql.exec(`update event_endpoints set previous_secret = null, previous_secret_key_id = null, previous_secret_legacy = false, previous_secret_until = null where previous_secret_until <= $1`, [now]);
  },

  /** Switched off by the platform (410, or failing for the whole schedule); false when it was off already. */
  async disable(sql: Sql, id: string, reason: string, now: Date): Promise<boolean> {
    return (await sql.exec(`update event_endpoints set active = false, disabled_reason = $2, disabled_at = $3, version = version + 1 where id = $1 and active`, [id, reason, now])) === 1;
  },

  async deleteEndpoint(sql: Sql, id: string): Promise<void> {
    await sql.exec(`delete from event_endpoints where id = $1`, [id]);
  },

  async insertMessage(sql: Sql, m: { tenantId: string; id: string; type: string; agency: string | null; payload: MessageRow['payload']; now: Date }): Promise<void> {
    await sql.exec(`insert into event_messages (tenant_id, id, type, agency_code, payload, created_at) values ($1, $2, $3, $4, $5, $6)`, [m.tenantId, m.id, m.type, m.agency, JSON.stringify(m.payload), m.now]);
  },

  async insertDelivery(sql: Sql, d: { tenantId: string; id: string; endpointId: string; messageId: string; maxAttempts: number; replayOf?: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into event_deliveries (tenant_id, id, endpoint_id, message_id, status, max_attempts, next_attempt_at, created_at, replay_of) values ($1, $2, $3, $4, 'pending', $5, $6, $6, $7)`,
      [d.tenantId, d.id, d.endpointId, d.messageId, d.maxAttempts, d.now, d.replayOf ?? null],
    );
  },

  message(sql: Sql, id: string): Promise<MessageRow | undefined> {
    return sql.maybe(`select id, type, agency_code, payload, created_at from event_messages where id = $1`, [id]);
  },

  /** Claims the next attempt of a pending delivery due at `now`, leased until `leaseUntil` (no twin sends it meanwhile). */
  async claim(sql: Sql, id: string, now: Date, leaseUntil: Date): Promise<DeliveryRow | undefined> {
    const row = await sql.maybe<{ id: string }>(
      `update event_deliveries set attempts = attempts + 1, next_attempt_at = $3 where id = $1 and status = 'pending' and next_attempt_at <= $2 returning id`,
      [id, now, leaseUntil],
    );
    return row ? eventQueries.delivery(sql, id) : undefined;
  },

  /** Logs one attempt; false when it was logged already. */
  async attempt(sql: Sql, a: { tenantId: string; deliveryId: string; attempt: number; at: Date; url: string; statusCode: number | null; error: string | null; response: string | null; durationMs: number }): Promise<boolean> {
    const row = await sql.maybe<{ attempt: number }>(
      `insert into event_attempts (tenant_id, delivery_id, attempt, at, url, status_code, error, response, duration_ms) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict do nothing returning attempt`,
      [a.tenantId, a.deliveryId, a.attempt, a.at, a.url, a.statusCode, a.error, a.response, a.durationMs],
    );
    return row !== undefined;
  },

  /** The outcome of attempt `attempt`: delivered, dead, or pending again at `next`. */
  async settle(sql: Sql, s: { id: string; attempt: number; status: DeliveryStatus; statusCode: number | null; error: string | null; next: Date | null; now: Date }): Promise<boolean> {
    const n = await sql.exec(
      `update event_deliveries set status = $3, last_status_code = $4, last_error = $5, next_attempt_at = $6,
              delivered_at = case when $3 = 'delivered' then $7::timestamptz else delivered_at end, dead_at = case when $3 = 'dead' then $7::timestamptz else dead_at end
        where id = $1 and attempts = $2 and status = 'pending'`,
      [s.id, s.attempt, s.status, s.statusCode, s.error, s.next, s.now],
    );
    return n === 1;
  },

  /** Every pending delivery of an endpoint dead-lettered with `reason` (switched off, disabled, or its target changed); how many. */
  cancelPending(sql: Sql, endpointId: string, reason: string, now: Date): Promise<number> {
    return sql.exec(
      `update event_deliveries set status = 'dead', dead_at = $3, last_error = $2, last_status_code = null, next_attempt_at = null where endpoint_id = $1 and status = 'pending'`,
      [endpointId, reason, now],
    );
  },

  /** Whether the endpoint delivered anything since `since` (an endpoint failing for a whole schedule did not). */
  async deliveredSince(sql: Sql, endpointId: string, since: Date): Promise<boolean> {
    return (await sql.maybe(`select 1 from event_deliveries where endpoint_id = $1 and status = 'delivered' and delivered_at >= $2 limit 1`, [endpointId, since])) !== undefined;
  },

  /** One page of deliveries, newest first by (created_at, id), after the previous page's last key. */
  deliveries(sql: Sql, f: { endpoint?: string; status?: DeliveryStatus; complaint?: string }, after: readonly [string, string] | undefined, limit: number): Promise<(DeliveryRow & { page_at: string })[]> {
    return sql.rows(
      `select ${DELIVERY}, d.created_at::text as page_at from event_deliveries d join event_messages m on m.tenant_id = d.tenant_id and m.id = d.message_id
        where ($1::uuid is null or d.endpoint_id = $1) and ($2::text is null or d.status = $2)
          and ($3::timestamptz is null or (d.created_at, d.id) < ($3::timestamptz, $4::uuid))
          and ($6::text is null or m.payload->'data'->>'complaint' = $6)
        order by d.created_at desc, d.id desc limit $5`,
      [f.endpoint ?? null, f.status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit, f.complaint ?? null],
    );
  },

  delivery(sql: Sql, id: string, lock = false): Promise<DeliveryRow | undefined> {
    return sql.maybe(
      `select ${DELIVERY} from event_deliveries d join event_messages m on m.tenant_id = d.tenant_id and m.id = d.message_id where d.id = $1 ${lock ? 'for update of d' : ''}`,
      [id],
    );
  },

  attempts(sql: Sql, id: string): Promise<AttemptRow[]> {
    return sql.rows(`select attempt, at, url, status_code, error, response, duration_ms from event_attempts where delivery_id = $1 order by attempt`, [id]);
  },

  /** The dead deliveries of an endpoint created at or after `since` and not replayed yet (locked: a twin bulk replay waits). */
  deadSince(sql: Sql, endpointId: string, since: Date): Promise<{ id: string; message_id: string }[]> {
    return sql.rows(`select id, message_id from event_deliveries where endpoint_id = $1 and status = 'dead' and replayed_by is null and created_at >= $2 order by created_at limit 1000 for update`, [endpointId, since]);
  },

  async markReplayed(sql: Sql, id: string, by: string): Promise<void> {
    await sql.exec(`update event_deliveries set replayed_by = $2 where id = $1`, [id, by]);
  },

  /** Pending deliveries of active endpoints overdue by more than `graceMs` at `now`: their job was lost. */
  stuck(sql: Sql, now: Date, graceMs: number): Promise<{ id: string; attempts: number }[]> {
    return sql.rows(
      `select d.id, d.attempts from event_deliveries d join event_endpoints e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
        where e.active and d.status = 'pending' and d.next_attempt_at < $1::timestamptz - make_interval(secs => $2) limit 200`,
      [now, graceMs / 1000],
    );
  },
};
