import type { Logger } from 'pino';
import type { Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import { sweepOrphans } from '../../orphans.js';

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
  const r = await sweepOrphans(
    dbs,
    store,
    region,
    {
      prefix: 't/',
      keyPattern: KEY,
      knownSql: `select object_key from application_documents where object_key = any($1)
                 union select object_key from application_outputs where object_key = any($1)`,
      removedMessage: 'orphan object removed',
    },
    logger,
    graceMs,
  );
  return { region, ...r };
}
