import { FormValidatorCache } from '@satupintu/forms';
import type { ApplicationMoment, Kernel, Module } from './kernel.js';
import { OrphanSweeper } from './orphans.js';
import { applicationsModule, forgetCreateKeys } from './modules/applications/index.js';
import { signaturesModule } from './modules/signatures/index.js';
import { auditModule } from './modules/audit/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { catalogModule } from './modules/catalog/index.js';
import { identityModule } from './modules/identity/index.js';
import { installationsModule } from './modules/installations/index.js';
import { pluginsModule } from './modules/plugins/index.js';
import { referenceModule } from './modules/reference/index.js';
import { tenantsModule, type KajiTiru, type TenantPass } from './modules/tenants/index.js';
import { appointmentsModule } from './modules/appointments/index.js';
import { skmModule } from './modules/skm/index.js';
import { journeysModule } from './modules/journeys/index.js';
import { onboardingModule } from './modules/onboarding/index.js';
import { monitoringModule } from './modules/monitoring/index.js';
import { historyModule, visitsPerTenant } from './modules/history/index.js';
import { complaintsModule } from './modules/complaints/index.js';
import { idempotencyModule } from './modules/idempotency/index.js';
import { privacyModule } from './modules/privacy/index.js';
import { eventsModule } from './modules/events/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { paymentsModule } from './modules/payments/index.js';
import { distributionModule } from './modules/distribution/index.js';
import { monevModule } from './modules/monev/index.js';
import { ossModule } from './modules/oss/index.js';
// [imports]

/**
 * The composition root: every module is built here from the kernel, in dependency order, and
 * nowhere else. The server (both process roles), the CLI and the tests all start from it.
 * Modules never import each other's internals; what one needs of another is passed in here,
 * and what must happen across modules inside one transaction is a domain event (kernel.ts).
 */
export function compose(k: Kernel) {
  const validators = new FormValidatorCache();
  const sweeper = new OrphanSweeper(k.uow, k.store);
  let kajiTiru: KajiTiru | undefined;

  // The time-based jobs' passes over one tenant, which a sandbox's advance runs (ADR 0031): known once every module is built.
  let passes: readonly TenantPass[] = [];
  const tenants = tenantsModule(k, {
    kajiTiru: () => {
      if (!kajiTiru) throw new Error('kaji tiru is not wired');
      return kajiTiru;
    },
    passes: () => passes,
  });
  const reference = referenceModule(k);
  const plugins = pluginsModule(k);
  const installations = installationsModule(k, { registry: plugins.registry });
  const catalog = catalogModule(k, { registry: plugins.registry, installations: installations.service, validators });
  const calendar = calendarModule(k);
  // Part "fees" (issue 23): PAdES keys per agency and the public verification of issued documents.
  const signatures = signaturesModule(k, { registry: plugins.registry });
  const applications = applicationsModule(k, {
    signatures: signatures.service,
    registry: plugins.registry,
    installations: installations.service,
    calendar: calendar.service,
    validators,
    tenants: tenants.service,
    sweeper,
  });
  const appointments = appointmentsModule(k, { installations: installations.service, calendar: calendar.service });
  const skm = skmModule(k, { tenants: tenants.service });
  // A completed application invites its citizen to the SKM, inside the completing transaction.
  k.events.on('application.completed', (tx, e) => skm.service.invite(tx, e));
  const onboarding = onboardingModule(k, { tenants: tenants.service, registry: plugins.registry, installations: installations.service });
  kajiTiru = onboarding.kajiTiru;
  const monitoring = monitoringModule(k, { tenants: tenants.service, readiness: onboarding.readiness });
  const complaints = complaintsModule(k, { installations: installations.service, calendar: calendar.service, tenants: tenants.service, sweeper });
  const privacy = privacyModule(k, { tenants: tenants.service });
  // Signed events (Standard Webhooks): the complaint webhook facade publishes through it.
  const events = eventsModule(k, { tenants: tenants.service, attach: [complaints.webhooks] });
  // Notifications: the outbox's consumer (WhatsApp → SMS → email by consent). Application moves reach the outbox as domain events.
  const notifications = notificationsModule(k, { registry: plugins.registry, installations: installations.service, tenants: tenants.service, applications: applications.service });
  k.events.on('application.submitted', (tx, e) => tx.outbox('application.submitted', { ...e, dueAt: e.dueAt?.toISOString() ?? null }));
  k.events.on('application.moved', (tx, e) => tx.outbox('application.moved', { ...e }));
  // Agencies' systems hear the same moves as thin signed events (ids and codes; details through the API).
  const thin = (e: ApplicationMoment, state: string) => ({ tenant: e.tenant, application: e.applicationId, trackingCode: e.trackingCode, service: `${e.pluginId}.${e.serviceCode}`, agency: e.agencyCode, state });
  k.events.on('application.submitted', async (tx, e) => void (await events.service.publish(tx, 'application.submitted', thin(e, 'submitted'), { agency: e.agencyCode })));
  k.events.on('appointment.booked', async (tx, e) => void (await events.service.publish(tx, 'appointment.booked', { tenant: e.tenant, appointment: e.booking, service: e.service, agency: e.agency, date: e.date }, { agency: e.agency })));
  k.events.on('appointment.cancelled', async (tx, e) => void (await events.service.publish(tx, 'appointment.cancelled', { tenant: e.tenant, appointment: e.booking, service: e.service, agency: e.agency, date: e.date, by: e.by }, { agency: e.agency })));
  k.events.on('notification.failed', async (tx, e) => void (await events.service.publish(tx, 'notification.failed', { tenant: e.tenant, notification: e.notification, channel: e.channel, reason: e.reason })));
  k.events.on('application.moved', async (tx, e) => {
    await events.service.publish(tx, 'application.state_changed', thin(e, e.to), { agency: e.agencyCode });
    if (e.status === 'completed') await events.service.publish(tx, 'application.completed', thin(e, e.to), { agency: e.agencyCode });
  });
  // Issue 23 (versions): auto-upgrades, version distribution, an agency's view of every region.
  const distribution = distributionModule(k, { tenants: tenants.service, installations: installations.service, registry: plugins.registry });
  // Issue 23 (sla): journeys across agencies (ETA, the shared applicant profile with consent).
  const journeys = journeysModule(k, { installations: installations.service, calendar: calendar.service });
  // History imported from a regency's earlier systems, and visits per tenant (ADR 0032).
  const history = historyModule(k, { tenants: tenants.service });
  // Ministry Monev (issue 23); its evidence pack counts visits from the national store of visits (ADR 0032).
  const monev = monevModule(k, {
    onboarding: onboarding.service, skm: skm.service, complaints: complaints.stats, registry: plugins.registry,
    visits: async ({ tenantId, from, to }) => ({
      visits: (await visitsPerTenant(k.control, { from, to, by: 'month', tenantId })).reduce((n, r) => n + r.walkIn + r.booked, 0),
      source: 'check-ins, walk-in queue tickets and imported visits (national_visits_daily)',
    }),
  });
  // Issue 24 (oss): OSS-RBA — NIB lookup into DPMPTSP drafts, status and permit pushes queued in the moving transaction.
  const oss = ossModule(k, { registry: plugins.registry, applications: applications.service, tenants: tenants.service });
  k.events.on('application.submitted', async (tx, e) => {
    const t = await tenants.service.directory.find(e.tenant);
    if (t) await oss.service.onSubmitted(tx, t, e);
  });
  k.events.on('application.moved', async (tx, e) => {
    const t = await tenants.service.directory.find(e.tenant);
    if (t) await oss.service.onMoved(tx, t, e);
  });
  // Issue 24 (payments): assess, route, record, reconcile — the platform never holds money.
  const payments = paymentsModule(k, { tenants: tenants.service, installations: installations.service, applications: applications.service, actions: () => applications.actions });
  // [modules]

  const modules: Module[] = [
    identityModule(),
    reference,
    tenants,
    auditModule(k),
    plugins,
    installations,
    catalog,
    calendar,
    applications,
    signatures,
    appointments,
    skm,
    onboarding,
    monitoring,
    complaints,
    idempotencyModule(k, { tenants: tenants.service, forget: [forgetCreateKeys] }),
    privacy,
    events,
    notifications,
    distribution,
    monev,
    journeys,
    history,
    oss,
    payments,
    // [module-list]
  ];
  passes = modules.flatMap((m) => (m.jobs ?? []).flatMap((j) => (j.forTenant ? [{ name: j.name, ...(j.cron ? { cron: j.cron } : {}), forTenant: j.forTenant }] : [])));
  const services = {
    tenants: tenants.service,
    sandboxes: tenants.sandboxes,
    regions: reference.regions,
    plugins: plugins.registry,
    installations: installations.service,
    catalog: catalog.service,
    calendar: calendar.service,
    applications: applications.service,
    documents: applications.documents,
    actions: applications.actions,
    payments: payments.service,
    validators,
    sweeper,
    appointments: appointments.service,
    skm: skm.service,
    onboarding: onboarding.service,
    cockpit: monitoring.cockpit,
    complaints: complaints.service,
    complaintWebhooks: complaints.webhooks,
    lapor: complaints.lapor,
    privacy: privacy.service,
    journeys: journeys.service,
    signedEvents: events.service,
    notifications: notifications.service,
    signatures: signatures.service,
    notificationProviders: notifications.providers,
    fleet: distribution.fleet,
    monev: monev.service,
    history: history.service,
    oss: oss.service,
    // [services]
  };
  return { modules, services };
}

export type Composition = ReturnType<typeof compose>;
export type Services = Composition['services'];
