import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { lintManifest, loadPluginDir } from '@satupintu/plugin-sdk';
import { startPlatform, type Platform } from '@satupintu/server';
import { tempDataDir, testConfig } from '@satupintu/testkit';
import { SEED, size, token } from '../fault/harness.js';
import { sharedStack } from '../fault/hooks.js';
import { measure } from '../fault/report.js';

const S = 'Fuzz: malformed bodies, headers, plugin manifests and form submissions';

/** What Object.prototype and friends look like; compared after the run to detect pollution. */
function prototypeSnapshot(): string {
  const describe = (o: object) =>
    Object.getOwnPropertyNames(o)
      .sort()
      .map((k) => `${k}:${typeof (Object.getOwnPropertyDescriptor(o, k)?.value ?? 'accessor')}`)
      .join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(describe).join('|');
}

const POLLUTERS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"data":{"__proto__":{"polluted":"yes"}},"service":"polri.sktlk"}',
  '{"service":"polri.sktlk","data":{"constructor":{"prototype":{"isAdmin":true}}},"submit":true}',
  '{"__proto__":{"roles":["platform-admin"]},"agency":{"code":"polri"}}',
  '[{"__proto__":{"polluted":1}}]',
];

/** Deep nesting, as JSON text (bounded: express.json refuses above 1 MB). */
const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

describe(S, function () {
  let p: Platform;
  let dataDir: string;
  const tokens = new Map<string, string>();
  const faults: string[] = [];
  const onFault = (e: unknown) => faults.push(String((e as Error)?.stack ?? e));

  before(async function () {
    this.timeout(300_000);
    // In this process, so Object.prototype of the very server can be inspected afterwards.
    const stack = await sharedStack();
    dataDir = tempDataDir('satupintu-fuzz-');
    p = await startPlatform(testConfig(dataDir, { ...stack.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', SEED: 'true' }));
    for (const u of ['warga.kbb', 'admin.kbb', 'publisher.polri', 'admin.platform', 'petugas.polri.kapuas']) tokens.set(u, await token(p.url, u));
    process.on('uncaughtException', onFault);
    process.on('unhandledRejection', onFault);
  });
  after(async function () {
    this.timeout(120_000);
    process.off('uncaughtException', onFault);
    process.off('unhandledRejection', onFault);
    await p?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every malformed input with a 4xx problem, never 5xx, never crashes, never pollutes prototypes', async function () {
    const total = size('FUZZ_REQUESTS', 10_000, 1_500);
    const concurrency = size('FUZZ_CONCURRENCY', 8, 6);
    const before = prototypeSnapshot();
    const routes = p.http!.routes.routes;
    const withBody = routes.filter((r) => r.body !== undefined);
    const polri = loadPluginDir('plugins/polri').manifest;
    assert.ok(polri, 'the polri plugin loads');
    const users = [...tokens.keys()];
    const fill = (path: string, tenant: string) =>
      path.replace(/:([A-Za-z]+)/g, (_, n: string) => (n === 'tenant' ? tenant : n === 'agency' || n === 'plugin' ? 'polri' : n === 'service' ? 'polri.sktlk' : n === 'version' ? '1.0.0' : n === 'date' ? '2026-12-03' : '0190a0f0-0000-7000-8000-000000000000'));

    // A draft to aim uploads and form updates at.
    const draft = await fetch(`${p.url}/api/v1/tenants/kab-bandung-barat/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get('warga.kbb')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'polri.sktlk', data: {} }),
    });
    assert.equal(draft.status, 201);
    const draftId = ((await draft.json()) as { id: string }).id;

    /** Mutates one JSON value at a random path of the manifest. */
    const mutateManifest = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('(a+)+$', '^(a|a)*$', 'https://evil.example/schema.json', '#/definitions/x', 1e308, -1, '', '__proto__'))).map(([path, value]) => {
      const m = structuredClone(polri) as unknown as Record<string, unknown>;
      let node: unknown = m;
      for (let i = 0; i < path.length; i++) {
        if (!node || typeof node !== 'object') break;
        const keys = Object.keys(node as object);
        if (!keys.length) break;
        const k = keys[path[i]! % keys.length]!;
        if (i === path.length - 1 || typeof (node as Record<string, unknown>)[k] !== 'object') {
          (node as Record<string, unknown>)[k] = value;
          break;
        }
        node = (node as Record<string, unknown>)[k];
      }
      return JSON.stringify(m);
    });

    type Case = { kind: 'body' | 'header' | 'manifest' | 'form' | 'upload'; method: string; path: string; headers: Record<string, string>; body?: string | Uint8Array };
    const bodyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.constantFrom(...POLLUTERS),
      fc.integer({ min: 100, max: 5000 }).map(deep),
      fc.constantFrom('{', '{"a":1,}', '\u0000', '{"a":"\\ud800"}', 'null', '[]', '"x"', '1e999', '{"service":' + '"x"'.repeat(3) + '}'),
    );
    const caseArb: fc.Arbitrary<Case> = fc.oneof(
      // Bodies: every route that takes JSON, with garbage or hostile JSON.
      fc.record({ route: fc.constantFrom(...withBody), user: fc.constantFrom(...users), text: bodyText, type: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin-9', 'text/plain', 'application/x-www-form-urlencoded', 'application/merge-patch+json') }).map(
        (c): Case => ({ kind: 'body', method: c.route.method.toUpperCase(), path: fill(c.route.path, 'kab-bandung-barat'), headers: { authorization: `Bearer ${tokens.get(c.user)}`, 'content-type': c.type }, body: c.text }),
      ),
      // Headers: broken credentials, languages, keys, ids and encodings on any route.
      fc.record({
        route: fc.constantFrom(...routes),
        auth: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'Bearer a.b.c', 'Bearer ' + 'A'.repeat(8000))),
        lang: fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('en', 'id;q=2', '*', 'xx-YY;q=abc')),
        key: fc.string({ maxLength: 200 }),
        rid: fc.string({ maxLength: 300 }),
        enc: fc.constantFrom('identity', 'gzip', 'deflate', 'br', 'x-unknown'),
      }).map((c): Case => {
        const clean = (v: string) => v.replace(/[^\t\x20-\x7e]/g, '');
        return {
          kind: 'header',
          method: c.route.method.toUpperCase(),
          path: fill(c.route.path, 'kab-kapuas'),
          headers: { authorization: clean(c.auth), 'accept-language': clean(c.lang), 'idempotency-key': clean(c.key), 'x-request-id': clean(c.rid), ...(c.route.method !== 'get' ? { 'content-type': 'application/json', 'content-encoding': c.enc } : {}) },
          body: c.route.method !== 'get' ? '{"a":1}' : undefined,
        };
      }),
      // Plugin manifests published by an agency publisher.
      mutateManifest.map((text): Case => ({ kind: 'manifest', method: 'POST', path: '/api/v1/plugins', headers: { authorization: `Bearer ${tokens.get('publisher.polri')}`, 'content-type': 'application/json' }, body: text })),
      // Form submissions: random data for installed services, submitted at once.
      fc.record({ service: fc.constantFrom('polri.sktlk', 'dukcapil.ktpel-penggantian', 'imigrasi.paspor-baru', 'dpmptsp.pbg'), data: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom('nik', 'namaLengkap', 'noHp', 'barangHilang', 'tanggalKejadian', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }))) }).map(
        (c): Case => ({ kind: 'form', method: 'POST', path: '/api/v1/tenants/kab-bandung-barat/applications', headers: { authorization: `Bearer ${tokens.get('warga.kbb')}`, 'content-type': 'application/json' }, body: JSON.stringify({ service: c.service, data: c.data, submit: true }) }),
      ),
      // Uploads: random bytes, truncated or lying files, to a real draft.
      fc.oneof(fc.uint8Array({ maxLength: 6000 }), fc.constantFrom(Buffer.from('%PDF-'), Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.from('MZ\x90\x00'), Buffer.alloc(0))).map(
        (bytes): Case => ({ kind: 'upload', method: 'PUT', path: `/api/v1/tenants/kab-bandung-barat/applications/${draftId}/documents/identitas?filename=${encodeURIComponent('../../etc/passwd')}`, headers: { authorization: `Bearer ${tokens.get('warga.kbb')}` }, body: bytes }),
      ),
    );
    const cases = fc.sample(caseArb, { seed: SEED + 1, numRuns: total });
    const byKind = new Map<string, number>();
    const byStatus = new Map<number, number>();
    const fiveXX: string[] = [];
    const clientErrors: string[] = [];
    let lintThrows = 0;
    let cursor = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (cursor < cases.length) {
          const c = cases[cursor++]!;
          byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
          if (c.kind === 'manifest') {
            // plugin-sdk lint (what `satupintu plugin lint` runs) must judge, not throw.
            try {
              lintManifest(JSON.parse(c.body as string));
            } catch (e) {
              lintThrows++;
              clientErrors.push(`lint threw: ${(e as Error).message}`);
            }
          }
          try {
            const res = await fetch(p.url + c.path, { method: c.method, headers: c.headers, body: c.body, signal: AbortSignal.timeout(30_000) });
            await res.arrayBuffer();
            byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
            if (res.status >= 500) fiveXX.push(`${c.kind} ${c.method} ${c.path} → ${res.status}`);
          } catch (e) {
            clientErrors.push(`${c.kind} ${c.method} ${c.path}: ${(e as Error).message}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = prototypeSnapshot();
    const health = await fetch(`${p.url}/healthz`);
    const probe = {} as Record<string, unknown>;

    measure(S, 'fast-check seed (RELIABILITY_SEED + 1)', SEED + 1);
    measure(S, 'inputs', cases.length);
    measure(S, 'inputs by kind', [...byKind].map(([k, v]) => `${k}: ${v}`).join(', '));
    measure(S, 'routes taking a JSON body (all fuzzed) / all routes (header fuzz)', `${withBody.length} / ${routes.length}`);
    measure(S, 'answers by status', [...byStatus].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}: ${v}`).join(', '));
    measure(S, 'throughput', `${(cases.length / seconds).toFixed(0)} req/s`);
    measure(S, '5xx answers', fiveXX.length);
    measure(S, 'requests without an HTTP answer (connection dropped)', clientErrors.length - lintThrows);
    measure(S, 'manifests linted in-process by plugin-sdk (throws)', `${byKind.get('manifest') ?? 0} (${lintThrows})`);
    measure(S, 'uncaught exceptions / unhandled rejections in the server process', faults.length);
    measure(S, 'Object/Array/Function/String prototypes changed', before === after ? 'no' : 'YES');

    assert.deepEqual(fiveXX.slice(0, 10), [], `${fiveXX.length} 5xx answers`);
    assert.deepEqual(clientErrors.slice(0, 10), [], 'every input got an HTTP answer; lint never threw');
    assert.deepEqual(faults, [], 'no uncaught exception or unhandled rejection');
    assert.equal(after, before, 'prototypes untouched');
    assert.equal(probe.polluted, undefined);
    assert.equal(probe.isAdmin, undefined);
    assert.equal(health.status, 200, 'still serving');
  });
});
