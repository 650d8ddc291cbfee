/** One event type a tenant's endpoints may receive: its name, what it means (Indonesian, English), the ids in its `data`. */
export interface EventType {
  type: string;
  description: { id: string; en: string };
  /** The members of `data` (ids and codes only: receivers fetch details through the API). */
  data: readonly string[];
}

const complaintData = ['tenant', 'complaint', 'trackingCode', 'state'] as const;
const applicationData = ['tenant', 'application', 'trackingCode', 'service', 'agency', 'state'] as const;
const appointmentData = ['tenant', 'appointment', 'service', 'agency', 'date'] as const;

/**
 * Every event type the platform publishes. Names are hierarchical (`area.what`) and never reused
 * with another meaning; a new type is added here before anything publishes it.
 */
export const EVENT_TYPES: readonly EventType[] = [
  { type: 'complaint.filed', description: { id: 'Pengaduan baru diajukan (daring atau di loket).', en: 'A complaint was filed (online or at a counter).' }, data: complaintData },
  { type: 'complaint.verified', description: { id: 'Pengaduan diverifikasi dan ditangani koordinator.', en: 'A complaint was verified and is handled by the coordinator.' }, data: complaintData },
  { type: 'complaint.forwarded', description: { id: 'Pengaduan diverifikasi dan diteruskan ke instansi.', en: 'A complaint was verified and forwarded to an agency.' }, data: complaintData },
  { type: 'complaint.rejected', description: { id: 'Pengaduan ditolak saat verifikasi.', en: 'A complaint was rejected at verification.' }, data: complaintData },
  { type: 'complaint.answered', description: { id: 'Pengaduan dijawab.', en: 'A complaint was answered.' }, data: complaintData },
  { type: 'complaint.rated', description: { id: 'Pelapor menilai jawaban.', en: 'The complainant rated the answer.' }, data: complaintData },
  { type: 'complaint.reopened', description: { id: 'Pelapor membuka kembali pengaduan.', en: 'The complainant reopened the complaint.' }, data: complaintData },
  { type: 'complaint.escalated', description: { id: 'Batas waktu pengaduan terlewati (eskalasi).', en: 'A complaint deadline passed (escalation).' }, data: [...complaintData, 'stage', 'dueAt'] },
  { type: 'complaint.closed', description: { id: 'Pengaduan ditutup.', en: 'A complaint was closed.' }, data: complaintData },
  { type: 'application.submitted', description: { id: 'Permohonan layanan diajukan.', en: 'A service application was submitted.' }, data: applicationData },
  { type: 'application.state_changed', description: { id: 'Status permohonan berubah.', en: 'An application changed state.' }, data: applicationData },
  { type: 'application.completed', description: { id: 'Permohonan selesai (dokumen hasil terbit).', en: 'An application was completed (its output issued).' }, data: applicationData },
  { type: 'appointment.booked', description: { id: 'Janji temu di MPP dipesan.', en: 'An appointment at the service mall was booked.' }, data: appointmentData },
  { type: 'appointment.cancelled', description: { id: 'Janji temu dibatalkan (oleh warga, atau bersama sesinya oleh instansi: `by`).', en: 'An appointment was cancelled (by the citizen, or with its session by the agency: `by`).' }, data: [...appointmentData, 'by'] },
  { type: 'notification.failed', description: { id: 'Notifikasi ke warga gagal terkirim di semua kanal.', en: 'A notification to a citizen failed on every channel.' }, data: ['tenant', 'notification', 'channel', 'reason'] },
];

const KNOWN = new Set(EVENT_TYPES.map((t) => t.type));

export const isEventType = (type: string): boolean => KNOWN.has(type);

/** A filter entry: an exact known type or `area.*` for an area that has types. */
export function validFilter(entry: string): boolean {
  if (entry.endsWith('.*')) {
    const prefix = entry.slice(0, -1);
    return EVENT_TYPES.some((t) => t.type.startsWith(prefix));
  }
  return KNOWN.has(entry);
}

/** Whether an endpoint with this filter receives `type` (an empty filter receives everything). */
export function filterMatches(filter: readonly string[], type: string): boolean {
  return filter.length === 0 || filter.some((f) => (f.endsWith('.*') ? type.startsWith(f.slice(0, -1)) : f === type));
}
