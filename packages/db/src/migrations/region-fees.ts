import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Part "fees" (issue 23): the fee quote an application was submitted with (plugin-sdk quoteFee on
 * the tenant's date of submission: lines, regulations, total in rupiah). Drafts have none (their
 * quote is computed live); issue 24's payment assessment reads it. A submitted application's quote
 * never changes afterwards (the trigger below).
 */
export class RegionApplicationFees1765400000400 implements MigrationInterface {
  name = 'RegionApplicationFees1765400000400';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table applications add column fee_quote jsonb`);
    await q.query(`
      create function applications_fee_quote_frozen() returns trigger language plpgsql as $$
      begin
        if old.status <> 'draft' and old.fee_quote is not null and new.fee_quote is distinct from old.fee_quote then
          raise exception 'the fee quote of a submitted application is fixed' using errcode = 'check_violation';
        end if;
        return new;
      end $$`);
    await q.query(`create trigger applications_fee_quote_frozen before update of fee_quote on applications for each row execute function applications_fee_quote_frozen()`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger applications_fee_quote_frozen on applications`);
    await q.query(`drop function applications_fee_quote_frozen()`);
    await q.query(`alter table applications drop column fee_quote`);
  }
}
