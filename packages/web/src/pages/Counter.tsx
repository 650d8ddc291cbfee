import { useState } from 'react';
import { Link } from 'wouter';
import { client, errorText, unwrap } from '../api.js';
import { membershipsOf, useAuth } from '../auth.js';
import { Async, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Localized } from '../types.js';
import { AssistedDone, AssistedFiling } from './Assisted.js';
import './Assisted.css';

const S = {
  title: { id: 'Layar loket', en: 'Counter screen' },
  counter: { id: 'Loket', en: 'Counter' },
  chooseCounter: { id: 'Pilih loket', en: 'Choose a counter' },
  noCounter: { id: 'Anda belum melayani loket di daerah ini. Minta admin daerah menambahkan Anda sebagai petugas instansi.', en: 'You serve no counter in this regency yet. Ask the regency admin to add you as an agency officer.' },
  now: { id: 'Sedang dilayani', en: 'Now serving' },
  nobody: { id: 'Belum ada nomor yang dipanggil.', en: 'No number called yet.' },
  callNext: { id: 'Panggil berikutnya', en: 'Call the next number' },
  recall: { id: 'Panggil ulang', en: 'Call again' },
  noShow: { id: 'Tidak hadir', en: 'Did not come' },
  emptyQueue: { id: 'Tidak ada yang menunggu di loket ini.', en: 'Nobody is waiting at this counter.' },
  waiting: { id: 'Menunggu', en: 'Waiting' },
  booked: { id: 'Sudah memesan sesi hari ini (belum datang)', en: 'Booked a session today (not arrived yet)' },
  noneBooked: { id: 'Tidak ada pemesanan yang menunggu check-in.', en: 'No bookings waiting to check in.' },
  checkIn: { id: 'Check-in', en: 'Check in' },
  checkedIn: { id: 'Nomor antrean', en: 'Queue number' },
  fileFor: { id: 'Ajukan untuk pemohon di loket', en: 'File for a person at the counter' },
  called: { id: 'Dipanggil', en: 'Called' },
  refresh: { id: 'Muat ulang', en: 'Refresh' },
  filedTitle: { id: 'Ajukan untuk pemohon', en: 'File for an applicant' },
  forbidden: { id: 'Halaman ini untuk petugas loket daerah ini.', en: 'This page is for this regency’s counter officers.' },
};

/** Service names from the public catalog, for the board (which carries only service ids). */
function useServiceNames(tenant: string) {
  return useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })).then((r) => new Map<string, Localized>(r.items.map((s) => [s.id, s.name]))), [tenant]);
}

/** `/petugas/{tenant}/antrean`: call the next number, see who waits (number and service only), check in booked people. */
export function CounterScreen({ tenant }: { tenant: string }) {
  const { L, lang } = useI18n();
  const board = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/counters', { params: { path: { tenant } } })), [tenant]);
  const names = useServiceNames(tenant);
  const [chosen, setChosen] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tickets, setTickets] = useState<Record<string, string>>({});
  const svc = (id: string) => (names.data?.get(id) ? L(names.data.get(id)) : id);
  const run = async (write: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await write();
      board.reload();
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <RequireLogin>
      <PageTitle sub={tenant}>{L(S.title)}</PageTitle>
      <p className="actions">
        <Link className="btn secondary" href={`/petugas/${tenant}/antrean/ajukan`}>
          {L(S.fileFor)}
        </Link>
        <button type="button" className="btn secondary" onClick={() => board.reload()}>
          {L(S.refresh)}
        </button>
      </p>
      <p className="sr-only" aria-live="assertive">
        {announce}
      </p>
      {error && (
        <p className="warn-text" role="alert">
          {error}
        </p>
      )}
      <Async state={board}>
        {(b) => {
          if (b.items.length === 0) return <p>{L(S.noCounter)}</p>;
          const c = b.items.find((x) => x.counter === chosen) ?? b.items[0]!;
          const callNext = () =>
            run(async () => {
              const r = await unwrap(client.POST('/api/v1/tenants/{tenant}/counters/{counter}/call-next', { params: { path: { tenant, counter: c.counter } } }));
              setAnnounce(r.called ? `${L(S.called)} ${r.called.ticket}` : L(S.emptyQueue));
            });
          const noShow = () =>
            run(async () => {
              if (!c.current) return;
              if (c.current.kind === 'ticket') await unwrap(client.POST('/api/v1/tenants/{tenant}/queue-tickets/{ticket}/no-show', { params: { path: { tenant, ticket: c.current.id } } }));
              else await unwrap(client.POST('/api/v1/tenants/{tenant}/bookings/{booking}/no-show', { params: { path: { tenant, booking: c.current.id } } }));
            });
          return (
            <>
              {b.items.length > 1 && (
                <div className="field">
                  <label htmlFor="counter-pick">{L(S.chooseCounter)}</label>
                  <select id="counter-pick" value={c.counter} onChange={(e) => setChosen(e.target.value)}>
                    {b.items.map((x) => (
                      <option key={x.counter} value={x.counter}>
                        {L(S.counter)} {x.counter}
                        {x.name ? ` · ${x.name}` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <section className="card counter-now" aria-labelledby="now-h">
                <h2 id="now-h">
                  {L(S.counter)} {c.counter}
                  {c.name ? ` · ${c.name}` : ''} — {L(S.now)}
                </h2>
                {c.current ? (
                  <p>
                    <strong className="ticket-number" data-testid="current-ticket">
                      {c.current.ticket}
                    </strong>
                    <span>
                      {svc(c.current.service)}
                      {c.current.name ? ` · ${c.current.name}` : ''}
                    </span>
                  </p>
                ) : (
                  <p>{L(S.nobody)}</p>
                )}
                <p>
                  <button type="button" className="btn huge" disabled={busy} onClick={() => void callNext()}>
                    {L(S.callNext)}
                  </button>
                </p>
                {c.current && (
                  <p className="actions">
                    <button type="button" className="btn secondary" onClick={() => setAnnounce((a) => `${L(S.called)} ${c.current!.ticket}${a.endsWith('\u00a0') ? '' : '\u00a0'}`)}>
                      {L(S.recall)}
                    </button>
                    <button type="button" className="btn danger" disabled={busy} onClick={() => void noShow()}>
                      {L(S.noShow)}
                    </button>
                  </p>
                )}
              </section>
              <section className="card" aria-labelledby="wait-h">
                <h2 id="wait-h">
                  {L(S.waiting)} ({c.waiting.length})
                </h2>
                {c.waiting.length === 0 ? (
                  <p>{L(S.emptyQueue)}</p>
                ) : (
                  <ol className="waiting-list">
                    {c.waiting.map((w) => (
                      <li key={w.id}>
                        <strong className="mono">{w.ticket}</strong> · {svc(w.service)}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <section className="card" aria-labelledby="booked-h">
                <h2 id="booked-h">{L(S.booked)}</h2>
                {c.booked.length === 0 ? (
                  <p>{L(S.noneBooked)}</p>
                ) : (
                  <ul className="docs">
                    {c.booked.map((k) => (
                      <li key={k.id}>
                        {k.start} · {k.name ?? '–'} · {svc(k.service)}{' '}
                        {tickets[k.id] ? (
                          <strong>
                            {L(S.checkedIn)}: {tickets[k.id]}
                          </strong>
                        ) : (
                          <button
                            type="button"
                            className="btn small"
                            disabled={busy}
                            onClick={() =>
                              void run(async () => {
                                const r = await unwrap(client.POST('/api/v1/tenants/{tenant}/bookings/{booking}/check-in', { params: { path: { tenant, booking: k.id } } }));
                                setTickets((t) => ({ ...t, [k.id]: r.ticket }));
                              })
                            }
                          >
                            {L(S.checkIn)}
                            <span className="sr-only"> {k.name ?? ''}</span>
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </Async>
    </RequireLogin>
  );
}

/** `/petugas/{tenant}/antrean/ajukan`: the assisted flow at the counter, services of the officer's agencies filed at the counter. */
export function CounterAssisted({ tenant }: { tenant: string }) {
  const { L } = useI18n();
  const { me } = useAuth();
  const agencies = membershipsOf(me, 'officer').filter((m) => m.tenant === tenant).map((m) => m.agency);
  const services = useAsync(
    () => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })).then((r) => r.items.filter((s) => s.channels.includes('counter') && agencies.includes(s.agency.code))),
    [tenant, agencies.join(',')],
  );
  return (
    <RequireLogin>
      {me && agencies.length === 0 ? (
        <p className="warn-text">{L(S.forbidden)}</p>
      ) : (
        <AssistedFiling tenant={tenant} services={services.data} title={L(S.filedTitle)} doneHref={(a) => `/petugas/${tenant}/antrean/permohonan/${a.id}`} />
      )}
    </RequireLogin>
  );
}

/** `/petugas/{tenant}/antrean/permohonan/{id}`: receipt, queue number and phone after a counter filing. */
export function CounterFiled({ tenant, id }: { tenant: string; id: string }) {
  return <AssistedDone tenant={tenant} id={id} again={`/petugas/${tenant}/antrean/ajukan`} />;
}
