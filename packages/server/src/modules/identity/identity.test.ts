import assert from 'node:assert/strict';
import { api, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

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
