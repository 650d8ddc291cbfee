import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import { ROLLUP_JOB, type Platform } from '@satupintu/server';

// The ministry's views are aggregates only: an analyst who reads every national endpoint (and the
// per-tenant aggregate views open to it) finds no NIK, name, phone, username or subject of the
// citizens whose records feed them. Held when tried (docs/security.md, "Attacks tried").

const T = 'kab-kapuas';
const NIK = '6203054507850002';
const NAME = 'Sulastri Wahyuningsih';
const PHONE = '081234567891';
const SKTLK = {
  nik: NIK,
  namaLengkap: NAME,
  noHp: PHONE,
  barangHilang: [{ jenis: 'KTP-el', atasNama: NAME }],
  tanggalKejadian: '2026-11-20',
  lokasiKejadian: 'Pasar Kuala Kapuas',
  kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.',
};

/** Personal data as it would appear in JSON or CSV. */
const PATTERNS: [string, RegExp][] = [
  ['NIK (16 digits)', /(?<![\d.])\d{16}(?![\d.])/],
  ['phone number', /(?<![\d.])(?:\+?62|0)8\d{7,11}(?![\d.])/],
  ['e-mail address', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
  ['demo username', /\b(?:warga|petugas|admin|operator)\.[a-z.]+/],
  ['seeded name', new RegExp(NAME.split(' ')[0]!)],
];

async function pdf(): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText('KTP');
  return Buffer.from(await d.save());
}

describe('security: national views are aggregates only', () => {
  let p: Platform;
  let analyst: string;
  let citizenSub: string;
  const today = new Date().toISOString().slice(0, 10);
  const from = `${today.slice(0, 4)}-01-01`;

  before(async function () {
    this.timeout(180_000);
    p = sharedPlatform();
    analyst = await tokenFor(p, 'analis.kemenpanrb');
    const citizen = await tokenFor(p, 'warga.kapuas');
    citizenSub = claimsOf(citizen).sub;
    // Records full of personal data, submitted and complained about, then rolled up.
    const a = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${a.body.id}/documents/identitas?filename=${encodeURIComponent(`${NAME} ${NIK}.pdf`)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: await pdf(),
    });
    assert.equal(up.status, 201);
    const submitted = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${a.body.id}/submit`, { token: citizen });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const c = await api(p, 'POST', `/api/v1/tenants/${T}/complaints`, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'application', applicationId: a.body.id }, title: `Keluhan ${NAME}`, body: `Saya ${NAME}, NIK ${NIK}, HP ${PHONE}: berkas belum diproses.` },
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    await p.runJob(ROLLUP_JOB);
  });

  const views = () => [
    '/api/v1/national/cockpit',
    '/api/v1/national/alerts',
    '/api/v1/national/weekly?weeks=8',
    `/api/v1/national/weekly?tenant=${T}`,
    '/api/v1/national/tenants.csv',
    '/api/v1/national/weekly.csv?weeks=8',
    `/api/v1/complaints/stats?from=${from}&to=${today}`,
    `/api/v1/skm/ikm?from=${from}&to=${today}`,
    `/api/v1/agencies/polri/skm/ikm?from=${from}&to=${today}`,
    `/api/v1/tenants/${T}/indicators`,
    `/api/v1/tenants/${T}/complaints/stats?from=${from}&to=${today}`,
    `/api/v1/tenants/${T}/skm/ikm`,
    // Ministry Monev (issue 23)
    '/api/v1/national/monev/alerts',
    `/api/v1/national/skm/follow-ups?from=${from}&to=${today}`,
    `/api/v1/tenants/${T}/monev/alerts`,
    `/api/v1/tenants/${T}/monev/evidence`,
    `/api/v1/tenants/${T}/skm/publications`,
    `/api/v1/national/visits?from=${from}&to=${today}&by=month`,
    `/api/v1/tenants/${T}/visits?from=${from}&to=${today}&by=day`,
  ];

  it('every view open to the analyst answers, and no answer holds a NIK, name, phone, e-mail, username or subject', async () => {
    let bytes = 0;
    for (const path of views()) {
      const r = await fetch(p.url + path, { headers: { authorization: `Bearer ${analyst}` } });
      const text = await r.text();
      assert.equal(r.status, 200, `${path}: ${r.status} ${text.slice(0, 300)}`);
      bytes += text.length;
      for (const [what, re] of PATTERNS) {
        const m = re.exec(text);
        assert.ok(!m, `${path} holds a ${what}: …${m && text.slice(Math.max(0, m.index - 120), m.index + 40)}…`);
      }
      assert.ok(!text.includes(citizenSub), `${path} holds a citizen's subject`);
      assert.ok(!text.includes(NIK.slice(0, 12)), `${path} holds part of a NIK`);
    }
    assert.ok(bytes > 1000, 'the views are not empty');
  });

  it('JSON views carry no member that names a person, and no free text from citizens', async () => {
    const names = /^(nik|nama|namaLengkap|noHp|phone|email|sub|subject|applicant|applicantSub|complainant|username|preferred_username|address|alamat|body|title|data)$/i;
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          // (`name` is a tenant's or agency's here; a person's name is caught by the text patterns above.)
          if (names.test(k)) assert.fail(`${path}.${k} in a national view`);
          walk(x, `${path}.${k}`);
        }
      else if (typeof v === 'string') assert.ok(!v.includes('berkas belum diproses'), `${path}: complaint text`);
    };
    for (const path of views().filter((v) => !v.includes('.csv'))) {
      const r = await api(p, 'GET', path, { token: analyst });
      walk(r.body, path);
    }
  });

  it('the analyst cannot narrow a view to one person: unknown filters are refused', async () => {
    for (const path of [
      `/api/v1/national/weekly?nik=${NIK}`,
      `/api/v1/national/cockpit?applicant=${citizenSub}`,
      `/api/v1/complaints/stats?from=${from}&to=${today}&complainant=${citizenSub}`,
      `/api/v1/tenants/${T}/indicators?service=polri.sktlk&nik=${NIK}`,
    ]) {
      const r = await api(p, 'GET', path, { token: analyst });
      assert.equal(r.status, 400, `${path}: ${r.status}`);
      assert.equal(r.body.code, 'QUERY_INVALID');
    }
  });

  it("the analyst gets no tenant's personal lists: applications of others, complaints, exports, queues, bookings", async () => {
    // The analyst holds no citizen role: even "its own" lists are refused (test/security/analyst.test.ts covers every personal operation).
    for (const path of [
      `/api/v1/tenants/${T}/applications?limit=200`,
      `/api/v1/tenants/${T}/complaints?limit=200`,
      `/api/v1/tenants/${T}/bookings`,
      `/api/v1/tenants/${T}/complaints/export?from=${from}&to=${today}&format=csv`,
      `/api/v1/tenants/${T}/agencies/polri/queue`,
      `/api/v1/tenants/${T}/audit-events`,
      `/api/v1/tenants/${T}/escalations`,
    ])
      assert.equal((await api(p, 'GET', path, { token: analyst })).status, 403, path);
  });
});
