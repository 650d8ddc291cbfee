import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { api, reissuedToken, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '../../platform.js';

const T = 'kab-bandung-barat';
const FORM = { nik: '3217064101900001', noKk: '3217061503120004', namaLengkap: 'Ibu Euis', alasan: 'rusak', noHp: '081298765432' };

/** A token for a person with other memberships (signed by the embedded issuer, as a changed Keycloak account would be). */
async function withMemberships(p: Platform, token: string, memberships: string[], extra: Record<string, unknown> = {}): Promise<string> {
  return reissuedToken(p, token, { memberships, ...extra });
}

/** A 1×1 PNG (the damaged card's photo). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

/** A KTP-el replacement application filed for a villager by `filer` (village operator or officer) with consent; submitted unless `draft`. */
async function filed(p: Platform, filer: string, draft = false): Promise<string> {
  const r = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
    token: filer,
    body: {
      service: 'dukcapil.ktpel-penggantian',
      data: FORM,
      applicant: { nik: FORM.nik, name: 'Ibu Euis', phone: '081298765432' },
      consent: { statement: 'Pemohon menyetujui pengajuan dibantu dan nomornya dipakai untuk kabar permohonan.', method: 'signed-form' },
    },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  if (draft) return r.body.id;
  for (const code of ['kk', 'ktp-rusak']) {
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${r.body.id}/documents/${code}?filename=${code === 'kk' ? 'kk.pdf' : 'ktp.png'}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${filer}`, 'content-type': code === 'kk' ? 'application/pdf' : 'image/png' },
      body: code === 'kk' ? await pdf('KK Ibu Euis') : PNG,
    });
    assert.equal(up.status, 201);
  }
  const s = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${r.body.id}/submit`, { token: filer });
  assert.equal(s.status, 200, JSON.stringify(s.body));
  return r.body.id;
}

describe('walk-in queue tickets and the counter board', () => {
  let p: Platform;
  let operator: string;
  let dukcapil: string;
  let imigrasi: string;
  before(async () => {
    p = sharedPlatform();
    [operator, dukcapil, imigrasi] = await Promise.all([tokenFor(p, 'operator.desa.kbb'), tokenFor(p, 'petugas.dukcapil.kbb'), tokenFor(p, 'petugas.imigrasi.kbb')]);
  });

  // Numbers left waiting at counter 1 would be called before later tests' bookings there: mark them absent.
  const issued: string[] = [];
  after(async () => {
    const token = await tokenFor(p, 'petugas.dukcapil.kbb');
    for (const id of issued) await api(p, 'POST', `/api/v1/tenants/${T}/queue-tickets/${id}/no-show`, { token });
  });

  it('gives the village operator who filed an application one queue number a day at its counter; retries answer the same ticket', async () => {
    const id = await filed(p, operator);
    const path = `/api/v1/tenants/${T}/applications/${id}/queue-ticket`;
    const key = randomUUID();
    const first = await api(p, 'POST', path, { token: operator, headers: { 'idempotency-key': key } });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    issued.push(first.body.id);
    assert.equal(first.body.counter, '1', 'the regency’s counter for KTP-el');
    assert.equal(first.body.counterName, 'Gerai Disdukcapil KBB');
    assert.equal(first.body.service, 'dukcapil.ktpel-penggantian');
    assert.equal(first.body.status, 'waiting');
    assert.match(first.body.ticket, /^1-\d{3}$/);
    assert.equal(first.body.ticket, `1-${String(first.body.queueNumber).padStart(3, '0')}`);
    const replay = await api(p, 'POST', path, { token: operator, headers: { 'idempotency-key': key } });
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    const again = await api(p, 'POST', path, { token: operator });
    assert.equal(again.body.id, first.body.id, 'one ticket per application per day');
    const byOfficer = await api(p, 'POST', path, { token: dukcapil });
    assert.equal(byOfficer.status, 200);
    assert.equal(byOfficer.body.id, first.body.id, 'the counter officer sees the same ticket');
  });

  it('refuses a queue number to others: anonymous, a citizen, the tenant admin, another agency’s officer, another operator, an operator of another tenant; and for a draft', async () => {
    const id = await filed(p, operator);
    const path = `/api/v1/tenants/${T}/applications/${id}/queue-ticket`;
    assert.equal((await api(p, 'POST', path)).status, 401);
    assert.equal((await api(p, 'POST', path, { token: await tokenFor(p, 'warga.kbb') })).status, 403);
    assert.equal((await api(p, 'POST', path, { token: await tokenFor(p, 'admin.kbb') })).status, 403);
    const other = await api(p, 'POST', path, { token: imigrasi });
    assert.equal(other.status, 404);
    assert.equal(other.body.code, 'APPLICATION_NOT_FOUND');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/kab-kapuas/applications/${id}/queue-ticket`, { token: operator })).status, 403, 'the operator serves KBB only');
    // Another village operator of KBB (another person), and this operator once moved to Kapuas.
    // (Tokens with other memberships are signed with the embedded issuer's key: not in the Keycloak tier.)
    if (p.issuer) {
      const colleague = await withMemberships(p, operator, ['/tenants/kab-bandung-barat/village-operator'], { sub: `operator-${randomUUID()}`, preferred_username: 'operator.lain.kbb' });
      assert.equal((await api(p, 'POST', path, { token: colleague })).status, 404, 'only the operator who filed it');
      const moved = await withMemberships(p, operator, ['/tenants/kab-kapuas/village-operator']);
      assert.equal((await api(p, 'POST', path, { token: moved })).status, 403, 'an operator of another tenant');
    }
    const draft = await filed(p, operator, true);
    const open = await api(p, 'POST', `/api/v1/tenants/${T}/applications/${draft}/queue-ticket`, { token: operator });
    assert.equal(open.status, 409);
    assert.equal(open.body.code, 'QUEUE_TICKET_NOT_OPEN');
  });

  it('shows the counter its waiting numbers (ticket and service only), calls them in order with bookings, and marks a no-show', async () => {
    const id = await filed(p, dukcapil);
    const mine = (await api(p, 'POST', `/api/v1/tenants/${T}/applications/${id}/queue-ticket`, { token: dukcapil })).body;
    const board = await api(p, 'GET', `/api/v1/tenants/${T}/counters`, { token: dukcapil });
    assert.equal(board.status, 200, JSON.stringify(board.body));
    const two = board.body.items.find((c: { counter: string }) => c.counter === '1');
    assert.ok(two, 'Dukcapil’s counter 1 is on the board');
    assert.deepEqual(two.agencies, ['dukcapil']);
    const waiting = two.waiting.find((w: { id: string }) => w.id === mine.id);
    assert.deepEqual(waiting, { id: mine.id, kind: 'ticket', ticket: mine.ticket, service: 'dukcapil.ktpel-penggantian' }, 'no name among the waiting');
    const others = (await api(p, 'GET', `/api/v1/tenants/${T}/counters`, { token: imigrasi })).body.items.map((c: { counter: string }) => c.counter);
    assert.ok(!others.includes('1'), 'another agency’s officer does not see counter 1');

    // Numbers are called lowest first; ours comes in its turn.
    let called: { id: string; kind: string; ticket: string; name: string | null } | null = null;
    for (let i = 0; i < 50 && called?.id !== mine.id; i++) {
      const r = await api(p, 'POST', `/api/v1/tenants/${T}/counters/1/call-next`, { token: dukcapil });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.ok(r.body.called, 'our number is still waiting, so someone is called');
      called = r.body.called;
    }
    assert.deepEqual(called, { id: mine.id, kind: 'ticket', ticket: mine.ticket, name: 'Ibu Euis' });
    const after = (await api(p, 'GET', `/api/v1/tenants/${T}/counters`, { token: dukcapil })).body.items.find((c: { counter: string }) => c.counter === '1');
    assert.equal(after.current?.id, mine.id);
    assert.ok(!after.waiting.some((w: { id: string }) => w.id === mine.id));

    // The hall display (public): numbers only.
    const hall = await api(p, 'GET', `/api/v1/tenants/${T}/queue-display`);
    assert.equal(hall.status, 200, JSON.stringify(hall.body));
    const one = hall.body.items.find((c: { counter: string }) => c.counter === '1');
    assert.equal(one.current, mine.ticket);
    assert.equal(one.name, 'Gerai Disdukcapil KBB');
    assert.ok(!JSON.stringify(hall.body).includes('Euis'), 'no names on the hall display');
    assert.ok(one.recent.length <= 3 && !one.recent.includes(mine.ticket));
    assert.equal((await api(p, 'GET', `/api/v1/tenants/tidak-ada/queue-display`)).status, 404);

    const noShow = `/api/v1/tenants/${T}/queue-tickets/${mine.id}/no-show`;
    assert.equal((await api(p, 'POST', noShow)).status, 401);
    assert.equal((await api(p, 'POST', noShow, { token: await tokenFor(p, 'warga.kbb') })).status, 403);
    assert.equal((await api(p, 'POST', noShow, { token: imigrasi })).body.code, 'QUEUE_TICKET_NOT_FOUND');
    assert.equal((await api(p, 'POST', `/api/v1/tenants/kab-kapuas/queue-tickets/${mine.id}/no-show`, { token: await tokenFor(p, 'admin.kapuas') })).status, 404);
    const r = await api(p, 'POST', noShow, { token: dukcapil });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { id: mine.id, status: 'no-show' });
  });

  it('shows the board to staff only', async () => {
    const path = `/api/v1/tenants/${T}/counters`;
    assert.equal((await api(p, 'GET', path)).status, 401);
    assert.equal((await api(p, 'GET', path, { token: await tokenFor(p, 'warga.kbb') })).status, 403);
    assert.equal((await api(p, 'GET', path, { token: operator })).status, 403);
    assert.equal((await api(p, 'GET', path, { token: await tokenFor(p, 'admin.kapuas') })).status, 403);
    const admin = await api(p, 'GET', path, { token: await tokenFor(p, 'admin.kbb') });
    assert.equal(admin.status, 200);
    assert.ok(['1', '2', '7'].every((c) => admin.body.items.some((i: { counter: string }) => i.counter === c)), 'the tenant admin sees every counter');
  });

  it('the village operator sees only what they filed, in their own tenant', async () => {
    const theirs = await filed(p, operator);
    const officers = await filed(p, dukcapil);
    const list = await api(p, 'GET', `/api/v1/tenants/${T}/applications?limit=100`, { token: operator });
    assert.equal(list.status, 200);
    const ids = list.body.items.map((a: { id: string }) => a.id);
    assert.ok(ids.includes(theirs));
    assert.ok(!ids.includes(officers), 'an application filed at the counter is not on the operator’s list');
    const other = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${officers}`, { token: operator });
    assert.equal(other.status, 404);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${officers}/queue-ticket`, { token: operator })).status, 404, 'nor a queue number for it');
    // In another tenant the operator is at most a citizen: nothing filed here shows there.
    const kapuas = await api(p, 'GET', `/api/v1/tenants/kab-kapuas/applications?limit=100`, { token: operator });
    assert.ok(kapuas.status === 403 || !kapuas.body.items.some((a: { id: string }) => a.id === theirs || a.id === officers));
    assert.equal((await api(p, 'GET', `/api/v1/tenants/kab-kapuas/applications/${theirs}`, { token: operator })).status, 404);
  });
});
