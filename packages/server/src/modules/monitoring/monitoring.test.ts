import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import pg from 'pg';
import { PDFDocument } from 'pdf-lib';
import { ManualClock, commitmentDeadline, daysBetween, isoWeekStart, listRegencies, localDate, localDateTime, plusDays, type Tenant } from '@satupintu/core';
import { identityFromClaims } from '@satupintu/auth';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { workContext } from '../../context.js';
import type { JobSpec } from '../../jobs/spec.js';
import { ROLLUP_CRON, ROLLUP_JOB, refreshTenant, type RollupDeps } from './rollup.js';

const NIK = '3217014507850002';
const NAME = 'Siti Rahmawati Monitoring';
const DAY = 86_400_000;

/**
 * Every rule here reads one pinned clock, never the machine's: by default Monday 7 December 2026,
 * 00:30 WIB (still Sunday in UTC — the hour that used to break this suite); another instant with
 * SATUPINTU_TEST_NOW=2026-12-06T16:30:00Z (Sunday 23:30 WIB), or any other.
 */
const NOW = process.env.SATUPINTU_TEST_NOW ?? '2026-12-06T17:30:00Z';

describe(`national monitoring: rollups, cockpit, alerts, CSV (clock pinned to ${NOW})`, () => {
  let p: Platform;
  let admin: string;
  let analyst: string;
  let clock: ManualClock;
  let deps: RollupDeps;
  before(async () => {
    p = sharedPlatform();
    clock = new ManualClock(NOW);
    [admin, analyst] = await Promise.all([tokenFor(p, 'admin.platform'), tokenFor(p, 'analis.kemenpanrb')]);
    deps = { uow: p.kernel.uow, tenants: p.services.tenants, readiness: p.services.onboarding.standards };
  });

  /** A new tenant in a WIB regency (so its weeks are the cockpit's Jakarta weeks at any instant). */
  async function tenant(prefix: string, body: Record<string, unknown> = {}, homeRegion = 'id-jakarta'): Promise<Tenant> {
    const taken = new Set((await p.services.tenants.list()).map((t) => t.code));
    const free = listRegencies().filter((r) => r.timeZone === 'Asia/Jakarta' && !taken.has(r.code));
    const code = free[Math.floor(Math.random() * free.length)]!.code;
    const slug = `${prefix}-${randomUUID().slice(0, 6)}`;
    const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion, ...body } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return p.services.tenants.get(slug);
  }

  const ctxOf = (slug: string) => p.context({ tenant: slug, clock });
  const refresh = async (slug: string) => refreshTenant(deps, await ctxOf(slug));
  const cockpitCtx = () => workContext({ clock, log: p.logger, route: 'test' });
  const cockpitRow = async (slug: string) => {
    const body = await p.services.cockpit.overview(cockpitCtx());
    return { body, row: body.tenants.find((x) => x.slug === slug) };
  };
  const rollupSpec = (): JobSpec => {
    const spec = p.modules.flatMap((m) => m.jobs ?? []).find((j) => j.name === ROLLUP_JOB);
    assert.ok(spec, `${ROLLUP_JOB} is a job of a composed module`);
    return spec;
  };

  /** Applications written straight into the region (as the app role, under RLS) with chosen times. */
  async function insertApps(t: Tenant, rows: { channel: 'online' | 'assisted' | 'counter'; status: string; submittedAt: Date; completedAt?: Date; dueAt?: Date }[]) {
    return asTenant(p, t, async (sql) => {
      const ids: string[] = [];
      for (const r of rows) {
        const id = randomUUID();
        ids.push(id);
        await sql.exec(
          `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role,
             channel, consent, status, state, submitted_at, completed_at, due_at)
           values ($1, $2, $3, 'dukcapil', '1.0.0', 'sha256:x', 'ktpel-penggantian', 'dukcapil', $4, 'sub', $5, $6, $7, $8, 's', $9, $10, $11)`,
          [t.id, id, randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase().replace(/(.{4})/, '$1-'), JSON.stringify({ nik: NIK, name: NAME }), r.channel === 'online' ? 'citizen' : 'officer',
            r.channel, r.channel === 'online' ? null : JSON.stringify({ by: 'officer' }), r.status, r.submittedAt, r.completedAt ?? null, r.dueAt ?? null],
        );
      }
      return ids;
    });
  }

  it('folds trigger deltas into weekly counts by channel in the tenant’s time zone; status changes move counts exactly once', async () => {
    const t = await tenant('mon');
    const now = clock.now();
    const monday = isoWeekStart(localDate(now, t.timeZone));
    const lastSunday = plusDays(monday, -1);
    const at = (date: string, time: string) => localDateTime(date, time, t.timeZone);
    const weekStart = at(monday, '00:00');
    const pastDue = new Date(now.getTime() - DAY);
    const farDue = new Date(now.getTime() + 3650 * DAY);
    const [onlineA] = await insertApps(t, [
      { channel: 'online', status: 'submitted', submittedAt: weekStart, dueAt: farDue },
      { channel: 'online', status: 'submitted', submittedAt: weekStart, dueAt: farDue },
      { channel: 'assisted', status: 'submitted', submittedAt: weekStart, dueAt: pastDue },
      { channel: 'counter', status: 'completed', submittedAt: weekStart, completedAt: weekStart, dueAt: farDue },
      { channel: 'counter', status: 'completed', submittedAt: weekStart, completedAt: weekStart, dueAt: at(lastSunday, '23:00') },
      { channel: 'counter', status: 'draft', submittedAt: weekStart },
    ]);
    // Sunday 23:30 local time is still last week; Monday 00:30 is this week (ISO weeks in the tenant's zone).
    await insertApps(t, [
      { channel: 'counter', status: 'withdrawn', submittedAt: at(lastSunday, '23:30') },
      { channel: 'online', status: 'submitted', submittedAt: at(monday, '00:30'), dueAt: farDue },
    ]);
    // (The every-minute job may fold some of these first: the figures are the same whoever folds.)
    await refresh(t.slug);
    let { row } = await cockpitRow(t.slug);
    assert.ok(row);
    assert.deepEqual(row.applications, { online: 3, assisted: 1, counter: 3, total: 7 }, 'drafts never count; withdrawn ones were filed');
    assert.equal(row.onlineShare, Math.round((4 / 7) * 10000) / 10000, 'assisted counts as online (domain.md §5)');
    assert.equal(row.selfServiceShare, Math.round((3 / 7) * 10000) / 10000);
    assert.deepEqual([row.completed, row.slaCompliance, row.overdue, row.openApplications], [2, 0.5, 1, 4]);
    const weekly = await p.services.cockpit.weekly(cockpitCtx(), { weeks: 2, tenantId: t.id });
    assert.deepEqual(
      weekly.map((w) => [w.weekStart, w.online, w.assisted, w.counter]),
      [
        [plusDays(monday, -7), 0, 0, 1],
        [monday, 3, 1, 2],
      ],
    );

    // The officer completes an online application: it stays one submission, and becomes a completion.
    // Deltas written by this transaction (xmin), counted before anyone can fold them.
    const mine = `select coalesce(sum(submitted), 0)::int s, coalesce(sum(completed), 0)::int c, count(*)::int n from rollup_deltas where xmin::text = pg_current_xact_id()::text`;
    const completedDeltas = await asTenant(p, t, async (sql) => {
      await sql.exec(`update applications set status = 'completed', completed_at = $2, state = 'selesai' where id = $1`, [onlineA, at(monday, '00:10')]);
      return sql.one<{ s: number; c: number; n: number }>(mine);
    });
    assert.deepEqual(completedDeltas, { s: 0, c: 1, n: 3 }, 'old submission out, new submission in, one completion');
    const noDeltas = await asTenant(p, t, async (sql) => {
      await sql.exec(`update applications set state = 'verifikasi', version = version + 1 where id <> $1`, [onlineA]);
      return sql.one<{ n: number }>(mine);
    });
    assert.equal(noDeltas.n, 0, 'an update that touches no counted column writes no delta');
    await refresh(t.slug);
    ({ row } = await cockpitRow(t.slug));
    assert.deepEqual([row?.applications.total, row?.completed, row?.slaCompliance, row?.openApplications], [7, 3, Math.round((2 / 3) * 10000) / 10000, 3]);
    const idle = await refresh(t.slug);
    assert.deepEqual(idle, { deltas: 0, weeks: 0 }, 'nothing changed, nothing republished');
    const state = await asTenant(p, t, (sql) => sql.one<{ published_at: Date | null; snapshot_hash: string | null }>(`select published_at, snapshot_hash from rollup_state`));
    assert.ok(state.published_at && /^[0-9a-f]{64}$/.test(state.snapshot_hash ?? ''));
  });

  it('counts a real online application once the region publishes; no personal data reaches the cockpit', async function () {
    this.timeout(60_000);
    const t = await tenant('api', { mppStatus: 'operating' });
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${t.slug}/installations/dukcapil`, { token: admin, body: { version: '1.1.0' } })).status, 200);
    const citizenToken = await tokenFor(p, 'warga.kbb');
    // Filed through the services at the pinned clock: a draft, its two documents (to S3), the submission.
    const citizen = await p.context({ tenant: t.slug, clock, identity: identityFromClaims(claimsOf(citizenToken)) });
    const { applications, documents } = p.services;
    const draft = await applications.create(citizen, { service: 'dukcapil.ktpel-penggantian', data: { nik: NIK, noKk: '3217011503120004', namaLengkap: NAME, alasan: 'perubahan_data', noHp: '081234567891' } });
    const d = await PDFDocument.create();
    d.addPage().drawText('KK');
    const pdf = Buffer.from(await d.save());
    for (const code of ['kk', 'bukti-perubahan']) await documents.upload(citizen, draft.id, code, Readable.from(pdf), `${code}.pdf`);
    const submitted = await applications.submit(citizen, draft.id);
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.submittedAt, clock.now().toISOString());
    // A complaint about the tenant through the API (the complaints module), and two SKM answers
    // (all 4s and all 3s: NRR 3.5, IKM 87.5, category B).
    const complaint = await api(p, 'POST', `/api/v1/tenants/${t.slug}/complaints`, {
      token: citizenToken,
      body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Ruang tunggu penuh', body: 'Kursi ruang tunggu kurang pada hari Senin pagi.' },
    });
    assert.equal(complaint.status, 201, JSON.stringify(complaint.body));
    await asTenant(p, t, async (sql) => {
      for (const u of [4, 3])
        await sql.exec(
          `insert into skm_responses (tenant_id, id, token_digest, plugin_id, service_code, agency_code, local_date, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
           values ($1, $2, $3, 'dukcapil', 'ktpel-penggantian', 'dukcapil', $4, $5, $5, $5, $5, $5, $5, $5, $5, $5, 'P', '25-34', 'S1', 'swasta')`,
          [t.id, randomUUID(), randomUUID().replace(/-/g, '').padEnd(64, '0'), localDate(clock.now(), t.timeZone), u],
        );
    });
    const before = (await cockpitRow(t.slug)).row;
    assert.ok(before?.applications.online === 0 || before?.rollupAt, 'the cockpit reads published rollups (the job may have published already), never the raw tables');
    // The job itself, run at once for the region at the pinned clock.
    const r = await rollupSpec().run({ region: 'id-jakarta', jobId: 'test', now: clock.now(), clock, log: p.logger }, { region: 'id-jakarta' });
    assert.ok(r && typeof r === 'object' && 'tenants' in r && typeof r.tenants === 'number' && r.tenants >= 1);
    const { body, row } = await cockpitRow(t.slug);
    assert.ok(row);
    assert.equal(row.applications.online, 1);
    assert.ok(row.lastOnlineAt && row.rollupAt);
    assert.equal(row.servicesInstalled, (await p.services.onboarding.services(await ctxOf(t.slug))).length);
    assert.equal(row.servicesLive, 0, 'no standar pelayanan published yet');
    assert.deepEqual(row.complaints, { open: 1, overdue: 0 });
    assert.deepEqual(row.skm, { responses: 2, ikm: 87.5, category: 'B' });
    const text = JSON.stringify(body);
    for (const secret of [NIK, NAME, 'warga.kbb', draft.trackingCode, 'Ruang tunggu penuh', complaint.body.trackingCode]) assert.ok(!text.includes(secret), `${secret} must not leave the region`);
    const csv = await fetch(`${p.url}/api/v1/national/tenants.csv`, { headers: { authorization: `Bearer ${analyst}` } });
    const csvText = await csv.text();
    assert.ok(!csvText.includes(NIK) && !csvText.includes(NAME));
  });

  it('raises alerts: no online uptake after launch (the KBB case), deadline passed without launch, SLA under the threshold', async () => {
    const { onboarding, cockpit } = p.services;
    const now = clock.now();
    const today = localDate(now, 'Asia/Jakarta');
    const quiet = await tenant('sepi');
    await onboarding.move(await ctxOf(quiet.slug), { to: 'launched', on: plusDays(today, -18) }, 'admin.platform');
    await insertApps(quiet, [{ channel: 'counter', status: 'submitted', submittedAt: new Date(now.getTime() - 3_600_000) }]);
    const late = await tenant('telat');
    const committedOn = plusDays(today, -400);
    await onboarding.move(await ctxOf(late.slug), { to: 'committed', on: committedOn }, 'admin.platform');
    await onboarding.move(await ctxOf(late.slug), { to: 'preparing', on: plusDays(today, -300) }, 'admin.platform');
    const slow = await tenant('lambat', { mppStatus: 'operating' });
    const h = (n: number) => new Date(now.getTime() - n * 3_600_000);
    await insertApps(slow, Array.from({ length: 12 }, (_, i) => ({ channel: 'online' as const, status: 'completed', submittedAt: h(30), completedAt: h(2), dueAt: i < 8 ? h(3) : h(1) })));
    for (const x of [quiet, late, slow]) await refresh(x.slug);

    const ctx = cockpitCtx();
    const items = cockpit.alerts(ctx, (await cockpit.tenants(ctx)).tenants);
    const of = (slug: string) => items.filter((a) => a.tenant === slug);
    const [uptake] = of(quiet.slug);
    assert.deepEqual([uptake?.kind, uptake?.severity, uptake?.days, uptake?.since], ['no-online-uptake', 'critical', 18, plusDays(today, -18)]);
    assert.match(uptake?.message.id ?? '', /belum ada permohonan daring 18 hari setelah peluncuran/);
    const [deadline] = of(late.slug);
    assert.deepEqual([deadline?.kind, deadline?.days], ['deadline-passed', daysBetween(commitmentDeadline(committedOn), today)]);
    const [sla] = of(slow.slug);
    assert.deepEqual([sla?.kind, sla?.value, sla?.threshold], ['sla-below-threshold', Math.round((4 / 12) * 10000) / 10000, 0.8]);
    // Thresholds are the analyst's to set: 20 days of silence is not yet an alert.
    const relaxed = cockpit.alerts(ctx, (await cockpit.tenants(ctx)).tenants, { noOnlineDays: 20, slaMin: 0.3 });
    assert.equal(relaxed.filter((a) => a.tenant === quiet.slug || a.tenant === slow.slug).length, 0);
    // Over HTTP: the analysts' alerts, and the tenant's own admin sees the same alerts for its tenant only.
    const r = await api(p, 'GET', '/api/v1/national/alerts?noOnlineDays=14', { token: analyst });
    assert.equal(r.status, 200);
    assert.ok(r.body.items.some((a: { tenant: string; kind: string }) => a.tenant === quiet.slug && a.kind === 'no-online-uptake'));
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

    const cockpit = await api(p, 'GET', '/api/v1/national/cockpit', { token: analyst });
    assert.equal(cockpit.status, 200);
    assert.equal(cockpit.body.totals.tenants, cockpit.body.tenants.length);
    assert.ok(cockpit.body.totals.byStatus.operating >= 3);
    for (const who of ['warga.kbb', 'admin.kbb', 'petugas.dukcapil.kbb']) assert.equal((await api(p, 'GET', '/api/v1/national/cockpit', { token: await tokenFor(p, who) })).status, 403, who);
    assert.equal((await api(p, 'GET', '/api/v1/national/cockpit')).status, 401);
    assert.equal((await api(p, 'GET', '/api/v1/tenants/kab-lebong/indicators', { token: await tokenFor(p, 'admin.kbb') })).status, 403);
    const bad = await api(p, 'GET', '/api/v1/national/cockpit?slaMin=2&windowWeeks=0', { token: analyst });
    assert.deepEqual([bad.status, bad.body.code], [400, 'QUERY_INVALID']);
    const unknown = await api(p, 'GET', '/api/v1/national/weekly?tenant=kab-atlantis', { token: analyst });
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'TENANT_NOT_FOUND']);
  });

  it('answers the whole country, never cut: the cockpit, the alerts, the weekly series and both CSV files', async () => {
    const directory = await p.services.tenants.list({ sandbox: false });
    const cockpit = await api(p, 'GET', '/api/v1/national/cockpit', { token: analyst });
    assert.equal(cockpit.status, 200);
    assert.equal(cockpit.body.tenants.length, directory.length, 'one row per tenant of the directory');
    assert.deepEqual(cockpit.body.tenants.map((t: { code: string }) => t.code), directory.map((t) => t.code), 'in code order');
    assert.equal(cockpit.body.totals.tenants, directory.length);
    const jakarta = await api(p, 'GET', '/api/v1/national/cockpit?region=id-jakarta', { token: analyst });
    assert.equal(jakarta.body.tenants.length, directory.filter((t) => t.homeRegion === 'id-jakarta').length);

    const csv = await fetch(`${p.url}/api/v1/national/tenants.csv`, { headers: { authorization: `Bearer ${analyst}` } });
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines.length, directory.length + 1, 'a header and every tenant');

    const alerts = await api(p, 'GET', '/api/v1/national/alerts', { token: analyst });
    assert.equal(alerts.status, 200);
    assert.ok(alerts.body.items.length <= 2 * directory.length, 'at most two alerts per tenant');

    const weekly = await api(p, 'GET', '/api/v1/national/weekly?weeks=8', { token: analyst });
    assert.equal(weekly.status, 200);
    assert.deepEqual([weekly.body.tenant, weekly.body.region, weekly.body.items.length], [null, null, 8]);
    const lebong = await api(p, 'GET', '/api/v1/national/weekly?weeks=3&tenant=kab-lebong', { token: analyst });
    assert.deepEqual([lebong.body.tenant, lebong.body.items.length], ['kab-lebong', 3]);
    const own = await api(p, 'GET', '/api/v1/tenants/kab-lebong/indicators?weeks=2', { token: analyst });
    assert.equal(own.status, 200);
    assert.deepEqual([own.body.indicators.slug, own.body.weekly.length], ['kab-lebong', 2]);
    const unknown = await fetch(`${p.url}/api/v1/national/weekly.csv?tenant=kab-atlantis`, { headers: { authorization: `Bearer ${analyst}` } });
    assert.equal(unknown.status, 404);
  });

  it('publishes through monitoring.rollup: scheduled every minute in every region, and run at once by runJob', async () => {
    // The schedule is the JobSpec's, and every region's queue holds it (pg-boss, UTC).
    assert.equal(rollupSpec().cron, ROLLUP_CRON);
    assert.equal(ROLLUP_CRON, '* * * * *');
    for (const [region, url] of Object.entries(p.infra.regionDatabaseUrls)) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const { rows } = await c.query<{ cron: string; region: string }>(`select cron, data->>'region' as region from pgboss.schedule where name = $1`, [ROLLUP_JOB]);
        assert.deepEqual(rows, [{ cron: ROLLUP_CRON, region }], `scheduled in ${region}`);
      } finally {
        await c.end();
      }
    }
    // A tenant nobody refreshes by hand: the job (as a worker runs it when it comes due) publishes it.
    const watched = await tenant('job', { mppStatus: 'operating' }, 'id-batam');
    const [result] = await p.runJob(ROLLUP_JOB, { region: 'id-batam' });
    assert.ok(result && typeof result === 'object' && 'failed' in result && result.failed === 0, JSON.stringify(result));
    const { row } = await cockpitRow(watched.slug);
    assert.ok(row?.rollupAt, 'the region published the new tenant');
    assert.equal(row?.homeRegion, 'id-batam');
  });
});
