import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { ConflictError, InputError, NotFoundError, localDate, newId, type Tenant } from '@satupintu/core';
import type { Identity } from '@satupintu/auth';
import { recordAudit, withTenant, type Databases } from '@satupintu/db';
import type { TenantService } from '../tenants/service.js';
import { ELEMENTS, ELEMENT_NAMES, ELEMENT_SCALES, PROFILE, WEIGHTING, CATEGORIES, computeIkm, minimumSample, type IkmResult } from './ikm.js';

const INVITATION_DAYS = 30;

export interface SkmAnswerInput {
  invitation: string;
  answers: Record<(typeof ELEMENTS)[number], number>;
  profile: { sex: string; ageBand: string; education: string; occupation: string };
  suggestion?: string;
}

export interface Period {
  from: string;
  to: string;
}

const SUMS = ELEMENTS.map((e) => `coalesce(sum(${e.toLowerCase()}), 0)::int as ${e.toLowerCase()}`).join(', ');
type SumRow = Record<string, number> & { n: number };
const sumsOf = (r: SumRow | undefined) => ELEMENTS.map((e) => Number(r?.[e.toLowerCase()] ?? 0));
const addSums = (a: number[], b: number[]) => a.map((x, i) => x + b[i]!);

const invitationNotFound = () => new NotFoundError({ code: 'SKM_INVITATION_NOT_FOUND', title: { id: 'Undangan survei tidak ditemukan', en: 'Survey invitation not found' } });

/**
 * Called in the transaction that completes an application: invites its citizen to the SKM
 * (one invitation per application; a retried completion adds nothing) and queues the notice.
 */
export async function inviteToSurvey(
  em: EntityManager,
  app: { tenant_id: string; id: string; plugin_id: string; service_code: string; agency_code: string; applicant_sub: string | null; tracking_code: string },
  now: Date,
): Promise<void> {
  const id = newId();
  const token = randomBytes(24).toString('base64url');
  const rows = (await em.query(
    `insert into skm_invitations (tenant_id, id, token, application_id, plugin_id, service_code, agency_code, respondent_sub, created_at, expires_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) on conflict (tenant_id, application_id) do nothing returning id`,
    [app.tenant_id, id, token, app.id, app.plugin_id, app.service_code, app.agency_code, app.applicant_sub, now, new Date(now.getTime() + INVITATION_DAYS * 86_400_000)],
  )) as unknown[];
  if (!rows.length) return;
  await em.query(`insert into notification_outbox (tenant_id, id, kind, payload) values ($1, $2, 'skm.invitation', $3)`, [
    app.tenant_id,
    newId(),
    JSON.stringify({ to: app.applicant_sub ? [`citizen:${app.applicant_sub}`] : ['counter'], application: app.id, trackingCode: app.tracking_code, invitation: id, token, service: `${app.plugin_id}.${app.service_code}` }),
  ]);
}

export const questionnaire = () => ({
  regulation: 'PermenPANRB 14/2017',
  scale: [1, 2, 3, 4],
  elements: ELEMENTS.map((e) => ({ element: e, name: ELEMENT_NAMES[e], options: ELEMENT_SCALES[e].map((label, i) => ({ value: i + 1, label })) })),
  profile: PROFILE,
  weighting: WEIGHTING,
  categories: CATEGORIES,
});

/**
 * SKM / IKM (PermenPANRB 14/2017): invitations after completion, anonymous responses, IKM per
 * service, agency and tenant per period with the Krejcie–Morgan sample warning, follow-up tasks
 * on the weakest unsur; aggregate views for the agency (every region) and the ministry.
 */
export class SkmService {
  constructor(
    private readonly dbs: Databases,
    private readonly tenants: TenantService,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private tx<T>(t: Pick<Tenant, 'id' | 'homeRegion'>, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return withTenant(this.dbs.region(t.homeRegion), t.id, fn);
  }

  async invitations(t: Tenant, identity: Identity) {
    return this.tx(t, async (em) => {
      const rows = (await em.query(
        `select i.id, i.token, i.plugin_id, i.service_code, i.agency_code, i.created_at, i.expires_at, a.tracking_code
           from skm_invitations i join applications a on a.id = i.application_id
          where i.respondent_sub = $1 and i.responded_on is null and i.expires_at > $2 order by i.created_at desc`,
        [identity.subject, this.now()],
      )) as Record<string, any>[];
      return rows.map((r) => ({
        id: r.id as string,
        token: r.token as string,
        service: `${r.plugin_id}.${r.service_code}`,
        agency: r.agency_code as string,
        applicationTrackingCode: r.tracking_code as string,
        createdAt: (r.created_at as Date).toISOString(),
        expiresAt: (r.expires_at as Date).toISOString(),
      }));
    });
  }

  /**
   * The open invitation of one application, for the counter (an application filed there has no
   * citizen account to list it): the officer of its agency or the coordinator prints its QR code.
   */
  async invitationForApplication(t: Tenant, identity: Identity, applicationId: string) {
    return this.tx(t, async (em) => {
      const r = ((await em.query(
        `select i.id, i.token, i.plugin_id, i.service_code, i.agency_code, i.expires_at, i.responded_on, a.tracking_code
           from skm_invitations i join applications a on a.id = i.application_id where i.application_id = $1`,
        [applicationId],
      )) as Record<string, any>[])[0];
      const staff = r && identity.memberships.some((m) => 'tenant' in m && m.tenant === t.slug && (m.role === 'tenant-admin' || (m.role === 'officer' && m.agency === r.agency_code)));
      if (!r || !staff) throw invitationNotFound();
      return {
        id: r.id as string,
        token: r.token as string | null,
        service: `${r.plugin_id}.${r.service_code}`,
        applicationTrackingCode: r.tracking_code as string,
        expiresAt: (r.expires_at as Date).toISOString(),
        answered: r.responded_on !== null,
      };
    });
  }

  /**
   * One response per invitation: a retry with the same answers returns the first; different answers
   * are refused. The token is erased on answering and the response keeps only its digest and the
   * local date, so no one can link an answer to the person or the application.
   */
  async respond(t: Tenant, input: SkmAnswerInput): Promise<{ status: 200 | 201; body: { id: string; recordedOn: string; replayed: boolean } }> {
    const values = ELEMENTS.map((e) => input.answers[e]);
    const digest = createHash('sha256').update(input.invitation).digest('hex');
    return this.tx(t, async (em) => {
      const prior = async () => {
        const r = ((await em.query(`select id, to_char(local_date, 'YYYY-MM-DD') as local_date, ${ELEMENTS.map((e) => e.toLowerCase()).join(', ')}, sex, age_band, education, occupation from skm_responses where token_digest = $1`, [digest])) as Record<string, any>[])[0];
        if (!r) return undefined;
        const same =
          ELEMENTS.every((e, i) => Number(r[e.toLowerCase()]) === values[i]) &&
          r.sex === input.profile.sex && r.age_band === input.profile.ageBand && r.education === input.profile.education && r.occupation === input.profile.occupation;
        if (!same) throw new ConflictError({ code: 'SKM_ALREADY_ANSWERED', title: { id: 'Survei untuk layanan ini sudah diisi', en: 'This survey has already been answered' } });
        return { status: 200 as const, body: { id: r.id as string, recordedOn: r.local_date as string, replayed: true } };
      };
      const answered = await prior();
      if (answered) return answered;
      const inv = ((await em.query('select id, plugin_id, service_code, agency_code, expires_at from skm_invitations where token = $1 for update', [input.invitation])) as Record<string, any>[])[0];
      // A concurrent twin may have answered (and erased the token) while this one waited for the lock.
      if (!inv) return (await prior()) ?? Promise.reject(invitationNotFound());
      if ((inv.expires_at as Date).getTime() < this.now().getTime())
        throw new ConflictError({ code: 'SKM_INVITATION_EXPIRED', title: { id: 'Undangan survei sudah kedaluwarsa', en: 'The survey invitation has expired' } });
      const id = newId();
      const day = localDate(this.now(), t.timeZone);
      await em.query(
        `insert into skm_responses (tenant_id, id, token_digest, plugin_id, service_code, agency_code, local_date, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)`,
        [t.id, id, digest, inv.plugin_id, inv.service_code, inv.agency_code, day, ...values, input.profile.sex, input.profile.ageBand, input.profile.education, input.profile.occupation, input.suggestion ?? null],
      );
      await em.query('update skm_invitations set responded_on = $2, token = null where id = $1', [inv.id, day]);
      return { status: 201 as const, body: { id, recordedOn: day, replayed: false } };
    });
  }

  private static checkPeriod(p: Period) {
    if (p.to < p.from || Date.parse(p.to) - Date.parse(p.from) > 366 * 86_400_000)
      throw new InputError({
        code: 'PERIOD_INVALID',
        title: { id: 'Periode tidak valid', en: 'Invalid period' },
        errors: [{ pointer: '/query/to', message: { id: 'Tanggal akhir harus sama atau setelah tanggal awal (maks. 366 hari).', en: 'The end date must not precede the start (at most 366 days).' } }],
      });
  }

  private report(result: IkmResult | null, sample: { population: number; basis: string }) {
    const min = minimumSample(sample.population);
    const n = result?.respondents ?? 0;
    return {
      ...(result ?? { respondents: 0, elements: [], weightedNrr: null, ikm: null, category: null, performance: null, weighting: WEIGHTING, lowest: null }),
      sample: {
        population: sample.population,
        populationBasis: sample.basis,
        krejcieMorgan: { tableN: min.tableN, minimum: min.minimum },
        sufficient: n >= min.minimum,
        ...(n < min.minimum
          ? { warning: { id: `Responden ${n} di bawah sampel minimum ${min.minimum} (Krejcie–Morgan, populasi ${sample.population}).`, en: `${n} respondents is below the minimum sample ${min.minimum} (Krejcie–Morgan, population ${sample.population}).` } }
          : {}),
      },
    };
  }

  /** Raw sums per (agency, plugin, service) in a period, for one tenant. */
  private async sums(em: EntityManager, p: Period, filter: { agency?: string; service?: string } = {}) {
    const [pluginId, serviceCode] = filter.service ? filter.service.split('.') : [null, null];
    return (await em.query(
      `select agency_code, plugin_id, service_code, count(*)::int as n, ${SUMS} from skm_responses
        where local_date between $1::date and $2::date and ($3::text is null or agency_code = $3) and ($4::text is null or (plugin_id = $4 and service_code = $5))
        group by agency_code, plugin_id, service_code order by agency_code, plugin_id, service_code`,
      [p.from, p.to, filter.agency ?? null, pluginId, serviceCode],
    )) as (SumRow & { agency_code: string; plugin_id: string; service_code: string })[];
  }

  /** Service users in the period: applications completed (tenant-local dates), the regulation's population. */
  private async served(em: EntityManager, t: Tenant, p: Period, filter: { agency?: string; service?: string }) {
    const [pluginId, serviceCode] = filter.service ? filter.service.split('.') : [null, null];
    const r = (await em.query(
      `select count(*)::int as n from applications where status = 'completed' and (completed_at at time zone $3)::date between $1::date and $2::date
         and ($4::text is null or agency_code = $4) and ($5::text is null or (plugin_id = $5 and service_code = $6))`,
      [p.from, p.to, t.timeZone, filter.agency ?? null, pluginId, serviceCode],
    )) as { n: number }[];
    return r[0]!.n;
  }

  /**
   * IKM of a tenant for a period: tenant-wide (sample checked against the tenant's population in
   * the control plane), or for one agency or service (sample checked against its service users in
   * the period), with the per-service breakdown.
   */
  async ikm(t: Tenant, p: Period, filter: { agency?: string; service?: string } = {}) {
    SkmService.checkPeriod(p);
    return this.tx(t, async (em) => {
      const rows = await this.sums(em, p, filter);
      const total = rows.reduce((acc, r) => addSums(acc, sumsOf(r)), Array(9).fill(0) as number[]);
      const n = rows.reduce((a, r) => a + r.n, 0);
      const scope = filter.service ? { scope: 'service', key: filter.service } : filter.agency ? { scope: 'agency', key: filter.agency } : { scope: 'tenant', key: t.slug };
      const sample =
        scope.scope === 'tenant'
          ? { population: t.population, basis: 'tenant-population (control plane)' }
          : { population: await this.served(em, t, p, filter), basis: 'service-users (applications completed in the period)' };
      const services = await Promise.all(
        rows.map(async (r) => {
          const f = { service: `${r.plugin_id}.${r.service_code}` };
          return { service: f.service, agency: r.agency_code, ...this.report(computeIkm(sumsOf(r), r.n), { population: await this.served(em, t, p, f), basis: 'service-users (applications completed in the period)' }) };
        }),
      );
      return { tenant: { slug: t.slug, name: t.name }, ...scope, period: p, ...this.report(computeIkm(total, n), sample), services };
    });
  }

  /** An agency's services across every tenant and region: aggregates only (no response rows, no profiles). */
  async agencyAcrossRegions(agency: string, p: Period) {
    SkmService.checkPeriod(p);
    const tenants = await this.tenants.list();
    const perTenant: { tenant: string; tenantName: string; region: string; service: string; n: number; sums: number[] }[] = [];
    for (const t of tenants) {
      const rows = await this.tx(t, (em) => this.sums(em, p, { agency }));
      for (const r of rows) perTenant.push({ tenant: t.slug, tenantName: t.name, region: t.homeRegion, service: `${r.plugin_id}.${r.service_code}`, n: r.n, sums: sumsOf(r) });
    }
    const byService = new Map<string, { n: number; sums: number[] }>();
    for (const r of perTenant) {
      const acc = byService.get(r.service) ?? { n: 0, sums: Array(9).fill(0) as number[] };
      byService.set(r.service, { n: acc.n + r.n, sums: addSums(acc.sums, r.sums) });
    }
    const all = perTenant.reduce((acc, r) => ({ n: acc.n + r.n, sums: addSums(acc.sums, r.sums) }), { n: 0, sums: Array(9).fill(0) as number[] });
    return {
      agency,
      period: p,
      weighting: WEIGHTING,
      overall: computeIkm(all.sums, all.n),
      services: [...byService].map(([service, v]) => ({ service, ...computeIkm(v.sums, v.n)! })),
      byTenant: perTenant.map((r) => ({ tenant: r.tenant, tenantName: r.tenantName, region: r.region, service: r.service, ...computeIkm(r.sums, r.n)! })),
    };
  }

  /** The ministry's view: tenant-wide IKM per tenant (aggregates only). */
  async national(p: Period) {
    SkmService.checkPeriod(p);
    const items = [];
    for (const t of await this.tenants.list()) {
      const rows = await this.tx(t, (em) => this.sums(em, p));
      const n = rows.reduce((a, r) => a + r.n, 0);
      const sums = rows.reduce((acc, r) => addSums(acc, sumsOf(r)), Array(9).fill(0) as number[]);
      const r = this.report(computeIkm(sums, n), { population: t.population, basis: 'tenant-population (control plane)' });
      items.push({ tenant: t.slug, tenantName: t.name, region: t.homeRegion, respondents: r.respondents, ikm: r.ikm, category: r.category, weightedNrr: r.weightedNrr, lowest: r.lowest, elements: r.elements, sample: r.sample });
    }
    return { period: p, weighting: WEIGHTING, items };
  }

  /**
   * Closes a period's analysis: opens a follow-up task (rencana tindak lanjut) on the weakest
   * unsur of the tenant and of each service with responses — once per scope and period.
   */
  async openFollowUps(t: Tenant, by: string, p: Period) {
    const report = await this.ikm(t, p);
    const scopes = [
      ...(report.lowest ? [{ scope: 'tenant', key: t.slug, r: report }] : []),
      ...report.services.filter((s) => s.lowest).map((s) => ({ scope: 'service', key: s.service, r: s })),
    ];
    await this.tx(t, async (em) => {
      for (const s of scopes)
        await em.query(
          `insert into skm_followups (tenant_id, id, scope, scope_key, period_from, period_to, element, nrr, ikm, respondents, status, created_by)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'open',$11) on conflict (tenant_id, scope, scope_key, period_from, period_to) do nothing`,
          [t.id, newId(), s.scope, s.key, p.from, p.to, s.r.lowest!.element, s.r.lowest!.nrr, s.r.ikm, s.r.respondents, by],
        );
    });
    return { period: p, ikm: report.ikm, category: report.category, items: await this.followUps(t, { from: p.from, to: p.to }) };
  }

  async followUps(t: Tenant, filter: { status?: 'open' | 'closed'; from?: string; to?: string }) {
    return this.tx(t, async (em) => {
      const rows = (await em.query(
        `select id, scope, scope_key, to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to, element, nrr::float as nrr, ikm::float as ikm, respondents,
                status, plan, result_note, created_by, created_at, closed_by, closed_at
           from skm_followups where ($1::text is null or status = $1) and ($2::date is null or period_from = $2) and ($3::date is null or period_to = $3)
          order by created_at desc, scope, scope_key`,
        [filter.status ?? null, filter.from ?? null, filter.to ?? null],
      )) as Record<string, any>[];
      return rows.map((r) => ({
        id: r.id as string,
        scope: r.scope as string,
        scopeKey: r.scope_key as string,
        period: { from: r.period_from as string, to: r.period_to as string },
        element: r.element as string,
        elementName: ELEMENT_NAMES[r.element as keyof typeof ELEMENT_NAMES],
        nrr: r.nrr as number,
        ikm: r.ikm as number,
        respondents: r.respondents as number,
        status: r.status as string,
        plan: r.plan as string | null,
        result: r.result_note as string | null,
        createdAt: (r.created_at as Date).toISOString(),
        closedBy: r.closed_by as string | null,
        closedAt: (r.closed_at as Date | null)?.toISOString() ?? null,
      }));
    });
  }

  async closeFollowUp(t: Tenant, by: string, id: string, input: { plan?: string; result: string }) {
    await this.tx(t, async (em) => {
      const r = ((await em.query('select status from skm_followups where id = $1 for update', [id])) as { status: string }[])[0];
      if (!r) throw new NotFoundError({ code: 'SKM_FOLLOWUP_NOT_FOUND', title: { id: 'Tindak lanjut tidak ditemukan', en: 'Follow-up not found' } });
      if (r.status === 'closed') throw new ConflictError({ code: 'SKM_FOLLOWUP_CLOSED', title: { id: 'Tindak lanjut sudah ditutup', en: 'The follow-up is already closed' } });
      await em.query(`update skm_followups set status = 'closed', plan = coalesce($2, plan), result_note = $3, closed_by = $4, closed_at = $5 where id = $1`, [id, input.plan ?? null, input.result, by, this.now()]);
      await recordAudit(em, { tenantId: t.id, actor: by, action: 'skm.followup.closed', subject: `skm-followup:${id}`, data: { result: input.result } });
    });
    return (await this.followUps(t, {})).find((f) => f.id === id)!;
  }

  /** The scheduled job: the previous calendar quarter's follow-ups for every tenant of a region. */
  async quarterlyFollowUps(region: string) {
    const now = this.now();
    const q = Math.floor(now.getUTCMonth() / 3);
    const start = new Date(Date.UTC(now.getUTCFullYear(), (q - 1) * 3, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 0));
    const p = { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
    for (const t of await this.tenants.list({ region })) {
      const r = await this.openFollowUps(t, 'system', p);
      if (r.items.length) this.logger.info({ tenant: t.slug, period: p, followUps: r.items.length }, 'SKM follow-ups opened');
    }
  }
}
