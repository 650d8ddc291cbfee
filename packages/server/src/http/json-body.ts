import express from 'express';

/** The deepest nesting a request body may have: plugin forms nest a few levels; 64 leaves room and stops stack-deep bodies. */
export const MAX_JSON_DEPTH = 64;
/** The largest JSON body (uploads are streamed, not JSON). */
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * The nesting depth of a JSON text, scanned without parsing (strings skipped, escapes honoured):
 * a body thousands of levels deep is refused before anything recurses over it (JSON.parse, the
 * schema validator, the canonical form of an idempotent request).
 */
export function jsonDepthExceeds(buf: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
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
    if (jsonDepthExceeds(buf, MAX_JSON_DEPTH)) throw new TooDeepError(MAX_JSON_DEPTH);
  },
});
