import { localDate } from '@satupintu/core';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { questionnaire } from './ikm.js';
import { defaultPeriod } from './period.js';
import { AgencyPath, Answer, AnswerBody, ApplicationInvitationPath, CloseFollowUpBody, FollowUpPath, FollowUpsQuery, OpenFollowUpsBody, PeriodQuery, TenantIkmQuery } from './schemas.js';
import type { SkmService } from './service.js';

const tenantViewers = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'ministry-analyst' as const, 'platform-admin' as const], tenantParam: 'tenant' };
const coordinator = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };
/** National views have no tenant: their default period ends today in Jakarta. */
const NATIONAL_ZONE = 'Asia/Jakarta';

export function skmRoutes(api: RouteTable, skm: SkmService): void {
  api.add({
    method: 'get',
    path: '/api/v1/skm/questionnaire',
    operationId: 'skmQuestionnaire',
    summary: 'Kuesioner SKM (9 unsur, skala 1–4) / SKM questionnaire',
    description: 'The nine unsur of PermenPANRB 14/2017 with their answer wording, the respondent profile options, the weighting convention and the category table.',
    tags: ['skm'],
    security: { kind: 'public' },
    responses: { '200': { description: 'Questionnaire' } },
    handler: async () => ok(questionnaire()),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/invitations',
    operationId: 'mySkmInvitations',
    summary: 'Undangan survei saya / My survey invitations',
    description: 'One per completed application, open for 30 days.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: TenantPath(),
    responses: { '200': { description: '{items}' } },
    handler: async (ctx) => ok({ items: await skm.invitations(ctx) }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:application/skm-invitation',
    operationId: 'skmInvitationOfApplication',
    summary: 'Undangan survei suatu permohonan (loket) / The survey invitation of an application (counter)',
    description: 'For applications filed at the counter: the officer of its agency (or the coordinator) hands the citizen the token as a QR code. `token` is null once answered.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['officer', 'tenant-admin'], tenantParam: 'tenant' },
    params: ApplicationInvitationPath,
    responses: { '200': { description: 'Invitation with token' }, '404': { description: 'SKM_INVITATION_NOT_FOUND' } },
    handler: async (ctx, { params }) => ok(await skm.invitationForApplication(ctx, params.application)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/responses',
    operationId: 'answerSkm',
    summary: 'Isi survei kepuasan / Answer the satisfaction survey',
    description:
      'Anonymous: the invitation token (from the invitation list, the QR code or the message) is the only credential, and the response keeps no link to the person. One response per invitation; a retry with the same answers returns the first (200), different answers get 409.',
    tags: ['skm'],
    security: { kind: 'public' },
    params: TenantPath(),
    body: AnswerBody,
    responses: {
      '201': { description: 'Recorded', schema: Answer },
      '200': { description: 'The same answers again (replayed)', schema: Answer },
      '404': { description: 'SKM_INVITATION_NOT_FOUND' },
      '409': { description: 'SKM_ALREADY_ANSWERED, SKM_INVITATION_EXPIRED' },
    },
    handler: async (ctx, { body }) => {
      const r = await skm.respond(ctx, body);
      return r.replayed ? ok(r, { 'Idempotent-Replayed': 'true' }) : created(r);
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/ikm',
    operationId: 'tenantIkm',
    summary: 'IKM per periode (tenant, instansi atau layanan) / IKM for a period',
    description:
      'NRR per unsur, weighted NRR (equal weights 1/9), IKM = ×25, category A–D, the Krejcie–Morgan minimum-sample check, and the per-service breakdown. Aggregates only. Default period: 1 January to today.',
    tags: ['skm'],
    security: tenantViewers,
    params: TenantPath(),
    query: TenantIkmQuery,
    responses: { '200': { description: 'IKM report' }, '400': { description: 'PERIOD_INVALID, QUERY_INVALID' } },
    handler: async (ctx, { query }) => ok(await skm.ikm(ctx, defaultPeriod(query, localDate(ctx.now, ctx.tenant.timeZone)), { agency: query.agency, service: query.service })),
  });

  api.add({
    method: 'get',
    path: '/api/v1/agencies/:agency/skm/ikm',
    operationId: 'agencyIkmAcrossRegions',
    summary: 'IKM layanan instansi di semua wilayah / An agency’s IKM across every region',
    description: 'For the agency’s publisher and officers, and national roles: per service overall and per tenant, from every region. Aggregates only.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['agency-publisher', 'officer', 'ministry-analyst', 'platform-admin'], agencyParam: 'agency' },
    params: AgencyPath,
    query: PeriodQuery,
    responses: { '200': { description: 'IKM by service and by tenant' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (ctx, { params, query }) => ok(await skm.agencyAcrossRegions(ctx, params.agency, defaultPeriod(query, localDate(ctx.now, NATIONAL_ZONE)))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/skm/ikm',
    operationId: 'nationalIkm',
    summary: 'IKM per tenant (kementerian) / IKM per tenant (ministry)',
    description: 'Tenant-wide IKM, category, weakest unsur and sample check for every tenant. Aggregates only, never personal data.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['ministry-analyst', 'platform-admin'] },
    query: PeriodQuery,
    responses: { '200': { description: '{items}' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (ctx, { query }) => ok(await skm.national(ctx, defaultPeriod(query, localDate(ctx.now, NATIONAL_ZONE)))),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/follow-ups',
    operationId: 'openSkmFollowUps',
    summary: 'Buka tindak lanjut unsur terendah / Open follow-ups on the weakest unsur',
    description:
      'For a period: one task for the tenant and one per service with responses, on the unsur with the lowest NRR. Repeating it opens nothing new. A job does this for the previous quarter on the first day of each quarter.',
    tags: ['skm'],
    security: coordinator,
    params: TenantPath(),
    body: OpenFollowUpsBody,
    responses: { '200': { description: 'The period’s follow-ups' }, '400': { description: 'PERIOD_INVALID' } },
    handler: async (ctx, { body }) => ok(await skm.openFollowUps(ctx, body)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/follow-ups',
    operationId: 'listSkmFollowUps',
    summary: 'Daftar tindak lanjut SKM / SKM follow-ups',
    tags: ['skm'],
    security: tenantViewers,
    params: TenantPath(),
    query: FollowUpsQuery,
    responses: { '200': { description: '{items}' } },
    handler: async (ctx, { query }) => ok({ items: await skm.followUps(ctx, query) }),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/follow-ups/:id/close',
    operationId: 'closeSkmFollowUp',
    summary: 'Tutup tindak lanjut / Close a follow-up',
    tags: ['skm'],
    security: coordinator,
    params: FollowUpPath,
    body: CloseFollowUpBody,
    responses: { '200': { description: 'Closed' }, '404': { description: 'SKM_FOLLOWUP_NOT_FOUND' }, '409': { description: 'SKM_FOLLOWUP_CLOSED' } },
    handler: async (ctx, { params, body }) => ok(await skm.closeFollowUp(ctx, params.id, body)),
  });
}
