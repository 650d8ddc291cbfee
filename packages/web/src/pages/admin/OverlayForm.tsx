import { useState, type FormEvent } from 'react';
import { client, hasStatus, isStale, problems, unwrap, unwrapWithEtag } from '../../api.js';
import { ErrorBox, Notice, useAsync } from '../../components.js';
import { useI18n } from '../../i18n.js';
import type { Localized, ServiceOverlay } from '../../types.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';

type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';
type Session = { days: Weekday[]; start: string; end: string; capacity: number };
type Schedule = { appointmentRequired: boolean; sessions: Session[]; onlineShare?: number };
const TEXT_KEYS = ['facilities', 'staffing', 'competency', 'supervision'] as const;
type TextKey = (typeof TEXT_KEYS)[number];
/** Keys this form edits with real fields; any other key stays in the JSON box. */
const FORM_KEYS = new Set<string>(['counter', 'contact', 'openingHours', 'schedule', ...TEXT_KEYS]);
type Hours = { days: Weekday[]; open: string; close: string };
const DAYS: { code: Weekday; name: Localized }[] = [
  { code: 'MON', name: { id: 'Senin', en: 'Monday' } },
  { code: 'TUE', name: { id: 'Selasa', en: 'Tuesday' } },
  { code: 'WED', name: { id: 'Rabu', en: 'Wednesday' } },
  { code: 'THU', name: { id: 'Kamis', en: 'Thursday' } },
  { code: 'FRI', name: { id: 'Jumat', en: 'Friday' } },
  { code: 'SAT', name: { id: 'Sabtu', en: 'Saturday' } },
  { code: 'SUN', name: { id: 'Minggu', en: 'Sunday' } },
];

const W = {
  counterName: { id: 'Nama gerai', en: 'Counter name' },
  counterHint: { id: 'Contoh: Gerai Disdukcapil', en: 'For example: Gerai Disdukcapil' },
  counterNumber: { id: 'Nomor loket (boleh kosong)', en: 'Counter number (optional)' },
  counterFloor: { id: 'Lantai atau area (boleh kosong)', en: 'Floor or area (optional)' },
  facilities: { id: 'Sarana, prasarana dan fasilitas (komponen 8)', en: 'Facilities (component 8)' },
  competency: { id: 'Kompetensi pelaksana (komponen 9)', en: 'Staff competency (component 9)' },
  supervision: { id: 'Pengawasan internal (komponen 10)', en: 'Internal supervision (component 10)' },
  staffing: { id: 'Jumlah pelaksana (komponen 11)', en: 'Staffing (component 11)' },
  textId: { id: 'Bahasa Indonesia', en: 'Indonesian' },
  textEn: { id: 'Bahasa Inggris (boleh kosong: disalin dari bahasa Indonesia)', en: 'English (optional: copied from Indonesian)' },
  schedule: { id: 'Jadwal sesi', en: 'Session schedule' },
  appointmentRequired: { id: 'Warga wajib memesan sesi', en: 'Citizens must book a session' },
  onlineShare: { id: 'Bagian kuota yang bisa dipesan online (%)', en: 'Share of places bookable online (%)' },
  session: { id: 'Sesi {n}', en: 'Session {n}' },
  days: { id: 'Hari', en: 'Days' },
  start: { id: 'Mulai', en: 'Start' },
  end: { id: 'Selesai', en: 'End' },
  capacity: { id: 'Kuota orang per sesi', en: 'People per session' },
  addSession: { id: 'Tambah sesi', en: 'Add a session' },
  removeSession: { id: 'Hapus sesi {n}', en: 'Remove session {n}' },
  other: { id: 'Pengaturan lain (JSON, untuk ahli)', en: 'Other settings (JSON, for experts)' },
  otherHint: {
    id: 'Kunci lain yang diizinkan plugin, mis. fee (biaya yang tidak dikunci nasional). Biarkan {} bila tidak perlu.',
    en: 'Other keys the plugin allows, e.g. fee (a fee not locked nationally). Leave {} when not needed.',
  },
  jsonBad: { id: 'Pengaturan lain bukan JSON objek yang sah. Periksa tanda kurung dan tanda kutip, atau kosongkan menjadi {}.', en: 'Other settings are not a valid JSON object. Check the brackets and quotes, or empty it to {}.' },
  contact: { id: 'Kontak layanan di MPP', en: 'Contact for this service at the MPP' },
  phone: { id: 'Nomor telepon atau WhatsApp (boleh kosong)', en: 'Phone or WhatsApp number (optional)' },
  phoneHint: { id: 'Contoh: 0812 3456 7890 atau 022 1234567', en: 'For example: 0812 3456 7890 or 022 1234567' },
  email: { id: 'Email (boleh kosong)', en: 'Email (optional)' },
  contactNote: { id: 'Keterangan lain (boleh kosong)', en: 'Other information (optional)' },
  hours: { id: 'Jam layanan gerai', en: 'Counter opening hours' },
  hoursRow: { id: 'Jam layanan {n}', en: 'Opening hours {n}' },
  open: { id: 'Buka', en: 'Opens' },
  close: { id: 'Tutup', en: 'Closes' },
  addHours: { id: 'Tambah jam layanan', en: 'Add opening hours' },
  removeHours: { id: 'Hapus jam layanan {n}', en: 'Remove opening hours {n}' },
  save: { id: 'Simpan pengaturan layanan', en: 'Save service settings' },
  saved: { id: 'Pengaturan layanan tersimpan. Nilai kesiapan sudah diperbarui.', en: 'Service settings saved. The readiness score is updated.' },
  problem: { id: 'Ada yang perlu diperbaiki', en: 'There is a problem' },
} satisfies Record<string, Localized>;

interface FormState {
  counter: { name: string; number: string; floor: string };
  contact: { phone: string; email: string; note: string };
  hours: Hours[];
  texts: Record<TextKey, { id: string; en: string }>;
  schedule: Schedule | null;
  other: string;
}

const firstText = (c: unknown): { id: string; en: string } => {
  const t = (c as { text?: Localized[] } | undefined)?.text?.[0];
  return { id: t?.id ?? '', en: t?.en ?? '' };
};

function toForm(o: ServiceOverlay, defaults: Schedule | undefined, allows: (k: string) => boolean): FormState {
  // A key with a field here but no longer allowed (a plugin upgrade) stays visible in the JSON box.
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => !(FORM_KEYS.has(k) && allows(k))));
  return {
    counter: { name: o.counter?.name ?? '', number: o.counter?.number ?? '', floor: o.counter?.floor ?? '' },
    contact: { phone: o.contact?.phone ?? '', email: o.contact?.email ?? '', note: o.contact?.note?.id ?? '' },
    hours: (o.openingHours as Hours[] | undefined) ?? [],
    texts: Object.fromEntries(TEXT_KEYS.map((k) => [k, firstText(o[k])])) as FormState['texts'],
    schedule: (o.schedule as Schedule | undefined) ?? (defaults ? structuredClone(defaults) : null),
    other: JSON.stringify(rest, null, 2),
  };
}

/** A plugin version's manifest, read once per page for all its services (published versions never change). */
const manifests = new Map<string, ReturnType<typeof readManifest>>();
const readManifest = (plugin: string, version: string) => unwrap(client.GET('/api/v1/plugins/{plugin}/versions/{version}', { params: { path: { plugin, version } } }));
function manifestOf(plugin: string, version: string) {
  const key = `${plugin}@${version}`;
  let m = manifests.get(key);
  if (!m) {
    m = readManifest(plugin, version);
    manifests.set(key, m);
    m.catch(() => manifests.delete(key));
  }
  return m;
}

/**
 * One service's overlay as a form: the counter, the regency's components of the standard, the
 * session schedule — only the keys the plugin lets the regency set — and any other key as JSON.
 * Read with its ETag and saved with If-Match (create-only, If-None-Match: *, while there is none).
 */
export function OverlayForm({ tenant, plugin, version, service, onSaved }: { tenant: string; plugin: string; version: string; service: string; onSaved(): void }) {
  const { lang, L } = useI18n();
  const say = (w: keyof typeof W, vars: Record<string, string | number> = {}) => W[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  const path = { tenant, plugin, service };
  const state = useAsync(async () => {
    const [overlay, manifest] = await Promise.all([
      unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/installations/{plugin}/overlays/{service}', { params: { path } })).catch((e: unknown) =>
        hasStatus(e, 404) ? { data: {} as ServiceOverlay, etag: undefined } : Promise.reject(e),
      ),
      manifestOf(plugin, version),
    ]);
    const def = manifest.manifest.services.find((s) => s.code === service);
    return { overlay: overlay.data, etag: overlay.etag, overlayable: def?.overlayable ?? [], defaults: def?.schedule as Schedule | undefined };
  }, [tenant, plugin, version, service]);
  const [form, setForm] = useState<FormState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  if (state.error) return <ErrorBox error={state.error} />;
  if (!state.data) return null;
  const { overlay, etag, overlayable, defaults } = state.data;
  const allows = (k: string) => overlayable.includes(k as never);
  const value = form ?? toForm(overlay, defaults, allows);
  const base = `ov-${plugin}-${service}`;
  const id = (k: string) => `${base}-${k}`;
  // A problem's pointer → the field it names (e.g. /schedule/sessions/0/capacity → …-schedule-0-capacity).
  const fieldOf = (pointer: string) => {
    const parts = pointer.split('/').slice(1);
    const candidates = [parts.join('-'), parts.filter((p) => p !== 'sessions').join('-'), parts[0] ?? ''].map((p) => id(p));
    if (parts[0] && !(FORM_KEYS.has(parts[0]) && allows(parts[0]))) return id('other');
    return candidates.find((c) => document.getElementById(c));
  };
  const hasError = (pointer: string) => problems(error).some((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
  const aria = (pointer: string) => (hasError(pointer) ? { 'aria-invalid': true as const } : {});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    let rest: unknown;
    try {
      rest = JSON.parse(value.other.trim() || '{}');
    } catch {
      rest = null;
    }
    if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) {
      setError(new Error(say('jsonBad')));
      document.getElementById(id('other'))?.focus();
      return;
    }
    const body: Record<string, unknown> = { ...(rest as Record<string, unknown>) };
    if (allows('counter') && value.counter.name.trim())
      body.counter = { name: value.counter.name.trim(), ...(value.counter.number.trim() ? { number: value.counter.number.trim() } : {}), ...(value.counter.floor.trim() ? { floor: value.counter.floor.trim() } : {}) };
    if (allows('contact')) {
      const { phone, email, note } = value.contact;
      const contact = { ...(phone.trim() ? { phone: phone.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}), ...(note.trim() ? { note: { id: note.trim(), en: overlay.contact?.note?.en || note.trim() } } : {}) };
      if (Object.keys(contact).length) body.contact = contact;
    }
    if (allows('openingHours') && value.hours.length) body.openingHours = value.hours;
    for (const k of TEXT_KEYS) {
      const t = value.texts[k];
      if (allows(k) && t.id.trim()) body[k] = { text: [{ id: t.id.trim(), en: t.en.trim() || t.id.trim() }] };
    }
    // The schedule is saved only once it differs from the plugin's default.
    if (allows('schedule') && value.schedule && JSON.stringify(value.schedule) !== JSON.stringify(defaults)) body.schedule = value.schedule;
    const header = etag ? { 'If-Match': etag } : { 'If-None-Match': '*' };
    unwrapWithEtag(client.PUT('/api/v1/tenants/{tenant}/installations/{plugin}/overlays/{service}', { params: { path, header }, body: body as ServiceOverlay })).then(
      (answer) => {
        setSaved(true);
        setForm(null);
        state.set({ ...state.data!, overlay: answer.data, etag: answer.etag });
        onSaved();
      },
      (e: unknown) => {
        setError(e);
        if (isStale(e)) state.reload();
      },
    );
  };

  const setHours = (i: number, patch: Partial<Hours>) => setForm({ ...value, hours: value.hours.map((x, n) => (n === i ? { ...x, ...patch } : x)) });
  const sched = value.schedule;
  const setSched = (s: Schedule) => setForm({ ...value, schedule: s });
  const setSession = (i: number, patch: Partial<Session>) => sched && setSched({ ...sched, sessions: sched.sessions.map((x, n) => (n === i ? { ...x, ...patch } : x)) });

  return (
    <form onSubmit={submit} noValidate aria-label={say('save')}>
      <ErrorSummary error={error} fieldOf={fieldOf} title={say('problem')} />
      {saved && <Notice>{say('saved')}</Notice>}
      {allows('counter') && (
        <fieldset>
          <legend>{L({ id: 'Gerai (loket)', en: 'Counter (gerai)' })}</legend>
          <div className="field">
            <label htmlFor={id('counter')}>{say('counterName')}</label>
            <span id={id('counter-hint')} className="muted small">
              {say('counterHint')}
            </span>
            <input id={id('counter')} aria-describedby={id('counter-hint')} maxLength={120} value={value.counter.name} onChange={(e) => setForm({ ...value, counter: { ...value.counter, name: e.target.value } })} {...aria('/counter')} />
          </div>
          <div className="grid2">
            <div className="field">
              <label htmlFor={id('counter-number')}>{say('counterNumber')}</label>
              <input id={id('counter-number')} maxLength={20} value={value.counter.number} onChange={(e) => setForm({ ...value, counter: { ...value.counter, number: e.target.value } })} {...aria('/counter/number')} />
            </div>
            <div className="field">
              <label htmlFor={id('counter-floor')}>{say('counterFloor')}</label>
              <input id={id('counter-floor')} maxLength={60} value={value.counter.floor} onChange={(e) => setForm({ ...value, counter: { ...value.counter, floor: e.target.value } })} {...aria('/counter/floor')} />
            </div>
          </div>
        </fieldset>
      )}
      {allows('contact') && (
        <fieldset>
          <legend>{say('contact')}</legend>
          <div className="grid2">
            <div className="field">
              <label htmlFor={id('contact-phone')}>{say('phone')}</label>
              <span id={id('contact-phone-hint')} className="muted small">
                {say('phoneHint')}
              </span>
              <input id={id('contact-phone')} type="tel" inputMode="tel" autoComplete="off" aria-describedby={id('contact-phone-hint')} maxLength={30} value={value.contact.phone} onChange={(e) => setForm({ ...value, contact: { ...value.contact, phone: e.target.value } })} {...aria('/contact/phone')} />
            </div>
            <div className="field">
              <label htmlFor={id('contact-email')}>{say('email')}</label>
              <input id={id('contact-email')} type="email" inputMode="email" autoComplete="off" maxLength={200} value={value.contact.email} onChange={(e) => setForm({ ...value, contact: { ...value.contact, email: e.target.value } })} {...aria('/contact/email')} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={id('contact-note')}>{say('contactNote')}</label>
            <input id={id('contact-note')} maxLength={400} value={value.contact.note} onChange={(e) => setForm({ ...value, contact: { ...value.contact, note: e.target.value } })} {...aria('/contact/note')} />
          </div>
        </fieldset>
      )}
      {allows('openingHours') && (
        <fieldset>
          <legend>{say('hours')}</legend>
          {value.hours.map((h, i) => (
            <fieldset key={i} className="onb-session">
              <legend>{say('hoursRow', { n: i + 1 })}</legend>
              <Days id={id(`openingHours-${i}-days`)} legend={say('days')} days={h.days} onChange={(days) => setHours(i, { days })} />
              <div className="grid2">
                <div className="field">
                  <label htmlFor={id(`openingHours-${i}-open`)}>{say('open')}</label>
                  <input id={id(`openingHours-${i}-open`)} type="time" value={h.open} onChange={(e) => setHours(i, { open: e.target.value })} {...aria(`/openingHours/${i}/open`)} />
                </div>
                <div className="field">
                  <label htmlFor={id(`openingHours-${i}-close`)}>{say('close')}</label>
                  <input id={id(`openingHours-${i}-close`)} type="time" value={h.close} onChange={(e) => setHours(i, { close: e.target.value })} {...aria(`/openingHours/${i}/close`)} />
                </div>
              </div>
              <button type="button" className="btn small secondary" onClick={() => setForm({ ...value, hours: value.hours.filter((_, n) => n !== i) })}>
                {say('removeHours', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" className="btn small secondary" onClick={() => setForm({ ...value, hours: [...value.hours, { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], open: '08:00', close: '15:00' }] })}>
            {say('addHours')}
          </button>
        </fieldset>
      )}
      {TEXT_KEYS.filter(allows).map((k) => (
        <fieldset key={k}>
          <legend>{say(k)}</legend>
          <div className="field">
            <label htmlFor={id(k)}>{say('textId')}</label>
            <textarea id={id(k)} rows={2} maxLength={4000} value={value.texts[k].id} onChange={(e) => setForm({ ...value, texts: { ...value.texts, [k]: { ...value.texts[k], id: e.target.value } } })} {...aria(`/${k}`)} />
          </div>
          <div className="field">
            <label htmlFor={id(`${k}-en`)}>{say('textEn')}</label>
            <textarea id={id(`${k}-en`)} rows={2} maxLength={4000} value={value.texts[k].en} onChange={(e) => setForm({ ...value, texts: { ...value.texts, [k]: { ...value.texts[k], en: e.target.value } } })} />
          </div>
        </fieldset>
      ))}
      {allows('schedule') && sched && (
        <fieldset>
          <legend>{say('schedule')}</legend>
          <label className="inline">
            <input type="checkbox" checked={sched.appointmentRequired} onChange={(e) => setSched({ ...sched, appointmentRequired: e.target.checked })} /> {say('appointmentRequired')}
          </label>
          <div className="field">
            <label htmlFor={id('schedule-onlineShare')}>{say('onlineShare')}</label>
            <input
              id={id('schedule-onlineShare')}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={sched.onlineShare === undefined ? '' : Math.round(sched.onlineShare * 100)}
              onChange={(e) => {
                const { onlineShare: _, ...others } = sched;
                setSched(e.target.value === '' ? others : { ...others, onlineShare: Number(e.target.value) / 100 });
              }}
              {...aria('/schedule/onlineShare')}
            />
          </div>
          {sched.sessions.map((s, i) => (
            <fieldset key={i} className="onb-session">
              <legend>{say('session', { n: i + 1 })}</legend>
              <Days id={id(`schedule-${i}-days`)} legend={say('days')} days={s.days} onChange={(days) => setSession(i, { days })} />
              <div className="grid3">
                <div className="field">
                  <label htmlFor={id(`schedule-${i}-start`)}>{say('start')}</label>
                  <input id={id(`schedule-${i}-start`)} type="time" value={s.start} onChange={(e) => setSession(i, { start: e.target.value })} {...aria(`/schedule/sessions/${i}/start`)} />
                </div>
                <div className="field">
                  <label htmlFor={id(`schedule-${i}-end`)}>{say('end')}</label>
                  <input id={id(`schedule-${i}-end`)} type="time" value={s.end} onChange={(e) => setSession(i, { end: e.target.value })} {...aria(`/schedule/sessions/${i}/end`)} />
                </div>
                <div className="field">
                  <label htmlFor={id(`schedule-${i}-capacity`)}>{say('capacity')}</label>
                  <input id={id(`schedule-${i}-capacity`)} type="number" inputMode="numeric" min={1} value={s.capacity} onChange={(e) => setSession(i, { capacity: Number(e.target.value) })} {...aria(`/schedule/sessions/${i}/capacity`)} />
                </div>
              </div>
              <button type="button" className="btn small secondary" onClick={() => setSched({ ...sched, sessions: sched.sessions.filter((_, n) => n !== i) })}>
                {say('removeSession', { n: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" className="btn small secondary" onClick={() => setSched({ ...sched, sessions: [...sched.sessions, { days: ['MON'], start: '08:00', end: '12:00', capacity: 10 }] })}>
            {say('addSession')}
          </button>
        </fieldset>
      )}
      <details className="onb-json">
        <summary>{say('other')}</summary>
        <div className="field">
          <label htmlFor={id('other')}>{say('other')}</label>
          <span id={id('other-hint')} className="muted small">
            {say('otherHint')}
          </span>
          <textarea id={id('other')} aria-describedby={id('other-hint')} className="mono" rows={4} value={value.other} onChange={(e) => setForm({ ...value, other: e.target.value })} />
        </div>
      </details>
      <button type="submit" className="btn small">
        {say('save')}
      </button>
    </form>
  );
}

/** Weekday checkboxes in week order. */
function Days({ id, legend, days, onChange }: { id: string; legend: string; days: Weekday[]; onChange(days: Weekday[]): void }) {
  const { L } = useI18n();
  return (
    <fieldset className="onb-days" id={id} tabIndex={-1}>
      <legend>{legend}</legend>
      {DAYS.map((d) => (
        <label key={d.code} className="inline">
          <input type="checkbox" checked={days.includes(d.code)} onChange={(e) => onChange(DAYS.map((x) => x.code).filter((c) => (c === d.code ? e.target.checked : days.includes(c))))} /> {L(d.name)}
        </label>
      ))}
    </fieldset>
  );
}
