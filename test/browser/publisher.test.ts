import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, axeViolations, CHROMIUM, PASSWORD } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const PLUGIN = 'dukcapil';


describe('web app in Chromium: an agency publisher edits and publishes a form without JSON', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let page: Page;
  let start: { latest: string; versions: { version: string }[] };
  let published = '';
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function axe(pg: Page): Promise<string[]> {
    return axeViolations(pg);
  }

  before(async () => {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    start = (await api(p, 'GET', `/api/v1/plugins/${PLUGIN}`)).body;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    // A cheap phone's screen.
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(ctx);
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    await page?.screenshot({ path: path.join(SHOTS, 'publisher-FAILED.png'), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('lists the agency’s plugin with its editor, and axe finds no violations there', async () => {
    await page.goto(`${p.url}/penerbit`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await page.waitForSelector('#username');
    await page.fill('#username', 'publisher.dukcapil');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL((u) => u.origin === new URL(p.url).origin && !u.pathname.startsWith('/realms/') && !u.pathname.startsWith('/auth/')), page.press('#password', 'Enter')]);
    await page.waitForURL('**/penerbit');
    const edit = page.getByRole('link', { name: 'Ubah formulir dan SOP' });
    await edit.waitFor();
    assert.deepEqual(await axe(page), []);
    await edit.click();
    await page.waitForURL(`**/penerbit/ubah/${PLUGIN}`);
  });

  it('adds a question asked only when another answer matches, and a document required then; sees the preview and the changes', async () => {
    await page.getByRole('heading', { level: 1, name: 'Ubah formulir dan SOP' }).waitFor();
    await page.getByLabel('Layanan yang diubah').selectOption('legalisir');
    // A new question, in both languages, with the shared phone format.
    await page.getByLabel('Pertanyaan baru (Bahasa Indonesia)').fill('Nomor WhatsApp penerima kuasa');
    await page.getByLabel('Pertanyaan baru (Bahasa Inggris)').fill('Proxy’s WhatsApp number');
    await page.getByRole('button', { name: 'Tambah pertanyaan' }).click();
    const q = 'q-nomorWhatsappPenerimaKuasa';
    await page.locator(`#${q}-label-id`).waitFor();
    assert.equal(await page.locator(`#${q}-label-id`).inputValue(), 'Nomor WhatsApp penerima kuasa');
    await page.locator(`#${q}-format`).selectOption('phone-id');
    await page.locator(`#${q}-asked`).selectOption('when');
    await page.locator(`#${q}-when-field`).selectOption('diwakilkan');
    await page.locator(`#${q}-when-value`).selectOption('true');
    assert.equal(await page.locator(`label[for="${q}-when-field"]`).textContent(), 'Bila pertanyaan');
    // A document required only when the application is filed by a proxy.
    await page.getByLabel('Dokumen baru (Bahasa Indonesia)').fill('Surat kuasa bermeterai');
    await page.getByLabel('Dokumen baru (Bahasa Inggris)').fill('Stamped power of attorney');
    await page.getByRole('button', { name: 'Tambah dokumen' }).click();
    const d = 'd-surat-kuasa-bermeterai';
    await page.locator(`#${d}-asked`).selectOption('when');
    await page.locator(`#${d}-when-field`).selectOption('diwakilkan');
    await page.locator(`#${d}-when-value`).selectOption('true');

    // The preview renders the citizen's form: the document not yet required and the new question
    // not yet asked; once the condition is answered, the question is asked (as the citizen sees it).
    const preview = page.getByRole('region', { name: 'Pratinjau: seperti yang dilihat pemohon' });
    await preview.getByText('Surat kuasa bermeterai — tidak wajib untuk jawaban ini').waitFor();
    assert.equal(await preview.getByText('Nomor WhatsApp penerima kuasa').count(), 0);
    await preview.getByLabel(/Diwakilkan\/dikuasakan\?/).check();
    await preview.getByText('Nomor WhatsApp penerima kuasa').first().waitFor();

    // The changes against the published version, in words, with a major bump suggested.
    const diff = page.getByRole('region', { name: `Perubahan dibanding versi ${start.latest}` });
    await diff.getByText('pertanyaan: Nomor WhatsApp penerima kuasa — jenis teks; hanya bila “Diwakilkan/dikuasakan?” dijawab Ya').waitFor();
    await diff.getByText(/dokumen: Surat kuasa bermeterai — wajib hanya bila “Diwakilkan\/dikuasakan\?” dijawab Ya/).waitFor();
    await diff.getByText(/^Perubahan besar/).waitFor();
    const [maj] = start.latest.split('.').map(Number) as [number];
    assert.equal(await page.getByLabel('Nomor versi baru').inputValue(), `${maj + 1}.0.0`);

    // The SDK's lint, through the API, passes.
    const check = page.getByRole('region', { name: 'Pemeriksaan' });
    await check.getByText(/Tidak ada masalah|Perbaiki hal berikut|belum dapat dijalankan|sudah terbit/).first().waitFor({ timeout: 60_000 });
    assert.match((await check.textContent()) ?? '', /Tidak ada masalah: versi ini dapat diterbitkan\./);
    await page.screenshot({ path: path.join(SHOTS, 'publisher-editor.png'), fullPage: true });
    await page.locator(`#${q}-title`).locator('xpath=ancestor::li[1]').screenshot({ path: path.join(SHOTS, 'publisher-editor-question.png') });
    await preview.screenshot({ path: path.join(SHOTS, 'publisher-editor-preview.png') });
    await diff.screenshot({ path: path.join(SHOTS, 'publisher-editor-changes.png') });
  });

  it('axe finds no WCAG 2.2 A/AA violations on the editor (with preview, changes and the check)', async function () {
    assert.deepEqual(await axe(page), []);
  });

  it('publishes after confirming: the new version is listed, and is what was edited', async () => {
    const version = await page.getByLabel('Nomor versi baru').inputValue();
    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await page.getByText(`Terbitkan versi ${version}?`).waitFor();
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await page.getByRole('status').getByText(`Versi ${version} terbit.`).waitFor();
    await page.locator('.editor-versions').getByText(version, { exact: true }).waitFor();
    published = version;
    const v = await api(p, 'GET', `/api/v1/plugins/${PLUGIN}/versions/${version}`);
    assert.equal(v.status, 200);
    const svc = v.body.manifest.services.find((s: { code: string }) => s.code === 'legalisir');
    assert.deepEqual(svc.form.schema.properties.nomorWhatsappPenerimaKuasa, { type: 'string', format: 'phone-id' });
    assert.ok(svc.form.schema.then.required.includes('nomorWhatsappPenerimaKuasa'));
    const doc = svc.documents.find((x: { code: string }) => x.code === 'surat-kuasa-bermeterai');
    assert.deepEqual(doc.requiredWhen, { properties: { diwakilkan: { const: true } } });
    // Every other service is as it was.
    const prev = (await api(p, 'GET', `/api/v1/plugins/${PLUGIN}/versions/${start.latest}`)).body.manifest;
    assert.deepEqual(
      v.body.manifest.services.filter((s: { code: string }) => s.code !== 'legalisir'),
      prev.services.filter((s: { code: string }) => s.code !== 'legalisir'),
    );
    // And it lints clean (the same lint as publishing).
    const lint = await api(p, 'POST', '/api/v1/plugins/lint', { token: await tokenFor(p, 'publisher.dukcapil'), body: v.body.manifest });
    assert.deepEqual([lint.body.ok, lint.body.issues], [true, []]);
    await page.screenshot({ path: path.join(SHOTS, 'publisher-published.png'), fullPage: true });
    await page.getByRole('region', { name: 'Pemeriksaan' }).screenshot({ path: path.join(SHOTS, 'publisher-editor-published.png') });
    assert.deepEqual(await axe(page), []);
  });

  it('says in plain words what stops publishing: a choice question without options', async () => {
    await page.getByLabel('Layanan yang diubah').selectOption('legalisir');
    await page.getByLabel('Pertanyaan baru (Bahasa Indonesia)').fill('Cara pengambilan');
    await page.getByLabel('Pertanyaan baru (Bahasa Inggris)').fill('How it is collected');
    await page.getByLabel('Jenis jawaban', { exact: true }).last().selectOption('choice');
    await page.getByRole('button', { name: 'Tambah pertanyaan' }).click();
    const check = page.getByRole('region', { name: 'Pemeriksaan' });
    await check.getByText('Pertanyaan “Cara pengambilan”: tambahkan setidaknya satu pilihan jawaban.').waitFor();
    assert.equal(await check.getByRole('button', { name: 'Terbitkan', exact: true }).isDisabled(), true);
    await page.locator('#q-caraPengambilan-options').fill('Diambil sendiri\nDikirim');
    await page.locator('#q-caraPengambilan-options').blur();
    await check.getByText('Tidak ada masalah: versi ini dapat diterbitkan.').waitFor({ timeout: 60_000 });
  });

  it('shows a publisher of another agency that this plugin is not theirs', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(ctx);
    const other = await ctx.newPage();
    other.on('pageerror', (e) => pageErrors.push(String(e)));
    other.setDefaultTimeout(20_000);
    await other.goto(`${p.url}/penerbit/ubah/${PLUGIN}`);
    await other.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await other.waitForSelector('#username');
    await other.fill('#username', 'publisher.imigrasi');
    await other.fill('#password', PASSWORD);
    await Promise.all([other.waitForURL((u) => u.origin === new URL(p.url).origin && !u.pathname.startsWith('/realms/') && !u.pathname.startsWith('/auth/')), other.press('#password', 'Enter')]);
    await other.getByRole('alert').getByText('Anda bukan penerbit instansi ini').waitFor();
    assert.equal(await other.getByLabel('Layanan yang diubah').count(), 0);
    assert.deepEqual(await axe(other), []);
  });

  it('threw no errors in the page', () => {
    assert.ok(published);
    assert.deepEqual(pageErrors, []);
  });
});
