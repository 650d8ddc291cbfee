/**
 * Issue 19, High-1: another tenant's public catalog read (anonymous GET
 * /api/v1/tenants/kab-kotawaringin-timur/services) while publishers keep sending hostile plugin
 * manifests (15 catastrophic patterns plus 20 slow-to-prove ones each, every pattern new so no
 * verdict is remembered), against the same read with no publishing, in the same run, in
 * alternating blocks. A third side replays the pre-fix behaviour for contrast: the same manifests
 * linted on the request thread (what POST /api/v1/plugins did before lint-pool.ts).
 * The pre-fix side runs one block only (each read waits behind whole lints): pass `no-prefix` to skip it.
 *   node --import tsx test/bench/redos.bench.ts [seconds per block] [concurrency] [blocks] [no-prefix]
 */
import { rmSync } from 'node:fs';
import { PLATFORM_VERSION } from '@satupintu/core';
import { lintManifest } from '@satupintu/plugin-sdk';
import { startPlatform } from '@satupintu/server';
import { tempDataDir, testConfig, tokenFor } from '@satupintu/testkit';
import { percentile } from './fixtures.js';

const seconds = Number(process.argv[2] ?? 12);
const concurrency = Number(process.argv[3] ?? 8);
const blocks = Number(process.argv[4] ?? 2);
const withPrefix = process.argv[5] !== 'no-prefix';

const HOSTILE = ['(a+)+$', '(a|aa)+$', '([a-z]+)*$', '(a|a?)+$', '(\\w+\\s?)*$', '(.*a){12}$', '(x+x+)+y$', '((ab)*|a)*c$', '(a|b|ab)*c$', '([a-zA-Z0-9]+\\.?)*@$', '(\\d+|\\d+\\.\\d+)*x$', '(a+b?)+$', '((a+)+b)+$', '(.+)+!$', '(\\s*,?\\s*)*$'];

let serial = 0;
/** A manifest of `agency`'s plugin with 35 patterns never seen before (a verdict cache cannot answer them). */
function hostile(base: Record<string, any>): Record<string, any> {
  const m = structuredClone(base);
  const n = ++serial;
  m.version = `7.${n}.${Date.now() % 1e6}`;
  const defs: Record<string, unknown> = {};
  HOSTILE.forEach((p, i) => (defs[`h${i}`] = { type: 'string', pattern: `^(?:q${n}z)?${p}` }));
  for (let i = 0; i < 20; i++) defs[`s${i}`] = { type: 'string', pattern: `^(?:q${n}z)?(\\w{1,${20 + i}}\\.){1,${20 + (i % 7)}}\\w{1,30}$` };
  m.services[0].form.schema.$defs = defs;
  return m;
}

const dataDir = tempDataDir('satupintu-redos-bench-');
const platform = await startPlatform(testConfig(dataDir));
try {
  const url = `${platform.url}/api/v1/tenants/kab-kotawaringin-timur/services`;
  const publishers = await Promise.all(
    ['polri', 'imigrasi', 'dukcapil'].map(async (agency) => {
      const base = ((await (await fetch(`${platform.url}/api/v1/plugins/${agency}/versions/${agency === 'imigrasi' ? '1.0.0' : '1.1.0'}`)).json()) as { manifest: Record<string, any> }).manifest;
      return { agency, base, token: await tokenFor(platform, `publisher.${agency}`) };
    }),
  );

  type Attack = 'none' | 'publish' | 'request-thread';
  const publishOutcomes = new Map<string, number>();
  const publishMs: number[] = [];

  /** Reads the other tenant's catalog for `seconds`, `concurrency` at a time, while `attack` runs. */
  async function block(attack: Attack) {
    const latencies: number[] = [];
    let errors = 0;
    let stop = false;
    const end = performance.now() + seconds * 1000;
    const reader = async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const r = await fetch(url);
          await r.arrayBuffer();
          if (r.status !== 200) errors++;
        } catch {
          errors++; // a reset connection
        }
        latencies.push(performance.now() - t0);
      }
    };
    const attackers: Promise<void>[] = [];
    if (attack === 'publish')
      for (const p of publishers)
        attackers.push(
          (async () => {
            while (!stop) {
              const t0 = performance.now();
              const r = await fetch(`${platform.url}/api/v1/plugins`, { method: 'POST', headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' }, body: JSON.stringify(hostile(p.base)) });
              const body = (await r.json()) as { code?: string };
              const key = `${r.status} ${body.code ?? ''}`.trim();
              publishOutcomes.set(key, (publishOutcomes.get(key) ?? 0) + 1);
              if (r.status === 422) publishMs.push(performance.now() - t0);
              // Refused for the agency's share or a full queue: try again shortly, as an attacker would.
              if (r.status === 429 || r.status === 503) await new Promise((res) => setTimeout(res, 200));
            }
          })(),
        );
    if (attack === 'request-thread')
      attackers.push(
        (async () => {
          while (!stop) {
            // The pre-fix publish handler: the whole lint, synchronously, on the thread serving requests.
            lintManifest(hostile(publishers[0]!.base), undefined, PLATFORM_VERSION);
            await new Promise((res) => setImmediate(res));
          }
        })(),
      );
    await Promise.all(Array.from({ length: concurrency }, reader));
    stop = true;
    await Promise.all(attackers);
    return { latencies, errors };
  }

  const sides: Attack[] = withPrefix ? ['none', 'publish', 'request-thread'] : ['none', 'publish'];
  const runs = new Map<Attack, { latencies: number[]; errors: number }[]>(sides.map((s) => [s, []]));
  await block('none'); // warm-up
  for (let i = 0; i < blocks; i++) for (const s of sides) if (s !== 'request-thread' || i === 0) runs.get(s)!.push(await block(s));

  const label: Record<Attack, string> = {
    none: 'no publishing (baseline)',
    publish: 'hostile manifests published (lint threads)',
    'request-thread': 'pre-fix: same lint on the request thread',
  };
  const rows = sides.map((s) => {
    const xs = runs.get(s)!;
    const all = xs.flatMap((x) => x.latencies).sort((a, b) => a - b);
    return {
      side: label[s],
      requests: all.length,
      rps: Math.round(all.length / (xs.length * seconds)),
      blocks: xs.length,
      p50: Number(percentile(all, 50).toFixed(1)),
      p99: Number(percentile(all, 99).toFixed(1)),
      max: Number(all[all.length - 1]!.toFixed(1)),
      errors: xs.reduce((n, x) => n + x.errors, 0),
    };
  });
  publishMs.sort((a, b) => a - b);
  console.log(`public catalog of Kab. Kotawaringin Timur, ${concurrency} concurrent readers, ${blocks} × ${seconds} s per side (alternating), same run; lint threads: ${platform.services.plugins.linter.options.threads}`);
  console.table(rows);
  console.log('publish answers while attacking:', Object.fromEntries(publishOutcomes));
  if (publishMs.length) console.log(`422 answers: ${publishMs.length}, p50 ${percentile(publishMs, 50).toFixed(0)} ms, max ${publishMs[publishMs.length - 1]!.toFixed(0)} ms`);
  const [base, attacked] = rows;
  console.log(`p99 with hostile publishing: ${attacked!.p99} ms vs ${base!.p99} ms baseline (${(attacked!.p99 / base!.p99).toFixed(2)}×)${rows[2] ? `; pre-fix: ${rows[2].p99} ms` : ''}`);
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
