/** Examples for the API document, in Indonesian where they have words (they validate against the schemas). */

export const fileComplaintExample = {
  kind: 'complaint',
  subject: { type: 'service', service: 'imigrasi.paspor-baru' },
  title: 'Antrean paspor tidak sesuai jadwal',
  body: 'Saya datang sesuai sesi Selasa pukul 09.00 tetapi baru dilayani pukul 13.00 tanpa penjelasan.',
  location: 'MPP Kab. Bandung Barat, Ngamprah',
  incidentDate: '2026-11-24',
};

const calendar = 'hari kerja (national holidays, cuti bersama and tenant closures skipped; counted from the next working day)';

export const complaintExample = {
  id: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
  trackingCode: 'ADU-7KQ2-M9XD',
  kind: 'complaint',
  category: 'keluhan',
  subject: { type: 'service', service: 'imigrasi.paspor-baru', applicationId: null, applicationTrackingCode: null },
  agency: 'imigrasi',
  title: 'Antrean paspor tidak sesuai jadwal',
  body: 'Saya datang sesuai sesi Selasa pukul 09.00 tetapi baru dilayani pukul 13.00 tanpa penjelasan.',
  location: 'MPP Kab. Bandung Barat, Ngamprah',
  incidentDate: '2026-11-24',
  anonymous: false,
  confidential: false,
  channel: 'online',
  complainant: { name: 'Siti Nurhaliza', email: 'siti.nurhaliza@contoh.id' },
  status: 'forwarded',
  statusName: { id: 'Diteruskan ke instansi', en: 'Forwarded to the agency' },
  handler: 'agency',
  deadlines: {
    verification: { dueDate: '2026-11-30', dueAt: '2026-11-30T16:59:59.999Z', doneAt: '2026-11-26T02:15:00.000Z', overdue: false },
    firstResponse: { dueDate: '2026-12-01', dueAt: '2026-12-01T16:59:59.999Z', doneAt: null, overdue: false },
    answer: { dueDate: '2026-12-03', dueAt: '2026-12-03T16:59:59.999Z', doneAt: null, overdue: false },
    reopenUntil: null,
    calendar,
  },
  escalations: 0,
  reopenCount: 0,
  rating: null,
  lapor: { trackingId: null, syncStatus: 'not-synced', error: null, syncedAt: null, mode: null, transactionId: null, remoteStatus: null, disposition: null, attempts: 0, lastAttemptAt: null, nextAttemptAt: null },
  thread: [
    { id: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a70', at: '2026-11-25T03:00:00.000Z', author: { name: 'Siti Nurhaliza', role: 'citizen' }, kind: 'filed', body: null },
    { id: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a71', at: '2026-11-26T02:15:00.000Z', author: { name: 'Admin DPMPTSP', role: 'coordinator' }, kind: 'forwarded', body: '→ imigrasi' },
  ],
  attachments: [
    {
      id: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a72',
      filename: 'bukti-antrean.pdf',
      mediaType: 'application/pdf',
      size: 48213,
      sha256: '9f2c4a1e5b7d3c8f0a6e2d4b1c9f7e3a5d8b0c2e4f6a1b3d5c7e9f0a2b4c6d8e',
      createdAt: '2026-11-25T03:02:00.000Z',
    },
  ],
  createdAt: '2026-11-25T03:00:00.000Z',
  updatedAt: '2026-11-26T02:15:00.000Z',
  version: 2,
  allowed: ['message', 'attach'],
};

export const complaintPageExample = {
  items: [
    {
      id: '0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b',
      trackingCode: 'ADU-7KQ2-M9XD',
      kind: 'complaint',
      category: 'keluhan',
      title: 'Antrean paspor tidak sesuai jadwal',
      agency: 'imigrasi',
      status: 'forwarded',
      dueDate: '2026-12-03',
      overdue: false,
      overdueStages: [],
      escalations: 0,
      createdAt: '2026-11-25T03:00:00.000Z',
    },
  ],
  next: 'eyJrIjpbIjIwMjYtMTEtMjUgMDM6MDA6MDArMDAiLCIwMTkzYTFiMiJdLCJmIjoiYWJjIn0',
};

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const statsExample = {
  tenant: 'kab-bandung-barat',
  period: { from: '2026-01-01', to: '2026-03-31' },
  filed: 42,
  open: 6,
  overdue: 1,
  rejected: 3,
  reopened: 2,
  escalations: 4,
  verification: { verified: 39, onTime: 37, onTimePercent: 94.87 },
  answer: { answered: 33, onTime: 30, onTimePercent: 90.91 },
  rating: { rated: 21, average: 4.1 },
  laporSynced: 40,
  byStatus: { ...zero(['submitted', 'forwarded', 'handling', 'answered', 'closed', 'rejected'] as const), submitted: 2, forwarded: 3, handling: 1, answered: 12, closed: 21, rejected: 3 },
  byCategory: { ...zero(['informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan'] as const), informasi: 8, aspirasi: 6, keluhan: 27, 'sengketa-tanpa-pemeriksaan': 1 },
  byKind: { complaint: 28, suggestion: 6, 'information-request': 8 },
};

export const webhookExample = {
  url: 'https://konektor.bandungbaratkab.go.id/lapor/pengaduan',
  active: true,
  maxAttempts: 8,
  secretHint: 'Q9xZ',
  updatedBy: 'admin.kbb',
  updatedAt: '2026-11-20T04:00:00.000Z',
};
