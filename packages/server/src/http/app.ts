import express, { type Express, type RequestHandler } from 'express';
import compression from 'compression';
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
import { buildOpenApi, type OpenApiDocument } from './openapi.js';
import { corsPolicy } from './cors.js';
import { registerRoutes } from './document.js';
import { notFoundHandler, problemHandler } from './problem.js';
import { tenantRateLimits, type RateLimitStoreOptions } from './ratelimit.js';
import { RouteTable, type GuardFactory } from './routes.js';
import { securityHeaders } from './security-headers.js';
import { forwardedHeaders, trustedProxies } from './trusted-proxies.js';
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
  /** Origins a tenant allows to call its paths from a browser (tenant settings). */
  tenantOrigins?: (slug: string) => Promise<readonly string[]>;
  /** Sees every request and its uncompressed response before the routes (the contract recorder of the test suites). */
  inspect?: (openapi: OpenApiDocument) => RequestHandler;
  /** Where request budgets are kept: shared by every process (RATE_LIMIT_STORE=postgres, ADR 0022), else in this process. */
  budgets?: RateLimitStoreOptions;
}

export interface HttpApp {
  express: Express;
  routes: RouteTable;
  metrics: Metrics;
  openapi: OpenApiDocument;
}

/** The API process's HTTP face: operations endpoints, every module's routes, the OpenAPI document, the web app. */
export function createHttpApp(deps: HttpAppDeps): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  // No automatic ETags: a route that has a version says so (concurrency: 'read'); Express's
  // body-hash ETags would answer undocumented 304s on every JSON GET.
  app.set('etag', false);
  // X-Forwarded-For and friends count only from the proxies in TRUSTED_PROXIES (none by default):
  // from any other peer, a local process included, they are removed before anything reads them.
  const isTrustedProxy = trustedProxies(deps.config.trustedProxies);
  app.set('trust proxy', deps.config.trustedProxies.length ? (addr: string) => isTrustedProxy(addr) : false);
  app.set('query parser', 'simple');
  const metrics = new Metrics({ sources: { dbs: deps.dbs, jobs: deps.jobs, store: deps.store, rateLimitWindowSeconds: deps.config.rateLimits.windowSeconds, isShuttingDown: deps.isShuttingDown } });

  const router = express.Router();
  const routes = new RouteTable({ router, guards: deps.guards, tenant: deps.tenant, clock: deps.clock, limits: tenantRateLimits(deps.config.rateLimits, deps.budgets ?? {}) });
  registerRoutes(routes, deps.modules);
  const issuer = `${deps.authServerUrl}/realms/${deps.config.keycloak.realm}`;
  const openapi = buildOpenApi(routes.routes, {
    version: PLATFORM_VERSION,
    servers: [{ url: deps.config.publicUrl ?? '/', description: 'Server ini / this server' }],
    issuer,
  });

  app.use(forwardedHeaders(isTrustedProxy));
  app.use(requestLogger(deps.logger));
  app.use(metrics.middleware());
  const issuerMount = deps.mounts?.find((m) => m.path === `/realms/${deps.config.keycloak.realm}`)?.path;
  app.use(securityHeaders({ env: deps.config.env, issuer, ...(issuerMount ? { issuerMount } : {}) }));
  // gzip or brotli for JSON, CSV and assets over 1 KiB (a slow phone network pays per byte); bodies a
  // route already compressed (the catalog's cached gzip) pass through.
  app.use(compression({ threshold: 1024 }));
  // An answer to a signed-in caller may carry personal data: no browser or shared cache keeps it
  // (one computer at an MPP counter serves many people; ASVS 14.3.2). A route may still say otherwise.
  app.use((req, res, next) => {
    if (req.headers.authorization) res.setHeader('cache-control', 'no-store');
    next();
  });
  if (deps.inspect) app.use(deps.inspect(openapi));
  app.use(corsPolicy({ platformOrigins: deps.config.corsOrigins, tenantOrigins: deps.tenantOrigins ?? (async () => []) }));
  for (const m of deps.mounts ?? []) app.use(m.path, labelled(m.path), m.handler);

  healthRoutes(app, { dbs: deps.dbs, store: deps.store, jobs: deps.jobs, isShuttingDown: deps.isShuttingDown ?? (() => false) });
  app.get('/metrics', metrics.handler(deps.config));

  const openapiJson = JSON.stringify(openapi);
  app.get('/api/v1/openapi.json', labelled('/api/v1/openapi.json'), (_req, res) => {
    res.type('application/json').set('cache-control', 'no-cache').send(openapiJson);
  });
  // The document's first address; it moved under /api/v1 with the contract (docs/api-stability.md).
  app.get('/api/openapi.json', labelled('/api/openapi.json'), (_req, res) => {
    res
      .set({ Deprecation: `@${Date.UTC(2026, 11, 7) / 1000}`, Sunset: new Date(Date.UTC(2027, 5, 7)).toUTCString(), Link: '</api/v1/openapi.json>; rel="successor-version"' })
      .type('application/json')
      .send(openapiJson);
  });
  app.use(
    '/api/docs',
    labelled('/api/docs'),
    swaggerUi.serve,
    swaggerUi.setup(undefined, {
      // No validator badge: it is an image from validator.swagger.io, which the docs' CSP refuses.
      swaggerOptions: { url: '/api/v1/openapi.json', validatorUrl: null, initOAuth: { clientId: 'satupintu-web', usePkceWithAuthorizationCodeGrant: true, scopes: 'openid profile' } },
      customSiteTitle: 'Satupintu API',
    }),
  );
  app.use(router);
  app.use(webApp({ authority: issuer, clientId: 'satupintu-web', tenant: deps.tenant, pages: deps.modules.flatMap((m) => (m.pages ? [m.pages] : [])) }));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return { express: app, routes, metrics, openapi };
}

/** Labels what a fixed handler answers for metrics (metrics.ts): its mount path, never the path asked for. */
function labelled(route: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.route = route;
    next();
  };
}
