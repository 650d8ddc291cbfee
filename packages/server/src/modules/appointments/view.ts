import type { BookingChannel, SessionRow } from './queries.js';

/** A session as citizens and officers see it: seats by channel, the holiday flag. */
export function sessionView(s: SessionRow) {
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
    onlineSeatsLeft: Math.max(0, s.online_capacity - s.booked_online),
    status: s.status,
    holiday: s.holiday,
  };
}

export type SessionView = ReturnType<typeof sessionView>;

/** A booking as its booker sees it right after booking or rescheduling. */
export function bookingView(id: string, session: SessionRow, channel: BookingChannel) {
  return { id, session: sessionView(session), channel, status: 'booked' as const };
}

export type BookingView = ReturnType<typeof bookingView>;

/** The ticket a queue number is called by: counter and number, e.g. `7-004`. */
export const ticket = (counter: string, n: number) => `${counter}-${String(n).padStart(3, '0')}`;
