import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Sessions on a holiday or cuti bersama: the agency confirms it serves (or cancels the session).
 * `agency_calendars`: per tenant and agency, whether cuti bersama is a working day for its
 * counter (SKB cuti bersama leaves it to each office; default: not, as before). A session's
 * confirmation is cleared whenever its flag changes (a holiday set or changed later).
 */
export class RegionSessionDecisions1765300000230 implements MigrationInterface {
  name = 'RegionSessionDecisions1765300000230';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table sessions add column confirmed_at timestamptz, add column confirmed_by text`);
    await q.query(`
      create table agency_calendars (
        tenant_id uuid not null,
        agency_code text not null,
        cuti_bersama_working boolean not null,
        updated_by text not null,
        updated_at timestamptz not null,
        primary key (tenant_id, agency_code)
      )`);
    await enableTenantRls(q, 'agency_calendars');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table agency_calendars');
    await q.query('alter table sessions drop column confirmed_at, drop column confirmed_by');
  }
}
