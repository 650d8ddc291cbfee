import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { api, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../platform.js';
import { apiDocument } from './document.js';

/** Every route Express would answer under /api/v1, as `METHOD /path/{param}` (whatever registered it). */
function expressRoutes(app: unknown): string[] {
  const out: string[] = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) if (m !== '_all') out.push(`${m.toUpperCase()} ${layer.route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as { router: { stack: unknown[] } }).router.stack);
  return out.filter((r) => r.split(' ')[1]!.startsWith('/api/v1/') && !r.endsWith('/api/v1/openapi.json'));
}

describe('HTTP contract', () => {
  let p: Platform;
  let admin: string;
  before(async () => {
    p = sharedPlatform();
    admin = await tokenFor(p, 'admin.platform');
  });

  it('serves one valid OpenAPI 3.1 document, the same the code declares, at /api/v1/openapi.json', async () => {
    const served = (await api(p, 'GET', '/api/v1/openapi.json')).body;
    const result = await new Validator().validate(served);
    assert.equal(result.valid, true, JSON.stringify(result.errors)?.slice(0, 2000));
    const declared = apiDocument();
    assert.deepEqual(served.paths, JSON.parse(JSON.stringify(declared.paths)), 'the served document is the one npm run api:doc writes');
    assert.deepEqual(served.components.schemas, JSON.parse(JSON.stringify(declared.components.schemas)));
    assert.ok(served.servers.length >= 1);
    const flows = served.components.securitySchemes.keycloak.flows;
    assert.deepEqual(Object.keys(flows).sort(), ['authorizationCode', 'clientCredentials'], 'no implicit or password flow is offered');
    assert.match(flows.authorizationCode.tokenUrl, /\/realms\/mpp\/protocol\/openid-connect\/token$/);
  });

  it('documents every route Express answers under /api/v1, and answers every operation it documents', async () => {
    const doc = (await api(p, 'GET', '/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)));
    const answered = new Set(expressRoutes(p.http!.express));
    assert.deepEqual([...answered].filter((r) => !documented.has(r)), [], 'routes the document lacks');
    assert.deepEqual([...documented].filter((r) => !answered.has(r)), [], 'documented operations no route answers');
  });

  it('lists every problem a response names, and each problem type resolves to its page', async () => {
    const doc = (await api(p, 'GET', '/api/v1/openapi.json')).body;
    const catalog = (await api(p, 'GET', '/api/v1/problems')).body.items as { code: string; status: number; type: string }[];
    const known = new Map(catalog.map((k) => [k.code, k]));
    type R = { $ref?: string; content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> };
    for (const [path, methods] of Object.entries<Record<string, { responses: Record<string, R> }>>(doc.paths))
      for (const [method, op] of Object.entries(methods))
        for (const [status, given] of Object.entries(op.responses)) {
          const r: R = given.$ref ? doc.components.responses[given.$ref.split('/').pop()!] : given;
          const codes = r.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [];
          for (const code of codes) {
            assert.ok(known.has(code), `${method} ${path} ${status}: ${code} is in the catalog`);
            assert.equal(known.get(code)!.status, Number(status), `${code} has status ${status}`);
          }
        }
    const one = await api(p, 'GET', known.get('APPLICATION_NOT_FOUND')!.type);
    assert.equal(one.status, 200);
    assert.equal(one.body.code, 'APPLICATION_NOT_FOUND');
    const missing = await api(p, 'GET', '/api/v1/tenants/nobody-here');
    assert.equal(missing.body.type, known.get('TENANT_NOT_FOUND')!.type);
    assert.equal((await api(p, 'GET', '/api/v1/problems/no-such-problem')).body.code, 'PROBLEM_TYPE_NOT_FOUND');
  });

  it('answers a 5,000-deep JSON body with 400 BODY_TOO_DEEP, and a deep string is just a string', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const r = await api(p, 'POST', '/api/v1/tenants', { rawBody: deep, token: admin, headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'BODY_TOO_DEEP');
    const brackets = await api(p, 'POST', '/api/v1/tenants', { body: { code: '[[[[', slug: '{'.repeat(5000) }, token: admin });
    assert.equal(brackets.status, 422, 'brackets inside strings do not count as depth');
    assert.equal(brackets.body.code, 'BODY_INVALID');
  });

  it('compresses JSON with brotli or gzip as the client accepts', async () => {
    for (const encoding of ['br', 'gzip']) {
      const r = await fetch(`${p.url}/api/v1/openapi.json`, { headers: { 'accept-encoding': encoding } });
      assert.equal(r.headers.get('content-encoding'), encoding);
      assert.equal(((await r.json()) as { openapi: string }).openapi, '3.1.0');
    }
    const plain = await fetch(`${p.url}/api/v1/problems`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/i);
  });

  it('answers an unknown asset with 404, never the app’s HTML', async () => {
    const r = await fetch(`${p.url}/assets/index-doesnotexist.js`, { headers: { accept: 'text/html,*/*' } });
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('keeps the old document address answering, deprecated with a Sunset date and its successor', async () => {
    const r = await fetch(`${p.url}/api/openapi.json`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('deprecation') ?? '', /^@\d+$/);
    assert.ok(Date.parse(r.headers.get('sunset') ?? '') > Date.parse('2027-01-01'));
    assert.match(r.headers.get('link') ?? '', /<\/api\/v1\/openapi.json>; rel="successor-version"/);
  });

  describe('tenant settings: ETag and If-Match; CORS per tenant', () => {
    const portal = 'https://mpp.bandungbaratkab.go.id';
    let kbbAdmin: string;
    before(async () => {
      kbbAdmin = await tokenFor(p, 'admin.kbb');
    });

    it('changes settings only with the current ETag: 428 without, 412 when stale, 304 when unchanged', async () => {
      const path = '/api/v1/tenants/kab-bandung-barat/settings';
      const first = await api(p, 'GET', path, { token: kbbAdmin });
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag')!;
      assert.match(etag, /^"\d+"$/);
      assert.equal((await fetch(`${p.url}${path}`, { headers: { authorization: `Bearer ${kbbAdmin}`, 'if-none-match': etag } })).status, 304);

      const body = { allowedOrigins: [portal] };
      const missing = await api(p, 'PUT', path, { token: kbbAdmin, body });
      assert.equal(missing.status, 428);
      assert.equal(missing.body.code, 'PRECONDITION_REQUIRED');
      const stale = await api(p, 'PUT', path, { token: kbbAdmin, body, headers: { 'if-match': '"999999"' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.body.code, 'PRECONDITION_FAILED');
      assert.deepEqual((await api(p, 'GET', path, { token: kbbAdmin })).body, first.body, 'refused writes changed nothing');

      const done = await api(p, 'PUT', path, { token: kbbAdmin, body, headers: { 'if-match': etag } });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.deepEqual(done.body, body);
      assert.notEqual(done.headers.get('etag'), etag);
      const again = await api(p, 'PUT', path, { token: kbbAdmin, body: { allowedOrigins: [] }, headers: { 'if-match': etag } });
      assert.equal(again.status, 412, 'the first writer’s ETag is stale now');
      const bad = await api(p, 'PUT', path, { token: kbbAdmin, body: { allowedOrigins: ['https://x.go.id/path'] }, headers: { 'if-match': done.headers.get('etag')! } });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.errors[0].pointer, '/allowedOrigins/0');
      const other = await api(p, 'GET', '/api/v1/tenants/kab-kapuas/settings', { token: kbbAdmin });
      assert.equal(other.status, 403, 'another regency’s settings are not this admin’s');
    });

    it('lets the tenant’s portal origin call that tenant’s paths from a browser, and no other origin or tenant', async () => {
      const preflight = await fetch(`${p.url}/api/v1/tenants/kab-bandung-barat/applications`, {
        method: 'OPTIONS',
        headers: { origin: portal, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), portal);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
      const get = await fetch(`${p.url}/api/v1/tenants/kab-bandung-barat/services`, { headers: { origin: portal } });
      assert.equal(get.headers.get('access-control-allow-origin'), portal);
      assert.match(get.headers.get('access-control-expose-headers') ?? '', /ETag/);
      const stranger = await fetch(`${p.url}/api/v1/tenants/kab-bandung-barat/services`, { headers: { origin: 'https://evil.example' } });
      assert.equal(stranger.headers.get('access-control-allow-origin'), null);
      const otherTenant = await fetch(`${p.url}/api/v1/tenants/kab-kapuas/services`, { headers: { origin: portal } });
      assert.equal(otherTenant.headers.get('access-control-allow-origin'), null, 'KBB’s portal is not allowed on Kapuas');
      const national = await fetch(`${p.url}/api/v1/tenants`, { headers: { origin: portal } });
      assert.equal(national.headers.get('access-control-allow-origin'), null);
    });
  });

  describe('pages and idempotency', () => {
    it('walks the tenant directory page by page: every tenant once, in order, even with tenants created between pages', async () => {
      const all = (await api(p, 'GET', '/api/v1/tenants?limit=200')).body;
      const before: string[] = [];
      let url = '/api/v1/tenants?limit=3';
      const seen: string[] = [];
      const free = await unusedRegencyCodes(p, 2);
      let created = 0;
      for (;;) {
        const page = await api(p, 'GET', url);
        assert.equal(page.status, 200);
        assert.ok(page.body.items.length <= 3);
        seen.push(...page.body.items.map((t: { code: string }) => t.code));
        if (!page.body.next) {
          assert.equal(page.headers.get('link'), null);
          break;
        }
        assert.match(page.headers.get('link')!, /^<\/api\/v1\/tenants\?limit=3&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
        url = page.headers.get('link')!.slice(1, page.headers.get('link')!.indexOf('>'));
        if (created < free.length) {
          const code = free[created++]!;
          const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug: `page-${code.replace('.', '-')}-${randomUUID().slice(0, 6)}` } });
          assert.equal(r.status, 201, JSON.stringify(r.body));
        }
      }
      if (all.next === null) before.push(...all.items.map((t: { code: string }) => t.code));
      assert.equal(new Set(seen).size, seen.length, 'no tenant twice');
      for (const code of before) assert.ok(seen.includes(code), `${code} was on a page`);
      assert.deepEqual([...seen].sort(), seen, 'in code order');
    });

    it('refuses a damaged cursor and a cursor made for other filters', async () => {
      const first = (await api(p, 'GET', '/api/v1/tenants?limit=1&region=id-jakarta')).body;
      assert.ok(first.next);
      const damaged = await api(p, 'GET', `/api/v1/tenants?limit=1&region=id-jakarta&cursor=${first.next.slice(0, -4)}AAAA`);
      assert.equal(damaged.status, 400);
      assert.equal(damaged.body.code, 'CURSOR_INVALID');
      const otherFilter = await api(p, 'GET', `/api/v1/tenants?limit=1&region=id-batam&cursor=${first.next}`);
      assert.equal(otherFilter.body.code, 'CURSOR_INVALID');
      const tooMany = await api(p, 'GET', '/api/v1/tenants?limit=201');
      assert.equal(tooMany.body.code, 'QUERY_INVALID');
    });

    it('replays a retried create whose body has the same members in another order (canonical JSON), and refuses a different body', async () => {
      const [code] = await unusedRegencyCodes(p, 1);
      const slug = `urut-${randomUUID().slice(0, 8)}`;
      const key = `retry-${randomUUID()}`;
      const first = await api(p, 'POST', '/api/v1/tenants', { token: admin, rawBody: JSON.stringify({ code, slug }), headers: { 'content-type': 'application/json', 'idempotency-key': key } });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const reordered = await api(p, 'POST', '/api/v1/tenants', { token: admin, rawBody: `{ "slug": ${JSON.stringify(slug)},\n  "code": ${JSON.stringify(code)} }`, headers: { 'content-type': 'application/json', 'idempotency-key': key } });
      assert.equal(reordered.status, 201, JSON.stringify(reordered.body));
      assert.equal(reordered.headers.get('idempotent-replayed'), 'true');
      assert.equal(reordered.body.id, first.body.id);
      const different = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug: `${slug}-x` }, headers: { 'idempotency-key': key } });
      assert.equal(different.status, 422);
      assert.equal(different.body.code, 'IDEMPOTENCY_KEY_REUSED');
    });
  });
});
