import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { sharedPlatform } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, axeViolations, CHROMIUM, signIn as signInAt } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-bandung-barat';
const SERVICE = 'dukcapil.ktpel-penggantian';
const APPLY = `/t/${TENANT}/layanan/${SERVICE}/ajukan`;
const PHONE = { width: 360, height: 740 };


/** The access token the app holds (oidc-client-ts keeps the user in sessionStorage). */
const heldToken = (pg: Page) =>
  pg.evaluate<string | undefined>(`(() => { const k = Object.keys(sessionStorage).find((x) => x.startsWith('oidc.user:')); return k ? JSON.parse(sessionStorage.getItem(k)).access_token : undefined; })()`);
/** When the app expects the SSO session to end (epoch ms, the browser's clock). */
const endsAt = async (pg: Page) => Number(await pg.evaluate<string | null>(`sessionStorage.getItem('satupintu.session.endsAt')`));
const browserNow = (pg: Page) => pg.evaluate<number>('Date.now()');

describe('web app in Chromium: the session never throws work away; installable; offline', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let page: Page;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  /** Token requests the page made with grant_type=refresh_token. */
  const refreshes: Request[] = [];
  /** Bearer tokens the page sent to the API, in order. */
  const bearers: string[] = [];

  async function newContext(): Promise<BrowserContext> {
    const ctx = await browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta', serviceWorkers: 'allow' });
    contexts.push(ctx);
    return ctx;
  }

  async function newPage(ctx: BrowserContext): Promise<Page> {
    const pg = await ctx.newPage();
    pg.on('pageerror', (e) => pageErrors.push(String(e)));
    pg.setDefaultTimeout(20_000);
    return pg;
  }

  async function signIn(pg: Page, username: string) {
    await signInAt(pg, p.url, username);
  }

  async function axe(pg: Page, where = 'document'): Promise<string[]> {
    return axeViolations(pg, where);
  }

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const c of contexts) for (const pg of c.pages()) await pg.screenshot({ path: path.join(SHOTS, 'session-FAILED.png'), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('a token that expires mid-form is renewed with the refresh token: nothing typed is lost, no redirect, the draft saves', async () => {
    const ctx = await newContext();
    page = await newPage(ctx);
    // The browser's clock is Playwright's (page.clock): moving it on expires the 5-minute access
    // token in the app's eyes without waiting. (The API checks expiry by its own clock, so the
    // proof is that the app renewed and sent the new token, seen on the wire.)
    await page.clock.install();
    page.on('request', (r) => {
      if (r.url().endsWith('/protocol/openid-connect/token') && /grant_type=refresh_token/.test(r.postData() ?? '')) refreshes.push(r);
      const auth = r.headers()['authorization'];
      if (r.url().includes('/api/') && auth) bearers.push(auth.slice('Bearer '.length));
    });
    await page.goto(`${p.url}${APPLY}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, 'warga.kbb');
    await page.waitForURL(`**${APPLY}`);
    // The first answer creates the draft (autosave, about 1.2 s after typing stops).
    const created = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/tenants/${TENANT}/applications` && r.request().method() === 'POST');
    await page.getByLabel(/^NIK\*?$/).fill('3217014101900003');
    await page.getByLabel('Nama Lengkap').fill('Siti Nurhaliza');
    assert.equal((await created).status(), 201);
    const first = await heldToken(page);
    assert.ok(first, 'signed in');
    assert.ok((await endsAt(page)) > (await browserNow(page)), 'the app knows when the SSO session ends');

    await page.clock.fastForward('06:00');
    const saved = page.waitForResponse((r) => /\/applications\/[^/]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'PATCH');
    await page.getByLabel('Nomor KK').fill('3217010101200004');
    assert.equal((await saved).status(), 200, 'the autosave went through');
    await page.getByText(/Tersimpan otomatis pukul/).waitFor();

    assert.equal(new URL(page.url()).pathname, APPLY, 'no redirect to sign in');
    assert.ok(refreshes.length >= 1, 'the app renewed with the refresh token');
    const renewed = await heldToken(page);
    assert.notEqual(renewed, first);
    assert.equal(bearers.at(-1), renewed, 'the save carried the renewed token');
    assert.equal(await page.getByLabel(/^NIK\*?$/).inputValue(), '3217014101900003');
    assert.equal(await page.getByLabel('Nama Lengkap').inputValue(), 'Siti Nurhaliza');
    assert.equal(await page.getByLabel('Nomor KK').inputValue(), '3217010101200004');
    await page.screenshot({ path: path.join(SHOTS, 'session-renewed-draft-saved.png'), fullPage: true });
  });

  it('warns two minutes before the SSO session ends (alertdialog, focus, keyboard, axe), and “Lanjutkan sesi” keeps the person signed in', async () => {
    const before = refreshes.length;
    const end = await endsAt(page);
    // To 100 s before the end (the renewal above moved the end on; nothing was touched since).
    await page.clock.fastForward(end - (await browserNow(page)) - 100_000);
    const dialog = page.getByRole('alertdialog', { name: 'Sesi Anda akan segera berakhir' });
    await dialog.waitFor();
    const focused = () => page.evaluate<string>(`(document.activeElement?.closest('dialog') ? 'dialog: ' : '') + (document.activeElement?.textContent ?? '')`);
    assert.equal(await focused(), 'dialog: Lanjutkan sesi', 'focus moved to “Lanjutkan sesi”');
    await dialog.getByRole('button', { name: 'Keluar' }).waitFor();
    // What was typed is still there behind the dialog.
    assert.equal(await page.getByLabel('Nama Lengkap').inputValue(), 'Siti Nurhaliza');
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(SHOTS, 'session-timeout-warning.png') });

    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'dialog: Keluar', 'Tab moves to “Keluar” inside the dialog');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok(refreshes.length > before, 'extending renewed the session at the issuer');
    assert.ok((await endsAt(page)) - (await browserNow(page)) > 10 * 60_000, 'the session end moved on');
    await page.getByRole('button', { name: /^Keluar/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, APPLY);
  });

  it('once the session has ended, the page and what was typed stay; “Masuk lagi” returns to the same page', async () => {
    await page.clock.fastForward((await endsAt(page)) - (await browserNow(page)) + 1_000);
    const dialog = page.getByRole('alertdialog', { name: 'Sesi Anda telah berakhir' });
    await dialog.waitFor();
    assert.equal(new URL(page.url()).pathname, APPLY, 'nothing redirected by itself');
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(SHOTS, 'session-ended.png') });
    // Behind the dialog the page is as it was.
    assert.equal(await page.getByLabel('Nomor KK').inputValue(), '3217010101200004');
    assert.equal(await page.getByLabel('Nama Lengkap').inputValue(), 'Siti Nurhaliza');
    // Signing in again comes back to this page (the issuer still knows the browser: no password asked).
    await dialog.getByRole('button', { name: 'Masuk lagi' }).click();
    await page.waitForURL((u) => u.pathname === APPLY);
    await page.getByRole('button', { name: /^Keluar/ }).waitFor();
    await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
  });

  it('a 401 is retried once after renewal: the save goes through, nothing is dropped', async () => {
    // The held access token no longer accepted (as after a key rotation or a revoked token): the API answers 401.
    await page.evaluate(`(() => { const k = Object.keys(sessionStorage).find((x) => x.startsWith('oidc.user:')); const u = JSON.parse(sessionStorage.getItem(k)); u.access_token = 'no.longer.valid'; sessionStorage.setItem(k, JSON.stringify(u)); })()`);
    // Every API answer from here on (the autosave, and e.g. the fee quote the page asks for as answers change).
    const answers: { call: string; status: number }[] = [];
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/v1/')) answers.push({ call: `${r.request().method()} ${u.pathname}`, status: r.status() });
    });
    const before = refreshes.length;
    const ok = page.waitForResponse((r) => r.url().includes(`/api/v1/tenants/${TENANT}/applications`) && r.request().method() !== 'GET' && r.status() < 300);
    // An answer changed: the autosave (a PATCH of the draft, or its creation) goes through.
    await page.getByLabel('Nama Lengkap').fill('Siti Nurhaliza Putri');
    await ok;
    // The first call that met the held token got one 401, and the same call was made again, after renewal, and answered.
    const refused = answers.filter((a) => a.status === 401);
    assert.equal(refused.length, 1, JSON.stringify(answers));
    const retried = answers.slice(answers.indexOf(refused[0]!) + 1).find((a) => a.call === refused[0]!.call);
    assert.ok(retried && retried.status < 300, JSON.stringify(answers));
    assert.equal(refreshes.length, before + 1);
    assert.equal(new URL(page.url()).pathname, APPLY);
    assert.equal(await page.getByLabel('Nama Lengkap').inputValue(), 'Siti Nurhaliza Putri');
  });

  it('after one visit the app shell opens offline with the offline notice; the API is never cached', async () => {
    const ctx = await newContext();
    const pg = await newPage(ctx);
    await pg.goto(`${p.url}/t/${TENANT}`);
    await pg.evaluate('navigator.serviceWorker.ready.then(() => true)');
    // Now controlled: this load goes through the service worker, which keeps the route's chunk.
    await pg.reload();
    await pg.getByRole('heading', { level: 1 }).first().waitFor();
    await pg.waitForFunction('navigator.serviceWorker.controller !== null');
    await ctx.setOffline(true);
    const res = await pg.reload();
    assert.ok(res?.fromServiceWorker(), 'the page came from the service worker');
    await pg.getByText('Anda sedang luring').waitFor();
    await pg.getByRole('link', { name: /Satupintu/ }).first().waitFor();
    assert.deepEqual(await axe(pg), []);
    await pg.screenshot({ path: path.join(SHOTS, 'offline-shell.png'), fullPage: true });
    // A page never opened: the shell opens, and where the page's own code was never fetched, it says
    // what to do instead of a blank screen (the menu and the offline notice stay).
    await pg.goto(`${p.url}/t/${TENANT}/skm`);
    await pg.getByText('Anda sedang luring').waitFor();
    await pg.getByRole('heading', { level: 1, name: 'Halaman ini perlu internet' }).waitFor();
    await pg.getByRole('button', { name: 'Coba lagi' }).waitFor();
    await pg.getByRole('navigation').getByRole('link', { name: 'Beranda' }).waitFor();
    const cached = await pg.evaluate<string[]>(`caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys())))).then((all) => all.flat().map((r) => new URL(r.url).pathname))`);
    assert.ok(cached.some((u) => u.startsWith('/assets/')), 'hashed assets are cached');
    assert.deepEqual(cached.filter((u) => /^\/(api|realms)\//.test(u)), [], 'no API or issuer answer is cached');
    // Without the shell either, the service worker's own offline page says what to do.
    await pg.evaluate(`caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => Promise.all(['/', '/t/${TENANT}/pengaduan'].map((k) => c.delete(k)))))))`);
    await pg.goto(`${p.url}/t/${TENANT}/pengaduan`).catch(() => {});
    await pg.getByRole('heading', { name: 'Anda sedang luring' }).waitFor();
    await ctx.setOffline(false);
  });

  it('serves the manifest with its type, real PNG icons, and links it from the page', async () => {
    const res = await fetch(`${p.url}/manifest.webmanifest`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/manifest\+json/);
    const m = (await res.json()) as { name: string; lang: string; theme_color: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    assert.equal(m.name, 'Satupintu — MPP');
    assert.equal(m.lang, 'id');
    assert.equal(m.theme_color, '#0b4fd6');
    assert.equal(m.display, 'standalone');
    assert.ok(m.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
    for (const icon of m.icons) {
      const img = await fetch(`${p.url}${icon.src}`);
      assert.equal(img.status, 200, icon.src);
      assert.equal(img.headers.get('content-type'), 'image/png');
      const bytes = Buffer.from(await img.arrayBuffer());
      assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
      const [w, h] = icon.sizes.split('x').map(Number);
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [w, h], `${icon.src} is ${icon.sizes}`);
    }
    const sw = await fetch(`${p.url}/sw.js`);
    assert.equal(sw.status, 200);
    assert.match(sw.headers.get('content-type') ?? '', /javascript/);
    const html = await (await fetch(`${p.url}/`, { headers: { accept: 'text/html' } })).text();
    assert.match(html, /<link rel="manifest" href="\/manifest.webmanifest"/);
    assert.match(html, /<meta name="theme-color" content="#0b4fd6"/);
  });

  it('threw no errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
