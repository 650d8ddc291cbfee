import assert from 'node:assert/strict';
import { api, claimsOf, sharedPlatform } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

// The demo machine client of infra/keycloak/realm-mpp.json: a confidential client whose service
// account is a Dukcapil officer of Kab. Bandung Barat. Its secret is published there: dev only.
const CLIENT = 'satupintu-integration-demo';
const SECRET = 'dev-only-integration-demo-secret-NOT-FOR-PRODUCTION';
const SERVICE_ACCOUNT = `service-account-${CLIENT}`;

// The same suite runs against the embedded issuer (npm test) and a real Keycloak 26 (conformance tier).
describe('Machine clients: client credentials (embedded issuer, or Keycloak when KEYCLOAK_URL is set)', () => {
  let p: Platform;
  let tokenUrl: string;
  let token: string;
  before(async () => {
    p = sharedPlatform();
    tokenUrl = `${p.authServerUrl}/realms/mpp/protocol/openid-connect/token`;
    const r = await tokenRequest({ grant_type: 'client_credentials' }, basic(CLIENT, SECRET));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    token = r.body.access_token!;
  });

  function basic(clientId: string, secret: string): Record<string, string> {
    return { authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` };
  }

  async function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, string> }> {
    const res = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  }

  /** A refusal as OAuth 2.0 words it: 400 or 401, an error code, and no token. */
  function assertRefused(r: { status: number; body: Record<string, string> }, errors: RegExp) {
    assert.ok(r.status === 400 || r.status === 401, `${r.status} ${JSON.stringify(r.body)}`);
    assert.match(r.body.error ?? '', errors);
    assert.equal(r.body.access_token, undefined);
  }

  it('issues an RS256 access token for the API to the confidential client (client_secret_basic and client_secret_post)', async () => {
    const [header] = token.split('.');
    const h = JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')) as { alg: string; kid?: string };
    assert.equal(h.alg, 'RS256');
    assert.equal(typeof h.kid, 'string');
    const c = claimsOf(token);
    assert.equal(c.iss, `${p.authServerUrl}/realms/mpp`);
    assert.ok([c.aud].flat().includes('satupintu-api'), `aud ${JSON.stringify(c.aud)}`);
    assert.equal(c.typ, 'Bearer');
    assert.equal(c.azp, CLIENT);
    assert.equal(c.preferred_username, SERVICE_ACCOUNT);
    // Keycloak's subject is the service-account user's id, not the client id.
    assert.match(c.sub, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.ok(c.realm_access.roles.includes('officer'), JSON.stringify(c.realm_access));
    assert.deepEqual(c.memberships, ['/tenants/kab-bandung-barat/agencies/dukcapil/officer']);
    assert.equal(typeof c.exp, 'number');

    const post = await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, client_secret: SECRET });
    assert.equal(post.status, 200, JSON.stringify(post.body));
    assert.equal(post.body.token_type?.toLowerCase(), 'bearer');
    assert.equal(claimsOf(post.body.access_token!).sub, c.sub, 'the same service account either way');
  });

  it('refuses a wrong secret, a missing secret, and public clients', async () => {
    // oidc-provider answers invalid_client (RFC 6749 §5.2); Keycloak 26 answers 401 unauthorized_client.
    assertRefused(await tokenRequest({ grant_type: 'client_credentials' }, basic(CLIENT, 'wrong-secret')), /^(invalid_client|unauthorized_client)$/);
    assertRefused(await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT, client_secret: 'wrong-secret' }), /^(invalid_client|unauthorized_client)$/);
    assertRefused(await tokenRequest({ grant_type: 'client_credentials', client_id: CLIENT }), /^(invalid_client|invalid_request|unauthorized_client)$/);
    for (const publicClient of ['satupintu-web', 'satupintu-cli'])
      assertRefused(await tokenRequest({ grant_type: 'client_credentials', client_id: publicClient }), /^(unauthorized_client|invalid_request|invalid_client)$/);
  });

  it('gives the machine client no other grant (no password grant, no browser flow)', async () => {
    assertRefused(
      await tokenRequest({ grant_type: 'password', username: 'admin.kbb', password: 'mpp-demo', scope: 'openid' }, basic(CLIENT, SECRET)),
      /^(unauthorized_client|invalid_request|unsupported_grant_type)$/,
    );
    const auth = new URL(`${p.authServerUrl}/realms/mpp/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({ client_id: CLIENT, response_type: 'code', scope: 'openid', redirect_uri: 'http://127.0.0.1:3000/cb', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }).toString();
    const res = await fetch(auth, { redirect: 'manual' });
    assert.ok(res.status >= 400 || /error=/.test(res.headers.get('location') ?? ''), `${res.status} ${res.headers.get('location')}`);
  });

  it('the API accepts the token like any other: identity of the service account, its role and membership', async () => {
    const me = await api(p, 'GET', '/api/v1/me', { token });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.username, SERVICE_ACCOUNT);
    assert.equal(me.body.subject, claimsOf(token).sub);
    assert.deepEqual(me.body.roles, ['officer']);
    assert.deepEqual(me.body.memberships, [{ role: 'officer', tenant: 'kab-bandung-barat', agency: 'dukcapil' }]);
    // It does the job its membership allows: its agency's work queue at its tenant.
    const queue = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/agencies/dukcapil/queue', { token });
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
  });

  it('answers 403 where the service account lacks the role, the agency or the tenant', async () => {
    const audit = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/audit-events', { token });
    assert.equal(audit.status, 403, JSON.stringify(audit.body));
    assert.equal(audit.body.code, 'ROLE_REQUIRED');
    const otherAgency = await api(p, 'GET', '/api/v1/tenants/kab-bandung-barat/agencies/imigrasi/queue', { token });
    assert.equal(otherAgency.status, 403, JSON.stringify(otherAgency.body));
    assert.equal(otherAgency.body.code, 'AGENCY_NOT_ALLOWED');
    const otherTenant = await api(p, 'GET', '/api/v1/tenants/kab-kapuas/agencies/dukcapil/queue', { token });
    assert.equal(otherTenant.status, 403, JSON.stringify(otherTenant.body));
    assert.equal(otherTenant.body.code, 'TENANT_NOT_ALLOWED');
  });
});
