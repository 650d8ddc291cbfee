import { useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { client, everyItem, keyed, RetryKey, unwrap } from '../api.js';
import { Async, ErrorBox, LoadMore, Notice, PageTitle, RequireLogin, useAsync, usePaged } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Complaint, RequestBody } from '../types.js';

type NewComplaint = RequestBody<'fileComplaint'>;
const KINDS: NewComplaint['kind'][] = ['complaint', 'suggestion', 'information-request'];
const KIND_LABELS: Record<NewComplaint['kind'], { id: string; en: string }> = {
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  suggestion: { id: 'Saran', en: 'Suggestion' },
  'information-request': { id: 'Permintaan informasi', en: 'Information request' },
};

const STATUS: Record<string, { id: string; en: string }> = {
  submitted: { id: 'Diterima, menunggu verifikasi', en: 'Received, awaiting verification' },
  forwarded: { id: 'Diteruskan ke instansi', en: 'Forwarded to the agency' },
  handling: { id: 'Sedang ditangani', en: 'Being handled' },
  answered: { id: 'Dijawab', en: 'Answered' },
  closed: { id: 'Selesai', en: 'Closed' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
};

/** `/t/{tenant}/pengaduan`: file a complaint (about the MPP, a service or one's application) and follow one's own. */
export function Complaints({ tenant }: { tenant: string }) {
  const { t, L, lang, fmtDate } = useI18n();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const mine = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/complaints', { params: { path: { tenant }, query: { limit: 50, cursor } } })), [tenant]);
  const services = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })), [tenant]);
  // Every application of the citizen, to choose the one the complaint is about (a link may name any).
  const apps = useAsync(
    () => everyItem((cursor) => client.GET('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant }, query: { limit: 200, cursor } } })).catch(() => []),
    [tenant],
  );
  const fileKey = useRef(new RetryKey()).current;
  const [kind, setKind] = useState<NewComplaint['kind']>('complaint');
  const [subject, setSubject] = useState(params.get('application') ? `application:${params.get('application')}` : params.get('service') ? `service:${params.get('service')}` : 'tenant');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const [type, ref] = subject.split(':');
      const subj: NewComplaint['subject'] = type === 'service' && ref ? { type, service: ref } : type === 'application' && ref ? { type, applicationId: ref } : { type: 'tenant' };
      const request: NewComplaint = { kind, subject: subj, title, body, anonymous };
      // Sending the same complaint again (a flaky network) files it once: the same Idempotency-Key.
      const c = await keyed(fileKey, request, (key) => unwrap(client.POST('/api/v1/tenants/{tenant}/complaints', { params: { path: { tenant }, header: { 'Idempotency-Key': key } }, body: request })));
      navigate(`/t/${tenant}/pengaduan/${c.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <RequireLogin>
      <PageTitle sub={lang === 'id' ? 'Pengaduan, saran dan permintaan informasi' : 'Complaints, suggestions and information requests'}>{t('complaints')}</PageTitle>
      <ErrorBox error={error} />
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="plain">
          <legend className="label">{lang === 'id' ? 'Jenis' : 'Kind'}</legend>
          {KINDS.map((k) => (
            <label key={k} className="inline">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {L(KIND_LABELS[k])}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="subject">{lang === 'id' ? 'Tentang' : 'About'}</label>
          <select id="subject" value={subject} onChange={(e) => setSubject(e.target.value)}>
            <option value="tenant">{lang === 'id' ? 'Mal Pelayanan Publik secara umum' : 'The public service mall in general'}</option>
            {(apps.data ?? []).map((a) => (
              <option key={a.id} value={`application:${a.id}`}>
                {t('applications')}: {a.trackingCode} ({a.service})
              </option>
            ))}
            {(services.data?.items ?? []).map((s) => (
              <option key={s.id} value={`service:${s.id}`}>
                {t('service')}: {L(s.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ctitle">{lang === 'id' ? 'Judul' : 'Title'}</label>
          <input id="ctitle" required minLength={5} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cbody">{lang === 'id' ? 'Uraian' : 'Details'}</label>
          <textarea id="cbody" required minLength={10} maxLength={5000} rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <label className="inline">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {lang === 'id' ? 'Sembunyikan identitas saya dari instansi' : 'Hide my identity from the agency'}
        </label>
        <div className="actions">
          <button type="submit" className="btn" disabled={busy}>
            {lang === 'id' ? 'Kirim pengaduan' : 'Send'}
          </button>
        </div>
      </form>
      <h2>{lang === 'id' ? 'Pengaduan saya' : 'My complaints'}</h2>
      <Async state={mine}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">–</p>
          ) : (
            <ul>
              {items.map((c) => (
                <li key={c.id}>
                  <Link href={`/t/${tenant}/pengaduan/${c.id}`} className="mono">
                    {c.trackingCode}
                  </Link>{' '}
                  {c.title} · <span className="badge">{STATUS[c.status] ? L(STATUS[c.status]) : c.status}</span> {c.dueDate && <span className="muted small">· {t('dueDate')} {fmtDate(c.dueDate)}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <LoadMore list={mine} />
    </RequireLogin>
  );
}

export function ComplaintDetail({ tenant, id }: { tenant: string; id: string }) {
  const { t, L, lang, fmtDate } = useI18n();
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/complaints/{id}', { params: { path: { tenant, id } } })), [tenant, id]);
  const [message, setMessage] = useState('');
  const [score, setScore] = useState(5);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = useRef({ message: new RetryKey(), rating: new RetryKey() }).current;
  /** The answer of a message or a rating is the complaint as it is now (no second read). */
  const done = (c: Promise<Complaint>) =>
    c.then((now) => {
      setMessage('');
      setNotice(t('saved'));
      state.set(now);
    }, setError);
  const params = (key: string) => ({ path: { tenant, id }, header: { 'Idempotency-Key': key } });
  const sendMessage = (body: RequestBody<'postComplaintMessage'>) =>
    done(keyed(keys.message, body, (key) => unwrap(client.POST('/api/v1/tenants/{tenant}/complaints/{id}/messages', { params: params(key), body }))));
  const rate = (body: RequestBody<'rateComplaintAnswer'>) =>
    done(keyed(keys.rating, body, (key) => unwrap(client.POST('/api/v1/tenants/{tenant}/complaints/{id}/rating', { params: params(key), body }))));
  return (
    <RequireLogin>
      <Async state={state}>
        {(c) => (
          <>
            <PageTitle sub={`${c.trackingCode} · ${STATUS[c.status] ? L(STATUS[c.status]) : c.status}`}>{c.title}</PageTitle>
            <ErrorBox error={error} />
            {notice && <Notice>{notice}</Notice>}
            <section className="card">
              <p>{c.body}</p>
              <dl className="facts">
                <div>
                  <dt>{t('status')}</dt>
                  <dd>
                    <span className="badge">{STATUS[c.status] ? L(STATUS[c.status]) : c.status}</span>
                  </dd>
                </div>
                <div>
                  <dt>{lang === 'id' ? 'Verifikasi paling lambat' : 'Verification due'}</dt>
                  <dd>{fmtDate(c.deadlines.verification.dueDate)}</dd>
                </div>
                <div>
                  <dt>{lang === 'id' ? 'Jawaban paling lambat' : 'Answer due'}</dt>
                  <dd>{fmtDate(c.deadlines.answer?.dueDate)}</dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="thread">
              <h2 id="thread">{lang === 'id' ? 'Percakapan' : 'Thread'}</h2>
              {c.thread.length === 0 ? (
                <p className="muted">–</p>
              ) : (
                <ol className="timeline">
                  {c.thread.map((m) => (
                    <li key={m.id}>
                      <div className="tl-state">
                        {m.author.name ?? '–'} <span className="muted small">({m.author.role}, {m.kind})</span>
                      </div>
                      <div className="muted small">{fmtDate(m.at, true)}</div>
                      {m.body && <p>{m.body}</p>}
                    </li>
                  ))}
                </ol>
              )}
              {c.allowed.includes('message') && (
                <div className="actions-box">
                  <label htmlFor="msg">{lang === 'id' ? 'Pesan' : 'Message'}</label>
                  <textarea id="msg" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
                  <button type="button" className="btn small" disabled={!message.trim()} onClick={() => void sendMessage({ body: message.trim() })}>
                    {lang === 'id' ? 'Kirim pesan' : 'Send message'}
                  </button>
                </div>
              )}
              {c.allowed.includes('rate') && (
                <div className="actions-box">
                  <label htmlFor="score">{lang === 'id' ? 'Nilai jawaban (1–5)' : 'Rate the answer (1–5)'}</label>
                  <select id="score" value={score} onChange={(e) => setScore(Number(e.target.value))}>
                    {[5, 4, 3, 2, 1].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="button" className="btn small" onClick={() => void rate({ score })}>
                    {t('save')}
                  </button>
                </div>
              )}
            </section>
            <p>
              <Link href={`/t/${tenant}/pengaduan`}>← {t('complaints')}</Link>
            </p>
          </>
        )}
      </Async>
    </RequireLogin>
  );
}
