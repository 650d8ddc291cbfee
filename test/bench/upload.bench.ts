/**
 * A large document upload: peak RSS growth (must not grow with file size) and throughput, through
 * the platform (HTTP → type/size guard → sha256 → lib-storage → S3) against a direct lib-storage
 * upload of the same bytes to the same S3 endpoint. Each case runs in its own process; the S3
 * server (s3rver) runs in another, so the RSS measured is the uploader's alone.
 *   node --import tsx test/bench/upload.bench.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Upload } from '@aws-sdk/lib-storage';
import { tokenFor } from '@satupintu/testkit';
import { benchPlatform, BENCH_FORM } from './fixtures.js';

const here = fileURLToPath(import.meta.url);

/** size bytes of a "PDF": a header, then zeros, generated as it is read. */
function pdfStream(size: number): Readable {
  const chunk = Buffer.alloc(256 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const head = sent === 0 ? Buffer.from('%PDF-1.7\n') : undefined;
      const n = Math.min(chunk.length, size - sent);
      const buf = head ? Buffer.concat([head, chunk.subarray(0, n - head.length)]) : chunk.subarray(0, n);
      sent += buf.length;
      this.push(buf);
    },
  });
}

async function child(mode: 'platform' | 'direct', mb: number) {
  const { platform, tenant, dataDir } = await benchPlatform();
  const size = mb * 1024 * 1024;
  let peak = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  if (mode === 'platform') {
    const token = await tokenFor(platform, 'warga.kbb');
    const created = await fetch(`${platform.url}/api/v1/tenants/${tenant}/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'bench.formulir', data: BENCH_FORM }),
    });
    const { id } = (await created.json()) as { id: string };
    // The citizen's upload comes from another process (curl), as from a browser: only the server's memory is measured.
    const file = path.join(dataDir, `upload-${mb}.pdf`);
    await pipeline(pdfStream(size), createWriteStream(file));
    const t0 = performance.now();
    const out = await new Promise<string>((resolve, reject) => {
      const c = spawn('curl', ['-sS', '-X', 'PUT', '-T', file, '-H', `authorization: Bearer ${token}`, '-H', 'content-type: application/pdf', '-w', ' HTTP%{http_code}', `${platform.url}/api/v1/tenants/${tenant}/applications/${id}/documents/lampiran`]);
      let text = '';
      c.stdout.on('data', (d) => (text += d));
      c.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`curl ${code}`))));
    });
    if (!out.endsWith('HTTP201')) throw new Error(out);
    report(mode, mb, performance.now() - t0, before, peak);
  } else {
    const t0 = performance.now();
    await new Upload({ client: platform.store.client, params: { Bucket: platform.store.bucketOf('id-jakarta'), Key: `bench/direct-${mb}`, Body: pdfStream(size) }, partSize: 5 * 1024 * 1024, queueSize: 2 }).done();
    report(mode, mb, performance.now() - t0, before, peak);
  }
  clearInterval(sampler);
  void started;
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function report(mode: string, mb: number, ms: number, before: number, peak: number) {
  process.stdout.write(`RESULT ${JSON.stringify({ mode, fileMb: mb, seconds: Number((ms / 1000).toFixed(2)), mbPerSecond: Number((mb / (ms / 1000)).toFixed(1)), peakRssGrowthMb: Number(((peak - before) / 1024 / 1024).toFixed(1)) })}\n`);
}

const arg = process.argv.indexOf('--child');
if (process.argv.includes('--s3')) {
  // The S3 server runs in its own process, so the measured RSS is the platform's alone.
  const { startEmbeddedS3 } = await import('@satupintu/stack');
  const s3 = await startEmbeddedS3({ dataDir: process.argv[process.argv.indexOf('--s3') + 1]!, buckets: ['satupintu-id-jakarta', 'satupintu-id-batam'] });
  process.stdout.write(`S3 ${s3.endpoint}\n`);
} else if (arg > 0) {
  await child(process.argv[arg + 1] as 'platform' | 'direct', Number(process.argv[arg + 2]));
} else {
  const s3Dir = mkdtempSync(path.join(tmpdir(), 'bench-s3-'));
  const s3 = spawn(process.execPath, ['--import', 'tsx', here, '--s3', s3Dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve) => s3.stdout!.on('data', (d: Buffer) => {
    const m = /S3 (\S+)/.exec(d.toString());
    if (m) resolve(m[1]!);
  }));
  const run = (mode: string, mb: number) => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', here, '--child', mode, String(mb)], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', S3_ENDPOINT: endpoint }, maxBuffer: 1 << 24 });
    return JSON.parse(out.split('\n').find((l) => l.startsWith('RESULT '))!.slice(7)) as Record<string, number | string>;
  };
  const rows = [run('platform', 10), run('platform', 100), run('direct', 10), run('direct', 100)];
  console.log('document upload: peak RSS growth and throughput (same S3 endpoint, same run)');
  console.table(rows);
  const [p10, p100, d10, d100] = rows;
  console.log(`platform: RSS growth ${p10!.peakRssGrowthMb} MB for 10 MB, ${p100!.peakRssGrowthMb} MB for 100 MB; throughput ${p100!.mbPerSecond} MB/s vs direct lib-storage ${d100!.mbPerSecond} MB/s`);
  void d10;
  s3.kill();
  rmSync(s3Dir, { recursive: true, force: true });
}
