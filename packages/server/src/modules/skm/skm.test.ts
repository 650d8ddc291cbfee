import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { ManualClock, newId, type Tenant } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { minimumSample } from './ikm.js';
import { SKM_FOLLOWUPS_JOB } from './followups.js';
import { workedRows } from './worked-example.js';

/** Stores completed applications, their invitations and the given responses (as the survey would), dated `day`. */
async function seedResponses(p: Platform, t: Tenant, rows: number[][], opts: { plugin: string; service: string; agency: string; day: string }) {
  await asTenant(p, t, async (sql) => {
    for (const [i, r] of rows.entries()) {
      const app = newId();
      const inv = newId();
      const code = `${String(i).padStart(4, '0')}-${newId().replace(/[^0-9]/g, '').slice(-4)}`;
      await sql.exec(
        `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role, channel, status, state, completed_at)
         values ($1,$2,$3,$4,'1.0.0','uji',$5,$6,'{"name":"Responden uji"}','uji','citizen','online','completed','selesai',$7)`,
        [t.id, app, code, opts.plugin, opts.service, opts.agency, `${opts.day}T05:00:00Z`],
      );
      await sql.exec(
        `insert into skm_invitations (tenant_id, id, token, application_id, plugin_id, service_code, agency_code, expires_at, responded_on) values ($1,$2,null,$3,$4,$5,$6, now() + interval '30 days', $7)`,
        [t.id, inv, app, opts.plugin, opts.service, opts.agency, opts.day],
      );
      await sql.exec(
        `insert into skm_responses (tenant_id, id, token_digest, plugin_id, service_code, agency_code, local_date, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,'P','30-39','SMA','WIRAUSAHA')`,
        [t.id, newId(), createHash('sha256').update(inv).digest('hex'), opts.plugin, opts.service, opts.agency, opts.day, ...r],
      );
    }
  });
}

/** Walks a paged list to its end: every page's items, and each page checked for its Link header. */
async function walk<T>(p: Platform, first: string, token: string, between: (page: number) => Promise<void> = async () => undefined): Promise<T[]> {
  const out: T[] = [];
  let url: string | null = first;
  for (let page = 0; url; page++) {
    const r = await api(p, 'GET', url, { token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    out.push(...(r.body.items as T[]));
    if (r.body.next) {
      assert.match(r.headers.get('link') ?? '', /rel="next"/);
      url = `${first}${first.includes('?') ? '&' : '?'}cursor=${r.body.next}`;
    } else url = null;
    await between(page);
  }
  return out;
}

/** A completed application (the FK an invitation needs), filed by `sub`. */
async function completedApplication(sql: Sql, t: Tenant, sub: string): Promise<string> {
  const app = newId();
  await sql.exec(
    `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role, channel, status, state, completed_at)
     values ($1,$2,$3,'polri','1.0.0','uji','sktlk','polri','{"name":"Uji"}',$4,'citizen','online','completed','selesai', now())`,
    [t.id, app, `PG${newId().replace(/[^0-9]/g, '').slice(-2)}-${newId().replace(/[^0-9]/g, '').slice(-4)}`, sub],
  );
  return app;
}

describe('SKM / IKM (PermenPANRB 14/2017)', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('invites the citizen when a service completes; one anonymous response per invitation; bad input names the field', async function () {
    this.timeout(60_000);
    const T = 'kab-kapuas';
    const [citizen, police] = await Promise.all([tokenFor(p, 'warga.kapuas'), tokenFor(p, 'petugas.polri.kapuas')]);
    const data = { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' };
    const draft = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data } });
    const doc = await PDFDocument.create();
    doc.addPage();
    await fetch(`${p.url}/api/v1/tenants/${T}/applications/${draft.body.id}/documents/identitas`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}` }, body: Buffer.from(await doc.save()) });
    await api(p, 'POST', `/api/v1/tenants/${T}/applications/${draft.body.id}/submit`, { token: citizen });
    await api(p, 'POST', `/api/v1/tenants/${T}/applications/${draft.body.id}/actions/verify`, { token: police, body: {} });
    const before = await api(p, 'GET', `/api/v1/tenants/${T}/skm/invitations`, { token: citizen });
    assert.ok(!before.body.items.some((i: { applicationTrackingCode: string }) => i.applicationTrackingCode === draft.body.trackingCode), 'not before completion');
    const issued = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${draft.body.id}/actions/issue`, { token: police, body: {} });
    assert.equal(issued.body.status, 'completed');
    const inv = (await api(p, 'GET', `/api/v1/tenants/${T}/skm/invitations`, { token: citizen })).body.items.find((i: { applicationTrackingCode: string }) => i.applicationTrackingCode === draft.body.trackingCode);
    assert.ok(inv, 'invited');
    assert.equal(inv.service, 'polri.sktlk');

    // The invitation and its notice committed with the completion; a completion heard again adds nothing.
    const kapuas = await p.services.tenants.get(T);
    const notices = () => asTenant(p, kapuas, (sql) => sql.rows<{ payload: { token: string; to: string[] } }>(`select payload from notification_outbox where kind = 'skm.invitation' and payload->>'application' = $1`, [draft.body.id]));
    assert.equal((await notices()).length, 1);
    assert.equal((await notices())[0]!.payload.token, inv.token);
    await p.kernel.uow.write({ tenant: kapuas, now: p.clock.now() }, (tx) =>
      p.kernel.events.emit(tx, 'application.completed', { applicationId: draft.body.id, trackingCode: draft.body.trackingCode, pluginId: 'polri', serviceCode: 'sktlk', agencyCode: 'polri', applicantSub: null }),
    );
    assert.equal((await notices()).length, 1, 'one notice');
    assert.equal((await asTenant(p, kapuas, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from skm_invitations where application_id = $1`, [draft.body.id]))).n, 1, 'one invitation per application');

    // The counter can hand over the same invitation (QR); another agency's officer cannot see it.
    const counter = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${draft.body.id}/skm-invitation`, { token: police });
    assert.equal(counter.body.token, inv.token);
    assert.equal(counter.body.answered, false);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${draft.body.id}/skm-invitation`, { token: await tokenFor(p, 'petugas.dukcapil.kapuas') })).status, 404);

    const q = await api(p, 'GET', '/api/v1/skm/questionnaire');
    assert.equal(q.body.elements.length, 9);
    assert.equal(q.body.elements[7].name.id, 'Sarana dan prasarana', 'U8 of 14/2017, not maklumat of 16/2014');

    const answer = { invitation: inv.token, answers: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 2 }, profile: { sex: 'L', ageBand: '30-39', education: 'SMA', occupation: 'WIRAUSAHA' } };
    const bad = await api(p, 'POST', `/api/v1/tenants/${T}/skm/responses`, { body: { ...answer, answers: { ...answer.answers, U3: 5 }, profile: { sex: 'L', ageBand: '30-39', occupation: 'WIRAUSAHA' } } });
    assert.equal(bad.status, 422);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    const pointers = bad.body.errors.map((e: { pointer: string }) => e.pointer);
    assert.ok(pointers.includes('/answers/U3'), JSON.stringify(pointers));
    assert.ok(pointers.includes('/profile/education'), JSON.stringify(pointers));
    const first = await api(p, 'POST', `/api/v1/tenants/${T}/skm/responses`, { body: answer });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await api(p, 'POST', `/api/v1/tenants/${T}/skm/responses`, { body: answer });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, first.body.id);
    const changed = await api(p, 'POST', `/api/v1/tenants/${T}/skm/responses`, { body: { ...answer, answers: { ...answer.answers, U9: 4 } } });
    assert.equal(changed.status, 409);
    assert.equal(changed.body.code, 'SKM_ALREADY_ANSWERED');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/skm/responses`, { body: { ...answer, invitation: 'x'.repeat(32) } })).body.code, 'SKM_INVITATION_NOT_FOUND');
    const left = (await api(p, 'GET', `/api/v1/tenants/${T}/skm/invitations`, { token: citizen })).body.items;
    assert.ok(!left.some((i: { id: string }) => i.id === inv.id), 'answered invitations leave the list');
    // Anonymous: the stored response has no link to the person or the application.
    const cols = await asTenant(p, kapuas, (sql) => sql.rows<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'skm_responses'`));
    assert.ok(!cols.some((c) => /sub|application|invitation|nik|name|_at$/.test(c.column_name)), JSON.stringify(cols));
    const erased = await asTenant(p, kapuas, (sql) => sql.one<{ token: string | null; responded_on: string | null }>(`select token, to_char(responded_on, 'YYYY-MM-DD') as responded_on from skm_invitations where id = $1`, [inv.id]));
    assert.equal(erased.token, null, 'the token is erased once answered');
    assert.equal(erased.responded_on, first.body.recordedOn, 'only the local date is kept');
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${draft.body.id}/skm-invitation`, { token: police })).body.answered, true);

    // An invitation past its 30 days is refused.
    const late = `late_${newId().replace(/-/g, '')}`;
    await asTenant(p, kapuas, async (sql) => {
      const app = newId();
      await sql.exec(
        `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role, channel, status, state, completed_at)
         values ($1,$2,$3,'polri','1.0.0','uji','sktlk','polri','{"name":"Uji"}','uji','citizen','online','completed','selesai', now() - interval '40 days')`,
        [kapuas.id, app, `LT${newId().replace(/[^0-9]/g, '').slice(-2)}-${newId().replace(/[^0-9]/g, '').slice(-4)}`],
      );
      await sql.exec(`insert into skm_invitations (tenant_id, id, token, application_id, plugin_id, service_code, agency_code, expires_at) values ($1,$2,$3,$4,'polri','sktlk','polri', now() - interval '10 days')`, [kapuas.id, newId(), late, app]);
    });
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/skm/responses`, { body: { ...answer, invitation: late } })).body.code, 'SKM_INVITATION_EXPIRED');
  });

  it('reports IKM per service, tenant, agency (every region) and for the ministry, with sample warnings and follow-ups', async function () {
    this.timeout(60_000);
    const lebong = await p.services.tenants.get('kab-lebong');
    const bogor = await p.services.tenants.get('kota-bogor');
    assert.notEqual(lebong.homeRegion, bogor.homeRegion);
    // Triwulan III 2024 in Lebong: the worked example's 29 respondents, for one Dukcapil service.
    await seedResponses(p, lebong, workedRows(), { plugin: 'dukcapil', service: 'uji-ikm', agency: 'dukcapil', day: '2024-08-15' });
    await seedResponses(p, bogor, [[1, 2, 2, 3, 2, 2, 2, 2, 2], [2, 2, 2, 3, 2, 2, 2, 2, 1]], { plugin: 'dukcapil', service: 'uji-ikm', agency: 'dukcapil', day: '2024-09-01' });
    const period = 'from=2024-07-01&to=2024-09-30';
    const admin = await tokenFor(p, 'admin.lebong');

    const svc = await api(p, 'GET', `/api/v1/tenants/kab-lebong/skm/ikm?${period}&service=dukcapil.uji-ikm`, { token: admin });
    assert.equal(svc.status, 200, JSON.stringify(svc.body));
    assert.equal(svc.body.respondents, 29);
    assert.equal(svc.body.ikm, 91.48);
    assert.equal(svc.body.category, 'A');
    assert.equal(svc.body.weighting.convention, 'equal-exact');
    assert.equal(svc.body.weighting.weight, 1 / 9);
    assert.deepEqual(svc.body.sample, { population: 29, populationBasis: 'service-users (applications completed in the period)', krejcieMorgan: { tableN: 30, minimum: 28 }, sufficient: true });

    const whole = await api(p, 'GET', `/api/v1/tenants/kab-lebong/skm/ikm?${period}`, { token: admin });
    assert.equal(whole.body.ikm, 91.48);
    assert.equal(whole.body.sample.population, lebong.population);
    assert.equal(whole.body.sample.krejcieMorgan.minimum, minimumSample(lebong.population).minimum);
    assert.equal(whole.body.sample.sufficient, false);
    assert.match(whole.body.sample.warning.en, /below the minimum sample/);
    assert.equal(whole.body.services.length, 1);

    // The agency: its services across every region, aggregates only.
    const publisher = await tokenFor(p, 'publisher.dukcapil');
    const agency = await api(p, 'GET', `/api/v1/agencies/dukcapil/skm/ikm?${period}`, { token: publisher });
    assert.equal(agency.status, 200, JSON.stringify(agency.body));
    assert.deepEqual(agency.body.byTenant.map((r: { tenant: string; region: string }) => `${r.tenant}@${r.region}`).sort(), [`kab-lebong@${lebong.homeRegion}`, `kota-bogor@${bogor.homeRegion}`]);
    assert.equal(agency.body.overall.respondents, 31);
    assert.equal(agency.body.byTenant.find((r: { tenant: string }) => r.tenant === 'kota-bogor').category, 'D');
    assert.equal((await api(p, 'GET', `/api/v1/agencies/dukcapil/skm/ikm?${period}`, { token: await tokenFor(p, 'publisher.imigrasi') })).status, 403);
    const officer = await api(p, 'GET', `/api/v1/agencies/dukcapil/skm/ikm?${period}`, { token: await tokenFor(p, 'petugas.dukcapil.kapuas') });
    assert.equal(officer.body.overall.respondents, 31, 'an officer of the agency, in any regency, sees every region');

    // The ministry: per tenant, no personal data.
    const ministry = await api(p, 'GET', `/api/v1/skm/ikm?${period}`, { token: await tokenFor(p, 'analis.kemenpanrb') });
    assert.equal(ministry.status, 200);
    const row = ministry.body.items.find((i: { tenant: string }) => i.tenant === 'kab-lebong');
    assert.equal(row.ikm, 91.48);
    assert.equal(row.respondents, 29);
    assert.doesNotMatch(JSON.stringify(ministry.body), /"(sex|ageBand|age_band|education|occupation|suggestion|nik|respondent_sub|applicant|token)"/);
    assert.equal((await api(p, 'GET', `/api/v1/skm/ikm?${period}`, { token: admin })).status, 403);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/kab-kapuas/skm/ikm?${period}`, { token: admin })).status, 403, 'another tenant');

    const badPeriod = await api(p, 'GET', `/api/v1/tenants/kab-lebong/skm/ikm?from=2024-09-30&to=2024-07-01`, { token: admin });
    assert.equal(badPeriod.status, 400);
    assert.equal(badPeriod.body.code, 'PERIOD_INVALID');
    assert.equal(badPeriod.body.errors[0].pointer, '/query/to');

    // The weakest unsur (U3, waktu penyelesaian) opens a follow-up for the tenant and the service, once.
    const opened = await api(p, 'POST', '/api/v1/tenants/kab-lebong/skm/follow-ups', { token: admin, body: { from: '2024-07-01', to: '2024-09-30' } });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    assert.deepEqual(opened.body.items.map((f: { scope: string; element: string; nrr: number }) => `${f.scope}:${f.element}:${f.nrr}`).sort(), ['service:U3:3.4483', 'tenant:U3:3.4483']);
    const twice = await api(p, 'POST', '/api/v1/tenants/kab-lebong/skm/follow-ups', { token: admin, body: { from: '2024-07-01', to: '2024-09-30' } });
    assert.equal(twice.body.items.length, 2);
    const task = opened.body.items[0];
    const closed = await api(p, 'POST', `/api/v1/tenants/kab-lebong/skm/follow-ups/${task.id}/close`, { token: admin, body: { plan: 'Tambah petugas verifikasi pada jam sibuk', result: 'Waktu tunggu turun dari 40 ke 15 menit' } });
    assert.equal(closed.body.status, 'closed');
    assert.equal(closed.body.result, 'Waktu tunggu turun dari 40 ke 15 menit');
    const audited = await asTenant(p, lebong, (sql) => sql.rows(`select 1 from audit_events where action = 'skm.followup.closed' and subject = $1`, [`skm-followup:${task.id}`]));
    assert.equal(audited.length, 1, 'closing is audited in the same commit');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/kab-lebong/skm/follow-ups/${task.id}/close`, { token: admin, body: { result: 'sekali lagi' } })).body.code, 'SKM_FOLLOWUP_CLOSED');
    const open = await api(p, 'GET', '/api/v1/tenants/kab-lebong/skm/follow-ups?status=open', { token: admin });
    assert.ok(!open.body.items.some((f: { id: string }) => f.id === task.id));

    // The quarterly job, run as a worker would at 01:00 UTC on 1 October 2024 (its clock pinned), opens
    // Q3 follow-ups in its region: Kota Bogor's weakest unsur is U1 (NRR 1.5). Once per scope and period.
    const job = p.modules.flatMap((m) => m.jobs ?? []).find((j) => j.name === SKM_FOLLOWUPS_JOB);
    assert.ok(job?.cron === '0 1 1 1,4,7,10 *', 'scheduled on the first day of each quarter');
    const clock = new ManualClock('2024-10-01T01:00:00Z');
    const runAt = () => job.run({ region: bogor.homeRegion, jobId: 'test', now: clock.now(), clock, log: p.logger }, { region: bogor.homeRegion });
    await runAt();
    const asAdmin = await p.context({ tenant: bogor, clock });
    const bogorTasks = (await p.services.skm.followUps(asAdmin, { from: '2024-07-01', to: '2024-09-30' })).items;
    assert.deepEqual(bogorTasks.map((f) => `${f.scope}:${f.element}:${f.nrr}`).sort(), ['service:U1:1.5', 'tenant:U1:1.5']);
    assert.ok(bogorTasks.every((f) => f.createdAt === '2024-10-01T01:00:00.000Z'));
    await runAt();
    assert.equal((await p.services.skm.followUps(asAdmin, { from: '2024-07-01', to: '2024-09-30' })).items.length, 2, 'once per scope and period');
    // Through the platform (its own clock: the quarter before today), as `runJob` does for every job.
    const [summary] = await p.runJob(SKM_FOLLOWUPS_JOB, { region: bogor.homeRegion });
    assert.ok(typeof summary === 'object' && summary !== null && 'tenants' in summary && typeof summary.tenants === 'number' && summary.tenants > 0, JSON.stringify(summary));
  });
  it('pages the caller’s invitations: every open one exactly once, even when invitations arrive between pages', async function () {
    this.timeout(60_000);
    const T = 'kab-kapuas';
    const kapuas = await p.services.tenants.get(T);
    const citizen = await tokenFor(p, 'warga.kapuas');
    const sub = String(claimsOf(citizen).sub);
    // Five invitations created at the same microsecond (ties are broken by id) and two older ones.
    const invite = (createdAt: string) =>
      asTenant(p, kapuas, async (sql) => {
        const app = await completedApplication(sql, kapuas, sub);
        const id = newId();
        await sql.exec(
          `insert into skm_invitations (tenant_id, id, token, application_id, plugin_id, service_code, agency_code, respondent_sub, created_at, expires_at)
           values ($1,$2,$3,$4,'polri','sktlk','polri',$5,$6::timestamptz, now() + interval '30 days')`,
          [kapuas.id, id, `pg_${newId().replace(/-/g, '')}`, app, sub, createdAt],
        );
        return id;
      });
    for (let i = 0; i < 5; i++) await invite('2026-01-05 03:00:00.123456+00');
    for (const at of ['2026-01-04 03:00:00.000001+00', '2026-01-03 03:00:00+00']) await invite(at);
    const before = (await walk<{ id: string }>(p, `/api/v1/tenants/${T}/skm/invitations?limit=50`, citizen)).map((i) => i.id);
    const arrived: string[] = [];
    const walked = await walk<{ id: string; createdAt: string }>(p, `/api/v1/tenants/${T}/skm/invitations?limit=2`, citizen, async () => {
      // One newer than any page (the walk is past it), one older than everything (met further on).
      await invite(new Date().toISOString());
      arrived.push(await invite(new Date(Date.UTC(2001, 0, 1) - arrived.length * 1000).toISOString()));
    });
    const ids = walked.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, 'no invitation twice');
    for (const id of before) assert.equal(ids.filter((x) => x === id).length, 1, `${id} exactly once`);
    assert.ok(walked.every((i, k) => k === 0 || walked[k - 1]!.createdAt >= i.createdAt), 'newest first');
    assert.ok(arrived.slice(0, -1).every((id) => ids.includes(id)), 'older invitations that arrived meanwhile are met further on');
    const damaged = await api(p, 'GET', `/api/v1/tenants/${T}/skm/invitations?cursor=not-a-cursor`, { token: citizen });
    assert.deepEqual([damaged.status, damaged.body.code], [400, 'CURSOR_INVALID']);
  });

  it('pages follow-ups (stable under inserts), hides who closed a task from the ministry, and replays a close by its Idempotency-Key', async function () {
    this.timeout(60_000);
    const lebong = await p.services.tenants.get('kab-lebong');
    const admin = await tokenFor(p, 'admin.lebong');
    const analyst = await tokenFor(p, 'analis.kemenpanrb');
    const followUp = (createdAt: string) =>
      asTenant(p, lebong, async (sql) => {
        const id = newId();
        await sql.exec(
          `insert into skm_followups (tenant_id, id, scope, scope_key, period_from, period_to, element, nrr, ikm, respondents, status, created_by, created_at)
           values ($1,$2,'service',$3,'2023-01-01','2023-03-31','U2',2.5,62.5,12,'open','admin.lebong',$4::timestamptz)`,
          [lebong.id, id, `uji.layanan-${id.slice(-12)}`, createdAt],
        );
        return id;
      });
    for (let i = 0; i < 4; i++) await followUp('2024-01-02 01:00:00.654321+00');
    const base = '/api/v1/tenants/kab-lebong/skm/follow-ups';
    const before = (await walk<{ id: string }>(p, `${base}?limit=200`, admin)).map((f) => f.id);
    const walked = (await walk<{ id: string }>(p, `${base}?limit=3`, admin, async () => void (await followUp(new Date().toISOString()), await followUp('2000-01-01 00:00:00+00')))).map((f) => f.id);
    assert.equal(new Set(walked).size, walked.length, 'no follow-up twice');
    for (const id of before) assert.equal(walked.filter((x) => x === id).length, 1, `${id} exactly once`);
    // A cursor belongs to its filters.
    const first = await api(p, 'GET', `${base}?status=open&limit=1`, { token: admin });
    assert.ok(first.body.next);
    const other = await api(p, 'GET', `${base}?status=closed&limit=1&cursor=${first.body.next}`, { token: admin });
    assert.deepEqual([other.status, other.body.code], [400, 'CURSOR_INVALID']);

    // Closing: the first answer again for the same key (a lost response retried), 422 for the key with another body.
    const task = await followUp('2024-02-01 00:00:00+00');
    const close = { plan: 'Sederhanakan alur berkas', result: 'Alur berkas dipangkas dari 5 ke 3 langkah' };
    const headers = { 'idempotency-key': `tutup-${task}` };
    const url = `${base}/${task}/close`;
    const closed = await api(p, 'POST', url, { token: admin, body: close, headers });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.closedBy, 'admin.lebong');
    const again = await api(p, 'POST', url, { token: admin, body: { result: close.result, plan: close.plan }, headers });
    assert.deepEqual([again.status, again.headers.get('idempotent-replayed'), again.body], [200, 'true', closed.body], 'same request (members in another order): the first answer');
    const reused = await api(p, 'POST', url, { token: admin, body: { result: 'Hasil lain sama sekali' }, headers });
    assert.deepEqual([reused.status, reused.body.code], [422, 'IDEMPOTENCY_KEY_REUSED']);
    const noKey = await api(p, 'POST', url, { token: admin, body: close });
    assert.deepEqual([noKey.status, noKey.body.code], [409, 'SKM_FOLLOWUP_CLOSED']);
    const audits = await asTenant(p, lebong, (sql) => sql.rows(`select 1 from audit_events where subject = $1`, [`skm-followup:${task}`]));
    assert.equal(audits.length, 1, 'closed once');
    // The replay runs behind the same guard: an analyst (no coordinator role) is refused before any replay.
    assert.equal((await api(p, 'POST', url, { token: analyst, body: close, headers })).status, 403);
    const missing = await api(p, 'POST', `${base}/${newId()}/close`, { token: admin, body: close });
    assert.deepEqual([missing.status, missing.body.code], [404, 'SKM_FOLLOWUP_NOT_FOUND']);

    // Who closed a task is the tenant's business: the ministry sees the task without the username.
    const seen = (await walk<{ id: string; closedBy?: string | null }>(p, `${base}?status=closed&limit=200`, analyst)).find((f) => f.id === task);
    assert.ok(seen && !('closedBy' in seen), JSON.stringify(seen));
    const own = (await walk<{ id: string; closedBy?: string | null }>(p, `${base}?status=closed&limit=200`, admin)).find((f) => f.id === task);
    assert.equal(own?.closedBy, 'admin.lebong');
    // A reversed period in the body points at the body's field.
    const bad = await api(p, 'POST', base, { token: admin, body: { from: '2024-09-30', to: '2024-07-01' } });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors[0].pointer], [400, 'PERIOD_INVALID', '/to']);
  });
});
