import { randomBytes } from 'node:crypto';
import { newId } from '@satupintu/core';
import { recordAudit, type Sql, type TenantTx, type UnitOfWork } from '@satupintu/db';
import { actorOf, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { JobCtx, JobSender, JobSpec } from '../../jobs/spec.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import type { DataKeyring } from '../../secrets.js';
import { deliveryNotDead, deliveryNotFound, webhookInactive, webhookNotConfigured, webhookUrlInvalid } from './errors.js';
import { complaintQueries } from './queries.js';
import type { ComplaintWebhookConfiguredView, ComplaintWebhookView, WebhookDeliveryDetailView, WebhookDeliveryView } from './schemas.js';
import { exportRecord } from './view.js';
import { webhookQueries, type DeliveryRow, type DeliveryStatus, type SealedSecret, type WebhookConfigRow } from './webhook-queries.js';
import { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './webhook-signature.js';
import { postTo, resolveTarget, systemResolver, TARGET_FAILURE, urlRefusal, type Resolver, type TargetPolicy } from './webhook-target.js';

export const WEBHOOK_JOB = 'complaints.webhook';
export { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER, verifySignature } from './webhook-signature.js';
/** A pending delivery this long past due has lost its job (a crash between commit and send): the sweep sends it again. */
const STUCK_AFTER_MS = 2 * 60_000;
/** A claimed attempt is leased for the request timeout plus this, so nobody sends it twice meanwhile. */
const LEASE_MARGIN_MS = 60_000;

export interface WebhookOptions {
  /** First retry delay; attempt n waits base × 2^(n−1), capped at one hour (default 30 s). */
  backoffBaseMs?: number;
  /** How long one attempt may take (default 10 s). */
  timeoutMs?: number;
  /**
   * Accept loopback targets (127.0.0.0/8, ::1, localhost): for local test receivers, in
   * development only — refused (an error at start) when `env` is production. Default false.
   */
  allowLoopbackTargets?: boolean;
  /** How target names are resolved (default `dns.lookup`, every address); tests inject answers. */
  resolver?: Resolver;
}

/** What the webhook is built from: the unit of work, the job queue, the data keyring (secrets at rest), the environment (https only in production). */
export interface WebhookDeps {
  uow: UnitOfWork;
  jobs: JobSender;
  /** The data keyring (resolved on first use: building the API document touches no key). */
  keyring: () => DataKeyring;
  env: 'development' | 'production';
}

/** What a webhook's pending deliveries are dead-lettered with when it is switched off, or its target changes. */
export const CANCELLED_SWITCHED_OFF = 'cancelled: the webhook was switched off';
export const CANCELLED_TARGET_CHANGED = 'cancelled: the webhook target changed';

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
  secretHint: row.secret_hint,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at.toISOString(),
});

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
/** The associated data a tenant's webhook secret is sealed with: a sealed value copied to another tenant's row does not open. */
const secretContext = (tenantId: string) => `complaint-webhook:${tenantId}`;

/**
 * The outbound complaint webhook (ADR 0011): a delivery row is written in the same unit of work
 * as the change it reports (so no event is lost or invented) and its job is sent after the
 * commit; the job claims one attempt, posts the signed body, and records the outcome. Failures
 * are retried with exponential backoff — a job due at `startAfter` computed from the job's clock —
 * and dead-lettered after the tenant's maximum attempts, every attempt logged. Delivery is at
 * least once: receivers dedupe on the delivery id header.
 *
 * Security (docs/security.md): the target is checked when configured and — the check that
 * counts — resolved and checked at every attempt, the connection pinned to the checked address
 * (webhook-target.ts); every failure to reach it is logged as the one TARGET_FAILURE. A webhook
 * switched off sends nothing: switching it off (or changing its target) dead-letters its pending
 * deliveries, which the admin may requeue on purpose once it is on. The signing secret is sealed
 * at rest (AES-256-GCM under the data key, `secrets.ts`) and rotatable (`rotateSecret`); a
 * plaintext secret from before sealing, or one under a previous data key, is sealed again on its
 * first use and by the every-minute sweep.
 */
export class ComplaintWebhooks {
  readonly backoffBaseMs: number;
  private readonly timeoutMs: number;
  private readonly resolver: Resolver;
  private readonly policy: TargetPolicy;

  constructor(
    private readonly d: WebhookDeps,
    opts: WebhookOptions = {},
  ) {
    this.backoffBaseMs = opts.backoffBaseMs ?? 30_000;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.resolver = opts.resolver ?? systemResolver;
    this.policy = { env: d.env, allowLoopback: false };
    this.allowLoopbackTargets(opts.allowLoopbackTargets ?? false);
  }

  /** The same webhook on other jobs, options or resolver (tests: a job recorder, a fake resolver). */
  with(d: Partial<WebhookDeps>, opts: WebhookOptions = {}): ComplaintWebhooks {
    return new ComplaintWebhooks({ ...this.d, ...d }, { backoffBaseMs: this.backoffBaseMs, timeoutMs: this.timeoutMs, resolver: this.resolver, allowLoopbackTargets: this.policy.allowLoopback, ...opts });
  }

  /**
   * Loopback targets on or off (local test receivers). Development only: asking for it in
   * production throws. The test platform turns it on around the tests that deliver to a
   * 127.0.0.1 listener, and off again.
   */
  allowLoopbackTargets(on: boolean): void {
    if (on && this.d.env === 'production') throw new Error('complaint webhook: loopback targets are never allowed in production');
    this.policy.allowLoopback = on;
  }

  /** The wait before the attempt after attempt `attempt`. */
  backoffMs(attempt: number): number {
    return Math.min(this.backoffBaseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  }

  /** The configuration-time check (WEBHOOK_URL_INVALID): an absolute http(s) URL (https in production), no credentials or fragment, no private, loopback, link-local, metadata or reserved address, no local name. */
  validateUrl(raw: string): string {
    const refusal = urlRefusal(raw, this.policy);
    if (refusal) throw webhookUrlInvalid(refusal.en, refusal.id);
    return new URL(raw).toString();
  }

  private openSecret(row: WebhookConfigRow, tenantId: string): string {
    return row.secret_key_id === null ? row.secret : this.d.keyring().open(row.secret, secretContext(tenantId));
  }

  private seal(secret: string, tenantId: string): SealedSecret {
    return { sealed: this.d.keyring().seal(secret, secretContext(tenantId)), keyId: this.d.keyring().current.id, hint: secret.slice(-4) };
  }

  /**
   * The signing secret of a configuration row; a plaintext one (from before sealing) or one sealed
   * under a previous data key is sealed again under the current key in the caller's write.
   */
  private async secretOf(sql: Sql, row: WebhookConfigRow, tenantId: string): Promise<string> {
    const secret = this.openSecret(row, tenantId);
    if (row.secret_key_id !== this.d.keyring().current.id) await webhookQueries.reseal(sql, row.secret, this.seal(secret, tenantId));
    return secret;
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
    const url = this.validateUrl(input.url);
    const active = input.active ?? true;
    const maxAttempts = input.maxAttempts ?? 8;
    const by = actorOf(ctx);
    return this.d.uow.write(ctx, async (tx) => {
      let prior = await webhookQueries.config(tx.sql, true);
      if (!prior) {
        checkPreconditions(pre, undefined);
        const secret = newSecret();
        const made = await webhookQueries.insertConfig(tx.sql, { tenantId: ctx.tenant.id, url, secret: this.seal(secret, ctx.tenant.id), active, maxAttempts, by, now: ctx.now });
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
      const secret = rotate ? newSecret() : this.openSecret(prior, ctx.tenant.id);
      // Nothing written for one target goes to another, and nothing goes out while it is off.
      const reason = prior.active && !active ? CANCELLED_SWITCHED_OFF : prior.url !== url ? CANCELLED_TARGET_CHANGED : null;
      const cancelled = reason ? await webhookQueries.cancelPending(tx.sql, reason, ctx.now) : 0;
      const row = await webhookQueries.updateConfig(tx.sql, { url, secret: this.seal(secret, ctx.tenant.id), active, maxAttempts, by, now: ctx.now });
      await recordAudit(tx, { actor: by, action: 'complaint.webhook.configured', subject: 'complaint-webhook', data: { url, active, maxAttempts, secretRotated: rotate, cancelledDeliveries: cancelled, version: row.version } });
      return { created: false, config: { ...configView(row), ...(rotate ? { secret } : {}) }, etag: etagOf(row.version) };
    });
  }

  /** A new signing secret (answered this once), replacing the old at once; the ETag read is quoted in If-Match. */
  async rotateSecret(ctx: TenantUserCtx, pre: Preconditions): Promise<{ config: ComplaintWebhookConfiguredView; etag: string }> {
    const by = actorOf(ctx);
    return this.d.uow.write(ctx, async (tx) => {
      const prior = await webhookQueries.config(tx.sql, true);
      if (!prior) throw webhookNotConfigured();
      checkPreconditions(pre, etagOf(prior.version));
      const secret = newSecret();
      const row = await webhookQueries.updateConfig(tx.sql, { url: prior.url, secret: this.seal(secret, ctx.tenant.id), active: prior.active, maxAttempts: prior.max_attempts, by, now: ctx.now });
      await recordAudit(tx, { actor: by, action: 'complaint.webhook.secret-rotated', subject: 'complaint-webhook', data: { keyId: this.d.keyring().current.id, version: row.version } });
      return { config: { ...configView(row), secret }, etag: etagOf(row.version) };
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
    // Another system receives it: no anonymous or confidential complainant (view.ts, exportRecord).
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
      // Switched off: nothing is sent (switching off dead-lettered what was pending; a queued job finds this).
      if (!cfg?.active) return undefined;
      const d = await webhookQueries.claim(tx.sql, data.deliveryId, job.now, new Date(job.now.getTime() + this.timeoutMs + LEASE_MARGIN_MS));
      return d ? { url: cfg.url, secret: await this.secretOf(tx.sql, cfg, data.tenantId), d } : undefined;
    });
    if (!claimed) return 'skipped';
    const { url, secret, d } = claimed;
    const attempt = d.attempts;
    const body = JSON.stringify(d.payload);
    const ts = Math.floor(job.now.getTime() / 1000);
    let statusCode: number | null = null;
    let error: string | null = null;
    // Why a target was not reached, for the operators' log only: the delivery log says TARGET_FAILURE.
    let cause: string | null = null;
    const target = await resolveTarget(url, this.policy, this.resolver);
    if (!target) cause = 'refused by the target policy (scheme, name or a resolved address) or not resolvable';
    else {
      try {
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'Satupintu-Webhook/1',
          'x-satupintu-event': d.event,
          'x-satupintu-delivery': d.id,
          'x-satupintu-attempt': String(attempt),
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: signBody(secret, ts, body),
        };
        statusCode = await postTo(target, headers, body, this.timeoutMs);
        if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
      } catch (e) {
        cause = e instanceof Error ? (('code' in e && typeof e.code === 'string' && e.code) || e.message) : String(e);
      }
    }
    if (cause !== null) error = TARGET_FAILURE;
    const at = job.clock.now();
    const status: DeliveryStatus = error === null ? 'delivered' : attempt >= d.max_attempts ? 'dead' : 'pending';
    const next = status === 'pending' ? new Date(at.getTime() + this.backoffMs(attempt)) : null;
    // No timing of a failure either: how long a connection took to fail tells what is behind it.
    const durationMs = statusCode === null ? 0 : Math.max(0, at.getTime() - job.now.getTime());
    const recorded = await this.d.uow.write({ ...scope, now: at }, async (tx) => {
      const logged = await webhookQueries.attempt(tx.sql, { tenantId: data.tenantId, deliveryId: d.id, attempt, at, url, statusCode, error, durationMs });
      if (!logged || !(await webhookQueries.settle(tx.sql, { id: d.id, attempt, status, statusCode, error, next, now: at }))) return false;
      if (next) tx.afterCommit(() => this.kick(job, data.region, data.tenantId, d.id, attempt, next));
      return true;
    });
    if (cause !== null) job.log.info({ delivery: d.id, attempt, cause }, 'webhook target refused or unreachable');
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
      if (!cfg.active) throw webhookInactive();
      await webhookQueries.requeue(tx.sql, id, cfg.max_attempts, ctx.now);
      tx.afterCommit(() => this.kick(ctx, ctx.tenant.homeRegion, ctx.tenant.id, id, d.attempts, ctx.now));
      return this.detail(tx.sql, id);
    });
  }

  /**
   * Sends again the pending deliveries of one tenant whose job was lost (none while the webhook is
   * switched off); how many. Seals its secret again when it is plaintext (from before sealing) or
   * under a previous data key.
   */
  async sweep(ctx: TenantCtx): Promise<number> {
    const keyId = this.d.keyring().current.id;
    const { stuck, reseal } = await this.d.uow.read(ctx, async (tx) => {
      const cfg = await webhookQueries.config(tx.sql);
      return { stuck: cfg?.active ? await webhookQueries.stuck(tx.sql, ctx.now, STUCK_AFTER_MS) : [], reseal: cfg !== undefined && cfg.secret_key_id !== keyId };
    });
    if (reseal) await this.resealSecret(ctx);
    for (const s of stuck) await this.kick(ctx, ctx.tenant.homeRegion, ctx.tenant.id, s.id, s.attempts);
    return stuck.length;
  }

  /** Seals the tenant's secret under the current data key if it is not (plaintext, or a previous key); whether it did. */
  async resealSecret(ctx: TenantCtx): Promise<boolean> {
    return this.d.uow.write(ctx, async (tx) => {
      const cfg = await webhookQueries.config(tx.sql, true);
      if (!cfg || cfg.secret_key_id === this.d.keyring().current.id) return false;
      await this.secretOf(tx.sql, cfg, ctx.tenant.id);
      return true;
    });
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
