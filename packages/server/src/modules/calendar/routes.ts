import { noContent, ok, type RouteTable } from '../../http/routes.js';
import { preconditionFailed } from '../../http/problems.js';
import { actorOf } from '../../context.js';
import type { CalendarService } from './service.js';
import { holidayNotFound } from './errors.js';
import { Closure, ClosureBody, ClosurePath, DeleteHolidayQuery, Holiday, HolidayBody, HolidayList, HolidayPath, HolidaysQuery } from './schemas.js';

const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

const idulFitri = { date: '2026-03-20', kind: 'national', name: { id: 'Hari Raya Idul Fitri 1447 H', en: 'Eid al-Fitr 1447 H' }, decree: 'SKB 3 Menteri 2026' };

export function calendarRoutes(api: RouteTable, calendar: CalendarService): void {
  api.add({
    method: 'get',
    path: '/api/v1/holidays',
    operationId: 'listHolidays',
    summary: 'Hari libur nasional dan cuti bersama / National holidays and cuti bersama',
    description:
      'A national reference list (SKB 3 Menteri: about thirty dates a year), answered whole rather than paged; `year` narrows it to one year.',
    tags: ['workflow'],
    security: { kind: 'public' },
    query: HolidaysQuery,
    responses: { '200': { description: 'Holidays, by date', schema: HolidayList, example: { items: [idulFitri] } } },
    handler: async (_ctx, { query }) => ok({ items: await calendar.holidays(query.year) }),
  });

  api.add({
    method: 'put',
    path: '/api/v1/holidays/:date',
    operationId: 'setHoliday',
    summary: 'Tetapkan hari libur / Set a holiday (effective at once)',
    description:
      'Creates or replaces the holiday of `kind` on the date. National reference data transcribed from the decree by the platform admin alone: the last write stands (no ETag; repeating the same PUT is harmless).',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['platform-admin'] },
    params: HolidayPath,
    body: HolidayBody,
    bodyExample: { kind: idulFitri.kind, name: idulFitri.name, decree: idulFitri.decree },
    responses: { '200': { description: 'Stored', schema: Holiday, example: idulFitri } },
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
    responses: { '204': { description: 'Removed' } },
    errors: [holidayNotFound],
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
    description:
      'Counts as a non-working day for SLAs and sessions of this tenant, effective at once. Creates the closure or replaces its reason, and answers its ETag. If-Match is optional here (a closure is one date’s create-or-replace, and a retried PUT must not fail): when sent it must name the current version (412 otherwise, nothing changed); `If-None-Match: *` only creates (412 when the date is already closed).',
    tags: ['workflow'],
    security: admins,
    params: ClosurePath,
    body: ClosureBody,
    bodyExample: { reason: { id: 'Pemadaman listrik', en: 'Power outage' } },
    headers: [
      { name: 'If-Match', description: 'Optional: the ETag you read; the closure is replaced only if it is still that version (412 otherwise).' },
      { name: 'If-None-Match', description: '`*`: create only, never replace (412 if the date is already closed).' },
    ],
    responses: {
      '200': {
        description: 'Stored, with its ETag',
        schema: Closure,
        example: { date: '2030-01-09', reason: { id: 'Pemadaman listrik', en: 'Power outage' } },
        headers: { ETag: { description: 'The closure’s version; quote it in If-Match to replace it only if unchanged', required: true } },
      },
    },
    errors: [preconditionFailed],
    handler: async (ctx, { params, body, preconditions }) => {
      const { closure, etag } = await calendar.setClosure(ctx, params.date, body.reason, actorOf(ctx), preconditions);
      return ok(closure, { ETag: etag });
    },
  });
}
