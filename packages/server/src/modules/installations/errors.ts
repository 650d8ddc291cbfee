import { defineProblem, type LocalizedText } from '@satupintu/core';
import type { LintIssue } from '@satupintu/plugin-sdk';

export const notInstalled = defineProblem(
  { code: 'PLUGIN_NOT_INSTALLED', status: 404, title: { id: 'Plugin belum dipasang di tenant ini', en: 'The plugin is not installed in this tenant' } },
  (tenant: string, plugin: string) => ({
    detail: { id: `${plugin} tidak terpasang di ${tenant}.`, en: `${plugin} is not installed in ${tenant}.` },
  }),
);

export const serviceNotFound = defineProblem(
  { code: 'SERVICE_NOT_FOUND', status: 404, title: { id: 'Layanan tidak ditemukan', en: 'Service not found' } },
  (plugin: string, service: string) => ({
    detail: { id: `Plugin ${plugin} tidak punya layanan ${service}.`, en: `Plugin ${plugin} has no service ${service}.` },
  }),
);

export const overlayNotSet = defineProblem(
  {
    code: 'OVERLAY_NOT_SET',
    status: 404,
    title: { id: 'Layanan ini belum punya overlay daerah', en: 'This service has no regency overlay yet' },
    description: { id: 'Layanan berjalan dengan ketentuan plugin apa adanya. Buat overlay dengan PUT tanpa If-Match.', en: 'The service runs as the plugin defines it. Create an overlay with a PUT without If-Match.' },
  },
  (plugin: string, service: string) => ({
    detail: { id: `${plugin}.${service} belum punya overlay di tenant ini.`, en: `${plugin}.${service} has no overlay in this tenant.` },
  }),
);

export const overlayInvalid = defineProblem(
  {
    code: 'OVERLAY_INVALID',
    status: 422,
    title: { id: 'Overlay tidak diizinkan atau tidak valid', en: 'The overlay is not allowed or invalid' },
    description: {
      id: 'Overlay mengubah isian yang tidak tercantum di `overlayable` layanan (mis. biaya yang dikunci secara nasional), atau isinya tidak sah (mis. nomor telepon). `errors` menunjuk setiap isian.',
      en: 'The overlay sets a key the service does not list in `overlayable` (e.g. a nationally locked fee), or a value is invalid (e.g. a phone number). `errors` points at each.',
    },
  },
  (issues: LintIssue[]) => ({ errors: issues.map((i) => ({ pointer: i.pointer, message: i.message })) }),
);

export const upgradeConflict = defineProblem(
  {
    code: 'OVERLAY_CONFLICT',
    status: 409,
    title: { id: 'Overlay tidak cocok dengan versi tujuan', en: 'Overlays do not fit the target version' },
    description: {
      id: 'Overlay yang ada tidak diterima versi tujuan (layanan hilang atau isian tidak lagi boleh diubah); tidak ada yang diubah. Ubah atau hapus overlay itu dulu.',
      en: 'The target version does not accept the existing overlays (a service is gone or a key is no longer overlayable); nothing changed. Change or remove them first.',
    },
  },
  (to: string, issues: { service: string; pointer: string; message: LocalizedText }[]) => ({
    detail: {
      id: `Versi ${to} tidak menerima overlay yang ada. Ubah atau hapus overlay ini dulu.`,
      en: `Version ${to} does not accept the existing overlays. Change or remove them first.`,
    },
    errors: issues.map((i) => ({ pointer: `/overlays/${i.service}${i.pointer}`, message: i.message })),
  }),
);

// Issue 23 (versions): range pins.
export const pinInvalid = defineProblem(
  {
    code: 'PIN_INVALID',
    status: 422,
    title: { id: 'Versi atau rentang versi tidak sah', en: 'Invalid version or version range' },
    description: {
      id: 'Sebutkan satu versi (`version`, mis. 2.0.1) atau satu rentang (`range`, mis. 2.0.x, ^2, ~2.1), bukan keduanya.',
      en: 'Give one version (`version`, e.g. 2.0.1) or one range (`range`, e.g. 2.0.x, ^2, ~2.1), not both.',
    },
  },
  (pointer: string, message: LocalizedText) => ({ detail: message, errors: [{ pointer, message }] }),
);

export const pinNoMatch = defineProblem(
  { code: 'PIN_NO_MATCH', status: 422, title: { id: 'Tidak ada versi terbit dalam rentang ini', en: 'No published version in this range' } },
  (plugin: string, range: string) => {
    const message = { id: `Belum ada versi ${plugin} yang terbit dalam rentang ${range}.`, en: `No version of ${plugin} is published in the range ${range}.` };
    return { detail: message, errors: [{ pointer: '/range', message }] };
  },
);
