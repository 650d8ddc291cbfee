import assert from 'node:assert/strict';
import { newId } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

describe('audit trail (GET /tenants/:tenant/audit-events)', () => {
  let p: Platform;
  before(() => {
    p = sharedPlatform();
  });

  /** Events written straight into the trail at chosen instants (microseconds kept), as `recordAudit` would. */
  const record = (slug: string, at: string, n = 1) =>
    asTenant(p, slug, async (sql) => {
      const t = await p.services.tenants.get(slug);
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = newId();
        ids.push(id);
        await sql.exec(`insert into audit_events (tenant_id, id, at, actor, action, subject, data) values ($1, $2, $3::timestamptz, 'uji', 'uji.audit', $4, $5)`, [
          t.id,
          id,
          at,
          `uji:${id}`,
          JSON.stringify({ langkah: i }),
        ]);
      }
      return ids;
    });

  it('walks every event exactly once, newest first, even when events are recorded between pages', async () => {
    const admin = await tokenFor(p, 'admin.lebong');
    // Ties at one microsecond (ordered by id), and instants a microsecond apart (lost if keys went through a JS Date).
    await record('kab-lebong', '2026-02-01 08:00:00.000001+00', 4);
    await record('kab-lebong', '2026-02-01 08:00:00.000002+00', 2);
    await record('kab-lebong', '2026-02-01 08:00:00.000003+00', 1);
    const base = '/api/v1/tenants/kab-lebong/audit-events';
    const all = async (limit: number, between: () => Promise<void> = async () => undefined) => {
      const out: { id: string; at: string }[] = [];
      let cursor: string | null = null;
      do {
        const r = await api(p, 'GET', `${base}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        out.push(...r.body.items);
        cursor = r.body.next;
        if (cursor) assert.equal(r.headers.get('link'), `<${base}?limit=${limit}&cursor=${cursor}>; rel="next"`);
        await between();
      } while (cursor);
      return out;
    };
    const before = (await all(200)).map((e) => e.id);
    const late: string[] = [];
    const walked = await all(3, async () => {
      // One event newer than any page (not met: the walk is past it) and one older than everything (met once, further on).
      await record('kab-lebong', new Date().toISOString());
      late.push(...(await record('kab-lebong', new Date(Date.UTC(1999, 11, 31) - late.length * 1000).toISOString())));
    });
    const ids = walked.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    for (const id of before) assert.equal(ids.filter((x) => x === id).length, 1, `${id} exactly once`);
    assert.ok(walked.every((e, i) => i === 0 || walked[i - 1]!.at >= e.at), 'newest first');
    assert.ok(late.slice(0, -1).every((id) => ids.includes(id)), 'older events recorded meanwhile are met further on');
  });

  it('answers its own tenant’s admin and the platform admin only; a damaged cursor is a 400', async () => {
    const base = '/api/v1/tenants/kab-lebong/audit-events';
    assert.equal((await api(p, 'GET', base, { token: await tokenFor(p, 'admin.platform') })).status, 200);
    for (const who of ['admin.kbb', 'analis.kemenpanrb', 'warga.kbb']) assert.equal((await api(p, 'GET', base, { token: await tokenFor(p, who) })).status, 403, who);
    const admin = await tokenFor(p, 'admin.lebong');
    const bad = await api(p, 'GET', `${base}?cursor=${Buffer.from('{"k":["x"],"f":"y"}').toString('base64url')}`, { token: admin });
    assert.deepEqual([bad.status, bad.body.code], [400, 'CURSOR_INVALID']);
    const tooMany = await api(p, 'GET', `${base}?limit=500`, { token: admin });
    assert.deepEqual([tooMany.status, tooMany.body.code], [400, 'QUERY_INVALID']);
  });
});
