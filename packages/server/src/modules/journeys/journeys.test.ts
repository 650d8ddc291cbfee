import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ManualClock } from '@satupintu/core';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, reissuedToken, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

const T = 'kab-bandung-barat';
const PROFILE = { nik: '3217061208900001', name: 'Dadang Sunarya', address: 'Jl. Raya Padalarang No. 12', phone: '081234567890', email: 'dadang@example.id' };

describe('journeys across agencies: ETA in hari kerja, one applicant profile shared with consent (issue 23)', () => {
  let p: Platform;
  before(function () {
    p = sharedPlatform();
    // Tokens with other claims are signed by the embedded issuer's key: the Keycloak conformance tier has none.
    if (!p.issuer) this.skip();
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

  it('one combined survey for the lost-KTP journey where the tenant opts in: the earlier invitation closes into it, the answer counts for Polri and Dukcapil', async function () {
    this.timeout(60_000);
    const K = 'kab-kapuas';
    const [police, dukcapil, admin] = await Promise.all([tokenFor(p, 'petugas.polri.kapuas'), tokenFor(p, 'petugas.dukcapil.kapuas'), tokenFor(p, 'admin.kapuas')]);
    const citizen = await reissuedToken(p, await tokenFor(p, 'warga.kapuas'), { sub: `warga-${randomUUID()}` });
    const doc = async () => {
      const d = await PDFDocument.create();
      d.addPage();
      return Buffer.from(await d.save());
    };
    const upload = async (id: string, code: string) =>
      (await fetch(`${p.url}/api/v1/tenants/${K}/applications/${id}/documents/${code}?filename=${code}.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await doc() })).status;
    const act = async (id: string, action: string, token: string) => assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/applications/${id}/actions/${action}`, { token, body: {} })).status, 200, action);
    const set = (on: boolean) => api(p, 'PUT', `/api/v1/tenants/${K}/skm/settings`, { token: admin, body: { combinedJourneySurvey: on } });
    const on = await set(true);
    assert.deepEqual([on.status, on.body], [200, { combinedJourneySurvey: true }]);
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${K}/skm/settings`, { token: police, body: { combinedJourneySurvey: false } })).status, 403, 'the tenant admin decides');
    try {
      const sktlkData = { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' };
      const sktlk = (await api(p, 'POST', `/api/v1/tenants/${K}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: sktlkData } })).body;
      assert.equal(await upload(sktlk.id, 'identitas'), 201);
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/applications/${sktlk.id}/submit`, { token: citizen })).body.status, 'submitted');
      await act(sktlk.id, 'verify', police);
      await act(sktlk.id, 'issue', police);
      const invites = async () => (await api(p, 'GET', `/api/v1/tenants/${K}/skm/invitations`, { token: citizen })).body.items as { token: string; service: string; alsoFor?: string[] }[];
      assert.deepEqual((await invites()).map((i) => i.service), ['polri.sktlk'], 'the first step is invited on its own, as ever');

      const ktp = (await api(p, 'POST', `/api/v1/tenants/${K}/applications`, {
        token: citizen,
        body: { service: 'dukcapil.ktpel-penggantian', data: { nik: sktlkData.nik, noKk: '6203051503120004', namaLengkap: 'Budi Santoso', alasan: 'hilang', noSktlk: sktlk.trackingCode, tglSktlk: '2026-11-21', noHp: sktlkData.noHp } },
      })).body;
      assert.equal(await upload(ktp.id, 'kk'), 201);
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/applications/${ktp.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: sktlk.trackingCode } })).status, 201);
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/applications/${ktp.id}/submit`, { token: citizen })).body.status, 'submitted');
      for (const a of ['verify', 'print', 'issue']) await act(ktp.id, a, dukcapil);

      const open = await invites();
      assert.deepEqual(open.map((i) => [i.service, i.alsoFor]), [['dukcapil.ktpel-penggantian', ['polri.sktlk']]], 'one survey for the journey; the loss report’s closed into it');
      const counts = () =>
        asTenant(p, K, (sql) => sql.rows<{ agency_code: string; n: number }>(`select agency_code, count(*)::int as n from skm_responses where agency_code in ('polri', 'dukcapil') group by agency_code order by agency_code`));
      const before = Object.fromEntries((await counts()).map((r) => [r.agency_code, r.n]));
      const answer = { invitation: open[0]!.token, answers: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 3, U9: 2 }, profile: { sex: 'L', ageBand: '30-39', education: 'SMA', occupation: 'WIRAUSAHA' } };
      const r = await api(p, 'POST', `/api/v1/tenants/${K}/skm/responses`, { body: answer });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${K}/skm/responses`, { body: answer })).body.replayed, true, 'a retry counts nothing twice');
      const after = Object.fromEntries((await counts()).map((r) => [r.agency_code, r.n]));
      assert.deepEqual([after.polri! - (before.polri ?? 0), after.dukcapil! - (before.dukcapil ?? 0)], [1, 1], 'counted once for each agency of the journey');
    } finally {
      assert.equal((await set(false)).status, 200);
    }
  });
});
