import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { newId } from '@satupintu/core';
import { sharedPlatform } from '@satupintu/testkit';
import type { Sql } from './sql.js';
import { UnitOfWork } from './unit-of-work.js';

// PostgreSQL itself keeps tenants apart: these run as the app role against every region.
describe('tenant isolation by row-level security', () => {
  for (const region of ['id-jakarta', 'id-batam']) {
    describe(`region ${region}`, () => {
      let ds: DataSource;
      let a: string;
      let b: string;
      let uow: UnitOfWork;
      /** One transaction with `tenant` set, as every request and job runs. */
      const as = <T>(tenant: string, fn: (sql: Sql) => Promise<T>) => uow.write({ tenant: { id: tenant, homeRegion: region }, now: new Date() }, (tx) => fn(tx.sql));
      const insertEvent = (sql: Sql, tenantId: string, actor: string, action: string) =>
        sql.exec(`insert into audit_events (tenant_id, id, actor, action, subject, data) values ($1, $2, $3, $4, null, '{"secret":"only A"}')`, [tenantId, newId(), actor, action]);

      before(async () => {
        const p = sharedPlatform();
        ds = p.dbs.region(region);
        uow = new UnitOfWork(p.dbs);
        const tenants = await p.services.tenants.list({ region });
        assert.ok(tenants.length >= 2, `need two tenants in ${region}`);
        a = tenants[0]!.id;
        b = tenants[1]!.id;
        await as(a, (sql) => insertEvent(sql, a, 'test', 'test.isolation'));
      });

      it('connects as a role that is neither superuser nor BYPASSRLS', async () => {
        const [role] = await ds.query('select rolsuper, rolbypassrls, current_user as name from pg_roles where rolname = current_user');
        assert.deepEqual([role.rolsuper, role.rolbypassrls], [false, false]);
        assert.equal(role.name, 'satupintu_app');
      });

      it('puts every table under forced RLS with tenant_id leading the primary key', async () => {
        const tables: { table: string; rls: boolean; forced: boolean; policies: number; pk_first: string | null }[] = await ds.query(`
          select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
                 (select a.attname from pg_index i join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
                   where i.indrelid = c.oid and i.indisprimary) as pk_first
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'typeorm_migrations'`);
        assert.ok(tables.length >= 2);
        for (const t of tables) {
          assert.deepEqual({ table: t.table, rls: t.rls, forced: t.forced, pk: t.pk_first }, { table: t.table, rls: true, forced: true, pk: 'tenant_id' });
          assert.ok(t.policies >= 1, `${t.table} has a policy`);
        }
      });

      it("another tenant's context sees zero of A's rows", async () => {
        const seen = await as(b, async (sql) => ({
          events: (await sql.one<{ n: number }>(`select count(*)::int as n from audit_events where tenant_id = $1`, [a])).n,
          profiles: await sql.rows<{ tenant_id: string }>(`select tenant_id from tenant_profiles`),
        }));
        assert.equal(seen.events, 0);
        assert.deepEqual(seen.profiles.map((p) => p.tenant_id), [b]);
        const own = await as(a, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from audit_events where action = 'test.isolation'`));
        assert.ok(own.n >= 1, 'A sees its own rows');
      });

      it('no tenant context sees zero rows', async () => {
        const [{ n }] = await ds.query('select count(*)::int as n from audit_events');
        assert.equal(n, 0);
        const [{ p }] = await ds.query('select count(*)::int as p from tenant_profiles');
        assert.equal(p, 0);
        // A context reset to '' (as after a transaction-local set) also sees nothing, and does not error.
        const cleared = await ds.transaction(async (em) => {
          await em.query(`select set_config('app.tenant_id', '', true)`);
          return em.query('select count(*)::int as n from tenant_profiles');
        });
        assert.equal(cleared[0].n, 0);
      });

      it('the tenant setting does not outlive its transaction on a pooled connection', async () => {
        await as(a, (sql) => sql.exec('select 1'));
        const [{ t }] = await ds.query(`select current_setting('app.tenant_id', true) as t`);
        assert.ok(t === null || t === '', `expected no tenant, got ${t}`);
      });

      it('an insert for another tenant fails', async () => {
        await assert.rejects(
          as(b, (sql) => insertEvent(sql, a, 'attacker', 'test.forge')),
          (e: { driverError?: { code?: string } }) => e.driverError?.code === '42501',
        );
      });

      it("moving a row to another tenant fails, and A's rows cannot be changed from B", async () => {
        await assert.rejects(
          as(a, (sql) => sql.exec(`update audit_events set tenant_id = $1 where action = 'test.isolation'`, [b])),
          (e: { driverError?: { code?: string } }) => e.driverError?.code === '42501',
        );
        const touched = await as(b, (sql) => sql.exec(`delete from audit_events where tenant_id = $1`, [a]));
        assert.equal(touched, 0);
      });
    });
  }
});
