import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { localDate, plusDays, isoWeekStart } from '@satupintu/core';
import { withTenant } from '@satupintu/db';
import { api, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { refreshRegionRollups, refreshTenant } from './rollup.js';

const NIK = '3217014507850002';
const NAME = 'Siti Rahmawati Monitoring';

describe('national monitoring: rollups, cockpit, alerts, CSV', () => {
  let p: Platform;
  let admin: string;
  let analyst: string;
  let watched: { slug: string; createdAt: number };
  before(async () => {
    p = sharedPlatform();
    [admin, analyst] = await Promise.all([tokenFor(p, 'admin.platform'), tokenFor(p, 'analis.kemenpanrb')]);
    // A tenant nobody refreshes by hand: only the scheduled job can publish its figures (last test).
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `job-${randomUUID().slice(0, 6)}`;
    assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-batam', mppStatus: 'operating' } })).status, 201);
    watched = { slug, createdAt: Date.now() };
  });

  async function tenant(prefix: string, body: Record<string, unknown> = {}) {
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `${prefix}-${randomUUID().slice(0, 6)}`;
    const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', ...body } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return p.app.services.tenants.getBySlug(slug);
  }

  /** Applications written straight into the region (as the app role, under RLS) with chosen dates. */
  async function insertApps(t: { id: string }, rows: { channel: 'online' | 'assisted' | 'counter'; status: string; submittedAt: string; completedAt?: string; dueAt?: string }[]) {
    return withTenant(p.dbs.region('id-jakarta'), t.id, async (em) => {
      const ids: string[] = [];
      for (const r of rows) {
        const id = randomUUID();
        ids.push(id);
        await em.query(
          `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role,
             channel, consent, status, state, submitted_at, completed_at, due_at)
           values ($1, $2, $3, 'dukcapil', '1.0.0', 'sha256:x', 'ktpel-penggantian', 'dukcapil', $4, 'sub', $5, $6, $7, $8, 's', $9, $10, $11)`,
          [t.id, id, randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase().replace(/(.{4})/, '$1-'), JSON.stringify({ nik: NIK, name: NAME }), r.channel === 'online' ? 'citizen' : 'officer', r.channel, r.channel === 'online' ? null : JSON.stringify({ by: 'officer' }), r.status, r.submittedAt, r.completedAt ?? null, r.dueAt ?? null],
        );
      }
      return ids;
    });
  }

  const cockpitRow = async (slug: string, query = '') => {
    const r = await api(p, 'GET', `/api/v1/national/cockpit${query}`, { token: analyst });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return { body: r.body, row: r.body.tenants.find((x: { slug: string }) => x.slug === slug) };
  };

  it('folds trigger deltas into weekly counts by channel in the tenant’s time zone; status changes move counts exactly once', async () => {
    const t = await tenant('mon');
    const today = localDate(new Date(), t.timeZone);
    const monday = isoWeekStart(today);
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
    const past = new Date(now.getTime() - 86_400_000).toISOString();
    const future = new Date(now.getTime() + 5 * 86_400_000).toISOString();
    const [onlineA] = await insertApps(t, [
      { channel: 'online', status: 'submitted', submittedAt: hourAgo, dueAt: future },
      { channel: 'online', status: 'submitted', submittedAt: hourAgo, dueAt: future },
      { channel: 'assisted', status: 'submitted', submittedAt: hourAgo, dueAt: past },
      { channel: 'counter', status: 'completed', submittedAt: hourAgo, completedAt: hourAgo, dueAt: future },
      { channel: 'counter', status: 'completed', submittedAt: hourAgo, completedAt: hourAgo, dueAt: new Date(now.getTime() - 2 * 3600_000).toISOString() },
      { channel: 'counter', status: 'draft', submittedAt: hourAgo },
    ]);
    // Sunday 23:30 local time is still last week; Monday 00:30 is this week (ISO weeks in the tenant's zone).
    const offset = { 'Asia/Jakarta': '+07:00', 'Asia/Pontianak': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' }[t.timeZone]!;
    const lastSunday = plusDays(monday, -1);
    await insertApps(t, [
      { channel: 'counter', status: 'withdrawn', submittedAt: `${lastSunday}T23:30:00${offset}` },
      { channel: 'online', status: 'submitted', submittedAt: `${monday}T00:30:00${offset}`, dueAt: future },
    ]);
    // (The every-minute job may fold some of these first: the figures are the same whoever folds.)
    await refreshTenant(p.dbs, t, p.app.services.onboarding);
    let { row } = await cockpitRow(t.slug);
    assert.deepEqual(row.applications, { online: 3, assisted: 1, counter: 3, total: 7 }, 'drafts never count; withdrawn ones were filed');
    assert.equal(row.onlineShare, Math.round((4 / 7) * 10000) / 10000, 'assisted counts as online (domain.md §5)');
    assert.equal(row.selfServiceShare, Math.round((3 / 7) * 10000) / 10000);
    assert.deepEqual([row.completed, row.slaCompliance, row.overdue, row.openApplications], [2, 0.5, 1, 4]);
    const weekly = await api(p, 'GET', `/api/v1/national/weekly?weeks=2&tenant=${t.slug}`, { token: analyst });
    assert.deepEqual(
      weekly.body.items.map((w: { weekStart: string; online: number; assisted: number; counter: number }) => [w.weekStart, w.online, w.assisted, w.counter]),
      [
        [plusDays(monday, -7), 0, 0, 1],
        [monday, 3, 1, 2],
      ],
    );

    // The officer completes an online application: it stays one submission, and becomes a completion.
    // Deltas written by this transaction (xmin), counted before anyone can fold them.
    const mine = `select coalesce(sum(submitted), 0)::int s, coalesce(sum(completed), 0)::int c, count(*)::int n from rollup_deltas where xmin::text = pg_current_xact_id()::text`;
    const [completedDeltas] = await withTenant(p.dbs.region('id-jakarta'), t.id, async (em) => {
      await em.query(`update applications set status = 'completed', completed_at = now(), state = 'selesai' where id = $1`, [onlineA]);
      return em.query(mine);
    });
    assert.deepEqual(completedDeltas, { s: 0, c: 1, n: 3 }, 'old submission out, new submission in, one completion');
    const [noDeltas] = await withTenant(p.dbs.region('id-jakarta'), t.id, async (em) => {
      await em.query(`update applications set state = 'verifikasi', version = version + 1 where id <> $1`, [onlineA]);
      return em.query(mine);
    });
    assert.equal(noDeltas.n, 0, 'an update that touches no counted column writes no delta');
    await refreshTenant(p.dbs, t, p.app.services.onboarding);
    ({ row } = await cockpitRow(t.slug));
    assert.deepEqual([row.applications.total, row.completed, row.slaCompliance, row.openApplications], [7, 3, Math.round((2 / 3) * 10000) / 10000, 3]);
    const idle = await refreshTenant(p.dbs, t, p.app.services.onboarding);
    assert.deepEqual(idle, { deltas: 0, weeks: 0 }, 'nothing changed, nothing republished');
    const [state] = await withTenant(p.dbs.region('id-jakarta'), t.id, (em) => em.query(`select published_at, snapshot_hash from rollup_state`));
    assert.ok(state.published_at && /^[0-9a-f]{64}$/.test(state.snapshot_hash));
  });

  it('counts a real online application filed through the API once the region publishes; no personal data reaches the cockpit', async function () {
    this.timeout(60_000);
    const t = await tenant('api', { mppStatus: 'operating' });
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${t.slug}/installations/dukcapil`, { token: admin, body: { version: '1.0.0' } })).status, 200);
    const citizen = await tokenFor(p, 'warga.kbb');
    const draft = await api(p, 'POST', `/api/v1/tenants/${t.slug}/applications`, {
      token: citizen,
      body: { service: 'dukcapil.ktpel-penggantian', data: { nik: NIK, noKk: '3217011503120004', namaLengkap: NAME, alasan: 'perubahan_data', noHp: '081234567891' } },
    });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const d = await PDFDocument.create();
    d.addPage().drawText('KK');
    const pdf = Buffer.from(await d.save());
    for (const code of ['kk', 'bukti-perubahan']) {
      const up = await fetch(`${p.url}/api/v1/tenants/${t.slug}/applications/${draft.body.id}/documents/${code}?filename=${code}.pdf`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
        body: pdf,
      });
      assert.equal(up.status, 201, code);
    }
    const sub = await api(p, 'POST', `/api/v1/tenants/${t.slug}/applications/${draft.body.id}/submit`, { token: citizen });
    assert.equal(sub.body.status, 'submitted', JSON.stringify(sub.body));
    // A complaint about the tenant and two SKM answers (all 4s and all 3s: NRR 3.5, IKM 87.5, category B).
    const complaint = await api(p, 'POST', `/api/v1/tenants/${t.slug}/complaints`, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Ruang tunggu penuh', body: 'Kursi ruang tunggu kurang pada hari Senin pagi.' },
    });
    assert.equal(complaint.status, 201, JSON.stringify(complaint.body));
    await withTenant(p.dbs.region('id-jakarta'), t.id, async (em) => {
      for (const u of [4, 3])
        await em.query(
          `insert into skm_responses (tenant_id, id, token_digest, plugin_id, service_code, agency_code, local_date, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
           values ($1, $2, $3, 'dukcapil', 'ktpel-penggantian', 'dukcapil', $4, $5, $5, $5, $5, $5, $5, $5, $5, $5, 'P', '25-34', 'S1', 'swasta')`,
          [t.id, randomUUID(), randomUUID().replace(/-/g, '').padEnd(64, '0'), localDate(new Date(), t.timeZone), u],
        );
    });
    const submittedAt = new Date().toISOString();
    const before = (await cockpitRow(t.slug)).row;
    assert.ok(before.applications.online === 0 || before.rollupAt >= submittedAt, 'the cockpit reads published rollups, not the raw tables');
    const r = await refreshRegionRollups(p.dbs, 'id-jakarta', p.app.services.onboarding, p.logger);
    assert.ok(r.tenants >= 1);
    const { body, row } = await cockpitRow(t.slug);
    assert.equal(row.applications.online, 1);
    assert.ok(row.lastOnlineAt && row.rollupAt);
    assert.equal(row.servicesInstalled, (await api(p, 'GET', `/api/v1/tenants/${t.slug}/standards`, { token: admin })).body.items.length);
    assert.equal(row.servicesLive, 0, 'no standar pelayanan published yet');
    assert.deepEqual(row.complaints, { open: 1, overdue: 0 });
    assert.deepEqual(row.skm, { responses: 2, ikm: 87.5, category: 'B' });
    const text = JSON.stringify(body);
    for (const secret of [NIK, NAME, 'warga.kbb', draft.body.trackingCode, 'Ruang tunggu penuh', complaint.body.trackingCode]) assert.ok(!text.includes(secret), `${secret} must not leave the region`);
    const csv = await fetch(`${p.url}/api/v1/national/tenants.csv`, { headers: { authorization: `Bearer ${analyst}` } });
    const csvText = await csv.text();
    assert.ok(!csvText.includes(NIK) && !csvText.includes(NAME));
  });

  it('raises alerts: no online uptake after launch (the KBB case), deadline passed without launch, SLA under the threshold', async () => {
    const quiet = await tenant('sepi');
    const today = localDate(new Date(), quiet.timeZone);
    const move = (slug: string, body: unknown) => api(p, 'POST', `/api/v1/tenants/${slug}/lifecycle`, { token: admin, body });
    assert.equal((await move(quiet.slug, { to: 'launched', on: plusDays(today, -18) })).status, 200);
    await insertApps(quiet, [{ channel: 'counter', status: 'submitted', submittedAt: new Date().toISOString() }]);
    const late = await tenant('telat');
    assert.equal((await move(late.slug, { to: 'committed', on: plusDays(today, -400) })).status, 200);
    assert.equal((await move(late.slug, { to: 'preparing', on: plusDays(today, -300) })).status, 200);
    const slow = await tenant('lambat', { mppStatus: 'operating' });
    const h = (n: number) => new Date(Date.now() - n * 3600_000).toISOString();
    await insertApps(slow, Array.from({ length: 12 }, (_, i) => ({ channel: 'online' as const, status: 'completed', submittedAt: h(30), completedAt: h(2), dueAt: i < 8 ? h(3) : h(1) })));
    for (const x of [quiet, late, slow]) await refreshTenant(p.dbs, await p.app.services.tenants.getBySlug(x.slug), p.app.services.onboarding);

    const r = await api(p, 'GET', '/api/v1/national/alerts', { token: analyst });
    assert.equal(r.status, 200);
    const of = (slug: string) => r.body.items.filter((a: { tenant: string }) => a.tenant === slug);
    const [uptake] = of(quiet.slug);
    assert.deepEqual([uptake.kind, uptake.severity, uptake.days, uptake.since], ['no-online-uptake', 'critical', 18, plusDays(today, -18)]);
    assert.match(uptake.message.id, /belum ada permohonan daring 18 hari setelah peluncuran/);
    const [deadline] = of(late.slug);
    assert.deepEqual([deadline.kind, deadline.days], ['deadline-passed', 35]);
    const [sla] = of(slow.slug);
    assert.deepEqual([sla.kind, sla.value, sla.threshold], ['sla-below-threshold', Math.round((4 / 12) * 10000) / 10000, 0.8]);
    // Thresholds are the analyst's to set: 20 days of silence is not yet an alert.
    const relaxed = await api(p, 'GET', '/api/v1/national/alerts?noOnlineDays=20&slaMin=0.3', { token: analyst });
    assert.equal(relaxed.body.items.filter((a: { tenant: string }) => a.tenant === quiet.slug || a.tenant === slow.slug).length, 0);
    // The tenant's own admin sees the same figures and alerts for its tenant only.
    const own = await api(p, 'GET', `/api/v1/tenants/${quiet.slug}/indicators`, { token: admin });
    assert.deepEqual(own.body.alerts.map((a: { kind: string }) => a.kind), ['no-online-uptake']);
  });

  it('exports CSV, serves the whole country to analysts only, and validates thresholds', async () => {
    const csv = await fetch(`${p.url}/api/v1/national/tenants.csv`, { headers: { authorization: `Bearer ${analyst}` } });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="satupintu-tenants-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines[0]!.split(',')[0], 'kode_wilayah');
    const lebong = lines.find((l) => l.startsWith('17.07,'))!.split(',');
    assert.deepEqual([lebong[1], lebong[6], lebong[7], lebong[8]], ['kab-lebong', 'operating', '2021-03-09', '2022-03-09']);
    const weekly = await fetch(`${p.url}/api/v1/national/weekly.csv?weeks=8`, { headers: { authorization: `Bearer ${analyst}` } });
    assert.equal((await weekly.text()).trimEnd().split('\r\n').length, 9);

    const { body } = await cockpitRow('kab-lebong');
    assert.equal(body.totals.tenants, body.tenants.length);
    assert.ok(body.totals.byStatus.operating >= 3);
    for (const who of ['warga.kbb', 'admin.kbb', 'petugas.dukcapil.kbb']) assert.equal((await api(p, 'GET', '/api/v1/national/cockpit', { token: await tokenFor(p, who) })).status, 403, who);
    assert.equal((await api(p, 'GET', '/api/v1/national/cockpit')).status, 401);
    assert.equal((await api(p, 'GET', '/api/v1/tenants/kab-lebong/indicators', { token: await tokenFor(p, 'admin.kbb') })).status, 403);
    const bad = await api(p, 'GET', '/api/v1/national/cockpit?slaMin=2&windowWeeks=0', { token: analyst });
    assert.deepEqual([bad.status, bad.body.code], [400, 'QUERY_INVALID']);
  });

  it('publishes through the every-minute job on its own (monitoring.rollup), within about a minute', async function () {
    this.timeout(150_000);
    let row: { rollupAt: string | null } | undefined;
    while (Date.now() - watched.createdAt < 140_000) {
      row = (await cockpitRow(watched.slug)).row;
      if (row?.rollupAt) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    assert.ok(row?.rollupAt, 'the region published the new tenant without any manual refresh');
    console.log(`      published by the job ${Math.round((Date.parse(row!.rollupAt!) - watched.createdAt) / 1000)} s after the tenant was created`);
  });
});
