import Type from 'typebox';
import { noContent, ok, type RouteTable } from '../../http/routes.js';
import { actorOf } from '../../context.js';
import type { CalendarService } from './service.js';
import { ClosureBody, ClosurePath, DeleteHolidayQuery, Holiday, HolidayBody, HolidayPath, HolidaysQuery } from './schemas.js';

const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

export function calendarRoutes(api: RouteTable, calendar: CalendarService): void {
  api.add({
    method: 'get',
    path: '/api/v1/holidays',
    operationId: 'listHolidays',
    summary: 'Hari libur nasional dan cuti bersama / National holidays and cuti bersama',
    tags: ['workflow'],
    security: { kind: 'public' },
    query: HolidaysQuery,
    responses: { '200': { description: 'Holidays (SKB 3 Menteri)', schema: Type.Object({ items: Type.Array(Holiday) }) } },
    handler: async (_ctx, { query }) => ok({ items: await calendar.holidays(query.year) }),
  });

  api.add({
    method: 'put',
    path: '/api/v1/holidays/:date',
    operationId: 'setHoliday',
    summary: 'Tetapkan hari libur / Set a holiday (effective at once)',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['platform-admin'] },
    params: HolidayPath,
    body: HolidayBody,
    responses: { '200': { description: 'Stored', schema: Holiday } },
    handler: async (ctx, { params, body }) => {
      const h = { date: params.date, ...body };
      await calendar.setHoliday(ctx, h, actorOf(ctx));
      return ok(h);
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/holidays/:date',
    operationId: 'deleteHoliday',
    summary: 'Hapus hari libur / Remove a holiday',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['platform-admin'] },
    params: HolidayPath,
    query: DeleteHolidayQuery,
    responses: { '204': { description: 'Removed' }, '404': { description: 'HOLIDAY_NOT_FOUND' } },
    handler: async (ctx, { params, query }) => {
      await calendar.deleteHoliday(ctx, params.date, query.kind);
      return noContent();
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/closures/:date',
    operationId: 'setTenantClosure',
    summary: 'Tutup MPP pada tanggal / Close the MPP on a date',
    description: 'Counts as a non-working day for SLAs of this tenant, effective at once.',
    tags: ['workflow'],
    security: admins,
    params: ClosurePath,
    body: ClosureBody,
    responses: { '200': { description: 'Stored' } },
    handler: async (ctx, { params, body }) => {
      await calendar.setClosure(ctx, params.date, body.reason, actorOf(ctx));
      return ok({ date: params.date, reason: body.reason });
    },
  });
}
