import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SatupintuConfig } from '@satupintu/core';
import { Databases, migrateAll } from '@satupintu/db';
import { startInfrastructure, type Infrastructure } from '@satupintu/stack';
import { ObjectStore } from '@satupintu/storage';
import { DEFAULT_REALM_FILE, createEmbeddedIssuer, createGuards, loadRealm, type EmbeddedIssuer } from '@satupintu/auth';
import { createApp, type App } from './app.js';
import { JobQueues } from './jobs.js';
import { createLogger } from './logger.js';
import { seedInstallations, seedOnboarding, seedPlugins, seedTenants } from './seed.js';
import { reconcileOrphans } from './modules/applications/reconciler.js';
import { refreshRegionRollups } from './modules/monitoring/rollup.js';
import { escalateOverdue } from './modules/workflow/escalation.js';
import { ESCALATE_JOB, escalateOverdueComplaints } from './modules/complaints/escalation.js';
import { WEBHOOK_JOB, type WebhookJob } from './modules/complaints/webhook.js';
import { RECONCILE_JOB, reconcileComplaintAttachments } from './modules/complaints/reconciler.js';

export interface Platform {
  config: SatupintuConfig;
  url: string;
  port: number;
  app: App;
  dbs: Databases;
  store: ObjectStore;
  jobs: JobQueues;
  infra: Infrastructure;
  logger: Logger;
  /** The embedded issuer, when KEYCLOAK_URL is not set. */
  issuer?: EmbeddedIssuer;
  /** Base URL of the Keycloak (or embedded issuer) the API trusts. */
  authServerUrl: string;
  /** Graceful shutdown: stop accepting, drain requests, stop jobs, close pools, stop embedded servers. */
  stop(): Promise<void>;
}

export interface PlatformOptions {
  logger?: Logger;
  /** Realm export for the embedded issuer (default infra/keycloak/realm-mpp.json). */
  realmFile?: string | URL;
}

export async function startPlatform(config: SatupintuConfig, opts: PlatformOptions = {}): Promise<Platform> {
  const logger = opts.logger ?? createLogger(config);
  const pgLog = logger.child({ component: 'embedded-postgres' });
  const infra = await startInfrastructure(config, { log: (l) => pgLog.debug(l) });
  let dbs: Databases | undefined;
  let store: ObjectStore | undefined;
  const jobs = new JobQueues(logger.child({ component: 'jobs' }), config.jobConcurrency);
  let listening: http.Server | undefined;
  try {
    const reports = await migrateAll(config, infra);
    for (const r of reports) if (r.applied.length) logger.info({ database: r.database, applied: r.applied }, 'migrations applied');
    dbs = await Databases.open(config, infra);
    store = new ObjectStore({
      endpoint: infra.s3Endpoint,
      region: config.s3.region,
      accessKeyId: config.s3.accessKeyId,
      secretAccessKey: config.s3.secretAccessKey,
      forcePathStyle: config.s3.forcePathStyle,
      buckets: Object.fromEntries(config.regions.map((r) => [r.id, r.bucket])),
    });
    await store.ensureBuckets();
    await jobs.start(infra.regionDatabaseUrls);

    // Listen first: the embedded issuer's URL (and so every token's issuer) depends on the port.
    let handler: http.RequestListener = (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
      res.end(JSON.stringify({ type: 'urn:satupintu:problem:starting', title: 'Sedang memulai / Starting', status: 503, code: 'STARTING' }));
    };
    const server = http.createServer((req, res) => handler(req, res));
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = config.publicUrl ?? `http://${config.host}:${port}`;
    listening = server;

    let shuttingDown = false;
    let issuer: EmbeddedIssuer | undefined;
    if (!config.keycloak.url) {
      issuer = createEmbeddedIssuer({
        publicUrl: url,
        realm: loadRealm(opts.realmFile ?? DEFAULT_REALM_FILE),
        secretsDir: path.join(config.dataDir, 'issuer'),
        apiAudience: config.keycloak.clientId,
      });
    }
    const authServerUrl = config.keycloak.url ?? url;
    const guards = createGuards({
      authServerUrl: () => authServerUrl,
      realm: config.keycloak.realm,
      clientId: config.keycloak.clientId,
      jwksMinIntervalSeconds: config.keycloak.jwksMinIntervalSeconds,
    });
    const app = createApp({
      config,
      logger,
      dbs,
      store,
      jobs,
      guards,
      authServerUrl,
      mounts: issuer ? [{ path: `/realms/${config.keycloak.realm}`, handler: issuer.router }] : [],
      isShuttingDown: () => shuttingDown,
    });
    await app.services.regions.sync();
    if (config.seed) {
      const created = await seedTenants(app.services.tenants, config.regions.map((r) => r.id), config.defaultRegion);
      if (created.length) logger.info({ tenants: created }, 'seeded tenants');
      const published = await seedPlugins(app.services.plugins, logger);
      if (published.length) logger.info({ plugins: published }, 'published plugins');
      const installed = await seedInstallations(app.services.tenants, app.services.plugins, app.services.installations, logger);
      if (installed.length) logger.info({ count: installed.length }, 'seeded plugin installations');
      await seedOnboarding(app.services.tenants, app.services.installations, app.services.onboarding, app.services.plugins, logger);
      // KBB's passport sessions (Tue/Thu, 20 people) for the coming four weeks.
      const kbb = await app.services.tenants.findBySlug('kab-bandung-barat');
      if (kbb) for (const s of ['imigrasi.paspor-baru', 'imigrasi.paspor-penggantian', 'imigrasi.paspor-hilang-rusak']) await app.services.appointments.sessions(kbb, s).catch(() => []);
    }

    // Orphaned objects (a crash between object write and row commit) are swept every 15 minutes.
    const openStoreForJobs = store;
    const openDbsForJobs = dbs;
    await jobs.work<{ region: string }>('storage.reconcile', async (data) => {
      const report = await reconcileOrphans(openDbsForJobs, openStoreForJobs, data.region, logger);
      if (report.orphansRemoved) logger.info(report, 'storage reconciled');
    });
    await jobs.schedule('storage.reconcile', '*/15 * * * *');
    // Overdue SLA steps escalate within a minute, exactly once each.
    await jobs.work<{ region: string }>('sla.escalate', async (data) => {
      await escalateOverdue(openDbsForJobs, data.region, logger);
    });
    await jobs.schedule('sla.escalate', '* * * * *');
    // Monitoring: each region folds its deltas and publishes aggregates to the national store every minute.
    await jobs.work<{ region: string }>('monitoring.rollup', async (data) => {
      await refreshRegionRollups(openDbsForJobs, data.region, app.services.onboarding, logger);
    });
    await jobs.schedule('monitoring.rollup', '* * * * *');
    // Complaints: overdue deadlines escalate exactly once each; webhook deliveries retry with backoff.
    const { complaints, skm } = app.services;
    await jobs.work<{ region: string }>(ESCALATE_JOB, async (data) => {
      await escalateOverdueComplaints(openDbsForJobs, data.region, complaints.webhooks, logger);
    });
    await jobs.schedule(ESCALATE_JOB, '* * * * *');
    await jobs.work<{ region: string }>(RECONCILE_JOB, async (data) => {
      await reconcileComplaintAttachments(openDbsForJobs, openStoreForJobs, data.region, logger);
    });
    await jobs.schedule(RECONCILE_JOB, '*/15 * * * *');
    await jobs.work<WebhookJob>(WEBHOOK_JOB, async (data) => {
      await complaints.webhooks.deliver(data);
    });
    // SKM: the previous quarter's follow-ups on the weakest unsur, on the first day of each quarter.
    await jobs.work<{ region: string }>('skm.followups', async (data) => {
      await skm.quarterlyFollowUps(data.region);
    });
    await jobs.schedule('skm.followups', '0 1 1 1,4,7,10 *');
    handler = app.express;
    const openDbs = dbs;
    const openStore = store;
    let stopping: Promise<void> | undefined;
    return {
      config,
      url,
      port,
      app,
      issuer,
      authServerUrl,
      dbs,
      store,
      jobs,
      infra,
      logger,
      stop: () =>
        (stopping ??= (async () => {
          shuttingDown = true;
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          // In-flight requests get 10 s to finish; then their sockets are closed.
          const force = setTimeout(() => server.closeAllConnections(), 10_000);
          await closed;
          clearTimeout(force);
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
          await step('databases', () => openDbs.close());
          await step('object store', () => openStore.destroy());
          await step('embedded servers', () => infra.stop());
        })()),
    };
  } catch (e) {
    listening?.close();
    await jobs.stop().catch(() => {});
    await dbs?.close().catch(() => {});
    store?.destroy();
    await infra.stop().catch(() => {});
    throw e;
  }
}
