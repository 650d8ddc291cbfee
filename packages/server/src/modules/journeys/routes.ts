import { noContent, ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { serviceNotFound } from '../installations/index.js';
import { consentNotFound, profileConsentRequired, profileNotFound } from './errors.js';
import { Consent, ConsentBody, ConsentPath, Journey, JourneyPath, Prefill, Profile, ProfileBody } from './schemas.js';
import type { JourneyService } from './service.js';

const journeyExample = {
  service: 'dukcapil.ktpel-penggantian',
  from: '2026-12-07',
  steps: [
    {
      service: 'polri.sktlk', name: { id: 'Surat Keterangan Tanda Lapor Kehilangan', en: 'Loss report certificate' }, agency: { code: 'polri', name: { id: 'Kepolisian', en: 'Police' } },
      sla: { value: 1, unit: 'working-days' }, startsOn: null, feeds: { service: 'dukcapil.ktpel-penggantian', document: 'sktlk', output: 'sktlk', conditional: true }, status: 'to-do', application: null, estimatedDate: '2026-12-08',
    },
    {
      service: 'dukcapil.ktpel-penggantian', name: { id: 'Penggantian KTP-el', en: 'KTP-el replacement' }, agency: { code: 'dukcapil', name: { id: 'Disdukcapil', en: 'Civil registry' } },
      sla: { value: 3, unit: 'working-days' }, startsOn: null, feeds: null, status: 'to-do', application: null, estimatedDate: '2026-12-11',
    },
  ],
  workingDays: 4,
  estimatedDate: '2026-12-11',
  offered: true,
};

export function journeyRoutes(api: RouteTable, journeys: JourneyService): void {
  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/services/:service/journey',
    operationId: 'getServiceJourney',
    summary: 'Alur layanan terintegrasi dan perkiraan selesai / A service’s journey across agencies and its ETA',
    description:
      'The services whose outputs this service requires as documents (declared by the plugins: `documents[].fromService`), first step first, each with its SLA, and the estimated completion from today: the steps’ SLAs added up in hari kerja on this tenant’s calendar (holidays, cuti bersama per agency, closures). A step whose clock starts at a later event (its SOP) is counted as if the event were on time.',
    tags: ['catalog'],
    security: { kind: 'public' },
    params: JourneyPath,
    responses: { '200': { description: 'The journey and its ETA', schema: Journey, example: journeyExample } },
    errors: [serviceNotFound],
    handler: async (ctx, { params }) => ok(await journeys.journey(ctx, params.service)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/me/journeys/:service',
    operationId: 'myJourney',
    summary: 'Perkiraan selesai layanan terintegrasi saya / My journey’s ETA',
    description:
      'The same journey from where the caller’s own applications stand: a completed step is done, a step in progress ends on its due date, the rest add their SLAs in hari kerja from then.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: JourneyPath,
    responses: { '200': { description: 'The caller’s journey and its ETA', schema: Journey, example: journeyExample } },
    errors: [serviceNotFound],
    handler: async (ctx, { params }) => ok(await journeys.journey(ctx, params.service, true)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/me/profile',
    operationId: 'getMyProfile',
    summary: 'Profil pemohon saya / My applicant profile',
    description: 'The profile the caller filled in once (name, NIK, address, phone, email) and the agencies they consented to share it with.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: TenantPath(),
    responses: { '200': { description: 'The profile', schema: Profile } },
    errors: [profileNotFound],
    handler: async (ctx) => ok(await journeys.profile(ctx)),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/me/profile',
    operationId: 'putMyProfile',
    summary: 'Simpan profil pemohon / Save my applicant profile',
    description: 'Asked once, reused by the agencies of a journey the caller consents to. Replaces the profile (a new version); consents stay. Repeating the same PUT is harmless.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: TenantPath(),
    body: ProfileBody,
    bodyExample: { nik: '3217061208900001', name: 'Dadang Sunarya', address: 'Jl. Raya Padalarang No. 12', phone: '081234567890', email: 'dadang@example.id' },
    responses: { '200': { description: 'Saved', schema: Profile } },
    handler: async (ctx, { body }) => ok(await journeys.saveProfile(ctx, body)),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/me/profile/consents/:agency',
    operationId: 'grantProfileConsent',
    summary: 'Setujui berbagi profil dengan instansi / Consent to share my profile with an agency',
    description: 'UU 27/2022: the agency may pre-fill its forms from the profile only after this consent, recorded with its statement and time. Granting it again keeps the first grant.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: ConsentPath,
    body: ConsentBody,
    bodyExample: { statement: 'Saya setuju profil saya dipakai untuk mengisi formulir Disdukcapil.' },
    responses: { '200': { description: 'Recorded', schema: Consent } },
    handler: async (ctx, { params, body }) => ok(await journeys.grant(ctx, params.agency, body.statement)),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/me/profile/consents/:agency',
    operationId: 'withdrawProfileConsent',
    summary: 'Cabut persetujuan berbagi profil / Withdraw the consent',
    description: 'From now on the agency’s forms are no longer pre-filled from the profile (the withdrawal is kept with its time).',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: ConsentPath,
    responses: { '204': { description: 'Withdrawn' } },
    errors: [consentNotFound],
    handler: async (ctx, { params }) => {
      await journeys.withdraw(ctx, params.agency);
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/me/profile/prefill/:service',
    operationId: 'prefillFromProfile',
    summary: 'Isian formulir dari profil / A form pre-filled from my profile',
    description: 'The service’s form fields the profile fills (name, NIK, address, phone, email under the form’s own names), only when the caller consented to share the profile with the service’s agency (else 403 PROFILE_CONSENT_REQUIRED). Stores nothing.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' },
    params: JourneyPath,
    responses: { '200': { description: 'Pre-filled fields', schema: Prefill } },
    errors: [serviceNotFound, profileNotFound, profileConsentRequired],
    handler: async (ctx, { params }) => ok(await journeys.prefill(ctx, params.service)),
  });
}
