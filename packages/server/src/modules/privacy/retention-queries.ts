import { newId } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import type { RetentionOverride } from './retention.js';

/**
 * The statements of the retention purge (retention.ts). They touch other modules' tables on
 * purpose: the retention schedule is one policy, reviewed as one (docs/privacy.md), and every
 * statement here only deletes, blanks or annotates rows past their period. Each takes at most
 * `limit` rows, locked (`skip locked`: a row someone is working on waits for the next run).
 */

/** What one batch removed: rows, and the objects to delete from the bucket once it commits. */
export interface Purged {
  rows: number;
  keys: string[];
}

const none: Purged = { rows: 0, keys: [] };
const SYSTEM = { sub: 'system', name: 'Satupintu' };

export const retentionQueries = {
  /** The regency's own periods (privacy_retention). */
  overrides(sql: Sql): Promise<RetentionOverride[]> {
    return sql.rows(`select code, days, basis, version, updated_by, updated_at from privacy_retention order by code`);
  },

  override(sql: Sql, code: string, lock = false): Promise<RetentionOverride | undefined> {
    return sql.maybe(`select code, days, basis, version, updated_by, updated_at from privacy_retention where code = $1${lock ? ' for update' : ''}`, [code]);
  },

  /** Sets one period: a first row at version 1, else the next version. */
  async setOverride(sql: Sql, o: { tenantId: string; code: string; days: number; basis: string; by: string; at: Date }): Promise<RetentionOverride> {
    return sql.one(
      `insert into privacy_retention (tenant_id, code, days, basis, version, updated_by, updated_at) values ($1, $2, $3, $4, 1, $5, $6)
       on conflict (tenant_id, code) do update set days = excluded.days, basis = excluded.basis, version = privacy_retention.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
       returning code, days, basis, version, updated_by, updated_at`,
      [o.tenantId, o.code, o.days, o.basis, o.by, o.at],
    );
  },

  /** Drafts untouched since `cutoff`, never submitted, that no complaint names: deleted with their documents (and log, by cascade). */
  async drafts(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const ids = (
      await sql.rows<{ id: string }>(
        `select a.id from applications a
          where a.status = 'draft' and a.updated_at < $1
            and not exists (select 1 from complaints c where c.application_id = a.id)
          order by a.updated_at limit $2 for update of a skip locked`,
        [cutoff, limit],
      )
    ).map((r) => r.id);
    if (!ids.length) return none;
    const keys = (await sql.rows<{ object_key: string }>(`select object_key from application_documents where application_id = any($1::uuid[])`, [ids])).map((r) => r.object_key);
    const rows = await sql.exec(`delete from applications where id = any($1::uuid[]) and status = 'draft'`, [ids]);
    return { rows, keys };
  },

  /**
   * Supporting documents (uploads and journey copies) of applications closed with one of
   * `statuses` before `cutoff`: rows and objects go; the application, its timeline and its issued
   * outputs stay. Each application gets a timeline entry saying so, and a new version (its ETag).
   */
  async closedDocuments(sql: Sql, statuses: readonly string[], cutoff: Date, limit: number, now: Date, tenantId: string): Promise<Purged> {
    const docs = await sql.rows<{ id: string; object_key: string; application_id: string }>(
      `select d.id, d.object_key, d.application_id from application_documents d join applications a on a.id = d.application_id
        where a.status = any($1::text[]) and a.completed_at < $2
        order by a.completed_at limit $3 for update of d skip locked`,
      [statuses, cutoff, limit],
    );
    if (!docs.length) return none;
    const rows = await sql.exec(`delete from application_documents where id = any($1::uuid[])`, [docs.map((d) => d.id)]);
    const perApp = new Map<string, number>();
    for (const d of docs) perApp.set(d.application_id, (perApp.get(d.application_id) ?? 0) + 1);
    const apps = [...perApp.keys()];
    await sql.exec(`update applications set version = version + 1 where id = any($1::uuid[])`, [apps]);
    await sql.exec(
      `insert into application_events (tenant_id, application_id, id, at, actor_sub, actor_name, actor_role, action, from_state, to_state, comment)
       select $1::uuid, app, ev, $4::timestamptz, $5, $6, 'system', 'documents-purged', null, null, msg
         from unnest($2::uuid[], $3::uuid[], $7::text[]) as u(app, ev, msg)`,
      [tenantId, apps, apps.map(() => newId()), now, SYSTEM.sub, SYSTEM.name, apps.map((a) => purgeNote(perApp.get(a)!, 'berkas pendukung', 'supporting document(s)'))],
    );
    return { rows, keys: docs.map((d) => d.object_key) };
  },

  /** Attachments of complaints closed (or rejected) before `cutoff`: rows and objects go; the complaint and its thread stay, with a note. */
  async complaintAttachments(sql: Sql, cutoff: Date, limit: number, now: Date, tenantId: string): Promise<Purged> {
    const atts = await sql.rows<{ id: string; object_key: string; complaint_id: string }>(
      `select a.id, a.object_key, a.complaint_id from complaint_attachments a join complaints c on c.id = a.complaint_id
        where c.status in ('closed', 'rejected') and c.closed_at < $1
        order by c.closed_at limit $2 for update of a skip locked`,
      [cutoff, limit],
    );
    if (!atts.length) return none;
    const rows = await sql.exec(`delete from complaint_attachments where id = any($1::uuid[])`, [atts.map((a) => a.id)]);
    const perComplaint = new Map<string, number>();
    for (const a of atts) perComplaint.set(a.complaint_id, (perComplaint.get(a.complaint_id) ?? 0) + 1);
    const ids = [...perComplaint.keys()];
    await sql.exec(`update complaints set version = version + 1 where id = any($1::uuid[])`, [ids]);
    await sql.exec(
      `insert into complaint_messages (tenant_id, complaint_id, id, at, author_sub, author_name, author_role, kind, body, internal)
       select $1::uuid, c, m, $4::timestamptz, $5, $6, 'system', 'attachments-purged', msg, false
         from unnest($2::uuid[], $3::uuid[], $7::text[]) as u(c, m, msg)`,
      [tenantId, ids, ids.map(() => newId()), now, SYSTEM.sub, SYSTEM.name, ids.map((c) => purgeNote(perComplaint.get(c)!, 'lampiran', 'attachment(s)'))],
    );
    return { rows, keys: atts.map((a) => a.object_key) };
  },

  /**
   * Complainants' contact details (name, phone, e-mail, NIK) of complaints closed (or rejected)
   * before `cutoff`: blanked; the complaint, its thread and its statistics stay, with a note. The
   * account link stays, so the person still finds their own complaint.
   */
  async complaintContacts(sql: Sql, cutoff: Date, limit: number, now: Date, tenantId: string): Promise<Purged> {
    const ids = (
      await sql.rows<{ id: string }>(
        `select id from complaints where status in ('closed', 'rejected') and closed_at < $1 and complainant <> '{}'::jsonb
          order by closed_at limit $2 for update skip locked`,
        [cutoff, limit],
      )
    ).map((r) => r.id);
    if (!ids.length) return none;
    const rows = await sql.exec(`update complaints set complainant = '{}'::jsonb, version = version + 1 where id = any($1::uuid[])`, [ids]);
    await sql.exec(
      `insert into complaint_messages (tenant_id, complaint_id, id, at, author_sub, author_name, author_role, kind, body, internal)
       select $1::uuid, c, m, $4::timestamptz, $5, $6, 'system', 'contact-purged', $7, false
         from unnest($2::uuid[], $3::uuid[]) as u(c, m)`,
      [tenantId, ids, ids.map(() => newId()), now, SYSTEM.sub, SYSTEM.name, 'Jadwal retensi: data kontak pelapor dihapus (UU 27/2022). / Retention schedule: the complainant’s contact details were deleted (UU 27/2022).'],
    );
    return { rows, keys: [] };
  },

  /** Access-log entries older than `cutoff`. */
  async accessLog(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(`delete from personal_data_access where id in (select id from personal_data_access where at < $1 order by at limit $2)`, [cutoff, limit]);
    return { rows, keys: [] };
  },

  /** Finished webhook deliveries (anything but pending) created before `cutoff`, with their attempts (cascade): their payloads carry complainants' contact data. */
  async webhookDeliveries(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(
      `delete from complaint_webhook_deliveries where id in (select id from complaint_webhook_deliveries where status <> 'pending' and created_at < $1 order by created_at limit $2 for update skip locked)`,
      [cutoff, limit],
    );
    return { rows, keys: [] };
  },

  /** Bookings of sessions that ended before `cutoff`: the name goes and the account link is replaced by a per-booking placeholder (counts and statuses stay). */
  async bookings(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(
      `update bookings set applicant_name = null, applicant_sub = 'anonymised:' || id::text
        where id in (select b.id from bookings b join sessions s on s.id = b.session_id
                      where s.ends_at < $1 and b.applicant_sub not like 'anonymised:%' limit $2 for update of b skip locked)`,
      [cutoff, limit],
    );
    return { rows, keys: [] };
  },

  /** Notices (outbox) created before `cutoff`, sent or not: a notice that old is no longer news; what happened is on the record itself. */
  async notices(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(`delete from notification_outbox where id in (select id from notification_outbox where created_at < $1 order by created_at limit $2 for update skip locked)`, [cutoff, limit]);
    return { rows, keys: [] };
  },

  /**
   * The SKM token goes from its invitation notice once the notice was sent or the invitation was
   * answered or expired: with the token, a notice (which names the citizen) would tie an
   * anonymous response (which keeps the token's digest) back to its respondent.
   */
  async surveyTokens(sql: Sql, now: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(
      `update notification_outbox set payload = payload - 'token'
        where id in (select o.id from notification_outbox o
                      where o.kind = 'skm.invitation' and o.payload->>'token' is not null
                        and (o.sent_at is not null
                             or exists (select 1 from skm_invitations i where i.id::text = o.payload->>'invitation' and (i.token is null or i.expires_at <= $1)))
                      limit $2 for update of o skip locked)`,
      [now, limit],
    );
    return { rows, keys: [] };
  },

  /**
   * The same for the message that carried the invitation (its text and link hold the token): once
   * it is past sending (sent, delivered, read or failed for good) or the invitation was answered or
   * expired, the token in its link is replaced.
   */
  async surveyTokenMessages(sql: Sql, now: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(
      `update notifications set body = regexp_replace(body, 'token=[A-Za-z0-9_-]+', 'token=-', 'g'),
              personalisation = jsonb_set(personalisation, '{link}', to_jsonb(regexp_replace(coalesce(personalisation->>'link', ''), 'token=[A-Za-z0-9_-]+', 'token=-', 'g')))
        where id in (select n.id from notifications n
                      where n.event = 'skm.invitation' and n.body ~ 'token=[A-Za-z0-9_-]{2,}'
                        and (n.status in ('sent', 'delivered', 'read', 'permanent-failure', 'technical-failure')
                             or exists (select 1 from skm_invitations i where 'skm.invitation:' || i.id::text = n.dedupe_key and (i.token is null or i.expires_at <= $1)))
                      limit $2 for update of n skip locked)`,
      [now, limit],
    );
    return { rows, keys: [] };
  },

  /** Messages (with their status logs, by cascade) created before `cutoff`: where and what was sent to a person. */
  async messages(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(`delete from notifications where id in (select id from notifications where created_at < $1 order by created_at limit $2 for update skip locked)`, [cutoff, limit]);
    return { rows, keys: [] };
  },

  /** Numbers and addresses a person replaced or withdrew, removed before `cutoff` (the consent ledger keeps only a digest). */
  async oldContacts(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(`delete from notification_contacts where id in (select id from notification_contacts where removed_at < $1 limit $2 for update skip locked)`, [cutoff, limit]);
    return { rows, keys: [] };
  },

  /** Finished signed-event deliveries (and their attempts) created before `cutoff`. */
  async eventDeliveries(sql: Sql, cutoff: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(`delete from event_deliveries where id in (select id from event_deliveries where status <> 'pending' and created_at < $1 order by created_at limit $2 for update skip locked)`, [cutoff, limit]);
    return { rows, keys: [] };
  },

  /** An answered or expired SKM invitation no longer needs to know whom it invited. */
  async surveyInvitations(sql: Sql, now: Date, limit: number): Promise<Purged> {
    const rows = await sql.exec(
      `update skm_invitations set respondent_sub = null
        where id in (select id from skm_invitations where respondent_sub is not null and (responded_on is not null or expires_at <= $1) limit $2 for update skip locked)`,
      [now, limit],
    );
    return { rows, keys: [] };
  },
};

/** The record's note about what the purge removed, in both languages. */
function purgeNote(n: number, id: string, en: string): string {
  return `Jadwal retensi: ${n} ${id} dihapus (UU 27/2022). / Retention schedule: ${n} ${en} deleted (UU 27/2022).`;
}
