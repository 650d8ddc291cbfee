import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CORE_TEMPLATES } from '@satupintu/server';
import { freePort } from '@satupintu/stack';
import { SmsAggregatorStandIn, SmtpReceiver, WhatsAppCloudStandIn } from '@satupintu/testkit/standins';
import { ApiProcess, pdf, size, sleep, sktlkForm, token } from './harness.js';
import { query, regionDb, tenantBySlug, type TenantRow } from './fixtures.js';
import { sharedApi, sharedStack } from './hooks.js';
import { measure } from './report.js';

const S = 'Notifications: kill -9 mid-send';
const TENANT = 'kab-kapuas';
const PHONE = '+6281234500077';
const APP_SECRET = 'reliability-app-secret-0123456789';
const ACCESS_TOKEN = 'EAAG-reliability-system-user-token-0123';
const PHONE_ID = '106540352242999';
const LEASE_S = 20;

/**
 * The notification workers die mid-send (SIGKILL while the WhatsApp stand-in holds each request
 * for a few hundred milliseconds) and come back. Every message of every acknowledged submission
 * must go out exactly once: none lost, none sent twice to the provider.
 */
describe(S, function () {
  let wa: WhatsAppCloudStandIn;
  let sms: SmsAggregatorStandIn;
  let smtp: SmtpReceiver;
  let api: ApiProcess;
  let shared: ApiProcess;
  let tenant: TenantRow;

  before(async function () {
    this.timeout(300_000);
    const stack = await sharedStack();
    shared = await sharedApi();
    tenant = await tenantBySlug(stack, TENANT);
    const templates = CORE_TEMPLATES.filter((t) => t.whatsapp).flatMap((t) => ['id', 'en'].map((language) => ({ name: t.whatsapp!.name, language, category: 'utility' as const, params: t.whatsapp!.params.length })));
    // Meta retries a webhook it could not deliver for days; the stand-in keeps trying for a minute (the API restarts meanwhile).
    wa = await WhatsAppCloudStandIn.start({ appSecret: APP_SECRET, accessToken: ACCESS_TOKEN, phoneNumberId: PHONE_ID, templates, delayMs: 250, callbackAttempts: 120, callbackRetryDelayMs: 500 });
    sms = await SmsAggregatorStandIn.start({ apiKey: 'reliability-sms-key', callbackSecret: 'reliability-sms-callback-secret', senders: ['MPPKAPUAS'] });
    smtp = await SmtpReceiver.start({ user: 'mpp', pass: 'smtp-pass-0123' });
    // This scenario's API: the shared one stopped, its own started on the same databases with the providers.
    await shared.kill('SIGTERM');
    api = new ApiProcess(await freePort(), {
      ...stack.env,
      WHATSAPP_GRAPH_URL: wa.url,
      SMS_API_URL: sms.url,
      SMS_API_KEY: 'reliability-sms-key',
      SMS_CALLBACK_SECRET: 'reliability-sms-callback-secret',
      SMTP_URL: smtp.url,
      NOTIFICATION_LEASE_SECONDS: String(LEASE_S),
      JOB_CONCURRENCY: '4',
    });
    await api.start();
    wa.setCallbackUrl(`${api.base}/api/v1/tenants/${TENANT}/notification-callbacks/whatsapp`);
    const admin = await token(api.base, 'admin.kapuas', { fresh: true });
    const cur = await fetch(`${api.base}/api/v1/tenants/${TENANT}/notification-settings`, { headers: { authorization: `Bearer ${admin}` } });
    const etag = cur.headers.get('etag');
    const body = (await cur.json()) as { version: number };
    const put = await fetch(`${api.base}/api/v1/tenants/${TENANT}/notification-settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', ...(body.version ? { 'if-match': etag! } : {}) },
      body: JSON.stringify({ displayName: 'MPP Kab. Kapuas', whatsapp: { phoneNumberId: PHONE_ID, wabaId: '102290129340398', accessToken: ACCESS_TOKEN, appSecret: APP_SECRET }, sms: { senderId: 'MPPKAPUAS' }, quietHours: null }),
    });
    assert.equal(put.status, 200, await put.text());
    const citizen = await token(api.base, 'warga.kapuas', { fresh: true });
    const contact = await fetch(`${api.base}/api/v1/tenants/${TENANT}/me/contacts/whatsapp`, { method: 'PUT', headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/json' }, body: JSON.stringify({ address: PHONE, consent: true }) });
    assert.equal(contact.status, 200, await contact.text());
  });

  after(async function () {
    this.timeout(300_000);
    // The regency's sender is switched off again and the shared API comes back for the scenarios after this one.
    try {
      const admin = await token(api.base, 'admin.kapuas', { fresh: true });
      const cur = await fetch(`${api.base}/api/v1/tenants/${TENANT}/notification-settings`, { headers: { authorization: `Bearer ${admin}` } });
      await fetch(`${api.base}/api/v1/tenants/${TENANT}/notification-settings`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'if-match': cur.headers.get('etag')! },
        body: JSON.stringify({ displayName: 'MPP Kab. Kapuas', whatsapp: null, sms: null }),
      });
    } catch {
      // the API is gone: nothing to switch off
    }
    await api?.kill('SIGTERM');
    await shared?.start();
    await Promise.all([wa?.stop(), sms?.stop(), smtp?.stop()]);
  });

  it('sends every message exactly once across three kills of the process mid-send', async function () {
    this.timeout(900_000);
    const total = size('NOTIFY_MESSAGES', 150, 40);
    const kills = 3;
    const run = randomUUID().slice(0, 8);
    const submitted: string[] = [];
    // Submissions arrive while the process is killed and restarted: a refused one is retried by the "citizen".
    const submitOne = async (i: number): Promise<void> => {
      for (;;) {
        try {
          const tok = await token(api.base, 'warga.kapuas');
          const key = `${run}-${i}`;
          const created = await fetch(`${api.base}/api/v1/tenants/${TENANT}/applications`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'idempotency-key': `${key}-c` },
            body: JSON.stringify({ service: 'polri.sktlk', data: sktlkForm(`notify ${key}`) }),
            signal: AbortSignal.timeout(60_000),
          });
          if (created.status !== 201 && created.status !== 200) throw new Error(String(created.status));
          const id = ((await created.json()) as { id: string }).id;
          const up = await fetch(`${api.base}/api/v1/tenants/${TENANT}/applications/${id}/documents/identitas?filename=ktp.pdf`, {
            method: 'PUT',
            headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/pdf', 'idempotency-key': `${key}-u` },
            body: pdf(key),
            signal: AbortSignal.timeout(60_000),
          });
          if (up.status >= 300) throw new Error(String(up.status));
          const sub = await fetch(`${api.base}/api/v1/tenants/${TENANT}/applications/${id}/submit`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'idempotency-key': `${key}-s` }, signal: AbortSignal.timeout(60_000) });
          if (sub.status !== 200) throw new Error(String(sub.status));
          submitted.push(id);
          return;
        } catch {
          await sleep(500);
        }
      }
    };
    const started = performance.now();
    const load = (async () => {
      for (let i = 0; i < total; i += 4) await Promise.all([0, 1, 2, 3].filter((k) => i + k < total).map((k) => submitOne(i + k)));
    })();
    // Kill while a send is in flight (claimed, held 250 ms by the provider); restart at once.
    const db = regionDb(tenant.home_region);
    const inFlight = async () =>
      (await query<{ n: number }>(await sharedStack(), db, `select count(*)::int as n from notifications where tenant_id = $1 and status = 'sending' and channel = 'whatsapp' and next_attempt_at > now()`, [tenant.id]))[0]!.n;
    const seenAtKill: number[] = [];
    for (let k = 0; k < kills; k++) {
      await sleep(1500);
      const until = Date.now() + 60_000;
      let n = 0;
      while ((n = await inFlight()) === 0 && Date.now() < until) await sleep(20);
      seenAtKill.push(n);
      await api.kill('SIGKILL');
      await api.start();
    }
    await load;
    // Everything acknowledged is delivered: wait for it (leases of the killed sends run out first).
    type Row = { id: string; status: string; channel: string };
    let rows: Row[] = [];
    const deadline = Date.now() + (LEASE_S + 240) * 1000;
    for (;;) {
      rows = await query<Row>(await sharedStack(), db, `select n.id, n.status, n.channel from notifications n where n.tenant_id = $1 and n.event = 'application.received' and n.application_id = any($2::uuid[])`, [tenant.id, submitted]);
      const done = rows.filter((r) => ['delivered', 'read'].includes(r.status)).length;
      if (done === submitted.length || Date.now() > deadline) break;
      await sleep(1000);
    }
    await wa.callbacksSettled();
    const seconds = (performance.now() - started) / 1000;
    const references = rows.map((r) => r.id);
    const counts = references.map((r) => wa.countByReference(r));
    const duplicates = counts.filter((c) => c > 1).length;
    const sent = counts.filter((c) => c >= 1).length;
    const delivered = rows.filter((r) => ['delivered', 'read'].includes(r.status)).length;
    const missing = submitted.length - rows.length;
    measure(S, 'applications submitted (acknowledged)', submitted.length);
    measure(S, 'kills (SIGKILL, then restart)', kills);
    // Attempts a kill cut short: claimed (`sending`) with no outcome recorded by the worker.
    const [cut] = await query<{ interrupted: number; resent: number }>(
      await sharedStack(),
      db,
      `select (select count(*)::int from notification_events s where s.tenant_id = $1 and s.notification_id = any($2::uuid[]) and s.status = 'sending'
                 and not exists (select 1 from notification_events e where e.tenant_id = s.tenant_id and e.notification_id = s.notification_id and e.attempt = s.attempt and e.source = 'worker' and e.status <> 'sending')) as interrupted,
              (select count(*)::int from notifications n where n.tenant_id = $1 and n.id = any($2::uuid[]) and n.attempts > 1) as resent`,
      [tenant.id, references],
    );
    measure(S, 'sends in flight seen just before each kill', seenAtKill.join(', '));
    measure(S, 'send attempts cut short by a kill', cut?.interrupted ?? 0);
    measure(S, 'messages attempted again after a kill (same reference)', cut?.resent ?? 0);
    measure(S, 'messages created (one per submission)', rows.length);
    measure(S, 'sent to the provider (distinct references)', sent);
    measure(S, 'delivered (per provider reports)', delivered);
    measure(S, 'duplicates (a reference sent twice)', duplicates);
    measure(S, 'provider requests in total (incl. refused)', wa.sent.length + wa.rejected.length);
    measure(S, 'run time', `${seconds.toFixed(0)} s`);
    assert.equal(missing, 0, 'one message per acknowledged submission');
    assert.ok(seenAtKill.every((n) => n > 0), `every kill landed while a send was in flight (${seenAtKill.join(', ')})`);
    assert.equal(duplicates, 0, `sent twice: ${references.filter((_, i) => counts[i]! > 1).join(', ')}`);
    assert.equal(sent, submitted.length, 'every message reached the provider');
    assert.equal(delivered, submitted.length, 'every message delivered');
  });
});
