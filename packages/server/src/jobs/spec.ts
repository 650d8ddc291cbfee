import type { Logger } from 'pino';
import type { Clock } from '@satupintu/core';
import type { TenantUserCtx } from '../context.js';

/** What a job handler runs with: its region, one clock reading, a logger naming the job. */
export interface JobCtx {
  readonly region: string;
  readonly jobId: string;
  readonly now: Date;
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * A job a module owns: its queue name, its schedule (cron, UTC) if it is periodic, its handler.
 * Worker processes run them; tests call `platform.runJob(name, region)` to run one at once.
 */
export interface JobSpec<T extends object = object> {
  readonly name: string;
  readonly cron?: string;
  /** What a scheduled run carries besides its region. */
  readonly run: (ctx: JobCtx, data: T & { region: string }) => Promise<unknown>;
  /**
   * The job's pass over one tenant at `ctx.now`, for the time-based jobs whose region run walks the
   * tenants: advancing a sandbox's clock runs it for that sandbox alone at each step (ADR 0031).
   */
  readonly forTenant?: (ctx: TenantUserCtx) => Promise<unknown>;
}

/** Enqueues work for the workers (after a commit: see TenantTx.afterCommit). */
export interface JobSender {
  send<T extends object>(region: string, name: string, data: T, options?: { singletonKey?: string; startAfter?: Date }): Promise<string | null>;
}
