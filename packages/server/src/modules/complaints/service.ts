import { localDate, newId, newTrackingCode, NotFoundError } from '@satupintu/core';
import { recordAudit, violatedConstraint, type TenantTx, type UnitOfWork } from '@satupintu/db';
import { timersOnEntering } from '@satupintu/workflow';
import { actorOf, type TenantUserCtx } from '../../context.js';
import type { CalendarService } from '../calendar/index.js';
import type { InstallationService } from '../installations/index.js';
import { citizenOf, isCoordinator, officerAgencies, visibleTo } from './access.js';
import { duesOf, overdueStates, reopenRefusal, startedTimers } from './deadlines.js';
import {
  alreadyRated,
  complainantNotAllowed,
  complainantRequired,
  complaintActionNotAllowed,
  complaintSubjectInvalid,
  decideOn,
  incidentDateInvalid,
  laporTrackingIdRequired,
  reopenLimit,
  reopenWindowClosed,
} from './errors.js';
import { laporApiLinked } from './lapor-errors.js';
import { COMPLAINT_LIFECYCLE, DEFAULT_CATEGORY, factsOf, mayEverTake, type ComplaintCategory, type ComplaintKind, type ComplaintRole, type ComplaintStatus } from './lifecycle.js';
import { complaintQueries, type ComplaintRow } from './queries.js';
import { notify, post, viewIn } from './records.js';
import type { ComplaintSummaryView, ComplaintView } from './schemas.js';
import { complaintSummary } from './view.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import type { ComplaintWebhooks } from './webhook.js';
import { recordComplaintRead } from '../privacy/index.js';

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

export interface VerifyInput {
  decision: 'forward' | 'handle' | 'reject';
  agency?: string;
  category?: ComplaintCategory;
  note?: string;
}

/** What every part of the complaints module is built from. */
export interface ComplaintDeps {
  uow: UnitOfWork;
  installations: InstallationService;
  calendar: CalendarService;
  webhooks: ComplaintWebhooks;
  /** SP4N-LAPOR! auto-push on verification (issue 24). */
  lapor?: { onVerified(tx: TenantTx, ctx: TenantUserCtx, c: ComplaintRow): Promise<void> };
}

/** The states in which a complaint can be overdue, from the lifecycle (read once). */
const OVERDUE_STATES = overdueStates();

/** What a complaint is about, resolved before it is filed. */
interface Subject {
  pluginId: string | null;
  serviceCode: string | null;
  applicationId: string | null;
  agency: string | null;
}

/**
 * Complaints (pengaduan) under SP4N-LAPOR! rules: filed by the citizen or at the counter,
 * verified by the regency coordinator (tenant-admin), routed to the agency that owns the service
 * (Admin Penghubung = its officers) or handled by the coordinator, answered within the category's
 * hari kerja, rated and reopenable by the citizen. Every move is decided by the workflow engine on
 * the lifecycle in lifecycle.ts and persisted in one unit of work with its thread entry, its
 * notices (outbox) and its webhook delivery. The thread lives in thread.ts, counts in stats.ts.
 */
export class ComplaintService {
  constructor(private readonly d: ComplaintDeps) {}

  /** Which agency owns a service the tenant offers (its plugin's publisher), or the application the complaint names. */
  private async subject(ctx: TenantUserCtx, input: FileComplaintInput, counterAgency: string | undefined): Promise<Subject> {
    const s = input.subject;
    if (s.type === 'service') {
      try {
        const def = await this.d.installations.service(ctx, s.service);
        return { pluginId: def.pluginId, serviceCode: def.service.code, applicationId: null, agency: def.agency.code };
      } catch (e) {
        if (e instanceof NotFoundError) throw complaintSubjectInvalid('/subject/service', `Layanan ${s.service} tidak tersedia di ${ctx.tenant.name}.`, `Service ${s.service} is not offered by ${ctx.tenant.name}.`);
        throw e;
      }
    }
    if (s.type === 'application') {
      const app = await this.d.uow.read(ctx, (tx) => complaintQueries.application(tx.sql, s.applicationId));
      // A citizen complains about their own application; a counter officer about one of their agency.
      const mayUse = app && (counterAgency !== undefined ? app.agency_code === counterAgency : app.applicant_sub === ctx.identity.subject);
      if (!app || !mayUse) throw complaintSubjectInvalid('/subject/applicationId', 'Permohonan tidak ditemukan di antara permohonan Anda.', 'No such application among yours.');
      return { pluginId: app.plugin_id, serviceCode: app.service_code, applicationId: app.id, agency: app.agency_code };
    }
    return { pluginId: null, serviceCode: null, applicationId: null, agency: null };
  }

  /** Files a complaint (online, or at the counter for a citizen): verification is due in 3 hari kerja. */
  async file(ctx: TenantUserCtx, input: FileComplaintInput): Promise<ComplaintView> {
    const { tenant, identity, now } = ctx;
    const officer = identity.memberships.find((m) => m.role === 'officer' && m.tenant === tenant.slug);
    const onBehalf = input.complainant !== undefined;
    if (onBehalf && officer?.role !== 'officer') throw complainantNotAllowed();
    if (!onBehalf && !identity.roles.includes('citizen')) throw complainantRequired();
    if (input.incidentDate && input.incidentDate > localDate(now, tenant.timeZone)) throw incidentDateInvalid();
    const subject = await this.subject(ctx, input, onBehalf && officer?.role === 'officer' ? officer.agency : undefined);
    const category = input.category ?? DEFAULT_CATEGORY[input.kind];
    const initial = COMPLAINT_LIFECYCLE.initial;
    const dues = duesOf(timersOnEntering(COMPLAINT_LIFECYCLE, initial, now, await this.d.calendar.forTenant(ctx), { category }));
    const given = input.complainant ?? { name: identity.name ?? identity.username, ...(identity.email ? { email: identity.email } : {}) };
    // Anonim (SP4N-LAPOR!): nobody but the complainant ever learns who it is, so the platform keeps
    // only what it needs to notify them — their account (complainant_sub), or the phone/e-mail taken
    // down at the counter — and no name or NIK at all.
    const complainant = input.anonymous ? (onBehalf ? { ...(given.phone ? { phone: given.phone } : {}), ...(given.email ? { email: given.email } : {}) } : {}) : given;
    const id = newId();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.d.uow.write(ctx, async (tx) => {
          await complaintQueries.insert(tx.sql, {
            tenantId: tenant.id, id, trackingCode: `ADU-${newTrackingCode()}`, kind: input.kind, category, subjectType: input.subject.type, pluginId: subject.pluginId,
            serviceCode: subject.serviceCode, applicationId: subject.applicationId, agency: subject.agency, title: input.title, body: input.body,
            anonymous: input.anonymous ?? false, confidential: input.confidential ?? false, location: input.location ?? null, incidentDate: input.incidentDate ?? null,
            complainantSub: onBehalf ? null : identity.subject, complainant, filedBySub: identity.subject, filedByRole: onBehalf ? 'officer' : 'citizen',
            channel: onBehalf ? 'counter' : 'online', status: 'submitted', dues, now,
          });
          const c = { tenant_id: tenant.id, id, anonymous: input.anonymous ?? false };
          await post(tx, ctx, c, { role: onBehalf ? 'filer' : 'complainant', kind: 'filed' });
          await this.d.webhooks.publish(tx, ctx, id, 'complaint.filed');
          const view = await viewIn(tx, ctx, id);
          await notify(tx, ctx, { id, tracking_code: view.trackingCode }, 'complaint.filed', ['tenant-admin']);
          return view;
        });
      } catch (e) {
        // Tracking codes are random (40 bits); a clash with an existing one is retried with another.
        if (violatedConstraint(e) === 'complaints_tenant_id_tracking_code_key' && attempt < 5) continue;
        throw e;
      }
    }
  }

  async get(ctx: TenantUserCtx, id: string): Promise<ComplaintView> {
    return this.d.uow.read(ctx, async (tx) => (await recordComplaintRead(tx, ctx, id), await viewIn(tx, ctx, id))); // UU 27/2022: a staff read is logged (rolled back when refused)
  }

  /**
   * One page of the complaints the caller may see — the coordinator's all; an officer's those
   * routed to their agency; a citizen's own — newest first. Rows filed while a client walks the
   * pages sort before its cursor, so every complaint that existed when it started is listed once.
   */
  async list(ctx: TenantUserCtx, query: { status?: ComplaintStatus; overdue?: boolean; limit?: number; cursor?: string }): Promise<PageOf<ComplaintSummaryView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const filter = {
      all: isCoordinator(ctx.identity, ctx.tenant),
      subject: ctx.identity.subject,
      agencies: officerAgencies(ctx.identity, ctx.tenant),
      status: query.status,
      overdue: query.overdue,
      now: ctx.now,
      timed: OVERDUE_STATES,
    };
    const rows = await this.d.uow.read(ctx, (tx) => complaintQueries.page(tx.sql, filter, req.after, req.limit + 1));
    return pageOf(rows, req, (c) => [c.page_at, c.id], (c) => complaintSummary(c, ctx.now));
  }

  /** Runs `fn` on the complaint locked for this write, with the caller's roles on it; answers its view after the change. */
  private change(ctx: TenantUserCtx, id: string, fn: (tx: TenantTx, c: ComplaintRow, roles: ComplaintRole[]) => Promise<void>): Promise<ComplaintView> {
    return this.d.uow.write(ctx, async (tx) => {
      const { c, roles } = visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(tx.sql, id, true));
      await fn(tx, c, roles);
      return viewIn(tx, ctx, id);
    });
  }

  /**
   * The coordinator verifies: `forward` to the agency (default: the service's plugin owner or the
   * application's agency), `handle` it, or `reject` it with a reason (the note).
   */
  async verify(ctx: TenantUserCtx, id: string, input: VerifyInput): Promise<ComplaintView> {
    return this.change(ctx, id, async (tx, c, roles) => {
      const agency = input.agency ?? c.agency_code;
      const category = input.category ?? c.category;
      const d = decideOn(c.status, roles, input.decision, { comment: input.note, facts: factsOf({ category, handler: c.handler, agency_code: agency }) });
      if (d.to === 'rejected') {
        await complaintQueries.reject(tx.sql, id, ctx.identity.username, ctx.now);
        await post(tx, ctx, c, { role: d.role, kind: 'rejected', body: input.note });
        await this.d.webhooks.publish(tx, ctx, id, 'complaint.rejected');
        await notify(tx, ctx, c, 'complaint.rejected', citizenOf(c));
      } else {
        const forwarded = d.to === 'forwarded';
        const cal = await this.d.calendar.forTenant(ctx, tx);
        const dues = duesOf(timersOnEntering(COMPLAINT_LIFECYCLE, d.to, ctx.now, cal, { category }, startedTimers(c)));
        await complaintQueries.route(tx.sql, { id, status: forwarded ? 'forwarded' : 'handling', handler: forwarded ? 'agency' : 'coordinator', agency, category, by: ctx.identity.username, now: ctx.now, dues });
        await post(tx, ctx, c, { role: d.role, kind: 'verified' });
        await post(tx, ctx, c, { role: d.role, kind: forwarded ? 'forwarded' : 'handling', body: forwarded ? `→ ${agency}` : null });
        if (input.note?.trim()) await post(tx, ctx, c, { role: d.role, kind: 'note', body: input.note, internal: true });
        await this.d.webhooks.publish(tx, ctx, id, forwarded ? 'complaint.forwarded' : 'complaint.verified');
        await notify(tx, ctx, c, 'complaint.routed', forwarded ? [`officer:${agency}`] : ['tenant-admin']);
        await this.d.lapor?.onVerified(tx, ctx, c);
      }
      await recordAudit(tx, { actor: actorOf(ctx), action: 'complaint.verified', subject: `complaint:${c.tracking_code}`, data: { decision: input.decision, agency, category } });
    });
  }

  /** The agency's officers (when forwarded) or the coordinator answer; the reopen window (10 hari kerja) starts. */
  async answer(ctx: TenantUserCtx, id: string, input: { body: string }): Promise<ComplaintView> {
    return this.change(ctx, id, async (tx, c, roles) => {
      const d = decideOn(c.status, roles, 'answer', { facts: factsOf(c) });
      const cal = await this.d.calendar.forTenant(ctx, tx);
      const { reopen } = duesOf(timersOnEntering(COMPLAINT_LIFECYCLE, d.to, ctx.now, cal, factsOf(c), startedTimers(c)));
      await complaintQueries.answer(tx.sql, id, ctx.now, reopen?.at ?? null);
      await post(tx, ctx, c, { role: d.role, kind: 'answer', body: input.body });
      await this.d.webhooks.publish(tx, ctx, id, 'complaint.answered');
      await notify(tx, ctx, c, 'complaint.answered', citizenOf(c));
    });
  }

  /** The complainant rates the answer (1–5), which closes the complaint (it may still be reopened within the window). */
  async rate(ctx: TenantUserCtx, id: string, input: { score: number; comment?: string }): Promise<ComplaintView> {
    return this.change(ctx, id, async (tx, c, roles) => {
      if (!mayEverTake(roles, 'rate')) throw complaintActionNotAllowed();
      if (c.rating !== null) throw alreadyRated();
      const d = decideOn(c.status, roles, 'rate', { comment: input.comment, facts: factsOf(c) });
      await complaintQueries.rate(tx.sql, id, input.score, input.comment ?? null, ctx.now);
      await post(tx, ctx, c, { role: d.role, kind: 'rated', body: `${input.score}/5${input.comment ? ` — ${input.comment}` : ''}` });
      await this.d.webhooks.publish(tx, ctx, id, 'complaint.rated');
    });
  }

  /**
   * The complainant reopens an answered (or rated) complaint within its window, at most
   * MAX_REOPENS times: the engine sends it back to its handler (by the `handler` fact), with a
   * new answer deadline (the first response is not due again).
   */
  async reopen(ctx: TenantUserCtx, id: string, input: { reason: string }): Promise<ComplaintView> {
    return this.change(ctx, id, async (tx, c, roles) => {
      const d = decideOn(c.status, roles, 'reopen', { comment: input.reason, facts: factsOf(c) });
      const why = reopenRefusal(c, ctx.now);
      if (why === 'window-closed') throw reopenWindowClosed(c.reopen_until?.toISOString() ?? null);
      if (why === 'limit') throw reopenLimit();
      const cal = await this.d.calendar.forTenant(ctx, tx);
      const { answer } = duesOf(timersOnEntering(COMPLAINT_LIFECYCLE, d.to, ctx.now, cal, factsOf(c), startedTimers(c)));
      await complaintQueries.reopen(tx.sql, id, d.to === 'forwarded' ? 'forwarded' : 'handling', answer, ctx.now);
      await post(tx, ctx, c, { role: d.role, kind: 'reopened', body: input.reason });
      await this.d.webhooks.publish(tx, ctx, id, 'complaint.reopened');
      await notify(tx, ctx, c, 'complaint.reopened', c.handler === 'agency' && c.agency_code ? [`officer:${c.agency_code}`, 'tenant-admin'] : ['tenant-admin']);
    });
  }

  /**
   * SP4N-LAPOR! tracking id and sync status recorded by the coordinator (manual mode: they forwarded
   * it on lapor.go.id), kept as internal notes. On a complaint the platform pushes (API mode) this
   * is refused while the push runs or after it linked a report (LAPOR_API_LINKED), except to
   * settle a `conflict` (the coordinator names the right report; pulling resumes) or to record by
   * hand a push that `failed`.
   */
  async setLapor(ctx: TenantUserCtx, id: string, input: { trackingId?: string; syncStatus: 'pending' | 'synced' | 'failed'; error?: string }): Promise<ComplaintView> {
    if (input.syncStatus === 'synced' && !input.trackingId) throw laporTrackingIdRequired();
    const trackingId = input.trackingId?.replace(/^#/, '');
    return this.change(ctx, id, async (tx, c, roles) => {
      if (!roles.includes('coordinator')) throw complaintActionNotAllowed();
      const settles = c.lapor_mode === 'api' && c.lapor_sync_status === 'conflict';
      if (c.lapor_mode === 'api' && !settles && c.lapor_sync_status !== 'failed') throw laporApiLinked();
      const error = input.syncStatus === 'failed' ? (input.error ?? null) : null;
      const mode = settles && input.syncStatus === 'synced' ? 'api' : 'manual';
      await complaintQueries.setLapor(tx.sql, { id, trackingId: trackingId ?? null, status: input.syncStatus, error, now: ctx.now, mode, next: mode === 'api' ? ctx.now : null });
      const body = `SP4N-LAPOR! ${input.syncStatus}${trackingId ? ` #${trackingId}` : ''}${input.error ? `: ${input.error}` : ''}`;
      await post(tx, ctx, c, { role: 'coordinator', kind: 'lapor', body, internal: true });
      await recordAudit(tx, { actor: actorOf(ctx), action: 'complaint.lapor-recorded', subject: `complaint:${c.tracking_code}`, data: { mode, syncStatus: input.syncStatus, trackingId: trackingId ?? null } });
    });
  }
}
