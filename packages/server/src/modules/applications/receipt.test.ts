import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { maskNik, mppName } from './receipt.js';

const T = 'kab-bandung-barat';
const NIK = '3217064507850002';
/** A KTP-el replacement after a change of data: the KK and the document behind the change to bring. */
const FORM = { nik: NIK, noKk: '3217061503120004', namaLengkap: 'Siti Rahayu', alasan: 'perubahan_data', noHp: '081234567891' };

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

async function receipt(p: Platform, id: string, token?: string) {
  const res = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${id}/receipt`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', bytes, problem: () => JSON.parse(bytes.toString('utf8')) as { code: string; title: string } };
}

/** The text of a PDF as a reader (or a screen reader) gets it. */
async function textOf(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** A KTP-el replacement filed by `token` (for the applicant when `onBehalf`), its documents attached; submitted unless `draft`. */
async function replacement(p: Platform, token: string, opts: { onBehalf?: boolean; draft?: boolean } = {}): Promise<{ id: string; trackingCode: string }> {
  const body = opts.onBehalf
    ? { service: 'dukcapil.ktpel-penggantian', data: FORM, applicant: { nik: NIK, name: 'Siti Rahayu', phone: '081234567891' }, consent: { statement: 'Pemohon menyetujui pengajuan dibantu operator desa.', method: 'signed-form' } }
    : { service: 'dukcapil.ktpel-penggantian', data: FORM };
  const made = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token, body });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  if (opts.draft) return made.body;
  for (const code of ['kk', 'bukti-perubahan']) {
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${made.body.id}/documents/${code}?filename=${code}.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: await pdf(code),
    });
    assert.equal(up.status, 201);
  }
  const sent = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${made.body.id}/submit`, { token });
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  return sent.body;
}

describe('the receipt (tanda terima) of an application, as a PDF with a QR code', () => {
  let p: Platform;
  let citizen: string;
  before(async () => {
    p = sharedPlatform();
    citizen = await tokenFor(p, 'warga.kbb');
  });

  it('masks the NIK and names the MPP', () => {
    assert.equal(maskNik('3217064507850002'), '3217********0002');
    assert.equal(maskNik('12345'), null);
    assert.equal(mppName('Kabupaten Bandung Barat'), 'MPP Kab. Bandung Barat');
    assert.equal(mppName('Kota Bogor'), 'MPP Kota Bogor');
  });

  it('gives the applicant a PDF: MPP, service, tracking code, submitted and due dates, documents to bring, masked NIK', async () => {
    const app = await replacement(p, citizen);
    const r = await receipt(p, app.id, citizen);
    assert.equal(r.status, 200, r.bytes.toString('utf8').slice(0, 300));
    assert.equal(r.type, 'application/pdf');
    assert.equal(r.disposition, `attachment; filename="tanda-terima-${app.trackingCode}.pdf"`);
    assert.equal(r.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await textOf(r.bytes);
    for (const expected of ['MPP KAB. BANDUNG BARAT', 'TANDA TERIMA PERMOHONAN', 'Application receipt', app.trackingCode, 'Kartu Keluarga', 'Dokumen dasar perubahan data', 'Diajukan / Submitted', 'WIB', 'Perkiraan selesai paling lambat / Expected by', 'Dokumen asli yang dibawa ke gerai', '3217********0002', `/t/${T}/permohonan/${app.id}`])
      assert.ok(text.includes(expected), `the receipt says “${expected}”: ${text}`);
    assert.ok(!text.includes(NIK), 'never the whole NIK');
    assert.match(text, /(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}/, 'dates with their weekday');
  });

  it('is for the officers of the agency and the village operator who filed it; to others it does not exist', async () => {
    const app = await replacement(p, citizen);
    const [officer, otherAgency, otherCitizen, admin, otherTenant] = await Promise.all([
      tokenFor(p, 'petugas.dukcapil.kbb'),
      tokenFor(p, 'petugas.imigrasi.kbb'),
      tokenFor(p, 'warga.kapuas'),
      tokenFor(p, 'admin.kbb'),
      tokenFor(p, 'petugas.polri.kapuas'),
    ]);
    assert.equal((await receipt(p, app.id, officer)).status, 200, 'an officer of its agency');
    const denied = await receipt(p, app.id, otherAgency);
    assert.deepEqual([denied.status, denied.type.startsWith('application/problem+json'), denied.problem().code], [404, true, 'APPLICATION_NOT_FOUND'], 'another agency’s officer');
    assert.equal((await receipt(p, app.id, otherCitizen)).status, 404, 'another citizen');
    assert.equal((await receipt(p, app.id, admin)).status, 404, 'the tenant admin: not theirs to print');
    assert.equal((await receipt(p, app.id, await tokenFor(p, 'publisher.dukcapil'))).status, 404, 'an account of another kind');
    assert.equal((await receipt(p, app.id, otherTenant)).status, 404, 'an officer of another tenant');
    assert.equal((await receipt(p, app.id)).status, 401, 'anonymous');

    const operator = await tokenFor(p, 'operator.desa.kbb');
    const assisted = await replacement(p, operator, { onBehalf: true });
    const printed = await receipt(p, assisted.id, operator);
    assert.equal(printed.status, 200);
    const text = await textOf(printed.bytes);
    assert.ok(text.includes(assisted.trackingCode) && text.includes('Siti Rahayu') && text.includes('3217********0002'), text);
  });

  it('answers problem+json for a draft: submit first', async () => {
    const draft = await replacement(p, citizen, { draft: true });
    const r = await receipt(p, draft.id, citizen);
    assert.equal(r.status, 409);
    assert.ok(r.type.startsWith('application/problem+json'), r.type);
    assert.equal(r.problem().code, 'RECEIPT_NOT_READY');
  });
});
