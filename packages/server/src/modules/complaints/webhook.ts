import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { newId } from '@satupintu/core';
import { recordAudit, type Sql, type TenantTx, type UnitOfWork } from '@satupintu/db';
import { actorOf, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { JobCtx, JobSender, JobSpec } from '../../jobs/spec.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import { deliveryNotDead, deliveryNotFound, webhookNotConfigured, webhookUrlInvalid } from './errors.js';
import { complaintQueries } from './queries.js';
import type { ComplaintWebhookConfiguredView, ComplaintWebhookView, WebhookDeliveryDetailView, WebhookDeliveryView } from './schemas.js';
import { exportRecord } from './view.js';
import { webhookQueries, type DeliveryRow, type DeliveryStatus, type WebhookConfigRow } from './webhook-queries.js';

export const WEBHOOK_JOB = 'complaints.webhook';
export const SIGNATURE_HEADER = 'x-satupintu-signature';
export const TIMESTAMP_HEADER = 'x-satupintu-timestamp';

/** A pending delivery this long past due has lost its job (a crash between commit and send): the sweep sends it again. */
const STUCK_AFTER_MS = 2 * 60_000;
/** A claimed attempt is leased for the request timeout plus this, so nobody sends it twice meanwhile. */
const LEASE_MARGIN_MS = 60_000;

/** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` with the tenant's secret. */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, refuse timestamps more than `toleranceSeconds` from its `now` (replays). */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string, now: Date, toleranceSeconds = 300): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(Math.floor(now.getTime() / 1000) - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signBody(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface WebhookOptions {
  /** First retry delay; attempt n waits base × 2^(n−1), capped at one hour (default 30 s). */
  backoffBaseMs?: number;
  /** How long one attempt may take (default 10 s). */
  timeoutMs?: number;
}

/** The `complaints.webhook` job: one delivery of one tenant. */
export interface WebhookJobData {
  tenantId?: string;
  deliveryId?: string;
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'dead' | 'skipped';

const deliveryView = (d: DeliveryRow): WebhookDeliveryView => ({
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

/** The configuration as the admin reads it: never the secret, only its last four characters. */
const configView = (row: WebhookConfigRow): ComplaintWebhookView => ({
  url: row.url,
  active: row.active,
  maxAttempts: row.max_attempts,
  secretHint: row.secret.slice(-4),
  updatedBy: row.updated_by,
  updatedAt: row.updated_at.toISOString(),
});

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * The outbound complaint webhook (ADR 0011): a delivery row is written in the same unit of work
 * as the change it reports (so no event is lost or invented) and its job is sent after the
 * commit; the job claims one attempt, posts the signed body, and records the outcome. Failures
 * are retried with exponential backoff — a job due at `startAfter` computed from the job's clock —
 * and dead-lettered after the tenant's maximum attempts, every attempt logged. Delivery is at
 * least once: receivers dedupe on the delivery id header.
 */
export class ComplaintWebhooks {
  readonly backoffBaseMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly d: { uow: UnitOfWork; jobs: JobSender },
    opts: WebhookOptions = {},
  ) {
    this.backoffBaseMs = opts.backoffBaseMs ?? 30_000;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  /** The wait before the attempt after attempt `attempt`. */
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

  /**
   * Creates or replaces the tenant's webhook (a setting, versioned): creating needs no If-Match;
   * replacing quotes the ETag read (428 without, 412 when stale), checked with the row locked. The
   * secret is answered only when it is made (creation, `rotateSecret`); otherwise only its hint.
   */
  async configure(
    ctx: TenantUserCtx,
    input: { url: string; active?: boolean; maxAttempts?: number; rotateSecret?: boolean },
    pre: Preconditions,
  ): Promise<{ created: boolean; config: ComplaintWebhookConfiguredView; etag: string }> {
    const url = ComplaintWebhooks.validateUrl(input.url);
    const active = input.active ?? true;
    const maxAttempts = input.maxAttempts ?? 8;
    const by = actorOf(ctx);
    return this.d.uow.write(ctx, async (tx) => {
      let prior = await webhookQueries.config(tx.sql, true);
      if (!prior) {
        checkPreconditions(pre, undefined);
        const secret = newSecret();
        const made = await webhookQueries.insertConfig(tx.sql, { tenantId: ctx.tenant.id, url, secret, active, maxAttempts, by, now: ctx.now });
        if (made) {
          await recordAudit(tx, { actor: by, action: 'complaint.webhook.configured', subject: 'complaint-webhook', data: { url, active, maxAttempts, secretRotated: true, version: made.version } });
          return { created: true, config: { ...configView(made), secret }, etag: etagOf(made.version) };
        }
        // Created by someone else since our read: it is a replacement now, and needs their ETag.
        prior = await webhookQueries.config(tx.sql, true);
        if (!prior) throw new Error('complaint webhook vanished while being configured');
      }
      checkPreconditions(pre, etagOf(prior.version));
      const rotate = input.rotateSecret === true;
      const secret = rotate ? newSecret() : prior.secret;
      const row = await webhookQueries.updateConfig(tx.sql, { url, secret, active, maxAttempts, by, now: ctx.now });
      await recordAudit(tx, { actor: by, action: 'complaint.webhook.configured', subject: 'complaint-webhook', data: { url, active, maxAttempts, secretRotated: rotate, version: row.version } });
      return { created: false, config: { ...configView(row), ...(rotate ? { secret } : {}) }, etag: etagOf(row.version) };
    });
  }

  /** The configuration and its ETag. */
  async config(ctx: TenantCtx): Promise<{ config: ComplaintWebhookView; etag: string }> {
    const row = await this.d.uow.read(ctx, (tx) => webhookQueries.config(tx.sql));
    if (!row) throw webhookNotConfigured();
    return { config: configView(row), etag: etagOf(row.version) };
  }

  /**
   * Writes a delivery of `event` for the complaint as it now is, in the caller's unit of work, when
   * the tenant has an active webhook; its job is sent after the commit.
   */
  async emit(tx: TenantTx, ctx: TenantCtx, complaintId: string, event: string, extra: { stage?: string; dueAt?: string } = {}): Promise<void> {
    const cfg = await webhookQueries.config(tx.sql);
    if (!cfg?.active) return;
    const c = await complaintQueries.load(tx.sql, complaintId);
    if (!c) return;
    const id = newId();
    const payload: DeliveryRow['payload'] = { occurredAt: ctx.now.toISOString(), ...extra, complaint: exportRecord(c, ctx.tenant), event, deliveryId: id };
    await webhookQueries.insertDelivery(tx.sql, { tenantId: ctx.tenant.id, id, complaintId, event, payload, maxAttempts: cfg.max_attempts, now: ctx.now });
    tx.afterCommit(() => this.kick(ctx, ctx.tenant.homeRegion, ctx.tenant.id, id, 0, ctx.now));
  }

  /** Hands a delivery's next attempt to the queue, due at `startAfter` (a lost send is swept later). */
  private async kick(scope: { log: { warn(o: object, m: string): void } }, region: string, tenantId: string, deliveryId: string, attempt: number, startAfter?: Date): Promise<void> {
    try {
      // A job's data names its region (the worker builds the job's context from it).
      await this.d.jobs.send<WebhookJobData & { region: string }>(region, WEBHOOK_JOB, { region, tenantId, deliveryId }, { singletonKey: `${deliveryId}:${attempt}`, ...(startAfter ? { startAfter } : {}) });
    } catch (err) {
      scope.log.warn({ err, deliveryId }, 'webhook job not queued; the sweep retries it');
    }
  }

  /**
   * One delivery attempt (the job's work). Claims the attempt if the delivery is pending and due
   * at the job's clock (else `skipped`), posts it, and records the outcome: the retry is due
   * `backoffMs(attempt)` after the attempt by the same clock. A receiver's failure never throws.
   */
  async deliver(job: Pick<JobCtx, 'now' | 'clock' | 'log'>, data: { region: string; tenantId: string; deliveryId: string }): Promise<DeliveryOutcome> {
    const scope = { tenant: { id: data.tenantId, homeRegion: data.region }, now: job.now, log: job.log };
    const claimed = await this.d.uow.write(scope, async (tx) => {
      const cfg = await webhookQueries.config(tx.sql);
      const d = cfg && (await webhookQueries.claim(tx.sql, data.deliveryId, job.now, new Date(job.now.getTime() + this.timeoutMs + LEASE_MARGIN_MS)));
      return cfg && d ? { cfg, d } : undefined;
    });
    if (!claimed) return 'skipped';
    const { cfg, d } = claimed;
    const attempt = d.attempts;
    const body = JSON.stringify(d.payload);
    const ts = Math.floor(job.now.getTime() / 1000);
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
      error = (e instanceof Error ? (e.name === 'TimeoutError' ? `timeout after ${this.timeoutMs} ms` : e.message) : String(e)).slice(0, 500);
    }
    const at = job.clock.now();
    const status: DeliveryStatus = error === null ? 'delivered' : attempt >= d.max_attempts ? 'dead' : 'pending';
    const next = status === 'pending' ? new Date(at.getTime() + this.backoffMs(attempt)) : null;
    const recorded = await this.d.uow.write({ ...scope, now: at }, async (tx) => {
      const logged = await webhookQueries.attempt(tx.sql, { tenantId: data.tenantId, deliveryId: d.id, attempt, at, url: cfg.url, statusCode, error, durationMs: Math.max(0, at.getTime() - job.now.getTime()) });
      if (!logged || !(await webhookQueries.settle(tx.sql, { id: d.id, attempt, status, statusCode, error, next, now: at }))) return false;
      if (next) tx.afterCommit(() => this.kick(job, data.region, data.tenantId, d.id, attempt, next));
      return true;
    });
    if (!recorded) return 'skipped';
    if (status === 'dead') job.log.warn({ delivery: d.id, attempts: attempt, error }, 'webhook delivery dead-lettered');
    return status === 'pending' ? 'retry' : status;
  }

  /** One page of the delivery log, newest first; deliveries written while a client pages sort before its cursor. */
  async deliveries(ctx: TenantCtx, query: { status?: DeliveryStatus; complaint?: string; limit?: number; cursor?: string }): Promise<PageOf<WebhookDeliveryView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.d.uow.read(ctx, (tx) => webhookQueries.deliveries(tx.sql, query, req.after, req.limit + 1));
    return pageOf(rows, req, (d) => [d.page_at, d.id], deliveryView);
  }

  private async detail(sql: Sql, id: string): Promise<WebhookDeliveryDetailView> {
    const d = await webhookQueries.delivery(sql, id);
    if (!d) throw deliveryNotFound();
    const attempts = await webhookQueries.attempts(sql, id);
    return {
      ...deliveryView(d),
      payload: d.payload,
      log: attempts.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), url: a.url, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
    };
  }

  delivery(ctx: TenantCtx, id: string): Promise<WebhookDeliveryDetailView> {
    return this.d.uow.read(ctx, (tx) => this.detail(tx.sql, id));
  }

  /** A dead letter goes back to the queue, due now, with a fresh allowance of attempts (its log continues). */
  requeue(ctx: TenantCtx, id: string): Promise<WebhookDeliveryDetailView> {
    return this.d.uow.write(ctx, async (tx) => {
      const d = await webhookQueries.delivery(tx.sql, id, true);
      if (!d) throw deliveryNotFound();
      if (d.status !== 'dead') throw deliveryNotDead();
      const cfg = await webhookQueries.config(tx.sql);
      if (!cfg) throw webhookNotConfigured();
      await webhookQueries.requeue(tx.sql, id, cfg.max_attempts, ctx.now);
      tx.afterCommit(() => this.kick(ctx, ctx.tenant.homeRegion, ctx.tenant.id, id, d.attempts, ctx.now));
      return this.detail(tx.sql, id);
    });
  }

  /** Sends again the pending deliveries of one tenant whose job was lost; how many. */
  async sweep(ctx: TenantCtx): Promise<number> {
    const stuck = await this.d.uow.read(ctx, (tx) => webhookQueries.stuck(tx.sql, ctx.now, STUCK_AFTER_MS));
    for (const s of stuck) await this.kick(ctx, ctx.tenant.homeRegion, ctx.tenant.id, s.id, s.attempts);
    return stuck.length;
  }
}

/** `complaints.webhook`: delivers one delivery (sent after the commit that wrote it, and for each retry); no schedule. */
export function webhookJob(webhooks: ComplaintWebhooks): JobSpec<WebhookJobData> {
  return {
    name: WEBHOOK_JOB,
    run: async (job, data) => {
      const { region, tenantId, deliveryId } = data;
      if (!tenantId || !deliveryId) throw new Error(`${WEBHOOK_JOB}: tenantId and deliveryId are required`);
      return { deliveryId, outcome: await webhooks.deliver(job, { region, tenantId, deliveryId }) };
    },
  };
}
