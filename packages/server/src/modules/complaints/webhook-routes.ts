import { ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { onTenant } from './routes.js';
import { DeliveriesQuery, DeliveryPath, WebhookBody } from './schemas.js';
import type { ComplaintWebhooks } from './webhook.js';

const coordinator = onTenant('tenant-admin');
const base = '/api/v1/tenants/:tenant/complaint-webhook';

/** The tenant admin's outbound webhook: its target and secret, the delivery log, dead letters. */
export function webhookRoutes(api: RouteTable, webhooks: ComplaintWebhooks): void {
  api.add({
    method: 'put',
    path: base,
    operationId: 'configureComplaintWebhook',
    summary: 'Atur webhook pengaduan / Configure the complaint webhook',
    description: 'The target (http or https) receives every complaint event, signed with HMAC-SHA256 (docs/complaints.md). The secret is returned only when created or rotated (`rotateSecret`).',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    body: WebhookBody,
    responses: { '200': { description: 'The configuration (and the secret when new)' }, '422': { description: 'WEBHOOK_URL_INVALID' } },
    handler: async (ctx, { body }) => ok(await webhooks.configure(ctx, body)),
  });

  api.add({
    method: 'get',
    path: base,
    operationId: 'getComplaintWebhook',
    summary: 'Konfigurasi webhook pengaduan / Complaint webhook configuration',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    responses: { '200': { description: 'url, active, maxAttempts, secretHint' }, '404': { description: 'WEBHOOK_NOT_CONFIGURED' } },
    handler: async (ctx) => ok(await webhooks.config(ctx)),
  });

  api.add({
    method: 'get',
    path: `${base}/deliveries`,
    operationId: 'listComplaintWebhookDeliveries',
    summary: 'Log pengiriman webhook / Webhook delivery log',
    description: '`status=dead` lists the dead letters.',
    tags: ['complaints'],
    security: coordinator,
    params: TenantPath(),
    query: DeliveriesQuery,
    responses: { '200': { description: '{items}' } },
    handler: async (ctx, { query }) => ok({ items: await webhooks.deliveries(ctx, query) }),
  });

  api.add({
    method: 'get',
    path: `${base}/deliveries/:delivery`,
    operationId: 'getComplaintWebhookDelivery',
    summary: 'Satu pengiriman dan percobaannya / One delivery with its attempts',
    tags: ['complaints'],
    security: coordinator,
    params: DeliveryPath,
    responses: { '200': { description: 'Delivery, payload, attempt log' }, '404': { description: 'WEBHOOK_DELIVERY_NOT_FOUND' } },
    handler: async (ctx, { params }) => ok(await webhooks.delivery(ctx, params.delivery)),
  });

  api.add({
    method: 'post',
    path: `${base}/deliveries/:delivery/requeue`,
    operationId: 'requeueComplaintWebhookDelivery',
    summary: 'Antrekan ulang surat mati / Requeue a dead letter',
    tags: ['complaints'],
    security: coordinator,
    params: DeliveryPath,
    responses: { '200': { description: 'Pending again, with a fresh allowance of attempts' }, '409': { description: 'WEBHOOK_DELIVERY_NOT_DEAD' } },
    handler: async (ctx, { params }) => ok(await webhooks.requeue(ctx, params.delivery)),
  });
}
