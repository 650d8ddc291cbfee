import { localDate, newId, plusDays, type FieldError, type Tenant } from '@satupintu/core';
import { recordAudit, type Sql, type UnitOfWork } from '@satupintu/db';
import type { Identity } from '@satupintu/auth';
import { overlayFee, quoteFee, type FeeQuote } from '@satupintu/plugin-sdk';
import { GatewayAdapter, H2hBillerAdapter, PaymentProviderError, PaymentSignatureError, SimponiAdapter, SnapQrisAdapter, SnapVaAdapter, type PaymentAdapter, type PaymentChannelCode, type ProviderPayment } from '@satupintu/connectors';
import { workContext, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { DataKeyring } from '../../secrets.js';
import { resolveTarget, systemResolver, TARGET_FAILURE, urlRefusal, type Resolver, type TargetPolicy } from '../events/target.js';
import type { JobSpec } from '../../jobs/spec.js';
import type { TenantService } from '../tenants/index.js';
import type { InstallationService } from '../installations/index.js';
import { applicationNotFound, type ApplicationService, type ActionService } from '../applications/index.js';
import { visibleTo } from '../applications/access.js';
import { applicationQueries } from '../applications/queries.js';
import {
  alreadyPaid, assessmentExists, channelConfigInvalid, assessmentInvalid, assessmentMissing, cashInvalid, channelNotConfigured, channelNotForFee, exceptionNotFound, feeLocked, notificationUnverified, orderNotFound, providerFailed, sandboxNoProvider,
} from './errors.js';

export const EXPIRE_JOB = 'payments.expire';
export const RECONCILE_JOB = 'payments.reconcile';
/** The SOP action a proven payment takes (imigrasi, dpmptsp PBG, BPN: `confirm-payment`). */
export const PAYMENT_ACTION = 'confirm-payment';

const CHANNELS: PaymentChannelCode[] = ['simponi', 'snap_va', 'snap_qris', 'gateway', 'pemda_h2h', 'counter_cash'];
/** Which revenue each channel may carry: PNBP lands in the kas negara through SIMPONI/MPN, retribusi in the RKUD. */
const CHANNEL_REVENUE: Record<PaymentChannelCode, string[]> = { simponi: ['pnbp'], snap_va: ['retribusi', 'pajak-daerah'], snap_qris: ['retribusi', 'pajak-daerah'], gateway: ['retribusi', 'pajak-daerah'], pemda_h2h: ['retribusi', 'pajak-daerah'], counter_cash: ['retribusi', 'pajak-daerah'] };
const SECRET_FIELDS: Record<PaymentChannelCode, string[]> = { simponi: ['password'], snap_va: ['clientSecret', 'privateKeyPem'], snap_qris: ['clientSecret', 'privateKeyPem'], gateway: ['serverKey'], pemda_h2h: ['bankSecret'], counter_cash: [] };
/** How long an issued billing lives when the provider does not say (SIMPONI's sample: 7 days). */
const DEFAULT_EXPIRY_DAYS = 7;

type Revenue = 'pnbp' | 'retribusi' | 'pajak-daerah' | 'none';
interface Line { code: string; name: { id: string; en: string }; amount: number; legalBasis: string }

interface ChannelRow { channel: PaymentChannelCode; enabled: boolean; config: Record<string, unknown>; secrets_sealed: Record<string, string>; updated_at: Date; last_success_at: Date | null; last_error: string | null; last_error_at: Date | null }
interface AssessmentRow { id: string; application_id: string; revenue_type: Revenue; legal_basis: string[]; lines: Line[]; total: string; payer_name: string; assessed_by: string; assessed_at: Date; supersedes: string | null; reason: string | null }
type OrderStatus = 'issued' | 'paid' | 'expired' | 'cancelled' | 'reversed';
interface OrderRow { id: string; assessment_id: string; application_id: string; channel: PaymentChannelCode; external_ref: string; amount: string; expires_at: Date | null; status: OrderStatus; qr_content: string | null; reissue_of: string | null; created_at: Date; paid_at: Date | null; proof: Record<string, string> | null; reconciled_at: Date | null }

export interface AssessmentInput { lines?: { code: string; name?: { id: string; en: string }; amount: number; legalBasis?: string }[]; revenueType?: Revenue; reason?: string }

const sealCtx = (tenantId: string, channel: string, field: string) => `payment-channel:${tenantId}:${channel}:${field}`;
const HOW: Record<PaymentChannelCode, { id: string; en: string }> = {
  simponi: { id: 'Bayar kode billing SIMPONI di teller bank/pos persepsi, ATM, internet/mobile banking, atau e-wallet.', en: 'Pay the SIMPONI billing code at a collecting bank or post office teller, ATM, internet/mobile banking, or an e-wallet.' },
  snap_va: { id: 'Transfer ke nomor virtual account bank daerah (kas daerah/RKUD) sebelum kedaluwarsa.', en: 'Transfer to the regional bank’s virtual account (the regency’s RKUD) before it expires.' },
  snap_qris: { id: 'Pindai QRIS dinamis (nominal sudah tertera) dengan aplikasi bank atau dompet digital mana pun, sebelum kedaluwarsa. Tanpa biaya tambahan.', en: 'Scan the dynamic QRIS (amount included) with any bank or e-wallet app before it expires. No surcharge.' },
  gateway: { id: 'Transfer ke virtual account dari gerbang pembayaran yang dikontrak pemda (dana masuk ke kas daerah), sebelum kedaluwarsa.', en: 'Transfer to the virtual account of the regency’s contracted payment gateway (funds settle to the regency’s treasury) before it expires.' },
  pemda_h2h: { id: 'Bayar kode bayar (SKRD) di teller, ATM atau mobile banking bank daerah sebelum kedaluwarsa.', en: 'Pay the kode bayar (SKRD) at the regional bank’s teller, ATM or mobile banking before it expires.' },
  counter_cash: { id: 'Bayar tunai di loket bendahara penerimaan; simpan kuitansinya.', en: 'Pay cash at the revenue treasurer’s counter; keep the receipt.' },
};

export interface PaymentDeps {
  env: 'development' | 'production';
  uow: UnitOfWork;
  keyring: () => DataKeyring;
  tenants: TenantService;
  installations: InstallationService;
  applications: ApplicationService;
  actions: () => ActionService;
}

/**
 * Issue 24, payments (docs/payments.md, ADR 0040): the platform assesses a fee from the plugin's
 * rule, routes the payer to the state's or the regency's own account (SIMPONI billing, the
 * regional bank's SNAP virtual account, the treasurer's cash counter), records what the provider
 * proves, and reconciles against the provider's daily report. It never holds money.
 */
export class PaymentService {
  /** Tests point the adapters' clock at the platform's (the SNAP token cache lives per tenant/channel). */
  private readonly adapters = new Map<string, { key: string; adapter: PaymentAdapter; targets: string[] }>();
  private policy: TargetPolicy;
  /** How provider names are resolved before each call (tests give a resolver that answers a private address). */
  private resolver: Resolver = systemResolver;
  constructor(private readonly d: PaymentDeps) {
    this.policy = { env: d.env, allowLoopback: false };
  }

  /** Local stand-ins (tests, development): loopback provider URLs. Never in production. */
  allowLoopbackTargets(on: boolean): void {
    this.policy = { env: this.d.env, allowLoopback: on };
  }

  /** Tests: the resolver the call-time check uses (undefined: the system's). */
  useResolver(r: Resolver | undefined): void {
    this.resolver = r ?? systemResolver;
  }

  /** A channel's outbound policy (docs/security.md): SIMPONI alone may be on the government network. */
  private policyFor(channel: PaymentChannelCode): TargetPolicy {
    return channel === 'simponi' ? { ...this.policy, allowPrivateNetwork: true } : this.policy;
  }

  /**
   * A provider URL a tenant admin sets (SSRF defence, docs/security.md): https in production, no
   * credentials, a public address — except SIMPONI, whose production host sits on the government
   * network (10.242.x.x): a private address is accepted there, never loopback, link-local (cloud
   * metadata) or other reserved space.
   */
  private urlErrors(channel: PaymentChannelCode, config: Record<string, unknown>): FieldError[] {
    const errors: FieldError[] = [];
    for (const field of ['baseUrl', 'settlementUrl']) {
      const raw = config[field];
      if (raw === undefined) continue;
      if (typeof raw !== 'string') {
        errors.push({ pointer: `/config/${field}`, message: { id: 'Harus URL.', en: 'Must be a URL.' } });
        continue;
      }
      const refusal = urlRefusal(raw, this.policyFor(channel));
      if (refusal) errors.push({ pointer: `/config/${field}`, message: refusal });
    }
    return errors;
  }

  // ---- channels ------------------------------------------------------------------------------

  private channelView(r: ChannelRow | undefined, channel: PaymentChannelCode) {
    return {
      channel, configured: !!r, enabled: r?.enabled ?? false, config: r?.config ?? {}, secretsSet: Object.keys(r?.secrets_sealed ?? {}).filter((k) => r!.secrets_sealed[k]),
      lastSuccessAt: r?.last_success_at?.toISOString() ?? null, lastError: r?.last_error ?? null, lastErrorAt: r?.last_error_at?.toISOString() ?? null,
    };
  }

  async configure(ctx: TenantUserCtx, channel: PaymentChannelCode, body: { enabled: boolean; config: Record<string, unknown>; secrets?: Record<string, string> }) {
    const allowed = SECRET_FIELDS[channel];
    const bad = Object.keys(body.secrets ?? {}).filter((k) => !allowed.includes(k));
    if (bad.length) throw channelConfigInvalid(bad.map((k) => ({ pointer: `/secrets/${k}`, message: { id: `Rahasia ${k} tidak dikenal untuk ${channel}.`, en: `Secret ${k} is not known for ${channel}.` } })));
    const urlErrors = this.urlErrors(channel, body.config);
    if (urlErrors.length) throw channelConfigInvalid(urlErrors);
    for (const k of Object.keys(body.config)) if (allowed.includes(k)) throw channelConfigInvalid([{ pointer: `/config/${k}`, message: { id: 'Rahasia disimpan di `secrets` (terenkripsi), bukan di config.', en: 'Secrets go in `secrets` (encrypted), not in config.' } }]);
    const ring = this.d.keyring();
    return this.d.uow.write(ctx, async (tx) => {
      const cur = await tx.sql.maybe<ChannelRow>(`select * from payment_channels where channel = $1 for update`, [channel]);
      const sealed: Record<string, string> = { ...(cur?.secrets_sealed ?? {}) };
      for (const [k, v] of Object.entries(body.secrets ?? {})) sealed[k] = ring.seal(v, sealCtx(ctx.tenant.id, channel, k));
      await tx.sql.exec(
        `insert into payment_channels (tenant_id, channel, enabled, config, secrets_sealed, updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (tenant_id, channel) do update set enabled = excluded.enabled, config = excluded.config, secrets_sealed = excluded.secrets_sealed, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [ctx.tenant.id, channel, body.enabled, JSON.stringify(body.config), JSON.stringify(sealed), ctx.identity.username, ctx.now],
      );
      // Who changed what (never the secrets themselves).
      await recordAudit(tx, { actor: ctx.identity.username, action: 'payment.channel.configured', subject: `payment-channel:${channel}`, data: { enabled: body.enabled, config: body.config, secretsChanged: Object.keys(body.secrets ?? {}) } });
      this.adapters.delete(`${ctx.tenant.id}:${channel}`);
      return this.channelView(await tx.sql.one<ChannelRow>(`select * from payment_channels where channel = $1`, [channel]), channel);
    });
  }

  /** The connection's health per channel: configured, enabled, last success / error, orders waiting and open exceptions. */
  async connection(ctx: TenantUserCtx) {
    return this.d.uow.read(ctx, async (tx) => {
      const rows = await tx.sql.rows<ChannelRow>(`select * from payment_channels`);
      const counts = await tx.sql.rows<{ channel: string; pending: number; failed: number }>(
        `select c.channel, (select count(*)::int from payment_orders o where o.channel = c.channel and o.status = 'issued') as pending,
                (select count(*)::int from payment_exceptions e where e.channel = c.channel and e.status = 'open') as failed
           from unnest($1::text[]) as c(channel)`,
        [CHANNELS],
      );
      return {
        channels: CHANNELS.map((ch) => {
          const v = this.channelView(rows.find((r) => r.channel === ch), ch);
          const c = counts.find((x) => x.channel === ch);
          return { channel: v.channel, configured: v.configured, enabled: v.enabled, secretsSet: v.secretsSet, lastSuccessAt: v.lastSuccessAt, lastError: v.lastError, lastErrorAt: v.lastErrorAt, pending: c?.pending ?? 0, openExceptions: c?.failed ?? 0 };
        }),
        sandbox: !!ctx.tenant.sandbox,
      };
    });
  }

  private async adapter(ctx: TenantCtx, channel: PaymentChannelCode, sql?: Sql): Promise<PaymentAdapter> {
    if (ctx.tenant.sandbox) throw sandboxNoProvider();
    const row = sql ? await sql.maybe<ChannelRow>(`select * from payment_channels where channel = $1`, [channel]) : await this.d.uow.read(ctx, (tx) => tx.sql.maybe<ChannelRow>(`select * from payment_channels where channel = $1`, [channel]));
    if (!row || !row.enabled) throw channelNotConfigured(channel);
    const key = `${row.updated_at.getTime()}`;
    const cached = this.adapters.get(`${ctx.tenant.id}:${channel}`);
    if (cached && cached.key === key) return cached.adapter;
    const ring = this.d.keyring();
    const secret = (k: string) => (row.secrets_sealed[k] ? ring.open(row.secrets_sealed[k], sealCtx(ctx.tenant.id, channel, k)) : '');
    const c = row.config as any;
    let adapter: PaymentAdapter;
    if (channel === 'simponi') adapter = new SimponiAdapter({ baseUrl: c.baseUrl, userId: c.userId, password: secret('password'), satker: c.satker ?? {}, timeoutMs: c.timeoutMs });
    else if (channel === 'snap_va') adapter = new SnapVaAdapter({ baseUrl: c.baseUrl, partnerId: c.partnerId, clientSecret: secret('clientSecret'), privateKeyPem: secret('privateKeyPem'), partnerServiceId: c.partnerServiceId, channelId: c.channelId ?? '95221', settlementPath: c.settlementPath, timeoutMs: c.timeoutMs }, () => ctx.clock.now());
    else if (channel === 'snap_qris') adapter = new SnapQrisAdapter({ baseUrl: c.baseUrl, partnerId: c.partnerId, clientSecret: secret('clientSecret'), privateKeyPem: secret('privateKeyPem'), partnerServiceId: c.partnerServiceId ?? '', channelId: c.channelId ?? '95221', merchantId: c.merchantId, terminalId: c.terminalId, settlementPath: c.settlementPath, timeoutMs: c.timeoutMs }, () => ctx.clock.now());
    else if (channel === 'gateway') adapter = new GatewayAdapter({ baseUrl: c.baseUrl, serverKey: secret('serverKey'), bank: c.bank ?? 'bni', settlementPath: c.settlementPath, timeoutMs: c.timeoutMs }, () => ctx.clock.now());
    else if (channel === 'pemda_h2h') adapter = new H2hBillerAdapter({ prefix: String(c.prefix ?? ''), bankSecret: secret('bankSecret'), settlementUrl: c.settlementUrl, timeoutMs: c.timeoutMs }, () => ctx.clock.now());
    else throw channelNotConfigured(channel);
    const targets = [c.baseUrl, c.settlementUrl].filter((u): u is string => typeof u === 'string');
    this.adapters.set(`${ctx.tenant.id}:${channel}`, { key, adapter, targets });
    return adapter;
  }

  private async health(ctx: TenantCtx, channel: string, error?: string) {
    await this.d.uow.write(ctx, (tx) =>
      error
        ? tx.sql.exec(`update payment_channels set last_error = $2, last_error_at = $3 where channel = $1`, [channel, error.slice(0, 500), ctx.now])
        : tx.sql.exec(`update payment_channels set last_success_at = $2 where channel = $1`, [channel, ctx.now]),
    );
  }

  /**
   * Calls the provider, once every URL of the channel passes the call-time check (a refused one is
   * the same `TARGET_FAILURE` as an unreachable one: no address or port in the log); a failure is
   * recorded on the channel's health and answered as 503.
   */
  private async call<T>(ctx: TenantCtx, channel: PaymentChannelCode, fn: () => Promise<T>): Promise<T> {
    try {
      const targets = this.adapters.get(`${ctx.tenant.id}:${channel}`)?.targets;
      if (!targets) throw new PaymentProviderError(TARGET_FAILURE);
      // The check that counts (as for signed events and OSS): every address each name resolves to now.
      for (const t of targets) if (!(await resolveTarget(t, this.policyFor(channel), this.resolver))) throw new PaymentProviderError(TARGET_FAILURE);
      const r = await fn();
      await this.health(ctx, channel);
      return r;
    } catch (e) {
      if (e instanceof PaymentProviderError) {
        await this.health(ctx, channel, e.message);
        throw providerFailed(e.message);
      }
      throw e;
    }
  }

  // ---- assessments ---------------------------------------------------------------------------

  private async current(sql: Sql, appId: string): Promise<AssessmentRow | undefined> {
    return sql.maybe<AssessmentRow>(`select * from payment_assessments a where application_id = $1 and not exists (select 1 from payment_assessments s where s.supersedes = a.id)`, [appId]);
  }

  /**
   * Assesses (or, with a reason, re-assesses) an application's fee: a locked fee's lines come from
   * the quote recorded at submit (or the plugin's rule on today's date) — the officer cannot change
   * them; a fee the rule cannot compute (PBG's retribusi formula, a table without charges) takes the
   * officer's lines, each with its legal basis. The revenue type follows the agency: a vertical
   * agency's fee is PNBP, a regional one's retribusi; nothing to pay is "tidak dipungut biaya".
   */
  async assess(ctx: TenantUserCtx, appId: string, input: AssessmentInput) {
    const { app, roles } = visibleTo(ctx.identity, ctx.tenant, await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, appId)));
    if (!roles.includes('officer') || app.status !== 'submitted') throw applicationNotFound();
    const def = await this.d.applications.definition(app);
    const inst = await this.d.installations.get(ctx, app.plugin_id).catch(() => undefined);
    const fee = overlayFee(def.service.fee, (inst as any)?.overlays?.[app.service_code]?.fee);
    const quote: FeeQuote = app.fee_quote ?? quoteFee(fee, app.data, localDate(ctx.now, ctx.tenant.timeZone));
    let lines: Line[];
    const errors: FieldError[] = [];
    if (quote.complete && (fee.locked || !input.lines)) {
      if (input.lines && fee.locked) throw feeLocked([{ pointer: '/lines', message: { id: `Tarif ini terkunci (${fee.legalBasis}): jumlahnya dari aturan tarif.`, en: `This fee is locked (${fee.legalBasis}): its amounts come from the fee rule.` } }]);
      lines = quote.lines.map((l) => ({ code: l.code, name: l.name, amount: l.amount, legalBasis: l.legalBasis }));
    } else {
      if (!input.lines?.length) errors.push({ pointer: '/lines', message: { id: `Tarif dihitung petugas (${fee.legalBasis}): isi rincian biaya.`, en: `The officer computes this fee (${fee.legalBasis}): give its lines.` } });
      const lockedCodes = new Set((fee.charges ?? []).filter((c) => c.locked).map((c) => c.code));
      (input.lines ?? []).forEach((l, i) => {
        if (lockedCodes.has(l.code)) errors.push({ pointer: `/lines/${i}/code`, message: { id: `Biaya ${l.code} terkunci.`, en: `Charge ${l.code} is locked.` } });
      });
      lines = (input.lines ?? []).map((l) => ({ code: l.code, name: l.name ?? { id: l.code, en: l.code }, amount: l.amount, legalBasis: l.legalBasis ?? fee.legalBasis }));
    }
    if (errors.length) throw assessmentInvalid(errors);
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const revenue: Revenue = total === 0 ? 'none' : (input.revenueType ?? (def.agency.kind === 'vertical' ? 'pnbp' : 'retribusi'));
    const legalBasis = total === 0 ? [`Tidak dipungut biaya (${fee.legalBasis})`] : [...new Set([fee.legalBasis, ...lines.map((l) => l.legalBasis)])];
    return this.d.uow.write(ctx, async (tx) => {
      await applicationQueries.load(tx.sql, appId, true);
      const prior = await this.current(tx.sql, appId);
      if (prior && !input.reason) throw assessmentExists();
      if (!prior && input.reason) throw assessmentInvalid([{ pointer: '/reason', message: { id: 'Alasan hanya untuk penetapan pengganti.', en: 'A reason is only for a superseding assessment.' } }]);
      if (prior && (await tx.sql.maybe(`select 1 from payment_orders where assessment_id = $1 and status = 'paid'`, [prior.id]))) throw alreadyPaid();
      const id = newId();
      await tx.sql.exec(
        `insert into payment_assessments (tenant_id, id, application_id, revenue_type, legal_basis, lines, total, payer_name, assessed_by, assessed_at, supersedes, reason) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [ctx.tenant.id, id, appId, revenue, legalBasis, JSON.stringify(lines), total, app.applicant.name ?? '-', ctx.identity.username, ctx.now, prior?.id ?? null, input.reason ?? null],
      );
      // A superseded assessment's open order is cancelled: the payer gets the new one.
      if (prior) await tx.sql.exec(`update payment_orders set status = 'cancelled' where assessment_id = $1 and status = 'issued'`, [prior.id]);
      await recordAudit(tx, { actor: ctx.identity.username, action: prior ? 'payment.assessment.superseded' : 'payment.assessment.made', subject: `application:${appId}`, data: { assessment: id, supersedes: prior?.id ?? null, reason: input.reason ?? null, total, revenue } });
      await this.event(tx.sql, ctx, appId, app.state, prior ? 'payment-reassessed' : 'payment-assessed', `${total === 0 ? 'Tidak dipungut biaya' : `Rp${total.toLocaleString('id-ID')}`} (${legalBasis.join('; ')})${input.reason ? ` — ${input.reason}` : ''}`);
      return this.viewIn(tx.sql, ctx, appId);
    });
  }

  private async event(sql: Sql, ctx: TenantCtx & { identity?: Identity }, appId: string, state: string, action: string, comment: string) {
    await applicationQueries.event(sql, { tenantId: ctx.tenant.id, applicationId: appId, id: newId(), at: ctx.now, actorSub: ctx.identity?.subject ?? 'system', actorName: ctx.identity?.name ?? ctx.identity?.username ?? 'Satupintu', role: ctx.identity ? 'officer' : 'system', action, from: state, to: state, comment });
    await applicationQueries.touch(sql, appId, ctx.now);
  }

  // ---- orders --------------------------------------------------------------------------------

  /** Issues the payment order on a channel (the provider's billing code / VA); an open one on the same channel is answered again. */
  async order(ctx: TenantUserCtx, appId: string, channel: PaymentChannelCode) {
    const { app, roles } = visibleTo(ctx.identity, ctx.tenant, await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, appId)));
    if (!roles.includes('officer') && !roles.includes('citizen')) throw applicationNotFound();
    const a = await this.d.uow.read(ctx, (tx) => this.current(tx.sql, appId));
    if (!a || Number(a.total) === 0) throw assessmentMissing();
    if (!CHANNEL_REVENUE[channel].includes(a.revenue_type)) throw channelNotForFee(channel, a.revenue_type);
    const open = await this.d.uow.read(ctx, (tx) => tx.sql.maybe<OrderRow>(`select * from payment_orders where assessment_id = $1 and status in ('issued', 'paid')`, [a.id]));
    if (open?.status === 'paid') throw alreadyPaid();
    if (open && open.channel === channel) return this.view(ctx, appId);
    await this.issue(ctx, app.agency_code, a, channel, open?.id ?? null, open ? 'cancel' : null);
    return this.view(ctx, appId);
  }

  private async issue(ctx: TenantCtx & { identity?: Identity }, agency: string, a: AssessmentRow, channel: PaymentChannelCode, priorId: string | null, priorAs: 'cancel' | 'expired' | null): Promise<void> {
    const id = newId();
    const expiresAt = new Date(ctx.now.getTime() + DEFAULT_EXPIRY_DAYS * 86_400_000);
    let ref: string;
    let until: Date | null;
    let qr: string | null = null;
    if (channel === 'counter_cash') {
      const row = await this.d.uow.read(ctx, (tx) => tx.sql.maybe<{ enabled: boolean }>(`select enabled from payment_channels where channel = 'counter_cash'`));
      if (!row?.enabled) throw channelNotConfigured(channel);
      ref = `KAS-${id.slice(-12).toUpperCase()}`;
      until = null;
    } else {
      const adapter = await this.adapter(ctx, channel);
      const r = await this.call(ctx, channel, () => adapter.createOrder({ orderId: id, amount: Number(a.total), payerName: a.payer_name, description: a.lines.map((l) => l.name.id).join(', ').slice(0, 120), agency, expiresAt }));
      ref = r.externalRef;
      until = r.expiresAt;
      qr = r.qrContent ?? null;
    }
    await this.d.uow.write(ctx, async (tx) => {
      if (priorId) await tx.sql.exec(`update payment_orders set status = $2 where id = $1 and status = 'issued'`, [priorId, priorAs === 'expired' ? 'expired' : 'cancelled']);
      await tx.sql.exec(
        `insert into payment_orders (tenant_id, id, assessment_id, application_id, channel, external_ref, qr_content, amount, expires_at, status, reissue_of, created_by, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,'issued',$10,$11,$12)`,
        [ctx.tenant.id, id, a.id, a.application_id, channel, ref, qr, Number(a.total), until, priorAs === 'expired' ? priorId : null, ctx.identity?.username ?? 'system', ctx.now],
      );
      const app = await applicationQueries.load(tx.sql, a.application_id);
      await this.event(tx.sql, ctx, a.application_id, app?.state ?? '', priorAs === 'expired' ? 'payment-reissued' : 'payment-ordered', `${channel} ${ref}${until ? ` s.d. ${until.toISOString()}` : ''}`);
    });
  }

  /** Re-checks an order with its provider (the citizen's "I have paid", an officer's check): only the provider's answer records a payment. */
  async check(ctx: TenantUserCtx, appId: string, orderId: string) {
    visibleTo(ctx.identity, ctx.tenant, await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, appId)));
    const o = await this.d.uow.read(ctx, (tx) => tx.sql.maybe<OrderRow>(`select * from payment_orders where id = $1 and application_id = $2`, [orderId, appId]));
    if (!o) throw orderNotFound();
    if (o.status === 'issued' && o.channel !== 'counter_cash') {
      const adapter = await this.adapter(ctx, o.channel);
      const s = await this.call(ctx, o.channel, () => adapter.status(o.external_ref, o.id));
      if (s.state === 'paid') await this.record(ctx, o.channel, s, 'status');
    }
    return this.view(ctx, appId);
  }

  /** Cash at the treasurer's counter: the receipt is the proof; the amount must be the bill's. */
  async cash(ctx: TenantUserCtx, appId: string, body: { receiptNo: string; amount: number }) {
    const { app, roles } = visibleTo(ctx.identity, ctx.tenant, await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, appId)));
    if (!roles.includes('officer')) throw applicationNotFound();
    const a = await this.d.uow.read(ctx, (tx) => this.current(tx.sql, appId));
    if (!a || Number(a.total) === 0) throw assessmentMissing();
    if (!CHANNEL_REVENUE.counter_cash.includes(a.revenue_type)) throw channelNotForFee('counter_cash', a.revenue_type);
    if (body.amount !== Number(a.total)) throw cashInvalid([{ pointer: '/amount', message: { id: `Tagihan Rp${Number(a.total).toLocaleString('id-ID')}.`, en: `The bill is Rp${Number(a.total).toLocaleString('id-ID')}.` } }]);
    let o = await this.d.uow.read(ctx, (tx) => tx.sql.maybe<OrderRow>(`select * from payment_orders where assessment_id = $1 and status in ('issued', 'paid')`, [a.id]));
    if (o?.status === 'paid') throw alreadyPaid();
    if (!o || o.channel !== 'counter_cash') {
      await this.issue(ctx, app.agency_code, a, 'counter_cash', o?.id ?? null, o ? 'cancel' : null);
      o = await this.d.uow.read(ctx, (tx) => tx.sql.one<OrderRow>(`select * from payment_orders where assessment_id = $1 and status = 'issued'`, [a.id]));
    }
    await this.record(ctx, 'counter_cash', { providerTxnId: body.receiptNo, externalRef: o.external_ref, amount: body.amount, paidAt: ctx.now, proof: { receiptNo: body.receiptNo } as any, kind: 'payment' }, 'officer');
    return this.view(ctx, appId);
  }

  /**
   * Records one verified provider payment (or reversal): once per (channel, provider transaction
   * id) — a repeat is answered as a duplicate and changes nothing. A payment of the order's amount
   * marks it paid with its proof and then takes the SOP's payment action; a reversal un-pays it.
   */
  async record(ctx: TenantCtx & { identity?: Identity }, channel: PaymentChannelCode, p: ProviderPayment, source: 'notification' | 'status' | 'officer' | 'settlement'): Promise<{ duplicate: boolean; orderId: string | null }> {
    const res = await this.d.uow.write(ctx, async (tx) => {
      const o = await tx.sql.maybe<OrderRow>(`select * from payment_orders where channel = $1 and external_ref = $2 order by created_at desc limit 1 for update`, [channel, p.externalRef]);
      const inserted = await tx.sql.exec(
        `insert into payment_events (tenant_id, id, channel, order_id, provider_txn_id, kind, source, amount, proof, verified, recorded_by, at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,true,$10,$11)
         on conflict (tenant_id, channel, provider_txn_id, kind) where verified do nothing`,
        [ctx.tenant.id, newId(), channel, o?.id ?? null, p.providerTxnId, p.kind, source, p.amount, JSON.stringify(p.proof), ctx.identity?.username ?? channel, ctx.now],
      );
      if (!inserted) return { duplicate: true, orderId: o?.id ?? null, paid: false, app: null as string | null };
      // Money that came in but cannot settle a bill goes to the finance officer's queue at once.
      const raise = (kind: 'unmatched_platform' | 'amount_mismatch', detail: Record<string, unknown>) =>
        tx.sql.exec(
          `insert into payment_exceptions (tenant_id, id, channel, local_date, kind, ref, order_id, amount, detail, status, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,'open',$10) on conflict (tenant_id, channel, kind, ref) do nothing`,
          [ctx.tenant.id, newId(), channel, localDate(ctx.now, ctx.tenant.timeZone), kind, p.providerTxnId, o?.id ?? null, p.amount, JSON.stringify({ externalRef: p.externalRef, ...detail }), ctx.now],
        );
      if (!o) {
        if (p.kind === 'payment') await raise('unmatched_platform', { note: 'no order with this reference' });
        return { duplicate: false, orderId: null, paid: false, app: null };
      }
      const app = await applicationQueries.load(tx.sql, o.application_id);
      if (p.kind === 'reversal') {
        if (o.status === 'paid') {
          await tx.sql.exec(`update payment_orders set status = 'reversed' where id = $1`, [o.id]);
          await this.event(tx.sql, ctx, o.application_id, app?.state ?? '', 'payment-reversed', `${channel} ${p.providerTxnId}`);
        }
        return { duplicate: false, orderId: o.id, paid: false, app: null };
      }
      if (p.amount !== Number(o.amount)) {
        await raise('amount_mismatch', { ours: Number(o.amount), theirs: p.amount });
        return { duplicate: false, orderId: o.id, paid: false, app: null };
      }
      if (o.status !== 'issued' && o.status !== 'expired') {
        // Paid on a withdrawn bill (a superseded assessment) or paid twice: a refund or a transfer is the finance officer's call.
        await raise('unmatched_platform', { note: `order ${o.status}` });
        return { duplicate: false, orderId: o.id, paid: false, app: null };
      }
      // Paid at the last minute on a billing already re-issued: the re-issued one is withdrawn.
      if (o.status === 'expired') await tx.sql.exec(`update payment_orders set status = 'cancelled' where assessment_id = $1 and id <> $2 and status = 'issued'`, [o.assessment_id, o.id]);
      await tx.sql.exec(`update payment_orders set status = 'paid', paid_at = $2, proof = $3 where id = $1`, [o.id, p.paidAt, JSON.stringify(p.proof)]);
      await recordAudit(tx, { actor: ctx.identity?.username ?? channel, action: 'payment.paid', subject: `application:${o.application_id}`, data: { order: o.id, channel, providerTxnId: p.providerTxnId, amount: p.amount, proof: p.proof, source } });
      await this.event(tx.sql, ctx, o.application_id, app?.state ?? '', 'payment-paid', `${channel} ${Object.entries(p.proof).map(([k, v]) => `${k.toUpperCase()} ${v}`).join(', ')}`);
      return { duplicate: false, orderId: o.id, paid: true, app: o.application_id };
    });
    if (res.paid && res.app) await this.advance(ctx, res.app);
    return { duplicate: res.duplicate, orderId: res.orderId };
  }

  /** A proven payment takes the SOP's payment action when the application waits for it (the SLA's "payment made" start event). */
  private async advance(ctx: TenantCtx, appId: string): Promise<void> {
    const app = await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, appId));
    if (!app) return;
    const identity: Identity = { subject: 'system:payments', username: 'system:payments', name: 'Satupintu (pembayaran terbukti / proven payment)', roles: ['officer'], memberships: [{ tenant: ctx.tenant.slug, role: 'officer', agency: app.agency_code } as any] };
    const work = workContext({ clock: ctx.clock, log: ctx.log, route: 'payments.advance', tenant: ctx.tenant as Tenant, identity });
    try {
      await this.d.actions().act(work, appId, PAYMENT_ACTION, { comment: 'Pembayaran terbukti / payment proven' });
    } catch (err) {
      // Not waiting for payment here (or no such action): the officer moves it; the payment stays recorded.
      ctx.log.info({ application: appId, code: (err as { code?: string }).code }, 'proven payment did not move the SOP');
    }
  }

  /** The bank's SNAP payment notification: verified with the bank's signature, or refused (403) and recorded as refused. */
  async notification(ctx: TenantCtx, channel: PaymentChannelCode, input: { method: string; path: string; headers: Record<string, string | undefined>; raw: Buffer }) {
    const adapter = await this.adapter(ctx, channel);
    let p: ProviderPayment | null;
    try {
      p = adapter.verifyNotification(input);
    } catch (e) {
      if (!(e instanceof PaymentSignatureError)) throw e;
      throw await this.refuse(ctx, channel, e.reason, input.headers['x-external-id']);
    }
    // Genuine, but no money moved (pending, expire, cancel): acknowledged, nothing recorded.
    if (!p) return { responseCode: '2002500', responseMessage: 'Successful (no payment)', duplicate: false };
    // As gateways advise: the notification is re-checked with the provider before it counts.
    const pay = p;
    const s = adapter.recheck ? await this.call(ctx, channel, () => adapter.status(pay.externalRef, pay.orderRef ?? pay.providerTxnId)) : undefined;
    const confirmed = !s || p.kind === 'reversal' || (s.state === 'paid' && s.providerTxnId === p.providerTxnId && s.amount === p.amount);
    if (!confirmed) throw await this.refuse(ctx, channel, `the provider's status does not confirm ${pay.providerTxnId}`, pay.providerTxnId);
    const r = await this.record(ctx, channel, p, 'notification');
    return { responseCode: '2002500', responseMessage: r.duplicate ? 'Successful (duplicate)' : 'Successful', duplicate: r.duplicate };
  }

  /**
   * The regional bank's inquiry on a kode bayar (host-to-host, the platform as the biller): 00 with
   * the bill, 01 unknown, 02 already paid, 03 expired or withdrawn. Signed like the payment call.
   */
  async h2hInquiry(ctx: TenantCtx, input: { headers: Record<string, string | undefined>; raw: Buffer }) {
    const adapter = (await this.adapter(ctx, 'pemda_h2h')) as H2hBillerAdapter;
    let kode: string;
    try {
      kode = adapter.verifyCall(input).kodeBayar;
    } catch (e) {
      if (!(e instanceof PaymentSignatureError)) throw e;
      throw await this.refuse(ctx, 'pemda_h2h', e.reason, undefined);
    }
    const o = await this.d.uow.read(ctx, (tx) => tx.sql.maybe<OrderRow & { payer_name: string }>(
      `select o.*, a.payer_name from payment_orders o join payment_assessments a on a.id = o.assessment_id where o.channel = 'pemda_h2h' and o.external_ref = $1`, [kode]));
    if (!o) return { status: '01' as const, message: 'Kode bayar tidak dikenal / unknown', kodeBayar: kode, amount: null, name: null, expiresAt: null };
    const status: '00' | '02' | '03' = o.status === 'paid' ? '02' : o.status !== 'issued' || (o.expires_at && o.expires_at <= ctx.now) ? '03' : '00';
    const message = { '00': 'Belum dibayar / unpaid', '02': 'Sudah dibayar / already paid', '03': 'Kedaluwarsa atau dibatalkan / expired or withdrawn' }[status];
    return { status, message, kodeBayar: kode, amount: Number(o.amount), name: o.payer_name, expiresAt: o.expires_at?.toISOString() ?? null };
  }

  /** A refused notification is kept (unverified, never counted) and audited; the caller answers 403. */
  private async refuse(ctx: TenantCtx, channel: PaymentChannelCode, reason: string, ref: string | undefined) {
    await this.d.uow.write(ctx, async (tx) => {
      await tx.sql.exec(`insert into payment_events (tenant_id, id, channel, provider_txn_id, kind, source, verified, reason, recorded_by, at) values ($1,$2,$3,$4,'refused','notification',false,$5,$6,$7)`, [
        ctx.tenant.id, newId(), channel, (ref ?? '').slice(0, 64) || null, reason.slice(0, 500), channel, ctx.now,
      ]);
      await recordAudit(tx, { actor: channel, action: 'payment.notification.refused', subject: `payment-channel:${channel}`, data: { reason } });
    });
    return notificationUnverified();
  }

  // ---- expiry and reconciliation ------------------------------------------------------------------

  /** Every issued order past its expiry: asked once more (a payment at the last minute counts), else expired and re-issued on the same channel. */
  async expireAndReissue(ctx: TenantCtx): Promise<number> {
    if (ctx.tenant.sandbox) return 0;
    const due = await this.d.uow.read(ctx, (tx) => tx.sql.rows<OrderRow & { agency_code: string }>(
      `select o.*, a.agency_code from payment_orders o join applications a on a.id = o.application_id where o.status = 'issued' and o.expires_at is not null and o.expires_at <= $1`, [ctx.now]));
    let n = 0;
    for (const o of due) {
      try {
        const adapter = await this.adapter(ctx, o.channel);
        const s = await this.call(ctx, o.channel, () => adapter.status(o.external_ref, o.id));
        if (s.state === 'paid') {
          await this.record(ctx, o.channel, s, 'status');
          continue;
        }
        const a = await this.d.uow.read(ctx, (tx) => tx.sql.one<AssessmentRow>(`select * from payment_assessments where id = $1`, [o.assessment_id]));
        await this.issue(ctx, o.agency_code, a, o.channel, o.id, 'expired');
        n++;
      } catch (err) {
        ctx.log.warn({ order: o.id, code: (err as { code?: string }).code }, 'expired billing not re-issued yet');
      }
    }
    return n;
  }

  /**
   * One day's reconciliation of one channel against the provider's settlement report: each
   * reported payment matched to a recorded one (same transaction id and amount), a reported
   * payment the platform never recorded is recorded now (settlement is proof) and flagged
   * `unmatched_platform`; a recorded payment the report lacks is `unmatched_bank`. Exceptions wait
   * in the finance queue; a rerun of the same day adds nothing twice.
   */
  async reconcile(ctx: TenantCtx & { identity?: Identity }, channel: PaymentChannelCode, date: string) {
    const adapter = await this.adapter(ctx, channel);
    const report = await this.call(ctx, channel, () => adapter.settlementReport(date));
    const from = await this.d.uow.read(ctx, (tx) => tx.sql.one<{ f: Date; t: Date }>(`select ($1::date::timestamp at time zone $2) as f, (($1::date + 1)::timestamp at time zone $2) as t`, [date, ctx.tenant.timeZone]));
    // Payments the bank reports that nobody told us about: recorded from the report (its own proof).
    const known = await this.d.uow.read(ctx, (tx) => tx.sql.rows<{ provider_txn_id: string }>(`select provider_txn_id from payment_events where channel = $1 and verified and kind = 'payment' and provider_txn_id = any($2)`, [channel, report.map((r) => r.providerTxnId)]));
    const knownSet = new Set(known.map((k) => k.provider_txn_id));
    const late = report.filter((r) => r.kind === 'payment' && !knownSet.has(r.providerTxnId));
    for (const r of late) await this.record(ctx, channel, r, 'settlement');
    return this.d.uow.write(ctx, async (tx) => {
      const ours = await tx.sql.rows<{ id: string; provider_txn_id: string; amount: string; order_id: string | null }>(
        `select id, provider_txn_id, amount, order_id from payment_events where channel = $1 and verified and kind = 'payment' and source <> 'settlement' and at >= $2 and at < $3`, [channel, from.f, from.t]);
      const reported = new Map(report.filter((r) => r.kind === 'payment').map((r) => [r.providerTxnId, r]));
      let matched = 0;
      const exceptions: { kind: string; ref: string; orderId: string | null; amount: number; detail: Record<string, unknown> }[] = [];
      for (const e of ours) {
        const r = reported.get(e.provider_txn_id);
        if (!r) exceptions.push({ kind: 'unmatched_bank', ref: e.provider_txn_id, orderId: e.order_id, amount: Number(e.amount), detail: { note: 'recorded here, not in the provider’s report' } });
        else if (r.amount !== Number(e.amount)) exceptions.push({ kind: 'amount_mismatch', ref: e.provider_txn_id, orderId: e.order_id, amount: r.amount, detail: { ours: Number(e.amount), theirs: r.amount } });
        else {
          matched++;
          if (e.order_id) await tx.sql.exec(`update payment_orders set reconciled_at = $2 where id = $1 and reconciled_at is null`, [e.order_id, ctx.now]);
        }
      }
      for (const r of late) exceptions.push({ kind: 'unmatched_platform', ref: r.providerTxnId, orderId: null, amount: r.amount, detail: { externalRef: r.externalRef, note: 'in the provider’s report, never notified here' } });
      for (const x of exceptions)
        await tx.sql.exec(
          `insert into payment_exceptions (tenant_id, id, channel, local_date, kind, ref, order_id, amount, detail, status, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,'open',$10) on conflict (tenant_id, channel, kind, ref) do nothing`,
          [ctx.tenant.id, newId(), channel, date, x.kind, x.ref, x.orderId, x.amount, JSON.stringify(x.detail), ctx.now],
        );
      const counts = { matched, unmatchedPlatform: exceptions.filter((x) => x.kind === 'unmatched_platform').length, unmatchedBank: exceptions.filter((x) => x.kind !== 'unmatched_platform').length };
      await tx.sql.exec(
        `insert into payment_reconciliations (tenant_id, id, channel, local_date, run_at, run_by, matched, unmatched_platform, unmatched_bank) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         on conflict (tenant_id, channel, local_date) do update set run_at = excluded.run_at, run_by = excluded.run_by, matched = excluded.matched, unmatched_platform = excluded.unmatched_platform, unmatched_bank = excluded.unmatched_bank`,
        [ctx.tenant.id, newId(), channel, date, ctx.now, ctx.identity?.username ?? 'system', counts.matched, counts.unmatchedPlatform, counts.unmatchedBank],
      );
      await recordAudit(tx, { actor: ctx.identity?.username ?? 'system', action: 'payment.reconciled', subject: `payment-channel:${channel}`, data: { date, ...counts } });
      return { channel, date, reported: report.length, ...counts };
    });
  }

  async exceptions(ctx: TenantUserCtx, status: 'open' | 'resolved' = 'open') {
    const rows = await this.d.uow.read(ctx, (tx) => tx.sql.rows<any>(`select * from payment_exceptions where status = $1 order by created_at, id limit 500`, [status]));
    return { items: rows.map((r) => this.exceptionView(r)) };
  }

  private exceptionView(r: any) {
    return { id: r.id, channel: r.channel, date: r.local_date instanceof Date ? r.local_date.toISOString().slice(0, 10) : String(r.local_date), kind: r.kind, ref: r.ref, orderId: r.order_id, amount: r.amount === null ? null : Number(r.amount), detail: r.detail, status: r.status, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at?.toISOString() ?? null, note: r.note };
  }

  async resolve(ctx: TenantUserCtx, id: string, note: string) {
    return this.d.uow.write(ctx, async (tx) => {
      const n = await tx.sql.exec(`update payment_exceptions set status = 'resolved', resolved_by = $2, resolved_at = $3, note = $4 where id = $1 and status = 'open'`, [id, ctx.identity.username, ctx.now, note]);
      const r = await tx.sql.maybe<any>(`select * from payment_exceptions where id = $1`, [id]);
      if (!r) throw exceptionNotFound();
      if (n) await recordAudit(tx, { actor: ctx.identity.username, action: 'payment.exception.resolved', subject: `payment-exception:${id}`, data: { note } });
      return this.exceptionView(r);
    });
  }

  // ---- the citizen's and the officer's view --------------------------------------------------------

  async view(ctx: TenantUserCtx, appId: string) {
    visibleTo(ctx.identity, ctx.tenant, await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, appId)));
    return this.d.uow.read(ctx, (tx) => this.viewIn(tx.sql, ctx, appId));
  }

  private async viewIn(sql: Sql, _ctx: TenantCtx, appId: string) {
    const all = await sql.rows<AssessmentRow>(`select * from payment_assessments where application_id = $1 order by assessed_at, id`, [appId]);
    const cur = await this.current(sql, appId);
    const orders = await sql.rows<OrderRow>(`select * from payment_orders where application_id = $1 order by created_at, id`, [appId]);
    const a = (r: AssessmentRow) => ({
      id: r.id, revenueType: r.revenue_type, legalBasis: r.legal_basis, lines: r.lines, total: Number(r.total), free: Number(r.total) === 0, assessedBy: r.assessed_by, assessedAt: r.assessed_at.toISOString(), supersedes: r.supersedes, reason: r.reason,
    });
    const o = (r: OrderRow) => ({
      id: r.id, channel: r.channel, reference: r.external_ref, amount: Number(r.amount), expiresAt: r.expires_at?.toISOString() ?? null, status: r.status, reissueOf: r.reissue_of, createdAt: r.created_at.toISOString(), paidAt: r.paid_at?.toISOString() ?? null,
      proof: r.proof ?? null, reconciled: r.reconciled_at !== null, how: HOW[r.channel], qrContent: r.status === 'issued' ? r.qr_content : null,
    });
    const active = cur ? orders.find((x) => x.assessment_id === cur.id && (x.status === 'issued' || x.status === 'paid')) : undefined;
    return {
      assessment: cur ? a(cur) : null,
      history: all.filter((x) => x.id !== cur?.id).map(a),
      order: active ? o(active) : null,
      orders: orders.map(o),
      paid: active?.status === 'paid',
      due: cur && Number(cur.total) > 0 && active?.status !== 'paid' ? { amount: Number(cur.total), until: active?.expires_at?.toISOString() ?? null, reference: active?.external_ref ?? null } : null,
    };
  }

  // ---- jobs --------------------------------------------------------------------------------------

  jobs(): JobSpec[] {
    return [
      {
        name: EXPIRE_JOB,
        cron: '*/10 * * * *',
        run: async (job, { region }) => {
          let reissued = 0;
          for (const tenant of await this.d.tenants.list({ region })) reissued += await this.expireAndReissue(workContext({ clock: job.clock, log: job.log, route: EXPIRE_JOB, tenant }));
          return { reissued };
        },
        forTenant: (ctx) => this.expireAndReissue(ctx),
      },
      {
        // 01:00 WIB: yesterday's settlement of every enabled bank channel of every tenant.
        name: RECONCILE_JOB,
        cron: '0 18 * * *',
        run: async (job, { region }) => {
          let runs = 0;
          for (const tenant of await this.d.tenants.list({ region })) runs += await this.reconcileTenant(workContext({ clock: job.clock, log: job.log, route: RECONCILE_JOB, tenant }));
          return { runs };
        },
        forTenant: (ctx) => this.reconcileTenant(ctx),
      },
    ];
  }

  private async reconcileTenant(ctx: TenantUserCtx): Promise<number> {
    if (ctx.tenant.sandbox) return 0;
    const yesterday = plusDays(localDate(ctx.now, ctx.tenant.timeZone), -1);
    const chans = await this.d.uow.read(ctx, (tx) => tx.sql.rows<{ channel: PaymentChannelCode }>(`select channel from payment_channels where enabled and channel <> 'counter_cash'`));
    let n = 0;
    for (const c of chans) {
      try {
        await this.reconcile(ctx, c.channel, yesterday);
        n++;
      } catch (err) {
        ctx.log.warn({ channel: c.channel, code: (err as { code?: string }).code }, 'reconciliation not run');
      }
    }
    return n;
  }
}

/** Whether the application's payment step may move: no assessment (the officer confirms by hand, as before), nothing to pay, or a paid order. */
export async function paymentProven(sql: Sql, appId: string): Promise<boolean> {
  const r = await sql.maybe<{ total: string; paid: boolean }>(
    `select a.total, exists (select 1 from payment_orders o where o.assessment_id = a.id and o.status = 'paid') as paid
       from payment_assessments a where a.application_id = $1 and not exists (select 1 from payment_assessments s where s.supersedes = a.id)`,
    [appId],
  );
  return !r || Number(r.total) === 0 || r.paid;
}
