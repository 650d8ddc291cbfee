import assert from 'node:assert/strict';
import { listRegencies } from '@satupintu/core';
import { api, sharedPlatform } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

describe('reference data: regions and the official regency list', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  /** Every item of a paged list, following `next` (and checking the Link header says the same). */
  async function walk(first: string): Promise<{ items: { code: string; provinceCode: string }[]; pages: number }> {
    const items: { code: string; provinceCode: string }[] = [];
    let url: string | null = first;
    let pages = 0;
    while (url) {
      const r = await api(p, 'GET', url);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      items.push(...r.body.items);
      pages++;
      const link = r.headers.get('link');
      url = r.body.next ? (link?.match(/^<([^>]+)>; rel="next"$/)?.[1] ?? assert.fail(`no Link: ${link}`)) : null;
    }
    return { items, pages };
  }

  it('lists the platform’s regions whole, with their tenant counts', async () => {
    const r = await api(p, 'GET', '/api/v1/regions');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.items.map((x: { id: string }) => x.id).sort(), ['id-batam', 'id-jakarta']);
    const tenants = await p.services.tenants.list({ sandbox: false });
    assert.equal(r.body.items.reduce((n: number, x: { tenantCount: number }) => n + x.tenantCount, 0), tenants.length);
  });

  it('pages the 514 regencies and cities in code order: each exactly once, by province too', async () => {
    const all = await walk('/api/v1/wilayah?limit=200');
    assert.equal(all.pages, 3);
    const codes = all.items.map((r) => r.code);
    assert.equal(codes.length, listRegencies().length);
    assert.equal(new Set(codes).size, codes.length, 'no regency twice');
    assert.deepEqual(codes, [...codes].sort(), 'in code order');
    const jabar = await walk('/api/v1/wilayah?province=32&limit=5');
    assert.equal(jabar.items.length, listRegencies().filter((r) => r.provinceCode === '32').length);
    assert.ok(jabar.items.every((r) => r.provinceCode === '32'));
    assert.ok(jabar.pages > 1);
    // A cursor belongs to its filters.
    const first = await api(p, 'GET', '/api/v1/wilayah?province=32&limit=5');
    const moved = await api(p, 'GET', `/api/v1/wilayah?limit=5&cursor=${first.body.next}`);
    assert.deepEqual([moved.status, moved.body.code], [400, 'CURSOR_INVALID']);
  });

  it('answers one regency by its code, 404 for a code that names none', async () => {
    const kbb = await api(p, 'GET', '/api/v1/wilayah/32.17');
    assert.equal(kbb.status, 200);
    assert.deepEqual([kbb.body.name, kbb.body.provinceName, kbb.body.timeZone], ['Kabupaten Bandung Barat', 'Jawa Barat', 'Asia/Jakarta']);
    assert.ok(!('level' in kbb.body));
    const none = await api(p, 'GET', '/api/v1/wilayah/99.99');
    assert.deepEqual([none.status, none.body.code], [404, 'REGENCY_NOT_FOUND']);
    const province = await api(p, 'GET', '/api/v1/wilayah/32');
    assert.deepEqual([province.status, province.body.code], [400, 'PATH_INVALID']);
  });
});
