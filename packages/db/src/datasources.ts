import { DataSource } from 'typeorm';
import type { SatupintuConfig } from '@satupintu/core';
import { controlMigrations } from './migrations/control.js';
import { regionMigrations } from './migrations/region.js';
import { appUrlFrom } from './roles.js';

/** Concrete connection URLs of the owner (migrator) role, once embedded servers are resolved. */
export interface DatabaseUrls {
  controlDatabaseUrl: string;
  regionDatabaseUrls: Record<string, string>;
}

export type Plane = 'control' | 'region';

export function createDataSource(
  url: string,
  plane: Plane,
  opts: { poolSize: number; name: string },
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [],
    migrations: plane === 'control' ? controlMigrations : regionMigrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
    extra: {
      max: opts.poolSize,
      application_name: opts.name,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    },
  });
}

/**
 * The API's connections: the control plane and one pool per region, all as the app role
 * (not superuser, not BYPASSRLS).
 */
export class Databases {
  private constructor(
    readonly control: DataSource,
    private readonly regions: Map<string, DataSource>,
    /** The app role's URL of every database (control plane first), e.g. for the change feed's listeners. */
    readonly appUrls: string[],
  ) {}

  static async open(config: SatupintuConfig, urls: DatabaseUrls): Promise<Databases> {
    const app = (u: string) => appUrlFrom(u, config.appDbRole, config.appDbPassword);
    const control = createDataSource(app(urls.controlDatabaseUrl), 'control', { poolSize: config.dbPoolSize, name: 'satupintu-control' });
    const regions = new Map<string, DataSource>();
    try {
      await control.initialize();
      for (const r of config.regions) {
        const ds = createDataSource(app(urls.regionDatabaseUrls[r.id]!), 'region', { poolSize: config.dbPoolSize, name: `satupintu-${r.id}` });
        await ds.initialize();
        regions.set(r.id, ds);
      }
    } catch (e) {
      await Promise.allSettled([control, ...regions.values()].filter((d) => d.isInitialized).map((d) => d.destroy()));
      throw e;
    }
    return new Databases(control, regions, [app(urls.controlDatabaseUrl), ...config.regions.map((r) => app(urls.regionDatabaseUrls[r.id]!))]);
  }

  region(id: string): DataSource {
    const ds = this.regions.get(id);
    if (!ds) throw new Error(`region ${id} is not configured`);
    return ds;
  }

  regionIds(): string[] {
    return [...this.regions.keys()];
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.control, ...this.regions.values()].map((d) => (d.isInitialized ? d.destroy() : undefined)));
  }
}
