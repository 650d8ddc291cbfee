import type { UnitOfWork } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import type { JobCtx } from './jobs/spec.js';

export interface OrphanSweep {
  /** Key prefix the sweep owns in the region's bucket. */
  prefix: string;
  /** Extracts the tenant id from a key; a key it does not match is an orphan of no tenant. */
  keyPattern: RegExp;
  /** Returns the keys among `$1` (text[]) that rows of the tenant point at, as `object_key`. */
  knownSql: string;
  /** Log message for each removed object. */
  removedMessage: string;
  /** Objects younger than this may be waiting for their row's commit. */
  graceMs: number;
  /** Keys checked per round trip (default 1000, one listing page). */
  page?: number;
}

export interface SweepReport {
  scanned: number;
  orphansRemoved: number;
  keptYoung: number;
}

/**
 * Removes objects under a prefix that no row points at, older than the grace period. Keys are
 * grouped per tenant (each tenant's rows are read under its own RLS context) and checked a page at
 * a time, so memory and query size stay bounded however many objects a region holds.
 */
export class OrphanSweeper {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: ObjectStore,
  ) {}

  async sweep(job: JobCtx, region: string, sweep: OrphanSweep): Promise<SweepReport> {
    const page = sweep.page ?? 1000;
    const cutoff = job.now.getTime() - sweep.graceMs;
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
            : new Set((await this.uow.read({ tenant: { id: tenantId, homeRegion: region }, now: job.now, log: job.log }, (tx) => tx.sql.rows<{ object_key: string }>(sweep.knownSql, [keys]))).map((r) => r.object_key));
        for (const key of keys) {
          if (known.has(key)) continue;
          await this.store.delete(region, key);
          orphansRemoved++;
          job.log.info({ region, key }, sweep.removedMessage);
        }
      }
    };
    for await (const o of this.store.list(region, sweep.prefix)) {
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
}
