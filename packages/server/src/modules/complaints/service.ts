import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { localDate, newId, type Tenant } from '@satupintu/core';
import type { Identity } from '@satupintu/auth';
import { recordAudit, withTenant, type Databases } from '@satupintu/db';
import { UploadRefused, type ObjectStore } from '@satupintu/storage';
import type { PluginRegistry } from '../plugins/service.js';
import type { SlaCalendar } from '../workflow/sla.js';
import { newTrackingCode } from '../applications/tracking.js';
import {
  agencyRequired,
  alreadyRated,
  attachmentRefused,
  complainantRequired,
  complaintActionNotAllowed,
  complaintFieldInvalid,
  complaintNotFound,
  complaintStateInvalid,
  complaintSubjectInvalid,
  periodInvalid,
  reasonRequired,
  reopenLimit,
  reopenWindowClosed,
  storageUnavailable,
} from './errors.js';
import type { ComplaintWebhooks } from './webhook.js';
import { ATTACHMENT_PREFIX } from './reconciler.js';
import { toCsv } from '../../csv.js';

export const KINDS = ['complaint', 'suggestion', 'information-request'] as const;
export type ComplaintKind = (typeof KINDS)[number];
export const CATEGORIES = ['informasi', 'aspirasi', 'keluhan', 'sengketa-tanpa-pemeriksaan', 'sengketa-dengan-pemeriksaan'] as const;
export type ComplaintCategory = (typeof CATEGORIES)[number];
export type ComplaintStatus = 'submitted' | 'forwarded' | 'handling' | 'answered' | 'closed' | 'rejected';

/**
 * Day counts in hari kerja (domain.md §1.6, SP4N-LAPOR!): verification ≤ 3; first response ≤ 3;
 * information requests and complaints (keluhan) answered ≤ 5; disputes without field examination
 * ≤ 14, with field examination ≤ 60. Suggestions (aspirasi) follow the 5-day rule.
 */
export const VERIFY_DAYS = 3;
export const FIRST_RESPONSE_DAYS = 3;
export const ANSWER_DAYS: Record<ComplaintCategory, number> = { informasi: 5, aspirasi: 5, keluhan: 5, 'sengketa-tanpa-pemeriksaan': 14, 'sengketa-dengan-pemeriksaan': 60 };
/** The citizen may reopen an answer within this many hari kerja, at most MAX_REOPENS times; then it closes. */
export const REOPEN_DAYS = 10;
export const MAX_REOPENS = 2;
const DEFAULT_CATEGORY: Record<ComplaintKind, ComplaintCategory> = { complaint: 'keluhan', suggestion: 'aspirasi', 'information-request': 'informasi' };

const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];
const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_MAX_COUNT = 5;
/** Outside `t/` (the application reconciler treats every unknown key there as an orphan); swept by reconciler.ts. */
const attachmentKey = (t: Tenant, complaintId: string, id: string) => `${ATTACHMENT_PREFIX}t/${t.id}/c/${complaintId}/${id}`;

export interface ComplaintRow {
  tenant_id: string;
  id: string;
  tracking_code: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  subject_type: 'tenant' | 'service' | 'application';
  plugin_id: string | null;
  service_code: string | null;
  application_id: string | null;
  application_tracking_code?: string | null;
  agency_code: string | null;
  title: string;
  body: string;
  anonymous: boolean;
  confidential: boolean;
  location: string | null;
  incident_date: string | null;
  complainant_sub: string | null;
  complainant: { name?: string; phone?: string; email?: string; nik?: string };
  filed_by_sub: string;
  filed_by_role: 'citizen' | 'officer';
  channel: 'online' | 'counter';
  status: ComplaintStatus;
  handler: 'agency' | 'coordinator' | null;
  verify_due_at: Date;
  verify_due_date: string;
  first_response_due_at: Date | null;
  first_response_due_date: string | null;
  answer_due_at: Date | null;
  answer_due_date: string | null;
  first_response_at: Date | null;
  verified_at: Date | null;
  verified_by: string | null;
  answered_at: Date | null;
  reopen_until: Date | null;
  reopen_count: number;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  closed_at: Date | null;
  lapor_tracking_id: string | null;
  lapor_sync_status: 'not-synced' | 'pending' | 'synced' | 'failed';
  lapor_sync_error: string | null;
  lapor_synced_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  escalation_count?: number;
}

export interface FileComplaintInput {
  kind: ComplaintKind;
  category?: ComplaintCategory;
  subject: { type: 'tenant' } | { type: 'service'; service: string } | { type: 'application'; applicationId: string };
  title: string;
  body: string;
  anonymous?: boolean;
  confidential?: boolean;
  location?: string;
  incidentDate?: string;
  complainant?: { name: string; phone?: string; email?: string; nik?: string };
}

type Relation = 'complainant' | 'filer' | 'officer' | 'coordinator';

/** How the caller relates to one complaint; an agency sees a complaint only once it is routed there. */
function relations(identity: Identity, t: Tenant, c: Pick<ComplaintRow, 'complainant_sub' | 'filed_by_sub' | 'agency_code' | 'handler' | 'status'>): Set<Relation> {
  const r = new Set<Relation>();
  if (c.complainant_sub && c.complainant_sub === identity.subject) r.add('complainant');
  if (c.filed_by_sub === identity.subject) r.add('filer');
  for (const m of identity.memberships) {
    if (!('tenant' in m) || m.tenant !== t.slug) continue;
    if (m.role === 'tenant-admin') r.add('coordinator');
    if (m.role === 'officer' && c.handler === 'agency' && c.agency_code === m.agency && c.status !== 'submitted' && c.status !== 'rejected') r.add('officer');
  }
  return r;
}

const staffOf = (r: Set<Relation>) => r.has('officer') || r.has('coordinator');
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const SELECT = `select c.*, to_char(c.verify_due_date, 'YYYY-MM-DD') as verify_due_date, to_char(c.first_response_due_date, 'YYYY-MM-DD') as first_response_due_date,
  to_char(c.answer_due_date, 'YYYY-MM-DD') as answer_due_date, to_char(c.incident_date, 'YYYY-MM-DD') as incident_date,
  (select a.tracking_code from applications a where a.id = c.application_id) as application_tracking_code,
  (select count(*)::int from complaint_escalations e where e.complaint_id = c.id) as escalation_count
  from complaints c`;

/** One complaint as the export and the webhook carry it (docs/complaints.md, "Export format"). */
export function exportRecord(c: ComplaintRow, tenant: Pick<Tenant, 'slug' | 'code'>) {
  const hidden = c.anonymous;
  return {
    tenant: tenant.slug,
    tenantCode: tenant.code,
    trackingCode: c.tracking_code,
    id: c.id,
    createdAt: c.created_at.toISOString(),
    kind: c.kind,
    category: c.category,
    subjectType: c.subject_type,
    service: c.plugin_id && c.service_code ? `${c.plugin_id}.${c.service_code}` : null,
    applicationTrackingCode: c.application_tracking_code ?? null,
    agency: c.agency_code,
    title: c.title,
    body: c.body,
    location: c.location,
    incidentDate: c.incident_date,
    anonymous: c.anonymous,
    confidential: c.confidential,
    channel: c.channel,
    status: c.status,
    handler: c.handler,
    verifyDueDate: c.verify_due_date,
    verifiedAt: iso(c.verified_at),
    firstResponseDueDate: c.first_response_due_date,
    firstResponseAt: iso(c.first_response_at),
    answerDueDate: c.answer_due_date,
    answeredAt: iso(c.answered_at),
    closedAt: iso(c.closed_at),
    reopenCount: c.reopen_count,
    rating: c.rating,
    escalations: c.escalation_count ?? 0,
    laporTrackingId: c.lapor_tracking_id,
    laporSyncStatus: c.lapor_sync_status,
    complainantName: hidden ? null : (c.complainant.name ?? null),
    complainantPhone: hidden ? null : (c.complainant.phone ?? null),
    complainantEmail: hidden ? null : (c.complainant.email ?? null),
  };
}
export const EXPORT_FIELDS = Object.keys(exportRecord({ complainant: {}, created_at: new Date(0) } as unknown as ComplaintRow, { slug: '', code: '' }));

interface Emitted {
  deliveries: string[];
}

/**
 * Complaints (pengaduan) under SP4N-LAPOR! rules: filed by the citizen or at the counter,
 * verified by the regency coordinator (tenant-admin) within 3 hari kerja, routed to the agency
 * that owns the service (Admin Penghubung = its officers) or handled by the coordinator, answered
 * within the category's hari kerja, escalated when overdue, rated and reopenable by the citizen.
 */
export class ComplaintService {
  constructor(
    private readonly dbs: Databases,
    private readonly store: ObjectStore,
    private readonly registry: PluginRegistry,
    private readonly sla: SlaCalendar,
    readonly webhooks: ComplaintWebhooks,
    private readonly logger: Logger,
    /** The clock (tests pin it to dates such as Lebaran 2025). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A transaction in the tenant's region; webhook deliveries it wrote are queued after commit. */
  private async write<T>(t: Tenant, fn: (em: EntityManager, emit: (c: ComplaintRow, event: string) => Promise<void>) => Promise<T>): Promise<T> {
    const out: Emitted = { deliveries: [] };
    const result = await withTenant(this.dbs.region(t.homeRegion), t.id, (em) =>
      fn(em, async (c, event) => {
        const fresh = await this.load(em, c.id);
        const id = await this.webhooks.enqueue(em, t.id, c.id, event, { occurredAt: this.now().toISOString(), complaint: exportRecord(fresh, t) });
        if (id) out.deliveries.push(id);
      }),
    );
    if (out.deliveries.length) await this.webhooks.kick(t.homeRegion, t.id, out.deliveries);
    return result;
  }

  private read<T>(t: Tenant, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return withTenant(this.dbs.region(t.homeRegion), t.id, fn);
  }

  private async load(em: EntityManager, id: string, lock = false): Promise<ComplaintRow> {
    const rows = (await em.query(`${SELECT} where c.id = $1 ${lock ? 'for update of c' : ''}`, [id])) as ComplaintRow[];
    if (!rows[0]) throw complaintNotFound();
    return rows[0];
  }

  private async visible(em: EntityManager, t: Tenant, identity: Identity, id: string, lock = false): Promise<{ c: ComplaintRow; rel: Set<Relation> }> {
    const c = await this.load(em, id, lock);
    const rel = relations(identity, t, c);
    if (!rel.size) throw complaintNotFound();
    return { c, rel };
  }

  private async message(em: EntityManager, c: ComplaintRow, identity: Identity | 'system', role: string, kind: string, body: string | null, internal = false) {
    await em.query(
      `insert into complaint_messages (tenant_id, complaint_id, id, at, author_sub, author_name, author_role, kind, body, internal) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [c.tenant_id, c.id, newId(), this.now(), identity === 'system' ? 'system' : identity.subject, identity === 'system' ? 'Satupintu' : (identity.name ?? identity.username), role, kind, body, internal],
    );
  }

  /** A notice in the outbox (the notification sender delivers it): the citizen, the coordinator or an agency's officers. */
  private async notify(em: EntityManager, t: Tenant, c: ComplaintRow, kind: string, to: string[]) {
    if (!to.length) return;
    await em.query(`insert into notification_outbox (tenant_id, id, kind, payload) values ($1, $2, $3, $4)`, [
      t.id, newId(), kind, JSON.stringify({ to, tenant: t.slug, complaint: c.id, trackingCode: c.tracking_code }),
    ]);
  }

  private citizenOf(c: ComplaintRow): string[] {
    return c.complainant_sub ? [`citizen:${c.complainant_sub}`] : c.complainant.phone || c.complainant.email ? ['complainant-contact'] : [];
  }

  private due(t: Tenant, days: number) {
    return this.sla.due(t, this.now(), { value: days, unit: 'working-days' }, false);
  }

  /** Which agency owns a service installed at the tenant (the plugin's publisher). */
  private async serviceAgency(t: Tenant, service: string): Promise<{ pluginId: string; serviceCode: string; agency: string }> {
    const [pluginId, serviceCode] = service.split('.') as [string, string];
    const inst = await this.read(t, async (em) => ((await em.query('select version from plugin_installations where plugin_id = $1', [pluginId])) as { version: string }[])[0]);
    const v = inst ? await this.registry.get(pluginId, inst.version).catch(() => undefined) : undefined;
    if (!v || !v.manifest.services.some((s) => s.code === serviceCode))
      throw complaintSubjectInvalid('/subject/service', `Layanan ${service} tidak tersedia di ${t.name}.`, `Service ${service} is not offered by ${t.name}.`);
    return { pluginId, serviceCode, agency: v.manifest.agency.code };
  }

  async file(t: Tenant, identity: Identity, input: FileComplaintInput) {
    const officer = identity.memberships.find((m): m is Extract<typeof m, { role: 'officer' }> => m.role === 'officer' && 'tenant' in m && m.tenant === t.slug);
    const onBehalf = input.complainant !== undefined;
    if (onBehalf && !officer)
      throw complaintFieldInvalid('COMPLAINANT_NOT_ALLOWED', '/complainant', 'Hanya petugas loket yang dapat melapor atas nama warga.', 'Only a counter officer may file on behalf of a citizen.');
    if (!onBehalf && !identity.roles.includes('citizen')) throw complainantRequired();
    if (input.incidentDate && input.incidentDate > localDate(this.now(), t.timeZone))
      throw complaintFieldInvalid('INCIDENT_DATE_INVALID', '/incidentDate', 'Tanggal kejadian tidak boleh di masa depan.', 'The incident date cannot be in the future.');

    let pluginId: string | null = null;
    let serviceCode: string | null = null;
    let agency: string | null = null;
    let applicationId: string | null = null;
    if (input.subject.type === 'service') {
      const s = await this.serviceAgency(t, input.subject.service);
      ({ pluginId, serviceCode, agency } = s);
    } else if (input.subject.type === 'application') {
      const appId = input.subject.applicationId;
      const app = await this.read(t, async (em) =>
        ((await em.query('select id, applicant_sub, agency_code, plugin_id, service_code from applications where id = $1', [appId])) as { id: string; applicant_sub: string | null; agency_code: string; plugin_id: string; service_code: string }[])[0],
      );
      // A citizen complains about their own application; a counter officer about one of their agency.
      const mayUse = app && (onBehalf ? app.agency_code === officer!.agency : app.applicant_sub === identity.subject);
      if (!app || !mayUse) throw complaintSubjectInvalid('/subject/applicationId', 'Permohonan tidak ditemukan di antara permohonan Anda.', 'No such application among yours.');
      ({ plugin_id: pluginId, service_code: serviceCode, agency_code: agency, id: applicationId } = app);
    }
    const verify = await this.due(t, VERIFY_DAYS);
    const id = newId();
    const complainant = onBehalf ? input.complainant! : { name: identity.name ?? identity.username, ...(identity.email ? { email: identity.email } : {}) };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.write(t, async (em, emit) => {
          await em.query(
            `insert into complaints (tenant_id, id, tracking_code, kind, category, subject_type, plugin_id, service_code, application_id, agency_code, title, body,
               anonymous, confidential, location, incident_date, complainant_sub, complainant, filed_by_sub, filed_by_role, channel, status, verify_due_at, verify_due_date, created_at, updated_at)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,'submitted',$22,$23,$24,$24)`,
            [t.id, id, `ADU-${newTrackingCode()}`, input.kind, input.category ?? DEFAULT_CATEGORY[input.kind], input.subject.type, pluginId, serviceCode, applicationId, agency,
              input.title, input.body, input.anonymous ?? false, input.confidential ?? false, input.location ?? null, input.incidentDate ?? null,
              onBehalf ? null : identity.subject, JSON.stringify(complainant), identity.subject, onBehalf ? 'officer' : 'citizen', onBehalf ? 'counter' : 'online', verify.at, verify.date, this.now()],
          );
          const c = await this.load(em, id);
          await this.message(em, c, identity, onBehalf ? 'officer' : 'citizen', 'filed', null);
          await emit(c, 'complaint.filed');
          await this.notify(em, t, c, 'complaint.filed', ['tenant-admin']);
          return this.view(em, t, identity, c);
        });
      } catch (e) {
        if ((e as { constraint?: string }).constraint === 'complaints_tenant_id_tracking_code_key' && attempt < 5) continue;
        throw e;
      }
    }
  }

  async get(t: Tenant, identity: Identity, id: string) {
    return this.read(t, async (em) => {
      const { c } = await this.visible(em, t, identity, id);
      return this.view(em, t, identity, c);
    });
  }

  private async view(em: EntityManager, t: Tenant, identity: Identity, c: ComplaintRow) {
    const rel = relations(identity, t, c);
    const staff = staffOf(rel);
    const messages = (await em.query(
      `select id, at, author_name, author_role, kind, body, internal from complaint_messages where complaint_id = $1 ${staff ? '' : 'and not internal'} order by at, id`,
      [c.id],
    )) as { id: string; at: Date; author_name: string; author_role: string; kind: string; body: string | null; internal: boolean }[];
    const attachments = (await em.query('select id, filename, media_type, size, sha256, created_at from complaint_attachments where complaint_id = $1 order by created_at, id', [c.id])) as Record<string, any>[];
    const now = this.now().getTime();
    // An anonymous complainant is hidden from the agency; the coordinator and the citizen see who filed.
    const showComplainant = !c.anonymous || rel.has('coordinator') || rel.has('complainant') || rel.has('filer');
    return {
      id: c.id,
      trackingCode: c.tracking_code,
      kind: c.kind,
      category: c.category,
      subject: { type: c.subject_type, service: c.plugin_id && c.service_code ? `${c.plugin_id}.${c.service_code}` : null, applicationId: c.application_id, applicationTrackingCode: c.application_tracking_code ?? null },
      agency: c.agency_code,
      title: c.title,
      body: c.body,
      location: c.location,
      incidentDate: c.incident_date,
      anonymous: c.anonymous,
      confidential: c.confidential,
      channel: c.channel,
      complainant: showComplainant ? c.complainant : { name: 'Anonim / Anonymous' },
      status: c.status,
      handler: c.handler,
      deadlines: {
        verification: { dueDate: c.verify_due_date, dueAt: iso(c.verify_due_at), doneAt: iso(c.verified_at), overdue: c.status === 'submitted' && c.verify_due_at.getTime() < now },
        firstResponse: c.first_response_due_at
          ? { dueDate: c.first_response_due_date, dueAt: iso(c.first_response_due_at), doneAt: iso(c.first_response_at), overdue: !c.first_response_at && (c.status === 'forwarded' || c.status === 'handling') && c.first_response_due_at.getTime() < now }
          : null,
        answer: c.answer_due_at
          ? { dueDate: c.answer_due_date, dueAt: iso(c.answer_due_at), doneAt: iso(c.answered_at), overdue: (c.status === 'forwarded' || c.status === 'handling') && c.answer_due_at.getTime() < now }
          : null,
        reopenUntil: iso(c.reopen_until),
        calendar: 'hari kerja (national holidays, cuti bersama and tenant closures skipped; counted from the next working day)',
      },
      escalations: c.escalation_count ?? 0,
      reopenCount: c.reopen_count,
      rating: c.rating === null ? null : { score: c.rating, comment: c.rating_comment, at: iso(c.rated_at) },
      lapor: { trackingId: c.lapor_tracking_id, syncStatus: c.lapor_sync_status, error: c.lapor_sync_error, syncedAt: iso(c.lapor_synced_at) },
      thread: messages.map((m) => ({ id: m.id, at: m.at.toISOString(), author: { name: m.author_name, role: m.author_role }, kind: m.kind, body: m.body, ...(staff ? { internal: m.internal } : {}) })),
      attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mediaType: a.media_type, size: Number(a.size), sha256: a.sha256, createdAt: (a.created_at as Date).toISOString() })),
      createdAt: c.created_at.toISOString(),
      updatedAt: c.updated_at.toISOString(),
      version: c.version,
      allowed: this.allowed(c, rel),
    };
  }

  /** The actions the caller may take now (the same rules the writes check). */
  private allowed(c: ComplaintRow, rel: Set<Relation>): string[] {
    const a: string[] = [];
    const open = c.status !== 'closed' && c.status !== 'rejected';
    if (rel.has('coordinator') && c.status === 'submitted') a.push('verify');
    if ((c.status === 'forwarded' && (rel.has('officer') || rel.has('coordinator'))) || (c.status === 'handling' && rel.has('coordinator'))) a.push('answer');
    if (open) a.push('message', 'attach');
    if (rel.has('complainant') && c.status === 'answered' && c.rating === null) a.push('rate');
    if (rel.has('complainant') && (c.status === 'answered' || c.status === 'closed') && c.answered_at && c.reopen_until && c.reopen_until.getTime() >= this.now().getTime() && c.reopen_count < MAX_REOPENS) a.push('reopen');
    if (rel.has('coordinator')) a.push('lapor');
    return a;
  }

  async list(t: Tenant, identity: Identity, filter: { status?: ComplaintStatus; overdue?: boolean }) {
    const admin = identity.memberships.some((m) => m.role === 'tenant-admin' && 'tenant' in m && m.tenant === t.slug);
    const agencies = identity.memberships.flatMap((m) => (m.role === 'officer' && 'tenant' in m && m.tenant === t.slug ? [m.agency] : []));
    return this.read(t, async (em) => {
      const rows = (await em.query(
        `${SELECT}
          where ($1 or c.complainant_sub = $2 or c.filed_by_sub = $2 or (c.handler = 'agency' and c.agency_code = any($3) and c.status not in ('submitted', 'rejected')))
            and ($4::text is null or c.status = $4)
          order by c.created_at desc limit 500`,
        [admin, identity.subject, agencies, filter.status ?? null],
      )) as ComplaintRow[];
      const now = this.now().getTime();
      const items = rows.map((c) => {
        const due = c.status === 'submitted' ? c.verify_due_at : c.status === 'forwarded' || c.status === 'handling' ? c.answer_due_at : null;
        return {
          id: c.id,
          trackingCode: c.tracking_code,
          kind: c.kind,
          category: c.category,
          title: c.title,
          agency: c.agency_code,
          status: c.status,
          dueDate: c.status === 'submitted' ? c.verify_due_date : c.status === 'forwarded' || c.status === 'handling' ? c.answer_due_date : null,
          overdue: due !== null && due.getTime() < now,
          escalations: c.escalation_count ?? 0,
          createdAt: c.created_at.toISOString(),
        };
      });
      return filter.overdue === undefined ? items : items.filter((i) => i.overdue === filter.overdue);
    });
  }

  /** The coordinator verifies: routes to the agency (default: the service's plugin owner), handles it, or rejects it with a reason. */
  async verify(t: Tenant, identity: Identity, id: string, input: { decision: 'forward' | 'handle' | 'reject'; agency?: string; category?: ComplaintCategory; note?: string }) {
    return this.write(t, async (em, emit) => {
      const { c, rel } = await this.visible(em, t, identity, id, true);
      if (!rel.has('coordinator')) throw complaintActionNotAllowed();
      if (c.status !== 'submitted') throw complaintStateInvalid(c.status, 'verify');
      if (input.decision === 'reject') {
        if (!input.note?.trim()) throw reasonRequired('/note');
        await em.query(`update complaints set status = 'rejected', verified_at = $2, verified_by = $3, closed_at = $2, updated_at = $2, version = version + 1 where id = $1`, [id, this.now(), identity.username]);
        await this.message(em, c, identity, 'coordinator', 'rejected', input.note);
        await emit(c, 'complaint.rejected');
        await this.notify(em, t, c, 'complaint.rejected', this.citizenOf(c));
      } else {
        // Routing defaults to the plugin owner of the service (or the application's agency).
        const agency = input.agency ?? c.agency_code;
        if (input.decision === 'forward' && !agency) throw agencyRequired();
        const category = input.category ?? c.category;
        const first = await this.due(t, FIRST_RESPONSE_DAYS);
        const answer = await this.due(t, ANSWER_DAYS[category]);
        await em.query(
          `update complaints set status = $2, handler = $3, agency_code = $4, category = $5, verified_at = $6, verified_by = $7,
                  first_response_due_at = $8, first_response_due_date = $9, answer_due_at = $10, answer_due_date = $11, updated_at = $6, version = version + 1 where id = $1`,
          [id, input.decision === 'forward' ? 'forwarded' : 'handling', input.decision === 'forward' ? 'agency' : 'coordinator', agency, category, this.now(), identity.username, first.at, first.date, answer.at, answer.date],
        );
        await this.message(em, c, identity, 'coordinator', 'verified', null);
        await this.message(em, c, identity, 'coordinator', input.decision === 'forward' ? 'forwarded' : 'handling', input.decision === 'forward' ? `→ ${agency}` : null);
        if (input.note?.trim()) await this.message(em, c, identity, 'coordinator', 'note', input.note, true);
        await emit(c, input.decision === 'forward' ? 'complaint.forwarded' : 'complaint.verified');
        await this.notify(em, t, c, 'complaint.routed', input.decision === 'forward' ? [`officer:${agency}`] : ['tenant-admin']);
      }
      await recordAudit(em, { tenantId: t.id, actor: identity.username, action: 'complaint.verified', subject: `complaint:${c.tracking_code}`, data: { decision: input.decision, agency: input.agency ?? c.agency_code, category: input.category ?? c.category } });
      return this.view(em, t, identity, await this.load(em, id));
    });
  }

  /** A thread message; staff may mark it internal (never shown to the citizen). A staff reply counts as the first response. */
  async addMessage(t: Tenant, identity: Identity, id: string, input: { body: string; internal?: boolean }) {
    return this.write(t, async (em) => {
      const { c, rel } = await this.visible(em, t, identity, id, true);
      if (c.status === 'closed' || c.status === 'rejected') throw complaintStateInvalid(c.status, 'message');
      const staff = staffOf(rel);
      if (input.internal && !staff) throw complaintActionNotAllowed();
      const role = rel.has('officer') ? 'officer' : rel.has('coordinator') ? 'coordinator' : rel.has('complainant') ? 'citizen' : 'officer';
      await this.message(em, c, identity, role, 'message', input.body, input.internal ?? false);
      if (staff && !input.internal && !c.first_response_at && (c.status === 'forwarded' || c.status === 'handling'))
        await em.query('update complaints set first_response_at = $2, updated_at = $2 where id = $1', [id, this.now()]);
      else await em.query('update complaints set updated_at = $2 where id = $1', [id, this.now()]);
      return this.view(em, t, identity, await this.load(em, id));
    });
  }

  async answer(t: Tenant, identity: Identity, id: string, input: { body: string }) {
    return this.write(t, async (em, emit) => {
      const { c, rel } = await this.visible(em, t, identity, id, true);
      const may = (c.status === 'forwarded' && (rel.has('officer') || rel.has('coordinator'))) || (c.status === 'handling' && rel.has('coordinator'));
      if (!may) throw c.status === 'forwarded' || c.status === 'handling' ? complaintActionNotAllowed() : complaintStateInvalid(c.status, 'answer');
      const reopen = await this.due(t, REOPEN_DAYS);
      await em.query(
        `update complaints set status = 'answered', answered_at = $2, first_response_at = coalesce(first_response_at, $2), reopen_until = $3, updated_at = $2, version = version + 1 where id = $1`,
        [id, this.now(), reopen.at],
      );
      await this.message(em, c, identity, rel.has('officer') ? 'officer' : 'coordinator', 'answer', input.body);
      await emit(c, 'complaint.answered');
      await this.notify(em, t, c, 'complaint.answered', this.citizenOf(c));
      return this.view(em, t, identity, await this.load(em, id));
    });
  }

  /** The citizen rates the answer (1–5); rating closes the complaint (it may still be reopened within the window). */
  async rate(t: Tenant, identity: Identity, id: string, input: { score: number; comment?: string }) {
    return this.write(t, async (em, emit) => {
      const { c, rel } = await this.visible(em, t, identity, id, true);
      if (!rel.has('complainant')) throw complaintActionNotAllowed();
      if (c.rating !== null) throw alreadyRated();
      if (c.status !== 'answered') throw complaintStateInvalid(c.status, 'rate');
      await em.query(`update complaints set rating = $2, rating_comment = $3, rated_at = $4, status = 'closed', closed_at = $4, updated_at = $4, version = version + 1 where id = $1`, [
        id, input.score, input.comment ?? null, this.now(),
      ]);
      await this.message(em, c, identity, 'citizen', 'rated', `${input.score}/5${input.comment ? ` — ${input.comment}` : ''}`);
      await emit(c, 'complaint.rated');
      return this.view(em, t, identity, await this.load(em, id));
    });
  }

  /** The citizen reopens an answered (or rated) complaint within the window: it goes back to its handler with a new answer deadline. */
  async reopen(t: Tenant, identity: Identity, id: string, input: { reason: string }) {
    return this.write(t, async (em, emit) => {
      const { c, rel } = await this.visible(em, t, identity, id, true);
      if (!rel.has('complainant')) throw complaintActionNotAllowed();
      if ((c.status !== 'answered' && c.status !== 'closed') || !c.answered_at) throw complaintStateInvalid(c.status, 'reopen');
      if (!c.reopen_until || c.reopen_until.getTime() < this.now().getTime()) throw reopenWindowClosed(iso(c.reopen_until));
      if (c.reopen_count >= MAX_REOPENS) throw reopenLimit(MAX_REOPENS);
      const answer = await this.due(t, ANSWER_DAYS[c.category]);
      await em.query(
        `update complaints set status = $2, answer_due_at = $3, answer_due_date = $4, answered_at = null, reopen_until = null, reopen_count = reopen_count + 1,
                rating = null, rating_comment = null, rated_at = null, closed_at = null, updated_at = $5, version = version + 1 where id = $1`,
        [id, c.handler === 'agency' ? 'forwarded' : 'handling', answer.at, answer.date, this.now()],
      );
      await this.message(em, c, identity, 'citizen', 'reopened', input.reason);
      await emit(c, 'complaint.reopened');
      await this.notify(em, t, c, 'complaint.reopened', c.handler === 'agency' && c.agency_code ? [`officer:${c.agency_code}`, 'tenant-admin'] : ['tenant-admin']);
      return this.view(em, t, identity, await this.load(em, id));
    });
  }

  /** SP4N-LAPOR! tracking id and sync status, set by the coordinator or the connector (tenant-admin token). */
  async setLapor(t: Tenant, identity: Identity, id: string, input: { trackingId?: string; syncStatus: 'pending' | 'synced' | 'failed'; error?: string }) {
    if (input.syncStatus === 'synced' && !input.trackingId)
      throw complaintFieldInvalid('LAPOR_TRACKING_ID_REQUIRED', '/trackingId', 'Nomor tiket LAPOR! wajib untuk status synced.', 'A LAPOR! tracking id is required for status synced.');
    return this.write(t, async (em) => {
      const { c, rel } = await this.visible(em, t, identity, id, true);
      if (!rel.has('coordinator')) throw complaintActionNotAllowed();
      await em.query(
        `update complaints set lapor_tracking_id = coalesce($2, lapor_tracking_id), lapor_sync_status = $3, lapor_sync_error = $4,
                lapor_synced_at = case when $3 = 'synced' then $5::timestamptz else lapor_synced_at end, updated_at = $5 where id = $1`,
        [id, input.trackingId ?? null, input.syncStatus, input.syncStatus === 'failed' ? (input.error ?? null) : null, this.now()],
      );
      await this.message(em, c, identity, 'coordinator', 'lapor', `SP4N-LAPOR! ${input.syncStatus}${input.trackingId ? ` #${input.trackingId}` : ''}${input.error ? `: ${input.error}` : ''}`, true);
      return this.view(em, t, identity, await this.load(em, id));
    });
  }

  /** Streams an attachment (PDF/PNG/JPEG ≤ 10 MB, ≤ 5 per complaint) to the region's bucket, then commits its row. */
  async attach(t: Tenant, identity: Identity, id: string, body: Readable, filename: string | null) {
    await this.read(t, async (em) => {
      const { c } = await this.visible(em, t, identity, id);
      if (c.status === 'closed' || c.status === 'rejected') throw complaintStateInvalid(c.status, 'attach');
      const n = ((await em.query('select count(*)::int as n from complaint_attachments where complaint_id = $1', [id])) as { n: number }[])[0]!.n;
      if (n >= ATTACHMENT_MAX_COUNT) throw attachmentRefused('ATTACHMENT_COUNT_EXCEEDED', `Paling banyak ${ATTACHMENT_MAX_COUNT} lampiran.`, `At most ${ATTACHMENT_MAX_COUNT} attachments.`);
    });
    const attId = newId();
    const key = attachmentKey(t, id, attId);
    let stored;
    try {
      stored = await this.store.putStream(t.homeRegion, key, body, { maxBytes: ATTACHMENT_MAX_BYTES, accept: ATTACHMENT_TYPES });
    } catch (e) {
      if (e instanceof UploadRefused) {
        if (e.reason === 'empty') throw attachmentRefused('UPLOAD_EMPTY', 'Berkas kosong', 'The file is empty');
        if (e.reason === 'too-large') throw attachmentRefused('UPLOAD_TOO_LARGE', 'Berkas melebihi 10 MB', 'The file exceeds 10 MB', 413);
        throw attachmentRefused('UPLOAD_TYPE_NOT_ACCEPTED', 'Hanya PDF, PNG atau JPEG', 'Only PDF, PNG or JPEG', 415);
      }
      throw storageUnavailable(e);
    }
    try {
      await this.write(t, async (em) => {
        const { c, rel } = await this.visible(em, t, identity, id, true);
        // Re-checked under the complaint's row lock: concurrent uploads cannot pass the limit.
        const n = ((await em.query('select count(*)::int as n from complaint_attachments where complaint_id = $1', [id])) as { n: number }[])[0]!.n;
        if (n >= ATTACHMENT_MAX_COUNT) throw attachmentRefused('ATTACHMENT_COUNT_EXCEEDED', `Paling banyak ${ATTACHMENT_MAX_COUNT} lampiran.`, `At most ${ATTACHMENT_MAX_COUNT} attachments.`);
        await em.query(
          `insert into complaint_attachments (tenant_id, complaint_id, id, object_key, filename, media_type, size, sha256, uploaded_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
          [t.id, id, attId, key, filename, stored.mediaType, stored.size, stored.sha256, identity.username],
        );
        await this.message(em, c, identity, staffOf(rel) ? (rel.has('officer') ? 'officer' : 'coordinator') : 'citizen', 'attachment', filename ?? stored.mediaType);
      });
    } catch (e) {
      // Compensation: the row did not commit, so the object must not stay.
      await this.store.delete(t.homeRegion, key).catch((err) => this.logger.warn({ err, key }, 'attachment compensation failed'));
      throw e;
    }
    return { id: attId, filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256 };
  }

  async attachmentUrl(t: Tenant, identity: Identity, id: string, attachmentId: string) {
    const a = await this.read(t, async (em) => {
      await this.visible(em, t, identity, id);
      const rows = (await em.query('select object_key, filename, media_type from complaint_attachments where complaint_id = $1 and id = $2', [id, attachmentId])) as { object_key: string; filename: string | null; media_type: string }[];
      if (!rows[0]) throw complaintNotFound();
      return rows[0];
    });
    const expiresIn = 120;
    return { url: await this.store.presignGet(t.homeRegion, a.object_key, { expiresIn, filename: a.filename ?? undefined, mediaType: a.media_type }), expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
  }

  /**
   * Counts for complaints filed in [from, to] (tenant-local dates): by status and category, overdue
   * now, verified and answered within their hari-kerja deadlines, ratings. No personal data.
   */
  async stats(t: Tenant, q: { from: string; to: string }) {
    if (q.to < q.from) throw periodInvalid();
    return this.read(t, async (em) => {
      const period = `(c.created_at at time zone $3)::date between $1::date and $2::date`;
      const args = [q.from, q.to, t.timeZone, this.now()];
      const [row] = (await em.query(
        `select count(*)::int as filed,
                count(*) filter (where c.status in ('submitted', 'forwarded', 'handling'))::int as open,
                count(*) filter (where (c.status = 'submitted' and c.verify_due_at < $4) or (c.status in ('forwarded', 'handling') and c.answer_due_at < $4))::int as overdue,
                count(*) filter (where c.verified_at is not null and c.status <> 'rejected')::int as verified,
                count(*) filter (where c.verified_at is not null and c.verified_at <= c.verify_due_at)::int as verified_on_time,
                count(*) filter (where c.answered_at is not null)::int as answered,
                count(*) filter (where c.answered_at is not null and c.answered_at <= c.answer_due_at)::int as answered_on_time,
                count(*) filter (where c.status = 'rejected')::int as rejected,
                count(*) filter (where c.reopen_count > 0)::int as reopened,
                count(c.rating)::int as rated, round(avg(c.rating), 2)::float as average_rating,
                count(*) filter (where c.lapor_sync_status = 'synced')::int as lapor_synced,
                (select count(*)::int from complaint_escalations e join complaints c2 on c2.id = e.complaint_id where ${period.replace(/c\./g, 'c2.')}) as escalations
           from complaints c where ${period}`,
        args,
      )) as Record<string, number | null>[];
      const by = async (col: string) =>
        Object.fromEntries(((await em.query(`select ${col} as k, count(*)::int as n from complaints c where ${period} group by 1 order by 1`, args.slice(0, 3))) as { k: string; n: number }[]).map((r) => [r.k, r.n]));
      const r = row!;
      const pct = (a: number | null | undefined, b: number | null | undefined) => (b ? Math.round(((a ?? 0) / b) * 10_000) / 100 : null);
      return {
        tenant: t.slug,
        period: q,
        filed: r.filed,
        open: r.open,
        overdue: r.overdue,
        rejected: r.rejected,
        reopened: r.reopened,
        escalations: r.escalations,
        verification: { verified: r.verified, onTime: r.verified_on_time, onTimePercent: pct(r.verified_on_time, r.verified) },
        answer: { answered: r.answered, onTime: r.answered_on_time, onTimePercent: pct(r.answered_on_time, r.answered) },
        rating: { rated: r.rated, average: r.average_rating },
        laporSynced: r.lapor_synced,
        byStatus: await by('c.status'),
        byCategory: await by('c.category'),
        byKind: await by('c.kind'),
      };
    });
  }

  /** Complaints filed in [from, to] (tenant-local dates) as JSON lines or CSV (fields: EXPORT_FIELDS). */
  async export(t: Tenant, q: { from: string; to: string; format: 'jsonl' | 'csv' }): Promise<string> {
    if (q.to < q.from) throw periodInvalid();
    const rows = await this.read(t, (em) =>
      em.query(`${SELECT} where (c.created_at at time zone $3)::date between $1::date and $2::date order by c.created_at, c.id`, [q.from, q.to, t.timeZone]),
    ) as ComplaintRow[];
    const records = rows.map((r) => exportRecord(r, t));
    if (q.format === 'jsonl') return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
    return toCsv(EXPORT_FIELDS, records.map((r) => EXPORT_FIELDS.map((f) => (r as Record<string, unknown>)[f])));
  }
}
