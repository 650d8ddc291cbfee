import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { ManualClock } from '@satupintu/core';
import { identityFromClaims } from '@satupintu/auth';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { dataKeyring } from '../../packages/server/src/secrets.js';
import { addressAllowed, CANCELLED_SWITCHED_OFF, CANCELLED_TARGET_CHANGED, resolveTarget, TARGET_FAILURE, verifySignature, WEBHOOK_JOB, type Resolver } from '../../packages/server/src/modules/complaints/index.js';

/**
 * The complaint webhook as an SSRF tool (issue 19, medium findings), attacked by a tenant admin
 * who sets its URL. No traffic leaves loopback: hostile targets are checked by what is accepted
 * and stored, and by what a delivery does with an injected resolver (no real DNS is asked);
 * deliveries that do go out go to listeners on 127.0.0.1, which also tell whether a refused
 * delivery connected anyway. Deliveries run here on a clock years ahead (as in webhook.test.ts),
 * so the worker never sends one of these on its own.
 */

const T = 'kab-kapuas';
const hook = `/api/v1/tenants/${T}/complaint-webhook`;

/** A loopback HTTP listener recording what reaches it; `status` answers each request. */
async function listener(status: () => number = () => 200) {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => (got.push({ headers: req.headers, body }), res.writeHead(status()).end()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { got, port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(r)) };
}

/** Answers every name with these addresses, counting the questions (the test's DNS). */
function fakeDns(...answers: string[][]) {
  let calls = 0;
  const resolver: Resolver = async () => (answers[Math.min(calls++, answers.length - 1)] ?? []).map((address) => ({ address, family: net.isIP(address) }));
  return { resolver, calls: () => calls };
}

describe('security: signed events (complaint webhook facade) SSRF, rebinding, switch-off and secrets at rest', () => {
  let p: Platform;
  let admin: string;
  let citizen: string;
  const clock = new ManualClock('2030-03-04T02:00:00Z');

  before(async () => {
    p = sharedPlatform();
    [admin, citizen] = await Promise.all([tokenFor(p, 'admin.kapuas'), tokenFor(p, 'warga.kapuas')]);
    p.services.complaintWebhooks.allowLoopbackTargets(false);
  });
  after(async () => {
    const cur = await api(p, 'GET', hook, { token: admin });
    p.services.complaintWebhooks.allowLoopbackTargets(true);
    if (cur.status === 200) await api(p, 'PUT', hook, { token: admin, body: { url: cur.body.url, active: false }, headers: { 'if-match': cur.headers.get('etag')! } });
    p.services.complaintWebhooks.allowLoopbackTargets(false);
  });

  const tenant = () => p.services.tenants.get(T);
  const etag = async () => (await api(p, 'GET', hook, { token: admin })).headers.get('etag');
  /** PUT the webhook (creating or replacing it), with loopback targets allowed for this call when `loopback`. */
  async function configure(body: Record<string, unknown>, loopback = false) {
    p.services.complaintWebhooks.allowLoopbackTargets(loopback);
    try {
      const e = await etag();
      return await api(p, 'PUT', hook, { token: admin, body, headers: e ? { 'if-match': e } : {} });
    } finally {
      p.services.complaintWebhooks.allowLoopbackTargets(false);
    }
  }
  /** A complaint filed on the test clock: its delivery is pending, due at the clock's now. */
  async function fileOne(title: string): Promise<string | undefined> {
    const t = await tenant();
    const ctx = await p.context({ tenant: t, identity: identityFromClaims(claimsOf(citizen)), clock });
    const c = await p.services.complaints.file(ctx, { kind: 'suggestion', subject: { type: 'tenant' }, title, body: 'Isi pengaduan untuk uji keamanan webhook.' });
    const items = (await api(p, 'GET', `${hook}/deliveries?complaint=${c.id}`, { token: admin })).body.items as { id: string }[] | undefined;
    return items?.[0]?.id;
  }
  async function deliverWith(opts: { resolver?: Resolver; allowLoopbackTargets?: boolean; timeoutMs?: number }, deliveryId: string) {
    const t = await tenant();
    const w = p.services.complaintWebhooks.with({}, { allowLoopbackTargets: false, ...opts });
    return w.deliver({ now: clock.now(), clock, log: p.logger }, { region: t.homeRegion, tenantId: t.id, deliveryId });
  }
  const detail = async (id: string) => (await api(p, 'GET', `${hook}/deliveries/${id}`, { token: admin })).body;

  it('refuses every private, loopback, link-local, metadata and reserved target in any spelling when it is saved, and stores nothing', async () => {
    const hostile = [
      'http://127.0.0.1/',
      'http://127.1:8080/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://2130706433/',
      'http://localhost:5432/',
      'http://db.localhost/',
      'http://0.0.0.0/',
      'http://[::1]/',
      'http://[::]/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/iam/',
      'http://2852039166/',
      'http://0xa9fea9fe/',
      'http://0251.0376.0251.0376/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[::ffff:169.254.169.254]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[2002:a9fe:a9fe::]/',
      'http://[fe80::1]/',
      'http://[fd00:ec2::254]/',
      'http://10.0.0.5/',
      'http://172.16.3.4/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://198.18.0.1/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://metadata/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://printer.local/',
      'http://router.home.arpa/',
      'https://[::ffff:a9fe:a9fe]:443/',
    ];
    const messages = new Set<string>();
    for (const url of hostile) {
      const r = await configure({ url });
      assert.deepEqual([r.status, r.body.code, r.body.errors?.[0]?.pointer], [422, 'WEBHOOK_URL_INVALID', '/url'], url);
      messages.add(JSON.stringify(r.body.errors));
    }
    assert.equal(messages.size, 1, 'one generic answer for every refused target: no hint of what is behind it');
    assert.equal((await api(p, 'GET', hook, { token: admin })).body.code, 'WEBHOOK_NOT_CONFIGURED', 'nothing stored');
    const rows = await asTenant(p, await tenant(), (sql) => sql.rows('select url from event_endpoints'));
    assert.deepEqual(rows, []);

    // The same ranges as resolved addresses (what a delivery checks), IPv4-mapped and translated forms included.
    const policy = { env: 'development' as const, allowLoopback: false };
    for (const a of ['127.0.0.1', '::1', '::ffff:7f00:1', '169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe::1', '2001::1', '10.1.2.3', '172.31.255.255', '192.168.0.1', '100.127.0.1', 'fc00::1', 'fe80::1', '0.0.0.0', '::', 'ff02::1', '192.0.2.1', '2001:db8::1'])
      assert.equal(addressAllowed(a, policy), false, a);
    for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) assert.equal(addressAllowed(a, policy), true, a);
    assert.equal(addressAllowed('127.0.0.1', { env: 'production', allowLoopback: true }), false, 'never loopback in production');
  });

  it('checks every resolved address at delivery time: a name that rebinds to loopback or metadata is refused, logged generically, and nothing connects', async function () {
    this.timeout(60_000);
    const l = await listener();
    try {
      // A public-looking name (no real DNS is asked: the resolver is injected) on the listener's port.
      const url = `http://hooks.kapuas-connector.test:${l.port}/lapor`;
      const made = await configure({ url, maxAttempts: 20 });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const id = (await fileOne('Uji DNS rebinding'))!;
      assert.ok(id);
      const hostileAnswers = [['127.0.0.1'], ['93.184.216.34', '127.0.0.1'], ['::ffff:127.0.0.1'], ['169.254.169.254'], ['::ffff:a9fe:a9fe'], ['10.0.0.8'], ['fd00::1'], ['100.64.1.1'], []];
      for (const answer of hostileAnswers) {
        assert.equal(await deliverWith({ resolver: fakeDns(answer).resolver }, id), 'retry', JSON.stringify(answer));
        // On to the next attempt's time (the schedule's waits carry jitter: read it, do not assume it).
        const next = Date.parse((await detail(id)).nextAttemptAt as string);
        clock.advance(Math.max(0, next - clock.now().getTime()) + 1_000);
      }
      assert.equal(l.got.length, 0, 'no refused delivery reached the listener behind the name');
      const log = (await detail(id)).log as { error: string; statusCode: number | null; durationMs: number }[];
      assert.equal(log.length, hostileAnswers.length);
      for (const a of log) assert.deepEqual([a.error, a.statusCode, a.durationMs], [TARGET_FAILURE, null, 0], 'one generic message: no address, port or timing');

      // The connection goes to the address that was checked: the name (which no real DNS answers)
      // is resolved once, by the check; a second answer (here: a private one) is never asked for.
      const dns = fakeDns(['127.0.0.1'], ['10.0.0.9']);
      assert.equal(await deliverWith({ resolver: dns.resolver, allowLoopbackTargets: true }, id), 'delivered');
      assert.equal(dns.calls(), 1, 'resolved once: no second lookup to rebind');
      assert.equal(l.got.length, 1);
      assert.equal(l.got[0]!.headers.host, `hooks.kapuas-connector.test:${l.port}`);
    } finally {
      await l.close();
    }
  });

  it('logs a closed port, a non-HTTP banner, a timeout and a refused address as the same failure (no port scanner)', async function () {
    this.timeout(60_000);
    // A closed port: listen, note the port, close.
    const closed = await listener();
    await closed.close();
    // A service that speaks something else and shows a banner.
    const banner = net.createServer((s) => s.end('SSH-2.0-OpenSSH_9.6 internal-db-01\r\n'));
    await new Promise<void>((r) => banner.listen(0, '127.0.0.1', () => r()));
    // A service that never answers.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const logs: unknown[] = [];
      const targets: [string, { allowLoopbackTargets?: boolean; timeoutMs?: number; resolver?: Resolver }][] = [
        [`http://127.0.0.1:${closed.port}/`, { allowLoopbackTargets: true }],
        [`http://127.0.0.1:${(banner.address() as AddressInfo).port}/`, { allowLoopbackTargets: true }],
        [`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, { allowLoopbackTargets: true, timeoutMs: 300 }],
        [`http://scan.kapuas-connector.test:${(banner.address() as AddressInfo).port}/`, { resolver: fakeDns(['127.0.0.1']).resolver }],
      ];
      for (const [url, opts] of targets) {
        assert.ok([200, 201].includes((await configure({ url, maxAttempts: 5 }, true)).status), url);
        const id = (await fileOne('Uji pemindai port'))!;
        assert.equal(await deliverWith(opts, id), 'retry', url);
        const [a] = (await detail(id)).log as { error: string; statusCode: number | null; durationMs: number }[];
        logs.push([a!.error, a!.statusCode, a!.durationMs]);
      }
      assert.deepEqual(logs, targets.map(() => [TARGET_FAILURE, null, 0]), 'indistinguishable: closed, banner, silent, refused');
      const text = JSON.stringify(await api(p, 'GET', `${hook}/deliveries?limit=50`, { token: admin }));
      assert.doesNotMatch(text, /SSH|OpenSSH|ECONNREFUSED|ECONNRESET|timeout|Parse Error|internal-db/i);
    } finally {
      banner.close();
      silent.close();
    }
  });

  it('a switched-off webhook sends nothing: pending retries are cancelled, a stray job or sweep finds nothing, requeue waits; a new target gets nothing written for the old', async function () {
    this.timeout(60_000);
    let first = true;
    const a = await listener(() => (first ? ((first = false), 500) : 200));
    const b = await listener();
    try {
      const urlA = `http://127.0.0.1:${a.port}/a`;
      assert.ok([200, 201].includes((await configure({ url: urlA, active: true, maxAttempts: 5 }, true)).status));
      const id = (await fileOne('Uji webhook nonaktif'))!;
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id), 'retry', 'the first attempt fails: a retry is pending');
      assert.equal(a.got.length, 1);

      assert.equal((await configure({ url: urlA, active: false }, true)).status, 200);
      const cancelled = await detail(id);
      assert.deepEqual([cancelled.status, cancelled.lastError], ['dead', CANCELLED_SWITCHED_OFF]);
      clock.advance(3_600_000);
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id), 'skipped');
      // Even a retry left pending (a job queued before the switch) is not sent while it is off.
      const t = await tenant();
      await asTenant(p, t, (sql) => sql.exec(`update event_deliveries set status = 'pending', dead_at = null, next_attempt_at = $2 where id = $1`, [id, new Date(clock.now().getTime() - 600_000)]));
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id), 'skipped');
      assert.deepEqual(await p.runJob(WEBHOOK_JOB, { region: t.homeRegion, tenantId: t.id, deliveryId: id }, { clock }), [{ deliveryId: id, outcome: 'skipped' }]);
      assert.equal(await p.services.complaintWebhooks.sweep(await p.context({ tenant: t, clock })), 0, 'the sweep sends nothing while off');
      assert.equal(await fileOne('Saat webhook nonaktif'), undefined, 'nothing is written while off');
      await asTenant(p, t, (sql) => sql.exec(`update event_deliveries set status = 'dead', dead_at = $2 where id = $1`, [id, clock.now()]));
      const requeue = await api(p, 'POST', `${hook}/deliveries/${id}/requeue`, { token: admin });
      assert.deepEqual([requeue.status, requeue.body.code], [409, 'WEBHOOK_INACTIVE']);
      assert.equal(a.got.length, 1, 'nothing more reached the receiver');

      // Back on, a pending retry for A; the target moves to B: what was written for A goes nowhere.
      assert.equal((await configure({ url: urlA, active: true }, true)).status, 200);
      first = true;
      const id2 = (await fileOne('Uji ganti tujuan'))!;
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id2), 'retry');
      assert.equal((await configure({ url: `http://127.0.0.1:${b.port}/b`, active: true }, true)).status, 200);
      assert.deepEqual([(await detail(id2)).status, (await detail(id2)).lastError], ['dead', CANCELLED_TARGET_CHANGED]);
      clock.advance(3_600_000);
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id2), 'skipped');
      assert.equal(b.got.length, 0, 'the new target got nothing written for the old');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('https only in production, and loopback never: refused when saved and at delivery', async () => {
    const prod = p.services.complaintWebhooks.with({ env: 'production' }, { allowLoopbackTargets: false });
    const code = (f: () => unknown) => {
      try {
        f();
        return 'accepted';
      } catch (e) {
        return (e as { code?: string }).code;
      }
    };
    assert.equal(code(() => prod.validateUrl('http://hooks.example.org/lapor')), 'WEBHOOK_URL_INVALID');
    assert.equal(code(() => prod.validateUrl('https://hooks.example.org/lapor')), 'accepted');
    assert.throws(() => prod.allowLoopbackTargets(true), /never allowed in production/);
    assert.throws(() => p.services.complaintWebhooks.with({ env: 'production' }, { allowLoopbackTargets: true }));
    const publicDns = fakeDns(['93.184.216.34']).resolver;
    const policy = { env: 'production' as const, allowLoopback: false };
    assert.equal(await resolveTarget('http://hooks.example.org/lapor', policy, publicDns), undefined, 'http at delivery in production');
    assert.equal((await resolveTarget('https://hooks.example.org/lapor', policy, publicDns))?.address, '93.184.216.34');
    assert.equal(await resolveTarget('https://hooks.example.org/lapor', policy, fakeDns(['127.0.0.1']).resolver), undefined);
  });

  it('stores the signing secret encrypted (AES-256-GCM, bound to the tenant), rotates it, and re-seals a plaintext one', async function () {
    this.timeout(60_000);
    const l = await listener();
    try {
      const t = await tenant();
      const url = `http://127.0.0.1:${l.port}/signed`;
      const cur = await api(p, 'GET', hook, { token: admin });
      if (cur.status === 200) assert.equal((await configure({ url, active: true, rotateSecret: true }, true)).status, 200);
      else assert.equal((await configure({ url, active: true }, true)).status, 201);
      // The secret is answered once, on creation or rotation: rotate now to learn it.
      const e1 = await etag();
      const noIfMatch = await api(p, 'POST', `${hook}/rotate-secret`, { token: admin });
      assert.deepEqual([noIfMatch.status, noIfMatch.body.code], [428, 'PRECONDITION_REQUIRED']);
      assert.equal((await api(p, 'POST', `${hook}/rotate-secret`, { token: admin, headers: { 'if-match': '"0"' } })).status, 412);
      assert.equal((await api(p, 'POST', `${hook}/rotate-secret`, { token: citizen, headers: { 'if-match': e1! } })).status, 403, 'a citizen cannot rotate');
      const r1 = await api(p, 'POST', `${hook}/rotate-secret`, { token: admin, headers: { 'if-match': e1! } });
      assert.equal(r1.status, 200, JSON.stringify(r1.body));
      const s1 = r1.body.secret as string;
      assert.match(s1, /^whsec_/);
      assert.equal(r1.body.secretHint, s1.slice(-4));
      assert.equal((await api(p, 'GET', hook, { token: admin })).body.secret, undefined, 'never read back');

      // The complaint webhook is the tenant's legacy signed-events endpoint; its secret is sealed bound to the tenant and the endpoint.
      const row = async () => asTenant(p, t, (sql) => sql.one<{ id: string; secret: string; secret_key_id: string | null; secret_hint: string }>('select id, secret, secret_key_id, secret_hint from event_endpoints where legacy'));
      const keyring = dataKeyring(p.config);
      const sealed = await row();
      assert.ok(!sealed.secret.includes(s1) && !sealed.secret.includes(s1.slice(6)), 'not in clear in the row');
      assert.match(sealed.secret, /^v1\.[0-9a-f]{16}\./);
      assert.equal(sealed.secret_key_id, keyring.current.id);
      assert.equal(sealed.secret_hint, s1.slice(-4));
      assert.equal(keyring.open(sealed.secret, `event-endpoint:${t.id}:${sealed.id}`), s1, 'AES-256-GCM under the data key');
      const bogor = await p.services.tenants.get('kota-bogor');
      assert.throws(() => keyring.open(sealed.secret, `event-endpoint:${bogor.id}:${sealed.id}`), 'copied to another tenant’s row it does not open');

      const id = (await fileOne('Uji rahasia terenkripsi'))!;
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id), 'delivered');
      const sig = (m: { headers: http.IncomingHttpHeaders }) => [String(m.headers['x-satupintu-timestamp']), String(m.headers['x-satupintu-signature'])] as const;
      const [ts1, sg1] = sig(l.got.at(-1)!);
      assert.ok(verifySignature(s1, ts1, l.got.at(-1)!.body, sg1, clock.now()));

      // Rotation: the new secret signs the legacy header from now on, the old no longer verifies it; the row changes.
      const r2 = await api(p, 'POST', `${hook}/rotate-secret`, { token: admin, headers: { 'if-match': r1.headers.get('etag')! } });
      assert.equal(r2.status, 200);
      const s2 = r2.body.secret as string;
      assert.notEqual(s2, s1);
      assert.notEqual((await row()).secret, sealed.secret);
      const id2 = (await fileOne('Uji rotasi rahasia'))!;
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id2), 'delivered');
      const [ts2, sg2] = sig(l.got.at(-1)!);
      assert.ok(verifySignature(s2, ts2, l.got.at(-1)!.body, sg2, clock.now()));
      assert.equal(verifySignature(s1, ts2, l.got.at(-1)!.body, sg2, clock.now()), false, 'the old secret no longer verifies');

      // A secret stored in clear before the migration is sealed by the sweep, and still signs.
      const legacy = 'whsec_legacy-plaintext-secret-from-before-sealing';
      await asTenant(p, t, (sql) => sql.exec(`update event_endpoints set secret = $1, secret_key_id = null where legacy`, [legacy]));
      await p.services.signedEvents.sweep(await p.context({ tenant: t, clock }));
      const resealed = await row();
      assert.equal(resealed.secret_key_id, keyring.current.id);
      assert.ok(!resealed.secret.includes('legacy'));
      assert.equal(keyring.open(resealed.secret, `event-endpoint:${t.id}:${resealed.id}`), legacy);
      const id3 = (await fileOne('Uji rahasia lama'))!;
      assert.equal(await deliverWith({ allowLoopbackTargets: true }, id3), 'delivered');
      const [ts3, sg3] = sig(l.got.at(-1)!);
      assert.ok(verifySignature(legacy, ts3, l.got.at(-1)!.body, sg3, clock.now()));
    } finally {
      await l.close();
    }
  });
});
