import express, { type RequestHandler, type Router } from 'express';
import Provider, { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { ClientRep, Realm, RealmUser } from './realm.js';
import { loadOrCreateSecrets, newSigningKey, saveSecrets, type IssuerSecrets } from './keys.js';
import { loginPage } from './login-page.js';
import { LoginThrottle } from './brute-force.js';

export interface EmbeddedIssuerOptions {
  /** Where clients reach this server, e.g. http://127.0.0.1:3000 (the issuer is `${publicUrl}/realms/${realm}`). */
  publicUrl: string;
  realm: Realm;
  /** Directory for the signing keys (DATA_DIR/issuer). */
  secretsDir: string;
  /** Audience of access tokens: the API's client id. */
  apiAudience: string;
  /**
   * Register the resource-owner password grant for the realm's direct-access clients
   * (`directAccessGrantsEnabled`: only `satupintu-cli`, the dev CLI and the test suites' `tokenFor`).
   * Default true because the suites depend on it; production turns it off (issue 19). When false,
   * the grant does not exist at all: the token endpoint answers `unsupported_grant_type`, discovery
   * does not list it, and a client with no other flow (satupintu-cli) is not registered.
   */
  allowPasswordGrant?: boolean;
}

export interface EmbeddedIssuer {
  issuer: string;
  /** Mount at `/realms/{realm}`. */
  router: Router;
  /** Publishes a new signing key (the old one stays published), as a Keycloak admin would rotate. */
  rotateKeys(): Promise<void>;
  /** Public signing keys currently published. */
  kids(): string[];
}

const SCOPES = 'openid profile email';

/**
 * Keycloak's access-token shape, so the API cannot tell the embedded issuer from Keycloak. A
 * client credentials token of Keycloak 26 is its service-account user's token with the same claims
 * (username `service-account-{clientId}`, no name or e-mail, `email_verified: false`; checked
 * against 26.5.6). oidc-provider adds `client_id` to every JWT access token; the API ignores it.
 */
export function keycloakClaims(user: RealmUser, clientId: string): Record<string, unknown> {
  return {
    typ: 'Bearer',
    azp: clientId,
    preferred_username: user.username,
    name: [user.firstName, user.lastName].filter(Boolean).join(' ') || undefined,
    given_name: user.firstName,
    family_name: user.lastName,
    email: user.email,
    email_verified: user.emailVerified,
    realm_access: { roles: user.roles },
    resource_access: {},
    memberships: user.groups,
  };
}

/**
 * Seconds a new refresh token lives: the realm's SSO idle timeout, cut to what is left of the SSO
 * session's maximum lifespan counted from sign-in (`authTime`, epoch seconds). At least one second.
 */
export function refreshTokenTtl(realm: Pick<Realm, 'ssoSessionIdleTimeout' | 'ssoSessionMaxLifespan'>, authTime: number | undefined, now = Math.floor(Date.now() / 1000)): number {
  const left = authTime === undefined ? realm.ssoSessionMaxLifespan : authTime + realm.ssoSessionMaxLifespan - now;
  return Math.max(1, Math.min(realm.ssoSessionIdleTimeout, left));
}

/**
 * Keycloak redirect URI patterns as matchers, as Keycloak matches them: a pattern is the exact URI,
 * or, ending in `*`, a prefix (`http://127.0.0.1:3000/*`). Scheme, host and port always match
 * exactly: a loopback host on another port is another redirect URI (issue 19), and a URI with
 * user info, a fragment or `..` path segments never matches.
 */
export function redirectMatcher(patterns: string[]): (uri: string) => boolean {
  return (uri) => {
    let u: URL;
    try {
      u = new URL(uri);
    } catch {
      return false;
    }
    if (u.username || u.password || u.hash || /(^|\/)\.\.?(\/|$)|%2e%2e|%2f/i.test(uri.slice(u.origin.length))) return false;
    return patterns.some((p) => (p.endsWith('*') ? uri.startsWith(p.slice(0, -1)) && originOf(p.slice(0, -1)) === u.origin : uri === p));
  };
}

function originOf(uri: string): string | undefined {
  try {
    return new URL(uri).origin;
  } catch {
    return undefined;
  }
}

/**
 * A Keycloak-compatible OpenID Connect issuer in this process (oidc-provider), at Keycloak's paths
 * (`/realms/mpp/protocol/openid-connect/{auth,token,certs,userinfo,logout}`), loaded from the same
 * realm export a real Keycloak imports. RS256 JWT access tokens with Keycloak-shaped claims.
 * Development default only: sessions live in memory.
 *
 * What it offers, and so what discovery (`/.well-known/openid-configuration`) advertises:
 * - people: authorization code with PKCE, S256 only, required for every authorization request
 *   (`response_types_supported: ["code"]`: no implicit, no hybrid, no `none`);
 * - machine clients: client credentials, for confidential clients with `serviceAccountsEnabled`,
 *   authenticated by client_secret_basic or client_secret_post; the token speaks for the client's
 *   service-account user, as in Keycloak;
 * - refresh tokens for the browser app, as Keycloak issues them to a standard-flow client: without
 *   `offline_access`, bound to the SSO session (gone when it ends or the person signs out), each
 *   valid until the session's idle timeout or its maximum lifespan, whichever comes first, and
 *   rotated on every use (a used one is refused, and revokes the grant: a stolen copy is caught);
 *   the token response says `refresh_expires_in` as Keycloak's does (ADR 0029);
 * - the password grant only while `allowPasswordGrant` is on, and only for direct-access clients.
 *   Discovery lists `password` in `grant_types_supported` exactly when the grant is registered:
 *   RFC 8414 defines that list as the grants this server supports, and hiding one it accepts would
 *   make the metadata false rather than the server safer. The restriction lives where it is
 *   enforced: per client (every other client is refused it), and in the API's OpenAPI
 *   document, which offers API clients only authorization code + PKCE and client credentials.
 *   (A real Keycloak's discovery lists every grant and response type the server implements, realm
 *   settings regardless; there too the clients' flags are what allow or refuse a flow.)
 * - brute-force detection as the realm sets it (`bruteForceProtected`, `failureFactor`, …; see
 *   brute-force.ts), one count per account for the login form and the password grant together;
 * - redirect URIs as the realm lists them (exact, or a prefix ending in `*`) and this server's own
 *   origin; no other port on a loopback host.
 * Pushed authorization requests and DPoP, on by default in oidc-provider, are off: PAR would sit at
 * a path Keycloak does not use and the API's guard does not check DPoP proofs, so advertising
 * either would promise something the platform does not keep.
 */
export function createEmbeddedIssuer(opts: EmbeddedIssuerOptions): EmbeddedIssuer {
  const { realm, apiAudience } = opts;
  const allowPasswordGrant = opts.allowPasswordGrant ?? true;
  const base = `/realms/${realm.name}`;
  const issuer = `${opts.publicUrl}${base}`;
  let secrets: IssuerSecrets = loadOrCreateSecrets(opts.secretsDir);
  const byId = new Map([...realm.users.values()].map((u) => [u.id, u]));
  // Brute-force detection as the realm sets it, for the login form and the password grant alike;
  // kept across key rotations (the provider is rebuilt, the counts are not lost).
  const throttle = new LoginThrottle(realm.bruteForce);
  /** The person who signs in with this username (or e-mail) and password, or undefined: unknown, wrong password, or locked out (the same answer for each). */
  const signIn = (username: string, password: string): RealmUser | undefined => {
    const user = realm.findUser(username);
    if (!user || throttle.locked(user.id)) return undefined;
    if (!realm.checkPassword(user, password)) {
      throttle.failure(user.id);
      return undefined;
    }
    throttle.success(user.id);
    return user;
  };
  const enabled = realm.clients.filter((c) => c.enabled !== false && !c.bearerOnly);
  const publicGrants = (c: ClientRep): string[] => [
    ...(c.standardFlowEnabled ? ['authorization_code', 'refresh_token'] : []),
    ...(c.directAccessGrantsEnabled && allowPasswordGrant ? ['password'] : []),
  ];
  const sessionClients = enabled.filter((c) => c.publicClient && publicGrants(c).length > 0);
  // Confidential clients: the embedded issuer implements their client credentials grant only.
  const serviceClients = enabled.filter((c) => !c.publicClient);
  for (const c of serviceClients) {
    if (!c.serviceAccountsEnabled || c.standardFlowEnabled || c.directAccessGrantsEnabled || c.implicitFlowEnabled)
      throw new Error(`embedded issuer: confidential client ${c.clientId} must use only the client credentials grant (serviceAccountsEnabled; no standard, direct-access or implicit flow)`);
    if ((c.clientAuthenticatorType ?? 'client-secret') !== 'client-secret' || !c.secret)
      throw new Error(`embedded issuer: confidential client ${c.clientId} needs a client secret (clientAuthenticatorType "client-secret" and "secret")`);
  }
  const allowedRedirect = new Map(
    sessionClients.map((c) => [c.clientId, redirectMatcher([...(c.redirectUris ?? []), `${opts.publicUrl}/*`])]),
  );

  // oidc-provider names resource servers by absolute URI; the token audience is the API's client id.
  const resourceIndicator = `urn:keycloak:client:${apiAudience}`;
  const resourceServer = {
    scope: SCOPES,
    audience: apiAudience,
    accessTokenTTL: realm.accessTokenLifespan,
    accessTokenFormat: 'jwt' as const,
    jwt: { sign: { alg: 'RS256' as const } },
  };

  /** The realm user a token speaks for: its account, or the service account of a client credentials token's client. */
  const tokenUser = (token: unknown): RealmUser | undefined => {
    const t = token as { kind?: string; accountId?: string; clientId?: string };
    if (t.accountId) return byId.get(t.accountId);
    return t.kind === 'ClientCredentials' && t.clientId ? realm.serviceAccountOf(t.clientId) : undefined;
  };

  const build = (): Provider => {
    const configuration: Configuration = {
      clients: [
        ...sessionClients.map((c): ClientMetadata => ({
          client_id: c.clientId,
          token_endpoint_auth_method: 'none',
          grant_types: publicGrants(c),
          response_types: c.standardFlowEnabled ? ['code'] : [],
          redirect_uris: c.standardFlowEnabled ? [`${opts.publicUrl}/`] : [],
          post_logout_redirect_uris: c.standardFlowEnabled ? [`${opts.publicUrl}/`] : [],
        })),
        // Keycloak's `client-secret` authenticator accepts the secret in Basic auth or in the body;
        // oidc-provider accepts both for a client registered with client_secret_basic.
        ...serviceClients.map((c): ClientMetadata => ({
          client_id: c.clientId,
          client_secret: c.secret!,
          token_endpoint_auth_method: 'client_secret_basic',
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
        })),
      ],
      // Authorization code only: no implicit (`token`, `id_token`), no hybrid (`code id_token`), no `none`.
      responseTypes: ['code'],
      clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
      jwks: { keys: secrets.keys as never },
      cookies: { keys: secrets.cookieKeys },
      routes: {
        authorization: '/protocol/openid-connect/auth',
        token: '/protocol/openid-connect/token',
        jwks: '/protocol/openid-connect/certs',
        userinfo: '/protocol/openid-connect/userinfo',
        end_session: '/protocol/openid-connect/logout',
        revocation: '/protocol/openid-connect/revoke',
        introspection: '/protocol/openid-connect/token/introspect',
      },
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      claims: {
        openid: ['sub'],
        profile: ['name', 'given_name', 'family_name', 'preferred_username', 'memberships'],
        email: ['email', 'email_verified'],
      },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        pushedAuthorizationRequests: { enabled: false },
        dPoP: { enabled: false },
        introspection: { enabled: true },
        revocation: { enabled: true },
        rpInitiatedLogout: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => resourceIndicator,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (_ctx, indicator) => {
            if (indicator !== resourceIndicator) throw new errors.InvalidTarget();
            return resourceServer;
          },
        },
      },
      pkce: { required: () => true },
      ttl: {
        AccessToken: realm.accessTokenLifespan,
        ClientCredentials: realm.accessTokenLifespan,
        AuthorizationCode: 60,
        IdToken: realm.accessTokenLifespan,
        Interaction: 600,
        Session: realm.ssoSessionMaxLifespan,
        Grant: realm.ssoSessionMaxLifespan,
        // Keycloak: a refresh token lives until the session's idle timeout, never past its maximum
        // lifespan counted from sign-in; each refresh (a new token) moves the idle deadline on.
        RefreshToken: (_ctx, token) => refreshTokenTtl(realm, (token as unknown as { authTime?: number }).authTime),
      },
      // Keycloak gives a standard-flow client a refresh token without asking for offline_access
      // (session-bound, unlike an offline token); only such clients have the refresh_token grant here.
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      // Every refresh hands out a new refresh token; presenting a used one revokes the grant
      // (oidc-provider), as the OAuth security BCP asks of public clients.
      rotateRefreshToken: true,
      findAccount: async (_ctx, sub) => {
        const user = byId.get(sub);
        if (!user) return undefined;
        return {
          accountId: sub,
          claims: async () => {
            const { typ: _t, azp: _a, realm_access: _r, resource_access: _ra, ...profile } = keycloakClaims(user, '');
            return { sub, ...profile };
          },
        };
      },
      extraTokenClaims: async (_ctx, token) => {
        const user = tokenUser(token);
        return user ? keycloakClaims(user, (token as unknown as { clientId?: string }).clientId ?? '') : undefined;
      },
      formats: {
        customizers: {
          jwt: async (_ctx, token, jwt) => {
            // Keycloak signs access tokens with header typ "JWT".
            jwt.header = { ...(jwt.header ?? {}), typ: 'JWT' };
            // oidc-provider makes a client credentials token's subject the client id; Keycloak's is
            // the service-account user's id, like any user's token.
            if (token.kind === 'ClientCredentials') {
              const user = tokenUser(token);
              if (user) jwt.payload.sub = user.id;
            }
          },
        },
      },
      interactions: { url: async (_ctx, interaction) => `${base}/login/${interaction.uid}` },
      // First-party clients: grant the requested scopes at once (Keycloak asks no consent for them either).
      loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
        const { client, session, provider } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const existing = session.grantIdFor(client.clientId);
        if (existing) {
          const g = await provider.Grant.find(existing);
          if (g) return g;
        }
        const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope(SCOPES);
        grant.addOIDCClaims(['memberships']);
        grant.addResourceScope(resourceIndicator, SCOPES);
        await grant.save();
        return grant;
      },
      renderError: async (ctx, out) => {
        ctx.type = 'html';
        ctx.body = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Kesalahan masuk</title><main><h1>Tidak dapat masuk / Sign-in failed</h1><p>${String(out.error ?? '').replace(/[<>&"]/g, '')}</p></main></html>`;
      },
    };
    const provider = new Provider(issuer, configuration);
    provider.proxy = true;
    // Keycloak's token response says when the refresh token (so the SSO session, for this client)
    // ends: `refresh_expires_in`. The web app warns the person before then (SessionTimeout.tsx).
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { refresh_token?: unknown; refresh_expires_in?: number } | undefined;
      if (ctx.status !== 200 || !ctx.path.endsWith('/protocol/openid-connect/token') || typeof body?.refresh_token !== 'string') return;
      const rt = await provider.RefreshToken.find(body.refresh_token);
      if (rt) body.refresh_expires_in = rt.remainingTTL;
    });
    // The password grant of Keycloak's direct-access clients (satupintu-cli): development and tests.
    // oidc-provider refuses it (invalid_request, "not allowed for this client") to every client not registered with it above.
    if (allowPasswordGrant) provider.registerGrantType(
      'password',
      async (ctx) => {
        const { client, params } = ctx.oidc;
        const user = client ? signIn(String(params?.username ?? ''), String(params?.password ?? '')) : undefined;
        if (!client || !user) throw new errors.InvalidGrant('Invalid user credentials');
        const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
        grant.addOIDCScope(SCOPES);
        grant.addResourceScope(resourceIndicator, SCOPES);
        const grantId = await grant.save();
        const at = new provider.AccessToken({
          accountId: user.id,
          client,
          grantId,
          gty: 'password',
          scope: SCOPES,
          resourceServer: new provider.ResourceServer(resourceIndicator, resourceServer),
        } as never);
        const value = await at.save();
        ctx.body = { access_token: value, expires_in: at.expiration, token_type: 'Bearer', scope: SCOPES, 'not-before-policy': 0 };
      },
      ['username', 'password', 'scope'],
    );
    const original = provider.Client.prototype.redirectUriAllowed;
    provider.Client.prototype.redirectUriAllowed = function (this: { clientId: string }, uri: string) {
      const allowed = allowedRedirect.get(this.clientId);
      return allowed ? allowed(uri) : original.call(this, uri);
    };
    provider.Client.prototype.postLogoutRedirectUriAllowed = function (this: { clientId: string }, uri: string) {
      return allowedRedirect.get(this.clientId)?.(uri) ?? false;
    };
    return provider;
  };

  let provider = build();
  let callback = provider.callback();

  const router = express.Router();
  router.get('/login/:uid', async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== 'login') {
        // Consent is granted by loadExistingGrant; any other prompt just continues.
        await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
        return;
      }
      res.type('html').send(loginPage({ action: `${base}/login/${details.uid}`, clientName: String(details.params.client_id) }));
    } catch (e) {
      next(e);
    }
  });
  router.post('/login/:uid', express.urlencoded({ extended: false, limit: '8kb' }), async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const username = String(req.body?.username ?? '');
      const user = signIn(username, String(req.body?.password ?? ''));
      if (!user) {
        res.status(401).type('html').send(loginPage({ action: `${base}/login/${details.uid}`, clientName: String(details.params.client_id), username, error: true }));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
    } catch (e) {
      next(e);
    }
  });
  const delegate: RequestHandler = (req, res) => {
    void callback(req, res);
  };
  router.use(delegate);

  return {
    issuer,
    router,
    kids: () => secrets.keys.map((k) => k.kid),
    rotateKeys: async () => {
      secrets = { ...secrets, keys: [newSigningKey(), ...secrets.keys].slice(0, 2) };
      saveSecrets(opts.secretsDir, secrets);
      provider = build();
      callback = provider.callback();
    },
  };
}
