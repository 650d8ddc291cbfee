import type { BookingChannel, MyBookingRow, SessionRow, UtilizationRow } from './queries.js';
import type { BookingView, MyBookingView, SessionView, UtilizationView } from './schemas.js';

export type { BookingView, MyBookingView, SessionView, UtilizationView } from './schemas.js';

/** A session as citizens and officers see it: seats by channel, the holiday flag. */
export function sessionView(s: SessionRow): SessionView {
  return {
    id: s.id,
    service: `${s.plugin_id}.${s.service_code}`,
    date: s.local_date,
    start: s.start_time,
    end: s.end_time,
    startsAt: s.starts_at.toISOString(),
    capacity: s.capacity,
    onlineCapacity: s.online_capacity,
    walkInCapacity: s.capacity - s.online_capacity,
    booked: s.booked_online + s.booked_walkin,
    // Walk-ins may take any free seat: the online seats left are the fewer of the online share's and the session's.
    onlineSeatsLeft: Math.max(0, Math.min(s.online_capacity - s.booked_online, s.capacity - s.booked_online - s.booked_walkin)),
    status: s.status,
    holiday: s.holiday,
    confirmed: s.confirmed_at !== null,
    needsDecision: s.status === 'open' && s.holiday !== null && s.confirmed_at === null,
  };
}

/** A booking as its booker sees it right after booking or rescheduling. */
export function bookingView(id: string, session: SessionRow, channel: BookingChannel): BookingView {
  return { id, session: sessionView(session), channel, status: 'booked' };
}

/** One of the caller's bookings as `GET …/bookings` lists it. */
export function myBookingView(b: MyBookingRow): MyBookingView {
  return {
    id: b.id,
    sessionId: b.session_id,
    service: b.service,
    date: b.date,
    start: b.start,
    end: b.end,
    startsAt: b.starts_at.toISOString(),
    holiday: b.holiday,
    sessionStatus: b.session_status,
    channel: b.channel,
    status: b.status,
    queueNumber: b.queue_number,
    counter: b.counter,
    applicationId: b.application_id,
  };
}

/** One session's counts (no personal data). */
export function utilizationView(u: UtilizationRow): UtilizationView {
  return {
    id: u.id,
    service: u.service,
    date: u.date,
    start: u.start,
    capacity: u.capacity,
    status: u.status,
    holiday: u.holiday,
    booked: u.booked,
    checkedIn: u.checked_in,
    noShow: u.no_show,
  };
}

/** The ticket a queue number is called by: counter and number, e.g. `7-004`. */
export const ticket = (counter: string, n: number) => `${counter}-${String(n).padStart(3, '0')}`;
