import { createHmac, timingSafeEqual } from 'node:crypto';
import { ChannelError, type DeliveryReport, type ReportedStatus, type SendAccepted } from './types.js';

/**
 * SMS through an Indonesian aggregator, which holds the regency's registered alphanumeric sender
 * ID ("SMS masking", pre-registered with every operator: docs integrations.md §1.2). Aggregators
 * differ; we define one generic HTTP protocol and reach a regency's aggregator through it or a
 * small mapping onto it:
 *
 * Send: `POST {apiUrl}/messages`, `Authorization: Bearer {apiKey}`, JSON body
 *   `{ from, to, text, reference, callbackUrl? }`:
 *   - `from`: the registered sender ID (1–11 letters/digits/spaces, e.g. `MPPKBB`);
 *   - `to`: E.164 `+62…`;
 *   - `reference`: our notification id. The aggregator dedupes on it: a repeated reference answers
 *     the first message's id without sending again, our guard against a double send after a crash;
 *   - `callbackUrl`: where delivery reports go.
 *   → `202`/`200` `{ id }`.
 * Errors: `429` (with `Retry-After` seconds) → throttled; `400`/`422` `{ code }` with
 *   `INVALID_NUMBER`/`BLOCKED_NUMBER` → permanent, `SENDER_NOT_REGISTERED`/`INVALID_SENDER`/
 *   `TEXT_TOO_LONG` (or any other code) → technical; `401`/`403` → technical; `5xx`, network
 *   failure, timeout → temporary.
 * Delivery reports (DLR): the aggregator POSTs to `callbackUrl` JSON
 *   `{ id, reference, status: 'ACCEPTED'|'SENT'|'DELIVERED'|'UNDELIVERED'|'EXPIRED'|'REJECTED', errorCode?, at }`
 *   with header `X-Aggregator-Signature: sha256=<hex HMAC-SHA256(callbackSecret, rawBody)>`.
 */

/** Header carrying the DLR signature. */
export const SMS_SIGNATURE_HEADER = 'x-aggregator-signature';

/** DLR statuses of the generic aggregator protocol. */
export type SmsReportStatus = 'ACCEPTED' | 'SENT' | 'DELIVERED' | 'UNDELIVERED' | 'EXPIRED' | 'REJECTED';

/** A message for one recipient, already rendered. */
export interface SmsMessage {
  /** Registered sender ID (SMS masking), e.g. `MPPKBB`. */
  from: string;
  /** E.164 `+62…`. */
  to: string;
  text: string;
  /** Our notification id: the aggregator dedupes on it and echoes it in reports. */
  reference: string;
  callbackUrl?: string;
}

export interface SmsAggregatorOptions {
  apiUrl: string;
  apiKey: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** For a custom HTTP stack (proxy); default the global fetch. */
  fetch?: typeof fetch;
}

const PERMANENT_CODES = new Set(['INVALID_NUMBER', 'BLOCKED_NUMBER']);
const DEFAULT_RETRY_AFTER_MS = 1000;

export class SmsAggregator {
  readonly #apiUrl: string;
  readonly #apiKey: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(opts: SmsAggregatorOptions) {
    this.#apiUrl = opts.apiUrl.replace(/\/+$/, '');
    this.#apiKey = opts.apiKey;
    this.#timeoutMs = opts.timeoutMs ?? 10_000;
    this.#fetch = opts.fetch ?? fetch;
  }

  async send(msg: SmsMessage): Promise<SendAccepted> {
    // A malformed sender ID is our configuration: no point asking the aggregator.
    if (!isValidSenderId(msg.from))
      throw new ChannelError('technical', 'ID pengirim SMS tidak sah / invalid SMS sender ID', 'INVALID_SENDER');
    const body = JSON.stringify({ from: msg.from, to: msg.to, text: msg.text, reference: msg.reference, ...(msg.callbackUrl ? { callbackUrl: msg.callbackUrl } : {}) });
    let res: Response;
    try {
      res = await this.#fetch(`${this.#apiUrl}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      // Never echo the URL or request: the error text may end up in a log next to the number.
      throw new ChannelError('temporary', timeout ? 'Agregator SMS tidak menjawab tepat waktu / SMS aggregator timed out' : 'Agregator SMS tidak dapat dihubungi / SMS aggregator unreachable', timeout ? 'TIMEOUT' : 'NETWORK');
    }
    const payload = await readJson(res);
    if (res.status === 200 || res.status === 201 || res.status === 202) {
      const id = isRecord(payload) ? payload['id'] : undefined;
      // Accepted but no id: retrying is safe because the aggregator dedupes on `reference`.
      if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
        throw new ChannelError('temporary', 'Jawaban agregator SMS tanpa id pesan / SMS aggregator answered without a message id', String(res.status));
      return { providerId: String(id) };
    }
    throw errorFor(res, payload);
  }
}

function errorFor(res: Response, payload: unknown): ChannelError {
  const code = isRecord(payload) && typeof payload['code'] === 'string' ? payload['code'] : undefined;
  const s = res.status;
  if (s === 429)
    return new ChannelError('throttled', 'Agregator SMS meminta memperlambat pengiriman / SMS aggregator throttled us', '429', retryAfterMs(res.headers.get('retry-after')));
  if (s === 401 || s === 403) return new ChannelError('technical', 'Kunci API agregator SMS ditolak / SMS aggregator rejected the API key', code ?? String(s));
  if (s === 400 || s === 422) {
    if (code && PERMANENT_CODES.has(code)) return new ChannelError('permanent', 'Nomor tujuan tidak dapat menerima SMS / destination number cannot receive SMS', code);
    return new ChannelError('technical', 'Agregator SMS menolak permintaan kami / SMS aggregator rejected our request', code ?? String(s));
  }
  if (s >= 500) return new ChannelError('temporary', 'Agregator SMS sedang bermasalah / SMS aggregator failed', code ?? String(s));
  return new ChannelError('technical', 'Jawaban agregator SMS tidak dikenal / unexpected SMS aggregator answer', code ?? String(s));
}

/** `Retry-After` as seconds or an HTTP date; default 1 s. */
function retryAfterMs(header: string | null): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.max(0, Math.round(Number(header) * 1000));
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - Date.now());
}

async function readJson(res: Response): Promise<unknown> {
  try {
    const text = await res.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Verifies `X-Aggregator-Signature: sha256=<hex>` over the raw body, in constant time. */
export function verifySmsReport(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m?.[1]) return false;
  const given = Buffer.from(m[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const REPORT_STATUS: Readonly<Record<SmsReportStatus, ReportedStatus | undefined>> = {
  ACCEPTED: undefined,
  SENT: 'sent',
  DELIVERED: 'delivered',
  UNDELIVERED: 'permanent-failure',
  REJECTED: 'permanent-failure',
  EXPIRED: 'temporary-failure',
};

/**
 * A verified DLR body onto our status vocabulary; `undefined` for `ACCEPTED` (the aggregator
 * only queued it: nothing new for us) and for anything malformed.
 */
export function parseSmsReport(body: unknown): DeliveryReport | undefined {
  if (!isRecord(body)) return undefined;
  const { id, reference, status, errorCode, at } = body;
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') return undefined;
  if (typeof status !== 'string' || !Object.hasOwn(REPORT_STATUS, status)) return undefined;
  const mapped = REPORT_STATUS[status as SmsReportStatus];
  if (!mapped) return undefined;
  if (typeof at !== 'string') return undefined;
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) return undefined;
  const report: DeliveryReport = { providerId: String(id), status: mapped, at: when, detail: status };
  if (typeof reference === 'string' && reference) report.reference = reference;
  if ((typeof errorCode === 'string' && errorCode) || typeof errorCode === 'number') report.providerCode = String(errorCode);
  return report;
}

/** Registered alphanumeric sender ID: 1–11 letters, digits or spaces, with at least one letter. */
export function isValidSenderId(s: string): boolean {
  return typeof s === 'string' && /^[A-Za-z0-9 ]{1,11}$/.test(s) && /[A-Za-z]/.test(s);
}

// GSM 03.38 default alphabet (without ESC) and its extension table (each costs 2 septets).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export interface SmsSegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Billed parts: an empty text still costs one. */
  segments: number;
}

/**
 * How many SMS parts a text takes, which is what aggregators bill: GSM-7 160 septets alone or 153
 * per part when concatenated (extension characters cost 2 and are never split); anything outside
 * GSM-7 switches the whole text to UCS-2, 70 code units alone or 67 per part (surrogate pairs not split).
 */
export function smsSegments(text: string): SmsSegmentCount {
  const chars = [...text];
  const gsm = chars.every((c) => GSM7_BASIC.has(c) || GSM7_EXTENSION.has(c));
  const units = chars.map((c) => (gsm ? (GSM7_EXTENSION.has(c) ? 2 : 1) : c.length));
  const total = units.reduce((a, b) => a + b, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (total <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', segments: 1 };
  let segments = 1;
  let used = 0;
  for (const u of units) {
    if (used + u > part) {
      segments++;
      used = 0;
    }
    used += u;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', segments };
}
