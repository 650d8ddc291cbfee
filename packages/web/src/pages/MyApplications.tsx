import { useState } from 'react';
import { Link } from 'wouter';
import { client, unwrap } from '../api.js';
import { Async, ErrorBox, LoadMore, PageTitle, RequireLogin, StatusBadge, usePaged } from '../components.js';
import { useI18n } from '../i18n.js';

export function MyApplications({ tenant }: { tenant: string }) {
  const { t, fmtDate } = useI18n();
  // Newest first, a page at a time ("load more" for the rest).
  const apps = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant }, query: { limit: 50, cursor } } })), [tenant]);
  const bookings = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/bookings', { params: { path: { tenant }, query: { limit: 50, cursor } } })), [tenant]);
  const [error, setError] = useState<unknown>(null);
  return (
    <RequireLogin>
      <PageTitle>{t('myApplications')}</PageTitle>
      <ErrorBox error={error} />
      <Async state={apps}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('noApplications')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('tracking')}</th>
                    <th scope="col">{t('service')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('submittedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link href={`/t/${tenant}/permohonan/${a.id}`} className="mono">
                          {a.trackingCode}
                        </Link>
                      </td>
                      <td>{a.service}</td>
                      <td>
                        <StatusBadge status={a.status} label={a.state} />
                      </td>
                      <td>{fmtDate(a.submittedAt ?? a.createdAt, true)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <LoadMore list={apps} />
            </div>
          )
        }
      </Async>
      <h2>{t('myBookings')}</h2>
      <Async state={bookings}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted">–</p>
          ) : (
            <ul>
              {items.map((b) => (
                <li key={b.id}>
                  {b.service} · {fmtDate(b.date)} {b.start} · <span className="badge">{b.status}</span>
                  {b.status === 'booked' && (
                    <button type="button" className="link" onClick={() => void unwrap(client.DELETE('/api/v1/tenants/{tenant}/bookings/{booking}', { params: { path: { tenant, booking: b.id } } })).then(bookings.reload, setError)}>
                      {t('cancel')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
      <LoadMore list={bookings} />
    </RequireLogin>
  );
}
