import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SmsAggregatorStandIn } from '@satupintu/testkit/standins';
import { parseSmsReport, SmsAggregator, verifySmsReport } from './sms.js';
import { ChannelError, STATUS_RANK, type DeliveryReport, type FailureKind } from './types.js';

const API_KEY = 'sk_test_aggregator_1234567890';
const SECRET = 'dlr-callback-secret';

/** Our side of the DLR callback: verifies the signature on the raw body, as the service will. */
class DlrReceiver {
  readonly reports: DeliveryReport[] = [];
  readonly rejected: number[] = [];
  readonly ignored: unknown[] = [];
  #server: Server;
  #port = 0;
  failFirst = 0;

  private constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const header = req.headers['x-aggregator-signature'];
        if (!verifySmsReport(raw, typeof header === 'string' ? header : undefined, SECRET)) {
          this.rejected.push(Date.now());
          res.writeHead(401).end();
          return;
        }
        if (this.failFirst > 0) {
          this.failFirst--;
          res.writeHead(503).end();
          return;
        }
        const body: unknown = JSON.parse(raw.toString('utf8'));
        const report = parseSmsReport(body);
        if (report) this.reports.push(report);
        else this.ignored.push(body);
        res.writeHead(204).end();
      });
    });
  }

  static async start(): Promise<DlrReceiver> {
    const r = new DlrReceiver();
    await new Promise<void>((resolve) => r.#server.listen(0, '127.0.0.1', resolve));
    r.#port = (r.#server.address() as AddressInfo).port;
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/callbacks/sms`;
  }

  stop(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

async function failure(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ChannelError, `expected ChannelError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the send to fail');
}

function assertKind(err: ChannelError, kind: FailureKind, code?: string): void {
  assert.equal(err.kind, kind);
  if (code) assert.equal(err.providerCode, code);
}

/** The current status as the service derives it: the highest-ranked event. */
function current(reports: DeliveryReport[], providerId: string): string | undefined {
  return reports
    .filter((r) => r.providerId === providerId)
    .map((r) => r.status)
    .sort((a, b) => STATUS_RANK[b] - STATUS_RANK[a])[0];
}

describe('connectors: SMS aggregator adapter against the stand-in', () => {
  let agg: SmsAggregatorStandIn;
  let dlr: DlrReceiver;
  let sms: SmsAggregator;

  beforeEach(async () => {
    agg = await SmsAggregatorStandIn.start({ apiKey: API_KEY, callbackSecret: SECRET, senders: ['MPPKBB'] });
    dlr = await DlrReceiver.start();
    sms = new SmsAggregator({ apiUrl: agg.url, apiKey: API_KEY, timeoutMs: 2000 });
  });

  afterEach(async () => {
    await agg.stop();
    await dlr.stop();
  });

  it('sends with the exact fields and gets DLRs SENT then DELIVERED, signed and parsed', async () => {
    const res = await sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'Permohonan KTP-001 selesai.', reference: 'ntf_001', callbackUrl: dlr.url });
    assert.equal(agg.sent.length, 1);
    const m = agg.sent[0]!;
    assert.deepEqual({ id: m.id, from: m.from, to: m.to, text: m.text, reference: m.reference, callbackUrl: m.callbackUrl }, { id: res.providerId, from: 'MPPKBB', to: '+6281234567890', text: 'Permohonan KTP-001 selesai.', reference: 'ntf_001', callbackUrl: dlr.url });
    await agg.reportsSettled();
    assert.deepEqual(dlr.reports.map((r) => [r.providerId, r.reference, r.status]), [
      [res.providerId, 'ntf_001', 'sent'],
      [res.providerId, 'ntf_001', 'delivered'],
    ]);
    assert.ok(dlr.reports.every((r) => r.at instanceof Date && !Number.isNaN(r.at.getTime())));
    assert.equal(dlr.rejected.length, 0);
  });

  it('dedupes on reference: two sends, one message, the same id', async () => {
    const a = await sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'Antrean A-12 dipanggil.', reference: 'ntf_dup' });
    const b = await sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'Antrean A-12 dipanggil.', reference: 'ntf_dup' });
    assert.equal(b.providerId, a.providerId);
    assert.equal(agg.countByReference('ntf_dup'), 1);
    assert.equal(agg.sent.length, 1);
    assert.equal(agg.requests.filter((r) => r.reference === 'ntf_dup').length, 2);
  });

  it('unregistered sender → technical (SENDER_NOT_REGISTERED)', async () => {
    const err = await failure(sms.send({ from: 'MPPKBBX', to: '+6281234567890', text: 'x', reference: 'ntf_s' }));
    assertKind(err, 'technical', 'SENDER_NOT_REGISTERED');
    assert.equal(agg.sent.length, 0);
  });

  it('invalid number → permanent, and the number is not in the message', async () => {
    const err = await failure(sms.send({ from: 'MPPKBB', to: '+6512345678', text: 'x', reference: 'ntf_n' }));
    assertKind(err, 'permanent', 'INVALID_NUMBER');
    assert.ok(!err.message.includes('12345678'));
    agg.block('+6281111111111');
    assertKind(await failure(sms.send({ from: 'MPPKBB', to: '+6281111111111', text: 'x', reference: 'ntf_b' })), 'permanent', 'BLOCKED_NUMBER');
  });

  it('wrong API key → technical, and the key is not in the message', async () => {
    const bad = new SmsAggregator({ apiUrl: agg.url, apiKey: 'sk_wrong_key_abcdef' });
    const err = await failure(bad.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_k' }));
    assertKind(err, 'technical', 'UNAUTHORIZED');
    assert.ok(!err.message.includes('sk_wrong_key'));
  });

  it('429 → throttled with Retry-After, then the retry goes through', async () => {
    agg.failNext(1, 429, { retryAfter: '3' });
    const err = await failure(sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_t' }));
    assertKind(err, 'throttled', '429');
    assert.equal(err.retryAfterMs, 3000);
    agg.failNext(1, 429, { retryAfter: 'soon' });
    assert.equal((await failure(sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_t' }))).retryAfterMs, 1000);
    await sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_t' });
    assert.equal(agg.countByReference('ntf_t'), 1);
  });

  it('5xx, connection refused and timeout → temporary', async () => {
    agg.failNext(1, 503);
    assertKind(await failure(sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_5' })), 'temporary', 'HTTP_503');
    agg.responseDelayMs = 1000;
    const slow = new SmsAggregator({ apiUrl: agg.url, apiKey: API_KEY, timeoutMs: 200 });
    assertKind(await failure(slow.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_to' })), 'temporary', 'TIMEOUT');
    agg.responseDelayMs = 0;
    const gone = await SmsAggregatorStandIn.start({ apiKey: API_KEY, callbackSecret: SECRET, senders: ['MPPKBB'] });
    const goneUrl = gone.url;
    await gone.stop();
    const refused = new SmsAggregator({ apiUrl: goneUrl, apiKey: API_KEY, timeoutMs: 2000 });
    assertKind(await failure(refused.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_c' })), 'temporary', 'NETWORK');
  });

  it('a tampered DLR is rejected by the signature check', async () => {
    const body = Buffer.from(JSON.stringify({ id: 'm1', reference: 'ntf_x', status: 'DELIVERED', at: new Date().toISOString() }));
    const header = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    assert.equal(verifySmsReport(body, header, SECRET), true);
    const tampered = Buffer.from(body.toString().replace('DELIVERED', 'UNDELIVERED'));
    assert.equal(verifySmsReport(tampered, header, SECRET), false);
    assert.equal(verifySmsReport(body, header, 'other-secret'), false);
    assert.equal(verifySmsReport(body, undefined, SECRET), false);
    // Over the wire: our receiver answers 401 and records nothing.
    const res = await fetch(dlr.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aggregator-signature': header }, body: tampered });
    assert.equal(res.status, 401);
    assert.equal(dlr.reports.length, 0);
  });

  it('out-of-order DLRs (DELIVERED before SENT) still derive delivered', async () => {
    agg.outOfOrder = true;
    const res = await sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_o', callbackUrl: dlr.url });
    await agg.reportsSettled();
    assert.deepEqual(dlr.reports.map((r) => r.status), ['delivered', 'sent']);
    assert.equal(current(dlr.reports, res.providerId), 'delivered');
  });

  it('per-number behaviour: undelivered → permanent-failure, expire → temporary-failure, silent → nothing', async () => {
    agg.behaviour('+6281200000001', 'undelivered');
    agg.behaviour('+6281200000002', 'expire');
    agg.behaviour('+6281200000003', 'silent');
    const u = await sms.send({ from: 'MPPKBB', to: '+6281200000001', text: 'x', reference: 'ntf_u', callbackUrl: dlr.url });
    const e = await sms.send({ from: 'MPPKBB', to: '+6281200000002', text: 'x', reference: 'ntf_e', callbackUrl: dlr.url });
    const s = await sms.send({ from: 'MPPKBB', to: '+6281200000003', text: 'x', reference: 'ntf_si', callbackUrl: dlr.url });
    await agg.reportsSettled();
    assert.equal(current(dlr.reports, u.providerId), 'permanent-failure');
    assert.equal(dlr.reports.find((r) => r.providerId === u.providerId && r.status === 'permanent-failure')?.providerCode, 'ABSENT_SUBSCRIBER');
    assert.equal(current(dlr.reports, e.providerId), 'sent'); // a temporary failure ranks below sent: the service retries on its own timer
    assert.ok(dlr.reports.some((r) => r.providerId === e.providerId && r.status === 'temporary-failure'));
    assert.equal(current(dlr.reports, s.providerId), undefined);
  });

  it('the stand-in retries a DLR our side failed to take', async () => {
    dlr.failFirst = 1;
    const res = await sms.send({ from: 'MPPKBB', to: '+6281234567890', text: 'x', reference: 'ntf_r', callbackUrl: dlr.url });
    await agg.reportsSettled();
    assert.equal(current(dlr.reports, res.providerId), 'delivered');
    assert.equal(agg.reports[0]?.attempts, 2);
  });
});
