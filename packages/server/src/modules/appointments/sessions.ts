import { isProblemError, localDate, newId, plusDays } from '@satupintu/core';
import type { EventBus, UnitOfWork } from '@satupintu/db';
import type { DomainEvents } from '../../kernel.js';
import { applyOverlay } from '@satupintu/plugin-sdk';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService } from '../installations/index.js';
import { staffOf } from './access.js';
import { sessionNotFlagged, sessionNotFound } from './errors.js';
import { sessionNotice } from './bookings.js';
import { bookingQueries, sessionQueries, type SessionRow } from './queries.js';
import { DEFAULT_DAYS, holidayLabels, planSessions, sessionWindow } from './schedule.js';
import type { AgencyCalendarView, SessionCancellationView, SessionView } from './schemas.js';
import { sessionView } from './view.js';

/** The flag of a session on a date the regency closed the MPP after the session was stored (none is planned on a date closed before). */
export const CLOSED_FLAG = 'MPP tutup';

/** A service no longer offered here (uninstalled) has no schedule to store sessions from: its stored sessions are still decided on; anything else fails the request. */
const noLongerOffered = (err: unknown): void => {
  if (!(isProblemError(err) && err.code === 'SERVICE_NOT_FOUND')) throw err;
};

/** What every part of the appointments module is built from. */
export interface AppointmentDeps {
  uow: UnitOfWork;
  /** Bookings and cancellations are announced in their unit of work (signed events). */
  events?: EventBus<DomainEvents>;
  installations: InstallationService;
  calendar: CalendarService;
}

/**
 * Sessions of a service, from its schedule as the tenant offers it (the plugin's default or the
 * regency's overlay), in the tenant's time zone. They are stored the first time their dates are
 * listed; a listing of dates already stored is one read. The agency may cancel a session: its
 * booked citizens get a reschedule notice through the outbox.
 */
export class SessionService {
  constructor(private readonly d: AppointmentDeps) {}

  /** The service as this tenant offers it: its pinned version with the overlay applied. */
  private async offered(ctx: TenantCtx, serviceId: string) {
    const installed = await this.d.installations.service(ctx, serviceId);
    return { pluginId: installed.pluginId, agency: installed.agency.code, service: applyOverlay(installed.service, installed.overlay) };
  }

  /**
   * Every session of a service from `from` (default today) for `days` days (default 28), with the
   * window it covers. The schedule's sessions not yet stored are inserted in one unit of work (a
   * closed date gets none; a holiday or cuti bersama is flagged), so the first listing of new dates
   * writes and later ones only read.
   */
  async window(ctx: TenantCtx, serviceId: string, opts: { from?: string; days?: number } = {}): Promise<{ from: string; to: string; items: SessionView[] }> {
    const w = sessionWindow(localDate(ctx.now, ctx.tenant.timeZone), opts);
    return { ...w, items: await this.list(ctx, serviceId, w) };
  }

  /**
   * The sessions of a window of local dates (inclusive), stored from the schedule where missing, and
   * each flagged as the calendar stands now: a holiday or cuti bersama set, renamed or removed
   * after its sessions were stored, or a closure of the MPP decided later, re-flags them here (the
   * calendar is in memory, dropped at once on any change, so an unchanged window costs one read).
   */
  async list(ctx: TenantCtx, serviceId: string, w: { from: string; to: string }): Promise<SessionView[]> {
    const { pluginId, agency, service } = await this.offered(ctx, serviceId);
    const schedule = service.schedule;
    if (!schedule) return [];
    const labels = holidayLabels((await this.d.calendar.holidayRows()).filter((h) => h.date >= w.from && h.date <= w.to));
    const seen = await this.d.uow.read(ctx, async (tx) => {
      const cal = await this.d.calendar.forTenant(ctx, tx);
      // Cuti bersama the agency works (its setting here) flags nothing; a national holiday or a closure always does.
      const worksCuti = await sessionQueries.cutiBersamaWorking(tx.sql, agency);
      const flagOf = (date: string) =>
        cal.days.closures.has(date) ? CLOSED_FLAG : worksCuti && !cal.days.holidays.has(date) && cal.days.cutiBersama.has(date) ? null : (labels.get(date) ?? null);
      const plan = planSessions(schedule, { ...w, timeZone: ctx.tenant.timeZone, closed: cal.days.closures });
      const rows = await sessionQueries.inWindow(tx.sql, pluginId, service.code, w.from, w.to);
      const stored = new Set(rows.map((r) => r.starts_at.getTime()));
      return {
        rows,
        missing: plan.filter((s) => !stored.has(s.startsAt.getTime())).map((s) => ({ id: newId(), ...s, holiday: flagOf(s.date) })),
        stale: rows.filter((r) => r.holiday !== flagOf(r.local_date)).map((r) => ({ id: r.id, holiday: flagOf(r.local_date) })),
      };
    });
    if (!seen.missing.length && !seen.stale.length) return seen.rows.map(sessionView);
    return this.d.uow.write(ctx, async (tx) => {
      // A concurrent lister may have inserted some meanwhile: theirs stay, ours are skipped.
      if (seen.missing.length) await sessionQueries.insertMany(tx.sql, { tenantId: ctx.tenant.id, pluginId, serviceCode: service.code, agencyCode: agency }, seen.missing);
      if (seen.stale.length) await sessionQueries.reflag(tx.sql, seen.stale);
      return (await sessionQueries.inWindow(tx.sql, pluginId, service.code, w.from, w.to)).map(sessionView);
    });
  }

  /**
   * The agency confirms it serves a flagged session (the flag stays; citizens see it confirmed).
   * Confirming again answers the same; a session not flagged, or cancelled, is refused (409).
   */
  async confirm(ctx: TenantUserCtx, sessionId: string): Promise<SessionView> {
    // The flag is brought up to date first (a holiday changed since the session was last listed).
    const seen = await this.d.uow.read(ctx, (tx) => sessionQueries.load(tx.sql, sessionId));
    if (!seen || !staffOf(ctx.identity, ctx.tenant, seen.agency_code)) throw sessionNotFound();
    await this.list(ctx, `${seen.plugin_id}.${seen.service_code}`, { from: seen.local_date, to: seen.local_date }).catch(noLongerOffered);
    return this.d.uow.write(ctx, async (tx) => {
      const s = await sessionQueries.load(tx.sql, sessionId, true);
      if (!s) throw sessionNotFound();
      if (s.status !== 'open' || s.holiday === null) throw sessionNotFlagged(s.status);
      // Who confirmed and when stay on the session (the first confirmation stands).
      const confirmed = await sessionQueries.confirm(tx.sql, sessionId, ctx.identity.subject, ctx.now);
      return sessionView(confirmed);
    });
  }

  /** Whether cuti bersama is a working day for an agency's counter at this tenant (the tenant admin decides); sessions re-flag at their next listing. */
  async setAgencyCalendar(ctx: TenantUserCtx, agency: string, cutiBersamaWorkingDay: boolean): Promise<AgencyCalendarView> {
    await this.d.uow.write(ctx, async (tx) => {
      await sessionQueries.setCutiBersamaWorking(tx.sql, { tenantId: ctx.tenant.id, agency, working: cutiBersamaWorkingDay, by: ctx.identity.subject, now: ctx.now });
      // Issue 23 (sla): the agency's open applications count their due dates on the new rule.
      tx.afterCommit(() => this.d.calendar.duesChanged({ region: ctx.tenant.homeRegion, tenantId: ctx.tenant.id }));
    });
    return { agency, cutiBersamaWorkingDay };
  }

  /**
   * The agency cancels a session (with its reason): every booked person is moved to the earliest
   * later session of the service with a seat (over the listing window after it), first booked first,
   * and told (`appointment.moved`, naming both sessions and the reason); anyone who cannot be moved
   * gets a `session.cancelled` notice naming the next open session. Retried, it moves nobody twice.
   */
  async cancel(ctx: TenantUserCtx, sessionId: string, reason: string): Promise<SessionCancellationView> {
    // Sessions are stored when their dates are first listed: a session weeks ahead may have no later
    // session stored yet. The schedule's sessions over the listing window after it are stored first
    // (as a listing would), so the next open one is found wherever the cancelled one lies.
    const seen = await this.d.uow.read(ctx, (tx) => sessionQueries.load(tx.sql, sessionId));
    if (!seen || !staffOf(ctx.identity, ctx.tenant, seen.agency_code)) throw sessionNotFound();
    const horizon = { from: seen.local_date, to: plusDays(seen.local_date, DEFAULT_DAYS) };
    await this.list(ctx, `${seen.plugin_id}.${seen.service_code}`, horizon).catch(noLongerOffered);
    return this.d.uow.write(ctx, async (tx) => {
      // Sessions are locked in id order (the cancelled one and those its people may move to), as every writer of two sessions does.
      const later = await sessionQueries.laterWithSeats(tx.sql, seen, horizon.to);
      await sessionQueries.lockAll(tx.sql, [sessionId, ...later.map((l) => l.id)]);
      const s = await sessionQueries.load(tx.sql, sessionId);
      if (!s) throw sessionNotFound();
      await sessionQueries.cancel(tx.sql, sessionId, reason);
      // First booked, first moved: each person gets a seat in the earliest later session that has one
      // for their channel (the same application goes along); someone who cannot be moved is told the next open session.
      const affected = (await bookingQueries.cancelBySession(tx.sql, sessionId)).sort((x, y) => x.created_at.getTime() - y.created_at.getTime() || x.id.localeCompare(y.id));
      const service = `${s.plugin_id}.${s.service_code}`;
      let moved = 0;
      const unmoved: typeof affected = [];
      for (const b of affected) {
        let to: SessionRow | undefined;
        for (const c of later) {
          const { taken } = await sessionQueries.takeSeat(tx.sql, c.id, b.channel);
          if (!taken) continue;
          const fresh = newId();
          const inserted = await bookingQueries.insert(tx.sql, { tenantId: ctx.tenant.id, id: fresh, sessionId: c.id, channel: b.channel, now: ctx.now, applicationId: b.application_id, applicantSub: b.applicant_sub, applicantName: b.applicant_name });
          if (!inserted) {
            // They already hold a seat there: give this one back and try the next session.
            await sessionQueries.release(tx.sql, c.id, b.channel);
            continue;
          }
          to = taken;
          moved++;
          await tx.outbox('appointment.moved', { to: [`citizen:${b.applicant_sub}`], booking: fresh, application: b.application_id, before: sessionNotice(s), ...sessionNotice(taken), reason });
          await this.d.events?.emit(tx, 'appointment.booked', { tenant: ctx.tenant.slug, booking: fresh, service, agency: s.agency_code, date: taken.local_date });
          break;
        }
        await this.d.events?.emit(tx, 'appointment.cancelled', { tenant: ctx.tenant.slug, booking: b.id, service, agency: s.agency_code, date: s.local_date, by: 'agency' });
        if (!to) unmoved.push(b);
      }
      const next = await sessionQueries.nextOpen(tx.sql, s);
      const nextSession = next ? sessionView(next) : null;
      for (const b of unmoved) await tx.outbox('session.cancelled', { booking: b.id, to: b.applicant_sub, session: sessionId, service, date: s.local_date, start: s.start_time, reason, suggestion: nextSession });
      return { cancelled: sessionId, rescheduleEvents: affected.length, moved, nextSession, searchedUntil: horizon.to };
    });
  }
}
