import { allPages, createSatupintuClient, newIdempotencyKey, ProblemError, type SatupintuClient } from '@satupintu/client';
import type { FieldProblem } from './types.js';

export { allPages, fileBody, isStale, ProblemError, unwrap, unwrapWithEtag } from '@satupintu/client';

type TokenSource = () => Promise<string | undefined>;
let tokenSource: TokenSource = async () => undefined;
let onUnauthorized: () => void = () => {};

/** The auth provider tells the client where tokens come from and what to do on a 401. */
export function configureApi(source: TokenSource, unauthorized: () => void): void {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

/**
 * The app's one API client (@satupintu/client, typed from docs/openapi.json): same origin, the
 * signed-in user's access token on every call, and a 401 to a call that carried one ends the
 * session (auth.tsx signs in again).
 */
export const client: SatupintuClient = createSatupintuClient({
  token: () => tokenSource(),
  onUnauthorized: () => onUnauthorized(),
});

/** Every item of a paged list, all pages read (for lists a person needs whole: a few pages at most). */
export async function everyItem<T>(page: (cursor: string | undefined) => Promise<{ data?: { items: T[]; next: string | null }; error?: unknown; response: Response }>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of allPages(page)) items.push(item);
  return items;
}

export function errorText(e: unknown, lang: 'id' | 'en'): string {
  if (e instanceof ProblemError) return e.text(lang);
  return e instanceof Error ? e.message : String(e);
}

export function problems(e: unknown): FieldProblem[] {
  return e instanceof ProblemError ? (e.problem.errors ?? []) : [];
}

/** Whether a problem is this HTTP status (e.g. 404 for something not there). */
export const hasStatus = (e: unknown, status: number): boolean => e instanceof ProblemError && e.status === status;

/**
 * One write's Idempotency-Key, kept for its retries: the same request (same body) sent again after
 * a network failure or an error gets the same key, so the API answers the first one instead of
 * doing it twice; a changed request, or the next one after a success, gets a fresh key (the API
 * refuses a key reused with another body).
 */
export class RetryKey {
  private key: string | undefined;
  private request: string | undefined;
  for(request: unknown): string {
    const r = JSON.stringify(request ?? null);
    if (!this.key || this.request !== r) {
      this.key = newIdempotencyKey();
      this.request = r;
    }
    return this.key;
  }
  /** The write got its answer: the next one is another write. */
  done(): void {
    this.key = undefined;
    this.request = undefined;
  }
}

/** Runs a keyed write: the key is kept for a retry until the write succeeds. */
export async function keyed<T>(key: RetryKey, request: unknown, write: (idempotencyKey: string) => Promise<T>): Promise<T> {
  const result = await write(key.for(request));
  key.done();
  return result;
}
