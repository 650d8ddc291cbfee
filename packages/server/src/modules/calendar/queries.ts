import type { Sql } from '@satupintu/db';

export interface HolidayRow {
  date: string;
  kind: 'national' | 'cuti-bersama';
  name: { id: string; en: string };
  decree: string;
}

export const calendarQueries = {
  holidays(sql: Sql, year?: number): Promise<HolidayRow[]> {
    return sql.rows(`select to_char(date, 'YYYY-MM-DD') as date, kind, name, decree from holidays where ($1::int is null or extract(year from date) = $1) order by date, kind`, [year ?? null]);
  },
  /** Holidays and cuti bersama from `from` to `to` (YYYY-MM-DD, inclusive). */
  holidaysBetween(sql: Sql, from: string, to: string): Promise<HolidayRow[]> {
    return sql.rows(`select to_char(date, 'YYYY-MM-DD') as date, kind, name, decree from holidays where date between $1::date and $2::date order by date, kind`, [from, to]);
  },
  async setHoliday(sql: Sql, h: HolidayRow & { by: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into holidays (date, kind, name, decree, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (date, kind) do update set name = excluded.name, decree = excluded.decree, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [h.date, h.kind, JSON.stringify(h.name), h.decree, h.by, h.now],
    );
  },
  deleteHoliday(sql: Sql, date: string, kind: string): Promise<number> {
    return sql.exec(`delete from holidays where date = $1 and kind = $2`, [date, kind]);
  },
  closures(sql: Sql): Promise<{ date: string }[]> {
    return sql.rows(`select to_char(date, 'YYYY-MM-DD') as date from tenant_closures order by date`);
  },
  /** Creates a closure; its version, or undefined when the date is already closed. */
  async insertClosure(sql: Sql, c: { tenantId: string; date: string; reason: { id: string; en: string }; by: string; now: Date }): Promise<number | undefined> {
    const row = await sql.maybe<{ version: number }>(
      `insert into tenant_closures (tenant_id, date, reason, created_by, created_at) values ($1, $2, $3, $4, $5) on conflict (tenant_id, date) do nothing returning version`,
      [c.tenantId, c.date, JSON.stringify(c.reason), c.by, c.now],
    );
    return row?.version;
  },
  /** The closure of a date, locked for its replacement. */
  lockClosure(sql: Sql, date: string): Promise<{ version: number } | undefined> {
    return sql.maybe(`select version from tenant_closures where date = $1 for update`, [date]);
  },
  /** Replaces a closure's reason; its new version. */
  async replaceClosure(sql: Sql, date: string, reason: { id: string; en: string }): Promise<number> {
    const row = await sql.one<{ version: number }>(`update tenant_closures set reason = $2, version = version + 1 where date = $1 returning version`, [date, JSON.stringify(reason)]);
    return row.version;
  },
};
