import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { ManualClock } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';
import { IDEMPOTENCY_PURGE_JOB } from '../idempotency/index.js';

async function pdf(text = 'dokumen'): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(4000, 1)]);

async function upload(p: Platform, token: string, tenant: string, id: string, code: string, body: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${p.url}/api/v1/tenants/${tenant}/applications/${id}/documents/${code}?filename=${code}.pdf`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** The next page's path from a `Link: <…>; rel="next"` header. */
function nextLink(headers: Headers): string | undefined {
  const link = headers.get('link');
  return link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
}

async function objectCount(p: Platform, region: string, prefix: string): Promise<number> {
  let n = 0;
  for await (const _ of p.store.list(region, prefix)) n++;
  return n;
}

const SKTLK = { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234567891', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' };

describe('applications, documents in S3 and the lost-KTP journey (Kapuas)', () => {
  let p: Platform;
  let citizen: string;
  let police: string;
  let dukcapil: string;
  let tenantId: string;
  const T = 'kab-kapuas';

  before(async () => {
    p = sharedPlatform();
    [citizen, police, dukcapil] = await Promise.all([tokenFor(p, 'warga.kapuas'), tokenFor(p, 'petugas.polri.kapuas'), tokenFor(p, 'petugas.dukcapil.kapuas')]);
    tenantId = (await p.services.tenants.get(T)).id;
  });

  it('runs the lost-KTP journey end to end: SKTLK issued by Polres, carried into the KTP-el replacement without re-upload', async () => {
    // 1. The citizen reports the loss online (a draft first, then the ID copy, then submit).
    const draft = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.match(draft.body.trackingCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(draft.body.status, 'draft');
    assert.equal(draft.body.channel, 'online');
    const early = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${draft.body.id}/submit`, { token: citizen });
    assert.equal(early.status, 422);
    assert.equal(early.body.code, 'DOCUMENTS_MISSING');
    assert.equal(early.body.errors[0].pointer, '/documents/identitas');
    const up = await upload(p, citizen, T, draft.body.id, 'identitas', await pdf('KTP Budi'));
    assert.equal(up.status, 201, JSON.stringify(up.body));
    assert.equal(up.body.mediaType, 'application/pdf');
    assert.match(up.body.sha256, /^[0-9a-f]{64}$/);
    const submitted = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${draft.body.id}/submit`, { token: citizen });
    assert.equal(submitted.body.status, 'submitted');
    assert.equal(submitted.body.state.code, 'diajukan');
    const sktlkId = draft.body.id;

    // 2. Two officers act at once: exactly one wins.
    const police2 = await tokenFor(p, 'petugas.polri.kapuas');
    const race = await Promise.all([police, police2].map((tok) => api(p, 'POST', `/api/v1/tenants/${T}/applications/${sktlkId}/actions/verify`, { token: tok, body: {} })));
    assert.deepEqual(race.map((r) => r.status).sort(), [200, 409]);
    // The loser read the file before the winner's commit (VERSION_CONFLICT at the lock) or after it (the step moved on).
    assert.ok(['ACTION_NOT_ALLOWED', 'VERSION_CONFLICT'].includes(race.find((r) => r.status === 409)!.body.code));
    // Another agency's officer cannot see it at all.
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${sktlkId}/actions/issue`, { token: dukcapil, body: {} })).status, 404);
    const issued = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${sktlkId}/actions/issue`, { token: police, body: {} });
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    assert.equal(issued.body.status, 'completed');
    assert.deepEqual(issued.body.outputs.map((o: { code: string }) => o.code), ['sktlk']);
    assert.deepEqual(issued.body.timeline.map((e: { action: string }) => e.action), ['created', 'submitted', 'verify', 'issue']);

    // 3. The citizen downloads the loss report (and the ID copy they sent) through short-lived links.
    const link = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${sktlkId}/outputs/sktlk/download`, { token: citizen });
    const file = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    assert.equal(file.subarray(0, 5).toString(), '%PDF-');
    const docLink = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${sktlkId}/documents/${up.body.id}/download`, { token: citizen });
    assert.equal(docLink.status, 200, JSON.stringify(docLink.body));
    assert.equal(Buffer.from(await (await fetch(docLink.body.url)).arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${sktlkId}/documents/${up.body.id}/download`, { token: dukcapil })).status, 404, 'another agency’s officer');

    // 4. The KTP-el replacement takes the SKTLK by tracking code.
    const ktp = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: citizen,
      body: { service: 'dukcapil.ktpel-penggantian', data: { nik: SKTLK.nik, noKk: '6203051503120004', namaLengkap: 'Budi Santoso', alasan: 'hilang', noSktlk: draft.body.trackingCode, tglSktlk: '2026-11-21', noHp: SKTLK.noHp } },
    });
    assert.equal(ktp.status, 201, JSON.stringify(ktp.body));
    assert.equal((await upload(p, citizen, T, ktp.body.id, 'kk', await pdf('KK'))).status, 201);
    const missing = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${ktp.body.id}/submit`, { token: citizen });
    assert.ok(missing.body.errors.some((e: { pointer: string }) => e.pointer === '/documents/sktlk'), 'the loss report is required when alasan is hilang');
    const linked = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${ktp.body.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: draft.body.trackingCode.toLowerCase() } });
    assert.equal(linked.status, 201, JSON.stringify(linked.body));
    assert.equal(linked.body.source, 'journey');
    const done = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${ktp.body.id}/submit`, { token: citizen });
    assert.equal(done.body.status, 'submitted', JSON.stringify(done.body));
    const doc = done.body.documents.find((d: { code: string }) => d.code === 'sktlk');
    assert.equal(doc.sourceApplicationId, sktlkId);
    assert.equal(doc.sha256, (await asTenant(p, T, (sql) => sql.one<{ sha256: string }>(`select sha256 from application_outputs where application_id = $1`, [sktlkId]))).sha256);

    // 5. An SKTLK older than the plugin's 14 days is refused.
    await asTenant(p, T, (sql) => sql.exec(`update application_outputs set issued_at = now() - interval '20 days' where application_id = $1`, [sktlkId]));
    const late = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: citizen,
      body: { service: 'dukcapil.ktpel-penggantian', data: { nik: SKTLK.nik, alasan: 'hilang' } },
    });
    const refused = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${late.body.id}/documents/sktlk/from-application`, { token: citizen, body: { trackingCode: draft.body.trackingCode } });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'DOCUMENT_NOT_VALID');
    // Dukcapil now works its own SOP on the replacement, to the KTP-el handed over.
    const queue = await api(p, 'GET', `/api/v1/tenants/${T}/agencies/dukcapil/queue`, { token: dukcapil });
    assert.ok(queue.body.items.some((i: { id: string }) => i.id === ktp.body.id), 'in the Disdukcapil queue');
    for (const action of ['verify', 'print', 'issue']) {
      const r = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${ktp.body.id}/actions/${action}`, { token: dukcapil, body: {} });
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    }
    const finished = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${ktp.body.id}`, { token: citizen });
    assert.equal(finished.body.status, 'completed');
    assert.match(finished.body.state.name.id, /^Selesai/);
    assert.deepEqual(finished.body.outputs.map((o: { code: string }) => o.code), ['ktp-el']);
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const app = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    const id = app.body.id as string;
    const prefix = `t/${tenantId}/a/${id}/`;
    const cases: [Buffer, number, string][] = [
      [exe, 415, 'UPLOAD_TYPE_NOT_ACCEPTED'],
      [Buffer.alloc(0), 400, 'UPLOAD_EMPTY'],
      [Buffer.concat([await pdf(), Buffer.alloc(5 * 1024 * 1024 + 10)]), 413, 'UPLOAD_TOO_LARGE'],
      [Buffer.from('just some text, named .pdf'), 415, 'UPLOAD_TYPE_NOT_ACCEPTED'],
    ];
    for (const [body, status, code] of cases) {
      const r = await upload(p, citizen, T, id, 'identitas', body);
      assert.equal(r.status, status, `${code}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.code, code);
      assert.ok(r.body.i18n.id.title && r.body.i18n.en.title);
    }
    const exeDetail = await upload(p, citizen, T, id, 'identitas', exe);
    assert.match(exeDetail.body.i18n.en.detail, /application\/x-msdownload/);
    assert.equal(await objectCount(p, 'id-batam', prefix), 0, 'no object from a refused upload');
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${id}`, { token: citizen })).body.documents.length, 0);

    const badForm = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: { ...SKTLK, nik: '123', noHp: 'x' }, submit: true } });
    assert.equal(badForm.status, 422);
    assert.equal(badForm.body.code, 'FORM_INVALID');
    assert.deepEqual(badForm.body.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/data/nik', '/data/noHp']);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.nope' } })).body.code, 'SERVICE_NOT_FOUND');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'imigrasi.paspor-baru' } })).body.code, 'SERVICE_NOT_FOUND', 'not installed in Kapuas');
    const stranger = await tokenFor(p, 'warga.kbb');
    const foreign = await upload(p, stranger, T, id, 'identitas', await pdf());
    assert.equal(foreign.status, 404, "someone else's application");
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${id}`, { token: stranger })).status, 404);
    assert.equal((await upload(p, citizen, T, id, 'nope', await pdf())).body.code, 'DOCUMENT_TYPE_UNKNOWN');
  });

  it('makes retried submits and uploads with an Idempotency-Key return the first result', async () => {
    const key = `k-${randomUUID()}`;
    const app = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK }, headers: { 'idempotency-key': key } });
    const again = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK }, headers: { 'idempotency-key': key } });
    assert.equal(again.body.id, app.body.id);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    // The key is claimed by the create's own transaction and its answer stored by the same commit:
    // concurrent twins wait for the first and get its answer; one application however many retries.
    const key2 = `k-${randomUUID()}`;
    const twins = await Promise.all([1, 2, 3].map(() => api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { data: SKTLK, service: 'polri.sktlk' }, headers: { 'idempotency-key': key2 } })));
    assert.deepEqual(twins.map((r) => r.status), [201, 201, 201]);
    assert.equal(new Set(twins.map((r) => r.body.id)).size, 1, 'member order does not matter; one application');
    assert.equal(twins.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 2);
    // The same key from another caller is theirs, never an answer to them with someone else's data.
    const other = await api(p, 'POST', `/api/v1/tenants/kab-bandung-barat/applications`, { token: await tokenFor(p, 'warga.kbb'), body: { service: 'dukcapil.ktpel-penggantian', data: {} }, headers: { 'idempotency-key': key2 } });
    assert.equal(other.status, 201);
    assert.notEqual(other.body.id, twins[0]!.body.id);
    const reused = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: {} }, headers: { 'idempotency-key': key2 } });
    assert.deepEqual([reused.status, reused.body.code], [422, 'IDEMPOTENCY_KEY_REUSED']);
    const file = await pdf('retry');
    const ukey = `u-${randomUUID()}`;
    const ups = await Promise.all([1, 2, 3].map(() => upload(p, citizen, T, app.body.id, 'identitas', file, { 'idempotency-key': ukey })));
    assert.deepEqual(ups.map((u) => u.status), [201, 201, 201]);
    assert.equal(new Set(ups.map((u) => u.body.id)).size, 1);
    const docs = (await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.body.id}`, { token: citizen })).body.documents;
    assert.equal(docs.length, 1, 'one document, however many retries');
    assert.equal(await objectCount(p, 'id-batam', `t/${tenantId}/a/${app.body.id}/`), 1);
    // Without a key (or after the key's record was lost in a crash), the same bytes for the same
    // document are still one document: the retry gets the first one back.
    const again2 = await upload(p, citizen, T, app.body.id, 'identitas', file);
    assert.deepEqual([again2.status, again2.body.id], [201, ups[0]!.body.id]);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.body.id}`, { token: citizen })).body.documents.length, 1);
    assert.equal(await objectCount(p, 'id-batam', `t/${tenantId}/a/${app.body.id}/`), 1, 'the second copy of the object is removed');
  });

  it('saves drafts on the server to resume on another device, and lists them', async () => {
    const app = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: { nik: SKTLK.nik } } });
    const otherDevice = await tokenFor(p, 'warga.kapuas');
    const read = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${app.body.id}`, { token: otherDevice });
    const updated = await api(p, 'PATCH', `/api/v1/tenants/${T}/applications/${app.body.id}`, { token: otherDevice, body: { data: { ...SKTLK } }, headers: { 'if-match': read.headers.get('etag')! } });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(updated.body.data.lokasiKejadian, SKTLK.lokasiKejadian);
    const mine = await api(p, 'GET', `/api/v1/tenants/${T}/applications?status=draft`, { token: otherDevice });
    assert.ok(mine.body.items.some((a: { id: string }) => a.id === app.body.id));
  });

  it('versions drafts: ETag on read, 304 when unchanged, 428 without If-Match, 412 when stale (and nothing written)', async () => {
    const path = `/api/v1/tenants/${T}/applications`;
    const made = await api(p, 'POST', path, { token: citizen, body: { service: 'polri.sktlk', data: { nik: SKTLK.nik } } });
    assert.equal(made.headers.get('etag'), `"${made.body.version}"`);
    const url = `${path}/${made.body.id}`;
    const first = await api(p, 'GET', url, { token: citizen });
    const etag = first.headers.get('etag')!;
    assert.equal(etag, made.headers.get('etag'), 'the ETag is the version: the same for the creator’s answer and a read');
    const again = await api(p, 'GET', url, { token: citizen, headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);

    const missing = await api(p, 'PATCH', url, { token: citizen, body: { data: { ...SKTLK, kronologi: 'tanpa If-Match' } } });
    assert.deepEqual([missing.status, missing.body.code], [428, 'PRECONDITION_REQUIRED']);
    const saved = await api(p, 'PATCH', url, { token: citizen, body: { data: { ...SKTLK } }, headers: { 'if-match': etag } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const etag2 = saved.headers.get('etag')!;
    assert.notEqual(etag2, etag);
    assert.equal(etag2, `"${saved.body.version}"`);
    // The other device still holds the first ETag: its save is refused, not written over the first.
    const stale = await api(p, 'PATCH', url, { token: citizen, body: { data: { nik: SKTLK.nik, kronologi: 'perangkat lain' } }, headers: { 'if-match': etag } });
    assert.deepEqual([stale.status, stale.body.code], [412, 'PRECONDITION_FAILED']);
    const now = await api(p, 'GET', url, { token: citizen, headers: { 'if-none-match': etag } });
    assert.equal(now.status, 200, 'changed since the first ETag');
    assert.equal(now.headers.get('etag'), etag2);
    assert.equal(now.body.data.kronologi, SKTLK.kronologi, 'neither refused write happened');

    // A document is a change of the application: a new ETag.
    assert.equal((await upload(p, citizen, T, made.body.id, 'identitas', await pdf('versi'))).status, 201);
    const withDoc = await api(p, 'GET', url, { token: citizen, headers: { 'if-none-match': etag2 } });
    assert.equal(withDoc.status, 200);
    assert.notEqual(withDoc.headers.get('etag'), etag2);
    const submitted = await api(p, 'POST', `${url}/submit`, { token: citizen });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.headers.get('etag'), `"${withDoc.body.version + 1}"`);
    const late = await api(p, 'PATCH', url, { token: citizen, body: { data: { ...SKTLK } }, headers: { 'if-match': submitted.headers.get('etag')! } });
    assert.deepEqual([late.status, late.body.code], [409, 'APPLICATION_NOT_EDITABLE']);
  });

  it('pages the caller’s applications: a walk gives every row exactly once while new ones arrive', async () => {
    const walker = await tokenFor(p, 'warga.kapuas');
    const path = `/api/v1/tenants/${T}/applications`;
    const create = async () => (await api(p, 'POST', path, { token: walker, body: { service: 'polri.sktlk', data: { nik: SKTLK.nik } } })).body.id as string;
    for (let i = 0; i < 5; i++) await create();
    const everything: string[] = [];
    for (let url: string | undefined = `${path}?limit=200`; url; ) {
      const r = await api(p, 'GET', url, { token: walker });
      everything.push(...r.body.items.map((a: { id: string }) => a.id));
      url = nextLink(r.headers);
    }
    assert.ok(everything.length >= 5);

    const seen: string[] = [];
    const added: string[] = [];
    let pages = 0;
    for (let url: string | undefined = `${path}?limit=2`; url; pages++) {
      const r = await api(p, 'GET', url, { token: walker });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.items.length <= 2);
      seen.push(...r.body.items.map((a: { id: string }) => a.id));
      assert.equal(Boolean(r.body.next), Boolean(r.headers.get('link')), 'a Link header exactly when there is a next page');
      url = nextLink(r.headers);
      // Someone applies between two pages.
      added.push(await create());
    }
    assert.ok(pages >= 3, `walked ${pages} pages`);
    const before = new Set(everything);
    assert.deepEqual(
      seen.filter((id) => before.has(id)),
      everything,
      'every application that existed is seen once, in the same order',
    );
    assert.equal(new Set(seen).size, seen.length, 'no row twice');
    assert.ok(added.every((id) => !before.has(id)));

    // A cursor belongs to its query: with other filters it is refused.
    const firstPage = await api(p, 'GET', `${path}?limit=1`, { token: walker });
    const moved = await api(p, 'GET', `${path}?limit=1&status=submitted&cursor=${firstPage.body.next}`, { token: walker });
    assert.deepEqual([moved.status, moved.body.code], [400, 'CURSOR_INVALID']);
  });

  it('re-checks access before replaying an idempotent answer', async () => {
    const made = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal((await upload(p, citizen, T, made.body.id, 'identitas', await pdf('akses'))).status, 201);
    const url = `/api/v1/tenants/${T}/applications/${made.body.id}/submit`;
    const key = `s-${randomUUID()}`;
    const first = await api(p, 'POST', url, { token: citizen, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const replay = await api(p, 'POST', url, { token: citizen, headers: { 'idempotency-key': key } });
    assert.deepEqual([replay.status, replay.headers.get('idempotent-replayed')], [200, 'true']);
    // The application is no longer the caller's (handed to another account): a fresh request is
    // refused, and so is the replay of the stored answer.
    await asTenant(p, T, (sql) => sql.exec(`update applications set applicant_sub = 'akun-lain', filed_by_sub = 'akun-lain' where id = $1`, [made.body.id]));
    const fresh = await api(p, 'POST', url, { token: citizen });
    assert.deepEqual([fresh.status, fresh.body.code], [404, 'APPLICATION_NOT_FOUND']);
    const refused = await api(p, 'POST', url, { token: citizen, headers: { 'idempotency-key': key } });
    assert.deepEqual([refused.status, refused.body.code], [fresh.status, fresh.body.code]);
    assert.equal(refused.headers.get('idempotent-replayed'), null);
    assert.equal(refused.body.trackingCode, undefined, 'nothing of the application leaks');
  });

  it('forgets Idempotency-Keys after a day: the purge job drops the records and clears old create keys', async () => {
    const path = `/api/v1/tenants/${T}/applications`;
    const key = `p-${randomUUID()}`;
    const body = { service: 'polri.sktlk', data: { nik: SKTLK.nik } };
    const first = await api(p, 'POST', path, { token: citizen, body, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 201);
    const again = await api(p, 'POST', path, { token: citizen, body, headers: { 'idempotency-key': key } });
    assert.deepEqual([again.body.id, again.headers.get('idempotent-replayed')], [first.body.id, 'true']);
    // Rows written before the unit of work kept keys in its records held the raw key beside them.
    await asTenant(p, T, (sql) => sql.exec(`update applications set create_key = $2 where id = $1`, [first.body.id, key]));

    const tenant = await p.services.tenants.get(T);
    const later = new ManualClock(new Date(Date.now() + 25 * 3600_000));
    await p.runJob(IDEMPOTENCY_PURGE_JOB, { region: tenant.homeRegion }, { clock: later });

    const row = await asTenant(p, T, (sql) => sql.one<{ create_key: string | null }>(`select create_key from applications where id = $1`, [first.body.id]));
    assert.equal(row.create_key, null, 'the old create key is cleared');
    const fresh = await api(p, 'POST', path, { token: citizen, body, headers: { 'idempotency-key': key } });
    assert.equal(fresh.status, 201);
    assert.notEqual(fresh.body.id, first.body.id, 'the key answers no more: a new application');
    assert.equal(fresh.headers.get('idempotent-replayed'), null);
  });

  it('lets a village operator file for a citizen with recorded consent (assisted channel)', async () => {
    const operator = await tokenFor(p, 'operator.desa.kbb');
    const base = { service: 'dukcapil.ktpel-penggantian', data: { nik: '3217064101900001', alasan: 'rusak' }, applicant: { nik: '3217064101900001', name: 'Ibu Euis', phone: '081298765432' } };
    const noConsent = await api(p, 'POST', '/api/v1/tenants/kab-bandung-barat/applications', { token: operator, body: base });
    assert.equal(noConsent.body.code, 'CONSENT_REQUIRED');
    const r = await api(p, 'POST', '/api/v1/tenants/kab-bandung-barat/applications', {
      token: operator,
      body: { ...base, consent: { statement: 'Pemohon menyetujui pengajuan dibantu operator desa.', method: 'signed-form' } },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.channel, 'assisted');
    assert.equal(r.body.consent.recordedBy, 'operator.desa.kbb');
    assert.equal(r.body.applicant.name, 'Ibu Euis');
  });
});
