import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { client, hasStatus, unwrap } from '../api.js';
import { Async, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n, type Lang } from '../i18n.js';
import type { Localized } from '../types.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import type { Answer } from './Messages.js';
import { fieldErrors } from './Channels.js';

type ProfileView = Answer<'getMyProfile'>;
type Consent = ProfileView['consents'][number];

const WORDS = {
  title: { id: 'Profil pemohon', en: 'Applicant profile' },
  intro: {
    id: 'Isi sekali, lalu formulir layanan bisa diisi dari profil ini dengan satu tombol — hanya untuk instansi yang Anda setujui. Anda tetap memeriksa setiap isian sebelum mengirim.',
    en: 'Fill it in once; service forms can then be filled from it with one button — only for agencies you agree to. You still check every answer before you submit.',
  },
  nik: { id: 'NIK', en: 'NIK (national ID number)' },
  nikHint: { id: '16 angka, seperti di KTP-el atau Kartu Keluarga', en: '16 digits, as on the KTP-el or the family card' },
  name: { id: 'Nama lengkap', en: 'Full name' },
  nameHint: { id: 'Sesuai KTP-el', en: 'As on the KTP-el' },
  address: { id: 'Alamat', en: 'Address' },
  phone: { id: 'Nomor HP', en: 'Mobile number' },
  phoneHint: { id: 'Contoh: 0812 3456 7890', en: 'For example: 0812 3456 7890' },
  email: { id: 'Email', en: 'Email' },
  optional: { id: '(tidak wajib)', en: '(optional)' },
  save: { id: 'Simpan profil', en: 'Save profile' },
  saved: { id: 'Profil tersimpan.', en: 'Profile saved.' },
  problem: { id: 'Ada yang perlu diperbaiki', en: 'There is a problem' },
  consentsTitle: { id: 'Instansi yang boleh memakai profil ini', en: 'Agencies that may use this profile' },
  consentsNone: { id: 'Belum ada. Anda akan ditanya saat pertama kali mengisi formulir sebuah instansi dari profil.', en: 'None yet. You are asked the first time you fill an agency’s form from your profile.' },
  since: { id: 'sejak {date}', en: 'since {date}' },
  withdraw: { id: 'Cabut', en: 'Withdraw' },
  confirmWithdraw: { id: 'Cabut persetujuan untuk {agency}? Formulirnya tidak lagi bisa diisi dari profil Anda.', en: 'Withdraw your consent for {agency}? Its forms can no longer be filled from your profile.' },
  withdrawn: { id: 'Persetujuan untuk {agency} dicabut.', en: 'Consent for {agency} withdrawn.' },
  catalog: { id: 'Cari layanan', en: 'Find a service' },
} satisfies Record<string, Localized>;
const say = (lang: Lang) => (w: keyof typeof WORDS, vars: Record<string, string | number> = {}) => WORDS[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

const FIELDS = ['nik', 'name', 'address', 'phone', 'email'] as const;
type Field = (typeof FIELDS)[number];

/** `/t/:tenant/profil`: the applicant profile asked once (UU 27/2022: used only with consent per agency), and those consents. */
export function Profile({ tenant }: { tenant: string }) {
  const { lang, fmtDate } = useI18n();
  const w = say(lang);
  // No profile yet is a 404: an empty form, not an error.
  const state = useAsync(
    () => unwrap(client.GET('/api/v1/tenants/{tenant}/me/profile', { params: { path: { tenant } } })).catch((e: unknown) => (hasStatus(e, 404) ? null : Promise.reject(e))),
    [tenant],
  );
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <RequireLogin>
      <PageTitle>{w('title')}</PageTitle>
      <ErrorSummary error={error} title={w('problem')} fieldOf={(p) => `profile-${p.split('/').filter(Boolean).pop() ?? 'nik'}`} />
      {notice && <Notice>{notice}</Notice>}
      <p>{w('intro')}</p>
      <Async state={state}>
        {(data) => (
          <>
            <ProfileForm
              tenant={tenant}
              current={data}
              error={error}
              onError={(e) => {
                setNotice(null);
                setError(e);
              }}
              onSaved={(saved) => {
                setError(null);
                setNotice(w('saved'));
                state.set(saved);
              }}
            />
            {data && (
              <section className="card" aria-labelledby="consents-title">
                <h2 id="consents-title">{w('consentsTitle')}</h2>
                {data.consents.length === 0 ? (
                  <p className="muted">{w('consentsNone')}</p>
                ) : (
                  <ul className="consents">
                    {data.consents.map((c) => (
                      <ConsentRow
                        key={c.agency}
                        tenant={tenant}
                        consent={c}
                        since={w('since', { date: fmtDate(c.grantedAt) })}
                        onError={setError}
                        onWithdrawn={() => {
                          setError(null);
                          setNotice(w('withdrawn', { agency: c.agency.toUpperCase() }));
                          state.set({ ...data, consents: data.consents.filter((x) => x.agency !== c.agency) });
                        }}
                      />
                    ))}
                  </ul>
                )}
                <p className="small">
                  <Link href={`/t/${tenant}`}>{w('catalog')}</Link>
                </p>
              </section>
            )}
          </>
        )}
      </Async>
    </RequireLogin>
  );
}

function ProfileForm(props: { tenant: string; current: ProfileView | null; error: unknown; onError(e: unknown): void; onSaved(p: ProfileView): void }) {
  const { lang, L } = useI18n();
  const w = say(lang);
  const p = props.current?.profile;
  const [form, setForm] = useState<Record<Field, string>>(() => ({ nik: p?.nik ?? '', name: p?.name ?? '', address: p?.address ?? '', phone: p?.phone ?? '', email: p?.email ?? '' }));
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(props.error, L);
  const id = (f: Field) => `profile-${f}`;
  const hints: Partial<Record<Field, 'nikHint' | 'nameHint' | 'phoneHint'>> = { nik: 'nikHint', name: 'nameHint', phone: 'phoneHint' };
  const inputs: Record<Field, { type?: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete: string; maxLength: number }> = {
    nik: { inputMode: 'numeric', autoComplete: 'off', maxLength: 16 },
    name: { autoComplete: 'name', maxLength: 120 },
    address: { autoComplete: 'street-address', maxLength: 300 },
    phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 16 },
    email: { type: 'email', inputMode: 'email', autoComplete: 'email', maxLength: 200 },
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    props.onError(null);
    const clean = (v: string) => v.trim();
    const body = {
      nik: form.nik.replace(/\s+/g, ''),
      name: clean(form.name),
      ...(clean(form.address) ? { address: clean(form.address) } : {}),
      ...(clean(form.phone) ? { phone: form.phone.replace(/[\s-]+/g, '') } : {}),
      ...(clean(form.email) ? { email: clean(form.email) } : {}),
    };
    unwrap(client.PUT('/api/v1/tenants/{tenant}/me/profile', { params: { path: { tenant: props.tenant } }, body }))
      .then(props.onSaved, props.onError)
      .finally(() => setBusy(false));
  };
  return (
    <form className="card" onSubmit={save} noValidate aria-label={w('title')}>
      {FIELDS.map((f) => {
        const err = errors.get(`/${f}`);
        const hint = hints[f];
        const optional = f === 'address' || f === 'phone' || f === 'email';
        return (
          <div className={err ? 'field q-has-error' : 'field'} key={f}>
            <label htmlFor={id(f)}>
              {w(f)} {optional && <span className="muted">{w('optional')}</span>}
            </label>
            {hint && (
              <span id={`${id(f)}-hint`} className="muted small">
                {w(hint)}
              </span>
            )}
            {err && (
              <span id={`${id(f)}-error`} className="warn-text small">
                {err}
              </span>
            )}
            <input
              id={id(f)}
              {...inputs[f]}
              value={form[f]}
              aria-invalid={err ? true : undefined}
              aria-describedby={[hint ? `${id(f)}-hint` : '', err ? `${id(f)}-error` : ''].filter(Boolean).join(' ') || undefined}
              onChange={(e) => setForm({ ...form, [f]: e.target.value })}
            />
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" className="btn" disabled={busy}>
          {w('save')}
        </button>
      </div>
    </form>
  );
}

function ConsentRow(props: { tenant: string; consent: Consent; since: string; onError(e: unknown): void; onWithdrawn(): void }) {
  const { lang } = useI18n();
  const w = say(lang);
  const [busy, setBusy] = useState(false);
  const agency = props.consent.agency.toUpperCase();
  const withdraw = () => {
    if (!window.confirm(w('confirmWithdraw', { agency }))) return;
    setBusy(true);
    unwrap(client.DELETE('/api/v1/tenants/{tenant}/me/profile/consents/{agency}', { params: { path: { tenant: props.tenant, agency: props.consent.agency } } }))
      .then(props.onWithdrawn, props.onError)
      .finally(() => setBusy(false));
  };
  return (
    <li className="consent-row">
      <p>
        <strong>{agency}</strong> · <span className="muted small">{props.since}</span>
      </p>
      <p className="small">{props.consent.statement}</p>
      <button type="button" className="btn secondary" disabled={busy} onClick={withdraw}>
        {w('withdraw')} <span className="sr-only">{agency}</span>
      </button>
    </li>
  );
}
