/**
 * WhatsApp Business Cloud API adapter (docs: integrations.md §1.1). It sends one message for one
 * regency's own number, verifies Meta's webhook signature and handshake, and turns webhook
 * payloads into delivery reports and inbound messages. It knows no tenant and no database.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { ChannelError, type DeliveryReport, type InboundMessage, type ReportedStatus, type SendAccepted } from './types.js';

/** A regency's own WhatsApp number; the caller hands the credentials in already decrypted. */
export interface WhatsAppSender {
  phoneNumberId: string;
  accessToken: string;
}

/** A template (any time) or free-form text (only inside the 24-hour service window: the caller decides). */
export type WhatsAppContent =
  | { kind: 'template'; name: string; /** e.g. `id` or `en` */ language: string; bodyParams: string[] }
  | { kind: 'text'; body: string };

export interface WhatsAppMessage {
  /** E.164, `+62…`. */
  to: string;
  /** Our notification id: Meta echoes it in status webhooks as `biz_opaque_callback_data`. */
  reference: string;
  content: WhatsAppContent;
}

export interface WhatsAppCloudOptions {
  /** Graph API base with its version, e.g. `https://graph.facebook.com/v23.0`. */
  graphUrl: string;
  /** Whole-request timeout (default 15000 ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const E164 = /^\+[1-9]\d{6,14}$/;

// Graph error codes by what the notification service should do about them (Meta's error-code page).
const THROTTLED = new Set([4, 80007, 130429, 131056]);
const PERMANENT = new Set([131021, 131026, 131047, 131049]);
// "Something went wrong", "service unavailable", generic transient API errors: worth a retry.
const TEMPORARY = new Set([1, 2, 131000, 131016, 133004]);
/** Codes that, in a `failed` status webhook, mean "try again later" rather than "this recipient cannot be reached". */
const TEMPORARY_IN_STATUS = new Set([1, 2, 130429, 131000, 131016, 131056, 133004]);

export class WhatsAppCloud {
  readonly #graphUrl: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(opts: WhatsAppCloudOptions) {
    this.#graphUrl = opts.graphUrl.replace(/\/+$/, '');
    this.#timeoutMs = opts.timeoutMs ?? 15_000;
    this.#fetch = opts.fetch ?? globalThis.fetch;
  }

  /** Sends one message; resolves with Meta's `wamid.…`, or throws a ChannelError saying what to do next. */
  async send(sender: WhatsAppSender, msg: WhatsAppMessage): Promise<SendAccepted> {
    if (!sender.phoneNumberId || !/^\d+$/.test(sender.phoneNumberId) || !sender.accessToken) {
      throw new ChannelError('technical', 'Nomor pengirim WhatsApp belum dikonfigurasi / WhatsApp sender is not configured');
    }
    if (!E164.test(msg.to)) {
      // An unusable number cannot be reached on any retry: fall back to the next channel.
      throw new ChannelError('permanent', 'Nomor penerima bukan E.164 / recipient number is not E.164');
    }
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: msg.to.slice(1),
      ...contentBody(msg.content),
      biz_opaque_callback_data: msg.reference,
    };

    let res: Response;
    let text: string;
    try {
      res = await this.#fetch(`${this.#graphUrl}/${encodeURIComponent(sender.phoneNumberId)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sender.accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new ChannelError(
        'temporary',
        timeout
          ? `WhatsApp tidak menjawab dalam ${this.#timeoutMs} ms / WhatsApp did not answer within ${this.#timeoutMs} ms`
          : `WhatsApp tidak dapat dihubungi / WhatsApp unreachable: ${networkCause(err)}`,
      );
    }

    const json = parseJson(text);
    if (res.status >= 200 && res.status < 300) {
      const id = firstMessageId(json);
      if (!id) throw new ChannelError('technical', 'Jawaban WhatsApp tanpa id pesan / WhatsApp answer has no message id');
      return { providerId: id };
    }
    throw errorFromResponse(res, json);
  }
}

function contentBody(content: WhatsAppContent): Record<string, unknown> {
  if (content.kind === 'template') {
    return {
      type: 'template',
      template: {
        name: content.name,
        language: { code: content.language },
        components: [{ type: 'body', parameters: content.bodyParams.map((text) => ({ type: 'text', text })) }],
      },
    };
  }
  return { type: 'text', text: { body: content.body, preview_url: false } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstMessageId(json: unknown): string | undefined {
  if (!isRecord(json) || !Array.isArray(json.messages)) return undefined;
  const first: unknown = json.messages[0];
  return isRecord(first) && typeof first.id === 'string' && first.id ? first.id : undefined;
}

/** Long digit runs may be phone numbers: never let them into logs (personal data). */
function redact(s: string): string {
  return s.replace(/\+?\d{7,}/g, '…').slice(0, 300);
}

function networkCause(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  const code = isRecord(cause) && typeof cause.code === 'string' ? cause.code : undefined;
  return code ?? (cause instanceof Error ? redact(cause.message) : 'unknown');
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function errorFromResponse(res: Response, json: unknown): ChannelError {
  const error = isRecord(json) && isRecord(json.error) ? json.error : undefined;
  const code = error && typeof error.code === 'number' ? error.code : undefined;
  const providerCode = code !== undefined ? String(code) : undefined;
  const metaMessage = error && typeof error.message === 'string' ? redact(error.message) : undefined;
  const what = `HTTP ${res.status}${providerCode ? ` (#${providerCode})` : ''}${metaMessage ? `: ${metaMessage}` : ''}`;

  if (res.status === 429 || (code !== undefined && THROTTLED.has(code))) {
    const wait = retryAfterMs(res.headers.get('retry-after')) ?? (code === 131056 ? 6000 : 1000);
    return new ChannelError('throttled', `WhatsApp meminta pengiriman diperlambat / WhatsApp throttled the sender: ${what}`, providerCode, wait);
  }
  if (code !== undefined && PERMANENT.has(code)) {
    return new ChannelError('permanent', `Penerima tidak dapat dijangkau lewat WhatsApp / recipient unreachable on WhatsApp: ${what}`, providerCode);
  }
  if ((code !== undefined && TEMPORARY.has(code)) || res.status >= 500) {
    return new ChannelError('temporary', `Gangguan sementara di WhatsApp / temporary WhatsApp failure: ${what}`, providerCode, retryAfterMs(res.headers.get('retry-after')));
  }
  // 190 token, 132xxx templates, 131008/131009 parameters, 100 invalid parameter, 10/200 permission, other 4xx.
  return new ChannelError('technical', `Permintaan atau konfigurasi WhatsApp salah / WhatsApp request or configuration rejected: ${what}`, providerCode);
}

/** Meta's webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(appSecret, rawBody)>`. */
export function verifyWhatsAppSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (!appSecret || typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Constant time and length-independent: compare digests, not the strings. */
function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

/** The GET handshake Meta uses to verify the callback URL: the challenge to echo, or undefined to refuse. */
export function answerWhatsAppChallenge(query: Record<string, unknown>, verifyToken: string): string | undefined {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || !verifyToken) return undefined;
  return sameSecret(token, verifyToken) ? challenge : undefined;
}

export interface WhatsAppWebhook {
  /** The business numbers the payload is about (to find the regency and its sender). */
  phoneNumberIds: string[];
  reports: DeliveryReport[];
  inbound: InboundMessage[];
}

function unixSeconds(v: unknown): Date | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'number' && Number.isInteger(v) ? v : NaN;
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : undefined;
}

const STATUS: Record<string, ReportedStatus | undefined> = { sent: 'sent', delivered: 'delivered', read: 'read' };

function statusReport(s: unknown): DeliveryReport | undefined {
  if (!isRecord(s) || typeof s.id !== 'string' || !s.id || typeof s.status !== 'string') return undefined;
  const at = unixSeconds(s.timestamp);
  if (!at) return undefined;
  const report: DeliveryReport = { providerId: s.id, status: 'sent', at };
  if (typeof s.biz_opaque_callback_data === 'string' && s.biz_opaque_callback_data) report.reference = s.biz_opaque_callback_data;
  const firstError: unknown = Array.isArray(s.errors) ? s.errors[0] : undefined;
  const code = isRecord(firstError) && typeof firstError.code === 'number' ? firstError.code : undefined;
  if (s.status === 'failed') {
    report.status = code !== undefined && TEMPORARY_IN_STATUS.has(code) ? 'temporary-failure' : 'permanent-failure';
  } else {
    const status = STATUS[s.status];
    if (!status) return undefined; // e.g. `deleted`, `warning`: not a delivery status
    report.status = status;
  }
  if (code !== undefined) report.providerCode = String(code);
  if (isRecord(firstError)) {
    const title = typeof firstError.title === 'string' ? firstError.title : typeof firstError.message === 'string' ? firstError.message : undefined;
    if (title) report.detail = redact(title);
  }
  if (isRecord(s.pricing)) {
    const p = s.pricing;
    // Per-message pricing may omit `billable`; its `type` then says whether the message is free.
    const billable = typeof p.billable === 'boolean' ? p.billable : typeof p.type === 'string' ? p.type === 'regular' : undefined;
    if (billable !== undefined) {
      report.pricing = { billable };
      if (typeof p.category === 'string') report.pricing.category = p.category;
    }
  }
  return report;
}

function inboundMessage(m: unknown, to: string): InboundMessage | undefined {
  if (!isRecord(m) || typeof m.from !== 'string' || !/^[1-9]\d{6,14}$/.test(m.from)) return undefined;
  const at = unixSeconds(m.timestamp);
  return at ? { from: `+${m.from}`, at, to } : undefined;
}

/**
 * Reads Meta's webhook notification (untrusted input, after its signature was verified): skips
 * whatever is malformed or unknown and never throws.
 */
export function parseWhatsAppWebhook(body: unknown): WhatsAppWebhook {
  const out: WhatsAppWebhook = { phoneNumberIds: [], reports: [], inbound: [] };
  if (!isRecord(body) || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) return out;
  for (const entry of body.entry as unknown[]) {
    if (!isRecord(entry) || !Array.isArray(entry.changes)) continue;
    for (const change of entry.changes as unknown[]) {
      if (!isRecord(change) || change.field !== 'messages' || !isRecord(change.value)) continue;
      const value = change.value;
      const phoneNumberId = isRecord(value.metadata) && typeof value.metadata.phone_number_id === 'string' ? value.metadata.phone_number_id : undefined;
      if (!phoneNumberId) continue;
      if (!out.phoneNumberIds.includes(phoneNumberId)) out.phoneNumberIds.push(phoneNumberId);
      if (Array.isArray(value.statuses)) {
        for (const s of value.statuses as unknown[]) {
          const r = statusReport(s);
          if (r) out.reports.push(r);
        }
      }
      if (Array.isArray(value.messages)) {
        for (const m of value.messages as unknown[]) {
          const i = inboundMessage(m, phoneNumberId);
          if (i) out.inbound.push(i);
        }
      }
    }
  }
  return out;
}
