import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Ministry Monev (issue 23, part "monev"), data plane:
 * - `skm_publications`: where and when a tenant published an SKM result (PermenPANRB 14/2017:
 *   results are published; PEKPPP scores the publication media). Append-only: no update ever
 *   (a trigger refuses one); a retried record is the same row (natural key).
 * - `skm_followups` gains what a follow-up task needs besides plan and result: an owner (a unit or
 *   position), a due date and the evidence of completion.
 */
export class RegionMonevSkm1765400000701 implements MigrationInterface {
  name = 'RegionMonevSkm1765400000701';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table skm_publications (
        tenant_id uuid not null references tenant_profiles(tenant_id),
        id uuid not null,
        period_from date not null,
        period_to date not null check (period_to >= period_from),
        medium text not null check (medium in ('website', 'notice-board', 'social-media', 'print-media', 'other')),
        location text not null,
        published_on date not null,
        published_by text not null,
        recorded_by text not null,
        recorded_at timestamptz not null,
        primary key (tenant_id, id),
        unique (tenant_id, period_from, period_to, medium, location, published_on)
      )`);
    await q.query(`create index skm_publications_page_idx on skm_publications (tenant_id, recorded_at desc, id desc)`);
    await q.query(`
      create function skm_publications_append_only() returns trigger language plpgsql as $$
      begin raise exception 'skm_publications is append-only'; end $$`);
    await q.query(`create trigger skm_publications_no_update before update on skm_publications for each row execute function skm_publications_append_only()`);
    await enableTenantRls(q, 'skm_publications');
    await q.query(`alter table skm_followups add column owner text, add column due_on date, add column evidence_url text`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table skm_followups drop column owner, drop column due_on, drop column evidence_url`);
    await q.query('drop table skm_publications');
    await q.query('drop function skm_publications_append_only()');
  }
}
