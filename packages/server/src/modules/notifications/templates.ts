/**
 * Message templates (GOV.UK Notify's model): one per event, Indonesian first and English, with
 * `((field))` placeholders filled from the event's personalisation. Each names the WhatsApp
 * *utility* template a regency registers in its own WhatsApp Business account (same name, same
 * parameter order, docs/notifications.md) for business-initiated messages; inside the 24-hour
 * service window the text goes as a free-form message instead. A template's placeholders are
 * checked against its declared fields when it is defined (core: a unit test; plugin: lint at
 * publication), so a send never finds a hole.
 */

export type TemplateCategory = 'utility' | 'authentication' | 'service';
export type Lang = 'id' | 'en';
type Text = { readonly id: string; readonly en: string };

export interface NotificationTemplate {
  /** The event it answers, e.g. `application.received`. */
  readonly event: string;
  /** Grows when the wording changes; a notification records the version it was written with. */
  readonly version: number;
  /** WhatsApp pricing category (utility: tied to the person's own transaction); staff mail is `service`. */
  readonly category: TemplateCategory;
  /** Urgent messages go out during quiet hours (a queue number about to be called). */
  readonly urgent: boolean;
  /** Who reads it: a citizen (consent needed, WhatsApp → SMS → email) or staff (email, work mail). */
  readonly audience: 'citizen' | 'staff';
  /** The personalisation fields a sender must supply. */
  readonly fields: readonly string[];
  /** The approved WhatsApp template and the fields that fill its body parameters {{1}}, {{2}}, … in order. */
  readonly whatsapp?: { readonly name: string; readonly params: readonly string[] };
  /** SMS, inbox and free-form WhatsApp body. */
  readonly text: Text;
  /** Email subject (the body is `text`). */
  readonly subject: Text;
}

const PLACEHOLDER = /\(\(([a-zA-Z][a-zA-Z0-9]*)\)\)/g;

/** The placeholders a text uses. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** What is wrong with a template (empty when nothing): placeholders without a declared field, fields never used, WhatsApp parameters that are not fields. */
export function templateProblems(t: Pick<NotificationTemplate, 'event' | 'fields' | 'whatsapp' | 'text' | 'subject'>): string[] {
  const out: string[] = [];
  const fields = new Set(t.fields);
  const used = new Set<string>();
  for (const [where, text] of [['text.id', t.text.id], ['text.en', t.text.en], ['subject.id', t.subject.id], ['subject.en', t.subject.en]] as const)
    for (const p of placeholdersOf(text)) {
      used.add(p);
      if (!fields.has(p)) out.push(`${t.event}: ${where} uses ((${p})), which is not a declared field`);
    }
  for (const p of t.whatsapp?.params ?? []) {
    used.add(p);
    if (!fields.has(p)) out.push(`${t.event}: WhatsApp parameter ${p} is not a declared field`);
  }
  for (const f of t.fields) if (!used.has(f)) out.push(`${t.event}: field ${f} is declared but never used`);
  return out;
}

/** A personalisation value that is missing: the event did not carry what its template needs. */
export class MissingPersonalisation extends Error {
  constructor(
    readonly event: string,
    readonly field: string,
  ) {
    super(`${event}: personalisation ${field} is missing`);
  }
}

const valueOf = (t: Pick<NotificationTemplate, 'event'>, values: Record<string, string>, field: string): string => {
  const v = values[field];
  if (v === undefined) throw new MissingPersonalisation(t.event, field);
  return v;
};

/** Fills a text's placeholders. */
export function render(t: Pick<NotificationTemplate, 'event'>, text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_m, f: string) => valueOf(t, values, f));
}

/**
 * WhatsApp body parameters in order. Meta refuses a parameter with a new line, a tab or more than
 * four spaces in a row: they are folded to single spaces.
 */
export function whatsappParams(t: NotificationTemplate, values: Record<string, string>): string[] {
  return (t.whatsapp?.params ?? []).map((f) => valueOf(t, values, f).replace(/[\r\n\t]+/g, ' ').replace(/ {4,}/g, ' ').trim() || '-');
}

const citizen = (
  event: string,
  fields: string[],
  whatsapp: string,
  text: Text,
  subject: Text,
  more: Partial<Pick<NotificationTemplate, 'urgent' | 'category' | 'version'>> & { params?: string[] } = {},
): NotificationTemplate => ({
  event,
  version: more.version ?? 1,
  category: more.category ?? 'utility',
  urgent: more.urgent ?? false,
  audience: 'citizen',
  fields,
  whatsapp: { name: whatsapp, params: more.params ?? fields },
  text,
  subject,
});

/** The platform's templates, one per event that tells a citizen or staff member something. */
export const CORE_TEMPLATES: readonly NotificationTemplate[] = [
  citizen(
    'application.received',
    ['service', 'trackingCode', 'dueDate', 'link'],
    'mpp_permohonan_diterima',
    {
      id: 'Permohonan ((service)) Anda sudah kami terima. Kode lacak: ((trackingCode)). Perkiraan selesai: ((dueDate)). Pantau di ((link))',
      en: 'We have received your ((service)) application. Tracking code: ((trackingCode)). Expected by: ((dueDate)). Track it at ((link))',
    },
    { id: 'Permohonan ((trackingCode)) diterima', en: 'Application ((trackingCode)) received' },
  ),
  citizen(
    'application.documents_requested',
    ['service', 'trackingCode', 'request', 'link'],
    'mpp_dokumen_diminta',
    {
      id: 'Permohonan ((service)) ((trackingCode)) perlu dilengkapi: ((request)). Lengkapi di ((link))',
      en: 'Your ((service)) application ((trackingCode)) needs more: ((request)). Complete it at ((link))',
    },
    { id: 'Permohonan ((trackingCode)) perlu dilengkapi', en: 'Application ((trackingCode)) needs more documents' },
  ),
  citizen(
    'application.ready',
    ['service', 'trackingCode', 'collect', 'link'],
    'mpp_hasil_siap',
    {
      id: 'Permohonan ((service)) ((trackingCode)) selesai. Hasil dapat diambil: ((collect)). Rincian: ((link))',
      en: 'Your ((service)) application ((trackingCode)) is complete. Collect the result: ((collect)). Details: ((link))',
    },
    { id: 'Hasil permohonan ((trackingCode)) siap', en: 'Application ((trackingCode)) is ready' },
  ),
  citizen(
    'application.rejected',
    ['service', 'trackingCode', 'reason', 'link'],
    'mpp_permohonan_ditolak',
    {
      id: 'Permohonan ((service)) ((trackingCode)) tidak dapat dikabulkan: ((reason)). Rincian dan cara mengajukan keberatan: ((link))',
      en: 'Your ((service)) application ((trackingCode)) could not be granted: ((reason)). Details and how to object: ((link))',
    },
    { id: 'Keputusan permohonan ((trackingCode))', en: 'Decision on application ((trackingCode))' },
  ),
  citizen(
    'application.step',
    ['service', 'trackingCode', 'message', 'link'],
    'mpp_status_permohonan',
    {
      id: 'Permohonan ((service)) ((trackingCode)): ((message)). Pantau di ((link))',
      en: 'Your ((service)) application ((trackingCode)): ((message)). Track it at ((link))',
    },
    { id: 'Kabar permohonan ((trackingCode))', en: 'News on application ((trackingCode))' },
  ),
  citizen(
    'application.due_changed',
    ['service', 'trackingCode', 'before', 'dueDate', 'link'],
    'mpp_perkiraan_selesai_berubah',
    {
      id: 'Perkiraan selesai permohonan ((service)) ((trackingCode)) berubah dari ((before)) menjadi ((dueDate)) karena perubahan hari libur atau hari layanan. Pantau di ((link))',
      en: 'The expected completion of your ((service)) application ((trackingCode)) moved from ((before)) to ((dueDate)) because holidays or service days changed. Track it at ((link))',
    },
    { id: 'Perkiraan selesai ((trackingCode)) berubah', en: 'Expected date of ((trackingCode)) changed' },
  ),
  citizen(
    'appointment.booked',
    ['service', 'when', 'place', 'link'],
    'mpp_jadwal_dipesan',
    {
      id: 'Jadwal ((service)) Anda: ((when)) di ((place)). Bawa dokumen asli. Ubah atau batalkan di ((link))',
      en: 'Your ((service)) appointment: ((when)) at ((place)). Bring the original documents. Change or cancel at ((link))',
    },
    { id: 'Jadwal layanan ((when))', en: 'Appointment ((when))' },
  ),
  citizen(
    'appointment.moved',
    ['service', 'before', 'when', 'reason', 'link'],
    'mpp_jadwal_dipindah',
    {
      id: 'Jadwal ((service)) Anda dipindah dari ((before)) ke ((when)). Alasan: ((reason)). Jika tidak cocok, pilih jadwal lain di ((link))',
      en: 'Your ((service)) appointment moved from ((before)) to ((when)). Reason: ((reason)). If it does not suit you, pick another at ((link))',
    },
    { id: 'Jadwal dipindah ke ((when))', en: 'Appointment moved to ((when))' },
  ),
  citizen(
    'appointment.cancelled',
    ['service', 'when', 'reason', 'options', 'link'],
    'mpp_jadwal_dibatalkan',
    {
      id: 'Jadwal ((service)) Anda pada ((when)) dibatalkan oleh instansi. Alasan: ((reason)). Jadwal terdekat yang masih tersedia: ((options)). Pilih di ((link))',
      en: 'Your ((service)) appointment on ((when)) was cancelled by the agency. Reason: ((reason)). Next open session: ((options)). Book at ((link))',
    },
    { id: 'Jadwal ((when)) dibatalkan', en: 'Appointment ((when)) cancelled' },
  ),
  citizen(
    'appointment.withdrawn',
    ['service', 'when', 'link'],
    'mpp_jadwal_anda_batalkan',
    {
      id: 'Jadwal ((service)) Anda pada ((when)) sudah dibatalkan atas permintaan Anda. Bila bukan Anda yang membatalkan, atau ingin jadwal baru, buka ((link))',
      en: 'Your ((service)) appointment on ((when)) was cancelled as you asked. If you did not cancel it, or want a new one, go to ((link))',
    },
    { id: 'Jadwal ((when)) dibatalkan', en: 'Appointment ((when)) cancelled' },
  ),
  citizen(
    'queue.called_soon',
    ['queueNumber', 'ahead', 'counter'],
    'mpp_antrean_segera',
    {
      id: 'Nomor antrean ((queueNumber)) akan segera dipanggil (((ahead)) orang lagi) di ((counter)). Mohon mendekat ke loket.',
      en: 'Queue number ((queueNumber)) will be called soon (((ahead)) more ahead) at ((counter)). Please come to the counter.',
    },
    { id: 'Antrean ((queueNumber)) segera dipanggil', en: 'Queue number ((queueNumber)) called soon' },
    { urgent: true },
  ),
  citizen(
    'complaint.answered',
    ['trackingCode', 'link'],
    'mpp_pengaduan_dijawab',
    {
      id: 'Pengaduan Anda ((trackingCode)) sudah dijawab. Baca jawabannya dan beri penilaian di ((link))',
      en: 'Your complaint ((trackingCode)) has been answered. Read the answer and rate it at ((link))',
    },
    { id: 'Pengaduan ((trackingCode)) dijawab', en: 'Complaint ((trackingCode)) answered' },
  ),
  citizen(
    'complaint.rejected',
    ['trackingCode', 'link'],
    'mpp_pengaduan_ditolak',
    {
      id: 'Pengaduan Anda ((trackingCode)) tidak dapat diproses. Alasan dan langkah berikutnya: ((link))',
      en: 'Your complaint ((trackingCode)) cannot be handled. The reason and next steps: ((link))',
    },
    { id: 'Pengaduan ((trackingCode)) tidak diproses', en: 'Complaint ((trackingCode)) not handled' },
  ),
  citizen(
    'skm.invitation',
    ['service', 'link'],
    'mpp_survei_kepuasan',
    {
      id: 'Terima kasih telah menggunakan layanan ((service)). Bantu kami menjadi lebih baik: isi survei kepuasan (2 menit, tanpa nama) di ((link))',
      en: 'Thank you for using ((service)). Help us improve: answer the satisfaction survey (2 minutes, anonymous) at ((link))',
    },
    { id: 'Survei kepuasan layanan', en: 'Satisfaction survey' },
  ),
  {
    event: 'staff.notice',
    version: 1,
    category: 'service',
    urgent: false,
    audience: 'staff',
    fields: ['title', 'reference', 'link'],
    text: { id: '((title)): ((reference)). Buka ((link))', en: '((title)): ((reference)). Open ((link))' },
    subject: { id: '[MPP] ((title)) ((reference))', en: '[MPP] ((title)) ((reference))' },
  },
];

const BY_EVENT = new Map(CORE_TEMPLATES.map((t) => [t.event, t]));

/** The core template of an event. */
export function coreTemplate(event: string): NotificationTemplate | undefined {
  return BY_EVENT.get(event);
}

/** Staff notices' titles, by outbox kind. */
export const STAFF_TITLES: Readonly<Record<string, Text>> = {
  'sla.overdue': { id: 'Permohonan melewati batas waktu', en: 'Application past its due time' },
  'complaint.filed': { id: 'Pengaduan baru', en: 'New complaint' },
  'complaint.routed': { id: 'Pengaduan diteruskan kepada Anda', en: 'Complaint routed to you' },
  'complaint.reopened': { id: 'Pengaduan dibuka kembali', en: 'Complaint reopened' },
  'complaint.overdue': { id: 'Pengaduan melewati batas waktu', en: 'Complaint past its due time' },
  'events.endpoint-disabled': { id: 'Endpoint event dinonaktifkan', en: 'Event endpoint disabled' },
  'notifications.channel-failing': { id: 'Saluran notifikasi gagal', en: 'Notification channel failing' },
};
