import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// Issue 19 (Low): one citizen could hold many sessions' seats; an officer could register and check
// in walk-ins for another agency; a booking could link to someone else's application. Each attack
// is performed here and must fail (docs/appointments.md).

const KBB = 'kab-bandung-barat';
const LIMIT = 3;

type Session = { id: string; date: string; start: string; startsAt: string; holiday: string | null };

/** A new tenant running Imigrasi's new-passport service: two sessions a weekday, so a person could try two the same day. */
async function passportTenant(p: Platform, admin: string): Promise<string> {
  const [code] = await unusedRegencyCodes(p, 1);
  const slug = `sec-${randomUUID().slice(0, 6)}`;
  assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } })).status, 201);
  assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi`, { token: admin, body: { version: '1.1.0' } })).status, 200);
  const day = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
  const schedule = { appointmentRequired: true, sessions: [{ days: day, start: '09:00', end: '10:00', capacity: 5 }, { days: day, start: '10:00', end: '11:00', capacity: 5 }], onlineShare: 1 };
  const overlay = await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi/overlays/paspor-baru`, { token: admin, body: { schedule } });
  assert.equal(overlay.status, 200, JSON.stringify(overlay.body));
  return slug;
}

/** Sessions from tomorrow on, by local date. */
async function futureSessions(p: Platform, tenant: string, service = 'imigrasi.paspor-baru', days = 28): Promise<Map<string, Session[]>> {
  const r = await api(p, 'GET', `/api/v1/tenants/${tenant}/services/${service}/sessions?days=${days}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const byDate = new Map<string, Session[]>();
  for (const s of r.body.items as Session[]) {
    if (new Date(s.startsAt).getTime() < Date.now() + 36 * 3600_000) continue;
    byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
  }
  return byDate;
}

const book = (p: Platform, tenant: string, token: string, session: string, body: Record<string, unknown> = {}) => api(p, 'POST', `/api/v1/tenants/${tenant}/sessions/${session}/bookings`, { token, body });

describe('security: bookings — seats per person, agency scope at the counter, links to own applications only', () => {
  let p: Platform;
  let tok: Record<string, string>;

  before(async function () {
    this.timeout(120_000);
    p = sharedPlatform();
    const users = ['warga.kbb', 'warga.kapuas', 'petugas.imigrasi.kbb', 'petugas.dukcapil.kbb', 'admin.platform'];
    tok = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await tokenFor(p, u)] as const)));
  });

  it(`one citizen cannot hold many sessions' seats: ${LIMIT} active per tenant, one per service per day, however many are sent at once`, async function () {
    this.timeout(90_000);
    const slug = await passportTenant(p, tok['admin.platform']!);
    const days = [...(await futureSessions(p, slug)).values()].filter((d) => d.length === 2 && !d[0]!.holiday);
    assert.ok(days.length >= 8, `enough days (${days.length})`);
    const citizen = tok['warga.kbb']!;

    // The attack: ten seats on ten days at once.
    const rush = await Promise.all(days.slice(0, 10).map((d) => book(p, slug, citizen, d[0]!.id)));
    const won = rush.filter((r) => r.status === 201);
    const refused = rush.filter((r) => r.status !== 201);
    assert.equal(won.length, LIMIT, JSON.stringify(rush.map((r) => [r.status, r.body.code])));
    for (const r of refused) {
      assert.deepEqual([r.status, r.body.code, r.body.scope, r.body.limit], [409, 'BOOKING_LIMIT_REACHED', 'active', LIMIT], JSON.stringify(r.body));
      assert.match(r.body.i18n.en.detail, /3 active bookings/);
      assert.ok(r.body.i18n.id.detail, 'Indonesian text');
    }
    const sub = claimsOf(citizen).sub as string;
    const t = await p.services.tenants.get(slug);
    const held = await asTenant(p, t, (sql) =>
      sql.one<{ n: number; seats: number }>(
        `select (select count(*)::int from bookings where applicant_sub = $1 and status = 'booked') as n, (select coalesce(sum(booked_online), 0)::int from sessions) as seats`,
        [sub],
      ),
    );
    assert.deepEqual([held.n, held.seats], [LIMIT, LIMIT], 'no seat taken by a refused booking');

    // A second seat of the same service on a day already held: refused, even under the total.
    const heldIds = new Set(won.map((r) => r.body.session.id as string));
    const heldDays = days.filter((d) => heldIds.has(d[0]!.id));
    assert.equal((await api(p, 'DELETE', `/api/v1/tenants/${slug}/bookings/${won[0]!.body.id}`, { token: citizen })).status, 204);
    const sameDay = await book(p, slug, citizen, heldDays[1]![1]!.id);
    assert.deepEqual([sameDay.status, sameDay.body.code, sameDay.body.scope], [409, 'BOOKING_LIMIT_REACHED', 'same-day'], JSON.stringify(sameDay.body));
    // Nor by moving a booking onto such a day.
    const moveOnto = await api(p, 'POST', `/api/v1/tenants/${slug}/bookings/${won[1]!.body.id}/reschedule`, { token: citizen, body: { sessionId: heldDays.find((d) => d[0]!.id === won[2]!.body.session.id)![1]!.id } });
    assert.deepEqual([moveOnto.status, moveOnto.body.code, moveOnto.body.scope], [409, 'BOOKING_LIMIT_REACHED', 'same-day'], JSON.stringify(moveOnto.body));
    // A seat given back may be taken again (on a day not held), and another person is not limited by this one.
    const free = days.find((d) => !heldIds.has(d[0]!.id))!;
    assert.equal((await book(p, slug, citizen, free[0]!.id)).status, 201);
    assert.equal((await book(p, slug, citizen, free[1]!.id)).body.code, 'BOOKING_LIMIT_REACHED');
    assert.equal((await book(p, slug, tok['warga.kapuas']!, free[0]!.id)).status, 201);
  });

  it("a booking links only to the booker's own open application of the session's service", async function () {
    this.timeout(90_000);
    const slug = await passportTenant(p, tok['admin.platform']!);
    const [day] = [...(await futureSessions(p, slug)).values()].filter((d) => d.length === 2 && !d[0]!.holiday);
    const [s1, s2] = day!;
    const citizen = tok['warga.kbb']!;
    const draft = (token: string, service: string) => api(p, 'POST', `/api/v1/tenants/${slug}/applications`, { token, body: { service, data: {} } });
    const victims = await draft(tok['warga.kapuas']!, 'imigrasi.paspor-baru');
    assert.equal(victims.status, 201, JSON.stringify(victims.body));
    const otherService = await draft(citizen, 'imigrasi.paspor-penggantian');
    assert.equal(otherService.status, 201, JSON.stringify(otherService.body));
    const own = await draft(citizen, 'imigrasi.paspor-baru');

    const someoneElses = await book(p, slug, citizen, s1!.id, { applicationId: victims.body.id });
    assert.deepEqual([someoneElses.status, someoneElses.body.code], [422, 'BOOKING_APPLICATION_INVALID'], JSON.stringify(someoneElses.body));
    assert.equal(someoneElses.body.errors[0].pointer, '/applicationId');
    const unknown = await book(p, slug, citizen, s1!.id, { applicationId: randomUUID() });
    const wrongService = await book(p, slug, citizen, s1!.id, { applicationId: otherService.body.id });
    const strip = (r: { status: number; body: any }) => ({ ...r.body, instance: undefined, requestId: undefined, status: r.status });
    assert.deepEqual(strip(unknown), strip(someoneElses), 'someone else’s application answers as one that does not exist');
    assert.deepEqual(strip(wrongService), strip(someoneElses));
    const t = await p.services.tenants.get(slug);
    const linked = await asTenant(p, t, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from bookings where application_id = $1`, [victims.body.id]));
    assert.equal(linked.n, 0, 'nothing links to the victim’s application');

    const ok = await book(p, slug, citizen, s2!.id, { applicationId: own.body.id });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
  });

  it("an officer of one agency cannot check in, mark, call or register walk-ins for another agency's sessions", async function () {
    this.timeout(90_000);
    const citizen = tok['warga.kbb']!;
    const imigrasi = tok['petugas.imigrasi.kbb']!;
    const dukcapil = tok['petugas.dukcapil.kbb']!;
    // Late in the window: no other suite holds these days.
    const sessions = [...(await futureSessions(p, KBB, 'imigrasi.paspor-baru', 60)).values()].flat().filter((s) => !s.holiday);
    const s = sessions.at(-1)!;
    const mine = await book(p, KBB, citizen, s.id);
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    const bookingPath = `/api/v1/tenants/${KBB}/bookings/${mine.body.id}`;
    const NIK = '3217060101800777';
    try {
      // Disdukcapil's officer against Imigrasi's session and booking.
      const checkIn = await api(p, 'POST', `${bookingPath}/check-in`, { token: dukcapil });
      assert.deepEqual([checkIn.status, checkIn.body.code], [404, 'BOOKING_NOT_FOUND']);
      const noShow = await api(p, 'POST', `${bookingPath}/no-show`, { token: dukcapil });
      assert.deepEqual([noShow.status, noShow.body.code], [404, 'BOOKING_NOT_FOUND']);
      const walkIn = await book(p, KBB, dukcapil, s.id, { walkIn: { name: 'Pak Asep', nik: NIK } });
      assert.deepEqual([walkIn.status, walkIn.body.code], [404, 'SESSION_NOT_FOUND'], JSON.stringify(walkIn.body));
      const cancel = await api(p, 'POST', `/api/v1/tenants/${KBB}/sessions/${s.id}/cancel`, { token: dukcapil, body: { reason: 'bukan sesi saya' } });
      assert.equal(cancel.status, 404);
      const rows = await asTenant(p, KBB, (sql) =>
        sql.one<{ status: string; walkins: number }>(`select (select status from bookings where id = $1) as status, (select count(*)::int from bookings where applicant_sub = $2) as walkins`, [mine.body.id, `walk-in:${NIK}`]),
      );
      assert.deepEqual([rows.status, rows.walkins], ['booked', 0], 'nothing changed');

      // Imigrasi's own officer registers the walk-in; a walk-in links only to an application of their NIK.
      const citizensDraft = await api(p, 'POST', `/api/v1/tenants/${KBB}/applications`, { token: citizen, body: { service: 'imigrasi.paspor-baru', data: {} } });
      assert.equal(citizensDraft.status, 201, JSON.stringify(citizensDraft.body));
      const foreignLink = await book(p, KBB, imigrasi, s.id, { walkIn: { name: 'Pak Asep', nik: NIK }, applicationId: citizensDraft.body.id });
      assert.deepEqual([foreignLink.status, foreignLink.body.code], [422, 'BOOKING_APPLICATION_INVALID']);
      const own = await book(p, KBB, imigrasi, s.id, { walkIn: { name: 'Pak Asep', nik: NIK } });
      assert.equal(own.status, 201, JSON.stringify(own.body));
      // The same person twice that day: refused.
      const twice = await book(p, KBB, imigrasi, s.id, { walkIn: { name: 'Pak Asep', nik: NIK } });
      assert.equal(twice.status, 409);

      // Checked in at Imigrasi's counter (7): Disdukcapil's officer calling that counter gets nobody of theirs.
      const checked = await api(p, 'POST', `/api/v1/tenants/${KBB}/bookings/${own.body.id}/check-in`, { token: imigrasi });
      assert.equal(checked.status, 200, JSON.stringify(checked.body));
      const foreignCall = await api(p, 'POST', `/api/v1/tenants/${KBB}/counters/${checked.body.counter}/call-next`, { token: dukcapil });
      assert.deepEqual([foreignCall.status, foreignCall.body.called], [200, null]);
      let called: string | undefined;
      for (let i = 0; i < 20 && called !== own.body.id; i++) {
        const c = await api(p, 'POST', `/api/v1/tenants/${KBB}/counters/${checked.body.counter}/call-next`, { token: imigrasi });
        assert.equal(c.status, 200);
        if (!c.body.called) break;
        called = c.body.called.id;
      }
      assert.equal(called, own.body.id, 'Imigrasi calls its own walk-in');
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${KBB}/bookings/${own.body.id}/no-show`, { token: imigrasi })).status, 200);
    } finally {
      await api(p, 'DELETE', bookingPath, { token: citizen });
    }
  });
});
