import type { Request } from 'express';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { TenantPath } from '../../http/schemas.js';
import { bodyTooLarge } from '../../http/problems.js';
import { applicationNotFound } from '../applications/index.js';
import {
  alreadyPaid, assessmentExists, channelConfigInvalid, assessmentInvalid, assessmentMissing, cashInvalid, channelNotConfigured, channelNotForFee, exceptionNotFound, feeLocked, notificationUnverified, orderNotFound, providerFailed, sandboxNoProvider,
} from './errors.js';
import { AppPath, AssessmentBody, CashBody, ChannelBody, ChannelPath, ChannelView, Connection, ExceptionList, ExceptionPath, ExceptionsQuery, H2hInquiry, OrderBody, OrderPath, PaymentException, PaymentView, ReconcileBody, Reconciliation, ResolveBody, SnapAck } from './schemas.js';
import type { PaymentService } from './service.js';

const admin = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };
const officer = { kind: 'roles' as const, roles: ['officer' as const], tenantParam: 'tenant' };
const anyone = { kind: 'roles' as const, roles: ['citizen' as const, 'officer' as const, 'village-operator' as const, 'tenant-admin' as const], tenantParam: 'tenant' };
const MAX = 64 * 1024;

async function rawBody(req: Request): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX) throw bodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Issue 24, payments (docs/payments.md): channels and health, assessments, orders, proofs, the bank's notifications, reconciliation. */
export function paymentRoutes(api: RouteTable, s: PaymentService): void {
  api.add({
    method: 'put', path: '/api/v1/tenants/:tenant/payments/channels/:channel', operationId: 'configurePaymentChannel',
    summary: 'Atur kanal pembayaran / Configure a payment channel',
    description: 'The tenant’s own credentials per channel: secrets are write-only and sealed at rest; anything not public (SIMPONI’s member names, the bank’s settlement path) is configuration.',
    tags: ['payments'], security: admin, params: ChannelPath, body: ChannelBody,
    bodyExample: { enabled: true, config: { baseUrl: 'https://wsdev.simponi.kemenkeu.go.id', userId: 'kanim-bandung', satker: { imigrasi: { kodeKl: '013', kodeEselon1: '06', kodeSatker: '412345', kodeAkun: '425411' } } }, secrets: { password: '…' } },
    responses: { '200': { description: 'The channel as stored (no secrets)', schema: ChannelView } },
    errors: [channelConfigInvalid],
    handler: async (ctx, { params, body }) => ok(await s.configure(ctx, params.channel, body)),
  });

  api.add({
    method: 'get', path: '/api/v1/tenants/:tenant/payments/connection', operationId: 'getPaymentConnection',
    summary: 'Kesehatan koneksi pembayaran / Payment connection health',
    description: 'Per channel: configured, enabled, last success, last error, orders waiting, open reconciliation exceptions.',
    tags: ['payments'], security: admin, params: TenantPath(),
    responses: { '200': { description: 'Health', schema: Connection } },
    handler: async (ctx) => ok(await s.connection(ctx)),
  });

  api.add({
    method: 'get', path: '/api/v1/tenants/:tenant/applications/:id/payments', operationId: 'getApplicationPayments',
    summary: 'Biaya permohonan: apa, mengapa, bagaimana, sampai kapan, bukti / What to pay, why, how, until when, the proof',
    tags: ['payments'], security: anyone, params: AppPath,
    responses: { '200': { description: 'The assessment (legal basis), the order, the proof', schema: PaymentView } },
    errors: [applicationNotFound],
    handler: async (ctx, { params }) => ok(await s.view(ctx, params.id)),
  });

  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/applications/:id/payments/assessments', operationId: 'assessApplicationFee',
    summary: 'Tetapkan biaya / Assess the fee',
    description: 'From the plugin’s fee rule (a locked fee cannot be changed); a formula fee takes the officer’s lines. Immutable: a correction is a superseding assessment with `reason` (audited).',
    tags: ['payments'], security: officer, params: AppPath, body: AssessmentBody, bodyExample: {},
    responses: { '201': { description: 'Assessed', schema: PaymentView } },
    errors: [applicationNotFound, feeLocked, assessmentInvalid, assessmentExists, alreadyPaid],
    handler: async (ctx, { params, body }) => created(await s.assess(ctx, params.id, body)),
  });

  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/applications/:id/payments/orders', operationId: 'orderApplicationPayment',
    summary: 'Terbitkan kode bayar / Issue the payment order',
    description: 'SIMPONI billing code for PNBP (issued for the agency’s satker), the regional bank’s virtual account for retribusi, or a cash bill. An open order on the same channel is answered again.',
    tags: ['payments'], security: anyone, params: AppPath, body: OrderBody, bodyExample: { channel: 'simponi' },
    responses: { '201': { description: 'The order', schema: PaymentView } },
    errors: [applicationNotFound, assessmentMissing, alreadyPaid, channelNotForFee, channelNotConfigured, providerFailed, sandboxNoProvider],
    handler: async (ctx, { params, body }) => created(await s.order(ctx, params.id, body.channel)),
  });

  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/applications/:id/payments/orders/:order/check', operationId: 'checkApplicationPayment',
    summary: 'Cek status pembayaran ke penyedia / Re-check the payment with the provider',
    description: 'Only the provider’s answer records a payment (never a browser redirect).',
    tags: ['payments'], security: anyone, params: OrderPath,
    responses: { '200': { description: 'The payments after the check', schema: PaymentView } },
    errors: [applicationNotFound, orderNotFound, channelNotConfigured, providerFailed, sandboxNoProvider],
    handler: async (ctx, { params }) => ok(await s.check(ctx, params.id, params.order)),
  });

  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/applications/:id/payments/cash', operationId: 'recordCashPayment',
    summary: 'Catat pembayaran tunai dengan kuitansi / Record a cash payment with its receipt',
    tags: ['payments'], security: officer, params: AppPath, body: CashBody, bodyExample: { receiptNo: 'STS-2026-000123', amount: 150000 },
    responses: { '200': { description: 'Paid', schema: PaymentView } },
    errors: [applicationNotFound, assessmentMissing, alreadyPaid, channelNotForFee, cashInvalid, channelNotConfigured],
    handler: async (ctx, { params, body }) => ok(await s.cash(ctx, params.id, body)),
  });

  // The regional bank's SNAP notifications: one shape, signed alike, told apart by channel and path.
  const flatHeaders = (req: Request) => Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]));
  const snapHeaders = [{ name: 'X-TIMESTAMP', description: 'ISO 8601 +07:00', required: true }, { name: 'X-SIGNATURE', description: 'base64 HMAC-SHA512', required: true }, { name: 'X-PARTNER-ID', description: 'Our partner id at the bank', required: true }, { name: 'X-EXTERNAL-ID', description: 'Unique per day', required: true }];
  const snapNotification = (channel: 'snap_va' | 'snap_qris', snapPath: string, operationId: string, summary: string, description: string) =>
    api.add({
      method: 'post', path: `/api/v1/tenants/:tenant/payment-callbacks/snap${snapPath}`, operationId, summary, description,
      tags: ['payments'], security: { kind: 'public' }, params: TenantPath(),
      rawBody: { description: 'SNAP JSON as received', media: ['application/json'] },
      headers: snapHeaders,
      responses: { '200': { description: 'Recorded (or a duplicate, counted once)', schema: SnapAck } },
      errors: [notificationUnverified, channelNotConfigured, providerFailed, sandboxNoProvider, bodyTooLarge],
      handler: async (ctx, { req }) => ok(await s.notification(ctx, channel, { method: 'POST', path: snapPath, headers: flatHeaders(req), raw: await rawBody(req) })),
    });
  snapNotification(
    'snap_va', '/v1.0/transfer-va/payment', 'receiveSnapVaPayment',
    'Notifikasi pembayaran VA (SNAP) / SNAP virtual-account payment notification',
    'The regional bank’s payment flag (SNAP service 25): X-SIGNATURE (HMAC-SHA512 over `POST:path:sha256(minified body):X-TIMESTAMP`) verified, then the payment re-checked with the bank; idempotent on paymentRequestId. A forgery is refused (403) and recorded.',
  );
  snapNotification(
    'snap_qris', '/v1.0/qr/qr-mpm-notify', 'receiveSnapQrisPayment',
    'Notifikasi pembayaran QRIS (SNAP) / SNAP dynamic QRIS payment notification',
    'The regional bank’s QRIS MPM notify (service 52): signed like the VA notification, re-checked with `qr-mpm-query`; idempotent on originalReferenceNo. A forgery is refused (403) and recorded.',
  );

  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/payment-callbacks/gateway', operationId: 'receiveGatewayPayment',
    summary: 'Notifikasi gerbang pembayaran / Payment gateway notification',
    description: 'The regency’s contracted gateway (Midtrans Core API shape): `signature_key` = SHA512(order_id + status_code + gross_amount + ServerKey) verified, then the transaction re-checked with the gateway’s status API before it counts; idempotent on transaction_id. A forgery, or a notification the status does not confirm, is refused (403) and recorded.',
    tags: ['payments'], security: { kind: 'public' }, params: TenantPath(),
    rawBody: { description: 'The gateway’s JSON as received', media: ['application/json'] },
    responses: { '200': { description: 'Recorded (or a duplicate, counted once; or genuine with no money moving)', schema: SnapAck } },
    errors: [notificationUnverified, channelNotConfigured, providerFailed, sandboxNoProvider, bodyTooLarge],
    handler: async (ctx, { req }) => ok(await s.notification(ctx, 'gateway', { method: 'POST', path: '/payment-callbacks/gateway', headers: {}, raw: await rawBody(req) })),
  });

  const h2hHeaders = [{ name: 'X-Timestamp', description: 'ISO 8601; within 5 minutes', required: true }, { name: 'X-Signature', description: 'hex HMAC-SHA256(bank secret, `${X-Timestamp}.${raw body}`) — the default; the scheme is the bank’s and configurable', required: true }];
  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/payment-h2h/inquiry', operationId: 'h2hInquiry',
    summary: 'Inquiry kode bayar oleh bank (host-to-host) / The bank’s inquiry on a kode bayar',
    description: 'The regional bank asks what a kode bayar (SKRD) is before taking the money: 00 with amount, name and expiry; 01 unknown; 02 paid; 03 expired or withdrawn. A bad signature is refused (403) and recorded.',
    tags: ['payments'], security: { kind: 'public' }, params: TenantPath(), headers: h2hHeaders,
    rawBody: { description: '{"kodeBayar": "…"}', media: ['application/json'] },
    responses: { '200': { description: 'The bill', schema: H2hInquiry } },
    errors: [notificationUnverified, channelNotConfigured, sandboxNoProvider, bodyTooLarge],
    handler: async (ctx, { req }) => ok(await s.h2hInquiry(ctx, { headers: flatHeaders(req), raw: await rawBody(req) })),
  });
  for (const kind of ['payment', 'reversal'] as const)
    api.add({
      method: 'post', path: `/api/v1/tenants/:tenant/payment-h2h/${kind}`, operationId: kind === 'payment' ? 'h2hPayment' : 'h2hReversal',
      summary: kind === 'payment' ? 'Pembayaran kode bayar oleh bank (host-to-host) / The bank posts a payment' : 'Pembatalan pembayaran oleh bank (host-to-host) / The bank reverses a payment',
      description: kind === 'payment'
        ? 'The bank posts `{kodeBayar, noResi, amount, paidAt}` once it took the money into the RKUD: idempotent on noResi (a retry is answered `duplicate: true`); the amount must be the bill’s. A bad signature is refused (403) and recorded.'
        : 'The bank reverses a payment it posted the same day `{kodeBayar, noResi, amount}`: the order becomes `reversed`.',
      tags: ['payments'], security: { kind: 'public' }, params: TenantPath(), headers: h2hHeaders,
      rawBody: { description: '{"kodeBayar": "…", "noResi": "…", "amount": 150000, "paidAt": "…"}', media: ['application/json'] },
      responses: { '200': { description: 'Recorded (or a duplicate, counted once)', schema: SnapAck } },
      errors: [notificationUnverified, channelNotConfigured, sandboxNoProvider, bodyTooLarge],
      handler: async (ctx, { req }) => ok(await s.notification(ctx, 'pemda_h2h', { method: 'POST', path: `/payment-h2h/${kind}`, headers: flatHeaders(req), raw: await rawBody(req) })),
    });

  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/payments/reconciliations', operationId: 'reconcilePayments',
    summary: 'Rekonsiliasi harian / Daily reconciliation',
    description: 'Matches one local day of one channel against the provider’s settlement report (also run nightly by `payments.reconcile`).',
    tags: ['payments'], security: admin, params: TenantPath(), body: ReconcileBody, bodyExample: { channel: 'snap_va', date: '2026-12-07' },
    responses: { '200': { description: 'Counts', schema: Reconciliation } },
    errors: [channelNotConfigured, providerFailed, sandboxNoProvider],
    handler: async (ctx, { body }) => ok(await s.reconcile(ctx, body.channel, body.date)),
  });

  api.add({
    method: 'get', path: '/api/v1/tenants/:tenant/payments/exceptions', operationId: 'listPaymentExceptions',
    summary: 'Antrean pengecualian rekonsiliasi / Reconciliation exception queue',
    tags: ['payments'], security: admin, params: TenantPath(), query: ExceptionsQuery,
    responses: { '200': { description: 'Exceptions', schema: ExceptionList } },
    handler: async (ctx, { query }) => ok(await s.exceptions(ctx, query.status)),
  });

  api.add({
    method: 'post', path: '/api/v1/tenants/:tenant/payments/exceptions/:id/resolve', operationId: 'resolvePaymentException',
    summary: 'Selesaikan pengecualian / Resolve an exception',
    tags: ['payments'], security: admin, params: ExceptionPath, body: ResolveBody, bodyExample: { note: 'Setoran tercatat di rekening koran 7 Des' },
    responses: { '200': { description: 'Resolved', schema: PaymentException } },
    errors: [exceptionNotFound],
    handler: async (ctx, { params, body }) => ok(await s.resolve(ctx, params.id, body.note)),
  });
}
