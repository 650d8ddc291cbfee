import type { Identity } from '@satupintu/auth';
import { localDate, plusDays } from '@satupintu/core';
import type { ApiRegistry } from '../../api.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import type { AppointmentService } from './service.js';

const uuid = { type: 'string', format: 'uuid' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const p = (extra: Record<string, unknown> = {}) => ({ type: 'object', required: ['tenant', ...Object.keys(extra)], properties: { tenant: tenantSlugParam, ...extra } });
const people = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const], tenantParam: 'tenant' };
const staff = { kind: 'roles' as const, roles: ['officer' as const, 'tenant-admin' as const], tenantParam: 'tenant' };

export function appointmentRoutes(api: ApiRegistry, tenants: TenantService, appts: AppointmentService): void {
  const tenant = (slug: unknown) => tenants.getBySlug(slug as string);
  const who = (res: { locals: Record<string, unknown> }) => res.locals.identity as Identity;

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services/:service/sessions',
    operationId: 'listSessions',
    summary: 'Sesi layanan yang tersedia / Open sessions of a service',
    description: 'Sessions in the tenant’s time zone from the regency’s schedule (e.g. KBB passports Tue/Thu, 20 people); holidays and cuti bersama are flagged.',
    tags: ['appointments'],
    security: { kind: 'public' },
    params: p({ service: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62}$' } }),
    query: { type: 'object', additionalProperties: false, properties: { from: date, days: { type: 'integer', minimum: 1, maximum: 90 } } },
    responses: { '200': { description: 'Sessions with seats left online' } },
    handler: async (req, res) => {
      res.json({ items: await appts.sessions(await tenant(req.params.tenant), req.params.service as string, res.locals.query as { from?: string; days?: number }) });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sessions/:session/bookings',
    operationId: 'bookSession',
    summary: 'Pesan sesi / Book a session',
    description: 'A citizen books online (the online share of capacity); an officer registers a walk-in with `walkIn`. Exactly `capacity` bookings succeed; the rest get 409 SESSION_FULL with the next open session.',
    tags: ['appointments'],
    security: people,
    params: p({ session: uuid }),
    body: {
      type: 'object',
      additionalProperties: false,
      properties: {
        applicationId: uuid,
        walkIn: { type: 'object', additionalProperties: false, required: ['name', 'nik'], properties: { name: { type: 'string', minLength: 2, maxLength: 120 }, nik: { type: 'string', pattern: '^\\d{16}$' } } },
      },
    },
    responses: { '201': { description: 'Booked' }, '409': { description: 'SESSION_FULL (with nextSession), ALREADY_BOOKED' } },
    handler: async (req, res) => {
      res.status(201).json(await appts.book(await tenant(req.params.tenant), who(res), req.params.session as string, req.body as { applicationId?: string }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/bookings',
    operationId: 'listMyBookings',
    summary: 'Pemesanan saya / My bookings',
    tags: ['appointments'],
    security: people,
    params: p(),
    responses: { '200': { description: 'Bookings' } },
    handler: async (req, res) => {
      res.json({ items: await appts.mine(await tenant(req.params.tenant), who(res)) });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/bookings/:booking',
    operationId: 'cancelBooking',
    summary: 'Batalkan pemesanan / Cancel a booking',
    tags: ['appointments'],
    security: people,
    params: p({ booking: uuid }),
    responses: { '204': { description: 'Cancelled; the seat is free again' } },
    handler: async (req, res) => {
      await appts.cancel(await tenant(req.params.tenant), who(res), req.params.booking as string);
      res.status(204).end();
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/bookings/:booking/reschedule',
    operationId: 'rescheduleBooking',
    summary: 'Jadwal ulang / Reschedule',
    tags: ['appointments'],
    security: people,
    params: p({ booking: uuid }),
    body: { type: 'object', additionalProperties: false, required: ['sessionId'], properties: { sessionId: uuid } },
    responses: { '200': { description: 'The new booking' }, '409': { description: 'SESSION_FULL' } },
    handler: async (req, res) => {
      res.json(await appts.reschedule(await tenant(req.params.tenant), who(res), req.params.booking as string, (req.body as { sessionId: string }).sessionId));
    },
  });

  for (const [action, summary] of [
    ['check-in', 'Check-in: nomor antrean hari ini / today’s queue number'],
    ['no-show', 'Tandai tidak hadir / Mark a no-show'],
  ] as const)
    api.add({
      method: 'post',
      path: `/api/v1/tenants/:tenant/bookings/:booking/${action}`,
      operationId: action === 'check-in' ? 'checkInBooking' : 'markNoShow',
      summary,
      tags: ['appointments'],
      security: staff,
      params: p({ booking: uuid }),
      responses: { '200': { description: 'Done' } },
      handler: async (req, res) => {
        const t = await tenant(req.params.tenant);
        if (action === 'check-in') res.json(await appts.checkIn(t, who(res), req.params.booking as string));
        else {
          await appts.markNoShow(t, who(res), req.params.booking as string);
          res.json({ status: 'no-show' });
        }
      },
    });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/counters/:counter/call-next',
    operationId: 'callNext',
    summary: 'Panggil antrean berikutnya / Call the next number',
    tags: ['appointments'],
    security: staff,
    params: p({ counter: { type: 'string', pattern: '^[A-Za-z0-9-]{1,40}$' } }),
    responses: { '200': { description: '{called: {ticket, name} | null}' } },
    handler: async (req, res) => {
      res.json(await appts.callNext(await tenant(req.params.tenant), who(res), req.params.counter as string));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sessions/:session/cancel',
    operationId: 'cancelSession',
    summary: 'Batalkan sesi (instansi) / Cancel a session (agency)',
    description: 'Every booked citizen gets a reschedule event (notification outbox) with the next open session.',
    tags: ['appointments'],
    security: staff,
    params: p({ session: uuid }),
    body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } },
    responses: { '200': { description: '{cancelled, rescheduleEvents, nextSession}' } },
    handler: async (req, res) => {
      res.json(await appts.cancelSession(await tenant(req.params.tenant), who(res), req.params.session as string, (req.body as { reason: string }).reason));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/sessions/utilization',
    operationId: 'sessionUtilization',
    summary: 'Pemanfaatan sesi / Session utilization',
    description: 'Per session: capacity, booked, checked in, no-shows. Counts only (no personal data), for the tenant admin and the ministry.',
    tags: ['appointments'],
    security: { kind: 'roles', roles: ['tenant-admin', 'ministry-analyst', 'platform-admin'], tenantParam: 'tenant' },
    params: p(),
    query: { type: 'object', additionalProperties: false, properties: { from: date, to: date } },
    responses: { '200': { description: 'Utilization rows' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const q = res.locals.query as { from?: string; to?: string };
      const from = q.from ?? localDate(new Date(), t.timeZone);
      res.json({ items: await appts.utilization(t, from, q.to ?? plusDays(from, 27)) });
    },
  });
}
