import assert from 'node:assert/strict';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

describe('plugins: checking a manifest without publishing it (the editor’s lint)', () => {
  let p: Platform;
  let dukcapil: Record<string, any>;
  before(async () => {
    p = sharedPlatform();
    dukcapil = (await api(p, 'GET', '/api/v1/plugins/dukcapil/versions/1.1.0')).body.manifest;
  });

  it('answers every problem in both languages, and the hash a clean manifest would get, publishing nothing', async () => {
    const publisher = await tokenFor(p, 'publisher.dukcapil');
    const next = structuredClone(dukcapil);
    next.version = `1.0.${900000 + Math.floor(Math.random() * 99999)}`;
    const clean = await api(p, 'POST', '/api/v1/plugins/lint', { token: publisher, body: next });
    assert.equal(clean.status, 200, JSON.stringify(clean.body));
    assert.deepEqual([clean.body.ok, clean.body.issues, clean.body.published], [true, [], false]);
    assert.match(clean.body.contentHash, /^sha256:[0-9a-f]{64}$/);
    const same = await api(p, 'POST', '/api/v1/plugins/lint', { token: publisher, body: dukcapil });
    assert.deepEqual([same.status, same.body.ok, same.body.published], [200, true, true], 'the version number of a published version is taken');
    const broken = structuredClone(next);
    broken.services[0].form.ui.order.push('tidakAda');
    broken.services[0].sop.initial = 'entah';
    const r = await api(p, 'POST', '/api/v1/plugins/lint', { token: publisher, body: broken });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.ok, false);
    assert.equal(r.body.contentHash, null);
    const pointers = r.body.issues.map((i: { pointer: string }) => i.pointer);
    assert.ok(pointers.includes('/services/0/sop/initial'), pointers.join(', '));
    assert.ok(pointers.some((x: string) => x.startsWith('/services/0/form/ui/order/')), pointers.join(', '));
    for (const i of r.body.issues) assert.ok(i.message.id && i.message.en);
    // Nothing was published.
    const v = await api(p, 'GET', `/api/v1/plugins/dukcapil/versions/${next.version}`);
    assert.equal(v.status, 404);
  });

  it('refuses a publisher of another agency (403), a citizen (403) and anyone signed out (401)', async () => {
    const body = structuredClone(dukcapil);
    const other = await api(p, 'POST', '/api/v1/plugins/lint', { token: await tokenFor(p, 'publisher.imigrasi'), body });
    assert.deepEqual([other.status, other.body.code], [403, 'AGENCY_NOT_ALLOWED']);
    const citizen = await api(p, 'POST', '/api/v1/plugins/lint', { token: await tokenFor(p, 'warga.kbb'), body });
    assert.equal(citizen.status, 403);
    const anonymous = await api(p, 'POST', '/api/v1/plugins/lint', { body });
    assert.equal(anonymous.status, 401);
  });
});
