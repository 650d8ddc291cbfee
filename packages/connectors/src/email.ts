import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { NodemailerError, SMTPPoolOptions, SMTPPoolSentMessageInfo, Transporter } from 'nodemailer';
import { ChannelError, type SendAccepted } from './types.js';

/**
 * Email over SMTP (the regency's relay or a provider's submission port), through a pooled
 * nodemailer transport. Email has no delivery report: the notification service treats an
 * accepted message as `sent`.
 */

/** Header carrying our notification id, so a bounce or a support ticket can be traced back. */
export const EMAIL_REFERENCE_HEADER = 'X-Satupintu-Reference';

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (implicit TLS). */
  url: string;
  /** Envelope and header sender address, e.g. `noreply@mpp.bandungbaratkab.go.id`. */
  from: string;
  /** Connect, greeting and socket timeout; default 15 s. */
  timeoutMs?: number;
}

export interface EmailMessage {
  /** Display name, e.g. `MPP Kab. Bandung Barat`. */
  fromName: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Our notification id: fixes the Message-ID, so a retry reuses it and receivers can dedupe. */
  reference: string;
  replyTo?: string;
}

// RCPT replies that mean this mailbox cannot be reached: fall back to another channel.
const RECIPIENT_CODES = new Set([550, 551, 553]);
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EPROXY']);

export class SmtpMailer {
  readonly #from: string;
  readonly #domain: string;
  readonly #transport: Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

  constructor(opts: SmtpMailerOptions) {
    const at = opts.from.lastIndexOf('@');
    if (at < 1 || at === opts.from.length - 1 || /[\s<>]/.test(opts.from)) throw new TypeError('SmtpMailer: from must be a bare email address');
    this.#from = opts.from;
    this.#domain = opts.from.slice(at + 1).toLowerCase();
    const timeout = opts.timeoutMs ?? 15_000;
    this.#transport = nodemailer.createTransport({
      url: opts.url,
      pool: true,
      maxConnections: 3,
      // A message whose connection drops mid-send is the service's to retry (same Message-ID), not the pool's.
      maxRequeues: 0,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  /** The Message-ID a notification's email carries: the same on every retry. */
  messageIdFor(reference: string): string {
    const local = /^[A-Za-z0-9._-]{1,64}$/.test(reference) ? reference : createHash('sha256').update(reference).digest('hex').slice(0, 32);
    return `<${local}.notification@${this.#domain}>`;
  }

  async send(msg: EmailMessage): Promise<SendAccepted> {
    if (/[\r\n]/.test(msg.reference) || /[\r\n]/.test(msg.fromName))
      throw new ChannelError('technical', 'Nama pengirim atau referensi email tidak sah / invalid email sender name or reference');
    const messageId = this.messageIdFor(msg.reference);
    let info: SMTPPoolSentMessageInfo;
    try {
      info = await this.#transport.sendMail({
        from: { name: msg.fromName, address: this.#from },
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html !== undefined ? { html: msg.html } : {}),
        ...(msg.replyTo !== undefined ? { replyTo: msg.replyTo } : {}),
        messageId,
        headers: { [EMAIL_REFERENCE_HEADER]: msg.reference },
      });
    } catch (err) {
      throw smtpError(err);
    }
    if (info.rejected.length > 0 && info.accepted.length === 0)
      throw new ChannelError('permanent', 'Server email menolak alamat penerima / mail server rejected the recipient', undefined);
    return { providerId: queueId(info.response) ?? info.messageId ?? messageId };
  }

  /** Connects and authenticates once: for the admin's "test settings" button. */
  async verify(): Promise<void> {
    try {
      await this.#transport.verify();
    } catch (err) {
      throw smtpError(err);
    }
  }

  close(): void {
    this.#transport.close();
  }
}

/** Postfix/Exim/most relays: `250 2.0.0 Ok: queued as 4F2A81C0123`. */
function queueId(response: string | undefined): string | undefined {
  if (!response) return undefined;
  return /queued as\s+<?([A-Za-z0-9._@-]+)>?/i.exec(response)?.[1] ?? /\bid=([A-Za-z0-9._@-]+)/i.exec(response)?.[1];
}

/** Nodemailer's error onto our failure kinds; the server's text is left out (it may quote the address). */
export function smtpError(err: unknown): ChannelError {
  const e = (err ?? {}) as NodemailerError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const command = (e.command ?? '').toUpperCase();
  if (code !== undefined) {
    const pc = String(code);
    if (code >= 400 && code < 500) return new ChannelError('temporary', 'Server email menolak sementara / mail server deferred the message', pc);
    if (code >= 500) {
      if (RECIPIENT_CODES.has(code) && (command.startsWith('RCPT') || e.code === 'EENVELOPE'))
        return new ChannelError('permanent', 'Server email menolak alamat penerima / mail server rejected the recipient', pc);
      if (code === 535 || e.code === 'EAUTH') return new ChannelError('technical', 'Login ke server email ditolak / mail server rejected our credentials', pc);
      return new ChannelError('technical', 'Server email menolak pesan atau pengaturan kami / mail server rejected our message or settings', pc);
    }
  }
  const errno = e.code ?? '';
  if (CONNECTION_CODES.has(errno) || CONNECTION_CODES.has(e.originalCode ?? ''))
    return new ChannelError('temporary', 'Server email tidak dapat dihubungi / mail server unreachable', errno || undefined);
  if (errno === 'EAUTH' || errno === 'ENOAUTH') return new ChannelError('technical', 'Login ke server email gagal / mail server login failed', errno);
  return new ChannelError('technical', 'Pengiriman email gagal / email send failed', errno || undefined);
}
