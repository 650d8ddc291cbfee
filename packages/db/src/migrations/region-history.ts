import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * History imported from the systems a regency ran before (ADR 0032, docs/onboarding.md): one row
 * per import batch, and the imported facts with their ORIGINAL times, each keyed by an external
 * key (the file's id, or a digest of the row) so re-importing a file adds nothing twice. No name,
 * NIK or other person column: only what the aggregates need.
 * - Applications live in their own table (an imported one has no applicant, form or documents and
 *   must never enter an officer's queue) and feed the national rollups through the same signed
 *   deltas as `applications` (ADR 0013), written by a trigger in the importing transaction.
 * - SKM answers go into `skm_responses` itself (anonymous by construction), marked by their batch,
 *   so IKM reports and rollups count them without a union.
 * - Visits and complaints get history tables that the visits figures and complaint counts union.
 */
export class RegionHistory1765400000200 implements MigrationInterface {
  name = 'RegionHistory1765400000200';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table import_batches (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        id uuid not null,
        kind text not null check (kind in ('applications', 'visits', 'complaints', 'skm')),
        format text not null check (format in ('csv', 'json')),
        -- The system the file came from (its ids are unique within it), when the admin named it.
        source text,
        file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
        rows_total integer not null,
        accepted integer not null,
        rejected integer not null,
        duplicates integer not null,
        dropped_columns text[] not null default '{}',
        earliest_date date,
        latest_date date,
        created_by text not null,
        created_at timestamptz not null,
        -- Set by the rollup once the batch's weeks (older than its usual window) are published;
        -- cleared again when the batch is reverted, so the rollup republishes those weeks without it.
        published_at timestamptz,
        reverted_by text,
        reverted_at timestamptz,
        primary key (tenant_id, id)
      )`);
    await q.query(`create index import_batches_unpublished on import_batches (tenant_id) where published_at is null`);
    await q.query(`
      create table history_applications (
        tenant_id uuid not null,
        id uuid not null,
        batch_id uuid not null,
        external_key text not null,
        agency_code text not null,
        service_code text not null,
        channel text not null check (channel in ('online', 'assisted', 'counter')),
        submitted_at timestamptz not null,
        completed_at timestamptz,
        status text not null check (status in ('in-progress', 'completed', 'rejected', 'withdrawn')),
        sla_met boolean,
        check (status <> 'completed' or (completed_at is not null and sla_met is not null)),
        check (completed_at is null or completed_at >= submitted_at),
        primary key (tenant_id, id),
        unique (tenant_id, external_key),
        foreign key (tenant_id, batch_id) references import_batches (tenant_id, id)
      )`);
    // The same contribution an application makes (RegionRollups1764400000001): +1 submitted in its
    // week and channel; +1 completed (on time when the SLA was met) in its completion week.
    await q.query(`
      create function history_applications_rollup_delta() returns trigger language plpgsql as $$
      begin
        insert into rollup_deltas (tenant_id, at, week_start, channel, submitted)
        values (new.tenant_id, new.submitted_at, rollup_week(new.submitted_at, new.tenant_id), new.channel, 1);
        if new.status = 'completed' then
          insert into rollup_deltas (tenant_id, at, week_start, channel, completed, completed_on_time)
          values (new.tenant_id, new.completed_at, rollup_week(new.completed_at, new.tenant_id), new.channel, 1, case when new.sla_met then 1 else 0 end);
        end if;
        return null;
      end $$`);
    await q.query(`create trigger history_applications_rollup after insert on history_applications for each row execute function history_applications_rollup_delta()`);
    // A reverted batch takes its applications' contribution out again (−1), in the reverting transaction.
    await q.query(`
      create function history_applications_rollup_undo() returns trigger language plpgsql as $$
      begin
        insert into rollup_deltas (tenant_id, at, week_start, channel, submitted)
        values (old.tenant_id, old.submitted_at, rollup_week(old.submitted_at, old.tenant_id), old.channel, -1);
        if old.status = 'completed' then
          insert into rollup_deltas (tenant_id, at, week_start, channel, completed, completed_on_time)
          values (old.tenant_id, old.completed_at, rollup_week(old.completed_at, old.tenant_id), old.channel, -1, case when old.sla_met then -1 else 0 end);
        end if;
        return null;
      end $$`);
    await q.query(`create trigger history_applications_rollup_undo after delete on history_applications for each row execute function history_applications_rollup_undo()`);
    await q.query(`
      create table history_visits (
        tenant_id uuid not null,
        id uuid not null,
        batch_id uuid not null,
        external_key text not null,
        visited_at timestamptz not null,
        local_date date not null,
        agency_code text not null,
        service_code text,
        kind text not null check (kind in ('walk-in', 'booked')),
        primary key (tenant_id, id),
        unique (tenant_id, external_key),
        foreign key (tenant_id, batch_id) references import_batches (tenant_id, id)
      )`);
    await q.query(`create index history_visits_day on history_visits (tenant_id, local_date)`);
    await q.query(`
      create table history_complaints (
        tenant_id uuid not null,
        id uuid not null,
        batch_id uuid not null,
        external_key text not null,
        received_at timestamptz not null,
        answered_at timestamptz,
        answered_on_time boolean,
        channel text not null check (channel in ('online', 'counter')),
        category text not null check (category in ('informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan')),
        status text not null check (status in ('submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected')),
        agency_code text,
        check (answered_at is null or answered_at >= received_at),
        primary key (tenant_id, id),
        unique (tenant_id, external_key),
        foreign key (tenant_id, batch_id) references import_batches (tenant_id, id)
      )`);
    await q.query(`create index history_complaints_received on history_complaints (tenant_id, received_at)`);
    // Imported SKM answers: the token digest is the digest of the row's external key (unique per tenant).
    await q.query(`alter table skm_responses add column import_batch_id uuid`);
    for (const t of ['import_batches', 'history_applications', 'history_visits', 'history_complaints']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table skm_responses drop column import_batch_id');
    await q.query('drop trigger history_applications_rollup_undo on history_applications');
    await q.query('drop trigger history_applications_rollup on history_applications');
    await q.query('drop function history_applications_rollup_undo()');
    await q.query('drop function history_applications_rollup_delta()');
    for (const t of ['history_complaints', 'history_visits', 'history_applications', 'import_batches']) await q.query(`drop table ${t}`);
  }
}
