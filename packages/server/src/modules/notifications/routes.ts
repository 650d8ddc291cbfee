import type { Request } from 'express';
import { localDate, plusDays } from '@satupintu/core';
import { noContent, ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { bodyTooLarge } from '../../http/problems.js';
import { Page } from '../../pagination.js';
import { addressInvalid, callbackNotConfigured, callbackSignatureInvalid, contactNotFound, notificationNotFound, senderIdInvalid, senderSecretMissing } from './errors.js';
import {
  AddressCheck,
  AddressCheckQuery,
  ApplicationChannelPath,
  ApplicationPath,
  CallbackAck,
  ChallengeQuery,
  ChannelPath,
  Contact,
  ContactBody,
  ContactList,
  CounterContactBody,
  Message,
  MessageList,
  MessagesQuery,
  MyContacts,
  MyMessagesQuery,
  NotificationPath,
  SenderSettings,
  SenderSettingsBody,
  Usage,
  UsageQuery,
  VerifyToken,
} from './schemas.js';
import type { NotificationService } from './service.js';
import { applicationNotFound } from '../applications/index.js';

const citizen = { kind: 'roles' as const, roles: ['citizen' as const], tenantParam: 'tenant' };
const counter = { kind: 'roles' as const, roles: ['officer' as const, 'village-operator' as const, 'tenant-admin' as const], tenantParam: 'tenant' };
const anyone = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'village-operator' as const, 'tenant-admin' as const], tenantParam: 'tenant' };
const coordinator = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };

/** Provider reports are small; a bigger body is refused before it is read. */
const CALLBACK_MAX_BYTES = 256 * 1024;

async function rawBody(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > CALLBACK_MAX_BYTES) throw bodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const exampleMessage = {
  id: '019aa4b2-7c1e-7d3a-9f10-3c5e8a1b2c3d',
  event: 'application.received',
  channel: 'whatsapp' as const,
  to: '+62812****789',
  status: 'delivered' as const,
  text: 'Permohonan Penggantian KTP-el Anda sudah kami terima. Kode lacak: 7KQ2-M9XD. Perkiraan selesai: Selasa, 8 Desember 2026. Pantau di https://mpp.bandungbaratkab.go.id/t/kab-bandung-barat/permohonan/019a…',
  applicationId: '019aa4b2-0000-7d3a-9f10-3c5e8a1b2c3d',
  fallbackFrom: null,
  createdAt: '2026-12-07T02:00:00.000Z',
  updatedAt: '2026-12-07T02:00:04.000Z',
  history: [
    { status: 'created' as const, at: '2026-12-07T02:00:00.000Z', source: 'service', code: null },
    { status: 'sending' as const, at: '2026-12-07T02:00:01.000Z', source: 'worker', code: null },
    { status: 'sent' as const, at: '2026-12-07T02:00:02.000Z', source: 'worker', code: null },
    { status: 'delivered' as const, at: '2026-12-07T02:00:04.000Z', source: 'provider', code: null },
  ],
};

/** Notifications: the citizen's channels and consent and messages, the counter's recording, the admin's senders and usage, the providers' reports. */
export function notificationRoutes(api: RouteTable, s: NotificationService, apps: { recipientOf(ctx: Parameters<NotificationService['myContacts']>[0], id: string): Promise<{ person: string; staff: boolean }> }): void {
  const me = (ctx: { identity: { subject: string } }) => `citizen:${ctx.identity.subject}`;

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/me/contacts',
    operationId: 'getMyContacts',
    summary: 'Saluran pesan saya / My message channels',
    description: 'Where the regency may message you (WhatsApp, SMS, email), the consent recorded for each, and the exact statement you agree to per channel. Messages go to WhatsApp first, then SMS, then email — only on channels you agreed to.',
    tags: ['notifications'],
    security: citizen,
    params: TenantPath(),
    responses: { '200': { description: 'Your channels', schema: MyContacts } },
    handler: async (ctx) => ok(await s.myContacts(ctx)),
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/me/contacts/:channel',
    operationId: 'setMyContact',
    summary: 'Atur saluran pesan dan persetujuan / Set a message channel and consent',
    description:
      'Sets the number or address for a channel and records your consent (`consent: true`) or its withdrawal (`false`) in the consent ledger (UU 27/2022) with the time and method (web). A number someone else also uses is shown with `sharedWith`. Naming someone else’s number (a relative’s) is allowed: say whose in `label` and `relation`.',
    tags: ['notifications'],
    security: citizen,
    params: ChannelPath,
    body: ContactBody,
    bodyExample: { address: '0812 3456 7890', consent: true, lang: 'id' },
    responses: { '200': { description: 'The channel as recorded', schema: Contact } },
    errors: [addressInvalid],
    handler: async (ctx, { params, body }) => ok(await s.setContact(ctx, me(ctx), params.channel, body, { role: 'citizen', method: 'web' })),
  });

  api.add({
    method: 'delete',
    path: '/api/v1/tenants/:tenant/me/contacts/:channel',
    operationId: 'removeMyContact',
    summary: 'Berhenti menerima pesan di saluran ini / Stop messages on a channel',
    description: 'Withdraws consent (recorded in the ledger) and removes the number or address; queued messages on it are not sent.',
    tags: ['notifications'],
    security: citizen,
    params: ChannelPath,
    responses: { '204': { description: 'Stopped' } },
    errors: [contactNotFound],
    handler: async (ctx, { params }) => {
      await s.removeContact(ctx, me(ctx), params.channel, 'citizen');
      return noContent();
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/me/notifications',
    operationId: 'listMyNotifications',
    summary: 'Pesan untuk saya / My messages',
    description: 'Every message the regency sent you (or kept in the web app when no channel was agreed), newest first, with its delivery state and status log. Filter by `application`.',
    tags: ['notifications'],
    security: citizen,
    params: TenantPath(),
    query: MyMessagesQuery,
    paginated: true,
    responses: { '200': { description: 'A page of messages', schema: Page(Message), example: { items: [exampleMessage], next: null } } },
    handler: async (ctx, { query }) => ok(await s.mine(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/notifications',
    operationId: 'listApplicationNotifications',
    summary: 'Pesan tentang permohonan ini / Messages about this application',
    description: 'Every message about the application and its delivery state: for its applicant, and for the staff who may see it (addresses masked; the look is logged like a read).',
    tags: ['notifications'],
    security: anyone,
    params: ApplicationPath,
    responses: { '200': { description: 'The messages, oldest first', schema: MessageList } },
    errors: [applicationNotFound],
    handler: async (ctx, { params }) => {
      await apps.recipientOf(ctx, params.id);
      return ok({ items: await s.ofApplication(ctx, params.id) });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/recipients',
    operationId: 'listApplicationRecipients',
    summary: 'Penerima pesan permohonan / Who gets this application’s messages',
    description: 'The channels recorded for the application’s applicant, with consent and whether the number is shared by several people (a relative’s or the village operator’s).',
    tags: ['notifications'],
    security: counter,
    params: ApplicationPath,
    responses: { '200': { description: 'The channels', schema: ContactList } },
    errors: [applicationNotFound],
    handler: async (ctx, { params }) => {
      const { person } = await apps.recipientOf(ctx, params.id);
      return ok({ items: await s.contactsOf(ctx, person) });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/applications/:id/recipients/:channel',
    operationId: 'setApplicationRecipient',
    summary: 'Catat saluran dan persetujuan di loket / Record a channel and consent at the counter',
    description:
      'An officer or village operator records, for the application’s applicant, the number or address to message and the consent given in person (`counter`) or on paper (`paper`): the ledger keeps the officer who recorded it. The answer says whether the number is already used by other people (`sharedWith`, `flagged`): check with the applicant who reads it, and name that person in `label`.',
    tags: ['notifications'],
    security: counter,
    params: ApplicationChannelPath,
    body: CounterContactBody,
    bodyExample: { address: '0813 9876 5432', consent: true, method: 'counter', relation: 'family', label: 'Pak Budi (anak)' },
    responses: { '200': { description: 'The channel as recorded', schema: Contact } },
    errors: [addressInvalid, applicationNotFound],
    handler: async (ctx, { params, body }) => {
      const { person } = await apps.recipientOf(ctx, params.id);
      const role = ctx.identity.memberships.some((m) => 'tenant' in m && m.tenant === ctx.tenant.slug && m.role === 'officer') ? 'officer' : ctx.identity.memberships.some((m) => m.role === 'village-operator') ? 'village-operator' : 'tenant-admin';
      return ok(await s.setContact(ctx, person, params.channel, body, { role, method: body.method }));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/contact-check',
    operationId: 'checkContactAddress',
    summary: 'Periksa nomor sebelum dicatat / Check a number before recording it',
    description: 'How many people’s messages already go to this number or address in this regency (no names). Several (≥ 2) means a shared phone: a relative’s or the village operator’s.',
    tags: ['notifications'],
    security: counter,
    params: TenantPath(),
    query: AddressCheckQuery,
    responses: { '200': { description: 'The check', schema: AddressCheck } },
    errors: [addressInvalid],
    handler: async (ctx, { query }) => ok(await s.addressCheck(ctx, query.channel, query.address)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/notification-settings',
    operationId: 'getNotificationSettings',
    summary: 'Pengirim pesan regensi / The regency’s message senders',
    description: 'The regency’s own WhatsApp number, SMS sender ID, reply-to, staff addresses, quiet hours, daily caps and prices. Secrets are never answered, only whether each is set.',
    tags: ['notifications'],
    security: coordinator,
    params: TenantPath(),
    concurrency: 'read',
    responses: { '200': { description: 'The settings, with their ETag', schema: SenderSettings } },
    handler: async (ctx) => {
      const { settings, etag } = await s.settings(ctx);
      return ok(settings, { ETag: etag });
    },
  });

  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/notification-settings',
    operationId: 'configureNotificationSettings',
    summary: 'Atur pengirim pesan / Configure the message senders',
    description:
      'Replaces the settings (If-Match with the ETag you read; none needed the first time). WhatsApp secrets (access token, app secret, verify token) are write-only and stored encrypted; leaving one out keeps it. Point Meta’s webhook at `whatsapp.callbackUrl` with the verify token (GET …/notification-settings/verify-token). Prices are configuration: IDR per billable unit per channel and category.',
    tags: ['notifications'],
    security: coordinator,
    params: TenantPath(),
    body: SenderSettingsBody,
    bodyExample: { displayName: 'MPP Kab. Bandung Barat', sms: { senderId: 'MPPKBB' }, quietHours: { start: '21:00', end: '07:00' }, dailyCaps: { sms: 2000 }, prices: [{ channel: 'sms', category: '*', unitPrice: 350 }] },
    concurrency: 'update',
    responses: { '200': { description: 'The settings as stored, with the new ETag', schema: SenderSettings } },
    errors: [senderSecretMissing, senderIdInvalid],
    handler: async (ctx, { body, preconditions }) => {
      const { settings, etag } = await s.configure(ctx, body, preconditions);
      return ok(settings, { ETag: etag });
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/notification-settings/verify-token',
    operationId: 'getWhatsAppVerifyToken',
    summary: 'Token verifikasi webhook WhatsApp / WhatsApp webhook verify token',
    description: 'The token to paste in Meta’s app dashboard with the callback URL (the handshake echoes Meta’s challenge only when it matches).',
    tags: ['notifications'],
    security: coordinator,
    params: TenantPath(),
    responses: { '200': { description: 'The token and callback URL', schema: VerifyToken } },
    errors: [callbackNotConfigured],
    handler: async (ctx) => ok({ verifyToken: await s.verifyToken(ctx), callbackUrl: s.callbackUrl(ctx.tenant, 'whatsapp') }),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/notifications',
    operationId: 'listNotifications',
    summary: 'Pesan terkirim / Messages sent',
    description: 'Every message of the regency, newest first, with its status log; addresses masked. Filter by status, channel or event.',
    tags: ['notifications'],
    security: coordinator,
    params: TenantPath(),
    query: MessagesQuery,
    paginated: true,
    responses: { '200': { description: 'A page of messages', schema: Page(Message) } },
    handler: async (ctx, { query }) => ok(await s.list(ctx, query)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/notifications/:id',
    operationId: 'getNotification',
    summary: 'Satu pesan / One message',
    tags: ['notifications'],
    security: coordinator,
    params: NotificationPath,
    responses: { '200': { description: 'The message and its status log', schema: Message } },
    errors: [notificationNotFound],
    handler: async (ctx, { params }) => ok(await s.get(ctx, params.id)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/notification-usage',
    operationId: 'getNotificationUsage',
    summary: 'Pemakaian dan biaya pesan / Message usage and cost',
    description: 'Messages, deliveries, failures, billable units and cost per channel and category between two local dates (`to` exclusive; default the last 30 days). Cost follows the regency’s configured prices.',
    tags: ['notifications'],
    security: coordinator,
    params: TenantPath(),
    query: UsageQuery,
    responses: { '200': { description: 'Usage', schema: Usage } },
    handler: async (ctx, { query }) => {
      const today = localDate(ctx.now, ctx.tenant.timeZone);
      return ok(await s.usage(ctx, query.from ?? plusDays(today, -29), query.to ?? plusDays(today, 1)));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/notification-callbacks/whatsapp',
    operationId: 'verifyWhatsAppCallback',
    summary: 'Jabat tangan webhook WhatsApp / WhatsApp webhook handshake',
    description: 'Meta’s GET with `hub.mode=subscribe`, `hub.verify_token` and `hub.challenge`: the challenge is echoed (text/plain) only when the token matches the regency’s.',
    tags: ['notifications'],
    security: { kind: 'public' },
    params: TenantPath(),
    query: ChallengeQuery,
    responses: { '200': { description: 'The challenge, echoed', media: ['text/plain'] } },
    errors: [callbackNotConfigured, callbackSignatureInvalid],
    handler: async (ctx, { query }) => ({ status: 200, raw: { content: await s.whatsappChallenge(ctx, query), type: 'text/plain; charset=utf-8' } }),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/notification-callbacks/whatsapp',
    operationId: 'receiveWhatsAppCallback',
    summary: 'Laporan status WhatsApp / WhatsApp status reports',
    description: 'Meta’s webhook: status reports (sent, delivered, read, failed) and inbound messages (which open the 24-hour service window; they are not consent). Verified with `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the app secret); refused otherwise.',
    tags: ['notifications'],
    security: { kind: 'public' },
    params: TenantPath(),
    rawBody: { description: 'Meta’s JSON, verified as received', media: ['application/json'] },
    headers: [{ name: 'X-Hub-Signature-256', description: 'sha256=<hex HMAC of the raw body>', required: true }],
    responses: { '200': { description: 'Recorded', schema: CallbackAck } },
    errors: [callbackNotConfigured, callbackSignatureInvalid, bodyTooLarge],
    handler: async (ctx, { req }) => ok(await s.whatsappWebhook(ctx, await rawBody(req), req.get('x-hub-signature-256'))),
  });

  api.add({
    method: 'post',
    path: '/api/v1/tenants/:tenant/notification-callbacks/sms',
    operationId: 'receiveSmsReport',
    summary: 'Laporan kiriman SMS / SMS delivery report',
    description: 'The aggregator’s delivery report (DLR), verified with `X-Aggregator-Signature` (sha256=<hex HMAC of the raw body with SMS_CALLBACK_SECRET>).',
    tags: ['notifications'],
    security: { kind: 'public' },
    params: TenantPath(),
    rawBody: { description: 'The aggregator’s JSON report', media: ['application/json'] },
    headers: [{ name: 'X-Aggregator-Signature', description: 'sha256=<hex HMAC of the raw body>', required: true }],
    responses: { '200': { description: 'Recorded', schema: CallbackAck } },
    errors: [callbackNotConfigured, callbackSignatureInvalid, bodyTooLarge],
    handler: async (ctx, { req }) => ok({ ...(await s.smsReport(ctx, await rawBody(req), req.get('x-aggregator-signature'))), inbound: 0 }),
  });
}

