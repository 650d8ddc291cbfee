import type { Request } from 'express';
import { ok, type RouteTable } from '../../http/routes.js';
import { checkBodyTooLarge, signingKeyInvalid, signingKeyNotSet, signingKeyTestCa, verificationNotFound } from './errors.js';
import { AgencyKeyPath, HashCheck, SigningKey, SigningKeyBody, Verification, VerificationPath } from './schemas.js';
import type { SignatureService } from './service.js';

const admins = { kind: 'roles' as const, roles: ['tenant-admin' as const, 'platform-admin' as const], tenantParam: 'tenant' };
/** The largest PDF the public hash check reads (issued documents are one or two pages). */
export const MAX_CHECK_BYTES = 10 * 1024 * 1024;

async function readAll(req: Request, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) {
      req.resume();
      throw checkBodyTooLarge(max);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

const example = {
  agency: 'dukcapil',
  subject: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kab. Bandung Barat',
  issuer: 'BSrE',
  serial: '0169f0a3c2b1',
  notBefore: '2026-01-05T00:00:00.000Z',
  notAfter: '2028-01-05T00:00:00.000Z',
  fingerprint: '6c1f0b8e2d7a4c3b9e8f7a6d5c4b3a2918e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3',
  testCa: false,
  setBy: 'admin.kbb',
  setAt: '2026-12-07T02:00:00.000Z',
};

/** Part "fees" (issue 23): agencies' signing keys and the public verification of issued documents. */
export function signatureRoutes(api: RouteTable, signatures: SignatureService): void {
  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/agencies/:agency/signing-key',
    operationId: 'setSigningKey',
    summary: 'Pasang kunci TTE instansi / Set an agency’s signing key',
    description:
      'The PKCS#12 from BSrE (private key, certificate, chain) and its passphrase, base64: checked (opens, key matches certificate, valid today), stored sealed with the data key, and used to sign every PDF the agency issues in this tenant (PAdES). Replaces the previous key. In production a certificate from the Satupintu test CA is 422 SIGNING_KEY_TEST_CA. The key and passphrase are never answered.',
    tags: ['signatures'],
    security: admins,
    params: AgencyKeyPath,
    body: SigningKeyBody,
    responses: { '200': { description: 'The certificate now used', schema: SigningKey, example } },
    errors: [signingKeyInvalid, signingKeyTestCa],
    handler: async (ctx, { params, body }) => ok(await signatures.setKey(ctx, params.agency, body)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/agencies/:agency/signing-key',
    operationId: 'getSigningKey',
    summary: 'Sertifikat TTE instansi / An agency’s signing certificate',
    description: 'The certificate facts (subject, issuer, validity, fingerprint, whether it is a test certificate); never the key.',
    tags: ['signatures'],
    security: admins,
    params: AgencyKeyPath,
    responses: { '200': { description: 'The certificate', schema: SigningKey, example } },
    errors: [signingKeyNotSet],
    handler: async (ctx, { params }) => ok(await signatures.getKey(ctx, params.agency)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/verifications/:code',
    operationId: 'verifyDocument',
    summary: 'Verifikasi dokumen terbitan / Verify an issued document',
    description:
      'What the QR code on an issued PDF leads to (the page /t/{tenant}/v/{code} shows the same): the document, its number, the issuing agency, the date, its validity, the SHA-256 of the issued file and who signed it. No personal data.',
    tags: ['signatures'],
    security: { kind: 'public' },
    params: VerificationPath,
    responses: { '200': { description: 'The issued document', schema: Verification } },
    errors: [verificationNotFound],
    handler: async (ctx, { params }) => ok(await signatures.verification(ctx, params.code)),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/verifications/:code/check',
    operationId: 'checkDocumentHash',
    summary: 'Cocokkan berkas PDF / Check a PDF file',
    description: 'Send a PDF as the raw body: answers whether it is byte for byte the issued document (SHA-256). Nothing is stored.',
    tags: ['signatures'],
    security: { kind: 'public' },
    params: VerificationPath,
    rawBody: { description: 'The PDF to compare', media: ['application/pdf', 'application/octet-stream'] },
    responses: { '200': { description: 'The comparison', schema: HashCheck } },
    errors: [verificationNotFound, checkBodyTooLarge],
    handler: async (ctx, { params, req }) => ok(await signatures.check(ctx, params.code, await readAll(req, MAX_CHECK_BYTES))),
  });
}
