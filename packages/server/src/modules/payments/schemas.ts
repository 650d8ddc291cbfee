import { Type } from 'typebox';
import { LocalDate, Strict, TenantPath, Uuid } from '../../http/schemas.js';

const DateTime = Type.String({ format: 'date-time' });
const Text2 = Type.Object({ id: Type.String(), en: Type.String() });
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const ChannelEnum = Type.Enum(['simponi', 'snap_va', 'snap_qris', 'gateway', 'pemda_h2h', 'counter_cash'], { description: 'SIMPONI billing (PNBP), the regional bank’s SNAP virtual account or dynamic QRIS (retribusi), the regency’s contracted gateway (retribusi), the platform as the regency’s biller called host-to-host by the bank (retribusi), cash at the treasurer’s counter' });
const RevenueEnum = Type.Enum(['pnbp', 'retribusi', 'pajak-daerah', 'none']);

export const ChannelPath = TenantPath({ channel: ChannelEnum });
export const AppPath = TenantPath({ id: Uuid });
export const OrderPath = TenantPath({ id: Uuid, order: Uuid });
export const ExceptionPath = TenantPath({ id: Uuid });

export const ChannelBody = Strict({
  enabled: Type.Boolean(),
  config: Type.Record(Type.String(), Type.Unknown(), { description: 'Public settings: baseUrl, userId and satker per agency (SIMPONI); baseUrl, partnerId, partnerServiceId, channelId, settlementPath (SNAP)' }),
  secrets: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 8000 }), { description: 'Write-only, sealed at rest: password (SIMPONI); clientSecret, privateKeyPem (SNAP). Left out: kept.' })),
});
export const ChannelView = Type.Object({
  channel: ChannelEnum, configured: Type.Boolean(), enabled: Type.Boolean(), config: Type.Record(Type.String(), Type.Unknown()), secretsSet: Type.Array(Type.String()),
  lastSuccessAt: Nullable(DateTime), lastError: Nullable(Type.String()), lastErrorAt: Nullable(DateTime),
});
export const Connection = Type.Object({
  channels: Type.Array(Type.Object({
    channel: ChannelEnum, configured: Type.Boolean(), enabled: Type.Boolean(), secretsSet: Type.Array(Type.String()), lastSuccessAt: Nullable(DateTime), lastError: Nullable(Type.String()), lastErrorAt: Nullable(DateTime),
    pending: Type.Integer({ description: 'Orders issued, not yet paid' }), openExceptions: Type.Integer({ description: 'Reconciliation exceptions waiting for the finance officer' }),
  })),
  sandbox: Type.Boolean({ description: 'A sandbox never calls a real provider' }),
});

export const AssessmentBody = Strict({
  lines: Type.Optional(Type.Array(Strict({ code: Type.String({ minLength: 1, maxLength: 64 }), name: Type.Optional(Text2), amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }), legalBasis: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })) }), { minItems: 1, maxItems: 50, description: 'Only for a fee the rule cannot compute (a formula such as PBG’s retribusi); refused for a locked fee' })),
  revenueType: Type.Optional(RevenueEnum),
  reason: Type.Optional(Type.String({ minLength: 5, maxLength: 1000, description: 'Required to supersede the current assessment' })),
});
export const OrderBody = Strict({ channel: ChannelEnum });
export const CashBody = Strict({ receiptNo: Type.String({ minLength: 3, maxLength: 64, description: 'The treasurer’s receipt (kuitansi / STS) number' }), amount: Type.Integer({ minimum: 1 }) });
export const ReconcileBody = Strict({ channel: ChannelEnum, date: LocalDate });
export const ResolveBody = Strict({ note: Type.String({ minLength: 3, maxLength: 1000 }) });
export const ExceptionsQuery = Strict({ status: Type.Optional(Type.Enum(['open', 'resolved'])) });

const Assessment = Type.Object({
  id: Uuid, revenueType: RevenueEnum, legalBasis: Type.Array(Type.String()), lines: Type.Array(Type.Object({ code: Type.String(), name: Text2, amount: Type.Integer(), legalBasis: Type.String() })),
  total: Type.Integer(), free: Type.Boolean(), assessedBy: Type.String(), assessedAt: DateTime, supersedes: Nullable(Uuid), reason: Nullable(Type.String()),
});
const Order = Type.Object({
  id: Uuid, channel: ChannelEnum, reference: Type.String({ description: 'Kode billing (15 digits) / VA number / cash bill' }), amount: Type.Integer(), expiresAt: Nullable(DateTime),
  status: Type.Enum(['issued', 'paid', 'expired', 'cancelled', 'reversed']), reissueOf: Nullable(Uuid), createdAt: DateTime, paidAt: Nullable(DateTime),
  proof: Nullable(Type.Record(Type.String(), Type.String(), { description: 'NTPN + NTB (PNBP), bankRef (retribusi), receiptNo (cash)' })), reconciled: Type.Boolean(), how: Text2,
  qrContent: Nullable(Type.String({ description: 'Dynamic QRIS payload (EMVCo) to render as a QR code, while the order is open' })),
});
export const PaymentView = Type.Object({
  assessment: Nullable(Assessment), history: Type.Array(Assessment), order: Nullable(Order), orders: Type.Array(Order), paid: Type.Boolean(),
  due: Nullable(Type.Object({ amount: Type.Integer(), until: Nullable(DateTime), reference: Nullable(Type.String()) })),
});
export const SnapAck = Type.Object({ responseCode: Type.String(), responseMessage: Type.String(), duplicate: Type.Boolean() });
export const Reconciliation = Type.Object({ channel: ChannelEnum, date: LocalDate, reported: Type.Integer(), matched: Type.Integer(), unmatchedPlatform: Type.Integer(), unmatchedBank: Type.Integer() });
export const PaymentException = Type.Object({
  id: Uuid, channel: Type.String(), date: LocalDate, kind: Type.Enum(['unmatched_platform', 'unmatched_bank', 'amount_mismatch']), ref: Type.String(), orderId: Nullable(Uuid), amount: Nullable(Type.Integer()),
  detail: Type.Record(Type.String(), Type.Unknown()), status: Type.Enum(['open', 'resolved']), resolvedBy: Nullable(Type.String()), resolvedAt: Nullable(DateTime), note: Nullable(Type.String()),
});
export const ExceptionList = Type.Object({ items: Type.Array(PaymentException) });
export const H2hInquiry = Type.Object({ status: Type.Enum(['00', '01', '02', '03'], { description: '00 unpaid (bill follows), 01 unknown, 02 already paid, 03 expired or withdrawn' }), message: Type.String(), kodeBayar: Type.String(), amount: Nullable(Type.Integer()), name: Nullable(Type.String()), expiresAt: Nullable(DateTime) });
