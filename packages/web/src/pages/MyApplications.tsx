import { useState } from 'react';
import { Link } from 'wouter';
import { client, unwrap } from '../api.js';
import { Async, ErrorBox, LoadMore, PageTitle, RequireLogin, StatusBadge, usePaged } from '../components.js';
import { useI18n } from '../i18n.js';
import { BookingItem, useServiceNames, useTenantZone } from '../ui/appointments.js';
import '../ui/appointments.css';

const SEE_APPLICATION = { id: 'Lihat permohonan', en: 'See the application' };

export function MyApplications({ tenant }: { tenant: string }) {
  const { t, L, fmtDate } = useI18n();
  // Newest first, a page at a time ("load more" for the rest).
  const apps = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/applications', { params: { path: { tenant }, query: { limit: 50, cursor } } })), [tenant]);
  const bookings = usePaged((cursor) => unwrap(client.GET('/api/v1/tenants/{tenant}/bookings', { params: { path: { tenant }, query: { limit: 50, cursor } } })), [tenant]);
  const [error] = useState<unknown>(null);
  const zone = useTenantZone(tenant);
  const serviceName = useServiceNames(tenant);
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
                      <td>{serviceName(a.service)}</td>
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
            <div className="card">
              {items.map((b) => (
                <div key={b.id}>
                  <p className="small muted">
                    {serviceName(b.service)}
                    {b.applicationId && (
                      <>
                        {' · '}
                        <Link href={`/t/${tenant}/permohonan/${b.applicationId}`}>{L(SEE_APPLICATION)}</Link>
                      </>
                    )}
                  </p>
                  <BookingItem tenant={tenant} booking={b} zone={zone} onChange={bookings.reload} />
                </div>
              ))}
            </div>
          )
        }
      </Async>
      <LoadMore list={bookings} />
    </RequireLogin>
  );
}
