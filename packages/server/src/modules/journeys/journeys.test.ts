import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '@satupintu/core';
import { api, reissuedToken, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

const T = 'kab-bandung-barat';
const PROFILE = { nik: '3217061208900001', name: 'Dadang Sunarya', address: 'Jl. Raya Padalarang No. 12', phone: '081234567890', email: 'dadang@example.id' };

describe('journeys across agencies: ETA in hari kerja, one applicant profile shared with consent (issue 23)', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('the lost-KTP journey (Polri → Dukcapil): steps from the plugins’ declarations, ETA summed on the working-day calendar', async () => {
    // Wednesday 2 April 2025, 10:00 WIB, inside the Lebaran cuti bersama: the loss report (30 minutes)
    // the same day, then the KTP-el replacement (1 hari kerja) — 3, 4 and 7 April are cuti bersama: 8 April.
    const ctx = await p.context({ tenant: T, clock: new ManualClock('2025-04-02T03:00:00Z') });
    const j = await p.services.journeys.journey(ctx, 'dukcapil.ktpel-penggantian');
    assert.deepEqual(j.steps.map((s) => [s.service, s.status, s.estimatedDate]), [['polri.sktlk', 'to-do', '2025-04-02'], ['dukcapil.ktpel-penggantian', 'to-do', '2025-04-08']]);
    assert.deepEqual(j.steps[0]!.feeds, { service: 'dukcapil.ktpel-penggantian', document: 'sktlk', output: 'sktlk', conditional: true });
    assert.deepEqual([j.from, j.estimatedDate, j.workingDays, j.offered], ['2025-04-02', '2025-04-08', 1, true]);

    // The same through the public API, from today.
    const pub = await api(p, 'GET', `/api/v1/tenants/${T}/services/dukcapil.ktpel-penggantian/journey`);
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assert.deepEqual(pub.body.steps.map((s: { service: string }) => s.service), ['polri.sktlk', 'dukcapil.ktpel-penggantian']);
    assert.ok(pub.body.estimatedDate > pub.body.from, 'at least one working day ahead');
    // A passport's journey has its service clock start at the interview: the step says so.
    const passport = await api(p, 'GET', `/api/v1/tenants/${T}/services/imigrasi.paspor-baru/journey`);
    assert.equal(passport.body.steps.at(-1).startsOn.event.id, 'foto, sidik jari dan wawancara selesai');
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/services/dukcapil.tidak-ada/journey`)).status, 404);

    // The citizen's own journey: no application yet, so the same steps from today.
    const citizen = await reissuedToken(p, await tokenFor(p, 'warga.kbb'), { sub: `warga-${randomUUID()}` });
    const mine = await api(p, 'GET', `/api/v1/tenants/${T}/me/journeys/dukcapil.ktpel-penggantian`, { token: citizen });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.deepEqual([mine.body.estimatedDate, mine.body.workingDays], [pub.body.estimatedDate, 1]);
  });

  it('asks the profile once and pre-fills the next agency’s form only with the citizen’s consent, recorded; withdrawn, it stops', async () => {
    const citizen = await reissuedToken(p, await tokenFor(p, 'warga.kbb'), { sub: `warga-${randomUUID()}` });
    const base = `/api/v1/tenants/${T}/me/profile`;
    assert.equal((await api(p, 'GET', base, { token: citizen })).body.code, 'PROFILE_NOT_FOUND');
    const saved = await api(p, 'PUT', base, { token: citizen, body: PROFILE });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual([saved.body.profile, saved.body.version, saved.body.consents], [PROFILE, 1, []]);
    const bad = await api(p, 'PUT', base, { token: citizen, body: { ...PROFILE, nik: '12345' } });
    assert.deepEqual([bad.status, bad.body.errors?.[0]?.pointer], [422, '/nik']);

    const prefill = `${base}/prefill/dukcapil.ktpel-penggantian`;
    const refused = await api(p, 'GET', prefill, { token: citizen });
    assert.deepEqual([refused.status, refused.body.code, refused.body.errors?.[0]?.pointer], [403, 'PROFILE_CONSENT_REQUIRED', '/consent'], 'no consent, no sharing');

    const statement = 'Saya setuju profil saya dipakai untuk mengisi formulir Disdukcapil.';
    const granted = await api(p, 'PUT', `${base}/consents/dukcapil`, { token: citizen, body: { statement } });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    const again = await api(p, 'PUT', `${base}/consents/dukcapil`, { token: citizen, body: { statement: `${statement} (lagi)` } });
    assert.deepEqual([again.body.statement, again.body.grantedAt], [statement, granted.body.grantedAt], 'granting again keeps the first grant');

    const filled = await api(p, 'GET', prefill, { token: citizen });
    assert.equal(filled.status, 200, JSON.stringify(filled.body));
    // The KTP-el form has no address field: only the fields it defines, under its own names.
    assert.deepEqual(filled.body.data, { nik: PROFILE.nik, namaLengkap: PROFILE.name, noHp: PROFILE.phone, email: PROFILE.email });
    assert.equal(filled.body.consentGrantedAt, granted.body.grantedAt);
    // The passport form (Imigrasi) is another agency: asked separately.
    assert.equal((await api(p, 'GET', `${base}/prefill/imigrasi.paspor-baru`, { token: citizen })).body.code, 'PROFILE_CONSENT_REQUIRED');
    assert.deepEqual((await api(p, 'GET', base, { token: citizen })).body.consents.map((c: { agency: string }) => c.agency), ['dukcapil']);

    // Someone else sees none of it; the ministry analyst is refused by role.
    const other = await reissuedToken(p, await tokenFor(p, 'warga.kbb'), { sub: `warga-${randomUUID()}` });
    assert.equal((await api(p, 'GET', prefill, { token: other })).body.code, 'PROFILE_NOT_FOUND');
    const analyst = await api(p, 'GET', base, { token: await tokenFor(p, 'analis.kemenpanrb') });
    assert.deepEqual([analyst.status, analyst.body.code], [403, 'ROLE_REQUIRED']);

    assert.equal((await api(p, 'DELETE', `${base}/consents/dukcapil`, { token: citizen })).status, 204);
    assert.equal((await api(p, 'DELETE', `${base}/consents/dukcapil`, { token: citizen })).body.code, 'PROFILE_CONSENT_NOT_FOUND');
    assert.equal((await api(p, 'GET', prefill, { token: citizen })).body.code, 'PROFILE_CONSENT_REQUIRED', 'withdrawn: no longer shared');
  });
});
