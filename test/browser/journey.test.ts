import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, axeViolations, CHROMIUM, signIn as signInAt } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-bandung-barat';
const base = `/api/v1/tenants/${TENANT}`;
const SERVICE = 'dukcapil.ktpel-rekam';
const WEEKDAY = /(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}/;


type Booking = { id: string; status: string; applicationId: string | null; sessionId: string; date: string; start: string };

describe('web app in Chromium on a phone: confirmation, receipt and an appointment for the application', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let citizen: string;
  let page: Page;
  let app: { id: string; trackingCode: string };
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function signIn(pg: Page, username: string) {
    await signInAt(pg, p.url, username);
  }

  /** No WCAG 2.x A/AA violations on the page as it is now (axe evaluated through the DevTools protocol: the page's CSP stays). */
  async function noViolations(pg: Page, what: string) {
    const violations = await axeViolations(pg);
    assert.deepEqual(violations, [], `axe on ${what}`);
  }

  const bookings = async () => (await api(p, 'GET', `${base}/bookings?application=${app.id}`, { token: citizen })).body.items as Booking[];

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    citizen = await tokenFor(p, 'warga.kbb');
    // A known start: the citizen holds no appointment still to come here (a person holds at most three).
    for (const b of (await api(p, 'GET', `${base}/bookings?limit=100`, { token: citizen })).body.items as Booking[])
      if (b.status === 'booked') await api(p, 'DELETE', `${base}/bookings/${b.id}`, { token: citizen });
    // The application, submitted through the API (the apply page has its own test): a KTP-el recording with the KK attached.
    const nik = `321701410190${1000 + Math.floor(Math.random() * 9000)}`;
    const made = await api(p, 'POST', `${base}/applications`, {
      token: citizen,
      body: { service: SERVICE, data: { nik, noKk: '3217010101200004', namaLengkap: 'Siti Nurhaliza', tempatLahir: 'Bandung', tanggalLahir: '2008-01-10', jenisKelamin: 'perempuan', dasarPermohonan: 'berusia_17_tahun', noHp: '081234567890' } },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const kk = await PDFDocument.create();
    kk.addPage().drawText('Kartu Keluarga');
    const up = await fetch(`${p.url}${base}/applications/${made.body.id}/documents/kk?filename=kk.pdf`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/pdf' },
      body: Buffer.from(await kk.save()),
    });
    assert.equal(up.status, 201);
    const sent = await api(p, 'POST', `${base}/applications/${made.body.id}/submit`, { token: citizen });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    app = { id: sent.body.id, trackingCode: sent.body.trackingCode };

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta', acceptDownloads: true });
    contexts.push(ctx);
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const c of contexts) for (const pg of c.pages()) await pg.screenshot({ path: path.join(SHOTS, 'journey-FAILED.png'), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('the confirmation page: tracking code, the due date with its weekday, what to bring, how we tell, a session to book', async () => {
    const pathname = `/t/${TENANT}/permohonan/${app.id}/terkirim`;
    await page.goto(`${p.url}${pathname}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, 'warga.kbb');
    await page.waitForURL(`**${pathname}`);
    await page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' }).waitFor();
    assert.equal((await page.locator('#tracking-code').textContent())?.trim(), app.trackingCode);
    const due = await page.getByText(/^Paling lambat selesai:/).textContent();
    assert.match(due ?? '', WEEKDAY);
    await page.getByText('3 hari kerja sejak dikirim', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Yang dibawa ke gerai' }).waitFor();
    await page.getByText('Kartu Keluarga', { exact: false }).first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Atur saluran pesan' }).getAttribute('href'), `/t/${TENANT}/saluran`);
    await page.getByRole('link', { name: 'Pilih jadwal' }).waitFor();
    // Nothing wider than the phone's screen.
    assert.ok(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'), 'no sideways scrolling at 360 px');
    await page.screenshot({ path: path.join(SHOTS, 'journey-confirmation.png'), fullPage: true });
    await noViolations(page, 'the confirmation page');
  });

  it('downloads the receipt: a PDF holding the tracking code', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh tanda terima (PDF)' }).click()]);
    assert.equal(download.suggestedFilename(), `tanda-terima-${app.trackingCode}.pdf`);
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    assert.ok(text.includes(app.trackingCode), 'the receipt names the tracking code');
    assert.ok(text.includes('MPP KAB. BANDUNG BARAT'));
  });

  it('books a session for the application: weekday, date and time in WIB, holidays flagged', async () => {
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Pilih jadwal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilih jadwal' }).waitFor();
    await page.getByText('Jadwal ini untuk permohonan Anda').waitFor();
    const first = page.locator('.sessions h2').first();
    assert.match((await first.textContent()) ?? '', new RegExp(`${WEEKDAY.source}, \\d{2}\\.\\d{2}–\\d{2}\\.\\d{2} WIB`));
    // Christmas Eve (cuti bersama) and Christmas (a national holiday) fall in the coming weeks' window while it includes them.
    const flags = await page.locator('.holiday-flag').count();
    const stored = ((await api(p, 'GET', `${base}/services/${SERVICE}/sessions`)).body.items as { holiday: string | null; startsAt: string }[]).filter((s) => s.holiday && Date.parse(s.startsAt) > Date.now()).length;
    assert.equal(flags, stored, 'every session on a holiday carries the flag');
    if (stored > 0) assert.match((await page.locator('.holiday-flag').first().textContent()) ?? '', /^Hari libur: (Libur nasional|Cuti bersama): .+Instansi tetap membuka sesi ini/);
    await page.screenshot({ path: path.join(SHOTS, 'journey-sessions.png'), fullPage: false });
    await noViolations(page, 'the session list');
    const choose = page.getByRole('button', { name: /^Pilih: / }).and(page.locator(':enabled')).first();
    const label = (await choose.getAttribute('aria-label'))!.replace(/^Pilih: /, '');
    await choose.click();
    await page.getByRole('status').getByText(`Jadwal Anda tercatat: ${label}`).waitFor();
    const [b] = await bookings();
    assert.deepEqual([b?.status, b?.applicationId], ['booked', app.id], 'the booking serves the application');
  });

  it('reschedules from the application’s page, with a confirmation, and the link stays', async () => {
    await page.getByRole('link', { name: 'Kembali ke permohonan' }).click();
    await page.getByRole('heading', { name: 'Jadwal datang ke gerai' }).waitFor();
    const section = page.getByRole('region', { name: 'Jadwal datang ke gerai' });
    assert.match((await section.locator('h3').first().textContent()) ?? '', WEEKDAY);
    await noViolations(page, 'the application’s page');
    await section.getByRole('link', { name: 'Jadwalkan ulang' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pilih jadwal baru' }).waitFor();
    await page.getByText('Jadwal Anda sekarang', { exact: false }).first().waitFor();
    await noViolations(page, 'the reschedule list');
    const before = (await bookings())[0]!;
    page.once('dialog', (d) => {
      assert.match(d.message(), /^Pindahkan jadwal Anda ke /);
      void d.accept();
    });
    await page.getByRole('button', { name: /^Pindah ke sini: / }).and(page.locator(':enabled')).first().click();
    await page.getByRole('status').getByText('Jadwal Anda sudah dipindah', { exact: false }).waitFor();
    const after = await bookings();
    assert.deepEqual(
      after.map((x) => [x.status, x.applicationId]).sort(),
      [['booked', app.id], ['cancelled', app.id]],
    );
    assert.notEqual(after.find((x) => x.status === 'booked')?.sessionId, before.sessionId, 'moved to another session');
  });

  it('cancels from My applications after a confirmation, with a plain message', async () => {
    await page.goto(`${p.url}/t/${TENANT}/permohonan`);
    await page.getByRole('heading', { level: 1, name: 'Permohonan saya' }).waitFor();
    const cancel = page.getByRole('button', { name: 'Batalkan jadwal' });
    await cancel.first().waitFor();
    assert.equal(await cancel.count(), 1, 'the one active appointment');
    // Services by their names, never their codes.
    await page.getByRole('main').getByText('Perekaman dan Penerbitan KTP-el Baru').first().waitFor();
    assert.equal(await page.getByRole('main').getByText(SERVICE).count(), 0);
    await noViolations(page, 'My applications');
    // Dismissing the dialog changes nothing.
    page.once('dialog', (d) => void d.dismiss());
    await cancel.click();
    assert.equal((await bookings()).filter((x) => x.status === 'booked').length, 1);
    page.once('dialog', (d) => void d.accept());
    await cancel.click();
    await page.getByRole('status').getByText('Jadwal dibatalkan', { exact: false }).waitFor();
    assert.equal((await bookings()).filter((x) => x.status === 'booked').length, 0);
    await page.screenshot({ path: path.join(SHOTS, 'journey-cancelled.png'), fullPage: true });
  });

  it('threw no errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
