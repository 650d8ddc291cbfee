import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@satupintu/core';
import type { Identity } from '@satupintu/auth';
import type { Sql, TenantTx } from '@satupintu/db';
import type { Ctx } from '../../context.js';
import { accessQueries } from './queries.js';

/**
 * Why someone other than the person read their data (UU 27/2022 Pasal 5: the purpose and the
 * accountability of whoever uses it). docs/privacy.md says when each is used.
 */
export const PURPOSES = ['handling', 'verification', 'complaint-handling', 'supervision', 'assisted-filing', 'export', 'support'] as const;
export type AccessPurpose = (typeof PURPOSES)[number];

/** What was read: the record (an application, a complaint…) and, for a file, which one. */
export const RECORD_TYPES = ['application', 'application-document', 'application-output', 'complaint', 'complaint-attachment', 'booking'] as const;
export type AccessRecordType = (typeof RECORD_TYPES)[number];

/** In what capacity the reader read: their platform role on this record (`filer`: filed it for the person, without a current membership). */
export const READER_ROLES = ['officer', 'tenant-admin', 'village-operator', 'filer', 'platform-admin', 'system'] as const;
export type ReaderRole = (typeof READER_ROLES)[number];

/** One read of one person's data. */
export interface PersonalDataAccess {
  /** The person: their account and/or their NIK (kept only as a keyed digest, never in clear). */
  person: { sub?: string | null; nik?: string | null };
  record: { type: AccessRecordType; id: string; ref?: string | null; item?: string | null };
  purpose: AccessPurpose;
  reader: { role: ReaderRole; agency?: string | null };
  /** An anonymous complainant: the tenant admin's view of the log leaves the person out (the person still sees it). */
  hidden?: boolean;
}

/** Who reads, as the request (or job) knows it. */
export type ReaderCtx = Pick<Ctx, 'requestId' | 'now'> & { readonly identity?: Identity; readonly tenant?: { slug: string } };

/** The tenant's NIK key, once committed (a rolled-back first use must not leave a key in memory that the database does not have). */
const peppers = new Map<string, Buffer>();

/** The tenant's key for NIK digests: created on first use, in the caller's transaction. */
async function pepperOf(tx: Pick<TenantTx, 'sql' | 'tenantId' | 'afterCommit'>): Promise<Buffer> {
  const known = peppers.get(tx.tenantId);
  if (known) return known;
  const pepper = await accessQueries.pepper(tx.sql, tx.tenantId, randomBytes(32));
  tx.afterCommit(() => peppers.set(tx.tenantId, pepper));
  return pepper;
}

/** A NIK as the access log holds it: a keyed digest, per tenant (one-way without the tenant's key). */
export function nikDigest(pepper: Buffer, nik: string): string {
  return createHash('sha256').update(pepper).update(`nik:${nik.replace(/\s+/g, '')}`).digest('hex');
}

/** The tenant's NIK digest of `nik` for a lookup; undefined when the tenant never logged a NIK (so nothing can match). */
export async function lookupDigest(sql: Sql, tenantId: string, nik: string): Promise<string | undefined> {
  const pepper = peppers.get(tenantId) ?? (await accessQueries.existingPepper(sql));
  return pepper ? nikDigest(pepper, nik) : undefined;
}

/**
 * A stable pseudonym of a staff member within one tenant: the person sees it instead of a name
 * (and can quote it in a complaint); the tenant admin sees it beside the username, so it maps back.
 */
export function readerRef(tenantId: string, readerSub: string): string {
  return createHash('sha256').update(`${tenantId}:reader:${readerSub}`).digest('hex').slice(0, 10);
}

/**
 * The port other modules call inside their read (same unit of work): records who read which
 * person's data and why. A read by the person themself, or of a record with no identifiable person,
 * records nothing. Returns how many entries were written.
 */
export async function recordPersonalDataAccess(
  tx: Pick<TenantTx, 'sql' | 'tenantId' | 'afterCommit'>,
  ctx: ReaderCtx,
  access: PersonalDataAccess | readonly (PersonalDataAccess | undefined)[] | undefined | null,
): Promise<number> {
  const reader = ctx.identity;
  const all = (Array.isArray(access) ? access : [access]) as (PersonalDataAccess | undefined | null)[];
  const kept = all.filter((a): a is PersonalDataAccess => !!a && (!!a.person.sub || !!a.person.nik) && (!reader || a.person.sub !== reader.subject));
  if (!kept.length) return 0;
  const pepper = kept.some((a) => a.person.nik) ? await pepperOf(tx) : undefined;
  await accessQueries.insert(
    tx.sql,
    kept.map((a) => ({
      tenantId: tx.tenantId,
      id: newId(),
      at: ctx.now,
      requestId: ctx.requestId.slice(0, 200),
      readerSub: reader?.subject ?? 'system',
      readerUsername: reader?.username ?? 'system',
      readerRole: a.reader.role,
      readerAgency: a.reader.agency ?? null,
      personSub: a.person.sub ?? null,
      nikDigest: a.person.nik && pepper ? nikDigest(pepper, a.person.nik) : null,
      hidden: a.hidden ?? false,
      recordType: a.record.type,
      recordId: a.record.id,
      recordRef: a.record.ref ?? null,
      item: a.record.item ?? null,
      purpose: a.purpose,
    })),
  );
  return kept.length;
}

/** The caller's staff relation to a record of this tenant (undefined: none, e.g. the person themself). */
function staffRole(ctx: ReaderCtx, agency: string | null | undefined, filedBy: string | null | undefined): { role: ReaderRole; agency?: string | null } | undefined {
  const id = ctx.identity;
  const slug = ctx.tenant?.slug;
  if (!id) return { role: 'system' };
  const here = id.memberships.filter((m) => 'tenant' in m && m.tenant === slug);
  const officer = here.find((m) => m.role === 'officer' && m.agency === agency);
  if (officer) return { role: 'officer', agency: agency ?? null };
  if (filedBy === id.subject) return { role: here.some((m) => m.role === 'village-operator') ? 'village-operator' : 'filer' };
  if (here.some((m) => m.role === 'tenant-admin')) return { role: 'tenant-admin' };
  if (id.roles.includes('platform-admin')) return { role: 'platform-admin' };
  return undefined;
}

/** An application as the access log needs it (a structural slice of the applications row). */
export interface ApplicationRecord {
  id: string;
  tracking_code: string;
  agency_code: string;
  applicant_sub: string | null;
  applicant: { nik?: string };
  filed_by_sub: string;
}

/**
 * The entry for a staff read of an application (or one of its files): the officer works it
 * (`handling`; a supporting document is `verification`), the operator who filed it assists
 * (`assisted-filing`), the tenant admin supervises (`supervision`). Undefined for the applicant.
 */
export function applicationRead(ctx: ReaderCtx, app: ApplicationRecord, file?: { document: string } | { output: string }): PersonalDataAccess | undefined {
  if (ctx.identity && app.applicant_sub === ctx.identity.subject) return undefined;
  const reader = staffRole(ctx, app.agency_code, app.filed_by_sub);
  if (!reader) return undefined;
  const purpose: AccessPurpose =
    reader.role === 'officer' ? (file && 'document' in file ? 'verification' : 'handling') : reader.role === 'tenant-admin' ? 'supervision' : reader.role === 'platform-admin' ? 'support' : 'assisted-filing';
  return {
    person: { sub: app.applicant_sub, nik: app.applicant.nik ?? null },
    record: file
      ? { type: 'document' in file ? 'application-document' : 'application-output', id: app.id, ref: app.tracking_code, item: 'document' in file ? file.document : file.output }
      : { type: 'application', id: app.id, ref: app.tracking_code },
    purpose,
    reader,
  };
}

/** A complaint as the access log needs it (a structural slice of the complaints row). */
export interface ComplaintRecord {
  id: string;
  tracking_code: string;
  agency_code: string | null;
  complainant_sub: string | null;
  complainant: { nik?: string };
  filed_by_sub: string;
  anonymous: boolean;
}

/**
 * The entry for a staff read of a complaint (or an attachment): `complaint-handling`, or `export`
 * for the coordinator's bulk export. An anonymous complainant's entry is hidden from the tenant
 * admin's view of the log (it would name who filed); the complainant still sees it.
 */
export function complaintRead(ctx: ReaderCtx, c: ComplaintRecord, opts: { attachment?: string; purpose?: AccessPurpose } = {}): PersonalDataAccess | undefined {
  if (ctx.identity && c.complainant_sub === ctx.identity.subject) return undefined;
  const reader = staffRole(ctx, c.agency_code, c.filed_by_sub);
  if (!reader) return undefined;
  return {
    person: { sub: c.complainant_sub, nik: c.complainant.nik ?? null },
    record: opts.attachment ? { type: 'complaint-attachment', id: c.id, ref: c.tracking_code, item: opts.attachment } : { type: 'complaint', id: c.id, ref: c.tracking_code },
    purpose: opts.purpose ?? 'complaint-handling',
    reader,
    hidden: c.anonymous,
  };
}

/** Records a staff read of one complaint by id (loads the few columns it needs), inside the caller's read. */
export async function recordComplaintRead(tx: Pick<TenantTx, 'sql' | 'tenantId' | 'afterCommit'>, ctx: ReaderCtx, id: string, attachment?: string): Promise<number> {
  const c = await accessQueries.complaint(tx.sql, id);
  return c ? recordPersonalDataAccess(tx, ctx, complaintRead(ctx, c, attachment ? { attachment } : {})) : 0;
}
