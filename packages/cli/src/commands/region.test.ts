import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import http from 'node:http';
import { DeleteBucketCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort } from '@satupintu/stack';
import { sharedPlatform, tempDataDir, testConfig } from '@satupintu/testkit';
import { startPlatform, type Platform } from '@satupintu/server';
import { backupRegion, findPgTool, readManifest, restoreRegion, verifyRegion, type BackupManifest } from './region.js';

/**
 * The backup and restore drill (docs/operations.md#backup-and-restore): back up a region's database
 * and bucket, restore into a fresh database (no migrations: the dump brings the schema) and a fresh
 * bucket, and compare every table's row count and every object's sha256 with the manifest; then
 * damage the copy and see the verification name the damage.
 *
 * pg_dump refuses a server newer than itself. When no pg_dump on this machine can dump the shared
 * platform's PostgreSQL (the embedded one is 18; Debian 12 ships the 15 client), the drill runs on
 * a platform of its own over a throwaway cluster made with the newest server binaries a client
 * exists for (/usr/lib/postgresql/<n>/bin), seeded the same way.
 */

const REGION = 'id-jakarta';

interface Subject {
  platform: Platform;
  /** Superuser URL of a database on the region's cluster. */
  url(db: string): string;
  stop(): Promise<void>;
}

function serverMajorOf(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  return c
    .connect()
    .then(() => c.query<{ n: string }>(`select current_setting('server_version_num') as n`))
    .then((r) => Math.floor(Number(r.rows[0]!.n) / 10_000))
    .finally(() => c.end());
}

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

/** A PostgreSQL cluster from the Debian server binaries, trust on loopback only, in `root`. */
async function debianCluster(root: string, binDir: string): Promise<{ url(db: string): string; stop(): Promise<void> }> {
  const dir = path.join(root, 'pg');
  mkdirSync(dir, { recursive: true });
  let user: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    // PostgreSQL refuses to run as root: the cluster belongs to `postgres`, who must reach it.
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    user = { uid: id('-u'), gid: id('-g') };
    chmodSync(root, 0o711);
    chownSync(dir, user.uid, user.gid);
  }
  const run = (bin: string, args: string[]) => {
    const r = spawnSync(path.join(binDir, bin), args, { encoding: 'utf8', timeout: 60_000, ...(user ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.stderr}`);
  };
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  run('pg_ctl', ['-D', dir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=100`, 'start']);
  return {
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: async () => run('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']),
  };
}

async function subject(): Promise<Subject> {
  const shared = sharedPlatform();
  const url = shared.infra.regionDatabaseUrls[REGION]!;
  const major = await serverMajorOf(url);
  try {
    findPgTool('pg_dump', major);
    return { platform: shared, url: (db) => withDb(url, db), stop: async () => {} };
  } catch {
    /* no client for this server: a platform of our own on the Debian server binaries below */
  }
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) : [];
  const v = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!v) throw new Error(`no pg_dump for the shared platform's PostgreSQL ${major} and no server binaries under /usr/lib/postgresql to drill on`);
  const root = tempDataDir('satupintu-drill-');
  const cluster = await debianCluster(root, `/usr/lib/postgresql/${v}/bin`);
  try {
    const dbs = { CONTROL_DATABASE_URL: 'drill_control', DATABASE_URL_ID_JAKARTA: 'drill_id_jakarta', DATABASE_URL_ID_BATAM: 'drill_id_batam' };
    for (const db of Object.values(dbs)) await sql(cluster.url('postgres'), `create database ${db}`);
    const env = Object.fromEntries(Object.entries(dbs).map(([k, db]) => [k, cluster.url(db)]));
    const platform = await startPlatform(testConfig(path.join(root, 'data'), env), { role: 'api' });
    return {
      platform,
      url: cluster.url,
      stop: async () => {
        await platform.stop();
        await cluster.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await cluster.stop().catch(() => {});
    throw e;
  }
}

describe('region backup and restore drill', function () {
  this.timeout(180_000);
  let s: Subject;
  let dir: string;
  let manifest: BackupManifest;
  const restoredDb = `drill_restore_${randomBytes(4).toString('hex')}`;
  const restoredBucket = `drill-restore-${randomBytes(4).toString('hex')}`;
  const retriedDb = `${restoredDb}_retried`;
  const retriedBucket = `${restoredBucket}-retried`;
  const objects = [
    { key: `drill/${randomBytes(4).toString('hex')}/a.pdf`, body: randomBytes(70_000) },
    { key: `drill/${randomBytes(4).toString('hex')}/b.png`, body: randomBytes(1_000) },
    { key: `drill/${randomBytes(4).toString('hex')}/same-as-b.png`, body: Buffer.alloc(0) },
  ];
  objects[2]!.body = objects[1]!.body; // identical content is kept once in the backup

  before(async function () {
    s = await subject();
    for (const o of objects) await s.platform.store.putBuffer(REGION, o.key, o.body, 'application/octet-stream');
    dir = tempDataDir('satupintu-backup-');
  });

  after(async function () {
    if (!s) return;
    for (const db of [restoredDb, retriedDb]) await sql(s.url('postgres'), `drop database if exists ${db} with (force)`).catch(() => {});
    for (const o of objects) await s.platform.store.delete(REGION, o.key).catch(() => {});
    const client = s.platform.store.client;
    for (const bucket of [restoredBucket, retriedBucket]) {
      for (const o of manifest?.bucket.objects ?? []) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.key })).catch(() => {});
      await client.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => {});
    }
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the database and the bucket with a manifest written last', async () => {
    const started = Date.now();
    manifest = await backupRegion({
      region: REGION,
      databaseUrl: s.platform.infra.regionDatabaseUrls[REGION]!,
      s3: s.platform.store.client,
      bucket: s.platform.store.bucketOf(REGION),
      dir,
    });
    const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
    console.log(`      backup: ${Object.keys(manifest.database.tables).length} tables, ${rows} rows, ${manifest.bucket.objects.length} objects in ${Date.now() - started} ms (${manifest.postgres.pgDump})`);
    assert.ok(Object.keys(manifest.database.tables).length > 20, 'every table of the region is counted');
    assert.ok(rows > 0);
    for (const o of objects) {
      const entry = manifest.bucket.objects.find((x) => x.key === o.key);
      assert.ok(entry, `object ${o.key} is in the manifest`);
      assert.equal(entry.size, o.body.length);
    }
    assert.ok(existsSync(path.join(dir, 'manifest.json')));
    assert.deepEqual((await readManifest(dir)).database.sha256, manifest.database.sha256);
    // Content-addressed: the two identical objects are one file.
    const files = readdirSync(path.join(dir, 'objects'));
    assert.equal(files.length, new Set(manifest.bucket.objects.map((o) => o.sha256)).size);
  });

  it('refuses to back up into a folder that is not empty', async () => {
    await assert.rejects(
      backupRegion({ region: REGION, databaseUrl: s.platform.infra.regionDatabaseUrls[REGION]!, s3: s.platform.store.client, bucket: s.platform.store.bucketOf(REGION), dir }),
      /not empty/,
    );
  });

  it('restores into a fresh database and bucket; every row count and object checksum matches', async () => {
    await sql(s.url('postgres'), `create database ${restoredDb}`);
    const started = Date.now();
    const report = await restoreRegion({ dir, databaseUrl: s.url(restoredDb), s3: s.platform.store.client, bucket: restoredBucket });
    console.log(`      restore + verify: ${report.tables} tables, ${report.objects} objects in ${Date.now() - started} ms`);
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.equal(report.tables, Object.keys(manifest.database.tables).length);
    assert.equal(report.objects, manifest.bucket.objects.length);
  });

  it('puts an object again, from the file, when the store fails it once (a stream cannot be replayed by the SDK)', async () => {
    // A proxy in front of the store answers the first PUT of every object with a 500, after reading
    // its body, as S3's passing faults do; the Host header passes through, so SigV4 still checks.
    const target = new URL(s.platform.infra.s3Endpoint);
    const failed = new Set<string>();
    const proxy = http.createServer((req, res) => {
      const objectPut = req.method === 'PUT' && req.url!.split('?')[0]!.split('/').filter(Boolean).length > 1;
      if (objectPut && !failed.has(req.url!)) {
        failed.add(req.url!);
        req.resume();
        req.on('end', () => {
          res.writeHead(500, { 'content-type': 'application/xml' });
          res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>drill fault</Message></Error>');
        });
        return;
      }
      // Hop-by-hop headers stay here (S3Proxy answers a forwarded `Expect: 100-continue` with 501).
      const { expect: _expect, connection: _connection, 'keep-alive': _keepAlive, ...headers } = req.headers;
      const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const store = s.platform.store.client.config;
    const flaky = new S3Client({
      endpoint: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`,
      region: await store.region(),
      credentials: await store.credentials(),
      forcePathStyle: true,
      // As the platform's own client (packages/storage): S3Proxy refuses x-amz-checksum-mode.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    try {
      await sql(s.url('postgres'), `create database ${retriedDb}`);
      const report = await restoreRegion({ dir, databaseUrl: s.url(retriedDb), s3: flaky, bucket: retriedBucket });
      assert.deepEqual(report.problems, []);
      assert.equal(failed.size, manifest.bucket.objects.length, 'every object was refused once and put again');
    } finally {
      flaky.destroy();
      proxy.close();
    }
  });

  it('refuses to restore into a database that is not empty', async () => {
    await assert.rejects(restoreRegion({ dir, databaseUrl: s.url(restoredDb), s3: s.platform.store.client, bucket: restoredBucket }), /not empty/);
  });

  it('reports a missing object and a changed row count', async () => {
    const [table] = Object.entries(manifest.database.tables).find(([t, n]) => n > 0 && t.startsWith('public.') && t !== 'public.typeorm_migrations')!;
    const [schema, name] = table.split('.') as [string, string];
    const ident = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`;
    // As if a row were lost: no trigger (append-only audit) or foreign key stops the damage.
    await sql(s.url(restoredDb), `set session_replication_role = replica; delete from ${ident} where ctid = (select ctid from ${ident} limit 1)`);
    await s.platform.store.client.send(new DeleteObjectCommand({ Bucket: restoredBucket, Key: objects[0]!.key }));
    const report = await verifyRegion({ manifest, databaseUrl: s.url(restoredDb), s3: s.platform.store.client, bucket: restoredBucket });
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems, [`object ${objects[0]!.key}: missing`, `table ${table}: ${manifest.database.tables[table]! - 1} rows, manifest ${manifest.database.tables[table]}`].sort());
  });

  it('refuses a backup whose manifest was never written (a half backup)', async () => {
    renameSync(path.join(dir, 'manifest.json'), path.join(dir, 'manifest.json.tmp'));
    try {
      await assert.rejects(restoreRegion({ dir, databaseUrl: s.url('postgres'), s3: s.platform.store.client, bucket: restoredBucket }), /did not finish/);
    } finally {
      renameSync(path.join(dir, 'manifest.json.tmp'), path.join(dir, 'manifest.json'));
    }
  });
});
