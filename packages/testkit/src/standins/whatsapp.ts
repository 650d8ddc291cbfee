/**
 * A stand-in for Meta's WhatsApp Business Cloud API (test kit only: never imported by product
 * code). It is a real HTTP server that checks requests the way Graph does, records what it
 * accepted, and sends signed status and inbound webhooks to a callback URL, so adapters and the
 * notification service are tested against the protocol rather than against a mock.
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WhatsAppStandInTemplate {
  name: string;
  language: string;
  category: 'utility' | 'marketing' | 'authentication';
  /** How many body parameters ({{1}}, {{2}}, …) the approved template has. */
  params: number;
}

/** What happens to messages to one number after they are accepted. */
export type WhatsAppRecipientBehaviour = 'deliver' | 'read' | 'not-on-whatsapp' | 'sent-only';

export interface WhatsAppStandInOptions {
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  callbackUrl?: string;
  templates: WhatsAppStandInTemplate[];
  /** Graph version in the URL path (default `v23.0`). */
  version?: string;
  /** Messages per second accepted per business number; beyond it 429 / 130429. Default: unlimited. */
  mps?: number;
  /** Pair rate limit: a second message to the same number within this many ms is refused with 131056. Default 0 (off). */
  pairWindowMs?: number;
  /** Delay before answering each send (to kill a sender mid-send); the message is still accepted afterwards, like Meta. */
  delayMs?: number;
  /** Post a message's statuses in reversed order. */
  outOfOrder?: boolean;
  /** Multi-device: a `failed` (131026) before `delivered` for delivered messages. */
  deliveredAfterFailed?: boolean;
  /** Sign webhooks with the wrong key. */
  badlySigned?: boolean;
  /**
   * Free-form text outside the 24-hour window: refused at once with 131047 (`sync`, default), or
   * accepted and then reported as a `failed` status with 131047 (`webhook`). Meta has been seen
   * doing the latter; the notification service must cope with both.
   */
  reengagement?: 'sync' | 'webhook';
  /** The stand-in's clock for the 24-hour window and webhook timestamps. */
  now?: () => Date;
  /** Webhook delivery attempts per callback (default 4) and pause between them (default 100 ms). */
  callbackAttempts?: number;
  callbackRetryDelayMs?: number;
}

export interface WhatsAppStandInSent {
  /** `wamid.…`, as returned to the sender. */
  id: string;
  /** E.164 (`+62…`). */
  to: string;
  /** `biz_opaque_callback_data`. */
  reference: string | undefined;
  type: 'template' | 'text';
  template?: { name: string; language: string; params: string[]; category: WhatsAppStandInTemplate['category'] };
  text?: string;
  at: Date;
}

export interface WhatsAppStandInFault {
  status: number;
  /** Graph error code; without one a 5xx fault answers with a bare HTML page (a gateway error). */
  code?: number;
  /** Sent as a Retry-After header (seconds). */
  retryAfterSeconds?: number;
}

export interface WhatsAppCallbackAttempt {
  url: string;
  /** HTTP status, or 0 when the receiver was unreachable. */
  status: number;
  body: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

class GraphError extends Error {
  retryAfter?: number;

  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly details?: string,
    readonly subcode?: number,
  ) {
    super(message);
  }
}

function sign(raw: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/** POSTs `body` as JSON with Meta's `X-Hub-Signature-256` over the exact bytes sent. */
export async function signedWhatsAppPost(url: string, body: unknown, appSecret: string): Promise<{ status: number; body: string }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw, appSecret) },
    body: raw,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.text() };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function wamid(): string {
  return `wamid.HBgN${randomBytes(24).toString('base64url')}`;
}

function digitsOf(phone: string): string {
  return phone.replace(/^\+/, '');
}

export class WhatsAppCloudStandIn {
  readonly sent: WhatsAppStandInSent[] = [];
  /** Every refused send: the Graph error code. */
  readonly rejected: { code: number; status: number; at: Date }[] = [];
  /** Every webhook delivery attempt. */
  readonly callbackAttempts: WhatsAppCallbackAttempt[] = [];
  delayMs: number;
  outOfOrder: boolean;
  deliveredAfterFailed: boolean;
  badlySigned: boolean;
  reengagement: 'sync' | 'webhook';

  readonly #opts: WhatsAppStandInOptions;
  readonly #server: http.Server;
  readonly #version: string;
  readonly #now: () => Date;
  #callbackUrl: string | undefined;
  #faults: WhatsAppStandInFault[] = [];
  #behaviours = new Map<string, WhatsAppRecipientBehaviour>();
  #windowOpenedAt = new Map<string, number>();
  #recentSends: number[] = [];
  #lastSendTo = new Map<string, number>();
  #queue: Promise<void> = Promise.resolve();
  #stopped = false;
  #port = 0;

  private constructor(opts: WhatsAppStandInOptions) {
    this.#opts = opts;
    this.#version = opts.version ?? 'v23.0';
    this.#now = opts.now ?? (() => new Date());
    this.#callbackUrl = opts.callbackUrl;
    this.delayMs = opts.delayMs ?? 0;
    this.outOfOrder = opts.outOfOrder ?? false;
    this.deliveredAfterFailed = opts.deliveredAfterFailed ?? false;
    this.badlySigned = opts.badlySigned ?? false;
    this.reengagement = opts.reengagement ?? 'sync';
    this.#server = http.createServer((req, res) => {
      this.#handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  }

  static async start(opts: WhatsAppStandInOptions): Promise<WhatsAppCloudStandIn> {
    const s = new WhatsAppCloudStandIn(opts);
    await new Promise<void>((resolve, reject) => {
      s.#server.once('error', reject);
      s.#server.listen(0, '127.0.0.1', () => resolve());
    });
    s.#port = (s.#server.address() as AddressInfo).port;
    return s;
  }

  /** Graph base URL with version, e.g. `http://127.0.0.1:PORT/v23.0`. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}/${this.#version}`;
  }

  setCallbackUrl(url: string | undefined): void {
    this.#callbackUrl = url;
  }

  /** The next `n` sends fail with this HTTP status and Graph code. */
  failNext(n: number, fault: WhatsAppStandInFault): void {
    for (let i = 0; i < n; i++) this.#faults.push(fault);
  }

  behaviour(to: string, b: WhatsAppRecipientBehaviour): void {
    this.#behaviours.set(digitsOf(to), b);
  }

  countByReference(reference: string): number {
    return this.sent.filter((m) => m.reference === reference).length;
  }

  /** Accepted template sends whose template is not `utility`: this platform must never make any. */
  get nonUtilitySends(): WhatsAppStandInSent[] {
    return this.sent.filter((m) => m.template && m.template.category !== 'utility');
  }

  /** Is the 24-hour customer-service window open for this number (stand-in clock)? */
  windowOpen(to: string): boolean {
    const opened = this.#windowOpenedAt.get(digitsOf(to));
    return opened !== undefined && this.#now().getTime() - opened < DAY_MS;
  }

  /** A person writes to the business number: opens the window and sends the signed inbound webhook; resolves once delivered (or given up). */
  async simulateInbound(fromE164: string, text: string): Promise<void> {
    const from = digitsOf(fromE164);
    const now = this.#now();
    this.#windowOpenedAt.set(from, now.getTime());
    const value = {
      messaging_product: 'whatsapp',
      metadata: this.#metadata(),
      contacts: [{ profile: { name: 'Warga' }, wa_id: from }],
      messages: [{ from, id: wamid(), timestamp: String(Math.floor(now.getTime() / 1000)), type: 'text', text: { body: text } }],
    };
    await this.#enqueue(this.#envelope(value));
  }

  /** POSTs a body signed with this stand-in's app secret (or badly signed when `badlySigned`). */
  signedPost(url: string, body: unknown): Promise<{ status: number; body: string }> {
    return signedWhatsAppPost(url, body, this.#signingKey());
  }

  /** Resolves when every queued webhook was delivered or given up on. */
  async callbacksSettled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.#queue;
      await current;
    } while (current !== this.#queue);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    await this.#queue;
  }

  // --- Graph API -----------------------------------------------------------------------------

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    try {
      const accepted = this.#send(req, raw);
      const body = JSON.stringify({
        messaging_product: 'whatsapp',
        contacts: [{ input: digitsOf(accepted.to), wa_id: digitsOf(accepted.to) }],
        messages: [{ id: accepted.id }],
      });
      // The client may have given up (timeout): the message is accepted all the same, like Meta.
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      this.#scheduleStatuses(accepted);
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      this.rejected.push({ code: err.code, status: err.status, at: new Date() });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (err.code === 190) headers['www-authenticate'] = 'OAuth "Facebook Platform" "invalid_token"';
      if (err.retryAfter !== undefined) headers['retry-after'] = String(err.retryAfter);
      if (err.code === 0) {
        // A 5xx fault without a Graph code: a bare gateway page, as from a load balancer.
        if (!res.destroyed) res.writeHead(err.status, { 'content-type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
        return;
      }
      const error: Record<string, unknown> = { message: err.message, type: 'OAuthException', code: err.code };
      if (err.subcode !== undefined) error.error_subcode = err.subcode;
      if (err.details) error.error_data = { messaging_product: 'whatsapp', details: err.details };
      error.fbtrace_id = randomBytes(8).toString('base64url');
      if (!res.destroyed) res.writeHead(err.status, headers).end(JSON.stringify({ error }));
    }
  }

  #send(req: http.IncomingMessage, raw: string): WhatsAppStandInSent & { window: boolean; category?: string } {
    const fault = this.#faults.shift();
    if (fault) {
      const code = fault.code ?? (fault.status === 429 ? 130429 : fault.status >= 500 ? 0 : 100);
      const e = new GraphError(fault.status, code, `(#${code}) Injected failure`);
      e.retryAfter = fault.retryAfterSeconds;
      throw e;
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${this.#opts.accessToken}`) {
      // Graph answers a bad or missing token with 401 and code 190.
      throw new GraphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method !== 'POST' || parts.length !== 3 || parts[0] !== this.#version || parts[2] !== 'messages') {
      throw new GraphError(400, 2500, 'Unknown path components');
    }
    if (parts[1] !== this.#opts.phoneNumberId) {
      throw new GraphError(400, 100, `Unsupported post request. Object with ID '${parts[1]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, undefined, 33);
    }
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new GraphError(400, 100, '(#100) Invalid parameter', 'Content-Type must be application/json');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new GraphError(400, 100, '(#100) Invalid parameter', 'Request body is not JSON');
    }
    if (!isRecord(body)) throw new GraphError(400, 100, '(#100) Invalid parameter');
    if (body.messaging_product !== 'whatsapp') throw new GraphError(400, 100, '(#100) The parameter messaging_product is required.');
    if (body.recipient_type !== undefined && body.recipient_type !== 'individual') throw new GraphError(400, 100, '(#100) Invalid parameter', 'recipient_type');
    if (typeof body.to !== 'string' || !/^[1-9]\d{6,14}$/.test(body.to)) throw new GraphError(400, 100, '(#100) Invalid parameter', 'to must be the recipient phone number in digits');
    const to = `+${body.to}`;
    const reference = typeof body.biz_opaque_callback_data === 'string' ? body.biz_opaque_callback_data : undefined;
    const window = this.windowOpen(to);

    let message: WhatsAppStandInSent & { window: boolean; category?: string };
    if (body.type === 'template') {
      message = { ...this.#checkTemplate(body.template), id: '', to, reference, type: 'template', at: this.#now(), window };
      message.category = message.template?.category;
    } else if (body.type === 'text') {
      const text = body.text;
      if (!isRecord(text) || typeof text.body !== 'string') throw new GraphError(400, 131008, '(#131008) Required parameter is missing', 'text.body is required');
      if (text.body.length === 0 || text.body.length > 4096) throw new GraphError(400, 131009, '(#131009) Parameter value is not valid', 'text.body must be 1 to 4096 characters');
      if (!window && this.reengagement === 'sync') {
        throw new GraphError(400, 131047, '(#131047) Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.');
      }
      message = { id: '', to, reference, type: 'text', text: text.body, at: this.#now(), window };
    } else {
      throw new GraphError(400, 100, '(#100) Invalid parameter', 'type must be template or text here');
    }

    // Rate limits are checked on real time (the test clock only moves the service window).
    const t = Date.now();
    if (this.#opts.mps !== undefined) {
      this.#recentSends = this.#recentSends.filter((s) => t - s < 1000);
      if (this.#recentSends.length >= this.#opts.mps) {
        throw new GraphError(429, 130429, '(#130429) Rate limit hit', 'Cloud API message throughput has been reached.');
      }
    }
    const pairWindow = this.#opts.pairWindowMs ?? 0;
    const last = this.#lastSendTo.get(body.to);
    if (pairWindow > 0 && last !== undefined && t - last < pairWindow) {
      throw new GraphError(400, 131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit', 'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.');
    }
    this.#recentSends.push(t);
    this.#lastSendTo.set(body.to, t);

    message.id = wamid();
    const { window: _w, category: _c, ...record } = message;
    this.sent.push(record);
    return message;
  }

  #checkTemplate(t: unknown): Pick<WhatsAppStandInSent, 'template'> {
    if (!isRecord(t) || typeof t.name !== 'string' || !t.name) throw new GraphError(400, 131008, '(#131008) Required parameter is missing', 'template.name is required');
    const language = isRecord(t.language) && typeof t.language.code === 'string' ? t.language.code : undefined;
    if (!language) throw new GraphError(400, 131008, '(#131008) Required parameter is missing', 'template.language.code is required');
    const known = this.#opts.templates.find((x) => x.name === t.name && x.language === language);
    if (!known) {
      throw new GraphError(400, 132001, '(#132001) Template name does not exist in the translation', `template name (${t.name}) does not exist in ${language}`);
    }
    const params: string[] = [];
    const components = t.components === undefined ? [] : t.components;
    if (!Array.isArray(components)) throw new GraphError(400, 100, '(#100) Invalid parameter', 'template.components must be an array');
    for (const c of components as unknown[]) {
      if (!isRecord(c) || c.type !== 'body') continue;
      if (!Array.isArray(c.parameters)) throw new GraphError(400, 131008, '(#131008) Required parameter is missing', 'body parameters');
      for (const p of c.parameters as unknown[]) {
        if (!isRecord(p) || p.type !== 'text') throw new GraphError(400, 131009, '(#131009) Parameter value is not valid', 'body parameters must be of type text');
        if (typeof p.text !== 'string' || p.text.trim() === '') throw new GraphError(400, 131008, '(#131008) Required parameter is missing', 'body parameter text is empty');
        params.push(p.text);
      }
    }
    if (params.length !== known.params) {
      throw new GraphError(400, 132000, '(#132000) Number of parameters does not match the expected number of params', `body: number of localizable_params (${params.length}) does not match the expected number of params (${known.params})`);
    }
    return { template: { name: known.name, language, params, category: known.category } };
  }

  // --- Webhooks ------------------------------------------------------------------------------

  #metadata(): { display_phone_number: string; phone_number_id: string } {
    return { display_phone_number: '6281100000000', phone_number_id: this.#opts.phoneNumberId };
  }

  #envelope(value: Record<string, unknown>): Record<string, unknown> {
    return { object: 'whatsapp_business_account', entry: [{ id: 'WABA-STANDIN', changes: [{ field: 'messages', value }] }] };
  }

  #scheduleStatuses(m: WhatsAppStandInSent & { window: boolean; category?: string }): void {
    const behaviour = this.#behaviours.get(digitsOf(m.to)) ?? 'read';
    const steps: { status: string; error?: { code: number; title: string } }[] = [];
    if (m.type === 'text' && !m.window) {
      steps.push({ status: 'failed', error: { code: 131047, title: 'Re-engagement message' } });
    } else if (behaviour === 'not-on-whatsapp') {
      steps.push({ status: 'failed', error: { code: 131026, title: 'Message undeliverable' } });
    } else {
      steps.push({ status: 'sent' });
      if (behaviour !== 'sent-only') {
        if (this.deliveredAfterFailed) steps.push({ status: 'failed', error: { code: 131026, title: 'Message undeliverable' } });
        steps.push({ status: 'delivered' });
        if (behaviour === 'read') steps.push({ status: 'read' });
      }
    }
    // Meta's per-message pricing: a utility template is free inside the service window, text there is a free service message.
    const category = m.type === 'template' ? (m.category ?? 'utility') : 'service';
    const billable = m.type === 'template' && !(category === 'utility' && m.window);
    const base = Math.floor(this.#now().getTime() / 1000);
    const bodies = steps.map((step, i) => {
      const status: Record<string, unknown> = {
        id: m.id,
        status: step.status,
        timestamp: String(base + i),
        recipient_id: digitsOf(m.to),
      };
      if (m.reference !== undefined) status.biz_opaque_callback_data = m.reference;
      if (step.error) {
        status.errors = [{ code: step.error.code, title: step.error.title, message: step.error.title, error_data: { details: step.error.title } }];
      } else {
        status.pricing = { billable, pricing_model: 'PMP', category, type: billable ? 'regular' : 'free_customer_service' };
      }
      return this.#envelope({ messaging_product: 'whatsapp', metadata: this.#metadata(), statuses: [status] });
    });
    if (this.outOfOrder) bodies.reverse();
    for (const b of bodies) void this.#enqueue(b);
  }

  #signingKey(): string {
    return this.badlySigned ? `${this.#opts.appSecret}-wrong` : this.#opts.appSecret;
  }

  /** Queues one webhook; deliveries go one at a time, in queue order, with a few retries. */
  #enqueue(body: Record<string, unknown>): Promise<void> {
    const next = this.#queue.then(() => this.#deliver(body));
    this.#queue = next;
    return next;
  }

  async #deliver(body: Record<string, unknown>): Promise<void> {
    const attempts = this.#opts.callbackAttempts ?? 4;
    const pause = this.#opts.callbackRetryDelayMs ?? 100;
    for (let i = 0; i < attempts && !this.#stopped; i++) {
      const url = this.#callbackUrl;
      if (!url) return;
      try {
        const res = await this.signedPost(url, body);
        this.callbackAttempts.push({ url, status: res.status, body: res.body });
        if (res.status >= 200 && res.status < 300) return;
      } catch {
        this.callbackAttempts.push({ url, status: 0, body: '' });
      }
      if (i < attempts - 1) await new Promise((r) => setTimeout(r, pause));
    }
  }
}
