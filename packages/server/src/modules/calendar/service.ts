import type { CalendarDays } from '@satupintu/core';
import type { HeardChange, Sql, TenantTx, UnitOfWork } from '@satupintu/db';
import type { WorkCalendar } from '@satupintu/workflow';
import type { Ctx, TenantCtx } from '../../context.js';
import { preconditionFailed } from '../../http/problems.js';
import { checkPreconditions, etagMatches, etagOf, type Preconditions } from '../../preconditions.js';
import { holidayNotFound } from './errors.js';
import { calendarQueries, type HolidayRow } from './queries.js';
import type { ClosureView } from './schemas.js';
import type { JobSender } from '../../jobs/spec.js';

/** Issue 23 (sla): the job that computes open applications' due dates again after a calendar change (applications/recompute.ts runs it). */
export const RECOMPUTE_DUES_JOB = 'sla.recompute';

/**
 * A closure is create-or-replace of one date, so a PUT without If-Match replaces it (a retried PUT
 * must not fail); one that quotes an ETag must quote the current one, and `If-None-Match: *` only
 * creates.
 */
function checkClosurePreconditions(pre: Preconditions, current: string): void {
  if (pre.ifMatch !== undefined) return checkPreconditions(pre, current);
  if (pre.ifNoneMatch !== undefined && etagMatches(pre.ifNoneMatch, current, 'weak')) throw preconditionFailed(current);
}

/**
 * The working-day calendar SLAs are counted on: national holidays and cuti bersama (control plane,
 * maintained through the API, effective at once) and each tenant's own closures (its region). Both
 * are small and change rarely, so every process keeps them in memory until a change notice.
 */
export class CalendarService {
  private national?: Promise<{ holidays: Set<string>; cutiBersama: Set<string>; rows: HolidayRow[] }>;
  private readonly closures = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly control: Sql,
    /** Issue 23 (sla): where a change of the calendar asks for due dates to be computed again, and the regions it asks. */
    private readonly jobs?: JobSender,
    private readonly regions: readonly string[] = [],
  ) {}

  /**
   * Issue 23 (sla): asks each region concerned (after the change commits) to compute its open
   * applications' due dates again (`sla.recompute`, applications/recompute.ts); one queued run per
   * scope stands for any number of changes (singleton key).
   */
  async duesChanged(scope: { region: string; tenantId: string } | 'all'): Promise<void> {
    if (!this.jobs) return;
    const targets = scope === 'all' ? this.regions.map((region) => ({ region })) : [{ region: scope.region, tenantId: scope.tenantId }];
    for (const t of targets) await this.jobs.send(t.region, RECOMPUTE_DUES_JOB, t, { singletonKey: `${t.region}:${'tenantId' in t ? t.tenantId : 'all'}` });
  }

  /** The tenant's calendar as stored now, past every process's cache (the recompute job: a change notice may still be on its way). */
  async freshForTenant(ctx: Pick<TenantCtx, 'tenant'>, tx: Pick<TenantTx, 'sql'>): Promise<WorkCalendar> {
    const rows = await calendarQueries.holidays(this.control);
    const closures = new Set((await calendarQueries.closures(tx.sql)).map((r) => r.date));
    const days: CalendarDays = {
      holidays: new Set(rows.filter((r) => r.kind === 'national').map((r) => r.date)),
      cutiBersama: new Set(rows.filter((r) => r.kind === 'cuti-bersama').map((r) => r.date)),
      closures,
    };
    return { timeZone: ctx.tenant.timeZone, days };
  }

  heard(change: HeardChange): void {
    if (change.kind === 'everything' || change.kind === 'holidays') this.national = undefined;
    if (change.kind === 'everything') this.closures.clear();
    if (change.kind === 'closures' || change.kind === 'tenant') this.closures.delete(change.tenantId);
  }

  private nationalDays() {
    if (!this.national) {
      const p = calendarQueries.holidays(this.control).then((rows) => ({
        holidays: new Set(rows.filter((r) => r.kind === 'national').map((r) => r.date)),
        cutiBersama: new Set(rows.filter((r) => r.kind === 'cuti-bersama').map((r) => r.date)),
        rows,
      }));
      p.catch(() => (this.national = undefined));
      this.national = p;
    }
    return this.national;
  }

  /** The tenant's calendar (holidays, cuti bersama, its closures) in its time zone. Pass `tx` inside an open unit of work. */
  async forTenant(ctx: Pick<TenantCtx, 'tenant' | 'now' | 'log'>, tx?: Pick<TenantTx, 'sql'>): Promise<WorkCalendar> {
    const id = ctx.tenant.id;
    let closed = this.closures.get(id);
    if (!closed) {
      const load = (sql: Sql) => calendarQueries.closures(sql).then((rows) => new Set(rows.map((r) => r.date)));
      closed = tx ? load(tx.sql) : this.uow.read({ tenant: ctx.tenant, now: ctx.now, log: ctx.log }, (t) => load(t.sql));
      closed.catch(() => this.closures.delete(id));
      this.closures.set(id, closed);
    }
    const { holidays, cutiBersama } = await this.nationalDays();
    const days: CalendarDays = { holidays, cutiBersama, closures: await closed };
    return { timeZone: ctx.tenant.timeZone, days };
  }

  /**
   * Every holiday and cuti bersama with its name, from memory (the same copy `forTenant` counts on,
   * dropped at once when one is set or removed): what flags appointment sessions, so a holiday added
   * or changed later re-flags them at their next listing.
   */
  async holidayRows(): Promise<readonly HolidayRow[]> {
    return (await this.nationalDays()).rows;
  }

  holidays(year?: number): Promise<HolidayRow[]> {
    return calendarQueries.holidays(this.control, year);
  }

  /** Holidays and cuti bersama with their names in a date range (inclusive), e.g. to flag appointment sessions. */
  holidaysBetween(from: string, to: string): Promise<HolidayRow[]> {
    return calendarQueries.holidaysBetween(this.control, from, to);
  }

  async setHoliday(ctx: Ctx, h: HolidayRow, by: string): Promise<void> {
    await this.uow.control(ctx, async (tx) => {
      await calendarQueries.setHoliday(tx.sql, { ...h, by, now: ctx.now });
      await tx.changed({ kind: 'holidays' });
      tx.afterCommit(async () => {
        this.national = undefined;
        await this.duesChanged('all');
      });
    });
  }

  async deleteHoliday(ctx: Ctx, date: string, kind: HolidayRow['kind']): Promise<void> {
    await this.uow.control(ctx, async (tx) => {
      if (!(await calendarQueries.deleteHoliday(tx.sql, date, kind))) throw holidayNotFound(date, kind);
      await tx.changed({ kind: 'holidays' });
      tx.afterCommit(async () => {
        this.national = undefined;
        await this.duesChanged('all');
      });
    });
  }

  /**
   * Closes the MPP on a date, or replaces the reason of a closure (its version goes up). The row is
   * created or locked in the unit of work before the preconditions are checked, so two admins
   * never overwrite each other unseen when they quote ETags.
   */
  async setClosure(ctx: TenantCtx, date: string, reason: { id: string; en: string }, by: string, pre: Preconditions = {}): Promise<{ closure: ClosureView; etag: string }> {
    const version = await this.uow.write(ctx, async (tx) => {
      const created = await calendarQueries.insertClosure(tx.sql, { tenantId: ctx.tenant.id, date, reason, by, now: ctx.now });
      let v: number;
      if (created !== undefined) {
        // If-Match names a closure that did not exist: nothing is created (the insert rolls back).
        checkPreconditions(pre, undefined);
        v = created;
      } else {
        const current = await calendarQueries.lockClosure(tx.sql, date);
        if (!current) throw new Error(`closure ${date} vanished under its lock`);
        checkClosurePreconditions(pre, etagOf(current.version));
        v = await calendarQueries.replaceClosure(tx.sql, date, reason);
      }
      await tx.changed({ kind: 'closures', tenantId: ctx.tenant.id });
      tx.afterCommit(async () => {
        this.closures.delete(ctx.tenant.id);
        await this.duesChanged({ region: ctx.tenant.homeRegion, tenantId: ctx.tenant.id });
      });
      return v;
    });
    return { closure: { date, reason }, etag: etagOf(version) };
  }
}
