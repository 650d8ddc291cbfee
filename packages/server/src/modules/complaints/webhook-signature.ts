import { createHmac, timingSafeEqual } from 'node:crypto';

/** How a complaint webhook delivery is signed (docs/complaints.md, "Webhook"). */
export const SIGNATURE_HEADER = 'x-satupintu-signature';
export const TIMESTAMP_HEADER = 'x-satupintu-timestamp';

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` with the tenant's secret. */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, refuse timestamps more than `toleranceSeconds` from its `now` (replays). */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string, now: Date, toleranceSeconds = 300): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(Math.floor(now.getTime() / 1000) - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
