import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { client, problems, unwrap } from '../api.js';
import { Async, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n, type Lang } from '../i18n.js';
import type { Localized } from '../types.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import { CHANNEL_NAMES, useZonedTime, type Answer, type ContactChannel } from './Messages.js';

type Contact = Answer<'getMyContacts'>['contacts'][number];
type Relation = Contact['relation'];

const WORDS = {
  title: { id: 'Saluran pesan', en: 'Message channels' },
  intro: {
    id: 'Kami mengabari Anda tentang permohonan, jadwal, antrean dan pengaduan: lewat WhatsApp dahulu, lalu SMS, lalu email — hanya di saluran yang Anda setujui. Tanpa saluran, pesan tetap ada di halaman Pesan saya.',
    en: 'We tell you about your applications, appointments, queue and complaints: by WhatsApp first, then SMS, then email — only on channels you agreed to. Without a channel, messages are still on the My messages page.',
  },
  whatsappAddress: { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
  smsAddress: { id: 'Nomor HP untuk SMS', en: 'Mobile number for SMS' },
  emailAddress: { id: 'Alamat email', en: 'Email address' },
  phoneHint: { id: 'Contoh: 0812 3456 7890', en: 'For example: 0812 3456 7890' },
  emailHint: { id: 'Contoh: nama@contoh.id', en: 'For example: name@example.id' },
  whose: { id: 'Nomor siapa?', en: 'Whose is it?' },
  whoseEmail: { id: 'Alamat siapa?', en: 'Whose is it?' },
  label: { id: 'Nama orang yang membaca pesan (mis. Ibu Siti, anak)', en: 'Name of the person who reads the messages (e.g. Ibu Siti, daughter)' },
  lang: { id: 'Bahasa pesan', en: 'Message language' },
  save: { id: 'Simpan', en: 'Save' },
  saved: { id: 'Tersimpan', en: 'Saved' },
  stop: { id: 'Berhenti', en: 'Stop' },
  stopped: { id: 'Pesan di saluran ini dihentikan.', en: 'Messages on this channel are stopped.' },
  confirmStop: { id: 'Berhenti menerima pesan lewat {c}? Nomor atau alamatnya akan dihapus dari daftar ini.', en: 'Stop receiving messages by {c}? The number or address is removed from this list.' },
  unavailable: {
    id: 'Kabupaten/kota ini belum mengirim pesan lewat {c}. Anda tetap mendapat kabar lewat saluran lain yang Anda setujui, atau di halaman Pesan saya.',
    en: 'This regency does not send messages by {c} yet. You still get news on the other channels you agreed to, or on the My messages page.',
  },
  consentGiven: { id: 'Anda menyetujui pesan di saluran ini', en: 'You agreed to messages on this channel' },
  consentNone: { id: 'Belum ada persetujuan: belum ada pesan yang dikirim ke sini.', en: 'No consent yet: no messages are sent here.' },
  consentWithdrawn: { id: 'Persetujuan dicabut: tidak ada pesan yang dikirim ke sini.', en: 'Consent withdrawn: no messages are sent here.' },
  shared: {
    id: 'Nomor ini juga menerima pesan untuk {n} orang lain. Itu wajar untuk ponsel keluarga atau operator desa — pastikan orang yang membacanya Anda percayai.',
    en: 'This number also gets messages for {n} other people. That is normal for a family phone or the village operator — make sure you trust whoever reads it.',
  },
  problem: { id: 'Ada yang perlu diperbaiki', en: 'There is a problem' },
  myMessages: { id: 'Pesan saya', en: 'My messages' },
} satisfies Record<string, Localized>;
const say = (lang: Lang) => (w: keyof typeof WORDS, vars: Record<string, string | number> = {}) => WORDS[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

const RELATIONS: { value: Relation; label: Localized }[] = [
  { value: 'self', label: { id: 'Milik saya sendiri', en: 'My own' } },
  { value: 'family', label: { id: 'Milik keluarga', en: 'A relative’s' } },
  { value: 'village-operator', label: { id: 'Milik operator desa', en: 'The village operator’s' } },
  { value: 'other', label: { id: 'Milik orang lain', en: 'Someone else’s' } },
];

const CHANNELS: ContactChannel[] = ['whatsapp', 'sms', 'email'];
const ADDRESS_WORD: Record<ContactChannel, 'whatsappAddress' | 'smsAddress' | 'emailAddress'> = { whatsapp: 'whatsappAddress', sms: 'smsAddress', email: 'emailAddress' };

/** Props of an address input: phones get the phone keypad and autofill, email the email keyboard. */
export const addressInputProps = (channel: ContactChannel) =>
  channel === 'email' ? ({ type: 'email', inputMode: 'email', autoComplete: 'email' } as const) : ({ type: 'tel', inputMode: 'tel', autoComplete: 'tel' } as const);

// The error summary of a problem (GOV.UK pattern), shared with the other settings pages.
export { ErrorSummary };

/** The field errors of a problem by JSON pointer (for the message next to each field). */
export const fieldErrors = (error: unknown, L: (t: Localized) => string): Map<string, string> => new Map(problems(error).map((p) => [p.pointer, L(p.message)]));

/** `/t/:tenant/saluran`: where the regency may message me, and my consent for each channel. */
export function Channels({ tenant }: { tenant: string }) {
  const { lang } = useI18n();
  const w = say(lang);
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/me/contacts', { params: { path: { tenant } } })), [tenant]);
  // One error summary for the page: the channel whose save failed owns it.
  const [failure, setFailure] = useState<{ channel: ContactChannel; error: unknown } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <RequireLogin>
      <PageTitle>{w('title')}</PageTitle>
      <ErrorSummary error={failure?.error} title={w('problem')} fieldOf={(p) => (failure ? fieldId(failure.channel, p) : undefined)} />
      {notice && <Notice>{notice}</Notice>}
      <p>{w('intro')}</p>
      <p className="small">
        <Link href={`/t/${tenant}/pesan`}>{w('myMessages')}</Link>
      </p>
      <Async state={state}>
        {(data) => (
          <>
            {CHANNELS.map((c) => (
              <ChannelForm
                key={c}
                tenant={tenant}
                channel={c}
                offered={data.channels[c]}
                contact={data.contacts.find((x) => x.channel === c)}
                statements={data.statements[c]}
                error={failure?.channel === c ? failure.error : null}
                onError={(error) => {
                  setNotice(null);
                  setFailure(error ? { channel: c, error } : null);
                }}
                onDone={(text) => {
                  setFailure(null);
                  setNotice(text);
                  state.reload();
                }}
              />
            ))}
          </>
        )}
      </Async>
    </RequireLogin>
  );
}

/** The id of a channel form's field a problem's pointer names (`/address`, `/label`, …). */
function fieldId(channel: ContactChannel, pointer: string): string | undefined {
  const name = pointer.split('/').filter(Boolean).pop();
  return name && ['address', 'label', 'relation', 'lang', 'consent'].includes(name) ? `${channel}-${name}` : `${channel}-address`;
}

function ChannelForm(props: {
  tenant: string;
  channel: ContactChannel;
  offered: boolean;
  contact: Contact | undefined;
  statements: { id: string; en: string };
  error: unknown;
  onError(e: unknown): void;
  onDone(notice: string): void;
}) {
  const { channel, contact, tenant } = props;
  const { lang, L } = useI18n();
  const w = say(lang);
  const at = useZonedTime(tenant);
  const [form, setForm] = useState(() => ({
    address: contact?.address ?? '',
    relation: contact?.relation ?? ('self' as Relation),
    label: contact?.label ?? '',
    lang: contact?.lang ?? lang,
    consent: Boolean(contact?.consent?.granted),
  }));
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(props.error, L);
  const name = L(CHANNEL_NAMES[channel]);
  const id = (f: string) => `${channel}-${f}`;
  const err = (f: string) => errors.get(`/${f}`);
  const described = (f: string, hint?: boolean) => [hint ? id(`${f}-hint`) : '', err(f) ? id(`${f}-error`) : ''].filter(Boolean).join(' ') || undefined;

  const save = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    props.onError(null);
    const body = { address: form.address.trim(), relation: form.relation, lang: form.lang, consent: form.consent, ...(form.relation !== 'self' && form.label.trim() ? { label: form.label.trim() } : {}) };
    unwrap(client.PUT('/api/v1/tenants/{tenant}/me/contacts/{channel}', { params: { path: { tenant, channel } }, body }))
      .then(() => props.onDone(`${name}: ${w('saved')}`), props.onError)
      .finally(() => setBusy(false));
  };
  const stop = () => {
    if (!window.confirm(w('confirmStop', { c: name }))) return;
    setBusy(true);
    props.onError(null);
    unwrap(client.DELETE('/api/v1/tenants/{tenant}/me/contacts/{channel}', { params: { path: { tenant, channel } } }))
      .then(() => {
        setForm((f) => ({ ...f, address: '', label: '', consent: false }));
        props.onDone(`${name}: ${w('stopped')}`);
      }, props.onError)
      .finally(() => setBusy(false));
  };

  const consent = contact?.consent;
  return (
    <section className="card" aria-labelledby={id('h')}>
      <h2 id={id('h')}>{name}</h2>
      {!props.offered && <p className="alert">{w('unavailable', { c: name })}</p>}
      {contact && (
        <p className="small">
          {consent?.granted ? (
            <span className="ok-text">
              ✓ {w('consentGiven')} · <time dateTime={consent.at}>{at(consent.at)}</time>
            </span>
          ) : consent ? (
            w('consentWithdrawn')
          ) : (
            w('consentNone')
          )}
        </p>
      )}
      {contact && contact.sharedWith > 0 && (contact.flagged || contact.relation !== 'self') && <p className="alert small">{w('shared', { n: contact.sharedWith })}</p>}
      {contact && contact.sharedWith > 0 && !contact.flagged && contact.relation === 'self' && <p className="muted small">{w('shared', { n: contact.sharedWith })}</p>}
      {(props.offered || contact) && (
        <form onSubmit={save} noValidate>
          <div className="field">
            <label htmlFor={id('address')}>{w(ADDRESS_WORD[channel])}</label>
            <span id={id('address-hint')} className="muted small">
              {channel === 'email' ? w('emailHint') : w('phoneHint')}
            </span>
            {err('address') && (
              <span id={id('address-error')} className="warn-text small">
                {err('address')}
              </span>
            )}
            <input
              id={id('address')}
              {...addressInputProps(channel)}
              value={form.address}
              maxLength={254}
              aria-invalid={err('address') ? true : undefined}
              aria-describedby={described('address', true)}
              onChange={(e) => setForm({ ...form, address: e.target.value })}
              disabled={!props.offered}
            />
          </div>
          <div className="grid2">
            <div className="field">
              <label htmlFor={id('relation')}>{channel === 'email' ? w('whoseEmail') : w('whose')}</label>
              <select id={id('relation')} value={form.relation} disabled={!props.offered} onChange={(e) => setForm({ ...form, relation: RELATIONS.find((r) => r.value === e.target.value)?.value ?? 'self' })}>
                {RELATIONS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {L(r.label)}
                  </option>
                ))}
              </select>
            </div>
            {form.relation !== 'self' && (
              <div className="field">
                <label htmlFor={id('label')}>{w('label')}</label>
                {err('label') && (
                  <span id={id('label-error')} className="warn-text small">
                    {err('label')}
                  </span>
                )}
                <input id={id('label')} value={form.label} maxLength={80} autoComplete="off" aria-invalid={err('label') ? true : undefined} aria-describedby={described('label')} onChange={(e) => setForm({ ...form, label: e.target.value })} />
              </div>
            )}
            <div className="field">
              <label htmlFor={id('lang')}>{w('lang')}</label>
              <select id={id('lang')} value={form.lang} disabled={!props.offered} onChange={(e) => setForm({ ...form, lang: e.target.value === 'en' ? 'en' : 'id' })}>
                <option value="id">Bahasa Indonesia</option>
                <option value="en" lang="en">
                  English
                </option>
              </select>
            </div>
          </div>
          <div className="field">
            {/* The label is the very statement the ledger records, in the language the messages will be in. */}
            <label className="inline" lang={form.lang}>
              <input id={id('consent')} type="checkbox" checked={form.consent} disabled={!props.offered} onChange={(e) => setForm({ ...form, consent: e.target.checked })} /> {props.statements[form.lang]}
            </label>
          </div>
          <div className="actions">
            {props.offered && (
              <button type="submit" className="btn" disabled={busy}>
                {w('save')}
              </button>
            )}
            {contact && (
              <button type="button" className="btn danger" disabled={busy} onClick={stop}>
                {w('stop')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
