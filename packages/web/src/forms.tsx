import { useMemo, useState, type ReactNode } from 'react';
import Form from '@rjsf/core';
import { englishStringTranslator, TranslatableString, type ErrorTransformer, type RJSFSchema, type UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';
import { ID_FORMATS } from '@satupintu/forms/formats';
import { useI18n, type Lang } from './i18n.js';
import type { DocumentRequirement, FormUi, Localized } from './types.js';

/**
 * One validator for every plugin form, built like the server's (packages/forms): JSON Schema
 * 2020-12, ajv 8 with ajv-formats, and the very same Indonesian ID format functions, imported.
 */
export const formValidator = customizeValidator({
  AjvClass: Ajv2020 as never,
  customFormats: Object.fromEntries(Object.entries(ID_FORMATS).map(([name, f]) => [name, f.validate])),
  ajvOptionsOverrides: { allErrors: true },
});

/** The same ajv, for the documents' `requiredWhen` conditions over the form data. */
const conditionAjv = new Ajv2020({ strict: false, allErrors: false });
for (const [name, f] of Object.entries(ID_FORMATS)) conditionAjv.addFormat(name, { type: 'string', validate: f.validate });
const conditions = new Map<string, (d: unknown) => boolean>();

export function documentRequired(doc: DocumentRequirement, data: Record<string, unknown>): boolean {
  if (doc.minCount > 0) return true;
  if (!doc.requiredWhen) return false;
  // Same semantics as the server (ajv over the form data), but a condition on fields not yet
  // answered reads as "not yet required" rather than "required" while the person fills the form.
  const properties = doc.requiredWhen.properties;
  const props = properties && typeof properties === 'object' ? Object.keys(properties) : [];
  if (props.length > 0 && props.every((k) => data[k] === undefined || data[k] === '')) return false;
  const key = JSON.stringify(doc.requiredWhen);
  let check = conditions.get(key);
  if (!check) {
    const v = conditionAjv.compile(doc.requiredWhen);
    check = (d) => v(d) as boolean;
    conditions.set(key, check);
  }
  return check(data);
}

const MESSAGES: Record<string, Localized> = {
  required: { id: 'Wajib diisi.', en: 'Is required.' },
  minLength: { id: 'Terlalu pendek.', en: 'Too short.' },
  maxLength: { id: 'Terlalu panjang.', en: 'Too long.' },
  pattern: { id: 'Format tidak sesuai.', en: 'Does not match the expected format.' },
  enum: { id: 'Pilih salah satu pilihan.', en: 'Choose one of the options.' },
  type: { id: 'Jenis isian tidak sesuai.', en: 'Wrong kind of value.' },
  minimum: { id: 'Nilai terlalu kecil.', en: 'Value too small.' },
  maximum: { id: 'Nilai terlalu besar.', en: 'Value too large.' },
};

function transformer(lang: Lang): ErrorTransformer {
  return (errors, uiSchema) =>
    errors
      // if/then adds a summary "must match then schema" next to the real missing field.
      .filter((e) => e.name !== 'if')
      .map((e) => {
        const fmt = e.name === 'format' ? ID_FORMATS[String((e.params as { format?: string }).format)] : undefined;
        const msg = fmt?.message ?? (e.name ? MESSAGES[e.name] : undefined) ?? (e.name === 'format' ? { id: 'Format tidak sesuai.', en: 'Invalid format.' } : undefined);
        if (!msg) return e;
        // `property` is ".nik"; a missing required field is named in params.
        const field = e.name === 'required' ? String((e.params as { missingProperty?: string }).missingProperty ?? '') : String(e.property ?? '').replace(/^\./, '');
        const title = (uiSchema?.[field] as UiSchema | undefined)?.['ui:title'] as string | undefined;
        return { ...e, message: msg[lang], stack: `${title ?? field}: ${msg[lang]}` };
      });
}

const FORM_STRINGS: Partial<Record<TranslatableString, Localized>> = {
  [TranslatableString.ErrorsLabel]: { id: 'Periksa kembali isian berikut', en: 'Please check these fields' },
};

const humanize = (v: string) => v.replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Plugin UI hints (labels by name or JSON pointer, help, widgets, order) → an rjsf uiSchema. */
export function uiSchemaOf(schema: Record<string, unknown>, ui: FormUi, L: (t: Localized | undefined) => string): UiSchema {
  const out: UiSchema = { 'ui:order': [...ui.order, '*'] };
  const widgetMap: Record<string, UiSchema> = {
    textarea: { 'ui:widget': 'textarea' },
    select: { 'ui:widget': 'select' },
    radio: { 'ui:widget': 'radio' },
    checkbox: { 'ui:widget': 'checkbox' },
    date: { 'ui:widget': 'date' },
    number: { 'ui:widget': 'updown' },
    phone: { 'ui:options': { inputType: 'tel' }, 'ui:autocomplete': 'tel' },
    email: { 'ui:widget': 'email', 'ui:autocomplete': 'email' },
    hidden: { 'ui:widget': 'hidden' },
    text: {},
  };
  const at = (pointer: string): UiSchema => {
    let node = out;
    for (const part of pointer.split('/').filter(Boolean)) {
      const key = part === 'items' ? 'items' : part;
      node[key] ??= {};
      node = node[key] as UiSchema;
    }
    return node;
  };
  for (const [key, label] of Object.entries(ui.labels)) at(key.startsWith('/') ? key : `/${key}`)['ui:title'] = L(label);
  for (const [key, help] of Object.entries(ui.help ?? {})) at(key.startsWith('/') ? key : `/${key}`)['ui:help'] = L(help);
  for (const [key, w] of Object.entries(ui.widgets ?? {})) Object.assign(at(key.startsWith('/') ? key : `/${key}`), widgetMap[w] ?? {});
  // Enum values without labels in the manifest read better as words than as codes.
  const props = (schema.properties ?? {}) as Record<string, { enum?: unknown[] }>;
  for (const [name, p] of Object.entries(props)) {
    if (Array.isArray(p.enum) && p.enum.every((v) => typeof v === 'string')) {
      at(`/${name}`)['ui:enumNames'] = (p.enum as string[]).map(humanize);
    }
  }
  return out;
}

export function ServiceForm(props: {
  schema: Record<string, unknown>;
  ui: FormUi;
  formData: Record<string, unknown>;
  onChange(data: Record<string, unknown>): void;
  onSubmit(data: Record<string, unknown>): void;
  children: ReactNode;
}) {
  const { lang, L } = useI18n();
  const uiSchema = useMemo(() => uiSchemaOf(props.schema, props.ui, L), [props.schema, props.ui, L]);
  const transformErrors = useMemo(() => transformer(lang), [lang]);
  // Validate as the person types only once they have tried to submit, so corrections clear errors.
  const [tried, setTried] = useState(false);
  return (
    <Form
      schema={props.schema as RJSFSchema}
      uiSchema={uiSchema}
      formData={props.formData}
      validator={formValidator}
      transformErrors={transformErrors}
      translateString={(key, params) => FORM_STRINGS[key]?.[lang] ?? englishStringTranslator(key, params)}
      showErrorList="top"
      noHtml5Validate
      liveValidate={tried}
      onError={() => setTried(true)}
      onChange={(e) => props.onChange((e.formData ?? {}) as Record<string, unknown>)}
      onSubmit={(e) => props.onSubmit((e.formData ?? {}) as Record<string, unknown>)}
    >
      {props.children}
    </Form>
  );
}
