import { Type } from 'typebox';
import { LocalDate, Strict, TenantPath, Uuid } from '../../http/schemas.js';

const DateTime = Type.String({ format: 'date-time' });
const Lang = Type.Enum(['id', 'en'], { description: 'The language messages are written in' });
export const ContactChannelEnum = Type.Enum(['whatsapp', 'sms', 'email'], { description: 'WhatsApp (read most), SMS (registered sender ID), email' });
const ChannelEnum = Type.Enum(['whatsapp', 'sms', 'email', 'inbox'], { description: 'inbox: kept in the web app only (no channel the person consented to)' });
const StatusEnum = Type.Enum(['created', 'sending', 'sent', 'delivered', 'read', 'temporary-failure', 'permanent-failure', 'technical-failure'], {
  description: 'GOV.UK Notify’s statuses plus WhatsApp’s read: derived from the status log, so reports arriving out of order never move a message backwards',
});
const RelationEnum = Type.Enum(['self', 'family', 'village-operator', 'other'], { description: 'Whose number it is: the person’s own, a relative’s, the village operator’s, someone else’s' });
const MethodEnum = Type.Enum(['web', 'counter', 'paper', 'whatsapp', 'sms'], { description: 'How consent was given (web: in the person’s own account)' });
const Text2 = Type.Object({ id: Type.String(), en: Type.String() }, { additionalProperties: false });

export const ChannelPath = TenantPath({ channel: ContactChannelEnum });
export const ApplicationChannelPath = TenantPath({ id: Uuid, channel: ContactChannelEnum });
export const ApplicationPath = TenantPath({ id: Uuid });
export const NotificationPath = TenantPath({ id: Uuid });

export const ContactBody = Strict({
  address: Type.String({ minLength: 3, maxLength: 254, description: 'Phone number (0812…, +62 812…) for WhatsApp and SMS; email address for email' }),
  label: Type.Optional(Type.String({ maxLength: 80, description: 'Who reads it, when not the person: "Ibu Siti (anak)"' })),
  relation: Type.Optional(RelationEnum),
  lang: Type.Optional(Lang),
  consent: Type.Boolean({ description: 'true: agree to messages on this channel (the statement of GET …/contacts is what is agreed); false: stop them' }),
});

export const CounterContactBody = Strict({
  address: Type.String({ minLength: 3, maxLength: 254 }),
  label: Type.Optional(Type.String({ maxLength: 80 })),
  relation: Type.Optional(RelationEnum),
  lang: Type.Optional(Lang),
  consent: Type.Boolean(),
  method: Type.Enum(['counter', 'paper'], { description: 'counter: said in person to the officer; paper: signed on the form (kept with the file)' }),
});

export const Contact = Type.Object(
  {
    channel: ContactChannelEnum,
    address: Type.String(),
    label: Type.Union([Type.String(), Type.Null()]),
    relation: RelationEnum,
    lang: Lang,
    consent: Type.Union([Type.Object({ granted: Type.Boolean(), method: MethodEnum, at: DateTime, statement: Type.String() }, { additionalProperties: false }), Type.Null()]),
    sharedWith: Type.Integer({ minimum: 0, description: 'Other people whose messages go to this same number or address' }),
    flagged: Type.Boolean({ description: 'Shared by several people, or the village operator’s: check who reads it' }),
  },
  { additionalProperties: false },
);

export const MyContacts = Type.Object(
  {
    contacts: Type.Array(Contact),
    statements: Type.Object({ whatsapp: Text2, sms: Text2, email: Text2 }, { additionalProperties: false, description: 'What the person agrees to, per channel, as recorded' }),
    channels: Type.Object({ whatsapp: Type.Boolean(), sms: Type.Boolean(), email: Type.Boolean() }, { additionalProperties: false, description: 'Channels this regency offers now' }),
  },
  { additionalProperties: false },
);

export const ContactList = Type.Object({ items: Type.Array(Contact) }, { additionalProperties: false });

export const AddressCheckQuery = Strict({ channel: ContactChannelEnum, address: Type.String({ minLength: 3, maxLength: 254 }) });
export const AddressCheck = Type.Object(
  { address: Type.String(), masked: Type.String(), sharedWith: Type.Integer({ minimum: 0 }), flagged: Type.Boolean() },
  { additionalProperties: false },
);

export const Message = Type.Object(
  {
    id: Uuid,
    event: Type.String({ description: 'application.received, application.documents_requested, application.ready, application.rejected, application.step, application.due_changed, appointment.booked, appointment.moved, appointment.cancelled, appointment.withdrawn, queue.called_soon, complaint.answered, complaint.rejected, skm.invitation, staff.notice' }),
    channel: ChannelEnum,
    to: Type.Union([Type.String(), Type.Null()], { description: 'Where it went (masked for staff)' }),
    status: StatusEnum,
    text: Type.String(),
    applicationId: Type.Union([Uuid, Type.Null()]),
    fallbackFrom: Type.Union([Uuid, Type.Null()], { description: 'The message on another channel this one replaces (it failed for good)' }),
    createdAt: DateTime,
    updatedAt: DateTime,
    history: Type.Array(Type.Object({ status: StatusEnum, at: DateTime, source: Type.String(), code: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export const MessageList = Type.Object({ items: Type.Array(Message) }, { additionalProperties: false });

export const MyMessagesQuery = Strict({ application: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), cursor: Type.Optional(Type.String({ maxLength: 512 })) });
export const MessagesQuery = Strict({
  status: Type.Optional(StatusEnum),
  channel: Type.Optional(ChannelEnum),
  event: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
});
export const UsageQuery = Strict({ from: Type.Optional(LocalDate), to: Type.Optional(LocalDate) });
export const Usage = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    rows: Type.Array(
      Type.Object(
        { channel: ChannelEnum, category: Type.String(), messages: Type.Integer(), sent: Type.Integer(), delivered: Type.Integer(), read: Type.Integer(), failed: Type.Integer(), units: Type.Integer(), cost: Type.Number() },
        { additionalProperties: false },
      ),
    ),
    total: Type.Object({ messages: Type.Integer(), cost: Type.Number(), currency: Type.Literal('IDR') }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

const Hhmm = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
const QuietHours = Type.Union([Type.Object({ start: Hhmm, end: Hhmm }, { additionalProperties: false, description: 'Local time in the tenant’s zone; non-urgent messages wait for its end' }), Type.Null()]);
const Caps = Type.Object(
  { whatsapp: Type.Optional(Type.Integer({ minimum: 0 })), sms: Type.Optional(Type.Integer({ minimum: 0 })), email: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false, description: 'Messages per local day per channel (non-urgent ones beyond wait for the next morning)' },
);
const Price = Type.Object(
  {
    channel: ContactChannelEnum,
    category: Type.String({ pattern: '^(utility|authentication|service|\\*)$' }),
    insideWindow: Type.Optional(Type.Boolean({ description: 'WhatsApp: a rule for messages inside the 24-hour service window (free for utility since July 2025)' })),
    unitPrice: Type.Number({ minimum: 0, description: 'IDR per billable unit (an SMS segment, a WhatsApp message, an email)' }),
  },
  { additionalProperties: false },
);
const Staff = Type.Record(Type.String({ pattern: '^(tenant-admin|officer:[a-z][a-z0-9-]{1,62})$' }), Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 20 }), {
  description: 'Work email addresses for staff notices: tenant-admin, officer:<agency>',
});

export const SenderSettingsBody = Strict({
  displayName: Type.String({ minLength: 3, maxLength: 60, description: 'The sender people see: "MPP Kab. Bandung Barat"' }),
  whatsapp: Type.Optional(
    Type.Union([
      Strict({
        phoneNumberId: Type.String({ pattern: '^[0-9]{5,20}$', description: 'The regency’s own WhatsApp Business number id (Meta)' }),
        wabaId: Type.String({ pattern: '^[0-9]{5,20}$', description: 'Its WhatsApp Business account id' }),
        language: Type.Optional(Type.Enum(['id', 'en'])),
        accessToken: Type.Optional(Type.String({ minLength: 20, maxLength: 1024, description: 'Write only: a system-user token; kept encrypted' })),
        appSecret: Type.Optional(Type.String({ minLength: 16, maxLength: 256, description: 'Write only: the app secret status callbacks are signed with' })),
        verifyToken: Type.Optional(Type.String({ minLength: 16, maxLength: 256, description: 'Write only: the callback handshake token (generated when left out)' })),
      }),
      Type.Null(),
    ]),
  ),
  sms: Type.Optional(Type.Union([Strict({ senderId: Type.String({ minLength: 1, maxLength: 11, description: 'Sender ID registered with the operators, e.g. MPPKBB' }) }), Type.Null()])),
  email: Type.Optional(Type.Union([Strict({ replyTo: Type.Optional(Type.String({ format: 'email', maxLength: 254 })) }), Type.Null()])),
  staff: Type.Optional(Staff),
  quietHours: Type.Optional(QuietHours),
  dailyCaps: Type.Optional(Caps),
  prices: Type.Optional(Type.Array(Price, { maxItems: 30 })),
});

export const SenderSettings = Type.Object(
  {
    displayName: Type.String(),
    whatsapp: Type.Union([
      Type.Object(
        { phoneNumberId: Type.String(), wabaId: Type.String(), language: Type.String(), accessTokenSet: Type.Boolean(), appSecretSet: Type.Boolean(), verifyTokenSet: Type.Boolean(), callbackUrl: Type.String() },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    sms: Type.Union([Type.Object({ senderId: Type.String(), callbackUrl: Type.String() }, { additionalProperties: false }), Type.Null()]),
    email: Type.Union([Type.Object({ replyTo: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }), Type.Null()]),
    staff: Type.Record(Type.String(), Type.Array(Type.String())),
    quietHours: QuietHours,
    dailyCaps: Caps,
    prices: Type.Array(Price),
    providers: Type.Object({ whatsapp: Type.Boolean(), sms: Type.Boolean(), email: Type.Boolean() }, { additionalProperties: false }),
    version: Type.Integer({ minimum: 0 }),
    updatedBy: Type.String(),
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);

export const VerifyToken = Type.Object({ verifyToken: Type.String(), callbackUrl: Type.String() }, { additionalProperties: false });
export const CallbackAck = Type.Object({ reports: Type.Integer(), inbound: Type.Integer() }, { additionalProperties: false });
export const ChallengeQuery = Type.Object(
  { 'hub.mode': Type.Optional(Type.String({ maxLength: 32 })), 'hub.verify_token': Type.Optional(Type.String({ maxLength: 256 })), 'hub.challenge': Type.Optional(Type.String({ maxLength: 256 })) },
  { additionalProperties: true },
);
