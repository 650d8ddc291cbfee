import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { GatewayAdapter, H2hBillerAdapter, PaymentSignatureError, SnapVaAdapter, snapBodyDigest, snapSignature, snapTimestamp } from './payments.js';

const now = () => new Date('2026-12-07T03:00:00Z');

describe('connectors: payment signatures (issue 24)', () => {
  it('SNAP: the body digest is over the minified JSON; the string-to-sign is METHOD:path[:token]:digest:timestamp; timestamps are WIB', () => {
    assert.equal(snapBodyDigest('{ "a" : 1,\n "b": [1, 2] }'), createHash('sha256').update('{"a":1,"b":[1,2]}').digest('hex'));
    const ts = snapTimestamp(now());
    assert.equal(ts, '2026-12-07T10:00:00+07:00');
    const want = createHmac('sha512', 's').update(`POST:/v1.0/transfer-va/payment:${snapBodyDigest('{}')}:${ts}`).digest('base64');
    assert.equal(snapSignature('s', 'post', '/v1.0/transfer-va/payment', '{}', ts), want);
    assert.notEqual(snapSignature('s', 'POST', '/p', '{}', ts, 'token'), snapSignature('s', 'POST', '/p', '{}', ts));
  });

  it('SNAP: a notification verifies only with the secret, the partner id and the unaltered body', () => {
    const a = new SnapVaAdapter({ baseUrl: 'http://x', partnerId: 'P1', clientSecret: 'sec', privateKeyPem: '', partnerServiceId: '   88810', channelId: '95221' }, now);
    const raw = JSON.stringify({ virtualAccountNo: '   88810000000000001', paymentRequestId: 'PRQ1', paidAmount: { value: '150000.00', currency: 'IDR' }, referenceNo: 'R1', trxDateTime: '2026-12-07T10:00:00+07:00' });
    const ts = snapTimestamp(now());
    const headers = (secret: string, partner = 'P1') => ({ 'x-timestamp': ts, 'x-partner-id': partner, 'x-signature': snapSignature(secret, 'POST', '/v1.0/transfer-va/payment', raw, ts) });
    const p = a.verifyNotification({ method: 'POST', path: '/v1.0/transfer-va/payment', headers: headers('sec'), raw: Buffer.from(raw) })!;
    assert.deepEqual([p.providerTxnId, p.amount, p.proof.bankRef, p.kind], ['PRQ1', 150_000, 'R1', 'payment']);
    assert.throws(() => a.verifyNotification({ method: 'POST', path: '/v1.0/transfer-va/payment', headers: headers('other'), raw: Buffer.from(raw) }), PaymentSignatureError);
    assert.throws(() => a.verifyNotification({ method: 'POST', path: '/v1.0/transfer-va/payment', headers: headers('sec', 'P2'), raw: Buffer.from(raw) }), PaymentSignatureError);
    assert.throws(() => a.verifyNotification({ method: 'POST', path: '/v1.0/transfer-va/payment', headers: headers('sec'), raw: Buffer.from(raw.replace('150000', '150')) }), PaymentSignatureError);
  });

  it('gateway: signature_key = SHA512(order_id + status_code + gross_amount + ServerKey); pending reports no money', () => {
    const g = new GatewayAdapter({ baseUrl: 'http://x', serverKey: 'SK', bank: 'bni' }, now);
    const body = (status: string, code: string, key = 'SK') => Buffer.from(JSON.stringify({ order_id: 'o1', status_code: code, gross_amount: '1000.00', transaction_status: status, transaction_id: 't1', fraud_status: 'accept', va_numbers: [{ va_number: '988' }], signature_key: createHash('sha512').update(`o1${code}1000.00${key}`).digest('hex') }));
    assert.deepEqual(g.verifyNotification({ raw: body('settlement', '200') })?.orderRef, 'o1');
    assert.equal(g.verifyNotification({ raw: body('pending', '201') }), null);
    assert.throws(() => g.verifyNotification({ raw: body('settlement', '200', 'guess') }), PaymentSignatureError);
  });

  it('host-to-host: signed calls inside the replay window only; kode bayar is the prefix and 10 digits, the same for the same order', async () => {
    const h = new H2hBillerAdapter({ prefix: '321701', bankSecret: 'b' }, now);
    const raw = JSON.stringify({ kodeBayar: '3217010000000001', noResi: 'N1', amount: 5000 });
    const sign = (ts: string, secret = 'b') => ({ 'x-timestamp': ts, 'x-signature': createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex') });
    assert.equal(h.verifyNotification({ method: 'POST', path: '/payment-h2h/payment', headers: sign(now().toISOString()), raw: Buffer.from(raw) }).providerTxnId, 'N1');
    assert.equal(h.verifyNotification({ method: 'POST', path: '/payment-h2h/reversal', headers: sign(now().toISOString()), raw: Buffer.from(raw) }).kind, 'reversal');
    assert.throws(() => h.verifyCall({ headers: sign('2026-12-07T02:50:00Z'), raw: Buffer.from(raw) }), /window/);
    assert.throws(() => h.verifyCall({ headers: sign(now().toISOString(), 'x'), raw: Buffer.from(raw) }), PaymentSignatureError);
    const req = { orderId: '019aa4b2-7c1e-7d3a-9f10-3c5e8a1b2c3d', amount: 1, payerName: 'A', description: 'd', agency: 'dpmptsp', expiresAt: now() };
    const [x, y] = [await h.createOrder(req), await h.createOrder(req)];
    assert.match(x.externalRef, /^321701\d{10}$/);
    assert.equal(x.externalRef, y.externalRef);
  });
});
