import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

// Accountability for personal data (UU 27/2022, docs/privacy.md): staff reads are logged with
// their purpose, the tenant admin and the person read the log, the person takes a copy.

const T = 'kab-kapuas';
const NIK = '6203054507850002';
const SKTLK = {
  nik: NIK,
  namaLengkap: 'Budi Santoso',
  noHp: '081234567891',
  barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }],
  tanggalKejadian: '2026-11-20',
  lokasiKejadian: 'Pasar Kuala Kapuas',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.',
};

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

type Entry = { id: string; purpose: string; record: { type: string; id: string; item: string | null }; reader: Record<string, unknown>; person?: { subject: string | null; hidden: boolean; identifiedByNik: boolean } };

describe('privacy: personal data access log, my data, retention schedule', () => {
  let p: Platform;
  let citizen: string;
  let officer: string;
  let admin: string;
  let citizenSub: string;
  let app: { id: string; trackingCode: string };
  let doc: { id: string };
  const log = `/api/v1/tenants/${T}/personal-data-access`;
  const mine = `/api/v1/tenants/${T}/me/personal-data-access`;

  before(async function () {
    this.timeout(120_000);
    p = sharedPlatform();
    [citizen, officer, admin] = (await Promise.all(['warga.kapuas', 'petugas.polri.kapuas', 'admin.kapuas'].map((u) => tokenFor(p, u)))) as [string, string, string];
    citizenSub = claimsOf(citizen).sub as string;
    const created = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    app = created.body;
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${app.id}/documents/identitas?filename=ktp.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: await pdf('KTP Budi'),
    });
    assert.equal(up.status, 201);
    doc = (await up.json()) as { id: string };
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${app.id}/submit`, { token: citizen })).status, 200);
  });

  const about = async (recordId: string, token = admin): Promise<Entry[]> => {
    const r = await api(p, 'GET', `${log}?recordId=${recordId}`, { token });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('cache-control'), 'no-store');
    return r.body.items;
  };

  it("logs an officer's read and document download, not the citizen's own; the admin and the person see it", async () => {
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: citizen })).status, 200);
    assert.deepEqual(await about(app.id), [], 'the person reading their own data is not logged');

    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: officer })).status, 200);
    const link = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}/documents/${doc.id}/download`, { token: officer });
    assert.equal(link.status, 200);
    const entries = await about(app.id);
    assert.deepEqual(entries.map((e) => [e.purpose, e.record.type, e.record.item]), [
      ['verification', 'application-document', doc.id],
      ['handling', 'application', null],
    ]);
    const [, read] = entries;
    assert.equal(read!.reader.username, 'petugas.polri.kapuas');
    assert.equal(read!.reader.role, 'officer');
    assert.deepEqual(read!.person, { subject: citizenSub, identifiedByNik: false, hidden: false });

    // Filed at the counter for a person without an account: the entry names them by a digest of the NIK.
    const WALKIN = '6203056607900003';
    const counter = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: officer,
      body: { service: 'polri.sktlk', data: { ...SKTLK, nik: WALKIN, namaLengkap: 'Siti Aminah' }, applicant: { nik: WALKIN, name: 'Siti Aminah', phone: '081234500001' }, consent: { statement: 'Saya menyetujui petugas mengisi permohonan atas nama saya.', method: 'signed-form' } },
    });
    assert.equal(counter.status, 201, JSON.stringify(counter.body));
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${counter.body.id}`, { token: officer })).status, 200);
    const byNik = await api(p, 'GET', `${log}?nik=${WALKIN}`, { token: admin });
    assert.deepEqual(byNik.body.items.map((e: Entry) => [e.record.id, e.person]), [[counter.body.id, { subject: null, identifiedByNik: true, hidden: false }]]);
    assert.ok(!JSON.stringify(byNik.body).includes(WALKIN), 'the NIK itself is never in the log');
    const stored = await asTenant(p, T, (sql) => sql.rows<{ nik_digest: string }>(`select nik_digest from personal_data_access where record_id = $1`, [counter.body.id]));
    assert.equal(stored.length, 1);
    assert.match(stored[0]!.nik_digest, /^[0-9a-f]{64}$/);
    assert.equal((await api(p, 'GET', `${log}?nik=6203054507859999`, { token: admin })).body.items.length, 0);

    // Filters: reader, purpose, record.
    assert.equal((await api(p, 'GET', `${log}?reader=petugas.polri.kapuas&purpose=verification&recordId=${app.id}`, { token: admin })).body.items.length, 1);
    const range = await api(p, 'GET', `${log}?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z`, { token: admin });
    assert.equal(range.status, 400);
    assert.equal(range.body.code, 'ACCESS_LOG_RANGE_INVALID');

    // The person sees the reads as role, agency and a pseudonym; not the staff member's username.
    const own = await api(p, 'GET', `${mine}?limit=200`, { token: citizen });
    assert.equal(own.status, 200);
    const seen = (own.body.items as Entry[]).filter((e) => e.record.id === app.id);
    assert.equal(seen.length, 2);
    assert.equal(seen[1]!.reader.role, 'officer');
    assert.equal((seen[1]!.reader.agency as { code: string }).code, 'polri');
    assert.equal(seen[1]!.reader.ref, read!.reader.ref, 'the pseudonym the admin can name');
    assert.ok(!JSON.stringify(own.body).includes('petugas.polri.kapuas'));
    // Someone else's own log does not hold it.
    assert.ok(!((await api(p, 'GET', `${mine}?limit=200`, { token: officer })).body.items as Entry[]).some((e) => e.record.id === app.id));
  });

  it("logs a complaint read by staff; an anonymous complainant is not named to the admin, but sees the read", async () => {
    const base = `/api/v1/tenants/${T}/complaints`;
    const filed = await api(p, 'POST', base, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'application', applicationId: app.id }, title: 'Permohonan lama tidak diproses', body: 'Sudah dua minggu permohonan saya tidak ada kabar dari petugas.', anonymous: true },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const id = filed.body.id as string;
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: admin })).status, 200);
    const forward = await api(p, 'POST', `${base}/${id}/verify`, { token: admin, body: { decision: 'forward', note: 'Mohon ditindaklanjuti.' } });
    assert.equal(forward.status, 200, JSON.stringify(forward.body));
    assert.equal((await api(p, 'GET', `${base}/${id}`, { token: officer })).status, 200);

    const entries = await about(id);
    assert.deepEqual(entries.map((e) => [e.purpose, e.reader.role]), [
      ['complaint-handling', 'officer'],
      ['complaint-handling', 'tenant-admin'],
    ]);
    for (const e of entries) assert.deepEqual(e.person, { subject: null, identifiedByNik: false, hidden: true });
    // A person filter never matches it: it would tell who filed.
    assert.ok(!((await api(p, 'GET', `${log}?person=${citizenSub}&limit=200`, { token: admin })).body.items as Entry[]).some((e) => e.record.id === id));
    const own = await api(p, 'GET', `${mine}?limit=200`, { token: citizen });
    assert.equal((own.body.items as Entry[]).filter((e) => e.record.id === id).length, 2);

    // The coordinator's bulk export logs each complainant it names (the anonymous one is not in it).
    const named = await api(p, 'POST', base, { token: citizen, body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Ruang tunggu panas sekali', body: 'Pendingin ruangan di ruang tunggu mati sejak pekan lalu.' } });
    assert.equal(named.status, 201);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const exported = await fetch(`${p.url}${base}/export?from=${yesterday}&to=${tomorrow}`, { headers: { authorization: `Bearer ${admin}` } });
    assert.equal(exported.status, 200, await exported.clone().text());
    assert.ok((await exported.text()).includes(named.body.trackingCode));
    assert.deepEqual((await about(named.body.id)).map((e) => [e.purpose, e.reader.role, e.person!.subject]), [['export', 'tenant-admin', citizenSub]]);
    assert.ok(!(await about(id)).some((e) => e.purpose === 'export'));
  });

  it('answers the person everything the tenant holds about them, as a file on request', async () => {
    const r = await api(p, 'GET', `/api/v1/tenants/${T}/me/data?download=true`, { token: citizen });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.match(String(r.headers.get('content-disposition')), /^attachment; filename="data-saya-kab-kapuas-\d{4}-\d{2}-\d{2}\.json"$/);
    const d = r.body;
    assert.equal(d.account.subject, citizenSub);
    assert.equal(d.account.username, 'warga.kapuas');
    const mineApp = d.applications.find((a: { id: string }) => a.id === app.id);
    assert.ok(mineApp, 'the application is in it');
    assert.equal(mineApp.data.nik, NIK);
    assert.equal(mineApp.documents[0].id, doc.id);
    assert.equal(mineApp.documents[0].downloadPath, `/api/v1/tenants/${T}/applications/${app.id}/documents/${doc.id}/download`);
    assert.ok(mineApp.timeline.some((e: { action: string }) => e.action === 'submitted'));
    assert.ok(d.complaints.some((c: { applicationId: string; anonymous: boolean }) => c.applicationId === app.id && c.anonymous));
    assert.ok(d.accessLog.some((e: Entry) => e.record.id === app.id && e.purpose === 'handling'));
    assert.ok(d.retention.some((l: { code: string }) => l.code === 'draft-applications'));
    // The download path works for the person.
    assert.equal((await api(p, 'GET', mineApp.documents[0].downloadPath, { token: citizen })).status, 200);
    const plain = await api(p, 'GET', `/api/v1/tenants/${T}/me/data`, { token: citizen });
    assert.equal(plain.headers.get('content-disposition'), null);
  });

  it('publishes the retention schedule, kept records included', async () => {
    const r = await api(p, 'GET', `/api/v1/tenants/${T}/retention`, { token: citizen });
    assert.equal(r.status, 200);
    const byCode = Object.fromEntries((r.body.items as { code: string; days: number | null }[]).map((l) => [l.code, l.days]));
    assert.equal(byCode['draft-applications'], 90);
    assert.equal(byCode['access-log'], 730);
    assert.equal(byCode['issued-outputs'], null);
  });

  it('lets the tenant admin set a period within its bounds (ditetapkan oleh regency), and the purge applies it', async function () {
    this.timeout(60_000);
    const L = 'kab-lebong';
    const [lebongAdmin, lebongCitizen] = await Promise.all([tokenFor(p, 'admin.lebong'), tokenFor(p, 'warga.kbb')]);
    const path = `/api/v1/tenants/${L}/retention/draft-applications`;
    const body = { days: 30, basis: 'Jadwal Retensi Arsip Pemerintah Kabupaten Lebong' };
    assert.equal((await api(p, 'PUT', path, { token: lebongCitizen, body })).status, 403);
    assert.equal((await api(p, 'PUT', path, { token: admin, body })).status, 403, "another tenant's admin");
    const low = await api(p, 'PUT', path, { token: lebongAdmin, body: { ...body, days: 7 } });
    assert.equal(low.status, 422);
    assert.equal(low.body.code, 'RETENTION_OUT_OF_RANGE');
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${L}/retention/issued-outputs`, { token: lebongAdmin, body })).body.code, 'RETENTION_FIXED');
    assert.equal((await api(p, 'PUT', `/api/v1/tenants/${L}/retention/nothing-here`, { token: lebongAdmin, body })).body.code, 'RETENTION_UNKNOWN');
    const set = await api(p, 'PUT', path, { token: lebongAdmin, body });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.headers.get('etag'), '"1"');
    assert.deepEqual([set.body.days, set.body.defaultDays, set.body.setBy, set.body.decree], [30, 90, 'regency', body.basis]);
    assert.equal((await api(p, 'PUT', path, { token: lebongAdmin, body: { ...body, days: 45 } })).status, 428, 'changing it again quotes the ETag');
    const again = await api(p, 'PUT', path, { token: lebongAdmin, body: { ...body, days: 40 }, headers: { 'if-match': '"1"' } });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('etag'), '"2"');
    const schedule = await api(p, 'GET', `/api/v1/tenants/${L}/retention`, { token: lebongCitizen });
    assert.equal(schedule.body.items.find((l: { code: string }) => l.code === 'draft-applications').days, 40);

    // A draft untouched for 41 days goes under the regency's 40; one of 39 days stays.
    const tenant = await p.services.tenants.get(L);
    const mk = async (age: number) =>
      asTenant(p, L, async (sql) => {
        const id = (await sql.one<{ id: string }>(`select gen_random_uuid() as id`)).id;
        await sql.exec(
          `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant_sub, applicant, filed_by_sub, filed_by_role, channel, status, state, data, created_at, updated_at)
           values ($1, $2, $3, 'uji', '1.0.0', 'x', 'uji', 'uji', 'warga-uji', '{}', 'warga-uji', 'citizen', 'online', 'draft', 'draft', '{}', $4, $4)`,
          [tenant.id, id, `U${String(age).padStart(3, '0')}-${id.slice(0, 4).toUpperCase().replace(/[^0-9A-Z]/g, '0')}`, new Date(Date.now() - age * 86_400_000)],
        );
        return id;
      });
    const [old, young] = [await mk(41), await mk(39)];
    await p.runJob('privacy.purge', { region: tenant.homeRegion, tenantId: tenant.id });
    const left = await asTenant(p, L, (sql) => sql.rows<{ id: string }>(`select id from applications where id = any($1::uuid[])`, [[old, young]]));
    assert.deepEqual(left.map((r) => r.id), [young]);
  });
});
