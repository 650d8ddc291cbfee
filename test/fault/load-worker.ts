import { parentPort, workerData } from 'node:worker_threads';
import { timedRequest, type Answer } from './timed-request.js';

/**
 * A load generator on its own thread (noisy-neighbour.test.ts runs two: the quiet tenant's client
 * and the flood). Each has its own event loop, so neither the other's work nor what the test
 * process does meanwhile (it also serves the harness S3, whose bucket listings for the API's
 * reconcilers take a while) delays the quiet client's requests or its clock. The parent sends one
 * message per phase and receives that phase's answers.
 */
interface LoadTarget {
  url: string;
  /** JSON body: the load writes (POST) when given, else reads (GET). */
  body?: string;
}
export interface LoadPhase {
  rps: number;
  durationMs: number;
  /** At most this many requests in flight; a request due beyond it is skipped (counted). */
  cap: number;
  /** Access tokens for this phase (taken in turn). */
  tokens: string[];
  /**
   * A sender that fell behind (its own event loop stalled) sends at most this many overdue requests
   * at once and skips (counts) the rest: a paced client does not burst into its own budget.
   * Unset: it catches up fully (the flood).
   */
  maxCatchUp?: number;
}
const { url, body } = workerData as LoadTarget;

/** One phase: `rps` requests per second for `durationMs`, open loop (a slow server does not slow the sender). */
async function phase(job: LoadPhase): Promise<{ answers: Answer[]; skipped: number }> {
  const answers: Answer[] = [];
  let skipped = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  let sent = 0;
  const one = async (i: number): Promise<void> => {
    answers.push(
      await timedRequest(url, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${job.tokens[i % job.tokens.length]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
      }),
    );
  };
  while (performance.now() - start < job.durationMs) {
    const due = Math.floor(((performance.now() - start) / 1000) * job.rps);
    if (job.maxCatchUp !== undefined && due - sent > job.maxCatchUp) {
      skipped += due - sent - job.maxCatchUp;
      sent = due - job.maxCatchUp;
    }
    while (sent < due) {
      if (pending.size >= job.cap) {
        skipped++;
        sent++;
        continue;
      }
      const p = one(sent++).then(() => {
        pending.delete(p);
      });
      pending.add(p);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  return { answers, skipped };
}

// Booted once and driven phase by phase, so that starting the thread (loading TypeScript) does not
// fall inside a measured phase.
parentPort!.on('message', (job: LoadPhase) => {
  void phase(job).then((r) => parentPort!.postMessage(r));
});
parentPort!.postMessage('ready');
