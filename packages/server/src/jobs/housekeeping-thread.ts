import { parentPort, workerData } from 'node:worker_threads';
import PgBoss from 'pg-boss';

/**
 * pg-boss's own housekeeping, on a thread of its own (started by JobQueues): the cron monitor that
 * turns schedules into jobs, and maintenance (expiry, archive, retention). Evaluating the cron
 * expressions (cron-parser on luxon) takes tens of milliseconds of CPU every 30 seconds per
 * region; on the API's event loop that was a stall every request in flight waited out. Jobs are
 * still worked on the main thread; this thread only enqueues and tidies.
 */
const { urls } = workerData as { urls: Record<string, string> };
const port = parentPort!;
const bosses: PgBoss[] = [];

try {
  for (const [region, url] of Object.entries(urls)) {
    // migrate: false — the main thread's instances have created or upgraded the schema already.
    // A bounded wait for a connection, so stopping never waits on a request the ended pool will not answer (queues.ts).
    const options = { connectionString: url, schema: 'pgboss', application_name: `satupintu-housekeeping-${region}`, max: 2, connectionTimeoutMillis: 10_000, migrate: false, schedule: true, supervise: true };
    const boss = new PgBoss(options);
    boss.on('error', (err: Error) => port.postMessage({ type: 'error', region, message: err.message }));
    await boss.start();
    bosses.push(boss);
  }
  port.postMessage({ type: 'ready' });
} catch (err) {
  // Ends the thread: the owner reports it, or tries again later.
  port.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  await Promise.allSettled(bosses.map((b) => b.stop({ graceful: false, wait: true, timeout: 1_000 })));
  process.exit(1);
}

port.on('message', (m: { type: string }) => {
  if (m.type !== 'stop') return;
  void Promise.allSettled(bosses.map((b) => b.stop({ graceful: true, wait: true, timeout: 10_000 }))).then(() => port.postMessage({ type: 'stopped' }));
});
