import type { Sql } from '@satupintu/db';
import type { Dues } from './deadlines.js';
import type { ComplaintCategory, ComplaintKind, ComplaintStatus } from './lifecycle.js';

export type SubjectType = 'tenant' | 'service' | 'application';
export type Handler = 'agency' | 'coordinator';
export type LaporStatus = 'not-synced' | 'pending' | 'synced' | 'failed' | 'conflict';

/** One complaint as the complaints table holds it (dates as local YYYY-MM-DD text), with its application's code and escalation count. */
export interface ComplaintRow {
  tenant_id: string;
  id: string;
  tracking_code: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subject_type: SubjectType;
  plugin_id: string | null;
  service_code: string | null;
  application_id: string | null;
  application_tracking_code: string | null;
  agency_code: string | null;
  title: string;
  body: string;
  anonymous: boolean;
  confidential: boolean;
  location: string | null;
  incident_date: string | null;
  complainant_sub: string | null;
  complainant: { name?: string; phone?: string; email?: string; nik?: string };
  filed_by_sub: string;
  filed_by_role: 'citizen' | 'officer';
  channel: 'online' | 'counter';
  status: ComplaintStatus;
  handler: Handler | null;
  verify_due_at: Date;
  verify_due_date: string;
  first_response_due_at: Date | null;
  first_response_due_date: string | null;
  answer_due_at: Date | null;
  answer_due_date: string | null;
  first_response_at: Date | null;
  verified_at: Date | null;
  verified_by: string | null;
  answered_at: Date | null;
  reopen_until: Date | null;
  reopen_count: number;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  closed_at: Date | null;
  lapor_tracking_id: string | null;
  lapor_sync_status: LaporStatus;
  lapor_sync_error: string | null;
  lapor_synced_at: Date | null;
  lapor_mode: 'manual' | 'api' | null;
  lapor_reference: string | null;
  lapor_transaction_id: string | null;
  lapor_attempts: number;
  lapor_next_attempt_at: Date | null;
  lapor_attempted_at: Date | null;
  lapor_remote_status: string | null;
  lapor_disposition: string | null;
  lapor_answers: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  escalation_count: number;
}

export interface MessageRow {
  id: string;
  at: Date;
  author_name: string | null;
  author_role: 'citizen' | 'officer' | 'coordinator' | 'system';
  kind: string;
  body: string | null;
  internal: boolean;
}

export interface AttachmentRow {
  id: string;
  filename: string | null;
  media_type: string;
  size: string;
  sha256: string;
  created_at: Date;
}

/** An application a complaint may be about (the citizen's own, or one of the counter officer's agency). */
export interface ApplicationSubjectRow {
  id: string;
  applicant_sub: string | null;
  agency_code: string;
  plugin_id: string;
  service_code: string;
}

const COLUMNS = `c.tenant_id, c.id, c.tracking_code, c.kind, c.category, c.subject_type, c.plugin_id, c.service_code, c.application_id,
    (select a.tracking_code from applications a where a.id = c.application_id) as application_tracking_code,
    c.agency_code, c.title, c.body, c.anonymous, c.confidential, c.location, to_char(c.incident_date, 'YYYY-MM-DD') as incident_date,
    c.complainant_sub, c.complainant, c.filed_by_sub, c.filed_by_role, c.channel, c.status, c.handler,
    c.verify_due_at, to_char(c.verify_due_date, 'YYYY-MM-DD') as verify_due_date,
    c.first_response_due_at, to_char(c.first_response_due_date, 'YYYY-MM-DD') as first_response_due_date,
    c.answer_due_at, to_char(c.answer_due_date, 'YYYY-MM-DD') as answer_due_date,
    c.first_response_at, c.verified_at, c.verified_by, c.answered_at, c.reopen_until, c.reopen_count, c.rating, c.rating_comment, c.rated_at, c.closed_at,
    c.lapor_tracking_id, c.lapor_sync_status, c.lapor_sync_error, c.lapor_synced_at,
    c.lapor_mode, c.lapor_reference, c.lapor_transaction_id, c.lapor_attempts, c.lapor_next_attempt_at, c.lapor_attempted_at, c.lapor_remote_status, c.lapor_disposition, c.lapor_answers, c.version, c.created_at, c.updated_at,
    (select count(*)::int from complaint_escalations e where e.complaint_id = c.id) as escalation_count`;
const SELECT = `select ${COLUMNS} from complaints c`;


/** Complaints filed in [from, to], local dates of the tenant's zone ($1, $2, $3). */
export const IN_PERIOD = `(c.created_at at time zone $3)::date between $1::date and $2::date`;

/** An imported complaint received in the period (tenant-local dates). */
const IMPORTED_IN_PERIOD = `(h.received_at at time zone $3)::date between $1::date and $2::date`;

export const complaintQueries = {
  load(sql: Sql, id: string, lock = false): Promise<ComplaintRow | undefined> {
    return sql.maybe(`${SELECT} where c.id = $1 ${lock ? 'for update of c' : ''}`, [id]);
  },

  insert(
    sql: Sql,
    c: {
      tenantId: string; id: string; trackingCode: string; kind: ComplaintKind; category: ComplaintCategory; subjectType: SubjectType; pluginId: string | null;
      serviceCode: string | null; applicationId: string | null; agency: string | null; title: string; body: string; anonymous: boolean; confidential: boolean;
      location: string | null; incidentDate: string | null; complainantSub: string | null; complainant: object; filedBySub: string; filedByRole: 'citizen' | 'officer';
      channel: 'online' | 'counter'; status: ComplaintStatus; dues: Dues; now: Date;
    },
  ): Promise<number> {
    return sql.exec(
      `insert into complaints (tenant_id, id, tracking_code, kind, category, subject_type, plugin_id, service_code, application_id, agency_code, title, body,
         anonymous, confidential, location, incident_date, complainant_sub, complainant, filed_by_sub, filed_by_role, channel, status, verify_due_at, verify_due_date, created_at, updated_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$25)`,
      [c.tenantId, c.id, c.trackingCode, c.kind, c.category, c.subjectType, c.pluginId, c.serviceCode, c.applicationId, c.agency, c.title, c.body,
        c.anonymous, c.confidential, c.location, c.incidentDate, c.complainantSub, JSON.stringify(c.complainant), c.filedBySub, c.filedByRole, c.channel, c.status,
        c.dues.verification?.at ?? null, c.dues.verification?.date ?? null, c.now],
    );
  },

  /** Verified and routed (forwarded or handling): handler, agency, category and the handler's clocks. */
  async route(sql: Sql, r: { id: string; status: ComplaintStatus; handler: Handler; agency: string | null; category: ComplaintCategory; by: string; now: Date; dues: Dues }): Promise<void> {
    await sql.exec(
      `update complaints set status = $2, handler = $3, agency_code = $4, category = $5, verified_at = $6, verified_by = $7,
              first_response_due_at = $8, first_response_due_date = $9, answer_due_at = $10, answer_due_date = $11, updated_at = $6, version = version + 1 where id = $1`,
      [r.id, r.status, r.handler, r.agency, r.category, r.now, r.by, r.dues.firstResponse?.at ?? null, r.dues.firstResponse?.date ?? null, r.dues.answer?.at ?? null, r.dues.answer?.date ?? null],
    );
  },

  async reject(sql: Sql, id: string, by: string, now: Date): Promise<void> {
    await sql.exec(`update complaints set status = 'rejected', verified_at = $2, verified_by = $3, closed_at = $2, updated_at = $2, version = version + 1 where id = $1`, [id, now, by]);
  },

  async answer(sql: Sql, id: string, now: Date, reopenUntil: Date | null): Promise<void> {
    await sql.exec(
      `update complaints set status = 'answered', answered_at = $2, first_response_at = coalesce(first_response_at, $2), reopen_until = $3, updated_at = $2, version = version + 1 where id = $1`,
      [id, now, reopenUntil],
    );
  },

  async rate(sql: Sql, id: string, score: number, comment: string | null, now: Date): Promise<void> {
    await sql.exec(`update complaints set rating = $2, rating_comment = $3, rated_at = $4, status = 'closed', closed_at = $4, updated_at = $4, version = version + 1 where id = $1`, [id, score, comment, now]);
  },

  /** Back to its handler with a new answer deadline; the answer, its window and its rating are cleared. */
  async reopen(sql: Sql, id: string, status: ComplaintStatus, answer: Dues['answer'], now: Date): Promise<void> {
    await sql.exec(
      `update complaints set status = $2, answer_due_at = coalesce($3, answer_due_at), answer_due_date = coalesce($4::date, answer_due_date), answered_at = null, reopen_until = null,
              reopen_count = reopen_count + 1, rating = null, rating_comment = null, rated_at = null, closed_at = null, updated_at = $5, version = version + 1 where id = $1`,
      [id, status, answer?.at ?? null, answer?.date ?? null, now],
    );
  },

  async close(sql: Sql, id: string, now: Date): Promise<void> {
    await sql.exec(`update complaints set status = 'closed', closed_at = $2, updated_at = $2, version = version + 1 where id = $1`, [id, now]);
  },

  /** A thread entry; `firstResponse` records the first public staff reply. */
  async touch(sql: Sql, id: string, now: Date, firstResponse = false): Promise<void> {
    await sql.exec(`update complaints set updated_at = $2, first_response_at = case when $3 then coalesce(first_response_at, $2) else first_response_at end where id = $1`, [id, now, firstResponse]);
  },

  /** The coordinator's record of the LAPOR! link (manual mode, or the resolution of an API conflict: then pulling resumes at `next`). */
  async setLapor(sql: Sql, l: { id: string; trackingId: string | null; status: 'pending' | 'synced' | 'failed'; error: string | null; now: Date; mode: 'manual' | 'api'; next: Date | null }): Promise<void> {
    await sql.exec(
      `update complaints set lapor_tracking_id = coalesce($2, lapor_tracking_id), lapor_sync_status = $3, lapor_sync_error = $4, lapor_mode = $6, lapor_next_attempt_at = $7,
              lapor_synced_at = case when $3 = 'synced' then $5::timestamptz else lapor_synced_at end, updated_at = $5 where id = $1`,
      [l.id, l.trackingId, l.status, l.error, l.now, l.mode, l.next],
    );
  },

  async message(sql: Sql, m: { tenantId: string; complaintId: string; id: string; at: Date; authorSub: string; authorName: string; role: string; kind: string; body: string | null; internal: boolean }): Promise<void> {
    await sql.exec(
      `insert into complaint_messages (tenant_id, complaint_id, id, at, author_sub, author_name, author_role, kind, body, internal) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [m.tenantId, m.complaintId, m.id, m.at, m.authorSub, m.authorName, m.role, m.kind, m.body, m.internal],
    );
  },

  messages(sql: Sql, id: string, internal: boolean): Promise<MessageRow[]> {
    return sql.rows(`select id, at, author_name, author_role, kind, body, internal from complaint_messages where complaint_id = $1 and ($2 or not internal) order by at, id`, [id, internal]);
  },

  attachments(sql: Sql, id: string): Promise<AttachmentRow[]> {
    return sql.rows(`select id, filename, media_type, size, sha256, created_at from complaint_attachments where complaint_id = $1 order by created_at, id`, [id]);
  },

  async attachmentCount(sql: Sql, id: string): Promise<number> {
    return (await sql.one<{ n: number }>(`select count(*)::int as n from complaint_attachments where complaint_id = $1`, [id])).n;
  },

  async insertAttachment(sql: Sql, a: { tenantId: string; complaintId: string; id: string; key: string; filename: string | null; mediaType: string; size: number; sha256: string; by: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into complaint_attachments (tenant_id, complaint_id, id, object_key, filename, media_type, size, sha256, uploaded_by, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [a.tenantId, a.complaintId, a.id, a.key, a.filename, a.mediaType, a.size, a.sha256, a.by, a.now],
    );
  },

  attachmentObject(sql: Sql, complaintId: string, id: string): Promise<{ object_key: string; filename: string | null; media_type: string } | undefined> {
    return sql.maybe(`select object_key, filename, media_type from complaint_attachments where complaint_id = $1 and id = $2`, [complaintId, id]);
  },

  /**
   * One page of the complaints the caller may see — the coordinator's all; otherwise their own,
   * filed, or routed to their agencies (once verified) — newest first by (created_at, id), after
   * the key of the previous page's last row; `limit` rows. `overdue` is decided here at `now`,
   * by the same clocks as the view (`overdueStages`), so a page is never thinned after the read.
   */
  page(
    sql: Sql,
    f: { all: boolean; subject: string; agencies: string[]; status: ComplaintStatus | undefined; overdue: boolean | undefined; now: Date; timed: OverdueStates },
    after: readonly [string, string] | undefined,
    limit: number,
  ): Promise<(ComplaintRow & { page_at: string })[]> {
    const overdue = `coalesce((c.status = any($6) and c.verify_due_at < $9)
        or (c.status = any($7) and c.first_response_at is null and c.first_response_due_at < $9)
        or (c.status = any($8) and c.answer_due_at < $9), false)`;
    return sql.rows(
      `select ${COLUMNS}, c.created_at::text as page_at from complaints c
        where ($1 or c.complainant_sub = $2 or c.filed_by_sub = $2 or (c.handler = 'agency' and c.agency_code = any($3) and c.status not in ('submitted', 'rejected')))
          and ($4::text is null or c.status = $4)
          and ($5::boolean is null or ${overdue} = $5)
          and ($10::timestamptz is null or (c.created_at, c.id) < ($10::timestamptz, $11::uuid))
        order by c.created_at desc, c.id desc
        limit $12`,
      [f.all, f.subject, f.agencies, f.status ?? null, f.overdue ?? null, f.timed.verification, f.timed.firstResponse, f.timed.answer, f.now, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },

  inPeriod(sql: Sql, from: string, to: string, timeZone: string): Promise<ComplaintRow[]> {
    return sql.rows(`${SELECT} where ${IN_PERIOD} order by c.created_at, c.id`, [from, to, timeZone]);
  },

  /** The application a complaint names (it is the caller's own or their agency's: checked by the service). */
  application(sql: Sql, id: string): Promise<ApplicationSubjectRow | undefined> {
    return sql.maybe(`select id, applicant_sub, agency_code, plugin_id, service_code from applications where id = $1`, [id]);
  },
};

/** Which states run which escalating timer (from the lifecycle): what makes a complaint overdue. */
export interface OverdueStates {
  verification: string[];
  firstResponse: string[];
  answer: string[];
}

/** Which states run which timer (from the lifecycle): the escalation job's prefilter. */
export interface TimedStates extends OverdueStates {
  reopen: string[];
}

export const escalationQueries = {
  /** Complaints with a clock run out at `now` in a state that runs it (locked; rows others hold are skipped). */
  due(sql: Sql, now: Date, s: TimedStates): Promise<ComplaintRow[]> {
    return sql.rows(
      `${SELECT}
        where (c.status = any($2) and c.verify_due_at < $1)
           or (c.status = any($3) and c.first_response_at is null and c.first_response_due_at < $1)
           or (c.status = any($4) and c.answer_due_at < $1)
           or (c.status = any($5) and c.reopen_until < $1)
        for update of c skip locked`,
      [now, s.verification, s.firstResponse, s.answer, s.reopen],
    );
  },

  /** Records one escalation; false when (complaint, stage, due time) was escalated already. */
  async record(sql: Sql, e: { tenantId: string; id: string; complaintId: string; stage: string; dueAt: Date; now: Date }): Promise<boolean> {
    const row = await sql.maybe<{ id: string }>(
      `insert into complaint_escalations (tenant_id, id, complaint_id, stage, due_at, escalated_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (tenant_id, complaint_id, stage, due_at) do nothing returning id`,
      [e.tenantId, e.id, e.complaintId, e.stage, e.dueAt, e.now],
    );
    return row !== undefined;
  },
};

/** Counts of one tenant's complaints filed in a period: no personal data. */
export interface StatsRow {
  filed: number;
  open: number;
  overdue: number;
  verified: number;
  verified_on_time: number;
  answered: number;
  answered_on_time: number;
  rejected: number;
  reopened: number;
  rated: number;
  average_rating: number | null;
  lapor_synced: number;
  escalations: number;
}

export const statsQueries = {
  counts(sql: Sql, from: string, to: string, timeZone: string, now: Date): Promise<StatsRow> {
    return sql.one(
      `select count(*)::int as filed,
              count(*) filter (where c.status in ('submitted', 'forwarded', 'handling'))::int as open,
              count(*) filter (where (c.status = 'submitted' and c.verify_due_at < $4) or (c.status in ('forwarded', 'handling') and c.answer_due_at < $4))::int as overdue,
              count(*) filter (where c.verified_at is not null and c.status <> 'rejected')::int as verified,
              count(*) filter (where c.verified_at is not null and c.status <> 'rejected' and c.verified_at <= c.verify_due_at)::int as verified_on_time,
              count(*) filter (where c.answered_at is not null)::int as answered,
              count(*) filter (where c.answered_at is not null and c.answered_at <= c.answer_due_at)::int as answered_on_time,
              count(*) filter (where c.status = 'rejected')::int as rejected,
              count(*) filter (where c.reopen_count > 0)::int as reopened,
              count(c.rating)::int as rated, round(avg(c.rating), 2)::float as average_rating,
              count(*) filter (where c.lapor_sync_status = 'synced')::int as lapor_synced,
              (select count(*)::int from complaint_escalations e join complaints c on c.id = e.complaint_id where ${IN_PERIOD}) as escalations
         from complaints c where ${IN_PERIOD}`,
      [from, to, timeZone, now],
    );
  },

  async by(sql: Sql, column: 'status' | 'category' | 'kind', from: string, to: string, timeZone: string): Promise<Record<string, number>> {
    // Imported complaints (ADR 0032) count by their status and category; every one was a complaint.
    const imported = column === 'kind' ? `select 'complaint' as k from history_complaints h where ${IMPORTED_IN_PERIOD}` : `select h.${column} as k from history_complaints h where ${IMPORTED_IN_PERIOD}`;
    const rows = await sql.rows<{ k: string; n: number }>(
      `select k, count(*)::int as n from (select c.${column} as k from complaints c where ${IN_PERIOD} union all ${imported}) x group by 1 order by 1`,
      [from, to, timeZone],
    );
    return Object.fromEntries(rows.map((r) => [r.k, r.n]));
  },

  /**
   * Complaints imported from an earlier system (ADR 0032) received in the period: filed, open by
   * their imported status, answered; on time only where the file said so (`answered_on_time`).
   */
  imported(sql: Sql, from: string, to: string, timeZone: string): Promise<{ filed: number; open: number; rejected: number; answered: number; answered_on_time: number }> {
    return sql.one(
      `select count(*)::int as filed, count(*) filter (where h.status in ('submitted', 'forwarded', 'handling'))::int as open,
              count(*) filter (where h.status = 'rejected')::int as rejected,
              count(*) filter (where h.answered_at is not null and h.answered_on_time is not null)::int as answered,
              count(*) filter (where h.answered_on_time)::int as answered_on_time
         from history_complaints h where ${IMPORTED_IN_PERIOD}`,
      [from, to, timeZone],
    );
  },
};
