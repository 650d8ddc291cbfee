import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { SatupintuConfig } from '@satupintu/core';

export function createLogger(config: Pick<SatupintuConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'satupintu' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Request logging with a request id (taken from X-Request-Id when sane, else a new UUID). */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
  });
}
