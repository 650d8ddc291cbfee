import type { Identity } from '@satupintu/auth';
import type { Tenant } from '@satupintu/core';
import type { Sql } from '@satupintu/db';
import { complaintNotFound } from './errors.js';
import type { ComplaintRole } from './lifecycle.js';
import { complaintQueries, type ComplaintRow } from './queries.js';

/**
 * The caller's relations to one complaint, which are its lifecycle roles. An agency's officers
 * see a complaint only once the coordinator routed it to them (never while submitted or rejected).
 */
export function rolesOn(identity: Identity, t: Pick<Tenant, 'slug'>, c: Pick<ComplaintRow, 'complainant_sub' | 'filed_by_sub' | 'agency_code' | 'handler' | 'status'>): ComplaintRole[] {
  const roles = new Set<ComplaintRole>();
  if (c.complainant_sub && c.complainant_sub === identity.subject) roles.add('complainant');
  if (c.filed_by_sub === identity.subject) roles.add('filer');
  for (const m of identity.memberships) {
    if (!('tenant' in m) || m.tenant !== t.slug) continue;
    if (m.role === 'tenant-admin') roles.add('coordinator');
    if (m.role === 'officer' && c.handler === 'agency' && c.agency_code === m.agency && c.status !== 'submitted' && c.status !== 'rejected') roles.add('officer');
  }
  return [...roles];
}

/** The complaint if the caller has any relation to it; COMPLAINT_NOT_FOUND otherwise (nobody learns that it exists). */
export function visibleTo(identity: Identity, t: Pick<Tenant, 'slug'>, c: ComplaintRow | undefined): { c: ComplaintRow; roles: ComplaintRole[] } {
  if (!c) throw complaintNotFound();
  const roles = rolesOn(identity, t, c);
  if (!roles.length) throw complaintNotFound();
  return { c, roles };
}

/**
 * The re-check of an idempotent write's replay (`withIdempotency`): the stored answer is the
 * complaint as the caller saw it then, so it is replayed only while the caller still has a
 * relation to the complaint (an officer moved to another agency gets COMPLAINT_NOT_FOUND).
 */
export function stillSees(ctx: { identity: Identity; tenant: Pick<Tenant, 'slug'> }, id: string): (sql: Sql) => Promise<void> {
  return async (sql) => {
    visibleTo(ctx.identity, ctx.tenant, await complaintQueries.load(sql, id));
  };
}

/** Whether the caller is the tenant's coordinator (tenant-admin). */
export function isCoordinator(identity: Identity, t: Pick<Tenant, 'slug'>): boolean {
  return identity.memberships.some((m) => m.role === 'tenant-admin' && m.tenant === t.slug);
}

/** Agencies the caller serves as an officer in this tenant. */
export function officerAgencies(identity: Identity, t: Pick<Tenant, 'slug'>): string[] {
  return identity.memberships.flatMap((m) => (m.role === 'officer' && m.tenant === t.slug ? [m.agency] : []));
}

/**
 * Whether the complainant's identity — name, contact, NIK, the names on their thread entries, the
 * application the complaint is about, their file names — is shown to a caller with these roles
 * (SP4N-LAPOR!, domain.md §1.6, integrations.md §3):
 * - the complainant always sees their own;
 * - `anonymous` (anonim): hidden from everyone handling it, the coordinator included; the platform
 *   keeps it only to notify the complainant;
 * - `confidential` (rahasia): hidden from the agency (terlapor) and anyone else handling it; the
 *   coordinator (Admin Koordinator) who verifies sees it;
 * - otherwise everyone with a relation to the complaint sees it.
 * A counter officer who filed for a citizen is treated as the agency: they do not see it again.
 */
export function seesComplainant(c: Pick<ComplaintRow, 'anonymous' | 'confidential'>, roles: readonly ComplaintRole[]): boolean {
  if (roles.includes('complainant')) return true;
  if (c.anonymous) return false;
  if (c.confidential) return roles.includes('coordinator');
  return true;
}

/** Who hears about a complaint's answer or rejection: the citizen's account, or the contact a counter officer took down. */
export function citizenOf(c: Pick<ComplaintRow, 'complainant_sub' | 'complainant'>): string[] {
  return c.complainant_sub ? [`citizen:${c.complainant_sub}`] : c.complainant.phone || c.complainant.email ? ['complainant-contact'] : [];
}
