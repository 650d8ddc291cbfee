import { createHash } from 'node:crypto';
import { localDate, newId, type FieldError } from '@satupintu/core';
import type { EventBus } from '@satupintu/db';
import type { ServiceDefinition } from '@satupintu/plugin-sdk';
import type { ObjectStore } from '@satupintu/storage';
import { decide, startsClock, WorkflowError, type Decision, type GuardCheck } from '@satupintu/workflow';
import { cutiBersamaWorking, serviceDue, stepDue } from './sla.js';
import type { SopRole } from '@satupintu/plugin-sdk';
import type { TenantUserCtx } from '../../context.js';
import type { DomainEvents } from '../../kernel.js';
import { visibleTo } from './access.js';
import { documentQueries } from './document-queries.js';
import { diffData } from './changes.js';
import { actionNotAllowed, alreadyClaimed, applicationNotFound, commentRequired, formInvalid, guardFailed, outputDataInvalid, storageUnavailable, versionConflict } from './errors.js';
import { platformNumber } from './validity.js';
import { PAYMENT_ACTION, paymentNotProven, paymentProven } from '../payments/index.js';
import { renderOutputPdf } from './output-pdf.js';
import { newVerifyCode, signPdf, type AgencySigner } from '../signatures/index.js';
import { applicationQueries, escalationQueries, type ApplicationRow, type DataChange, type QueueFilter, type Status } from './queries.js';
import { MAX_FORM_BYTES, momentOf, type ApplicationDeps, type ApplicationService } from './service.js';
import { bodyTooLarge } from '../../http/problems.js';
import type { Escalation, OfficerQueue, QueueItem } from './schemas.js';
import { stateName, type ApplicationView } from './view.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';

/** An output rendered and stored before the transaction that issues it. */
interface RenderedOutput {
  code: string;
  kind: string;
  key: string | null;
  size: number | null;
  sha256: string | null;
  validUntil: Date | null;
  data: Record<string, unknown> | null;
  /** Part "fees" (issue 23): the verification code and who signed the PDF. */
  verifyCode: string | null;
  signer: { subject: string; issuer: string; testCa: boolean } | null;
}

/** The engine's refusals as this module's problems. */
function refusal(e: unknown): unknown {
  if (!(e instanceof WorkflowError)) return e;
  const r = e.refusal;
  if (r.kind === 'not-allowed') return actionNotAllowed(r.action, r.state, r.allowed);
  if (r.kind === 'comment-required') return commentRequired();
  return guardFailed(r.errors.map((x: FieldError) => ({ ...x, pointer: `/data${x.pointer}` })));
}

/**
 * SOP actions on an application, run by the workflow engine on the application's own plugin
 * version: `(state, role) → actions`, comments, guards on the form data, the next step's SLA. An
 * action that issues documents renders and stores them first, then commits the move in one unit
 * of work that re-checks nobody moved the file meanwhile (else 409 and the documents go again).
 */
export class ActionService {
  constructor(
    private readonly d: ApplicationDeps & { events: EventBus<DomainEvents> },
    private readonly apps: ApplicationService,
    private readonly store: ObjectStore,
  ) {}

  private guards(app: ApplicationRow): GuardCheck {
    return (guard, facts, action) => this.d.validators.validate(app.content_hash, `${app.service_code}@${action.code}`, guard, facts);
  }

  /**
   * What the officer records about each output the action issues (issue 23), validated against the
   * plugin's schema for it; the document's number and date of issue, left out, are the platform's
   * number and today. Anything for an output this action does not issue is refused, as is a date
   * of issue after today.
   */
  private outputData(ctx: TenantUserCtx, app: ApplicationRow, service: ServiceDefinition, decision: Decision<SopRole>, given: Record<string, Record<string, unknown>> = {}): Map<string, Record<string, unknown>> {
    const issues = decision.action.issues ?? [];
    const errors: FieldError[] = [];
    const out = new Map<string, Record<string, unknown>>();
    for (const code of Object.keys(given))
      if (!issues.includes(code) || !service.outputs.find((o) => o.code === code)?.data)
        errors.push({ pointer: `/outputs/${code}`, message: { id: `Tindakan ${decision.action.code} tidak menerbitkan ${code} dengan data.`, en: `Action ${decision.action.code} does not issue ${code} with data.` } });
    const today = localDate(ctx.now, ctx.tenant.timeZone);
    for (const code of issues) {
      const spec = service.outputs.find((o) => o.code === code)?.data;
      if (!spec) continue;
      const data = { ...(given[code] ?? {}) };
      const top = (p: string | undefined) => (p && /^\/[^/]+$/.test(p) ? p.slice(1) : undefined);
      const num = top(spec.number);
      const day = top(spec.issuedOn);
      if (num && (data[num] === undefined || data[num] === '')) data[num] = platformNumber(app.tracking_code, code);
      if (day && (data[day] === undefined || data[day] === '')) data[day] = today;
      errors.push(...this.d.validators.validate(app.content_hash, `${app.service_code}!${code}`, spec.schema, data).map((e) => ({ ...e, pointer: `/outputs/${code}${e.pointer}` })));
      if (day && typeof data[day] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data[day] as string) && (data[day] as string) > today)
        errors.push({ pointer: `/outputs/${code}/${day}`, message: { id: `Tanggal terbit tidak boleh setelah hari ini (${today}).`, en: `The date of issue cannot be after today (${today}).` } });
      out.set(code, data);
    }
    if (errors.length) throw outputDataInvalid(errors);
    return out;
  }

  /** Renders the PDFs an action issues (with what the officer recorded) and puts them in the bucket (before any row is locked). */
  private async render(ctx: TenantUserCtx, app: ApplicationRow, service: ServiceDefinition, agencyName: { id: string; en: string }, decision: Decision<SopRole>, recorded: Map<string, Record<string, unknown>>): Promise<RenderedOutput[]> {
    const out: RenderedOutput[] = [];
    let signer: AgencySigner | null | undefined;
    for (const code of decision.action.issues ?? []) {
      const o = service.outputs.find((x) => x.code === code);
      if (!o) continue;
      const validUntil = o.validityDays ? new Date(ctx.now.getTime() + o.validityDays * 86_400_000) : null;
      const data = recorded.get(code) ?? null;
      if (o.kind !== 'document') {
        out.push({ code, kind: o.kind, key: null, size: null, sha256: null, validUntil, data, verifyCode: null, signer: null });
        continue;
      }
      const labels = service.form.ui.labels;
      const fields = Object.entries(app.data)
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => ({ label: labels[k]?.id ?? k, value: Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? Object.values(x ?? {}).join(' / ') : String(x))).join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v) }));
      // What the officer recorded is printed too; the recorded number is the document's number.
      const numberField = o.data?.number?.slice(1);
      const recordedNumber = data && numberField ? data[numberField] : undefined;
      for (const [k, v] of Object.entries(data ?? {})) if (k !== numberField && v !== null && v !== undefined && v !== '') fields.push({ label: o.data?.labels?.[k]?.id ?? k, value: typeof v === 'object' ? JSON.stringify(v) : String(v) });
      // Part "fees" (issue 23): the QR code of the public verification page, and the agency's PAdES signature.
      const verifyCode = newVerifyCode();
      const verify = this.d.signatures ? { code: verifyCode, url: this.d.signatures.verifyUrl(ctx.tenant.slug, verifyCode) } : undefined;
      // A key that cannot be used (e.g. damaged) never stops the issuance: the document goes out unsigned, and its verification page says so.
      signer ??= this.d.signatures
        ? ((await this.d.signatures.signerFor(ctx, app.agency_code).catch((err: unknown) => (ctx.log.warn({ err, agency: app.agency_code }, 'issued document not signed: signing key unusable'), undefined))) ?? null)
        : null;
      const key = signer;
      const pdf = await renderOutputPdf(
        {
          tenantName: ctx.tenant.name, agencyName, outputName: o.name, serviceName: service.name, number: typeof recordedNumber === 'string' ? recordedNumber : platformNumber(app.tracking_code, o.code),
          applicantName: app.applicant.name ?? '-', issuedAt: ctx.now, validUntil: validUntil ?? undefined, timeZone: ctx.tenant.timeZone, fields, ...(verify ? { verify } : {}),
        },
        key && verify
          ? (doc) => signPdf(doc, key.p12, key.passphrase, { name: agencyName.id, reason: `${o.name.id} ${app.tracking_code}`, location: ctx.tenant.name, contactInfo: verify.url, signingTime: ctx.now })
          : undefined,
      );
      // A fresh key per rendering: a losing concurrent attempt never overwrites the winner's object.
      const objectKey = `t/${ctx.tenant.id}/a/${app.id}/o/${o.code}-${newId()}`;
      try {
        await this.store.putBuffer(ctx.tenant.homeRegion, objectKey, pdf, 'application/pdf');
      } catch (e) {
        for (const o of out) if (o.key) await this.store.delete(ctx.tenant.homeRegion, o.key).catch(() => {});
        throw storageUnavailable(e);
      }
      out.push({
        code, kind: o.kind, key: objectKey, size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), validUntil, data,
        verifyCode: verify ? verifyCode : null, signer: signer && verify ? { subject: signer.subject, issuer: signer.issuer, testCa: signer.testCa } : null,
      });
    }
    return out;
  }

  /**
   * Takes one SOP action; of two officers acting at once exactly one wins, the other gets 409.
   * After submission the form changes only here: `data` (the whole corrected form, validated
   * against the application's own form) travels with an action the caller may take, and the
   * action's timeline entry records the diff — field, old and new value (personal data: on the
   * timeline for the applicant and the handling staff, never in a log).
   */
  async act(ctx: TenantUserCtx, id: string, code: string, input: { comment?: string; expectedVersion?: number; data?: Record<string, unknown>; outputs?: Record<string, Record<string, unknown>> }): Promise<ApplicationView> {
    const { app, roles } = visibleTo(ctx.identity, ctx.tenant, await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, id)));
    if (input.expectedVersion !== undefined && input.expectedVersion !== app.version) throw versionConflict();
    const def = await this.apps.definition(app);
    const { service } = def;
    let changes: DataChange[] = [];
    if (input.data !== undefined && app.status !== 'draft') {
      if (Buffer.byteLength(JSON.stringify(input.data)) > MAX_FORM_BYTES) throw bodyTooLarge();
      changes = diffData(app.data, input.data);
    }
    const data = changes.length && input.data ? input.data : app.data;
    let decision: Decision<SopRole>;
    try {
      if (app.status === 'draft') throw actionNotAllowed(code, app.state, []);
      decision = decide(service.sop, { state: app.state, roles, action: code, comment: input.comment, facts: data }, this.guards(app));
    } catch (e) {
      throw refusal(e);
    }
    if (changes.length) {
      const formErrors = this.d.validators.validate(app.content_hash, app.service_code, service.form.schema, data);
      if (formErrors.length) throw formInvalid(formErrors.map((e) => ({ ...e, pointer: `/data${e.pointer}` })));
    }
    const recorded = this.outputData(ctx, app, service, decision, input.outputs);
    const rendered = await this.render(ctx, { ...app, data }, service, def.agency.name, decision, recorded);
    const superseded: string[] = [];
    try {
      const cal = await this.d.calendar.forTenant(ctx);
      const view = await this.d.uow.write(ctx, async (tx) => {
        const locked = await applicationQueries.load(tx.sql, id, true);
        if (!locked || locked.version !== app.version) throw versionConflict();
        // Issue 24 (payments): once a fee is assessed, only a matched or proven payment moves the payment step.
        if (decision.action.code === PAYMENT_ACTION && !(await paymentProven(tx.sql, id))) throw paymentNotProven();
        // The documents' validity rules (issue 23): on the citizen's resubmission as of today; on a
        // correction of the form by an officer, as of the day the file was submitted.
        const resubmission = service.sop.states[app.state]?.actor === 'citizen' && !decision.terminal;
        if (resubmission || changes.length) {
          const day = resubmission || !app.submitted_at ? ctx.now : app.submitted_at;
          await this.apps.checkDocuments(tx, app, service, data, localDate(day, ctx.tenant.timeZone), ctx.tenant.timeZone);
        }
        for (const o of rendered) {
          const prior = await documentQueries.outputObject(tx.sql, id, o.code);
          if (prior) superseded.push(prior.key);
          await documentQueries.issueOutput(tx.sql, { tenantId: ctx.tenant.id, appId: id, code: o.code, kind: o.kind, key: o.key, mediaType: o.key ? 'application/pdf' : null, size: o.size, sha256: o.sha256, by: ctx.identity.username, issuedAt: ctx.now, validUntil: o.validUntil, data: o.data, verifyCode: o.verifyCode, signer: o.signer });
        }
        const status: Status = decision.terminal ? (decision.outcome === 'rejected' || decision.outcome === 'withdrawn' ? decision.outcome : 'completed') : 'submitted';
        const cb = await cutiBersamaWorking(tx.sql, app.agency_code, service);
        const step = stepDue(service, decision.to, ctx.now, cal, cb);
        // The SOP's start event (issue 23, sla): the service clock starts now, once.
        const overall = !decision.terminal && locked.sla_started_at === null && startsClock(service.sop, { action: decision.action.code, to: decision.to }) ? serviceDue(service, ctx.now, cal, cb) : undefined;
        // The event (with the diff) first: the database lets a submitted form change only beside one.
        await applicationQueries.event(tx.sql, {
          tenantId: ctx.tenant.id, applicationId: id, id: newId(), at: ctx.now, actorSub: ctx.identity.subject, actorName: ctx.identity.name ?? ctx.identity.username,
          role: decision.role, action: decision.action.code, from: decision.from, to: decision.to, comment: input.comment ?? null, changes,
        });
        const move = { id, version: app.version, to: decision.to, status, terminal: decision.terminal, now: ctx.now, step, ...(overall ? { overall } : {}), ...(changes.length ? { data } : {}) };
        if (!(await applicationQueries.move(tx.sql, move))) throw versionConflict();
        await this.d.events.emit(tx, 'application.moved', { ...momentOf(app, ctx.tenant.slug), from: decision.from, to: decision.to, action: decision.action.code, status, comment: input.comment ?? null });
        // Whatever follows a completion (the SKM invitation) commits with it.
        if (status === 'completed')
          await this.d.events.emit(tx, 'application.completed', { applicationId: id, trackingCode: app.tracking_code, pluginId: app.plugin_id, serviceCode: app.service_code, agencyCode: app.agency_code, applicantSub: app.applicant_sub });
        const moved = await applicationQueries.load(tx.sql, id);
        if (!moved) throw applicationNotFound();
        tx.afterCommit(async () => {
          for (const key of superseded) await this.store.delete(ctx.tenant.homeRegion, key);
        });
        return this.apps.viewIn(tx, ctx, moved);
      });
      return view;
    } catch (e) {
      for (const o of rendered) if (o.key) await this.store.delete(ctx.tenant.homeRegion, o.key).catch(() => {});
      throw e;
    }
  }

  /**
   * An officer's work queue: submitted applications of one agency at one tenant, by step due time,
   * with the counts due today and overdue (in the tenant's time zone).
   */
  async queue(ctx: TenantUserCtx, agency: string, query: { state?: string; mine?: boolean; limit?: number; cursor?: string }): Promise<OfficerQueue> {
    const today = localDate(ctx.now, ctx.tenant.timeZone);
    const req = pageRequest<[string | null, string]>(query, 2);
    const filter: QueueFilter = { agency, ...(query.state ? { state: query.state } : {}), ...(query.mine ? { claimedBy: ctx.identity.subject } : {}) };
    const { rows, counts } = await this.d.uow.read(ctx, async (tx) => ({
      rows: await applicationQueries.queue(tx.sql, filter, req.after, req.limit + 1),
      counts: await applicationQueries.queueCounts(tx.sql, filter, today, ctx.now),
    }));
    const page = pageOf(rows, req, (r) => [r.page_due, r.id]);
    const items: QueueItem[] = [];
    for (const r of page.items) {
      const { service } = await this.apps.definition(r);
      items.push({
        id: r.id,
        trackingCode: r.tracking_code,
        service: { id: `${r.plugin_id}.${r.service_code}`, name: { id: service.name.id, en: service.name.en } },
        channel: r.channel,
        state: { code: r.state, name: stateName(service, r.state) },
        applicantName: r.applicant_name,
        submittedAt: r.submitted_at?.toISOString() ?? null,
        dueDate: r.due_date,
        stepDueAt: r.step_due_at?.toISOString() ?? null,
        stepDueDate: r.step_due_date,
        overdue: r.step_due_at !== null && r.step_due_at.getTime() < ctx.now.getTime(),
        dueToday: r.step_due_date === today,
        claimedBy: r.claimed_by_name ?? r.claimed_by,
      });
    }
    return { today, counts: { total: counts.total, dueToday: counts.due_today, overdue: counts.overdue }, items, next: page.next };
  }

  /** One page of the tenant's SLA escalations, newest first. */
  async escalations(ctx: TenantUserCtx, query: { limit?: number; cursor?: string }): Promise<PageOf<Escalation>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.d.uow.read(ctx, (tx) => escalationQueries.page(tx.sql, req.after, req.limit + 1));
    return pageOf(
      rows,
      req,
      (r) => [r.page_at, r.id],
      (r) => ({
        id: r.id,
        applicationId: r.application_id,
        trackingCode: r.tracking_code,
        agency: r.agency_code,
        service: r.service,
        state: r.state,
        dueAt: r.due_at.toISOString(),
        escalatedAt: r.escalated_at.toISOString(),
      }),
    );
  }

  /** An officer takes an application of their agency; someone else's claim is refused (409). */
  async claim(ctx: TenantUserCtx, id: string, release = false): Promise<ApplicationView> {
    return this.d.uow.write(ctx, async (tx) => {
      const app = await applicationQueries.load(tx.sql, id, true);
      const roles: string[] = app ? visibleTo(ctx.identity, ctx.tenant, app).roles : [];
      if (!app || !roles.includes('officer') || app.status !== 'submitted') throw applicationNotFound();
      if (release) {
        if (app.claimed_by === ctx.identity.subject) await applicationQueries.claim(tx.sql, id, null, ctx.now);
      } else {
        if (app.claimed_by && app.claimed_by !== ctx.identity.subject) throw alreadyClaimed(app.claimed_by_name);
        await applicationQueries.claim(tx.sql, id, { sub: ctx.identity.subject, name: ctx.identity.name ?? ctx.identity.username }, ctx.now);
        await applicationQueries.event(tx.sql, { tenantId: ctx.tenant.id, applicationId: id, id: newId(), at: ctx.now, actorSub: ctx.identity.subject, actorName: ctx.identity.name ?? ctx.identity.username, role: 'officer', action: 'claimed', from: app.state, to: app.state, comment: null });
      }
      const after = await applicationQueries.load(tx.sql, id);
      return this.apps.viewIn(tx, ctx, after ?? app);
    });
  }
}
