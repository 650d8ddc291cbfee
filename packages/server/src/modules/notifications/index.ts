import type { Kernel, Module } from '../../kernel.js';
import type { JobSpec } from '../../jobs/spec.js';
import { dataKeyring, type DataKeyring } from '../../secrets.js';
import type { ApplicationService } from '../applications/index.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { TenantService } from '../tenants/index.js';
import { Providers } from './channels.js';
import { notificationRoutes } from './routes.js';
import { DISPATCH_JOB, NotificationService, SEND_JOB, SWEEP_JOB } from './service.js';

export { NotificationService, DISPATCH_JOB, SEND_JOB, SWEEP_JOB, consentStatement, type MessageView, type ContactView } from './service.js';
export { Providers } from './channels.js';
export { CORE_TEMPLATES, templateProblems, type NotificationTemplate } from './templates.js';
export { deriveStatus, afterQuietHours, costOf, nextChannel } from './routing.js';

export interface NotificationsModule extends Module {
  service: NotificationService;
  providers: Providers;
}

/**
 * Notifications (docs/notifications.md, ADR 0027): the outbox's consumer. Jobs:
 * `notifications.dispatch` (a tenant's outbox rows → messages; woken after each commit that
 * wrote outbox rows), `notifications.send` (one attempt of one message), `notifications.sweep`
 * (every minute: what a lost job or a dead process left behind).
 */
export function notificationsModule(
  k: Kernel,
  deps: { registry: PluginRegistry; installations: InstallationService; tenants: TenantService; applications: ApplicationService; keyring?: DataKeyring },
): NotificationsModule {
  let ring = deps.keyring;
  const keyring = () => (ring ??= dataKeyring(k.config));
  const providers = new Providers(k.config.notifications);
  const service = new NotificationService({ uow: k.uow, events: k.events, jobs: k.jobs, registry: deps.registry, installations: deps.installations, tenants: deps.tenants, keyring, config: k.config, providers });
  const jobs: JobSpec[] = [
    {
      name: DISPATCH_JOB,
      run: async (job, data: { region: string; tenantId?: string }) => {
        const ctx = data.tenantId ? await service.jobContext(job, data.region, data.tenantId) : undefined;
        return ctx ? service.dispatch(ctx) : { outbox: 0, notifications: 0 };
      },
    },
    {
      name: SEND_JOB,
      run: async (job, data: { region: string; tenantId?: string; notificationId?: string }) => {
        const ctx = data.tenantId ? await service.jobContext(job, data.region, data.tenantId) : undefined;
        return ctx && data.notificationId ? service.send(ctx, data.notificationId) : 'skipped';
      },
    },
    // A sandbox's advance (ADR 0031) turns its outbox into notifications at each step: in-app inbox only.
    { name: SWEEP_JOB, cron: '* * * * *', run: (job, { region }) => service.sweepRegion(job, region), forTenant: (ctx) => service.dispatch(ctx) },
  ];
  return {
    name: 'notifications',
    service,
    providers,
    routes: (api) => notificationRoutes(api, service, deps.applications),
    jobs,
  };
}
