import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * AWS Signature Version 4 verification for the embedded S3 (s3rver checks no V4 signature and
 * serves unsigned requests). Accepts exactly what @aws-sdk/client-s3 sends and presigns: the
 * `Authorization: AWS4-HMAC-SHA256 …` header, or a presigned URL's `X-Amz-*` query.
 *
 * Checked: the algorithm, the access key id, the credential scope (date of `X-Amz-Date`, service
 * `s3`, `aws4_request`), the signed headers (must include `host`), the signature over the
 * canonical request (constant-time compare), the request time (header: within 15 minutes of now;
 * presigned: not before `X-Amz-Date` minus 15 minutes, not after `X-Amz-Date + X-Amz-Expires`,
 * expiry at most 7 days). Not checked: that the body matches `x-amz-content-sha256` (the signature
 * binds the declared hash; s3rver stores the body as it streams).
 */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export type SigV4Result = { ok: true } | { ok: false; code: 'AccessDenied' | 'SignatureDoesNotMatch' | 'InvalidAccessKeyId' | 'RequestTimeTooSkewed' | 'AuthorizationQueryParametersError'; message: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SKEW_MS = 15 * 60_000;
const MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

/** RFC 3986 encoding, as SigV4 canonicalises query names and values. */
function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** `20240131T235959Z` → ms since the epoch (NaN when malformed). */
function parseAmzDate(s: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s ?? '');
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function canonicalQuery(rawQuery: string, drop: string | undefined): string {
  if (!rawQuery) return '';
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const name = safeDecode(i < 0 ? part : part.slice(0, i));
    const value = i < 0 ? '' : safeDecode(part.slice(i + 1));
    if (drop && name === drop) continue;
    pairs.push([rfc3986(name), rfc3986(value)]);
  }
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v.join(',') : String(v)).trim().replace(/\s+/g, ' ');
}

function signatureMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Verifies the request's SigV4 signature against the one key pair this server accepts. */
export function verifySigV4(req: IncomingMessage, creds: SigV4Credentials, now: number = Date.now()): SigV4Result {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  const query = new URLSearchParams(rawQuery);
  const auth = headerValue(req, 'authorization');
  const presigned = query.has('X-Amz-Algorithm') || query.has('X-Amz-Signature');
  if (!auth && !presigned) {
    // Also V2 query signatures (`Signature`, `AWSAccessKeyId`): not accepted.
    return { ok: false, code: 'AccessDenied', message: 'Anonymous requests are not accepted: sign with AWS Signature Version 4.' };
  }
  if (auth && presigned) return { ok: false, code: 'AccessDenied', message: 'Only one authentication mechanism is allowed.' };

  let credential: string;
  let signedHeaders: string;
  let signature: string;
  let amzDate: string | undefined;
  let payloadHash: string;
  let dropFromQuery: string | undefined;
  if (auth) {
    const m = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(auth);
    if (!m) return { ok: false, code: 'AccessDenied', message: 'Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is accepted.' };
    [, credential, signedHeaders, signature] = m as unknown as [string, string, string, string];
    amzDate = headerValue(req, 'x-amz-date');
    const declared = headerValue(req, 'x-amz-content-sha256');
    if (!declared) return { ok: false, code: 'AccessDenied', message: 'x-amz-content-sha256 is required.' };
    payloadHash = declared;
    const t = parseAmzDate(amzDate);
    if (Number.isNaN(t)) return { ok: false, code: 'AccessDenied', message: 'X-Amz-Date is missing or malformed.' };
    if (Math.abs(now - t) > SKEW_MS) return { ok: false, code: 'RequestTimeTooSkewed', message: 'The request time is more than 15 minutes from the server time.' };
  } else {
    if (query.get('X-Amz-Algorithm') !== ALGORITHM) return { ok: false, code: 'AuthorizationQueryParametersError', message: 'X-Amz-Algorithm must be AWS4-HMAC-SHA256.' };
    credential = query.get('X-Amz-Credential') ?? '';
    signedHeaders = query.get('X-Amz-SignedHeaders') ?? '';
    signature = query.get('X-Amz-Signature') ?? '';
    amzDate = query.get('X-Amz-Date') ?? undefined;
    const expires = Number(query.get('X-Amz-Expires'));
    const t = parseAmzDate(amzDate);
    if (!/^[0-9a-f]{64}$/.test(signature) || Number.isNaN(t) || !Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS)
      return { ok: false, code: 'AuthorizationQueryParametersError', message: 'The presigned URL is malformed.' };
    if (now < t - SKEW_MS) return { ok: false, code: 'RequestTimeTooSkewed', message: 'The presigned URL is not valid yet.' };
    if (now > t + expires * 1000) return { ok: false, code: 'AccessDenied', message: 'Request has expired.' };
    // The SDK's presigner hoists its x-amz-content-sha256 header into the query (UNSIGNED-PAYLOAD).
    payloadHash = [...query].find(([k]) => k.toLowerCase() === 'x-amz-content-sha256')?.[1] ?? 'UNSIGNED-PAYLOAD';
    dropFromQuery = 'X-Amz-Signature';
  }

  const scope = credential.split('/');
  if (scope.length !== 5 || scope[3] !== 's3' || scope[4] !== 'aws4_request' || !/^\d{8}$/.test(scope[1]!) || !amzDate!.startsWith(scope[1]!))
    return { ok: false, code: 'AccessDenied', message: 'The credential scope is malformed.' };
  const [accessKeyId, day, region] = scope as [string, string, string, string, string];
  if (!signatureMatches(creds.accessKeyId, accessKeyId)) return { ok: false, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  const headerNames = signedHeaders.split(';');
  if (!headerNames.includes('host') || headerNames.some((h) => !/^[a-z0-9-]+$/.test(h))) return { ok: false, code: 'AccessDenied', message: 'SignedHeaders must include host.' };
  const canonicalHeaders = headerNames.map((h) => `${h}:${headerValue(req, h) ?? ''}\n`).join('');

  const signingKey = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), region), 's3'), 'aws4_request');
  const sign = (canonicalUri: string) => {
    const canonicalRequest = [req.method ?? 'GET', canonicalUri, canonicalQuery(rawQuery, dropFromQuery), canonicalHeaders, signedHeaders, payloadHash].join('\n');
    const stringToSign = [ALGORITHM, amzDate, `${day}/${region}/s3/aws4_request`, sha256Hex(canonicalRequest)].join('\n');
    return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  };
  // S3 signs the path as sent (no normalisation, no double encoding); a client that encoded a
  // character differently is also accepted when its RFC 3986 form matches.
  const reencoded = rawPath.split('/').map((seg) => rfc3986(safeDecode(seg))).join('/');
  for (const uri of reencoded === rawPath ? [rawPath] : [rawPath, reencoded]) if (signatureMatches(sign(uri), signature)) return { ok: true };
  return { ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
}
