import type { Identity } from '@satupintu/auth';
import { localDate } from '@satupintu/core';
import type { ApiRegistry } from '../../api.js';
import { actorOf } from '../../actor.js';
import type { TenantService } from '../tenants/service.js';
import { tenantSlugParam } from '../tenants/schemas.js';
import { ELEMENTS, PROFILE } from './ikm.js';
import { questionnaire, type Period, type SkmAnswerInput, type SkmService } from './service.js';

const uuid = { type: 'string', format: 'uuid' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' };
const service = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62}$' };
const agency = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$' };
const p = (extra: Record<string, unknown> = {}) => ({ type: 'object', required: ['tenant', ...Object.keys(extra)], properties: { tenant: tenantSlugParam, ...extra } });
const periodQuery = (extra: Record<string, unknown> = {}) => ({ type: 'object', additionalProperties: false, properties: { from: date, to: date, ...extra } });
const tenantViewers = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'ministry-analyst' as const, 'platform-admin' as const], tenantParam: 'tenant' };
const coordinator = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };

/** Default period: 1 January of the current year to today (in the given zone). */
function period(q: { from?: string; to?: string }, timeZone = 'Asia/Jakarta'): Period {
  const today = localDate(new Date(), timeZone);
  return { from: q.from ?? `${(q.to ?? today).slice(0, 4)}-01-01`, to: q.to ?? today };
}

export function skmRoutes(api: ApiRegistry, tenants: TenantService, skm: SkmService): void {
  const who = (res: { locals: Record<string, unknown> }) => res.locals.identity as Identity;
  const tenant = (slug: unknown) => tenants.getBySlug(slug as string);

  api.add({
    method: 'get',
    path: '/api/v1/skm/questionnaire',
    operationId: 'skmQuestionnaire',
    summary: 'Kuesioner SKM (9 unsur, skala 1–4) / SKM questionnaire',
    description: 'The nine unsur of PermenPANRB 14/2017 with their answer wording, the respondent profile options, the weighting convention and the category table.',
    tags: ['skm'],
    security: { kind: 'public' },
    responses: { '200': { description: 'Questionnaire' } },
    handler: async (_req, res) => {
      res.json(questionnaire());
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/invitations',
    operationId: 'mySkmInvitations',
    summary: 'Undangan survei saya / My survey invitations',
    description: 'One per completed application, open for 30 days.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: p(),
    responses: { '200': { description: '{items}' } },
    handler: async (req, res) => {
      res.json({ items: await skm.invitations(await tenant(req.params.tenant), who(res)) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:application/skm-invitation',
    operationId: 'skmInvitationOfApplication',
    summary: 'Undangan survei suatu permohonan (loket) / The survey invitation of an application (counter)',
    description: 'For applications filed at the counter: the officer of its agency (or the coordinator) hands the citizen the token as a QR code. `token` is null once answered.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['officer', 'tenant-admin'], tenantParam: 'tenant' },
    params: p({ application: uuid }),
    responses: { '200': { description: 'Invitation with token' }, '404': { description: 'SKM_INVITATION_NOT_FOUND' } },
    handler: async (req, res) => {
      res.json(await skm.invitationForApplication(await tenant(req.params.tenant), who(res), req.params.application as string));
    },
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
    params: p(),
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['invitation', 'answers', 'profile'],
      properties: {
        invitation: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,64}$' },
        answers: { type: 'object', additionalProperties: false, required: [...ELEMENTS], properties: Object.fromEntries(ELEMENTS.map((e) => [e, { type: 'integer', minimum: 1, maximum: 4 }])) },
        profile: {
          type: 'object',
          additionalProperties: false,
          required: ['sex', 'ageBand', 'education', 'occupation'],
          properties: { sex: { enum: [...PROFILE.sex] }, ageBand: { enum: [...PROFILE.ageBand] }, education: { enum: [...PROFILE.education] }, occupation: { enum: [...PROFILE.occupation] } },
        },
        suggestion: { type: 'string', maxLength: 2000 },
      },
    },
    responses: { '201': { description: 'Recorded' }, '200': { description: 'The same answers again (replayed)' }, '404': { description: 'SKM_INVITATION_NOT_FOUND' }, '409': { description: 'SKM_ALREADY_ANSWERED, SKM_INVITATION_EXPIRED' } },
    handler: async (req, res) => {
      const r = await skm.respond(await tenant(req.params.tenant), req.body as SkmAnswerInput);
      if (r.body.replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(r.status).json(r.body);
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
    params: p(),
    query: periodQuery({ agency, service }),
    responses: { '200': { description: 'IKM report' }, '400': { description: 'PERIOD_INVALID, QUERY_INVALID' } },
    handler: async (req, res) => {
      const t = await tenant(req.params.tenant);
      const q = res.locals.query as { from?: string; to?: string; agency?: string; service?: string };
      res.json(await skm.ikm(t, period(q, t.timeZone), { agency: q.agency, service: q.service }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/agencies/:agency/skm/ikm',
    operationId: 'agencyIkmAcrossRegions',
    summary: 'IKM layanan instansi di semua wilayah / An agency’s IKM across every region',
    description: 'For the agency’s publisher and officers, and national roles: per service overall and per tenant, from every region. Aggregates only.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['agency-publisher', 'officer', 'ministry-analyst', 'platform-admin'], agencyParam: 'agency' },
    params: { type: 'object', required: ['agency'], properties: { agency } },
    query: periodQuery(),
    responses: { '200': { description: 'IKM by service and by tenant' } },
    handler: async (req, res) => {
      res.json(await skm.agencyAcrossRegions(req.params.agency as string, period(res.locals.query as Period)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/skm/ikm',
    operationId: 'nationalIkm',
    summary: 'IKM per tenant (kementerian) / IKM per tenant (ministry)',
    description: 'Tenant-wide IKM, category, weakest unsur and sample check for every tenant. Aggregates only, never personal data.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['ministry-analyst', 'platform-admin'] },
    query: periodQuery(),
    responses: { '200': { description: '{items}' } },
    handler: async (_req, res) => {
      res.json(await skm.national(period(res.locals.query as Period)));
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/follow-ups',
    operationId: 'openSkmFollowUps',
    summary: 'Buka tindak lanjut unsur terendah / Open follow-ups on the weakest unsur',
    description: 'For a period: one task for the tenant and one per service with responses, on the unsur with the lowest NRR. Repeating it opens nothing new. A job does this for the previous quarter on the first day of each quarter.',
    tags: ['skm'],
    security: coordinator,
    params: p(),
    body: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: date, to: date } },
    responses: { '200': { description: 'The period’s follow-ups' } },
    handler: async (req, res) => {
      res.json(await skm.openFollowUps(await tenant(req.params.tenant), actorOf(res), req.body as Period));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/follow-ups',
    operationId: 'listSkmFollowUps',
    summary: 'Daftar tindak lanjut SKM / SKM follow-ups',
    tags: ['skm'],
    security: tenantViewers,
    params: p(),
    query: { type: 'object', additionalProperties: false, properties: { status: { enum: ['open', 'closed'] } } },
    responses: { '200': { description: '{items}' } },
    handler: async (req, res) => {
      res.json({ items: await skm.followUps(await tenant(req.params.tenant), res.locals.query as { status?: 'open' }) });
    },
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/follow-ups/:id/close',
    operationId: 'closeSkmFollowUp',
    summary: 'Tutup tindak lanjut / Close a follow-up',
    tags: ['skm'],
    security: coordinator,
    params: p({ id: uuid }),
    body: { type: 'object', additionalProperties: false, required: ['result'], properties: { plan: { type: 'string', maxLength: 2000 }, result: { type: 'string', minLength: 5, maxLength: 4000 } } },
    responses: { '200': { description: 'Closed' }, '404': { description: 'SKM_FOLLOWUP_NOT_FOUND' }, '409': { description: 'SKM_FOLLOWUP_CLOSED' } },
    handler: async (req, res) => {
      res.json(await skm.closeFollowUp(await tenant(req.params.tenant), actorOf(res), req.params.id as string, req.body as { result: string }));
    },
  });
}
