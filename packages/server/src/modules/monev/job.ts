import { localDate, plusDays } from '@satupintu/core';
import { workContext } from '../../context.js';
import type { JobSpec } from '../../jobs/spec.js';
import { previousQuarter } from '../skm/index.js';
import type { MonevService } from './service.js';

export const MONEV_ALERTS_JOB = 'monev.alerts';

/**
 * 02:00 UTC every day: the Monev alerts over the previous calendar quarter (both kinds: a closed
 * quarter is a stable period, and history imported since is taken in), and the launch windows of
 * the current quarter so far (lowest-in-region waits for the quarter to close, so its periods
 * stay whole quarters). The alerts are national: the control plane is one, so only the default
 * region's worker runs it; the others return at once. Idempotent, like the evaluation route.
 */
export function monevAlertsJob(monev: MonevService, defaultRegion: string): JobSpec {
  return {
    name: MONEV_ALERTS_JOB,
    cron: '0 2 * * *',
    run: async (job, { region }) => {
      if (region !== defaultRegion) return { skipped: true };
      const ctx = workContext({ clock: job.clock, log: job.log, route: MONEV_ALERTS_JOB });
      const today = localDate(job.now, 'Asia/Jakarta');
      const closed = previousQuarter(today);
      const past = await monev.evaluate({ ...ctx, now: job.now }, closed);
      const current = await monev.evaluate({ ...ctx, now: job.now }, { from: plusDays(closed.to, 1), to: today }, {}, { lowest: false });
      job.log.info({ quarter: closed, raised: past.raised + current.raised, cleared: past.cleared + current.cleared }, 'Monev alerts evaluated');
      return { quarter: closed, raised: past.raised + current.raised, cleared: past.cleared + current.cleared };
    },
  };
}
