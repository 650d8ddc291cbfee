import type { Identity } from '@satupintu/auth';
import type { Tenant } from '@satupintu/core';

/** An officer of any agency at this tenant (registers walk-ins). */
export function officerAt(identity: Identity, tenant: Pick<Tenant, 'slug'>): boolean {
  return identity.memberships.some((m) => m.role === 'officer' && m.tenant === tenant.slug);
}

/** Serves an agency's sessions and counter at this tenant: its officer, or the tenant admin. */
export function staffOf(identity: Identity, tenant: Pick<Tenant, 'slug'>, agency: string): boolean {
  return identity.memberships.some((m) => (m.role === 'officer' && m.tenant === tenant.slug && m.agency === agency) || (m.role === 'tenant-admin' && m.tenant === tenant.slug));
}

/** An officer serving this agency at this tenant (registers its walk-ins). */
export function officerOf(identity: Identity, tenant: Pick<Tenant, 'slug'>, agency: string): boolean {
  return identity.memberships.some((m) => m.role === 'officer' && m.tenant === tenant.slug && m.agency === agency);
}

/** The agencies whose counters the caller serves here; undefined: all of them (the tenant admin). */
export function servedAgencies(identity: Identity, tenant: Pick<Tenant, 'slug'>): string[] | undefined {
  if (identity.memberships.some((m) => m.role === 'tenant-admin' && m.tenant === tenant.slug)) return undefined;
  return identity.memberships.flatMap((m) => (m.role === 'officer' && m.tenant === tenant.slug ? [m.agency] : []));
}
