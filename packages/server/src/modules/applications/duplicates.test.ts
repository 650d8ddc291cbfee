import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

const T = 'kab-bandung-barat';
const SERVICE = 'dukcapil.ktpel-penggantian';
const data = (nik: string, alasan = 'rusak') => ({ nik, noKk: '3217010101200004', namaLengkap: 'Siti Nurhaliza', alasan, noHp: '081234567890' });

describe('applications: plain-language errors, conditional documents and the duplicate guard', () => {
  let p: Platform;
  let citizen: string;
  let officer: string;
  let otherAgency: string;
  let operator: string;
  let otherCitizen: string;

  before(async () => {
    p = sharedPlatform();
    [citizen, officer, otherAgency, operator, otherCitizen] = (await Promise.all(
      ['warga.kbb', 'petugas.dukcapil.kbb', 'petugas.imigrasi.kbb', 'operator.desa.kbb', 'warga.kapuas'].map((u) => tokenFor(p, u)),
    )) as [string, string, string, string, string];
  });

  const upload = async (id: string, code: string) => {
    const res = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${id}/documents/${code}?filename=${code}.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf', 'idempotency-key': crypto.randomUUID() },
      body: await pdf(code),
    });
    assert.equal(res.status, 201, await res.text());
  };

  /** A complete draft (a data change: the family card and the proof of the change), ready to submit. */
  const ready = async (nik: string): Promise<string> => {
    const d = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: SERVICE, data: data(nik, 'perubahan_data') } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    await upload(d.body.id, 'kk');
    await upload(d.body.id, 'bukti-perubahan');
    return d.body.id as string;
  };

  it('answers form errors in plain language on each field, without the if/then summary, keeping the stable code', async () => {
    const res = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: citizen,
      body: { service: SERVICE, submit: true, data: { nik: '1234', noKk: '3217010101200004', namaLengkap: 'S', alasan: 'hilang', noHp: 'abc' } },
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'FORM_INVALID');
    const by = Object.fromEntries((res.body.errors as { pointer: string; message: { id: string; en: string } }[]).map((e) => [e.pointer, e.message]));
    assert.deepEqual(by['/data/nik'], { id: 'Masukkan NIK 16 angka, seperti tertulis di KTP.', en: 'Enter the 16-digit NIK as written on your ID card.' });
    assert.equal(by['/data/noHp']!.id, 'Masukkan nomor HP Indonesia, misalnya 081234567890.');
    assert.equal(by['/data/namaLengkap']!.en, 'Enter at least 2 characters.');
    // The loss needs the police report's number: the `then` names the field; nothing says "then".
    assert.equal(by['/data/noSktlk']!.id, 'Isi bagian ini.');
    assert.doesNotMatch(JSON.stringify(res.body.errors), /must match|schema|"\/data"/);
  });

  it('requires a conditional document only when its condition applies, and names what to upload', async () => {
    const d = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: SERVICE, data: data('3217014101900003', 'perubahan_data') } });
    await upload(d.body.id, 'kk');
    const refused = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${d.body.id}/submit`, { token: citizen });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'DOCUMENTS_MISSING');
    assert.deepEqual(
      refused.body.errors.map((e: { pointer: string }) => e.pointer),
      ['/documents/bukti-perubahan'],
      'the damaged-card photo and the police report are not asked for a data change',
    );
    assert.match(refused.body.errors[0].message.id, /^Unggah Dokumen dasar perubahan data/);
    assert.match(refused.body.errors[0].message.en, /^Upload the Proof of the data change/);
  });

  it('warns of a second active application by the same person for the same service: two submits at once both go through and each lists the other', async () => {
    const nik = '3217016506880007';
    const [a, b] = [await ready(nik), await ready(nik)];
    const before = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${a}`, { token: citizen });
    const known = new Set<string>((before.body.possibleDuplicates ?? []).map((d: { id: string }) => d.id));
    assert.ok(!known.has(b), 'a draft is not an active application');

    const [sa, sb] = (await Promise.all([a, b].map((id) => api(p, 'POST', `/api/v1/tenants/${T}/applications/${id}/submit`, { token: citizen, headers: { 'idempotency-key': crypto.randomUUID() } })))) as [Awaited<ReturnType<typeof api>>, Awaited<ReturnType<typeof api>>];
    assert.equal(sa.status, 200, JSON.stringify(sa.body));
    assert.equal(sb.status, 200, JSON.stringify(sb.body));
    // Submissions of one service are serialised: whichever went second saw the first in its answer.
    const saw = [sa.body.possibleDuplicates.some((d: { id: string }) => d.id === b), sb.body.possibleDuplicates.some((d: { id: string }) => d.id === a)];
    assert.ok(saw.includes(true), `one answer lists the other: ${JSON.stringify(saw)}`);

    const ra = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${a}`, { token: citizen });
    const dup = ra.body.possibleDuplicates.find((d: { id: string }) => d.id === b);
    assert.deepEqual(Object.keys(dup).sort(), ['id', 'status', 'submittedAt', 'trackingCode']);
    assert.equal(dup.trackingCode, sb.body.trackingCode);
    assert.equal(dup.status, 'submitted');

    // A third draft by the same person warns before submitting.
    const c = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: SERVICE, data: data(nik) } });
    const rc = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${c.body.id}`, { token: citizen });
    assert.ok([a, b].every((id) => rc.body.possibleDuplicates.some((d: { id: string }) => d.id === id)));

    // The agency's officer sees it; other agencies, other tenants, a village operator and anonymous callers learn nothing.
    const byOfficer = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${a}`, { token: officer });
    assert.equal(byOfficer.status, 200);
    assert.ok(byOfficer.body.possibleDuplicates.some((d: { id: string }) => d.id === b));
    for (const token of [otherAgency, operator]) {
      const r = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${a}`, { token });
      assert.ok(r.status === 404 || r.body.possibleDuplicates === undefined, `${r.status} ${JSON.stringify(r.body.possibleDuplicates)}`);
    }
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${a}`, { token: otherCitizen })).status, 404);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${a}`, {})).status, 401);

    // Another account typing the same NIK is not told of that person's applications (anyone can
    // type a NIK): only the agency's officers match across accounts by NIK.
    const stranger = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: otherCitizen, body: { service: SERVICE, data: data(nik) } });
    assert.equal(stranger.status, 201, JSON.stringify(stranger.body));
    assert.deepEqual(stranger.body.possibleDuplicates, []);
    assert.deepEqual((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${stranger.body.id}`, { token: otherCitizen })).body.possibleDuplicates, []);
  });

  it('matches a counter filing by NIK: the officer filing for the same NIK is warned of the citizen’s own application', async () => {
    const nik = '3217015212910008';
    const own = await ready(nik);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${own}/submit`, { token: citizen })).status, 200);
    const counter = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: officer,
      body: { service: SERVICE, data: data(nik), applicant: { nik, name: 'Siti Nurhaliza', phone: '081234567890' }, consent: { statement: 'Saya setuju.', method: 'signed-form' } },
    });
    assert.equal(counter.status, 201, JSON.stringify(counter.body));
    const seen = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${counter.body.id}`, { token: officer });
    assert.ok(seen.body.possibleDuplicates.some((d: { id: string }) => d.id === own));
    assert.ok(counter.body.possibleDuplicates.some((d: { id: string }) => d.id === own), 'the creation answers it too');
  });
});
