import { localDate } from '@satupintu/core';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath } from '../../http/schemas.js';
import { Page } from '../../pagination.js';
import { alreadyAnswered, followUpClosed, followUpDueInvalid, followUpNotFound, invitationExpired, invitationNotFound, periodInvalid, publicationInvalid } from './errors.js';
import { renderSkmReportPdf } from './report-pdf.js';
import { questionnaire, WEIGHTING } from './ikm.js';
import { defaultPeriod } from './period.js';
import {
  AgencyIkmReport,
  AgencyPath,
  AssignFollowUpBody,
  NationalFollowUps,
  PublicationBody,
  PublicationsQuery,
  SkmPublication,
  SkmReportQuery,
  AnswerBody,
  ApplicationInvitationPath,
  CloseFollowUpBody,
  FollowUpPath,
  FollowUpsQuery,
  IkmReport,
  InvitationsQuery,
  NationalIkmReport,
  OpenFollowUpsBody,
  PeriodQuery,
  SkmAnswer,
  SkmApplicationInvitation,
  SkmFollowUp,
  SkmFollowUpsOpened,
  SkmInvitation,
  SkmQuestionnaire,
  SkmSettings,
  TenantIkmQuery,
} from './schemas.js';
import type { SkmService } from './service.js';

const tenantViewers = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'ministry-analyst' as const, 'platform-admin' as const], tenantParam: 'tenant' };
const coordinator = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };
/** National views have no tenant: their default period ends today in Jakarta. */
const NATIONAL_ZONE = 'Asia/Jakarta';

const ELEMENTS_EXAMPLE = [
  { element: 'U1', name: { id: 'Persyaratan', en: 'Requirements' }, sum: 105, nrr: 3.6207, weightedNrr: 0.4023 },
  { element: 'U3', name: { id: 'Waktu penyelesaian', en: 'Completion time' }, sum: 100, nrr: 3.4483, weightedNrr: 0.3831 },
];
const WEIGHTING_EXAMPLE = { ...WEIGHTING, legacyIkm: 91.37, legacyCategory: 'A' };
const SAMPLE_EXAMPLE = {
  population: 29,
  populationBasis: 'service-users (applications completed in the period)',
  krejcieMorgan: { tableN: 30, minimum: 28 },
  sufficient: true,
};
const FOLLOW_UP_EXAMPLE = {
  id: '01937c4e-8a2b-7c3d-9e4f-5a6b7c8d9e0f',
  scope: 'service',
  scopeKey: 'dukcapil.ktpel-penggantian',
  period: { from: '2025-07-01', to: '2025-09-30' },
  element: 'U3',
  elementName: { id: 'Waktu penyelesaian', en: 'Completion time' },
  nrr: 3.4483,
  ikm: 91.48,
  respondents: 29,
  status: 'closed',
  plan: 'Tambah petugas verifikasi pada jam sibuk',
  result: 'Waktu tunggu turun dari 40 ke 15 menit',
  createdAt: '2025-10-01T01:00:00.000Z',
  closedBy: 'admin.lebong',
  closedAt: '2025-10-20T03:12:00.000Z',
  owner: 'Kepala Bidang Pelayanan DPMPTSP',
  dueOn: '2025-12-29',
  overdue: false,
  evidenceUrl: 'https://mpp.lebongkab.go.id/berita/tindak-lanjut-skm-triwulan-iii',
};
const PUBLICATION_EXAMPLE = {
  id: '01937c4e-3333-7c3d-9e4f-5a6b7c8d9e0f',
  period: { from: '2025-07-01', to: '2025-09-30' },
  medium: 'website',
  location: 'https://mpp.lebongkab.go.id/skm/2025-triwulan-iii',
  publishedOn: '2025-10-06',
  publishedBy: 'Subbag Umum DPMPTSP',
  recordedBy: 'admin.lebong',
  recordedAt: '2025-10-06T02:00:00.000Z',
};

export function skmRoutes(api: RouteTable, skm: SkmService): void {
  // Issue 23 (sla): one combined survey per journey, where the tenant opts in.
  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/skm/settings',
    operationId: 'setSkmSettings',
    summary: 'Survei gabungan layanan terintegrasi / One combined survey per journey',
    description:
      'The tenant admin decides: `combinedJourneySurvey: true` — when the last step of a journey completes (an application carrying earlier applications’ outputs as documents), the citizen gets ONE survey for the journey; the earlier steps’ unanswered invitations close into it, and its answer counts once for each agency of the journey (each agency’s IKM). False (the default): one survey per agency. Applies to completions from now on. Repeating the same PUT is harmless.',
    tags: ['skm'],
    security: coordinator,
    params: TenantPath(),
    body: SkmSettings,
    bodyExample: { combinedJourneySurvey: true },
    responses: { '200': { description: 'Stored', schema: SkmSettings, example: { combinedJourneySurvey: true } } },
    handler: async (ctx, { body }) => ok(await skm.survey.setCombined(ctx, body.combinedJourneySurvey)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/skm/questionnaire',
    operationId: 'skmQuestionnaire',
    summary: 'Kuesioner SKM (9 unsur, skala 1–4) / SKM questionnaire',
    description:
      'The nine unsur of PermenPANRB 14/2017 with their answer wording, the respondent profile options, the weighting convention and the category table. A fixed reference set by the regulation: answered whole, never paged.',
    tags: ['skm'],
    security: { kind: 'public' },
    responses: {
      '200': {
        description: 'The questionnaire',
        schema: SkmQuestionnaire,
        example: {
          regulation: 'PermenPANRB 14/2017',
          scale: [1, 2, 3, 4],
          elements: [
            {
              element: 'U1',
              name: { id: 'Persyaratan', en: 'Requirements' },
              options: [
                { value: 1, label: 'Tidak sesuai' },
                { value: 2, label: 'Kurang sesuai' },
                { value: 3, label: 'Sesuai' },
                { value: 4, label: 'Sangat sesuai' },
              ],
            },
          ],
          profile: { sex: ['L', 'P'], ageBand: ['<20', '20-29', '30-39', '40-49', '50-59', '>=60'], education: ['SD', 'SMP', 'SMA', 'D1-D3-D4', 'S1', 'S2', 'S3'], occupation: ['PNS', 'TNI', 'POLRI', 'SWASTA', 'WIRAUSAHA', 'LAINNYA'] },
          weighting: WEIGHTING,
          categories: [{ category: 'A', minIkm: 88.31, nrrRange: [3.5324, 4], ikmRange: [88.31, 100], performance: { id: 'Sangat baik', en: 'Very good' } }],
        },
      },
    },
    handler: async () => ok(questionnaire()),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/invitations',
    operationId: 'mySkmInvitations',
    summary: 'Undangan survei saya / My survey invitations',
    description: 'The caller’s open invitations, newest first: one per completed application, open for 30 days; an answered or expired one leaves the list. Paged.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: TenantPath(),
    query: InvitationsQuery,
    paginated: true,
    responses: {
      '200': {
        description: 'One page of open invitations',
        schema: Page(SkmInvitation),
        example: {
          items: [
            {
              id: '01937c4e-1111-7c3d-9e4f-5a6b7c8d9e0f',
              token: 'q8Yc2V0aW5nLXRva2VuLWNvbnRvaDEy',
              service: 'polri.sktlk',
              agency: 'polri',
              applicationTrackingCode: 'K7QP-4M2X',
              createdAt: '2025-11-20T03:00:00.000Z',
              expiresAt: '2025-12-20T03:00:00.000Z',
            },
          ],
          next: null,
        },
      },
    },
    handler: async (ctx, { query }) => ok(await skm.invitations(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:application/skm-invitation',
    operationId: 'skmInvitationOfApplication',
    summary: 'Undangan survei suatu permohonan (loket) / The survey invitation of an application (counter)',
    description:
      'For applications filed at the counter: the officer of its agency (or the coordinator) hands the citizen the token as a QR code. `token` is null once answered. Another agency’s officer gets 404, as for an application without an invitation.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['officer', 'tenant-admin'], tenantParam: 'tenant' },
    params: ApplicationInvitationPath,
    responses: {
      '200': {
        description: 'The invitation, with its token while unanswered',
        schema: SkmApplicationInvitation,
        example: { id: '01937c4e-1111-7c3d-9e4f-5a6b7c8d9e0f', token: 'q8Yc2V0aW5nLXRva2VuLWNvbnRvaDEy', service: 'polri.sktlk', applicationTrackingCode: 'K7QP-4M2X', expiresAt: '2025-12-20T03:00:00.000Z', answered: false },
      },
    },
    errors: [invitationNotFound],
    handler: async (ctx, { params }) => ok(await skm.invitationForApplication(ctx, params.application)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/responses',
    operationId: 'answerSkm',
    summary: 'Isi survei kepuasan / Answer the satisfaction survey',
    description: [
      'Anonymous and public: the invitation token (192 random bits, from the invitation list, the QR code or the message) is the only credential, so the survey can be answered without an account. The response keeps no link to the person or the application: the token is erased when answered; only its SHA-256 digest (for one-response-per-invitation) and the tenant’s local date are kept.',
      'Safe to retry without an Idempotency-Key: the token is the key. The same answers sent again return the first response (200, `Idempotent-Replayed: true`, `replayed: true`); other answers get 409 SKM_ALREADY_ANSWERED; an invitation past its 30 days gets 409 SKM_INVITATION_EXPIRED; an unknown token 404 SKM_INVITATION_NOT_FOUND.',
      'Known limits: 404 and 409 tell an unknown token from a used one (harmless: tokens cannot be guessed, and neither answer says anything about a person); whoever holds a token (the citizen, or the counter that printed it) can answer once; a public caller is held to the per-address request budget (429).',
    ].join('\n\n'),
    tags: ['skm'],
    security: { kind: 'public' },
    params: TenantPath(),
    body: AnswerBody,
    bodyExample: {
      invitation: 'q8Yc2V0aW5nLXRva2VuLWNvbnRvaDEy',
      answers: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 2 },
      profile: { sex: 'P', ageBand: '30-39', education: 'SMA', occupation: 'WIRAUSAHA' },
      suggestion: 'Ruang tunggu perlu kursi tambahan pada Senin pagi.',
    },
    responses: {
      '201': { description: 'Recorded', schema: SkmAnswer, example: { id: '01937c4e-2222-7c3d-9e4f-5a6b7c8d9e0f', recordedOn: '2025-11-24', replayed: false } },
      '200': {
        description: 'The same answers again: the first response (replayed)',
        schema: SkmAnswer,
        headers: { 'Idempotent-Replayed': { description: '`true`: this is the answer recorded before', required: true } },
        example: { id: '01937c4e-2222-7c3d-9e4f-5a6b7c8d9e0f', recordedOn: '2025-11-24', replayed: true },
      },
    },
    errors: [invitationNotFound, alreadyAnswered, invitationExpired],
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
      'NRR per unsur, weighted NRR (equal weights 1/9), IKM = ×25, category A–D, the Krejcie–Morgan minimum-sample check, and the per-service breakdown. An aggregate: one report, every service with responses in it (bounded by the tenant’s services). Default period: 1 January to today.',
    tags: ['skm'],
    security: tenantViewers,
    params: TenantPath(),
    query: TenantIkmQuery,
    responses: {
      '200': {
        description: 'The IKM report',
        schema: IkmReport,
        example: {
          tenant: { slug: 'kab-lebong', name: 'Kabupaten Lebong' },
          scope: 'service',
          key: 'dukcapil.ktpel-penggantian',
          period: { from: '2025-07-01', to: '2025-09-30' },
          respondents: 29,
          elements: ELEMENTS_EXAMPLE,
          weightedNrr: 3.659,
          ikm: 91.48,
          category: 'A',
          performance: { id: 'Sangat baik', en: 'Very good' },
          weighting: WEIGHTING_EXAMPLE,
          lowest: { element: 'U3', nrr: 3.4483 },
          sample: SAMPLE_EXAMPLE,
          services: [],
        },
      },
    },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => ok(await skm.ikm(ctx, defaultPeriod(query, localDate(ctx.now, ctx.tenant.timeZone)), { agency: query.agency, service: query.service })),
  });

  api.add({
    method: 'get',
    path: '/api/v1/agencies/:agency/skm/ikm',
    operationId: 'agencyIkmAcrossRegions',
    summary: 'IKM layanan instansi di semua wilayah / An agency’s IKM across every region',
    description:
      'For the agency’s publisher and officers, and national roles: per service overall and per tenant, from every region. An aggregate answered whole: at most one row per tenant and service (bounded by the directory and the agency’s services); never a response, a profile or a suggestion.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['agency-publisher', 'officer', 'ministry-analyst', 'platform-admin'], agencyParam: 'agency' },
    params: AgencyPath,
    query: PeriodQuery,
    responses: {
      '200': {
        description: 'IKM by service and by tenant',
        schema: AgencyIkmReport,
        example: {
          agency: 'dukcapil',
          period: { from: '2025-07-01', to: '2025-09-30' },
          weighting: WEIGHTING,
          overall: null,
          services: [],
          byTenant: [],
        },
      },
    },
    errors: [periodInvalid],
    handler: async (ctx, { params, query }) => ok(await skm.agencyAcrossRegions(ctx, params.agency, defaultPeriod(query, localDate(ctx.now, NATIONAL_ZONE)))),
  });

  api.add({
    method: 'get',
    path: '/api/v1/skm/ikm',
    operationId: 'nationalIkm',
    summary: 'IKM per tenant (kementerian) / IKM per tenant (ministry)',
    description:
      'Tenant-wide IKM, category, weakest unsur and sample check for every tenant. Aggregates only, never personal data. One row per tenant of the directory (at most the 514 regencies and cities), answered whole as one national table, in code order.',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['ministry-analyst', 'platform-admin'] },
    query: PeriodQuery,
    responses: {
      '200': {
        description: 'One row per tenant',
        schema: NationalIkmReport,
        example: {
          period: { from: '2025-07-01', to: '2025-09-30' },
          weighting: WEIGHTING,
          items: [
            {
              tenant: 'kab-lebong',
              tenantName: 'Kabupaten Lebong',
              region: 'id-jakarta',
              respondents: 29,
              ikm: 91.48,
              category: 'A',
              weightedNrr: 3.659,
              lowest: { element: 'U3', nrr: 3.4483 },
              elements: ELEMENTS_EXAMPLE,
              sample: { ...SAMPLE_EXAMPLE, population: 110000, populationBasis: 'tenant-population (control plane)', krejcieMorgan: { tableN: 1000000, minimum: 384 }, sufficient: false },
            },
          ],
        },
      },
    },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => ok(await skm.national(ctx, defaultPeriod(query, localDate(ctx.now, NATIONAL_ZONE)))),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/follow-ups',
    operationId: 'openSkmFollowUps',
    summary: 'Buka tindak lanjut unsur terendah / Open follow-ups on the weakest unsur',
    description:
      'For a period: one task for the tenant and one per service with responses, on the unsur with the lowest NRR. Safe to repeat without an Idempotency-Key: a task exists once per scope and period, so repeating it opens nothing new and answers the same tasks. A job does this for the previous quarter on the first day of each quarter. Answers every follow-up of the period (a bounded set).',
    tags: ['skm'],
    security: coordinator,
    params: TenantPath(),
    body: OpenFollowUpsBody,
    bodyExample: { from: '2025-07-01', to: '2025-09-30' },
    responses: {
      '200': {
        description: 'The period’s follow-ups',
        schema: SkmFollowUpsOpened,
        example: { period: { from: '2025-07-01', to: '2025-09-30' }, ikm: 91.48, category: 'A', items: [{ ...FOLLOW_UP_EXAMPLE, status: 'open', plan: null, result: null, closedBy: null, closedAt: null, owner: null, evidenceUrl: null }] },
      },
    },
    errors: [periodInvalid],
    handler: async (ctx, { body }) => ok(await skm.openFollowUps(ctx, body)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/follow-ups',
    operationId: 'listSkmFollowUps',
    summary: 'Daftar tindak lanjut SKM / SKM follow-ups',
    description: 'Newest first, paged. `closedBy` (a staff username) is shown to the tenant’s own coordinators and the platform admin, not to ministry analysts.',
    tags: ['skm'],
    security: tenantViewers,
    params: TenantPath(),
    query: FollowUpsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of follow-ups', schema: Page(SkmFollowUp), example: { items: [FOLLOW_UP_EXAMPLE], next: null } } },
    handler: async (ctx, { query }) => ok(await skm.followUps(ctx, query)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/follow-ups/:id/close',
    operationId: 'closeSkmFollowUp',
    summary: 'Tutup tindak lanjut / Close a follow-up',
    description: 'Records the result (and plan) and closes the task, with an audit event in the same commit. A task closes once (409 after); a retry with the same Idempotency-Key gets the first answer.',
    tags: ['skm'],
    security: coordinator,
    params: FollowUpPath,
    body: CloseFollowUpBody,
    bodyExample: { plan: 'Tambah petugas verifikasi pada jam sibuk', result: 'Waktu tunggu turun dari 40 ke 15 menit' },
    idempotent: true,
    responses: { '200': { description: 'The closed follow-up', schema: SkmFollowUp, example: FOLLOW_UP_EXAMPLE } },
    errors: [followUpNotFound, followUpClosed],
    handler: async (rctx, { params, body, req }) => {
      // Access is the coordinator role of the tenant, which the guard re-checks on every request (a replay too).
      const ctx = withIdempotency(rctx, req, `closeSkmFollowUp:${params.id}`, body);
      const r = await skm.closeFollowUp(ctx, params.id, body);
      return ok(r, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'patch',
    path: '/api/v1/tenants/:tenant/skm/follow-ups/:id',
    operationId: 'assignSkmFollowUp',
    summary: 'Tetapkan penanggung jawab, tenggat dan rencana / Assign a follow-up',
    description:
      'Sets the owner (a unit or position, not a person’s name), the due date (not before the period’s end; a new task is due 90 days after it) and the planned action of an open task, each only when given; audited in the same commit. Setting the same values again changes nothing else. A closed task answers 409.',
    tags: ['skm'],
    security: coordinator,
    params: FollowUpPath,
    body: AssignFollowUpBody,
    bodyExample: { owner: 'Kepala Bidang Pelayanan DPMPTSP', dueOn: '2025-12-29', plan: 'Tambah petugas verifikasi pada jam sibuk' },
    responses: { '200': { description: 'The follow-up', schema: SkmFollowUp, example: { ...FOLLOW_UP_EXAMPLE, status: 'open', result: null, closedBy: null, closedAt: null, evidenceUrl: null } } },
    errors: [followUpNotFound, followUpClosed, followUpDueInvalid],
    handler: async (ctx, { params, body }) => ok(await skm.assignFollowUp(ctx, params.id, body)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/national/skm/follow-ups',
    operationId: 'nationalSkmFollowUps',
    summary: 'Tindak lanjut SKM semua tenant (agregat) / SKM follow-ups across tenants (aggregates)',
    description:
      'For the ministry: per tenant, the follow-up tasks of periods overlapping the range — total, open, closed, overdue (open past the due date), closed on time, closed with evidence, and tasks per weakest unsur — with national totals. Counts only: never a plan, a result or a username. One row per tenant of the directory (at most 514), answered whole. Default period: 1 January to today (Asia/Jakarta).',
    tags: ['skm'],
    security: { kind: 'roles', roles: ['ministry-analyst', 'platform-admin'] },
    query: PeriodQuery,
    responses: {
      '200': {
        description: 'Counts per tenant',
        schema: NationalFollowUps,
        example: {
          period: { from: '2025-01-01', to: '2025-12-31' },
          totals: { tenants: 1, withFollowUps: 1, total: 4, open: 1, closed: 3, overdue: 1, closedOnTime: 2, withEvidence: 2 },
          items: [
            {
              tenant: 'kab-lebong', tenantName: 'Kabupaten Lebong', region: 'id-jakarta', total: 4, open: 1, closed: 3, overdue: 1, closedOnTime: 2, withEvidence: 2,
              byElement: { U1: 0, U2: 0, U3: 3, U4: 0, U5: 0, U6: 0, U7: 0, U8: 1, U9: 0 },
            },
          ],
        },
      },
    },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => ok(await skm.nationalFollowUps(ctx, defaultPeriod(query, localDate(ctx.now, NATIONAL_ZONE)))),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/skm/publications',
    operationId: 'recordSkmPublication',
    summary: 'Catat publikasi hasil SKM / Record where the SKM result was published',
    description: [
      'Appends an entry to the tenant’s SKM publication log (PermenPANRB 14/2017: the result is published; PEKPPP counts the media): the period, the medium, the https URL (website, social media) or the place (notice board…), the date and the publishing unit. The log is append-only: an entry is never changed or removed; a correction is a new entry.',
      'Safe to retry without an Idempotency-Key: the same entry (period, medium, location, date) recorded again answers the first one (200, `Idempotent-Replayed: true`).',
    ].join('\n\n'),
    tags: ['skm'],
    security: coordinator,
    params: TenantPath(),
    body: PublicationBody,
    bodyExample: { from: '2025-07-01', to: '2025-09-30', medium: 'website', location: 'https://mpp.lebongkab.go.id/skm/2025-triwulan-iii', publishedOn: '2025-10-06', publishedBy: 'Subbag Umum DPMPTSP' },
    responses: {
      '201': { description: 'Recorded', schema: SkmPublication, example: PUBLICATION_EXAMPLE },
      '200': { description: 'The same entry, recorded before', schema: SkmPublication, headers: { 'Idempotent-Replayed': { description: '`true`: recorded before', required: true } }, example: PUBLICATION_EXAMPLE },
    },
    errors: [periodInvalid, publicationInvalid],
    handler: async (ctx, { body }) => {
      const r = await skm.recordPublication(ctx, body);
      return r.created ? created(r.publication) : ok(r.publication, { 'Idempotent-Replayed': 'true' });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/publications',
    operationId: 'listSkmPublications',
    summary: 'Log publikasi hasil SKM / SKM publication log',
    description: 'The tenant’s publication log, newest record first, paged; for the tenant’s coordinators and the ministry. `recordedBy` (a staff username) is shown to the tenant’s own staff only.',
    tags: ['skm'],
    security: tenantViewers,
    params: TenantPath(),
    query: PublicationsQuery,
    paginated: true,
    responses: { '200': { description: 'One page of the log', schema: Page(SkmPublication), example: { items: [PUBLICATION_EXAMPLE], next: null } } },
    handler: async (ctx, { query }) => ok(await skm.publicationPage(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/skm/report.pdf',
    operationId: 'exportSkmReportPdf',
    summary: 'Unduh laporan SKM (format PermenPANRB 14/2017) / Download the SKM report (PDF)',
    description:
      'The SKM result of a period as the annex of PermenPANRB 14/2017 lays it out: respondents and the sample check, per unsur the sum, NRR and weighted NRR, the sum of weighted NRR, IKM, mutu pelayanan A–D and kinerja unit, the conversion table, IKM per service, the follow-up plan (rencana tindak lanjut) and the publication log. Aggregates only. Default period: 1 January to today.',
    tags: ['skm'],
    security: tenantViewers,
    params: TenantPath(),
    query: SkmReportQuery,
    responses: {
      '200': { description: 'The PDF file', media: ['application/pdf'], headers: { 'Content-Disposition': { description: '`attachment; filename="laporan-skm-{tenant}-{from}-{to}.pdf"`', required: true } } },
    },
    errors: [periodInvalid],
    handler: async (ctx, { query }) => {
      const p = defaultPeriod(query, localDate(ctx.now, ctx.tenant.timeZone));
      const x = await skm.reportExport(ctx, p);
      const pdf = await renderSkmReportPdf({ ...x, generatedAt: ctx.now });
      return {
        status: 200 as const,
        raw: { content: Buffer.from(pdf), type: 'application/pdf' },
        headers: { 'Content-Disposition': `attachment; filename="laporan-skm-${ctx.tenant.slug}-${p.from}-${p.to}.pdf"`, 'Cache-Control': 'private, no-store' },
      };
    },
  });
}
