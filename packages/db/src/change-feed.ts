import pg from 'pg';
import { CHANGE_CHANNEL, type CacheChange } from './unit-of-work.js';

/** A change heard on the feed, or `everything` after a reconnect (notifications may have been missed). */
export type HeardChange = CacheChange | { kind: 'everything' };

export interface ChangeFeedOptions {
  /** Session connection URLs (no transaction-mode pooler) of every database whose transactions announce changes (control plane and regions). */
  urls: string[];
  onChange(change: HeardChange): void;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Cross-process cache invalidation: every process LISTENs on each database, and a transaction that
 * changes cached data (tenant directory, installations, closures, holidays) sends `pg_notify`,
 * which PostgreSQL delivers at commit, to every listener. A dropped connection is reopened with
 * back-off, and then every cache is flushed: what was said meanwhile is lost. The listener needs a
 * session of its own: behind PgBouncer's transaction mode a LISTEN lands on whichever server
 * connection ran it and its notifications are silently lost, so `urls` are the session URLs
 * (`CONTROL_DATABASE_SESSION_URL`, `DATABASE_SESSION_URL_<REGION>`; `Databases.sessionAppUrls`).
 * The notices themselves (`pg_notify` in a transaction) may go through the pooler.
 */
export class ChangeFeed {
  private readonly clients = new Map<string, pg.Client>();
  private stopped = false;

  private constructor(private readonly opts: ChangeFeedOptions) {}

  static async start(opts: ChangeFeedOptions): Promise<ChangeFeed> {
    const feed = new ChangeFeed(opts);
    await Promise.all(opts.urls.map((u) => feed.connect(u)));
    return feed;
  }

  private async connect(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: 'satupintu-change-feed' });
    client.on('notification', (m) => {
      if (m.channel !== CHANGE_CHANNEL || !m.payload) return;
      try {
        this.opts.onChange(JSON.parse(m.payload) as CacheChange);
      } catch {
        this.opts.onChange({ kind: 'everything' });
      }
    });
    client.on('error', (err) => {
      this.opts.log?.warn({ err }, 'change feed connection lost');
      this.reconnect(url, client);
    });
    client.on('end', () => this.reconnect(url, client));
    await client.connect();
    await client.query(`listen ${CHANGE_CHANNEL}`);
    this.clients.set(url, client);
  }

  private reconnect(url: string, dead: pg.Client, delay = 500): void {
    if (this.stopped || this.clients.get(url) !== dead) return;
    this.clients.delete(url);
    setTimeout(() => {
      if (this.stopped) return;
      this.connect(url)
        .then(() => this.opts.onChange({ kind: 'everything' }))
        .catch(() => {
          // Still down: try again, waiting longer each time (up to 10 s).
          const retry = new pg.Client({ connectionString: url });
          this.clients.set(url, retry);
          this.reconnect(url, retry, Math.min(delay * 2, 10_000));
        });
    }, delay).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.clients.values()].map((c) => c.end()));
    this.clients.clear();
  }
}
