import type { LocalizedText } from '@satupintu/core';
import type { FeeQuote, ServiceDefinition, SopRole } from '@satupintu/plugin-sdk';
import { compileWorkflow } from '@satupintu/workflow';
import type { ServiceVersion } from '../plugins/index.js';
import type { ApplicationRow, DocumentRow, DuplicateRow, EventRow, OutputRow } from './queries.js';
import type { ApplicationView } from './schemas.js';
import { waitingFor } from './sla.js';

export type { ApplicationView } from './schemas.js';

const DRAFT: LocalizedText = { id: 'Draf', en: 'Draft' };
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** The name of an SOP state (the code itself when the plugin version does not name it). */
export function stateName(service: ServiceDefinition, code: string): LocalizedText {
  if (code === 'draft') return DRAFT;
  const name = service.sop.states[code]?.name;
  return name ? { id: name.id, en: name.en } : { id: code, en: code };
}

/** The ETag-carrying representation of an application: the same for every caller but `availableActions` and `possibleDuplicates`. */
export function applicationView(
  app: ApplicationRow,
  def: Pick<ServiceVersion, 'service' | 'agency'>,
  roles: SopRole[],
  parts: {
    events: EventRow[];
    documents: DocumentRow[];
    outputs: OutputRow[];
    duplicates?: DuplicateRow[];
    applicantNik?: NonNullable<ApplicationView['applicantNik']>;
    identityWarnings?: NonNullable<ApplicationView['identityWarnings']>;
    /** Part "fees" (issue 23). */
    fee?: FeeQuote;
  },
  now: Date,
): ApplicationView {
  const service: ServiceDefinition = def.service;
  const ref = (s: string) => ({ code: s, name: stateName(service, s) });
  const agency = def.agency;
  const consent = app.consent;
  return {
    id: app.id,
    trackingCode: app.tracking_code,
    service: {
      id: `${app.plugin_id}.${app.service_code}`,
      name: { id: service.name.id, en: service.name.en },
      plugin: app.plugin_id,
      version: app.plugin_version,
      agency: {
        code: agency.code,
        name: { id: agency.name.id, en: agency.name.en },
        kind: agency.kind,
        ...(agency.parent ? { parent: { id: agency.parent.id, en: agency.parent.en } } : {}),
        ...(agency.website ? { website: agency.website } : {}),
      },
    },
    channel: app.channel,
    status: app.status,
    state: ref(app.state),
    applicant: {
      ...(app.applicant.nik !== undefined ? { nik: app.applicant.nik } : {}),
      ...(app.applicant.name !== undefined ? { name: app.applicant.name } : {}),
      ...(app.applicant.phone !== undefined ? { phone: app.applicant.phone } : {}),
    },
    filedBy: { role: app.filed_by_role },
    consent: consent ? { statement: consent.statement, method: consent.method, recordedBy: consent.recordedBy, at: consent.at } : null,
    data: app.data,
    version: app.version,
    createdAt: app.created_at.toISOString(),
    submittedAt: iso(app.submitted_at),
    completedAt: iso(app.completed_at),
    sla: {
      dueAt: iso(app.due_at),
      dueDate: app.due_date ?? null,
      stepDueAt: iso(app.step_due_at),
      stepDueDate: app.step_due_date ?? null,
      overdue: app.status === 'submitted' && app.step_due_at !== null && app.step_due_at.getTime() < now.getTime(),
      startedAt: iso(app.sla_started_at),
      startsOn: waitingFor(service),
    },
    claimedBy: app.claimed_by_name ?? app.claimed_by ?? null,
    ...(parts.duplicates
      ? { possibleDuplicates: parts.duplicates.map((d) => ({ id: d.id, trackingCode: d.tracking_code, status: d.status as ApplicationView['status'], submittedAt: iso(d.submitted_at) })) }
      : {}),
    ...(parts.applicantNik ? { applicantNik: parts.applicantNik } : {}),
    ...(parts.identityWarnings ? { identityWarnings: parts.identityWarnings } : {}),
    // Issue 23 (versions): what a draft moved to a newer version now needs.
    ...(app.status === 'draft' && app.version_change ? { versionChange: app.version_change } : {}),
    ...(parts.fee ? { fee: parts.fee } : {}),
    availableActions:
      app.status === 'draft'
        ? []
        : compileWorkflow(service.sop)
            .allowed(app.state, roles)
            .map((a) => ({ code: a.code, name: { id: a.name.id, en: a.name.en }, comment: a.comment ?? 'optional', ...(a.issues?.length ? { issues: [...a.issues] } : {}) })),
    timeline: parts.events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actor: { name: e.actor_name, role: e.actor_role },
      from: e.from_state ? ref(e.from_state) : null,
      to: e.to_state ? ref(e.to_state) : null,
      comment: e.comment,
      ...(e.changes?.length ? { changes: e.changes.map((c) => ({ pointer: c.pointer, from: c.from ?? null, to: c.to ?? null })) } : {}),
    })),
    documents: parts.documents.map((d) => ({
      id: d.id,
      code: d.document_code,
      filename: d.filename,
      mediaType: d.media_type,
      size: Number(d.size),
      sha256: d.sha256,
      source: d.source,
      sourceApplicationId: d.source_application_id,
      createdAt: d.created_at.toISOString(),
    })),
    outputs: parts.outputs.map((o) => {
      const name = service.outputs.find((x) => x.code === o.output_code)?.name;
      return {
        code: o.output_code,
        name: name ? { id: name.id, en: name.en } : { id: o.output_code, en: o.output_code },
        kind: o.kind,
        downloadable: o.downloadable,
        issuedAt: o.issued_at.toISOString(),
        validUntil: iso(o.valid_until),
        data: o.data ?? null,
        ...(o.verify_code ? { verifyCode: o.verify_code } : {}),
        ...(o.signer ? { signedBy: o.signer } : {}),
      };
    }),
  };
}
