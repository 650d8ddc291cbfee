import { localDate, localDateTime, plusDays } from '@satupintu/core';
import { STATUS_RANK, type Channel, type NotificationStatus } from '@satupintu/connectors';

/**
 * The rules of delivery as pure functions (unit-tested without any server): the status a log
 * of events adds up to, the order of channels, quiet hours, back-off, caps.
 */

/** The current status of a notification: the highest-ranked event of its log, whatever order the events arrived in. */
export function deriveStatus(events: readonly { status: NotificationStatus }[]): NotificationStatus {
  let best: NotificationStatus = 'created';
  for (const e of events) if (STATUS_RANK[e.status] > STATUS_RANK[best]) best = e.status;
  return best;
}

/** Statuses after which nothing more is sent on that channel. */
export const FINAL: ReadonlySet<NotificationStatus> = new Set(['sent', 'delivered', 'read', 'permanent-failure', 'technical-failure']);
/** Statuses that hand the message to the next channel. */
export const FALLS_BACK: ReadonlySet<NotificationStatus> = new Set(['permanent-failure', 'technical-failure']);

/** WhatsApp first (read most), then SMS (registered sender ID), then email. */
export const CHANNEL_ORDER: readonly Exclude<Channel, 'inbox'>[] = ['whatsapp', 'sms', 'email'];

/** The first channel after `after` (or the first of all) that the person can be reached on. */
export function nextChannel(reachable: ReadonlySet<Channel>, after?: Channel): Exclude<Channel, 'inbox'> | undefined {
  const start = after ? CHANNEL_ORDER.indexOf(after as Exclude<Channel, 'inbox'>) + 1 : 0;
  return CHANNEL_ORDER.slice(start).find((c) => reachable.has(c));
}

export interface QuietHours {
  /** Local HH:MM when quiet starts (e.g. 21:00). */
  start: string;
  /** Local HH:MM when it ends (e.g. 07:00). */
  end: string;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

const localMinutes = (at: Date, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
};

/**
 * When a non-urgent message may go out: `now` outside quiet hours, else the end of the quiet
 * period in the tenant's time zone (a 22:40 WITA message waits for 07:00 WITA).
 */
export function afterQuietHours(now: Date, timeZone: string, quiet: QuietHours | null): Date {
  if (!quiet || quiet.start === quiet.end) return now;
  const [s, e, t] = [minutesOf(quiet.start), minutesOf(quiet.end), localMinutes(now, timeZone)];
  const inQuiet = s < e ? t >= s && t < e : t >= s || t < e;
  if (!inQuiet) return now;
  const today = localDate(now, timeZone);
  // Quiet that wraps midnight ends tomorrow when we are before midnight.
  const endDay = s > e && t >= s ? plusDays(today, 1) : today;
  return localDateTime(endDay, quiet.end, timeZone);
}

/** The start of the next local day (a day's cap is spent: the message waits for tomorrow, after quiet hours). */
export function nextLocalMorning(now: Date, timeZone: string, quiet: QuietHours | null): Date {
  const tomorrow = localDateTime(plusDays(localDate(now, timeZone), 1), '00:00', timeZone);
  return afterQuietHours(tomorrow, timeZone, quiet);
}

/** Attempts on one channel before it is given up as a technical failure (then the next channel). */
export const MAX_ATTEMPTS = 6;

/** The wait before attempt n+1 after a temporary failure: 10 s × 3^(n−1), capped at 30 min, with ±20 % jitter; a provider's Retry-After wins when longer. */
export function backoffMs(attempt: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const base = Math.min(10_000 * 3 ** Math.max(0, attempt - 1), 30 * 60_000);
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  return Math.max(jittered, retryAfterMs);
}

/**
 * How long a claimed send is leased: a process that dies mid-send leaves the notification
 * `sending`; after the lease the sweep looks again (a provider report that arrived meanwhile
 * proves it was sent; otherwise the same reference is sent again, which the SMS aggregator and
 * the mail receiver dedupe on).
 */
export const SEND_LEASE_MS = 2 * 60_000;

/** Billable units of one message: SMS segments, else one. */
export function billableUnits(channel: Channel, segments?: number): number {
  if (channel === 'inbox') return 0;
  return channel === 'sms' ? Math.max(1, segments ?? 1) : 1;
}

/** A price per billable unit (IDR) for a channel and category; configuration, never code. */
export interface PriceRule {
  channel: Exclude<Channel, 'inbox'>;
  /** A template category, or `*` for any. */
  category: string;
  /** WhatsApp: whether the rule is for messages sent inside the 24-hour service window (free for utility since July 2025). */
  insideWindow?: boolean;
  unitPrice: number;
}

/** The cost of a message by the tenant's price rules (most specific rule wins; no rule: 0). */
export function costOf(rules: readonly PriceRule[], m: { channel: Channel; category: string; units: number; insideWindow: boolean }): number {
  if (m.channel === 'inbox') return 0;
  const fits = rules.filter((r) => r.channel === m.channel && (r.category === m.category || r.category === '*') && (r.insideWindow === undefined || r.insideWindow === m.insideWindow));
  const score = (r: PriceRule) => (r.category === '*' ? 0 : 2) + (r.insideWindow === undefined ? 0 : 1);
  const best = fits.sort((a, b) => score(b) - score(a))[0];
  return best ? Math.round(best.unitPrice * m.units * 100) / 100 : 0;
}

/** WhatsApp's customer-service window: 24 hours after the person's last message to the regency's number. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60_000;
