/**
 * The publisher's editor model: a service's form as a list of questions a person can edit (label,
 * kind, format, options, required, help, "ask only when"), turned back into the very plugin JSON
 * the SDK lints (JSON Schema 2020-12 plus `form.ui`). Documents, SOP steps, the SLA and the fee are
 * flat data already and are edited in place on the service.
 *
 * What the editor cannot express (arrays of members, advanced rules such as `contains` or `anyOf`)
 * is kept as it was: a question of kind `other` keeps its schema untouched, and a rule that is not
 * "field Y has value V → these questions are required" stays as written.
 */
import type { Schemas } from '@satupintu/client';

export type Manifest = Schemas['PluginManifest'];
export type Service = Schemas['ManifestService'];
export type Doc = Schemas['ManifestDocument'];
export type Text = { id: string; en: string };
export type Widget = NonNullable<Service['form']['ui']['widgets']>[string];
type Json = Record<string, unknown>;

export type FieldKind = 'text' | 'longtext' | 'number' | 'date' | 'choice' | 'yesno' | 'other';

/** The shared formats of the SDK (packages/forms ID_FORMATS) a text question may use, and e-mail (a test keeps the two lists equal). */
export const TEXT_FORMATS = ['nik', 'nkk', 'npwp', 'nib-usaha', 'nib-bidang', 'nop', 'kbli', 'nip', 'phone-id', 'postal-code-id', 'email'] as const;

/** "Ask this only when `field` is one of `values`." */
export interface Condition {
  field: string;
  values: (string | boolean)[];
}

export interface Field {
  name: string;
  label: Text;
  help?: Text;
  kind: FieldKind;
  /** For text: one of TEXT_FORMATS (or another named format kept from the manifest). */
  format?: string;
  /** For choice: the values a person picks from. */
  options?: string[];
  required: boolean;
  widget?: Widget;
  /** The question's schema as published (kept whole for `other`, the base of edits otherwise). */
  schema: Json;
  /** The kind it was published as: a changed kind starts from a fresh schema. */
  original?: FieldKind;
}

/** A rule of the form: either "field Y is V → require X…" (editable), or kept as written. */
export type Rule = { kind: 'when'; when: Condition; require: string[]; raw: Json } | { kind: 'raw'; raw: Json };

export interface FormModel {
  fields: Field[];
  rules: Rule[];
  /** Where the rules were: a lone top-level if/then, or allOf. */
  placement: 'top' | 'allOf' | 'none';
  /** The published service (everything else is taken from it). */
  base: Service;
}

const clone = <T>(v: T): T => structuredClone(v);
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function kindOf(schema: Json, widget?: string): FieldKind {
  if (schema.type === 'boolean') return 'yesno';
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string') && (schema.type === undefined || schema.type === 'string')) return 'choice';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'string' && schema.format === 'date') return 'date';
  if (schema.type === 'string' && schema.enum === undefined) return widget === 'textarea' ? 'longtext' : 'text';
  return 'other';
}

/** "Field Y is V" (const) or "Y is one of …" (enum), and nothing else. */
function conditionOf(ifSchema: unknown): Condition | undefined {
  if (!isObj(ifSchema)) return undefined;
  const keys = Object.keys(ifSchema).filter((k) => k !== 'properties' && k !== 'required');
  if (keys.length || !isObj(ifSchema.properties)) return undefined;
  const entries = Object.entries(ifSchema.properties);
  if (entries.length !== 1) return undefined;
  const [field, p] = entries[0]!;
  if (!isObj(p) || Object.keys(p).length !== 1) return undefined;
  const ok = (v: unknown): v is string | boolean => typeof v === 'string' || typeof v === 'boolean';
  if ('const' in p && ok(p.const)) return { field, values: [p.const] };
  if (Array.isArray(p.enum) && p.enum.every(ok)) return { field, values: p.enum as (string | boolean)[] };
  return undefined;
}

function ruleOf(raw: Json): Rule {
  const when = conditionOf(raw.if);
  const then = raw.then;
  const keys = Object.keys(raw).filter((k) => k !== 'if' && k !== 'then');
  if (when && !keys.length && isObj(then) && Object.keys(then).length === 1 && Array.isArray(then.required)) return { kind: 'when', when, require: [...(then.required as string[])], raw };
  return { kind: 'raw', raw };
}

/** A condition as an `if` schema, in the manifests' own style. */
export function ifOf(c: Condition): Json {
  return { properties: { [c.field]: c.values.length === 1 ? { const: c.values[0] } : { enum: c.values } }, required: [c.field] };
}

/** A document's "required when" as the manifests write it (no `required`: unanswered means not yet). */
export function requiredWhenOf(c: Condition): Json {
  return { properties: { [c.field]: c.values.length === 1 ? { const: c.values[0] } : { enum: c.values } } };
}

/** The simple condition of a document's requiredWhen, when it is one. */
export function docCondition(d: Doc): Condition | undefined {
  return conditionOf(d.requiredWhen);
}

const sameCondition = (a: Condition, b: Condition) => a.field === b.field && JSON.stringify(a.values) === JSON.stringify(b.values);

/** Reads a published service into the editor's model. */
export function toModel(service: Service): FormModel {
  const base = clone(service);
  const schema = base.form.schema as Json;
  const ui = base.form.ui;
  const props = (isObj(schema.properties) ? schema.properties : {}) as Record<string, Json>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const names = [...ui.order, ...Object.keys(props).filter((n) => !ui.order.includes(n))].filter((n) => props[n]);
  const fields = names.map((name): Field => {
    const s = props[name]!;
    const widget = ui.widgets?.[name];
    const kind = kindOf(s, widget);
    return {
      name,
      label: clone(ui.labels[name] ?? ui.labels[`/${name}`] ?? { id: name, en: name }),
      ...(ui.help?.[name] ? { help: clone(ui.help[name]) } : {}),
      kind,
      ...(typeof s.format === 'string' && kind !== 'date' ? { format: s.format } : {}),
      ...(kind === 'choice' ? { options: [...(s.enum as string[])] } : {}),
      required: required.has(name),
      ...(widget ? { widget } : {}),
      schema: clone(s),
      original: kind,
    };
  });
  let rules: Rule[] = [];
  let placement: FormModel['placement'] = 'none';
  if (Array.isArray(schema.allOf) && (schema.allOf as unknown[]).every(isObj)) {
    placement = 'allOf';
    rules = (schema.allOf as Json[]).map(ruleOf);
  } else if (schema.if !== undefined) {
    placement = 'top';
    rules = [ruleOf({ if: schema.if, then: schema.then, ...(schema.else !== undefined ? { else: schema.else } : {}) })];
  }
  return { fields, rules, placement, base };
}

/** The condition under which a question is asked (it is required then), if any. */
export function conditionFor(model: FormModel, name: string): Condition | undefined {
  for (const r of model.rules) if (r.kind === 'when' && r.require.includes(name)) return r.when;
  return undefined;
}

/** Asks a question only when `c` holds (required then), or always (`undefined`). */
export function setCondition(model: FormModel, name: string, c: Condition | undefined): FormModel {
  const rules = model.rules.map((r) => (r.kind === 'when' && r.require.includes(name) ? { ...r, require: r.require.filter((x) => x !== name) } : r));
  const fields = model.fields.map((f) => (f.name === name && c ? { ...f, required: false } : f));
  if (c) {
    const i = rules.findIndex((r) => r.kind === 'when' && sameCondition(r.when, c));
    if (i >= 0) {
      const r = rules[i] as Extract<Rule, { kind: 'when' }>;
      rules[i] = { ...r, require: [...r.require, name] };
    } else rules.push({ kind: 'when', when: c, require: [name], raw: { if: ifOf(c), then: { required: [name] } } });
  }
  return { ...model, fields, rules };
}

/** A field name from a label: lower camel case of its letters and digits, unique in the form. */
export function nameFor(label: string, taken: string[]): string {
  const words = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('') || 'isian';
  if (/^[0-9]/.test(base)) base = `isian${base}`;
  base = base.slice(0, 40);
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}${n}`;
  return name;
}

export function newField(label: Text, kind: FieldKind, taken: string[]): Field {
  return { name: nameFor(label.id, taken), label, kind, required: false, schema: {}, ...(kind === 'choice' ? { options: [] } : {}), ...(defaultWidget(kind) ? { widget: defaultWidget(kind) } : {}) };
}

export function defaultWidget(kind: FieldKind, format?: string): Widget | undefined {
  if (kind === 'date') return 'date';
  if (kind === 'number') return 'number';
  if (kind === 'choice' || kind === 'yesno') return 'radio';
  if (kind === 'longtext') return 'textarea';
  if (kind === 'text' && format === 'phone-id') return 'phone';
  if (kind === 'text' && format === 'email') return 'email';
  return undefined;
}

const drop = (s: Json, ...keys: string[]) => {
  for (const k of keys) delete s[k];
  return s;
};

/** One question's schema: the published one when its kind is unchanged, edited where the model says. */
function schemaOf(f: Field): Json {
  if (f.kind === 'other') return clone(f.schema);
  const s: Json = f.original === f.kind ? clone(f.schema) : {};
  switch (f.kind) {
    case 'text':
    case 'longtext':
      s.type = 'string';
      if (f.format) s.format = f.format;
      else delete s.format;
      if (f.original !== f.kind && !f.format) s.maxLength = f.kind === 'longtext' ? 2000 : 200;
      return drop(s, 'enum');
    case 'date':
      s.type = 'string';
      s.format = 'date';
      return drop(s, 'enum');
    case 'number':
      if (s.type !== 'integer') s.type = 'number';
      return drop(s, 'enum', 'format');
    case 'choice':
      if (f.original !== f.kind) s.type = 'string';
      s.enum = [...(f.options ?? [])];
      return drop(s, 'format');
    case 'yesno':
      s.type = 'boolean';
      return drop(s, 'enum', 'format');
  }
}

/** Labels or help keyed by a field's name or pointer (nested pointers kept for fields that stay). */
function keyedTexts(published: Record<string, Text> | undefined, fields: Field[], removed: Set<string>, pick: (f: Field) => Text | undefined): Record<string, Text> {
  const names = new Set(fields.map((f) => f.name));
  const top = (k: string) => (k.startsWith('/') ? k.slice(1).split('/')[0]! : k);
  const out: Record<string, Text> = {};
  for (const [k, v] of Object.entries(published ?? {})) {
    if (removed.has(top(k))) continue;
    // A key of no question (left over in the manifest) stays as written.
    if (!names.has(top(k))) {
      out[k] = clone(v);
      continue;
    }
    const isOwn = k === top(k) || k === `/${top(k)}`;
    if (!isOwn) out[k] = clone(v);
    else {
      const t = pick(fields.find((f) => f.name === top(k))!);
      if (t) out[k] = clone(t);
    }
  }
  for (const f of fields) {
    const t = pick(f);
    if (t && !(f.name in out) && !(`/${f.name}` in out)) out[f.name] = clone(t);
  }
  return out;
}

/** The model back as the service JSON the SDK lints: unchanged parts exactly as published. */
export function toService(model: FormModel): Service {
  const service = clone(model.base);
  const published = model.base.form.schema as Json;
  const schema: Json = clone(published);
  const names = model.fields.map((f) => f.name);
  const props: Json = {};
  const old = (isObj(published.properties) ? published.properties : {}) as Json;
  // Published questions keep their key order; new ones follow.
  for (const n of [...Object.keys(old).filter((n) => names.includes(n)), ...names.filter((n) => !(n in old))]) props[n] = schemaOf(model.fields.find((f) => f.name === n)!);
  schema.properties = props;
  const oldRequired = Array.isArray(published.required) ? (published.required as string[]) : [];
  const req = model.fields.filter((f) => f.required).map((f) => f.name);
  const required = [...oldRequired.filter((n) => req.includes(n)), ...req.filter((n) => !oldRequired.includes(n))];
  if (required.length || 'required' in published) schema.required = required;
  // Rules: kept as written unless edited; one whose questions are all gone is dropped.
  const rules: Json[] = [];
  for (const r of model.rules) {
    if (r.kind === 'raw') {
      rules.push(clone(r.raw));
      continue;
    }
    if (!names.includes(r.when.field)) continue;
    const require = r.require.filter((n) => names.includes(n));
    if (!require.length) continue;
    const then = r.raw.then as Json;
    rules.push(JSON.stringify(require) === JSON.stringify(then.required) ? clone(r.raw) : { ...clone(r.raw), then: { ...clone(then), required: require } });
  }
  drop(schema, 'if', 'then', 'else', 'allOf');
  if (rules.length === 1 && model.placement !== 'allOf') Object.assign(schema, rules[0]);
  else if (rules.length) schema.allOf = rules;
  service.form.schema = schema as Service['form']['schema'];
  const ui = service.form.ui;
  const removed = new Set(toModel(model.base).fields.map((f) => f.name).filter((n) => !names.includes(n)));
  ui.order = names;
  ui.labels = keyedTexts(model.base.form.ui.labels, model.fields, removed, (f) => f.label);
  const help = keyedTexts(model.base.form.ui.help, model.fields, removed, (f) => f.help);
  if (Object.keys(help).length || model.base.form.ui.help) ui.help = help;
  else delete ui.help;
  const widgets: Record<string, Widget> = {};
  const oldWidgets = model.base.form.ui.widgets ?? {};
  for (const [k, w] of Object.entries(oldWidgets)) {
    const f = model.fields.find((x) => x.name === k);
    if (f?.widget) widgets[k] = f.widget;
    else if (!f && !removed.has(k)) widgets[k] = w; // a key of no question stays as written
  }
  for (const f of model.fields) if (f.widget && !(f.name in widgets)) widgets[f.name] = f.widget;
  if (Object.keys(widgets).length || model.base.form.ui.widgets) ui.widgets = widgets;
  else delete ui.widgets;
  return service;
}

/** The manifest with one service replaced and a new version number. */
export function withService(manifest: Manifest, service: Service, version: string): Manifest {
  const out = clone(manifest);
  out.version = version;
  out.services = out.services.map((s) => (s.code === service.code ? service : s));
  return out;
}

/** JSON with keys sorted (the content hash compares manifests this way). */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v))
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
