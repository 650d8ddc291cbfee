import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { client, errorText, everyItem, fileBody, unwrap } from '../api.js';
import { membershipsOf, useAuth } from '../auth.js';
import { Async, Loading, PageTitle, RequireLogin, StatusBadge, useAsync } from '../components.js';
import { documentRequired } from '../forms.js';
import { useI18n } from '../i18n.js';
import type { Application } from '../types.js';
import { AssistedDone, AssistedFiling, STATUS } from './Assisted.js';
import './Assisted.css';

const S = {
  home: { id: 'Operator desa', en: 'Village operator' },
  file: { id: 'Ajukan untuk warga', en: 'File for a villager' },
  fileHint: { id: 'Bantu warga mengajukan layanan MPP dari desa: data warga, persetujuannya, formulir dan dokumen.', en: 'Help a villager apply for an MPP service from the village: their details, their consent, the form and documents.' },
  todo: { id: 'Perlu dilengkapi', en: 'To complete' },
  todoHint: { id: 'Permohonan yang Anda ajukan dan dikembalikan petugas: lengkapi yang diminta, lalu kirim ulang.', en: 'Applications you filed that an officer returned: add what is asked, then send them again.' },
  nothingTodo: { id: 'Tidak ada yang perlu dilengkapi.', en: 'Nothing to complete.' },
  filed: { id: 'Permohonan yang Anda ajukan', en: 'Applications you filed' },
  noneFiled: { id: 'Belum ada permohonan.', en: 'No applications yet.' },
  officerSays: { id: 'Pesan petugas', en: 'The officer says' },
  missing: { id: 'Dokumen yang masih diperlukan', en: 'Documents still needed' },
  open: { id: 'Lengkapi', en: 'Complete it' },
  forbidden: { id: 'Halaman ini untuk operator desa di daerah ini. Masuk dengan akun operator, atau kembali ke beranda.', en: 'This page is for this regency’s village operators. Sign in with an operator account, or go back home.' },
  upload: { id: 'Unggah', en: 'Upload' },
  uploaded: { id: 'Terunggah', en: 'Uploaded' },
  chooseFile: { id: 'Pilih berkas', en: 'Choose a file' },
  back: { id: 'Kembali ke daftar', en: 'Back to the list' },
  tracking: { id: 'Kode lacak', en: 'Tracking code' },
  applicant: { id: 'Pemohon', en: 'Applicant' },
  service: { id: 'Layanan', en: 'Service' },
  status: { id: 'Status', en: 'Status' },
  date: { id: 'Tanggal', en: 'Date' },
  sent: { id: 'Terkirim. Petugas akan memeriksanya lagi.', en: 'Sent. The officer will check it again.' },
};

/** The operator's own tenant, or null (then the page says so). */
function useOperatorOf(tenant: string): boolean | null {
  const { me, ready } = useAuth();
  if (!ready || !me) return null;
  return membershipsOf(me, 'village-operator').some((m) => m.tenant === tenant);
}

function OnlyOperators({ tenant, children }: { tenant: string; children: React.ReactNode }) {
  const { L } = useI18n();
  const ok = useOperatorOf(tenant);
  return <RequireLogin>{ok === null ? <Loading /> : ok ? children : <p className="warn-text">{L(S.forbidden)}</p>}</RequireLogin>;
}

/** An application waits on the operator when they may act on it now (the SOP gives the applicant the turn, e.g. "returned for correction"). */
const waitsOnMe = (a: Application) => a.status === 'submitted' && a.availableActions.length > 0;

/** The officer's last comment that brought the application to where it is. */
const returnNote = (a: Application) => [...a.timeline].reverse().find((e) => e.to?.code === a.state.code && e.comment)?.comment ?? null;

/** `/operator`: the operator's first tenant. */
export function OperatorIndex() {
  const { me, ready } = useAuth();
  const [, navigate] = useLocation();
  const mine = membershipsOf(me, 'village-operator');
  if (ready && mine.length > 0) navigate(`/operator/${mine[0]!.tenant}`, { replace: true });
  return (
    <RequireLogin>
      <Loading />
    </RequireLogin>
  );
}

/** `/operator/{tenant}`: file for a villager; the to-do list of returned applications; what they filed. */
export function OperatorHome({ tenant }: { tenant: string }) {
  const { L, fmtDate } = useI18n();
  const filed = useAsync(async () => {
    const list = await everyItem((cursor) => client.GET('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant }, query: { limit: 50, ...(cursor ? { cursor } : {}) } } }));
    // Details of the ones still open: what the officer asked for and whether it is the operator's turn.
    const open = await Promise.all(list.filter((a) => a.status === 'submitted').map((a) => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id: a.id } } }))));
    return { list, todo: open.filter(waitsOnMe) };
  }, [tenant]);
  const names = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })).then((r) => new Map(r.items.map((s) => [s.id, s.name]))), [tenant]);
  return (
    <OnlyOperators tenant={tenant}>
      <PageTitle sub={tenant}>{L(S.home)}</PageTitle>
      <section className="card">
        <p>{L(S.fileHint)}</p>
        <Link className="btn" href={`/operator/${tenant}/ajukan`}>
          {L(S.file)}
        </Link>
      </section>
      <Async state={filed}>
        {({ list, todo }) => (
          <>
            <section aria-labelledby="todo-h">
              <h2 id="todo-h">
                {L(S.todo)} ({todo.length})
              </h2>
              <p className="muted small">{L(S.todoHint)}</p>
              {todo.length === 0 ? (
                <p>{L(S.nothingTodo)}</p>
              ) : (
                <ul className="todo-list">
                  {todo.map((a) => (
                    <li key={a.id} className="card">
                      <p>
                        <strong>{a.applicant.name ?? '–'}</strong> · {L(a.service.name)} · <span className="mono">{a.trackingCode}</span>
                      </p>
                      <p>
                        <StatusBadge status={a.status} label={L(a.state.name)} />
                      </p>
                      {returnNote(a) && (
                        <p>
                          {L(S.officerSays)}: <q>{returnNote(a)}</q>
                        </p>
                      )}
                      <Link className="btn secondary" href={`/operator/${tenant}/permohonan/${a.id}`}>
                        {L(S.open)}
                        <span className="sr-only"> {a.trackingCode}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="filed-h">
              <h2 id="filed-h">{L(S.filed)}</h2>
              {list.length === 0 ? (
                <p>{L(S.noneFiled)}</p>
              ) : (
                <div className="table-wrap">
                  <table>
                    <caption className="sr-only">{L(S.filed)}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{L(S.tracking)}</th>
                        <th scope="col">{L(S.service)}</th>
                        <th scope="col">{L(S.status)}</th>
                        <th scope="col">{L(S.date)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((a) => (
                        <tr key={a.id}>
                          <td>
                            <Link className="mono" href={`/operator/${tenant}/permohonan/${a.id}`}>
                              {a.trackingCode}
                            </Link>
                          </td>
                          <td>{names.data?.get(a.service) ? L(names.data.get(a.service)) : a.service}</td>
                          <td>
                            <StatusBadge status={a.status} label={L(STATUS[a.status] ?? S.status)} />
                          </td>
                          <td>{fmtDate(a.submittedAt ?? a.createdAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </>
        )}
      </Async>
    </OnlyOperators>
  );
}

/** `/operator/{tenant}/ajukan`: the assisted flow with the services offered through village operators. */
export function OperatorFile({ tenant }: { tenant: string }) {
  const { L } = useI18n();
  const services = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })).then((r) => r.items.filter((s) => s.channels.includes('assisted'))), [tenant]);
  return (
    <OnlyOperators tenant={tenant}>
      <AssistedFiling tenant={tenant} services={services.data} title={L(S.file)} doneHref={(a) => `/operator/${tenant}/permohonan/${a.id}`} />
    </OnlyOperators>
  );
}

/** `/operator/{tenant}/permohonan/{id}`: a returned application (upload what is missing, send again), else the filing's receipt and queue number. */
export function OperatorApplication({ tenant, id }: { tenant: string; id: string }) {
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } })), [tenant, id]);
  return (
    <OnlyOperators tenant={tenant}>
      {state.data && waitsOnMe(state.data) ? <Complete tenant={tenant} first={state.data} /> : state.data || state.error ? <AssistedDone tenant={tenant} id={id} again={`/operator/${tenant}/ajukan`} /> : <Loading />}
    </OnlyOperators>
  );
}

/** Upload what the officer asked for and send the application again; stays on this view after sending. */
function Complete({ tenant, first }: { tenant: string; first: Application }) {
  const { L, lang } = useI18n();
  const [app, onChange] = useState(first);
  const svc = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant, service: app.service.id } } })), [tenant, app.service.id]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const upload = async (code: string, file: File) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(client.PUT('/api/v1/tenants/{tenant}/applications/{id}/documents/{code}', { params: { path: { tenant, id: app.id, code }, query: { filename: file.name } }, ...fileBody(file) }));
      onChange(await unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id: app.id } } })));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const act = async (action: string) => {
    setBusy(true);
    setError(null);
    try {
      const now = await unwrap(client.POST('/api/v1/tenants/{tenant}/applications/{id}/actions/{action}', { params: { path: { tenant, id: app.id, action } }, body: { expectedVersion: app.version } }));
      setSent(true);
      onChange(now);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  const note = returnNote(app);
  return (
    <>
      <PageTitle sub={`${L(S.applicant)}: ${app.applicant.name ?? '–'} · ${app.trackingCode}`}>{L(app.service.name)}</PageTitle>
      <p>
        <Link href={`/operator/${tenant}`}>← {L(S.back)}</Link>
      </p>
      {sent && <p role="status">{L(S.sent)}</p>}
      {error && (
        <p className="warn-text" role="alert">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="c-h">
        <h2 id="c-h">
          <StatusBadge status={app.status} label={L(app.state.name)} />
        </h2>
        {note && (
          <p>
            {L(S.officerSays)}: <q>{note}</q>
          </p>
        )}
      </section>
      <Async state={svc}>
        {(s) => (
          <section className="card" aria-labelledby="m-h">
            <h2 id="m-h">{L(S.missing)}</h2>
            <ul className="docs">
              {s.documents
                .filter((d) => documentRequired(d, app.data))
                .map((d) => {
                  const have = app.documents.filter((x) => x.code === d.code);
                  const inputId = `up-${d.code}`;
                  return (
                    <li key={d.code}>
                      <label htmlFor={inputId}>{L(d.name)}</label>
                      {have.length > 0 && (
                        <span className="muted small">
                          {' '}
                          · {L(S.uploaded)}: {have.map((x) => x.filename ?? x.mediaType).join(', ')}
                        </span>
                      )}
                      <input id={inputId} type="file" accept={d.accept.join(',')} disabled={busy} onChange={(e) => e.target.files?.[0] && void upload(d.code, e.target.files[0])} />
                    </li>
                  );
                })}
            </ul>
            <div className="actions">
              {app.availableActions.map((x) => (
                <button key={x.code} type="button" className="btn" disabled={busy} onClick={() => void act(x.code)}>
                  {L(x.name)}
                </button>
              ))}
            </div>
          </section>
        )}
      </Async>
    </>
  );
}
