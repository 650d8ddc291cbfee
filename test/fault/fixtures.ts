import pg from 'pg';
import { ObjectStore } from '@satupintu/storage';
import type { Stack } from './harness.js';

/** Superuser queries on the harness PostgreSQL (bypasses RLS: the verifier sees every row). */
export async function query<T = Record<string, unknown>>(stack: Stack, db: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: stack.pg.url(db), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface TenantRow {
  id: string;
  slug: string;
  home_region: string;
}

export async function tenantBySlug(stack: Stack, slug: string): Promise<TenantRow> {
  const [t] = await query<TenantRow>(stack, 'satupintu_control', 'select id, slug, home_region from tenants where slug = $1', [slug]);
  if (!t) throw new Error(`tenant ${slug} not seeded`);
  return t;
}

export const regionDb = (region: string) => `satupintu_${region.replace(/-/g, '_')}`;

/** The harness S3 through the platform's own client. */
export function storeOf(stack: Stack): ObjectStore {
  return new ObjectStore({
    endpoint: stack.s3.endpoint,
    region: 'ap-southeast-3',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    buckets: { 'id-jakarta': 'satupintu-id-jakarta', 'id-batam': 'satupintu-id-batam' },
  });
}

/** Every object key of a tenant in its region's bucket. */
export async function objectKeys(store: ObjectStore, t: TenantRow): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of store.list(t.home_region, `t/${t.id}/`)) keys.push(o.key);
  return keys;
}

/** Object keys of a tenant that no document or output row points at. */
export async function orphanKeys(stack: Stack, store: ObjectStore, t: TenantRow): Promise<string[]> {
  const keys = await objectKeys(store, t);
  const rows = await query<{ object_key: string }>(
    stack,
    regionDb(t.home_region),
    'select object_key from application_documents where tenant_id = $1 union select object_key from application_outputs where tenant_id = $1 and object_key is not null',
    [t.id],
  );
  const known = new Set(rows.map((r) => r.object_key));
  return keys.filter((k) => !known.has(k));
}

/** Document rows of a tenant whose object is missing from the bucket (must never exist). */
export async function rowsWithoutObject(stack: Stack, store: ObjectStore, t: TenantRow): Promise<string[]> {
  const keys = new Set(await objectKeys(store, t));
  const rows = await query<{ object_key: string }>(stack, regionDb(t.home_region), 'select object_key from application_documents where tenant_id = $1', [t.id]);
  return rows.map((r) => r.object_key).filter((k) => !keys.has(k));
}
