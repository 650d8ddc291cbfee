import type { Logger } from 'pino';
import { withTenant, type Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';

export const RECONCILE_JOB = 'complaints.reconcile';
export const ATTACHMENT_PREFIX = 'pengaduan/';
const KEY = /^pengaduan\/t\/([0-9a-f-]{36})\/c\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Removes complaint attachment objects no row points at (a process that died between writing the
 * object and committing its row, where the compensation could not run). Attachments live outside
 * `t/`, which the application reconciler owns. Objects younger than the grace period are left alone.
 */
export async function reconcileComplaintAttachments(dbs: Databases, store: ObjectStore, region: string, logger: Logger, graceMs = 15 * 60_000): Promise<{ scanned: number; orphansRemoved: number }> {
  const byTenant = new Map<string, string[]>();
  let scanned = 0;
  const cutoff = Date.now() - graceMs;
  for await (const o of store.list(region, ATTACHMENT_PREFIX)) {
    scanned++;
    if (o.lastModified.getTime() > cutoff) continue;
    const tenant = KEY.exec(o.key)?.[1] ?? 'unparseable';
    byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), o.key]);
  }
  let orphansRemoved = 0;
  for (const [tenantId, keys] of byTenant) {
    const known =
      tenantId === 'unparseable'
        ? new Set<string>()
        : await withTenant(dbs.region(region), tenantId, async (em) =>
            new Set(((await em.query('select object_key from complaint_attachments where object_key = any($1)', [keys])) as { object_key: string }[]).map((r) => r.object_key)),
          );
    for (const key of keys.filter((k) => !known.has(k))) {
      await store.delete(region, key);
      orphansRemoved++;
      logger.info({ region, key }, 'orphan complaint attachment removed');
    }
  }
  return { scanned, orphansRemoved };
}
