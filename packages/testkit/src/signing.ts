import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { TEST_CA_MARK } from '@satupintu/server';

/**
 * The test kit's certificate authority: a stand-in for BSrE (Balai Sertifikasi Elektronik) that
 * issues an agency's signing certificate as a PKCS#12. By default every certificate carries
 * TEST_CA_MARK (production refuses it); `{ marked: false }` makes a CA that looks like a real one,
 * to show production accepts an unmarked chain. `{ expired: true }` makes a certificate that ended yesterday.
 */
export interface TestSigningKey {
  p12: Buffer;
  passphrase: string;
  /** The CA certificate (PEM), to verify against (e.g. `pdfsig` with an NSS database, or node-forge). */
  caPem: string;
  /** The signer certificate (PEM). */
  certPem: string;
}

export function testSigningKey(opts: { signer?: string; marked?: boolean; expired?: boolean; now?: Date } = {}): TestSigningKey {
  const { pki } = forge;
  const now = opts.now ?? new Date();
  const org = opts.marked === false ? 'Balai Sertifikasi Elektronik (stand-in)' : TEST_CA_MARK;
  const from = new Date(now.getTime() - (opts.expired ? 400 : 1) * 86_400_000);
  const until = new Date(now.getTime() + (opts.expired ? -86_400_000 : 365 * 86_400_000));
  const caKeys = pki.rsa.generateKeyPair({ bits: 2048 });
  const ca = pki.createCertificate();
  const caName = [
    { name: 'commonName', value: opts.marked === false ? 'Stand-in Root CA' : 'Satupintu Test CA' },
    { name: 'organizationName', value: org },
    { name: 'countryName', value: 'ID' },
  ];
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = `01${randomBytes(15).toString('hex')}`;
  ca.validity.notBefore = from;
  ca.validity.notAfter = new Date(now.getTime() + 3650 * 86_400_000);
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }, { name: 'subjectKeyIdentifier' }]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());
  const keys = pki.rsa.generateKeyPair({ bits: 2048 });
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = from;
  cert.validity.notAfter = until;
  cert.setSubject([
    { name: 'commonName', value: opts.signer ?? 'Kepala Dinas Uji' },
    { name: 'organizationName', value: org },
    { name: 'countryName', value: 'ID' },
  ]);
  cert.setIssuer(caName);
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }, { name: 'subjectKeyIdentifier' }]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());
  const passphrase = randomBytes(12).toString('base64url');
  const p12 = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, ca], passphrase, { algorithm: '3des' })).getBytes(), 'binary');
  return { p12, passphrase, caPem: pki.certificateToPem(ca), certPem: pki.certificateToPem(cert) };
}

export interface PadesCheck {
  /** The CMS signature verifies (RSA over the signed attributes) and its messageDigest is the SHA-256 of the byte range. */
  valid: boolean;
  /** The byte range covers the whole file but the signature's /Contents. */
  coversWholeFile: boolean;
  subFilter: string | undefined;
  signer: string | undefined;
  /** Has ESS signing-certificate-v2 naming the signer certificate (PAdES B-B). */
  signingCertificateV2: boolean;
  /** The signer certificate was issued by this CA (PEM), when given. */
  chainsTo?: boolean;
}

/**
 * The CMS blob at the start of a /Contents placeholder, by the length its DER header states. Not
 * by trimming the zero padding: a signature whose last byte is 0x00 (one in 256) would lose it.
 */
export function derOf(placeholder: Buffer): Buffer {
  if (placeholder[0] !== 0x30 || placeholder.length < 2) throw new Error('the /Contents placeholder does not start with a DER SEQUENCE');
  const first = placeholder[1]!;
  if (first < 0x80) return placeholder.subarray(0, 2 + first);
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + placeholder[2 + i]!;
  return placeholder.subarray(0, 2 + n + len);
}

/**
 * Checks a PDF's (last) signature with node-forge, independently of the code that made it: finds
 * /ByteRange and /Contents, hashes the covered bytes, and checks the CMS SignedData — the
 * messageDigest attribute equals that hash and the RSA signature over the DER of the signed
 * attributes verifies with the signer certificate's key.
 */
export function verifyPadesWithForge(pdf: Buffer, caPem?: string): PadesCheck {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const m = ranges.at(-1);
  if (!m) return { valid: false, coversWholeFile: false, subFilter: undefined, signer: undefined, signingCertificateV2: false };
  const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const covered = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const der = derOf(Buffer.from(text.slice(a + b + 1, c - 1), 'hex'));
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text)?.[1];
  const p7 = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')))) as forge.pkcs7.PkcsSignedData & { rawCapture: any };
  const capture = p7.rawCapture;
  const attrs: any[] = capture.authenticatedAttributes ?? [];
  let digest: string | undefined;
  let essV2: string | undefined;
  for (const attr of attrs) {
    const oid = forge.asn1.derToOid(attr.value[0].value);
    if (oid === forge.pki.oids.messageDigest) digest = attr.value[1].value[0].value;
    if (oid === '1.2.840.113549.1.9.16.2.47') essV2 = attr.value[1].value[0].value[0].value[0].value[0].value;
  }
  const signerCert = p7.certificates.find((cert) => forge.pki.certificateToAsn1(cert) && cert.serialNumber === forge.util.bytesToHex(capture.serial ?? '')) ?? p7.certificates[0]!;
  const sha = forge.md.sha256.create();
  sha.update(covered.toString('binary'));
  const digestOk = digest === sha.digest().getBytes();
  // The signature is over the DER of the signed attributes as a SET.
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
  const md = forge.md.sha256.create();
  md.update(forge.asn1.toDer(set).getBytes());
  let sigOk = false;
  try {
    sigOk = (signerCert.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().getBytes(), capture.signature);
  } catch {
    sigOk = false;
  }
  const certDer = forge.asn1.toDer(forge.pki.certificateToAsn1(signerCert)).getBytes();
  const certHash = forge.md.sha256.create();
  certHash.update(certDer);
  let chainsTo: boolean | undefined;
  if (caPem) {
    try {
      chainsTo = forge.pki.certificateFromPem(caPem).verify(signerCert);
    } catch {
      chainsTo = false;
    }
  }
  return {
    valid: digestOk && sigOk,
    coversWholeFile: a === 0 && c + d === pdf.length,
    subFilter,
    signer: String(signerCert.subject.getField('CN')?.value ?? ''),
    signingCertificateV2: essV2 === certHash.digest().getBytes(),
    ...(chainsTo !== undefined ? { chainsTo } : {}),
  };
}
