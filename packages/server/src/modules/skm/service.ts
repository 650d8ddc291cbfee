import type { TenantTx, UnitOfWork } from '@satupintu/db';
import type { Ctx, TenantCtx, TenantUserCtx } from '../../context.js';
import type { DomainEvents } from '../../kernel.js';
import type { TenantService } from '../tenants/index.js';
import { FollowUpService } from './followups.js';
import type { Period } from './period.js';
import { ReportService, type IkmFilter } from './reports.js';
import { SurveyService, type SkmAnswerInput } from './survey.js';

/**
 * SKM / IKM (PermenPANRB 14/2017; docs/skm.md): the module's one service, its rules split in
 * survey.ts (invitations and anonymous answers), reports.ts (IKM per tenant, agency, nation) and
 * followups.ts (tasks on the weakest unsur and the quarterly job). Arithmetic lives in ikm.ts.
 */
export class SkmService {
  readonly survey: SurveyService;
  readonly reports: ReportService;
  readonly followUpRules: FollowUpService;

  constructor(d: { uow: UnitOfWork; tenants: TenantService }) {
    this.survey = new SurveyService(d.uow);
    this.reports = new ReportService(d.uow, d.tenants);
    this.followUpRules = new FollowUpService(d.uow, this.reports);
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

  closeFollowUp(ctx: TenantUserCtx, id: string, input: { plan?: string; result: string }) {
    return this.followUpRules.close(ctx, id, input);
  }
}
