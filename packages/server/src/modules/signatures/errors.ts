import { defineProblem } from '@satupintu/core';

export const signingKeyInvalid = defineProblem(
  {
    code: 'SIGNING_KEY_INVALID',
    status: 422,
    title: { id: 'Kunci tanda tangan elektronik tidak dapat dipakai', en: 'The signing key cannot be used' },
    description: {
      id: 'Berkas PKCS#12 (.p12) tidak terbaca, kata sandinya salah, kuncinya tidak cocok dengan sertifikat, atau sertifikatnya belum/tidak lagi berlaku.',
      en: 'The PKCS#12 (.p12) file cannot be read, its passphrase is wrong, its key does not match its certificate, or the certificate is not (or no longer) valid.',
    },
  },
  (reason: string) => ({ detail: { id: `Kunci ditolak: ${reason}.`, en: `Key refused: ${reason}.` }, errors: [{ pointer: '/p12', message: { id: `Kunci ditolak: ${reason}.`, en: `Key refused: ${reason}.` } }] }),
);

export const signingKeyTestCa = defineProblem(
  {
    code: 'SIGNING_KEY_TEST_CA',
    status: 422,
    title: { id: 'Sertifikat uji tidak boleh dipakai di produksi', en: 'A test certificate cannot be used in production' },
    description: {
      id: 'Sertifikat ini diterbitkan CA uji Satupintu (test kit atau mode demo), bukan BSrE. Dokumen yang ditandatanganinya tidak sah secara hukum (UU 11/2008 jo. UU 1/2024; PP 71/2019).',
      en: 'This certificate comes from the Satupintu test CA (test kit or demo mode), not BSrE. Documents it signs have no legal standing (Law 11/2008 as amended by Law 1/2024; Government Regulation 71/2019).',
    },
  },
  () => ({ errors: [{ pointer: '/p12', message: { id: 'Unggah sertifikat BSrE instansi.', en: 'Upload the agency’s BSrE certificate.' } }] }),
);

export const signingKeyNotSet = defineProblem(
  { code: 'SIGNING_KEY_NOT_SET', status: 404, title: { id: 'Instansi ini belum punya kunci tanda tangan', en: 'This agency has no signing key yet' } },
  (agency: string) => ({ detail: { id: `Belum ada kunci untuk ${agency}.`, en: `No key for ${agency} yet.` } }),
);

export const verificationNotFound = defineProblem(
  {
    code: 'VERIFICATION_NOT_FOUND',
    status: 404,
    title: { id: 'Dokumen tidak ditemukan', en: 'Document not found' },
    description: { id: 'Tidak ada dokumen terbitan dengan kode verifikasi ini di tenant ini: dokumen mungkin palsu.', en: 'No issued document has this verification code in this tenant: the document may be forged.' },
  },
  () => ({}),
);

export const checkBodyTooLarge = defineProblem(
  { code: 'CHECK_TOO_LARGE', status: 413, title: { id: 'Berkas terlalu besar untuk diperiksa', en: 'The file is too large to check' } },
  (max: number) => ({ detail: { id: `Maksimal ${max / 1024 / 1024} MB.`, en: `At most ${max / 1024 / 1024} MB.` } }),
);
