import assert from 'node:assert/strict';
import { catalogCoding } from './coding.js';

describe('catalog content coding', () => {
  it('prefers brotli, then gzip, as the client accepts them (RFC 9110 §12.5.3)', () => {
    assert.equal(catalogCoding(undefined), 'identity', 'no Accept-Encoding: as it is');
    assert.equal(catalogCoding(''), 'identity');
    assert.equal(catalogCoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(catalogCoding('gzip'), 'gzip');
    assert.equal(catalogCoding('x-gzip'), 'gzip');
    assert.equal(catalogCoding('br;q=0.5, gzip'), 'gzip', 'the client ranks gzip higher');
    assert.equal(catalogCoding('gzip;q=0.8, br;q=0.8'), 'br', 'a tie goes to the smaller');
    assert.equal(catalogCoding('*'), 'br');
    assert.equal(catalogCoding('*;q=0.5, br;q=0'), 'gzip');
    assert.equal(catalogCoding('gzip;q=0, br;q=0, identity'), 'identity');
    assert.equal(catalogCoding('deflate'), 'identity', 'deflate is left to the compression middleware');
    assert.equal(catalogCoding('GZIP; Q=1'), 'gzip');
  });
});
