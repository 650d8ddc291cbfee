import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { migrateAll } from '@satupintu/db';
import pino from 'pino';
import { api, sharedPlatform } from '@satupintu/testkit';
import { JobQueues } from './jobs/queues.js';
import type { Platform } from './platform.js';

describe('platform server', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('/healthz answers, /readyz checks every region’s database, bucket and job queue', async () => {
    assert.deepEqual((await api(p, 'GET', '/healthz')).body, { status: 'ok' });
    const r = await api(p, 'GET', '/readyz');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const names = r.body.checks.map((c: { name: string }) => c.name).sort();
    assert.deepEqual(names, ['bucket:id-batam', 'bucket:id-jakarta', 'database:control', 'database:id-batam', 'database:id-jakarta', 'jobs:id-batam', 'jobs:id-jakarta']);
    assert.ok(r.body.checks.every((c: { ok: boolean }) => c.ok));
  });

  it('/metrics exposes request rates and latencies per route and tenant (Prometheus)', async () => {
    await api(p, 'GET', '/api/v1/tenants/kab-lebong');
    const r = await fetch(`${p.url}/metrics`);
    const text = await r.text();
    assert.match(r.headers.get('content-type') ?? '', /text\/plain/);
    assert.match(text, /satupintu_http_requests_total\{method="GET",route="\/api\/v1\/tenants\/:tenant",tenant="kab-lebong",status="200"\} \d+/);
    assert.match(text, /satupintu_http_request_duration_seconds_bucket\{le="0.05",method="GET",route="\/api\/v1\/tenants\/:tenant",tenant="kab-lebong"\}/);
    assert.match(text, /satupintu_process_resident_memory_bytes/);
  });

  it('serves an OpenAPI 3.1 document with every route and its security requirement, and the docs page', async () => {
    const doc = (await api(p, 'GET', '/api/v1/openapi.json')).body;
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/tenants'].post);
    assert.deepEqual(doc.paths['/api/v1/tenants'].post.security, [{ keycloak: [] }]);
    assert.deepEqual(doc.paths['/api/v1/tenants'].post['x-satupintu-roles'], ['platform-admin']);
    assert.deepEqual(doc.paths['/api/v1/tenants'].get.security, []);
    assert.equal(doc.paths['/api/v1/tenants/{tenant}/audit-events'].get['x-satupintu-tenant-param'], 'tenant');
    assert.ok(doc.paths['/api/v1/me'].get.responses['401']);
    assert.equal(doc.components.securitySchemes.keycloak.type, 'oauth2');
    for (const route of p.http!.routes.routes) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[route.method], `${route.method} ${path} documented`);
    }
    const docs = await fetch(`${p.url}/api/docs/`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger-ui/i);
  });

  it('answers unknown routes with 404 problem+json and never leaks internals', async () => {
    const r = await api(p, 'GET', '/api/v1/nope');
    assert.equal(r.status, 404);
    assert.equal(r.body.code, 'ROUTE_NOT_FOUND');
    assert.match(r.headers.get('x-request-id') ?? '', /.+/);
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const ok = await api(p, 'GET', '/healthz', { headers: { 'x-request-id': 'req-123' } });
    assert.equal(ok.headers.get('x-request-id'), 'req-123');
    const bad = await api(p, 'GET', '/healthz', { headers: { 'x-request-id': 'a b<script>' } });
    assert.notEqual(bad.headers.get('x-request-id'), 'a b<script>');
  });

  it('migrations are idempotent: a second run applies nothing', async () => {
    const reports = await migrateAll(p.config, p.infra);
    assert.deepEqual(
      reports.map((r) => [r.database, r.applied.length]),
      [
        ['control', 0],
        ['id-jakarta', 0],
        ['id-batam', 0],
      ],
    );
  });

  it('runs jobs from the Postgres queue of the region they were sent to', async () => {
    const queue = `test-${randomUUID()}`;
    const seen: { region: string; n: number }[] = [];
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    await p.jobs.work<{ region: string; n: number }>(queue, async (data) => {
      seen.push(data);
      if (seen.length === 2) done();
    });
    await p.jobs.send('id-jakarta', queue, { region: 'id-jakarta', n: 1 });
    await p.jobs.send('id-batam', queue, { region: 'id-batam', n: 2 });
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error('jobs not run within 15 s')), 15_000))]);
    assert.deepEqual(seen.map((s) => s.region).sort(), ['id-batam', 'id-jakarta']);
  });

  it('stops its job queues even when a worker is waiting for a connection at that moment (it used to hang for good)', async function () {
    this.timeout(60_000);
    // Queues of their own on one region's database: more workers than the pool's 4 connections.
    const q = new JobQueues(pino({ level: 'silent' }));
    const region = 'id-jakarta';
    await q.start({ [region]: p.infra.regionDatabaseUrls[region]! }, { housekeeping: false });
    for (let i = 0; i < 6; i++) await q.work(`stop-test-${i}-${randomUUID().slice(0, 8)}`, async () => {});
    const pool = (q as unknown as { bosses: Map<string, { getDb(): { pool: import('pg').Pool } }> }).bosses.get(region)!.getDb().pool;
    // Every connection held: the workers' next fetches wait for one.
    const held = await Promise.all([1, 2, 3, 4].map(() => pool.connect()));
    for (let i = 0; i < 40 && pool.waitingCount === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(pool.waitingCount > 0, 'a fetch waits for a connection');
    const stopped = q.stop();
    for (const c of held) c.release();
    await stopped;
    // pg-pool never answers a request still waiting when the pool ends: the connection timeout does
    // (10 s), so the worker stops and nothing waits on an ended pool.
    for (let i = 0; i < 150 && pool.waitingCount > 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(pool.waitingCount, 0, 'no fetch is left waiting on the ended pool');
  });

  it('keeps scheduling off the request thread: the housekeeping thread comes back when it dies', async function () {
    this.timeout(30_000);
    // The thread that evaluates cron schedules and runs pg-boss maintenance (ADR 0014).
    const jobs = p.jobs as unknown as { housekeeping?: import('node:worker_threads').Worker; housekeepingStarted?: Promise<void> };
    const first = jobs.housekeeping;
    assert.ok(first, 'a housekeeping thread runs');
    // Production waits 5 s before a restart; the test need not.
    const delay = p.jobs.restartDelayMs;
    p.jobs.restartDelayMs = 100;
    try {
      await first.terminate();
      const until = Date.now() + 20_000;
      while (Date.now() < until && (jobs.housekeeping === undefined || jobs.housekeeping === first)) await new Promise((r) => setTimeout(r, 20));
      assert.ok(jobs.housekeeping && jobs.housekeeping !== first, 'a new housekeeping thread was started');
      // It runs: its pg-boss instances (cron monitor and maintenance, one per region) started.
      await Promise.race([jobs.housekeepingStarted, new Promise((_, reject) => setTimeout(() => reject(new Error('housekeeping not running within 15 s')), 15_000))]);
    } finally {
      p.jobs.restartDelayMs = delay;
    }
  });
});
