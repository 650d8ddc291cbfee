import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stand-in for an Indonesian SMS aggregator speaking the generic protocol of
 * `@satupintu/connectors` sms.ts, over a real HTTP server on 127.0.0.1: bearer key, registered
 * sender IDs, dedupe on `reference`, and signed delivery reports (DLR) posted to `callbackUrl`.
 */

export type SmsStandInBehaviour = 'deliver' | 'undelivered' | 'expire' | 'silent';

export interface SmsStandInOptions {
  apiKey: string;
  /** Key of the DLR HMAC (`X-Aggregator-Signature: sha256=…`). */
  callbackSecret: string;
  /** Registered sender IDs; any other `from` gets 400 SENDER_NOT_REGISTERED. */
  senders: string[];
  /** Wait before each DLR. */
  delayMs?: number;
  /** Post each message's DLRs last-first (DELIVERED before SENT), as real networks sometimes do. */
  outOfOrder?: boolean;
  /** Attempts per DLR when the callback fails (non-2xx or network); default 3. */
  callbackAttempts?: number;
}

export interface SmsStandInMessage {
  id: string;
  from: string;
  to: string;
  text: string;
  reference: string;
  callbackUrl?: string;
  at: Date;
}

export interface SmsStandInReport {
  url: string;
  body: string;
  status: string;
  attempts: number;
  /** HTTP status of the last attempt (0: network error). */
  lastStatus: number;
  delivered: boolean;
}

const E164_ID = /^\+62\d{8,13}$/;
const MAX_TEXT = 1530; // 10 concatenated GSM-7 parts

export class SmsAggregatorStandIn {
  /** Messages actually sent (a deduped repeat is not here). */
  readonly sent: SmsStandInMessage[] = [];
  /** Every POST /messages that passed authentication, deduped or not. */
  readonly requests: { reference?: string; status: number }[] = [];
  /** DLRs attempted, in the order they were posted. */
  readonly reports: SmsStandInReport[] = [];
  /** Wait before answering each POST /messages (to provoke client timeouts). */
  responseDelayMs = 0;
  delayMs: number;
  outOfOrder: boolean;

  readonly #opts: SmsStandInOptions;
  readonly #server: Server;
  readonly #byReference = new Map<string, SmsStandInMessage>();
  readonly #behaviour = new Map<string, SmsStandInBehaviour>();
  readonly #blocked = new Set<string>();
  readonly #pending = new Set<Promise<void>>();
  readonly #abort = new AbortController();
  #failures: { status: number; code?: string; retryAfter?: string }[] = [];
  #port = 0;

  private constructor(opts: SmsStandInOptions) {
    this.#opts = opts;
    this.delayMs = opts.delayMs ?? 0;
    this.outOfOrder = opts.outOfOrder ?? false;
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(opts: SmsStandInOptions): Promise<SmsAggregatorStandIn> {
    const s = new SmsAggregatorStandIn(opts);
    await new Promise<void>((resolve, reject) => {
      s.#server.once('error', reject);
      s.#server.listen(0, '127.0.0.1', () => resolve());
    });
    s.#port = (s.#server.address() as AddressInfo).port;
    return s;
  }

  /** Base URL to give the adapter as `apiUrl`. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** How this number's messages end: delivered (default), undelivered, expired or never reported. */
  behaviour(to: string, b: SmsStandInBehaviour): void {
    this.#behaviour.set(to, b);
  }

  /** The operator refuses this number (400 BLOCKED_NUMBER). */
  block(to: string): void {
    this.#blocked.add(to);
  }

  /** The next `n` authenticated sends answer `status` (429 carries `Retry-After`, default `1`). */
  failNext(n: number, status: number, opts: { code?: string; retryAfter?: string } = {}): void {
    for (let i = 0; i < n; i++) this.#failures.push({ status, ...opts });
  }

  /** Messages sent with this reference (1 at most when dedupe works). */
  countByReference(reference: string): number {
    return this.sent.filter((m) => m.reference === reference).length;
  }

  /** Resolves once every scheduled DLR was posted (or gave up). */
  async reportsSettled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#pending]);
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.responseDelayMs > 0) await sleep(this.responseDelayMs, this.#abort.signal).catch(() => undefined);
    if (res.destroyed) return;
    if (req.method !== 'POST' || req.url !== '/messages') return answer(404, { code: 'NOT_FOUND' });
    if (req.headers.authorization !== `Bearer ${this.#opts.apiKey}`) return answer(401, { code: 'UNAUTHORIZED' });
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return answer(400, { code: 'INVALID_JSON' });
    }
    const record = (status: number, reference?: string): void => {
      this.requests.push({ ...(reference !== undefined ? { reference } : {}), status });
    };
    const fail = this.#failures.shift();
    if (fail) {
      record(fail.status);
      return answer(fail.status, { code: fail.code ?? `HTTP_${fail.status}` }, fail.status === 429 ? { 'retry-after': fail.retryAfter ?? '1' } : {});
    }
    if (typeof body !== 'object' || body === null) return answer(400, { code: 'INVALID_REQUEST' });
    const { from, to, text, reference, callbackUrl } = body as Record<string, unknown>;
    if (typeof from !== 'string' || typeof to !== 'string' || typeof text !== 'string' || typeof reference !== 'string' || !reference || (callbackUrl !== undefined && typeof callbackUrl !== 'string'))
      return answer(400, { code: 'INVALID_REQUEST' });
    // Dedupe first: a repeat answers the first id even if the sender was since deregistered.
    const first = this.#byReference.get(reference);
    if (first) {
      record(200, reference);
      return answer(200, { id: first.id });
    }
    if (!this.#opts.senders.includes(from)) return (record(400, reference), answer(400, { code: 'SENDER_NOT_REGISTERED' }));
    if (!E164_ID.test(to)) return (record(400, reference), answer(400, { code: 'INVALID_NUMBER' }));
    if (this.#blocked.has(to)) return (record(400, reference), answer(400, { code: 'BLOCKED_NUMBER' }));
    if (!text || text.length > MAX_TEXT) return (record(422, reference), answer(422, { code: 'TEXT_TOO_LONG' }));
    const msg: SmsStandInMessage = { id: randomUUID(), from, to, text, reference, ...(callbackUrl ? { callbackUrl } : {}), at: new Date() };
    this.sent.push(msg);
    this.#byReference.set(reference, msg);
    record(202, reference);
    answer(202, { id: msg.id });
    this.#scheduleReports(msg);
  }

  #scheduleReports(msg: SmsStandInMessage): void {
    if (!msg.callbackUrl) return;
    const b = this.#behaviour.get(msg.to) ?? 'deliver';
    if (b === 'silent') return;
    const final = b === 'deliver' ? { status: 'DELIVERED' } : b === 'undelivered' ? { status: 'UNDELIVERED', errorCode: 'ABSENT_SUBSCRIBER' } : { status: 'EXPIRED', errorCode: 'VALIDITY_EXPIRED' };
    const sentAt = Date.now();
    const chain = [
      { status: 'SENT', at: new Date(sentAt).toISOString() },
      { ...final, at: new Date(sentAt + 1000).toISOString() },
    ];
    if (this.outOfOrder) chain.reverse();
    const url = msg.callbackUrl;
    const p = (async () => {
      for (const r of chain) {
        await sleep(this.delayMs, this.#abort.signal);
        await this.#post(url, JSON.stringify({ id: msg.id, reference: msg.reference, ...r }), r.status);
      }
    })().catch(() => undefined);
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p));
  }

  async #post(url: string, body: string, status: string): Promise<void> {
    const signature = `sha256=${createHmac('sha256', this.#opts.callbackSecret).update(body).digest('hex')}`;
    const report: SmsStandInReport = { url, body, status, attempts: 0, lastStatus: 0, delivered: false };
    this.reports.push(report);
    const attempts = this.#opts.callbackAttempts ?? 3;
    for (let i = 0; i < attempts && !this.#abort.signal.aborted; i++) {
      if (i > 0) await sleep(50 * 2 ** (i - 1), this.#abort.signal);
      report.attempts++;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-aggregator-signature': signature },
          body,
          signal: AbortSignal.any([this.#abort.signal, AbortSignal.timeout(5000)]),
        });
        await res.arrayBuffer();
        report.lastStatus = res.status;
        if (res.ok) {
          report.delivered = true;
          return;
        }
      } catch {
        report.lastStatus = 0;
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
