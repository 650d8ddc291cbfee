import { useState } from 'react';
import { Link } from 'wouter';
import { client, errorText, unwrap } from '../api.js';
import { Async, ErrorBox, PageTitle, RequireLogin, useAsync } from '../components.js';
import { useI18n } from '../i18n.js';
import type { Localized } from '../types.js';
import { BookingItem, listBookings, longDate, useTenantZone } from '../ui/appointments.js';
import { slaStart } from '../ui/sla.js';
import '../ui/appointments.css';

const W = {
  title: { id: 'Permohonan terkirim', en: 'Application submitted' },
  codeLabel: { id: 'Kode lacak Anda', en: 'Your tracking code' },
  codeHint: { id: 'Catat atau simpan kode ini. Sebutkan kode ini di gerai atau saat bertanya.', en: 'Write down or keep this code. Give it at the counter or when you ask about your application.' },
  copy: { id: 'Salin kode', en: 'Copy the code' },
  copied: { id: 'Kode tersalin', en: 'Code copied' },
  copyFailed: { id: 'Tidak dapat menyalin otomatis: pilih kodenya lalu salin.', en: 'Could not copy automatically: select the code and copy it.' },
  receipt: { id: 'Unduh tanda terima (PDF)', en: 'Download the receipt (PDF)' },
  receiptHint: { id: 'Tanda terima memuat kode lacak, tanggal, dokumen yang dibawa dan kode QR untuk melacak permohonan.', en: 'The receipt has the tracking code, the dates, the documents to bring and a QR code to track the application.' },
  receiptFailed: { id: 'Tanda terima belum dapat diunduh. Periksa koneksi Anda lalu coba lagi.', en: 'The receipt could not be downloaded. Check your connection and try again.' },
  next: { id: 'Apa selanjutnya', en: 'What happens next' },
  checked: { id: 'Petugas {a} memeriksa permohonan dan dokumen Anda.', en: 'An officer of {a} checks your application and documents.' },
  dueBy: { id: 'Paling lambat selesai: {d}', en: 'To be finished by: {d}' },
  dueWorking: {
    id: '{n} hari kerja sejak dikirim (tidak termasuk Sabtu, Minggu, libur nasional dan cuti bersama).',
    en: '{n} working days from submission (not counting Saturdays, Sundays, national holidays and cuti bersama).',
  },
  dueUnknown: { id: 'Waktu penyelesaian mengikuti standar pelayanan.', en: 'The time it takes follows the service standard.' },
  more: { id: 'Bila petugas memerlukan dokumen tambahan, kami mengabari Anda; permohonan menunggu sampai Anda melengkapinya.', en: 'If the officer needs more documents, we tell you; the application waits until you add them.' },
  bring: { id: 'Yang dibawa ke gerai', en: 'What to bring to the counter' },
  bringIntro: { id: 'Bawa dokumen asli dari berkas yang Anda unggah, untuk dicocokkan petugas:', en: 'Bring the originals of the files you uploaded, for the officer to check:' },
  bringId: { id: 'Kartu identitas Anda (KTP-el, atau Kartu Keluarga bila belum punya KTP-el)', en: 'Your identity card (KTP-el, or the family card if you have no KTP-el yet)' },
  told: { id: 'Bagaimana kami mengabari Anda', en: 'How we will tell you' },
  toldBy: { id: 'Kami mengirim kabar permohonan dan jadwal lewat: {c}.', en: 'We send news of your application and appointment by: {c}.' },
  toldNone: { id: 'Anda belum memilih saluran pesan, jadi kabar hanya ada di halaman Pesan saya. Tambahkan WhatsApp atau SMS agar tidak ketinggalan.', en: 'You have not chosen a message channel yet, so news is only on the My messages page. Add WhatsApp or SMS so you do not miss it.' },
  channels: { id: 'Atur saluran pesan', en: 'Set your message channels' },
  toldFiled: {
    id: 'Pemohon dikabari lewat nomor yang dicatat dengan persetujuannya saat pengajuan. Berikan tanda terima kepada pemohon; jadwal datang dicatat petugas di gerai.',
    en: 'The applicant is told on the number recorded with their consent when filing. Give the applicant the receipt; the visit is booked by an officer at the counter.',
  },
  book: { id: 'Jadwal datang ke gerai', en: 'Your visit to the counter' },
  bookNeeded: { id: 'Layanan ini memerlukan jadwal. Pilih sesi untuk permohonan ini.', en: 'This service needs an appointment. Choose a session for this application.' },
  bookOptional: { id: 'Anda dapat memilih sesi agar tidak menunggu lama di gerai.', en: 'You can choose a session so you do not wait long at the counter.' },
  bookButton: { id: 'Pilih jadwal', en: 'Choose a session' },
  track: { id: 'Lihat status permohonan', en: 'See the application’s status' },
  notSubmitted: { id: 'Permohonan ini belum dikirim. Lanjutkan mengisi lalu kirim.', en: 'This application is not submitted yet. Continue filling it in, then submit.' },
  continue: { id: 'Lanjutkan permohonan', en: 'Continue the application' },
} satisfies Record<string, Localized>;

const CHANNEL: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' };
const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** Downloads the receipt PDF with the signed-in person's token (a plain link would carry none). */
async function downloadReceipt(tenant: string, id: string, trackingCode: string): Promise<void> {
  const r = await client.GET('/api/v1/tenants/{tenant}/applications/{id}/receipt', { params: { path: { tenant, id } }, parseAs: 'blob' });
  if (r.error !== undefined || !(r.data instanceof Blob)) throw r.error ?? new Error(String(r.response.status));
  const url = URL.createObjectURL(r.data);
  const a = document.createElement('a');
  a.href = url;
  a.download = `tanda-terima-${trackingCode}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** After submitting: the tracking code, what happens next and when, what to bring, how we tell them, the receipt, a session. */
export function Confirmation({ tenant, id }: { tenant: string; id: string }) {
  const { L, lang } = useI18n();
  const zone = useTenantZone(tenant);
  const state = useAsync(async () => {
    const a = await unwrap(client.GET('/api/v1/tenants/{tenant}/applications/{id}', { params: { path: { tenant, id } } }));
    const service = await unwrap(client.GET('/api/v1/tenants/{tenant}/services/{service}', { params: { path: { tenant, service: a.service.id } } })).catch(() => null);
    return { a, service };
  }, [tenant, id]);
  // Contacts and bookings are the signed-in person's own (shown for an application they filed online).
  const contacts = useAsync(() => unwrap(client.GET('/api/v1/tenants/{tenant}/me/contacts', { params: { path: { tenant } } })).catch(() => null), [tenant]);
  const bookings = useAsync(() => listBookings(tenant, id), [tenant, id]);
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  return (
    <RequireLogin>
      <Async state={state}>
        {({ a, service }) => {
          if (a.status === 'draft')
            return (
              <>
                <PageTitle sub={L(a.service.name)}>{L(W.title)}</PageTitle>
                <p>{L(W.notSubmitted)}</p>
                <Link className="btn" href={`/t/${tenant}/layanan/${a.service.id}/ajukan?draft=${a.id}`}>
                  {L(W.continue)}
                </Link>
              </>
            );
          const uploaded = new Set(a.documents.map((d) => d.code));
          const bring = (service?.documents ?? []).filter((d) => uploaded.has(d.code));
          const channels = (contacts.data?.contacts ?? []).filter((c) => c.consent?.granted).map((c) => CHANNEL[c.channel] ?? c.channel);
          const active = (bookings.data?.items ?? []).filter((b) => b.status === 'booked');
          const sla = service?.sla;
          // Filed for someone else (assisted, counter): the filer's own channels and bookings are not the applicant's.
          const own = a.channel === 'online';
          return (
            <>
              <PageTitle sub={L(a.service.name)}>{L(W.title)}</PageTitle>
              <section className="card" aria-labelledby="code-h">
                <h2 id="code-h" className="h3">
                  {L(W.codeLabel)}
                </h2>
                <p className="tracking-big" id="tracking-code">
                  {a.trackingCode}
                </p>
                <p className="small">{L(W.codeHint)}</p>
                <div className="actions">
                  <button
                    type="button"
                    className="btn secondary small"
                    onClick={() => {
                      // No clipboard (an old browser, or not a secure page): say so, the code stays selectable.
                      if (!navigator.clipboard) return setCopied(L(W.copyFailed));
                      navigator.clipboard.writeText(a.trackingCode).then(
                        () => setCopied(L(W.copied)),
                        () => setCopied(L(W.copyFailed)),
                      );
                    }}
                  >
                    {L(W.copy)}
                  </button>
                  <button type="button" className="btn small" aria-describedby="receipt-hint" onClick={() => void downloadReceipt(tenant, a.id, a.trackingCode).then(() => setError(null), () => setError(new Error(L(W.receiptFailed))))}>
                    {L(W.receipt)}
                  </button>
                </div>
                <p className="small muted" id="receipt-hint">
                  {L(W.receiptHint)}
                </p>
                <p role="status" aria-live="polite" className="small">
                  {copied}
                </p>
                {error ? (
                  <p className="alert error" role="alert">
                    {errorText(error, lang)}
                  </p>
                ) : null}
              </section>

              <section className="card" aria-labelledby="next-h">
                <h2 id="next-h">{L(W.next)}</h2>
                <ol className="confirm-steps">
                  <li>{fill(L(W.checked), { a: L(a.service.agency.name) })}</li>
                  <li>
                    {a.sla.dueDate ? <strong>{fill(L(W.dueBy), { d: longDate(a.sla.dueDate, lang) })}</strong> : slaStart(a.sla) ? L(slaStart(a.sla)!.message) : L(W.dueUnknown)}
                    {a.sla.dueDate && sla?.unit === 'working-days' && (
                      <>
                        <br />
                        <span className="small">{fill(L(W.dueWorking), { n: sla.value })}</span>
                      </>
                    )}
                  </li>
                  <li>{L(W.more)}</li>
                </ol>
              </section>

              <section className="card" aria-labelledby="bring-h">
                <h2 id="bring-h">{L(W.bring)}</h2>
                <p>{L(W.bringIntro)}</p>
                <ul>
                  {bring.length === 0 && <li>{L(W.bringId)}</li>}
                  {bring.map((d) => (
                    <li key={d.code}>{L(d.name)}</li>
                  ))}
                </ul>
              </section>

              <section className="card" aria-labelledby="told-h">
                <h2 id="told-h">{L(W.told)}</h2>
                {own ? (
                  <>
                    <p>{channels.length ? fill(L(W.toldBy), { c: channels.join(', ') }) : L(W.toldNone)}</p>
                    <Link href={`/t/${tenant}/saluran`}>{L(W.channels)}</Link>
                  </>
                ) : (
                  <p>{L(W.toldFiled)}</p>
                )}
              </section>

              {own && service?.schedule && (
                <section className="card" aria-labelledby="book-h">
                  <h2 id="book-h">{L(W.book)}</h2>
                  <ErrorBox error={bookings.error} />
                  {active.length > 0 ? (
                    active.map((b) => <BookingItem key={b.id} tenant={tenant} booking={b} zone={zone} onChange={bookings.reload} />)
                  ) : (
                    <>
                      <p>{L(service.schedule.appointmentRequired ? W.bookNeeded : W.bookOptional)}</p>
                      <Link className="btn" href={`/t/${tenant}/layanan/${a.service.id}/sesi?permohonan=${a.id}`}>
                        {L(W.bookButton)}
                      </Link>
                    </>
                  )}
                </section>
              )}
              <p>
                <Link href={`/t/${tenant}/permohonan/${a.id}`}>{L(W.track)}</Link>
              </p>
            </>
          );
        }}
      </Async>
    </RequireLogin>
  );
}
