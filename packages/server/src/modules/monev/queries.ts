import type { Sql } from '@satupintu/db';

/** One tenant of the directory with its national weekly sums over a period (control plane, aggregates only). */
export interface PeriodFiguresRow {
  id: string;
  slug: string;
  code: string;
  name: string;
  province_code: string;
  province_name: string;
  mpp_status: string;
  launched_on: string | null;
  online: number;
  assisted: number;
  counter: number;
  completed: number;
  completed_on_time: number;
  skm_responses: number;
  skm_sums: number[] | null;
}

/** Online (self and assisted) applications of one tenant's launch window. */
export interface LaunchWindowRow {
  id: string;
  slug: string;
  name: string;
  province_code: string;
  launched_on: string;
  online: number;
  weeks_published: number;
}

export interface AlertRow {
  tenant_id: string;
  slug: string;
  name: string;
  kind: 'lowest-in-region' | 'no-online-after-launch';
  indicator: 'online-share' | 'sla-compliance' | 'ikm' | 'online-applications';
  period_from: string;
  period_to: string;
  province_code: string;
  status: 'raised' | 'cleared';
  value: number | null;
  threshold: number | null;
  peers: number;
  detail: Record<string, unknown>;
  raised_at: Date;
  cleared_at: Date | null;
  evaluated_at: Date;
  /** The page key: period_to and the natural key as text. */
  page_to: string;
  page_key: string;
}

export interface AlertUpsert {
  tenantId: string;
  kind: AlertRow['kind'];
  indicator: AlertRow['indicator'];
  from: string;
  to: string;
  provinceCode: string;
  value: number | null;
  threshold: number | null;
  peers: number;
  detail: Record<string, unknown>;
}

const ALERT_COLUMNS = `a.tenant_id, t.slug, t.name, a.kind, a.indicator, a.period_from::text as period_from, a.period_to::text as period_to, a.province_code, a.status,
  a.value, a.threshold, a.peers, a.detail, a.raised_at, a.cleared_at, a.evaluated_at, a.period_to::text as page_to,
  a.tenant_id::text || ':' || a.kind || ':' || a.indicator || ':' || a.period_from::text as page_key`;

export const monevQueries = {
  /** Serialises evaluations (the job and the API may overlap): one at a time, for the transaction. */
  async lock(sql: Sql): Promise<void> {
    await sql.exec(`select pg_advisory_xact_lock(hashtext('monev.alerts'))`);
  },

  /** Every tenant (or one) with its published weekly sums for the ISO weeks starting in [from, to]. */
  periodFigures(sql: Sql, f: { from: string; to: string; tenantId?: string }): Promise<PeriodFiguresRow[]> {
    return sql.rows(
      `select t.id, t.slug, t.code, t.name, t.province_code, t.province_name, t.mpp_status, t.launched_on::text as launched_on,
              coalesce(sum(w.online), 0)::int as online, coalesce(sum(w.assisted), 0)::int as assisted, coalesce(sum(w.counter), 0)::int as counter,
              coalesce(sum(w.completed), 0)::int as completed, coalesce(sum(w.completed_on_time), 0)::int as completed_on_time,
              coalesce(sum(w.skm_responses), 0)::int as skm_responses,
              case when count(w.week_start) = 0 then null else
                array[sum(w.skm_sums[1]), sum(w.skm_sums[2]), sum(w.skm_sums[3]), sum(w.skm_sums[4]), sum(w.skm_sums[5]), sum(w.skm_sums[6]), sum(w.skm_sums[7]), sum(w.skm_sums[8]), sum(w.skm_sums[9])]::int[] end as skm_sums
         from tenants t
         left join national_weekly w on w.tenant_id = t.id and w.week_start >= date_trunc('week', $1::date)::date and w.week_start <= $2::date
        where (($3::uuid is null and t.sandbox_of is null) or t.id = $3)  -- sandboxes never in national figures (ADR 0031)
        group by t.id order by t.code`,
      [f.from, f.to, f.tenantId ?? null],
    );
  },

  /**
   * Tenants launched with a whole launch window (the `weeks` ISO weeks from the launch week)
   * overlapping [from, to] and ended before `today`, with the window's online applications.
   */
  launchWindows(sql: Sql, f: { from: string; to: string; weeks: number; today: string }): Promise<LaunchWindowRow[]> {
    return sql.rows(
      `with t as (select id, slug, name, province_code, launched_on, date_trunc('week', launched_on)::date as ws from tenants where launched_on is not null and sandbox_of is null)
       select t.id, t.slug, t.name, t.province_code, t.launched_on::text as launched_on,
              coalesce(sum(w.online + w.assisted), 0)::int as online, count(w.week_start)::int as weeks_published
         from t left join national_weekly w on w.tenant_id = t.id and w.week_start >= t.ws and w.week_start < t.ws + 7 * $3::int
        where t.ws <= $2::date and t.ws + 7 * $3::int - 1 >= $1::date and t.ws + 7 * $3::int - 1 < $4::date
        group by t.id, t.slug, t.name, t.province_code, t.launched_on`,
      [f.from, f.to, f.weeks, f.today],
    );
  },

  /** Raises (or keeps raised) one alert; true when it was not raised before (new, or raised again after a clear). */
  async raise(sql: Sql, a: AlertUpsert, now: Date): Promise<boolean> {
    const r = await sql.one<{ fresh: boolean }>(
      `with before as (select status from monev_alerts where tenant_id = $1 and kind = $2 and indicator = $3 and period_from = $4 and period_to = $5),
            up as (
              insert into monev_alerts (tenant_id, kind, indicator, period_from, period_to, province_code, status, value, threshold, peers, detail, raised_at, evaluated_at)
              values ($1, $2, $3, $4, $5, $6, 'raised', $7, $8, $9, $10, $11, $11)
              on conflict (tenant_id, kind, indicator, period_from, period_to) do update set
                province_code = excluded.province_code, value = excluded.value, threshold = excluded.threshold, peers = excluded.peers, detail = excluded.detail,
                raised_at = case when monev_alerts.status = 'cleared' then excluded.raised_at else monev_alerts.raised_at end,
                status = 'raised', cleared_at = null, evaluated_at = excluded.evaluated_at
              returning 1)
       select coalesce((select status from before), 'cleared') = 'cleared' as fresh from up`,
      [a.tenantId, a.kind, a.indicator, a.from, a.to, a.provinceCode, a.value, a.threshold, a.peers, JSON.stringify(a.detail), now],
    );
    return r.fresh;
  },

  /**
   * Clears the raised alerts of a kind (and indicators) in scope that this evaluation did not
   * raise again: for `exact`, those of exactly [from, to]; otherwise those overlapping it.
   */
  async clear(sql: Sql, f: { kind: AlertRow['kind']; indicators: readonly string[]; from: string; to: string; exact: boolean; keep: readonly string[] }, now: Date): Promise<number> {
    const rows = await sql.rows(
      `update monev_alerts set status = 'cleared', cleared_at = $6, evaluated_at = $6
        where status = 'raised' and kind = $1 and indicator = any($2::text[])
          and (case when $5::boolean then period_from = $3::date and period_to = $4::date else period_from <= $4::date and period_to >= $3::date end)
          and not (tenant_id::text || ':' || indicator || ':' || period_from::text || ':' || period_to::text = any($7::text[]))
        returning 1`,
      [f.kind, f.indicators, f.from, f.to, f.exact, now, f.keep],
    );
    return rows.length;
  },

  /** One page of alerts, latest period first: `limit` rows after the key (period_to, natural key). */
  page(
    sql: Sql,
    f: { tenantId?: string; status?: string; kind?: string; province?: string; from?: string; to?: string },
    after: readonly [string, string] | undefined,
    limit: number,
  ): Promise<AlertRow[]> {
    return sql.rows(
      `select ${ALERT_COLUMNS} from monev_alerts a join tenants t on t.id = a.tenant_id
        where ($1::uuid is null or a.tenant_id = $1) and ($2::text is null or a.status = $2) and ($3::text is null or a.kind = $3)
          and ($4::text is null or a.province_code = $4) and ($5::date is null or a.period_to >= $5) and ($6::date is null or a.period_from <= $6)
          and ($7::date is null or a.period_to < $7::date or (a.period_to = $7::date and a.tenant_id::text || ':' || a.kind || ':' || a.indicator || ':' || a.period_from::text > $8))
        order by a.period_to desc, page_key asc limit $9`,
      [f.tenantId ?? null, f.status ?? null, f.kind ?? null, f.province ?? null, f.from ?? null, f.to ?? null, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },

  /** Raised alerts of one tenant overlapping a period (the evidence pack's view). */
  raisedOf(sql: Sql, tenantId: string, from: string, to: string): Promise<AlertRow[]> {
    return sql.rows(
      `select ${ALERT_COLUMNS} from monev_alerts a join tenants t on t.id = a.tenant_id
        where a.tenant_id = $1 and a.status = 'raised' and a.period_from <= $3::date and a.period_to >= $2::date order by a.period_to desc, page_key`,
      [tenantId, from, to],
    );
  },
};
