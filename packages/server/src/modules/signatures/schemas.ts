import Type from 'typebox';
import { Code, Strict, TenantPath } from '../../http/schemas.js';

const strict = { additionalProperties: false } as const;
const Text = Type.Object({ id: Type.String(), en: Type.String() }, strict);

export const AgencyKeyPath = TenantPath({ agency: Code });
export const VerificationPath = TenantPath({ code: Type.String({ pattern: '^[0-9A-Z]{16}$', description: 'The verification code printed under the QR code' }) });

export const SigningKeyBody = Strict({
  p12: Type.String({ minLength: 16, maxLength: 65_536, contentEncoding: 'base64', description: 'The agency’s PKCS#12 (.p12/.pfx: private key, certificate and its chain from BSrE), base64' }),
  passphrase: Type.String({ maxLength: 200, description: 'The PKCS#12 passphrase; stored sealed, never answered' }),
});

export const SigningKey = Type.Object(
  {
    agency: Type.String(),
    subject: Type.String({ description: 'Common name of the signer certificate' }),
    issuer: Type.String({ description: 'Common name of its issuer (BSrE in production)' }),
    serial: Type.String(),
    notBefore: Type.String({ format: 'date-time' }),
    notAfter: Type.String({ format: 'date-time' }),
    fingerprint: Type.String({ description: 'SHA-256 of the certificate (hex)' }),
    testCa: Type.Boolean({ description: 'true: from the Satupintu test CA (test kit or demo mode) — refused in production' }),
    setBy: Type.String(),
    setAt: Type.String({ format: 'date-time' }),
  },
  { ...strict, 'x-component': 'SigningKey', description: 'The certificate an agency signs issued documents with in this tenant (the key itself is never answered)' },
);

export const Verification = Type.Object(
  {
    code: Type.String(),
    status: Type.Enum(['valid', 'expired'], { description: '`expired`: past its validity date' }),
    document: Text,
    number: Type.String({ description: 'The number printed on the document' }),
    service: Text,
    issuer: Type.Object({ agency: Text, tenant: Type.String() }, strict),
    issuedAt: Type.String({ format: 'date-time' }),
    validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    sha256: Type.Union([Type.String(), Type.Null()], { description: 'SHA-256 of the PDF as issued: a copy with another hash is not the issued file' }),
    signature: Type.Object(
      {
        signed: Type.Boolean(),
        signer: Type.Union([Type.String(), Type.Null()]),
        issuer: Type.Union([Type.String(), Type.Null()]),
        testCa: Type.Boolean({ description: 'true: signed with a test certificate (not legally valid)' }),
      },
      strict,
    ),
  },
  { ...strict, 'x-component': 'DocumentVerification', description: 'What the public verification page shows: status, issuer, date and hash — no personal data' },
);

export const HashCheck = Type.Object(
  {
    match: Type.Boolean({ description: 'true: the uploaded file is byte for byte the issued one' }),
    sha256: Type.String({ description: 'SHA-256 of the uploaded file' }),
    expected: Type.Union([Type.String(), Type.Null()]),
  },
  { ...strict, 'x-component': 'DocumentHashCheck' },
);

export type SigningKeyView = Type.Static<typeof SigningKey>;
export type VerificationView = Type.Static<typeof Verification>;
export type HashCheckView = Type.Static<typeof HashCheck>;
