import { recordAudit, type Sql, type UnitOfWork } from '@satupintu/db';
import type { TenantCtx } from '../../context.js';
import { agencyNotJoined } from './errors.js';
import { recordQueries, type AgencyRow, type DecreeKind, type DecreeRow, type MaklumatRow } from './queries.js';

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

export interface AgencyRecord {
  agencyCode: string;
  name: string;
  mouNumber: string;
  mouSignedOn: string;
  plannedServices: number;
  recordedBy: string;
  recordedAt: string;
}

export interface MaklumatRecord {
  text: string;
  signedBy: string;
  signedOn: string;
  publishedBy: string;
  publishedAt: string;
}

/** The maklumat as the public sees it (who typed it in is not public). */
export type PublicMaklumat = Omit<MaklumatRecord, 'publishedBy'>;

export interface DecreeRecord {
  kind: DecreeKind;
  number: string;
  signedOn: string;
  title: string;
  recordedBy: string;
  recordedAt: string;
}

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

/**
 * The regency's formal acts on the way to an MPP, as tenant data in its home region: agencies
 * joined (an MoU each), the maklumat pelayanan, decrees (SK). Each write is one unit of work
 * with its audit event, and answers with the record as stored.
 */
export class RecordsService {
  constructor(private readonly uow: UnitOfWork) {}

  setAgency(ctx: TenantCtx, agencyCode: string, input: AgencyInput, actor: string): Promise<AgencyRecord> {
    return this.uow.write(ctx, async (tx) => {
      await recordQueries.setAgency(tx.sql, { tenantId: ctx.tenant.id, code: agencyCode, ...input, by: actor, now: ctx.now });
      await recordAudit(tx, { actor, action: 'agency.joined', subject: `agency:${agencyCode}`, data: { ...input } });
      const row = await recordQueries.agency(tx.sql, agencyCode);
      if (!row) throw new Error(`agency ${agencyCode} vanished in its own transaction`);
      return agencyOf(row);
    });
  }

  async removeAgency(ctx: TenantCtx, agencyCode: string, actor: string): Promise<void> {
    await this.uow.write(ctx, async (tx) => {
      if (!(await recordQueries.deleteAgency(tx.sql, agencyCode))) throw agencyNotJoined(agencyCode);
      await recordAudit(tx, { actor, action: 'agency.left', subject: `agency:${agencyCode}`, data: {} });
    });
  }

  agencies(ctx: TenantCtx): Promise<AgencyRecord[]> {
    return this.uow.read(ctx, (tx) => recordsIn.agencies(tx.sql));
  }

  setMaklumat(ctx: TenantCtx, input: MaklumatInput, actor: string): Promise<MaklumatRecord> {
    return this.uow.write(ctx, async (tx) => {
      await recordQueries.setMaklumat(tx.sql, { tenantId: ctx.tenant.id, ...input, by: actor, now: ctx.now });
      await recordAudit(tx, { actor, action: 'maklumat.published', subject: `tenant:${ctx.tenant.id}`, data: { signedBy: input.signedBy, signedOn: input.signedOn } });
      const m = await recordsIn.maklumat(tx.sql);
      if (!m) throw new Error('maklumat vanished in its own transaction');
      return m;
    });
  }

  /** The maklumat as displayed to the public (no actor); null until published. */
  async maklumat(ctx: TenantCtx): Promise<PublicMaklumat | null> {
    const m = await this.uow.read(ctx, (tx) => recordsIn.maklumat(tx.sql));
    return m && publicMaklumat(m);
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
}
