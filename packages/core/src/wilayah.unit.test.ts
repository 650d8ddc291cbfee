import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

  it('carries exactly the rows of data/wilayah-kab-kota.csv (regenerate with scripts/wilayah-data.mjs)', () => {
    const [, ...lines] = readFileSync(new URL('../data/wilayah-kab-kota.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
    const fromCsv = lines.map((l) => l.split(',')).map(([code, name, level, zone, pop]) => `${code}|${name}|${level}|${zone}|${pop}`);
    const fromModule = [...listProvinces(), ...listRegencies()]
      .sort((a, b) => fromCsv.findIndex((r) => r.startsWith(`${a.code}|`)) - fromCsv.findIndex((r) => r.startsWith(`${b.code}|`)))
      .map((w) => `${w.code}|${w.name}|${w.level}|${w.timeZone}|${w.population}`);
    assert.deepEqual(fromModule, fromCsv);
  });
});
