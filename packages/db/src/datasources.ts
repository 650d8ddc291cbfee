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

/**
 * The owner URLs of the connections that need a session of their own — LISTEN (the change feed,
 * the shared breaker) and the migrations' session advisory lock — which a transaction-mode pooler
 * (PgBouncer `pool_mode = transaction`) would break: `CONTROL_DATABASE_SESSION_URL` and
 * `DATABASE_SESSION_URL_<REGION>` where set, else the database's own URL.
 */
export function sessionUrls(config: SatupintuConfig, urls: DatabaseUrls): DatabaseUrls {
  return {
    controlDatabaseUrl: config.controlDatabaseSessionUrl ?? urls.controlDatabaseUrl,
    regionDatabaseUrls: Object.fromEntries(config.regions.map((r) => [r.id, r.sessionDatabaseUrl ?? urls.regionDatabaseUrls[r.id]!])),
  };
}

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
    /** The app role's URL of every database (control plane first), e.g. for short statements on a pool of its own. */
    readonly appUrls: string[],
    /** The app role's session URL of every database (control plane first): for LISTEN (see `sessionUrls`). */
    readonly sessionAppUrls: string[] = appUrls,
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
    const all = (u: DatabaseUrls) => [app(u.controlDatabaseUrl), ...config.regions.map((r) => app(u.regionDatabaseUrls[r.id]!))];
    return new Databases(control, regions, all(urls), all(sessionUrls(config, urls)));
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
