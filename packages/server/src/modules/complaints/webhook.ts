import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { newId, type Tenant } from '@satupintu/core';
import { TenantEntity, recordAudit, withTenant, type Databases } from '@satupintu/db';
import type { JobQueues } from '../../jobs.js';
import { deliveryNotDead, deliveryNotFound, webhookNotConfigured, webhookUrlInvalid } from './errors.js';

export const WEBHOOK_JOB = 'complaints.webhook';
export const SIGNATURE_HEADER = 'x-satupintu-signature';
export const TIMESTAMP_HEADER = 'x-satupintu-timestamp';

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` with the tenant's secret. */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, refuse old timestamps (replays). */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string, toleranceSeconds = 300, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface WebhookOptions {
  /** First retry delay; attempt n waits base × 2^(n−1), capped at one hour. */
  backoffBaseMs?: number;
  timeoutMs?: number;
}

export interface WebhookJob {
  region: string;
  tenantId: string;
  deliveryId: string;
}

interface DeliveryRow {
  id: string;
  complaint_id: string;
  event: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  dead_at: Date | null;
}

const deliveryView = (d: DeliveryRow) => ({
  id: d.id,
  complaintId: d.complaint_id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  maxAttempts: d.max_attempts,
  nextAttemptAt: d.status === 'pending' ? (d.next_attempt_at?.toISOString() ?? null) : null,
  lastStatusCode: d.last_status_code,
  lastError: d.last_error,
  createdAt: d.created_at.toISOString(),
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  deadAt: d.dead_at?.toISOString() ?? null,
});

/**
 * The outbound complaint webhook (ADR 0011): an event row is written in the same transaction as
 * the change it reports (so no event is lost or invented), then delivered by a pg-boss job with a
 * signed body; failures are retried with exponential backoff and dead-lettered after the tenant's
 * maximum attempts, every attempt logged. Delivery is at least once: receivers dedupe on the
 * delivery id header.
 */
export class ComplaintWebhooks {
  /** First retry delay (mutable so an operator or a test can shorten it at run time). */
  backoffBaseMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly dbs: Databases,
    private readonly jobs: JobQueues,
    private readonly logger: Logger,
    opts: WebhookOptions = {},
  ) {
    this.backoffBaseMs = opts.backoffBaseMs ?? 30_000;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  private tx<T>(t: Pick<Tenant, 'id' | 'homeRegion'>, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return withTenant(this.dbs.region(t.homeRegion), t.id, fn);
  }

  backoffMs(attempt: number): number {
    return Math.min(this.backoffBaseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  }

  static validateUrl(raw: string): string {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw webhookUrlInvalid('Not an absolute URL.', 'Bukan URL absolut.');
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw webhookUrlInvalid('Only http and https URLs are accepted.', 'Hanya URL http atau https.');
    if (u.username || u.password) throw webhookUrlInvalid('Credentials in the URL are not allowed; the body is signed instead.', 'Kredensial di URL tidak diizinkan; badan pesan ditandatangani.');
    if (u.hash) throw webhookUrlInvalid('A URL fragment is not allowed.', 'Fragmen URL tidak diizinkan.');
    return u.toString();
  }

  async configure(t: Tenant, by: string, input: { url: string; active?: boolean; maxAttempts?: number; rotateSecret?: boolean }) {
    const url = ComplaintWebhooks.validateUrl(input.url);
    return this.tx(t, async (em) => {
      const prior = ((await em.query('select secret from complaint_webhooks where tenant_id = $1 for update', [t.id])) as { secret: string }[])[0];
      const fresh = !prior || input.rotateSecret === true;
      const secret = fresh ? `whsec_${randomBytes(32).toString('base64url')}` : prior.secret;
      await em.query(
        `insert into complaint_webhooks (tenant_id, url, secret, active, max_attempts, updated_by) values ($1, $2, $3, $4, $5, $6)
         on conflict (tenant_id) do update set url = excluded.url, secret = excluded.secret, active = excluded.active, max_attempts = excluded.max_attempts, updated_by = excluded.updated_by, updated_at = now()`,
        [t.id, url, secret, input.active ?? true, input.maxAttempts ?? 8, by],
      );
      await recordAudit(em, { tenantId: t.id, actor: by, action: 'complaint.webhook.configured', subject: 'complaint-webhook', data: { url, active: input.active ?? true, maxAttempts: input.maxAttempts ?? 8, secretRotated: fresh } });
      // The secret is shown only when it is created or rotated.
      return { url, active: input.active ?? true, maxAttempts: input.maxAttempts ?? 8, secretHint: secret.slice(-4), ...(fresh ? { secret } : {}) };
    });
  }

  async config(t: Tenant) {
    const row = await this.tx(t, async (em) => ((await em.query('select url, active, max_attempts, secret, updated_by, updated_at from complaint_webhooks')) as Record<string, any>[])[0]);
    if (!row) throw webhookNotConfigured();
    return { url: row.url as string, active: row.active as boolean, maxAttempts: row.max_attempts as number, secretHint: (row.secret as string).slice(-4), updatedBy: row.updated_by as string, updatedAt: (row.updated_at as Date).toISOString() };
  }

  /** Writes a delivery in the caller's transaction when the tenant has an active webhook; returns its id. */
  async enqueue(em: EntityManager, tenantId: string, complaintId: string, event: string, payload: Record<string, unknown>): Promise<string | null> {
    const cfg = ((await em.query('select max_attempts from complaint_webhooks where active')) as { max_attempts: number }[])[0];
    if (!cfg) return null;
    const id = newId();
    await em.query(
      `insert into complaint_webhook_deliveries (tenant_id, id, complaint_id, event, payload, status, max_attempts, next_attempt_at) values ($1, $2, $3, $4, $5, 'pending', $6, now())`,
      [tenantId, id, complaintId, event, JSON.stringify({ ...payload, event, deliveryId: id }), cfg.max_attempts],
    );
    return id;
  }

  /** Hands deliveries to the queue after their transaction committed (a lost send is swept later). */
  async kick(region: string, tenantId: string, deliveryIds: string[], startAfter?: Date, attempt = 0): Promise<void> {
    for (const deliveryId of deliveryIds) {
      try {
        await this.jobs.send<WebhookJob>(region, WEBHOOK_JOB, { region, tenantId, deliveryId }, { singletonKey: `${deliveryId}:${attempt}`, ...(startAfter ? { startAfter } : {}) });
      } catch (err) {
        this.logger.warn({ err, deliveryId }, 'webhook job not queued; the sweep retries it');
      }
    }
  }

  /** One delivery attempt (the job handler). Never throws for a receiver's failure: retries are ours. */
  async deliver(job: WebhookJob): Promise<'delivered' | 'retry' | 'dead' | 'skipped'> {
    const t = { id: job.tenantId, homeRegion: job.region };
    const loaded = await this.tx(t, async (em) => {
      const d = ((await em.query(`select * from complaint_webhook_deliveries where id = $1 and status = 'pending'`, [job.deliveryId])) as DeliveryRow[])[0];
      const cfg = ((await em.query('select url, secret, active from complaint_webhooks')) as { url: string; secret: string; active: boolean }[])[0];
      return d && cfg ? { d, cfg } : undefined;
    });
    if (!loaded) return 'skipped';
    const { d, cfg } = loaded;
    const body = JSON.stringify(d.payload);
    const ts = Math.floor(Date.now() / 1000);
    const attempt = d.attempts + 1;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(cfg.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Satupintu-Webhook/1',
          'x-satupintu-event': d.event,
          'x-satupintu-delivery': d.id,
          'x-satupintu-attempt': String(attempt),
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: signBody(cfg.secret, ts, body),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      statusCode = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
    } catch (e) {
      error = ((e as Error).name === 'TimeoutError' ? `timeout after ${this.timeoutMs} ms` : (e as Error).message).slice(0, 500);
    }
    const ok = error === null;
    const dead = !ok && attempt >= d.max_attempts;
    const next = ok || dead ? null : new Date(Date.now() + this.backoffMs(attempt));
    const recorded = await this.tx(t, async (em) => {
      const ins = (await em.query(
        `insert into complaint_webhook_attempts (tenant_id, delivery_id, attempt, url, status_code, error, duration_ms) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict do nothing returning attempt`,
        [t.id, d.id, attempt, cfg.url, statusCode, error, Date.now() - started],
      )) as unknown[];
      if (!ins.length) return false; // a twin job recorded this attempt
      await em.query(
        `update complaint_webhook_deliveries set attempts = $2, status = $3, last_status_code = $4, last_error = $5, next_attempt_at = $6,
                delivered_at = case when $3 = 'delivered' then now() else delivered_at end, dead_at = case when $3 = 'dead' then now() else dead_at end
          where id = $1 and status = 'pending'`,
        [d.id, attempt, ok ? 'delivered' : dead ? 'dead' : 'pending', statusCode, error, next],
      );
      return true;
    });
    if (!recorded) return 'skipped';
    if (ok) return 'delivered';
    if (dead) {
      this.logger.warn({ delivery: d.id, attempts: attempt, error }, 'webhook delivery dead-lettered');
      return 'dead';
    }
    await this.kick(job.region, t.id, [d.id], next!, attempt);
    return 'retry';
  }

  async deliveries(t: Tenant, filter: { status?: string; complaint?: string }) {
    return this.tx(t, async (em) => {
      const rows = (await em.query(
        `select * from complaint_webhook_deliveries where ($1::text is null or status = $1) and ($2::uuid is null or complaint_id = $2) order by created_at desc, id desc limit 500`,
        [filter.status ?? null, filter.complaint ?? null],
      )) as DeliveryRow[];
      return rows.map(deliveryView);
    });
  }

  async delivery(t: Tenant, id: string) {
    return this.tx(t, async (em) => {
      const d = ((await em.query('select * from complaint_webhook_deliveries where id = $1', [id])) as DeliveryRow[])[0];
      if (!d) throw deliveryNotFound();
      const attempts = (await em.query('select attempt, at, url, status_code, error, duration_ms from complaint_webhook_attempts where delivery_id = $1 order by attempt', [id])) as Record<string, any>[];
      return {
        ...deliveryView(d),
        payload: d.payload,
        log: attempts.map((a) => ({ attempt: a.attempt as number, at: (a.at as Date).toISOString(), url: a.url as string, statusCode: a.status_code as number | null, error: a.error as string | null, durationMs: a.duration_ms as number })),
      };
    });
  }

  /** A dead letter goes back to the queue with a fresh allowance of attempts (its log continues). */
  async requeue(t: Tenant, id: string) {
    await this.tx(t, async (em) => {
      const d = ((await em.query('select status, attempts from complaint_webhook_deliveries where id = $1 for update', [id])) as { status: string; attempts: number }[])[0];
      if (!d) throw deliveryNotFound();
      if (d.status !== 'dead') throw deliveryNotDead();
      const cfg = ((await em.query('select max_attempts from complaint_webhooks')) as { max_attempts: number }[])[0];
      if (!cfg) throw webhookNotConfigured();
      await em.query(`update complaint_webhook_deliveries set status = 'pending', dead_at = null, max_attempts = attempts + $2, next_attempt_at = now() where id = $1`, [id, cfg.max_attempts]);
    });
    const d = await this.delivery(t, id);
    await this.kick(t.homeRegion, t.id, [id], undefined, d.attempts);
    return d;
  }

  /** Re-queues pending deliveries whose job was lost (a crash between commit and send). */
  async sweep(region: string, now = new Date()): Promise<number> {
    const tenants = await this.dbs.control.getRepository(TenantEntity).find({ where: { homeRegion: region }, select: { id: true } });
    let n = 0;
    for (const t of tenants) {
      const stuck = await withTenant(this.dbs.region(region), t.id, (em) =>
        em.query(`select id, attempts from complaint_webhook_deliveries where status = 'pending' and next_attempt_at < $1::timestamptz - interval '2 minutes' limit 100`, [now]),
      ) as { id: string; attempts: number }[];
      for (const s of stuck) await this.kick(region, t.id, [s.id], undefined, s.attempts);
      n += stuck.length;
    }
    return n;
  }
}
