import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { WEB_DIST } from '../../http/web.js';

/** The bytes as they travel (fetch would decode them), with the headers. */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
const decode = (r: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

const T = 'kab-bandung-barat';

describe('the web app on the wire: server-rendered public pages, precompressed assets, root files', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('renders the catalog as HTML with the tenant’s services, compressed, never cached stale', async () => {
    const r = await raw(`${p.url}/t/${T}`, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'br');
    assert.match(String(r.headers.vary), /Accept-Encoding/i);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.match(String(r.headers['content-type']), /^text\/html/);
    const html = decode(r).toString('utf8');
    assert.match(html, /<title>Kabupaten Bandung Barat · Katalog layanan · Satupintu<\/title>/);
    assert.match(html, /<meta name="description" content="\d+ layanan publik di Mal Pelayanan Publik Kabupaten Bandung Barat/);
    assert.match(html, /<div id="root" data-ssr="1">/);
    assert.match(html, /<a href="\/t\/kab-bandung-barat\/layanan\/dukcapil\.ktpel-penggantian">Penggantian KTP-el<\/a>/);
    assert.match(html, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/, 'the SPA still loads');
    const searched = await (await fetch(`${p.url}/t/${T}?q=paspor&category=non-perizinan&agency=imigrasi`, { headers: { accept: 'text/html' } })).text();
    assert.match(searched, /Paspor Baru/);
    assert.doesNotMatch(searched, /Penggantian KTP-el<\/a>/);
  });

  it('renders a service page with its standar pelayanan, and 404 pages for what is not there', async () => {
    const r = await fetch(`${p.url}/t/${T}/layanan/dukcapil.ktpel-penggantian`, { headers: { accept: 'text/html' } });
    assert.equal(r.status, 200);
    const html = await r.text();
    assert.match(html, /<title>Penggantian KTP-el · Satupintu<\/title>/);
    assert.match(html, /<h2 id="standar">Standar pelayanan<\/h2>/);
    assert.match(html, /\(jika Alasan Penggantian: hilang\)/);
    for (const [url, text] of [
      [`/t/kab-tidak-ada`, /Kabupaten\/kota ini tidak ada/],
      [`/t/${T}/layanan/dukcapil.tidak-ada`, /Layanan ini tidak ada di katalog Kabupaten Bandung Barat/],
    ] as const) {
      const miss = await fetch(`${p.url}${url}`, { headers: { accept: 'text/html' } });
      assert.equal(miss.status, 404, url);
      const body = await miss.text();
      assert.match(body, text);
      assert.match(body, /<title>Halaman tidak ditemukan · Satupintu<\/title>/);
    }
    // Other app paths get the shell, as before.
    const shell = await (await fetch(`${p.url}/t/${T}/permohonan`, { headers: { accept: 'text/html' } })).text();
    assert.match(shell, /<div id="root"><\/div>/);
  });

  it('serves hashed assets precompressed by Accept-Encoding, immutable, with their content type', async () => {
    const index = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const js = /src="(\/assets\/index-[\w-]+\.js)"/.exec(index)![1]!;
    const plain = readFileSync(path.join(WEB_DIST, js));
    const sizes: Record<string, number> = {};
    for (const [accept, coding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=1', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const r = await raw(`${p.url}${js}`, { 'accept-encoding': accept });
      assert.equal(r.status, 200, accept);
      assert.equal(r.headers['content-encoding'], coding, accept);
      assert.match(String(r.headers['content-type']), /^(text|application)\/javascript/, accept);
      assert.match(String(r.headers.vary), /Accept-Encoding/i, accept);
      assert.match(String(r.headers['cache-control']), /max-age=31536000.*immutable|immutable.*max-age=31536000/, accept);
      assert.ok(decode(r).equals(plain), `${accept}: the same script`);
      sizes[coding ?? 'identity'] = r.body.length;
    }
    assert.ok(sizes.br! < sizes.gzip! && sizes.gzip! < sizes.identity!, JSON.stringify(sizes));
    assert.ok(sizes.br! <= 200 * 1024, `main chunk on the wire: ${sizes.br} bytes`);
    console.log(`      main chunk ${js}: ${sizes.identity} bytes, gzip ${sizes.gzip}, brotli ${sizes.br}`);
    const css = /href="(\/assets\/index-[\w-]+\.css)"/.exec(index)![1]!;
    const c = await raw(`${p.url}${css}`, { 'accept-encoding': 'br' });
    assert.deepEqual([c.status, c.headers['content-encoding'], /^text\/css/.test(String(c.headers['content-type']))], [200, 'br', true]);
    assert.equal((await raw(`${p.url}/assets/index-gone.js`, { 'accept-encoding': 'br' })).status, 404);
  });

  it('robots.txt and favicon.ico are files; a missing file at the root is a 404, not the app', async () => {
    const robots = await fetch(`${p.url}/robots.txt`, { headers: { accept: 'text/html,*/*' } });
    assert.equal(robots.status, 200);
    assert.match(robots.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(await robots.text(), /^User-agent: \*$/m);
    const icon = await fetch(`${p.url}/favicon.ico`, { headers: { accept: 'image/*' } });
    assert.equal(icon.status, 200);
    assert.match(icon.headers.get('content-type') ?? '', /^image\/(x-icon|vnd\.microsoft\.icon)/);
    assert.deepEqual([...new Uint8Array(await icon.arrayBuffer()).slice(0, 4)], [0, 0, 1, 0], 'an ICO file');
    for (const miss of ['/apple-touch-icon.png', '/sitemap.xml', '/wp-login.php']) {
      const r = await fetch(`${p.url}${miss}`, { headers: { accept: 'text/html' } });
      assert.equal(r.status, 404, miss);
      assert.doesNotMatch(await r.text(), /id="root"/, miss);
    }
  });

  it('answers the catalog in brief: what the list shows, under half the bytes, cached with a weak ETag', async () => {
    const url = `${p.url}/api/v1/tenants/${T}/service-summaries`;
    const brief = await raw(url, { 'accept-encoding': 'br' });
    const full = await raw(`${p.url}/api/v1/tenants/${T}/services`, { 'accept-encoding': 'br' });
    assert.deepEqual([brief.status, brief.headers['content-encoding'], brief.headers['cache-control']], [200, 'br', 'public, max-age=60']);
    const body = JSON.parse(decode(brief).toString('utf8'));
    const fullBody = JSON.parse(decode(full).toString('utf8'));
    assert.equal(body.items.length, fullBody.items.length);
    assert.deepEqual(Object.keys(body.items[0]).sort(), ['agency', 'appointmentRequired', 'category', 'channels', 'code', 'id', 'keywords', 'name', 'summary']);
    assert.ok(brief.body.length * 2 < full.body.length, `brief ${brief.body.length} vs full ${full.body.length} bytes (brotli)`);
    console.log(`      KBB catalog in brief: ${decode(brief).length} bytes JSON, ${brief.body.length} brotli (full list: ${full.body.length} brotli)`);
    const etag = String(brief.headers.etag);
    assert.equal((await raw(url, { 'if-none-match': etag })).status, 304);
    // Through the test client: validated against the document (contract coverage), public to anyone.
    const anon = await api(p, 'GET', `/api/v1/tenants/${T}/service-summaries`);
    assert.deepEqual(anon.body, body);
    const signedIn = await api(p, 'GET', `/api/v1/tenants/${T}/service-summaries`, { token: await tokenFor(p, 'warga.kapuas') });
    assert.equal(signedIn.status, 200, 'a citizen of another regency reads it too: it is public');
    const none = await api(p, 'GET', '/api/v1/tenants/kab-tidak-ada/service-summaries');
    assert.deepEqual([none.status, none.body.code], [404, 'TENANT_NOT_FOUND']);
  });
});
