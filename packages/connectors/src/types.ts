/**
 * The contract every message channel adapter keeps (docs/notifications.md). An adapter speaks one
 * provider's real protocol and nothing else: it knows no tenant, no database and no template
 * store. The notification service hands it a rendered message for one recipient and the sender's
 * credentials, and maps what comes back onto the status vocabulary below.
 */

/** Channels a notification can go out on; `inbox` is the web app itself (always on, never charged). */
export type Channel = 'whatsapp' | 'sms' | 'email' | 'inbox';

/**
 * Notification statuses (GOV.UK Notify's vocabulary plus WhatsApp's `read`). A notification's
 * current status is derived from its append-only event log (see `STATUS_RANK`), never overwritten.
 */
export type NotificationStatus = 'created' | 'sending' | 'sent' | 'delivered' | 'read' | 'temporary-failure' | 'permanent-failure' | 'technical-failure';

/** What a provider's delivery report (status callback, DLR) may say about a message. */
export type ReportedStatus = Extract<NotificationStatus, 'sent' | 'delivered' | 'read' | 'temporary-failure' | 'permanent-failure'>;

/**
 * How statuses order when reports arrive out of order: the current status is the highest-ranked
 * event in the log. A message seen delivered (or read) stays so even if a `failed` arrives after
 * it (WhatsApp multi-device); a failure outranks `sent`; a retry after a temporary failure that
 * is then sent outranks the failure.
 */
export const STATUS_RANK: Readonly<Record<NotificationStatus, number>> = {
  created: 0,
  sending: 1,
  'temporary-failure': 2,
  sent: 3,
  'technical-failure': 4,
  'permanent-failure': 5,
  delivered: 6,
  read: 7,
};

/** A provider accepted a message: its id, which later delivery reports name. */
export interface SendAccepted {
  providerId: string;
}

/**
 * Why a send failed, as the notification service acts on it:
 * - `temporary`: try the same channel again later (provider 5xx, timeout, connection refused);
 * - `throttled`: the provider asked us to slow down (HTTP 429, WhatsApp 130429/131056): retry after `retryAfterMs`;
 * - `permanent`: this recipient cannot be reached on this channel (not on WhatsApp, invalid number): fall back to the next channel;
 * - `technical`: our request or configuration is wrong (bad credentials, unknown template, missing sender): fall back, and tell the regency admin.
 */
export type FailureKind = 'temporary' | 'throttled' | 'permanent' | 'technical';

export class ChannelError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    /** The provider's own error code (e.g. WhatsApp `131026`, SMTP `550`), for the log and the admin. */
    readonly providerCode?: string,
    /** For `throttled` (and `temporary` when the provider said so): how long to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** One delivery report from a provider, after its signature was verified. */
export interface DeliveryReport {
  /** The provider's message id (as returned by send). */
  providerId: string;
  /** Our notification id, when the provider echoes it (WhatsApp `biz_opaque_callback_data`, SMS `reference`). */
  reference?: string;
  status: ReportedStatus;
  /** When the provider says it happened. */
  at: Date;
  providerCode?: string;
  detail?: string;
  /** WhatsApp pricing block, when present: whether the message was billable, and its category. */
  pricing?: { billable: boolean; category?: string };
}

/** A message a person sent to the regency's number (it opens WhatsApp's 24-hour service window; it is not an opt-in). */
export interface InboundMessage {
  /** The sender's phone number in E.164 (`+62…`). */
  from: string;
  at: Date;
  /** The business number it was sent to (WhatsApp phone number id). */
  to: string;
}
