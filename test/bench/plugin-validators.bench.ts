/**
 * Memory of compiled plugin validators with 5 vs 514 tenants installing the same ten plugins.
 * Each scenario runs in its own process (clean heap): every tenant validates one submission per
 * service of every plugin through one shared FormValidatorCache, as the server does. A naive
 * per-tenant compile is measured alongside (5 and 25 tenants) to show what sharing avoids.
 *   node --expose-gc --import tsx test/bench/plugin-validators.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormValidatorCache } from '@satupintu/forms';
import { contentHash, lintPluginDir, type AgencyPlugin } from '@satupintu/plugin-sdk';

const here = fileURLToPath(import.meta.url);
const pluginsDir = path.resolve(path.dirname(here), '../../plugins');

function loadPlugins(): { manifest: AgencyPlugin; hash: string }[] {
  return readdirSync(pluginsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => lintPluginDir(path.join(pluginsDir, d.name)).manifest!)
    .map((manifest) => ({ manifest, hash: contentHash(manifest) }));
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function child(mode: 'shared' | 'per-tenant', tenants: number) {
  const plugins = loadPlugins();
  const base = heapMb();
  const started = performance.now();
  const shared = new FormValidatorCache();
  const perTenant: FormValidatorCache[] = [];
  let validations = 0;
  for (let t = 0; t < tenants; t++) {
    const cache = mode === 'shared' ? shared : new FormValidatorCache();
    if (mode === 'per-tenant') perTenant.push(cache);
    for (const { manifest, hash } of plugins)
      for (const s of manifest.services) {
        // Without sharing, a tenant's copy is keyed by tenant too.
        cache.validate(mode === 'shared' ? hash : `${hash}/${t}`, s.code, s.form.schema, {});
        validations += 1;
      }
  }
  const ms = performance.now() - started;
  const grown = heapMb() - base;
  const stats = mode === 'shared' ? shared.stats() : perTenant.reduce((a, c) => ({ versions: a.versions + c.stats().versions, validators: a.validators + c.stats().validators }), { versions: 0, validators: 0 });
  process.stdout.write(JSON.stringify({ mode, tenants, validations, heapGrowthMb: Number(grown.toFixed(2)), ms: Math.round(ms), ...stats }));
}

const arg = process.argv.indexOf('--child');
if (arg > 0) {
  child(process.argv[arg + 1] as 'shared' | 'per-tenant', Number(process.argv[arg + 2]));
} else {
  const run = (mode: string, n: number) =>
    JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', here, '--child', mode, String(n)], { encoding: 'utf8' })) as Record<string, number | string>;
  const rows = [run('shared', 5), run('shared', 514), run('per-tenant', 5), run('per-tenant', 25)];
  console.log('plugin validators: heap growth after validating every service of 10 plugins for each tenant');
  console.table(rows);
  const [s5, s514, n5, n25] = rows.map((r) => Number(r.heapGrowthMb));
  console.log(`shared cache: 514 tenants use ${(s514! / s5!).toFixed(2)}× the memory of 5 (validators compiled: ${rows[0]!.validators} vs ${rows[1]!.validators})`);
  console.log(`per-tenant compile (what sharing avoids): 25 tenants use ${(n25! / n5!).toFixed(2)}× the memory of 5`);
}
