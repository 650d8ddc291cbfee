import { createHmac, randomBytes } from 'node:crypto';
import { isUuid, localDate, localDateTime, newId, type SatupintuConfig, type Tenant } from '@satupintu/core';
import { recordAudit, type EventBus, type Sql, type TenantTx, type UnitOfWork } from '@satupintu/db';
import type { DomainEvents } from '../../kernel.js';
import {
  answerWhatsAppChallenge,
  ChannelError,
  isValidSenderId,
  maskPhone,
  normalizeIndonesianPhone,
  parseSmsReport,
  parseWhatsAppWebhook,
  smsSegments,
  verifySmsReport,
  verifyWhatsAppSignature,
  type Channel,
  type DeliveryReport,
  type NotificationStatus,
  type SendAccepted,
} from '@satupintu/connectors';
import { workContext, type TenantCtx, type TenantUserCtx } from '../../context.js';
import type { JobCtx, JobSender } from '../../jobs/spec.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import type { DataKeyring } from '../../secrets.js';
import type { PluginRegistry } from '../plugins/index.js';
import type { InstallationService } from '../installations/index.js';
import type { TenantService } from '../tenants/index.js';
import type { Providers } from './channels.js';
import { addressInvalid, callbackNotConfigured, callbackSignatureInvalid, contactNotFound, notificationNotFound, senderIdInvalid, senderSecretMissing } from './errors.js';
import { plan, type Lookups } from './personalise.js';
import {
  consentQueries,
  contactQueries,
  notificationQueries,
  outboxQueries,
  senderQueries,
  windowQueries,
  type ConsentMethod,
  type ContactChannel,
  type ContactRow,
  type NotificationRow,
  type Relation,
  type SenderRow,
} from './queries.js';
import {
  afterQuietHours,
  backoffMs,
  billableUnits,
  costOf,
  deriveStatus,
  FALLS_BACK,
  FINAL,
  MAX_ATTEMPTS,
  nextChannel,
  nextLocalMorning,
  SEND_LEASE_MS,
  WHATSAPP_WINDOW_MS,
  type PriceRule,
  type QuietHours,
} from './routing.js';
import { coreTemplate, render, whatsappParams, type Lang, type NotificationTemplate } from './templates.js';

export const DISPATCH_JOB = 'notifications.dispatch';
export const SEND_JOB = 'notifications.send';
export const SWEEP_JOB = 'notifications.sweep';

/** A person a message can be for: `citizen:<sub>` (has an account), `application:<id>` (filed at a counter, no account), `staff:<email>`. */
export type Person = string;

export interface NotificationDeps {
  uow: UnitOfWork;
  /** A message that reached no channel is announced in the same unit of work (`notification.failed`: signed events). */
  events?: EventBus<DomainEvents>;
  jobs: JobSender;
  registry: PluginRegistry;
  installations: InstallationService;
  tenants: TenantService;
  keyring: () => DataKeyring;
  config: SatupintuConfig;
  providers: Providers;
}

export interface NotificationOptions {
  /** How long a claimed send is leased before the sweep looks at it again (default 2 min). */
  leaseMs?: number;
  /** Scales retry waits (tests: 0.001). */
  backoffScale?: number;
}

/** What a sender's settings look like to the regency admin: secrets never, only whether each is set. */
export interface SenderSettingsView {
  displayName: string;
  whatsapp: { phoneNumberId: string; wabaId: string; language: string; accessTokenSet: boolean; appSecretSet: boolean; verifyTokenSet: boolean; callbackUrl: string } | null;
  sms: { senderId: string; callbackUrl: string } | null;
  email: { replyTo: string | null } | null;
  staff: Record<string, string[]>;
  quietHours: QuietHours | null;
  dailyCaps: Partial<Record<ContactChannel, number>>;
  prices: PriceRule[];
  /** What the platform itself offers: a channel whose provider is not configured stays off whatever the regency sets. */
  providers: { whatsapp: boolean; sms: boolean; email: boolean };
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface SenderSettingsInput {
  displayName: string;
  whatsapp?: { phoneNumberId: string; wabaId: string; language?: string; accessToken?: string; appSecret?: string; verifyToken?: string } | null;
  sms?: { senderId: string } | null;
  email?: { replyTo?: string } | null;
  staff?: Record<string, string[]>;
  quietHours?: QuietHours | null;
  dailyCaps?: Partial<Record<ContactChannel, number>>;
  prices?: PriceRule[];
}

export interface ContactView {
  channel: ContactChannel;
  address: string;
  label: string | null;
  relation: Relation;
  lang: Lang;
  consent: { granted: boolean; method: ConsentMethod; at: string; statement: string } | null;
  /** Other people whose messages go to this same number or address (a relative's phone, the village operator's). */
  sharedWith: number;
  /** Shared by several unrelated people: the officer should check who reads it. */
  flagged: boolean;
}

export interface ContactInput {
  address: string;
  label?: string;
  relation?: Relation;
  lang?: Lang;
  /** true: opt in (the statement shown is what is agreed); false: opt out (the contact is kept for the record of where messages went). */
  consent: boolean;
  /** Counter and paper consent: how it was given (web for the person's own account). */
  method?: ConsentMethod;
}

export interface MessageView {
  id: string;
  event: string;
  channel: Channel;
  to: string | null;
  status: NotificationStatus;
  text: string;
  applicationId: string | null;
  /** The message on another channel this one replaces (its permanent or technical failure handed it on). */
  fallbackFrom: string | null;
  createdAt: string;
  updatedAt: string;
  /** The status log, as recorded (provider reports may arrive out of order; `status` is what they add up to). */
  history: { status: NotificationStatus; at: string; source: string; code: string | null }[];
}

export interface UsageView {
  from: string;
  to: string;
  rows: { channel: Channel; category: string; messages: number; sent: number; delivered: number; read: number; failed: number; units: number; cost: number }[];
  total: { messages: number; cost: number; currency: 'IDR' };
}

/** Consent statements, exactly as shown and recorded (the WhatsApp opt-in must name the channel and the business). */
export function consentStatement(channel: ContactChannel, sender: string, lang: Lang): string {
  const what = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'email' }[channel];
  return lang === 'id'
    ? `Saya setuju menerima pesan ${what} dari ${sender} tentang permohonan, jadwal, antrean dan pengaduan saya. Saya dapat berhenti kapan saja.`
    : `I agree to receive ${what} messages from ${sender} about my applications, appointments, queue and complaints. I can stop at any time.`;
}

const SHARED_FLAG_AT = 2;
const sealContext = (tenantId: string, name: string) => `notification-sender:${tenantId}:${name}`;

/**
 * The notification service (GOV.UK Notify's model, ADR 0027). A change writes an outbox row in
 * its own unit of work; the dispatcher (a worker job, woken after the commit) turns it into one
 * message per person on the first channel they can be reached on (WhatsApp → SMS → email, each
 * with its consent; the web app's inbox when none); the send job claims one attempt under a lease,
 * calls the provider outside any transaction, and records what came back. Statuses are an
 * append-only event log; the current status is derived from it (routing.ts), so provider reports
 * arriving out of order cannot move a message backwards. A permanent or technical failure hands
 * the message to the next channel; one message per event per person per channel (a unique key).
 */
export class NotificationService {
  private baseUrl = '';
  private readonly leaseMs: number;
  private readonly backoffScale: number;
  private tenantCache = new Map<string, { tenant: Tenant; at: number }>();

  constructor(
    private readonly d: NotificationDeps,
    opts: NotificationOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? (d.config.notifications.leaseSeconds ? d.config.notifications.leaseSeconds * 1000 : SEND_LEASE_MS);
    this.backoffScale = opts.backoffScale ?? 1;
    this.baseUrl = d.config.publicUrl ?? '';
  }

  /** Test knobs: a shorter lease and retry waits. */
  tune(opts: NotificationOptions): void {
    Object.assign(this, { ...(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {}), ...(opts.backoffScale !== undefined ? { backoffScale: opts.backoffScale } : {}) });
  }

  /** The origin links in messages start with (PUBLIC_URL; the server's own address when unset, in development). */
  setBaseUrl(url: string): void {
    if (!this.d.config.publicUrl) this.baseUrl = url;
  }

  /** The digest an address is compared by (shared numbers, consent, windows) without being stored twice in clear. */
  digest(address: string): string {
    return createHmac('sha256', this.d.keyring().current.key).update(`notification-address\0${address.toLowerCase()}`).digest('base64url');
  }

  // ---------------------------------------------------------------------------------------------
  // Dispatch: outbox → notifications

  private async tenantById(region: string, id: string): Promise<Tenant | undefined> {
    const hit = this.tenantCache.get(id);
    if (hit && Date.now() - hit.at < 60_000) return hit.tenant;
    for (const t of await this.d.tenants.list({ region })) this.tenantCache.set(t.id, { tenant: t, at: Date.now() });
    return this.tenantCache.get(id)?.tenant;
  }

  private lookups(ctx: TenantCtx): Lookups {
    return {
      tenant: ctx.tenant,
      base: this.baseUrl,
      service: async (ref) => {
        let version = ref.version;
        if (!version) version = (await this.d.installations.list(ctx).catch(() => [])).find((i) => i.plugin === ref.plugin)?.version;
        if (!version) return undefined;
        const s = await this.d.registry.service(ref.plugin, version, ref.service).catch(() => undefined);
        return s && { name: s.service.name, states: s.service.sop.states };
      },
    };
  }

  /** Which channels can carry a message to a person now: a contact, its consent (for this very address), the regency's sender and the platform's provider. */
  private async reachable(sql: Sql, person: Person, senders: SenderRow | undefined): Promise<Map<ContactChannel, ContactRow>> {
    const out = new Map<ContactChannel, ContactRow>();
    if (person.startsWith('staff:')) {
      if (this.d.providers.email) out.set('email', { id: '', person, channel: 'email', address: person.slice('staff:'.length), address_digest: '', label: null, relation: 'self', lang: 'id', created_at: new Date(0) });
      return out;
    }
    const contacts = await contactQueries.ofPerson(sql, person);
    const consents = new Map((await consentQueries.current(sql, person)).map((c) => [c.channel, c]));
    for (const c of contacts) {
      const consent = consents.get(c.channel);
      if (!consent?.granted || consent.address_digest !== c.address_digest) continue;
      if (this.channelOn(c.channel, senders)) out.set(c.channel, c);
    }
    return out;
  }

  private channelOn(channel: ContactChannel, senders: SenderRow | undefined): boolean {
    if (channel === 'whatsapp') return Boolean(senders?.whatsapp);
    if (channel === 'sms') return Boolean(senders?.sms && this.d.providers.sms);
    return Boolean(this.d.providers.email);
  }

  private bodyFor(t: NotificationTemplate, channel: Channel, lang: Lang, values: Record<string, string>, senders: SenderRow | undefined, tenant: Tenant): string {
    const text = render(t, t.text[lang], values);
    // An SMS names the regency first (operators block unbranded messages); other channels show the sender.
    return channel === 'sms' ? `${senders?.display_name ?? `MPP ${tenant.name}`}: ${text}` : text;
  }

  /** Turns the tenant's pending outbox rows into notifications (one unit of work per batch) and queues their sends. */
  async dispatch(ctx: TenantCtx, batch = 100): Promise<{ outbox: number; notifications: number }> {
    let outbox = 0;
    let notifications = 0;
    const lookups = this.lookups(ctx);
    for (;;) {
      const created: { id: string; at: Date | null }[] = [];
      const n = await this.d.uow.write(ctx, async (tx) => {
        const rows = await outboxQueries.pending(tx.sql, batch);
        const senders = rows.length ? await senderQueries.load(tx.sql) : undefined;
        for (const row of rows) {
          const planned = await plan(row.kind, row.payload, row.id, lookups);
          if (planned) {
            const persons = await this.persons(planned.to, senders);
            for (const person of persons) {
              const made = await this.create(tx, ctx, { ...planned, outboxId: row.id, person }, senders, undefined);
              if (made) created.push(made);
            }
          }
          await outboxQueries.done(tx.sql, row.id, ctx.now);
        }
        tx.afterCommit(() => this.enqueue(ctx.tenant, created));
        return rows.length;
      });
      outbox += n;
      notifications += created.length;
      if (n < batch) break;
    }
    return { outbox, notifications };
  }

  private async persons(to: string[], senders: SenderRow | undefined): Promise<Person[]> {
    const out = new Set<Person>();
    for (const r of to) {
      if (r.startsWith('citizen:') || r.startsWith('application:')) out.add(r);
      else if (r === 'tenant-admin' || r.startsWith('officer:')) for (const a of senders?.staff[r] ?? []) out.add(`staff:${a}`);
    }
    return [...out];
  }

  /** Writes one notification on the person's first reachable channel after `after` (the inbox when none and the person has an account). */
  private async create(
    tx: TenantTx,
    ctx: TenantCtx,
    m: { template: NotificationTemplate; dedupeKey: string; outboxId: string; person: Person; applicationId: string | null; values: Record<Lang, Record<string, string>> },
    senders: SenderRow | undefined,
    after: { channel: Channel; id: string } | undefined,
  ): Promise<{ id: string; at: Date | null } | undefined> {
    const staff = m.person.startsWith('staff:');
    if (staff !== (m.template.audience === 'staff')) return undefined;
    // A sandbox tenant never reaches a real channel (ADR 0031): its citizens' messages stay in the in-app inbox.
    const reach = ctx.tenant.sandbox ? new Map<ContactChannel, ContactRow>() : await this.reachable(tx.sql, m.person, senders);
    const channel: Channel | undefined = nextChannel(new Set(reach.keys()), after?.channel) ?? (m.person.startsWith('citizen:') ? 'inbox' : undefined);
    if (!channel) return undefined;
    const contact = channel === 'inbox' ? undefined : reach.get(channel);
    const lang: Lang = contact?.lang ?? 'id';
    const values = m.values[lang];
    const id = newId();
    const notBefore = m.template.urgent || channel === 'inbox' ? null : afterQuietHours(ctx.now, ctx.tenant.timeZone, (senders ? senders.quiet_hours : DEFAULT_QUIET));
    const inserted = await notificationQueries.insert(tx.sql, {
      tenant_id: ctx.tenant.id,
      id,
      outbox_id: m.outboxId,
      dedupe_key: m.dedupeKey,
      event: m.template.event,
      template_version: m.template.version,
      person: m.person,
      application_id: m.applicationId,
      channel,
      address: contact?.address ?? null,
      address_digest: contact ? contact.address_digest || this.digest(contact.address) : null,
      category: m.template.category,
      urgent: m.template.urgent,
      lang,
      personalisation: values,
      body: this.bodyFor(m.template, channel, lang, values, senders, ctx.tenant),
      status: channel === 'inbox' ? 'delivered' : 'created',
      not_before: notBefore && notBefore.getTime() > ctx.now.getTime() ? notBefore : null,
      fallback_from: after?.id ?? null,
      created_at: ctx.now,
    });
    if (!inserted) return undefined;
    await this.record(tx, id, 'created', ctx.now, { source: 'service', detail: after ? `fallback from ${after.channel}` : null });
    if (channel === 'inbox') {
      await this.record(tx, id, 'delivered', ctx.now, { source: 'service', detail: 'inbox' });
      return undefined;
    }
    return { id, at: notBefore && notBefore.getTime() > ctx.now.getTime() ? notBefore : null };
  }

  private async record(tx: Pick<TenantTx, 'sql' | 'tenantId'>, notificationId: string, status: NotificationStatus, at: Date, e: { source: 'service' | 'worker' | 'provider'; attempt?: number | null; code?: string | null; detail?: string | null; recordedAt?: Date }): Promise<boolean> {
    return notificationQueries.event(tx.sql, {
      tenantId: tx.tenantId, id: newId(), notificationId, status, at, recordedAt: e.recordedAt ?? at, attempt: e.attempt ?? null, source: e.source, providerCode: e.code ?? null, detail: e.detail ?? null,
    });
  }

  /** Recomputes a notification's status from its whole log; returns it (and what it was). */
  private async settle(tx: Pick<TenantTx, 'sql'>, n: Pick<NotificationRow, 'id' | 'status'>, at: Date): Promise<NotificationStatus> {
    const status = deriveStatus(await notificationQueries.events(tx.sql, [n.id]));
    if (status !== n.status) await notificationQueries.update(tx.sql, n.id, { status }, at);
    return status;
  }

  private async enqueue(tenant: Tenant, items: { id: string; at: Date | null }[]): Promise<void> {
    for (const i of items)
      await this.d.jobs.send(tenant.homeRegion, SEND_JOB, { tenantId: tenant.id, notificationId: i.id }, { singletonKey: `${i.id}:${i.at?.getTime() ?? 0}`, ...(i.at ? { startAfter: i.at } : {}) });
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  /** One send attempt of one notification (the `notifications.send` job). */
  async send(ctx: TenantCtx, id: string): Promise<'sent' | 'retry' | 'failed' | 'skipped' | 'later'> {
    type Claim =
      | { kind: 'skip' }
      | { kind: 'later'; at: Date }
      | { kind: 'send'; n: NotificationRow; attempt: number; senders: SenderRow | undefined; insideWindow: boolean };
    const claim = await this.d.uow.write(ctx, async (tx): Promise<Claim> => {
      const n = await notificationQueries.load(tx.sql, id, true);
      if (!n || n.channel === 'inbox' || FINAL.has(n.status)) return { kind: 'skip' };
      // Never a provider for a sandbox tenant (ADR 0031), whatever was queued.
      if (ctx.tenant.sandbox) {
        await this.fail(tx, ctx, n, 'permanent-failure', { detail: 'sandbox tenant: no outside channel / tenant sandbox: tanpa saluran luar' }, undefined);
        return { kind: 'skip' };
      }
      if (n.status === 'sending' && n.next_attempt_at && n.next_attempt_at > ctx.now) return { kind: 'skip' };
      if (n.not_before && n.not_before > ctx.now) return { kind: 'later', at: n.not_before };
      if (n.next_attempt_at && n.next_attempt_at > ctx.now && n.status === 'temporary-failure') return { kind: 'later', at: n.next_attempt_at };
      const senders = await senderQueries.load(tx.sql);
      if (!n.person.startsWith('staff:')) {
        // Consent is checked again at the moment of sending: a withdrawal stops what is queued.
        const consent = (await consentQueries.current(tx.sql, n.person)).find((c) => c.channel === n.channel);
        if (!consent?.granted || consent.address_digest !== n.address_digest) {
          await this.fail(tx, ctx, n, 'permanent-failure', { detail: 'consent withdrawn / persetujuan dicabut' }, senders);
          return { kind: 'skip' };
        }
      }
      if (!this.channelOn(n.channel as ContactChannel, senders)) {
        await this.fail(tx, ctx, n, 'technical-failure', { detail: 'channel switched off / saluran dinonaktifkan' }, senders);
        return { kind: 'skip' };
      }
      const cap = senders?.daily_caps[n.channel as ContactChannel];
      if (cap !== undefined && !n.urgent) {
        const dayStart = localDateTime(localDate(ctx.now, ctx.tenant.timeZone), '00:00', ctx.tenant.timeZone);
        if ((await notificationQueries.sentSince(tx.sql, n.channel, dayStart)) >= cap) {
          const at = nextLocalMorning(ctx.now, ctx.tenant.timeZone, (senders ? senders.quiet_hours : DEFAULT_QUIET));
          await notificationQueries.update(tx.sql, n.id, { not_before: at }, ctx.now);
          await this.record(tx, n.id, 'temporary-failure', ctx.now, { source: 'worker', detail: `daily cap ${cap} reached / batas harian tercapai` });
          await this.settle(tx, n, ctx.now);
          return { kind: 'later', at };
        }
      }
      const attempt = n.attempts + 1;
      await notificationQueries.update(tx.sql, n.id, { attempts: attempt, status: 'sending', next_attempt_at: new Date(ctx.now.getTime() + this.leaseMs) }, ctx.now);
      await this.record(tx, n.id, 'sending', ctx.now, { source: 'worker', attempt });
      let insideWindow = false;
      if (n.channel === 'whatsapp' && n.address_digest) {
        const last = await windowQueries.lastInbound(tx.sql, n.address_digest);
        insideWindow = Boolean(last && ctx.now.getTime() - last.getTime() < WHATSAPP_WINDOW_MS);
      }
      return { kind: 'send', n: { ...n, attempts: attempt }, attempt, senders, insideWindow };
    });
    if (claim.kind === 'skip') return 'skipped';
    if (claim.kind === 'later') {
      await this.enqueue(ctx.tenant, [{ id, at: claim.at }]);
      return 'later';
    }
    const { n, attempt, senders, insideWindow } = claim;
    // The provider is called outside any transaction (no row is locked while we wait on the network).
    let accepted: SendAccepted | undefined;
    let failure: ChannelError | undefined;
    let units = 1;
    try {
      const out = await this.callProvider(ctx, n, senders, insideWindow);
      accepted = out.accepted;
      units = out.units;
    } catch (e) {
      failure = e instanceof ChannelError ? e : new ChannelError('technical', e instanceof Error ? e.message : String(e));
    }
    const outcome = await this.d.uow.write(ctx, async (tx) => {
      const cur = await notificationQueries.load(tx.sql, id, true);
      if (!cur) return 'skipped' as const;
      if (accepted) {
        const cost = costOf(senders?.prices ?? [], { channel: n.channel, category: n.category, units: billableUnits(n.channel, units), insideWindow });
        await notificationQueries.update(tx.sql, id, { provider_id: cur.provider_id ?? accepted.providerId, billable_units: billableUnits(n.channel, units), cost: String(cost), next_attempt_at: null }, ctx.now);
        await this.record(tx, id, 'sent', ctx.now, { source: 'worker', attempt, detail: insideWindow ? 'free-form inside the 24-hour window' : null });
        await this.settle(tx, cur, ctx.now);
        return 'sent' as const;
      }
      const f = failure!;
      if (f.kind === 'temporary' || f.kind === 'throttled') {
        if (attempt >= MAX_ATTEMPTS) {
          await this.fail(tx, ctx, cur, 'technical-failure', { attempt, code: f.providerCode ?? null, detail: `gave up after ${attempt} attempts: ${f.message}` }, senders);
          return 'failed' as const;
        }
        // An ambiguous WhatsApp failure (a timeout) may have been delivered: wait long enough for Meta's status report before sending the same reference again.
        const floor = n.channel === 'whatsapp' && f.kind === 'temporary' ? Math.min(30_000, this.leaseMs) : 0;
        const wait = Math.max(Math.round(backoffMs(attempt, f.retryAfterMs ?? 0) * this.backoffScale), f.retryAfterMs ?? 0, floor);
        const at = new Date(ctx.now.getTime() + wait);
        await notificationQueries.update(tx.sql, id, { next_attempt_at: at }, ctx.now);
        await this.record(tx, id, 'temporary-failure', ctx.now, { source: 'worker', attempt, code: f.providerCode ?? null, detail: f.message });
        await this.settle(tx, cur, ctx.now);
        tx.afterCommit(() => this.enqueue(ctx.tenant, [{ id, at }]));
        return 'retry' as const;
      }
      await this.fail(tx, ctx, cur, f.kind === 'permanent' ? 'permanent-failure' : 'technical-failure', { attempt, code: f.providerCode ?? null, detail: f.message }, senders);
      return 'failed' as const;
    });
    if (outcome === 'failed' || failure) ctx.log.info({ notification: id, channel: n.channel, outcome, kind: failure?.kind, code: failure?.providerCode }, 'notification send failed');
    return outcome;
  }

  private async callProvider(ctx: TenantCtx, n: NotificationRow, senders: SenderRow | undefined, insideWindow: boolean): Promise<{ accepted: SendAccepted; units: number }> {
    const p = this.d.providers;
    const template = coreTemplate(n.event);
    if (!template) throw new ChannelError('technical', `no template ${n.event}`);
    if (n.channel === 'whatsapp') {
      const w = senders?.whatsapp;
      if (!w) throw new ChannelError('technical', 'WhatsApp sender not configured');
      const ring = this.d.keyring();
      const accessToken = ring.open(w.accessToken, sealContext(ctx.tenant.id, 'accessToken'));
      const content = insideWindow
        ? { kind: 'text' as const, body: n.body }
        : { kind: 'template' as const, name: template.whatsapp!.name, language: n.lang === 'en' ? 'en' : (w.language ?? 'id'), bodyParams: whatsappParams(template, n.personalisation) };
      return { accepted: await p.whatsapp.send({ phoneNumberId: w.phoneNumberId, accessToken }, { to: n.address!, reference: n.id, content }), units: 1 };
    }
    if (n.channel === 'sms') {
      if (!p.sms || !senders?.sms) throw new ChannelError('technical', 'SMS not configured');
      const accepted = await p.sms.client.send({ from: senders.sms.senderId, to: n.address!, text: n.body, reference: n.id, callbackUrl: this.callbackUrl(ctx.tenant, 'sms') });
      return { accepted, units: smsSegments(n.body).segments };
    }
    if (n.channel === 'email') {
      if (!p.email) throw new ChannelError('technical', 'email not configured');
      const subject = render(template, template.subject[n.lang], n.personalisation);
      const accepted = await p.email.client.send({
        fromName: senders?.display_name ?? `MPP ${ctx.tenant.name}`, to: n.address!, subject, text: n.body, reference: n.id, ...(senders?.email?.replyTo ? { replyTo: senders.email.replyTo } : {}),
      });
      return { accepted, units: 1 };
    }
    throw new ChannelError('technical', `channel ${n.channel} does not send`);
  }

  /** Records a final failure and hands the message to the person's next channel. */
  private async fail(tx: TenantTx, ctx: TenantCtx, n: NotificationRow, status: 'permanent-failure' | 'technical-failure', e: { attempt?: number; code?: string | null; detail?: string | null }, senders: SenderRow | undefined): Promise<void> {
    await notificationQueries.update(tx.sql, n.id, { next_attempt_at: null }, ctx.now);
    await this.record(tx, n.id, status, ctx.now, { source: 'worker', attempt: e.attempt ?? null, code: e.code ?? null, detail: e.detail ?? null });
    const now = await this.settle(tx, n, ctx.now);
    if (FALLS_BACK.has(now)) await this.fallBack(tx, ctx, n, senders);
  }

  private async fallBack(tx: TenantTx, ctx: TenantCtx, n: NotificationRow, senders: SenderRow | undefined): Promise<void> {
    const template = coreTemplate(n.event);
    if (!template) return;
    // The other language's values are not kept: the fallback speaks the language the message was written in.
    const values = { id: n.personalisation, en: n.personalisation };
    const made = await this.create(tx, ctx, { template, dedupeKey: n.dedupe_key, outboxId: n.outbox_id, person: n.person, applicationId: n.application_id, values }, senders, { channel: n.channel, id: n.id });
    if (made) tx.afterCommit(() => this.enqueue(ctx.tenant, [made]));
    else await this.failedEverywhere(tx, ctx, n);
  }

  /** No channel is left for a message (at most the web inbox keeps it): the regency's systems hear of it. */
  private async failedEverywhere(tx: TenantTx, ctx: TenantCtx, n: NotificationRow): Promise<void> {
    const last = deriveStatus(await notificationQueries.events(tx.sql, [n.id]));
    await this.d.events?.emit(tx, 'notification.failed', { tenant: ctx.tenant.slug, notification: n.id, event: n.event, channel: n.channel, reason: last });
  }

  /** Every minute: pending outbox rows dispatched, due and stuck notifications queued again (a lost job, a process that died mid-send). */
  async sweep(ctx: TenantCtx): Promise<{ dispatched: number; queued: number }> {
    const { notifications } = await this.dispatch(ctx);
    const due = await this.d.uow.read(ctx, (tx) => notificationQueries.due(tx.sql, ctx.now, 500));
    await this.enqueue(ctx.tenant, due.map((d) => ({ id: d.id, at: null })));
    return { dispatched: notifications, queued: due.length };
  }

  // ---------------------------------------------------------------------------------------------
  // Provider reports

  callbackUrl(tenant: Tenant, channel: 'whatsapp' | 'sms'): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/api/v1/tenants/${tenant.slug}/notification-callbacks/${channel}`;
  }

  /** Meta's GET handshake: the challenge echoed when the verify token matches the regency's. */
  async whatsappChallenge(ctx: TenantCtx, query: Record<string, unknown>): Promise<string> {
    const senders = await this.d.uow.read(ctx, (tx) => senderQueries.load(tx.sql));
    if (!senders?.whatsapp) throw callbackNotConfigured();
    const challenge = answerWhatsAppChallenge(query, this.d.keyring().open(senders.whatsapp.verifyToken, sealContext(ctx.tenant.id, 'verifyToken')));
    if (challenge === undefined) throw callbackSignatureInvalid();
    return challenge;
  }

  /** A signed WhatsApp webhook: status reports and inbound messages (which open the 24-hour window). */
  async whatsappWebhook(ctx: TenantCtx, raw: Buffer, signature: string | undefined): Promise<{ reports: number; inbound: number }> {
    const senders = await this.d.uow.read(ctx, (tx) => senderQueries.load(tx.sql));
    if (!senders?.whatsapp) throw callbackNotConfigured();
    if (!verifyWhatsAppSignature(raw, signature, this.d.keyring().open(senders.whatsapp.appSecret, sealContext(ctx.tenant.id, 'appSecret')))) throw callbackSignatureInvalid();
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw callbackSignatureInvalid();
    }
    const parsed = parseWhatsAppWebhook(body);
    // Reports for another number (a shared Meta app) are not this regency's.
    if (parsed.phoneNumberIds.length && !parsed.phoneNumberIds.includes(senders.whatsapp.phoneNumberId)) return { reports: 0, inbound: 0 };
    return this.ingest(ctx, 'whatsapp', parsed.reports, parsed.inbound.map((m) => ({ from: m.from, at: m.at })));
  }

  /** A signed SMS delivery report from the aggregator. */
  async smsReport(ctx: TenantCtx, raw: Buffer, signature: string | undefined): Promise<{ reports: number }> {
    const sms = this.d.providers.sms;
    if (!sms) throw callbackNotConfigured();
    if (!verifySmsReport(raw, signature, sms.callbackSecret)) throw callbackSignatureInvalid();
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw callbackSignatureInvalid();
    }
    const report = parseSmsReport(body);
    const { reports } = await this.ingest(ctx, 'sms', report ? [report] : [], []);
    return { reports };
  }

  private async ingest(ctx: TenantCtx, channel: Channel, reports: DeliveryReport[], inbound: { from: string; at: Date }[]): Promise<{ reports: number; inbound: number }> {
    let matched = 0;
    const queued: { id: string; at: Date | null }[] = [];
    await this.d.uow.write(ctx, async (tx) => {
      for (const m of inbound) await windowQueries.opened(tx.sql, ctx.tenant.id, this.digest(m.from), m.at);
      const senders = reports.length ? await senderQueries.load(tx.sql) : undefined;
      for (const r of reports) {
        const n = (r.reference && isUuid(r.reference) ? await notificationQueries.load(tx.sql, r.reference, true) : undefined) ?? (await notificationQueries.byProvider(tx.sql, channel, r.providerId, true));
        if (!n || n.channel !== channel) continue;
        matched++;
        if (!n.provider_id) await notificationQueries.update(tx.sql, n.id, { provider_id: r.providerId }, ctx.now);
        await this.record(tx, n.id, r.status, r.at, { source: 'provider', code: r.providerCode ?? null, detail: r.detail ?? null, recordedAt: ctx.now });
        const before = n.status;
        const now = await this.settle(tx, n, ctx.now);
        // A report proves the provider took the message: the lease of a send whose process died is void.
        if (n.next_attempt_at && ['sent', 'delivered', 'read'].includes(r.status)) await notificationQueries.update(tx.sql, n.id, { next_attempt_at: null }, ctx.now);
        const expired = r.status === 'temporary-failure' && before !== 'delivered' && before !== 'read' && now === 'sent';
        if ((FALLS_BACK.has(now) && !FALLS_BACK.has(before)) || expired) {
          const made = await this.fallBackCollect(tx, ctx, n, senders);
          if (made) queued.push(made);
        }
      }
      tx.afterCommit(() => this.enqueue(ctx.tenant, queued));
    });
    return { reports: matched, inbound: inbound.length };
  }

  private async fallBackCollect(tx: TenantTx, ctx: TenantCtx, n: NotificationRow, senders: SenderRow | undefined): Promise<{ id: string; at: Date | null } | undefined> {
    const template = coreTemplate(n.event);
    if (!template) return undefined;
    const values = { id: n.personalisation, en: n.personalisation };
    const made = await this.create(tx, ctx, { template, dedupeKey: n.dedupe_key, outboxId: n.outbox_id, person: n.person, applicationId: n.application_id, values }, senders, { channel: n.channel, id: n.id });
    if (!made) await this.failedEverywhere(tx, ctx, n);
    return made;
  }

  // ---------------------------------------------------------------------------------------------
  // Contacts and consent

  private normalise(channel: ContactChannel, address: string): string {
    if (channel === 'email') {
      const a = address.trim().toLowerCase();
      if (!/^[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>()]+$/.test(a) || a.length > 254) throw addressInvalid(channel);
      return a;
    }
    const phone = normalizeIndonesianPhone(address);
    if (!phone) throw addressInvalid(channel);
    return phone;
  }

  private async contactViews(sql: Sql, person: Person): Promise<ContactView[]> {
    const contacts = await contactQueries.ofPerson(sql, person);
    const consents = new Map((await consentQueries.current(sql, person)).map((c) => [c.channel, c]));
    const out: ContactView[] = [];
    for (const c of contacts) {
      const consent = consents.get(c.channel);
      const shared = await contactQueries.sharedBy(sql, c.address_digest, person);
      out.push({
        channel: c.channel,
        address: c.address,
        label: c.label,
        relation: c.relation,
        lang: c.lang,
        consent: consent && consent.address_digest === c.address_digest ? { granted: consent.granted, method: consent.method, at: consent.at.toISOString(), statement: consent.statement } : null,
        sharedWith: shared,
        flagged: shared >= SHARED_FLAG_AT || c.relation === 'village-operator',
      });
    }
    return out;
  }

  /** The caller's own channels in this tenant, with their consent and the statement each would agree to. */
  async myContacts(ctx: TenantUserCtx): Promise<{ contacts: ContactView[]; statements: Record<ContactChannel, { id: string; en: string }>; channels: Record<ContactChannel, boolean> }> {
    return this.d.uow.read(ctx, async (tx) => {
      const senders = await senderQueries.load(tx.sql);
      return { contacts: await this.contactViews(tx.sql, `citizen:${ctx.identity.subject}`), statements: this.statements(ctx.tenant, senders), channels: this.channels(senders) };
    });
  }

  private statements(tenant: Tenant, senders: SenderRow | undefined): Record<ContactChannel, { id: string; en: string }> {
    const name = senders?.display_name ?? `MPP ${tenant.name}`;
    const s = (c: ContactChannel) => ({ id: consentStatement(c, name, 'id'), en: consentStatement(c, name, 'en') });
    return { whatsapp: s('whatsapp'), sms: s('sms'), email: s('email') };
  }

  private channels(senders: SenderRow | undefined): Record<ContactChannel, boolean> {
    return { whatsapp: this.channelOn('whatsapp', senders), sms: this.channelOn('sms', senders), email: this.channelOn('email', senders) };
  }

  /**
   * Sets where a person is reached on a channel and records their consent in the ledger (who,
   * how, when, the exact statement; an officer's own id at the counter). A new address replaces
   * the old (the old one's consent no longer applies); `consent: false` records a withdrawal.
   */
  async setContact(ctx: TenantUserCtx, person: Person, channel: ContactChannel, input: ContactInput, recorder: { role: string; method: ConsentMethod }): Promise<ContactView> {
    const address = this.normalise(channel, input.address);
    const digest = this.digest(address);
    return this.d.uow.write(ctx, async (tx) => {
      const senders = await senderQueries.load(tx.sql);
      const current = (await contactQueries.ofPerson(tx.sql, person)).find((c) => c.channel === channel);
      const lang = input.lang ?? current?.lang ?? 'id';
      if (!current || current.address_digest !== digest || current.label !== (input.label ?? null) || current.relation !== (input.relation ?? 'self') || current.lang !== lang) {
        if (current) await contactQueries.remove(tx.sql, person, channel, ctx.now);
        await contactQueries.insert(tx.sql, {
          tenantId: ctx.tenant.id, id: newId(), person, channel, address, address_digest: digest, label: input.label ?? null, relation: input.relation ?? 'self', lang, created_at: ctx.now, createdBy: ctx.identity.subject,
        });
      }
      const consent = (await consentQueries.current(tx.sql, person)).find((c) => c.channel === channel);
      const same = consent && consent.address_digest === digest && consent.granted === input.consent;
      if (!same)
        await consentQueries.record(tx.sql, {
          tenantId: ctx.tenant.id, id: newId(), person, channel, digest, granted: input.consent, method: recorder.method,
          statement: input.consent ? consentStatement(channel, senders?.display_name ?? `MPP ${ctx.tenant.name}`, lang) : lang === 'id' ? 'Berhenti menerima pesan.' : 'Stop receiving messages.',
          by: ctx.identity.subject, role: recorder.role, at: ctx.now,
        });
      if (recorder.role !== 'citizen')
        await recordAudit(tx, { actor: ctx.identity.username || ctx.identity.subject, action: 'notification.consent.recorded', subject: person, data: { channel, granted: input.consent, method: recorder.method } });
      const views = await this.contactViews(tx.sql, person);
      return views.find((v) => v.channel === channel)!;
    });
  }

  /** Withdraws consent on a channel and forgets the address for new messages (the ledger keeps the history). */
  async removeContact(ctx: TenantUserCtx, person: Person, channel: ContactChannel, role: string): Promise<void> {
    await this.d.uow.write(ctx, async (tx) => {
      const current = (await contactQueries.ofPerson(tx.sql, person)).find((c) => c.channel === channel);
      if (!current) throw contactNotFound();
      await consentQueries.record(tx.sql, {
        tenantId: ctx.tenant.id, id: newId(), person, channel, digest: current.address_digest, granted: false, method: role === 'citizen' ? 'web' : 'counter',
        statement: 'Berhenti menerima pesan. / Stop receiving messages.', by: ctx.identity.subject, role, at: ctx.now,
      });
      await contactQueries.remove(tx.sql, person, channel, ctx.now);
    });
  }

  /** The contacts recorded for a person (the counter's view of an applicant without an account). */
  async contactsOf(ctx: TenantUserCtx, person: Person): Promise<ContactView[]> {
    return this.d.uow.read(ctx, (tx) => this.contactViews(tx.sql, person));
  }

  /** How many people's contacts already use a number (the officer sees it before recording one). */
  async addressCheck(ctx: TenantUserCtx, channel: ContactChannel, address: string): Promise<{ address: string; masked: string; sharedWith: number; flagged: boolean }> {
    const normal = this.normalise(channel, address);
    const shared = await this.d.uow.read(ctx, (tx) => contactQueries.sharedBy(tx.sql, this.digest(normal), ''));
    return { address: normal, masked: channel === 'email' ? normal : maskPhone(normal), sharedWith: shared, flagged: shared >= SHARED_FLAG_AT };
  }

  // ---------------------------------------------------------------------------------------------
  // History

  private async views(sql: Sql, rows: NotificationRow[], mask: boolean): Promise<MessageView[]> {
    const events = await notificationQueries.events(sql, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      event: r.event,
      channel: r.channel,
      to: r.address ? (mask ? (r.channel === 'email' ? r.address.replace(/^(.).*(@.*)$/, '$1***$2') : maskPhone(r.address)) : r.address) : null,
      status: r.status,
      text: r.body,
      applicationId: r.application_id,
      fallbackFrom: r.fallback_from,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      history: events.filter((e) => e.notification_id === r.id).map((e) => ({ status: e.status, at: e.at.toISOString(), source: e.source, code: e.provider_code })),
    }));
  }

  /** The caller's messages in this tenant, newest first (optionally of one application). */
  async mine(ctx: TenantUserCtx, query: { application?: string; limit?: number; cursor?: string }): Promise<PageOf<MessageView>> {
    const req = pageRequest<[string, string]>(query, 2);
    return this.d.uow.read(ctx, async (tx) => {
      const rows = await notificationQueries.ofPerson(tx.sql, [`citizen:${ctx.identity.subject}`], query.application, req.after, req.limit + 1);
      const views = await this.views(tx.sql, rows, false);
      return pageOf(views, req, (v) => [v.createdAt, v.id], (v) => v);
    });
  }

  /** The messages about one application (staff and the applicant see it once the application's own access check passed). */
  async ofApplication(ctx: TenantUserCtx, applicationId: string): Promise<MessageView[]> {
    return this.d.uow.read(ctx, async (tx) => this.views(tx.sql, await notificationQueries.ofApplication(tx.sql, applicationId), true));
  }

  /** The regency admin's list: addresses masked. */
  async list(ctx: TenantUserCtx, query: { status?: string; channel?: string; event?: string; limit?: number; cursor?: string }): Promise<PageOf<MessageView>> {
    const req = pageRequest<[string, string]>(query, 2);
    return this.d.uow.read(ctx, async (tx) => {
      const rows = await notificationQueries.list(tx.sql, query, req.after, req.limit + 1);
      return pageOf(await this.views(tx.sql, rows, true), req, (v) => [v.createdAt, v.id], (v) => v);
    });
  }

  async get(ctx: TenantUserCtx, id: string): Promise<MessageView> {
    return this.d.uow.read(ctx, async (tx) => {
      const row = await notificationQueries.load(tx.sql, id);
      if (!row) throw notificationNotFound();
      return (await this.views(tx.sql, [row], true))[0]!;
    });
  }

  /** Counts and cost per channel and category over [from, to) (local dates of the tenant). */
  async usage(ctx: TenantUserCtx, from: string, to: string): Promise<UsageView> {
    const tz = ctx.tenant.timeZone;
    const rows = await this.d.uow.read(ctx, (tx) => notificationQueries.usage(tx.sql, localDateTime(from, '00:00', tz), localDateTime(to, '00:00', tz)));
    const out = rows.map((r) => ({ ...r, cost: Number(r.cost) }));
    return { from, to, rows: out, total: { messages: out.reduce((n, r) => n + r.messages, 0), cost: Math.round(out.reduce((n, r) => n + r.cost, 0) * 100) / 100, currency: 'IDR' } };
  }

  // ---------------------------------------------------------------------------------------------
  // Settings

  private settingsView(tenant: Tenant, r: SenderRow): SenderSettingsView {
    return {
      displayName: r.display_name,
      whatsapp: r.whatsapp
        ? { phoneNumberId: r.whatsapp.phoneNumberId, wabaId: r.whatsapp.wabaId, language: r.whatsapp.language ?? 'id', accessTokenSet: Boolean(r.whatsapp.accessToken), appSecretSet: Boolean(r.whatsapp.appSecret), verifyTokenSet: Boolean(r.whatsapp.verifyToken), callbackUrl: this.callbackUrl(tenant, 'whatsapp') }
        : null,
      sms: r.sms ? { senderId: r.sms.senderId, callbackUrl: this.callbackUrl(tenant, 'sms') } : null,
      email: r.email ? { replyTo: r.email.replyTo ?? null } : null,
      staff: r.staff,
      quietHours: r.quiet_hours,
      dailyCaps: r.daily_caps,
      prices: r.prices,
      providers: { whatsapp: true, sms: Boolean(this.d.providers.sms), email: Boolean(this.d.providers.email) },
      version: r.version,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at.toISOString(),
    };
  }

  private defaults(tenant: Tenant, now: Date): SenderRow {
    return { tenant_id: tenant.id, display_name: `MPP ${tenant.name}`, whatsapp: null, sms: null, email: null, staff: {}, quiet_hours: DEFAULT_QUIET, daily_caps: {}, prices: [], version: 0, updated_by: 'system', updated_at: now };
  }

  async settings(ctx: TenantUserCtx): Promise<{ settings: SenderSettingsView; etag: string }> {
    const row = (await this.d.uow.read(ctx, (tx) => senderQueries.load(tx.sql))) ?? this.defaults(ctx.tenant, ctx.now);
    return { settings: this.settingsView(ctx.tenant, row), etag: etagOf(row.version) };
  }

  /**
   * Replaces the regency's sender settings (If-Match on the version). Secrets are sealed under
   * the data key and never answered; a secret left out keeps its sealed value. A new WhatsApp
   * number needs its token and app secret again.
   */
  async configure(ctx: TenantUserCtx, input: SenderSettingsInput, pre: Preconditions): Promise<{ settings: SenderSettingsView; etag: string }> {
    const ring = this.d.keyring();
    return this.d.uow.write(ctx, async (tx) => {
      const before = await senderQueries.load(tx.sql, true);
      checkPreconditions(pre, before ? etagOf(before.version) : undefined);
      const seal = (name: 'accessToken' | 'appSecret' | 'verifyToken', given: string | undefined, keep: string | undefined) => (given ? ring.seal(given, sealContext(ctx.tenant.id, name)) : (keep ?? ''));
      const w = input.whatsapp;
      const sameNumber = before?.whatsapp && w && before.whatsapp.phoneNumberId === w.phoneNumberId;
      const whatsapp = w
        ? {
            phoneNumberId: w.phoneNumberId,
            wabaId: w.wabaId,
            language: w.language ?? 'id',
            accessToken: seal('accessToken', w.accessToken, sameNumber ? before.whatsapp!.accessToken : undefined),
            appSecret: seal('appSecret', w.appSecret, sameNumber ? before.whatsapp!.appSecret : undefined),
            verifyToken: seal('verifyToken', w.verifyToken, before?.whatsapp?.verifyToken) || ring.seal(randomBytes(24).toString('base64url'), sealContext(ctx.tenant.id, 'verifyToken')),
          }
        : null;
      if (whatsapp && (!whatsapp.accessToken || !whatsapp.appSecret)) throw senderSecretMissing();
      if (input.sms && !isValidSenderId(input.sms.senderId)) throw senderIdInvalid();
      const row: SenderRow = {
        tenant_id: ctx.tenant.id,
        display_name: input.displayName,
        whatsapp,
        sms: input.sms ?? null,
        email: input.email ?? null,
        staff: input.staff ?? {},
        quiet_hours: input.quietHours === undefined ? DEFAULT_QUIET : input.quietHours,
        daily_caps: input.dailyCaps ?? {},
        prices: input.prices ?? [],
        version: (before?.version ?? 0) + 1,
        updated_by: ctx.identity.username || ctx.identity.subject,
        updated_at: ctx.now,
      };
      await senderQueries.save(tx.sql, row, row.version);
      await recordAudit(tx, {
        actor: row.updated_by, action: 'notification.senders.updated', subject: `tenant:${ctx.tenant.slug}`,
        data: { whatsapp: whatsapp ? { phoneNumberId: whatsapp.phoneNumberId, secretsChanged: Boolean(w?.accessToken || w?.appSecret || w?.verifyToken) } : null, sms: row.sms, email: Boolean(row.email), caps: row.daily_caps },
      });
      return { settings: this.settingsView(ctx.tenant, row), etag: etagOf(row.version) };
    });
  }

  /** The verify token Meta's handshake must quote (shown to the regency admin once, to paste into Meta's app dashboard). */
  async verifyToken(ctx: TenantUserCtx): Promise<string> {
    const senders = await this.d.uow.read(ctx, (tx) => senderQueries.load(tx.sql));
    if (!senders?.whatsapp) throw callbackNotConfigured();
    return this.d.keyring().open(senders.whatsapp.verifyToken, sealContext(ctx.tenant.id, 'verifyToken'));
  }

  // ---------------------------------------------------------------------------------------------
  // Jobs

  /** The job handlers' context for one tenant. */
  async jobContext(job: JobCtx, region: string, tenantId: string): Promise<TenantCtx | undefined> {
    const tenant = await this.tenantById(region, tenantId);
    return tenant && workContext({ clock: job.clock, log: job.log, route: 'notifications', tenant });
  }

  /**
   * Wakes the dispatcher of a tenant after a commit that wrote outbox rows. One job per commit, no
   * singleton key: a key would drop the wake-up of a row committed while a dispatcher is still
   * running (after its last look), leaving it to the minute sweep. Dispatchers skip each other's
   * locked rows, so extra ones cost one query.
   */
  async wake(tenant: { id: string; homeRegion: string }): Promise<void> {
    await this.d.jobs.send(tenant.homeRegion, DISPATCH_JOB, { tenantId: tenant.id });
  }

  /** The sweep over every tenant of a region. */
  async sweepRegion(job: JobCtx, region: string): Promise<{ dispatched: number; queued: number }> {
    let dispatched = 0;
    let queued = 0;
    for (const tenant of await this.d.tenants.list({ region })) {
      this.tenantCache.set(tenant.id, { tenant, at: Date.now() });
      const r = await this.sweep(workContext({ clock: job.clock, log: job.log, route: SWEEP_JOB, tenant }));
      dispatched += r.dispatched;
      queued += r.queued;
    }
    return { dispatched, queued };
  }
}

const DEFAULT_QUIET: QuietHours = { start: '21:00', end: '07:00' };

export type { ContactChannel, ConsentMethod, Relation };
export { DEFAULT_QUIET };
