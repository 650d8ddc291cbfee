import { SmsAggregator, SmtpMailer, WhatsAppCloud, type NotificationProvidersLike } from './providers.js';

export { type NotificationProvidersLike } from './providers.js';

/**
 * The platform's provider clients, built from configuration (or replaced at run time by a test
 * that points them at its stand-ins): WhatsApp Cloud API (each regency's own number and token),
 * the SMS aggregator, the SMTP relay. A channel whose provider is not configured is off.
 */
export class Providers {
  whatsapp: WhatsAppCloud;
  sms?: { client: SmsAggregator; callbackSecret: string };
  email?: { client: SmtpMailer };

  constructor(p: NotificationProvidersLike) {
    this.whatsapp = new WhatsAppCloud({ graphUrl: p.whatsappGraphUrl });
    this.configure(p);
  }

  /** Points the channels at (other) providers: the old mail pool is closed. */
  configure(p: NotificationProvidersLike): void {
    this.whatsapp = new WhatsAppCloud({ graphUrl: p.whatsappGraphUrl, ...(p.timeoutMs ? { timeoutMs: p.timeoutMs } : {}) });
    this.sms = p.sms ? { client: new SmsAggregator({ apiUrl: p.sms.apiUrl, apiKey: p.sms.apiKey, ...(p.timeoutMs ? { timeoutMs: p.timeoutMs } : {}) }), callbackSecret: p.sms.callbackSecret } : undefined;
    this.email?.client.close();
    this.email = p.email ? { client: new SmtpMailer({ url: p.email.smtpUrl, from: p.email.from, ...(p.timeoutMs ? { timeoutMs: p.timeoutMs } : {}) }) } : undefined;
  }

  close(): void {
    this.email?.client.close();
  }
}
