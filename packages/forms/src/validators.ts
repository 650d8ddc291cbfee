import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv, fieldError, type FieldError } from '@satupintu/core';
import { ID_FORMATS } from './formats.js';
import { errorPointer, plainMessage } from './messages.js';

/** An ajv for plugin forms: 2020-12, strict (unknown keywords refused), Indonesian ID formats, UI hint keywords. */
export function createFormAjv(): Ajv2020 {
  // strictSchema refuses unknown keywords; type annotations are not demanded of authors (strictTypes off).
  const ajv = createAjv({ strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allErrors: true });
  for (const [name, f] of Object.entries(ID_FORMATS)) ajv.addFormat(name, { type: 'string', validate: f.validate });
  return ajv;
}

/**
 * ajv errors → bilingual field errors in plain language (messages.ts): each says what to do next,
 * on the field it concerns; summary errors that only repeat another (`if`) are left out, and one
 * field gets one message.
 */
export function formErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const params = e.params as Record<string, unknown>;
    const msg = plainMessage(e.keyword, params);
    if (!msg) continue;
    const pointer = errorPointer(e.instancePath, e.keyword, params);
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    out.push(fieldError(pointer, msg.id, msg.en));
  }
  return out;
}

interface VersionEntry {
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

/**
 * Compiled form validators, one ajv per plugin version keyed by its content hash, compiled lazily
 * on first use and shared by every tenant: memory grows with versions in use, never with tenants.
 */
export class FormValidatorCache {
  private readonly versions = new Map<string, VersionEntry>();

  validator(contentHash: string, serviceCode: string, schema: object): ValidateFunction {
    let entry = this.versions.get(contentHash);
    if (!entry) {
      entry = { ajv: createFormAjv(), validators: new Map() };
      this.versions.set(contentHash, entry);
    }
    let v = entry.validators.get(serviceCode);
    if (!v) {
      v = entry.ajv.compile(schema);
      entry.validators.set(serviceCode, v);
    }
    return v;
  }

  /** Validates form data; [] when valid. */
  validate(contentHash: string, serviceCode: string, schema: object, data: unknown): FieldError[] {
    const v = this.validator(contentHash, serviceCode, schema);
    return v(data) ? [] : formErrors(v.errors);
  }

  stats(): { versions: number; validators: number } {
    let validators = 0;
    for (const e of this.versions.values()) validators += e.validators.size;
    return { versions: this.versions.size, validators };
  }
}
