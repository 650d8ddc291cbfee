import type { Sql } from '@satupintu/db';

/** The nine score columns (u1…u9), in unsur order. */
export const SCORE_COLUMNS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type Scores = Record<(typeof SCORE_COLUMNS)[number], number>;

/** A citizen's open invitation. */
export interface InvitationRow {
  id: string;
  token: string;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  created_at: Date;
  /** created_at as text: the exact page key. */
  page_at: string;
  expires_at: Date;
  tracking_code: string;
  /** Issue 23 (sla): a combined journey survey's other steps. */
  journey?: JourneyStep[] | null;
}

/** The invitation of one application, as the counter sees it (the token is null once answered). */
export interface ApplicationInvitationRow {
  id: string;
  token: string | null;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  expires_at: Date;
  answered: boolean;
  tracking_code: string;
}

/** An unanswered invitation found by its token (locked while answering). */
export interface OpenInvitationRow {
  id: string;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  expires_at: Date;
  /** Issue 23 (sla): the journey's other steps a combined survey also counts for. */
  journey: JourneyStep[] | null;
}

/** One other step of a journey (issue 23, sla): the survey's answer counts for its agency too. */
export interface JourneyStep {
  pluginId: string;
  serviceCode: string;
  agencyCode: string;
}

/** A stored response: what a retry is compared with. */
export interface ResponseRow extends Scores {
  id: string;
  local_date: string;
  sex: string;
  age_band: string;
  education: string;
  occupation: string;
}

/** Raw sums per unsur of one (agency, plugin, service) in a period. */
export interface SumsRow extends Scores {
  agency_code: string;
  plugin_id: string;
  service_code: string;
  n: number;
}

export interface FollowUpRow {
  id: string;
  scope: 'tenant' | 'agency' | 'service';
  scope_key: string;
  period_from: string;
  period_to: string;
  element: string;
  nrr: number;
  ikm: number;
  respondents: number;
  status: 'open' | 'closed';
  plan: string | null;
  result_note: string | null;
  created_by: string;
  created_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
  owner: string | null;
  due_on: string | null;
  evidence_url: string | null;
}

/** One entry of the SKM publication log (append-only). */
export interface PublicationRow {
  id: string;
  period_from: string;
  period_to: string;
  medium: 'website' | 'notice-board' | 'social-media' | 'print-media' | 'other';
  location: string;
  published_on: string;
  published_by: string;
  recorded_by: string;
  recorded_at: Date;
}

/** Follow-up counts of one tenant for the ministry (no text, no username). */
export interface FollowUpCountsRow {
  total: number;
  open: number;
  closed: number;
  overdue: number;
  closed_on_time: number;
  with_evidence: number;
  by_element: Record<string, number> | null;
}

/** A service filter: `plugin.service` split, or nulls for none. */
export function serviceKey(service: string | undefined): { pluginId: string | null; serviceCode: string | null } {
  if (!service) return { pluginId: null, serviceCode: null };
  const dot = service.indexOf('.');
  return { pluginId: service.slice(0, dot), serviceCode: service.slice(dot + 1) };
}

const SUMS = SCORE_COLUMNS.map((c) => `coalesce(sum(${c}), 0)::int as ${c}`).join(', ');
const FOLLOWUP_COLUMNS = `id, scope, scope_key, to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to, element, nrr::float as nrr, ikm::float as ikm,
  respondents, status, plan, result_note, created_by, created_at, closed_by, closed_at, owner, to_char(due_on, 'YYYY-MM-DD') as due_on, evidence_url`;
const PUBLICATION_COLUMNS = `id, to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to, medium, location,
  to_char(published_on, 'YYYY-MM-DD') as published_on, published_by, recorded_by, recorded_at`;

export const invitationQueries = {
  /** One invitation per application; false when the application has one already (a retried completion). */
  async insert(
    sql: Sql,
    i: { tenantId: string; id: string; token: string; applicationId: string; pluginId: string; serviceCode: string; agencyCode: string; respondentSub: string | null; now: Date; expiresAt: Date },
  ): Promise<boolean> {
    const row = await sql.maybe<{ id: string }>(
      `insert into skm_invitations (tenant_id, id, token, application_id, plugin_id, service_code, agency_code, respondent_sub, created_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (tenant_id, application_id) do nothing returning id`,
      [i.tenantId, i.id, i.token, i.applicationId, i.pluginId, i.serviceCode, i.agencyCode, i.respondentSub, i.now, i.expiresAt],
    );
    return row !== undefined;
  },

  /** One page of a citizen's open invitations, newest first: `limit` rows after the key (created_at as text, id). */
  openFor(sql: Sql, respondentSub: string, now: Date, after: readonly [string, string] | undefined, limit: number): Promise<InvitationRow[]> {
    return sql.rows(
      `select i.id, i.token, i.plugin_id, i.service_code, i.agency_code, i.created_at, i.created_at::text as page_at, i.expires_at, a.tracking_code, i.journey
         from skm_invitations i join applications a on a.id = i.application_id
        where i.respondent_sub = $1 and i.responded_on is null and i.expires_at > $2
          and ($3::timestamptz is null or (i.created_at, i.id) < ($3::timestamptz, $4::uuid))
        order by i.created_at desc, i.id desc limit $5`,
      [respondentSub, now, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },

  ofApplication(sql: Sql, applicationId: string): Promise<ApplicationInvitationRow | undefined> {
    return sql.maybe(
      `select i.id, i.token, i.plugin_id, i.service_code, i.agency_code, i.expires_at, i.responded_on is not null as answered, a.tracking_code
         from skm_invitations i join applications a on a.id = i.application_id where i.application_id = $1`,
      [applicationId],
    );
  },

  lockByToken(sql: Sql, token: string): Promise<OpenInvitationRow | undefined> {
    return sql.maybe(`select id, plugin_id, service_code, agency_code, expires_at, journey from skm_invitations where token = $1 for update`, [token]);
  },

  // --- issue 23 (sla): one combined survey per journey where the tenant opts in ---------------------
  async combinedJourneySurvey(sql: Sql): Promise<boolean> {
    return (await sql.maybe<{ v: boolean }>(`select combined_journey_survey as v from skm_settings`))?.v ?? false;
  },
  async setCombinedJourneySurvey(sql: Sql, s: { tenantId: string; on: boolean; by: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into skm_settings (tenant_id, combined_journey_survey, updated_by, updated_at) values ($1, $2, $3, $4)
       on conflict (tenant_id) do update set combined_journey_survey = excluded.combined_journey_survey, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [s.tenantId, s.on, s.by, s.now],
    );
  },
  /** The earlier steps of a journey: the applications whose outputs this one carries as documents, and their invitations still open. */
  journeySources(sql: Sql, applicationId: string): Promise<{ application_id: string; plugin_id: string; service_code: string; agency_code: string }[]> {
    return sql.rows(
      `select distinct a.id as application_id, a.plugin_id, a.service_code, a.agency_code
         from application_documents d join applications a on a.id = d.source_application_id
        where d.application_id = $1 and d.source = 'journey' and a.id <> $1
        order by a.plugin_id, a.service_code, a.id`,
      [applicationId],
    );
  },
  /** The last step's invitation takes over the earlier steps' unanswered ones: they close (token erased), pointing at it. */
  async merge(sql: Sql, into: string, applicationIds: readonly string[], now: Date): Promise<string[]> {
    const rows = await sql.rows<{ application_id: string }>(
      `update skm_invitations set token = null, expires_at = least(expires_at, $3), merged_into = $1
        where application_id = any($2::uuid[]) and responded_on is null and merged_into is null returning application_id`,
      [into, applicationIds, now],
    );
    return rows.map((r) => r.application_id);
  },
  async setJourney(sql: Sql, id: string, journey: readonly JourneyStep[]): Promise<void> {
    await sql.exec(`update skm_invitations set journey = $2 where id = $1`, [id, JSON.stringify(journey)]);
  },

  /** Answered: the token is erased, only the local date stays. */
  async markAnswered(sql: Sql, id: string, day: string): Promise<void> {
    await sql.exec(`update skm_invitations set responded_on = $2, token = null where id = $1`, [id, day]);
  },
};

export const responseQueries = {
  byDigest(sql: Sql, digest: string): Promise<ResponseRow | undefined> {
    return sql.maybe(`select id, to_char(local_date, 'YYYY-MM-DD') as local_date, ${SCORE_COLUMNS.join(', ')}, sex, age_band, education, occupation from skm_responses where token_digest = $1`, [digest]);
  },

  async insert(
    sql: Sql,
    r: {
      tenantId: string; id: string; digest: string; pluginId: string; serviceCode: string; agencyCode: string; day: string; scores: readonly number[];
      profile: { sex: string; ageBand: string; education: string; occupation: string }; suggestion: string | null;
    },
  ): Promise<void> {
    await sql.exec(
      `insert into skm_responses (tenant_id, id, token_digest, plugin_id, service_code, agency_code, local_date, ${SCORE_COLUMNS.join(', ')}, sex, age_band, education, occupation, suggestion)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [r.tenantId, r.id, r.digest, r.pluginId, r.serviceCode, r.agencyCode, r.day, ...r.scores, r.profile.sex, r.profile.ageBand, r.profile.education, r.profile.occupation, r.suggestion],
    );
  },

  /** Raw sums per (agency, plugin, service) in a period, optionally of one agency or service. */
  sums(sql: Sql, p: { from: string; to: string }, filter: { agency?: string; service?: string } = {}): Promise<SumsRow[]> {
    const { pluginId, serviceCode } = serviceKey(filter.service);
    return sql.rows(
      `select agency_code, plugin_id, service_code, count(*)::int as n, ${SUMS} from skm_responses
        where local_date between $1::date and $2::date and ($3::text is null or agency_code = $3) and ($4::text is null or (plugin_id = $4 and service_code = $5))
        group by agency_code, plugin_id, service_code order by agency_code, plugin_id, service_code`,
      [p.from, p.to, filter.agency ?? null, pluginId, serviceCode],
    );
  },

  /** Respondents per profile value (sex, age band, education, occupation) in a period: counts only, for the report's respondent table. */
  profile(sql: Sql, p: { from: string; to: string }): Promise<{ attribute: 'sex' | 'age_band' | 'education' | 'occupation'; value: string; n: number }[]> {
    return sql.rows(
      `select attribute, value, count(*)::int as n from skm_responses,
              lateral (values ('sex', sex), ('age_band', age_band), ('education', education), ('occupation', occupation)) v(attribute, value)
        where local_date between $1::date and $2::date group by attribute, value order by attribute, value`,
      [p.from, p.to],
    );
  },

  /** Service users in a period: applications completed on those local dates (the regulation's population). */
  async served(sql: Sql, timeZone: string, p: { from: string; to: string }, filter: { agency?: string; service?: string }): Promise<number> {
    const { pluginId, serviceCode } = serviceKey(filter.service);
    const r = await sql.one<{ n: number }>(
      `select count(*)::int as n from applications where status = 'completed' and (completed_at at time zone $3)::date between $1::date and $2::date
         and ($4::text is null or agency_code = $4) and ($5::text is null or (plugin_id = $5 and service_code = $6))`,
      [p.from, p.to, timeZone, filter.agency ?? null, pluginId, serviceCode],
    );
    return r.n;
  },
};

export const followUpQueries = {
  /** Opens a task; nothing when the scope already has one for the period. */
  async open(
    sql: Sql,
    f: { tenantId: string; id: string; scope: 'tenant' | 'service'; key: string; from: string; to: string; element: string; nrr: number; ikm: number; respondents: number; by: string; now: Date; dueOn: string },
  ): Promise<void> {
    await sql.exec(
      `insert into skm_followups (tenant_id, id, scope, scope_key, period_from, period_to, element, nrr, ikm, respondents, status, created_by, created_at, due_on)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12, $13) on conflict (tenant_id, scope, scope_key, period_from, period_to) do nothing`,
      [f.tenantId, f.id, f.scope, f.key, f.from, f.to, f.element, f.nrr, f.ikm, f.respondents, f.by, f.now, f.dueOn],
    );
  },

  /** The follow-ups of one period (one for the tenant, one per service with responses: a bounded set). */
  ofPeriod(sql: Sql, p: { from: string; to: string }): Promise<FollowUpRow[]> {
    return sql.rows(`select ${FOLLOWUP_COLUMNS} from skm_followups where period_from = $1 and period_to = $2 order by created_at desc, id desc`, [p.from, p.to]);
  },

  /** One page of follow-ups, newest first: `limit` rows after the key (created_at as text, id). */
  page(sql: Sql, filter: { status?: 'open' | 'closed'; from?: string; to?: string }, after: readonly [string, string] | undefined, limit: number): Promise<(FollowUpRow & { page_at: string })[]> {
    return sql.rows(
      `select ${FOLLOWUP_COLUMNS}, created_at::text as page_at from skm_followups
        where ($1::text is null or status = $1) and ($2::date is null or period_from = $2) and ($3::date is null or period_to = $3)
          and ($4::timestamptz is null or (created_at, id) < ($4::timestamptz, $5::uuid))
        order by created_at desc, id desc limit $6`,
      [filter.status ?? null, filter.from ?? null, filter.to ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },

  load(sql: Sql, id: string, lock = false): Promise<FollowUpRow | undefined> {
    return sql.maybe(`select ${FOLLOWUP_COLUMNS} from skm_followups where id = $1 ${lock ? 'for update' : ''}`, [id]);
  },

  async close(sql: Sql, id: string, c: { plan: string | null; result: string; by: string; now: Date; evidenceUrl: string | null }): Promise<void> {
    await sql.exec(`update skm_followups set status = 'closed', plan = coalesce($2, plan), result_note = $3, closed_by = $4, closed_at = $5, evidence_url = coalesce($6, evidence_url) where id = $1`, [
      id, c.plan, c.result, c.by, c.now, c.evidenceUrl,
    ]);
  },

  /** Sets the owner, due date and plan of an open task (each only when given). */
  async assign(sql: Sql, id: string, a: { owner?: string; dueOn?: string; plan?: string }): Promise<void> {
    await sql.exec(`update skm_followups set owner = coalesce($2, owner), due_on = coalesce($3::date, due_on), plan = coalesce($4, plan) where id = $1`, [id, a.owner ?? null, a.dueOn ?? null, a.plan ?? null]);
  },

  /** The follow-ups of periods overlapping [from, to] (the SKM report's and the evidence pack's: bounded by periods and services). */
  overlapping(sql: Sql, p: { from: string; to: string }): Promise<FollowUpRow[]> {
    return sql.rows(`select ${FOLLOWUP_COLUMNS} from skm_followups where period_from <= $2::date and period_to >= $1::date order by period_from, scope desc, scope_key`, [p.from, p.to]);
  },

  /** Counts of the follow-ups of periods overlapping [from, to]; overdue = open past its due date (`today`, tenant-local). */
  counts(sql: Sql, p: { from: string; to: string }, today: string): Promise<FollowUpCountsRow> {
    return sql.one(
      `select count(*)::int as total, count(*) filter (where status = 'open')::int as open, count(*) filter (where status = 'closed')::int as closed,
              count(*) filter (where status = 'open' and due_on < $3::date)::int as overdue,
              count(*) filter (where status = 'closed' and (due_on is null or closed_at::date <= due_on))::int as closed_on_time,
              count(*) filter (where status = 'closed' and evidence_url is not null)::int as with_evidence,
              (select jsonb_object_agg(element, n) from (select element, count(*)::int n from skm_followups where period_from <= $2::date and period_to >= $1::date group by element) e) as by_element
         from skm_followups where period_from <= $2::date and period_to >= $1::date`,
      [p.from, p.to, today],
    );
  },
};

export const publicationQueries = {
  /** Records an entry; the existing one when the same publication (period, medium, location, date) was recorded before. */
  async insert(
    sql: Sql,
    r: { tenantId: string; id: string; from: string; to: string; medium: string; location: string; publishedOn: string; publishedBy: string; by: string; now: Date },
  ): Promise<{ row: PublicationRow; created: boolean }> {
    const created = await sql.maybe<PublicationRow>(
      `insert into skm_publications (tenant_id, id, period_from, period_to, medium, location, published_on, published_by, recorded_by, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (tenant_id, period_from, period_to, medium, location, published_on) do nothing
       returning ${PUBLICATION_COLUMNS}`,
      [r.tenantId, r.id, r.from, r.to, r.medium, r.location, r.publishedOn, r.publishedBy, r.by, r.now],
    );
    if (created) return { row: created, created: true };
    const row = await sql.one<PublicationRow>(
      `select ${PUBLICATION_COLUMNS} from skm_publications where period_from = $1 and period_to = $2 and medium = $3 and location = $4 and published_on = $5`,
      [r.from, r.to, r.medium, r.location, r.publishedOn],
    );
    return { row, created: false };
  },

  /** One page of the log, newest record first: `limit` rows after the key (recorded_at as text, id). */
  page(sql: Sql, f: { from?: string; to?: string }, after: readonly [string, string] | undefined, limit: number): Promise<(PublicationRow & { page_at: string })[]> {
    return sql.rows(
      `select ${PUBLICATION_COLUMNS}, recorded_at::text as page_at from skm_publications
        where ($1::date is null or period_to >= $1::date) and ($2::date is null or period_from <= $2::date)
          and ($3::timestamptz is null or (recorded_at, id) < ($3::timestamptz, $4::uuid))
        order by recorded_at desc, id desc limit $5`,
      [f.from ?? null, f.to ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },

  /** Entries for periods overlapping [from, to] (a report's log: bounded by what a tenant publishes in a year). */
  overlapping(sql: Sql, p: { from: string; to: string }): Promise<PublicationRow[]> {
    return sql.rows(`select ${PUBLICATION_COLUMNS} from skm_publications where period_from <= $2::date and period_to >= $1::date order by published_on, recorded_at, id limit 500`, [p.from, p.to]);
  },
};
