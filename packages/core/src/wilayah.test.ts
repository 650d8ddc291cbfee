import assert from 'node:assert/strict';
import { findRegency, listProvinces, listRegencies, suggestSlug } from './wilayah.js';

describe('wilayah reference data', () => {
  it('has all 514 regencies/cities and 38 provinces', () => {
    assert.equal(listRegencies().length, 514);
    assert.equal(listProvinces().length, 38);
  });

  it('finds the first tenants with province and time zone', () => {
    const kbb = findRegency('32.17')!;
    assert.equal(kbb.name, 'Kabupaten Bandung Barat');
    assert.equal(kbb.provinceName, 'Jawa Barat');
    assert.equal(kbb.timeZone, 'Asia/Jakarta');
    assert.equal(findRegency('62.03')!.timeZone, 'Asia/Pontianak');
    assert.equal(findRegency('32')?.name, undefined, 'a province code is not a regency');
    assert.equal(findRegency('99.99'), undefined);
  });

  it('suggests slugs like kab-bandung-barat and kota-bogor', () => {
    assert.equal(suggestSlug('Kabupaten Bandung Barat'), 'kab-bandung-barat');
    assert.equal(suggestSlug('Kota Bogor'), 'kota-bogor');
    assert.equal(suggestSlug('Kabupaten Pangkajene dan Kepulauan'), 'kab-pangkajene-dan-kepulauan');
  });
});
