import { readFileSync } from 'node:fs';
import semver from 'semver';
import { checkSync } from 'recheck';
import { formErrors, createFormAjv } from '@satupintu/forms';
import type { ValidateFunction } from 'ajv';
import { canonicalManifest } from './hash.js';
import { MANIFEST_LIMITS } from './limits.js';
import { loadPluginDir, locate, type SourceMap } from './load.js';
import type { AgencyPlugin, LintIssue, LocalizedText, ServiceDefinition } from './types.js';

/** The meta-schema every manifest must satisfy (JSON Schema 2020-12, every property described). */
export const pluginMetaSchema = JSON.parse(readFileSync(new URL('../schema/plugin.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let metaValidator: ValidateFunction | undefined;
function meta(): ValidateFunction {
  // strict off for the meta-schema only: it documents `description` next to `$ref`.
  return (metaValidator ??= createFormAjv().compile(pluginMetaSchema));
}

const t = (id: string, en: string): LocalizedText => ({ id, en });

function depth(v: unknown, d = 0): number {
  if (d > MANIFEST_LIMITS.maxDepth + 1) return d;
  if (Array.isArray(v)) return v.reduce((m: number, x) => Math.max(m, depth(x, d + 1)), d + 1);
  if (v && typeof v === 'object') return Object.values(v).reduce((m: number, x) => Math.max(m, depth(x, d + 1)), d + 1);
  return d;
}

/** Walks a JSON value, calling `visit(key, value, pointer)` for every object member. */
function walk(v: unknown, pointer: string, visit: (key: string, value: unknown, pointer: string) => void) {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`, visit));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const p = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      visit(k, x, p);
      walk(x, p, visit);
    }
}

const patternCache = new Map<string, 'safe' | 'vulnerable' | 'unknown'>();
/** Catastrophic backtracking check (recheck: automaton and fuzzing based). */
export function regexSafety(source: string): 'safe' | 'vulnerable' | 'unknown' | 'invalid' {
  try {
    new RegExp(source, 'u');
  } catch {
    return 'invalid';
  }
  let status = patternCache.get(source);
  if (!status) {
    status = checkSync(source, 'u', { timeout: MANIFEST_LIMITS.regexCheckTimeoutMs }).status as 'safe' | 'vulnerable' | 'unknown';
    patternCache.set(source, status);
  }
  return status;
}

/** Checks a JSON Schema written by an agency: no remote refs, no $id, safe patterns, compiles under ajv strict. */
function checkUserSchema(schema: unknown, at: string, issues: { pointer: string; message: LocalizedText }[], what: string) {
  walk(schema, at, (key, value, pointer) => {
    if ((key === '$ref' || key === '$dynamicRef' || key === '$recursiveRef') && typeof value === 'string' && !value.startsWith('#'))
      issues.push({ pointer, message: t(`${key} jarak jauh tidak diizinkan (${value}); gunakan #/$defs/…`, `Remote ${key} is not allowed (${value}); use #/$defs/…`) });
    if (key === '$id' || key === '$schema' && value !== 'https://json-schema.org/draft/2020-12/schema')
      issues.push({ pointer, message: t(`${key} tidak diizinkan di skema plugin.`, `${key} is not allowed in a plugin schema.`) });
    const patterns: [string, string][] = [];
    if (key === 'pattern' && typeof value === 'string') patterns.push([value, pointer]);
    if (key === 'patternProperties' && value && typeof value === 'object') for (const k of Object.keys(value)) patterns.push([k, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    for (const [source, p] of patterns) {
      if (source.length > MANIFEST_LIMITS.maxPatternLength) {
        issues.push({ pointer: p, message: t(`Pola terlalu panjang (maks ${MANIFEST_LIMITS.maxPatternLength}).`, `Pattern too long (max ${MANIFEST_LIMITS.maxPatternLength}).`) });
        continue;
      }
      const safety = regexSafety(source);
      if (safety === 'invalid') issues.push({ pointer: p, message: t('Pola bukan regex yang sah.', 'Not a valid regular expression.') });
      else if (safety === 'vulnerable')
        issues.push({ pointer: p, message: t(`Pola rentan backtracking katastrofik (ReDoS): ${source}`, `Pattern is open to catastrophic backtracking (ReDoS): ${source}`) });
      else if (safety === 'unknown')
        issues.push({ pointer: p, message: t('Keamanan pola tidak dapat dibuktikan dalam batas waktu; sederhanakan.', 'The pattern could not be proven safe in time; simplify it.') });
    }
  });
  if (issues.length) return;
  try {
    createFormAjv().compile(schema as object);
  } catch (e) {
    issues.push({ pointer: at, message: t(`${what} tidak dapat dikompilasi (ajv strict): ${(e as Error).message}`, `${what} does not compile (ajv strict): ${(e as Error).message}`) });
  }
}

function lintService(s: ServiceDefinition, at: string, out: { pointer: string; message: LocalizedText }[]) {
  const schema = s.form.schema as { type?: unknown; properties?: Record<string, unknown> };
  if (schema.type !== 'object') out.push({ pointer: `${at}/form/schema/type`, message: t('Skema formulir harus bertipe object.', 'The form schema must be of type object.') });
  checkUserSchema(s.form.schema, `${at}/form/schema`, out, 'Skema formulir / form schema');
  const props = Object.keys(schema.properties ?? {});
  const order = s.form.ui.order;
  for (const p of props) {
    if (!order.includes(p)) out.push({ pointer: `${at}/form/ui/order`, message: t(`Kolom ${p} tidak ada dalam urutan tampilan.`, `Field ${p} is missing from the display order.`) });
    if (!s.form.ui.labels[p] && !s.form.ui.labels[`/${p}`]) out.push({ pointer: `${at}/form/ui/labels`, message: t(`Kolom ${p} tidak berlabel.`, `Field ${p} has no label.`) });
  }
  order.forEach((p, i) => {
    if (!props.includes(p)) out.push({ pointer: `${at}/form/ui/order/${i}`, message: t(`${p} bukan kolom skema.`, `${p} is not a field of the schema.`) });
  });

  const unique = (codes: string[], where: string, what: string) => {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      if (seen.has(c)) out.push({ pointer: `${at}/${where}/${i}/code`, message: t(`Kode ${what} ${c} ganda.`, `Duplicate ${what} code ${c}.`) });
      seen.add(c);
    });
  };
  unique(s.documents.map((d) => d.code), 'documents', 'dokumen/document');
  unique(s.outputs.map((o) => o.code), 'outputs', 'produk/output');
  unique(s.sop.actions.map((a) => a.code), 'sop/actions', 'aksi/action');
  s.documents.forEach((d, i) => {
    if (d.minCount > d.maxCount) out.push({ pointer: `${at}/documents/${i}/minCount`, message: t('minCount melebihi maxCount.', 'minCount exceeds maxCount.') });
    if (d.requiredWhen) checkUserSchema(d.requiredWhen, `${at}/documents/${i}/requiredWhen`, out, 'requiredWhen');
  });

  // SOP: a consistent state machine whose completion is reachable.
  const { sop } = s;
  const states = sop.states;
  if (!states[sop.initial]) out.push({ pointer: `${at}/sop/initial`, message: t(`Status awal ${sop.initial} tidak didefinisikan.`, `Initial state ${sop.initial} is not defined.`) });
  const outputs = new Set(s.outputs.map((o) => o.code));
  sop.actions.forEach((a, i) => {
    a.from.forEach((f, j) => {
      if (!states[f]) out.push({ pointer: `${at}/sop/actions/${i}/from/${j}`, message: t(`Status ${f} tidak didefinisikan.`, `State ${f} is not defined.`) });
      else if (states[f]!.terminal) out.push({ pointer: `${at}/sop/actions/${i}/from/${j}`, message: t(`Status akhir ${f} tidak boleh punya aksi keluar.`, `Terminal state ${f} cannot have outgoing actions.`) });
    });
    if (!states[a.to]) out.push({ pointer: `${at}/sop/actions/${i}/to`, message: t(`Status ${a.to} tidak didefinisikan.`, `State ${a.to} is not defined.`) });
    (a.issues ?? []).forEach((o, j) => {
      if (!outputs.has(o)) out.push({ pointer: `${at}/sop/actions/${i}/issues/${j}`, message: t(`Produk ${o} tidak didefinisikan.`, `Output ${o} is not defined.`) });
    });
    if (a.guard) checkUserSchema(a.guard, `${at}/sop/actions/${i}/guard`, out, 'guard');
  });
  for (const [code, st] of Object.entries(states)) {
    if (st.terminal && !st.outcome) out.push({ pointer: `${at}/sop/states/${code}/outcome`, message: t('Status akhir perlu outcome.', 'A terminal state needs an outcome.') });
    if (!st.terminal && !sop.actions.some((a) => a.from.includes(code)))
      out.push({ pointer: `${at}/sop/states/${code}`, message: t(`Status ${code} buntu: bukan akhir dan tanpa aksi keluar.`, `State ${code} is a dead end: not terminal and no action leaves it.`) });
  }
  const reach = new Set([sop.initial]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of sop.actions)
      if (a.from.some((f) => reach.has(f)) && !reach.has(a.to)) {
        reach.add(a.to);
        grew = true;
      }
  }
  if (![...reach].some((c) => states[c]?.outcome === 'completed'))
    out.push({ pointer: `${at}/sop`, message: t('Tidak ada jalur ke status selesai (outcome completed).', 'No path reaches a completed state.') });

  // Fees: the shape matches the kind; a locked fee is never overlayable.
  const f = s.fee;
  const need = (ok: boolean, field: string, id: string, en: string) => {
    if (!ok) out.push({ pointer: `${at}/fee/${field}`, message: t(id, en) });
  };
  need(f.kind !== 'fixed' || f.amount !== undefined, 'amount', 'Biaya tetap perlu amount.', 'A fixed fee needs an amount.');
  need(f.kind !== 'table' || (f.items?.length ?? 0) > 0, 'items', 'Tabel biaya perlu items.', 'A fee table needs items.');
  need(f.kind !== 'formula' || f.formula !== undefined, 'formula', 'Biaya rumus perlu formula.', 'A formula fee needs a formula.');
  need(f.kind !== 'free' || !f.amount, 'amount', 'Layanan gratis tanpa amount.', 'A free service has no amount.');
  if (f.locked && s.overlayable.includes('fee'))
    out.push({ pointer: `${at}/overlayable`, message: t('Biaya terkunci nasional tidak boleh di-overlay daerah.', 'A nationally locked fee cannot be overlayable.') });
  if (s.overlayable.includes('schedule') && !s.schedule)
    out.push({ pointer: `${at}/overlayable`, message: t('schedule overlay perlu jadwal bawaan.', 'An overlayable schedule needs a default schedule.') });
}

export interface LintResult {
  ok: boolean;
  issues: LintIssue[];
  manifest?: AgencyPlugin;
}

/**
 * Lints an assembled manifest: size and depth limits, the meta-schema, semver, then what a schema
 * cannot say (SOP consistency, fee rules, form schemas compiled under ajv strict with no remote refs
 * and no ReDoS-prone patterns). `sources` maps issues back to the author's files.
 */
export function lintManifest(manifest: unknown, sources?: SourceMap, platformVersion?: string): LintResult {
  const raw: { pointer: string; message: LocalizedText }[] = [];
  const finish = (): LintResult => {
    const issues = raw.map((r) => ({ ...locate(sources, r.pointer), message: r.message }));
    return { ok: issues.length === 0, issues, ...(issues.length === 0 ? { manifest: manifest as AgencyPlugin } : {}) };
  };
  const d = depth(manifest);
  if (d > MANIFEST_LIMITS.maxDepth) {
    raw.push({ pointer: '', message: t(`Terlalu dalam (kedalaman > ${MANIFEST_LIMITS.maxDepth}).`, `Too deeply nested (depth > ${MANIFEST_LIMITS.maxDepth}).`) });
    return finish();
  }
  const size = Buffer.byteLength(JSON.stringify(manifest ?? null));
  if (size > MANIFEST_LIMITS.maxManifestBytes) {
    raw.push({ pointer: '', message: t(`Manifest terlalu besar (${size} byte).`, `Manifest too large (${size} bytes).`) });
    return finish();
  }
  const v = meta();
  if (!v(manifest)) {
    for (const e of formErrors(v.errors)) raw.push({ pointer: e.pointer, message: e.message });
    return finish();
  }
  const m = manifest as AgencyPlugin;
  if (!semver.valid(m.version)) raw.push({ pointer: '/version', message: t('Versi bukan semver.', 'Not a semantic version.') });
  if (!semver.validRange(m.host)) raw.push({ pointer: '/host', message: t('Rentang host bukan rentang semver.', 'Host is not a semver range.') });
  else if (platformVersion && !semver.satisfies(platformVersion, m.host))
    raw.push({ pointer: '/host', message: t(`Platform ${platformVersion} di luar rentang ${m.host}.`, `Platform ${platformVersion} is outside ${m.host}.`) });
  const seen = new Set<string>();
  m.services.forEach((s, i) => {
    if (seen.has(s.code)) raw.push({ pointer: `/services/${i}/code`, message: t(`Kode layanan ${s.code} ganda.`, `Duplicate service code ${s.code}.`) });
    seen.add(s.code);
    lintService(s, `/services/${i}`, raw);
  });
  if (raw.length === 0) canonicalManifest(m); // canonicalizable (no cycles, finite numbers)
  return finish();
}

/** Lints a plugin folder (what `satupintu plugin lint <dir>` runs). */
export function lintPluginDir(dir: string, platformVersion?: string): LintResult {
  const loaded = loadPluginDir(dir);
  if (!loaded.manifest) return { ok: false, issues: loaded.issues };
  return lintManifest(loaded.manifest, loaded.sources, platformVersion);
}
