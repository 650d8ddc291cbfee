import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { parse as parseYaml } from 'yaml';
import type { SatupintuConfig } from '@satupintu/core';
import { createGuards } from '@satupintu/auth';
import { createHttpApp, requestLogger, type Platform } from '@satupintu/server';
import { sharedPlatform, tokenFor } from '@satupintu/testkit';

const KBB = 'kab-bandung-barat';
const RULES = new URL('../infra/observability/alerts.yaml', import.meta.url);
const DASHBOARD = new URL('../infra/observability/grafana-dashboard.json', import.meta.url);

/** Every `satupintu_*` metric an expression names. */
const metricNames = (expr: string): string[] => [...expr.matchAll(/\bsatupintu_[a-z0-9_]+\b/g)].map((m) => m[0]);

/** Metric families the exposition declares (`# TYPE name kind`), and every sample line. */
function parseExposition(text: string): { families: Map<string, string>; samples: string[] } {
  const families = new Map<string, string>();
  const samples: string[] = [];
  for (const line of text.split('\n')) {
    const t = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (t) families.set(t[1]!, t[2]!);
    else if (line && !line.startsWith('#')) samples.push(line);
  }
  return { families, samples };
}

/** A name an expression may use for a family: itself, or a histogram's _bucket/_count/_sum. */
const declared = (families: Map<string, string>, name: string): boolean => {
  if (families.has(name)) return true;
  const base = /^(.*)_(bucket|count|sum)$/.exec(name)?.[1];
  return base !== undefined && ['histogram', 'summary'].includes(families.get(base) ?? '');
};

/** A sample's value, by metric name and labels that must all be present. */
function sample(samples: string[], name: string, labels: Record<string, string> = {}): number | undefined {
  for (const s of samples) {
    const m = /^([a-z0-9_:]+)(\{[^}]*\})? (\S+)$/i.exec(s);
    if (!m || m[1] !== name) continue;
    const ls = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => ls.includes(`${k}="${v}"`))) return Number(m[3]);
  }
  return undefined;
}

describe('observability: logs, /metrics, dashboard and alert rules', () => {
  let p: Platform;
  const scrape = async () => {
    await p.http!.metrics.refresh(true);
    const r = await fetch(`${p.url}/metrics`);
    assert.equal(r.status, 200);
    return parseExposition(await r.text());
  };

  before(() => {
    p = sharedPlatform();
  });

  it('the alert rules parse, and every metric they and the dashboard name is on /metrics', async () => {
    const rules = parseYaml(readFileSync(RULES, 'utf8')) as { groups: { name: string; rules: { alert: string; expr: string; for?: string; labels: { severity: string }; annotations: { summary: string } }[] }[] };
    const exprs: string[] = [];
    const alerts = new Set<string>();
    for (const g of rules.groups)
      for (const r of g.rules) {
        assert.ok(r.alert && typeof r.expr === 'string' && r.expr.trim(), `${g.name}: a rule without alert or expr`);
        assert.ok(['critical', 'warning'].includes(r.labels?.severity), `${r.alert}: severity`);
        assert.ok(r.annotations?.summary, `${r.alert}: summary`);
        if (r.for) assert.match(r.for, /^\d+[smh]$/, `${r.alert}: for`);
        assert.ok(!alerts.has(r.alert), `${r.alert} twice`);
        alerts.add(r.alert);
        exprs.push(r.expr);
      }
    // What the issue asks the rules to cover.
    for (const a of ['SatupintuHigh5xxRatio', 'SatupintuHighP99Latency', 'SatupintuJobLag', 'SatupintuNotReady', 'SatupintuS3BreakerOpen', 'SatupintuDbPoolSaturated']) assert.ok(alerts.has(a), `no rule ${a}`);

    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { uid: string; panels: { type: string; title: string; targets?: { expr: string }[] }[]; templating: { list: { definition?: string }[] } };
    assert.ok(dashboard.uid);
    for (const panel of dashboard.panels) {
      if (panel.type === 'row') continue;
      assert.ok(panel.targets?.length, `panel ${panel.title} has no query`);
      for (const t of panel.targets) exprs.push(t.expr);
    }
    for (const v of dashboard.templating.list) if (v.definition) exprs.push(v.definition);

    const { families } = await scrape();
    const named = new Set(exprs.flatMap(metricNames));
    assert.ok(named.size >= 15, `only ${named.size} metrics named`);
    const missing = [...named].filter((n) => !declared(families, n));
    assert.deepEqual(missing, [], `named by the rules or the dashboard but not on /metrics: ${missing.join(', ')}`);
  });

  it('pools, readiness, breaker, lag and S3 latency have values', async () => {
    const { samples } = await scrape();
    const dbs = ['control', ...p.dbs.regionIds()];
    for (const database of dbs) {
      const max = sample(samples, 'satupintu_db_pool_max', { database });
      assert.equal(max, p.config.dbPoolSize, `pool max of ${database}`);
      assert.ok((sample(samples, 'satupintu_db_pool_connections', { database }) ?? -1) >= 0);
      assert.ok((sample(samples, 'satupintu_db_pool_idle', { database }) ?? -1) >= 0);
      assert.equal(sample(samples, 'satupintu_db_pool_waiting', { database }) !== undefined, true);
      assert.equal(sample(samples, 'satupintu_readiness_check_up', { check: `database:${database}` }), 1);
    }
    assert.equal(sample(samples, 'satupintu_ready'), 1);
    assert.equal(sample(samples, 'satupintu_s3_breaker_state', { state: 'closed' }), 1);
    assert.equal(sample(samples, 'satupintu_s3_breaker_state', { state: 'open' }), 0);
    for (const region of p.dbs.regionIds()) {
      assert.equal(sample(samples, 'satupintu_readiness_check_up', { check: `bucket:${region}` }), 1);
      for (const outbox of ['notifications', 'messages', 'signed-events'])
        assert.ok((sample(samples, 'satupintu_outbox_lag_seconds', { outbox, region }) ?? -1) >= 0, `${outbox} outbox lag of ${region}`);
      // Every scheduled queue has a lag series per region, 0 when nothing waits.
      assert.ok((sample(samples, 'satupintu_job_lag_seconds', { queue: 'monitoring.rollup', region }) ?? -1) >= 0, `job lag of ${region}`);
    }
    // The readiness sample asked every bucket: HeadBucket is timed.
    assert.ok((sample(samples, 'satupintu_s3_request_duration_seconds_count', { operation: 'HeadBucket', outcome: 'ok' }) ?? 0) >= 1);
  });

  it('a job run is timed by queue, region and outcome; a waiting job shows as lag', async () => {
    const region = p.dbs.regionIds()[0]!;
    const queue = 'test.observability';
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ran: string[] = [];
    await p.jobs.work<{ n: number }>(queue, async (data) => {
      ran.push(String(data.n));
      if (data.n === 1) await gate;
      if (data.n === 3) throw new Error('fails on purpose');
    });
    await p.jobs.send(region, queue, { n: 1 });
    // Job 2 waits while job 1 holds its worker (one job at a time per poll): its age is the lag.
    await until(() => ran.includes('1'));
    await p.jobs.send(region, queue, { n: 2 });
    await new Promise((r) => setTimeout(r, 1_200));
    let { samples } = await scrape();
    assert.ok((sample(samples, 'satupintu_job_waiting', { queue, region }) ?? 0) >= 1, 'job 2 not counted as waiting');
    assert.ok((sample(samples, 'satupintu_job_lag_seconds', { queue, region }) ?? 0) >= 1, 'job 2 has no lag');
    release();
    await until(() => ran.includes('2'));
    await p.jobs.send(region, queue, { n: 3 });
    await until(() => ran.includes('3'));
    await new Promise((r) => setTimeout(r, 200));
    ({ samples } = await scrape());
    assert.ok((sample(samples, 'satupintu_job_duration_seconds_count', { queue, region, outcome: 'ok' }) ?? 0) >= 2);
    assert.ok((sample(samples, 'satupintu_job_duration_seconds_count', { queue, region, outcome: 'failed' }) ?? 0) >= 1);
  });

  it('a known tenant’s budgets are gauges that refill; made-up tenants add none', async () => {
    // An app of its own with small budgets (10 per 10 minutes: one back every minute).
    const config: SatupintuConfig = { ...p.config, rateLimits: { windowSeconds: 600, tenantMax: 10, anonymousMax: 10, clientMax: 10 } };
    const guards = createGuards({ authServerUrl: () => p.authServerUrl, realm: config.keycloak.realm, clientId: config.keycloak.clientId, jwksMinIntervalSeconds: config.keycloak.jwksMinIntervalSeconds });
    const app = createHttpApp({ config, logger: p.logger, clock: p.clock, dbs: p.dbs, store: p.store, jobs: p.jobs, guards, tenant: (slug) => p.services.tenants.get(slug), modules: p.modules, authServerUrl: p.authServerUrl });
    const server = http.createServer(app.express);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const token = await tokenFor(p, 'warga.kbb');
      for (let i = 0; i < 3; i++) assert.equal((await fetch(`${base}/api/v1/tenants/${KBB}/applications`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
      assert.equal((await fetch(`${base}/api/v1/tenants/${KBB}/services`)).status, 200);
      assert.equal((await fetch(`${base}/api/v1/tenants/kab-tidak-ada-${Date.now()}/applications`, { headers: { authorization: `Bearer ${token}` } })).status, 404);
      const text = await (await fetch(`${base}/metrics`)).text();
      const { samples } = parseExposition(text);
      assert.equal(sample(samples, 'satupintu_ratelimit_budget_limit', { budget: 'tenant' }), 10);
      assert.equal(sample(samples, 'satupintu_ratelimit_budget_remaining', { tenant: KBB, budget: 'tenant' }), 7);
      assert.equal(sample(samples, 'satupintu_ratelimit_budget_remaining', { tenant: KBB, budget: 'anonymous' }), 9);
      assert.ok(!/kab-tidak-ada/.test(text), 'a made-up tenant reached a label');
    } finally {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    }
  });

  it('/metrics stays closed to callers that are not on this host', async () => {
    const r = await fetch(`${p.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(r.status, 401);
  });
});

describe('observability: the request log line', () => {
  let server: http.Server;
  let url: string;
  const lines: Record<string, unknown>[] = [];

  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
        cb();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const app = express();
    app.use(requestLogger(logger));
    app.get('/api/v1/tenants/:tenant/citizens/:nik', (_req, res) => {
      res.locals.route = '/api/v1/tenants/:tenant/citizens/:nik';
      res.locals.tenant = 'kab-bandung-barat';
      res.json({ ok: true });
    });
    app.get('/boom', (_req, res) => {
      res.locals.route = '/boom';
      res.status(500).json({});
    });
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('every request at info with id, route template, tenant, status, outcome and duration, never the path or query', async () => {
    const nik = '3217010101900001';
    const r = await fetch(`${url}/api/v1/tenants/kab-bandung-barat/citizens/${nik}?nik=${nik}&nama=Siti`, { headers: { 'x-request-id': 'req-obs-1' } });
    assert.equal(r.status, 200);
    await fetch(`${url}/boom`);
    await fetch(`${url}/nope/${nik}`);
    await until(() => lines.length >= 3);
    const [ok, boom, nope] = lines as Record<string, any>[];
    assert.deepEqual(
      { level: ok!.level, reqId: ok!.reqId, method: ok!.method, route: ok!.route, tenant: ok!.tenant, status: ok!.status, outcome: ok!.outcome },
      { level: 30, reqId: 'req-obs-1', method: 'GET', route: '/api/v1/tenants/:tenant/citizens/:nik', tenant: 'kab-bandung-barat', status: 200, outcome: 'success' },
    );
    assert.equal(typeof ok!.durationMs, 'number');
    assert.equal(boom!.level, 50);
    assert.equal(boom!.outcome, 'server_error');
    assert.equal(nope!.route, 'unmatched');
    assert.equal(nope!.outcome, 'client_error');
    assert.equal(nope!.tenant, undefined);
    const all = JSON.stringify(lines);
    assert.ok(!all.includes(nik) && !all.includes('Siti'), 'personal data in a log line');
  });
});

async function until(cond: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
