import type { Sql } from '@satupintu/db';

/** One access-log entry to write. */
export interface NewAccess {
  tenantId: string;
  id: string;
  at: Date;
  requestId: string;
  readerSub: string;
  readerUsername: string;
  readerRole: string;
  readerAgency: string | null;
  personSub: string | null;
  nikDigest: string | null;
  hidden: boolean;
  recordType: string;
  recordId: string;
  recordRef: string | null;
  item: string | null;
  purpose: string;
}

/** One access-log entry as a page reads it (`page_at`: the exact key; a JS Date drops microseconds). */
export interface AccessRow {
  id: string;
  at: Date;
  page_at: string;
  request_id: string;
  reader_sub: string;
  reader_username: string;
  reader_role: string;
  reader_agency: string | null;
  agency_name: string | null;
  person_sub: string | null;
  has_nik: boolean;
  person_hidden: boolean;
  record_type: string;
  record_id: string;
  record_ref: string | null;
  item: string | null;
  purpose: string;
}

/** The tenant admin's filters (all optional; `nikDigest` stands for the NIK asked for). */
export interface AccessFilter {
  person?: string;
  nikDigest?: string;
  reader?: string;
  readerRole?: string;
  purpose?: string;
  recordType?: string;
  recordId?: string;
  from?: string;
  to?: string;
}

const COLUMNS = `l.id, l.at, l.at::text as page_at, l.request_id, l.reader_sub, l.reader_username, l.reader_role, l.reader_agency, ta.agency_name,
  l.person_sub, l.nik_digest is not null as has_nik, l.person_hidden, l.record_type, l.record_id, l.record_ref, l.item, l.purpose`;
const FROM = `from personal_data_access l left join tenant_agencies ta on ta.agency_code = l.reader_agency`;
const AFTER = `($1::timestamptz is null or (l.at, l.id) < ($1::timestamptz, $2::uuid))`;

export const accessQueries = {
  /** The tenant's NIK key, created with `fresh` if it has none (a concurrent first use waits for the other's commit, then reads it). */
  async pepper(sql: Sql, tenantId: string, fresh: Buffer): Promise<Buffer> {
    await sql.exec(`insert into privacy_keys (tenant_id, pepper) values ($1, $2) on conflict (tenant_id) do nothing`, [tenantId, fresh]);
    return (await sql.one<{ pepper: Buffer }>(`select pepper from privacy_keys`)).pepper;
  },

  async existingPepper(sql: Sql): Promise<Buffer | undefined> {
    return (await sql.maybe<{ pepper: Buffer }>(`select pepper from privacy_keys`))?.pepper;
  },

  /** Appends entries in one statement. */
  async insert(sql: Sql, rows: readonly NewAccess[]): Promise<void> {
    const cols = ['tenant_id', 'id', 'at', 'request_id', 'reader_sub', 'reader_username', 'reader_role', 'reader_agency', 'person_sub', 'nik_digest', 'person_hidden', 'record_type', 'record_id', 'record_ref', 'item', 'purpose'];
    const types = ['uuid[]', 'uuid[]', 'timestamptz[]', 'text[]', 'text[]', 'text[]', 'text[]', 'text[]', 'text[]', 'text[]', 'boolean[]', 'text[]', 'uuid[]', 'text[]', 'text[]', 'text[]'];
    const columns = [
      rows.map((r) => r.tenantId), rows.map((r) => r.id), rows.map((r) => r.at), rows.map((r) => r.requestId), rows.map((r) => r.readerSub), rows.map((r) => r.readerUsername),
      rows.map((r) => r.readerRole), rows.map((r) => r.readerAgency), rows.map((r) => r.personSub), rows.map((r) => r.nikDigest), rows.map((r) => r.hidden), rows.map((r) => r.recordType),
      rows.map((r) => r.recordId), rows.map((r) => r.recordRef), rows.map((r) => r.item), rows.map((r) => r.purpose),
    ];
    await sql.exec(`insert into personal_data_access (${cols.join(', ')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}`).join(', ')})`, columns);
  },

  /** The columns of a complaint the access log needs. */
  complaint(sql: Sql, id: string): Promise<{ id: string; tracking_code: string; agency_code: string | null; complainant_sub: string | null; complainant: { nik?: string }; filed_by_sub: string; anonymous: boolean } | undefined> {
    return sql.maybe(`select id, tracking_code, agency_code, complainant_sub, complainant, filed_by_sub, anonymous from complaints where id = $1`, [id]);
  },

  /**
   * One page of the tenant's log for its admin, newest first (keyset on at, id). A filter on the
   * person never matches a hidden entry: the filter must not tell who filed an anonymous complaint.
   */
  page(sql: Sql, f: AccessFilter, after: readonly [string, string] | undefined, limit: number): Promise<AccessRow[]> {
    return sql.rows(
      `select ${COLUMNS} ${FROM}
        where ${AFTER}
          and ($3::text is null or (l.person_sub = $3 and not l.person_hidden))
          and ($4::text is null or (l.nik_digest = $4 and not l.person_hidden))
          and ($5::text is null or l.reader_username = $5)
          and ($6::text is null or l.reader_role = $6)
          and ($7::text is null or l.purpose = $7)
          and ($8::text is null or l.record_type = $8)
          and ($9::uuid is null or l.record_id = $9)
          and ($10::timestamptz is null or l.at >= $10)
          and ($11::timestamptz is null or l.at < $11)
        order by l.at desc, l.id desc limit $12`,
      [after?.[0] ?? null, after?.[1] ?? null, f.person ?? null, f.nikDigest ?? null, f.reader ?? null, f.readerRole ?? null, f.purpose ?? null, f.recordType ?? null, f.recordId ?? null, f.from ?? null, f.to ?? null, limit],
    );
  },

  /** One page of the entries about one person (their account), newest first. */
  mine(sql: Sql, subject: string, after: readonly [string, string] | undefined, limit: number | null): Promise<AccessRow[]> {
    return sql.rows(`select ${COLUMNS} ${FROM} where ${AFTER} and l.person_sub = $3 order by l.at desc, l.id desc limit $4`, [after?.[0] ?? null, after?.[1] ?? null, subject, limit]);
  },
};
