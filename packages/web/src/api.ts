import type { FieldProblem, Localized } from './types.js';

/** An RFC 9457 problem from the API, with its stable code and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly i18n: { id?: { title?: string; detail?: string }; en?: { title?: string; detail?: string } },
    readonly errors: FieldProblem[] = [],
  ) {
    super(`${status} ${code}`);
  }
  title(lang: 'id' | 'en'): string {
    const t = this.i18n[lang] ?? this.i18n.id;
    return [t?.title, t?.detail].filter(Boolean).join(': ') || this.message;
  }
}

type TokenSource = () => Promise<string | undefined>;
let tokenSource: TokenSource = async () => undefined;
let onUnauthorized: () => void = () => {};

/** The auth provider tells the client where tokens come from and what to do on a 401. */
export function configureApi(source: TokenSource, unauthorized: () => void): void {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the raw request body. */
  file?: Blob;
  /** Replays are safe for writes the API keys by Idempotency-Key. */
  idempotencyKey?: string;
  /** Resolve with the Response itself (CSV downloads). */
  raw?: boolean;
}

export async function api<T>(path: string, opts: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = await tokenSource();
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  let body: BodyInit | undefined;
  if (opts.file) {
    body = opts.file;
    headers['content-type'] = opts.file.type || 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(path, { method: opts.method ?? 'GET', headers, body });
  if (res.status === 401 && token) onUnauthorized();
  if (!res.ok) {
    let p: { code?: string; i18n?: ApiError['i18n']; errors?: FieldProblem[]; title?: string } = {};
    try {
      p = (await res.json()) as typeof p;
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, p.code ?? `HTTP_${res.status}`, p.i18n ?? { id: { title: p.title ?? res.statusText }, en: { title: p.title ?? res.statusText } }, p.errors ?? []);
  }
  if (opts.raw) return res as unknown as T;
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export function errorText(e: unknown, lang: 'id' | 'en'): string {
  if (e instanceof ApiError) return e.title(lang);
  return e instanceof Error ? e.message : String(e);
}

export function problems(e: unknown): FieldProblem[] {
  return e instanceof ApiError ? e.errors : [];
}

export const enc = encodeURIComponent;

export type { Localized };
