import assert from 'node:assert/strict';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { sharedPlatform } from '@satupintu/testkit';
import { ensureAppRole } from './roles.js';

describe('the app role', () => {
  it('is asserted by processes starting at the same moment without "tuple concurrently updated"', async function () {
    this.timeout(60_000);
    const infra = sharedPlatform().infra;
    const urls = [infra.controlDatabaseUrl, ...Object.values(infra.regionDatabaseUrls)];
    // A role of its own, so the platform's app role keeps its password.
    const role = `satupintu_race_${process.pid}`;
    const clients = Array.from({ length: 8 }, (_, i) => new pg.Client({ connectionString: urls[i % urls.length]! }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const asDataSource = (c: pg.Client) => ({ query: async (sql: string, params?: unknown[]) => (await c.query(sql, params)).rows }) as unknown as DataSource;
      for (let round = 0; round < 3; round++) await Promise.all(clients.map((c) => ensureAppRole(asDataSource(c), role, `pw-${round}-${process.pid}-long-enough`)));
      const [r] = (await clients[0]!.query('select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = $1', [role])).rows;
      assert.deepEqual(r, { rolsuper: false, rolbypassrls: false, rolcanlogin: true });
    } finally {
      await clients[0]!.query(`drop role if exists ${pg.escapeIdentifier(role)}`);
      await Promise.all(clients.map((c) => c.end()));
    }
  });
});
