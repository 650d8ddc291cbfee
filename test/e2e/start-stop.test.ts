import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@satupintu/stack';
import { tempDataDir } from '@satupintu/testkit';

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

function cli(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
}

async function start(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  // Its own process group, so a signal reaches it as Ctrl-C in a terminal would.
  const child = spawn(process.execPath, [CLI, 'start'], { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s:\n${out}`)), 120_000);
    const check = () => {
      if (out.includes('siap / ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { child, output: () => out };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  process.kill(-child.pid!, signal);
  return exited;
}

describe('npm start on a fresh data directory (the satupintu CLI)', function () {
  this.timeout(300_000);
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  /** The process one test leaves running for the next (each boot costs seconds: they are shared). */
  let running: { child: ChildProcess; output: () => string } | undefined;
  const runningOrStart = async () => (running ??= await start(env));

  before(async function () {
    // This suite runs the embedded stack itself; it is not part of the external-server tier.
    if (process.env.CONTROL_DATABASE_URL) this.skip();
    dataDir = tempDataDir('satupintu-e2e-');
    env = { DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'warn' };
  });
  after(async () => {
    if (running && running.child.exitCode === null) await stop(running.child, 'SIGINT');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts everything, serves the CLI meanwhile, and Ctrl-C leaves no process behind; data survives a restart', async () => {
    const first = await start(env);
    const base = `http://127.0.0.1:${env.PORT}`;
    assert.match(first.output(), /PostgreSQL\s+embedded/);
    assert.match(first.output(), /S3\s+embedded s3rver/);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);

    // The CLI joins the running embedded PostgreSQL rather than starting a second one.
    const created = cli(['tenant', 'create', '--code', '62.04', '--region', 'id-batam', '--status', 'committed'], env);
    assert.equal(created.status, 0, created.stderr + created.stdout);
    assert.match(created.stdout, /Kabupaten Barito Selatan \(62\.04\) → kab-barito-selatan, region id-batam/);
    const dup = cli(['tenant', 'create', '--code', '62.04', '--slug', 'kab-bsel'], env);
    assert.equal(dup.status, 1);
    assert.match(dup.stderr, /TENANT_CODE_TAKEN/);
    assert.match(dup.stderr, /sudah menjadi tenant.*already a tenant/s);

    const install = cli(['plugin', 'install', 'kab-barito-selatan', 'polri@1.1.0'], env);
    assert.equal(install.status, 0, install.stderr);
    assert.match(install.stdout, /kab-barito-selatan: polri@1\.1\.0, manual \(installed\)/);
    const catalog = cli(['catalog', 'kab-bandung-barat', '--q', 'ktp hilang'], env);
    assert.match(catalog.stdout, /dukcapil\.ktpel-penggantian\s+Penggantian KTP-el/);
    const lint = cli(['plugin', 'lint', 'plugins/polri'], env);
    assert.match(lint.stdout, /✓ plugins\/polri: OK/);
    const republish = cli(['plugin', 'publish', 'plugins/polri'], env);
    assert.match(republish.stdout, /already published polri@1\.1\.0 sha256:/, 'the same content is a no-op');

    const token = cli(['token', 'admin.platform'], env);
    assert.equal(token.status, 0, token.stderr);
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    assert.equal(((await me.json()) as { username: string }).username, 'admin.platform');

    assert.equal(await stop(first.child, 'SIGINT'), 0, first.output().slice(-3000));
    assert.deepEqual(processesMentioning(dataDir), [], 'no orphan postgres after Ctrl-C');

    running = await start(env);
    const t = await fetch(`${base}/api/v1/tenants/kab-barito-selatan`);
    assert.equal(t.status, 200, 'the tenant made by the CLI is still there');
    const regions = (await (await fetch(`${base}/api/v1/regions`)).json()) as { items: { id: string; tenantCount: number }[] };
    assert.equal(regions.items.find((r) => r.id === 'id-batam')?.tenantCount, 5);
  });

  it('repairs a crash between object write and row commit; documents survive restarts', async () => {
    const base = `http://127.0.0.1:${env.PORT}`;
    const token = async () => {
      const r = await fetch(`${base}/realms/mpp/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'satupintu-cli', username: 'warga.kapuas', password: 'mpp-demo' }),
      });
      return ((await r.json()) as { access_token: string }).access_token;
    };
    const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n' + ' '.repeat(5000));
    const put = (tok: string, id: string) =>
      fetch(`${base}/api/v1/tenants/kab-kapuas/applications/${id}/documents/identitas`, { method: 'PUT', headers: { authorization: `Bearer ${tok}` }, body: pdfBytes });

    const first = await runningOrStart();
    running = undefined;
    let tok = await token();
    const created = await fetch(`${base}/api/v1/tenants/kab-kapuas/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'polri.sktlk', data: {} }),
    });
    const app = (await created.json()) as { id: string };
    assert.equal((await put(tok, app.id)).status, 201);
    // SIGTERM (as a process manager stops it) ends it cleanly too.
    assert.equal(await stop(first.child, 'SIGTERM'), 0);
    assert.deepEqual(processesMentioning(dataDir), []);

    // The process dies (SIGKILL) after the object is written, before its row commits.
    const crashing = await start({ ...env, SATUPINTU_FAULT: 'after-object-write' });
    tok = await token();
    const died = new Promise((r) => crashing.child.on('exit', r));
    await put(tok, app.id).catch(() => undefined);
    await died;
    const orphanDir = path.join(dataDir, 's3', 'satupintu-id-batam');
    const objects = () => {
      const out: string[] = [];
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(path.join(d, e.name));
          else if (e.name.endsWith('._S3rver_object')) out.push(path.join(d, e.name));
        }
      };
      walk(orphanDir);
      return out.filter((f) => f.includes(app.id));
    };
    assert.equal(objects().length, 2, 'one committed document and one orphan');

    const again = await start(env);
    tok = await token();
    const view = (await (await fetch(`${base}/api/v1/tenants/kab-kapuas/applications/${app.id}`, { headers: { authorization: `Bearer ${tok}` } })).json()) as { documents: { id: string }[] };
    assert.equal(view.documents.length, 1, 'only the committed document has a row');
    const link = (await (await fetch(`${base}/api/v1/tenants/kab-kapuas/applications/${app.id}/documents/${view.documents[0]!.id}/download`, { headers: { authorization: `Bearer ${tok}` } })).json()) as { url: string };
    const doc = await fetch(link.url);
    assert.equal(doc.status, 200, 'the document survived two restarts');
    assert.equal((await doc.arrayBuffer()).byteLength, pdfBytes.length);
    const swept = cli(['reconcile', '--grace', '0'], env);
    assert.equal(swept.status, 0, swept.stderr);
    assert.match(swept.stdout, /id-batam\s+scanned \d+, orphans removed 1/);
    assert.equal(objects().length, 1, 'the orphan is gone, the document stays');
    running = again;
  });

  it('recovers from a killed process: the orphaned PostgreSQL is stopped and the stack starts again', async () => {
    const run = await runningOrStart();
    running = undefined;
    const exited = new Promise((r) => run.child.on('exit', r));
    process.kill(run.child.pid!, 'SIGKILL');
    await exited;
    assert.ok(processesMentioning(`${dataDir}/postgres`).length > 0, 'postgres is orphaned after kill -9');
    const again = await start(env);
    assert.equal((await fetch(`http://127.0.0.1:${env.PORT}/readyz`)).status, 200);
    const code = await stop(again.child, 'SIGINT');
    assert.equal(code, 0, again.output().slice(-3000));
    assert.deepEqual(processesMentioning(dataDir), []);
  });
});
