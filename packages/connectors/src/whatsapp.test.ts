import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';

import { WhatsAppCloudStandIn, type WhatsAppStandInOptions } from '@satupintu/testkit/standins';
import { ChannelError, STATUS_RANK, type DeliveryReport, type InboundMessage, type NotificationStatus } from './types.js';
import { WhatsAppCloud, answerWhatsAppChallenge, parseWhatsAppWebhook, verifyWhatsAppSignature, type WhatsAppSender } from './whatsapp.js';

const APP_SECRET = 'app-secret-standin';
const TOKEN = 'EAAG-token-of-kab-contoh';
const PHONE_ID = '109876543210987';
const SENDER: WhatsAppSender = { phoneNumberId: PHONE_ID, accessToken: TOKEN };
const CITIZEN = '+6281234567890';
const TEMPLATES: WhatsAppStandInOptions['templates'] = [
  { name: 'status_permohonan', language: 'id', category: 'utility', params: 3 },
  { name: 'status_permohonan', language: 'en', category: 'utility', params: 3 },
];

/** Our side of the webhook: keeps the raw body, verifies Meta's signature, parses what it accepted. */
class Receiver {
  readonly reports: DeliveryReport[] = [];
  readonly inbound: InboundMessage[] = [];
  readonly phoneNumberIds: string[] = [];
  rejected = 0;
  /** Answer 503 to the next n deliveries (receiver down). */
  downFor = 0;
  readonly #server: http.Server;

  private constructor() {
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.downFor > 0) {
          this.downFor--;
          res.writeHead(503).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const header = req.headers['x-hub-signature-256'];
        if (!verifyWhatsAppSignature(raw, typeof header === 'string' ? header : undefined, APP_SECRET)) {
          this.rejected++;
          res.writeHead(401).end();
          return;
        }
        const parsed = parseWhatsAppWebhook(JSON.parse(raw.toString('utf8')) as unknown);
        this.reports.push(...parsed.reports);
        this.inbound.push(...parsed.inbound);
        this.phoneNumberIds.push(...parsed.phoneNumberIds);
        res.writeHead(200).end();
      });
    });
  }

  static async start(): Promise<Receiver> {
    const r = new Receiver();
    await new Promise<void>((resolve) => r.#server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/webhooks/whatsapp`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}

/** The current status as the notification service derives it: highest rank in the event log. */
function current(reports: DeliveryReport[]): NotificationStatus {
  return reports.map((r) => r.status).reduce<NotificationStatus>((a, b) => (STATUS_RANK[b] > STATUS_RANK[a] ? b : a), 'created');
}

async function sendError(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ChannelError, `expected a ChannelError, got ${String(err)}`);
    return err;
  }
  assert.fail('the send was expected to fail');
}

function template(bodyParams: string[], name = 'status_permohonan', language = 'id') {
  return { kind: 'template' as const, name, language, bodyParams };
}

describe('WhatsApp Cloud API adapter against the stand-in', function () {
  let standIn: WhatsAppCloudStandIn;
  let receiver: Receiver;
  let wa: WhatsAppCloud;
  let clock: Date;

  async function startStandIn(extra: Partial<WhatsAppStandInOptions> = {}): Promise<void> {
    await standIn?.stop();
    standIn = await WhatsAppCloudStandIn.start({
      appSecret: APP_SECRET,
      accessToken: TOKEN,
      phoneNumberId: PHONE_ID,
      callbackUrl: receiver.url,
      templates: TEMPLATES,
      now: () => clock,
      callbackRetryDelayMs: 20,
      ...extra,
    });
    wa = new WhatsAppCloud({ graphUrl: standIn.url, timeoutMs: 2000 });
  }

  beforeEach(async function () {
    clock = new Date('2026-03-02T01:00:00Z');
    receiver = await Receiver.start();
    await startStandIn();
  });

  afterEach(async function () {
    await standIn.stop();
    await receiver.stop();
  });

  it('sends a utility template with its exact parameters; the reference comes back in sent → delivered → read', async function () {
    const params = ['Izin Usaha Mikro', 'MPP-2026-000123', 'selesai'];
    const accepted = await wa.send(SENDER, { to: CITIZEN, reference: 'notif-1', content: template(params) });
    assert.match(accepted.providerId, /^wamid\./);

    assert.equal(standIn.sent.length, 1);
    const sent = standIn.sent[0]!;
    assert.equal(sent.id, accepted.providerId);
    assert.equal(sent.to, CITIZEN);
    assert.equal(sent.reference, 'notif-1');
    assert.deepEqual(sent.template, { name: 'status_permohonan', language: 'id', params, category: 'utility' });
    assert.equal(standIn.countByReference('notif-1'), 1);
    assert.deepEqual(standIn.nonUtilitySends, []);

    await standIn.callbacksSettled();
    assert.deepEqual(receiver.reports.map((r) => r.status), ['sent', 'delivered', 'read']);
    for (const r of receiver.reports) {
      assert.equal(r.providerId, accepted.providerId);
      assert.equal(r.reference, 'notif-1');
      // Outside the service window a utility template is charged.
      assert.deepEqual(r.pricing, { billable: true, category: 'utility' });
    }
    assert.deepEqual([...new Set(receiver.phoneNumberIds)], [PHONE_ID]);
    assert.equal(current(receiver.reports), 'read');
  });

  it('a wrong number of template parameters is a technical failure with 132000, and nothing is sent', async function () {
    const err = await sendError(wa.send(SENDER, { to: CITIZEN, reference: 'notif-2', content: template(['only one']) }));
    assert.equal(err.kind, 'technical');
    assert.equal(err.providerCode, '132000');
    assert.equal(standIn.sent.length, 0);
    assert.deepEqual(standIn.rejected.map((r) => r.code), [132000]);
  });

  it('an unknown template or translation is technical (132001); a wrong token is technical (190)', async function () {
    const missing = await sendError(wa.send(SENDER, { to: CITIZEN, reference: 'n', content: template(['a', 'b', 'c'], 'status_permohonan', 'jv') }));
    assert.equal(missing.kind, 'technical');
    assert.equal(missing.providerCode, '132001');

    const badToken = await sendError(wa.send({ ...SENDER, accessToken: 'expired-token' }, { to: CITIZEN, reference: 'n', content: template(['a', 'b', 'c']) }));
    assert.equal(badToken.kind, 'technical');
    assert.equal(badToken.providerCode, '190');
    // Neither the token nor the recipient's number may leak into a message that ends up in logs.
    for (const e of [missing, badToken]) {
      assert.ok(!e.message.includes('expired-token') && !e.message.includes(TOKEN));
      assert.ok(!e.message.includes(CITIZEN.slice(1)));
    }
    assert.equal(standIn.sent.length, 0);
  });

  it('a number that is not E.164 is a permanent failure before any request', async function () {
    const err = await sendError(wa.send(SENDER, { to: '081234567890', reference: 'n', content: template(['a', 'b', 'c']) }));
    assert.equal(err.kind, 'permanent');
    assert.equal(standIn.rejected.length + standIn.sent.length, 0);
  });

  it('free-form text outside the 24-hour window is permanent (131047); an inbound message opens the window until 24 h later', async function () {
    const text = { kind: 'text' as const, body: 'Berkas Anda sudah kami terima.' };
    const outside = await sendError(wa.send(SENDER, { to: CITIZEN, reference: 'notif-3', content: text }));
    assert.equal(outside.kind, 'permanent');
    assert.equal(outside.providerCode, '131047');
    assert.equal(standIn.sent.length, 0);

    await standIn.simulateInbound(CITIZEN, 'Halo, bagaimana status permohonan saya?');
    assert.deepEqual(receiver.inbound, [{ from: CITIZEN, at: clock, to: PHONE_ID }]);

    clock = new Date(clock.getTime() + 23 * 3600_000);
    const accepted = await wa.send(SENDER, { to: CITIZEN, reference: 'notif-3', content: text });
    assert.equal(standIn.sent[0]?.id, accepted.providerId);
    assert.equal(standIn.sent[0]?.text, text.body);
    await standIn.callbacksSettled();
    // A service message inside the window is free.
    assert.deepEqual(receiver.reports[0]?.pricing, { billable: false, category: 'service' });

    clock = new Date(clock.getTime() + 1 * 3600_000);
    const closed = await sendError(wa.send(SENDER, { to: CITIZEN, reference: 'notif-4', content: text }));
    assert.equal(closed.providerCode, '131047');
  });

  it('when Meta reports 131047 by webhook instead, the failed status parses as permanent-failure', async function () {
    await startStandIn({ reengagement: 'webhook' });
    const accepted = await wa.send(SENDER, { to: CITIZEN, reference: 'notif-5', content: { kind: 'text', body: 'Halo' } });
    await standIn.callbacksSettled();
    assert.equal(receiver.reports.length, 1);
    assert.deepEqual(
      { ...receiver.reports[0], at: undefined },
      { providerId: accepted.providerId, reference: 'notif-5', status: 'permanent-failure', at: undefined, providerCode: '131047', detail: 'Re-engagement message' },
    );
  });

  it('throughput above the number’s mps is throttled (429 / 130429) with a retry delay', async function () {
    await startStandIn({ mps: 2 });
    await wa.send(SENDER, { to: '+6281111111111', reference: 'a', content: template(['a', 'b', 'c']) });
    await wa.send(SENDER, { to: '+6281111111112', reference: 'b', content: template(['a', 'b', 'c']) });
    const err = await sendError(wa.send(SENDER, { to: '+6281111111113', reference: 'c', content: template(['a', 'b', 'c']) }));
    assert.equal(err.kind, 'throttled');
    assert.equal(err.providerCode, '130429');
    assert.equal(err.retryAfterMs, 1000);
    assert.equal(standIn.sent.length, 2);

    // Retry-After, when Graph sends it, wins.
    await startStandIn();
    standIn.failNext(1, { status: 429, code: 130429, retryAfterSeconds: 7 });
    const withHeader = await sendError(wa.send(SENDER, { to: CITIZEN, reference: 'd', content: template(['a', 'b', 'c']) }));
    assert.equal(withHeader.kind, 'throttled');
    assert.equal(withHeader.retryAfterMs, 7000);
  });

  it('the pair rate limit (131056) is throttled for about 6 s, and only for that recipient', async function () {
    await startStandIn({ pairWindowMs: 60_000 });
    await wa.send(SENDER, { to: CITIZEN, reference: 'a', content: template(['a', 'b', 'c']) });
    const err = await sendError(wa.send(SENDER, { to: CITIZEN, reference: 'b', content: template(['a', 'b', 'c']) }));
    assert.equal(err.kind, 'throttled');
    assert.equal(err.providerCode, '131056');
    assert.equal(err.retryAfterMs, 6000);
    await wa.send(SENDER, { to: '+6289999999999', reference: 'c', content: template(['a', 'b', 'c']) });
    assert.deepEqual(standIn.sent.map((s) => s.reference), ['a', 'c']);
  });

  it('provider 5xx, timeouts and a refused connection are temporary', async function () {
    standIn.failNext(1, { status: 503 });
    const unavailable = await sendError(wa.send(SENDER, { to: CITIZEN, reference: 'a', content: template(['a', 'b', 'c']) }));
    assert.equal(unavailable.kind, 'temporary');
    // The fault was one request only: the retry goes through.
    await wa.send(SENDER, { to: CITIZEN, reference: 'a', content: template(['a', 'b', 'c']) });

    standIn.delayMs = 400;
    const slow = new WhatsAppCloud({ graphUrl: standIn.url, timeoutMs: 100 });
    const timeout = await sendError(slow.send(SENDER, { to: CITIZEN, reference: 'slow', content: template(['a', 'b', 'c']) }));
    assert.equal(timeout.kind, 'temporary');
    assert.match(timeout.message, /100 ms/);
    // Meta may still accept a message the sender gave up on: the service must expect a duplicate on retry.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(standIn.countByReference('slow'), 1);

    const port = new URL(standIn.url).port;
    await standIn.stop();
    const refused = await sendError(new WhatsAppCloud({ graphUrl: `http://127.0.0.1:${port}/v23.0` }).send(SENDER, { to: CITIZEN, reference: 'x', content: template(['a', 'b', 'c']) }));
    assert.equal(refused.kind, 'temporary');
    standIn = await WhatsAppCloudStandIn.start({ appSecret: APP_SECRET, accessToken: TOKEN, phoneNumberId: PHONE_ID, templates: TEMPLATES });
  });

  it('a number not on WhatsApp is accepted, then reported failed with 131026 as permanent-failure', async function () {
    standIn.behaviour(CITIZEN, 'not-on-whatsapp');
    const accepted = await wa.send(SENDER, { to: CITIZEN, reference: 'notif-6', content: template(['a', 'b', 'c']) });
    await standIn.callbacksSettled();
    assert.equal(receiver.reports.length, 1);
    const r = receiver.reports[0]!;
    assert.equal(r.providerId, accepted.providerId);
    assert.equal(r.reference, 'notif-6');
    assert.equal(r.status, 'permanent-failure');
    assert.equal(r.providerCode, '131026');
    assert.equal(r.pricing, undefined);
  });

  it('out-of-order webhooks still give all three reports, their times put them back in order', async function () {
    await startStandIn({ outOfOrder: true });
    await wa.send(SENDER, { to: CITIZEN, reference: 'notif-7', content: template(['a', 'b', 'c']) });
    await standIn.callbacksSettled();
    assert.deepEqual(receiver.reports.map((r) => r.status), ['read', 'delivered', 'sent']);
    const byTime = [...receiver.reports].sort((a, b) => a.at.getTime() - b.at.getTime());
    assert.deepEqual(byTime.map((r) => r.status), ['sent', 'delivered', 'read']);
    assert.ok(byTime[0]!.at < byTime[1]!.at && byTime[1]!.at < byTime[2]!.at);
    assert.equal(current(receiver.reports), 'read');
  });

  it('delivered after failed (multi-device): the derived status stays delivered', async function () {
    await startStandIn({ deliveredAfterFailed: true });
    standIn.behaviour(CITIZEN, 'deliver');
    await wa.send(SENDER, { to: CITIZEN, reference: 'notif-8', content: template(['a', 'b', 'c']) });
    await standIn.callbacksSettled();
    assert.deepEqual(receiver.reports.map((r) => r.status), ['sent', 'permanent-failure', 'delivered']);
    assert.equal(current(receiver.reports), 'delivered');
  });

  it('the receiver rejects a tampered body and a wrong key; webhooks are retried while it is down', async function () {
    const body = { object: 'whatsapp_business_account', entry: [] };
    assert.equal((await standIn.signedPost(receiver.url, body)).status, 200);
    const raw = JSON.stringify(body);
    const goodSig = `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
    const tampered = await fetch(receiver.url, { method: 'POST', headers: { 'x-hub-signature-256': goodSig }, body: raw.replace('[]', '[{}]') });
    assert.equal(tampered.status, 401);

    standIn.badlySigned = true;
    await wa.send(SENDER, { to: CITIZEN, reference: 'notif-9', content: template(['a', 'b', 'c']) });
    await standIn.callbacksSettled();
    assert.equal(receiver.reports.length, 0);
    assert.ok(receiver.rejected >= 3);

    standIn.badlySigned = false;
    receiver.downFor = 2;
    await wa.send(SENDER, { to: CITIZEN, reference: 'notif-10', content: template(['a', 'b', 'c']) });
    await standIn.callbacksSettled();
    assert.deepEqual(receiver.reports.map((r) => r.status), ['sent', 'delivered', 'read']);
    assert.ok(standIn.callbackAttempts.filter((a) => a.status === 503).length === 2);
  });
});

describe('WhatsApp webhook verification and parsing', function () {
  it('answers the GET handshake only for subscribe with the right token', function () {
    const q = { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' };
    assert.equal(answerWhatsAppChallenge(q, 'verify-me'), '1158201444');
    assert.equal(answerWhatsAppChallenge(q, 'verify-you'), undefined);
    assert.equal(answerWhatsAppChallenge({ ...q, 'hub.verify_token': 'verify-m' }, 'verify-me'), undefined);
    assert.equal(answerWhatsAppChallenge({ ...q, 'hub.mode': 'unsubscribe' }, 'verify-me'), undefined);
    assert.equal(answerWhatsAppChallenge({ ...q, 'hub.verify_token': ['verify-me'] }, 'verify-me'), undefined);
    assert.equal(answerWhatsAppChallenge(q, ''), undefined);
  });

  it('verifies X-Hub-Signature-256 over the raw bytes and refuses malformed headers', function () {
    const raw = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    const hex = createHmac('sha256', APP_SECRET).update(raw).digest('hex');
    assert.equal(verifyWhatsAppSignature(raw, `sha256=${hex}`, APP_SECRET), true);
    assert.equal(verifyWhatsAppSignature(raw, `sha256=${hex.toUpperCase()}`, APP_SECRET), true);
    assert.equal(verifyWhatsAppSignature(Buffer.from(raw.toString().replace('[]', '[ ]')), `sha256=${hex}`, APP_SECRET), false);
    assert.equal(verifyWhatsAppSignature(raw, `sha256=${hex}`, 'other-secret'), false);
    for (const bad of [undefined, '', hex, `sha1=${hex}`, `sha256=${hex.slice(2)}`, `sha256=${hex}00`, `sha256=${'z'.repeat(64)}`]) {
      assert.equal(verifyWhatsAppSignature(raw, bad, APP_SECRET), false, String(bad));
    }
    assert.equal(verifyWhatsAppSignature(raw, `sha256=${createHmac('sha256', '').update(raw).digest('hex')}`, ''), false);
  });

  it('skips malformed entries of untrusted payloads and keeps the valid ones', function () {
    for (const junk of [null, 42, 'x', [], {}, { object: 'page', entry: [] }, { object: 'whatsapp_business_account', entry: 'no' }]) {
      assert.deepEqual(parseWhatsAppWebhook(junk), { phoneNumberIds: [], reports: [], inbound: [] });
    }
    const parsed = parseWhatsAppWebhook({
      object: 'whatsapp_business_account',
      entry: [
        null,
        { id: '1', changes: 'nope' },
        {
          id: '2',
          changes: [
            { field: 'message_template_status_update', value: { event: 'APPROVED' } },
            { field: 'messages', value: { statuses: [{ id: 'wamid.no-metadata', status: 'sent', timestamp: '1' }] } },
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '6281100000000', phone_number_id: PHONE_ID },
                statuses: [
                  { id: 'wamid.A', status: 'delivered', timestamp: '1772413200', recipient_id: '6281234567890', unknown_field: { x: 1 } },
                  { id: 'wamid.B', status: 'failed', timestamp: '1772413201', errors: [{ code: 131000, title: 'Something went wrong' }] },
                  { id: 'wamid.C', status: 'failed', timestamp: '1772413202', errors: [{ code: 131026, title: 'Message undeliverable' }] },
                  { id: 'wamid.D', status: 'deleted', timestamp: '1772413203' },
                  { id: 'wamid.E', status: 'read', timestamp: 'yesterday' },
                  { status: 'read', timestamp: '1772413204' },
                  { id: 'wamid.F', status: 'sent', timestamp: 1772413205, pricing: { pricing_model: 'PMP', category: 'utility', type: 'free_customer_service' } },
                ],
                messages: [
                  { from: '6281234567890', id: 'wamid.IN', timestamp: '1772413300', type: 'text', text: { body: 'halo' } },
                  { from: 'not-a-number', id: 'wamid.BAD', timestamp: '1772413300', type: 'text' },
                ],
              },
            },
          ],
        },
      ],
    });
    assert.deepEqual(parsed.phoneNumberIds, [PHONE_ID]);
    assert.deepEqual(
      parsed.reports.map((r) => [r.providerId, r.status, r.providerCode]),
      [
        ['wamid.A', 'delivered', undefined],
        ['wamid.B', 'temporary-failure', '131000'],
        ['wamid.C', 'permanent-failure', '131026'],
        ['wamid.F', 'sent', undefined],
      ],
    );
    assert.deepEqual(parsed.reports[0]!.at, new Date(1772413200 * 1000));
    assert.deepEqual(parsed.reports[3]!.pricing, { billable: false, category: 'utility' });
    assert.deepEqual(parsed.inbound, [{ from: '+6281234567890', at: new Date(1772413300 * 1000), to: PHONE_ID }]);
  });
});
