import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { api, asTenant, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

describe('tenants API', () => {
  let p: Platform;
  let admin: string;
  before(async () => {
    p = sharedPlatform();
    admin = await tokenFor(p, 'admin.platform');
  });

  /** Row counts seen by the owner connection (a superuser in both test tiers, so RLS does not hide orphans). */
  const counts = async () => {
    const out: Record<string, number> = { control: (await p.kernel.control.one<{ n: number }>('select count(*)::int as n from tenants')).n };
    for (const [region, url] of Object.entries(p.infra.regionDatabaseUrls)) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const { rows } = await c.query('select (select count(*) from tenant_profiles)::int as profiles, (select count(*) from audit_events)::int as events');
        out[`${region}.profiles`] = rows[0].profiles;
        out[`${region}.events`] = rows[0].events;
      } finally {
        await c.end();
      }
    }
    return out;
  };

  it('lists the seeded first regencies and Kota Bogor, each in a home region', async () => {
    const r = await api(p, 'GET', '/api/v1/tenants');
    assert.equal(r.status, 200);
    const bySlug = new Map(r.body.items.map((t: { slug: string }) => [t.slug, t]));
    for (const slug of ['kab-bandung-barat', 'kab-kotawaringin-timur', 'kab-kapuas', 'kab-lebong', 'kab-kotawaringin-barat', 'kota-bogor'])
      assert.ok(bySlug.has(slug), slug);
    const kapuas = bySlug.get('kab-kapuas') as Record<string, unknown>;
    assert.deepEqual(
      { code: kapuas.code, name: kapuas.name, province: kapuas.provinceName, tz: kapuas.timeZone, region: kapuas.homeRegion },
      { code: '62.03', name: 'Kabupaten Kapuas', province: 'Kalimantan Tengah', tz: 'Asia/Pontianak', region: 'id-batam' },
    );
    const regions = await api(p, 'GET', '/api/v1/regions');
    assert.deepEqual(regions.body.items.map((x: { id: string }) => x.id).sort(), ['id-batam', 'id-jakarta']);
    const filtered = await api(p, 'GET', '/api/v1/tenants?region=id-jakarta');
    assert.ok(filtered.body.items.every((t: { homeRegion: string }) => t.homeRegion === 'id-jakarta'));
  });

  it('creates a tenant from an official code: name, province and zone from the data, profile in its home region', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const slug = `t-${randomUUID().slice(0, 8)}`;
    const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, homeRegion: 'id-batam', mppStatus: 'committed' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.headers.get('location'), `/api/v1/tenants/${slug}`);
    assert.equal(r.body.code, code);
    assert.match(r.body.name, /^(Kabupaten|Kota) /);
    assert.match(r.body.timeZone, /^Asia\//);
    const profile = await asTenant(p, { id: r.body.id, homeRegion: 'id-batam' }, (sql) => sql.maybe<{ slug: string }>(`select slug from tenant_profiles where tenant_id = $1`, [r.body.id]));
    assert.equal(profile?.slug, slug);
    const elsewhere = await asTenant(p, { id: r.body.id, homeRegion: 'id-jakarta' }, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from tenant_profiles`));
    assert.equal(elsewhere.n, 0, 'nothing of the tenant lands in the other region');
    const got = await api(p, 'GET', `/api/v1/tenants/${slug}`);
    assert.equal(got.body.id, r.body.id);
    const audit = await api(p, 'GET', `/api/v1/tenants/${slug}/audit-events`, { token: admin });
    assert.equal(audit.body.items[0].action, 'tenant.created');
    assert.equal(audit.body.items[0].actor, 'admin.platform');
  });

  it('refuses bad input with problem+json, a stable code and bilingual field errors, and writes nothing', async () => {
    const before = await counts();
    const [free] = await unusedRegencyCodes(p, 1);
    const cases: [unknown, number, string, string][] = [
      [{ code: '99.99', slug: 'kab-nowhere', homeRegion: 'id-jakarta', mppStatus: 'proposed' }, 422, 'REGION_CODE_UNKNOWN', '/code'],
      [{ code: '32', slug: 'jawa-barat', homeRegion: 'id-jakarta', mppStatus: 'proposed' }, 422, 'BODY_INVALID', '/code'],
      [{ code: free, slug: 'kab-mars', homeRegion: 'id-mars', mppStatus: 'proposed' }, 422, 'REGION_UNKNOWN', '/homeRegion'],
      [{ code: free, slug: 'kab-bandung-barat', homeRegion: 'id-jakarta', mppStatus: 'proposed' }, 409, 'TENANT_SLUG_TAKEN', '/slug'],
      [{ code: '32.17', slug: 'kbb-dua', homeRegion: 'id-jakarta', mppStatus: 'proposed' }, 409, 'TENANT_CODE_TAKEN', '/code'],
      [{ code: free, slug: 'Bad Slug!', homeRegion: 'id-jakarta', mppStatus: 'proposed', tenantId: 'x' }, 422, 'BODY_INVALID', '/slug'],
      [[1, 2, 3], 422, 'BODY_INVALID', '/'],
    ];
    for (const [body, status, code, pointer] of cases) {
      const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body, headers: { 'accept-language': 'en' } });
      assert.equal(r.status, status, `${code}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.code, code);
      assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.ok(r.body.i18n.id.title && r.body.i18n.en.title);
      assert.equal(r.body.title, r.body.i18n.en.title, 'Accept-Language: en gives English');
      assert.ok(r.body.errors.some((e: { pointer: string; message: { id: string; en: string } }) => e.pointer === pointer && e.message.id && e.message.en), `${code} names ${pointer}`);
    }
    const malformed = await api(p, 'POST', '/api/v1/tenants', { token: admin, rawBody: '{"code": "32.', headers: { 'content-type': 'application/json' } });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.code, 'MALFORMED_JSON');
    assert.equal(malformed.body.title, malformed.body.i18n.id.title, 'Indonesian by default');
    const wrongType = await api(p, 'POST', '/api/v1/tenants', { token: admin, rawBody: 'code=32.17', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(wrongType.status, 415);
    assert.deepEqual(await counts(), before, 'nothing half-written');
  });

  it('makes a retried create with the same Idempotency-Key return the first result, never a second tenant', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const body = { code, slug: `idem-${randomUUID().slice(0, 8)}`, homeRegion: 'id-jakarta', mppStatus: 'proposed' };
    const key = `test-${randomUUID()}`;
    const results = await Promise.all([1, 2, 3].map(() => api(p, 'POST', '/api/v1/tenants', { token: admin, body, headers: { 'idempotency-key': key } })));
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
    const again = await api(p, 'POST', '/api/v1/tenants', { token: admin, body, headers: { 'idempotency-key': key } });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.body.id, results[0]!.body.id);
    const reused = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { ...body, mppStatus: 'trial' }, headers: { 'idempotency-key': key } });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.code, 'IDEMPOTENCY_KEY_REUSED');
    const bad = await api(p, 'POST', '/api/v1/tenants', { token: admin, body, headers: { 'idempotency-key': 'x' } });
    assert.equal(bad.status, 400);
  });

  it('keeps tenant creation to platform admins', async () => {
    const [code] = await unusedRegencyCodes(p, 1);
    const body = { code, slug: `nope-${randomUUID().slice(0, 8)}`, homeRegion: 'id-jakarta', mppStatus: 'proposed' };
    assert.equal((await api(p, 'POST', '/api/v1/tenants', { body })).status, 401);
    assert.equal((await api(p, 'POST', '/api/v1/tenants', { body, token: await tokenFor(p, 'admin.kbb') })).status, 403);
  });

  it('answers an unknown tenant with 404 TENANT_NOT_FOUND', async () => {
    const r = await api(p, 'GET', '/api/v1/tenants/kab-atlantis');
    assert.equal(r.status, 404);
    assert.equal(r.body.code, 'TENANT_NOT_FOUND');
  });
});
