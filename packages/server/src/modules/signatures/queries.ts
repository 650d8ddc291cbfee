import type { Sql } from '@satupintu/db';

export interface SigningKeyRow {
  agency_code: string;
  p12_sealed: string;
  passphrase_sealed: string;
  subject: string;
  issuer: string;
  serial: string;
  not_before: Date;
  not_after: Date;
  fingerprint: string;
  test_ca: boolean;
  set_by: string;
  set_at: Date;
}

export interface VerificationRow {
  output_code: string;
  verify_code: string;
  sha256: string | null;
  issued_at: Date;
  valid_until: Date | null;
  signer: string | null;
  signer_issuer: string | null;
  signed_test_ca: boolean | null;
  tracking_code: string;
  plugin_id: string;
  plugin_version: string;
  service_code: string;
  agency_code: string;
}

export const signingQueries = {
  key(sql: Sql, agency: string): Promise<SigningKeyRow | undefined> {
    return sql.maybe(`select * from signing_keys where agency_code = $1`, [agency]);
  },

  async upsert(sql: Sql, k: Omit<SigningKeyRow, 'set_at'> & { tenantId: string; now: Date }): Promise<SigningKeyRow> {
    return sql.one(
      `insert into signing_keys (tenant_id, agency_code, p12_sealed, passphrase_sealed, subject, issuer, serial, not_before, not_after, fingerprint, test_ca, set_by, set_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       on conflict (tenant_id, agency_code) do update set p12_sealed = excluded.p12_sealed, passphrase_sealed = excluded.passphrase_sealed, subject = excluded.subject,
         issuer = excluded.issuer, serial = excluded.serial, not_before = excluded.not_before, not_after = excluded.not_after, fingerprint = excluded.fingerprint,
         test_ca = excluded.test_ca, set_by = excluded.set_by, set_at = excluded.set_at
       returning *`,
      [k.tenantId, k.agency_code, k.p12_sealed, k.passphrase_sealed, k.subject, k.issuer, k.serial, k.not_before, k.not_after, k.fingerprint, k.test_ca, k.set_by, k.now],
    );
  },

  /** An issued output by its verification code, with what identifies its service (no applicant data). */
  verification(sql: Sql, code: string): Promise<VerificationRow | undefined> {
    return sql.maybe(
      `select o.output_code, o.verify_code, o.sha256, o.issued_at, o.valid_until, o.signer, o.signer_issuer, o.signed_test_ca,
              a.tracking_code, a.plugin_id, a.plugin_version, a.service_code, a.agency_code
         from application_outputs o join applications a on a.id = o.application_id
        where o.verify_code = $1`,
      [code],
    );
  },
};
