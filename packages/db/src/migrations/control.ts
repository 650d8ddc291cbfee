import { readFileSync } from 'node:fs';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MPP_STATUSES } from '@satupintu/core';
import { ControlNationalRollups1764400000001, ControlOnboarding1764400000000 } from './control-onboarding.js';
import { ControlContract1764700000000 } from './contract.js';
import { ControlSharedRateLimits1764900000100 } from './control-shared-state.js';
import { ControlNationalVisits1765400000201 } from './control-history.js';
import { ControlSandboxTenants1765400000100 } from './control-sandbox.js';
import { ControlPluginFleet1765400000601 } from './control-versions.js';
import { ControlMonevAlerts1765400000700 } from './control-monev.js';

/** Control plane: the region list, the tenant directory (tenant → home region), idempotency. */
export class ControlInit1763980000000 implements MigrationInterface {
  name = 'ControlInit1763980000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table regions (
        id text primary key check (id ~ '^[a-z][a-z0-9-]*$'),
        name text not null,
        bucket text not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table tenants (
        id uuid primary key,
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        code text not null unique check (code ~ '^[0-9]{2}\\.[0-9]{2}$'),
        name text not null,
        province_code text not null,
        province_name text not null,
        time_zone text not null,
        population integer not null check (population >= 0),
        home_region text not null references regions(id),
        mpp_status text not null check (mpp_status in (${MPP_STATUSES.map((s) => `'${s}'`).join(', ')})),
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index tenants_home_region_idx on tenants (home_region)`);
    await q.query(`
      create table idempotency_records (
        scope text not null,
        key text not null,
        request_hash text not null,
        status integer not null,
        body jsonb not null,
        created_at timestamptz not null default now(),
        primary key (scope, key)
      )`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table idempotency_records');
    await q.query('drop table tenants');
    await q.query('drop table regions');
  }
}

/** The plugin registry: every published version, immutable, with its content hash. */
export class ControlPluginRegistry1764000000000 implements MigrationInterface {
  name = 'ControlPluginRegistry1764000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table plugins (
        id text primary key check (id ~ '^[a-z][a-z0-9-]{1,62}$'),
        agency_code text not null,
        agency_name jsonb not null,
        agency_kind text not null check (agency_kind in ('vertical', 'regional')),
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table plugin_versions (
        plugin_id text not null references plugins(id),
        version text not null,
        content_hash text not null check (content_hash ~ '^sha256:[0-9a-f]{64}$'),
        manifest jsonb not null,
        host_range text not null,
        service_count integer not null,
        published_by text not null,
        published_at timestamptz not null default now(),
        primary key (plugin_id, version)
      )`);
    await q.query(`create index plugin_versions_hash_idx on plugin_versions (content_hash)`);
    // Published versions are immutable, whoever connects.
    await q.query(`
      create function plugin_versions_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'published plugin versions are immutable (%@%)', old.plugin_id, old.version using errcode = '55000';
      end $$`);
    await q.query(`create trigger plugin_versions_no_change before update or delete on plugin_versions for each row execute function plugin_versions_immutable()`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table plugin_versions');
    await q.query('drop function plugin_versions_immutable()');
    await q.query('drop table plugins');
  }
}

/** National holidays and cuti bersama (SKB 3 Menteri), maintained by the platform admin. */
export class ControlHolidays1764200000000 implements MigrationInterface {
  name = 'ControlHolidays1764200000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table holidays (
        date date not null,
        kind text not null check (kind in ('national', 'cuti-bersama')),
        name jsonb not null,
        decree text not null,
        updated_by text not null,
        updated_at timestamptz not null default now(),
        primary key (date, kind)
      )`);
    const data = JSON.parse(readFileSync(new URL('../../../core/data/holidays-id.json', import.meta.url), 'utf8')) as {
      years: Record<string, { decree: string; national: [string, string, string][]; cutiBersama: [string, string, string][] }>;
    };
    for (const year of Object.values(data.years))
      for (const [kind, list] of [['national', year.national], ['cuti-bersama', year.cutiBersama]] as const)
        for (const [date, id, en] of list)
          await q.query(`insert into holidays (date, kind, name, decree, updated_by) values ($1, $2, $3, $4, 'migration') on conflict do nothing`, [date, kind, JSON.stringify({ id, en }), year.decree]);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table holidays');
  }
}

export const controlMigrations = [ControlInit1763980000000, ControlPluginRegistry1764000000000, ControlHolidays1764200000000, ControlOnboarding1764400000000, ControlNationalRollups1764400000001, ControlContract1764700000000, ControlSharedRateLimits1764900000100, ControlSandboxTenants1765400000100, ControlNationalVisits1765400000201, ControlPluginFleet1765400000601, ControlMonevAlerts1765400000700];
