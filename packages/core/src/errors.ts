/**
 * The error vocabulary of the platform. Every error that reaches a client is one of these,
 * written as RFC 9457 problem+json by the server's single error mapper. Codes are stable:
 * clients and docs/api.md depend on them, so never rename one.
 */
export interface LocalizedText {
  /** Bahasa Indonesia (shown first). */
  id: string;
  /** English. */
  en: string;
}

/** One invalid field: an RFC 6901 JSON pointer into the request and a bilingual message. */
export interface FieldError {
  pointer: string;
  message: LocalizedText;
}

export interface ProblemInit {
  code: string;
  title: LocalizedText;
  detail?: LocalizedText;
  errors?: FieldError[];
  /** Extra members copied into the problem document (must hold no secrets). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

export abstract class ProblemError extends Error {
  abstract readonly status: number;
  readonly code: string;
  readonly title: LocalizedText;
  readonly detail?: LocalizedText;
  readonly errors?: FieldError[];
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(init: ProblemInit) {
    super(`${init.code}: ${init.detail?.en ?? init.title.en}`, { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.extensions = init.extensions;
    this.headers = init.headers;
  }
}

/** 400/422: the request is malformed or fails validation. */
export class InputError extends ProblemError {
  readonly status: number;
  constructor(init: ProblemInit & { status?: 400 | 413 | 415 | 422 }) {
    super(init);
    this.status = init.status ?? 400;
  }
}
/** 401: no, or no valid, credentials. */
export class AuthenticationError extends ProblemError {
  readonly status = 401;
}
/** 403: valid credentials without the right role, agency or tenant. */
export class NotAllowedError extends ProblemError {
  readonly status = 403;
}
/** 404: the resource does not exist (or the caller may not know it does). */
export class NotFoundError extends ProblemError {
  readonly status = 404;
}
/** 409: the request conflicts with the current state (duplicate, wrong state, lost race). */
export class ConflictError extends ProblemError {
  readonly status = 409;
}
/** 429: a rate limit was hit. */
export class TooManyRequestsError extends ProblemError {
  readonly status = 429;
}
/** 503: a dependency (database, object store, issuer) is unavailable; retrying later may help. */
export class ServiceUnavailableError extends ProblemError {
  readonly status = 503;
}

export function isProblemError(e: unknown): e is ProblemError {
  return e instanceof ProblemError;
}

/** Builds the validation message for one field, in both languages. */
export function fieldError(pointer: string, id: string, en: string): FieldError {
  return { pointer, message: { id, en } };
}

/** 412: the resource changed since the client read it (its ETag no longer matches If-Match). */
export class PreconditionFailedError extends ProblemError {
  readonly status = 412;
}
/** 428: the update must say which version it changes (If-Match). */
export class PreconditionRequiredError extends ProblemError {
  readonly status = 428;
}
/** 500: a failure of ours; the client cannot fix it. */
export class InternalProblem extends ProblemError {
  readonly status = 500;
}
