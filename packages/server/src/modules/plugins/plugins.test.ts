import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PLATFORM_VERSION } from '@satupintu/core';
import { lintManifest } from '@satupintu/plugin-sdk';
import { api, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { manifestExample } from './examples.js';

const KTP_FORM = {
  nik: '3217064101900001',
  noKk: '3217061503120004',
  namaLengkap: 'Siti Nurhaliza',
  alasan: 'rusak',
  noHp: '081234567890',
};

describe('plugins: registry, installations, overlays and the public catalog', () => {
  let p: Platform;
  let admin: string;
  let polri: Record<string, any>;
  before(async () => {
    p = sharedPlatform();
    admin = await tokenFor(p, 'admin.platform');
    polri = (await api(p, 'GET', '/api/v1/plugins/polri/versions/1.1.0')).body.manifest;
  });

  it('publishes the ten agencies at start, each version with its content hash', async () => {
    const r = await api(p, 'GET', '/api/v1/plugins');
    const ids = r.body.items.map((x: { id: string }) => x.id).sort();
    for (const id of ['bapenda', 'bpjs-kesehatan', 'bpjs-ketenagakerjaan', 'bpn', 'djp', 'dpmptsp', 'dukcapil', 'imigrasi', 'polri', 'taspen'])
      assert.ok(ids.includes(id), `${id} published`);
    const services = r.body.items.reduce((n: number, x: { versions: { services: number }[] }) => n + x.versions[x.versions.length - 1]!.services, 0);
    assert.ok(services >= 40, `at least 40 services, got ${services}`);
    const v = await api(p, 'GET', '/api/v1/plugins/polri/versions/1.1.0');
    assert.match(v.body.contentHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(v.headers.get('etag'), `"${v.body.contentHash}"`);
    assert.match(v.headers.get('cache-control')!, /immutable/, 'a published version never changes');
    const cached = await api(p, 'GET', '/api/v1/plugins/polri/versions/1.1.0', { headers: { 'if-none-match': `"${v.body.contentHash}"` } });
    assert.deepEqual([cached.status, cached.body], [304, ''], 'a client holding the hash gets 304');
    const missing = await api(p, 'GET', '/api/v1/plugins/polri/versions/9.9.9');
    assert.deepEqual([missing.status, missing.body.code], [404, 'PLUGIN_NOT_FOUND']);
    assert.equal((await api(p, 'GET', '/api/v1/plugins/tidak-ada')).body.code, 'PLUGIN_NOT_FOUND');
  });

  it('pages the registry in id order: every plugin once, with its versions newest first', async () => {
    const seen: string[] = [];
    let url: string | null = '/api/v1/plugins?limit=3';
    while (url) {
      const r = await api(p, 'GET', url);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.items.length <= 3);
      for (const x of r.body.items as { id: string; latest: string; versions: { version: string }[] }[]) {
        seen.push(x.id);
        assert.equal(x.latest, x.versions[0]!.version, `${x.id}: latest is the newest`);
      }
      url = r.body.next ? r.headers.get('link')!.match(/^<([^>]+)>; rel="next"$/)![1]! : null;
    }
    assert.equal(new Set(seen).size, seen.length, 'no plugin twice');
    assert.deepEqual(seen, [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'in id order');
    assert.ok(seen.length >= 10);
    const imigrasi = await api(p, 'GET', '/api/v1/plugins?agency=imigrasi');
    assert.deepEqual(imigrasi.body.items.map((x: { id: string }) => x.id), ['imigrasi']);
    const otherFilter = await api(p, 'GET', `/api/v1/plugins?agency=polri&cursor=${(await api(p, 'GET', '/api/v1/plugins?limit=1')).body.next}`);
    assert.deepEqual([otherFilter.status, otherFilter.body.code], [400, 'CURSOR_INVALID'], 'a cursor belongs to its filters');
  });

  it('documents a manifest example the linter accepts', () => {
    const r = lintManifest(structuredClone(manifestExample), undefined, PLATFORM_VERSION);
    assert.deepEqual(r.issues, []);
  });

  it("lets an agency publish new versions of its own plugin, never change a published one or another agency's", async () => {
    const publisher = await tokenFor(p, 'publisher.polri');
    const next = structuredClone(polri);
    next.version = `1.1.${Math.floor(Math.random() * 1e6)}`;
    next.services[0].sla = { value: 20, unit: 'minutes' };
    const first = await api(p, 'POST', '/api/v1/plugins', { token: publisher, body: next });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await api(p, 'POST', '/api/v1/plugins', { token: publisher, body: next });
    assert.equal(again.status, 200, 'identical content is a no-op');
    assert.equal(again.headers.get('location'), `/api/v1/plugins/polri/versions/${next.version}`);
    assert.equal(first.headers.get('location'), again.headers.get('location'));
    assert.equal(again.body.contentHash, first.body.contentHash);
    const changed = structuredClone(next);
    changed.services[0].sla = { value: 25, unit: 'minutes' };
    const refused = await api(p, 'POST', '/api/v1/plugins', { token: publisher, body: changed });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'PLUGIN_VERSION_IMMUTABLE');
    const other = await api(p, 'POST', '/api/v1/plugins', { token: await tokenFor(p, 'publisher.imigrasi'), body: next });
    assert.deepEqual([other.status, other.body.code, other.body.errors?.[0]?.pointer], [403, 'AGENCY_NOT_ALLOWED', '/agency/code']);
    const hijack = structuredClone(next);
    hijack.agency.code = 'imigrasi';
    hijack.version = '9.9.9';
    const taken = await api(p, 'POST', '/api/v1/plugins', { token: await tokenFor(p, 'publisher.imigrasi'), body: hijack });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.code, 'PLUGIN_ID_TAKEN');
    // The database refuses changes to a published version whoever asks.
    await assert.rejects(p.dbs.control.query(`update plugin_versions set host_range = '*' where plugin_id = 'polri'`));
  });

  it('refuses an invalid manifest with pointers and bilingual messages', async () => {
    const bad = structuredClone(polri);
    bad.version = '1.2.0-bad';
    bad.services[0].form.schema.properties.nik = { type: 'string', pattern: '^(\\d+)+$' };
    bad.services[1].fee.kind = 'gratis';
    const r = await api(p, 'POST', '/api/v1/plugins', { token: admin, body: bad });
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'PLUGIN_MANIFEST_INVALID');
    assert.ok(r.body.errors.some((e: { pointer: string }) => e.pointer === '/services/1/fee/kind'), JSON.stringify(r.body.errors));
    // Once the manifest fits the meta-schema, the deeper checks answer: the unsafe regex, with its pointer.
    bad.services[1].fee.kind = 'free';
    const redos = await api(p, 'POST', '/api/v1/plugins', { token: admin, body: bad });
    assert.deepEqual([redos.status, redos.body.code], [422, 'PLUGIN_MANIFEST_INVALID']);
    assert.ok(redos.body.errors.some((e: { pointer: string }) => e.pointer.startsWith('/services/0/form/schema/properties/nik')), JSON.stringify(redos.body.errors));
  });

  it('installs, overlays (only what is allowed), upgrades explicitly, keeps history, uninstalls', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `plug-${randomUUID().slice(0, 8)}`;
    assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-batam', mppStatus: 'preparing' } })).status, 201);
    const base = `/api/v1/tenants/${slug}/installations/polri`;
    const installed = await api(p, 'PUT', base, { token: admin, body: { version: '1.1.0' } });
    assert.equal(installed.status, 200, JSON.stringify(installed.body));
    assert.equal(installed.body.action, 'installed');
    assert.equal((await api(p, 'PUT', base, { token: admin, body: { version: '1.1.0' } })).body.action, 'unchanged');

    const overlay = await api(p, 'PUT', `${base}/overlays/sktlk`, { token: admin, body: { counter: { name: 'Gerai Polres', number: '4' }, staffing: { text: [{ id: '2 petugas', en: '2 officers' }] } } });
    assert.equal(overlay.status, 200, JSON.stringify(overlay.body));
    const lockedFee = await api(p, 'PUT', `${base}/overlays/skck-baru`, { token: admin, body: { fee: { kind: 'fixed', amount: 50000, legalBasis: 'Perda', locked: false } } });
    assert.equal(lockedFee.status, 422);
    assert.equal(lockedFee.body.code, 'OVERLAY_INVALID');
    assert.equal(lockedFee.body.errors[0].pointer, '/fee');

    let catalog = await api(p, 'GET', `/api/v1/tenants/${slug}/services`);
    const sktlk = catalog.body.items.find((s: { id: string }) => s.id === 'polri.sktlk');
    assert.deepEqual(sktlk.counter, { name: 'Gerai Polres', number: '4' });
    assert.equal(sktlk.version, '1.1.0');

    const versions = (await api(p, 'GET', '/api/v1/plugins/polri')).body.versions.map((v: { version: string }) => v.version);
    const newer = versions.find((v: string) => v !== '1.1.0' && v !== '1.0.0');
    assert.ok(newer, 'a newer polri version exists (published above)');
    const upgraded = await api(p, 'PUT', base, { token: admin, body: { version: newer } });
    assert.equal(upgraded.body.action, 'upgraded');
    assert.deepEqual(upgraded.body.overlays.sktlk.counter, { name: 'Gerai Polres', number: '4' }, 'overlays survive the upgrade');
    catalog = await api(p, 'GET', `/api/v1/tenants/${slug}/services`);
    assert.equal(catalog.body.items.find((s: { id: string }) => s.id === 'polri.sktlk').version, newer);

    const history = await api(p, 'GET', `${base}/history`, { token: admin });
    const actions = history.body.items.map((h: { action: string }) => h.action);
    assert.deepEqual(actions.slice(0, 3), ['plugin.upgraded', 'plugin.overlay.set', 'plugin.installed']);
    assert.deepEqual({ from: history.body.items[0].data.from, to: history.body.items[0].data.to, actor: history.body.items[0].actor }, { from: '1.1.0', to: newer, actor: 'admin.platform' });

    const otherAdmin = await api(p, 'PUT', base, { token: await tokenFor(p, 'admin.kbb'), body: { version: '1.1.0' } });
    assert.equal(otherAdmin.status, 403);
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/nope`, { token: admin, body: { version: '1.0.0' } })).status, 404);

    assert.equal((await api(p, 'DELETE', base, { token: admin })).status, 204);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${slug}/services`)).body.items.length, 0);
    assert.equal((await api(p, 'DELETE', base, { token: admin })).body.code, 'PLUGIN_NOT_INSTALLED');
  });

  it("lists KBB's catalog with the six public components, agencies and counters; Imigrasi sessions Tue/Thu for 20", async () => {
    const r = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services');
    assert.equal(r.status, 200);
    assert.ok(r.body.items.length >= 35, `KBB lists ${r.body.items.length} services`);
    const ktp = r.body.items.find((s: { id: string }) => s.id === 'dukcapil.ktpel-penggantian');
    assert.equal(ktp.name.id, 'Penggantian KTP-el');
    assert.deepEqual(ktp.standard.map((c: { key: string }) => c.key), ['requirements', 'procedure', 'timeframe', 'fee', 'product', 'complaints']);
    for (const c of ktp.standard) assert.ok(c.text.length > 0 && c.text[0].id && c.text[0].en, c.key);
    assert.ok(ktp.counter?.name);
    const paspor = r.body.items.find((s: { id: string }) => s.id === 'imigrasi.paspor-baru');
    assert.equal(paspor.appointmentRequired, true);
    assert.deepEqual(paspor.schedule.sessions, [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }]);
    const search = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services?q=ktp%20hilang');
    assert.ok(search.body.items.some((s: { id: string }) => s.id === 'dukcapil.ktpel-penggantian'));
    const kapuas = await api(p, 'GET', '/api/v1/tenants/kab-kapuas/services');
    assert.deepEqual([...new Set(kapuas.body.items.map((s: { plugin: string }) => s.plugin))].sort(), ['dukcapil', 'polri']);
    const detail = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/services/dukcapil.ktpel-penggantian');
    assert.equal(detail.body.standard.length, 14);
    assert.ok(detail.body.documents.some((d: { fromService?: { plugin: string } }) => d.fromService?.plugin === 'polri'), 'the lost-KTP journey link');
  });

  it('validates form data against the installed version: NIK, KK, phone and conditional fields', async () => {
    const url = '/api/v1/tenants/kab-bandung-barat/services/dukcapil.ktpel-penggantian/validate';
    assert.equal((await api(p, 'POST', url, { body: KTP_FORM })).status, 200);
    const bad = await api(p, 'POST', url, { body: { ...KTP_FORM, nik: '1234567890123456', noHp: '12345' } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'FORM_INVALID');
    assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/nik', '/noHp']);
    const lost = await api(p, 'POST', url, { body: { ...KTP_FORM, alasan: 'hilang' } });
    assert.equal(lost.status, 422);
    assert.ok(lost.body.errors.some((e: { pointer: string }) => e.pointer === '/noSktlk'), JSON.stringify(lost.body.errors));
    assert.equal((await api(p, 'POST', '/api/v1/tenants/kab-kapuas/services/imigrasi.paspor-baru/validate', { body: {} })).body.code, 'SERVICE_NOT_FOUND');
  });

  it('compiles each plugin version’s validators once, shared by every tenant', async () => {
    const before = p.services.validators.stats();
    for (const t of ['kab-bandung-barat', 'kota-bogor', 'kab-lebong', 'kab-kapuas'])
      await api(p, 'POST', `/api/v1/tenants/${t}/services/dukcapil.ktpel-penggantian/validate`, { body: KTP_FORM });
    const after = p.services.validators.stats();
    assert.ok(after.validators - before.validators <= 1, `one validator for four tenants (${JSON.stringify({ before, after })})`);
  });
});
