import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that authenticates with AUTH PLAIN/LOGIN and
 * parses what it receives (mailparser): the stand-in for a regency's mail relay. Plain SMTP
 * without STARTTLS, so `smtp://` works in tests.
 */

export interface ReceivedEmail {
  /** The From header as written, e.g. `"MPP Kab. Bandung Barat" <noreply@example.go.id>`. */
  from: string;
  fromName?: string;
  fromAddress?: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  envelopeFrom?: string;
  subject: string;
  text: string;
  html?: string;
  /** Header names lower-cased; folded lines unfolded; the last occurrence wins. */
  headers: Record<string, string>;
  /** With angle brackets, as in the header. */
  messageId: string;
  /** `X-Satupintu-Reference`. */
  reference?: string;
  /** The id this server answered `250 Ok: queued as <id>` with. */
  queueId: string;
}

interface SmtpError extends Error {
  responseCode: number;
}

function smtpError(code: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode: code });
}

export class SmtpReceiver {
  readonly messages: ReceivedEmail[] = [];
  /** Successful and failed logins, for asserting that the pool reuses its connections. */
  readonly logins: { user: string; ok: boolean }[] = [];

  readonly #user: string;
  readonly #pass: string;
  readonly #server: SMTPServer;
  readonly #rejected = new Map<string, number>();
  readonly #waiters = new Set<() => void>();
  #failNext: number[] = [];
  #port = 0;

  private constructor(opts: { user: string; pass: string }) {
    this.#user = opts.user;
    this.#pass = opts.pass;
    this.#server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: false,
      // AUTH without TLS: only because this server listens on loopback in tests.
      allowInsecureAuth: true,
      logger: false,
      banner: 'Satupintu test relay',
      closeTimeout: 1000,
      size: 10 * 1024 * 1024,
      onAuth: (auth, _session, cb) => {
        const ok = auth.username === this.#user && auth.password === this.#pass;
        this.logins.push({ user: auth.username ?? '', ok });
        if (!ok) return cb(smtpError(535, '5.7.8 Authentication credentials invalid'));
        cb(null, { user: auth.username });
      },
      onRcptTo: (address, _session, cb) => {
        const code = this.#rejected.get(address.address.toLowerCase());
        if (code) return cb(smtpError(code, code >= 500 ? '5.1.1 Mailbox unavailable' : '4.2.1 Mailbox temporarily unavailable'));
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const fail = this.#failNext.shift();
          if (fail) return cb(smtpError(fail, fail >= 500 ? '5.3.0 Message rejected' : '4.3.0 Temporary local problem, try again later'));
          void this.#accept(Buffer.concat(chunks), session).then(
            (queueId) => cb(null, `Ok: queued as ${queueId}`),
            () => cb(smtpError(451, '4.3.0 Could not parse message')),
          );
        });
      },
    });
  }

  static async start(opts: { user: string; pass: string }): Promise<SmtpReceiver> {
    const r = new SmtpReceiver(opts);
    await new Promise<void>((resolve, reject) => {
      r.#server.once('error', reject);
      r.#server.listen(0, '127.0.0.1', () => resolve());
    });
    r.#server.on('error', () => undefined); // client resets are not test failures
    r.#port = (r.#server.server.address() as AddressInfo).port;
    return r;
  }

  get port(): number {
    return this.#port;
  }

  /** `smtp://user:pass@127.0.0.1:port`. */
  get url(): string {
    return `smtp://${encodeURIComponent(this.#user)}:${encodeURIComponent(this.#pass)}@127.0.0.1:${this.#port}`;
  }

  /** RCPT TO this address answers `code` (550 by default). */
  rejectRecipient(address: string, code = 550): void {
    this.#rejected.set(address.toLowerCase(), code);
  }

  /** The next message's DATA is answered `code` (e.g. 451) instead of being accepted. */
  failNextWith(code: number): void {
    this.#failNext.push(code);
  }

  /** Resolves once `n` messages were received; rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs = 5000): Promise<ReceivedEmail[]> {
    if (this.messages.length >= n) return Promise.resolve(this.messages);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.messages.length < n) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve(this.messages);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`SmtpReceiver: ${this.messages.length} of ${n} message(s) after ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  async #accept(raw: Buffer, session: SMTPServerSession): Promise<string> {
    const parsed = await simpleParser(raw);
    const headers: Record<string, string> = {};
    for (const { key, line } of parsed.headerLines) {
      const colon = line.indexOf(':');
      headers[key.toLowerCase()] = line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    }
    const from = parsed.from?.value[0];
    const queueId = randomBytes(6).toString('hex').toUpperCase();
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
    const msg: ReceivedEmail = {
      from: headers['from'] ?? '',
      ...(from?.name ? { fromName: from.name } : {}),
      ...(from?.address ? { fromAddress: from.address } : {}),
      to: session.envelope.rcptTo.map((a) => a.address),
      ...(envelopeFrom ? { envelopeFrom } : {}),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
      headers,
      messageId: parsed.messageId ?? '',
      ...(headers['x-satupintu-reference'] ? { reference: headers['x-satupintu-reference'] } : {}),
      queueId,
    };
    this.messages.push(msg);
    for (const w of [...this.#waiters]) w();
    return queueId;
  }
}
