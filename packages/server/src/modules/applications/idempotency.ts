import { createHash } from 'node:crypto';
import type { Tenant } from '@satupintu/core';
import { InputError } from '@satupintu/core';
import { withTenant, type Databases } from '@satupintu/db';

/**
 * Idempotency-Key for tenant writes (submit, upload), kept in the tenant's home region under RLS:
 * a retry with the same key returns the first response; the same key for another request is refused.
 */
export class TenantIdempotency {
  constructor(private readonly dbs: Databases) {}

  async run<T>(t: Tenant, scope: string, key: string | undefined, request: unknown, fn: () => Promise<{ status: number; body: T }>): Promise<{ status: number; body: T; replayed: boolean }> {
    if (!key) return { ...(await fn()), replayed: false };
    const hash = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
    const ds = this.dbs.region(t.homeRegion);
    const find = () =>
      withTenant(ds, t.id, async (em) => {
        const rows = (await em.query('select request_hash, status, body from tenant_idempotency where scope = $1 and key = $2', [scope, key])) as { request_hash: string; status: number; body: T }[];
        return rows[0];
      });
    // Claim the key first (status 0 = in progress): of concurrent twins exactly one does the work,
    // the others wait for its answer. A claim older than a minute is from a crashed worker: retaken.
    for (let waited = 0; ; waited += 100) {
      const claimed = await withTenant(ds, t.id, async (em) => {
        const rows = (await em.query(
          `insert into tenant_idempotency (tenant_id, scope, key, request_hash, status, body) values ($1,$2,$3,$4,0,'null')
           on conflict (tenant_id, scope, key) do update set request_hash = excluded.request_hash, created_at = now()
             where tenant_idempotency.status = 0 and tenant_idempotency.created_at < now() - interval '1 minute'
           returning 1`,
          [t.id, scope, key, hash],
        )) as unknown[];
        return rows.length === 1;
      });
      if (claimed) break;
      const prior = await find();
      if (prior && prior.request_hash !== hash)
        throw new InputError({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED', title: { id: 'Idempotency-Key sudah dipakai untuk permintaan lain', en: 'Idempotency-Key was used for a different request' } });
      if (prior && prior.status !== 0) return { status: prior.status, body: prior.body, replayed: true };
      if (waited > 120_000) throw new Error('idempotent twin did not finish');
      await new Promise((r) => setTimeout(r, 100));
    }
    let result: { status: number; body: T };
    try {
      result = await fn();
    } catch (e) {
      // Nothing was done: free the key so a corrected retry can use it.
      await withTenant(ds, t.id, (em) => em.query('delete from tenant_idempotency where scope = $1 and key = $2 and status = 0', [scope, key]));
      throw e;
    }
    await withTenant(ds, t.id, (em) =>
      em.query('update tenant_idempotency set status = $3, body = $4 where scope = $1 and key = $2', [scope, key, result.status, JSON.stringify(result.body)]),
    );
    return { ...result, replayed: false };
  }
}
