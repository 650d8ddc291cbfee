import { newId } from '@satupintu/core';
import type { Sql, TenantTx } from '@satupintu/db';
import type { TenantUserCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { officerAt, officerOf } from './access.js';
import {
  alreadyBooked,
  applicationAlreadyBooked,
  bookingApplicationInvalid,
  bookingLimitReached,
  bookingNotActive,
  bookingNotFound,
  sessionFull,
  sessionNotFound,
  sessionOfAnotherService,
  walkInByOfficer,
} from './errors.js';
import { bookingQueries, sessionQueries, type BookingChannel, type BookingRow, type SessionRow } from './queries.js';
import type { AppointmentDeps } from './sessions.js';
import type { SoldOutSessions } from './sold-out.js';
import { bookingView, myBookingView, sessionView, type BookingView, type MyBookingView } from './view.js';

export interface BookInput {
  /** The application the appointment serves. */
  applicationId?: string;
  /** A walk-in registered by an officer (any seat left, online or not). */
  walkIn?: { name: string; nik: string };
}

/** How many seats one person may hold (a module option; docs/appointments.md). */
export interface AppointmentLimits {
  /** Active bookings (booked, checked in, called) in sessions still to come, per person per tenant. */
  maxActiveBookings: number;
}

/**
 * Three at a time: a person's errands at the MPP in one go (say KTP-el, KK and a passport) fit;
 * holding many sessions' seats does not. One per service per local day is fixed (a second seat of
 * the same service that day serves nobody; rescheduling moves the one held).
 */
export const DEFAULT_APPOINTMENT_LIMITS: AppointmentLimits = { maxActiveBookings: 3 };

/**
 * Bookings: a seat is taken by one conditional UPDATE (exact capacity however many ask at once),
 * the booking row in the same unit of work. A person's bookings in a tenant go one at a time (an
 * advisory lock taken first), so the limits hold however many they send at once. Writers that
 * touch a booking lock its session(s) next, in id order, then the booking, as the agency's
 * cancellation does: none waits on another in a cycle.
 */
/** What a notice says about a session: ids, codes and local time, no personal data. */
export const sessionNotice = (s: Pick<SessionRow, 'id' | 'plugin_id' | 'service_code' | 'agency_code' | 'local_date' | 'start_time' | 'end_time'>) => ({
  session: s.id,
  service: `${s.plugin_id}.${s.service_code}`,
  agency: s.agency_code,
  date: s.local_date,
  start: s.start_time,
  end: s.end_time,
});

export class BookingService {
  constructor(
    private readonly d: Pick<AppointmentDeps, 'uow' | 'events'>,
    private readonly soldOut: SoldOutSessions,
    private readonly limits: AppointmentLimits = DEFAULT_APPOINTMENT_LIMITS,
  ) {}

  /** Takes a seat in the session, or refuses with the next session that has one. */
  private async seat(sql: Sql, sessionId: string, channel: BookingChannel, now: Date): Promise<SessionRow> {
    const { taken, current, next } = await sessionQueries.takeSeat(sql, sessionId, channel);
    if (taken) return taken;
    if (!current) throw sessionNotFound();
    const suggestion = next ? sessionView(next) : null;
    if (channel === 'online') this.soldOut.markFull(sessionId, suggestion, await sessionQueries.onlineHolders(sql, sessionId), now);
    throw sessionFull(suggestion);
  }

  /** Who may book this way: a walk-in is registered by an officer of this tenant. Checked again before a retry is answered with the first booking. */
  private mayBook(ctx: TenantUserCtx, input: BookInput): void {
    if (input.walkIn && !officerAt(ctx.identity, ctx.tenant)) throw walkInByOfficer();
  }

  /**
   * What a retried booking (same Idempotency-Key) re-checks before the first answer is replayed:
   * the caller may still book this way, and the session is still there for them to see (a walk-in:
   * a session of an agency they serve).
   */
  bookRecheck(ctx: TenantUserCtx, sessionId: string, input: BookInput): (sql: Sql) => Promise<void> {
    return async (sql) => {
      this.mayBook(ctx, input);
      const s = await sessionQueries.load(sql, sessionId);
      if (!s || (input.walkIn && !officerOf(ctx.identity, ctx.tenant, s.agency_code))) throw sessionNotFound();
    };
  }

  /**
   * Checks, after the person's lock, what booking `sessionId` would mean: the session exists (for a
   * walk-in: of an agency the officer serves — others' sessions do not exist for them), the person
   * stays within the limits, and a named application is theirs, of the session's service and open.
   */
  private async check(sql: Sql, ctx: TenantUserCtx, sessionId: string, who: { sub: string; walkIn?: BookInput['walkIn'] }, applicationId: string | null, except: string | null = null): Promise<void> {
    const c = await bookingQueries.check(sql, sessionId, who.sub, ctx.now, except);
    if (!c || (who.walkIn && !officerOf(ctx.identity, ctx.tenant, c.agency_code))) throw sessionNotFound();
    if (c.same_day > 0) throw bookingLimitReached('same-day', 1);
    // A move gives one seat back for the one it takes: only new bookings count against the total.
    if (except === null && c.active >= this.limits.maxActiveBookings) throw bookingLimitReached('active', this.limits.maxActiveBookings);
    if (applicationId === null) return;
    const a = await bookingQueries.application(sql, applicationId);
    const open = a !== undefined && (a.status === 'draft' || a.status === 'submitted') && a.plugin_id === c.plugin_id && a.service_code === c.service_code;
    const theirs =
      a !== undefined &&
      (who.walkIn
        ? // The officer links a walk-in to an application they may see (their agency's, submitted; or a draft they filed) of the walk-in's NIK.
          (a.status !== 'draft' || a.filed_by_sub === ctx.identity.subject) && (a.applicant_nik === who.walkIn.nik || a.data_nik === who.walkIn.nik)
        : a.applicant_sub === who.sub);
    if (!open || !theirs) throw bookingApplicationInvalid();
    // One active appointment per application (a move leaves its own booking out).
    const held = await bookingQueries.activeForApplication(sql, applicationId, ctx.now, except);
    if (held) throw applicationAlreadyBooked(held.id);
  }

  /** What a retried reschedule re-checks before the first answer is replayed: the booking is still the caller's. */
  rescheduleRecheck(ctx: TenantUserCtx, bookingId: string): (sql: Sql) => Promise<void> {
    return async (sql) => {
      const b = await bookingQueries.load(sql, bookingId);
      if (!b || b.applicant_sub !== ctx.identity.subject) throw bookingNotFound();
    };
  }

  /** The caller's active booking, locked after its session (and `alsoSession`). */
  private async lockOwn(tx: TenantTx, ctx: TenantUserCtx, id: string, alsoSession?: string): Promise<BookingRow> {
    const b = await bookingQueries.load(tx.sql, id);
    if (!b || b.applicant_sub !== ctx.identity.subject) throw bookingNotFound();
    await sessionQueries.lockAll(tx.sql, alsoSession ? [b.session_id, alsoSession] : [b.session_id]);
    const locked = await bookingQueries.load(tx.sql, id, true);
    if (!locked || locked.status !== 'booked') throw bookingNotActive();
    return locked;
  }

  /** Books a seat: online by a citizen, or a walk-in registered by an officer. Past capacity: 409 SESSION_FULL with the next open session. */
  async book(ctx: TenantUserCtx, sessionId: string, input: BookInput = {}): Promise<BookingView> {
    this.mayBook(ctx, input);
    const walkIn = input.walkIn;
    const channel: BookingChannel = walkIn ? 'walk-in' : 'online';
    // A session seen full a moment ago is answered without a transaction (SoldOutSessions), except
    // a seat holder's retry with an Idempotency-Key: the database replays their booking.
    const full = channel === 'online' ? this.soldOut.known(sessionId, ctx.now) : undefined;
    if (full && !(ctx.idempotency && full.holders.has(ctx.identity.subject))) throw sessionFull(full.next);
    const applicantSub = walkIn ? `walk-in:${walkIn.nik}` : ctx.identity.subject;
    return this.d.uow.write(ctx, async (tx) => {
      await bookingQueries.lockPerson(tx.sql, ctx.tenant.id, applicantSub);
      // The citizen online and an officer's walk-in are two people's locks: the application's own
      // lock (always taken second) keeps it to one active booking when both book it at once.
      if (input.applicationId) await bookingQueries.lockPerson(tx.sql, ctx.tenant.id, `application:${input.applicationId}`);
      await this.check(tx.sql, ctx, sessionId, { sub: applicantSub, ...(walkIn ? { walkIn } : {}) }, input.applicationId ?? null);
      const session = await this.seat(tx.sql, sessionId, channel, ctx.now);
      const id = newId();
      const inserted = await bookingQueries.insert(tx.sql, {
        tenantId: ctx.tenant.id, id, sessionId, channel, now: ctx.now, applicationId: input.applicationId ?? null, applicantSub,
        applicantName: walkIn ? walkIn.name : (ctx.identity.name ?? ctx.identity.username),
      });
      // The seat taken above goes back with the rollback.
      if (!inserted) throw alreadyBooked();
      if (!walkIn) await tx.outbox('appointment.booked', { to: [`citizen:${applicantSub}`], booking: id, application: input.applicationId ?? null, ...sessionNotice(session) });
      await this.d.events?.emit(tx, 'appointment.booked', { tenant: ctx.tenant.slug, booking: id, service: `${session.plugin_id}.${session.service_code}`, agency: session.agency_code, date: session.local_date });
      return bookingView(id, session, channel);
    });
  }

  /** The citizen cancels: the seat is free again at once. */
  async cancel(ctx: TenantUserCtx, id: string): Promise<void> {
    await this.d.uow.write(ctx, async (tx) => {
      const b = await this.lockOwn(tx, ctx, id);
      await bookingQueries.setStatus(tx.sql, id, 'cancelled');
      await sessionQueries.release(tx.sql, b.session_id, b.channel);
      await this.soldOut.released(tx, b.session_id);
      const s = await sessionQueries.load(tx.sql, b.session_id);
      if (!s) return;
      // The person is told too: a cancellation they did not make themselves does not go unnoticed.
      await tx.outbox('appointment.withdrawn', { to: [`citizen:${b.applicant_sub}`], booking: id, application: b.application_id, ...sessionNotice(s) });
      await this.d.events?.emit(tx, 'appointment.cancelled', { tenant: ctx.tenant.slug, booking: id, service: `${s.plugin_id}.${s.service_code}`, agency: s.agency_code, date: s.local_date, by: 'citizen' });
    });
  }

  /**
   * Moves a booking to another session of the same service in one unit of work: the new seat is
   * taken, the old booking cancelled and its seat given back, the new booking (serving the same
   * application) inserted. A full session refuses with SESSION_FULL and the old booking stays
   * exactly as it was; so does a day on which the person holds that service already.
   */
  async reschedule(ctx: TenantUserCtx, id: string, sessionId: string): Promise<BookingView> {
    return this.d.uow.write(ctx, async (tx) => {
      await bookingQueries.lockPerson(tx.sql, ctx.tenant.id, ctx.identity.subject);
      const old = await this.lockOwn(tx, ctx, id, sessionId);
      if (old.session_id === sessionId) {
        const same = await sessionQueries.load(tx.sql, sessionId);
        if (!same) throw sessionNotFound();
        return bookingView(old.id, same, old.channel);
      }
      const [from, to] = [await sessionQueries.load(tx.sql, old.session_id), await sessionQueries.load(tx.sql, sessionId)];
      if (!to) throw sessionNotFound();
      if (!from || from.plugin_id !== to.plugin_id || from.service_code !== to.service_code) throw sessionOfAnotherService();
      await this.check(tx.sql, ctx, sessionId, { sub: old.applicant_sub }, null, old.id);
      const session = await this.seat(tx.sql, sessionId, 'online', ctx.now);
      await bookingQueries.setStatus(tx.sql, id, 'cancelled');
      await sessionQueries.release(tx.sql, old.session_id, old.channel);
      await this.soldOut.released(tx, old.session_id);
      const fresh = newId();
      const inserted = await bookingQueries.insert(tx.sql, {
        tenantId: ctx.tenant.id, id: fresh, sessionId, channel: 'online', now: ctx.now, applicationId: old.application_id, applicantSub: old.applicant_sub, applicantName: old.applicant_name,
      });
      if (!inserted) throw alreadyBooked();
      await tx.outbox('appointment.moved', { to: [`citizen:${old.applicant_sub}`], booking: fresh, application: old.application_id, before: sessionNotice(from), ...sessionNotice(session), reason: 'requested' });
      return bookingView(fresh, session, 'online');
    });
  }

  /** One page of the caller's bookings in this tenant, by session time (then id): a booking's session never moves, so pages are stable. */
  async mine(ctx: TenantUserCtx, query: { application?: string; limit?: number; cursor?: string } = {}): Promise<PageOf<MyBookingView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.d.uow.read(ctx, (tx) => bookingQueries.mine(tx.sql, ctx.identity.subject, req.after, req.limit + 1, query.application ?? null));
    return pageOf(rows, req, (r) => [r.page_at, r.id], myBookingView);
  }
}
