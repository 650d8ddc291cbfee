import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { InputError, NotFoundError, ProblemError, ServiceUnavailableError, isProblemError, type LocalizedText } from '@satupintu/core';

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

export function problemType(code: string): string {
  return `urn:satupintu:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

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

class InternalError extends ProblemError {
  readonly status = 500;
}

/** Errors thrown by body parsers (express.json) carry `type` and `status`. */
function fromParserError(err: { type?: string; status?: number }): ProblemError | undefined {
  if (err.type === 'entity.parse.failed')
    return new InputError({
      code: 'MALFORMED_JSON',
      title: { id: 'Badan permintaan bukan JSON yang sah', en: 'The request body is not valid JSON' },
      errors: [{ pointer: '', message: { id: 'JSON tidak dapat dibaca.', en: 'JSON could not be parsed.' } }],
    });
  if (err.type === 'entity.too.large')
    return new InputError({
      status: 413,
      code: 'BODY_TOO_LARGE',
      title: { id: 'Badan permintaan terlalu besar', en: 'The request body is too large' },
    });
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported')
    return new InputError({
      status: 415,
      code: 'UNSUPPORTED_ENCODING',
      title: { id: 'Enkode badan permintaan tidak didukung', en: 'Unsupported request body encoding' },
    });
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500)
    return new InputError({
      code: 'BAD_REQUEST',
      title: { id: 'Permintaan tidak dapat diproses', en: 'The request could not be processed' },
    });
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

const databaseUnavailable = (cause: unknown) =>
  new ServiceUnavailableError({
    code: 'DATABASE_UNAVAILABLE',
    title: { id: 'Basis data sedang tidak tersedia', en: 'The database is unavailable' },
    detail: { id: 'Coba lagi sebentar lagi; permintaan ini tidak tersimpan.', en: 'Try again shortly; this request was not stored.' },
    headers: { 'Retry-After': '5' },
    cause,
  });

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new NotFoundError({
      code: 'ROUTE_NOT_FOUND',
      title: { id: 'Alamat tidak ditemukan', en: 'No such route' },
      detail: { id: `${req.method} ${req.path} tidak ada.`, en: `${req.method} ${req.path} does not exist.` },
    }),
  );
};

/** The one error mapper: every error leaves as problem+json; internals never leak. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let problem: ProblemError | undefined = isProblemError(err) ? err : fromParserError(err as object);
  // A restarting database is an outage the client can wait out, not an internal error.
  if (!problem && isDatabaseUnavailable(err)) problem = databaseUnavailable(err);
  if (!problem) {
    req.log?.error({ err }, 'unhandled error');
    problem = new InternalError({
      code: 'INTERNAL',
      title: { id: 'Terjadi kesalahan pada server', en: 'Internal server error' },
      detail: {
        id: 'Kesalahan telah dicatat. Sebutkan requestId saat menghubungi petugas.',
        en: 'The error was logged. Quote the requestId when contacting support.',
      },
    });
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
