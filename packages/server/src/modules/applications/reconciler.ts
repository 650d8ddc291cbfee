import type { Logger } from 'pino';
import { withTenant, type Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';

export interface ReconcileReport {
  region: string;
  scanned: number;
  orphansRemoved: number;
  keptYoung: number;
}

const KEY = /^t\/([0-9a-f-]{36})\/a\/[0-9a-f-]{36}\/(?:o\/)?[a-z0-9-]+$/;

/**
 * Removes objects no row points at (an upload whose process died between writing the object and
 * committing its row, or a compensation that could not run). Objects younger than the grace period
 * are left alone: their row may be about to commit.
 */
export async function reconcileOrphans(dbs: Databases, store: ObjectStore, region: string, logger: Logger, graceMs = 15 * 60_000): Promise<ReconcileReport> {
  const byTenant = new Map<string, string[]>();
  let scanned = 0;
  let keptYoung = 0;
  const cutoff = Date.now() - graceMs;
  for await (const o of store.list(region, 't/')) {
    scanned++;
    if (o.lastModified.getTime() > cutoff) {
      keptYoung++;
      continue;
    }
    const m = KEY.exec(o.key);
    const tenant = m?.[1] ?? 'unparseable';
    byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), o.key]);
  }
  let orphansRemoved = 0;
  for (const [tenantId, keys] of byTenant) {
    const known =
      tenantId === 'unparseable'
        ? new Set<string>()
        : await withTenant(dbs.region(region), tenantId, async (em) => {
            const rows = (await em.query(
              `select object_key from application_documents where object_key = any($1)
               union select object_key from application_outputs where object_key = any($1)`,
              [keys],
            )) as { object_key: string }[];
            return new Set(rows.map((r) => r.object_key));
          });
    for (const key of keys.filter((k) => !known.has(k))) {
      await store.delete(region, key);
      orphansRemoved++;
      logger.info({ region, key }, 'orphan object removed');
    }
  }
  return { region, scanned, orphansRemoved, keptYoung };
}
