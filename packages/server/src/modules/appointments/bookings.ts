import { newId } from '@satupintu/core';
import type { Sql, TenantTx } from '@satupintu/db';
import type { TenantUserCtx } from '../../context.js';
import { officerAt } from './access.js';
import { alreadyBooked, bookingNotActive, bookingNotFound, sessionFull, sessionNotFound, walkInByOfficer } from './errors.js';
import { bookingQueries, sessionQueries, type BookingChannel, type BookingRow, type MyBookingRow, type SessionRow } from './queries.js';
import type { AppointmentDeps } from './sessions.js';
import type { SoldOutSessions } from './sold-out.js';
import { bookingView, sessionView, type BookingView } from './view.js';

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
    if (channel === 'online') this.soldOut.markFull(sessionId, suggestion, now);
    throw sessionFull(suggestion);
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
    const walkIn = input.walkIn;
    if (walkIn && !officerAt(ctx.identity, ctx.tenant)) throw walkInByOfficer();
    const channel: BookingChannel = walkIn ? 'walk-in' : 'online';
    // A session seen full a moment ago is answered without a transaction (SoldOutSessions).
    const full = channel === 'online' ? this.soldOut.known(sessionId, ctx.now) : undefined;
    if (full) throw sessionFull(full.next);
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

  /** The caller's bookings in this tenant, by session time. */
  async mine(ctx: TenantUserCtx): Promise<MyBookingRow[]> {
    return this.d.uow.read(ctx, (tx) => bookingQueries.mine(tx.sql, ctx.identity.subject));
  }
}
