import type { FeeQuote } from '@satupintu/plugin-sdk';
import type { Sql } from '@satupintu/db';

export type Channel = 'online' | 'assisted' | 'counter';
export type Status = 'draft' | 'submitted' | 'completed' | 'rejected' | 'withdrawn';
export type FiledByRole = 'citizen' | 'officer' | 'village-operator';
export type OutputKind = 'document' | 'physical' | 'external';

/** The consent recorded when staff file for a citizen. */
export interface StoredConsent {
  statement: string;
  method: 'signed-form' | 'verbal' | 'whatsapp' | 'app';
  recordedBy: string;
  at: string;
}

/** One application as the applications table holds it (dates as local YYYY-MM-DD text). */
export interface ApplicationRow {
  tenant_id: string;
  id: string;
  tracking_code: string;
  plugin_id: string;
  plugin_version: string;
  content_hash: string;
  service_code: string;
  agency_code: string;
  applicant_sub: string | null;
  applicant: { nik?: string; name?: string; phone?: string };
  filed_by_sub: string;
  filed_by_role: FiledByRole;
  channel: Channel;
  consent: StoredConsent | null;
  status: Status;
  state: string;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  completed_at: Date | null;
  due_at: Date | null;
  due_date: string | null;
  step_due_at: Date | null;
  step_due_date: string | null;
  claimed_by: string | null;
  claimed_by_name: string | null;
  /** Issue 23 (versions): set when the installation moved a draft to another version: what the draft now needs. */
  version_change?: { from: string; to: string; at: string; documents: { code: string; name: { id: string; en: string } }[]; fields: { code: string; name: { id: string; en: string } }[] } | null;
  /** Issue 23 (sla): when the service clock started (its SOP's start event), null while it waits; when the current step began. */
  sla_started_at: Date | null;
  step_started_at: Date | null;
  /** Part "fees" (issue 23): the quote recorded at submission (null for drafts and older applications). */
  fee_quote: FeeQuote | null;
}

/**
 * One change a write made that the citizen did not make themselves, on the timeline: a form field
 * (`/data/noHp`, old and new value) or a document (`/documents/identitas`, its file name). These
 * hold personal data: shown to the applicant and the handling staff, never logged.
 */
export interface DataChange {
  pointer: string;
  from: unknown;
  to: unknown;
}

export interface EventRow {
  at: Date;
  actor_name: string | null;
  actor_role: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  comment: string | null;
  changes?: DataChange[] | null;
}

export interface DocumentRow {
  id: string;
  document_code: string;
  filename: string | null;
  media_type: string;
  size: string;
  sha256: string;
  source: 'upload' | 'journey';
  source_application_id: string | null;
  created_at: Date;
}

export interface OutputRow {
  output_code: string;
  kind: OutputKind;
  media_type: string | null;
  size: string | null;
  sha256: string | null;
  issued_at: Date;
  valid_until: Date | null;
  downloadable: boolean;
  data: Record<string, unknown> | null;
  /** Part "fees" (issue 23). */
  verify_code: string | null;
  signer: string | null;
}

export interface QueueRow {
  id: string;
  /** The page key: the step's due time as exact text (null when the step has no clock). */
  page_due: string | null;
  tracking_code: string;
  plugin_id: string;
  plugin_version: string;
  service_code: string;
  channel: Channel;
  state: string;
  applicant_name: string | null;
  submitted_at: Date | null;
  due_at: Date | null;
  due_date: string | null;
  step_due_at: Date | null;
  step_due_date: string | null;
  claimed_by: string | null;
  claimed_by_name: string | null;
}

/** One entry of an application's action log, to be written. */
export interface NewEvent {
  tenantId: string;
  applicationId: string;
  id: string;
  at: Date;
  actorSub: string;
  actorName: string | null;
  role: string;
  action: string;
  from: string | null;
  to: string | null;
  comment: string | null;
  /** What the write changed (form fields, documents), when recorded. */
  changes?: DataChange[] | null;
}

export interface DuplicateRow {
  id: string;
  tracking_code: string;
  status: string;
  submitted_at: Date | null;
}

/** The SLA clocks of a file from its submission or its last step. */
export interface Dues {
  overall?: { at: Date; date: string };
  step?: { at: Date; date: string };
  /** When the service clock started (absent: it waits for the SOP's start event). */
  startedAt?: Date;
}

const COLUMNS = `tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant_sub, applicant, filed_by_sub,
  filed_by_role, channel, consent, status, state, data, version, created_at, updated_at, submitted_at, completed_at, due_at,
  to_char(due_date, 'YYYY-MM-DD') as due_date, step_due_at, to_char(step_due_date, 'YYYY-MM-DD') as step_due_date, claimed_by, claimed_by_name, version_change, sla_started_at, step_started_at, fee_quote`;

export const applicationQueries = {
  load(sql: Sql, id: string, lock = false): Promise<ApplicationRow | undefined> {
    return sql.maybe(`select ${COLUMNS} from applications where id = $1 ${lock ? 'for update' : ''}`, [id]);
  },

  /**
   * Inserts an application and the first entries of its action log in one statement (a
   * data-modifying CTE: one round trip; the log's foreign key is checked at the statement's end).
   */
  insertWithEvents(
    sql: Sql,
    a: {
      tenantId: string; id: string; trackingCode: string; pluginId: string; version: string; contentHash: string; serviceCode: string; agencyCode: string;
      applicantSub: string | null; applicant: object; filedBySub: string; filedByRole: FiledByRole; channel: Channel; consent: object | null; data: object;
      status: Status; state: string; now: Date; dues: Dues;
    },
    events: readonly NewEvent[],
  ): Promise<ApplicationRow> {
    const base = [a.tenantId, a.id, a.trackingCode, a.pluginId, a.version, a.contentHash, a.serviceCode, a.agencyCode, a.applicantSub, JSON.stringify(a.applicant),
      a.filedBySub, a.filedByRole, a.channel, a.consent ? JSON.stringify(a.consent) : null, a.status, a.state, JSON.stringify(a.data), null, a.now,
      a.status === 'submitted' ? a.now : null, a.dues.overall?.at ?? null, a.dues.overall?.date ?? null, a.dues.step?.at ?? null, a.dues.step?.date ?? null,
      a.dues.startedAt ?? null];
    const cols = 11;
    const values = events.map((_, i) => `(${Array.from({ length: cols }, (_c, j) => `$${base.length + i * cols + j + 1}`).join(', ')})`).join(', ');
    const casts = '(tenant_id, application_id, id, at, actor_sub, actor_name, actor_role, action, from_state, to_state, comment)';
    return sql.one(
      `with a as (
         insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant_sub, applicant,
           filed_by_sub, filed_by_role, channel, consent, status, state, data, create_key, created_at, updated_at, submitted_at, due_at, due_date, step_due_at, step_due_date,
           sla_started_at, step_started_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$19,$20,$21,$22,$23,$24,$25,$20)
         returning ${COLUMNS}),
       e as (insert into application_events ${casts}
         select v.tenant_id::uuid, v.application_id::uuid, v.id::uuid, v.at::timestamptz, v.actor_sub, v.actor_name, v.actor_role, v.action, v.from_state, v.to_state, v.comment
           from (values ${values}) as v ${casts})
       select * from a`,
      [...base, ...events.flatMap((e) => [e.tenantId, e.applicationId, e.id, e.at, e.actorSub, e.actorName, e.role, e.action, e.from, e.to, e.comment])],
    );
  },

  async updateDraft(sql: Sql, id: string, data: object, now: Date): Promise<void> {
    await sql.exec(`update applications set data = $2, version = version + 1, updated_at = $3 where id = $1`, [id, JSON.stringify(data), now]);
  },

  /**
   * Forgets the create keys older than `before`: rows written before the unit of work kept
   * Idempotency-Keys in their own records held the client's raw key here (the purge job's hook).
   */
  async forgetCreateKeys(sql: Sql, before: Date): Promise<number> {
    return sql.exec(`update applications set create_key = null where create_key is not null and created_at < $1`, [before]);
  },

  /** Part "fees" (issue 23): records the quote of an application submitted at creation (once). */
  async recordFee(sql: Sql, id: string, fee: FeeQuote): Promise<void> {
    await sql.exec(`update applications set fee_quote = $2 where id = $1 and fee_quote is null`, [id, JSON.stringify(fee)]);
  },

  async submit(sql: Sql, id: string, state: string, now: Date, dues: Dues, fee: FeeQuote): Promise<void> {
    await sql.exec(
      `update applications set status = 'submitted', state = $2, submitted_at = $3, updated_at = $3, version = version + 1,
              due_at = $4, due_date = $5, step_due_at = $6, step_due_date = $7, sla_started_at = $8, step_started_at = $3, fee_quote = $9 where id = $1`,
      [id, state, now, dues.overall?.at ?? null, dues.overall?.date ?? null, dues.step?.at ?? null, dues.step?.date ?? null, dues.startedAt ?? null, JSON.stringify(fee)],
    );
  },

  /**
   * Moves the file to its next step if nobody moved it since `version` was read; false when someone
   * did. With `data` the form is replaced too: the action's event with the diff must be written
   * first, in the same transaction (the database refuses a submitted application's form change
   * without one: migrations/security-applications.ts).
   */
  async move(
    sql: Sql,
    m: { id: string; version: number; to: string; status: Status; terminal: boolean; now: Date; step?: { at: Date; date: string }; data?: object; overall?: { at: Date; date: string } },
  ): Promise<boolean> {
    // `overall`: the SOP's start event happened now, so the service clock starts (issue 23, sla).
    const n = await sql.exec(
      `update applications set state = $2, status = $3, version = version + 1, updated_at = $6, completed_at = case when $4 then $6::timestamptz else completed_at end,
              step_due_at = $7, step_due_date = $8, claimed_by = null, claimed_by_name = null, claimed_at = null, data = coalesce($9::jsonb, data),
              step_started_at = case when state is distinct from $2 then $6::timestamptz else step_started_at end,
              sla_started_at = case when $10::timestamptz is not null then $6::timestamptz else sla_started_at end,
              due_at = coalesce($10::timestamptz, due_at), due_date = coalesce($11::date, due_date)
        where id = $1 and version = $5`,
      [m.id, m.to, m.status, m.terminal, m.version, m.now, m.step?.at ?? null, m.step?.date ?? null, m.data ? JSON.stringify(m.data) : null, m.overall?.at ?? null, m.overall?.date ?? null],
    );
    return n === 1;
  },

  /** A change beside the row (a document attached): a new version, so the ETag follows. */
  async touch(sql: Sql, id: string, now: Date): Promise<void> {
    await sql.exec(`update applications set updated_at = $2, version = version + 1 where id = $1`, [id, now]);
  },

  async event(sql: Sql, e: NewEvent): Promise<void> {
    await applicationQueries.insertEvents(sql, [e]);
  },

  /** Appends entries to applications' action logs, in one statement. */
  async insertEvents(sql: Sql, events: readonly NewEvent[]): Promise<void> {
    if (!events.length) return;
    const cols = 12;
    const values = events.map((_, i) => `(${Array.from({ length: cols }, (_c, j) => `$${i * cols + j + 1}`).join(', ')})`).join(', ');
    await sql.exec(
      `insert into application_events (tenant_id, application_id, id, at, actor_sub, actor_name, actor_role, action, from_state, to_state, comment, changes) values ${values}`,
      events.flatMap((e) => [e.tenantId, e.applicationId, e.id, e.at, e.actorSub, e.actorName, e.role, e.action, e.from, e.to, e.comment, e.changes?.length ? JSON.stringify(e.changes) : null]),
    );
  },

  events(sql: Sql, id: string): Promise<EventRow[]> {
    return sql.rows(`select at, actor_name, actor_role, action, from_state, to_state, comment, changes from application_events where application_id = $1 order by at, id`, [id]);
  },

  documents(sql: Sql, id: string): Promise<DocumentRow[]> {
    return sql.rows(`select id, document_code, filename, media_type, size, sha256, source, source_application_id, created_at from application_documents where application_id = $1 order by created_at, id`, [id]);
  },

  outputs(sql: Sql, id: string): Promise<OutputRow[]> {
    return sql.rows(`select output_code, kind, media_type, size, sha256, issued_at, valid_until, object_key is not null as downloadable, data, verify_code, signer from application_outputs where application_id = $1 order by issued_at`, [id]);
  },

  /**
   * Other active (submitted, not yet finished) applications in this tenant for the same service by
   * the same person: the same citizen account, or the same NIK (the applicant's, or the form's
   * top-level `nik`). The duplicate guard: a warning, never a refusal.
   */
  possibleDuplicates(sql: Sql, app: Pick<ApplicationRow, 'tenant_id' | 'id' | 'plugin_id' | 'service_code' | 'applicant_sub'>, nik: string | null): Promise<DuplicateRow[]> {
    return sql.rows(
      `select id, tracking_code, status, submitted_at from applications
        where tenant_id = $1 and plugin_id = $2 and service_code = $3 and id <> $4 and status = 'submitted'
          and (($5::text is not null and applicant_sub = $5) or ($6::text is not null and (applicant->>'nik' = $6 or data->>'nik' = $6)))
        order by submitted_at, id limit 5`,
      [app.tenant_id, app.plugin_id, app.service_code, app.id, app.applicant_sub, nik],
    );
  },

  /**
   * Serialises submissions of one service in a tenant by one person (until the transaction ends):
   * the second of two submits at once for the same account or the same NIK sees the first. One lock
   * per key, taken in sorted order (no deadlock); other people's submits never wait on them.
   */
  async lockPerson(sql: Sql, app: Pick<ApplicationRow, 'tenant_id' | 'plugin_id' | 'service_code'>, person: { sub: string | null; nik: string | null }): Promise<void> {
    const keys = [person.sub !== null && `sub:${person.sub}`, person.nik !== null && `nik:${person.nik}`].filter((k): k is string => !!k).sort();
    for (const key of keys) await sql.exec(`select pg_advisory_xact_lock(hashtextextended($1, 22))`, [`submit:${app.tenant_id}:${app.plugin_id}.${app.service_code}:${key}`]);
  },

  documentCounts(sql: Sql, id: string): Promise<{ document_code: string; n: number }[]> {
    return sql.rows(`select document_code, count(*)::int as n from application_documents where application_id = $1 group by document_code`, [id]);
  },

  /**
   * One page of the caller's applications (their own, those they filed while they still serve
   * here, or their agencies' submitted ones), newest first: keyset on (created_at, id), read after
   * `after` exactly. The same rule as access.ts: nobody else's draft.
   */
  mine(sql: Sql, subject: string, agencies: string[], villageOperator: boolean, status: Status | undefined, after: readonly [string, string] | undefined, limit: number): Promise<SummaryRow[]> {
    return sql.rows(
      `select id, tracking_code, plugin_id, service_code, channel, status, state, created_at, submitted_at, created_at::text as page_at
         from applications
        where (applicant_sub = $1
               or (filed_by_sub = $1 and (filed_by_role = 'citizen' or (filed_by_role = 'village-operator' and $7::boolean) or (filed_by_role = 'officer' and agency_code = any($2))))
               or (agency_code = any($2) and status <> 'draft'))
          and ($3::text is null or status = $3)
          and ($4::timestamptz is null or (created_at, id) < ($4::timestamptz, $5::uuid))
        order by created_at desc, id desc
        limit $6`,
      [subject, agencies, status ?? null, after?.[0] ?? null, after?.[1] ?? null, limit, villageOperator],
    );
  },

  /**
   * One page of an agency's work queue: by the current step's due time (steps without a clock
   * last), then id — a unique order, so pages neither skip nor repeat a row.
   */
  queue(sql: Sql, f: QueueFilter, after: readonly [string | null, string] | undefined, limit: number): Promise<QueueRow[]> {
    return sql.rows(
      `select id, tracking_code, plugin_id, plugin_version, service_code, channel, state, applicant->>'name' as applicant_name,
              submitted_at, due_at, to_char(due_date, 'YYYY-MM-DD') as due_date, step_due_at, to_char(step_due_date, 'YYYY-MM-DD') as step_due_date,
              claimed_by, claimed_by_name, step_due_at::text as page_due
         from applications
        where status = 'submitted' and agency_code = $1 and ($2::text is null or state = $2) and ($3::text is null or claimed_by = $3)
          and (not $4::boolean
               or ($5::timestamptz is not null and (step_due_at > $5 or (step_due_at = $5 and id > $6::uuid) or step_due_at is null))
               or ($5::timestamptz is null and step_due_at is null and id > $6::uuid))
        order by step_due_at asc nulls last, id asc
        limit $7`,
      [f.agency, f.state ?? null, f.claimedBy ?? null, after !== undefined, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },

  /** The whole queue's counts (with the page's filters): total, due today, overdue. */
  queueCounts(sql: Sql, f: QueueFilter, today: string, now: Date): Promise<{ total: number; due_today: number; overdue: number }> {
    return sql.one(
      `select count(*)::int as total, count(*) filter (where step_due_date = $4::date)::int as due_today, count(*) filter (where step_due_at < $5)::int as overdue
         from applications
        where status = 'submitted' and agency_code = $1 and ($2::text is null or state = $2) and ($3::text is null or claimed_by = $3)`,
      [f.agency, f.state ?? null, f.claimedBy ?? null, today, now],
    );
  },

  /** Claims (or releases) a file: a change of the application, so a new version. */
  async claim(sql: Sql, id: string, by: { sub: string; name: string } | null, now: Date): Promise<void> {
    await sql.exec(`update applications set claimed_by = $2, claimed_by_name = $3, claimed_at = $4, version = version + 1, updated_at = $5 where id = $1`, [
      id,
      by?.sub ?? null,
      by?.name ?? null,
      by ? now : null,
      now,
    ]);
  },
};

/** An application as the caller's list shows it, with its page key. */
export type SummaryRow = Pick<ApplicationRow, 'id' | 'tracking_code' | 'plugin_id' | 'service_code' | 'channel' | 'status' | 'state' | 'created_at' | 'submitted_at'> & { page_at: string };

export interface QueueFilter {
  agency: string;
  state?: string;
  claimedBy?: string;
}

export interface EscalationRow {
  id: string;
  application_id: string;
  tracking_code: string;
  agency_code: string;
  service: string;
  state: string;
  due_at: Date;
  escalated_at: Date;
  page_at: string;
}

export interface OverdueRow {
  id: string;
  state: string;
  step_due_at: Date;
  tracking_code: string;
  agency_code: string;
  plugin_id: string;
  service_code: string;
}

export const escalationQueries = {
  /** Submitted files whose current step is past due and not yet escalated for that due time (locked, others skipped). */
  overdue(sql: Sql, now: Date): Promise<OverdueRow[]> {
    return sql.rows(
      `select a.id, a.state, a.step_due_at, a.tracking_code, a.agency_code, a.plugin_id, a.service_code from applications a
        where a.status = 'submitted' and a.step_due_at < $1
          and not exists (select 1 from escalations e where e.application_id = a.id and e.state = a.state and e.due_at = a.step_due_at)
        for update of a skip locked`,
      [now],
    );
  },
  /**
   * Issue 23 (sla): submitted files whose whole service is past due — its clock started at the SOP's
   * start event, never before it — not yet escalated for that due time (locked, others skipped).
   * `step_due_at` carries the service's due time here, so both kinds go through one path.
   */
  overdueService(sql: Sql, now: Date): Promise<OverdueRow[]> {
    return sql.rows(
      `select a.id, a.state, a.due_at as step_due_at, a.tracking_code, a.agency_code, a.plugin_id, a.service_code from applications a
        where a.status = 'submitted' and a.sla_started_at is not null and a.due_at < $1
          and not exists (select 1 from escalations e where e.application_id = a.id and e.due_at = a.due_at)
        for update of a skip locked`,
      [now],
    );
  },
  /** Records one escalation; false when (application, step, due time) was escalated already. */
  async record(sql: Sql, e: { tenantId: string; id: string; applicationId: string; state: string; dueAt: Date; now: Date }): Promise<boolean> {
    return (
      (await sql.maybe(
        `insert into escalations (tenant_id, id, application_id, state, due_at, escalated_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (tenant_id, application_id, state, due_at) do nothing returning id`,
        [e.tenantId, e.id, e.applicationId, e.state, e.dueAt, e.now],
      )) !== undefined
    );
  },
  /** One page of the tenant's escalations, newest first (keyset on escalated_at, id). */
  page(sql: Sql, after: readonly [string, string] | undefined, limit: number): Promise<EscalationRow[]> {
    return sql.rows(
      `select e.id, e.application_id, a.tracking_code, a.agency_code, a.plugin_id || '.' || a.service_code as service, e.state, e.due_at, e.escalated_at,
              e.escalated_at::text as page_at
         from escalations e join applications a on a.id = e.application_id
        where ($1::timestamptz is null or (e.escalated_at, e.id) < ($1::timestamptz, $2::uuid))
        order by e.escalated_at desc, e.id desc
        limit $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },
};

/** Issue 23 (sla): an open application's clocks, for computing its due dates again. */
export interface OpenDueRow {
  id: string;
  tracking_code: string;
  applicant_sub: string | null;
  plugin_id: string;
  plugin_version: string;
  service_code: string;
  agency_code: string;
  state: string;
  sla_started_at: Date | null;
  step_started_at: Date | null;
  due_at: Date | null;
  due_date: string | null;
  step_due_at: Date | null;
  step_due_date: string | null;
}

const DUE_COLUMNS = `id, tracking_code, applicant_sub, plugin_id, plugin_version, service_code, agency_code, state, sla_started_at, step_started_at,
  due_at, to_char(due_date, 'YYYY-MM-DD') as due_date, step_due_at, to_char(step_due_date, 'YYYY-MM-DD') as step_due_date`;

export const dueQueries = {
  /** The tenant's submitted applications with a running clock (read without locks: most keep their dates). */
  open(sql: Sql): Promise<OpenDueRow[]> {
    return sql.rows(
      `select ${DUE_COLUMNS} from applications where status = 'submitted' and (sla_started_at is not null or step_started_at is not null) order by id`,
    );
  },
  /** One of them again, locked before its dates change (a concurrent move waits, or has moved it first). */
  lockOpen(sql: Sql, id: string): Promise<OpenDueRow | undefined> {
    return sql.maybe(`select ${DUE_COLUMNS} from applications where id = $1 and status = 'submitted' for update`, [id]);
  },
  /** New due dates (a clock left out keeps its dates); a change, so a new version. */
  async set(sql: Sql, id: string, d: { overall?: { at: Date; date: string } | null; step?: { at: Date; date: string } | null }, now: Date): Promise<void> {
    await sql.exec(
      `update applications set
          due_at = case when $2 then $3::timestamptz else due_at end, due_date = case when $2 then $4::date else due_date end,
          step_due_at = case when $5 then $6::timestamptz else step_due_at end, step_due_date = case when $5 then $7::date else step_due_date end,
          version = version + 1, updated_at = $8
        where id = $1`,
      [id, d.overall !== undefined, d.overall?.at ?? null, d.overall?.date ?? null, d.step !== undefined, d.step?.at ?? null, d.step?.date ?? null, now],
    );
  },
};
