import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { freePort } from '@satupintu/stack';
import { tempDataDir } from '@satupintu/testkit';

const ROOT = path.resolve('.');
const CLI = path.resolve('packages/cli/bin/satupintu.js');

/** Processes whose command line mentions `needle` (the embedded PostgreSQL runs with -D <DATA_DIR>/postgres). */
function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle)) found.push(`${pid}: ${cmd.trim()}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** Every live descendant of `root` (by /proc/<pid>/stat's parent field). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parentOf.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  let frontier = [root];
  while (frontier.length) {
    const next: number[] = [];
    for (const [pid, ppid] of parentOf) if (frontier.includes(ppid)) next.push(pid);
    out.push(...next);
    frontier = next;
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie is not running any more.
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns `cmd` and waits until its output says `ready` (each in its own process group unless `group: false`). */
async function launch(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, opts: { detached?: boolean } = {}): Promise<Proc> {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: opts.detached ?? true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 150 s:\n${out}`)), 150_000);
    const check = () => {
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
  return { child, output: () => out, exited };
}

const serve = (role: string, env: NodeJS.ProcessEnv) => launch(process.execPath, [CLI, 'serve', '--role', role], env, new RegExp(`Satupintu ${role} siap / ready`));

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Superuser URL of a region database of the embedded cluster under `dataDir`. */
function regionUrl(dataDir: string, region: string): string {
  const port = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = readFileSync(path.join(dataDir, 'secrets', 'postgres-superuser.password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/satupintu_${region.replace(/-/g, '_')}`;
}

describe('process roles and graceful lifecycle (satupintu serve --role, npm start)', function () {
  this.timeout(420_000);
  const started: ChildProcess[] = [];
  const dirs: string[] = [];
  before(function () {
    // These run the embedded stack themselves; not part of the external-server tier.
    if (process.env.CONTROL_DATABASE_URL) this.skip();
  });
  after(async () => {
    for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('an api process never runs jobs; a worker runs them, listens only on HEALTH_PORT; SIGTERM drains a slow upload and exits 0', async () => {
    const dataDir = tempDataDir('satupintu-roles-');
    dirs.push(dataDir);
    const apiPort = await freePort();
    const api = await serve('api', { DATA_DIR: dataDir, PORT: String(apiPort), LOG_LEVEL: 'info', SHUTDOWN_DRAIN_MS: '3000' });
    started.push(api.child);
    const base = `http://127.0.0.1:${apiPort}`;
    assert.equal((await fetch(`${base}/readyz`)).status, 200);

    // A job sent while only the API runs stays queued: the API has no pg-boss worker, no cron.
    const url = regionUrl(dataDir, 'id-batam');
    const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 2, schedule: false, supervise: false });
    await boss.start();
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      await boss.createQueue('monitoring.rollup');
      const jobId = (await boss.send('monitoring.rollup', { region: 'id-batam' }))!;
      assert.ok(jobId);
      const stateOf = async () => (await db.query<{ state: string }>('select state from pgboss.job where id = $1', [jobId])).rows[0]?.state;
      await new Promise((r) => setTimeout(r, 4_000));
      assert.equal(await stateOf(), 'created', 'the api process did not work the job');
      assert.equal(Number((await db.query('select count(*) from pgboss.schedule')).rows[0].count), 0, 'the api process scheduled no cron job');
      assert.equal(Number((await db.query(`select count(*) from pg_stat_activity where application_name like 'satupintu-housekeeping%'`)).rows[0].count), 0);

      // A worker on the same DATA_DIR (it joins the embedded PostgreSQL): works the job, schedules cron.
      const workerPort = await freePort();
      const healthPort = await freePort();
      const worker = await serve('worker', { DATA_DIR: dataDir, PORT: String(workerPort), HEALTH_PORT: String(healthPort), LOG_LEVEL: 'info' });
      started.push(worker.child);
      assert.match(worker.output(), /health http:\/\/127\.0\.0\.1:\d+\/healthz/);
      await until('the worker to complete the job', async () => ((await stateOf()) === 'completed' ? true : undefined));
      assert.ok(Number((await db.query('select count(*) from pgboss.schedule')).rows[0].count) > 0, 'the worker scheduled the cron jobs');
      assert.ok(Number((await db.query(`select count(*) from pg_stat_activity where application_name like 'satupintu-housekeeping%'`)).rows[0].count) > 0, 'the worker runs the housekeeping thread');
      await until('the job log line', async () => (worker.output().includes(jobId) ? true : undefined), 10_000).catch(() => undefined);
      assert.ok(!api.output().includes(jobId), 'the api process never mentions the job');
      const health = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { role: string }).role, 'worker');
      await assert.rejects(fetch(`http://127.0.0.1:${workerPort}/healthz`), 'the worker does not listen on PORT');

      // The worker stops at a job boundary and exits 0; its health endpoint goes with it.
      process.kill(-worker.child.pid!, 'SIGTERM');
      assert.equal(await worker.exited, 0, worker.output().slice(-2000));
      await assert.rejects(fetch(`http://127.0.0.1:${healthPort}/healthz`));
    } finally {
      await db.end().catch(() => {});
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
    }

    // A slow upload started before SIGTERM completes; /readyz is 503 from the moment of the signal.
    const tokenRes = await fetch(`${base}/realms/mpp/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'satupintu-cli', username: 'warga.kapuas', password: 'mpp-demo' }),
    });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const created = await fetch(`${base}/api/v1/tenants/kab-kapuas/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'polri.sktlk', data: {} }),
    });
    assert.equal(created.status, 201);
    const app = (await created.json()) as { id: string };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n' + ' '.repeat(20_000));
    const upload = http.request(`${base}/api/v1/tenants/kab-kapuas/applications/${app.id}/documents/identitas`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'content-length': String(pdf.length) },
    });
    const uploaded = new Promise<number>((resolve, reject) => {
      upload.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      upload.on('error', reject);
    });
    upload.write(pdf.subarray(0, 1000));
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-api.child.pid!, 'SIGTERM');
    await until('the SIGTERM to be handled', async () => (api.output().includes('SIGTERM') ? true : undefined), 5_000);
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 503, 'readiness goes false at once');
    assert.equal(((await ready.json()) as { status: string }).status, 'shutting-down');
    // Past the drain delay the listener is closed; the upload in flight still finishes.
    await new Promise((r) => setTimeout(r, 3_500));
    await assert.rejects(fetch(`${base}/healthz`), 'no new connection after the drain');
    upload.end(pdf.subarray(1000));
    assert.equal(await uploaded, 201, 'the in-flight upload completed');
    assert.equal(await api.exited, 0, api.output().slice(-3000));
    assert.deepEqual(processesMentioning(dataDir), [], 'no process of this DATA_DIR remains');
  });

  it('SIGTERM to the `npm start` process stops the whole tree (node and the embedded PostgreSQL)', async () => {
    const dataDir = tempDataDir('satupintu-npm-');
    dirs.push(dataDir);
    const port = await freePort();
    // npm itself is signalled, not its process group: what a process manager does to the `npm start` it ran.
    const npm = await launch('npm', ['start'], { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }, /siap \/ ready/, { detached: false });
    started.push(npm.child);
    const tree = descendants(npm.child.pid!);
    const postgres = processesMentioning(`${dataDir}/postgres`).map((l) => Number(l.split(':')[0]));
    assert.ok(tree.length >= 2, `npm's tree: ${tree.join(' ')}`);
    assert.ok(postgres.length > 0 && postgres.every((p) => tree.includes(p)), 'the embedded PostgreSQL is in npm start’s tree');
    process.kill(npm.child.pid!, 'SIGTERM');
    await npm.exited;
    await until('every process of the tree to end', async () => (tree.every((p) => !alive(p)) ? true : undefined), 30_000).catch(() => undefined);
    assert.deepEqual(tree.filter(alive), [], 'no process of the `npm start` tree remains');
    assert.deepEqual(processesMentioning(dataDir), []);
    assert.match(npm.output(), /SIGTERM: berhenti dengan rapi/);
  });

  it('as root, a DATA_DIR inside a directory other users cannot enter stops at once with a bilingual message', async function () {
    if (process.getuid?.() !== 0 || spawnSync('id', ['-u', 'postgres']).status !== 0) this.skip();
    const closed = mkdtempSync(path.join(tmpdir(), 'satupintu-closed-'));
    dirs.push(closed);
    chmodSync(closed, 0o700);
    const dataDir = path.join(closed, 'data');
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [CLI, 'start'], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr + r.stdout);
    assert.ok(Date.now() - t0 < 30_000, 'stops at once');
    assert.match(r.stderr, /PostgreSQL tertanam berjalan sebagai pengguna `postgres`/);
    assert.match(r.stderr, /The embedded PostgreSQL runs as user `postgres`.*cannot enter: .*satupintu-closed-/);
    assert.match(r.stderr, /DATA_DIR=\/var\/lib\/satupintu/);
    assert.doesNotMatch(r.stderr, /EACCES|Unhandled|at .*\.ts:\d+/);
    assert.equal(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION')), false);
    assert.deepEqual(processesMentioning(dataDir), []);
    // Doing what the message says works: the directory made enterable, the same DATA_DIR starts.
    chmodSync(closed, 0o711);
    const ok = await launch(process.execPath, [CLI, 'start'], { DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'warn' }, /siap \/ ready/);
    started.push(ok.child);
    process.kill(-ok.child.pid!, 'SIGTERM');
    assert.equal(await ok.exited, 0);
    assert.deepEqual(processesMentioning(dataDir), []);
  });
});
