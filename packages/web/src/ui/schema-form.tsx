import { useState, type ReactNode } from 'react';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ID_FORMATS } from '@satupintu/forms/formats';
import { errorPointer, plainMessage } from '@satupintu/forms/messages';
import type { FormUi, Localized } from '../types.js';

/**
 * A JSON-Schema form renderer for plugin forms, built for people on phones (GOV.UK Design System
 * patterns): one label per question, the hint and the error tied to the input by
 * aria-describedby, day / month / year date inputs, the keyboard a field needs (inputmode), and
 * autocomplete for the person's own details. Questions that a plugin's `if`/`then` or
 * `dependentRequired` makes required only in some cases are shown only in those cases.
 */

export type Json = Record<string, unknown>;
export type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  allOf?: Schema[];
  if?: Schema;
  then?: Schema;
  else?: Schema;
  dependentRequired?: Record<string, string[]>;
  maxLength?: number;
  [k: string]: unknown;
};
type Lx = (t: Localized | undefined) => string;

/** Field errors by JSON pointer into the form data ("/bayi/tanggalLahir"). */
export type Errors = Record<string, Localized>;

// ---- validation (the server's own formats and messages) -------------------------------------

const ajv = new Ajv2020({ strict: false, allErrors: true });
for (const [name, f] of Object.entries(ID_FORMATS)) ajv.addFormat(name, { type: 'string', validate: f.validate });
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
ajv.addFormat('date', { type: 'string', validate: (v: string) => {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
} });
ajv.addFormat('email', { type: 'string', validate: (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) });
ajv.addFormat('time', { type: 'string', validate: (v: string) => /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?/.test(v) });
ajv.addFormat('uri', { type: 'string', validate: (v: string) => /^https?:\/\/\S+$/.test(v) });
const compiled = new WeakMap<object, ValidateFunction>();
function compile(schema: object): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

/** Whether data matches a (sub)schema: the `if` of a condition, a document's `requiredWhen`. */
export function matches(schema: object, data: unknown): boolean {
  return compile(schema)(data) as boolean;
}

/** Every error of the form, in plain language, one per field (the same table as the API's). */
export function validate(schema: Schema, data: Json): Errors {
  const v = compile(schema);
  if (v(data)) return {};
  const out: Errors = {};
  for (const e of (v.errors ?? []) as ErrorObject[]) {
    const params = e.params as Record<string, unknown>;
    const msg = plainMessage(e.keyword, params);
    if (!msg) continue;
    const pointer = errorPointer(e.instancePath, e.keyword, params);
    out[pointer] ??= msg;
  }
  return out;
}

// ---- conditions ------------------------------------------------------------------------------

interface Condition {
  when: (data: Json) => boolean;
}

/** Properties of an object schema required only under a condition, with the conditions. */
export function conditionalProps(schema: Schema): Map<string, Condition[]> {
  const out = new Map<string, Condition[]>();
  const always = new Set(schema.required ?? []);
  const add = (name: string, c: Condition) => {
    if (always.has(name)) return;
    out.set(name, [...(out.get(name) ?? []), c]);
  };
  for (const part of [schema, ...(schema.allOf ?? [])]) {
    if (part.if) {
      const cond = part.if;
      for (const n of part.then?.required ?? []) add(n, { when: (d) => matches(cond, d) });
      for (const n of part.else?.required ?? []) add(n, { when: (d) => !matches(cond, d) });
    }
    for (const [trigger, names] of Object.entries(part.dependentRequired ?? {}))
      for (const n of names) add(n, { when: (d) => d[trigger] !== undefined && d[trigger] !== '' });
  }
  return out;
}

/** Whether a property of an object is asked now: always, or its condition holds for the answers. */
export function shown(schema: Schema, name: string, data: Json): boolean {
  const conds = conditionalProps(schema).get(name);
  return !conds || conds.some((c) => c.when(data));
}

export function requiredNow(schema: Schema, name: string, data: Json): boolean {
  if ((schema.required ?? []).includes(name)) return true;
  const conds = conditionalProps(schema).get(name);
  return !!conds && conds.some((c) => c.when(data));
}

/** The answers without those to questions not asked now (a changed choice drops its follow-ups). */
export function prune(schema: Schema, data: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(data)) {
    const sub = schema.properties?.[k];
    if (!sub || !shown(schema, k, data)) continue;
    out[k] = sub.type === 'object' && v && typeof v === 'object' && !Array.isArray(v) ? prune(sub, v as Json) : v;
  }
  return out;
}

// ---- labels and field kinds ------------------------------------------------------------------

const words = (v: string) =>
  v
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

/** The schema path of a data pointer: array indices read as "items" (how manifests name them). */
const schemaPath = (pointer: string) => pointer.replace(/\/\d+(?=\/|$)/g, '/items');

export function labelOf(ui: FormUi, pointer: string, L: Lx): string {
  const p = schemaPath(pointer);
  const name = p.split('/').pop() ?? '';
  const l = ui.labels[p] ?? (p.split('/').length === 2 ? ui.labels[name] : undefined);
  return l ? L(l) : words(name);
}
function helpOf(ui: FormUi, pointer: string, L: Lx): string | undefined {
  const p = schemaPath(pointer);
  const h = ui.help?.[p] ?? (p.split('/').length === 2 ? ui.help?.[p.slice(1)] : undefined);
  return h ? L(h) : undefined;
}
function widgetOf(ui: FormUi, pointer: string): string | undefined {
  const p = schemaPath(pointer);
  return ui.widgets?.[p] ?? (p.split('/').length === 2 ? ui.widgets?.[p.slice(1)] : undefined);
}

export const enumText = (v: unknown) => (typeof v === 'string' ? words(v) : String(v));

const NUMERIC_FORMATS = new Set(['nik', 'nkk', 'nop', 'nip', 'kbli', 'nib-usaha', 'nib-bidang', 'postal-code-id', 'npwp']);

/** The keyboard, input type and autocomplete of a text field. Top-level fields are the applicant's own. */
export function inputHints(s: Schema, pointer: string, widget?: string): { type: string; inputMode: 'numeric' | 'decimal' | 'tel' | 'email' | 'text'; autoComplete: string } {
  const name = pointer.split('/').pop() ?? '';
  const own = pointer.split('/').length === 2;
  const lower = name.toLowerCase();
  if (s.format === 'phone-id' || widget === 'phone' || /^(nohp|telepon|nomorhp|hp|notelp)$/.test(lower))
    return { type: 'tel', inputMode: 'tel', autoComplete: own ? 'tel' : 'off' };
  if (s.format === 'email' || widget === 'email') return { type: 'email', inputMode: 'email', autoComplete: own ? 'email' : 'off' };
  if (s.format === 'postal-code-id') return { type: 'text', inputMode: 'numeric', autoComplete: own ? 'postal-code' : 'off' };
  if (s.format && NUMERIC_FORMATS.has(s.format)) return { type: 'text', inputMode: 'numeric', autoComplete: 'off' };
  if (s.type === 'integer') return { type: 'text', inputMode: 'numeric', autoComplete: 'off' };
  if (s.type === 'number') return { type: 'text', inputMode: 'decimal', autoComplete: 'off' };
  if (own && /^(nama|namalengkap|namapemohon)$/.test(lower)) return { type: 'text', inputMode: 'text', autoComplete: 'name' };
  if (own && /^alamat/.test(lower)) return { type: 'text', inputMode: 'text', autoComplete: 'street-address' };
  return { type: 'text', inputMode: 'text', autoComplete: 'off' };
}

/** The id of a question's input (what the error summary links to). */
export const fieldId = (pointer: string) => `f${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;

const kindOf = (s: Schema): 'object' | 'array' | 'choice' | 'boolean' | 'date' | 'number' | 'text' => {
  if (s.type === 'object' || s.properties) return 'object';
  if (s.type === 'array') return 'array';
  if (Array.isArray(s.enum)) return 'choice';
  if (s.type === 'boolean') return 'boolean';
  if (s.format === 'date') return 'date';
  if (s.type === 'integer' || s.type === 'number') return 'number';
  return 'text';
};
export const isSection = (s: Schema) => kindOf(s) === 'object' || kindOf(s) === 'array';

/** Where the error summary's link for a question goes: the first input of a group. */
export function focusTarget(schema: Schema, pointer: string): string {
  let s: Schema | undefined = schema;
  for (const part of pointer.split('/').filter(Boolean)) s = /^\d+$/.test(part) ? s?.items : s?.properties?.[part];
  const id = fieldId(pointer);
  if (!s) return id;
  const k = kindOf(s);
  if (k === 'date') return `${id}-day`;
  if (k === 'choice' && (s.enum?.length ?? 0) <= 6) return `${id}-0`;
  return id;
}

// ---- rendering -------------------------------------------------------------------------------

const STR = {
  optional: { id: '(tidak wajib)', en: '(optional)' },
  day: { id: 'Tanggal', en: 'Day' },
  month: { id: 'Bulan', en: 'Month' },
  year: { id: 'Tahun', en: 'Year' },
  dateHint: { id: 'Contoh: 17 8 1990', en: 'For example, 17 8 1990' },
  choose: { id: 'Pilih…', en: 'Choose…' },
  add: { id: 'Tambah', en: 'Add' },
  remove: { id: 'Hapus', en: 'Remove' },
  errorPrefix: { id: 'Kesalahan:', en: 'Error:' },
  yes: { id: 'Ya', en: 'Yes' },
} satisfies Record<string, Localized>;

interface Ctx {
  ui: FormUi;
  L: Lx;
  errors: Errors;
}

function ErrorLine({ id, msg, L }: { id: string; msg: Localized | undefined; L: Lx }) {
  if (!msg) return null;
  return (
    <p className="q-error" id={id}>
      <span className="sr-only">{L(STR.errorPrefix)} </span>
      {L(msg)}
    </p>
  );
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The questions of an object, in the manifest's order, those asked now only. */
export function ObjectQuestions({ schema, value, pointer, ctx, onChange, only }: { schema: Schema; value: Json; pointer: string; ctx: Ctx; onChange(v: Json): void; only?: string[] }) {
  const order = pointer === '' ? [...ctx.ui.order, ...Object.keys(schema.properties ?? {}).filter((k) => !ctx.ui.order.includes(k))] : Object.keys(schema.properties ?? {});
  const names = order.filter((k) => schema.properties?.[k] && (!only || only.includes(k)) && shown(schema, k, value));
  return (
    <>
      {names.map((k) => (
        <Question
          key={k}
          schema={schema.properties![k]!}
          pointer={`${pointer}/${k}`}
          required={requiredNow(schema, k, value)}
          value={value[k]}
          ctx={ctx}
          onChange={(v) => {
            const next = { ...value };
            if (v === undefined) delete next[k];
            else next[k] = v;
            onChange(next);
          }}
        />
      ))}
    </>
  );
}

export function Question({ schema, pointer, required, value, ctx, onChange }: { schema: Schema; pointer: string; required: boolean; value: unknown; ctx: Ctx; onChange(v: unknown): void }) {
  const { ui, L, errors } = ctx;
  const id = fieldId(pointer);
  const label = labelOf(ui, pointer, L);
  const help = helpOf(ui, pointer, L);
  const widget = widgetOf(ui, pointer);
  const err = errors[pointer];
  const hintId = help ? `${id}-hint` : undefined;
  const errId = err ? `${id}-error` : undefined;
  // "(optional)" after the label (GOV.UK marks the optional ones), unless the manifest's label says so already.
  const opt = required || /opsional|optional|tidak wajib/i.test(label) ? null : <span className="q-optional"> {L(STR.optional)}</span>;
  const kind = kindOf(schema);
  const cls = `q${err ? ' q-has-error' : ''}`;

  if (kind === 'object') {
    const v = (value && typeof value === 'object' ? value : {}) as Json;
    return (
      <fieldset className={`${cls} q-section`} aria-describedby={describedBy(hintId, errId)}>
        <legend>{label}</legend>
        {help && <p className="q-hint" id={hintId}>{help}</p>}
        <ErrorLine id={`${id}-error`} msg={err} L={L} />
        <ObjectQuestions schema={schema} value={v} pointer={pointer} ctx={ctx} onChange={(o) => onChange(Object.keys(o).length ? o : undefined)} />
      </fieldset>
    );
  }
  if (kind === 'array') {
    const items = Array.isArray(value) ? (value as unknown[]) : [];
    const item = schema.items ?? { type: 'string' };
    const min = schema.minItems ?? 0;
    const shownItems = items.length ? items : min > 0 ? [undefined] : [];
    const set = (i: number, v: unknown) => {
      const next = [...shownItems];
      next[i] = v;
      onChange(next.filter((x) => x !== undefined).length ? next : undefined);
    };
    return (
      <fieldset className={`${cls} q-section`} aria-describedby={describedBy(hintId, errId)}>
        <legend>
          {label}
          {opt}
        </legend>
        {help && <p className="q-hint" id={hintId}>{help}</p>}
        <ErrorLine id={`${id}-error`} msg={err} L={L} />
        <div id={id} tabIndex={-1} />
        {shownItems.map((it, i) => (
          <div className="q-item" key={i}>
            <Question schema={{ ...item }} pointer={`${pointer}/${i}`} required value={it} ctx={{ ...ctx, ui: { ...ui, labels: { ...ui.labels, [`${schemaPath(pointer)}/items`]: { id: `${label} ${i + 1}`, en: `${label} ${i + 1}` } } } }} onChange={(v) => set(i, v)} />
            {shownItems.length > min && (
              <button type="button" className="btn secondary small" onClick={() => onChange(shownItems.filter((_, j) => j !== i).length ? shownItems.filter((_, j) => j !== i) : undefined)}>
                {L(STR.remove)} <span className="sr-only">{`${label} ${i + 1}`}</span>
              </button>
            )}
          </div>
        ))}
        {(schema.maxItems === undefined || shownItems.length < schema.maxItems) && (
          <button type="button" className="btn secondary" onClick={() => onChange([...shownItems, undefined])}>
            {L(STR.add)} {label.toLowerCase()}
          </button>
        )}
      </fieldset>
    );
  }
  if (kind === 'choice') {
    const options = schema.enum!;
    if (options.length <= 6 && widget !== 'select') {
      return (
        <fieldset className={cls} aria-describedby={describedBy(hintId, errId)}>
          <legend>
            {label}
            {opt}
          </legend>
          {help && <p className="q-hint" id={hintId}>{help}</p>}
          <ErrorLine id={`${id}-error`} msg={err} L={L} />
          <div className="q-radios">
            {options.map((o, i) => (
              <div className="q-radio" key={String(o)}>
                <input type="radio" id={`${id}-${i}`} name={id} checked={value === o} onChange={() => onChange(o)} />
                <label htmlFor={`${id}-${i}`}>{enumText(o)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      );
    }
    return (
      <div className={cls}>
        <label htmlFor={id}>
          {label}
          {opt}
        </label>
        {help && <p className="q-hint" id={hintId}>{help}</p>}
        <ErrorLine id={`${id}-error`} msg={err} L={L} />
        <select id={id} value={value === undefined ? '' : String(options.indexOf(value))} aria-describedby={describedBy(hintId, errId)} aria-invalid={err ? true : undefined} onChange={(e) => onChange(e.target.value === '' ? undefined : options[Number(e.target.value)])}>
          <option value="">{L(STR.choose)}</option>
          {options.map((o, i) => (
            <option key={String(o)} value={i}>
              {enumText(o)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (kind === 'boolean') {
    return (
      <div className={cls}>
        <ErrorLine id={`${id}-error`} msg={err} L={L} />
        <div className="q-check">
          <input type="checkbox" id={id} checked={value === true} aria-describedby={describedBy(hintId, errId)} aria-invalid={err ? true : undefined} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
          <label htmlFor={id}>
            {label}
            {opt}
          </label>
        </div>
        {help && <p className="q-hint" id={hintId}>{help}</p>}
      </div>
    );
  }
  if (kind === 'date') return <DateQuestion id={id} pointer={pointer} label={label} opt={opt} help={help} err={err} value={value} ctx={ctx} onChange={onChange} />;

  const hints = inputHints(schema, pointer, widget);
  const common = {
    id,
    'aria-describedby': describedBy(hintId, errId),
    'aria-invalid': err ? true : undefined,
    autoComplete: hints.autoComplete,
    inputMode: hints.inputMode,
    spellCheck: hints.inputMode === 'text' ? undefined : false,
  } as const;
  const text = value === undefined || value === null ? '' : String(value);
  const set = (raw: string) => {
    if (raw === '') return onChange(undefined);
    if (kind === 'number') {
      const n = Number(raw.replace(',', '.'));
      return onChange(raw.trim() !== '' && Number.isFinite(n) && !/[.,]$/.test(raw) ? n : raw);
    }
    onChange(raw);
  };
  return (
    <div className={cls}>
      <label htmlFor={id}>
        {label}
        {opt}
      </label>
      {help && <p className="q-hint" id={hintId}>{help}</p>}
      <ErrorLine id={`${id}-error`} msg={err} L={L} />
      {widget === 'textarea' ? (
        <textarea {...common} rows={4} value={text} maxLength={schema.maxLength} onChange={(e) => set(e.target.value)} />
      ) : (
        <input {...common} type={hints.type} value={text} maxLength={schema.maxLength} className={schema.format && NUMERIC_FORMATS.has(schema.format) ? 'q-num' : undefined} onChange={(e) => set(e.target.value)} />
      )}
    </div>
  );
}

/** Day, month and year as three numeric inputs; the answer is ISO (YYYY-MM-DD) once complete. */
function DateQuestion({ id, pointer, label, opt, help, err, value, ctx, onChange }: { id: string; pointer: string; label: string; opt: ReactNode; help?: string; err?: Localized; value: unknown; ctx: Ctx; onChange(v: unknown): void }) {
  const { L } = ctx;
  const parts = typeof value === 'string' ? value.split('-') : [];
  const [held, setHeld] = useState<{ y: string; m: string; d: string }>({ y: parts[0] ?? '', m: parts[1] ?? '', d: parts[2] ?? '' });
  // Follow an answer that changed from elsewhere (a restored draft) without losing what is typed.
  const fromValue = { y: parts[0] ?? '', m: parts[1] ?? '', d: parts[2] ?? '' };
  const cur = typeof value === 'string' && value !== compose(held) ? fromValue : held;
  const birth = pointer.split('/').length === 2 && /lahir/i.test(pointer) ? 'bday' : null;
  const hintId = `${id}-hint`;
  const errId = err ? `${id}-error` : undefined;
  const set = (k: 'y' | 'm' | 'd', v: string) => {
    const next = { ...cur, [k]: v.replace(/\D/g, '') };
    setHeld(next);
    onChange(next.y === '' && next.m === '' && next.d === '' ? undefined : compose(next));
  };
  const box = (k: 'd' | 'm' | 'y', suffix: string, text: Localized, len: number, ac: string) => (
    <div className={`q-date-part q-date-${suffix}`}>
      <label htmlFor={`${id}-${suffix}`}>{L(text)}</label>
      <input id={`${id}-${suffix}`} inputMode="numeric" pattern="[0-9]*" maxLength={len} autoComplete={birth ? `${birth}-${ac}` : 'off'} aria-invalid={err ? true : undefined} value={cur[k]} onChange={(e) => set(k, e.target.value)} />
    </div>
  );
  return (
    <fieldset className={`q${err ? ' q-has-error' : ''}`} role="group" aria-describedby={describedBy(hintId, errId)}>
      <legend>
        {label}
        {opt}
      </legend>
      <p className="q-hint" id={hintId}>
        {help ? `${help} ` : ''}
        {L(STR.dateHint)}
      </p>
      <ErrorLine id={`${id}-error`} msg={err} L={L} />
      <div className="q-date" id={id}>
        {box('d', 'day', STR.day, 2, 'day')}
        {box('m', 'month', STR.month, 2, 'month')}
        {box('y', 'year', STR.year, 4, 'year')}
      </div>
    </fieldset>
  );
}

function compose({ y, m, d }: { y: string; m: string; d: string }): string {
  if (y.length === 4 && m && d) return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return `${y}-${m}-${d}`;
}

/** An answer as a person reads it on the check-your-answers page. */
export function answerText(schema: Schema, value: unknown, L: Lx, fmtDate: (iso: string) => string): string {
  if (value === undefined || value === null || value === '') return '–';
  const k = kindOf(schema);
  if (k === 'date' && typeof value === 'string' && DATE.test(value)) return fmtDate(value);
  if (k === 'choice') return enumText(value);
  if (k === 'boolean') return value === true ? L(STR.yes) : '–';
  return String(value);
}
