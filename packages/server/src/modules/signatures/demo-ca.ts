import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { TEST_CA_MARK } from './pades.js';

/**
 * The embedded `npm start` mode's demo signing key (ADR 0034): made once per DATA_DIR at first start
 * (`<dataDir>/secrets/demo-signing-key.json`: the PKCS#12 and its passphrase), a CA and one signing certificate, both
 * with Organisation = TEST_CA_MARK ("NOT FOR PRODUCTION"), so production refuses it wherever it
 * appears. In production the platform never makes one: each agency uploads its BSrE certificate.
 */
export interface DemoSigningKey {
  p12: Buffer;
  passphrase: string;
}

const serial = () => `01${randomBytes(15).toString('hex')}`;

/** A CA and a signing certificate under it, as a PKCS#12 (certificate chain included). Marked not for production. */
export function makeDemoSigningKey(opts: { signer: string; now: Date; days?: number; passphrase?: string }): DemoSigningKey {
  const { pki } = forge;
  // Valid from 2000 and for 30 years by default: a sandbox tenant's test clock (any date, issue 23) still signs.
  const days = opts.days ?? 30 * 366;
  const until = new Date(opts.now.getTime() + days * 86_400_000);
  const from = opts.days === undefined ? new Date('2000-01-01T00:00:00Z') : new Date(opts.now.getTime() - 60_000);
  const caKeys = pki.rsa.generateKeyPair({ bits: 2048 });
  const ca = pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serial();
  ca.validity.notBefore = from;
  ca.validity.notAfter = until;
  const caName = [
    { name: 'commonName', value: 'Satupintu Demo CA' },
    { name: 'organizationName', value: TEST_CA_MARK },
    { name: 'countryName', value: 'ID' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const keys = pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = from;
  cert.validity.notAfter = until;
  cert.setSubject([
    { name: 'commonName', value: opts.signer },
    { name: 'organizationName', value: TEST_CA_MARK },
    { name: 'countryName', value: 'ID' },
  ]);
  cert.setIssuer(caName);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }, { name: 'subjectKeyIdentifier' }]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());

  const passphrase = opts.passphrase ?? randomBytes(18).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca], passphrase, { algorithm: '3des', friendlyName: opts.signer });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase };
}

/** The DATA_DIR's demo key, made at first use; several processes starting at once agree on one (the file is linked into place: the first wins, the others read it). */
export function demoSigningKey(dataDir: string, now: Date): DemoSigningKey {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, 'demo-signing-key.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const made = makeDemoSigningKey({ signer: 'Satupintu Demo Signer (embedded mode)', now });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, JSON.stringify({ note: 'DEMO signing key of the embedded mode: NOT FOR PRODUCTION', p12: made.p12.toString('base64'), passphrase: made.passphrase }), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { p12: string; passphrase: string };
  return { p12: Buffer.from(stored.p12, 'base64'), passphrase: stored.passphrase };
}
