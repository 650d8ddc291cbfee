import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// Broken object- and function-level authorisation (OWASP API1/API5), tenant crossing, enumeration
// and row-level security: attacks that held when tried (docs/security.md, "Attacks tried").

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
const COMPLAINT = { kind: 'complaint', subject: { type: 'tenant' }, title: 'Antrean terlalu lama sekali', body: 'Saya menunggu tiga jam di loket tanpa kejelasan sama sekali.' };
/** An id in the right shape that no row has. */
const UNKNOWN = '0190a0b0-0000-7000-8000-000000000000';

async function pdf(text = 'dokumen'): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

/** What a problem answer says, without the per-request parts (instance, requestId). */
function shape(r: { status: number; body: any }) {
  const { instance: _i, requestId: _r, ...rest } = r.body as Record<string, unknown>;
  return { status: r.status, ...rest };
}

describe('security: access control attacks that held (BOLA, BFLA, tenants, enumeration, RLS)', () => {
  let p: Platform;
  let victim: string; // warga.kapuas: owns the records
  let attacker: string; // warga.kbb: another citizen
  let tok: Record<string, string>;
  let app: { id: string; trackingCode: string };
  let doc: { id: string };
  let complaint: { id: string };

  before(async function () {
    this.timeout(180_000);
    p = sharedPlatform();
    const users = ['warga.kapuas', 'warga.kbb', 'petugas.polri.kapuas', 'petugas.dukcapil.kapuas', 'admin.kapuas', 'admin.kbb', 'analis.kemenpanrb', 'publisher.imigrasi', 'petugas.imigrasi.kbb', 'admin.platform'];
    tok = Object.fromEntries(await Promise.all(users.map(async (u) => [u, await tokenFor(p, u)] as const)));
    victim = tok['warga.kapuas']!;
    attacker = tok['warga.kbb']!;
    const created = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: victim, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    app = created.body;
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${app.id}/documents/identitas?filename=ktp.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${victim}`, 'content-type': 'application/pdf' },
      body: await pdf('KTP Budi'),
    });
    assert.equal(up.status, 201, await up.clone().text());
    doc = (await up.json()) as { id: string };
    const c = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: victim, body: COMPLAINT });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    complaint = c.body;
  });

  describe('BOLA: another citizen names the victim’s ids', () => {
    it("cannot read, change, upload to, submit or download the victim's application", async () => {
      const base = `/api/v1/tenants/${T}/applications/${app.id}`;
      // The attacker even quotes the victim's current ETag.
      const etag = (await api(p, 'GET', base, { token: victim })).headers.get('etag') ?? '*';
      const attempts = [
        await api(p, 'GET', base, { token: attacker }),
        await api(p, 'PATCH', base, { token: attacker, body: { data: { ...SKTLK, namaLengkap: 'Penyerang' } }, headers: { 'if-match': etag } }),
        await api(p, 'POST', `${base}/submit`, { token: attacker }),
        await api(p, 'GET', `${base}/documents/${doc.id}/download`, { token: attacker }),
        await api(p, 'GET', `${base}/outputs/sktlk/download`, { token: attacker }),
      ];
      for (const r of attempts) assert.equal(r.status, 404, `${r.body.instance}: ${r.status} ${r.body.code}`);
      const upload = await fetch(`${p.url}${base}/documents/identitas?filename=x.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${attacker}`, 'content-type': 'application/pdf' }, body: await pdf('palsu') });
      assert.equal(upload.status, 404);
      // Nothing changed: the victim's data and single document are intact.
      const own = await api(p, 'GET', base, { token: victim });
      assert.equal(own.body.data.namaLengkap, 'Budi Santoso');
      assert.deepEqual(own.body.documents.map((d: { id: string }) => d.id), [doc.id]);
    });

    it("does not see the victim's application in its own list, even with the victim's tracking code as a filter", async () => {
      const mine = await api(p, 'GET', `/api/v1/tenants/${T}/applications?limit=200`, { token: attacker });
      assert.equal(mine.status, 200);
      assert.ok(!mine.body.items.some((a: { id: string }) => a.id === app.id));
      const q = await api(p, 'GET', `/api/v1/tenants/${T}/applications?q=${encodeURIComponent(app.trackingCode)}`, { token: attacker });
      assert.ok(q.status === 400 || !q.body.items.some((a: { id: string }) => a.id === app.id));
    });

    it("cannot pull the victim's document into its own application (journey by tracking code, or a foreign document id)", async () => {
      const mine = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: attacker, body: { service: 'dukcapil.ktpel-penggantian', data: { nik: SKTLK.nik, alasan: 'hilang' } } });
      assert.equal(mine.status, 201, JSON.stringify(mine.body));
      const journey = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${mine.body.id}/documents/sktlk/from-application`, { token: attacker, body: { trackingCode: app.trackingCode } });
      assert.equal(journey.status, 422);
      assert.equal(journey.body.code, 'JOURNEY_SOURCE_INVALID');
      const foreign = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${mine.body.id}/documents/${doc.id}/download`, { token: attacker });
      assert.equal(foreign.status, 404);
    });

    it("cannot read, post to, rate or reopen the victim's complaint, nor file one about the victim's application", async () => {
      const base = `/api/v1/tenants/${T}/complaints/${complaint.id}`;
      for (const r of [
        await api(p, 'GET', base, { token: attacker }),
        await api(p, 'POST', `${base}/messages`, { token: attacker, body: { body: 'halo, saya bukan pelapor' } }),
        await api(p, 'POST', `${base}/rating`, { token: attacker, body: { score: 1 } }),
        await api(p, 'POST', `${base}/reopen`, { token: attacker, body: { reason: 'dibuka oleh orang lain' } }),
      ])
        assert.equal(r.status, 404, `${r.body.instance}: ${r.status} ${r.body.code}`);
      assert.equal((await api(p, 'GET', base, { token: attacker })).body.code, 'COMPLAINT_NOT_FOUND');
      const list = await api(p, 'GET', `/api/v1/tenants/${T}/complaints`, { token: attacker });
      assert.ok(!list.body.items.some((c: { id: string }) => c.id === complaint.id));
      const about = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, { token: attacker, body: { ...COMPLAINT, subject: { type: 'application', applicationId: app.id } } });
      assert.equal(about.status, 422);
      assert.equal(about.body.code, 'COMPLAINT_SUBJECT_INVALID');
    });

    it("cannot cancel, reschedule or list the victim's booking", async () => {
      const sessions = await api(p, 'GET', `/api/v1/tenants/${KBB}/services/imigrasi.paspor-penggantian/sessions?days=28`);
      const open = sessions.body.items.filter((s: { holiday: string | null; status?: string; available?: number }) => !s.holiday && s.status !== 'cancelled');
      assert.ok(open.length >= 2, 'two open sessions');
      let booking: { id: string } | undefined;
      let session: { id: string } | undefined;
      for (const s of open) {
        const b = await api(p, 'POST', `/api/v1/tenants/${KBB}/sessions/${s.id}/bookings`, { token: victim, body: {} });
        if (b.status === 201) {
          booking = b.body;
          session = s;
          break;
        }
      }
      assert.ok(booking && session, 'the victim booked a seat');
      try {
        const other = open.find((s: { id: string }) => s.id !== session!.id)!;
        const base = `/api/v1/tenants/${KBB}/bookings/${booking.id}`;
        for (const r of [
          await api(p, 'POST', `${base}/reschedule`, { token: attacker, body: { sessionId: other.id } }),
          await api(p, 'DELETE', base, { token: attacker }),
        ]) {
          assert.equal(r.status, 404, `${r.body.instance}: ${r.status} ${r.body.code}`);
          assert.equal(r.body.code, 'BOOKING_NOT_FOUND');
        }
        const list = await api(p, 'GET', `/api/v1/tenants/${KBB}/bookings`, { token: attacker });
        assert.ok(!list.body.items.some((b: { id: string }) => b.id === booking!.id));
        const still = (await api(p, 'GET', `/api/v1/tenants/${KBB}/bookings?limit=200`, { token: victim })).body.items.find((b: { id: string }) => b.id === booking!.id);
        assert.equal(still?.status, 'booked');
        assert.equal(still?.sessionId, session.id);
      } finally {
        await api(p, 'DELETE', `/api/v1/tenants/${KBB}/bookings/${booking.id}`, { token: victim });
      }
    });

    it("does not get the victim's SKM invitation, and a guessed invitation token answers nothing", async () => {
      const mine = await api(p, 'GET', `/api/v1/tenants/${T}/skm/invitations`, { token: attacker });
      assert.equal(mine.status, 200);
      for (const inv of mine.body.items as { applicationTrackingCode: string }[]) assert.notEqual(inv.applicationTrackingCode, app.trackingCode);
      const answers = { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 };
      const guess = await api(p, 'POST', `/api/v1/tenants/${T}/skm/responses`, { body: { answers, profile: { sex: 'L', ageBand: '26-35', education: 'S1', occupation: 'swasta' }, invitation: 'A'.repeat(32) } });
      assert.ok(guess.status >= 400 && guess.status < 500, String(guess.status));
    });
  });

  describe('idempotency keys are bound to the caller', () => {
    it("another citizen sending the victim's Idempotency-Key gets its own answer, never the victim's", async () => {
      const key = `held-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const first = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: victim, body: { service: 'polri.sktlk', data: SKTLK }, headers: { 'idempotency-key': key } });
      assert.equal(first.status, 201);
      const second = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: attacker, body: { service: 'polri.sktlk', data: { ...SKTLK, namaLengkap: 'Penyerang Saja' } }, headers: { 'idempotency-key': key } });
      assert.ok(second.status === 201 || second.status === 409 || second.status === 422, String(second.status));
      assert.notEqual(second.body.id, first.body.id);
      assert.equal(second.headers.get('idempotent-replayed'), null);
      assert.ok(!JSON.stringify(second.body).includes(SKTLK.nik) || second.status === 201);
      if (second.status === 201) assert.equal(second.body.data.namaLengkap, 'Penyerang Saja');
      // Uploads: the same key on two people's own drafts stores both files, each answer its own.
      const mine = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: attacker, body: { service: 'polri.sktlk', data: SKTLK } });
      const upKey = `${key}-up`;
      const upload = (token: string, id: string, text: string) =>
        pdf(text).then((body) => fetch(`${p.url}/api/v1/tenants/${T}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', 'idempotency-key': upKey }, body }));
      const v = await upload(victim, first.body.id, 'korban');
      assert.equal(v.status, 201);
      const a = await upload(attacker, mine.body.id, 'penyerang');
      assert.ok(a.status === 201 || a.status === 409 || a.status === 422, String(a.status));
      const vDoc = (await v.json()) as { id: string; sha256: string };
      const aDoc = (await a.json()) as { id?: string; sha256?: string };
      assert.notEqual(aDoc.id, vDoc.id);
      if (a.status === 201) assert.notEqual(aDoc.sha256, vDoc.sha256, 'the attacker\'s own file was stored');
    });
  });

  describe('tenant crossing: own token, own id, another tenant in the path', () => {
    it("the citizen's own application is not found under another tenant's path", async () => {
      for (const r of [
        await api(p, 'GET', `/api/v1/tenants/${KBB}/applications/${app.id}`, { token: victim }),
        await api(p, 'GET', `/api/v1/tenants/${KBB}/applications/${app.id}/documents/${doc.id}/download`, { token: victim }),
        await api(p, 'GET', `/api/v1/tenants/${KBB}/complaints/${complaint.id}`, { token: victim }),
      ])
        assert.equal(r.status, 404, `${r.body.instance}: ${r.status}`);
    });

    it("a tenant admin or officer of another tenant gets 403 on the tenant's staff routes and 404 on its records", async () => {
      for (const [who, path] of [
        ['admin.kbb', `/api/v1/tenants/${T}/audit-events`],
        ['admin.kbb', `/api/v1/tenants/${T}/settings`],
        ['admin.kbb', `/api/v1/tenants/${T}/complaint-webhook`],
        ['petugas.imigrasi.kbb', `/api/v1/tenants/${T}/agencies/imigrasi/queue`],
        ['petugas.polri.kapuas', `/api/v1/tenants/${KBB}/agencies/polri/queue`],
      ] as const) {
        const r = await api(p, 'GET', path, { token: tok[who] });
        assert.equal(r.status, 403, `${who} ${path}`);
        assert.equal(r.body.code, 'TENANT_NOT_ALLOWED', `${who} ${path}`);
      }
      for (const who of ['admin.kbb', 'petugas.imigrasi.kbb']) {
        assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: tok[who] })).status, 404, who);
        assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/complaints/${complaint.id}`, { token: tok[who] })).status, 404, who);
      }
    });

    it('path tricks (encoded slash, dot segments, upper-case slug) do not switch the tenant', async () => {
      const admin = tok['admin.kapuas']!;
      for (const path of [`/api/v1/tenants/${T}%2f..%2f${KBB}/audit-events`, `/api/v1/tenants/${KBB.toUpperCase()}/audit-events`, `/api/v1/tenants/${T}/../${KBB}/audit-events`]) {
        const r = await api(p, 'GET', path, { token: admin });
        assert.ok([400, 403, 404].includes(r.status), `${path}: ${r.status}`);
        assert.ok(!(r.body.items ?? []).length, path);
      }
    });
  });

  describe('BFLA: a caller uses a function of a higher role', () => {
    const staffRoutes: [string, string, unknown?][] = [
      ['POST', '/api/v1/tenants', { slug: 'kab-palsu', code: '99.99' }],
      ['PUT', '/api/v1/holidays/2027-01-02', { name: { id: 'Libur palsu', en: 'Fake holiday' } }],
      ['GET', '/api/v1/national/cockpit'],
      ['GET', '/api/v1/national/tenants.csv'],
      ['GET', '/api/v1/complaints/stats?from=2026-01-01&to=2026-12-31'],
      ['GET', `/api/v1/tenants/${T}/audit-events`],
      ['GET', `/api/v1/tenants/${T}/settings`],
      ['PUT', `/api/v1/tenants/${T}/installations/polri`, { version: '1.1.0' }],
      ['GET', `/api/v1/tenants/${T}/complaints/export?from=2026-01-01&to=2026-12-31&format=csv`],
      ['GET', `/api/v1/tenants/${T}/complaint-webhook`],
      ['POST', '/api/v1/plugins', { id: 'polri', version: '9.9.9' }],
      ['GET', `/api/v1/tenants/${T}/agencies/polri/queue`],
      ['GET', `/api/v1/tenants/${T}/escalations`],
      ['POST', `/api/v1/tenants/${T}/applications/${UNKNOWN}/claim`, {}],
    ];

    it('a citizen gets 403 ROLE_REQUIRED on every officer, admin, publisher, ministry and platform route', async () => {
      for (const [m, path, body] of staffRoutes) {
        const r = await api(p, m, path, { token: attacker, ...(body ? { body } : {}) });
        assert.equal(r.status, 403, `${m} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        assert.equal(r.body.code, 'ROLE_REQUIRED', `${m} ${path}`);
      }
    });

    it("an officer cannot act as tenant admin, platform admin or publisher; nor on another agency's queue or records", async () => {
      const officer = tok['petugas.polri.kapuas']!;
      for (const [m, path, body] of [
        ['GET', `/api/v1/tenants/${T}/audit-events`],
        ['PUT', `/api/v1/tenants/${T}/settings`, { allowedOrigins: ['https://evil.example'] }],
        ['PUT', `/api/v1/tenants/${T}/complaint-webhook`, { url: 'https://evil.example/hook', enabled: true }],
        ['POST', '/api/v1/tenants', {}],
        ['POST', '/api/v1/plugins', {}],
        ['GET', '/api/v1/national/cockpit'],
      ] as [string, string, unknown?][]) {
        const r = await api(p, m, path, { token: officer, ...(body ? { body } : {}) });
        assert.equal(r.status, 403, `${m} ${path}: ${r.status}`);
      }
      const otherAgency = await api(p, 'GET', `/api/v1/tenants/${T}/agencies/dukcapil/queue`, { token: officer });
      assert.equal(otherAgency.status, 403);
      assert.equal(otherAgency.body.code, 'AGENCY_NOT_ALLOWED');
      // Dukcapil's officer and the polri application: not found, not claimable.
      const dukcapil = tok['petugas.dukcapil.kapuas']!;
      assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${app.id}/claim`, { token: dukcapil, body: {} })).status, 404);
    });

    it('a tenant admin cannot act as platform admin; a publisher cannot publish for another agency', async () => {
      const admin = tok['admin.kapuas']!;
      for (const [m, path, body] of [
        ['POST', '/api/v1/tenants', {}],
        ['PUT', '/api/v1/holidays/2027-01-02', { name: { id: 'x', en: 'x' } }],
        ['GET', '/api/v1/national/cockpit'],
        ['POST', '/api/v1/plugins', {}],
      ] as [string, string, unknown?][])
        assert.equal((await api(p, m, path, { token: admin, ...(body ? { body } : {}) })).status, 403, `${m} ${path}`);
      const polriManifest = (await api(p, 'GET', '/api/v1/plugins/polri/versions/1.1.0')).body.manifest;
      const hijack = await api(p, 'POST', '/api/v1/plugins', { token: tok['publisher.imigrasi'], body: { ...polriManifest, version: '9.9.9' } });
      assert.equal(hijack.status, 403);
      assert.equal(hijack.body.code, 'AGENCY_NOT_ALLOWED');
      assert.equal((await api(p, 'GET', '/api/v1/plugins/polri/versions/9.9.9')).status, 404);
    });

    it('a citizen cannot run SOP actions on its own application (no self-approval)', async () => {
      for (const action of ['verify', 'issue', 'approve', 'reject']) {
        const r = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${app.id}/actions/${action}`, { token: victim, body: {} });
        assert.ok([403, 404, 409].includes(r.status), `${action}: ${r.status}`);
      }
      const after = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: victim });
      assert.equal(after.body.status, 'draft');
    });

    it('a ministry analyst gets no personal record: applications, complaints, exports, audit', async () => {
      const analyst = tok['analis.kemenpanrb']!;
      // 403, not 404: the analyst is refused for its role, before anything is looked up (test/security/analyst.test.ts covers every personal operation).
      for (const path of [`/api/v1/tenants/${T}/applications/${app.id}`, `/api/v1/tenants/${T}/complaints/${complaint.id}`, `/api/v1/tenants/${T}/applications`]) {
        const r = await api(p, 'GET', path, { token: analyst });
        assert.deepEqual([r.status, r.body.code], [403, 'ROLE_REQUIRED'], path);
      }
      for (const path of [`/api/v1/tenants/${T}/complaints/export?from=2026-01-01&to=2026-12-31&format=csv`, `/api/v1/tenants/${T}/audit-events`, `/api/v1/tenants/${T}/agencies/polri/queue`])
        assert.equal((await api(p, 'GET', path, { token: analyst })).status, 403, path);
    });
  });

  describe('enumeration: a foreign id and an unknown id answer alike', () => {
    it('applications, documents, complaints and bookings: same status, code and text for "not yours" and "does not exist"', async () => {
      const pairs: [string, string][] = [
        [`/api/v1/tenants/${T}/applications/${app.id}`, `/api/v1/tenants/${T}/applications/${UNKNOWN}`],
        [`/api/v1/tenants/${T}/applications/${app.id}/documents/${doc.id}/download`, `/api/v1/tenants/${T}/applications/${UNKNOWN}/documents/${UNKNOWN}/download`],
        [`/api/v1/tenants/${T}/complaints/${complaint.id}`, `/api/v1/tenants/${T}/complaints/${UNKNOWN}`],
      ];
      for (const [foreign, unknown] of pairs) {
        const a = await api(p, 'GET', foreign, { token: attacker });
        const b = await api(p, 'GET', unknown, { token: attacker });
        assert.equal(a.status, 404, foreign);
        assert.deepEqual(shape(a), shape(b), foreign);
      }
      // Officer of another agency: the same "not found" as for an unknown id.
      const dukcapil = tok['petugas.dukcapil.kapuas']!;
      assert.deepEqual(
        shape(await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: dukcapil })),
        shape(await api(p, 'GET', `/api/v1/tenants/${T}/applications/${UNKNOWN}`, { token: dukcapil })),
      );
    });

    it('the not-found answer names no owner, tenant or status of the record', async () => {
      const r = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: attacker });
      const text = JSON.stringify(shape(r));
      for (const leak of [SKTLK.nik, SKTLK.namaLengkap, 'warga.kapuas', claimsOf(victim).sub, app.trackingCode, 'draft']) assert.ok(!text.includes(leak), leak);
    });
  });

  describe('row-level security below the app', () => {
    const tables = ['applications', 'application_documents', 'application_events', 'complaints', 'complaint_messages', 'bookings', 'audit_events', 'tenant_profiles'];

    it('a raw query through the app role without a tenant context sees no rows, in every region', async () => {
      for (const region of p.config.regions.map((r) => r.id)) {
        const ds = p.dbs.region(region);
        const [role] = await ds.query('select rolsuper, rolbypassrls from pg_roles where rolname = current_user');
        assert.deepEqual([role.rolsuper, role.rolbypassrls], [false, false], region);
        for (const table of tables) {
          const [{ n }] = await ds.query(`select count(*)::int as n from ${table}`);
          assert.equal(n, 0, `${region}.${table} without tenant context`);
        }
        // A session-level setting made by hand (no transaction) with a made-up tenant sees nothing either.
        const rows = await ds.transaction(async (em) => {
          await em.query(`select set_config('app.tenant_id', $1, true)`, [UNKNOWN]);
          return em.query('select count(*)::int as n from applications');
        });
        assert.equal(rows[0].n, 0);
      }
    });

    it("another tenant's context does not see the victim's application row, nor can it write one into the victim's tenant", async () => {
      const kapuas = await p.services.tenants.get(T);
      const other = (await p.services.tenants.list({ region: kapuas.homeRegion })).find((t) => t.id !== kapuas.id)!;
      const seen = await p.kernel.uow.write({ tenant: other, now: p.clock.now() }, (tx) => tx.sql.rows<{ id: string }>('select id from applications where id = $1', [app.id]));
      assert.deepEqual(seen, []);
      await assert.rejects(
        p.kernel.uow.write({ tenant: other, now: p.clock.now() }, (tx) => tx.sql.exec(`update applications set status = 'completed' where tenant_id = $1`, [kapuas.id]).then(async () => {
          const { n } = await tx.sql.one<{ n: number }>('select count(*)::int as n from applications where tenant_id = $1', [kapuas.id]);
          if (n === 0) throw new Error('no rows visible: held');
        })),
        /held|row-level security/,
      );
      const own = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.id}`, { token: victim });
      assert.equal(own.body.status, 'draft');
    });
  });
});
