import type { NotificationProviders } from '@satupintu/core';

export { SmsAggregator, SmtpMailer, WhatsAppCloud } from '@satupintu/connectors';

/** The configured providers (NotificationProviders), with an optional request timeout (tests shorten it). */
export type NotificationProvidersLike = Omit<NotificationProviders, 'leaseSeconds'> & { timeoutMs?: number };
