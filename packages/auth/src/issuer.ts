import express, { type RequestHandler, type Router } from 'express';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Realm, RealmUser } from './realm.js';
import { loadOrCreateSecrets, newSigningKey, saveSecrets, type IssuerSecrets } from './keys.js';
import { loginPage } from './login-page.js';

export interface EmbeddedIssuerOptions {
  /** Where clients reach this server, e.g. http://127.0.0.1:3000 (the issuer is `${publicUrl}/realms/${realm}`). */
  publicUrl: string;
  realm: Realm;
  /** Directory for the signing keys (DATA_DIR/issuer). */
  secretsDir: string;
  /** Audience of access tokens: the API's client id. */
  apiAudience: string;
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

/** Keycloak's access-token shape, so the API cannot tell the embedded issuer from Keycloak. */
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
 * Keycloak redirect URI patterns (`http://host:3000/*`) as matchers. A loopback pattern
 * (127.0.0.1, localhost, [::1]) matches any port, as RFC 8252 §7.3 asks of native and dev clients.
 */
function redirectMatcher(patterns: string[]): (uri: string) => boolean {
  const res = patterns.map((p) => {
    const escaped = p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*$/, '.*');
    return new RegExp(`^${escaped.replace(/^(https?:\/\/(?:127\\\.0\\\.0\\\.1|localhost|\\\[::1\\\]))(?::\d+)?/, '$1(?::\\d+)?')}$`);
  });
  return (uri) => res.some((re) => re.test(uri));
}

/**
 * A Keycloak-compatible OpenID Connect issuer in this process (oidc-provider), at Keycloak's paths
 * (`/realms/mpp/protocol/openid-connect/{auth,token,certs,userinfo,logout}`), loaded from the same
 * realm export a real Keycloak imports. RS256 JWT access tokens with Keycloak-shaped claims.
 * Development default only: sessions live in memory.
 */
export function createEmbeddedIssuer(opts: EmbeddedIssuerOptions): EmbeddedIssuer {
  const { realm, apiAudience } = opts;
  const base = `/realms/${realm.name}`;
  const issuer = `${opts.publicUrl}${base}`;
  let secrets: IssuerSecrets = loadOrCreateSecrets(opts.secretsDir);
  const byId = new Map([...realm.users.values()].map((u) => [u.id, u]));
  const sessionClients = realm.clients.filter((c) => c.enabled !== false && !c.bearerOnly && c.publicClient);
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

  const build = (): Provider => {
    const configuration: Configuration = {
      clients: sessionClients.map((c) => ({
        client_id: c.clientId,
        token_endpoint_auth_method: 'none',
        grant_types: c.standardFlowEnabled ? ['authorization_code', 'refresh_token'] : ['password'],
        response_types: c.standardFlowEnabled ? ['code'] : [],
        redirect_uris: c.standardFlowEnabled ? [`${opts.publicUrl}/`] : [],
        post_logout_redirect_uris: c.standardFlowEnabled ? [`${opts.publicUrl}/`] : [],
      })),
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
        AuthorizationCode: 60,
        IdToken: realm.accessTokenLifespan,
        Interaction: 600,
        Session: 36_000,
        Grant: 36_000,
        RefreshToken: 1_800,
      },
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
        const t = token as unknown as { accountId?: string; clientId?: string };
        const user = t.accountId ? byId.get(t.accountId) : undefined;
        return user ? keycloakClaims(user, t.clientId ?? '') : undefined;
      },
      formats: {
        customizers: {
          // Keycloak signs access tokens with header typ "JWT".
          jwt: async (_ctx, _token, jwt) => {
            jwt.header = { ...(jwt.header ?? {}), typ: 'JWT' };
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
    // The password grant of Keycloak's direct-access clients (satupintu-cli): development and tests.
    provider.registerGrantType(
      'password',
      async (ctx) => {
        const { client, params } = ctx.oidc;
        const user = realm.findUser(String(params?.username ?? ''));
        if (!client || !user || !realm.checkPassword(user, String(params?.password ?? ''))) throw new errors.InvalidGrant('Invalid user credentials');
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
      const user = realm.findUser(username);
      if (!user || !realm.checkPassword(user, String(req.body?.password ?? ''))) {
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
