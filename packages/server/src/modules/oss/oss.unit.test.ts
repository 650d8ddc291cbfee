import assert from 'node:assert/strict';
import { kdDaerahOf, prefill } from './service.js';

describe('OSS-RBA mapping', () => {
  const mapping = { nibField: 'nib', prefill: { nib: 'nib', namaUsaha: 'nama_perseroan', nik: 'penanggung_jwb.0.no_identitas_penanggung_jwb', kbli: 'proyek.kbli', modal: 'total_modal_dasar', kosong: 'alamat_perseroan', hilang: 'penanggung_jwb.3.nama_penanggung_jwb' }, status: {}, pause: '41', resume: '42' };
  const data = { nib: '9120001234567', oss_id: 'P02-1', nama_perseroan: ' CV Maju ', alamat_perseroan: '   ', total_modal_dasar: 1500000, penanggung_jwb: [{ no_identitas_penanggung_jwb: '3217060101900001' }] };

  it('fills from dataNIB paths, the chosen project and array items; skips what OSS leaves empty or does not send', () => {
    assert.deepEqual(prefill(mapping, data, { id_proyek: 'R-1', kbli: '10761' }), { nib: '9120001234567', namaUsaha: 'CV Maju', nik: '3217060101900001', kbli: '10761', modal: '1500000' });
    assert.deepEqual(Object.keys(prefill(mapping, data, undefined)).includes('kbli'), false);
  });

  it('writes the tenant’s Kemendagri code as OSS’s 10-character kd_daerah', () => {
    assert.equal(kdDaerahOf('32.17'), '3217000000');
    assert.equal(kdDaerahOf('62.03'), '6203000000');
  });
});
