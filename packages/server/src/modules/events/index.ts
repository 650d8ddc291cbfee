import type { Kernel, Module } from '../../kernel.js';
import type { JobSpec } from '../../jobs/spec.js';
import { workContext } from '../../context.js';
import { dataKeyring, type DataKeyring } from '../../secrets.js';
import type { TenantService } from '../tenants/index.js';
import { eventRoutes } from './routes.js';
import { DELIVER_JOB, SignedEvents, SWEEP_JOB, type DeliverJobData, type SignedEventsOptions } from './service.js';

export { EVENT_TYPES, filterMatches, isEventType, type EventType } from './catalogue.js';
export {
  CANCELLED_SWITCHED_OFF,
  CANCELLED_TARGET_CHANGED,
  DEFAULT_SCHEDULE_MS,
  DELIVER_JOB,
  FAILING_REASON,
  GONE_REASON,
  legacySignature,
  ROTATION_OVERLAP_MS,
  SignedEvents,
  standardSecret,
  SWEEP_JOB,
  type DeliveryOutcome,
  type EndpointChange,
  type EndpointInput,
  type SignedEventsDeps,
  type SignedEventsOptions,
} from './service.js';
export { addressAllowed, resolveTarget, TARGET_FAILURE, urlRefusal, type Resolver, type TargetPolicy } from './target.js';

/** What a module that publishes needs: `publish` inside its unit of work. */
export type EventPublisher = Pick<SignedEvents, 'publish'>;

export interface EventsModule extends Module {
  service: SignedEvents;
}

/** `events.deliver`: one attempt of one delivery (sent after the commit that wrote it, and for each retry). */
function deliverJob(events: SignedEvents): JobSpec<DeliverJobData> {
  return {
    name: DELIVER_JOB,
    run: async (job, data) => {
      const { region, tenantId, deliveryId } = data;
      if (!tenantId || !deliveryId) throw new Error(`${DELIVER_JOB}: tenantId and deliveryId are required`);
      return { deliveryId, outcome: await events.deliver(job, { region, tenantId, deliveryId }) };
    },
  };
}

/** `events.sweep` (every minute, per region): lost jobs re-sent, secrets re-sealed, ended rotations forgotten. */
function sweepJob(events: SignedEvents, tenants: TenantService): JobSpec {
  return {
    name: SWEEP_JOB,
    cron: '* * * * *',
    run: async (job, { region }) => {
      let swept = 0;
      for (const tenant of await tenants.list({ region })) {
        const ctx = workContext({ clock: job.clock, log: job.log, route: SWEEP_JOB, tenant });
        swept += await events.sweep(ctx).catch((err: unknown) => {
          ctx.log.warn({ err }, 'event sweep failed');
          return 0;
        });
      }
      if (swept) job.log.info({ region, swept }, 'event deliveries re-sent');
      return { region, swept };
    },
  };
}

/**
 * Signed events for agencies' systems (Standard Webhooks 1.0; docs/webhooks.md, ADR 0026):
 * endpoints, `publish`, delivery with retries and dead letters, replay. `deps.attach` are the
 * modules that publish through it once it exists (built before it: the complaint webhook facade).
 */
export function eventsModule(k: Kernel, deps: { tenants: TenantService; attach?: readonly { attach(events: SignedEvents): void }[]; options?: SignedEventsOptions; keyring?: DataKeyring }): EventsModule {
  let ring = deps.keyring;
  const keyring = () => (ring ??= dataKeyring(k.config));
  if (k.config.env === 'production') keyring();
  const regionOf = async (tenantId: string) => {
    const row = await k.control.maybe<{ home_region: string }>(`select home_region from tenants where id = $1`, [tenantId]);
    if (!row) throw new Error(`no tenant ${tenantId}`);
    return row.home_region;
  };
  const service = new SignedEvents({ uow: k.uow, jobs: k.jobs, keyring, env: k.config.env, regionOf }, deps.options);
  for (const a of deps.attach ?? []) a.attach(service);
  return {
    name: 'events',
    service,
    routes: (api) => eventRoutes(api, service),
    jobs: [deliverJob(service), sweepJob(service, deps.tenants)],
  };
}
