import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { InputError, NotFoundError, ProblemError, isProblemError, type LocalizedText } from '@satupintu/core';

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
