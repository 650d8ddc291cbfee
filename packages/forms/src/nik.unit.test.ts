import assert from 'node:assert/strict';
import { crossCheckNik, decodeNik, valueAt } from './nik.js';
import { isNik } from './formats.js';

const now = new Date('2026-12-07T00:00:00Z');

describe('NIK decoding', () => {
  it('a man: region names from the Kemendagri list, birth date, serial', () => {
    const d = decodeNik('3217061205900001', { now })!;
    assert.deepEqual(d.region, {
      province: { code: '32', name: 'Jawa Barat' },
      regency: { code: '32.17', name: 'Kabupaten Bandung Barat' },
      district: { code: '32.17.06' },
    });
    assert.equal(d.birthDate, '1990-05-12');
    assert.equal(d.sex, 'male');
    assert.equal(d.serial, '0001');
    assert.equal(d.centuryInferred, true);
  });

  it('a woman: day + 40, from 41 to 71', () => {
    assert.deepEqual([decodeNik('6203054101850002', { now })!.birthDate, decodeNik('6203054101850002', { now })!.sex], ['1985-01-01', 'female']);
    assert.equal(decodeNik('6203057112850002', { now })!.birthDate, '1985-12-31');
    assert.equal(decodeNik('6203057202850002', { now }), null); // 72: day 32
    assert.equal(decodeNik('6203054002850002', { now }), null); // 40: day 0
    assert.equal(decodeNik('6203057104850002', { now }), null); // 31 April
  });

  it('century: the latest one not after today, unless a declared birth date agrees', () => {
    assert.equal(decodeNik('3217060101200001', { now })!.birthDate, '2020-01-01');
    assert.equal(decodeNik('3217060101300001', { now })!.birthDate, '1930-01-01');
    assert.equal(decodeNik('3217063112260001', { now })!.birthDate, '1926-12-31'); // 31 Dec 2026 is still ahead
    const old = decodeNik('3217060101200001', { now, declaredBirthDate: '1920-01-01' })!;
    assert.deepEqual([old.birthDate, old.centuryInferred], ['1920-01-01', false]);
    // A declared date that disagrees does not move the century.
    assert.equal(decodeNik('3217060101200001', { now, declaredBirthDate: '1920-02-01' })!.birthDate, '2020-01-01');
  });

  it('invalid dates: 31 February, 29 February outside leap years; 29 February 2000 holds', () => {
    assert.equal(decodeNik('3217063102990001', { now }), null); // 310299
    assert.ok(!isNik('3217063102990001'));
    assert.ok(!isNik('3217062902990001')); // 290299
    assert.equal(decodeNik('3217062902000001', { now })!.birthDate, '2000-02-29');
    assert.equal(decodeNik('3217066902960001', { now })!.birthDate, '1996-02-29');
    assert.equal(decodeNik('3217060101900000', { now }), null); // serial 0000
    assert.equal(decodeNik('12345', { now }), null);
  });

  it('unknown regency code: the province is named, the regency code kept without a name', () => {
    const d = decodeNik('3299060101900001', { now })!;
    assert.deepEqual(d.region.regency, { code: '32.99', name: null });
    assert.equal(d.region.province.name, 'Jawa Barat');
    assert.equal(decodeNik('9917060101900001', { now }), null); // no province 99
  });
});

describe('NIK cross-check against the form', () => {
  const fields = { nik: '/nik', birthDate: '/tanggalLahir', sex: '/jenisKelamin', domicile: '/kabupaten' };

  it('agreeing data: nothing to say', () => {
    assert.deepEqual(crossCheckNik({ nik: '3217065205900001', tanggalLahir: '1990-05-12', jenisKelamin: 'perempuan', kabupaten: 'Kabupaten Bandung Barat' }, fields, now), []);
    assert.deepEqual(crossCheckNik({ nik: '3217061205900001', tanggalLahir: '1990-05-12', jenisKelamin: 'L', kabupaten: '32.17' }, fields, now), []);
  });

  it('birth date and sex that disagree: a warning naming the field and what the NIK shows', () => {
    const m = crossCheckNik({ nik: '3217061205900001', tanggalLahir: '1990-05-13', jenisKelamin: 'perempuan' }, fields, now);
    assert.deepEqual(
      m.map((x) => [x.pointer, x.field, x.blocking]),
      [
        ['/tanggalLahir', 'birthDate', false],
        ['/jenisKelamin', 'sex', false],
      ],
    );
    assert.match(m[0]!.message.id, /^Tanggal lahir tidak sesuai dengan NIK \(NIK menunjukkan 12-05-1990\)/);
    assert.match(m[0]!.message.en, /the NIK shows 12-05-1990/);
    assert.match(m[1]!.message.id, /NIK menunjukkan laki-laki/);
  });

  it('the NIK cannot tell the century (1890 agrees with 90); `block` marks birth date and sex blocking, never domicile', () => {
    assert.deepEqual(crossCheckNik({ nik: '3217061205900001', tanggalLahir: '1890-05-12' }, fields, now), []);
    const m = crossCheckNik({ nik: '3217061205900001', tanggalLahir: '1991-05-12', kabupaten: 'Kota Bogor' }, { ...fields, onMismatch: 'block' }, now);
    assert.deepEqual(
      m.map((x) => [x.field, x.blocking]),
      [
        ['birthDate', true],
        ['domicile', false],
      ],
    );
    assert.match(m[1]!.message.id, /Kabupaten Bandung Barat/);
  });

  it('plugin-declared sex values; unknown values, empty fields and invalid NIKs are left to other checks', () => {
    const f = { nik: '/p/nik', sex: '/p/jk', sexValues: { male: '1', female: '2' } };
    assert.equal(crossCheckNik({ p: { nik: '3217061205900001', jk: '2' } }, f, now).length, 1);
    assert.equal(crossCheckNik({ p: { nik: '3217061205900001', jk: '1' } }, f, now).length, 0);
    assert.deepEqual(crossCheckNik({ nik: '3217061205900001', jenisKelamin: 'lainnya' }, fields, now), []);
    assert.deepEqual(crossCheckNik({ nik: '3217063102990001', tanggalLahir: '1999-01-01' }, fields, now), []);
    assert.deepEqual(crossCheckNik({}, fields, now), []);
    assert.equal(valueAt({ 'a/b': 1 }, '/a~1b'), 1);
  });
});
