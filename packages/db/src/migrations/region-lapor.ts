import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Issue 24, SP4N-LAPOR! (ADR 0038, docs/complaints.md#sp4n-lapor). A regency's LAPOR! developer
 * account (the client secret sealed under the data key), and on each complaint its link to LAPOR!:
 * manual (the coordinator recorded the tracking id) or API (pushed under a stable reference, then
 * pulled): the transaction id, LAPOR!'s status and disposition, the attempts and when the next is due.
 * A sync may now also be `conflict` (LAPOR! shows more than one report, or another one, for ours).
 */
export class RegionLapor1765400000800 implements MigrationInterface {
  name = 'RegionLapor1765400000800';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table complaints drop constraint complaints_lapor_sync_status_check`);
    await q.query(`alter table complaints add constraint complaints_lapor_sync_status_check check (lapor_sync_status in ('not-synced', 'pending', 'synced', 'failed', 'conflict'))`);
    await q.query(`
      alter table complaints
        add column lapor_mode text check (lapor_mode in ('manual', 'api')),
        add column lapor_reference text,
        add column lapor_transaction_id text,
        add column lapor_attempts integer not null default 0,
        add column lapor_next_attempt_at timestamptz,
        add column lapor_attempted_at timestamptz,
        add column lapor_remote_status text,
        add column lapor_disposition text,
        add column lapor_answers integer not null default 0`);
    await q.query(`create unique index complaints_lapor_reference_key on complaints (tenant_id, lapor_reference) where lapor_reference is not null`);
    await q.query(`create index complaints_lapor_due_idx on complaints (tenant_id, lapor_next_attempt_at) where lapor_next_attempt_at is not null`);
    await q.query(`
      create table lapor_connections (
        tenant_id uuid not null,
        enabled boolean not null,
        base_url text not null,
        client_id text not null,
        client_secret text not null,
        secret_key_id text not null,
        secret_hint text not null,
        protocol jsonb not null default '{}',
        auto_push boolean not null default false,
        pull_minutes integer not null default 60 check (pull_minutes between 5 and 1440),
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        version integer not null default 1,
        updated_at timestamptz not null,
        updated_by text not null,
        primary key (tenant_id)
      )`);
    await enableTenantRls(q, 'lapor_connections');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table lapor_connections`);
    await q.query(`drop index complaints_lapor_due_idx`);
    await q.query(`drop index complaints_lapor_reference_key`);
    await q.query(`alter table complaints drop column lapor_mode, drop column lapor_reference, drop column lapor_transaction_id, drop column lapor_attempts, drop column lapor_next_attempt_at, drop column lapor_attempted_at, drop column lapor_remote_status, drop column lapor_disposition, drop column lapor_answers`);
    await q.query(`update complaints set lapor_sync_status = 'failed' where lapor_sync_status = 'conflict'`);
    await q.query(`alter table complaints drop constraint complaints_lapor_sync_status_check`);
    await q.query(`alter table complaints add constraint complaints_lapor_sync_status_check check (lapor_sync_status in ('not-synced', 'pending', 'synced', 'failed'))`);
  }
}
