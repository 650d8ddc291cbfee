import type { Sql } from '@satupintu/db';

export type SessionStatus = 'open' | 'cancelled';
export type BookingChannel = 'online' | 'walk-in';
export type BookingStatus = 'booked' | 'cancelled' | 'checked-in' | 'called' | 'served' | 'no-show' | 'cancelled-by-agency';

/** One session as the sessions table holds it (local date and times as text). */
export interface SessionRow {
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
  status: SessionStatus;
  holiday: string | null;
  confirmed_at: Date | null;
}

/** A session to insert (materialised from the schedule). */
export interface NewSession {
  id: string;
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  onlineCapacity: number;
  holiday: string | null;
}

export interface BookingRow {
  id: string;
  session_id: string;
  applicant_sub: string;
  applicant_name: string | null;
  application_id: string | null;
  channel: BookingChannel;
  status: BookingStatus;
  queue_number: number | null;
  counter: string | null;
}

/** A booking with what the counter needs of its session. */
export interface CounterBookingRow extends BookingRow {
  agency_code: string;
  plugin_id: string;
  service_code: string;
}

/** A caller's booking as `GET …/bookings` lists it, with its page key (the session's start, exact, as text). */
export interface MyBookingRow {
  id: string;
  session_id: string;
  status: BookingStatus;
  channel: BookingChannel;
  queue_number: number | null;
  counter: string | null;
  application_id: string | null;
  service: string;
  date: string;
  start: string;
  end: string;
  starts_at: Date;
  holiday: string | null;
  page_at: string;
  session_status: SessionStatus;
}

/** Per session: counts only (no personal data). */
export interface UtilizationRow {
  id: string;
  service: string;
  date: string;
  start: string;
  capacity: number;
  status: SessionStatus;
  holiday: string | null;
  booked: number;
  checked_in: number;
  no_show: number;
  /** The page key: the session's start, exact, as text. */
  page_at: string;
}

/** A session as a booking sees it, with the person's active bookings that count against the limits. */
export interface BookingCheckRow {
  agency_code: string;
  plugin_id: string;
  service_code: string;
  /** Their active bookings in sessions still to come, other than in this session. */
  active: number;
  /** Their active bookings of the same service on the session's local day, other than in this session. */
  same_day: number;
}

/** An application as a booking that names it checks it. */
export interface LinkedApplicationRow {
  applicant_sub: string | null;
  applicant_nik: string | null;
  data_nik: string | null;
  plugin_id: string;
  service_code: string;
  status: string;
  filed_by_sub: string;
}

/** Where a page starts: after this (start, id) key; none for the first page. */
export type PageKey = readonly [string, string] | undefined;

const SESSION_COLUMNS = `id, plugin_id, service_code, agency_code, to_char(local_date, 'YYYY-MM-DD') as local_date, start_time, end_time, starts_at, ends_at,
  capacity, online_capacity, booked_online, booked_walkin, status, holiday, confirmed_at`;
const BOOKING_COLUMNS = `b.id, b.session_id, b.applicant_sub, b.applicant_name, b.application_id, b.channel, b.status, b.queue_number, b.counter`;
/**
 * A session has an online seat left when its online share is not used up AND walk-ins have not
 * taken the seats that remain: walk-ins may sit in any free seat (registered at the counter, they
 * are there in person), so a session filled by walk-ins has no online seat either. Both halves
 * mirror the table's checks (`booked_online <= online_capacity`, `booked_online + booked_walkin
 * <= capacity`), so the conditional update refuses instead of breaking a check (a 500).
 */
const ONLINE_SEAT_LEFT = `booked_online < online_capacity and booked_online + booked_walkin < capacity`;
/** The statuses that hold a seat (and count for one-booking-per-person). */
const ACTIVE = `('booked', 'checked-in', 'called')`;

export const sessionQueries = {
  inWindow(sql: Sql, pluginId: string, serviceCode: string, from: string, to: string): Promise<SessionRow[]> {
    return sql.rows(`select ${SESSION_COLUMNS} from sessions where plugin_id = $1 and service_code = $2 and local_date between $3::date and $4::date order by starts_at`, [pluginId, serviceCode, from, to]);
  },

  /** Inserts the sessions a schedule asks for in one statement; a session already there (same start) stays as it is. */
  insertMany(sql: Sql, s: { tenantId: string; pluginId: string; serviceCode: string; agencyCode: string }, sessions: readonly NewSession[]): Promise<number> {
    const col = <K extends keyof NewSession>(k: K) => sessions.map((x) => x[k]);
    return sql.exec(
      `insert into sessions (tenant_id, id, plugin_id, service_code, agency_code, local_date, start_time, end_time, starts_at, ends_at, capacity, online_capacity, holiday)
       select $1, n.id, $2, $3, $4, n.local_date, n.start_time, n.end_time, n.starts_at, n.ends_at, n.capacity, n.online_capacity, n.holiday
         from unnest($5::uuid[], $6::date[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::int[], $12::int[], $13::text[])
           as n(id, local_date, start_time, end_time, starts_at, ends_at, capacity, online_capacity, holiday)
       on conflict (tenant_id, plugin_id, service_code, starts_at) do nothing`,
      [s.tenantId, s.pluginId, s.serviceCode, s.agencyCode, col('id'), col('date'), col('start'), col('end'), col('startsAt'), col('endsAt'), col('capacity'), col('onlineCapacity'), col('holiday')],
    );
  },

  load(sql: Sql, id: string, lock = false): Promise<SessionRow | undefined> {
    return sql.maybe(`select ${SESSION_COLUMNS} from sessions where id = $1 ${lock ? 'for update' : ''}`, [id]);
  },

  /** Locks sessions in id order (every writer that locks two sessions does it in this order: no deadlock between them). */
  async lockAll(sql: Sql, ids: readonly string[]): Promise<void> {
    await sql.rows(`select id from sessions where id = any($1::uuid[]) order by id for update`, [[...new Set(ids)]]);
  },

  /**
   * Takes one seat by one conditional UPDATE (exact capacity however many ask at once), in one
   * round trip with what a refusal needs: when no seat is left, the session as it is and the next
   * open session of the same service. No row at all: there is no such session.
   */
  async takeSeat(sql: Sql, id: string, channel: BookingChannel): Promise<{ taken?: SessionRow; current?: SessionRow; next?: SessionRow }> {
    const take =
      channel === 'walk-in'
        ? `update sessions set booked_walkin = booked_walkin + 1 where id = $1 and status = 'open' and booked_online + booked_walkin < capacity returning ${SESSION_COLUMNS}`
        : `update sessions set booked_online = booked_online + 1 where id = $1 and status = 'open' and ${ONLINE_SEAT_LEFT} returning ${SESSION_COLUMNS}`;
    const rows = await sql.rows<SessionRow & { kind: 'taken' | 'current' | 'next' }>(
      `with taken as (${take}),
            cur as (select ${SESSION_COLUMNS} from sessions where id = $1 and not exists (select 1 from taken)),
            nxt as (select ${SESSION_COLUMNS} from sessions
                     where plugin_id = (select plugin_id from cur) and service_code = (select service_code from cur) and status = 'open'
                       and starts_at > (select starts_at from cur) and ${ONLINE_SEAT_LEFT}
                     order by starts_at limit 1)
       select 'taken' as kind, * from taken union all select 'current', * from cur union all select 'next', * from nxt`,
      [id],
    );
    const pick = (kind: string) => rows.find((r) => r.kind === kind);
    return { taken: pick('taken'), current: pick('current'), next: pick('next') };
  },

  /**
   * Who holds an online seat of a session (their subjects), read after a refusal: its own statement
   * sees every winner the refused update waited for.
   */
  async onlineHolders(sql: Sql, id: string): Promise<string[]> {
    const rows = await sql.rows<{ applicant_sub: string }>(`select applicant_sub from bookings where session_id = $1 and channel = 'online' and status in ${ACTIVE}`, [id]);
    return rows.map((r) => r.applicant_sub);
  },

  async release(sql: Sql, id: string, channel: BookingChannel): Promise<void> {
    await sql.exec(channel === 'walk-in' ? `update sessions set booked_walkin = booked_walkin - 1 where id = $1` : `update sessions set booked_online = booked_online - 1 where id = $1`, [id]);
  },

  /**
   * The open sessions of the same service after `s` up to `until` (a local date) with a seat left,
   * in time order: where a cancelled session's people move. A flagged session the agency has not
   * confirmed is no place to move anyone.
   */
  laterWithSeats(sql: Sql, s: Pick<SessionRow, 'plugin_id' | 'service_code' | 'starts_at'>, until: string): Promise<SessionRow[]> {
    return sql.rows(
      `select ${SESSION_COLUMNS} from sessions
        where plugin_id = $1 and service_code = $2 and status = 'open' and starts_at > $3 and local_date <= $4::date and booked_online + booked_walkin < capacity
          and (holiday is null or confirmed_at is not null)
        order by starts_at limit 200`,
      [s.plugin_id, s.service_code, s.starts_at, until],
    );
  },

  /** The next open session of the same service after `s` with an online seat left. */
  nextOpen(sql: Sql, s: Pick<SessionRow, 'plugin_id' | 'service_code' | 'starts_at'>): Promise<SessionRow | undefined> {
    return sql.maybe(
      `select ${SESSION_COLUMNS} from sessions
        where plugin_id = $1 and service_code = $2 and status = 'open' and starts_at > $3 and ${ONLINE_SEAT_LEFT}
        order by starts_at limit 1`,
      [s.plugin_id, s.service_code, s.starts_at],
    );
  },

  /** Sets the holiday flag of sessions (id → flag, null: none) as the calendar now stands; a changed flag asks the agency again (its confirmation is cleared). */
  async reflag(sql: Sql, flags: readonly { id: string; holiday: string | null }[]): Promise<void> {
    await sql.exec(
      `update sessions s set holiday = n.holiday, confirmed_at = null, confirmed_by = null
         from unnest($1::uuid[], $2::text[]) as n(id, holiday) where s.id = n.id and s.holiday is distinct from n.holiday`,
      [flags.map((f) => f.id), flags.map((f) => f.holiday)],
    );
  },

  /** The agency confirms it serves a flagged session (the first confirmation stands); the session as it now is. */
  confirm(sql: Sql, id: string, by: string, now: Date): Promise<SessionRow> {
    return sql.one(`update sessions set confirmed_at = coalesce(confirmed_at, $3), confirmed_by = coalesce(confirmed_by, $2) where id = $1 returning ${SESSION_COLUMNS}`, [id, by, now]);
  },

  /** Whether cuti bersama is a working day for an agency's counter here (false when never set). */
  async cutiBersamaWorking(sql: Sql, agency: string): Promise<boolean> {
    const row = await sql.maybe<{ cuti_bersama_working: boolean }>(`select cuti_bersama_working from agency_calendars where agency_code = $1`, [agency]);
    return row?.cuti_bersama_working ?? false;
  },

  async setCutiBersamaWorking(sql: Sql, a: { tenantId: string; agency: string; working: boolean; by: string; now: Date }): Promise<void> {
    await sql.exec(
      `insert into agency_calendars (tenant_id, agency_code, cuti_bersama_working, updated_by, updated_at) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, agency_code) do update set cuti_bersama_working = excluded.cuti_bersama_working, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [a.tenantId, a.agency, a.working, a.by, a.now],
    );
  },

  async cancel(sql: Sql, id: string, reason: string): Promise<void> {
    await sql.exec(`update sessions set status = 'cancelled', cancel_reason = $2 where id = $1`, [id, reason]);
  },

  /** One page of per-session counts from `from` to `to` (local dates), in (start, id) order after `after`; reads `limit` rows. */
  utilization(sql: Sql, from: string, to: string, after: PageKey, limit: number): Promise<UtilizationRow[]> {
    return sql.rows(
      `select s.id, s.plugin_id || '.' || s.service_code as service, to_char(s.local_date, 'YYYY-MM-DD') as date, s.start_time as start, s.capacity, s.status, s.holiday,
              s.starts_at::text as page_at,
              count(b.id) filter (where b.status in ('booked', 'checked-in', 'called', 'served', 'no-show'))::int as booked,
              count(b.id) filter (where b.status in ('checked-in', 'called', 'served'))::int as checked_in,
              count(b.id) filter (where b.status = 'no-show')::int as no_show
         from sessions s left join bookings b on b.session_id = s.id
        where s.local_date between $1::date and $2::date
          and ($3::timestamptz is null or (s.starts_at, s.id) > ($3::timestamptz, $4::uuid))
        group by s.tenant_id, s.id order by s.starts_at, s.id limit $5`,
      [from, to, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  },
};

export const bookingQueries = {
  /**
   * Serialises one person's bookings in this tenant until the transaction ends (a transaction-level
   * advisory lock on tenant and person): two bookings at once cannot both pass the limits. Taken
   * before any session lock, so it never closes a cycle with them.
   */
  async lockPerson(sql: Sql, tenantId: string, applicantSub: string): Promise<void> {
    await sql.rows(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`booking:${tenantId}:${applicantSub}`]);
  },

  /** The session (undefined: none) and what the person holds that counts against the limits; `except` leaves one booking out (the one being moved). */
  check(sql: Sql, sessionId: string, applicantSub: string, now: Date, except: string | null = null): Promise<BookingCheckRow | undefined> {
    return sql.maybe(
      `select t.agency_code, t.plugin_id, t.service_code,
              (select count(*)::int from bookings b join sessions s on s.id = b.session_id
                where b.applicant_sub = $2 and b.status in ${ACTIVE} and b.session_id <> t.id and s.ends_at > $3 and ($4::uuid is null or b.id <> $4)) as active,
              (select count(*)::int from bookings b join sessions s on s.id = b.session_id
                where b.applicant_sub = $2 and b.status in ${ACTIVE} and b.session_id <> t.id and ($4::uuid is null or b.id <> $4)
                  and s.plugin_id = t.plugin_id and s.service_code = t.service_code and s.local_date = t.local_date) as same_day
         from sessions t where t.id = $1`,
      [sessionId, applicantSub, now, except],
    );
  },

  /** The application a booking names, as far as the link is checked. */
  application(sql: Sql, id: string): Promise<LinkedApplicationRow | undefined> {
    return sql.maybe(
      `select applicant_sub, applicant->>'nik' as applicant_nik, data->>'nik' as data_nik, plugin_id, service_code, status, filed_by_sub from applications where id = $1`,
      [id],
    );
  },

  /** The application's active booking in a session not yet over, other than `except`. */
  activeForApplication(sql: Sql, applicationId: string, now: Date, except: string | null): Promise<{ id: string } | undefined> {
    return sql.maybe(
      `select b.id from bookings b join sessions s on s.id = b.session_id
        where b.application_id = $1 and b.status in ${ACTIVE} and s.ends_at > $2 and ($3::uuid is null or b.id <> $3) limit 1`,
      [applicationId, now, except],
    );
  },

  load(sql: Sql, id: string, lock = false): Promise<BookingRow | undefined> {
    return sql.maybe(`select ${BOOKING_COLUMNS} from bookings b where b.id = $1 ${lock ? 'for update' : ''}`, [id]);
  },

  /** A booking with its session's agency and service, locked for the counter. */
  lockForCounter(sql: Sql, id: string): Promise<CounterBookingRow | undefined> {
    return sql.maybe(
      `select ${BOOKING_COLUMNS}, s.agency_code, s.plugin_id, s.service_code from bookings b join sessions s on s.id = b.session_id where b.id = $1 for update of b`,
      [id],
    );
  },

  /** Inserts a booking; false when the person already holds one in that session. */
  async insert(
    sql: Sql,
    b: { tenantId: string; id: string; sessionId: string; applicantSub: string; applicantName: string | null; applicationId: string | null; channel: BookingChannel; now: Date },
  ): Promise<boolean> {
    const row = await sql.maybe<{ id: string }>(
      `insert into bookings (tenant_id, id, session_id, applicant_sub, applicant_name, application_id, channel, status, created_at) values ($1, $2, $3, $4, $5, $6, $7, 'booked', $8)
       on conflict (tenant_id, session_id, applicant_sub) where status in ${ACTIVE} do nothing returning id`,
      [b.tenantId, b.id, b.sessionId, b.applicantSub, b.applicantName, b.applicationId, b.channel, b.now],
    );
    return row !== undefined;
  },

  async setStatus(sql: Sql, id: string, status: BookingStatus): Promise<void> {
    await sql.exec(`update bookings set status = $2 where id = $1`, [id, status]);
  },

  /** The agency cancelled the session: its booked citizens, now `cancelled-by-agency`. */
  cancelBySession(sql: Sql, sessionId: string): Promise<{ id: string; applicant_sub: string; applicant_name: string | null; application_id: string | null; channel: BookingChannel; created_at: Date }[]> {
    return sql.rows(
      `update bookings set status = 'cancelled-by-agency' where session_id = $1 and status = 'booked' returning id, applicant_sub, applicant_name, application_id, channel, created_at`,
      [sessionId],
    );
  },

  /** One page of a person's bookings in session-time order, after `after` ((start, id)); reads `limit` rows. */
  mine(sql: Sql, subject: string, after: PageKey, limit: number, applicationId: string | null = null): Promise<MyBookingRow[]> {
    return sql.rows(
      `select b.id, b.session_id, b.status, b.channel, b.queue_number, b.counter, b.application_id, s.plugin_id || '.' || s.service_code as service,
              to_char(s.local_date, 'YYYY-MM-DD') as date, s.start_time as start, s.end_time as "end", s.holiday, s.starts_at, s.starts_at::text as page_at, s.status as session_status
         from bookings b join sessions s on s.id = b.session_id
        where b.applicant_sub = $1 and ($2::timestamptz is null or (s.starts_at, b.id) > ($2::timestamptz, $3::uuid))
          and ($5::uuid is null or b.application_id = $5)
        order by s.starts_at, b.id limit $4`,
      [subject, after?.[0] ?? null, after?.[1] ?? null, limit, applicationId],
    );
  },

  async checkIn(sql: Sql, id: string, queueNumber: number, counter: string, at: Date): Promise<void> {
    await sql.exec(`update bookings set status = 'checked-in', queue_number = $2, counter = $3, checked_in_at = $4 where id = $1`, [id, queueNumber, counter, at]);
  },

  /**
   * The lowest checked-in number of the local day at a counter, locked (one being called by another
   * officer is skipped), among the bookings of `agencies` (undefined: every agency's).
   */
  nextCheckedIn(sql: Sql, counter: string, day: string, timeZone: string, agencies?: string[]): Promise<{ id: string; queue_number: number; applicant_name: string | null; agency_code: string } | undefined> {
    return sql.maybe(
      `select b.id, b.queue_number, b.applicant_name, s.agency_code from bookings b join sessions s on s.id = b.session_id
        where b.counter = $1 and b.status = 'checked-in' and (b.checked_in_at at time zone $3)::date = $2::date
          and ($4::text[] is null or s.agency_code = any($4::text[]))
        order by b.queue_number limit 1 for update of b skip locked`,
      [counter, day, timeZone, agencies ?? null],
    );
  },

  /** The booking `ahead` places behind the head of a counter's waiting line (after a call), if any: who is told "soon". */
  waitingAt(sql: Sql, counter: string, day: string, timeZone: string, ahead: number): Promise<{ id: string; queue_number: number; applicant_sub: string } | undefined> {
    return sql.maybe(
      `select b.id, b.queue_number, b.applicant_sub from bookings b
        where b.counter = $1 and b.status = 'checked-in' and (b.checked_in_at at time zone $3)::date = $2::date
        order by b.queue_number offset $4 limit 1`,
      [counter, day, timeZone, ahead],
    );
  },

  async call(sql: Sql, id: string, at: Date): Promise<void> {
    await sql.exec(`update bookings set status = 'called', called_at = $2 where id = $1`, [id, at]);
  },
};

export const counterQueries = {
  /** The counter's next queue number of the local day (1 for the day's first). */
  async next(sql: Sql, tenantId: string, counter: string, day: string): Promise<number> {
    const r = await sql.one<{ last_number: number }>(
      `insert into counter_days (tenant_id, counter, local_date, last_number) values ($1, $2, $3, 1)
       on conflict (tenant_id, counter, local_date) do update set last_number = counter_days.last_number + 1 returning last_number`,
      [tenantId, counter, day],
    );
    return r.last_number;
  },
};

/** An application as a queue ticket checks it. */
export interface TicketApplicationRow {
  agency_code: string;
  plugin_id: string;
  service_code: string;
  status: string;
  filed_by_sub: string;
  filed_by_role: string;
}

export interface QueueTicketRow {
  id: string;
  counter: string;
  queue_number: number;
  agency_code: string;
  service: string;
  application_id: string;
  status: 'waiting' | 'called' | 'no-show';
}

/** One line of a counter board: a booking of the day or a walk-in ticket. */
export interface BoardRow {
  kind: 'booking' | 'ticket';
  id: string;
  counter: string | null;
  queue_number: number | null;
  status: 'booked' | 'waiting' | 'called';
  service: string;
  plugin_id: string;
  service_code: string;
  agency_code: string;
  start: string | null;
  name: string | null;
  called_at: Date | null;
}

const TICKET_COLUMNS = `id, counter, queue_number, agency_code, service, application_id, status`;

export const ticketQueries = {
  /** The application a ticket is taken for; locked so two asks for it take one number. */
  application(sql: Sql, id: string, lock = false): Promise<TicketApplicationRow | undefined> {
    return sql.maybe(
      `select agency_code, plugin_id, service_code, status, filed_by_sub, filed_by_role from applications where id = $1 ${lock ? 'for update' : ''}`,
      [id],
    );
  },

  forApplication(sql: Sql, applicationId: string, day: string): Promise<QueueTicketRow | undefined> {
    return sql.maybe(`select ${TICKET_COLUMNS} from queue_tickets where application_id = $1 and local_date = $2::date`, [applicationId, day]);
  },

  insert(
    sql: Sql,
    t: { tenantId: string; id: string; counter: string; day: string; queueNumber: number; agency: string; service: string; applicationId: string; issuedBy: string; now: Date },
  ): Promise<QueueTicketRow> {
    return sql.one(
      `insert into queue_tickets (tenant_id, id, counter, local_date, queue_number, agency_code, service, application_id, status, issued_by_sub, issued_at)
       values ($1, $2, $3, $4::date, $5, $6, $7, $8, 'waiting', $9, $10) returning ${TICKET_COLUMNS}`,
      [t.tenantId, t.id, t.counter, t.day, t.queueNumber, t.agency, t.service, t.applicationId, t.issuedBy, t.now],
    );
  },

  lock(sql: Sql, id: string): Promise<QueueTicketRow | undefined> {
    return sql.maybe(`select ${TICKET_COLUMNS} from queue_tickets where id = $1 for update`, [id]);
  },

  async setStatus(sql: Sql, id: string, status: QueueTicketRow['status'], at?: Date): Promise<void> {
    await sql.exec(`update queue_tickets set status = $2, called_at = coalesce($3, called_at) where id = $1`, [id, status, at ?? null]);
  },

  /** How many wait before `number` at a counter today (tickets and checked-in bookings). */
  async waitingAhead(sql: Sql, counter: string, day: string, timeZone: string, number: number): Promise<number> {
    const r = await sql.one<{ n: number }>(
      `select ((select count(*) from queue_tickets where counter = $1 and local_date = $2::date and status = 'waiting' and queue_number < $4)
             + (select count(*) from bookings where counter = $1 and status = 'checked-in' and (checked_in_at at time zone $3)::date = $2::date and queue_number < $4))::int as n`,
      [counter, day, timeZone, number],
    );
    return r.n;
  },

  /** The lowest waiting ticket of the day at a counter, locked (one being called by another officer is skipped). */
  nextWaiting(sql: Sql, counter: string, day: string, agencies?: string[]): Promise<{ id: string; queue_number: number; agency_code: string; name: string | null } | undefined> {
    return sql.maybe(
      `select t.id, t.queue_number, t.agency_code, a.applicant->>'name' as name from queue_tickets t left join applications a on a.id = t.application_id
        where t.counter = $1 and t.local_date = $2::date and t.status = 'waiting' and ($3::text[] is null or t.agency_code = any($3::text[]))
        order by t.queue_number limit 1 for update of t skip locked`,
      [counter, day, agencies ?? null],
    );
  },

  /** The numbers called today, newest first (bookings and tickets), for the hall display. */
  recentCalls(sql: Sql, day: string, timeZone: string, perCounter: number): Promise<{ counter: string; queue_number: number }[]> {
    return sql.rows(
      `select counter, queue_number from (
         select counter, queue_number, called_at, row_number() over (partition by counter order by called_at desc) as n from (
           select b.counter, b.queue_number, b.called_at from bookings b where b.called_at is not null and (b.called_at at time zone $2)::date = $1::date and b.counter is not null
           union all
           select t.counter, t.queue_number, t.called_at from queue_tickets t where t.local_date = $1::date and t.called_at is not null
         ) c
       ) r where n <= $3 order by called_at desc`,
      [day, timeZone, perCounter],
    );
  },

  /** Today's bookings (to check in, waiting, called) and tickets (waiting, called) of `agencies` (undefined: all). */
  board(sql: Sql, day: string, timeZone: string, agencies?: string[]): Promise<BoardRow[]> {
    return sql.rows(
      `select 'booking' as kind, b.id, b.counter, b.queue_number, case b.status when 'checked-in' then 'waiting' else b.status end as status,
              s.plugin_id || '.' || s.service_code as service, s.plugin_id, s.service_code, s.agency_code, s.start_time as start, b.applicant_name as name, b.called_at
         from bookings b join sessions s on s.id = b.session_id
        where ((b.status = 'booked' and s.local_date = $1::date) or (b.status in ('checked-in', 'called') and (b.checked_in_at at time zone $2)::date = $1::date))
          and ($3::text[] is null or s.agency_code = any($3::text[]))
       union all
       select 'ticket', t.id, t.counter, t.queue_number, t.status, t.service, split_part(t.service, '.', 1), split_part(t.service, '.', 2), t.agency_code, null, a.applicant->>'name', t.called_at
         from queue_tickets t left join applications a on a.id = t.application_id
        where t.local_date = $1::date and t.status in ('waiting', 'called') and ($3::text[] is null or t.agency_code = any($3::text[]))
        order by queue_number nulls last, start`,
      [day, timeZone, agencies ?? null],
    );
  },
};
