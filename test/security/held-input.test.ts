import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// Injection, mass assignment, prototype pollution, cursor tampering, traversal, content spoofing,
// CORS, header injection and HTTP-level tricks: attacks that held when tried (docs/security.md).

const T = 'kab-kapuas';
const KBB = 'kab-bandung-barat';
const SKTLK = {
  nik: '6203054507850002',
  namaLengkap: 'Budi Santoso',
  noHp: '081234567891',
  barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }],
  tanggalKejadian: '2026-11-20',
  lokasiKejadian: 'Pasar Kuala Kapuas',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.',
};

async function pdf(text = 'dokumen'): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

/** One raw HTTP/1.1 exchange on a loopback socket (for what fetch will not send). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('close', () => resolve(out));
    s.on('error', (e) => resolve(`ERR ${e.message}`));
    setTimeout(() => s.destroy(), 3000);
  });
}
const headOf = (response: string) => response.split('\r\n\r\n')[0]!;

describe('security: input attacks that held (injection, mass assignment, pollution, cursors, files, CORS, headers)', () => {
  let p: Platform;
  let port: number;
  let citizen: string;
  let other: string;
  const draft = (token: string, extra: Record<string, unknown> = {}) => api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token, body: { service: 'polri.sktlk', data: SKTLK, ...extra } });
  const rawJson = (path: string, token: string, rawBody: string) => api(p, 'POST', path, { token, rawBody, headers: { 'content-type': 'application/json' } });

  before(async () => {
    p = sharedPlatform();
    port = Number(new URL(p.url).port);
    citizen = await tokenFor(p, 'warga.kapuas');
    other = await tokenFor(p, 'warga.kbb');
  });

  describe('SQL injection in query and path parameters', () => {
    it('catalog q: quotes, comments, UNION and LIKE wildcards are text, not SQL', async () => {
      const all = await api(p, 'GET', `/api/v1/tenants/${T}/services`);
      assert.equal(all.status, 200);
      assert.ok(all.body.items.length > 0);
      for (const q of ["' OR 1=1 --", "') OR ('1'='1", "x' UNION SELECT nik, nama FROM applications --", '%', '_', '%%', '\\']) {
        const r = await api(p, 'GET', `/api/v1/tenants/${T}/services?q=${encodeURIComponent(q)}`);
        assert.ok(r.status === 200 || r.status === 400, `${q}: ${r.status}`);
        if (r.status === 200) assert.equal(r.body.items.length, 0, `${q} matched ${r.body.items.length} services`);
      }
    });

    it('a time-based payload does not delay the answer (the text never reaches SQL)', async () => {
      const t0 = performance.now();
      const r = await api(p, 'GET', `/api/v1/tenants/${T}/services?q=${encodeURIComponent("'; SELECT pg_sleep(5); --")}`);
      assert.ok(r.status === 200 || r.status === 400);
      assert.ok(performance.now() - t0 < 3000, 'answered without sleeping');
    });

    it('enum and id parameters (category, status, agency, ids, slugs) refuse anything outside their pattern', async () => {
      for (const path of [
        `/api/v1/tenants/${T}/services?category=${encodeURIComponent("x' OR '1'='1")}`,
        `/api/v1/tenants/${T}/services?agency=${encodeURIComponent("polri' --")}`,
        `/api/v1/tenants/${T}/applications?status=${encodeURIComponent("draft' OR '1'='1")}`,
        `/api/v1/tenants/${T}/applications/${encodeURIComponent("1' OR '1'='1")}`,
        `/api/v1/tenants/${T}/complaints/${encodeURIComponent('1;DROP TABLE complaints')}`,
        `/api/v1/tenants/${encodeURIComponent("kab-kapuas' OR '1'='1")}/services`,
        `/api/v1/tenants/${T}/applications?limit=1&limit=500`,
        `/api/v1/tenants/${T}/applications?limit=${encodeURIComponent('1; select 1')}`,
      ]) {
        const r = await api(p, 'GET', path, { token: citizen });
        assert.ok(r.status === 400 || r.status === 404, `${path}: ${r.status}`);
        assert.ok(!Array.isArray(r.body.items), path);
      }
    });
  });

  describe('mass assignment', () => {
    it('status, tenant, owner and tracking fields in a new application are refused (strict bodies)', async () => {
      for (const extra of [{ status: 'completed' }, { tenantId: 'x' }, { applicantSub: 'someone' }, { trackingCode: 'AAAA-BBBB' }, { id: '0190a0b0-0000-7000-8000-000000000000' }, { channel: 'counter' }]) {
        const r = await draft(citizen, extra);
        assert.equal(r.status, 422, JSON.stringify(extra));
        assert.equal(r.body.code, 'BODY_INVALID');
      }
    });

    it('workflow fields smuggled inside the form data do not change the application', async () => {
      const r = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: { ...SKTLK, status: 'completed', assignee: 'me', applicant_sub: 'x' } } });
      if (r.status === 201) {
        assert.equal(r.body.status, 'draft');
        assert.equal(r.body.tenant ?? T, T);
      } else assert.equal(r.status, 422);
    });

    it('a draft update cannot set status or owner', async () => {
      const d = await draft(citizen);
      const etag = d.headers.get('etag') ?? '*';
      const r = await api(p, 'PATCH', `/api/v1/tenants/${T}/applications/${d.body.id}`, { token: citizen, body: { data: SKTLK, status: 'completed', applicantSub: 'x' }, headers: { 'if-match': etag } });
      assert.equal(r.status, 422);
      const after = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${d.body.id}`, { token: citizen });
      assert.equal(after.body.status, 'draft');
    });

    it('a complaint cannot be filed with its own status, agency, deadline or anonymity flags it may not set', async () => {
      const base = { kind: 'complaint', subject: { type: 'tenant' }, title: 'Antrean terlalu lama sekali', body: 'Saya menunggu tiga jam di loket tanpa kejelasan sama sekali.' };
      for (const extra of [{ status: 'closed' }, { tenantId: 'x' }, { complainantSub: 'x' }, { dueAt: '2030-01-01T00:00:00Z' }, { verifiedAt: '2026-01-01T00:00:00Z' }]) {
        const r = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: citizen, body: { ...base, ...extra } });
        assert.equal(r.status, 422, JSON.stringify(extra));
      }
    });

    it('a booking cannot be made checked-in, for another person, or on a chosen queue number', async () => {
      const sessions = await api(p, 'GET', `/api/v1/tenants/${KBB}/services/imigrasi.paspor-penggantian/sessions?days=28`);
      const s = sessions.body.items.find((x: { holiday: string | null }) => !x.holiday);
      for (const extra of [{ status: 'checked-in' }, { applicantSub: 'x' }, { queueNumber: 1 }, { channel: 'walk-in' }]) {
        const r = await api(p, 'POST', `/api/v1/tenants/${KBB}/sessions/${s.id}/bookings`, { token: other, body: extra });
        assert.equal(r.status, 422, JSON.stringify(extra));
      }
    });
  });

  describe('prototype pollution through JSON bodies', () => {
    it('__proto__ and constructor.prototype in a body pollute nothing, at the top level or in form data', async () => {
      const path = `/api/v1/tenants/${T}/applications`;
      const top = await rawJson(path, citizen, '{"service":"polri.sktlk","__proto__":{"polluted":"yes","status":"completed"}}');
      assert.equal(top.status, 422);
      const nested = await rawJson(path, citizen, `{"service":"polri.sktlk","data":${JSON.stringify(SKTLK).slice(0, -1)},"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted2":"yes"}}}}`);
      assert.ok(nested.status === 201 || nested.status === 422, String(nested.status));
      const sk = await rawJson(`/api/v1/tenants/${T}/services/polri.sktlk/validate`, citizen, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}');
      assert.ok(sk.status < 500, String(sk.status));
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.equal(({} as Record<string, unknown>).polluted2, undefined);
      assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
      // The server process (same process here) still answers ordinary requests with ordinary objects.
      const me = await api(p, 'GET', '/api/v1/me', { token: citizen });
      assert.equal(me.body.polluted, undefined);
      assert.equal(me.body.isAdmin, undefined);
      assert.deepEqual(me.body.memberships, []);
      const list = await api(p, 'GET', `/api/v1/tenants/${T}/services`);
      assert.equal(list.body.polluted, undefined);
    });
  });

  describe('cursor tampering', () => {
    let cursor: string;
    before(async () => {
      await draft(citizen);
      await draft(citizen);
      const first = await api(p, 'GET', `/api/v1/tenants/${T}/applications?limit=1`, { token: citizen });
      assert.ok(first.body.next, 'a second page');
      cursor = first.body.next;
    });

    it('a garbage, truncated or re-encoded cursor is 400 CURSOR_INVALID', async () => {
      for (const c of ['AAAAAAAAAAAA', cursor.slice(0, -4), Buffer.from('{"k":[],"f":"x"}').toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')]) {
        const r = await api(p, 'GET', `/api/v1/tenants/${T}/applications?cursor=${c}`, { token: citizen });
        assert.equal(r.status, 400, c);
        assert.ok(['CURSOR_INVALID', 'QUERY_INVALID'].includes(r.body.code), r.body.code);
      }
    });

    it('a cursor made for other filters is refused', async () => {
      const r = await api(p, 'GET', `/api/v1/tenants/${T}/applications?status=submitted&cursor=${cursor}`, { token: citizen });
      assert.equal(r.status, 400);
      assert.equal(r.body.code, 'CURSOR_INVALID');
    });

    it("another citizen, or another tenant's path, replaying the cursor gets only its own rows", async () => {
      const mineIds = new Set<string>();
      let next: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; next: string | null } } = await api(p, 'GET', `/api/v1/tenants/${T}/applications?limit=200${next ? `&cursor=${next}` : ''}`, { token: citizen });
        for (const a of page.body.items) mineIds.add(a.id);
        next = page.body.next;
      } while (next);
      for (const [tenant, token] of [[T, other], [KBB, citizen], [KBB, other]] as const) {
        const r = await api(p, 'GET', `/api/v1/tenants/${tenant}/applications?limit=1&cursor=${cursor}`, { token });
        assert.ok(r.status === 200 || r.status === 400, String(r.status));
        if (r.status === 200) for (const a of r.body.items) assert.ok(!(token === other && mineIds.has(a.id)), `${tenant}: leaked ${a.id}`);
        if (r.status === 200 && tenant === KBB) for (const a of r.body.items) assert.ok(!mineIds.has(a.id), `${tenant}: another tenant's row ${a.id}`);
      }
    });

    // Found while writing this tier (a forged cursor's key reached the SQL cast and answered 500);
    // fixed by signing cursors (pagination.ts): a forged or altered cursor is 400 CURSOR_INVALID.
    it('a forged cursor with the right filter digest but a malformed key is 400, not 500', async () => {
      const f = createHash('sha256').update('{}').digest('base64url').slice(0, 12);
      for (const k of [["not-a-date'; drop table applications;--", 'x'], ['2026-01-01', "zz' or 1=1"]]) {
        for (const m of [undefined, 'AAAAAAAAAAAAAAAAAAAAAA']) {
          const forged = Buffer.from(JSON.stringify({ k, f, ...(m ? { m } : {}) })).toString('base64url');
          const r = await api(p, 'GET', `/api/v1/tenants/${T}/applications?cursor=${forged}`, { token: citizen });
          assert.equal(r.status, 400, JSON.stringify(k));
          assert.equal(r.body.code, 'CURSOR_INVALID');
        }
      }
    });
  });

  describe('files: traversal and content spoofing', () => {
    let appId: string;
    before(async () => {
      appId = (await draft(citizen)).body.id;
    });
    const put = (code: string, filename: string, body: Buffer | string, type = 'application/pdf', token = citizen) =>
      fetch(`${p.url}/api/v1/tenants/${T}/applications/${appId}/documents/${code}?filename=${encodeURIComponent(filename)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });

    it('a document code with ../ is refused by its pattern', async () => {
      for (const code of ['../../x', '..%2f..%2fx', 'identitas/../../x', '.env']) {
        const r = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${appId}/documents/${code.includes('%') ? code : encodeURIComponent(code)}`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
        assert.ok([400, 404].includes(r.status), `${code}: ${r.status}`);
      }
    });

    it('a file name with ../ never reaches the object key: the stored object is addressed by ids only', async () => {
      const up = await put('identitas', '../../../etc/passwd', await pdf());
      assert.ok(up.status === 201 || up.status === 422 || up.status === 400, String(up.status));
      if (up.status !== 201) return;
      const doc = (await up.json()) as { id: string };
      const link = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${appId}/documents/${doc.id}/download`, { token: citizen });
      assert.equal(link.status, 200);
      const url = new URL(link.body.url);
      assert.ok(!url.pathname.includes('..') && !url.pathname.includes('passwd'), url.pathname);
      assert.match(url.pathname, new RegExp(`/a/${appId}/${doc.id}$`));
      // Swapping the id at the end of a signed link breaks its signature.
      const tampered = new URL(url);
      tampered.pathname = tampered.pathname.replace(/[^/]+$/, '00000000-0000-0000-0000-000000000000');
      assert.ok((await fetch(tampered)).status >= 400);
    });

    it('HTML, SVG, script and executables declared as PDF are refused by their content (magic bytes)', async () => {
      const fakes: [string, Buffer | string][] = [
        ['html', '<html><script>alert(document.domain)</script></html>'],
        ['svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
        ['svg-xml', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
        ['js', 'alert(1)//%PDF-1.4'],
        ['exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
        ['zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)])],
      ];
      for (const [name, body] of fakes) {
        for (const [type, filename] of [['application/pdf', 'ktp.pdf'], ['image/jpeg', 'ktp.jpg'], ['image/png', 'ktp.png']] as const) {
          const r = await put('identitas', filename, body, type);
          assert.equal(r.status, 415, `${name} as ${type}: ${r.status}`);
          const problem = (await r.json()) as { code: string };
          assert.equal(problem.code, 'UPLOAD_TYPE_NOT_ACCEPTED');
        }
      }
      const doc = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${appId}`, { token: citizen });
      for (const d of doc.body.documents as { mediaType: string }[]) assert.ok(['application/pdf', 'image/jpeg', 'image/png'].includes(d.mediaType));
    });

    it('an upload larger than the limit is refused before it is stored (413)', async () => {
      const big = await put('identitas', 'besar.pdf', Buffer.concat([await pdf(), Buffer.alloc(12 * 1024 * 1024)]));
      assert.equal(big.status, 413);
    });
  });

  describe('HTTP level', () => {
    it('CORS: an unknown or look-alike origin gets no Access-Control-Allow-Origin, on requests and preflights', async () => {
      const token = citizen;
      for (const origin of ['https://evil.example', 'null', `${p.url}.evil.example`, 'http://127.0.0.1:3000.evil.example', 'https://kab-kapuas.evil.example']) {
        const get = await fetch(`${p.url}/api/v1/me`, { headers: { origin, authorization: `Bearer ${token}` } });
        assert.equal(get.headers.get('access-control-allow-origin'), null, origin);
        assert.equal(get.headers.get('access-control-allow-credentials'), null, origin);
        const pre = await fetch(`${p.url}/api/v1/tenants/${T}/applications`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
        assert.equal(pre.headers.get('access-control-allow-origin'), null, origin);
        assert.notEqual(pre.headers.get('access-control-allow-origin'), '*');
      }
    });

    it('CRLF or JSON in X-Request-Id is not echoed into response headers (no header or log-line injection)', async () => {
      const crlf = headOf(await raw(port, 'GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc%0d%0aSet-Cookie:%20evil=1\r\nConnection: close\r\n\r\n'));
      assert.match(crlf, /^HTTP\/1\.1 200/);
      assert.ok(!/set-cookie/i.test(crlf), crlf);
      assert.ok(!crlf.includes('%0d%0a'), 'the forged id is replaced');
      const json = headOf(await raw(port, 'GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Request-Id: {"level":60,"msg":"forged"}\r\nConnection: close\r\n\r\n'));
      assert.ok(!json.includes('forged'), json);
      assert.match(json, /X-Request-Id: [0-9a-f-]{36}\r?$/im);
      // A bare CR/LF inside a header value never gets past the HTTP parser.
      const bare = headOf(await raw(port, 'GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\rSet-Cookie: evil=1\r\nConnection: close\r\n\r\n'));
      assert.ok(!/set-cookie/i.test(bare.split('\r\n').slice(1).join('\n')), bare);
    });

    it('CRLF in JSON fields is data: it reaches no response header', async () => {
      const r = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, {
        token: citizen,
        body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Antrean lama\r\nSet-Cookie: evil=1', body: 'Saya menunggu tiga jam di loket.\r\nX-Injected: yes\r\n\r\n<script>alert(1)</script>' },
      });
      assert.ok(r.status === 201 || r.status === 422, String(r.status));
      assert.equal(r.headers.get('set-cookie'), null);
      assert.equal(r.headers.get('x-injected'), null);
      if (r.status === 201) assert.match(r.headers.get('location') ?? `/api/v1/tenants/${T}/complaints/${r.body.id}`, /^\/api\/v1\/tenants\/kab-kapuas\/complaints\/[0-9a-f-]{36}$/);
    });

    it('request smuggling (Content-Length with Transfer-Encoding) is refused', async () => {
      const r = await raw(port, `POST /api/v1/tenants/${KBB}/services/polri.sktlk/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\nGET /api/v1/me HTTP/1.1\r\nHost: x\r\n\r\n`);
      assert.match(r, /^HTTP\/1\.1 400/);
      assert.equal(r.match(/HTTP\/1\.1 /g)?.length, 1, 'one answer only: the smuggled request was not served');
    });

    it('TRACE and X-HTTP-Method-Override do not reach a handler', async () => {
      const trace = await raw(port, 'TRACE /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer secret-token\r\nConnection: close\r\n\r\n');
      assert.match(trace, /^HTTP\/1\.1 (404|405)/);
      assert.ok(!trace.includes('secret-token'), 'the request is not reflected');
      const admin = await tokenFor(p, 'admin.kapuas');
      const r = await api(p, 'POST', `/api/v1/tenants/${KBB}/audit-events`, { token: admin, headers: { 'x-http-method-override': 'GET' } });
      assert.ok(r.status === 404 || r.status === 405, String(r.status));
      assert.ok(!Array.isArray(r.body.items));
    });

    it('bodies: a gzip bomb, an oversize body and a non-JSON media type are refused without a 500', async () => {
      const bomb = gzipSync(Buffer.from(`{"service":"polri.sktlk","data":{"x":"${'a'.repeat(50 * 1024 * 1024)}"}}`));
      const t0 = performance.now();
      const br = await fetch(`${p.url}/api/v1/tenants/${T}/applications`, { method: 'POST', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bomb });
      assert.ok(br.status === 413 || br.status === 415, String(br.status));
      assert.ok(performance.now() - t0 < 5000);
      const big = await rawJson(`/api/v1/tenants/${T}/applications`, citizen, `{"service":"polri.sktlk","data":{"x":"${'a'.repeat(2 * 1024 * 1024)}"}}`);
      assert.equal(big.status, 413);
      const text = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, rawBody: JSON.stringify({ service: 'polri.sktlk' }), headers: { 'content-type': 'text/plain' } });
      assert.equal(text.status, 415);
    });

    it('a 5,000-deep JSON body is 400 BODY_TOO_DEEP, not a stack overflow (issue 18)', async () => {
      const r = await rawJson(`/api/v1/tenants/${T}/applications`, citizen, `{"service":"polri.sktlk","data":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`);
      assert.equal(r.status, 400);
      assert.equal(r.body.code, 'BODY_TOO_DEEP');
    });

    // Found while writing this tier (PostgreSQL refused the text deep in a transaction: 500); fixed:
    // the JSON body parser refuses such strings as MALFORMED_JSON (json-body.ts).
    it('NUL bytes and lone surrogates in JSON strings are 4xx, not 500', async () => {
      const path = `/api/v1/tenants/${T}/applications`;
      for (const body of [
        JSON.stringify({ service: 'polri.sktlk', data: { ...SKTLK, kronologi: 'a\u0000b' } }),
        JSON.stringify({ service: 'polri.sktlk', data: { 'a\u0000': 1 } }),
        '{"service":"polri.sktlk","data":{"x":"\\ud800"}}',
      ]) {
        const r = await rawJson(path, citizen, body);
        assert.ok(r.status >= 400 && r.status < 500, `${body.slice(0, 60)}: ${r.status}`);
      }
    });

    // Found while writing this tier (ASVS 5.0 14.3.2); fixed: every answer to a signed-in caller
    // says `Cache-Control: no-store` (app.ts).
    it('answers with personal data are not stored by browsers or shared caches (Cache-Control: no-store)', async () => {
      const d = await draft(citizen);
      for (const path of [`/api/v1/tenants/${T}/applications/${d.body.id}`, `/api/v1/tenants/${T}/applications`, '/api/v1/me']) {
        const r = await api(p, 'GET', path, { token: citizen });
        assert.equal(r.status, 200);
        assert.match(r.headers.get('cache-control') ?? '', /no-store/, path);
      }
    });

    it("a plugin manifest's remote $ref is refused and never fetched (no SSRF through schemas)", async () => {
      let hits = 0;
      const srv = http.createServer((_q, r) => {
        hits++;
        r.end('{}');
      });
      await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
      try {
        const rport = (srv.address() as net.AddressInfo).port;
        const m = structuredClone((await api(p, 'GET', '/api/v1/plugins/polri/versions/1.1.0')).body.manifest);
        m.version = `1.0.${100000 + Math.floor(Math.random() * 800000)}`;
        m.services[0].form.schema.properties.nik = { $ref: `http://127.0.0.1:${rport}/schema.json` };
        const r = await api(p, 'POST', '/api/v1/plugins', { token: await tokenFor(p, 'publisher.polri'), body: m });
        assert.equal(r.status, 422, JSON.stringify(r.body).slice(0, 300));
        await new Promise((res) => setTimeout(res, 200));
        assert.equal(hits, 0);
      } finally {
        srv.close();
      }
    });
  });
});
