// The platform's own production checks (productionProblems in @satupintu/core, the ones
// `SATUPINTU_ENV=production` refuses to start on) applied to the configuration each deployment
// file gives a process: every satupintu service of infra/compose.yaml, and every container of the
// chart as rendered for each values file. Secrets are stand-ins with the right shape, generated
// here (random, never written to the repository): what is checked is what the files say, i.e.
// that nothing they set is a development default. The realm probe (what the real Keycloak
// answers) needs the running realm and is not done here.
//   node --import tsx infra/k8s-check/app-config.ts <rendered dir> <compose.yaml>
// Run from the repository root (it imports the workspace's @satupintu/core).
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig, productionProblems } from '@satupintu/core';

const [renderedDir, composeFile] = process.argv.slice(2) as [string, string];
const hex = (n: number) => randomBytes(n).toString('hex');
const owner = hex(24);
/** A stand-in for each secret, by the variable it becomes. */
function secretFor(name: string): string {
  if (name === 'DATA_ENCRYPTION_KEY') return randomBytes(32).toString('base64');
  if (name === 'S3_ACCESS_KEY_ID') return `satupintu${hex(8)}`;
  if (name === 'CONTROL_DATABASE_URL') return `postgres://satupintu_owner:${owner}@db.internal:5432/satupintu_control`;
  const region = /^DATABASE_URL_(.+)$/.exec(name)?.[1];
  if (region) return `postgres://satupintu_owner:${owner}@db.internal:5432/satupintu_${region.toLowerCase()}`;
  return hex(24);
}

const failures: string[] = [];
let checked = 0;
function check(where: string, env: Record<string, string>) {
  checked += 1;
  try {
    const config = loadConfig(env, '/app', { readFile: (file) => secretFor(fileSecrets.get(file) ?? file) });
    if (config.env !== 'production') failures.push(`${where}: SATUPINTU_ENV is not production`);
    for (const p of productionProblems(config)) failures.push(`${where}: ${p}`);
  } catch (err) {
    failures.push(`${where}: ${(err as Error).message}`);
  }
}

// Compose: the *_FILE paths point at /run/secrets/<name>; each stands for the variable it feeds.
const fileSecrets = new Map<string, string>();
const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as { services: Record<string, { image?: string; environment?: Record<string, string> }> };
for (const [name, svc] of Object.entries(compose.services)) {
  if (!/satupintu/.test(String(svc.image ?? ''))) continue;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.environment ?? {})) {
    env[k] = String(v);
    if (k.endsWith('_FILE')) fileSecrets.set(String(v), k.slice(0, -'_FILE'.length));
  }
  check(`compose.yaml ${name}`, env);
}

// The chart: each container's env, secretKeyRef entries given a stand-in value.
for (const file of readdirSync(renderedDir).filter((f) => f.endsWith('.yaml')).sort()) {
  for (const doc of parseAllDocuments(readFileSync(path.join(renderedDir, file), 'utf8'))) {
    const obj = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: { template?: { spec?: { containers?: { name: string; env?: { name: string; value?: string; valueFrom?: unknown }[] }[] } } } } | null;
    if (!obj || (obj.kind !== 'Deployment' && obj.kind !== 'Job')) continue;
    for (const c of obj.spec?.template?.spec?.containers ?? []) {
      const env: Record<string, string> = {};
      for (const e of c.env ?? []) env[e.name] = e.value !== undefined ? String(e.value) : secretFor(e.name);
      check(`${file} ${obj.kind}/${obj.metadata?.name} ${c.name}`, env);
    }
  }
}

if (failures.length) {
  for (const f of failures) console.error(`✗ ${f}`);
  console.error(`production checks: ${failures.length} problem(s) in ${checked} process configurations`);
  process.exit(1);
}
console.log(`production checks: ${checked} process configurations (compose services, chart containers) pass productionProblems`);
