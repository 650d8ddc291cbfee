import Type from 'typebox';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { RequestHandler } from 'express';
import { AuthenticationError, ConfigError, loadConfig } from '@satupintu/core';
import { RouteTable, ok } from './routes.js';
import { problemHandler } from './problem.js';
import { GcraStore, SharedGcraStore, tenantRateLimits, type BudgetBackend } from './ratelimit.js';

/**
 * The route table with small budgets and a stand-in guard (the identity is what the real guard
 * would have verified): what a caller sees when a tenant or a caller spends its budget.
 */
describe('per-tenant rate limits', () => {
  let server: http.Server;
  let base: string;
  let guardCalls = 0;

  before(async () => {
    const app = express();
    // X-Forwarded-For names the client here (as from a configured proxy): many addresses from one test.
    app.set('trust proxy', true);
    const router = express.Router();
    // `x-test-gate: N` holds requests until N have arrived, then releases them in one go, as an
    // asynchronous token check finishing for a burst does.
    let gate: { arrived: number; open: () => void; opened: Promise<void> } | undefined;
    const guard: RequestHandler = async (req, res, next) => {
      guardCalls++;
      if (req.header('x-test-deny')) return next(new AuthenticationError({ code: 'AUTH_REQUIRED', title: { id: 'Perlu masuk', en: 'Authentication required' } }));
      res.locals.identity = { subject: req.header('x-test-subject') ?? 'anon', username: 'u', roles: [], memberships: [] };
      const n = Number(req.header('x-test-gate') ?? 0);
      if (n) {
        if (!gate) {
          let open!: () => void;
          const opened = new Promise<void>((r) => (open = r));
          gate = { arrived: 0, open, opened };
        }
        const g = gate;
        if (++g.arrived === n) {
          gate = undefined;
          g.open();
        }
        await g.opened;
      }
      next();
    };
    // Any slug names a tenant here: the directory is not what this suite is about.
    const tenant = async (slug: string) => ({ id: '00000000-0000-7000-8000-000000000000', slug, code: '00.00', name: slug, provinceCode: '00', provinceName: '-', timeZone: 'Asia/Jakarta', population: 0, homeRegion: 'id-jakarta', mppStatus: 'operating' as const, committedOn: null, deadline: null, launchedOn: null, inauguratedOn: null, modelTenant: null, createdAt: '', updatedAt: '' });
    const api = new RouteTable({ router, guards: (s) => (s.kind === 'public' ? [] : [guard]), tenant, limits: tenantRateLimits({ windowSeconds: 30, tenantMax: 5, clientMax: 3 }) });
    for (const [path, security] of [
      ['/t/:tenant/things', { kind: 'authenticated' as const }],
      ['/t/:tenant/catalog', { kind: 'public' as const }],
      ['/public', { kind: 'public' as const }],
    ] as const)
      api.add({
        method: 'get',
        path,
        operationId: path,
        summary: path,
        tags: [],
        security,
        responses: { '200': { description: 'ok', schema: Type.Object({ ok: Type.Boolean() }) } },
        handler: async () => ok({ ok: true }),
      });
    app.use(router);
    app.use(problemHandler);
    server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const get = (path: string, subject: string, lang = 'id', burst = 0, deny = false) =>
    fetch(base + path, { headers: { 'x-test-subject': subject, 'accept-language': lang, ...(burst ? { 'x-test-gate': String(burst) } : {}), ...(deny ? { 'x-test-deny': '1' } : {}) } });

  it('answers 429 problem+json with Retry-After and RateLimit headers once a caller spends its budget', async () => {
    for (let i = 0; i < 3; i++) {
      const ok = await get('/t/kab-a/things', 'alice');
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('ratelimit') ?? '', /"client"; r=\d+; t=\d+/);
    }
    const limited = await get('/t/kab-a/things', 'alice', 'en');
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('content-type') ?? '', /application\/problem\+json/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 30, `Retry-After ${retryAfter}`);
    assert.match(limited.headers.get('ratelimit-policy') ?? '', /"client"; q=3; w=30/);
    const body = (await limited.json()) as { code: string; title: string; scope: string; i18n: { id: { title: string }; en: { title: string } } };
    assert.equal(body.code, 'RATE_LIMITED');
    assert.equal(body.scope, 'client');
    assert.equal(body.title, 'Too many requests');
    assert.equal(body.i18n.id.title, 'Terlalu banyak permintaan');
  });

  it('keys budgets by tenant: one tenant spent does not limit another, and the tenant budget caps all its callers', async () => {
    // kab-a: alice already spent 3 (+1 refused, which did not count against the tenant); bob spends 2 more.
    assert.equal((await get('/t/kab-a/things', 'bob')).status, 200);
    assert.equal((await get('/t/kab-a/things', 'bob')).status, 200);
    const tenantSpent = await get('/t/kab-a/things', 'carol');
    assert.equal(tenantSpent.status, 429, 'the sixth request of kab-a is over the tenant budget of 5');
    assert.equal(((await tenantSpent.json()) as { scope: string }).scope, 'tenant');
    assert.ok(Number(tenantSpent.headers.get('retry-after')) >= 1);
    // Same callers, another tenant: untouched budgets.
    assert.equal((await get('/t/kab-b/things', 'alice')).status, 200);
    assert.equal((await get('/t/kab-b/things', 'carol')).status, 200);
  });

  it('refuses a spent tenant before the guard runs; callers the guard refuses spend no budget', async () => {
    // kab-e: unauthenticated requests are refused by the guard and do not count.
    for (let i = 0; i < 8; i++) assert.equal((await get('/t/kab-e/things', 'anon', 'id', 0, true)).status, 401);
    for (let i = 0; i < 5; i++) assert.equal((await get('/t/kab-e/things', `member-${i}`)).status, 200, 'the whole budget is left for verified callers');
    const calls = guardCalls;
    const refused = await Promise.all([get('/t/kab-e/things', 'member-9'), get('/t/kab-e/things', 'anon', 'en', 0, true)]);
    assert.deepEqual(refused.map((r) => r.status), [429, 429]);
    assert.equal(guardCalls, calls, 'the spent tenant was refused without running the guard (no token verification)');
    for (const r of refused) {
      assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
      assert.match(r.headers.get('ratelimit') ?? '', /^"tenant"; r=0; t=\d+$/);
      assert.match(r.headers.get('ratelimit-policy') ?? '', /"tenant"; q=5; w=30/);
      assert.equal(((await r.json()) as { scope: string }).scope, 'tenant');
    }
    // Another tenant is untouched.
    assert.equal((await get('/t/kab-f/things', 'member-9')).status, 200);
  });

  it('limits public routes by client address, outside any tenant budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('/public', 'x')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });

  it('lets anonymous readers of a tenant’s public route spend only their own address’s budget, never the tenant’s', async () => {
    // One address floods the regency's public catalog: it meets its own limit...
    const anonymous: number[] = [];
    for (let i = 0; i < 8; i++) anonymous.push((await fetch(`${base}/t/kab-g/catalog`)).status);
    assert.deepEqual(anonymous, [200, 200, 200, 429, 429, 429, 429, 429]);
    // ...and the regency's signed-in citizens still have its whole budget (5).
    const members: number[] = [];
    for (let i = 0; i < 5; i++) members.push((await get('/t/kab-g/things', `citizen-${i}`)).status);
    assert.deepEqual(members, [200, 200, 200, 200, 200]);
  });

  it('gives anonymous requests their own tenant budget: a flood from many addresses never locks signed-in callers out', async () => {
    // 40 addresses, one request each, to kab-h's public catalog: the anonymous budget (5) is spent...
    const anonymous = await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`${base}/t/kab-h/catalog`, { headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } })));
    assert.equal(anonymous.filter((r) => r.status === 200).length, 5);
    const refused = anonymous.find((r) => r.status === 429)!;
    assert.equal(((await refused.json()) as { scope: string }).scope, 'anonymous');
    assert.match(refused.headers.get('ratelimit-policy') ?? '', /"anonymous"; q=5; w=30/);
    // ...and kab-h's signed-in budget (5) is whole.
    const members: number[] = [];
    for (let i = 0; i < 4; i++) members.push((await get('/t/kab-h/things', `citizen-${i}`)).status);
    assert.deepEqual(members, [200, 200, 200, 200]);
    // On the public route too: a verified token spends the signed-in budget; a made-up one buys nothing.
    const signedIn = await fetch(`${base}/t/kab-h/catalog`, { headers: { authorization: 'Bearer verified', 'x-test-subject': 'citizen-5' } });
    assert.equal(signedIn.status, 200);
    const forged = await fetch(`${base}/t/kab-h/catalog`, { headers: { authorization: 'Bearer forged', 'x-test-deny': '1' } });
    assert.equal(forged.status, 429);
    assert.equal(((await forged.json()) as { scope: string }).scope, 'anonymous');
  });

  it('reads its budgets from the environment, with defaults, and refuses nonsense', () => {
    assert.deepEqual(loadConfig({}).rateLimits, { windowSeconds: 60, tenantMax: 6000, anonymousMax: 6000, clientMax: 600 });
    assert.deepEqual(loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '10', RATE_LIMIT_TENANT_MAX: '0', RATE_LIMIT_CLIENT_MAX: '50' }).rateLimits, { windowSeconds: 10, tenantMax: 0, anonymousMax: 0, clientMax: 50 });
    assert.deepEqual(loadConfig({ RATE_LIMIT_TENANT_MAX: '100', RATE_LIMIT_ANONYMOUS_MAX: '30' }).rateLimits, { windowSeconds: 60, tenantMax: 100, anonymousMax: 30, clientMax: 600 });
    assert.throws(() => loadConfig({ RATE_LIMIT_TENANT_MAX: 'many' }), ConfigError);
    assert.throws(() => loadConfig({ RATE_LIMIT_WINDOW_SECONDS: '0' }), ConfigError);
  });

  it('a burst is admitted up to the budget exactly, not refused whole', async () => {
    // kab-c is untouched: tenant budget 5, client budget 3 per caller. Ten callers at once.
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => get('/t/kab-c/things', `burst-${i}`, 'id', 10)));
    assert.equal(answers.filter((r) => r.status === 200).length, 5);
    assert.equal(answers.filter((r) => r.status === 429).length, 5);
    const same = await Promise.all(Array.from({ length: 8 }, () => get('/t/kab-d/things', 'one-caller', 'id', 8)));
    assert.equal(same.filter((r) => r.status === 200).length, 3, 'one caller gets its own budget of 3');
  });

  it('spends a budget as GCRA: a full burst after a quiet spell, then evenly spaced admissions; refusals and peeks cost nothing', () => {
    const realNow = Date.now;
    let now = 1_000_000;
    Date.now = () => now;
    try {
      const store = new GcraStore();
      store.init({ windowMs: 1000, limit: 4 } as never);
      const hits = () => store.increment('k').totalHits;
      assert.deepEqual([hits(), hits(), hits(), hits()], [1, 2, 3, 4], 'the whole budget at once after a quiet spell');
      assert.equal(store.peek('k').totalHits, 5, 'a peek says the next one is over');
      const refused = store.increment('k');
      assert.equal(refused.totalHits, 5);
      assert.equal(refused.resetTime!.getTime() - now, 250, 'the next request conforms one interval (window / limit) later');
      now += 249;
      assert.equal(hits(), 5, 'still over just before');
      now += 1;
      assert.equal(hits(), 4, 'one admitted per 250 ms under a flood');
      now += 10;
      assert.equal(hits(), 5);
      now += 240;
      assert.equal(hits(), 4);
      now += 5_000;
      assert.equal(store.get('k'), undefined, 'an idle key is empty again');
      assert.equal(hits(), 1);
      store.shutdown();
    } finally {
      Date.now = realNow;
    }
  });

  it('a budget of 0 turns a limit off', () => {
    const off = tenantRateLimits({ windowSeconds: 60, tenantMax: 0, anonymousMax: 0, clientMax: 0 });
    assert.equal(off.beforeAuth.length + off.afterAuth.length, 0);
    const tenantOnly = tenantRateLimits({ windowSeconds: 60, tenantMax: 10, anonymousMax: 0, clientMax: 0 });
    assert.deepEqual([tenantOnly.beforeAuth.length, tenantOnly.afterAuth.length], [1, 1]);
    const anonymousOnly = tenantRateLimits({ windowSeconds: 60, tenantMax: 0, anonymousMax: 10, clientMax: 0 });
    assert.deepEqual([anonymousOnly.beforeAuth.length, anonymousOnly.afterAuth.length], [0, 1]);
    const clientOnly = tenantRateLimits({ windowSeconds: 60, tenantMax: 0, anonymousMax: 0, clientMax: 10 });
    assert.deepEqual([clientOnly.beforeAuth.length, clientOnly.afterAuth.length], [0, 1]);
  });

  describe('budgets shared by several processes (SharedGcraStore)', () => {
    /** The shared row's GCRA step as PostgresBudgets runs it in SQL, on a clock of its own. */
    const fakeBackend = (clock: () => number) => {
      const tat = new Map<string, number>();
      const backend = {
        calls: 0,
        down: false,
        async take(key: string, interval: number, window: number, want: number) {
          backend.calls++;
          await new Promise((r) => setImmediate(r));
          if (backend.down) throw new Error('connection refused');
          const now = clock();
          const t = tat.get(key) ?? 0;
          const granted = Math.max(0, Math.min(want, Math.floor((window - Math.max(t - now, 0)) / interval + 1e-9)));
          const next = Math.max(t, now) + granted * interval;
          tat.set(key, next);
          return { granted, aheadMs: next - now };
        },
      };
      return backend satisfies BudgetBackend;
    };

    it('three processes together admit the budget, not three budgets, asking the shared store in batches', async () => {
      const backend = fakeBackend(() => Date.now());
      const stores = [0, 1, 2].map(() => new SharedGcraStore(backend));
      for (const st of stores) st.init({ windowMs: 600_000, limit: 300 } as never);
      let admitted = 0;
      // 900 requests round-robin, in bursts of 30 concurrent ones.
      for (let round = 0; round < 30; round++)
        await Promise.all(
          Array.from({ length: 30 }, async (_, i) => {
            const r = await stores[i % 3]!.increment('t:kab-a');
            if (r.totalHits <= 300) admitted++;
          }),
        );
      assert.ok(admitted >= 270 && admitted <= 300, `admitted ${admitted} of a budget of 300`);
      assert.ok(backend.calls < 300, `the shared store was asked ${backend.calls} times for ${admitted} admissions`);
      // Spent: each process now refuses locally, without asking.
      const before = backend.calls;
      for (const st of stores) for (let i = 0; i < 20; i++) assert.ok((await st.increment('t:kab-a')).totalHits > 300);
      assert.equal(backend.calls, before, 'a spent budget is refused from the local cache');
      assert.ok(stores[0]!.peek('t:kab-a').totalHits > 300, 'the gate sees it spent');
      for (const st of stores) st.shutdown();
    });

    it('falls back to this process’s own budget while the shared store fails, and tells once', async () => {
      const backend = fakeBackend(() => Date.now());
      backend.down = true;
      const errors: unknown[] = [];
      const store = new SharedGcraStore(backend, { onError: (e) => errors.push(e) });
      store.init({ windowMs: 60_000, limit: 3 } as never);
      const hits = [];
      for (let i = 0; i < 4; i++) hits.push((await store.increment('k')).totalHits);
      assert.deepEqual(hits, [1, 2, 3, 4], 'the local GCRA counts meanwhile');
      assert.equal(errors.length, 1);
      assert.equal(backend.calls, 1, 'not asked again until the retry delay');
      store.shutdown();
    });
  });
});
