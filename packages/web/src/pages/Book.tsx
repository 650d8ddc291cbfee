import { useRef, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { client, keyed, RetryKey, unwrap } from '../api.js';
import { Async, ErrorBox, Notice, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Localized } from '../types.js';
import { HolidayFlag, sessionWhen, useTenantZone } from '../ui/appointments.js';
import '../ui/appointments.css';

const W = {
  title: { id: 'Pilih jadwal', en: 'Choose a session' },
  moveTitle: { id: 'Pilih jadwal baru', en: 'Choose a new session' },
  forApplication: { id: 'Jadwal ini untuk permohonan Anda', en: 'This appointment is for your application' },
  intro: { id: 'Waktu sesuai zona waktu MPP. Datang 15 menit sebelum sesi dengan dokumen asli.', en: 'Times are in the MPP’s time zone. Arrive 15 minutes early with your original documents.' },
  seatsLeft: { id: 'kursi tersisa', en: 'seats left' },
  full: { id: 'Penuh', en: 'Full' },
  cancelledSession: { id: 'Sesi dibatalkan instansi', en: 'Session cancelled by the agency' },
  choose: { id: 'Pilih', en: 'Choose' },
  moveHere: { id: 'Pindah ke sini', en: 'Move here' },
  current: { id: 'Jadwal Anda sekarang', en: 'Your current appointment' },
  booked: { id: 'Jadwal Anda tercatat', en: 'Your appointment is booked' },
  moved: { id: 'Jadwal Anda sudah dipindah', en: 'Your appointment was moved' },
  noticeSent: { id: 'Kami juga mengirim pesan konfirmasi ke saluran pesan Anda.', en: 'We also send a confirmation to your message channels.' },
  confirmMove: { id: 'Pindahkan jadwal Anda ke {w}?', en: 'Move your appointment to {w}?' },
  confirmBook: { id: 'Pesan jadwal {w}?', en: 'Book the session on {w}?' },
  toApplication: { id: 'Kembali ke permohonan', en: 'Back to the application' },
  myApplications: { id: 'Permohonan dan jadwal saya', en: 'My applications and appointments' },
  none: { id: 'Belum ada sesi dalam empat minggu ke depan. Coba lagi nanti atau datang langsung ke gerai.', en: 'No sessions in the next four weeks. Try again later or come to the counter.' },
} satisfies Record<string, Localized>;

/**
 * The sessions of a service, to book one for an application (`?permohonan=`) or to move a booking
 * (`?pindah=`): each with its weekday, date and time in the MPP's zone, seats left and the holiday flag.
 */
export function Book({ tenant, service }: { tenant: string; service: string }) {
  const { L, lang, t } = useI18n();
  const q = new URLSearchParams(useSearch());
  const application = q.get('permohonan') ?? undefined;
  const moving = q.get('pindah') ?? undefined;
  const path = { tenant, service };
  const zone = useTenantZone(tenant);
  const svc = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path } })), [tenant, service]);
  // The sessions of the coming weeks (the API answers a window of at most 90 days, whole).
  // Sessions already begun are not offered (today's morning session, seen in the evening).
  const sessions = useAsync(
    () => unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}/sessions', { params: { path } })).then((w) => ({ ...w, items: w.items.filter((s) => Date.parse(s.startsAt) > Date.now()) })),
    [tenant, service],
  );
  const current = useAsync(
    () => (moving ? unwrap(client.GET('/api/v1/tenants/{tenant}/bookings', { params: { path: { tenant }, query: { limit: 50, ...(application ? { application } : {}) } } })).then((r) => r.items.find((b) => b.id === moving) ?? null) : Promise.resolve(null)),
    [tenant, moving, application],
  );
  // Sending again after a failure (a flaky network) is the same write: the same Idempotency-Key.
  const writeKey = useRef(new RetryKey()).current;
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ when: string; moved: boolean } | null>(null);
  const back = application ? `/t/${tenant}/permohonan/${application}` : `/t/${tenant}/permohonan`;

  const choose = (s: { id: string; date: string; start: string; end: string }) => {
    const when = sessionWhen(s, zone, lang);
    if (!window.confirm(L(moving ? W.confirmMove : W.confirmBook).replace('{w}', when))) return;
    setError(null);
    const write = moving
      ? keyed(writeKey, { move: moving, session: s.id }, (key) =>
          unwrap(client.POST('/api/v1/tenants/{tenant}/bookings/{booking}/reschedule', { params: { path: { tenant, booking: moving }, header: { 'Idempotency-Key': key } }, body: { sessionId: s.id } })),
        )
      : keyed(writeKey, { session: s.id, application }, (key) =>
          unwrap(client.POST('/api/v1/tenants/{tenant}/sessions/{session}/bookings', { params: { path: { tenant, session: s.id }, header: { 'Idempotency-Key': key } }, body: application ? { applicationId: application } : {} })),
        );
    write.then(() => {
      setDone({ when, moved: !!moving });
      sessions.reload();
      window.scrollTo(0, 0);
    }, setError);
  };

  return (
    <RequireLogin>
      <Async state={svc}>{(s) => <PageTitle sub={L(s.name)}>{moving ? L(W.moveTitle) : application ? L(W.title) : t('book')}</PageTitle>}</Async>
      {application && !done && <p>{L(W.forApplication)}.</p>}
      <p className="small">{L(W.intro)}</p>
      <ErrorBox error={error} />
      {done && (
        <Notice>
          <strong>
            {L(done.moved ? W.moved : W.booked)}: {done.when}
          </strong>
          <br />
          {L(W.noticeSent)} <Link href={back}>{L(application ? W.toApplication : W.myApplications)}</Link>
        </Notice>
      )}
      {moving && current.data && !done && (
        <p>
          {L(W.current)}: <strong>{sessionWhen(current.data, zone, lang)}</strong>
        </p>
      )}
      {!done && (
        <Async state={sessions}>
          {({ items }) =>
            items.length === 0 ? (
              <p>{L(W.none)}</p>
            ) : (
              <ul className="cards sessions">
                {items.map((s) => {
                  const when = sessionWhen(s, zone, lang);
                  const open = s.status === 'open' && s.onlineSeatsLeft > 0;
                  const isCurrent = current.data?.sessionId === s.id;
                  return (
                    <li key={s.id} className={`card${s.holiday ? ' on-holiday' : ''}`}>
                      <h2 className="h3">{when}</h2>
                      <p className="small">{s.status !== 'open' ? L(W.cancelledSession) : s.onlineSeatsLeft > 0 ? `${s.onlineSeatsLeft} ${L(W.seatsLeft)}` : L(W.full)}</p>
                      <HolidayFlag holiday={s.holiday} id={`hol-${s.id}`} />
                      {isCurrent ? (
                        <p className="small">
                          <strong>{L(W.current)}</strong>
                        </p>
                      ) : (
                        <button
                          type="button"
                          className="btn small"
                          aria-label={`${L(moving ? W.moveHere : W.choose)}: ${when}`}
                          aria-describedby={s.holiday ? `hol-${s.id}` : undefined}
                          disabled={!open}
                          onClick={() => choose(s)}
                        >
                          {L(moving ? W.moveHere : W.choose)}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )
          }
        </Async>
      )}
    </RequireLogin>
  );
}
