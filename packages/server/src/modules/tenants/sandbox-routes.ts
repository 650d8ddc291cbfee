import Type from 'typebox';
import { created, noContent, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { Page } from '../../pagination.js';
import { advanceInvalid, clockMoved, clockOutOfRange, notASandbox, sandboxOfSandbox, slugTaken } from './errors.js';
import type { SandboxService } from './sandbox.js';
import { AdvanceClockBody, AdvanceReportSchema, CreateSandboxBody, CreatedTenant, SandboxClockSchema, SetClockBody, TenantSchema, TenantSlug } from './schemas.js';

/**
 * Sandbox tenants and their clocks (issue 23, ADR 0031). The source tenant's admins (and the
 * platform admins) make and run its sandboxes; a sandbox's own path is open to them through the
 * source's memberships (sandbox-access.ts).
 */
export function sandboxRoutes(api: RouteTable, sandboxes: SandboxService): void {
  const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };
  const params = Type.Object({ tenant: TenantSlug });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/sandboxes',
    operationId: 'createSandbox',
    summary: 'Buat sandbox tenant untuk latihan / Make a sandbox copy of a tenant for rehearsal',
    description:
      'A new tenant flagged sandbox, with this tenant’s regency, home region and lifecycle, and its configuration (plugins at their pinned versions, overlays, service standards, agencies, maklumat, decrees, closures, agency calendars) — no personal data, no sender or webhook. Its clock starts at `now` (default the platform’s). This tenant’s admins administer it; it is never in national figures, and its messages stay in the in-app inbox.',
    tags: ['tenants'],
    security: admins,
    params,
    body: CreateSandboxBody,
    bodyExample: { slug: 'kab-bandung-barat-latihan', now: '2026-01-05T01:00:00Z' },
    idempotent: true,
    responses: { '201': { description: 'The sandbox', schema: CreatedTenant } },
    errors: [sandboxOfSandbox, slugTaken, clockOutOfRange],
    handler: async (rctx, { body, req }) => {
      const ctx = withIdempotency(rctx, req, `createSandbox:${rctx.tenant.id}`, body);
      const sandbox = await sandboxes.create(ctx, body);
      return created(sandbox, `/api/v1/tenants/${sandbox.slug}`, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/sandboxes',
    operationId: 'listSandboxes',
    summary: 'Sandbox dari tenant ini / The sandboxes of this tenant',
    tags: ['tenants'],
    security: admins,
    params,
    responses: { '200': { description: 'Every sandbox of the tenant, oldest first', schema: Type.Object({ items: Type.Array(TenantSchema) }, { additionalProperties: false }) } },
    handler: async (ctx) => ok({ items: await sandboxes.list(ctx.tenant) }),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant',
    operationId: 'deleteSandbox',
    summary: 'Hapus tenant sandbox / Delete a sandbox tenant',
    description: 'Removes the sandbox with everything rehearsed in it (rows, documents, its rollups). A production tenant is refused (409 NOT_A_SANDBOX).',
    tags: ['tenants'],
    security: admins,
    params,
    responses: { '204': { description: 'Deleted' } },
    errors: [notASandbox],
    handler: async (ctx) => {
      await sandboxes.delete(ctx);
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/clock',
    operationId: 'getTenantClock',
    summary: 'Jam tenant / The tenant’s clock',
    description: 'What every rule of the tenant reads as now: a sandbox’s own clock, else the platform’s. The ETag is quoted in If-Match to move a sandbox’s clock.',
    tags: ['tenants'],
    security: admins,
    params,
    concurrency: 'read',
    responses: { '200': { description: 'The clock, with its ETag', schema: SandboxClockSchema } },
    handler: async (ctx) => {
      const { view, etag } = await sandboxes.clock(ctx.tenant);
      return ok(view, { ETag: etag });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/clock',
    operationId: 'setTenantClock',
    summary: 'Setel jam sandbox / Set a sandbox’s clock',
    description:
      'Sets the sandbox clock to any instant, past or future (a jump: jobs do not run for the time jumped over; use …/clock/advance to live through it). A production tenant’s clock is never set (409 NOT_A_SANDBOX).',
    tags: ['tenants'],
    security: admins,
    params,
    body: SetClockBody,
    bodyExample: { now: '2026-03-16T01:00:00Z' },
    concurrency: 'update',
    responses: { '200': { description: 'The clock, with its new ETag', schema: SandboxClockSchema } },
    errors: [notASandbox, clockMoved, clockOutOfRange],
    handler: async (ctx, { body, preconditions }) => {
      const { view, etag } = await sandboxes.set(ctx, body.now, preconditions);
      return ok(view, { ETag: etag });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/clock/advance',
    operationId: 'advanceTenantClock',
    summary: 'Majukan jam sandbox / Advance a sandbox’s clock',
    description:
      'Moves the sandbox clock forward a day at a time, running for this sandbox alone every time-based job that falls due (SLA escalations, complaint deadlines and reopen windows, SKM follow-ups at a quarter’s turn, notifications into the in-app inbox, rollups). Quote the clock’s ETag in If-Match: a retried advance with the old one is refused (412), never applied twice.',
    tags: ['tenants'],
    security: admins,
    params,
    body: AdvanceClockBody,
    bodyExample: { days: 7 },
    concurrency: 'update',
    responses: { '200': { description: 'Where the clock is now and what ran, with the new ETag', schema: AdvanceReportSchema } },
    errors: [notASandbox, clockMoved, advanceInvalid],
    handler: async (ctx, { body, preconditions }) => {
      const ms = ((body.days ?? 0) * 24 + (body.hours ?? 0)) * 3600_000;
      const { report, etag } = await sandboxes.advance(ctx, ms, preconditions);
      return ok(report, { ETag: etag });
    },
  });
}
