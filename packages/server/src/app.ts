import express, { type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { Logger } from 'pino';
import type { SatupintuConfig } from '@satupintu/core';
import type { Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import { ApiRegistry, type GuardFactory } from './api.js';
import { healthRoutes } from './health.js';
import { IdempotencyStore } from './idempotency.js';
import type { JobQueues } from './jobs.js';
import { httpLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { buildOpenApi } from './openapi.js';
import { notFoundHandler, problemHandler } from './problem.js';
import { tenantRateLimits } from './ratelimit.js';
import { RegionService } from './modules/regions/service.js';
import { regionRoutes } from './modules/regions/routes.js';
import { TenantService } from './modules/tenants/service.js';
import { tenantRoutes } from './modules/tenants/routes.js';
import { wilayahRoutes } from './modules/wilayah/routes.js';
import { identityRoutes } from './modules/identity/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { PluginRegistry } from './modules/plugins/service.js';
import { pluginRoutes } from './modules/plugins/routes.js';
import { InstallationService } from './modules/installations/service.js';
import { installationRoutes } from './modules/installations/routes.js';
import { CatalogService } from './modules/catalog/service.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { ApplicationService } from './modules/applications/service.js';
import { applicationRoutes } from './modules/applications/routes.js';
import { SlaCalendar } from './modules/workflow/sla.js';
import { workflowRoutes } from './modules/workflow/routes.js';
import { AppointmentService } from './modules/appointments/service.js';
import { appointmentRoutes } from './modules/appointments/routes.js';
import { OnboardingService } from './modules/onboarding/service.js';
import { onboardingRoutes } from './modules/onboarding/routes.js';
import { Cockpit } from './modules/monitoring/cockpit.js';
import { monitoringRoutes } from './modules/monitoring/routes.js';
import { ComplaintService } from './modules/complaints/service.js';
import { ComplaintWebhooks } from './modules/complaints/webhook.js';
import { complaintRoutes } from './modules/complaints/routes.js';
import { SkmService } from './modules/skm/service.js';
import { skmRoutes } from './modules/skm/routes.js';
import { webApp } from './web.js';

export { PLATFORM_VERSION } from '@satupintu/core';
import { PLATFORM_VERSION } from '@satupintu/core';

export interface AppDeps {
  config: SatupintuConfig;
  logger: Logger;
  dbs: Databases;
  store: ObjectStore;
  jobs: JobQueues;
  guards: GuardFactory;
  /** Base URL of the Keycloak (or embedded issuer) serving realm `config.keycloak.realm`. */
  authServerUrl: string;
  /** Extra handlers mounted before the API (the embedded issuer at /realms/...). */
  mounts?: { path: string; handler: express.RequestHandler }[];
  isShuttingDown?: () => boolean;
}

export interface App {
  express: Express;
  api: ApiRegistry;
  services: { tenants: TenantService; regions: RegionService; plugins: PluginRegistry; installations: InstallationService; catalog: CatalogService; applications: ApplicationService; appointments: AppointmentService; onboarding: OnboardingService; cockpit: Cockpit; complaints: ComplaintService; skm: SkmService };
  metrics: Metrics;
}

/** The composition root: every module is wired here and nowhere else. */
export function createApp(deps: AppDeps): App {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  const metrics = new Metrics();
  app.use(httpLogger(deps.logger));
  app.use(metrics.middleware());
  for (const m of deps.mounts ?? []) app.use(m.path, m.handler);

  healthRoutes(app, { dbs: deps.dbs, store: deps.store, jobs: deps.jobs, isShuttingDown: deps.isShuttingDown ?? (() => false) });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const router = express.Router();
  router.use(express.json({ limit: '1mb', strict: true }));
  const api = new ApiRegistry(router, deps.guards, tenantRateLimits(deps.config.rateLimits));
  const tenants = new TenantService(deps.dbs, deps.logger);
  const regions = new RegionService(deps.dbs, deps.config);
  const idempotency = IdempotencyStore.control(deps.dbs.control);
  const plugins = new PluginRegistry(deps.dbs, deps.logger);
  const installations = new InstallationService(deps.dbs, plugins);
  const catalog = new CatalogService(plugins, installations);
  const applications = new ApplicationService(deps.dbs, deps.store, plugins, installations, catalog.validators, deps.logger, new SlaCalendar(deps.dbs));
  identityRoutes(api);
  regionRoutes(api, regions);
  const onboarding = new OnboardingService(deps.dbs, tenants, plugins, installations);
  const cockpit = new Cockpit(deps.dbs);
  tenantRoutes(api, tenants, idempotency, deps.config, onboarding);
  wilayahRoutes(api);
  auditRoutes(api, deps.dbs, tenants);
  pluginRoutes(api, plugins);
  installationRoutes(api, tenants, installations);
  catalogRoutes(api, tenants, catalog);
  applicationRoutes(api, tenants, applications, deps.dbs);
  workflowRoutes(api, deps.dbs, tenants, applications);
  const appointments = new AppointmentService(deps.dbs, plugins, installations);
  appointmentRoutes(api, tenants, appointments);
  onboardingRoutes(api, tenants, onboarding);
  monitoringRoutes(api, tenants, cockpit);
  // Complaints (SP4N-LAPOR!) and the satisfaction survey (SKM/IKM); their jobs are registered in platform.ts.
  const complaints = new ComplaintService(deps.dbs, deps.store, plugins, new SlaCalendar(deps.dbs), new ComplaintWebhooks(deps.dbs, deps.jobs, deps.logger), deps.logger);
  complaintRoutes(api, tenants, complaints, deps.dbs);
  const skm = new SkmService(deps.dbs, tenants, deps.logger);
  skmRoutes(api, tenants, skm);

  const openapi = () =>
    buildOpenApi(api, {
      version: PLATFORM_VERSION,
      openIdConnectUrl: `${deps.authServerUrl}/realms/${deps.config.keycloak.realm}/.well-known/openid-configuration`,
    });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi());
  });
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/openapi.json' }, customSiteTitle: 'Satupintu API' }));
  app.use(router);
  app.use(webApp({ authority: `${deps.authServerUrl}/realms/${deps.config.keycloak.realm}`, clientId: 'satupintu-web' }));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return { express: app, api, services: { tenants, regions, plugins, installations, catalog, applications, appointments, onboarding, cockpit, complaints, skm }, metrics };
}
