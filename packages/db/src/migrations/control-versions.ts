import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23 (ADR 0036): what each tenant runs of each plugin, and the plugin's own figures there,
 * published by the regions' `installations.versions` job (like the monitoring rollups). Counts and
 * versions only: no person, no free text.
 */
export class ControlPluginFleet1765400000601 implements MigrationInterface {
  name = 'ControlPluginFleet1765400000601';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table national_plugin_stats (
        tenant_id uuid not null references tenants(id) on delete cascade,
        plugin_id text not null,
        version text not null,
        pin_range text,
        policy text not null,
        held_version text,
        open_total integer not null,
        overdue integer not null,
        complaints_open integer not null,
        complaints_overdue integer not null,
        published_at timestamptz not null,
        primary key (tenant_id, plugin_id)
      )`);
    await q.query(`create index national_plugin_stats_plugin_idx on national_plugin_stats (plugin_id)`);
    await q.query(`
      create table national_plugin_weekly (
        tenant_id uuid not null references tenants(id) on delete cascade,
        plugin_id text not null,
        week_start date not null,
        completed integer not null default 0,
        completed_on_time integer not null default 0,
        skm_responses integer not null default 0,
        skm_sums integer[] not null default '{0,0,0,0,0,0,0,0,0}',
        published_at timestamptz not null,
        primary key (tenant_id, plugin_id, week_start)
      )`);
    await q.query(`create index national_plugin_weekly_plugin_idx on national_plugin_weekly (plugin_id, week_start)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table national_plugin_weekly');
    await q.query('drop table national_plugin_stats');
  }
}
