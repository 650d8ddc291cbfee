import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ProblemError, isProblemError, problemTypeOf, type LocalizedText } from '@satupintu/core';
import { MAX_JSON_DEPTH } from './json-body.js';
import { badRequest, bodyTooDeep, bodyTooLarge, databaseUnavailable, internal, malformedJson, routeNotFound, unsupportedEncoding } from './problems.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Indonesian first; English when the client's Accept-Language prefers it. */
export function preferredLanguage(req: Request): 'id' | 'en' {
  const lang = req.acceptsLanguages('id', 'en');
  return lang === 'en' ? 'en' : 'id';
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  code: string;
  requestId?: string;
  /** Both languages of title and detail, for clients that show both. */
  i18n: { id: { title: string; detail?: string }; en: { title: string; detail?: string } };
  errors?: { pointer: string; message: LocalizedText }[];
  [extension: string]: unknown;
}

/** The `type` of a problem: its page in the API's problem catalog (GET /api/v1/problems/{code}). */
export const problemType = problemTypeOf;

export function toProblemDocument(err: ProblemError, req: Request): ProblemDocument {
  const lang = preferredLanguage(req);
  return {
    ...(err.extensions ?? {}),
    type: problemType(err.code),
    title: err.title[lang],
    status: err.status,
    ...(err.detail ? { detail: err.detail[lang] } : {}),
    instance: req.originalUrl.split('?')[0]!,
    code: err.code,
    requestId: String(req.id ?? ''),
    i18n: {
      id: { title: err.title.id, ...(err.detail ? { detail: err.detail.id } : {}) },
      en: { title: err.title.en, ...(err.detail ? { detail: err.detail.en } : {}) },
    },
    ...(err.errors?.length ? { errors: err.errors } : {}),
  };
}

/** Errors thrown by body parsers (express.json) carry `type` and `status`. */
function fromParserError(err: { type?: string; status?: number; max?: number }): ProblemError | undefined {
  if (err.type === 'entity.too.deep') return bodyTooDeep(err.max ?? MAX_JSON_DEPTH);
  if (err.type === 'entity.parse.failed') return malformedJson();
  if (err.type === 'entity.too.large') return bodyTooLarge();
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return unsupportedEncoding();
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) return badRequest();
  return undefined;
}

// SQLSTATE classes 08 (connection exception), 57P0x (shutdown, cannot connect now), 53300 (too many connections).
const DB_DOWN_SQLSTATE = /^(08\d{3}|57P0[1-4]|53300)$/;
const DB_DOWN_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const DB_DOWN_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|is not queryable|Connection ended unexpectedly|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)/;

/** A database that is restarting or unreachable, as pg and TypeORM report it (possibly wrapped). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  // TypeORM releases a transaction's query runner when its connection breaks; the rest of the
  // request then meets these.
  if (e.name === 'QueryRunnerAlreadyReleasedError' || e.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  if (typeof e.code === 'string' && (DB_DOWN_SQLSTATE.test(e.code) || DB_DOWN_NODE.has(e.code))) return true;
  if (typeof e.message === 'string' && DB_DOWN_MESSAGE.test(e.message)) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(routeNotFound(req.method, req.path));
};

/** The one error mapper: every error leaves as problem+json; internals never leak. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let problem: ProblemError | undefined = isProblemError(err) ? err : fromParserError(err as object);
  // A restarting database is an outage the client can wait out, not an internal error.
  if (!problem && isDatabaseUnavailable(err)) problem = databaseUnavailable(err);
  if (!problem) {
    req.log?.error({ err }, 'unhandled error');
    problem = internal();
  } else if (problem.status >= 500) {
    req.log?.warn({ err }, problem.code);
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [k, v] of Object.entries(problem.headers ?? {})) res.setHeader(k, v);
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(toProblemDocument(problem, req)));
};
