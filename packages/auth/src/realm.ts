import { readFileSync } from 'node:fs';
import { scryptSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { KEYCLOAK_BRUTE_FORCE_DEFAULTS, type BruteForcePolicy } from './brute-force.js';

// Namespace for the embedded issuer's user ids (stable per realm and username, UUID-shaped like Keycloak's).
const USER_NAMESPACE = '6f2b8a3e-1f0c-4c7e-9a51-3d2f6b7c8e90';

/** The part of a Keycloak realm export the embedded issuer understands. */
export interface RealmExport {
  realm: string;
  accessTokenLifespan?: number;
  /** Seconds an SSO session lives without a sign-in or a token refresh (Keycloak's "SSO Session Idle"). */
  ssoSessionIdleTimeout?: number;
  /** Seconds an SSO session lives at most from sign-in, refreshes or not (Keycloak's "SSO Session Max"). */
  ssoSessionMaxLifespan?: number;
  /** Brute-force detection (Keycloak's realm fields; defaults as Keycloak's): see brute-force.ts. */
  bruteForceProtected?: boolean;
  permanentLockout?: boolean;
  failureFactor?: number;
  waitIncrementSeconds?: number;
  maxFailureWaitSeconds?: number;
  minimumQuickLoginWaitSeconds?: number;
  quickLoginCheckMilliSeconds?: number;
  maxDeltaTimeSeconds?: number;
  roles?: { realm?: { name: string; composite?: boolean; composites?: { realm?: string[] } }[] };
  defaultRole?: { name: string };
  groups?: GroupRep[];
  clients?: ClientRep[];
  users?: UserRep[];
}
interface GroupRep {
  name: string;
  realmRoles?: string[];
  subGroups?: GroupRep[];
}
export interface ClientRep {
  clientId: string;
  enabled?: boolean;
  bearerOnly?: boolean;
  publicClient?: boolean;
  standardFlowEnabled?: boolean;
  implicitFlowEnabled?: boolean;
  directAccessGrantsEnabled?: boolean;
  /** Client credentials grant: the client acts as its service-account user. */
  serviceAccountsEnabled?: boolean;
  /** Keycloak's `client-secret` authenticator (client_secret_basic or client_secret_post). */
  clientAuthenticatorType?: string;
  secret?: string;
  redirectUris?: string[];
  attributes?: Record<string, string>;
  protocolMappers?: { protocolMapper: string; config?: Record<string, string> }[];
}
interface UserRep {
  username: string;
  enabled?: boolean;
  email?: string;
  emailVerified?: boolean;
  firstName?: string;
  lastName?: string;
  credentials?: { type: string; value?: string }[];
  realmRoles?: string[];
  groups?: string[];
  /** Set on a client's service-account user (`service-account-{clientId}`), as Keycloak exports it. */
  serviceAccountClientId?: string;
}

export interface RealmUser {
  id: string;
  username: string;
  email?: string;
  emailVerified: boolean;
  firstName?: string;
  lastName?: string;
  /** Effective realm roles: direct, from groups, composites expanded. */
  roles: string[];
  groups: string[];
  /** The client whose service account this user is; such a user never signs in with a password. */
  serviceAccountClientId?: string;
  passwordHash?: Buffer;
  salt: Buffer;
}

export interface Realm {
  name: string;
  accessTokenLifespan: number;
  /** SSO session idle timeout in seconds (default 1800, as Keycloak's). */
  ssoSessionIdleTimeout: number;
  /** SSO session maximum lifespan in seconds (default 36000, as Keycloak's). */
  ssoSessionMaxLifespan: number;
  /** The realm's brute-force detection, which the embedded issuer applies to every password check. */
  bruteForce: BruteForcePolicy;
  clients: ClientRep[];
  users: Map<string, RealmUser>;
  /** A person who may sign in (service-account users are not found here). */
  findUser(username: string): RealmUser | undefined;
  /** The service-account user of a client with `serviceAccountsEnabled`. */
  serviceAccountOf(clientId: string): RealmUser | undefined;
  checkPassword(user: RealmUser, password: string): boolean;
  /** Clients whose tokens carry the given audience (an oidc-audience-mapper naming it). */
  audienceOf(clientId: string): string[];
}

function hash(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, 32);
}

/**
 * Loads a realm export (the same file a real Keycloak imports) so users, roles and groups are
 * defined once. Plaintext demo passwords are hashed at load and never kept.
 */
export function loadRealm(file: string | URL): Realm {
  const rep = JSON.parse(readFileSync(file, 'utf8')) as RealmExport;
  const groupRoles = new Map<string, string[]>();
  const walk = (gs: GroupRep[] | undefined, prefix: string) => {
    for (const g of gs ?? []) {
      const path = `${prefix}/${g.name}`;
      groupRoles.set(path, g.realmRoles ?? []);
      walk(g.subGroups, path);
    }
  };
  walk(rep.groups, '');
  const composites = new Map((rep.roles?.realm ?? []).map((r) => [r.name, r.composites?.realm ?? []]));
  const expand = (roles: string[]): string[] => {
    const out = new Set<string>();
    const visit = (r: string) => {
      if (out.has(r)) return;
      out.add(r);
      for (const c of composites.get(r) ?? []) visit(c);
    };
    roles.forEach(visit);
    return [...out];
  };
  const users = new Map<string, RealmUser>();
  for (const u of rep.users ?? []) {
    if (u.enabled === false) continue;
    for (const g of u.groups ?? []) if (!groupRoles.has(g)) throw new Error(`realm export: user ${u.username} is in unknown group ${g}`);
    const direct = [...(u.realmRoles ?? []), ...(u.groups ?? []).flatMap((g) => groupRoles.get(g) ?? [])];
    const salt = randomBytes(16);
    // Keycloak keeps no password for a service-account user; its client's secret authenticates it.
    const pw = u.serviceAccountClientId ? undefined : u.credentials?.find((c) => c.type === 'password')?.value;
    users.set(u.username, {
      // Stable subject per username, like a Keycloak user id.
      id: uuidv5(`${rep.realm}/${u.username}`, USER_NAMESPACE),
      username: u.username,
      email: u.email,
      emailVerified: u.emailVerified ?? false,
      firstName: u.firstName,
      lastName: u.lastName,
      roles: expand(direct),
      groups: u.groups ?? [],
      ...(u.serviceAccountClientId ? { serviceAccountClientId: u.serviceAccountClientId } : {}),
      passwordHash: pw === undefined ? undefined : hash(pw, salt),
      salt,
    });
  }
  const clients = rep.clients ?? [];
  const serviceAccounts = new Map<string, RealmUser>();
  for (const u of users.values()) {
    if (!u.serviceAccountClientId) continue;
    const c = clients.find((x) => x.clientId === u.serviceAccountClientId);
    if (!c?.serviceAccountsEnabled) throw new Error(`realm export: ${u.username} is the service account of ${u.serviceAccountClientId}, which has no service accounts enabled`);
    serviceAccounts.set(c.clientId, u);
  }
  for (const c of clients)
    if (c.serviceAccountsEnabled && c.enabled !== false && !serviceAccounts.has(c.clientId))
      throw new Error(`realm export: client ${c.clientId} has service accounts enabled but no user with serviceAccountClientId "${c.clientId}"`);
  const people = (u: RealmUser | undefined) => (u && !u.serviceAccountClientId ? u : undefined);
  return {
    name: rep.realm,
    accessTokenLifespan: rep.accessTokenLifespan ?? 300,
    ssoSessionIdleTimeout: rep.ssoSessionIdleTimeout ?? 1800,
    ssoSessionMaxLifespan: rep.ssoSessionMaxLifespan ?? 36_000,
    bruteForce: bruteForcePolicyOf(rep),
    clients,
    users,
    findUser: (username) => people(users.get(username)) ?? [...users.values()].find((u) => !u.serviceAccountClientId && u.email === username),
    serviceAccountOf: (clientId) => serviceAccounts.get(clientId),
    checkPassword: (user, password) => {
      const candidate = hash(password, user.salt);
      return user.passwordHash !== undefined && timingSafeEqual(candidate, user.passwordHash);
    },
    audienceOf: (clientId) =>
      (clients.find((c) => c.clientId === clientId)?.protocolMappers ?? [])
        .filter((m) => m.protocolMapper === 'oidc-audience-mapper' && m.config?.['included.client.audience'])
        .map((m) => m.config!['included.client.audience']!),
  };
}

/** The realm's brute-force settings; a field the export leaves out has Keycloak's default (detection itself is off unless `bruteForceProtected`). */
export function bruteForcePolicyOf(rep: RealmExport): BruteForcePolicy {
  const d = KEYCLOAK_BRUTE_FORCE_DEFAULTS;
  const n = (v: number | undefined, def: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : def);
  return {
    enabled: rep.bruteForceProtected === true,
    permanentLockout: rep.permanentLockout ?? d.permanentLockout,
    failureFactor: Math.max(1, n(rep.failureFactor, d.failureFactor)),
    waitIncrementSeconds: n(rep.waitIncrementSeconds, d.waitIncrementSeconds),
    maxFailureWaitSeconds: n(rep.maxFailureWaitSeconds, d.maxFailureWaitSeconds),
    minimumQuickLoginWaitSeconds: n(rep.minimumQuickLoginWaitSeconds, d.minimumQuickLoginWaitSeconds),
    quickLoginCheckMilliSeconds: n(rep.quickLoginCheckMilliSeconds, d.quickLoginCheckMilliSeconds),
    maxDeltaTimeSeconds: n(rep.maxDeltaTimeSeconds, d.maxDeltaTimeSeconds),
  };
}

/** The realm export shipped in infra/keycloak/. */
export const DEFAULT_REALM_FILE = new URL('../../../infra/keycloak/realm-mpp.json', import.meta.url);
