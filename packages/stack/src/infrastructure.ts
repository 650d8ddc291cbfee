import type { SatupintuConfig } from '@satupintu/core';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './postgres.js';
import { startEmbeddedS3, type EmbeddedS3Handle } from './s3.js';
import { SECRET_FILES, readOrCreateSecret } from './secrets.js';

/** Where every part actually is, once embedded defaults are started. */
export interface Infrastructure {
  /**
   * The configuration with what the stack generated filled in: the app role's password (when
   * `APP_DB_PASSWORD` is unset, `<dataDir>/secrets/app-db.password`) and the embedded S3's key
   * pair. Everything that connects (migrations, pools, the object store) uses this one.
   */
  config: SatupintuConfig;
  controlDatabaseUrl: string;
  regionDatabaseUrls: Record<string, string>;
  s3Endpoint: string;
  /** Which parts run embedded in this process (for the start banner and /readyz). */
  embedded: { postgres?: EmbeddedPostgresHandle; s3?: EmbeddedS3Handle };
  /** Stops what this process started, last step of a graceful shutdown. */
  stop(): Promise<void>;
}

export function regionDatabaseName(regionId: string): string {
  return `satupintu_${regionId.replace(/-/g, '_')}`;
}
export const CONTROL_DATABASE_NAME = 'satupintu_control';

/** What a production configuration would need embedded: refused, listed (empty when nothing). */
export function embeddedInProduction(config: SatupintuConfig, opts: { needS3?: boolean } = {}): string[] {
  if (config.env !== 'production') return [];
  const out: string[] = [];
  if (!config.controlDatabaseUrl) out.push('CONTROL_DATABASE_URL');
  for (const r of config.regions) if (!r.databaseUrl) out.push(`DATABASE_URL_${r.id.toUpperCase().replace(/-/g, '_')}`);
  if (!config.s3.endpoint && opts.needS3 !== false) out.push('S3_ENDPOINT');
  if (!config.appDbPassword) out.push('APP_DB_PASSWORD');
  return out;
}

/**
 * Resolves the configuration to running servers: every database or S3 endpoint not given by an
 * environment variable is served by an embedded server under DATA_DIR, with passwords and keys
 * generated for that DATA_DIR (never fixed ones). Production (`SATUPINTU_ENV=production`) never
 * starts an embedded server or generates a secret: it throws, naming what is missing.
 */
export async function startInfrastructure(
  config: SatupintuConfig,
  opts: { needS3?: boolean; log?: (line: string) => void } = {},
): Promise<Infrastructure> {
  const missing = embeddedInProduction(config, opts);
  if (missing.length)
    throw new Error(`SATUPINTU_ENV=production never runs the embedded PostgreSQL or S3 nor generates their secrets: set ${missing.join(', ')}`);
  const embedded: Infrastructure['embedded'] = {};
  // The app role's password: configured, or generated once for this DATA_DIR (development).
  const appDbPassword = config.appDbPassword || readOrCreateSecret(config.dataDir, SECRET_FILES.appDb);
  const missingDbs = [
    ...(config.controlDatabaseUrl ? [] : [CONTROL_DATABASE_NAME]),
    ...config.regions.filter((r) => !r.databaseUrl).map((r) => regionDatabaseName(r.id)),
  ];
  try {
    if (missingDbs.length) {
      embedded.postgres = await startEmbeddedPostgres({ dataDir: config.dataDir, databases: missingDbs, log: opts.log });
    }
    const pgUrl = (db: string) => embedded.postgres!.url(db);
    let s3Endpoint = config.s3.endpoint;
    if (!s3Endpoint && opts.needS3 !== false) {
      embedded.s3 = await startEmbeddedS3({ dataDir: config.dataDir, buckets: config.regions.map((r) => r.bucket) });
      s3Endpoint = embedded.s3.endpoint;
    }
    const s3 = embedded.s3
      ? { ...config.s3, accessKeyId: embedded.s3.credentials.accessKeyId, secretAccessKey: embedded.s3.credentials.secretAccessKey }
      : config.s3;
    return {
      config: { ...config, appDbPassword, s3 },
      controlDatabaseUrl: config.controlDatabaseUrl ?? pgUrl(CONTROL_DATABASE_NAME),
      regionDatabaseUrls: Object.fromEntries(
        config.regions.map((r) => [r.id, r.databaseUrl ?? pgUrl(regionDatabaseName(r.id))]),
      ),
      s3Endpoint: s3Endpoint ?? '',
      embedded,
      stop: async () => {
        await embedded.s3?.stop();
        await embedded.postgres?.stop();
      },
    };
  } catch (e) {
    await embedded.s3?.stop().catch(() => {});
    await embedded.postgres?.stop().catch(() => {});
    throw e;
  }
}
