import assert from 'node:assert/strict';
import { derOf } from './signing.js';

describe('test kit: reading a PDF signature placeholder', () => {
  it('takes the CMS blob by the length its DER header states, keeping a last byte that is zero', () => {
    // SEQUENCE (short form, 4 bytes) whose last byte is 0x00, then the placeholder's zero padding.
    const short = Buffer.from('3004020100000000000000', 'hex');
    assert.equal(derOf(short).toString('hex'), '300402010000');
    // Long form (0x82: two length bytes), the real shape of a CMS SignedData.
    const body = Buffer.alloc(300, 0xab);
    body[299] = 0;
    const long = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x2c]), body, Buffer.alloc(50)]);
    assert.equal(derOf(long).length, 304);
    assert.equal(derOf(long).at(-1), 0);
    assert.throws(() => derOf(Buffer.alloc(8)), /DER SEQUENCE/);
  });
});
