import express, { type Express, type RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { Logger } from 'pino';
import { PLATFORM_VERSION, type Clock, type SatupintuConfig, type Tenant } from '@satupintu/core';
import type { Databases } from '@satupintu/db';
import type { ObjectStore } from '@satupintu/storage';
import type { Module } from '../kernel.js';
import type { JobQueues } from '../jobs/queues.js';
import { healthRoutes } from './health.js';
import { requestLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { buildOpenApi } from './openapi.js';
import { notFoundHandler, problemHandler } from './problem.js';
import { tenantRateLimits } from './ratelimit.js';
import { RouteTable, type GuardFactory } from './routes.js';
import { webApp } from './web.js';

export interface HttpAppDeps {
  config: SatupintuConfig;
  logger: Logger;
  clock: Clock;
  dbs: Databases;
  store: ObjectStore;
  jobs: JobQueues;
  guards: GuardFactory;
  /** The tenant directory: slug → tenant (cached). */
  tenant: (slug: string) => Promise<Tenant>;
  modules: readonly Module[];
  /** Base URL of the Keycloak (or embedded issuer) serving realm `config.keycloak.realm`. */
  authServerUrl: string;
  /** Extra handlers mounted before the API (the embedded issuer at /realms/...). */
  mounts?: { path: string; handler: RequestHandler }[];
  isShuttingDown?: () => boolean;
}

export interface HttpApp {
  express: Express;
  routes: RouteTable;
  metrics: Metrics;
}

/** The API process's HTTP face: operations endpoints, every module's routes, the OpenAPI document, the web app. */
export function createHttpApp(deps: HttpAppDeps): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');
  const metrics = new Metrics();
  app.use(requestLogger(deps.logger));
  app.use(metrics.middleware());
  for (const m of deps.mounts ?? []) app.use(m.path, m.handler);

  healthRoutes(app, { dbs: deps.dbs, store: deps.store, jobs: deps.jobs, isShuttingDown: deps.isShuttingDown ?? (() => false) });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  const router = express.Router();
  const routes = new RouteTable({ router, guards: deps.guards, tenant: deps.tenant, clock: deps.clock, limits: tenantRateLimits(deps.config.rateLimits) });
  for (const m of deps.modules) m.routes?.(routes);

  const openapi = buildOpenApi(routes, {
    version: PLATFORM_VERSION,
    openIdConnectUrl: `${deps.authServerUrl}/realms/${deps.config.keycloak.realm}/.well-known/openid-configuration`,
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/openapi.json' }, customSiteTitle: 'Satupintu API' }));
  app.use(router);
  app.use(webApp({ authority: `${deps.authServerUrl}/realms/${deps.config.keycloak.realm}`, clientId: 'satupintu-web' }));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return { express: app, routes, metrics };
}
