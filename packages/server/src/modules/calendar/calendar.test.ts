import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { api, asTenant, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

describe('calendar: holidays and tenant closures', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  it('lists the national reference list whole, sets and removes a holiday', async () => {
    const admin = await tokenFor(p, 'admin.platform');
    const year = await api(p, 'GET', '/api/v1/holidays?year=2026');
    assert.equal(year.status, 200);
    assert.ok(year.body.items.length >= 20, `2026: ${year.body.items.length} dates`);
    assert.ok(year.body.items.every((h: { date: string }) => h.date.startsWith('2026-')));
    const all = await api(p, 'GET', '/api/v1/holidays');
    assert.ok(all.body.items.length > year.body.items.length, 'every year without `year`');

    const body = { kind: 'cuti-bersama', name: { id: 'Cuti bersama uji', en: 'Test collective leave' }, decree: 'SKB uji 2031' };
    const put = await api(p, 'PUT', '/api/v1/holidays/2031-02-03', { token: admin, body });
    assert.deepEqual([put.status, put.body], [200, { date: '2031-02-03', ...body }]);
    const replaced = await api(p, 'PUT', '/api/v1/holidays/2031-02-03', { token: admin, body: { ...body, decree: 'SKB uji 2031 (revisi)' } });
    assert.equal(replaced.body.decree, 'SKB uji 2031 (revisi)');
    const listed = (await api(p, 'GET', '/api/v1/holidays?year=2031')).body.items.filter((h: { date: string }) => h.date === '2031-02-03');
    assert.deepEqual(listed, [{ date: '2031-02-03', ...body, decree: 'SKB uji 2031 (revisi)' }]);

    assert.equal((await api(p, 'DELETE', '/api/v1/holidays/2031-02-03?kind=national', { token: admin })).body.code, 'HOLIDAY_NOT_FOUND', 'the other kind is not there');
    assert.equal((await api(p, 'DELETE', '/api/v1/holidays/2031-02-03?kind=cuti-bersama', { token: admin })).status, 204);
    const gone = await api(p, 'DELETE', '/api/v1/holidays/2031-02-03?kind=cuti-bersama', { token: admin });
    assert.deepEqual([gone.status, gone.body.code], [404, 'HOLIDAY_NOT_FOUND']);
  });

  it('closes a date with an ETag; If-Match, when sent, must be current; If-None-Match: * only creates', async () => {
    const admin = await tokenFor(p, 'admin.platform');
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `tutup-${randomUUID().slice(0, 6)}`;
    assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-jakarta', mppStatus: 'operating' } })).status, 201);
    const url = `/api/v1/tenants/${slug}/closures/2031-03-02`;
    const reason = (id: string) => ({ reason: { id, en: `${id} (en)` } });
    const stored = () => asTenant(p, slug, (sql) => sql.rows<{ reason: { id: string }; version: number }>(`select reason, version from tenant_closures where date = '2031-03-02'`));

    const stale = await api(p, 'PUT', url, { token: admin, body: reason('Banjir'), headers: { 'if-match': '"1"' } });
    assert.deepEqual([stale.status, stale.body.code], [412, 'PRECONDITION_FAILED'], 'If-Match on a date not closed');
    assert.deepEqual(await stored(), [], 'nothing created');

    const created = await api(p, 'PUT', url, { token: admin, body: reason('Pemadaman listrik'), headers: { 'if-none-match': '*' } });
    assert.deepEqual([created.status, created.body, created.headers.get('etag')], [200, { date: '2031-03-02', ...reason('Pemadaman listrik') }, '"1"']);
    const createOnly = await api(p, 'PUT', url, { token: admin, body: reason('Banjir'), headers: { 'if-none-match': '*' } });
    assert.deepEqual([createOnly.status, createOnly.body.code], [412, 'PRECONDITION_FAILED'], 'If-None-Match: * on a closed date');

    const current = await api(p, 'PUT', url, { token: await tokenFor(p, 'admin.platform'), body: reason('Banjir'), headers: { 'if-match': '"1"' } });
    assert.deepEqual([current.status, current.headers.get('etag')], [200, '"2"']);
    const late = await api(p, 'PUT', url, { token: admin, body: reason('Gempa'), headers: { 'if-match': '"1"' } });
    assert.deepEqual([late.status, late.body.code, late.body.currentEtag], [412, 'PRECONDITION_FAILED', '"2"'], 'someone changed it meanwhile');
    assert.deepEqual((await stored()).map((r) => [r.reason.id, r.version]), [['Banjir', 2]], 'the stale write did not happen');

    // A closure is one date's create-or-replace: without If-Match it replaces (a retried PUT never fails).
    const plain = await api(p, 'PUT', url, { token: admin, body: reason('Banjir') });
    assert.deepEqual([plain.status, plain.headers.get('etag')], [200, '"3"']);
    const kbbAdmin = await api(p, 'PUT', url, { token: await tokenFor(p, 'admin.kbb'), body: reason('Banjir') });
    assert.equal(kbbAdmin.status, 403, 'another regency’s admin');

    const kbb = await p.context({ tenant: slug });
    assert.ok((await p.services.calendar.forTenant(kbb)).days.closures.has('2031-03-02'), 'effective at once');
  });
});
