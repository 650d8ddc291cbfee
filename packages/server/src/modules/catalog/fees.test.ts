import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { listRegencies, localDate } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

/** Part "fees" (issue 23): fee quotes before submitting, the quote recorded at submit, locked fees refused in overlays. */
describe('fees and fines that depend on dates', () => {
  let p: Platform;
  let admin: string;
  let citizen: string;
  let slug: string;
  let today: string;

  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const quote = (service: string, body: unknown) => api(p, 'POST', `/api/v1/tenants/${slug}/services/${service}/fee-quote`, { body });
  const overlay = (plugin: string, service: string, body: unknown, headers: Record<string, string> = {}) =>
    api(p, 'PUT', `/api/v1/tenants/${slug}/installations/${plugin}/overlays/${service}`, { token: admin, body, headers });

  const AKTA = (birth: string) => ({
    noKk: '3217061503120004',
    bayi: { namaLengkap: 'Putri Lestari', jenisKelamin: 'perempuan', tempatDilahirkan: 'Puskesmas', tempatKelahiran: 'Kab. Bandung Barat', tanggalLahir: birth, jenisKelahiran: 'tunggal', kelahiranKe: 1, penolong: 'bidan/perawat' },
    nikIbu: '3217064101900001',
    nikAyah: '3217060101880003',
    buktiPerkawinan: 'buku_nikah_akta_perkawinan',
    buktiKelahiran: 'surat_keterangan_lahir',
    nikPelapor: '3217060101880003',
    noHp: '081234567890',
  });

  before(async () => {
    p = sharedPlatform();
    [admin, citizen] = await Promise.all([tokenFor(p, 'admin.platform'), tokenFor(p, 'warga.kbb')]);
    const taken = new Set((await p.services.tenants.list()).map((t) => t.code));
    const free = listRegencies().filter((r) => r.timeZone === 'Asia/Jakarta' && !taken.has(r.code));
    slug = `fee-${randomUUID().slice(0, 8)}`;
    const created = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code: free[Math.floor(Math.random() * free.length)]!.code, slug, mppStatus: 'operating' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    for (const plugin of ['dukcapil', 'imigrasi']) assert.equal((await api(p, 'PUT', `/api/v1/tenants/${slug}/installations/${plugin}`, { token: admin, body: { version: '1.1.0' } })).status, 200);
    today = localDate(new Date(), 'Asia/Jakarta');
  });

  it('quotes the passport PNBP (PP 28/2019) from the answers, and says what is still missing', async () => {
    const q = await quote('imigrasi.paspor-baru', { jenisPaspor: 'paspor-elektronik-48', percepatan: true });
    assert.equal(q.status, 200, JSON.stringify(q.body));
    assert.deepEqual([q.body.total, q.body.currency, q.body.complete, q.body.free], [1_650_000, 'IDR', true, false]);
    assert.deepEqual(q.body.lines.map((l: { code: string; locked: boolean }) => [l.code, l.locked]), [['paspor-elektronik-48', true], ['percepatan', true]]);
    assert.deepEqual(q.body.legalBasis, ['PP 28/2019 (PNBP Kemenkumham)']);
    const partial = await quote('imigrasi.paspor-baru', { percepatan: false });
    assert.deepEqual([partial.status, partial.body.complete, partial.body.pending.map((x: { field: string }) => x.field)], [200, false, ['/jenisPaspor', '/jenisPaspor']]);
    assert.equal((await quote('imigrasi.tidak-ada', {})).status, 404);
  });

  it('a birth certificate is free (UU 24/2013 Pasal 79A); the regency’s Perda fine applies after 60 days once it overlays the amount', async () => {
    const free = await quote('dukcapil.akta-kelahiran', AKTA(daysAgo(100)));
    assert.deepEqual([free.body.total, free.body.free, free.body.text.id], [0, true, 'Tidak dipungut biaya (UU 24/2013 Pasal 79A)']);

    const akta = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/dukcapil.akta-kelahiran`)).body;
    const fine = { ...akta.fee, charges: [{ ...akta.fee.charges[0], legalBasis: 'Perda Kab. Uji 3/2019 Pasal 12', afterDays: { from: '/bayi/tanggalLahir', tiers: [{ moreThan: 60, amount: 10_000 }] } }] };
    const set = await overlay('dukcapil', 'akta-kelahiran', { fee: fine });
    assert.equal(set.status, 200, JSON.stringify(set.body));

    const late = await quote('dukcapil.akta-kelahiran', AKTA(daysAgo(100)));
    assert.deepEqual([late.body.total, late.body.free, late.body.lines[0].code, late.body.lines[0].locked], [10_000, false, 'denda-keterlambatan', false]);
    assert.match(late.body.lines[0].reason.id, /^100 hari .* lebih dari 60 hari$/);
    assert.deepEqual(late.body.legalBasis, ['UU 24/2013 Pasal 79A', 'Perda Kab. Uji 3/2019 Pasal 12']);
    assert.equal((await quote('dukcapil.akta-kelahiran', AKTA(daysAgo(30)))).body.total, 0, 'within 60 days: nothing');
    const standard = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/dukcapil.akta-kelahiran`)).body.standard.find((c: { key: string }) => c.key === 'fee');
    assert.ok(standard.text.some((t: { id: string }) => /Rp10\.000 bila lebih dari 60 hari \(Perda Kab\. Uji 3\/2019 Pasal 12\)/.test(t.id)), JSON.stringify(standard));
  });

  it('refuses an overlay that changes what the plugin locked, with the field and the regulation', async () => {
    const akta = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/dukcapil.akta-kelahiran`)).body;
    const read = await api(p, 'GET', `/api/v1/tenants/${slug}/installations/dukcapil/overlays/akta-kelahiran`, { token: admin });
    const charged = await overlay('dukcapil', 'akta-kelahiran', { fee: { ...akta.fee, kind: 'fixed', amount: 25_000 } }, { 'if-match': read.headers.get('etag')! });
    assert.equal(charged.status, 422, JSON.stringify(charged.body));
    assert.equal(charged.body.code, 'OVERLAY_INVALID');
    assert.deepEqual(charged.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/fee/amount', '/fee/kind']);
    assert.match(charged.body.errors[0].message.en, /locked by the plugin \(UU 24\/2013 Pasal 79A\)/);
    assert.match(charged.body.errors[0].message.id, /dikunci plugin/);
    const pnbp = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/imigrasi.paspor-baru`)).body.fee;
    const cheaper = await overlay('imigrasi', 'paspor-baru', { fee: { ...pnbp, charges: pnbp.charges.map((c: { code: string }) => (c.code === 'percepatan' ? { ...c, amount: 1 } : c)) } });
    assert.deepEqual([cheaper.status, cheaper.body.errors[0].pointer], [422, '/fee'], 'Imigrasi’s PNBP is not overlayable at all');
  });

  it('shows the quote on the draft before submitting and records it at submit; the recorded quote no longer moves', async () => {
    const draft = await api(p, 'POST', `/api/v1/tenants/${slug}/applications`, { token: citizen, body: { service: 'dukcapil.akta-kelahiran', data: AKTA(daysAgo(90)) } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.deepEqual([draft.body.fee.total, draft.body.fee.lines[0].code], [10_000, 'denda-keterlambatan']);
    const id = draft.body.id;
    const pdf = async () => {
      const d = await PDFDocument.create();
      d.addPage().drawText('dokumen');
      return Buffer.from(await d.save());
    };
    for (const code of ['kk', 'ktp-ortu', 'surat-lahir', 'buku-nikah']) {
      const res = await fetch(`${p.url}/api/v1/tenants/${slug}/applications/${id}/documents/${code}?filename=${code}.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
      assert.equal(res.status, 201, await res.text());
    }
    const submitted = await api(p, 'POST', `/api/v1/tenants/${slug}/applications/${id}/submit`, { token: citizen });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.deepEqual([submitted.body.status, submitted.body.fee.total, submitted.body.fee.asOf], ['submitted', 10_000, today]);
    const tenant = await p.services.tenants.get(slug);
    const stored = await asTenant(p, tenant, (sql) => sql.one<{ fee_quote: { total: number; lines: { code: string }[] } }>(`select fee_quote from applications where id = $1`, [id]));
    assert.deepEqual([stored.fee_quote.total, stored.fee_quote.lines[0]!.code], [10_000, 'denda-keterlambatan']);
    await assert.rejects(
      asTenant(p, tenant, (sql) => sql.exec(`update applications set fee_quote = '{"total":0}' where id = $1`, [id])),
      /fee quote of a submitted application is fixed/,
    );

    // The regency raises its fine: new drafts see it, the submitted application keeps what it was quoted.
    const akta = (await api(p, 'GET', `/api/v1/tenants/${slug}/services/dukcapil.akta-kelahiran`)).body;
    const read = await api(p, 'GET', `/api/v1/tenants/${slug}/installations/dukcapil/overlays/akta-kelahiran`, { token: admin });
    const raised = { ...akta.fee, charges: [{ ...akta.fee.charges[0], afterDays: { from: '/bayi/tanggalLahir', tiers: [{ moreThan: 60, amount: 20_000 }] } }] };
    assert.equal((await overlay('dukcapil', 'akta-kelahiran', { fee: raised }, { 'if-match': read.headers.get('etag')! })).status, 200);
    assert.equal((await quote('dukcapil.akta-kelahiran', AKTA(daysAgo(90)))).body.total, 20_000);
    const again = await api(p, 'GET', `/api/v1/tenants/${slug}/applications/${id}`, { token: citizen });
    assert.deepEqual([again.status, again.body.fee.total], [200, 10_000], 'recorded at submit');
  });
});
