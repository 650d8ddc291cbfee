import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, sharedPlatform, testSigningKey, tokenFor, verifyPadesWithForge } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { dataKeyring } from '../../secrets.js';
import { SignatureService } from './service.js';
import { verificationPages } from './pages.js';

const T = 'kab-kapuas';
const SKTLK = { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' };
const pdfsig = spawnSync('pdfsig', ['-v']).error ? undefined : 'pdfsig';

/** Part "fees" (issue 23): issued PDFs carry the agency's PAdES signature and a QR code to the public verification page. */
describe('electronic signatures on issued documents and their verification page', () => {
  let p: Platform;
  let admin: string;
  const key = testSigningKey({ signer: 'Kasat Intelkam Polres Kapuas (uji)' });

  before(async () => {
    p = sharedPlatform();
    admin = await tokenFor(p, 'admin.platform');
  });

  it('an admin sets the agency’s key (checked, sealed, never answered); a wrong passphrase is 422', async () => {
    const url = `/api/v1/tenants/${T}/agencies/polri/signing-key`;
    const wrong = await api(p, 'PUT', url, { token: admin, body: { p12: key.p12.toString('base64'), passphrase: 'salah' } });
    assert.deepEqual([wrong.status, wrong.body.code, wrong.body.errors[0].pointer], [422, 'SIGNING_KEY_INVALID', '/p12']);
    const set = await api(p, 'PUT', url, { token: admin, body: { p12: key.p12.toString('base64'), passphrase: key.passphrase } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual([set.body.subject, set.body.issuer, set.body.testCa], ['Kasat Intelkam Polres Kapuas (uji)', 'Satupintu Test CA', true]);
    assert.ok(!JSON.stringify(set.body).includes(key.passphrase), 'the passphrase is never answered');
    const read = await api(p, 'GET', url, { token: admin });
    assert.deepEqual([read.status, read.body.fingerprint], [200, set.body.fingerprint]);
    const sealed = await asTenant(p, T, (sql) => sql.one<{ p12_sealed: string; passphrase_sealed: string }>(`select p12_sealed, passphrase_sealed from signing_keys where agency_code = 'polri'`));
    assert.ok(sealed.p12_sealed.startsWith('v1.') && !sealed.passphrase_sealed.includes(key.passphrase), 'sealed at rest');
    const citizen = await tokenFor(p, 'warga.kapuas');
    assert.equal((await api(p, 'GET', url, { token: citizen })).status, 403);
    const analyst = await api(p, 'GET', url, { token: await tokenFor(p, 'analis.kemenpanrb') });
    assert.deepEqual([analyst.status, analyst.body.code], [403, 'ROLE_REQUIRED'], 'the ministry analyst: 403, not 404');
  });

  it('issues the loss report signed (pdfsig and node-forge agree), with a QR code to its verification page, which checks a file’s hash', async () => {
    const [citizen, police] = await Promise.all([tokenFor(p, 'warga.kapuas'), tokenFor(p, 'petugas.polri.kapuas')]);
    const draft = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const id = draft.body.id;
    const ktp = await PDFDocument.create();
    ktp.addPage().drawText('KTP Budi');
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: Buffer.from(await ktp.save()) });
    assert.equal(up.status, 201);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${id}/submit`, { token: citizen })).status, 200);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${id}/actions/verify`, { token: police, body: {} })).status, 200);
    const issued = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${id}/actions/issue`, { token: police, body: {} });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    const out = issued.body.outputs.find((o: { code: string }) => o.code === 'sktlk');
    assert.match(out.verifyCode, /^[0-9A-Z]{16}$/);
    assert.equal(out.signedBy, 'Kasat Intelkam Polres Kapuas (uji)');

    const link = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${id}/outputs/sktlk/download`, { token: citizen });
    const file = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    const check = verifyPadesWithForge(file, key.caPem);
    assert.deepEqual(check, { valid: true, coversWholeFile: true, subFilter: 'ETSI.CAdES.detached', signer: 'Kasat Intelkam Polres Kapuas (uji)', signingCertificateV2: true, chainsTo: true });
    if (pdfsig) {
      const dir = mkdtempSync(path.join(tmpdir(), 'sktlk-'));
      try {
        writeFileSync(path.join(dir, 'sktlk.pdf'), file);
        const report = execFileSync('pdfsig', [path.join(dir, 'sktlk.pdf')], { encoding: 'utf8' });
        assert.match(report, /Signature Validation: Signature is Valid\./);
        assert.match(report, /Signer Certificate Common Name: Kasat Intelkam Polres Kapuas \(uji\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const v = await api(p, 'GET', `/api/v1/tenants/${T}/verifications/${out.verifyCode}`);
    assert.equal(v.status, 200, JSON.stringify(v.body));
    assert.deepEqual(
      [v.body.status, v.body.number, v.body.issuer.tenant, v.body.signature],
      ['valid', `${draft.body.trackingCode}/SKTLK`, 'Kabupaten Kapuas', { signed: true, signer: 'Kasat Intelkam Polres Kapuas (uji)', issuer: 'Satupintu Test CA', testCa: true }],
    );
    assert.ok(!JSON.stringify(v.body).includes('Budi') && !JSON.stringify(v.body).includes(SKTLK.nik), 'no personal data');
    const same = await fetch(`${p.url}/api/v1/tenants/${T}/verifications/${out.verifyCode}/check`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: file });
    assert.deepEqual(await same.json(), { match: true, sha256: v.body.sha256, expected: v.body.sha256 });
    const forged = Buffer.from(file);
    forged[forged.length - 10] = forged[forged.length - 10]! ^ 1;
    const other = await fetch(`${p.url}/api/v1/tenants/${T}/verifications/${out.verifyCode}/check`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: forged });
    assert.equal(((await other.json()) as { match: boolean }).match, false);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/verifications/AAAAAAAAAAAAAAAA`)).status, 404);

    // The page the QR code opens (rendered into the web app's shell on the wire: modules/catalog/pages.test.ts covers that path).
    const render = verificationPages({ signatures: p.services.signatures, clock: p.clock, log: p.kernel.logger });
    const env = { tenant: (slug: string) => p.services.tenants.get(slug).catch(() => undefined) };
    const page = await render({ path: `/t/${T}/v/${out.verifyCode}`, query: {} }, env);
    assert.equal(page?.status, 200);
    assert.ok(page!.body.includes(`${draft.body.trackingCode}/SKTLK`) && page!.body.includes(v.body.sha256) && page!.body.includes('sertifikat uji'), 'the page shows number, hash and the test-certificate warning');
    assert.ok(!page!.body.includes('Budi'), 'no personal data on the page');
    assert.equal((await render({ path: `/t/${T}/v/ZZZZZZZZZZZZZZZZ`, query: {} }, env))?.status, 404);
    assert.equal(await render({ path: `/t/${T}/layanan`, query: {} }, env), undefined, 'other paths are not its');
  });

  it('production refuses a test-CA key, and never signs with one already stored; an unmarked (BSrE-like) chain is accepted', async () => {
    const production = new SignatureService({ uow: p.kernel.uow, config: { ...p.kernel.config, env: 'production' }, keyring: () => dataKeyring(p.kernel.config), registry: undefined as never });
    const ctx = await p.context({ tenant: T });
    await assert.rejects(production.setKey(ctx, 'polri', { p12: key.p12.toString('base64'), passphrase: key.passphrase }), (e: { code?: string; status?: number }) => e.code === 'SIGNING_KEY_TEST_CA' && e.status === 422);
    assert.equal(await production.signerFor(ctx, 'polri'), undefined, 'the stored test key does not sign in production');
    const bsre = testSigningKey({ marked: false, signer: 'Kepala Dinas (BSrE stand-in)' });
    const accepted = await production.setKey(ctx, 'dukcapil', { p12: bsre.p12.toString('base64'), passphrase: bsre.passphrase });
    assert.deepEqual([accepted.testCa, (await production.signerFor(ctx, 'dukcapil'))?.subject], [false, 'Kepala Dinas (BSrE stand-in)']);
  });
});
