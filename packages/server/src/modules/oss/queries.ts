import type { Sql } from '@satupintu/db';

export interface ConnectionRow {
  tenant_id: string;
  enabled: boolean;
  endpoint: string;
  user_key: string;
  kd_instansi: string | null;
  signer: { name: string; nip: string; position: string } | null;
  inbound_username: string | null;
  inbound_password: string | null;
  version: number;
  last_success_at: Date | null;
  last_error_at: Date | null;
  last_error: string | null;
}

export interface LinkRow {
  application_id: string;
  nib: string;
  oss_id: string | null;
  id_proyek: string | null;
  id_izin: string | null;
  kd_izin: string | null;
  kbli: string[];
  skala_usaha: string | null;
  skala_resiko: string | null;
  kd_daerah: string | null;
  nama_perseroan: string | null;
  looked_up_at: Date;
  permit_number: string | null;
}

export interface PushRow {
  id: string;
  application_id: string;
  seq: number;
  method: 'receiveLicenseStatus' | 'receiveLicense';
  dedupe_key: string;
  kd_status: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

export interface InboxRow {
  id: string;
  nib: string;
  oss_id: string;
  id_izin: string;
  kd_izin: string | null;
  payload: Record<string, unknown>;
  received_at: Date;
  status: 'pending' | 'done';
}

export const ossQueries = {
  connection(sql: Sql): Promise<ConnectionRow | undefined> {
    return sql.maybe<ConnectionRow>(`select * from oss_connections`);
  },

  async saveConnection(sql: Sql, tenantId: string, c: Omit<ConnectionRow, 'tenant_id' | 'version' | 'last_success_at' | 'last_error_at' | 'last_error'>, at: Date): Promise<void> {
    await sql.exec(
      `insert into oss_connections (tenant_id, enabled, endpoint, user_key, kd_instansi, signer, inbound_username, inbound_password, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (tenant_id) do update set enabled = excluded.enabled, endpoint = excluded.endpoint, user_key = excluded.user_key, kd_instansi = excluded.kd_instansi,
         signer = excluded.signer, inbound_username = excluded.inbound_username, inbound_password = excluded.inbound_password,
         updated_at = excluded.updated_at, version = oss_connections.version + 1`,
      [tenantId, c.enabled, c.endpoint, c.user_key, c.kd_instansi, c.signer ? JSON.stringify(c.signer) : null, c.inbound_username, c.inbound_password, at],
    );
  },

  async outcome(sql: Sql, ok: boolean, at: Date, error?: string): Promise<void> {
    if (ok) await sql.exec(`update oss_connections set last_success_at = $1`, [at]);
    else await sql.exec(`update oss_connections set last_error_at = $1, last_error = $2`, [at, error ?? null]);
  },

  counts(sql: Sql): Promise<{ pending: number; failed: number; sent: number; inbox: number }> {
    return sql.one(
      `select (select count(*)::int from oss_pushes where status = 'pending') as pending,
              (select count(*)::int from oss_pushes where status = 'failed') as failed,
              (select count(*)::int from oss_pushes where status = 'sent') as sent,
              (select count(*)::int from oss_nib_inbox where status = 'pending') as inbox`,
    );
  },

  link(sql: Sql, applicationId: string): Promise<LinkRow | undefined> {
    return sql.maybe<LinkRow>(`select * from oss_applications where application_id = $1`, [applicationId]);
  },

  async saveLink(sql: Sql, tenantId: string, l: LinkRow): Promise<void> {
    await sql.exec(
      `insert into oss_applications (tenant_id, application_id, nib, oss_id, id_proyek, id_izin, kd_izin, kbli, skala_usaha, skala_resiko, kd_daerah, nama_perseroan, looked_up_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       on conflict (tenant_id, application_id) do update set nib = excluded.nib, oss_id = excluded.oss_id, id_proyek = excluded.id_proyek, id_izin = excluded.id_izin,
         kd_izin = excluded.kd_izin, kbli = excluded.kbli, skala_usaha = excluded.skala_usaha, skala_resiko = excluded.skala_resiko, kd_daerah = excluded.kd_daerah,
         nama_perseroan = excluded.nama_perseroan, looked_up_at = excluded.looked_up_at`,
      [tenantId, l.application_id, l.nib, l.oss_id, l.id_proyek, l.id_izin, l.kd_izin, l.kbli, l.skala_usaha, l.skala_resiko, l.kd_daerah, l.nama_perseroan, l.looked_up_at],
    );
  },

  pushesOf(sql: Sql, applicationId: string): Promise<PushRow[]> {
    return sql.rows<PushRow>(`select * from oss_pushes where application_id = $1 order by seq`, [applicationId]);
  },

  /** Queues one push as the next of its application; a repeated dedupe key is not queued twice. */
  async queue(sql: Sql, tenantId: string, p: { id: string; applicationId: string; method: PushRow['method']; dedupeKey: string; kdStatus: string; payload: Record<string, unknown>; at: Date }): Promise<boolean> {
    const n = await sql.exec(
      `insert into oss_pushes (tenant_id, id, application_id, seq, method, dedupe_key, kd_status, payload, next_attempt_at, created_at)
       select $1, $2, $3, coalesce((select max(seq) from oss_pushes where application_id = $3), 0) + 1, $4, $5, $6, $7, $8, $8
       on conflict (tenant_id, dedupe_key) do nothing`,
      [tenantId, p.id, p.applicationId, p.method, p.dedupeKey, p.kdStatus, JSON.stringify(p.payload), p.at],
    );
    return n > 0;
  },

  /**
   * Takes the pushes due now, each the first unsent of its application (order is kept: a later
   * status waits for an earlier one), and leases them (next attempt moved past the lease) so a
   * second worker does not take them while this one talks to OSS.
   */
  claim(sql: Sql, now: Date, leaseUntil: Date, limit: number): Promise<PushRow[]> {
    return sql.rows<PushRow>(
      `update oss_pushes p set attempts = attempts + 1, next_attempt_at = $2
       where p.id in (
         select c.id from oss_pushes c
         where c.status = 'pending' and c.next_attempt_at <= $1
           and not exists (select 1 from oss_pushes e where e.application_id = c.application_id and e.seq < c.seq and e.status = 'pending')
         order by c.created_at, c.seq limit $3 for update skip locked)
       returning p.*`,
      [now, leaseUntil, limit],
    );
  },

  async settle(sql: Sql, id: string, s: { status: PushRow['status']; at: Date; error?: string; retryAt?: Date }): Promise<void> {
    if (s.status === 'pending') await sql.exec(`update oss_pushes set next_attempt_at = $2, last_error = $3 where id = $1 and status = 'pending'`, [id, s.retryAt, s.error ?? null]);
    else await sql.exec(`update oss_pushes set status = $2, sent_at = case when $2 = 'sent' then $3::timestamptz else sent_at end, last_error = $4 where id = $1 and status = 'pending'`, [id, s.status, s.at, s.error ?? null]);
  },

  async skipAll(sql: Sql, at: Date): Promise<number> {
    return sql.exec(`update oss_pushes set status = 'skipped', last_error = 'sandbox', sent_at = null, next_attempt_at = $1 where status = 'pending'`, [at]);
  },

  async permitNumber(sql: Sql, applicationId: string, n: string): Promise<void> {
    await sql.exec(`update oss_applications set permit_number = $2 where application_id = $1`, [applicationId, n]);
  },

  receive(sql: Sql, tenantId: string, r: { id: string; nib: string; ossId: string; idIzin: string; kdIzin: string | null; payload: Record<string, unknown>; at: Date }): Promise<{ id: string; created: boolean }> {
    return sql.one(
      `insert into oss_nib_inbox (tenant_id, id, nib, oss_id, id_izin, kd_izin, payload, received_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (tenant_id, nib, oss_id, id_izin) do update set payload = excluded.payload
       returning id, (xmax = 0) as created`,
      [tenantId, r.id, r.nib, r.ossId, r.idIzin, r.kdIzin, JSON.stringify(r.payload), r.at],
    );
  },

  inbox(sql: Sql): Promise<InboxRow[]> {
    return sql.rows<InboxRow>(`select * from oss_nib_inbox order by received_at desc, id limit 200`);
  },
};
