import { readFileSync } from 'node:fs';
import semver from 'semver';
import { checkSync } from 'recheck';
import { formErrors, createFormAjv } from '@satupintu/forms';
import type { ValidateFunction } from 'ajv';
import { canonicalManifest } from './hash.js';
import { MANIFEST_LIMITS } from './limits.js';
import { loadPluginDir, locate, type SourceMap } from './load.js';
import { SOP_NOTIFY_FIELDS, type AgencyPlugin, type LintIssue, type LocalizedText, type ServiceDefinition } from './types.js';

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

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Walks a JSON value, calling `visit(key, value, pointer)` for every object member. */
function walk(v: unknown, pointer: string, visit: (key: string, value: unknown, pointer: string) => void) {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`, visit));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      const p = `${pointer}/${escapePointer(k)}`;
      visit(k, x, p);
      walk(x, p, visit);
    }
}

export type RegexSafety = 'safe' | 'vulnerable' | 'unknown' | 'invalid';

const patternCache = new Map<string, 'safe' | 'vulnerable' | 'unknown'>();
/**
 * The shape most form patterns have (`^[0-9]{16}$`, `^[0-9A-Za-z./-]{4,30}$`), proven linear
 * without an analysis: anchored at the start (one start position), no groups, alternation or
 * backreferences, single-character atoms, at most one quantifier whose count varies and at most
 * three optional (`?`) atoms. A backtracking matcher then tries at most 2³ × n paths, so no time
 * budget — and no busy host — can refuse it (recheck's pure-JS analysis takes ~0.5–2 s each).
 */
export function anchoredSimple(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let i = 1;
  let varying = 0;
  let optional = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '$' && i === source.length - 1) return true;
    // One atom: an escape (not a backreference or a property class), a class, or a literal.
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined || /[1-9kpPux]/.test(e)) return false;
      i += 2;
    } else if (c === '[') {
      const end = source.indexOf(']', i + 2);
      if (end < 0 || source.slice(i + 1, end).includes('[') || source.slice(i + 1, end).includes('\\')) return false;
      i = end + 1;
    } else if ('()|*+?{}$^'.includes(c)) return false;
    else i += 1;
    // Its quantifier, if any.
    const q = source[i];
    if (q === '?') {
      if (++optional > 3) return false;
      i += 1;
    } else if (q === '*' || q === '+') {
      if (++varying > 1) return false;
      i += 1;
    } else if (q === '{') {
      const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(source.slice(i));
      if (!m) return false;
      if (m[2] !== undefined && m[3] !== m[1] && ++varying > 1) return false;
      i += m[0].length;
    }
    if (source[i] === '?' && (q === '*' || q === '+' || q === '{' || q === '?')) return false; // lazy or stacked quantifiers
  }
  return true;
}

/**
 * Catastrophic backtracking check (recheck: automaton and fuzzing based), given at most `timeoutMs`.
 * Synchronous: it blocks the calling thread for up to that long (the server calls it on a worker
 * thread only, see modules/plugins/lint-pool.ts). `unknown` means "not proven safe in time".
 */
export function regexSafety(source: string, timeoutMs: number = MANIFEST_LIMITS.regexCheckTimeoutMs): RegexSafety {
  try {
    new RegExp(source, 'u');
  } catch {
    return 'invalid';
  }
  if (anchoredSimple(source)) return 'safe';
  const known = patternCache.get(source);
  if (known) return known;
  let status: 'safe' | 'vulnerable' | 'unknown';
  try {
    status = checkSync(source, 'u', { timeout: Math.max(1, timeoutMs) }).status as 'safe' | 'vulnerable' | 'unknown';
  } catch {
    status = 'unknown';
  }
  // `unknown` within a shortened time says nothing about the full time: only that verdict is not remembered.
  if (status !== 'unknown' || timeoutMs >= MANIFEST_LIMITS.regexCheckTimeoutMs) {
    if (patternCache.size >= MANIFEST_LIMITS.regexCacheEntries) patternCache.clear();
    patternCache.set(source, status);
  }
  return status;
}

/** A regular expression an agency wrote (`pattern`, a `patternProperties` name), with its JSON pointer into the manifest. */
export interface UserPattern {
  pointer: string;
  source: string;
}

/** What became of one pattern: its safety, or `too-long`, or `over-budget` (the manifest's analysis time was spent before it). */
export type PatternVerdict = RegexSafety | 'too-long' | 'over-budget';

/** Whether a verdict means "not decided in time" (too complex to check) rather than "unsafe". */
export const undecidedVerdict = (v: PatternVerdict): boolean => v === 'unknown' || v === 'over-budget';

/** Progress of the pattern analysis, for a supervisor that may have to end it (the server's lint thread). */
export type PatternEvent = { kind: 'list'; patterns: UserPattern[] } | { kind: 'start'; pointer: string } | { kind: 'verdict'; pointer: string; verdict: PatternVerdict };

export interface LintOptions {
  /** Time for the analysis of every pattern of the manifest (default MANIFEST_LIMITS.regexAnalysisBudgetMs). */
  patternBudgetMs?: number;
  /** Told the patterns once the shape is right, then each one as its analysis starts and ends. */
  onPattern?(event: PatternEvent): void;
}

/** The problem a verdict is, if any: every pattern not proven safe is refused, with its pointer. */
export function patternIssue(p: UserPattern, verdict: PatternVerdict): { pointer: string; message: LocalizedText } | undefined {
  const { pointer, source } = p;
  switch (verdict) {
    case 'safe':
      return undefined;
    case 'too-long':
      return { pointer, message: t(`Pola terlalu panjang (maks ${MANIFEST_LIMITS.maxPatternLength}).`, `Pattern too long (max ${MANIFEST_LIMITS.maxPatternLength}).`) };
    case 'invalid':
      return { pointer, message: t('Pola bukan regex yang sah.', 'Not a valid regular expression.') };
    case 'vulnerable':
      return { pointer, message: t(`Pola rentan backtracking katastrofik (ReDoS): ${source}`, `Pattern is open to catastrophic backtracking (ReDoS): ${source}`) };
    case 'unknown':
      return {
        pointer,
        message: t(
          `Pola terlalu rumit untuk diperiksa: keamanannya tidak terbukti dalam ${MANIFEST_LIMITS.regexCheckTimeoutMs} ms (dianggap tidak aman); sederhanakan: ${source}`,
          `Pattern too complex to check: it could not be proven safe within ${MANIFEST_LIMITS.regexCheckTimeoutMs} ms (counted as unsafe); simplify it: ${source}`,
        ),
      };
    case 'over-budget':
      return {
        pointer,
        message: t(
          `Pola terlalu rumit untuk diperiksa: waktu analisis pola manifest ini habis sebelum pola ini terbukti aman (dianggap tidak aman); sederhanakan atau kurangi pola: ${source}`,
          `Pattern too complex to check: the time for this manifest's patterns ran out before it was proven safe (counted as unsafe); simplify or reduce the patterns: ${source}`,
        ),
      };
  }
}

/** The patterns of one JSON Schema written by an agency, in document order. */
function schemaPatterns(schema: unknown, at: string): UserPattern[] {
  const out: UserPattern[] = [];
  walk(schema, at, (key, value, pointer) => {
    if (key === 'pattern' && typeof value === 'string') out.push({ source: value, pointer });
    if (key === 'patternProperties' && value && typeof value === 'object') for (const k of Object.keys(value)) out.push({ source: k, pointer: `${pointer}/${escapePointer(k)}` });
  });
  return out;
}

/** Every JSON Schema an agency writes in a manifest (forms, `requiredWhen`, guards), in the order the linter checks them. */
function userSchemas(m: AgencyPlugin): { schema: unknown; at: string }[] {
  const out: { schema: unknown; at: string }[] = [];
  m.services.forEach((s, i) => {
    out.push({ schema: s.form.schema, at: `/services/${i}/form/schema` });
    s.documents.forEach((d, j) => d.requiredWhen && out.push({ schema: d.requiredWhen, at: `/services/${i}/documents/${j}/requiredWhen` }));
    s.outputs.forEach((o, j) => o.data && out.push({ schema: o.data.schema, at: `/services/${i}/outputs/${j}/data/schema` }));
    s.sop.actions.forEach((a, k) => a.guard && out.push({ schema: a.guard, at: `/services/${i}/sop/actions/${k}/guard` }));
  });
  return out;
}

/** Every pattern of a manifest that fits the meta-schema, with its pointer. */
export function userPatterns(m: AgencyPlugin): UserPattern[] {
  return userSchemas(m).flatMap((u) => schemaPatterns(u.schema, u.at));
}

/** Judges one pattern within what is left of the manifest's analysis time. */
type PatternGate = (p: UserPattern) => PatternVerdict;

function patternGate(opts: LintOptions): PatternGate {
  const deadline = Date.now() + (opts.patternBudgetMs ?? MANIFEST_LIMITS.regexAnalysisBudgetMs);
  return (p) => {
    let verdict: PatternVerdict;
    if (p.source.length > MANIFEST_LIMITS.maxPatternLength) verdict = 'too-long';
    else {
      const left = deadline - Date.now();
      if (left <= 0) verdict = 'over-budget';
      else {
        opts.onPattern?.({ kind: 'start', pointer: p.pointer });
        verdict = regexSafety(p.source, Math.min(MANIFEST_LIMITS.regexCheckTimeoutMs, left));
        // Cut short by the manifest's budget rather than by the per-pattern limit.
        if (verdict === 'unknown' && left < MANIFEST_LIMITS.regexCheckTimeoutMs) verdict = 'over-budget';
      }
    }
    opts.onPattern?.({ kind: 'verdict', pointer: p.pointer, verdict });
    return verdict;
  };
}

/** Checks a JSON Schema written by an agency: no remote refs, no $id, safe patterns, compiles under ajv strict. */
function checkUserSchema(schema: unknown, at: string, issues: { pointer: string; message: LocalizedText }[], what: string, gate: PatternGate) {
  walk(schema, at, (key, value, pointer) => {
    if ((key === '$ref' || key === '$dynamicRef' || key === '$recursiveRef') && typeof value === 'string' && !value.startsWith('#'))
      issues.push({ pointer, message: t(`${key} jarak jauh tidak diizinkan (${value}); gunakan #/$defs/…`, `Remote ${key} is not allowed (${value}); use #/$defs/…`) });
    if (key === '$id' || key === '$schema' && value !== 'https://json-schema.org/draft/2020-12/schema')
      issues.push({ pointer, message: t(`${key} tidak diizinkan di skema plugin.`, `${key} is not allowed in a plugin schema.`) });
  });
  for (const p of schemaPatterns(schema, at)) {
    const issue = patternIssue(p, gate(p));
    if (issue) issues.push(issue);
  }
  if (issues.length) return;
  try {
    createFormAjv().compile(schema as object);
  } catch (e) {
    issues.push({ pointer: at, message: t(`${what} tidak dapat dikompilasi (ajv strict): ${(e as Error).message}`, `${what} does not compile (ajv strict): ${(e as Error).message}`) });
  }
}

/** The schema of the field a JSON pointer names, through `properties` (undefined when there is none). */
function fieldSchema(schema: unknown, pointer: string): Record<string, unknown> | undefined {
  let cur = schema as Record<string, unknown> | undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const props = cur?.properties as Record<string, Record<string, unknown>> | undefined;
    cur = props?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!cur) return undefined;
  }
  return cur;
}

/** `form.identity`: every pointer names a field of the right kind (NIK format, date, the sex values the field offers). */
function lintIdentity(s: ServiceDefinition, at: string, out: { pointer: string; message: LocalizedText }[]) {
  const id = s.form.identity;
  if (!id) return;
  const where = (k: string) => `${at}/form/identity/${k}`;
  const field = (k: 'nik' | 'birthDate' | 'sex' | 'domicile') => {
    const p = id[k];
    if (p === undefined) return undefined;
    const f = fieldSchema(s.form.schema, p);
    if (!f) out.push({ pointer: where(k), message: t(`${p} bukan kolom formulir.`, `${p} is not a field of the form.`) });
    return f;
  };
  const nik = field('nik');
  if (nik && nik.format !== 'nik') out.push({ pointer: where('nik'), message: t(`Kolom NIK ${id.nik} harus memakai format nik.`, `The NIK field ${id.nik} must use format nik.`) });
  const birth = field('birthDate');
  if (birth && birth.format !== 'date') out.push({ pointer: where('birthDate'), message: t(`Kolom tanggal lahir ${id.birthDate} harus memakai format date.`, `The birth date field ${id.birthDate} must use format date.`) });
  const sex = field('sex');
  const sexEnum = Array.isArray(sex?.enum) ? (sex.enum as unknown[]) : undefined;
  if (sexEnum && id.sexValues)
    for (const v of [id.sexValues.male, id.sexValues.female])
      if (!sexEnum.includes(v)) out.push({ pointer: where('sexValues'), message: t(`${v} bukan pilihan kolom ${id.sex}.`, `${v} is not an option of ${id.sex}.`) });
  if (sexEnum && !id.sexValues && !(sexEnum.includes('laki-laki') && sexEnum.includes('perempuan')) && !(sexEnum.includes('L') && sexEnum.includes('P')))
    out.push({ pointer: where('sexValues'), message: t(`Sebutkan sexValues: pilihan ${id.sex} bukan laki-laki/perempuan atau L/P.`, `Give sexValues: the options of ${id.sex} are not laki-laki/perempuan or L/P.`) });
  field('domicile');
}

// ---- Documents and identity (issue 23, part "docs"): validity rules, officer data, journey pre-fill ----

/**
 * `documents[].validity`, `documents[].fromService.prefill` and `outputs[].data`: every pointer
 * names a field of the right kind, a required field is declared, an officer-data schema compiles.
 */
function lintDocumentRules(s: ServiceDefinition, at: string, out: { pointer: string; message: LocalizedText }[], gate: PatternGate) {
  const formField = (pointer: string, where: string, date = false) => {
    const f = fieldSchema(s.form.schema, pointer);
    if (!f) out.push({ pointer: where, message: t(`${pointer} bukan kolom formulir.`, `${pointer} is not a field of the form.`) });
    else if (date && f.format !== 'date') out.push({ pointer: where, message: t(`Kolom ${pointer} harus memakai format date.`, `Field ${pointer} must use format date.`) });
  };
  s.documents.forEach((d, i) => {
    const v = d.validity;
    const here = `${at}/documents/${i}`;
    if (v) {
      for (const [k, p] of Object.entries(v.fields ?? {})) if (p !== undefined) formField(p, `${here}/validity/fields/${k}`, k === 'issuedOn');
      (v.required ?? []).forEach((k, j) => {
        if (!v.fields?.[k]) out.push({ pointer: `${here}/validity/required/${j}`, message: t(`Wajib ${k}, tetapi validity.fields.${k} tidak ada.`, `${k} is required but validity.fields.${k} is not given.`) });
      });
      if (v.fields?.issuer && !v.issuer) out.push({ pointer: `${here}/validity/fields/issuer`, message: t('Kolom penerbit perlu validity.issuer (penerbit yang diterima).', 'An issuer field needs validity.issuer (the accepted issuers).') });
      if (d.fromService && v.maxAge && v.maxAge.unit === 'days' && v.maxAge.value !== d.fromService.maxAgeDays)
        out.push({ pointer: `${here}/validity/maxAge`, message: t('validity.maxAge berbeda dengan fromService.maxAgeDays.', 'validity.maxAge differs from fromService.maxAgeDays.') });
    }
    // The output-data side names another plugin's output (checked at run time: a field it lacks fills nothing).
    for (const form of Object.keys(d.fromService?.prefill ?? {})) formField(form, `${here}/fromService/prefill/${escapePointer(form)}`);
  });
  s.outputs.forEach((o, i) => {
    if (!o.data) return;
    const here = `${at}/outputs/${i}/data`;
    if ((o.data.schema as { type?: unknown }).type !== 'object') out.push({ pointer: `${here}/schema/type`, message: t('Skema data produk harus bertipe object.', 'The output data schema must be of type object.') });
    checkUserSchema(o.data.schema, `${here}/schema`, out, 'Skema data produk / output data schema', gate);
    for (const k of ['number', 'issuedOn'] as const) {
      const p = o.data[k];
      if (p === undefined) continue;
      const f = fieldSchema(o.data.schema, p);
      if (!f) out.push({ pointer: `${here}/${k}`, message: t(`${p} bukan kolom data produk.`, `${p} is not a field of the output data.`) });
      else if (k === 'issuedOn' && f.format !== 'date') out.push({ pointer: `${here}/${k}`, message: t(`Kolom ${p} harus memakai format date.`, `Field ${p} must use format date.`) });
      else if (k === 'number' && f.type !== 'string') out.push({ pointer: `${here}/${k}`, message: t(`Kolom ${p} harus bertipe string.`, `Field ${p} must be of type string.`) });
    }
  });
}

function lintService(s: ServiceDefinition, at: string, out: { pointer: string; message: LocalizedText }[], gate: PatternGate) {
  const schema = s.form.schema as { type?: unknown; properties?: Record<string, unknown> };
  if (schema.type !== 'object') out.push({ pointer: `${at}/form/schema/type`, message: t('Skema formulir harus bertipe object.', 'The form schema must be of type object.') });
  checkUserSchema(s.form.schema, `${at}/form/schema`, out, 'Skema formulir / form schema', gate);
  const props = Object.keys(schema.properties ?? {});
  const order = s.form.ui.order;
  for (const p of props) {
    if (!order.includes(p)) out.push({ pointer: `${at}/form/ui/order`, message: t(`Kolom ${p} tidak ada dalam urutan tampilan.`, `Field ${p} is missing from the display order.`) });
    if (!s.form.ui.labels[p] && !s.form.ui.labels[`/${p}`]) out.push({ pointer: `${at}/form/ui/labels`, message: t(`Kolom ${p} tidak berlabel.`, `Field ${p} has no label.`) });
  }
  order.forEach((p, i) => {
    if (!props.includes(p)) out.push({ pointer: `${at}/form/ui/order/${i}`, message: t(`${p} bukan kolom skema.`, `${p} is not a field of the schema.`) });
  });
  lintIdentity(s, at, out);
  lintDocumentRules(s, at, out, gate);

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
    if (d.requiredWhen) checkUserSchema(d.requiredWhen, `${at}/documents/${i}/requiredWhen`, out, 'requiredWhen', gate);
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
    if (a.guard) checkUserSchema(a.guard, `${at}/sop/actions/${i}/guard`, out, 'guard', gate);
  });
  for (const [code, st] of Object.entries(states)) {
    for (const lang of ['id', 'en'] as const)
      for (const m of (st.notify?.[lang] ?? '').matchAll(/\(\(([^()]*)\)\)/g))
        if (!(SOP_NOTIFY_FIELDS as readonly string[]).includes(m[1]!))
          out.push({
            pointer: `${at}/sop/states/${code}/notify/${lang}`,
            message: t(`Isian ((${m[1]})) tidak dikenal; gunakan ${SOP_NOTIFY_FIELDS.map((f) => `((${f}))`).join(', ')}.`, `Unknown placeholder ((${m[1]})); use ${SOP_NOTIFY_FIELDS.map((f) => `((${f}))`).join(', ')}.`),
          });
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

  // Issue 23 (sla): the event that starts the service clock names a reachable, non-terminal step or an action on the way.
  const start = sop.sla?.startsOn;
  if (start?.action !== undefined) {
    const acts = sop.actions.filter((a) => a.code === start.action);
    if (!acts.length) out.push({ pointer: `${at}/sop/sla/startsOn/action`, message: t(`Aksi ${start.action} tidak didefinisikan.`, `Action ${start.action} is not defined.`) });
    else if (!acts.some((a) => a.from.some((f) => reach.has(f))))
      out.push({ pointer: `${at}/sop/sla/startsOn/action`, message: t(`Aksi ${start.action} tidak pernah dapat diambil.`, `Action ${start.action} can never be taken.`) });
    else if (acts.every((a) => states[a.to]?.terminal))
      out.push({ pointer: `${at}/sop/sla/startsOn/action`, message: t(`Aksi ${start.action} mengakhiri layanan: waktu layanan tidak dapat dimulai di sana.`, `Action ${start.action} ends the service: the service clock cannot start there.`) });
  }
  if (start?.state !== undefined) {
    if (!states[start.state]) out.push({ pointer: `${at}/sop/sla/startsOn/state`, message: t(`Status ${start.state} tidak didefinisikan.`, `State ${start.state} is not defined.`) });
    else if (states[start.state]!.terminal || !reach.has(start.state))
      out.push({ pointer: `${at}/sop/sla/startsOn/state`, message: t(`Status ${start.state} harus dapat dicapai dan bukan status akhir.`, `State ${start.state} must be reachable and not terminal.`) });
  }

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
 *
 * Synchronous, and the pattern analysis may take up to `opts.patternBudgetMs`: a server must not
 * call it on its request thread (modules/plugins/lint-pool.ts runs it on a worker thread).
 */
export function lintManifest(manifest: unknown, sources?: SourceMap, platformVersion?: string, opts: LintOptions = {}): LintResult {
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
  opts.onPattern?.({ kind: 'list', patterns: userPatterns(m) });
  const gate = patternGate(opts);
  const seen = new Set<string>();
  m.services.forEach((s, i) => {
    if (seen.has(s.code)) raw.push({ pointer: `/services/${i}/code`, message: t(`Kode layanan ${s.code} ganda.`, `Duplicate service code ${s.code}.`) });
    seen.add(s.code);
    lintService(s, `/services/${i}`, raw, gate);
  });
  if (raw.length === 0) canonicalManifest(m); // canonicalizable (no cycles, finite numbers)
  return finish();
}

/** Lints a plugin folder (what `satupintu plugin lint <dir>` runs). */
export function lintPluginDir(dir: string, platformVersion?: string, opts: LintOptions = {}): LintResult {
  const loaded = loadPluginDir(dir);
  if (!loaded.manifest) return { ok: false, issues: loaded.issues };
  return lintManifest(loaded.manifest, loaded.sources, platformVersion, opts);
}
