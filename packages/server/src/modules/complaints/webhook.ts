import { ProblemError } from '@satupintu/core';
import type { TenantTx, UnitOfWork } from '@satupintu/db';
import type { TenantCtx, TenantUserCtx } from '../../context.js';
import type { JobCtx, JobSender, JobSpec } from '../../jobs/spec.js';
import type { PageOf } from '../../pagination.js';
import { checkPreconditions, type Preconditions } from '../../preconditions.js';
import type { DataKeyring } from '../../secrets.js';
import { isEventType } from '../events/catalogue.js';
import type { EventDeliveryDetailView, EventEndpointView } from '../events/schemas.js';
import { CANCELLED_SWITCHED_OFF, CANCELLED_TARGET_CHANGED, type DeliveryOutcome, type SignedEvents } from '../events/service.js';
import type { Resolver } from '../events/target.js';
import { deliveryNotDead, deliveryNotFound, webhookInactive, webhookNotConfigured, webhookUrlInvalid } from './errors.js';
import { complaintQueries } from './queries.js';
import type { ComplaintWebhookConfiguredView, ComplaintWebhookView, WebhookDeliveryView } from './schemas.js';

export const WEBHOOK_JOB = 'complaints.webhook';
export { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER, verifySignature } from './webhook-signature.js';
export { CANCELLED_SWITCHED_OFF, CANCELLED_TARGET_CHANGED };

export interface WebhookOptions {
  /** Kept for compatibility: the retry schedule is the signed events' (Standard Webhooks). */
  backoffBaseMs?: number;
  /** How long one attempt may take (default: the signed events' 15 s). */
  timeoutMs?: number;
  /** Loopback targets (local test receivers), development only. */
  allowLoopbackTargets?: boolean;
  /** How target names are resolved; tests inject answers. */
  resolver?: Resolver;
}

/** What the facade is built from (the signed events service is attached after, by the events module). */
export interface WebhookDeps {
  uow: UnitOfWork;
  jobs: JobSender;
  keyring: () => DataKeyring;
  env: 'development' | 'production';
}

/** The deprecated webhook's delivery as its API shows it (the complaint it is about from the thin payload). */
export interface LegacyDeliveryDetail extends WebhookDeliveryView {
  payload: EventDeliveryDetailView['payload'];
  log: EventDeliveryDetailView['log'];
}

const configView = (e: EventEndpointView): ComplaintWebhookView => ({ url: e.url, active: e.active, maxAttempts: e.maxAttempts, secretHint: e.secretHint, updatedBy: e.updatedBy, updatedAt: e.updatedAt });

/** The old problem codes for the deprecated routes (their clients know these). */
function legacyProblem(err: unknown): unknown {
  if (!(err instanceof ProblemError)) return err;
  if (err.code === 'EVENT_DELIVERY_NOT_FOUND') return deliveryNotFound();
  if (err.code === 'EVENT_DELIVERY_NOT_DEAD') return deliveryNotDead();
  if (err.code === 'EVENT_ENDPOINT_INACTIVE') return webhookInactive();
  if (err.code === 'EVENT_ENDPOINT_NOT_FOUND') return webhookNotConfigured();
  return err;
}
const legacyErrors = async <T>(p: Promise<T>): Promise<T> => {
  try {
    return await p;
  } catch (err) {
    throw legacyProblem(err);
  }
};

/**
 * The complaint webhook, now a facade over signed events (ADR 0026): complaints publish
 * `complaint.*` events through it, and its deprecated `/complaint-webhook` routes read and write
 * the tenant's endpoint migrated from the old webhook (`legacy`, filter `complaint.*`, sending the
 * old X-Satupintu-* headers too until the admin turns them off). Delivery, retries, dead letters
 * and the SSRF-safe target check are the events module's (modules/events).
 */
export class ComplaintWebhooks {
  private events?: SignedEvents;
  private loopback: boolean;

  constructor(
    private readonly d: WebhookDeps,
    private readonly opts: WebhookOptions = {},
  ) {
    this.loopback = false;
    this.allowLoopbackTargets(opts.allowLoopbackTargets ?? false);
  }

  /** Called by the events module once it exists (it is built after complaints). */
  attach(events: SignedEvents): void {
    this.events = this.opts.resolver || this.opts.timeoutMs ? events.with({}, { ...(this.opts.resolver ? { resolver: this.opts.resolver } : {}), ...(this.opts.timeoutMs ? { timeoutMs: this.opts.timeoutMs } : {}) }) : events;
    if (this.loopback) this.events.allowLoopbackTargets(true);
  }

  /** The signed events service behind the facade. */
  get signedEvents(): SignedEvents {
    if (!this.events) throw new Error('complaint webhook: the signed events module is not attached (composition.ts)');
    return this.events;
  }

  /** The same facade on other jobs or options (tests). */
  with(d: Partial<WebhookDeps>, opts: WebhookOptions = {}): ComplaintWebhooks {
    const twin = new ComplaintWebhooks({ ...this.d, ...d }, { ...this.opts, ...opts });
    twin.events = this.signedEvents.with({ ...(d.jobs ? { jobs: d.jobs } : {}), ...(d.env ? { env: d.env } : {}) }, {
      ...(opts.resolver ? { resolver: opts.resolver } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.allowLoopbackTargets !== undefined ? { allowLoopbackTargets: opts.allowLoopbackTargets } : {}),
    });
    return twin;
  }

  /** Loopback targets on or off for every signed event delivery (local test receivers); never in production. */
  allowLoopbackTargets(on: boolean): void {
    if (on && this.d.env === 'production') throw new Error('complaint webhook: loopback targets are never allowed in production');
    this.loopback = on;
    this.events?.allowLoopbackTargets(on);
  }

  /** The configuration-time URL check, with the deprecated API's problem (WEBHOOK_URL_INVALID). */
  validateUrl(raw: string): string {
    const refusal = this.signedEvents.refusal(raw);
    if (refusal) throw webhookUrlInvalid(refusal.en, refusal.id);
    return new URL(raw).toString();
  }

  /**
   * Publishes `complaint.<x>` for the complaint as it now is, in the caller's unit of work: a thin
   * event (ids, tracking code, state) about the complaint's agency.
   */
  async publish(tx: TenantTx, ctx: TenantCtx, complaintId: string, type: string, extra: { stage?: string; dueAt?: string } = {}): Promise<void> {
    if (!isEventType(type)) {
      ctx.log.warn({ type }, 'complaint event type not in the catalogue: not published');
      return;
    }
    const c = await complaintQueries.load(tx.sql, complaintId);
    if (!c) return;
    const data = { tenant: ctx.tenant.slug, complaint: c.id, trackingCode: c.tracking_code, state: c.status, ...extra };
    await this.signedEvents.publish(tx, type, data, { agency: c.agency_code, region: ctx.tenant.homeRegion });
  }

  /** The deprecated configuration: creates the legacy endpoint, or replaces it (If-Match), optionally rotating its secret. */
  async configure(
    ctx: TenantUserCtx,
    input: { url: string; active?: boolean; maxAttempts?: number; rotateSecret?: boolean },
    pre: Preconditions,
  ): Promise<{ created: boolean; config: ComplaintWebhookConfiguredView; etag: string }> {
    const ev = this.signedEvents;
    const refusal = ev.refusal(input.url);
    if (refusal) throw webhookUrlInvalid(refusal.en, refusal.id);
    let prior = await ev.legacy(ctx);
    if (!prior) {
      checkPreconditions(pre, undefined);
      const made = await ev.create(ctx, { url: input.url, eventTypes: ['complaint.*'], active: input.active ?? true, description: 'Webhook pengaduan / Complaint webhook' }, { legacy: true, maxAttempts: input.maxAttempts ?? 8 });
      if (made) return { created: true, config: { ...configView(made.endpoint), secret: made.endpoint.secret! }, etag: made.etag };
      prior = await ev.legacy(ctx);
      if (!prior) throw new Error('legacy endpoint vanished while being configured');
    }
    const updated = await ev.update(ctx, prior.id, { url: input.url, active: input.active ?? true, ...(input.maxAttempts ? { maxAttempts: input.maxAttempts } : {}) }, pre);
    if (!input.rotateSecret) return { created: false, config: configView(updated.endpoint), etag: updated.etag };
    const rotated = await ev.rotate(ctx, prior.id, { ifMatch: updated.etag });
    return { created: false, config: { ...configView(rotated.endpoint), secret: rotated.endpoint.secret! }, etag: rotated.etag };
  }

  private async legacyId(ctx: TenantCtx): Promise<string> {
    const e = await this.signedEvents.legacy(ctx);
    if (!e) throw webhookNotConfigured();
    return e.id;
  }

  async rotateSecret(ctx: TenantUserCtx, pre: Preconditions): Promise<{ config: ComplaintWebhookConfiguredView; etag: string }> {
    const { endpoint, etag } = await this.signedEvents.rotate(ctx, await this.legacyId(ctx), pre);
    return { config: { ...configView(endpoint), secret: endpoint.secret! }, etag };
  }

  async config(ctx: TenantCtx): Promise<{ config: ComplaintWebhookView; etag: string }> {
    const { endpoint, etag } = await this.signedEvents.get(ctx, await this.legacyId(ctx));
    return { config: configView(endpoint), etag };
  }

  async deliveries(ctx: TenantCtx, query: { status?: 'pending' | 'delivered' | 'dead'; complaint?: string; limit?: number; cursor?: string }): Promise<PageOf<WebhookDeliveryView>> {
    const page = await this.signedEvents.deliveriesWithSubject(ctx, { ...query, endpoint: await this.legacyId(ctx) });
    return { ...page, items: page.items.map((d) => this.legacyDelivery(d)) };
  }

  private legacyDelivery(d: { id: string; complaintId: string | null; type: string } & Omit<WebhookDeliveryView, 'complaintId' | 'event'>): WebhookDeliveryView {
    return {
      id: d.id,
      complaintId: d.complaintId ?? '00000000-0000-0000-0000-000000000000',
      event: d.type,
      status: d.status,
      attempts: d.attempts,
      maxAttempts: d.maxAttempts,
      nextAttemptAt: d.nextAttemptAt,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
      deadAt: d.deadAt,
    };
  }

  private legacyDetail(d: EventDeliveryDetailView): LegacyDeliveryDetail {
    const complaint = typeof d.payload.data.complaint === 'string' ? d.payload.data.complaint : null;
    return { ...this.legacyDelivery({ ...d, complaintId: complaint }), payload: d.payload, log: d.log };
  }

  async delivery(ctx: TenantCtx, id: string): Promise<LegacyDeliveryDetail> {
    return this.legacyDetail(await legacyErrors(this.signedEvents.delivery(ctx, id, await this.legacyId(ctx))));
  }

  /** A dead letter replayed (a fresh delivery of the same message, answered here). */
  async requeue(ctx: TenantUserCtx, id: string): Promise<LegacyDeliveryDetail> {
    return this.legacyDetail(await legacyErrors(this.signedEvents.replay(ctx, await this.legacyId(ctx), id)));
  }

  /** One attempt (the old job, for jobs queued before the upgrade: their deliveries moved with their ids). */
  deliver(job: Pick<JobCtx, 'now' | 'clock' | 'log'>, data: { region: string; tenantId: string; deliveryId: string }): Promise<DeliveryOutcome> {
    return this.signedEvents.deliver(job, data);
  }

  /** Nothing: the events module's own `events.sweep` job re-sends lost jobs and re-seals secrets (kept for the escalation job's call). */
  async sweep(_ctx: TenantCtx): Promise<number> {
    return 0;
  }
}

/** `complaints.webhook`: kept for jobs queued before the upgrade; the signed events deliver them. */
export function webhookJob(webhooks: ComplaintWebhooks): JobSpec<{ tenantId?: string; deliveryId?: string }> {
  return {
    name: WEBHOOK_JOB,
    run: async (job, data) => {
      const { region, tenantId, deliveryId } = data;
      if (!tenantId || !deliveryId) throw new Error(`${WEBHOOK_JOB}: tenantId and deliveryId are required`);
      return { deliveryId, outcome: await webhooks.deliver(job, { region, tenantId, deliveryId }) };
    },
  };
}
