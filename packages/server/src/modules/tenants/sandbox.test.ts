import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { cronDueBetween } from './sandbox.js';

const SOURCE = 'kab-bandung-barat';
/** Monday 5 January 2026, 08:00 WIB: a quarter that holds Isra Mi'raj, Nyepi, Idul Fitri and its cuti bersama. */
const START = '2026-01-05T01:00:00.000Z';
const DAY = 86_400_000;

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

const SKTLK = {
  nik: '3217014507850002',
  namaLengkap: 'Rina Latihan',
  noHp: '081234567800',
  barangHilang: [{ jenis: 'KTP-el', atasNama: 'Rina Latihan' }],
  tanggalKejadian: '2026-01-02',
  lokasiKejadian: 'Pasar Lembang',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar (latihan sandbox).',
};

describe('sandbox tenants with a test clock (ADR 0031)', () => {
  let p: Platform;
  let admin: string;
  let citizen: string;
  let police: string;
  let analyst: string;
  let platformAdmin: string;
  let otherAdmin: string;

  before(async () => {
    p = sharedPlatform();
    [admin, citizen, police, analyst, platformAdmin, otherAdmin] = await Promise.all([
      tokenFor(p, 'admin.kbb'),
      tokenFor(p, 'warga.kbb'),
      tokenFor(p, 'petugas.polri.kbb'),
      tokenFor(p, 'analis.kemenpanrb'),
      tokenFor(p, 'admin.platform'),
      tokenFor(p, 'admin.kapuas'),
    ]);
  });

  /** The sandbox's clock ETag, read fresh. */
  const etagOf = async (slug: string) => {
    const r = await api(p, 'GET', `/api/v1/tenants/${slug}/clock`, { token: admin });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.headers.get('etag')!;
  };

  it('rehearses a quarter: applications and complaints escalate, deadlines and the cockpit follow the sandbox clock, week by week', async function () {
    this.timeout(600_000);
    const slug = `kbb-latihan-${randomUUID().slice(0, 6)}`;
    const made = await api(p, 'POST', `/api/v1/tenants/${SOURCE}/sandboxes`, { token: admin, body: { slug, now: START } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.headers.get('location'), `/api/v1/tenants/${slug}`);
    assert.equal(made.body.sandbox.of, SOURCE);
    const source = await p.services.tenants.get(SOURCE);
    assert.deepEqual([made.body.code, made.body.homeRegion, made.body.mppStatus], [source.code, source.homeRegion, source.mppStatus]);

    // Marked in the tenant views, listed with its source, absent from the public directory.
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${slug}`)).body.sandbox.of, SOURCE);
    const listed = await api(p, 'GET', `/api/v1/tenants/${SOURCE}/sandboxes`, { token: admin });
    assert.equal(listed.status, 200);
    assert.ok(listed.body.items.some((t: { slug: string }) => t.slug === slug));
    const directory = await api(p, 'GET', '/api/v1/tenants?limit=200');
    assert.ok(!directory.body.items.some((t: { slug: string }) => t.slug === slug), 'a sandbox is not in the public directory');

    // The configuration came along (plugins at their pins, overlays, agency calendars); no personal data did.
    const copied = async (tenant: { id: string; homeRegion: string }) =>
      asTenant(p, tenant, (sql) =>
        sql.one<{ plugins: string; overlays: number; applications: number; complaints: number; contacts: number }>(
          `select (select string_agg(plugin_id || '@' || version, ',' order by plugin_id) from plugin_installations) as plugins,
                  (select count(*)::int from service_overlays) as overlays, (select count(*)::int from applications) as applications,
                  (select count(*)::int from complaints) as complaints, (select count(*)::int from notification_contacts) as contacts`,
        ),
      );
    const before = await copied(source);
    const sb = await copied({ id: made.body.id, homeRegion: made.body.homeRegion });
    assert.equal(sb.plugins, before.plugins);
    assert.equal(sb.overlays, before.overlays);
    assert.deepEqual([sb.applications, sb.complaints, sb.contacts], [0, 0, 0]);

    // The sandbox clock: START (plus the seconds this test has run).
    const clock0 = await api(p, 'GET', `/api/v1/tenants/${slug}/clock`, { token: admin });
    assert.equal(clock0.body.sandbox, true);
    const drift = () => Date.parse(clock0.body.now) - Date.parse(START);
    assert.ok(drift() >= 0 && drift() < 60_000, clock0.body.now);

    // A citizen files a loss report and a complaint in the sandbox: stamped with the sandbox's time.
    const T = `/api/v1/tenants/${slug}`;
    const draft = await api(p, 'POST', `${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const upload = await fetch(`${p.url}${T}/applications/${draft.body.id}/documents/identitas?filename=ktp.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: await pdf('KTP latihan'),
    });
    assert.equal(upload.status, 201);
    const submitted = await api(p, 'POST', `${T}/applications/${draft.body.id}/submit`, { token: citizen });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const submittedAt = Date.parse(submitted.body.submittedAt);
    assert.ok(submittedAt - Date.parse(START) < 120_000 && submittedAt >= Date.parse(START), `submitted on the sandbox clock: ${submitted.body.submittedAt}`);

    const complaint = await api(p, 'POST', `${T}/complaints`, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'service', service: 'polri.sktlk' }, title: 'Latihan: antrean lama', body: 'Latihan sandbox: saya menunggu tiga jam tanpa penjelasan dari petugas.', incidentDate: '2026-01-05' },
    });
    assert.equal(complaint.status, 201, JSON.stringify(complaint.body));
    assert.ok(Date.parse(complaint.body.createdAt) < Date.parse('2026-01-06T00:00:00Z'), complaint.body.createdAt);

    // Thirteen weeks, a week at a time, each advance quoting the clock's ETag.
    let etag = await etagOf(slug);
    const ran: Record<string, number> = {};
    const weekly: { now: string; steps: number }[] = [];
    for (let week = 1; week <= 13; week++) {
      const r = await api(p, 'POST', `${T}/clock/advance`, { token: admin, body: { days: 7 }, headers: { 'if-match': etag } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.steps, 7);
      for (const [job, n] of Object.entries(r.body.ran as Record<string, number>)) ran[job] = (ran[job] ?? 0) + n;
      weekly.push({ now: r.body.now, steps: r.body.steps });
      // A retry of the same advance (the answer lost) is refused, never applied twice.
      if (week === 1) {
        const again = await api(p, 'POST', `${T}/clock/advance`, { token: admin, body: { days: 7 }, headers: { 'if-match': etag } });
        assert.equal(again.status, 412);
      }
      etag = r.headers.get('etag')!;
      if (week === 10) {
        // Monday 16 March 2026 in the sandbox: the passport sessions of the next two weeks, Nyepi and the Idul Fitri cuti bersama flagged.
        const sessions = await api(p, 'GET', `${T}/services/imigrasi.paspor-baru/sessions?days=14`);
        assert.equal(sessions.status, 200, JSON.stringify(sessions.body));
        assert.equal(sessions.body.from, '2026-03-16', 'the window starts on the sandbox’s today');
        const dates = sessions.body.items.map((x: { date: string }) => x.date);
        assert.ok(dates.includes('2026-03-17') && dates.every((d: string) => ['2026-03-17', '2026-03-19', '2026-03-24', '2026-03-26'].includes(d)), JSON.stringify(dates));
        for (const x of sessions.body.items as { date: string; holiday: string | null }[])
          if (x.date === '2026-03-19' || x.date === '2026-03-24') assert.ok(x.holiday, `${x.date} is flagged`);
      }
      if (week === 1) {
        // After a week the loss report's first step (minutes of SLA) is long overdue: escalated once, on the sandbox clock.
        const app = await api(p, 'GET', `${T}/applications/${draft.body.id}`, { token: police });
        assert.equal(app.status, 200, JSON.stringify(app.body));
        const escalations = app.body.timeline.filter((e: { action: string }) => e.action === 'escalated');
        // Once for the step and once for the service time (its clock starts at submission for the loss report: ADR 0035).
        assert.equal(escalations.length, 2, JSON.stringify(app.body.timeline));
        assert.deepEqual(escalations.map((e: { comment: string }) => /jangka waktu layanan/.test(e.comment)).sort(), [false, true], JSON.stringify(escalations));
        const at = Date.parse(escalations[0].at);
        assert.ok(at > Date.parse(START) && at <= Date.parse(START) + DAY + 120_000, `escalated the first sandbox day: ${escalations[0].at}`);
        // The complaint's verification deadline (hari kerja) passed too: escalated on the sandbox's thread.
        const c = await api(p, 'GET', `${T}/complaints/${complaint.body.id}`, { token: admin });
        assert.equal(c.status, 200, JSON.stringify(c.body));
        const notes = c.body.thread.filter((m: { kind: string }) => m.kind === 'escalated');
        assert.ok(notes.length >= 1, JSON.stringify(c.body));
        assert.ok(notes.every((m: { at: string }) => Date.parse(m.at) < Date.parse(START) + 8 * DAY), JSON.stringify(notes));
      }
    }
    const end = Date.parse(weekly.at(-1)!.now);
    assert.ok(Math.abs(end - (Date.parse(START) + 91 * DAY)) < 600_000, weekly.at(-1)!.now);
    // Every day the minute jobs ran; the SKM follow-ups once, at the turn of the quarter (1 April, 01:00 UTC).
    assert.equal(ran['sla.escalate'], 91);
    assert.equal(ran['complaints.escalate'], 91);
    assert.equal(ran['monitoring.rollup'], 91);
    assert.equal(ran['skm.followups'], 1);

    // The tenant's cockpit reads the sandbox's clock and its rollups: the first week counts the online submission, the report is still overdue.
    const ind = await api(p, 'GET', `${T}/indicators?weeks=14`, { token: admin });
    assert.equal(ind.status, 200, JSON.stringify(ind.body));
    assert.ok(Math.abs(Date.parse(ind.body.asOf) - end) < 600_000, ind.body.asOf);
    assert.equal(ind.body.weekly.find((w: { weekStart: string }) => w.weekStart === '2026-01-05')?.online, 1, JSON.stringify(ind.body.weekly));
    assert.equal(ind.body.indicators.overdue, 1);
    // Published on the sandbox's timeline (the platform's own clock is elsewhere): last changed within the rehearsed quarter.
    const rollupAt = Date.parse(ind.body.indicators.rollupAt);
    assert.ok(rollupAt > Date.parse(START) && rollupAt <= end, ind.body.indicators.rollupAt);

    // The rehearsal's escalations reached nobody outside: every notification of the sandbox is in the in-app inbox.
    const channels = await asTenant(p, { id: made.body.id, homeRegion: made.body.homeRegion }, (sql) => sql.rows<{ channel: string }>(`select distinct channel from notifications`));
    assert.ok(channels.every((c) => c.channel === 'inbox'), JSON.stringify(channels));

    // National figures never see it (the ministry's cockpit and weekly series), while the source is there.
    const national = await api(p, 'GET', '/api/v1/national/cockpit', { token: analyst });
    assert.equal(national.status, 200);
    assert.ok(!national.body.tenants.some((t: { slug: string }) => t.slug === slug));
    assert.ok(national.body.tenants.some((t: { slug: string }) => t.slug === SOURCE));
    const nationalWeeks = await api(p, 'GET', '/api/v1/national/weekly?weeks=104', { token: analyst });
    assert.equal(nationalWeeks.status, 200);
    const jan5 = nationalWeeks.body.items.find((w: { weekStart: string }) => w.weekStart === '2026-01-05');
    assert.ok(jan5, 'the rehearsed week is in the national range');
    const counts = await p.kernel.control.one<{ production: number; sandbox: number }>(
      `select coalesce(sum(online) filter (where t.sandbox_of is null), 0)::int as production, coalesce(sum(online) filter (where t.id = $1), 0)::int as sandbox
         from national_weekly w join tenants t on t.id = w.tenant_id where w.week_start = '2026-01-05'`,
      [made.body.id],
    );
    assert.equal(counts.sandbox, 1, 'the sandbox published its own week (its cockpit reads it)');
    assert.equal(jan5.online, counts.production, 'the national week counts production tenants only');
    const bySlug = await api(p, 'GET', `/api/v1/national/weekly?tenant=${slug}`, { token: analyst });
    assert.deepEqual([bySlug.status, bySlug.body.code], [404, 'TENANT_NOT_FOUND']);

    // The sandbox goes, with what was rehearsed in it.
    const gone = await api(p, 'DELETE', `/api/v1/tenants/${slug}`, { token: admin });
    assert.equal(gone.status, 204, JSON.stringify(gone.body));
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${slug}`)).status, 404);
    assert.equal((await p.kernel.control.one<{ n: number }>(`select count(*)::int as n from national_weekly where tenant_id = $1`, [made.body.id])).n, 0);
    const left = await asTenant(p, { id: made.body.id, homeRegion: made.body.homeRegion }, (sql) => sql.one<{ n: number }>(`select (select count(*) from applications)::int + (select count(*) from tenant_profiles)::int as n`));
    assert.equal(left.n, 0);
    let objects = 0;
    for await (const _ of p.store.list(made.body.homeRegion, `t/${made.body.id}/`)) objects++;
    assert.equal(objects, 0);
  });

  it('sets a sandbox clock to any date, past or future; a production tenant never moves its clock or is deleted here', async () => {
    const made = await api(p, 'POST', `/api/v1/tenants/${SOURCE}/sandboxes`, { token: platformAdmin, body: {} });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.match(made.body.slug, new RegExp(`^${SOURCE}-sandbox-[0-9]+$`));
    const T = `/api/v1/tenants/${made.body.slug}`;
    let etag = await etagOf(made.body.slug);
    const future = await api(p, 'PUT', `${T}/clock`, { token: admin, body: { now: '2030-06-01T00:00:00Z' }, headers: { 'if-match': etag } });
    assert.equal(future.status, 200, JSON.stringify(future.body));
    assert.ok(Date.parse(future.body.now) - Date.parse('2030-06-01T00:00:00Z') < 60_000);
    assert.equal((await api(p, 'PUT', `${T}/clock`, { token: admin, body: { now: '2020-01-01T00:00:00Z' }, headers: { 'if-match': etag } })).status, 412);
    etag = future.headers.get('etag')!;
    const past = await api(p, 'PUT', `${T}/clock`, { token: admin, body: { now: '2025-03-01T00:00:00Z' }, headers: { 'if-match': etag } });
    assert.equal(past.status, 200);
    assert.ok(past.body.clockOffsetMs < 0);
    const without = await api(p, 'PUT', `${T}/clock`, { token: admin, body: { now: '2025-03-01T00:00:00Z' } });
    assert.equal(without.status, 428);
    // Two admins advance the same clock at once: one moves it, the other is told it moved (never both).
    const race = await Promise.all([1, 2].map(() => api(p, 'POST', `${T}/clock/advance`, { token: admin, body: { days: 2 }, headers: { 'if-match': past.headers.get('etag')! } })));
    const statuses = race.map((r) => r.status).sort();
    assert.equal(statuses[0], 200, JSON.stringify(race.map((r) => r.body)));
    assert.ok([409, 412].includes(statuses[1]!), JSON.stringify(race.map((r) => r.body)));
    const afterRace = await api(p, 'GET', `${T}/clock`, { token: admin });
    assert.ok(Math.abs(Date.parse(afterRace.body.now) - Date.parse('2025-03-03T00:00:00Z')) < 60_000, `advanced once: ${afterRace.body.now}`);
    const bad = await api(p, 'POST', `${T}/clock/advance`, { token: admin, body: {}, headers: { 'if-match': afterRace.headers.get('etag')! } });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors?.[0]?.pointer], [422, 'SANDBOX_ADVANCE_INVALID', '/days']);
    const far = await api(p, 'PUT', `${T}/clock`, { token: admin, body: { now: '2199-01-01T00:00:00Z' }, headers: { 'if-match': afterRace.headers.get('etag')! } });
    assert.deepEqual([far.status, far.body.code], [422, 'SANDBOX_CLOCK_OUT_OF_RANGE']);
    // Requests on the sandbox's path read its clock (the tenant's own view of its indicators, as of then).
    const ind = await api(p, 'GET', `${T}/indicators`, { token: admin });
    assert.equal(ind.status, 200, JSON.stringify(ind.body));
    assert.ok(Math.abs(Date.parse(ind.body.asOf) - Date.parse('2025-03-03T00:00:00Z')) < 60_000, ind.body.asOf);
    // No sandbox of a sandbox.
    const nested = await api(p, 'POST', `${T}/sandboxes`, { token: admin, body: {} });
    assert.deepEqual([nested.status, nested.body.code], [409, 'SANDBOX_OF_SANDBOX']);

    // Production: the clock reads the platform's, and is never set or advanced; the tenant is never deleted here.
    const prod = await api(p, 'GET', `/api/v1/tenants/${SOURCE}/clock`, { token: admin });
    assert.equal(prod.status, 200);
    assert.deepEqual([prod.body.sandbox, prod.body.clockOffsetMs], [false, 0]);
    const set = await api(p, 'PUT', `/api/v1/tenants/${SOURCE}/clock`, { token: admin, body: { now: '2030-01-01T00:00:00Z' }, headers: { 'if-match': prod.headers.get('etag')! } });
    assert.deepEqual([set.status, set.body.code], [409, 'NOT_A_SANDBOX']);
    const adv = await api(p, 'POST', `/api/v1/tenants/${SOURCE}/clock/advance`, { token: platformAdmin, body: { days: 1 }, headers: { 'if-match': prod.headers.get('etag')! } });
    assert.deepEqual([adv.status, adv.body.code], [409, 'NOT_A_SANDBOX']);
    const del = await api(p, 'DELETE', `/api/v1/tenants/${SOURCE}`, { token: platformAdmin });
    assert.deepEqual([del.status, del.body.code], [409, 'NOT_A_SANDBOX']);
    assert.equal((await p.services.tenants.get(SOURCE)).sandbox, null);

    assert.equal((await api(p, 'DELETE', T, { token: platformAdmin })).status, 204);
  });

  it('lets only the source tenant’s admins and platform admins run a sandbox: officers, citizens, other regencies and the ministry get 403', async () => {
    const key = `sandbox-${randomUUID()}`;
    const made = await api(p, 'POST', `/api/v1/tenants/${SOURCE}/sandboxes`, { token: admin, body: {}, headers: { 'idempotency-key': key } });
    assert.equal(made.status, 201);
    // A retried create (the answer lost) returns the same sandbox, never a second one.
    const again = await api(p, 'POST', `/api/v1/tenants/${SOURCE}/sandboxes`, { token: admin, body: {}, headers: { 'idempotency-key': key } });
    assert.deepEqual([again.status, again.body.id, again.headers.get('idempotent-replayed')], [201, made.body.id, 'true']);
    const T = `/api/v1/tenants/${made.body.slug}`;
    const etag = await etagOf(made.body.slug);
    for (const [who, token, code] of [
      ['officer', police, 'ROLE_REQUIRED'],
      ['citizen', citizen, 'ROLE_REQUIRED'],
      ['another regency’s admin', otherAdmin, 'TENANT_NOT_ALLOWED'],
      ['ministry analyst', analyst, 'ROLE_REQUIRED'],
    ] as const) {
      const create = await api(p, 'POST', `/api/v1/tenants/${SOURCE}/sandboxes`, { token, body: {} });
      assert.equal(create.status, 403, `${who} creates`);
      const adv = await api(p, 'POST', `${T}/clock/advance`, { token, body: { days: 1 }, headers: { 'if-match': etag } });
      assert.deepEqual([adv.status, adv.body.code], [403, code], `${who} advances`);
      assert.equal((await api(p, 'DELETE', T, { token })).status, 403, `${who} deletes`);
    }
    // The source's officers work in the sandbox as in their own tenant (inherited memberships): the queue answers.
    const queue = await api(p, 'GET', `${T}/agencies/polri/queue`, { token: police });
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
    assert.equal((await api(p, 'DELETE', T, { token: admin })).status, 204);
  });

  it('finds the cron occurrences an advance step holds (minute jobs every step; the quarterly one at its turn only)', () => {
    const at = (s: string) => new Date(s);
    assert.equal(cronDueBetween('* * * * *', at('2026-01-05T01:00:00Z'), at('2026-01-06T01:00:00Z')), true);
    assert.equal(cronDueBetween('0 1 1 1,4,7,10 *', at('2026-03-30T01:00:00Z'), at('2026-03-31T01:00:00Z')), false);
    assert.equal(cronDueBetween('0 1 1 1,4,7,10 *', at('2026-03-31T01:00:00Z'), at('2026-04-01T01:00:00Z')), true);
    assert.equal(cronDueBetween(undefined, at('2026-03-31T01:00:00Z'), at('2026-04-01T01:00:00Z')), false);
  });
});
