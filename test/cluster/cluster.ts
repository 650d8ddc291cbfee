import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '@satupintu/stack';

/**
 * The cluster tier's harness (docs/cluster-proof.md). `.ci/cluster.sh` provides PostgreSQL (the
 * machine's service), PgBouncer in transaction mode, S3Proxy and Keycloak; this module starts
 * HAProxy, three API processes and two workers as child processes, and stops every one of them on
 * the way out (after the run, on a failure, on the watchdog, and synchronously on exit).
 */

export const CLI = path.resolve('packages/cli/bin/satupintu.js');

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the cluster tier through .ci/cluster.sh`);
  return v;
}

/** PgBouncer (transaction pooling) and the PostgreSQL service behind it, both as superuser `postgres`. */
export const PGBOUNCER = () => need('CLUSTER_PGBOUNCER_URL');
export const POSTGRES = () => need('CLUSTER_POSTGRES_URL');
export const DB = { control: 'cluster_control', 'id-jakarta': 'cluster_id_jakarta', 'id-batam': 'cluster_id_batam' } as const;

// ---- cleanup ---------------------------------------------------------------------------------
const cleanups = new Map<string, () => Promise<void> | void>();
const syncKills = new Map<string, () => void>();
export async function cleanupAll(): Promise<void> {
  for (const [name, fn] of [...cleanups].reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`cleanup ${name} failed:`, (e as Error).message);
    }
    cleanups.delete(name);
    syncKills.delete(name);
  }
}
process.on('exit', () => {
  for (const fn of [...syncKills.values()].reverse()) {
    try {
      fn();
    } catch {
      // nothing more can be done while exiting
    }
  }
});

export function makeRoot(): string {
  const dir = path.join(tmpdir(), `satupintu-cluster-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  cleanups.set(`dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- child processes -------------------------------------------------------------------------
/** A child process the harness owns: killed (SIGKILL) by cleanup and on exit. */
class Owned {
  child?: ChildProcess;
  protected out = '';
  constructor(readonly name: string) {}

  protected spawnOwned(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    this.out = '';
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const key = `${this.name} ${child.pid}`;
    cleanups.set(key, () => this.kill('SIGKILL'));
    syncKills.set(key, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const keep = (d: Buffer) => (this.out = (this.out + d).slice(-2_000_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    return child;
  }

  get alive(): boolean {
    const c = this.child;
    return !!c && c.exitCode === null && c.signalCode === null;
  }

  output(n = 3000): string {
    return this.out.slice(-n);
  }

  /** Sends a signal and waits for the process to end (SIGKILL after 30 s). */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const late = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(late);
  }

  /** SIGSTOP / SIGCONT without waiting. */
  signal(signal: NodeJS.Signals): void {
    if (this.alive) this.child!.kill(signal);
  }
}

/** `satupintu serve --role api|worker` on a fixed port (API: PORT; worker: HEALTH_PORT). */
export class PlatformProcess extends Owned {
  constructor(
    name: string,
    readonly role: 'api' | 'worker',
    readonly port: number,
    private env: NodeJS.ProcessEnv,
  ) {
    super(name);
  }

  /** Changes the environment of the next start. */
  setEnv(extra: NodeJS.ProcessEnv): void {
    this.env = { ...this.env, ...extra };
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts and waits until /readyz answers 200; returns how long that took (ms). */
  async start(timeoutMs = 180_000): Promise<number> {
    const started = performance.now();
    const portVar = this.role === 'api' ? { PORT: String(this.port) } : { HEALTH_PORT: String(this.port) };
    const child = this.spawnOwned(process.execPath, [CLI, 'serve', '--role', this.role], { ...process.env, ...this.env, ...portVar });
    let exited = false;
    child.once('exit', () => (exited = true));
    while (performance.now() - started < timeoutMs) {
      if (exited) throw new Error(`${this.name} exited during start:\n${this.output()}`);
      try {
        const r = await fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(3_000) });
        await r.arrayBuffer();
        if (r.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    await this.kill('SIGKILL');
    throw new Error(`${this.name} not ready in ${timeoutMs} ms:\n${this.output()}`);
  }

  /** Log lines at error level or above (JSON lines with level ≥ 50). */
  errors(): string[] {
    const out: string[] = [];
    for (const line of this.out.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const e = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((e.level ?? 0) >= 50) out.push(`${e.msg}${e.err?.message ? `: ${e.err.message}` : ''}`);
      } catch {
        // a cut line
      }
    }
    return out;
  }
}

/** HAProxy 2.6 in front of the API processes: health checks on /readyz, L7 retries, redispatch. */
export class HaProxy extends Owned {
  port = 0;
  private socket = '';
  constructor(
    private readonly dir: string,
    private readonly servers: { name: string; port: number }[],
  ) {
    super('haproxy');
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.socket = path.join(this.dir, 'haproxy.sock');
    const cfg = path.join(this.dir, 'haproxy.cfg');
    writeFileSync(
      cfg,
      `global
  maxconn 4000
  stats socket ${this.socket} mode 600 level admin

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  timeout queue 10s
  # A health check answered later than this counts as failed (the default, inter, is too short
  # for a 2-core machine under a flood: every server would be marked down at once).
  timeout check 3s
  # A request that could not reach an API (connection refused or reset, or 502/503 from a process
  # that is stopping) is sent again, to another server (redispatch). HAProxy re-sends only what is
  # safe: a request whose connection failed before it was sent, or an idempotent method; a POST
  # that reached a dying process is the client's to retry (with its Idempotency-Key).
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout 502 503
  option http-server-close
  option forwardfor

frontend satupintu
  bind 127.0.0.1:${this.port}
  default_backend apis

backend apis
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2
${this.servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check`).join('\n')}
`,
    );
    const bin = process.env.CLUSTER_HAPROXY ?? '/usr/sbin/haproxy';
    const child = this.spawnOwned(bin, ['-f', cfg, '-db'], process.env);
    let exited = false;
    child.once('exit', () => (exited = true));
    for (let i = 0; i < 100; i++) {
      if (exited) throw new Error(`haproxy exited:\n${this.output()}`);
      try {
        await this.stat();
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`haproxy did not start:\n${this.output()}`);
  }

  /** A command on the stats socket. */
  command(cmd: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const c = net.createConnection(this.socket);
      let data = '';
      c.on('data', (d) => (data += d));
      c.on('end', () => resolve(data));
      c.on('error', reject);
      c.setTimeout(3_000, () => c.destroy(new Error('stats socket timeout')));
      c.write(`${cmd}\n`);
    });
  }

  /** `show stat` of the API backend's servers: status and counters. */
  async stat(): Promise<Record<string, { status: string; retries: number; redispatches: number; errors: number; checkDowns: number }>> {
    const csv = await this.command('show stat');
    const lines = csv.trim().split('\n');
    const head = lines[0]!.replace(/^# /, '').split(',');
    const col = (n: string) => head.indexOf(n);
    const out: Record<string, { status: string; retries: number; redispatches: number; errors: number; checkDowns: number }> = {};
    for (const l of lines.slice(1)) {
      const f = l.split(',');
      if (f[col('pxname')] !== 'apis') continue;
      out[f[col('svname')]!] = {
        status: f[col('status')]!,
        retries: Number(f[col('wretr')] || 0),
        redispatches: Number(f[col('wredis')] || 0),
        errors: Number(f[col('econ')] || 0) + Number(f[col('eresp')] || 0),
        checkDowns: Number(f[col('chkdown')] || 0),
      };
    }
    return out;
  }

  /** Waits until HAProxy's health checks see `server` in `status` (UP / DOWN). */
  async waitFor(server: string, status: 'UP' | 'DOWN', timeoutMs = 30_000): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      const s = (await this.stat())[server];
      if (s && s.status.startsWith(status)) return performance.now() - started;
      await sleep(100);
    }
    throw new Error(`haproxy never saw ${server} ${status}`);
  }
}

// ---- databases -------------------------------------------------------------------------------
/** Superuser query straight on PostgreSQL (bypasses RLS: the verifier sees every row). */
export async function query<T = Record<string, unknown>>(db: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: `${POSTGRES()}/${db}`, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A superuser session straight on PostgreSQL, kept open (e.g. to hold a lock). */
export async function session(db: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: `${POSTGRES()}/${db}`, connectionTimeoutMillis: 10_000 });
  await client.connect();
  cleanups.set(`session ${db} ${Math.random()}`, () => client.end().catch(() => {}));
  return client;
}

/** The environment every platform process of the run shares. */
export function platformEnv(root: string, publicUrl: string): NodeJS.ProcessEnv {
  const pooled = PGBOUNCER();
  const direct = POSTGRES();
  return {
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'warn',
    DATA_DIR: path.join(root, 'app'),
    // Every request's queries, the job queues and the shared budgets go through PgBouncer
    // (transaction pooling); LISTEN and the migrations' advisory lock need a session: straight to
    // PostgreSQL through the session URLs.
    CONTROL_DATABASE_URL: `${pooled}/${DB.control}`,
    DATABASE_URL_ID_JAKARTA: `${pooled}/${DB['id-jakarta']}`,
    DATABASE_URL_ID_BATAM: `${pooled}/${DB['id-batam']}`,
    CONTROL_DATABASE_SESSION_URL: `${direct}/${DB.control}`,
    DATABASE_SESSION_URL_ID_JAKARTA: `${direct}/${DB['id-jakarta']}`,
    DATABASE_SESSION_URL_ID_BATAM: `${direct}/${DB['id-batam']}`,
    // A role of this run (roles are cluster-wide; other suites may use the default one).
    APP_DB_ROLE: 'cluster_app',
    APP_DB_PASSWORD: randomBytes(24).toString('base64url'),
    // One key for every process: page cursors and sealed secrets must agree across them.
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TRUST_PROXY: '127.0.0.1',
    PUBLIC_URL: publicUrl,
    SEED: 'true',
    RATE_LIMIT_STORE: 'postgres',
    RATE_LIMIT_WINDOW_SECONDS: String(BUDGET.windowSeconds),
    RATE_LIMIT_TENANT_MAX: String(BUDGET.tenantMax),
    RATE_LIMIT_CLIENT_MAX: String(BUDGET.tenantMax),
    RATE_LIMIT_ANONYMOUS_MAX: '1000000',
    SHUTDOWN_DRAIN_MS: '2000',
  };
}

/** Every tenant's budget: a burst of 200 and 20 requests a second after it (GCRA). */
export const BUDGET = { windowSeconds: 10, tenantMax: 200 };

// ---- tokens (Keycloak, password grant of the demo realm) ---------------------------------------
const tokens = new Map<string, { token: string; until: number }>();
const pending = new Map<string, Promise<string>>();
/**
 * A citizen's access token, cached until a minute before it expires. One password grant at a time
 * per user (the realm's brute-force detection locks a user out on quick concurrent logins), tried
 * three times.
 */
export function token(username: string): Promise<string> {
  const hit = tokens.get(username);
  if (hit && hit.until > Date.now()) return Promise.resolve(hit.token);
  let p = pending.get(username);
  if (!p) {
    p = (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await passwordGrant(username);
        } catch (e) {
          if (attempt >= 3) throw e;
          await sleep(2_000 * attempt);
        }
      }
    })().finally(() => pending.delete(username));
    pending.set(username, p);
  }
  return p;
}

async function passwordGrant(username: string): Promise<string> {
  const res = await fetch(`${need('KEYCLOAK_URL')}/realms/mpp/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'satupintu-cli', username, password: 'mpp-demo', scope: 'openid' }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { access_token?: string; expires_in?: number };
  if (!body.access_token) throw new Error(`no token for ${username}: ${res.status}`);
  // Refreshed a minute before it expires (Keycloak's access tokens of the demo realm live 5 min).
  tokens.set(username, { token: body.access_token, until: Date.now() + Math.max(30, (body.expires_in ?? 300) - 60) * 1000 });
  return body.access_token;
}

// ---- figures ---------------------------------------------------------------------------------
export const figures: { scenario: string; label: string; value: string }[] = [];
export function figure(scenario: string, label: string, value: unknown): void {
  figures.push({ scenario, label, value: String(value) });
  console.log(`    · ${label}: ${value}`);
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : 'n/a');
