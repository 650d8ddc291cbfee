import type { Logger } from 'pino';
import type { Clock, Tenant } from '@satupintu/core';
import type { Identity } from '@satupintu/auth';
import type { Idempotency, SqlStats } from '@satupintu/db';

/**
 * What one request (or one job's pass over a tenant) runs with, resolved once and handed to every
 * service as its first argument (docs/architecture.md). Nothing below the route looks a tenant up,
 * reads the wall clock or builds a logger of its own.
 */
export interface Ctx {
  readonly requestId: string;
  /** The route template (`/api/v1/tenants/:tenant/applications`) or the job's name. */
  readonly route: string;
  /** The one reading of the clock this request works with. */
  readonly now: Date;
  readonly clock: Clock;
  /** Carries request id, tenant and route in every line. */
  readonly log: Logger;
  /** Indonesian first; English when the client prefers it. */
  readonly lang: 'id' | 'en';
  /** Statements and transactions of this request (one write transaction at most). */
  readonly stats: SqlStats & { open?: string[] };
  readonly tenant?: Tenant;
  readonly identity?: Identity;
  /** The request's Idempotency-Key, claimed by its unit of work (http/idempotency.ts). */
  readonly idempotency?: Idempotency;
}

/** A request on a tenant's path (`/tenants/:tenant/…`): the tenant is resolved, with its home region. */
export interface TenantCtx extends Ctx {
  readonly tenant: Tenant;
}

/** A request with a verified caller. */
export interface UserCtx extends Ctx {
  readonly identity: Identity;
}

export type TenantUserCtx = TenantCtx & UserCtx;

/** The identity work done by the platform itself (jobs, timers) is recorded under. */
export const SYSTEM_IDENTITY: Identity = { subject: 'system', username: 'system', name: 'Satupintu', roles: [], memberships: [] };

/** Who performs a write, for audit records: the verified username, else the subject. */
export function actorOf(ctx: UserCtx): string {
  return ctx.identity.username || ctx.identity.subject;
}

/**
 * The clock a tenant's rules read (ADR 0031): the platform clock, or for a sandbox tenant the
 * platform clock moved by the sandbox's offset. Requests on the tenant's path (http/routes.ts) and
 * every job's pass over the tenant (`workContext`) take their reading from it.
 */
export function tenantClock(base: Clock, tenant: Pick<Tenant, 'sandbox'> | undefined): Clock {
  const offset = tenant?.sandbox?.clockOffsetMs;
  if (offset === undefined) return base;
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** One platform clock reading as a tenant's rules see it (a sandbox's offset applied: ADR 0031). */
export function tenantNow(now: Date, tenant: Pick<Tenant, 'sandbox'> | undefined): Date {
  const offset = tenant?.sandbox?.clockOffsetMs;
  return offset === undefined ? now : new Date(now.getTime() + offset);
}

/** A context for work outside a request: a job's pass over one tenant, a CLI command, a test. */
export function workContext(opts: { clock: Clock; log: Logger; route: string; tenant: Tenant; identity?: Identity; requestId?: string }): TenantUserCtx;
export function workContext(opts: { clock: Clock; log: Logger; route: string; tenant?: undefined; identity?: Identity; requestId?: string }): UserCtx;
export function workContext(opts: { clock: Clock; log: Logger; route: string; tenant?: Tenant; identity?: Identity; requestId?: string }): UserCtx {
  const identity = opts.identity ?? SYSTEM_IDENTITY;
  // A sandbox tenant's work runs on the sandbox's clock, whoever asks (ADR 0031).
  const clock = tenantClock(opts.clock, opts.tenant);
  return {
    requestId: opts.requestId ?? `${opts.route}:${clock.now().getTime()}`,
    route: opts.route,
    now: clock.now(),
    clock,
    log: opts.tenant ? opts.log.child({ tenant: opts.tenant.slug }) : opts.log,
    lang: 'id',
    stats: { statements: 0, transactions: 0 },
    identity,
    ...(opts.tenant ? { tenant: opts.tenant } : {}),
  };
}
