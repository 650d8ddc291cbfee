import { ConflictError, InputError, NotAllowedError, NotFoundError, type FieldError } from '@satupintu/core';
import type { LintIssue } from '@satupintu/plugin-sdk';

export const manifestInvalid = (issues: LintIssue[]) =>
  new InputError({
    status: 422,
    code: 'PLUGIN_MANIFEST_INVALID',
    title: { id: 'Manifest plugin tidak valid', en: 'Invalid plugin manifest' },
    detail: { id: `${issues.length} masalah ditemukan.`, en: `${issues.length} problem(s) found.` },
    errors: issues.map((i): FieldError => ({ pointer: i.pointer, message: i.message })),
  });

export const versionImmutable = (id: string, version: string, existing: string, given: string) =>
  new ConflictError({
    code: 'PLUGIN_VERSION_IMMUTABLE',
    title: { id: 'Versi yang sudah terbit tidak dapat diubah', en: 'A published version cannot change' },
    detail: {
      id: `${id}@${version} sudah terbit dengan isi lain (${existing}). Naikkan versinya.`,
      en: `${id}@${version} was published with other content (${existing}); yours is ${given}. Raise the version.`,
    },
    errors: [{ pointer: '/version', message: { id: 'Naikkan versi.', en: 'Raise the version.' } }],
  });

export const pluginOwnedElsewhere = (id: string, agency: string) =>
  new ConflictError({
    code: 'PLUGIN_ID_TAKEN',
    title: { id: 'Id plugin milik instansi lain', en: 'Plugin id belongs to another agency' },
    detail: { id: `Plugin ${id} diterbitkan oleh ${agency}.`, en: `Plugin ${id} is published by ${agency}.` },
    errors: [{ pointer: '/id', message: { id: 'Milik instansi lain.', en: 'Owned by another agency.' } }],
  });

export const notPublisherOf = (agency: string) =>
  new NotAllowedError({
    code: 'AGENCY_NOT_ALLOWED',
    title: { id: 'Anda bukan penerbit instansi ini', en: 'You do not publish for this agency' },
    detail: { id: `Hanya penerbit ${agency} atau admin platform.`, en: `Only ${agency}'s publishers or a platform admin.` },
  });

export const pluginNotFound = (id: string, version?: string) =>
  new NotFoundError({
    code: 'PLUGIN_NOT_FOUND',
    title: { id: 'Plugin tidak ditemukan', en: 'Plugin not found' },
    detail: { id: `Tidak ada ${version ? `${id}@${version}` : id} di registri.`, en: `No ${version ? `${id}@${version}` : id} in the registry.` },
  });
