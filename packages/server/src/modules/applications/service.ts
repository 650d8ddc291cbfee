import { localDate, newId, newTrackingCode, type FieldError } from '@satupintu/core';
import { agencyNotAllowed } from '@satupintu/auth';
import { violatedConstraint, type EventBus, type Sql, type TenantTx, type UnitOfWork } from '@satupintu/db';
import type { ApplicationMoment, DomainEvents } from '../../kernel.js';
import { crossCheckNik, decodeNik, valueAt, type FormValidatorCache } from '@satupintu/forms';
import { overlayFee, quoteFee, type FeeQuote, type ServiceDefinition } from '@satupintu/plugin-sdk';
import { compileWorkflow, type WorkCalendar } from '@satupintu/workflow';
import { cutiBersamaWorking, serviceDue, startsOnSubmission, stepDue, waitingFor } from './sla.js';
import type { TenantUserCtx } from '../../context.js';
import type { CalendarService } from '../calendar/index.js';
import type { SignatureService } from '../signatures/index.js';
import type { InstallationService } from '../installations/index.js';
import type { PluginRegistry, ServiceVersion } from '../plugins/index.js';
import { byOther, officerAgencies, visibleTo, writableBy } from './access.js';
import { diffData } from './changes.js';
import { applicantNotAllowed, applicantRequired, applicationNotFound, channelNotOffered, consentRequired, documentNotValid, documentsMissing, formInvalid, notDraft, receiptNotReady } from './errors.js';
import { documentQueries } from './document-queries.js';
import { carriedEvidence, statedEvidence, validityProblems } from './validity.js';
import { maskNik, mppName, type Receipt } from './receipt.js';
import { bodyTooLarge } from '../../http/problems.js';
import { serviceNotFound } from '../installations/index.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagOf, type Preconditions } from '../../preconditions.js';
import { applicationQueries, type ApplicationRow, type Channel, type Dues, type DuplicateRow, type EventRow, type FiledByRole, type Status } from './queries.js';
import type { ApplicationSummary } from './schemas.js';
import { applicationView, type ApplicationView } from './view.js';
import { applicationRead, recordPersonalDataAccess } from '../privacy/index.js';

export interface CreateApplicationInput {
  service: string;
  data?: Record<string, unknown>;
  submit?: boolean;
  applicant?: { nik: string; name: string; phone?: string };
  consent?: { statement: string; method: 'signed-form' | 'verbal' | 'whatsapp' | 'app' };
}

/** The largest form (its JSON) a draft, or an SOP action's correction, may hold. */
export const MAX_FORM_BYTES = 256 * 1024;

/** What every part of the applications module is built from. */
export interface ApplicationDeps {
  uow: UnitOfWork;
  /** Where submissions are announced inside their unit of work (notifications, signed events). */
  events: EventBus<DomainEvents>;
  registry: PluginRegistry;
  installations: InstallationService;
  calendar: CalendarService;
  validators: FormValidatorCache;
  /** Part "fees" (issue 23): signs issued PDFs (PAdES) and prints their verification QR (absent: unsigned, no QR). */
  signatures?: SignatureService;
}

/**
 * Applications: online by the citizen, assisted by a village operator or at the counter by an
 * officer (consent recorded), drafts kept on the server, submission checked against the form and
 * required documents of the application's own plugin version, SLA clocks in hari kerja. Each write
 * is one unit of work; documents and SOP actions live in documents.ts and actions.ts.
 */
/** The ids and codes every application event carries (kernel.ts). */
export const momentOf = (a: Pick<ApplicationRow, 'id' | 'tracking_code' | 'plugin_id' | 'plugin_version' | 'service_code' | 'agency_code' | 'applicant_sub'>, tenant: string): ApplicationMoment => ({
  tenant,
  applicationId: a.id,
  trackingCode: a.tracking_code,
  pluginId: a.plugin_id,
  pluginVersion: a.plugin_version,
  serviceCode: a.service_code,
  agencyCode: a.agency_code,
  applicantSub: a.applicant_sub,
});

export class ApplicationService {
  constructor(private readonly d: ApplicationDeps) {}

  /** The service definition an application runs on: the version it started with, never the tenant's current one. */
  definition(app: Pick<ApplicationRow, 'plugin_id' | 'plugin_version' | 'service_code'>): Promise<ServiceVersion> {
    return this.d.registry.service(app.plugin_id, app.plugin_version, app.service_code).then((s) => s ?? Promise.reject(serviceNotFound(app.plugin_id, app.service_code)));
  }

  /**
   * Form errors plus missing required documents, for a submit (`counts`: documents already attached
   * per code). A birth date or sex that disagrees with the NIK refuses the submission only where the
   * plugin's `form.identity` says `block`; otherwise it is a warning on the representation.
   */
  completeness(app: Pick<ApplicationRow, 'content_hash' | 'service_code' | 'data'>, service: ServiceDefinition, counts: ReadonlyMap<string, number>, now: Date): void {
    const formErrors = this.d.validators.validate(app.content_hash, app.service_code, service.form.schema, app.data);
    if (formErrors.length) throw formInvalid(formErrors.map((e) => ({ ...e, pointer: `/data${e.pointer}` })));
    if (service.form.identity) {
      const blocking = crossCheckNik(app.data, service.form.identity, now).filter((m) => m.blocking);
      if (blocking.length) throw formInvalid(blocking.map((m) => ({ pointer: `/data${m.pointer}`, message: m.message })));
    }
    const missing: FieldError[] = [];
    for (const doc of service.documents) {
      const conditional = doc.requiredWhen ? this.d.validators.validate(app.content_hash, `${app.service_code}#${doc.code}`, doc.requiredWhen, app.data).length === 0 : false;
      const need = Math.max(doc.minCount, conditional ? 1 : 0);
      if ((counts.get(doc.code) ?? 0) < need)
        missing.push({
          pointer: `/documents/${doc.code}`,
          message:
            need === 1
              ? { id: `Unggah ${doc.name.id}.`, en: `Upload the ${doc.name.en}.` }
              : { id: `Unggah ${need} berkas ${doc.name.id}.`, en: `Upload ${need} files of the ${doc.name.en}.` },
        });
    }
    if (missing.length) throw documentsMissing(missing);
  }

  /**
   * The validity rules of every document attached (issue 23), judged on `day` (the tenant's date):
   * an upload on what the form states of it (its number, date of issue, issuer), a journey's on
   * what its issuing application says. One rule set for the citizen online, the operator, the
   * officer at the counter, and a correction by an SOP action. Refuses with every reason at once.
   */
  async checkDocuments(tx: Pick<TenantTx, 'sql'>, app: Pick<ApplicationRow, 'id'>, service: ServiceDefinition, data: Record<string, unknown>, day: string, timeZone: string): Promise<void> {
    if (!service.documents.some((d) => d.validity || d.fromService)) return;
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    for (const row of await documentQueries.attachedEvidence(tx.sql, app.id)) {
      const doc = service.documents.find((d) => d.code === row.document_code);
      if (!doc) continue;
      if (row.source === 'journey' && row.source_plugin_id && row.source_plugin_version && row.source_service_code && row.issued_at) {
        const { service: from } = await this.definition({ plugin_id: row.source_plugin_id, plugin_version: row.source_plugin_version, service_code: row.source_service_code });
        const output = from.outputs.find((o) => o.code === row.source_output);
        const ev = carriedEvidence({ agencyCode: row.source_agency_code ?? '', issuedAt: row.issued_at, data: row.output_data, trackingCode: row.source_tracking_code ?? '', outputCode: row.source_output ?? doc.code }, output, timeZone);
        problems.push(...validityProblems(doc, ev, day));
      } else if (!seen.has(doc.code)) {
        // The form states one number and date per document type, whatever the number of files.
        seen.add(doc.code);
        problems.push(...validityProblems(doc, statedEvidence(doc, data), day));
      }
    }
    if (problems.length) throw documentNotValid(problems.filter((e, i) => problems.findIndex((x) => x.pointer === e.pointer && x.message.en === e.message.en) === i));
  }

  /**
   * The clocks a file starts on submission: the first step's, and the whole service's when its SOP
   * starts it at submission (else it waits for the SOP's start event: actions.ts). `cutiBersama`:
   * whether cuti bersama is a working day for the agency here (sla.ts).
   */
  dues(service: ServiceDefinition, state: string, at: Date, cal: WorkCalendar, cutiBersama: boolean): Dues {
    const step = stepDue(service, state, at, cal, cutiBersama);
    return { ...(startsOnSubmission(service) ? { overall: serviceDue(service, at, cal, cutiBersama), startedAt: at } : {}), ...(step ? { step } : {}) };
  }

  /** The view of an application inside an open unit of work. */
  async viewIn(tx: Pick<TenantTx, 'sql'>, ctx: TenantUserCtx, app: ApplicationRow): Promise<ApplicationView> {
    const { roles } = visibleTo(ctx.identity, ctx.tenant, app);
    const def = await this.definition(app);
    const [events, documents, outputs] = [await applicationQueries.events(tx.sql, app.id), await applicationQueries.documents(tx.sql, app.id), await applicationQueries.outputs(tx.sql, app.id)];
    const duplicates = await this.duplicatesFor(tx, ctx, app);
    const fee = await this.feeQuote(ctx, app, def.service, tx);
    return applicationView(app, def, roles, { events, documents, outputs, ...(fee ? { fee } : {}), ...(duplicates ? { duplicates } : {}), ...this.identityFor(ctx, app, def.service) }, ctx.now);
  }

  /**
   * Part "fees" (issue 23): what the application costs. Submitted: the quote recorded at submission
   * (never recomputed: a later overlay or a later day changes nothing). A draft: computed now from
   * its answers, on the tenant's date, with the fee of its plugin version and the regency's overlay.
   */
  async feeQuote(ctx: TenantUserCtx, app: Pick<ApplicationRow, 'status' | 'fee_quote' | 'plugin_id' | 'service_code' | 'data'>, service: ServiceDefinition, tx?: Pick<TenantTx, 'sql'>): Promise<FeeQuote | undefined> {
    // Submitted before quotes were recorded: none (never a figure computed today for a past submission).
    if (app.status !== 'draft') return app.fee_quote ?? undefined;
    const inst = (await this.d.installations.list(ctx, tx)).find((i) => i.plugin === app.plugin_id);
    return quoteFee(overlayFee(service.fee, inst?.overlays[app.service_code]?.fee), app.data, localDate(ctx.now, ctx.tenant.timeZone));
  }

  /**
   * What the NIK says, for the agency's officers only (`applicantNik`: region, birth date, sex —
   * derived from a number they already see, nothing more), and where the form disagrees with it, for
   * those officers and the applicant (`identityWarnings`). The NIK: the field the plugin declares in
   * `form.identity`, else the applicant's NIK given at an assisted or counter filing, else a form
   * field `nik`. Never logged.
   */
  identityFor(ctx: TenantUserCtx, app: ApplicationRow, service: ServiceDefinition): Pick<Parameters<typeof applicationView>[3], 'applicantNik' | 'identityWarnings'> {
    const officer = officerAgencies(ctx.identity, ctx.tenant).includes(app.agency_code);
    const applicant = app.applicant_sub !== null && app.applicant_sub === ctx.identity.subject;
    if (!officer && !applicant) return {};
    const id = service.form.identity;
    const warnings = id ? crossCheckNik(app.data, id, ctx.now).map((m) => ({ pointer: `/data${m.pointer}`, field: m.field, message: m.message, blocking: m.blocking })) : [];
    if (!officer) return { identityWarnings: warnings };
    const declared = id ? valueAt(app.data, id.nik) : undefined;
    const source: [string, unknown] =
      typeof declared === 'string' ? [`/data${id!.nik}`, declared] : app.applicant.nik !== undefined ? ['/applicant/nik', app.applicant.nik] : ['/data/nik', (app.data as Record<string, unknown>).nik];
    const birth = id?.birthDate ? valueAt(app.data, id.birthDate) : undefined;
    const decoded = typeof source[1] === 'string' ? decodeNik(source[1], { now: ctx.now, ...(typeof birth === 'string' ? { declaredBirthDate: birth } : {}) }) : null;
    return {
      identityWarnings: warnings,
      ...(decoded ? { applicantNik: { source: source[0], region: decoded.region, birthDate: decoded.birthDate, centuryInferred: decoded.centuryInferred, sex: decoded.sex } } : {}),
    };
  }

  /**
   * The duplicate guard: other active applications for the same service by the same person — for
   * the applicant themselves and the agency's officers only (undefined for anyone else, e.g. a
   * village operator or a ministry reader). Person: the citizen account, or (for officers) the NIK.
   */
  private async duplicatesFor(tx: Pick<TenantTx, 'sql'>, ctx: TenantUserCtx, app: ApplicationRow): Promise<DuplicateRow[] | undefined> {
    const applicant = app.applicant_sub !== null && app.applicant_sub === ctx.identity.subject;
    const officer = officerAgencies(ctx.identity, ctx.tenant).includes(app.agency_code);
    if (!applicant && !officer) return undefined;
    if (app.status !== 'draft' && app.status !== 'submitted') return [];
    // A NIK match from another account is for the agency's officers only: anyone can type a NIK,
    // and its owner's applications (tracking codes, dates) must not answer them.
    if (!officer) return applicationQueries.possibleDuplicates(tx.sql, app, null);
    return applicationQueries.possibleDuplicates(tx.sql, app, nikOf(app.applicant, app.data));
  }

  /** Creates an application: a draft, or submitted at once (form and documents checked first). */
  async create(ctx: TenantUserCtx, input: CreateApplicationInput): Promise<ApplicationView> {
    const { tenant, identity, now } = ctx;
    const def = await this.d.installations.service(ctx, input.service);
    const { service } = def;
    // Who files decides the channel: the citizen online; a village operator assisted; an officer at the counter.
    const staff = identity.memberships.find((m) => 'tenant' in m && m.tenant === tenant.slug && (m.role === 'officer' || m.role === 'village-operator'));
    const onBehalf = input.applicant !== undefined;
    let channel: Channel = 'online';
    let filedByRole: FiledByRole = 'citizen';
    if (onBehalf) {
      if (!staff) throw applicantNotAllowed();
      if (!input.consent) throw consentRequired();
      if (staff.role === 'officer') {
        // An officer files at the counter of their own agency only.
        if (staff.agency !== def.agency.code) throw agencyNotAllowed(['officer']);
        channel = 'counter';
        filedByRole = 'officer';
      } else {
        channel = 'assisted';
        filedByRole = 'village-operator';
      }
    } else if (!identity.roles.includes('citizen')) {
      throw applicantRequired();
    }
    if (!service.channels.includes(channel)) throw channelNotOffered(channel);
    const data = input.data ?? {};
    if (Buffer.byteLength(JSON.stringify(data)) > MAX_FORM_BYTES) throw bodyTooLarge();

    // Everything a submission needs is checked and computed before the one transaction opens.
    const initial = input.submit ? compileWorkflow(service.sop).initial : undefined;
    if (input.submit) this.completeness({ content_hash: def.contentHash, service_code: service.code, data }, service, new Map(), now);
    const dues = initial ? this.dues(service, initial, now, await this.d.calendar.forTenant(ctx), await this.d.uow.read(ctx, (tx) => cutiBersamaWorking(tx.sql, def.agency.code, service))) : {};
    const actor = { sub: identity.subject, name: identity.name ?? identity.username };
    const applicant = onBehalf ? input.applicant! : { name: actor.name };
    const consent = input.consent ? { statement: input.consent.statement, method: input.consent.method, recordedBy: identity.username, at: now.toISOString() } : null;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.d.uow.write(ctx, async (tx) => {
          const id = newId();
          // Submitted at once: serialised with the same person's other submits of the service, as submit() is (the duplicate guard).
          if (initial) await applicationQueries.lockPerson(tx.sql, { tenant_id: tenant.id, plugin_id: def.pluginId, service_code: service.code }, { sub: onBehalf ? null : identity.subject, nik: nikOf(applicant, data) });
          const events: EventRow[] = [{ at: now, actor_name: actor.name, actor_role: filedByRole, action: 'created', from_state: null, to_state: 'draft', comment: null }];
          if (initial) events.push({ at: now, actor_name: actor.name, actor_role: filedByRole, action: 'submitted', from_state: 'draft', to_state: initial, comment: null });
          const app = await applicationQueries.insertWithEvents(
            tx.sql,
            {
              tenantId: tenant.id, id, trackingCode: newTrackingCode(), pluginId: def.pluginId, version: def.version, contentHash: def.contentHash, serviceCode: service.code,
              agencyCode: def.agency.code, applicantSub: onBehalf ? null : identity.subject, applicant, filedBySub: identity.subject, filedByRole, channel, consent, data,
              status: initial ? 'submitted' : 'draft', state: initial ?? 'draft', now, dues,
            },
            events.map((e) => ({ tenantId: tenant.id, applicationId: id, id: newId(), at: e.at, actorSub: actor.sub, actorName: e.actor_name, role: e.actor_role, action: e.action, from: e.from_state, to: e.to_state, comment: null })),
          );
          if (initial) {
            app.fee_quote = quoteFee(overlayFee(service.fee, def.overlay?.fee), data, localDate(now, tenant.timeZone));
            await applicationQueries.recordFee(tx.sql, id, app.fee_quote);
            await this.d.events.emit(tx, 'application.submitted', { ...momentOf(app, tenant.slug), dueAt: dues.overall?.at ?? null, channel });
          }
          const { roles } = visibleTo(identity, tenant, app);
          const duplicates = await this.duplicatesFor(tx, ctx, app);
          const fee = app.fee_quote ?? quoteFee(overlayFee(service.fee, def.overlay?.fee), data, localDate(now, tenant.timeZone));
          return applicationView(app, def, roles, { events, documents: [], outputs: [], fee, ...(duplicates ? { duplicates } : {}), ...this.identityFor(ctx, app, service) }, now);
        });
      } catch (e) {
        // Tracking codes are random (40 bits); a clash with an existing one is retried with another.
        if (violatedConstraint(e) === 'applications_tenant_id_tracking_code_key' && attempt < 5) continue;
        throw e;
      }
    }
  }

  /**
   * Replaces a draft's form data if the caller read its current version (If-Match, checked against
   * the locked row): of two devices editing one draft, the second to save gets 412, not a silent
   * overwrite. Only the draft's writer (access.ts) may; a write by anyone but the citizen — the
   * operator or officer filing for them — goes on the timeline with its actor and the fields changed.
   */
  async updateDraft(ctx: TenantUserCtx, id: string, data: Record<string, unknown>, pre: Preconditions, also?: (tx: TenantTx) => Promise<void>): Promise<ApplicationView> {
    if (Buffer.byteLength(JSON.stringify(data)) > MAX_FORM_BYTES) throw bodyTooLarge();
    return this.d.uow.write(ctx, async (tx) => {
      const { app, writer } = writableBy(ctx.identity, ctx.tenant, await applicationQueries.load(tx.sql, id, true));
      checkPreconditions(pre, etagOf(app.version));
      if (app.status !== 'draft') throw notDraft();
      await applicationQueries.updateDraft(tx.sql, id, data, ctx.now);
      // Issue 24 (oss): what another module writes with the draft, in the same transaction (an NIB lookup's first-class fields).
      if (also) await also(tx);
      if (byOther(ctx.identity, app)) {
        const changes = diffData(app.data, data);
        if (changes.length)
          await applicationQueries.event(tx.sql, {
            tenantId: ctx.tenant.id, applicationId: id, id: newId(), at: ctx.now, actorSub: ctx.identity.subject, actorName: ctx.identity.name ?? ctx.identity.username,
            role: writer, action: 'draft-updated', from: 'draft', to: 'draft', comment: null, changes,
          });
      }
      return this.viewIn(tx, ctx, { ...app, data, version: app.version + 1, updated_at: ctx.now });
    });
  }

  /** Submits a draft. A retry of a submit that went through answers the same (nothing moves twice). */
  async submit(ctx: TenantUserCtx, id: string): Promise<ApplicationView> {
    return this.d.uow.write(ctx, async (tx) => {
      const { app, writer } = writableBy(ctx.identity, ctx.tenant, await applicationQueries.load(tx.sql, id, true));
      if (app.status !== 'draft') return this.viewIn(tx, ctx, app);
      const { service } = await this.definition(app);
      // Two submits at once by one person for one service: the second waits here, so its answer lists the first.
      await applicationQueries.lockPerson(tx.sql, app, { sub: app.applicant_sub, nik: nikOf(app.applicant, app.data) });
      const counts = new Map((await applicationQueries.documentCounts(tx.sql, id)).map((r) => [r.document_code, r.n]));
      this.completeness(app, service, counts, ctx.now);
      await this.checkDocuments(tx, app, service, app.data, localDate(ctx.now, ctx.tenant.timeZone), ctx.tenant.timeZone);
      const initial = compileWorkflow(service.sop).initial;
      const dues = this.dues(service, initial, ctx.now, await this.d.calendar.forTenant(ctx, tx), await cutiBersamaWorking(tx.sql, app.agency_code, service));
      await applicationQueries.submit(tx.sql, id, initial, ctx.now, dues, (await this.feeQuote(ctx, app, service, tx))!);
      await applicationQueries.event(tx.sql, { tenantId: ctx.tenant.id, applicationId: id, id: newId(), at: ctx.now, actorSub: ctx.identity.subject, actorName: ctx.identity.name ?? ctx.identity.username, role: writer, action: 'submitted', from: 'draft', to: initial, comment: null });
      await this.d.events.emit(tx, 'application.submitted', { ...momentOf(app, ctx.tenant.slug), dueAt: dues.overall?.at ?? null, channel: app.channel });
      const moved = await applicationQueries.load(tx.sql, id);
      return this.viewIn(tx, ctx, moved ?? app);
    });
  }

  /**
   * Who the application's messages are for (notifications): the applicant's account, or — filed at
   * a counter for someone without one — the application itself. Only callers who may see the
   * application learn it (404 otherwise), and a staff member's look is logged like a read.
   */
  async recipientOf(ctx: TenantUserCtx, id: string): Promise<{ person: string; staff: boolean }> {
    return this.d.uow.read(ctx, async (tx) => {
      const app = await applicationQueries.load(tx.sql, id);
      if (!app) throw applicationNotFound();
      visibleTo(ctx.identity, ctx.tenant, app);
      const staff = app.applicant_sub !== ctx.identity.subject;
      await recordPersonalDataAccess(tx, ctx, applicationRead(ctx, app));
      return { person: app.applicant_sub ? `citizen:${app.applicant_sub}` : `application:${app.id}`, staff };
    });
  }

  async get(ctx: TenantUserCtx, id: string): Promise<ApplicationView> {
    return this.d.uow.read(ctx, async (tx) => {
      const app = await applicationQueries.load(tx.sql, id);
      if (!app) throw applicationNotFound();
      await recordPersonalDataAccess(tx, ctx, applicationRead(ctx, app)); // UU 27/2022: a staff read is logged (rolled back with a refused view)
      return this.viewIn(tx, ctx, app);
    });
  }

  /**
   * What the receipt of a submitted application says. For its applicant, the officers of its agency
   * and whoever filed it (the village operator or counter officer who prints it); to anyone else it
   * does not exist. A staff member's look is logged like a read (it shows the applicant's name).
   * `link`: the origin the QR code's tracking link starts with.
   */
  async receipt(ctx: TenantUserCtx, id: string, origin: string): Promise<Receipt> {
    return this.d.uow.read(ctx, async (tx) => {
      const { app, roles } = visibleTo(ctx.identity, ctx.tenant, await applicationQueries.load(tx.sql, id));
      const own = app.applicant_sub === ctx.identity.subject || app.filed_by_sub === ctx.identity.subject;
      if (!own && !roles.includes('officer')) throw applicationNotFound();
      if (app.status === 'draft') throw receiptNotReady();
      await recordPersonalDataAccess(tx, ctx, applicationRead(ctx, app));
      const { service, agency } = await this.definition(app);
      const uploaded = new Set((await applicationQueries.documents(tx.sql, id)).map((d) => d.document_code));
      // The originals of what was attached, and of whatever the service requires of this applicant.
      const applies = (doc: ServiceDefinition['documents'][number]) =>
        uploaded.has(doc.code) || doc.minCount > 0 || (doc.requiredWhen !== undefined && this.d.validators.validate(app.content_hash, `${app.service_code}#${doc.code}`, doc.requiredWhen, app.data).length === 0);
      const nik = app.applicant.nik ?? (typeof app.data.nik === 'string' ? app.data.nik : undefined);
      return {
        mpp: mppName(ctx.tenant.name),
        service: { id: service.name.id, en: service.name.en },
        agency: { id: agency.name.id, en: agency.name.en },
        trackingCode: app.tracking_code,
        applicantName: app.applicant.name ?? null,
        nikMasked: maskNik(nik),
        submittedAt: app.submitted_at ?? app.created_at,
        timeZone: ctx.tenant.timeZone,
        sla: service.sla ? { value: service.sla.value, unit: service.sla.unit } : null,
        dueDate: app.due_date ?? null,
        startsOn: app.sla_started_at ? null : (waitingFor(service)?.message ?? null),
        documents: service.documents.filter(applies).map((d) => ({ id: d.name.id, en: d.name.en })),
        link: `${origin.replace(/\/+$/, '')}/t/${ctx.tenant.slug}/permohonan/${app.id}`,
      };
    });
  }

  /**
   * Re-checks, in a replay's transaction, that the caller may still write the application (submit,
   * upload, attach): a stored answer is never replayed to someone a fresh request would refuse
   * (http/idempotency.ts).
   */
  accessCheck(ctx: TenantUserCtx, id: string): (sql: Sql) => Promise<void> {
    return async (sql) => {
      writableBy(ctx.identity, ctx.tenant, await applicationQueries.load(sql, id));
    };
  }

  /** One page of the caller's applications in this tenant (their own, those they filed, or their agency's), newest first. */
  async list(ctx: TenantUserCtx, query: { status?: Status; limit?: number; cursor?: string }): Promise<PageOf<ApplicationSummary>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.d.uow.read(ctx, (tx) =>
      applicationQueries.mine(
        tx.sql,
        ctx.identity.subject,
        officerAgencies(ctx.identity, ctx.tenant),
        ctx.identity.memberships.some((m) => m.role === 'village-operator' && m.tenant === ctx.tenant.slug),
        query.status,
        req.after,
        req.limit + 1,
      ),
    );
    return pageOf(
      rows,
      req,
      (r) => [r.page_at, r.id],
      (r) => ({
        id: r.id,
        trackingCode: r.tracking_code,
        service: `${r.plugin_id}.${r.service_code}`,
        channel: r.channel,
        status: r.status,
        state: r.state,
        createdAt: r.created_at.toISOString(),
        submittedAt: r.submitted_at?.toISOString() ?? null,
      }),
    );
  }
}

/** The person's NIK for the duplicate guard: the applicant's (a filing on someone's behalf), or the form's top-level `nik`. */
function nikOf(applicant: object, data: unknown): string | null {
  if ('nik' in applicant && typeof applicant.nik === 'string' && applicant.nik) return applicant.nik;
  const formNik = (data as Record<string, unknown> | null)?.nik;
  return typeof formNik === 'string' && /^\d{16}$/.test(formNik) ? formNik : null;
}
