import type { DocumentRequirement } from './types.js';
import { matches } from './ui/schema-form.js';

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
