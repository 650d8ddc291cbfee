import { localDate, newId } from '@satupintu/core';
import type { Sql, TenantTx } from '@satupintu/db';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import { applicationNotFound } from '../applications/errors.js';
import { servedAgencies } from './access.js';
import { queueTicketNotFound, queueTicketNotOpen } from './errors.js';
import { counterQueries, ticketQueries, type TicketApplicationRow } from './queries.js';
import type { AppointmentDeps } from './sessions.js';
import type { CounterBoardView, QueueDisplayView, QueueTicketView } from './schemas.js';

/** How many earlier calls the hall display shows per counter. */
const DISPLAY_RECENT = 3;
import { ticket } from './view.js';

/** Who may take a queue number for an application: an officer of its agency, or the village operator who filed it. */
function mayIssue(ctx: TenantUserCtx, a: TicketApplicationRow): boolean {
  const here = ctx.identity.memberships.filter((m) => 'tenant' in m && m.tenant === ctx.tenant.slug);
  if (here.some((m) => m.role === 'officer' && m.agency === a.agency_code)) return true;
  return a.filed_by_role === 'village-operator' && a.filed_by_sub === ctx.identity.subject && here.some((m) => m.role === 'village-operator');
}

/**
 * Walk-in queue numbers without a booked session: the counter (or the village operator who filed
 * the application) takes the day's next number at the service's counter for a submitted
 * application. One ticket per application per local day: asking again answers the same ticket.
 * The counter calls tickets and checked-in bookings as one line, by number.
 */
export class TicketService {
  constructor(private readonly d: Pick<AppointmentDeps, 'uow' | 'installations'>) {}

  /** The counter of a service: the regency's `counter.number` from its overlay, else the agency code. */
  private async counterOf(ctx: TenantCtx, tx: TenantTx, pluginId: string, serviceCode: string, agency: string): Promise<{ number: string; name: string | null }> {
    const installed = (await this.d.installations.list(ctx, tx)).find((i) => i.plugin === pluginId);
    const c = installed?.overlays[serviceCode]?.counter;
    return c?.number ? { number: c.number, name: c.name ?? null } : { number: agency, name: null };
  }

  /** What a retried issue (same Idempotency-Key) re-checks before replaying: the caller may still take a number for it. */
  issueRecheck(ctx: TenantUserCtx, applicationId: string): (sql: Sql) => Promise<void> {
    return async (sql) => {
      const a = await ticketQueries.application(sql, applicationId);
      if (!a || !mayIssue(ctx, a)) throw applicationNotFound();
    };
  }

  async issue(ctx: TenantUserCtx, applicationId: string): Promise<QueueTicketView> {
    const day = localDate(ctx.now, ctx.tenant.timeZone);
    return this.d.uow.write(ctx, async (tx) => {
      const a = await ticketQueries.application(tx.sql, applicationId, true);
      if (!a || !mayIssue(ctx, a)) throw applicationNotFound();
      if (a.status !== 'submitted') throw queueTicketNotOpen();
      const existing = await ticketQueries.forApplication(tx.sql, applicationId, day);
      const counter = await this.counterOf(ctx, tx, a.plugin_id, a.service_code, a.agency_code);
      const row =
        existing ??
        (await ticketQueries.insert(tx.sql, {
          tenantId: ctx.tenant.id, id: newId(), counter: counter.number, day, queueNumber: await counterQueries.next(tx.sql, ctx.tenant.id, counter.number, day),
          agency: a.agency_code, service: `${a.plugin_id}.${a.service_code}`, applicationId, issuedBy: ctx.identity.subject, now: ctx.now,
        }));
      const ahead = await ticketQueries.waitingAhead(tx.sql, row.counter, day, ctx.tenant.timeZone, row.queue_number);
      return {
        id: row.id, applicationId, counter: row.counter, counterName: counter.name, queueNumber: row.queue_number, ticket: ticket(row.counter, row.queue_number),
        service: row.service, date: day, status: row.status, waitingAhead: ahead,
      };
    });
  }

  /** The counter marks a called ticket's person absent. */
  async noShow(ctx: TenantUserCtx, id: string): Promise<void> {
    await this.d.uow.write(ctx, async (tx) => {
      const t = await ticketQueries.lock(tx.sql, id);
      const served = servedAgencies(ctx.identity, ctx.tenant);
      if (!t || (served && !served.includes(t.agency_code))) throw queueTicketNotFound();
      if (t.status === 'no-show') return;
      await ticketQueries.setStatus(tx.sql, id, 'no-show');
    });
  }

  /**
   * Today's counters of the agencies the caller serves (the tenant admin: all): the number being
   * served, who waits (ticket and service only), and the day's booked people still to check in.
   */
  async board(ctx: TenantUserCtx): Promise<CounterBoardView> {
    return this.read(ctx, servedAgencies(ctx.identity, ctx.tenant));
  }

  /**
   * The public display of the MPP hall: per counter, the number being served, the last numbers
   * called and how many wait. Numbers only: no names, nothing else about anyone.
   */
  async display(ctx: TenantCtx): Promise<QueueDisplayView> {
    const b = await this.read(ctx, undefined);
    const recent = await this.d.uow.read(ctx, (tx) => ticketQueries.recentCalls(tx.sql, b.date, ctx.tenant.timeZone, DISPLAY_RECENT + 1));
    return {
      date: b.date,
      items: b.items.map((c) => ({
        counter: c.counter,
        name: c.name,
        current: c.current?.ticket ?? null,
        recent: recent.filter((r) => r.counter === c.counter && ticket(r.counter, r.queue_number) !== c.current?.ticket).slice(0, DISPLAY_RECENT).map((r) => ticket(r.counter, r.queue_number)),
        waiting: c.waiting.length,
      })),
    };
  }

  private async read(ctx: TenantCtx, served: string[] | undefined): Promise<CounterBoardView> {
    const tz = ctx.tenant.timeZone;
    const day = localDate(ctx.now, tz);
    return this.d.uow.read(ctx, async (tx) => {
      // Counters from the regency's overlays, else one per agency (its code).
      const installs = await this.d.installations.list(ctx, tx);
      const counterOfService = (pluginId: string, code: string, agency: string) => installs.find((i) => i.plugin === pluginId)?.overlays[code]?.counter?.number ?? agency;
      const counters = new Map<string, { name: string | null; agencies: Set<string> }>();
      const add = (number: string, name: string | null, agency: string) => {
        const c = counters.get(number) ?? { name, agencies: new Set<string>() };
        c.agencies.add(agency);
        counters.set(number, c);
      };
      for (const inst of installs) {
        let agency: string | undefined;
        for (const [code, overlay] of Object.entries(inst.overlays)) {
          if (!overlay?.counter?.number) continue;
          agency ??= (await this.d.installations.service(ctx, `${inst.plugin}.${code}`).catch(() => undefined))?.agency.code;
          if (agency && (!served || served.includes(agency))) add(overlay.counter.number, overlay.counter.name ?? null, agency);
        }
      }
      for (const a of served ?? []) if (![...counters.values()].some((c) => c.agencies.has(a))) add(a, null, a);
      const rows = (await ticketQueries.board(tx.sql, day, tz, served)).map((r) => ({ ...r, counter: r.counter ?? counterOfService(r.plugin_id, r.service_code, r.agency_code) }));
      for (const r of rows) if (!counters.has(r.counter)) add(r.counter, null, r.agency_code);
      return {
        date: day,
        items: [...counters.entries()]
          .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
          .map(([number, c]) => {
            const mine = rows.filter((r) => r.counter === number);
            const current = mine.filter((r) => r.status === 'called').sort((x, y) => (y.called_at?.getTime() ?? 0) - (x.called_at?.getTime() ?? 0))[0];
            return {
              counter: number,
              name: c.name,
              agencies: [...c.agencies].sort(),
              current: current ? { id: current.id, kind: current.kind, ticket: ticket(number, current.queue_number!), service: current.service, name: current.name } : null,
              waiting: mine.filter((r) => r.status === 'waiting').map((r) => ({ id: r.id, kind: r.kind, ticket: ticket(number, r.queue_number!), service: r.service })),
              booked: mine.filter((r) => r.status === 'booked').map((r) => ({ id: r.id, service: r.service, start: r.start ?? '', name: r.name })),
            };
          }),
      };
    });
  }
}
