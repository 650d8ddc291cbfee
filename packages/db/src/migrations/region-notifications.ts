import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Notifications (docs/notifications.md, ADR 0027): each regency's senders (credentials sealed),
 * where a person can be reached, the consent ledger (append-only, UU 27/2022), one row per message
 * per channel and its append-only status log, and WhatsApp's 24-hour service windows.
 */
export class RegionNotifications1765100000000 implements MigrationInterface {
  name = 'RegionNotifications1765100000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table notification_senders (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        display_name text not null,
        whatsapp jsonb,
        sms jsonb,
        email jsonb,
        staff jsonb not null default '{}',
        quiet_hours jsonb default '{"start": "21:00", "end": "07:00"}',
        daily_caps jsonb not null default '{}',
        prices jsonb not null default '[]',
        version integer not null default 1,
        updated_by text not null,
        updated_at timestamptz not null,
        primary key (tenant_id)
      )`);
    await q.query(`
      create table notification_contacts (
        tenant_id uuid not null,
        id uuid not null,
        person text not null,
        channel text not null check (channel in ('whatsapp', 'sms', 'email')),
        address text not null,
        address_digest text not null,
        label text,
        relation text not null default 'self' check (relation in ('self', 'family', 'village-operator', 'other')),
        lang text not null default 'id' check (lang in ('id', 'en')),
        created_by text not null,
        created_at timestamptz not null,
        removed_at timestamptz,
        primary key (tenant_id, id)
      )`);
    await q.query(`create unique index notification_contacts_current on notification_contacts (tenant_id, person, channel) where removed_at is null`);
    await q.query(`create index notification_contacts_address on notification_contacts (tenant_id, address_digest) where removed_at is null`);
    await q.query(`
      create table notification_consents (
        tenant_id uuid not null,
        id uuid not null,
        person text not null,
        channel text not null check (channel in ('whatsapp', 'sms', 'email')),
        address_digest text not null,
        granted boolean not null,
        method text not null check (method in ('web', 'counter', 'paper', 'whatsapp', 'sms')),
        statement text not null,
        recorded_by text not null,
        recorded_by_role text not null,
        at timestamptz not null,
        primary key (tenant_id, id)
      )`);
    await q.query(`create index notification_consents_person on notification_consents (tenant_id, person, channel, at desc, id desc)`);
    await q.query(`
      create table notifications (
        tenant_id uuid not null,
        id uuid not null,
        outbox_id uuid not null,
        dedupe_key text not null,
        event text not null,
        template_version integer not null,
        person text not null,
        application_id uuid,
        channel text not null check (channel in ('whatsapp', 'sms', 'email', 'inbox')),
        address text,
        address_digest text,
        category text not null check (category in ('utility', 'authentication', 'service')),
        urgent boolean not null default false,
        lang text not null,
        personalisation jsonb not null,
        body text not null,
        status text not null default 'created',
        attempts integer not null default 0,
        next_attempt_at timestamptz,
        not_before timestamptz,
        provider_id text,
        fallback_from uuid,
        billable_units integer,
        cost numeric(14, 2),
        created_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (tenant_id, id),
        unique (tenant_id, dedupe_key, person, channel)
      )`);
    await q.query(`create index notifications_provider on notifications (tenant_id, channel, provider_id) where provider_id is not null`);
    await q.query(`create index notifications_person on notifications (tenant_id, person, created_at desc, id desc)`);
    await q.query(`create index notifications_application on notifications (tenant_id, application_id, created_at) where application_id is not null`);
    await q.query(`create index notifications_due on notifications (tenant_id, next_attempt_at) where status in ('created', 'sending', 'temporary-failure')`);
    await q.query(`create index notifications_day on notifications (tenant_id, channel, created_at)`);
    await q.query(`
      create table notification_events (
        tenant_id uuid not null,
        id uuid not null,
        notification_id uuid not null,
        status text not null check (status in ('created', 'sending', 'sent', 'delivered', 'read', 'temporary-failure', 'permanent-failure', 'technical-failure')),
        at timestamptz not null,
        recorded_at timestamptz not null,
        attempt integer,
        source text not null check (source in ('service', 'worker', 'provider')),
        provider_code text,
        detail text,
        primary key (tenant_id, id),
        unique (tenant_id, notification_id, attempt, status),
        foreign key (tenant_id, notification_id) references notifications (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index notification_events_of on notification_events (tenant_id, notification_id, recorded_at)`);
    await q.query(`
      create table whatsapp_windows (
        tenant_id uuid not null,
        address_digest text not null,
        last_inbound_at timestamptz not null,
        primary key (tenant_id, address_digest)
      )`);
    await q.query(`create index notification_outbox_pending on notification_outbox (tenant_id, created_at) where sent_at is null`);
    for (const t of ['notification_senders', 'notification_contacts', 'notification_consents', 'notifications', 'notification_events', 'whatsapp_windows']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index notification_outbox_pending`);
    for (const t of ['whatsapp_windows', 'notification_events', 'notifications', 'notification_consents', 'notification_contacts', 'notification_senders']) await q.query(`drop table ${t}`);
  }
}
