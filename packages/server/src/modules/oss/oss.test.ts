import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import { OssStandIn } from '@satupintu/testkit/standins';
import type { Platform } from '../../platform.js';
import { OSS_PUSH_JOB } from './service.js';

const T = 'kab-bandung-barat';
const base = `/api/v1/tenants/${T}`;
const USER_KEY = 'kbb-oss-user-key-0123456789';
const INBOUND = { username: 'oss-kbb', password: 'oss-kbb-inbound-password-0123' };
const NIB = '9120001234567';
const NIB_CV = '9120007654321';

/** dataNIB as OSS answers inqueryNIB (PIA 4.3.22), for two businesses. */
const BUSINESSES: Record<string, Record<string, unknown>> = {
  [NIB]: {
    nib: NIB,
    oss_id: 'P02-202301011200000012345',
    tgl_terbit_nib: '2023-01-01',
    jenis_pelaku_usaha: '01',
    nama_perseroan: 'CV Kopi Lembang Sejahtera',
    npwp_perseroan: '3217060101900001',
    alamat_perseroan: 'Jl. Raya Lembang No. 21, Lembang',
    perseroan_daerah_id: '3217010000',
    skala_usaha: '02',
    status_nib: '01',
    penanggung_jwb: [{ no_identitas_penanggung_jwb: '3217060101900001', nama_penanggung_jwb: 'Asep Hidayat', email_penanggung_jwb: 'asep@kopilembang.example.id', no_hp_penanggung_jwb: '081234567890' }],
    data_proyek: [
      { id_proyek: 'R-202301011200000000001', kbli: '10761', uraian_usaha: 'Pengolahan kopi', sektor: '01', skala_usaha: '02', skala_resiko: 'MR' },
      { id_proyek: 'R-202301011200000000002', kbli: '47241', uraian_usaha: 'Perdagangan eceran roti', sektor: '02', skala_usaha: '01', skala_resiko: 'R' },
    ],
    data_checklist: [{ id_izin: 'I-202301011200000000777', kd_izin: '033000000001', nama_izin: 'Sertifikat Standar', kewenangan: '02', flag_checklist: 'Y' }],
  },
  [NIB_CV]: { nib: NIB_CV, oss_id: 'P02-202302021200000099999', nama_perseroan: 'PT Tahu Cibodas', skala_usaha: '03', data_proyek: [] },
};

/** A 1×1 PNG (the site photo takes images only). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function pdf(): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage();
  return Buffer.from(await d.save());
}

/**
 * OSS-RBA against the PIA stand-in: the regency's connection and its health, an NIB lookup that
 * fills a DPMPTSP draft and stores the business's OSS identity, the permit's status pushed in order
 * (SLA paused while the file is back with the applicant, resumed after) and its final permit pushed
 * once, and OSS's receiveNIB pushes.
 */
describe('OSS-RBA: NIB lookup, status and permit pushes, receiveNIB', () => {
  let p: Platform;
  let oss: OssStandIn;
  let admin: string;
  let citizen: string;
  let officer: string;
  let analyst: string;

  const draft = async (data: Record<string, unknown> = { sektor: 'perindustrian', kecamatan: 'Lembang' }) => {
    const r = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'dpmptsp.sertifikat-standar', data } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return r.body.id as string;
  };
  const push = async () => {
    await p.runJob(OSS_PUSH_JOB, { region: 'id-jakarta', tenantId: (await p.services.tenants.directory.find(T))!.id });
  };

  before(async function () {
    this.timeout(60_000);
    p = sharedPlatform();
    const tokens = await Promise.all(['admin.kbb', 'warga.kbb', 'petugas.dpmptsp.kbb', 'analis.kemenpanrb'].map((u) => tokenFor(p, u)));
    [admin, citizen, officer, analyst] = tokens as [string, string, string, string];
    oss = await OssStandIn.start({ userKey: USER_KEY, businesses: BUSINESSES });
    p.services.oss.tune({ backoffScale: 0, timeoutMs: 5000, allowLoopback: true });
  });

  after(async () => {
    await api(p, 'PUT', `${base}/oss/connection`, { token: admin, body: { enabled: false, endpoint: oss.url, inbound: null } });
    p.services.oss.tune({ backoffScale: 1, timeoutMs: 15_000, allowLoopback: false });
    await oss.stop();
  });

  it('lets the tenant admin configure the connection (user_key sealed, never answered); the analyst gets 403', async () => {
    const before = await api(p, 'GET', `${base}/oss/connection`, { token: admin });
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.equal(before.body.piaVersion, '4.3.22');
    const missing = await api(p, 'PUT', `${base}/oss/connection`, { token: admin, body: { enabled: true, endpoint: oss.url } });
    if (!before.body.configured) {
      assert.equal(missing.status, 422);
      assert.equal(missing.body.code, 'OSS_USER_KEY_MISSING');
    }
    // The endpoint is where the server will POST: a metadata or private address is refused (SSRF).
    for (const endpoint of ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.5/v1/kl/rba', 'http://metadata/v1', 'ftp://api-stg.oss.go.id/stg/v1/kl/rba']) {
      const refused = await api(p, 'PUT', `${base}/oss/connection`, { token: admin, body: { enabled: true, endpoint, userKey: USER_KEY } });
      assert.ok(refused.status === 400 || refused.status === 422, `${endpoint}: ${refused.status}`);
      assert.equal(refused.body.errors[0].pointer, '/endpoint', JSON.stringify(refused.body));
    }
    const put = await api(p, 'PUT', `${base}/oss/connection`, {
      token: admin,
      body: { enabled: true, endpoint: oss.url, userKey: USER_KEY, kdInstansi: '3217', signer: { name: 'Drs. Dadang Suherman', nip: '197001011990031001', position: 'Kepala DPMPTSP Kabupaten Bandung Barat' }, inbound: INBOUND },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.enabled, true);
    assert.equal(put.body.userKeySet, true);
    assert.equal(put.body.inbound.passwordSet, true);
    assert.match(put.body.inbound.url, /\/api\/v1\/tenants\/kab-bandung-barat\/oss\/receiveNIB$/);
    assert.ok(!JSON.stringify(put.body).includes(USER_KEY) && !JSON.stringify(put.body).includes(INBOUND.password), 'secrets are never answered');
    const stored = await asTenant(p, T, (sql) => sql.one<{ user_key: string; inbound_password: string }>(`select user_key, inbound_password from oss_connections`));
    assert.ok(stored.user_key.startsWith('v1.') && !stored.user_key.includes(USER_KEY), 'sealed at rest');
    assert.ok(stored.inbound_password.startsWith('v1.'));

    for (const [method, path, body] of [
      ['GET', `${base}/oss/connection`, undefined],
      ['PUT', `${base}/oss/connection`, { enabled: false, endpoint: oss.url }],
      ['GET', `${base}/oss/nib-inbox`, undefined],
      ['POST', `${base}/applications/${await draft()}/oss/nib-lookup`, { nib: NIB }],
    ] as const) {
      const r = await api(p, method, path, { token: analyst, ...(body ? { body } : {}) });
      assert.equal(r.status, 403, `${method} ${path}`);
      assert.equal(r.body.code, 'ROLE_REQUIRED');
    }
  });

  it('fills a DPMPTSP draft from an NIB and stores NIB, OSS id, permit id, KBLI, scale and risk as fields of the application', async () => {
    const id = await draft();
    const r = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([...r.body.filled].sort(), ['alamatUsaha', 'email', 'idProyekOss', 'kbli', 'namaPenanggungJawab', 'namaUsaha', 'nib', 'nik', 'noHp', 'npwp']);
    assert.equal(r.body.oss.ossId, 'P02-202301011200000012345');
    assert.equal(r.body.oss.idIzin, 'I-202301011200000000777');
    assert.deepEqual(r.body.oss.kbli, ['10761', '47241']);
    assert.equal(r.body.oss.skalaUsaha, '02');
    assert.equal(r.body.oss.skalaResiko, 'MR');
    assert.equal(r.body.oss.kdDaerah, '3217000000');
    const view = await api(p, 'GET', `${base}/applications/${id}`, { token: citizen });
    assert.equal(view.body.version, r.body.version);
    const data = view.body.data;
    assert.equal(data.namaUsaha, 'CV Kopi Lembang Sejahtera');
    assert.equal(data.kbli, '10761');
    assert.equal(data.idProyekOss, 'R-202301011200000000001');
    assert.equal(data.namaPenanggungJawab, 'Asep Hidayat');
    assert.equal(data.kecamatan, 'Lembang', 'what OSS does not say is kept');
    // First-class columns, not form JSON.
    const row = await asTenant(p, T, (sql) => sql.one<{ nib: string; oss_id: string; kbli: string[]; skala_usaha: string; skala_resiko: string; id_izin: string }>(`select nib, oss_id, kbli, skala_usaha, skala_resiko, id_izin from oss_applications where application_id = $1`, [id]));
    assert.deepEqual({ ...row }, { nib: NIB, oss_id: 'P02-202301011200000012345', kbli: ['10761', '47241'], skala_usaha: '02', skala_resiko: 'MR', id_izin: 'I-202301011200000000777' });
    // Another project of the same business.
    const other = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB, idProyek: 'R-202301011200000000002' } });
    assert.equal(other.status, 200, JSON.stringify(other.body));
    assert.equal(other.body.oss.skalaResiko, 'R');
    assert.deepEqual(other.body.oss.kbli, ['47241', '10761']);
    const link = await api(p, 'GET', `${base}/applications/${id}/oss`, { token: citizen });
    assert.equal(link.status, 200, JSON.stringify(link.body));
    assert.equal(link.body.idProyek, 'R-202301011200000000002');
    assert.deepEqual(link.body.pushes, [], 'nothing is pushed for a draft');
    const inquiries = oss.calls.filter((c) => c.method === 'inqueryNIB');
    assert.deepEqual(inquiries.at(-1)!.body, { INQUERYNIB: { nib: NIB } });
  });

  it('refuses an unknown NIB and a malformed NIB with the field named, OSS down with a 503, an unmapped service', async () => {
    const id = await draft();
    const unknown = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: '9120000000000' } });
    assert.equal(unknown.status, 422, JSON.stringify(unknown.body));
    assert.equal(unknown.body.code, 'OSS_NIB_NOT_FOUND');
    assert.equal(unknown.body.errors[0].pointer, '/nib');
    for (const nib of ['912000123456', '91200012345678', '91200O1234567']) {
      const bad = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib } });
      assert.ok(bad.status === 400 || bad.status === 422, `${nib}: ${bad.status}`);
      assert.equal(bad.body.errors[0].pointer, '/nib', JSON.stringify(bad.body));
    }
    const project = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB_CV, idProyek: 'R-NOPE' } });
    assert.equal(project.status, 422);
    assert.equal(project.body.code, 'OSS_PROJECT_NOT_FOUND');
    const untouched = await api(p, 'GET', `${base}/applications/${id}`, { token: citizen });
    assert.equal(untouched.body.data.namaUsaha, undefined, 'a refused lookup changes nothing');
    // OSS down: a clear 503, the admin sees the error.
    oss.failNext.set('inqueryNIB', 1);
    const down = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB } });
    assert.equal(down.status, 503);
    assert.equal(down.body.code, 'OSS_UNAVAILABLE');
    const health = await api(p, 'GET', `${base}/oss/connection`, { token: admin });
    assert.match(health.body.lastError, /inqueryNIB 500/);
    // A user_key OSS does not accept: the same 503, naming OSS's code; the admin sees it.
    const conn = { enabled: true, endpoint: oss.url, inbound: INBOUND };
    assert.equal((await api(p, 'PUT', `${base}/oss/connection`, { token: admin, body: { ...conn, userKey: 'a-revoked-user-key-000' } })).status, 200);
    const revoked = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB } });
    assert.equal(revoked.status, 503);
    assert.equal(revoked.body.ossCode, '401');
    assert.match((await api(p, 'GET', `${base}/oss/connection`, { token: admin })).body.lastError, /inqueryNIB 401/);
    assert.equal((await api(p, 'PUT', `${base}/oss/connection`, { token: admin, body: { ...conn, userKey: USER_KEY } })).status, 200);
    // A service without an OSS mapping is refused.
    const pbg = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'dpmptsp.pbg', data: {} } });
    const unmapped = await api(p, 'POST', `${base}/applications/${pbg.body.id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB } });
    assert.equal(unmapped.status, 409);
    assert.equal(unmapped.body.code, 'OSS_SERVICE_NOT_MAPPED');
  });

  it('pushes the permit status in order as the SOP moves (paused while returned, resumed after) and the final permit once despite a retry', async function () {
    this.timeout(120_000);
    const id = await draft();
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB } })).status, 200);
    const file = await pdf();
    for (const code of ['ktp', 'nib-cetak', 'dokumen-pemenuhan-standar', 'kkpr', 'dokumen-lingkungan', 'foto-lokasi']) {
      const png = code === 'foto-lokasi';
      const up = await fetch(`${p.url}${base}/applications/${id}/documents/${code}?filename=${code}.${png ? 'png' : 'pdf'}`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': png ? 'image/png' : 'application/pdf' }, body: png ? PNG : file });
      assert.equal(up.status, 201, `${code}: ${await up.text()}`);
    }
    const submitted = await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const late = await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB_CV } });
    assert.equal(late.status, 409, 'a submitted application is not refilled');
    assert.equal(late.body.code, 'OSS_NOT_DRAFT');
    const act = async (action: string, token: string, comment?: string) => {
      const r = await api(p, 'POST', `${base}/applications/${id}/actions/${action}`, { token, body: comment ? { comment } : {} });
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    };
    await act('return', officer, 'Dokumen lingkungan belum ditandatangani.');
    await act('resubmit', citizen);
    await act('verify', officer);
    await act('site-visit', officer);
    await act('approve', officer);
    oss.failNext.set('receiveLicense', 1); // the final permit fails once: retried, never duplicated
    await act('issue', officer);
    for (let i = 0; i < 6; i++) await push();
    await push();

    const link = await api(p, 'GET', `${base}/applications/${id}/oss`, { token: officer });
    assert.equal(link.status, 200, JSON.stringify(link.body));
    assert.deepEqual(
      link.body.pushes.map((x: { kdStatus: string; method: string; status: string }) => `${x.method}:${x.kdStatus}:${x.status}`),
      ['10', '41', '42', '10', '20', '40', '45', '50'].map((c) => `receiveLicenseStatus:${c}:sent`).concat(['receiveLicense:50:sent']),
    );
    const pushedInOrder = oss.calls.filter((c) => c.status === 200 && c.method === 'receiveLicenseStatus' && (c.body['IZINSTATUS'] as Record<string, string>)['oss_id'] === 'P02-202301011200000012345');
    const codes = pushedInOrder.map((c) => (c.body['IZINSTATUS'] as Record<string, string>)['kd_status']);
    assert.deepEqual(codes.slice(-8), ['10', '41', '42', '10', '20', '40', '45', '50']);
    const paused = pushedInOrder.at(-7)!.body['IZINSTATUS'] as Record<string, string>;
    assert.equal(paused['keterangan'], 'Dokumen lingkungan belum ditandatangani.');
    assert.equal(paused['kd_instansi'], '3217');
    assert.match(paused['tgl_status']!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const trackingCode = submitted.body.trackingCode as string;
    const finals = oss.calls.filter((c) => c.method === 'receiveLicense' && (c.body['IZINFINAL'] as Record<string, string>)['nomor_izin'] === trackingCode);
    assert.deepEqual(finals.map((c) => c.status), [500, 200], 'failed once, then accepted once');
    const final = finals[1]!.body['IZINFINAL'] as Record<string, string>;
    assert.equal(final['nib'], NIB);
    assert.equal(final['kd_daerah'], '3217000000');
    assert.equal(final['status_izin'], '50');
    assert.equal(final['nama_ttd'], 'Drs. Dadang Suherman');
    assert.equal(link.body.permitNumber, trackingCode);
    // Another run (or a late duplicate job) sends nothing again.
    await push();
    assert.equal(oss.calls.filter((c) => c.method === 'receiveLicense' && (c.body['IZINFINAL'] as Record<string, string>)['nomor_izin'] === trackingCode).length, 2);
    const health = await api(p, 'GET', `${base}/oss/connection`, { token: admin });
    assert.ok(health.body.lastSuccessAt);
    assert.ok(health.body.sent >= 9);
  });

  it('keeps later statuses waiting while an earlier one is retried', async function () {
    this.timeout(60_000);
    const id = await draft();
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB_CV } })).status, 200);
    const file = await pdf();
    for (const code of ['ktp', 'nib-cetak', 'dokumen-pemenuhan-standar', 'kkpr', 'dokumen-lingkungan', 'foto-lokasi']) {
      const png = code === 'foto-lokasi';
      const up = await fetch(`${p.url}${base}/applications/${id}/documents/${code}?filename=${code}.${png ? 'png' : 'pdf'}`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': png ? 'image/png' : 'application/pdf' }, body: png ? PNG : file });
      assert.equal(up.status, 201, `${code}: ${await up.text()}`);
    }
    // The CV's lookup left the mapped fields OSS did not give empty: complete them before submitting.
    const cur = await api(p, 'GET', `${base}/applications/${id}`, { token: citizen });
    const filled = { ...cur.body.data, nik: '3217060101900001', namaPenanggungJawab: 'Ujang Suryana', email: 'ujang@example.id', noHp: '081234567891', kbli: '10792', alamatUsaha: 'Jl. Cibodas No. 2, Lembang', idProyekOss: 'R-2023020212000000000' };
    assert.equal((await api(p, 'PATCH', `${base}/applications/${id}`, { token: citizen, headers: { 'if-match': cur.headers.get('etag')! }, body: { data: filled } })).status, 200);
    oss.failNext.set('receiveLicenseStatus', 1);
    const sub = await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/actions/reject`, { token: officer, body: { comment: 'Lokasi usaha tidak sesuai KKPR.' } })).status, 200);
    for (let i = 0; i < 4; i++) await push();
    const mine = oss.calls.filter((c) => c.method === 'receiveLicenseStatus' && (c.body['IZINSTATUS'] as Record<string, string>)['nib'] === NIB_CV);
    assert.deepEqual(mine.map((c) => `${(c.body['IZINSTATUS'] as Record<string, string>)['kd_status']}:${c.status}`), ['10:500', '10:200', '90:200']);
    const link = await api(p, 'GET', `${base}/applications/${id}/oss`, { token: officer });
    assert.deepEqual(link.body.pushes.map((x: { attempts: number }) => x.attempts), [2, 1]);
    assert.equal(link.body.permitNumber, null, 'a rejected permit is never pushed as final');
  });

  it('does not resume a file the applicant withdraws while it is back with them', async function () {
    this.timeout(60_000);
    const id = await draft();
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB } })).status, 200);
    const file = await pdf();
    for (const code of ['ktp', 'nib-cetak', 'dokumen-pemenuhan-standar', 'kkpr', 'dokumen-lingkungan', 'foto-lokasi']) {
      const png = code === 'foto-lokasi';
      const up = await fetch(`${p.url}${base}/applications/${id}/documents/${code}?filename=${code}.${png ? 'png' : 'pdf'}`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': png ? 'image/png' : 'application/pdf' }, body: png ? PNG : file });
      assert.equal(up.status, 201);
    }
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen })).status, 200);
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/actions/return`, { token: officer, body: { comment: 'KKPR belum sesuai lokasi.' } })).status, 200);
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/actions/withdraw`, { token: citizen, body: {} })).status, 200);
    await push();
    const link = await api(p, 'GET', `${base}/applications/${id}/oss`, { token: citizen });
    assert.deepEqual(link.body.pushes.map((x: { kdStatus: string; status: string }) => `${x.kdStatus}:${x.status}`), ['10:sent', '41:sent']);
  });

  it('hosts receiveNIB: HTTP Basic as configured, idempotent on NIB + OSS id + permit id, a pending item for the DPMPTSP', async () => {
    const url = `${p.url}${base}/oss/receiveNIB`;
    const dataNIB = { nib: '9120005550001', oss_id: 'P02-202312121200000055555', id_izin: 'I-202312121200000000888', kd_izin: '033000000001', nama_perseroan: 'UD Susu Murni Lembang', penanggung_jwb: [{ no_identitas_penanggung_jwb: '3217064101900001', nama_penanggung_jwb: 'Siti Nurhaliza' }], data_checklist: [{ id_izin: 'I-202312121200000000888', kd_izin: '033000000001', nama_izin: 'Sertifikat Standar', kewenangan: '02' }] };
    assert.equal((await OssStandIn.pushNib(url, dataNIB, {})).status, 401);
    const wrong = await OssStandIn.pushNib(url, dataNIB, { username: INBOUND.username, password: 'not-the-password-0123' });
    assert.equal(wrong.status, 401);
    assert.equal((wrong.body as { code: string }).code, 'OSS_INBOUND_UNAUTHORIZED');
    const bad = await OssStandIn.pushNib(url, { ...dataNIB, nib: '12345' }, INBOUND);
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { errors: { pointer: string }[] }).errors[0]!.pointer, '/dataNIB/nib');
    const first = await OssStandIn.pushNib(url, dataNIB, { ...INBOUND, userKey: USER_KEY });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { responreceiveNIB: { status: '1', keterangan: 'Berhasil menyimpan data' } });
    const again = await OssStandIn.pushNib(url, { ...dataNIB, nama_perseroan: 'UD Susu Murni Lembang (perubahan)' }, INBOUND);
    assert.equal(again.status, 200);
    const inbox = await api(p, 'GET', `${base}/oss/nib-inbox`, { token: officer });
    assert.equal(inbox.status, 200, JSON.stringify(inbox.body));
    const items = inbox.body.items.filter((i: { nib: string }) => i.nib === '9120005550001');
    assert.equal(items.length, 1, 'one pending item, however often OSS pushes it');
    assert.equal(items[0].namaPerseroan, 'UD Susu Murni Lembang (perubahan)');
    assert.deepEqual(items[0].checklist, [{ idIzin: 'I-202312121200000000888', kdIzin: '033000000001', namaIzin: 'Sertifikat Standar' }]);
    assert.equal(items[0].status, 'pending');
    const stored = await asTenant(p, T, (sql) => sql.one<{ payload: Record<string, unknown> }>(`select payload from oss_nib_inbox where nib = '9120005550001'`));
    assert.equal(stored.payload['penanggung_jwb'], undefined, 'the people OSS sends along are not kept');
    assert.ok(!JSON.stringify(stored.payload).includes('3217064101900001'));
    const health = await api(p, 'GET', `${base}/oss/connection`, { token: admin });
    assert.ok(health.body.inboxPending >= 1);
  });

  it('never calls OSS from a sandbox: the lookup is refused and queued pushes are skipped', async function () {
    this.timeout(120_000);
    const made = await api(p, 'POST', `${base}/sandboxes`, { token: admin, body: {} });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const sb = `/api/v1/tenants/${made.body.slug}`;
    const put = await api(p, 'PUT', `${sb}/oss/connection`, { token: admin, body: { enabled: true, endpoint: oss.url, userKey: USER_KEY } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.sandbox, true);
    const callsBefore = oss.calls.length;
    const d = await api(p, 'POST', `${sb}/applications`, { token: citizen, body: { service: 'dpmptsp.sertifikat-standar', data: { sektor: 'perindustrian' } } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const refused = await api(p, 'POST', `${sb}/applications/${d.body.id}/oss/nib-lookup`, { token: citizen, body: { nib: NIB } });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'OSS_SANDBOX');
    // A push queued in the sandbox (as a copied or rehearsed file would have) is skipped, not sent.
    const tenant = { id: made.body.id as string, homeRegion: made.body.homeRegion as string };
    await asTenant(p, tenant, async (sql) => {
      await sql.exec(`insert into oss_applications (tenant_id, application_id, nib, looked_up_at) values ($1, $2, $3, now())`, [tenant.id, d.body.id, NIB]);
      await sql.exec(
        `insert into oss_pushes (tenant_id, id, application_id, seq, method, dedupe_key, kd_status, payload, next_attempt_at, created_at) values ($1, gen_random_uuid(), $2, 1, 'receiveLicenseStatus', $3, '10', '{}', now(), now())`,
        [tenant.id, d.body.id, `${d.body.id}:sandbox`],
      );
    });
    await p.runJob(OSS_PUSH_JOB, { region: tenant.homeRegion, tenantId: tenant.id });
    const row = await asTenant(p, tenant, (sql) => sql.one<{ status: string }>(`select status from oss_pushes where application_id = $1`, [d.body.id]));
    assert.equal(row.status, 'skipped');
    assert.equal(oss.calls.length, callsBefore, 'the stand-in heard nothing from the sandbox');
  });
});
