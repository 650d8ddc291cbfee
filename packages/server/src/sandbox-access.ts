import type { Identity, Membership } from '@satupintu/auth';

/**
 * Who may work in a sandbox tenant (ADR 0031): whoever may work in its source tenant, in the same
 * role and agency. A sandbox needs no Keycloak group of its own: each tenant-bound membership of
 * the source (`/tenants/<source>/…`) is read as the same membership of the sandbox for the requests
 * on the sandbox's path. National roles and citizens are not tenant-bound and are unchanged.
 */
export function withSandboxMemberships(identity: Identity, sandbox: string, source: string): Identity {
  const inherited: Membership[] = [];
  for (const m of identity.memberships)
    if ('tenant' in m && m.tenant === source) inherited.push({ ...m, tenant: sandbox } as Membership);
  if (!inherited.length) return identity;
  return { ...identity, memberships: [...identity.memberships, ...inherited] };
}
