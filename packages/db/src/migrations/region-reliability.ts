import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Idempotency-Key of an application's creation, stored with the application in the same
 * transaction: a retry after a crash between the business commit and the idempotency record
 * (test/fault/crash.test.ts found one) finds the application it already made instead of a second.
 */
export class RegionApplicationCreateKeys1764600000000 implements MigrationInterface {
  name = 'RegionApplicationCreateKeys1764600000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table applications add column create_key text`);
    await q.query(`create unique index applications_create_key_idx on applications (tenant_id, filed_by_sub, create_key) where create_key is not null`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index applications_create_key_idx');
    await q.query('alter table applications drop column create_key');
  }
}
