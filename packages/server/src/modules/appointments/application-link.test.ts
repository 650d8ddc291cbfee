import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { api, asTenant, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import { PDFDocument } from 'pdf-lib';
import { plan } from '../notifications/personalise.js';
import type { Platform } from '../../platform.js';

type Row = Record<string, unknown> & { id: string };

/** A new tenant running Imigrasi's new-passport service every weekday, 3 people a session. */
async function tenantWithSessions(p: Platform): Promise<string> {
  const admin = await tokenFor(p, 'admin.platform');
  const [code] = await unusedRegencyCodes(p, 1);
  const slug = `jadwal-${randomUUID().slice(0, 6)}`;
  assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } })).status, 201);
  assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi`, { token: admin, body: { version: '1.1.0' } })).status, 200);
  const schedule = { appointmentRequired: true, sessions: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '11:00', capacity: 3 }], onlineShare: 1 };
  assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/imigrasi/overlays/paspor-baru`, { token: admin, body: { schedule } })).status, 200);
  return slug;
}

describe('a booking serves one application (booking inside the journey)', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('links a booking to the applicant’s application, one active booking per application, retries answered once; reschedule keeps the link', async function () {
    this.timeout(60_000);
    const slug = await tenantWithSessions(p);
    const base = `/api/v1/tenants/${slug}`;
    const [warga, other] = await Promise.all([tokenFor(p, 'warga.kbb'), tokenFor(p, 'warga.kapuas')]);
    const sessions = ((await api(p, 'GET', `${base}/services/imigrasi.paspor-baru/sessions?days=14`)).body.items as Row[]).filter((s) => !s.holiday && Date.parse(String(s.startsAt)) > Date.now());
    const [s1, s2, s3] = sessions;
    const app = await api(p, 'POST', `${base}/applications`, { token: warga, body: { service: 'imigrasi.paspor-baru', data: {} } });
    assert.equal(app.status, 201, JSON.stringify(app.body));

    const key = `book-${randomUUID()}`;
    const book = (session: Row, token: string, k = `book-${randomUUID()}`) =>
      api(p, 'POST', `${base}/sessions/${session.id}/bookings`, { token, body: { applicationId: app.body.id }, headers: { 'idempotency-key': k } });
    const first = await book(s1!, warga, key);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const retry = await book(s1!, warga, key);
    assert.deepEqual([retry.status, retry.body.id, retry.headers.get('idempotent-replayed')], [201, first.body.id, 'true'], 'a retry gets the first booking');

    const second = await book(s2!, warga);
    assert.deepEqual([second.status, second.body.code, second.body.booking], [409, 'APPLICATION_ALREADY_BOOKED', first.body.id], 'one active booking per application, named');
    assert.equal(second.body.errors[0].pointer, '/applicationId');
    const foreign = await book(s2!, other);
    assert.deepEqual([foreign.status, foreign.body.code], [422, 'BOOKING_APPLICATION_INVALID'], 'someone else’s application');

    // The application's bookings, with the session's end and holiday flag.
    const mine = await api(p, 'GET', `${base}/bookings?application=${app.body.id}`, { token: warga });
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.items.map((b: Row) => [b.id, b.applicationId, b.status, b.start, b.end, b.holiday]), [[first.body.id, app.body.id, 'booked', '09:00', '11:00', null]]);
    assert.deepEqual((await api(p, 'GET', `${base}/bookings?application=${app.body.id}`, { token: other })).body.items, [], 'nobody else sees them');
    assert.equal((await api(p, 'GET', `${base}/bookings?application=${app.body.id}`)).status, 401);

    // Rescheduling moves the application's one booking (not refused as a second one), and keeps the link.
    const moveKey = `move-${randomUUID()}`;
    const moved = await api(p, 'POST', `${base}/bookings/${first.body.id}/reschedule`, { token: warga, body: { sessionId: s2!.id }, headers: { 'idempotency-key': moveKey } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const again = await api(p, 'POST', `${base}/bookings/${first.body.id}/reschedule`, { token: warga, body: { sessionId: s2!.id }, headers: { 'idempotency-key': moveKey } });
    assert.deepEqual([again.status, again.body.id], [200, moved.body.id]);
    // The person is told of both, each message tied to the application (its page lists them).
    const notices = await asTenant(p, slug, (sql) =>
      sql.rows<{ kind: string; payload: Record<string, unknown> }>(`select kind, payload from notification_outbox where kind in ('appointment.booked', 'appointment.moved') and payload->>'application' = $1 order by kind`, [app.body.id]),
    );
    assert.deepEqual(notices.map((n) => [n.kind, n.payload.booking]), [['appointment.booked', first.body.id], ['appointment.moved', moved.body.id]]);
    const tenant = await p.services.tenants.get(slug);
    const message = await plan('appointment.moved', notices[1]!.payload, 'o1', { tenant, base: 'https://mpp.example.id', service: async () => ({ name: { id: 'Paspor baru', en: 'New passport' }, states: {} }) });
    assert.equal(message?.applicationId, app.body.id);
    assert.match(message!.values.id.before ?? "", /^\w+, \d{1,2} \w+ \d{4} pukul 09:00–11:00 (WIB|WITA|WIT)$/, "in the tenant’s own zone");
    assert.equal(message!.values.id.reason, 'atas permintaan Anda');
    const linked = await api(p, 'GET', `${base}/bookings?application=${app.body.id}`, { token: warga });
    assert.deepEqual(linked.body.items.map((b: Row) => [b.id, b.status]), [[first.body.id, 'cancelled'], [moved.body.id, 'booked']]);
    assert.equal((await api(p, 'POST', `${base}/bookings/${moved.body.id}/reschedule`, { token: other, body: { sessionId: s3!.id } })).status, 404, 'not someone else’s to move');
    assert.equal((await api(p, 'DELETE', `${base}/bookings/${moved.body.id}`, { token: other })).status, 404, 'nor to cancel');

    // Cancelled: the application may book again.
    assert.equal((await api(p, 'DELETE', `${base}/bookings/${moved.body.id}`, { token: warga })).status, 204);
    const [withdrawn] = await asTenant(p, slug, (sql) => sql.rows<{ payload: Record<string, unknown> }>(`select payload from notification_outbox where kind = 'appointment.withdrawn' and payload->>'booking' = $1`, [moved.body.id]));
    assert.ok(withdrawn, 'the person is told of their own cancellation');
    const told = await plan('appointment.withdrawn', withdrawn.payload, 'o2', { tenant, base: 'https://mpp.example.id', service: async () => ({ name: { id: 'Paspor baru', en: 'New passport' }, states: {} }) });
    assert.deepEqual([told?.applicationId, told?.template.whatsapp?.name], [app.body.id, 'mpp_jadwal_anda_batalkan']);
    assert.match(told!.values.id.when ?? '', /pukul 09:00–11:00/);
    assert.equal((await book(s3!, warga)).status, 201);
  });
  it('keeps one active booking per application when the citizen online and an officer’s walk-in book it at the same moment', async function () {
    this.timeout(60_000);
    const T = 'kab-bandung-barat';
    const base = `/api/v1/tenants/${T}`;
    const [citizenToken, officer] = await Promise.all([tokenFor(p, 'warga.kapuas'), tokenFor(p, 'petugas.dukcapil.kbb')]);
    const nik = `321701410190${1000 + Math.floor(Math.random() * 9000)}`;
    const made = await api(p, 'POST', `${base}/applications`, {
      token: citizenToken,
      body: { service: 'dukcapil.ktpel-rekam', data: { nik, noKk: '3217010101200004', namaLengkap: 'Rina Marlina', tempatLahir: 'Bandung', tanggalLahir: '2008-01-10', jenisKelamin: 'perempuan', dasarPermohonan: 'berusia_17_tahun', noHp: '081234567890' } },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const kk = await PDFDocument.create();
    kk.addPage().drawText('KK');
    const up = await fetch(`${p.url}${base}/applications/${made.body.id}/documents/kk?filename=kk.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizenToken}`, 'content-type': 'application/pdf' }, body: Buffer.from(await kk.save()) });
    assert.equal(up.status, 201);
    assert.equal((await api(p, 'POST', `${base}/applications/${made.body.id}/submit`, { token: citizenToken })).status, 200);
    // Two sessions on days nobody else here books (a year on), with seats.
    const far = ((await api(p, 'GET', `${base}/services/dukcapil.ktpel-rekam/sessions?from=2027-12-06&days=14`)).body.items as Row[]).filter((s) => !s.holiday && Number(s.onlineSeatsLeft) > 0);
    const [a, b] = [far[0]!, far.find((s) => s.date !== far[0]!.date)!];
    // Both people's booking locks are held here until both requests wait on them, then let go
    // together: the two bookings check the application at the same moment.
    const tenantId = (await p.services.tenants.get(T)).id;
    const citizenSub = (await api(p, 'GET', '/api/v1/me', { token: citizenToken })).body.subject as string;
    let sent: Promise<[Awaited<ReturnType<typeof api>>, Awaited<ReturnType<typeof api>>]> | undefined;
    await asTenant(p, T, async (sql) => {
      for (const who of [citizenSub, `walk-in:${nik}`]) await sql.rows(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`booking:${tenantId}:${who}`]);
      sent = Promise.all([
        api(p, 'POST', `${base}/sessions/${a.id}/bookings`, { token: citizenToken, body: { applicationId: made.body.id } }),
        api(p, 'POST', `${base}/sessions/${b.id}/bookings`, { token: officer, body: { applicationId: made.body.id, walkIn: { name: 'Rina Marlina', nik } } }),
      ]);
      for (let waiting = 0; waiting < 2; ) {
        waiting = (
          await sql.one<{ n: number }>(
            `select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted and objsubid = 1
                and ((classid::bigint << 32) | objid::bigint) in (select hashtextextended(k, 0) from unnest($1::text[]) as k)`,
            [[citizenSub, `walk-in:${nik}`].map((who) => `booking:${tenantId}:${who}`)],
          )
        ).n;
        if (waiting < 2) await new Promise((r) => setTimeout(r, 20)); // polling for the condition, not a proof
      }
    });
    const [online, walkIn] = await sent!;
    const statuses = [online.status, walkIn.status].sort();
    assert.deepEqual(statuses, [201, 409], `one of the two: ${JSON.stringify([online.body, walkIn.body])}`);
    const refused = online.status === 409 ? online : walkIn;
    const won = online.status === 201 ? online : walkIn;
    assert.deepEqual([refused.body.code, refused.body.booking], ['APPLICATION_ALREADY_BOOKED', won.body.id]);
    const held = await asTenant(p, T, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from bookings where application_id = $1 and status = 'booked'`, [made.body.id]));
    assert.equal(held.n, 1);
    // Leave no seat held.
    if (won === online) assert.equal((await api(p, 'DELETE', `${base}/bookings/${won.body.id}`, { token: citizenToken })).status, 204);
  });
});
