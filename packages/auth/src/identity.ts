/**
 * Roles of the realm `mpp` and the memberships that scope them. Memberships are Keycloak group
 * paths (see docs/adr/0004-memberships-as-keycloak-groups.md):
 *   /tenants/{tenant}/tenant-admin
 *   /tenants/{tenant}/village-operator
 *   /tenants/{tenant}/agencies/{agency}/officer
 *   /agencies/{agency}/agency-publisher
 *   /national/ministry-analyst
 *   /national/platform-admin
 */
export const ROLES = ['citizen', 'officer', 'village-operator', 'tenant-admin', 'agency-publisher', 'ministry-analyst', 'platform-admin'] as const;
export type Role = (typeof ROLES)[number];

export type Membership =
  | { role: 'tenant-admin' | 'village-operator'; tenant: string }
  | { role: 'officer'; tenant: string; agency: string }
  | { role: 'agency-publisher'; agency: string }
  | { role: 'ministry-analyst' | 'platform-admin' };

/** The verified caller, as the API sees it. */
export interface Identity {
  subject: string;
  username: string;
  name?: string;
  email?: string;
  /** Realm roles (realm_access.roles) that are platform roles. */
  roles: Role[];
  memberships: Membership[];
  /** The client the token was issued to (azp). */
  clientId?: string;
}

const SEGMENT = '[a-z0-9][a-z0-9-]*';
const PATTERNS: [RegExp, (m: RegExpExecArray) => Membership][] = [
  [new RegExp(`^/tenants/(${SEGMENT})/(tenant-admin|village-operator)$`), (m) => ({ role: m[2] as 'tenant-admin', tenant: m[1]! })],
  [new RegExp(`^/tenants/(${SEGMENT})/agencies/(${SEGMENT})/officer$`), (m) => ({ role: 'officer', tenant: m[1]!, agency: m[2]! })],
  [new RegExp(`^/agencies/(${SEGMENT})/agency-publisher$`), (m) => ({ role: 'agency-publisher', agency: m[1]! })],
  [/^\/national\/(ministry-analyst|platform-admin)$/, (m) => ({ role: m[1] as 'ministry-analyst' })],
];

/** Group paths → memberships; unknown paths are ignored (a realm may hold other groups). */
export function membershipsFromGroups(paths: unknown): Membership[] {
  if (!Array.isArray(paths)) return [];
  const out: Membership[] = [];
  for (const p of paths) {
    if (typeof p !== 'string') continue;
    for (const [re, build] of PATTERNS) {
      const m = re.exec(p);
      if (m) {
        out.push(build(m));
        break;
      }
    }
  }
  return out;
}

export function membershipToGroup(m: Membership): string {
  switch (m.role) {
    case 'tenant-admin':
    case 'village-operator':
      return `/tenants/${m.tenant}/${m.role}`;
    case 'officer':
      return `/tenants/${m.tenant}/agencies/${m.agency}/officer`;
    case 'agency-publisher':
      return `/agencies/${m.agency}/agency-publisher`;
    default:
      return `/national/${m.role}`;
  }
}

/** Keycloak-shaped access-token claims → Identity. A membership counts only if its role is also a realm role; a ministry analyst's citizen role never counts. */
export function identityFromClaims(claims: Record<string, unknown>): Identity {
  const realmRoles = ((claims.realm_access as { roles?: unknown } | undefined)?.roles ?? []) as unknown[];
  // The ministry analyst holds no citizen role (it sees aggregates only, never personal records):
  // even where the identity provider's default roles give it one, it does not count.
  const roles = ROLES.filter((r) => realmRoles.includes(r) && !(r === 'citizen' && realmRoles.includes('ministry-analyst')));
  const memberships = membershipsFromGroups(claims.memberships).filter((m) => roles.includes(m.role));
  return {
    subject: String(claims.sub ?? ''),
    username: String(claims.preferred_username ?? claims.sub ?? ''),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    roles,
    memberships,
    ...(typeof claims.azp === 'string' ? { clientId: claims.azp } : {}),
  };
}
