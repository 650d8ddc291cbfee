import { newId } from '@satupintu/core';
import type { Sql, TenantTx } from '@satupintu/db';
import type { TenantUserCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { officerAt } from './access.js';
import { alreadyBooked, bookingNotActive, bookingNotFound, sessionFull, sessionNotFound, walkInByOfficer } from './errors.js';
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

/**
 * Bookings: a seat is taken by one conditional UPDATE (exact capacity however many ask at once),
 * the booking row in the same unit of work. Writers that touch a booking lock its session(s)
 * first, in id order, then the booking, as the agency's cancellation does: none waits on another
 * in a cycle.
 */
export class BookingService {
  constructor(
    private readonly d: Pick<AppointmentDeps, 'uow'>,
    private readonly soldOut: SoldOutSessions,
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
   * the caller may still book this way, and the session is still there for them to see.
   */
  bookRecheck(ctx: TenantUserCtx, sessionId: string, input: BookInput): (sql: Sql) => Promise<void> {
    return async (sql) => {
      this.mayBook(ctx, input);
      if (!(await sessionQueries.load(sql, sessionId))) throw sessionNotFound();
    };
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
    return this.d.uow.write(ctx, async (tx) => {
      const session = await this.seat(tx.sql, sessionId, channel, ctx.now);
      const id = newId();
      const inserted = await bookingQueries.insert(tx.sql, {
        tenantId: ctx.tenant.id, id, sessionId, channel, now: ctx.now, applicationId: input.applicationId ?? null,
        applicantSub: walkIn ? `walk-in:${walkIn.nik}` : ctx.identity.subject,
        applicantName: walkIn ? walkIn.name : (ctx.identity.name ?? ctx.identity.username),
      });
      // The seat taken above goes back with the rollback.
      if (!inserted) throw alreadyBooked();
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
    });
  }

  /**
   * Moves a booking to another session in one unit of work: the new seat is taken, the old booking
   * cancelled and its seat given back, the new booking (serving the same application) inserted. A
   * full session refuses with SESSION_FULL and the old booking stays exactly as it was.
   */
  async reschedule(ctx: TenantUserCtx, id: string, sessionId: string): Promise<BookingView> {
    return this.d.uow.write(ctx, async (tx) => {
      const old = await this.lockOwn(tx, ctx, id, sessionId);
      if (old.session_id === sessionId) {
        const same = await sessionQueries.load(tx.sql, sessionId);
        if (!same) throw sessionNotFound();
        return bookingView(old.id, same, old.channel);
      }
      const session = await this.seat(tx.sql, sessionId, 'online', ctx.now);
      await bookingQueries.setStatus(tx.sql, id, 'cancelled');
      await sessionQueries.release(tx.sql, old.session_id, old.channel);
      await this.soldOut.released(tx, old.session_id);
      const fresh = newId();
      const inserted = await bookingQueries.insert(tx.sql, {
        tenantId: ctx.tenant.id, id: fresh, sessionId, channel: 'online', now: ctx.now, applicationId: old.application_id, applicantSub: old.applicant_sub, applicantName: old.applicant_name,
      });
      if (!inserted) throw alreadyBooked();
      return bookingView(fresh, session, 'online');
    });
  }

  /** One page of the caller's bookings in this tenant, by session time (then id): a booking's session never moves, so pages are stable. */
  async mine(ctx: TenantUserCtx, query: { limit?: number; cursor?: string } = {}): Promise<PageOf<MyBookingView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.d.uow.read(ctx, (tx) => bookingQueries.mine(tx.sql, ctx.identity.subject, req.after, req.limit + 1));
    return pageOf(rows, req, (r) => [r.page_at, r.id], myBookingView);
  }
}
