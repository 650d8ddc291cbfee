import Type from 'typebox';
import { Strict } from '../../http/schemas.js';

/** Request and response schemas of the SP4N-LAPOR! connection (issue 24, ADR 0038). */

const Closed = <P extends Type.TProperties>(props: P, options: Record<string, unknown> = {}) => Type.Object(props, { additionalProperties: false, ...options });
const Nullable = <T extends Type.TSchema>(s: T) => Type.Union([s, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const Path = Type.String({ minLength: 1, maxLength: 200, pattern: '^/[A-Za-z0-9_./{}-]*$' });
const REMOTE = ['received', 'verifying', 'dispositioned', 'answered', 'closed', 'rejected', 'unknown'] as const;

const FIELD_NAMES = [
  'reference', 'title', 'body', 'category', 'location', 'incidentDate', 'anonymous', 'confidential', 'reporter', 'reporterName', 'reporterEmail', 'reporterPhone',
  'trackingId', 'transactionId', 'status', 'disposition', 'dispositionAgency', 'answers', 'answerText', 'answerAt', 'list',
] as const;

/** What the regency may override of the protocol; anything left out keeps the default (to confirm with KemenPAN-RB). */
export const LaporProtocolOverride = Strict({
  paths: Type.Optional(Strict({ token: Type.Optional(Path), create: Type.Optional(Path), get: Type.Optional(Path), list: Type.Optional(Path) })),
  referenceQuery: Type.Optional(Name),
  fields: Type.Optional(Strict(Object.fromEntries(FIELD_NAMES.map((f) => [f, Type.Optional(Name)])) as Record<(typeof FIELD_NAMES)[number], Type.TOptional<typeof Name>>)),
  statuses: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.Enum([...REMOTE]), { maxProperties: 50, description: 'LAPOR!’s status words onto ours' })),
  categories: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 64 }), Type.String({ minLength: 1, maxLength: 64 }), { maxProperties: 20, description: 'Our categories onto LAPOR!’s `kategori`' })),
});

export const LaporConfigBody = Strict({
  enabled: Type.Boolean({ description: 'API mode on (push and pull); off: manual mode only' }),
  baseUrl: Type.String({ minLength: 8, maxLength: 500, description: 'LAPOR! integration API base URL (https in production), from the developer page of lapor.go.id' }),
  clientId: Type.String({ minLength: 1, maxLength: 200, description: 'The developer account’s client id' }),
  clientSecret: Type.Optional(Type.String({ minLength: 8, maxLength: 500, description: 'Required the first time; stored sealed, never answered' })),
  pullMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440, description: 'How often a linked report’s status is pulled (default 60)' })),
  autoPush: Type.Optional(Type.Boolean({ description: 'Push every complaint the coordinator verifies (forwards or handles), without asking each time (default false)' })),
  protocol: Type.Optional(LaporProtocolOverride),
});

export const LaporConfigView = Closed(
  {
    enabled: Type.Boolean(),
    baseUrl: Type.String(),
    clientId: Type.String(),
    clientSecretSet: Type.Boolean(),
    clientSecretHint: Type.String({ description: 'Last four characters' }),
    pullMinutes: Type.Integer(),
    autoPush: Type.Boolean(),
    protocol: Type.Object({}, { additionalProperties: true, description: 'The protocol in force: the defaults (to confirm with KemenPAN-RB) with the regency’s overrides' }),
    version: Type.Integer({ minimum: 1 }),
    updatedAt: DateTime,
  },
  { 'x-component': 'LaporConfig' },
);

export const LaporConnectionView = Closed(
  {
    configured: Type.Boolean(),
    enabled: Type.Boolean(),
    mode: Type.Enum(['api', 'manual'], { description: 'api when configured and enabled (and not a sandbox); otherwise complaints are forwarded by hand' }),
    sandbox: Type.Boolean({ description: 'A sandbox never calls LAPOR!' }),
    lastSuccessAt: Nullable(DateTime),
    lastError: Nullable(Closed({ at: DateTime, message: Type.String() })),
    counts: Closed({
      pending: Type.Integer({ minimum: 0 }),
      synced: Type.Integer({ minimum: 0 }),
      failed: Type.Integer({ minimum: 0 }),
      conflict: Type.Integer({ minimum: 0 }),
      manual: Type.Integer({ minimum: 0 }),
    }),
  },
  { 'x-component': 'LaporConnection' },
);

export type LaporConfigInput = Type.Static<typeof LaporConfigBody>;
export type LaporConfigOut = Type.Static<typeof LaporConfigView>;
export type LaporConnectionOut = Type.Static<typeof LaporConnectionView>;
