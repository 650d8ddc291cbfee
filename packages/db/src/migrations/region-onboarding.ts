import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * A regency's onboarding: agencies joined (MoU per agency), the maklumat pelayanan, decrees (SK),
 * and the formal publication of each service's standar pelayanan (with its SK).
 */
export class RegionOnboarding1764400000000 implements MigrationInterface {
  name = 'RegionOnboarding1764400000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tenant_agencies (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        agency_code text not null check (agency_code ~ '^[a-z][a-z0-9-]{1,62}$'),
        agency_name text not null,
        mou_number text not null,
        mou_signed_on date not null,
        planned_services integer not null check (planned_services >= 0),
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        primary key (tenant_id, agency_code)
      )`);
    await q.query(`
      create table tenant_maklumat (
        tenant_id uuid primary key references tenant_profiles(tenant_id) on delete cascade,
        text text not null,
        signed_by text not null,
        signed_on date not null,
        published_by text not null,
        published_at timestamptz not null default now()
      )`);
    await q.query(`
      create table tenant_decrees (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        kind text not null check (kind in ('formation-team', 'mpp-establishment', 'service-standards', 'maklumat', 'other')),
        number text not null,
        signed_on date not null,
        title text not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        primary key (tenant_id, kind, number)
      )`);
    await q.query(`
      create table service_standards (
        tenant_id uuid not null,
        plugin_id text not null,
        service_code text not null,
        plugin_version text not null,
        sk_number text not null,
        sk_date date not null,
        published_by text not null,
        published_at timestamptz not null default now(),
        primary key (tenant_id, plugin_id, service_code),
        foreign key (tenant_id, plugin_id) references plugin_installations (tenant_id, plugin_id) on delete cascade
      )`);
    for (const t of ['tenant_agencies', 'tenant_maklumat', 'tenant_decrees', 'service_standards']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['service_standards', 'tenant_decrees', 'tenant_maklumat', 'tenant_agencies']) await q.query(`drop table ${t}`);
  }
}

/**
 * Incremental rollups (docs/monitoring.md). A trigger turns every change of an application's
 * status, channel or dates into signed deltas (its old contribution out, the new one in), in the
 * same transaction as the change: exact, and no hot counter row for concurrent submissions to
 * fight over. The `monitoring.rollup` job folds the deltas into weekly counts each minute and
 * publishes them to the national store. Weeks are ISO weeks in the tenant's own time zone.
 */
export class RegionRollups1764400000001 implements MigrationInterface {
  name = 'RegionRollups1764400000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table rollup_deltas (
        tenant_id uuid not null,
        id bigint generated always as identity,
        at timestamptz not null,
        week_start date not null,
        channel text not null,
        submitted integer not null default 0,
        completed integer not null default 0,
        completed_on_time integer not null default 0,
        primary key (tenant_id, id)
      )`);
    await q.query(`
      create table rollup_weekly (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        week_start date not null,
        channel text not null check (channel in ('online', 'assisted', 'counter')),
        submitted integer not null default 0,
        completed integer not null default 0,
        completed_on_time integer not null default 0,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, week_start, channel)
      )`);
    await q.query(`
      create table rollup_state (
        tenant_id uuid primary key references tenant_profiles(tenant_id) on delete cascade,
        first_online_at timestamptz,
        last_online_at timestamptz,
        last_application_at timestamptz,
        refreshed_at timestamptz,
        published_at timestamptz,
        snapshot_hash text
      )`);
    await q.query(`
      create function rollup_week(ts timestamptz, tenant uuid) returns date language sql stable as $$
        select date_trunc('week', ts at time zone coalesce((select time_zone from tenant_profiles where tenant_id = tenant), 'Asia/Jakarta'))::date
      $$`);
    await q.query(`
      create function applications_rollup_delta() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if old.submitted_at is not null and old.status <> 'draft' then
            insert into rollup_deltas (tenant_id, at, week_start, channel, submitted)
            values (old.tenant_id, old.submitted_at, rollup_week(old.submitted_at, old.tenant_id), old.channel, -1);
          end if;
          if old.status = 'completed' and old.completed_at is not null then
            insert into rollup_deltas (tenant_id, at, week_start, channel, completed, completed_on_time)
            values (old.tenant_id, old.completed_at, rollup_week(old.completed_at, old.tenant_id), old.channel, -1,
                    case when old.due_at is null or old.completed_at <= old.due_at then -1 else 0 end);
          end if;
        end if;
        if new.submitted_at is not null and new.status <> 'draft' then
          insert into rollup_deltas (tenant_id, at, week_start, channel, submitted)
          values (new.tenant_id, new.submitted_at, rollup_week(new.submitted_at, new.tenant_id), new.channel, 1);
        end if;
        if new.status = 'completed' and new.completed_at is not null then
          insert into rollup_deltas (tenant_id, at, week_start, channel, completed, completed_on_time)
          values (new.tenant_id, new.completed_at, rollup_week(new.completed_at, new.tenant_id), new.channel, 1,
                  case when new.due_at is null or new.completed_at <= new.due_at then 1 else 0 end);
        end if;
        return null;
      end $$`);
    await q.query(`create trigger applications_rollup_insert after insert on applications for each row execute function applications_rollup_delta()`);
    await q.query(`
      create trigger applications_rollup_update after update on applications for each row
      when (old.status is distinct from new.status or old.channel is distinct from new.channel
            or old.submitted_at is distinct from new.submitted_at or old.completed_at is distinct from new.completed_at
            or old.due_at is distinct from new.due_at)
      execute function applications_rollup_delta()`);
    for (const t of ['rollup_deltas', 'rollup_weekly', 'rollup_state']) await enableTenantRls(q, t);
    // Applications filed before this migration enter as deltas too (the migrator is the owner).
    await q.query(`
      insert into rollup_deltas (tenant_id, at, week_start, channel, submitted)
      select tenant_id, submitted_at, rollup_week(submitted_at, tenant_id), channel, 1 from applications
       where submitted_at is not null and status <> 'draft'`);
    await q.query(`
      insert into rollup_deltas (tenant_id, at, week_start, channel, completed, completed_on_time)
      select tenant_id, completed_at, rollup_week(completed_at, tenant_id), channel, 1,
             case when due_at is null or completed_at <= due_at then 1 else 0 end
        from applications where status = 'completed' and completed_at is not null`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop trigger applications_rollup_update on applications');
    await q.query('drop trigger applications_rollup_insert on applications');
    await q.query('drop function applications_rollup_delta()');
    await q.query('drop function rollup_week(timestamptz, uuid)');
    for (const t of ['rollup_state', 'rollup_weekly', 'rollup_deltas']) await q.query(`drop table ${t}`);
  }
}
