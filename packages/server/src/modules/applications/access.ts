import type { Identity } from '@satupintu/auth';
import type { Tenant } from '@satupintu/core';
import type { SopRole } from '@satupintu/plugin-sdk';
import type { ApplicationRow } from './queries.js';
import { applicationNotFound } from './errors.js';

/** The caller's relation to one application: the SOP roles it may act in. */
export function rolesOn(identity: Identity, t: Pick<Tenant, 'slug'>, app: Pick<ApplicationRow, 'agency_code' | 'applicant_sub' | 'filed_by_sub'>): SopRole[] {
  const roles = new Set<SopRole>();
  if (app.applicant_sub && app.applicant_sub === identity.subject) roles.add('citizen');
  for (const m of identity.memberships) {
    if (!('tenant' in m) || m.tenant !== t.slug) continue;
    if (m.role === 'officer' && m.agency === app.agency_code) roles.add('officer');
    if (m.role === 'village-operator' && app.filed_by_sub === identity.subject) roles.add('village-operator');
    if (m.role === 'tenant-admin') roles.add('tenant-admin');
  }
  return [...roles];
}

/**
 * The application if the caller may see it (its citizen, whoever filed it, an officer of its agency,
 * the tenant admin); APPLICATION_NOT_FOUND otherwise, so nobody learns that someone else's exists.
 */
export function visibleTo(identity: Identity, t: Pick<Tenant, 'slug'>, app: ApplicationRow | undefined): { app: ApplicationRow; roles: SopRole[] } {
  if (!app) throw applicationNotFound();
  const roles = rolesOn(identity, t, app);
  if (!roles.length && app.filed_by_sub !== identity.subject) throw applicationNotFound();
  return { app, roles };
}

/** Agencies the caller serves as an officer in this tenant. */
export function officerAgencies(identity: Identity, t: Pick<Tenant, 'slug'>): string[] {
  return identity.memberships.flatMap((m) => (m.role === 'officer' && m.tenant === t.slug ? [m.agency] : []));
}
