import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, axeViolations, CHROMIUM, signIn as signInAt } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-bandung-barat';
const NIK = '3217016006880005';

/** A tiny but real PDF. */
function pdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}


describe('web app in Chromium: a village operator files for a villager; the counter calls the number', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let operator: Page;
  let officer: Page;
  let applicationId = '';
  let ticket = '';
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(viewport = { width: 360, height: 740 }): Promise<Page> {
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

  /** axe-core run through the DevTools protocol (the page's CSP stays): no WCAG 2.x A/AA violations. */
  async function noViolations(pg: Page, name: string) {
    await pg.screenshot({ path: path.join(SHOTS, `counter-${name}.png`), fullPage: true });
    const violations = await axeViolations(pg);
    assert.deepEqual(violations, [], `axe on ${name}`);
  }

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    operator = await newPage();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    let i = 0;
    for (const c of contexts) for (const pg of c.pages()) await pg.screenshot({ path: path.join(SHOTS, `counter-FAILED-${++i}.png`), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('the village operator has a home with filing and a to-do list', async () => {
    await openAs(operator, `/operator/${TENANT}`, 'operator.desa.kbb');
    await operator.getByRole('heading', { level: 1, name: 'Operator desa' }).waitFor();
    await operator.getByRole('heading', { name: /Perlu dilengkapi/ }).waitFor();
    // The menu names the operator's page (and only for operators).
    await operator.getByRole('navigation').getByRole('link', { name: 'Operator desa' }).waitFor();
    await noViolations(operator, 'operator-home');
  });

  it('files for a villager: person and consent (errors summarised and linked), the form, a document, submit', async () => {
    await operator.getByRole('link', { name: 'Ajukan untuk warga' }).click();
    await operator.waitForURL(`**/operator/${TENANT}/ajukan`);
    await operator.getByRole('heading', { level: 1, name: 'Ajukan untuk warga' }).waitFor();
    await noViolations(operator, 'operator-person');
    await operator.getByRole('button', { name: 'Lanjut ke formulir' }).click();
    const summary = operator.getByRole('alert').filter({ has: operator.getByRole('heading', { name: 'Periksa isian berikut' }) });
    await summary.waitFor();
    const nikLink = summary.getByRole('link', { name: /NIK 16 angka/ });
    assert.equal(await nikLink.getAttribute('href'), '#p-nik');
    await noViolations(operator, 'operator-person-errors');
    const nik = operator.getByLabel('NIK (16 angka)');
    assert.equal(await nik.getAttribute('inputmode'), 'numeric');
    await nik.fill(NIK);
    // Not filed before by this operator: they register the person.
    await operator.getByRole('button', { name: 'Cari dengan NIK' }).click();
    await operator.getByText(/Belum pernah diajukan oleh Anda/).waitFor();
    await operator.getByLabel('Nama lengkap', { exact: true }).fill('Imas Masitoh');
    await operator.getByLabel(/^Nomor HP/).fill('081355550005');
    await operator.getByRole('radio', { name: /Langsung di depan saya/ }).check();
    await operator.getByRole('checkbox', { name: /menyetujuinya/ }).check();
    await operator.getByLabel('Layanan').selectOption('dukcapil.ktpel-penggantian');
    await operator.getByRole('button', { name: 'Lanjut ke formulir' }).click();
    await operator.getByRole('heading', { name: 'Formulir' }).waitFor();
    await operator.getByLabel(/^NIK\*?$/).fill(NIK);
    await operator.getByLabel('Nomor KK').fill('3217010101200004');
    await operator.getByLabel('Nama Lengkap').fill('Imas Masitoh');
    await operator.getByRole('radio', { name: 'Perubahan data' }).check();
    await operator.getByLabel('Nomor HP/WhatsApp').fill('081355550005');
    await operator.getByLabel(/^Kartu Keluarga/).setInputFiles({ name: 'kk-imas.pdf', mimeType: 'application/pdf', buffer: pdf('kk imas') });
    await operator.getByText('Terunggah: kk-imas.pdf').first().waitFor();
    await operator.getByLabel(/^Dokumen dasar perubahan data/).setInputFiles({ name: 'akta-imas.pdf', mimeType: 'application/pdf', buffer: pdf('akta imas') });
    await operator.getByText('Terunggah: akta-imas.pdf').first().waitFor();
    await noViolations(operator, 'operator-form');
    await operator.getByRole('button', { name: 'Kirim permohonan' }).click();
    await operator.waitForURL(`**/operator/${TENANT}/permohonan/*`);
    applicationId = operator.url().split('/').pop()!;
    await operator.getByRole('heading', { level: 1, name: 'Permohonan terkirim' }).waitFor();

    const app = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${applicationId}`, { token: await tokenFor(p, 'operator.desa.kbb') });
    assert.equal(app.status, 200);
    assert.equal(app.body.channel, 'assisted');
    assert.equal(app.body.status, 'submitted');
    assert.deepEqual([app.body.applicant.nik, app.body.applicant.name], [NIK, 'Imas Masitoh']);
    assert.deepEqual([app.body.consent.method, app.body.consent.recordedBy], ['verbal', 'operator.desa.kbb']);
    await operator.getByText(app.body.trackingCode).first().waitFor();
  });

  it('finds the villager by NIK next time (name and phone filled in, earlier applications listed)', async () => {
    const pg = await newPage();
    await openAs(pg, `/operator/${TENANT}/ajukan`, 'operator.desa.kbb');
    await pg.getByLabel('NIK (16 angka)').fill(NIK);
    await pg.getByRole('button', { name: 'Cari dengan NIK' }).click();
    await pg.getByText(/Ditemukan dari permohonan sebelumnya/).waitFor();
    assert.equal(await pg.getByLabel('Nama lengkap', { exact: true }).inputValue(), 'Imas Masitoh');
    assert.equal(await pg.getByLabel(/^Nomor HP/).inputValue(), '081355550005');
    await pg.getByText(/sedang diproses/).waitFor();
    await noViolations(pg, 'operator-found');
    await pg.context().close();
  });

  it('then offers the receipt, takes the queue number and records the phone for notices', async () => {
    const receipt = operator.getByRole('button', { name: 'Cetak tanda terima (PDF)' });
    assert.equal(await receipt.getAttribute('data-receipt'), `/api/v1/tenants/${TENANT}/applications/${applicationId}/receipt`);
    // The receipt opens as a PDF in a new tab, or (while this server has no receipt yet) a plain message says what to do.
    const served = await fetch(`${p.url}/api/v1/tenants/${TENANT}/applications/${applicationId}/receipt`, { headers: { authorization: `Bearer ${await tokenFor(p, 'operator.desa.kbb')}` } });
    const tab = operator.context().waitForEvent('page');
    await receipt.click();
    if (served.ok) await (await tab).waitForURL(/^blob:/);
    else {
      assert.equal(served.status, 404);
      await operator.getByText(/Tanda terima PDF belum tersedia di sini/).waitFor();
    }
    await operator.getByRole('button', { name: 'Ambil nomor antrean hari ini' }).click();
    const shown = operator.locator('.ticket-number');
    await shown.waitFor();
    ticket = (await shown.textContent())!.trim();
    assert.match(ticket, /^1-\d{3}$/, 'Disdukcapil’s counter 1');
    // The villager's phone for notices, with the consent given in person.
    const rcp = operator.getByRole('region', { name: 'Penerima pesan' });
    await rcp.getByLabel('Nomor HP atau alamat email').fill('081355550005');
    await rcp.getByRole('checkbox', { name: /Pemohon setuju menerima pesan/ }).check();
    await rcp.getByRole('button', { name: 'Catat' }).click();
    await rcp.getByText(/81355550005/).first().waitFor();
    await noViolations(operator, 'operator-done');
    // The same number again (one a day per application).
    const again = await api(p, 'POST', `/api/v1/tenants/${TENANT}/applications/${applicationId}/queue-ticket`, { token: await tokenFor(p, 'operator.desa.kbb') });
    assert.equal(again.body.ticket, ticket);
  });

  it('an officer calls the next number on the counter screen until the villager’s comes up', async () => {
    officer = await newPage({ width: 1280, height: 860 });
    await openAs(officer, `/petugas/${TENANT}/antrean`, 'petugas.dukcapil.kbb');
    await officer.getByRole('heading', { level: 1, name: 'Layar loket' }).waitFor();
    const waiting = officer.getByRole('region', { name: /^Menunggu/ });
    await waiting.getByText(ticket).waitFor();
    // Waiting numbers carry no personal data.
    assert.ok(!(await waiting.textContent())!.includes('Imas'));
    await noViolations(officer, 'counter-screen');
    const current = officer.getByTestId('current-ticket');
    for (let i = 0; i < 30; i++) {
      // Each call is followed by a fresh read of the board.
      await Promise.all([
        officer.waitForResponse((r) => r.url().endsWith(`/api/v1/tenants/${TENANT}/counters`) && r.request().method() === 'GET'),
        officer.getByRole('button', { name: 'Panggil berikutnya' }).click(),
      ]);
      await officer.getByRole('button', { name: 'Panggil berikutnya' }).and(officer.locator(':enabled')).waitFor();
      if ((await current.count()) && (await current.textContent())?.trim() === ticket) break;
    }
    assert.equal((await current.textContent())?.trim(), ticket);
    await officer.getByText('Imas Masitoh').first().waitFor();
    await noViolations(officer, 'counter-called');
  });

  it('the hall display shows the called number and no names', async () => {
    const hall = await newPage({ width: 1280, height: 720 });
    await hall.goto(`${p.url}/t/${TENANT}/antrean`);
    const one = hall.getByRole('region', { name: /^Loket 1/ });
    await one.getByText(ticket, { exact: true }).waitFor();
    assert.ok(!(await hall.locator('main').textContent())!.includes('Imas'));
    await noViolations(hall, 'hall-display');
  });

  it('a return for more documents lands on the operator’s to-do list; they upload and send it again', async () => {
    const officerToken = await tokenFor(p, 'petugas.dukcapil.kbb');
    const app = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${applicationId}`, { token: officerToken });
    const returned = await api(p, 'POST', `/api/v1/tenants/${TENANT}/applications/${applicationId}/actions/return`, {
      token: officerToken,
      body: { comment: 'Mohon tambahkan akta nikah sebagai dasar perubahan data.', expectedVersion: app.body.version },
    });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    await operator.goto(`${p.url}/operator/${TENANT}`);
    const todo = operator.getByRole('region', { name: /Perlu dilengkapi/ });
    await todo.getByText('Mohon tambahkan akta nikah sebagai dasar perubahan data.').waitFor();
    await noViolations(operator, 'operator-todo');
    await todo.getByRole('link', { name: new RegExp(`Lengkapi ${app.body.trackingCode}`) }).click();
    await operator.getByRole('heading', { name: 'Dokumen yang masih diperlukan' }).waitFor();
    await noViolations(operator, 'operator-complete');
    await operator.getByLabel(/^Dokumen dasar perubahan data/).setInputFiles({ name: 'akta-nikah.pdf', mimeType: 'application/pdf', buffer: pdf('akta nikah') });
    await operator.getByText(/akta-nikah\.pdf/).waitFor();
    await operator.getByRole('button', { name: 'Ajukan ulang' }).click();
    await operator.getByText('Terkirim. Petugas akan memeriksanya lagi.').waitFor();
    const after = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${applicationId}`, { token: officerToken });
    assert.equal(after.body.state.code, 'diajukan');
    assert.deepEqual(pageErrors, []);
  });
});
