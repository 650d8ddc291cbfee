import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ManualClock, daysBetween, isProblemError, localDate, plusDays } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

/** The services' clock, pinned (Monday 7 December 2026, 00:30 WIB by default; SATUPINTU_TEST_NOW to change it). */
const NOW = process.env.SATUPINTU_TEST_NOW ?? '2026-12-06T17:30:00Z';

const problem = (code: string, pointer?: string) => (e: unknown) => isProblemError(e) && e.code === code && (!pointer || e.errors?.[0]?.pointer === pointer);

describe(`tenant onboarding: lifecycle, checklist, standar pelayanan, kaji tiru (clock pinned to ${NOW})`, () => {
  let p: Platform;
  let admin: string;
  let clock: ManualClock;
  before(async () => {
    p = sharedPlatform();
    admin = await tokenFor(p, 'admin.platform');
    clock = new ManualClock(NOW);
  });

  const create = async (body: Record<string, unknown>) => {
    const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body;
  };
  const ctxOf = (slug: string) => p.context({ tenant: slug, clock });

  it('seeds the dated history of the first tenants: Lebong committed 9/3/2021 and missed its one-year deadline', async () => {
    const lebong = await p.services.onboarding.checklist(await ctxOf('kab-lebong'));
    assert.deepEqual([lebong.status, lebong.committedOn, lebong.deadline, lebong.launchedOn, lebong.inauguratedOn], ['operating', '2021-03-09', '2022-03-09', '2023-03-16', '2023-03-16']);
    assert.equal(lebong.deadlineMet, false);
    assert.equal(lebong.daysToDeadline, daysBetween(localDate(clock.now(), 'Asia/Jakarta'), '2022-03-09'), 'days past the deadline, by the tenant’s date at the pinned clock');
    assert.ok(lebong.daysToDeadline !== null && lebong.daysToDeadline < -1000);
    assert.deepEqual(lebong.history.map((h) => h.to), ['proposed', 'committed', 'inaugurated', 'operating']);
    assert.ok(lebong.history.every((h) => h.actor === 'seed'));
    const http = await api(p, 'GET', '/api/v1/tenants/kab-lebong/onboarding', { token: admin });
    assert.deepEqual([http.status, http.body.status, http.body.history.length], [200, 'operating', 4]);
    const kbb = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat', {});
    assert.deepEqual([kbb.body.mppStatus, kbb.body.launchedOn, kbb.body.committedOn], ['launched', '2023-03-16', null], 'no commitment date is invented');
  });

  it('moves through the lifecycle with dates and actors; refuses invalid moves with clear problems', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `lc-${randomUUID().slice(0, 6)}`;
    const t = await create({ code, slug });
    assert.equal(t.mppStatus, 'proposed');
    assert.equal(t.homeRegion, ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '61', '62', '63', '64', '65'].includes(code!.slice(0, 2)) ? 'id-batam' : 'id-jakarta', 'home region by province');
    const move = (body: unknown) => api(p, 'POST', `/api/v1/tenants/${slug}/lifecycle`, { token: admin, body });
    const committed = await move({ to: 'committed', on: '2024-02-29' });
    assert.equal(committed.status, 200, JSON.stringify(committed.body));
    assert.deepEqual([committed.body.committedOn, committed.body.deadline], ['2024-02-29', '2025-02-28'], 'a leap-day commitment ends on 28 February');
    // The cached directory of this process is right at once.
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${slug}`)).body.mppStatus, 'committed');
    const { onboarding } = p.services;
    assert.equal((await onboarding.move(await ctxOf(slug), { to: 'trial', on: '2024-10-01' }, 'admin.platform')).mppStatus, 'trial');
    const back = await move({ to: 'preparing', on: '2024-10-20' });
    assert.deepEqual([back.status, back.body.code, back.body.errors[0].pointer], [422, 'LIFECYCLE_NOTE_REQUIRED', '/note']);
    assert.equal((await move({ to: 'preparing', on: '2024-10-20', note: 'Uji coba belum lulus: jaringan belum stabil' })).status, 200);
    const toProposed = await move({ to: 'proposed', note: 'x' });
    assert.equal(toProposed.status, 409);
    assert.equal(toProposed.body.code, 'LIFECYCLE_MOVE_INVALID');
    assert.match(toProposed.body.i18n.id.detail, /tidak diizinkan/);
    const early = await move({ to: 'launched', on: '2024-01-01' });
    assert.deepEqual([early.status, early.body.code], [422, 'LIFECYCLE_DATE_INVALID']);
    // The history records what happened: tomorrow, by the tenant's date at the pinned clock, is refused.
    const today = localDate(clock.now(), (await p.services.tenants.get(slug)).timeZone);
    await assert.rejects(onboarding.move(await ctxOf(slug), { to: 'launched', on: plusDays(today, 1) }, 'admin.platform'), problem('LIFECYCLE_DATE_INVALID', '/on'));
    const future = await move({ to: 'launched', on: '2099-01-01' });
    assert.deepEqual([future.status, future.body.code, future.body.errors[0].pointer], [422, 'LIFECYCLE_DATE_INVALID', '/on']);
    const bad = await move({ to: 'launched', on: '2024-13-01' });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors[0].pointer], [422, 'BODY_INVALID', '/on'], 'an impossible date is a body error');
    assert.equal((await move({ to: 'launched', on: '2025-03-03' })).status, 200);
    const again = await move({ to: 'launched', on: '2025-03-04' });
    assert.equal(again.body.launchedOn, '2025-03-03', 'repeating a move changes nothing');
    // Without a date, a move is dated today: the tenant's local date at the clock's reading.
    const operating = await onboarding.move(await ctxOf(slug), { to: 'operating' }, 'admin.platform');
    assert.deepEqual([operating.mppStatus, operating.inauguratedOn, operating.launchedOn], ['operating', today, '2025-03-03']);
    const h = await api(p, 'GET', `/api/v1/tenants/${slug}/lifecycle`, { token: admin });
    assert.deepEqual(
      h.body.items.map((e: { from: string | null; to: string; on: string; actor: string }) => `${e.from ?? '-'}→${e.to}@${e.on} by ${e.actor}`).slice(1),
      [
        'proposed→committed@2024-02-29 by admin.platform',
        'committed→trial@2024-10-01 by admin.platform',
        'trial→preparing@2024-10-20 by admin.platform',
        'preparing→launched@2025-03-03 by admin.platform',
        `launched→operating@${today} by admin.platform`,
      ],
    );
    assert.equal(h.body.items.at(-1).recordedAt, clock.now().toISOString(), 'recorded at the clock’s reading');
    // Each move is an audit event in the tenant's region (the repeated one is not: nothing changed).
    const audited = await asTenant(p, slug, (sql) => sql.rows<{ data: { from: string; to: string } }>(`select data from audit_events where action = 'tenant.lifecycle'`));
    assert.deepEqual(audited.map((a) => `${a.data.from}→${a.data.to}`).sort(), ['committed→trial', 'launched→operating', 'preparing→launched', 'proposed→committed', 'trial→preparing']);
    const o = await api(p, 'GET', `/api/v1/tenants/${slug}/onboarding`, { token: admin });
    assert.equal(o.body.deadlineMet, false, 'launched after the deadline');
    // Only the regency's own admins (and the platform) see or change it.
    const kbbAdmin = await tokenFor(p, 'admin.kbb');
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${slug}/onboarding`, { token: kbbAdmin })).status, 403);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${slug}/lifecycle`, { token: await tokenFor(p, 'warga.kbb'), body: { to: 'operating' } })).status, 403);
  });

  it('refuses to publish a standar pelayanan missing any of the 14 components, listing each; publishes once the overlay completes it', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `sp-${randomUUID().slice(0, 6)}`;
    await create({ code, slug, mppStatus: 'preparing' });
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/dukcapil`, { token: admin, body: { version: '1.1.0' } })).status, 200);
    const list = await api(p, 'GET', `/api/v1/tenants/${slug}/standards`, { token: admin });
    const svc = list.body.items.find((s: { id: string }) => s.id === 'dukcapil.ktpel-penggantian');
    assert.ok(svc && !svc.standardComplete && svc.published === null);
    const refused = await api(p, 'PUT', `/api/v1/tenants/${slug}/standards/dukcapil.ktpel-penggantian`, { token: admin, body: { skNumber: '100.3.3/12/2026', skDate: '2026-11-30' } });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'STANDARD_INCOMPLETE');
    const missing = refused.body.errors.map((e: { pointer: string }) => e.pointer);
    assert.deepEqual(missing, svc.missing.map((m: { key: string }) => `/standard/${m.key}`));
    assert.ok(missing.includes('/standard/facilities'), 'the MPP building’s facilities are the regency’s to state');
    assert.match(refused.body.i18n.id.detail, /Sarana, prasarana/);
    const notInstalled = await api(p, 'PUT', `/api/v1/tenants/${slug}/standards/polri.sktlk`, { token: admin, body: { skNumber: '1', skDate: '2026-11-30' } });
    assert.deepEqual([notInstalled.status, notInstalled.body.code], [404, 'PLUGIN_NOT_INSTALLED']);
    // The regency fills what the plugin leaves to it, then publishes (at the pinned clock, through the service).
    const texts = Object.fromEntries(svc.missing.map((m: { key: string }) => [m.key, { text: [{ id: `Isi ${m.key} di MPP`, en: `${m.key} at the MPP` }] }]));
    const ov = await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/dukcapil/overlays/ktpel-penggantian`, { token: admin, body: { ...texts, counter: { name: 'Gerai Disdukcapil', number: '1' } } });
    assert.equal(ov.status, 200, JSON.stringify(ov.body));
    const unpublished = await api(p, 'GET', `/api/v1/tenants/${slug}/standards/dukcapil.ktpel-penggantian`, { token: admin });
    assert.deepEqual([unpublished.status, unpublished.body.code], [404, 'STANDARD_NOT_PUBLISHED']);
    const { standard: published, etag: first } = await p.services.onboarding.publishStandard(await ctxOf(slug), 'dukcapil.ktpel-penggantian', { skNumber: '100.3.3/12/2026', skDate: '2026-11-30' }, 'admin.platform');
    assert.deepEqual([published.service, published.skNumber, published.pluginVersion, published.publishedAt], ['dukcapil.ktpel-penggantian', '100.3.3/12/2026', '1.1.0', clock.now().toISOString()]);
    const url = `/api/v1/tenants/${slug}/standards/dukcapil.ktpel-penggantian`;
    const read = await api(p, 'GET', url, { token: admin });
    assert.deepEqual([read.status, read.headers.get('etag'), read.body.skNumber], [200, first, '100.3.3/12/2026']);
    assert.equal((await api(p, 'GET', url, { token: admin, headers: { 'if-none-match': first } })).status, 304, 'unchanged: 304');

    // Publishing again (a new SK) quotes the ETag read: without it 428, with a stale one 412, and nothing is written.
    const sk13 = { skNumber: '100.3.3/13/2026', skDate: '2026-12-01' };
    const blind = await api(p, 'PUT', url, { token: admin, body: sk13 });
    assert.deepEqual([blind.status, blind.body.code, blind.body.errors[0].pointer], [428, 'PRECONDITION_REQUIRED', '/headers/if-match']);
    const stale = await api(p, 'PUT', url, { token: admin, body: sk13, headers: { 'if-match': '"1-stale"' } });
    assert.deepEqual([stale.status, stale.body.code, stale.body.currentEtag], [412, 'PRECONDITION_FAILED', first]);
    const createOnly = await api(p, 'PUT', url, { token: admin, body: sk13, headers: { 'if-none-match': '*' } });
    assert.equal(createOnly.status, 412, 'If-None-Match: * never replaces');
    const unchanged = await api(p, 'GET', url, { token: admin });
    assert.deepEqual([unchanged.body.skNumber, unchanged.headers.get('etag')], ['100.3.3/12/2026', first], 'the refused writes did not happen');
    const again = await api(p, 'PUT', url, { token: admin, body: sk13, headers: { 'if-match': first } });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.skNumber, '100.3.3/13/2026');
    const second = again.headers.get('etag')!;
    assert.ok(second && second !== first, 'a write changes the ETag');
    assert.equal((await api(p, 'GET', url, { token: admin, headers: { 'if-none-match': first } })).status, 200, 'the old ETag no longer matches');
    assert.equal((await api(p, 'PUT', url, { token: admin, body: { ...sk13, skNumber: '100.3.3/14/2026' }, headers: { 'if-match': first } })).status, 412, 'the ETag read before the last write is stale');
    const o = await api(p, 'GET', `/api/v1/tenants/${slug}/onboarding`, { token: admin });
    const item = (k: string) => o.body.items.find((i: { key: string }) => i.key === k);
    assert.equal(item('standards').detail, `1/${o.body.counts.servicesInstalled}`);
    assert.equal(o.body.counts.servicesLive, 1);
    assert.equal(o.body.counts.countersSet, 1);
    const listed = await api(p, 'GET', `/api/v1/tenants/${slug}/standards`, { token: admin });
    assert.equal(listed.body.items.find((x: { id: string }) => x.id === 'dukcapil.ktpel-penggantian').published.skNumber, '100.3.3/13/2026');

    // Withdrawing undoes a decree: If-Match is required.
    const blindDelete = await api(p, 'DELETE', url, { token: admin });
    assert.deepEqual([blindDelete.status, blindDelete.body.code], [428, 'PRECONDITION_REQUIRED']);
    assert.deepEqual([(await api(p, 'DELETE', url, { token: admin, headers: { 'if-match': first } })).status, (await api(p, 'GET', url, { token: admin })).status], [412, 200], 'a stale withdrawal removes nothing');
    assert.equal((await api(p, 'DELETE', url, { token: admin, headers: { 'if-match': second } })).status, 204);
    const gone = await api(p, 'DELETE', url, { token: admin, headers: { 'if-match': second } });
    assert.deepEqual([gone.status, gone.body.code], [404, 'STANDARD_NOT_PUBLISHED']);
    // Published again after the withdrawal: a new record, whose ETag is none of the old ones.
    const republished = await api(p, 'PUT', url, { token: admin, body: { skNumber: '100.3.3/20/2026', skDate: '2026-12-05' } });
    assert.equal(republished.status, 200, JSON.stringify(republished.body));
    assert.ok(![first, second].includes(republished.headers.get('etag')!), 'a withdrawn and republished standard never reuses an ETag');
  });

  it('lists the installed services’ standards page by page, in service id order', async () => {
    const all: string[] = [];
    let url: string | null = '/api/v1/tenants/kota-bogor/standards?limit=7';
    while (url) {
      const r = await api(p, 'GET', url, { token: admin });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      all.push(...r.body.items.map((s: { id: string }) => s.id));
      url = r.body.next ? `/api/v1/tenants/kota-bogor/standards?limit=7&cursor=${r.body.next}` : null;
      if (url) assert.match(r.headers.get('link') ?? '', /rel="next"/);
    }
    const whole = (await p.services.onboarding.services(await ctxOf('kota-bogor'))).map((s) => s.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(all, whole, 'every service once, in order');
    assert.ok(all.length > 7, 'more than one page');
    const bad = await api(p, 'GET', '/api/v1/tenants/kota-bogor/standards?cursor=bm90LWEtY3Vyc29y', { token: admin });
    assert.deepEqual([bad.status, bad.body.code], [400, 'CURSOR_INVALID']);
  });

  it('computes the checklist: MoU per agency, maklumat, SK; progress rises item by item', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `ck-${randomUUID().slice(0, 6)}`;
    await create({ code, slug, committedOn: '2026-01-15', mppStatus: 'committed' });
    const contradictory = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code: (await unusedRegencyCodes(p, 1))[0], slug: `${slug}-x`, committedOn: '2026-01-15', mppStatus: 'proposed' } });
    assert.deepEqual([contradictory.status, contradictory.body.errors?.[0]?.pointer], [422, '/mppStatus']);
    const get = async () => p.services.onboarding.checklist(await ctxOf(slug));
    const before = await get();
    assert.equal(before.deadline, '2027-01-15');
    assert.equal(before.daysToDeadline, daysBetween(localDate(clock.now(), (await p.services.tenants.get(slug)).timeZone), '2027-01-15'));
    assert.deepEqual(before.items.filter((i) => i.done).map((i) => i.key), ['commitment']);
    assert.equal(before.progress, 1 / 7);
    await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/polri`, { token: admin, body: { version: '1.1.0' } });
    const mou = await api(p, 'PUT', `/api/v1/tenants/${slug}/agencies/polri`, { token: admin, body: { name: 'Polres', mouNumber: 'PKS/01/2026', mouSignedOn: '2026-02-01', plannedServices: 3 } });
    assert.equal(mou.status, 200, JSON.stringify(mou.body));
    assert.deepEqual([mou.body.agencyCode, mou.body.recordedBy], ['polri', 'admin.platform']);
    const mouUrl = `/api/v1/tenants/${slug}/agencies/polri`;
    const mouTag = mou.headers.get('etag')!;
    const mouRead = await api(p, 'GET', mouUrl, { token: admin });
    assert.deepEqual([mouRead.status, mouRead.headers.get('etag'), mouRead.body.mouNumber], [200, mouTag, 'PKS/01/2026']);
    assert.equal((await api(p, 'GET', mouUrl, { token: admin, headers: { 'if-none-match': mouTag } })).status, 304);
    const amended = { name: 'Polres Kota', mouNumber: 'PKS/01/2026-A', mouSignedOn: '2026-02-01', plannedServices: 3 };
    assert.equal((await api(p, 'PUT', mouUrl, { token: admin, body: amended })).status, 428, 'replacing an MoU record quotes its ETag');
    assert.equal((await api(p, 'GET', mouUrl, { token: admin })).body.name, 'Polres', 'not replaced');
    const amendedMou = await api(p, 'PUT', mouUrl, { token: admin, body: amended, headers: { 'if-match': mouTag } });
    assert.deepEqual([amendedMou.status, amendedMou.body.name], [200, 'Polres Kota']);
    assert.notEqual(amendedMou.headers.get('etag'), mouTag);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${slug}/agencies/bpn`, { token: admin })).body.code, 'AGENCY_NOT_JOINED');
    const badMou = await api(p, 'PUT', `/api/v1/tenants/${slug}/agencies/polri`, { token: admin, body: { name: ' ', mouNumber: 'x', mouSignedOn: 'kemarin', plannedServices: -1 } });
    assert.deepEqual([badMou.status, badMou.body.code], [422, 'BODY_INVALID']);
    assert.deepEqual(badMou.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/mouSignedOn', '/name', '/plannedServices']);
    const mkUrl = `/api/v1/tenants/${slug}/maklumat`;
    const none = await api(p, 'GET', mkUrl);
    assert.deepEqual([none.status, none.body.maklumat, none.headers.get('etag')], [200, null, '"0"'], 'before publication: null, ETag "0"');
    const pledge = { text: 'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan.', signedBy: 'Bupati', signedOn: '2026-03-01' };
    const mk = await api(p, 'PUT', mkUrl, { token: admin, body: pledge, headers: { 'if-match': '"0"' } });
    assert.equal(mk.status, 200, JSON.stringify(mk.body));
    const mkTag = mk.headers.get('etag')!;
    assert.equal((await api(p, 'GET', mkUrl, { headers: { 'if-none-match': mkTag } })).status, 304);
    assert.equal((await api(p, 'PUT', mkUrl, { token: admin, body: { ...pledge, signedBy: 'Wakil Bupati' } })).status, 428);
    assert.equal((await api(p, 'PUT', mkUrl, { token: admin, body: { ...pledge, signedBy: 'Wakil Bupati' }, headers: { 'if-match': '"0"' } })).status, 412, 'someone published since it was read as none');
    assert.equal((await api(p, 'GET', mkUrl)).body.maklumat.signedBy, 'Bupati', 'not replaced');
    const decree = await api(p, 'POST', `/api/v1/tenants/${slug}/decrees`, { token: admin, body: { kind: 'mpp-establishment', number: '188.45/77/2026', signedOn: '2026-03-01', title: 'Penyelenggaraan MPP' } });
    assert.deepEqual([decree.status, decree.body.number], [201, '188.45/77/2026']);
    const after = await get();
    assert.deepEqual(after.items.filter((i) => i.done).map((i) => i.key), ['commitment', 'agencies', 'plugins', 'maklumat', 'decrees']);
    assert.equal(after.counts.servicesPlanned, 3, 'planned comes from the MoUs');
    // The readiness the monitoring rollup publishes is the same checklist, counted inside one open unit of work.
    const ctx = await ctxOf(slug);
    const readiness = await p.kernel.uow.read(ctx, (tx) => p.services.onboarding.standards.readinessIn(tx, ctx));
    assert.deepEqual(readiness, { done: 5, total: 7, counts: after.counts });
    // The maklumat is public.
    const pub = await api(p, 'GET', `/api/v1/tenants/${slug}/maklumat`);
    assert.deepEqual([pub.status, pub.body.maklumat.signedBy], [200, 'Bupati']);
    assert.equal(pub.body.maklumat.publishedBy, undefined, 'who typed it is not public');
    assert.equal((await api(p, 'DELETE', mouUrl, { token: admin })).status, 428, 'removing quotes the ETag too');
    assert.equal((await api(p, 'DELETE', mouUrl, { token: admin, headers: { 'if-match': mouTag } })).status, 412);
    assert.equal((await api(p, 'DELETE', mouUrl, { token: admin, headers: { 'if-match': amendedMou.headers.get('etag')! } })).status, 204);
    const notJoined = await api(p, 'DELETE', mouUrl, { token: admin, headers: { 'if-match': amendedMou.headers.get('etag')! } });
    assert.deepEqual([notJoined.status, notJoined.body.code], [404, 'AGENCY_NOT_JOINED']);
  });

  it('pages decrees, agencies and the lifecycle: every record once, even with records added between pages', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `pg-${randomUUID().slice(0, 6)}`;
    await create({ code, slug, committedOn: '2025-01-10', mppStatus: 'committed' });
    const decree = (n: number, signedOn: string) =>
      api(p, 'POST', `/api/v1/tenants/${slug}/decrees`, { token: admin, body: { kind: n % 2 ? 'other' : 'formation-team', number: `SK-${n}/2025`, signedOn, title: `Keputusan ${n}` } });
    for (let n = 1; n <= 7; n++) assert.equal((await decree(n, `2025-0${1 + (n % 3)}-1${n}`)).status, 201);
    const start = (await p.services.onboarding.decrees(await ctxOf(slug))).map((d) => `${d.kind}:${d.number}`);
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const r = await api(p, 'GET', `/api/v1/tenants/${slug}/decrees?limit=3${next ? `&cursor=${next}` : ''}`, { token: admin });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      seen.push(...r.body.items.map((d: { kind: string; number: string }) => `${d.kind}:${d.number}`));
      next = r.body.next;
      pages++;
      // Recorded meanwhile: one dated before every page read so far, one after.
      if (pages === 1) {
        await decree(100, '2024-12-31');
        await decree(101, '2025-12-31');
      }
    } while (next);
    assert.equal(new Set(seen).size, seen.length, 'no decree twice');
    for (const d of start) assert.ok(seen.includes(d), `${d} seen`);
    assert.ok(seen.includes('formation-team:SK-100/2025') === false && seen.includes('other:SK-101/2025'), 'an insert behind the cursor is not seen on this walk, one ahead of it is');
    const again = await api(p, 'GET', `/api/v1/tenants/${slug}/decrees?limit=200`, { token: admin });
    const keys = again.body.items.map((d: { signedOn: string; kind: string; number: string }) => `${d.signedOn} ${d.kind} ${d.number}`);
    assert.deepEqual(keys, [...keys].sort(), 'in date order');
    assert.equal(again.body.items.length, 9);
    // A cursor is opaque, but a forged one (a key that is not a date) is refused, not a database error.
    const real = JSON.parse(Buffer.from((await api(p, 'GET', `/api/v1/tenants/${slug}/decrees?limit=3`, { token: admin })).body.next, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...real, k: ['kemarin', 'other', 'x'] })).toString('base64url');
    const tampered = await api(p, 'GET', `/api/v1/tenants/${slug}/decrees?limit=3&cursor=${forged}`, { token: admin });
    assert.deepEqual([tampered.status, tampered.body.code], [400, 'CURSOR_INVALID']);

    for (const a of ['polri', 'dukcapil', 'bpn']) assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/agencies/${a}`, { token: admin, body: { name: a, mouNumber: `PKS/${a}`, mouSignedOn: '2025-02-01', plannedServices: 1 } })).status, 200);
    const first = await api(p, 'GET', `/api/v1/tenants/${slug}/agencies?limit=2`, { token: admin });
    assert.deepEqual(first.body.items.map((a: { agencyCode: string }) => a.agencyCode), ['bpn', 'dukcapil']);
    assert.match(first.headers.get('link')!, /rel="next"/);
    await api(p, 'PUT', `/api/v1/tenants/${slug}/agencies/taspen`, { token: admin, body: { name: 'taspen', mouNumber: 'PKS/taspen', mouSignedOn: '2025-02-01', plannedServices: 1 } });
    const rest = await api(p, 'GET', `/api/v1/tenants/${slug}/agencies?limit=2&cursor=${first.body.next}`, { token: admin });
    assert.deepEqual([rest.body.items.map((a: { agencyCode: string }) => a.agencyCode), rest.body.next], [['polri', 'taspen'], null]);

    const move = (body: unknown) => api(p, 'POST', `/api/v1/tenants/${slug}/lifecycle`, { token: admin, body });
    assert.equal((await move({ to: 'preparing', on: '2025-02-01' })).status, 200);
    assert.equal((await move({ to: 'trial', on: '2025-03-01' })).status, 200);
    const h1 = await api(p, 'GET', `/api/v1/tenants/${slug}/lifecycle?limit=2`, { token: admin });
    assert.deepEqual(h1.body.items.map((e: { seq: number }) => e.seq), [1, 2]);
    assert.equal((await move({ to: 'launched', on: '2025-04-01' })).status, 200);
    const h2 = await api(p, 'GET', `/api/v1/tenants/${slug}/lifecycle?limit=2&cursor=${h1.body.next}`, { token: admin });
    assert.deepEqual([h2.body.items.map((e: { to: string }) => e.to), h2.body.next], [['trial', 'launched'], null], 'a move made meanwhile comes last');
  });

  it('kaji tiru: copies Kota Bogor (plugins, versions, overlays and counters), shows the drift and takes the model’s upgrades', async function () {
    this.timeout(60_000);
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `kt-${randomUUID().slice(0, 6)}`;
    const t = await create({ code, slug, copyOf: 'kota-bogor' });
    assert.equal(t.modelTenant, 'kota-bogor');
    assert.match(t.kajiTiru.template.maklumat, /sanggup menyelenggarakan/);
    assert.equal(t.kajiTiru.template.agencies.length, 10, 'the model’s agencies, as a plan');
    const bogor = await api(p, 'GET', '/api/v1/tenants/kota-bogor/installations', { token: admin });
    const mine = await api(p, 'GET', `/api/v1/tenants/${slug}/installations`, { token: admin });
    assert.deepEqual(mine.body.items.map((i: { plugin: string; version: string }) => `${i.plugin}@${i.version}`), bogor.body.items.map((i: { plugin: string; version: string }) => `${i.plugin}@${i.version}`));
    assert.equal(bogor.body.items.length, 10);
    assert.deepEqual(mine.body.items.find((i: { plugin: string }) => i.plugin === 'dukcapil').overlays, bogor.body.items.find((i: { plugin: string }) => i.plugin === 'dukcapil').overlays, 'counters and local components copied');
    const o = await api(p, 'GET', `/api/v1/tenants/${slug}/onboarding`, { token: admin });
    assert.match(o.body.maklumatTemplate, /sanggup menyelenggarakan/, 'the model’s maklumat is offered as a template');
    assert.equal(o.body.items.find((i: { key: string }) => i.key === 'counters').done, true);
    let d = await api(p, 'GET', `/api/v1/tenants/${slug}/drift`, { token: admin });
    assert.deepEqual([d.body.inSync, d.body.model], [false, 'kota-bogor'], 'only the maklumat differs');
    assert.deepEqual([d.body.maklumatDiffers, d.body.overlays.length, d.body.plugins.every((x: { state: string }) => x.state === 'same')], [true, 0, true]);

    // The role model moves Taspen to a new version; the copy is now behind and can take it.
    const taspen = (await api(p, 'GET', '/api/v1/plugins/taspen/versions/1.0.0')).body.manifest;
    const next = structuredClone(taspen);
    next.version = `1.0.${1 + Math.floor(Math.random() * 1e6)}`;
    const pub = await api(p, 'POST', '/api/v1/plugins', { token: admin, body: next });
    assert.ok([200, 201].includes(pub.status), JSON.stringify(pub.body));
    assert.equal((await api(p, 'PUT', '/api/v1/tenants/kota-bogor/installations/taspen', { token: admin, body: { version: next.version } })).status, 200);
    try {
      d = await api(p, 'GET', `/api/v1/tenants/${slug}/drift`, { token: admin });
      assert.deepEqual(d.body.upgradesAvailable, [{ plugin: 'taspen', from: '1.0.0', to: next.version }]);
      assert.equal(d.body.plugins.find((x: { plugin: string }) => x.plugin === 'taspen').state, 'behind');
      const adopt = await api(p, 'POST', `/api/v1/tenants/${slug}/drift/adopt`, { token: admin, body: {} });
      assert.equal(adopt.status, 200, JSON.stringify(adopt.body));
      assert.deepEqual(adopt.body.taken.map((x: { plugin: string; action: string }) => `${x.plugin}:${x.action}`), ['taspen:upgraded']);
      assert.deepEqual(adopt.body.drift.upgradesAvailable, []);
      const repeat = await api(p, 'POST', `/api/v1/tenants/${slug}/drift/adopt`, { token: admin, body: {} });
      assert.deepEqual(repeat.body.taken, [], 'repeating it changes nothing');
    } finally {
      // Put the model back so other suites see Bogor as seeded.
      await api(p, 'PUT', '/api/v1/tenants/kota-bogor/installations/taspen', { token: admin, body: { version: '1.0.0' } });
    }

    const self = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code: (await unusedRegencyCodes(p, 1))[0], slug: 'kt-self', copyOf: 'kt-self' } });
    assert.deepEqual([self.status, self.body.code], [422, 'MODEL_INVALID']);
    const noModel = await api(p, 'GET', '/api/v1/tenants/kab-kapuas/drift', { token: admin });
    assert.deepEqual([noModel.status, noModel.body.code], [409, 'NO_MODEL_TENANT']);
  });
});
