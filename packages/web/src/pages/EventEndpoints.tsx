import { useState, type FormEvent } from 'react';
import { client, unwrap, unwrapWithEtag } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n, type Lang } from '../i18n.js';

/** The page's words (Indonesian first); kept here so the shared dictionary stays the shell's. */
const WORDS = {
  title: { id: 'Endpoint peristiwa (webhook)', en: 'Event endpoints (webhooks)' },
  intro: {
    id: 'Sistem instansi menerima peristiwa bertanda tangan (Standard Webhooks). Rahasia hanya ditampilkan sekali: simpan saat itu.',
    en: 'Agency systems receive signed events (Standard Webhooks). A secret is shown only once: store it then.',
  },
  url: { id: 'URL tujuan', en: 'Target URL' },
  description: { id: 'Keterangan', en: 'Description' },
  types: { id: 'Jenis peristiwa (kosong = semua)', en: 'Event types (empty = all)' },
  agency: { id: 'Hanya instansi (kode, opsional)', en: 'Only this agency (code, optional)' },
  create: { id: 'Buat endpoint', en: 'Create endpoint' },
  secretOnce: { id: 'Rahasia penandatangan — hanya ditampilkan sekali:', en: 'Signing secret — shown only once:' },
  copy: { id: 'Salin', en: 'Copy' },
  copied: { id: 'Tersalin', en: 'Copied' },
  active: { id: 'Aktif', en: 'Active' },
  inactive: { id: 'Nonaktif', en: 'Off' },
  switchOn: { id: 'Aktifkan', en: 'Switch on' },
  switchOff: { id: 'Nonaktifkan', en: 'Switch off' },
  rotate: { id: 'Ganti rahasia', en: 'Rotate secret' },
  rotated: { id: 'Rahasia lama tetap berlaku 24 jam (dua tanda tangan).', en: 'The old secret stays valid for 24 hours (two signatures).' },
  remove: { id: 'Hapus', en: 'Delete' },
  confirmRemove: { id: 'Hapus endpoint ini beserta log pengirimannya?', en: 'Delete this endpoint and its delivery log?' },
  dead: { id: 'Surat mati', en: 'Dead letters' },
  none: { id: 'Tidak ada.', en: 'None.' },
  replay: { id: 'Kirim ulang', en: 'Replay' },
  replayAll: { id: 'Kirim ulang semua sejak 7 hari', en: 'Replay all from the last 7 days' },
  replayed: { id: 'Dikirim ulang', en: 'Replayed' },
  attempts: { id: 'Percobaan', en: 'Attempts' },
  disabled: { id: 'Dinonaktifkan sistem', en: 'Disabled by the platform' },
  legacy: { id: 'dari webhook pengaduan (usang)', en: 'from the complaint webhook (deprecated)' },
  hide: { id: 'Tutup', en: 'Close' },
} as const;
type Word = keyof typeof WORDS;
const say = (lang: Lang) => (w: Word) => WORDS[w][lang];

interface Endpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  agency: string | null;
  active: boolean;
  disabledReason: string | null;
  secretHint: string;
  previousSecretUntil: string | null;
  legacy: boolean;
  secret?: string;
}
interface Delivery {
  id: string;
  messageId: string;
  type: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deadAt: string | null;
  replayedBy: string | null;
}
interface DeliveryDetail extends Delivery {
  log: { attempt: number; at: string; statusCode: number | null; error: string | null; response: string | null; durationMs: number }[];
}
interface EventTypeInfo {
  type: string;
  description: { id: string; en: string };
}

type Answer = Promise<{ data?: unknown; error?: unknown; response: Response }>;
/**
 * These operations are new: until the lead regenerates docs/openapi.json the typed client does not
 * know their paths, so they go through the same client untyped (same token, same problem handling).
 */
const api = client as unknown as {
  GET(path: string, init?: object): Answer;
  POST(path: string, init?: object): Answer;
  PATCH(path: string, init?: object): Answer;
  DELETE(path: string, init?: object): Answer;
};

export function EventEndpoints({ tenant }: { tenant: string }) {
  const { lang, fmtDate } = useI18n();
  const w = say(lang);
  const base = `/api/v1/tenants/${encodeURIComponent(tenant)}/event-endpoints`;
  const endpoints = useAsync(async () => ((await unwrap(api.GET(base))) as { items: Endpoint[] }).items, [tenant]);
  const types = useAsync(async () => ((await unwrap(api.GET('/api/v1/event-types'))) as { items: EventTypeInfo[] }).items, []);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState({ url: '', description: '', eventTypes: [] as string[], agency: '' });

  const fail = (e: unknown) => setError(e);
  const showSecret = (s: string | undefined) => {
    setSecret(s ?? null);
    setCopied(false);
  };
  /** A change quotes the ETag just read (If-Match), as every versioned resource here. */
  const withEtag = async (id: string, change: (etag: string) => Answer) => {
    const { etag } = await unwrapWithEtag(api.GET(`${base}/${id}`));
    return unwrap(change(etag ?? '*'));
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = { url: form.url, description: form.description, eventTypes: form.eventTypes, ...(form.agency ? { agency: form.agency } : {}) };
    unwrap(api.POST(base, { body })).then((r) => {
      showSecret((r as Endpoint).secret);
      setForm({ url: '', description: '', eventTypes: [], agency: '' });
      endpoints.reload();
    }, fail);
  };
  const rotate = (id: string) =>
    withEtag(id, (etag) => api.POST(`${base}/${id}/rotate-secret`, { headers: { 'If-Match': etag } })).then((r) => {
      showSecret((r as Endpoint).secret);
      setNotice(w('rotated'));
      endpoints.reload();
    }, fail);
  const toggle = (ep: Endpoint) => withEtag(ep.id, (etag) => api.PATCH(`${base}/${ep.id}`, { body: { active: !ep.active }, headers: { 'If-Match': etag } })).then(endpoints.reload, fail);
  const remove = (id: string) => {
    if (!window.confirm(w('confirmRemove'))) return;
    withEtag(id, (etag) => api.DELETE(`${base}/${id}`, { headers: { 'If-Match': etag } })).then(endpoints.reload, fail);
  };
  const copy = () => {
    if (secret) void navigator.clipboard.writeText(secret).then(() => setCopied(true));
  };

  return (
    <RequireLogin>
      <PageTitle sub={tenant}>{w('title')}</PageTitle>
      <p className="muted">{w('intro')}</p>
      <ErrorBox error={error} />
      {notice && <Notice>{notice}</Notice>}
      {secret && (
        <section className="card" aria-live="polite">
          <p>{w('secretOnce')}</p>
          <code className="secret">{secret}</code>{' '}
          <button type="button" className="btn small" onClick={copy}>
            {copied ? w('copied') : w('copy')}
          </button>{' '}
          <button type="button" className="btn small" onClick={() => setSecret(null)}>
            {w('hide')}
          </button>
        </section>
      )}
      <Async state={endpoints}>
        {(items) => (
          <table>
            <thead>
              <tr>
                <th>{w('url')}</th>
                <th>{w('types')}</th>
                <th>{w('active')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((ep) => (
                <tr key={ep.id}>
                  <td>
                    <div>{ep.url}</div>
                    <div className="muted small">
                      {ep.description} {ep.agency && `· ${ep.agency}`} {ep.legacy && `· ${w('legacy')}`} · …{ep.secretHint}
                    </div>
                  </td>
                  <td>{ep.eventTypes.length ? ep.eventTypes.join(', ') : '*'}</td>
                  <td>
                    {ep.active ? w('active') : w('inactive')}
                    {ep.disabledReason && <div className="muted small">{`${w('disabled')}: ${ep.disabledReason}`}</div>}
                  </td>
                  <td>
                    <button type="button" className="btn small" onClick={() => toggle(ep)}>
                      {ep.active ? w('switchOff') : w('switchOn')}
                    </button>{' '}
                    <button type="button" className="btn small" onClick={() => rotate(ep.id)}>
                      {w('rotate')}
                    </button>{' '}
                    <button type="button" className="btn small" onClick={() => setOpen(open === ep.id ? null : ep.id)} aria-expanded={open === ep.id}>
                      {w('dead')}
                    </button>{' '}
                    <button type="button" className="btn small" onClick={() => remove(ep.id)}>
                      {w('remove')}
                    </button>
                    {open === ep.id && <DeadLetters base={`${base}/${ep.id}`} lang={lang} fmtDate={fmtDate} onError={fail} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
      <form className="card" onSubmit={create}>
        <h2>{w('create')}</h2>
        <label>
          {w('url')}
          <input type="url" required value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} placeholder="https://…" />
        </label>
        <label>
          {w('description')}
          <input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} maxLength={500} />
        </label>
        <label>
          {w('agency')}
          <input value={form.agency} onChange={(e) => setForm({ ...form, agency: e.target.value })} pattern="[a-z][a-z0-9-]{1,62}" />
        </label>
        <fieldset>
          <legend>{w('types')}</legend>
          <Async state={types}>
            {(list) => (
              <>
                {[...new Set(list.map((t) => `${t.type.split('.')[0]}.*`))].concat(list.map((t) => t.type)).map((t) => (
                  <label key={t} className="inline" title={list.find((x) => x.type === t)?.description[lang] ?? ''}>
                    <input
                      type="checkbox"
                      checked={form.eventTypes.includes(t)}
                      onChange={(e) => setForm({ ...form, eventTypes: e.target.checked ? [...form.eventTypes, t] : form.eventTypes.filter((x) => x !== t) })}
                    />{' '}
                    {t}
                  </label>
                ))}
              </>
            )}
          </Async>
        </fieldset>
        <button type="submit" className="btn">
          {w('create')}
        </button>
      </form>
    </RequireLogin>
  );
}

/** An endpoint's dead letters, each with its attempts, replayed one by one or all at once. */
function DeadLetters({ base, lang, fmtDate, onError }: { base: string; lang: Lang; fmtDate: (iso: string | null, withTime?: boolean) => string; onError: (e: unknown) => void }) {
  const w = say(lang);
  const dead = useAsync(async () => {
    const page = (await unwrap(api.GET(`${base}/deliveries`, { params: { query: { status: 'dead', limit: 50 } } }))) as { items: Delivery[] };
    return Promise.all(page.items.map(async (d) => (await unwrap(api.GET(`${base}/deliveries/${d.id}`))) as DeliveryDetail));
  }, [base]);
  const replay = (id: string) => unwrap(api.POST(`${base}/deliveries/${id}/replay`)).then(dead.reload, onError);
  const replayAll = () => unwrap(api.POST(`${base}/replay`, { body: { since: new Date(Date.now() - 7 * 86_400_000).toISOString() } })).then(dead.reload, onError);
  return (
    <div className="card">
      <Async state={dead}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">{w('none')}</p>
          ) : (
            <>
              <button type="button" className="btn small" onClick={replayAll}>
                {w('replayAll')}
              </button>
              <ul>
                {items.map((d) => (
                  <li key={d.id}>
                    <strong>{d.type}</strong> <code>{d.messageId}</code> · {fmtDate(d.deadAt, true)} · {d.lastError}{' '}
                    {d.replayedBy ? (
                      <span className="muted small">{w('replayed')}</span>
                    ) : (
                      <button type="button" className="btn small" onClick={() => replay(d.id)}>
                        {w('replay')}
                      </button>
                    )}
                    <details>
                      <summary>
                        {w('attempts')}: {d.attempts}
                      </summary>
                      <ol>
                        {d.log.map((a) => (
                          <li key={a.attempt}>
                            {fmtDate(a.at, true)} · {a.statusCode ?? '–'} · {a.error ?? 'OK'} · {a.durationMs} ms {a.response && <span className="muted small">“{a.response}”</span>}
                          </li>
                        ))}
                      </ol>
                    </details>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Async>
    </div>
  );
}
