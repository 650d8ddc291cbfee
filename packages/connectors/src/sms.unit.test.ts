import assert from 'node:assert/strict';
import { isValidSenderId, parseSmsReport, smsSegments } from './sms.js';

describe('connectors: SMS pure helpers', () => {
  it('counts GSM-7 segments (160 alone, 153 per part, extension chars cost 2)', () => {
    assert.deepEqual(smsSegments('a'.repeat(160)), { encoding: 'GSM-7', segments: 1 });
    assert.deepEqual(smsSegments('a'.repeat(161)), { encoding: 'GSM-7', segments: 2 });
    assert.deepEqual(smsSegments('a'.repeat(306)), { encoding: 'GSM-7', segments: 2 });
    assert.deepEqual(smsSegments('a'.repeat(307)), { encoding: 'GSM-7', segments: 3 });
    assert.deepEqual(smsSegments('€'.repeat(80)), { encoding: 'GSM-7', segments: 1 });
    assert.deepEqual(smsSegments('€'.repeat(81)), { encoding: 'GSM-7', segments: 2 });
    // 152 plain then one extension char: it may not be split across parts.
    assert.deepEqual(smsSegments('a'.repeat(152) + '{' + 'a'.repeat(10)), { encoding: 'GSM-7', segments: 2 });
    assert.deepEqual(smsSegments('a'.repeat(152) + '{' + 'a'.repeat(152)), { encoding: 'GSM-7', segments: 3 });
    assert.deepEqual(smsSegments(''), { encoding: 'GSM-7', segments: 1 });
  });

  it('switches to UCS-2 for anything outside GSM-7 (70 alone, 67 per part)', () => {
    assert.deepEqual(smsSegments('Terima kasih 🙏'), { encoding: 'UCS-2', segments: 1 });
    assert.deepEqual(smsSegments('ā'.repeat(70)), { encoding: 'UCS-2', segments: 1 });
    assert.deepEqual(smsSegments('ā'.repeat(71)), { encoding: 'UCS-2', segments: 2 });
    assert.deepEqual(smsSegments('ā'.repeat(134)), { encoding: 'UCS-2', segments: 2 });
    assert.deepEqual(smsSegments('ā'.repeat(135)), { encoding: 'UCS-2', segments: 3 });
    // A surrogate pair (2 units) at the 67-unit edge moves to the next part.
    assert.deepEqual(smsSegments('ā'.repeat(66) + '🙏' + 'ā'.repeat(10)), { encoding: 'UCS-2', segments: 2 });
  });

  it('validates registered sender IDs', () => {
    for (const s of ['MPPKBB', 'MPP KBB', 'MPP1', 'A', 'ABCDEFGHIJK']) assert.equal(isValidSenderId(s), true, s);
    for (const s of ['', '12345', 'ABCDEFGHIJKL', 'MPP-KBB', 'MPP_KBB', 'MPPKBB\n']) assert.equal(isValidSenderId(s), false, s);
  });

  it('maps DLR statuses and ignores ACCEPTED and malformed bodies', () => {
    const at = '2026-12-07T01:02:03.000Z';
    const map = (status: string) => parseSmsReport({ id: 'm1', reference: 'ntf_1', status, at })?.status;
    assert.equal(map('SENT'), 'sent');
    assert.equal(map('DELIVERED'), 'delivered');
    assert.equal(map('UNDELIVERED'), 'permanent-failure');
    assert.equal(map('REJECTED'), 'permanent-failure');
    assert.equal(map('EXPIRED'), 'temporary-failure');
    assert.equal(map('ACCEPTED'), undefined);
    assert.equal(map('toString'), undefined);
    assert.deepEqual(parseSmsReport({ id: 'm1', reference: 'ntf_1', status: 'UNDELIVERED', errorCode: 'ABSENT_SUBSCRIBER', at }), {
      providerId: 'm1', reference: 'ntf_1', status: 'permanent-failure', at: new Date(at), providerCode: 'ABSENT_SUBSCRIBER', detail: 'UNDELIVERED',
    });
    assert.equal(parseSmsReport({ id: 'm1', status: 'SENT', at: 'not a date' }), undefined);
    assert.equal(parseSmsReport({ status: 'SENT', at }), undefined);
    assert.equal(parseSmsReport(null), undefined);
    assert.equal(parseSmsReport([]), undefined);
  });
});
