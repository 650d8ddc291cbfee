import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { testSigningKey, verifyPadesWithForge } from '@satupintu/testkit';
import { inspectSigningKey, signPdf, SigningKeyError } from './pades.js';
import { makeDemoSigningKey } from './demo-ca.js';

const now = new Date('2026-12-07T03:00:00Z');
const blank = async () => {
  const d = await PDFDocument.create();
  d.addPage().drawText('Surat Keterangan Tanda Lapor Kehilangan');
  return d;
};
/** poppler's pdfsig, when installed (Debian poppler-utils): the check any PDF reader makes. */
const pdfsig = spawnSync('pdfsig', ['-v']).error ? undefined : 'pdfsig';

describe('PAdES signatures (issue 23)', () => {
  const key = testSigningKey({ signer: 'Kepala Dinas Dukcapil Kab. Uji', now });

  it('signs a PDF: the CMS verifies over the whole file but the signature, with signing-certificate-v2 (PAdES B-B)', async () => {
    const signed = await signPdf(await blank(), key.p12, key.passphrase, { name: 'Disdukcapil Kab. Uji', reason: 'Dokumen diterbitkan', location: 'MPP Kab. Uji', contactInfo: 'https://satupintu.test/v/ABC', signingTime: now });
    const check = verifyPadesWithForge(signed, key.caPem);
    assert.deepEqual(check, { valid: true, coversWholeFile: true, subFilter: 'ETSI.CAdES.detached', signer: 'Kepala Dinas Dukcapil Kab. Uji', signingCertificateV2: true, chainsTo: true });
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('Surat Keterangan');
    if (at > 0) tampered[at] = 'X'.charCodeAt(0);
    else tampered[200] = tampered[200]! ^ 1;
    assert.equal(verifyPadesWithForge(tampered).valid, false, 'one byte changed: invalid');
  });

  it('pdfsig (poppler) reports the signature valid', async function () {
    if (!pdfsig) this.skip();
    const signed = await signPdf(await blank(), key.p12, key.passphrase, { name: 'Disdukcapil Kab. Uji', reason: 'Dokumen diterbitkan', location: 'MPP Kab. Uji', contactInfo: '-', signingTime: now });
    const dir = mkdtempSync(path.join(tmpdir(), 'pades-'));
    try {
      writeFileSync(path.join(dir, 'a.pdf'), signed);
      const out = execFileSync('pdfsig', [path.join(dir, 'a.pdf')], { encoding: 'utf8' });
      assert.match(out, /Signature Validation: Signature is Valid\./);
      assert.match(out, /Signer Certificate Common Name: Kepala Dinas Dukcapil Kab\. Uji/);
      assert.match(out, /Signature Type: ETSI\.CAdES\.detached/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('inspects a PKCS#12: subject, issuer, validity, fingerprint, and whether it comes from a test CA', () => {
    const id = inspectSigningKey(key.p12, key.passphrase, now);
    assert.deepEqual([id.subject, id.issuer, id.testCa, id.fingerprint.length], ['Kepala Dinas Dukcapil Kab. Uji', 'Satupintu Test CA', true, 64]);
    const real = testSigningKey({ marked: false, now });
    assert.equal(inspectSigningKey(real.p12, real.passphrase, now).testCa, false, 'an unmarked chain (BSrE in production) is not a test CA');
  });

  it('refuses a wrong passphrase, garbage and an expired certificate with the reason', () => {
    assert.throws(() => inspectSigningKey(key.p12, 'salah', now), SigningKeyError);
    assert.throws(() => inspectSigningKey(Buffer.from('bukan p12'), '', now), /not a PKCS#12/);
    const old = testSigningKey({ expired: true, now });
    assert.throws(() => inspectSigningKey(old.p12, old.passphrase, now), /expired/);
  });

  it('the embedded demo key is marked not for production', () => {
    const demo = makeDemoSigningKey({ signer: 'Demo', now, days: 30 });
    assert.equal(inspectSigningKey(demo.p12, demo.passphrase, now).testCa, true);
    const lasting = makeDemoSigningKey({ signer: 'Demo', now });
    assert.equal(inspectSigningKey(lasting.p12, lasting.passphrase, new Date('2025-03-31T03:00:00Z')).testCa, true, 'a sandbox clock in the past still signs');
  });
});
