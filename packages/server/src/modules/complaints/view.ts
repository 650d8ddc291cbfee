import type { Tenant } from '@satupintu/core';
import { seesComplainant } from './access.js';
import { isTimerOverdue, overdueStages, reopenRefusal } from './deadlines.js';
import { COMPLAINT_LIFECYCLE, complaintWorkflow, STAFF_ROLES, type ComplaintRole } from './lifecycle.js';
import type { AttachmentRow, ComplaintRow, MessageRow } from './queries.js';
import { ComplaintRecord, type ComplaintSummaryView, type ComplaintView, type ExportRecord } from './schemas.js';

export type { ComplaintView, ExportRecord };

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** What stands for a complainant whose identity the caller may not see. */
export const withheldName = (c: Pick<ComplaintRow, 'anonymous'>) => (c.anonymous ? 'Anonim / Anonymous' : 'Dirahasiakan / Confidential');

/**
 * One complaint as the export and the webhook (the SP4N-LAPOR! connector's feed) carry it
 * (docs/complaints.md, "Export format"). Both leave the platform — a file on someone's laptop,
 * another system — so an anonymous (anonim) or confidential (rahasia) complainant is never in
 * them: their name, phone and e-mail and the application they complained about (its tracking
 * code) are null, and the `anonymous`/`confidential` flags tell LAPOR! to file it as such.
 */
export function exportRecord(c: ComplaintRow, tenant: Pick<Tenant, 'slug' | 'code'>): ExportRecord {
  const hidden = c.anonymous || c.confidential;
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
    applicationTrackingCode: hidden ? null : c.application_tracking_code,
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
    escalations: c.escalation_count,
    laporTrackingId: c.lapor_tracking_id,
    laporSyncStatus: c.lapor_sync_status,
    complainantName: hidden ? null : (c.complainant.name ?? null),
    complainantPhone: hidden ? null : (c.complainant.phone ?? null),
    complainantEmail: hidden ? null : (c.complainant.email ?? null),
  };
}

/** The export's fields in order (the CSV header; the JSON lines carry the same keys): the members of ComplaintRecord. */
export const EXPORT_FIELDS = Object.keys(ComplaintRecord.properties) as readonly (keyof ExportRecord)[];

/** Lifecycle actions as the API names them (its routes); `note` is a message with `internal`, `close` is the system's. */
const ROUTE_OF: ReadonlyMap<string, ComplaintView['allowed'][number]> = new Map<string, ComplaintView['allowed'][number]>([
  ['forward', 'verify'],
  ['handle', 'verify'],
  ['reject', 'verify'],
  ['answer', 'answer'],
  ['message', 'message'],
  ['attach', 'attach'],
  ['rate', 'rate'],
  ['reopen', 'reopen'],
]);

/**
 * What the caller may do now: the engine's `(state, roles) → actions` for this complaint, less
 * what the service refuses beyond it (a second rating, a reopen past its window or limit), plus
 * the SP4N-LAPOR! sync the coordinator may always record.
 */
export function allowedActions(c: ComplaintRow, roles: readonly ComplaintRole[], now: Date): ComplaintView['allowed'] {
  const out = new Set<ComplaintView['allowed'][number]>();
  for (const a of complaintWorkflow.allowed(c.status, roles)) {
    const route = ROUTE_OF.get(a.code);
    if (!route) continue;
    if (a.code === 'rate' && c.rating !== null) continue;
    if (a.code === 'reopen' && reopenRefusal(c, now)) continue;
    out.add(route);
  }
  if (roles.includes('coordinator')) out.add('lapor');
  return [...out];
}

/** One attachment as the thread and the upload answer it (`withName: false`: its file name withheld, see `seesComplainant`). */
export function attachmentView(a: AttachmentRow, withName = true): ComplaintView['attachments'][number] {
  return { id: a.id, filename: withName ? a.filename : null, mediaType: a.media_type, size: Number(a.size), sha256: a.sha256, createdAt: a.created_at.toISOString() };
}

/** The complaint as its complainant, filer, the agency it is routed to or the coordinator sees it. */
export function complaintView(c: ComplaintRow, roles: readonly ComplaintRole[], parts: { messages: MessageRow[]; attachments: AttachmentRow[] }, now: Date): ComplaintView {
  const staff = roles.some((r) => STAFF_ROLES.includes(r));
  // Anonymous: hidden from everyone handling it; confidential: from all but the coordinator (seesComplainant).
  const identity = seesComplainant(c, roles);
  const withheld = withheldName(c);
  return {
    id: c.id,
    trackingCode: c.tracking_code,
    kind: c.kind,
    category: c.category,
    subject: {
      type: c.subject_type,
      service: c.plugin_id && c.service_code ? `${c.plugin_id}.${c.service_code}` : null,
      // The application leads to its applicant (NIK, name): not a way in for whoever may not see them.
      applicationId: identity ? c.application_id : null,
      applicationTrackingCode: identity ? c.application_tracking_code : null,
    },
    agency: c.agency_code,
    title: c.title,
    body: c.body,
    location: c.location,
    incidentDate: c.incident_date,
    anonymous: c.anonymous,
    confidential: c.confidential,
    channel: c.channel,
    complainant: identity ? c.complainant : { name: withheld },
    status: c.status,
    statusName: COMPLAINT_LIFECYCLE.states[c.status]?.name ?? null,
    handler: c.handler,
    deadlines: {
      verification: { dueDate: c.verify_due_date, dueAt: c.verify_due_at.toISOString(), doneAt: iso(c.verified_at), overdue: isTimerOverdue(c, 'verification', now) },
      firstResponse:
        c.first_response_due_at && c.first_response_due_date
          ? { dueDate: c.first_response_due_date, dueAt: c.first_response_due_at.toISOString(), doneAt: iso(c.first_response_at), overdue: isTimerOverdue(c, 'first-response', now) }
          : null,
      answer:
        c.answer_due_at && c.answer_due_date
          ? { dueDate: c.answer_due_date, dueAt: c.answer_due_at.toISOString(), doneAt: iso(c.answered_at), overdue: isTimerOverdue(c, 'answer', now) }
          : null,
      reopenUntil: iso(c.reopen_until),
      calendar: 'hari kerja (national holidays, cuti bersama and tenant closures skipped; counted from the next working day)',
    },
    escalations: c.escalation_count,
    reopenCount: c.reopen_count,
    rating: c.rating === null || !c.rated_at ? null : { score: c.rating, comment: c.rating_comment, at: c.rated_at.toISOString() },
    lapor: {
      trackingId: c.lapor_tracking_id,
      syncStatus: c.lapor_sync_status,
      error: c.lapor_sync_error,
      syncedAt: iso(c.lapor_synced_at),
      mode: c.lapor_mode,
      transactionId: c.lapor_transaction_id,
      remoteStatus: c.lapor_remote_status,
      disposition: c.lapor_disposition,
      attempts: c.lapor_attempts,
      lastAttemptAt: iso(c.lapor_attempted_at),
      nextAttemptAt: c.lapor_sync_status === 'pending' ? iso(c.lapor_next_attempt_at) : null,
    },
    thread: parts.messages.map((m) => ({
      id: m.id,
      at: m.at.toISOString(),
      author: { name: identity || m.author_role !== 'citizen' ? m.author_name : withheld, role: m.author_role },
      kind: m.kind,
      // An attachment's entry names its file, which may name its owner.
      body: identity || m.kind !== 'attachment' ? m.body : null,
      ...(staff ? { internal: m.internal } : {}),
    })),
    attachments: parts.attachments.map((a) => attachmentView(a, identity)),
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    version: c.version,
    allowed: allowedActions(c, roles, now),
  };
}

/** A summary in the complaints list, its clocks read at `now`. */
export function complaintSummary(c: ComplaintRow, now: Date): ComplaintSummaryView {
  const overdue = overdueStages(c, now);
  return {
    id: c.id,
    trackingCode: c.tracking_code,
    kind: c.kind,
    category: c.category,
    title: c.title,
    agency: c.agency_code,
    status: c.status,
    dueDate: c.status === 'submitted' ? c.verify_due_date : c.status === 'forwarded' || c.status === 'handling' ? c.answer_due_date : null,
    overdue: overdue.length > 0,
    overdueStages: overdue,
    escalations: c.escalation_count,
    createdAt: c.created_at.toISOString(),
  };
}
