import { useEffect } from 'react';
import { Link } from 'wouter';
import { client, unwrap } from '../api.js';
import { Async, Maklumat, PageTitle, QrCode, useAsync } from '../components.js';
import { useAuth } from '../auth.js';
import { useI18n } from '../i18n.js';
import { pageReady } from '../ui/ssr.js';

/** The six components of the standar pelayanan that are published to the public (PermenPAN-RB 15/2014). */
export const PUBLIC_COMPONENTS = ['requirements', 'procedure', 'timeframe', 'fee', 'product', 'complaints'];

export function Service({ tenant, service }: { tenant: string; service: string }) {
  const { t, L } = useI18n();
  const { user, login } = useAuth();
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant, service } } })), [tenant, service]);
  const url = `${window.location.origin}/t/${tenant}/layanan/${service}`;
  useEffect(() => {
    if (state.data || state.error) pageReady();
  }, [state.data, state.error]);
  return (
    <Async state={state}>
      {(s) => {
        const standard = [...s.standard].filter((c) => PUBLIC_COMPONENTS.includes(c.key)).sort((a, b) => a.number - b.number);
        return (
          <>
            <PageTitle sub={L(s.agency.name)}>{L(s.name)}</PageTitle>
            <div className="service-layout">
              <div>
                <p>{L(s.summary)}</p>
                <p className="small">
                  <span className="badge">{s.category}</span> · {t('channels')}: {s.channels.map((c) => t(c === 'counter' ? 'counterChannel' : c === 'assisted' ? 'assisted' : 'online')).join(', ')}
                  {s.counter?.name && (
                    <>
                      {' '}
                      · {t('counter')}: {s.counter.name}
                      {s.counter.number ? ` (${s.counter.number})` : ''}
                    </>
                  )}
                </p>
                <div className="actions">
                  {s.channels.includes('online') &&
                    (user ? (
                      <Link className="btn" href={`/t/${tenant}/layanan/${service}/ajukan`}>
                        {t('apply')}
                      </Link>
                    ) : (
                      <button type="button" className="btn" onClick={() => void login(`/t/${tenant}/layanan/${service}/ajukan`)}>
                        {t('loginToApply')}
                      </button>
                    ))}
                  {s.appointmentRequired && (
                    <Link className="btn secondary" href={`/t/${tenant}/layanan/${service}/sesi`}>
                      {t('book')}
                    </Link>
                  )}
                </div>
                <Maklumat tenant={tenant} />
                <section aria-labelledby="standar">
                  <h2 id="standar">{t('standard')}</h2>
                  <dl className="standard">
                    {standard.map((c) => (
                      <div key={c.key} className="std-item">
                        <dt>
                          {c.number}. {L(c.name)}
                        </dt>
                        <dd>
                          {c.text.length > 1 && c.key === 'procedure' ? (
                            // Steps in the order they happen (the API lists them so).
                            <ol>
                              {c.text.map((x, i) => (
                                <li key={i}>{L(x)}</li>
                              ))}
                            </ol>
                          ) : c.text.length > 1 ? (
                            <ul>
                              {c.text.map((x, i) => (
                                <li key={i}>{L(x)}</li>
                              ))}
                            </ul>
                          ) : (
                            L(c.text[0])
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </section>
              </div>
              <aside aria-label={t('qr')}>
                <h2 className="h3">{t('qr')}</h2>
                <QrCode url={url} filename={`qr-${tenant}-${service}.png`} />
              </aside>
            </div>
          </>
        );
      }}
    </Async>
  );
}
