import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { FormValidatorCache } from '@satupintu/forms';
import { loadPluginDir } from '@satupintu/plugin-sdk';
import { ApplicationService, type ApplicationDeps } from './service.js';

const DUKCAPIL = fileURLToPath(new URL('../../../../../plugins/dukcapil', import.meta.url));
const now = new Date('2026-12-07T03:00:00Z');

describe('submission check: a plugin that blocks on an identity mismatch', () => {
  const service = structuredClone(loadPluginDir(DUKCAPIL).manifest!.services.find((s) => s.code === 'ktpel-rekam')!);
  const apps = new ApplicationService({ validators: new FormValidatorCache() } as unknown as ApplicationDeps);
  const data = { nik: '3217061205900001', noKk: '3217010101200004', namaLengkap: 'Asep', tempatLahir: 'Bandung', tanggalLahir: '1990-05-21', jenisKelamin: 'perempuan', dasarPermohonan: 'berusia_17_tahun', noHp: '081234567890' };
  const kk = new Map([['kk', 1]]);
  const app = (d: object, hash: string) => ({ content_hash: hash, service_code: 'ktpel-rekam', data: d as Record<string, unknown> });

  it('warn (Dukcapil’s choice): a mismatch does not stop the submission', () => {
    assert.doesNotThrow(() => apps.completeness(app(data, 'sha256:warn'), service, kk, now));
  });

  it('block: refuses with FORM_INVALID on the birth date and sex fields, in both languages; agreeing data passes', () => {
    service.form.identity = { ...service.form.identity!, onMismatch: 'block' };
    assert.throws(
      () => apps.completeness(app(data, 'sha256:block'), service, kk, now),
      (e: { code?: string; status?: number; extra?: { errors?: { pointer: string; message: { id: string; en: string } }[] }; errors?: unknown }) => {
        const errors = (e.extra?.errors ?? e.errors) as { pointer: string; message: { id: string; en: string } }[];
        assert.deepEqual(errors.map((x) => x.pointer), ['/data/tanggalLahir', '/data/jenisKelamin']);
        assert.match(errors[0]!.message.id, /NIK menunjukkan 12-05-1990/);
        assert.match(errors[1]!.message.en, /the NIK shows male/);
        return true;
      },
    );
    assert.doesNotThrow(() => apps.completeness(app({ ...data, tanggalLahir: '1990-05-12', jenisKelamin: 'laki-laki' }, 'sha256:block'), service, kk, now));
  });
});
