import { useEffect, useRef, useState, type FormEvent } from 'react';
import { client, unwrap } from '../api.js';
import { Async, Notice, useAsync } from '../components.js';
import { useI18n, type Lang } from '../i18n.js';
import type { Localized } from '../types.js';
import { addressInputProps, ErrorSummary, fieldErrors } from './Channels.js';
import { CHANNEL_NAMES, MessageList, useZonedTime, type Answer, type ContactChannel } from './Messages.js';

type Contact = Answer<'listApplicationRecipients'>['items'][number];
type Check = Answer<'checkContactAddress'>;

const WORDS = {
  title: { id: 'Penerima pesan', en: 'Who gets messages' },
  none: { id: 'Belum ada saluran pesan untuk pemohon ini: kabar hanya tersimpan di aplikasi.', en: 'No message channel for this applicant yet: news is kept in the app only.' },
  record: { id: 'Catat nomor atau alamat dengan persetujuan pemohon', en: 'Record a number or address with the applicant’s consent' },
  channel: { id: 'Saluran', en: 'Channel' },
  address: { id: 'Nomor HP atau alamat email', en: 'Mobile number or email address' },
  whose: { id: 'Milik siapa?', en: 'Whose is it?' },
  label: { id: 'Nama orang yang membaca pesan', en: 'Name of the person who reads the messages' },
  lang: { id: 'Bahasa pesan', en: 'Message language' },
  method: { id: 'Persetujuan diberikan', en: 'Consent given' },
  counter: { id: 'Langsung di loket', en: 'In person at the counter' },
  paper: { id: 'Ditandatangani di formulir kertas', en: 'Signed on the paper form' },
  consent: { id: 'Pemohon setuju menerima pesan tentang permohonan, jadwal, antrean dan pengaduannya di saluran ini, dan tahu dapat berhenti kapan saja.', en: 'The applicant agrees to messages about their applications, appointments, queue and complaints on this channel, and knows they can stop at any time.' },
  save: { id: 'Catat', en: 'Record' },
  saved: { id: 'Tercatat', en: 'Recorded' },
  flagged: { id: 'Nomor ini sudah dipakai {n} orang lain — pastikan siapa yang membaca pesannya', en: 'This number is already used by {n} other people — make sure who reads its messages' },
  consentBy: { id: 'setuju', en: 'agreed' },
  consentNo: { id: 'tanpa persetujuan', en: 'no consent' },
  problem: { id: 'Ada yang perlu diperbaiki', en: 'There is a problem' },
  history: { id: 'Pesan tentang permohonan ini', en: 'Messages about this application' },
} satisfies Record<string, Localized>;
const say = (lang: Lang) => (w: keyof typeof WORDS, vars: Record<string, string | number> = {}) => WORDS[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** Whose number, as the officer says it (the applicant's, not "mine"). */
const RELATIONS: { value: Contact['relation']; label: Localized }[] = [
  { value: 'self', label: { id: 'Milik pemohon sendiri', en: 'The applicant’s own' } },
  { value: 'family', label: { id: 'Milik keluarga pemohon', en: 'A relative’s' } },
  { value: 'village-operator', label: { id: 'Milik operator desa', en: 'The village operator’s' } },
  { value: 'other', label: { id: 'Milik orang lain', en: 'Someone else’s' } },
];

const METHOD_WORDS: Record<string, Localized> = {
  web: { id: 'lewat akun sendiri', en: 'in their own account' },
  counter: { id: 'di loket', en: 'at the counter' },
  paper: { id: 'di formulir kertas', en: 'on paper' },
  whatsapp: { id: 'lewat WhatsApp', en: 'by WhatsApp' },
  sms: { id: 'lewat SMS', en: 'by SMS' },
};

/**
 * The officer's (or village operator's) view of who gets an application's messages: the channels
 * recorded, a form to record one with consent given at the counter or on paper (checking first
 * whether the number is shared), and the messages sent with their addresses masked.
 */
export function Recipients({ tenant, application }: { tenant: string; application: string }) {
  const { lang, L } = useI18n();
  const w = say(lang);
  const at = useZonedTime(tenant);
  const path = { tenant, id: application };
  const recipients = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}/recipients', { params: { path } })), [tenant, application]);
  const history = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}/notifications', { params: { path } })), [tenant, application]);
  const [form, setForm] = useState({ channel: 'whatsapp' as ContactChannel, address: '', relation: 'self' as Contact['relation'], label: '', lang: 'id' as Lang, method: 'counter' as 'counter' | 'paper', consent: false });
  const [check, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, L);
  const asked = useRef('');

  /** Asks how many people already use the number (no names), as the officer types (debounced) and on leaving the field. */
  const runCheck = (channel: ContactChannel, address: string) => {
    const a = address.trim();
    const key = `${channel}:${a}`;
    if (a.length < 6 || asked.current === key) return;
    asked.current = key;
    unwrap(client.GET('/api/v1/tenants/{tenant}/contact-check', { params: { path: { tenant }, query: { channel, address: a } } })).then(
      (c) => asked.current === key && setCheck(c),
      // A number not yet complete is refused (422): nothing to warn about; saving shows the error.
      () => asked.current === key && setCheck(null),
    );
  };
  useEffect(() => {
    const t = setTimeout(() => runCheck(form.channel, form.address), 700);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.channel, form.address]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const body = { address: form.address.trim(), relation: form.relation, lang: form.lang, consent: form.consent, method: form.method, ...(form.relation !== 'self' && form.label.trim() ? { label: form.label.trim() } : {}) };
    unwrap(client.PUT('/api/v1/tenants/{tenant}/applications/{id}/recipients/{channel}', { params: { path: { ...path, channel: form.channel } }, body }))
      .then(() => {
        setSaved(true);
        setForm((f) => ({ ...f, address: '', label: '', consent: false }));
        setCheck(null);
        asked.current = '';
        recipients.reload();
      }, setError)
      .finally(() => setBusy(false));
  };
  const fieldOf = (pointer: string) => {
    const name = pointer.split('/').filter(Boolean).pop() ?? 'address';
    return `rc-${['address', 'label', 'relation', 'lang', 'method', 'consent'].includes(name) ? name : 'address'}`;
  };
  const warn = check?.flagged ? w('flagged', { n: check.sharedWith }) : null;

  return (
    <section className="card" aria-labelledby="rcp">
      <h2 id="rcp">{w('title')}</h2>
      <Async state={recipients}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">{w('none')}</p>
          ) : (
            <ul>
              {items.map((c) => (
                <li key={c.channel}>
                  <strong>{L(CHANNEL_NAMES[c.channel])}</strong>: <span className="mono">{c.address}</span> · {L(RELATIONS.find((r) => r.value === c.relation)?.label)}
                  {c.label && ` (${c.label})`} ·{' '}
                  {c.consent?.granted ? (
                    <span className="ok-text">
                      {w('consentBy')} {L(METHOD_WORDS[c.consent.method])}, <time dateTime={c.consent.at}>{at(c.consent.at)}</time>
                    </span>
                  ) : (
                    <span className="warn-text">{w('consentNo')}</span>
                  )}
                  {c.flagged && <div className="alert small">{w('flagged', { n: c.sharedWith })}</div>}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <h3>{w('record')}</h3>
      <ErrorSummary error={error} title={w('problem')} fieldOf={fieldOf} />
      {saved && <Notice>{w('saved')}</Notice>}
      <form onSubmit={submit} noValidate>
        <div className="grid2">
          <div className="field">
            <label htmlFor="rc-channel">{w('channel')}</label>
            <select id="rc-channel" value={form.channel} onChange={(e) => setForm({ ...form, channel: (['whatsapp', 'sms', 'email'] as const).find((c) => c === e.target.value) ?? 'whatsapp' })}>
              {(['whatsapp', 'sms', 'email'] as const).map((c) => (
                <option key={c} value={c}>
                  {L(CHANNEL_NAMES[c])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="rc-address">{w('address')}</label>
            {errors.has('/address') && (
              <span id="rc-address-error" className="warn-text small">
                {errors.get('/address')}
              </span>
            )}
            <input
              id="rc-address"
              {...addressInputProps(form.channel)}
              autoComplete="off"
              value={form.address}
              maxLength={254}
              aria-invalid={errors.has('/address') ? true : undefined}
              aria-describedby={[errors.has('/address') ? 'rc-address-error' : '', warn ? 'rc-address-warn' : ''].filter(Boolean).join(' ') || undefined}
              onChange={(e) => setForm({ ...form, address: e.target.value })}
              onBlur={() => runCheck(form.channel, form.address)}
            />
            <div aria-live="polite">
              {warn && (
                <p id="rc-address-warn" className="alert small">
                  ⚠ {warn}
                </p>
              )}
            </div>
          </div>
          <div className="field">
            <label htmlFor="rc-relation">{w('whose')}</label>
            <select id="rc-relation" value={form.relation} onChange={(e) => setForm({ ...form, relation: RELATIONS.find((r) => r.value === e.target.value)?.value ?? 'self' })}>
              {RELATIONS.map((r) => (
                <option key={r.value} value={r.value}>
                  {L(r.label)}
                </option>
              ))}
            </select>
          </div>
          {form.relation !== 'self' && (
            <div className="field">
              <label htmlFor="rc-label">{w('label')}</label>
              <input id="rc-label" value={form.label} maxLength={80} autoComplete="off" onChange={(e) => setForm({ ...form, label: e.target.value })} />
            </div>
          )}
          <div className="field">
            <label htmlFor="rc-lang">{w('lang')}</label>
            <select id="rc-lang" value={form.lang} onChange={(e) => setForm({ ...form, lang: e.target.value === 'en' ? 'en' : 'id' })}>
              <option value="id">Bahasa Indonesia</option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </div>
        </div>
        <fieldset>
          <legend>{w('method')}</legend>
          {(['counter', 'paper'] as const).map((m) => (
            <label key={m} className="inline">
              <input type="radio" name="rc-method" id={m === 'counter' ? 'rc-method' : undefined} value={m} checked={form.method === m} onChange={() => setForm({ ...form, method: m })} /> {w(m)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="inline">
            <input id="rc-consent" type="checkbox" checked={form.consent} onChange={(e) => setForm({ ...form, consent: e.target.checked })} /> {w('consent')}
          </label>
        </div>
        <button type="submit" className="btn small" disabled={busy}>
          {w('save')}
        </button>
      </form>
      <h3>{w('history')}</h3>
      <Async state={history}>{({ items }) => <MessageList tenant={tenant} items={items} showTo />}</Async>
    </section>
  );
}
