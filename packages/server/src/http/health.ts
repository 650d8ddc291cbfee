import type { Router } from 'express';
import type { Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import type { JobQueues } from '../jobs/queues.js';

interface Check {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

async function timed(name: string, fn: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<Check> {
  const started = Date.now();
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(ac.signal),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          ac.abort();
          reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
    return { name, ok: true, ms: Date.now() - started };
  } catch (e) {
    return { name, ok: false, ms: Date.now() - started, error: e instanceof Error ? e.message || e.name : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * /healthz: the process is alive. /readyz: every dependency answers — the control plane and, per
 * region, its database, its bucket and its job queue. 503 while any does not.
 */
export function healthRoutes(router: Router, deps: { dbs: Databases; store: ObjectStore; jobs: JobQueues; isShuttingDown: () => boolean }) {
  router.get('/healthz', (_req, res) => {
    res.locals.route = '/healthz';
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.locals.route = '/readyz';
    const t = 2_000;
    const checks = await Promise.all([
      timed('database:control', () => deps.dbs.control.query('select 1'), t),
      ...deps.dbs.regionIds().flatMap((r) => [
        timed(`database:${r}`, () => deps.dbs.region(r).query('select 1'), t),
        timed(`bucket:${r}`, (signal) => deps.store.check(r, signal), t),
        timed(`jobs:${r}`, () => deps.jobs.check(r), t),
      ]),
    ]);
    const ok = checks.every((c) => c.ok) && !deps.isShuttingDown();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : deps.isShuttingDown() ? 'shutting-down' : 'unavailable', checks });
  });
}
