import { recordAudit, type Sql, type UnitOfWork } from '@satupintu/db';
import type { TenantCtx } from '../../context.js';
import { cursorInvalid, preconditionFailed } from '../../http/problems.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { checkPreconditions, etagMatches, type Preconditions } from '../../preconditions.js';
import { versionTag } from '../installations/index.js';
import { agencyNotJoined } from './errors.js';
import { recordQueries, type AgencyRow, type DecreeKind, type DecreeRow, type MaklumatRow } from './queries.js';
import type { AgencyRecord, DecreeRecord, MaklumatRecord, PublicMaklumat } from './schemas.js';

export type { AgencyRecord, DecreeRecord, MaklumatRecord, PublicMaklumat };

export interface AgencyInput {
  name: string;
  mouNumber: string;
  mouSignedOn: string;
  plannedServices: number;
}

export interface MaklumatInput {
  text: string;
  signedBy: string;
  signedOn: string;
}

export interface DecreeInput {
  kind: DecreeKind;
  number: string;
  signedOn: string;
  title: string;
}

/** The ETag of the maklumat before the regency publishes one: a client that saw none may quote it to publish the first. */
export const NO_MAKLUMAT_ETAG = '"0"';

const agencyOf = (r: AgencyRow): AgencyRecord => ({
  agencyCode: r.agency_code,
  name: r.agency_name,
  mouNumber: r.mou_number,
  mouSignedOn: r.mou_signed_on,
  plannedServices: r.planned_services,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at.toISOString(),
});
const maklumatOf = (r: MaklumatRow): MaklumatRecord => ({ text: r.text, signedBy: r.signed_by, signedOn: r.signed_on, publishedBy: r.published_by, publishedAt: r.published_at.toISOString() });
const decreeOf = (r: DecreeRow): DecreeRecord => ({ kind: r.kind, number: r.number, signedOn: r.signed_on, title: r.title, recordedBy: r.recorded_by, recordedAt: r.recorded_at.toISOString() });

const agencyTag = (r: AgencyRow) => versionTag(r.version, agencyOf(r));
const maklumatTag = (r: MaklumatRow) => versionTag(r.version, maklumatOf(r));

export const publicMaklumat = (m: MaklumatRecord): PublicMaklumat => ({ text: m.text, signedBy: m.signedBy, signedOn: m.signedOn, publishedAt: m.publishedAt });

/** The tenant's records inside an open unit of work (the checklist and kaji tiru read them together). */
export const recordsIn = {
  agencies: async (sql: Sql): Promise<AgencyRecord[]> => (await recordQueries.agencies(sql)).map(agencyOf),
  maklumat: async (sql: Sql): Promise<MaklumatRecord | null> => {
    const r = await recordQueries.maklumat(sql);
    return r ? maklumatOf(r) : null;
  },
  decrees: async (sql: Sql): Promise<DecreeRecord[]> => (await recordQueries.decrees(sql)).map(decreeOf),
};

/** A real calendar day as YYYY-MM-DD. */
const isDay = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Checks a request's preconditions (internal callers pass none: the platform's own writes replace). */
const check = (pre: Preconditions | undefined, current: string | undefined) => pre && checkPreconditions(pre, current);

/**
 * The regency's formal acts on the way to an MPP, as tenant data in its home region: agencies
 * joined (an MoU each), the maklumat pelayanan, decrees (SK). Each write is one unit of work
 * with its audit event, and answers with the record as stored. The MoU records and the maklumat
 * are versioned: a request replacing or removing one quotes the ETag it read (If-Match).
 */
export class RecordsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Records (or replaces) an agency's MoU. With `pre` (a request's): replacing needs the ETag read, recording the first none. */
  setAgency(ctx: TenantCtx, agencyCode: string, input: AgencyInput, actor: string, pre?: Preconditions): Promise<{ agency: AgencyRecord; etag: string }> {
    return this.uow.write(ctx, async (tx) => {
      const before = await recordQueries.agency(tx.sql, agencyCode, true);
      check(pre, before && agencyTag(before));
      const write = { tenantId: ctx.tenant.id, code: agencyCode, ...input, by: actor, now: ctx.now };
      let row = before ? await recordQueries.replaceAgency(tx.sql, write) : await recordQueries.createAgency(tx.sql, write);
      if (!row) {
        if (pre) throw preconditionFailed();
        row = await recordQueries.replaceAgency(tx.sql, write);
      }
      await recordAudit(tx, { actor, action: 'agency.joined', subject: `agency:${agencyCode}`, data: { ...input } });
      return { agency: agencyOf(row), etag: agencyTag(row) };
    });
  }

  /** One agency's MoU record with its ETag; AGENCY_NOT_JOINED when none is recorded. */
  async agency(ctx: TenantCtx, agencyCode: string): Promise<{ agency: AgencyRecord; etag: string }> {
    const row = await this.uow.read(ctx, (tx) => recordQueries.agency(tx.sql, agencyCode));
    if (!row) throw agencyNotJoined(agencyCode);
    return { agency: agencyOf(row), etag: agencyTag(row) };
  }

  /** Removes an agency's record. With `pre` (a request's), If-Match is required (428/412). */
  async removeAgency(ctx: TenantCtx, agencyCode: string, actor: string, pre?: Preconditions): Promise<void> {
    await this.uow.write(ctx, async (tx) => {
      const before = await recordQueries.agency(tx.sql, agencyCode, true);
      if (!before) throw agencyNotJoined(agencyCode);
      check(pre, agencyTag(before));
      await recordQueries.deleteAgency(tx.sql, agencyCode);
      await recordAudit(tx, { actor, action: 'agency.left', subject: `agency:${agencyCode}`, data: {} });
    });
  }

  agencies(ctx: TenantCtx): Promise<AgencyRecord[]> {
    return this.uow.read(ctx, (tx) => recordsIn.agencies(tx.sql));
  }

  /** One page of the agencies joined, in code order. */
  async agencyPage(ctx: TenantCtx, query: { limit?: number; cursor?: string }): Promise<PageOf<AgencyRecord>> {
    const req = pageRequest<[string]>(query, 1);
    const rows = await this.uow.read(ctx, (tx) => recordQueries.agencyPage(tx.sql, req.after?.[0] ?? null, req.limit + 1));
    return pageOf(rows, req, (r) => [r.agency_code], agencyOf);
  }

  /**
   * Publishes (or replaces) the maklumat. With `pre` (a request's): replacing needs the ETag
   * read; the first needs none, or the ETag of "none yet" ("0") that GET answered.
   */
  setMaklumat(ctx: TenantCtx, input: MaklumatInput, actor: string, pre?: Preconditions): Promise<{ maklumat: MaklumatRecord; etag: string }> {
    return this.uow.write(ctx, async (tx) => {
      const before = await recordQueries.maklumat(tx.sql, true);
      const sawNone = !before && pre?.ifMatch !== undefined && etagMatches(pre.ifMatch, NO_MAKLUMAT_ETAG, 'strong');
      if (!sawNone) check(pre, before && maklumatTag(before));
      const write = { tenantId: ctx.tenant.id, ...input, by: actor, now: ctx.now };
      let row = before ? await recordQueries.replaceMaklumat(tx.sql, write) : await recordQueries.createMaklumat(tx.sql, write);
      if (!row) {
        if (pre) throw preconditionFailed();
        row = await recordQueries.replaceMaklumat(tx.sql, write);
      }
      await recordAudit(tx, { actor, action: 'maklumat.published', subject: `tenant:${ctx.tenant.id}`, data: { signedBy: input.signedBy, signedOn: input.signedOn } });
      return { maklumat: maklumatOf(row), etag: maklumatTag(row) };
    });
  }

  /** The maklumat as displayed to the public (no actor); null until published. */
  async maklumat(ctx: TenantCtx): Promise<PublicMaklumat | null> {
    return (await this.publicMaklumat(ctx)).maklumat;
  }

  /** The public maklumat with its ETag (`"0"` while there is none). */
  async publicMaklumat(ctx: TenantCtx): Promise<{ maklumat: PublicMaklumat | null; etag: string }> {
    const row = await this.uow.read(ctx, (tx) => recordQueries.maklumat(tx.sql));
    return row ? { maklumat: publicMaklumat(maklumatOf(row)), etag: maklumatTag(row) } : { maklumat: null, etag: NO_MAKLUMAT_ETAG };
  }

  /** Records a decree; the same kind and number again updates it. */
  addDecree(ctx: TenantCtx, input: DecreeInput, actor: string): Promise<DecreeRecord> {
    return this.uow.write(ctx, async (tx) => {
      await recordQueries.setDecree(tx.sql, { tenantId: ctx.tenant.id, ...input, by: actor, now: ctx.now });
      await recordAudit(tx, { actor, action: 'decree.recorded', subject: `decree:${input.kind}:${input.number}`, data: { ...input } });
      const row = await recordQueries.decree(tx.sql, input.kind, input.number);
      if (!row) throw new Error(`decree ${input.number} vanished in its own transaction`);
      return decreeOf(row);
    });
  }

  decrees(ctx: TenantCtx): Promise<DecreeRecord[]> {
    return this.uow.read(ctx, (tx) => recordsIn.decrees(tx.sql));
  }

  /** One page of decrees, by the date signed. */
  async decreePage(ctx: TenantCtx, query: { limit?: number; cursor?: string }): Promise<PageOf<DecreeRecord>> {
    const req = pageRequest<[string, string, string]>(query, 3);
    // A forged key is refused here, not by the database.
    if (req.after && !(isDay(req.after[0]) && typeof req.after[1] === 'string' && typeof req.after[2] === 'string')) throw cursorInvalid();
    const rows = await this.uow.read(ctx, (tx) => recordQueries.decreePage(tx.sql, req.after, req.limit + 1));
    return pageOf(rows, req, (r) => [r.signed_on, r.kind, r.number], decreeOf);
  }
}
