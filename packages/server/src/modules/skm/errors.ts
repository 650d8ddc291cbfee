import { defineProblem } from '@satupintu/core';

export const invitationNotFound = defineProblem({
  code: 'SKM_INVITATION_NOT_FOUND',
  status: 404,
  title: { id: 'Undangan survei tidak ditemukan', en: 'Survey invitation not found' },
  description: {
    id: 'Token undangan tidak dikenal di tenant ini (atau undangan permohonan ini bukan untuk Anda). Periksa token dari pesan atau kode QR.',
    en: 'The invitation token is unknown in this tenant (or the application’s invitation is not yours to see). Check the token from the message or QR code.',
  },
});

export const alreadyAnswered = defineProblem({
  code: 'SKM_ALREADY_ANSWERED',
  status: 409,
  title: { id: 'Survei untuk layanan ini sudah diisi', en: 'This survey has already been answered' },
  description: {
    id: 'Undangan ini sudah dijawab dengan jawaban lain; satu undangan, satu jawaban. Mengirim jawaban yang sama lagi mengembalikan jawaban pertama.',
    en: 'This invitation was answered with other answers; one invitation, one response. Sending the same answers again returns the first response.',
  },
});

export const invitationExpired = defineProblem({
  code: 'SKM_INVITATION_EXPIRED',
  status: 409,
  title: { id: 'Undangan survei sudah kedaluwarsa', en: 'The survey invitation has expired' },
  description: { id: 'Undangan berlaku 30 hari setelah layanan selesai.', en: 'An invitation is open for 30 days after the service completed.' },
});

export const periodInvalid = defineProblem(
  {
    code: 'PERIOD_INVALID',
    status: 400,
    title: { id: 'Periode tidak valid', en: 'Invalid period' },
    description: { id: '`to` tidak boleh sebelum `from`, dan periode paling panjang 366 hari.', en: '`to` must not precede `from`, and a period spans at most 366 days.' },
  },
  (pointer: string = '/query/to') => ({
    errors: [{ pointer, message: { id: 'Tanggal akhir harus sama atau setelah tanggal awal (maks. 366 hari).', en: 'The end date must not precede the start (at most 366 days).' } }],
  }),
);

export const followUpNotFound = defineProblem({ code: 'SKM_FOLLOWUP_NOT_FOUND', status: 404, title: { id: 'Tindak lanjut tidak ditemukan', en: 'Follow-up not found' } });

export const followUpClosed = defineProblem({
  code: 'SKM_FOLLOWUP_CLOSED',
  status: 409,
  title: { id: 'Tindak lanjut sudah ditutup', en: 'The follow-up is already closed' },
  description: {
    id: 'Tindak lanjut hanya ditutup sekali. Ulangi dengan Idempotency-Key yang sama untuk mendapat jawaban pertama.',
    en: 'A follow-up is closed once. Retry with the same Idempotency-Key to get the first answer.',
  },
});

export const followUpDueInvalid = defineProblem(
  {
    code: 'SKM_FOLLOWUP_DUE_INVALID',
    status: 400,
    title: { id: 'Tenggat tindak lanjut tidak valid', en: 'Invalid follow-up due date' },
    description: { id: 'Tenggat tidak boleh sebelum akhir periode survei.', en: 'The due date must not precede the end of the survey period.' },
  },
  (periodTo: string) => ({
    errors: [{ pointer: '/dueOn', message: { id: `Tenggat harus sama atau setelah ${periodTo} (akhir periode).`, en: `The due date must be on or after ${periodTo} (the end of the period).` } }],
  }),
);

export const publicationInvalid = defineProblem(
  {
    code: 'SKM_PUBLICATION_INVALID',
    status: 400,
    title: { id: 'Catatan publikasi SKM tidak valid', en: 'Invalid SKM publication record' },
    description: {
      id: 'Publikasi di situs web atau media sosial dicatat dengan URL https; tanggal publikasi tidak boleh sebelum akhir periode survei atau setelah hari ini.',
      en: 'A website or social-media publication is recorded with an https URL; the publication date must not precede the end of the survey period nor be after today.',
    },
  },
  (pointer: string, id: string, en: string) => ({ errors: [{ pointer, message: { id, en } }] }),
);
