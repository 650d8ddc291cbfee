import { PdfReport } from '../../pdf-report.js';
import { CATEGORIES, WEIGHTING } from './ikm.js';
import type { FollowUpView, IkmReportView, SkmPublicationView } from './schemas.js';

export interface SkmReportExport {
  report: IkmReportView;
  /** Respondents per profile value (counts only). */
  profile: readonly { attribute: 'sex' | 'age_band' | 'education' | 'occupation'; value: string; n: number }[];
  followUps: FollowUpView[];
  publications: SkmPublicationView[];
  generatedAt: Date;
}

const MEDIA: Record<SkmPublicationView['medium'], string> = {
  website: 'Situs web / Website',
  'notice-board': 'Papan pengumuman / Notice board',
  'social-media': 'Media sosial / Social media',
  'print-media': 'Media cetak / Print media',
  other: 'Lainnya / Other',
};
const n4 = (x: number | null) => (x === null ? '-' : x.toFixed(4));
const n2 = (x: number | null) => (x === null ? '-' : x.toFixed(2));

/**
 * The SKM result as the annex of PermenPANRB 14/2017 lays it out: respondents and period, per
 * unsur the sum, NRR and weighted NRR, the sum of weighted NRR, the IKM (×25), mutu pelayanan
 * A–D and kinerja unit, the conversion table, the per-service IKM, the follow-up plan on the
 * weakest unsur, and the publication log. Aggregates only: no answer, profile or suggestion.
 */
export async function renderSkmReportPdf(x: SkmReportExport): Promise<Uint8Array> {
  const r = x.report;
  const pdf = await PdfReport.create({ title: `Laporan SKM ${r.tenant.name} ${r.period.from} s.d. ${r.period.to}`, createdAt: x.generatedAt });
  pdf
    .text('LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)', { size: 14, bold: true })
    .text('Community satisfaction survey (SKM) result report', { size: 10 })
    .text(`${r.tenant.name} - Mal Pelayanan Publik`, { size: 11, bold: true })
    .text(`Periode / Period: ${r.period.from} s.d. ${r.period.to}`)
    .text('Dasar / Basis: Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik.', { size: 9 });

  pdf.heading('1. Responden / Respondents');
  pdf.text(`Jumlah responden / Respondents: ${r.respondents}`);
  pdf.text(
    `Populasi / Population: ${r.sample.population} (${r.sample.populationBasis}); sampel minimum Krejcie-Morgan / minimum sample: ${r.sample.krejcieMorgan.minimum}; ${r.sample.sufficient ? 'memenuhi / sufficient' : 'belum memenuhi / insufficient'}.`,
    { size: 9 },
  );

  const ATTRIBUTES = { sex: 'Jenis kelamin / Sex', age_band: 'Usia / Age', education: 'Pendidikan / Education', occupation: 'Pekerjaan / Occupation' } as const;
  if (x.profile.length)
    pdf.table(
      ['Karakteristik / Profile', 'Kategori / Value', 'Jumlah / Count', 'Persentase / Share'],
      x.profile.map((v) => [ATTRIBUTES[v.attribute], v.value === 'L' ? 'Laki-laki (L)' : v.value === 'P' ? 'Perempuan (P)' : v.value, v.n, r.respondents ? `${((v.n / r.respondents) * 100).toFixed(1)}%` : null]),
      [0.35, 0.3, 0.15, 0.2],
    );

  pdf.heading('2. Nilai per unsur / Value per unsur');
  pdf.table(
    ['Unsur', 'Nama unsur / Element', 'Jumlah nilai / Sum', 'NRR', 'NRR tertimbang / Weighted'],
    r.elements.map((e) => [e.element, `${e.name.id} / ${e.name.en}`, e.sum, n4(e.nrr), n4(e.weightedNrr)]),
    [0.08, 0.47, 0.15, 0.12, 0.18],
  );
  pdf.text(`Jumlah NRR tertimbang / Sum of weighted NRR: ${n4(r.weightedNrr)}`, { bold: true });
  pdf.text(`IKM unit pelayanan = NRR tertimbang x 25 / Service unit IKM: ${n2(r.ikm)}`, { bold: true });
  pdf.text(`Mutu pelayanan / Service quality: ${r.category ?? '-'}    Kinerja unit pelayanan / Unit performance: ${r.performance ? `${r.performance.id} / ${r.performance.en}` : '-'}`, { bold: true });
  pdf.text(
    `Konvensi bobot / Weighting: ${WEIGHTING.description.id} ${r.weighting.legacyIkm !== undefined ? `IKM dengan bobot 0,111 / with weight 0.111: ${n2(r.weighting.legacyIkm)} (${r.weighting.legacyCategory}).` : ''}`,
    { size: 8.5 },
  );
  if (r.lowest) {
    const low = r.elements.find((e) => e.element === r.lowest?.element);
    pdf.text(`Unsur terendah / Weakest unsur: ${r.lowest.element} ${low ? low.name.id : ''} (NRR ${n4(r.lowest.nrr)})`);
  }

  pdf.heading('3. Nilai persepsi, interval, mutu dan kinerja / Conversion table');
  pdf.table(
    ['Nilai persepsi', 'Nilai interval (NRR)', 'Nilai interval konversi (IKM)', 'Mutu', 'Kinerja unit'],
    [...CATEGORIES].reverse().map((c, i) => [i + 1, `${c.nrrRange[0]} - ${c.nrrRange[1]}`, `${c.ikmRange[0].toFixed(2)} - ${c.ikmRange[1].toFixed(2)}`, c.category, `${c.performance.id} / ${c.performance.en}`]),
    [0.14, 0.22, 0.26, 0.1, 0.28],
  );

  if (r.services.length) {
    pdf.heading('4. IKM per layanan / IKM per service');
    pdf.table(
      ['Layanan / Service', 'Responden', 'IKM', 'Mutu', 'Unsur terendah'],
      r.services.map((s) => [s.service, s.respondents, n2(s.ikm), s.category, s.lowest ? `${s.lowest.element} (${n4(s.lowest.nrr)})` : null]),
      [0.42, 0.13, 0.13, 0.1, 0.22],
    );
  }

  pdf.heading('5. Rencana tindak lanjut / Follow-up plan');
  if (!x.followUps.length) pdf.text('Belum ada tindak lanjut tercatat untuk periode ini. / No follow-up recorded for this period.');
  else
    pdf.table(
      ['Lingkup / Scope', 'Unsur', 'Rencana / Plan', 'Penanggung jawab / Owner', 'Tenggat / Due', 'Status', 'Hasil / Result'],
      x.followUps.map((f) => [f.scope === 'tenant' ? 'MPP' : f.scopeKey, `${f.element} ${f.elementName.id}`, f.plan, f.owner, f.dueOn, f.status === 'closed' ? 'selesai / closed' : f.overdue ? 'terlambat / overdue' : 'berjalan / open', f.result]),
      [0.15, 0.15, 0.2, 0.14, 0.1, 0.1, 0.16],
    );

  pdf.heading('6. Publikasi hasil SKM / Publication of the result');
  if (!x.publications.length) pdf.text('Belum ada publikasi tercatat. / No publication recorded.');
  else
    pdf.table(
      ['Tanggal / Date', 'Media', 'Lokasi / URL', 'Oleh / By', 'Periode / Period'],
      x.publications.map((p) => [p.publishedOn, MEDIA[p.medium], p.location, p.publishedBy, `${p.period.from} s.d. ${p.period.to}`]),
      [0.13, 0.2, 0.35, 0.16, 0.16],
    );

  pdf.text(`Dibuat / Generated: ${x.generatedAt.toISOString()} - Satupintu. Hanya agregat; tidak memuat jawaban perorangan. / Aggregates only; no individual answer.`, { size: 8 });
  return pdf.save();
}
