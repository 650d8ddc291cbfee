import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, Options } from 'ajv';
import { fieldError, type FieldError } from './errors.js';

// ajv-formats ships CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

/** One way to build an ajv instance: JSON Schema 2020-12, strict, all errors, formats. */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, ...options });
  addFormats(ajv);
  // Annotation only: the name a schema takes among the OpenAPI document's components.
  ajv.addKeyword({ keyword: 'x-component', schemaType: 'string' });
  return ajv;
}

/** Turns ajv errors into bilingual field errors with JSON pointers into the validated value. */
export function ajvErrorsToFieldErrors(errors: ErrorObject[] | null | undefined, base = ''): FieldError[] {
  return (errors ?? []).map((e) => {
    let pointer = base + e.instancePath;
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'required':
        pointer += `/${String(p.missingProperty)}`;
        return fieldError(pointer, 'Wajib diisi.', 'Is required.');
      case 'additionalProperties':
        pointer += `/${String(p.additionalProperty)}`;
        return fieldError(pointer, 'Kolom tidak dikenal.', 'Unknown property.');
      case 'type':
        return fieldError(pointer || '/', `Harus bertipe ${String(p.type)}.`, `Must be of type ${String(p.type)}.`);
      case 'enum':
        return fieldError(
          pointer || '/',
          `Harus salah satu dari: ${(p.allowedValues as unknown[]).join(', ')}.`,
          `Must be one of: ${(p.allowedValues as unknown[]).join(', ')}.`,
        );
      case 'pattern':
        return fieldError(pointer, 'Format tidak sesuai.', `Does not match the pattern ${String(p.pattern)}.`);
      case 'format':
        return fieldError(pointer, `Format ${String(p.format)} tidak sesuai.`, `Must be a valid ${String(p.format)}.`);
      case 'minLength':
        return fieldError(pointer, `Minimal ${String(p.limit)} karakter.`, `Must have at least ${String(p.limit)} characters.`);
      case 'maxLength':
        return fieldError(pointer, `Maksimal ${String(p.limit)} karakter.`, `Must have at most ${String(p.limit)} characters.`);
      case 'minimum':
      case 'maximum':
        return fieldError(pointer, `Harus ${e.keyword === 'minimum' ? '≥' : '≤'} ${String(p.limit)}.`, `Must be ${String(p.comparison)} ${String(p.limit)}.`);
      default:
        return fieldError(pointer || '/', `Tidak valid (${e.keyword}).`, e.message ?? `Invalid (${e.keyword}).`);
    }
  });
}
