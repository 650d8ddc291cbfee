import Type from 'typebox';
import { noContent, ok, type RouteSecurity, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { Page } from '../../pagination.js';
import { EVENT_TYPES } from './catalogue.js';
import { endpointInactive, endpointNotFound, endpointUrlInvalid, eventDeliveryNotDead, eventDeliveryNotFound, eventTypeUnknown } from './errors.js';
import { endpointCreatedExample, endpointExample } from './examples.js';
import {
  CreateEndpointBody,
  EndpointDeliveryPath,
  EndpointPath,
  EventDeliveriesQuery,
  EventDelivery,
  EventDeliveryDetail,
  EventEndpoint,
  EventEndpointWithSecret,
  EventTypeList,
  ReplayBody,
  ReplayResult,
  TenantDeliveriesQuery,
  UpdateEndpointBody,
} from './schemas.js';
import type { SignedEvents } from './service.js';

const admin: Extract<RouteSecurity, { kind: 'roles' }> = { kind: 'roles', roles: ['tenant-admin'], tenantParam: 'tenant' };
const base = '/api/v1/tenants/:tenant/event-endpoints';
const tags = ['events'];

/** The tenant admin's signed-event endpoints (Standard Webhooks), their deliveries and dead letters, and the public event catalogue. */
export function eventRoutes(api: RouteTable, events: SignedEvents): void {
  api.add({
    method: 'get',
    path: '/api/v1/event-types',
    operationId: 'listEventTypes',
    summary: 'Daftar jenis peristiwa / Event types',
    description: 'Every event type an endpoint may receive, with what it means and the ids its `data` carries (thin payloads: fetch details through the API).',
    tags,
    security: { kind: 'public' },
    responses: { '200': { description: 'The catalogue', schema: EventTypeList } },
    handler: async () => ok({ items: EVENT_TYPES.map((t) => ({ type: t.type, description: t.description, data: [...t.data] })) }),
  });

  api.add({
    method: 'post',
    path: base,
    operationId: 'createEventEndpoint',
    summary: 'Buat endpoint peristiwa / Create an event endpoint',
    description:
      'A receiver of signed events (Standard Webhooks 1.0, docs/webhooks.md). `eventTypes` filters by exact type or prefix (`complaint.*`; empty: every type); `agency` limits it to events about that agency. The URL must be a public address (https in production), checked again at every attempt. The signing secret (`whsec_…`) is answered this once.',
    tags,
    security: admin,
    params: TenantPath(),
    body: CreateEndpointBody,
    bodyExample: { url: 'https://simpel.dpmptsp.bandungbaratkab.go.id/satupintu/events', description: 'Sistem perizinan DPMPTSP', eventTypes: ['application.*'], agency: 'dpmptsp' },
    responses: { '201': { description: 'Created, with its ETag and its secret (shown this once)', schema: EventEndpointWithSecret, example: endpointCreatedExample } },
    errors: [endpointUrlInvalid, eventTypeUnknown],
    handler: async (ctx, { body }) => {
      const made = await events.create(ctx, body);
      if (!made) throw new Error('endpoint id collided');
      return { status: 201, body: made.endpoint, headers: { ETag: made.etag, Location: `/api/v1/tenants/${ctx.tenant.slug}/event-endpoints/${made.endpoint.id}` } };
    },
  });

  api.add({
    method: 'get',
    path: base,
    operationId: 'listEventEndpoints',
    summary: 'Daftar endpoint peristiwa / Event endpoints',
    description: 'Never a secret: only its last four characters.',
    tags,
    security: admin,
    params: TenantPath(),
    responses: { '200': { description: 'Every endpoint of the tenant', schema: Type.Object({ items: Type.Array(EventEndpoint) }, { additionalProperties: false }) } },
    handler: async (ctx) => ok({ items: await events.list(ctx) }),
  });

  api.add({
    method: 'get',
    path: `${base}/:endpoint`,
    operationId: 'getEventEndpoint',
    summary: 'Satu endpoint peristiwa / One event endpoint',
    tags,
    security: admin,
    params: EndpointPath,
    concurrency: 'read',
    responses: { '200': { description: 'The endpoint, with its ETag', schema: EventEndpoint, example: endpointExample } },
    errors: [endpointNotFound],
    handler: async (ctx, { params }) => {
      const { endpoint, etag } = await events.get(ctx, params.endpoint);
      return ok(endpoint, { ETag: etag });
    },
  });

  api.add({
    method: 'patch',
    path: `${base}/:endpoint`,
    operationId: 'updateEventEndpoint',
    summary: 'Ubah endpoint peristiwa / Update an event endpoint',
    description:
      'Quote the ETag of your last read in If-Match (428 without, 412 when stale). Switching it off or changing `url` dead-letters its pending deliveries (replay them on purpose); switching it on clears `disabledReason`.',
    tags,
    security: admin,
    params: EndpointPath,
    body: UpdateEndpointBody,
    bodyExample: { eventTypes: ['application.*', 'appointment.booked'], active: true },
    concurrency: 'update',
    responses: { '200': { description: 'Changed, with the new ETag', schema: EventEndpoint, example: endpointExample } },
    errors: [endpointNotFound, endpointUrlInvalid, eventTypeUnknown],
    handler: async (ctx, { params, body, preconditions }) => {
      const { endpoint, etag } = await events.update(ctx, params.endpoint, body, preconditions);
      return ok(endpoint, { ETag: etag });
    },
  });

  api.add({
    method: 'delete',
    path: `${base}/:endpoint`,
    operationId: 'deleteEventEndpoint',
    summary: 'Hapus endpoint peristiwa / Delete an event endpoint',
    description: 'Its deliveries and their log go with it. Quote the ETag of your last read in If-Match.',
    tags,
    security: admin,
    params: EndpointPath,
    concurrency: 'update',
    responses: { '204': { description: 'Deleted' } },
    errors: [endpointNotFound],
    handler: async (ctx, { params, preconditions }) => {
      await events.remove(ctx, params.endpoint, preconditions);
      return noContent();
    },
  });

  api.add({
    method: 'post',
    path: `${base}/:endpoint/rotate-secret`,
    operationId: 'rotateEventEndpointSecret',
    summary: 'Ganti rahasia endpoint / Rotate the endpoint secret',
    description:
      'A new secret, answered this once. The previous one stays valid for 24 hours (`previousSecretUntil`): every attempt meanwhile carries both signatures in `webhook-signature`, so the receiver can switch without losing an event. Quote the ETag in If-Match.',
    tags,
    security: admin,
    params: EndpointPath,
    concurrency: 'update',
    responses: { '200': { description: 'Rotated: the new secret (shown this once) and the new ETag', schema: EventEndpointWithSecret, example: endpointCreatedExample } },
    errors: [endpointNotFound],
    handler: async (ctx, { params, preconditions }) => {
      const { endpoint, etag } = await events.rotate(ctx, params.endpoint, preconditions);
      return ok(endpoint, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: `${base}/:endpoint/deliveries`,
    operationId: 'listEventEndpointDeliveries',
    summary: 'Pengiriman ke endpoint / Deliveries to an endpoint',
    description: 'Newest first, in pages. `status=dead` lists the dead letters (replay them).',
    tags,
    security: admin,
    params: EndpointPath,
    query: EventDeliveriesQuery,
    paginated: true,
    responses: { '200': { description: 'One page of deliveries', schema: Page(EventDelivery) } },
    errors: [endpointNotFound],
    handler: async (ctx, { params, query }) => ok(await events.deliveries(ctx, { ...query, endpoint: params.endpoint })),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/event-deliveries',
    operationId: 'listEventDeliveries',
    summary: 'Pengiriman peristiwa tenant / The tenant’s event deliveries',
    description: 'Every endpoint’s deliveries, newest first, in pages; `status=dead` lists the tenant’s dead letters.',
    tags,
    security: admin,
    params: TenantPath(),
    query: TenantDeliveriesQuery,
    paginated: true,
    responses: { '200': { description: 'One page of deliveries', schema: Page(EventDelivery) } },
    errors: [endpointNotFound],
    handler: async (ctx, { query }) => ok(await events.deliveries(ctx, query)),
  });

  api.add({
    method: 'get',
    path: `${base}/:endpoint/deliveries/:delivery`,
    operationId: 'getEventDelivery',
    summary: 'Satu pengiriman dan percobaannya / One delivery with its attempts',
    description: 'The body it sends and every attempt (status code, error, duration, at most 200 characters of the answer).',
    tags,
    security: admin,
    params: EndpointDeliveryPath,
    responses: { '200': { description: 'The delivery', schema: EventDeliveryDetail } },
    errors: [eventDeliveryNotFound],
    handler: async (ctx, { params }) => ok(await events.delivery(ctx, params.delivery, params.endpoint)),
  });

  api.add({
    method: 'post',
    path: `${base}/:endpoint/deliveries/:delivery/replay`,
    operationId: 'replayEventDelivery',
    summary: 'Kirim ulang surat mati / Replay a dead letter',
    description: 'A fresh delivery of the same message (same `webhook-id`: receivers dedupe on it) with a new allowance of attempts. Audited. Not while the endpoint is off (EVENT_ENDPOINT_INACTIVE).',
    tags,
    security: admin,
    params: EndpointDeliveryPath,
    responses: { '200': { description: 'The new delivery, pending', schema: EventDeliveryDetail } },
    errors: [eventDeliveryNotFound, eventDeliveryNotDead, endpointNotFound, endpointInactive],
    handler: async (ctx, { params }) => ok(await events.replay(ctx, params.endpoint, params.delivery)),
  });

  api.add({
    method: 'post',
    path: `${base}/:endpoint/replay`,
    operationId: 'replayDeadEventDeliveries',
    summary: 'Kirim ulang semua surat mati / Replay every dead letter',
    description: 'Every dead delivery of the endpoint created since `since` and not replayed yet, as fresh deliveries (at most 1000 a call). Audited.',
    tags,
    security: admin,
    params: EndpointPath,
    body: ReplayBody,
    bodyExample: { since: '2026-12-06T00:00:00Z' },
    responses: { '200': { description: 'How many were replayed, and their new deliveries', schema: ReplayResult } },
    errors: [endpointNotFound, endpointInactive],
    handler: async (ctx, { params, body }) => ok(await events.replayDead(ctx, params.endpoint, new Date(body.since))),
  });
}
