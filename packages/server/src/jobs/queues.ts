import type { Worker } from 'node:worker_threads';
import PgBoss from 'pg-boss';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from 'pino';
import { tsxWorker } from './tsx-worker.js';
import { inJobSpan, sendTraced, takeTraceContext } from '../tracing-jobs.js';
import type { JobSender } from './spec.js';

export type JobHandler<T extends object> = (data: T, jobId: string) => Promise<void>;

/** One job run as logs and metrics see it. */
export interface JobRun {
  queue: string;
  region: string;
  outcome: 'ok' | 'failed';
  seconds: number;
}

/** Per queue and region: how long the oldest job due to run has waited (0 when none waits), and how many wait. */
export interface QueueLag {
  queue: string;
  region: string;
  seconds: number;
  waiting: number;
}

/**
 * The one job queue: pg-boss in each region's database (schema `pgboss`), so a region's jobs
 * (SLA timers, escalations, rollups) run next to the data they touch and survive restarts.
 * pg-boss manages its own schema, so it connects with the owner role, not the app role.
 *
 * Jobs are worked on this (the API's) thread; pg-boss's cron monitor and maintenance run on a
 * housekeeping thread (housekeeping-thread.ts), so that evaluating schedules never stalls requests.
 */
/** How often a queue declaration that deadlocked with another process's is tried (`ensureQueue`). */
export const QUEUE_DECLARE_ATTEMPTS = 5;

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
  private readonly runObservers = new Set<(run: JobRun) => void>();
  /** Queues this process declared (work or schedule): each gets a lag series, 0 when nothing waits. */
  private readonly queueNames = new Set<string>();
  /** Queues declared in pg-boss by this process, per region (`ensureQueue`). */
  private readonly declared = new Set<string>();

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
      // connectionTimeoutMillis bounds a worker's wait for one of the 4 connections. Without it,
      // stopping could hang for good: pg-pool never answers a request still waiting for a
      // connection when the pool ends, so that worker's fetch never settles, and pg-boss's offWork
      // polls for it to stop every second forever (seen as a test process that never exited).
      // (pg-boss hands its whole configuration to pg.Pool; its types do not list the pool's own options.)
      const options = { connectionString: url, schema: 'pgboss', application_name: `satupintu-jobs-${region}`, max: 4, connectionTimeoutMillis: 10_000, schedule: false, supervise: false };
      const boss = new PgBoss(options);
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

  /**
   * Declares a queue once per region and process. pg-boss's `create_queue` makes a partition and
   * attaches it: two processes declaring the same new queue at once (workers starting together on a
   * fresh database, seen in the cluster tier) can deadlock, and PostgreSQL aborts one of them with
   * 40P01. The declaration is idempotent, so the aborted one is tried again after a short pause.
   */
  private async ensureQueue(region: string, boss: PgBoss, name: string): Promise<void> {
    const key = `${region}\u0000${name}`;
    if (this.declared.has(key)) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name);
        this.declared.add(key);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '40P01' || attempt >= QUEUE_DECLARE_ATTEMPTS) throw err;
        this.logger.warn({ region, queue: name, attempt }, 'job queue declaration deadlocked with another process; trying again');
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.floor(Math.random() * 100)));
      }
    }
  }

  private boss(region: string): PgBoss {
    const b = this.bosses.get(region);
    if (!b) throw new Error(`job queue of region ${region} is not started`);
    return b;
  }

  /** Calls `fn` after every job this process runs (metrics); returns the unsubscribe. */
  onRun(fn: (run: JobRun) => void): () => void {
    this.runObservers.add(fn);
    return () => this.runObservers.delete(fn);
  }

  /**
   * Runs one job and logs it at info — queue, region, job id, outcome, duration; never its data
   * (it may name a person) — then tells the observers. A failure is rethrown for pg-boss's retry.
   */
  private async timed(queue: string, region: string, jobId: string, run: () => Promise<void>): Promise<void> {
    const started = performance.now();
    let outcome: JobRun['outcome'] = 'failed';
    try {
      await run();
      outcome = 'ok';
    } catch (err) {
      this.logger.error({ queue, region, jobId, outcome, durationMs: Math.round(performance.now() - started), err }, 'job failed');
      throw err;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      if (outcome === 'ok') this.logger.info({ queue, region, jobId, outcome, durationMs: Math.round(seconds * 1000) }, 'job completed');
      for (const fn of this.runObservers) fn({ queue, region, outcome, seconds });
    }
  }

  /**
   * Job lag per queue and region: the age of the oldest job that is due (created or retrying,
   * `start_after` passed) but not started. One query per region on pg-boss's partial index
   * (name, start_after) where state < 'active'.
   */
  async lag(): Promise<QueueLag[]> {
    const out: QueueLag[] = [];
    for (const [region, boss] of this.bosses) {
      const { rows } = await boss
        .getDb()
        .executeSql(
          `select name, extract(epoch from now() - min(start_after))::float8 as seconds, count(*)::int as waiting
             from pgboss.job where state < 'active' and start_after <= now() group by name`,
          [],
        );
      const seen = new Set<string>();
      for (const r of rows as { name: string; seconds: number; waiting: number }[]) {
        seen.add(r.name);
        out.push({ queue: r.name, region, seconds: Math.max(0, r.seconds), waiting: r.waiting });
      }
      for (const q of this.queueNames) if (!seen.has(q)) out.push({ queue: q, region, seconds: 0, waiting: 0 });
    }
    return out;
  }

  /**
   * Outbox lag per region and outbox: the age of the oldest entry still waiting, and how many wait.
   * `notifications`: outbox rows not yet dispatched into messages; `messages`: messages not yet
   * handed to a provider whose time has come (quiet hours and daily caps excluded); `signed-events`:
   * event deliveries pending. Read on the owner connection pg-boss holds (the tables are under RLS
   * per tenant; this counts across tenants and reads no payload).
   */
  async outboxLag(): Promise<{ region: string; outbox: string; seconds: number; pending: number }[]> {
    const out: { region: string; outbox: string; seconds: number; pending: number }[] = [];
    const queries: [string, string][] = [
      ['notifications', `select min(created_at) as oldest, count(*)::int as pending from notification_outbox where sent_at is null`],
      ['messages', `select min(coalesce(not_before, created_at)) as oldest, count(*)::int as pending from notifications
                      where status in ('created', 'temporary-failure') and channel <> 'inbox' and coalesce(not_before, created_at) <= now()`],
      ['signed-events', `select min(created_at) as oldest, count(*)::int as pending from event_deliveries where status = 'pending'`],
    ];
    for (const [region, boss] of this.bosses)
      for (const [outbox, sql] of queries) {
        const { rows } = await boss.getDb().executeSql(`select coalesce(extract(epoch from now() - oldest), 0)::float8 as seconds, pending from (${sql}) q`, []);
        const r = rows[0] as { seconds: number; pending: number };
        out.push({ region, outbox, seconds: Math.max(0, r.seconds), pending: r.pending });
      }
    return out;
  }

  /** Declares a queue in every region and registers its worker. */
  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    this.queueNames.add(name);
    for (const [region, boss] of this.bosses) {
      await this.ensureQueue(region, boss, name);
      await boss.work<T>(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) {
          // The trace context a job was sent with (tracing-jobs.ts) is taken out: the handler never sees it.
          const { data, parent } = takeTraceContext(job.data);
          await this.slots(() => inJobSpan({ queue: name, region, jobId: job.id, data, parent }, () => this.timed(name, region, job.id, () => handler(data, job.id))));
        }
      });
    }
  }

  /** Runs `name` on a cron schedule in every region; each job's data names its region. */
  async schedule(name: string, cron: string): Promise<void> {
    this.queueNames.add(name);
    for (const [region, boss] of this.bosses) {
      await this.ensureQueue(region, boss, name);
      await boss.schedule(name, cron, { region }, { tz: 'UTC' });
    }
  }

  /**
   * Enqueues a job in a region. `singletonKey` makes a retried send a no-op while one is queued.
   * When tracing, the job carries the sender's trace context (tracing-jobs.ts).
   */
  async send<T extends object>(region: string, name: string, data: T, options: { singletonKey?: string; startAfter?: Date } = {}): Promise<string | null> {
    const boss = this.boss(region);
    return sendTraced(name, region, data, async (d) => {
      await this.ensureQueue(region, boss, name);
      return boss.send(name, d, options);
    });
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
    this.declared.clear();
  }
}
