import express from 'express';

/** The deepest nesting a request body may have: plugin forms nest a few levels; 64 leaves room and stops stack-deep bodies. */
export const MAX_JSON_DEPTH = 64;
/** The largest JSON body (uploads are streamed, not JSON). */
export const MAX_JSON_BYTES = 1024 * 1024;

const hexAt = (buf: Buffer, i: number): number => {
  const h = buf.toString('latin1', i, i + 4);
  return /^[0-9a-fA-F]{4}$/.test(h) ? parseInt(h, 16) : -1;
};

/**
 * One pass over a JSON text, without parsing (strings skipped, escapes honoured), for what must be
 * refused before anything else reads it:
 * - `too-deep`: nested deeper than `maxDepth`, refused before anything recurses over it
 *   (JSON.parse, the schema validator, the canonical form of an idempotent request);
 * - `unstorable`: a string PostgreSQL cannot store (text and jsonb refuse U+0000; jsonb refuses an
 *   unpaired surrogate), refused as malformed instead of failing deep inside a transaction. Only
 *   escapes can spell them: a raw NUL byte is already invalid JSON, and UTF-8 cannot encode a
 *   surrogate.
 */
export function scanJson(buf: Buffer, maxDepth: number): 'too-deep' | 'unstorable' | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (!inString) {
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (++depth > maxDepth) return 'too-deep';
      } else if (c === 0x7d || c === 0x5d) depth--;
      continue;
    }
    if (c === 0x22) inString = false;
    else if (c === 0x5c) {
      if (buf[i + 1] !== 0x75) {
        i++; // \n, \", \\ …: skip the escaped byte
        continue;
      }
      const u = hexAt(buf, i + 2);
      i += 5;
      if (u === 0) return 'unstorable';
      if (u >= 0xdc00 && u <= 0xdfff) return 'unstorable'; // a low surrogate with no high one before it
      if (u >= 0xd800 && u <= 0xdbff) {
        const low = buf[i + 1] === 0x5c && buf[i + 2] === 0x75 ? hexAt(buf, i + 3) : -1;
        if (low < 0xdc00 || low > 0xdfff) return 'unstorable';
        i += 6;
      }
    }
  }
  return undefined;
}

/** Whether a JSON text nests deeper than `max` (scanJson). */
export const jsonDepthExceeds = (buf: Buffer, max: number): boolean => scanJson(buf, max) === 'too-deep';

/** Whether a JSON text's strings hold what PostgreSQL cannot store (scanJson). */
export const jsonHasUnstorableText = (buf: Buffer): boolean => scanJson(buf, Infinity) === 'unstorable';

/** Thrown from body-parser's `verify` for text PostgreSQL cannot store; answered as MALFORMED_JSON. */
export class UnstorableTextError extends Error {
  readonly type = 'entity.parse.failed';
  readonly status = 400;
  constructor() {
    super('JSON string holds U+0000 or an unpaired surrogate');
  }
}

/** Thrown from body-parser's `verify`; the problem mapper answers it as BODY_TOO_DEEP. */
export class TooDeepError extends Error {
  readonly type = 'entity.too.deep';
  constructor(readonly max: number) {
    super(`JSON nested deeper than ${max}`);
  }
}

/** JSON bodies: parsed only for routes that take one, once the caller passed the guard; size and depth bounded. */
export const parseJsonBody = express.json({
  limit: MAX_JSON_BYTES,
  strict: true,
  verify: (_req, _res, buf) => {
    const found = scanJson(buf, MAX_JSON_DEPTH);
    if (found === 'too-deep') throw new TooDeepError(MAX_JSON_DEPTH);
    if (found === 'unstorable') throw new UnstorableTextError();
  },
});
