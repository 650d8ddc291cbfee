import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { isoWeekStart, localDate, plusDays, type Tenant } from '@satupintu/core';
import { api, asTenant, reissuedToken, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { refreshTenant, type RollupDeps } from '../monitoring/index.js';
import { visitsPerTenant } from './visits.js';

const NIK = '3217014507850002';
const NAME = 'Budi Santoso Riwayat';

/**
 * A regency brings its past from the systems it ran before: each kind imported (CSV and JSON),
 * checked row by row, re-imported without a duplicate, and seen in the national figures, the IKM
 * report, the complaint counts and the visits — with the original dates, and no name or NIK stored.
 */
describe('history import and visits (ADR 0032)', () => {
  let p: Platform;
  let t: Tenant;
  let admin: string;
  let otherAdmin: string;
  let analyst: string;
  let deps: RollupDeps;
  // Two Mondays 20 and 19 weeks back: older than the rollup's 13-week window of sessions and SKM.
  let w0: string;
  let w1: string;
  let lastWeek: string;
  const at = (date: string, time: string) => `${date} ${time}`;

  before(async function () {
    p = sharedPlatform();
    // Tokens with other claims are signed by the embedded issuer's key: the Keycloak conformance tier has none.
    if (!p.issuer) this.skip();
    const platformAdmin = await tokenFor(p, 'admin.platform');
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `riwayat-${randomUUID().slice(0, 6)}`;
    const r = await api(p, 'POST', '/api/v1/tenants', { token: platformAdmin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    t = await p.services.tenants.get(slug);
    otherAdmin = await tokenFor(p, 'admin.lebong');
    admin = await reissuedToken(p, otherAdmin, { memberships: [`/tenants/${slug}/tenant-admin`] });
    analyst = await tokenFor(p, 'analis.kemenpanrb');
    deps = { uow: p.kernel.uow, tenants: p.services.tenants, readiness: p.services.onboarding.standards };
    const monday = isoWeekStart(localDate(p.clock.now(), t.timeZone));
    w0 = plusDays(monday, -140);
    w1 = plusDays(w0, 7);
    lastWeek = plusDays(monday, -7);
  });

  const post = (body: Record<string, unknown>, token = admin) => api(p, 'POST', `/api/v1/tenants/${t.slug}/imports`, { token, body });
  const refresh = async () => refreshTenant(deps, await p.context({ tenant: t.slug }));

  it('refuses the analyst and other tenants’ admins on the import endpoints (403), and unreadable files with 422', async () => {
    const body = { kind: 'visits', format: 'json', data: [] };
    for (const token of [analyst, otherAdmin]) {
      const r = await post(body, token);
      assert.equal(r.status, 403, JSON.stringify(r.body));
      const l = await api(p, 'GET', `/api/v1/tenants/${t.slug}/imports`, { token });
      assert.equal(l.status, 403);
    }
    assert.equal((await post(body, analyst)).body.code, 'ROLE_REQUIRED');
    const bad = await post({ kind: 'applications', format: 'csv', data: 'external_id,agency\n"A-1,dukcapil\n' });
    assert.equal(bad.status, 422, JSON.stringify(bad.body));
    assert.equal(bad.body.code, 'IMPORT_FILE_UNREADABLE');
    assert.equal(bad.body.errors[0].pointer, '/data');
    // Malformed requests are 4xx problems naming what is wrong, never a 500.
    const cases: [unknown, number, string][] = [
      [{}, 422, 'BODY_INVALID'],
      [{ kind: 'payments', format: 'csv', data: 'a' }, 422, 'BODY_INVALID'],
      [{ kind: 'skm', format: 'json', data: 'not json rows' }, 422, 'IMPORT_FILE_UNREADABLE'],
      [{ kind: 'skm', format: 'csv', data: [{ u1: 1 }] }, 422, 'IMPORT_FILE_UNREADABLE'],
      [{ kind: 'skm', format: 'json', data: { rows: 'x' } }, 422, 'IMPORT_FILE_UNREADABLE'],
      [{ kind: 'visits', format: 'csv', data: 'waktu,instansi,jenis\n' }, 422, 'IMPORT_FILE_EMPTY'],
      [{ kind: 'visits', format: 'json', data: [] }, 422, 'IMPORT_FILE_EMPTY'],
      [{ kind: 'visits', format: 'json', data: [{ waktu: { a: 1 }, instansi: ['x'], jenis: 1 }], dryRun: true }, 200, ''],
    ];
    for (const [body, status, code] of cases) {
      const r = await api(p, 'POST', `/api/v1/tenants/${t.slug}/imports`, { token: admin, body });
      assert.equal(r.status, status, `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
      if (code) assert.equal(r.body.code, code);
      else assert.deepEqual(r.body.rejections.map((x: { field: string }) => x.field), ['visited_at']);
    }
  });

  it('imports a file of 5,000 rows in one batch (equal rows without an id are distinct visits) and refuses a larger one with 413', async () => {
    const day = plusDays(w0, -7);
    const lines = Array.from({ length: 5000 }, (_, i) => `${at(day, `${String(8 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`)},dukcapil,langsung`);
    const header = 'waktu,instansi,jenis';
    const started = performance.now();
    const r = await post({ kind: 'visits', format: 'csv', data: [header, ...lines].join('\n') });
    const ms = performance.now() - started;
    assert.equal(r.status, 201, JSON.stringify(r.body).slice(0, 500));
    assert.deepEqual([r.body.rows, r.body.accepted, r.body.rejected], [5000, 5000, 0]);
    assert.ok(ms < 30_000, `5,000 rows in ${Math.round(ms)} ms`);
    const again = await post({ kind: 'visits', format: 'csv', data: [header, ...lines].join('\n') });
    assert.deepEqual([again.body.accepted, again.body.alreadyImported], [0, 5000]);
    const big = await post({ kind: 'visits', format: 'csv', data: [header, ...lines, lines[0]].join('\n') });
    assert.equal(big.status, 413, JSON.stringify(big.body).slice(0, 300));
    assert.equal(big.body.code, 'IMPORT_TOO_MANY_ROWS');
    const n = await asTenant(p, t, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from history_visits where local_date = $1`, [day]));
    assert.equal(n.n, 5000, 'the refused file stored nothing');
  });

  it('imports applications from CSV: a row report with reasons, a dry run that stores nothing, an idempotent re-import, no personal column stored', async () => {
    const future = plusDays(localDate(p.clock.now(), t.timeZone), 3);
    const csv = [
      'external_id,nama,nik,instansi,layanan,kanal,waktu_masuk,waktu_selesai,status,tepat_waktu',
      `A-1,${NAME},${NIK},dukcapil,ktpel-penggantian,online,${at(w0, '09:00')},${at(plusDays(w0, 2), '10:00')},selesai,ya`,
      `A-2,${NAME},${NIK},dukcapil,ktpel-penggantian,offline,${at(w0, '10:00')},${at(plusDays(w0, 5), '10:00')},selesai,tidak`,
      `A-3,${NAME},${NIK},dukcapil,ktpel-penggantian,dibantu,${at(w1, '08:00')},,proses,`,
      `A-4,${NAME},${NIK},dukcapil,ktpel-penggantian,online,${at(w1, '08:00')},,selesai,ya`,
      `A-5,${NAME},${NIK},,ktpel-penggantian,online,${at(w1, '08:00')},,proses,`,
      `A-6,${NAME},${NIK},dukcapil,ktpel-penggantian,faks,${at(w1, '08:00')},,proses,`,
      `A-7,${NAME},${NIK},dukcapil,ktpel-penggantian,online,${at(future, '08:00')},,proses,`,
      `A-8,${NAME},${NIK},dukcapil,ktpel-penggantian,online,${at(lastWeek, '09:00')},,proses,`,
    ].join('\r\n');
    const dry = await post({ kind: 'applications', format: 'csv', data: csv, dryRun: true });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual([dry.body.batch, dry.body.rows, dry.body.accepted, dry.body.rejected, dry.body.alreadyImported], [null, 8, 4, 4, 0]);
    assert.deepEqual(dry.body.personalColumnsDropped, ['nama', 'nik']);
    assert.match(dry.body.notices[0].id, /data pribadi tidak disimpan/);
    assert.deepEqual(
      dry.body.rejections.map((x: { row: number; field: string }) => [x.row, x.field]),
      [[4, 'completed_at'], [5, 'agency'], [6, 'channel'], [7, 'submitted_at']],
    );
    assert.match(dry.body.rejections[3].reason.en, /future/);
    assert.match(dry.body.rejections[3].reason.id, /masa depan/);
    const before = (await api(p, 'GET', `/api/v1/tenants/${t.slug}/imports`, { token: admin })).body.items;
    assert.equal(before.filter((b: { kind: string }) => b.kind === 'applications').length, 0, 'a dry run stores no batch');

    const first = await post({ kind: 'applications', format: 'csv', data: csv });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.deepEqual([first.body.accepted, first.body.rejected, first.body.alreadyImported, first.body.earliest, first.body.latest], [4, 4, 0, w0, lastWeek]);
    const again = await post({ kind: 'applications', format: 'csv', data: csv });
    assert.deepEqual([again.status, again.body.accepted, again.body.rejected, again.body.alreadyImported], [201, 0, 4, 4], 'the same file twice stores nothing twice');
    assert.notEqual(again.body.batch, first.body.batch);

    const stored = await asTenant(p, t, (sql) =>
      sql.one<{ n: number; personal: number; first: Date }>(
        `select count(*)::int as n, count(*) filter (where row_to_json(h)::text like '%' || $1 || '%' or row_to_json(h)::text like '%' || $2 || '%')::int as personal,
                min(submitted_at) as first from history_applications h`,
        [NIK, NAME],
      ),
    );
    assert.equal(stored.n, 4);
    assert.equal(stored.personal, 0, 'no NIK and no name stored');
    assert.equal(localDate(stored.first, t.timeZone), w0, 'the original time is kept');

    const list = await api(p, 'GET', `/api/v1/tenants/${t.slug}/imports`, { token: admin });
    assert.equal(list.status, 200);
    const apps = list.body.items.filter((b: { kind: string }) => b.kind === 'applications');
    assert.deepEqual(apps.map((b: { accepted: number; alreadyImported: number }) => [b.accepted, b.alreadyImported]), [[0, 4], [4, 0]]);
    assert.deepEqual(apps[0].personalColumnsDropped, ['nama', 'nik']);
  });

  it('imports visits from JSON and counts them per period and agency, for the regency and nationally', async () => {
    const rows = [
      { id: 'V-1', waktu: at(w0, '08:00'), instansi: 'dukcapil', jenis: 'langsung', nik: NIK },
      { id: 'V-2', waktu: `${w0}T09:30:00+07:00`, instansi: 'imigrasi', jenis: 'janji' },
      { id: 'V-3', waktu: at(w1, '08:00'), instansi: 'dukcapil', jenis: 'walk-in' },
      { id: 'V-4', waktu: 'kemarin', instansi: 'dukcapil', jenis: 'walk-in' },
    ];
    const r = await post({ kind: 'visits', format: 'json', data: rows });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual([r.body.accepted, r.body.rejected, r.body.rejections[0].row, r.body.rejections[0].field], [3, 1, 4, 'visited_at']);
    assert.deepEqual(r.body.personalColumnsDropped, ['nik']);
    const again = await post({ kind: 'visits', format: 'json', data: { rows } });
    assert.deepEqual([again.body.accepted, again.body.alreadyImported], [0, 3]);

    // Another system numbering its visits from 1 too: named as its own source, its V-1 is another visit.
    const other = await post({ kind: 'visits', format: 'json', source: 'antrean-2023', data: [{ id: 'V-1', waktu: at(plusDays(w1, 1), '08:00'), instansi: 'imigrasi', jenis: 'walk-in' }] });
    assert.deepEqual([other.status, other.body.accepted, other.body.source], [201, 1, 'antrean-2023']);

    const weekly = await api(p, 'GET', `/api/v1/tenants/${t.slug}/visits?from=${w0}&to=${plusDays(w1, 6)}&by=week`, { token: admin });
    assert.equal(weekly.status, 200, JSON.stringify(weekly.body));
    assert.equal(weekly.body.total, 4);
    assert.deepEqual(
      weekly.body.items.map((i: { period: string; agency: string; walkIn: number; booked: number }) => [i.period, i.agency, i.walkIn, i.booked]),
      [[w0, 'dukcapil', 1, 0], [w0, 'imigrasi', 0, 1], [w1, 'dukcapil', 1, 0], [w1, 'imigrasi', 1, 0]],
    );

    // Live visits of last week: a booking checked in, a walk-in seat served, a no-show (not a visit), a walk-in queue ticket.
    await asTenant(p, t, async (sql) => {
      const session = randomUUID();
      const starts = new Date(`${lastWeek}T08:00:00+07:00`);
      await sql.exec(
        `insert into sessions (tenant_id, id, plugin_id, service_code, agency_code, local_date, start_time, end_time, starts_at, ends_at, capacity, online_capacity, booked_online, booked_walkin)
         values ($1, $2, 'dukcapil', 'ktpel-penggantian', 'dukcapil', $3, '08:00', '12:00', $4, $5, 10, 5, 2, 1)`,
        [t.id, session, lastWeek, starts, new Date(starts.getTime() + 4 * 3_600_000)],
      );
      for (const [channel, status] of [['online', 'checked-in'], ['walk-in', 'served'], ['online', 'no-show']])
        await sql.exec(`insert into bookings (tenant_id, id, session_id, applicant_sub, channel, status) values ($1, $2, $3, $4, $5, $6)`, [t.id, randomUUID(), session, `warga-${randomUUID()}`, channel, status]);
      await sql.exec(
        `insert into queue_tickets (tenant_id, id, counter, local_date, queue_number, agency_code, service, application_id, status, issued_by_sub, issued_at)
         values ($1, $2, 'loket-1', $3, 1, 'dukcapil', 'dukcapil.ktpel-penggantian', $4, 'called', 'petugas', $5)`,
        [t.id, randomUUID(), lastWeek, randomUUID(), starts],
      );
    });
    const live = await api(p, 'GET', `/api/v1/tenants/${t.slug}/visits?from=${lastWeek}&to=${plusDays(lastWeek, 6)}&by=day`, { token: admin });
    assert.deepEqual(live.body.items, [{ period: lastWeek, agency: 'dukcapil', walkIn: 2, booked: 1, total: 3 }]);
    const asAnalyst = await api(p, 'GET', `/api/v1/tenants/${t.slug}/visits?from=${w0}&to=${plusDays(w1, 6)}&by=month`, { token: analyst });
    assert.equal(asAnalyst.status, 200);
    assert.equal(asAnalyst.body.total, 4);
    const badPeriod = await api(p, 'GET', `/api/v1/tenants/${t.slug}/visits?from=${w1}&to=${w0}`, { token: admin });
    assert.equal(badPeriod.status, 400);
    assert.equal(badPeriod.body.code, 'VISITS_PERIOD_INVALID');

    await refresh();
    const national = await api(p, 'GET', `/api/v1/national/visits?from=${w0}&to=${plusDays(w1, 6)}&by=week&tenant=${t.slug}`, { token: analyst });
    assert.equal(national.status, 200, JSON.stringify(national.body));
    assert.deepEqual(
      national.body.items.map((i: { tenant: string; period: string; walkIn: number; booked: number }) => [i.tenant, i.period, i.walkIn, i.booked]),
      [[t.slug, w0, 1, 1], [t.slug, w1, 2, 0]],
    );
    const recent = await api(p, 'GET', `/api/v1/national/visits?from=${lastWeek}&to=${plusDays(lastWeek, 6)}&by=month`, { token: analyst });
    assert.equal(recent.body.items.find((i: { tenant: string }) => i.tenant === t.slug)?.total, 3, 'live visits reach the national store too');
    assert.equal((await api(p, 'GET', `/api/v1/national/visits?from=${w0}&to=${w1}`, { token: admin })).status, 403, 'a tenant admin is not the ministry');
    // The function the Monev evidence pack reads.
    const monthly = await visitsPerTenant(p.kernel.control, { from: w0, to: plusDays(w1, 6), by: 'month', tenantId: t.id });
    assert.equal(monthly.reduce((n, m) => n + m.walkIn + m.booked, 0), 4);
  });

  it('a sandbox rehearses an import on its own; its visits never reach the national figures (ADR 0031)', async () => {
    const slug = `${t.slug}-latihan`;
    const made = await api(p, 'POST', `/api/v1/tenants/${t.slug}/sandboxes`, { token: admin, body: { slug } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const r = await api(p, 'POST', `/api/v1/tenants/${slug}/imports`, { token: admin, body: { kind: 'visits', format: 'json', data: [{ id: 'SB-1', waktu: at(w0, '08:00'), instansi: 'dukcapil', jenis: 'langsung' }] } });
    assert.deepEqual([r.status, r.body.accepted], [201, 1]);
    const own = await api(p, 'GET', `/api/v1/tenants/${slug}/visits?from=${w0}&to=${plusDays(w0, 6)}&by=week`, { token: admin });
    assert.equal(own.body.total, 1, 'the sandbox sees its own rehearsal');
    await refreshTenant(deps, await p.context({ tenant: slug }));
    const national = await api(p, 'GET', `/api/v1/national/visits?from=${w0}&to=${plusDays(w0, 6)}&by=week`, { token: analyst });
    assert.equal(national.status, 200);
    assert.ok(!national.body.items.some((i: { tenant: string }) => i.tenant === slug), 'no sandbox in the national figures');
    const named = await api(p, 'GET', `/api/v1/national/visits?from=${w0}&to=${plusDays(w0, 6)}&tenant=${slug}`, { token: analyst });
    assert.deepEqual([named.status, named.body.code], [404, 'TENANT_NOT_FOUND']);
    const production = await api(p, 'GET', `/api/v1/tenants/${t.slug}/visits?from=${w0}&to=${plusDays(w0, 6)}&by=week`, { token: admin });
    assert.equal(production.body.total, 2, 'the production tenant is untouched');
    // Gone again, so suites that count the directory against the national views see no sandbox.
    const deleted = await api(p, 'DELETE', `/api/v1/tenants/${slug}`, { token: admin });
    assert.ok(deleted.status === 204 || deleted.status === 200, JSON.stringify(deleted.body));
  });

  it('imports complaints (CSV with semicolons) and SKM answers (JSON); the complaint counts and the IKM report include them', async () => {
    const complaints = [
      'no_pengaduan;waktu_diterima;waktu_dijawab;dijawab_tepat_waktu;kanal;kategori;status;nama_pengadu',
      `C-1;${at(w0, '09:00')};${at(plusDays(w0, 1), '09:00')};ya;lapor;keluhan;selesai;${NAME}`,
      `C-2;${at(w0, '10:00')};;;loket;informasi;ditangani;`,
      `C-3;${at(w0, '11:00')};${at(w0, '10:00')};;loket;informasi;dijawab;`,
    ].join('\n');
    const c = await post({ kind: 'complaints', format: 'csv', data: complaints });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.deepEqual([c.body.accepted, c.body.rejected, c.body.rejections[0].row, c.body.rejections[0].field], [2, 1, 3, 'answered_at']);
    assert.deepEqual(c.body.personalColumnsDropped, ['nama_pengadu']);
    const stats = await api(p, 'GET', `/api/v1/tenants/${t.slug}/complaints/stats?from=${w0}&to=${plusDays(w0, 6)}`, { token: admin });
    assert.equal(stats.status, 200, JSON.stringify(stats.body));
    assert.deepEqual([stats.body.filed, stats.body.open, stats.body.answer.answered, stats.body.answer.onTime], [2, 1, 1, 1]);
    assert.deepEqual([stats.body.byCategory.keluhan, stats.body.byCategory.informasi, stats.body.byStatus.closed, stats.body.byKind.complaint], [1, 1, 1, 2]);

    const scores = (s: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, s]));
    const skm = {
      rows: [
        { no_kuesioner: 'S-1', tanggal: w0, instansi: 'dukcapil', layanan: 'ktpel-penggantian', ...scores(4), jenis_kelamin: 'P', pekerjaan: 'SWASTA' },
        { no_kuesioner: 'S-2', tanggal: plusDays(w0, 1), instansi: 'dukcapil', layanan: 'dukcapil.ktpel-penggantian', ...scores(3) },
        { no_kuesioner: 'S-3', tanggal: plusDays(w0, 1), instansi: 'dukcapil', layanan: 'ktpel-penggantian', ...scores(3), u5: 5 },
      ],
    };
    const s = await post({ kind: 'skm', format: 'json', data: skm });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    assert.deepEqual([s.body.accepted, s.body.rejected, s.body.rejections[0].field], [2, 1, 'u5']);
    assert.match(s.body.rejections[0].reason.id, /14\/2017/);
    assert.deepEqual(s.body.personalColumnsDropped, ['jenis_kelamin', 'pekerjaan']);
    assert.equal((await post({ kind: 'skm', format: 'json', data: skm })).body.alreadyImported, 2);
    const ikm = await api(p, 'GET', `/api/v1/tenants/${t.slug}/skm/ikm?from=${w0}&to=${plusDays(w0, 6)}`, { token: admin });
    assert.equal(ikm.status, 200, JSON.stringify(ikm.body));
    assert.equal(ikm.body.respondents, 2);
    assert.equal(ikm.body.ikm, 87.5, 'NRR 3.5 on every unsur × 25');
    const profile = await asTenant(p, t, (sql) => sql.one<{ sexes: string[] }>(`select array_agg(distinct sex) as sexes from skm_responses where import_batch_id is not null`));
    assert.deepEqual(profile.sexes, ['-'], 'the respondent profile is not kept');
  });

  it('the national figures show the imported past, weeks older than the rollup window included, and the cockpit counts it from day one', async () => {
    await refresh();
    const weekly = await api(p, 'GET', `/api/v1/national/weekly?tenant=${t.slug}&weeks=30`, { token: analyst });
    assert.equal(weekly.status, 200, JSON.stringify(weekly.body));
    const week = (d: string) => weekly.body.items.find((i: { weekStart: string }) => i.weekStart === d);
    assert.deepEqual([week(w0).online, week(w0).counter, week(w0).completed, week(w0).completedOnTime], [1, 1, 2, 1]);
    assert.equal(week(w1).assisted, 1);
    assert.equal(week(lastWeek).online, 1);
    const skmWeek = await p.kernel.control.one<{ n: number; sums: number[] }>(`select skm_responses as n, skm_sums as sums from national_weekly where tenant_id = $1 and week_start = $2`, [t.id, w0]);
    assert.deepEqual([skmWeek.n, skmWeek.sums[0]], [2, 7], 'an SKM week older than the 13-week window is published once');
    const batches = await api(p, 'GET', `/api/v1/tenants/${t.slug}/imports`, { token: admin });
    assert.ok(batches.body.items.every((b: { publishedAt: string | null }) => b.publishedAt !== null), 'every batch published');

    const cockpit = await api(p, 'GET', `/api/v1/national/cockpit`, { token: analyst });
    const row = cockpit.body.tenants.find((x: { slug: string }) => x.slug === t.slug);
    assert.ok(row);
    assert.equal(row.applications.online, 1, 'the imported application of last week is in the cockpit window');
    assert.ok(row.lastOnlineAt && localDate(new Date(row.lastOnlineAt), t.timeZone) === lastWeek);
    assert.ok(!JSON.stringify(cockpit.body).includes(NIK) && !JSON.stringify(cockpit.body).includes(NAME));

    // A later run with nothing new keeps the old weeks (they are never cleared by the usual window).
    await refresh();
    const still = await p.kernel.control.one<{ n: number }>(`select skm_responses as n from national_weekly where tenant_id = $1 and week_start = $2`, [t.id, w0]);
    assert.equal(still.n, 2);
    assert.equal((await visitsPerTenant(p.kernel.control, { from: w0, to: plusDays(w1, 6), by: 'week', tenantId: t.id })).length, 2);
  });

  it('reverts a wrong batch: its rows go, the national figures drop them at the next rollup, and the file can be imported again', async () => {
    const batches = (await api(p, 'GET', `/api/v1/tenants/${t.slug}/imports`, { token: admin })).body.items as { id: string; kind: string; accepted: number }[];
    const apps = batches.find((b) => b.kind === 'applications' && b.accepted === 4)!;
    const skm = batches.find((b) => b.kind === 'skm' && b.accepted === 2)!;
    const url = (id: string) => `/api/v1/tenants/${t.slug}/imports/${id}`;
    const denied = await api(p, 'DELETE', url(apps.id), { token: analyst });
    assert.deepEqual([denied.status, denied.body.code], [403, 'ROLE_REQUIRED']);
    assert.equal((await api(p, 'DELETE', url(randomUUID()), { token: admin })).body.code, 'IMPORT_BATCH_NOT_FOUND');

    const r = await api(p, 'DELETE', url(apps.id), { token: admin });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.revertedAt && r.body.publishedAt === null);
    const again = await api(p, 'DELETE', url(apps.id), { token: admin });
    assert.deepEqual([again.status, again.body.revertedAt], [200, r.body.revertedAt], 'reverting twice changes nothing');
    assert.equal((await api(p, 'DELETE', url(skm.id), { token: admin })).status, 200);

    await refresh();
    const weekly = await api(p, 'GET', `/api/v1/national/weekly?tenant=${t.slug}&weeks=30`, { token: analyst });
    const week = (d: string) => weekly.body.items.find((i: { weekStart: string }) => i.weekStart === d);
    assert.deepEqual([week(w0).online, week(w0).counter, week(w0).completed, week(w1).assisted, week(lastWeek).online], [0, 0, 0, 0, 0]);
    const skmWeek = await p.kernel.control.one<{ n: number }>(`select skm_responses as n from national_weekly where tenant_id = $1 and week_start = $2`, [t.id, w0]);
    assert.equal(skmWeek.n, 0, 'the reverted SKM week is republished without its answers');
    const cockpit = await api(p, 'GET', `/api/v1/national/cockpit`, { token: analyst });
    const row = cockpit.body.tenants.find((x: { slug: string }) => x.slug === t.slug);
    assert.deepEqual([row.applications.online, row.lastOnlineAt], [0, null], 'no online uptake is left from the reverted file');
    const ikm = await api(p, 'GET', `/api/v1/tenants/${t.slug}/skm/ikm?from=${w0}&to=${plusDays(w0, 6)}`, { token: admin });
    assert.equal(ikm.body.respondents, 0);

    // The right file again: its rows are new once more.
    const csv = [
      'external_id,instansi,layanan,kanal,waktu_masuk,status',
      `A-1,dukcapil,ktpel-penggantian,online,${at(w0, '09:00')},proses`,
    ].join('\n');
    const re = await post({ kind: 'applications', format: 'csv', data: csv });
    assert.deepEqual([re.status, re.body.accepted], [201, 1]);
  });
});
