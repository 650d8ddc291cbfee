import { createAjv, ajvErrorsToFieldErrors } from './ajv.js';

/** A region is a cell: its own PostgreSQL database and its own S3 bucket. */
export interface RegionConfig {
  /** e.g. `id-jakarta` */
  id: string;
  /** Owner/migrator connection; undefined means the embedded PostgreSQL. */
  databaseUrl?: string;
  bucket: string;
}

export interface SatupintuConfig {
  host: string;
  port: number;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  regions: RegionConfig[];
  defaultRegion: string;
  /** Owner/migrator connection of the control plane; undefined means embedded. */
  controlDatabaseUrl?: string;
  /** The login role the API uses: never superuser, never BYPASSRLS. */
  appDbRole: string;
  appDbPassword: string;
  dbPoolSize: number;
  /** Background jobs (rollups, escalations, reconcilers, webhooks) run at once in this process. */
  jobConcurrency: number;
  s3: {
    /** undefined means the embedded s3rver. */
    endpoint?: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  };
  /** Base URL clients use to reach this server (the embedded issuer's issuer URL derives from it). */
  publicUrl?: string;
  /** Browser origins allowed to call every API path (`CORS_ORIGINS`); tenants add their own in their settings. */
  corsOrigins: string[];
  keycloak: {
    /** undefined means the embedded issuer mounted on this server. */
    url?: string;
    realm: string;
    /** The API's client id in the realm: the audience every access token must carry. */
    clientId: string;
    /** Minimum seconds between JWKS downloads triggered by an unknown key id. */
    jwksMinIntervalSeconds: number;
  };
  seed: boolean;
  /** Per-tenant request budgets (docs/adr/0012-rate-limits-and-storage-outages.md); 0 turns one off. */
  rateLimits: { windowSeconds: number; tenantMax: number; clientMax: number };
  /** Home region of a new tenant by province code (`HOME_REGION_PROVINCES`); others go to `defaultRegion`. */
  homeRegionByProvince: Record<string, string>;
}

/** Every environment variable the platform reads. docs/configuration.md documents each. */
const envSchema = {
  type: 'object',
  properties: {
    HOST: { type: 'string', minLength: 1 },
    PORT: { type: 'integer', minimum: 0, maximum: 65535 },
    DATA_DIR: { type: 'string', minLength: 1 },
    LOG_LEVEL: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] },
    REGIONS: { type: 'string', pattern: '^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*$' },
    DEFAULT_REGION: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    CONTROL_DATABASE_URL: { type: 'string', pattern: '^postgres(ql)?://' },
    APP_DB_ROLE: { type: 'string', pattern: '^[a-z_][a-z0-9_]{0,62}$' },
    APP_DB_PASSWORD: { type: 'string', minLength: 8 },
    DB_POOL_SIZE: { type: 'integer', minimum: 1, maximum: 500 },
    JOB_CONCURRENCY: { type: 'integer', minimum: 1, maximum: 64 },
    S3_ENDPOINT: { type: 'string', pattern: '^https?://' },
    S3_REGION: { type: 'string', minLength: 1 },
    S3_ACCESS_KEY_ID: { type: 'string', minLength: 1 },
    S3_SECRET_ACCESS_KEY: { type: 'string', minLength: 1 },
    S3_FORCE_PATH_STYLE: { type: 'boolean' },
    KEYCLOAK_URL: { type: 'string', pattern: '^https?://' },
    KEYCLOAK_REALM: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
    KEYCLOAK_CLIENT_ID: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
    KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS: { type: 'integer', minimum: 1, maximum: 3600 },
    PUBLIC_URL: { type: 'string', pattern: '^https?://[^/]+$' },
    CORS_ORIGINS: { type: 'string', pattern: '^https?://[^/,\\s]+(,https?://[^/,\\s]+)*$' },
    SEED: { type: 'boolean' },
    HOME_REGION_PROVINCES: { type: 'string', pattern: '^[a-z][a-z0-9-]*=[0-9]{2}(,[0-9]{2})*(;[a-z][a-z0-9-]*=[0-9]{2}(,[0-9]{2})*)*$' },
    RATE_LIMIT_WINDOW_SECONDS: { type: 'integer', minimum: 1, maximum: 3600 },
    RATE_LIMIT_TENANT_MAX: { type: 'integer', minimum: 0 },
    RATE_LIMIT_CLIENT_MAX: { type: 'integer', minimum: 0 },
  },
  patternProperties: {
    '^DATABASE_URL_[A-Z0-9_]+$': { type: 'string', pattern: '^postgres(ql)?://' },
    '^S3_BUCKET_[A-Z0-9_]+$': { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' },
  },
} as const;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** `id-jakarta` → `ID_JAKARTA`, the suffix of per-region variables. */
export function regionEnvSuffix(regionId: string): string {
  return regionId.toUpperCase().replace(/-/g, '_');
}

/**
 * The one config loader. Validates the environment with ajv (types coerced) and fails fast with
 * every problem listed, so a typo in a URL stops the process before it serves anything.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string = currentDirectory()): SatupintuConfig {
  const relevant: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || v === '') continue;
    if (k in envSchema.properties || /^DATABASE_URL_|^S3_BUCKET_/.test(k)) relevant[k] = v;
  }
  const ajv = createAjv({ coerceTypes: true, strict: false });
  const validate = ajv.compile(envSchema);
  if (!validate(relevant)) {
    const lines = ajvErrorsToFieldErrors(validate.errors).map((e) => `  ${e.pointer.slice(1)}: ${e.message.en}`);
    throw new ConfigError(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  const e = relevant as Record<string, string | number | boolean | undefined>;
  const regionIds = String(e.REGIONS ?? 'id-jakarta,id-batam').split(',');
  if (new Set(regionIds).size !== regionIds.length) throw new ConfigError('REGIONS lists a region twice');
  const known = new Set(regionIds.map(regionEnvSuffix));
  for (const k of Object.keys(e)) {
    const m = /^(?:DATABASE_URL|S3_BUCKET)_(.+)$/.exec(k);
    if (m && !known.has(m[1]!)) throw new ConfigError(`${k} names a region that is not in REGIONS (${regionIds.join(', ')})`);
  }
  const defaultRegion = String(e.DEFAULT_REGION ?? regionIds[0]);
  if (!regionIds.includes(defaultRegion)) throw new ConfigError(`DEFAULT_REGION ${defaultRegion} is not in REGIONS`);
  const s3Endpoint = e.S3_ENDPOINT as string | undefined;
  return {
    host: String(e.HOST ?? '127.0.0.1'),
    port: Number(e.PORT ?? 3000),
    dataDir: resolvePath(cwd, String(e.DATA_DIR ?? '.data')),
    logLevel: (e.LOG_LEVEL as SatupintuConfig['logLevel']) ?? 'info',
    regions: regionIds.map((id) => ({
      id,
      databaseUrl: e[`DATABASE_URL_${regionEnvSuffix(id)}`] as string | undefined,
      bucket: String(e[`S3_BUCKET_${regionEnvSuffix(id)}`] ?? `satupintu-${id}`),
    })),
    defaultRegion,
    controlDatabaseUrl: e.CONTROL_DATABASE_URL as string | undefined,
    appDbRole: String(e.APP_DB_ROLE ?? 'satupintu_app'),
    appDbPassword: String(e.APP_DB_PASSWORD ?? 'satupintu-app-dev'),
    dbPoolSize: Number(e.DB_POOL_SIZE ?? 10),
    jobConcurrency: Number(e.JOB_CONCURRENCY ?? 2),
    s3: {
      endpoint: s3Endpoint,
      region: String(e.S3_REGION ?? 'ap-southeast-3'),
      // s3rver accepts any key pair; these are its documented defaults, used only when embedded.
      accessKeyId: String(e.S3_ACCESS_KEY_ID ?? 'S3RVER'),
      secretAccessKey: String(e.S3_SECRET_ACCESS_KEY ?? 'S3RVER'),
      forcePathStyle: e.S3_FORCE_PATH_STYLE === undefined ? true : Boolean(e.S3_FORCE_PATH_STYLE),
    },
    publicUrl: e.PUBLIC_URL as string | undefined,
    corsOrigins: e.CORS_ORIGINS ? String(e.CORS_ORIGINS).split(',') : [],
    keycloak: {
      url: (e.KEYCLOAK_URL as string | undefined)?.replace(/\/+$/, ''),
      realm: String(e.KEYCLOAK_REALM ?? 'mpp'),
      clientId: String(e.KEYCLOAK_CLIENT_ID ?? 'satupintu-api'),
      jwksMinIntervalSeconds: Number(e.KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS ?? 10),
    },
    seed: e.SEED === undefined ? true : Boolean(e.SEED),
    rateLimits: {
      windowSeconds: Number(e.RATE_LIMIT_WINDOW_SECONDS ?? 60),
      tenantMax: Number(e.RATE_LIMIT_TENANT_MAX ?? 6000),
      clientMax: Number(e.RATE_LIMIT_CLIENT_MAX ?? 600),
    },
    homeRegionByProvince: homeRegionRules(e.HOME_REGION_PROVINCES as string | undefined, regionIds),
  };
}

/**
 * Sumatra (11–19, 21) and Kalimantan (61–65) live in `id-batam` when that region exists, the rest
 * in the default region; `HOME_REGION_PROVINCES=id-batam=11,12;id-makassar=73` replaces the rule.
 */
export const DEFAULT_HOME_REGION_PROVINCES = 'id-batam=11,12,13,14,15,16,17,18,19,21,61,62,63,64,65';

function homeRegionRules(spec: string | undefined, regionIds: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (spec ?? DEFAULT_HOME_REGION_PROVINCES).split(';')) {
    const [region, codes] = part.split('=') as [string, string];
    if (!regionIds.includes(region)) {
      if (spec) throw new ConfigError(`HOME_REGION_PROVINCES names region ${region}, which is not in REGIONS (${regionIds.join(', ')})`);
      continue; // the default rule only applies to regions that are configured
    }
    for (const code of codes.split(',')) {
      if (out[code] && out[code] !== region) throw new ConfigError(`HOME_REGION_PROVINCES puts province ${code} in two regions`);
      out[code] = region;
    }
  }
  return out;
}

/** The process's working directory where there is one (this package also runs in browsers). */
function currentDirectory(): string {
  const proc = (globalThis as { process?: { cwd(): string } }).process;
  return proc ? proc.cwd() : '/';
}

/** `path.resolve` for POSIX paths, without Node: an absolute path stays, a relative one joins `cwd`. */
export function resolvePath(cwd: string, p: string): string {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}
