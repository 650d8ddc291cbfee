import type { LocalizedText } from '@satupintu/core';
import type { ServiceDefinition, SopRole } from '@satupintu/plugin-sdk';
import { compileWorkflow } from '@satupintu/workflow';
import type { ServiceVersion } from '../plugins/index.js';
import type { ApplicationRow, DocumentRow, EventRow, OutputRow } from './queries.js';

const DRAFT: LocalizedText = { id: 'Draf', en: 'Draft' };
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** The application as its citizen, filer or an officer of its agency sees it, with its timeline. */
export function applicationView(
  app: ApplicationRow,
  def: Pick<ServiceVersion, 'service' | 'agency'>,
  roles: SopRole[],
  parts: { events: EventRow[]; documents: DocumentRow[]; outputs: OutputRow[] },
  now: Date,
) {
  const service: ServiceDefinition = def.service;
  const stateName = (s: string | null) => (s === 'draft' ? DRAFT : s ? service.sop.states[s]?.name : undefined);
  return {
    id: app.id,
    trackingCode: app.tracking_code,
    service: { id: `${app.plugin_id}.${app.service_code}`, name: service.name, plugin: app.plugin_id, version: app.plugin_version, agency: def.agency },
    channel: app.channel,
    status: app.status,
    state: { code: app.state, name: stateName(app.state) },
    applicant: app.applicant,
    filedBy: { role: app.filed_by_role },
    consent: app.consent,
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
    },
    claimedBy: app.claimed_by_name ?? app.claimed_by ?? null,
    availableActions: app.status === 'draft' ? [] : compileWorkflow(service.sop).allowed(app.state, roles).map((a) => ({ code: a.code, name: a.name, comment: a.comment ?? 'optional' })),
    timeline: parts.events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actor: { name: e.actor_name, role: e.actor_role },
      from: e.from_state ? { code: e.from_state, name: stateName(e.from_state) } : null,
      to: e.to_state ? { code: e.to_state, name: stateName(e.to_state) } : null,
      comment: e.comment,
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
    outputs: parts.outputs.map((o) => ({
      code: o.output_code,
      name: service.outputs.find((x) => x.code === o.output_code)?.name,
      kind: o.kind,
      downloadable: o.downloadable,
      issuedAt: o.issued_at.toISOString(),
      validUntil: iso(o.valid_until),
    })),
  };
}

export type ApplicationView = ReturnType<typeof applicationView>;
