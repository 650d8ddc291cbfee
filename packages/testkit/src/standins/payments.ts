import { createHash, createHmac, createVerify, randomInt, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Issue 24, payments: stand-ins for SIMPONI (Kemenkeu's PNBP billing web service) and a regional
 * bank speaking Bank Indonesia SNAP for virtual accounts, over real HTTP servers on 127.0.0.1.
 * They speak the shapes `@satupintu/connectors` payments.ts sends, with failure modes: wrong
 * credentials, down (503), billings that expire, signed (or forged) payment notifications,
 * duplicates, and a settlement report that can hold payments never notified.
 */

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, json: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(json));
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const day = (d: Date, tz = 7) => new Date(d.getTime() + tz * 3_600_000).toISOString().slice(0, 10);

export interface SimponiBilling {
  kodeBilling: string;
  ref: string;
  amount: number;
  payer: string;
  satker: string;
  kodeAkun: string;
  expiresAt: Date;
  paid?: { ntpn: string; ntb: string; at: Date };
}

/** SIMPONI stand-in: `createBilling` (15-digit kode billing, expiry), `inquiryBilling`, `settlementReport`. */
export class SimponiStandIn {
  readonly billings = new Map<string, SimponiBilling>();
  down = false;
  calls: { method: string; at: Date }[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly o: { userId: string; password: string; expiryMs: number; now: () => Date },
  ) {}

  static async start(o: { userId: string; password: string; expiryMs?: number; now?: () => Date }): Promise<SimponiStandIn> {
    let self!: SimponiStandIn;
    const server = createServer((req, res) => void self.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new SimponiStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, { expiryMs: 7 * 86_400_000, now: () => new Date(), ...o });
    return self;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    if (this.down) return send(res, 503, { message: 'service unavailable' });
    if (req.method !== 'POST' || req.url !== '/index.php/api/simponi/index/format/json') return send(res, 404, { message: 'not found' });
    const b = JSON.parse(await body(req));
    this.calls.push({ method: b.method, at: this.o.now() });
    if (b.user_id !== this.o.userId || b.password !== this.o.password) return send(res, 200, { response_code: '01', message: 'user/password salah' });
    const d = b.data ?? {};
    const now = this.o.now();
    if (b.method === 'createBilling') {
      if (!(d.total_nominal > 0) || !d.kode_satker || !d.detail?.[0]?.kode_akun) return send(res, 200, { response_code: '02', message: 'data billing tidak lengkap' });
      const existing = [...this.billings.values()].find((x) => x.ref === d.ref);
      const bill = existing ?? { kodeBilling: `8${digits(14)}`, ref: d.ref, amount: d.total_nominal, payer: d.nama_wajib_bayar, satker: d.kode_satker, kodeAkun: d.detail[0].kode_akun, expiresAt: new Date(now.getTime() + this.o.expiryMs) };
      this.billings.set(bill.kodeBilling, bill);
      return send(res, 200, { response_code: '00', data: { kode_billing: bill.kodeBilling, tgl_billing: now.toISOString(), tgl_expire: bill.expiresAt.toISOString(), total_nominal: bill.amount } });
    }
    if (b.method === 'inquiryBilling') {
      const bill = this.billings.get(d.kode_billing);
      if (!bill) return send(res, 200, { response_code: '03', message: 'kode billing tidak ditemukan' });
      const status = bill.paid ? 'paid' : bill.expiresAt <= now ? 'expired' : 'unpaid';
      return send(res, 200, { response_code: '00', data: { kode_billing: bill.kodeBilling, status, total_nominal: bill.amount, ...(bill.paid ? { ntpn: bill.paid.ntpn, ntb: bill.paid.ntb, tgl_bayar: bill.paid.at.toISOString() } : {}) } });
    }
    if (b.method === 'settlementReport') {
      const list = [...this.billings.values()].filter((x) => x.paid && day(x.paid.at) === d.tanggal);
      return send(res, 200, { response_code: '00', data: list.map((x) => ({ kode_billing: x.kodeBilling, total_nominal: x.amount, ntpn: x.paid!.ntpn, ntb: x.paid!.ntb, tgl_bayar: x.paid!.at.toISOString() })) });
    }
    return send(res, 200, { response_code: '99', message: 'method tidak dikenal' });
  }

  /** The payer pays at a bank: NTPN (16) and NTB (12) are issued. Paying an expired billing is refused, as the bank does. */
  pay(kodeBilling: string, at = this.o.now()): { ntpn: string; ntb: string } {
    const bill = this.billings.get(kodeBilling);
    if (!bill) throw new Error('no such billing');
    if (bill.expiresAt <= at) throw new Error('billing expired');
    bill.paid = { ntpn: createHash('sha256').update(kodeBilling).digest('hex').slice(0, 16).toUpperCase(), ntb: digits(12), at };
    return { ntpn: bill.paid.ntpn, ntb: bill.paid.ntb };
  }

  expire(kodeBilling: string) {
    const bill = this.billings.get(kodeBilling);
    if (bill) bill.expiresAt = new Date(this.o.now().getTime() - 1000);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

export interface SnapVa {
  virtualAccountNo: string;
  trxId: string;
  amount: number;
  name: string;
  expiresAt: Date;
  paid?: { paymentRequestId: string; referenceNo: string; at: Date; amount: number };
}

/**
 * A regional bank's SNAP stand-in: B2B access token (SHA256withRSA over `clientKey|timestamp`,
 * verified with the partner's public key), create-VA and status (HMAC-SHA512 with the access
 * token), its payment flag posted to our callback (HMAC-SHA512 without a token), and a
 * bank-specific settlement report.
 */
export interface SnapQr {
  partnerReferenceNo: string;
  referenceNo: string;
  amount: number;
  expiresAt: Date;
  qrContent: string;
  paid?: { at: Date };
}

export class SnapBankStandIn {
  readonly vas = new Map<string, SnapVa>();
  readonly qrs = new Map<string, SnapQr>();
  readonly tokens = new Set<string>();
  /** Payments the bank settles but never notifies (the reconciliation's unmatched_platform). */
  readonly silent: SnapVa[] = [];
  refused: string[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly o: { partnerId: string; clientSecret: string; publicKeyPem: string; now: () => Date; callbackUrl?: string },
  ) {}

  static async start(o: { partnerId: string; clientSecret: string; publicKeyPem: string; now?: () => Date; callbackUrl?: string }): Promise<SnapBankStandIn> {
    let self!: SnapBankStandIn;
    const server = createServer((req, res) => void self.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new SnapBankStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, { now: () => new Date(), ...o });
    return self;
  }

  set callbackUrl(u: string) {
    this.o.callbackUrl = u;
  }

  static digest(raw: string): string {
    return createHash('sha256').update(JSON.stringify(JSON.parse(raw))).digest('hex').toLowerCase();
  }

  static timestamp(at: Date): string {
    return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await body(req);
    const h = (n: string) => req.headers[n] as string | undefined;
    const path = req.url ?? '';
    if (path === '/v1.0/access-token/b2b') {
      const v = createVerify('RSA-SHA256');
      v.update(`${h('x-client-key')}|${h('x-timestamp')}`);
      if (h('x-client-key') !== this.o.partnerId || !h('x-signature') || !v.verify(this.o.publicKeyPem, h('x-signature')!, 'base64')) {
        this.refused.push('token');
        return send(res, 401, { responseCode: '4017300', responseMessage: 'Unauthorized. Signature' });
      }
      const token = randomUUID();
      this.tokens.add(token);
      return send(res, 200, { responseCode: '2007300', responseMessage: 'Successful', accessToken: token, tokenType: 'Bearer', expiresIn: '900' });
    }
    const token = (h('authorization') ?? '').replace(/^Bearer /, '');
    const want = createHmac('sha512', this.o.clientSecret).update(['POST', path, token, SnapBankStandIn.digest(raw || '{}'), h('x-timestamp')].join(':')).digest('base64');
    if (!this.tokens.has(token) || h('x-signature') !== want || h('x-partner-id') !== this.o.partnerId || !h('x-external-id')) {
      this.refused.push(path);
      return send(res, 401, { responseCode: '4010000', responseMessage: 'Unauthorized. Signature' });
    }
    const b = JSON.parse(raw);
    if (path === '/v1.0/transfer-va/create-va') {
      const va: SnapVa = { virtualAccountNo: b.virtualAccountNo, trxId: b.trxId, amount: Math.round(Number(b.totalAmount.value)), name: b.virtualAccountName, expiresAt: new Date(Date.parse(b.expiredDate)) };
      this.vas.set(va.virtualAccountNo, va);
      return send(res, 200, { responseCode: '2002700', responseMessage: 'Successful', virtualAccountData: { ...b, expiredDate: va.expiresAt.toISOString() } });
    }
    if (path === '/v1.0/transfer-va/status') {
      const va = this.vas.get(b.virtualAccountNo);
      if (!va) return send(res, 404, { responseCode: '4042601', responseMessage: 'Invalid Bill/Virtual Account' });
      const flag = va.paid ? '00' : va.expiresAt <= this.o.now() ? '05' : '01';
      return send(res, 200, {
        responseCode: '2002600', responseMessage: 'Successful',
        virtualAccountData: { virtualAccountNo: va.virtualAccountNo, paymentFlagStatus: flag, ...(va.paid ? { paymentRequestId: va.paid.paymentRequestId, referenceNo: va.paid.referenceNo, paidAmount: { value: va.paid.amount.toFixed(2), currency: 'IDR' }, trxDateTime: va.paid.at.toISOString() } : {}) },
      });
    }
    if (path === '/v1.0/qr/qr-mpm-generate') {
      if (!b.merchantId || !b.partnerReferenceNo) return send(res, 400, { responseCode: '4004702', responseMessage: 'Invalid Mandatory Field' });
      const amount = Math.round(Number(b.amount.value));
      // An EMVCo MPM dynamic payload (tag 01 = 12) with the amount (tag 54); the CRC is not computed here.
      const qr: SnapQr = { partnerReferenceNo: b.partnerReferenceNo, referenceNo: digits(16), amount, expiresAt: new Date(Date.parse(b.validityPeriod)), qrContent: `00020101021226570011ID.CO.QRIS.WWW0215ID${digits(13)}5204939953033605405${amount}.005802ID5914PEMDA KBB6007CIMAHI6304ABCD` };
      this.qrs.set(qr.partnerReferenceNo, qr);
      return send(res, 200, { responseCode: '2004700', responseMessage: 'Successful', referenceNo: qr.referenceNo, partnerReferenceNo: qr.partnerReferenceNo, qrContent: qr.qrContent });
    }
    if (path === '/v1.0/qr/qr-mpm-query') {
      const qr = this.qrs.get(b.originalPartnerReferenceNo);
      if (!qr) return send(res, 404, { responseCode: '4045101', responseMessage: 'Transaction Not Found' });
      const st = qr.paid ? '00' : qr.expiresAt <= this.o.now() ? '07' : '03';
      return send(res, 200, { responseCode: '2005100', responseMessage: 'Successful', originalReferenceNo: qr.referenceNo, originalPartnerReferenceNo: qr.partnerReferenceNo, latestTransactionStatus: st, amount: { value: qr.amount.toFixed(2), currency: 'IDR' }, ...(qr.paid ? { paidTime: qr.paid.at.toISOString() } : {}) });
    }
    if (path === '/v1.0/settlement-report' && b.kind === 'qris') {
      const list = [...this.qrs.values()].filter((q) => q.paid && day(q.paid.at) === b.date);
      return send(res, 200, { responseCode: '2009900', responseMessage: 'Successful', transactions: list.map((q) => ({ originalReferenceNo: q.referenceNo, originalPartnerReferenceNo: q.partnerReferenceNo, amount: { value: q.amount.toFixed(2), currency: 'IDR' }, paidTime: q.paid!.at.toISOString() })) });
    }
    if (path === '/v1.0/settlement-report') {
      const list = [...this.vas.values(), ...this.silent].filter((v) => v.paid && day(v.paid.at) === b.date);
      return send(res, 200, {
        responseCode: '2009900', responseMessage: 'Successful',
        transactions: list.map((v) => ({ paymentRequestId: v.paid!.paymentRequestId, virtualAccountNo: v.virtualAccountNo, paidAmount: { value: v.paid!.amount.toFixed(2), currency: 'IDR' }, trxDateTime: v.paid!.at.toISOString(), referenceNo: v.paid!.referenceNo })),
      });
    }
    return send(res, 404, { responseCode: '4040000', responseMessage: 'Not found' });
  }

  /** The payer transfers into the VA: the bank flags it paid and returns the notification it would send. */
  pay(vaNo: string, at = this.o.now()): { raw: string; paymentRequestId: string; referenceNo: string } {
    const va = this.vas.get(vaNo);
    if (!va) throw new Error('no such VA');
    if (va.expiresAt <= at) throw new Error('VA expired');
    const paymentRequestId = `PRQ${digits(13)}`;
    va.paid = { paymentRequestId, referenceNo: digits(12), at, amount: va.amount };
    const raw = JSON.stringify({
      partnerServiceId: vaNo.slice(0, 8), customerNo: vaNo.slice(8), virtualAccountNo: vaNo, virtualAccountName: va.name, paymentRequestId, trxId: va.trxId,
      paidAmount: { value: va.amount.toFixed(2), currency: 'IDR' }, trxDateTime: SnapBankStandIn.timestamp(at), referenceNo: va.paid.referenceNo, flagAdvise: 'N',
    });
    return { raw, paymentRequestId, referenceNo: va.paid.referenceNo };
  }

  /** The payer scans and pays the QR: the bank's QRIS notify (service 52) body is returned. */
  payQr(partnerReferenceNo: string, at = this.o.now()): string {
    const qr = this.qrs.get(partnerReferenceNo);
    if (!qr) throw new Error('no such QR');
    qr.paid = { at };
    return JSON.stringify({ originalReferenceNo: qr.referenceNo, originalPartnerReferenceNo: qr.partnerReferenceNo, latestTransactionStatus: '00', transactionStatusDesc: 'Success', amount: { value: qr.amount.toFixed(2), currency: 'IDR' }, paidTime: SnapBankStandIn.timestamp(at) });
  }

  /** A payment the bank settles without ever notifying us. */
  settleSilently(vaNo: string, amount: number, at = this.o.now()) {
    this.silent.push({ virtualAccountNo: vaNo, trxId: 'x', amount, name: '-', expiresAt: at, paid: { paymentRequestId: `PRQ${digits(13)}`, referenceNo: digits(12), at, amount } });
  }

  /** Posts a notification (raw JSON) to the callback, signed with the client secret — or with `forgeWith`. */
  async notify(raw: string, opts: { forgeWith?: string; at?: Date; externalId?: string; qris?: boolean } = {}): Promise<{ status: number; json: any }> {
    const ts = SnapBankStandIn.timestamp(opts.at ?? this.o.now());
    const path = opts.qris ? '/v1.0/qr/qr-mpm-notify' : '/v1.0/transfer-va/payment';
    const sig = createHmac('sha512', opts.forgeWith ?? this.o.clientSecret).update(['POST', path, SnapBankStandIn.digest(raw), ts].join(':')).digest('base64');
    const url = opts.qris ? this.o.callbackUrl!.replace('/v1.0/transfer-va/payment', '/v1.0/qr/qr-mpm-notify') : this.o.callbackUrl!;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-TIMESTAMP': ts, 'X-SIGNATURE': sig, 'X-PARTNER-ID': this.o.partnerId, 'X-EXTERNAL-ID': opts.externalId ?? digits(18), 'CHANNEL-ID': '95221' },
      body: raw,
    });
    return { status: res.status, json: await res.json().catch(() => undefined) };
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

export interface GatewayTxn {
  orderId: string;
  transactionId: string;
  vaNumber: string;
  amount: number;
  status: 'pending' | 'settlement' | 'expire' | 'refund';
  transactionTime: Date;
  settlementTime?: Date;
}

/**
 * A contracted payment gateway in the Midtrans Core API shape: `POST /v2/charge` (bank transfer VA,
 * Basic auth with the server key), `GET /v2/{order_id}/status`, a settlement list (the contract's,
 * configuration), and HTTP notifications whose `signature_key` is SHA512(order_id + status_code +
 * gross_amount + ServerKey).
 */
export class GatewayStandIn {
  readonly txns = new Map<string, GatewayTxn>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly o: { serverKey: string; callbackUrl?: string; now: () => Date },
  ) {}

  static async start(o: { serverKey: string; callbackUrl?: string; now?: () => Date }): Promise<GatewayStandIn> {
    let self!: GatewayStandIn;
    const server = createServer((req, res) => void self.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new GatewayStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, { now: () => new Date(), ...o });
    return self;
  }

  private view(t: GatewayTxn) {
    const gross = t.amount.toFixed(2);
    const code = t.status === 'settlement' ? '200' : t.status === 'pending' ? '201' : t.status === 'expire' ? '407' : '200';
    return {
      status_code: code, transaction_id: t.transactionId, order_id: t.orderId, gross_amount: gross, currency: 'IDR', payment_type: 'bank_transfer', transaction_status: t.status, fraud_status: 'accept',
      transaction_time: t.transactionTime.toISOString(), ...(t.settlementTime ? { settlement_time: t.settlementTime.toISOString() } : {}), va_numbers: [{ bank: 'bni', va_number: t.vaNumber }],
      signature_key: createHash('sha512').update(`${t.orderId}${code}${gross}${this.o.serverKey}`).digest('hex'),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await body(req);
    if (req.headers.authorization !== `Basic ${Buffer.from(`${this.o.serverKey}:`).toString('base64')}`) return send(res, 401, { status_code: '401', status_message: 'Access denied' });
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/v2/charge') {
      const b = JSON.parse(raw);
      const orderId = b.transaction_details?.order_id;
      const amount = Number(b.transaction_details?.gross_amount);
      if (!orderId || !(amount > 0)) return send(res, 400, { status_code: '400', status_message: 'Validation error' });
      if (this.txns.has(orderId)) return send(res, 406, { status_code: '406', status_message: 'order_id has already been utilized' });
      const t: GatewayTxn = { orderId, transactionId: randomUUID(), vaNumber: `988${digits(13)}`, amount, status: 'pending', transactionTime: this.o.now() };
      this.txns.set(orderId, t);
      const expiry = new Date(t.transactionTime.getTime() + Number(b.custom_expiry?.expiry_duration ?? 1440) * 60_000);
      return send(res, 200, { ...this.view(t), status_code: '201', expiry_time: expiry.toISOString() });
    }
    const m = /^\/v2\/([^/]+)\/status$/.exec(url.pathname);
    if (req.method === 'GET' && m) {
      const t = this.txns.get(decodeURIComponent(m[1]!));
      return t ? send(res, 200, this.view(t)) : send(res, 404, { status_code: '404', status_message: "Transaction doesn't exist." });
    }
    if (req.method === 'GET' && url.pathname === '/v1/settlements') {
      const date = url.searchParams.get('date');
      return send(res, 200, { transactions: [...this.txns.values()].filter((t) => t.status === 'settlement' && t.settlementTime && day(t.settlementTime) === date).map((t) => this.view(t)) });
    }
    return send(res, 404, { status_code: '404', status_message: 'not found' });
  }

  /** The payer pays the VA: settled, and the notification the gateway would post is returned. */
  pay(orderId: string): string {
    const t = this.txns.get(orderId);
    if (!t) throw new Error('no such order');
    t.status = 'settlement';
    t.settlementTime = this.o.now();
    return JSON.stringify(this.view(t));
  }

  /** A notification for a transaction, whatever its state (a "settlement" claim for a pending one tests the re-check). */
  claim(orderId: string, status: GatewayTxn['status']): string {
    const t = this.txns.get(orderId)!;
    return JSON.stringify(this.view({ ...t, status, settlementTime: this.o.now() }));
  }

  async notify(raw: string): Promise<{ status: number; json: any }> {
    const res = await fetch(this.o.callbackUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    return { status: res.status, json: await res.json().catch(() => undefined) };
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/**
 * A regional bank calling the regency's biller host-to-host (the platform's `payment-h2h`
 * endpoints): signed inquiry, payment and reversal calls, and the bank's daily recap it serves.
 */
export class BankH2hStandIn {
  readonly posted: { kodeBayar: string; noResi: string; amount: number; paidAt: Date; reversed?: boolean }[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly o: { secret: string; billerUrl: string; now: () => Date },
  ) {}

  static async start(o: { secret: string; billerUrl: string; now?: () => Date }): Promise<BankH2hStandIn> {
    let self!: BankH2hStandIn;
    const server = createServer((req, res) => void self.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new BankH2hStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, { now: () => new Date(), ...o });
    return self;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const date = url.searchParams.get('date') ?? '';
    const ts = req.headers['x-timestamp'] as string | undefined;
    if (!ts || req.headers['x-signature'] !== createHmac('sha256', this.o.secret).update(`${ts}.${date}`).digest('hex')) return send(res, 401, { message: 'bad signature' });
    send(res, 200, { transactions: this.posted.filter((p) => day(p.paidAt) === date).map((p) => ({ kodeBayar: p.kodeBayar, noResi: p.noResi, amount: p.amount, paidAt: p.paidAt.toISOString(), reversed: !!p.reversed })) });
  }

  private async call(kind: 'inquiry' | 'payment' | 'reversal', body: object, secret = this.o.secret): Promise<{ status: number; json: any }> {
    const raw = JSON.stringify(body);
    const ts = this.o.now().toISOString();
    const res = await fetch(`${this.o.billerUrl}/${kind}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-timestamp': ts, 'x-signature': createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex') }, body: raw });
    return { status: res.status, json: await res.json().catch(() => undefined) };
  }

  inquiry(kodeBayar: string, opts: { forgeWith?: string } = {}) {
    return this.call('inquiry', { kodeBayar }, opts.forgeWith);
  }

  /** The teller takes the money and posts it (a retry posts the same NORESI again). */
  async pay(kodeBayar: string, amount: number, noResi = digits(12)) {
    const paidAt = this.o.now();
    const r = await this.call('payment', { kodeBayar, noResi, amount, paidAt: paidAt.toISOString() });
    if (r.status === 200 && !this.posted.some((p) => p.noResi === noResi)) this.posted.push({ kodeBayar, noResi, amount, paidAt });
    return { ...r, noResi };
  }

  async reverse(kodeBayar: string, noResi: string, amount: number) {
    const r = await this.call('reversal', { kodeBayar, noResi, amount });
    const p = this.posted.find((x) => x.noResi === noResi);
    if (r.status === 200 && p) p.reversed = true;
    return r;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
