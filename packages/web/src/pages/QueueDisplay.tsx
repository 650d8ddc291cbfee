import { useEffect } from 'react';
import { client, unwrap } from '../api.js';
import { Async, PageTitle, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import './Assisted.css';

const S = {
  title: { id: 'Antrean loket', en: 'Counter queue' },
  counter: { id: 'Loket', en: 'Counter' },
  now: { id: 'Dilayani', en: 'Now serving' },
  before: { id: 'Sebelumnya', en: 'Before' },
  waiting: { id: 'menunggu', en: 'waiting' },
  none: { id: 'Belum ada nomor dipanggil hari ini.', en: 'No number called yet today.' },
  noCounters: { id: 'Belum ada loket untuk daerah ini.', en: 'This regency has no counters yet.' },
};

/** How often the hall screen asks again (seconds): a called number shows within this. */
const REFRESH_S = 10;

/** `/t/{tenant}/antrean`: the screen in the MPP hall. Numbers only, no names. */
export function QueueDisplay({ tenant }: { tenant: string }) {
  const { L } = useI18n();
  const state = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/queue-display', { params: { path: { tenant } } })), [tenant]);
  useEffect(() => {
    const timer = window.setInterval(() => state.reload(), REFRESH_S * 1000);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenant]);
  return (
    <>
      <PageTitle sub={tenant}>{L(S.title)}</PageTitle>
      <Async state={state}>
        {(d) =>
          d.items.length === 0 ? (
            <p>{L(S.noCounters)}</p>
          ) : (
            <div className="display-board" aria-live="polite">
              {d.items.map((c) => (
                <section key={c.counter} className="card counter-now" aria-labelledby={`dc-${c.counter}`}>
                  <h2 id={`dc-${c.counter}`}>
                    {L(S.counter)} {c.counter}
                    {c.name ? ` · ${c.name}` : ''}
                  </h2>
                  {c.current ? (
                    <p>
                      <span className="muted">{L(S.now)}</span>
                      <strong className="ticket-number">{c.current}</strong>
                    </p>
                  ) : (
                    <p>{L(S.none)}</p>
                  )}
                  {c.recent.length > 0 && (
                    <p className="muted">
                      {L(S.before)}: {c.recent.join(', ')}
                    </p>
                  )}
                  <p>
                    {c.waiting} {L(S.waiting)}
                  </p>
                </section>
              ))}
            </div>
          )
        }
      </Async>
    </>
  );
}
