import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { ManualClock, listRegencies, localDate, localDateTime, type Tenant } from '@satupintu/core';
import { previousQuarter } from '../skm/index.js';
import { MONEV_ALERTS_JOB } from './job.js';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { refreshTenant, type RollupDeps } from '../monitoring/index.js';
import { MonevService } from './service.js';

/** The text a pdf-lib document draws (standard fonts write hex strings into Flate streams). */
export function pdfText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const s = buf.indexOf('stream', at, 'latin1');
    if (s < 0) break;
    const start = s + (buf[s + 6] === 0x0d ? 8 : 7);
    const end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) break;
    let text: string;
    try {
      text = inflateSync(buf.subarray(start, end)).toString('latin1');
    } catch {
      text = buf.subarray(start, end).toString('latin1');
    }
    for (const m of text.matchAll(/<([0-9A-Fa-f]+)> Tj/g)) out.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
    at = end + 9;
  }
  // Table cells wrap: a cell's lines are drawn one after another, so spaces join them back.
  return out.join(' ').replace(/\s+/g, ' ');
}

async function download(p: Platform, path: string, token: string) {
  const r = await fetch(`${p.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), bytes: new Uint8Array(await r.arrayBuffer()) };
}

describe('Ministry Monev: alerts over history, evidence pack, SKM export with publication log, follow-ups', () => {
  let p: Platform;
  let admin: string;
  let analyst: string;
  let lebong: string;
  let deps: RollupDeps;
  const clock = new ManualClock('2026-12-07T03:00:00Z');
  before(async () => {
    p = sharedPlatform();
    [admin, analyst, lebong] = await Promise.all([tokenFor(p, 'admin.platform'), tokenFor(p, 'analis.kemenpanrb'), tokenFor(p, 'admin.lebong')]);
    deps = { uow: p.kernel.uow, tenants: p.services.tenants, readiness: p.services.onboarding.standards };
  });

  /** New tenants in one province with enough free regencies (their province comes from the regency code). */
  async function tenantsInOneProvince(n: number, prefix: string): Promise<Tenant[]> {
    const taken = new Set((await p.services.tenants.list()).map((t) => t.code));
    const byProvince = new Map<string, string[]>();
    for (const r of listRegencies()) if (!taken.has(r.code)) byProvince.set(r.provinceCode, [...(byProvince.get(r.provinceCode) ?? []), r.code]);
    const candidates = [...byProvince.values()].filter((codes) => codes.length >= n);
    const codes = candidates[Math.floor(Math.random() * candidates.length)]!.slice(0, n);
    const out: Tenant[] = [];
    for (const code of codes) {
      const slug = `${prefix}-${randomUUID().slice(0, 6)}`;
      const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta' } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      out.push(await p.services.tenants.get(slug));
    }
    return out;
  }

  /** Imported history: applications with their original times, written into the region (as an import would), then the rollup. */
  async function history(t: Tenant, rows: { channel: 'online' | 'assisted' | 'counter'; day: string; late?: boolean }[]) {
    await asTenant(p, t, async (sql) => {
      for (const r of rows) {
        const submitted = localDateTime(r.day, '09:00', t.timeZone);
        const completed = localDateTime(r.day, '15:00', t.timeZone);
        const due = localDateTime(r.day, r.late ? '10:00' : '16:00', t.timeZone);
        await sql.exec(
          `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role,
             channel, consent, status, state, submitted_at, completed_at, due_at)
           values ($1, $2, $3, 'polri', '1.0.0', 'sha256:x', 'sktlk', 'polri', '{"name":"Riwayat impor"}', 'impor', $4, $5, $6, 'completed', 'selesai', $7, $8, $9)`,
          [t.id, randomUUID(), randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase().replace(/(.{4})/, '$1-'), r.channel === 'online' ? 'citizen' : 'officer', r.channel,
            r.channel === 'online' ? null : JSON.stringify({ by: 'officer' }), submitted, completed, due],
        );
      }
    });
    await refreshTenant(deps, await p.context({ tenant: t.slug, clock }));
  }

  const evaluate = (body: Record<string, unknown>) => api(p, 'POST', '/api/v1/national/monev/alerts/evaluate', { token: analyst, body });
  const mine = (items: { tenant: string; kind: string; indicator: string }[], slugs: string[]) => items.filter((a) => slugs.includes(a.tenant)).map((a) => `${a.tenant}:${a.kind}:${a.indicator}`).sort();

  it('lowest in region: picks the tenant of the province with the lowest online share and SLA over a past period; raised and cleared idempotently as history arrives', async function () {
    this.timeout(120_000);
    const [a, b, c] = await tenantsInOneProvince(3, 'monev');
    const period = { from: '2019-01-07', to: '2019-03-31' };
    const days = (n: number, day: string) => Array.from({ length: n }, () => day);
    // Online shares: A 5/10, B 1/10, C 3/10 → B lowest. SLA: A and B on time, C 4 of 10 late → C lowest.
    await history(a!, [...days(5, '2019-01-15').map((day) => ({ channel: 'online' as const, day })), ...days(5, '2019-01-16').map((day) => ({ channel: 'counter' as const, day }))]);
    await history(b!, [{ channel: 'assisted', day: '2019-02-05' }, ...days(9, '2019-02-06').map((day) => ({ channel: 'counter' as const, day }))]);
    await history(c!, [...days(3, '2019-03-12').map((day) => ({ channel: 'online' as const, day })), ...days(7, '2019-03-13').map((day, i) => ({ channel: 'counter' as const, day, late: i < 4 }))]);

    const first = await evaluate(period);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const slugs = [a!.slug, b!.slug, c!.slug];
    assert.deepEqual(mine(first.body.items, slugs), [`${b!.slug}:lowest-in-region:online-share`, `${c!.slug}:lowest-in-region:sla-compliance`].sort());
    const online = first.body.items.find((x: any) => x.tenant === b!.slug);
    assert.deepEqual([online.value, online.threshold, online.peers, online.provinceCode, online.status, online.period], [0.1, 0.3, 3, a!.provinceCode, 'raised', period]);
    assert.match(online.message.id, /terendah di/);
    assert.match(online.message.en, /lowest in/);
    const sla = first.body.items.find((x: any) => x.tenant === c!.slug);
    assert.deepEqual([sla.value, sla.threshold], [0.6, 1]);

    // Again with the same figures: nothing new, nothing cleared.
    const again = await evaluate(period);
    assert.deepEqual(mine(again.body.items, slugs), mine(first.body.items, slugs));
    assert.ok(again.body.kept >= 2);
    const rows = await p.kernel.control.rows<{ n: number }>(`select count(*)::int as n from monev_alerts where tenant_id = any($1::uuid[])`, [[a!.id, b!.id, c!.id]]);
    assert.equal(rows[0]!.n, 2, 'one row per tenant, kind, indicator and period, however often evaluated');

    // More history for B arrives (imported later): B 9/18 = 0.5, so C (0.3) is now the lowest; B's alert clears.
    await history(b!, days(8, '2019-02-20').map((day) => ({ channel: 'online' as const, day })));
    const third = await evaluate(period);
    assert.deepEqual(mine(third.body.items, slugs), [`${c!.slug}:lowest-in-region:online-share`, `${c!.slug}:lowest-in-region:sla-compliance`].sort());
    assert.ok(third.body.raised >= 1 && third.body.cleared >= 1, JSON.stringify(third.body));

    const cleared = await api(p, 'GET', `/api/v1/national/monev/alerts?status=cleared&kind=lowest-in-region&province=${a!.provinceCode}&from=2019-01-01&to=2019-12-31`, { token: analyst });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    const bCleared = cleared.body.items.find((x: any) => x.tenant === b!.slug);
    assert.deepEqual([bCleared?.indicator, bCleared?.status, typeof bCleared?.clearedAt], ['online-share', 'cleared', 'string']);
    // The tenant's own list (what its admin sees; here the platform admin, as no admin exists for a new tenant).
    const ofC = await api(p, 'GET', `/api/v1/tenants/${c!.slug}/monev/alerts?status=raised`, { token: admin });
    assert.equal(ofC.status, 200);
    assert.deepEqual(ofC.body.items.map((x: any) => x.indicator).sort(), ['online-share', 'sla-compliance']);
    // A tenant admin sees its own alerts and not another tenant's.
    assert.equal((await api(p, 'GET', '/api/v1/tenants/kab-lebong/monev/alerts', { token: lebong })).status, 200);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${c!.slug}/monev/alerts`, { token: lebong })).status, 403);
    // A bad period is a problem with its field, never a 500.
    const bad = await evaluate({ from: '2019-03-31', to: '2019-01-01' });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors?.[0]?.pointer], [400, 'PERIOD_INVALID', '/to']);
  });

  it('no online uptake after launch, over history: raised for a launch window without online applications, cleared when imported history shows some', async function () {
    this.timeout(120_000);
    const [d] = await tenantsInOneProvince(1, 'launch');
    const moved = await api(p, 'POST', `/api/v1/tenants/${d!.slug}/lifecycle`, { token: admin, body: { to: 'launched', on: '2019-02-13' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    // Two weeks after launch (the window is the ISO weeks of 11 and 18 February 2019): counter applications only.
    await history(d!, [{ channel: 'counter', day: '2019-02-14' }, { channel: 'counter', day: '2019-02-19' }, { channel: 'online', day: '2019-03-05' }]);
    const period = { from: '2019-01-01', to: '2019-03-31' };
    const first = await evaluate(period);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const alert = first.body.items.find((x: any) => x.tenant === d!.slug && x.kind === 'no-online-after-launch');
    assert.ok(alert, JSON.stringify(first.body.items));
    assert.deepEqual([alert.period, alert.value, alert.detail.launchedOn, alert.detail.weeks], [{ from: '2019-02-11', to: '2019-02-24' }, 0, '2019-02-13', 2]);
    // The window is judged in any period it overlaps, and the alert is the same row.
    const feb = await evaluate({ from: '2019-02-18', to: '2019-02-28' });
    assert.ok(feb.body.items.some((x: any) => x.tenant === d!.slug && x.kind === 'no-online-after-launch'));
    assert.equal((await p.kernel.control.rows(`select 1 from monev_alerts where tenant_id = $1 and kind = 'no-online-after-launch'`, [d!.id])).length, 1);
    // Over a 4-week window the 5 March online application counts: no alert for that window.
    const wider = await evaluate({ ...period, noOnlineWeeks: 4 });
    assert.ok(!wider.body.items.some((x: any) => x.tenant === d!.slug && x.kind === 'no-online-after-launch' && x.period.to === '2019-03-10'), 'the 4-week window holds the 5 March application');

    // An assisted application of 20 February is imported: the 2-week window had online uptake after all.
    await history(d!, [{ channel: 'assisted', day: '2019-02-20' }]);
    const after = await evaluate(period);
    assert.ok(!after.body.items.some((x: any) => x.tenant === d!.slug && x.kind === 'no-online-after-launch' && x.period.to === '2019-02-24'));
    const list = await api(p, 'GET', `/api/v1/tenants/${d!.slug}/monev/alerts?kind=no-online-after-launch`, { token: analyst });
    assert.equal(list.status, 200);
    const row = list.body.items.find((x: any) => x.period.to === '2019-02-24');
    assert.equal(row?.status, 'cleared');
  });

  it('the daily monev.alerts job evaluates the closed quarter once, in the default region only', async () => {
    const spec = p.modules.flatMap((m) => m.jobs ?? []).find((j) => j.name === MONEV_ALERTS_JOB);
    assert.equal(spec?.cron, '0 2 * * *');
    const regions = Object.keys(p.infra.regionDatabaseUrls);
    const results = new Map<string, unknown>();
    for (const region of regions) results.set(region, (await p.runJob(MONEV_ALERTS_JOB, { region }))[0]);
    const ran = [...results.values()].filter((r) => !(r as { skipped?: boolean }).skipped);
    assert.equal(ran.length, 1, JSON.stringify([...results]));
    assert.deepEqual((ran[0] as { quarter: unknown }).quarter, previousQuarter(localDate(p.kernel.clock.now(), 'Asia/Jakarta')));
  });

  it('SKM export in the PermenPANRB format with an append-only publication log; follow-ups with owner, due date and evidence; the ministry sees counts across tenants', async function () {
    this.timeout(120_000);
    const t = await p.services.tenants.get('kab-lebong');
    const period = { from: '2022-04-01', to: '2022-06-30' };
    // Twelve answers on the Q2 2022 survey: U8 (sarana) is the weakest.
    await asTenant(p, t, async (sql) => {
      for (let i = 0; i < 12; i++)
        await sql.exec(
          `insert into skm_responses (tenant_id, id, token_digest, plugin_id, service_code, agency_code, local_date, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
           values ($1, $2, $3, 'polri', 'sktlk', 'polri', '2022-05-10', 4, 3, 3, 4, 3, 4, 4, 2, 3, 'L', '30-39', 'SMA', 'SWASTA')`,
          [t.id, randomUUID(), randomUUID().replace(/-/g, '').padEnd(64, '0')],
        );
    });
    const opened = await api(p, 'POST', '/api/v1/tenants/kab-lebong/skm/follow-ups', { token: lebong, body: period });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const task = opened.body.items.find((x: any) => x.scope === 'tenant');
    assert.deepEqual([task.element, task.dueOn, task.owner, task.status], ['U8', '2022-09-28', null, 'open']);
    assert.equal(task.overdue, true, 'open past its due date (the platform clock is after 2022)');

    const assign = (body: unknown) => api(p, 'PATCH', `/api/v1/tenants/kab-lebong/skm/follow-ups/${task.id}`, { token: lebong, body });
    const early = await assign({ dueOn: '2022-06-01' });
    assert.deepEqual([early.status, early.body.code, early.body.errors?.[0]?.pointer], [400, 'SKM_FOLLOWUP_DUE_INVALID', '/dueOn']);
    assert.equal((await assign({})).status, 422, 'an empty change names nothing to set');
    const assigned = await assign({ owner: 'Kepala Bidang Sarana MPP', dueOn: '2022-12-30', plan: 'Tambah kursi dan pendingin ruang tunggu' });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.deepEqual([assigned.body.owner, assigned.body.dueOn, assigned.body.plan], ['Kepala Bidang Sarana MPP', '2022-12-30', 'Tambah kursi dan pendingin ruang tunggu']);

    // The publication log: a website and a notice board; the same entry again is the first one.
    const publish = (body: Record<string, unknown>) => api(p, 'POST', '/api/v1/tenants/kab-lebong/skm/publications', { token: lebong, body: { ...period, publishedBy: 'Subbag Umum DPMPTSP', ...body } });
    const web = await publish({ medium: 'website', location: 'https://mpp.lebongkab.go.id/skm/2022-triwulan-ii', publishedOn: '2022-07-04' });
    assert.equal(web.status, 201, JSON.stringify(web.body));
    const webAgain = await publish({ medium: 'website', location: 'https://mpp.lebongkab.go.id/skm/2022-triwulan-ii', publishedOn: '2022-07-04' });
    assert.deepEqual([webAgain.status, webAgain.headers.get('idempotent-replayed'), webAgain.body.id], [200, 'true', web.body.id]);
    const board = await publish({ medium: 'notice-board', location: 'Papan pengumuman lobi MPP Perigo Agung', publishedOn: '2022-07-05' });
    assert.equal(board.status, 201);
    const noUrl = await publish({ medium: 'website', location: 'situs kami', publishedOn: '2022-07-04' });
    assert.deepEqual([noUrl.status, noUrl.body.code, noUrl.body.errors?.[0]?.pointer], [400, 'SKM_PUBLICATION_INVALID', '/location']);
    const tooEarly = await publish({ medium: 'notice-board', location: 'Papan pengumuman', publishedOn: '2022-06-15' });
    assert.deepEqual([tooEarly.status, tooEarly.body.errors?.[0]?.pointer], [400, '/publishedOn']);
    // Append-only: the table refuses a change even to the tenant's own role.
    await assert.rejects(asTenant(p, t, (sql) => sql.exec(`update skm_publications set location = 'diubah' where id = $1`, [web.body.id])), /append-only/);

    const forMinistry = await api(p, 'GET', `/api/v1/tenants/kab-lebong/skm/publications?from=${period.from}&to=${period.to}`, { token: analyst });
    assert.equal(forMinistry.status, 200);
    const ours = forMinistry.body.items.filter((x: any) => x.period.from === period.from);
    assert.deepEqual(ours.map((x: any) => x.medium).sort(), ['notice-board', 'website']);
    assert.ok(ours.every((x: any) => !('recordedBy' in x)), 'who recorded it (a username) is not shown to the ministry');
    const forAdmin = await api(p, 'GET', `/api/v1/tenants/kab-lebong/skm/publications?from=${period.from}&to=${period.to}`, { token: lebong });
    assert.equal(forAdmin.body.items.find((x: any) => x.id === web.body.id)?.recordedBy, 'admin.lebong');

    // The report: per-unsur NRR, weighted NRR, IKM, mutu, kinerja, respondents, period, follow-up plan, publication log.
    const ikm = await api(p, 'GET', `/api/v1/tenants/kab-lebong/skm/ikm?from=${period.from}&to=${period.to}`, { token: analyst });
    const pdf = await download(p, `/api/v1/tenants/kab-lebong/skm/report.pdf?from=${period.from}&to=${period.to}`, analyst);
    assert.deepEqual([pdf.status, pdf.type], [200, 'application/pdf']);
    assert.equal(pdf.disposition, `attachment; filename="laporan-skm-kab-lebong-${period.from}-${period.to}.pdf"`);
    assert.ok((await PDFDocument.load(pdf.bytes)).getPageCount() >= 1);
    const text = pdfText(pdf.bytes);
    for (const s of [
      'LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)',
      `Periode / Period: ${period.from} s.d. ${period.to}`,
      `Jumlah responden / Respondents: ${ikm.body.respondents}`,
      `Jumlah NRR tertimbang / Sum of weighted NRR: ${ikm.body.weightedNrr.toFixed(4)}`,
      `IKM unit pelayanan = NRR tertimbang x 25 / Service unit IKM: ${ikm.body.ikm.toFixed(2)}`,
      `Mutu pelayanan / Service quality: ${ikm.body.category}`,
      'Jenis kelamin / Sex Laki-laki (L) 12 100.0%',
      'Pendidikan / Education SMA 12 100.0%',
      'Kepala Bidang Sarana MPP',
      'Papan pengumuman lobi MPP Perigo Agung',
      'https://mpp.lebongkab.go.id/skm/2022-triwulan-ii',
    ])
      assert.ok(text.includes(s), `the report shows "${s}"`);
    assert.ok(!text.includes('admin.lebong'), 'no username in the report');

    // Closed with its evidence; the ministry's cross-tenant view counts it, without plan, result or username.
    const closed = await api(p, 'POST', `/api/v1/tenants/kab-lebong/skm/follow-ups/${task.id}/close`, {
      token: lebong,
      body: { result: 'Dua puluh kursi dan dua pendingin ruangan dipasang', evidenceUrl: 'https://mpp.lebongkab.go.id/berita/ruang-tunggu-baru' },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.deepEqual([closed.body.status, closed.body.evidenceUrl, closed.body.overdue], ['closed', 'https://mpp.lebongkab.go.id/berita/ruang-tunggu-baru', false]);
    const national = await api(p, 'GET', `/api/v1/national/skm/follow-ups?from=${period.from}&to=${period.to}`, { token: analyst });
    assert.equal(national.status, 200, JSON.stringify(national.body));
    const row = national.body.items.find((x: any) => x.tenant === 'kab-lebong');
    assert.ok(row.total >= 2 && row.closed >= 1 && row.withEvidence >= 1 && row.byElement.U8 >= 1, JSON.stringify(row));
    assert.equal(national.body.totals.tenants, national.body.items.length);
    const raw = JSON.stringify(national.body);
    assert.ok(!raw.includes('Dua puluh kursi') && !raw.includes('admin.lebong'), 'counts only'); // (another suite's tenant is named kursi-…)
    assert.equal((await api(p, 'GET', '/api/v1/national/skm/follow-ups', { token: lebong })).status, 403);
  });

  it('evidence pack: every Monev indicator with its evidence and status, as JSON and PDF, for the tenant admin and the analyst; visits come from the wired source', async function () {
    this.timeout(120_000);
    const period = { from: '2022-04-01', to: '2022-06-30' };
    const r = await api(p, 'GET', `/api/v1/tenants/kab-lebong/monev/evidence?from=${period.from}&to=${period.to}`, { token: lebong });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const keys = r.body.indicators.map((i: any) => i.key);
    assert.deepEqual(keys, ['legal-basis', 'commitment-launch', 'agencies', 'services', 'service-standards', 'maklumat', 'counters', 'integrated-services', 'online-channel', 'sla-compliance', 'skm-conducted', 'skm-published', 'skm-follow-up', 'complaints', 'visits']);
    const by = Object.fromEntries(r.body.indicators.map((i: any) => [i.key, i]));
    assert.deepEqual(r.body.summary, { met: r.body.indicators.filter((i: any) => i.status === 'met').length, partly: r.body.indicators.filter((i: any) => i.status === 'partly').length, missing: r.body.indicators.filter((i: any) => i.status === 'missing').length });
    // The evidence agrees with what the platform says elsewhere.
    const maklumat = await api(p, 'GET', '/api/v1/tenants/kab-lebong/maklumat', { token: lebong });
    assert.equal(by.maklumat.status, maklumat.body.maklumat ? 'met' : 'missing');
    const onboarding = await api(p, 'GET', '/api/v1/tenants/kab-lebong/onboarding', { token: lebong });
    const est = onboarding.body.decrees.filter((x: any) => x.kind === 'mpp-establishment');
    assert.equal(by['legal-basis'].status, est.length ? 'met' : onboarding.body.decrees.length ? 'partly' : 'missing');
    assert.equal(by.services.evidence.find((e: any) => e.label.en === 'Services installed').value, onboarding.body.counts.servicesInstalled);
    // The lost-KTP journey (Polri SKTLK into Dukcapil KTP-el) counts when both services are installed.
    const ids = new Set(onboarding.body.services.map((x: any) => x.id));
    const links = by['integrated-services'].evidence.find((e: any) => e.label.en === 'Links').value ?? '';
    assert.equal(links.includes('polri.sktlk -> dukcapil.ktpel-penggantian'), ids.has('polri.sktlk') && ids.has('dukcapil.ktpel-penggantian'), links);
    assert.equal(by['skm-published'].status, 'met', 'published on two media (the previous test)');
    assert.equal(by['skm-published'].evidence.find((e: any) => e.label.en === 'Media').value, 'notice-board, website');
    assert.equal(by['skm-conducted'].evidence.find((e: any) => e.label.en === 'Weakest unsur').value.slice(0, 2), 'U8');
    // One task closed (the tenant's), one open (the service's): partly.
    assert.equal(by['skm-follow-up'].status, 'partly');
    assert.deepEqual(['Follow-ups', 'Closed', 'With evidence'].map((l) => by['skm-follow-up'].evidence.find((e: any) => e.label.en === l).value), [2, 1, 1]);
    // Visits come from the national store of visits (check-ins, walk-in tickets, imported visits): met when there were any.
    const visitsSeen = await api(p, 'GET', `/api/v1/national/visits?from=${period.from}&to=${period.to}&by=month&tenant=kab-lebong`, { token: analyst });
    assert.equal(visitsSeen.status, 200, JSON.stringify(visitsSeen.body));
    const counted = JSON.stringify(visitsSeen.body).match(/"(walkIn|booked)":(\d+)/g)?.reduce((n, m) => n + Number(m.split(':')[1]), 0) ?? 0;
    assert.deepEqual([by.visits.status, by.visits.source], [counted > 0 ? 'met' : 'missing', 'visits: check-ins, walk-in queue tickets and imported visits (national_visits_daily)']);
    assert.equal(by.visits.evidence[0].value, counted);
    const raw = JSON.stringify(r.body);
    assert.ok(!raw.includes('admin.lebong') && !raw.includes('Dua puluh kursi'), 'no username, no free text');

    // The analyst reads it too (an aggregate), and downloads the PDF.
    const forAnalyst = await api(p, 'GET', `/api/v1/tenants/kab-lebong/monev/evidence?from=${period.from}&to=${period.to}`, { token: analyst });
    assert.equal(forAnalyst.status, 200);
    assert.deepEqual(forAnalyst.body.indicators, r.body.indicators);
    const pdf = await download(p, `/api/v1/tenants/kab-lebong/monev/evidence.pdf?from=${period.from}&to=${period.to}`, analyst);
    assert.deepEqual([pdf.status, pdf.type, pdf.disposition], [200, 'application/pdf', `attachment; filename="bukti-monev-kab-lebong-${period.from}-${period.to}.pdf"`]);
    const text = pdfText(pdf.bytes);
    assert.ok(text.includes('PAKET BUKTI MONITORING DAN EVALUASI MAL PELAYANAN PUBLIK'));
    assert.ok(text.includes(`Ringkasan / Summary: ${r.body.summary.met} terpenuhi / met`));
    assert.ok(text.includes('Hasil SKM dipublikasikan - Terpenuhi / Met'));
    // Another tenant's admin is refused.
    assert.equal((await api(p, 'GET', '/api/v1/tenants/kab-kapuas/monev/evidence', { token: lebong })).status, 403);

    // The visits slot: a source passed to the service fills the indicator.
    const withVisits = new MonevService({
      uow: p.kernel.uow,
      control: p.kernel.control,
      onboarding: p.services.onboarding,
      skm: p.services.skm,
      registry: p.services.plugins,
      complaints: (p.modules.find((m) => m.name === 'complaints') as unknown as { stats: ConstructorParameters<typeof MonevService>[0]['complaints'] }).stats,
      visits: async (q) => (q.from === period.from && q.to === period.to ? { visits: 2607, source: 'check-ins and queue tickets' } : null),
    });
    const pack = await withVisits.evidence(await p.context({ tenant: 'kab-lebong' }), period);
    const visits = pack.indicators.find((i) => i.key === 'visits')!;
    assert.deepEqual([visits.status, visits.source, visits.evidence[0]!.value], ['met', 'visits: check-ins and queue tickets', 2607]);
  });
});
