import Type from 'typebox';
import { Code, Strict, TenantPath, Uuid } from '../../http/schemas.js';
import { PageParams } from '../../pagination.js';

/** A response object: nothing beyond its declared members. */
const Closed = <P extends Type.TProperties>(props: P, options: Record<string, unknown> = {}) => Type.Object(props, { additionalProperties: false, ...options });
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Count = Type.Integer({ minimum: 0 });
const Bilingual = Closed({ id: Type.String(), en: Type.String() });

export const EndpointPath = TenantPath({ endpoint: Uuid });
export const EndpointDeliveryPath = TenantPath({ endpoint: Uuid, delivery: Uuid });

const Url = Type.String({ minLength: 8, maxLength: 2000, description: 'Absolute https URL (http outside production), without credentials or fragment; a public address' });
const EventTypes = Type.Array(Type.String({ pattern: '^[a-z][a-z_]*(\\.[a-z][a-z_]*)*(\\.\\*)?$', maxLength: 100 }), {
  maxItems: 50,
  uniqueItems: true,
  description: 'Exact types (`complaint.filed`) or prefixes (`complaint.*`); empty: every type',
});
const Description = Type.String({ maxLength: 500 });

// ---- requests ---------------------------------------------------------------------------------

export const CreateEndpointBody = Strict({
  url: Url,
  description: Type.Optional(Description),
  eventTypes: Type.Optional(EventTypes),
  agency: Type.Optional(Nullable(Code)),
  active: Type.Optional(Type.Boolean({ description: 'Default true' })),
});

export const UpdateEndpointBody = Strict({
  url: Type.Optional(Url),
  description: Type.Optional(Description),
  eventTypes: Type.Optional(EventTypes),
  agency: Type.Optional(Nullable(Code)),
  active: Type.Optional(Type.Boolean({ description: 'Switching on again clears `disabledReason`' })),
  legacyHeaders: Type.Optional(Type.Boolean({ description: 'Endpoints migrated from the complaint webhook: `false` stops the X-Satupintu-* headers' })),
});

export const EventDeliveriesQuery = Strict({ status: Type.Optional(Type.Enum(['pending', 'delivered', 'dead'])), ...PageParams });
export const TenantDeliveriesQuery = Strict({ status: Type.Optional(Type.Enum(['pending', 'delivered', 'dead'])), endpoint: Type.Optional(Uuid), ...PageParams });
export const ReplayBody = Strict({ since: Type.String({ format: 'date-time', description: 'Replay every dead delivery of the endpoint created at or after this time (not replayed already)' }) });

// ---- responses --------------------------------------------------------------------------------

const EndpointMembers = {
  id: Uuid,
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  agency: Nullable(Type.String({ description: 'Only events about this agency reach the endpoint; null: every event of the tenant' })),
  active: Type.Boolean(),
  disabledReason: Nullable(Type.String({ description: 'Why the platform switched it off (410 Gone, or failing for the whole retry schedule)' })),
  disabledAt: Nullable(DateTime),
  secretHint: Type.String({ description: 'The last 4 characters of the signing secret' }),
  previousSecretUntil: Nullable(DateTime),
  legacy: Type.Boolean({ description: 'Migrated from the deprecated complaint webhook' }),
  legacyHeaders: Type.Boolean({ description: 'Also sends X-Satupintu-Signature/-Timestamp/-Delivery (the complaint webhook’s scheme)' }),
  maxAttempts: Type.Integer({ minimum: 1, maximum: 20 }),
  createdAt: DateTime,
  updatedBy: Type.String(),
  updatedAt: DateTime,
};
export const EventEndpoint = Closed(EndpointMembers, { 'x-component': 'EventEndpoint' });
export type EventEndpointView = Type.Static<typeof EventEndpoint>;
export const EventEndpointWithSecret = Closed(
  { ...EndpointMembers, secret: Type.Optional(Type.String({ pattern: '^whsec_', description: 'The signing secret (`whsec_` + base64 of 32 bytes): only in the answer that made it; store it then' })) },
  { 'x-component': 'EventEndpointWithSecret' },
);
export type EventEndpointWithSecretView = Type.Static<typeof EventEndpointWithSecret>;

export const EventDelivery = Closed(
  {
    id: Uuid,
    endpointId: Uuid,
    messageId: Type.String({ pattern: '^msg_[0-9a-f]{32}$', description: 'The `webhook-id` header: the same on every attempt and every replay' }),
    type: Type.String(),
    status: Type.Enum(['pending', 'delivered', 'dead']),
    attempts: Count,
    maxAttempts: Type.Integer({ minimum: 1 }),
    nextAttemptAt: Nullable(DateTime),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    createdAt: DateTime,
    deliveredAt: Nullable(DateTime),
    deadAt: Nullable(DateTime),
    replayOf: Nullable(Uuid),
    replayedBy: Nullable(Uuid),
  },
  { 'x-component': 'EventDelivery' },
);
export type EventDeliveryView = Type.Static<typeof EventDelivery>;

export const EventPayload = Closed(
  { type: Type.String(), timestamp: DateTime, data: Type.Record(Type.String(), Type.Unknown(), { description: 'Ids and codes only' }) },
  { 'x-component': 'EventPayload', description: 'The body every endpoint receives (signed; docs/webhooks.md)' },
);

export const EventDeliveryDetail = Closed(
  {
    ...EventDelivery.properties,
    payload: EventPayload,
    log: Type.Array(
      Closed({
        attempt: Type.Integer({ minimum: 1 }),
        at: DateTime,
        url: Type.String(),
        statusCode: Nullable(Type.Integer()),
        error: Nullable(Type.String()),
        response: Nullable(Type.String({ maxLength: 200, description: 'The first 200 characters of the receiver’s answer' })),
        durationMs: Count,
      }),
      { description: 'Every attempt, in order' },
    ),
  },
  { 'x-component': 'EventDeliveryDetail' },
);
export type EventDeliveryDetailView = Type.Static<typeof EventDeliveryDetail>;

export const ReplayResult = Closed({ replayed: Count, deliveries: Type.Array(Uuid) }, { 'x-component': 'EventReplayResult' });

export const EventTypeSchema = Closed({ type: Type.String(), description: Bilingual, data: Type.Array(Type.String()) }, { 'x-component': 'EventType' });
export const EventTypeList = Closed({ items: Type.Array(EventTypeSchema) }, { 'x-component': 'EventTypeList' });
