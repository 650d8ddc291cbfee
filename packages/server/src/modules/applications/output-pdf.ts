import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { winAnsi } from '../../pdf-report.js';
import { drawQr } from './receipt.js';
import type { LocalizedText } from '@satupintu/core';

export interface OutputDocument {
  tenantName: string;
  agencyName: LocalizedText;
  outputName: LocalizedText;
  serviceName: LocalizedText;
  number: string;
  applicantName: string;
  issuedAt: Date;
  validUntil?: Date;
  timeZone: string;
  fields: { label: string; value: string }[];
  /** Part "fees" (issue 23): the public verification page the QR code leads to, and its code printed beneath. */
  verify?: { url: string; code: string };
}

const fmt = (d: Date, tz: string) => new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: tz }).format(d);

/**
 * Renders an issued product (e.g. the loss report) as a one-page A4 PDF, with the QR code of its
 * verification page. `sign` (PAdES, modules/signatures) saves it signed; without it, it is saved as is.
 */
export async function renderOutputPdf(o: OutputDocument, sign?: (doc: PDFDocument) => Promise<Uint8Array>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(`${o.outputName.id} ${o.number}`));
  doc.setProducer('Satupintu');
  doc.setCreationDate(o.issuedAt);
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 790;
  const line = (text: string, size = 11, f = font, indent = 56) => {
    for (const chunk of winAnsi(text).match(/.{1,90}(\s|$)|.{1,90}/g) ?? ['']) {
      page.drawText(chunk.trim(), { x: indent, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 5;
    }
  };
  line(o.tenantName.toUpperCase(), 10, bold);
  line(`${o.agencyName.id} / ${o.agencyName.en}`, 10);
  y -= 14;
  line(o.outputName.id.toUpperCase(), 15, bold);
  line(o.outputName.en, 10);
  line(`Nomor / Number: ${o.number}`, 11, bold);
  y -= 10;
  line(`Layanan / Service: ${o.serviceName.id}`);
  line(`Atas nama / Issued to: ${o.applicantName}`);
  y -= 6;
  for (const f of o.fields) line(`${f.label}: ${f.value}`, 10);
  y -= 14;
  line(`Diterbitkan / Issued: ${fmt(o.issuedAt, o.timeZone)} (${o.timeZone})`, 10);
  if (o.validUntil) line(`Berlaku sampai / Valid until: ${fmt(o.validUntil, o.timeZone)}`, 10);
  y -= 20;
  if (o.verify) {
    y -= 10;
    drawQr(page, o.verify.url, 56, y - 110, 110, font, '');
    page.drawText(winAnsi(`Kode verifikasi / Verification code: ${o.verify.code}`), { x: 180, y: y - 40, size: 9, font: bold, color: rgb(0.1, 0.1, 0.1) });
    page.drawText(winAnsi('Pindai untuk memeriksa keaslian / Scan to verify'), { x: 180, y: y - 55, size: 8, font, color: rgb(0.1, 0.1, 0.1) });
    page.drawText(winAnsi(o.verify.url), { x: 180, y: y - 68, size: 7, font, color: rgb(0.1, 0.1, 0.1) });
    y -= 125;
    line('Dokumen ini ditandatangani secara elektronik; keasliannya dapat diperiksa di halaman verifikasi dan di pembaca PDF.', 8);
    line('This document is electronically signed; check it on the verification page and in any PDF reader.', 8);
  } else {
    line('Dokumen ini diterbitkan melalui Satupintu, Mal Pelayanan Publik. Keaslian dapat diperiksa dengan nomor di atas.', 8);
    line('Issued through Satupintu, the public service mall platform. Verify authenticity with the number above.', 8);
  }
  return sign ? sign(doc) : doc.save();
}
