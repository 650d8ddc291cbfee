import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import type { SatupintuConfig } from '@satupintu/core';
import './locals.js';

export function createLogger(config: Pick<SatupintuConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'satupintu' },
    // Nothing logs headers (see requestLogger); should anything ever log them, these stay out.
    // Idempotency keys too: a key replays its first answer for a day, so it is as good as the request.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]', 'headers.authorization', 'headers.cookie', 'headers["idempotency-key"]', 'idempotency.key', '*.idempotency.key'],
      censor: '[redacted]',
    },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Operations endpoints polled every few seconds: never a log line. */
const QUIET = new Set(['/healthz', '/readyz', '/livez', '/metrics']);

/** What became of a request, for logs and alerts: 2xx/3xx, 4xx, 5xx, or the client left before the answer ended. */
export type Outcome = 'success' | 'client_error' | 'server_error' | 'aborted';

export function outcomeOf(status: number, finished: boolean): Outcome {
  if (!finished) return 'aborted';
  return status >= 500 ? 'server_error' : status >= 400 ? 'client_error' : 'success';
}

/**
 * Request logging: a request id (X-Request-Id when sane, else a new UUID) on the request and the
 * response, `req.log` (a child logger made on first use), and one line when the response ends, at
 * `info` (`error` for a 5xx or an aborted answer): request id, method, route template (`unmatched`
 * when no route answered), tenant slug (only a tenant that exists, on a request that passed its
 * route's guard: `res.locals.tenant`), status, outcome class, duration in ms. Never the path as
 * sent, the query string, headers or bodies: a path or a search may carry a NIK, a name or a token.
 *
 * Not pino-http: it builds two child loggers per request and serializes the whole request into one
 * of them before anything is logged; on the public catalog that was 24% of the server's time
 * (docs/adr/0016-request-context-and-unit-of-work.md). Here the line is a flat object of seven fields.
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { configurable: true, enumerable: false, get: () => (child ??= logger.child({ reqId: id })) });
    if (QUIET.has(req.path)) return next();
    const started = performance.now();
    res.once('close', () => {
      const status = res.statusCode;
      const outcome = outcomeOf(status, res.writableFinished);
      const level = outcome === 'server_error' || outcome === 'aborted' ? 'error' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const tenant = res.locals.tenant;
      logger[level](
        {
          reqId: id,
          method: req.method,
          route: typeof res.locals.route === 'string' ? res.locals.route : 'unmatched',
          ...(typeof tenant === 'string' && status !== 404 ? { tenant } : {}),
          status,
          outcome,
          durationMs: Math.round(performance.now() - started),
        },
        outcome === 'aborted' ? 'request aborted' : 'request completed',
      );
    });
    next();
  };
}
