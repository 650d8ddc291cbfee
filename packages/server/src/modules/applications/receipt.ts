import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { winAnsi } from '../../pdf-report.js';
import QRCode from 'qrcode';
import type { LocalizedText } from '@satupintu/core';

/**
 * The receipt (tanda terima) of a submitted application: what a person keeps after applying, online
 * or at the counter. pdf-lib draws it (already the platform's PDF library for issued outputs: pure
 * JavaScript, no native build, no fonts to ship); `qrcode` gives the QR as a module matrix, drawn
 * as vector squares (sharp when printed on a thermal or office printer, no image codec).
 */
export interface Receipt {
  /** "MPP Kab. Bandung Barat". */
  mpp: string;
  service: LocalizedText;
  agency: LocalizedText;
  trackingCode: string;
  applicantName: string | null;
  /** Masked: never the whole NIK on paper. */
  nikMasked: string | null;
  submittedAt: Date;
  timeZone: string;
  sla: { value: number; unit: 'minutes' | 'hours' | 'working-days' } | null;
  dueDate: string | null;
  /** Issue 23 (sla): while the service clock waits for its SOP event, the sentence that says so. */
  startsOn?: LocalizedText | null;
  /** The originals to bring to the counter. */
  documents: LocalizedText[];
  /** Where the QR leads: the application's tracking page. */
  link: string;
}

/** "Kabupaten Bandung Barat" → "MPP Kab. Bandung Barat"; a city keeps "Kota". */
export const mppName = (tenantName: string) => `MPP ${tenantName.replace(/^Kabupaten\s+/i, 'Kab. ')}`;

/** A NIK as printed: the first four digits (province, regency) and the last four, the rest hidden. */
export function maskNik(nik: string | undefined | null): string | null {
  if (!nik || !/^\d{16}$/.test(nik)) return null;
  return `${nik.slice(0, 4)}********${nik.slice(12)}`;
}

const zoneLabel = (tz: string) => (tz === 'Asia/Makassar' ? 'WITA' : tz === 'Asia/Jayapura' ? 'WIT' : 'WIB');

/** A moment in the tenant's zone: "Senin, 7 Desember 2026 pukul 19.05 WIB". */
export function whenLocal(at: Date, tz: string, lang: 'id' | 'en'): string {
  const day = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: tz }).format(at);
  const time = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz }).format(at);
  return `${day} ${lang === 'id' ? 'pukul' : 'at'} ${time} ${zoneLabel(tz)}`;
}

/** A local date (YYYY-MM-DD) with its weekday: "Jumat, 18 Desember 2026" (a calendar date has no zone). */
export function longLocalDate(date: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

const UNIT = { 'working-days': { id: 'hari kerja', en: 'working days' }, hours: { id: 'jam', en: 'hours' }, minutes: { id: 'menit', en: 'minutes' } } as const;

/** Renders the receipt as a one-page A4 PDF: Indonesian first, English beneath. */
export async function renderReceiptPdf(r: Receipt): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(`Tanda terima permohonan ${r.trackingCode}`));
  doc.setSubject(winAnsi(`${r.service.id} - ${r.mpp}`));
  doc.setLanguage('id-ID');
  doc.setProducer('Satupintu');
  doc.setCreationDate(r.submittedAt);
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.1, 0.1);
  let y = 790;
  const line = (text: string, size = 11, f: PDFFont = font, indent = 56, width = 88) => {
    for (const chunk of winAnsi(text).match(new RegExp(`.{1,${width}}(\\s|$)|.{1,${width}}`, 'g')) ?? ['']) {
      page.drawText(chunk.trim(), { x: indent, y, size, font: f, color: ink });
      y -= size + 5;
    }
  };
  const pair = (id: string, en: string, value: string) => {
    line(`${id} / ${en}`, 9, font);
    line(value, 12, bold, 56, 60);
    y -= 4;
  };

  line(r.mpp.toUpperCase(), 11, bold);
  line(`${r.agency.id} / ${r.agency.en}`, 9);
  y -= 12;
  line('TANDA TERIMA PERMOHONAN', 16, bold);
  line('Application receipt', 10);
  y -= 8;
  line('Kode lacak / Tracking code', 9);
  line(r.trackingCode, 22, bold);
  y -= 6;
  pair('Layanan', 'Service', r.service.id);
  if (r.service.en !== r.service.id) {
    line(r.service.en, 9);
    y -= 4;
  }
  if (r.applicantName) pair('Pemohon', 'Applicant', r.applicantName);
  if (r.nikMasked) pair('NIK (disamarkan)', 'ID number (masked)', r.nikMasked);
  pair('Diajukan', 'Submitted', whenLocal(r.submittedAt, r.timeZone, 'id'));
  line(whenLocal(r.submittedAt, r.timeZone, 'en'), 9);
  y -= 4;
  if (r.dueDate) {
    const sla = r.sla ? ` (${r.sla.value} ${UNIT[r.sla.unit].id})` : '';
    pair('Perkiraan selesai paling lambat', 'Expected by', `${longLocalDate(r.dueDate, 'id')}${sla}`);
    line(`${longLocalDate(r.dueDate, 'en')}${r.sla ? ` (${r.sla.value} ${UNIT[r.sla.unit].en})` : ''}`, 9);
    y -= 4;
  } else if (r.startsOn) {
    const sla = r.sla ? ` (${r.sla.value} ${UNIT[r.sla.unit].id})` : '';
    pair('Perkiraan selesai', 'Expected by', `${r.startsOn.id.replace(/\.$/, '')}${sla}.`);
    line(r.startsOn.en, 9);
    y -= 4;
  }
  drawQr(page, r.link, 56, y - 140, 140, font);
  y -= 175;
  line('Dokumen asli yang dibawa ke gerai / Original documents to bring to the counter', 10, bold);
  if (r.documents.length === 0) line('- Kartu identitas (KTP-el) / Your identity card', 10);
  for (const d of r.documents) line(`- ${d.id}${d.en !== d.id ? ` / ${d.en}` : ''}`, 10, font, 64);
  y -= 10;
  line('Simpan tanda terima ini. Pindai kode QR atau buka tautan di bawah untuk melihat status permohonan.', 9);
  line('Keep this receipt. Scan the QR code or open the link below to see the status of your application.', 9);
  line(r.link, 8, font, 56, 200);
  y -= 10;
  line('Dokumen ini dibuat oleh Satupintu, Mal Pelayanan Publik, dan sah tanpa tanda tangan.', 8);
  line('Issued by Satupintu, the public service mall platform; valid without a signature.', 8);
  return doc.save();
}

/** The QR code of `text` as dark squares (error correction M: still readable when creased). */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont, caption = 'Pindai untuk melacak / Scan to track'): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + quiet * 2);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(row, col)) page.drawRectangle({ x: x + (col + quiet) * cell, y: y + size - (row + quiet + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
  if (caption) page.drawText(caption, { x: x + 150, y: y + size / 2, size: 8, font, color: rgb(0.1, 0.1, 0.1) });
}
