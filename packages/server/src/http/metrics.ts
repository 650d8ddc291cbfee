import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance: request rate and latency per route and tenant. */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'tenant' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'tenant'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'satupintu_' });
    this.requests = new Counter({
      name: 'satupintu_http_requests_total',
      help: 'HTTP requests by method, route pattern, tenant slug and status code',
      labelNames: ['method', 'route', 'tenant', 'status'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'satupintu_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and tenant slug',
      labelNames: ['method', 'route', 'tenant'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = process.hrtime.bigint();
      res.on('finish', () => {
        // Route patterns (not raw paths) keep label cardinality bounded; unknown paths share one.
        const route = typeof res.locals.route === 'string' ? res.locals.route : req.path.startsWith('/api/') ? 'unmatched' : req.path;
        const tenant = typeof res.locals.tenant === 'string' && res.statusCode !== 404 ? res.locals.tenant : '';
        const labels = { method: req.method, route, tenant };
        this.requests.inc({ ...labels, status: String(res.statusCode) });
        this.duration.observe(labels, Number(process.hrtime.bigint() - end) / 1e9);
      });
      next();
    };
  }
}
