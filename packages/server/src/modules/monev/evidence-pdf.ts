import { PdfReport } from '../../pdf-report.js';
import type { EvidencePackView } from './schemas.js';

const STATUS: Record<string, string> = { met: 'Terpenuhi / Met', partly: 'Sebagian / Partly', missing: 'Belum / Missing' };
const show = (v: string | number | boolean | null) => (v === null ? '-' : typeof v === 'boolean' ? (v ? 'ya / yes' : 'tidak / no') : String(v));

/** The evidence pack as a PDF the regency files with its Monev submission (the same content as the JSON). */
export async function renderEvidencePdf(pack: EvidencePackView): Promise<Uint8Array> {
  const t = pack.tenant;
  const pdf = await PdfReport.create({ title: `Paket bukti Monev MPP ${t.name} ${pack.period.from} s.d. ${pack.period.to}`, createdAt: new Date(pack.generatedAt) });
  pdf
    .text('PAKET BUKTI MONITORING DAN EVALUASI MAL PELAYANAN PUBLIK', { size: 13, bold: true })
    .text('Monev MPP evidence pack', { size: 10 })
    .text(`${t.name} (${t.code}), ${t.provinceName} - status ${t.mppStatus}`, { bold: true })
    .text(`Periode / Period: ${pack.period.from} s.d. ${pack.period.to}`)
    .text(`Instrumen / Instrument: ${pack.instrument}`, { size: 8.5 })
    .text(`Ringkasan / Summary: ${pack.summary.met} terpenuhi / met, ${pack.summary.partly} sebagian / partly, ${pack.summary.missing} belum / missing`, { bold: true });
  pdf.table(
    ['Indikator / Indicator', 'Status', 'Dasar / Basis'],
    pack.indicators.map((i) => [`${i.name.id} / ${i.name.en}`, STATUS[i.status] ?? i.status, i.basis]),
    [0.5, 0.17, 0.33],
  );
  for (const i of pack.indicators) {
    pdf.heading(`${i.name.id} - ${STATUS[i.status] ?? i.status}`);
    pdf.text(`${i.name.en}. Sumber / Source: ${i.source}`, { size: 8.5 });
    pdf.table(['Bukti / Evidence', 'Nilai / Value'], i.evidence.map((e) => [`${e.label.id} / ${e.label.en}`, show(e.value)]), [0.6, 0.4]);
    pdf.text(`${i.note.id} / ${i.note.en}`, { size: 8.5 });
  }
  pdf.heading('Peringatan Monev / Monev alerts');
  if (!pack.alerts.length) pdf.text('Tidak ada peringatan pada periode ini. / No alert in the period.');
  else pdf.table(['Peringatan / Alert', 'Periode / Period'], pack.alerts.map((a) => [`${a.message.id} / ${a.message.en}`, `${a.period.from} s.d. ${a.period.to}`]), [0.75, 0.25]);
  pdf.text(`Dibuat / Generated: ${pack.generatedAt} - Satupintu. Hanya agregat; tanpa data pribadi. / Aggregates only; no personal data.`, { size: 8 });
  return pdf.save();
}
