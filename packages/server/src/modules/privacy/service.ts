import { recordAudit, type UnitOfWork } from '@satupintu/db';
import { actorOf } from '../../context.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import type { TenantUserCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { lookupDigest, readerRef, type AccessPurpose, type ReaderRole } from './access-log.js';
import { accessLogRangeInvalid, retentionFixed, retentionOutOfRange, retentionUnknown } from './errors.js';
import { exportQueries } from './export-queries.js';
import { accessQueries, type AccessFilter, type AccessRow } from './queries.js';
import { effectiveSchedule, isRetentionCode, purgeRule, type RetentionLineView } from './retention.js';
import { retentionQueries } from './retention-queries.js';
import type { AccessEntryView, MyAccessEntryView, MyDataView } from './schemas.js';

const PURPOSE_NAMES: Record<AccessPurpose, { id: string; en: string }> = {
  handling: { id: 'Pemrosesan permohonan oleh petugas', en: 'An officer handling the application' },
  verification: { id: 'Verifikasi berkas oleh petugas', en: 'An officer verifying a supporting document' },
  'complaint-handling': { id: 'Penanganan pengaduan', en: 'Handling the complaint' },
  supervision: { id: 'Pengawasan oleh admin tenant', en: 'Supervision by the tenant admin' },
  'assisted-filing': { id: 'Pendampingan pengajuan (operator yang mengajukan)', en: 'Assisted filing (the operator who filed)' },
  export: { id: 'Ekspor data pengaduan', en: 'Complaint data export' },
  support: { id: 'Dukungan teknis platform', en: 'Platform support' },
};

const ROLE_NAMES: Record<ReaderRole, { id: string; en: string }> = {
  officer: { id: 'Petugas instansi', en: 'Agency officer' },
  'tenant-admin': { id: 'Admin tenant (koordinator)', en: 'Tenant admin (coordinator)' },
  'village-operator': { id: 'Operator desa', en: 'Village operator' },
  filer: { id: 'Petugas yang mengajukan', en: 'Staff who filed it' },
  'platform-admin': { id: 'Admin platform', en: 'Platform admin' },
  system: { id: 'Sistem', en: 'System' },
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The access log (as the tenant admin and as the person see it) and the person's own export. */
export class PrivacyService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * One page of the tenant's log for its admin, newest first. A `nik` filter is turned into the
   * tenant's digest first (the NIK itself never reaches the log, nor the query of the log).
   */
  async page(ctx: TenantUserCtx, query: AccessFilter & { nik?: string; limit?: number; cursor?: string }): Promise<PageOf<AccessEntryView>> {
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) throw accessLogRangeInvalid();
    const req = pageRequest<[string, string]>({ ...query }, 2);
    const { nik, limit: _l, cursor: _c, ...filter } = query;
    const rows = await this.uow.read(ctx, async (tx) => {
      if (nik) {
        const digest = await lookupDigest(tx.sql, ctx.tenant.id, nik);
        if (!digest) return [];
        filter.nikDigest = digest;
      }
      return accessQueries.page(tx.sql, filter, req.after, req.limit + 1);
    });
    return pageOf(rows, req, (r) => [r.page_at, r.id], (r) => this.adminView(ctx, r));
  }

  /** One page of the reads of the caller's own data in this tenant, newest first. */
  async mine(ctx: TenantUserCtx, query: { limit?: number; cursor?: string }): Promise<PageOf<MyAccessEntryView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.uow.read(ctx, (tx) => accessQueries.mine(tx.sql, ctx.identity.subject, req.after, req.limit + 1));
    return pageOf(rows, req, (r) => [r.page_at, r.id], (r) => this.personView(ctx, r));
  }

  /** Everything this tenant holds about the caller's account, in one document (read in one transaction: one consistent picture). */
  async export(ctx: TenantUserCtx): Promise<MyDataView> {
    const sub = ctx.identity.subject;
    const base = `/api/v1/tenants/${ctx.tenant.slug}`;
    return this.uow.read(ctx, async (tx) => {
      const apps = await exportQueries.applications(tx.sql, sub);
      const appIds = apps.map((a) => a.id);
      const [events, documents, outputs] = appIds.length
        ? [await exportQueries.events(tx.sql, appIds), await exportQueries.documents(tx.sql, appIds), await exportQueries.outputs(tx.sql, appIds)]
        : [[], [], []];
      const bookings = await exportQueries.bookings(tx.sql, sub);
      const complaints = await exportQueries.complaints(tx.sql, sub);
      const cIds = complaints.map((c) => c.id);
      const [messages, attachments] = cIds.length ? [await exportQueries.messages(tx.sql, cIds), await exportQueries.attachments(tx.sql, cIds)] : [[], []];
      const invitations = await exportQueries.invitations(tx.sql, sub);
      const log = await accessQueries.mine(tx.sql, sub, undefined, null);
      const schedule = effectiveSchedule(await retentionQueries.overrides(tx.sql));
      return {
        generatedAt: ctx.now.toISOString(),
        tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name },
        account: { subject: sub, username: ctx.identity.username, name: ctx.identity.name ?? null, email: ctx.identity.email ?? null, source: 'identity-provider' as const },
        applications: apps.map((a) => ({
          id: a.id,
          trackingCode: a.tracking_code,
          service: `${a.plugin_id}.${a.service_code}`,
          agency: a.agency_code,
          channel: a.channel,
          status: a.status,
          state: a.state,
          createdAt: a.created_at.toISOString(),
          submittedAt: iso(a.submitted_at),
          completedAt: iso(a.completed_at),
          applicant: a.applicant,
          data: a.data,
          consent: a.consent ? { statement: a.consent.statement, method: a.consent.method, at: a.consent.at } : null,
          timeline: events
            .filter((e) => e.application_id === a.id)
            .map((e) => ({ at: e.at.toISOString(), action: e.action, actorRole: e.actor_role, from: e.from_state, to: e.to_state, comment: e.comment })),
          documents: documents
            .filter((d) => d.owner_id === a.id)
            .map((d) => ({
              id: d.id, code: d.code, filename: d.filename, mediaType: d.media_type, size: Number(d.size), sha256: d.sha256, createdAt: d.created_at.toISOString(),
              downloadPath: `${base}/applications/${a.id}/documents/${d.id}/download`,
            })),
          outputs: outputs
            .filter((o) => o.application_id === a.id)
            .map((o) => ({
              code: o.output_code, kind: o.kind, issuedAt: o.issued_at.toISOString(), validUntil: iso(o.valid_until), data: o.data ?? null,
              downloadPath: o.has_file ? `${base}/applications/${a.id}/outputs/${o.output_code}/download` : null,
            })),
        })),
        bookings: bookings.map((b) => ({
          id: b.id, service: `${b.plugin_id}.${b.service_code}`, agency: b.agency_code, date: b.local_date, start: b.start_time, end: b.end_time, status: b.status, channel: b.channel,
          name: b.applicant_name, queueNumber: b.queue_number, counter: b.counter, applicationId: b.application_id, createdAt: b.created_at.toISOString(),
        })),
        complaints: complaints.map((c) => ({
          id: c.id, trackingCode: c.tracking_code, kind: c.kind, category: c.category, title: c.title, body: c.body, location: c.location, incidentDate: c.incident_date,
          anonymous: c.anonymous, confidential: c.confidential, channel: c.channel, status: c.status, complainant: c.complainant, applicationId: c.application_id,
          createdAt: c.created_at.toISOString(), closedAt: iso(c.closed_at), rating: c.rating,
          thread: messages.filter((m) => m.complaint_id === c.id).map((m) => ({ at: m.at.toISOString(), authorRole: m.author_role, kind: m.kind, body: m.body })),
          attachments: attachments
            .filter((f) => f.owner_id === c.id)
            .map((f) => ({
              id: f.id, code: null, filename: f.filename, mediaType: f.media_type, size: Number(f.size), sha256: f.sha256, createdAt: f.created_at.toISOString(),
              downloadPath: `${base}/complaints/${c.id}/attachments/${f.id}`,
            })),
        })),
        surveyInvitations: invitations.map((i) => ({
          id: i.id, service: `${i.plugin_id}.${i.service_code}`, agency: i.agency_code, createdAt: i.created_at.toISOString(), expiresAt: i.expires_at.toISOString(), answered: i.answered,
        })),
        accessLog: log.map((r) => this.personView(ctx, r)),
        retention: schedule,
      };
    });
  }

  /** The tenant's retention schedule as it applies (the regency's periods where it set them). */
  async schedule(ctx: TenantUserCtx): Promise<RetentionLineView[]> {
    return this.uow.read(ctx, async (tx) => effectiveSchedule(await retentionQueries.overrides(tx.sql)));
  }

  /**
   * The tenant admin sets one line's period (ditetapkan oleh regency), within the line's bounds,
   * citing what it rests on. Changing a period already set quotes its ETag (If-Match).
   */
  async setRetention(ctx: TenantUserCtx, code: string, input: { days: number; basis: string }, pre: Preconditions): Promise<{ line: RetentionLineView; etag: string }> {
    if (!isRetentionCode(code)) throw retentionUnknown(code);
    const bounds = purgeRule(code)?.bounds;
    if (!bounds) throw retentionFixed(code);
    if (input.days < bounds.min || input.days > bounds.max) throw retentionOutOfRange(bounds.min, bounds.max);
    return this.uow.write(ctx, async (tx) => {
      const current = await retentionQueries.override(tx.sql, code, true);
      checkPreconditions(pre, current ? etagOf(current.version) : undefined);
      const saved = await retentionQueries.setOverride(tx.sql, { tenantId: ctx.tenant.id, code, days: input.days, basis: input.basis, by: actorOf(ctx), at: ctx.now });
      await recordAudit(tx, { actor: actorOf(ctx), action: 'privacy.retention.set', subject: `retention:${code}`, data: { days: input.days, from: current?.days ?? null, basis: input.basis, version: saved.version } });
      const line = effectiveSchedule(await retentionQueries.overrides(tx.sql)).find((l) => l.code === code)!;
      return { line, etag: etagOf(saved.version) };
    });
  }

  private adminView(ctx: TenantUserCtx, r: AccessRow): AccessEntryView {
    const hidden = r.person_hidden;
    return {
      id: r.id,
      at: r.at.toISOString(),
      requestId: r.request_id,
      purpose: r.purpose as AccessPurpose,
      purposeName: PURPOSE_NAMES[r.purpose as AccessPurpose],
      record: { type: r.record_type as AccessEntryView['record']['type'], id: r.record_id, ref: r.record_ref, item: r.item },
      reader: {
        subject: r.reader_sub,
        username: r.reader_username,
        role: r.reader_role as ReaderRole,
        agency: r.reader_agency ? { code: r.reader_agency, name: r.agency_name } : null,
        ref: readerRef(ctx.tenant.id, r.reader_sub),
      },
      person: { subject: hidden ? null : r.person_sub, identifiedByNik: !hidden && r.has_nik, hidden },
    };
  }

  /** The person's view: who read as role, agency and a pseudonym (not the staff member's username). */
  private personView(ctx: TenantUserCtx, r: AccessRow): MyAccessEntryView {
    return {
      id: r.id,
      at: r.at.toISOString(),
      purpose: r.purpose as AccessPurpose,
      purposeName: PURPOSE_NAMES[r.purpose as AccessPurpose],
      record: { type: r.record_type as MyAccessEntryView['record']['type'], id: r.record_id, ref: r.record_ref, item: r.item },
      reader: {
        role: r.reader_role as ReaderRole,
        roleName: ROLE_NAMES[r.reader_role as ReaderRole],
        agency: r.reader_agency ? { code: r.reader_agency, name: r.agency_name } : null,
        ref: readerRef(ctx.tenant.id, r.reader_sub),
      },
    };
  }
}
