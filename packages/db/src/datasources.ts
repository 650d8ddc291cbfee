import { DataSource, type EntityManager, type EntitySchema } from 'typeorm';
import type { SatupintuConfig } from '@satupintu/core';
import { controlEntities, regionEntities } from './entities.js';
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
    entities: (plane === 'control' ? controlEntities : regionEntities) as EntitySchema[],
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
    return new Databases(control, regions);
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

/**
 * Runs `fn` in one transaction of the region's database whose first statement sets the tenant
 * (`set_config('app.tenant_id', $1, true)`, local to the transaction), so row-level security
 * scopes every query to that tenant and nothing leaks into the next use of the connection.
 */
export async function withTenant<T>(ds: DataSource, tenantId: string, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return ds.transaction(async (em) => {
    await em.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    return fn(em);
  });
}
