import type { ApplicationView } from './schemas.js';

/** Examples for the API document, in Indonesian where they have words (a lost-KTP report in Kapuas). */
export const SKTLK = {
  nik: '6203054507850002',
  namaLengkap: 'Budi Santoso',
  noHp: '081234567891',
  barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }],
  tanggalKejadian: '2026-11-20',
  lokasiKejadian: 'Pasar Kuala Kapuas',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.',
};

export const applicationExample: ApplicationView = {
  id: '0b9f7c1e-5a7d-4c55-9a51-3f1c2d7e8a90',
  trackingCode: '7KQ2-M9XD',
  service: {
    id: 'polri.sktlk',
    name: { id: 'Surat Keterangan Tanda Lapor Kehilangan (SKTLK)', en: 'Police loss report certificate (SKTLK)' },
    plugin: 'polri',
    version: '1.0.0',
    agency: {
      code: 'polri',
      name: { id: 'Kepolisian Negara Republik Indonesia (Polres)', en: 'Indonesian National Police (district police, Polres)' },
      kind: 'vertical',
      parent: { id: 'Kepolisian Negara Republik Indonesia', en: 'Indonesian National Police' },
      website: 'https://polri.go.id',
    },
  },
  channel: 'online',
  status: 'submitted',
  state: { code: 'diajukan', name: { id: 'Diajukan', en: 'Submitted' } },
  applicant: { name: 'Budi Santoso' },
  filedBy: { role: 'citizen' },
  consent: null,
  data: SKTLK,
  version: 3,
  createdAt: '2026-11-21T01:00:00.000Z',
  submittedAt: '2026-11-21T01:05:00.000Z',
  completedAt: null,
  sla: { dueAt: '2026-11-23T16:59:59.999Z', dueDate: '2026-11-23', stepDueAt: '2026-11-23T16:59:59.999Z', stepDueDate: '2026-11-23', overdue: false },
  claimedBy: null,
  availableActions: [
    { code: 'verify', name: { id: 'Verifikasi', en: 'Verify' }, comment: 'optional' },
    { code: 'return', name: { id: 'Kembalikan', en: 'Return' }, comment: 'required' },
  ],
  timeline: [
    { at: '2026-11-21T01:00:00.000Z', action: 'created', actor: { name: 'Budi Santoso', role: 'citizen' }, from: null, to: { code: 'draft', name: { id: 'Draf', en: 'Draft' } }, comment: null },
    {
      at: '2026-11-21T01:05:00.000Z',
      action: 'submitted',
      actor: { name: 'Budi Santoso', role: 'citizen' },
      from: { code: 'draft', name: { id: 'Draf', en: 'Draft' } },
      to: { code: 'diajukan', name: { id: 'Diajukan', en: 'Submitted' } },
      comment: null,
    },
  ],
  documents: [
    {
      id: '5e0c9d43-1f7a-4b8e-8d7e-2a4b6c8d0e1f',
      code: 'identitas',
      filename: 'ktp-budi.pdf',
      mediaType: 'application/pdf',
      size: 48213,
      sha256: '9f2c1a7b3e5d4c6b8a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3',
      source: 'upload',
      sourceApplicationId: null,
      createdAt: '2026-11-21T01:03:00.000Z',
    },
  ],
  outputs: [],
};

export const draftExample: ApplicationView = {
  ...applicationExample,
  status: 'draft',
  state: { code: 'draft', name: { id: 'Draf', en: 'Draft' } },
  version: 1,
  submittedAt: null,
  sla: { dueAt: null, dueDate: null, stepDueAt: null, stepDueDate: null, overdue: false },
  availableActions: [],
  timeline: applicationExample.timeline.slice(0, 1),
  documents: [],
};
