import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request budgets shared by every API process (docs/adr/0022-shared-rate-limits.md): one row per
 * budget key holding GCRA's theoretical arrival time (ms since the epoch, the database's clock).
 * UNLOGGED: no WAL, so an update costs little; a crash of PostgreSQL empties the table, which
 * only gives every caller a fresh budget. Fillfactor leaves room for HOT updates of the same row.
 */
export class ControlSharedRateLimits1764900000100 implements MigrationInterface {
  name = 'ControlSharedRateLimits1764900000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create unlogged table rate_limit_budgets (
        key text primary key,
        tat double precision not null,
        granted integer not null default 0
      ) with (fillfactor = 70)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table rate_limit_budgets');
  }
}
