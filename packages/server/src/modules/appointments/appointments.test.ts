import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { identityFromClaims, type Identity } from '@satupintu/auth';
import { ManualClock, type ProblemError } from '@satupintu/core';
import type { Schedule } from '@satupintu/plugin-sdk';
import { api, asTenant, claimsOf, reissuedToken, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

const citizen = (name: string): Identity => identityFromClaims({ sub: `${name}-${randomUUID()}`, preferred_username: name, realm_access: { roles: ['citizen'] } });

/** A new tenant running Imigrasi's new-passport service on its own schedule. */
async function tenantWithSchedule(p: Platform, schedule: Schedule): Promise<string> {
  const admin = await tokenFor(p, 'admin.platform');
  const [code] = await unusedRegencyCodes(p, 1);
  const slug = `sesi-${randomUUID().slice(0, 6)}`;
  assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } })).status, 201);
  assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi`, { token: admin, body: { version: '1.1.0' } })).status, 200);
  const overlay = await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi/overlays/paspor-baru`, { token: admin, body: { schedule } });
  assert.equal(overlay.status, 200, JSON.stringify(overlay.body));
  return slug;
}

const problem = (r: PromiseSettledResult<unknown>): ProblemError | undefined => (r.status === 'rejected' ? r.reason : undefined);

type Row = Record<string, unknown> & { id: string };

/** Every item of a paged list, following `Link: rel="next"`; `between` runs after each page but the last (to insert rows meanwhile). */
async function walkPages(p: Platform, first: string, token: string, between?: (page: number) => Promise<void>): Promise<{ items: Row[]; pages: number }> {
  const items: Row[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url) {
    const r = await api(p, 'GET', url, { token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    items.push(...(r.body.items as Row[]));
    pages++;
    const link = r.headers.get('link');
    if (r.body.next) {
      url = /^<([^>]+)>; rel="next"$/.exec(link ?? '')?.[1];
      assert.ok(url, `a next page has a Link: ${link}`);
      if (between) await between(pages);
    } else {
      assert.equal(link, null, 'the last page has no Link');
      url = undefined;
    }
  }
  return { items, pages };
}

/** A token for the same person with other memberships (signed by the embedded issuer, as a changed Keycloak account would be). */
async function withMemberships(p: Platform, token: string, memberships: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const realm = claimsOf(token).realm_access as { roles?: string[] } | undefined;
  const roles = [...new Set([...(realm?.roles ?? []), 'citizen'])];
  return reissuedToken(p, token, { memberships, realm_access: { ...realm, roles }, ...extra });
}

describe('sessions, appointments and counter queues', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it("offers KBB's passport sessions on Tuesdays and Thursdays, 20 people (16 online), holidays flagged", async () => {
    const r = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/imigrasi.paspor-baru/sessions?from=2026-12-21&days=7');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.from, r.body.to], ['2026-12-21', '2026-12-27'], 'the answer names its window');
    assert.deepEqual(r.body.items.map((s: { date: string }) => s.date), ['2026-12-22', '2026-12-24']);
    const [tue, thu] = r.body.items;
    assert.deepEqual([tue.capacity, tue.onlineCapacity, tue.walkInCapacity, tue.start], [20, 16, 4, '09:00']);
    assert.equal(tue.startsAt, '2026-12-22T02:00:00.000Z', '09:00 WIB');
    assert.equal(tue.holiday, null);
    assert.match(thu.holiday, /Cuti bersama/);
    // The seed stored KBB's next four weeks at start.
    const seeded = await asTenant(p, 'kab-bandung-barat', (sql) => sql.one<{ n: number }>(`select count(*)::int as n from sessions where plugin_id = 'imigrasi' and service_code = 'paspor-hilang-rusak'`));
    assert.ok(seeded.n >= 7, `seeded sessions: ${seeded.n}`);
  });

  it('confirms exactly 20 of 200 simultaneous bookings for a 20-person session; the rest are told the next open session', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 1 });
    const sessions = await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=14`);
    const session = sessions.body.items[0];
    const t = await p.services.tenants.get(slug);
    const contexts = await Promise.all(Array.from({ length: 200 }, (_, i) => p.context({ tenant: t, identity: citizen(`warga${i}`) })));
    const started = performance.now();
    const results = await Promise.allSettled(contexts.map((ctx) => p.services.appointments.book(ctx, session.id)));
    const ms = performance.now() - started;
    const full = results.map(problem).filter((e) => e !== undefined);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 20);
    assert.equal(full.length, 180);
    assert.ok(full.every((e) => e.code === 'SESSION_FULL'));
    const next = full.map((e) => e.extensions?.nextSession);
    assert.ok(next.every((s) => typeof s === 'object' && s !== null && 'id' in s && s.id === sessions.body.items[1].id));
    const row = await asTenant(p, t, (sql) => sql.one<{ booked_online: number; bookings: number }>('select booked_online, (select count(*)::int from bookings where session_id = $1) as bookings from sessions where id = $1', [session.id]));
    assert.deepEqual([row.booked_online, row.bookings], [20, 20]);
    // Over HTTP the refusal is a clear problem+json.
    const late = await api(p, 'POST', `/api/v1/tenants/${slug}/sessions/${session.id}/bookings`, { token: await tokenFor(p, 'warga.kbb'), body: {} });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'SESSION_FULL');
    assert.equal(late.body.i18n.en.title, 'The session is full');
    assert.ok(late.body.nextSession.id);
    console.log(`      200 simultaneous bookings took ${ms.toFixed(0)} ms`);
  });

  it('answers a sold-out session from memory until a seat is given back, here or in any other process', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '10:00', capacity: 2 }], onlineShare: 1 });
    const t = await p.services.tenants.get(slug);
    const [session] = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=7`)).body.items;
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((n) => p.context({ tenant: t, identity: citizen(n) })));
    const first = await p.services.appointments.book(a!, session.id);
    await p.services.appointments.book(b!, session.id);
    const transactions = () => a!.stats.transactions + c!.stats.transactions;
    await assert.rejects(p.services.appointments.book(c!, session.id), (e: ProblemError) => e.code === 'SESSION_FULL');
    const before = transactions();
    await assert.rejects(p.services.appointments.book(c!, session.id), (e: ProblemError) => e.code === 'SESSION_FULL' && e.extensions?.nextSession !== undefined);
    assert.equal(transactions(), before, 'the second refusal came from memory, without a transaction');
    // A cancellation gives the seat back: it is bookable at once.
    await p.services.appointments.cancel(a!, first.id);
    await p.services.appointments.book(c!, session.id);
    // Seen full again; then another process gives a seat back: its change notice clears the memory.
    const d = await p.context({ tenant: t, identity: citizen('d') });
    await assert.rejects(p.services.appointments.book(d, session.id), (e: ProblemError) => e.code === 'SESSION_FULL');
    await asTenant(p, t, async (sql) => {
      await sql.exec(`update bookings set status = 'cancelled' where session_id = $1 and applicant_sub = $2`, [session.id, b!.identity.subject]);
      await sql.exec(`update sessions set booked_online = booked_online - 1 where id = $1`, [session.id]);
      await sql.exec(`select pg_notify('satupintu_changes', $1)`, [JSON.stringify({ kind: 'session-seats', tenantId: t.id, sessionId: session.id })]);
    });
    // The notice arrives asynchronously (LISTEN): try until it has, at most 5 s.
    let booked = false;
    for (const until = Date.now() + 5_000; !booked && Date.now() < until; ) {
      booked = await p.services.appointments.book(d, session.id).then(
        () => true,
        (e: ProblemError) => (e.code === 'SESSION_FULL' ? new Promise<boolean>((r) => setImmediate(() => r(false))) : Promise.reject(e)),
      );
    }
    assert.ok(booked, 'the seat freed elsewhere was bookable once the notice arrived');
  });

  it('reschedules in one step: to a full session nothing changes; otherwise the seat moves and the application goes along', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 1 }], onlineShare: 1 });
    const t = await p.services.tenants.get(slug);
    const { appointments } = p.services;
    // Monday 7 January 2030, 08:00 WIB.
    const clock = new ManualClock('2030-01-07T01:00:00Z');
    const [ani, budi] = [citizen('ani'), citizen('budi')];
    const asAni = await p.context({ tenant: t, identity: ani, clock });
    const asBudi = await p.context({ tenant: t, identity: budi, clock });

    // The first listing stores the schedule's sessions; the next one only reads (one transaction).
    const first = await p.context({ tenant: t, clock });
    const sessions = await appointments.sessions(first, 'imigrasi.paspor-baru', { days: 14 });
    assert.deepEqual(sessions.map((s) => s.date), ['2030-01-08', '2030-01-10', '2030-01-15', '2030-01-17']);
    const again = await p.context({ tenant: t, clock });
    assert.deepEqual((await appointments.sessions(again, 'imigrasi.paspor-baru', { days: 14 })).map((s) => s.id), sessions.map((s) => s.id));
    assert.equal(again.stats.transactions, 1, 'sessions already stored: one read');
    const [s1, s2, s3] = sessions;

    // A booking serves the booker's own application of the session's service (issue 19).
    const application = (await p.services.applications.create(asAni, { service: 'imigrasi.paspor-baru', data: {} })).id;
    const mine = await appointments.book(asAni, s1!.id, { applicationId: application });
    await appointments.book(asBudi, s2!.id);
    const refused = await appointments.reschedule(asAni, mine.id, s2!.id).then(() => undefined, (e: ProblemError) => e);
    assert.equal(refused?.code, 'SESSION_FULL');
    const seats = (ids: string[]) =>
      asTenant(p, t, (sql) => sql.rows<{ id: string; booked_online: number }>(`select id, booked_online from sessions where id = any($1::uuid[])`, [ids]).then((rs) => Object.fromEntries(rs.map((r) => [r.id, r.booked_online]))));
    assert.deepEqual(await seats([s1!.id, s2!.id]), { [s1!.id]: 1, [s2!.id]: 1 }, 'the old seat is still held, the full session unchanged');
    assert.deepEqual((await appointments.mine(asAni)).items.map((b) => [b.id, b.status, b.date]), [[mine.id, 'booked', '2030-01-08']], 'the old booking is intact');

    const moved = await appointments.reschedule(asAni, mine.id, s3!.id);
    assert.equal(moved.session.id, s3!.id);
    assert.deepEqual(await seats([s1!.id, s3!.id]), { [s1!.id]: 0, [s3!.id]: 1 });
    assert.deepEqual((await appointments.mine(asAni)).items.map((b) => [b.id, b.status]), [[mine.id, 'cancelled'], [moved.id, 'booked']]);
    const carried = await asTenant(p, t, (sql) => sql.one<{ application_id: string | null }>(`select application_id from bookings where id = $1`, [moved.id]));
    assert.equal(carried.application_id, application);
    const stale = await appointments.reschedule(asAni, mine.id, s1!.id).then(() => undefined, (e: ProblemError) => e);
    assert.equal(stale?.code, 'BOOKING_NOT_ACTIVE');
    const foreign = await appointments.cancel(asBudi, moved.id).then(() => undefined, (e: ProblemError) => e);
    assert.equal(foreign?.code, 'BOOKING_NOT_FOUND', 'someone else’s booking does not exist for Budi');
  });

  it('books, reschedules and cancels; checks in with queue numbers per counter; calls next; records no-shows; cancels a session with reschedule events', async function () {
    this.timeout(60_000);
    const T = 'kab-bandung-barat';
    const citizenToken = await tokenFor(p, 'warga.kbb');
    const officer = await tokenFor(p, 'petugas.imigrasi.kbb');
    const list = (await api(p, 'GET', `/api/v1/tenants/${T}/services/imigrasi.paspor-penggantian/sessions?days=21`)).body.items.filter((s: { holiday: string | null }) => !s.holiday);
    const [a, b, c] = list;
    const booked = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${a.id}/bookings`, { token: citizenToken, body: {} });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${a.id}/bookings`, { token: citizenToken, body: {} })).body.code, 'ALREADY_BOOKED');
    const moved = await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${booked.body.id}/reschedule`, { token: citizenToken, body: { sessionId: b.id } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const seats = async (id: string) => (await api(p, 'GET', `/api/v1/tenants/${T}/services/imigrasi.paspor-penggantian/sessions?days=21`)).body.items.find((s: { id: string }) => s.id === id).booked;
    assert.equal(await seats(a.id), 0, 'the old seat is free again');
    assert.equal(await seats(b.id), 1);

    // At the MPP: the citizen and a walk-in check in and get numbers at the Imigrasi counter.
    const walkIn = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${b.id}/bookings`, { token: officer, body: { walkIn: { name: 'Pak Ujang', nik: '3217060101800002' } } });
    assert.equal(walkIn.status, 201, JSON.stringify(walkIn.body));
    assert.equal(walkIn.body.channel, 'walk-in');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${b.id}/bookings`, { token: citizenToken, body: { walkIn: { name: 'Pak Ujang', nik: '3217060101800002' } } })).body.code, 'WALK_IN_BY_OFFICER');
    const first = await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${moved.body.id}/check-in`, { token: officer });
    const second = await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${walkIn.body.id}/check-in`, { token: officer });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(second.body.queueNumber, first.body.queueNumber + 1);
    assert.equal(first.body.counter, '7', 'the counter from the KBB overlay');
    assert.equal(first.body.ticket, `7-${String(first.body.queueNumber).padStart(3, '0')}`);
    const called = await api(p, 'POST', `/api/v1/tenants/${T}/counters/7/call-next`, { token: officer });
    assert.equal(called.body.called.id, moved.body.id);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${moved.body.id}/no-show`, { token: officer })).body.status, 'no-show');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${moved.body.id}/check-in`, { token: await tokenFor(p, 'petugas.dukcapil.kbb') })).status, 404, 'another agency cannot');

    // The agency cancels a session: booked citizens get a reschedule event. A retried booking (same key) books once.
    const key = `book-${randomUUID()}`;
    const third = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${c.id}/bookings`, { token: citizenToken, body: {}, headers: { 'Idempotency-Key': key } });
    assert.equal(third.status, 201);
    const retried = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${c.id}/bookings`, { token: citizenToken, body: {}, headers: { 'Idempotency-Key': key } });
    assert.equal(retried.body.id, third.body.id);
    assert.equal(retried.headers.get('idempotent-replayed'), 'true');
    const cancelled = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${c.id}/cancel`, { token: officer, body: { reason: 'Perangkat rekam biometrik rusak' } });
    assert.equal(cancelled.body.rescheduleEvents, 1);
    // Moved to a later session with a seat (or, if none, told the next open session), with the reason.
    const events = await asTenant(p, T, (sql) =>
      sql.rows<{ payload: { to: string; reason: string } }>(
        `select payload from notification_outbox where (kind = 'session.cancelled' and payload->>'booking' = $1) or (kind = 'appointment.moved' and payload->'before'->>'session' = $2 and payload->'to'->>0 = $3)`,
        [third.body.id, c.id, `citizen:${claimsOf(citizenToken).sub}`],
      ),
    );
    assert.equal(events.length, 1);
    assert.equal(events[0]!.payload.reason, 'Perangkat rekam biometrik rusak');
    const mine = (await walkPages(p, `/api/v1/tenants/${T}/bookings?limit=200`, citizenToken)).items;
    const thirdSeen = mine.find((x) => x.id === third.body.id);
    assert.deepEqual([thirdSeen?.status, thirdSeen?.sessionStatus, thirdSeen?.sessionId], ['cancelled-by-agency', 'cancelled', c.id]);
    assert.ok(mine.every((x) => !('queue_number' in x) && !('session_status' in x)), 'no database names');

    // Utilization: counts for the regency and the ministry, not for citizens.
    const util = await api(p, 'GET', `/api/v1/tenants/${T}/sessions/utilization?from=${b.date}&to=${b.date}&limit=200`, { token: await tokenFor(p, 'analis.kemenpanrb') });
    assert.equal(util.status, 200);
    const rowB = util.body.items.find((r: { id: string }) => r.id === b.id);
    assert.deepEqual([rowB.booked, rowB.checkedIn, rowB.noShow], [2, 1, 1]);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/sessions/utilization`, { token: citizenToken })).status, 403);
    assert.equal((await api(p, 'DELETE', `/api/v1/tenants/${T}/bookings/${third.body.id}`, { token: citizenToken })).body.code, 'BOOKING_NOT_ACTIVE');
  });
  it('answers a window of at most 90 days, whole, and names it', async () => {
    const r = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/imigrasi.paspor-baru/sessions?from=2027-01-04&days=90');
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.from, r.body.to], ['2027-01-04', '2027-04-03']);
    assert.equal(r.body.items.length, 26, 'every Tuesday and Thursday of the window');
    const tooLong = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/imigrasi.paspor-baru/sessions?days=91');
    assert.deepEqual([tooLong.status, tooLong.body.code], [400, 'QUERY_INVALID']);
    const unknown = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/imigrasi.tidak-ada/sessions');
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'SERVICE_NOT_FOUND']);
  });

  it('pages my bookings and the utilization by session time: every row once, even when rows are inserted between pages', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '10:00', capacity: 5 }], onlineShare: 1 });
    const t = await p.services.tenants.get(slug);
    const warga = await tokenFor(p, 'warga.kbb');
    const sessions = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=28`)).body.items as (Row & { startsAt: string; date: string })[];
    assert.equal(sessions.length, 20);
    // More bookings than one person may hold (BOOKING_LIMIT_REACHED, test/security/bookings.test.ts):
    // the first goes through the API, the rest are written as the database would hold them.
    const sub = claimsOf(warga).sub as string;
    const book = async (s: Row) => {
      if (!before.length) {
        const r = await api(p, 'POST', `/api/v1/tenants/${slug}/sessions/${s.id}/bookings`, { token: warga, body: {} });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        return r.body.id as string;
      }
      const id = randomUUID();
      await asTenant(p, t, async (sql) => {
        await sql.exec(`update sessions set booked_online = booked_online + 1 where id = $1`, [s.id]);
        await sql.exec(`insert into bookings (tenant_id, id, session_id, applicant_sub, applicant_name, channel, status, created_at) values ($1, $2, $3, $4, 'Warga KBB', 'online', 'booked', now())`, [t.id, id, s.id, sub]);
      });
      return id;
    };
    const before: string[] = [];
    for (const s of sessions.filter((_, i) => i % 2 === 0)) before.push(await book(s));

    // Page 1 holds the bookings of sessions 0, 2, 4; meanwhile the citizen books session 1 (before the cursor) and session 19 (after it).
    const inserted: Record<string, string> = {};
    const mine = await walkPages(p, `/api/v1/tenants/${slug}/bookings?limit=3`, warga, async (page) => {
      if (page === 1) {
        inserted.early = await book(sessions[1]!);
        inserted.late = await book(sessions[19]!);
      }
    });
    const ids = mine.items.map((b) => b.id);
    assert.equal(new Set(ids).size, ids.length, 'no booking twice');
    for (const id of before) assert.ok(ids.includes(id), 'every booking there at the start');
    assert.ok(ids.includes(inserted.late!), 'a booking inserted after the cursor is reached');
    assert.ok(!ids.includes(inserted.early!), 'one inserted before the cursor does not shift the pages');
    assert.equal(mine.pages, 4);
    const times = mine.items.map((b) => String(b.startsAt));
    assert.deepEqual(times, [...times].sort(), 'in session-time order');
    assert.deepEqual(Object.keys(mine.items[0]!).sort(), ['applicationId', 'channel', 'counter', 'date', 'end', 'holiday', 'id', 'queueNumber', 'service', 'sessionId', 'sessionStatus', 'start', 'startsAt', 'status']);
    const cancel = await api(p, 'DELETE', `/api/v1/tenants/${slug}/bookings/${inserted.early}`, { token: warga });
    assert.equal(cancel.status, 204);
    const page = await api(p, 'GET', `/api/v1/tenants/${slug}/bookings?limit=2`, { token: warga });
    assert.deepEqual(page.body.items.map((b: Row) => [b.id, b.status]), [[before[0], 'booked'], [inserted.early, 'cancelled']]);

    // Utilization (counts) over the window, 6 sessions a page; sessions are added at 13:00 on every day meanwhile.
    const admin = await tokenFor(p, 'admin.platform');
    const window = `from=${sessions[0]!.date}&to=${sessions[19]!.date}`;
    const added: string[] = [];
    const util = await walkPages(p, `/api/v1/tenants/${slug}/sessions/utilization?${window}&limit=6`, admin, async (page) => {
      if (page !== 1) return;
      await asTenant(p, t, async (sql) => {
        for (const s of sessions) {
          const id = randomUUID();
          const startsAt = new Date(new Date(s.startsAt).getTime() + 4 * 3600_000);
          await sql.exec(
            `insert into sessions (tenant_id, id, plugin_id, service_code, agency_code, local_date, start_time, end_time, starts_at, ends_at, capacity, online_capacity)
             values ($1, $2, 'imigrasi', 'paspor-baru', 'imigrasi', $3, '13:00', '14:00', $4, $5, 5, 5)`,
            [t.id, id, s.date, startsAt, new Date(startsAt.getTime() + 3600_000)],
          );
          added.push(id);
        }
      });
    });
    const seen = util.items.map((u) => u.id);
    assert.equal(new Set(seen).size, seen.length, 'no session twice');
    for (const s of sessions) assert.ok(seen.includes(s.id), 'every session there at the start');
    // Page 1 ended at the 6th day's 09:00 session: the 13:00 sessions of the first five days fell behind the cursor.
    assert.deepEqual(added.map((id) => seen.includes(id)), added.map((_, i) => i >= 5), 'the sessions added after the cursor are reached, none shifts the pages');
    assert.equal(seen.length, 20 + 15);
    const counts = Object.fromEntries(util.items.map((u) => [u.id, [u.booked, u.checkedIn, u.noShow]]));
    assert.deepEqual(counts[sessions[0]!.id], [1, 0, 0]);
    assert.deepEqual(counts[sessions[3]!.id], [0, 0, 0]);

    const forged = await api(p, 'GET', `/api/v1/tenants/${slug}/sessions/utilization?${window}&cursor=${Buffer.from('{"k":["x","y"],"f":"nope"}').toString('base64url')}`, { token: admin });
    assert.deepEqual([forged.status, forged.body.code], [400, 'CURSOR_INVALID']);
  });

  it('replays a retried booking to its holder even when the session is known full, and re-checks access first', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '10:00', capacity: 1 }], onlineShare: 1 });
    const t = await p.services.tenants.get(slug);
    const [s1, s2, s3] = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=7`)).body.items as Row[];
    const warga = await tokenFor(p, 'warga.kbb');
    const url = `/api/v1/tenants/${slug}/sessions/${s1!.id}/bookings`;
    const key = `book-${randomUUID()}`;
    const first = await api(p, 'POST', url, { token: warga, body: {}, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    // Someone else finds the session full: this process now answers it from memory.
    const other = await p.context({ tenant: t, identity: citizen('lain') });
    await assert.rejects(p.services.appointments.book(other, s1!.id), (e: ProblemError) => e.code === 'SESSION_FULL');
    const retry = await api(p, 'POST', url, { token: warga, body: {}, headers: { 'idempotency-key': key } });
    assert.deepEqual([retry.status, retry.body.id, retry.headers.get('idempotent-replayed')], [201, first.body.id, 'true'], 'the holder’s lost answer, not "full"');
    const anew = await api(p, 'POST', url, { token: warga, body: {}, headers: { 'idempotency-key': `book-${randomUUID()}` } });
    assert.deepEqual([anew.status, anew.body.code], [409, 'SESSION_FULL'], 'a new request is a new request');
    const otherBody = await api(p, 'POST', url, { token: warga, body: { applicationId: randomUUID() }, headers: { 'idempotency-key': key } });
    assert.deepEqual([otherBody.status, otherBody.body.code], [422, 'IDEMPOTENCY_KEY_REUSED']);

    // Reschedule: a retry replays the move; the same key from another person is their own request (and finds no booking of theirs).
    const moveKey = `move-${randomUUID()}`;
    const moveUrl = `/api/v1/tenants/${slug}/bookings/${first.body.id}/reschedule`;
    const moved = await api(p, 'POST', moveUrl, { token: warga, body: { sessionId: s2!.id }, headers: { 'idempotency-key': moveKey } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const again = await api(p, 'POST', moveUrl, { token: warga, body: { sessionId: s2!.id }, headers: { 'idempotency-key': moveKey } });
    assert.deepEqual([again.status, again.body.id, again.headers.get('idempotent-replayed')], [200, moved.body.id, 'true']);
    const stranger = await api(p, 'POST', moveUrl, { token: await tokenFor(p, 'warga.kapuas'), body: { sessionId: s2!.id }, headers: { 'idempotency-key': moveKey } });
    assert.deepEqual([stranger.status, stranger.body.code, stranger.headers.get('idempotent-replayed')], [404, 'BOOKING_NOT_FOUND', null]);
    const fresh = await api(p, 'POST', moveUrl, { token: warga, body: { sessionId: s3!.id }, headers: { 'idempotency-key': `move-${randomUUID()}` } });
    assert.deepEqual([fresh.status, fresh.body.code], [409, 'BOOKING_NOT_ACTIVE'], 'the old booking was moved once');

    // A walk-in registered by an Imigrasi officer of KBB; a retry after the officer moved to Kapuas is refused, not replayed.
    const T = 'kab-bandung-barat';
    const officer = await tokenFor(p, 'petugas.imigrasi.kbb');
    const kbb = (await api(p, 'GET', `/api/v1/tenants/${T}/services/imigrasi.paspor-penggantian/sessions?from=2027-06-01&days=14`)).body.items as (Row & { holiday: string | null })[];
    const slot = kbb.find((s) => !s.holiday)!;
    const walkInKey = `walkin-${randomUUID()}`;
    const body = { walkIn: { name: 'Bu Sari', nik: '3217064101850003' } };
    const walkIn = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${slot.id}/bookings`, { token: officer, body, headers: { 'idempotency-key': walkInKey } });
    assert.equal(walkIn.status, 201, JSON.stringify(walkIn.body));
    const still = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${slot.id}/bookings`, { token: officer, body, headers: { 'idempotency-key': walkInKey } });
    assert.deepEqual([still.status, still.body.id, still.headers.get('idempotent-replayed')], [201, walkIn.body.id, 'true'], 'a retry while still an officer here');
    // The rest re-signs the officer's token with the embedded issuer's key (a real Keycloak keeps its keys).
    if (!p.issuer) return;
    const movedAway = await withMemberships(p, officer, ['/tenants/kab-kapuas/agencies/imigrasi/officer']);
    const refused = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${slot.id}/bookings`, { token: movedAway, body, headers: { 'idempotency-key': walkInKey } });
    assert.deepEqual([refused.status, refused.body.code, refused.headers.get('idempotent-replayed')], [422, 'WALK_IN_BY_OFFICER', null]);
    const rows = await asTenant(p, T, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from bookings where session_id = $1 and applicant_sub = $2`, [slot.id, 'walk-in:3217064101850003']));
    assert.equal(rows.n, 1, 'registered once');
  });
});
