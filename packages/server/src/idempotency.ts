import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import { InputError, type Tenant } from '@satupintu/core';
import { withTenant, type Databases } from '@satupintu/db';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export interface StoredResponse<T = unknown> {
  status: number;
  body: T;
}

/** Where keys are kept: the control plane (tenant directory writes) or a tenant's home region. */
interface Scope {
  run<T>(fn: (em: EntityManager) => Promise<T>): Promise<T>;
  table: 'idempotency_records' | 'tenant_idempotency';
  tenantId?: string;
}

const reused = () =>
  new InputError({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED', title: { id: 'Idempotency-Key sudah dipakai untuk permintaan lain', en: 'Idempotency-Key was used for a different request' } });

/**
 * `Idempotency-Key` for writes a client may retry. The key is claimed first (status 0 = in
 * progress), so of concurrent twins exactly one does the work and the others wait for its answer;
 * a retry gets the stored response (`replayed`); the same key for another request is refused (422);
 * a failed attempt frees the key; a claim left by a crashed worker is retaken after a minute.
 */
export class IdempotencyStore {
  private constructor(private readonly scope: Scope) {}

  static control(ds: DataSource): IdempotencyStore {
    return new IdempotencyStore({ run: (fn) => ds.transaction(fn), table: 'idempotency_records' });
  }

  static tenant(dbs: Databases, t: Tenant): IdempotencyStore {
    return new IdempotencyStore({ run: (fn) => withTenant(dbs.region(t.homeRegion), t.id, fn), table: 'tenant_idempotency', tenantId: t.id });
  }

  static keyOf(req: Request): string | undefined {
    const key = req.header('idempotency-key');
    if (key === undefined) return undefined;
    if (!KEY_PATTERN.test(key))
      throw new InputError({
        code: 'IDEMPOTENCY_KEY_INVALID',
        title: { id: 'Idempotency-Key tidak valid', en: 'Invalid Idempotency-Key' },
        errors: [{ pointer: '/headers/idempotency-key', message: { id: '8–128 karakter: huruf, angka, . _ : -', en: '8–128 characters: letters, digits, . _ : -' } }],
      });
    return key;
  }

  /**
   * Frees the claim of a failed attempt. When the database itself is what failed, the release is
   * retried in the background until it returns, so that a client retrying the same key proceeds as
   * soon as the database is back instead of waiting out the one-minute stale-claim takeover.
   */
  private async release(scope: string, key: string): Promise<void> {
    const { table } = this.scope;
    const free = () => this.scope.run((em) => em.query(`delete from ${table} where scope = $1 and key = $2 and status = 0`, [scope, key]));
    try {
      await free();
    } catch {
      const until = Date.now() + 60_000;
      const retry = () => {
        free().catch(() => {
          if (Date.now() < until) setTimeout(retry, 250).unref();
        });
      };
      setTimeout(retry, 250).unref();
    }
  }

  async run<T>(scope: string, key: string | undefined, request: unknown, fn: () => Promise<StoredResponse<T>>): Promise<StoredResponse<T> & { replayed: boolean }> {
    if (!key) return { ...(await fn()), replayed: false };
    const hash = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
    const { table, tenantId } = this.scope;
    const cols = tenantId ? 'tenant_id, scope, key' : 'scope, key';
    const vals = tenantId ? [tenantId, scope, key] : [scope, key];
    const n = vals.length;
    const find = () =>
      this.scope.run(async (em) => ((await em.query(`select request_hash, status, body from ${table} where scope = $1 and key = $2`, [scope, key])) as { request_hash: string; status: number; body: T }[])[0]);
    for (let waited = 0; ; waited += 100) {
      const claimed = await this.scope.run(async (em) => {
        const rows = (await em.query(
          `insert into ${table} (${cols}, request_hash, status, body) values (${vals.map((_, i) => `$${i + 1}`).join(', ')}, $${n + 1}, 0, 'null')
           on conflict (${cols}) do update set request_hash = excluded.request_hash, created_at = now()
             where ${table}.status = 0 and ${table}.created_at < now() - interval '1 minute'
           returning 1`,
          [...vals, hash],
        )) as unknown[];
        return rows.length === 1;
      });
      if (claimed) break;
      const prior = await find();
      if (prior && prior.request_hash !== hash) throw reused();
      if (prior && prior.status !== 0) return { status: prior.status, body: prior.body, replayed: true };
      if (waited > 120_000) throw new Error('idempotent twin did not finish');
      await new Promise((r) => setTimeout(r, 100));
    }
    let result: StoredResponse<T>;
    try {
      result = await fn();
    } catch (e) {
      await this.release(scope, key);
      throw e;
    }
    await this.scope.run((em) => em.query(`update ${table} set status = $3, body = $4 where scope = $1 and key = $2`, [scope, key, result.status, JSON.stringify(result.body)]));
    return { ...result, replayed: false };
  }
}
