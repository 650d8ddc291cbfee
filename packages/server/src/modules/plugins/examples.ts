/**
 * The API document's examples for the registry: a small but complete manifest (one service of a
 * regency's own office), checked by the plugins test with the same linter as a real publication.
 */
const t = (id: string, en: string) => ({ id, en });

export const manifestExample = {
  id: 'disnaker',
  version: '1.0.0',
  host: '>=0.1.0 <1.0.0',
  agency: { code: 'disnaker', name: t('Dinas Tenaga Kerja', 'Manpower Office'), kind: 'regional' },
  services: [
    {
      code: 'kartu-kuning',
      name: t('Kartu Tanda Bukti Pendaftaran Pencari Kerja (AK/1)', 'Job seeker registration card (AK/1)'),
      summary: t('Pendaftaran pencari kerja untuk melamar pekerjaan dan mengikuti pelatihan.', 'Registration as a job seeker, to apply for jobs and training.'),
      category: 'non-perizinan',
      keywords: ['kartu kuning', 'ak1', 'pencari kerja'],
      channels: ['online', 'counter'],
      form: {
        schema: {
          type: 'object',
          additionalProperties: false,
          required: ['nik', 'namaLengkap', 'pendidikan'],
          properties: {
            nik: { type: 'string', format: 'nik' },
            namaLengkap: { type: 'string', minLength: 2, maxLength: 120 },
            pendidikan: { enum: ['SD', 'SMP', 'SMA/SMK', 'D3', 'S1', 'S2', 'S3'] },
          },
        },
        ui: { order: ['nik', 'namaLengkap', 'pendidikan'], labels: { nik: t('NIK', 'NIK'), namaLengkap: t('Nama Lengkap', 'Full name'), pendidikan: t('Pendidikan Terakhir', 'Highest education') } },
      },
      documents: [{ code: 'ijazah', name: t('Ijazah terakhir', 'Latest diploma'), accept: ['application/pdf', 'image/jpeg'], maxSizeMb: 5, minCount: 1, maxCount: 1 }],
      sop: {
        initial: 'diajukan',
        states: {
          diajukan: { name: t('Diajukan', 'Submitted'), actor: 'officer', sla: { value: 1, unit: 'working-days' } },
          selesai: { name: t('Selesai', 'Completed'), terminal: true, outcome: 'completed' },
          ditolak: { name: t('Ditolak', 'Rejected'), terminal: true, outcome: 'rejected' },
        },
        actions: [
          { code: 'issue', name: t('Terbitkan kartu', 'Issue the card'), from: ['diajukan'], to: 'selesai', roles: ['officer'], issues: ['ak1'] },
          { code: 'reject', name: t('Tolak', 'Reject'), from: ['diajukan'], to: 'ditolak', roles: ['officer'], comment: 'required' },
        ],
      },
      sla: { value: 1, unit: 'working-days' },
      fee: { kind: 'free', legalBasis: 'Permenaker 39/2016 tentang Penempatan Tenaga Kerja', locked: true },
      outputs: [{ code: 'ak1', name: t('Kartu AK/1', 'AK/1 card'), kind: 'document', validityDays: 730, signature: 'tte' }],
      standard: {
        complaints: { text: [t('Pengaduan melalui SP4N-LAPOR! (lapor.go.id).', 'Complaints through SP4N-LAPOR! (lapor.go.id).')] },
        legalBasis: { text: [t('Permenaker 39/2016', 'Manpower Ministerial Regulation 39/2016')] },
        facilities: { tenantProvided: true },
        competency: { text: [t('Pengantar kerja bersertifikat.', 'Certified job placement officers.')] },
        supervision: { text: [t('Kepala Dinas Tenaga Kerja.', 'Head of the Manpower Office.')] },
        staffing: { tenantProvided: true },
        serviceGuarantee: { text: [t('Kartu terbit dalam satu hari kerja tanpa biaya.', 'The card is issued within one working day, free of charge.')] },
        safetyGuarantee: { text: [t('Data pencari kerja dijaga kerahasiaannya.', 'Job seekers’ data is kept confidential.')] },
        performanceEvaluation: { text: [t('Survei Kepuasan Masyarakat setiap semester.', 'Public satisfaction survey every semester.')] },
      },
      overlayable: ['counter', 'contact', 'openingHours', 'facilities', 'staffing'],
    },
  ],
};

export const publicationExample = {
  pluginId: 'disnaker',
  version: '1.0.0',
  contentHash: 'sha256:4f8b2c0e9a7d6b5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d',
  publishedAt: '2026-12-07T02:15:00.000Z',
  publishedBy: 'publisher.disnaker',
};
