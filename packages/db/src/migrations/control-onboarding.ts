import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MPP_STATUSES } from '@satupintu/core';

const statusList = MPP_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * The tenant lifecycle against the commitment deadline: the key dates on the tenant row (what the
 * ministry filters on) and every move with its date and actor.
 */
export class ControlOnboarding1764400000000 implements MigrationInterface {
  name = 'ControlOnboarding1764400000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table tenants
        add column committed_on date,
        add column deadline date,
        add column launched_on date,
        add column inaugurated_on date,
        add column model_tenant_id uuid references tenants(id),
        add constraint tenants_deadline_after_commitment check (deadline is null or deadline > committed_on)`);
    await q.query(`
      create table tenant_lifecycle_events (
        tenant_id uuid not null references tenants(id) on delete cascade,
        seq integer not null,
        from_status text check (from_status in (${statusList})),
        to_status text not null check (to_status in (${statusList})),
        effective_on date not null,
        actor text not null,
        note text,
        recorded_at timestamptz not null default now(),
        primary key (tenant_id, seq)
      )`);
    // Every existing tenant gets its first event, so the history is never empty.
    await q.query(`
      insert into tenant_lifecycle_events (tenant_id, seq, from_status, to_status, effective_on, actor, note)
      select id, 1, null, mpp_status, created_at::date, created_by, 'status at registration' from tenants`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table tenant_lifecycle_events');
    await q.query('alter table tenants drop column committed_on, drop column deadline, drop column launched_on, drop column inaugurated_on, drop column model_tenant_id');
  }
}

/**
 * The national store of aggregates each region publishes (monitoring): per tenant a snapshot and
 * weekly counts. Only counts and dates — nothing here identifies a citizen or an officer.
 */
export class ControlNationalRollups1764400000001 implements MigrationInterface {
  name = 'ControlNationalRollups1764400000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table national_tenant_stats (
        tenant_id uuid primary key references tenants(id) on delete cascade,
        region text not null,
        services_installed integer not null,
        services_live integer not null,
        services_planned integer not null,
        counters_set integer not null,
        agencies_joined integer not null,
        overdue_open integer not null,
        open_total integer not null,
        complaints_open integer not null default 0,
        complaints_overdue integer not null default 0,
        checklist_done integer not null,
        checklist_total integer not null,
        first_online_at timestamptz,
        last_online_at timestamptz,
        last_application_at timestamptz,
        computed_at timestamptz not null,
        published_at timestamptz not null default now()
      )`);
    await q.query(`
      create table national_weekly (
        tenant_id uuid not null references tenants(id) on delete cascade,
        week_start date not null check (extract(isodow from week_start) = 1),
        online integer not null default 0,
        assisted integer not null default 0,
        counter integer not null default 0,
        completed integer not null default 0,
        completed_on_time integer not null default 0,
        sessions_capacity integer not null default 0,
        sessions_booked integer not null default 0,
        sessions_checked_in integer not null default 0,
        sessions_no_show integer not null default 0,
        skm_responses integer not null default 0,
        skm_sums integer[] not null default '{0,0,0,0,0,0,0,0,0}' check (cardinality(skm_sums) = 9),
        published_at timestamptz not null default now(),
        primary key (tenant_id, week_start)
      )`);
    await q.query(`create index national_weekly_week_idx on national_weekly (week_start)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table national_weekly');
    await q.query('drop table national_tenant_stats');
  }
}
