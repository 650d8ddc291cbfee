import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths, operations } from './schema.js';

/** The API's named schemas: `Schemas['Application']`, `Schemas['Tenant']`… */
export type Schemas = components['schemas'];

/** An RFC 9457 problem as the API answers it. */
export type Problem = Schemas['Problem'];

export type SatupintuClient = Client<paths>;

export interface ClientOptions {
  /** Where the API is served, e.g. `https://mpp.example.go.id` ('' in a browser on the same origin). */
  baseUrl?: string;
  /** The caller's access token (called before every request); none for public routes. */
  token?: () => string | undefined | Promise<string | undefined>;
  /** Bahasa Indonesia (default) or English titles and details in problems. */
  lang?: 'id' | 'en';
  /** Called when the API answers 401 to a request that carried a token (the session ended). */
  onUnauthorized?: () => void;
  fetch?: typeof globalThis.fetch;
}

/**
 * A typed client of the Satupintu API: every path, parameter, body and answer is typed from
 * docs/openapi.json (see README). Calls answer `{ data, error, response }`; `error` is the problem.
 *
 *   const api = createSatupintuClient({ baseUrl, token: () => session.accessToken });
 *   const { data } = await api.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } });
 */
export function createSatupintuClient(opts: ClientOptions = {}): SatupintuClient {
  const client = createClient<paths>({ baseUrl: opts.baseUrl ?? '', ...(opts.fetch ? { fetch: opts.fetch } : {}) });
  const session: Middleware = {
    async onRequest({ request }) {
      const token = await opts.token?.();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!request.headers.has('Accept-Language')) request.headers.set('Accept-Language', opts.lang ?? 'id');
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('Authorization')) opts.onUnauthorized?.();
      return response;
    },
  };
  client.use(session);
  return client;
}

/** Thrown by `unwrap`: the problem, its status and field errors. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${status} ${problem.code}: ${problem.title}`);
    this.name = 'ProblemError';
  }
  get code(): string {
    return this.problem.code;
  }
  /** The title and detail in the language asked for. */
  text(lang: 'id' | 'en' = 'id'): string {
    const t = this.problem.i18n?.[lang] ?? this.problem.i18n?.id;
    return [t?.title ?? this.problem.title, t?.detail ?? this.problem.detail].filter(Boolean).join(': ');
  }
}

/** The data of a call, or its problem thrown as a ProblemError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const problem =
      error && typeof error === 'object' && 'code' in error
        ? (error as Problem)
        : ({ type: 'about:blank', title: response.statusText, status: response.status, code: `HTTP_${response.status}`, instance: new URL(response.url || 'http://x/').pathname, i18n: { id: { title: response.statusText }, en: { title: response.statusText } } } as Problem);
    throw new ProblemError(response.status, problem);
  }
  return data as T;
}

/**
 * The data of a call with its `ETag`, or its problem thrown as a ProblemError. Keep the tag and
 * quote it in `If-Match` when changing the resource (a draft, a standard, the maklumat, an
 * overlay, settings): 428 without it, 412 when someone changed the resource since.
 */
export async function unwrapWithEtag<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; etag: string | undefined }> {
  const answer = await call;
  const data = await unwrap(Promise.resolve(answer));
  return { data, etag: answer.response.headers.get('ETag') ?? undefined };
}

/** Whether an error is the API's 412: the resource changed since its ETag was read (read it again). */
export function isStale(e: unknown): e is ProblemError {
  return e instanceof ProblemError && e.status === 412;
}

/**
 * Every item of a paged list, page after page (each page's `next` cursor asks for the following
 * one): `for await (const app of allPages((cursor) => api.GET(path, { params: { …, query: { cursor } } })))`.
 */
export async function* allPages<T>(page: (cursor: string | undefined) => Promise<{ data?: { items: T[]; next: string | null }; error?: unknown; response: Response }>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const data = await unwrap(page(cursor));
    yield* data.items;
    cursor = data.next ?? undefined;
  } while (cursor);
}

/** A fresh Idempotency-Key for a write the client may retry (keep it for the retries of that one write). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Sends a file or bytes as the raw request body (uploads): pass as `bodySerializer`. */
export const rawBody = (body: unknown): BodyInit => body as BodyInit;

/**
 * The options of an upload (a raw-body operation): the file as the request body with its media
 * type. The generated types name a binary body `string`; `body` stands for it and the serializer
 * sends the file itself (the API decides the type from the content, not the header):
 *
 *   await api.PUT('/api/v1/tenants/{tenant}/applications/{id}/documents/{code}', { params: { path, query: { filename: file.name } }, ...fileBody(file) });
 */
export function fileBody(file: Blob): { body: string; bodySerializer: () => Blob; headers: { 'Content-Type': string } } {
  return { body: '', bodySerializer: () => file, headers: { 'Content-Type': file.type || 'application/octet-stream' } };
}
