import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visits per tenant, local day and agency, published by the regions' rollup (ADR 0013, 0032):
 * check-ins of booked sessions, walk-in queue tickets and imported visits. Counts only.
 */
export class ControlNationalVisits1765400000201 implements MigrationInterface {
  name = 'ControlNationalVisits1765400000201';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table national_visits_daily (
        tenant_id uuid not null references tenants(id) on delete cascade,
        local_date date not null,
        agency_code text not null,
        walk_in integer not null default 0,
        booked integer not null default 0,
        published_at timestamptz not null,
        primary key (tenant_id, local_date, agency_code)
      )`);
    await q.query(`create index national_visits_daily_date on national_visits_daily (local_date)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table national_visits_daily');
  }
}
