import type { SatupintuConfig } from '@satupintu/core';
import { createDataSource, sessionUrls, type DatabaseUrls, type Plane } from './datasources.js';
import { ensureAppRole, grantAppRole } from './roles.js';

// One key for every migrating process: two starts at once migrate one after the other.
const MIGRATION_LOCK = 7_315_402_001;

export interface MigrationReport {
  database: string;
  applied: string[];
}

async function migrateOne(url: string, plane: Plane, config: SatupintuConfig, label: string): Promise<MigrationReport> {
  // One connection, so the session-level advisory lock covers every migration statement.
  const ds = createDataSource(url, plane, { poolSize: 1, name: `satupintu-migrate-${label}` });
  await ds.initialize();
  try {
    await ds.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await ensureAppRole(ds, config.appDbRole, config.appDbPassword);
      const applied = await ds.runMigrations({ transaction: 'each' });
      await grantAppRole(ds, config.appDbRole);
      return { database: label, applied: applied.map((m) => m.name) };
    } finally {
      await ds.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await ds.destroy();
  }
}

/**
 * Brings the control plane and every region's database to the latest schema, creates the app
 * role and grants it data access. Idempotent: a second run applies nothing. Runs on the session
 * URLs (`sessionUrls`): the advisory lock is a session's, which a transaction-mode pooler would
 * leave on whichever server connection took it.
 */
export async function migrateAll(config: SatupintuConfig, ownerUrls: DatabaseUrls): Promise<MigrationReport[]> {
  const urls = sessionUrls(config, ownerUrls);
  const reports = [await migrateOne(urls.controlDatabaseUrl, 'control', config, 'control')];
  for (const r of config.regions) {
    reports.push(await migrateOne(urls.regionDatabaseUrls[r.id]!, 'region', config, r.id));
  }
  return reports;
}
