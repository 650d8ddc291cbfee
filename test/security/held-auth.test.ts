import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHmac, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, exportJWK, importJWK, type JWK } from 'jose';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// Attacks on the bearer token and the issuer that held when tried (docs/security.md, "Attacks
// tried"). Each forges or bends a token (or an OIDC request) and asserts the API refuses it.

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('security: token and issuer attacks that held', () => {
  let p: Platform;
  let citizen: string;
  let issuer: string;

  before(async () => {
    p = sharedPlatform();
    citizen = await tokenFor(p, 'warga.kbb');
    issuer = `${p.authServerUrl}/realms/mpp`;
  });

  /** Signs claims with the embedded issuer's own key, so only the claim under attack is wrong. */
  async function mint(overrides: Record<string, unknown>, ctx: Mocha.Context, header: Record<string, unknown> = {}): Promise<string> {
    if (!p.issuer) ctx.skip(); // a real Keycloak's private key is not ours to sign with
    const secrets = JSON.parse(readFileSync(path.join(p.config.dataDir, 'issuer', 'issuer-secrets.json'), 'utf8')) as { keys: (JWK & { kid: string })[] };
    const jwk = secrets.keys[0]!;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claimsOf(citizen), iat: now, exp: now + 300, ...overrides })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT', ...header })
      .sign(await importJWK(jwk, 'RS256'));
  }

  /** The token is refused on a route that needs only a signed-in caller, and on an admin route. */
  async function refused(token: string, reason?: RegExp) {
    const me = await api(p, 'GET', '/api/v1/me', { token });
    assert.equal(me.status, 401, JSON.stringify(me.body));
    assert.equal(me.body.code, 'TOKEN_INVALID');
    assert.match(me.headers.get('www-authenticate') ?? '', /^Bearer realm="mpp"/);
    if (reason) assert.match(me.body.i18n.en.detail, reason);
    const admin = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/audit-events', { token });
    assert.equal(admin.status, 401);
  }

  /** A payload that claims every privileged role and membership. */
  const escalated = () => ({
    ...claimsOf(citizen),
    preferred_username: 'admin.platform',
    realm_access: { roles: ['citizen', 'platform-admin', 'tenant-admin', 'ministry-analyst'] },
    memberships: ['/national/platform-admin', '/tenants/kab-bandung-barat/tenant-admin'],
  });

  it('alg "none" (unsigned, empty signature) with escalated claims is refused', async () => {
    await refused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(escalated())}.`, /algorithm none/);
    await refused(`${b64({ alg: 'None', typ: 'JWT' })}.${b64(escalated())}.`);
  });

  it('HS256 signed with the issuer public key as the HMAC secret is refused', async () => {
    const jwks = (await (await fetch(`${issuer}/protocol/openid-connect/certs`)).json()) as { keys: (JWK & { kid: string })[] };
    const pem = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const head = b64({ alg: 'HS256', typ: 'JWT', kid: jwks.keys[0]!.kid });
    const body = b64(escalated());
    const sig = createHmac('sha256', pem).update(`${head}.${body}`).digest('base64url');
    await refused(`${head}.${body}.${sig}`, /algorithm HS256/);
  });

  it('a tampered payload (roles raised after signing) is refused', async () => {
    const [h, , s] = citizen.split('.');
    await refused(`${h}.${b64(escalated())}.${s}`, /signature/);
  });

  it("a token signed by the attacker's own key is refused, whatever kid, jwk or jku it names", async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = JSON.parse(Buffer.from(citizen.split('.')[0]!, 'base64url').toString()).kid as string;
    // The issuer's own kid, but the attacker's key.
    await refused(await new SignJWT(escalated()).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey), /signature/);
    // A key of "another realm": its own kid, and the public key embedded in the header.
    const jwk = await exportJWK(publicKey);
    await refused(await new SignJWT(escalated()).setProtectedHeader({ alg: 'RS256', kid: 'attacker', typ: 'JWT', jwk } as never).sign(privateKey));
    // A jku pointing at a key set the attacker serves (loopback port 1: nothing listens; nothing is fetched).
    await refused(await new SignJWT(escalated()).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT', jku: 'http://127.0.0.1:1/jwks' } as never).sign(privateKey));
  });

  it('a kid carrying a path, SQL or URL does not reach a key lookup that could succeed', async () => {
    const [h, pl, s] = citizen.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
    for (const kid of ['../../../../dev/null', "x' OR '1'='1", 'http://127.0.0.1:1/jwks', 'a'.repeat(5000)]) {
      const r = await api(p, 'GET', '/api/v1/me', { token: `${b64({ ...header, kid })}.${pl}.${s}` });
      assert.equal(r.status, 401, kid.slice(0, 20));
    }
  });

  it('an expired token is refused', async function () {
    const now = Math.floor(Date.now() / 1000);
    await refused(await mint({ iat: now - 900, exp: now - 600 }, this), /expired/);
  });

  it('a token without exp, or valid only in the future, is refused', async function () {
    const now = Math.floor(Date.now() / 1000);
    await refused(await mint({ nbf: now + 3600, iat: now + 3600, exp: now + 7200 }, this));
    await refused(await mint({ exp: undefined }, this));
  });

  it('a token of another issuer or realm is refused', async function () {
    await refused(await mint({ iss: `${p.authServerUrl}/realms/master` }, this), /wrong ISS/);
    await refused(await mint({ iss: 'https://sso.example.go.id/realms/mpp' }, this), /wrong ISS/);
  });

  it('a token for another audience (not satupintu-api) is refused', async function () {
    await refused(await mint({ aud: 'account' }, this), /wrong audience/);
    await refused(await mint({ aud: ['account', 'broker'] }, this), /wrong audience/);
  });

  it('an ID token (typ ID) in place of an access token is refused', async function () {
    await refused(await mint({ typ: 'ID' }, this), /wrong type/);
  });

  it('a token sent in the query string or a cookie is not read (only the Authorization header)', async () => {
    for (const r of [
      await api(p, 'GET', `/api/v1/me?access_token=${citizen}`),
      await api(p, 'GET', '/api/v1/me', { headers: { cookie: `access_token=${citizen}; KEYCLOAK_ACCESS_TOKEN=${citizen}` } }),
    ]) {
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'AUTH_REQUIRED');
    }
  });

  const tokenEndpoint = () => `${issuer}/protocol/openid-connect/token`;
  const form = (body: Record<string, string>) =>
    fetch(tokenEndpoint(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

  it('the browser client has no password grant, and public clients no client-credentials grant', async () => {
    const ropc = await form({ grant_type: 'password', client_id: 'satupintu-web', username: 'warga.kbb', password: 'mpp-demo' });
    assert.equal(ropc.status, 400);
    assert.ok(!('access_token' in ((await ropc.json()) as object)));
    for (const client of ['satupintu-web', 'satupintu-cli']) {
      const cc = await form({ grant_type: 'client_credentials', client_id: client });
      assert.ok(cc.status === 400 || cc.status === 401, `${client}: ${cc.status}`);
      assert.ok(!('access_token' in ((await cc.json()) as object)));
    }
  });

  it('the authorization endpoint refuses PKCE "plain" and an unregistered redirect URI (no open redirect)', async () => {
    const auth = (params: Record<string, string>) => {
      const u = new URL(`${issuer}/protocol/openid-connect/auth`);
      u.search = new URLSearchParams({ client_id: 'satupintu-web', response_type: 'code', scope: 'openid', ...params }).toString();
      return fetch(u, { redirect: 'manual' });
    };
    const plain = await auth({ redirect_uri: `${p.url}/`, code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' });
    const where = plain.headers.get('location') ?? '';
    assert.ok(!/[?&]code=/.test(where), `no code for plain PKCE: ${where}`);
    assert.match(where, /error=invalid_request/);
    for (const evil of ['https://evil.example/cb', 'https://evil.example@127.0.0.1/', `${p.url}.evil.example/`, '//evil.example/', 'javascript:alert(1)']) {
      const r = await auth({ redirect_uri: evil, code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' });
      const loc = r.headers.get('location') ?? '';
      assert.ok(!loc.includes('evil.example') && !loc.startsWith('javascript:'), `${evil} → ${r.status} ${loc}`);
      assert.ok(r.status >= 400 || !loc, `${evil} → ${r.status}`);
    }
  });

  it('logout refuses a post_logout_redirect_uri that is not registered (no open redirect)', async () => {
    const r = await fetch(`${issuer}/protocol/openid-connect/logout?client_id=satupintu-web&post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`, { redirect: 'manual' });
    assert.equal(r.status, 400);
    assert.ok(!(r.headers.get('location') ?? '').includes('evil.example'));
    assert.ok(!(await r.text()).includes('evil.example'));
  });

  it("the API's Link header is relative: a forged Host or X-Forwarded-Host cannot point the next page elsewhere", async () => {
    const r = await api(p, 'GET', '/api/v1/tenants?limit=1', { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });
    assert.equal(r.status, 200);
    const link = r.headers.get('link') ?? '';
    assert.match(link, /^<\/api\/v1\/tenants\?/);
    assert.ok(!link.includes('evil.example'));
  });

  // The embedded issuer runs oidc-provider with `proxy = true`: before issue 19 a caller's own
  // X-Forwarded-Host rewrote every endpoint of the discovery document (authorization, token,
  // certs → https://evil.example/…). Forwarding headers are now dropped unless the peer is a
  // configured proxy (http/trusted-proxies.ts), so the document names this server only.
  it('discovery ignores a forged X-Forwarded-Host (host-header poisoning of the OIDC endpoints)', async () => {
    const d = (await (await fetch(`${issuer}/.well-known/openid-configuration`, { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } })).json()) as Record<string, string>;
    assert.equal(d.issuer, issuer);
    for (const k of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) assert.ok(!d[k]!.includes('evil.example'), `${k}: ${d[k]}`);
  });
});
