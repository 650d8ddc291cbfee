import { defineProblem, type LocalizedText } from '@satupintu/core';
import { decide, WorkflowError, type Decision } from '@satupintu/workflow';
import { ATTACHMENT_MAX_COUNT, COMPLAINT_LIFECYCLE, MAX_REOPENS, mayEverTake, takenIn, type ComplaintFacts, type ComplaintRole } from './lifecycle.js';

/** One field of the request at fault, in both languages. */
const field = (pointer: string, id: string, en: string) => ({ errors: [{ pointer, message: { id, en } }] });

export const complaintNotFound = defineProblem({
  code: 'COMPLAINT_NOT_FOUND',
  status: 404,
  title: { id: 'Pengaduan tidak ditemukan', en: 'Complaint not found' },
  description: {
    id: 'Tidak ada pengaduan ini, atau Anda tidak punya hubungan dengannya (bukan pelapor, bukan instansi tujuannya, bukan koordinator): keduanya dijawab sama.',
    en: 'No such complaint, or you have no relation to it (not its complainant, not the agency it is routed to, not the coordinator): both answer the same.',
  },
});

export const complaintSubjectInvalid = defineProblem(
  { code: 'COMPLAINT_SUBJECT_INVALID', status: 422, title: { id: 'Objek pengaduan tidak valid', en: 'Invalid complaint subject' } },
  (pointer: string, id: string, en: string) => field(pointer, id, en),
);

const complaintDataInvalid: LocalizedText = { id: 'Data pengaduan tidak valid', en: 'Invalid complaint data' };

export const complainantNotAllowed = defineProblem(
  { code: 'COMPLAINANT_NOT_ALLOWED', status: 422, title: complaintDataInvalid, description: { id: 'Hanya petugas loket yang dapat melapor atas nama warga (`complainant`).', en: 'Only a counter officer may file on behalf of a citizen (`complainant`).' } },
  () => field('/complainant', 'Hanya petugas loket yang dapat melapor atas nama warga.', 'Only a counter officer may file on behalf of a citizen.'),
);

export const incidentDateInvalid = defineProblem(
  { code: 'INCIDENT_DATE_INVALID', status: 422, title: complaintDataInvalid, description: { id: 'Tanggal kejadian di masa depan (tanggal lokal tenant).', en: 'The incident date is in the future (the tenant’s local date).' } },
  () => field('/incidentDate', 'Tanggal kejadian tidak boleh di masa depan.', 'The incident date cannot be in the future.'),
);

export const laporTrackingIdRequired = defineProblem(
  { code: 'LAPOR_TRACKING_ID_REQUIRED', status: 422, title: complaintDataInvalid, description: { id: 'Status `synced` memerlukan nomor tiket SP4N-LAPOR!.', en: 'Status `synced` needs the SP4N-LAPOR! tracking id.' } },
  () => field('/trackingId', 'Nomor tiket LAPOR! wajib untuk status synced.', 'A LAPOR! tracking id is required for status synced.'),
);

export const complainantRequired = defineProblem(
  { code: 'COMPLAINANT_REQUIRED', status: 422, title: { id: 'Petugas harus mengisi data pelapor', en: 'An officer must give the complainant’s details' } },
  () => field('/complainant', 'Isi nama (dan kontak) pelapor.', 'Give the complainant’s name (and contact).'),
);

export const complaintStateInvalid = defineProblem(
  {
    code: 'COMPLAINT_STATE_INVALID',
    status: 409,
    title: { id: 'Tindakan tidak dapat dilakukan pada status pengaduan ini', en: 'The action is not possible in the complaint’s current status' },
    description: { id: '`status` pada masalah ini menyebut status pengaduan saat ini.', en: 'The problem’s `status` extension names the complaint’s current status.' },
  },
  (status: string, action: string) => ({
    detail: { id: `Status ${status}: ${action} tidak diizinkan.`, en: `Status ${status}: ${action} is not allowed.` },
    extensions: { status },
  }),
);

export const complaintActionNotAllowed = defineProblem({
  code: 'COMPLAINT_ACTION_NOT_ALLOWED',
  status: 409,
  title: { id: 'Anda tidak berwenang atas tindakan ini', en: 'You may not take this action on this complaint' },
});

export const agencyRequired = defineProblem(
  { code: 'COMPLAINT_AGENCY_REQUIRED', status: 422, title: { id: 'Sebutkan instansi tujuan', en: 'Name the agency to route to' } },
  () => field('/agency', 'Pengaduan ini tidak terkait layanan instansi; isi kode instansi.', 'This complaint names no agency service; give the agency code.'),
);

export const reasonRequired = defineProblem(
  { code: 'REASON_REQUIRED', status: 422, title: { id: 'Alasan wajib diisi', en: 'A reason is required' } },
  (pointer: string) => field(pointer, 'Wajib diisi.', 'Required.'),
);

export const reopenWindowClosed = defineProblem(
  { code: 'COMPLAINT_REOPEN_WINDOW_CLOSED', status: 409, title: { id: 'Batas waktu membuka kembali pengaduan sudah lewat', en: 'The window to reopen the complaint has passed' } },
  (until: string | null) => (until ? { detail: { id: `Batas: ${until}.`, en: `Deadline: ${until}.` } } : {}),
);

export const reopenLimit = defineProblem({
  code: 'COMPLAINT_REOPEN_LIMIT',
  status: 409,
  title: { id: `Pengaduan hanya dapat dibuka kembali ${MAX_REOPENS} kali`, en: `A complaint can be reopened at most ${MAX_REOPENS} times` },
});

export const alreadyRated = defineProblem({ code: 'COMPLAINT_ALREADY_RATED', status: 409, title: { id: 'Jawaban sudah dinilai', en: 'The answer has already been rated' } });

export const webhookUrlInvalid = defineProblem(
  { code: 'WEBHOOK_URL_INVALID', status: 422, title: { id: 'URL webhook tidak valid', en: 'Invalid webhook URL' } },
  (en: string, id: string) => field('/url', id, en),
);

export const webhookNotConfigured = defineProblem({ code: 'WEBHOOK_NOT_CONFIGURED', status: 404, title: { id: 'Webhook pengaduan belum diatur', en: 'No complaint webhook is configured' } });

export const webhookInactive = defineProblem({
  code: 'WEBHOOK_INACTIVE',
  status: 409,
  title: { id: 'Webhook pengaduan sedang dinonaktifkan', en: 'The complaint webhook is switched off' },
  description: {
    id: 'Webhook yang nonaktif tidak mengirim apa pun; aktifkan lagi (PUT dengan `active: true`) sebelum mengantrekan ulang.',
    en: 'A switched-off webhook sends nothing; switch it on (PUT with `active: true`) before requeueing.',
  },
});

export const deliveryNotFound = defineProblem({ code: 'WEBHOOK_DELIVERY_NOT_FOUND', status: 404, title: { id: 'Pengiriman webhook tidak ditemukan', en: 'Webhook delivery not found' } });

export const deliveryNotDead = defineProblem({
  code: 'WEBHOOK_DELIVERY_NOT_DEAD',
  status: 409,
  title: { id: 'Hanya pengiriman yang gagal total yang dapat diantrekan ulang', en: 'Only dead-lettered deliveries can be requeued' },
});

export const periodInvalid = defineProblem(
  { code: 'PERIOD_INVALID', status: 400, title: { id: 'Periode tidak valid', en: 'Invalid period' } },
  () => field('/query/to', 'Tanggal akhir harus sama atau setelah tanggal awal (maks. 366 hari).', 'The end date must not precede the start (at most 366 days).'),
);

// Upload problems share their codes (and titles) with the application documents' uploads: one
// code, one meaning across the API; the complaint's own limits are in `detail` and `errors`.
const upload = (id: string, en: string) => ({ detail: { id, en }, errors: [{ pointer: '/body', message: { id, en } }] });

export const uploadEmpty = defineProblem({ code: 'UPLOAD_EMPTY', status: 400, title: { id: 'Berkas kosong', en: 'The file is empty' } }, () => upload('Berkas kosong', 'The file is empty'));

export const attachmentCountExceeded = defineProblem(
  { code: 'ATTACHMENT_COUNT_EXCEEDED', status: 400, title: { id: `Paling banyak ${ATTACHMENT_MAX_COUNT} lampiran.`, en: `At most ${ATTACHMENT_MAX_COUNT} attachments.` } },
  () => upload(`Paling banyak ${ATTACHMENT_MAX_COUNT} lampiran.`, `At most ${ATTACHMENT_MAX_COUNT} attachments.`),
);

export const uploadTooLarge = defineProblem({ code: 'UPLOAD_TOO_LARGE', status: 413, title: { id: 'Berkas terlalu besar', en: 'The file is too large' } }, (limitMb: number) =>
  upload(`Berkas melebihi ${limitMb} MB`, `The file exceeds ${limitMb} MB`),
);

export const uploadTypeRefused = defineProblem({ code: 'UPLOAD_TYPE_NOT_ACCEPTED', status: 415, title: { id: 'Jenis berkas tidak diterima', en: 'File type not accepted' } }, () =>
  upload('Hanya PDF, PNG atau JPEG (ditentukan dari isi berkas)', 'Only PDF, PNG or JPEG (decided by the content)'),
);

export const uploadAborted = defineProblem({ code: 'UPLOAD_ABORTED', status: 400, title: { id: 'Unggahan terputus', en: 'The upload was interrupted' } });

export const storageUnavailable = defineProblem(
  {
    code: 'STORAGE_UNAVAILABLE',
    status: 503,
    title: { id: 'Penyimpanan dokumen sedang tidak tersedia', en: 'Document storage is unavailable' },
    description: { id: 'Coba lagi setelah Retry-After; tidak ada yang tersimpan setengah.', en: 'Retry after Retry-After; nothing was half-stored.' },
  },
  (cause: unknown) => ({ headers: { 'Retry-After': '5' }, cause }),
);

/** What every action on a complaint may answer: it is not the caller's to see, or the lifecycle refuses it in this status or for this caller. */
export const LIFECYCLE_PROBLEMS = [complaintNotFound, complaintStateInvalid, complaintActionNotAllowed] as const;

/**
 * The engine's refusals as this module's problems: an action the caller could never take, or one
 * someone else takes in this state, is COMPLAINT_ACTION_NOT_ALLOWED; one nobody takes in this state
 * is COMPLAINT_STATE_INVALID; a missing reason is REASON_REQUIRED; forwarding without an agency
 * (the `forward` guard) is COMPLAINT_AGENCY_REQUIRED.
 */
export function refusal(e: unknown, state: string, roles: readonly ComplaintRole[]): unknown {
  if (!(e instanceof WorkflowError)) return e;
  const r = e.refusal;
  if (r.kind === 'not-allowed') return mayEverTake(roles, r.action) && !takenIn(state, r.action) ? complaintStateInvalid(state, r.action) : complaintActionNotAllowed();
  if (r.kind === 'comment-required') return reasonRequired(r.action === 'reject' ? '/note' : r.action === 'reopen' ? '/reason' : '/body');
  if (r.action === 'forward') return agencyRequired();
  return complaintStateInvalid(state, r.action);
}

/** Decides one lifecycle action on a complaint for a caller, or throws the module's problem. */
export function decideOn(state: string, roles: readonly ComplaintRole[], action: string, input: { comment?: string; facts: ComplaintFacts }): Decision<ComplaintRole> {
  try {
    return decide(COMPLAINT_LIFECYCLE, { state, roles, action, comment: input.comment, facts: input.facts });
  } catch (e) {
    throw refusal(e, state, roles);
  }
}
