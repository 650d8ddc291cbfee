import assert from 'node:assert/strict';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

const T = 'kab-bandung-barat';
const path = `/api/v1/tenants/${T}/applicant-lookup`;

describe('finding an applicant by NIK for assisted filing', () => {
  let p: Platform;
  let operator: string;
  const nik = `3217${String(Date.now()).slice(-12)}`;
  before(async () => {
    p = sharedPlatform();
    operator = await tokenFor(p, 'operator.desa.kbb');
  });

  it('answers the operator the person they filed for (name and phone) and logs the read', async () => {
    const none = await api(p, 'POST', path, { token: operator, body: { nik } });
    assert.equal(none.status, 200, JSON.stringify(none.body));
    assert.deepEqual(none.body, { applicant: null, applications: [] });
    const made = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: operator,
      body: {
        service: 'dukcapil.ktpel-penggantian',
        data: { nik },
        applicant: { nik, name: 'Ujang Suparman', phone: '081377770001' },
        consent: { statement: 'Pemohon menyetujui pengajuan dibantu operator desa.', method: 'verbal' },
      },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const found = await api(p, 'POST', path, { token: operator, body: { nik } });
    assert.equal(found.status, 200);
    assert.deepEqual(found.body.applicant, { name: 'Ujang Suparman', phone: '081377770001' });
    assert.deepEqual(found.body.applications.map((a: { id: string }) => a.id), [made.body.id]);
    const logged = await asTenant(p, T, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from personal_data_access where record_id = $1 and purpose = 'assisted-filing'`, [made.body.id]));
    assert.ok(logged.n >= 1, 'the read is in the access log');
    // An officer does not see someone else's draft: nothing found.
    const officer = await api(p, 'POST', path, { token: await tokenFor(p, 'petugas.dukcapil.kbb'), body: { nik } });
    assert.deepEqual(officer.body, { applicant: null, applications: [] });
  });

  it('refuses anonymous callers, citizens, the tenant admin, other tenants and a malformed NIK', async () => {
    assert.equal((await api(p, 'POST', path, { body: { nik } })).status, 401);
    assert.equal((await api(p, 'POST', path, { token: await tokenFor(p, 'warga.kbb'), body: { nik } })).status, 403);
    assert.equal((await api(p, 'POST', path, { token: await tokenFor(p, 'admin.kbb'), body: { nik } })).status, 403);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/kab-kapuas/applicant-lookup`, { token: operator, body: { nik } })).status, 403);
    const bad = await api(p, 'POST', path, { token: operator, body: { nik: '12 34' } });
    assert.equal(bad.status, 422);
  });
});
