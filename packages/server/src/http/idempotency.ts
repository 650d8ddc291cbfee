import type { Request } from 'express';
import type { Sql } from '@satupintu/db';
import type { Ctx, UserCtx } from '../context.js';
import { idempotencyKeyInvalid } from './problems.js';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's `Idempotency-Key`, checked; undefined when it sent none. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) throw idempotencyKeyInvalid();
  return key;
}

/**
 * The context of a retryable write (a route with `idempotent: true`): the request's key (if any)
 * bound to the operation, the tenant (its records live in the tenant's table) and the caller, for
 * the write's unit of work to claim (db UnitOfWork, `Idempotency`). `operation` names the route
 * and the resource (`submitApplication:<id>`); `request` is what must be identical for a replay
 * (compared by canonical JSON); `recheck` re-checks the caller's access before a stored answer is
 * replayed. After the service returns, `replayed` tells whether the answer is the stored first one.
 */
export function withIdempotency<C extends Ctx>(ctx: C & UserCtx, req: Request, operation: string, request: unknown, recheck?: (sql: Sql) => Promise<void>): C & UserCtx {
  const key = idempotencyKeyOf(req);
  if (!key) return ctx;
  return { ...ctx, idempotency: { key, scope: `${operation}:${ctx.identity.subject}`, request, ...(recheck ? { recheck } : {}) } };
}

/** The `Idempotent-Replayed` header of a replayed answer. */
export function replayHeaders(ctx: Ctx): Record<string, string> {
  return ctx.idempotency?.replayed ? { 'Idempotent-Replayed': 'true' } : {};
}
