import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { ConflictError, InputError } from '@satupintu/core';
import { IdempotencyEntity } from '@satupintu/db';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * `Idempotency-Key` for writes a client may retry: the first result is stored with a hash of the
 * request, a retry with the same key and body gets that result again, the same key with another
 * body is refused (422), never a second write.
 */
export class IdempotencyStore {
  constructor(private readonly ds: DataSource) {}

  static keyOf(req: Request): string | undefined {
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

  /** Runs `fn` once per (scope, key); replays its stored response on retries. */
  async run(scope: string, key: string | undefined, request: unknown, fn: () => Promise<StoredResponse>): Promise<StoredResponse & { replayed: boolean }> {
    if (!key) return { ...(await fn()), replayed: false };
    const hash = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
    const repo = this.ds.getRepository(IdempotencyEntity);
    const replay = async () => {
      const prior = await repo.findOneBy({ scope, key });
      if (!prior) return undefined;
      if (prior.requestHash !== hash)
        throw new InputError({
          status: 422,
          code: 'IDEMPOTENCY_KEY_REUSED',
          title: { id: 'Idempotency-Key sudah dipakai untuk permintaan lain', en: 'Idempotency-Key was used for a different request' },
        });
      return { status: prior.status, body: prior.body, replayed: true };
    };
    const first = await replay();
    if (first) return first;
    try {
      const result = await fn();
      await repo
        .createQueryBuilder()
        .insert()
        .values({ scope, key, requestHash: hash, status: result.status, body: result.body as object })
        .orIgnore()
        .execute();
      return { ...result, replayed: false };
    } catch (e) {
      // A concurrent twin with the same key won the race: answer with its result once it is stored.
      if (e instanceof ConflictError) {
        for (let i = 0; i < 20; i++) {
          const twin = await replay();
          if (twin) return twin;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw e;
    }
  }
}
