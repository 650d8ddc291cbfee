import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Complaints (pengaduan, SP4N-LAPOR! rules, domain.md §1.6): the complaint with its hari-kerja
 * deadlines, its thread, attachments (objects in S3), escalations (exactly once per deadline),
 * and the outbound webhook (per-tenant target, deliveries with an attempt log and dead letters).
 */
export class RegionComplaints1764500000000 implements MigrationInterface {
  name = 'RegionComplaints1764500000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table complaints (
        tenant_id uuid not null references tenant_profiles(tenant_id),
        id uuid not null,
        tracking_code text not null check (tracking_code ~ '^ADU-[0-9A-Z]{4}-[0-9A-Z]{4}$'),
        kind text not null check (kind in ('complaint', 'suggestion', 'information-request')),
        category text not null check (category in ('informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan')),
        subject_type text not null check (subject_type in ('tenant', 'service', 'application')),
        plugin_id text,
        service_code text,
        application_id uuid,
        agency_code text,
        title text not null,
        body text not null,
        anonymous boolean not null default false,
        confidential boolean not null default false,
        location text,
        incident_date date,
        complainant_sub text,
        complainant jsonb not null,
        filed_by_sub text not null,
        filed_by_role text not null check (filed_by_role in ('citizen', 'officer')),
        channel text not null check (channel in ('online', 'counter')),
        status text not null check (status in ('submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected')),
        handler text check (handler in ('agency', 'coordinator')),
        verify_due_at timestamptz not null,
        verify_due_date date not null,
        first_response_due_at timestamptz,
        first_response_due_date date,
        answer_due_at timestamptz,
        answer_due_date date,
        first_response_at timestamptz,
        verified_at timestamptz,
        verified_by text,
        answered_at timestamptz,
        reopen_until timestamptz,
        reopen_count integer not null default 0,
        rating smallint check (rating between 1 and 5),
        rating_comment text,
        rated_at timestamptz,
        closed_at timestamptz,
        lapor_tracking_id text,
        lapor_sync_status text not null default 'not-synced' check (lapor_sync_status in ('not-synced', 'pending', 'synced', 'failed')),
        lapor_sync_error text,
        lapor_synced_at timestamptz,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, tracking_code),
        foreign key (tenant_id, application_id) references applications (tenant_id, id),
        check (subject_type <> 'service' or (plugin_id is not null and service_code is not null)),
        check (subject_type <> 'application' or application_id is not null)
      )`);
    await q.query(`create index complaints_complainant_idx on complaints (tenant_id, complainant_sub, created_at desc)`);
    await q.query(`create index complaints_agency_idx on complaints (tenant_id, agency_code, status)`);
    await q.query(`create index complaints_open_idx on complaints (tenant_id, status) where status in ('submitted', 'forwarded', 'handling')`);
    await q.query(`
      create table complaint_messages (
        tenant_id uuid not null,
        complaint_id uuid not null,
        id uuid not null,
        at timestamptz not null default now(),
        author_sub text not null,
        author_name text,
        author_role text not null,
        kind text not null,
        body text,
        internal boolean not null default false,
        primary key (tenant_id, id),
        foreign key (tenant_id, complaint_id) references complaints (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index complaint_messages_idx on complaint_messages (tenant_id, complaint_id, at)`);
    await q.query(`
      create table complaint_attachments (
        tenant_id uuid not null,
        complaint_id uuid not null,
        id uuid not null,
        object_key text not null,
        filename text,
        media_type text not null,
        size bigint not null check (size > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, object_key),
        foreign key (tenant_id, complaint_id) references complaints (tenant_id, id) on delete cascade
      )`);
    await q.query(`
      create table complaint_escalations (
        tenant_id uuid not null,
        id uuid not null,
        complaint_id uuid not null,
        stage text not null check (stage in ('verification', 'first-response', 'answer')),
        due_at timestamptz not null,
        escalated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, complaint_id, stage, due_at),
        foreign key (tenant_id, complaint_id) references complaints (tenant_id, id) on delete cascade
      )`);
    await q.query(`
      create table complaint_webhooks (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        url text not null check (url ~ '^https?://'),
        secret text not null,
        active boolean not null default true,
        max_attempts integer not null default 8 check (max_attempts between 1 and 20),
        updated_by text not null,
        updated_at timestamptz not null default now(),
        primary key (tenant_id)
      )`);
    await q.query(`
      create table complaint_webhook_deliveries (
        tenant_id uuid not null,
        id uuid not null,
        complaint_id uuid not null,
        event text not null,
        payload jsonb not null,
        status text not null check (status in ('pending', 'delivered', 'dead')),
        attempts integer not null default 0,
        max_attempts integer not null,
        next_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        created_at timestamptz not null default now(),
        delivered_at timestamptz,
        dead_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, complaint_id) references complaints (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index complaint_webhook_deliveries_status_idx on complaint_webhook_deliveries (tenant_id, status, next_attempt_at)`);
    await q.query(`
      create table complaint_webhook_attempts (
        tenant_id uuid not null,
        delivery_id uuid not null,
        attempt integer not null,
        at timestamptz not null default now(),
        url text not null,
        status_code integer,
        error text,
        duration_ms integer not null,
        primary key (tenant_id, delivery_id, attempt),
        foreign key (tenant_id, delivery_id) references complaint_webhook_deliveries (tenant_id, id) on delete cascade
      )`);
    for (const t of ['complaints', 'complaint_messages', 'complaint_attachments', 'complaint_escalations', 'complaint_webhooks', 'complaint_webhook_deliveries', 'complaint_webhook_attempts'])
      await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['complaint_webhook_attempts', 'complaint_webhook_deliveries', 'complaint_webhooks', 'complaint_escalations', 'complaint_attachments', 'complaint_messages', 'complaints'])
      await q.query(`drop table ${t}`);
  }
}

/**
 * SKM (PermenPANRB 14/2017, domain.md §1.5): an invitation per completed application, one
 * anonymous response per invitation (nine unsur on 1–4 plus the respondent profile; no link back
 * to the person), and follow-up tasks (rencana tindak lanjut) on the weakest unsur of a period.
 */
export class RegionSkm1764500001000 implements MigrationInterface {
  name = 'RegionSkm1764500001000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table skm_invitations (
        tenant_id uuid not null references tenant_profiles(tenant_id),
        id uuid not null,
        -- Cleared once answered, so the response (which keeps only a digest of it) cannot be traced back.
        token text check (token ~ '^[A-Za-z0-9_-]{22,64}$'),
        application_id uuid not null,
        plugin_id text not null,
        service_code text not null,
        agency_code text not null,
        respondent_sub text,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        responded_on date,
        primary key (tenant_id, id),
        unique (tenant_id, application_id),
        unique (tenant_id, token),
        foreign key (tenant_id, application_id) references applications (tenant_id, id)
      )`);
    await q.query(`create index skm_invitations_respondent_idx on skm_invitations (tenant_id, respondent_sub) where responded_on is null`);
    // Anonymous by construction: no person, application or invitation column, no timestamp finer than
    // the day; only a digest of the (then erased) invitation token, for one-response-per-invitation.
    await q.query(`
      create table skm_responses (
        tenant_id uuid not null,
        id uuid not null,
        token_digest text not null check (token_digest ~ '^[0-9a-f]{64}$'),
        plugin_id text not null,
        service_code text not null,
        agency_code text not null,
        local_date date not null,
        u1 smallint not null check (u1 between 1 and 4),
        u2 smallint not null check (u2 between 1 and 4),
        u3 smallint not null check (u3 between 1 and 4),
        u4 smallint not null check (u4 between 1 and 4),
        u5 smallint not null check (u5 between 1 and 4),
        u6 smallint not null check (u6 between 1 and 4),
        u7 smallint not null check (u7 between 1 and 4),
        u8 smallint not null check (u8 between 1 and 4),
        u9 smallint not null check (u9 between 1 and 4),
        sex text not null,
        age_band text not null,
        education text not null,
        occupation text not null,
        suggestion text,
        primary key (tenant_id, id),
        unique (tenant_id, token_digest)
      )`);
    await q.query(`create index skm_responses_period_idx on skm_responses (tenant_id, local_date, agency_code, plugin_id, service_code)`);
    await q.query(`
      create table skm_followups (
        tenant_id uuid not null references tenant_profiles(tenant_id),
        id uuid not null,
        scope text not null check (scope in ('tenant', 'agency', 'service')),
        scope_key text not null,
        period_from date not null,
        period_to date not null,
        element text not null check (element ~ '^U[1-9]$'),
        nrr numeric(6,4) not null,
        ikm numeric(6,2) not null,
        respondents integer not null,
        status text not null check (status in ('open', 'closed')),
        plan text,
        result_note text,
        created_by text not null,
        created_at timestamptz not null default now(),
        closed_by text,
        closed_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, scope, scope_key, period_from, period_to)
      )`);
    for (const t of ['skm_invitations', 'skm_responses', 'skm_followups']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['skm_followups', 'skm_responses', 'skm_invitations']) await q.query(`drop table ${t}`);
  }
}

export const complaintsAndSkmMigrations = [RegionComplaints1764500000000, RegionSkm1764500001000];
