import { ConflictError, InputError, NotFoundError, ServiceUnavailableError } from '@satupintu/core';
import { decide, WorkflowError, type Decision } from '@satupintu/workflow';
import { COMPLAINT_LIFECYCLE, mayEverTake, takenIn, type ComplaintFacts, type ComplaintRole } from './lifecycle.js';

export const complaintNotFound = () => new NotFoundError({ code: 'COMPLAINT_NOT_FOUND', title: { id: 'Pengaduan tidak ditemukan', en: 'Complaint not found' } });

export const complaintSubjectInvalid = (pointer: string, id: string, en: string) =>
  new InputError({ status: 422, code: 'COMPLAINT_SUBJECT_INVALID', title: { id: 'Objek pengaduan tidak valid', en: 'Invalid complaint subject' }, errors: [{ pointer, message: { id, en } }] });

/** A 422 about one field of the request (code names the rule). */
export const complaintFieldInvalid = (code: 'COMPLAINANT_NOT_ALLOWED' | 'INCIDENT_DATE_INVALID' | 'LAPOR_TRACKING_ID_REQUIRED', pointer: string, id: string, en: string) =>
  new InputError({ status: 422, code, title: { id: 'Data pengaduan tidak valid', en: 'Invalid complaint data' }, errors: [{ pointer, message: { id, en } }] });

export const complainantRequired = () =>
  new InputError({
    status: 422,
    code: 'COMPLAINANT_REQUIRED',
    title: { id: 'Petugas harus mengisi data pelapor', en: 'An officer must give the complainant’s details' },
    errors: [{ pointer: '/complainant', message: { id: 'Isi nama (dan kontak) pelapor.', en: 'Give the complainant’s name (and contact).' } }],
  });

export const complaintStateInvalid = (status: string, action: string) =>
  new ConflictError({
    code: 'COMPLAINT_STATE_INVALID',
    title: { id: 'Tindakan tidak dapat dilakukan pada status pengaduan ini', en: 'The action is not possible in the complaint’s current status' },
    detail: { id: `Status ${status}: ${action} tidak diizinkan.`, en: `Status ${status}: ${action} is not allowed.` },
    extensions: { status },
  });

export const complaintActionNotAllowed = () =>
  new ConflictError({ code: 'COMPLAINT_ACTION_NOT_ALLOWED', title: { id: 'Anda tidak berwenang atas tindakan ini', en: 'You may not take this action on this complaint' } });

export const agencyRequired = () =>
  new InputError({
    status: 422,
    code: 'COMPLAINT_AGENCY_REQUIRED',
    title: { id: 'Sebutkan instansi tujuan', en: 'Name the agency to route to' },
    errors: [{ pointer: '/agency', message: { id: 'Pengaduan ini tidak terkait layanan instansi; isi kode instansi.', en: 'This complaint names no agency service; give the agency code.' } }],
  });

export const reasonRequired = (pointer: string) =>
  new InputError({ status: 422, code: 'REASON_REQUIRED', title: { id: 'Alasan wajib diisi', en: 'A reason is required' }, errors: [{ pointer, message: { id: 'Wajib diisi.', en: 'Required.' } }] });

export const reopenWindowClosed = (until: string | null) =>
  new ConflictError({
    code: 'COMPLAINT_REOPEN_WINDOW_CLOSED',
    title: { id: 'Batas waktu membuka kembali pengaduan sudah lewat', en: 'The window to reopen the complaint has passed' },
    detail: until ? { id: `Batas: ${until}.`, en: `Deadline: ${until}.` } : undefined,
  });

export const reopenLimit = (max: number) =>
  new ConflictError({ code: 'COMPLAINT_REOPEN_LIMIT', title: { id: `Pengaduan hanya dapat dibuka kembali ${max} kali`, en: `A complaint can be reopened at most ${max} times` } });

export const alreadyRated = () => new ConflictError({ code: 'COMPLAINT_ALREADY_RATED', title: { id: 'Jawaban sudah dinilai', en: 'The answer has already been rated' } });

export const webhookUrlInvalid = (en: string, id: string) =>
  new InputError({ status: 422, code: 'WEBHOOK_URL_INVALID', title: { id: 'URL webhook tidak valid', en: 'Invalid webhook URL' }, errors: [{ pointer: '/url', message: { id, en } }] });

export const webhookNotConfigured = () => new NotFoundError({ code: 'WEBHOOK_NOT_CONFIGURED', title: { id: 'Webhook pengaduan belum diatur', en: 'No complaint webhook is configured' } });

export const deliveryNotFound = () => new NotFoundError({ code: 'WEBHOOK_DELIVERY_NOT_FOUND', title: { id: 'Pengiriman webhook tidak ditemukan', en: 'Webhook delivery not found' } });

export const deliveryNotDead = () =>
  new ConflictError({ code: 'WEBHOOK_DELIVERY_NOT_DEAD', title: { id: 'Hanya pengiriman yang gagal total yang dapat diantrekan ulang', en: 'Only dead-lettered deliveries can be requeued' } });

export const periodInvalid = () =>
  new InputError({
    code: 'PERIOD_INVALID',
    title: { id: 'Periode tidak valid', en: 'Invalid period' },
    errors: [{ pointer: '/query/to', message: { id: 'Tanggal akhir harus sama atau setelah tanggal awal (maks. 366 hari).', en: 'The end date must not precede the start (at most 366 days).' } }],
  });

export const attachmentRefused = (code: string, id: string, en: string, status: 400 | 413 | 415 = 400) =>
  new InputError({ status, code, title: { id, en }, errors: [{ pointer: '/body', message: { id, en } }] });

export const storageUnavailable = (cause: unknown) =>
  new ServiceUnavailableError({ code: 'STORAGE_UNAVAILABLE', title: { id: 'Penyimpanan dokumen tidak tersedia', en: 'Document storage is unavailable' }, headers: { 'retry-after': '5' }, cause });

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
