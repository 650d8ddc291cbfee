import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ManualClock } from '@satupintu/core';
import { identityFromClaims } from '@satupintu/auth';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { verifySignature } from './webhook.js';

/**
 * The deprecated complaint webhook, now the tenant's signed-events endpoint migrated from it: its
 * routes still configure it (with Deprecation and Sunset headers), complaints publish thin
 * `complaint.*` events through it, and it sends the old X-Satupintu-* headers next to the
 * Standard Webhooks ones until the admin turns them off. Deliveries run here on a clock years
 * ahead (the worker never finds one due).
 */
describe('complaints: the deprecated webhook facade over signed events', () => {
  let p: Platform;
  let citizen: string;
  let admin: string;
  let bogorAdmin: string;
  let server: http.Server;
  let url: string;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let failing = false;
  const clock = new ManualClock('2030-01-07T03:00:00Z');
  const hook = '/api/v1/tenants/kota-bogor/complaint-webhook';

  before(async () => {
    p = sharedPlatform();
    [citizen, admin, bogorAdmin] = await Promise.all([tokenFor(p, 'warga.kbb'), tokenFor(p, 'admin.kbb'), tokenFor(p, 'admin.bogor')]);
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => (received.push({ headers: req.headers, body }), res.writeHead(failing ? 500 : 200).end()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    p.services.complaintWebhooks.allowLoopbackTargets(true);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lapor-connector`;
  });
  after(async () => {
    const cur = await api(p, 'GET', hook, { token: bogorAdmin });
    if (cur.status === 200) await api(p, 'PUT', hook, { token: bogorAdmin, body: { url: cur.body.url, active: false }, headers: { 'if-match': cur.headers.get('etag')! } });
    p.services.complaintWebhooks.allowLoopbackTargets(false);
    await new Promise((r) => server.close(r));
  });

  it('configures the migrated endpoint, deprecated, and delivers complaint events with both signatures', async function () {
    this.timeout(60_000);
    const bad = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url: 'ftp://127.0.0.1/x' } });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors?.[0]?.pointer], [422, 'WEBHOOK_URL_INVALID', '/url']);
    assert.equal((await api(p, 'PUT', hook, { token: admin, body: { url } })).status, 403, 'another tenant’s admin');
    const before = await api(p, 'GET', hook, { token: bogorAdmin });
    const cfg = before.status === 200
      ? await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3, rotateSecret: true, active: true }, headers: { 'if-match': before.headers.get('etag')! } })
      : await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3 } });
    assert.ok([200, 201].includes(cfg.status), JSON.stringify(cfg.body));
    assert.match(cfg.headers.get('deprecation') ?? '', /^@\d+$/, 'RFC 9745 Deprecation');
    assert.ok(cfg.headers.get('sunset'), 'RFC 8594 Sunset');
    const secret = cfg.body.secret as string;
    assert.match(secret, /^whsec_/);
    const read = await api(p, 'GET', hook, { token: bogorAdmin });
    assert.deepEqual([read.body.secret, read.body.secretHint, read.body.maxAttempts], [undefined, secret.slice(-4), 3]);
    assert.equal((await api(p, 'PUT', hook, { token: bogorAdmin, body: { url } })).status, 428, 'replacing quotes the ETag');

    // The same endpoint among the event endpoints: legacy, complaint.* only, legacy headers on.
    const endpoints = (await api(p, 'GET', '/api/v1/tenants/kota-bogor/event-endpoints', { token: bogorAdmin })).body.items as { id: string; legacy: boolean; eventTypes: string[]; legacyHeaders: boolean }[];
    const legacy = endpoints.find((e) => e.legacy)!;
    assert.deepEqual([legacy.eventTypes, legacy.legacyHeaders], [['complaint.*'], true]);

    const bogor = await p.services.tenants.get('kota-bogor');
    const ctx = await p.context({ tenant: bogor, identity: identityFromClaims(claimsOf(citizen)), clock });
    const filed = await p.services.complaints.file(ctx, { kind: 'suggestion', subject: { type: 'tenant' }, title: 'Tambah kursi ruang tunggu', body: 'Ruang tunggu MPP sering penuh pada pagi hari.' });
    const list = await api(p, 'GET', `${hook}/deliveries?complaint=${filed.id}`, { token: bogorAdmin });
    assert.equal(list.status, 200);
    const [d] = list.body.items as { id: string; event: string; complaintId: string; status: string }[];
    assert.deepEqual([d?.event, d?.complaintId, d?.status], ['complaint.filed', filed.id, 'pending']);
    const deliver = (id: string) => p.services.signedEvents.deliver({ now: clock.now(), clock, log: p.logger }, { region: bogor.homeRegion, tenantId: bogor.id, deliveryId: id });
    assert.equal(await deliver(d!.id), 'delivered');
    const got = received.at(-1)!;
    const body = JSON.parse(got.body);
    assert.deepEqual(body.data, { tenant: 'kota-bogor', complaint: filed.id, trackingCode: filed.trackingCode, state: 'submitted' }, 'a thin event');
    assert.equal(body.type, 'complaint.filed');
    assert.ok(verifySignature(secret, String(got.headers['x-satupintu-timestamp']), got.body, String(got.headers['x-satupintu-signature']), clock.now()), 'the legacy signature still verifies');
    assert.equal(got.headers['x-satupintu-delivery'], got.headers['webhook-id']);
    const real = Date.now;
    Date.now = () => clock.now().getTime();
    try {
      assert.ok(new Webhook(secret).verify(got.body, got.headers as Record<string, string>), 'and the Standard Webhooks one');
    } finally {
      Date.now = real;
    }
    const detail = await api(p, 'GET', `${hook}/deliveries/${d!.id}`, { token: bogorAdmin });
    assert.deepEqual([detail.status, detail.body.log.length, detail.body.payload.type], [200, 1, 'complaint.filed']);
    assert.equal((await api(p, 'POST', `${hook}/deliveries/${d!.id}/requeue`, { token: bogorAdmin })).body.code, 'WEBHOOK_DELIVERY_NOT_DEAD');

    // The admin turns the legacy headers off on the endpoint: only Standard Webhooks from then on.
    const e = await api(p, 'GET', `/api/v1/tenants/kota-bogor/event-endpoints/${legacy.id}`, { token: bogorAdmin });
    const off = await api(p, 'PATCH', `/api/v1/tenants/kota-bogor/event-endpoints/${legacy.id}`, { token: bogorAdmin, body: { legacyHeaders: false }, headers: { 'if-match': e.headers.get('etag')! } });
    assert.equal(off.body.legacyHeaders, false);
    const second = await p.services.complaints.file(ctx, { kind: 'suggestion', subject: { type: 'tenant' }, title: 'Parkir motor diperluas', body: 'Parkir motor penuh sejak pukul delapan pagi.' });
    const [d2] = (await api(p, 'GET', `${hook}/deliveries?complaint=${second.id}`, { token: bogorAdmin })).body.items as { id: string }[];
    assert.equal(await deliver(d2!.id), 'delivered');
    assert.equal(received.at(-1)!.headers['x-satupintu-signature'], undefined);
    assert.ok(received.at(-1)!.headers['webhook-signature']);

    // The facade's rotation and requeue still answer: a receiver failing every attempt dead-letters the delivery; the admin requeues it.
    const cur = await api(p, 'GET', hook, { token: bogorAdmin });
    const rotated = await api(p, 'POST', `${hook}/rotate-secret`, { token: bogorAdmin, headers: { 'if-match': cur.headers.get('etag')! } });
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    assert.match(rotated.body.secret, /^whsec_/);
    assert.notEqual(rotated.body.secret, secret);
    failing = true;
    try {
      const third = await p.services.complaints.file(ctx, { kind: 'suggestion', subject: { type: 'tenant' }, title: 'Loket difabel', body: 'Mohon loket khusus untuk penyandang disabilitas.' });
      const [d3] = (await api(p, 'GET', `${hook}/deliveries?complaint=${third.id}`, { token: bogorAdmin })).body.items as { id: string }[];
      let outcome = '';
      for (let i = 0; i < 12 && outcome !== 'dead'; i++) {
        clock.advance(25 * 3600_000);
        outcome = String(await deliver(d3!.id));
      }
      assert.equal(outcome, 'dead');
      failing = false;
      const requeued = await api(p, 'POST', `${hook}/deliveries/${d3!.id}/requeue`, { token: bogorAdmin });
      assert.equal(requeued.status, 200, JSON.stringify(requeued.body));
    } finally {
      failing = false;
    }
  });
});
