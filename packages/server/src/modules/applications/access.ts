import type { Identity } from '@satupintu/auth';
import type { Tenant } from '@satupintu/core';
import type { SopRole } from '@satupintu/plugin-sdk';
import type { ApplicationRow } from './queries.js';
import { applicationNotFound, editNotAllowed } from './errors.js';

type AccessRow = Pick<ApplicationRow, 'agency_code' | 'applicant_sub' | 'filed_by_sub' | 'filed_by_role' | 'channel' | 'consent' | 'status'>;

/** Who writes an application's form and documents: its citizen online, else whoever filed it for the citizen. */
export type Writer = 'citizen' | 'village-operator' | 'officer';

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
 * The one who writes the application's form data and documents (its owner), if it is the caller:
 * an online application's citizen; an assisted or counter application's filer — the village
 * operator, or the officer of its agency — under the consent recorded when it was filed, while
 * they still hold that role here. Nobody else: not the tenant admin, not another officer.
 */
export function writerOn(identity: Identity, t: Pick<Tenant, 'slug'>, app: AccessRow): Writer | undefined {
  if (app.channel === 'online') return app.applicant_sub !== null && app.applicant_sub === identity.subject ? 'citizen' : undefined;
  if (app.filed_by_sub !== identity.subject || app.consent === null) return undefined;
  const here = identity.memberships.filter((m) => 'tenant' in m && m.tenant === t.slug);
  if (app.filed_by_role === 'village-operator' && here.some((m) => m.role === 'village-operator')) return 'village-operator';
  if (app.filed_by_role === 'officer' && here.some((m) => m.role === 'officer' && m.agency === app.agency_code)) return 'officer';
  return undefined;
}

/**
 * The application if the caller may see it, APPLICATION_NOT_FOUND otherwise (nobody learns that
 * someone else's exists). A draft is seen only by its citizen and its writer (docs/applications.md):
 * never by an officer, a colleague of the filer or the tenant admin. A submitted application is
 * seen by its citizen, its writer, the officers of its agency and the tenant admin.
 */
export function visibleTo(identity: Identity, t: Pick<Tenant, 'slug'>, app: ApplicationRow | undefined): { app: ApplicationRow; roles: SopRole[] } {
  if (!app) throw applicationNotFound();
  const own = (app.applicant_sub !== null && app.applicant_sub === identity.subject) || writerOn(identity, t, app) !== undefined;
  if (app.status === 'draft') {
    if (!own) throw applicationNotFound();
    return { app, roles: rolesOn(identity, t, app) };
  }
  const roles = rolesOn(identity, t, app);
  if (!roles.length && !own) throw applicationNotFound();
  return { app, roles };
}

/**
 * The application if the caller may write its form or documents: it must be visible to them
 * (404 otherwise) and theirs to write (403 APPLICATION_EDIT_NOT_ALLOWED: e.g. the officer handling
 * a submitted file, or a filer who no longer serves here). Whether the stage allows the write is
 * the caller's to check.
 */
export function writableBy(identity: Identity, t: Pick<Tenant, 'slug'>, app: ApplicationRow | undefined): { app: ApplicationRow; roles: SopRole[]; writer: Writer } {
  const seen = visibleTo(identity, t, app);
  const writer = writerOn(identity, t, seen.app);
  if (!writer) throw editNotAllowed();
  return { ...seen, writer };
}

/** Whether a write by the caller is one the citizen did not make themselves (so it goes on the timeline with its actor). */
export function byOther(identity: Identity, app: Pick<ApplicationRow, 'applicant_sub'>): boolean {
  return app.applicant_sub === null || app.applicant_sub !== identity.subject;
}

/** Agencies the caller serves as an officer in this tenant. */
export function officerAgencies(identity: Identity, t: Pick<Tenant, 'slug'>): string[] {
  return identity.memberships.flatMap((m) => (m.role === 'officer' && m.tenant === t.slug ? [m.agency] : []));
}
