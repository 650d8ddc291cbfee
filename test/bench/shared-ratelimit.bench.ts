/**
 * What sharing request budgets across processes costs per request (docs/adr/0022-shared-rate-limits.md),
 * in the same run, on the embedded PostgreSQL:
 *  1. the budget check alone (`increment` of a tenant's store, µs per call, sequential and 32
 *     concurrent): this process's GcraStore; the shared store asking PostgreSQL for every request
 *     (lease 1); the shared store with leases of up to 120 (2 % of the default budget) and of
 *     up to 2 % of the test budget;
 *  2. over HTTP, a route behind the real limiters (client + anonymous budgets), no limiter / local /
 *     shared, measured in alternating blocks (fixtures.ts `alternate`);
 *  3. three "processes" (three stores, each with its own pool) flooding one tenant: admitted vs the
 *     budget, statements per admitted request.
 *   node --import tsx test/bench/shared-ratelimit.bench.ts [requests] [concurrency]
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { startPlatform } from '@satupintu/server';
import { tempDataDir, testConfig } from '@satupintu/testkit';
import { GcraStore, SharedGcraStore, tenantRateLimits, type PeekableStore, type RateLimitStoreOptions } from '../../packages/server/src/http/ratelimit.js';
import { PostgresBudgets } from '../../packages/server/src/shared-state.js';
import { alternate, load, percentile } from './fixtures.js';

const total = Number(process.argv[2] ?? 6000);
const concurrency = Number(process.argv[3] ?? 16);
const dataDir = tempDataDir('satupintu-ratelimit-bench-');
const platform = await startPlatform(testConfig(dataDir), { role: 'api' });
const controlUrl = platform.dbs.appUrls[0]!;
const pools: PostgresBudgets[] = [];
const budgets = () => {
  const b = new PostgresBudgets(controlUrl);
  pools.push(b);
  return b;
};
let run = 0;
try {
  // 1. The check alone.
  const big = { windowMs: 60_000, limit: 1_000_000 } as never;
  const stores: [string, () => PeekableStore, () => number][] = [];
  const plain = budgets();
  const leased = budgets();
  stores.push(['local GcraStore', () => new GcraStore(), () => 0]);
  const capped = budgets();
  // Lease 1: a statement per request, except that requests waiting at once for the same key share one.
  stores.push(['shared, lease 1', () => new SharedGcraStore(plain, { leaseFraction: 0 }), () => plain.taken]);
  // Leases up to 120: 2 % of the default tenant budget (6000 per minute).
  stores.push(['shared, leases ≤ 120', () => new SharedGcraStore(capped, { leaseFraction: 120 / 1_000_000 }), () => capped.taken]);
  stores.push(['shared, leases ≤ 2 % of 1,000,000', () => new SharedGcraStore(leased), () => leased.taken]);
  const checks: Record<string, unknown>[] = [];
  for (const [name, make, statements] of stores) {
    for (const par of [1, 32]) {
      const store = make();
      store.init(big);
      const key = `t:bench-${run++}`;
      for (let i = 0; i < 200; i++) await store.increment(key); // warm-up
      const before = statements();
      const n = total;
      const lat: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: par }, async () => {
          while (next++ < n) {
            const s = performance.now();
            await store.increment(key);
            lat.push(performance.now() - s);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      lat.sort((a, b) => a - b);
      checks.push({ store: name, concurrent: par, 'µs/check': Math.round((seconds * 1e6) / n), 'p50 µs': Math.round(percentile(lat, 50) * 1000), 'p99 µs': Math.round(percentile(lat, 99) * 1000), 'statements/check': Number(((statements() - before) / n).toFixed(3)) });
      store.shutdown();
    }
  }
  console.log(`1. one tenant's budget check, ${total} checks per row, same run`);
  console.table(checks);

  // 2. Over HTTP, the limiters of the route table (client + anonymous budgets per request).
  const limits = { windowSeconds: 60, tenantMax: 1_000_000, anonymousMax: 1_000_000, clientMax: 1_000_000 };
  const app = express();
  const route = (path: string, handlers: RequestHandler[]) => app.get(path, ...handlers, (_req, res) => void res.json({ ok: true }));
  route('/none/:tenant/x', []);
  route('/local/:tenant/x', tenantRateLimits(limits).afterAuth);
  const sharedOpts: RateLimitStoreOptions = { backend: budgets() };
  route('/shared/:tenant/x', tenantRateLimits(limits, sharedOpts).afterAuth);
  route('/shared-no-lease/:tenant/x', tenantRateLimits(limits, { backend: budgets(), leaseFraction: 0 }).afterAuth);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (p: string) => async () => {
    const r = await fetch(`${base}${p}/kab-bench/x`);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
  };
  const targets = [
    { name: 'no limiter', one: get('/none') },
    { name: 'local (RATE_LIMIT_STORE=local)', one: get('/local') },
    { name: 'shared, leases (RATE_LIMIT_STORE=postgres)', one: get('/shared') },
    { name: 'shared, lease 1', one: get('/shared-no-lease') },
  ];
  for (const t of targets) await load(300, concurrency, t.one);
  const rows = await alternate(targets, total, concurrency);
  console.log(`\n2. HTTP GET behind the limiters, ${total} requests per target, ${concurrency} concurrent, alternating blocks`);
  console.table(rows);
  const baseline = rows[0]!;
  for (const r of rows.slice(1)) console.log(`   ${r.target}: p50 +${(r.p50 - baseline.p50).toFixed(1)} ms, throughput ${((r.rps / baseline.rps) * 100).toFixed(0)}% of no limiter`);
  server.close();

  // 3. Three processes, one tenant, a budget of 3000 per 10 minutes, flooded with 9000 requests.
  const budget = 3000;
  const three = [budgets(), budgets(), budgets()];
  const procs = three.map((b) => {
    const s = new SharedGcraStore(b);
    s.init({ windowMs: 600_000, limit: budget } as never);
    return s;
  });
  const before = three.reduce((n, b) => n + b.taken, 0);
  let admitted = 0;
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 48 }, async () => {
      while (i < 3 * budget) {
        const k = i++;
        if ((await procs[k % 3]!.increment('t:kab-flood')).totalHits <= budget) admitted++;
      }
    }),
  );
  const ms = performance.now() - t0;
  const statements = three.reduce((n, b) => n + b.taken, 0) - before;
  console.log(`\n3. three processes, one tenant, budget ${budget}/600 s, ${3 * budget} requests round-robin in ${ms.toFixed(0)} ms: admitted ${admitted} (${((admitted / budget) * 100).toFixed(1)} % of the budget; GCRA refill in that time ≈ ${Math.floor(ms / (600_000 / budget))}), ${statements} statements (${(statements / admitted).toFixed(3)} per admitted request)`);
  for (const p of procs) p.shutdown();
} finally {
  await Promise.all(pools.map((p) => p.close()));
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
