import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { SignJWT, importJWK, type JWK } from 'jose';
import { api, claimsOf, keycloakAdmin, sharedPlatform, tokenFor, tokenResponse } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

// Every rejection the issue lists, against the embedded issuer (and, in the conformance tier,
// against a real Keycloak: cases that need the issuer's private key run only where it is ours).
describe('API protection (keycloak-connect bearer-only, audience checked)', () => {
  let p: Platform;
  let good: string;
  let issuer: string;
  before(async () => {
    p = sharedPlatform();
    good = await tokenFor(p, 'admin.kbb');
    issuer = `${p.authServerUrl}/realms/mpp`;
  });

  /** Signs claims with the embedded issuer's own key, so only the claim under test is wrong. */
  async function mint(overrides: Record<string, unknown>, ctx: Mocha.Context): Promise<string> {
    if (!p.issuer) ctx.skip(); // real Keycloak: its private key is not ours to sign with
    const secrets = JSON.parse(readFileSync(path.join(p.config.dataDir, 'issuer', 'issuer-secrets.json'), 'utf8')) as { keys: (JWK & { kid: string })[] };
    const jwk = secrets.keys[0]!;
    const key = await importJWK(jwk, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const claims = { ...claimsOf(good), iat: now, exp: now + 300, ...overrides };
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).sign(key);
  }

  async function expect401(token: string | undefined, code: string, reason?: RegExp) {
    const r = await api(p, 'GET', '/api/v1/me', token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 401, JSON.stringify(r.body));
    assert.equal(r.body.code, code);
    assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer realm="mpp"/);
    assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    if (reason) assert.match(r.body.i18n.en.detail, reason);
  }

  it('accepts a real token and maps roles and memberships (GET /api/v1/me)', async () => {
    const r = await api(p, 'GET', '/api/v1/me', { token: good });
    assert.equal(r.status, 200);
    assert.equal(r.body.username, 'admin.kbb');
    assert.deepEqual(r.body.roles.sort(), ['citizen', 'tenant-admin']);
    assert.deepEqual(r.body.memberships, [{ role: 'tenant-admin', tenant: 'kab-bandung-barat' }]);
    const officer = await api(p, 'GET', '/api/v1/me', { token: await tokenFor(p, 'petugas.dukcapil.kbb') });
    assert.deepEqual(officer.body.memberships, [{ role: 'officer', tenant: 'kab-bandung-barat', agency: 'dukcapil' }]);
  });

  it('issues Keycloak-shaped claims', () => {
    const c = claimsOf(good);
    assert.equal(c.typ, 'Bearer');
    assert.equal(c.azp, 'satupintu-cli');
    assert.equal(c.preferred_username, 'admin.kbb');
    assert.ok(c.realm_access.roles.includes('tenant-admin'));
    assert.ok(c.resource_access !== undefined);
    assert.deepEqual([c.aud].flat().includes('satupintu-api'), true);
    assert.equal(c.iss, issuer);
    assert.deepEqual(c.memberships, ['/tenants/kab-bandung-barat/tenant-admin']);
  });

  it('rejects a missing token with 401 and a challenge', async () => expect401(undefined, 'AUTH_REQUIRED'));

  it('rejects a malformed token', async () => {
    await expect401('not-a-jwt', 'TOKEN_INVALID');
    const r = await api(p, 'GET', '/api/v1/me', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    assert.equal(r.status, 401);
  });

  it('rejects alg "none"', async () => {
    const [h, pl] = good.split('.');
    void h;
    await expect401(`${b64({ alg: 'none', typ: 'JWT' })}.${pl}.`, 'TOKEN_INVALID', /algorithm none/);
  });

  it('rejects HS256 signed with the public key', async () => {
    const jwks = (await (await fetch(`${issuer}/protocol/openid-connect/certs`)).json()) as { keys: JWK[] };
    const { createPublicKey } = await import('node:crypto');
    const pem = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const head = b64({ alg: 'HS256', typ: 'JWT', kid: jwks.keys[0]!.kid });
    const body = good.split('.')[1];
    const sig = createHmac('sha256', pem).update(`${head}.${body}`).digest('base64url');
    await expect401(`${head}.${body}.${sig}`, 'TOKEN_INVALID', /algorithm HS256/);
  });

  it('rejects a bad signature (claims changed after signing, or signed by another key)', async () => {
    const [h, , s] = good.split('.');
    const tampered = b64({ ...claimsOf(good), preferred_username: 'admin.platform', realm_access: { roles: ['platform-admin'] } });
    await expect401(`${h}.${tampered}.${s}`, 'TOKEN_INVALID', /signature/);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
    const forged = await new SignJWT(claimsOf(good)).setProtectedHeader({ alg: 'RS256', kid: header.kid, typ: 'JWT' }).sign(privateKey);
    await expect401(forged, 'TOKEN_INVALID', /signature/);
  });

  it('rejects a wrong issuer or realm', async function () {
    if (p.issuer) {
      await expect401(await mint({ iss: `${p.authServerUrl}/realms/other` }, this), 'TOKEN_INVALID', /wrong ISS/);
      await expect401(await mint({ iss: 'https://sso.example.go.id/realms/mpp' }, this), 'TOKEN_INVALID', /wrong ISS/);
      return;
    }
    // Keycloak: a genuine token of another realm (master).
    if (!process.env.KEYCLOAK_ADMIN_PASSWORD) this.skip();
    const other = await tokenResponse(p, 'master', 'admin-cli', process.env.KEYCLOAK_ADMIN_USER ?? 'admin', process.env.KEYCLOAK_ADMIN_PASSWORD!);
    await expect401(other.access_token, 'TOKEN_INVALID');
  });

  it('rejects a wrong audience', async function () {
    if (p.issuer) return expect401(await mint({ aud: 'account' }, this), 'TOKEN_INVALID', /wrong audience/);
    // Keycloak: a genuine mpp token issued to a client without the satupintu-api audience.
    const t = await tokenResponse(p, 'mpp', 'admin-cli', 'warga.kbb', 'mpp-demo');
    assert.ok(![claimsOf(t.access_token!).aud].flat().includes('satupintu-api'));
    await expect401(t.access_token, 'TOKEN_INVALID', /wrong audience/);
  });

  it('rejects an expired token', async function () {
    if (p.issuer) {
      const now = Math.floor(Date.now() / 1000);
      return expect401(await mint({ iat: now - 900, exp: now - 600 }, this), 'TOKEN_INVALID', /expired/);
    }
    const admin = await keycloakAdmin(p);
    if (!admin) this.skip();
    // Keycloak: shorten the realm's token lifespan for one token, then let it lapse.
    await admin!('PUT', '', { accessTokenLifespan: 1 });
    let short: string;
    try {
      short = await tokenFor(p, 'admin.kbb');
    } finally {
      await admin!('PUT', '', { accessTokenLifespan: 300 });
    }
    await new Promise((r) => setTimeout(r, 2_500));
    await expect401(short, 'TOKEN_INVALID', /expired/);
  });

  it('rejects a token that is not yet valid', async function () {
    const now = Math.floor(Date.now() / 1000);
    await expect401(await mint({ nbf: now + 3600, iat: now + 3600, exp: now + 7200 }, this), 'TOKEN_INVALID', /not yet valid/);
  });

  it('rejects a token that is not an access token (an ID token)', async function () {
    if (p.issuer) return expect401(await mint({ typ: 'ID' }, this), 'TOKEN_INVALID', /wrong type/);
    const t = await tokenResponse(p, 'mpp', 'satupintu-cli', 'admin.kbb', 'mpp-demo');
    await expect401(t.id_token, 'TOKEN_INVALID');
  });

  it("refuses tenant A's admin on tenant B's data (403), allows it on A's", async () => {
    const own = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/audit-events', { token: good });
    assert.equal(own.status, 200);
    assert.ok(own.body.items.some((e: { action: string }) => e.action === 'tenant.created'));
    const other = await api(p, 'GET', '/api/v1/tenants/kab-kapuas/audit-events', { token: good });
    assert.equal(other.status, 403);
    assert.equal(other.body.code, 'TENANT_NOT_ALLOWED');
  });

  it('refuses a ministry analyst a personal record, and a citizen a staff route (403)', async () => {
    const analyst = await tokenFor(p, 'analis.kemenpanrb');
    const r = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/audit-events', { token: analyst });
    assert.equal(r.status, 403);
    assert.equal(r.body.code, 'ROLE_REQUIRED');
    const citizen = await api(p, 'POST', '/api/v1/tenants', { token: await tokenFor(p, 'warga.kbb'), body: {} });
    assert.equal(citizen.status, 403);
  });

  it('refuses a wrong password at the token endpoint', async () => {
    await assert.rejects(tokenFor(p, 'admin.kbb', 'wrong'), /no token/);
  });
});
