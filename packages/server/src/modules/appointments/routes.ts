import { created, noContent, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath } from '../../http/schemas.js';
import { Page } from '../../pagination.js';
import { serviceNotFound } from '../installations/index.js';
import {
  alreadyBooked,
  applicationAlreadyBooked,
  bookingApplicationInvalid,
  bookingLimitReached,
  bookingNotActive,
  bookingNotFound,
  sessionFull,
  sessionNotFlagged,
  sessionNotFound,
  sessionOfAnotherService,
  walkInByOfficer,
  queueTicketNotFound,
  queueTicketNotOpen,
} from './errors.js';
import { applicationNotFound } from '../applications/errors.js';
import {
  AgencyCalendar,
  AgencyCalendarBody,
  AgencyCalendarPath,
  BookBody,
  Booking,
  BookingPath,
  CancelSessionBody,
  CheckIn,
  ApplicationTicketPath,
  CounterBoard,
  CounterCall,
  CounterPath,
  QueueDisplay,
  QueueTicket,
  QueueTicketNoShow,
  TicketPath,
  MAX_SESSION_DAYS,
  MyBooking,
  MyBookingsQuery,
  NoShow,
  RescheduleBody,
  ServiceSessionsPath,
  Session,
  SessionCancellation,
  SessionPath,
  SessionsQuery,
  SessionUtilization,
  SessionWindow,
  UtilizationQuery,
} from './schemas.js';
import type { AppointmentService } from './service.js';

const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const], tenantParam: 'tenant' };
const staff = { kind: 'roles' as const, roles: ['officer' as const, 'tenant-admin' as const], tenantParam: 'tenant' };

const session = {
  id: '0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c11',
  service: 'imigrasi.paspor-baru',
  date: '2026-12-22',
  start: '09:00',
  end: '12:00',
  startsAt: '2026-12-22T02:00:00.000Z',
  capacity: 20,
  onlineCapacity: 16,
  walkInCapacity: 4,
  booked: 3,
  onlineSeatsLeft: 13,
  status: 'open',
  holiday: null,
  confirmed: false,
  needsDecision: false,
};

export function appointmentRoutes(api: RouteTable, appts: AppointmentService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services/:service/sessions',
    operationId: 'listSessions',
    summary: 'Sesi layanan yang tersedia / Open sessions of a service',
    description: `Every session of a window of local dates in the tenant’s time zone, from the regency’s schedule (e.g. KBB passports Tue/Thu, 20 people); holidays and cuti bersama are flagged, closed dates have none. The window is at most ${MAX_SESSION_DAYS} days and is answered whole (never cut): the answer names it (\`from\`, \`to\`); read further with \`from\` = the day after \`to\`.`,
    tags: ['appointments'],
    security: { kind: 'public' },
    params: ServiceSessionsPath,
    query: SessionsQuery,
    responses: {
      '200': { description: 'The window and its sessions, with seats left online', schema: SessionWindow, example: { from: '2026-12-21', to: '2026-12-27', items: [session] } },
    },
    errors: [serviceNotFound],
    handler: async (ctx, { params, query }) => ok(await appts.sessionWindow(ctx, params.service, query)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sessions/:session/bookings',
    operationId: 'bookSession',
    summary: 'Pesan sesi / Book a session',
    description:
      'A citizen books online (the online share of capacity); an officer registers a walk-in with `walkIn`, for a session of an agency they serve (another agency’s session answers 404). Exactly `capacity` bookings succeed; the rest get 409 SESSION_FULL with the next open session. One person holds at most a few active bookings still to come per tenant (3 by default) and one per service per day (409 BOOKING_LIMIT_REACHED). `applicationId` must name an open application of the booker (a walk-in: of their NIK) for the session’s service (else 422 BOOKING_APPLICATION_INVALID), and one application holds one active booking (409 APPLICATION_ALREADY_BOOKED naming it: reschedule that one). A retry with the same Idempotency-Key gets the first booking, after checking the caller may still book this way (a walk-in: still an officer of that agency here).',
    tags: ['appointments'],
    security: people,
    params: SessionPath,
    body: BookBody,
    bodyExample: { applicationId: '0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c22' },
    idempotent: true,
    responses: { '201': { description: 'Booked', schema: Booking, example: { id: '0193f5a1-0000-7000-8000-000000000001', session, channel: 'online', status: 'booked' } } },
    errors: [sessionNotFound, sessionFull, alreadyBooked, bookingLimitReached, bookingApplicationInvalid, applicationAlreadyBooked, walkInByOfficer],
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `bookSession:${params.session}`, body, appts.bookRecheck(rctx, params.session, body));
      return created(await appts.book(ctx, params.session, body), undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/bookings',
    operationId: 'listMyBookings',
    summary: 'Pemesanan saya / My bookings',
    description: 'The caller’s bookings in this tenant (every status), in session-time order; `application` keeps those of one application.',
    tags: ['appointments'],
    security: people,
    params: TenantPath(),
    query: MyBookingsQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of bookings',
        schema: Page(MyBooking),
        example: {
          items: [
            { id: '0193f5a1-0000-7000-8000-000000000001', sessionId: session.id, service: session.service, date: session.date, start: session.start, end: session.end, startsAt: session.startsAt, holiday: null, sessionStatus: 'open', channel: 'online', status: 'booked', queueNumber: null, counter: null, applicationId: null },
          ],
          next: null,
        },
      },
    },
    handler: async (ctx, { query }) => ok(await appts.mine(ctx, query)),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/bookings/:booking',
    operationId: 'cancelBooking',
    summary: 'Batalkan pemesanan / Cancel a booking',
    tags: ['appointments'],
    security: people,
    params: BookingPath,
    responses: { '204': { description: 'Cancelled; the seat is free again' } },
    errors: [bookingNotFound, bookingNotActive],
    handler: async (ctx, { params }) => {
      await appts.cancel(ctx, params.booking);
      return noContent();
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/bookings/:booking/reschedule',
    operationId: 'rescheduleBooking',
    summary: 'Jadwal ulang / Reschedule',
    description:
      'One step: the new seat is taken and the old one given back together; when the new session is full nothing changes (409 SESSION_FULL). Only to a session of the same service (422 SESSION_OF_ANOTHER_SERVICE), and not to a day on which the caller holds that service already (409 BOOKING_LIMIT_REACHED). The answer is the new booking (a new id). A retry with the same Idempotency-Key gets the first answer, after checking the booking is still the caller’s.',
    tags: ['appointments'],
    security: people,
    params: BookingPath,
    body: RescheduleBody,
    bodyExample: { sessionId: session.id },
    idempotent: true,
    responses: { '200': { description: 'The new booking', schema: Booking } },
    errors: [bookingNotFound, bookingNotActive, sessionNotFound, sessionFull, alreadyBooked, bookingLimitReached, sessionOfAnotherService],
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `rescheduleBooking:${params.booking}`, body, appts.rescheduleRecheck(rctx, params.booking));
      return ok(await appts.reschedule(ctx, params.booking, body.sessionId), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/bookings/:booking/check-in',
    operationId: 'checkInBooking',
    summary: 'Check-in: nomor antrean hari ini / today’s queue number',
    description: 'By an officer of the booking’s agency (or the tenant admin); to others the booking does not exist.',
    tags: ['appointments'],
    security: staff,
    params: BookingPath,
    responses: { '200': { description: 'The queue number at the counter', schema: CheckIn, example: { id: '0193f5a1-0000-7000-8000-000000000001', queueNumber: 4, counter: '7', ticket: '7-004' } } },
    errors: [bookingNotFound, bookingNotActive],
    handler: async (ctx, { params }) => ok(await appts.checkIn(ctx, params.booking)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/bookings/:booking/no-show',
    operationId: 'markNoShow',
    summary: 'Tandai tidak hadir / Mark a no-show',
    tags: ['appointments'],
    security: staff,
    params: BookingPath,
    responses: { '200': { description: 'Recorded', schema: NoShow } },
    errors: [bookingNotFound, bookingNotActive],
    handler: async (ctx, { params }) => {
      await appts.markNoShow(ctx, params.booking);
      return ok({ id: params.booking, status: 'no-show' as const });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/counters/:counter/call-next',
    operationId: 'callNext',
    summary: 'Panggil antrean berikutnya / Call the next number',
    description: 'The lowest number waiting today at the counter (checked-in bookings and walk-in queue tickets, one line) among those of the agencies the caller serves (the tenant admin: all); `called` is null when nobody of theirs waits.',
    tags: ['appointments'],
    security: staff,
    params: CounterPath,
    responses: { '200': { description: 'The booking called, if any', schema: CounterCall, example: { called: { id: '0193f5a1-0000-7000-8000-000000000001', kind: 'booking', ticket: '7-004', name: 'Siti Rahayu' } } } },
    errors: [bookingNotFound],
    handler: async (ctx, { params }) => ok(await appts.callNext(ctx, params.counter)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/queue-ticket',
    operationId: 'issueQueueTicket',
    summary: 'Ambil nomor antrean (datang langsung) / Take a walk-in queue number',
    description:
      'Today’s next number at the counter of the application’s service (the regency’s counter number, else the agency code), for a submitted application, without a booked session: by an officer of its agency at the counter, or by the village operator who filed it. One number per application per local day: asking again answers the same ticket (a retry with the same Idempotency-Key too). The counter calls tickets and checked-in bookings as one line, by number (callNext). Anyone else: 404.',
    tags: ['appointments'],
    security: { kind: 'roles', roles: ['officer', 'village-operator'], tenantParam: 'tenant' },
    params: ApplicationTicketPath,
    idempotent: true,
    responses: {
      '200': {
        description: 'The ticket',
        schema: QueueTicket,
        example: { id: '0193f5a1-0000-7000-8000-000000000009', applicationId: '0193f5a0-7c1e-7d2a-9b1c-2f4e6a8b0c22', counter: '1', counterName: 'Gerai Disdukcapil KBB', queueNumber: 4, ticket: '1-004', service: 'dukcapil.ktpel-penggantian', date: '2026-12-07', status: 'waiting', waitingAhead: 2 },
      },
    },
    errors: [applicationNotFound, queueTicketNotOpen],
    handler: async (rctx, { params, req }) => {
      const ctx = withIdempotency(rctx, req, `issueQueueTicket:${params.id}`, { id: params.id }, appts.issueTicketRecheck(rctx, params.id));
      return ok(await appts.issueTicket(ctx, params.id), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/queue-tickets/:ticket/no-show',
    operationId: 'markTicketNoShow',
    summary: 'Nomor antrean tidak hadir / Mark a walk-in number absent',
    description: 'By an officer of the ticket’s agency (or the tenant admin); to others the ticket does not exist. Marking it again changes nothing.',
    tags: ['appointments'],
    security: staff,
    params: TicketPath,
    responses: { '200': { description: 'Recorded', schema: QueueTicketNoShow } },
    errors: [queueTicketNotFound],
    handler: async (ctx, { params }) => {
      await appts.ticketNoShow(ctx, params.ticket);
      return ok({ id: params.ticket, status: 'no-show' as const });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/queue-display',
    operationId: 'getQueueDisplay',
    summary: 'Layar antrean ruang tunggu / Waiting-hall queue display',
    description: 'For the screen in the MPP hall: per counter, the number being served, the numbers called before it today and how many wait. Numbers only: no names, no services, nothing about anyone.',
    tags: ['appointments'],
    security: { kind: 'public' },
    params: TenantPath(),
    responses: {
      '200': {
        description: 'Today’s called numbers per counter',
        schema: QueueDisplay,
        example: { date: '2026-12-07', items: [{ counter: '1', name: 'Gerai Disdukcapil KBB', current: '1-004', recent: ['1-003', '1-002'], waiting: 5 }] },
      },
    },
    handler: async (ctx) => ok(await appts.queueDisplay(ctx)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/counters',
    operationId: 'getCounterBoard',
    summary: 'Loket hari ini / Today’s counters',
    description:
      'The counters of the agencies the caller serves (the tenant admin: all), for the counter screen: the number being served, the numbers waiting (ticket and service only, lowest first) and today’s booked people still to check in.',
    tags: ['appointments'],
    security: staff,
    params: TenantPath(),
    responses: {
      '200': {
        description: 'Today’s counters',
        schema: CounterBoard,
        example: {
          date: '2026-12-07',
          items: [{ counter: '1', name: 'Gerai Disdukcapil KBB', agencies: ['dukcapil'], current: null, waiting: [{ id: '0193f5a1-0000-7000-8000-000000000009', kind: 'ticket', ticket: '1-004', service: 'dukcapil.ktpel-penggantian' }], booked: [] }],
        },
      },
    },
    handler: async (ctx) => ok(await appts.counterBoard(ctx)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sessions/:session/confirm',
    operationId: 'confirmSession',
    summary: 'Konfirmasi sesi pada hari libur (instansi) / Confirm a session on a holiday (agency)',
    description:
      'A session on a national holiday, on cuti bersama that is not a working day for its agency here, or on a day the MPP closed after it was stored is flagged (`needsDecision`): its agency confirms it serves (this operation) or cancels it (`cancelSession`, which tells every booked citizen). Confirming again answers the same; a changed flag (the holiday changed later) asks again.',
    tags: ['appointments'],
    security: staff,
    params: SessionPath,
    responses: { '200': { description: 'Confirmed', schema: Session, example: { ...session, holiday: 'Cuti bersama: Natal', confirmed: true } } },
    errors: [sessionNotFound, sessionNotFlagged],
    handler: async (ctx, { params }) => ok(await appts.confirmSession(ctx, params.session)),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/agencies/:agency/calendar',
    operationId: 'setAgencyCalendar',
    summary: 'Cuti bersama sebagai hari kerja instansi / Whether cuti bersama is a working day for an agency',
    description:
      'Per tenant and agency (the tenant admin decides): `cutiBersamaWorkingDay: true` means the agency’s counter serves on cuti bersama, so its sessions on such days are not flagged; false (the default) flags them for the agency to confirm or cancel. National holidays and closures always flag. Effective at the sessions’ next listing. Repeating the same PUT is harmless.',
    tags: ['appointments'],
    security: { kind: 'roles', roles: ['tenant-admin'], tenantParam: 'tenant' },
    params: AgencyCalendarPath,
    body: AgencyCalendarBody,
    bodyExample: { cutiBersamaWorkingDay: true },
    responses: { '200': { description: 'Stored', schema: AgencyCalendar, example: { agency: 'imigrasi', cutiBersamaWorkingDay: true } } },
    handler: async (ctx, { params, body }) => ok(await appts.setAgencyCalendar(ctx, params.agency, body.cutiBersamaWorkingDay)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sessions/:session/cancel',
    operationId: 'cancelSession',
    summary: 'Batalkan sesi (instansi) / Cancel a session (agency)',
    description:
      'With its reason. Every booked person is moved to the earliest later session of the service with a seat (first booked, first moved; the same application goes along) and told where and why (`appointment.moved`); anyone who cannot be moved gets a reschedule notice naming the next open session (`nextSession`, looked up over the schedule until `searchedUntil`). Repeating it moves nobody twice.',
    tags: ['appointments'],
    security: staff,
    params: SessionPath,
    body: CancelSessionBody,
    bodyExample: { reason: 'Perangkat rekam biometrik rusak' },
    responses: { '200': { description: 'Cancelled', schema: SessionCancellation } },
    errors: [sessionNotFound],
    handler: async (ctx, { params, body }) => ok(await appts.cancelSession(ctx, params.session, body.reason)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/sessions/utilization',
    operationId: 'sessionUtilization',
    summary: 'Pemanfaatan sesi / Session utilization',
    description:
      'Per session: capacity, booked, checked in, no-shows, in session-time order. Counts only (no personal data), for the tenant admin and the ministry. Default window: today and four weeks on (give `from` to walk the pages of one fixed window across midnight).',
    tags: ['appointments'],
    security: { kind: 'roles', roles: ['tenant-admin', 'ministry-analyst', 'platform-admin'], tenantParam: 'tenant' },
    params: TenantPath(),
    query: UtilizationQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of utilization rows',
        schema: Page(SessionUtilization),
        example: { items: [{ id: session.id, service: session.service, date: session.date, start: session.start, capacity: 20, status: 'open', holiday: null, booked: 18, checkedIn: 15, noShow: 3 }], next: null },
      },
    },
    handler: async (ctx, { query }) => ok(await appts.utilization(ctx, query)),
  });
}
