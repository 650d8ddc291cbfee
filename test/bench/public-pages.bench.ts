/**
 * The server-rendered public pages (ADR 0028): the catalog `/t/kab-bandung-barat` and a service
 * page, as a browser asks for them (HTML, brotli), against express sending the same HTML from
 * memory through the same compression middleware, in the same run. What rendering on each request
 * costs next to sending a file. Per target, `requests` in blocks alternating with the baseline's.
 *   node --import tsx test/bench/public-pages.bench.ts [requests] [concurrency]
 */
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import compression from 'compression';
import express from 'express';
import { startPlatform } from '@satupintu/server';
import { tempDataDir, testConfig } from '@satupintu/testkit';
import { alternate, load } from './fixtures.js';

const total = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 16);
const dataDir = tempDataDir('satupintu-pages-bench-');
const platform = await startPlatform(testConfig(dataDir));
const headers = { accept: 'text/html', 'accept-encoding': 'br, gzip' };
try {
  const pages = { catalog: '/t/kab-bandung-barat', service: '/t/kab-bandung-barat/layanan/dukcapil.ktpel-penggantian' };
  const html: Record<string, string> = {};
  for (const [name, p] of Object.entries(pages)) {
    const r = await fetch(`${platform.url}${p}`, { headers });
    html[name] = await r.text();
    if (r.status !== 200 || !html[name]!.includes('data-ssr')) throw new Error(`${p}: not server-rendered (${r.status}); build the web app first`);
  }
  const app = express();
  app.use(compression({ threshold: 1024 }));
  for (const name of Object.keys(pages)) app.get(`/${name}`, (_req, res) => void res.type('html').set('cache-control', 'no-cache').send(html[name]));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const get = (target: string) => async () => {
    const r = await fetch(target, { headers });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${target}: ${r.status}`);
  };
  const rows: Record<string, unknown>[] = [];
  const ratios: string[] = [];
  for (const [name, p] of Object.entries(pages)) {
    const ours = get(`${platform.url}${p}`);
    const theirs = get(`${base}/${name}`);
    await load(100, concurrency, ours);
    await load(100, concurrency, theirs);
    const [a, b] = await alternate([{ name: `satupintu ${name} page (rendered)`, one: ours }, { name: `express, same HTML (${name})`, one: theirs }], total, concurrency);
    rows.push(a!, b!);
    ratios.push(`${name}: ${((a!.rps / b!.rps) * 100).toFixed(0)}%`);
  }
  console.log(`public pages of Kab. Bandung Barat: catalog ${html.catalog!.length.toLocaleString('en')} bytes HTML, service ${html.service!.length.toLocaleString('en')}; ${total} requests, ${concurrency} concurrent, same run`);
  console.table(rows);
  console.log(`satupintu reaches ${ratios.join(', ')} of express sending the same HTML from memory`);
  server.close();
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
