import type { Identity } from '@satupintu/auth';
import { NotFoundError } from '@satupintu/core';
import { withTenant, type Databases } from '@satupintu/db';
import type { ApiRegistry } from '../../api.js';
import { actorOf } from '../../actor.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import type { ApplicationService } from '../applications/service.js';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'YYYY-MM-DD' };
const name = { type: 'object', additionalProperties: false, required: ['id', 'en'], properties: { id: { type: 'string', minLength: 2, maxLength: 200 }, en: { type: 'string', minLength: 2, maxLength: 200 } } };
const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };

export function workflowRoutes(api: ApiRegistry, dbs: Databases, tenants: TenantService, apps: ApplicationService): void {
  const tenant = (slug: unknown) => tenants.getBySlug(slug as string);

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies/:agency/queue',
    operationId: 'getOfficerQueue',
    summary: 'Antrean kerja petugas / Officer work queue',
    description: 'Submitted applications of one agency at one tenant, by step due date, with counts due today and overdue.',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['officer'], tenantParam: 'tenant', agencyParam: 'agency' },
    params: { type: 'object', required: ['tenant', 'agency'], properties: { tenant: tenantSlugParam, agency: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' } } },
    query: { type: 'object', additionalProperties: false, properties: { state: { type: 'string', maxLength: 63 }, mine: { type: 'boolean' } } },
    responses: { '200': { description: '{today, counts: {total, dueToday, overdue}, items}' }, '403': { description: 'AGENCY_NOT_ALLOWED, TENANT_NOT_ALLOWED' } },
    handler: async (req, res) => {
      res.json(await apps.queue(await tenant(req.params.tenant), req.params.agency as string, res.locals.query as { state?: string }, res.locals.identity as Identity));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applications/:id/claim',
    operationId: 'claimApplication',
    summary: 'Ambil permohonan / Claim an application',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['officer'], tenantParam: 'tenant' },
    params: { type: 'object', required: ['tenant', 'id'], properties: { tenant: tenantSlugParam, id: { type: 'string', format: 'uuid' } } },
    body: { type: 'object', additionalProperties: false, properties: { release: { type: 'boolean', default: false } } },
    responses: { '200': { description: 'The application' }, '409': { description: 'ALREADY_CLAIMED' } },
    handler: async (req, res) => {
      res.json(await apps.claim(await tenant(req.params.tenant), res.locals.identity as Identity, req.params.id as string, (req.body as { release?: boolean }).release));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/holidays',
    operationId: 'listHolidays',
    summary: 'Hari libur nasional dan cuti bersama / National holidays and cuti bersama',
    tags: ['workflow'],
    security: { kind: 'public' },
    query: { type: 'object', additionalProperties: false, properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
    responses: { '200': { description: 'Holidays (SKB 3 Menteri)' } },
    handler: async (_req, res) => {
      const { year } = res.locals.query as { year?: number };
      const rows = (await dbs.control.query(
        `select to_char(date, 'YYYY-MM-DD') as date, kind, name, decree from holidays where ($1::int is null or extract(year from date) = $1) order by date, kind`,
        [year ?? null],
      )) as unknown[];
      res.json({ items: rows });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/holidays/:date',
    operationId: 'setHoliday',
    summary: 'Tetapkan hari libur / Set a holiday (effective at once)',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['platform-admin'] },
    params: { type: 'object', required: ['date'], properties: { date } },
    body: { type: 'object', additionalProperties: false, required: ['kind', 'name', 'decree'], properties: { kind: { enum: ['national', 'cuti-bersama'] }, name, decree: { type: 'string', minLength: 3, maxLength: 300 } } },
    responses: { '200': { description: 'Stored' } },
    handler: async (req, res) => {
      const b = req.body as { kind: string; name: object; decree: string };
      await dbs.control.query(
        `insert into holidays (date, kind, name, decree, updated_by) values ($1, $2, $3, $4, $5)
         on conflict (date, kind) do update set name = excluded.name, decree = excluded.decree, updated_by = excluded.updated_by, updated_at = now()`,
        [req.params.date, b.kind, JSON.stringify(b.name), b.decree, actorOf(res)],
      );
      res.json({ date: req.params.date, ...b });
    },
  });

  api.add({
    method: 'delete',
    path: '/api/v1/holidays/:date',
    operationId: 'deleteHoliday',
    summary: 'Hapus hari libur / Remove a holiday',
    tags: ['workflow'],
    security: { kind: 'roles', roles: ['platform-admin'] },
    params: { type: 'object', required: ['date'], properties: { date } },
    query: { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { enum: ['national', 'cuti-bersama'] } } },
    responses: { '204': { description: 'Removed' }, '404': { description: 'HOLIDAY_NOT_FOUND' } },
    handler: async (req, res) => {
      const [, n] = (await dbs.control.query('delete from holidays where date = $1 and kind = $2', [req.params.date, (res.locals.query as { kind: string }).kind])) as [unknown, number];
      if (!n) throw new NotFoundError({ code: 'HOLIDAY_NOT_FOUND', title: { id: 'Hari libur tidak ditemukan', en: 'Holiday not found' } });
      res.status(204).end();
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
    params: { type: 'object', required: ['tenant', 'date'], properties: { tenant: tenantSlugParam, date } },
    body: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: name } },
    responses: { '200': { description: 'Stored' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      await withTenant(dbs.region(t.homeRegion), t.id, (em) =>
        em.query(
          `insert into tenant_closures (tenant_id, date, reason, created_by) values ($1, $2, $3, $4)
           on conflict (tenant_id, date) do update set reason = excluded.reason`,
          [t.id, req.params.date, JSON.stringify((req.body as { reason: object }).reason), actorOf(res)],
        ),
      );
      res.json({ date: req.params.date, reason: (req.body as { reason: object }).reason });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/escalations',
    operationId: 'listEscalations',
    summary: 'Eskalasi lewat batas waktu / Overdue escalations',
    tags: ['workflow'],
    security: admins,
    params: { type: 'object', required: ['tenant'], properties: { tenant: tenantSlugParam } },
    responses: { '200': { description: 'Escalations, newest first' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const rows = await withTenant(dbs.region(t.homeRegion), t.id, (em) =>
        em.query(
          `select e.id, e.application_id, a.tracking_code, a.agency_code, a.plugin_id || '.' || a.service_code as service, e.state, e.due_at, e.escalated_at
             from escalations e join applications a on a.id = e.application_id order by e.escalated_at desc limit 500`,
        ),
      );
      res.json({ items: rows });
    },
  });
}
