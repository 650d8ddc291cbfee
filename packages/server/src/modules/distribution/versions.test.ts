import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { api, reissuedToken, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { VERSIONS_JOB } from './index.js';

const SKTLK = { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' };
const FOTO = { code: 'foto-diri', name: { id: 'Pasfoto terbaru', en: 'Recent photo' }, accept: ['image/jpeg', 'image/png'], maxSizeMb: 2, minCount: 1, maxCount: 1 };

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

/**
 * Issue 23: a plugin of its own (a copy of Polri's under a fresh id and agency) published in three
 * versions while three regencies in two regions run it with different pins and policies.
 */
describe('plugin versions across tenants: range pins, auto-upgrades, drafts, distribution, the agency view', () => {
  let p: Platform;
  let admin: string;
  let citizen: string;
  let analyst: string;
  let publisher: string;
  let otherPublisher: string;
  let base: Record<string, any>;
  const id = `vt${randomUUID().slice(0, 8)}`;
  const slugs = { a: `vta-${id.slice(2)}`, b: `vtb-${id.slice(2)}`, c: `vtc-${id.slice(2)}` };
  const inst = (t: string) => `/api/v1/tenants/${t}/installations/${id}`;
  let draftId: string;
  let draftC: string;
  let inFlightId: string;

  const version = (v: string, change: (m: Record<string, any>) => void = () => {}) => {
    const m = structuredClone(base);
    m.version = v;
    change(m);
    return m;
  };
  const publish = async (m: Record<string, any>) => {
    const r = await api(p, 'POST', '/api/v1/plugins', { token: publisher, body: m });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  };
  const runJob = async () => {
    await p.runJob(VERSIONS_JOB, { region: 'id-jakarta' });
    await p.runJob(VERSIONS_JOB, { region: 'id-batam' });
  };
  const installation = async (t: string) => (await api(p, 'GET', inst(t), { token: admin })).body;
  const history = async (t: string) => (await api(p, 'GET', `${inst(t)}/history?limit=200`, { token: admin })).body.items as { action: string; actor: string; data: any }[];

  before(async function () {
    p = sharedPlatform();
    // Tokens with other claims are signed by the embedded issuer's key: the Keycloak conformance tier has none.
    if (!p.issuer) this.skip();
    [admin, citizen, analyst, otherPublisher] = await Promise.all([tokenFor(p, 'admin.platform'), tokenFor(p, 'warga.kbb'), tokenFor(p, 'analis.kemenpanrb'), tokenFor(p, 'publisher.imigrasi')]);
    publisher = await reissuedToken(p, await tokenFor(p, 'publisher.polri'), { memberships: [`/agencies/${id}/agency-publisher`] });
    const polri = (await api(p, 'GET', '/api/v1/plugins/polri/versions/1.1.0')).body.manifest;
    base = { ...structuredClone(polri), id, agency: { ...polri.agency, code: id } };
    await publish(version('1.0.0'));
    const codes = await unusedRegencyCodes(p, 3);
    for (const [i, [key, region]] of ([['a', 'id-jakarta'], ['b', 'id-batam'], ['c', 'id-jakarta']] as const).entries()) {
      const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code: codes[i], slug: slugs[key], mppStatus: 'preparing', homeRegion: region } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  });

  it('pins a range (the highest published version in it) or an exact version, and refuses a range nothing matches with its pointer', async () => {
    const bad = await api(p, 'PUT', inst(slugs.a), { token: admin, body: { range: '1..2' } });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors?.[0]?.pointer], [422, 'PIN_INVALID', '/range']);
    const both = await api(p, 'PUT', inst(slugs.a), { token: admin, body: { range: '1.0.x', version: '1.0.0' } });
    assert.deepEqual([both.status, both.body.code], [422, 'PIN_INVALID']);
    const none = await api(p, 'PUT', inst(slugs.a), { token: admin, body: { range: '^3' } });
    assert.deepEqual([none.status, none.body.code, none.body.errors?.[0]?.pointer], [422, 'PIN_NO_MATCH', '/range']);
    assert.equal((await api(p, 'GET', inst(slugs.a), { token: admin })).status, 404, 'nothing was installed');

    const a = await api(p, 'PUT', inst(slugs.a), { token: admin, body: { range: '1.0.x', policy: 'patch' } });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual([a.body.action, a.body.version, a.body.range, a.body.policy, a.body.held], ['installed', '1.0.0', '1.0.x', 'patch', null]);
    const b = await api(p, 'PUT', inst(slugs.b), { token: admin, body: { version: '1.0.0' } });
    assert.deepEqual([b.body.version, b.body.range, b.body.policy], ['1.0.0', null, 'manual']);
    const c = await api(p, 'PUT', inst(slugs.c), { token: admin, body: { version: '1.0.0', policy: 'minor' } });
    assert.deepEqual([c.body.version, c.body.policy], ['1.0.0', 'minor']);
    const again = await api(p, 'PUT', inst(slugs.a), { token: admin, body: { range: '1.0.x', policy: 'patch' } });
    assert.equal(again.body.action, 'unchanged', 'repeating the pin changes nothing');
    // Tenant C's counter: fine in 1.0.x, no longer overlayable in 1.1.0 (below).
    const overlay = await api(p, 'PUT', `${inst(slugs.c)}/overlays/sktlk`, { token: admin, body: { counter: { name: 'Gerai 3' } } });
    assert.equal(overlay.status, 200, JSON.stringify(overlay.body));
  });

  it('keeps submitted applications on their version; previews what an upgrade adding a required document and field does to drafts', async () => {
    const draft = await api(p, 'POST', `/api/v1/tenants/${slugs.a}/applications`, { token: citizen, body: { service: `${id}.sktlk`, data: SKTLK } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    draftId = draft.body.id;
    draftC = (await api(p, 'POST', `/api/v1/tenants/${slugs.c}/applications`, { token: citizen, body: { service: `${id}.sktlk`, data: SKTLK } })).body.id;
    const filed = await api(p, 'POST', `/api/v1/tenants/${slugs.a}/applications`, { token: citizen, body: { service: `${id}.sktlk`, data: { ...SKTLK, noHp: '081234567892' } } });
    inFlightId = filed.body.id;
    const up = await fetch(`${p.url}/api/v1/tenants/${slugs.a}/applications/${inFlightId}/documents/identitas?filename=ktp.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: await pdf('KTP'),
    });
    assert.equal(up.status, 201);
    const submitted = await api(p, 'POST', `/api/v1/tenants/${slugs.a}/applications/${inFlightId}/submit`, { token: citizen });
    assert.equal(submitted.body.status, 'submitted', JSON.stringify(submitted.body));

    // 1.0.1 asks for a photo and the address.
    await publish(
      version('1.0.1', (m) => {
        const s = m.services.find((x: { code: string }) => x.code === 'sktlk');
        s.documents.push(FOTO);
        s.form.schema.properties.alamat = { type: 'string', minLength: 5, maxLength: 200 };
        s.form.schema.required.push('alamat');
        s.form.ui.order.push('alamat');
        s.form.ui.labels.alamat = { id: 'Alamat', en: 'Address' };
      }),
    );
    const preview = await api(p, 'GET', `${inst(slugs.a)}/upgrade-preview?to=1.0.1`, { token: admin });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const sktlk = preview.body.services.find((s: { code: string }) => s.code === 'sktlk');
    assert.deepEqual([preview.body.from, preview.body.to, sktlk.change, sktlk.drafts, sktlk.inFlight], ['1.0.0', '1.0.1', 'changed', 1, 1]);
    assert.deepEqual(sktlk.newlyRequiredDocuments, [{ code: 'foto-diri', name: FOTO.name }]);
    assert.deepEqual(sktlk.newlyRequiredFields, [{ code: '/alamat', name: { id: 'Alamat', en: 'Address' } }]);
    assert.deepEqual([preview.body.drafts, preview.body.inFlight, preview.body.overlayConflicts], [1, 1, []]);
    assert.match(preview.body.rule.en, /Drafts move to the new version/);
    const byDefault = await api(p, 'GET', `${inst(slugs.a)}/upgrade-preview`, { token: admin });
    assert.equal(byDefault.body.to, '1.0.1', 'without `to`: what the pin and policy admit');
  });

  it('upgrades on publish where the policy and range admit it, once; moves drafts with what they now need; leaves manual pins alone', async () => {
    await runJob();
    await runJob();
    const a = await installation(slugs.a);
    assert.deepEqual([a.version, a.range, a.policy], ['1.0.1', '1.0.x', 'patch']);
    const upgrades = (await history(slugs.a)).filter((e) => e.action === 'plugin.upgraded');
    assert.equal(upgrades.length, 1, 'idempotent: two runs, one upgrade');
    assert.deepEqual([upgrades[0]!.actor, upgrades[0]!.data.from, upgrades[0]!.data.to, upgrades[0]!.data.draftsMoved], ['system:auto-upgrade', '1.0.0', '1.0.1', { sktlk: 1 }]);
    assert.equal((await installation(slugs.b)).version, '1.0.0', 'manual: stays');
    assert.equal((await installation(slugs.c)).version, '1.0.1', 'minor admits a patch too');

    const draft = await api(p, 'GET', `/api/v1/tenants/${slugs.a}/applications/${draftId}`, { token: citizen });
    assert.equal(draft.body.service.version, '1.0.1', 'the draft moved');
    assert.deepEqual(draft.body.versionChange.documents, [{ code: 'foto-diri', name: FOTO.name }]);
    assert.deepEqual(draft.body.versionChange.fields, [{ code: '/alamat', name: { id: 'Alamat', en: 'Address' } }]);
    assert.deepEqual([draft.body.versionChange.from, draft.body.versionChange.to], ['1.0.0', '1.0.1']);
    const refused = await api(p, 'POST', `/api/v1/tenants/${slugs.a}/applications/${draftId}/submit`, { token: citizen });
    assert.equal(refused.status, 422, 'the new version’s requirements apply to the draft');
    const inFlight = await api(p, 'GET', `/api/v1/tenants/${slugs.a}/applications/${inFlightId}`, { token: citizen });
    assert.deepEqual([inFlight.body.service.version, inFlight.body.versionChange], ['1.0.0', undefined], 'a submitted application keeps its version');
  });

  it('refuses a minor version under a patch policy, and holds back an upgrade whose overlay no longer fits, with the reason, until the overlay is fixed', async () => {
    await publish(
      version('1.1.0', (m) => {
        const s = m.services.find((x: { code: string }) => x.code === 'sktlk');
        s.documents.push(FOTO);
        s.form.schema.properties.alamat = { type: 'string', minLength: 5, maxLength: 200 };
        s.form.schema.required.push('alamat');
        s.form.ui.order.push('alamat');
        s.form.ui.labels.alamat = { id: 'Alamat', en: 'Address' };
        s.overlayable = s.overlayable.filter((k: string) => k !== 'counter');
      }),
    );
    await runJob();
    await runJob();
    assert.equal((await installation(slugs.a)).version, '1.0.1', 'patch policy and 1.0.x range: no minor upgrade');
    const c = await installation(slugs.c);
    assert.equal(c.version, '1.0.1');
    assert.equal(c.held.version, '1.1.0');
    assert.equal(c.held.reason[0].pointer, '/overlays/sktlk/counter');
    assert.ok(c.held.reason[0].message.id && c.held.reason[0].message.en);
    assert.equal((await history(slugs.c)).filter((e) => e.action === 'plugin.upgrade.held').length, 1, 'held once, not at every run');
    const seen = await api(p, 'GET', `/api/v1/plugins/${id}/distribution`, { token: publisher });
    assert.equal(seen.body.totals.held, 1, 'the publisher sees the held upgrade too');
    assert.equal(seen.body.tenants.find((t: { tenant: string }) => t.tenant === slugs.c).heldVersion, '1.1.0');
    const preview = await api(p, 'GET', `${inst(slugs.c)}/upgrade-preview`, { token: admin });
    assert.deepEqual([preview.body.to, preview.body.overlayConflicts[0].pointer], ['1.1.0', '/overlays/sktlk/counter']);

    const tag = (await api(p, 'GET', `${inst(slugs.c)}/overlays/sktlk`, { token: admin })).headers.get('etag')!;
    assert.equal((await api(p, 'PUT', `${inst(slugs.c)}/overlays/sktlk`, { token: admin, body: {}, headers: { 'if-match': tag } })).status, 200);
    await runJob();
    const fixed = await installation(slugs.c);
    assert.deepEqual([fixed.version, fixed.held], ['1.1.0', null]);
    // C's draft moved twice (1.0.0 → 1.0.1 → 1.1.0): still measured against the version it started on.
    const moved = (await api(p, 'GET', `/api/v1/tenants/${slugs.c}/applications/${draftC}`, { token: citizen })).body;
    assert.deepEqual([moved.service.version, moved.versionChange.from, moved.versionChange.to], ['1.1.0', '1.0.0', '1.1.0']);
    assert.deepEqual([moved.versionChange.documents.map((d: { code: string }) => d.code), moved.versionChange.fields.map((f: { code: string }) => f.code)], [['foto-diri'], ['/alamat']]);
  });

  it('shows the publisher and the ministry which version each tenant runs and who is behind, sandboxes aside; no one else', async () => {
    // A rehearsal copy of B runs the plugin too (ADR 0031): never counted.
    const sandbox = await api(p, 'POST', `/api/v1/tenants/${slugs.b}/sandboxes`, { token: admin, body: {} });
    assert.equal(sandbox.status, 201, JSON.stringify(sandbox.body));
    assert.equal((await installation(sandbox.body.slug)).version, '1.0.0');
    await runJob();
    const r = await api(p, 'GET', `/api/v1/plugins/${id}/distribution`, { token: publisher });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.latest, '1.1.0');
    assert.deepEqual(r.body.totals, { tenants: 3, onLatest: 1, behind: 2, held: 0, byPolicy: { manual: 1, patch: 1, minor: 1 } });
    assert.deepEqual(r.body.versions, [
      { version: '1.1.0', tenants: 1, behind: false },
      { version: '1.0.1', tenants: 1, behind: true },
      { version: '1.0.0', tenants: 1, behind: true },
    ]);
    assert.ok(!r.body.tenants.some((t: { tenant: string }) => t.tenant === sandbox.body.slug), 'the sandbox is not counted');
    const b = r.body.tenants.find((t: { tenant: string }) => t.tenant === slugs.b);
    assert.deepEqual([b.version, b.policy, b.behind, b.region], ['1.0.0', 'manual', true, 'id-batam'], 'gathered from both regions');
    const analystView = await api(p, 'GET', `/api/v1/plugins/${id}/distribution`, { token: analyst });
    assert.deepEqual([analystView.status, analystView.body.totals.tenants], [200, 3]);
    const asCitizen = await api(p, 'GET', `/api/v1/plugins/${id}/distribution`, { token: citizen });
    assert.deepEqual([asCitizen.status, asCitizen.body.code], [403, 'ROLE_REQUIRED']);
    const other = await api(p, 'GET', `/api/v1/plugins/${id}/distribution`, { token: otherPublisher });
    assert.deepEqual([other.status, other.body.code], [403, 'AGENCY_NOT_ALLOWED']);
  });

  it('gives the agency its services in every regency: versions, open and overdue work, completions on time, complaints, IKM — aggregates only', async () => {
    const open = await api(p, 'GET', `/api/v1/agencies/${id}/regions?period=2026-Q4`, { token: publisher });
    assert.equal(open.status, 200, JSON.stringify(open.body));
    assert.deepEqual(open.body.period, { from: '2026-10-01', to: '2026-12-31' });
    assert.deepEqual(open.body.plugins, [{ plugin: id, latest: '1.1.0' }]);
    assert.equal(open.body.totals.tenants, 3);
    const before = open.body.tenants.find((t: { tenant: string }) => t.tenant === slugs.a);
    assert.deepEqual([before.open, before.plugins[0].version, before.plugins[0].behind, before.complaints, before.skm.responses], [1, '1.0.1', true, { open: 0, overdue: 0 }, 0]);
    assert.equal(open.body.totals.open, 1);

    // The agency's officer at A finishes the application still on 1.0.0 (its own version's SOP).
    const officer = await reissuedToken(p, await tokenFor(p, 'petugas.polri.kapuas'), { memberships: [`/tenants/${slugs.a}/agencies/${id}/officer`] });
    for (const action of ['verify', 'issue']) {
      const r = await api(p, 'POST', `/api/v1/tenants/${slugs.a}/applications/${inFlightId}/actions/${action}`, { token: officer, body: {} });
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.service.version, '1.0.0');
    }
    await runJob();
    const r = await api(p, 'GET', `/api/v1/agencies/${id}/regions`, { token: publisher });
    const a = r.body.tenants.find((t: { tenant: string }) => t.tenant === slugs.a);
    assert.deepEqual([a.open, a.overdue, a.completed, a.completedOnTime, a.slaCompliance], [0, 0, 1, 1, 1]);
    assert.deepEqual([r.body.totals.completed, r.body.totals.slaCompliance], [1, 1]);
    assert.equal(r.body.tenants[0].tenant, slugs.a, 'the only tenant with completions sorts before those with none');
    const text = JSON.stringify(r.body);
    for (const personal of [SKTLK.nik, SKTLK.namaLengkap, SKTLK.noHp, 'Pasar Kuala Kapuas']) assert.ok(!text.includes(personal), `no ${personal}`);
    assert.deepEqual(Object.keys(a).sort(), ['completed', 'completedOnTime', 'complaints', 'name', 'open', 'overdue', 'plugins', 'province', 'publishedAt', 'region', 'skm', 'slaCompliance', 'tenant'].sort());
    assert.equal((await api(p, 'GET', `/api/v1/agencies/${id}/regions`, { token: analyst })).status, 200);
    const asCitizen = await api(p, 'GET', `/api/v1/agencies/${id}/regions`, { token: citizen });
    assert.deepEqual([asCitizen.status, asCitizen.body.code], [403, 'ROLE_REQUIRED']);
    const other = await api(p, 'GET', `/api/v1/agencies/${id}/regions`, { token: otherPublisher });
    assert.deepEqual([other.status, other.body.code], [403, 'AGENCY_NOT_ALLOWED']);
    const badPeriod = await api(p, 'GET', `/api/v1/agencies/${id}/regions?period=2026-Q5`, { token: publisher });
    assert.deepEqual([badPeriod.status, badPeriod.body.code], [400, 'QUERY_INVALID']);
    const unknown = await api(p, 'GET', `/api/v1/agencies/tidak-ada/regions`, { token: analyst });
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'AGENCY_NOT_FOUND']);
  });
});
