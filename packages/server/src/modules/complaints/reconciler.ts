import type { JobSpec } from '../../jobs/spec.js';
import type { OrphanSweeper } from '../../orphans.js';

export const RECONCILE_JOB = 'complaints.reconcile';
/** Attachments live outside `t/`, which the application reconciler owns. */
export const ATTACHMENT_PREFIX = 'pengaduan/';
const KEY = /^pengaduan\/t\/([0-9a-f-]{36})\/c\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/**
 * Removes complaint attachment objects no row points at (a process that died between writing the
 * object and committing its row, where the compensation could not run). Objects younger than the
 * grace period are left alone: their row may be about to commit. Every 15 minutes per region.
 */
export function reconcileJob(sweeper: OrphanSweeper): JobSpec<{ graceMs?: number }> {
  return {
    name: RECONCILE_JOB,
    cron: '*/15 * * * *',
    run: async (job, { region, graceMs }) => {
      const r = await sweeper.sweep(job, region, {
        prefix: ATTACHMENT_PREFIX,
        keyPattern: KEY,
        knownSql: 'select object_key from complaint_attachments where object_key = any($1)',
        removedMessage: 'orphan complaint attachment removed',
        graceMs: graceMs ?? 15 * 60_000,
      });
      if (r.orphansRemoved) job.log.info({ region, ...r }, 'complaint attachments reconciled');
      return { region, ...r };
    },
  };
}
