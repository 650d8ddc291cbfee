import type Type from 'typebox';
import { InputError, ajvErrorsToFieldErrors, createAjv } from '@satupintu/core';

const ajv = createAjv({ coerceTypes: false, useDefaults: true });

/**
 * A check of a service's own input against the same schema its route validates with, for callers
 * that reach the service without HTTP (the CLI): the same BODY_INVALID problem, field by field.
 */
export function inputChecker<T extends Type.TSchema>(schema: T): (value: Type.Static<T>) => void {
  const v = ajv.compile(schema);
  return (value) => {
    if (!v(value))
      throw new InputError({ status: 422, code: 'BODY_INVALID', title: { id: 'Data permintaan tidak valid', en: 'The request data is invalid' }, errors: ajvErrorsToFieldErrors(v.errors) });
  };
}
