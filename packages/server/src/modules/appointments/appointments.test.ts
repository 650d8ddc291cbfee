import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { identityFromClaims } from '@satupintu/auth';
import { withTenant } from '@satupintu/db';
import { api, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

describe('sessions, appointments and counter queues', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it("offers KBB's passport sessions on Tuesdays and Thursdays, 20 people (16 online), holidays flagged", async () => {
    const r = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/imigrasi.paspor-baru/sessions?from=2026-12-21&days=7');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.items.map((s: { date: string }) => s.date), ['2026-12-22', '2026-12-24']);
    const [tue, thu] = r.body.items;
    assert.deepEqual([tue.capacity, tue.onlineCapacity, tue.walkInCapacity, tue.start], [20, 16, 4, '09:00']);
    assert.equal(tue.startsAt, '2026-12-22T02:00:00.000Z', '09:00 WIB');
    assert.equal(tue.holiday, null);
    assert.match(thu.holiday, /Cuti bersama/);
  });

  it('confirms exactly 20 of 200 simultaneous bookings for a 20-person session; the rest are told the next open session', async function () {
    this.timeout(60_000);
    const admin = await tokenFor(p, 'admin.platform');
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `sesi-${randomUUID().slice(0, 6)}`;
    await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } });
    await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi`, { token: admin, body: { version: '1.0.0' } });
    const overlay = await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi/overlays/paspor-baru`, {
      token: admin,
      body: { schedule: { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 1 } },
    });
    assert.equal(overlay.status, 200, JSON.stringify(overlay.body));
    const sessions = await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru/sessions?days=14`);
    const session = sessions.body.items[0];
    const t = await p.app.services.tenants.getBySlug(slug);
    const citizens = Array.from({ length: 200 }, (_, i) => identityFromClaims({ sub: `citizen-${i}-${randomUUID()}`, preferred_username: `warga${i}`, realm_access: { roles: ['citizen'] } }));
    const started = performance.now();
    const results = await Promise.allSettled(citizens.map((c) => p.app.services.appointments.book(t, c, session.id, {})));
    const ms = performance.now() - started;
    const ok = results.filter((r) => r.status === 'fulfilled');
    const full = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as { code?: string; extensions?: { nextSession?: { id: string } } });
    assert.equal(ok.length, 20);
    assert.equal(full.length, 180);
    assert.ok(full.every((e) => e.code === 'SESSION_FULL' && e.extensions?.nextSession?.id === sessions.body.items[1].id));
    const [row] = await withTenant(p.dbs.region('id-jakarta'), t.id, (em) => em.query('select booked_online, (select count(*)::int from bookings where session_id = $1) as bookings from sessions where id = $1', [session.id]));
    assert.deepEqual([row.booked_online, row.bookings], [20, 20]);
    // Over HTTP the refusal is a clear problem+json.
    const late = await api(p, 'POST', `/api/v1/tenants/${slug}/sessions/${session.id}/bookings`, { token: await tokenFor(p, 'warga.kbb'), body: {} });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'SESSION_FULL');
    assert.equal(late.body.i18n.en.title, 'The session is full');
    assert.ok(late.body.nextSession.id);
    console.log(`      200 simultaneous bookings took ${ms.toFixed(0)} ms`);
  });

  it('books, reschedules and cancels; checks in with queue numbers per counter; calls next; records no-shows; cancels a session with reschedule events', async function () {
    this.timeout(60_000);
    const T = 'kab-bandung-barat';
    const citizen = await tokenFor(p, 'warga.kbb');
    const officer = await tokenFor(p, 'petugas.imigrasi.kbb');
    const list = (await api(p, 'GET', `/api/v1/tenants/${T}/services/imigrasi.paspor-penggantian/sessions?days=21`)).body.items.filter((s: { holiday: string | null }) => !s.holiday);
    const [a, b, c] = list;
    const booked = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${a.id}/bookings`, { token: citizen, body: {} });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${a.id}/bookings`, { token: citizen, body: {} })).body.code, 'ALREADY_BOOKED');
    const moved = await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${booked.body.id}/reschedule`, { token: citizen, body: { sessionId: b.id } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const seats = async (id: string) => (await api(p, 'GET', `/api/v1/tenants/${T}/services/imigrasi.paspor-penggantian/sessions?days=21`)).body.items.find((s: { id: string }) => s.id === id).booked;
    assert.equal(await seats(a.id), 0, 'the old seat is free again');
    assert.equal(await seats(b.id), 1);

    // At the MPP: the citizen and a walk-in check in and get numbers at the Imigrasi counter.
    const walkIn = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${b.id}/bookings`, { token: officer, body: { walkIn: { name: 'Pak Ujang', nik: '3217060101800002' } } });
    assert.equal(walkIn.status, 201, JSON.stringify(walkIn.body));
    assert.equal(walkIn.body.channel, 'walk-in');
    const first = await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${moved.body.id}/check-in`, { token: officer });
    const second = await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${walkIn.body.id}/check-in`, { token: officer });
    assert.equal(second.body.queueNumber, first.body.queueNumber + 1);
    assert.equal(first.body.counter, '7', 'the counter from the KBB overlay');
    const called = await api(p, 'POST', `/api/v1/tenants/${T}/counters/7/call-next`, { token: officer });
    assert.equal(called.body.called.id, moved.body.id);
    await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${moved.body.id}/no-show`, { token: officer });
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/bookings/${moved.body.id}/check-in`, { token: await tokenFor(p, 'petugas.dukcapil.kbb') })).status, 404, 'another agency cannot');

    // The agency cancels a session: booked citizens get a reschedule event.
    const third = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${c.id}/bookings`, { token: citizen, body: {} });
    assert.equal(third.status, 201);
    const cancelled = await api(p, 'POST', `/api/v1/tenants/${T}/sessions/${c.id}/cancel`, { token: officer, body: { reason: 'Perangkat rekam biometrik rusak' } });
    assert.equal(cancelled.body.rescheduleEvents, 1);
    const kbb = await p.app.services.tenants.getBySlug(T);
    const events = await withTenant(p.dbs.region(kbb.homeRegion), kbb.id, (em) => em.query(`select payload from notification_outbox where kind = 'session.cancelled' and payload->>'booking' = $1`, [third.body.id]));
    assert.equal(events.length, 1);
    const mine = await api(p, 'GET', `/api/v1/tenants/${T}/bookings`, { token: citizen });
    assert.equal(mine.body.items.find((x: { id: string }) => x.id === third.body.id).status, 'cancelled-by-agency');

    // Utilization: counts for the regency and the ministry, not for citizens.
    const util = await api(p, 'GET', `/api/v1/tenants/${T}/sessions/utilization`, { token: await tokenFor(p, 'analis.kemenpanrb') });
    assert.equal(util.status, 200);
    const rowB = util.body.items.find((r: { id: string }) => r.id === b.id);
    assert.deepEqual([rowB.booked, rowB.checked_in, rowB.no_show], [2, 1, 1]);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/sessions/utilization`, { token: citizen })).status, 403);
    assert.equal((await api(p, 'DELETE', `/api/v1/tenants/${T}/bookings/${third.body.id}`, { token: citizen })).body.code, 'BOOKING_NOT_ACTIVE');
  });
});
