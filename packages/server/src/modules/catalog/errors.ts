import { defineProblem, type FieldError } from '@satupintu/core';

export { serviceNotFound } from '../installations/index.js';

/** The form data does not validate against the installed version's JSON Schema (the same kind the applications answer). */
export const formInvalid = defineProblem(
  { code: 'FORM_INVALID', status: 422, title: { id: 'Isian formulir belum benar', en: 'The form data is invalid' }, description: { id: '`errors` menunjuk setiap isian yang salah.', en: '`errors` points at each wrong field.' } },
  (errors: FieldError[]) => ({ errors }),
);
