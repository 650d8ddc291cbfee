import type { Readable } from 'node:stream';
import { localDate, newId, normalizeTrackingCode, type Tenant } from '@satupintu/core';
import type { DocumentRequirement } from '@satupintu/plugin-sdk';
import { UploadRefused, type ObjectStore } from '@satupintu/storage';
import type { TenantUserCtx } from '../../context.js';
import { faultPoint } from '../../faults.js';
import { byOther, visibleTo, writableBy } from './access.js';
import { documentQueries } from './document-queries.js';
import {
  applicationNotFound,
  documentNotValid,
  journeySourceInvalid,
  notDraft,
  storageUnavailable,
  tooManyFiles,
  unknownDocument,
  uploadAborted,
  uploadEmpty,
  uploadTooLarge,
  uploadTypeRefused,
} from './errors.js';
import { applicationQueries, type ApplicationRow } from './queries.js';
import type { ApplicationDeps, ApplicationService } from './service.js';
import type { DownloadLinkView, JourneyAttachment, UploadedDocument } from './schemas.js';
import { applicationRead, recordPersonalDataAccess } from '../privacy/index.js';
import { diffData } from './changes.js';
import { carriedEvidence, prefillFrom, statedEvidence, validityProblems, withValues } from './validity.js';

const docKey = (t: Tenant, appId: string, docId: string) => `t/${t.id}/a/${appId}/${docId}`;
/** How long a presigned download link lives. */
const LINK_SECONDS = 120;

export interface StoredDocument {
  id: string;
  key: string;
  filename: string | null;
  mediaType: string;
  size: number;
  sha256: string;
  source: 'upload' | 'journey';
  sourceApp?: string;
  sourceOutput?: string;
}

/**
 * Documents of an application: streamed into the home region's bucket (type by magic bytes, size
 * and count limits from the plugin, sha256), or carried over from another service's output
 * (journeys). The object is written first and its row committed after, outside any lock; a row
 * that cannot commit takes its object back, and the reconciler removes what a crash left behind.
 */
export class DocumentService {
  constructor(
    private readonly d: ApplicationDeps,
    private readonly apps: ApplicationService,
    private readonly store: ObjectStore,
  ) {}

  /**
   * An editable application and the requirement for `code`, checked before any byte is stored: only
   * its writer (its citizen, or the staff member filing for them with consent) adds documents, to a
   * draft or when the SOP hands the file back to the citizen.
   */
  private async forDocument(ctx: TenantUserCtx, id: string, code: string): Promise<{ app: ApplicationRow; doc: DocumentRequirement }> {
    const { app } = writableBy(ctx.identity, ctx.tenant, await this.d.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, id)));
    const { service } = await this.apps.definition(app);
    const doc = service.documents.find((x) => x.code === code);
    if (!doc) throw unknownDocument(code);
    const citizenTurn = app.status === 'submitted' && service.sop.states[app.state]?.actor === 'citizen';
    if (app.status !== 'draft' && !citizenTurn) throw notDraft();
    return { app, doc };
  }

  /**
   * Commits a stored object's row (one unit of work). The same bytes for the same document of the
   * same application are one document: a retry whose first attempt committed gets that document back.
   * The caller's right to write is checked again on the locked row; a document added by anyone but
   * the citizen, or after submission, goes on the timeline with its actor.
   */
  private async commit(ctx: TenantUserCtx, app: ApplicationRow, doc: DocumentRequirement, row: StoredDocument, prefill: Record<string, unknown> = {}): Promise<{ id: string; filename: string | null }> {
    let kept = false;
    try {
      const saved = await this.d.uow.write(ctx, async (tx) => {
        kept = true;
        // Uploads to one application go one at a time (the count below); the file may have moved on meanwhile.
        const { app: locked, writer } = writableBy(ctx.identity, ctx.tenant, await applicationQueries.load(tx.sql, app.id, true));
        if (locked.status !== app.status || locked.state !== app.state) throw notDraft();
        const existing = await documentQueries.sameBytes(tx.sql, app.id, doc.code, row.sha256, row.source);
        if (existing) {
          kept = false;
          return existing;
        }
        if ((await documentQueries.count(tx.sql, app.id, doc.code)) >= doc.maxCount) throw tooManyFiles(doc.code, doc.maxCount);
        await documentQueries.insert(tx.sql, {
          tenantId: ctx.tenant.id, appId: app.id, id: row.id, code: doc.code, key: row.key, filename: row.filename, mediaType: row.mediaType, size: row.size,
          sha256: row.sha256, source: row.source, sourceApp: row.sourceApp ?? null, sourceOutput: row.sourceOutput ?? null, by: ctx.identity.username, now: ctx.now,
        });
        // A journey pre-fills the form fields the plugin maps from the carried output (issue 23): the citizen no longer retypes them.
        const data = Object.keys(prefill).length ? withValues(locked.data, prefill) : locked.data;
        const dataChanges = diffData(locked.data, data);
        // A document added by anyone but the citizen, or after submission (the citizen's turn to correct), is on the timeline
        // (first: a submitted form changes only beside an entry that records the diff).
        if (byOther(ctx.identity, locked) || locked.status !== 'draft')
          await applicationQueries.event(tx.sql, {
            tenantId: ctx.tenant.id, applicationId: app.id, id: newId(), at: ctx.now, actorSub: ctx.identity.subject, actorName: ctx.identity.name ?? ctx.identity.username,
            role: writer, action: row.source === 'journey' ? 'document-attached' : 'document-uploaded', from: locked.state, to: locked.state, comment: null,
            changes: [{ pointer: `/documents/${doc.code}`, from: null, to: row.filename ?? row.id }, ...dataChanges],
          });
        if (dataChanges.length) await applicationQueries.updateDraft(tx.sql, app.id, data, ctx.now);
        else await applicationQueries.touch(tx.sql, app.id, ctx.now);
        return { id: row.id, filename: row.filename };
      });
      // A replayed answer (Idempotency-Key) or the same bytes already there: this object is not needed.
      if (!kept || ctx.idempotency?.replayed) await this.discard(ctx, row.key);
      return saved;
    } catch (e) {
      await this.discard(ctx, row.key);
      throw e;
    }
  }

  private async discard(ctx: TenantUserCtx, key: string): Promise<void> {
    await this.store.delete(ctx.tenant.homeRegion, key).catch((err: unknown) => ctx.log.warn({ err, key }, 'orphan object left for the reconciler'));
  }

  /** Streams one file into the bucket, then commits its row. */
  async upload(ctx: TenantUserCtx, id: string, code: string, body: Readable, filename: string | null): Promise<UploadedDocument> {
    const { app, doc } = await this.forDocument(ctx, id, code);
    // The validity rules on what the form already states of this document (its date, issuer): refused before a byte is stored.
    const stated = validityProblems(doc, statedEvidence(doc, app.data), localDate(ctx.now, ctx.tenant.timeZone), true);
    if (stated.length) throw documentNotValid(stated);
    const docId = newId();
    const key = docKey(ctx.tenant, app.id, docId);
    let stored;
    try {
      stored = await this.store.putStream(ctx.tenant.homeRegion, key, body, { maxBytes: Math.floor(doc.maxSizeMb * 1024 * 1024), accept: doc.accept });
    } catch (e) {
      if (e instanceof UploadRefused) {
        if (e.reason === 'empty') throw uploadEmpty();
        if (e.reason === 'too-large') throw uploadTooLarge(doc.maxSizeMb);
        throw uploadTypeRefused(e.detail.detected ?? 'unknown', doc.accept);
      }
      const err = e as { code?: string; message?: string };
      if (err.code === 'ECONNRESET' || err.message === 'aborted') throw uploadAborted();
      throw storageUnavailable(e);
    }
    faultPoint('after-object-write');
    // The bytes are known only now: a retry under the same Idempotency-Key must carry the same
    // file, or it is refused (IDEMPOTENCY_KEY_REUSED) rather than answered with the first one.
    if (ctx.idempotency) ctx.idempotency.request = { request: ctx.idempotency.request, sha256: stored.sha256 };
    const saved = await this.commit(ctx, app, doc, { id: docId, key, filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, source: 'upload' });
    return { id: saved.id, code, filename: saved.filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, source: 'upload' as const };
  }

  /**
   * Journey (layanan terintegrasi): takes another application's issued output as this document,
   * without a re-upload — same applicant, the plugin's declared source, within its maximum age.
   */
  async attachFromApplication(ctx: TenantUserCtx, id: string, code: string, trackingCode: string): Promise<JourneyAttachment> {
    const { app, doc } = await this.forDocument(ctx, id, code);
    const link = doc.fromService;
    if (!link) throw journeySourceInvalid({ id: `Dokumen ${code} tidak menerima produk layanan lain.`, en: `Document ${code} does not take another service’s output.` });
    const source = await this.d.uow.read(ctx, (tx) => documentQueries.journeySource(tx.sql, normalizeTrackingCode(trackingCode), link.output));
    const sameApplicant =
      source &&
      ((app.applicant_sub !== null && source.applicant_sub === app.applicant_sub) || (app.applicant.nik !== undefined && source.applicant.nik === app.applicant.nik) || (app.applicant.nik !== undefined && source.data.nik === app.applicant.nik));
    if (!source || !sameApplicant) throw journeySourceInvalid({ id: 'Tidak ada permohonan dengan kode itu atas nama pemohon ini.', en: 'No application with that code for this applicant.' });
    if (source.plugin_id !== link.plugin || source.service_code !== link.service)
      throw journeySourceInvalid({ id: `Kode itu bukan permohonan ${link.plugin}.${link.service}.`, en: `That code is not a ${link.plugin}.${link.service} application.` });
    if (!source.issued_at || !source.output_key || !source.output_media_type) throw journeySourceInvalid({ id: 'Produknya belum diterbitkan.', en: 'Its output has not been issued yet.' });
    const ageDays = Math.floor((ctx.now.getTime() - source.issued_at.getTime()) / 86_400_000);
    // The document type's validity rules (age, issuer, number and date), on what the issuing application itself says.
    const { service: sourceService } = await this.apps.definition(source);
    const output = sourceService.outputs.find((o) => o.code === link.output);
    const evidence = carriedEvidence({ agencyCode: source.agency_code, issuedAt: source.issued_at, data: source.output_data, trackingCode: source.tracking_code, outputCode: link.output }, output, ctx.tenant.timeZone);
    const problems = validityProblems(doc, evidence, localDate(ctx.now, ctx.tenant.timeZone)).map((e) => ({ ...e, pointer: '/trackingCode' }));
    if (problems.length) throw documentNotValid(problems);
    const prefill = prefillFrom(doc, source.output_data);
    const accepted: readonly string[] = doc.accept;
    if (!accepted.includes(source.output_media_type)) throw uploadTypeRefused(source.output_media_type, doc.accept);
    const docId = newId();
    const key = docKey(ctx.tenant, app.id, docId);
    try {
      await this.store.copy(ctx.tenant.homeRegion, source.output_key, key);
    } catch (e) {
      throw storageUnavailable(e);
    }
    const saved = await this.commit(ctx, app, doc, {
      id: docId, key, filename: `${link.output}-${source.tracking_code}.pdf`, mediaType: source.output_media_type, size: Number(source.output_size), sha256: source.output_sha256 ?? '',
      source: 'journey', sourceApp: source.id, sourceOutput: link.output,
    }, prefill);
    return { id: saved.id, code, source: 'journey' as const, sourceApplication: source.tracking_code, ageDays, prefilled: Object.keys(prefill).map((p) => `/data${p}`) };
  }

  /** A short-lived download link for a document or an output, after the access check. */
  async downloadUrl(ctx: TenantUserCtx, id: string, what: { document: string } | { output: string }): Promise<DownloadLinkView> {
    const obj = await this.d.uow.read(ctx, async (tx) => {
      const { app } = visibleTo(ctx.identity, ctx.tenant, await applicationQueries.load(tx.sql, id));
      const found = 'document' in what ? await documentQueries.documentObject(tx.sql, id, what.document) : await documentQueries.outputObject(tx.sql, id, what.output);
      if (found) await recordPersonalDataAccess(tx, ctx, applicationRead(ctx, app, what)); // UU 27/2022: a staff download is logged
      return found;
    });
    if (!obj) throw applicationNotFound();
    return {
      url: await this.store.presignGet(ctx.tenant.homeRegion, obj.key, { expiresIn: LINK_SECONDS, filename: obj.filename ?? undefined, mediaType: obj.media_type }),
      expiresAt: new Date(ctx.now.getTime() + LINK_SECONDS * 1000).toISOString(),
    };
  }
}
