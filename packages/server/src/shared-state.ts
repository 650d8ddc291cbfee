import pg from 'pg';
import type { Logger } from 'pino';
import type { CircuitBreaker } from '@satupintu/storage';
import type { BudgetBackend } from './http/ratelimit.js';

/** The database's clock in ms since the epoch, one value per statement (every process agrees). */
const NOW = `(extract(epoch from statement_timestamp()) * 1000)`;
/** Requests that conform now, given the key's arrival time `tat`: ($3 window − how far tat is ahead) / $2 interval, at most $4. */
const GRANT = (tat: string) => `greatest(0, least($4::int, floor(($3::float8 - greatest(${tat} - ${NOW}, 0)) / $2::float8 + 1e-9)))::int`;

/**
 * One step of GCRA for a key, atomically, in one statement (a new key starts with a full budget):
 * grant what conforms of the requests asked for, move the arrival time on by as many intervals.
 * The row lock of ON CONFLICT serialises processes taking from the same key.
 */
export const TAKE_SQL = `
  insert into rate_limit_budgets as b (key, tat, granted)
  values ($1, ${NOW} + ${GRANT('0')} * $2::float8, ${GRANT('0')})
  on conflict (key) do update set
    granted = ${GRANT('b.tat')},
    tat = greatest(b.tat, ${NOW}) + ${GRANT('b.tat')} * $2::float8
  returning granted, tat - ${NOW} as ahead`;

/**
 * Budgets shared by every process, on the control database (table rate_limit_budgets, UNLOGGED):
 * a small pool of its own, so budget look-ups never queue behind the API's queries nor take
 * their connections; rows whose arrival time has passed (a full budget again) are swept.
 */
export class PostgresBudgets implements BudgetBackend {
  private readonly pool: pg.Pool;
  private readonly sweeper: NodeJS.Timeout;
  /** Statements sent (for the bench and tests). */
  taken = 0;

  constructor(url: string, opts: { max?: number; sweepMs?: number } = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: opts.max ?? 4,
      application_name: 'satupintu-rate-limits',
      connectionTimeoutMillis: 1_000,
      query_timeout: 1_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection's error (the database restarted) must not crash the process.
    this.pool.on('error', () => {});
    const every = opts.sweepMs ?? 60_000;
    this.sweeper = setInterval(() => void this.sweep().catch(() => {}), every + Math.floor(Math.random() * every * 0.2));
    this.sweeper.unref();
  }

  async take(key: string, intervalMs: number, windowMs: number, want: number): Promise<{ granted: number; aheadMs: number }> {
    this.taken++;
    const { rows } = await this.pool.query<{ granted: number; ahead: number }>(TAKE_SQL, [key, intervalMs, windowMs, want]);
    const row = rows[0]!;
    return { granted: Number(row.granted), aheadMs: Number(row.ahead) };
  }

  /** Removes keys whose budget is whole again (their row says nothing a missing row would not). */
  async sweep(): Promise<number> {
    const r = await this.pool.query(`delete from rate_limit_budgets where tat < ${NOW}`);
    return r.rowCount ?? 0;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.pool.end();
  }
}

/** The channel on which a process says that it opened the object-store circuit. */
export const BREAKER_CHANNEL = 'satupintu_breaker';

/**
 * Shares the object store's circuit across processes: when this process opens it, every other
 * hears "open for N ms" (pg NOTIFY on the control database) and opens too, so a second process
 * does not hammer a store the first just found down. Only the opening is shared; each process
 * closes its own circuit by its own trial (or /readyz). `url` must reach a session of its own (the
 * control database's session URL, `CONTROL_DATABASE_SESSION_URL` when set): LISTEN through a
 * transaction-mode pooler such as PgBouncer's silently hears nothing.
 */
export class SharedBreaker {
  private client?: pg.Client;
  private stopped = false;
  /** This process's id in the payload: its own notices are not adopted again. */
  private readonly origin = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

  private constructor(
    private readonly url: string,
    private readonly breaker: CircuitBreaker,
    private readonly log: Pick<Logger, 'warn' | 'info'>,
  ) {}

  static async start(url: string, breaker: CircuitBreaker, log: Pick<Logger, 'warn' | 'info'>): Promise<SharedBreaker> {
    const shared = new SharedBreaker(url, breaker, log);
    await shared.listen();
    breaker.onOpen((ms) => shared.publish(ms));
    return shared;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'satupintu-breaker' });
    client.on('notification', (m) => {
      if (m.channel !== BREAKER_CHANNEL || !m.payload) return;
      try {
        const { origin, openForMs } = JSON.parse(m.payload) as { origin?: string; openForMs?: number };
        if (origin === this.origin || typeof openForMs !== 'number') return;
        this.breaker.adopt(openForMs);
        this.log.info({ openForMs }, 'object store circuit opened by another process');
      } catch {
        // not ours
      }
    });
    const lost = () => {
      if (this.stopped || this.client !== client) return;
      this.client = undefined;
      setTimeout(() => void this.listen().catch(lost), 2_000).unref();
    };
    client.on('error', (err) => {
      this.log.warn({ err }, 'breaker channel lost');
      lost();
    });
    client.on('end', lost);
    this.client = client;
    await client.connect();
    await client.query(`listen ${BREAKER_CHANNEL}`);
  }

  /** Tells every process (this one ignores its own notice); a failure only costs the sharing. */
  publish(openForMs: number): void {
    const client = this.client;
    if (!client) return;
    client.query('select pg_notify($1, $2)', [BREAKER_CHANNEL, JSON.stringify({ origin: this.origin, openForMs })]).catch((err) => this.log.warn({ err }, 'breaker notice not sent'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => {});
  }
}
