import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

export type JobHandler<T extends object> = (data: T, jobId: string) => Promise<void>;

/**
 * The one job queue: pg-boss in each region's database (schema `pgboss`), so a region's jobs
 * (SLA timers, escalations, rollups) run next to the data they touch and survive restarts.
 * pg-boss manages its own schema, so it connects with the owner role, not the app role.
 */
export class JobQueues {
  private readonly bosses = new Map<string, PgBoss>();
  private lastError: Map<string, string> = new Map();

  constructor(private readonly logger: Logger) {}

  async start(ownerUrls: Record<string, string>): Promise<void> {
    for (const [region, url] of Object.entries(ownerUrls)) {
      const boss = new PgBoss({ connectionString: url, schema: 'pgboss', application_name: `satupintu-jobs-${region}`, max: 4 });
      boss.on('error', (err: Error) => {
        this.lastError.set(region, err.message);
        this.logger.warn({ err, region }, 'job queue error');
      });
      await boss.start();
      this.bosses.set(region, boss);
    }
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
        for (const job of jobs) {
          this.logger.debug({ region, queue: name, job: job.id }, 'job');
          await handler(job.data, job.id);
        }
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
    await Promise.allSettled([...this.bosses.values()].map((b) => b.stop({ graceful: true, wait: true, timeout: 10_000 })));
    this.bosses.clear();
  }
}
