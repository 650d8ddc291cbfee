import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sandbox tenants (issue 23, ADR 0031): a rehearsal copy of a tenant points at its source and runs
 * on a clock of its own, kept as an offset from the platform clock (null for every production
 * tenant; a check keeps the two columns together). A sandbox carries its source's regency code, so
 * the code is unique among production tenants only (the index keeps the old constraint's name,
 * which the directory maps to CODE_TAKEN).
 */
export class ControlSandboxTenants1765400000100 implements MigrationInterface {
  name = 'ControlSandboxTenants1765400000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table tenants
        add column sandbox_of uuid references tenants(id),
        add column clock_offset_ms bigint,
        add column clock_version integer not null default 0,
        add constraint tenants_sandbox_clock check ((sandbox_of is null) = (clock_offset_ms is null)),
        add constraint tenants_sandbox_not_self check (sandbox_of is distinct from id)`);
    await q.query(`alter table tenants drop constraint tenants_code_key`);
    await q.query(`create unique index tenants_code_key on tenants (code) where sandbox_of is null`);
    await q.query(`create index tenants_sandbox_of_idx on tenants (sandbox_of) where sandbox_of is not null`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from tenants where sandbox_of is not null`);
    await q.query(`drop index tenants_sandbox_of_idx`);
    await q.query(`drop index tenants_code_key`);
    await q.query(`alter table tenants add constraint tenants_code_key unique (code)`);
    await q.query(`alter table tenants drop constraint tenants_sandbox_not_self, drop constraint tenants_sandbox_clock, drop column clock_version, drop column clock_offset_ms, drop column sandbox_of`);
  }
}
