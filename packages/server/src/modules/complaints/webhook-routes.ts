import { ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { Page } from '../../pagination.js';
import { deliveryNotDead, deliveryNotFound, webhookInactive, webhookNotConfigured, webhookUrlInvalid } from './errors.js';
import { webhookExample } from './examples.js';
import { onTenant } from './routes.js';
import Type from 'typebox';
import type { Deprecation } from '../../http/routes.js';
import { EventPayload } from '../events/schemas.js';
import { ComplaintWebhookConfigured, ComplaintWebhookSchema, DeliveriesQuery, DeliveryPath, WebhookBody, WebhookDelivery } from './schemas.js';
import type { ComplaintWebhooks } from './webhook.js';

/** The complaint webhook is the tenant's endpoint migrated to signed events (ADR 0026): these routes stay for 180 days. */
const DEPRECATED: Deprecation = {
  since: '2026-12-07',
  sunset: '2027-06-07',
  successor: '/api/v1/tenants/{tenant}/event-endpoints',
  reason: 'The complaint webhook became a signed-events endpoint (Standard Webhooks 1.0, filter `complaint.*`); these routes read and write that endpoint.',
};

/** A delivery of the migrated endpoint: the thin event body (Standard Webhooks) and the attempt log. */
const WebhookDeliveryDetail = Type.Object(
  {
    ...WebhookDelivery.properties,
    payload: EventPayload,
    log: Type.Array(
      Type.Object(
        {
          attempt: Type.Integer({ minimum: 1 }),
          at: Type.String({ format: 'date-time' }),
          url: Type.String(),
          statusCode: Type.Union([Type.Integer(), Type.Null()]),
          error: Type.Union([Type.String(), Type.Null()]),
          response: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
          durationMs: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      { description: 'Every attempt, in order' },
    ),
  },
  { additionalProperties: false, 'x-component': 'ComplaintWebhookDeliveryDetail' },
);

const coordinator = onTenant('tenant-admin');
const base = '/api/v1/tenants/:tenant/complaint-webhook';

/** The tenant admin's outbound webhook (a setting, with its ETag): its target and secret, the delivery log, dead letters. */
export function webhookRoutes(api: RouteTable, webhooks: ComplaintWebhooks): void {
  api.add({
    method: 'put',
    path: base,
    operationId: 'configureComplaintWebhook',
    summary: 'Atur webhook pengaduan / Configure the complaint webhook',
    description:
      'Deprecated: use the event endpoints (docs/webhooks.md). This reads and writes the tenant\'s endpoint migrated from the complaint webhook (filter `complaint.*`): it receives every complaint event as a thin Standard Webhooks event (EventPayload), signed with `webhook-signature`, plus the old X-Satupintu-Signature/-Timestamp/-Delivery headers until `legacyHeaders` is turned off on the endpoint. It must be a public address: private, loopback, link-local, cloud-metadata and other reserved addresses (in any spelling) and local names are refused here, and every address the name resolves to is checked again at each delivery (an attempt that cannot reach the target is logged as `target refused or unreachable`, nothing more). Switching it off (`active: false`) or changing `url` dead-letters the pending deliveries (requeue them on purpose). The secret is stored encrypted. Creating it (201) needs no If-Match; replacing it (200) quotes the ETag of your last read in If-Match (428 without, 412 when someone changed it meanwhile). The secret is answered only in the response that made it (creation, or `rotateSecret: true`); afterwards only its last four characters (`secretHint`).',
    tags: ['complaints'],
    deprecated: DEPRECATED,
    security: coordinator,
    params: TenantPath(),
    body: WebhookBody,
    bodyExample: { url: 'https://konektor.bandungbaratkab.go.id/lapor/pengaduan', maxAttempts: 8 },
    concurrency: 'update',
    responses: {
      '200': { description: 'Replaced, with the new ETag (and the new secret when rotated)', schema: ComplaintWebhookConfigured, example: webhookExample },
      '201': { description: 'Created, with its ETag and its signing secret (shown this once)', schema: ComplaintWebhookConfigured, example: { ...webhookExample, secret: 'whsec_Jx3m…Q9xZ' } },
    },
    errors: [webhookUrlInvalid],
    handler: async (ctx, { body, preconditions }) => {
      const { created, config, etag } = await webhooks.configure(ctx, body, preconditions);
      return created ? { status: 201, body: config, headers: { ETag: etag } } : ok(config, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: base,
    operationId: 'getComplaintWebhook',
    summary: 'Konfigurasi webhook pengaduan / Complaint webhook configuration',
    description: 'Never the secret: only its last four characters.',
    tags: ['complaints'],
    deprecated: DEPRECATED,
    security: coordinator,
    params: TenantPath(),
    concurrency: 'read',
    responses: { '200': { description: 'The configuration, with its ETag', schema: ComplaintWebhookSchema, example: webhookExample } },
    errors: [webhookNotConfigured],
    handler: async (ctx) => {
      const { config, etag } = await webhooks.config(ctx);
      return ok(config, { ETag: etag });
    },
  });

  api.add({
    method: 'post',
    path: `${base}/rotate-secret`,
    operationId: 'rotateComplaintWebhookSecret',
    summary: 'Ganti rahasia penandatangan webhook / Rotate the webhook signing secret',
    description:
      'A new signing secret; the old one keeps signing (a second `webhook-signature`) for 24 hours, the legacy X-Satupintu-Signature uses only the new one: it is answered this once, in `secret`; afterwards only its last four characters. Quote the ETag of your last read in If-Match (428 without, 412 when someone changed the webhook meanwhile).',
    tags: ['complaints'],
    deprecated: DEPRECATED,
    security: coordinator,
    params: TenantPath(),
    concurrency: 'update',
    responses: { '200': { description: 'Rotated: the new secret (shown this once) and the new ETag', schema: ComplaintWebhookConfigured, example: { ...webhookExample, secret: 'whsec_Jx3m…Q9xZ' } } },
    errors: [webhookNotConfigured],
    handler: async (ctx, { preconditions }) => {
      const { config, etag } = await webhooks.rotateSecret(ctx, preconditions);
      return ok(config, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: `${base}/deliveries`,
    operationId: 'listComplaintWebhookDeliveries',
    summary: 'Log pengiriman webhook / Webhook delivery log',
    description: 'Newest first, in pages (deliveries written while you page sort before your cursor). `status=dead` lists the dead letters.',
    tags: ['complaints'],
    deprecated: DEPRECATED,
    security: coordinator,
    params: TenantPath(),
    query: DeliveriesQuery,
    paginated: true,
    responses: { '200': { description: 'One page of deliveries', schema: Page(WebhookDelivery) } },
    handler: async (ctx, { query }) => ok(await webhooks.deliveries(ctx, query)),
  });

  api.add({
    method: 'get',
    path: `${base}/deliveries/:delivery`,
    operationId: 'getComplaintWebhookDelivery',
    summary: 'Satu pengiriman dan percobaannya / One delivery with its attempts',
    tags: ['complaints'],
    deprecated: DEPRECATED,
    security: coordinator,
    params: DeliveryPath,
    responses: { '200': { description: 'The delivery, the body it sends, and every attempt', schema: WebhookDeliveryDetail } },
    errors: [deliveryNotFound],
    handler: async (ctx, { params }) => ok(await webhooks.delivery(ctx, params.delivery)),
  });

  api.add({
    method: 'post',
    path: `${base}/deliveries/:delivery/requeue`,
    operationId: 'requeueComplaintWebhookDelivery',
    summary: 'Antrekan ulang surat mati / Requeue a dead letter',
    description: 'Replays it as a fresh delivery of the same message (same `webhook-id`; answered here, with its own id). A delivery that is not dead, or replayed already, answers WEBHOOK_DELIVERY_NOT_DEAD. It goes to the current target; not while the webhook is switched off (WEBHOOK_INACTIVE).',
    tags: ['complaints'],
    deprecated: DEPRECATED,
    security: coordinator,
    params: DeliveryPath,
    responses: { '200': { description: 'Pending again, with a fresh allowance of attempts', schema: WebhookDeliveryDetail } },
    errors: [deliveryNotFound, deliveryNotDead, webhookNotConfigured, webhookInactive],
    handler: async (ctx, { params }) => ok(await webhooks.requeue(ctx, params.delivery)),
  });
}
