import { useState } from 'react';
import { Link } from 'wouter';
import { api, enc } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { ServiceDetail, SessionSlot } from '../types.js';

export function Book({ tenant, service }: { tenant: string; service: string }) {
  const { t, L, fmtDate } = useI18n();
  const base = `/api/v1/tenants/${enc(tenant)}`;
  const svc = useAsync(() => api<ServiceDetail>(`${base}/services/${enc(service)}`), [base, service]);
  const sessions = useAsync(() => api<{ items: SessionSlot[] }>(`${base}/services/${enc(service)}/sessions`), [base, service]);
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
                      void api(`${base}/sessions/${enc(s.id)}/bookings`, { method: 'POST', body: {}, idempotencyKey: crypto.randomUUID() }).then(() => {
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
