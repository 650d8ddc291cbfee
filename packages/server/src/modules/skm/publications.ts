import { localDate, newId } from '@satupintu/core';
import { recordAudit, type Sql, type UnitOfWork } from '@satupintu/db';
import { actorOf, type TenantCtx, type TenantUserCtx } from '../../context.js';
import { pageOf, pageRequest, type PageOf } from '../../pagination.js';
import { publicationInvalid } from './errors.js';
import type { Period } from './period.js';
import { publicationQueries, type PublicationRow } from './queries.js';
import { checkPeriod } from './reports.js';
import type { SkmPublicationView } from './schemas.js';

export interface PublicationInput {
  from: string;
  to: string;
  medium: 'website' | 'notice-board' | 'social-media' | 'print-media' | 'other';
  location: string;
  publishedOn: string;
  publishedBy: string;
}

/** Media whose location is a link: recorded as an https URL. */
const LINKED = new Set(['website', 'social-media']);

/** What an entry shows; `recordedBy` (a staff username) only to the tenant's own staff, as for follow-ups. */
export function publicationView(r: PublicationRow, staff: boolean): SkmPublicationView {
  return {
    id: r.id,
    period: { from: r.period_from, to: r.period_to },
    medium: r.medium,
    location: r.location,
    publishedOn: r.published_on,
    publishedBy: r.published_by,
    ...(staff ? { recordedBy: r.recorded_by } : {}),
    recordedAt: r.recorded_at.toISOString(),
  };
}

function isStaff(ctx: TenantCtx): boolean {
  const id = ctx.identity;
  if (!id) return true;
  return id.roles.includes('platform-admin') || id.memberships.some((m) => m.role === 'tenant-admin' && m.tenant === ctx.tenant.slug);
}

/**
 * The SKM publication log (PermenPANRB 14/2017: the results are published; PEKPPP counts the
 * publication media): where (a URL or a notice board), when and by which unit a tenant published
 * a period's result. Append-only: an entry is never changed or removed (the table refuses an
 * update); a correction is a new entry. The same entry recorded again is the first one.
 */
export class PublicationService {
  constructor(private readonly uow: UnitOfWork) {}

  async record(ctx: TenantUserCtx, input: PublicationInput): Promise<{ publication: SkmPublicationView; created: boolean }> {
    checkPeriod({ from: input.from, to: input.to }, '/to');
    const location = input.location.trim();
    if (LINKED.has(input.medium) && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(location))
      throw publicationInvalid('/location', 'Untuk situs web atau media sosial, isi URL https tempat hasil SKM dipublikasikan.', 'For a website or social media, give the https URL where the SKM result is published.');
    const today = localDate(ctx.now, ctx.tenant.timeZone);
    if (input.publishedOn > today) throw publicationInvalid('/publishedOn', `Tanggal publikasi ${input.publishedOn} belum terjadi.`, `The publication date ${input.publishedOn} is in the future.`);
    if (input.publishedOn < input.to)
      throw publicationInvalid('/publishedOn', `Hasil periode yang berakhir ${input.to} tidak dapat dipublikasikan sebelum tanggal itu.`, `The result of a period ending ${input.to} cannot be published before that date.`);
    return this.uow.write(ctx, async (tx) => {
      const by = actorOf(ctx);
      const r = await publicationQueries.insert(tx.sql, { tenantId: ctx.tenant.id, id: newId(), from: input.from, to: input.to, medium: input.medium, location, publishedOn: input.publishedOn, publishedBy: input.publishedBy.trim(), by, now: ctx.now });
      if (r.created) await recordAudit(tx, { actor: by, action: 'skm.published', subject: `skm-publication:${r.row.id}`, data: { period: { from: input.from, to: input.to }, medium: input.medium, location } });
      return { publication: publicationView(r.row, true), created: r.created };
    });
  }

  async page(ctx: TenantCtx, query: { from?: string; to?: string; limit?: number; cursor?: string }): Promise<PageOf<SkmPublicationView>> {
    const req = pageRequest<[string, string]>(query, 2);
    const rows = await this.uow.read(ctx, (tx) => publicationQueries.page(tx.sql, query, req.after, req.limit + 1));
    const staff = isStaff(ctx);
    return pageOf(rows, req, (r) => [r.page_at, r.id], (r) => publicationView(r, staff));
  }

  /** The entries for periods overlapping `p`, inside an open unit of work. */
  async overlappingIn(sql: Sql, p: Period, staff: boolean): Promise<SkmPublicationView[]> {
    return (await publicationQueries.overlapping(sql, p)).map((r) => publicationView(r, staff));
  }

  isStaff(ctx: TenantCtx): boolean {
    return isStaff(ctx);
  }
}
