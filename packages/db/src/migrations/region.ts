import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

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

export const regionMigrations = [RegionInit1763980000000, RegionPluginInstallations1764000000000];
