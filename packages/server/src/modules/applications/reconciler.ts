import type { JobSpec } from '../../jobs/spec.js';
import type { OrphanSweeper } from '../../orphans.js';

export const RECONCILE_JOB = 'storage.reconcile';
const KEY = /^t\/([0-9a-f-]{36})\/a\/[0-9a-f-]{36}\/(?:o\/)?[a-z0-9-]+$/;

/**
 * Removes objects no row points at (an upload whose process died between writing the object and
 * committing its row, or a compensation that could not run). Objects younger than the grace
 * period are left alone: their row may be about to commit. Every 15 minutes per region.
 */
export function reconcileJob(sweeper: OrphanSweeper): JobSpec<{ graceMs?: number }> {
  return {
    name: RECONCILE_JOB,
    cron: '*/15 * * * *',
    run: async (job, { region, graceMs }) => {
      const r = await sweeper.sweep(job, region, {
        prefix: 't/',
        keyPattern: KEY,
        knownSql: `select object_key from application_documents where object_key = any($1)
                   union select object_key from application_outputs where object_key = any($1)
                   union select object_key from application_consent_scans where object_key = any($1)`,
        removedMessage: 'orphan object removed',
        graceMs: graceMs ?? 15 * 60_000,
      });
      if (r.orphansRemoved) job.log.info({ region, ...r }, 'storage reconciled');
      return { region, ...r };
    },
  };
}
