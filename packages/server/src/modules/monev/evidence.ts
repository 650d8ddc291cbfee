import type { Checklist } from '../onboarding/index.js';
import type { ComplaintStats } from '../complaints/index.js';
import type { FollowUpView, IkmReportView, SkmPublicationView } from '../skm/index.js';
import type { AlertRow, PeriodFiguresRow } from './queries.js';
import type { EvidenceItemView, EvidenceStatusValue } from './schemas.js';

/** Visits (check-ins and queue numbers) of a tenant over a period, from whichever module counts them. */
export interface VisitsFigures {
  visits: number;
  /** What was counted, e.g. "check-ins and queue tickets (national_visits)". */
  source: string;
}

/** The slot the lead wires to the visits aggregate (built by another part of issue 23); absent until then. */
export type VisitsSource = (ctx: { tenantId: string; from: string; to: string }) => Promise<VisitsFigures | null>;

/** What the evidence pack is built from: aggregates the platform already holds, read at one instant. */
export interface EvidenceInputs {
  checklist: Checklist;
  figures: PeriodFiguresRow | undefined;
  ikm: IkmReportView;
  followUps: readonly FollowUpView[];
  publications: readonly SkmPublicationView[];
  complaints: Awaited<ReturnType<ComplaintStats['stats']>>;
  alerts: readonly AlertRow[];
  visits: VisitsFigures | null;
  /** Cross-agency journey links of the installed services: a document one service takes from another's output. */
  journeys: readonly { service: string; from: string; installed: boolean }[];
  /** SLA compliance at or above this share is "met" (the cockpit's `slaMin`). */
  slaMin: number;
}

type Value = string | number | boolean | null;
const ev = (id: string, en: string, value: Value) => ({ label: { id, en }, value });
const share = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

function item(key: string, name: [string, string], basis: string, status: EvidenceStatusValue, source: string, evidence: EvidenceItemView['evidence'], note: [string, string]): EvidenceItemView {
  return { key, name: { id: name[0], en: name[1] }, basis, status, source, evidence, note: { id: note[0], en: note[1] } };
}

/**
 * The Monev MPP evidence pack's indicators (docs/monitoring.md "Evidence pack"): each evaluation
 * indicator the ministry scores an MPP on, with the platform's evidence and a status met /
 * partly / missing. A pure function of aggregates: counts, shares, dates, decree numbers — no
 * person's name, no username, no free text a citizen wrote.
 */
export function evidenceItems(x: EvidenceInputs): EvidenceItemView[] {
  const c = x.checklist;
  const done = (k: string) => c.items.find((i) => i.key === k)?.done ?? false;
  const out: EvidenceItemView[] = [];

  const establishment = c.decrees.filter((d) => d.kind === 'mpp-establishment');
  out.push(
    item(
      'legal-basis',
      ['Dasar hukum penyelenggaraan MPP (SK/Perkada)', 'Legal basis of the MPP (decree)'],
      'Perpres 89/2021; PermenPANRB 92/2021 (Juknis MPP)',
      establishment.length ? 'met' : c.decrees.length ? 'partly' : 'missing',
      'onboarding: decrees',
      [
        ev('SK penyelenggaraan MPP', 'MPP establishment decree', establishment.map((d) => `${d.number} (${d.signedOn})`).join('; ') || null),
        ev('SK lain tercatat', 'Other decrees recorded', c.decrees.filter((d) => d.kind !== 'mpp-establishment').map((d) => `${d.kind}: ${d.number} (${d.signedOn})`).join('; ') || null),
      ],
      establishment.length ? ['SK penyelenggaraan MPP tercatat.', 'The establishment decree is recorded.'] : ['Catat SK penyelenggaraan MPP (jenis mpp-establishment).', 'Record the establishment decree (kind mpp-establishment).'],
    ),
  );

  out.push(
    item(
      'commitment-launch',
      ['Komitmen dan peluncuran MPP', 'Commitment and launch'],
      'Perpres 89/2021 Pasal 5; komitmen dengan KemenPAN-RB (satu tahun)',
      c.launchedOn ? (c.deadlineMet === false ? 'partly' : 'met') : c.committedOn ? 'partly' : 'missing',
      'onboarding: lifecycle',
      [
        ev('Status', 'Status', c.status),
        ev('Tanggal komitmen', 'Commitment date', c.committedOn),
        ev('Batas waktu', 'Deadline', c.deadline),
        ev('Tanggal peluncuran', 'Launch date', c.launchedOn),
        ev('Tanggal peresmian', 'Inauguration date', c.inauguratedOn),
        ev('Tepat waktu', 'Launched by the deadline', c.deadlineMet),
      ],
      c.launchedOn ? (c.deadlineMet === false ? ['Diluncurkan setelah batas waktu komitmen.', 'Launched after the commitment deadline.'] : ['Diluncurkan.', 'Launched.']) : ['Belum diluncurkan.', 'Not launched yet.'],
    ),
  );

  const agencies = c.counts.agenciesJoined;
  out.push(
    item(
      'agencies',
      ['Instansi bergabung (perjanjian kerja sama)', 'Agencies joined (cooperation agreements)'],
      'Perpres 89/2021; Modul MPP KemenPAN-RB: kesepakatan bersama dan PKS',
      done('agencies') ? 'met' : agencies > 0 ? 'partly' : 'missing',
      'onboarding: agencies (MoU/PKS)',
      [ev('Instansi dengan PKS', 'Agencies with an agreement', agencies), ev('Instansi', 'Agencies', c.agencies.map((a) => a.agencyCode).join(', ') || null)],
      done('agencies') ? ['Setiap instansi yang pluginnya terpasang memiliki PKS.', 'Every agency with an installed plugin has an agreement.'] : ['Ada instansi dengan plugin terpasang tanpa PKS.', 'Some agencies with an installed plugin have no agreement.'],
    ),
  );

  const { servicesInstalled, servicesLive, servicesPlanned } = c.counts;
  out.push(
    item(
      'services',
      ['Jumlah layanan terintegrasi', 'Integrated services'],
      'Perpres 89/2021 (integrasi layanan pusat, daerah, BUMN/BUMD, swasta)',
      servicesLive > 0 && servicesLive >= servicesPlanned ? 'met' : servicesInstalled > 0 ? 'partly' : 'missing',
      'onboarding: installed services and standards',
      [ev('Layanan terpasang', 'Services installed', servicesInstalled), ev('Layanan aktif (SP ditetapkan)', 'Services live (standard set)', servicesLive), ev('Layanan direncanakan', 'Services planned', servicesPlanned)],
      ['Layanan aktif dibandingkan rencana dalam PKS.', 'Live services against the agreements’ plan.'],
    ),
  );

  const published = c.services.filter((s) => s.published).length;
  out.push(
    item(
      'service-standards',
      ['Standar pelayanan ditetapkan dan dipublikasikan', 'Service standards set and published'],
      'UU 25/2009 Pasal 20-21; PermenPANRB 15/2014 (14 komponen)',
      c.services.length > 0 && published === c.services.length ? 'met' : published > 0 ? 'partly' : 'missing',
      'onboarding: standards (14 components, SK)',
      [
        ev('Layanan dengan SP ber-SK', 'Services with a standard set by decree', published),
        ev('Layanan terpasang', 'Services installed', c.services.length),
        ev('Layanan dengan 14 komponen lengkap', 'Services with all 14 components', c.services.filter((s) => s.standardComplete).length),
      ],
      ['Setiap layanan memerlukan standar pelayanan lengkap yang ditetapkan dengan SK.', 'Every service needs a complete standard set by decree.'],
    ),
  );

  out.push(
    item(
      'maklumat',
      ['Maklumat pelayanan ditetapkan dan dipublikasikan', 'Maklumat pelayanan set and published'],
      'UU 25/2009 Pasal 22',
      c.maklumat ? 'met' : 'missing',
      'onboarding: maklumat',
      [ev('Ditandatangani pada', 'Signed on', c.maklumat?.signedOn ?? null), ev('Dipublikasikan pada', 'Published at', c.maklumat?.publishedAt ?? null)],
      c.maklumat ? ['Maklumat tampil di portal publik tenant.', 'The maklumat is shown on the tenant’s public portal.'] : ['Maklumat belum dipublikasikan.', 'No maklumat published yet.'],
    ),
  );

  const settable = c.services.filter((s) => s.counterSettable);
  const withCounter = settable.filter((s) => s.counter).length;
  out.push(
    item(
      'counters',
      ['Gerai pelayanan per layanan', 'Service counters (gerai)'],
      'Modul MPP KemenPAN-RB (gerai dan label layanan)',
      settable.length > 0 && withCounter === settable.length ? 'met' : withCounter > 0 ? 'partly' : 'missing',
      'onboarding: service overlays (counter)',
      [ev('Layanan dengan gerai', 'Services with a counter', withCounter), ev('Layanan yang memerlukan gerai', 'Services that take a counter', settable.length)],
      ['Fasilitas lain (ruang laktasi, ruang bermain anak, toilet difabel) belum dicatat di platform.', 'Other facilities (lactation room, play corner, accessible toilet) are not recorded on the platform.'],
    ),
  );

  const linked = x.journeys.filter((j) => j.installed);
  out.push(
    item(
      'integrated-services',
      ['Layanan terintegrasi lintas instansi', 'Services integrated across agencies'],
      'Perpres 89/2021 (integrasi layanan); Perpres 82/2023 (keterpaduan layanan digital); domain.md §4',
      linked.length > 0 && linked.length === x.journeys.length ? 'met' : linked.length > 0 ? 'partly' : 'missing',
      'installations: plugin journey links (fromService)',
      [
        ev('Tautan antarlayanan tersedia', 'Journey links available (both services installed)', linked.length),
        ev('Tautan yang layanan asalnya belum terpasang', 'Links whose source service is not installed', x.journeys.length - linked.length),
        ev('Tautan', 'Links', linked.map((j) => `${j.from} -> ${j.service}`).join('; ') || null),
      ],
      ['Dokumen dari layanan instansi lain di MPP yang sama diteruskan tanpa diunggah ulang.', 'A document from another agency’s service in the same MPP is carried over, not uploaded again.'],
    ),
  );

  const f = x.figures;
  const online = (f?.online ?? 0) + (f?.assisted ?? 0);
  const total = online + (f?.counter ?? 0);
  const noOnline = x.alerts.filter((a) => a.kind === 'no-online-after-launch');
  out.push(
    item(
      'online-channel',
      ['Kanal daring dan pemanfaatannya', 'Online channel and its uptake'],
      'Perpres 89/2021; Perpres 82/2023 (layanan digital); domain.md §5',
      online > 0 && noOnline.length === 0 ? 'met' : online > 0 ? 'partly' : 'missing',
      'monitoring: national rollups (national_weekly); monev alerts',
      [
        ev('Permohonan daring (mandiri)', 'Online applications (self)', f?.online ?? 0),
        ev('Permohonan daring dibantu', 'Assisted online applications', f?.assisted ?? 0),
        ev('Permohonan loket', 'Counter applications', f?.counter ?? 0),
        ev('Porsi daring', 'Online share', share(online, total)),
        ev('Peringatan tanpa permohonan daring setelah peluncuran', 'No-online-after-launch alerts', noOnline.length),
      ],
      noOnline.length ? ['Tidak ada permohonan daring pada minggu-minggu pertama setelah peluncuran.', 'No online application in the first weeks after launch.'] : ['Dihitung dari rollup mingguan periode ini.', 'From the weekly rollups of the period.'],
    ),
  );

  const sla = f && f.completed > 0 ? share(f.completed_on_time, f.completed) : null;
  out.push(
    item(
      'sla-compliance',
      ['Kepatuhan waktu penyelesaian layanan', 'Completion within the service time (SLA)'],
      'UU 25/2009 Pasal 21 (jangka waktu penyelesaian); standar pelayanan',
      sla === null ? 'missing' : sla >= x.slaMin ? 'met' : 'partly',
      'monitoring: national rollups (national_weekly)',
      [ev('Selesai', 'Completed', f?.completed ?? 0), ev('Selesai tepat waktu', 'Completed on time', f?.completed_on_time ?? 0), ev('Kepatuhan', 'Compliance', sla), ev('Ambang', 'Threshold', x.slaMin)],
      [`Terpenuhi bila kepatuhan >= ${x.slaMin}.`, `Met when compliance >= ${x.slaMin}.`],
    ),
  );

  const k = x.ikm;
  out.push(
    item(
      'skm-conducted',
      ['SKM dilaksanakan sesuai PermenPANRB 14/2017', 'SKM conducted per PermenPANRB 14/2017'],
      'PermenPANRB 14/2017 (minimal sekali setahun; sampel Krejcie-Morgan)',
      k.respondents === 0 ? 'missing' : k.sample.sufficient ? 'met' : 'partly',
      'skm: IKM report',
      [
        ev('Responden', 'Respondents', k.respondents),
        ev('Sampel minimum', 'Minimum sample', k.sample.krejcieMorgan.minimum),
        ev('IKM', 'IKM', k.ikm),
        ev('Mutu pelayanan', 'Service quality', k.category),
        ev('Unsur terendah', 'Weakest unsur', k.lowest ? `${k.lowest.element} (${k.lowest.nrr})` : null),
      ],
      k.respondents === 0 ? ['Belum ada responden pada periode ini.', 'No respondent in the period.'] : k.sample.sufficient ? ['Sampel memenuhi.', 'The sample is sufficient.'] : ['Responden di bawah sampel minimum.', 'Respondents below the minimum sample.'],
    ),
  );

  const media = new Set(x.publications.map((p) => p.medium));
  out.push(
    item(
      'skm-published',
      ['Hasil SKM dipublikasikan', 'SKM result published'],
      'PermenPANRB 14/2017; PEKPPP (jumlah media publikasi)',
      x.publications.length === 0 ? 'missing' : media.size >= 2 ? 'met' : 'partly',
      'skm: publication log',
      [
        ev('Publikasi tercatat', 'Publications recorded', x.publications.length),
        ev('Media', 'Media', [...media].sort().join(', ') || null),
        ev('Terakhir', 'Latest', x.publications.map((p) => p.publishedOn).sort().at(-1) ?? null),
      ],
      ['Terpenuhi bila dipublikasikan di sedikitnya dua media.', 'Met when published on at least two media.'],
    ),
  );

  const closed = x.followUps.filter((u) => u.status === 'closed');
  out.push(
    item(
      'skm-follow-up',
      ['Tindak lanjut hasil SKM (unsur terendah)', 'Follow-up of the SKM result (weakest unsur)'],
      'PermenPANRB 14/2017 (rencana tindak lanjut); PEKPPP (% tindak lanjut)',
      x.followUps.length === 0 ? 'missing' : closed.length === x.followUps.length ? 'met' : closed.length > 0 || x.followUps.every((u) => u.owner && u.plan && !u.overdue) ? 'partly' : 'missing',
      'skm: follow-ups',
      [
        ev('Tindak lanjut', 'Follow-ups', x.followUps.length),
        ev('Selesai', 'Closed', closed.length),
        ev('Terlambat', 'Overdue', x.followUps.filter((u) => u.overdue).length),
        ev('Dengan bukti', 'With evidence', closed.filter((u) => u.evidenceUrl).length),
        ev('Unsur', 'Unsur', [...new Set(x.followUps.map((u) => u.element))].sort().join(', ') || null),
      ],
      ['Terpenuhi bila semua tindak lanjut selesai.', 'Met when every follow-up is closed.'],
    ),
  );

  const cs = x.complaints;
  out.push(
    item(
      'complaints',
      ['Pengelolaan pengaduan', 'Complaint handling'],
      'UU 25/2009 Pasal 36, 50; Perpres 76/2013; SP4N-LAPOR!',
      cs.filed === 0 ? 'met' : cs.answer.answered === 0 ? 'missing' : cs.overdue === 0 && (cs.answer.onTimePercent ?? 0) >= 80 ? 'met' : 'partly',
      'complaints: stats',
      [
        ev('Pengaduan masuk', 'Complaints filed', cs.filed),
        ev('Dijawab', 'Answered', cs.answer.answered),
        ev('Dijawab tepat waktu (%)', 'Answered on time (%)', cs.answer.onTimePercent),
        ev('Terlambat sekarang', 'Overdue now', cs.overdue),
        ev('Tersinkron ke LAPOR!', 'Synced to LAPOR!', cs.laporSynced),
      ],
      cs.filed === 0 ? ['Kanal pengaduan aktif; tidak ada pengaduan pada periode ini.', 'The complaint channel is open; none was filed in the period.'] : ['Terpenuhi bila tidak ada yang terlambat dan >= 80% dijawab tepat waktu.', 'Met when none is overdue and >= 80% were answered on time.'],
    ),
  );

  out.push(
    item(
      'visits',
      ['Kunjungan (check-in dan nomor antrean)', 'Visits (check-ins and queue numbers)'],
      'Pemantauan mingguan kunjungan MPP oleh MenPAN-RB',
      x.visits === null ? 'missing' : x.visits.visits > 0 ? 'met' : 'missing',
      x.visits ? `visits: ${x.visits.source}` : 'visits: no source wired',
      [ev('Kunjungan', 'Visits', x.visits?.visits ?? null)],
      x.visits ? ['Kunjungan pada periode ini.', 'Visits in the period.'] : ['Agregat kunjungan belum tersambung ke paket bukti.', 'The visits aggregate is not wired to the evidence pack yet.'],
    ),
  );
  return out;
}
