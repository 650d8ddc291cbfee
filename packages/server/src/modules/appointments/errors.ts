import { defineProblem } from '@satupintu/core';
import type { SessionView } from './view.js';

export const sessionNotFound = defineProblem({
  code: 'SESSION_NOT_FOUND',
  status: 404,
  title: { id: 'Sesi tidak ditemukan', en: 'Session not found' },
  description: { id: 'Tidak ada sesi itu di tenant ini (bagi petugas instansi lain pun sesi itu tidak ada).', en: 'No such session in this tenant (nor, to another agency’s officer, one of theirs).' },
});

export const bookingNotFound = defineProblem({
  code: 'BOOKING_NOT_FOUND',
  status: 404,
  title: { id: 'Pemesanan tidak ditemukan', en: 'Booking not found' },
  description: { id: 'Pemesanan orang lain, atau milik instansi lain bagi petugas, juga tidak ada.', en: 'Someone else’s booking, or another agency’s for an officer, does not exist either.' },
});

/** No seat left (or the session is cancelled): names the next session with an online seat. */
export const sessionFull = defineProblem(
  {
    code: 'SESSION_FULL',
    status: 409,
    title: { id: 'Sesi penuh', en: 'The session is full' },
    description: { id: '`nextSession` menyebut sesi berikutnya yang masih punya kursi daring (atau null).', en: '`nextSession` names the next session with an online seat left (or null).' },
  },
  (next: SessionView | null) => ({
    detail: next
      ? { id: `Sesi berikutnya yang masih tersedia: ${next.date} ${next.start}.`, en: `Next session with seats: ${next.date} ${next.start}.` }
      : { id: 'Belum ada sesi lain yang tersedia.', en: 'No other session has seats yet.' },
    extensions: { nextSession: next },
  }),
);

export const alreadyBooked = defineProblem({ code: 'ALREADY_BOOKED', status: 409, title: { id: 'Anda sudah memesan sesi ini', en: 'You already booked this session' } });

export const bookingNotActive = defineProblem({
  code: 'BOOKING_NOT_ACTIVE',
  status: 409,
  title: { id: 'Pemesanan tidak aktif', en: 'The booking is not active' },
  description: { id: 'Pemesanan sudah dibatalkan, dijadwalkan ulang, dilayani, atau ditandai tidak hadir.', en: 'The booking was already cancelled, rescheduled, served or marked a no-show.' },
});

export const walkInByOfficer = defineProblem({ code: 'WALK_IN_BY_OFFICER', status: 422, title: { id: 'Pendaftaran langsung dicatat petugas', en: 'Walk-ins are registered by an officer' } });
