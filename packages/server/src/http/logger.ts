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

/**
 * Request logging: a request id (X-Request-Id when sane, else a new UUID) on the request and the
 * response, `req.log` (a child logger made on first use), and one line when the response ends —
 * method and path (never the query string or headers: they may carry a search, a token or a
 * person's data), route template, tenant, status, duration — at `error` for 5xx, `info` for
 * 4xx, `debug` otherwise.
 *
 * Not pino-http: it builds two child loggers per request and serializes the whole request into one
 * of them before anything is logged; on the public catalog that was 24% of the server's time
 * (docs/adr/0016-request-context-and-unit-of-work.md). Here a request that logs nothing costs an id.
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
      const level = !res.writableFinished || status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
      if (!logger.isLevelEnabled(level)) return;
      (child ??= logger.child({ reqId: id }))[level](
        {
          req: { method: req.method, path: req.path },
          res: { statusCode: status },
          route: res.locals.route,
          tenant: res.locals.tenant,
          responseTime: Math.round(performance.now() - started),
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    });
    next();
  };
}
