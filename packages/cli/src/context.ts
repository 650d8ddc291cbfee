import { pino } from 'pino';
import { loadConfig, type SatupintuConfig } from '@satupintu/core';
import { Databases, migrateAll } from '@satupintu/db';
import { startInfrastructure, type Infrastructure } from '@satupintu/stack';
import { TenantService, RegionService, PluginRegistry, InstallationService, CatalogService } from '@satupintu/server';
import { os } from './os.js';

export interface CliContext {
  config: SatupintuConfig;
  infra: Infrastructure;
  dbs: Databases;
  tenants: TenantService;
  regions: RegionService;
  plugins: PluginRegistry;
  installations: InstallationService;
  catalog: CatalogService;
  /** The operating-system user, recorded as the actor of CLI changes. */
  user: string;
  close(): Promise<void>;
}

/**
 * Database access for one CLI command: joins the embedded PostgreSQL of a running `npm start`
 * (or starts it for the command), migrates, and opens the app-role pools.
 */
export async function openContext(): Promise<CliContext> {
  const config = loadConfig();
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const infra = await startInfrastructure(config, { needS3: false });
  try {
    await migrateAll(config, infra);
    const dbs = await Databases.open({ ...config, dbPoolSize: 2 }, infra);
    const regions = new RegionService(dbs, config);
    await regions.sync();
    const plugins = new PluginRegistry(dbs, logger);
    const installations = new InstallationService(dbs, plugins);
    return {
      plugins,
      installations,
      catalog: new CatalogService(plugins, installations),
      user: os.user(),
      config,
      infra,
      dbs,
      tenants: new TenantService(dbs, logger),
      regions,
      close: async () => {
        await dbs.close();
        await infra.stop();
      },
    };
  } catch (e) {
    await infra.stop();
    throw e;
  }
}

export async function withContext<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openContext();
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
