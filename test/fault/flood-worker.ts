import { parentPort, workerData } from 'node:worker_threads';
import { timedRequest, type Answer } from './timed-request.js';

/**
 * The noisy tenant's load generator, on its own thread so that sending and parsing its answers
 * does not delay the quiet tenant's client (whose latencies are the measurement). The parent sends
 * one message per phase and receives that phase's answers.
 */
interface FloodTarget {
  url: string;
  /** JSON body: the flood writes (POST) when given, else reads (GET). */
  body?: string;
}
interface FloodPhase {
  rps: number;
  durationMs: number;
  cap: number;
  /** Access tokens for this phase (taken in turn). */
  tokens: string[];
}
const { url, body } = workerData as FloodTarget;

/** One flood phase: `rps` requests per second for `durationMs` (open loop), at most `cap` in flight. */
async function phase(job: FloodPhase): Promise<{ answers: Answer[]; skipped: number }> {
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
parentPort!.on('message', (job: FloodPhase) => {
  void phase(job).then((r) => parentPort!.postMessage(r));
});
parentPort!.postMessage('ready');
