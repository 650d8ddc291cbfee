import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ministry Monev (issue 23, part "monev"): alerts evaluated over history from the national
 * rollups, raised and cleared idempotently. Control plane: aggregates only (a tenant, a period,
 * an indicator's value), never a person. The natural key (tenant, kind, indicator, period) makes
 * every evaluation an upsert, so re-running one (or running it after an import) changes nothing
 * but what the figures changed.
 */
export class ControlMonevAlerts1765400000700 implements MigrationInterface {
  name = 'ControlMonevAlerts1765400000700';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table monev_alerts (
        tenant_id uuid not null references tenants(id) on delete cascade,
        kind text not null check (kind in ('lowest-in-region', 'no-online-after-launch')),
        indicator text not null check (indicator in ('online-share', 'sla-compliance', 'ikm', 'online-applications')),
        period_from date not null,
        period_to date not null check (period_to >= period_from),
        province_code text not null,
        status text not null check (status in ('raised', 'cleared')),
        value double precision,
        threshold double precision,
        peers integer not null default 0,
        detail jsonb not null default '{}',
        raised_at timestamptz not null,
        cleared_at timestamptz,
        evaluated_at timestamptz not null,
        primary key (tenant_id, kind, indicator, period_from, period_to)
      )`);
    await q.query(`create index monev_alerts_status_idx on monev_alerts (status, period_to desc, tenant_id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table monev_alerts');
  }
}
