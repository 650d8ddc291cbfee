import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { ManualClock } from '@satupintu/core';
import { identityFromClaims } from '@satupintu/auth';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { FAILING_REASON, GONE_REASON, ROTATION_OVERLAP_MS } from './service.js';

/**
 * Signed events (Standard Webhooks 1.0) against a local receiver that verifies every request
 * with the `standardwebhooks` library over the raw body. Deliveries run here (the service's
 * `deliver`, as the `events.deliver` job does) on a clock years ahead, so the worker never finds
 * one due; the receiver checks the timestamp against that clock (its own "now").
 */
describe('events: signed events (Standard Webhooks)', () => {
  const T = 'kab-kotawaringin-timur';
  const base = `/api/v1/tenants/${T}/event-endpoints`;
  let p: Platform;
  let admin: string;
  const clock = new ManualClock('2031-02-03T01:00:00Z');
  let server: http.Server;
  let origin: string;
  /** What each path answers: a status, or a function of the request count on that path. */
  const answers = new Map<string, (n: number) => { status: number; headers?: Record<string, string>; body?: string }>();
  const got: { path: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

  /** `Webhook.verify` with the receiver's clock at `at` (the library reads Date.now for the tolerance). */
  function verifyAt(secret: string, r: { headers: http.IncomingHttpHeaders; body: string }, at: Date): unknown {
    const real = Date.now;
    Date.now = () => at.getTime();
    try {
      return new Webhook(secret).verify(r.body, { 'webhook-id': String(r.headers['webhook-id']), 'webhook-timestamp': String(r.headers['webhook-timestamp']), 'webhook-signature': String(r.headers['webhook-signature']) });
    } finally {
      Date.now = real;
    }
  }

  before(async () => {
    p = sharedPlatform();
    admin = await tokenFor(p, 'admin.kotim');
    server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const path = req.url ?? '/';
        got.push({ path, headers: req.headers, body });
        const n = got.filter((g) => g.path === path).length;
        const a = answers.get(path)?.(n) ?? { status: 200 };
        res.writeHead(a.status, a.headers ?? {}).end(a.body ?? '');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    p.services.signedEvents.allowLoopbackTargets(false);
    await new Promise((r) => server.close(r));
  });

  const tenant = () => p.services.tenants.get(T);
  const adminCtx = async () => p.context({ tenant: await tenant(), identity: identityFromClaims(claimsOf(admin)), clock });
  const events = () => p.services.signedEvents.with({}, { jitter: 0 });
  async function deliver(deliveryId: string, svc = events()) {
    const t = await tenant();
    return svc.deliver({ now: clock.now(), clock, log: p.logger }, { region: t.homeRegion, tenantId: t.id, deliveryId });
  }
  async function publish(type: string, data: Record<string, unknown>, agency?: string) {
    const ctx = await adminCtx();
    return p.kernel.uow.write(ctx, (tx) => p.services.signedEvents.publish(tx, type, data, agency ? { agency } : {}));
  }
  async function create(body: Record<string, unknown>) {
    p.services.signedEvents.allowLoopbackTargets(true);
    try {
      const r = await api(p, 'POST', base, { token: admin, body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body as { id: string; secret: string; secretHint: string };
    } finally {
      p.services.signedEvents.allowLoopbackTargets(false);
    }
  }
  const deliveriesOf = async (endpoint: string, status?: string) =>
    (await api(p, 'GET', `${base}/${endpoint}/deliveries${status ? `?status=${status}` : ''}`, { token: admin })).body.items as { id: string; messageId: string; status: string; attempts: number; nextAttemptAt: string | null; type: string }[];
  const etagOf = async (endpoint: string) => (await api(p, 'GET', `${base}/${endpoint}`, { token: admin })).headers.get('etag')!;
  const patch = async (endpoint: string, body: Record<string, unknown>) => api(p, 'PATCH', `${base}/${endpoint}`, { token: admin, body, headers: { 'if-match': await etagOf(endpoint) } });
  const withLoopback = async <R>(fn: () => Promise<R>): Promise<R> => {
    p.services.signedEvents.allowLoopbackTargets(true);
    try {
      return await fn();
    } finally {
      p.services.signedEvents.allowLoopbackTargets(false);
    }
  };

  it('lists the event catalogue publicly, bilingual', async () => {
    const r = await api(p, 'GET', '/api/v1/event-types');
    assert.equal(r.status, 200);
    const types = (r.body.items as { type: string; description: { id: string; en: string } }[]).map((t) => t.type);
    for (const t of ['complaint.filed', 'complaint.escalated', 'application.submitted', 'application.state_changed', 'application.completed', 'appointment.booked', 'appointment.cancelled', 'notification.failed']) assert.ok(types.includes(t), t);
    for (const t of r.body.items) assert.ok(t.description.id && t.description.en && t.description.id !== t.description.en, t.type);
  });

  it('refuses other roles and tenants, and bad input', async () => {
    const [officer, citizen, bogorAdmin] = await Promise.all([tokenFor(p, 'petugas.dukcapil.kbb'), tokenFor(p, 'warga.kbb'), tokenFor(p, 'admin.bogor')]);
    for (const token of [officer, citizen, bogorAdmin]) {
      assert.equal((await api(p, 'GET', base, { token })).status, 403);
      assert.equal((await api(p, 'POST', base, { token, body: { url: `${origin}/x` } })).status, 403);
    }
    assert.equal((await api(p, 'GET', base)).status, 401);
    const bad = await api(p, 'POST', base, { token: admin, body: { url: `${origin}/x` } });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors?.[0]?.pointer], [422, 'EVENT_ENDPOINT_URL_INVALID', '/url'], 'loopback refused unless allowed (development only)');
    const unknown = await api(p, 'POST', base, { token: admin, body: { url: 'https://hooks.example.com/x', eventTypes: ['complaint.*', 'complaint.nope'] } });
    assert.deepEqual([unknown.status, unknown.body.code, unknown.body.errors?.[0]?.pointer], [422, 'EVENT_TYPE_UNKNOWN', '/eventTypes/1']);
    // Another tenant's endpoint is not found from here, nor ours from there.
    const bogorEndpoint = await api(p, 'POST', '/api/v1/tenants/kota-bogor/event-endpoints', { token: bogorAdmin, body: { url: 'https://hooks.example.com/bogor', active: false } });
    assert.equal(bogorEndpoint.status, 201);
    assert.equal((await api(p, 'GET', `${base}/${bogorEndpoint.body.id}`, { token: admin })).status, 404);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/kota-bogor/event-endpoints/${bogorEndpoint.body.id}`, { token: admin })).status, 403);
    const e = await api(p, 'GET', `/api/v1/tenants/kota-bogor/event-endpoints/${bogorEndpoint.body.id}`, { token: bogorAdmin });
    assert.equal((await api(p, 'DELETE', `/api/v1/tenants/kota-bogor/event-endpoints/${bogorEndpoint.body.id}`, { token: bogorAdmin, headers: { 'if-match': e.headers.get('etag')! } })).status, 204);
  });

  it('signs per Standard Webhooks, fans out by type and agency, and keeps webhook-id across a retry', async function () {
    this.timeout(60_000);
    answers.set('/flaky', (n) => ({ status: n === 1 ? 500 : 204 }));
    const complaints = await create({ url: `${origin}/flaky`, eventTypes: ['complaint.*'], description: 'Konektor LAPOR!' });
    const apps = await create({ url: `${origin}/apps`, eventTypes: ['application.*'] });
    const dukcapil = await create({ url: `${origin}/dukcapil`, agency: 'dukcapil' });
    const off = await create({ url: `${origin}/off`, active: false });
    assert.match(complaints.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, 'whsec_ + base64 of 32 bytes');
    assert.equal(Buffer.from(complaints.secret.slice(6), 'base64').length, 32);
    const listed = await api(p, 'GET', base, { token: admin });
    assert.ok(listed.body.items.every((e: { secret?: string }) => e.secret === undefined), 'the secret is shown once');

    const m1 = await publish('complaint.filed', { tenant: T, complaint: '0193a1c2-0000-7000-8000-000000000001', trackingCode: 'ADU-AAAA-BBBB', state: 'submitted' }, 'dpmptsp');
    const m2 = await publish('application.submitted', { tenant: T, application: '0193a1c2-0000-7000-8000-000000000002', trackingCode: 'MPP-1', state: 'submitted' }, 'dukcapil');
    assert.match(m1!, /^msg_[0-9a-f]{32}$/);
    assert.deepEqual((await deliveriesOf(complaints.id)).map((d) => d.messageId), [m1]);
    assert.deepEqual((await deliveriesOf(apps.id)).map((d) => d.messageId), [m2]);
    assert.deepEqual((await deliveriesOf(dukcapil.id)).map((d) => d.messageId), [m2], 'the agency endpoint gets only its agency');
    assert.deepEqual(await deliveriesOf(off.id), [], 'nothing for a switched-off endpoint');
    assert.equal(await publish('appointment.booked', { tenant: T }, 'polri'), null, 'no endpoint takes it: nothing written');

    const [d1] = await deliveriesOf(complaints.id);
    await withLoopback(async () => {
      assert.equal(await deliver(d1!.id), 'retry');
      const pending = (await deliveriesOf(complaints.id))[0]!;
      assert.equal(pending.nextAttemptAt, new Date(clock.now().getTime() + 5_000).toISOString(), 'the schedule: 5 s after the first failure');
      assert.equal(await deliver(d1!.id), 'skipped', 'not due yet');
      clock.advance(5_000);
      assert.equal(await deliver(d1!.id), 'delivered');
    });
    const tries = got.filter((g) => g.path === '/flaky');
    assert.equal(tries.length, 2);
    assert.deepEqual(new Set(tries.map((t) => t.headers['webhook-id'])), new Set([m1]), 'one webhook-id across the retry: receivers dedupe on it');
    const seen = new Set<string>();
    for (const t of tries) {
      const body = verifyAt(complaints.secret, t, clock.now()) as { type: string; timestamp: string; data: Record<string, unknown> };
      assert.deepEqual(Object.keys(body).sort(), ['data', 'timestamp', 'type']);
      assert.equal(body.type, 'complaint.filed');
      assert.deepEqual(body.data, { tenant: T, complaint: '0193a1c2-0000-7000-8000-000000000001', trackingCode: 'ADU-AAAA-BBBB', state: 'submitted' });
      seen.add(String(t.headers['webhook-id']));
      assert.equal(t.headers['x-satupintu-signature'], undefined, 'no legacy headers on a new endpoint');
      assert.throws(() => verifyAt(apps.secret, t, clock.now()), /No matching signature/, 'another endpoint’s secret does not verify');
      assert.throws(() => verifyAt(complaints.secret, { ...t, body: t.body.replace('ADU-AAAA', 'ADU-ZZZZ') }, clock.now()), /No matching signature/, 'a tampered body does not verify');
      assert.throws(() => verifyAt(complaints.secret, t, new Date(clock.now().getTime() + 3_600_000)), /too old/, 'an hour later it is a replay');
    }
    assert.equal(seen.size, 1, 'deduplicated: processed once');
    assert.equal(Number(tries[1]!.headers['webhook-timestamp']), Math.floor(clock.now().getTime() / 1000), 'the timestamp is the attempt’s');

    const detail = await api(p, 'GET', `${base}/${complaints.id}/deliveries/${d1!.id}`, { token: admin });
    assert.deepEqual(detail.body.log.map((a: { statusCode: number }) => a.statusCode), [500, 204]);
    assert.equal(JSON.stringify(detail.body).includes(complaints.secret.slice(6, 20)), false, 'no secret in the log');
    for (const e of [complaints, apps, dukcapil, off]) await patch(e.id, { active: false });
  });

  it('rotates with a 24-hour overlap: both signatures verify, then only the new one', async function () {
    this.timeout(60_000);
    const e = await create({ url: `${origin}/rotate`, eventTypes: ['complaint.filed'] });
    const http1 = await api(p, 'POST', `${base}/${e.id}/rotate-secret`, { token: admin, headers: { 'if-match': await etagOf(e.id) } });
    assert.equal(http1.status, 200);
    assert.ok(http1.body.secret !== e.secret && http1.body.secretHint === http1.body.secret.slice(-4));
    assert.equal((await api(p, 'POST', `${base}/${e.id}/rotate-secret`, { token: admin })).status, 428, 'If-Match required');
    // The overlap runs on the test clock: rotate through the service at it.
    const { endpoint } = await p.services.signedEvents.rotate(await adminCtx(), e.id, { ifMatch: await etagOf(e.id) });
    const [oldSecret, newSecret] = [http1.body.secret as string, endpoint.secret!];
    assert.equal(endpoint.previousSecretUntil, new Date(clock.now().getTime() + ROTATION_OVERLAP_MS).toISOString());

    await publish('complaint.filed', { tenant: T, complaint: 'c-1' });
    await withLoopback(async () => assert.equal(await deliver((await deliveriesOf(e.id))[0]!.id), 'delivered'));
    const during = got.filter((g) => g.path === '/rotate').at(-1)!;
    assert.equal(String(during.headers['webhook-signature']).split(' ').length, 2, 'two signatures during the overlap');
    assert.ok(verifyAt(newSecret, during, clock.now()));
    assert.ok(verifyAt(oldSecret, during, clock.now()), 'the receiver still on the old secret verifies');

    clock.advance(ROTATION_OVERLAP_MS + 60_000);
    assert.equal(await p.services.signedEvents.sweep(await adminCtx()), 0);
    await publish('complaint.filed', { tenant: T, complaint: 'c-2' });
    await withLoopback(async () => assert.equal(await deliver((await deliveriesOf(e.id))[0]!.id), 'delivered'));
    const afterwards = got.filter((g) => g.path === '/rotate').at(-1)!;
    assert.equal(String(afterwards.headers['webhook-signature']).split(' ').length, 1);
    assert.ok(verifyAt(newSecret, afterwards, clock.now()));
    assert.throws(() => verifyAt(oldSecret, afterwards, clock.now()), /No matching signature/, 'the old secret is gone after 24 h');
    assert.equal((await api(p, 'GET', `${base}/${e.id}`, { token: admin })).body.previousSecretUntil, null);
    await patch(e.id, { active: false });
  });

  it('honours Retry-After on 429, disables on 410, dead-letters after the schedule, and replays with the same webhook-id', async function () {
    this.timeout(120_000);
    answers.set('/throttle', () => ({ status: 429, headers: { 'retry-after': '3600' }, body: 'x'.repeat(500) }));
    const throttled = await create({ url: `${origin}/throttle`, eventTypes: ['notification.failed'] });
    await publish('notification.failed', { tenant: T, notification: 'n-1', channel: 'whatsapp', reason: 'expired' });
    const [t1] = await deliveriesOf(throttled.id);
    await withLoopback(async () => assert.equal(await deliver(t1!.id), 'retry'));
    const t1after = (await deliveriesOf(throttled.id))[0]!;
    assert.equal(t1after.nextAttemptAt, new Date(clock.now().getTime() + 3_600_000).toISOString(), 'Retry-After (1 h) beats the 5 s of the schedule');
    const t1detail = await api(p, 'GET', `${base}/${throttled.id}/deliveries/${t1!.id}`, { token: admin });
    assert.equal(t1detail.body.log[0].response.length, 200, 'at most 200 characters of the answer');
    await patch(throttled.id, { active: false });

    // 410: the endpoint is disabled and its other pending deliveries dead-lettered.
    answers.set('/gone', () => ({ status: 410 }));
    const gone = await create({ url: `${origin}/gone`, eventTypes: ['appointment.*'] });
    await publish('appointment.booked', { tenant: T, appointment: 'a-1' });
    await publish('appointment.cancelled', { tenant: T, appointment: 'a-1' });
    const goneDeliveries = await deliveriesOf(gone.id);
    await withLoopback(async () => assert.equal(await deliver(goneDeliveries.at(-1)!.id), 'dead'));
    const disabled = await api(p, 'GET', `${base}/${gone.id}`, { token: admin });
    assert.deepEqual([disabled.body.active, disabled.body.disabledReason], [false, GONE_REASON]);
    assert.deepEqual((await deliveriesOf(gone.id)).map((d) => d.status), ['dead', 'dead']);

    // Failing for the whole schedule: dead after 10 attempts, and the endpoint disabled.
    answers.set('/down', () => ({ status: 503 }));
    const down = await create({ url: `${origin}/down`, eventTypes: ['application.completed'] });
    const msg = await publish('application.completed', { tenant: T, application: 'x-1' });
    const [dd] = await deliveriesOf(down.id);
    const outcomes: string[] = [];
    await withLoopback(async () => {
      for (let i = 0; i < 10; i++) {
        outcomes.push(await deliver(dd!.id));
        clock.advance(25 * 3_600_000);
      }
    });
    assert.deepEqual(outcomes, [...Array(9).fill('retry'), 'dead']);
    const downNow = await api(p, 'GET', `${base}/${down.id}`, { token: admin });
    assert.deepEqual([downNow.body.active, downNow.body.disabledReason], [false, FAILING_REASON]);
    const dead = await api(p, 'GET', `/api/v1/tenants/${T}/event-deliveries?status=dead&endpoint=${down.id}`, { token: admin });
    assert.deepEqual(dead.body.items.map((d: { id: string }) => d.id), [dd!.id], 'listed among the tenant’s dead letters');
    const deadDetail = await api(p, 'GET', `${base}/${down.id}/deliveries/${dd!.id}`, { token: admin });
    assert.equal(deadDetail.body.log.length, 10);

    // Replay: refused while off, then a fresh delivery of the same message.
    const refused = await api(p, 'POST', `${base}/${down.id}/deliveries/${dd!.id}/replay`, { token: admin });
    assert.deepEqual([refused.status, refused.body.code], [409, 'EVENT_ENDPOINT_INACTIVE']);
    answers.set('/down', () => ({ status: 200 }));
    assert.equal((await patch(down.id, { active: true })).body.disabledReason, null);
    const replayed = await api(p, 'POST', `${base}/${down.id}/deliveries/${dd!.id}/replay`, { token: admin });
    assert.equal(replayed.status, 200, JSON.stringify(replayed.body));
    assert.deepEqual([replayed.body.status, replayed.body.messageId, replayed.body.replayOf, replayed.body.attempts], ['pending', msg, dd!.id, 0]);
    assert.equal((await api(p, 'POST', `${base}/${down.id}/deliveries/${dd!.id}/replay`, { token: admin })).body.code, 'EVENT_DELIVERY_NOT_DEAD', 'replayed once');
    // The replay is due at the wall clock: the worker may send it first; either way it goes once.
    const wall = new ManualClock(new Date());
    const t = await tenant();
    await withLoopback(async () => {
      const outcome = await events().deliver({ now: wall.now(), clock: wall, log: p.logger }, { region: t.homeRegion, tenantId: t.id, deliveryId: replayed.body.id });
      assert.ok(['delivered', 'skipped'].includes(outcome), outcome);
      for (let i = 0; i < 100 && !got.some((g) => g.path === '/down' && g.headers['webhook-id'] === msg && got.filter((x) => x.path === '/down').length === 11); i++) await new Promise((r) => setTimeout(r, 100));
    });
    const downGot = got.filter((g) => g.path === '/down');
    assert.equal(downGot.length, 11, 'ten failures and the replay');
    assert.deepEqual(new Set(downGot.map((g) => g.headers['webhook-id'])), new Set([msg]), 'the same webhook-id');
    const audit = await api(p, 'GET', `/api/v1/tenants/${T}/audit?action=events.delivery.replayed`, { token: admin });
    if (audit.status === 200) assert.ok(JSON.stringify(audit.body).includes(dd!.id), 'the replay is audited');

    // Bulk replay of an endpoint's dead letters since a time.
    assert.equal((await patch(gone.id, { active: true })).status, 200);
    answers.set('/gone', () => ({ status: 200 }));
    const bulk = await api(p, 'POST', `${base}/${gone.id}/replay`, { token: admin, body: { since: '2000-01-01T00:00:00Z' } });
    assert.deepEqual([bulk.status, bulk.body.replayed], [200, 2]);
    assert.equal((await api(p, 'POST', `${base}/${gone.id}/replay`, { token: admin, body: { since: '2000-01-01T00:00:00Z' } })).body.replayed, 0, 'nothing twice');
    for (const e of [down, gone]) await patch(e.id, { active: false });
  });
});
