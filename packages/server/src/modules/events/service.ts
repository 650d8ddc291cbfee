import { createHmac, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { newId } from '@satupintu/core';
import { recordAudit, type Sql, type TenantTx, type UnitOfWork } from '@satupintu/db';
import { actorOf, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { JobCtx, JobSender } from '../../jobs/spec.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import type { DataKeyring } from '../../secrets.js';
import { filterMatches, isEventType, validFilter } from './catalogue.js';
import { endpointInactive, endpointNotFound, endpointUrlInvalid, eventDeliveryNotDead, eventDeliveryNotFound, eventTypeUnknown } from './errors.js';
import { eventQueries, type DeliveryRow, type DeliveryStatus, type EndpointRow, type SealedSecret } from './queries.js';
import type { EventDeliveryDetailView, EventDeliveryView, EventEndpointView, EventEndpointWithSecretView } from './schemas.js';
import { resolveTarget, sendTo, systemResolver, TARGET_FAILURE, urlRefusal, type Resolver, type TargetPolicy } from './target.js';

export const DELIVER_JOB = 'events.deliver';
export const SWEEP_JOB = 'events.sweep';

/** The Standard Webhooks schedule: the waits after attempts 1…9 (the first attempt is immediate); the 10th failure is final. */
export const DEFAULT_SCHEDULE_MS: readonly number[] = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000];
/** How long a rotated-out secret keeps signing (every attempt carries both signatures meanwhile). */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;
/** A pending delivery this long past due has lost its job (a crash between commit and send): the sweep sends it again. */
const STUCK_AFTER_MS = 2 * 60_000;
const LEASE_MARGIN_MS = 60_000;
/** The statuses that ask the sender to slow down: their Retry-After is honoured. */
const THROTTLE = new Set([429, 502, 504]);

export const GONE_REASON = 'gone: the receiver answered 410';
export const FAILING_REASON = 'failing: every attempt failed for the whole retry schedule';
export const CANCELLED_SWITCHED_OFF = 'cancelled: the endpoint was switched off';
export const CANCELLED_TARGET_CHANGED = 'cancelled: the endpoint target changed';

/** The deprecated complaint webhook's signature (X-Satupintu-Signature): `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}` keyed with the secret string. */
export function legacySignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A secret as Standard Webhooks serialises it: `whsec_` + standard base64 (secrets migrated from the complaint webhook were base64url). */
export function standardSecret(secret: string): string {
  const raw = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  const b64 = raw.replace(/-/g, '+').replace(/_/g, '/');
  return `whsec_${b64}${'='.repeat((4 - (b64.length % 4)) % 4)}`;
}

/** The signer of a secret: its base64 key (Standard Webhooks); a plaintext secret from before sealing that is not base64 signs with its bytes. */
function signerOf(secret: string): Webhook {
  try {
    return new Webhook(standardSecret(secret));
  } catch {
    return new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' });
  }
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const newMessageId = () => `msg_${newId().replace(/-/g, '')}`;
const secretContext = (tenantId: string, endpointId: string) => `event-endpoint:${tenantId}:${endpointId}`;
/** The context a complaint webhook's secret was sealed with (migrated endpoints, until re-sealed). */
const legacyContext = (tenantId: string) => `complaint-webhook:${tenantId}`;

export interface SignedEventsOptions {
  /** The waits after each failed attempt (default: the Standard Webhooks schedule); its length + 1 is the default attempt allowance. */
  scheduleMs?: readonly number[];
  /** Multiplies every wait (tests: 0.001). Default 1. */
  scale?: number;
  /** ± fraction of each wait drawn at random (default 0.1); 0 in tests that compare times. */
  jitter?: number;
  /** How long one attempt may take (default 15 s). */
  timeoutMs?: number;
  /** Loopback targets for local test receivers: development only (throws in production). */
  allowLoopbackTargets?: boolean;
  /** How target names are resolved (default `dns.lookup`); tests inject answers. */
  resolver?: Resolver;
  /** A number in [0, 1) (default Math.random): the jitter's draw. */
  random?: () => number;
}

export interface SignedEventsDeps {
  uow: UnitOfWork;
  jobs: JobSender;
  /** The data keyring (resolved on first use). */
  keyring: () => DataKeyring;
  env: 'development' | 'production';
  /** The home region of a tenant (to queue a delivery's job after a commit). */
  regionOf: (tenantId: string) => Promise<string>;
}

export interface EndpointInput {
  url: string;
  description?: string;
  eventTypes?: string[];
  agency?: string | null;
  active?: boolean;
}

export interface EndpointChange extends Partial<EndpointInput> {
  legacyHeaders?: boolean;
  maxAttempts?: number;
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'dead' | 'skipped';

export interface DeliverJobData {
  tenantId?: string;
  deliveryId?: string;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const endpointView = (e: EndpointRow): EventEndpointView => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.event_types,
  agency: e.agency_code,
  active: e.active,
  disabledReason: e.disabled_reason,
  disabledAt: iso(e.disabled_at),
  secretHint: e.secret_hint,
  previousSecretUntil: iso(e.previous_secret_until),
  legacy: e.legacy,
  legacyHeaders: e.legacy_headers,
  maxAttempts: e.max_attempts,
  createdAt: e.created_at.toISOString(),
  updatedBy: e.updated_by,
  updatedAt: e.updated_at.toISOString(),
});

export const deliveryView = (d: DeliveryRow): EventDeliveryView => ({
  id: d.id,
  endpointId: d.endpoint_id,
  messageId: d.message_id,
  type: d.type,
  status: d.status,
  attempts: d.attempts,
  maxAttempts: d.max_attempts,
  nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
  lastStatusCode: d.last_status_code,
  lastError: d.last_error,
  createdAt: d.created_at.toISOString(),
  deliveredAt: iso(d.delivered_at),
  deadAt: iso(d.dead_at),
  replayOf: d.replay_of,
  replayedBy: d.replayed_by,
});

/**
 * Signed events (Standard Webhooks 1.0, ADR 0026). `publish` writes a thin message and one
 * delivery per matching active endpoint in the caller's unit of work; each delivery's job is sent
 * after the commit and makes one attempt: signed with the endpoint's secret (and the previous one
 * during a rotation's 24 hours), to a target resolved and checked at that attempt and pinned
 * (target.ts). Failures follow the retry schedule with jitter (Retry-After honoured on 429, 502,
 * 504), then the delivery is dead; 410 disables the endpoint, and so does failing for a whole
 * schedule (with a notice to the tenant admin). Dead deliveries are replayed on an admin's word
 * as fresh deliveries of the same message (same `webhook-id`). Secrets are sealed at rest.
 */
export class SignedEvents {
  private readonly schedule: readonly number[];
  private readonly scale: number;
  private readonly jitter: number;
  private readonly timeoutMs: number;
  private readonly resolver: Resolver;
  private readonly random: () => number;
  private readonly policy: TargetPolicy;

  constructor(
    private readonly d: SignedEventsDeps,
    private readonly opts: SignedEventsOptions = {},
  ) {
    this.schedule = opts.scheduleMs ?? DEFAULT_SCHEDULE_MS;
    this.scale = opts.scale ?? 1;
    this.jitter = opts.jitter ?? 0.1;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.resolver = opts.resolver ?? systemResolver;
    this.random = opts.random ?? Math.random;
    this.policy = { env: d.env, allowLoopback: false };
    this.allowLoopbackTargets(opts.allowLoopbackTargets ?? false);
  }

  /** The same service on other deps or options (tests: a job recorder, a resolver, a schedule). */
  with(d: Partial<SignedEventsDeps>, opts: SignedEventsOptions = {}): SignedEvents {
    return new SignedEvents({ ...this.d, ...d }, { ...this.opts, allowLoopbackTargets: this.policy.allowLoopback, ...opts });
  }

  /** Loopback targets on or off (local test receivers); never in production. */
  allowLoopbackTargets(on: boolean): void {
    if (on && this.d.env === 'production') throw new Error('signed events: loopback targets are never allowed in production');
    this.policy.allowLoopback = on;
  }

  /** Attempts a delivery gets by default: the first, plus one per wait of the schedule. */
  get defaultMaxAttempts(): number {
    return Math.min(20, this.schedule.length + 1);
  }

  /** The wait after failed attempt `attempt` (1-based), with jitter. */
  waitAfter(attempt: number): number {
    const base = (this.schedule[Math.min(attempt - 1, this.schedule.length - 1)] ?? 0) * this.scale;
    return Math.max(0, Math.round(base * (1 + this.jitter * (2 * this.random() - 1))));
  }

  /** Why a URL is refused as a target (Indonesian, English), or null. */
  refusal(raw: string): { en: string; id: string } | null {
    return urlRefusal(raw, this.policy);
  }

  /** The configuration-time URL check (EVENT_ENDPOINT_URL_INVALID). */
  validateUrl(raw: string): string {
    const refusal = urlRefusal(raw, this.policy);
    if (refusal) throw endpointUrlInvalid(refusal.en, refusal.id);
    return new URL(raw).toString();
  }

  private validateTypes(types: readonly string[]): string[] {
    types.forEach((t, i) => {
      if (!validFilter(t)) throw eventTypeUnknown(i, t);
    });
    return [...types];
  }

  // ---- secrets ---------------------------------------------------------------------------------

  private seal(secret: string, tenantId: string, endpointId: string): SealedSecret {
    const ring = this.d.keyring();
    return { sealed: ring.seal(secret, secretContext(tenantId, endpointId)), keyId: ring.current.id };
  }

  private open(sealed: string, keyId: string | null, legacy: boolean, tenantId: string, endpointId: string): string {
    if (keyId === null) return sealed;
    return this.d.keyring().open(sealed, legacy ? legacyContext(tenantId) : secretContext(tenantId, endpointId));
  }

  /** The endpoint's current secret and, during a rotation's overlap at `now`, the previous one. */
  private secretsOf(e: EndpointRow, tenantId: string, now: Date): { current: string; previous: string | null } {
    const current = this.open(e.secret, e.secret_key_id, e.secret_legacy, tenantId, e.id);
    const previous = e.previous_secret && e.previous_secret_until && e.previous_secret_until > now ? this.open(e.previous_secret, e.previous_secret_key_id, e.previous_secret_legacy, tenantId, e.id) : null;
    return { current, previous };
  }

  private needsReseal(e: EndpointRow): boolean {
    const id = this.d.keyring().current.id;
    return e.secret_legacy || e.secret_key_id !== id || (e.previous_secret !== null && (e.previous_secret_legacy || e.previous_secret_key_id !== id));
  }

  private async reseal(sql: Sql, e: EndpointRow, tenantId: string): Promise<void> {
    const current = this.open(e.secret, e.secret_key_id, e.secret_legacy, tenantId, e.id);
    const previous = e.previous_secret ? this.open(e.previous_secret, e.previous_secret_key_id, e.previous_secret_legacy, tenantId, e.id) : null;
    await eventQueries.reseal(sql, e.id, { secret: e.secret, previous: e.previous_secret }, { secret: this.seal(current, tenantId, e.id), previous: previous === null ? null : this.seal(previous, tenantId, e.id) });
  }

  // ---- publishing ------------------------------------------------------------------------------

  /**
   * Publishes one event in the caller's unit of work: a message (thin payload `{type, timestamp,
   * data}`; `data` carries ids and codes only) and a delivery per active endpoint whose filter
   * takes `type` and whose agency (if any) is `opts.agency`; their jobs are sent after the commit.
   * Answers the message id (the `webhook-id`), or null when no endpoint takes it (nothing written).
   */
  async publish(tx: TenantTx, type: string, data: Record<string, unknown>, opts: { agency?: string | null; region?: string } = {}): Promise<string | null> {
    if (!isEventType(type)) throw new Error(`signed events: ${type} is not in the catalogue (catalogue.ts)`);
    const agency = opts.agency ?? null;
    const targets = (await eventQueries.endpoints(tx.sql)).filter((e) => e.active && filterMatches(e.event_types, type) && (e.agency_code === null || e.agency_code === agency));
    if (!targets.length) return null;
    const id = newMessageId();
    await eventQueries.insertMessage(tx.sql, { tenantId: tx.tenantId, id, type, agency, payload: { type, timestamp: tx.now.toISOString(), data }, now: tx.now });
    const deliveries: string[] = [];
    for (const e of targets) {
      const deliveryId = newId();
      await eventQueries.insertDelivery(tx.sql, { tenantId: tx.tenantId, id: deliveryId, endpointId: e.id, messageId: id, maxAttempts: e.max_attempts, now: tx.now });
      deliveries.push(deliveryId);
    }
    const tenantId = tx.tenantId;
    const now = tx.now;
    tx.afterCommit(async () => {
      const region = opts.region ?? (await this.d.regionOf(tenantId).catch(() => undefined));
      // Without the region the sweep sends them (two minutes later).
      if (region) for (const deliveryId of deliveries) await this.kick(region, tenantId, deliveryId, 0, now);
    });
    return id;
  }

  /** Hands a delivery's next attempt to the queue, due at `startAfter` (a lost send is swept later). */
  private async kick(region: string, tenantId: string, deliveryId: string, attempt: number, startAfter?: Date, log?: { warn(o: object, m: string): void }): Promise<void> {
    try {
      await this.d.jobs.send<DeliverJobData & { region: string }>(region, DELIVER_JOB, { region, tenantId, deliveryId }, { singletonKey: `${deliveryId}:${attempt}`, ...(startAfter ? { startAfter } : {}) });
    } catch (err) {
      log?.warn({ err, deliveryId }, 'event delivery job not queued; the sweep retries it');
    }
  }

  // ---- delivering ------------------------------------------------------------------------------

  /** The headers of one attempt (Standard Webhooks; plus the complaint webhook's when the endpoint keeps them). */
  signedHeaders(e: { legacy_headers: boolean }, messageId: string, type: string, at: Date, body: string, secrets: { current: string; previous: string | null }): Record<string, string> {
    const signatures = [secrets.current, ...(secrets.previous ? [secrets.previous] : [])].map((s) => signerOf(s).sign(messageId, at, body));
    const ts = Math.floor(at.getTime() / 1000);
    return {
      'content-type': 'application/json',
      'user-agent': 'Satupintu-Webhooks/1',
      'webhook-id': messageId,
      'webhook-timestamp': String(ts),
      'webhook-signature': signatures.join(' '),
      ...(e.legacy_headers
        ? { 'x-satupintu-event': type, 'x-satupintu-delivery': messageId, 'x-satupintu-timestamp': String(ts), 'x-satupintu-signature': legacySignature(secrets.current, ts, body) }
        : {}),
    };
  }

  /**
   * One attempt (the job's work): claims it if the delivery is pending, due at the job's clock and
   * its endpoint active (else `skipped`), posts it, and records the outcome. Never throws for a
   * receiver's failure.
   */
  async deliver(job: Pick<JobCtx, 'now' | 'clock' | 'log'>, data: { region: string; tenantId: string; deliveryId: string }): Promise<DeliveryOutcome> {
    const scope = { tenant: { id: data.tenantId, homeRegion: data.region }, now: job.now, log: job.log };
    const claimed = await this.d.uow.write(scope, async (tx) => {
      const found = await eventQueries.delivery(tx.sql, data.deliveryId);
      if (!found) return undefined;
      const e = await eventQueries.endpoint(tx.sql, found.endpoint_id);
      if (!e?.active) return undefined;
      const d = await eventQueries.claim(tx.sql, data.deliveryId, job.now, new Date(job.now.getTime() + this.timeoutMs + LEASE_MARGIN_MS));
      const m = d && (await eventQueries.message(tx.sql, d.message_id));
      if (!d || !m) return undefined;
      if (this.needsReseal(e)) await this.reseal(tx.sql, e, data.tenantId);
      return { e, d, body: JSON.stringify(m.payload), secrets: this.secretsOf(e, data.tenantId, job.now) };
    });
    if (!claimed) return 'skipped';
    const { e, d, body, secrets } = claimed;
    const attempt = d.attempts;
    let statusCode: number | null = null;
    let error: string | null = null;
    let response: string | null = null;
    let retryAfter: number | null = null;
    let cause: string | null = null;
    const started = Date.now();
    const target = await resolveTarget(e.url, this.policy, this.resolver);
    if (!target) cause = 'refused by the target policy (scheme, name or a resolved address) or not resolvable';
    else {
      try {
        const answer = await sendTo(target, this.signedHeaders(e, d.message_id, d.type, job.now, body, secrets), body, this.timeoutMs, job.now);
        statusCode = answer.status;
        response = answer.excerpt || null;
        if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
        if (THROTTLE.has(statusCode)) retryAfter = answer.retryAfterSeconds;
      } catch (err) {
        cause = err instanceof Error ? (('code' in err && typeof err.code === 'string' && err.code) || err.message) : String(err);
      }
    }
    if (cause !== null) error = TARGET_FAILURE;
    const gone = statusCode === 410;
    const at = job.clock.now();
    const status: DeliveryStatus = error === null ? 'delivered' : gone || attempt >= d.max_attempts ? 'dead' : 'pending';
    const wait = status === 'pending' ? Math.max(this.waitAfter(attempt), (retryAfter ?? 0) * 1000) : 0;
    const next = status === 'pending' ? new Date(at.getTime() + wait) : null;
    // No timing of a failure to connect: how long it took tells what is behind the target.
    const durationMs = statusCode === null ? 0 : Math.max(0, Date.now() - started);
    const recorded = await this.d.uow.write({ ...scope, now: at }, async (tx) => {
      const logged = await eventQueries.attempt(tx.sql, { tenantId: data.tenantId, deliveryId: d.id, attempt, at, url: e.url, statusCode, error, response, durationMs });
      if (!logged || !(await eventQueries.settle(tx.sql, { id: d.id, attempt, status, statusCode, error, next, now: at }))) return false;
      if (next) tx.afterCommit(() => this.kick(data.region, data.tenantId, d.id, attempt, next, job.log));
      // 410: the receiver wants nothing more. Dead after a whole schedule without one success: it is failing.
      const reason = gone ? GONE_REASON : status === 'dead' && !(await eventQueries.deliveredSince(tx.sql, e.id, d.created_at)) ? FAILING_REASON : null;
      if (reason && (await eventQueries.disable(tx.sql, e.id, reason, at))) {
        await eventQueries.cancelPending(tx.sql, e.id, `cancelled: ${reason}`, at);
        await tx.outbox('events.endpoint-disabled', { to: ['tenant-admin'], endpoint: e.id, url: e.url, reason });
        await recordAudit(tx, { actor: 'system', action: 'events.endpoint.disabled', subject: `event-endpoint:${e.id}`, data: { reason, delivery: d.id } });
      }
      return true;
    });
    if (cause !== null) job.log.info({ delivery: d.id, attempt, cause }, 'event target refused or unreachable');
    if (!recorded) return 'skipped';
    if (status === 'dead') job.log.warn({ delivery: d.id, attempts: attempt, error }, 'event delivery dead-lettered');
    return status === 'pending' ? 'retry' : status;
  }

  // ---- endpoints -------------------------------------------------------------------------------

  /** A new endpoint with its secret (answered this once). `legacy`: the endpoint standing for the deprecated complaint webhook. */
  async create(
    ctx: TenantUserCtx,
    input: EndpointInput,
    extra: { legacy?: boolean; maxAttempts?: number } = {},
  ): Promise<{ created: boolean; endpoint: EventEndpointWithSecretView; etag: string } | undefined> {
    const url = this.validateUrl(input.url);
    const eventTypes = this.validateTypes(input.eventTypes ?? []);
    const by = actorOf(ctx);
    return this.d.uow.write(ctx, async (tx) => {
      const id = newId();
      const secret = newSecret();
      const row = await eventQueries.insertEndpoint(tx.sql, {
        tenantId: ctx.tenant.id, id, url, description: input.description ?? '', eventTypes, agency: input.agency ?? null, active: input.active ?? true,
        secret: this.seal(secret, ctx.tenant.id, id), hint: secret.slice(-4), legacy: extra.legacy ?? false, maxAttempts: extra.maxAttempts ?? this.defaultMaxAttempts, by, now: ctx.now,
      });
      if (!row) return undefined;
      await recordAudit(tx, { actor: by, action: 'events.endpoint.created', subject: `event-endpoint:${id}`, data: { url, eventTypes, agency: row.agency_code, active: row.active, legacy: row.legacy } });
      return { created: true, endpoint: { ...endpointView(row), secret }, etag: etagOf(row.version) };
    });
  }

  async list(ctx: TenantCtx): Promise<EventEndpointView[]> {
    return (await this.d.uow.read(ctx, (tx) => eventQueries.endpoints(tx.sql))).map(endpointView);
  }

  async get(ctx: TenantCtx, id: string): Promise<{ endpoint: EventEndpointView; etag: string }> {
    const row = await this.d.uow.read(ctx, (tx) => eventQueries.endpoint(tx.sql, id));
    if (!row) throw endpointNotFound();
    return { endpoint: endpointView(row), etag: etagOf(row.version) };
  }

  /** The endpoint standing for the deprecated complaint webhook, if any. */
  async legacy(ctx: TenantCtx): Promise<EndpointRow | undefined> {
    return this.d.uow.read(ctx, (tx) => eventQueries.legacyEndpoint(tx.sql));
  }

  /**
   * Changes an endpoint (its ETag quoted in If-Match: 428 without, 412 when stale). Switching it
   * off or changing its URL dead-letters its pending deliveries; switching it on clears why the
   * platform disabled it.
   */
  async update(ctx: TenantUserCtx, id: string, change: EndpointChange, pre: Preconditions): Promise<{ endpoint: EventEndpointView; etag: string }> {
    const url = change.url === undefined ? undefined : this.validateUrl(change.url);
    const types = change.eventTypes === undefined ? undefined : this.validateTypes(change.eventTypes);
    const by = actorOf(ctx);
    return this.d.uow.write(ctx, async (tx) => {
      const prior = await eventQueries.endpoint(tx.sql, id, true);
      if (!prior) throw endpointNotFound();
      checkPreconditions(pre, etagOf(prior.version));
      const active = change.active ?? prior.active;
      const next = {
        url: url ?? prior.url,
        description: change.description ?? prior.description,
        eventTypes: types ?? prior.event_types,
        agency: change.agency === undefined ? prior.agency_code : change.agency,
        active,
        disabledReason: active ? null : prior.disabled_reason,
        disabledAt: active ? null : prior.disabled_at,
        legacyHeaders: change.legacyHeaders ?? prior.legacy_headers,
        maxAttempts: change.maxAttempts ?? prior.max_attempts,
        by,
        now: ctx.now,
      };
      const reason = prior.active && !active ? CANCELLED_SWITCHED_OFF : prior.url !== next.url ? CANCELLED_TARGET_CHANGED : null;
      const cancelled = reason ? await eventQueries.cancelPending(tx.sql, id, reason, ctx.now) : 0;
      const row = await eventQueries.updateEndpoint(tx.sql, id, next);
      await recordAudit(tx, { actor: by, action: 'events.endpoint.updated', subject: `event-endpoint:${id}`, data: { url: row.url, eventTypes: row.event_types, agency: row.agency_code, active, legacyHeaders: row.legacy_headers, cancelledDeliveries: cancelled, version: row.version } });
      return { endpoint: endpointView(row), etag: etagOf(row.version) };
    });
  }

  /** Deletes an endpoint and its deliveries (If-Match as for an update). */
  async remove(ctx: TenantUserCtx, id: string, pre: Preconditions): Promise<void> {
    const by = actorOf(ctx);
    await this.d.uow.write(ctx, async (tx) => {
      const prior = await eventQueries.endpoint(tx.sql, id, true);
      if (!prior) throw endpointNotFound();
      checkPreconditions(pre, etagOf(prior.version));
      await eventQueries.deleteEndpoint(tx.sql, id);
      await recordAudit(tx, { actor: by, action: 'events.endpoint.deleted', subject: `event-endpoint:${id}`, data: { url: prior.url } });
    });
  }

  /**
   * A new secret, answered this once. The old one keeps signing for 24 hours: every attempt
   * meanwhile carries both signatures, so the receiver can switch without losing an event.
   * `overlap: false` drops the old one at once (the deprecated facade's promise).
   */
  async rotate(ctx: TenantUserCtx, id: string, pre: Preconditions, opts: { overlap?: boolean } = {}): Promise<{ endpoint: EventEndpointWithSecretView; etag: string }> {
    const by = actorOf(ctx);
    return this.d.uow.write(ctx, async (tx) => {
      const prior = await eventQueries.endpoint(tx.sql, id, true);
      if (!prior) throw endpointNotFound();
      checkPreconditions(pre, etagOf(prior.version));
      const overlap = opts.overlap ?? true;
      const old = this.open(prior.secret, prior.secret_key_id, prior.secret_legacy, ctx.tenant.id, id);
      const secret = newSecret();
      const until = overlap ? new Date(ctx.now.getTime() + ROTATION_OVERLAP_MS) : null;
      const row = await eventQueries.rotate(tx.sql, id, { secret: this.seal(secret, ctx.tenant.id, id), hint: secret.slice(-4), previous: overlap ? this.seal(old, ctx.tenant.id, id) : null, until, by, now: ctx.now });
      await recordAudit(tx, { actor: by, action: 'events.endpoint.secret-rotated', subject: `event-endpoint:${id}`, data: { previousValidUntil: iso(until), keyId: this.d.keyring().current.id, version: row.version } });
      return { endpoint: { ...endpointView(row), secret }, etag: etagOf(row.version) };
    });
  }

  // ---- deliveries, dead letters, replay --------------------------------------------------------

  /** One page of deliveries (of an endpoint, or the tenant's), newest first. */
  async deliveries(ctx: TenantCtx, query: { endpoint?: string; status?: DeliveryStatus; complaint?: string; limit?: number; cursor?: string }): Promise<PageOf<EventDeliveryView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.d.uow.read(ctx, async (tx) => {
      if (query.endpoint && !(await eventQueries.endpoint(tx.sql, query.endpoint))) throw endpointNotFound();
      return eventQueries.deliveries(tx.sql, query, req.after, req.limit + 1);
    });
    return pageOf(rows, req, (d) => [d.page_at, d.id], deliveryView);
  }

  /** The same page with the complaint each delivery is about (the deprecated complaint webhook's list). */
  async deliveriesWithSubject(ctx: TenantCtx, query: { endpoint?: string; status?: DeliveryStatus; complaint?: string; limit?: number; cursor?: string }): Promise<PageOf<EventDeliveryView & { complaintId: string | null }>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.d.uow.read(ctx, (tx) => eventQueries.deliveries(tx.sql, query, req.after, req.limit + 1));
    return pageOf(rows, req, (d) => [d.page_at, d.id], (d) => ({ ...deliveryView(d), complaintId: d.complaint_id }));
  }

  private async detail(sql: Sql, id: string, endpoint?: string): Promise<EventDeliveryDetailView> {
    const d = await eventQueries.delivery(sql, id);
    if (!d || (endpoint !== undefined && d.endpoint_id !== endpoint)) throw eventDeliveryNotFound();
    const [m, attempts] = await Promise.all([eventQueries.message(sql, d.message_id), eventQueries.attempts(sql, id)]);
    return {
      ...deliveryView(d),
      payload: m!.payload,
      log: attempts.map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), url: a.url, statusCode: a.status_code, error: a.error, response: a.response, durationMs: a.duration_ms })),
    };
  }

  /** A delivery with its attempt log (`endpoint`: it must be that endpoint's). */
  delivery(ctx: TenantCtx, id: string, endpoint?: string): Promise<EventDeliveryDetailView> {
    return this.d.uow.read(ctx, (tx) => this.detail(tx.sql, id, endpoint));
  }

  private async replayIn(tx: TenantTx, ctx: TenantUserCtx, e: EndpointRow, dead: { id: string; message_id: string }): Promise<string> {
    const id = newId();
    await eventQueries.insertDelivery(tx.sql, { tenantId: ctx.tenant.id, id, endpointId: e.id, messageId: dead.message_id, maxAttempts: e.max_attempts, replayOf: dead.id, now: ctx.now });
    await eventQueries.markReplayed(tx.sql, dead.id, id);
    tx.afterCommit(() => this.kick(ctx.tenant.homeRegion, ctx.tenant.id, id, 0, ctx.now, ctx.log));
    return id;
  }

  /**
   * Replays one dead delivery as a fresh delivery of the same message (same `webhook-id`, the
   * receiver's idempotency key) with a new allowance of attempts; audited.
   */
  replay(ctx: TenantUserCtx, endpointId: string, deliveryId: string): Promise<EventDeliveryDetailView> {
    return this.d.uow.write(ctx, async (tx) => {
      const d = await eventQueries.delivery(tx.sql, deliveryId, true);
      if (!d || d.endpoint_id !== endpointId) throw eventDeliveryNotFound();
      if (d.status !== 'dead' || d.replayed_by !== null) throw eventDeliveryNotDead();
      const e = await eventQueries.endpoint(tx.sql, endpointId);
      if (!e) throw endpointNotFound();
      if (!e.active) throw endpointInactive();
      const id = await this.replayIn(tx, ctx, e, d);
      await recordAudit(tx, { actor: actorOf(ctx), action: 'events.delivery.replayed', subject: `event-endpoint:${e.id}`, data: { delivery: d.id, replay: id, message: d.message_id } });
      return this.detail(tx.sql, id);
    });
  }

  /** Replays every dead delivery of an endpoint created since `since` (not replayed yet); audited once. */
  replayDead(ctx: TenantUserCtx, endpointId: string, since: Date): Promise<{ replayed: number; deliveries: string[] }> {
    return this.d.uow.write(ctx, async (tx) => {
      const e = await eventQueries.endpoint(tx.sql, endpointId, true);
      if (!e) throw endpointNotFound();
      if (!e.active) throw endpointInactive();
      const deliveries: string[] = [];
      for (const dead of await eventQueries.deadSince(tx.sql, endpointId, since)) deliveries.push(await this.replayIn(tx, ctx, e, dead));
      await recordAudit(tx, { actor: actorOf(ctx), action: 'events.delivery.replayed', subject: `event-endpoint:${e.id}`, data: { since: since.toISOString(), count: deliveries.length } });
      return { replayed: deliveries.length, deliveries };
    });
  }

  /**
   * The tenant's housekeeping (every minute): pending deliveries whose job was lost are sent again,
   * secrets not sealed under the current key and the endpoint's own context are sealed again, and
   * previous secrets past their overlap are forgotten. How many deliveries were re-sent.
   */
  async sweep(ctx: TenantCtx): Promise<number> {
    const stuck = await this.d.uow.write(ctx, async (tx) => {
      await eventQueries.expirePrevious(tx.sql, ctx.now);
      for (const e of await eventQueries.endpoints(tx.sql)) if (this.needsReseal(e)) await this.reseal(tx.sql, e, ctx.tenant.id);
      return eventQueries.stuck(tx.sql, ctx.now, STUCK_AFTER_MS);
    });
    for (const s of stuck) await this.kick(ctx.tenant.homeRegion, ctx.tenant.id, s.id, s.attempts, undefined, ctx.log);
    return stuck.length;
  }
}
