import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

const TABLES = ['event_endpoints', 'event_messages', 'event_deliveries', 'event_attempts'];

/**
 * Signed events for agencies' systems (Standard Webhooks 1.0, docs/adr/0026): endpoints (several
 * per tenant, each with its own sealed `whsec_` secret and a previous one during a rotation),
 * thin messages, one delivery per (message, endpoint) and its attempt log.
 *
 * Each complaint webhook becomes an endpoint (`legacy`, filter `complaint.*`, legacy headers on):
 * its sealed secret is copied as it is and still opens under the complaint webhook's context
 * (`secret_legacy`); the module re-seals it under the endpoint's own context at its first sweep.
 * Pending complaint deliveries move too, as messages with thin payloads (their jobs are lost: the
 * sweep re-sends them). The old tables stay (contracted later).
 */
export class RegionSignedEvents1765100000100 implements MigrationInterface {
  name = 'RegionSignedEvents1765100000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table event_endpoints (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        id uuid not null,
        url text not null check (url ~ '^https?://'),
        description text not null default '',
        event_types text[] not null default '{}',
        agency_code text,
        active boolean not null default true,
        disabled_reason text,
        disabled_at timestamptz,
        -- Sealed (DataKeyring) under secret_key_id; plaintext when that is null (copied from a complaint webhook from before sealing).
        secret text not null,
        secret_key_id text,
        -- Sealed under the complaint webhook's context (migrated): re-sealed under the endpoint's own by the sweep.
        secret_legacy boolean not null default false,
        secret_hint text not null,
        previous_secret text,
        previous_secret_key_id text,
        previous_secret_legacy boolean not null default false,
        previous_secret_until timestamptz,
        legacy boolean not null default false,
        legacy_headers boolean not null default false,
        max_attempts integer not null default 10 check (max_attempts between 1 and 20),
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_by text not null,
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        constraint event_endpoints_secret_sealed check (secret_key_id is null or secret like 'v1.%'),
        constraint event_endpoints_previous_pair check ((previous_secret is null) = (previous_secret_until is null))
      )`);
    // One endpoint per tenant stands for the deprecated complaint webhook.
    await q.query(`create unique index event_endpoints_legacy_idx on event_endpoints (tenant_id) where legacy`);
    await q.query(`
      create table event_messages (
        tenant_id uuid not null,
        id text not null check (id ~ '^msg_[0-9a-f]{32}$'),
        type text not null check (type ~ '^[a-z][a-z_]*(\\.[a-z][a-z_]*)+$'),
        agency_code text,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id) references tenant_profiles(tenant_id) on delete cascade
      )`);
    await q.query(`
      create table event_deliveries (
        tenant_id uuid not null,
        id uuid not null,
        endpoint_id uuid not null,
        message_id text not null,
        status text not null check (status in ('pending', 'delivered', 'dead')),
        attempts integer not null default 0,
        max_attempts integer not null,
        next_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        created_at timestamptz not null default now(),
        delivered_at timestamptz,
        dead_at timestamptz,
        replay_of uuid,
        replayed_by uuid,
        primary key (tenant_id, id),
        foreign key (tenant_id, endpoint_id) references event_endpoints (tenant_id, id) on delete cascade,
        foreign key (tenant_id, message_id) references event_messages (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index event_deliveries_due_idx on event_deliveries (tenant_id, status, next_attempt_at)`);
    await q.query(`create index event_deliveries_page_idx on event_deliveries (tenant_id, endpoint_id, created_at desc, id desc)`);
    await q.query(`
      create table event_attempts (
        tenant_id uuid not null,
        delivery_id uuid not null,
        attempt integer not null,
        at timestamptz not null,
        url text not null,
        status_code integer,
        error text,
        response text check (length(response) <= 200),
        duration_ms integer not null,
        primary key (tenant_id, delivery_id, attempt),
        foreign key (tenant_id, delivery_id) references event_deliveries (tenant_id, id) on delete cascade
      )`);
    for (const t of TABLES) await enableTenantRls(q, t);

    // The complaint webhooks become endpoints (the migration runs as the owner: RLS does not filter it).
    await q.query(`
      insert into event_endpoints (tenant_id, id, url, description, event_types, active, secret, secret_key_id, secret_legacy, secret_hint, legacy, legacy_headers,
                                   max_attempts, created_by, created_at, updated_by, updated_at, version)
      select tenant_id, gen_random_uuid(), url, 'Webhook pengaduan (dipindahkan) / Complaint webhook (migrated)', '{complaint.*}', active, secret, secret_key_id, true, secret_hint, true, true,
             least(max_attempts, 20), updated_by, updated_at, updated_by, updated_at, 1
        from complaint_webhooks`);
    // Their pending deliveries move as thin messages (same id digits: the message id is stable).
    await q.query(`
      insert into event_messages (tenant_id, id, type, agency_code, payload, created_at)
      select d.tenant_id, 'msg_' || replace(d.id::text, '-', ''), d.event, c.agency_code,
             jsonb_build_object('type', d.event, 'timestamp', to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                'data', jsonb_build_object('tenant', d.payload->'complaint'->>'tenant', 'complaint', d.complaint_id, 'trackingCode', c.tracking_code, 'state', c.status)),
             d.created_at
        from complaint_webhook_deliveries d join complaints c on c.tenant_id = d.tenant_id and c.id = d.complaint_id
       where d.status = 'pending'`);
    await q.query(`
      insert into event_deliveries (tenant_id, id, endpoint_id, message_id, status, attempts, max_attempts, next_attempt_at, last_status_code, last_error, created_at)
      select d.tenant_id, d.id, e.id, 'msg_' || replace(d.id::text, '-', ''), 'pending', d.attempts, greatest(e.max_attempts, d.attempts + 1), d.next_attempt_at, d.last_status_code, d.last_error, d.created_at
        from complaint_webhook_deliveries d join event_endpoints e on e.tenant_id = d.tenant_id and e.legacy
        join event_messages m on m.tenant_id = d.tenant_id and m.id = 'msg_' || replace(d.id::text, '-', '')
       where d.status = 'pending'`);
    await q.query(`
      insert into event_attempts (tenant_id, delivery_id, attempt, at, url, status_code, error, duration_ms)
      select a.tenant_id, a.delivery_id, a.attempt, a.at, a.url, a.status_code, a.error, a.duration_ms
        from complaint_webhook_attempts a join event_deliveries d on d.tenant_id = a.tenant_id and d.id = a.delivery_id`);
    // Moved: the old rows say so (the old job finds nothing pending).
    await q.query(`update complaint_webhook_deliveries set status = 'dead', dead_at = now(), next_attempt_at = null, last_error = 'moved to signed events (event_deliveries)' where status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...TABLES].reverse()) await q.query(`drop table ${t}`);
  }
}
