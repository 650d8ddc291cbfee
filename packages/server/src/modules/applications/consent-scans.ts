import type { Readable } from 'node:stream';
import Type from 'typebox';
import { newId } from '@satupintu/core';
import type { Sql, UnitOfWork } from '@satupintu/db';
import { UploadRefused, type ObjectStore } from '@satupintu/storage';
import type { TenantUserCtx } from '../../context.js';
import { created, ok, type RouteTable } from '../../http/routes.js';
import { replayHeaders, withIdempotency } from '../../http/idempotency.js';
import { TenantPath, Uuid } from '../../http/schemas.js';
import { applicationRead, recordPersonalDataAccess } from '../privacy/index.js';
import { officerAgencies, visibleTo, writerOn } from './access.js';
import { applicationNotFound, consentScanNotAllowed, editNotAllowed, storageUnavailable, tooManyFiles, uploadAborted, uploadEmpty, uploadTooLarge, uploadTypeRefused } from './errors.js';
import { applicationQueries, type ApplicationRow } from './queries.js';
import { DownloadLink, UploadQuery, type DownloadLinkView } from './schemas.js';

/**
 * A photo or scan of the citizen's signed consent for assisted or counter filing (issue 23):
 * streamed into the tenant's bucket like any document (type by magic bytes, size limit, sha256),
 * uploaded by the staff member who filed with that consent, seen by the tenant's staff only —
 * that filer, the officers of the application's agency, the tenant admin. Never the ministry
 * analyst (403 at the route: no tenant role), never another tenant.
 */
const ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const MAX_MB = 5;
const MAX_SCANS = 5;
const LINK_SECONDS = 120;

export const ConsentScanPath = TenantPath({ id: Uuid });
export const ConsentScanDownloadPath = TenantPath({ id: Uuid, scan: Uuid });

export const ConsentScanSchema = Type.Object(
  {
    id: Uuid,
    filename: Type.Union([Type.String(), Type.Null()]),
    mediaType: Type.String({ description: 'As read from the content' }),
    size: Type.Integer({ minimum: 1 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    uploadedBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, 'x-component': 'ConsentScan' },
);
export type ConsentScan = Type.Static<typeof ConsentScanSchema>;
export const ConsentScanList = Type.Object({ items: Type.Array(ConsentScanSchema) }, { additionalProperties: false, 'x-component': 'ConsentScanList' });

type ScanRow = { id: string; object_key: string; filename: string | null; media_type: string; size: string; sha256: string; uploaded_by: string; created_at: Date };
const view = (r: ScanRow): ConsentScan => ({ id: r.id, filename: r.filename, mediaType: r.media_type, size: Number(r.size), sha256: r.sha256, uploadedBy: r.uploaded_by, createdAt: r.created_at.toISOString() });

const scanQueries = {
  list(sql: Sql, appId: string): Promise<ScanRow[]> {
    return sql.rows(`select id, object_key, filename, media_type, size, sha256, uploaded_by, created_at from application_consent_scans where application_id = $1 order by created_at, id`, [appId]);
  },
  one(sql: Sql, appId: string, id: string): Promise<ScanRow | undefined> {
    return sql.maybe(`select id, object_key, filename, media_type, size, sha256, uploaded_by, created_at from application_consent_scans where application_id = $1 and id = $2`, [appId, id]);
  },
  /** The row, or the one already holding the same bytes (a retry). */
  async insert(sql: Sql, r: { tenantId: string; appId: string; id: string; key: string; filename: string | null; mediaType: string; size: number; sha256: string; by: string; at: Date }): Promise<ScanRow> {
    const row = await sql.maybe<ScanRow>(
      `insert into application_consent_scans (tenant_id, application_id, id, object_key, filename, media_type, size, sha256, uploaded_by, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) on conflict (tenant_id, application_id, sha256) do nothing
       returning id, object_key, filename, media_type, size, sha256, uploaded_by, created_at`,
      [r.tenantId, r.appId, r.id, r.key, r.filename, r.mediaType, r.size, r.sha256, r.by, r.at],
    );
    return row ?? (await sql.one<ScanRow>(`select id, object_key, filename, media_type, size, sha256, uploaded_by, created_at from application_consent_scans where application_id = $1 and sha256 = $2`, [r.appId, r.sha256]));
  },
};

/** Whether the caller is the tenant's staff for this application: its filer, an officer of its agency, or the tenant admin. */
function staffOn(ctx: TenantUserCtx, app: ApplicationRow): boolean {
  if (app.filed_by_sub === ctx.identity.subject && app.filed_by_role !== 'citizen') return true;
  if (officerAgencies(ctx.identity, ctx.tenant).includes(app.agency_code) && app.status !== 'draft') return true;
  return app.status !== 'draft' && ctx.identity.memberships.some((m) => m.role === 'tenant-admin' && 'tenant' in m && m.tenant === ctx.tenant.slug);
}

export class ConsentScanService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: ObjectStore,
  ) {}

  /** The application if the caller may see its consent scans (404 as for the application itself, 404 for a citizen: staff only). */
  private staffRead(ctx: TenantUserCtx, row: ApplicationRow | undefined): ApplicationRow {
    const { app } = visibleTo(ctx.identity, ctx.tenant, row);
    if (!staffOn(ctx, app)) throw applicationNotFound();
    return app;
  }

  /** Streams the scan into the bucket, then commits its row; only the staff member who filed with the consent adds one. */
  async upload(ctx: TenantUserCtx, id: string, body: Readable, filename: string | null): Promise<ConsentScan> {
    const app = this.staffRead(ctx, await this.uow.read(ctx, (tx) => applicationQueries.load(tx.sql, id)));
    if (app.channel === 'online' || app.consent === null) throw consentScanNotAllowed();
    if (!writerOn(ctx.identity, ctx.tenant, app)) throw editNotAllowed();
    const scanId = newId();
    const key = `t/${ctx.tenant.id}/a/${app.id}/consent-${scanId}`;
    let stored;
    try {
      stored = await this.store.putStream(ctx.tenant.homeRegion, key, body, { maxBytes: MAX_MB * 1024 * 1024, accept: [...ACCEPT] });
    } catch (e) {
      if (e instanceof UploadRefused) {
        if (e.reason === 'empty') throw uploadEmpty();
        if (e.reason === 'too-large') throw uploadTooLarge(MAX_MB);
        throw uploadTypeRefused(e.detail.detected ?? 'unknown', [...ACCEPT]);
      }
      const err = e as { code?: string; message?: string };
      if (err.code === 'ECONNRESET' || err.message === 'aborted') throw uploadAborted();
      throw storageUnavailable(e);
    }
    if (ctx.idempotency) ctx.idempotency.request = { request: ctx.idempotency.request, sha256: stored.sha256 };
    let row: ScanRow;
    try {
      row = await this.uow.write(ctx, async (tx) => {
        const locked = await applicationQueries.load(tx.sql, id, true);
        if (!locked || !writerOn(ctx.identity, ctx.tenant, locked)) throw editNotAllowed();
        const existing = await scanQueries.list(tx.sql, id);
        const same = existing.find((r) => r.sha256 === stored.sha256);
        if (same) return same;
        if (existing.length >= MAX_SCANS) throw tooManyFiles('consent', MAX_SCANS);
        const saved = await scanQueries.insert(tx.sql, { tenantId: ctx.tenant.id, appId: id, id: scanId, key, filename, mediaType: stored.mediaType, size: stored.size, sha256: stored.sha256, by: ctx.identity.username, at: ctx.now });
        await applicationQueries.event(tx.sql, {
          tenantId: ctx.tenant.id, applicationId: id, id: newId(), at: ctx.now, actorSub: ctx.identity.subject, actorName: ctx.identity.name ?? ctx.identity.username,
          role: locked.filed_by_role, action: 'consent-scan-added', from: locked.state, to: locked.state, comment: null,
        });
        return saved;
      });
    } catch (e) {
      await this.store.delete(ctx.tenant.homeRegion, key).catch(() => {});
      throw e;
    }
    // The same bytes were there already (a retry): this copy is not needed.
    if (row.object_key !== key) await this.store.delete(ctx.tenant.homeRegion, key).catch((err: unknown) => ctx.log.warn({ err, key }, 'orphan object left for the reconciler'));
    return view(row);
  }

  async list(ctx: TenantUserCtx, id: string): Promise<{ items: ConsentScan[] }> {
    return this.uow.read(ctx, async (tx) => {
      const app = this.staffRead(ctx, await applicationQueries.load(tx.sql, id));
      const rows = await scanQueries.list(tx.sql, id);
      if (rows.length) await recordPersonalDataAccess(tx, ctx, applicationRead(ctx, app, { document: 'consent' }));
      return { items: rows.map(view) };
    });
  }

  async downloadUrl(ctx: TenantUserCtx, id: string, scan: string): Promise<DownloadLinkView> {
    const row = await this.uow.read(ctx, async (tx) => {
      const app = this.staffRead(ctx, await applicationQueries.load(tx.sql, id));
      const found = await scanQueries.one(tx.sql, id, scan);
      if (found) await recordPersonalDataAccess(tx, ctx, applicationRead(ctx, app, { document: scan })); // UU 27/2022: a staff download is logged
      return found;
    });
    if (!row) throw applicationNotFound();
    return {
      url: await this.store.presignGet(ctx.tenant.homeRegion, row.object_key, { expiresIn: LINK_SECONDS, filename: row.filename ?? undefined, mediaType: row.media_type }),
      expiresAt: new Date(ctx.now.getTime() + LINK_SECONDS * 1000).toISOString(),
    };
  }
}

const staff = { kind: 'roles' as const, roles: ['officer' as const, 'village-operator' as const, 'tenant-admin' as const], tenantParam: 'tenant' };

export function consentScanRoutes(api: RouteTable, scans: ConsentScanService, accessCheck: (ctx: TenantUserCtx, id: string) => (sql: Sql) => Promise<void>): void {
  api.add({
    method: 'put',
    path: '/api/v1/tenants/:tenant/applications/:id/consent/scans',
    operationId: 'uploadConsentScan',
    summary: 'Unggah pindaian persetujuan (badan mentah) / Upload the signed consent’s scan (raw body)',
    description:
      'A photo or scan of the citizen’s signed consent for an assisted or counter filing, as the raw body (PDF, PNG or JPEG by its content, at most 5 MB, at most 5 per application). Only the staff member who filed with that consent; the same bytes again answer the first. Seen by the tenant’s staff only.',
    tags: ['applications'],
    security: { kind: 'roles', roles: ['officer', 'village-operator'], tenantParam: 'tenant' },
    params: ConsentScanPath,
    query: UploadQuery,
    rawBody: { description: 'The file: PDF, PNG or JPEG', media: ['application/pdf', 'image/png', 'image/jpeg', 'application/octet-stream'] },
    idempotent: true,
    responses: {
      '201': {
        description: 'Stored, with its sha256',
        schema: ConsentScanSchema,
        example: { id: '8c3f2a10-4b5d-4e6f-9a7b-1c2d3e4f5a6b', filename: 'persetujuan-euis.jpg', mediaType: 'image/jpeg', size: 182311, sha256: '3b7e4f0c9a2d1e8f5b6c7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2', uploadedBy: 'operator.desa.kbb', createdAt: '2026-12-07T02:00:00.000Z' },
      },
    },
    errors: [applicationNotFound, editNotAllowed, consentScanNotAllowed, uploadEmpty, uploadAborted, uploadTooLarge, uploadTypeRefused, tooManyFiles, storageUnavailable],
    handler: async (rctx, { params, query, req }) => {
      const ctx = withIdempotency(rctx, req, `uploadConsentScan:${params.id}`, { id: params.id, filename: query.filename ?? null }, accessCheck(rctx, params.id));
      return created(await scans.upload(ctx, params.id, req, query.filename ?? null), undefined, replayHeaders(ctx));
    },
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/consent/scans',
    operationId: 'listConsentScans',
    summary: 'Pindaian persetujuan / Signed consent scans',
    description: 'The scans of the consent an assisted or counter filing was made with. The tenant’s staff only (the filer, officers of the agency, the tenant admin); a citizen or anyone else gets 404, the ministry analyst 403.',
    tags: ['applications'],
    security: staff,
    params: ConsentScanPath,
    responses: { '200': { description: 'The scans, oldest first', schema: ConsentScanList } },
    errors: [applicationNotFound],
    handler: async (ctx, { params }) => ok(await scans.list(ctx, params.id)),
  });

  api.add({
    method: 'get',
    path: '/api/v1/tenants/:tenant/applications/:id/consent/scans/:scan/download',
    operationId: 'downloadConsentScan',
    summary: 'Tautan unduh pindaian persetujuan / Consent scan download link',
    description: 'A presigned GET URL of the scan, valid for two minutes, after the access check (the tenant’s staff only; each download is logged).',
    tags: ['applications'],
    security: staff,
    params: ConsentScanDownloadPath,
    responses: { '200': { description: 'A short-lived link', schema: DownloadLink } },
    errors: [applicationNotFound],
    handler: async (ctx, { params }) => ok(await scans.downloadUrl(ctx, params.id, params.scan)),
  });
}
