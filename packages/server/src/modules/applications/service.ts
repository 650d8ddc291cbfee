import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { ConflictError, InputError, newId, type FieldError, type Tenant } from '@satupintu/core';
import type { Identity } from '@satupintu/auth';
import { withTenant, type Databases } from '@satupintu/db';
import type { FormValidatorCache } from '@satupintu/forms';
import type { DocumentRequirement, ServiceDefinition, SopRole } from '@satupintu/plugin-sdk';
import { ObjectStore, UploadRefused } from '@satupintu/storage';
import { compileSop } from '@satupintu/workflow';
import { faultPoint } from '../../faults.js';
import type { InstallationService } from '../installations/service.js';
import { serviceNotFound } from '../installations/errors.js';
import type { PluginRegistry } from '../plugins/service.js';
import {
  actionNotAllowed,
  applicationNotFound,
  channelNotOffered,
  commentRequired,
  consentRequired,
  documentsMissing,
  guardFailed,
  journeySourceInvalid,
  journeyTooOld,
  notDraft,
  staffAgencyMismatch,
  storageUnavailable,
  tooManyFiles,
  unknownDocument,
  uploadEmpty,
  uploadTooLarge,
  uploadTypeRefused,
  versionConflict,
} from './errors.js';
import { renderOutputPdf } from './output-pdf.js';
import type { SlaCalendar, Due } from '../workflow/sla.js';
import { newTrackingCode, normalizeTrackingCode } from './tracking.js';
import { inviteToSurvey } from '../skm/service.js';

type Channel = 'online' | 'assisted' | 'counter';
type Status = 'draft' | 'submitted' | 'completed' | 'rejected' | 'withdrawn';

interface Row {
  tenant_id: string;
  id: string;
  tracking_code: string;
  plugin_id: string;
  plugin_version: string;
  content_hash: string;
  service_code: string;
  agency_code: string;
  applicant_sub: string | null;
  applicant: { nik?: string; name?: string; phone?: string };
  filed_by_sub: string;
  filed_by_role: 'citizen' | 'officer' | 'village-operator';
  channel: Channel;
  consent: Record<string, unknown> | null;
  status: Status;
  state: string;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  completed_at: Date | null;
  due_at: Date | null;
  due_date: string | null;
  step_due_at: Date | null;
  step_due_date: string | null;
  claimed_by: string | null;
  claimed_by_name: string | null;
}

export interface CreateApplicationInput {
  service: string;
  data?: Record<string, unknown>;
  submit?: boolean;
  applicant?: { nik: string; name: string; phone?: string };
  consent?: { statement: string; method: 'signed-form' | 'verbal' | 'whatsapp' | 'app' };
}

/** The caller's relation to one application: the SOP roles it may act in. */
function rolesOn(identity: Identity, t: Tenant, app: Pick<Row, 'agency_code' | 'applicant_sub' | 'filed_by_sub'>): SopRole[] {
  const roles: SopRole[] = [];
  if (app.applicant_sub && app.applicant_sub === identity.subject) roles.push('citizen');
  for (const m of identity.memberships) {
    if (!('tenant' in m) || m.tenant !== t.slug) continue;
    if (m.role === 'officer' && m.agency === app.agency_code) roles.push('officer');
    if (m.role === 'village-operator' && app.filed_by_sub === identity.subject) roles.push('village-operator');
    if (m.role === 'tenant-admin') roles.push('tenant-admin');
  }
  return [...new Set(roles)];
}

const docKey = (t: Tenant, appId: string, docId: string) => `t/${t.id}/a/${appId}/${docId}`;
const outputKey = (t: Tenant, appId: string, output: string) => `t/${t.id}/a/${appId}/o/${output}`;

/**
 * Applications: online by the citizen, assisted by a village operator or at the counter by an
 * officer (consent recorded); documents streamed to the home region's bucket; the SOP of the
 * application's own plugin version; outputs issued as stored PDFs that journeys can reuse.
 */
export class ApplicationService {
  constructor(
    private readonly dbs: Databases,
    private readonly store: ObjectStore,
    private readonly registry: PluginRegistry,
    private readonly installations: InstallationService,
    private readonly validators: FormValidatorCache,
    private readonly logger: Logger,
    private readonly sla: SlaCalendar,
    /** The clock (tests pin it to dates such as Lebaran 2025). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Overall and first-step due dates for a file accepted now. */
  private async dues(t: Tenant, service: ServiceDefinition, state: string, acceptedAt: Date): Promise<{ overall: Due; step?: Due }> {
    const cb = service.sop.cutiBersamaIsWorkingDay ?? false;
    const stepSla = service.sop.states[state]?.sla;
    return {
      overall: await this.sla.due(t, acceptedAt, service.sla, cb),
      ...(stepSla && !service.sop.states[state]?.terminal ? { step: await this.sla.due(t, acceptedAt, stepSla, cb) } : {}),
    };
  }

  private tx<T>(t: Tenant, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return withTenant(this.dbs.region(t.homeRegion), t.id, fn);
  }

  private async definition(pluginId: string, version: string, serviceCode: string): Promise<{ service: ServiceDefinition; agency: { code: string; name: { id: string; en: string } }; hash: string }> {
    const v = await this.registry.get(pluginId, version);
    const service = v.manifest.services.find((s) => s.code === serviceCode);
    if (!service) throw serviceNotFound(pluginId, serviceCode);
    return { service, agency: v.manifest.agency, hash: v.contentHash };
  }

  private async load(em: EntityManager, id: string, lock = false): Promise<Row> {
    const rows = (await em.query(`select *, to_char(due_date, 'YYYY-MM-DD') as due_date, to_char(step_due_date, 'YYYY-MM-DD') as step_due_date from applications where id = $1 ${lock ? 'for update' : ''}`, [id])) as Row[];
    if (!rows[0]) throw applicationNotFound();
    return rows[0];
  }

  private async event(em: EntityManager, app: Row, identity: Identity, role: string, action: string, from: string | null, to: string | null, comment?: string) {
    await em.query(
      `insert into application_events (tenant_id, application_id, id, actor_sub, actor_name, actor_role, action, from_state, to_state, comment)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [app.tenant_id, app.id, newId(), identity.subject, identity.name ?? identity.username, role, action, from, to, comment ?? null],
    );
  }

  /** Form errors plus missing required documents, for a submit. */
  private async completeness(em: EntityManager | undefined, app: Pick<Row, 'id' | 'content_hash' | 'service_code' | 'data'>, service: ServiceDefinition): Promise<void> {
    const formErrors = this.validators.validate(app.content_hash, app.service_code, service.form.schema, app.data);
    if (formErrors.length)
      throw new InputError({ status: 422, code: 'FORM_INVALID', title: { id: 'Isian formulir belum benar', en: 'The form data is invalid' }, errors: formErrors.map((e) => ({ ...e, pointer: `/data${e.pointer}` })) });
    // A new application (no `em`) has no documents yet.
    const counts = new Map(
      em ? ((await em.query('select document_code, count(*)::int as n from application_documents where application_id = $1 group by document_code', [app.id])) as { document_code: string; n: number }[]).map((r) => [r.document_code, r.n]) : [],
    );
    const missing: FieldError[] = [];
    for (const d of service.documents) {
      const conditional = d.requiredWhen ? this.validators.validate(app.content_hash, `${app.service_code}#${d.code}`, d.requiredWhen, app.data).length === 0 : false;
      const need = Math.max(d.minCount, conditional ? 1 : 0);
      if ((counts.get(d.code) ?? 0) < need)
        missing.push({ pointer: `/documents/${d.code}`, message: { id: `${d.name.id}: wajib (${need} berkas).`, en: `${d.name.en}: required (${need} file(s)).` } });
    }
    if (missing.length) throw documentsMissing(missing);
  }

  /**
   * Creates an application (a draft, or submitted at once). With an Idempotency-Key the key is
   * stored on the row in the same transaction, so a retry finds the application it already made
   * even when the first attempt's idempotency record was never written (a crash in between).
   */
  async create(t: Tenant, identity: Identity, input: CreateApplicationInput, opts: { idempotencyKey?: string } = {}) {
    const [pluginId, serviceCode] = input.service.split('.') as [string, string];
    const inst = await this.installedVersion(t, pluginId);
    if (!inst) throw serviceNotFound(pluginId, serviceCode ?? '');
    const { service, agency, hash } = await this.definition(pluginId, inst.version, serviceCode);

    // Who files decides the channel: the citizen online; a village operator assisted; an officer at the counter.
    const staff = identity.memberships.find((m) => 'tenant' in m && m.tenant === t.slug && (m.role === 'officer' || m.role === 'village-operator'));
    const onBehalf = input.applicant !== undefined;
    let channel: Channel = 'online';
    let filedByRole: Row['filed_by_role'] = 'citizen';
    if (onBehalf) {
      if (!staff) throw new InputError({ status: 422, code: 'APPLICANT_NOT_ALLOWED', title: { id: 'Hanya petugas yang dapat mengajukan atas nama warga', en: 'Only staff may file on behalf of a citizen' } });
      if (!input.consent) throw consentRequired();
      if (staff.role === 'officer') {
        if (staff.agency !== agency.code) throw staffAgencyMismatch();
        channel = 'counter';
        filedByRole = 'officer';
      } else {
        channel = 'assisted';
        filedByRole = 'village-operator';
      }
    } else if (!identity.roles.includes('citizen')) {
      throw new InputError({ status: 422, code: 'APPLICANT_REQUIRED', title: { id: 'Sebutkan pemohon', en: 'Name the applicant' } });
    }
    if (!service.channels.includes(channel)) throw channelNotOffered(channel);
    const data = input.data ?? {};
    if (Buffer.byteLength(JSON.stringify(data)) > 256 * 1024)
      throw new InputError({ status: 413, code: 'BODY_TOO_LARGE', title: { id: 'Data formulir terlalu besar', en: 'Form data too large' } });

    const id = newId();
    // Submitting at once (no documents to wait for) checks everything before the one transaction.
    const initial = input.submit ? compileSop(service.sop).initial : undefined;
    if (input.submit) await this.completeness(undefined, { id, content_hash: hash, service_code: serviceCode, data }, service);
    const dues = initial ? await this.dues(t, service, initial, this.now()) : undefined;
    for (let attempt = 0; ; attempt++) {
      const trackingCode = newTrackingCode();
      try {
        return await this.tx(t, async (em) => {
          if (opts.idempotencyKey) {
            const [made] = (await em.query('select id from applications where filed_by_sub = $1 and create_key = $2', [identity.subject, opts.idempotencyKey])) as { id: string }[];
            if (made) return this.view(em, t, identity, await this.load(em, made.id));
          }
          const row = {
            tenant_id: t.id,
            id,
            tracking_code: trackingCode,
            applicant_sub: onBehalf ? null : identity.subject,
            applicant: onBehalf ? input.applicant! : { name: identity.name ?? identity.username },
          };
          await em.query(
            `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code,
               applicant_sub, applicant, filed_by_sub, filed_by_role, channel, consent, status, state, data, create_key)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$16,$17,$15,$18)`,
            [t.id, id, trackingCode, pluginId, inst.version, hash, serviceCode, agency.code, row.applicant_sub, JSON.stringify(row.applicant), identity.subject, filedByRole, channel,
              input.consent ? JSON.stringify({ ...input.consent, recordedBy: identity.username, at: new Date().toISOString() }) : null, JSON.stringify(data),
              initial ? 'submitted' : 'draft', initial ?? 'draft', opts.idempotencyKey ?? null],
          );
          if (initial && dues)
            await em.query('update applications set submitted_at = $2, due_at = $3, due_date = $4, step_due_at = $5, step_due_date = $6 where id = $1', [
              id, this.now(), dues.overall.at, dues.overall.date, dues.step?.at ?? null, dues.step?.date ?? null,
            ]);
          const app = await this.load(em, id);
          await this.event(em, app, identity, filedByRole, 'created', null, 'draft');
          if (initial) await this.event(em, app, identity, filedByRole, 'submitted', 'draft', initial);
          return this.view(em, t, identity, app);
        });
      } catch (e) {
        if ((e as { constraint?: string }).constraint === 'applications_tenant_id_tracking_code_key' && attempt < 5) continue;
        throw e;
      }
    }
  }

  /** The version the tenant has pinned (read per submission: an upgrade applies to the next one at once). */
  private async installedVersion(t: Tenant, pluginId: string): Promise<{ version: string } | undefined> {
    return this.tx(t, async (em) => ((await em.query('select version from plugin_installations where plugin_id = $1', [pluginId])) as { version: string }[])[0]);
  }

  async updateDraft(t: Tenant, identity: Identity, id: string, data: Record<string, unknown>) {
    await this.tx(t, async (em) => {
      const app = await this.load(em, id, true);
      if (!rolesOn(identity, t, app).length && app.filed_by_sub !== identity.subject) throw applicationNotFound();
      if (app.status !== 'draft') throw notDraft();
      await em.query('update applications set data = $2, version = version + 1, updated_at = now() where id = $1', [id, JSON.stringify(data)]);
    });
    return this.get(t, identity, id);
  }

  async submit(t: Tenant, identity: Identity, id: string) {
    await this.tx(t, async (em) => {
      const app = await this.load(em, id, true);
      const roles = rolesOn(identity, t, app);
      if (!roles.length && app.filed_by_sub !== identity.subject) throw applicationNotFound();
      if (app.status !== 'draft') return; // a retried submit: already submitted
      const { service } = await this.definition(app.plugin_id, app.plugin_version, app.service_code);
      await this.completeness(em, app, service);
      const initial = compileSop(service.sop).initial;
      const dues = await this.dues(t, service, initial, this.now());
      await em.query(
        `update applications set status = 'submitted', state = $2, submitted_at = $3, updated_at = now(), version = version + 1,
                due_at = $4, due_date = $5, step_due_at = $6, step_due_date = $7 where id = $1`,
        [id, initial, this.now(), dues.overall.at, dues.overall.date, dues.step?.at ?? null, dues.step?.date ?? null],
      );
      await this.event(em, app, identity, app.filed_by_role, 'submitted', 'draft', initial);
    });
    return this.get(t, identity, id);
  }

  /** The application as its citizen, filer or an officer of its agency sees it, with its timeline. */
  async get(t: Tenant, identity: Identity, id: string) {
    return this.tx(t, async (em) => {
      const app = await this.load(em, id);
      if (!rolesOn(identity, t, app).length && app.filed_by_sub !== identity.subject) throw applicationNotFound();
      return this.view(em, t, identity, app);
    });
  }

  private async view(em: EntityManager, t: Tenant, identity: Identity, app: Row) {
    {
      const id = app.id;
      const roles = rolesOn(identity, t, app);
      const { service, agency } = await this.definition(app.plugin_id, app.plugin_version, app.service_code);
      const events = (await em.query('select at, actor_name, actor_role, action, from_state, to_state, comment from application_events where application_id = $1 order by at, id', [id])) as Record<string, unknown>[];
      const documents = (await em.query('select id, document_code, filename, media_type, size, sha256, source, source_application_id, created_at from application_documents where application_id = $1 order by created_at, id', [id])) as Record<string, unknown>[];
      const outputs = (await em.query('select output_code, kind, media_type, size, sha256, issued_at, valid_until, object_key is not null as downloadable from application_outputs where application_id = $1 order by issued_at', [id])) as Record<string, unknown>[];
      const stateName = (s: string | null) => (s === 'draft' ? { id: 'Draf', en: 'Draft' } : s ? service.sop.states[s]?.name : undefined);
      const compiled = compileSop(service.sop);
      return {
        id: app.id,
        trackingCode: app.tracking_code,
        service: { id: `${app.plugin_id}.${app.service_code}`, name: service.name, plugin: app.plugin_id, version: app.plugin_version, agency },
        channel: app.channel,
        status: app.status,
        state: { code: app.state, name: stateName(app.state) },
        applicant: app.applicant,
        filedBy: { role: app.filed_by_role },
        consent: app.consent,
        data: app.data,
        version: app.version,
        createdAt: app.created_at.toISOString(),
        submittedAt: app.submitted_at?.toISOString() ?? null,
        completedAt: app.completed_at?.toISOString() ?? null,
        sla: {
          dueAt: app.due_at?.toISOString() ?? null,
          dueDate: app.due_date ?? null,
          stepDueAt: app.step_due_at?.toISOString() ?? null,
          stepDueDate: app.step_due_date ?? null,
          overdue: app.status === 'submitted' && app.step_due_at !== null && app.step_due_at.getTime() < this.now().getTime(),
        },
        claimedBy: app.claimed_by_name ?? app.claimed_by ?? null,
        availableActions: app.status === 'draft' ? [] : compiled.allowed(app.state, roles).map((a) => ({ code: a.code, name: a.name, comment: a.comment ?? 'optional' })),
        timeline: events.map((e) => ({
          at: (e.at as Date).toISOString(),
          action: e.action,
          actor: { name: e.actor_name, role: e.actor_role },
          from: e.from_state ? { code: e.from_state, name: stateName(e.from_state as string) } : null,
          to: e.to_state ? { code: e.to_state, name: stateName(e.to_state as string) } : null,
          comment: e.comment,
        })),
        documents: documents.map((d) => ({
          id: d.id,
          code: d.document_code,
          filename: d.filename,
          mediaType: d.media_type,
          size: Number(d.size),
          sha256: d.sha256,
          source: d.source,
          sourceApplicationId: d.source_application_id,
          createdAt: (d.created_at as Date).toISOString(),
        })),
        outputs: outputs.map((o) => ({
          code: o.output_code,
          name: service.outputs.find((x) => x.code === o.output_code)?.name,
          kind: o.kind,
          downloadable: o.downloadable,
          issuedAt: (o.issued_at as Date).toISOString(),
          validUntil: o.valid_until ? (o.valid_until as Date).toISOString() : null,
        })),
      };
    }
  }

  /** The caller's applications in this tenant: their own, those they filed, or (officers) their agency's. */
  async list(t: Tenant, identity: Identity, filter: { status?: Status } = {}) {
    const agencies = identity.memberships.filter((m) => m.role === 'officer' && 'tenant' in m && m.tenant === t.slug).map((m) => (m as { agency: string }).agency);
    return this.tx(t, async (em) => {
      const rows = (await em.query(
        `select id, tracking_code, plugin_id, service_code, channel, status, state, created_at, submitted_at, updated_at
           from applications
          where (applicant_sub = $1 or filed_by_sub = $1 or (agency_code = any($2) and status <> 'draft'))
            and ($3::text is null or status = $3)
          order by created_at desc limit 200`,
        [identity.subject, agencies, filter.status ?? null],
      )) as Record<string, unknown>[];
      return rows.map((r) => ({
        id: r.id,
        trackingCode: r.tracking_code,
        service: `${r.plugin_id}.${r.service_code}`,
        channel: r.channel,
        status: r.status,
        state: r.state,
        createdAt: (r.created_at as Date).toISOString(),
        submittedAt: r.submitted_at ? (r.submitted_at as Date).toISOString() : null,
      }));
    });
  }

  /** Looks up an editable application and the document requirement for an upload or journey link. */
  private async forDocument(t: Tenant, identity: Identity, id: string, code: string): Promise<{ app: Row; doc: DocumentRequirement }> {
    const app = await this.tx(t, (em) => this.load(em, id));
    const roles = rolesOn(identity, t, app);
    if (!roles.length && app.filed_by_sub !== identity.subject) throw applicationNotFound();
    const { service } = await this.definition(app.plugin_id, app.plugin_version, app.service_code);
    const doc = service.documents.find((d) => d.code === code);
    if (!doc) throw unknownDocument(code);
    const citizenTurn = app.status === 'submitted' && service.sop.states[app.state]?.actor === 'citizen';
    if (app.status !== 'draft' && !citizenTurn) throw notDraft();
    return { app, doc };
  }

  /**
   * Inserts the document row after its object exists; removes the object again if the row cannot be
   * written. The same bytes for the same document of the same application are one document: a
   * retry whose first attempt committed but never answered (a crash, a lost response, an
   * idempotency record not yet written) gets the existing document back, never a second one.
   */
  private async commitDocument(t: Tenant, app: Row, doc: DocumentRequirement, row: { id: string; key: string; filename: string | null; mediaType: string; size: number; sha256: string; source: 'upload' | 'journey'; sourceApp?: string; sourceOutput?: string; by: string }): Promise<{ id: string; filename: string | null; duplicateOf?: string }> {
    let existing: { id: string; filename: string | null } | undefined;
    try {
      await this.tx(t, async (em) => {
        await this.load(em, app.id, true); // serialise uploads to one application (count check below)
        [existing] = (await em.query('select id, filename from application_documents where application_id = $1 and document_code = $2 and sha256 = $3 and source = $4 limit 1', [
          app.id,
          doc.code,
          row.sha256,
          row.source,
        ])) as { id: string; filename: string | null }[];
        if (existing) return;
        const [{ n }] = (await em.query('select count(*)::int as n from application_documents where application_id = $1 and document_code = $2', [app.id, doc.code])) as [{ n: number }];
        if (n >= doc.maxCount) throw tooManyFiles(doc.code, doc.maxCount);
        await em.query(
          `insert into application_documents (tenant_id, application_id, id, document_code, object_key, filename, media_type, size, sha256, source, source_application_id, source_output, uploaded_by)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
          [t.id, app.id, row.id, doc.code, row.key, row.filename, row.mediaType, row.size, row.sha256, row.source, row.sourceApp ?? null, row.sourceOutput ?? null, row.by],
        );
        await em.query('update applications set updated_at = now() where id = $1', [app.id]);
      });
    } catch (e) {
      await this.store.delete(t.homeRegion, row.key).catch((err: unknown) => this.logger.warn({ err, key: row.key }, 'orphan object left for the reconciler'));
      throw e;
    }
    if (existing) {
      await this.store.delete(t.homeRegion, row.key).catch((err: unknown) => this.logger.warn({ err, key: row.key }, 'orphan object left for the reconciler'));
      return { id: existing.id, filename: existing.filename, duplicateOf: existing.id };
    }
    return { id: row.id, filename: row.filename };
  }

  /**
   * Streams one file into the bucket (type by magic bytes, size and count limits from the plugin,
   * sha256), then commits its row. A crash between the two leaves an orphan object that the
   * reconciler removes; a row never points at a missing object.
   */
  async upload(t: Tenant, identity: Identity, id: string, code: string, body: Readable, filename: string | null) {
    const { app, doc } = await this.forDocument(t, identity, id, code);
    const docId = newId();
    const key = docKey(t, app.id, docId);
    let stored;
    try {
      stored = await this.store.putStream(t.homeRegion, key, body, { maxBytes: Math.floor(doc.maxSizeMb * 1024 * 1024), accept: doc.accept });
    } catch (e) {
      if (e instanceof UploadRefused) {
        if (e.reason === 'empty') throw uploadEmpty();
        if (e.reason === 'too-large') throw uploadTooLarge(doc.maxSizeMb);
        throw uploadTypeRefused(e.detail.detected ?? 'unknown', doc.accept);
      }
      if ((e as { code?: string }).code === 'ECONNRESET' || (e as Error).message === 'aborted') throw new InputError({ code: 'UPLOAD_ABORTED', title: { id: 'Unggahan terputus', en: 'The upload was interrupted' } });
      throw storageUnavailable(e);
    }
    faultPoint('after-object-write');
    const saved = await this.commitDocument(t, app, doc, { id: docId, key, filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, source: 'upload', by: identity.username });
    return { id: saved.id, code, filename: saved.filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, source: 'upload' as const };
  }

  /**
   * Journey (layanan terintegrasi): takes another application's issued output as this document,
   * without a re-upload — same applicant, the plugin's declared source, within its maximum age.
   */
  async attachFromApplication(t: Tenant, identity: Identity, id: string, code: string, trackingCode: string) {
    const { app, doc } = await this.forDocument(t, identity, id, code);
    const link = doc.fromService;
    if (!link) throw journeySourceInvalid({ id: `Dokumen ${code} tidak menerima produk layanan lain.`, en: `Document ${code} does not take another service’s output.` });
    const source = await this.tx(t, async (em) => {
      const rows = (await em.query(
        `select a.*, o.object_key as output_key, o.media_type as output_media_type, o.size as output_size, o.sha256 as output_sha256, o.issued_at
           from applications a left join application_outputs o on o.application_id = a.id and o.output_code = $2
          where a.tracking_code = $1`,
        [normalizeTrackingCode(trackingCode), link.output],
      )) as (Row & { output_key: string | null; output_media_type: string; output_size: string; output_sha256: string; issued_at: Date | null })[];
      return rows[0];
    });
    const sameApplicant =
      source &&
      ((app.applicant_sub !== null && source.applicant_sub === app.applicant_sub) || (app.applicant.nik !== undefined && source.applicant.nik === app.applicant.nik) || (app.applicant.nik !== undefined && source.data?.nik === app.applicant.nik));
    if (!source || !sameApplicant) throw journeySourceInvalid({ id: 'Tidak ada permohonan dengan kode itu atas nama pemohon ini.', en: 'No application with that code for this applicant.' });
    if (source.plugin_id !== link.plugin || source.service_code !== link.service)
      throw journeySourceInvalid({ id: `Kode itu bukan permohonan ${link.plugin}.${link.service}.`, en: `That code is not a ${link.plugin}.${link.service} application.` });
    if (!source.issued_at || !source.output_key) throw journeySourceInvalid({ id: 'Produknya belum diterbitkan.', en: 'Its output has not been issued yet.' });
    const ageDays = Math.floor((Date.now() - source.issued_at.getTime()) / 86_400_000);
    if (ageDays > link.maxAgeDays) throw journeyTooOld(ageDays, link.maxAgeDays);
    if (!doc.accept.includes(source.output_media_type as DocumentRequirement["accept"][number])) throw uploadTypeRefused(source.output_media_type, doc.accept);
    const docId = newId();
    const key = docKey(t, app.id, docId);
    try {
      await this.store.copy(t.homeRegion, source.output_key, key);
    } catch (e) {
      throw storageUnavailable(e);
    }
    const saved = await this.commitDocument(t, app, doc, {
      id: docId,
      key,
      filename: `${link.output}-${source.tracking_code}.pdf`,
      mediaType: source.output_media_type,
      size: Number(source.output_size),
      sha256: source.output_sha256,
      source: 'journey',
      sourceApp: source.id,
      sourceOutput: link.output,
      by: identity.username,
    });
    return { id: saved.id, code, source: 'journey' as const, sourceApplication: source.tracking_code, ageDays };
  }

  /** A short-lived download link for a document or an output, after the access check. */
  async downloadUrl(t: Tenant, identity: Identity, id: string, what: { document: string } | { output: string }) {
    const { key, filename, mediaType } = await this.tx(t, async (em) => {
      const app = await this.load(em, id);
      if (!rolesOn(identity, t, app).length && app.filed_by_sub !== identity.subject) throw applicationNotFound();
      const rows = (
        'document' in what
          ? await em.query('select object_key as key, filename, media_type from application_documents where application_id = $1 and id = $2', [id, what.document])
          : await em.query(`select object_key as key, output_code || '.pdf' as filename, media_type from application_outputs where application_id = $1 and output_code = $2 and object_key is not null`, [id, what.output])
      ) as { key: string; filename: string | null; media_type: string }[];
      if (!rows[0]) throw applicationNotFound();
      return { key: rows[0].key, filename: rows[0].filename, mediaType: rows[0].media_type };
    });
    const expiresIn = 120;
    return { url: await this.store.presignGet(t.homeRegion, key, { expiresIn, filename: filename ?? undefined, mediaType }), expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
  }

  /**
   * Takes one SOP action. The row is locked, so of two officers acting at once exactly one wins and
   * the other finds the state moved on (409). Outputs the action issues are rendered and stored
   * before the transition commits.
   */
  async act(t: Tenant, identity: Identity, id: string, code: string, input: { comment?: string; expectedVersion?: number }) {
    const issued: { output: string; key: string }[] = [];
    try {
      await this.tx(t, async (em) => {
        const app = await this.load(em, id, true);
        const roles = rolesOn(identity, t, app);
        if (!roles.length && app.filed_by_sub !== identity.subject) throw applicationNotFound();
        if (input.expectedVersion !== undefined && input.expectedVersion !== app.version) throw versionConflict();
        const { service, agency } = await this.definition(app.plugin_id, app.plugin_version, app.service_code);
        const sop = compileSop(service.sop);
        const action = app.status === 'draft' ? undefined : sop.find(app.state, roles, code);
        if (!action) throw actionNotAllowed(code, app.state, app.status === 'draft' ? [] : sop.allowed(app.state, roles).map((a) => a.code));
        if (action.comment === 'required' && !input.comment?.trim()) throw commentRequired();
        if (action.guard) {
          const errors = this.validators.validate(app.content_hash, `${app.service_code}@${action.code}`, action.guard, app.data);
          if (errors.length) throw guardFailed(errors.map((e) => ({ ...e, pointer: `/data${e.pointer}` })));
        }
        const to = service.sop.states[action.to]!;
        const status: Status = to.terminal ? (to.outcome ?? 'completed') : 'submitted';
        const role = (action.roles.find((r) => roles.includes(r)) ?? roles[0])!;
        for (const outputCode of action.issues ?? []) {
          const out = service.outputs.find((o) => o.code === outputCode)!;
          const issuedAt = new Date();
          const validUntil = out.validityDays ? new Date(issuedAt.getTime() + out.validityDays * 86_400_000) : null;
          let stored: { key: string; size: number; sha256: string } | undefined;
          if (out.kind === 'document') {
            const labels = service.form.ui.labels;
            const fields = Object.entries(app.data)
              .filter(([, v]) => v !== null && v !== undefined && v !== '')
              .map(([k, v]) => ({ label: labels[k]?.id ?? k, value: Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? Object.values(x as object).join(' / ') : String(x))).join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v) }));
            const pdf = await renderOutputPdf({
              tenantName: t.name,
              agencyName: agency.name,
              outputName: out.name,
              serviceName: service.name,
              number: `${app.tracking_code}/${out.code.toUpperCase()}`,
              applicantName: app.applicant.name ?? '-',
              issuedAt,
              validUntil: validUntil ?? undefined,
              timeZone: t.timeZone,
              fields,
            });
            const key = outputKey(t, app.id, out.code);
            await this.store.putBuffer(t.homeRegion, key, pdf, 'application/pdf');
            issued.push({ output: out.code, key });
            stored = { key, size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };
          }
          await em.query(
            `insert into application_outputs (tenant_id, application_id, output_code, kind, object_key, media_type, size, sha256, issued_by, issued_at, valid_until)
             values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
             on conflict (tenant_id, application_id, output_code) do update set object_key = excluded.object_key, size = excluded.size, sha256 = excluded.sha256, issued_at = excluded.issued_at, valid_until = excluded.valid_until`,
            [t.id, app.id, out.code, out.kind, stored?.key ?? null, stored ? 'application/pdf' : null, stored?.size ?? null, stored?.sha256 ?? null, identity.username, issuedAt, validUntil],
          );
        }
        const step = to.sla && !to.terminal ? await this.sla.due(t, this.now(), to.sla, service.sop.cutiBersamaIsWorkingDay ?? false) : undefined;
        // A new step starts unclaimed with its own due date.
        const moved = (await em.query(
          `update applications set state = $2, status = $3, version = version + 1, updated_at = now(), completed_at = case when $4 then $6::timestamptz else completed_at end,
                  step_due_at = $7, step_due_date = $8, claimed_by = null, claimed_by_name = null, claimed_at = null
            where id = $1 and version = $5`,
          [id, action.to, status, to.terminal === true, app.version, this.now(), step?.at ?? null, step?.date ?? null],
        )) as [unknown, number];
        if (moved[1] !== 1) throw versionConflict();
        await this.event(em, app, identity, role, action.code, app.state, action.to, input.comment);
        // SKM (PermenPANRB 14/2017): a completed service invites its citizen to the survey, in the same transaction.
        if (status === 'completed') await inviteToSurvey(em, app, this.now());
      });
    } catch (e) {
      for (const o of issued) await this.store.delete(t.homeRegion, o.key).catch(() => {});
      throw e;
    }
    return this.get(t, identity, id);
  }

  /**
   * An officer's work queue: submitted applications of one agency at one tenant, by step due time,
   * with the counts due today and overdue (in the tenant's time zone).
   */
  async queue(t: Tenant, agency: string, filter: { state?: string; mine?: boolean }, identity: Identity) {
    const now = this.now();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: t.timeZone }).format(now);
    return this.tx(t, async (em) => {
      const rows = (await em.query(
        `select id, tracking_code, plugin_id, plugin_version, service_code, channel, state, applicant->>'name' as applicant_name,
                submitted_at, due_at, to_char(due_date, 'YYYY-MM-DD') as due_date, step_due_at, to_char(step_due_date, 'YYYY-MM-DD') as step_due_date,
                claimed_by, claimed_by_name
           from applications
          where status = 'submitted' and agency_code = $1 and ($2::text is null or state = $2) and ($3::text is null or claimed_by = $3)
          order by step_due_at asc nulls last, due_at asc nulls last, submitted_at asc
          limit 500`,
        [agency, filter.state ?? null, filter.mine ? identity.subject : null],
      )) as Record<string, any>[];
      const items = await Promise.all(
        rows.map(async (r) => {
          const { service } = await this.definition(r.plugin_id, r.plugin_version, r.service_code);
          return {
            id: r.id,
            trackingCode: r.tracking_code,
            service: { id: `${r.plugin_id}.${r.service_code}`, name: service.name },
            channel: r.channel,
            state: { code: r.state, name: service.sop.states[r.state]?.name },
            applicantName: r.applicant_name,
            submittedAt: r.submitted_at?.toISOString() ?? null,
            dueDate: r.due_date,
            stepDueAt: r.step_due_at?.toISOString() ?? null,
            stepDueDate: r.step_due_date,
            overdue: r.step_due_at !== null && r.step_due_at.getTime() < now.getTime(),
            dueToday: r.step_due_date === today,
            claimedBy: r.claimed_by_name ?? r.claimed_by,
          };
        }),
      );
      return { today, counts: { total: items.length, dueToday: items.filter((i) => i.dueToday).length, overdue: items.filter((i) => i.overdue).length }, items };
    });
  }

  /** An officer takes an application of their agency; someone else's claim is refused (409). */
  async claim(t: Tenant, identity: Identity, id: string, release = false) {
    await this.tx(t, async (em) => {
      const app = await this.load(em, id, true);
      if (!rolesOn(identity, t, app).includes('officer') || app.status !== 'submitted') throw applicationNotFound();
      if (release) {
        if (app.claimed_by === identity.subject) await em.query('update applications set claimed_by = null, claimed_by_name = null, claimed_at = null where id = $1', [id]);
        return;
      }
      if (app.claimed_by && app.claimed_by !== identity.subject)
        throw new ConflictError({
          code: 'ALREADY_CLAIMED',
          title: { id: 'Sudah diambil petugas lain', en: 'Already claimed by another officer' },
          detail: { id: `Ditangani ${app.claimed_by_name ?? 'petugas lain'}.`, en: `Handled by ${app.claimed_by_name ?? 'another officer'}.` },
        });
      await em.query('update applications set claimed_by = $2, claimed_by_name = $3, claimed_at = $4 where id = $1', [id, identity.subject, identity.name ?? identity.username, this.now()]);
      await this.event(em, app, identity, 'officer', 'claimed', app.state, app.state);
    });
    return this.get(t, identity, id);
  }
}
