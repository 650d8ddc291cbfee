import assert from 'node:assert/strict';
import { FormValidatorCache } from './validators.js';
import { isNik, isNkk, isNpwp, isPhoneId, isNip, npwp16, phoneE164 } from './formats.js';

describe('Indonesian identifier formats', () => {
  it('NIK: 16 digits, known province, real date (+40 for women), serial not 0000', () => {
    assert.ok(isNik('3217060101900001')); // Ngamprah, 1 Jan 1990, man
    assert.ok(isNik('3217064101900001')); // same, woman (day + 40)
    assert.ok(isNik('6203052902000123')); // 29 Feb
    assert.ok(!isNik('321706010190000')); // 15 digits
    assert.ok(!isNik('9917060101900001')); // no province 99
    assert.ok(!isNik('3217063201900001')); // day 32
    assert.ok(!isNik('3217060113900001')); // month 13
    assert.ok(!isNik('3217060101900000')); // serial 0000
    assert.ok(!isNik('32170601019000a1'));
  });

  it('KK number: area, registration date, serial', () => {
    assert.ok(isNkk('3217061503120004'));
    assert.ok(!isNkk('3217064503120004')); // no +40 rule for KK
  });

  it('NPWP: 15 digits with Luhn check, or 16 (NIK or 0 + NPWP15), punctuation allowed', () => {
    assert.ok(isNpwp('01.855.081.4-412.000'));
    assert.ok(isNpwp('018550814412000'));
    assert.ok(!isNpwp('018550815412000')); // check digit wrong
    assert.ok(isNpwp('0018550814412000'));
    assert.ok(isNpwp('3217060101900001')); // NIK as NPWP
    assert.equal(npwp16('01.855.081.4-412.000'), '0018550814412000');
  });

  it('KK, NIB and NPWP through a form: 16, 13 and 16 (or the old 15) digits, each with its plain message', () => {
    const cache = new FormValidatorCache();
    const schema = { type: 'object', properties: { kk: { type: 'string', format: 'nkk' }, nib: { type: 'string', format: 'nib-usaha' }, npwp: { type: 'string', format: 'npwp' } } };
    assert.deepEqual(cache.validate('sha256:ids', 'svc', schema, { kk: '3217061503120004', nib: '9120001234567', npwp: '3217060101900001' }), []);
    assert.deepEqual(cache.validate('sha256:ids', 'svc', schema, { nib: '9120 0012 3456 7', npwp: '01.855.081.4-412.000' }), [], 'spaces in a NIB, the old 15-digit NPWP');
    const errors = cache.validate('sha256:ids', 'svc', schema, { kk: '321706150312000', nib: '91200012345678', npwp: '12345678901234' });
    const by = Object.fromEntries(errors.map((e) => [e.pointer, e.message]));
    assert.deepEqual(Object.keys(by).sort(), ['/kk', '/nib', '/npwp']);
    assert.equal(by['/kk']!.id, 'Masukkan nomor KK 16 angka, seperti tertulis di Kartu Keluarga.');
    assert.equal(by['/nib']!.en, 'Enter the 13-digit business number (NIB) from OSS.');
    assert.match(by['/npwp']!.id, /^Masukkan NPWP 16 angka \(bagi orang pribadi: NIK Anda\), atau NPWP lama 15 angka/);
  });

  it('phones: mobile in any prefix form, landlines with area codes, unknown mobile prefixes allowed', () => {
    for (const ok of ['081234567890', '+6281234567890', '6281234567890', '0895123456789', '0226866123', '0513123456']) assert.ok(isPhoneId(ok), ok);
    for (const bad of ['12345', '0812', '+1 555 1234567', '0012345678']) assert.ok(!isPhoneId(bad), bad);
    assert.equal(phoneE164('0812-3456-7890'), '+6281234567890');
  });

  it('NIP: birth date first, appointment month, sex digit', () => {
    assert.ok(isNip('198503152010011002'));
    assert.ok(!isNip('198513152010011002'));
  });

  it('compiles a form once per plugin version and answers in both languages with JSON pointers', () => {
    const cache = new FormValidatorCache();
    const schema = { type: 'object', required: ['nik'], properties: { nik: { type: 'string', format: 'nik' }, kodePos: { type: 'string', format: 'postal-code-id' } } };
    const errors = cache.validate('sha256:a', 'svc', schema, { nik: '123', kodePos: '01234' });
    assert.deepEqual(errors.map((e) => e.pointer).sort(), ['/kodePos', '/nik']);
    assert.equal(errors.find((e) => e.pointer === '/nik')!.message.id, 'Masukkan NIK 16 angka, seperti tertulis di KTP.');
    assert.equal(errors.find((e) => e.pointer === '/nik')!.message.en, 'Enter the 16-digit NIK as written on your ID card.');
    assert.deepEqual(cache.validate('sha256:a', 'svc', schema, { nik: '3217060101900001' }), []);
    cache.validate('sha256:a', 'svc', schema, {});
    assert.deepEqual(cache.stats(), { versions: 1, validators: 1 });
  });

  it('answers every keyword in plain language that says what to do, without ajv wording or the if/then summary', () => {
    const cache = new FormValidatorCache();
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['nama', 'alasan', 'jumlah'],
      properties: {
        nama: { type: 'string', minLength: 2 },
        alasan: { enum: ['hilang', 'rusak'] },
        noSktlk: { type: 'string' },
        jumlah: { type: 'integer', minimum: 1 },
        pukul: { type: 'string', pattern: '^[0-2][0-9]:[0-5][0-9]$' },
        lahir: { type: 'string', format: 'date' },
      },
      if: { properties: { alasan: { const: 'hilang' } }, required: ['alasan'] },
      then: { required: ['noSktlk'] },
    };
    const errors = cache.validate('sha256:b', 'svc', schema, { nama: 'A', alasan: 'hilang', jumlah: 1.5, pukul: '7 pagi', lahir: '2025-02-30', lain: 1 });
    const by = Object.fromEntries(errors.map((e) => [e.pointer, e.message]));
    assert.deepEqual(Object.keys(by).sort(), ['/jumlah', '/lahir', '/lain', '/nama', '/noSktlk', '/pukul']);
    assert.equal(by['/noSktlk']!.id, 'Isi bagian ini.');
    assert.equal(by['/nama']!.en, 'Enter at least 2 characters.');
    assert.equal(by['/jumlah']!.id, 'Masukkan bilangan bulat, tanpa koma atau huruf.');
    assert.equal(by['/lahir']!.en, 'Enter a real date: day, month and year.');
    for (const e of errors) {
      assert.doesNotMatch(`${e.message.id} ${e.message.en}`, /must|schema|pattern|\^|keyword|then/i);
      assert.match(e.message.id, /^(Isi|Tulis|Masukkan|Pilih|Periksa|Tambahkan|Bagian|Ada|Unggah|Jawaban)/);
    }
  });
});
