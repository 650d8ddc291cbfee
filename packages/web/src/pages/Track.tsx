import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { client, unwrap } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, StatusBadge, Timeline, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import { ApplicationMessages } from './Messages.js';
import type { Localized } from '../types.js';
import { BookingItem, listBookings, useTenantZone } from '../ui/appointments.js';
import '../ui/appointments.css';
import { myJourney, slaStart } from '../ui/sla.js';
import { ApplicationPayment } from '../ui/payments.js';

const W = {
  appointment: { id: 'Jadwal datang ke gerai', en: 'Your visit to the counter' },
  noAppointment: { id: 'Belum ada jadwal untuk permohonan ini.', en: 'No appointment for this application yet.' },
  book: { id: 'Pilih jadwal', en: 'Choose a session' },
  earlier: { id: 'Jadwal sebelumnya', en: 'Earlier appointments' },
  receipt: { id: 'Tanda terima dan langkah berikutnya', en: 'Receipt and next steps' },
  journey: { id: 'Layanan terintegrasi', en: 'Journey across agencies' },
  journeyEta: { id: 'Perkiraan selesai:', en: 'Expected completion:' },
  workingDays: { id: 'hari kerja lagi', en: 'working days ahead' },
  stepDone: { id: 'selesai', en: 'done' },
  stepNow: { id: 'sedang diproses', en: 'in progress' },
  stepNext: { id: 'berikutnya', en: 'next' },
  stepElsewhere: { id: 'tidak tersedia di MPP ini', en: 'not offered at this MPP' },
  verify: { id: 'Verifikasi keaslian', en: 'Verify authenticity' },
  signedBy: { id: 'Ditandatangani elektronik oleh', en: 'Electronically signed by' },
  fee: { id: 'Biaya (dicatat saat pengajuan)', en: 'Fee (recorded at submission)' },
} satisfies Record<string, Localized>;

/** Part "fees" (issue 23): fields of the application view the generated client does not carry yet. */
type Extra = { fee?: { text: Localized }; outputs: { code: string; verifyCode?: string; signedBy?: string }[] };

/** Issue 23 (sla): a journey across agencies toward this service, each step's expected date and the whole ETA in hari kerja. */
function JourneyEta({ tenant, service }: { tenant: string; service: string }) {
  const { L, fmtDate } = useI18n();
  const j = useAsync(() => myJourney(client, tenant, service).catch(() => null), [tenant, service]);
  if (!j.data) return null;
  const status = { done: W.stepDone, 'in-progress': W.stepNow, 'to-do': W.stepNext, 'not-offered': W.stepElsewhere } as const;
  return (
    <section className="card" aria-labelledby="journey">
      <h2 id="journey">{L(W.journey)}</h2>
      <ol>
        {j.data.steps.map((s) => (
          <li key={s.service}>
            {s.name ? L(s.name) : s.service} {s.agency && <span className="small">({L(s.agency.name)})</span>} — {L(status[s.status])}
            {s.estimatedDate && s.status !== 'done' && <> · {fmtDate(s.estimatedDate)}</>}
          </li>
        ))}
      </ol>
      <p>
        <strong>{L(W.journeyEta)}</strong> {fmtDate(j.data.estimatedDate)} ({j.data.workingDays} {L(W.workingDays)})
      </p>
    </section>
  );
}

/** The application's appointments: the active one (reschedule, cancel) or a way to book one. */
function ApplicationBookings({ tenant, application, service, open }: { tenant: string; application: string; service: string; open: boolean }) {
  const { L } = useI18n();
  const zone = useTenantZone(tenant);
  const list = useAsync(() => listBookings(tenant, application), [tenant, application]);
  const svc = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant, service } } })).catch(() => null), [tenant, service]);
  if (!svc.data?.schedule && !(list.data?.items.length ?? 0)) return null;
  const items = list.data?.items ?? [];
  const active = items.filter((b) => b.status === 'booked' || b.status === 'checked-in' || b.status === 'called');
  const past = items.filter((b) => !active.includes(b));
  return (
    <section className="card" aria-labelledby="appt">
      <h2 id="appt">{L(W.appointment)}</h2>
      <ErrorBox error={list.error} />
      {active.map((b) => (
        <BookingItem key={b.id} tenant={tenant} booking={b} zone={zone} onChange={list.reload} />
      ))}
      {active.length === 0 && list.data && (
        <>
          <p>{L(W.noAppointment)}</p>
          {open && svc.data?.schedule && (
            <Link className="btn" href={`/t/${tenant}/layanan/${service}/sesi?permohonan=${application}`}>
              {L(W.book)}
            </Link>
          )}
        </>
      )}
      {past.length > 0 && (
        <details>
          <summary>{L(W.earlier)}</summary>
          {past.map((b) => (
            <BookingItem key={b.id} tenant={tenant} booking={b} zone={zone} onChange={list.reload} />
          ))}
        </details>
      )}
    </section>
  );
}

/** Opens a short-lived presigned download link (asked for as the tab opens) in a new tab. */
export async function openDownload(link: () => Promise<{ url: string }>): Promise<void> {
  const w = window.open('', '_blank');
  try {
    const { url } = await link();
    if (w) w.location.href = url;
    else window.location.assign(url);
  } catch (e) {
    w?.close();
    throw e;
  }
}

/** The presigned links of an application's documents and outputs. */
export const documentLink = (tenant: string, id: string, document: string) => () =>
  unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}/documents/{document}/download', { params: { path: { tenant, id, document } } }));
export const outputLink = (tenant: string, id: string, output: string) => () =>
  unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}/outputs/{output}/download', { params: { path: { tenant, id, output } } }));

export function Track({ tenant, id }: { tenant: string; id: string }) {
  const { t, L, fmtDate } = useI18n();
  const justSubmitted = new URLSearchParams(useSearch()).get('submitted') === '1';
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } })), [tenant, id]);
  const [error, setError] = useState<unknown>(null);
  const [comment, setComment] = useState('');
  return (
    <RequireLogin>
      <Async state={state}>
        {(a) => (
          <>
            <PageTitle sub={`${t('tracking')}: ${a.trackingCode}`}>{L(a.service.name)}</PageTitle>
            {justSubmitted && a.status !== 'draft' && <Notice>{t('submitted')}</Notice>}
            <ErrorBox error={error} />
            <section className="card" aria-labelledby="st">
              <h2 id="st">{t('status')}</h2>
              <p className="status-line">
                <StatusBadge status={a.status} label={L(a.state.name)} />
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('tracking')}</dt>
                  <dd className="mono">{a.trackingCode}</dd>
                </div>
                <div>
                  <dt>{t('submittedAt')}</dt>
                  <dd>{fmtDate(a.submittedAt, true)}</dd>
                </div>
                <div>
                  <dt>{t('dueDate')}</dt>
                  <dd>
                    {/* Issue 23 (sla): until the SOP's start event there is no due date, and the page says which event starts it. */}
                    {a.sla.dueDate ? fmtDate(a.sla.dueDate) : slaStart(a.sla) ? L(slaStart(a.sla)!.message) : fmtDate(a.sla.dueDate)}{' '}
                    {a.sla.overdue && <span className="badge badge-overdue">{t('overdue')}</span>}
                  </dd>
                </div>
              </dl>
              {a.status !== 'draft' && (
                <p className="small">
                  <Link href={`/t/${tenant}/permohonan/${a.id}/terkirim`}>{L(W.receipt)}</Link>
                  {' · '}
                  <Link href={`/t/${tenant}/pengaduan?application=${a.id}`}>{t('complaints')}</Link>
                  {a.status === 'completed' && (
                    <>
                      {' · '}
                      <Link href={`/t/${tenant}/skm`}>{t('survey')}</Link>
                    </>
                  )}
                </p>
              )}
              {a.status === 'draft' && (
                <Link className="btn" href={`/t/${tenant}/layanan/${a.service.id}/ajukan?draft=${a.id}`}>
                  {t('editDraft')}
                </Link>
              )}
              {a.availableActions.length > 0 && (
                <div className="actions-box">
                  <label htmlFor="c">{t('comment')}</label>
                  <textarea id="c" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
                  <div className="actions">
                    {a.availableActions.map((x) => (
                      <button
                        key={x.code}
                        type="button"
                        className="btn secondary"
                        onClick={() =>
                          void unwrap(
                            client.POST('/api/v1/tenants/{tenant}/applications/{id}/actions/{action}', { params: { path: { tenant, id, action: x.code } }, body: comment ? { comment, expectedVersion: a.version } : { expectedVersion: a.version } }),
                          ).then((now) => {
                            setComment('');
                            state.set(now);
                          }, setError)
                        }
                      >
                        {L(x.name)}
                      </button>
                    ))}
                  </div>
                </div>
              )}
            </section>
            {(a.status === 'draft' || a.status === 'submitted') && <JourneyEta tenant={tenant} service={a.service.id} />}
            {a.status !== 'draft' && <ApplicationBookings tenant={tenant} application={a.id} service={a.service.id} open={a.status === 'submitted'} />}
            {(a as unknown as Extra).fee && (
              <section className="card" aria-labelledby="fee">
                <h2 id="fee">{L(W.fee)}</h2>
                <p>{L((a as unknown as Extra).fee!.text)}</p>
              </section>
            )}
            {/* Issue 24 (payments): what to pay, why, how, until when, the proof. */}
            {a.status === 'submitted' || a.status === 'completed' ? <ApplicationPayment client={client} tenant={tenant} application={a.id} /> : null}
            {a.outputs.length > 0 && (
              <section className="card" aria-labelledby="out">
                <h2 id="out">{t('outputs')}</h2>
                <ul>
                  {a.outputs.map((o) => (
                    <li key={o.code}>
                      {L(o.name)} — {fmtDate(o.issuedAt)}{' '}
                      {(() => {
                        const x = (a as unknown as Extra).outputs.find((e) => e.code === o.code);
                        return x?.verifyCode ? (
                          <>
                            {x.signedBy && (
                              <span className="muted small">
                                {L(W.signedBy)} {x.signedBy}.{' '}
                              </span>
                            )}
                            <a href={`/t/${tenant}/v/${x.verifyCode}`}>{L(W.verify)}</a>{' '}
                          </>
                        ) : null;
                      })()}
                      {o.downloadable ? (
                        <button type="button" className="btn small" onClick={() => void openDownload(outputLink(tenant, id, o.code)).catch(setError)}>
                          {t('download')}
                        </button>
                      ) : (
                        <span className="muted">({t('collectAtCounter')})</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section className="card" aria-labelledby="tl">
              <h2 id="tl">{t('timeline')}</h2>
              <Timeline items={a.timeline} />
            </section>
            {a.status !== 'draft' && <ApplicationMessages tenant={tenant} application={a.id} />}
            {a.documents.length > 0 && (
              <section className="card" aria-labelledby="dc">
                <h2 id="dc">{t('documents')}</h2>
                <ul>
                  {a.documents.map((d) => (
                    <li key={d.id}>
                      {d.code}: {d.filename ?? d.mediaType}{' '}
                      <button type="button" className="link" onClick={() => void openDownload(documentLink(tenant, id, d.id)).catch(setError)}>
                        {t('view')}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </Async>
    </RequireLogin>
  );
}
