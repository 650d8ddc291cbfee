import Type from 'typebox';
import { ServiceId, Strict, TenantPath, Uuid } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';

/** The longest window one listing of sessions covers (days); a longer span is read window by window. */
export const MAX_SESSION_DAYS = 90;

const uuid = (description: string) => Type.String({ format: 'uuid', description });
const localDate = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description });
const count = (description?: string) => Type.Integer({ minimum: 0, ...(description ? { description } : {}) });

export const ServiceSessionsPath = TenantPath({ service: ServiceId });
export const SessionPath = TenantPath({ session: Uuid });
export const BookingPath = TenantPath({ booking: Uuid });
export const CounterPath = TenantPath({ counter: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', description: 'Counter number, e.g. 7' }) });

export const SessionsQuery = Strict({
  from: Type.Optional(localDate('First local date (YYYY-MM-DD); default today in the tenant’s time zone')),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SESSION_DAYS, description: `Days from \`from\`, inclusive (1–${MAX_SESSION_DAYS}, default 28)` })),
});
export const MyBookingsQuery = Strict({ application: Type.Optional(uuid('Only the bookings of this application')), ...PageParams });
export const UtilizationQuery = Strict({
  from: Type.Optional(localDate('First local date; default today')),
  to: Type.Optional(localDate('Last local date, inclusive; default 27 days after `from`')),
  ...PageParams,
});

export const BookBody = Strict({
  applicationId: Type.Optional(uuid('The application this appointment serves')),
  walkIn: Type.Optional(
    Strict({ name: Type.String({ minLength: 2, maxLength: 120 }), nik: Type.String({ pattern: '^\\d{16}$', description: 'NIK (16 digits)' }) }),
  ),
});
export const RescheduleBody = Strict({ sessionId: uuid('The session to move to') });
export const AgencyCalendarPath = TenantPath({ agency: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', description: 'The agency code, e.g. `imigrasi`' }) });
export const AgencyCalendarBody = Strict({ cutiBersamaWorkingDay: Type.Boolean({ description: 'Whether this agency’s counter serves on cuti bersama (SKB cuti bersama: offices providing public services may keep serving)' }) });
export const AgencyCalendar = Type.Object(
  { agency: Type.String(), cutiBersamaWorkingDay: Type.Boolean() },
  { additionalProperties: false, 'x-component': 'AgencyCalendar' },
);
export type AgencyCalendarView = Type.Static<typeof AgencyCalendar>;

export const CancelSessionBody = Strict({ reason: Type.String({ minLength: 3, maxLength: 500 }) });

const LocalTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Local time HH:MM (tenant time zone)' });
const Day = Type.String({ format: 'date', description: 'Local date' });
const SessionStatus = Type.Enum(['open', 'cancelled']);
const Channel = Type.Enum(['online', 'walk-in']);
const Holiday = Type.Union([Type.String(), Type.Null()], {
  description:
    'Set when the date is a national holiday, cuti bersama that is not a working day for the agency here, or closed by the regency after the session was stored (`MPP tutup`); kept up to date as the calendar changes. The agency confirms or cancels such a session (`needsDecision`).',
});

export const Session = Type.Object(
  {
    id: Uuid,
    service: Type.String({ description: 'plugin.service' }),
    date: Day,
    start: LocalTime,
    end: LocalTime,
    startsAt: Type.String({ format: 'date-time' }),
    capacity: count(),
    onlineCapacity: count(),
    walkInCapacity: count(),
    booked: count(),
    onlineSeatsLeft: count(),
    status: SessionStatus,
    holiday: Holiday,
    confirmed: Type.Boolean({ description: 'The agency confirmed it serves this flagged session (cleared when the flag changes)' }),
    needsDecision: Type.Boolean({ description: 'Open, flagged (holiday, cuti bersama not worked by this agency, or a later closure) and not yet confirmed: the agency confirms or cancels it' }),
  },
  { additionalProperties: false, 'x-component': 'AppointmentSession' },
);

export const SessionWindow = Type.Object(
  {
    from: Day,
    to: Day,
    items: Type.Array(Session, { description: 'Every session of the window, in time order' }),
  },
  { additionalProperties: false, 'x-component': 'SessionWindow' },
);

export const Booking = Type.Object(
  { id: Uuid, session: Session, channel: Channel, status: Type.Literal('booked') },
  { additionalProperties: false, 'x-component': 'Booking' },
);

export const BOOKING_STATUSES = ['booked', 'cancelled', 'checked-in', 'called', 'served', 'no-show', 'cancelled-by-agency'] as const;

export const MyBooking = Type.Object(
  {
    id: Uuid,
    sessionId: Uuid,
    service: Type.String({ description: 'plugin.service' }),
    date: Day,
    start: LocalTime,
    end: LocalTime,
    startsAt: Type.String({ format: 'date-time' }),
    holiday: Holiday,
    sessionStatus: SessionStatus,
    channel: Channel,
    status: Type.Enum([...BOOKING_STATUSES]),
    queueNumber: Type.Union([Type.Integer(), Type.Null()], { description: 'The day’s queue number, once checked in' }),
    counter: Type.Union([Type.String(), Type.Null()], { description: 'The counter it is called at, once checked in' }),
    applicationId: Type.Union([Uuid, Type.Null()]),
  },
  { additionalProperties: false, 'x-component': 'MyBooking' },
);

export const SessionUtilization = Type.Object(
  {
    id: uuid('The session'),
    service: Type.String({ description: 'plugin.service' }),
    date: Day,
    start: LocalTime,
    capacity: count(),
    status: SessionStatus,
    holiday: Holiday,
    booked: count('Bookings that held a seat (booked, checked in, called, served, no-show)'),
    checkedIn: count('Checked in, called or served'),
    noShow: count(),
  },
  { additionalProperties: false, 'x-component': 'SessionUtilization' },
);

export const CheckIn = Type.Object(
  { id: Uuid, queueNumber: Type.Integer({ minimum: 1 }), counter: Type.String(), ticket: Type.String({ description: 'Counter and number as called, e.g. 7-004' }) },
  { additionalProperties: false, 'x-component': 'BookingCheckIn' },
);

export const CounterCall = Type.Object(
  {
    called: Type.Union(
      [
        Type.Object(
          { id: Uuid, kind: Type.Enum(['booking', 'ticket'], { description: 'A checked-in booking, or a walk-in queue ticket' }), ticket: Type.String(), name: Type.Union([Type.String(), Type.Null()]) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      {
      description: 'The booking called, or null when nobody waits',
    }),
  },
  { additionalProperties: false, 'x-component': 'CounterCall' },
);

export const TicketPath = TenantPath({ ticket: Uuid });
export const ApplicationTicketPath = TenantPath({ id: Uuid });

const TicketKind = Type.Enum(['booking', 'ticket'], { description: 'A booking of a session, or a walk-in queue ticket' });

export const QueueTicket = Type.Object(
  {
    id: Uuid,
    applicationId: Uuid,
    counter: Type.String({ description: 'The counter that calls it' }),
    counterName: Type.Union([Type.String(), Type.Null()], { description: 'The counter as the regency names it, if it does' }),
    queueNumber: Type.Integer({ minimum: 1 }),
    ticket: Type.String({ description: 'Counter and number as called, e.g. 1-004' }),
    service: Type.String({ description: 'plugin.service' }),
    date: Day,
    status: Type.Enum(['waiting', 'called', 'no-show']),
    waitingAhead: count('People waiting before this number at its counter now'),
  },
  { additionalProperties: false, 'x-component': 'QueueTicket' },
);

export const QueueTicketNoShow = Type.Object({ id: Uuid, status: Type.Literal('no-show') }, { additionalProperties: false });

export const CounterBoard = Type.Object(
  {
    date: Day,
    items: Type.Array(
      Type.Object(
        {
          counter: Type.String(),
          name: Type.Union([Type.String(), Type.Null()]),
          agencies: Type.Array(Type.String()),
          current: Type.Union([
            Type.Object({ id: Uuid, kind: TicketKind, ticket: Type.String(), service: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }),
            Type.Null(),
          ]),
          waiting: Type.Array(Type.Object({ id: Uuid, kind: TicketKind, ticket: Type.String(), service: Type.String() }, { additionalProperties: false }), {
            description: 'Numbers waiting, lowest first: ticket and service only',
          }),
          booked: Type.Array(Type.Object({ id: Uuid, service: Type.String(), start: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }), {
            description: 'Today’s booked people not checked in yet (check them in when they arrive)',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, 'x-component': 'CounterBoard' },
);

export const QueueDisplay = Type.Object(
  {
    date: Day,
    items: Type.Array(
      Type.Object(
        {
          counter: Type.String(),
          name: Type.Union([Type.String(), Type.Null()]),
          current: Type.Union([Type.String(), Type.Null()], { description: 'The number being served, e.g. 1-004' }),
          recent: Type.Array(Type.String(), { description: 'Numbers called before it today, newest first (at most 3)' }),
          waiting: count('How many numbers wait'),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, 'x-component': 'QueueDisplay' },
);

export const NoShow = Type.Object({ id: Uuid, status: Type.Literal('no-show') }, { additionalProperties: false });

export const SessionCancellation = Type.Object(
  {
    cancelled: uuid('The session cancelled'),
    rescheduleEvents: count('Booked people notified (moved, or told the next open session)'),
    moved: count('Of them, moved to a later session with a seat (each told where, and why)'),
    nextSession: Type.Union([Session, Type.Null()], { description: 'The first later session of the service with an online seat, over the schedule up to `searchedUntil`; null: none up to then (the schedule has no session, or all are full or cancelled)' }),
    searchedUntil: localDate('The last local date searched for `nextSession` (the cancelled session’s date plus the default listing window)'),
  },
  { additionalProperties: false, 'x-component': 'SessionCancellation' },
);

export type SessionView = Type.Static<typeof Session>;
export type BookingView = Type.Static<typeof Booking>;
export type MyBookingView = Type.Static<typeof MyBooking>;
export type UtilizationView = Type.Static<typeof SessionUtilization>;
export type CheckInView = Type.Static<typeof CheckIn>;
export type CounterCallView = Type.Static<typeof CounterCall>;
export type SessionCancellationView = Type.Static<typeof SessionCancellation>;
export type QueueTicketView = Type.Static<typeof QueueTicket>;
export type CounterBoardView = Type.Static<typeof CounterBoard>;
export type QueueDisplayView = Type.Static<typeof QueueDisplay>;
