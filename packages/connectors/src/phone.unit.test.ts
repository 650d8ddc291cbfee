import assert from 'node:assert/strict';
import { isMobile, maskPhone, normalizeIndonesianPhone } from './phone.js';

describe('connectors: Indonesian phone numbers', () => {
  it('normalizes the ways citizens type a mobile number to E.164', () => {
    for (const input of ['0812-3456-7890', '081234567890', '6281234567890', '+62 812-3456-7890', ' +62 812 3456 7890 ', '(0812) 3456 7890'])
      assert.equal(normalizeIndonesianPhone(input), '+6281234567890', input);
  });

  it('accepts a valid fixed-line number (Jakarta 021)', () => {
    assert.equal(normalizeIndonesianPhone('021 5551234'), '+62215551234');
    assert.equal(isMobile('+62215551234'), false);
  });

  it('rejects invalid, foreign and non-numeric input', () => {
    for (const input of ['', '08123', '0812', 'abc', '0812-3456-789x', '+6581234567' /* Singapore */, '+1 202 555 0143', '++6281234567890'])
      assert.equal(normalizeIndonesianPhone(input), undefined, input);
  });

  it('tells mobile numbers apart', () => {
    assert.equal(isMobile('+6281234567890'), true);
    assert.equal(isMobile('+6581234567'), false);
    assert.equal(isMobile('nonsense'), false);
  });

  it('masks all but country code, first 3 and last 3 digits', () => {
    assert.equal(maskPhone('+628123456789'), '+62812****789');
    assert.equal(maskPhone('+6281234567890'), '+62812*****890');
    const masked = maskPhone('+6281234567890');
    assert.ok(!masked.includes('34567'));
  });
});
