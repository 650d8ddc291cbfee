import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { client, keyed, RetryKey, unwrap } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';

export function Book({ tenant, service }: { tenant: string; service: string }) {
  const { t, L, fmtDate } = useI18n();
  const path = { tenant, service };
  const svc = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path } })), [tenant, service]);
  // The sessions of the coming weeks (the API answers a window of at most 90 days, whole).
  const sessions = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}/sessions', { params: { path } })), [tenant, service]);
  // Booking again after a failure (a flaky network) is the same booking: the same Idempotency-Key.
  const bookKey = useRef(new RetryKey()).current;
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <RequireLogin>
      <Async state={svc}>{(s) => <PageTitle sub={L(s.name)}>{t('book')}</PageTitle>}</Async>
      <ErrorBox error={error} />
      {done && (
        <Notice>
          {t('booked')}: {done} · <Link href={`/t/${tenant}/permohonan`}>{t('myBookings')}</Link>
        </Notice>
      )}
      <Async state={sessions}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('noSessions')}</p>
          ) : (
            <ul className="cards">
              {items.map((s) => (
                <li key={s.id} className="card">
                  <h2 className="h3">
                    {fmtDate(s.date)} · {s.start}–{s.end}
                  </h2>
                  <p className="small">
                    {s.onlineSeatsLeft} {t('seatsLeft')}
                  </p>
                  <button
                    type="button"
                    className="btn small"
                    aria-label={`${t('book')}: ${fmtDate(s.date)} ${s.start}–${s.end}`}
                    disabled={s.onlineSeatsLeft < 1 || s.status !== 'open'}
                    onClick={() =>
                      void keyed(bookKey, { session: s.id }, (key) =>
                        unwrap(client.POST('/api/v1/tenants/{tenant}/sessions/{session}/bookings', { params: { path: { tenant, session: s.id }, header: { 'Idempotency-Key': key } }, body: {} })),
                      ).then(() => {
                        setDone(`${fmtDate(s.date)} ${s.start}`);
                        sessions.reload();
                      }, setError)
                    }
                  >
                    {t('book')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </RequireLogin>
  );
}
