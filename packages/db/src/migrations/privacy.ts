import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Accountability for personal data (UU 27/2022, docs/privacy.md): the access log of reads of a
 * person's data by someone else (who, whose, what, why, when), the per-tenant key that turns a
 * NIK into a digest for that log (the NIK itself is never stored there), the regency's own
 * retention periods, and the indexes the retention purge walks.
 */
export class RegionPrivacy1764800000400 implements MigrationInterface {
  name = 'RegionPrivacy1764800000400';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table privacy_keys (
        tenant_id uuid primary key references tenant_profiles(tenant_id) on delete cascade,
        -- Random per tenant: NIK digests of one tenant cannot be matched with another's, nor
        -- reversed by hashing every possible NIK without this key.
        pepper bytea not null check (octet_length(pepper) = 32),
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table personal_data_access (
        tenant_id uuid not null references tenant_profiles(tenant_id),
        id uuid not null,
        at timestamptz not null,
        request_id text not null,
        reader_sub text not null,
        reader_username text not null,
        reader_role text not null check (reader_role in ('officer', 'tenant-admin', 'village-operator', 'filer', 'platform-admin', 'system')),
        reader_agency text,
        person_sub text,
        nik_digest text check (nik_digest ~ '^[0-9a-f]{64}$'),
        -- An anonymous complainant: the tenant admin's view leaves the person out; the person still sees the entry.
        person_hidden boolean not null default false,
        record_type text not null check (record_type in ('application', 'application-document', 'application-output', 'complaint', 'complaint-attachment', 'booking')),
        record_id uuid not null,
        record_ref text,
        item text,
        purpose text not null check (purpose in ('handling', 'verification', 'complaint-handling', 'supervision', 'assisted-filing', 'export', 'support')),
        primary key (tenant_id, id),
        check (person_sub is not null or nik_digest is not null)
      )`);
    // The regency's own periods (ditetapkan oleh regency), within the bounds the platform allows per line.
    await q.query(`
      create table privacy_retention (
        tenant_id uuid not null references tenant_profiles(tenant_id) on delete cascade,
        code text not null,
        days integer not null check (days between 0 and 36500),
        basis text not null check (length(basis) between 3 and 500),
        version integer not null default 1,
        updated_by text not null,
        updated_at timestamptz not null,
        primary key (tenant_id, code)
      )`);
    await q.query(`create index personal_data_access_page_idx on personal_data_access (tenant_id, at desc, id desc)`);
    await q.query(`create index personal_data_access_person_idx on personal_data_access (tenant_id, person_sub, at desc, id desc) where person_sub is not null`);
    await q.query(`create index personal_data_access_nik_idx on personal_data_access (tenant_id, nik_digest, at desc, id desc) where nik_digest is not null`);
    // What the retention purge looks for, per tenant and oldest first.
    await q.query(`create index applications_draft_age_idx on applications (tenant_id, updated_at) where status = 'draft'`);
    await q.query(`create index applications_closed_age_idx on applications (tenant_id, completed_at) where status in ('completed', 'rejected', 'withdrawn')`);
    await q.query(`create index complaints_closed_age_idx on complaints (tenant_id, closed_at) where closed_at is not null`);
    await q.query(`create index notification_outbox_age_idx on notification_outbox (tenant_id, created_at)`);
    for (const t of ['privacy_keys', 'personal_data_access', 'privacy_retention']) await enableTenantRls(q, t);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const i of ['notification_outbox_age_idx', 'complaints_closed_age_idx', 'applications_closed_age_idx', 'applications_draft_age_idx']) await q.query(`drop index ${i}`);
    await q.query('drop table privacy_retention');
    await q.query('drop table personal_data_access');
    await q.query('drop table privacy_keys');
  }
}
