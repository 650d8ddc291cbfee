import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import { Webhook } from 'standardwebhooks';
import { api, asTenant, sharedPlatform, tokenFor } from '@satupintu/testkit';
import { SmsAggregatorStandIn, SmtpReceiver, WhatsAppCloudStandIn } from '@satupintu/testkit/standins';
import type { Platform } from '../../platform.js';
import { CORE_TEMPLATES } from './templates.js';

const T = 'kab-kapuas';
const PHONE = '+6281234500011';
const APP_SECRET = 'kapuas-app-secret-0123456789';
const ACCESS_TOKEN = 'EAAG-kapuas-system-user-token-0123456789';
const VERIFY_TOKEN = 'kapuas-verify-token-0123456789';
const PHONE_ID = '106540352242922';
const SMS_KEY = 'aggregator-key-kapuas-0123';
const SMS_SECRET = 'aggregator-callback-secret-0123';
const SKTLK = { nik: '6203054507850002', namaLengkap: 'Budi Santoso', noHp: '081234500011', barangHilang: [{ jenis: 'KTP-el', atasNama: 'Budi Santoso' }], tanggalKejadian: '2026-11-20', lokasiKejadian: 'Pasar Kuala Kapuas', kronologi: 'Dompet berisi KTP-el hilang saat berbelanja di pasar.' };

async function pdf(): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage();
  return Buffer.from(await d.save());
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * Notifications end to end on the shared platform, against protocol stand-ins: Meta's Cloud API
 * (template rules, signed and out-of-order status callbacks), an SMS aggregator with delivery
 * reports, and a real SMTP server. The worker jobs run as in production (pg-boss).
 */
describe('notifications: WhatsApp → SMS → email, consent, status log, provider reports', () => {
  let p: Platform;
  let wa: WhatsAppCloudStandIn;
  let sms: SmsAggregatorStandIn;
  let smtp: SmtpReceiver;
  let citizen: string;
  let admin: string;
  let police: string;
  let kbbCitizen: string;
  let kbbAdmin: string;
  const base = `/api/v1/tenants/${T}`;

  const messages = async (application?: string) => (await api(p, 'GET', `${base}/me/notifications?limit=100${application ? `&application=${application}` : ''}`, { token: citizen })).body.items as any[];

  before(async function () {
    this.timeout(60_000);
    p = sharedPlatform();
    const tokens = await Promise.all(['warga.kapuas', 'admin.kapuas', 'petugas.polri.kapuas', 'warga.kbb', 'admin.kbb'].map((u) => tokenFor(p, u)));
    [citizen, admin, police, kbbCitizen, kbbAdmin] = tokens as [string, string, string, string, string];
    const templates = CORE_TEMPLATES.filter((t) => t.whatsapp).flatMap((t) => ['id', 'en'].map((language) => ({ name: t.whatsapp!.name, language, category: 'utility' as const, params: t.whatsapp!.params.length })));
    wa = await WhatsAppCloudStandIn.start({ appSecret: APP_SECRET, accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_ID, templates, callbackUrl: `${p.url}${base}/notification-callbacks/whatsapp` });
    sms = await SmsAggregatorStandIn.start({ apiKey: SMS_KEY, callbackSecret: SMS_SECRET, senders: ['MPPKAPUAS'] });
    smtp = await SmtpReceiver.start({ user: 'mpp', pass: 'smtp-pass-0123' });
    p.services.notificationProviders.configure({ whatsappGraphUrl: wa.url, sms: { apiUrl: sms.url, apiKey: SMS_KEY, callbackSecret: SMS_SECRET }, email: { smtpUrl: smtp.url, from: 'no-reply@mpp.kapuaskab.go.id' }, timeoutMs: 5000 });
    p.services.notifications.tune({ backoffScale: 0.001, leaseMs: 3000 });
    const cur = await api(p, 'GET', `${base}/notification-settings`, { token: admin });
    const put = await api(p, 'PUT', `${base}/notification-settings`, {
      token: admin,
      headers: cur.body.version ? { 'if-match': cur.headers.get('etag')! } : {},
      body: {
        displayName: 'MPP Kab. Kapuas',
        whatsapp: { phoneNumberId: PHONE_ID, wabaId: '102290129340398', accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN },
        sms: { senderId: 'MPPKAPUAS' },
        email: { replyTo: 'mpp@kapuaskab.example.id' },
        staff: { 'tenant-admin': ['koordinator@kapuaskab.example.id'] },
        quietHours: null,
        prices: [
          { channel: 'whatsapp', category: 'utility', insideWindow: false, unitPrice: 356 },
          { channel: 'whatsapp', category: 'utility', insideWindow: true, unitPrice: 0 },
          { channel: 'sms', category: '*', unitPrice: 350 },
        ],
      },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.whatsapp.accessTokenSet, true);
    assert.ok(!JSON.stringify(put.body).includes(ACCESS_TOKEN), 'secrets are never answered');
  });

  after(async function () {
    this.timeout(30_000);
    const cur = await api(p, 'GET', `${base}/notification-settings`, { token: admin });
    await api(p, 'PUT', `${base}/notification-settings`, { token: admin, headers: { 'if-match': cur.headers.get('etag')! }, body: { displayName: 'MPP Kab. Kapuas', whatsapp: null, sms: null, email: null } });
    p.services.notificationProviders.configure(p.config.notifications);
    p.services.notifications.tune({ backoffScale: 1, leaseMs: p.config.notifications.leaseSeconds * 1000 });
    await Promise.all([wa.stop(), sms.stop(), smtp.stop()]);
  });

  it('answers Meta’s handshake only with the regency’s verify token; refuses unsigned or badly signed reports', async () => {
    const ok = await fetch(`${p.url}${base}/notification-callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), '1158201444');
    const bad = await fetch(`${p.url}${base}/notification-callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong-token-0123456789&hub.challenge=1`);
    assert.equal(bad.status, 403);
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    const unsigned = await fetch(`${p.url}${base}/notification-callbacks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(unsigned.status, 403);
    assert.equal(((await unsigned.json()) as { code: string }).code, 'NOTIFICATION_CALLBACK_UNVERIFIED');
    const forged = await fetch(`${p.url}${base}/notification-callbacks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }, body });
    assert.equal(forged.status, 403);
    const smsForged = await fetch(`${p.url}${base}/notification-callbacks/sms`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aggregator-signature': 'sha256=00' }, body: '{}' });
    assert.equal(smsForged.status, 403);
    // Another regency has no WhatsApp sender: nothing to verify against.
    const other = await fetch(`${p.url}/api/v1/tenants/kab-lebong/notification-callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`);
    assert.equal(other.status, 404);
  });

  it('records channels and consent in the ledger; refuses a bad number in both languages; keeps tenants apart', async () => {
    const bad = await api(p, 'PUT', `${base}/me/contacts/whatsapp`, { token: citizen, body: { address: '12345', consent: true } });
    assert.deepEqual([bad.status, bad.body.code, bad.body.errors[0].pointer], [422, 'CONTACT_ADDRESS_INVALID', '/address']);
    assert.ok(bad.body.errors[0].message.id && bad.body.errors[0].message.en);
    const set = await api(p, 'PUT', `${base}/me/contacts/whatsapp`, { token: citizen, body: { address: '0812-3450-0011', consent: true } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.address, PHONE);
    assert.equal(set.body.consent.granted, true);
    assert.equal(set.body.consent.method, 'web');
    assert.match(set.body.consent.statement, /WhatsApp dari MPP Kab\. Kapuas/);
    assert.equal((await api(p, 'PUT', `${base}/me/contacts/sms`, { token: citizen, body: { address: PHONE, consent: true } })).status, 200);
    const mine = await api(p, 'GET', `${base}/me/contacts`, { token: citizen });
    assert.deepEqual(mine.body.contacts.map((c: any) => c.channel), ['sms', 'whatsapp']);
    assert.deepEqual(mine.body.channels, { whatsapp: true, sms: true, email: true });
    // Another citizen (citizens are national: they may use any regency) sees only their own; another regency's admin nothing.
    const other = await api(p, 'GET', `${base}/me/contacts`, { token: kbbCitizen });
    assert.deepEqual([other.status, other.body.contacts], [200, []]);
    assert.equal((await api(p, 'GET', `${base}/notification-settings`, { token: kbbAdmin })).status, 403);
    assert.equal((await api(p, 'GET', `${base}/notifications`, { token: citizen })).status, 403);
  });

  it('tells the citizen on WhatsApp at every step of an application, once each, from the regency’s own number', async function () {
    this.timeout(120_000);
    const draft = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const id = draft.body.id as string;
    const up = await fetch(`${p.url}${base}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
    assert.equal(up.status, 201);
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen })).status, 200);
    const received = await until('the received message, read', async () => (await messages(id)).find((m) => m.event === 'application.received' && m.status === 'read'));
    assert.equal(received.channel, 'whatsapp');
    assert.match(received.text, new RegExp(draft.body.trackingCode));
    const sentReceived = wa.sent.find((s) => s.reference === received.id)!;
    assert.equal(sentReceived.template?.name, 'mpp_permohonan_diterima');
    assert.equal(sentReceived.template?.params[1], draft.body.trackingCode);
    assert.equal(sentReceived.to, PHONE);
    assert.deepEqual(received.history.map((h: any) => h.status).slice(0, 3), ['created', 'sending', 'sent']);

    const act = (action: string, body: object = {}) => api(p, 'POST', `${base}/applications/${id}/actions/${action}`, { token: police, body });
    assert.equal((await act('return', { comment: 'Foto KTP buram, unggah ulang yang jelas' })).status, 200);
    const requested = await until('the documents-requested message', async () => (await messages(id)).find((m) => m.event === 'application.documents_requested' && ['delivered', 'read'].includes(m.status)));
    assert.match(requested.text, /Foto KTP buram/);
    assert.equal((await api(p, 'POST', `${base}/applications/${id}/actions/resubmit`, { token: citizen, body: {} })).status, 200);
    assert.equal((await act('verify')).status, 200);
    assert.equal((await act('issue')).status, 200);
    const done = await until('the ready message and the survey invitation', async () => {
      const all = await messages(id);
      const ready = all.find((m) => m.event === 'application.ready' && ['delivered', 'read'].includes(m.status));
      const skm = all.find((m) => m.event === 'skm.invitation' && ['delivered', 'read'].includes(m.status));
      return ready && skm && { ready, skm, all };
    });
    assert.match(done.skm.text, /skm\?token=/);
    // Each message went out exactly once (no duplicates), each from a utility template.
    for (const m of done.all) assert.equal(wa.countByReference(m.id), 1, `${m.event} sent once`);
    assert.deepEqual(wa.nonUtilitySends, []);
    assert.deepEqual(done.all.map((m: any) => m.event).sort(), ['application.documents_requested', 'application.ready', 'application.received', 'skm.invitation']);
    // Staff see the same history, addresses masked; the applicant sees their own.
    const staffView = await api(p, 'GET', `${base}/applications/${id}/notifications`, { token: police });
    assert.equal(staffView.status, 200);
    assert.ok(staffView.body.items.every((m: any) => /^\+62812\*+011$/.test(m.to)), JSON.stringify(staffView.body.items.map((m: any) => m.to)));
    assert.equal((await api(p, 'GET', `${base}/applications/${id}/notifications`, { token: kbbCitizen })).status, 404);
    // The counter sees whom the application's messages go to; the admin sees every message, masked.
    const recipients = await api(p, 'GET', `${base}/applications/${id}/recipients`, { token: police });
    assert.deepEqual(recipients.body.items.map((c: any) => c.channel).sort(), ['sms', 'whatsapp']);
    const list = await api(p, 'GET', `${base}/notifications?event=application.ready&limit=5`, { token: admin });
    assert.equal(list.status, 200);
    const one = await api(p, 'GET', `${base}/notifications/${done.ready.id}`, { token: admin });
    assert.deepEqual([one.status, one.body.event], [200, 'application.ready']);
    assert.match(one.body.to, /^\+62812\*+011$/);
    assert.equal((await api(p, 'GET', `${base}/notifications/${done.ready.id}`, { token: kbbAdmin })).status, 403);
    const verify = await api(p, 'GET', `${base}/notification-settings/verify-token`, { token: admin });
    assert.deepEqual([verify.status, verify.body.verifyToken], [200, VERIFY_TOKEN]);
  });

  it('holds non-urgent messages during quiet hours and past a daily cap, and logs why', async function () {
    this.timeout(60_000);
    const set = async (body: object) => {
      const cur = await api(p, 'GET', `${base}/notification-settings`, { token: admin });
      const r = await api(p, 'PUT', `${base}/notification-settings`, { token: admin, headers: { 'if-match': cur.headers.get('etag')! }, body: { ...keep(cur.body), ...body } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    };
    const keep = (c: any) => ({ displayName: c.displayName, whatsapp: { phoneNumberId: c.whatsapp.phoneNumberId, wabaId: c.whatsapp.wabaId }, sms: c.sms && { senderId: c.sms.senderId }, email: c.email, staff: c.staff, prices: c.prices, quietHours: c.quietHours, dailyCaps: c.dailyCaps });
    const submit = async () => {
      const draft = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
      const id = draft.body.id as string;
      await fetch(`${p.url}${base}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
      assert.equal((await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen })).status, 200);
      return id;
    };
    try {
      // Quiet the whole day: the message waits (created), nothing reaches the provider.
      await set({ quietHours: { start: '00:00', end: '23:59' } });
      const quietId = await submit();
      const quiet = await until('the quiet message', async () => (await messages(quietId)).find((m) => m.event === 'application.received'));
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal((await messages(quietId)).find((m) => m.id === quiet.id).status, 'created');
      assert.equal(wa.countByReference(quiet.id), 0);
      const notBefore = await asTenant(p, T, (sql) => sql.one<{ not_before: Date }>(`select not_before from notifications where id = $1`, [quiet.id]));
      assert.ok(notBefore.not_before.getTime() > Date.now(), 'held until quiet hours end');
      // A spent daily cap: the next message is held for the next morning, with the reason in its log.
      await set({ quietHours: null, dailyCaps: { whatsapp: 0 } });
      const cappedId = await submit();
      const capped = await until('the capped message', async () => (await messages(cappedId)).find((m) => m.event === 'application.received' && m.history.some((h: any) => h.status === 'temporary-failure')));
      assert.equal(wa.countByReference(capped.id), 0);
      const why = await asTenant(p, T, (sql) => sql.rows<{ detail: string }>(`select detail from notification_events where notification_id = $1 and status = 'temporary-failure'`, [capped.id]));
      assert.match(why[0]!.detail, /daily cap 0/);
    } finally {
      await set({ quietHours: null, dailyCaps: {} });
    }
  });

  it('tells the citizen about a booking, a session the agency cancels (moved to the next one, with the reason), a queue number coming up, and an answered complaint', async function () {
    this.timeout(120_000);
    const dukcapil = await tokenFor(p, 'petugas.dukcapil.kapuas');
    const all = async () => (await api(p, 'GET', `${base}/me/notifications?limit=100`, { token: citizen })).body.items as any[];
    const waitFor = (event: string, after: string) => until(`${event}`, async () => (await all()).find((m) => m.event === event && m.createdAt >= after && ['delivered', 'read'].includes(m.status)));
    const sessions = (await api(p, 'GET', `${base}/services/dukcapil.ktpel-rekam/sessions?days=21`)).body.items.filter((x: { holiday: string | null }) => !x.holiday);
    const [a, b] = sessions;
    const t0 = new Date().toISOString();
    const booked = await api(p, 'POST', `${base}/sessions/${a.id}/bookings`, { token: citizen, body: {} });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const bookedMsg = await waitFor('appointment.booked', t0);
    assert.match(bookedMsg.text, /(Senin|Selasa|Rabu|Kamis|Jumat), \d+ \w+ \d{4} pukul \d\d:\d\d–\d\d:\d\d WIB/);
    assert.equal(wa.sent.find((x) => x.reference === bookedMsg.id)?.template?.name, 'mpp_jadwal_dipesan');

    // The agency cancels the session: the citizen is moved to the next session with a seat and told where and why.
    const cancelled = await api(p, 'POST', `${base}/sessions/${a.id}/cancel`, { token: dukcapil, body: { reason: 'Listrik padam di gedung MPP' } });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.moved, 1);
    const cancelledMsg = await waitFor('appointment.moved', t0);
    assert.match(cancelledMsg.text, /Listrik padam/);

    // At the counter: three walk-ins check in before the citizen; the first call tells the citizen (two ahead).
    const held = (await api(p, 'GET', `${base}/bookings?limit=100`, { token: citizen })).body.items.find((x: { sessionId: string; status: string }) => x.sessionId === b.id && x.status === 'booked');
    assert.ok(held, 'moved to the next open session');
    const mine = { body: held as { id: string } };
    for (const nik of ['6203050101800101', '6203050101800102', '6203050101800103']) {
      const w = await api(p, 'POST', `${base}/sessions/${b.id}/bookings`, { token: dukcapil, body: { walkIn: { name: 'Warga', nik } } });
      assert.equal((await api(p, 'POST', `${base}/bookings/${w.body.id}/check-in`, { token: dukcapil })).status, 200);
    }
    const checked = await api(p, 'POST', `${base}/bookings/${mine.body.id}/check-in`, { token: dukcapil });
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    const called = await api(p, 'POST', `${base}/counters/${checked.body.counter}/call-next`, { token: dukcapil });
    assert.equal(called.status, 200);
    const soon = await waitFor('queue.called_soon', t0);
    assert.match(soon.text, new RegExp(checked.body.ticket));
    assert.match(soon.text, /2 orang lagi/);

    const filed = await api(p, 'POST', `${base}/complaints`, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'service', service: 'polri.sktlk' }, title: 'Berkas SKTLK tidak diproses', body: 'Sudah tiga hari berkas saya tidak diproses tanpa kabar apa pun.', location: 'MPP Kab. Kapuas', incidentDate: '2026-11-24' },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal((await api(p, 'POST', `${base}/complaints/${filed.body.id}/verify`, { token: admin, body: { decision: 'forward', note: 'Mohon ditindaklanjuti Polres.' } })).status, 200);
    const answered = await api(p, 'POST', `${base}/complaints/${filed.body.id}/answer`, { token: police, body: { body: 'Berkas Anda sudah kami proses hari ini; mohon maaf atas keterlambatannya.' } });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const answer = await waitFor('complaint.answered', t0);
    assert.match(answer.text, new RegExp(filed.body.trackingCode));
    for (const m of [bookedMsg, cancelledMsg, soon, answer]) assert.equal(wa.countByReference(m.id), 1, `${m.event} sent once`);
  });

  it('falls back to SMS when WhatsApp fails permanently (not on WhatsApp), with the regency’s sender ID and a delivery report', async function () {
    this.timeout(60_000);
    wa.behaviour(PHONE, 'not-on-whatsapp');
    try {
      const draft = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
      const id = draft.body.id as string;
      await fetch(`${p.url}${base}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
      assert.equal((await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen })).status, 200);
      const both = await until('WhatsApp failed and SMS delivered', async () => {
        const all = (await messages(id)).filter((m) => m.event === 'application.received');
        const w = all.find((m) => m.channel === 'whatsapp' && m.status === 'permanent-failure');
        const s = all.find((m) => m.channel === 'sms' && m.status === 'delivered');
        return w && s && { w, s };
      });
      assert.equal(both.w.history.find((h: any) => h.status === 'permanent-failure').code, '131026');
      const sent = sms.sent.filter((m) => m.reference === both.s.id);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.from, 'MPPKAPUAS');
      assert.match(sent[0]!.text, /^MPP Kab\. Kapuas: Permohonan/);
    } finally {
      wa.behaviour(PHONE, 'read');
    }
  });

  it('derives the status from the log when reports arrive out of order (delivered after failed, read before sent)', async function () {
    this.timeout(60_000);
    wa.outOfOrder = true;
    wa.deliveredAfterFailed = true;
    try {
      const draft = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
      const id = draft.body.id as string;
      await fetch(`${p.url}${base}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
      await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen });
      const m = await until('all reports in', async () => {
        await wa.callbacksSettled();
        const x = (await messages(id)).find((n) => n.event === 'application.received' && n.channel === 'whatsapp');
        return x && x.history.filter((h: any) => h.source === 'provider').length >= 4 && x;
      });
      assert.equal(m.status, 'read', JSON.stringify(m.history));
      const provider = m.history.filter((h: any) => h.source === 'provider').map((h: any) => h.status);
      assert.ok(provider.indexOf('read') < provider.indexOf('sent'), `arrived out of order: ${provider}`);
      assert.ok(provider.includes('permanent-failure'), 'the multi-device failure is kept in the log');
      assert.equal((await messages(id)).filter((n) => n.channel === 'sms').length, 0, 'a failure outranked by delivered does not fall back');
    } finally {
      wa.outOfOrder = false;
      wa.deliveredAfterFailed = false;
    }
  });

  it('stops at once when consent is withdrawn: the next message goes on SMS, the ledger keeps both', async function () {
    this.timeout(60_000);
    assert.equal((await api(p, 'DELETE', `${base}/me/contacts/whatsapp`, { token: citizen })).status, 204);
    const draft = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
    const id = draft.body.id as string;
    await fetch(`${p.url}${base}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
    await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen });
    const m = await until('the SMS', async () => (await messages(id)).find((n) => n.event === 'application.received' && n.status === 'delivered'));
    assert.equal(m.channel, 'sms');
    const ledger = await asTenant(p, T, (sql) => sql.rows<{ channel: string; granted: boolean; method: string }>(`select channel, granted, method from notification_consents where channel = 'whatsapp' order by at, id`));
    assert.deepEqual(ledger.slice(-2).map((r) => r.granted), [true, false]);
    assert.equal((await api(p, 'PUT', `${base}/me/contacts/whatsapp`, { token: citizen, body: { address: PHONE, consent: true } })).status, 200);
  });

  it('mails staff notices over SMTP from the regency’s name; counts usage and cost by the configured prices', async function () {
    this.timeout(60_000);
    const filed = await api(p, 'POST', `${base}/complaints`, {
      token: citizen,
      body: { kind: 'complaint', subject: { type: 'service', service: 'polri.sktlk' }, title: 'Antrean lama di loket Polres', body: 'Saya menunggu lebih dari dua jam di loket SKTLK tanpa kejelasan.', location: 'MPP Kab. Kapuas', incidentDate: '2026-11-24' },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    await smtp.waitFor(1, 30_000);
    const mail = smtp.messages.find((m) => m.subject.includes('Pengaduan baru'))!;
    assert.ok(mail, JSON.stringify(smtp.messages.map((m) => m.subject)));
    assert.deepEqual(mail.to, ['koordinator@kapuaskab.example.id']);
    assert.match(mail.from, /MPP Kab\. Kapuas/);
    const usage = await api(p, 'GET', `${base}/notification-usage`, { token: admin });
    assert.equal(usage.status, 200);
    const wa = usage.body.rows.find((r: any) => r.channel === 'whatsapp' && r.category === 'utility');
    const sm = usage.body.rows.find((r: any) => r.channel === 'sms');
    assert.ok(wa.messages >= 4 && sm.messages >= 2, JSON.stringify(usage.body.rows));
    assert.equal(sm.cost, sm.units * 350);
    assert.equal(usage.body.total.currency, 'IDR');
  });

  it('lets a counter officer record a relative’s number with in-person consent, and flags a number many people use', async function () {
    this.timeout(60_000);
    const dukcapil = await tokenFor(p, 'petugas.dukcapil.kapuas');
    const shared = '0813 5000 7777';
    const ids: string[] = [];
    for (const nik of ['6203054507850011', '6203054507850012', '6203054507850013']) {
      const made = await api(p, 'POST', `${base}/applications`, {
        token: dukcapil,
        body: { service: 'dukcapil.ktpel-penggantian', data: { nik, alasan: 'rusak' }, applicant: { nik, name: 'Warga Desa', phone: shared }, consent: { statement: 'Pemohon setuju diajukan oleh petugas loket.', method: 'signed-form' } },
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      ids.push(made.body.id);
    }
    const out = [];
    for (const id of ids) {
      const r = await api(p, 'PUT', `${base}/applications/${id}/recipients/whatsapp`, { token: dukcapil, body: { address: shared, consent: true, method: 'counter', relation: 'village-operator', label: 'Operator Desa Sei Pasah' } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      out.push(r.body);
    }
    assert.deepEqual(out.map((c) => c.sharedWith), [0, 1, 2]);
    assert.equal(out[2].flagged, true);
    const check = await api(p, 'GET', `${base}/contact-check?channel=whatsapp&address=${encodeURIComponent(shared)}`, { token: dukcapil });
    assert.deepEqual([check.body.sharedWith, check.body.flagged], [3, true]);
    assert.match(check.body.masked, /^\+62813\*+777$/);
    const ledger = await asTenant(p, T, (sql) => sql.rows<{ method: string; recorded_by_role: string }>(`select method, recorded_by_role from notification_consents where person = $1`, [`application:${ids[0]}`]));
    assert.deepEqual(ledger, [{ method: 'counter', recorded_by_role: 'officer' }]);
    // A citizen cannot record for someone else's application.
    assert.equal((await api(p, 'PUT', `${base}/applications/${ids[0]}/recipients/whatsapp`, { token: citizen, body: { address: shared, consent: true, method: 'counter' } })).status, 403);
  });

  it('tells the regency’s systems by signed events: a booking, and a message that reached no channel', async function () {
    this.timeout(90_000);
    const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => (got.push({ headers: req.headers, body }), res.writeHead(204).end()));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    p.services.signedEvents.allowLoopbackTargets(true);
    let endpoint: string | undefined;
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/satupintu-events`;
      const made = await api(p, 'POST', `${base}/event-endpoints`, { token: admin, body: { url, eventTypes: ['appointment.*', 'notification.failed'], description: 'Sistem antrean Disdukcapil' } });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      endpoint = made.body.id as string;
      const hook = new Webhook(made.body.secret);
      const events = () => got.map((g) => ({ ...(hook.verify(g.body, g.headers as Record<string, string>) as { type: string; data: Record<string, unknown> }), id: g.headers['webhook-id'] }));

      const [session] = (await api(p, 'GET', `${base}/services/dukcapil.ktpel-rekam/sessions?days=21`)).body.items.filter((x: { holiday: string | null; available?: number }) => !x.holiday).slice(-1);
      const booked = await api(p, 'POST', `${base}/sessions/${session.id}/bookings`, { token: citizen, body: {} });
      assert.equal(booked.status, 201, JSON.stringify(booked.body));
      const bookedEvent = await until('appointment.booked', async () => events().find((e) => e.type === 'appointment.booked' && e.data.appointment === booked.body.id));
      assert.deepEqual(Object.keys(bookedEvent.data).sort(), ['agency', 'appointment', 'date', 'service', 'tenant'], 'thin: ids and codes only');

      // Only WhatsApp agreed to, and the number is not on WhatsApp: nothing is left but the inbox.
      await api(p, 'DELETE', `${base}/me/contacts/sms`, { token: citizen });
      wa.behaviour(PHONE, 'not-on-whatsapp');
      const draft = await api(p, 'POST', `${base}/applications`, { token: citizen, body: { service: 'polri.sktlk', data: SKTLK } });
      const id = draft.body.id as string;
      await fetch(`${p.url}${base}/applications/${id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' }, body: await pdf() });
      await api(p, 'POST', `${base}/applications/${id}/submit`, { token: citizen });
      const failedWa = await until('the WhatsApp failure', async () => (await messages(id)).find((m) => m.channel === 'whatsapp' && m.status === 'permanent-failure'));
      const failed = await until('notification.failed', async () => events().find((e) => e.type === 'notification.failed' && e.data.notification === failedWa.id));
      assert.deepEqual([failed.data.channel, failed.data.reason], ['whatsapp', 'permanent-failure']);
      const inbox = (await messages(id)).find((m) => m.channel === 'inbox');
      assert.equal(inbox?.fallbackFrom, failedWa.id, 'kept in the web app, linked to the failed attempt');
    } finally {
      wa.behaviour(PHONE, 'read');
      await api(p, 'PUT', `${base}/me/contacts/sms`, { token: citizen, body: { address: PHONE, consent: true } });
      if (endpoint) {
        const e = await api(p, 'GET', `${base}/event-endpoints/${endpoint}`, { token: admin });
        await api(p, 'DELETE', `${base}/event-endpoints/${endpoint}`, { token: admin, headers: { 'if-match': e.headers.get('etag')! } });
      }
      p.services.signedEvents.allowLoopbackTargets(false);
      await new Promise((r) => server.close(r));
    }
  });
});
