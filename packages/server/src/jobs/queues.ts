import type { Worker } from 'node:worker_threads';
import PgBoss from 'pg-boss';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import { tsxWorker } from './tsx-worker.js';
import type { JobSender } from './spec.js';

export type JobHandler<T extends object> = (data: T, jobId: string) => Promise<void>;

/**
 * The one job queue: pg-boss in each region's database (schema `pgboss`), so a region's jobs
 * (SLA timers, escalations, rollups) run next to the data they touch and survive restarts.
 * pg-boss manages its own schema, so it connects with the owner role, not the app role.
 *
 * Jobs are worked on this (the API's) thread; pg-boss's cron monitor and maintenance run on a
 * housekeeping thread (housekeeping-thread.ts), so that evaluating schedules never stalls requests.
 */
export class JobQueues implements JobSender {
  private readonly bosses = new Map<string, PgBoss>();
  private lastError: Map<string, string> = new Map();
  private housekeeping?: Worker;
  /** Settles when the current housekeeping thread runs (or failed to start). */
  private housekeepingStarted?: Promise<void>;
  private stopping = false;
  /** How long to wait before restarting a housekeeping thread that died (and between failed restarts). */
  restartDelayMs = 5_000;
  /** One slot pool for every queue of every region: background work yields to requests. */
  private readonly slots: LimitFunction;

  constructor(
    private readonly logger: Logger,
    concurrency = 2,
  ) {
    this.slots = pLimit(concurrency);
  }

  /** Starts each region's queue; `housekeeping` (cron and maintenance) only where jobs are worked. */
  async start(ownerUrls: Record<string, string>, opts: { housekeeping?: boolean } = {}): Promise<void> {
    this.stopping = false;
    for (const [region, url] of Object.entries(ownerUrls)) {
      const boss = new PgBoss({ connectionString: url, schema: 'pgboss', application_name: `satupintu-jobs-${region}`, max: 4, schedule: false, supervise: false });
      boss.on('error', (err: Error) => {
        this.lastError.set(region, err.message);
        this.logger.warn({ err, region }, 'job queue error');
      });
      await boss.start();
      this.bosses.set(region, boss);
    }
    if (opts.housekeeping !== false) await this.startHousekeeping(ownerUrls);
  }

  /** Starts the housekeeping thread and waits until its pg-boss instances run; restarts it if it dies. */
  private startHousekeeping(urls: Record<string, string>): Promise<void> {
    const worker = tsxWorker(new URL('./housekeeping-thread.ts', import.meta.url), { workerData: { urls }, name: 'satupintu-housekeeping' });
    this.housekeeping = worker;
    return (this.housekeepingStarted = new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (m: { type: string; region?: string; message?: string }) => {
        if (m.type === 'ready') {
          ready = true;
          resolve();
        } else if (m.type === 'failed') reject(new Error(`job housekeeping did not start: ${m.message}`));
        else if (m.type === 'error') {
          this.lastError.set(m.region!, m.message!);
          this.logger.warn({ region: m.region, err: { message: m.message } }, 'job housekeeping error');
        }
      });
      worker.on('error', (err) => this.logger.error({ err }, 'job housekeeping thread failed'));
      worker.on('exit', (code) => {
        if (this.housekeeping === worker) this.housekeeping = undefined;
        if (!ready) return reject(new Error(`job housekeeping thread exited with ${code} before it was ready`));
        if (this.stopping) return;
        this.logger.error({ code, inMs: this.restartDelayMs }, 'job housekeeping thread ended; restarting');
        this.restartHousekeeping(urls);
      });
    }));
  }

  /** Tries again every `restartDelayMs` until the thread runs (e.g. while the database is down). */
  private restartHousekeeping(urls: Record<string, string>): void {
    setTimeout(() => {
      if (this.stopping) return;
      this.startHousekeeping(urls).catch((err: unknown) => {
        this.logger.error({ err, inMs: this.restartDelayMs }, 'job housekeeping restart failed; trying again');
        this.restartHousekeeping(urls);
      });
    }, this.restartDelayMs).unref();
  }

  private async stopHousekeeping(): Promise<void> {
    const worker = this.housekeeping;
    if (!worker) return;
    this.housekeeping = undefined;
    const stopped = new Promise<void>((resolve) => {
      worker.on('message', (m: { type: string }) => m.type === 'stopped' && resolve());
      worker.once('exit', () => resolve());
    });
    worker.postMessage({ type: 'stop' });
    const late = setTimeout(() => void worker.terminate(), 12_000);
    await stopped;
    clearTimeout(late);
    await worker.terminate();
  }

  private boss(region: string): PgBoss {
    const b = this.bosses.get(region);
    if (!b) throw new Error(`job queue of region ${region} is not started`);
    return b;
  }

  /** Declares a queue in every region and registers its worker. */
  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    for (const [region, boss] of this.bosses) {
      await boss.createQueue(name);
      await boss.work<T>(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs)
          await this.slots(() => {
            this.logger.debug({ region, queue: name, job: job.id }, 'job');
            return handler(job.data, job.id);
          });
      });
    }
  }

  /** Runs `name` on a cron schedule in every region; each job's data names its region. */
  async schedule(name: string, cron: string): Promise<void> {
    for (const [region, boss] of this.bosses) {
      await boss.createQueue(name);
      await boss.schedule(name, cron, { region }, { tz: 'UTC' });
    }
  }

  /** Enqueues a job in a region. `singletonKey` makes a retried send a no-op while one is queued. */
  async send<T extends object>(region: string, name: string, data: T, options: { singletonKey?: string; startAfter?: Date } = {}): Promise<string | null> {
    const boss = this.boss(region);
    await boss.createQueue(name);
    return boss.send(name, data, options);
  }

  /** Readiness of one region's queue: its database answers through pg-boss. */
  async check(region: string): Promise<void> {
    await this.boss(region).getQueues();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.stopHousekeeping();
    await Promise.allSettled([...this.bosses.values()].map((b) => b.stop({ graceful: true, wait: true, timeout: 10_000 })));
    this.bosses.clear();
  }
}
