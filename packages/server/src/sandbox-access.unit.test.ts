import assert from 'node:assert/strict';
import type { Identity } from '@satupintu/auth';
import { withSandboxMemberships } from './sandbox-access.js';

describe('sandbox access (ADR 0031)', () => {
  const officer: Identity = {
    subject: 's1',
    username: 'petugas.polri.kbb',
    roles: ['officer', 'tenant-admin'],
    memberships: [
      { role: 'officer', tenant: 'kab-bandung-barat', agency: 'polri' },
      { role: 'tenant-admin', tenant: 'kab-kapuas' },
      { role: 'agency-publisher', agency: 'polri' },
    ],
  };

  it('reads each membership of the source tenant as the same membership of its sandbox, and nothing else', () => {
    const id = withSandboxMemberships(officer, 'kab-bandung-barat-sandbox-1', 'kab-bandung-barat');
    assert.deepEqual(id.memberships.slice(officer.memberships.length), [{ role: 'officer', tenant: 'kab-bandung-barat-sandbox-1', agency: 'polri' }]);
    assert.deepEqual(id.memberships.slice(0, officer.memberships.length), officer.memberships);
    assert.deepEqual(id.roles, officer.roles);
  });

  it('grants nothing to a caller without a membership of the source', () => {
    assert.equal(withSandboxMemberships(officer, 'kab-lebong-sandbox-1', 'kab-lebong'), officer);
  });
});
