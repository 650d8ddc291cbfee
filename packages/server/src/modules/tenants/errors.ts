import { defineProblem } from '@satupintu/core';

import { bodyInvalid } from '../../http/problems.js';

export { tenantNotFound } from '../../http/problems.js';

export const regionCodeUnknown = defineProblem(
  { code: 'REGION_CODE_UNKNOWN', status: 422, title: { id: 'Kode wilayah tidak dikenal', en: 'Unknown region code' } },
  (code: string) => ({
    detail: {
      id: `${code} bukan kode kabupaten/kota dalam Kepmendagri 300.2.2-2138/2025.`,
      en: `${code} is not a regency/city code of Kepmendagri 300.2.2-2138/2025.`,
    },
    errors: [{ pointer: '/code', message: { id: 'Kode kabupaten/kota tidak dikenal.', en: 'Unknown regency/city code.' } }],
  }),
);

export const regionUnknown = defineProblem(
  { code: 'REGION_UNKNOWN', status: 422, title: { id: 'Region platform tidak dikenal', en: 'Unknown platform region' } },
  (region: string, known: string[]) => ({
    detail: { id: `Region ${region} tidak ada. Pilihan: ${known.join(', ')}.`, en: `Region ${region} does not exist. Choose one of: ${known.join(', ')}.` },
    errors: [{ pointer: '/homeRegion', message: { id: 'Region tidak dikenal.', en: 'Unknown region.' } }],
  }),
);

export const slugTaken = defineProblem(
  { code: 'TENANT_SLUG_TAKEN', status: 409, title: { id: 'Slug tenant sudah dipakai', en: 'Tenant slug already in use' } },
  (slug: string) => ({
    detail: { id: `Slug ${slug} sudah dipakai tenant lain.`, en: `Slug ${slug} is already used by another tenant.` },
    errors: [{ pointer: '/slug', message: { id: 'Sudah dipakai.', en: 'Already in use.' } }],
  }),
);

export const codeTaken = defineProblem(
  { code: 'TENANT_CODE_TAKEN', status: 409, title: { id: 'Kabupaten/kota ini sudah menjadi tenant', en: 'This regency/city is already a tenant' } },
  (code: string) => ({
    detail: { id: `Wilayah ${code} sudah terdaftar sebagai tenant.`, en: `Region code ${code} is already registered as a tenant.` },
    errors: [{ pointer: '/code', message: { id: 'Sudah terdaftar.', en: 'Already registered.' } }],
  }),
);

/** A body that passes the schema but not a rule across its fields: the same BODY_INVALID, pointing at the field. */
export const committedButProposed = () =>
  bodyInvalid([{ pointer: '/mppStatus', message: { id: 'Tenant yang sudah berkomitmen tidak lagi berstatus proposed.', en: 'A tenant with a commitment date is past proposed.' } }]);

export const modelIsSelf = defineProblem(
  { code: 'MODEL_INVALID', status: 422, title: { id: 'Tenant percontohan tidak valid', en: 'Invalid role-model tenant' } },
  () => ({ errors: [{ pointer: '/copyOf', message: { id: 'Tenant percontohan harus tenant lain yang sudah ada.', en: 'The role model must be another existing tenant.' } }] }),
);

export const originInvalid = defineProblem(
  { code: 'ORIGIN_INVALID', status: 422, title: { id: 'Asal (origin) tidak valid', en: 'Invalid origin' } },
  (index: number, origin: string) => ({
    detail: { id: `${origin} bukan origin https://host[:port] tanpa jalur.`, en: `${origin} is not an https://host[:port] origin without a path.` },
    errors: [{ pointer: `/allowedOrigins/${index}`, message: { id: 'Tulis sebagai https://nama.host (tanpa garis miring akhir).', en: 'Write it as https://host.name (no trailing slash).' } }],
  }),
);

export const moveSameRegion = defineProblem(
  { code: 'TENANT_MOVE_SAME_REGION', status: 422, title: { id: 'Tenant sudah berada di region itu', en: 'The tenant already lives in that region' } },
  (slug: string, region: string) => ({
    detail: { id: `${slug} sudah ber-region asal ${region}; tidak ada yang dipindahkan.`, en: `${slug} already has ${region} as its home region; nothing to move.` },
    errors: [{ pointer: '/region', message: { id: 'Pilih region lain.', en: 'Choose another region.' } }],
  }),
);

export const moveInProgress = defineProblem(
  { code: 'TENANT_MOVE_IN_PROGRESS', status: 409, title: { id: 'Pemindahan tenant sedang berjalan', en: 'A move of this tenant is in progress' } },
  (slug: string, what: { id: string; en: string }) => ({ detail: { id: `${slug}: ${what.id}`, en: `${slug}: ${what.en}` } }),
);

export const moveVerifyFailed = defineProblem(
  {
    code: 'TENANT_MOVE_VERIFY_FAILED',
    status: 409,
    title: { id: 'Salinan tenant tidak sama dengan sumbernya; pemindahan dibatalkan', en: 'The copy of the tenant differs from its source; the move was aborted' },
    description: { id: 'Region asal tetap menjadi rumah tenant, salinan di region tujuan dihapus, dan perubahan diterima lagi.', en: 'The source region stays the home, the copy in the target is removed, and writes are accepted again.' },
  },
  (differences: string[]) => ({
    detail: { id: `${differences.length} perbedaan antara sumber dan salinan.`, en: `${differences.length} difference(s) between source and copy.` },
    extensions: { differences },
  }),
);
