import { defineProblem, type MppStatus } from '@satupintu/core';
import type { StandardComponent } from '@satupintu/plugin-sdk';

export const lifecycleMoveInvalid = defineProblem(
  {
    code: 'LIFECYCLE_MOVE_INVALID',
    status: 409,
    title: { id: 'Perubahan status tidak diizinkan', en: 'This status change is not allowed' },
    description: {
      id: 'Maju boleh melompati tahap; mundur hanya satu tahap (dengan alasan); proposed tidak bisa dimasuki lagi.',
      en: 'Forward moves may skip stages; a move back is one stage (with a note); proposed cannot be re-entered.',
    },
  },
  (from: MppStatus, to: MppStatus) => ({
    detail: {
      id: `Dari ${from} ke ${to} tidak diizinkan: maju boleh melompati tahap, mundur hanya satu tahap dengan alasan, dan tidak bisa kembali ke proposed.`,
      en: `${from} → ${to} is not allowed: forward moves may skip stages, a move back is one stage with a note, and proposed cannot be re-entered.`,
    },
  }),
);

export const lifecycleNoteRequired = defineProblem(
  { code: 'LIFECYCLE_NOTE_REQUIRED', status: 422, title: { id: 'Alasan wajib diisi untuk mundur satu tahap', en: 'A note is required to move back a stage' } },
  () => ({ errors: [{ pointer: '/note', message: { id: 'Tuliskan alasan (mis. uji coba belum lulus).', en: 'Say why (e.g. the trial did not pass).' } }] }),
);

export const lifecycleDateInvalid = defineProblem(
  {
    code: 'LIFECYCLE_DATE_INVALID',
    status: 422,
    title: { id: 'Tanggal tidak sesuai urutan tahapan', en: 'The date does not fit the lifecycle' },
    description: {
      id: 'Perubahan dicatat saat terjadi: tanggal tidak boleh di masa depan (tanggal lokal tenant), dan perubahan maju tidak boleh lebih awal dari perubahan terakhir.',
      en: 'Moves are recorded when they happen: not dated in the future (the tenant’s local date), and a forward move not before the last move.',
    },
  },
  (pointer: string, id: string, en: string) => ({ errors: [{ pointer, message: { id, en } }] }),
);

export const standardIncomplete = defineProblem(
  {
    code: 'STANDARD_INCOMPLETE',
    status: 422,
    title: { id: 'Standar pelayanan belum lengkap (14 komponen)', en: 'The standar pelayanan is incomplete (14 components)' },
    description: {
      id: '`errors` menunjuk setiap komponen yang kosong (`/standard/<komponen>`): komponen pengelolaan dilengkapi lewat overlay daerah, komponen penyampaian oleh instansi pemilik plugin.',
      en: '`errors` points at each missing component (`/standard/<component>`): management components are set in the regency’s overlay, delivery components by the plugin’s agency.',
    },
  },
  (service: string, missing: Pick<StandardComponent, 'number' | 'key' | 'name' | 'group'>[]) => ({
    detail: {
      id: `${service} belum memuat: ${missing.map((m) => `${m.number}. ${m.name.id}`).join('; ')}.`,
      en: `${service} misses: ${missing.map((m) => `${m.number}. ${m.name.en}`).join('; ')}.`,
    },
    errors: missing.map((m) => ({
      pointer: `/standard/${m.key}`,
      message: {
        id: `Komponen ${m.number} (${m.name.id}) belum diisi${m.group === 'management' ? ' — lengkapi lewat overlay daerah atau minta instansi melengkapi plugin' : ' — diisi oleh instansi pemilik plugin'}.`,
        en: `Component ${m.number} (${m.name.en}) is missing${m.group === 'management' ? ' — set it in the regency overlay or ask the agency to complete the plugin' : ' — the plugin owner provides it'}.`,
      },
    })),
  }),
);

export const standardNotPublished = defineProblem(
  { code: 'STANDARD_NOT_PUBLISHED', status: 404, title: { id: 'Standar pelayanan belum ditetapkan', en: 'The standar pelayanan is not published' } },
  (service: string) => ({
    detail: { id: `Standar pelayanan ${service} belum ditetapkan di tenant ini.`, en: `No standar pelayanan is published for ${service} in this tenant.` },
  }),
);

export const agencyNotJoined = defineProblem(
  { code: 'AGENCY_NOT_JOINED', status: 404, title: { id: 'Instansi belum bergabung', en: 'The agency has not joined' } },
  (agency: string) => ({ detail: { id: `Belum ada MoU dengan ${agency}.`, en: `No MoU is recorded with ${agency}.` } }),
);

export const noModelTenant = defineProblem(
  {
    code: 'NO_MODEL_TENANT',
    status: 409,
    title: { id: 'Tenant ini bukan hasil kaji tiru', en: 'This tenant has no role model' },
    description: { id: 'Selisih dan pembaruan hanya ada untuk tenant yang dibuat dari tenant percontohan (`copyOf`).', en: 'Drift and upgrades exist only for a tenant created from a role model (`copyOf`).' },
  },
  (tenant: string) => ({
    detail: { id: `${tenant} tidak dibuat dari tenant percontohan.`, en: `${tenant} was not created as a copy of a role-model tenant.` },
  }),
);
