import type { Request } from 'express';
import { InputError } from '@satupintu/core';
import type { Ctx, UserCtx } from '../context.js';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's `Idempotency-Key`, checked; undefined when it sent none. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key))
    throw new InputError({
      code: 'IDEMPOTENCY_KEY_INVALID',
      title: { id: 'Idempotency-Key tidak valid', en: 'Invalid Idempotency-Key' },
      errors: [{ pointer: '/headers/idempotency-key', message: { id: '8–128 karakter: huruf, angka, . _ : -', en: '8–128 characters: letters, digits, . _ : -' } }],
    });
  return key;
}

/**
 * The context of a retryable write: with the request's key (if any) bound to the operation and
 * the caller, for the write's unit of work to claim (db UnitOfWork, `Idempotency`). After the
 * service returns, `replayed` tells whether the answer is the stored first one.
 */
export function withIdempotency<C extends Ctx>(ctx: C & UserCtx, req: Request, operation: string, request: unknown): C & UserCtx {
  const key = idempotencyKeyOf(req);
  if (!key) return ctx;
  return { ...ctx, idempotency: { key, scope: `${operation}:${ctx.identity.subject}`, request } };
}

/** The `Idempotent-Replayed` header of a replayed answer. */
export function replayHeaders(ctx: Ctx): Record<string, string> {
  return ctx.idempotency?.replayed ? { 'Idempotent-Replayed': 'true' } : {};
}
