import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor, unusedRegencyCodes } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { ARGS, axeViolations, CHROMIUM, PASSWORD } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const PLUGIN = 'polri';


/**
 * A regency that has only just been registered (nothing done) is taken through its whole
 * checklist from the UI. Tenant admins are Keycloak group members of the demo tenants only and the
 * API has no membership operation, so the new tenant's admin here is the platform admin (whom
 * the same `tenant-admin | platform-admin` guard admits); a seeded tenant cannot reach 100 %
 * because the seed records no commitment date for any tenant that skipped `committed`.
 */
describe('web app in Chromium: a regency admin completes the MPP onboarding', function () {
  this.timeout(300_000);
  let p: Platform;
  let browser: Browser;
  let admin: string;
  let page: Page;
  let tenant: string;
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

  async function openAs(pg: Page, pathname: string, username: string) {
    await pg.goto(`${p.url}${pathname}`);
    await pg.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await pg.waitForSelector('#username');
    await pg.fill('#username', username);
    await pg.fill('#password', PASSWORD);
    await Promise.all([pg.waitForURL((u) => u.origin === new URL(p.url).origin && !u.pathname.startsWith('/realms/') && !u.pathname.startsWith('/auth/')), pg.press('#password', 'Enter')]);
    await pg.waitForURL(`**${pathname}*`);
  }

  async function axe(pg: Page): Promise<string[]> {
    return axeViolations(pg);
  }

  const checklist = async () => (await api(p, 'GET', `/api/v1/tenants/${tenant}/onboarding`, { token: admin })).body as { progress: number; items: { key: string; done: boolean }[]; services: { id: string; standardComplete: boolean; published: unknown; missing: { key: string; group: string }[] }[] };
  const score = () => page.locator('#onb-progress');
  /** The score is read again from the API after a save: wait until it says `n` items are done. */
  const scoreIs = (n: number) => score().filter({ hasText: `Kesiapan: ${n} dari 7 butir selesai` }).waitFor();

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    mkdirSync(SHOTS, { recursive: true });
    admin = await tokenFor(p, 'admin.platform');
    const [code] = await unusedRegencyCodes(p, 1);
    tenant = `onb-${Date.now().toString(36)}`;
    const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug: tenant } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const before = await checklist();
    assert.deepEqual(before.items.filter((i) => i.done), [], 'a new tenant starts with nothing done');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await newPage();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const c of contexts) for (const pg of c.pages()) await pg.screenshot({ path: path.join(SHOTS, 'onboarding-FAILED.png'), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('installs the agency plugin from the Admin page and follows its link to the onboarding page', async () => {
    await openAs(page, `/admin/${tenant}`, 'admin.platform');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: PLUGIN, exact: true }) });
    await row.getByRole('button', { name: 'Pasang' }).click();
    await row.getByRole('button', { name: 'Ganti versi' }).waitFor();
    assert.deepEqual(await axe(page), []);
    await page.getByRole('link', { name: 'Selesaikan persiapan MPP' }).click();
    await page.getByRole('heading', { level: 1, name: 'Persiapan MPP' }).waitFor();
    await scoreIs(1);
    assert.deepEqual(await axe(page), []);
  });

  it('records the commitment: the deadline one year on and the days left appear', async () => {
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Tahap MPP dan komitmen' }) });
    await form.getByLabel('Pindah ke tahap').selectOption('committed');
    await form.getByRole('button', { name: 'Simpan tahap' }).click();
    await form.getByRole('status').getByText('Tersimpan').waitFor();
    await scoreIs(2);
    await page.getByText(/Batas komitmen 1 tahun: .* \(\d+ hari lagi\)/).waitFor();
  });

  it('a decree without its number shows the error summary, linked to the field', async () => {
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Surat keputusan (SK)' }) });
    await section.getByRole('button', { name: 'Catat SK' }).click();
    const summary = section.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada yang perlu diperbaiki' }) });
    await summary.waitFor();
    const link = summary.getByRole('link').first();
    const target = (await link.getAttribute('href'))!.slice(1);
    assert.match(target, /^dc-(number|signedOn|title)$/);
    await link.click();
    assert.equal(await page.evaluate<string | null>('document.activeElement?.id ?? null'), target);
    assert.equal(await page.locator(`#${target}`).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(SHOTS, 'onboarding-error.png'), fullPage: true });
  });

  it('records the SK establishing the MPP and the agency’s MoU', async () => {
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Surat keputusan (SK)' }) });
    await section.getByLabel('Nomor SK').fill('188.45/Kep.01-DPMPTSP/2026');
    await section.getByLabel('Judul SK').fill('Penyelenggaraan Mal Pelayanan Publik');
    await fillDate(section, 'Tanggal ditetapkan', '2026-12-01');
    await section.getByRole('button', { name: 'Catat SK' }).click();
    await section.getByRole('status').getByText('SK 188.45/Kep.01-DPMPTSP/2026').waitFor();
    await scoreIs(3);

    const mou = page.getByRole('form', { name: `Simpan MoU ${PLUGIN}` });
    await mou.getByLabel('Nama instansi sesuai MoU').fill('Polres Contoh');
    await mou.getByLabel('Nomor MoU').fill('PKS/001/MPP/2026');
    await fillDate(mou, 'Tanggal ditandatangani', '2026-11-20');
    await mou.getByRole('button', { name: 'Simpan MoU' }).click();
    await mou.getByRole('status').getByText('Tersimpan').waitFor();
    await scoreIs(4);
  });

  it('sets a counter and the regency’s components for each service, then publishes each standar pelayanan', async () => {
    const services = (await checklist()).services;
    assert.ok(services.length > 0);
    for (const [n, s] of services.entries()) {
      const item = page.locator(`[data-service="${s.id}"]`);
      await item.locator(':scope > summary').click();
      const overlay = item.getByRole('form', { name: 'Simpan pengaturan layanan' });
      const publish = item.getByRole('form', { name: /^Tetapkan standar pelayanan/ });
      if (n === 0) {
        // Published before the regency's components are filled: refused, each missing one linked to its field.
        await publish.getByLabel('Nomor SK standar pelayanan').fill('100.3.3/Kep.0/2026');
        await fillDate(publish, 'Tanggal SK', '2026-12-02');
        await publish.getByRole('button', { name: 'Tetapkan standar pelayanan' }).click();
        const summary = publish.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada yang perlu diperbaiki' }) });
        const missing = s.missing.find((m) => m.group === 'management');
        assert.ok(missing, 'the regency has a component to fill');
        const target = `ov-${PLUGIN}-${s.id.split('.')[1]}-${missing.key}`;
        await summary.locator(`a[href="#${target}"]`).click();
        assert.equal(await page.evaluate<string | null>('document.activeElement?.id ?? null'), target);
      }
      await overlay.getByLabel('Nama gerai').fill('Gerai Polres');
      await overlay.getByLabel('Nomor loket (boleh kosong)').fill(String(n + 1));
      await overlay.getByRole('group', { name: /Sarana, prasarana/ }).getByLabel('Bahasa Indonesia', { exact: true }).fill('Gerai, ruang tunggu dan toilet ramah disabilitas.');
      await overlay.getByRole('group', { name: /Jumlah pelaksana/ }).getByLabel('Bahasa Indonesia', { exact: true }).fill('Dua petugas gerai setiap hari layanan.');
      await overlay.getByRole('button', { name: 'Simpan pengaturan layanan' }).click();
      await overlay.getByRole('status').getByText('Pengaturan layanan tersimpan').waitFor();
      await publish.getByLabel('Nomor SK standar pelayanan').fill(`100.3.3/Kep.${n + 1}/2026`);
      await fillDate(publish, 'Tanggal SK', '2026-12-02');
      await publish.getByRole('button', { name: 'Tetapkan standar pelayanan' }).click();
      await publish.getByRole('status').getByText('ditetapkan').waitFor();
    }
    await scoreIs(6);
    const after = await checklist();
    assert.ok(after.services.every((s) => s.standardComplete && s.published), 'every standard complete and published');
    assert.deepEqual(after.items.filter((i) => !i.done).map((i) => i.key), ['maklumat']);
  });

  it('publishes the maklumat: the readiness score reaches 100 %', async () => {
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Maklumat pelayanan', level: 2 }) });
    await form.getByLabel('Pernyataan kesanggupan dan kewajiban').fill('Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan.');
    await form.getByLabel('Ditandatangani oleh (nama dan jabatan)').fill('Bupati Contoh');
    await form.getByRole('button', { name: 'Terbitkan maklumat' }).click();
    await form.getByRole('status').getByText('Tersimpan').waitFor();
    await scoreIs(7);
    await page.getByText('Semua butir selesai. MPP siap diluncurkan.').waitFor();
    const done = await checklist();
    assert.equal(done.progress, 1);
    assert.ok(done.items.every((i) => i.done));
    await page.screenshot({ path: path.join(SHOTS, 'onboarding-complete.png'), fullPage: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(SHOTS, 'onboarding-complete-top.png') });
    assert.deepEqual(await axe(page), []);
  });

  it('works on a phone (360×740): no horizontal scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const wide = await page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
    assert.equal(wide, false);
  });

  it('threw no errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});

describe('web app in Chromium: a tenant admin sets a service’s session schedule with a form', function () {
  this.timeout(300_000);
  const TENANT = 'kab-kapuas';
  const SERVICE = { plugin: 'dukcapil', code: 'ktpel-rekam' };
  const overlayPath = `/api/v1/tenants/${TENANT}/installations/${SERVICE.plugin}/overlays/${SERVICE.code}`;
  let p: Platform;
  let browser: Browser;
  let admin: string;
  let page: Page;
  /** The overlay before this test (404: none), put back after. */
  let original: { status: number; body: Record<string, unknown> };
  const pageErrors: string[] = [];

  const overlay = () => api(p, 'GET', overlayPath, { token: admin });

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    admin = await tokenFor(p, 'admin.kapuas');
    original = await overlay();
    assert.ok([200, 404].includes(original.status), JSON.stringify(original.body));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
    if (!p) return;
    const cur = await overlay();
    if (cur.status === 200) await api(p, 'PUT', overlayPath, { token: admin, headers: { 'if-match': cur.headers.get('etag')! }, body: original.status === 200 ? original.body : {} });
  });

  it('a capacity of 0 is refused with the summary linked to the field; a valid schedule is saved', async () => {
    await page.goto(`${p.url}/admin/${TENANT}/persiapan`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await page.waitForSelector('#username');
    await page.fill('#username', 'admin.kapuas');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`**/admin/${TENANT}/persiapan*`), page.press('#password', 'Enter')]);
    await page.getByRole('heading', { level: 1, name: 'Persiapan MPP' }).waitFor();
    const item = page.locator(`[data-service="${SERVICE.plugin}.${SERVICE.code}"]`);
    await item.locator(':scope > summary').click();
    const form = item.getByRole('form', { name: 'Simpan pengaturan layanan' });
    const session1 = form.getByRole('group', { name: 'Sesi 1' });
    await session1.getByLabel('Kuota orang per sesi').fill('0');
    await form.getByRole('button', { name: 'Simpan pengaturan layanan' }).click();
    const summary = form.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada yang perlu diperbaiki' }) });
    await summary.waitFor();
    const capacityId = `ov-${SERVICE.plugin}-${SERVICE.code}-schedule-0-capacity`;
    const link = summary.locator(`a[href="#${capacityId}"]`);
    await link.click();
    assert.equal(await page.evaluate<string | null>('document.activeElement?.id ?? null'), capacityId);
    assert.equal(await page.locator(`#${capacityId}`).getAttribute('aria-invalid'), 'true');
    assert.equal((await overlay()).status, original.status, 'nothing was saved');

    await session1.getByLabel('Kuota orang per sesi').fill('17');
    const count = await form.getByRole('group', { name: /^Sesi \d+$/ }).count();
    await form.getByRole('button', { name: 'Tambah sesi' }).click();
    // The plugin's default sessions are shown to edit; the new one comes last.
    const session2 = form.getByRole('group', { name: `Sesi ${count + 1}` });
    await session2.getByRole('checkbox', { name: 'Sabtu' }).check();
    await session2.getByLabel('Mulai').fill('08:00');
    await session2.getByLabel('Selesai').fill('11:00');
    await session2.getByLabel('Kuota orang per sesi').fill('12');
    // Opening hours and the contact are fields too (no JSON needed).
    await form.getByRole('button', { name: 'Tambah jam layanan' }).click();
    const hours = form.getByRole('group', { name: 'Jam layanan 1' });
    await hours.getByRole('checkbox', { name: 'Jumat' }).uncheck();
    await hours.getByLabel('Tutup').fill('14:00');
    const phone = form.getByLabel('Nomor telepon atau WhatsApp (boleh kosong)');
    assert.equal(await phone.getAttribute('inputmode'), 'tel');
    await phone.fill('0513 21234');
    await form.getByRole('button', { name: 'Simpan pengaturan layanan' }).click();
    await form.getByRole('status').getByText('Pengaturan layanan tersimpan').waitFor();
    const saved = await overlay();
    assert.deepEqual(saved.body.openingHours, [{ days: ['MON', 'TUE', 'WED', 'THU'], open: '08:00', close: '14:00' }]);
    assert.match(String((saved.body.contact as { phone?: string }).phone), /21234$/);
    assert.equal(saved.status, 200);
    const sessions = (saved.body.schedule as { sessions: { days: string[]; start: string; end: string; capacity: number }[] }).sessions;
    assert.equal(sessions[0]!.capacity, 17);
    assert.equal(sessions.length, count + 1);
    assert.deepEqual(sessions.at(-1), { days: ['MON', 'SAT'], start: '08:00', end: '11:00', capacity: 12 });
    assert.deepEqual(await axeOn(page), []);
    assert.deepEqual(pageErrors, []);
  });
});

async function axeOn(pg: Page): Promise<string[]> {
  return axeViolations(pg);
}

describe('web app in Chromium: kaji tiru — a regency created from a role model', function () {
  this.timeout(300_000);
  let p: Platform;
  let browser: Browser;
  let admin: string;
  let page: Page;
  let tenant: string;
  const pageErrors: string[] = [];

  before(async function () {
    p = sharedPlatform();
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    admin = await tokenFor(p, 'admin.platform');
    const [code] = await unusedRegencyCodes(p, 1);
    tenant = `onbkt-${Date.now().toString(36)}`;
    const r = await api(p, 'POST', '/api/v1/tenants', { token: admin, body: { code, slug: tenant, copyOf: 'kota-bogor' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the drift, offers the model’s maklumat as the starting text, and the drift closes once it is published', async () => {
    const model = (await api(p, 'GET', '/api/v1/tenants/kota-bogor/maklumat')).body as { maklumat: { text: string } | null };
    assert.ok(model.maklumat, 'the role model has a maklumat (seed)');
    await page.goto(`${p.url}/admin/${tenant}/persiapan`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await page.waitForSelector('#username');
    await page.fill('#username', 'admin.platform');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`**/admin/${tenant}/persiapan*`), page.press('#password', 'Enter')]);
    const drift = page.locator('section', { has: page.getByRole('heading', { name: 'Kaji tiru: selisih dengan kota-bogor' }) });
    await drift.getByText('Teks maklumat berbeda dari percontohan.').waitFor();
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Maklumat pelayanan', level: 2 }) });
    assert.equal(await form.getByLabel('Pernyataan kesanggupan dan kewajiban').inputValue(), model.maklumat.text);
    await form.getByLabel('Ditandatangani oleh (nama dan jabatan)').fill('Bupati Contoh');
    await form.getByRole('button', { name: 'Terbitkan maklumat' }).click();
    await form.getByRole('status').getByText('Tersimpan').waitFor();
    await drift.getByText('Teks maklumat berbeda dari percontohan.').waitFor({ state: 'detached' });
    const after = (await api(p, 'GET', `/api/v1/tenants/${tenant}/drift`, { token: admin })).body as { maklumatDiffers: boolean };
    assert.equal(after.maklumatDiffers, false);
    assert.deepEqual(await axeOn(page), []);
  });

  it('records an MoU, then removes it (after confirming): the agency shows no MoU again', async () => {
    const item = page.locator('[data-agency]').first();
    const code = (await item.getAttribute('data-agency'))!;
    const mou = page.getByRole('form', { name: `Simpan MoU ${code}` });
    await mou.getByLabel('Nama instansi sesuai MoU').fill(`Instansi ${code}`);
    await mou.getByLabel('Nomor MoU').fill('PKS/009/MPP/2026');
    await fillDate(mou, 'Tanggal ditandatangani', '2026-11-20');
    await mou.getByRole('button', { name: 'Simpan MoU' }).click();
    await mou.getByRole('status').getByText('Tersimpan').waitFor();
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${tenant}/agencies/${code}`, { token: admin })).status, 200);
    page.once('dialog', (d) => void d.accept());
    await item.getByRole('button', { name: 'Hapus catatan MoU' }).click();
    await item.getByRole('status').getByText(`Catatan MoU ${code} dihapus.`).waitFor();
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${tenant}/agencies/${code}`, { token: admin })).status, 404);
    await item.locator(':scope > summary').getByText('Belum ada MoU').waitFor();
  });

  it('publishes a standar pelayanan and withdraws it (after confirming)', async () => {
    const services = ((await api(p, 'GET', `/api/v1/tenants/${tenant}/onboarding`, { token: admin })).body as { services: { id: string; standardComplete: boolean; published: unknown }[] }).services;
    const s = services.find((x) => x.standardComplete && !x.published);
    assert.ok(s, 'a complete, unpublished service (the model’s settings were copied)');
    const item = page.locator(`[data-service="${s.id}"]`);
    await item.locator(':scope > summary').click();
    const publish = item.getByRole('form', { name: /^Tetapkan standar pelayanan/ });
    await publish.getByLabel('Nomor SK standar pelayanan').fill('100.3.3/Kep.77/2026');
    await fillDate(publish, 'Tanggal SK', '2026-12-03');
    await publish.getByRole('button', { name: 'Tetapkan standar pelayanan' }).click();
    await publish.getByRole('status').getByText('ditetapkan').waitFor();
    const standard = `/api/v1/tenants/${tenant}/standards/${s.id}`;
    assert.equal((await api(p, 'GET', standard, { token: admin })).status, 200);
    page.once('dialog', (d) => void d.accept());
    await publish.getByRole('button', { name: 'Cabut penetapan' }).click();
    await publish.getByRole('status').getByText('dicabut').waitFor();
    assert.equal((await api(p, 'GET', standard, { token: admin })).status, 404);
    await item.getByText('Belum ditetapkan').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});

/** Types a date into the day / month / year boxes of the group named `legend`. */
async function fillDate(scope: Locator, legend: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  const group = scope.getByRole('group', { name: legend, exact: true });
  await group.getByLabel('Tanggal', { exact: true }).fill(String(Number(d)));
  await group.getByLabel('Bulan', { exact: true }).fill(String(Number(m)));
  await group.getByLabel('Tahun', { exact: true }).fill(y!);
}
