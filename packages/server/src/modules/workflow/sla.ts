import { addWorkingDays, endOfLocalDay, localDate, type CalendarDays, type Tenant } from '@satupintu/core';
import { withTenant, type Databases } from '@satupintu/db';
import type { Duration } from '@satupintu/plugin-sdk';

export interface Due {
  at: Date;
  /** Local date (tenant time zone) the SLA ends on. */
  date: string;
}

/**
 * SLA due dates in hari kerja, from holiday data (control plane, maintained through the API and
 * effective at once) and the tenant's own closures (its home region).
 */
export class SlaCalendar {
  constructor(private readonly dbs: Databases) {}

  private async days(t: Tenant, from: string, to: string): Promise<CalendarDays> {
    const rows = (await this.dbs.control.query(`select to_char(date, 'YYYY-MM-DD') as date, kind from holidays where date between $1 and $2`, [from, to])) as { date: string; kind: string }[];
    const closures = await withTenant(this.dbs.region(t.homeRegion), t.id, (em) => em.query(`select to_char(date, 'YYYY-MM-DD') as date from tenant_closures where date between $1 and $2`, [from, to]) as Promise<{ date: string }[]>);
    return {
      holidays: new Set(rows.filter((r) => r.kind === 'national').map((r) => r.date)),
      cutiBersama: new Set(rows.filter((r) => r.kind === 'cuti-bersama').map((r) => r.date)),
      closures: new Set(closures.map((c) => c.date)),
    };
  }

  /** When a duration that starts at `from` ends; working days count from the next working day. */
  async due(t: Tenant, from: Date, d: Duration, cutiBersamaIsWorkingDay: boolean): Promise<Due> {
    if (d.unit !== 'working-days') {
      const at = new Date(from.getTime() + d.value * (d.unit === 'hours' ? 3_600_000 : 60_000));
      return { at, date: localDate(at, t.timeZone) };
    }
    const start = localDate(from, t.timeZone);
    // Enough calendar room for the longest Indonesian holiday stretch.
    const horizon = new Date(from.getTime() + (Math.ceil(d.value) * 2 + 45) * 86_400_000);
    const days = await this.days(t, start, localDate(horizon, t.timeZone));
    const date = addWorkingDays(start, d.value, days, { cutiBersamaIsWorkingDay });
    return { at: endOfLocalDay(date, t.timeZone), date };
  }
}
