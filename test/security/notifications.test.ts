import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { loadConfig, productionProblems } from '@satupintu/core';
import { api, asTenant, sharedPlatform, tempDataDir, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';

/**
 * Notifications attacked (issue 21): forged and replayed provider reports, a report for another
 * regency's message, oversized bodies, reading or setting someone else's channels, secrets read
 * back, and production refusing plain-text providers. Provider reports are public routes: the
 * signature is the only credential.
 */

const A = 'kab-kapuas';
const B = 'kab-lebong';
const sign = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const statusReport = (phoneNumberId: string, reference: string, status = 'read') =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '628111', phone_number_id: phoneNumberId }, statuses: [{ id: 'wamid.forged', status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: '6281234500099', biz_opaque_callback_data: reference }] } }] }],
  });

describe('security: notifications (issue 21)', () => {
  let p: Platform;
  let adminA: string;
  let adminB: string;
  let citizen: string;
  let otherCitizen: string;
  const SECRET_B = 'lebong-app-secret-0123456789';

  before(async () => {
    p = sharedPlatform();
    [adminA, adminB, citizen, otherCitizen] = (await Promise.all(['admin.kapuas', 'admin.lebong', 'warga.kapuas', 'warga.kbb'].map((u) => tokenFor(p, u)))) as [string, string, string, string];
    for (const [t, token, secret, id] of [[A, adminA, 'kapuas-app-secret-0123456789', '1065400000001'], [B, adminB, SECRET_B, '1065400000002']] as const) {
      const cur = await api(p, 'GET', `/api/v1/tenants/${t}/notification-settings`, { token });
      const r = await api(p, 'PUT', `/api/v1/tenants/${t}/notification-settings`, {
        token,
        headers: cur.body.version ? { 'if-match': cur.headers.get('etag')! } : {},
        body: { displayName: `MPP ${t}`, whatsapp: { phoneNumberId: id, wabaId: '1022901293', accessToken: 'EAAG-token-for-security-tests-0123', appSecret: secret }, quietHours: null },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
  });

  after(async () => {
    for (const [t, token] of [[A, adminA], [B, adminB]] as const) {
      const cur = await api(p, 'GET', `/api/v1/tenants/${t}/notification-settings`, { token });
      await api(p, 'PUT', `/api/v1/tenants/${t}/notification-settings`, { token, headers: { 'if-match': cur.headers.get('etag')! }, body: { displayName: `MPP ${t}`, whatsapp: null } });
    }
  });

  it('never answers a secret; another regency’s admin and citizens cannot read or change the senders', async () => {
    const got = await api(p, 'GET', `/api/v1/tenants/${A}/notification-settings`, { token: adminA });
    assert.ok(!JSON.stringify(got.body).includes('kapuas-app-secret') && !JSON.stringify(got.body).includes('EAAG-token'));
    const stored = await asTenant(p, A, (sql) => sql.one<{ whatsapp: { accessToken: string } }>(`select whatsapp from notification_senders`));
    assert.match(stored.whatsapp.accessToken, /^v1\./, 'sealed at rest');
    for (const token of [adminB, citizen]) {
      assert.equal((await api(p, 'GET', `/api/v1/tenants/${A}/notification-settings`, { token })).status, 403);
      assert.equal((await api(p, 'PUT', `/api/v1/tenants/${A}/notification-settings`, { token, body: { displayName: 'MPP X', whatsapp: null } })).status, 403);
      assert.equal((await api(p, 'GET', `/api/v1/tenants/${A}/notification-settings/verify-token`, { token })).status, 403);
    }
  });

  it('refuses forged, unsigned, wrongly keyed and oversized reports, and records nothing', async () => {
    const before = await asTenant(p, A, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from notification_events`));
    const body = statusReport('1065400000001', '00000000-0000-7000-8000-000000000000');
    const url = `${p.url}/api/v1/tenants/${A}/notification-callbacks/whatsapp`;
    for (const signature of [undefined, 'sha256=', 'sha1=abc', sign('wrong-secret', body), sign(SECRET_B, body), sign('kapuas-app-secret-0123456789', `${body} `)]) {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) }, body });
      assert.equal(r.status, 403, `signature ${signature}`);
    }
    const big = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' }, body: 'x'.repeat(300 * 1024) });
    assert.equal(big.status, 413);
    const after = await asTenant(p, A, (sql) => sql.one<{ n: number }>(`select count(*)::int as n from notification_events`));
    assert.equal(after.n, before.n);
  });

  it('cannot move another regency’s message: a report signed for Lebong naming a Kapuas message changes nothing', async function () {
    this.timeout(30_000);
    // A message of Kapuas, sent on WhatsApp (written as the dispatcher would).
    const tenantA = await p.services.tenants.get(A);
    const msg = { id: '019af000-0000-7000-8000-0000000000a1', status: 'sent' };
    await asTenant(p, A, async (sql) => {
      await sql.exec(
        `insert into notifications (tenant_id, id, outbox_id, dedupe_key, event, template_version, person, channel, address, address_digest, category, lang, personalisation, body, status, attempts, provider_id, created_at, updated_at)
         values ($1, $2, $2, 'security-test', 'application.received', 1, 'citizen:security', 'whatsapp', '+6281234500099', 'd', 'utility', 'id', '{}', 'x', 'sent', 1, 'wamid.forged', now(), now()) on conflict do nothing`,
        [tenantA.id, msg.id],
      );
    });
    const body = statusReport('1065400000002', msg.id, 'failed');
    const r = await fetch(`${p.url}/api/v1/tenants/${B}/notification-callbacks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET_B, body) }, body });
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { reports: number }).reports, 0, 'nothing of Lebong matched');
    const now = await asTenant(p, A, (sql) => sql.one<{ status: string }>(`select status from notifications where id = $1`, [msg.id]));
    assert.equal(now.status, msg.status);
    // Signed by Kapuas but for another number (a shared Meta app): ignored too.
    const otherNumber = statusReport('9999999999', msg.id, 'failed');
    const r2 = await fetch(`${p.url}/api/v1/tenants/${A}/notification-callbacks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign('kapuas-app-secret-0123456789', otherNumber) }, body: otherNumber });
    assert.equal(((await r2.json()) as { reports: number }).reports, 0);
  });

  it('answers Meta’s handshake only to the right token, in constant time, without echoing otherwise', async () => {
    const token = (await api(p, 'GET', `/api/v1/tenants/${A}/notification-settings/verify-token`, { token: adminA })).body.verifyToken as string;
    const ok = await fetch(`${p.url}/api/v1/tenants/${A}/notification-callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=42`);
    assert.equal(await ok.text(), '42');
    for (const q of [`hub.mode=subscribe&hub.verify_token=${token}x&hub.challenge=42`, `hub.mode=unsubscribe&hub.verify_token=${token}&hub.challenge=42`, 'hub.challenge=42']) {
      const r = await fetch(`${p.url}/api/v1/tenants/${A}/notification-callbacks/whatsapp?${q}`);
      assert.equal(r.status, 403);
      assert.ok(!(await r.text()).includes('"42"'));
    }
    // Lebong's token does not open Kapuas.
    const lebong = (await api(p, 'GET', `/api/v1/tenants/${B}/notification-settings/verify-token`, { token: adminB })).body.verifyToken as string;
    assert.equal((await fetch(`${p.url}/api/v1/tenants/${A}/notification-callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=${lebong}&hub.challenge=1`)).status, 403);
  });

  it('keeps each person’s channels and messages to themselves', async () => {
    await api(p, 'PUT', `/api/v1/tenants/${A}/me/contacts/email`, { token: citizen, body: { address: 'budi@example.id', consent: true } });
    const theirs = await api(p, 'GET', `/api/v1/tenants/${A}/me/contacts`, { token: otherCitizen });
    assert.ok(!JSON.stringify(theirs.body).includes('budi@example.id'));
    const msgs = await api(p, 'GET', `/api/v1/tenants/${A}/me/notifications`, { token: otherCitizen });
    const mine = await asTenant(p, A, (sql) => sql.rows<{ id: string }>(`select id from notifications where person like 'citizen:%' and person <> $1`, [`citizen:${(JSON.parse(Buffer.from(otherCitizen.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub}`]));
    for (const m of msgs.body.items as { id: string }[]) assert.ok(!mine.some((x) => x.id === m.id));
    // A body cannot choose the person: extra fields are refused.
    const smuggle = await api(p, 'PUT', `/api/v1/tenants/${A}/me/contacts/email`, { token: otherCitizen, body: { address: 'x@example.id', consent: true, person: 'citizen:someone' } });
    assert.equal(smuggle.status, 422);
    await api(p, 'DELETE', `/api/v1/tenants/${A}/me/contacts/email`, { token: citizen });
  });

  it('production refuses plain-text providers', () => {
    const base = { SATUPINTU_ENV: 'production', DATA_DIR: tempDataDir('satupintu-prod-') };
    const problems = productionProblems(loadConfig({ ...base, WHATSAPP_GRAPH_URL: 'http://graph.example', SMS_API_URL: 'http://sms.example', SMS_API_KEY: 'k'.repeat(20), SMS_CALLBACK_SECRET: 's'.repeat(20), SMTP_URL: 'smtp://u:p@mail.example:25' }));
    assert.ok(problems.some((l) => l.startsWith('WHATSAPP_GRAPH_URL is not https')));
    assert.ok(problems.some((l) => l.startsWith('SMS_API_URL is not https')));
    assert.ok(problems.some((l) => l.startsWith('SMTP_URL is smtp://')));
    assert.throws(() => loadConfig({ ...base, SMS_API_URL: 'https://sms.example' }), /go together/);
  });
});
