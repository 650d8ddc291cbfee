import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import canonicalizeModule from 'canonicalize';
import { defineProblem, isUuid, newId } from '@satupintu/core';
import type { Databases } from './datasources.js';
import { sqlOn, sqlState, type Sql, type SqlStats } from './sql.js';
import { TENANT_FENCED_SQLSTATE } from './migrations/region-tenant-move.js';

/** What a unit of work needs to know about its caller: the tenant, the clock reading, where to count. */
export interface WorkScope {
  tenant: { id: string; homeRegion: string };
  /** The scope's "now" (the request's or the job's clock reading): outbox rows are stamped with it. */
  now: Date;
  /** Statement and transaction counts of the request or job; `open` (databases with a transaction open) guards against nesting. */
  stats?: SqlStats & { open?: string[] };
  /** Where a failed after-commit step is reported (the request's or job's logger). */
  log?: { warn(obj: object, msg: string): void };
  /** A retryable write's Idempotency-Key (see Idempotency): claimed inside the transaction. */
  idempotency?: Idempotency;
}

/**
 * A write a client may retry with the same `Idempotency-Key`. The key is claimed by the write's own
 * transaction (an insert that a concurrent twin waits on until the first commits or rolls back),
 * and the answer is stored by the same commit: a retry gets the first answer (`replayed`), the same
 * key with another request is refused, a failed attempt leaves no claim behind (its rollback takes
 * it), and a crashed process's claim goes with its connection. `scope` binds the key to the
 * operation and the caller, so one caller's key never answers another's request.
 */
export interface Idempotency {
  /** The key as the client sent it: only its digest is stored, and it is never logged. */
  key: string;
  scope: string;
  /** The request as the client sent it; compared by canonical JSON (member order does not matter). */
  request: unknown;
  /**
   * Runs before a stored answer is replayed, in the replay's transaction: the caller's access to
   * the resource is checked again (a clerk moved to another agency, a withdrawn membership), so a
   * replay never shows what a fresh request would be refused.
   */
  recheck?: (sql: Sql) => Promise<void>;
  /** Set when the answer came from the stored first attempt. */
  replayed?: boolean;
}

/** How long a key answers retries (then the purge job removes its record). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const canonicalize = canonicalizeModule as unknown as (v: unknown) => string;
const fingerprint = (request: unknown) => createHash('sha256').update(canonicalize(request ?? null) ?? 'null').digest('hex');
const keyDigest = (key: string) => createHash('sha256').update(key).digest('base64url');

/** The same key with another request (another body, or another resource) is refused, never answered with the first. */
export const idempotencyKeyReused = defineProblem({
  code: 'IDEMPOTENCY_KEY_REUSED',
  status: 422,
  title: { id: 'Idempotency-Key sudah dipakai untuk permintaan lain', en: 'Idempotency-Key was used for a different request' },
  description: { id: 'Pakai kunci baru untuk setiap permintaan baru; ulangi dengan kunci yang sama hanya untuk permintaan yang persis sama.', en: 'Use a new key for each new request; reuse a key only to retry the very same request.' },
});
const keyReused = idempotencyKeyReused;

/** Seconds a client is asked to wait before retrying a write refused by a tenant move. */
export const TENANT_MOVING_RETRY_AFTER_S = 15;

/**
 * A write of a tenant whose data is moving to another region (or has just moved, and this process
 * has not heard yet): refused, nothing stored; reads go on. Retrying after Retry-After reaches the
 * tenant's new home once the move is done.
 */
export const tenantMoving = defineProblem(
  {
    code: 'TENANT_MOVING',
    status: 503,
    title: { id: 'Data tenant sedang dipindahkan ke region lain', en: "The tenant's data is moving to another region" },
    description: {
      id: 'Perubahan ditolak selama pemindahan (biasanya beberapa detik sampai beberapa menit); tidak ada yang tersimpan. Data tetap bisa dibaca. Ulangi setelah Retry-After detik.',
      en: 'Changes are refused while the move runs (usually seconds to minutes); nothing was stored. Reading still works. Retry after Retry-After seconds.',
    },
  },
  () => ({
    detail: { id: 'Ulangi permintaan ini sebentar lagi; permintaan ini tidak tersimpan.', en: 'Retry this request shortly; it was not stored.' },
    headers: { 'Retry-After': String(TENANT_MOVING_RETRY_AFTER_S) },
  }),
);

/** Claims the key; returns the stored answer when an earlier attempt committed one (after re-checking access). */
async function claim(sql: Sql, table: 'tenant_idempotency' | 'idempotency_records', tenantId: string | undefined, idem: Idempotency, now: Date): Promise<{ body: unknown } | undefined> {
  const hash = fingerprint(idem.request);
  const digest = keyDigest(idem.key);
  const cols = tenantId ? 'tenant_id, scope, key_digest' : 'scope, key_digest';
  const vals = tenantId ? [tenantId, idem.scope, digest] : [idem.scope, digest];
  const n = vals.length;
  const claimed = await sql.maybe(
    `insert into ${table} (${cols}, request_hash, status, body, created_at) values (${vals.map((_, i) => `$${i + 1}`).join(', ')}, $${n + 1}, 0, 'null', $${n + 2})
     on conflict (${cols}) do nothing returning 1 as claimed`,
    [...vals, hash, now],
  );
  if (claimed) return undefined;
  const prior = await sql.one<{ request_hash: string; body: unknown; created_at: Date }>(`select request_hash, body, created_at from ${table} where scope = $1 and key_digest = $2`, [idem.scope, digest]);
  // A record past its day (the purge has not come by yet) is forgotten: the key starts afresh.
  if (now.getTime() - prior.created_at.getTime() > IDEMPOTENCY_TTL_MS) {
    await sql.exec(`update ${table} set request_hash = $3, status = 0, body = 'null', created_at = $4 where scope = $1 and key_digest = $2`, [idem.scope, digest, hash, now]);
    return undefined;
  }
  if (prior.request_hash !== hash) throw keyReused();
  await idem.recheck?.(sql);
  return { body: prior.body };
}

async function store(sql: Sql, table: 'tenant_idempotency' | 'idempotency_records', idem: Idempotency, body: unknown): Promise<void> {
  await sql.exec(`update ${table} set status = 200, body = $3 where scope = $1 and key_digest = $2`, [idem.scope, keyDigest(idem.key), JSON.stringify(body ?? null)]);
}

/** Forgets the records older than a day (run by the purge job: a tenant's in its region, the control plane's once). */
export async function purgeIdempotency(sql: Sql, table: 'tenant_idempotency' | 'idempotency_records', now: Date): Promise<number> {
  const rows = await sql.rows<{ n: number }>(`with gone as (delete from ${table} where created_at < $1 returning 1) select count(*)::int as n from gone`, [new Date(now.getTime() - IDEMPOTENCY_TTL_MS)]);
  return rows[0]?.n ?? 0;
}

/** In-process domain events: handlers run inside the publishing transaction and commit with it. */
export type EventHandler<P> = (tx: TenantTx, payload: P) => Promise<void>;

export class EventBus<M extends object> {
  private readonly handlers = new Map<keyof M, EventHandler<never>[]>();

  on<K extends keyof M>(type: K, handler: EventHandler<M[K]>): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler as EventHandler<never>]);
  }

  async emit<K extends keyof M>(tx: TenantTx, type: K, payload: M[K]): Promise<void> {
    for (const h of this.handlers.get(type) ?? []) await (h as EventHandler<M[K]>)(tx, payload);
  }
}

/** The one transaction of a write, as a service sees it. */
export interface TenantTx {
  readonly tenantId: string;
  readonly sql: Sql;
  readonly now: Date;
  /** A message for the workers (notifications, signed events), committed with the change or not at all. */
  outbox(kind: string, payload: Record<string, unknown>): Promise<void>;
  /** Work that must wait for the commit (enqueueing a job, deleting a superseded object); never runs on rollback. */
  afterCommit(step: () => unknown): void;
  /** Tells every process to drop its cached copy (pg_notify, delivered at commit). */
  changed(change: CacheChange): Promise<void>;
}

/** The control plane's transaction (tenant directory, registry, national store). */
export interface ControlTx {
  readonly sql: Sql;
  afterCommit(step: () => unknown): void;
  changed(change: CacheChange): Promise<void>;
}

/** A change other processes' caches must hear about (see ChangeFeed). */
export type CacheChange =
  | { kind: 'tenant'; tenantId: string; slug: string }
  | { kind: 'installations'; tenantId: string }
  | { kind: 'closures'; tenantId: string }
  | { kind: 'session-seats'; tenantId: string; sessionId: string }
  | { kind: 'holidays' };

export const CHANGE_CHANNEL = 'satupintu_changes';

/**
 * The unit of work: one transaction per write, in the tenant's home region, with the tenant set
 * first (`set_config('app.tenant_id', …, true)`: row-level security scopes every statement and
 * nothing leaks into the connection's next use), outbox rows (and what domain-event handlers write) in the same
 * commit, after-commit steps only after it. Slow I/O belongs before the transaction or after it
 * (through the outbox): never while rows are locked.
 */
export class UnitOfWork {
  private readonly outboxListeners: ((tenant: WorkScope['tenant']) => unknown)[] = [];

  constructor(private readonly dbs: Databases) {}

  /** Called after a commit that wrote outbox rows (the notification module wakes its dispatcher for that tenant). */
  onOutbox(listener: (tenant: WorkScope['tenant']) => unknown): void {
    this.outboxListeners.push(listener);
  }

  /**
   * The write of a request or job: one transaction in the tenant's home region. When the scope
   * carries an Idempotency-Key, the key is claimed first and the answer stored with the commit.
   */
  write<T>(scope: WorkScope, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
    return this.tenantTx(scope, true, fn);
  }

  /** A read under the tenant's RLS context (a transaction, so `set_config` stays local to it); never claims a key. */
  read<T>(scope: WorkScope, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
    return this.tenantTx(scope, false, fn);
  }

  private async tenantTx<T>(scope: WorkScope, claimKey: boolean, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
    const { tenant } = scope;
    // The tenant id is written into the transaction's first statement; only a UUID may go there.
    if (!isUuid(tenant.id)) throw new Error(`not a tenant id: ${tenant.id}`);
    const after: (() => unknown)[] = [];
    let wroteOutbox = false;
    // The tenant is set inside the transaction (local to it), in the same round trip as BEGIN: the
    // id is a checked UUID, the only value ever written into SQL text here. A write also passes the
    // tenant move fence in that round trip (region-tenant-move.ts): a shared advisory lock held to
    // the commit, and a refusal (TENANT_MOVING) while this region fences the tenant's writes.
    const begin = claimKey
      ? `BEGIN; SELECT set_config('app.tenant_id', '${tenant.id}', true); SELECT tenant_write_fence('${tenant.id}')`
      : `BEGIN; SELECT set_config('app.tenant_id', '${tenant.id}', true)`;
    const result = await this.transaction(this.dbs.region(tenant.homeRegion), tenant.homeRegion, scope, begin, async (sql) => {
      const tx: TenantTx = {
        tenantId: tenant.id,
        sql,
        now: scope.now,
        outbox: async (kind, payload) => {
          await sql.exec(`insert into notification_outbox (tenant_id, id, kind, payload, created_at) values ($1, $2, $3, $4, $5)`, [tenant.id, newId(), kind, JSON.stringify(payload), scope.now]);
          if (!wroteOutbox) for (const l of this.outboxListeners) after.push(() => l(tenant));
          wroteOutbox = true;
        },
        afterCommit: (step) => void after.push(step),
        changed: (change) => notify(sql, change),
      };
      const idem = claimKey ? scope.idempotency : undefined;
      if (!idem) return fn(tx);
      const prior = await claim(sql, 'tenant_idempotency', tenant.id, idem, scope.now);
      if (prior) {
        idem.replayed = true;
        return prior.body as T;
      }
      const out = await fn(tx);
      await store(sql, 'tenant_idempotency', idem, out);
      return out;
    }).catch((e: unknown) => {
      if (sqlState(e) === TENANT_FENCED_SQLSTATE) throw tenantMoving();
      throw e;
    });
    await runAfter(after, scope);
    return result;
  }

  /** Runs `fn` in one transaction of the control plane. */
  async control<T>(scope: Pick<WorkScope, 'stats' | 'log' | 'idempotency' | 'now'>, fn: (tx: ControlTx) => Promise<T>): Promise<T> {
    const after: (() => unknown)[] = [];
    const result = await this.transaction(this.dbs.control, 'control', scope, 'BEGIN', async (sql) => {
      const tx: ControlTx = { sql, afterCommit: (step) => void after.push(step), changed: (change) => notify(sql, change) };
      const idem = scope.idempotency;
      if (!idem) return fn(tx);
      const prior = await claim(sql, 'idempotency_records', undefined, idem, scope.now);
      if (prior) {
        idem.replayed = true;
        return prior.body as T;
      }
      const out = await fn(tx);
      await store(sql, 'idempotency_records', idem, out);
      return out;
    });
    await runAfter(after, scope);
    return result;
  }

  /**
   * One transaction on a pooled connection. `begin` is sent as the transaction's first round trip
   * (for a tenant: BEGIN and the tenant setting together, one simple-protocol message).
   */
  private async transaction<T>(ds: DataSource, name: string, scope: Pick<WorkScope, 'stats'>, begin: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
    const stats = scope.stats;
    if (stats) {
      // One transaction at a time per database and request or job: a nested one holds a pooled
      // connection while waiting for another, which under load starves the pool.
      if (stats.open?.includes(name)) throw new Error(`a unit of work is already open on ${name} in this scope (nested transaction)`);
      stats.open = [...(stats.open ?? []), name];
      stats.transactions++;
    }
    const runner = ds.createQueryRunner();
    let open = false;
    try {
      await runner.connect();
      open = true;
      await runner.query(begin);
      const result = await fn(sqlOn(runner, stats));
      await runner.query('COMMIT');
      open = false;
      return result;
    } catch (e) {
      // A failed statement leaves the transaction aborted: roll it back before the connection goes back to the pool.
      if (open) await runner.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      if (stats) stats.open = stats.open?.filter((n) => n !== name);
      await runner.release();
    }
  }
}

async function notify(sql: Sql, change: CacheChange): Promise<void> {
  await sql.exec(`select pg_notify($1, $2)`, [CHANGE_CHANNEL, JSON.stringify(change)]);
}

async function runAfter(steps: (() => unknown)[], scope: Pick<WorkScope, 'log'>): Promise<void> {
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      // The change is committed; what follows it is retried by its own sweep (jobs, reconcilers).
      scope.log?.warn({ err }, 'after-commit step failed');
    }
  }
}
