import { useState, type FormEvent, type ReactNode } from 'react';
import { client, hasStatus, unwrap, unwrapWithEtag } from '../../api.js';
import { Async, Notice, PageTitle, RequireLogin, useAsync } from '../../components.js';
import { useI18n } from '../../i18n.js';
import type { Localized, RequestBody } from '../../types.js';
import { ErrorSummary } from '../../ui/ErrorSummary.js';
import type { Answer } from '../Messages.js';

/**
 * One national connection's health, the same shape whatever the system: what the card shows.
 * `lastError` is the connection's own message (the API gives it as the remote system said it).
 */
export interface Health {
  configured: boolean;
  enabled: boolean;
  sandbox: boolean;
  /** e.g. "API" / "manual" for SP4N-LAPOR! */
  mode?: Localized;
  lastSuccessAt: string | null;
  lastError: { at: string | null; message: string } | null;
  counts: { label: Localized; value: number; bad?: boolean }[];
}

/**
 * A connection on the page: its name, how to read its health, and its settings form. Adding a
 * connection (e.g. payments, once its `GET …/payments/connection` is in the typed client) is one
 * more entry in CONNECTIONS.
 */
interface Connection {
  key: string;
  name: Localized;
  what: Localized;
  health(tenant: string): Promise<Health>;
  Settings(props: { tenant: string; onSaved(): void }): ReactNode;
}

const W = {
  title: { id: 'Koneksi nasional', en: 'National connections' },
  intro: {
    id: 'Kesehatan sambungan kabupaten/kota ke sistem nasional. Rahasia hanya bisa ditulis: yang tersimpan tidak pernah ditampilkan.',
    en: 'How the regency’s links to national systems are doing. Secrets are write-only: stored ones are never shown.',
  },
  notConnected: { id: 'Belum disambungkan', en: 'Not connected yet' },
  connected: { id: 'Tersambung', en: 'Connected' },
  off: { id: 'Disambungkan, tetapi dimatikan', en: 'Connected, but switched off' },
  sandbox: { id: 'Sandbox: tidak ada panggilan ke sistem sungguhan', en: 'Sandbox: no calls to the real system' },
  lastOk: { id: 'Terakhir berhasil', en: 'Last success' },
  neverOk: { id: 'Belum pernah berhasil', en: 'Never succeeded yet' },
  lastError: { id: 'Galat terakhir', en: 'Last error' },
  noError: { id: 'Tidak ada galat', en: 'No errors' },
  settings: { id: 'Pengaturan', en: 'Settings' },
  save: { id: 'Simpan', en: 'Save' },
  saved: { id: 'Tersimpan', en: 'Saved' },
  enabled: { id: 'Aktifkan sambungan', en: 'Switch the connection on' },
  secretKept: { id: 'kosongkan untuk tetap memakai yang tersimpan', en: 'leave empty to keep the stored one' },
  problem: { id: 'Ada yang perlu diperbaiki', en: 'Something needs fixing' },
} as const;

type LaporConnection = Answer<'getLaporConnection'>;
type OssConnection = Answer<'getOssConnection'>;

const CONNECTIONS: Connection[] = [
  {
    key: 'lapor',
    name: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
    what: { id: 'Pengaduan diteruskan ke LAPOR! dan statusnya ditarik kembali (Perpres 76/2013).', en: 'Complaints are pushed to LAPOR! and their status pulled back (Perpres 76/2013).' },
    health: async (tenant) => {
      const c: LaporConnection = await unwrap(client.GET('/api/v1/tenants/{tenant}/lapor/connection', { params: { path: { tenant } } }));
      return {
        configured: c.configured,
        enabled: c.enabled,
        sandbox: c.sandbox,
        mode: c.mode === 'api' ? { id: 'Mode API', en: 'API mode' } : { id: 'Mode manual (nomor tiket dicatat petugas)', en: 'Manual mode (officers record the ticket number)' },
        lastSuccessAt: c.lastSuccessAt,
        lastError: c.lastError,
        counts: [
          { label: { id: 'Menunggu', en: 'Pending' }, value: c.counts.pending },
          { label: { id: 'Tersinkron', en: 'Synced' }, value: c.counts.synced },
          { label: { id: 'Gagal', en: 'Failed' }, value: c.counts.failed, bad: true },
          { label: { id: 'Konflik', en: 'Conflicts' }, value: c.counts.conflict, bad: true },
          { label: { id: 'Manual', en: 'Manual' }, value: c.counts.manual },
        ],
      };
    },
    Settings: LaporSettings,
  },
  {
    key: 'oss',
    name: { id: 'OSS-RBA', en: 'OSS-RBA' },
    what: { id: 'Perizinan berusaha: NIB dan izin dari OSS (PP 5/2021).', en: 'Business licensing: NIB and permits from OSS (PP 5/2021).' },
    health: async (tenant) => {
      const c: OssConnection = await unwrap(client.GET('/api/v1/tenants/{tenant}/oss/connection', { params: { path: { tenant } } }));
      return {
        configured: c.configured,
        enabled: c.enabled,
        sandbox: c.sandbox,
        lastSuccessAt: c.lastSuccessAt,
        lastError: c.lastError ? { at: c.lastErrorAt, message: c.lastError } : null,
        counts: [
          { label: { id: 'Menunggu', en: 'Pending' }, value: c.pending },
          { label: { id: 'Terkirim', en: 'Sent' }, value: c.sent },
          { label: { id: 'Gagal', en: 'Failed' }, value: c.failed, bad: true },
          { label: { id: 'NIB masuk belum diproses', en: 'Incoming NIB not yet handled' }, value: c.inboxPending },
        ],
      };
    },
    Settings: OssSettings,
  },
  {
    key: 'payments',
    name: { id: 'Pembayaran', en: 'Payments' },
    what: {
      id: 'Kode billing SIMPONI (PNBP), VA/QRIS bank daerah, gateway, host-to-host dan tunai (retribusi); rekonsiliasi harian. Platform tidak memegang uang.',
      en: 'SIMPONI billing (PNBP), the regional bank’s VA/QRIS, gateway, host-to-host and cash (retribusi); daily reconciliation. The platform never holds money.',
    },
    health: async (tenant) => {
      const c: PaymentConnection = await unwrap(client.GET('/api/v1/tenants/{tenant}/payments/connection', { params: { path: { tenant } } }));
      const latest = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null).sort().at(-1) ?? null;
      const failing = c.channels.filter((x) => x.lastError).sort((a, b) => (a.lastErrorAt ?? '').localeCompare(b.lastErrorAt ?? '')).at(-1);
      return {
        configured: c.channels.some((x) => x.configured),
        enabled: c.channels.some((x) => x.configured && x.enabled),
        sandbox: c.sandbox,
        mode: { id: `Kanal aktif: ${c.channels.filter((x) => x.configured && x.enabled).map((x) => CHANNEL_NAMES[x.channel].id).join(', ') || '—'}`, en: `Channels on: ${c.channels.filter((x) => x.configured && x.enabled).map((x) => CHANNEL_NAMES[x.channel].en).join(', ') || '—'}` },
        lastSuccessAt: latest(c.channels.map((x) => x.lastSuccessAt)),
        lastError: failing?.lastError ? { at: failing.lastErrorAt, message: `${CHANNEL_NAMES[failing.channel].id}: ${failing.lastError}` } : null,
        counts: [
          { label: { id: 'Tagihan belum dibayar', en: 'Bills not yet paid' }, value: c.channels.reduce((n, x) => n + x.pending, 0) },
          { label: { id: 'Selisih rekonsiliasi terbuka', en: 'Open reconciliation exceptions' }, value: c.channels.reduce((n, x) => n + x.openExceptions, 0), bad: true },
        ],
      };
    },
    Settings: PaymentChannels,
  },
];

type PaymentConnection = Answer<'getPaymentConnection'>;
type PaymentChannel = PaymentConnection['channels'][number]['channel'];
const CHANNEL_NAMES: Record<PaymentChannel, Localized> = {
  simponi: { id: 'SIMPONI', en: 'SIMPONI' },
  snap_va: { id: 'VA bank (SNAP)', en: 'Bank VA (SNAP)' },
  snap_qris: { id: 'QRIS (SNAP)', en: 'QRIS (SNAP)' },
  gateway: { id: 'Gateway', en: 'Gateway' },
  pemda_h2h: { id: 'Host-to-host bank', en: 'Bank host-to-host' },
  counter_cash: { id: 'Tunai di loket', en: 'Cash at the counter' },
};

/**
 * Payment channels, one line each. Their credentials are set per channel through
 * `PUT …/payments/channels/{channel}` (docs/payments.md): each channel's fields differ and are the
 * bank's or the agency's, so this card shows their state rather than a form.
 */
function PaymentChannels({ tenant }: { tenant: string; onSaved(): void }) {
  const { L, fmtDate, fmtNumber } = useI18n();
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/payments/connection', { params: { path: { tenant } } })), [tenant]);
  return (
    <Async state={state}>
      {(c) => (
        <ul>
          {c.channels.map((x) => (
            <li key={x.channel}>
              <strong>{L(CHANNEL_NAMES[x.channel])}</strong>: {L(!x.configured ? W.notConnected : x.enabled ? W.connected : W.off)}
              {x.lastSuccessAt && <> · {L(W.lastOk)} {fmtDate(x.lastSuccessAt, true)}</>} · {fmtNumber(x.pending)} {L({ id: 'tagihan terbuka', en: 'open bills' })}
            </li>
          ))}
          <li className="muted small">{L({ id: 'Kredensial tiap kanal diatur lewat API (docs/payments.md).', en: 'Each channel’s credentials are set through the API (docs/payments.md).' })}</li>
        </ul>
      )}
    </Async>
  );
}

/** `/admin/:tenant/koneksi`: one card per national connection. */
export function Connections({ tenant }: { tenant: string }) {
  const { L } = useI18n();
  return (
    <RequireLogin>
      <PageTitle sub={tenant}>{L(W.title)}</PageTitle>
      <p className="muted">{L(W.intro)}</p>
      <ul className="cards">
        {CONNECTIONS.map((c) => (
          <ConnectionCard key={c.key} tenant={tenant} connection={c} />
        ))}
      </ul>
    </RequireLogin>
  );
}

function ConnectionCard({ tenant, connection: c }: { tenant: string; connection: Connection }) {
  const { L, fmtDate, fmtNumber } = useI18n();
  const health = useAsync(() => c.health(tenant), [tenant, c]);
  const [open, setOpen] = useState(false);
  const headingId = `conn-${c.key}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{L(c.name)}</h2>
      <p className="muted small">{L(c.what)}</p>
      <Async state={health}>
        {(h) => (
          <>
            <p>
              <span className={`badge ${h.configured && h.enabled ? 'badge-completed' : h.configured ? 'badge-draft' : ''}`}>
                {L(!h.configured ? W.notConnected : h.enabled ? W.connected : W.off)}
              </span>
              {h.mode && <span className="muted small"> · {L(h.mode)}</span>}
            </p>
            {h.sandbox && (
              <p className="alert" role="note">
                {L(W.sandbox)}
              </p>
            )}
            <p>{h.lastSuccessAt ? `${L(W.lastOk)} ${fmtDate(h.lastSuccessAt, true)}` : L(W.neverOk)}</p>
            <p className={h.lastError ? 'warn-text' : 'muted'}>
              {h.lastError ? `${L(W.lastError)}${h.lastError.at ? ` (${fmtDate(h.lastError.at, true)})` : ''}: ${h.lastError.message}` : L(W.noError)}
            </p>
            <ul className="stats">
              {h.counts.map((n) => (
                <li key={n.label.en} className={n.bad && n.value > 0 ? 'warn' : ''}>
                  <strong>{fmtNumber(n.value)}</strong> {L(n.label)}
                </li>
              ))}
            </ul>
          </>
        )}
      </Async>
      <button type="button" className="btn small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {L(W.settings)}
      </button>
      {open && (
        <c.Settings
          tenant={tenant}
          onSaved={() => {
            health.reload();
          }}
        />
      )}
    </li>
  );
}

/** A labelled input with its id (the error summary links to it). */
function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>
        {label}
        {hint && <span className="muted small"> ({hint})</span>}
      </label>
      {children}
    </>
  );
}

type LaporBody = RequestBody<'configureLapor'>;

/** SP4N-LAPOR! settings: PUT …/lapor/config with If-Match of the stored version (create-only when there is none). */
function LaporSettings({ tenant, onSaved }: { tenant: string; onSaved(): void }) {
  const { L } = useI18n();
  const stored = useAsync(async () => {
    try {
      return await unwrapWithEtag(client.GET('/api/v1/tenants/{tenant}/lapor/config', { params: { path: { tenant } } }));
    } catch (e) {
      if (hasStatus(e, 404)) return null;
      throw e;
    }
  }, [tenant]);
  // Kept here: a save reloads the stored version, which renders a fresh form (key = ETag).
  const [done, setDone] = useState(false);
  return (
    <Async state={stored}>
      {(s) => (
        <LaporForm
          key={s?.etag ?? 'new'}
          tenant={tenant}
          stored={s}
          done={done}
          setDone={setDone}
          onSaved={() => {
            stored.reload();
            onSaved();
          }}
        />
      )}
    </Async>
  );
}

function LaporForm({
  tenant,
  stored: s,
  done,
  setDone,
  onSaved: saved,
}: {
  tenant: string;
  stored: { data: Answer<'getLaporConfig'>; etag?: string | null } | null;
  done: boolean;
  setDone(d: boolean): void;
  onSaved(): void;
}) {
    const { L } = useI18n();
    const [form, setForm] = useState({
      enabled: s?.data.enabled ?? false,
      baseUrl: s?.data.baseUrl ?? '',
      clientId: s?.data.clientId ?? '',
      clientSecret: '',
      pullMinutes: String(s?.data.pullMinutes ?? 15),
      autoPush: s?.data.autoPush ?? true,
    });
    const [error, setError] = useState<unknown>(null);
    const submit = (e: FormEvent) => {
      e.preventDefault();
      setError(null);
      setDone(false);
      const body: LaporBody = {
        enabled: form.enabled,
        baseUrl: form.baseUrl,
        clientId: form.clientId,
        pullMinutes: Number(form.pullMinutes),
        autoPush: form.autoPush,
        ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
        ...(s?.data.protocol ? { protocol: s.data.protocol as LaporBody['protocol'] } : {}),
      };
      const header = s?.etag ? { 'If-Match': s.etag } : { 'If-None-Match': '*' };
      unwrap(client.PUT('/api/v1/tenants/{tenant}/lapor/config', { params: { path: { tenant }, header }, body })).then(() => {
        setDone(true);
        saved();
      }, setError);
    };
    const fieldOf = (p: string) => ({ '/baseUrl': 'lapor-baseUrl', '/clientId': 'lapor-clientId', '/clientSecret': 'lapor-secret', '/pullMinutes': 'lapor-pull' })[p];
    return (
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorSummary error={error} fieldOf={fieldOf} title={L(W.problem)} />
        {done && <Notice>{L(W.saved)}</Notice>}
        <label className="inline">
          <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} /> {L(W.enabled)}
        </label>
        <Field id="lapor-baseUrl" label={L({ id: 'Alamat API LAPOR!', en: 'LAPOR! API address' })}>
          <input id="lapor-baseUrl" type="url" inputMode="url" value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} placeholder="https://…" />
        </Field>
        <Field id="lapor-clientId" label={L({ id: 'Client ID', en: 'Client ID' })}>
          <input id="lapor-clientId" value={form.clientId} autoComplete="off" onChange={(e) => setForm({ ...form, clientId: e.target.value })} />
        </Field>
        <Field id="lapor-secret" label={L({ id: 'Client secret', en: 'Client secret' })} hint={s?.data.clientSecretSet ? `…${s.data.clientSecretHint}, ${L(W.secretKept)}` : undefined}>
          <input id="lapor-secret" type="password" autoComplete="new-password" value={form.clientSecret} onChange={(e) => setForm({ ...form, clientSecret: e.target.value })} />
        </Field>
        <Field id="lapor-pull" label={L({ id: 'Tarik status setiap (menit)', en: 'Pull status every (minutes)' })}>
          <input id="lapor-pull" inputMode="numeric" value={form.pullMinutes} onChange={(e) => setForm({ ...form, pullMinutes: e.target.value })} />
        </Field>
        <label className="inline">
          <input type="checkbox" checked={form.autoPush} onChange={(e) => setForm({ ...form, autoPush: e.target.checked })} />{' '}
          {L({ id: 'Teruskan pengaduan baru otomatis', en: 'Push new complaints automatically' })}
        </label>
        <button type="submit" className="btn">
          {L(W.save)}
        </button>
      </form>
    );
}

type OssBody = RequestBody<'configureOssConnection'>;

/** OSS-RBA settings: PUT …/oss/connection (the whole state; an empty user key keeps the stored one). */
function OssSettings({ tenant, onSaved }: { tenant: string; onSaved(): void }) {
  const { L } = useI18n();
  const stored = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/oss/connection', { params: { path: { tenant } } })), [tenant]);
  const [form, setForm] = useState<{ enabled: boolean; endpoint: string; userKey: string; kdInstansi: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  return (
    <Async state={stored}>
      {(s) => {
        const f = form ?? { enabled: s.enabled, endpoint: s.endpoint ?? '', userKey: '', kdInstansi: s.kdInstansi ?? '' };
        const submit = (e: FormEvent) => {
          e.preventDefault();
          setError(null);
          setDone(false);
          const body: OssBody = {
            enabled: f.enabled,
            endpoint: f.endpoint,
            kdInstansi: f.kdInstansi || null,
            ...(f.userKey ? { userKey: f.userKey } : {}),
            ...(s.signer ? { signer: s.signer } : {}),
            ...(s.inbound ? { inbound: { username: s.inbound.username } } : {}),
          };
          unwrap(client.PUT('/api/v1/tenants/{tenant}/oss/connection', { params: { path: { tenant } }, body })).then(() => {
            setDone(true);
            setForm(null);
            stored.reload();
            onSaved();
          }, setError);
        };
        const fieldOf = (p: string) => ({ '/endpoint': 'oss-endpoint', '/userKey': 'oss-key', '/kdInstansi': 'oss-kd' })[p];
        return (
          <form className="stack" onSubmit={submit} noValidate>
            <ErrorSummary error={error} fieldOf={fieldOf} title={L(W.problem)} />
            {done && <Notice>{L(W.saved)}</Notice>}
            <label className="inline">
              <input type="checkbox" checked={f.enabled} onChange={(e) => setForm({ ...f, enabled: e.target.checked })} /> {L(W.enabled)}
            </label>
            <Field id="oss-endpoint" label={L({ id: 'Alamat layanan OSS (PIA)', en: 'OSS service address (PIA)' })}>
              <input id="oss-endpoint" type="url" inputMode="url" value={f.endpoint} onChange={(e) => setForm({ ...f, endpoint: e.target.value })} placeholder="https://…" />
            </Field>
            <Field id="oss-key" label={L({ id: 'User key', en: 'User key' })} hint={s.userKeySet ? L(W.secretKept) : undefined}>
              <input id="oss-key" type="password" autoComplete="new-password" value={f.userKey} onChange={(e) => setForm({ ...f, userKey: e.target.value })} />
            </Field>
            <Field id="oss-kd" label={L({ id: 'Kode instansi (kd_instansi)', en: 'Agency code (kd_instansi)' })}>
              <input id="oss-kd" value={f.kdInstansi} onChange={(e) => setForm({ ...f, kdInstansi: e.target.value })} />
            </Field>
            {s.inbound && (
              <p className="muted small">
                {L({ id: 'Alamat penerimaan NIB', en: 'NIB receiving address' })}: <code>{s.inbound.url}</code>
              </p>
            )}
            <button type="submit" className="btn">
              {L(W.save)}
            </button>
          </form>
        );
      }}
    </Async>
  );
}
