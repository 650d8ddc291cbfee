import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

const T = 'kab-bandung-barat';
const base = `/api/v1/tenants/${T}`;
/** A man born 12 May 1990, first registered in Ngamprah (32.17.06), with a random serial. */
const nik = () => `321706120590${Math.floor(Math.random() * 9000) + 1000}`;
const form = (n: string, over: Record<string, unknown> = {}) => ({
  nik: n,
  noKk: '3217010101200004',
  namaLengkap: 'Asep Sunandar',
  tempatLahir: 'Bandung',
  tanggalLahir: '1990-05-12',
  jenisKelamin: 'laki-laki',
  dasarPermohonan: 'berusia_17_tahun',
  noHp: '081234567890',
  ...over,
});

describe('applications: the NIK decoded for the officer and cross-checked against the form', () => {
  let p: Platform;
  let citizen: string;
  let officer: string;
  let otherAgency: string;
  let otherCitizen: string;
  let admin: string;

  before(async () => {
    p = sharedPlatform();
    [citizen, officer, otherAgency, otherCitizen, admin] = (await Promise.all(['warga.kbb', 'petugas.dukcapil.kbb', 'petugas.imigrasi.kbb', 'warga.kapuas', 'admin.kbb'].map((u) => tokenFor(p, u)))) as [
      string,
      string,
      string,
      string,
      string,
    ];
  });

  /** Attaches the family card and submits. */
  const submit = async (id: string) => {
    const kk = await PDFDocument.create();
    kk.addPage().drawText('KK');
    const up = await fetch(`${p.url}${base}/applications/${id}/documents/kk?filename=kk.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf', 'idempotency-key': crypto.randomUUID() },
      body: Buffer.from(await kk.save()),
    });
    assert.equal(up.status, 201);
    const submitted = await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    return submitted;
  };

  it('warns the applicant where birth date and sex disagree with the NIK, naming the field; the submission still goes through', async () => {
    const made = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'dukcapil.ktpel-rekam', data: form(nik(), { tanggalLahir: '1990-05-21', jenisKelamin: 'perempuan' }) } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.applicantNik, undefined, 'the decoded NIK is for the agency’s officers');
    const w = made.body.identityWarnings as { pointer: string; field: string; message: { id: string; en: string }; blocking: boolean }[];
    assert.deepEqual(
      w.map((x) => [x.pointer, x.field, x.blocking]),
      [
        ['/data/tanggalLahir', 'birthDate', false],
        ['/data/jenisKelamin', 'sex', false],
      ],
    );
    assert.match(w[0]!.message.id, /^Tanggal lahir tidak sesuai dengan NIK \(NIK menunjukkan 12-05-1990\)/);
    assert.match(w[0]!.message.en, /^The date of birth does not match the NIK \(the NIK shows 12-05-1990\)/);
    assert.match(w[1]!.message.id, /NIK menunjukkan laki-laki/);

    const submitted = await submit(made.body.id);
    assert.equal(submitted.body.status, 'submitted', 'Dukcapil warns (a regency’s record can be wrong), it does not block');
    assert.equal(submitted.body.identityWarnings.length, 2);

    // The agency's officer sees what the NIK says, and the same warnings.
    const seen = await api(p, 'GET', `${base}/applications/${made.body.id}`, { token: officer });
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.applicantNik, {
      source: '/data/nik',
      region: { province: { code: '32', name: 'Jawa Barat' }, regency: { code: '32.17', name: 'Kabupaten Bandung Barat' }, district: { code: '32.17.06' } },
      birthDate: '1990-05-12',
      centuryInferred: true,
      sex: 'male',
    });
    assert.equal(seen.body.identityWarnings.length, 2);
  });

  it('says nothing when the form agrees with the NIK, and takes the century from the form', async () => {
    const made = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'dukcapil.ktpel-rekam', data: form(nik()) } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual(made.body.identityWarnings, []);
    await submit(made.body.id);
    const seen = await api(p, 'GET', `${base}/applications/${made.body.id}`, { token: officer });
    assert.deepEqual([seen.body.applicantNik.birthDate, seen.body.applicantNik.centuryInferred], ['1990-05-12', false]);
  });

  it('decodes the NIK given at the counter for a service that declares no identity fields', async () => {
    const n = `321706410118${Math.floor(Math.random() * 9000) + 1000}`;
    const made = await api(p, 'POST', `${base}/applications`, {
      token: officer,
      body: {
        service: 'dukcapil.ktpel-penggantian',
        data: { nik: n, noKk: '3217010101200004', namaLengkap: 'Euis Komariah', alasan: 'rusak', noHp: '081234567890' },
        applicant: { nik: n, name: 'Euis Komariah' },
        consent: { statement: 'Pemohon setuju diajukan oleh petugas loket.', method: 'signed-form' },
      },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual([made.body.applicantNik.source, made.body.applicantNik.sex, made.body.applicantNik.birthDate], ['/applicant/nik', 'female', '2018-01-01']);
    assert.deepEqual(made.body.identityWarnings, []);
  });

  it('shows the decoded NIK to no one else: another agency’s officer, another citizen, the tenant admin', async () => {
    const made = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'dukcapil.ktpel-rekam', data: form(nik(), { jenisKelamin: 'perempuan' }) } });
    assert.equal(made.status, 201);
    await submit(made.body.id);
    for (const [who, token] of [
      ['imigrasi officer', otherAgency],
      ['another citizen', otherCitizen],
      ['tenant admin', admin],
    ] as const) {
      const r = await api(p, 'GET', `${base}/applications/${made.body.id}`, { token });
      if (r.status === 200) {
        assert.equal(r.body.applicantNik, undefined, who);
        assert.equal(r.body.identityWarnings, undefined, who);
      } else assert.ok([403, 404].includes(r.status), `${who}: ${r.status}`);
    }
    const anonymous = await api(p, 'GET', `${base}/applications/${made.body.id}`, {});
    assert.equal(anonymous.status, 401);
  });
});
