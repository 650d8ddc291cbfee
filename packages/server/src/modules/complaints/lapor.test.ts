import assert from 'node:assert/strict';
import { ManualClock } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import { LaporStandIn } from '@satupintu/testkit/standins';
import type { Platform } from '../../platform.js';
import { LAPOR_SYNC_JOB } from './lapor.js';

const T = 'kab-bandung-barat';
const K = 'kab-kapuas';
const CLIENT_ID = 'kbb-lapor-dev';
const CLIENT_SECRET = 'lapor-client-secret-kbb-0123456789';

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * SP4N-LAPOR! end to end on the shared platform against the LAPOR! stand-in (testkit): the
 * regency's sealed developer account, manual links, pushes with anonim / rahasia honoured, pulled
 * status and disposition, no duplicate when an answer is lost, refused credentials, and a sandbox
 * that never calls out. The pushes run as pg-boss jobs, as in production.
 */
describe('SP4N-LAPOR! connection (manual and API mode)', () => {
  let p: Platform;
  let lapor: LaporStandIn;
  let citizen: string;
  let admin: string;
  let analyst: string;
  let kCitizen: string;
  let kAdmin: string;

  const file = async (tenant: string, token: string, over: Record<string, unknown> = {}) => {
    const r = await api(p, 'POST', `/api/v1/tenants/${tenant}/complaints`, {
      token,
      body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Petugas loket tidak ramah', body: 'Saya dibentak petugas loket ketika menanyakan persyaratan di MPP.', ...over },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body as { id: string; trackingCode: string };
  };
  /** PUT …/lapor/config quoting the ETag of a fresh read when the connection exists. */
  const configure = async (tenant: string, token: string, body: Record<string, unknown>) => {
    const cur = await api(p, 'GET', `/api/v1/tenants/${tenant}/lapor/config`, { token });
    return api(p, 'PUT', `/api/v1/tenants/${tenant}/lapor/config`, { token, body, headers: cur.status === 200 ? { 'if-match': cur.headers.get('etag')! } : {} });
  };
  const get = async (tenant: string, id: string, token = admin) => (await api(p, 'GET', `/api/v1/tenants/${tenant}/complaints/${id}`, { token })).body;
  const settled = (tenant: string, id: string, token = admin) =>
    until(`LAPOR! sync of ${id}`, async () => {
      const c = await get(tenant, id, token);
      return c.lapor.syncStatus !== 'pending' && c;
    });

  before(async function () {
    this.timeout(60_000);
    p = sharedPlatform();
    [citizen, admin, analyst, kCitizen, kAdmin] = (await Promise.all(['warga.kbb', 'admin.kbb', 'analis.kemenpanrb', 'warga.kapuas', 'admin.kapuas'].map((u) => tokenFor(p, u)))) as [string, string, string, string, string];
    lapor = await LaporStandIn.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    p.services.lapor.tune({ backoffBaseMs: 50, timeoutMs: 1000, leaseMs: 5000, allowLoopback: true });
  });

  after(async function () {
    this.timeout(30_000);
    for (const [t, tok] of [[T, admin], [K, kAdmin]] as const) await configure(t, tok, { enabled: false, baseUrl: lapor.url, clientId: 'off' });
    p.services.lapor.tune({ backoffBaseMs: 30_000, timeoutMs: 10_000, leaseMs: 120_000, allowLoopback: false });
    await lapor.stop();
  });

  it('keeps the developer account sealed: the secret is never answered; bad input answers the field; the analyst gets 403', async () => {
    const noSecret = await api(p, 'PUT', `/api/v1/tenants/${T}/lapor/config`, { token: admin, body: { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID } });
    assert.deepEqual([noSecret.status, noSecret.body.code, noSecret.body.errors[0].pointer], [422, 'LAPOR_SECRET_REQUIRED', '/clientSecret']);
    assert.ok(noSecret.body.errors[0].message.id && noSecret.body.errors[0].message.en);
    const badUrl = await api(p, 'PUT', `/api/v1/tenants/${T}/lapor/config`, { token: admin, body: { enabled: true, baseUrl: 'ftp://user:pw@lapor.example', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
    assert.deepEqual([badUrl.status, badUrl.body.code, badUrl.body.errors[0].pointer], [422, 'LAPOR_BASE_URL_INVALID', '/baseUrl']);
    // The policy signed events, OSS and payments follow (docs/security.md): no address inside the
    // network in any spelling, no local name, no query string; each refusal says why in both languages.
    p.services.lapor.tune({ allowLoopback: false });
    try {
      for (const baseUrl of [lapor.url, 'http://10.1.2.3/api', 'http://169.254.169.254/latest', 'http://[::ffff:a9fe:a9fe]/', 'http://2130706433/', 'http://metadata/v1', 'https://lapor.internal/api', 'https://api.lapor.go.id/v1?token=x']) {
        const r = await api(p, 'PUT', `/api/v1/tenants/${T}/lapor/config`, { token: admin, body: { enabled: true, baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
        assert.deepEqual([r.status, r.body.code, r.body.errors[0].pointer], [422, 'LAPOR_BASE_URL_INVALID', '/baseUrl'], baseUrl);
        assert.ok(r.body.errors[0].message.id && r.body.errors[0].message.en, baseUrl);
      }
    } finally {
      p.services.lapor.tune({ allowLoopback: true });
    }
    const put = await configure(T, admin, { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, pullMinutes: 15, protocol: { categories: { keluhan: 'Pengaduan' } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    // Replacing it quotes the ETag last read: two admins cannot overwrite each other.
    const blind = await api(p, 'PUT', `/api/v1/tenants/${T}/lapor/config`, { token: admin, body: { enabled: false, baseUrl: lapor.url, clientId: CLIENT_ID } });
    assert.equal(blind.status, 428);
    const stale = await api(p, 'PUT', `/api/v1/tenants/${T}/lapor/config`, { token: admin, body: { enabled: false, baseUrl: lapor.url, clientId: CLIENT_ID }, headers: { 'if-match': '"0"' } });
    assert.equal(stale.status, 412);
    assert.deepEqual([put.body.clientSecretSet, put.body.clientSecretHint, put.body.pullMinutes], [true, '6789', 15]);
    assert.equal(put.body.protocol.fields.trackingId, 'trackingid', 'defaults stay where not overridden');
    const read = await api(p, 'GET', `/api/v1/tenants/${T}/lapor/config`, { token: admin });
    assert.equal(read.status, 200);
    for (const body of [put.body, read.body]) assert.ok(!JSON.stringify(body).includes(CLIENT_SECRET), 'the secret is never answered');
    // Sealed at rest: the row holds no plaintext.
    const kbb = await p.services.tenants.get(T);
    const row = await asTenant(p, kbb, (sql) => sql.one<{ client_secret: string }>(`select client_secret from lapor_connections`));
    assert.match(row.client_secret, /^v1\./);
    assert.ok(!row.client_secret.includes(CLIENT_SECRET));
    const health = await api(p, 'GET', `/api/v1/tenants/${T}/lapor/connection`, { token: admin });
    assert.equal(health.status, 200, JSON.stringify(health.body));
    assert.deepEqual([health.body.configured, health.body.enabled, health.body.mode, health.body.sandbox], [true, true, 'api', false]);
    // The ministry's analyst: counts only, never a complaint, never a regency's connection.
    const c = await file(T, citizen);
    for (const path of [`/complaints/${c.id}`, '/lapor/connection', '/lapor/config']) {
      const r = await api(p, 'GET', `/api/v1/tenants/${T}${path}`, { token: analyst });
      assert.deepEqual([r.status, r.body.code], [403, 'ROLE_REQUIRED'], path);
    }
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/lapor/config`, { token: citizen })).status, 403);
  });

  it('links a complaint by hand (manual mode): the tracking id is checked, shown, and not pushed again', async () => {
    const c = await file(T, citizen);
    const bad = await api(p, 'PUT', `/api/v1/tenants/${T}/complaints/${c.id}/lapor`, { token: admin, body: { syncStatus: 'synced', trackingId: 'x y' } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].pointer, '/trackingId');
    const linked = await api(p, 'PUT', `/api/v1/tenants/${T}/complaints/${c.id}/lapor`, { token: admin, body: { syncStatus: 'synced', trackingId: '#5123457' } });
    assert.equal(linked.status, 200, JSON.stringify(linked.body));
    assert.deepEqual([linked.body.lapor.trackingId, linked.body.lapor.mode, linked.body.lapor.syncStatus], ['5123457', 'manual', 'synced']);
    assert.ok(linked.body.lapor.syncedAt);
    const seen = await get(T, c.id, citizen);
    assert.equal(seen.lapor.trackingId, '5123457', 'shown on the complaint');
    const before = lapor.requests.length;
    const push = await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${c.id}/lapor/push`, { token: admin });
    assert.equal(push.status, 202);
    assert.equal(push.body.lapor.mode, 'manual', 'a hand-made link is never pushed again');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(lapor.requests.length, before);
  });

  it('pushes with anonim and rahasia honoured, stores the tracking and transaction ids, pulls status, disposition and follow-ups', async function () {
    this.timeout(60_000);
    const plain = await file(T, citizen);
    const anon = await file(T, citizen, { anonymous: true });
    const secret = await file(T, citizen, { confidential: true });
    for (const c of [plain, anon, secret]) {
      const r = await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${c.id}/lapor/push`, { token: admin });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      assert.deepEqual([r.body.lapor.mode, r.body.lapor.syncStatus], ['api', 'pending']);
    }
    const views = await Promise.all([plain, anon, secret].map((c) => settled(T, c.id)));
    for (const v of views) {
      assert.equal(v.lapor.syncStatus, 'synced', JSON.stringify(v.lapor));
      assert.match(v.lapor.trackingId, /^\d+$/);
      assert.match(v.lapor.transactionId, /^TRX-/);
      assert.ok(v.lapor.syncedAt);
    }
    const sent = (c: { trackingCode: string }) => {
      const r = lapor.byReference(`${T}/${c.trackingCode}`);
      assert.equal(r.length, 1);
      return r[0]!.received;
    };
    const s1 = sent(plain);
    assert.deepEqual([s1['anonim'], s1['rahasia'], s1['kategori']], [0, 0, 'Pengaduan']);
    assert.ok((s1['pelapor'] as { nama: string }).nama, 'an ordinary report names its reporter');
    const s2 = sent(anon);
    assert.deepEqual([s2['anonim'], s2['pelapor']], [1, undefined], 'anonim: no identity sent');
    const s3 = sent(secret);
    assert.deepEqual([s3['rahasia'], s3['pelapor']], [1, undefined], 'rahasia: not public, no identity sent');
    assert.doesNotMatch(JSON.stringify([s2, s3]), /Siti|warga|@/);

    // Asking again while linked creates nothing.
    const again = await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${plain.id}/lapor/push`, { token: admin });
    assert.equal(again.status, 202);
    assert.equal(lapor.byReference(`${T}/${plain.trackingCode}`).length, 1);

    // LAPOR! dispositions it and the agency follows up; the next pull (15 minutes on) brings it in.
    const tid = views[0]!.lapor.trackingId as string;
    lapor.update(tid, { status: 'disposisi', disposisi: 'Dinas Kependudukan dan Pencatatan Sipil', tindakLanjut: 'Petugas telah ditegur dan diberi pembinaan.' });
    const later = new ManualClock(new Date(Date.now() + 16 * 60_000));
    await p.runJob(LAPOR_SYNC_JOB, { region: (await p.services.tenants.get(T)).homeRegion }, { clock: later });
    const pulled = await get(T, plain.id);
    assert.deepEqual([pulled.lapor.remoteStatus, pulled.lapor.disposition, pulled.lapor.syncStatus], ['dispositioned', 'Dinas Kependudukan dan Pencatatan Sipil', 'synced']);
    const notes = (pulled.thread as { kind: string; body: string; internal: boolean }[]).filter((m) => m.kind === 'lapor').map((m) => m.body);
    assert.ok(notes.some((b) => b.includes('Dinas Kependudukan')), JSON.stringify(notes));
    assert.ok(notes.some((b) => b.includes('Petugas telah ditegur')));
    const mine = await get(T, plain.id, citizen);
    assert.ok(!(mine.thread as { body: string }[]).some((m) => m.body?.includes('Petugas telah ditegur')), 'LAPOR! notes are internal');
    // The same pull again adds nothing.
    await p.runJob(LAPOR_SYNC_JOB, { region: (await p.services.tenants.get(T)).homeRegion }, { clock: new ManualClock(new Date(Date.now() + 32 * 60_000)) });
    const twice = await get(T, plain.id);
    assert.equal((twice.thread as { kind: string }[]).filter((m) => m.kind === 'lapor').length, pulled.thread.filter((m: { kind: string }) => m.kind === 'lapor').length);
    const health = await api(p, 'GET', `/api/v1/tenants/${T}/lapor/connection`, { token: admin });
    assert.ok(health.body.counts.synced >= 3);
    assert.ok(health.body.lastSuccessAt);
  });

  it('never creates a second report: a lost answer, a timeout and a 5xx are retried with a lookup by reference first', async function () {
    this.timeout(60_000);
    const cases: [string, () => void, number][] = [
      ['lost answer', () => lapor.loseNextAnswer(), 1],
      ['timeout', () => lapor.slowNextCreate(2500), 1],
      ['503', () => lapor.failNextCreate(503), 1],
    ];
    for (const [what, fault, reports] of cases) {
      const c = await file(T, citizen);
      fault();
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${c.id}/lapor/push`, { token: admin })).status, 202);
      const v = await settled(T, c.id);
      assert.equal(v.lapor.syncStatus, 'synced', `${what}: ${JSON.stringify(v.lapor)}`);
      assert.equal(v.lapor.attempts, 2, what);
      const made = lapor.byReference(`${T}/${c.trackingCode}`);
      assert.equal(made.length, reports, `${what}: one report at LAPOR!`);
      assert.equal(v.lapor.trackingId, made[0]!.trackingid, `${what}: the report LAPOR! holds`);
      assert.ok(lapor.requests.some((r) => r.method === 'GET' && r.path === '/laporan'), `${what}: looked up by reference`);
      const notes = (v.thread as { kind: string; body: string }[]).filter((m) => m.kind === 'lapor').map((m) => m.body);
      assert.ok(notes.some((b) => b.startsWith('SP4N-LAPOR! pending')), `${what}: the failed attempt is on the thread: ${JSON.stringify(notes)}`);
    }
  });

  it('retries with back-off (30 s × 2ⁿ⁻¹ by default) and fails after the last attempt, creating nothing', async function () {
    this.timeout(60_000);
    p.services.lapor.tune({ backoffBaseMs: 60_000, maxAttempts: 2 });
    try {
      const c = await file(T, citizen);
      lapor.failNextCreate(503);
      lapor.failNextCreate(502);
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${c.id}/lapor/push`, { token: admin })).status, 202);
      const first = await until('the first attempt', async () => {
        const v = await get(T, c.id);
        return v.lapor.attempts === 1 && v.lapor.error && v.lapor;
      });
      assert.equal(first.syncStatus, 'pending');
      assert.match(first.error, /\(503\)/);
      assert.equal(Date.parse(first.nextAttemptAt) - Date.parse(first.lastAttemptAt), 60_000, 'the first retry waits the base');
      await p.runJob(LAPOR_SYNC_JOB, { region: (await p.services.tenants.get(T)).homeRegion }, { clock: new ManualClock(new Date(Date.parse(first.nextAttemptAt) + 1000)) });
      const last = (await get(T, c.id)).lapor;
      assert.deepEqual([last.syncStatus, last.attempts, last.nextAttemptAt], ['failed', 2, null]);
      assert.match(last.error, /\(502\).*\(2×\)/);
      assert.equal(lapor.byReference(`${T}/${c.trackingCode}`).length, 0);
    } finally {
      p.services.lapor.tune({ backoffBaseMs: 50, maxAttempts: 8 });
    }
  });

  it('puts a complaint in conflict when LAPOR! holds two reports for it; the coordinator names the right one and pulling resumes', async function () {
    this.timeout(60_000);
    const c = await file(T, citizen);
    const ref = `${T}/${c.trackingCode}`;
    const other = lapor.inject(ref);
    lapor.loseNextAnswer();
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${c.id}/lapor/push`, { token: admin })).status, 202);
    const v = await settled(T, c.id);
    assert.equal(v.lapor.syncStatus, 'conflict', JSON.stringify(v.lapor));
    assert.match(v.lapor.error, /2 (laporan|reports)/);
    assert.equal(lapor.byReference(ref).length, 2, 'nothing more was created');
    const push = await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${c.id}/lapor/push`, { token: admin });
    assert.deepEqual([push.status, push.body.code], [409, 'LAPOR_CONFLICT']);
    const health = await api(p, 'GET', `/api/v1/tenants/${T}/lapor/connection`, { token: admin });
    assert.ok(health.body.counts.conflict >= 1);
    // The coordinator names the report that stays; the platform pulls it from then on.
    const fixed = await api(p, 'PUT', `/api/v1/tenants/${T}/complaints/${c.id}/lapor`, { token: admin, body: { syncStatus: 'synced', trackingId: other } });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.deepEqual([fixed.body.lapor.mode, fixed.body.lapor.syncStatus, fixed.body.lapor.trackingId], ['api', 'synced', other]);
    lapor.update(other, { status: 'selesai' });
    // The minute job finds it due at once.
    await p.runJob(LAPOR_SYNC_JOB, { region: (await p.services.tenants.get(T)).homeRegion });
    const closed = await get(T, c.id);
    assert.deepEqual([closed.lapor.remoteStatus, closed.lapor.syncStatus, closed.lapor.nextAttemptAt], ['closed', 'synced', null], 'a closed report is not pulled again');
    // A linked complaint's tracking id is not overwritten by hand.
    const overwrite = await api(p, 'PUT', `/api/v1/tenants/${T}/complaints/${c.id}/lapor`, { token: admin, body: { syncStatus: 'synced', trackingId: '999999' } });
    assert.deepEqual([overwrite.status, overwrite.body.code], [409, 'LAPOR_API_LINKED']);
  });

  it('with autoPush, pushes each complaint the coordinator verifies, without asking', async function () {
    this.timeout(60_000);
    const on = await configure(T, admin, { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID, autoPush: true });
    assert.deepEqual([on.status, on.body.autoPush, on.body.clientSecretSet], [200, true, true], 'the secret is kept when left out');
    try {
      const c = await file(T, citizen);
      assert.equal((await get(T, c.id)).lapor.syncStatus, 'not-synced', 'not on filing: on verification');
      const verified = await api(p, 'POST', `/api/v1/tenants/${T}/complaints/${c.id}/verify`, { token: admin, body: { decision: 'handle' } });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      assert.deepEqual([verified.body.lapor.mode, verified.body.lapor.syncStatus], ['api', 'pending']);
      const v = await settled(T, c.id);
      assert.equal(v.lapor.syncStatus, 'synced');
      assert.equal(lapor.byReference(`${T}/${c.trackingCode}`).length, 1);
    } finally {
      await configure(T, admin, { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID, autoPush: false });
    }
  });

  it('forged credentials end in failed with a clear reason, shown on the complaint and the health endpoint', async function () {
    this.timeout(60_000);
    const put = await configure(K, kAdmin, { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID, clientSecret: 'forged-secret-000000' });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const c = await file(K, kCitizen);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/complaints/${c.id}/lapor/push`, { token: kAdmin })).status, 202);
    const v = await settled(K, c.id, kAdmin);
    assert.equal(v.lapor.syncStatus, 'failed');
    assert.match(v.lapor.error, /refused the credentials \(401\)/);
    assert.match(v.lapor.error, /menolak kredensial/);
    assert.equal(v.lapor.attempts, 1, 'refused credentials are not retried');
    assert.equal(lapor.byReference(`${K}/${c.trackingCode}`).length, 0);
    const health = await api(p, 'GET', `/api/v1/tenants/${K}/lapor/connection`, { token: kAdmin });
    assert.match(health.body.lastError.message, /401/);
    assert.ok(health.body.counts.failed >= 1);
    // Fixed credentials, pushed again: it goes through (asking for the reference first), once.
    await configure(K, kAdmin, { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/complaints/${c.id}/lapor/push`, { token: kAdmin })).status, 202);
    const ok = await settled(K, c.id, kAdmin);
    assert.equal(ok.lapor.syncStatus, 'synced', JSON.stringify(ok.lapor));
    assert.equal(lapor.byReference(`${K}/${c.trackingCode}`).length, 1);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${K}/lapor/connection`, { token: kAdmin })).body.lastError, null, 'new credentials clear the old error');
  });

  it('checks the base URL again before every call: one that has come to point inside the network is never called, and the sync waits', async function () {
    this.timeout(60_000);
    const put = await configure(K, kAdmin, { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const c = await file(K, kCitizen);
    // As a name that resolved to a public address when configured and to a private one now: the
    // stored URL is loopback, which the policy refuses once the test stops allowing it.
    p.services.lapor.tune({ allowLoopback: false, backoffBaseMs: 60_000 });
    const heard = lapor.requests.length;
    try {
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/complaints/${c.id}/lapor/push`, { token: kAdmin })).status, 202);
      const first = await until('the refused attempt', async () => {
        const v = await get(K, c.id, kAdmin);
        return v.lapor.attempts === 1 && v.lapor.error && v.lapor;
      });
      assert.equal(first.syncStatus, 'pending', 'retried later, with back-off');
      assert.equal(first.error, 'target refused or unreachable', 'no address, port or banner in the log');
      assert.equal(lapor.requests.length, heard, 'LAPOR! heard nothing');
      const health = await api(p, 'GET', `/api/v1/tenants/${K}/lapor/connection`, { token: kAdmin });
      assert.equal(health.body.lastError.message, 'target refused or unreachable');
    } finally {
      p.services.lapor.tune({ allowLoopback: true, backoffBaseMs: 50 });
    }
    // Allowed again (the name points outside once more): the next attempt goes through, once.
    await p.runJob(LAPOR_SYNC_JOB, { region: (await p.services.tenants.get(K)).homeRegion }, { clock: new ManualClock(new Date(Date.now() + 61_000)) });
    const ok = await settled(K, c.id, kAdmin);
    assert.equal(ok.lapor.syncStatus, 'synced', JSON.stringify(ok.lapor));
    assert.equal(lapor.byReference(`${K}/${c.trackingCode}`).length, 1);
  });

  it('a sandbox tenant never calls LAPOR!', async function () {
    this.timeout(60_000);
    const made = await api(p, 'POST', `/api/v1/tenants/${T}/sandboxes`, { token: admin, body: {} });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const slug = made.body.slug as string;
    try {
      const put = await configure(slug, admin, { enabled: true, baseUrl: lapor.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
      assert.equal(put.status, 200, JSON.stringify(put.body));
      const health = await api(p, 'GET', `/api/v1/tenants/${slug}/lapor/connection`, { token: admin });
      assert.deepEqual([health.body.sandbox, health.body.mode], [true, 'manual']);
      const c = await file(slug, citizen);
      const before = lapor.requests.length;
      const push = await api(p, 'POST', `/api/v1/tenants/${slug}/complaints/${c.id}/lapor/push`, { token: admin });
      assert.deepEqual([push.status, push.body.code], [409, 'LAPOR_SANDBOX']);
      await p.runJob(LAPOR_SYNC_JOB, { region: made.body.homeRegion });
      assert.equal(lapor.requests.length, before, 'nothing reached LAPOR!');
    } finally {
      assert.equal((await api(p, 'DELETE', `/api/v1/tenants/${slug}`, { token: admin })).status, 204);
    }
  });
});
