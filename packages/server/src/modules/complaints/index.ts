import type { Kernel, Module } from '../../kernel.js';
import { dataKeyring, type DataKeyring } from '../../secrets.js';
import type { OrphanSweeper } from '../../orphans.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService } from '../installations/index.js';
import type { TenantService } from '../tenants/index.js';
import { escalationJob } from './escalation.js';
import { reconcileJob } from './reconciler.js';
import { complaintRoutes } from './routes.js';
import { ComplaintService } from './service.js';
import { ComplaintStats } from './stats.js';
import { ComplaintThread } from './thread.js';
import { webhookRoutes } from './webhook-routes.js';
import { LaporConnector, laporJobs } from './lapor.js';
import { laporRoutes } from './lapor-routes.js';
import { ComplaintWebhooks, webhookJob, type WebhookOptions } from './webhook.js';

export { ComplaintService, type FileComplaintInput, type VerifyInput } from './service.js';
export { ComplaintThread } from './thread.js';
export { ComplaintStats } from './stats.js';
export { ComplaintWebhooks, WEBHOOK_JOB, signBody, verifySignature, CANCELLED_SWITCHED_OFF, CANCELLED_TARGET_CHANGED, type WebhookDeps, type WebhookOptions } from './webhook.js';
export { addressAllowed, resolveTarget, TARGET_FAILURE, type Resolver } from './webhook-target.js';
export { escalateOverdueComplaints, ESCALATE_JOB } from './escalation.js';
export { RECONCILE_JOB } from './reconciler.js';
export { COMPLAINT_LIFECYCLE, MAX_REOPENS, type ComplaintRole } from './lifecycle.js';
export { EXPORT_FIELDS, type ComplaintView } from './view.js';
export { LaporConnector, LAPOR_PUSH_JOB, LAPOR_SYNC_JOB, laporReference, protocolOf, type LaporTuning } from './lapor.js';

export interface ComplaintsModule extends Module {
  service: ComplaintService;
  thread: ComplaintThread;
  stats: ComplaintStats;
  webhooks: ComplaintWebhooks;
  lapor: LaporConnector;
}

/**
 * Complaints (pengaduan, SP4N-LAPOR! rules): the lifecycle run by the workflow engine, the thread
 * and attachments, counts and export, the signed outbound webhook, and the jobs
 * `complaints.escalate` (every minute), `complaints.webhook` (one delivery) and
 * `complaints.reconcile` (every 15 minutes).
 *
 * `deps.webhook.allowLoopbackTargets` (development only; refused in production) lets the webhook
 * deliver to a 127.0.0.1 test receiver; `deps.keyring` overrides the data keyring.
 */
export function complaintsModule(
  k: Kernel,
  deps: { installations: InstallationService; calendar: CalendarService; tenants: TenantService; sweeper: OrphanSweeper; webhook?: WebhookOptions; keyring?: DataKeyring },
): ComplaintsModule {
  // The webhook's signing secrets are sealed under the data key (secrets.ts): DATA_ENCRYPTION_KEY, or one generated for the DATA_DIR in development.
  let ring = deps.keyring;
  const keyring = () => (ring ??= dataKeyring(k.config));
  // Production fails at start without DATA_ENCRYPTION_KEY, not at the first delivery.
  if (k.config.env === 'production') keyring();
  const webhooks = new ComplaintWebhooks({ uow: k.uow, jobs: k.jobs, keyring, env: k.config.env }, deps.webhook);
  // SP4N-LAPOR! (issue 24): the regency's developer account sealed under the same data key.
  const lapor = new LaporConnector({ uow: k.uow, jobs: k.jobs, keyring, env: k.config.env, tenants: deps.tenants });
  const service = new ComplaintService({ uow: k.uow, installations: deps.installations, calendar: deps.calendar, webhooks, lapor });
  const thread = new ComplaintThread({ uow: k.uow }, k.store);
  const stats = new ComplaintStats({ uow: k.uow, tenants: deps.tenants });
  return {
    name: 'complaints',
    service,
    thread,
    stats,
    webhooks,
    lapor,
    routes: (api) => {
      complaintRoutes(api, { complaints: service, thread, stats });
      webhookRoutes(api, webhooks);
      laporRoutes(api, lapor);
    },
    jobs: [escalationJob({ uow: k.uow, webhooks }, deps.tenants), webhookJob(webhooks), reconcileJob(deps.sweeper), ...laporJobs(lapor, deps.tenants)],
  };
}
