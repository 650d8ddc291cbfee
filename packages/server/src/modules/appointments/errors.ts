import { ConflictError, InputError, NotFoundError } from '@satupintu/core';
import type { SessionView } from './view.js';

export const sessionNotFound = () => new NotFoundError({ code: 'SESSION_NOT_FOUND', title: { id: 'Sesi tidak ditemukan', en: 'Session not found' } });

export const bookingNotFound = () => new NotFoundError({ code: 'BOOKING_NOT_FOUND', title: { id: 'Pemesanan tidak ditemukan', en: 'Booking not found' } });

/** No seat left (or the session is cancelled): names the next session with an online seat. */
export const sessionFull = (next: SessionView | null) =>
  new ConflictError({
    code: 'SESSION_FULL',
    title: { id: 'Sesi penuh', en: 'The session is full' },
    detail: next
      ? { id: `Sesi berikutnya yang masih tersedia: ${next.date} ${next.start}.`, en: `Next session with seats: ${next.date} ${next.start}.` }
      : { id: 'Belum ada sesi lain yang tersedia.', en: 'No other session has seats yet.' },
    extensions: { nextSession: next },
  });

export const alreadyBooked = () => new ConflictError({ code: 'ALREADY_BOOKED', title: { id: 'Anda sudah memesan sesi ini', en: 'You already booked this session' } });

export const bookingNotActive = () => new ConflictError({ code: 'BOOKING_NOT_ACTIVE', title: { id: 'Pemesanan tidak aktif', en: 'The booking is not active' } });

export const walkInByOfficer = () =>
  new InputError({ status: 422, code: 'WALK_IN_BY_OFFICER', title: { id: 'Pendaftaran langsung dicatat petugas', en: 'Walk-ins are registered by an officer' } });
