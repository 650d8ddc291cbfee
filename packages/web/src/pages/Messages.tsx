import { useMemo } from 'react';
import { Link } from 'wouter';
import type { operations } from '@satupintu/client';
import { client, unwrap } from '../api.js';
import { Async, LoadMore, PageTitle, RequireLogin, useAsync, usePaged } from '../components.js';
import { useI18n, type Lang } from '../i18n.js';
import type { Localized } from '../types.js';

/** The JSON answer (200) of an operation, e.g. `Answer<'getMyContacts'>`. */
export type Answer<Op extends keyof operations> = operations[Op] extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

export type Message = Answer<'listMyNotifications'>['items'][number];
export type MessageStatus = Message['status'];
export type MessageChannel = Message['channel'];
export type ContactChannel = Exclude<MessageChannel, 'inbox'>;

/** Words of the notification pages (Indonesian first); kept here so the shared dictionary stays the shell's. */
export const NOTIFY_WORDS = {
  messagesToYou: { id: 'Pesan untuk Anda', en: 'Messages to you' },
  myMessages: { id: 'Pesan saya', en: 'My messages' },
  noMessages: { id: 'Belum ada pesan.', en: 'No messages yet.' },
  manageChannels: { id: 'Atur saluran pesan', en: 'Manage message channels' },
  channel: { id: 'Saluran', en: 'Channel' },
  state: { id: 'Keadaan', en: 'State' },
  time: { id: 'Waktu', en: 'Time' },
  attempts: { id: 'Percobaan pengiriman', en: 'Delivery attempts' },
  to: { id: 'Tujuan', en: 'To' },
  application: { id: 'Permohonan', en: 'Application' },
  openApplication: { id: 'Lihat permohonan', en: 'View the application' },
} satisfies Record<string, Localized>;
export const nw = (lang: Lang) => (w: keyof typeof NOTIFY_WORDS) => NOTIFY_WORDS[w][lang];

export const CHANNEL_NAMES: Record<MessageChannel, Localized> = {
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  sms: { id: 'SMS', en: 'SMS' },
  email: { id: 'Email', en: 'Email' },
  inbox: { id: 'Di aplikasi', en: 'In the app' },
};

/** Delivery states in plain words (never the raw codes). */
export const STATUS_WORDS: Record<MessageStatus, Localized> = {
  created: { id: 'Menunggu dikirim', en: 'Waiting to be sent' },
  sending: { id: 'Sedang dikirim', en: 'Being sent' },
  sent: { id: 'Terkirim', en: 'Sent' },
  delivered: { id: 'Sudah diterima', en: 'Received' },
  read: { id: 'Sudah dibaca', en: 'Read' },
  'temporary-failure': { id: 'Belum sampai — dicoba lagi', en: 'Not through yet — trying again' },
  'permanent-failure': { id: 'Gagal terkirim', en: 'Could not be delivered' },
  'technical-failure': { id: 'Gagal karena gangguan sistem', en: 'Failed (a system problem)' },
};

const FAILED: ReadonlySet<MessageStatus> = new Set(['permanent-failure', 'technical-failure']);

/** One message as the person reads it: a state word, with the fallback channel named when it failed over. */
export function stateWords(m: Message, next: Message | undefined, lang: Lang): string {
  if (next && FAILED.has(m.status)) return lang === 'id' ? `Gagal — dikirim lewat ${CHANNEL_NAMES[next.channel].id}` : `Failed — sent by ${CHANNEL_NAMES[next.channel].en} instead`;
  if (m.channel === 'inbox') return lang === 'id' ? 'Tersimpan di aplikasi' : 'Kept in the app';
  return STATUS_WORDS[m.status][lang];
}

const stateClass = (s: MessageStatus) => (FAILED.has(s) ? 'badge-rejected' : s === 'delivered' || s === 'read' ? 'badge-completed' : 'badge-submitted');

/**
 * Messages grouped as people think of them: a WhatsApp message that failed and the SMS (or email)
 * the platform sent instead are one message with two attempts.
 */
export function groupAttempts(items: Message[]): Message[][] {
  // A message that replaced a failed one on another channel names it (`fallbackFrom`): chains are exact.
  const byPrevious = new Map(items.filter((m) => m.fallbackFrom).map((m) => [m.fallbackFrom!, m]));
  const groups: Message[][] = [];
  for (const first of items.filter((m) => !m.fallbackFrom || !items.some((o) => o.id === m.fallbackFrom))) {
    const group = [first];
    for (let next = byPrevious.get(first.id); next && group.length < 4; next = byPrevious.get(next.id)) group.push(next);
    groups.push(group);
  }
  // Newest first, by when the message was first tried.
  return groups.sort((a, b) => b[0]!.createdAt.localeCompare(a[0]!.createdAt));
}

const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const zones = new Map<string, Promise<string>>();

/** The tenant's IANA time zone (one read per tenant per page load; the browser's own zone until it is in). */
export function useTenantZone(tenant: string): string | undefined {
  const state = useAsync(() => {
    let z = zones.get(tenant);
    if (!z) {
      z = unwrap(client.GET('/api/v1/tenants/{tenant}', { params: { path: { tenant } } })).then((t) => t.timeZone);
      z.catch(() => zones.delete(tenant));
      zones.set(tenant, z);
    }
    return z;
  }, [tenant]);
  return state.data;
}

/** A time in the regency's zone with its Indonesian name (WIB, WITA, WIT), as the counter would say it. */
export function useZonedTime(tenant: string): (iso: string) => string {
  const zone = useTenantZone(tenant);
  const { lang } = useI18n();
  return useMemo(() => {
    const fmt = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) });
    const suffix = zone ? (ZONE_NAMES[zone] ?? zone) : '';
    return (iso: string) => `${fmt.format(new Date(iso))}${suffix ? ` ${suffix}` : ''}`;
  }, [zone, lang]);
}

/** A list of messages, each with its attempts; `showTo` adds where each attempt went (masked for staff). */
export function MessageList({ tenant, items, showTo = false, linkApplications = false }: { tenant: string; items: Message[]; showTo?: boolean; linkApplications?: boolean }) {
  const { lang, L } = useI18n();
  const w = nw(lang);
  const at = useZonedTime(tenant);
  const groups = useMemo(() => groupAttempts(items), [items]);
  if (groups.length === 0) return <p className="muted">{w('noMessages')}</p>;
  return (
    <ol className="docs messages">
      {groups.map((g) => {
        const last = g[g.length - 1]!;
        return (
          <li key={g[0]!.id}>
            <p className="msg-text">{last.text}</p>
            <p className="small">
              <span className={`badge ${stateClass(last.status)}`}>{stateWords(last, undefined, lang)}</span> · {L(CHANNEL_NAMES[last.channel])} · <time dateTime={g[0]!.createdAt}>{at(g[0]!.createdAt)}</time>
              {showTo && last.to && <span className="muted"> · {last.to}</span>}
              {linkApplications && last.applicationId && (
                <>
                  {' · '}
                  <Link href={`/t/${tenant}/permohonan/${last.applicationId}`}>{w('openApplication')}</Link>
                </>
              )}
            </p>
            {g.length > 1 && (
              <div className="small">
                <span className="muted">{w('attempts')}:</span>
                <ol>
                  {g.map((m, i) => (
                    <li key={m.id}>
                      {L(CHANNEL_NAMES[m.channel])}: {stateWords(m, g[i + 1], lang)} · <time dateTime={m.updatedAt}>{at(m.updatedAt)}</time>
                      {showTo && m.to && <span className="muted"> · {m.to}</span>}
                    </li>
                  ))}
                </ol>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** The tracking page's "Pesan untuk Anda": this application's messages, newest first. */
export function ApplicationMessages({ tenant, application }: { tenant: string; application: string }) {
  const { lang } = useI18n();
  const w = nw(lang);
  const list = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/me/notifications', { params: { path: { tenant }, query: { application, limit: 50, cursor } } })), [tenant, application]);
  return (
    <section className="card" aria-labelledby="msgs">
      <h2 id="msgs">{w('messagesToYou')}</h2>
      <Async state={list}>{(items) => <MessageList tenant={tenant} items={items} />}</Async>
      <LoadMore list={list} />
      <p className="small">
        <Link href={`/t/${tenant}/saluran`}>{w('manageChannels')}</Link>
      </p>
    </section>
  );
}

/** `/t/:tenant/pesan`: every message the regency sent me, a page at a time. */
export function MyMessages({ tenant }: { tenant: string }) {
  const { lang } = useI18n();
  const w = nw(lang);
  const list = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/me/notifications', { params: { path: { tenant }, query: { limit: 50, cursor } } })), [tenant]);
  return (
    <RequireLogin>
      <PageTitle>{w('myMessages')}</PageTitle>
      <p>
        <Link href={`/t/${tenant}/saluran`}>{w('manageChannels')}</Link>
      </p>
      <Async state={list}>{(items) => <MessageList tenant={tenant} items={items} linkApplications />}</Async>
      <LoadMore list={list} />
    </RequireLogin>
  );
}
