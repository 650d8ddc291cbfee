import type { SatupintuConfig } from '@satupintu/core';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './postgres.js';
import { startEmbeddedS3, type EmbeddedS3Handle } from './s3.js';

/** Where every part actually is, once embedded defaults are started. */
export interface Infrastructure {
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

/**
 * Resolves the configuration to running servers: every database or S3 endpoint not given by an
 * environment variable is served by an embedded server under DATA_DIR.
 */
export async function startInfrastructure(
  config: SatupintuConfig,
  opts: { needS3?: boolean; log?: (line: string) => void } = {},
): Promise<Infrastructure> {
  const embedded: Infrastructure['embedded'] = {};
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
    return {
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
