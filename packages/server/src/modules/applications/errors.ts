import { ConflictError, InputError, NotAllowedError, NotFoundError, ServiceUnavailableError, type FieldError } from '@satupintu/core';

export const applicationNotFound = () =>
  new NotFoundError({
    code: 'APPLICATION_NOT_FOUND',
    title: { id: 'Permohonan tidak ditemukan', en: 'Application not found' },
  });

export const consentRequired = () =>
  new InputError({
    status: 422,
    code: 'CONSENT_REQUIRED',
    title: { id: 'Pengajuan atas nama warga perlu persetujuan dan data pemohon', en: 'Filing for a citizen needs their consent and details' },
    errors: [
      { pointer: '/applicant', message: { id: 'Isi NIK, nama dan nomor HP pemohon.', en: 'Give the applicant’s NIK, name and phone.' } },
      { pointer: '/consent', message: { id: 'Catat persetujuan pemohon.', en: 'Record the applicant’s consent.' } },
    ],
  });

export const channelNotOffered = (channel: string) =>
  new InputError({
    status: 422,
    code: 'CHANNEL_NOT_OFFERED',
    title: { id: 'Layanan ini tidak melayani kanal tersebut', en: 'This service is not offered on that channel' },
    detail: { id: `Kanal ${channel} tidak tersedia.`, en: `Channel ${channel} is not available.` },
  });

export const notDraft = () =>
  new ConflictError({
    code: 'APPLICATION_NOT_EDITABLE',
    title: { id: 'Permohonan tidak dapat diubah pada tahap ini', en: 'The application cannot be changed at this stage' },
  });

export const documentsMissing = (errors: FieldError[]) =>
  new InputError({
    status: 422,
    code: 'DOCUMENTS_MISSING',
    title: { id: 'Dokumen persyaratan belum lengkap', en: 'Required documents are missing' },
    errors,
  });

export const unknownDocument = (code: string) =>
  new NotFoundError({
    code: 'DOCUMENT_TYPE_UNKNOWN',
    title: { id: 'Jenis dokumen tidak dikenal untuk layanan ini', en: 'Unknown document type for this service' },
    detail: { id: `Layanan ini tidak meminta dokumen ${code}.`, en: `This service does not ask for document ${code}.` },
  });

export const tooManyFiles = (code: string, max: number) =>
  new ConflictError({
    code: 'DOCUMENT_COUNT_EXCEEDED',
    title: { id: 'Jumlah berkas melebihi batas', en: 'Too many files' },
    detail: { id: `Dokumen ${code} paling banyak ${max} berkas.`, en: `Document ${code} takes at most ${max} file(s).` },
    errors: [{ pointer: `/documents/${code}`, message: { id: `Maksimal ${max}.`, en: `At most ${max}.` } }],
  });

export const uploadEmpty = () =>
  new InputError({ code: 'UPLOAD_EMPTY', title: { id: 'Berkas kosong', en: 'The file is empty' }, errors: [{ pointer: '/body', message: { id: 'Berkas tidak berisi data.', en: 'The file has no content.' } }] });

export const uploadTooLarge = (limitMb: number) =>
  new InputError({
    status: 413,
    code: 'UPLOAD_TOO_LARGE',
    title: { id: 'Berkas terlalu besar', en: 'The file is too large' },
    detail: { id: `Maksimal ${limitMb} MB.`, en: `At most ${limitMb} MB.` },
    errors: [{ pointer: '/body', message: { id: `Maksimal ${limitMb} MB.`, en: `At most ${limitMb} MB.` } }],
  });

export const uploadTypeRefused = (detected: string, accepted: string[]) =>
  new InputError({
    status: 415,
    code: 'UPLOAD_TYPE_NOT_ACCEPTED',
    title: { id: 'Jenis berkas tidak diterima', en: 'File type not accepted' },
    detail: {
      id: `Isi berkas terbaca sebagai ${detected}; yang diterima: ${accepted.join(', ')}. Jenis ditentukan dari isi berkas, bukan namanya.`,
      en: `The content reads as ${detected}; accepted: ${accepted.join(', ')}. The type is decided by content, not the file name.`,
    },
    errors: [{ pointer: '/body', message: { id: `Terbaca sebagai ${detected}.`, en: `Detected as ${detected}.` } }],
  });

export const storageUnavailable = (cause: unknown) =>
  new ServiceUnavailableError({
    code: 'STORAGE_UNAVAILABLE',
    title: { id: 'Penyimpanan dokumen sedang tidak tersedia', en: 'Document storage is unavailable' },
    detail: { id: 'Coba lagi sebentar lagi; tidak ada yang tersimpan setengah.', en: 'Try again shortly; nothing was half-stored.' },
    headers: { 'Retry-After': '10' },
    cause,
  });

export const journeySourceInvalid = (reason: { id: string; en: string }) =>
  new InputError({
    status: 422,
    code: 'JOURNEY_SOURCE_INVALID',
    title: { id: 'Dokumen dari layanan lain tidak dapat dipakai', en: 'The other service’s output cannot be used' },
    detail: reason,
    errors: [{ pointer: '/trackingCode', message: reason }],
  });

export const journeyTooOld = (days: number, max: number) =>
  new InputError({
    status: 422,
    code: 'JOURNEY_OUTPUT_TOO_OLD',
    title: { id: 'Dokumen sudah melewati batas umur', en: 'The document is too old' },
    detail: { id: `Diterbitkan ${days} hari lalu; batasnya ${max} hari.`, en: `Issued ${days} days ago; the limit is ${max} days.` },
    errors: [{ pointer: '/trackingCode', message: { id: `Maksimal ${max} hari.`, en: `At most ${max} days old.` } }],
  });

export const actionNotAllowed = (action: string, state: string, allowed: string[]) =>
  new ConflictError({
    code: 'ACTION_NOT_ALLOWED',
    title: { id: 'Tindakan tidak dapat dilakukan sekarang', en: 'This action is not allowed now' },
    detail: {
      id: `${action} tidak tersedia pada tahap ${state}. Tersedia: ${allowed.join(', ') || '-'}.`,
      en: `${action} is not available in state ${state}. Available: ${allowed.join(', ') || '-'}.`,
    },
    extensions: { state, allowedActions: allowed },
  });

export const commentRequired = () =>
  new InputError({
    status: 422,
    code: 'COMMENT_REQUIRED',
    title: { id: 'Tindakan ini perlu catatan', en: 'This action needs a comment' },
    errors: [{ pointer: '/comment', message: { id: 'Wajib diisi.', en: 'Is required.' } }],
  });

export const guardFailed = (errors: FieldError[]) =>
  new ConflictError({
    code: 'ACTION_GUARD_FAILED',
    title: { id: 'Syarat tindakan belum terpenuhi', en: 'The action’s condition is not met' },
    errors,
  });

export const versionConflict = () =>
  new ConflictError({
    code: 'VERSION_CONFLICT',
    title: { id: 'Permohonan telah diubah orang lain', en: 'The application was changed by someone else' },
    detail: { id: 'Muat ulang lalu coba lagi.', en: 'Reload and try again.' },
  });

export const staffAgencyMismatch = () =>
  new NotAllowedError({
    code: 'AGENCY_NOT_ALLOWED',
    title: { id: 'Anda tidak bertugas di instansi layanan ini', en: 'You do not serve this service’s agency' },
  });
