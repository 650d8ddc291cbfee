/**
 * What the tenant move's write fence costs per write (packages/db/src/migrations/region-tenant-move.ts):
 * every tenant write transaction also runs `tenant_write_fence(tenant)` (a shared advisory lock and a
 * primary-key look at `tenant_fences`) in its BEGIN round trip. Measured in the same run, on the
 * embedded PostgreSQL, in alternating blocks (fixtures.ts `alternate`), one tenant:
 *   - without: BEGIN + set tenant, one insert, COMMIT (the unit of work's transaction before the fence);
 *   - with: the same plus the fence in the BEGIN round trip;
 *   - uow.write: the real unit of work (fence included) writing the same row through recordAudit;
 * each at 1 and 16 writers at once; then the fence alone (BEGIN round trip, rolled back: no flush
 * to disk to hide it); then inside the server (a DO block committing 20,000 transactions); then how long a move's exclusive fence lock waits with 16 writers going.
 *   node --import tsx test/bench/tenant-fence.bench.ts [writes] [blocks]
 */
import { rmSync } from 'node:fs';
import { newId } from '@satupintu/core';
import { TENANT_FENCE_LOCK, recordAudit } from '@satupintu/db';
import { startPlatform } from '@satupintu/server';
import { tempDataDir, testConfig } from '@satupintu/testkit';
import { alternate } from './fixtures.js';

const total = Number(process.argv[2] ?? 6000);
const blocks = Number(process.argv[3] ?? 6);
const dataDir = tempDataDir('satupintu-fence-bench-');
const platform = await startPlatform(testConfig(dataDir, { DB_POOL_SIZE: '20' }), { role: 'api' });
try {
  const tenant = await platform.services.tenants.get('kab-bandung-barat');
  const ds = platform.dbs.region(tenant.homeRegion);
  const insert = `insert into audit_events (tenant_id, id, at, actor, action, subject, data) values ($1, $2, now(), 'bench', 'bench.fence', null, '{}')`;
  /** One write transaction as the unit of work sends it, with or without the fence in its first round trip. */
  const raw = (fence: boolean) => async () => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`BEGIN; SELECT set_config('app.tenant_id', '${tenant.id}', true)${fence ? `; SELECT tenant_write_fence('${tenant.id}')` : ''}`);
      await runner.query(insert, [tenant.id, newId()]);
      await runner.query('COMMIT');
    } finally {
      await runner.release();
    }
  };
  const uow = async () => {
    await platform.kernel.uow.write({ tenant, now: new Date() }, (tx) => recordAudit(tx, { actor: 'bench', action: 'bench.fence' }));
  };
  const targets = [
    { name: 'without fence', one: raw(false) },
    { name: 'with fence', one: raw(true) },
    { name: 'uow.write (fence)', one: uow },
  ];
  for (const t of targets) for (let i = 0; i < 200; i++) await t.one(); // warm-up
  const results: Record<string, unknown>[] = [];
  for (const concurrency of [1, 16]) {
    const rows = await alternate(targets, total, concurrency, blocks);
    const base = rows[0]!;
    for (const r of rows)
      results.push({
        writers: concurrency,
        target: r.target,
        writes: r.requests,
        'writes/s': r.rps,
        'µs/write': Math.round(1e6 / r.rps),
        p50: r.p50,
        p99: r.p99,
        'Δ µs/write vs without': Math.round(1e6 / r.rps - 1e6 / base.rps),
      });
  }
  console.table(results);

  // The fence alone, without the commit's flush to disk (which dominates, and varies, above): the
  // BEGIN round trip with and without it, then ROLLBACK.
  const begin = (fence: boolean) => async () => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`BEGIN; SELECT set_config('app.tenant_id', '${tenant.id}', true)${fence ? `; SELECT tenant_write_fence('${tenant.id}')` : ''}`);
      await runner.query('ROLLBACK');
    } finally {
      await runner.release();
    }
  };
  const alone: Record<string, unknown>[] = [];
  for (const concurrency of [1, 16]) {
    const rows = await alternate([{ name: 'BEGIN + tenant', one: begin(false) }, { name: 'BEGIN + tenant + fence', one: begin(true) }], total * 2, concurrency, blocks);
    for (const r of rows) alone.push({ writers: concurrency, target: r.target, 'tx/s': r.rps, 'µs/tx': Math.round(1e6 / r.rps), p50: r.p50, p99: r.p99, 'Δ µs vs without': Math.round(1e6 / r.rps - 1e6 / rows[0]!.rps) });
  }
  console.table(alone);

  // Inside the server, no client round trip or scheduling noise: N transactions in a DO block (each
  // sets the tenant and commits; with and without the fence), alternately, µs per transaction.
  const serverSide = async (fence: boolean, n: number) => {
    const t0 = performance.now();
    await ds.query(`DO $$ BEGIN FOR i IN 1..${n} LOOP PERFORM set_config('app.tenant_id', '${tenant.id}', true);${fence ? ` PERFORM tenant_write_fence('${tenant.id}');` : ''} COMMIT; END LOOP; END $$`);
    return ((performance.now() - t0) * 1000) / n;
  };
  const inside = { without: [] as number[], with: [] as number[] };
  for (let i = 0; i < blocks; i++) {
    inside.without.push(await serverSide(false, 20_000));
    inside.with.push(await serverSide(true, 20_000));
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`in the server, per transaction: without fence ${med(inside.without).toFixed(2)} µs, with the fence ${med(inside.with).toFixed(2)} µs: the fence costs ${(med(inside.with) - med(inside.without)).toFixed(2)} µs (median of ${blocks} blocks of 20,000)`);

  // A move's fence waits for the writes in flight: with 16 writers going, how long does taking it take?
  const waits: number[] = [];
  let stop = false;
  const writers = Array.from({ length: 16 }, async () => {
    while (!stop) await raw(true)().catch(() => {});
  });
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      const t0 = performance.now();
      await runner.query('BEGIN');
      await runner.query(`select pg_advisory_xact_lock($1, hashtext($2::text))`, [TENANT_FENCE_LOCK, tenant.id]);
      waits.push(performance.now() - t0);
      await runner.query('ROLLBACK');
    } finally {
      await runner.release();
    }
  }
  stop = true;
  await Promise.all(writers);
  waits.sort((a, b) => a - b);
  console.log(`exclusive fence lock under 16 writers: median ${waits[10]!.toFixed(1)} ms, max ${waits[19]!.toFixed(1)} ms (20 takes)`);
  await ds.query(`select 1`);
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
