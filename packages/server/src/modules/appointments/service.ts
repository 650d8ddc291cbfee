import type { Sql } from '@satupintu/db';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import { BookingService, DEFAULT_APPOINTMENT_LIMITS, type AppointmentLimits, type BookInput } from './bookings.js';
import { CounterService } from './counter.js';
import { SessionService, type AppointmentDeps } from './sessions.js';
import { SoldOutSessions } from './sold-out.js';
import { TicketService } from './tickets.js';

/**
 * Sessions, appointments and counter queues (docs/appointments.md): the module's one service, its
 * rules split by concern in sessions.ts, bookings.ts and counter.ts. Every write is one unit of
 * work; time is the context's `now` and the tenant's time zone.
 */
export class AppointmentService {
  private readonly sessionRules: SessionService;
  private readonly bookingRules: BookingService;
  private readonly counterRules: CounterService;
  private readonly ticketRules: TicketService;

  constructor(d: AppointmentDeps, soldOut: SoldOutSessions = new SoldOutSessions(), limits: AppointmentLimits = DEFAULT_APPOINTMENT_LIMITS) {
    this.sessionRules = new SessionService(d);
    this.bookingRules = new BookingService(d, soldOut, limits);
    this.counterRules = new CounterService(d);
    this.ticketRules = new TicketService(d);
  }

  /** Sessions of `plugin.service` over `days` days from `from` (default today, 28 days); stored from the schedule on first listing. */
  async sessions(ctx: TenantCtx, serviceId: string, opts: { from?: string; days?: number } = {}) {
    return (await this.sessionRules.window(ctx, serviceId, opts)).items;
  }

  /** The same, with the window of local dates it covers (what the API answers). */
  sessionWindow(ctx: TenantCtx, serviceId: string, opts: { from?: string; days?: number } = {}) {
    return this.sessionRules.window(ctx, serviceId, opts);
  }

  /** The agency (its officer or the tenant admin) cancels a session; booked citizens get a reschedule notice. */
  cancelSession(ctx: TenantUserCtx, sessionId: string, reason: string) {
    return this.sessionRules.cancel(ctx, sessionId, reason);
  }

  /** The agency confirms it serves a session on a holiday, cuti bersama it does not work, or a later closure. */
  confirmSession(ctx: TenantUserCtx, sessionId: string) {
    return this.sessionRules.confirm(ctx, sessionId);
  }

  /** Whether cuti bersama is a working day for an agency's counter at this tenant. */
  setAgencyCalendar(ctx: TenantUserCtx, agency: string, cutiBersamaWorkingDay: boolean) {
    return this.sessionRules.setAgencyCalendar(ctx, agency, cutiBersamaWorkingDay);
  }

  book(ctx: TenantUserCtx, sessionId: string, input: BookInput = {}) {
    return this.bookingRules.book(ctx, sessionId, input);
  }

  /** Re-checked before a retried booking (same Idempotency-Key) is answered with the first one. */
  bookRecheck(ctx: TenantUserCtx, sessionId: string, input: BookInput = {}): (sql: Sql) => Promise<void> {
    return this.bookingRules.bookRecheck(ctx, sessionId, input);
  }

  /** Re-checked before a retried reschedule is answered with the first one. */
  rescheduleRecheck(ctx: TenantUserCtx, bookingId: string): (sql: Sql) => Promise<void> {
    return this.bookingRules.rescheduleRecheck(ctx, bookingId);
  }

  cancel(ctx: TenantUserCtx, bookingId: string) {
    return this.bookingRules.cancel(ctx, bookingId);
  }

  reschedule(ctx: TenantUserCtx, bookingId: string, sessionId: string) {
    return this.bookingRules.reschedule(ctx, bookingId, sessionId);
  }

  /** One page of the caller's bookings, by session time. */
  mine(ctx: TenantUserCtx, query: { application?: string; limit?: number; cursor?: string } = {}) {
    return this.bookingRules.mine(ctx, query);
  }

  checkIn(ctx: TenantUserCtx, bookingId: string) {
    return this.counterRules.checkIn(ctx, bookingId);
  }

  callNext(ctx: TenantUserCtx, counter: string) {
    return this.counterRules.callNext(ctx, counter);
  }

  markNoShow(ctx: TenantUserCtx, bookingId: string) {
    return this.counterRules.markNoShow(ctx, bookingId);
  }

  /** Today's walk-in queue number for a submitted application (one per application per day). */
  issueTicket(ctx: TenantUserCtx, applicationId: string) {
    return this.ticketRules.issue(ctx, applicationId);
  }

  issueTicketRecheck(ctx: TenantUserCtx, applicationId: string): (sql: Sql) => Promise<void> {
    return this.ticketRules.issueRecheck(ctx, applicationId);
  }

  ticketNoShow(ctx: TenantUserCtx, ticketId: string) {
    return this.ticketRules.noShow(ctx, ticketId);
  }

  /** Today's counters of the caller's agencies: called, waiting, booked to check in. */
  counterBoard(ctx: TenantUserCtx) {
    return this.ticketRules.board(ctx);
  }

  /** The hall display: numbers only. */
  queueDisplay(ctx: TenantCtx) {
    return this.ticketRules.display(ctx);
  }

  /** One page of per-session counts (no personal data). */
  utilization(ctx: TenantCtx, q: { from?: string; to?: string; limit?: number; cursor?: string } = {}) {
    return this.counterRules.utilization(ctx, q);
  }
}
