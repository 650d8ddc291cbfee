import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Request } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SatupintuConfig } from '@satupintu/core';
import { authRequired, tokenInvalid } from '@satupintu/auth';
import type { Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import type { JobQueues } from '../jobs/queues.js';
import { isLoopback, wasForwarded } from './trusted-proxies.js';
import './locals.js';

/** The `route` label of every request no route template (nor fixed handler) answered: a 404, a preflight, a made-up path. */
export const UNMATCHED_ROUTE = 'unmatched';
/** The `tenant` label once `maxTenants` distinct tenants have been labelled (a safety net: tenants are regencies, a few hundred). */
export const OTHER_TENANT = 'other';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** How long the figures that cost a query (job and outbox lag, readiness) are reused between scrapes. */
export const SAMPLE_TTL_MS = 15_000;
const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;
/** The rate-limit budgets the gauges follow, by express-rate-limit's request property (ratelimit.ts). */
const BUDGETS = { tenant: 'rateLimitTenant', anonymous: 'rateLimitAnonymous' } as const;

/** What the metrics read besides requests; each is optional (a unit test needs none). */
export interface MetricSources {
  dbs?: Pick<Databases, 'control' | 'region' | 'regionIds'>;
  jobs?: Pick<JobQueues, 'lag' | 'outboxLag' | 'onRun' | 'check'>;
  store?: Pick<ObjectStore, 'observe' | 'breaker' | 'check'>;
  /** The budgets' window (config.rateLimits.windowSeconds): a budget refills one request every window ÷ limit. */
  rateLimitWindowSeconds?: number;
  isShuttingDown?: () => boolean;
}

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** A bounded wait: a scrape never hangs on a database that does not answer. */
const within = <T>(ms: number, p: Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(resolve, reject).finally(() => clearTimeout(t));
  });

/**
 * Prometheus metrics of one server instance: request rate and latency per route and tenant; with
 * `sources`, pool use, job and outbox lag, job runs, S3 latency, breaker state, tenant budgets and
 * readiness (docs/observability.md).
 *
 * Every label comes from a bounded set the server knows, never from the request as sent:
 * - `route`: the template of the route that answered (`res.locals.route`, set by the route
 *   table, and by the fixed handlers — health, metrics, the OpenAPI document, the docs, the
 *   issuer, the web app), else `unmatched`. A made-up path, under /api or not, is `unmatched`.
 * - `tenant`: only a tenant that exists, on a request that passed its route's guard (a public
 *   route, or a verified caller with the route's role): the route table sets `res.locals.tenant`
 *   after the guard, from the tenant directory, never from the URL. A 401/403/404, a spent
 *   budget or a made-up slug leaves it empty.
 * - `method`: the seven methods the API uses, else `OTHER`; `status`: the status code.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'tenant' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'tenant'>;
  private readonly tenants = new Set<string>();
  /** Per labelled tenant and budget: the limit and when the budget is full again (GCRA: express-rate-limit's resetTime). */
  private readonly budgets = new Map<string, { tenant: string; budget: keyof typeof BUDGETS; limit: number; fullAt: number }>();
  private sampledAt = 0;
  private sampling?: Promise<void>;

  constructor(private readonly opts: { maxTenants?: number; sources?: MetricSources } = {}) {
    collectDefaultMetrics({ register: this.registry, prefix: 'satupintu_' });
    this.requests = new Counter({
      name: 'satupintu_http_requests_total',
      help: 'HTTP requests by method, route template, tenant slug (verified requests to a tenant that exists) and status code',
      labelNames: ['method', 'route', 'tenant', 'status'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'satupintu_http_request_duration_seconds',
      help: 'HTTP request latency by method, route template and tenant slug (verified requests to a tenant that exists)',
      labelNames: ['method', 'route', 'tenant'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.sourceMetrics(opts.sources ?? {});
  }

  /** Pools, jobs, outbox, S3, breaker, budgets, readiness: every label from a bounded set (databases, regions, queues, S3 commands, known tenants). */
  private sourceMetrics(src: MetricSources): void {
    const registers = [this.registry];
    const { dbs, jobs, store } = src;
    const pools = () => (dbs ? [['control', dbs.control] as const, ...dbs.regionIds().map((r) => [r, dbs.region(r)] as const)] : []);
    const pool = (ds: { driver: unknown }) => (ds.driver as { master?: PoolLike }).master;
    const poolGauge = (name: string, help: string, read: (p: PoolLike) => number | undefined) =>
      new Gauge({
        name,
        help,
        labelNames: ['database'],
        registers,
        collect() {
          this.reset();
          for (const [database, ds] of pools()) {
            const p = pool(ds);
            const v = p && read(p);
            if (typeof v === 'number') this.set({ database }, v);
          }
        },
      });
    poolGauge('satupintu_db_pool_connections', 'Open connections of the app-role pool per database (control, or a region id)', (p) => p.totalCount);
    poolGauge('satupintu_db_pool_idle', 'Idle connections of the pool per database', (p) => p.idleCount);
    poolGauge('satupintu_db_pool_waiting', 'Queries waiting for a connection of the pool per database', (p) => p.waitingCount);
    poolGauge('satupintu_db_pool_max', 'Size limit of the pool per database (DB_POOL_SIZE)', (p) => p.options?.max);

    const lag = new Gauge({ name: 'satupintu_job_lag_seconds', help: `Age of the oldest due, not yet started job per queue and region (0: none waits; sampled at most every ${SAMPLE_TTL_MS / 1000} s)`, labelNames: ['queue', 'region'], registers });
    const waiting = new Gauge({ name: 'satupintu_job_waiting', help: 'Due jobs not yet started per queue and region', labelNames: ['queue', 'region'], registers });
    const runs = new Histogram({
      name: 'satupintu_job_duration_seconds',
      help: 'Job runs of this process by queue, region and outcome (ok, failed)',
      labelNames: ['queue', 'region', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers,
    });
    jobs?.onRun((r) => runs.observe({ queue: r.queue, region: r.region, outcome: r.outcome }, r.seconds));
    const outboxLag = new Gauge({ name: 'satupintu_outbox_lag_seconds', help: 'Age of the oldest entry waiting per outbox (notifications, messages, signed-events) and region (0: none waiting)', labelNames: ['outbox', 'region'], registers });
    const outboxPending = new Gauge({ name: 'satupintu_outbox_pending', help: 'Entries waiting per outbox and region', labelNames: ['outbox', 'region'], registers });
    const ready = new Gauge({ name: 'satupintu_ready', help: 'Whether /readyz would answer 200: every dependency answers and the process is not shutting down (sampled)', registers });
    const check = new Gauge({ name: 'satupintu_readiness_check_up', help: 'Each readiness check (database:<id>, bucket:<region>, jobs:<region>): 1 answers, 0 does not (sampled)', labelNames: ['check'], registers });

    const s3 = new Histogram({
      name: 'satupintu_s3_request_duration_seconds',
      help: 'S3 commands by operation (PutObject, UploadPart, HeadBucket, …) and outcome, retries included',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    store?.observe((op) => s3.observe({ operation: op.operation, outcome: op.outcome }, op.seconds));
    new Gauge({
      name: 'satupintu_s3_breaker_state',
      help: 'The S3 circuit breaker: 1 for its current state (closed, half-open, open), 0 for the others',
      labelNames: ['state'],
      registers,
      collect() {
        if (!store) return;
        const now = store.breaker.state;
        for (const st of BREAKER_STATES) this.set({ state: st }, st === now ? 1 : 0);
      },
    });

    const budgets = this.budgets;
    const windowMs = (src.rateLimitWindowSeconds ?? 60) * 1000;
    new Gauge({
      name: 'satupintu_ratelimit_budget_remaining',
      help: 'Requests left in a tenant budget (tenant: verified callers, anonymous: its public routes) of a known tenant, as of now',
      labelNames: ['tenant', 'budget'],
      registers,
      collect() {
        this.reset();
        const now = Date.now();
        for (const b of budgets.values()) this.set({ tenant: b.tenant, budget: b.budget }, b.limit - Math.max(0, Math.ceil((b.fullAt - now) / (windowMs / b.limit) - 1e-9)));
      },
    });
    new Gauge({
      name: 'satupintu_ratelimit_budget_limit',
      help: 'Size of a tenant budget (per window) by budget',
      labelNames: ['budget'],
      registers,
      collect() {
        this.reset();
        for (const b of budgets.values()) this.set({ budget: b.budget }, b.limit);
      },
    });

    this.sample = async () => {
      const t = 2_000;
      await Promise.all([
        jobs &&
          within(t, jobs.lag()).then(
            (rows) => {
              lag.reset();
              waiting.reset();
              for (const r of rows) {
                lag.set({ queue: r.queue, region: r.region }, r.seconds);
                waiting.set({ queue: r.queue, region: r.region }, r.waiting);
              }
            },
            () => {},
          ),
        jobs &&
          within(t, jobs.outboxLag()).then(
            (rows) => {
              for (const r of rows) {
                outboxLag.set({ outbox: r.outbox, region: r.region }, r.seconds);
                outboxPending.set({ outbox: r.outbox, region: r.region }, r.pending);
              }
            },
            () => {},
          ),
        (async () => {
          if (!dbs) return;
          const checks: [string, () => Promise<unknown>][] = [['database:control', () => dbs.control.query('select 1')]];
          for (const r of dbs.regionIds()) {
            checks.push([`database:${r}`, () => dbs.region(r).query('select 1')]);
            if (store) checks.push([`bucket:${r}`, () => store.check(r, AbortSignal.timeout(t))]);
            if (jobs) checks.push([`jobs:${r}`, () => jobs.check(r)]);
          }
          const ok = await Promise.all(checks.map(([name, fn]) => within(t, fn()).then(() => [name, 1] as const, () => [name, 0] as const)));
          for (const [name, up] of ok) check.set({ check: name }, up);
          ready.set(ok.every(([, up]) => up === 1) && !src.isShuttingDown?.() ? 1 : 0);
        })(),
      ]);
    };
  }

  /** The sampled figures (set by sourceMetrics). */
  private sample: () => Promise<void> = async () => {};

  /** Refreshes the sampled figures when older than SAMPLE_TTL_MS; concurrent scrapes share one refresh. */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.sampledAt < SAMPLE_TTL_MS) return;
    this.sampling ??= this.sample().finally(() => {
      this.sampledAt = Date.now();
      this.sampling = undefined;
    });
    await this.sampling;
  }

  /** Keeps the latest budget answer of a labelled tenant (express-rate-limit's info on the request). */
  private noteBudgets(req: Request, tenant: string): void {
    for (const budget of Object.keys(BUDGETS) as (keyof typeof BUDGETS)[]) {
      const info = (req as unknown as Record<string, { limit?: number; resetTime?: Date } | undefined>)[BUDGETS[budget]];
      if (!info || typeof info.limit !== 'number' || info.limit < 1 || !info.resetTime) continue;
      this.budgets.set(`${budget}:${tenant}`, { tenant, budget, limit: info.limit, fullAt: info.resetTime.getTime() });
    }
  }

  private tenantLabel(slug: unknown, status: number): string {
    if (typeof slug !== 'string' || status === 404) return '';
    if (this.tenants.has(slug)) return slug;
    if (this.tenants.size >= (this.opts.maxTenants ?? 1000)) return OTHER_TENANT;
    this.tenants.add(slug);
    return slug;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = process.hrtime.bigint();
      res.on('finish', () => {
        const route = typeof res.locals.route === 'string' ? res.locals.route : UNMATCHED_ROUTE;
        const tenant = this.tenantLabel(res.locals.tenant, res.statusCode);
        const labels = { method: METHODS.has(req.method) ? req.method : 'OTHER', route, tenant };
        if (tenant && tenant !== OTHER_TENANT) this.noteBudgets(req, tenant);
        this.requests.inc({ ...labels, status: String(res.statusCode) });
        this.duration.observe(labels, Number(process.hrtime.bigint() - end) / 1e9);
      });
      next();
    };
  }

  /**
   * GET /metrics. With `METRICS_TOKEN` set: only `Authorization: Bearer <token>` (compared in
   * constant time), from anywhere. Without it: in development, callers on this host only (the
   * peer and the client address loopback, no forwarding header, so nothing relayed by a local
   * proxy); in production never (the production check refuses to start without the token).
   * Everyone else gets 401 AUTH_REQUIRED / TOKEN_INVALID with a `Bearer realm="metrics"` challenge.
   */
  handler(config: Pick<SatupintuConfig, 'env' | 'metricsToken'>): RequestHandler {
    const expected = config.metricsToken ? digest(config.metricsToken) : undefined;
    return async (req, res, next) => {
      res.locals.route = '/metrics';
      if (expected) {
        const m = /^Bearer +(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
        if (!m) return next(authRequired('metrics'));
        if (!timingSafeEqual(digest(m[1]!), expected)) return next(tokenInvalid('metrics', 'not the metrics token'));
      } else if (config.env === 'production' || !isLoopback(req.socket.remoteAddress) || !isLoopback(req.ip) || wasForwarded(req.rawHeaders)) {
        return next(authRequired('metrics'));
      }
      try {
        await this.refresh();
        res.set('cache-control', 'no-store').type(this.registry.contentType).send(await this.registry.metrics());
      } catch (e) {
        next(e);
      }
    };
  }
}

/** Fixed-length digests, so the comparison takes the same time whatever the length of what was sent. */
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
