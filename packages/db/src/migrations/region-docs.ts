import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Documents and identity (issue 23): the structured data an officer records about an issued output
 * (a loss report's number and date, an NIB and its risk level; validated against the plugin's
 * schema), and photos or scans of the signed consent for assisted and counter filing — objects in
 * the tenant's bucket like other documents, rows here (staff only).
 */
export class RegionDocumentRules1765400000300 implements MigrationInterface {
  name = 'RegionDocumentRules1765400000300';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table application_outputs add column data jsonb check (data is null or jsonb_typeof(data) = 'object')`);
    await q.query(`
      create table application_consent_scans (
        tenant_id uuid not null,
        application_id uuid not null,
        id uuid not null,
        object_key text not null,
        filename text,
        media_type text not null,
        size bigint not null check (size > 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text not null,
        created_at timestamptz not null,
        primary key (tenant_id, id),
        unique (tenant_id, object_key),
        unique (tenant_id, application_id, sha256),
        foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
      )`);
    await enableTenantRls(q, 'application_consent_scans');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table application_consent_scans');
    await q.query('alter table application_outputs drop column data');
  }
}
