import { useState } from 'react';
import { Link } from 'wouter';
import { client, errorText, unwrap } from '../api.js';
import { useAsync } from '../components.js';
import { useI18n, type Lang } from '../i18n.js';
import type { Localized } from '../types.js';

const W = {
  holiday: { id: 'Hari libur', en: 'Holiday' },
  holidayNote: {
    id: 'Tanggal ini hari libur nasional atau cuti bersama. Instansi tetap membuka sesi ini, tetapi layanan bisa terbatas: pilih hari lain bila ragu.',
    en: 'This date is a national holiday or cuti bersama (collective leave). The agency still offers this session, but service may be limited: pick another day if unsure.',
  },
  reschedule: { id: 'Jadwalkan ulang', en: 'Reschedule' },
  cancel: { id: 'Batalkan jadwal', en: 'Cancel appointment' },
  confirmCancel: { id: 'Batalkan jadwal {w}? Kursi Anda akan dilepas untuk orang lain.', en: 'Cancel the appointment on {w}? Your seat is given to someone else.' },
  cancelled: { id: 'Jadwal dibatalkan. Anda dapat memesan jadwal baru kapan saja.', en: 'Appointment cancelled. You can book a new one at any time.' },
  status: { id: 'Status', en: 'Status' },
} satisfies Record<string, Localized>;

/** Booking statuses in words (never the API's codes). */
export const BOOKING_STATUS: Record<string, Localized> = {
  booked: { id: 'Terjadwal', en: 'Booked' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  'checked-in': { id: 'Sudah hadir', en: 'Checked in' },
  called: { id: 'Dipanggil', en: 'Called' },
  served: { id: 'Dilayani', en: 'Served' },
  'no-show': { id: 'Tidak hadir', en: 'Did not come' },
  'cancelled-by-agency': { id: 'Dibatalkan instansi', en: 'Cancelled by the agency' },
};

/** WIB, WITA or WIT for an Indonesian time zone. */
export const zoneLabel = (tz: string | undefined) => (tz === 'Asia/Makassar' ? 'WITA' : tz === 'Asia/Jayapura' ? 'WIT' : 'WIB');

/** A local date with its weekday: "Selasa, 15 Desember 2026" (a calendar date, so no zone shifts it). */
export function longDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A session as a person reads it: "Selasa, 15 Desember 2026, 08.00–10.00 WIB". */
export function sessionWhen(s: { date: string; start: string; end?: string | null }, tz: string | undefined, lang: Lang): string {
  const t = (hhmm: string) => (lang === 'id' ? hhmm.slice(0, 5).replace(':', '.') : hhmm.slice(0, 5));
  return `${longDate(s.date, lang)}, ${t(s.start)}${s.end ? `–${t(s.end)}` : ''} ${zoneLabel(tz)}`;
}

/** Services' names by id (`plugin.service`), from the tenant's catalog: lists show names, never codes. */
export function useServiceNames(tenant: string): (id: string) => string {
  const { L } = useI18n();
  const list = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/services', { params: { path: { tenant } } })).catch(() => null), [tenant]);
  const names = new Map((list.data?.items ?? []).map((s) => [s.id, s.name]));
  return (id) => (names.has(id) ? L(names.get(id)) : id);
}

/** The tenant's time zone (the public tenant record), for session times. */
export function useTenantZone(tenant: string): string | undefined {
  const t = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}', { params: { path: { tenant } } })), [tenant]);
  return t.data?.timeZone;
}

/** The flag a session on a holiday or cuti bersama carries, with what it means. */
export function HolidayFlag({ holiday, id }: { holiday: string | null | undefined; id: string }) {
  const { L } = useI18n();
  if (!holiday) return null;
  return (
    <p className="holiday-flag" id={id}>
      <strong>
        {L(W.holiday)}: {holiday}
      </strong>
      <br />
      {L(W.holidayNote)}
    </p>
  );
}

type MyBooking = NonNullable<Awaited<ReturnType<typeof listBookings>>>['items'][number];

/** The caller's bookings, of one application when named. */
export const listBookings = (tenant: string, application?: string) =>
  unwrap(client.GET('/api/v1/tenants/{tenant}/bookings', { params: { path: { tenant }, query: { limit: 50, ...(application ? { application } : {}) } } }));

/**
 * One booking with what a person does with it: reschedule (the session list in moving mode) or
 * cancel (after a confirmation dialog), with a plain message after.
 */
export function BookingItem({ tenant, booking, zone, onChange, headingLevel = 3 }: { tenant: string; booking: MyBooking; zone: string | undefined; onChange(): void; headingLevel?: 2 | 3 }) {
  const { L, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const when = sessionWhen(booking, zone, lang);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const active = booking.status === 'booked';
  const move = `/t/${tenant}/layanan/${booking.service}/sesi?pindah=${booking.id}${booking.applicationId ? `&permohonan=${booking.applicationId}` : ''}`;
  return (
    <div className="booking-item">
      <H className="h3">{when}</H>
      <p className="small">
        {L(W.status)}: <span className={`badge badge-${active ? 'submitted' : 'draft'}`}>{L(BOOKING_STATUS[booking.status]) || booking.status}</span>
      </p>
      <HolidayFlag holiday={booking.holiday} id={`hol-${booking.id}`} />
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="alert ok" role="status">
          {L(W.cancelled)}
        </p>
      )}
      {active && (
        <div className="actions">
          <Link className="btn secondary small" href={move}>
            {L(W.reschedule)}
          </Link>
          <button
            type="button"
            className="btn secondary small"
            onClick={() => {
              if (!window.confirm(L(W.confirmCancel).replace('{w}', when))) return;
              setError(null);
              unwrap(client.DELETE('/api/v1/tenants/{tenant}/bookings/{booking}', { params: { path: { tenant, booking: booking.id } } })).then(
                () => {
                  setDone(true);
                  onChange();
                },
                (e: unknown) => setError(errorText(e, lang)),
              );
            }}
          >
            {L(W.cancel)}
          </button>
        </div>
      )}
    </div>
  );
}
