import { defineProblem, type FieldError, type LocalizedText } from '@satupintu/core';

/**
 * The problems of applications, documents and SOP actions. Codes are stable (clients and
 * docs/api.md depend on them): never rename one.
 */

export const applicationNotFound = defineProblem({
  code: 'APPLICATION_NOT_FOUND',
  status: 404,
  title: { id: 'Permohonan tidak ditemukan', en: 'Application not found' },
  description: { id: 'Tidak ada, atau bukan milik/tugas Anda (permohonan orang lain tidak terlihat).', en: 'It does not exist, or it is not yours to see (someone else’s application looks absent).' },
});

/**
 * The application is visible to the caller but not theirs to write: only its citizen (online) or
 * the staff member who filed it with the citizen's recorded consent (assisted, counter) changes a
 * draft's form or documents; after submission the form changes only through an SOP action.
 */
export const editNotAllowed = defineProblem({
  code: 'APPLICATION_EDIT_NOT_ALLOWED',
  status: 403,
  title: { id: 'Hanya pemohon, atau petugas yang mengajukan atas persetujuannya, yang dapat mengubah permohonan ini', en: 'Only the applicant, or the staff member filing with their consent, may change this application' },
  description: {
    id: 'Petugas yang menangani, admin tenant, atau petugas lain tidak dapat mengubah isian atau dokumen permohonan warga; setelah diajukan, isian hanya berubah lewat tindakan SOP (perubahan tercatat di riwayat).',
    en: 'Handling officers, the tenant admin or other staff cannot change a citizen’s form or documents; after submission the form changes only through an SOP action (the change is on the timeline).',
  },
});

export const consentRequired = defineProblem(
  { code: 'CONSENT_REQUIRED', status: 422, title: { id: 'Pengajuan atas nama warga perlu persetujuan dan data pemohon', en: 'Filing for a citizen needs their consent and details' } },
  () => ({
    errors: [
      { pointer: '/applicant', message: { id: 'Isi NIK, nama dan nomor HP pemohon.', en: 'Give the applicant’s NIK, name and phone.' } },
      { pointer: '/consent', message: { id: 'Catat persetujuan pemohon.', en: 'Record the applicant’s consent.' } },
    ],
  }),
);

export const applicantNotAllowed = defineProblem({
  code: 'APPLICANT_NOT_ALLOWED',
  status: 422,
  title: { id: 'Hanya petugas yang dapat mengajukan atas nama warga', en: 'Only staff may file on behalf of a citizen' },
});

export const applicantRequired = defineProblem({ code: 'APPLICANT_REQUIRED', status: 422, title: { id: 'Sebutkan pemohon', en: 'Name the applicant' } });

export const channelNotOffered = defineProblem(
  { code: 'CHANNEL_NOT_OFFERED', status: 422, title: { id: 'Layanan ini tidak melayani kanal tersebut', en: 'This service is not offered on that channel' } },
  (channel: string) => ({ detail: { id: `Kanal ${channel} tidak tersedia.`, en: `Channel ${channel} is not available.` } }),
);

export const notDraft = defineProblem({
  code: 'APPLICATION_NOT_EDITABLE',
  status: 409,
  title: { id: 'Permohonan tidak dapat diubah pada tahap ini', en: 'The application cannot be changed at this stage' },
});

/**
 * The form data does not validate against the application's plugin version. The catalog's
 * validation route answers the same code (it is not yet a shared factory there).
 */
export const formInvalid = defineProblem(
  { code: 'FORM_INVALID', status: 422, title: { id: 'Isian formulir belum benar', en: 'The form data is invalid' }, description: { id: '`errors` menunjuk setiap isian yang salah.', en: '`errors` points at each wrong field.' } },
  (errors: FieldError[]) => ({ errors }),
);

export const documentsMissing = defineProblem(
  { code: 'DOCUMENTS_MISSING', status: 422, title: { id: 'Dokumen persyaratan belum lengkap', en: 'Required documents are missing' } },
  (errors: FieldError[]) => ({ errors }),
);

export const unknownDocument = defineProblem(
  { code: 'DOCUMENT_TYPE_UNKNOWN', status: 404, title: { id: 'Jenis dokumen tidak dikenal untuk layanan ini', en: 'Unknown document type for this service' } },
  (code: string) => ({ detail: { id: `Layanan ini tidak meminta dokumen ${code}.`, en: `This service does not ask for document ${code}.` } }),
);

export const tooManyFiles = defineProblem(
  { code: 'DOCUMENT_COUNT_EXCEEDED', status: 409, title: { id: 'Jumlah berkas melebihi batas', en: 'Too many files' } },
  (code: string, max: number) => ({
    detail: { id: `Dokumen ${code} paling banyak ${max} berkas.`, en: `Document ${code} takes at most ${max} file(s).` },
    errors: [{ pointer: `/documents/${code}`, message: { id: `Maksimal ${max}.`, en: `At most ${max}.` } }],
  }),
);

export const uploadEmpty = defineProblem({ code: 'UPLOAD_EMPTY', status: 400, title: { id: 'Berkas kosong', en: 'The file is empty' } }, () => ({
  errors: [{ pointer: '/body', message: { id: 'Berkas tidak berisi data.', en: 'The file has no content.' } }],
}));

export const uploadAborted = defineProblem({ code: 'UPLOAD_ABORTED', status: 400, title: { id: 'Unggahan terputus', en: 'The upload was interrupted' } });

export const uploadTooLarge = defineProblem({ code: 'UPLOAD_TOO_LARGE', status: 413, title: { id: 'Berkas terlalu besar', en: 'The file is too large' } }, (limitMb: number) => ({
  detail: { id: `Maksimal ${limitMb} MB.`, en: `At most ${limitMb} MB.` },
  errors: [{ pointer: '/body', message: { id: `Maksimal ${limitMb} MB.`, en: `At most ${limitMb} MB.` } }],
}));

export const uploadTypeRefused = defineProblem(
  {
    code: 'UPLOAD_TYPE_NOT_ACCEPTED',
    status: 415,
    title: { id: 'Jenis berkas tidak diterima', en: 'File type not accepted' },
    description: { id: 'Jenis ditentukan dari isi berkas (magic bytes), bukan nama atau Content-Type.', en: 'The type is decided by the content (magic bytes), not the name or Content-Type.' },
  },
  (detected: string, accepted: readonly string[]) => ({
    detail: {
      id: `Isi berkas terbaca sebagai ${detected}; yang diterima: ${accepted.join(', ')}. Jenis ditentukan dari isi berkas, bukan namanya.`,
      en: `The content reads as ${detected}; accepted: ${accepted.join(', ')}. The type is decided by content, not the file name.`,
    },
    errors: [{ pointer: '/body', message: { id: `Terbaca sebagai ${detected}.`, en: `Detected as ${detected}.` } }],
  }),
);

/** The object store cannot be reached. The complaints module answers the same code for its attachments. */
export const storageUnavailable = defineProblem(
  {
    code: 'STORAGE_UNAVAILABLE',
    status: 503,
    title: { id: 'Penyimpanan dokumen sedang tidak tersedia', en: 'Document storage is unavailable' },
    description: { id: 'Coba lagi setelah Retry-After; tidak ada yang tersimpan setengah.', en: 'Retry after Retry-After; nothing was half-stored.' },
  },
  (cause: unknown) => ({
    detail: { id: 'Coba lagi sebentar lagi; tidak ada yang tersimpan setengah.', en: 'Try again shortly; nothing was half-stored.' },
    headers: { 'Retry-After': '10' },
    cause,
  }),
);

export const journeySourceInvalid = defineProblem(
  { code: 'JOURNEY_SOURCE_INVALID', status: 422, title: { id: 'Dokumen dari layanan lain tidak dapat dipakai', en: 'The other service’s output cannot be used' } },
  (reason: LocalizedText) => ({ detail: reason, errors: [{ pointer: '/trackingCode', message: reason }] }),
);

/**
 * A document breaks its type's validity rules (the plugin's `documents[].validity`; issue 23):
 * too old, dated in the future, from an issuer the service does not accept, or without the number
 * or date the rules require — whichever path it came by (upload, journey, the counter). Each error
 * names the form field (`/data/tglSktlk`) or the document (`/documents/sktlk`) with the reason.
 * Replaces JOURNEY_OUTPUT_TOO_OLD, which only the journey path knew.
 */
export const documentNotValid = defineProblem(
  {
    code: 'DOCUMENT_NOT_VALID',
    status: 422,
    title: { id: 'Dokumen tidak memenuhi syarat keabsahan', en: 'The document does not meet its validity rules' },
    description: {
      id: 'Aturan dari plugin layanan: umur maksimal sejak terbit, instansi penerbit, dan nomor/tanggal yang wajib disebut. Berlaku untuk unggahan, dokumen dari layanan lain, dan isian petugas.',
      en: 'The service plugin’s rules: maximum age from issue, issuing agency, and the number/date that must be stated. They apply to uploads, documents carried from another service and what an officer enters.',
    },
  },
  (errors: FieldError[]) => ({ detail: errors[0]!.message, errors }),
);

/** What the officer records about an issued output does not fit the plugin's schema for it (issue 23). */
export const outputDataInvalid = defineProblem(
  { code: 'OUTPUT_DATA_INVALID', status: 422, title: { id: 'Data produk yang diterbitkan tidak sesuai', en: 'The issued output’s data is not valid' } },
  (errors: FieldError[]) => ({ errors }),
);

/** A consent scan is for an application filed for a citizen (assisted or at the counter), by its filer. */
export const consentScanNotAllowed = defineProblem({
  code: 'CONSENT_SCAN_NOT_ALLOWED',
  status: 409,
  title: { id: 'Pindaian persetujuan hanya untuk pengajuan yang dibantu', en: 'A consent scan belongs to an assisted or counter filing' },
  description: { id: 'Permohonan daring diajukan sendiri oleh warga: tidak ada persetujuan untuk dilampiri.', en: 'An online application is filed by the citizen themselves: there is no consent to attach it to.' },
});

export const actionNotAllowed = defineProblem(
  {
    code: 'ACTION_NOT_ALLOWED',
    status: 409,
    title: { id: 'Tindakan tidak dapat dilakukan sekarang', en: 'This action is not allowed now' },
    description: { id: '`allowedActions` menyebut tindakan yang tersedia bagi Anda pada tahap ini.', en: '`allowedActions` lists what you may do in this state.' },
  },
  (action: string, state: string, allowed: string[]) => ({
    detail: {
      id: `${action} tidak tersedia pada tahap ${state}. Tersedia: ${allowed.join(', ') || '-'}.`,
      en: `${action} is not available in state ${state}. Available: ${allowed.join(', ') || '-'}.`,
    },
    extensions: { state, allowedActions: allowed },
  }),
);

export const commentRequired = defineProblem({ code: 'COMMENT_REQUIRED', status: 422, title: { id: 'Tindakan ini perlu catatan', en: 'This action needs a comment' } }, () => ({
  errors: [{ pointer: '/comment', message: { id: 'Wajib diisi.', en: 'Is required.' } }],
}));

export const guardFailed = defineProblem(
  { code: 'ACTION_GUARD_FAILED', status: 409, title: { id: 'Syarat tindakan belum terpenuhi', en: 'The action’s condition is not met' } },
  (errors: FieldError[]) => ({ errors }),
);

export const versionConflict = defineProblem(
  {
    code: 'VERSION_CONFLICT',
    status: 409,
    title: { id: 'Permohonan telah diubah orang lain', en: 'The application was changed by someone else' },
    description: { id: '`expectedVersion` bukan versi terkini, atau petugas lain bertindak lebih dulu.', en: '`expectedVersion` is not the current version, or another officer acted first.' },
  },
  () => ({ detail: { id: 'Muat ulang lalu coba lagi.', en: 'Reload and try again.' } }),
);

export const alreadyClaimed = defineProblem(
  { code: 'ALREADY_CLAIMED', status: 409, title: { id: 'Sudah diambil petugas lain', en: 'Already claimed by another officer' } },
  (by: string | null) => ({ detail: { id: `Ditangani ${by ?? 'petugas lain'}.`, en: `Handled by ${by ?? 'another officer'}.` } }),
);

/** A receipt is for a submitted application: a draft has no tracking obligations yet. */
export const receiptNotReady = defineProblem({
  code: 'RECEIPT_NOT_READY',
  status: 409,
  title: { id: 'Tanda terima ada setelah permohonan dikirim', en: 'The receipt exists once the application is submitted' },
  description: { id: 'Permohonan ini masih draf: kirim dulu, lalu unduh tanda terimanya.', en: 'This application is still a draft: submit it first, then download its receipt.' },
});
