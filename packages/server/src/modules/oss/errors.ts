import { defineProblem } from '@satupintu/core';

const field = (pointer: string, id: string, en: string) => ({ errors: [{ pointer, message: { id, en } }] });

export const ossNotConfigured = defineProblem({
  code: 'OSS_NOT_CONFIGURED',
  status: 409,
  title: { id: 'Koneksi OSS-RBA belum diatur atau tidak aktif', en: 'The OSS-RBA connection is not set up or not enabled' },
  description: { id: 'Admin tenant mengatur endpoint dan user_key K/L/D dari Lembaga OSS di PUT …/oss/connection.', en: 'The tenant admin sets the K/L/D endpoint and user_key issued by the OSS agency at PUT …/oss/connection.' },
});

export const ossSandbox = defineProblem({
  code: 'OSS_SANDBOX',
  status: 409,
  title: { id: 'Tenant sandbox tidak menghubungi OSS', en: 'A sandbox tenant never calls OSS' },
  description: { id: 'Sandbox adalah latihan: tidak ada panggilan ke sistem nasional yang sebenarnya.', en: 'A sandbox is a rehearsal: no call reaches the real national system.' },
});

export const ossNotMapped = defineProblem({
  code: 'OSS_SERVICE_NOT_MAPPED',
  status: 409,
  title: { id: 'Layanan ini tidak terhubung ke OSS-RBA', en: 'This service is not linked to OSS-RBA' },
  description: { id: 'Plugin layanan tidak mendeklarasikan pemetaan `oss`.', en: 'The service’s plugin declares no `oss` mapping.' },
});

export const ossNotDraft = defineProblem({
  code: 'OSS_NOT_DRAFT',
  status: 409,
  title: { id: 'Data NIB hanya dapat diisikan ke draf', en: 'NIB data can only fill a draft' },
});

export const nibNotFound = defineProblem(
  { code: 'OSS_NIB_NOT_FOUND', status: 422, title: { id: 'NIB tidak ditemukan di OSS', en: 'NIB not found in OSS' } },
  () => field('/nib', 'Periksa 13 digit NIB pada dokumen NIB dari oss.go.id.', 'Check the 13-digit NIB on the NIB document from oss.go.id.'),
);

export const projectNotFound = defineProblem(
  { code: 'OSS_PROJECT_NOT_FOUND', status: 422, title: { id: 'Proyek tidak ada pada NIB ini', en: 'No such project under this NIB' } },
  () => field('/idProyek', 'Pilih salah satu id proyek yang terdaftar pada NIB di OSS.', 'Pick one of the project ids registered under the NIB in OSS.'),
);

export const ossUnavailable = defineProblem(
  {
    code: 'OSS_UNAVAILABLE',
    status: 503,
    title: { id: 'OSS-RBA tidak dapat dihubungi atau menolak akses', en: 'OSS-RBA is unreachable or refused our access' },
    description: { id: 'Coba lagi nanti, atau isi formulir secara manual. Admin melihat galat terakhir di …/oss/connection.', en: 'Try again later, or fill the form by hand. The admin sees the last error at …/oss/connection.' },
  },
  (code: string) => ({ extensions: { ossCode: code } }),
);

export const ossUserKeyMissing = defineProblem(
  { code: 'OSS_USER_KEY_MISSING', status: 422, title: { id: 'user_key OSS wajib diisi saat pertama kali', en: 'The OSS user_key is required the first time' } },
  () => field('/userKey', 'Isi user_key yang diterbitkan Lembaga OSS untuk sistem ini.', 'Give the user_key the OSS agency issued to this system.'),
);

export const inboundNotConfigured = defineProblem({
  code: 'OSS_INBOUND_NOT_CONFIGURED',
  status: 404,
  title: { id: 'Penerimaan receiveNIB belum diatur untuk tenant ini', en: 'receiveNIB is not set up for this tenant' },
});

export const inboundUnauthorized = defineProblem(
  {
    code: 'OSS_INBOUND_UNAUTHORIZED',
    status: 401,
    title: { id: 'Kredensial OSS (HTTP Basic) tidak valid', en: 'Invalid OSS credentials (HTTP Basic)' },
    description: { id: 'OSS mengirim receiveNIB dengan header Authorization: Basic sesuai kredensial yang diatur admin.', en: 'OSS sends receiveNIB with an Authorization: Basic header matching the credentials the admin set.' },
  },
  () => ({ headers: { 'WWW-Authenticate': 'Basic realm="oss-receiveNIB", charset="UTF-8"' } }),
);

export const inboundInvalid = defineProblem(
  { code: 'OSS_INBOUND_INVALID', status: 400, title: { id: 'Data receiveNIB tidak sesuai PIA', en: 'The receiveNIB data does not follow the PIA' } },
  (pointer: string) => field(pointer, 'Wajib: dataNIB.nib (13 digit) dan dataNIB.oss_id.', 'Required: dataNIB.nib (13 digits) and dataNIB.oss_id.'),
);

export const endpointRefused = defineProblem(
  { code: 'OSS_ENDPOINT_REFUSED', status: 422, title: { id: 'Endpoint OSS tidak diterima', en: 'The OSS endpoint is not accepted' } },
  (why: { id: string; en: string }) => field('/endpoint', why.id, why.en),
);
