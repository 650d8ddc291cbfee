import { defineProblem } from '@satupintu/core';

/** SP4N-LAPOR! connection problems (issue 24, ADR 0038). */
const field = (pointer: string, id: string, en: string) => ({ errors: [{ pointer, message: { id, en } }] });

export const laporApiLinked = defineProblem({
  code: 'LAPOR_API_LINKED',
  status: 409,
  title: { id: 'Pengaduan ini disinkronkan otomatis dengan SP4N-LAPOR!', en: 'This complaint is synced with SP4N-LAPOR! by the platform' },
  description: {
    id: 'Selama pengiriman berjalan atau setelah laporan tertaut, nomor tiket tidak dicatat manual; hanya status `conflict` (pilih laporan yang benar) atau `failed` (catat penerusan manual) yang boleh diubah.',
    en: 'While the push runs or once a report is linked the tracking id is not recorded by hand; only a `conflict` (name the right report) or a `failed` push (record a manual forward) may be changed.',
  },
});

export const laporNotConfigured = defineProblem({
  code: 'LAPOR_NOT_CONFIGURED',
  status: 409,
  title: { id: 'Koneksi API SP4N-LAPOR! belum diatur atau tidak aktif', en: 'The SP4N-LAPOR! API connection is not configured or not enabled' },
  description: { id: 'Teruskan laporan secara manual di lapor.go.id lalu catat nomor tiketnya, atau atur kredensial pengembang LAPOR!.', en: 'Forward it by hand on lapor.go.id and record the tracking id, or configure the LAPOR! developer credentials.' },
});

export const laporSandbox = defineProblem({
  code: 'LAPOR_SANDBOX',
  status: 409,
  title: { id: 'Tenant sandbox tidak menghubungi SP4N-LAPOR!', en: 'A sandbox tenant never calls SP4N-LAPOR!' },
  description: { id: 'Sandbox untuk latihan: tidak ada panggilan ke sistem luar (ADR 0031).', en: 'Sandboxes are for rehearsal: no call to an outside system (ADR 0031).' },
});

export const laporConflict = defineProblem({
  code: 'LAPOR_CONFLICT',
  status: 409,
  title: { id: 'Tautan SP4N-LAPOR! bertentangan', en: 'The SP4N-LAPOR! link is in conflict' },
  description: {
    id: 'LAPOR! menunjukkan lebih dari satu laporan (atau laporan lain) untuk pengaduan ini; koordinator memilih yang benar dengan PUT …/lapor {syncStatus: synced, trackingId}.',
    en: 'LAPOR! shows more than one report (or another one) for this complaint; the coordinator names the right one with PUT …/lapor {syncStatus: synced, trackingId}.',
  },
});

/** A base URL refused by the outbound target policy (docs/security.md): the reason in both languages. */
export const laporBaseUrlInvalid = defineProblem(
  { code: 'LAPOR_BASE_URL_INVALID', status: 422, title: { id: 'Alamat API LAPOR! tidak valid', en: 'Invalid LAPOR! API address' } },
  (why: { id: string; en: string }) => field('/baseUrl', why.id, why.en),
);

export const laporSecretRequired = defineProblem(
  { code: 'LAPOR_SECRET_REQUIRED', status: 422, title: { id: 'Rahasia klien LAPOR! wajib diisi', en: 'The LAPOR! client secret is required' } },
  () => field('/clientSecret', 'Isi rahasia klien saat pertama kali mengatur koneksi.', 'Give the client secret when configuring the connection the first time.'),
);

export const laporNotFound = defineProblem({
  code: 'LAPOR_CONNECTION_NOT_FOUND',
  status: 404,
  title: { id: 'Koneksi SP4N-LAPOR! belum diatur', en: 'No SP4N-LAPOR! connection configured' },
});
