import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { localDate } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

/**
 * Documents and identity (issue 23): a document type's validity rules on every path (upload by the
 * citizen, journey, the counter, an officer's correction), the officer's structured data of what
 * they issue, the journey's pre-fill of the next form, and the scan of a signed consent.
 */
async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}
// A tiny JPEG: SOI, APP0 JFIF marker, padding, EOI.
const jpeg = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.alloc(200, n), Buffer.from([0xff, 0xd9])]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(400, 1)]);

async function put(p: Platform, token: string, path: string, body: Buffer, type = 'application/pdf') {
  const res = await fetch(`${p.url}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as any };
}

const T = 'kab-kapuas';
const NIK = '6203054507850002';
const SKTLK = { nik: NIK, namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' };
const KTP = { nik: NIK, noKk: '6203051503120004', namaLengkap: 'Budi Santoso', alasan: 'hilang', noHp: '081234567891' };
const daysAgo = (n: number) => localDate(new Date(Date.now() - n * 86_400_000), 'Asia/Jakarta');
const base = `/api/v1/tenants/${T}/applications`;

describe('document validity rules, officer data and journey pre-fill (issue 23)', () => {
  let p: Platform;
  let citizen: string;
  let police: string;
  let dukcapil: string;

  before(async () => {
    p = sharedPlatform();
    [citizen, police, dukcapil] = await Promise.all([tokenFor(p, 'warga.kapuas'), tokenFor(p, 'petugas.polri.kapuas'), tokenFor(p, 'petugas.dukcapil.kapuas')]);
  });

  /** A submitted, verified SKTLK of the citizen's, ready to issue. */
  async function verifiedSktlk(): Promise<{ id: string; trackingCode: string }> {
    const draft = await api(p, 'POST', base, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal((await put(p, citizen, `${base}/${draft.body.id}/documents/identitas`, await pdf('KTP Budi'))).status, 201);
    assert.equal((await api(p, 'POST', `${base}/${draft.body.id}/submit`, { token: citizen })).body.status, 'submitted');
    assert.equal((await api(p, 'POST', `${base}/${draft.body.id}/actions/verify`, { token: police, body: {} })).status, 200);
    return { id: draft.body.id, trackingCode: draft.body.trackingCode };
  }

  it('the officer records the SKTLK’s number and date as structured data, validated against the plugin’s schema', async () => {
    const s = await verifiedSktlk();
    const issue = (outputs: unknown) => api(p, 'POST', `${base}/${s.id}/actions/issue`, { token: police, body: { outputs } });
    const bad = await issue({ sktlk: { nomor: 12, tanggal: 'kemarin' } });
    assert.deepEqual([bad.status, bad.body.code], [422, 'OUTPUT_DATA_INVALID'], JSON.stringify(bad.body));
    assert.deepEqual(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/outputs/sktlk/nomor', '/outputs/sktlk/tanggal']);
    assert.ok(bad.body.errors.every((e: { message: { id: string; en: string } }) => e.message.id && e.message.en));
    const future = await issue({ sktlk: { nomor: 'SKTLK/1/XII/2026', tanggal: daysAgo(-3) } });
    assert.deepEqual([future.status, future.body.errors?.[0]?.pointer], [422, '/outputs/sktlk/tanggal']);
    const other = await issue({ 'ktp-el': { nomor: 'x' } });
    assert.deepEqual([other.status, other.body.errors?.[0]?.pointer], [422, '/outputs/ktp-el']);
    const still = await api(p, 'GET', `${base}/${s.id}`, { token: citizen });
    assert.equal(still.body.status, 'submitted', 'a refused issue moved nothing');
    assert.equal(still.body.outputs.length, 0);

    const issued = await issue({ sktlk: { nomor: 'SKTLK/123/XII/2026/SPKT', unit: 'SPKT Polres Kapuas' } });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    assert.deepEqual(issued.body.outputs[0].data, { nomor: 'SKTLK/123/XII/2026/SPKT', unit: 'SPKT Polres Kapuas', tanggal: daysAgo(0) }, 'the date of issue left out is today');
    const stored = await asTenant(p, T, (sql) => sql.one<{ data: unknown }>(`select data from application_outputs where application_id = $1`, [s.id]));
    assert.deepEqual(stored.data, issued.body.outputs[0].data);
    // Left out entirely, the number is the platform's own.
    const s2 = await verifiedSktlk();
    const plain = await api(p, 'POST', `${base}/${s2.id}/actions/issue`, { token: police, body: {} });
    assert.equal(plain.status, 200, JSON.stringify(plain.body));
    assert.equal(plain.body.outputs[0].data.nomor, `${s2.trackingCode}/SKTLK`);
  });

  it('a journey pre-fills the KTP-el form from the SKTLK’s data, and its validity rules refuse a stale or foreign one', async () => {
    const s = await verifiedSktlk();
    const issued = await api(p, 'POST', `${base}/${s.id}/actions/issue`, { token: police, body: { outputs: { sktlk: { nomor: 'SKTLK/77/XII/2026/SPKT' } } } });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));

    // The citizen types neither the number nor the date: linking the SKTLK fills them.
    const ktp = await api(p, 'POST', base, { token: citizen, body: { service: 'dukcapil.ktpel-penggantian', data: KTP } });
    assert.equal(ktp.status, 201, JSON.stringify(ktp.body));
    const linked = await api(p, 'POST', `${base}/${ktp.body.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: s.trackingCode } });
    assert.equal(linked.status, 201, JSON.stringify(linked.body));
    assert.deepEqual(linked.body.prefilled.sort(), ['/data/noSktlk', '/data/tglSktlk']);
    const filled = await api(p, 'GET', `${base}/${ktp.body.id}`, { token: citizen });
    assert.equal(filled.body.data.noSktlk, 'SKTLK/77/XII/2026/SPKT');
    assert.equal(filled.body.data.tglSktlk, daysAgo(0));
    assert.equal((await put(p, citizen, `${base}/${ktp.body.id}/documents/kk`, await pdf('KK Budi'))).status, 201);
    const submitted = await api(p, 'POST', `${base}/${ktp.body.id}/submit`, { token: citizen });
    assert.equal(submitted.body.status, 'submitted', JSON.stringify(submitted.body));

    // Attached while fresh, stale by the time the citizen submits: refused at submit, with the reason.
    const waiting = await api(p, 'POST', base, { token: citizen, body: { service: 'dukcapil.ktpel-penggantian', data: KTP } });
    assert.equal((await api(p, 'POST', `${base}/${waiting.body.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: s.trackingCode } })).status, 201);
    assert.equal((await put(p, citizen, `${base}/${waiting.body.id}/documents/kk`, await pdf('KK Budi 2'))).status, 201);
    await asTenant(p, T, (sql) => sql.exec(`update application_outputs set issued_at = issued_at - interval '20 days' where application_id = $1`, [s.id]));
    const late = await api(p, 'POST', `${base}/${waiting.body.id}/submit`, { token: citizen });
    assert.deepEqual([late.status, late.body.code], [422, 'DOCUMENT_NOT_VALID'], JSON.stringify(late.body));
    assert.equal(late.body.errors[0].pointer, '/documents/sktlk');
    assert.match(late.body.errors[0].message.id, /paling lama 14 hari/);
    assert.match(late.body.errors[0].message.en, /at most 14 days/);
    // …and a new link to it is refused at once.
    const fresh = await api(p, 'POST', base, { token: citizen, body: { service: 'dukcapil.ktpel-penggantian', data: KTP } });
    const old = await api(p, 'POST', `${base}/${fresh.body.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: s.trackingCode } });
    assert.deepEqual([old.status, old.body.code, old.body.errors[0].pointer], [422, 'DOCUMENT_NOT_VALID', '/trackingCode']);
    assert.equal((await api(p, 'GET', `${base}/${fresh.body.id}`, { token: citizen })).body.documents.length, 0, 'nothing attached');

    // An output from an agency the document type does not accept as issuer (the rule's issuer, not only the plugin link).
    await asTenant(p, T, (sql) => sql.exec(`update application_outputs set issued_at = now() where application_id = $1`, [s.id]));
    await asTenant(p, T, (sql) => sql.exec(`update applications set agency_code = 'dukcapil' where id = $1`, [s.id]));
    try {
      const foreign = await api(p, 'POST', `${base}/${fresh.body.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: s.trackingCode } });
      assert.deepEqual([foreign.status, foreign.body.code], [422, 'DOCUMENT_NOT_VALID'], JSON.stringify(foreign.body));
      assert.match(foreign.body.errors[0].message.id, /harus diterbitkan oleh Kepolisian/);
    } finally {
      await asTenant(p, T, (sql) => sql.exec(`update applications set agency_code = 'polri' where id = $1`, [s.id]));
    }
  });

  it('a journey linked in the citizen’s turn after a return pre-fills the submitted form, the diff on the timeline', async () => {
    const s = await verifiedSktlk();
    assert.equal((await api(p, 'POST', `${base}/${s.id}/actions/issue`, { token: police, body: { outputs: { sktlk: { nomor: 'SKTLK/88/XII/2026/SPKT' } } } })).status, 200);
    const ktp = await api(p, 'POST', base, { token: citizen, body: { service: 'dukcapil.ktpel-penggantian', data: { ...KTP, alasan: 'rusak' } } });
    assert.equal((await put(p, citizen, `${base}/${ktp.body.id}/documents/kk`, await pdf('KK'))).status, 201);
    assert.equal((await put(p, citizen, `${base}/${ktp.body.id}/documents/ktp-rusak`, jpeg(7), 'image/jpeg')).status, 201);
    assert.equal((await api(p, 'POST', `${base}/${ktp.body.id}/submit`, { token: citizen })).body.status, 'submitted');
    assert.equal((await api(p, 'POST', `${base}/${ktp.body.id}/actions/return`, { token: dukcapil, body: { comment: 'Lampirkan SKTLK: KTP-el hilang, bukan rusak.' } })).status, 200);
    const linked = await api(p, 'POST', `${base}/${ktp.body.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: s.trackingCode } });
    assert.equal(linked.status, 201, JSON.stringify(linked.body));
    const now = await api(p, 'GET', `${base}/${ktp.body.id}`, { token: citizen });
    assert.equal(now.body.data.noSktlk, 'SKTLK/88/XII/2026/SPKT');
    const entry = now.body.timeline.at(-1);
    assert.equal(entry.action, 'document-attached');
    assert.deepEqual(entry.changes.map((c: { pointer: string }) => c.pointer).sort(), ['/data/noSktlk', '/data/tglSktlk', '/documents/sktlk']);
  });

  it('an uploaded SKTLK is judged on the date the citizen states: refused too old or in the future, at upload and at submit', async () => {
    const draft = await api(p, 'POST', base, { token: citizen, body: { service: 'dukcapil.ktpel-penggantian', data: { ...KTP, noSktlk: 'SKTLK/9/XI/2026', tglSktlk: daysAgo(30) } } });
    assert.equal(draft.status, 201);
    const tenantId = (await p.services.tenants.get(T)).id;
    const old = await put(p, citizen, `${base}/${draft.body.id}/documents/sktlk`, await pdf('SKTLK lama'));
    assert.deepEqual([old.status, old.body.code, old.body.errors[0].pointer], [422, 'DOCUMENT_NOT_VALID', '/data/tglSktlk'], JSON.stringify(old.body));
    assert.match(old.body.errors[0].message.en, /30 days ago/);
    let objects = 0;
    for await (const _ of p.store.list('id-batam', `t/${tenantId}/a/${draft.body.id}/`)) objects++;
    assert.equal(objects, 0, 'refused before a byte is stored');

    const read = async () => (await api(p, 'GET', `${base}/${draft.body.id}`, { token: citizen })).headers.get('etag')!;
    const patch = async (data: object) => api(p, 'PATCH', `${base}/${draft.body.id}`, { token: citizen, body: { data }, headers: { 'if-match': await read() } });
    assert.equal((await patch({ ...KTP, noSktlk: 'SKTLK/9/XI/2026', tglSktlk: daysAgo(-2) })).status, 200);
    const future = await put(p, citizen, `${base}/${draft.body.id}/documents/sktlk`, await pdf('SKTLK masa depan'));
    assert.deepEqual([future.status, future.body.code], [422, 'DOCUMENT_NOT_VALID']);
    assert.match(future.body.errors[0].message.en, /in the future/);

    assert.equal((await patch({ ...KTP, noSktlk: 'SKTLK/9/XI/2026', tglSktlk: daysAgo(3) })).status, 200);
    assert.equal((await put(p, citizen, `${base}/${draft.body.id}/documents/sktlk`, await pdf('SKTLK'))).status, 201);
    assert.equal((await put(p, citizen, `${base}/${draft.body.id}/documents/kk`, await pdf('KK'))).status, 201);
    // The date changed after the upload: the submit judges it again.
    assert.equal((await patch({ ...KTP, noSktlk: 'SKTLK/9/XI/2026', tglSktlk: daysAgo(15) })).status, 200);
    const late = await api(p, 'POST', `${base}/${draft.body.id}/submit`, { token: citizen });
    assert.deepEqual([late.status, late.body.code, late.body.errors[0].pointer], [422, 'DOCUMENT_NOT_VALID', '/data/tglSktlk']);
    assert.equal((await patch({ ...KTP, noSktlk: 'SKTLK/9/XI/2026', tglSktlk: daysAgo(2) })).status, 200);
    const ok = await api(p, 'POST', `${base}/${draft.body.id}/submit`, { token: citizen });
    assert.equal(ok.body.status, 'submitted', JSON.stringify(ok.body));

    // An officer's correction of the form is judged too (as of the day the file was submitted).
    const current = await api(p, 'GET', `${base}/${draft.body.id}`, { token: dukcapil });
    const corrected = await api(p, 'POST', `${base}/${draft.body.id}/actions/verify`, { token: dukcapil, body: { data: { ...current.body.data, tglSktlk: daysAgo(40) } } });
    assert.deepEqual([corrected.status, corrected.body.code, corrected.body.errors?.[0]?.pointer], [422, 'DOCUMENT_NOT_VALID', '/data/tglSktlk'], JSON.stringify(corrected.body));
    assert.equal((await api(p, 'GET', `${base}/${draft.body.id}`, { token: dukcapil })).body.state.code, 'diajukan', 'nothing moved');

    // Returned for correction: the citizen's resubmission with a stale date is refused, judged as of that day.
    assert.equal((await api(p, 'POST', `${base}/${draft.body.id}/actions/return`, { token: dukcapil, body: { comment: 'Periksa tanggal SKTLK.' } })).status, 200);
    const resubmit = (tglSktlk: string) => api(p, 'POST', `${base}/${draft.body.id}/actions/resubmit`, { token: citizen, body: { data: { ...current.body.data, tglSktlk } } });
    const stale = await resubmit(daysAgo(20));
    assert.deepEqual([stale.status, stale.body.code, stale.body.errors?.[0]?.pointer], [422, 'DOCUMENT_NOT_VALID', '/data/tglSktlk'], JSON.stringify(stale.body));
    const back = await resubmit(daysAgo(1));
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.equal(back.body.state.code, 'diajukan');
  });

  it('DPMPTSP records the NIB and its risk level when OSS issues it: required, 13 digits, one of the four PP 5/2021 levels', async () => {
    const K = '/api/v1/tenants/kab-bandung-barat/applications';
    const [warga, dpmptsp] = await Promise.all([tokenFor(p, 'warga.kbb'), tokenFor(p, 'petugas.dpmptsp.kbb')]);
    const data = {
      jenisPelakuUsaha: 'orang-perseorangan', nik: '3217064101900001', namaLengkap: 'Euis Rahmawati', email: 'euis@example.id', noHp: '081298765432', statusAkunOss: 'sudah-punya',
      namaUsaha: 'Keripik Euis', alamatUsaha: 'Jl. Raya Padalarang 12', desaKelurahan: 'Padalarang', kecamatan: 'Padalarang', kbli: '10794', modalUsaha: 15000000, jumlahTenagaKerja: 3, luasLahan: 40, persetujuanPendampingan: true,
    };
    const draft = await api(p, 'POST', K, { token: warga, body: { service: 'dpmptsp.pendampingan-nib-oss', data } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal((await put(p, warga, `${K}/${draft.body.id}/documents/ktp`, await pdf('KTP Euis'))).status, 201);
    assert.equal((await api(p, 'POST', `${K}/${draft.body.id}/submit`, { token: warga })).body.status, 'submitted');
    assert.equal((await api(p, 'POST', `${K}/${draft.body.id}/actions/verify`, { token: dpmptsp, body: {} })).status, 200);
    const record = (outputs?: unknown) => api(p, 'POST', `${K}/${draft.body.id}/actions/record-nib`, { token: dpmptsp, body: outputs ? { outputs } : {} });
    const none = await record();
    assert.deepEqual([none.status, none.body.code], [422, 'OUTPUT_DATA_INVALID'], JSON.stringify(none.body));
    assert.deepEqual(none.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/outputs/nib/nib', '/outputs/nib/tingkatRisiko']);
    const wrong = await record({ nib: { nib: '12345', tingkatRisiko: 'sedang' } });
    assert.deepEqual(wrong.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/outputs/nib/nib', '/outputs/nib/tingkatRisiko']);
    assert.match(wrong.body.errors.find((e: { pointer: string }) => e.pointer === '/outputs/nib/nib').message.en, /13-digit/);
    const done = await record({ nib: { nib: '9120301234567', tingkatRisiko: 'rendah', kbli: '10794' } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual(done.body.outputs.find((o: { code: string }) => o.code === 'nib').data, { nib: '9120301234567', tingkatRisiko: 'rendah', kbli: '10794', tanggalTerbit: localDate(new Date(), 'Asia/Jakarta') });
    // The applicant sees what was recorded.
    const mine = await api(p, 'GET', `${K}/${draft.body.id}`, { token: warga });
    assert.equal(mine.body.outputs[0].data.nib, '9120301234567');
  });

  it('at the counter, an officer filing for a citizen gets the same refusal, and stores a scan of the signed consent (staff only)', async () => {
    const filed = await api(p, 'POST', base, {
      token: dukcapil,
      body: {
        service: 'dukcapil.ktpel-penggantian',
        data: { ...KTP, noSktlk: 'SKTLK/5/XI/2026', tglSktlk: daysAgo(20) },
        applicant: { nik: NIK, name: 'Budi Santoso', phone: '081234567891' },
        consent: { statement: 'Pemohon menandatangani formulir persetujuan pengajuan di loket.', method: 'signed-form' },
      },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.channel, 'counter');
    const id = filed.body.id as string;
    const refused = await put(p, dukcapil, `${base}/${id}/documents/sktlk`, await pdf('SKTLK loket'));
    assert.deepEqual([refused.status, refused.body.code, refused.body.errors[0].pointer], [422, 'DOCUMENT_NOT_VALID', '/data/tglSktlk']);

    // The consent scan: type by content, the same bytes once, 5 MB and staff only.
    const scanPath = `${base}/${id}/consent/scans`;
    assert.equal((await put(p, dukcapil, scanPath, exe, 'image/jpeg')).body.code, 'UPLOAD_TYPE_NOT_ACCEPTED');
    const scan = await put(p, dukcapil, `${scanPath}?filename=persetujuan.jpg`, jpeg(1), 'image/jpeg');
    assert.equal(scan.status, 201, JSON.stringify(scan.body));
    assert.equal(scan.body.mediaType, 'image/jpeg');
    assert.equal(scan.body.sha256, createHash('sha256').update(jpeg(1)).digest('hex'));
    const again = await put(p, dukcapil, scanPath, jpeg(1), 'image/jpeg');
    assert.deepEqual([again.status, again.body.id], [201, scan.body.id], 'the same bytes are one scan');
    const list = await api(p, 'GET', scanPath, { token: dukcapil });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((x: { id: string }) => x.id), [scan.body.id]);
    const link = await api(p, 'GET', `${scanPath}/${scan.body.id}/download`, { token: dukcapil });
    assert.equal(link.status, 200, JSON.stringify(link.body));
    const bytes = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    assert.equal(createHash('sha256').update(bytes).digest('hex'), scan.body.sha256);
    const stored = await asTenant(p, T, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from application_consent_scans where application_id = $1`, [id]));
    assert.equal(stored.n, 1);

    // The ministry analyst: 403 ROLE_REQUIRED (not 404); a citizen has no staff role either; another agency's officer sees nothing.
    const analyst = await tokenFor(p, 'analis.kemenpanrb');
    for (const path of [scanPath, `${scanPath}/${scan.body.id}/download`]) {
      const r = await api(p, 'GET', path, { token: analyst });
      assert.deepEqual([r.status, r.body.code], [403, 'ROLE_REQUIRED'], path);
      assert.equal((await api(p, 'GET', path, { token: citizen })).status, 403);
      assert.equal((await api(p, 'GET', path, { token: police })).status, 404);
    }
    assert.equal((await put(p, analyst, scanPath, jpeg(2), 'image/jpeg')).status, 403);
    // An online application has no assisted-filing consent to scan.
    const s = await verifiedSktlk();
    const online = await put(p, police, `${base}/${s.id}/consent/scans`, jpeg(3), 'image/jpeg');
    assert.deepEqual([online.status, online.body.code], [409, 'CONSENT_SCAN_NOT_ALLOWED']);
  });
});
