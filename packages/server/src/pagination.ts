import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import Type from 'typebox';
import canonicalizeModule from 'canonicalize';
import { cursorInvalid } from './http/problems.js';

/**
 * Cursor pagination (keyset). A list is read in pages of `limit` rows ordered by a unique key
 * (e.g. `created_at desc, id desc`); `next` is an opaque cursor holding the last row's key and a
 * digest of the query's filters. The next page starts strictly after that key, so rows inserted
 * meanwhile never shift a page (no row is skipped or repeated), and nothing is ever cut: a list
 * ends when `next` is null.
 *
 * Keys must be exact: read a timestamp key as text (`created_at::text`), not as a JS Date (which
 * drops microseconds), and compare it back with `$n::timestamptz`.
 *
 * Cursors are signed (HMAC-SHA256 under a key derived from the data encryption key, so every
 * instance of a deployment accepts the others' cursors): a forged or altered cursor is
 * CURSOR_INVALID before any of its values reach SQL (docs/security.md).
 */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

/** The query members of a paged list (spread into the route's query schema). */
export const PageParams = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: PAGE_DEFAULT, description: `Rows per page (1–${PAGE_MAX}, default ${PAGE_DEFAULT})` })),
  cursor: Type.Optional(Type.String({ minLength: 8, maxLength: 1024, pattern: '^[A-Za-z0-9_-]+$', description: 'The `next` of the previous page, unchanged' })),
};

/** A page of a list: `next` is the cursor of the following page, null on the last. */
export const Page = <T extends Type.TSchema>(item: T) =>
  Type.Object(
    {
      items: Type.Array(item),
      next: Type.Union([Type.String(), Type.Null()], { description: 'Cursor of the next page (also in the `Link` header); null on the last page' }),
    },
    { additionalProperties: false },
  );

export interface PageOf<T> {
  items: T[];
  next: string | null;
}

export type Key = readonly (string | number | null)[];

/** A request for one page: how many rows, after which key (none for the first page). */
export interface PageRequest<K extends Key = Key> {
  limit: number;
  after?: K;
  /** The digest binding a cursor to the query's filters. */
  readonly filters: string;
}

const canonicalize = canonicalizeModule as unknown as (v: unknown) => string;

let cursorKey: Buffer = randomBytes(32);

/**
 * The key cursors are signed with: the platform derives it from its data encryption key at start
 * (all instances agree). Until then (unit tests, tools) a random key of this process.
 */
export function useCursorKey(secret: Buffer): void {
  cursorKey = createHmac('sha256', secret).update('satupintu cursor key v1').digest();
}

function macOf(k: unknown, f: string): string {
  return createHmac('sha256', cursorKey).update(canonicalize({ k, f })).digest('base64url').slice(0, 22);
}

function digestOf(query: Record<string, unknown>): string {
  const { limit: _l, cursor: _c, ...filters } = query;
  return createHash('sha256').update(canonicalize(filters) ?? '{}').digest('base64url').slice(0, 12);
}

function sameMac(given: string, wanted: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The page a query asks for; CURSOR_INVALID when the cursor is damaged or was made for other filters. */
export function pageRequest<K extends Key = Key>(query: { limit?: number; cursor?: string } & Record<string, unknown>, keyLength: number): PageRequest<K> {
  const filters = digestOf(query);
  const limit = Math.min(Math.max(query.limit ?? PAGE_DEFAULT, 1), PAGE_MAX);
  if (!query.cursor) return { limit, filters };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  } catch {
    throw cursorInvalid();
  }
  const c = decoded as { k?: unknown; f?: unknown; m?: unknown };
  const ok =
    typeof c === 'object' &&
    c !== null &&
    c.f === filters &&
    typeof c.m === 'string' &&
    sameMac(c.m, macOf(c.k, filters)) &&
    Array.isArray(c.k) &&
    c.k.length === keyLength &&
    c.k.every((v) => v === null || (typeof v === 'string' && v.length <= 200) || (typeof v === 'number' && Number.isFinite(v)));
  if (!ok) throw cursorInvalid();
  return { limit, after: c.k as unknown as K, filters };
}

/** The cursor that continues after `key`. */
export function cursorAfter(req: PageRequest, key: Key): string {
  return Buffer.from(JSON.stringify({ k: key, f: req.filters, m: macOf(key, req.filters) })).toString('base64url');
}

/**
 * One page from rows read with `limit + 1` (the extra row only tells there is a next page).
 * `keyOf` gives a row's exact sort key; `view` what the client sees of it.
 */
export function pageOf<R, T = R>(rows: readonly R[], req: PageRequest, keyOf: (row: R) => Key, view?: (row: R) => T): PageOf<T> {
  const more = rows.length > req.limit;
  const kept = more ? rows.slice(0, req.limit) : rows;
  const items = view ? kept.map(view) : (kept as unknown as T[]);
  return { items, next: more && kept.length ? cursorAfter(req, keyOf(kept[kept.length - 1]!)) : null };
}

/** The RFC 8288 `Link` to the next page: the request's own path and query with the new cursor. */
export function linkToNext(originalUrl: string, next: string): string {
  const url = new URL(originalUrl, 'http://x');
  url.searchParams.set('cursor', next);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
