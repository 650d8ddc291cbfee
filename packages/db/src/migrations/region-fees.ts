import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

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

/**
 * Part "fees" (issue 23), signatures: each agency's signing key per tenant (a PKCS#12 and its
 * passphrase, sealed with the data key like other secrets; the certificate's public facts beside
 * them), and on each issued output the code of its public verification page and who signed it.
 */
export class RegionSigningKeys1765400000401 implements MigrationInterface {
  name = 'RegionSigningKeys1765400000401';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table signing_keys (
        tenant_id uuid not null,
        agency_code text not null,
        p12_sealed text not null,
        passphrase_sealed text not null,
        subject text not null,
        issuer text not null,
        serial text not null,
        not_before timestamptz not null,
        not_after timestamptz not null,
        fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
        test_ca boolean not null,
        set_by text not null,
        set_at timestamptz not null,
        primary key (tenant_id, agency_code)
      )`);
    await enableTenantRls(q, 'signing_keys');
    await q.query(`alter table application_outputs add column verify_code text check (verify_code ~ '^[0-9A-Z]{16}$'), add column signer text, add column signer_issuer text, add column signed_test_ca boolean`);
    await q.query(`create unique index application_outputs_verify_code on application_outputs (tenant_id, verify_code) where verify_code is not null`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index application_outputs_verify_code`);
    await q.query(`alter table application_outputs drop column verify_code, drop column signer, drop column signer_issuer, drop column signed_test_ca`);
    await q.query(`drop table signing_keys`);
  }
}
