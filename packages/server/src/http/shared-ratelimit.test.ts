import assert from 'node:assert/strict';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import { startPlatform, type Platform } from '../platform.js';

/**
 * Budgets and the object store's circuit hold across processes (docs/adr/0022-shared-rate-limits.md):
 * three API instances of one region, joining the shared test platform's databases (same DATA_DIR,
 * so the same embedded PostgreSQL) with small budgets, take a tenant's traffic round-robin.
 */
describe('shared state across three API processes', function () {
  this.timeout(180_000);
  const tenant = 'kab-bandung-barat';
  const budget = 300;
  let instances: Platform[] = [];

  before(async () => {
    const p = sharedPlatform();
    const config = {
      ...p.config,
      port: 0,
      seed: false,
      // The shared platform's S3 and issuer: tokens it signs are valid on every instance.
      s3: { ...p.config.s3, endpoint: p.infra.s3Endpoint },
      keycloak: { ...p.config.keycloak, url: p.authServerUrl },
      rateLimits: { windowSeconds: 600, tenantMax: budget, anonymousMax: budget, clientMax: 0 },
      rateLimitStore: 'postgres' as const,
    };
    // One after another: each runs the (already applied) migrations on start.
    for (let i = 0; i < 3; i++) instances.push(await startPlatform(config, { role: 'api' }));
  });
  after(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    instances = [];
  });

  /** `total` requests round-robin over the instances, `concurrency` at a time: statuses counted. */
  async function flood(total: number, concurrency: number, token?: string): Promise<Record<number, number>> {
    const counts: Record<number, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let n = next++; n < total; n = next++) {
          const r = await api(instances[n % instances.length]!, 'GET', `/api/v1/tenants/${tenant}/services`, token ? { token } : {});
          counts[r.status] = (counts[r.status] ?? 0) + 1;
        }
      }),
    );
    return counts;
  }

  it('admits a tenant’s anonymous budget once across the three, within 10 %', async () => {
    const started = Date.now();
    const counts = await flood(3 * budget, 24);
    // GCRA refills one request every window/budget (2 s here) while the flood runs.
    const refill = Math.ceil((Date.now() - started) / 2_000);
    const admitted = counts[200] ?? 0;
    console.log(`      anonymous: ${admitted} of ${3 * budget} admitted across 3 instances, budget ${budget} (+${refill} refilled)`);
    assert.equal(admitted + (counts[429] ?? 0), 3 * budget, JSON.stringify(counts));
    assert.ok(admitted >= budget * 0.9 && admitted <= budget * 1.1 + refill, `admitted ${admitted} of a budget of ${budget} (+${refill} refilled): ${JSON.stringify(counts)}`);
  });

  it('admits a tenant’s signed-in budget once across the three, within 10 %', async () => {
    const token = await tokenFor(sharedPlatform(), 'warga.kbb');
    const started = Date.now();
    const counts = await flood(3 * budget, 24, token);
    const refill = Math.ceil((Date.now() - started) / 2_000);
    const admitted = counts[200] ?? 0;
    console.log(`      signed-in: ${admitted} of ${3 * budget} admitted across 3 instances, budget ${budget} (+${refill} refilled)`);
    assert.ok(admitted >= budget * 0.9 && admitted <= budget * 1.1 + refill, `admitted ${admitted} of a budget of ${budget} (+${refill} refilled): ${JSON.stringify(counts)}`);
    // Spent: refused on every instance, by the gate in front of the token check too. GCRA refills
    // one request every 2 s meanwhile, so at most that many (and one in flight) may pass.
    const after = Date.now();
    const statuses: number[][] = [];
    for (const i of instances) {
      const mine: number[] = [];
      for (let k = 0; k < 3; k++) mine.push((await api(i, 'GET', `/api/v1/tenants/${tenant}/services`, { token })).status);
      statuses.push(mine);
    }
    const allowance = Math.ceil((Date.now() - after) / 2_000) + 1;
    assert.ok(statuses.flat().filter((st) => st === 200).length <= allowance, JSON.stringify(statuses));
    for (const mine of statuses) assert.ok(mine.includes(429), `every instance refuses: ${JSON.stringify(statuses)}`);
  });

  it('opens every instance’s object-store circuit when one finds S3 down', async () => {
    const [a, b, c] = instances as [Platform, Platform, Platform];
    const state = (p: Platform): string => p.store.breaker.state;
    assert.equal(state(b), 'closed');
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 3; i++) a.store.breaker.record(false, down);
    assert.equal(state(a), 'open');
    const deadline = Date.now() + 5_000;
    while ((state(b) !== 'open' || state(c) !== 'open' || state(sharedPlatform()) !== 'open') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(state(b), 'open', 'the second instance heard it');
    assert.equal(state(c), 'open', 'the third instance heard it');
    assert.equal(state(sharedPlatform()), 'open', 'so did the shared platform (same control database)');
    // Close them again for the suites that follow.
    for (const p of [...instances, sharedPlatform()]) p.store.breaker.record(true);
  });
});
