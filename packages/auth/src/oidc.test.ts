import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { api, claimsOf, keycloakAdmin, sharedPlatform, tempDataDir, tokenFor } from '@satupintu/testkit';
import { DEFAULT_REALM_FILE, createEmbeddedIssuer, loadRealm } from './index.js';
import type { Platform } from '@satupintu/server';

/** A tiny cookie jar for walking a browser login with fetch. */
class Browser {
  private cookies = new Map<string, string>();
  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
}

/** The form a login page posts to: our embedded page and Keycloak's both have one form with an action. */
function formAction(html: string, base: string): string {
  const m = /<form[^>]*\saction="([^"]+)"/i.exec(html);
  assert.ok(m, 'login page has a form');
  return new URL(m[1]!.replace(/&amp;/g, '&'), base).toString();
}

// The same suite runs against the embedded issuer (npm test) and a real Keycloak 26 (conformance tier).
describe('OpenID Connect issuer (embedded, or Keycloak when KEYCLOAK_URL is set)', () => {
  let p: Platform;
  let realmUrl: string;
  before(function () {
    p = sharedPlatform();
    realmUrl = `${p.authServerUrl}/realms/mpp`;
  });

  it('serves discovery and JWKS at Keycloak paths', async () => {
    const d = (await (await fetch(`${realmUrl}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    assert.equal(d.issuer, realmUrl);
    for (const [k, path] of [
      ['authorization_endpoint', 'auth'],
      ['token_endpoint', 'token'],
      ['jwks_uri', 'certs'],
      ['userinfo_endpoint', 'userinfo'],
      ['end_session_endpoint', 'logout'],
    ] as const)
      assert.match(d[k]!, new RegExp(`/realms/mpp/protocol/openid-connect/${path}$`));
    const jwks = (await (await fetch(d.jwks_uri!.replace(/^http:\/\/[^/]+/, p.authServerUrl))).json()) as { keys: { kty: string; d?: string }[] };
    assert.ok(jwks.keys.length >= 1);
    assert.ok(jwks.keys.every((k) => k.kty === 'RSA' && k.d === undefined), 'only public keys are published');
  });

  it('advertises only what it allows: code flow with S256 PKCE, client credentials, no implicit or hybrid', async function () {
    // A real Keycloak's discovery lists every grant and response type it implements, whatever the
    // realm's clients allow (the clients' flags refuse them); this checks the embedded issuer.
    if (!p.issuer) this.skip();
    const d = (await (await fetch(`${realmUrl}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.deepEqual(d.response_types_supported, ['code']);
    assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
    const grants = d.grant_types_supported as string[];
    assert.ok(grants.includes('authorization_code') && grants.includes('client_credentials'), grants.join());
    assert.ok(!grants.includes('implicit'), grants.join());
    // The dev/test password grant (satupintu-cli) is listed exactly while it is registered (createEmbeddedIssuer's allowPasswordGrant).
    assert.ok(grants.every((g) => ['authorization_code', 'refresh_token', 'client_credentials', 'password'].includes(g)), grants.join());
    assert.deepEqual([...(d.token_endpoint_auth_methods_supported as string[])].sort(), ['client_secret_basic', 'client_secret_post', 'none']);
    assert.equal(d.pushed_authorization_request_endpoint, undefined);
    assert.equal(d.dpop_signing_alg_values_supported, undefined);
  });

  it('without allowPasswordGrant, has no password grant at all (discovery, token endpoint)', async () => {
    // A second embedded issuer on its own port: the shared platform's keeps the grant for tokenFor.
    const app = express();
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const own = createEmbeddedIssuer({ publicUrl: url, realm: loadRealm(DEFAULT_REALM_FILE), secretsDir: path.join(tempDataDir(), 'issuer'), apiAudience: 'satupintu-api', allowPasswordGrant: false });
      app.use('/realms/mpp', own.router);
      const d = (await (await fetch(`${own.issuer}/.well-known/openid-configuration`)).json()) as { grant_types_supported: string[] };
      assert.deepEqual([...d.grant_types_supported].sort(), ['authorization_code', 'client_credentials', 'refresh_token']);
      const password = async (clientId: string) => {
        const res = await fetch(`${own.issuer}/protocol/openid-connect/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username: 'admin.kbb', password: 'mpp-demo' }),
        });
        return [res.status, ((await res.json()) as { error: string }).error] as const;
      };
      assert.deepEqual(await password('satupintu-web'), [400, 'unsupported_grant_type']);
      // satupintu-cli has no other flow, so this issuer does not register it at all.
      assert.deepEqual(await password('satupintu-cli'), [401, 'invalid_client']);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses implicit and hybrid authorization requests', async () => {
    for (const responseType of ['token', 'id_token', 'id_token token', 'code id_token', 'code token']) {
      const auth = new URL(`${realmUrl}/protocol/openid-connect/auth`);
      auth.search = new URLSearchParams({
        client_id: 'satupintu-web',
        response_type: responseType,
        scope: 'openid',
        redirect_uri: 'http://127.0.0.1:3000/auth/callback',
        nonce: 'n-1',
        state: 's-1',
        code_challenge: 'x'.repeat(43),
        code_challenge_method: 'S256',
      }).toString();
      const res = await fetch(auth, { redirect: 'manual' });
      const location = res.headers.get('location') ?? '';
      // Either an error page or an error redirect, never a login page on the way to a token in the fragment.
      assert.ok(res.status >= 400 || /error=(unsupported_response_type|unauthorized_client|invalid_request)/.test(location), `${responseType}: ${res.status} ${location}`);
      assert.doesNotMatch(location, /access_token=|id_token=/);
    }
  });

  it('logs a user in through the browser flow (authorization code + PKCE) and the API accepts the token', async () => {
    const b = new Browser();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    // A redirect URI the realm export allows for satupintu-web; the flow stops before following it.
    const redirectUri = 'http://127.0.0.1:3000/auth/callback';
    const auth = new URL(`${realmUrl}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({
      client_id: 'satupintu-web',
      response_type: 'code',
      scope: 'openid profile email',
      redirect_uri: redirectUri,
      state: 'st-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    let res = await b.go(auth.toString());
    if (res.status === 303 || res.status === 302) res = await b.go(new URL(res.headers.get('location')!, realmUrl).toString());
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<label[^>]*for="username"/);
    // A wrong password shows the form again with an error.
    res = await b.go(formAction(html, realmUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=warga.kbb&password=nope' });
    assert.ok(res.status === 401 || res.status === 200, `wrong password answered ${res.status}`);
    const retry = await res.text();
    assert.match(retry, /role="alert"|Invalid username or password|salah/i);
    res = await b.go(formAction(retry, realmUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=warga.kbb&password=mpp-demo' });
    let location = res.headers.get('location')!;
    for (let hops = 0; hops < 6 && !location.startsWith(redirectUri); hops++) {
      res = await b.go(new URL(location, realmUrl).toString());
      location = res.headers.get('location')!;
      assert.ok(location, `hop ${hops} ended at ${res.status}`);
    }
    const back = new URL(location);
    assert.equal(back.searchParams.get('state'), 'st-123');
    const code = back.searchParams.get('code')!;
    const tokenRes = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'satupintu-web', code_verifier: verifier }),
    });
    const tokens = (await tokenRes.json()) as { access_token: string; id_token: string };
    assert.equal(tokenRes.status, 200, JSON.stringify(tokens));
    const claims = claimsOf(tokens.access_token);
    assert.equal(claims.azp, 'satupintu-web');
    assert.equal(claims.preferred_username, 'warga.kbb');
    const me = await api(p, 'GET', '/api/v1/me', { token: tokens.access_token });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body.roles, ['citizen']);
    assert.deepEqual(me.body.memberships, []);
  });

  it('refuses an authorization request without PKCE', async () => {
    const auth = new URL(`${realmUrl}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({ client_id: 'satupintu-web', response_type: 'code', scope: 'openid', redirect_uri: `${p.url}/cb` }).toString();
    auth.searchParams.set('redirect_uri', 'http://127.0.0.1:3000/cb');
    const res = await fetch(auth, { redirect: 'manual' });
    const location = res.headers.get('location') ?? '';
    assert.match(location, /error=invalid_request/);
    assert.match(decodeURIComponent(location.replace(/\+/g, ' ')), /PKCE|code_challenge/);
  });

  it('refuses a redirect URI outside the client’s patterns', async () => {
    const auth = new URL(`${realmUrl}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({ client_id: 'satupintu-web', response_type: 'code', scope: 'openid', redirect_uri: 'https://evil.example/cb', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }).toString();
    const res = await fetch(auth, { redirect: 'manual' });
    assert.equal(res.status, 400);
  });

  it('accepts the browser app only at the realm’s redirect URIs and its own origin: no other loopback port, no look-alike hosts', async function () {
    if (!p.issuer) this.skip(); // a real Keycloak matches the realm's redirect URIs itself
    const status = async (redirect: string) => {
      const auth = new URL(`${realmUrl}/protocol/openid-connect/auth`);
      auth.search = new URLSearchParams({ client_id: 'satupintu-web', response_type: 'code', scope: 'openid', redirect_uri: redirect, code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }).toString();
      return (await fetch(auth, { redirect: 'manual' })).status;
    };
    for (const ok of ['http://localhost:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback', `${p.url}/auth/callback`]) assert.notEqual(await status(ok), 400, ok);
    // Issue 19: a loopback host on another port is another redirect URI (test/security/issuer.test.ts).
    for (const bad of ['http://localhost:5173/auth/callback', 'http://127.0.0.1:41234/auth/callback', 'http://127.0.0.1.evil.example/cb', 'http://localhost:3000.evil.example/cb', 'http://localhost@evil.example/cb'])
      assert.equal(await status(bad), 400, bad);
  });

  it('picks up a rotated signing key without restarting the API', async function () {
    const admin = await keycloakAdmin(p);
    if (!p.issuer && !admin) this.skip(); // a real Keycloak without admin credentials cannot be rotated here
    const before = await tokenFor(p, 'admin.kbb');
    const oldKid = JSON.parse(Buffer.from(before.split('.')[0]!, 'base64url').toString()).kid;
    assert.equal((await api(p, 'GET', '/api/v1/me', { token: before })).status, 200);
    if (p.issuer) await p.issuer.rotateKeys();
    else {
      // As a Keycloak operator rotates: a new RSA key provider with a higher priority becomes the active signer.
      const realm = await admin!('GET', '');
      await admin!('POST', '/components', {
        name: `rsa-rotated-${Date.now()}`,
        providerId: 'rsa-generated',
        providerType: 'org.keycloak.keys.KeyProvider',
        parentId: realm.id,
        config: { priority: [String(Date.now() % 1_000_000_000)], keySize: ['2048'], active: ['true'], enabled: ['true'], algorithm: ['RS256'] },
      });
    }
    const after = await tokenFor(p, 'admin.kbb');
    const newKid = JSON.parse(Buffer.from(after.split('.')[0]!, 'base64url').toString()).kid;
    assert.notEqual(newKid, oldKid);
    // keycloak-connect refetches JWKS for an unknown kid at most once per interval (1 s in tests).
    await new Promise((r) => setTimeout(r, 1_100));
    assert.equal((await api(p, 'GET', '/api/v1/me', { token: after })).status, 200);
    assert.equal((await api(p, 'GET', '/api/v1/me', { token: before })).status, 200, 'tokens signed by the previous key stay valid');
  });
});
