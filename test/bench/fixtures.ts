import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { lintPluginDir, type AgencyPlugin } from '@satupintu/plugin-sdk';
import { startPlatform, toolContext, type Platform } from '@satupintu/server';
import { listRegencies } from '@satupintu/core';
import { tempDataDir, testConfig } from '@satupintu/testkit';

/**
 * A bench-only plugin: Disdukcapil's KTP-el replacement form (NIK, KK and phone formats, conditional
 * fields) with no mandatory documents and one optional document that accepts up to 100 MB.
 */
export function benchPlugin(): AgencyPlugin {
  const dukcapil = lintPluginDir(fileURLToPath(new URL('../../plugins/dukcapil', import.meta.url))).manifest!;
  const ktp = structuredClone(dukcapil.services.find((s) => s.code === 'ktpel-penggantian')!);
  ktp.code = 'formulir';
  ktp.documents = [{ code: 'lampiran', name: { id: 'Lampiran', en: 'Attachment' }, accept: ['application/pdf'], maxSizeMb: 100, minCount: 0, maxCount: 5 }];
  return { ...dukcapil, id: 'bench', version: `1.0.${Date.now()}`, agency: { code: 'bench', name: { id: 'Bench', en: 'Bench' }, kind: 'regional' }, services: [ktp] };
}

export const BENCH_FORM = { nik: '3217064101900001', noKk: '3217061503120004', namaLengkap: 'Siti Nurhaliza', alasan: 'rusak', noHp: '081234567890' };

/** A platform on a fresh embedded stack with the bench plugin installed in a new tenant. */
export async function benchPlatform(): Promise<{ platform: Platform; tenant: string; dataDir: string }> {
  const dataDir = tempDataDir('satupintu-bench-');
  const platform = await startPlatform(testConfig(dataDir, { DB_POOL_SIZE: '20' }));
  const { plugins, installations, tenants } = platform.services;
  const ctx = toolContext(platform, 'bench');
  const manifest = benchPlugin();
  await plugins.publish(ctx, manifest, 'bench');
  const taken = new Set((await tenants.list()).map((t) => t.code));
  const code = listRegencies().find((r) => !taken.has(r.code))!.code;
  const t = await tenants.create(ctx, { code, slug: `bench-${randomUUID().slice(0, 6)}`, homeRegion: 'id-jakarta', mppStatus: 'operating' }, 'bench');
  await installations.install(await platform.context({ tenant: t }), 'bench', manifest.version, 'bench');
  return { platform, tenant: t.slug, dataDir };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `total` requests with `concurrency` in flight; returns requests/s and latency percentiles (ms). */
export async function load(total: number, concurrency: number, one: () => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        await one();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: total, rps: Math.round(total / seconds), p50: Number(percentile(latencies, 50).toFixed(1)), p99: Number(percentile(latencies, 99).toFixed(1)), latencies };
}

export type LoadResult = Omit<Awaited<ReturnType<typeof load>>, 'latencies'>;

/**
 * Several targets measured in alternating blocks, each side's throughput and latencies pooled
 * over its blocks: the platform's own every-minute jobs and the machine's noise fall on every side
 * alike instead of on whichever ran when they fired.
 */
export async function alternate(targets: { name: string; one: () => Promise<void> }[], total: number, concurrency: number, blocks = 6): Promise<({ target: string } & LoadResult)[]> {
  const runs = targets.map(() => [] as Awaited<ReturnType<typeof load>>[]);
  for (let i = 0; i < blocks; i++) for (const [k, t] of targets.entries()) runs[k]!.push(await load(Math.ceil(total / blocks), concurrency, t.one));
  return targets.map((t, k) => {
    const xs = runs[k]!;
    const requests = xs.reduce((n, x) => n + x.requests, 0);
    const all = xs.flatMap((x) => x.latencies).sort((a, b) => a - b);
    return { target: t.name, requests, rps: Math.round(requests / xs.reduce((n, x) => n + x.requests / x.rps, 0)), p50: Number(percentile(all, 50).toFixed(1)), p99: Number(percentile(all, 99).toFixed(1)) };
  });
}
