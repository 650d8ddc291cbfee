import { parentPort, workerData } from 'node:worker_threads';

/**
 * The rush's load, on its own thread: `attempts` POSTs spread evenly over `seconds`, at most
 * `concurrency` in flight; person i tries up to five times (the same token each time).
 */
const { url, tokens, attempts, concurrency, seconds } = workerData as { url: string; tokens: string[]; attempts: number; concurrency: number; seconds: number };
const results: { person: number; sentAt: number; doneAt: number; status: number; code?: string }[] = [];
const started = performance.now();
const interval = (seconds * 1000) / attempts;
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < attempts) {
      const n = next++;
      // Arrivals paced over the window (a crowd pressing "book" as the session opens), never faster.
      const due = started + n * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const person = n % tokens.length;
      const sentAt = performance.now();
      try {
        const r = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${tokens[person]}`, 'content-type': 'application/json' }, body: '{}' });
        const body = (await r.json().catch(() => ({}))) as { code?: string };
        results.push({ person, sentAt, doneAt: performance.now(), status: r.status, ...(body.code ? { code: body.code } : {}) });
      } catch {
        results.push({ person, sentAt, doneAt: performance.now(), status: 0 });
      }
    }
  }),
);
parentPort!.postMessage({ ms: performance.now() - started, results });
