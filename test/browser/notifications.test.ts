import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, axeViolations, CHROMIUM, signIn as signInAt } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-kapuas';
const base = `/api/v1/tenants/${TENANT}`;


describe('web app in Chromium: a citizen’s message channels and consent', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let citizen: string;
  let admin: string;
  let page: Page;
  /** The regency's settings before this test, when it had no WhatsApp sender (set up here, put back after). */
  let restore: Record<string, unknown> | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(viewport = { width: 390, height: 844 }): Promise<Page> {
    const ctx = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(ctx);
    const pg = await ctx.newPage();
    pg.on('pageerror', (e) => pageErrors.push(String(e)));
    pg.setDefaultTimeout(20_000);
    return pg;
  }

  async function signIn(pg: Page, username: string) {
    await signInAt(pg, p.url, username);
  }

  async function openAs(pg: Page, pathname: string, username: string) {
    await pg.goto(`${p.url}${pathname}`);
    await pg.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(pg, username);
    await pg.waitForURL(`**${pathname}*`);
  }

  const contacts = async () => (await api(p, 'GET', `${base}/me/contacts`, { token: citizen })).body as { contacts: { channel: string; address: string; consent: { granted: boolean; method: string; statement: string } | null }[]; statements: Record<string, { id: string; en: string }>; channels: Record<string, boolean> };

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    [citizen, admin] = await Promise.all([tokenFor(p, 'warga.kapuas'), tokenFor(p, 'admin.kapuas')]);
    // WhatsApp is offered only once the regency has its own number: set one up when there is none.
    const cur = await api(p, 'GET', `${base}/notification-settings`, { token: admin });
    assert.equal(cur.status, 200, JSON.stringify(cur.body));
    if (!cur.body.whatsapp) {
      const s = cur.body;
      restore = { displayName: s.displayName, whatsapp: null, sms: s.sms && { senderId: s.sms.senderId }, email: s.email && (s.email.replyTo ? { replyTo: s.email.replyTo } : {}), staff: s.staff, quietHours: s.quietHours, dailyCaps: s.dailyCaps, prices: s.prices };
      const put = await api(p, 'PUT', `${base}/notification-settings`, {
        token: admin,
        headers: cur.body.version ? { 'if-match': cur.headers.get('etag')! } : {},
        body: { ...restore, whatsapp: { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAG-kapuas-browser-token-0123456789', appSecret: 'kapuas-browser-secret-0123' } },
      });
      assert.equal(put.status, 200, JSON.stringify(put.body));
    }
    // A known start: no WhatsApp channel for the citizen (404 when there is none).
    await api(p, 'DELETE', `${base}/me/contacts/whatsapp`, { token: citizen });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await newPage();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const c of contexts) for (const pg of c.pages()) await pg.screenshot({ path: path.join(SHOTS, 'notifications-FAILED.png'), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    if (!p) return;
    await api(p, 'DELETE', `${base}/me/contacts/whatsapp`, { token: citizen });
    if (restore) {
      const cur = await api(p, 'GET', `${base}/notification-settings`, { token: admin });
      await api(p, 'PUT', `${base}/notification-settings`, { token: admin, headers: { 'if-match': cur.headers.get('etag')! }, body: restore });
    }
  });

  it('sets WhatsApp with consent: the checkbox is labelled by the recorded statement, and it is saved', async () => {
    const before = await contacts();
    assert.equal(before.channels.whatsapp, true);
    const statement = before.statements.whatsapp!.id;
    await openAs(page, `/t/${TENANT}/saluran`, 'warga.kapuas');
    await page.getByRole('heading', { level: 1, name: 'Saluran pesan' }).waitFor();
    const wa = page.getByRole('region', { name: 'WhatsApp' });
    const number = wa.getByLabel('Nomor WhatsApp');
    // The phone keypad and the browser's own number for autofill.
    assert.equal(await number.getAttribute('inputmode'), 'tel');
    assert.equal(await number.getAttribute('autocomplete'), 'tel');
    await number.fill('0812 3456 0021');
    // Found by its accessible name: the exact statement the API says is agreed to.
    const consent = wa.getByRole('checkbox', { name: statement, exact: true });
    await consent.check();
    await wa.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('WhatsApp: Tersimpan').waitFor();
    await wa.getByText('Anda menyetujui pesan di saluran ini').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'notifications-channels-saved.png'), fullPage: true });
    const after = await contacts();
    const c = after.contacts.find((x) => x.channel === 'whatsapp');
    assert.ok(c, 'the WhatsApp channel is recorded');
    assert.match(c.address, /81234560021$/);
    assert.deepEqual([c.consent?.granted, c.consent?.method, c.consent?.statement], [true, 'web', statement]);
  });

  it('a wrong number shows the error summary at the top, linked to the field', async () => {
    const wa = page.getByRole('region', { name: 'WhatsApp' });
    await wa.getByLabel('Nomor WhatsApp').fill('12ab');
    await wa.getByRole('button', { name: 'Simpan' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada yang perlu diperbaiki' }) });
    await summary.waitFor();
    // The summary takes focus so a screen reader announces it, and comes before the forms.
    assert.equal(await page.evaluate<string | null>('document.activeElement?.getAttribute("role") ?? null'), 'alert');
    const link = summary.getByRole('link', { name: /nomor HP Indonesia/ });
    assert.equal(await link.getAttribute('href'), '#whatsapp-address');
    await link.click();
    assert.equal(await page.evaluate<string | null>('document.activeElement?.id ?? null'), 'whatsapp-address');
    assert.equal(await wa.getByLabel('Nomor WhatsApp').getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: path.join(SHOTS, 'notifications-channels-error.png'), fullPage: true });
    // Nothing changed on the server: the saved number stays.
    const c = (await contacts()).contacts.find((x) => x.channel === 'whatsapp');
    assert.match(c?.address ?? '', /81234560021$/);
  });

  it('axe finds no WCAG 2.2 A/AA violations on the page', async function () {
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
  });

  it('threw no errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
