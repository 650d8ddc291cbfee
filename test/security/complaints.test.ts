import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { api, asTenant, claimsOf, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

/**
 * Anonymous (anonim) and confidential (rahasia) complaints as SP4N-LAPOR! defines them
 * (issue 19, finding 3). Each test files the complaint, then tries to read the complainant back
 * through every way the platform offers one: the officer's complaint view, the list, the thread,
 * attachment names and download links, the application the complaint is about, the coordinator's
 * view, the export (JSON lines and CSV), the webhook payload (which the SP4N-LAPOR! connector
 * forwards), the statistics, and the rows themselves. A plain complaint is the control: the same
 * probes find the name there, so a probe that finds nothing is not blind.
 */

const T = 'kab-bandung-barat';
const base = `/api/v1/tenants/${T}/complaints`;
const hook = `/api/v1/tenants/${T}/complaint-webhook`;
const NIK = '3217064101900001';

async function pdf(): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText('foto KTP');
  return Buffer.from(await d.save());
}

describe('security: anonymous and confidential complaints (SP4N-LAPOR! anonim / rahasia)', () => {
  let p: Platform;
  let citizen: string;
  let admin: string;
  let dukcapil: string;
  let imigrasi: string;
  /** Everything that names the citizen: any of these in an answer is a leak. */
  let marks: string[];
  let server: http.Server;
  let received: string[];
  let from: string;
  let to: string;

  before(async () => {
    p = sharedPlatform();
    [citizen, admin, dukcapil, imigrasi] = await Promise.all([tokenFor(p, 'warga.kbb'), tokenFor(p, 'admin.kbb'), tokenFor(p, 'petugas.dukcapil.kbb'), tokenFor(p, 'petugas.imigrasi.kbb')]);
    const claims = claimsOf(citizen);
    marks = [claims.name, claims.preferred_username, claims.email, NIK].filter((m): m is string => typeof m === 'string' && m.length > 2);
    assert.ok(marks.length >= 2, 'the citizen has a name and a username to look for');
    // The SP4N-LAPOR! connector stands in as a loopback receiver of the tenant's webhook.
    received = [];
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => (received.push(body), res.writeHead(200).end()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    p.services.complaintWebhooks.allowLoopbackTargets(true);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lapor`;
    const current = await api(p, 'GET', hook, { token: admin });
    const set = await api(p, 'PUT', hook, { token: admin, body: { url, active: true }, headers: current.status === 200 ? { 'if-match': current.headers.get('etag')! } : {} });
    assert.ok(set.status === 200 || set.status === 201, JSON.stringify(set.body));
    const today = new Date().toISOString().slice(0, 10);
    [from, to] = [new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), new Date(Date.parse(today) + 2 * 86_400_000).toISOString().slice(0, 10)];
  });

  after(async () => {
    const current = await api(p, 'GET', hook, { token: admin });
    if (current.status === 200) await api(p, 'PUT', hook, { token: admin, body: { url: current.body.url, active: false }, headers: { 'if-match': current.headers.get('etag')! } });
    p.services.complaintWebhooks.allowLoopbackTargets(false);
    await new Promise((r) => server.close(r));
  });

  /** The citizen's marks found in `text`. */
  const leaks = (text: string) => marks.filter((m) => text.toLowerCase().includes(m.toLowerCase()));

  /** A complaint by the citizen about their own draft application (NIK inside), with a named file and a message, forwarded to Dukcapil. */
  async function fileAndForward(flags: { anonymous?: boolean; confidential?: boolean }) {
    const app = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, { token: citizen, body: { service: 'dukcapil.ktpel-penggantian', data: { nik: NIK, alasan: 'rusak' } } });
    assert.equal(app.status, 201, JSON.stringify(app.body));
    assert.equal(app.body.status, 'draft');
    const filed = await api(p, 'POST', base, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'application', applicationId: app.body.id }, title: 'Petugas meminta imbalan', body: 'Petugas loket meminta uang tambahan agar KTP-el saya cepat dicetak.', ...flags },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const id = filed.body.id as string;
    const name = `KTP ${marks[0]}.pdf`;
    const put = await fetch(`${p.url}${base}/${id}/attachments?filename=${encodeURIComponent(name)}`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
    assert.equal(put.status, 201);
    const attachment = ((await put.json()) as { id: string }).id;
    assert.equal((await api(p, 'POST', `${base}/${id}/messages`, { token: citizen, body: { body: 'Mohon ditindaklanjuti.' } })).status, 200);
    const fwd = await api(p, 'POST', `${base}/${id}/verify`, { token: admin, body: { decision: 'forward' } });
    assert.deepEqual([fwd.status, fwd.body.agency], [200, 'dukcapil']);
    return { id, trackingCode: filed.body.trackingCode as string, app: app.body as { id: string; trackingCode: string }, attachment, own: filed.body };
  }

  /** Every answer an agency officer can get about the complaint, as one text. */
  async function officerReads(c: { id: string; attachment: string }) {
    const view = await api(p, 'GET', `${base}/${c.id}`, { token: dukcapil });
    assert.equal(view.status, 200, 'routed to Dukcapil: its officer reads it');
    const list = await api(p, 'GET', `${base}?limit=100`, { token: dukcapil });
    const link = await api(p, 'GET', `${base}/${c.id}/attachments/${c.attachment}`, { token: dukcapil });
    assert.equal(link.status, 200);
    const file = await fetch(link.body.url);
    assert.equal(file.status, 200);
    await file.arrayBuffer();
    return { view, text: [JSON.stringify(view.body), JSON.stringify(list.body), decodeURIComponent(link.body.url), file.headers.get('content-disposition') ?? ''].join('\n') };
  }

  /** The export in both formats and the webhook payload of the complaint (as stored and as received), as text. */
  async function outbound(c: { id: string; trackingCode: string }) {
    const exported = async (format: string) => {
      const r = await fetch(`${p.url}${base}/export?from=${from}&to=${to}&format=${format}`, { headers: { authorization: `Bearer ${admin}` } });
      assert.equal(r.status, 200);
      return (await r.text()).split('\n').find((l) => l.includes(c.trackingCode));
    };
    const [line, row] = [await exported('jsonl'), await exported('csv')];
    assert.ok(line && row, 'the complaint is exported');
    const deliveries = await api(p, 'GET', `${hook}/deliveries?complaint=${c.id}`, { token: admin });
    assert.ok(deliveries.body.items.length >= 2, 'filed and forwarded: each sent to the connector');
    const payloads: string[] = [];
    for (const d of deliveries.body.items as { id: string }[]) payloads.push(JSON.stringify((await api(p, 'GET', `${hook}/deliveries/${d.id}`, { token: admin })).body.payload));
    // What reached the connector (the worker delivers to the loopback receiver).
    for (let i = 0; i < 100 && !received.some((b) => b.includes(c.trackingCode) && b.includes('complaint.forwarded')); i++) await new Promise((r) => setTimeout(r, 100));
    const sent = received.filter((b) => b.includes(c.trackingCode));
    assert.ok(sent.length > 0, 'the connector received the complaint');
    return { record: JSON.parse(line!) as Record<string, unknown>, text: [line, row, ...payloads, ...sent].join('\n') };
  }

  it('control: a plain complaint names its complainant to the agency, in the export and the webhook (the probes see a name when there is one)', async function () {
    this.timeout(60_000);
    const c = await fileAndForward({});
    const { view, text } = await officerReads(c);
    assert.ok(leaks(text).length > 0, 'the officer sees who filed it');
    assert.equal(view.body.subject.applicationId, c.app.id);
    assert.ok(leaks((await outbound(c)).text).length > 0);
  });

  it('anonymous: nobody but the complainant learns who it is — not the officer, the coordinator, the export, the webhook, the thread, file names — and the name is not even stored', async function () {
    this.timeout(60_000);
    const c = await fileAndForward({ anonymous: true });
    // The complainant sees their own complaint, and its application.
    assert.equal(c.own.subject.applicationId, c.app.id);

    const { view, text } = await officerReads(c);
    assert.deepEqual(leaks(text), [], 'officer: view, list, thread, attachment name and download');
    assert.deepEqual(view.body.complainant, { name: 'Anonim / Anonymous' });
    assert.deepEqual([view.body.subject.applicationId, view.body.subject.applicationTrackingCode], [null, null], 'the application leads to its applicant');
    assert.ok(!text.includes(c.app.id) && !text.includes(c.app.trackingCode));
    assert.ok(view.body.thread.every((m: { author: { role: string; name: string } }) => m.author.role !== 'citizen' || m.author.name === 'Anonim / Anonymous'));
    assert.ok(view.body.attachments.every((a: { filename: string | null }) => a.filename === null));

    // Anonim is hidden from the coordinator too (unlike rahasia).
    const coord = await api(p, 'GET', `${base}/${c.id}`, { token: admin });
    assert.deepEqual(leaks(JSON.stringify(coord.body)), [], 'coordinator view');
    assert.deepEqual(coord.body.complainant, { name: 'Anonim / Anonymous' });

    // The draft application does not open for the officer, by the id or otherwise.
    const draft = await api(p, 'GET', `/api/v1/tenants/${T}/applications/${c.app.id}`, { token: dukcapil });
    assert.equal(draft.status, 404, 'a draft opens only for its citizen');
    assert.deepEqual(leaks(JSON.stringify(draft.body)), []);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${c.app.id}`, { token: admin })).status, 404, 'nor for the coordinator');

    const out = await outbound(c);
    assert.deepEqual(leaks(out.text), [], 'export (JSON lines, CSV), webhook payloads stored and received');
    assert.deepEqual([out.record.complainantName, out.record.complainantPhone, out.record.complainantEmail, out.record.applicationTrackingCode, out.record.anonymous], [null, null, null, null, true]);

    // Not stored: the complaint row keeps no name, and the thread rows carry none.
    const stored = await asTenant(p, T, (sql) =>
      sql.one<{ complainant: object; authors: string[] }>(`select c.complainant, array(select m.author_name from complaint_messages m where m.complaint_id = c.id) as authors from complaints c where c.id = $1`, [c.id]),
    );
    assert.deepEqual(stored.complainant, {});
    assert.deepEqual(leaks(JSON.stringify(stored)), [], 'nothing in the rows names the complainant');
  });

  it('confidential: the agency, the export, the webhook (SP4N-LAPOR!) and the statistics never see who it is; the coordinator does', async function () {
    this.timeout(60_000);
    const c = await fileAndForward({ confidential: true });
    const { view, text } = await officerReads(c);
    assert.deepEqual(leaks(text), [], 'officer: view, list, thread, attachment name and download');
    assert.deepEqual(view.body.complainant, { name: 'Dirahasiakan / Confidential' });
    assert.equal(view.body.subject.applicationId, null);
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${T}/applications/${c.app.id}`, { token: dukcapil })).status, 404);

    // An officer of another agency does not see the complaint at all.
    assert.equal((await api(p, 'GET', `${base}/${c.id}`, { token: imigrasi })).status, 404);

    // The coordinator (Admin Koordinator) who verifies it does see the complainant.
    const coord = await api(p, 'GET', `${base}/${c.id}`, { token: admin });
    assert.ok(leaks(JSON.stringify(coord.body)).length > 0, 'the coordinator sees the complainant');
    assert.equal(coord.body.subject.applicationId, c.app.id);

    const out = await outbound(c);
    assert.deepEqual(leaks(out.text), [], 'export and webhook carry no identity');
    assert.deepEqual([out.record.complainantName, out.record.applicationTrackingCode, out.record.confidential], [null, null, true]);

    // Statistics: counts only, the tenant's and the ministry's.
    const analyst = await tokenFor(p, 'analis.kemenpanrb');
    const stats = await api(p, 'GET', `${base}/stats?from=${from}&to=${to}`, { token: admin });
    const national = await api(p, 'GET', `/api/v1/complaints/stats?from=${from}&to=${to}&limit=100`, { token: analyst });
    assert.deepEqual([stats.status, national.status], [200, 200]);
    assert.deepEqual(leaks(JSON.stringify(stats.body) + JSON.stringify(national.body)), []);
    assert.ok(!JSON.stringify(stats.body).includes(c.trackingCode));

    // The complainant still sees their own complaint whole.
    const own = await api(p, 'GET', `${base}/${c.id}`, { token: citizen });
    assert.ok(leaks(JSON.stringify(own.body.complainant)).length > 0);
    assert.equal(own.body.subject.applicationId, c.app.id);
  });
});
