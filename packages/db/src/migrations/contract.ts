import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The HTTP contract (docs/adr/0020-http-contract.md): a version on every resource a client edits
 * (its ETag; updates quote it in If-Match), idempotency records found by age for the 24-hour
 * purge and keyed by a digest of the key (the key itself is a client's secret-ish handle and is
 * never stored or logged).
 */
export class RegionContract1764700000000 implements MigrationInterface {
  name = 'RegionContract1764700000000';
  async up(q: QueryRunner): Promise<void> {
    for (const t of ['service_overlays', 'service_standards', 'tenant_maklumat', 'tenant_agencies', 'tenant_closures', 'complaint_webhooks'])
      await q.query(`alter table ${t} add column version integer not null default 1`);
    await q.query(`create index tenant_idempotency_created_idx on tenant_idempotency (created_at)`);
    // The keysets of the paged lists that had no index in their order.
    await q.query(`create index audit_events_page_idx on audit_events (tenant_id, at desc, id desc)`);
    await q.query(`create index skm_followups_page_idx on skm_followups (tenant_id, created_at desc, id desc)`);
    await q.query(`create index bookings_applicant_idx on bookings (tenant_id, applicant_sub)`);
    await q.query(`delete from tenant_idempotency`);
    await q.query(`alter table tenant_idempotency rename column key to key_digest`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table tenant_idempotency rename column key_digest to key`);
    await q.query(`drop index bookings_applicant_idx`);
    await q.query(`drop index skm_followups_page_idx`);
    await q.query(`drop index audit_events_page_idx`);
    await q.query(`drop index tenant_idempotency_created_idx`);
    for (const t of ['service_overlays', 'service_standards', 'tenant_maklumat', 'tenant_agencies', 'tenant_closures', 'complaint_webhooks']) await q.query(`alter table ${t} drop column version`);
  }
}

/** Tenant settings in the directory (allowed browser origins for CORS), versioned; idempotency as in the regions. */
export class ControlContract1764700000000 implements MigrationInterface {
  name = 'ControlContract1764700000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table tenants add column allowed_origins text[] not null default '{}'`);
    await q.query(`alter table tenants add column settings_version integer not null default 1`);
    await q.query(`alter table tenants add constraint tenants_allowed_origins_max check (cardinality(allowed_origins) <= 20)`);
    await q.query(`create index idempotency_records_created_idx on idempotency_records (created_at)`);
    await q.query(`delete from idempotency_records`);
    await q.query(`alter table idempotency_records rename column key to key_digest`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table idempotency_records rename column key_digest to key`);
    await q.query(`drop index idempotency_records_created_idx`);
    await q.query(`alter table tenants drop constraint tenants_allowed_origins_max`);
    await q.query(`alter table tenants drop column settings_version`);
    await q.query(`alter table tenants drop column allowed_origins`);
  }
}
