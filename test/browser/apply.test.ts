import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, axeViolations, CHROMIUM, signIn as signInAt } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-bandung-barat';
const PHONE = { width: 360, height: 740 };
const APPLY = `/t/${TENANT}/layanan/dukcapil.akta-kelahiran/ajukan`;


async function pdf(text: string): Promise<Buffer> {
  const d = await PDFDocument.create();
  d.addPage().drawText(text);
  return Buffer.from(await d.save());
}

describe('web app in Chromium: a citizen applies for a birth certificate on a phone (multi-page form)', function () {
  this.timeout(300_000);
  let p: Platform;
  let browser: Browser;
  let citizen: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta', hasTouch: true, isMobile: true });
    contexts.push(ctx);
    const pg = await ctx.newPage();
    pg.on('pageerror', (e) => pageErrors.push(String(e)));
    pg.setDefaultTimeout(20_000);
    return pg;
  }

  async function signIn(pg: Page, username: string) {
    await signInAt(pg, p.url, username);
  }

  /** axe-core through the DevTools protocol (the page's CSP stays as it is): no WCAG 2.2 A/AA violations. */
  async function noViolations(pg: Page, where: string) {
    const violations = await axeViolations(pg);
    assert.deepEqual(violations, [], `axe on ${where}`);
  }

  const activeId = (pg: Page) => pg.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
  const heading = (pg: Page, name: string | RegExp) => pg.getByRole('heading', { level: 2, name }).waitFor();
  const cont = (pg: Page) => pg.getByRole('button', { name: 'Lanjutkan' }).click();

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    citizen = await tokenFor(p, 'warga.kbb');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    let i = 0;
    for (const c of contexts) for (const pg of c.pages()) await pg.screenshot({ path: path.join(SHOTS, `apply-FAILED-${i++}.png`), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  let draftPath = '';

  it('pages, error summary, day/month/year date, a conditional question, autosave across a reload and on another device, check your answers, change, submit', async () => {
    const page = await newPage();
    await page.goto(`${p.url}${APPLY}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, 'warga.kbb');
    await page.waitForURL(`**${APPLY}*`);

    // Page 1: the family card number, on the number keypad.
    await page.getByText('Langkah 1 dari 6').waitFor();
    const kk = page.getByLabel('Nomor KK tempat bayi didaftarkan');
    assert.equal(await kk.getAttribute('inputmode'), 'numeric');
    await noViolations(page, 'page 1');
    await cont(page);
    // The error summary: announced, focused, and its link focuses the field.
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada masalah' }) });
    await summary.waitFor();
    assert.equal(await page.evaluate<boolean>("document.activeElement.classList.contains('error-summary')"), true);
    await noViolations(page, 'page 1 with errors');
    await summary.getByRole('link', { name: 'Isi bagian ini.' }).click();
    assert.equal(await activeId(page), 'f-noKk');
    assert.equal(await kk.getAttribute('aria-describedby'), 'f-noKk-error');
    await page.locator('#f-noKk-error').getByText('Isi bagian ini.').waitFor();
    await kk.fill('3217010101200004');
    // Autosave: the draft is created on the first answer and the page says when it was saved.
    await page.getByText(/Tersimpan otomatis pukul \d{2}\.\d{2}/).waitFor();
    await page.waitForURL(/draft=[0-9a-f-]{36}/);
    const draftId = new URL(page.url()).searchParams.get('draft')!;
    await cont(page);

    // Page 2: the baby, with a day / month / year date.
    await heading(page, 'Data Bayi');
    await page.getByLabel('Nama Bayi').fill('Putri Ayu');
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByRole('radio', { name: 'RS/RB' }).check();
    await page.getByLabel('Tempat Kelahiran (kabupaten/kota)').fill('Bandung Barat');
    const dob = page.getByRole('group', { name: 'Tanggal Lahir' });
    for (const part of ['Tanggal', 'Bulan', 'Tahun']) assert.equal(await dob.getByLabel(part).getAttribute('inputmode'), 'numeric');
    await dob.getByLabel('Tanggal').fill('31');
    await dob.getByLabel('Bulan').fill('2');
    await dob.getByLabel('Tahun').fill('2026');
    await page.getByRole('radio', { name: 'Tunggal' }).check();
    const order = page.getByLabel('Kelahiran Ke-');
    assert.equal(await order.getAttribute('inputmode'), 'numeric');
    await order.fill('1');
    await page.getByRole('radio', { name: 'Bidan/perawat' }).check();
    await cont(page);
    await summary.getByRole('link', { name: 'Masukkan tanggal yang benar: hari, bulan dan tahun.' }).click();
    assert.equal(await activeId(page), 'f-bayi-tanggalLahir-day');
    await noViolations(page, 'page 2 with a date error');
    await dob.getByLabel('Tanggal').fill('28');
    await cont(page);

    // Page 3: the father's NIK is asked only once the parents' marriage proof is chosen.
    await heading(page, 'Data permohonan');
    assert.equal(await page.getByLabel('NIK Ayah').count(), 0);
    await page.getByLabel('NIK Ibu').fill('3217014101900003');
    await page.getByLabel(/^Bukti perkawinan orang tua/).selectOption({ label: 'Buku nikah akta perkawinan' });
    await page.getByLabel('NIK Ayah').waitFor();
    await page.getByLabel('NIK Ayah').fill('3217010101880005');
    await page.getByRole('radio', { name: 'Surat keterangan lahir' }).check();
    await page.getByText(/Tersimpan otomatis pukul/).waitFor();
    await noViolations(page, 'page 3 with the conditional question');
    // Autosave: saved to the server and kept on this device; a reload brings every answer back.
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((k) => {
        const v = k.startsWith('satupintu.draft.') ? JSON.parse(localStorage.getItem(k)!) : null;
        return v?.synced === true && v.data.nikAyah === '3217010101880005' && v.data.buktiKelahiran === 'surat_keterangan_lahir';
      }),
    );
    const saved = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${draftId}`, { token: citizen });
    assert.equal(saved.body.data.nikAyah, '3217010101880005');
    await page.reload();
    await heading(page, 'Data permohonan');
    assert.equal(await page.getByLabel('NIK Ibu').inputValue(), '3217014101900003');
    assert.equal(await page.getByLabel('NIK Ayah').inputValue(), '3217010101880005');
    await cont(page);
    draftPath = new URL(page.url()).pathname + new URL(page.url()).search;

    // Another device, the same person: My applications → the draft → continue, where they left off (page 4).
    const other = await newPage();
    await other.goto(`${p.url}/t/${TENANT}/permohonan`);
    await other.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(other, 'warga.kbb');
    await other.getByRole('link', { name: saved.body.trackingCode }).click();
    await other.getByRole('link', { name: 'Lanjutkan draf' }).click();
    await other.getByText('Langkah 4 dari 6').waitFor();
    await other.getByRole('link', { name: 'Kembali' }).click();
    assert.equal(await other.getByLabel('NIK Ayah').inputValue(), '3217010101880005');
    await other.close();

    // Page 4: the reporter and a phone number on the phone keypad.
    await page.getByText('Langkah 4 dari 6').waitFor();
    // The network drops while typing: kept on the device, and sent once the phone is back online.
    await page.context().setOffline(true);
    await page.getByLabel('NIK Pelapor').fill('3217014101900003');
    await page.getByText('Tersimpan di perangkat ini; akan dikirim ke server saat jaringan kembali.').waitFor();
    await page.context().setOffline(false);
    await page.getByText(/Tersimpan otomatis pukul/).waitFor();
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((k) => k.startsWith('satupintu.draft.') && JSON.parse(localStorage.getItem(k)!).synced === true && JSON.parse(localStorage.getItem(k)!).data.nikPelapor === '3217014101900003'),
    );
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${draftId}`, { token: citizen })).body.data.nikPelapor, '3217014101900003');
    const hp = page.getByLabel('Nomor HP/WhatsApp');
    assert.equal(await hp.getAttribute('inputmode'), 'tel');
    assert.equal(await hp.getAttribute('type'), 'tel');
    assert.equal(await hp.getAttribute('autocomplete'), 'tel');
    // Saving fails (the connection breaks) and the person reloads: the answer comes back from the
    // device copy, and goes to the server once it can.
    const drafts = '**/api/v1/tenants/*/applications/*';
    await page.route(drafts, (route) => (route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue()));
    await hp.fill('081234567890');
    await page.getByText('Tersimpan di perangkat ini; akan dikirim ke server saat jaringan kembali.').waitFor();
    await page.reload();
    await page.getByText('Kami memulihkan isian Anda yang belum terkirim.').waitFor();
    assert.equal(await hp.inputValue(), '081234567890');
    await page.getByText('Tersimpan di perangkat ini; akan dikirim ke server saat jaringan kembali.').waitFor();
    await page.unroute(drafts);
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.getByText(/Tersimpan otomatis pukul/).waitFor();
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${draftId}`, { token: citizen })).body.data.noHp, '081234567890');
    assert.equal(await page.getByLabel('NIK Saksi I').count(), 0, 'witnesses only with a self-declaration');
    await cont(page);

    // Page 5: only the documents that apply (the marriage book, not the spouses' declaration).
    await heading(page, 'Unggah dokumen persyaratan');
    assert.equal(await page.getByLabel(/SPTJM/).count(), 0);
    await cont(page);
    await summary.waitFor();
    const docLinks = await summary.getByRole('link').count();
    assert.ok(docLinks >= 3, `kk, parents' ID and the conditional ones: ${docLinks}`);
    await noViolations(page, 'documents with errors');
    for (const input of await page.locator('input[type=file]').all()) {
      const id = (await input.getAttribute('id'))!;
      await input.setInputFiles({ name: `${id}.pdf`, mimeType: 'application/pdf', buffer: await pdf(id) });
      await page.getByText(`Terunggah: ${id}.pdf`).waitFor();
    }
    await cont(page);

    // Check your answers, then change one answer and come back.
    await heading(page, 'Periksa jawaban Anda');
    await page.getByText('28 Feb 2026').waitFor();
    await noViolations(page, 'check your answers');
    await page.screenshot({ path: path.join(SHOTS, 'apply-check-answers.png') });
    await page.getByRole('link', { name: 'Ubah Nomor HP/WhatsApp' }).click();
    await page.getByText('Langkah 4 dari 6').waitFor();
    assert.equal(await activeId(page), 'f-noHp');
    await hp.fill('081298765432');
    await cont(page);
    await cont(page);
    await heading(page, 'Periksa jawaban Anda');
    await page.getByText('081298765432').waitFor();
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForURL(`**/t/${TENANT}/permohonan/${draftId}/terkirim`);
    const done = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${draftId}`, { token: citizen });
    assert.equal(done.body.status, 'submitted');
    assert.equal(done.body.data.noHp, '081298765432');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('satupintu.draft.')).length), 0, 'the device copy is gone after submission');
  });

  it('warns before a second application for the same service, linking to the first', async function () {
    if (!draftPath) this.skip();
    const page = await newPage();
    await page.goto(`${p.url}${APPLY}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, 'warga.kbb');
    await page.getByLabel('Nomor KK tempat bayi didaftarkan').fill('3217010101200004');
    await page.getByText(/Tersimpan otomatis/).waitFor();
    const id = new URL(page.url()).searchParams.get('draft')!;
    await page.goto(`${p.url}${APPLY}?draft=${id}&langkah=6`);
    await page.getByRole('region', { name: 'Anda sudah punya permohonan aktif untuk layanan ini' }).getByRole('link').first().waitFor();
    await noViolations(page, 'check your answers with a duplicate warning');
  });

  it('can be completed with the keyboard alone (Tab, Enter, Space, an arrow key in a list, typing)', async () => {
    const page = await newPage();
    await page.goto(`${p.url}${APPLY}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, 'warga.kbb');
    await page.getByText('Langkah 1 dari 6').waitFor();
    const kb = page.keyboard;
    /** Tabs forward until the focused element matches (a CSS selector, or a button/link by its text). */
    const tabTo = async (target: string | { text: string }) => {
      const test = typeof target === 'string' ? `document.activeElement && document.activeElement.matches(${JSON.stringify(target)})` : `document.activeElement && document.activeElement.textContent.trim() === ${JSON.stringify(target.text)}`;
      for (let i = 0; i < 80; i++) {
        if (await page.evaluate<boolean>(`!!(${test})`)) return;
        await kb.press('Tab');
      }
      assert.fail(`Tab never reached ${JSON.stringify(target)}`);
    };
    const typeInto = async (id: string, text: string) => {
      await tabTo(`#${id}`);
      await kb.type(text);
    };
    const next = async () => {
      await tabTo({ text: 'Lanjutkan' });
      await kb.press('Enter');
    };
    // Continue with nothing: the summary takes focus, Tab + Enter on its link lands in the field.
    await next();
    await page.getByRole('heading', { name: 'Ada masalah' }).waitFor();
    await kb.press('Tab');
    await kb.press('Enter');
    assert.equal(await activeId(page), 'f-noKk');
    await kb.type('3217010101200004');
    await next();
    await page.getByText('Langkah 2 dari 6').waitFor();
    await typeInto('f-bayi-namaLengkap', 'Raka Pratama');
    await tabTo('#f-bayi-jenisKelamin-0');
    await kb.press('Space');
    await tabTo('#f-bayi-tempatDilahirkan-0');
    await kb.press('Space');
    await typeInto('f-bayi-tempatKelahiran', 'Bandung Barat');
    await typeInto('f-bayi-tanggalLahir-day', '3');
    await typeInto('f-bayi-tanggalLahir-month', '3');
    await typeInto('f-bayi-tanggalLahir-year', '2026');
    await tabTo('#f-bayi-jenisKelahiran-0');
    await kb.press('Space');
    await typeInto('f-bayi-kelahiranKe', '2');
    await tabTo('#f-bayi-penolong-0');
    await kb.press('Space');
    await next();
    await page.getByText('Langkah 3 dari 6').waitFor();
    await typeInto('f-nikIbu', '3217014101900003');
    await tabTo('#f-buktiPerkawinan');
    await kb.press('ArrowDown'); // the first choice: the marriage book
    await page.getByLabel('NIK Ayah').waitFor();
    await typeInto('f-nikAyah', '3217010101880005');
    await tabTo('#f-buktiKelahiran-0');
    await kb.press('Space');
    await next();
    await page.getByText('Langkah 4 dari 6').waitFor();
    await typeInto('f-nikPelapor', '3217014101900003');
    await typeInto('f-noHp', '081234567890');
    await next();
    await page.getByText('Langkah 5 dari 6').waitFor();
    for (const input of await page.locator('input[type=file]').all()) {
      const id = (await input.getAttribute('id'))!;
      await tabTo(`#${id}`);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), kb.press('Space')]);
      await chooser.setFiles({ name: `${id}.pdf`, mimeType: 'application/pdf', buffer: await pdf(id) });
      await page.getByText(`Terunggah: ${id}.pdf`).waitFor();
    }
    await next();
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor();
    // Change an answer from the summary, by keyboard, and come back.
    await tabTo('a[href*="langkah=2"]');
    await kb.press('Enter');
    await page.getByText('Langkah 2 dari 6').waitFor();
    await next();
    await next();
    await next();
    await next();
    await page.getByRole('heading', { name: 'Periksa jawaban Anda' }).waitFor();
    await tabTo({ text: 'Kirim permohonan' });
    await kb.press('Enter');
    await page.waitForURL(`**/t/${TENANT}/permohonan/*/terkirim`);
    const id = new URL(page.url()).pathname.split('/')[4]!;
    const done = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${id}`, { token: citizen });
    assert.equal(done.body.status, 'submitted');
    assert.equal(done.body.data.bayi.tanggalLahir, '2026-03-03');
    assert.equal(done.body.data.nikAyah, '3217010101880005');
  });

  it('a short service stays one page: questions and documents that apply only to a lost card appear only when the card was lost', async () => {
    const page = await newPage();
    await page.goto(`${p.url}/t/${TENANT}/layanan/dukcapil.ktpel-penggantian/ajukan`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, 'warga.kbb');
    await page.getByRole('heading', { name: 'Formulir' }).waitFor();
    assert.equal(await page.getByText(/Langkah \d/).count(), 0);
    const sktlkNumber = page.getByLabel('Nomor Surat Keterangan Tanda Lapor Kehilangan');
    const sktlkDoc = page.getByLabel(/^Surat Keterangan Tanda Lapor Kehilangan \(SKTLK\)/);
    assert.equal(await sktlkNumber.count(), 0);
    assert.equal(await sktlkDoc.count(), 0);
    await page.getByRole('radio', { name: 'Hilang' }).check();
    await sktlkNumber.waitFor();
    await sktlkDoc.waitFor();
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada masalah' }) });
    await summary.waitFor();
    assert.ok((await summary.getByRole('link').count()) >= 5);
    await noViolations(page, 'one-page form with errors and conditional questions');
    await page.getByRole('radio', { name: 'Rusak' }).check();
    await sktlkNumber.waitFor({ state: 'detached' });
    assert.equal(await sktlkDoc.count(), 0);
    await page.getByLabel(/^Foto KTP-el yang rusak/).waitFor();
  });

  it('threw no errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
