import { createHash, randomBytes } from 'node:crypto';
import type { SatupintuConfig } from '@satupintu/core';
import { recordAudit, type TenantTx, type UnitOfWork } from '@satupintu/db';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { DataKeyring } from '../../secrets.js';
import { demoSigningKey } from './demo-ca.js';
import { signingKeyInvalid, signingKeyNotSet, signingKeyTestCa, verificationNotFound } from './errors.js';
import { inspectSigningKey, SigningKeyError } from './pades.js';
import { signingQueries, type SigningKeyRow } from './queries.js';
import type { SigningKeyView, VerificationView } from './schemas.js';

/** What signs one agency's documents: a PKCS#12 and its passphrase, and the certificate's names. */
export interface AgencySigner {
  p12: Buffer;
  passphrase: string;
  subject: string;
  issuer: string;
  testCa: boolean;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'.slice(0, 32);
/** 16 characters of Crockford-like base32: 80 random bits, printed under the QR code. */
export function newVerifyCode(): string {
  return [...randomBytes(16)].map((b) => ALPHABET[b & 31]).join('');
}

const sealContext = (tenantId: string, agency: string, part: 'p12' | 'passphrase') => `signing-key:${tenantId}:${agency}:${part}`;

/**
 * Electronic signatures of issued documents (ADR 0034): each agency's key per tenant (uploaded by
 * the tenant admin, sealed at rest), the signer an issuance uses, and the public verification of an
 * issued document by its code. Production refuses a test-CA key; the embedded development mode
 * signs with a demo key made in DATA_DIR when an agency has none.
 */
export class SignatureService {
  private baseUrl: string;

  constructor(
    private readonly d: { uow: UnitOfWork; config: SatupintuConfig; keyring: () => DataKeyring; registry: PluginRegistry },
  ) {
    this.baseUrl = d.config.publicUrl ?? '';
  }

  /** The origin verification links (the QR code) start with: PUBLIC_URL; the server's own address when unset (development). */
  setBaseUrl(url: string): void {
    if (!this.d.config.publicUrl) this.baseUrl = url;
  }

  /** The public verification page of a code. */
  verifyUrl(tenantSlug: string, code: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/t/${tenantSlug}/v/${code}`;
  }

  private view(r: SigningKeyRow): SigningKeyView {
    return {
      agency: r.agency_code,
      subject: r.subject,
      issuer: r.issuer,
      serial: r.serial,
      notBefore: r.not_before.toISOString(),
      notAfter: r.not_after.toISOString(),
      fingerprint: r.fingerprint,
      testCa: r.test_ca,
      setBy: r.set_by,
      setAt: r.set_at.toISOString(),
    };
  }

  /** Sets (replaces) an agency's key: checked (opens, matches, valid now), refused in production when it comes from a test CA. */
  async setKey(ctx: TenantUserCtx, agency: string, input: { p12: string; passphrase: string }): Promise<SigningKeyView> {
    const p12 = Buffer.from(input.p12, 'base64');
    let id;
    try {
      id = inspectSigningKey(p12, input.passphrase, ctx.now);
    } catch (e) {
      if (e instanceof SigningKeyError) throw signingKeyInvalid(e.message);
      throw e;
    }
    if (id.testCa && this.d.config.env === 'production') throw signingKeyTestCa();
    const ring = this.d.keyring();
    return this.d.uow.write(ctx, async (tx) => {
      const row = await signingQueries.upsert(tx.sql, {
        tenantId: ctx.tenant.id,
        agency_code: agency,
        p12_sealed: ring.seal(p12.toString('base64'), sealContext(ctx.tenant.id, agency, 'p12')),
        passphrase_sealed: ring.seal(input.passphrase, sealContext(ctx.tenant.id, agency, 'passphrase')),
        subject: id.subject,
        issuer: id.issuer,
        serial: id.serial,
        not_before: id.notBefore,
        not_after: id.notAfter,
        fingerprint: id.fingerprint,
        test_ca: id.testCa,
        set_by: ctx.identity.username,
        now: ctx.now,
      });
      await recordAudit(tx, { actor: ctx.identity.username, action: 'signing-key.set', subject: `agency:${agency}`, data: { agency, subject: id.subject, issuer: id.issuer, fingerprint: id.fingerprint, testCa: id.testCa } });
      return this.view(row);
    });
  }

  async getKey(ctx: TenantUserCtx, agency: string): Promise<SigningKeyView> {
    const row = await this.d.uow.read(ctx, (tx) => signingQueries.key(tx.sql, agency));
    if (!row) throw signingKeyNotSet(agency);
    return this.view(row);
  }

  /**
   * The signer of an agency's documents in this tenant: its uploaded key; without one, outside
   * production, the DATA_DIR's demo key. In production a test-CA key (e.g. a database copied from a
   * rehearsal) never signs: the document is issued unsigned and its verification page says so.
   */
  async signerFor(ctx: Pick<TenantCtx, 'tenant' | 'now' | 'log'>, agency: string, tx?: Pick<TenantTx, 'sql'>): Promise<AgencySigner | undefined> {
    const row = tx ? await signingQueries.key(tx.sql, agency) : await this.d.uow.read(ctx, (t) => signingQueries.key(t.sql, agency));
    const production = this.d.config.env === 'production';
    if (row && !(production && row.test_ca) && row.not_after.getTime() > ctx.now.getTime()) {
      const ring = this.d.keyring();
      return {
        p12: Buffer.from(ring.open(row.p12_sealed, sealContext(ctx.tenant.id, agency, 'p12')), 'base64'),
        passphrase: ring.open(row.passphrase_sealed, sealContext(ctx.tenant.id, agency, 'passphrase')),
        subject: row.subject,
        issuer: row.issuer,
        testCa: row.test_ca,
      };
    }
    if (production) {
      ctx.log.warn({ agency, reason: row ? (row.test_ca ? 'test CA' : 'expired') : 'none' }, 'issued document not signed: no usable signing key');
      return undefined;
    }
    const demo = demoSigningKey(this.d.config.dataDir, ctx.now);
    const id = inspectSigningKey(demo.p12, demo.passphrase);
    return { ...demo, subject: id.subject, issuer: id.issuer, testCa: true };
  }

  /** The public facts of an issued document by its verification code (no personal data). */
  async verification(ctx: TenantCtx, code: string): Promise<VerificationView> {
    const row = await this.d.uow.read(ctx, (tx) => signingQueries.verification(tx.sql, code));
    if (!row) throw verificationNotFound();
    const def = await this.d.registry.service(row.plugin_id, row.plugin_version, row.service_code);
    const output = def?.service.outputs.find((o) => o.code === row.output_code);
    return {
      code: row.verify_code,
      status: row.valid_until && row.valid_until.getTime() < ctx.now.getTime() ? 'expired' : 'valid',
      document: output ? { id: output.name.id, en: output.name.en } : { id: row.output_code, en: row.output_code },
      number: `${row.tracking_code}/${row.output_code.toUpperCase()}`,
      service: def ? { id: def.service.name.id, en: def.service.name.en } : { id: row.service_code, en: row.service_code },
      issuer: { agency: def ? { id: def.agency.name.id, en: def.agency.name.en } : { id: row.agency_code, en: row.agency_code }, tenant: ctx.tenant.name },
      issuedAt: row.issued_at.toISOString(),
      validUntil: row.valid_until?.toISOString() ?? null,
      sha256: row.sha256,
      signature: { signed: row.signer !== null, signer: row.signer, issuer: row.signer_issuer, testCa: row.signed_test_ca ?? false },
    };
  }

  /** Whether a file is byte for byte the issued document (its SHA-256 against the one recorded at issue). */
  async check(ctx: TenantCtx, code: string, file: Buffer): Promise<{ match: boolean; sha256: string; expected: string | null }> {
    const v = await this.verification(ctx, code);
    const sha256 = createHash('sha256').update(file).digest('hex');
    return { match: v.sha256 !== null && v.sha256 === sha256, sha256, expected: v.sha256 };
  }
}
