import type { Request, RequestHandler } from 'express';
import { createPublicKey } from 'node:crypto';
import Keycloak from 'keycloak-connect';
import { defineProblem } from '@satupintu/core';
import { identityFromClaims, type Identity, type Membership, type Role } from './identity.js';

/** Who may call a route. Declared per route; rendered as OpenAPI security requirements. */
export type RouteSecurity =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | {
      kind: 'roles';
      roles: Role[];
      /** Path parameter holding the tenant slug the caller must be a member of. */
      tenantParam?: string;
      /** Path parameter holding the agency code the caller's membership must name. */
      agencyParam?: string;
    };

export interface GuardOptions {
  /** Keycloak base URL (without /realms); a function because the embedded issuer's port is known late. */
  authServerUrl: () => string;
  realm: string;
  /** This API's client id: the audience every token must carry. */
  clientId: string;
  /** Minimum seconds between JWKS downloads for unknown key ids (keycloak-connect's guard against floods). */
  jwksMinIntervalSeconds?: number;
  /** Tolerated clock difference for iat/nbf in the future. */
  clockSkewSeconds?: number;
}

const NATIONAL: Role[] = ['ministry-analyst', 'platform-admin'];

/** The problems of authentication and authorization, as every guarded route may answer them. */
export const authRequired = defineProblem({ code: 'AUTH_REQUIRED', status: 401, title: { id: 'Perlu masuk (token Bearer)', en: 'Authentication required (Bearer token)' } }, (realm: string) => ({
  headers: challenge(realm),
}));
export const tokenInvalid = defineProblem(
  {
    code: 'TOKEN_INVALID',
    status: 401,
    title: { id: 'Token tidak sah', en: 'Invalid token' },
    description: { id: 'Tanda tangan, penerbit, audiens atau masa berlaku token tidak diterima; minta token baru.', en: 'The token’s signature, issuer, audience or lifetime is not accepted; get a new token.' },
  },
  (realm: string, reason: string) => ({
    detail: { id: `Token ditolak: ${reason}`, en: `Token rejected: ${reason}` },
    headers: challenge(realm, 'invalid_token', reason),
  }),
);
export const authUnavailable = defineProblem(
  { code: 'AUTH_UNAVAILABLE', status: 503, title: { id: 'Layanan identitas tidak dapat dihubungi', en: 'The identity service cannot be reached' } },
  (cause: unknown) => ({ headers: { 'Retry-After': '5' }, cause }),
);
const requires = (roles: readonly string[]) => ({
  detail: { id: `Diperlukan salah satu peran: ${roles.join(', ')}.`, en: `Requires one of the roles: ${roles.join(', ')}.` },
  extensions: { requiredRoles: roles },
});
export const roleRequired = defineProblem({ code: 'ROLE_REQUIRED', status: 403, title: { id: 'Peran Anda tidak mengizinkan tindakan ini', en: 'Your role does not allow this' } }, requires);
export const tenantNotAllowed = defineProblem({ code: 'TENANT_NOT_ALLOWED', status: 403, title: { id: 'Anda bukan anggota tenant ini', en: 'You are not a member of this tenant' } }, requires);
export const agencyNotAllowed = defineProblem({ code: 'AGENCY_NOT_ALLOWED', status: 403, title: { id: 'Anda tidak bertugas di instansi ini', en: 'You do not serve this agency' } }, requires);

function bearer(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(h.trim());
  return m ? m[1] : '';
}

function challenge(realm: string, error?: string, description?: string): Record<string, string> {
  const parts = [`Bearer realm="${realm}"`];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description.replace(/["\\]/g, '')}"`);
  return { 'WWW-Authenticate': parts.join(', ') };
}

/**
 * keycloak-connect converts the realm's JWK to PEM on every validation; keep one parsed public key
 * per key id instead (it still fetches JWKS itself for ids it has not seen, so rotation works).
 */
function withKeyCache(kc: Keycloak.Keycloak): Keycloak.Keycloak {
  const rotation = (kc.grantManager as unknown as { rotation: { getJWK(kid: string): Promise<unknown> | undefined } }).rotation;
  const fetchKey = rotation.getJWK.bind(rotation);
  const keys = new Map<string, Promise<unknown>>();
  rotation.getJWK = (kid: string) => {
    const hit = keys.get(kid);
    if (hit) return hit;
    const pending = fetchKey(kid);
    if (!pending) return pending;
    const parsed = pending.then((pem) => createPublicKey(pem as string));
    keys.set(kid, parsed);
    parsed.catch(() => keys.delete(kid));
    return parsed;
  };
  return kc;
}

/** Does one of the caller's grants satisfy the route's requirement? */
export function permits(identity: Identity, security: Extract<RouteSecurity, { kind: 'roles' }>, params: Record<string, string | undefined>): 'ok' | 'role' | 'tenant' | 'agency' {
  const tenant = security.tenantParam ? params[security.tenantParam] : undefined;
  const agency = security.agencyParam ? params[security.agencyParam] : undefined;
  let failure: 'role' | 'tenant' | 'agency' = 'role';
  for (const role of security.roles) {
    if (!identity.roles.includes(role)) continue;
    if (role === 'citizen' || NATIONAL.includes(role)) {
      // Citizens may use any tenant; national roles are not tenant-bound (routes list them only where allowed).
      if (!agency || role !== 'citizen') return 'ok';
      continue;
    }
    const scoped = identity.memberships.filter((m): m is Exclude<Membership, { role: 'ministry-analyst' | 'platform-admin' }> => m.role === role);
    for (const m of scoped) {
      if (tenant !== undefined && (!('tenant' in m) || m.tenant !== tenant)) {
        failure = 'tenant';
        continue;
      }
      if (agency !== undefined && (!('agency' in m) || m.agency !== agency)) {
        failure = failure === 'role' ? 'agency' : failure;
        continue;
      }
      return 'ok';
    }
  }
  return failure;
}

/**
 * The API as a keycloak-connect bearer-only resource server with audience checking. keycloak-connect
 * validates signature (JWKS by kid, refetched on rotation), expiry, type, issuer and audience; we add
 * the checks it lacks (not-yet-valid tokens, missing expiry) and answer 401 with WWW-Authenticate
 * where keycloak-connect would answer 403, and 403 problem+json for a valid token without the right
 * role, tenant or agency.
 */
export function createGuards(opts: GuardOptions): (security: RouteSecurity) => RequestHandler[] {
  let keycloak: Keycloak.Keycloak | undefined;
  const skew = opts.clockSkewSeconds ?? 60;
  const kc = () => (keycloak ??= withKeyCache(new Keycloak({}, {
      realm: opts.realm,
      'auth-server-url': opts.authServerUrl(),
      resource: opts.clientId,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'min-time-between-jwks-requests': opts.jwksMinIntervalSeconds ?? 10,
    } as unknown as Keycloak.KeycloakConfig)));

  const authenticate: RequestHandler = async (req, res, next) => {
    const token = bearer(req);
    if (token === undefined)
      return next(authRequired(opts.realm));
    try {
      // keycloak-connect verifies RS256 only, whatever the header says; refuse any other algorithm
      // (alg "none", HS256 with the public key) and key-less headers before it looks up keys.
      let header: { alg?: unknown; kid?: unknown };
      try {
        header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as typeof header;
      } catch {
        throw new Error('invalid token (malformed)');
      }
      if (header.alg !== 'RS256') throw new Error(`invalid token (algorithm ${String(header.alg)} not accepted)`);
      if (typeof header.kid !== 'string') throw new Error('invalid token (no key id)');
      const grant = await kc().grantManager.createGrant({ access_token: token } as never);
      const content = (grant.access_token as unknown as { content: Record<string, unknown> }).content;
      const now = Date.now() / 1000;
      if (typeof content.exp !== 'number') throw new Error('invalid token (no expiry)');
      if ((typeof content.nbf === 'number' && content.nbf > now + skew) || (typeof content.iat === 'number' && content.iat > now + skew))
        throw new Error('invalid token (not yet valid)');
      res.locals.identity = identityFromClaims(content);
      next();
    } catch (e) {
      const reason = (e as Error).message ?? '';
      if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|ECONNRESET/.test(reason))
        return next(authUnavailable(e));
      const short = /Cannot read properties/.test(reason)
        ? 'invalid token (unknown signing key)'
        : reason.replace(/^.*Reason: /, '').replace(/^Grant validation failed\. /, '');
      next(tokenInvalid(opts.realm, short));
    }
  };

  return (security) => {
    if (security.kind === 'public') return [];
    if (security.kind === 'authenticated') return [authenticate];
    const authorize: RequestHandler = (req, res, next) => {
      const identity = res.locals.identity as Identity;
      const verdict = permits(identity, security, req.params as Record<string, string>);
      if (verdict === 'ok') return next();
      next((verdict === 'role' ? roleRequired : verdict === 'tenant' ? tenantNotAllowed : agencyNotAllowed)(security.roles));
    };
    return [authenticate, authorize];
  };
}
