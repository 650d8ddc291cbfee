import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigError, loadConfig, productionProblems } from '@satupintu/core';
import { freePort } from '@satupintu/stack';
import { tempDataDir } from '@satupintu/testkit';
import { scrubStatement } from '../packages/server/src/tracing-privacy.js';

// OpenTelemetry traces (docs/observability.md#traces): a platform process with an OTLP endpoint
// exports its spans to a receiver here; one without loads no SDK at all.

const ROOT = path.resolve('.');
const CLI = path.resolve('packages/cli/bin/satupintu.js');
const PROBE = path.resolve('test/tracing-probe.mjs');
const T = 'kab-kapuas';
const NIK = '6203054507850002';
const NAME = 'Budi Santoso';
const PHONE = '081234567891';
const SKTLK = { nik: NIK, namaLengkap: NAME, noHp: PHONE, barangHilang: [{ jenis: 'KTP-el', atasNama: NAME }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja.' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One span as the receiver decoded it from OTLP/HTTP JSON. */
interface RxSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  scope: string;
  attrs: Record<string, unknown>;
  resource: Record<string, unknown>;
  status: { code?: number; message?: string };
  events: { name: string; attributes?: unknown[] }[];
}
const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
const flat = (kvs: { key: string; value: Record<string, unknown> }[] = []) => Object.fromEntries(kvs.map((a) => [a.key, Object.values(a.value)[0]]));

/** A tiny OTLP/HTTP (JSON) receiver on 127.0.0.1: every body as received, and the spans decoded. */
async function otlpReceiver() {
  const bodies: string[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const spans: RxSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      headers.push(req.headers);
      try {
        const doc = JSON.parse(body) as { resourceSpans: { resource: { attributes: never[] }; scopeSpans: { scope: { name: string }; spans: (Omit<RxSpan, 'scope' | 'attrs' | 'resource'> & { attributes: never[] })[] }[] }[] };
        for (const rs of doc.resourceSpans)
          for (const ss of rs.scopeSpans)
            for (const s of ss.spans) spans.push({ ...s, parentSpanId: s.parentSpanId || undefined, scope: ss.scope.name, attrs: flat(s.attributes), resource: flat(rs.resource.attributes), status: s.status ?? {}, events: s.events ?? [] });
      } catch {
        // a body that is not OTLP JSON fails the assertions on `spans`
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { bodies, headers, spans, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `satupintu serve --role <role>` in its own process group, the probe preloaded; resolves when it says it is ready. */
async function serve(role: string, env: NodeJS.ProcessEnv): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', PROBE, CLI, 'serve', '--role', role], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', () => {
      if (/siap \/ ready/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
  return { child, output: () => out, exited };
}

async function until<T>(what: string, fn: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function token(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/realms/mpp/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'satupintu-cli', username, password: 'mpp-demo' }),
  });
  assert.equal(r.status, 200);
  return ((await r.json()) as { access_token: string }).access_token;
}

const json = (tok: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${tok}`, 'content-type': 'application/json', ...extra });

describe('tracing: OpenTelemetry spans over OTLP (HTTP, PostgreSQL, S3, jobs), no personal data', function () {
  this.timeout(180_000);
  const started: ChildProcess[] = [];
  const probes: string[] = [];
  let dataDir: string | undefined;
  let rx: Awaited<ReturnType<typeof otlpReceiver>> | undefined;

  before(function () {
    // The processes run the embedded stack themselves; not part of the external-server tier.
    if (process.env.CONTROL_DATABASE_URL) this.skip();
  });
  after(async () => {
    for (const c of started) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, 'SIGKILL');
    await rx?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    for (const p of probes) rmSync(p, { force: true });
  });

  it('a citizen flow is traced end to end (route templates; pg and S3 under the request; the job in the trace that sent it); nothing personal leaves; a process without an endpoint loads no SDK', async () => {
    rx = await otlpReceiver();
    const t0 = Date.now();
    const mark = (what: string) => process.env.TRACING_TEST_DEBUG && console.log(`    ${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);
    dataDir = tempDataDir('satupintu-tracing-');
    const probeOn = path.join(dataDir, '..', `${path.basename(dataDir)}-probe-on.txt`);
    const probeOff = path.join(dataDir, '..', `${path.basename(dataDir)}-probe-off.txt`);
    probes.push(probeOn, probeOff);
    const port = await freePort();
    const noOtel = { OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '', OTEL_EXPORTER_OTLP_HEADERS: '', OTEL_SERVICE_NAME: '', OTEL_TRACES_SAMPLER: '', OTEL_TRACES_SAMPLER_ARG: '', OTEL_SDK_DISABLED: '' };
    const traced = await serve('all', {
      ...noOtel,
      DATA_DIR: dataDir,
      PORT: String(port),
      TRACING_PROBE_FILE: probeOn,
      OTEL_EXPORTER_OTLP_ENDPOINT: rx.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-otlp-token=abc%3D1',
    });
    started.push(traced.child);
    mark('traced process ready');
    assert.match(traced.output(), /OpenTelemetry traces: satupintu-all → http:\/\/127\.0\.0\.1:\d+\/v1\/traces/);
    const base = `http://127.0.0.1:${port}`;

    // The same platform without an endpoint (joining the embedded PostgreSQL), started meanwhile.
    const untracedPort = await freePort();
    const untracedStarting = serve('api', { ...noOtel, DATA_DIR: dataDir, PORT: String(untracedPort), TRACING_PROBE_FILE: probeOff });

    const [citizen, admin] = await Promise.all([token(base, 'warga.kapuas'), token(base, 'admin.kapuas')]);
    // The tenant's complaint webhook: a complaint then sends a delivery job after its commit. The
    // target does not resolve; the job runs (and schedules its retry) all the same.
    const hook = await fetch(`${base}/api/v1/tenants/${T}/complaint-webhook`, { method: 'PUT', headers: json(admin), body: JSON.stringify({ url: 'https://hooks.satupintu-trace.invalid/pengaduan' }) });
    assert.equal(hook.status, 201, await hook.text());

    // A draft carrying a NIK and a name (and the NIK in the query string, where nothing should read it).
    const draft = await fetch(`${base}/api/v1/tenants/${T}/applications?nik=${NIK}`, { method: 'POST', headers: json(citizen, { 'x-request-id': 'trace-draft-1' }), body: JSON.stringify({ service: 'polri.sktlk', data: SKTLK }) });
    assert.equal(draft.status, 201, await draft.clone().text());
    const app = (await draft.json()) as { id: string };
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const up = await fetch(`${base}/api/v1/tenants/${T}/applications/${app.id}/documents/identitas?filename=${encodeURIComponent(`KTP ${NAME}.pdf`)}`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: pdf });
    assert.equal(up.status, 201, await up.text());
    const submit = await fetch(`${base}/api/v1/tenants/${T}/applications/${app.id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${citizen}` } });
    assert.equal(submit.status, 200, await submit.text());
    const complaint = await fetch(`${base}/api/v1/tenants/${T}/complaints`, {
      method: 'POST',
      headers: json(citizen, { 'x-request-id': 'trace-complaint-1' }),
      body: JSON.stringify({ kind: 'complaint', subject: { type: 'tenant' }, title: 'Antrean terlalu lama sekali', body: `${NAME} (${PHONE}) menunggu tiga jam di loket tanpa kejelasan.` }),
    });
    assert.equal(complaint.status, 201, await complaint.text());
    // A path no route answers, with a NIK in it and a name in its query.
    const miss = await fetch(`${base}/api/v1/tenants/${T}/tidak-ada/${NIK}?nama=${encodeURIComponent(NAME)}`, { headers: { 'x-request-id': 'trace-miss-1' } });
    assert.equal(miss.status, 404);

    mark('flow driven');
    const spans = rx.spans;
    const serverSpan = (name: string) => until(`the server span ${name}`, () => spans.find((s) => s.kind === KIND.server && s.name === name));
    const ancestors = (s: RxSpan): string[] => {
      const out: string[] = [];
      for (let p = s.parentSpanId; p; p = spans.find((x) => x.spanId === p)?.parentSpanId) out.push(p);
      return out;
    };
    const under = (root: RxSpan, pred: (s: RxSpan) => boolean) => spans.filter((s) => s.traceId === root.traceId && pred(s) && ancestors(s).includes(root.spanId));

    // HTTP server spans: named by the route template, with the request id and the tenant (slug).
    const draftSpan = await serverSpan('POST /api/v1/tenants/:tenant/applications');
    assert.equal(draftSpan.attrs['http.route'], '/api/v1/tenants/:tenant/applications');
    assert.equal(draftSpan.attrs['http.request.method'], 'POST');
    assert.equal(draftSpan.attrs['http.response.status_code'], 201);
    assert.equal(draftSpan.attrs['satupintu.request_id'], 'trace-draft-1');
    assert.equal(draftSpan.attrs['satupintu.tenant'], T);
    assert.equal(draftSpan.parentSpanId, undefined, 'a request is the root of its trace');
    assert.equal(draftSpan.resource['service.name'], 'satupintu-all');
    assert.equal(draftSpan.resource['satupintu.role'], 'all');
    // express: the route handler, under the request. PostgreSQL: statements without values, under it.
    await until('the express and pg spans of the draft', () => (under(draftSpan, (s) => s.scope.endsWith('instrumentation-pg')).length > 0 ? true : undefined));
    const handler = under(draftSpan, (s) => s.scope.endsWith('instrumentation-express'));
    assert.ok(handler.some((s) => s.attrs['express.type'] === 'request_handler' && s.attrs['http.route'] === '/api/v1/tenants/:tenant/applications'), 'the express route handler span');
    const statements = under(draftSpan, (s) => s.scope.endsWith('instrumentation-pg'));
    assert.ok(statements.every((s) => s.kind === KIND.client && s.attrs['db.system.name'] === 'postgresql' && typeof s.attrs['db.query.text'] === 'string'));
    assert.ok(statements.some((s) => /insert into applications/i.test(String(s.attrs['db.query.text'])) && /\$1/.test(String(s.attrs['db.query.text']))), 'the insert, parameterized');

    // S3: the upload's PutObject under its request, with the bucket and no key.
    const upSpan = await serverSpan('PUT /api/v1/tenants/:tenant/applications/:id/documents/:code');
    await until('the S3 span of the upload', () => (under(upSpan, (s) => s.name === 'S3.PutObject').length ? true : undefined));
    const put = under(upSpan, (s) => s.name === 'S3.PutObject')[0]!;
    assert.equal(put.kind, KIND.client);
    assert.equal(put.attrs['rpc.service'], 'S3');
    assert.match(String(put.attrs['aws.s3.bucket']), /^satupintu-id-/);
    assert.ok(under(upSpan, (s) => s.scope.endsWith('instrumentation-pg')).length > 0, 'the upload’s statements are in its trace');
    await serverSpan('POST /api/v1/tenants/:tenant/applications/:id/submit');

    // Jobs: the delivery job the complaint sent runs in the complaint's trace, under its `send` span.
    const complaintSpan = await serverSpan('POST /api/v1/tenants/:tenant/complaints');
    assert.equal(complaintSpan.attrs['satupintu.request_id'], 'trace-complaint-1');
    const send = await until('the send span', () => under(complaintSpan, (s) => s.kind === KIND.producer && s.name === 'send events.deliver')[0]);
    const job = await until('the job span in the complaint’s trace', () => spans.find((s) => s.kind === KIND.consumer && s.name === 'process events.deliver' && s.parentSpanId === send.spanId));
    assert.equal(job.traceId, complaintSpan.traceId);
    assert.equal(job.attrs['messaging.destination.name'], 'events.deliver');
    assert.equal(job.attrs['messaging.message.id'], send.attrs['messaging.message.id']);
    assert.match(String(job.attrs['messaging.message.id']), UUID);
    assert.equal(job.attrs['satupintu.job.outcome'], 'ok');
    assert.match(String(job.attrs['satupintu.tenant_id']), UUID);
    assert.ok(spans.some((s) => s.traceId === job.traceId && s.parentSpanId === job.spanId && s.scope.endsWith('instrumentation-pg')), 'the job’s statements are under it');

    // The unmatched request: a span named without its path.
    const missSpan = await until('the unmatched request’s span', () => spans.find((s) => s.attrs['satupintu.request_id'] === 'trace-miss-1'));
    assert.equal(missSpan.attrs['http.response.status_code'], 404);
    assert.ok(!missSpan.name.includes('tidak-ada') && !missSpan.name.includes(NIK), `unmatched: ${missSpan.name}`);

    // The OTLP request carried the configured header.
    assert.equal(rx.headers[0]!['x-otlp-token'], 'abc=1');
    assert.match(String(rx.headers[0]!['content-type']), /application\/json/);

    // The process without an endpoint runs, serves, and has loaded nothing of OpenTelemetry but the API.
    mark('spans checked');
    const untraced = await untracedStarting;
    mark('untraced process ready');
    started.push(untraced.child);
    const untracedBase = `http://127.0.0.1:${untracedPort}`;
    const other = await fetch(`${untracedBase}/api/v1/tenants/${T}/applications`, { method: 'POST', headers: json(await token(untracedBase, 'warga.kapuas')), body: JSON.stringify({ service: 'polri.sktlk', data: SKTLK }) });
    assert.equal(other.status, 201);
    assert.doesNotMatch(untraced.output(), /OpenTelemetry traces/);
    const loaded = (f: string) => [...new Set((existsSync(f) ? readFileSync(f, 'utf8') : '').split('\n').filter(Boolean).map((u) => /\/@opentelemetry\/([^/]+)\//.exec(u)?.[1]))];
    assert.deepEqual(loaded(probeOff), ['api'], 'without an endpoint only @opentelemetry/api is loaded');
    for (const pkg of ['sdk-trace', 'exporter-trace-otlp-http', 'instrumentation-http', 'instrumentation-pg', 'instrumentation-aws-sdk', 'instrumentation-express']) assert.ok(loaded(probeOn).includes(pkg), `the traced process loaded ${pkg}`);
    process.kill(-untraced.child.pid!, 'SIGTERM');
    assert.equal(await untraced.exited, 0, untraced.output().slice(-2000));

    mark('untraced process stopped');
    // SIGTERM exports what is still buffered: a request made just before it arrives.
    const last = await fetch(`${base}/api/v1/tenants/${T}/applications/${app.id}`, { headers: { authorization: `Bearer ${citizen}`, 'x-request-id': 'trace-last-1' } });
    assert.equal(last.status, 200);
    process.kill(-traced.child.pid!, 'SIGTERM');
    assert.equal(await traced.exited, 0, traced.output().slice(-2000));
    mark('traced process stopped');
    const lastSpan = spans.find((s) => s.attrs['satupintu.request_id'] === 'trace-last-1');
    assert.equal(lastSpan?.name, 'GET /api/v1/tenants/:tenant/applications/:id', 'the last request’s span was flushed at shutdown');

    // Nothing personal, no path as sent, no query, no credentials — in any attribute, name or event.
    const raw = rx.bodies.join('\n');
    for (const leak of [NIK, 'Budi', 'Santoso', PHONE, 'Kuala Kapuas', 'KTP%20', citizen.slice(-24), admin.slice(-24), 'Bearer', 'mpp-demo', app.id, '?nik', 'whsec_'])
      assert.ok(!raw.includes(leak), `an exported span holds ${leak}`);
    const forbidden = ['url.path', 'url.query', 'url.full', 'http.target', 'http.url', 'client.address', 'network.peer.address', 'user_agent.original', 'db.postgresql.values', 'db.user', 'db.connection_string', 'exception.message', 'exception.stacktrace'];
    for (const s of spans) {
      for (const k of forbidden) assert.ok(!(k in s.attrs), `${s.name} carries ${k}`);
      if (s.kind === KIND.server) {
        assert.ok(!('server.address' in s.attrs), 'no Host header on a server span');
        assert.match(s.name, /^[A-Z]+( [A-Za-z0-9/:._-]+)?$/, `a server span is named by method and template: ${s.name}`);
      }
      assert.equal(s.status.message, undefined, `${s.name}: no status message`);
      for (const e of s.events) assert.ok(e.name === 'exception' && (e.attributes ?? []).every((a) => (a as { key: string }).key === 'exception.type'), `${s.name}: event ${e.name}`);
    }
  });

  it('the OTEL_* variables are validated with the rest of the configuration', () => {
    const on = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.go.id:4318/', OTEL_EXPORTER_OTLP_HEADERS: 'api-key=a%2Cb, x-tenant = mpp', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }, '/srv');
    assert.deepEqual(on.tracing, { endpoint: 'https://otel.example.go.id:4318/v1/traces', headers: { 'api-key': 'a,b', 'x-tenant': 'mpp' }, sampler: 'parentbased_traceidratio', ratio: 0.25 });
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/custom', OTEL_SERVICE_NAME: 'mpp-api' }, '/srv').tracing?.endpoint, 'http://127.0.0.1:4318/custom');
    assert.equal(loadConfig({}, '/srv').tracing, undefined, 'off without an endpoint');
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.go.id', OTEL_SDK_DISABLED: 'true' }, '/srv').tracing, undefined, 'off when disabled');
    for (const bad of [{ OTEL_TRACES_SAMPLER: 'sometimes' }, { OTEL_TRACES_SAMPLER_ARG: '1.5' }, { OTEL_EXPORTER_OTLP_ENDPOINT: 'otel:4318' }, { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, { OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign' }])
      assert.throws(() => loadConfig(bad, '/srv'), ConfigError, JSON.stringify(bad));
    // Production: spans (and the collector's credentials) over https, or to a collector on loopback.
    const prod = (endpoint: string) => productionProblems(loadConfig({ SATUPINTU_ENV: 'production', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, '/srv')).filter((p) => p.startsWith('OTEL_'));
    assert.equal(prod('http://collector.internal.example:4318').length, 1);
    assert.deepEqual(prod('https://collector.example:4318'), []);
    assert.deepEqual(prod('http://127.0.0.1:4318'), []);
  });

  it('statement text leaves without literals', () => {
    assert.equal(scrubStatement("BEGIN; SELECT set_config('app.tenant_id', '4f1c…', true)"), "BEGIN; SELECT set_config('?', '?', true)");
    assert.equal(scrubStatement("select * from t where nik = '6203054507850002' and name = E'Budi''s' and x = $1"), "select * from t where nik = '?' and name = '?' and x = $1");
    assert.equal(scrubStatement('select $tag$Budi Santoso$tag$, $$x$$'), "select '?', '?'");
  });
});
