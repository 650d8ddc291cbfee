/**
 * What tracing costs a request: three `serve --role api` processes on the same embedded stack, one
 * exporting every span (always_on) to an OTLP/HTTP sink on 127.0.0.1, one sampling a tenth of the
 * traces (parentbased_traceidratio 0.1), one without an endpoint.
 * Rounds alternate between them (same machine load): 200 sequential reads of an application
 * (auth, RLS transaction, five statements) and 100 draft creations (a write), then the same at 16
 * at once. Per process: median request latency and CPU time per request (utime + stime from
 * /proc, which the rest of a loaded machine disturbs less), median of 5 rounds.
 *   node --import tsx test/bench/tracing.bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { freePort } from '@satupintu/stack';
import { tempDataDir } from '@satupintu/testkit';

const CLI = path.resolve('packages/cli/bin/satupintu.js');
const T = 'kab-kapuas';
const SKTLK = { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar', kronologi: 'Hilang.' };

// The sink only counts bytes: it shares this process's event loop with the load.
let bytesReceived = 0;
const sink = http.createServer((req, res) => {
  req.on('data', (c: Buffer) => (bytesReceived += c.length));
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
});
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;

const children: ChildProcess[] = [];
/** CPU milliseconds (user + system) a process has used so far. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks (USER_HZ 100)
}
async function serve(env: NodeJS.ProcessEnv): Promise<{ base: string; pid: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--role', 'api'], { env: { ...process.env, LOG_LEVEL: 'warn', RATE_LIMIT_TENANT_MAX: '0', RATE_LIMIT_CLIENT_MAX: '0', PORT: String(port), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => /siap \/ ready/.test(out) && resolve());
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid! };
}

const dataDir = tempDataDir('satupintu-tracing-bench-');
const off = { OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '' };
const traced = await serve({ ...off, DATA_DIR: dataDir, OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl, OTEL_TRACES_SAMPLER: 'always_on' });
const sampled = await serve({ ...off, DATA_DIR: dataDir, OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' });
const plain = await serve({ ...off, DATA_DIR: dataDir });

async function token(base: string): Promise<string> {
  const r = await fetch(`${base}/realms/mpp/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'satupintu-cli', username: 'warga.kapuas', password: 'mpp-demo' }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
}

const targets = await Promise.all(
  [
    ['always_on', traced],
    ['ratio 0.1', sampled],
    ['no endpoint', plain],
  ].map(async ([name, proc]) => {
    const { base, pid } = proc as { base: string; pid: number };
    const tok = await token(base);
    const headers = { authorization: `Bearer ${tok}`, 'content-type': 'application/json' };
    const draft = async () => {
      const r = await fetch(`${base}/api/v1/tenants/${T}/applications`, { method: 'POST', headers, body: JSON.stringify({ service: 'polri.sktlk', data: SKTLK }) });
      if (r.status !== 201) throw new Error(`draft ${r.status}`);
      return ((await r.json()) as { id: string }).id;
    };
    const id = await draft();
    const read = async () => {
      const r = await fetch(`${base}/api/v1/tenants/${T}/applications/${id}`, { headers });
      if (r.status !== 200) throw new Error(`read ${r.status}`);
      await r.arrayBuffer();
    };
    return { name: name as string, pid, read, draft };
  }),
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(n: number, parallel: number, fn: () => Promise<unknown>): Promise<number> {
  const lat: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next++ < n) {
        const t0 = performance.now();
        await fn();
        lat.push(performance.now() - t0);
      }
    }),
  );
  return median(lat);
}

const cases = [
  { case: 'read ×200, sequential', n: 200, parallel: 1, op: 'read' as const },
  { case: 'draft ×100, sequential', n: 100, parallel: 1, op: 'draft' as const },
  { case: 'read ×400, 16 at once', n: 400, parallel: 16, op: 'read' as const },
];
const results: Record<string, Record<string, number[]>> = {};
const cpu: Record<string, Record<string, number[]>> = {};
// Warm-up: JIT, pools, caches.
for (const t of targets) await timed(100, 4, t.read);
for (let round = 0; round < 5; round++)
  for (const c of cases)
    for (const t of round % 2 ? [...targets].reverse() : targets) {
      const before = cpuMs(t.pid);
      ((results[c.case] ??= {})[t.name] ??= []).push(await timed(c.n, c.parallel, t[c.op]));
      ((cpu[c.case] ??= {})[t.name] ??= []).push(((cpuMs(t.pid) - before) * 1000) / c.n);
    }

console.log(`Tracing overhead per request: median of 5 rounds, rounds alternating; ${Math.round(bytesReceived / 1024)} KiB of OTLP JSON received`);
const pct = (on: number, no: number) => `${on >= no ? '+' : ''}${(((on - no) / no) * 100).toFixed(0)} %`;
console.table(
  cases.flatMap((c) => {
    const off = targets.at(-1)!;
    const [lOff, cOff] = [median(results[c.case]![off.name]!), median(cpu[c.case]![off.name]!)];
    return targets.map((t) => {
      const [l, u] = [median(results[c.case]![t.name]!), median(cpu[c.case]![t.name]!)];
      return { case: c.case, process: t.name, 'median latency ms': l.toFixed(2), 'vs off': t === off ? '' : pct(l, lOff), 'CPU µs/request': Math.round(u), 'CPU vs off': t === off ? '' : pct(u, cOff) };
    });
  }),
);
for (const c of children) process.kill(-c.pid!, 'SIGTERM');
await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
sink.close();
rmSync(dataDir, { recursive: true, force: true });
