import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { parse as parseDisposition } from 'content-disposition';
import type { SatupintuConfig } from '@satupintu/core';
import { createGuards } from '@satupintu/auth';
import { createHttpApp, type Platform } from '@satupintu/server';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';

// The HTTP edge (issue 19): /metrics labels and access, X-Forwarded-For and trusted proxies,
// anonymous and signed-in budgets, security headers, download file names. Each test performs the
// attack against the platform (or the same HTTP app on the shared platform's databases, store and
// issuer, with the configuration the attack needs) and asserts it fails.

const KBB = 'kab-bandung-barat';
const KAPUAS = 'kab-kapuas';
const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';

/** The platform's HTTP app again, on its own loopback port, with `over` in its configuration. */
async function edge(p: Platform, over: Partial<SatupintuConfig>): Promise<{ url: string; close: () => Promise<void> }> {
  const config: SatupintuConfig = { ...p.config, ...over };
  const guards = createGuards({ authServerUrl: () => p.authServerUrl, realm: config.keycloak.realm, clientId: config.keycloak.clientId, jwksMinIntervalSeconds: config.keycloak.jwksMinIntervalSeconds });
  const app = createHttpApp({
    config,
    logger: p.logger,
    clock: p.clock,
    dbs: p.dbs,
    store: p.store,
    jobs: p.jobs,
    guards,
    tenant: (slug) => p.services.tenants.get(slug),
    modules: p.modules,
    authServerUrl: p.authServerUrl,
    tenantOrigins: (slug) => p.services.tenants.directory.originsOf(slug),
  });
  const server = http.createServer(app.express);
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** The request series of a Prometheus exposition: `name{labels}` of satupintu_http_* samples. */
function httpSeries(text: string): string[] {
  return text.split('\n').filter((l) => l.startsWith('satupintu_http_')).map((l) => l.slice(0, l.lastIndexOf(' ')));
}

/** Runs `fn` for 0..n-1, `width` at a time. */
async function pool<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

async function pdf(text = 'dokumen'): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

describe('security: the HTTP edge', function () {
  this.timeout(180_000);
  let p: Platform;
  let citizen: string;

  before(async () => {
    p = sharedPlatform();
    citizen = await tokenFor(p, 'warga.kbb');
  });

  describe('/metrics', () => {
    let prod: { url: string; close: () => Promise<void> };
    const scrape = async () => {
      const r = await fetch(`${prod.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      assert.equal(r.status, 200);
      return r.text();
    };

    before(async () => {
      prod = await edge(p, { env: 'production', metricsToken: METRICS_TOKEN });
    });
    after(() => prod.close());

    it('200 made-up tenant slugs and page paths add no series, and no slug reaches a label', async () => {
      // Every kind of request once, so each (route, status) pair the flood can reach exists already.
      const kinds = (slug: string) => [
        fetch(`${prod.url}/api/v1/tenants/${slug}/services`),
        fetch(`${prod.url}/api/v1/tenants/${slug}/applications`),
        fetch(`${prod.url}/api/v1/tenants/${slug}/applications`, { headers: { authorization: 'Bearer not.a.token' } }),
        fetch(`${prod.url}/api/v1/${slug}/anything`),
        fetch(`${prod.url}/${slug}/halaman.php`, { headers: { accept: 'application/json' } }),
        fetch(`${prod.url}/${slug}`, { method: 'OPTIONS' }),
      ];
      await Promise.all(kinds('warm-up-slug').map((f) => f.then((r) => r.arrayBuffer())));
      await scrape(); // a scrape is counted when it has been answered: the next one shows its series
      const before = httpSeries(await scrape());
      const slugs = Array.from({ length: 200 }, (_, i) => `kab-palsu-${i}-${Math.random().toString(36).slice(2, 8)}`);
      await pool(slugs.length, 10, async (i) => Promise.all(kinds(slugs[i]!).map((f) => f.then((r) => r.arrayBuffer()))));
      const text = await scrape();
      const after = httpSeries(text);
      assert.equal(after.length, before.length, `series grew by ${after.length - before.length}: ${after.filter((s) => !before.includes(s)).slice(0, 5).join(' | ')}`);
      assert.ok(!/kab-palsu|warm-up-slug|halaman\.php/.test(text), 'a made-up slug or path reached a label');
      assert.match(text, /route="unmatched"/);
      assert.match(text, /route="\/api\/v1\/tenants\/:tenant\/services"[^}]*tenant=""/);
    });

    it('a tenant labels a series only when it exists and the caller passed the guard', async () => {
      assert.equal((await fetch(`${prod.url}/api/v1/tenants/${KAPUAS}/applications`)).status, 401);
      assert.equal((await fetch(`${prod.url}/api/v1/tenants/${KAPUAS}/applications`, { headers: { authorization: 'Bearer forged' } })).status, 401);
      const mine = await fetch(`${prod.url}/api/v1/tenants/${KBB}/applications`, { headers: { authorization: `Bearer ${citizen}` } });
      assert.equal(mine.status, 200);
      const text = await scrape();
      assert.ok(!text.includes(`tenant="${KAPUAS}"`), 'refused requests labelled kab-kapuas');
      assert.match(text, new RegExp(`route="/api/v1/tenants/:tenant/applications",tenant="${KBB}",status="200"`));
    });

    it('production: without the token, with a wrong one, or from loopback, /metrics is refused', async () => {
      const bare = await fetch(`${prod.url}/metrics`);
      assert.equal(bare.status, 401);
      assert.match(bare.headers.get('content-type') ?? '', /problem\+json/);
      assert.match(bare.headers.get('www-authenticate') ?? '', /Bearer/);
      assert.ok(!(await bare.text()).includes('satupintu_http_requests_total'));
      assert.equal((await fetch(`${prod.url}/metrics`, { headers: { authorization: 'Bearer test-metrics-token-0123456789abcdeX' } })).status, 401);
      assert.equal((await fetch(`${prod.url}/metrics`, { headers: { authorization: `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}` } })).status, 401);
      // Production with no token configured (the production check refuses that start; the handler refuses too).
      const noToken = await edge(p, { env: 'production', metricsToken: undefined });
      try {
        assert.equal((await fetch(`${noToken.url}/metrics`)).status, 401, 'loopback is no credential in production');
      } finally {
        await noToken.close();
      }
    });

    it('development without a token: loopback callers only, and nothing relayed through a local proxy', async () => {
      assert.equal(p.config.metricsToken, undefined);
      const local = await fetch(`${p.url}/metrics`);
      assert.equal(local.status, 200);
      await local.arrayBuffer();
      const relayed = await fetch(`${p.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      assert.equal(relayed.status, 401, 'a request a local proxy forwarded is not a local caller');
      const forwarded = await fetch(`${p.url}/metrics`, { headers: { forwarded: 'for=203.0.113.7' } });
      assert.equal(forwarded.status, 401);
    });
  });

  describe('X-Forwarded-For and the rate-limit identity', () => {
    const budgets = { windowSeconds: 60, tenantMax: 1_000_000, anonymousMax: 1_000_000, clientMax: 3 };
    const catalog = (base: string, xff: string) => fetch(`${base}/api/v1/tenants/${KBB}/services`, { headers: { 'x-forwarded-for': xff } }).then(async (r) => ({ status: r.status, body: await r.text() }));

    it('a loopback caller that is not a configured proxy cannot choose its identity: every spoofed address shares its budget', async () => {
      const app = await edge(p, { trustedProxies: ['10.9.8.7', '2001:db8::/32'], rateLimits: budgets });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) statuses.push((await catalog(app.url, `198.51.100.${i + 1}`)).status);
        assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429, 429, 429]);
      } finally {
        await app.close();
      }
      // The default (no TRUSTED_PROXIES): loopback is not trusted either.
      const none = await edge(p, { trustedProxies: [], rateLimits: budgets });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await catalog(none.url, `203.0.113.${i + 1}`)).status);
        assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      } finally {
        await none.close();
      }
    });

    it("a configured proxy's X-Forwarded-For is honoured: its clients get a budget each, and an address a client prepends is not", async () => {
      const app = await edge(p, { trustedProxies: ['127.0.0.1/8', '::1'], rateLimits: budgets });
      try {
        // Eight clients behind the proxy: each within its own budget.
        for (let i = 0; i < 8; i++) assert.equal((await catalog(app.url, `198.51.100.${i + 1}`)).status, 200);
        // One client varying what it prepends: the proxy appends the real address, which counts.
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await catalog(app.url, `10.0.0.${i + 1}, 203.0.113.50`)).status);
        assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      } finally {
        await app.close();
      }
    });

    it('TRUSTED_PROXIES entries are checked: a typo or a decimal-encoded address stops the start', async () => {
      await assert.rejects(edge(p, { trustedProxies: ['10.0.0.1/33'] }), /TRUSTED_PROXIES/);
      await assert.rejects(edge(p, { trustedProxies: ['2852039166'] }), /TRUSTED_PROXIES/);
      await assert.rejects(edge(p, { trustedProxies: ['proxy.internal'] }), /TRUSTED_PROXIES/);
    });
  });

  it('1,100 anonymous requests from many addresses spend only the anonymous budget: signed-in citizens still get 200', async () => {
    const app = await edge(p, { trustedProxies: ['127.0.0.1'], rateLimits: { windowSeconds: 60, tenantMax: 300, anonymousMax: 300, clientMax: 1_000_000 } });
    try {
      const flood = await pool(1_100, 16, (i) => fetch(`${app.url}/api/v1/tenants/${KBB}/services`, { headers: { 'x-forwarded-for': `100.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}` } }).then(async (r) => ({ status: r.status, body: await r.text() })));
      const refused = flood.filter((r) => r.status === 429);
      assert.ok(refused.length >= 700, `the anonymous budget held: ${refused.length} refused`);
      assert.equal(JSON.parse(refused[0]!.body).scope, 'anonymous');
      // The tenant's signed-in budget is untouched: several citizens' requests all succeed.
      const other = await tokenFor(p, 'warga.kapuas');
      const signedIn = await Promise.all([citizen, citizen, other, citizen, other].map((t, i) => fetch(`${app.url}/api/v1/tenants/${KBB}/${i % 2 ? 'services' : 'applications'}`, { headers: { authorization: `Bearer ${t}` } })));
      assert.deepEqual(signedIn.map((r) => r.status), [200, 200, 200, 200, 200]);
      // A made-up token on the public route buys no seat in the signed-in budget (the anonymous one
      // refills one request per 200 ms, so one or two of these may find a seat there).
      const forged = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          fetch(`${app.url}/api/v1/tenants/${KBB}/services`, { headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.e30.c2ln', 'x-forwarded-for': `100.99.0.${i + 1}` } }).then(async (r) => ({ status: r.status, body: await r.text() })),
        ),
      );
      const refusedForged = forged.filter((r) => r.status === 429);
      assert.ok(refusedForged.length >= 7, forged.map((r) => r.status).join(','));
      assert.ok(refusedForged.every((r) => JSON.parse(r.body).scope === 'anonymous'));
    } finally {
      await app.close();
    }
  });

  describe('security headers', () => {
    it('the web app gets a strict CSP (no inline or foreign script, no framing) and nosniff; no HSTS in development', async () => {
      const page = await fetch(`${p.url}/citizen/applications`, { headers: { accept: 'text/html' } });
      await page.arrayBuffer();
      const csp = page.headers.get('content-security-policy') ?? '';
      const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name} ([^;]*)`).exec(csp)?.[1] ?? '';
      assert.ok(directive('script-src'), csp);
      assert.ok(!/unsafe-inline|\*|https?:|data:/.test(directive('script-src')), `script-src: ${directive('script-src')}`);
      assert.equal(directive('object-src'), "'none'");
      assert.equal(directive('frame-ancestors'), "'none'");
      assert.equal(directive('base-uri'), "'self'");
      assert.ok(!/unsafe-inline/.test(directive('style-src')), `style-src: ${directive('style-src')}`);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(page.headers.get('strict-transport-security'), null, 'HSTS would pin localhost to https in a developer’s browser');
      assert.equal(page.headers.get('x-powered-by'), null);
    });

    it('API answers, errors and CSV downloads: nosniff and a CSP under which nothing runs', async () => {
      const answers = await Promise.all([
        fetch(`${p.url}/api/v1/tenants/${KBB}/services`),
        fetch(`${p.url}/api/v1/tenants/${KBB}/applications`),
        fetch(`${p.url}/api/v1/nothing-here`),
        fetch(`${p.url}/api/v1/national/tenants.csv`, { headers: { authorization: `Bearer ${await tokenFor(p, 'analis.kemenpanrb')}` } }),
      ]);
      for (const r of answers) {
        await r.arrayBuffer();
        assert.equal(r.headers.get('x-content-type-options'), 'nosniff', r.url);
        assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/, r.url);
      }
    });

    it('production adds HSTS (one year, subdomains) and upgrade-insecure-requests', async () => {
      const prod = await edge(p, { env: 'production', metricsToken: METRICS_TOKEN });
      try {
        for (const path of ['/', `/api/v1/tenants/${KBB}/services`]) {
          const r = await fetch(`${prod.url}${path}`, { headers: { accept: 'text/html' } });
          await r.arrayBuffer();
          assert.match(r.headers.get('strict-transport-security') ?? '', /^max-age=31536000; includeSubDomains$/, path);
        }
        const page = await fetch(`${prod.url}/`, { headers: { accept: 'text/html' } });
        await page.arrayBuffer();
        assert.match(page.headers.get('content-security-policy') ?? '', /upgrade-insecure-requests/);
      } finally {
        await prod.close();
      }
    });
  });

  describe('downloads', () => {
    const hostile = (header: string) => {
      assert.ok(!/[\r\n<>"]/.test(parseDisposition(header).parameters.filename ?? ''), header);
      assert.ok(!/[\r\n]/.test(header), header);
      assert.match(header, /^attachment;/);
      assert.match(header, /filename\*=UTF-8''/);
    };

    it('a document uploaded as `<script>alert(1)</script>.pdf` downloads as an attachment with a safe name and a fixed type', async () => {
      const draft = await api(p, 'POST', `/api/v1/tenants/${KAPUAS}/applications`, {
        token: await tokenFor(p, 'warga.kapuas'),
        body: { service: 'polri.sktlk', data: { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' } },
      });
      assert.equal(draft.status, 201, JSON.stringify(draft.body));
      const token = await tokenFor(p, 'warga.kapuas');
      const name = '<script>alert(1)</script>"onload=x.pdf';
      const up = await fetch(`${p.url}/api/v1/tenants/${KAPUAS}/applications/${draft.body.id}/documents/identitas?filename=${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
        body: await pdf('KTP'),
      });
      const doc = (await up.json()) as { id: string };
      assert.equal(up.status, 201, JSON.stringify(doc));
      const link = await api(p, 'GET', `/api/v1/tenants/${KAPUAS}/applications/${draft.body.id}/documents/${doc.id}/download`, { token });
      assert.equal(link.status, 200, JSON.stringify(link.body));
      const file = await fetch(link.body.url);
      await file.arrayBuffer();
      assert.equal(file.status, 200);
      const cd = file.headers.get('content-disposition') ?? '';
      hostile(cd);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      // The embedded S3 says it too (AWS S3 cannot through a presigned URL: there the forced
      // attachment and fixed type are the protection).
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    });

    it('a stored file name with CRLF, quotes, a path or HTML cannot break out of the presigned Content-Disposition', async () => {
      const region = p.config.regions[0]!.id;
      const key = `security-tests/disposition-${Date.now()}`;
      await p.store.putBuffer(region, key, Buffer.from('<html><script>alert(1)</script></html>'), 'text/html');
      for (const [filename, mediaType] of [
        ['laporan.pdf\r\nSet-Cookie: sid=stolen\r\nX-Injected: 1', 'application/pdf'],
        ['"; filename*=UTF-8\'\'evil.html; x=".pdf', 'application/pdf'],
        ['../../index.html', 'text/html'],
        ['<img src=x onerror=alert(1)>.svg', 'image/svg+xml'],
      ] as const) {
        const url = await p.store.presignGet(region, key, { expiresIn: 60, filename, mediaType });
        const r = await fetch(url);
        await r.arrayBuffer();
        assert.equal(r.status, 200);
        const cd = r.headers.get('content-disposition') ?? '';
        hostile(cd);
        assert.equal(r.headers.get('set-cookie'), null);
        assert.equal(r.headers.get('x-injected'), null);
        const offered = parseDisposition(cd).parameters.filename!;
        assert.ok(!/\.(html|svg)$/.test(offered), `offered as ${offered}`);
        assert.ok(!/[/\\]/.test(offered));
        // Never served as something a browser renders: only a verified download type, else octet-stream.
        assert.ok(['application/pdf', 'application/octet-stream'].includes(r.headers.get('content-type') ?? ''), r.headers.get('content-type') ?? '');
      }
      await p.store.delete(region, key);
    });
  });
});
