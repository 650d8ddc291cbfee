import type { Sql } from '@satupintu/db';

/** The person's profile as stored (personal data: never logged). */
export interface Profile {
  nik: string;
  name: string;
  address?: string;
  phone?: string;
  email?: string;
}

export interface ProfileRow {
  profile: Profile;
  version: number;
  updated_at: Date;
}

export interface ConsentRow {
  agency_code: string;
  statement: string;
  granted_at: Date;
}

export interface StepApplicationRow {
  id: string;
  plugin_id: string;
  service_code: string;
  status: string;
  due_date: string | null;
  completed_at: Date | null;
}

export const profileQueries = {
  load(sql: Sql, subject: string): Promise<ProfileRow | undefined> {
    return sql.maybe(`select profile, version, updated_at from applicant_profiles where subject = $1`, [subject]);
  },
  /** Creates or replaces the caller's profile: a new version each time. */
  save(sql: Sql, p: { tenantId: string; subject: string; profile: Profile; now: Date }): Promise<ProfileRow> {
    return sql.one(
      `insert into applicant_profiles (tenant_id, subject, profile, version, updated_at) values ($1, $2, $3, 1, $4)
       on conflict (tenant_id, subject) do update set profile = excluded.profile, version = applicant_profiles.version + 1, updated_at = excluded.updated_at
       returning profile, version, updated_at`,
      [p.tenantId, p.subject, JSON.stringify(p.profile), p.now],
    );
  },
  consents(sql: Sql, subject: string): Promise<ConsentRow[]> {
    return sql.rows(`select agency_code, statement, granted_at from profile_consents where subject = $1 and withdrawn_at is null order by agency_code`, [subject]);
  },
  consent(sql: Sql, subject: string, agency: string): Promise<ConsentRow | undefined> {
    return sql.maybe(`select agency_code, statement, granted_at from profile_consents where subject = $1 and agency_code = $2 and withdrawn_at is null`, [subject, agency]);
  },
  /** Grants consent; granting it again keeps the first grant (a retry changes nothing); after a withdrawal it is granted anew. */
  grant(sql: Sql, c: { tenantId: string; subject: string; agency: string; statement: string; now: Date }): Promise<ConsentRow> {
    return sql.one(
      `insert into profile_consents (tenant_id, subject, agency_code, statement, granted_at) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, subject, agency_code) do update
         set statement = case when profile_consents.withdrawn_at is null then profile_consents.statement else excluded.statement end,
             granted_at = case when profile_consents.withdrawn_at is null then profile_consents.granted_at else excluded.granted_at end,
             withdrawn_at = null
       returning agency_code, statement, granted_at`,
      [c.tenantId, c.subject, c.agency, c.statement, c.now],
    );
  },
  async withdraw(sql: Sql, subject: string, agency: string, now: Date): Promise<boolean> {
    return (await sql.exec(`update profile_consents set withdrawn_at = $3 where subject = $1 and agency_code = $2 and withdrawn_at is null`, [subject, agency, now])) === 1;
  },
  /** The caller's latest application of each of these services (the journey's steps). */
  latestOf(sql: Sql, subject: string, services: readonly string[]): Promise<StepApplicationRow[]> {
    return sql.rows(
      `select distinct on (plugin_id, service_code) id, plugin_id, service_code, status, to_char(due_date, 'YYYY-MM-DD') as due_date, completed_at
         from applications where applicant_sub = $1 and plugin_id || '.' || service_code = any($2::text[]) and status <> 'draft'
        order by plugin_id, service_code, created_at desc`,
      [subject, services],
    );
  },
};
