import type { Sql } from '@satupintu/db';
import type { Channel, NotificationStatus } from '@satupintu/connectors';
import type { PriceRule, QuietHours } from './routing.js';

/** SQL of the notification module (every statement runs under the tenant's row-level security). */

export type ContactChannel = Exclude<Channel, 'inbox'>;
export type Relation = 'self' | 'family' | 'village-operator' | 'other';
export type ConsentMethod = 'web' | 'counter' | 'paper' | 'whatsapp' | 'sms';

export interface SenderRow {
  tenant_id: string;
  display_name: string;
  /** Sealed secrets: accessToken, appSecret, verifyToken. */
  whatsapp: { phoneNumberId: string; wabaId: string; accessToken: string; appSecret: string; verifyToken: string; language?: string } | null;
  sms: { senderId: string } | null;
  email: { replyTo?: string } | null;
  /** Work addresses of staff, by recipient (`tenant-admin`, `officer:<agency>`). */
  staff: Record<string, string[]>;
  quiet_hours: QuietHours | null;
  daily_caps: Partial<Record<ContactChannel, number>>;
  prices: PriceRule[];
  version: number;
  updated_by: string;
  updated_at: Date;
}

export interface ContactRow {
  id: string;
  person: string;
  channel: ContactChannel;
  address: string;
  address_digest: string;
  label: string | null;
  relation: Relation;
  lang: 'id' | 'en';
  created_at: Date;
}

export interface ConsentRow {
  channel: ContactChannel;
  granted: boolean;
  method: ConsentMethod;
  statement: string;
  recorded_by: string;
  recorded_by_role: string;
  at: Date;
}

export interface NotificationRow {
  tenant_id: string;
  id: string;
  outbox_id: string;
  dedupe_key: string;
  event: string;
  template_version: number;
  person: string;
  application_id: string | null;
  channel: Channel;
  address: string | null;
  address_digest: string | null;
  category: 'utility' | 'authentication' | 'service';
  urgent: boolean;
  lang: 'id' | 'en';
  personalisation: Record<string, string>;
  body: string;
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: Date | null;
  not_before: Date | null;
  provider_id: string | null;
  fallback_from: string | null;
  billable_units: number | null;
  cost: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface EventRow {
  notification_id: string;
  status: NotificationStatus;
  at: Date;
  recorded_at: Date;
  attempt: number | null;
  source: 'service' | 'worker' | 'provider';
  provider_code: string | null;
  detail: string | null;
}

export interface OutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

export type NewNotification = Omit<NotificationRow, 'status' | 'attempts' | 'next_attempt_at' | 'provider_id' | 'billable_units' | 'cost' | 'updated_at'>;

const N_COLUMNS = `tenant_id, id, outbox_id, dedupe_key, event, template_version, person, application_id, channel, address, address_digest, category, urgent, lang,
  personalisation, body, status, attempts, next_attempt_at, not_before, provider_id, fallback_from, billable_units, cost, created_at, updated_at`;

export const senderQueries = {
  load(sql: Sql, lock = false): Promise<SenderRow | undefined> {
    return sql.maybe<SenderRow>(`select * from notification_senders${lock ? ' for update' : ''}`);
  },
  async save(sql: Sql, r: Omit<SenderRow, 'version'>, version: number): Promise<void> {
    await sql.exec(
      `insert into notification_senders (tenant_id, display_name, whatsapp, sms, email, staff, quiet_hours, daily_caps, prices, version, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       on conflict (tenant_id) do update set display_name = $2, whatsapp = $3, sms = $4, email = $5, staff = $6, quiet_hours = $7, daily_caps = $8, prices = $9,
         version = $10, updated_by = $11, updated_at = $12`,
      [
        r.tenant_id, r.display_name, json(r.whatsapp), json(r.sms), json(r.email), JSON.stringify(r.staff), json(r.quiet_hours), JSON.stringify(r.daily_caps),
        JSON.stringify(r.prices), version, r.updated_by, r.updated_at,
      ],
    );
  },
};

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export const contactQueries = {
  ofPerson(sql: Sql, person: string): Promise<ContactRow[]> {
    return sql.rows<ContactRow>(`select id, person, channel, address, address_digest, label, relation, lang, created_at from notification_contacts where person = $1 and removed_at is null order by channel`, [person]);
  },
  async remove(sql: Sql, person: string, channel: ContactChannel, at: Date): Promise<boolean> {
    return (await sql.exec(`update notification_contacts set removed_at = $3 where person = $1 and channel = $2 and removed_at is null`, [person, channel, at])) > 0;
  },
  async insert(sql: Sql, c: ContactRow & { tenantId: string; createdBy: string }): Promise<void> {
    await sql.exec(
      `insert into notification_contacts (tenant_id, id, person, channel, address, address_digest, label, relation, lang, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [c.tenantId, c.id, c.person, c.channel, c.address, c.address_digest, c.label, c.relation, c.lang, c.createdBy, c.created_at],
    );
  },
  /** How many other people's current contacts use this address (a relative's or the village operator's number). */
  async sharedBy(sql: Sql, digest: string, person: string): Promise<number> {
    return (await sql.one<{ n: number }>(`select count(distinct person)::int as n from notification_contacts where address_digest = $1 and person <> $2 and removed_at is null`, [digest, person])).n;
  },
};

export const consentQueries = {
  async record(sql: Sql, c: { tenantId: string; id: string; person: string; channel: ContactChannel; digest: string; granted: boolean; method: ConsentMethod; statement: string; by: string; role: string; at: Date }): Promise<void> {
    await sql.exec(
      `insert into notification_consents (tenant_id, id, person, channel, address_digest, granted, method, statement, recorded_by, recorded_by_role, at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [c.tenantId, c.id, c.person, c.channel, c.digest, c.granted, c.method, c.statement, c.by, c.role, c.at],
    );
  },
  /** The latest consent per channel of a person (the ledger is append-only: the last word counts). */
  current(sql: Sql, person: string): Promise<(ConsentRow & { address_digest: string })[]> {
    return sql.rows(
      `select distinct on (channel) channel, granted, method, statement, recorded_by, recorded_by_role, at, address_digest
         from notification_consents where person = $1 order by channel, at desc, id desc`,
      [person],
    );
  },
  history(sql: Sql, person: string): Promise<ConsentRow[]> {
    return sql.rows<ConsentRow>(`select channel, granted, method, statement, recorded_by, recorded_by_role, at from notification_consents where person = $1 order by at desc, id desc limit 100`, [person]);
  },
};

export const outboxQueries = {
  /** Pending outbox rows, oldest first, locked so two dispatchers never take the same one. */
  pending(sql: Sql, limit: number): Promise<OutboxRow[]> {
    return sql.rows<OutboxRow>(`select id, kind, payload, created_at from notification_outbox where sent_at is null order by created_at, id limit $1 for update skip locked`, [limit]);
  },
  async done(sql: Sql, id: string, at: Date): Promise<void> {
    await sql.exec(`update notification_outbox set sent_at = $2 where id = $1`, [id, at]);
  },
};

export const notificationQueries = {
  /** Inserts unless the same event already went to the same person on the same channel (one message per event per person). */
  async insert(sql: Sql, n: NewNotification & { status: NotificationStatus }): Promise<boolean> {
    const inserted = await sql.maybe(
      `insert into notifications (tenant_id, id, outbox_id, dedupe_key, event, template_version, person, application_id, channel, address, address_digest, category, urgent, lang,
         personalisation, body, status, attempts, next_attempt_at, not_before, fallback_from, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 0, $18, $18, $19, $20, $20)
       on conflict (tenant_id, dedupe_key, person, channel) do nothing returning 1 as ok`,
      [
        n.tenant_id, n.id, n.outbox_id, n.dedupe_key, n.event, n.template_version, n.person, n.application_id, n.channel, n.address, n.address_digest, n.category, n.urgent, n.lang,
        JSON.stringify(n.personalisation), n.body, n.status, n.not_before, n.fallback_from, n.created_at,
      ],
    );
    return Boolean(inserted);
  },
  load(sql: Sql, id: string, lock = false): Promise<NotificationRow | undefined> {
    return sql.maybe<NotificationRow>(`select ${N_COLUMNS} from notifications where id = $1${lock ? ' for update' : ''}`, [id]);
  },
  byProvider(sql: Sql, channel: Channel, providerId: string, lock = false): Promise<NotificationRow | undefined> {
    return sql.maybe<NotificationRow>(`select ${N_COLUMNS} from notifications where channel = $1 and provider_id = $2 limit 1${lock ? ' for update' : ''}`, [channel, providerId]);
  },
  async event(sql: Sql, e: { tenantId: string; id: string; notificationId: string; status: NotificationStatus; at: Date; recordedAt: Date; attempt: number | null; source: EventRow['source']; providerCode?: string | null; detail?: string | null }): Promise<boolean> {
    const ok = await sql.maybe(
      `insert into notification_events (tenant_id, id, notification_id, status, at, recorded_at, attempt, source, provider_code, detail) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict do nothing returning 1 as ok`,
      [e.tenantId, e.id, e.notificationId, e.status, e.at, e.recordedAt, e.attempt, e.source, e.providerCode ?? null, e.detail ?? null],
    );
    return Boolean(ok);
  },
  events(sql: Sql, ids: string[]): Promise<EventRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return sql.rows<EventRow>(`select notification_id, status, at, recorded_at, attempt, source, provider_code, detail from notification_events where notification_id = any($1::uuid[]) order by recorded_at, id`, [ids]);
  },
  async update(sql: Sql, id: string, set: Partial<Pick<NotificationRow, 'status' | 'attempts' | 'next_attempt_at' | 'not_before' | 'provider_id' | 'billable_units' | 'cost'>>, at: Date): Promise<void> {
    const cols = Object.keys(set) as (keyof typeof set)[];
    if (!cols.length) return;
    await sql.exec(`update notifications set ${cols.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = $2 where id = $1`, [id, at, ...cols.map((c) => set[c] ?? null)]);
  },
  /** Notifications due for a send: new or retrying ones whose time came, and sends whose lease ran out (a process died mid-send). */
  due(sql: Sql, now: Date, limit: number): Promise<{ id: string; not_before: Date | null }[]> {
    return sql.rows(
      `select id, not_before from notifications
        where status in ('created', 'sending', 'temporary-failure') and channel <> 'inbox'
          and coalesce(next_attempt_at, created_at) <= $1 and coalesce(not_before, created_at) <= $1
        order by created_at limit $2`,
      [now, limit],
    );
  },
  /** Messages counted against a channel's daily cap: those handed to the provider since the local day began. */
  async sentSince(sql: Sql, channel: Channel, since: Date): Promise<number> {
    return (await sql.one<{ n: number }>(`select count(*)::int as n from notifications where channel = $1 and attempts > 0 and created_at >= $2 and status <> 'permanent-failure'`, [channel, since])).n;
  },
  ofPerson(sql: Sql, persons: string[], application: string | undefined, after: [string, string] | undefined, limit: number): Promise<NotificationRow[]> {
    return sql.rows<NotificationRow>(
      `select ${N_COLUMNS} from notifications where person = any($1::text[]) and ($2::uuid is null or application_id = $2)
         and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::uuid))
       order by created_at desc, id desc limit $5`,
      [persons, application ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },
  ofApplication(sql: Sql, applicationId: string): Promise<NotificationRow[]> {
    return sql.rows<NotificationRow>(`select ${N_COLUMNS} from notifications where application_id = $1 order by created_at, id`, [applicationId]);
  },
  list(sql: Sql, f: { status?: string; channel?: string; event?: string }, after: [string, string] | undefined, limit: number): Promise<NotificationRow[]> {
    return sql.rows<NotificationRow>(
      `select ${N_COLUMNS} from notifications where ($1::text is null or status = $1) and ($2::text is null or channel = $2) and ($3::text is null or event = $3)
         and ($4::timestamptz is null or (created_at, id) < ($4::timestamptz, $5::uuid))
       order by created_at desc, id desc limit $6`,
      [f.status ?? null, f.channel ?? null, f.event ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },
  usage(sql: Sql, from: Date, to: Date): Promise<{ channel: Channel; category: string; messages: number; sent: number; delivered: number; read: number; failed: number; units: number; cost: string }[]> {
    return sql.rows(
      `select channel, category, count(*)::int as messages,
              count(*) filter (where status in ('sent', 'delivered', 'read'))::int as sent,
              count(*) filter (where status in ('delivered', 'read'))::int as delivered,
              count(*) filter (where status = 'read')::int as read,
              count(*) filter (where status in ('permanent-failure', 'technical-failure'))::int as failed,
              coalesce(sum(billable_units), 0)::int as units, coalesce(sum(cost), 0)::text as cost
         from notifications where created_at >= $1 and created_at < $2 group by channel, category order by channel, category`,
      [from, to],
    );
  },
};

export const windowQueries = {
  async opened(sql: Sql, tenantId: string, digest: string, at: Date): Promise<void> {
    await sql.exec(
      `insert into whatsapp_windows (tenant_id, address_digest, last_inbound_at) values ($1, $2, $3)
       on conflict (tenant_id, address_digest) do update set last_inbound_at = greatest(whatsapp_windows.last_inbound_at, excluded.last_inbound_at)`,
      [tenantId, digest, at],
    );
  },
  async lastInbound(sql: Sql, digest: string): Promise<Date | undefined> {
    return (await sql.maybe<{ last_inbound_at: Date }>(`select last_inbound_at from whatsapp_windows where address_digest = $1`, [digest]))?.last_inbound_at;
  },
};
