import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '../rls.js';

/**
 * Advisory-lock namespace of the tenant write fence (the first key of the two-key form; the second
 * is `hashtext(tenant_id::text)`). Every tenant write takes it shared, a tenant move exclusive.
 * Two tenants whose ids hash alike only make a move wait for the other's writes too.
 */
export const TENANT_FENCE_LOCK = 1_397_771_606; // 'SPMV'

/** SQLSTATE raised by `tenant_write_fence` (class SP is ours): the unit of work answers 503 TENANT_MOVING. */
export const TENANT_FENCED_SQLSTATE = 'SP503';

/**
 * The tenant write fence of a tenant move (`satupintu tenant move`, docs/operations.md). A row in
 * `tenant_fences` says: this region refuses the tenant's writes — `departing` (its home, while its
 * data is copied out), `departed` (its data left; a process with a stale directory entry must not
 * write here again), `arriving` (its copy is being made and checked here). Every write transaction
 * calls `tenant_write_fence(tenant)` right after setting the tenant: a shared advisory lock held
 * to the commit, then a look at the fence. The mover takes the same lock exclusively (waiting for
 * every write in flight), writes the fence, commits: no write can begin before it and commit after.
 * Reads are not fenced: they are served from the source until the switch; afterwards a process
 * that has not heard the switch yet reads the old region, which holds nothing of the tenant any more
 * (the orphan sweepers rely on that: they read each tenant's rows in the region whose bucket they sweep).
 */
export class RegionTenantFences1765000000000 implements MigrationInterface {
  name = 'RegionTenantFences1765000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tenant_fences (
        tenant_id uuid primary key,
        state text not null check (state in ('departing', 'departed', 'arriving')),
        move_id uuid not null,
        from_region text not null,
        to_region text not null,
        actor text not null,
        since timestamptz not null default now()
      )`);
    await enableTenantRls(q, 'tenant_fences');
    // VOLATILE plpgsql: the look at the fence takes its own snapshot after the lock is granted, so a
    // fence committed while this transaction waited for the lock is seen.
    await q.query(`
      create function tenant_write_fence(tenant uuid) returns void
      language plpgsql volatile as $$
      declare
        s text;
      begin
        perform pg_advisory_xact_lock_shared(${TENANT_FENCE_LOCK}, hashtext(tenant::text));
        select state into s from tenant_fences where tenant_id = tenant;
        if found then
          raise exception 'tenant % is fenced in this region (%)', tenant, s using errcode = '${TENANT_FENCED_SQLSTATE}', hint = s;
        end if;
      end $$`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop function tenant_write_fence(uuid)');
    await q.query('drop table tenant_fences');
  }
}
