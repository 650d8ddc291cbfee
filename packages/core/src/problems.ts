import {
  AuthenticationError,
  ConflictError,
  InputError,
  InternalProblem,
  NotAllowedError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ServiceUnavailableError,
  TooManyRequestsError,
  type FieldError,
  type LocalizedText,
  type ProblemError,
  type ProblemInit,
} from './errors.js';

/** The statuses a problem may have. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503;

/** One kind of problem, as clients and the API document know it. Codes are stable: never rename one. */
export interface ProblemSpec {
  code: string;
  status: ProblemStatus;
  title: LocalizedText;
  /** What it means and what a client can do, for the API guide (default: the title). */
  description?: LocalizedText;
}

/** What one occurrence adds to its kind. */
export type ProblemDetails = Pick<ProblemInit, 'detail' | 'errors' | 'extensions' | 'headers' | 'cause'>;

/** Builds occurrences of one kind of problem; carries the kind for the API document and the contract tests. */
export type ProblemFactory<A extends unknown[] = []> = ((...args: A) => ProblemError) & { readonly spec: ProblemSpec };

const catalog = new Map<string, ProblemSpec>();

/**
 * Declares a kind of problem once — its code, status and bilingual title — with how an occurrence
 * is detailed. Routes list the factories they may throw; the OpenAPI document and the problem
 * catalog (`GET /api/v1/problems`) are built from the same declarations.
 */
export function defineProblem<A extends unknown[] = []>(spec: ProblemSpec, details?: (...args: A) => ProblemDetails): ProblemFactory<A> {
  const known = catalog.get(spec.code);
  if (known && known.status !== spec.status) throw new Error(`problem ${spec.code} declared twice with different statuses`);
  catalog.set(spec.code, spec);
  const make = (...args: A): ProblemError => {
    const init: ProblemInit = { code: spec.code, title: spec.title, ...(details ? details(...args) : {}) };
    switch (spec.status) {
      case 400:
      case 413:
      case 415:
      case 422:
        return new InputError({ ...init, status: spec.status });
      case 401:
        return new AuthenticationError(init);
      case 403:
        return new NotAllowedError(init);
      case 404:
        return new NotFoundError(init);
      case 409:
        return new ConflictError(init);
      case 412:
        return new PreconditionFailedError(init);
      case 428:
        return new PreconditionRequiredError(init);
      case 429:
        return new TooManyRequestsError(init);
      case 503:
        return new ServiceUnavailableError(init);
      default:
        return new InternalProblem(init);
    }
  };
  return Object.assign(make, { spec });
}

/** Every kind of problem declared so far (the modules declare theirs when they load). */
export function problemCatalog(): ProblemSpec[] {
  return [...catalog.values()].sort((a, b) => a.status - b.status || a.code.localeCompare(b.code));
}

/** The problem type a code is known by: a path of the API's own problem catalog (RFC 9457 `type`). */
export function problemTypeOf(code: string): string {
  return `/api/v1/problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

/** A field error's pointer and bilingual message. */
export type { FieldError };
