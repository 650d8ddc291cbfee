import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { axeViolations, CHROMIUM, launchChromium, signIn, tinyPdf } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const T = 'kab-bandung-barat';

describe('web app in Chromium: the officer reads what the NIK says and where the form disagrees', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the region, birth date and sex from the NIK in their own card, the mismatch named by its field, with no axe violation on a phone', async () => {
    const citizen = await tokenFor(p, 'warga.kbb');
    const nik = `321706120590${Math.floor(Math.random() * 9000) + 1000}`;
    const made = await api(p, 'POST', `/api/v1/tenants/${T}/applications`, {
      token: citizen,
      body: {
        service: 'dukcapil.ktpel-rekam',
        data: { nik, noKk: '3217010101200004', namaLengkap: 'Asep Sunandar', tempatLahir: 'Bandung', tanggalLahir: '1990-05-21', jenisKelamin: 'laki-laki', dasarPermohonan: 'berusia_17_tahun', noHp: '081234567890' },
      },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const up = await fetch(`${p.url}/api/v1/tenants/${T}/applications/${made.body.id}/documents/kk?filename=kk.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf', 'idempotency-key': crypto.randomUUID() },
      body: tinyPdf('kk'),
    });
    assert.equal(up.status, 201);
    assert.equal((await api(p, 'POST', `/api/v1/tenants/${T}/applications/${made.body.id}/submit`, { token: citizen })).status, 200);

    const where = `/petugas/${T}/dukcapil/permohonan/${made.body.id}`;
    await page.goto(`${p.url}${where}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, p.url, 'petugas.dukcapil.kbb');
    await page.waitForURL(`**${where}*`);
    const card = page.locator('section.nik-facts');
    await card.getByRole('heading', { name: 'Yang tertulis dalam NIK' }).waitFor();
    // The field is named by the plugin's label once the service definition has loaded.
    await card.locator('strong', { hasText: 'Tanggal Lahir' }).waitFor();
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Kabupaten Bandung Barat, Jawa Barat/);
    assert.match(text, /1990/);
    assert.match(text, /Laki-laki/);
    assert.match(text, /Tanggal Lahir: Tanggal lahir tidak sesuai dengan NIK \(NIK menunjukkan 12-05-1990\)/);
    assert.doesNotMatch(text, new RegExp(nik), 'the card does not repeat the NIK');
    await page.screenshot({ path: path.join(SHOTS, 'officer-nik-facts.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), [], 'axe on the officer’s application page');
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `no sideways scrolling at 360 px (${overflow}px)`);
    assert.deepEqual(pageErrors, []);
  });
});
