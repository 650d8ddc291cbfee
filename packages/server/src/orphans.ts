import type { Logger } from 'pino';
import { withTenant, type Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';

export interface OrphanSweep {
  /** Key prefix the sweep owns in the region's bucket. */
  prefix: string;
  /** Extracts the tenant id from a key; a key it does not match is an orphan of no tenant. */
  keyPattern: RegExp;
  /** Returns the keys among `$1` (text[]) that rows of the tenant point at, as `object_key`. */
  knownSql: string;
  /** Log message for each removed object. */
  removedMessage: string;
  /** Keys checked per round trip (default 1000, one listing page). */
  page?: number;
}

/**
 * Removes objects under a prefix that no row points at, older than the grace period (a younger
 * one's row may be about to commit). Keys are grouped per tenant (each tenant's rows are read under
 * its own RLS context) and checked a page at a time, so memory and query size stay bounded.
 */
export async function sweepOrphans(dbs: Databases, store: ObjectStore, region: string, sweep: OrphanSweep, logger: Logger, graceMs: number): Promise<{ scanned: number; orphansRemoved: number; keptYoung: number }> {
  const page = sweep.page ?? 1000;
  const cutoff = Date.now() - graceMs;
  let scanned = 0;
  let keptYoung = 0;
  let orphansRemoved = 0;
  let pending = new Map<string, string[]>();
  let pendingCount = 0;
  const flush = async () => {
    const batch = pending;
    pending = new Map();
    pendingCount = 0;
    for (const [tenantId, keys] of batch) {
      const known =
        tenantId === 'unparseable'
          ? new Set<string>()
          : await withTenant(dbs.region(region), tenantId, async (em) => new Set(((await em.query(sweep.knownSql, [keys])) as { object_key: string }[]).map((r) => r.object_key)));
      for (const key of keys) {
        if (known.has(key)) continue;
        await store.delete(region, key);
        orphansRemoved++;
        logger.info({ region, key }, sweep.removedMessage);
      }
    }
  };
  for await (const o of store.list(region, sweep.prefix)) {
    // A key ending in "/" is a folder marker (S3Proxy's filesystem store lists its directories so;
    // consoles create them), never an object of ours.
    if (o.key.endsWith('/')) continue;
    scanned++;
    if (o.lastModified.getTime() > cutoff) {
      keptYoung++;
      continue;
    }
    const tenant = sweep.keyPattern.exec(o.key)?.[1] ?? 'unparseable';
    const keys = pending.get(tenant);
    if (keys) keys.push(o.key);
    else pending.set(tenant, [o.key]);
    if (++pendingCount >= page) await flush();
  }
  await flush();
  return { scanned, orphansRemoved, keptYoung };
}
