import { defineProblem } from '@satupintu/core';

/** `from` after `to` in the access log's filters. */
export const accessLogRangeInvalid = defineProblem(
  { code: 'ACCESS_LOG_RANGE_INVALID', status: 400, title: { id: 'Rentang waktu tidak valid', en: 'Invalid time range' } },
  () => ({
    detail: { id: '`from` harus sebelum `to`.', en: '`from` must be before `to`.' },
    errors: [{ pointer: '/query/from', message: { id: 'Harus sebelum `to`.', en: 'Must be before `to`.' } }],
  }),
);

/** No line of the retention schedule has this code. */
export const retentionUnknown = defineProblem(
  { code: 'RETENTION_UNKNOWN', status: 404, title: { id: 'Baris jadwal retensi tidak dikenal', en: 'Unknown retention schedule line' } },
  (code: string) => ({ detail: { id: `Tidak ada baris jadwal retensi \`${code}\`.`, en: `No retention schedule line \`${code}\`.` } }),
);

/** A line whose period the platform fixes (a kept arsip record, or SKM anonymity). */
export const retentionFixed = defineProblem(
  {
    code: 'RETENTION_FIXED',
    status: 409,
    title: { id: 'Masa retensi ini tidak dapat diubah', en: 'This retention period cannot be changed' },
    description: {
      id: 'Arsip (permohonan, produk layanan, pengaduan) dimusnahkan hanya menurut JRA di luar platform; token dan undangan SKM dihapus segera demi anonimitas.',
      en: 'Arsip (applications, issued outputs, complaints) is destroyed only under the JRA, outside the platform; SKM tokens and invitations go at once for anonymity.',
    },
  },
  (code: string) => ({ detail: { id: `Masa retensi \`${code}\` ditetapkan platform.`, en: `The period of \`${code}\` is fixed by the platform.` } }),
);

/** A period outside the line's bounds. */
export const retentionOutOfRange = defineProblem(
  { code: 'RETENTION_OUT_OF_RANGE', status: 422, title: { id: 'Masa retensi di luar batas', en: 'Retention period out of bounds' } },
  (min: number, max: number) => ({
    detail: { id: `Masa retensi baris ini antara ${min} dan ${max} hari.`, en: `This line's period is between ${min} and ${max} days.` },
    errors: [{ pointer: '/days', message: { id: `Antara ${min} dan ${max}.`, en: `Between ${min} and ${max}.` } }],
  }),
);
