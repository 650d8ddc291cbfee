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

// --- Sandbox tenants (issue 23, ADR 0031) ---------------------------------------------------------

export const notASandbox = defineProblem(
  {
    code: 'NOT_A_SANDBOX',
    status: 409,
    title: { id: 'Tenant produksi: jam dan keberadaannya tidak dapat diubah di sini', en: 'A production tenant: its clock and existence cannot be changed here' },
    description: {
      id: 'Hanya tenant sandbox yang memiliki jam sendiri dan dapat dihapus. Buat sandbox dari tenant ini (POST …/sandboxes) untuk berlatih.',
      en: 'Only a sandbox tenant has a clock of its own and can be deleted. Make a sandbox of this tenant (POST …/sandboxes) to rehearse.',
    },
  },
  (slug: string) => ({ detail: { id: `${slug} adalah tenant produksi; jamnya selalu jam platform.`, en: `${slug} is a production tenant; its clock is always the platform's.` } }),
);

export const sandboxOfSandbox = defineProblem(
  { code: 'SANDBOX_OF_SANDBOX', status: 409, title: { id: 'Sandbox tidak dapat dibuat dari sandbox', en: 'A sandbox cannot be made of a sandbox' } },
  (slug: string, source: string) => ({
    detail: { id: `${slug} sendiri sandbox dari ${source}; buat sandbox dari ${source}.`, en: `${slug} is itself a sandbox of ${source}; make the sandbox of ${source}.` },
  }),
);

export const clockMoved = defineProblem(
  {
    code: 'SANDBOX_CLOCK_MOVED',
    status: 409,
    title: { id: 'Jam sandbox diubah oleh permintaan lain', en: 'The sandbox clock was moved by another request' },
    description: { id: 'Baca jam lagi (GET …/clock) dan kirim ETag barunya di If-Match.', en: 'Read the clock again (GET …/clock) and send its new ETag in If-Match.' },
  },
  (at: string) => ({ detail: { id: `Jam berhenti di ${at}.`, en: `The clock stopped at ${at}.` } }),
);

export const advanceInvalid = defineProblem(
  { code: 'SANDBOX_ADVANCE_INVALID', status: 422, title: { id: 'Langkah jam tidak valid', en: 'Invalid clock step' } },
  (maxDays: number) => ({
    errors: [
      {
        pointer: '/days',
        message: { id: `Majukan jam lebih dari 0 dan paling banyak ${maxDays} hari sekali jalan (hari + jam).`, en: `Advance the clock by more than 0 and at most ${maxDays} days at a time (days + hours).` },
      },
    ],
  }),
);

export const clockOutOfRange = defineProblem(
  { code: 'SANDBOX_CLOCK_OUT_OF_RANGE', status: 422, title: { id: 'Tanggal jam di luar rentang', en: 'Clock date out of range' } },
  (from: string, to: string) => ({
    errors: [{ pointer: '/now', message: { id: `Pilih waktu antara ${from} dan ${to}.`, en: `Choose a time between ${from} and ${to}.` } }],
  }),
);
