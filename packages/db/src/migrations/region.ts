import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';
import { complaintsAndSkmMigrations } from './region-complaints.js';
import { RegionOnboarding1764400000000, RegionRollups1764400000001 } from './region-onboarding.js';
import { RegionApplicationCreateKeys1764600000000 } from './region-reliability.js';
import { RegionContract1764700000000 } from './contract.js';
import { RegionPrivacy1764800000400 } from './privacy.js';
import { RegionApplicationChanges1764800000200 } from './security-applications.js';
import { RegionComplaintWebhookSecrets1764800000100 } from './security-complaints.js';
import { RegionTenantFences1765000000000 } from './region-tenant-move.js';
import { RegionNotifications1765100000000 } from './region-notifications.js';
import { RegionSignedEvents1765100000100 } from './region-signed-events.js';
import { RegionQueueTickets1765200000000 } from './region-queue-tickets.js';
import { RegionSessionDecisions1765300000230 } from './region-session-decisions.js';
import { RegionHistory1765400000200 } from './region-history.js';
import { RegionPluginPins1765400000600 } from './region-versions.js';
import { RegionMonevSkm1765400000701 } from './region-monev.js';
import { RegionApplicantProfiles1765400000501, RegionCombinedSurvey1765400000502, RegionSlaStart1765400000500 } from './region-sla.js';
import { RegionDocumentRules1765400000300 } from './region-docs.js';
import { RegionApplicationFees1765400000400, RegionSigningKeys1765400000401 } from './region-fees.js';
import { RegionOss1765400000900 } from './region-oss.js';
import { RegionLapor1765400000800 } from './region-lapor.js';
import { RegionPayments1765401000000 } from './region-pay.js';

/**
 * Data plane of one region. Every table is tenant-owned: tenant_id leads the primary key and
 * every foreign key, and row-level security is enabled and forced (see rls.ts).
 */
export class RegionInit1763980000000 implements MigrationInterface {
  name = 'RegionInit1763980000000';
  async up(q: QueryRunner): Promise<void> {
    // The tenant of the current transaction; NULL (sees nothing) when unset or reset to ''.
    await q.query(`
      create function app_current_tenant() returns uuid
      language sql stable parallel safe
      as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$`);
    await q.query(`
      create table tenant_profiles (
        tenant_id uuid primary key,
        slug text not null,
        name text not null,
        time_zone text not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table audit_events (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        id uuid not null,
        at timestamptz not null default now(),
        actor text not null,
        action text not null,
        subject text,
        data jsonb not null default '{}',
        primary key (tenant_id, id)
      )`);
    await enableTenantRls(q, 'tenant_profiles');
    await enableTenantRls(q, 'audit_events');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table audit_events');
    await q.query('drop table tenant_profiles');
    await q.query('drop function app_current_tenant()');
  }
}

/** A tenant's installed plugin versions (pinned) and its overlays per service. */
export class RegionPluginInstallations1764000000000 implements MigrationInterface {
  name = 'RegionPluginInstallations1764000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table plugin_installations (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        plugin_id text not null,
        version text not null,
        content_hash text not null,
        installed_by text not null,
        installed_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, plugin_id)
      )`);
    await q.query(`
      create table service_overlays (
        tenant_id uuid not null,
        plugin_id text not null,
        service_code text not null,
        overlay jsonb not null,
        updated_by text not null,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, plugin_id, service_code),
        foreign key (tenant_id, plugin_id) references plugin_installations (tenant_id, plugin_id) on delete cascade
      )`);
    await enableTenantRls(q, 'plugin_installations');
    await enableTenantRls(q, 'service_overlays');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table service_overlays');
    await q.query('drop table plugin_installations');
  }
}

/** Citizens' applications, their documents (objects in S3), timeline, outputs; idempotent writes. */
export class RegionApplications1764100000000 implements MigrationInterface {
  name = 'RegionApplications1764100000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table applications (
        tenant_id uuid not null references tenant_profiles(tenant_id),
        id uuid not null,
        tracking_code text not null check (tracking_code ~ '^[0-9A-Z]{4}-[0-9A-Z]{4}$'),
        plugin_id text not null,
        plugin_version text not null,
        content_hash text not null,
        service_code text not null,
        agency_code text not null,
        applicant_sub text,
        applicant jsonb not null,
        filed_by_sub text not null,
        filed_by_role text not null check (filed_by_role in ('citizen', 'officer', 'village-operator')),
        channel text not null check (channel in ('online', 'assisted', 'counter')),
        consent jsonb,
        status text not null check (status in ('draft', 'submitted', 'completed', 'rejected', 'withdrawn')),
        state text not null,
        data jsonb not null default '{}',
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        submitted_at timestamptz,
        completed_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, tracking_code),
        check (channel = 'online' or consent is not null)
      )`);
    await q.query(`create index applications_applicant_idx on applications (tenant_id, applicant_sub, created_at desc)`);
    await q.query(`create index applications_agency_state_idx on applications (tenant_id, agency_code, status, state)`);
    await q.query(`
      create table application_documents (
        tenant_id uuid not null,
        application_id uuid not null,
        id uuid not null,
        document_code text not null,
        object_key text not null,
        filename text,
        media_type text not null,
        size bigint not null check (size > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        source text not null check (source in ('upload', 'journey')),
        source_application_id uuid,
        source_output text,
        uploaded_by text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, object_key),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
      )`);
    await q.query(`
      create table application_events (
        tenant_id uuid not null,
        application_id uuid not null,
        id uuid not null,
        at timestamptz not null default now(),
        actor_sub text not null,
        actor_name text,
        actor_role text not null,
        action text not null,
        from_state text,
        to_state text,
        comment text,
        primary key (tenant_id, id),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index application_events_app_idx on application_events (tenant_id, application_id, at)`);
    await q.query(`
      create table application_outputs (
        tenant_id uuid not null,
        application_id uuid not null,
        output_code text not null,
        kind text not null,
        object_key text,
        media_type text,
        size bigint,
        sha256 text,
        issued_by text not null,
        issued_at timestamptz not null default now(),
        valid_until timestamptz,
        primary key (tenant_id, application_id, output_code),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
      )`);
    await q.query(`
      create table tenant_idempotency (
        tenant_id uuid not null,
        scope text not null,
        key text not null,
        request_hash text not null,
        status integer not null,
        body jsonb not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, scope, key)
      )`);
    for (const t of ['applications', 'application_documents', 'application_events', 'application_outputs', 'tenant_idempotency']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['tenant_idempotency', 'application_outputs', 'application_events', 'application_documents', 'applications']) await q.query(`drop table ${t}`);
  }
}

/** SLA due dates per application and step, officer claims, escalations (exactly once), tenant closures, notification outbox. */
export class RegionWorkflow1764200000000 implements MigrationInterface {
  name = 'RegionWorkflow1764200000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table applications
        add column due_at timestamptz,
        add column due_date date,
        add column step_due_at timestamptz,
        add column step_due_date date,
        add column claimed_by text,
        add column claimed_by_name text,
        add column claimed_at timestamptz`);
    await q.query(`create index applications_queue_idx on applications (tenant_id, agency_code, step_due_at) where status = 'submitted'`);
    await q.query(`
      create table escalations (
        tenant_id uuid not null,
        id uuid not null,
        application_id uuid not null,
        state text not null,
        due_at timestamptz not null,
        escalated_at timestamptz not null default now(),
        acknowledged_by text,
        acknowledged_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, application_id, state, due_at),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
      )`);
    await q.query(`
      create table tenant_closures (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        date date not null,
        reason jsonb not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, date)
      )`);
    await q.query(`
      create table notification_outbox (
        tenant_id uuid not null,
        id uuid not null,
        kind text not null,
        payload jsonb not null,
        created_at timestamptz not null default now(),
        sent_at timestamptz,
        primary key (tenant_id, id)
      )`);
    for (const t of ['escalations', 'tenant_closures', 'notification_outbox']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notification_outbox', 'tenant_closures', 'escalations']) await q.query(`drop table ${t}`);
    await q.query('alter table applications drop column due_at, drop column due_date, drop column step_due_at, drop column step_due_date, drop column claimed_by, drop column claimed_by_name, drop column claimed_at');
  }
}

/** Appointment sessions with exact capacity (online and walk-in shares), bookings, daily queue numbers per counter. */
export class RegionAppointments1764300000000 implements MigrationInterface {
  name = 'RegionAppointments1764300000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table sessions (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        id uuid not null,
        plugin_id text not null,
        service_code text not null,
        agency_code text not null,
        local_date date not null,
        start_time text not null,
        end_time text not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        capacity integer not null check (capacity > 0),
        online_capacity integer not null check (online_capacity between 0 and capacity),
        booked_online integer not null default 0,
        booked_walkin integer not null default 0,
        status text not null default 'open' check (status in ('open', 'cancelled')),
        holiday text,
        cancel_reason text,
        primary key (tenant_id, id),
        unique (tenant_id, plugin_id, service_code, starts_at),
        check (booked_online <= online_capacity),
        check (booked_online + booked_walkin <= capacity)
      )`);
    await q.query(`
      create table bookings (
        tenant_id uuid not null,
        id uuid not null,
        session_id uuid not null,
        applicant_sub text not null,
        applicant_name text,
        application_id uuid,
        channel text not null check (channel in ('online', 'walk-in')),
        status text not null check (status in ('booked', 'cancelled', 'checked-in', 'called', 'served', 'no-show', 'cancelled-by-agency')),
        queue_number integer,
        counter text,
        created_at timestamptz not null default now(),
        checked_in_at timestamptz,
        called_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, session_id) references sessions (tenant_id, id) on delete cascade
      )`);
    await q.query(`create unique index bookings_one_per_person on bookings (tenant_id, session_id, applicant_sub) where status in ('booked', 'checked-in', 'called')`);
    await q.query(`
      create table counter_days (
        tenant_id uuid not null,
        counter text not null,
        local_date date not null,
        last_number integer not null,
        primary key (tenant_id, counter, local_date)
      )`);
    for (const t of ['sessions', 'bookings', 'counter_days']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['counter_days', 'bookings', 'sessions']) await q.query(`drop table ${t}`);
  }
}

export const regionMigrations = [RegionInit1763980000000, RegionPluginInstallations1764000000000, RegionApplications1764100000000, RegionWorkflow1764200000000, RegionAppointments1764300000000, RegionOnboarding1764400000000, RegionRollups1764400000001, ...complaintsAndSkmMigrations, RegionApplicationCreateKeys1764600000000, RegionContract1764700000000, RegionComplaintWebhookSecrets1764800000100, RegionApplicationChanges1764800000200, RegionPrivacy1764800000400, RegionTenantFences1765000000000, RegionNotifications1765100000000, RegionSignedEvents1765100000100, RegionQueueTickets1765200000000, RegionSessionDecisions1765300000230, RegionPluginPins1765400000600, RegionMonevSkm1765400000701, RegionSlaStart1765400000500, RegionApplicantProfiles1765400000501, RegionCombinedSurvey1765400000502, RegionDocumentRules1765400000300, RegionApplicationFees1765400000400, RegionSigningKeys1765400000401, RegionHistory1765400000200, RegionOss1765400000900, RegionLapor1765400000800, RegionPayments1765401000000];
