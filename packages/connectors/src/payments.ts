import { createHash, createHmac, createSign, timingSafeEqual } from 'node:crypto';

/**
 * Issue 24, payments (docs/payments.md, ADR 0040): the platform assesses, records, routes and
 * reconciles; it never holds money. Every payment channel is one adapter behind ONE interface:
 * `createOrder` (a billing code / VA number the payer pays into the state's or the regency's
 * account), `verifyNotification` (a provider's push, verified with that provider's signature),
 * `status` (a re-check by reference) and `settlementReport` (the provider's list for one day).
 *
 * Anything not in public documentation (SIMPONI's JSON member names, the bank's settlement file)
 * is configuration: the field names here are the adapter's defaults and say so in docs/payments.md.
 */

export type PaymentChannelCode = 'simponi' | 'snap_va' | 'snap_qris' | 'gateway' | 'pemda_h2h' | 'counter_cash';

export interface OrderRequest {
  /** Our order id: the provider's idempotency key (SIMPONI's request reference, SNAP's partnerReferenceNo / X-EXTERNAL-ID). */
  orderId: string;
  /** Rupiah. */
  amount: number;
  payerName: string;
  description: string;
  /** Agency code (SIMPONI bills are issued for the agency's satker). */
  agency: string;
  /** When the billing should lapse (the provider may choose its own). */
  expiresAt: Date;
}

export interface OrderResult {
  /** Kode billing (15 digits) / VA number / our QRIS partner reference. */
  externalRef: string;
  expiresAt: Date;
  /** Dynamic QRIS: the EMVCo payload the payer scans (amount embedded). */
  qrContent?: string;
}

export interface PaymentProof {
  /** PNBP: Nomor Transaksi Penerimaan Negara. */
  ntpn?: string;
  /** PNBP: Nomor Transaksi Bank / Pos. */
  ntb?: string;
  /** Retribusi / bank channels: the bank's reference. */
  bankRef?: string;
}

export interface ProviderPayment {
  /** The provider's own transaction id: payment events are idempotent on it. */
  providerTxnId: string;
  externalRef: string;
  amount: number;
  paidAt: Date;
  proof: PaymentProof;
  kind: 'payment' | 'reversal';
  /** Our order id as the provider knows it (a gateway's `order_id`), for the status re-check. */
  orderRef?: string;
}

export type ProviderStatus = { state: 'unpaid' } | { state: 'expired' } | ({ state: 'paid' } & ProviderPayment);

/** A notification whose signature does not verify (or that the channel does not accept). */
export class PaymentSignatureError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The provider answered with a refusal or could not be reached. */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PaymentAdapter {
  readonly channel: PaymentChannelCode;
  /** Whether a notification is re-checked with `status` before it counts (SNAP, gateway); a host-to-host bank's signed payment call is itself the event. */
  readonly recheck: boolean;
  createOrder(req: OrderRequest): Promise<OrderResult>;
  /** Verifies a provider's push (raw body as received) and reads it: null when it is genuine but reports no money moving (pending, expire); throws PaymentSignatureError. */
  verifyNotification(input: { method: string; path: string; headers: Record<string, string | undefined>; raw: Buffer }): ProviderPayment | null;
  status(externalRef: string, orderId: string): Promise<ProviderStatus>;
  /** Every settled payment of one local day (YYYY-MM-DD) as the provider reports it. */
  settlementReport(date: string): Promise<ProviderPayment[]>;
}

async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; json: any }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new PaymentProviderError(`unreachable: ${(e as Error).message}`);
  }
  const text = await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new PaymentProviderError(`not JSON (HTTP ${res.status})`, res.status);
  }
  return { status: res.status, json };
}

// ---------------------------------------------------------------------------------------------
// SIMPONI (Kemenkeu): PNBP billing codes for the agency's satker. Host-to-host JSON web service
// (`…/index.php/api/simponi/index/format/json`); production sits on the government network. The
// request members below are this adapter's defaults (not public): kept in one place.

export interface SimponiConfig {
  /** Base URL, e.g. https://wsdev.simponi.kemenkeu.go.id */
  baseUrl: string;
  userId: string;
  password: string;
  /** Per agency code: the satker's identifiers and the revenue account (kode akun, e.g. 425411). */
  satker: Record<string, { kodeKl: string; kodeEselon1: string; kodeSatker: string; kodeAkun: string }>;
  timeoutMs?: number;
}

const SIMPONI_PATH = '/index.php/api/simponi/index/format/json';
const BILLING = /^\d{15}$/;

export class SimponiAdapter implements PaymentAdapter {
  readonly channel = 'simponi' as const;
  readonly recheck = true;
  constructor(private readonly c: SimponiConfig) {}

  private async call(method: string, data: Record<string, unknown>): Promise<any> {
    const { status, json } = await postJson(`${this.c.baseUrl}${SIMPONI_PATH}`, { method, user_id: this.c.userId, password: this.c.password, data }, {}, this.c.timeoutMs ?? 10_000);
    if (status >= 500) throw new PaymentProviderError(`SIMPONI HTTP ${status}`, status);
    if (!json || json.response_code !== '00') throw new PaymentProviderError(`SIMPONI ${json?.response_code ?? status}: ${json?.message ?? 'refused'}`, status);
    return json.data;
  }

  async createOrder(req: OrderRequest): Promise<OrderResult> {
    const satker = this.c.satker[req.agency];
    if (!satker) throw new PaymentProviderError(`no satker configured for agency ${req.agency}`);
    const d = await this.call('createBilling', {
      ref: req.orderId, nama_wajib_bayar: req.payerName, kode_kl: satker.kodeKl, kode_eselon_1: satker.kodeEselon1, kode_satker: satker.kodeSatker,
      detail: [{ kode_akun: satker.kodeAkun, nominal: req.amount, keterangan: req.description }], total_nominal: req.amount, tgl_expire: req.expiresAt.toISOString(),
    });
    if (!BILLING.test(String(d?.kode_billing))) throw new PaymentProviderError('SIMPONI answered without a 15-digit kode billing');
    return { externalRef: String(d.kode_billing), expiresAt: new Date(d.tgl_expire) };
  }

  /** SIMPONI does not push: payment is learnt by inquiry (`status`) and the daily report. */
  verifyNotification(): ProviderPayment {
    throw new PaymentSignatureError('SIMPONI sends no notifications to K/L systems');
  }

  private payment(d: any): ProviderPayment {
    return { providerTxnId: String(d.ntpn), externalRef: String(d.kode_billing), amount: Number(d.total_nominal), paidAt: new Date(d.tgl_bayar), proof: { ntpn: String(d.ntpn), ntb: String(d.ntb) }, kind: 'payment' };
  }

  async status(externalRef: string): Promise<ProviderStatus> {
    const d = await this.call('inquiryBilling', { kode_billing: externalRef });
    if (d.status === 'paid' && d.ntpn && d.ntb) return { state: 'paid', ...this.payment(d) };
    return { state: d.status === 'expired' ? 'expired' : 'unpaid' };
  }

  async settlementReport(date: string): Promise<ProviderPayment[]> {
    const d = await this.call('settlementReport', { tanggal: date });
    return (Array.isArray(d) ? d : []).map((x) => this.payment(x));
  }
}

// ---------------------------------------------------------------------------------------------
// Bank Indonesia SNAP (KEP.GBI No. 23/10/KEP.GBI/2021): virtual accounts through the regency's bank.

export interface SnapConfig {
  baseUrl: string;
  /** QRIS: the regency's merchant and terminal at the bank. */
  merchantId?: string;
  terminalId?: string;
  /** X-PARTNER-ID (and X-CLIENT-KEY for the token). */
  partnerId: string;
  clientSecret: string;
  /** PEM PKCS#8: signs the B2B access-token request (SHA256withRSA over clientKey|timestamp). */
  privateKeyPem: string;
  /** VA company prefix (partnerServiceId), e.g. "   12345". */
  partnerServiceId: string;
  channelId: string;
  /** The bank's settlement report path (not part of SNAP: bank-specific configuration). */
  settlementPath?: string;
  timeoutMs?: number;
}

/** SNAP's minified body digest: lower(hex(sha256(minify(body)))). */
export function snapBodyDigest(raw: Buffer | string): string {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  let minified = text;
  try {
    minified = JSON.stringify(JSON.parse(text));
  } catch {
    /* not JSON: digest as sent */
  }
  return createHash('sha256').update(minified).digest('hex').toLowerCase();
}

/** HMAC-SHA512 string-to-sign for SNAP transactions: `METHOD:path[:token]:digest:timestamp`, base64. */
export function snapSignature(secret: string, method: string, path: string, raw: Buffer | string, timestamp: string, accessToken?: string): string {
  const parts = [method.toUpperCase(), path, ...(accessToken ? [accessToken] : []), snapBodyDigest(raw), timestamp];
  return createHmac('sha512', secret).update(parts.join(':')).digest('base64');
}

/** SNAP timestamps: ISO 8601 with the +07:00 offset (WIB). */
export function snapTimestamp(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000);
  return `${wib.toISOString().slice(0, 19)}+07:00`;
}

const rupiahValue = (n: number) => `${n.toFixed(2)}`;

export class SnapVaAdapter implements PaymentAdapter {
  readonly channel: PaymentChannelCode = 'snap_va';
  readonly recheck = true;
  private token?: { value: string; until: number };
  constructor(
    protected readonly c: SnapConfig,
    protected readonly now: () => Date,
  ) {}

  protected async accessToken(): Promise<string> {
    const at = this.now();
    if (this.token && this.token.until > at.getTime()) return this.token.value;
    const ts = snapTimestamp(at);
    const sign = createSign('RSA-SHA256');
    sign.update(`${this.c.partnerId}|${ts}`);
    const sig = sign.sign(this.c.privateKeyPem, 'base64');
    const { status, json } = await postJson(`${this.c.baseUrl}/v1.0/access-token/b2b`, { grantType: 'client_credentials' }, { 'X-TIMESTAMP': ts, 'X-CLIENT-KEY': this.c.partnerId, 'X-SIGNATURE': sig }, this.c.timeoutMs ?? 10_000);
    if (status !== 200 || !json?.accessToken) throw new PaymentProviderError(`SNAP token ${json?.responseCode ?? status}: ${json?.responseMessage ?? 'refused'}`, status);
    this.token = { value: json.accessToken, until: at.getTime() + (Number(json.expiresIn ?? 900) - 60) * 1000 };
    return json.accessToken;
  }

  protected async call(path: string, body: unknown, externalId: string): Promise<any> {
    const token = await this.accessToken();
    const ts = snapTimestamp(this.now());
    const raw = JSON.stringify(body);
    const headers = {
      Authorization: `Bearer ${token}`, 'X-TIMESTAMP': ts, 'X-PARTNER-ID': this.c.partnerId, 'X-EXTERNAL-ID': externalId, 'CHANNEL-ID': this.c.channelId,
      'X-SIGNATURE': snapSignature(this.c.clientSecret, 'POST', path, raw, ts, token),
    };
    const { status, json } = await postJson(`${this.c.baseUrl}${path}`, body, headers, this.c.timeoutMs ?? 10_000);
    if (status >= 500) throw new PaymentProviderError(`SNAP HTTP ${status}`, status);
    if (!json || !String(json.responseCode ?? '').startsWith('200')) throw new PaymentProviderError(`SNAP ${json?.responseCode ?? status}: ${json?.responseMessage ?? 'refused'}`, status);
    return json;
  }

  async createOrder(req: OrderRequest): Promise<OrderResult> {
    const customerNo = req.orderId.replace(/[^0-9]/g, '').slice(-12).padStart(12, '0');
    const body = {
      partnerServiceId: this.c.partnerServiceId, customerNo, virtualAccountNo: `${this.c.partnerServiceId}${customerNo}`, virtualAccountName: req.payerName.slice(0, 255), trxId: req.orderId,
      totalAmount: { value: rupiahValue(req.amount), currency: 'IDR' }, virtualAccountTrxType: 'C', expiredDate: snapTimestamp(req.expiresAt), additionalInfo: { description: req.description },
    };
    const json = await this.call('/v1.0/transfer-va/create-va', body, req.orderId.replace(/-/g, '').slice(0, 32));
    const va = json.virtualAccountData;
    return { externalRef: String(va.virtualAccountNo), expiresAt: new Date(va.expiredDate ?? req.expiresAt) };
  }

  /** The signed body of a bank's notification (X-SIGNATURE = HMAC-SHA512 over `POST:path:digest:timestamp` with the client secret). */
  protected verified(input: { method: string; path: string; headers: Record<string, string | undefined>; raw: Buffer }): any {
    const h = (n: string) => input.headers[n.toLowerCase()];
    const ts = h('x-timestamp');
    const sig = h('x-signature');
    if (!ts || !sig) throw new PaymentSignatureError('X-TIMESTAMP and X-SIGNATURE are required');
    if (h('x-partner-id') !== this.c.partnerId) throw new PaymentSignatureError('X-PARTNER-ID does not match');
    const want = Buffer.from(snapSignature(this.c.clientSecret, input.method, input.path, input.raw, ts));
    const got = Buffer.from(sig);
    if (want.length !== got.length || !timingSafeEqual(want, got)) throw new PaymentSignatureError('X-SIGNATURE does not verify');
    try {
      return JSON.parse(input.raw.toString('utf8'));
    } catch {
      throw new PaymentSignatureError('body is not JSON');
    }
  }

  /** The bank's VA payment notification (service 25). */
  verifyNotification(input: { method: string; path: string; headers: Record<string, string | undefined>; raw: Buffer }): ProviderPayment | null {
    const b = this.verified(input);
    const txn = b.paymentRequestId ?? input.headers['x-external-id'];
    if (!txn || !b.virtualAccountNo || !b.paidAmount?.value) throw new PaymentSignatureError('paymentRequestId, virtualAccountNo and paidAmount are required');
    return { providerTxnId: String(txn), externalRef: String(b.virtualAccountNo), amount: Math.round(Number(b.paidAmount.value)), paidAt: new Date(b.trxDateTime ?? input.headers['x-timestamp']), proof: { bankRef: String(b.referenceNo ?? txn) }, kind: b.flagReversal === 'Y' ? 'reversal' : 'payment' };
  }

  async status(externalRef: string, orderId: string): Promise<ProviderStatus> {
    const psid = this.c.partnerServiceId;
    const json = await this.call('/v1.0/transfer-va/status', { partnerServiceId: psid, customerNo: externalRef.slice(psid.length), virtualAccountNo: externalRef, inquiryRequestId: orderId }, `${orderId.replace(/-/g, '').slice(0, 24)}st`);
    const d = json.virtualAccountData ?? {};
    const flag = d.paymentFlagStatus?.paymentFlagStatus ?? d.paymentFlagStatus;
    if (flag === '00' && d.paymentRequestId)
      return { state: 'paid', providerTxnId: String(d.paymentRequestId), externalRef, amount: Math.round(Number(d.paidAmount?.value ?? 0)), paidAt: new Date(d.trxDateTime), proof: { bankRef: String(d.referenceNo ?? d.paymentRequestId) }, kind: 'payment' };
    return { state: flag === '05' ? 'expired' : 'unpaid' };
  }

  async settlementReport(date: string): Promise<ProviderPayment[]> {
    const json = await this.call(this.c.settlementPath ?? '/v1.0/settlement-report', { partnerServiceId: this.c.partnerServiceId, date }, `stl${date.replace(/-/g, '')}`);
    return (json.transactions ?? []).map((t: any) => ({ providerTxnId: String(t.paymentRequestId), externalRef: String(t.virtualAccountNo), amount: Math.round(Number(t.paidAmount.value)), paidAt: new Date(t.trxDateTime), proof: { bankRef: String(t.referenceNo) }, kind: t.flagReversal === 'Y' ? 'reversal' : 'payment' }));
  }
}

// ---------------------------------------------------------------------------------------------
// A contracted payment gateway (Midtrans Core API shape): the regency (not the platform) is the
// merchant and the gateway settles to the RKUD. Notifications carry `signature_key` =
// SHA512(order_id + status_code + gross_amount + ServerKey); each is re-checked with the status API.

export interface GatewayConfig {
  baseUrl: string;
  serverKey: string;
  /** The bank of the virtual account the gateway opens (bank_transfer.bank). */
  bank: string;
  /** The gateway's settlement report (not part of the public Core API: the contract's, configuration). */
  settlementPath?: string;
  timeoutMs?: number;
}

const PAID_STATUS = new Set(['settlement', 'capture']);

export class GatewayAdapter implements PaymentAdapter {
  readonly channel = 'gateway' as const;
  readonly recheck = true;
  constructor(
    private readonly c: GatewayConfig,
    private readonly now: () => Date,
  ) {}

  private get auth() {
    return `Basic ${Buffer.from(`${this.c.serverKey}:`).toString('base64')}`;
  }

  private async get(path: string): Promise<any> {
    let res: Response;
    try {
      res = await fetch(`${this.c.baseUrl}${path}`, { headers: { authorization: this.auth, accept: 'application/json' }, signal: AbortSignal.timeout(this.c.timeoutMs ?? 10_000) });
    } catch (e) {
      throw new PaymentProviderError(`unreachable: ${(e as Error).message}`);
    }
    if (res.status >= 500) throw new PaymentProviderError(`gateway HTTP ${res.status}`, res.status);
    return res.json().catch(() => {
      throw new PaymentProviderError(`gateway: not JSON (HTTP ${res.status})`, res.status);
    });
  }

  private payment(b: any): ProviderPayment {
    const kind = b.transaction_status === 'refund' || b.transaction_status === 'partial_refund' ? 'reversal' : 'payment';
    return {
      providerTxnId: String(b.transaction_id), externalRef: String(b.va_numbers?.[0]?.va_number ?? b.order_id), amount: Math.round(Number(b.gross_amount)), paidAt: new Date(b.settlement_time ?? b.transaction_time),
      proof: { bankRef: String(b.transaction_id) }, kind, orderRef: String(b.order_id),
    };
  }

  async createOrder(req: OrderRequest): Promise<OrderResult> {
    const minutes = Math.max(1, Math.round((req.expiresAt.getTime() - this.now().getTime()) / 60_000));
    const { status, json } = await postJson(`${this.c.baseUrl}/v2/charge`, {
      payment_type: 'bank_transfer', transaction_details: { order_id: req.orderId, gross_amount: req.amount }, bank_transfer: { bank: this.c.bank },
      customer_details: { first_name: req.payerName.slice(0, 255) }, item_details: [{ id: 'retribusi', price: req.amount, quantity: 1, name: req.description.slice(0, 50) }], custom_expiry: { expiry_duration: minutes, unit: 'minute' },
    }, { authorization: this.auth, accept: 'application/json' }, this.c.timeoutMs ?? 10_000);
    if (status >= 500) throw new PaymentProviderError(`gateway HTTP ${status}`, status);
    if (!json || json.status_code !== '201' || !json.va_numbers?.[0]?.va_number) throw new PaymentProviderError(`gateway ${json?.status_code ?? status}: ${json?.status_message ?? 'refused'}`, status);
    return { externalRef: String(json.va_numbers[0].va_number), expiresAt: new Date(json.expiry_time ?? req.expiresAt) };
  }

  verifyNotification(input: { raw: Buffer }): ProviderPayment | null {
    let b: any;
    try {
      b = JSON.parse(input.raw.toString('utf8'));
    } catch {
      throw new PaymentSignatureError('body is not JSON');
    }
    if (typeof b?.signature_key !== 'string' || !b.order_id || !b.status_code || !b.gross_amount) throw new PaymentSignatureError('order_id, status_code, gross_amount and signature_key are required');
    const want = Buffer.from(createHash('sha512').update(`${b.order_id}${b.status_code}${b.gross_amount}${this.c.serverKey}`).digest('hex'));
    const got = Buffer.from(b.signature_key.toLowerCase());
    if (want.length !== got.length || !timingSafeEqual(want, got)) throw new PaymentSignatureError('signature_key does not verify');
    const moving = PAID_STATUS.has(b.transaction_status) && (b.fraud_status === undefined || b.fraud_status === 'accept');
    if (!moving && b.transaction_status !== 'refund' && b.transaction_status !== 'partial_refund') return null;
    return this.payment(b);
  }

  async status(_externalRef: string, orderId: string): Promise<ProviderStatus> {
    const b = await this.get(`/v2/${encodeURIComponent(orderId)}/status`);
    if (b.status_code === '404') return { state: 'unpaid' };
    if (PAID_STATUS.has(b.transaction_status) && (b.fraud_status === undefined || b.fraud_status === 'accept')) return { state: 'paid', ...this.payment(b) };
    return { state: b.transaction_status === 'expire' ? 'expired' : 'unpaid' };
  }

  async settlementReport(date: string): Promise<ProviderPayment[]> {
    const b = await this.get(`${this.c.settlementPath ?? '/v1/settlements'}?date=${encodeURIComponent(date)}`);
    return (b.transactions ?? []).map((t: any) => this.payment(t));
  }
}

// ---------------------------------------------------------------------------------------------
// The regency's biller, host-to-host: the platform issues the kode bayar (SKRD) and the regional
// bank calls us — inquiry, payment, reversal — as banks call a Pemda's billing system (Gunungkidul
// getesptpd/postesptpd, BSI Smart Billing inquiry/payment/reversal). The signature scheme is the
// bank's (not public): this adapter's default is `X-Signature` = hex HMAC-SHA256(secret,
// `${X-Timestamp}.${raw body}`), configuration per regency and bank.

export interface H2hConfig {
  /** Kode bayar prefix: the regency's code digits and the revenue type (e.g. "321701"). */
  prefix: string;
  bankSecret: string;
  /** The bank's daily recap (configuration; not a public API). */
  settlementUrl?: string;
  timeoutMs?: number;
  /** Signed calls older or newer than this are refused (replay window). */
  skewMs?: number;
}

export interface H2hCall {
  kodeBayar: string;
  /** The bank's reference (NORESI). */
  noResi?: string;
  amount?: number;
  paidAt?: string;
}

export class H2hBillerAdapter implements PaymentAdapter {
  readonly channel = 'pemda_h2h' as const;
  readonly recheck = false;
  constructor(
    private readonly c: H2hConfig,
    private readonly now: () => Date,
  ) {}

  async createOrder(req: OrderRequest): Promise<OrderResult> {
    const n = BigInt(`0x${createHash('sha256').update(req.orderId).digest('hex').slice(0, 15)}`) % 10_000_000_000n;
    return { externalRef: `${this.c.prefix}${n.toString().padStart(10, '0')}`, expiresAt: req.expiresAt };
  }

  /** Verifies the bank's signed call and reads it (inquiry, payment or reversal). */
  verifyCall(input: { headers: Record<string, string | undefined>; raw: Buffer }): H2hCall {
    const ts = input.headers['x-timestamp'];
    const sig = input.headers['x-signature'];
    if (!ts || !sig) throw new PaymentSignatureError('X-Timestamp and X-Signature are required');
    const at = Date.parse(ts);
    if (!Number.isFinite(at) || Math.abs(at - this.now().getTime()) > (this.c.skewMs ?? 300_000)) throw new PaymentSignatureError('X-Timestamp outside the allowed window');
    const want = Buffer.from(createHmac('sha256', this.c.bankSecret).update(`${ts}.`).update(input.raw).digest('hex'));
    const got = Buffer.from(sig.toLowerCase());
    if (want.length !== got.length || !timingSafeEqual(want, got)) throw new PaymentSignatureError('X-Signature does not verify');
    let b: any;
    try {
      b = JSON.parse(input.raw.toString('utf8'));
    } catch {
      throw new PaymentSignatureError('body is not JSON');
    }
    if (typeof b?.kodeBayar !== 'string') throw new PaymentSignatureError('kodeBayar is required');
    return { kodeBayar: b.kodeBayar, ...(b.noResi ? { noResi: String(b.noResi) } : {}), ...(b.amount !== undefined ? { amount: Number(b.amount) } : {}), ...(b.paidAt ? { paidAt: String(b.paidAt) } : {}) };
  }

  verifyNotification(input: { method: string; path: string; headers: Record<string, string | undefined>; raw: Buffer }): ProviderPayment {
    const call = this.verifyCall(input);
    if (!call.noResi || !call.amount) throw new PaymentSignatureError('noResi and amount are required');
    return { providerTxnId: call.noResi, externalRef: call.kodeBayar, amount: Math.round(call.amount), paidAt: new Date(call.paidAt ?? this.now()), proof: { bankRef: call.noResi }, kind: input.path.endsWith('/reversal') ? 'reversal' : 'payment' };
  }

  /** The biller's own books are the truth: the bank never answers a status. */
  async status(): Promise<ProviderStatus> {
    return { state: 'unpaid' };
  }

  async settlementReport(date: string): Promise<ProviderPayment[]> {
    if (!this.c.settlementUrl) throw new PaymentProviderError('no settlement recap configured for this bank');
    const ts = this.now().toISOString();
    const path = `?date=${encodeURIComponent(date)}`;
    let res: Response;
    try {
      res = await fetch(`${this.c.settlementUrl}${path}`, { headers: { 'x-timestamp': ts, 'x-signature': createHmac('sha256', this.c.bankSecret).update(`${ts}.${date}`).digest('hex') }, signal: AbortSignal.timeout(this.c.timeoutMs ?? 10_000) });
    } catch (e) {
      throw new PaymentProviderError(`unreachable: ${(e as Error).message}`);
    }
    if (res.status !== 200) throw new PaymentProviderError(`recap HTTP ${res.status}`, res.status);
    const b: any = await res.json();
    return (b.transactions ?? []).map((t: any) => ({ providerTxnId: String(t.noResi), externalRef: String(t.kodeBayar), amount: Number(t.amount), paidAt: new Date(t.paidAt), proof: { bankRef: String(t.noResi) }, kind: t.reversed ? 'reversal' : 'payment' }));
  }
}

/**
 * Dynamic QRIS through the regency's bank (SNAP MPM, services 47–52): one QR per bill with the
 * amount embedded; the bank's notify (`/v1.0/qr/qr-mpm-notify`) is signed like the VA's and
 * re-checked with `qr-mpm-query`. The MDR is the merchant's (the regency's), never the payer's.
 */
export class SnapQrisAdapter extends SnapVaAdapter {
  override readonly channel: PaymentChannelCode = 'snap_qris';

  override async createOrder(req: OrderRequest): Promise<OrderResult> {
    const json = await this.call('/v1.0/qr/qr-mpm-generate', {
      partnerReferenceNo: req.orderId, amount: { value: req.amount.toFixed(2), currency: 'IDR' }, merchantId: this.c.merchantId, terminalId: this.c.terminalId, validityPeriod: snapTimestamp(req.expiresAt),
      additionalInfo: { description: req.description },
    }, req.orderId.replace(/-/g, '').slice(0, 32));
    if (!json.qrContent) throw new PaymentProviderError('SNAP QRIS answered without qrContent');
    return { externalRef: String(json.partnerReferenceNo ?? req.orderId), expiresAt: req.expiresAt, qrContent: String(json.qrContent) };
  }

  private qrPayment(b: any, externalRef?: string): ProviderPayment {
    return { providerTxnId: String(b.originalReferenceNo), externalRef: String(externalRef ?? b.originalPartnerReferenceNo), amount: Math.round(Number(b.amount?.value ?? 0)), paidAt: new Date(b.paidTime ?? this.now()), proof: { bankRef: String(b.originalReferenceNo) }, kind: 'payment' };
  }

  override verifyNotification(input: { method: string; path: string; headers: Record<string, string | undefined>; raw: Buffer }): ProviderPayment | null {
    const b = this.verified(input);
    if (!b.originalReferenceNo || !b.originalPartnerReferenceNo || !b.amount?.value) throw new PaymentSignatureError('originalReferenceNo, originalPartnerReferenceNo and amount are required');
    return b.latestTransactionStatus === '00' ? this.qrPayment(b) : null;
  }

  override async status(externalRef: string): Promise<ProviderStatus> {
    const json = await this.call('/v1.0/qr/qr-mpm-query', { originalPartnerReferenceNo: externalRef, serviceCode: '47', merchantId: this.c.merchantId }, `${externalRef.replace(/-/g, '').slice(0, 24)}qq`);
    if (json.latestTransactionStatus === '00') return { state: 'paid', ...this.qrPayment(json, externalRef) };
    return { state: json.latestTransactionStatus === '07' ? 'expired' : 'unpaid' };
  }

  override async settlementReport(date: string): Promise<ProviderPayment[]> {
    const json = await this.call(this.c.settlementPath ?? '/v1.0/settlement-report', { merchantId: this.c.merchantId, date, kind: 'qris' }, `stq${date.replace(/-/g, '')}`);
    return (json.transactions ?? []).map((t: any) => this.qrPayment(t));
  }
}
