import Type from 'typebox';
import type { Sql, UnitOfWork } from '@satupintu/db';
import type { TenantUserCtx } from '../../context.js';
import { ok, type RouteTable } from '../../http/routes.js';
import { Strict, TenantPath, Uuid } from '../../http/schemas.js';
import { applicationRead, recordPersonalDataAccess } from '../privacy/index.js';
import { officerAgencies } from './access.js';

/** What the filer types to find a person they filed for before (in the body: a NIK never goes in a URL). */
export const ApplicantLookupBody = Strict({ nik: Type.String({ pattern: '^\\d{16}$', description: 'NIK (16 digits)' }) });

export const ApplicantLookup = Type.Object(
  {
    applicant: Type.Union([Type.Object({ name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }), Type.Null()], {
      description: 'As last filed (name and phone), or null when the caller has filed or handled nothing for this NIK',
    }),
    applications: Type.Array(
      Type.Object({ id: Uuid, trackingCode: Type.String(), service: Type.String({ description: 'plugin.service' }), status: Type.String(), createdAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
      { description: 'Their applications the caller may see, newest first (at most 5)' },
    ),
  },
  { additionalProperties: false, 'x-component': 'ApplicantLookup' },
);

type Row = {
  id: string;
  tracking_code: string;
  plugin_id: string;
  service_code: string;
  status: string;
  created_at: Date;
  agency_code: string;
  applicant_sub: string | null;
  applicant: { nik?: string; name?: string; phone?: string };
  filed_by_sub: string;
};

/** A person's applications the caller may see: the ones they filed, and (an officer) their agency's submitted ones. */
function byNik(sql: Sql, nik: string, caller: string, agencies: string[]): Promise<Row[]> {
  return sql.rows(
    `select id, tracking_code, plugin_id, service_code, status, created_at, agency_code, applicant_sub, applicant, filed_by_sub from applications
      where (applicant->>'nik' = $1 or data->>'nik' = $1) and (filed_by_sub = $2 or (status <> 'draft' and agency_code = any($3::text[])))
      order by created_at desc limit 5`,
    [nik, caller, agencies],
  );
}

/**
 * Finds a person by NIK for assisted or counter filing, among what the caller may already see:
 * the name and phone as last filed, and their open and past applications. Every application
 * answered is a read of that person's data, logged (UU 27/2022).
 */
export async function lookupApplicant(uow: UnitOfWork, ctx: TenantUserCtx, nik: string): Promise<Type.Static<typeof ApplicantLookup>> {
  return uow.read(ctx, async (tx) => {
    const rows = await byNik(tx.sql, nik, ctx.identity.subject, officerAgencies(ctx.identity, ctx.tenant));
    await recordPersonalDataAccess(tx, ctx, rows.map((r) => applicationRead(ctx, r)));
    const last = rows.find((r) => r.applicant.name);
    return {
      applicant: last ? { name: last.applicant.name!, phone: last.applicant.phone ?? null } : null,
      applications: rows.map((r) => ({ id: r.id, trackingCode: r.tracking_code, service: `${r.plugin_id}.${r.service_code}`, status: r.status, createdAt: r.created_at.toISOString() })),
    };
  });
}

export function applicantRoutes(api: RouteTable, uow: UnitOfWork): void {
  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/applicant-lookup',
    operationId: 'lookupApplicant',
    summary: 'Cari pemohon dengan NIK / Find an applicant by NIK',
    description:
      'For assisted filing (a village operator) and the counter (an officer): the person as last filed and their applications, among what the caller may already see (what they filed; an officer also their agency’s submitted applications). Nothing else is searched. The NIK goes in the body, never in a URL; each application answered is logged as a read of that person’s data.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['officer', 'village-operator'], tenantParam: 'tenant' },
    params: TenantPath(),
    body: ApplicantLookupBody,
    bodyExample: { nik: '3217064101900001' },
    responses: {
      '200': {
        description: 'What the caller may see of the person (applicant null: nothing)',
        schema: ApplicantLookup,
        example: { applicant: { name: 'Ibu Euis', phone: '081298765432' }, applications: [{ id: '0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90', trackingCode: '7KQ2-M9XD', service: 'dukcapil.ktpel-penggantian', status: 'submitted', createdAt: '2026-12-07T02:00:00.000Z' }] },
      },
    },
    handler: async (ctx, { body }) => ok(await lookupApplicant(uow, ctx, body.nik)),
  });
}
