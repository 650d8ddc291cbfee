import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { client, unwrap } from '../api.js';
import { membershipsOf, useAuth } from '../auth.js';
import { Async, ErrorBox, Loading, LoadMore, Notice, PageTitle, QrCode, RequireLogin, StatusBadge, Timeline, useAsync, usePaged } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Application, RequestBody } from '../types.js';
import { ApplicationEditor, type OnBehalf } from './Apply.js';
import { Recipients } from './Recipients.js';
import { documentLink, openDownload } from './Track.js';
import { DuplicateWarning } from '../ui/DuplicateWarning.js';
import { NikFacts } from '../ui/NikFacts.js';
import { OutputDataFields, outputsBody, outputsWithData, type OutputValues } from '../ui/OutputDataFields.js';

/** Form data in the plugin's display order, then anything else. */
function orderedEntries(data: Record<string, unknown>, order: string[] | undefined): [string, unknown][] {
  const rank = (k: string) => {
    const i = order?.indexOf(k) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return Object.entries(data).sort(([a], [b]) => rank(a) - rank(b));
}

function isEnum(schema: Record<string, unknown> | undefined, key: string): boolean {
  const p = (schema?.properties as Record<string, { enum?: unknown[] }> | undefined)?.[key];
  return Array.isArray(p?.enum);
}

const COUNTER_SCREEN = { id: 'Layar loket dan antrean', en: 'Counter screen and queue' };

/** `/petugas`: the officer's first (tenant, agency) desk. */
export function OfficerHome() {
  const { me, ready } = useAuth();
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const desks = membershipsOf(me, 'officer');
  if (!ready || (me === null && ready)) return <RequireLogin><Loading /></RequireLogin>;
  if (desks.length === 1) {
    navigate(`/petugas/${desks[0]!.tenant}/${desks[0]!.agency}`, { replace: true });
    return <Loading />;
  }
  return (
    <RequireLogin>
      <PageTitle>{t('officerDesk')}</PageTitle>
      {desks.length === 0 ? (
        <p>{t('forbidden')}</p>
      ) : (
        <ul>
          {desks.map((d) => (
            <li key={`${d.tenant}/${d.agency}`}>
              <Link href={`/petugas/${d.tenant}/${d.agency}`}>
                {d.tenant} · {d.agency}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </RequireLogin>
  );
}

function useAgencyServices(tenant: string, agency: string) {
  // The whole catalog (cached: the same answer as the public catalog page), this agency's part of it.
  return useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })).then((r) => r.items.filter((s) => s.agency.code === agency)), [tenant, agency]);
}

const useService = (tenant: string, service: string | undefined) =>
  useAsync(() => (service ? unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant, service } } })) : Promise.resolve(undefined)), [tenant, service]);

export function OfficerDesk({ tenant, agency }: { tenant: string; agency: string }) {
  const { t, L, fmtDate } = useI18n();
  // The queue in the API's order (the current step's due time, then id), a page at a time: the
  // counts cover the whole queue; "load more" appends the next page.
  const queue = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/agencies/{agency}/queue', { params: { path: { tenant, agency }, query: { limit: 50, cursor } } })), [tenant, agency]);
  const services = useAgencyServices(tenant, agency);
  const counters = useMemo(() => [...new Set((services.data ?? []).map((s) => s.counter?.number ?? agency))], [services.data, agency]);
  const [called, setCalled] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <RequireLogin>
      <PageTitle sub={`${tenant} · ${agency}`}>{t('officerDesk')}</PageTitle>
      <ErrorBox error={error} />
      <div className="actions">
        <Link className="btn secondary" href={`/petugas/${tenant}/${agency}/loket`}>
          {t('fileOnBehalf')}
        </Link>
        <Link className="btn secondary" href={`/petugas/${tenant}/antrean`}>
          {L(COUNTER_SCREEN)}
        </Link>
        {counters.map((c) => (
          <button
            key={c}
            type="button"
            className="btn secondary"
            onClick={() =>
              void unwrap(client.POST('/api/v1/tenants/{tenant}/counters/{counter}/call-next', { params: { path: { tenant, counter: c } } })).then(
                (r) => setCalled(r.called ? `${r.called.ticket}${r.called.name ? ` — ${r.called.name}` : ''}` : `${t('counter')} ${c}: ${t('nobodyWaiting')}`),
                setError,
              )
            }
          >
            {t('callNext')} ({t('counter')} {c})
          </button>
        ))}
      </div>
      {called && (
        <Notice>
          {t('called')}: <strong>{called}</strong>
        </Notice>
      )}
      <h2>{t('queue')}</h2>
      <Async state={{ data: queue.first, error: queue.error, loading: queue.loading }}>
        {(q) => (
          <>
            <ul className="stats">
              <li>
                <strong>{q.counts.total}</strong> {t('total')}
              </li>
              <li>
                <strong>{q.counts.dueToday}</strong> {t('dueToday')}
              </li>
              <li className={q.counts.overdue ? 'warn' : ''}>
                <strong>{q.counts.overdue}</strong> {t('overdue')}
              </li>
            </ul>
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('queue')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stepDue')}</th>
                    <th scope="col">{t('tracking')}</th>
                    <th scope="col">{t('service')}</th>
                    <th scope="col">{t('applicant')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('claimedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {queue.items.map((i) => (
                    <tr key={i.id} className={i.overdue ? 'row-overdue' : ''}>
                      <td>
                        {fmtDate(i.stepDueAt ?? i.stepDueDate, Boolean(i.stepDueAt))}
                        {i.overdue && <span className="badge badge-overdue">{t('overdue')}</span>}
                      </td>
                      <td>
                        <Link href={`/petugas/${tenant}/${agency}/permohonan/${i.id}`} className="mono">
                          {i.trackingCode}
                        </Link>
                      </td>
                      <td>{L(i.service.name)}</td>
                      <td>{i.applicantName ?? '–'}</td>
                      <td>{L(i.state.name)}</td>
                      <td>{i.claimedBy ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore list={queue} />
          </>
        )}
      </Async>
    </RequireLogin>
  );
}

export function OfficerApplication({ tenant, agency, id }: { tenant: string; agency: string; id: string }) {
  const { t, L, fmtDate } = useI18n();
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } })), [tenant, id]);
  const svc = useService(tenant, state.data?.service.id);
  const [comment, setComment] = useState('');
  const [outputValues, setOutputValues] = useState<OutputValues>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** An SOP action (or claiming): its answer is the application as it is now (no second read). */
  const act = (write: () => Promise<Application>) => {
    setBusy(true);
    setError(null);
    write()
      .then((now) => {
        setComment('');
        setOutputValues({});
        state.set(now);
      }, setError)
      .finally(() => setBusy(false));
  };
  const claim = () => act(() => unwrap(client.POST('/api/v1/tenants/{tenant}/applications/{id}/claim', { params: { path: { tenant, id } }, body: {} })));
  const perform = (action: string, body: RequestBody<'actOnApplication'>) =>
    act(() => unwrap(client.POST('/api/v1/tenants/{tenant}/applications/{id}/actions/{action}', { params: { path: { tenant, id, action } }, body })));
  return (
    <RequireLogin>
      <Async state={state}>
        {(a) => (
          <>
            <PageTitle sub={`${t('tracking')}: ${a.trackingCode} · ${a.applicant.name ?? '–'}`}>{L(a.service.name)}</PageTitle>
            <p>
              <Link href={`/petugas/${tenant}/${agency}`}>← {t('queue')}</Link>
            </p>
            <ErrorBox error={error} />
            <DuplicateWarning application={a} />
            <section className="card" aria-labelledby="st">
              <h2 id="st">{t('status')}</h2>
              <p>
                <StatusBadge status={a.status} label={L(a.state.name)} /> · {t('stepDue')}: {fmtDate(a.sla.stepDueAt, true)} · {t('claimedBy')}: {a.claimedBy ?? '–'}
              </p>
              {a.status === 'submitted' && !a.claimedBy && (
                <button type="button" className="btn secondary" disabled={busy} onClick={claim}>
                  {t('claim')}
                </button>
              )}
              {a.availableActions.length > 0 && (
                <div className="actions-box">
                  <OutputDataFields outputs={outputsWithData(svc.data, a.availableActions)} values={outputValues} onChange={setOutputValues} />
                  <label htmlFor="comment">{t('comment')}</label>
                  <textarea id="comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
                  <div className="actions">
                    {a.availableActions.map((x) => (
                      <button
                        key={x.code}
                        type="button"
                        className={x.code === 'reject' || x.code === 'return' ? 'btn danger' : 'btn'}
                        disabled={busy}
                        title={x.comment === 'required' ? t('commentRequired') : undefined}
                        onClick={() => {
                          if (x.comment === 'required' && !comment.trim()) {
                            setError(new Error(t('commentRequired')));
                            document.getElementById('comment')?.focus();
                            return;
                          }
                          // What the officer recorded about the outputs this action issues (issue 23); typed loosely until the API types are regenerated.
                          const outputs = outputsBody(svc.data, x, outputValues);
                          const body = { ...(comment.trim() ? { comment: comment.trim() } : {}), expectedVersion: a.version, ...(outputs ? { outputs } : {}) };
                          perform(x.code, body as RequestBody<'actOnApplication'>);
                        }}
                      >
                        {L(x.name)}
                      </button>
                    ))}
                  </div>
                </div>
              )}
            </section>
            {a.status === 'completed' && a.channel !== 'online' && <SkmInvitation tenant={tenant} applicationId={a.id} />}
            <section className="card" aria-labelledby="data">
              <h2 id="data">{t('data')}</h2>
              <dl className="facts">
                {orderedEntries(a.data, svc.data?.form.ui.order).map(([k, v]) => (
                  <div key={k}>
                    <dt>{svc.data ? L(svc.data.form.ui.labels[k]) || k : k}</dt>
                    <dd>{typeof v === 'object' ? JSON.stringify(v) : isEnum(svc.data?.form.schema, k) ? String(v).replace(/[_-]+/g, ' ') : String(v)}</dd>
                  </div>
                ))}
              </dl>
            </section>
            {/* The decoded NIK and its cross-check (issue 23): its own card, officers of the agency only. */}
            <NikFacts application={a} fieldLabel={(ptr) => { const k = ptr.replace(/^\/data\//, ''); const l = svc.data?.form.ui.labels[k]; return l ? L(l) : k; }} />
            <section className="card" aria-labelledby="docs">
              <h2 id="docs">{t('documents')}</h2>
              <ul>
                {a.documents.map((d) => {
                  const req = svc.data?.documents.find((x) => x.code === d.code);
                  return (
                    <li key={d.id}>
                      {req ? L(req.name) : d.code}: {d.filename ?? d.mediaType} ({Math.ceil(d.size / 1024)} KB){' '}
                      <button type="button" className="link" onClick={() => void openDownload(documentLink(tenant, id, d.id)).catch(setError)}>
                        {t('view')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
            <section className="card" aria-labelledby="tl">
              <h2 id="tl">{t('timeline')}</h2>
              <Timeline items={a.timeline} />
            </section>
            {a.status !== 'draft' && <Recipients tenant={tenant} application={a.id} />}
          </>
        )}
      </Async>
    </RequireLogin>
  );
}

/** For counter and assisted filings: the SKM survey invitation as a QR code to hand the citizen. */
function SkmInvitation({ tenant, applicationId }: { tenant: string; applicationId: string }) {
  const { t } = useI18n();
  const inv = useAsync(
    () => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{application}/skm-invitation', { params: { path: { tenant, application: applicationId } } })).catch(() => ({ token: null })),
    [tenant, applicationId],
  );
  if (!inv.data?.token) return null;
  return (
    <section className="card" aria-labelledby="skm">
      <h2 id="skm">{t('survey')}</h2>
      <QrCode url={`${window.location.origin}/t/${tenant}/skm?token=${encodeURIComponent(inv.data.token)}`} filename={`skm-${applicationId}.png`} />
    </section>
  );
}

const CONSENT_METHODS: OnBehalf['consent']['method'][] = ['signed-form', 'verbal', 'whatsapp', 'app'];

/** Filing at the counter for a citizen who is present: applicant, consent, then the same form. */
export function CounterFiling({ tenant, agency }: { tenant: string; agency: string }) {
  const { t, L } = useI18n();
  const services = useAgencyServices(tenant, agency);
  const [serviceId, setServiceId] = useState('');
  const [who, setWho] = useState<OnBehalf>({ applicant: { nik: '', name: '', phone: '' }, consent: { statement: t('consentDefault'), method: 'signed-form' } });
  const svc = useService(tenant, serviceId || undefined);
  const setApplicant = (k: keyof OnBehalf['applicant'], v: string) => setWho((w) => ({ ...w, applicant: { ...w.applicant, [k]: v } }));
  return (
    <RequireLogin>
      <PageTitle sub={`${tenant} · ${agency}`}>{t('fileOnBehalf')}</PageTitle>
      <section className="card">
        <div className="field">
          <label htmlFor="svc">{t('service')}</label>
          <select id="svc" value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
            <option value="">–</option>
            {(services.data ?? []).filter((s) => s.channels.includes('counter')).map((s) => (
              <option key={s.id} value={s.id}>
                {L(s.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="grid2">
          <div className="field">
            <label htmlFor="a-nik">{t('applicantNik')}</label>
            <input id="a-nik" inputMode="numeric" pattern="\d{16}" maxLength={16} value={who.applicant.nik} onChange={(e) => setApplicant('nik', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="a-name">{t('applicantName')}</label>
            <input id="a-name" value={who.applicant.name} onChange={(e) => setApplicant('name', e.target.value)} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="a-phone">{t('applicantPhone')}</label>
            <input id="a-phone" type="tel" value={who.applicant.phone ?? ''} onChange={(e) => setApplicant('phone', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="c-method">{t('consentMethod')}</label>
            <select id="c-method" value={who.consent.method} onChange={(e) => setWho((w) => ({ ...w, consent: { ...w.consent, method: CONSENT_METHODS.find((m) => m === e.target.value) ?? w.consent.method } }))}>
              {CONSENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="c-stmt">{t('consentStatement')}</label>
          <textarea id="c-stmt" rows={2} value={who.consent.statement} onChange={(e) => setWho((w) => ({ ...w, consent: { ...w.consent, statement: e.target.value } }))} />
        </div>
      </section>
      {serviceId && (
        <Async state={svc}>
          {(s) =>
            s ? (
              <ApplicationEditor
                key={s.id}
                tenant={tenant}
                service={s}
                onBehalf={() =>
                  /^\d{16}$/.test(who.applicant.nik) && who.applicant.name.trim().length >= 2
                    ? { applicant: { nik: who.applicant.nik, name: who.applicant.name.trim(), ...(who.applicant.phone ? { phone: who.applicant.phone } : {}) }, consent: who.consent }
                    : null
                }
                doneHref={(a) => `/petugas/${tenant}/${agency}/permohonan/${a.id}`}
              />
            ) : (
              <Loading />
            )
          }
        </Async>
      )}
    </RequireLogin>
  );
}
