import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { api, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

/** Imigrasi's passport sessions as a regency sets them: Tuesdays and Thursdays, 20 people each. */
const SESSIONS = { appointmentRequired: true, sessions: [{ days: ['TUE', 'THU'], start: '09:00', end: '12:00', capacity: 20 }], onlineShare: 0.8 };

describe('installations: pinned versions, overlays with ETags, paged history', () => {
  let p: Platform;
  let admin: string;
  let slug: string;
  let base: string;
  before(async () => {
    p = sharedPlatform();
    admin = await tokenFor(p, 'admin.platform');
    const [code] = await unusedRegencyCodes(p, 1);
    slug = `ins-${randomUUID().slice(0, 8)}`;
    assert.equal((await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug, mppStatus: 'preparing' } })).status, 201);
    base = `/api/v1/tenants/${slug}/installations`;
  });

  const put = (path: string, body: unknown, headers: Record<string, string> = {}) => api(p, 'PUT', path, { token: admin, body, headers });
  const get = (path: string, headers: Record<string, string> = {}) => api(p, 'GET', path, { token: admin, headers });

  it('answers an installation with its ETag; If-Match on a version move is optional but honoured', async () => {
    const installed = await put(`${base}/imigrasi`, { version: '1.1.0' });
    assert.equal(installed.status, 200, JSON.stringify(installed.body));
    assert.equal(installed.body.action, 'installed');
    const tag = installed.headers.get('etag')!;
    assert.ok(tag);
    const read = await get(`${base}/imigrasi`);
    assert.deepEqual([read.status, read.headers.get('etag'), read.body.version], [200, tag, '1.1.0']);
    assert.equal((await get(`${base}/imigrasi`, { 'if-none-match': tag })).status, 304);
    assert.deepEqual([(await put(`${base}/imigrasi`, { version: '1.1.0' }, { 'if-none-match': '*' })).status], [412], 'install-only never touches an installation');
    assert.equal((await put(`${base}/imigrasi`, { version: '1.1.0' }, { 'if-match': '"stale"' })).status, 412);
    const same = await put(`${base}/imigrasi`, { version: '1.1.0' }, { 'if-match': tag });
    assert.deepEqual([same.status, same.body.action, same.headers.get('etag')], [200, 'unchanged', tag]);
    assert.deepEqual([(await get(`${base}/polri`)).status, (await get(`${base}/polri`)).body.code], [404, 'PLUGIN_NOT_INSTALLED']);
    assert.equal((await put(`${base}/imigrasi`, { version: '7.7.7' })).body.code, 'PLUGIN_NOT_FOUND');
  });

  it('sets the passport schedule (Tue/Thu, 20 people) and refuses blind or stale replacements: 428, 412, and nothing written', async () => {
    const url = `${base}/imigrasi/overlays/paspor-baru`;
    const none = await get(url);
    assert.deepEqual([none.status, none.body.code], [404, 'OVERLAY_NOT_SET']);
    const created = await put(url, { schedule: SESSIONS });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.deepEqual(created.body, { schedule: SESSIONS });
    const e1 = created.headers.get('etag')!;
    const read = await get(url);
    assert.deepEqual([read.status, read.headers.get('etag'), read.body], [200, e1, { schedule: SESSIONS }]);
    assert.equal((await get(url, { 'if-none-match': e1 })).status, 304, 'unchanged: 304');

    const monday = { schedule: { ...SESSIONS, sessions: [{ days: ['MON'], start: '08:00', end: '11:00', capacity: 30 }] } };
    const blind = await put(url, monday);
    assert.deepEqual([blind.status, blind.body.code, blind.body.errors[0].pointer], [428, 'PRECONDITION_REQUIRED', '/headers/if-match']);
    const stale = await put(url, monday, { 'if-match': '"1-bukan-ini"' });
    assert.deepEqual([stale.status, stale.body.code, stale.body.currentEtag], [412, 'PRECONDITION_FAILED', e1]);
    assert.equal((await put(url, monday, { 'if-none-match': '*' })).status, 412, 'create-only never replaces');
    const after = await get(url);
    assert.deepEqual([after.body, after.headers.get('etag')], [{ schedule: SESSIONS }, e1], 'the refused writes did not happen');
    const history = await get(`${base}/imigrasi/history?limit=200`);
    assert.equal(history.body.items.filter((e: { action: string }) => e.action === 'plugin.overlay.set').length, 1, 'nor were they audited');

    const replaced = await put(url, monday, { 'if-match': e1 });
    assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
    const e2 = replaced.headers.get('etag')!;
    assert.ok(e2 && e2 !== e1, 'each write changes the ETag');
    assert.equal((await get(url, { 'if-none-match': e1 })).status, 200, 'the old ETag no longer matches');
    assert.equal((await put(url, { schedule: SESSIONS }, { 'if-match': e1 })).status, 412, 'two admins editing: the second, holding the old ETag, is refused');
    const back = await put(url, { schedule: SESSIONS }, { 'if-match': e2 });
    assert.equal(back.status, 200);
    assert.ok(![e1, e2].includes(back.headers.get('etag')!), 'back to the first content, but a new version: a new ETag');

    // The overlay is part of the installation: its ETag moved too.
    const inst = await get(`${base}/imigrasi`);
    assert.deepEqual(inst.body.overlays['paspor-baru'], { schedule: SESSIONS });
  });

  it('checks overlays: the shape by the schema (BODY_INVALID), what the plugin allows (OVERLAY_INVALID), the service (404)', async () => {
    const url = `${base}/imigrasi/overlays/paspor-baru`;
    const tag = (await get(url)).headers.get('etag')!;
    const shape = await put(url, { schedule: { ...SESSIONS, sessions: [{ days: ['TUE'], start: '9 pagi', end: '12:00', capacity: 0 }] } }, { 'if-match': tag });
    assert.deepEqual([shape.status, shape.body.code], [422, 'BODY_INVALID']);
    assert.deepEqual(shape.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/schedule/sessions/0/capacity', '/schedule/sessions/0/start']);
    const locked = await put(url, { fee: { kind: 'fixed', amount: 1, legalBasis: 'Perda 1/2026', locked: false } }, { 'if-match': tag });
    assert.deepEqual([locked.status, locked.body.code, locked.body.errors[0].pointer], [422, 'OVERLAY_INVALID', '/fee']);
    assert.equal((await get(url)).headers.get('etag'), tag, 'refused overlays change nothing');
    const nope = await put(`${base}/imigrasi/overlays/tidak-ada`, { counter: { name: 'Gerai 9' } });
    assert.deepEqual([nope.status, nope.body.code], [404, 'SERVICE_NOT_FOUND']);
    assert.equal((await get(`${base}/imigrasi/overlays/tidak-ada`)).body.code, 'SERVICE_NOT_FOUND');
    const notInstalled = await put(`${base}/bpn/overlays/peralihan-hak`, { counter: { name: 'Gerai 9' } });
    assert.deepEqual([notInstalled.status, notInstalled.body.code], [404, 'PLUGIN_NOT_INSTALLED']);
  });

  it('walks the history page by page: every event exactly once, newest first, while events are added between pages', async () => {
    const url = `${base}/imigrasi/overlays/paspor-baru`;
    let tag = (await get(url)).headers.get('etag')!;
    // Enough events for several pages of 2.
    for (let capacity = 21; capacity <= 25; capacity++) {
      const r = await put(url, { schedule: { ...SESSIONS, sessions: [{ ...SESSIONS.sessions[0]!, capacity }] } }, { 'if-match': tag });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      tag = r.headers.get('etag')!;
    }
    const whole = (await get(`${base}/imigrasi/history?limit=200`)).body.items.map((e: { id: string }) => e.id);
    assert.ok(whole.length >= 9, `${whole.length} events`);
    const seen: string[] = [];
    const times: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const r = await get(`${base}/imigrasi/history?limit=2${next ? `&cursor=${next}` : ''}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.items.length <= 2);
      seen.push(...r.body.items.map((e: { id: string }) => e.id));
      times.push(...r.body.items.map((e: { at: string }) => e.at));
      next = r.body.next;
      if (next) assert.equal(r.headers.get('link'), `</api/v1/tenants/${slug}/installations/imigrasi/history?limit=2&cursor=${next}>; rel="next"`);
      else assert.equal(r.headers.get('link'), null, 'no Link on the last page');
      pages++;
      // Someone changes the overlay while the client pages: the new event is newer than every page read.
      const r2 = await put(url, { schedule: { ...SESSIONS, sessions: [{ ...SESSIONS.sessions[0]!, capacity: 30 + pages }] } }, { 'if-match': tag });
      assert.equal(r2.status, 200);
      tag = r2.headers.get('etag')!;
    } while (next);
    assert.ok(pages >= 5);
    assert.deepEqual(seen, whole, 'exactly the events there were when the walk began, each once, in order');
    assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    const now = (await get(`${base}/imigrasi/history?limit=200`)).body.items;
    assert.equal(now.length, whole.length + pages, 'the events added meanwhile are there for the next walk');
    assert.deepEqual(now[0].data.to.schedule.sessions[0].capacity, 30 + pages);
    const real = JSON.parse(Buffer.from((await get(`${base}/imigrasi/history?limit=2`)).body.next, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...real, k: ['kemarin', real.k[1]] })).toString('base64url');
    const refused = await get(`${base}/imigrasi/history?limit=2&cursor=${forged}`);
    assert.deepEqual([refused.status, refused.body.code], [400, 'CURSOR_INVALID'], 'a forged key is refused, not a database error');
  });

  it('pages the installations and uninstalls with an optional If-Match', async () => {
    assert.equal((await put(`${base}/polri`, { version: '1.1.0' })).status, 200);
    assert.equal((await put(`${base}/dukcapil`, { version: '1.1.0' })).status, 200);
    const first = await get(`${base}?limit=2`);
    assert.deepEqual(first.body.items.map((i: { plugin: string }) => i.plugin), ['dukcapil', 'imigrasi']);
    const rest = await get(`${base}?limit=2&cursor=${first.body.next}`);
    assert.deepEqual([rest.body.items.map((i: { plugin: string }) => i.plugin), rest.body.next], [['polri'], null]);

    const tag = (await get(`${base}/polri`)).headers.get('etag')!;
    assert.equal((await api(p, 'DELETE', `${base}/polri`, { token: admin, headers: { 'if-match': '"stale"' } })).status, 412);
    assert.equal((await get(`${base}/polri`)).status, 200, 'still installed');
    assert.equal((await api(p, 'DELETE', `${base}/polri`, { token: admin, headers: { 'if-match': tag } })).status, 204);
    assert.equal((await api(p, 'DELETE', `${base}/dukcapil`, { token: admin })).status, 204, 'without If-Match: unconditional');
    const gone = await get(`${base}/polri`);
    assert.deepEqual([gone.status, gone.body.code], [404, 'PLUGIN_NOT_INSTALLED']);
    const history = (await get(`${base}/polri/history`)).body.items.map((e: { action: string }) => e.action);
    assert.deepEqual(history, ['plugin.uninstalled', 'plugin.installed'], 'the history outlives the installation');
  });
});
