import type { Sql } from '@satupintu/db';

/**
 * What the platform holds about one account in one tenant, for the person's own export (UU 27/2022
 * Pasal 7: access to and a copy of their data). Every statement is bound to the person's account
 * (`applicant_sub`, `complainant_sub`, `respondent_sub`): never `filed_by_sub`, so what an operator
 * or officer filed for others is not theirs to take away. Runs under the tenant's RLS context.
 */
export interface ExportApplicationRow {
  id: string;
  tracking_code: string;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  channel: string;
  status: string;
  state: string;
  created_at: Date;
  submitted_at: Date | null;
  completed_at: Date | null;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
  consent: { statement: string; method: string; at: string } | null;
}

export interface ExportEventRow {
  application_id: string;
  at: Date;
  action: string;
  actor_role: string;
  from_state: string | null;
  to_state: string | null;
  comment: string | null;
}

export interface ExportFileRow {
  owner_id: string;
  id: string;
  code: string | null;
  filename: string | null;
  media_type: string;
  size: string | number;
  sha256: string;
  created_at: Date;
}

export interface ExportOutputRow {
  application_id: string;
  output_code: string;
  kind: string;
  issued_at: Date;
  valid_until: Date | null;
  has_file: boolean;
  data: Record<string, unknown> | null;
}

export interface ExportBookingRow {
  id: string;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  local_date: string;
  start_time: string;
  end_time: string;
  status: string;
  channel: string;
  applicant_name: string | null;
  queue_number: number | null;
  counter: string | null;
  application_id: string | null;
  created_at: Date;
}

export interface ExportComplaintRow {
  id: string;
  tracking_code: string;
  kind: string;
  category: string;
  title: string;
  body: string;
  location: string | null;
  incident_date: string | null;
  anonymous: boolean;
  confidential: boolean;
  channel: string;
  status: string;
  complainant: Record<string, unknown>;
  application_id: string | null;
  created_at: Date;
  closed_at: Date | null;
  rating: number | null;
}

export interface ExportMessageRow {
  complaint_id: string;
  at: Date;
  author_role: string;
  kind: string;
  body: string | null;
}

export interface ExportInvitationRow {
  id: string;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  created_at: Date;
  expires_at: Date;
  answered: boolean;
}

export const exportQueries = {
  applications(sql: Sql, sub: string): Promise<ExportApplicationRow[]> {
    return sql.rows(
      `select id, tracking_code, plugin_id, service_code, agency_code, channel, status, state, created_at, submitted_at, completed_at, applicant, data, consent
         from applications where applicant_sub = $1 order by created_at, id`,
      [sub],
    );
  },

  events(sql: Sql, ids: readonly string[]): Promise<ExportEventRow[]> {
    return sql.rows(
      `select application_id, at, action, actor_role, from_state, to_state, comment from application_events where application_id = any($1::uuid[]) order by at, id`,
      [ids],
    );
  },

  documents(sql: Sql, ids: readonly string[]): Promise<ExportFileRow[]> {
    return sql.rows(
      `select application_id as owner_id, id, document_code as code, filename, media_type, size, sha256, created_at
         from application_documents where application_id = any($1::uuid[]) order by created_at, id`,
      [ids],
    );
  },

  outputs(sql: Sql, ids: readonly string[]): Promise<ExportOutputRow[]> {
    return sql.rows(
      `select application_id, output_code, kind, issued_at, valid_until, object_key is not null as has_file, data
         from application_outputs where application_id = any($1::uuid[]) order by issued_at, output_code`,
      [ids],
    );
  },

  bookings(sql: Sql, sub: string): Promise<ExportBookingRow[]> {
    return sql.rows(
      `select b.id, s.plugin_id, s.service_code, s.agency_code, s.local_date::text as local_date, s.start_time, s.end_time, b.status, b.channel,
              b.applicant_name, b.queue_number, b.counter, b.application_id, b.created_at
         from bookings b join sessions s on s.id = b.session_id
        where b.applicant_sub = $1 order by b.created_at, b.id`,
      [sub],
    );
  },

  complaints(sql: Sql, sub: string): Promise<ExportComplaintRow[]> {
    return sql.rows(
      `select id, tracking_code, kind, category, title, body, location, incident_date::text as incident_date, anonymous, confidential, channel, status,
              complainant, application_id, created_at, closed_at, rating
         from complaints where complainant_sub = $1 order by created_at, id`,
      [sub],
    );
  },

  /** The public thread (staff-internal notes are the agency's working papers, not the person's data). */
  messages(sql: Sql, ids: readonly string[]): Promise<ExportMessageRow[]> {
    return sql.rows(
      `select complaint_id, at, author_role, kind, body from complaint_messages where complaint_id = any($1::uuid[]) and not internal order by at, id`,
      [ids],
    );
  },

  attachments(sql: Sql, ids: readonly string[]): Promise<ExportFileRow[]> {
    return sql.rows(
      `select complaint_id as owner_id, id, null::text as code, filename, media_type, size, sha256, created_at
         from complaint_attachments where complaint_id = any($1::uuid[]) order by created_at, id`,
      [ids],
    );
  },

  invitations(sql: Sql, sub: string): Promise<ExportInvitationRow[]> {
    return sql.rows(
      `select id, plugin_id, service_code, agency_code, created_at, expires_at, responded_on is not null as answered
         from skm_invitations where respondent_sub = $1 order by created_at, id`,
      [sub],
    );
  },
};
