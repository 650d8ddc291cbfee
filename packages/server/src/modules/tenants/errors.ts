import { ConflictError, InputError, NotFoundError } from '@satupintu/core';

export const regionCodeUnknown = (code: string) =>
  new InputError({
    status: 422,
    code: 'REGION_CODE_UNKNOWN',
    title: { id: 'Kode wilayah tidak dikenal', en: 'Unknown region code' },
    detail: {
      id: `${code} bukan kode kabupaten/kota dalam Kepmendagri 300.2.2-2138/2025.`,
      en: `${code} is not a regency/city code of Kepmendagri 300.2.2-2138/2025.`,
    },
    errors: [{ pointer: '/code', message: { id: 'Kode kabupaten/kota tidak dikenal.', en: 'Unknown regency/city code.' } }],
  });

export const regionUnknown = (region: string, known: string[]) =>
  new InputError({
    status: 422,
    code: 'REGION_UNKNOWN',
    title: { id: 'Region platform tidak dikenal', en: 'Unknown platform region' },
    detail: { id: `Region ${region} tidak ada. Pilihan: ${known.join(', ')}.`, en: `Region ${region} does not exist. Choose one of: ${known.join(', ')}.` },
    errors: [{ pointer: '/homeRegion', message: { id: 'Region tidak dikenal.', en: 'Unknown region.' } }],
  });

export const slugTaken = (slug: string) =>
  new ConflictError({
    code: 'TENANT_SLUG_TAKEN',
    title: { id: 'Slug tenant sudah dipakai', en: 'Tenant slug already in use' },
    detail: { id: `Slug ${slug} sudah dipakai tenant lain.`, en: `Slug ${slug} is already used by another tenant.` },
    errors: [{ pointer: '/slug', message: { id: 'Sudah dipakai.', en: 'Already in use.' } }],
  });

export const codeTaken = (code: string) =>
  new ConflictError({
    code: 'TENANT_CODE_TAKEN',
    title: { id: 'Kabupaten/kota ini sudah menjadi tenant', en: 'This regency/city is already a tenant' },
    detail: { id: `Wilayah ${code} sudah terdaftar sebagai tenant.`, en: `Region code ${code} is already registered as a tenant.` },
    errors: [{ pointer: '/code', message: { id: 'Sudah terdaftar.', en: 'Already registered.' } }],
  });

export const tenantNotFound = (slug: string) =>
  new NotFoundError({
    code: 'TENANT_NOT_FOUND',
    title: { id: 'Tenant tidak ditemukan', en: 'Tenant not found' },
    detail: { id: `Tidak ada tenant ${slug}.`, en: `There is no tenant ${slug}.` },
  });

export const committedButProposed = () =>
  new InputError({
    status: 422,
    code: 'BODY_INVALID',
    title: { id: 'Data tenant tidak valid', en: 'Invalid tenant data' },
    errors: [{ pointer: '/mppStatus', message: { id: 'Tenant yang sudah berkomitmen tidak lagi berstatus proposed.', en: 'A tenant with a commitment date is past proposed.' } }],
  });

export const modelIsSelf = () =>
  new InputError({
    status: 422,
    code: 'MODEL_INVALID',
    title: { id: 'Tenant percontohan tidak valid', en: 'Invalid role-model tenant' },
    errors: [{ pointer: '/copyOf', message: { id: 'Tenant percontohan harus tenant lain yang sudah ada.', en: 'The role model must be another existing tenant.' } }],
  });
