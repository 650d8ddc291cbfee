import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { SatupintuConfig } from '@satupintu/core';
import { Databases, migrateAll } from '@satupintu/db';
import { startInfrastructure, type Infrastructure } from '@satupintu/stack';
import { ObjectStore } from '@satupintu/storage';
import { createApp, type App } from './app.js';
import type { GuardFactory } from './api.js';
import { JobQueues } from './jobs.js';
import { createLogger } from './logger.js';
import { seedTenants } from './seed.js';

export interface Platform {
  url: string;
  port: number;
  app: App;
  dbs: Databases;
  store: ObjectStore;
  jobs: JobQueues;
  infra: Infrastructure;
  logger: Logger;
  /** Graceful shutdown: stop accepting, drain requests, stop jobs, close pools, stop embedded servers. */
  stop(): Promise<void>;
}

export interface PlatformOptions {
  logger?: Logger;
  guards?: GuardFactory;
}

/** Until the identity module provides guards, a guarded route refuses everyone. */
const denyGuarded: GuardFactory = (security) =>
  security.kind === 'public'
    ? []
    : [
        (_req, _res, next) => {
          next(Object.assign(new Error('authentication not configured'), { status: 401 }));
        },
      ];

export async function startPlatform(config: SatupintuConfig, opts: PlatformOptions = {}): Promise<Platform> {
  const logger = opts.logger ?? createLogger(config);
  const pgLog = logger.child({ component: 'embedded-postgres' });
  const infra = await startInfrastructure(config, { log: (l) => pgLog.debug(l) });
  let dbs: Databases | undefined;
  let store: ObjectStore | undefined;
  const jobs = new JobQueues(logger.child({ component: 'jobs' }));
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

    let shuttingDown = false;
    const app = createApp({ config, logger, dbs, store, jobs, guards: opts.guards ?? denyGuarded, isShuttingDown: () => shuttingDown });
    await app.services.regions.sync();
    if (config.seed) {
      const created = await seedTenants(app.services.tenants, config.regions.map((r) => r.id), config.defaultRegion);
      if (created.length) logger.info({ tenants: created }, 'seeded tenants');
    }

    const server = http.createServer(app.express);
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host}:${port}`;
    const openDbs = dbs;
    const openStore = store;
    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      app,
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
          await jobs.stop();
          await openDbs.close();
          openStore.destroy();
          await infra.stop();
        })()),
    };
  } catch (e) {
    await jobs.stop().catch(() => {});
    await dbs?.close().catch(() => {});
    store?.destroy();
    await infra.stop().catch(() => {});
    throw e;
  }
}
