import type { TenantTx, UnitOfWork } from '@satupintu/db';
import type { Ctx, TenantCtx, TenantUserCtx } from '../../context.js';
import type { DomainEvents } from '../../kernel.js';
import type { TenantService } from '../tenants/index.js';
import { FollowUpService } from './followups.js';
import type { Period } from './period.js';
import { ReportService, checkPeriod, type IkmFilter } from './reports.js';
import { SurveyService, type SkmAnswerInput } from './survey.js';
import { PublicationService, type PublicationInput } from './publications.js';
import { responseQueries } from './queries.js';

/**
 * SKM / IKM (PermenPANRB 14/2017; docs/skm.md): the module's one service, its rules split in
 * survey.ts (invitations and anonymous answers), reports.ts (IKM per tenant, agency, nation) and
 * followups.ts (tasks on the weakest unsur and the quarterly job). Arithmetic lives in ikm.ts.
 */
export class SkmService {
  readonly survey: SurveyService;
  readonly reports: ReportService;
  readonly followUpRules: FollowUpService;
  readonly publications: PublicationService;

  private readonly uow: UnitOfWork;

  constructor(d: { uow: UnitOfWork; tenants: TenantService }) {
    this.uow = d.uow;
    this.survey = new SurveyService(d.uow);
    this.reports = new ReportService(d.uow, d.tenants);
    this.followUpRules = new FollowUpService(d.uow, this.reports, d.tenants);
    this.publications = new PublicationService(d.uow);
  }

  /** The `application.completed` handler: runs inside the completing transaction. */
  invite(tx: TenantTx, e: DomainEvents['application.completed']) {
    return this.survey.invite(tx, e);
  }

  invitations(ctx: TenantUserCtx, query: { limit?: number; cursor?: string } = {}) {
    return this.survey.invitations(ctx, query);
  }

  invitationForApplication(ctx: TenantUserCtx, applicationId: string) {
    return this.survey.invitationForApplication(ctx, applicationId);
  }

  respond(ctx: TenantCtx, input: SkmAnswerInput) {
    return this.survey.respond(ctx, input);
  }

  ikm(ctx: TenantCtx, p: Period, filter: IkmFilter = {}) {
    return this.reports.ikm(ctx, p, filter);
  }

  agencyAcrossRegions(ctx: Ctx, agency: string, p: Period) {
    return this.reports.agencyAcrossRegions(ctx, agency, p);
  }

  national(ctx: Ctx, p: Period) {
    return this.reports.national(ctx, p);
  }

  openFollowUps(ctx: TenantUserCtx, p: Period) {
    return this.followUpRules.open(ctx, p);
  }

  /** One page of follow-ups (filters and page parameters as the list route takes them). */
  followUps(ctx: TenantCtx, query: { status?: 'open' | 'closed'; from?: string; to?: string; limit?: number; cursor?: string } = {}) {
    return this.followUpRules.page(ctx, query);
  }

  closeFollowUp(ctx: TenantUserCtx, id: string, input: { plan?: string; result: string; evidenceUrl?: string }) {
    return this.followUpRules.close(ctx, id, input);
  }

  assignFollowUp(ctx: TenantUserCtx, id: string, input: { owner?: string; dueOn?: string; plan?: string }) {
    return this.followUpRules.assign(ctx, id, input);
  }

  /** What the SKM report export holds: the IKM report, the follow-ups and the publication log of the period, read in one unit of work. */
  async reportExport(ctx: TenantCtx, p: Period) {
    checkPeriod(p);
    return this.uow.read(ctx, async (tx) => {
      const staff = this.publications.isStaff(ctx);
      return {
        report: await this.reports.ikmIn(tx.sql, ctx.tenant, p),
        followUps: await this.followUpRules.overlappingIn(tx.sql, ctx.tenant, p, ctx.now, staff),
        publications: await this.publications.overlappingIn(tx.sql, p, staff),
        profile: await responseQueries.profile(tx.sql, p),
      };
    });
  }

  recordPublication(ctx: TenantUserCtx, input: PublicationInput) {
    return this.publications.record(ctx, input);
  }

  publicationPage(ctx: TenantCtx, query: { from?: string; to?: string; limit?: number; cursor?: string }) {
    return this.publications.page(ctx, query);
  }

  nationalFollowUps(ctx: Ctx, p: Period) {
    return this.followUpRules.national(ctx, p);
  }
}
