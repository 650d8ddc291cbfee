import { parentPort, workerData } from 'node:worker_threads';

/**
 * The noisy tenant's load generator, on its own thread so that sending and parsing its answers
 * does not delay the quiet tenant's client (whose latencies are the measurement). The parent sends
 * one message per phase and receives that phase's answers.
 */
interface FloodTarget {
  url: string;
  /** JSON body: the flood writes (POST) when given, else reads (GET). */
  body?: string;
  tokens: string[];
}
interface FloodPhase {
  rps: number;
  durationMs: number;
  cap: number;
}
interface FloodAnswer {
  status: number;
  ms: number;
  retryAfter: string | null;
  rateLimit: string | null;
  problem: boolean;
  code?: string;
}

const { url, body, tokens } = workerData as FloodTarget;

/** One flood phase: `rps` requests per second for `durationMs` (open loop), at most `cap` in flight. */
async function phase(job: FloodPhase): Promise<{ answers: FloodAnswer[]; skipped: number }> {
  const answers: FloodAnswer[] = [];
  let skipped = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now();
  let sent = 0;
  const one = async (i: number): Promise<void> => {
    const t0 = performance.now();
    try {
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${tokens[i % tokens.length]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      const problem = /application\/problem\+json/.test(res.headers.get('content-type') ?? '');
      answers.push({
        status: res.status,
        ms: performance.now() - t0,
        retryAfter: res.headers.get('retry-after'),
        rateLimit: res.headers.get('ratelimit'),
        problem,
        code: problem ? (JSON.parse(text) as { code?: string }).code : undefined,
      });
    } catch {
      answers.push({ status: 0, ms: performance.now() - t0, retryAfter: null, rateLimit: null, problem: false });
    }
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
