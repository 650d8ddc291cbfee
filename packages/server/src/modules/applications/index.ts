import type { TenantTx } from '@satupintu/db';
import type { FormValidatorCache } from '@satupintu/forms';
import type { Kernel, Module } from '../../kernel.js';
import type { OrphanSweeper } from '../../orphans.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { ActionService } from './actions.js';
import { ConsentScanService, consentScanRoutes } from './consent-scans.js';
import { applicantRoutes } from './applicants.js';
import { DocumentService } from './documents.js';
import { escalationJob } from './escalation.js';
import { reconcileJob } from './reconciler.js';
import { recomputeDuesJob } from './recompute.js';
import { applicationQueries } from './queries.js';
import { applicationRoutes } from './routes.js';
import { ApplicationService } from './service.js';

export { ApplicationService, type CreateApplicationInput } from './service.js';
export { DocumentService } from './documents.js';
export { ActionService } from './actions.js';
export { escalateOverdue, ESCALATE_JOB } from './escalation.js';
export { RECONCILE_JOB } from './reconciler.js';
export { recomputeDues } from './recompute.js';
export { applicationNotFound } from './errors.js';
export type { ApplicationView } from './view.js';

/**
 * The idempotency purge's hook (modules/idempotency): applications written before keys lived in
 * the unit of work's own records kept the client's raw Idempotency-Key in `create_key`; the
 * purge forgets those past the 24 hours a key answers retries.
 */
export async function forgetCreateKeys(tx: TenantTx, before: Date): Promise<void> {
  await applicationQueries.forgetCreateKeys(tx.sql, before);
}

export interface ApplicationsModule extends Module {
  service: ApplicationService;
  documents: DocumentService;
  actions: ActionService;
}

/** Applications, their documents and SOP actions, the officer queue, SLA escalation and the orphan sweep. */
export function applicationsModule(
  k: Kernel,
  deps: { registry: PluginRegistry; installations: InstallationService; calendar: CalendarService; validators: FormValidatorCache; tenants: TenantService; sweeper: OrphanSweeper },
): ApplicationsModule {
  const d = { uow: k.uow, events: k.events, registry: deps.registry, installations: deps.installations, calendar: deps.calendar, validators: deps.validators };
  const service = new ApplicationService(d);
  const documents = new DocumentService(d, service, k.store);
  const actions = new ActionService(d, service, k.store);
  const consentScans = new ConsentScanService(k.uow, k.store);
  return {
    name: 'applications',
    service,
    documents,
    actions,
    routes: (api) => {
      applicationRoutes(api, { apps: service, documents, actions, publicUrl: k.config.publicUrl });
      applicantRoutes(api, k.uow);
      consentScanRoutes(api, consentScans, (ctx, id) => service.accessCheck(ctx, id));
    },
    jobs: [escalationJob(k.uow, deps.tenants), reconcileJob(deps.sweeper), recomputeDuesJob(k.uow, deps.calendar, deps.registry, deps.tenants)],
  };
}
