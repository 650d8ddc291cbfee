import type { Kernel, Module } from '../../kernel.js';
import type { TenantService } from '../tenants/index.js';
import { followUpsJob } from './followups.js';
import { skmRoutes } from './routes.js';
import { SkmService } from './service.js';

export { SkmService } from './service.js';
export { SKM_FOLLOWUPS_JOB } from './followups.js';
export type { FollowUpView, IkmReportView, SkmPublicationView } from './schemas.js';
export { renderSkmReportPdf } from './report-pdf.js';
export { checkPeriod } from './reports.js';
export { periodInvalid } from './errors.js';
export { INVITATION_DAYS, type SkmAnswerInput, type SkmAnswer } from './survey.js';
export { previousQuarter, defaultPeriod, type Period } from './period.js';
export { computeIkm, minimumSample, categoryOf, questionnaire, ELEMENTS, WEIGHTING, type IkmResult } from './ikm.js';

/**
 * SKM / IKM: survey invitations (the handler of `application.completed`, subscribed in
 * `compose()`), anonymous answers, IKM reports, follow-ups and their quarterly job.
 */
export function skmModule(k: Kernel, deps: { tenants: TenantService }): Module & { service: SkmService } {
  const service = new SkmService({ uow: k.uow, tenants: deps.tenants });
  return { name: 'skm', service, routes: (api) => skmRoutes(api, service), jobs: [followUpsJob(service.followUpRules, deps.tenants)] };
}
