import { defineProblem } from '@satupintu/core';

const field = (pointer: string, id: string, en: string) => ({ errors: [{ pointer, message: { id, en } }] });

export const addressInvalid = defineProblem(
  {
    code: 'CONTACT_ADDRESS_INVALID',
    status: 422,
    title: { id: 'Nomor atau alamat tidak valid', en: 'Invalid number or address' },
    description: { id: 'Nomor HP Indonesia (mis. 0812 3456 7890 atau +62 812…) untuk WhatsApp dan SMS; alamat email untuk email.', en: 'An Indonesian phone number (e.g. 0812 3456 7890 or +62 812…) for WhatsApp and SMS; an email address for email.' },
  },
  (channel: string) =>
    channel === 'email'
      ? field('/address', 'Tulis alamat email lengkap, mis. nama@contoh.id.', 'Give a full email address, e.g. name@example.id.')
      : field('/address', 'Tulis nomor HP Indonesia yang aktif, mis. 0812 3456 7890.', 'Give an active Indonesian phone number, e.g. 0812 3456 7890.'),
);

export const contactNotFound = defineProblem({
  code: 'CONTACT_NOT_FOUND',
  status: 404,
  title: { id: 'Saluran ini belum diatur', en: 'This channel is not set up' },
});

export const notificationNotFound = defineProblem({
  code: 'NOTIFICATION_NOT_FOUND',
  status: 404,
  title: { id: 'Pesan tidak ditemukan', en: 'Message not found' },
});

export const callbackNotConfigured = defineProblem({
  code: 'NOTIFICATION_CALLBACK_NOT_CONFIGURED',
  status: 404,
  title: { id: 'Saluran ini belum diatur untuk tenant ini', en: 'This channel is not set up for this tenant' },
  description: { id: 'Laporan penyedia hanya diterima setelah admin mengatur pengirim (nomor WhatsApp, SMS).', en: 'Provider reports are accepted only once the admin has set up the sender (WhatsApp number, SMS).' },
});

export const callbackSignatureInvalid = defineProblem({
  code: 'NOTIFICATION_CALLBACK_UNVERIFIED',
  status: 403,
  title: { id: 'Tanda tangan laporan penyedia tidak valid', en: 'The provider report’s signature does not verify' },
  description: { id: 'X-Hub-Signature-256 (WhatsApp) atau X-Aggregator-Signature (SMS) harus HMAC-SHA256 dari badan permintaan apa adanya; token verifikasi harus cocok.', en: 'X-Hub-Signature-256 (WhatsApp) or X-Aggregator-Signature (SMS) must be the HMAC-SHA256 of the raw body; the verify token must match.' },
});

export const senderSecretMissing = defineProblem(
  {
    code: 'NOTIFICATION_SENDER_SECRET_MISSING',
    status: 422,
    title: { id: 'Token akses dan app secret WhatsApp wajib untuk nomor baru', en: 'A new WhatsApp number needs its access token and app secret' },
  },
  () => field('/whatsapp', 'Isi accessToken dan appSecret dari dasbor Meta untuk nomor ini.', 'Give the accessToken and appSecret from Meta’s dashboard for this number.'),
);

export const senderIdInvalid = defineProblem(
  { code: 'SMS_SENDER_ID_INVALID', status: 422, title: { id: 'Sender ID SMS tidak valid', en: 'Invalid SMS sender ID' } },
  () => field('/sms/senderId', 'Sender ID 1–11 huruf/angka (dengan setidaknya satu huruf), sesuai yang terdaftar di operator, mis. MPPKBB.', 'A sender ID is 1–11 letters/digits (at least one letter), as registered with the operators, e.g. MPPKBB.'),
);
