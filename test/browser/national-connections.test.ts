import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { VERSIONS_JOB } from '../../packages/server/src/modules/distribution/index.js';
import { ARGS, axeViolations, CHROMIUM, signIn } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-bandung-barat';

/**
 * Issues 23 and 24 in the browser, on a 360 px phone: the regency admin's national connections
 * (SP4N-LAPOR!, OSS-RBA) and history import (check, import, revert), and the agency publisher's
 * regions with the version distribution. axe (WCAG 2.2 A/AA) on every page.
 */
describe('web app in Chromium: national connections, history import, regions', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let admin: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let page: Page;

  async function newPage(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(ctx);
    const pg = await ctx.newPage();
    pg.on('pageerror', (e) => pageErrors.push(String(e)));
    pg.setDefaultTimeout(20_000);
    return pg;
  }

  async function openAs(pg: Page, pathname: string, username: string) {
    await pg.goto(`${p.url}${pathname}`);
    await pg.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(pg, p.url, username);
    await pg.waitForURL(`**${pathname}*`);
  }

  before(async () => {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    admin = await tokenFor(p, 'admin.kbb');
    // The control plane's view of every tenant's plugin versions (what the publisher's page reads).
    await p.runJob(VERSIONS_JOB, { region: 'id-jakarta' });
    await p.runJob(VERSIONS_JOB, { region: 'id-batam' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await newPage();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const c of contexts) for (const pg of c.pages()) await pg.screenshot({ path: path.join(SHOTS, 'national-connections-FAILED.png'), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('the admin home links the new pages; Koneksi shows a card per connection with its health in plain words', async () => {
    await openAs(page, `/admin/${TENANT}`, 'admin.kbb');
    await page.getByRole('navigation', { name: 'Halaman admin' }).getByRole('link', { name: /Koneksi nasional/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Koneksi nasional' }).waitFor();
    const lapor = (await api(p, 'GET', `/api/v1/tenants/${TENANT}/lapor/connection`, { token: admin })).body as { configured: boolean; enabled: boolean; counts: { pending: number } };
    const oss = (await api(p, 'GET', `/api/v1/tenants/${TENANT}/oss/connection`, { token: admin })).body as { configured: boolean; enabled: boolean; pending: number };
    const state = (c: { configured: boolean; enabled: boolean }) => (!c.configured ? 'Belum disambungkan' : c.enabled ? 'Tersambung' : 'Disambungkan, tetapi dimatikan');
    const laporCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'SP4N-LAPOR!' }) });
    const ossCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'OSS-RBA' }) });
    await laporCard.getByText(state(lapor), { exact: true }).waitFor();
    await ossCard.getByText(state(oss), { exact: true }).waitFor();
    // Counts as the API says them.
    assert.match(await laporCard.getByRole('listitem').filter({ hasText: 'Menunggu' }).innerText(), new RegExp(`^${lapor.counts.pending}\\b`));
    assert.match(await ossCard.getByRole('listitem').filter({ hasText: 'Menunggu' }).innerText(), new RegExp(`^${oss.pending}\\b`));
    // Payments: one card over its channels (SIMPONI, SNAP VA/QRIS, gateway, host-to-host, cash).
    const pay = (await api(p, 'GET', `/api/v1/tenants/${TENANT}/payments/connection`, { token: admin })).body as { channels: { configured: boolean; enabled: boolean; pending: number }[] };
    const payCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Pembayaran' }) });
    await payCard.getByText(state({ configured: pay.channels.some((c) => c.configured), enabled: pay.channels.some((c) => c.configured && c.enabled) }), { exact: true }).waitFor();
    assert.match(await payCard.getByRole('listitem').filter({ hasText: 'Tagihan belum dibayar' }).innerText(), new RegExp(`^${pay.channels.reduce((n, c) => n + c.pending, 0)}\\b`));
    // Settings: secrets are write-only fields; a wrong address is refused with the error summary linking the field.
    await laporCard.getByRole('button', { name: 'Pengaturan' }).click();
    const secret = laporCard.getByLabel(/Client secret/);
    assert.equal(await secret.getAttribute('type'), 'password');
    assert.equal(await secret.inputValue(), '');
    await laporCard.getByLabel('Alamat API LAPOR!').fill('bukan alamat');
    await laporCard.getByLabel('Client ID').fill('mpp-kbb');
    await laporCard.getByRole('button', { name: 'Simpan' }).click();
    await laporCard.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada yang perlu diperbaiki' }) }).waitFor();
    await ossCard.getByRole('button', { name: 'Pengaturan' }).click();
    assert.equal(await ossCard.getByLabel(/User key/).getAttribute('type'), 'password');
    await page.screenshot({ path: path.join(SHOTS, 'admin-koneksi.png'), fullPage: true });
    // Nothing was stored by the refused save.
    const after = (await api(p, 'GET', `/api/v1/tenants/${TENANT}/lapor/connection`, { token: admin })).body as { configured: boolean };
    assert.equal(after.configured, lapor.configured);
    assert.deepEqual(await axeViolations(page), []);
  });

  it('Impor riwayat: a check first (rejected rows with row, field, reason), then Impor, then revert after a confirmation', async () => {
    await page.goto(`${p.url}/admin/${TENANT}`);
    await page.getByRole('navigation', { name: 'Halaman admin' }).getByRole('link', { name: 'Impor riwayat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impor riwayat' }).waitFor();
    const run = Date.now().toString(36);
    const csv = `id_kunjungan,waktu,instansi,jenis,nama\nWEB-${run}-1,2025-01-06 08:02,dukcapil,langsung,Budi\nWEB-${run}-2,06/01/2025 08:10,imigrasi,janji,\nWEB-${run}-3,2025-01-06 08:30,,langsung,\n`;
    await page.getByLabel('Jenis data').selectOption('visits');
    await page.getByLabel(/Berkas/).setInputFiles({ name: `antrean-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Periksa dulu' }).click();
    const report = page.getByRole('region', { name: 'Hasil pemeriksaan (belum disimpan)' });
    await report.waitFor();
    assert.match(await report.getByRole('listitem').filter({ hasText: 'Diterima' }).innerText(), /^2\b/);
    assert.match(await report.getByRole('listitem').filter({ hasText: 'Ditolak' }).innerText(), /^1\b/);
    // The refused row: data row 3, its field and the reason.
    const rejected = report.getByRole('table', { name: 'Ditolak' }).getByRole('row').nth(1);
    assert.match(await rejected.innerText(), /^3\s/);
    // The name column is reported, never stored.
    await report.getByText(/Kolom data pribadi yang dilewati: nama/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'admin-impor-check.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Impor (2)' }).click();
    await page.getByRole('region', { name: 'Diimpor: Kunjungan (antrean)' }).waitFor();
    const list = (await api(p, 'GET', `/api/v1/tenants/${TENANT}/imports`, { token: admin })).body as { items: { id: string; accepted: number; revertedAt: string | null }[] };
    const batch = list.items[0]!;
    assert.equal(batch.accepted, 2);
    const card = page.getByRole('region', { name: 'Impor sebelumnya' }).getByRole('listitem').first();
    await card.getByText('Kunjungan (antrean)').waitFor();
    // Revert asks first: dismissed, nothing happens; accepted, the batch is reverted.
    page.once('dialog', (d) => void d.dismiss());
    await card.getByRole('button', { name: 'Batalkan impor' }).click();
    assert.equal(((await api(p, 'GET', `/api/v1/tenants/${TENANT}/imports`, { token: admin })).body as typeof list).items[0]!.revertedAt, null);
    page.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: 'Batalkan impor' }).click();
    await card.getByText(/^Dibatalkan/).waitFor();
    const reverted = ((await api(p, 'GET', `/api/v1/tenants/${TENANT}/imports`, { token: admin })).body as typeof list).items.find((b) => b.id === batch.id);
    assert.ok(reverted?.revertedAt);
    await page.screenshot({ path: path.join(SHOTS, 'admin-impor.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
  });

  it('Wilayah: the publisher sees every region running the agency’s plugins, as the API orders them, and the version distribution', async () => {
    const pub = await newPage();
    await openAs(pub, '/penerbit', 'publisher.imigrasi');
    await pub.getByRole('link', { name: /^Wilayah/ }).click();
    await pub.getByRole('heading', { level: 1, name: 'Wilayah' }).waitFor();
    const regions = (await api(p, 'GET', '/api/v1/agencies/imigrasi/regions', { token: await tokenFor(p, 'publisher.imigrasi') })).body as { tenants: { name: string }[]; plugins: { plugin: string }[] };
    assert.ok(regions.tenants.length > 0, 'the seed runs Imigrasi’s plugin somewhere');
    const table = pub.getByRole('table', { name: 'Wilayah imigrasi' });
    await table.waitFor();
    const names = await table.locator('tbody th[scope=row]').evaluateAll((cells) => cells.map((c) => (c.firstChild?.textContent ?? '').trim()));
    assert.deepEqual(names, regions.tenants.map((t) => t.name));
    for (const pl of regions.plugins) await pub.getByRole('heading', { name: `Sebaran versi ${pl.plugin}` }).waitFor();
    await pub.getByText(/terbaru/).first().waitFor();
    await pub.screenshot({ path: path.join(SHOTS, 'penerbit-wilayah.png'), fullPage: true });
    assert.deepEqual(await axeViolations(pub), []);
  });

  it('Sandbox on the admin page: create one, then advance its clock a day (If-Match of the clock read)', async () => {
    await page.goto(`${p.url}/admin/${TENANT}`);
    const section = page.getByRole('region', { name: /^Sandbox/ });
    await section.waitFor();
    const before = ((await api(p, 'GET', `/api/v1/tenants/${TENANT}/sandboxes`, { token: admin })).body as { items: { slug: string }[] }).items.length;
    await section.getByRole('button', { name: 'Buat sandbox' }).click();
    await section.getByRole('status').getByText(/^Sandbox dibuat: /).waitFor();
    const items = ((await api(p, 'GET', `/api/v1/tenants/${TENANT}/sandboxes`, { token: admin })).body as { items: { slug: string }[] }).items;
    assert.equal(items.length, before + 1);
    const slug = items.at(-1)!.slug;
    const clockOf = async () => ((await api(p, 'GET', `/api/v1/tenants/${slug}/clock`, { token: admin })).body as { now: string }).now;
    const start = await clockOf();
    const card = section.getByRole('listitem').filter({ hasText: slug });
    await card.getByText(/^Jam sandbox:/).waitFor();
    await card.getByRole('button', { name: 'Majukan 1 hari' }).click();
    await card.getByText('Jam dimajukan; tugas terjadwal dijalankan').waitFor({ timeout: 120_000 });
    const moved = Date.parse(await clockOf()) - Date.parse(start);
    assert.ok(moved >= 86_400_000 && moved < 2 * 86_400_000, `moved ${moved} ms`);
    await page.screenshot({ path: path.join(SHOTS, 'admin-sandbox.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);

    // In the sandbox (it never calls a real system) the LAPOR! settings are saved: first create-only, then under If-Match.
    await page.goto(`${p.url}/admin/${slug}/koneksi`);
    const lapor = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'SP4N-LAPOR!' }) });
    await lapor.getByText('Sandbox: tidak ada panggilan ke sistem sungguhan').waitFor();
    await lapor.getByRole('button', { name: 'Pengaturan' }).click();
    await lapor.getByLabel('Aktifkan sambungan').check();
    await lapor.getByLabel('Alamat API LAPOR!').fill('https://api.lapor.example.test');
    await lapor.getByLabel('Client ID').fill('mpp-kbb-sandbox');
    await lapor.getByLabel(/Client secret/).fill('rahasia-sandbox-0123456789');
    await lapor.getByRole('button', { name: 'Simpan' }).click();
    await lapor.getByRole('status').getByText('Tersimpan').waitFor();
    await lapor.getByText('Tersambung', { exact: true }).waitFor();
    // The secret is never shown back: the field is empty, its hint names the last characters.
    assert.equal(await lapor.getByLabel(/Client secret/).inputValue(), '');
    await lapor.getByText(/…6789/).waitFor();
    await lapor.getByLabel('Tarik status setiap (menit)').fill('30');
    await lapor.getByRole('button', { name: 'Simpan' }).click();
    await lapor.getByRole('status').getByText('Tersimpan').waitFor();
    // The notice is cleared on submit and shown again on success; read the stored version until the save has landed.
    let cfg = { pullMinutes: 0, clientSecretSet: false, version: 0 };
    for (let i = 0; i < 50 && cfg.version < 2; i++) {
      cfg = (await api(p, 'GET', `/api/v1/tenants/${slug}/lapor/config`, { token: admin })).body as typeof cfg;
      if (cfg.version < 2) await page.waitForTimeout(200);
    }
    assert.deepEqual([cfg.pullMinutes, cfg.clientSecretSet, cfg.version], [30, true, 2]);
    await page.screenshot({ path: path.join(SHOTS, 'admin-koneksi-sandbox.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
  });

  it('threw no errors in the pages', () => {
    assert.deepEqual(pageErrors, []);
  });
});
