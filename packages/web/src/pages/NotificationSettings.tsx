import { Fragment, useMemo, useState, type FormEvent } from 'react';
import { client, isStale, unwrap, unwrapWithEtag } from '../api.js';
import { Async, ErrorBox, LoadMore, Notice, PageTitle, RequireLogin, useAsync, usePaged } from '../components.js';
import { useI18n, type Lang } from '../i18n.js';
import type { Localized, RequestBody } from '../types.js';
import { ErrorSummary } from './Channels.js';
import { CHANNEL_NAMES, STATUS_WORDS, useZonedTime, type Answer, type ContactChannel, type MessageStatus } from './Messages.js';

type Settings = Answer<'getNotificationSettings'>;
type Body = RequestBody<'configureNotificationSettings'>;
type Price = NonNullable<Body['prices']>[number];

const WORDS = {
  title: { id: 'Pengirim pesan', en: 'Message senders' },
  intro: {
    id: 'Pesan ke warga dikirim dari nomor WhatsApp dan sender ID SMS milik kabupaten/kota sendiri. Rahasia (token, app secret) hanya bisa ditulis; yang tersimpan tidak pernah ditampilkan.',
    en: 'Messages to citizens go from the regency’s own WhatsApp number and SMS sender ID. Secrets (tokens, app secret) are write-only; stored ones are never shown.',
  },
  displayName: { id: 'Nama pengirim (yang dilihat warga)', en: 'Sender name (what citizens see)' },
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  waOn: { id: 'Kirim lewat WhatsApp', en: 'Send by WhatsApp' },
  phoneNumberId: { id: 'Phone number ID', en: 'Phone number ID' },
  wabaId: { id: 'WhatsApp Business account ID (WABA)', en: 'WhatsApp Business account ID (WABA)' },
  waLang: { id: 'Bahasa templat', en: 'Template language' },
  accessToken: { id: 'Access token (system user)', en: 'Access token (system user)' },
  appSecret: { id: 'App secret', en: 'App secret' },
  verifyToken: { id: 'Verify token webhook (kosong: dibuat otomatis)', en: 'Webhook verify token (empty: generated)' },
  stored: { id: 'tersimpan — kosongkan untuk tetap memakai yang lama', en: 'stored — leave empty to keep it' },
  notStored: { id: 'belum tersimpan', en: 'not stored' },
  sms: { id: 'SMS', en: 'SMS' },
  smsOn: { id: 'Kirim lewat SMS', en: 'Send by SMS' },
  senderId: { id: 'Sender ID (terdaftar di operator, maks. 11 karakter)', en: 'Sender ID (registered with the operators, max. 11 characters)' },
  email: { id: 'Email', en: 'Email' },
  emailOn: { id: 'Kirim lewat email', en: 'Send by email' },
  replyTo: { id: 'Alamat balasan (reply-to)', en: 'Reply-to address' },
  staff: { id: 'Email staf untuk pemberitahuan', en: 'Staff emails for notices' },
  staffHint: { id: 'Penerima: tenant-admin atau officer:<kode instansi>; alamat dipisah koma atau baris baru.', en: 'Recipient: tenant-admin or officer:<agency code>; addresses separated by commas or new lines.' },
  recipient: { id: 'Penerima', en: 'Recipient' },
  addresses: { id: 'Alamat email', en: 'Email addresses' },
  addRow: { id: 'Tambah baris', en: 'Add a row' },
  removeRow: { id: 'Hapus baris', en: 'Remove row' },
  quiet: { id: 'Jam tenang (pesan tidak mendesak menunggu)', en: 'Quiet hours (non-urgent messages wait)' },
  quietOn: { id: 'Pakai jam tenang', en: 'Use quiet hours' },
  start: { id: 'Mulai', en: 'Start' },
  end: { id: 'Selesai', en: 'End' },
  caps: { id: 'Batas pesan per hari', en: 'Daily message caps' },
  capHint: { id: 'Kosong: tanpa batas.', en: 'Empty: no cap.' },
  prices: { id: 'Harga per unit (Rupiah)', en: 'Unit prices (Rupiah)' },
  category: { id: 'Kategori', en: 'Category' },
  insideWindow: { id: 'Dalam jendela layanan 24 jam', en: 'Inside the 24-hour service window' },
  unitPrice: { id: 'Harga per unit', en: 'Unit price' },
  save: { id: 'Simpan pengaturan', en: 'Save settings' },
  saved: { id: 'Pengaturan tersimpan', en: 'Settings saved' },
  callbacks: { id: 'URL callback untuk penyedia', en: 'Callback URLs for the providers' },
  showToken: { id: 'Tampilkan verify token', en: 'Reveal the verify token' },
  hideToken: { id: 'Sembunyikan', en: 'Hide' },
  usage: { id: 'Pemakaian 30 hari terakhir', en: 'Usage in the last 30 days' },
  channel: { id: 'Saluran', en: 'Channel' },
  messages: { id: 'Pesan', en: 'Messages' },
  delivered: { id: 'Sampai', en: 'Delivered' },
  failed: { id: 'Gagal', en: 'Failed' },
  cost: { id: 'Biaya', en: 'Cost' },
  latest: { id: 'Pesan terbaru', en: 'Latest messages' },
  allStatuses: { id: 'Semua keadaan', en: 'All states' },
  filterStatus: { id: 'Saring menurut keadaan', en: 'Filter by state' },
  time: { id: 'Waktu', en: 'Time' },
  event: { id: 'Peristiwa', en: 'Event' },
  to: { id: 'Tujuan', en: 'To' },
  state: { id: 'Keadaan', en: 'State' },
  text: { id: 'Isi', en: 'Text' },
  none: { id: 'Tidak ada.', en: 'None.' },
  providerOff: { id: 'Penyedia saluran ini belum diatur di server platform.', en: 'The platform server has no provider for this channel yet.' },
  problem: { id: 'Pengaturan belum tersimpan', en: 'The settings were not saved' },
} satisfies Record<string, Localized>;
const say = (lang: Lang) => (w: keyof typeof WORDS) => WORDS[w][lang];

const STATUSES = Object.keys(STATUS_WORDS) as MessageStatus[];
const CATEGORIES = ['*', 'utility', 'authentication', 'service'] as const;

/** The form as typed: strings for the inputs, turned into the request body on save. */
interface Draft {
  displayName: string;
  wa: boolean;
  phoneNumberId: string;
  wabaId: string;
  waLanguage: 'id' | 'en';
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  sms: boolean;
  senderId: string;
  email: boolean;
  replyTo: string;
  staff: { key: string; emails: string }[];
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  caps: Record<ContactChannel, string>;
  prices: { channel: ContactChannel; category: string; insideWindow: boolean; unitPrice: string }[];
}

function draftOf(s: Settings | undefined, tenant: string): Draft {
  return {
    displayName: s?.displayName ?? `MPP ${tenant}`,
    wa: Boolean(s?.whatsapp),
    phoneNumberId: s?.whatsapp?.phoneNumberId ?? '',
    wabaId: s?.whatsapp?.wabaId ?? '',
    waLanguage: s?.whatsapp?.language === 'en' ? 'en' : 'id',
    accessToken: '',
    appSecret: '',
    verifyToken: '',
    sms: Boolean(s?.sms),
    senderId: s?.sms?.senderId ?? '',
    email: Boolean(s?.email),
    replyTo: s?.email?.replyTo ?? '',
    staff: Object.entries(s?.staff ?? {}).map(([key, emails]) => ({ key, emails: emails.join(', ') })),
    quiet: Boolean(s?.quietHours),
    quietStart: s?.quietHours?.start ?? '21:00',
    quietEnd: s?.quietHours?.end ?? '07:00',
    caps: { whatsapp: String(s?.dailyCaps.whatsapp ?? ''), sms: String(s?.dailyCaps.sms ?? ''), email: String(s?.dailyCaps.email ?? '') },
    prices: (s?.prices ?? []).map((p) => ({ channel: p.channel, category: p.category, insideWindow: Boolean(p.insideWindow), unitPrice: String(p.unitPrice) })),
  };
}

function bodyOf(d: Draft): Body {
  const caps: NonNullable<Body['dailyCaps']> = {};
  for (const c of ['whatsapp', 'sms', 'email'] as const) if (d.caps[c].trim() !== '') caps[c] = Number(d.caps[c]);
  const staff: NonNullable<Body['staff']> = {};
  for (const r of d.staff) if (r.key.trim()) staff[r.key.trim()] = r.emails.split(/[\s,;]+/).filter(Boolean);
  return {
    displayName: d.displayName.trim(),
    whatsapp: d.wa
      ? {
          phoneNumberId: d.phoneNumberId.trim(),
          wabaId: d.wabaId.trim(),
          language: d.waLanguage,
          ...(d.accessToken ? { accessToken: d.accessToken } : {}),
          ...(d.appSecret ? { appSecret: d.appSecret } : {}),
          ...(d.verifyToken ? { verifyToken: d.verifyToken } : {}),
        }
      : null,
    sms: d.sms ? { senderId: d.senderId.trim() } : null,
    email: d.email ? (d.replyTo.trim() ? { replyTo: d.replyTo.trim() } : {}) : null,
    staff,
    quietHours: d.quiet ? { start: d.quietStart, end: d.quietEnd } : null,
    dailyCaps: caps,
    prices: d.prices.map(
      (p): Price => ({ channel: p.channel, category: p.category, unitPrice: Number(p.unitPrice), ...(p.channel === 'whatsapp' ? { insideWindow: p.insideWindow } : {}) }),
    ),
  };
}

/** The field a problem's pointer names (the error summary links to it). */
function fieldOf(pointer: string): string | undefined {
  const p = pointer.split('/').filter(Boolean);
  const map: Record<string, string> = {
    displayName: 'ns-displayName',
    'whatsapp/phoneNumberId': 'ns-phoneNumberId',
    'whatsapp/wabaId': 'ns-wabaId',
    'whatsapp/accessToken': 'ns-accessToken',
    'whatsapp/appSecret': 'ns-appSecret',
    'whatsapp/verifyToken': 'ns-verifyToken',
    whatsapp: 'ns-accessToken',
    'sms/senderId': 'ns-senderId',
    sms: 'ns-senderId',
    'email/replyTo': 'ns-replyTo',
    quietHours: 'ns-quietStart',
    'quietHours/start': 'ns-quietStart',
    'quietHours/end': 'ns-quietEnd',
  };
  const key = p.join('/');
  if (map[key]) return map[key];
  if (p[0] === 'staff') return 'ns-staff-0-emails';
  if (p[0] === 'dailyCaps') return `ns-cap-${p[1] ?? 'whatsapp'}`;
  if (p[0] === 'prices') return `ns-price-${p[1] ?? 0}-${p[2] === 'unitPrice' ? 'unitPrice' : 'channel'}`;
  return undefined;
}

/** `/admin/:tenant/notifikasi`: the regency's senders, callbacks, usage and latest messages. */
export function NotificationSettings({ tenant }: { tenant: string }) {
  const { lang } = useI18n();
  const w = say(lang);
  const current = useAsync(() => unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/notification-settings', { params: { path: { tenant } }, cache: 'no-cache' })), [tenant]);
  return (
    <RequireLogin>
      <PageTitle sub={tenant}>{w('title')}</PageTitle>
      <p className="muted">{w('intro')}</p>
      <Async state={current}>
        {(c) => (
          <>
            <SettingsForm tenant={tenant} settings={c.data} etag={c.etag} onSaved={current.set} onStale={current.reload} />
            <Callbacks tenant={tenant} settings={c.data} />
          </>
        )}
      </Async>
      <UsageTable tenant={tenant} />
      <LatestMessages tenant={tenant} />
    </RequireLogin>
  );
}

function SettingsForm({ tenant, settings, etag, onSaved, onStale }: { tenant: string; settings: Settings; etag: string | undefined; onSaved(a: { data: Settings; etag: string | undefined }): void; onStale(): void }) {
  const { lang, L } = useI18n();
  const w = say(lang);
  const [d, setD] = useState<Draft>(() => draftOf(settings, tenant));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const secretNote = (isSet: boolean | undefined) => (isSet ? w('stored') : w('notStored'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    // The first save has no version to quote (version 0); later ones quote the ETag read.
    const header = settings.version > 0 && etag ? { 'If-Match': etag } : {};
    unwrapWithEtag(client.PUT('/api/v1/tenants/{tenant}/notification-settings', { params: { path: { tenant }, header }, body: bodyOf(d) }))
      .then(
        (answer) => {
          setSaved(true);
          // The stored settings, secrets cleared from the form (they are write-only).
          setD(draftOf(answer.data, tenant));
          onSaved(answer);
        },
        (e: unknown) => {
          setError(e);
          // Changed by someone else meanwhile: read the new version (its ETag); what was typed stays.
          if (isStale(e)) onStale();
        },
      )
      .finally(() => setBusy(false));
  };

  const text = (id: string, label: string, value: string, onChange: (v: string) => void, extra: Record<string, unknown> = {}, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} {...extra} />
    </div>
  );

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="ns-form">
      <h2 id="ns-form">{w('title')}</h2>
      <ErrorSummary error={error} title={w('problem')} fieldOf={fieldOf} />
      {saved && <Notice>{w('saved')}</Notice>}
      {text('ns-displayName', w('displayName'), d.displayName, (v) => set('displayName', v), { maxLength: 60, required: true })}

      <fieldset>
        <legend>{w('whatsapp')}</legend>
        <label className="inline">
          <input type="checkbox" checked={d.wa} onChange={(e) => set('wa', e.target.checked)} /> {w('waOn')}
        </label>
        {d.wa && (
          <div className="grid2">
            {text('ns-phoneNumberId', w('phoneNumberId'), d.phoneNumberId, (v) => set('phoneNumberId', v), { inputMode: 'numeric', autoComplete: 'off' })}
            {text('ns-wabaId', w('wabaId'), d.wabaId, (v) => set('wabaId', v), { inputMode: 'numeric', autoComplete: 'off' })}
            <div className="field">
              <label htmlFor="ns-waLanguage">{w('waLang')}</label>
              <select id="ns-waLanguage" value={d.waLanguage} onChange={(e) => set('waLanguage', e.target.value === 'en' ? 'en' : 'id')}>
                <option value="id">Bahasa Indonesia</option>
                <option value="en">English</option>
              </select>
            </div>
            {text('ns-accessToken', w('accessToken'), d.accessToken, (v) => set('accessToken', v), { type: 'password', autoComplete: 'off' }, secretNote(settings.whatsapp?.accessTokenSet))}
            {text('ns-appSecret', w('appSecret'), d.appSecret, (v) => set('appSecret', v), { type: 'password', autoComplete: 'off' }, secretNote(settings.whatsapp?.appSecretSet))}
            {text('ns-verifyToken', w('verifyToken'), d.verifyToken, (v) => set('verifyToken', v), { type: 'password', autoComplete: 'off' }, secretNote(settings.whatsapp?.verifyTokenSet))}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{w('sms')}</legend>
        {!settings.providers.sms && <p className="muted small">{w('providerOff')}</p>}
        <label className="inline">
          <input type="checkbox" checked={d.sms} onChange={(e) => set('sms', e.target.checked)} /> {w('smsOn')}
        </label>
        {d.sms && text('ns-senderId', w('senderId'), d.senderId, (v) => set('senderId', v), { maxLength: 11, autoComplete: 'off' })}
      </fieldset>

      <fieldset>
        <legend>{w('email')}</legend>
        {!settings.providers.email && <p className="muted small">{w('providerOff')}</p>}
        <label className="inline">
          <input type="checkbox" checked={d.email} onChange={(e) => set('email', e.target.checked)} /> {w('emailOn')}
        </label>
        {d.email && text('ns-replyTo', w('replyTo'), d.replyTo, (v) => set('replyTo', v), { type: 'email', inputMode: 'email', autoComplete: 'email' })}
      </fieldset>

      <fieldset>
        <legend>{w('staff')}</legend>
        <p className="muted small">{w('staffHint')}</p>
        {d.staff.map((r, i) => (
          <div className="grid2" key={i}>
            {text(`ns-staff-${i}-key`, `${w('recipient')} ${i + 1}`, r.key, (v) => set('staff', d.staff.map((x, j) => (j === i ? { ...x, key: v } : x))), { placeholder: 'tenant-admin', autoComplete: 'off' })}
            <div className="field">
              <label htmlFor={`ns-staff-${i}-emails`}>
                {w('addresses')} {i + 1}
              </label>
              <textarea id={`ns-staff-${i}-emails`} rows={2} value={r.emails} onChange={(e) => set('staff', d.staff.map((x, j) => (j === i ? { ...x, emails: e.target.value } : x)))} />
              <button type="button" className="link" onClick={() => set('staff', d.staff.filter((_, j) => j !== i))}>
                {w('removeRow')} {i + 1}
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="btn secondary small" onClick={() => set('staff', [...d.staff, { key: d.staff.length ? '' : 'tenant-admin', emails: '' }])}>
          {w('addRow')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{w('quiet')}</legend>
        <label className="inline">
          <input type="checkbox" checked={d.quiet} onChange={(e) => set('quiet', e.target.checked)} /> {w('quietOn')}
        </label>
        {d.quiet && (
          <div className="grid2">
            {text('ns-quietStart', w('start'), d.quietStart, (v) => set('quietStart', v), { type: 'time' })}
            {text('ns-quietEnd', w('end'), d.quietEnd, (v) => set('quietEnd', v), { type: 'time' })}
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>{w('caps')}</legend>
        <p className="muted small">{w('capHint')}</p>
        <div className="grid2">
          {(['whatsapp', 'sms', 'email'] as const).map((c) => (
            <Fragment key={c}>{text(`ns-cap-${c}`, L(CHANNEL_NAMES[c]), d.caps[c], (v) => set('caps', { ...d.caps, [c]: v }), { inputMode: 'numeric' })}</Fragment>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>{w('prices')}</legend>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{w('channel')}</th>
                <th scope="col">{w('category')}</th>
                <th scope="col">{w('insideWindow')}</th>
                <th scope="col">{w('unitPrice')}</th>
                <th scope="col">
                  <span className="sr-only">{w('removeRow')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.prices.map((p, i) => {
                const upd = (patch: Partial<Draft['prices'][number]>) => set('prices', d.prices.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                return (
                  <tr key={i}>
                    <td>
                      <select id={`ns-price-${i}-channel`} aria-label={`${w('channel')} ${i + 1}`} value={p.channel} onChange={(e) => upd({ channel: (['whatsapp', 'sms', 'email'] as const).find((c) => c === e.target.value) ?? 'sms' })}>
                        {(['whatsapp', 'sms', 'email'] as const).map((c) => (
                          <option key={c} value={c}>
                            {L(CHANNEL_NAMES[c])}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select aria-label={`${w('category')} ${i + 1}`} value={p.category} onChange={(e) => upd({ category: e.target.value })}>
                        {CATEGORIES.map((c) => (
                          <option key={c} value={c}>
                            {c === '*' ? '*' : c}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{p.channel === 'whatsapp' ? <input type="checkbox" aria-label={`${w('insideWindow')} ${i + 1}`} checked={p.insideWindow} onChange={(e) => upd({ insideWindow: e.target.checked })} /> : '–'}</td>
                    <td>
                      <input id={`ns-price-${i}-unitPrice`} aria-label={`${w('unitPrice')} ${i + 1}`} inputMode="decimal" value={p.unitPrice} size={8} onChange={(e) => upd({ unitPrice: e.target.value })} />
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => set('prices', d.prices.filter((_, j) => j !== i))}>
                        {w('removeRow')} {i + 1}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="button" className="btn secondary small" onClick={() => set('prices', [...d.prices, { channel: 'sms', category: '*', insideWindow: false, unitPrice: '' }])}>
          {w('addRow')}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn" disabled={busy}>
          {w('save')}
        </button>
      </div>
    </form>
  );
}

function Callbacks({ tenant, settings }: { tenant: string; settings: Settings }) {
  const { lang } = useI18n();
  const w = say(lang);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!settings.whatsapp && !settings.sms) return null;
  return (
    <section className="card" aria-labelledby="ns-cb">
      <h2 id="ns-cb">{w('callbacks')}</h2>
      <ErrorBox error={error} />
      <dl className="facts">
        {settings.whatsapp && (
          <div>
            <dt>{w('whatsapp')}</dt>
            <dd className="mono">{settings.whatsapp.callbackUrl}</dd>
          </div>
        )}
        {settings.sms && (
          <div>
            <dt>{w('sms')}</dt>
            <dd className="mono">{settings.sms.callbackUrl}</dd>
          </div>
        )}
      </dl>
      {settings.whatsapp && (
        <p>
          <button
            type="button"
            className="btn secondary small"
            aria-expanded={token !== null}
            onClick={() => {
              if (token !== null) return setToken(null);
              setError(null);
              unwrap(client.GET('/api/v1/tenants/{tenant}/notification-settings/verify-token', { params: { path: { tenant } } })).then((r) => setToken(r.verifyToken), setError);
            }}
          >
            {token !== null ? w('hideToken') : w('showToken')}
          </button>{' '}
          {token !== null && <code className="secret">{token}</code>}
        </p>
      )}
    </section>
  );
}

function UsageTable({ tenant }: { tenant: string }) {
  const { lang, L, fmtNumber, fmtDate } = useI18n();
  const w = say(lang);
  const usage = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/notification-usage', { params: { path: { tenant } } })), [tenant]);
  // Cost is money: Rupiah in Indonesian notation whatever the interface language (Rp 1.250).
  const rupiah = useMemo(() => new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 2 }), []);
  return (
    <section className="card" aria-labelledby="ns-usage">
      <h2 id="ns-usage">{w('usage')}</h2>
      <Async state={usage}>
        {(u) => (
          <div className="table-wrap">
            <table>
              <caption className="muted small">
                {fmtDate(u.from)} – {fmtDate(u.to)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{w('channel')}</th>
                  <th scope="col">{w('category')}</th>
                  <th scope="col">{w('messages')}</th>
                  <th scope="col">{w('delivered')}</th>
                  <th scope="col">{w('failed')}</th>
                  <th scope="col">{w('cost')}</th>
                </tr>
              </thead>
              <tbody>
                {u.rows.map((r) => (
                  <tr key={`${r.channel}/${r.category}`}>
                    <th scope="row">{L(CHANNEL_NAMES[r.channel])}</th>
                    <td>{r.category}</td>
                    <td>{fmtNumber(r.messages)}</td>
                    <td>{fmtNumber(r.delivered)}</td>
                    <td>{fmtNumber(r.failed)}</td>
                    <td>{rupiah.format(r.cost)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Total
                  </th>
                  <td>{fmtNumber(u.total.messages)}</td>
                  <td />
                  <td />
                  <td>{rupiah.format(u.total.cost)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </Async>
    </section>
  );
}

function LatestMessages({ tenant }: { tenant: string }) {
  const { lang, L } = useI18n();
  const w = say(lang);
  const at = useZonedTime(tenant);
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const list = usePaged(
    (cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/notifications', { params: { path: { tenant }, query: { limit: 25, cursor, ...(status ? { status } : {}) } } })),
    [tenant, status],
  );
  return (
    <section className="card" aria-labelledby="ns-latest">
      <h2 id="ns-latest">{w('latest')}</h2>
      <div className="field">
        <label htmlFor="ns-status">{w('filterStatus')}</label>
        <select id="ns-status" value={status} onChange={(e) => setStatus(STATUSES.find((s) => s === e.target.value) ?? '')}>
          <option value="">{w('allStatuses')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {L(STATUS_WORDS[s])}
            </option>
          ))}
        </select>
      </div>
      <Async state={list}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{w('none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{w('time')}</th>
                    <th scope="col">{w('event')}</th>
                    <th scope="col">{w('channel')}</th>
                    <th scope="col">{w('to')}</th>
                    <th scope="col">{w('state')}</th>
                    <th scope="col">{w('text')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((m) => (
                    <tr key={m.id}>
                      <td className="nowrap">
                        <time dateTime={m.createdAt}>{at(m.createdAt)}</time>
                      </td>
                      <td className="mono small">{m.event}</td>
                      <td>{L(CHANNEL_NAMES[m.channel])}</td>
                      <td className="mono">{m.to ?? '–'}</td>
                      <td>{L(STATUS_WORDS[m.status])}</td>
                      <td className="small">{m.text.length > 140 ? `${m.text.slice(0, 140)}…` : m.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
      <LoadMore list={list} />
    </section>
  );
}
