import { localDateTime, type Tenant } from '@satupintu/core';
import type { SopState } from '@satupintu/plugin-sdk';
import { coreTemplate, render, STAFF_TITLES, type Lang, type NotificationTemplate } from './templates.js';

/**
 * From an outbox row to what a message says: which template, for whom, with which values. Pure
 * apart from the lookups handed in (service names from the plugin registry), so the mapping of
 * every event is unit-tested.
 */

/** What the mapping needs to know beyond the outbox row. */
export interface Lookups {
  tenant: Tenant;
  /** The web app's origin (PUBLIC_URL), for links in messages. */
  base: string;
  /** A service's name and SOP states, by `plugin.service` (the version the application runs on when known). */
  service(ref: { plugin: string; service: string; version?: string }): Promise<{ name: { id: string; en: string }; states: Record<string, SopState> } | undefined>;
}

/** One message to write: the template, the recipients (outbox `to` entries), the values in each language. */
export interface Planned {
  template: NotificationTemplate;
  dedupeKey: string;
  to: string[];
  applicationId: string | null;
  /** Values per language (a service's name, a date, differ by language). */
  values: Record<Lang, Record<string, string>>;
}

const zoneLabel = (tz: string) => (tz === 'Asia/Makassar' ? 'WITA' : tz === 'Asia/Jayapura' ? 'WIT' : 'WIB');
const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A date as a person reads it in the tenant's zone: "Senin, 14 Desember 2026". */
export function longDate(at: Date, tz: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: tz }).format(at);
}

/** A session as a person reads it: "Selasa, 15 Desember 2026 pukul 08:00–10:00 WIB". */
export function sessionWhen(s: { date?: unknown; start?: unknown; end?: unknown }, tz: string, lang: Lang): string {
  if (typeof s.date !== 'string' || typeof s.start !== 'string') return '-';
  const day = longDate(localDateTime(s.date, s.start.slice(0, 5), tz), tz, lang);
  const span = typeof s.end === 'string' ? `${s.start.slice(0, 5)}–${s.end.slice(0, 5)}` : s.start.slice(0, 5);
  return `${day} ${lang === 'id' ? 'pukul' : 'at'} ${span} ${zoneLabel(tz)}`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const both = (f: (lang: Lang) => Record<string, string>): Record<Lang, Record<string, string>> => ({ id: f('id'), en: f('en') });
const splitRef = (ref: unknown): { plugin: string; service: string } | undefined => {
  const s = str(ref);
  const at = s?.lastIndexOf('.') ?? -1;
  return s && at > 0 ? { plugin: s.slice(0, at), service: s.slice(at + 1) } : undefined;
};
const fallbackName = (ref: string) => ({ id: ref, en: ref });
const MPP_PLACE = (t: Tenant, lang: Lang) => (lang === 'id' ? `Mal Pelayanan Publik ${t.name}` : `the Public Service Mall of ${t.name}`);

/** What an outbox row becomes: none, or one message (for its recipients). */
export async function plan(kind: string, p: Record<string, unknown>, outboxId: string, l: Lookups): Promise<Planned | undefined> {
  const t = l.tenant;
  const tz = t.timeZone;
  const base = l.base.replace(/\/+$/, '');
  const appLink = (id: unknown) => `${base}/t/${t.slug}/permohonan/${String(id)}`;
  const tpl = (event: string) => coreTemplate(event)!;
  switch (kind) {
    case 'application.submitted':
    case 'application.moved': {
      const svc = await l.service({ plugin: String(p.pluginId), service: String(p.serviceCode), version: str(p.pluginVersion) });
      const name = svc?.name ?? fallbackName(`${String(p.pluginId)}.${String(p.serviceCode)}`);
      const common = (lang: Lang) => ({ service: name[lang], trackingCode: String(p.trackingCode), link: appLink(p.applicationId) });
      const to = [p.applicantSub ? `citizen:${String(p.applicantSub)}` : `application:${String(p.applicationId)}`];
      const applicationId = String(p.applicationId);
      if (kind === 'application.submitted') {
        const due = str(p.dueAt);
        return {
          template: tpl('application.received'),
          dedupeKey: `application.received:${applicationId}`,
          to,
          applicationId,
          values: both((lang) => ({ ...common(lang), dueDate: due ? longDate(new Date(due), tz, lang) : lang === 'id' ? 'sesuai standar pelayanan' : 'as the service standard says' })),
        };
      }
      const state = svc?.states[String(p.to)];
      const stateName = (lang: Lang) => state?.name[lang] ?? String(p.to);
      const comment = str(p.comment);
      const key = (event: string) => `${event}:${outboxId}`;
      if (p.status === 'completed')
        return { template: tpl('application.ready'), dedupeKey: key('application.ready'), to, applicationId, values: both((lang) => ({ ...common(lang), collect: comment ? `${stateName(lang)} (${comment})` : stateName(lang) })) };
      if (p.status === 'rejected')
        return { template: tpl('application.rejected'), dedupeKey: key('application.rejected'), to, applicationId, values: both((lang) => ({ ...common(lang), reason: comment ?? stateName(lang) })) };
      if (p.status !== 'submitted') return undefined;
      if (state?.actor === 'citizen')
        return { template: tpl('application.documents_requested'), dedupeKey: key('application.documents_requested'), to, applicationId, values: both((lang) => ({ ...common(lang), request: comment ?? stateName(lang) })) };
      const notify = state?.notify;
      if (notify)
        return {
          template: tpl('application.step'),
          dedupeKey: key('application.step'),
          to,
          applicationId,
          values: both((lang) => ({ ...common(lang), message: render({ event: `${String(p.pluginId)}:${String(p.to)}` }, notify[lang], { trackingCode: String(p.trackingCode), service: name[lang], state: stateName(lang) }) })),
        };
      return undefined;
    }
    case 'application.due_changed': {
      // The calendar changed (a holiday, cuti bersama, a closure) and the service's due date moved (applications/recompute.ts).
      const svc = await l.service({ plugin: String(p.pluginId), service: String(p.serviceCode), version: str(p.pluginVersion) });
      const name = svc?.name ?? fallbackName(`${String(p.pluginId)}.${String(p.serviceCode)}`);
      const applicationId = String(p.applicationId);
      const day = (date: unknown) => (str(date) ? localDateTime(String(date), '12:00', tz) : undefined);
      const before = day(p.before);
      const after = str(p.dueAt) ? new Date(String(p.dueAt)) : day(p.after);
      if (!before || !after) return undefined;
      return {
        template: tpl('application.due_changed'),
        // One message per move (the recompute writes a notice only when the date moved, so a rerun adds none); a date that moves back is news again.
        dedupeKey: `application.due_changed:${outboxId}`,
        to: [p.applicantSub ? `citizen:${String(p.applicantSub)}` : `application:${applicationId}`],
        applicationId,
        values: both((lang) => ({ service: name[lang], trackingCode: String(p.trackingCode), before: longDate(before, tz, lang), dueDate: longDate(after, tz, lang), link: appLink(applicationId) })),
      };
    }
    case 'appointment.booked':
    case 'appointment.moved':
    case 'appointment.withdrawn':
    case 'session.cancelled': {
      const ref = splitRef(p.service);
      const svc = ref ? await l.service(ref) : undefined;
      const name = svc?.name ?? fallbackName(str(p.service) ?? '-');
      const link = ref ? `${base}/t/${t.slug}/layanan/${ref.plugin}.${ref.service}/sesi` : `${base}/t/${t.slug}`;
      const rawTo = p.to;
      const subs = (Array.isArray(rawTo) ? rawTo : [rawTo]).map(String).filter((s) => s && !s.includes('walk-in:'));
      const to = subs.map((s) => (s.startsWith('citizen:') ? s : `citizen:${s}`));
      const applicationId = str(p.application) ?? null;
      if (kind === 'appointment.booked')
        return { template: tpl('appointment.booked'), dedupeKey: `appointment.booked:${String(p.booking)}`, to, applicationId, values: both((lang) => ({ service: name[lang], when: sessionWhen(p, tz, lang), place: MPP_PLACE(t, lang), link })) };
      if (kind === 'appointment.withdrawn')
        return { template: tpl('appointment.withdrawn'), dedupeKey: `appointment.withdrawn:${String(p.booking)}`, to, applicationId, values: both((lang) => ({ service: name[lang], when: sessionWhen(p, tz, lang), link })) };
      if (kind === 'appointment.moved') {
        const before = (p.before ?? {}) as Record<string, unknown>;
        return {
          template: tpl('appointment.moved'),
          dedupeKey: `appointment.moved:${String(p.booking)}`,
          to,
          applicationId,
          values: both((lang) => ({
            service: name[lang],
            before: sessionWhen(before, tz, lang),
            when: sessionWhen(p, tz, lang),
            reason: p.reason === 'requested' ? (lang === 'id' ? 'atas permintaan Anda' : 'at your request') : (str(p.reason) ?? '-'),
            link,
          })),
        };
      }
      const suggestion = (p.suggestion ?? null) as Record<string, unknown> | null;
      return {
        template: tpl('appointment.cancelled'),
        dedupeKey: `appointment.cancelled:${String(p.booking)}`,
        to,
        applicationId,
        values: both((lang) => ({
          service: name[lang],
          when: sessionWhen({ date: p.date, start: p.start }, tz, lang),
          reason: str(p.reason) ?? '-',
          options: suggestion ? sessionWhen({ date: suggestion.date, start: suggestion.start ?? suggestion.startTime, end: suggestion.end ?? suggestion.endTime }, tz, lang) : lang === 'id' ? 'belum ada, pantau jadwal baru' : 'none yet, watch for new sessions',
          link,
        })),
      };
    }
    case 'queue.called_soon':
      return {
        template: tpl('queue.called_soon'),
        dedupeKey: `queue.called_soon:${String(p.booking)}`,
        to: (p.to as string[]) ?? [],
        applicationId: null,
        values: both((lang) => ({ queueNumber: String(p.queueNumber), ahead: String(p.ahead), counter: `${lang === 'id' ? 'loket' : 'counter'} ${String(p.counter)}` })),
      };
    case 'complaint.answered':
    case 'complaint.rejected':
      return {
        template: tpl(kind),
        dedupeKey: `${kind}:${outboxId}`,
        to: ((p.to as string[]) ?? []).filter((r) => r.startsWith('citizen:')),
        applicationId: null,
        values: both(() => ({ trackingCode: String(p.trackingCode), link: `${base}/t/${t.slug}/pengaduan/${String(p.complaint)}` })),
      };
    case 'skm.invitation': {
      const ref = splitRef(p.service);
      const svc = ref ? await l.service(ref) : undefined;
      const name = svc?.name ?? fallbackName(str(p.service) ?? '-');
      const to = ((p.to as string[]) ?? []).map((r) => (r === 'counter' ? `application:${String(p.application)}` : r));
      return {
        template: tpl('skm.invitation'),
        dedupeKey: `skm.invitation:${String(p.invitation)}`,
        to,
        applicationId: str(p.application) ?? null,
        values: both((lang) => ({ service: name[lang], link: `${base}/t/${t.slug}/skm?token=${encodeURIComponent(String(p.token))}` })),
      };
    }
    default: {
      const title = STAFF_TITLES[kind];
      if (!title) return undefined;
      const staff = ((p.to as string[] | undefined) ?? []).filter((r) => r === 'tenant-admin' || r.startsWith('officer:'));
      const link = p.application ? `${base}/admin/${t.slug}` : p.complaint ? `${base}/t/${t.slug}/pengaduan/${String(p.complaint)}` : `${base}/admin/${t.slug}`;
      return {
        template: tpl('staff.notice'),
        dedupeKey: `${kind}:${outboxId}`,
        to: staff,
        applicationId: str(p.application) ?? null,
        values: both((lang) => ({ title: title[lang], reference: str(p.trackingCode) ?? '', link })),
      };
    }
  }
}
