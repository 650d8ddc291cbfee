import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SatupintuConfig } from '@satupintu/core';
import { authRequired, tokenInvalid } from '@satupintu/auth';
import { isLoopback, wasForwarded } from './trusted-proxies.js';
import './locals.js';

/** The `route` label of every request no route template (nor fixed handler) answered: a 404, a preflight, a made-up path. */
export const UNMATCHED_ROUTE = 'unmatched';
/** The `tenant` label once `maxTenants` distinct tenants have been labelled (a safety net: tenants are regencies, a few hundred). */
export const OTHER_TENANT = 'other';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Prometheus metrics of one server instance: request rate and latency per route and tenant.
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

  constructor(private readonly opts: { maxTenants?: number } = {}) {
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
        const labels = { method: METHODS.has(req.method) ? req.method : 'OTHER', route, tenant: this.tenantLabel(res.locals.tenant, res.statusCode) };
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
        res.set('cache-control', 'no-store').type(this.registry.contentType).send(await this.registry.metrics());
      } catch (e) {
        next(e);
      }
    };
  }
}

/** Fixed-length digests, so the comparison takes the same time whatever the length of what was sent. */
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
