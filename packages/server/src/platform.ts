import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { assertProductionReady, systemClock, type Clock, type SatupintuConfig, type Tenant } from '@satupintu/core';
import { ChangeFeed, Databases, EventBus, UnitOfWork, migrateAll, sqlOnPool, type HeardChange } from '@satupintu/db';
import { startInfrastructure, type Infrastructure } from '@satupintu/stack';
import { ObjectStore } from '@satupintu/storage';
import { DEFAULT_REALM_FILE, createEmbeddedIssuer, createGuards, loadRealm, probeIssuer, type EmbeddedIssuer, type Identity } from '@satupintu/auth';
import { compose, type Composition } from './composition.js';
import { workContext, type TenantUserCtx, type UserCtx } from './context.js';
import { createHttpApp, type HttpApp, type HttpAppDeps } from './http/app.js';
import { createLogger } from './http/logger.js';
import { JobQueues } from './jobs/queues.js';
import type { JobCtx, JobSpec } from './jobs/spec.js';
import type { DomainEvents, Kernel, Module } from './kernel.js';
import { seed } from './seed.js';
import { PostgresBudgets, SharedBreaker } from './shared-state.js';
import { useCursorKey } from './pagination.js';
import { dataKeyring } from './secrets.js';

/**
 * What a process does (docs/architecture.md): `api` serves HTTP and only enqueues jobs, `worker`
 * works every queued and scheduled job, `all` both (`npm start`). `tool` opens the same
 * composition for a CLI command: no HTTP server, no jobs, no seeding.
 */
export type ProcessRole = 'api' | 'worker' | 'all' | 'tool';

export interface PlatformOptions {
  logger?: Logger;
  /** Realm export for the embedded issuer (default infra/keycloak/realm-mpp.json). */
  realmFile?: string | URL;
  role?: ProcessRole;
  /** The clock every rule reads (tests pin it; default the wall clock). */
  clock?: Clock;
  /** Skip the embedded S3 (CLI commands that touch no document). */
  needS3?: boolean;
  /** Sees every API request and its response (the test suites' contract recorder): see HttpAppDeps.inspect. */
  inspect?: HttpAppDeps['inspect'];
}

export interface Platform {
  config: SatupintuConfig;
  role: ProcessRole;
  /** Base URL of the HTTP server ('' for roles without one). */
  url: string;
  port: number;
  kernel: Kernel;
  services: Composition['services'];
  modules: readonly Module[];
  http?: HttpApp;
  dbs: Databases;
  store: ObjectStore;
  jobs: JobQueues;
  infra: Infrastructure;
  logger: Logger;
  clock: Clock;
  /** The embedded issuer, when KEYCLOAK_URL is not set and this process serves HTTP. */
  issuer?: EmbeddedIssuer;
  /** Base URL of the Keycloak (or embedded issuer) the API trusts. */
  authServerUrl: string;
  /** Runs a job's handler now, in one region or each: what a worker does when the job comes due (on `clock` if given). */
  runJob(name: string, data?: { region?: string } & Record<string, unknown>, opts?: { clock?: Clock }): Promise<unknown[]>;
  /** A context for work outside a request (CLI commands, tests): a tenant by slug, a caller. */
  context(opts: { tenant: string | Tenant; identity?: Identity; clock?: Clock }): Promise<TenantUserCtx>;
  /**
   * Graceful shutdown: /readyz answers 503 at once (and, for `drainMs`, new requests are still
   * served so a load balancer sees it), then stop accepting, drain in-flight requests, stop the
   * job workers at a job boundary, close pools, stop embedded servers.
   */
  stop(opts?: { drainMs?: number }): Promise<void>;
}

/** Starts one process of the platform in its role, on the configured (or embedded) servers. */
export async function startPlatform(config: SatupintuConfig, opts: PlatformOptions = {}): Promise<Platform> {
  const role = opts.role ?? 'all';
  const serves = role === 'api' || role === 'all';
  const works = role === 'worker' || role === 'all';
  const clock = opts.clock ?? systemClock;
  // Production refuses every development default before anything starts, listing every reason
  // (ProductionRefused; docs/configuration.md#production), the issuer's included.
  if (config.env === 'production') assertProductionReady(config, await probeIssuer(config));
  const logger = opts.logger ?? createLogger(config);
  const pgLog = logger.child({ component: 'embedded-postgres' });
  const infra = await startInfrastructure(config, { log: (l) => pgLog.debug(l), needS3: opts.needS3 });
  // From here on the configuration with the stack's generated app-role password and S3 keys.
  config = infra.config;
  const jobs = new JobQueues(logger.child({ component: 'jobs' }), config.jobConcurrency);
  let dbs: Databases | undefined;
  let store: ObjectStore | undefined;
  let feed: ChangeFeed | undefined;
  let budgets: PostgresBudgets | undefined;
  let sharedBreaker: SharedBreaker | undefined;
  let server: http.Server | undefined;
  try {
    const reports = await migrateAll(config, infra);
    for (const r of reports) if (r.applied.length) logger.info({ database: r.database, applied: r.applied }, 'migrations applied');
    dbs = await Databases.open(role === 'tool' ? { ...config, dbPoolSize: 2 } : config, infra);
    store = new ObjectStore({
      endpoint: infra.s3Endpoint,
      region: config.s3.region,
      accessKeyId: config.s3.accessKeyId,
      secretAccessKey: config.s3.secretAccessKey,
      forcePathStyle: config.s3.forcePathStyle,
      buckets: Object.fromEntries(config.regions.map((r) => [r.id, r.bucket])),
    });
    if (opts.needS3 !== false) await store.ensureBuckets();
    if (role !== 'tool') await jobs.start(infra.regionDatabaseUrls, { housekeeping: works });

    // Every process hears every other's cache invalidations (directory, installations, calendar).
    const listeners: ((c: HeardChange) => void)[] = [];
    // LISTEN needs a session: the session URLs (CONTROL_DATABASE_SESSION_URL, DATABASE_SESSION_URL_<REGION>) where set.
    if (role !== 'tool') feed = await ChangeFeed.start({ urls: dbs.sessionAppUrls, onChange: (c) => listeners.forEach((l) => l(c)), log: logger.child({ component: 'change-feed' }) });
    // Shared state on the control database (ADR 0022): request budgets, the object store's circuit.
    if (role !== 'tool') sharedBreaker = await SharedBreaker.start(dbs.sessionAppUrls[0]!, store.breaker, logger.child({ component: 'breaker' }));
    if (serves && config.rateLimitStore === 'postgres') budgets = new PostgresBudgets(dbs.appUrls[0]!);
    const kernel: Kernel = {
      config,
      logger,
      clock,
      dbs,
      uow: new UnitOfWork(dbs),
      control: sqlOnPool(dbs.control),
      store,
      jobs,
      events: new EventBus<DomainEvents>(),
      onChange: (l) => void listeners.push(l),
    };
    const { modules, services } = compose(kernel);
    // Every commit that wrote outbox rows wakes its tenant's notification dispatcher (the minute sweep catches a lost wake-up).
    if (role !== 'tool') kernel.uow.onOutbox((tenant) => services.notifications.wake(tenant));
    await services.regions.sync();

    const specs = new Map<string, JobSpec>();
    for (const m of modules) for (const j of m.jobs ?? []) specs.set(j.name, j);
    const jobCtx = (spec: JobSpec, region: string, jobId: string, on: Clock = clock): JobCtx => ({ region, jobId, now: on.now(), clock: on, log: logger.child({ job: spec.name, region }) });
    const runJob: Platform['runJob'] = async (name, data = {}, o = {}) => {
      const spec = specs.get(name);
      if (!spec) throw new Error(`no job ${name}`);
      const regions = data.region ? [data.region] : config.regions.map((r) => r.id);
      const out: unknown[] = [];
      for (const region of regions) out.push(await spec.run(jobCtx(spec, region, `manual:${name}`, o.clock), { ...data, region }));
      return out;
    };

    // Page cursors are signed under a key derived from the data encryption key (every instance agrees).
    useCursorKey(dataKeyring(config).current.key);

    // The HTTP server listens first: the embedded issuer's URL (so every token's issuer) depends on the port.
    let url = '';
    let port = 0;
    let issuer: EmbeddedIssuer | undefined;
    let httpApp: HttpApp | undefined;
    let shuttingDown = false;
    let authServerUrl = config.keycloak.url ?? '';
    if (serves) {
      let handler: http.RequestListener = (_req, res) => {
        res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
        res.end(JSON.stringify({ type: 'urn:satupintu:problem:starting', title: 'Sedang memulai / Starting', status: 503, code: 'STARTING' }));
      };
      const listening = http.createServer((req, res) => handler(req, res));
      listening.keepAliveTimeout = 5_000;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(config.port, config.host, () => resolve());
      });
      server = listening;
      port = (listening.address() as AddressInfo).port;
      url = config.publicUrl ?? `http://${config.host}:${port}`;
      if (!config.keycloak.url)
        issuer = createEmbeddedIssuer({
          publicUrl: url,
          realm: loadRealm(opts.realmFile ?? DEFAULT_REALM_FILE),
          secretsDir: path.join(config.dataDir, 'issuer'),
          apiAudience: config.keycloak.clientId,
          // Never reached in production (refused above without KEYCLOAK_URL); kept off there all the same.
          allowPasswordGrant: config.env !== 'production',
        });
      authServerUrl = config.keycloak.url ?? url;
      // Links in messages point at this server when PUBLIC_URL is not set (development).
      services.notifications.setBaseUrl(url);
      services.signatures.setBaseUrl(url);
      const issuerUrl = authServerUrl;
      const guards = createGuards({ authServerUrl: () => issuerUrl, realm: config.keycloak.realm, clientId: config.keycloak.clientId, jwksMinIntervalSeconds: config.keycloak.jwksMinIntervalSeconds });
      httpApp = createHttpApp({
        config,
        logger,
        clock,
        dbs,
        store,
        jobs,
        guards,
        tenant: (slug) => services.tenants.get(slug),
        modules,
        authServerUrl,
        mounts: issuer ? [{ path: `/realms/${config.keycloak.realm}`, handler: issuer.router }] : [],
        isShuttingDown: () => shuttingDown,
        tenantOrigins: (slug) => services.tenants.directory.originsOf(slug),
        ...(budgets ? { budgets: { backend: budgets, onBackendError: (err: unknown) => logger.warn({ err }, 'shared rate limits unavailable: budgets count in this process until the control database answers') } } : {}),
        ...(opts.inspect ? { inspect: opts.inspect } : {}),
      });
      if (config.seed) await seed(kernel, services, logger);
      handler = httpApp.express;
    }
    if (works)
      for (const spec of specs.values()) {
        await jobs.work<Record<string, unknown> & { region: string }>(spec.name, (data, jobId) => spec.run(jobCtx(spec, data.region, jobId), data).then(() => undefined));
        if (spec.cron) await jobs.schedule(spec.name, spec.cron);
      }

    const openDbs = dbs;
    const openStore = store;
    const openFeed = feed;
    const openBudgets = budgets;
    const openBreaker = sharedBreaker;
    const openServer = server;
    let stopping: Promise<void> | undefined;
    return {
      config,
      role,
      url,
      port,
      kernel,
      services,
      modules,
      http: httpApp,
      dbs,
      store,
      jobs,
      infra,
      logger,
      clock,
      issuer,
      authServerUrl,
      runJob,
      context: async (o) => {
        const tenant = typeof o.tenant === 'string' ? await services.tenants.get(o.tenant) : o.tenant;
        return workContext({ clock: o.clock ?? clock, log: logger, route: 'context', tenant, identity: o.identity });
      },
      stop: (o = {}) =>
        (stopping ??= (async () => {
          shuttingDown = true;
          if (openServer && o.drainMs) await new Promise((r) => setTimeout(r, o.drainMs));
          if (openServer) {
            const closed = new Promise<void>((resolve) => openServer.close(() => resolve()));
            openServer.closeIdleConnections();
            // In-flight requests get 10 s to finish; then their sockets are closed.
            const force = setTimeout(() => openServer.closeAllConnections(), 10_000);
            await closed;
            clearTimeout(force);
          }
          // Each step runs even if an earlier one fails (Ctrl-C in a terminal also reaches the
          // embedded PostgreSQL directly, so its connections may already be gone).
          const step = async (name: string, fn: () => unknown) => {
            try {
              await fn();
            } catch (err) {
              logger.warn({ err, step: name }, 'shutdown step failed');
            }
          };
          await step('jobs', () => jobs.stop());
          await step('plugin lint threads', () => services.plugins.close());
          await step('mail pool', () => services.notificationProviders.close());
          await step('change feed', () => openFeed?.stop());
          await step('shared state', () => Promise.all([openBudgets?.close(), openBreaker?.stop()]));
          await step('databases', () => openDbs.close());
          await step('object store', () => openStore.destroy());
          await step('embedded servers', () => infra.stop());
        })()),
    };
  } catch (e) {
    server?.close();
    await jobs.stop().catch(() => {});
    await feed?.stop().catch(() => {});
    await budgets?.close().catch(() => {});
    await sharedBreaker?.stop().catch(() => {});
    await dbs?.close().catch(() => {});
    store?.destroy();
    await infra.stop().catch(() => {});
    throw e;
  }
}

/** A context for a command run as `user` (the CLI's operator) outside any request. */
export function toolContext(platform: Platform, user: string): UserCtx {
  return workContext({ clock: platform.clock, log: platform.logger, route: 'cli', identity: { subject: `cli:${user}`, username: user, roles: [], memberships: [] } });
}
