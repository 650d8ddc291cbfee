import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { identityFromClaims, type Identity } from '@satupintu/auth';
import { plusDays, weekday, type ProblemError } from '@satupintu/core';
import type { Schedule } from '@satupintu/plugin-sdk';
import { api, asTenant, reissuedToken, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

const citizen = (name: string): Identity => identityFromClaims({ sub: `${name}-${randomUUID()}`, preferred_username: name, realm_access: { roles: ['citizen'] } });
const officerOf = (slug: string): Identity =>
  identityFromClaims({ sub: `petugas-${randomUUID()}`, preferred_username: 'petugas', realm_access: { roles: ['officer'] }, memberships: [`/tenants/${slug}/agencies/imigrasi/officer`] });

/** A new tenant running Imigrasi's new-passport service on its own schedule. */
async function tenantWithSchedule(p: Platform, schedule: Schedule): Promise<string> {
  const admin = await tokenFor(p, 'admin.platform');
  const [code] = await unusedRegencyCodes(p, 1);
  const slug = `kursi-${randomUUID().slice(0, 6)}`;
  assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } })).status, 201);
  assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi`, { token: admin, body: { version: '1.1.0' } })).status, 200);
  const overlay = await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi/overlays/paspor-baru`, { token: admin, body: { schedule } });
  assert.equal(overlay.status, 200, JSON.stringify(overlay.body));
  return slug;
}

/** The same person's token with other memberships (signed by the embedded issuer, as a changed Keycloak account would be). */
async function withMemberships(p: Platform, token: string, memberships: string[]): Promise<string> {
  return reissuedToken(p, token, { memberships });
}

type SessionItem = { id: string; date: string; onlineSeatsLeft: number; booked: number };

describe('session seats: walk-ins, online bookings and cancelled sessions', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('a session filled by walk-ins refuses the next online booking with 409 SESSION_FULL naming the next session (not a 500), and lists no online seat', async function () {
    this.timeout(60_000);
    // 4 seats, 2 online: walk-ins may sit in any free seat.
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '10:00', capacity: 4 }], onlineShare: 0.5 });
    const url = `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=14`;
    const [first, second] = (await api(p, 'GET', url)).body.items as SessionItem[];
    const t = await p.services.tenants.get(slug);
    const officer = await p.context({ tenant: t, identity: officerOf(slug) });
    for (let i = 0; i < 4; i++) await p.services.appointments.book(officer, first!.id, { walkIn: { name: `Walk-in ${i}`, nik: `32170601018000${10 + i}` } });

    const listed = ((await api(p, 'GET', url)).body.items as SessionItem[]).find((s) => s.id === first!.id)!;
    assert.deepEqual([listed.booked, listed.onlineSeatsLeft], [4, 0], 'walk-ins took every seat: none is offered online');

    const warga = await tokenFor(p, 'warga.kbb');
    const late = await api(p, 'POST', `/api/v1/tenants/${slug}/sessions/${first!.id}/bookings`, { token: warga, body: {} });
    assert.equal(late.status, 409, JSON.stringify(late.body));
    assert.match(late.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(late.body.code, 'SESSION_FULL');
    assert.equal(late.body.i18n.id.title, 'Sesi penuh');
    assert.equal(late.body.i18n.en.title, 'The session is full');
    assert.equal(late.body.nextSession.id, second!.id, 'the next session with an online seat');
    assert.equal(late.body.nextSession.onlineSeatsLeft, 2);
    // The retry answers the same (no seat appeared, nothing half-written).
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${slug}/sessions/${first!.id}/bookings`, { token: warga, body: {} })).body.code, 'SESSION_FULL');
  });

  it('walk-ins and online bookings at once never overfill a session nor break its checks', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '10:00', capacity: 6 }], onlineShare: 0.5 });
    const [session] = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=14`)).body.items as SessionItem[];
    const t = await p.services.tenants.get(slug);
    const officers = await Promise.all(Array.from({ length: 12 }, () => p.context({ tenant: t, identity: officerOf(slug) })));
    const online = await Promise.all(Array.from({ length: 12 }, (_, i) => p.context({ tenant: t, identity: citizen(`w${i}`) })));
    const results = await Promise.allSettled([
      ...Array.from({ length: 12 }, (_, i) => p.services.appointments.book(officers[i]!, session!.id, { walkIn: { name: `Walk-in ${i}`, nik: `32170601018001${10 + i}` } })),
      ...online.map((ctx) => p.services.appointments.book(ctx, session!.id)),
    ]);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ProblemError] : []));
    assert.equal(results.length - refused.length, 6, `exactly the capacity: ${JSON.stringify(refused.map((e) => [e.code, String(e.message ?? e)]))}`);
    assert.deepEqual([...new Set(refused.map((e) => e.code))], ['SESSION_FULL'], 'every refusal is a 409, none a database error');
    const row = await asTenant(p, t, (sql) =>
      sql.one<{ booked_online: number; booked_walkin: number; active: number }>(
        `select booked_online, booked_walkin, (select count(*)::int from bookings where session_id = $1 and status = 'booked') as active from sessions where id = $1`,
        [session!.id],
      ),
    );
    assert.equal(row.booked_online + row.booked_walkin, 6);
    assert.ok(row.booked_online <= 3);
    assert.equal(row.active, 6, 'the counters match the bookings');
  });

  it('cancelling a session weeks ahead names the next open session (stored from the schedule if not yet listed); retried, it answers the same', async function () {
    // Officers of a tenant made here get their membership in a token signed with the embedded
    // issuer's key (the Keycloak conformance tier has no such key).
    if (!p.issuer) this.skip();
    this.timeout(90_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 1 });
    const listing = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=7`)).body;
    // Only the dates five weeks on are listed (and so stored): nothing after them yet.
    const far = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?from=${plusDays(listing.from as string, 35)}&days=7`)).body.items as SessionItem[];
    const target = far[far.length - 1]!;
    const t = await p.services.tenants.get(slug);
    const stored = await asTenant(p, t, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from sessions where local_date > $1::date`, [target.date]));
    assert.equal(stored.n, 0, 'no later session stored before the cancellation');
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => p.context({ tenant: t, identity: citizen(`c${i}`) })));
    for (const ctx of people) await p.services.appointments.book(ctx, target.id);

    const officer = await withMemberships(p, await tokenFor(p, 'petugas.imigrasi.kbb'), [`/tenants/${slug}/agencies/imigrasi/officer`]);
    const path = `/api/v1/tenants/${slug}/sessions/${target.id}/cancel`;
    // Access: anonymous, a citizen, another tenant's officer; bad input names the field.
    assert.equal((await api(p, 'POST', path, { body: { reason: 'Listrik padam' } })).status, 401);
    assert.equal((await api(p, 'POST', path, { token: await tokenFor(p, 'warga.kbb'), body: { reason: 'Listrik padam' } })).status, 403);
    assert.ok([403, 404].includes((await api(p, 'POST', path, { token: await tokenFor(p, 'petugas.imigrasi.kbb'), body: { reason: 'Listrik padam' } })).status), 'another tenant’s officer');
    const bad = await api(p, 'POST', path, { token: officer, body: { reason: '' } });
    assert.equal(bad.status, 422);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.ok(JSON.stringify(bad.body.errors).includes('/reason'), JSON.stringify(bad.body));

    const r = await api(p, 'POST', path, { token: officer, body: { reason: 'Listrik padam' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rescheduleEvents, 20);
    assert.equal(r.body.moved, 20, 'every booked person moved');
    assert.equal(r.body.searchedUntil, plusDays(target.date, 28));
    const notices = await asTenant(p, t, (sql) =>
      sql.rows<{ payload: { session: string; date: string; reason: string } }>(`select payload from notification_outbox where kind = 'appointment.moved' and payload->'before'->>'session' = $1`, [target.id]),
    );
    assert.equal(notices.length, 20, 'each told where and why');
    const movedTo = notices[0]!.payload;
    assert.ok(notices.every((n) => n.payload.session === movedTo.session && n.payload.reason === 'Listrik padam'));
    assert.ok(movedTo.date > target.date && movedTo.date <= plusDays(target.date, 7), 'to the next Tuesday or Thursday (stored for the purpose)');
    assert.ok(r.body.nextSession, `a next session: ${JSON.stringify(r.body)}`);
    assert.ok(r.body.nextSession.date > movedTo.date, 'the next session with a seat is the one after (the next is full now)');
    const seats = await asTenant(p, t, (sql) => sql.one<{ booked_online: number; n: number }>(`select booked_online, (select count(*)::int from bookings where session_id = $1 and status = 'booked') as n from sessions where id = $1`, [movedTo.session]));
    assert.deepEqual([seats.booked_online, seats.n], [20, 20]);

    const again = await api(p, 'POST', path, { token: officer, body: { reason: 'Listrik padam' } });
    assert.equal(again.status, 200);
    assert.deepEqual([again.body.cancelled, again.body.rescheduleEvents, again.body.moved, again.body.nextSession.id], [target.id, 0, 0, r.body.nextSession.id], 'a retry moves nobody twice');
  });

  it('a cancelled session’s people who find no later seat are told the next open session instead', async function () {
    // Officers of a tenant made here get their membership in a token signed with the embedded
    // issuer's key (the Keycloak conformance tier has no such key).
    if (!p.issuer) this.skip();
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON'], start: '09:00', end: '10:00', capacity: 1 }], onlineShare: 1 });
    const items = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=42`)).body.items as SessionItem[];
    const [first, ...later] = items;
    const t = await p.services.tenants.get(slug);
    // Every later Monday within the window is taken by a walk-in.
    for (const [i, s] of later.filter((x) => x.date <= plusDays(first!.date, 28)).entries()) {
      await p.services.appointments.book(await p.context({ tenant: t, identity: officerOf(slug) }), s.id, { walkIn: { name: `Walk-in ${i}`, nik: `32170601018002${10 + i}` } });
    }
    const person = await p.context({ tenant: t, identity: citizen('tanpa-kursi') });
    const booking = await p.services.appointments.book(person, first!.id);
    const officer = await withMemberships(p, await tokenFor(p, 'petugas.imigrasi.kbb'), [`/tenants/${slug}/agencies/imigrasi/officer`]);
    const r = await api(p, 'POST', `/api/v1/tenants/${slug}/sessions/${first!.id}/cancel`, { token: officer, body: { reason: 'Banjir' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.rescheduleEvents, r.body.moved], [1, 0]);
    const notices = await asTenant(p, t, (sql) => sql.rows<{ payload: { reason: string; suggestion: { id: string } | null } }>(`select payload from notification_outbox where kind = 'session.cancelled' and payload->>'booking' = $1`, [booking.id]));
    assert.equal(notices.length, 1);
    assert.equal(notices[0]!.payload.reason, 'Banjir');
    assert.equal(notices[0]!.payload.suggestion?.id ?? null, r.body.nextSession?.id ?? null, 'the notice names what the answer names');
    assert.ok(r.body.nextSession === null || r.body.nextSession.date > plusDays(first!.date, 28), 'nothing open within the window');
  });

  it('a holiday or cuti bersama set, changed or removed later, and a closure decided later, re-flag the sessions already stored on that day', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '10:00', capacity: 4 }], onlineShare: 1 });
    // A weekday far ahead that no one else uses (holidays are national).
    let date = plusDays('2040-01-01', Math.floor(Math.random() * 3000));
    while (['SAT', 'SUN'].includes(weekday(date))) date = plusDays(date, 1);
    const url = `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?from=${date}&days=1`;
    const flag = async () => {
      const r = await api(p, 'GET', url);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.items.length, 1);
      return r.body.items[0].holiday as string | null;
    };
    assert.equal(await flag(), null, 'stored, no holiday yet');

    const root = await tokenFor(p, 'admin.platform');
    const holiday = `/api/v1/holidays/${date}`;
    const cuti = { kind: 'cuti-bersama', name: { id: 'Cuti bersama uji', en: 'Test collective leave' }, decree: 'SKB 3 Menteri (uji)' };
    // Access and bad input on the calendar's writes.
    assert.equal((await api(p, 'PUT', holiday, { body: cuti })).status, 401);
    assert.equal((await api(p, 'PUT', holiday, { token: await tokenFor(p, 'admin.kbb'), body: cuti })).status, 403);
    const bad = await api(p, 'PUT', holiday, { token: root, body: { ...cuti, kind: 'libur' } });
    assert.equal(bad.status, 422);
    assert.ok(JSON.stringify(bad.body.errors).includes('/kind'), JSON.stringify(bad.body));
    try {
      assert.equal((await api(p, 'PUT', holiday, { token: root, body: cuti })).status, 200);
      assert.equal(await flag(), 'Cuti bersama: Cuti bersama uji', 'flagged after the fact');
      assert.equal((await api(p, 'PUT', holiday, { token: root, body: cuti })).status, 200, 'a retried PUT');
      assert.equal(await flag(), 'Cuti bersama: Cuti bersama uji');
      assert.equal((await api(p, 'PUT', holiday, { token: root, body: { ...cuti, name: { id: 'Cuti bersama diganti', en: 'Changed' } } })).status, 200);
      assert.equal(await flag(), 'Cuti bersama: Cuti bersama diganti', 'a renamed holiday re-flags');
      assert.equal((await api(p, 'PUT', holiday, { token: root, body: { ...cuti, kind: 'national', name: { id: 'Libur uji', en: 'Test holiday' } } })).status, 200);
      assert.equal(await flag(), 'Libur nasional: Libur uji', 'a national holiday wins over cuti bersama');
      assert.equal((await api(p, 'DELETE', `${holiday}?kind=national`, { token: root })).status, 204);
      assert.equal(await flag(), 'Cuti bersama: Cuti bersama diganti');
    } finally {
      await api(p, 'DELETE', `${holiday}?kind=national`, { token: root });
      await api(p, 'DELETE', `${holiday}?kind=cuti-bersama`, { token: root });
    }
    assert.equal(await flag(), null, 'removed: the flag goes');
    const closed = await api(p, 'PUT', `/api/v1/tenants/${slug}/closures/${date}`, { token: root, body: { reason: { id: 'Pemadaman listrik', en: 'Power outage' } } });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(await flag(), 'MPP tutup', 'a closure decided later flags the stored session');
  });

  it('a session on cuti bersama is flagged unless its agency works cuti bersama here; the agency confirms it (or cancels it, telling the bookers)', async function () {
    // Officers of a tenant made here get their membership in a token signed with the embedded
    // issuer's key (the Keycloak conformance tier has no such key).
    if (!p.issuer) this.skip();
    this.timeout(60_000);
    const slug = await tenantWithSchedule(p, { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '10:00', capacity: 4 }], onlineShare: 1 });
    let date = plusDays('2043-01-01', Math.floor(Math.random() * 3000));
    while (['SAT', 'SUN', 'FRI'].includes(weekday(date))) date = plusDays(date, 1);
    const url = `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?from=${date}&days=2`;
    const listed = async () => ((await api(p, 'GET', url)).body.items as (SessionItem & { holiday: string | null; confirmed: boolean; needsDecision: boolean })[]);
    const root = await tokenFor(p, 'admin.platform');
    const holiday = `/api/v1/holidays/${date}`;
    const officer = await withMemberships(p, await tokenFor(p, 'petugas.imigrasi.kbb'), [`/tenants/${slug}/agencies/imigrasi/officer`]);
    const otherAgency = await withMemberships(p, await tokenFor(p, 'petugas.dukcapil.kbb'), [`/tenants/${slug}/agencies/dukcapil/officer`]);
    const admin = await withMemberships(p, await tokenFor(p, 'admin.kbb'), [`/tenants/${slug}/tenant-admin`]);
    try {
      assert.equal((await api(p, 'PUT', holiday, { token: root, body: { kind: 'cuti-bersama', name: { id: 'Cuti uji', en: 'Test leave' }, decree: 'SKB 3 Menteri (uji)' } })).status, 200);
      const [flagged, ordinary] = await listed();
      assert.deepEqual([flagged!.holiday, flagged!.needsDecision, flagged!.confirmed], ['Cuti bersama: Cuti uji', true, false]);
      assert.equal(ordinary!.needsDecision, false);

      // Confirm: access, then the agency's officer, retried; an ordinary day has nothing to confirm.
      const confirm = (id: string) => `/api/v1/tenants/${slug}/sessions/${id}/confirm`;
      assert.equal((await api(p, 'POST', confirm(flagged!.id))).status, 401);
      assert.equal((await api(p, 'POST', confirm(flagged!.id), { token: await tokenFor(p, 'warga.kbb') })).status, 403);
      assert.ok([403, 404].includes((await api(p, 'POST', confirm(flagged!.id), { token: await tokenFor(p, 'petugas.imigrasi.kbb') })).status), 'another tenant’s officer');
      assert.equal((await api(p, 'POST', confirm(flagged!.id), { token: otherAgency })).status, 404, 'another agency’s officer');
      const ok = await api(p, 'POST', confirm(flagged!.id), { token: officer });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual([ok.body.confirmed, ok.body.needsDecision], [true, false]);
      assert.equal((await api(p, 'POST', confirm(flagged!.id), { token: officer })).body.confirmed, true, 'a retry answers the same');
      const plain = await api(p, 'POST', confirm(ordinary!.id), { token: officer });
      assert.equal(plain.status, 409);
      assert.equal(plain.body.code, 'SESSION_NOT_FLAGGED');
      assert.ok(plain.body.i18n.id.title && plain.body.i18n.en.title);

      // Per agency: cuti bersama as a working day.
      const setting = `/api/v1/tenants/${slug}/agencies/imigrasi/calendar`;
      assert.equal((await api(p, 'PUT', setting, { body: { cutiBersamaWorkingDay: true } })).status, 401);
      assert.equal((await api(p, 'PUT', setting, { token: officer, body: { cutiBersamaWorkingDay: true } })).status, 403, 'an officer does not decide');
      assert.equal((await api(p, 'PUT', setting, { token: await tokenFor(p, 'admin.kbb'), body: { cutiBersamaWorkingDay: true } })).status, 403, 'another tenant’s admin');
      const bad = await api(p, 'PUT', setting, { token: admin, body: { cutiBersamaWorkingDay: 'ya' } });
      assert.equal(bad.status, 422);
      assert.ok(JSON.stringify(bad.body.errors).includes('/cutiBersamaWorkingDay'), JSON.stringify(bad.body));
      const badAgency = await api(p, 'PUT', `/api/v1/tenants/${slug}/agencies/Imigrasi!/calendar`, { token: admin, body: { cutiBersamaWorkingDay: true } });
      assert.equal(badAgency.status, 400, 'a malformed agency code in the path');
      assert.ok(JSON.stringify(badAgency.body).includes('agency'), JSON.stringify(badAgency.body));
      const set = await api(p, 'PUT', setting, { token: admin, body: { cutiBersamaWorkingDay: true } });
      assert.deepEqual([set.status, set.body], [200, { agency: 'imigrasi', cutiBersamaWorkingDay: true }]);
      assert.equal((await api(p, 'PUT', setting, { token: admin, body: { cutiBersamaWorkingDay: true } })).status, 200, 'a retried PUT');
      assert.deepEqual(((await listed())[0]!).holiday, null, 'a working day for Imigrasi here: not flagged');
      assert.equal((await api(p, 'PUT', setting, { token: admin, body: { cutiBersamaWorkingDay: false } })).status, 200);
      const again = (await listed())[0]!;
      assert.deepEqual([again.holiday, again.needsDecision, again.confirmed], ['Cuti bersama: Cuti uji', true, false], 'flagged again: the agency decides again');

      // Cancelling the flagged session tells its booked citizen, naming the next session.
      const t = await p.services.tenants.get(slug);
      const person = await p.context({ tenant: t, identity: citizen('libur') });
      const booking = await p.services.appointments.book(person, again.id);
      const cancelled = await api(p, 'POST', `/api/v1/tenants/${slug}/sessions/${again.id}/cancel`, { token: officer, body: { reason: 'Cuti bersama: loket tutup' } });
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.deepEqual([cancelled.body.rescheduleEvents, cancelled.body.moved], [1, 1]);
      assert.equal(cancelled.body.nextSession.id, ordinary!.id);
      const notice = await asTenant(p, t, (sql) => sql.rows<{ payload: { session: string } }>(`select payload from notification_outbox where kind = 'appointment.moved' and payload->'before'->>'session' = $1`, [again.id]));
      assert.deepEqual(notice.map((n) => n.payload.session), [ordinary!.id], 'moved to the next day and told');
      const mine = await p.services.appointments.mine(person);
      assert.deepEqual(mine.items.map((b) => [b.id === booking.id, b.status, b.sessionId]).sort(), [[false, 'booked', ordinary!.id], [true, 'cancelled-by-agency', again.id]]);
      const late = await api(p, 'POST', confirm(again.id), { token: officer });
      assert.deepEqual([late.status, late.body.code, late.body.sessionStatus], [409, 'SESSION_NOT_FLAGGED', 'cancelled']);
    } finally {
      await api(p, 'DELETE', `${holiday}?kind=cuti-bersama`, { token: root });
    }
  });
});
