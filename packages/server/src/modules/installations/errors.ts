import { ConflictError, InputError, NotFoundError } from '@satupintu/core';
import type { LintIssue } from '@satupintu/plugin-sdk';

export const notInstalled = (tenant: string, plugin: string) =>
  new NotFoundError({
    code: 'PLUGIN_NOT_INSTALLED',
    title: { id: 'Plugin belum dipasang di tenant ini', en: 'The plugin is not installed in this tenant' },
    detail: { id: `${plugin} tidak terpasang di ${tenant}.`, en: `${plugin} is not installed in ${tenant}.` },
  });

export const serviceNotFound = (plugin: string, service: string) =>
  new NotFoundError({
    code: 'SERVICE_NOT_FOUND',
    title: { id: 'Layanan tidak ditemukan', en: 'Service not found' },
    detail: { id: `Plugin ${plugin} tidak punya layanan ${service}.`, en: `Plugin ${plugin} has no service ${service}.` },
  });

export const overlayInvalid = (issues: LintIssue[]) =>
  new InputError({
    status: 422,
    code: 'OVERLAY_INVALID',
    title: { id: 'Overlay tidak diizinkan atau tidak valid', en: 'The overlay is not allowed or invalid' },
    errors: issues.map((i) => ({ pointer: i.pointer, message: i.message })),
  });

export const upgradeConflict = (to: string, issues: { service: string; pointer: string; message: { id: string; en: string } }[]) =>
  new ConflictError({
    code: 'OVERLAY_CONFLICT',
    title: { id: 'Overlay tidak cocok dengan versi tujuan', en: 'Overlays do not fit the target version' },
    detail: {
      id: `Versi ${to} tidak menerima overlay yang ada. Ubah atau hapus overlay ini dulu.`,
      en: `Version ${to} does not accept the existing overlays. Change or remove them first.`,
    },
    errors: issues.map((i) => ({ pointer: `/overlays/${i.service}${i.pointer}`, message: i.message })),
  });
