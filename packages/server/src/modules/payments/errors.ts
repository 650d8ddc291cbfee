import { defineProblem, type FieldError } from '@satupintu/core';

/** Issue 24, payments: the problems of assessments, orders, notifications and reconciliation. Codes are stable. */

export const feeLocked = defineProblem(
  {
    code: 'PAYMENT_FEE_LOCKED',
    status: 422,
    title: { id: 'Tarif terkunci: jumlah dihitung dari aturan tarif, bukan diisi petugas', en: 'The fee is locked: amounts come from the fee rule, not from the officer' },
  },
  (errors: FieldError[]) => ({ errors }),
);

export const assessmentInvalid = defineProblem(
  { code: 'PAYMENT_ASSESSMENT_INVALID', status: 422, title: { id: 'Penetapan biaya tidak dapat dibuat', en: 'The fee assessment cannot be made' } },
  (errors: FieldError[]) => ({ errors }),
);

export const assessmentExists = defineProblem({
  code: 'PAYMENT_ASSESSMENT_EXISTS',
  status: 409,
  title: { id: 'Penetapan biaya sudah ada: koreksi dengan penetapan pengganti beserta alasannya', en: 'An assessment exists: correct it with a superseding assessment and a reason' },
});

export const assessmentMissing = defineProblem({
  code: 'PAYMENT_ASSESSMENT_MISSING',
  status: 409,
  title: { id: 'Belum ada penetapan biaya yang harus dibayar', en: 'There is no fee assessment to pay' },
});

export const alreadyPaid = defineProblem({
  code: 'PAYMENT_ALREADY_PAID',
  status: 409,
  title: { id: 'Biaya ini sudah dibayar', en: 'This fee is already paid' },
});

export const channelNotConfigured = defineProblem(
  { code: 'PAYMENT_CHANNEL_NOT_CONFIGURED', status: 409, title: { id: 'Kanal pembayaran belum diatur atau tidak aktif', en: 'The payment channel is not configured or not enabled' } },
  (channel: string) => ({ errors: [{ pointer: '/channel', message: { id: `Kanal ${channel} belum diatur/diaktifkan oleh admin.`, en: `Channel ${channel} is not configured/enabled by the admin.` } }] }),
);

export const channelNotForFee = defineProblem(
  { code: 'PAYMENT_CHANNEL_NOT_FOR_FEE', status: 422, title: { id: 'Kanal ini tidak dapat menerima jenis penerimaan ini', en: 'This channel cannot take this kind of revenue' } },
  (channel: string, revenue: string) => ({ errors: [{ pointer: '/channel', message: { id: `${revenue} tidak dibayar lewat ${channel} (PNBP lewat SIMPONI/MPN; retribusi ke RKUD).`, en: `${revenue} is not paid through ${channel} (PNBP through SIMPONI/MPN; retribusi into the RKUD).` } }] }),
);

export const sandboxNoProvider = defineProblem({
  code: 'PAYMENT_SANDBOX_NO_PROVIDER',
  status: 409,
  title: { id: 'Tenant sandbox tidak pernah menghubungi penyedia pembayaran sungguhan', en: 'A sandbox tenant never calls a real payment provider' },
});

export const providerFailed = defineProblem(
  { code: 'PAYMENT_PROVIDER_FAILED', status: 503, title: { id: 'Penyedia pembayaran menolak atau tidak dapat dihubungi', en: 'The payment provider refused or could not be reached' } },
  (detail: string) => ({ detail: { id: `Penyedia: ${detail}`, en: `Provider: ${detail}` } }),
);

export const notificationUnverified = defineProblem({
  code: 'PAYMENT_NOTIFICATION_UNVERIFIED',
  status: 403,
  title: { id: 'Tanda tangan notifikasi pembayaran tidak valid (dicatat)', en: 'The payment notification’s signature does not verify (recorded)' },
  description: { id: 'X-SIGNATURE harus HMAC-SHA512 atas POST:path:sha256(body):X-TIMESTAMP dengan client secret bank.', en: 'X-SIGNATURE must be the HMAC-SHA512 of POST:path:sha256(body):X-TIMESTAMP with the bank’s client secret.' },
});

export const orderNotFound = defineProblem({ code: 'PAYMENT_ORDER_NOT_FOUND', status: 404, title: { id: 'Tagihan tidak ditemukan', en: 'Payment order not found' } });

export const cashInvalid = defineProblem(
  { code: 'PAYMENT_CASH_INVALID', status: 422, title: { id: 'Pembayaran tunai tidak sesuai tagihan', en: 'The cash payment does not match the bill' } },
  (errors: FieldError[]) => ({ errors }),
);

export const paymentNotProven = defineProblem({
  code: 'PAYMENT_NOT_PROVEN',
  status: 409,
  title: { id: 'Pembayaran belum terbukti: langkah ini bergerak hanya setelah pembayaran tercocokkan atau terbukti', en: 'Payment not proven: this step moves only after a matched or proven payment' },
  description: { id: 'Pengalihan halaman peramban bukan bukti bayar. Bukti: NTPN+NTB (PNBP), referensi bank (retribusi), atau kuitansi tunai.', en: 'A browser redirect is not proof. Proof: NTPN+NTB (PNBP), the bank reference (retribusi), or a cash receipt.' },
});

export const exceptionNotFound = defineProblem({ code: 'PAYMENT_EXCEPTION_NOT_FOUND', status: 404, title: { id: 'Pengecualian rekonsiliasi tidak ditemukan', en: 'Reconciliation exception not found' } });

export const channelConfigInvalid = defineProblem(
  { code: 'PAYMENT_CHANNEL_CONFIG_INVALID', status: 422, title: { id: 'Pengaturan kanal pembayaran tidak valid', en: 'The payment channel settings are not valid' } },
  (errors: FieldError[]) => ({ errors }),
);
