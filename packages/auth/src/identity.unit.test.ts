import assert from 'node:assert/strict';
import { identityFromClaims, membershipsFromGroups, membershipToGroup } from './identity.js';
import { permits } from './guard.js';

describe('memberships and route guards', () => {
  it('parses Keycloak group paths into memberships, ignoring unknown groups', () => {
    const paths = [
      '/tenants/kab-bandung-barat/tenant-admin',
      '/tenants/kab-kapuas/agencies/polri/officer',
      '/agencies/imigrasi/agency-publisher',
      '/national/ministry-analyst',
      '/some/other/group',
      '/tenants/Bad Slug/tenant-admin',
    ];
    const ms = membershipsFromGroups(paths);
    assert.deepEqual(ms, [
      { role: 'tenant-admin', tenant: 'kab-bandung-barat' },
      { role: 'officer', tenant: 'kab-kapuas', agency: 'polri' },
      { role: 'agency-publisher', agency: 'imigrasi' },
      { role: 'ministry-analyst' },
    ]);
    assert.deepEqual(ms.map(membershipToGroup), paths.slice(0, 4));
  });

  it('trusts a membership only when the realm role is granted too', () => {
    const id = identityFromClaims({ sub: 's', realm_access: { roles: ['citizen'] }, memberships: ['/national/platform-admin'] });
    assert.deepEqual(id.roles, ['citizen']);
    assert.deepEqual(id.memberships, []);
  });

  const officer = identityFromClaims({
    sub: 'o',
    preferred_username: 'petugas.dukcapil.kbb',
    realm_access: { roles: ['citizen', 'officer'] },
    memberships: ['/tenants/kab-bandung-barat/agencies/dukcapil/officer'],
  });
  const queue = { kind: 'roles' as const, roles: ['officer' as const], tenantParam: 'tenant', agencyParam: 'agency' };

  it('lets an officer into their own agency’s queue at their own tenant', () => {
    assert.equal(permits(officer, queue, { tenant: 'kab-bandung-barat', agency: 'dukcapil' }), 'ok');
  });

  it("refuses an officer of agency X on agency Y's queue, and at another tenant", () => {
    assert.equal(permits(officer, queue, { tenant: 'kab-bandung-barat', agency: 'imigrasi' }), 'agency');
    assert.equal(permits(officer, queue, { tenant: 'kab-kapuas', agency: 'dukcapil' }), 'tenant');
  });

  it('refuses national roles on routes that do not list them; citizens are not tenant-bound', () => {
    const analyst = identityFromClaims({ sub: 'a', realm_access: { roles: ['citizen', 'ministry-analyst'] }, memberships: ['/national/ministry-analyst'] });
    assert.deepEqual(analyst.roles, ['ministry-analyst'], 'the analyst holds no citizen role, even from default roles');
    assert.equal(permits(analyst, { kind: 'roles', roles: ['citizen'], tenantParam: 'tenant' }, { tenant: 'kab-lebong' }), 'role');
    const personal = { kind: 'roles' as const, roles: ['tenant-admin' as const], tenantParam: 'tenant' };
    assert.equal(permits(analyst, personal, { tenant: 'kab-lebong' }), 'role');
    const aggregates = { kind: 'roles' as const, roles: ['ministry-analyst' as const, 'tenant-admin' as const], tenantParam: 'tenant' };
    assert.equal(permits(analyst, aggregates, { tenant: 'kab-lebong' }), 'ok');
    const citizenRoute = { kind: 'roles' as const, roles: ['citizen' as const], tenantParam: 'tenant' };
    assert.equal(permits(officer, citizenRoute, { tenant: 'kab-lebong' }), 'ok');
  });
});
