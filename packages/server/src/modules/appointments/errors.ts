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

/**
 * A person holds at most a few active bookings still to come in a tenant, and one per service per
 * day (AppointmentLimits): seats are for people who come, not for holding.
 */
export const bookingLimitReached = defineProblem(
  {
    code: 'BOOKING_LIMIT_REACHED',
    status: 409,
    title: { id: 'Batas pemesanan tercapai', en: 'Booking limit reached' },
    description: {
      id: 'Setiap orang paling banyak memegang sejumlah pemesanan aktif yang akan datang di satu tenant (`limit`), dan satu per layanan per hari. Batalkan salah satu, atau jadwalkan ulang.',
      en: 'Each person holds at most `limit` active bookings still to come in one tenant, and one per service per day. Cancel one, or reschedule it.',
    },
  },
  (kind: 'active' | 'same-day', limit: number) => ({
    detail:
      kind === 'active'
        ? { id: `Anda sudah memegang ${limit} pemesanan aktif yang akan datang di sini; batalkan salah satu dulu.`, en: `You already hold ${limit} active bookings still to come here; cancel one first.` }
        : { id: 'Anda sudah memesan layanan ini pada hari yang sama; jadwalkan ulang pemesanan itu bila perlu.', en: 'You already booked this service on the same day; reschedule that booking if needed.' },
    extensions: { limit: kind === 'active' ? limit : 1, scope: kind },
  }),
);

/** The application a booking names is not the booker's (or the walk-in's), not of the session's service, or closed: one answer for all. */
export const bookingApplicationInvalid = defineProblem(
  { code: 'BOOKING_APPLICATION_INVALID', status: 422, title: { id: 'Permohonan tidak dapat dikaitkan dengan pemesanan ini', en: 'The application cannot be linked to this booking' } },
  () => ({
    detail: { id: 'Tidak ada permohonan terbuka pemohon ini untuk layanan sesi ini dengan id itu.', en: 'No open application of this applicant for this session’s service has that id.' },
    errors: [{ pointer: '/applicationId', message: { id: 'Bukan permohonan pemohon ini untuk layanan ini.', en: 'Not this applicant’s application for this service.' } }],
  }),
);

/** A booking moves only to another session of the same service. */
export const sessionOfAnotherService = defineProblem(
  { code: 'SESSION_OF_ANOTHER_SERVICE', status: 422, title: { id: 'Sesi itu untuk layanan lain', en: 'That session is for another service' } },
  () => ({
    detail: { id: 'Pemesanan hanya dapat dipindah ke sesi lain dari layanan yang sama.', en: 'A booking moves only to another session of the same service.' },
    errors: [{ pointer: '/sessionId', message: { id: 'Pilih sesi layanan yang sama.', en: 'Choose a session of the same service.' } }],
  }),
);

export const queueTicketNotFound = defineProblem({
  code: 'QUEUE_TICKET_NOT_FOUND',
  status: 404,
  title: { id: 'Nomor antrean tidak ditemukan', en: 'Queue number not found' },
  description: { id: 'Tidak ada, atau milik loket instansi lain.', en: 'It does not exist, or it belongs to another agency’s counter.' },
});

/** A queue number is taken for a submitted application that is still being handled. */
export const queueTicketNotOpen = defineProblem(
  { code: 'QUEUE_TICKET_NOT_OPEN', status: 409, title: { id: 'Permohonan belum diajukan atau sudah selesai', en: 'The application is not submitted or already closed' } },
  () => ({
    detail: { id: 'Ajukan permohonan dulu; nomor antrean hanya untuk permohonan yang sedang diproses.', en: 'Submit the application first; queue numbers are for applications being handled.' },
  }),
);

/** An application has one active appointment at a time: to change it, reschedule (or cancel) the one it has. */
export const applicationAlreadyBooked = defineProblem(
  {
    code: 'APPLICATION_ALREADY_BOOKED',
    status: 409,
    title: { id: 'Permohonan ini sudah punya jadwal', en: 'This application already has an appointment' },
    description: { id: '`booking` menyebut pemesanan aktifnya: jadwalkan ulang atau batalkan pemesanan itu.', en: '`booking` names its active booking: reschedule or cancel that one.' },
  },
  (booking: string) => ({
    detail: { id: 'Setiap permohonan hanya memegang satu jadwal aktif. Jadwalkan ulang jadwal yang ada bila perlu.', en: 'Each application holds one active appointment. Reschedule the one it has if needed.' },
    errors: [{ pointer: '/applicationId', message: { id: 'Permohonan ini sudah punya jadwal aktif.', en: 'This application already has an active appointment.' } }],
    extensions: { booking },
  }),
);

/** Only a flagged session (holiday, cuti bersama not worked by its agency, later closure) that is still open is confirmed. */
export const sessionNotFlagged = defineProblem(
  {
    code: 'SESSION_NOT_FLAGGED',
    status: 409,
    title: { id: 'Sesi ini tidak perlu dikonfirmasi', en: 'This session needs no confirmation' },
    description: {
      id: 'Hanya sesi terbuka pada hari libur, cuti bersama yang bukan hari kerja instansi, atau hari MPP tutup yang dikonfirmasi. `sessionStatus` menyebut keadaan sesi.',
      en: 'Only an open session on a holiday, on cuti bersama that is not a working day for the agency, or on a day the MPP is closed is confirmed. `sessionStatus` names the session’s state.',
    },
  },
  (status: 'open' | 'cancelled') => ({
    detail:
      status === 'cancelled'
        ? { id: 'Sesi ini sudah dibatalkan; pemesannya sudah diberi tahu.', en: 'This session is already cancelled; its bookers were told.' }
        : { id: 'Sesi ini jatuh pada hari kerja biasa; tidak ada yang perlu diputuskan.', en: 'This session is on an ordinary working day; there is nothing to decide.' },
    extensions: { sessionStatus: status },
  }),
);
