import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { WEB_DIST, webApp } from './web.js';

describe('web app mount (static SPA with history fallback)', () => {
  let dir: string;
  let server: http.Server;
  let base: string;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'satupintu-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    // As vite-plugin-compression2 writes them at build time.
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js.gz'), gzipSync('console.log(1)'));
    writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    const app = express();
    app.get('/api/v1/known', (_req, res) => void res.json({ ok: true }));
    app.use(webApp({ authority: 'http://127.0.0.1:1/realms/mpp', clientId: 'satupintu-web', dir }));
    app.use((_req, res) => void res.status(404).json({ code: 'ROUTE_NOT_FOUND' }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (p: string, accept = 'text/html') => fetch(`${base}${p}`, { headers: { accept } });

  it('serves index.html for app paths and immutable hashed assets', async () => {
    for (const p of ['/', '/t/kab-bandung-barat/layanan/dukcapil.ktpel-penggantian', '/auth/callback?code=x']) {
      const r = await get(p);
      assert.equal(r.status, 200, p);
      assert.match(await r.text(), /id="root"/);
    }
    const a = await get('/assets/app-abc123.js', '*/*');
    assert.equal(a.status, 200);
    assert.match(a.headers.get('cache-control') ?? '', /immutable/);
  });

  it('answers the precompressed file the browser accepts (brotli first), with the script’s type and Vary', async () => {
    for (const [accept, coding] of [
      ['gzip, br', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const r = await fetch(`${base}/assets/app-abc123.js`, { headers: { 'accept-encoding': accept } });
      assert.equal(r.status, 200, accept);
      assert.equal(r.headers.get('content-encoding'), coding, accept);
      assert.match(r.headers.get('content-type') ?? '', /javascript/, accept);
      assert.match(r.headers.get('vary') ?? '', /Accept-Encoding/i, accept);
      assert.match(r.headers.get('cache-control') ?? '', /immutable/, accept);
      assert.equal(await r.text(), 'console.log(1)', accept);
    }
  });

  it('serves root files as files and answers a missing one with 404, never the app', async () => {
    const robots = await get('/robots.txt');
    assert.deepEqual([robots.status, /^text\/plain/.test(robots.headers.get('content-type') ?? '')], [200, true]);
    for (const p of ['/favicon.ico', '/sitemap.xml', '/manifest.webmanifest']) assert.equal((await get(p)).status, 404, p);
    // Service ids hold a dot: deeper paths stay the app's.
    assert.equal((await get('/t/kab-bandung-barat/layanan/dukcapil.ktpel-penggantian')).status, 200);
  });

  it('tells the browser where to sign in', async () => {
    const r = await get('/config.json', 'application/json');
    assert.deepEqual(await r.json(), { authority: 'http://127.0.0.1:1/realms/mpp', clientId: 'satupintu-web' });
  });

  it('never shadows the API, the issuer or the operations endpoints', async () => {
    for (const p of ['/api/v1/nope', '/api', '/realms/mpp/x', '/metrics', '/livez', '/readyz', '/healthz']) {
      const r = await get(p);
      assert.equal(r.status, 404, p);
      assert.equal(((await r.json()) as { code: string }).code, 'ROUTE_NOT_FOUND');
    }
    assert.equal((await get('/api/v1/known')).status, 200);
    // JSON clients get the API's 404, not the app.
    assert.equal((await get('/t/x', 'application/json')).status, 404);
  });

  it('serves, by default, what `vite build` writes: packages/web/dist', () => {
    // Tests run from the repository root (mocha's working directory).
    assert.equal(WEB_DIST, path.resolve('packages/web/dist'));
  });
});
