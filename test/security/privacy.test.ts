import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// Accountability for personal data (UU 27/2022, docs/privacy.md): the access log and the person's
// export are personal data themselves. Each test performs the attack and asserts it fails.

const T = 'kab-kapuas';
const KBB = 'kab-bandung-barat';
const SKTLK = {
  nik: '6203054507850002',
  namaLengkap: 'Budi Santoso',
  noHp: '081234567891',
  barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }],
  tanggalKejadian: '2026-11-20',
  lokasiKejadian: 'Pasar Kuala Kapuas',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.',
};
const OTHER_NIK = '6203056607900004';
const CONSENT = { statement: 'Saya menyetujui petugas mengisi permohonan atas nama saya.', method: 'signed-form' as const };
const DAY = 86_400_000;

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

describe('security: the personal data access log, the export and the retention purge', () => {
  let p: Platform;
  let tok: Record<string, string>;
  let app: { id: string; trackingCode: string };
  const log = (t: string) => `/api/v1/tenants/${t}/personal-data-access`;

  before(async function () {
    this.timeout(120_000);
    p = sharedPlatform();
    const users = ['warga.kapuas', 'warga.kbb', 'petugas.polri.kapuas', 'admin.kapuas', 'admin.kbb', 'petugas.dukcapil.kbb', 'analis.kemenpanrb'];
    tok = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await tokenFor(p, u)] as const)));
    const created = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: tok['warga.kapuas']!, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    app = created.body;
    // The officer reads it (nothing to read before submission: drafts are the owner's) — after the citizen submits.
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${app.id}/documents/identitas?filename=ktp.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tok['warga.kapuas']}`, 'content-type': 'application/pdf' },
      body: await pdf('KTP Budi'),
    });
    assert.equal(up.status, 201);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}/submit`, { token: tok['warga.kapuas']! })).status, 404);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${app.id}/submit`, { token: tok['warga.kapuas']! })).status, 200);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: tok['petugas.polri.kapuas']! })).status, 200);
  });

  it("a citizen cannot read the tenant's access log, nor another person's log or data", async () => {
    const victimSub = claimsOf(tok['warga.kapuas']!).sub as string;
    const attacker = tok['warga.kbb']!;
    const admin = await api(p, 'GET', `${log(T)}?person=${victimSub}`, { token: attacker });
    assert.equal(admin.status, 403, JSON.stringify(admin.body));
    // The person's routes take no person: naming one is refused, not honoured.
    for (const path of [`/api/v1/tenants/${T}/me/personal-data-access?person=${victimSub}`, `/api/v1/tenants/${T}/me/data?subject=${victimSub}`]) {
      const r = await api(p, 'GET', path, { token: attacker });
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body)}`);
    }
    const own = await api(p, 'GET', `/api/v1/tenants/${T}/me/personal-data-access?limit=200`, { token: attacker });
    assert.equal(own.status, 200);
    assert.ok(!own.body.items.some((e: { record: { id: string } }) => e.record.id === app.id), "the victim's reads are not in the attacker's log");
    const data = await api(p, 'GET', `/api/v1/tenants/${T}/me/data`, { token: attacker });
    assert.equal(data.status, 200);
    // Other suites on the shared platform may have filed as this attacker: what is exported is the
    // attacker's own, never the victim's application, its timeline or who read it.
    const exported = JSON.stringify(data.body);
    assert.ok(!exported.includes(app.id), "the victim's application is not in the attacker's export");
    assert.ok(!data.body.accessLog.some((e: { record: { id: string } }) => e.record.id === app.id));
    const mine = await api(p, 'GET', `/api/v1/tenants/${T}/applications?limit=200`, { token: attacker });
    const ownIds = new Set(mine.body.items.map((a: { id: string }) => a.id));
    for (const a of data.body.applications as { id: string }[]) assert.ok(ownIds.has(a.id), `exported ${a.id} is not the attacker's`);
    // Without a token, nothing.
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/me/data`)).status, 401);
  });

  it("an officer or another tenant's admin cannot read a tenant's access log", async () => {
    for (const [who, t] of [
      ['officer of the tenant', 'petugas.polri.kapuas'],
      ['admin of another tenant', 'admin.kbb'],
      ['officer of another tenant', 'petugas.dukcapil.kbb'],
    ] as const) {
      const r = await api(p, 'GET', log(T), { token: tok[t]! });
      assert.equal(r.status, 403, `${who}: ${JSON.stringify(r.body)}`);
      assert.ok(!JSON.stringify(r.body).includes(app.id));
    }
    // Its own admin does (the log is there to be read), and the other tenant's log does not hold it.
    const own = await api(p, 'GET', `${log(T)}?recordId=${app.id}`, { token: tok['admin.kapuas']! });
    assert.equal(own.status, 200);
    assert.equal(own.body.items.length, 1);
    const other = await api(p, 'GET', `${log(KBB)}?recordId=${app.id}`, { token: tok['admin.kbb']! });
    assert.equal(other.status, 200);
    assert.deepEqual(other.body.items, [], 'row-level security keeps the log per tenant');
  });

  it('the ministry analyst gets no personal data: no access log, no export (it holds no citizen role)', async () => {
    const analyst = tok['analis.kemenpanrb']!;
    for (const t of [T, KBB]) assert.equal((await api(p, 'GET', log(t), { token: analyst })).status, 403);
    for (const path of [`/api/v1/tenants/${T}/me/data`, `/api/v1/tenants/${T}/me/personal-data-access`]) {
      const r = await api(p, 'GET', path, { token: analyst });
      assert.deepEqual([r.status, r.body.code], [403, 'ROLE_REQUIRED'], path);
    }
  });

  it("the export holds no other person's data, not even of those the caller filed for", async () => {
    const officer = tok['petugas.polri.kapuas']!;
    const filed = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: officer,
      body: { service: 'polri.sktlk', data: { ...SKTLK, nik: OTHER_NIK, namaLengkap: 'Rina Wati' }, applicant: { nik: OTHER_NIK, name: 'Rina Wati', phone: '081234500002' }, consent: CONSENT },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const c = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, {
      token: officer,
      body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Antrean terlalu lama sekali', body: 'Warga menunggu tiga jam di loket tanpa kejelasan.', complainant: { name: 'Rina Wati', phone: '081234500002' } },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const mine = await api(p, 'GET', `/api/v1/tenants/${T}/me/data`, { token: officer });
    assert.equal(mine.status, 200);
    const text = JSON.stringify(mine.body);
    for (const leak of [OTHER_NIK, 'Rina Wati', '081234500002', SKTLK.nik, filed.body.id, c.body.id, app.id]) assert.ok(!text.includes(leak), `export of the filer holds ${leak}`);
    const victim = await api(p, 'GET', `/api/v1/tenants/${T}/me/data`, { token: tok['warga.kapuas']! });
    const vt = JSON.stringify(victim.body);
    assert.ok(vt.includes(app.id));
    for (const leak of [OTHER_NIK, 'Rina Wati', filed.body.id, c.body.id, 'petugas.polri.kapuas']) assert.ok(!vt.includes(leak), `the citizen's export holds ${leak}`);
  });

  it('the purge removes expired drafts, old contact details and access-log entries, and keeps issued documents', async function () {
    this.timeout(60_000);
    const citizen = tok['warga.kapuas']!;
    const tenant = await p.services.tenants.get(T);
    const draft = async () => {
      const d = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
      assert.equal(d.status, 201);
      return d.body.id as string;
    };
    const [stale, fresh] = [await draft(), await draft()];
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${stale}/documents/identitas?filename=ktp.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: await pdf('KTP Budi'),
    });
    assert.equal(up.status, 201);
    const staleKey = await asTenant(p, T, (sql) => sql.one<{ object_key: string }>(`select object_key from application_documents where application_id = $1`, [stale]));
    const long = new Date(Date.now() - 400 * DAY);
    const closed = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, {
      token: tok['petugas.polri.kapuas']!,
      body: { kind: 'complaint', subject: { type: 'tenant' }, title: 'Loket tutup lebih awal', body: 'Loket sudah tutup pukul sebelas padahal jadwal sampai pukul dua.', complainant: { name: 'Dewi Lestari', phone: '081234500003' } },
    });
    assert.equal(closed.status, 201, JSON.stringify(closed.body));
    await asTenant(p, T, (sql) => sql.exec(`update complaints set status = 'closed', closed_at = $2 where id = $1`, [closed.body.id, new Date(Date.now() - 1100 * DAY)]));
    // The stale draft was last touched 91 days ago; the submitted application completed 400 days ago
    // with an issued output; an access-log entry is 731 days old.
    const oldLog = await asTenant(p, T, async (sql) => {
      await sql.exec(`update applications set updated_at = $2 where id = $1`, [stale, new Date(Date.now() - 91 * DAY)]);
      await sql.exec(`update applications set status = 'completed', completed_at = $2 where id = $1`, [app.id, long]);
      await sql.exec(`insert into application_outputs (tenant_id, application_id, output_code, kind, issued_by, issued_at) values ($1, $2, 'sktlk', 'document', 'petugas.polri.kapuas', $3)`, [tenant.id, app.id, long]);
      const e = await sql.one<{ id: string }>(`select id from personal_data_access where record_id = $1 limit 1`, [app.id]);
      await sql.exec(`update personal_data_access set at = $2 where id = $1`, [e.id, new Date(Date.now() - 731 * DAY)]);
      return e.id;
    });

    const [report] = (await p.runJob('privacy.purge', { region: tenant.homeRegion, tenantId: tenant.id })) as { purged: Record<string, number> }[];
    assert.ok((report!.purged['draft-applications'] ?? 0) >= 1, JSON.stringify(report));

    const left = await asTenant(p, T, async (sql) => ({
      apps: (await sql.rows<{ id: string; status: string }>(`select id, status from applications where id = any($1::uuid[])`, [[stale, fresh, app.id]])).map((r) => r.id).sort(),
      outputs: (await sql.rows<{ output_code: string }>(`select output_code from application_outputs where application_id = $1`, [app.id])).map((r) => r.output_code),
      docs: (await sql.one<{ n: number }>(`select count(*)::int as n from application_documents where application_id = $1`, [app.id])).n,
      log: (await sql.maybe<{ id: string }>(`select id from personal_data_access where id = $1`, [oldLog])) ?? null,
      purgedNote: (await sql.rows<{ action: string }>(`select action from application_events where application_id = $1 and action = 'documents-purged'`, [app.id])).length,
      contact: (await sql.one<{ complainant: object; title: string }>(`select complainant, title from complaints where id = $1`, [closed.body.id])),
      audit: (await sql.rows<{ subject: string }>(`select subject from audit_events where action = 'privacy.retention.purged'`)).map((r) => r.subject),
    }));
    assert.deepEqual(left.apps, [fresh, app.id].sort(), 'the stale draft is gone; the fresh draft and the completed application stay');
    assert.deepEqual(left.outputs, ['sktlk'], 'the issued output is kept (arsip)');
    assert.equal(left.docs, 0, 'supporting copies of a completed application go after a year');
    assert.equal(left.purgedNote, 1, 'the timeline says so');
    assert.equal(left.log, null, 'an access-log entry past two years is gone');
    assert.ok(left.audit.includes('retention:draft-applications'));
    assert.deepEqual(left.contact, { complainant: {}, title: 'Loket tutup lebih awal' }, 'a complaint closed three years ago keeps its content, not its complainant’s contact');
    assert.equal(await p.store.exists(tenant.homeRegion, staleKey.object_key), false, "the stale draft's file is deleted from the bucket");
    // The person still reads the completed application with its output.
    const view = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: citizen });
    assert.equal(view.status, 200);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${stale}`, { token: citizen })).status, 404);
  });
});
