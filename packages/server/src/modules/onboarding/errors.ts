import { ConflictError, InputError, NotFoundError, type MppStatus } from '@satupintu/core';
import type { StandardComponent } from '@satupintu/plugin-sdk';

export const lifecycleMoveInvalid = (from: MppStatus, to: MppStatus) =>
  new ConflictError({
    code: 'LIFECYCLE_MOVE_INVALID',
    title: { id: 'Perubahan status tidak diizinkan', en: 'This status change is not allowed' },
    detail: {
      id: `Dari ${from} ke ${to} tidak diizinkan: maju boleh melompati tahap, mundur hanya satu tahap dengan alasan, dan tidak bisa kembali ke proposed.`,
      en: `${from} → ${to} is not allowed: forward moves may skip stages, a move back is one stage with a note, and proposed cannot be re-entered.`,
    },
  });

export const lifecycleNoteRequired = () =>
  new InputError({
    status: 422,
    code: 'LIFECYCLE_NOTE_REQUIRED',
    title: { id: 'Alasan wajib diisi untuk mundur satu tahap', en: 'A note is required to move back a stage' },
    errors: [{ pointer: '/note', message: { id: 'Tuliskan alasan (mis. uji coba belum lulus).', en: 'Say why (e.g. the trial did not pass).' } }],
  });

export const lifecycleDateInvalid = (pointer: string, id: string, en: string) =>
  new InputError({
    status: 422,
    code: 'LIFECYCLE_DATE_INVALID',
    title: { id: 'Tanggal tidak sesuai urutan tahapan', en: 'The date does not fit the lifecycle' },
    errors: [{ pointer, message: { id, en } }],
  });

export const standardIncomplete = (service: string, missing: StandardComponent[]) =>
  new InputError({
    status: 422,
    code: 'STANDARD_INCOMPLETE',
    title: { id: 'Standar pelayanan belum lengkap (14 komponen)', en: 'The standar pelayanan is incomplete (14 components)' },
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
  });

export const standardNotPublished = (service: string) =>
  new NotFoundError({
    code: 'STANDARD_NOT_PUBLISHED',
    title: { id: 'Standar pelayanan belum ditetapkan', en: 'The standar pelayanan is not published' },
    detail: { id: `Standar pelayanan ${service} belum ditetapkan di tenant ini.`, en: `No standar pelayanan is published for ${service} in this tenant.` },
  });

export const agencyNotJoined = (agency: string) =>
  new NotFoundError({
    code: 'AGENCY_NOT_JOINED',
    title: { id: 'Instansi belum bergabung', en: 'The agency has not joined' },
    detail: { id: `Belum ada MoU dengan ${agency}.`, en: `No MoU is recorded with ${agency}.` },
  });

export const noModelTenant = (tenant: string) =>
  new ConflictError({
    code: 'NO_MODEL_TENANT',
    title: { id: 'Tenant ini bukan hasil kaji tiru', en: 'This tenant has no role model' },
    detail: { id: `${tenant} tidak dibuat dari tenant percontohan.`, en: `${tenant} was not created as a copy of a role-model tenant.` },
  });
