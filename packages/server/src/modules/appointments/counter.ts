import { localDate, plusDays } from '@satupintu/core';
import type { TenantTx } from '@satupintu/db';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { servedAgencies, staffOf } from './access.js';
import { bookingNotActive, bookingNotFound } from './errors.js';
import { bookingQueries, counterQueries, sessionQueries, ticketQueries, type CounterBookingRow } from './queries.js';
import type { CheckInView, CounterCallView } from './schemas.js';
import type { AppointmentDeps } from './sessions.js';
import { ticket, utilizationView, type UtilizationView } from './view.js';

/**
 * At the MPP: check-in hands out the day's next queue number per counter (in the tenant's local
 * day), the counter calls the lowest number waiting, an officer records a no-show. Only the
 * officers of the booking's agency (or the tenant admin) may; to others the booking does not exist.
 */
/** How many people ahead a waiting citizen is when told their number is coming up. */
export const QUEUE_SOON_AHEAD = 2;

export class CounterService {
  constructor(private readonly d: Pick<AppointmentDeps, 'uow' | 'installations'>) {}

  /** The counter of a booking's service: the regency's `counter.number` from its overlay, else the agency code. */
  private async counterOf(ctx: TenantCtx, tx: TenantTx, b: CounterBookingRow): Promise<string> {
    const installed = (await this.d.installations.list(ctx, tx)).find((i) => i.plugin === b.plugin_id);
    return installed?.overlays[b.service_code]?.counter?.number ?? b.agency_code;
  }

  async checkIn(ctx: TenantUserCtx, id: string): Promise<CheckInView> {
    return this.d.uow.write(ctx, async (tx) => {
      const b = await bookingQueries.lockForCounter(tx.sql, id);
      if (!b || !staffOf(ctx.identity, ctx.tenant, b.agency_code)) throw bookingNotFound();
      if (b.status !== 'booked') throw bookingNotActive();
      const counter = await this.counterOf(ctx, tx, b);
      const queueNumber = await counterQueries.next(tx.sql, ctx.tenant.id, counter, localDate(ctx.now, ctx.tenant.timeZone));
      await bookingQueries.checkIn(tx.sql, id, queueNumber, counter, ctx.now);
      return { id, queueNumber, counter, ticket: ticket(counter, queueNumber) };
    });
  }

  /**
   * Calls the lowest checked-in number of the day at a counter among the bookings of the agencies
   * the caller serves (the tenant admin: all); `{called: null}` when nobody of theirs waits.
   */
  async callNext(ctx: TenantUserCtx, counter: string): Promise<CounterCallView> {
    const tz = ctx.tenant.timeZone;
    return this.d.uow.write(ctx, async (tx) => {
      const day = localDate(ctx.now, tz);
      const agencies = servedAgencies(ctx.identity, ctx.tenant);
      // Booked people checked in and walk-in tickets share the day's numbers: the lower one is next.
      const b = await bookingQueries.nextCheckedIn(tx.sql, counter, day, tz, agencies);
      const t = await ticketQueries.nextWaiting(tx.sql, counter, day, agencies);
      if (t && (!b || t.queue_number < b.queue_number)) {
        await ticketQueries.setStatus(tx.sql, t.id, 'called', ctx.now);
        return { called: { id: t.id, kind: 'ticket' as const, ticket: ticket(counter, t.queue_number), name: t.name } };
      }
      if (!b) return { called: null };
      if (!staffOf(ctx.identity, ctx.tenant, b.agency_code)) throw bookingNotFound();
      await bookingQueries.call(tx.sql, b.id, ctx.now);
      // The person QUEUE_SOON_AHEAD places back is told to come closer (WhatsApp first, even in quiet hours).
      const soon = await bookingQueries.waitingAt(tx.sql, counter, day, tz, QUEUE_SOON_AHEAD);
      if (soon && !soon.applicant_sub.startsWith('walk-in:'))
        await tx.outbox('queue.called_soon', { to: [`citizen:${soon.applicant_sub}`], booking: soon.id, queueNumber: ticket(counter, soon.queue_number), ahead: QUEUE_SOON_AHEAD, counter });
      return { called: { id: b.id, kind: 'booking' as const, ticket: ticket(counter, b.queue_number), name: b.applicant_name } };
    });
  }

  async markNoShow(ctx: TenantUserCtx, id: string): Promise<void> {
    await this.d.uow.write(ctx, async (tx) => {
      const b = await bookingQueries.lockForCounter(tx.sql, id);
      if (!b || !staffOf(ctx.identity, ctx.tenant, b.agency_code)) throw bookingNotFound();
      if (b.status !== 'booked' && b.status !== 'called') throw bookingNotActive();
      await bookingQueries.setStatus(tx.sql, id, 'no-show');
    });
  }

  /**
   * One page of per-session counts from `from` (default today) to `to` (default four weeks on):
   * capacity, booked, checked in, no-shows, in session-time order. Counts only.
   */
  async utilization(ctx: TenantCtx, q: { from?: string; to?: string; limit?: number; cursor?: string } = {}): Promise<PageOf<UtilizationView>> {
    const req = pageRequest<[string, string]>(q, 2);
    const from = q.from ?? localDate(ctx.now, ctx.tenant.timeZone);
    const to = q.to ?? plusDays(from, 27);
    const rows = await this.d.uow.read(ctx, (tx) => sessionQueries.utilization(tx.sql, from, to, req.after, req.limit + 1));
    return pageOf(rows, req, (r) => [r.page_at, r.id], utilizationView);
  }
}
