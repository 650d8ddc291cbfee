import { createHash } from 'node:crypto';
import { newId } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import type { ApplicationRecord, ComplaintRecord, HistoryRecord, ImportFormat, ImportKind, SkmRecord, VisitRecord } from './formats.js';

export interface BatchRow {
  id: string;
  kind: ImportKind;
  format: ImportFormat;
  source: string | null;
  file_sha256: string;
  rows_total: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  dropped_columns: string[];
  earliest_date: string | null;
  latest_date: string | null;
  created_by: string;
  created_at: Date;
  published_at: Date | null;
  reverted_by: string | null;
  reverted_at: Date | null;
}

/** An imported SKM answer's token digest: the digest of its key, so the unique digest makes the import idempotent. */
export const skmDigest = (key: string) => createHash('sha256').update(`import:${key}`).digest('hex');

const BATCH_COLUMNS = `id, kind, format, source, file_sha256, rows_total, accepted, rejected, duplicates, dropped_columns, earliest_date::text, latest_date::text, created_by, created_at, published_at, reverted_by, reverted_at`;

/** Inserts in chunks (one statement each, arrays unnested), so a 5,000-row file is 5 statements, not 5,000. */
const CHUNK = 1000;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

export const historyQueries = {
  async insertBatch(sql: Sql, b: Omit<BatchRow, 'published_at' | 'created_at' | 'reverted_by' | 'reverted_at'> & { tenantId: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into import_batches (tenant_id, id, kind, format, file_sha256, rows_total, accepted, rejected, duplicates, dropped_columns, earliest_date, latest_date, created_by, created_at, source)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [b.tenantId, b.id, b.kind, b.format, b.file_sha256, b.rows_total, b.accepted, b.rejected, b.duplicates, b.dropped_columns, b.earliest_date, b.latest_date, b.created_by, b.now, b.source],
    );
  },

  async finishBatch(sql: Sql, id: string, accepted: number, duplicates: number, earliest: string | null, latest: string | null): Promise<void> {
    await sql.exec(`update import_batches set accepted = $2, duplicates = $3, earliest_date = $4, latest_date = $5 where id = $1`, [id, accepted, duplicates, earliest, latest]);
  },

  batches(sql: Sql, limit: number): Promise<BatchRow[]> {
    return sql.rows(`select ${BATCH_COLUMNS} from import_batches order by created_at desc, id desc limit $1`, [limit]);
  },

  batch(sql: Sql, id: string, lock = false): Promise<BatchRow | undefined> {
    return sql.maybe(`select ${BATCH_COLUMNS} from import_batches where id = $1${lock ? ' for update' : ''}`, [id]);
  },

  /**
   * Takes a batch's rows out (an application's delete trigger writes its −1 deltas) and marks the
   * batch reverted and unpublished, so the next rollup republishes its weeks without it.
   */
  async revert(sql: Sql, b: Pick<BatchRow, 'id' | 'kind'>, actor: string, now: Date): Promise<number> {
    const table = { applications: 'history_applications', visits: 'history_visits', complaints: 'history_complaints', skm: 'skm_responses' }[b.kind];
    const removed = await sql.exec(`delete from ${table} where ${b.kind === 'skm' ? 'import_batch_id' : 'batch_id'} = $1`, [b.id]);
    await sql.exec(`update import_batches set reverted_by = $2, reverted_at = $3, published_at = null where id = $1`, [b.id, actor, now]);
    if (b.kind === 'applications')
      // The first and last application times the rollup keeps only ever widen: recount them without the batch.
      await sql.exec(
        `with a as (select submitted_at as at, channel from applications where status <> 'draft' and submitted_at is not null
                    union all select submitted_at, channel from history_applications)
         update rollup_state set first_online_at = (select min(at) from a where channel in ('online', 'assisted')),
                                 last_online_at = (select max(at) from a where channel in ('online', 'assisted')),
                                 last_application_at = (select max(at) from a)`,
      );
    return removed;
  },

  /** Keys of these records already stored (by an earlier batch). */
  async existing(sql: Sql, kind: ImportKind, keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks(keys)) {
      if (kind === 'skm') {
        const digests = new Map(part.map((k) => [skmDigest(k), k]));
        const rows = await sql.rows<{ d: string }>(`select token_digest as d from skm_responses where token_digest = any($1::text[])`, [[...digests.keys()]]);
        for (const r of rows) found.add(digests.get(r.d)!);
      } else {
        const table = { applications: 'history_applications', visits: 'history_visits', complaints: 'history_complaints' }[kind];
        const rows = await sql.rows<{ k: string }>(`select external_key as k from ${table} where external_key = any($1::text[])`, [part]);
        for (const r of rows) found.add(r.k);
      }
    }
    return found;
  },

  /** Stores the records (a key already stored is skipped: ON CONFLICT DO NOTHING) and answers how many were new. */
  async insert(sql: Sql, tenantId: string, batchId: string, records: readonly HistoryRecord[]): Promise<number> {
    let inserted = 0;
    for (const part of chunks(records)) {
      const ids = part.map(() => newId());
      const keys = part.map((r) => r.key);
      const kind = part[0]!.kind;
      if (kind === 'applications') {
        const r = part as ApplicationRecord[];
        inserted += await sql.exec(
          `insert into history_applications (tenant_id, id, batch_id, external_key, agency_code, service_code, channel, submitted_at, completed_at, status, sla_met)
           select $1, * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[], $11::boolean[])
           on conflict (tenant_id, external_key) do nothing`,
          [tenantId, ids, ids.map(() => batchId), keys, r.map((x) => x.agency), r.map((x) => x.service), r.map((x) => x.channel), r.map((x) => x.submittedAt), r.map((x) => x.completedAt), r.map((x) => x.status), r.map((x) => x.slaMet)],
        );
      } else if (kind === 'visits') {
        const r = part as VisitRecord[];
        inserted += await sql.exec(
          `insert into history_visits (tenant_id, id, batch_id, external_key, visited_at, local_date, agency_code, service_code, kind)
           select $1, * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::date[], $7::text[], $8::text[], $9::text[])
           on conflict (tenant_id, external_key) do nothing`,
          [tenantId, ids, ids.map(() => batchId), keys, r.map((x) => x.visitedAt), r.map((x) => x.localDate), r.map((x) => x.agency), r.map((x) => x.service), r.map((x) => x.visitKind)],
        );
      } else if (kind === 'complaints') {
        const r = part as ComplaintRecord[];
        inserted += await sql.exec(
          `insert into history_complaints (tenant_id, id, batch_id, external_key, received_at, answered_at, answered_on_time, channel, category, status, agency_code)
           select $1, * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[])
           on conflict (tenant_id, external_key) do nothing`,
          [tenantId, ids, ids.map(() => batchId), keys, r.map((x) => x.receivedAt), r.map((x) => x.answeredAt), r.map((x) => x.answeredOnTime), r.map((x) => x.channel), r.map((x) => x.category), r.map((x) => x.status), r.map((x) => x.agency)],
        );
      } else {
        const r = part as SkmRecord[];
        const score = (i: number) => r.map((x) => x.scores[i]);
        // The profile is not needed by any aggregate: '-' (unknown), never a guess.
        inserted += await sql.exec(
          `insert into skm_responses (tenant_id, id, import_batch_id, token_digest, local_date, plugin_id, service_code, agency_code, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation)
           select $1, *, '-', '-', '-', '-' from unnest($2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[],
                                                     $9::smallint[], $10::smallint[], $11::smallint[], $12::smallint[], $13::smallint[], $14::smallint[], $15::smallint[], $16::smallint[], $17::smallint[])
           on conflict (tenant_id, token_digest) do nothing`,
          [tenantId, ids, ids.map(() => batchId), keys.map(skmDigest), r.map((x) => x.localDate), r.map((x) => x.plugin), r.map((x) => x.service), r.map((x) => x.agency), ...Array.from({ length: 9 }, (_, i) => score(i))],
        );
      }
    }
    return inserted;
  },
};

export interface VisitRow {
  period: string;
  agency_code: string;
  walk_in: number;
  booked: number;
}

export type VisitGrain = 'day' | 'week' | 'month';

/** Visits of one tenant (under its RLS) per period and agency: checked-in bookings, walk-in queue tickets, imported visits. */
export const visitQueries = {
  byPeriod(sql: Sql, from: string, to: string, by: VisitGrain): Promise<VisitRow[]> {
    return sql.rows(
      `with v as (${VISITS_DAILY_SOURCE})
       select date_trunc($3::text, local_date::timestamp)::date::text as period, agency_code,
              count(*) filter (where kind = 'walk-in')::int as walk_in, count(*) filter (where kind = 'booked')::int as booked
         from v group by 1, 2 order by 1, 2`,
      [from, to, by],
    );
  },
};

/**
 * Every visit of the tenant between local dates $1 and $2 as (local_date, agency_code, kind): a
 * booking checked in (called, served) on its session's day — a walk-in seat counts as walk-in —,
 * a walk-in queue ticket on its day, an imported visit. A ticket is never issued for a booking, so nothing counts twice.
 */
export const VISITS_DAILY_SOURCE = `
  select s.local_date, s.agency_code, case when b.channel = 'walk-in' then 'walk-in' else 'booked' end as kind
    from bookings b join sessions s on s.id = b.session_id
   where b.status in ('checked-in', 'called', 'served') and s.local_date between $1::date and $2::date
  union all
  select local_date, agency_code, 'walk-in' from queue_tickets where local_date between $1::date and $2::date
  union all
  select local_date, agency_code, kind from history_visits where local_date between $1::date and $2::date`;
