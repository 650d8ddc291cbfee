import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, CHROMIUM, signIn as signInAt } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-bandung-barat';

/** A tiny but real PDF. */
function pdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

describe('web app in Chromium (citizen → officer → citizen → ministry)', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let shot = 0;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  /** Full-page shot of every page; `readme` also keeps a viewport-sized one for docs/screenshots. */
  async function screenshot(page: Page, name: string, opts: { full?: boolean; readme?: boolean } = {}) {
    shot += 1;
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: opts.full ?? true });
    if (opts.readme) await page.screenshot({ path: path.join(SHOTS, 'readme', `${name}.png`) });
  }

  async function newPage(viewport = { width: 1280, height: 860 }): Promise<Page> {
    const ctx = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
    return page;
  }

  /** On the issuer's sign-in page (embedded or Keycloak): fill the form and come back to the app. */
  async function signIn(page: Page, username: string) {
    await signInAt(page, p.url, username);
  }

  /** Opens an app page that needs a user, signing in through the OIDC code flow with PKCE. */
  async function openAs(page: Page, pathname: string, username: string) {
    await page.goto(`${p.url}${pathname}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, username);
    await page.waitForURL(`**${pathname}*`);
  }

  async function cockpitTotal(): Promise<number | undefined> {
    const r = await api(p, 'GET', '/api/v1/national/cockpit', { token: await tokenFor(p, 'analis.kemenpanrb') });
    return r.status === 200 ? (r.body.totals.applications.total as number) : undefined;
  }

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    // Its own numbered shots are overwritten; the other suites' shots in the same folder stay.
    mkdirSync(path.join(SHOTS, 'readme'), { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const c of contexts) for (const pg of c.pages()) await screenshot(pg, 'FAILED').catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  let trackingCode = '';
  let applicationPath = '';
  let cockpitBefore: number | undefined;

  it('serves the app at / with a history fallback that leaves the API alone', async () => {
    const html = await fetch(`${p.url}/t/${TENANT}/layanan/x`, { headers: { accept: 'text/html' } });
    assert.equal(html.status, 200);
    assert.match(await html.text(), /<div id="root">/);
    const apiMiss = await fetch(`${p.url}/api/v1/nope`, { headers: { accept: 'text/html' } });
    assert.equal(apiMiss.status, 404);
    assert.match(apiMiss.headers.get('content-type') ?? '', /problem\+json/);
    const cfg = (await (await fetch(`${p.url}/config.json`)).json()) as { authority: string; clientId: string };
    assert.equal(cfg.authority, `${p.authServerUrl}/realms/mpp`);
    assert.equal(cfg.clientId, 'satupintu-web');
    cockpitBefore = await cockpitTotal();
  });

  it('a citizen finds "Penggantian KTP-el" at KBB and applies online with a PDF', async () => {
    const page = await newPage();
    await page.goto(`${p.url}/`);
    await page.getByRole('link', { name: 'Kabupaten Bandung Barat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kabupaten Bandung Barat' }).waitFor();
    await screenshot(page, 'home-to-catalog');
    await page.getByLabel('Cari layanan').fill('penggantian ktp');
    await page.getByRole('link', { name: 'Penggantian KTP-el', exact: true }).waitFor();
    await screenshot(page, 'catalog-search');
    await page.getByRole('link', { name: 'Penggantian KTP-el', exact: true }).click();
    await page.getByRole('heading', { name: 'Standar pelayanan' }).waitFor();
    for (const c of ['Persyaratan', 'Sistem, mekanisme, dan prosedur', 'Jangka waktu penyelesaian', 'Biaya/tarif', 'Produk pelayanan', 'Penanganan pengaduan, saran, dan masukan'])
      await page.getByText(c, { exact: false }).first().waitFor();
    await page.getByRole('img', { name: /Kode QR/ }).waitFor();
    await screenshot(page, 'service-standard-qr', { readme: true });

    await page.getByRole('button', { name: 'Masuk untuk mengajukan permohonan' }).click();
    await signIn(page, 'warga.kbb');
    await page.waitForURL('**/layanan/dukcapil.ktpel-penggantian/ajukan');
    await page.getByRole('heading', { name: 'Formulir' }).waitFor();

    // The browser validates with the server's own ID formats: a bad NIK is refused before sending.
    await page.getByLabel(/^NIK\*?$/).fill('1234');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByText('Masukkan NIK 16 angka, seperti tertulis di KTP.').first().waitFor();
    await page.getByRole('alert').getByRole('heading', { name: 'Ada masalah' }).waitFor();
    await screenshot(page, 'apply-validation');

    await page.getByLabel(/^NIK\*?$/).fill('3217014101900003');
    await page.getByLabel('Nomor KK').fill('3217010101200004');
    await page.getByLabel('Nama Lengkap').fill('Siti Nurhaliza');
    await page.getByRole('radio', { name: 'Perubahan data' }).check();
    await page.getByLabel('Nomor HP/WhatsApp').fill('081234567890');
    await page.getByLabel(/^Kartu Keluarga/).setInputFiles({ name: 'kk.pdf', mimeType: 'application/pdf', buffer: pdf('kk') });
    await page.getByText('Terunggah: kk.pdf').first().waitFor();
    await page.getByLabel(/^Dokumen dasar perubahan data/).setInputFiles({ name: 'buku-nikah.pdf', mimeType: 'application/pdf', buffer: pdf('nikah') });
    await page.getByText('Terunggah: buku-nikah.pdf').first().waitFor();
    await screenshot(page, 'apply-filled', { readme: true });
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    // Submitted: on to the confirmation page (/terkirim), then the application's own page.
    await page.waitForURL('**/t/kab-bandung-barat/permohonan/*/terkirim');
    const submittedId = new URL(page.url()).pathname.split('/')[4]!;
    await page.goto(`${p.url}/t/${TENANT}/permohonan/${submittedId}?submitted=1`);
    await page.getByText('Permohonan terkirim').waitFor();
    await page.getByText('Diajukan: verifikasi berkas').first().waitFor();
    trackingCode = (await page.locator('dd.mono').first().textContent())!.trim();
    assert.match(trackingCode, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    applicationPath = new URL(page.url()).pathname;
    await screenshot(page, 'track-submitted');
    // Books nothing: the booking page lists sessions of a service that needs one.
    await page.goto(`${p.url}/t/${TENANT}/layanan/imigrasi.paspor-baru/sesi`);
    await page.getByRole('heading', { name: 'Pesan sesi' }).waitFor();
    await screenshot(page, 'book-sessions');
  });

  it('an officer works it through the SOP from the queue until it is completed', async function () {
    if (!trackingCode) this.skip();
    const page = await newPage();
    await page.goto(`${p.url}/petugas`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, 'petugas.dukcapil.kbb');
    await page.waitForURL('**/petugas/kab-bandung-barat/dukcapil');
    await page.getByRole('link', { name: trackingCode }).waitFor();
    await screenshot(page, 'officer-queue');
    await page.getByRole('link', { name: trackingCode }).click();
    await page.getByRole('heading', { name: 'Isian formulir' }).waitFor();
    await page.getByRole('button', { name: 'Ambil permohonan' }).click();
    await page.getByText('Ditangani: Asep Sunandar').waitFor();
    await screenshot(page, 'officer-application');
    const seen: string[] = [];
    for (let step = 0; step < 8; step++) {
      const status = (await page.locator('.status-line, .card .badge').first().textContent()) ?? '';
      if (/^Selesai/.test(status.trim())) break;
      // The forward action of each step: the primary buttons (return/reject are outlined red).
      const forward = page.locator('.actions-box .btn:not(.danger)').first();
      await forward.waitFor();
      const label = (await forward.textContent())!.trim();
      seen.push(label);
      await forward.click();
      // Each step's forward action has its own name; it is gone once the state has moved.
      await page.locator('.actions-box .btn', { hasText: label }).first().waitFor({ state: 'detached' });
    }
    await page.getByText('Selesai: KTP-el diserahkan').first().waitFor();
    assert.ok(seen.length >= 2, `actions taken: ${seen.join(' → ')}`);
    await screenshot(page, 'officer-completed', { readme: true });
    await page.goto(`${p.url}/petugas/${TENANT}/dukcapil/loket`);
    await page.getByLabel('Layanan').selectOption('dukcapil.ktpel-penggantian');
    await page.getByRole('heading', { name: 'Formulir' }).waitFor();
    // Filing at the counter for a citizen who is present: applicant and consent, then the same form.
    await page.getByLabel('NIK pemohon').fill('3217015505850002');
    await page.getByLabel('Nama pemohon').fill('Euis Komalasari');
    await page.getByLabel(/^NIK\*?$/).fill('3217015505850002');
    await page.getByLabel('Nomor KK').fill('3217010101200004');
    await page.getByLabel('Nama Lengkap').fill('Euis Komalasari');
    await page.getByRole('radio', { name: 'Perubahan data' }).check();
    await page.getByLabel('Nomor HP/WhatsApp').fill('081322223333');
    await page.getByLabel(/^Kartu Keluarga/).setInputFiles({ name: 'kk-euis.pdf', mimeType: 'application/pdf', buffer: pdf('kk euis') });
    await page.getByText('Terunggah: kk-euis.pdf').first().waitFor();
    await page.getByLabel(/^Dokumen dasar perubahan data/).setInputFiles({ name: 'akta.pdf', mimeType: 'application/pdf', buffer: pdf('akta') });
    await page.getByText('Terunggah: akta.pdf').first().waitFor();
    await screenshot(page, 'officer-counter-filing');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForURL('**/petugas/kab-bandung-barat/dukcapil/permohonan/*');
    await page.getByText('Diajukan: verifikasi berkas').first().waitFor();
    await page.getByText('Euis Komalasari').first().waitFor();
    await screenshot(page, 'officer-counter-filed');
  });

  it('the citizen sees "Selesai" on the tracking page', async function () {
    if (!trackingCode) this.skip();
    const page = contexts[0]!.pages()[0]!;
    await page.goto(`${p.url}${applicationPath}`);
    await page.locator('.status-line .badge').getByText(/^Selesai/).waitFor();
    await page.getByText('Dikumpulkan di gerai', { exact: false }).or(page.getByText('Diambil di gerai')).first().waitFor();
    await screenshot(page, 'track-completed');
    await page.goto(`${p.url}/t/${TENANT}/permohonan`);
    await page.getByRole('link', { name: trackingCode }).waitFor();
    await screenshot(page, 'my-applications');
    // English switch
    await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
    await page.goto(`${p.url}${applicationPath}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await screenshot(page, 'track-completed-en');
    await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
  });

  it('the citizen answers the SKM survey and files a complaint', async function () {
    if (!trackingCode) this.skip();
    const page = contexts[0]!.pages()[0]!;
    await page.goto(`${p.url}/t/${TENANT}/skm`);
    await page.getByRole('heading', { level: 1, name: 'Survei kepuasan (SKM)' }).waitFor();
    // The invitation of the completed application (created when it completed) fills the code.
    await page.getByRole('button', { name: new RegExp(trackingCode) }).click();
    for (const group of await page.locator('fieldset.plain').all()) await group.getByRole('radio').last().check();
    for (const [label, value] of [['Jenis kelamin', 'P'], ['Usia', '30-39'], ['Pendidikan', 'S1'], ['Pekerjaan', 'WIRAUSAHA']] as const)
      await page.getByLabel(label).selectOption(value);
    await screenshot(page, 'skm-survey');
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page.getByText('jawaban Anda tercatat tanpa identitas').waitFor();
    await page.goto(`${p.url}/t/${TENANT}/pengaduan`);
    await page.getByLabel('Judul').fill('Antrean gerai Dukcapil lama');
    await page.getByLabel('Uraian').fill('Pada hari Senin antrean di gerai Dukcapil lebih dari dua jam tanpa informasi.');
    await screenshot(page, 'complaint-form');
    await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await page.waitForURL('**/pengaduan/*');
    await page.getByRole('heading', { level: 1, name: 'Antrean gerai Dukcapil lama' }).waitFor();
    await screenshot(page, 'complaint-detail');
  });

  it('the ministry cockpit counts the new application', async function () {
    // Regions publish rollups every minute (pg-boss schedule); the cockpit reads only those.
    this.timeout(240_000);
    if (!trackingCode) this.skip();
    const page = await newPage();
    await openAs(page, '/kementerian', 'analis.kemenpanrb');
    await page.getByRole('heading', { level: 1, name: 'Kokpit nasional' }).waitFor();
    if (cockpitBefore === undefined) {
      // The cockpit API is not on this server yet: the page says so; assert the count through what exists.
      await page.getByText('belum tersedia').waitFor();
      await screenshot(page, 'ministry-cockpit');
      const mine = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications?status=completed`, { token: await tokenFor(p, 'warga.kbb') });
      assert.ok(mine.body.items.some((a: { trackingCode: string }) => a.trackingCode === trackingCode));
      return;
    }
    let after = cockpitBefore;
    for (let i = 0; i < 75 && after <= cockpitBefore; i++) {
      await new Promise((r) => setTimeout(r, 2_000));
      after = (await cockpitTotal()) ?? after;
    }
    assert.ok(after > cockpitBefore, `cockpit total ${cockpitBefore} → ${after}`);
    await page.reload();
    await page.getByTestId('total-applications').waitFor();
    const shown = Number((await page.getByTestId('total-applications').textContent())!.replace(/\D/g, ''));
    assert.ok(shown > cockpitBefore, `page shows ${shown}, before ${cockpitBefore}`);
    await screenshot(page, 'ministry-cockpit', { readme: true });
  });

  it('the regency admin and the agency publisher see their pages', async () => {
    const admin = await newPage();
    await openAs(admin, `/admin/${TENANT}`, 'admin.kbb');
    await admin.getByRole('heading', { name: 'Plugin terpasang' }).waitFor();
    await admin.getByRole('rowheader', { name: 'dukcapil' }).waitFor();
    await screenshot(admin, 'admin-installations');
    // The regency publishes its maklumat pelayanan; the public catalog shows it.
    const pledge = 'Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan.';
    await admin.getByLabel('Pernyataan kesanggupan dan kewajiban').fill(pledge);
    await admin.getByLabel('Ditandatangani oleh').fill('Bupati Bandung Barat');
    await admin.getByRole('button', { name: 'Terbitkan maklumat' }).click();
    await admin.getByText('Tersimpan').first().waitFor();
    await admin.goto(`${p.url}/t/${TENANT}`);
    await admin.getByText(pledge).waitFor();
    await screenshot(admin, 'catalog-maklumat');
    const pub = await newPage();
    await openAs(pub, '/penerbit', 'publisher.dukcapil');
    await pub.getByRole('heading', { name: 'Versi terbit' }).first().waitFor();
    await pub.getByRole('button', { name: 'Buka' }).first().click();
    await pub.getByText(/Pemeriksaan \(lint\) ·/).waitFor();
    await screenshot(pub, 'publisher-plugins');
    const mobile = await newPage({ width: 390, height: 844 });
    await mobile.goto(`${p.url}/t/${TENANT}`);
    await mobile.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(mobile, 'catalog-mobile', { full: false, readme: true });
    assert.deepEqual(pageErrors, []);
  });
});
