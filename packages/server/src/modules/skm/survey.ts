import { createHash, randomBytes } from 'node:crypto';
import { localDate, newId } from '@satupintu/core';
import type { TenantTx, UnitOfWork } from '@satupintu/db';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import type { DomainEvents } from '../../kernel.js';
import { alreadyAnswered, invitationExpired, invitationNotFound } from './errors.js';
import { ELEMENTS, PROFILE } from './ikm.js';
import { invitationQueries, responseQueries, SCORE_COLUMNS, type ResponseRow } from './queries.js';
import type { SkmApplicationInvitationView, SkmInvitationView } from './schemas.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';

/** An invitation is open this long after the completion. */
export const INVITATION_DAYS = 30;

export interface SkmAnswerInput {
  /** The invitation token (from the list, the QR code or the message). */
  invitation: string;
  answers: Record<(typeof ELEMENTS)[number], number>;
  profile: { sex: (typeof PROFILE.sex)[number]; ageBand: (typeof PROFILE.ageBand)[number]; education: (typeof PROFILE.education)[number]; occupation: (typeof PROFILE.occupation)[number] };
  suggestion?: string;
}

export interface SkmAnswer {
  id: string;
  recordedOn: string;
  /** The same answers came before: this is the first response. */
  replayed: boolean;
}

const digestOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The stored response is these very answers (a retry), as opposed to different ones. */
function sameAnswers(r: ResponseRow, input: SkmAnswerInput): boolean {
  const p = input.profile;
  return ELEMENTS.every((e, i) => r[SCORE_COLUMNS[i]!] === input.answers[e]) && r.sex === p.sex && r.age_band === p.ageBand && r.education === p.education && r.occupation === p.occupation;
}

/**
 * The survey itself: an invitation when a service completes (inside the completing transaction,
 * through the `application.completed` domain event), anonymous answers by token. The token is
 * erased when answered; the response keeps only its digest and the local date, so no one can link
 * an answer to the person or the application.
 */
export class SurveyService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Handles `application.completed` in the completing unit of work: one invitation per application
   * (a retried completion adds nothing) and its `skm.invitation` notice in the outbox — to the
   * citizen, or to the counter for applications filed there (the officer hands over a QR code).
   */
  async invite(tx: TenantTx, e: DomainEvents['application.completed']): Promise<void> {
    const id = newId();
    const token = randomBytes(24).toString('base64url');
    const invited = await invitationQueries.insert(tx.sql, {
      tenantId: tx.tenantId, id, token, applicationId: e.applicationId, pluginId: e.pluginId, serviceCode: e.serviceCode, agencyCode: e.agencyCode,
      respondentSub: e.applicantSub, now: tx.now, expiresAt: new Date(tx.now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    if (!invited) return;
    await this.combine(tx, id, e.applicationId);
    await tx.outbox('skm.invitation', {
      to: e.applicantSub ? [`citizen:${e.applicantSub}`] : ['counter'], application: e.applicationId, trackingCode: e.trackingCode, invitation: id, token, service: `${e.pluginId}.${e.serviceCode}`,
    });
  }

  /**
   * Issue 23 (sla). Where the tenant opts in (`PUT …/skm/settings`), the last step of a journey —
   * an application carrying earlier applications' outputs as documents — invites to ONE survey for
   * the whole journey: the earlier steps' unanswered invitations close into it, and its answer is
   * recorded once for each of their agencies too, so each agency's IKM counts it (PermenPANRB
   * 14/2017: IKM per unit). An earlier step already answered is not counted twice.
   */
  private async combine(tx: TenantTx, invitationId: string, applicationId: string): Promise<void> {
    if (!(await invitationQueries.combinedJourneySurvey(tx.sql))) return;
    const sources = await invitationQueries.journeySources(tx.sql, applicationId);
    if (!sources.length) return;
    const merged = new Set(await invitationQueries.merge(tx.sql, invitationId, sources.map((s) => s.application_id), tx.now));
    // A source completed without an invitation yet is impossible (invited on completion); only the merged ones are counted here.
    const steps = sources.filter((s) => merged.has(s.application_id)).map((s) => ({ pluginId: s.plugin_id, serviceCode: s.service_code, agencyCode: s.agency_code }));
    if (steps.length) await invitationQueries.setJourney(tx.sql, invitationId, steps);
  }

  /** The tenant's choice: one combined survey per journey (true) or one per agency (false, the default). */
  async setCombined(ctx: TenantUserCtx, on: boolean): Promise<{ combinedJourneySurvey: boolean }> {
    await this.uow.write(ctx, (tx) => invitationQueries.setCombinedJourneySurvey(tx.sql, { tenantId: ctx.tenant.id, on, by: ctx.identity.subject, now: ctx.now }));
    return { combinedJourneySurvey: on };
  }

  /** One page of the caller's open invitations (with their tokens), newest first. */
  async invitations(ctx: TenantUserCtx, query: { limit?: number; cursor?: string } = {}): Promise<PageOf<SkmInvitationView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.uow.read(ctx, (tx) => invitationQueries.openFor(tx.sql, ctx.identity.subject, ctx.now, req.after, req.limit + 1));
    return pageOf(
      rows,
      req,
      (r) => [r.page_at, r.id],
      (r) => ({
        id: r.id,
        token: r.token,
        ...(r.journey?.length ? { alsoFor: r.journey.map((j) => `${j.pluginId}.${j.serviceCode}`) } : {}),
        service: `${r.plugin_id}.${r.service_code}`,
        agency: r.agency_code,
        applicationTrackingCode: r.tracking_code,
        createdAt: r.created_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
      }),
    );
  }

  /**
   * The invitation of one application, for the counter (an application filed there has no citizen
   * account to list it): the officer of its agency or the coordinator prints its QR code.
   */
  async invitationForApplication(ctx: TenantUserCtx, applicationId: string): Promise<SkmApplicationInvitationView> {
    const r = await this.uow.read(ctx, (tx) => invitationQueries.ofApplication(tx.sql, applicationId));
    const staff = r && ctx.identity.memberships.some((m) => (m.role === 'tenant-admin' && m.tenant === ctx.tenant.slug) || (m.role === 'officer' && m.tenant === ctx.tenant.slug && m.agency === r.agency_code));
    if (!r || !staff) throw invitationNotFound();
    return { id: r.id, token: r.token, service: `${r.plugin_id}.${r.service_code}`, applicationTrackingCode: r.tracking_code, expiresAt: r.expires_at.toISOString(), answered: r.answered };
  }

  /**
   * One response per invitation: a retry with the same answers returns the first (`replayed`),
   * different answers are refused (409), an expired invitation too. One unit of work.
   */
  async respond(ctx: TenantCtx, input: SkmAnswerInput): Promise<SkmAnswer> {
    const digest = digestOf(input.invitation);
    return this.uow.write(ctx, async (tx) => {
      const prior = async (): Promise<SkmAnswer | undefined> => {
        const r = await responseQueries.byDigest(tx.sql, digest);
        if (!r) return undefined;
        if (!sameAnswers(r, input)) throw alreadyAnswered();
        return { id: r.id, recordedOn: r.local_date, replayed: true };
      };
      const answered = await prior();
      if (answered) return answered;
      const inv = await invitationQueries.lockByToken(tx.sql, input.invitation);
      // A concurrent twin may have answered (and erased the token) while this one waited for the lock.
      if (!inv) {
        const twin = await prior();
        if (twin) return twin;
        throw invitationNotFound();
      }
      if (inv.expires_at.getTime() < ctx.now.getTime()) throw invitationExpired();
      const id = newId();
      const day = localDate(ctx.now, ctx.tenant.timeZone);
      await responseQueries.insert(tx.sql, {
        tenantId: ctx.tenant.id, id, digest, pluginId: inv.plugin_id, serviceCode: inv.service_code, agencyCode: inv.agency_code, day,
        scores: ELEMENTS.map((e) => input.answers[e]), profile: input.profile, suggestion: input.suggestion ?? null,
      });
      // A combined journey survey (issue 23, sla): the same answer counts for each earlier step's agency and service.
      for (const step of inv.journey ?? [])
        await responseQueries.insert(tx.sql, {
          tenantId: ctx.tenant.id, id: newId(), digest: digestOf(`${input.invitation}#${step.pluginId}.${step.serviceCode}`), pluginId: step.pluginId, serviceCode: step.serviceCode, agencyCode: step.agencyCode, day,
          scores: ELEMENTS.map((e) => input.answers[e]), profile: input.profile, suggestion: input.suggestion ?? null,
        });
      await invitationQueries.markAnswered(tx.sql, inv.id, day);
      return { id, recordedOn: day, replayed: false };
    });
  }
}
