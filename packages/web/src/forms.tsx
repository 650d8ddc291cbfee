import { useState, type ReactNode } from 'react';
import { useI18n } from './i18n.js';
import type { DocumentRequirement, FormUi } from './types.js';
import { ErrorSummary } from './ui/error-summary.js';
import { focusTarget, matches, ObjectQuestions, prune, validate, type Errors, type Json, type Schema } from './ui/schema-form.js';

/**
 * Whether a document is required now: always (minCount), or when its `requiredWhen` condition (a
 * JSON Schema over the form data, as the server checks it) holds. A condition on fields not yet
 * answered reads as "not yet required" rather than "required" while the person fills the form.
 */
export function documentRequired(doc: DocumentRequirement, data: Record<string, unknown>): boolean {
  if (doc.minCount > 0) return true;
  if (!doc.requiredWhen) return false;
  const properties = doc.requiredWhen.properties;
  const props = properties && typeof properties === 'object' ? Object.keys(properties) : [];
  if (props.length > 0 && props.every((k) => data[k] === undefined || data[k] === '')) return false;
  return matches(doc.requiredWhen, data);
}

/**
 * Whether to ask for a document at all: required ones, and optional ones without a condition. A
 * conditional document (e.g. the police report when the card was lost) is shown only when its
 * condition applies, as the standar pelayanan's conditional requirements.
 */
export function documentApplies(doc: DocumentRequirement, data: Record<string, unknown>): boolean {
  return !doc.requiredWhen || documentRequired(doc, data);
}

/**
 * A whole service form on one page, checked on submit (the publisher's preview; the citizen's
 * apply page pages it): the app's own renderer, the error summary linked to each field.
 */
export function ServiceForm(props: { schema: Record<string, unknown>; ui: FormUi; formData: Json; onChange(data: Json): void; onSubmit(data: Json): void; children: ReactNode }) {
  const { L } = useI18n();
  const schema = props.schema as Schema;
  const [errors, setErrors] = useState<Errors>({});
  const [tries, setTries] = useState(0);
  const ctx = { ui: props.ui, L, errors };
  const items = Object.entries(errors).map(([pointer, text]) => ({ target: focusTarget(schema, pointer), text }));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = prune(schema, props.formData);
        const found = validate(schema, data);
        setErrors(found);
        setTries((n) => n + 1);
        if (!Object.keys(found).length) props.onSubmit(data);
      }}
    >
      <ErrorSummary items={items} focusKey={tries} />
      <ObjectQuestions schema={schema} value={props.formData} pointer="" ctx={ctx} onChange={props.onChange} />
      {props.children}
    </form>
  );
}
