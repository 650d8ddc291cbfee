/**
 * The public catalog read (anonymous GET /api/v1/tenants/kab-bandung-barat/services, the page every
 * citizen opens first) against express sending the same bytes from memory, in the same run:
 * uncompressed, gzip-compressed, and a revalidation with If-None-Match (304).
 * Per target, `requests` in blocks alternating with the baseline's (fixtures.ts `alternate`).
 *   node --import tsx test/bench/catalog.bench.ts [requests] [concurrency]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import express from 'express';
import { startPlatform } from '@satupintu/server';
import { tempDataDir, testConfig } from '@satupintu/testkit';
import { alternate, load } from './fixtures.js';

const total = Number(process.argv[2] ?? 6000);
const concurrency = Number(process.argv[3] ?? 16);
const dataDir = tempDataDir('satupintu-catalog-bench-');
const platform = await startPlatform(testConfig(dataDir));
try {
  const url = `${platform.url}/api/v1/tenants/kab-bandung-barat/services`;
  // The bytes the platform answers (identity and gzip), captured once for the baseline.
  const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const plainBytes = Buffer.from(await plain.arrayBuffer());
  const etag = plain.headers.get('etag') ?? '';
  const gz = await new Promise<Buffer>((resolve, reject) =>
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.headers['content-encoding'] === 'gzip' ? resolve(Buffer.concat(chunks)) : reject(new Error('not gzip'))));
    }),
  );
  if (!etag) throw new Error('no ETag on the catalog');

  const app = express();
  app.get('/plain', (_req, res) => void res.type('application/json').send(plainBytes));
  app.get('/gzip', (_req, res) => void res.type('application/json').set('Content-Encoding', 'gzip').send(gz));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const get = (target: string, headers: Record<string, string>, status = 200) => async () => {
    const r = await fetch(target, { headers });
    await r.arrayBuffer();
    if (r.status !== status) throw new Error(`${target}: ${r.status}`);
  };
  const cases: [string, () => Promise<void>, string, () => Promise<void>][] = [
    ['uncompressed', get(url, { 'accept-encoding': 'identity' }), 'express, same bytes', get(`${base}/plain`, { 'accept-encoding': 'identity' })],
    ['gzip', get(url, { 'accept-encoding': 'gzip' }), 'express, same gzip bytes', get(`${base}/gzip`, { 'accept-encoding': 'gzip' })],
  ];
  const rows: Record<string, unknown>[] = [];
  const ratios: string[] = [];
  for (const [name, ours, baseName, theirs] of cases) {
    await load(200, concurrency, ours);
    await load(200, concurrency, theirs);
    const [a, b] = await alternate([{ name: `satupintu GET …/services (${name})`, one: ours }, { name: baseName, one: theirs }], total, concurrency);
    rows.push(a!, b!);
    ratios.push(`${name}: ${((a!.rps / b!.rps) * 100).toFixed(0)}%`);
  }
  const { latencies: _l, ...revalidated } = await load(total, concurrency, get(url, { 'if-none-match': etag }, 304));
  rows.push({ target: 'satupintu, If-None-Match → 304', ...revalidated });
  console.log(`catalog of Kab. Bandung Barat: ${plainBytes.length.toLocaleString('en')} bytes JSON, ${gz.length.toLocaleString('en')} bytes gzip; ${total} requests, ${concurrency} concurrent, same run`);
  console.table(rows);
  console.log(`satupintu reaches ${ratios.join(', ')} of express sending the same bytes from memory`);
  server.close();
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
