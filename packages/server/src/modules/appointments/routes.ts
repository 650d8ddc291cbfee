import Type from 'typebox';
import { created, noContent, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath } from '../../http/schemas.js';
import { BookBody, Booking, BookingPath, CancelSessionBody, CounterPath, RescheduleBody, ServiceSessionsPath, Session, SessionPath, SessionsQuery, UtilizationQuery } from './schemas.js';
import type { AppointmentService } from './service.js';

const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const], tenantParam: 'tenant' };
const staff = { kind: 'roles' as const, roles: ['officer' as const, 'tenant-admin' as const], tenantParam: 'tenant' };
const idem = [{ name: 'Idempotency-Key', description: 'A retry with the same key returns the first result (the key is bound to the caller and the operation)' }];

export function appointmentRoutes(api: RouteTable, appts: AppointmentService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services/:service/sessions',
    operationId: 'listSessions',
    summary: 'Sesi layanan yang tersedia / Open sessions of a service',
    description: 'Sessions in the tenant’s time zone from the regency’s schedule (e.g. KBB passports Tue/Thu, 20 people); holidays and cuti bersama are flagged, closed dates have none.',
    tags: ['appointments'],
    security: { kind: 'public' },
    params: ServiceSessionsPath,
    query: SessionsQuery,
    responses: { '200': { description: 'Sessions with seats left online', schema: Type.Object({ items: Type.Array(Session) }) }, '404': { description: 'SERVICE_NOT_FOUND' } },
    handler: async (ctx, { params, query }) => ok({ items: await appts.sessions(ctx, params.service, query) }),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sessions/:session/bookings',
    operationId: 'bookSession',
    summary: 'Pesan sesi / Book a session',
    description: 'A citizen books online (the online share of capacity); an officer registers a walk-in with `walkIn`. Exactly `capacity` bookings succeed; the rest get 409 SESSION_FULL with the next open session.',
    tags: ['appointments'],
    security: people,
    params: SessionPath,
    headers: idem,
    body: BookBody,
    responses: { '201': { description: 'Booked', schema: Booking }, '409': { description: 'SESSION_FULL (with nextSession), ALREADY_BOOKED' }, '422': { description: 'WALK_IN_BY_OFFICER' } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `bookSession:${params.session}`, body);
      return created(await appts.book(ctx, params.session, body), undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/bookings',
    operationId: 'listMyBookings',
    summary: 'Pemesanan saya / My bookings',
    tags: ['appointments'],
    security: people,
    params: TenantPath(),
    responses: { '200': { description: 'Bookings, by session time' } },
    handler: async (ctx) => ok({ items: await appts.mine(ctx) }),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/bookings/:booking',
    operationId: 'cancelBooking',
    summary: 'Batalkan pemesanan / Cancel a booking',
    tags: ['appointments'],
    security: people,
    params: BookingPath,
    responses: { '204': { description: 'Cancelled; the seat is free again' }, '404': { description: 'BOOKING_NOT_FOUND' }, '409': { description: 'BOOKING_NOT_ACTIVE' } },
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
    description: 'One step: the new seat is taken and the old one given back together; when the new session is full nothing changes (409 SESSION_FULL).',
    tags: ['appointments'],
    security: people,
    params: BookingPath,
    headers: idem,
    body: RescheduleBody,
    responses: { '200': { description: 'The new booking', schema: Booking }, '409': { description: 'SESSION_FULL, BOOKING_NOT_ACTIVE' } },
    handler: async (rctx, { params, body, req }) => {
      const ctx = withIdempotency(rctx, req, `rescheduleBooking:${params.booking}`, body);
      return ok(await appts.reschedule(ctx, params.booking, body.sessionId), replayHeaders(ctx));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/bookings/:booking/check-in',
    operationId: 'checkInBooking',
    summary: 'Check-in: nomor antrean hari ini / today’s queue number',
    tags: ['appointments'],
    security: staff,
    params: BookingPath,
    responses: { '200': { description: '{id, queueNumber, counter, ticket}' }, '404': { description: 'BOOKING_NOT_FOUND (also another agency’s)' }, '409': { description: 'BOOKING_NOT_ACTIVE' } },
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
    responses: { '200': { description: '{status: no-show}' }, '404': { description: 'BOOKING_NOT_FOUND' }, '409': { description: 'BOOKING_NOT_ACTIVE' } },
    handler: async (ctx, { params }) => {
      await appts.markNoShow(ctx, params.booking);
      return ok({ status: 'no-show' });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/counters/:counter/call-next',
    operationId: 'callNext',
    summary: 'Panggil antrean berikutnya / Call the next number',
    tags: ['appointments'],
    security: staff,
    params: CounterPath,
    responses: { '200': { description: '{called: {id, ticket, name} | null}' } },
    handler: async (ctx, { params }) => ok(await appts.callNext(ctx, params.counter)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sessions/:session/cancel',
    operationId: 'cancelSession',
    summary: 'Batalkan sesi (instansi) / Cancel a session (agency)',
    description: 'Every booked citizen gets a reschedule event (notification outbox) with the next open session.',
    tags: ['appointments'],
    security: staff,
    params: SessionPath,
    body: CancelSessionBody,
    responses: { '200': { description: '{cancelled, rescheduleEvents, nextSession}' }, '404': { description: 'SESSION_NOT_FOUND (also another agency’s)' } },
    handler: async (ctx, { params, body }) => ok(await appts.cancelSession(ctx, params.session, body.reason)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/sessions/utilization',
    operationId: 'sessionUtilization',
    summary: 'Pemanfaatan sesi / Session utilization',
    description: 'Per session: capacity, booked, checked in, no-shows. Counts only (no personal data), for the tenant admin and the ministry. Default: today and four weeks on.',
    tags: ['appointments'],
    security: { kind: 'roles', roles: ['tenant-admin', 'ministry-analyst', 'platform-admin'], tenantParam: 'tenant' },
    params: TenantPath(),
    query: UtilizationQuery,
    responses: { '200': { description: 'Utilization rows' } },
    handler: async (ctx, { query }) => ok({ items: await appts.utilization(ctx, query) }),
  });
}
