import { ConflictError, InputError, NotFoundError } from '@satupintu/core';

export const invitationNotFound = () => new NotFoundError({ code: 'SKM_INVITATION_NOT_FOUND', title: { id: 'Undangan survei tidak ditemukan', en: 'Survey invitation not found' } });

export const alreadyAnswered = () => new ConflictError({ code: 'SKM_ALREADY_ANSWERED', title: { id: 'Survei untuk layanan ini sudah diisi', en: 'This survey has already been answered' } });

export const invitationExpired = () => new ConflictError({ code: 'SKM_INVITATION_EXPIRED', title: { id: 'Undangan survei sudah kedaluwarsa', en: 'The survey invitation has expired' } });

export const periodInvalid = () =>
  new InputError({
    code: 'PERIOD_INVALID',
    title: { id: 'Periode tidak valid', en: 'Invalid period' },
    errors: [{ pointer: '/query/to', message: { id: 'Tanggal akhir harus sama atau setelah tanggal awal (maks. 366 hari).', en: 'The end date must not precede the start (at most 366 days).' } }],
  });

export const followUpNotFound = () => new NotFoundError({ code: 'SKM_FOLLOWUP_NOT_FOUND', title: { id: 'Tindak lanjut tidak ditemukan', en: 'Follow-up not found' } });

export const followUpClosed = () => new ConflictError({ code: 'SKM_FOLLOWUP_CLOSED', title: { id: 'Tindak lanjut sudah ditutup', en: 'The follow-up is already closed' } });
