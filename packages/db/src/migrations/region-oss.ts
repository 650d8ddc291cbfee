import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Issue 24, OSS-RBA (ADR 0039, docs/oss.md). A regency's OSS K/L/D connection (secrets sealed at
 * rest), the OSS identity of an application (NIB, OSS id, permit ids, KBLI, business scale, risk:
 * first-class, not form JSON), the pushes owed to OSS (its own transactional outbox, in order per
 * application, idempotent on a natural key), and the NIB checklists OSS pushes to the regency.
 */
export class RegionOss1765400000900 implements MigrationInterface {
  name = 'RegionOss1765400000900';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table oss_connections (
        tenant_id uuid primary key,
        enabled boolean not null default false,
        endpoint text not null,
        user_key text not null,
        kd_instansi text,
        signer jsonb,
        inbound_username text,
        inbound_password text,
        version integer not null default 1,
        last_success_at timestamptz,
        last_error_at timestamptz,
        last_error text,
        updated_at timestamptz not null
      )`);
    await q.query(`
      create table oss_applications (
        tenant_id uuid not null,
        application_id uuid not null,
        nib text not null check (nib ~ '^[0-9]{13}$'),
        oss_id text,
        id_proyek text,
        id_izin text,
        kd_izin text,
        kbli text[] not null default '{}',
        skala_usaha text,
        skala_resiko text,
        kd_daerah text,
        nama_perseroan text,
        looked_up_at timestamptz not null,
        permit_number text,
        primary key (tenant_id, application_id),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index oss_applications_nib on oss_applications (tenant_id, nib)`);
    await q.query(`
      create table oss_pushes (
        tenant_id uuid not null,
        id uuid not null,
        application_id uuid not null,
        seq integer not null,
        method text not null check (method in ('receiveLicenseStatus', 'receiveLicense')),
        dedupe_key text not null,
        kd_status text not null,
        payload jsonb not null,
        status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz not null,
        primary key (tenant_id, id),
        unique (tenant_id, dedupe_key),
        unique (tenant_id, application_id, seq),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index oss_pushes_pending on oss_pushes (tenant_id, next_attempt_at) where status = 'pending'`);
    await q.query(`
      create table oss_nib_inbox (
        tenant_id uuid not null,
        id uuid not null,
        nib text not null,
        oss_id text not null,
        id_izin text not null default '',
        kd_izin text,
        payload jsonb not null,
        received_at timestamptz not null,
        status text not null default 'pending' check (status in ('pending', 'done')),
        primary key (tenant_id, id),
        unique (tenant_id, nib, oss_id, id_izin)
      )`);
    for (const t of ['oss_connections', 'oss_applications', 'oss_pushes', 'oss_nib_inbox']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const t of ['oss_nib_inbox', 'oss_pushes', 'oss_applications', 'oss_connections']) await q.query(`drop table ${t}`);
  }
}
