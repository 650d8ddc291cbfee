import type { Logger } from 'pino';
import type { Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import { sweepOrphans } from '../../orphans.js';

export const RECONCILE_JOB = 'complaints.reconcile';
export const ATTACHMENT_PREFIX = 'pengaduan/';
const KEY = /^pengaduan\/t\/([0-9a-f-]{36})\/c\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Removes complaint attachment objects no row points at (a process that died between writing the
 * object and committing its row, where the compensation could not run). Attachments live outside
 * `t/`, which the application reconciler owns. Objects younger than the grace period are left alone.
 */
export async function reconcileComplaintAttachments(dbs: Databases, store: ObjectStore, region: string, logger: Logger, graceMs = 15 * 60_000): Promise<{ scanned: number; orphansRemoved: number }> {
  const { scanned, orphansRemoved } = await sweepOrphans(
    dbs,
    store,
    region,
    { prefix: ATTACHMENT_PREFIX, keyPattern: KEY, knownSql: 'select object_key from complaint_attachments where object_key = any($1)', removedMessage: 'orphan complaint attachment removed' },
    logger,
    graceMs,
  );
  return { scanned, orphansRemoved };
}
