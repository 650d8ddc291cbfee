import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '@satupintu/core';
import { identityFromClaims } from '@satupintu/auth';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { verifySignature, WEBHOOK_JOB } from './webhook.js';

/**
 * The outbound complaint webhook against a local receiver. No waiting: every delivery and retry is
 * run here (the service's `deliver`, as the `complaints.webhook` job does) on a pinned clock years
 * ahead, so the worker's wall clock never finds one due, and time moves by the backoff at once.
 */
describe('complaints: outbound webhook', () => {
  let p: Platform;
  let citizen: string;
  let admin: string;
  let server: http.Server;
  let url: string;
  let bogorAdmin: string;
  let mode: 'fail-twice' | 'fail' | 'ok' = 'fail-twice';
  let failures = 0;
  const received: { headers: http.IncomingHttpHeaders; body: string; status: number }[] = [];

  before(async () => {
    p = sharedPlatform();
    [citizen, admin, bogorAdmin] = await Promise.all([tokenFor(p, 'warga.kbb'), tokenFor(p, 'admin.kbb'), tokenFor(p, 'admin.bogor')]);
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        let status = 200;
        if (mode === 'fail') status = 500;
        if (mode === 'fail-twice' && failures < 2) {
          failures++;
          status = 500;
        }
        received.push({ headers: req.headers, body, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    // The receiver is a local listener: loopback targets are allowed for these tests only (never in production).
    p.services.complaintWebhooks.allowLoopbackTargets(true);
    const address = server.address();
    url = `http://127.0.0.1:${address && typeof address === 'object' ? (address satisfies AddressInfo).port : 0}/lapor-connector`;
  });
  after(async () => {
    p.services.complaintWebhooks.allowLoopbackTargets(false);
    await new Promise((r) => server.close(r));
  });

  it('validates the target, signs every delivery, retries with backoff on the job clock, dead-letters and requeues', async function () {
    this.timeout(60_000);
    const hook = '/api/v1/tenants/kota-bogor/complaint-webhook';
    for (const bad of ['ftp://127.0.0.1/x', 'not a url', 'http://user:pw@127.0.0.1/x']) {
      const r = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url: bad } });
      assert.equal(r.status, 422, bad);
      assert.equal(r.body.code, 'WEBHOOK_URL_INVALID');
      assert.equal(r.body.errors[0].pointer, '/url');
    }
    assert.equal((await api(p, 'GET', hook, { token: bogorAdmin })).body.code, 'WEBHOOK_NOT_CONFIGURED');
    assert.equal((await api(p, 'PUT', hook, { token: admin, body: { url } })).status, 403, 'another tenant’s admin');
    const cfg = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3 } });
    assert.equal(cfg.status, 201, JSON.stringify(cfg.body));
    const secret = cfg.body.secret as string;
    assert.match(secret, /^whsec_/);
    const etag = cfg.headers.get('etag')!;
    assert.match(etag, /^"\d+"$/);
    const read = await api(p, 'GET', hook, { token: bogorAdmin });
    assert.deepEqual([read.status, read.body.secret, read.body.secretHint, read.headers.get('etag')], [200, undefined, secret.slice(-4), etag], 'the secret is shown once; its hint after');
    assert.equal((await api(p, 'GET', hook, { token: bogorAdmin, headers: { 'if-none-match': etag } })).status, 304);

    // A setting: replacing it quotes the ETag read (428 without, 412 when stale), and a refused write changes nothing.
    const other = `${url}-lain`;
    const blind = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url: other, maxAttempts: 3, rotateSecret: true } });
    assert.deepEqual([blind.status, blind.body.code], [428, 'PRECONDITION_REQUIRED']);
    const stale = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url: other, maxAttempts: 3, rotateSecret: true }, headers: { 'if-match': '"0"' } });
    assert.deepEqual([stale.status, stale.body.code], [412, 'PRECONDITION_FAILED']);
    const unchanged = await api(p, 'GET', hook, { token: bogorAdmin });
    assert.deepEqual([unchanged.body.url, unchanged.body.secretHint, unchanged.headers.get('etag')], [url, secret.slice(-4), etag]);
    const created = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3 }, headers: { 'if-none-match': '*' } });
    assert.equal(created.status, 412, 'create-only: it exists');
    const same = await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3 }, headers: { 'if-match': etag } });
    assert.deepEqual([same.status, same.body.secret, same.body.secretHint], [200, undefined, secret.slice(-4)], 'replaced without rotating: the secret stays and is not shown');
    assert.notEqual(same.headers.get('etag'), etag);
    assert.equal((await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, maxAttempts: 3 }, headers: { 'if-match': etag } })).status, 412, 'the old ETag is stale now');
    /** The current ETag, as a client reads it before a change. */
    const currentEtag = async () => (await api(p, 'GET', hook, { token: bogorAdmin })).headers.get('etag')!;

    // Everything below runs on a clock of its own, years ahead: each delivery and each retry is
    // due at a time the worker's wall clock has not reached, so only the calls here deliver.
    const webhooks = p.services.complaintWebhooks;
    const clock = new ManualClock('2030-01-07T03:00:00Z');
    const bogor = await p.services.tenants.get('kota-bogor');
    const warga = identityFromClaims(claimsOf(citizen));
    const file = async (title: string, body: string) => p.services.complaints.file(await p.context({ tenant: bogor, identity: warga, clock }), { kind: 'suggestion', subject: { type: 'tenant' }, title, body });
    const deliver = (deliveryId: string) => webhooks.deliver({ now: clock.now(), clock, log: p.logger }, { region: bogor.homeRegion, tenantId: bogor.id, deliveryId });
    const list = async (complaint: string, status?: string) =>
      (await api(p, 'GET', `${hook}/deliveries?complaint=${complaint}${status ? `&status=${status}` : ''}`, { token: bogorAdmin })).body.items as { id: string; status: string; attempts: number; nextAttemptAt: string | null }[];

    // Fails twice, then succeeds: three signed attempts of one delivery, each retry due after the backoff.
    const filed = await file('Tambah kursi ruang tunggu', 'Ruang tunggu MPP sering penuh pada pagi hari.');
    const [pending] = await list(filed.id);
    assert.deepEqual([pending?.status, pending?.attempts, pending?.nextAttemptAt], ['pending', 0, '2030-01-07T03:00:00.000Z'], 'written with the complaint, due at once');
    const id = pending!.id;
    const [job] = await p.runJob(WEBHOOK_JOB, { region: bogor.homeRegion, tenantId: bogor.id, deliveryId: id });
    assert.deepEqual(job, { deliveryId: id, outcome: 'skipped' }, 'by the wall clock it is not due yet');
    assert.equal(await deliver(id), 'retry');
    assert.equal((await list(filed.id))[0]!.nextAttemptAt, new Date(clock.now().getTime() + webhooks.backoffMs(1)).toISOString(), 'the retry is due after the backoff, by the job clock');
    assert.equal(await deliver(id), 'skipped', 'not due again before the backoff');
    clock.advance(webhooks.backoffMs(1));
    assert.equal(await deliver(id), 'retry');
    clock.advance(webhooks.backoffMs(2));
    assert.equal(await deliver(id), 'delivered');
    assert.equal(await deliver(id), 'skipped', 'delivered once');
    const delivered = await list(filed.id);
    assert.deepEqual([delivered[0]?.status, delivered[0]?.attempts], ['delivered', 3]);
    const mine = received.filter((r) => r.headers['x-satupintu-delivery'] === id);
    assert.deepEqual(mine.map((r) => r.status), [500, 500, 200]);
    assert.deepEqual(mine.map((r) => r.headers['x-satupintu-attempt']), ['1', '2', '3']);
    for (const r of mine) {
      const [ts, sig] = [String(r.headers['x-satupintu-timestamp']), String(r.headers['x-satupintu-signature'])];
      assert.ok(verifySignature(secret, ts, r.body, sig, clock.now()), 'valid signature');
      assert.equal(verifySignature('whsec_wrong', ts, r.body, sig, clock.now()), false);
      assert.equal(verifySignature(secret, ts, r.body.replace('kursi', 'meja'), sig, clock.now()), false, 'tampered body');
      assert.equal(verifySignature(secret, ts, r.body, sig, new Date(clock.now().getTime() + 3_600_000)), false, 'a replay an hour later');
    }
    const payload = JSON.parse(mine[0]!.body);
    assert.equal(payload.event, 'complaint.filed');
    assert.equal(payload.deliveryId, id);
    assert.equal(payload.complaint.trackingCode, filed.trackingCode);
    const detail = await api(p, 'GET', `${hook}/deliveries/${id}`, { token: bogorAdmin });
    assert.deepEqual(detail.body.log.map((a: { statusCode: number }) => a.statusCode), [500, 500, 200]);

    // Always failing: dead after three attempts, listed, requeued, then delivered.
    mode = 'fail';
    const second = await file('Parkir motor diperluas', 'Parkir motor penuh sejak pukul delapan pagi.');
    const id2 = (await list(second.id))[0]!.id;
    // What the job sends after each commit: the delivery, its region, due by the job clock.
    const sent: { region: string; name: string; data: object; options?: { singletonKey?: string; startAfter?: Date } }[] = [];
    const recorder = webhooks.with({ jobs: { send: async (region, name, data, options) => (sent.push({ region, name, data, options }), null) } });
    const first = clock.now();
    const outcomes = [await recorder.deliver({ now: first, clock, log: p.logger }, { region: bogor.homeRegion, tenantId: bogor.id, deliveryId: id2 })];
    assert.deepEqual(sent, [{ region: bogor.homeRegion, name: WEBHOOK_JOB, data: { region: bogor.homeRegion, tenantId: bogor.id, deliveryId: id2 }, options: { singletonKey: `${id2}:1`, startAfter: new Date(first.getTime() + 30_000) } }]);
    for (let attempt = 1; attempt <= 2; attempt++) {
      clock.advance(webhooks.backoffMs(attempt));
      outcomes.push(await deliver(id2));
    }
    assert.deepEqual(outcomes, ['retry', 'retry', 'dead']);
    const dead = await list(second.id, 'dead');
    assert.deepEqual([dead.length, dead[0]?.attempts], [1, 3], 'dead-lettered');
    assert.equal((await api(p, 'POST', `${hook}/deliveries/${id}/requeue`, { token: bogorAdmin })).body.code, 'WEBHOOK_DELIVERY_NOT_DEAD');
    mode = 'ok';
    const requeued = await recorder.requeue(await p.context({ tenant: bogor, clock }), id2);
    assert.deepEqual([requeued.status, requeued.maxAttempts], ['pending', 6]);
    assert.deepEqual(sent[1], { region: bogor.homeRegion, name: WEBHOOK_JOB, data: { region: bogor.homeRegion, tenantId: bogor.id, deliveryId: id2 }, options: { singletonKey: `${id2}:3`, startAfter: clock.now() } });
    assert.equal(await deliver(id2), 'delivered');
    assert.deepEqual((await list(second.id)).map((d) => [d.status, d.attempts]), [['delivered', 4]]);

    // A rotated secret (POST …/rotate-secret; PUT with rotateSecret does the same) signs what is
    // sent from then on. A delivery whose job was lost is sent again by the sweep.
    const rotated = await api(p, 'POST', `${hook}/rotate-secret`, { token: bogorAdmin, headers: { 'if-match': await currentEtag() } });
    assert.equal(rotated.status, 200);
    assert.ok(rotated.body.secret && rotated.body.secret !== secret);
    assert.equal(rotated.body.secretHint, rotated.body.secret.slice(-4));
    const third = await file('Jam buka hari Sabtu', 'Apakah MPP buka pada hari Sabtu?');
    const id3 = (await list(third.id))[0]!.id;
    clock.advance(60_000);
    assert.equal(await webhooks.sweep(await p.context({ tenant: bogor, clock })), 0, 'a minute late is not lost');
    clock.advance(2 * 60_000);
    assert.equal(await webhooks.sweep(await p.context({ tenant: bogor, clock })), 1, 'three minutes late: its job was lost');
    assert.equal(await deliver(id3), 'delivered');
    const last = received.find((r) => r.headers['x-satupintu-delivery'] === id3)!;
    const [ts, sig] = [String(last.headers['x-satupintu-timestamp']), String(last.headers['x-satupintu-signature'])];
    assert.ok(verifySignature(rotated.body.secret, ts, last.body, sig, clock.now()));
    assert.equal(verifySignature(secret, ts, last.body, sig, clock.now()), false, 'the old secret no longer verifies');
    assert.equal((await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, active: false }, headers: { 'if-match': await currentEtag() } })).status, 200);
    const quiet = await file('Tanpa webhook aktif', 'Pengaduan ini tidak dikirim ke konektor.');
    assert.deepEqual(await list(quiet.id), [], 'no delivery while the webhook is inactive');

    // A dead letter goes back to the queue on the admin's word.
    await asTenant(p, bogor, (sql) => sql.exec(`update complaint_webhook_deliveries set status = 'dead', dead_at = $2 where id = $1`, [id3, clock.now()]));
    const off = await api(p, 'POST', `${hook}/deliveries/${id3}/requeue`, { token: bogorAdmin });
    assert.deepEqual([off.status, off.body.code], [409, 'WEBHOOK_INACTIVE'], 'a switched-off webhook sends nothing, a requeue included');
    assert.equal((await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, active: true }, headers: { 'if-match': await currentEtag() } })).status, 200);
    const back = await api(p, 'POST', `${hook}/deliveries/${id3}/requeue`, { token: bogorAdmin });
    assert.deepEqual([back.status, back.body.status, back.body.log.length, back.body.payload.deliveryId], [200, 'pending', 1, id3]);

    // The log in pages, newest first: a delivery written while paging sorts before the cursor.
    const ids = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    const before = (await asTenant(p, bogor, (sql) => sql.rows<{ id: string }>('select id from complaint_webhook_deliveries'))).map((r) => r.id);
    do {
      const page: { status: number; headers: Headers; body: { items: { id: string }[]; next: string | null } } = await api(p, 'GET', `${hook}/deliveries?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: bogorAdmin });
      assert.equal(page.status, 200);
      for (const d of page.body.items) {
        assert.ok(!ids.has(d.id), 'each delivery once');
        ids.add(d.id);
      }
      cursor = page.body.next;
      if (cursor) assert.equal(page.headers.get('link'), `<${hook}/deliveries?limit=1&cursor=${cursor}>; rel="next"`);
      if (pages++ === 0) {
        await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, active: true }, headers: { 'if-match': await currentEtag() } });
        await file('Ditulis saat membaca log', 'Pengiriman ini dibuat saat log sedang dibaca.');
      }
    } while (cursor);
    for (const id of before) assert.ok(ids.has(id), `delivery ${id} listed`);
    await api(p, 'PUT', hook, { token: bogorAdmin, body: { url, active: false }, headers: { 'if-match': await currentEtag() } });
  });

  it('backs off exponentially from a configurable base, capped at an hour', () => {
    const fast = p.services.complaintWebhooks.with({}, { backoffBaseMs: 300 });
    assert.deepEqual([1, 2, 3, 4].map((n) => fast.backoffMs(n)), [300, 600, 1200, 2400]);
    assert.equal(p.services.complaintWebhooks.backoffMs(1), 30_000, 'production: 30 s, doubling');
    assert.equal(p.services.complaintWebhooks.backoffMs(20), 3_600_000);
  });
});
