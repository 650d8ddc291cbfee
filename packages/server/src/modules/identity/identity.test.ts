import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { FIRST_TENANTS, SEED_INSTALLATIONS } from '../../seed.js';

describe('the caller’s identity (GET /api/v1/me)', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('answers who the caller is and where their roles apply, and nothing else of the token', async () => {
    const token = await tokenFor(p, 'petugas.dukcapil.kbb');
    const r = await api(p, 'GET', '/api/v1/me', { token });
    assert.equal(r.status, 200);
    assert.equal(r.body.subject, claimsOf(token).sub);
    assert.equal(r.body.username, 'petugas.dukcapil.kbb');
    assert.deepEqual(r.body.memberships, [{ role: 'officer', tenant: 'kab-bandung-barat', agency: 'dukcapil' }]);
    assert.ok(r.body.roles.includes('officer'));
    for (const k of Object.keys(r.body)) assert.ok(['subject', 'username', 'name', 'roles', 'memberships'].includes(k), `${k} is not echoed`);
    const analyst = await api(p, 'GET', '/api/v1/me', { token: await tokenFor(p, 'analis.kemenpanrb') });
    assert.deepEqual(analyst.body.memberships, [{ role: 'ministry-analyst' }]);
    assert.equal((await api(p, 'GET', '/api/v1/me')).status, 401);
  });
});

describe('demo users (infra/keycloak/realm-mpp.json, `npm start` only)', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });
  const SHORT: Record<string, string> = { 'kab-bandung-barat': 'kbb', 'kab-kotawaringin-timur': 'kotim', 'kab-kapuas': 'kapuas', 'kab-lebong': 'lebong', 'kab-kotawaringin-barat': 'kobar', 'kota-bogor': 'bogor' };
  const me = async (username: string) => {
    const token = await tokenFor(p, username);
    const r = await api(p, 'GET', '/api/v1/me', { token });
    assert.equal(r.status, 200, username);
    return { token, memberships: r.body.memberships as unknown[] };
  };

  it('every demo tenant has an officer for each agency it installs, who signs in to that agency’s queue and no other', async function () {
    this.timeout(120_000);
    assert.deepEqual(Object.keys(SHORT).sort(), FIRST_TENANTS.map((t) => t.slug).sort());
    for (const [tenant, { plugins }] of Object.entries(SEED_INSTALLATIONS)) {
      for (const agency of plugins) {
        const { token, memberships } = await me(`petugas.${agency}.${SHORT[tenant]}`);
        assert.deepEqual(memberships, [{ role: 'officer', tenant, agency }]);
        assert.equal((await api(p, 'GET', `/api/v1/tenants/${tenant}/agencies/${agency}/queue`, { token })).status, 200, `${agency} in ${tenant}`);
        const other = plugins.includes('dukcapil') && agency !== 'dukcapil' ? 'dukcapil' : 'polri';
        if (other !== agency) assert.equal((await api(p, 'GET', `/api/v1/tenants/${tenant}/agencies/${other}/queue`, { token })).body.code, 'AGENCY_NOT_ALLOWED');
      }
      const admin = await me(`admin.${SHORT[tenant]}`);
      assert.deepEqual(admin.memberships, [{ role: 'tenant-admin', tenant }]);
      assert.equal((await api(p, 'GET', `/api/v1/tenants/${tenant}/settings`, { token: admin.token })).status, 200, `admin of ${tenant}`);
    }
  });

  it('every plugin agency (BPN included) has a publisher', async () => {
    const agencies = new Set(Object.values(SEED_INSTALLATIONS).flatMap((i) => i.plugins));
    assert.ok(agencies.has('bpn') && agencies.size === 10, [...agencies].join(','));
    for (const agency of agencies) assert.deepEqual((await me(`publisher.${agency}`)).memberships, [{ role: 'agency-publisher', agency }]);
  });

  it('gives every demo user a name Keycloak accepts (its user profile refuses e.g. "/" or "(" in a person name: "Account is not fully set up")', () => {
    const realm = JSON.parse(readFileSync(new URL('../../../../../infra/keycloak/realm-mpp.json', import.meta.url), 'utf8')) as { users: { username: string; firstName?: string; lastName?: string; email?: string }[] };
    const prohibited = /[<>&"$%!#?§;*~/\\|^=[\]{}()]/;
    const bad = realm.users.filter((u) => !u.username.startsWith('service-account-')).filter((u) => !u.firstName || !u.lastName || !u.email || prohibited.test(`${u.firstName}${u.lastName}`)).map((u) => `${u.username}: ${u.firstName} ${u.lastName}`);
    assert.deepEqual(bad, []);
  });
});
