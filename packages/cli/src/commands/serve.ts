import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { loadConfig } from '@satupintu/core';
import { startPlatform, createLogger, type Platform } from '@satupintu/server';

export type ServeRole = 'api' | 'worker' | 'all';
export const SERVE_ROLES: readonly ServeRole[] = ['api', 'worker', 'all'];

export interface Serving {
  platform: Platform;
  logger: Logger;
  /** The worker's health listener (`HEALTH_PORT`), when one runs. */
  health?: http.Server;
  healthUrl?: string;
  startedMs: number;
}

/** Milliseconds to keep accepting (with /readyz 503) after SIGTERM before closing the listener. */
function drainDelayMs(env: NodeJS.ProcessEnv): number {
  const raw = env.SHUTDOWN_DRAIN_MS;
  if (raw === undefined || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 120_000) throw new Error(`SHUTDOWN_DRAIN_MS must be an integer 0–120000 (got ${raw})`);
  return n;
}

/**
 * Exports the spans still buffered and stops tracing, at most `timeoutMs` (packages/server/src/tracing.ts,
 * started by bin/satupintu.js before anything else); nothing when no OTLP endpoint is configured.
 */
async function flushTraces(timeoutMs = 5_000): Promise<void> {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT && !process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return;
  const tracing = (await import(new URL('./tracing.ts', import.meta.resolve('@satupintu/server')).href)) as { stopTracing(timeoutMs?: number): Promise<void> };
  await tracing.stopTracing(timeoutMs);
}

/**
 * `satupintu serve --role api|worker|all` (and `start`, which is `all` with its banner).
 * - `api` serves HTTP and only enqueues jobs: no pg-boss worker, no cron schedule, no
 *   housekeeping thread.
 * - `worker` works every queued and scheduled job and listens for nothing but, when
 *   `HEALTH_PORT` is set, a tiny /healthz + /readyz listener for orchestrators.
 * SIGTERM/SIGINT: /readyz answers 503 at once, in-flight requests finish (10 s at most), the
 * workers stop at a job boundary (pg-boss graceful stop), everything closes, the spans still
 * buffered are exported (5 s at most, when tracing), exit 0.
 * A second signal stops at once (exit 1). When the parent process goes away (e.g. the `npm`
 * that ran us was killed), the same graceful shutdown runs.
 */
export async function serve(role: ServeRole, opts: { onReady?: (s: Serving) => void | Promise<void> } = {}): Promise<Serving> {
  const env = process.env;
  const config = loadConfig(env);
  const drainMs = drainDelayMs(env);
  const healthPort = env.HEALTH_PORT ? Number(env.HEALTH_PORT) : undefined;
  if (healthPort !== undefined && (!Number.isInteger(healthPort) || healthPort < 0 || healthPort > 65535))
    throw new Error(`HEALTH_PORT must be a port number 0–65535 (got ${env.HEALTH_PORT})`);
  const logger = createLogger(config).child({ role, pid: process.pid });
  const startedMs = Date.now();

  let signals = 0;
  // Ctrl-C in a terminal reaches the embedded PostgreSQL too, which ends its sessions at once: a
  // job finishing at that moment (pg-boss marking it complete) fails with 57P01 outside any
  // caller (or, a moment later, 57P03 "the database system is shutting down"). During shutdown
  // that is expected — the job is retried after the next start — so it is logged, not fatal. Any
  // other unhandled rejection still ends the process.
  process.on('unhandledRejection', (err) => {
    const code = (err as { code?: string } | undefined)?.code;
    if (signals > 0 && (code === '57P01' || code === '57P03' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || /Connection terminated/.test(String(err)))) {
      logger.warn({ err }, 'database went away during shutdown');
      return;
    }
    logger.fatal({ err }, 'unhandled rejection');
    process.exit(1);
  });

  const platform = await startPlatform(config, { logger, role });
  let stopping = false;
  let health: http.Server | undefined;
  let healthUrl: string | undefined;
  if (role === 'worker' && healthPort !== undefined) {
    health = http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, { status: 'method-not-allowed' });
      if (path === '/healthz') return reply(200, { status: 'ok', role });
      if (path !== '/readyz') return reply(404, { status: 'not-found' });
      if (stopping) return reply(503, { status: 'shutting-down', role });
      void Promise.all(
        platform.config.regions.map((r) =>
          platform.jobs.check(r.id).then(
            () => ({ name: `jobs:${r.id}`, ok: true }),
            () => ({ name: `jobs:${r.id}`, ok: false }),
          ),
        ),
      ).then((checks) => {
        const ok = checks.every((c) => c.ok) && !stopping;
        reply(ok ? 200 : 503, { status: ok ? 'ok' : stopping ? 'shutting-down' : 'unavailable', role, checks });
      });
    });
    health.keepAliveTimeout = 1_000;
    const h = health;
    await new Promise<void>((resolve, reject) => {
      h.once('error', reject);
      h.listen(healthPort, config.host, () => resolve());
    });
    healthUrl = `http://${config.host}:${(h.address() as AddressInfo).port}`;
  }

  const serving: Serving = { platform, logger, health, healthUrl, startedMs };
  const shutdown = (why: string) => {
    signals += 1;
    if (signals > 1) {
      console.error(`${why} again: stopping now`);
      void platform.infra.stop().finally(() => process.exit(1));
      return;
    }
    stopping = true;
    console.log(`\n${why}: berhenti dengan rapi / shutting down gracefully…`);
    platform
      .stop({ drainMs })
      .then(async () => {
        if (health) {
          const closing = new Promise<void>((resolve) => health!.close(() => resolve()));
          health.closeAllConnections();
          await closing;
        }
        await flushTraces();
        console.log('Selesai / stopped.');
        process.exit(0);
      })
      .catch(async (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        await flushTraces(2_000);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // Orphaned (the parent that started us is gone, e.g. `npm start` killed with SIGKILL): the
  // embedded PostgreSQL must not outlive us, so stop as if signalled.
  const parent = process.ppid;
  if (parent > 1)
    setInterval(() => {
      if (process.ppid !== parent && signals === 0) shutdown('parent process exited');
    }, 1_000).unref();

  await opts.onReady?.(serving);
  return serving;
}

/** `satupintu serve --role api|worker`: one line saying what this process is and where it listens. */
export async function serveCommand(role: ServeRole): Promise<void> {
  await serve(role, {
    onReady: ({ platform, healthUrl, startedMs }) => {
      const where =
        role === 'worker'
          ? `jobs of ${platform.config.regions.map((r) => r.id).join(', ')}${healthUrl ? `; health ${healthUrl}/healthz ${healthUrl}/readyz` : ''}`
          : `${platform.url}/api/v1; health ${platform.url}/healthz ${platform.url}/readyz`;
      console.log(`Satupintu ${role} siap / ready (${Date.now() - startedMs} ms, pid ${process.pid}): ${where}`);
    },
  });
}
