import type { EntityManager } from 'typeorm';
import type { Identity } from '@satupintu/auth';
import { ConflictError, InputError, NotFoundError, localDate, localDateTime, newId, plusDays, weekday, type Tenant } from '@satupintu/core';
import { withTenant, type Databases } from '@satupintu/db';
import { applyOverlay } from '@satupintu/plugin-sdk';
import type { InstallationService } from '../installations/service.js';
import { serviceNotFound } from '../installations/errors.js';
import type { PluginRegistry } from '../plugins/service.js';

interface SessionRow {
  id: string;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  local_date: string;
  start_time: string;
  end_time: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  online_capacity: number;
  booked_online: number;
  booked_walkin: number;
  status: 'open' | 'cancelled';
  holiday: string | null;
}

const sessionNotFound = () => new NotFoundError({ code: 'SESSION_NOT_FOUND', title: { id: 'Sesi tidak ditemukan', en: 'Session not found' } });
const bookingNotFound = () => new NotFoundError({ code: 'BOOKING_NOT_FOUND', title: { id: 'Pemesanan tidak ditemukan', en: 'Booking not found' } });

const view = (s: SessionRow) => ({
  id: s.id,
  service: `${s.plugin_id}.${s.service_code}`,
  date: s.local_date,
  start: s.start_time,
  end: s.end_time,
  startsAt: s.starts_at.toISOString(),
  capacity: s.capacity,
  onlineCapacity: s.online_capacity,
  walkInCapacity: s.capacity - s.online_capacity,
  booked: s.booked_online + s.booked_walkin,
  onlineSeatsLeft: Math.max(0, s.online_capacity - s.booked_online),
  status: s.status,
  holiday: s.holiday,
});

const SESSION_COLUMNS = `id, plugin_id, service_code, agency_code, to_char(local_date, 'YYYY-MM-DD') as local_date, start_time, end_time, starts_at, ends_at,
  capacity, online_capacity, booked_online, booked_walkin, status, holiday`;

/**
 * Sessions and appointments. Sessions materialise from the service's schedule (the plugin default
 * or the regency's overlay); a seat is taken by one conditional UPDATE, so capacity is exact under
 * any concurrency; check-in hands out the day's next queue number per counter.
 */
export class AppointmentService {
  constructor(
    private readonly dbs: Databases,
    private readonly registry: PluginRegistry,
    private readonly installations: InstallationService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private tx<T>(t: Tenant, fn: (em: EntityManager) => Promise<T>) {
    return withTenant(this.dbs.region(t.homeRegion), t.id, fn);
  }

  private async effective(t: Tenant, serviceId: string) {
    const [pluginId, code] = serviceId.split('.') as [string, string];
    const inst = (await this.installations.list(t)).find((i) => i.plugin === pluginId);
    if (!inst) throw serviceNotFound(pluginId, code ?? '');
    const { manifest } = await this.registry.get(pluginId, inst.version);
    const svc = manifest.services.find((s) => s.code === code);
    if (!svc) throw serviceNotFound(pluginId, code);
    return { pluginId, agency: manifest.agency.code, service: applyOverlay(svc, inst.overlays[code]) };
  }

  /** Open sessions of a service over the next `days` days (created from the schedule as needed). */
  async sessions(t: Tenant, serviceId: string, opts: { from?: string; days?: number } = {}) {
    const { pluginId, agency, service } = await this.effective(t, serviceId);
    const schedule = service.schedule;
    if (!schedule) return [];
    const from = opts.from ?? localDate(this.now(), t.timeZone);
    const to = plusDays(from, (opts.days ?? 28) - 1);
    const holidays = new Map(
      ((await this.dbs.control.query(`select to_char(date, 'YYYY-MM-DD') as date, kind, name->>'id' as name from holidays where date between $1 and $2`, [from, to])) as { date: string; kind: string; name: string }[]).map((h) => [
        h.date,
        `${h.kind === 'national' ? 'Libur nasional' : 'Cuti bersama'}: ${h.name}`,
      ]),
    );
    return this.tx(t, async (em) => {
      const closed = new Set(((await em.query(`select to_char(date, 'YYYY-MM-DD') as date from tenant_closures where date between $1 and $2`, [from, to])) as { date: string }[]).map((c) => c.date));
      for (let d = from; d <= to; d = plusDays(d, 1)) {
        if (closed.has(d)) continue;
        for (const s of schedule.sessions) {
          if (!s.days.includes(weekday(d))) continue;
          const online = Math.floor(s.capacity * (schedule.onlineShare ?? 1));
          await em.query(
            `insert into sessions (tenant_id, id, plugin_id, service_code, agency_code, local_date, start_time, end_time, starts_at, ends_at, capacity, online_capacity, holiday)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) on conflict (tenant_id, plugin_id, service_code, starts_at) do nothing`,
            [t.id, newId(), pluginId, service.code, agency, d, s.start, s.end, localDateTime(d, s.start, t.timeZone), localDateTime(d, s.end, t.timeZone), s.capacity, online, holidays.get(d) ?? null],
          );
        }
      }
      const rows = (await em.query(
        `select ${SESSION_COLUMNS} from sessions where plugin_id = $1 and service_code = $2 and local_date between $3 and $4 order by starts_at`,
        [pluginId, service.code, from, to],
      )) as SessionRow[];
      return rows.map(view);
    });
  }

  private async nextOpen(em: EntityManager, s: SessionRow) {
    const rows = (await em.query(
      `select ${SESSION_COLUMNS} from sessions
        where plugin_id = $1 and service_code = $2 and status = 'open' and starts_at > $3 and booked_online < online_capacity
        order by starts_at limit 1`,
      [s.plugin_id, s.service_code, s.starts_at],
    )) as SessionRow[];
    return rows[0] ? view(rows[0]) : null;
  }

  /** Takes one seat: exactly `capacity` succeed however many ask at once; the rest learn the next open session. */
  async book(t: Tenant, identity: Identity, sessionId: string, input: { applicationId?: string; walkIn?: { name: string; nik: string } }) {
    const walkIn = input.walkIn !== undefined;
    if (walkIn && !identity.memberships.some((m) => m.role === 'officer' && 'tenant' in m && m.tenant === t.slug))
      throw new InputError({ status: 422, code: 'WALK_IN_BY_OFFICER', title: { id: 'Pendaftaran langsung dicatat petugas', en: 'Walk-ins are registered by an officer' } });
    return this.tx(t, async (em) => {
      const seat = walkIn
        ? `update sessions set booked_walkin = booked_walkin + 1 where id = $1 and status = 'open' and booked_online + booked_walkin < capacity returning ${SESSION_COLUMNS}`
        : `update sessions set booked_online = booked_online + 1 where id = $1 and status = 'open' and booked_online < online_capacity returning ${SESSION_COLUMNS}`;
      const [taken] = (await em.query(seat, [sessionId])) as [SessionRow[], number];
      const row = taken[0];
      if (!row) {
        const [s] = (await em.query(`select ${SESSION_COLUMNS} from sessions where id = $1`, [sessionId])) as SessionRow[];
        if (!s) throw sessionNotFound();
        const next = await this.nextOpen(em, s);
        throw new ConflictError({
          code: 'SESSION_FULL',
          title: { id: 'Sesi penuh', en: 'The session is full' },
          detail: next
            ? { id: `Sesi berikutnya yang masih tersedia: ${next.date} ${next.start}.`, en: `Next session with seats: ${next.date} ${next.start}.` }
            : { id: 'Belum ada sesi lain yang tersedia.', en: 'No other session has seats yet.' },
          extensions: { nextSession: next },
        });
      }
      const id = newId();
      const applicant = walkIn ? `walk-in:${input.walkIn!.nik}` : identity.subject;
      try {
        await em.query(
          `insert into bookings (tenant_id, id, session_id, applicant_sub, applicant_name, application_id, channel, status) values ($1,$2,$3,$4,$5,$6,$7,'booked')`,
          [t.id, id, sessionId, applicant, walkIn ? input.walkIn!.name : (identity.name ?? identity.username), input.applicationId ?? null, walkIn ? 'walk-in' : 'online'],
        );
      } catch (e) {
        if ((e as { constraint?: string }).constraint === 'bookings_one_per_person')
          throw new ConflictError({ code: 'ALREADY_BOOKED', title: { id: 'Anda sudah memesan sesi ini', en: 'You already booked this session' } });
        throw e;
      }
      return { id, session: view(row), channel: walkIn ? 'walk-in' : 'online', status: 'booked' };
    });
  }

  private async release(em: EntityManager, b: { session_id: string; channel: string }) {
    await em.query(`update sessions set ${b.channel === 'walk-in' ? 'booked_walkin = booked_walkin - 1' : 'booked_online = booked_online - 1'} where id = $1`, [b.session_id]);
  }

  private async ownBooking(em: EntityManager, identity: Identity, id: string) {
    const [b] = (await em.query(`select * from bookings where id = $1 for update`, [id])) as { id: string; session_id: string; channel: string; status: string; applicant_sub: string }[];
    if (!b || b.applicant_sub !== identity.subject) throw bookingNotFound();
    return b;
  }

  async cancel(t: Tenant, identity: Identity, id: string) {
    await this.tx(t, async (em) => {
      const b = await this.ownBooking(em, identity, id);
      if (b.status !== 'booked') throw new ConflictError({ code: 'BOOKING_NOT_ACTIVE', title: { id: 'Pemesanan tidak aktif', en: 'The booking is not active' } });
      await em.query(`update bookings set status = 'cancelled' where id = $1`, [id]);
      await this.release(em, b);
    });
  }

  /** Moves a booking to another session: the new seat is taken before the old one is given back. */
  async reschedule(t: Tenant, identity: Identity, id: string, sessionId: string) {
    const old = await this.tx(t, (em) => this.ownBooking(em, identity, id));
    if (old.status !== 'booked') throw new ConflictError({ code: 'BOOKING_NOT_ACTIVE', title: { id: 'Pemesanan tidak aktif', en: 'The booking is not active' } });
    const fresh = await this.book(t, identity, sessionId, {});
    await this.cancel(t, identity, id);
    return fresh;
  }

  async mine(t: Tenant, identity: Identity) {
    return this.tx(t, async (em) =>
      em.query(
        `select b.id, b.status, b.channel, b.queue_number, b.counter, s.plugin_id || '.' || s.service_code as service, to_char(s.local_date, 'YYYY-MM-DD') as date, s.start_time as start, s.status as session_status
           from bookings b join sessions s on s.id = b.session_id where b.applicant_sub = $1 order by s.starts_at`,
        [identity.subject],
      ),
    );
  }

  private officerOf(identity: Identity, t: Tenant, agency: string) {
    return identity.memberships.some((m) => m.role === 'officer' && 'tenant' in m && m.tenant === t.slug && m.agency === agency) || identity.memberships.some((m) => m.role === 'tenant-admin' && 'tenant' in m && m.tenant === t.slug);
  }

  /** At the MPP: the booking gets the day's next queue number at its counter. */
  async checkIn(t: Tenant, identity: Identity, id: string) {
    return this.tx(t, async (em) => {
      const [b] = (await em.query(
        `select b.*, s.agency_code, s.plugin_id, s.service_code, to_char(s.local_date, 'YYYY-MM-DD') as day from bookings b join sessions s on s.id = b.session_id where b.id = $1 for update of b`,
        [id],
      )) as { status: string; agency_code: string; plugin_id: string; service_code: string; day: string }[];
      if (!b || !this.officerOf(identity, t, b.agency_code)) throw bookingNotFound();
      if (b.status !== 'booked') throw new ConflictError({ code: 'BOOKING_NOT_ACTIVE', title: { id: 'Pemesanan tidak aktif', en: 'The booking is not active' } });
      const { service } = await this.effective(t, `${b.plugin_id}.${b.service_code}`);
      const counter = service.local.counter?.number ? `${service.local.counter.number}` : b.agency_code;
      const [{ last_number }] = (await em.query(
        `insert into counter_days (tenant_id, counter, local_date, last_number) values ($1, $2, $3, 1)
         on conflict (tenant_id, counter, local_date) do update set last_number = counter_days.last_number + 1 returning last_number`,
        [t.id, counter, localDate(this.now(), t.timeZone)],
      )) as [{ last_number: number }];
      await em.query(`update bookings set status = 'checked-in', queue_number = $2, counter = $3, checked_in_at = $4 where id = $1`, [id, last_number, counter, this.now()]);
      return { id, queueNumber: last_number, counter, ticket: `${counter}-${String(last_number).padStart(3, '0')}` };
    });
  }

  /** The counter calls the next checked-in person of the day (lowest number). */
  async callNext(t: Tenant, identity: Identity, counter: string) {
    return this.tx(t, async (em) => {
      const [b] = (await em.query(
        `select b.id, b.queue_number, b.applicant_name, s.agency_code from bookings b join sessions s on s.id = b.session_id
          where b.counter = $1 and b.status = 'checked-in' and (b.checked_in_at at time zone $3)::date = $2::date
          order by b.queue_number limit 1 for update of b skip locked`,
        [counter, localDate(this.now(), t.timeZone), t.timeZone],
      )) as { id: string; queue_number: number; applicant_name: string; agency_code: string }[];
      if (!b) return { called: null };
      if (!this.officerOf(identity, t, b.agency_code)) throw bookingNotFound();
      await em.query(`update bookings set status = 'called', called_at = $2 where id = $1`, [b.id, this.now()]);
      return { called: { id: b.id, ticket: `${counter}-${String(b.queue_number).padStart(3, '0')}`, name: b.applicant_name } };
    });
  }

  async markNoShow(t: Tenant, identity: Identity, id: string) {
    await this.tx(t, async (em) => {
      const [b] = (await em.query(`select b.status, s.agency_code from bookings b join sessions s on s.id = b.session_id where b.id = $1 for update of b`, [id])) as { status: string; agency_code: string }[];
      if (!b || !this.officerOf(identity, t, b.agency_code)) throw bookingNotFound();
      if (b.status !== 'booked' && b.status !== 'called') throw new ConflictError({ code: 'BOOKING_NOT_ACTIVE', title: { id: 'Pemesanan tidak aktif', en: 'The booking is not active' } });
      await em.query(`update bookings set status = 'no-show' where id = $1`, [id]);
    });
  }

  /** The agency cancels a session: every booked citizen gets a reschedule event in the outbox. */
  async cancelSession(t: Tenant, identity: Identity, sessionId: string, reason: string) {
    return this.tx(t, async (em) => {
      const [s] = (await em.query(`select ${SESSION_COLUMNS} from sessions where id = $1 for update`, [sessionId])) as SessionRow[];
      if (!s || !this.officerOf(identity, t, s.agency_code)) throw sessionNotFound();
      await em.query(`update sessions set status = 'cancelled', cancel_reason = $2 where id = $1`, [sessionId, reason]);
      const affected = (await em.query(`update bookings set status = 'cancelled-by-agency' where session_id = $1 and status = 'booked' returning id, applicant_sub, applicant_name`, [sessionId])) as [
        { id: string; applicant_sub: string; applicant_name: string }[],
        number,
      ];
      const next = await this.nextOpen(em, s);
      for (const b of affected[0])
        await em.query(`insert into notification_outbox (tenant_id, id, kind, payload) values ($1, $2, 'session.cancelled', $3)`, [
          t.id,
          newId(),
          JSON.stringify({ booking: b.id, to: b.applicant_sub, name: b.applicant_name, session: sessionId, date: s.local_date, start: s.start_time, reason, suggestion: next }),
        ]);
      return { cancelled: sessionId, rescheduleEvents: affected[0].length, nextSession: next };
    });
  }

  /** Per session: capacity, booked, checked in, no-shows (counts only). */
  async utilization(t: Tenant, from: string, to: string) {
    return this.tx(t, async (em) =>
      em.query(
        `select s.id, s.plugin_id || '.' || s.service_code as service, to_char(s.local_date, 'YYYY-MM-DD') as date, s.start_time as start, s.capacity, s.status, s.holiday,
                count(b.id) filter (where b.status in ('booked', 'checked-in', 'called', 'served', 'no-show'))::int as booked,
                count(b.id) filter (where b.status in ('checked-in', 'called', 'served'))::int as checked_in,
                count(b.id) filter (where b.status = 'no-show')::int as no_show
           from sessions s left join bookings b on b.session_id = s.id
          where s.local_date between $1 and $2
          group by s.tenant_id, s.id order by s.starts_at`,
        [from, to],
      ),
    );
  }
}
