import { createHash, sign as cryptoSign } from 'node:crypto';
import forge from 'node-forge';
import type { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

/**
 * PAdES signatures on issued PDFs (ADR 0034). A PDF gets a signature dictionary (`/SubFilter
 * /ETSI.CAdES.detached`) through @signpdf/placeholder-pdf-lib, then @signpdf/signpdf fills the
 * byte range with a detached CMS SignedData assembled here (node-forge ASN.1, node:crypto RSA): SHA-256, the signer's
 * certificate and chain, and the signed attributes PAdES baseline B-B asks for — content type,
 * message digest and ESS signing-certificate-v2 (the claimed signing time is the PDF's `/M`, not a
 * CMS attribute: ETSI EN 319 142-1 §5.3). Any PDF reader (Adobe, Foxit, poppler's pdfsig) checks it.
 */

/** Organisation (O) of every certificate the test kit or the embedded demo mode makes: production refuses any chain naming it. */
export const TEST_CA_MARK = 'Satupintu TEST CA - BUKAN UNTUK PRODUKSI / NOT FOR PRODUCTION';

const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

export interface SigningIdentity {
  /** Common names and fingerprint of the signer certificate; `testCa` when any certificate in the PKCS#12 carries TEST_CA_MARK. */
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the signer certificate's DER, hex. */
  fingerprint: string;
  testCa: boolean;
}

export class SigningKeyError extends Error {}

interface Opened {
  key: forge.pki.rsa.PrivateKey;
  cert: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
}

const cn = (n: forge.pki.Certificate['subject']) => String(n.getField('CN')?.value ?? n.attributes.map((a) => `${a.shortName ?? a.name}=${a.value}`).join(', '));
const org = (c: forge.pki.Certificate) => [c.subject.getField('O')?.value, c.issuer.getField('O')?.value].map((v) => String(v ?? ''));

/** Opens a PKCS#12 (DER) with its passphrase: the private key, the certificate that matches it, and the rest of the chain. */
function openP12(p12: Buffer, passphrase: string): Opened {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  } catch {
    throw new SigningKeyError('not a PKCS#12 file, or the passphrase is wrong');
  }
  const keyBag = [...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []), ...(parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? [])][0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SigningKeyError('the PKCS#12 holds no private key (RSA)');
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).map((b) => b.cert).filter((c): c is forge.pki.Certificate => Boolean(c));
  const cert = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!cert) throw new SigningKeyError('no certificate in the PKCS#12 matches its private key');
  return { key, cert, chain: certs.filter((c) => c !== cert) };
}

const derOf = (c: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary');

/** What a PKCS#12 holds, checked (key and certificate match; with `at`, valid then). Throws SigningKeyError with the reason. */
export function inspectSigningKey(p12: Buffer, passphrase: string, at?: Date): SigningIdentity {
  const { cert, chain } = openP12(p12, passphrase);
  if (at && cert.validity.notAfter.getTime() < at.getTime()) throw new SigningKeyError(`the certificate expired on ${cert.validity.notAfter.toISOString().slice(0, 10)}`);
  if (at && cert.validity.notBefore.getTime() > at.getTime()) throw new SigningKeyError(`the certificate is valid only from ${cert.validity.notBefore.toISOString().slice(0, 10)}`);
  return {
    subject: cn(cert.subject),
    issuer: cn(cert.issuer),
    serial: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    fingerprint: createHash('sha256').update(derOf(cert)).digest('hex'),
    testCa: [cert, ...chain].some((c) => org(c).some((o) => o === TEST_CA_MARK)),
  };
}

/**
 * A @signpdf Signer producing a CAdES-detached CMS SignedData (RFC 5652; PAdES B-B) assembled with
 * node-forge's ASN.1 (forge's own PKCS#7 writer cannot carry signing-certificate-v2), signed with
 * node:crypto: SHA-256 with RSA over the DER of the signed attributes.
 */
class PadesSigner extends Signer {
  constructor(private readonly opened: Opened) {
    super();
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    const { key, cert, chain } = this.opened;
    const { asn1 } = forge;
    const U = asn1.Class.UNIVERSAL;
    const seq = (v: forge.asn1.Asn1[]) => asn1.create(U, asn1.Type.SEQUENCE, true, v);
    const set = (v: forge.asn1.Asn1[]) => asn1.create(U, asn1.Type.SET, true, v);
    const oid = (o: string) => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
    const octets = (b: Buffer) => asn1.create(U, asn1.Type.OCTETSTRING, false, b.toString('binary'));
    const int = (hex: string) => {
      const bytes = forge.util.hexToBytes(hex.length % 2 ? `0${hex}` : hex);
      return asn1.create(U, asn1.Type.INTEGER, false, bytes.charCodeAt(0) & 0x80 ? `\x00${bytes}` : bytes);
    };
    const sha256Alg = seq([oid(forge.pki.oids.sha256!), asn1.create(U, asn1.Type.NULL, false, '')]);
    const attr = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);
    const attrs = [
      attr(forge.pki.oids.contentType!, oid(forge.pki.oids.data!)),
      attr(forge.pki.oids.messageDigest!, octets(createHash('sha256').update(pdf).digest())),
      // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING } (SHA-256 is its default algorithm).
      attr(OID_SIGNING_CERTIFICATE_V2, seq([seq([seq([octets(createHash('sha256').update(derOf(cert)).digest())])])])),
    ];
    const signedAttrsDer = Buffer.from(asn1.toDer(set(attrs)).getBytes(), 'binary');
    const signature = cryptoSign('sha256', signedAttrsDer, forge.pki.privateKeyToPem(key));
    const signerInfo = seq([
      int('01'),
      seq([forge.pki.distinguishedNameToAsn1(cert.issuer), int(cert.serialNumber)]),
      sha256Alg,
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs),
      seq([oid(forge.pki.oids.rsaEncryption!), asn1.create(U, asn1.Type.NULL, false, '')]),
      octets(signature),
    ]);
    const signedData = seq([
      int('01'),
      set([sha256Alg]),
      seq([oid(forge.pki.oids.data!)]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [cert, ...chain].map((c) => forge.pki.certificateToAsn1(c))),
      set([signerInfo]),
    ]);
    const contentInfo = seq([oid(forge.pki.oids.signedData!), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
    return Buffer.from(asn1.toDer(contentInfo).getBytes(), 'binary');
  }
}

export interface SignatureMeta {
  /** Signer's name as shown by readers, e.g. the agency. */
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

/**
 * Saves `doc` with a PAdES signature by the PKCS#12's key. `doc` must not have been saved yet
 * (the placeholder goes into it); object streams are off so the byte range stays where it is written.
 */
export async function signPdf(doc: PDFDocument, p12: Buffer, passphrase: string, meta: SignatureMeta): Promise<Buffer> {
  const opened = openP12(p12, passphrase);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: meta.reason,
    contactInfo: meta.contactInfo,
    name: meta.name,
    location: meta.location,
    signingTime: meta.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16_384,
    appName: 'Satupintu',
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, new PadesSigner(opened));
}
