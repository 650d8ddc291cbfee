import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { axeViolations, launchChromium, signIn } from './support.js';

const SHOTS = path.resolve('test-artifacts/screenshots');
const TENANT = 'kab-bandung-barat';
const SERVICE = 'dukcapil.konsultasi-perbaikan-data';
const APPLY = `/t/${TENANT}/layanan/${SERVICE}/ajukan`;
const NIK = '3217061208900001';

/**
 * The applicant profile asked once and "Isi dari profil saya" on a citizen's form (issue 23,
 * journeys), on a 360 px phone: no profile yet says where to make one; the profile page refuses a
 * bad NIK on its field; the first fill for an agency asks for consent with the statement that is
 * recorded; only empty answers are filled (what the person typed stays); the consent is withdrawn
 * from the profile page and the agency's forms are no longer filled. axe on every state.
 */
describe('web app in Chromium: the applicant profile and “Isi dari profil saya”', function () {
  this.timeout(180_000);
  let p: Platform;
  let browser: Browser;
  let citizen: string;
  let page: Page;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  const field = (id: string) => page.locator(`#f-${id}`);

  before(async () => {
    p = sharedPlatform();
    mkdirSync(SHOTS, { recursive: true });
    citizen = await tokenFor(p, 'warga.kbb');
    // A known start: no profile consent for Dukcapil (the profile itself is replaced below).
    await api(p, 'DELETE', `/api/v1/tenants/${TENANT}/me/profile/consents/dukcapil`, { token: citizen });
    browser = await launchChromium();
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    contexts.push(ctx);
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    await page.screenshot({ path: path.join(SHOTS, 'profile-FAILED.png'), fullPage: true }).catch(() => {});
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it('without a profile, the button on the form says so and leads to the profile page', async () => {
    // A fresh platform per run: this demo citizen has no profile yet.
    assert.equal((await api(p, 'GET', `/api/v1/tenants/${TENANT}/me/profile`, { token: citizen })).status, 404);
    await page.goto(`${p.url}${APPLY}`);
    await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
    await signIn(page, p.url, 'warga.kbb');
    await page.waitForURL(`**${APPLY}*`);
    // The person types a name of their own first: a fill never overwrites it.
    await field('namaLengkap').fill('Dadang S.');
    await page.getByText(/Tersimpan otomatis pukul/).waitFor();
    const button = page.getByRole('button', { name: 'Isi dari profil saya' });
    assert.equal(await button.getAttribute('type'), 'button', 'never submits the form');
    await button.click();
    await page.getByRole('status').getByText('Anda belum punya profil pemohon.', { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('link', { name: 'Isi profil pemohon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profil pemohon' }).waitFor();
  });

  it('saves the profile once; a bad NIK is refused on its field with the summary linking it', async () => {
    await page.goto(`${p.url}/t/${TENANT}/profil`);
    await page.getByRole('heading', { level: 1, name: 'Profil pemohon' }).waitFor();
    // The main navigation leads here too.
    assert.equal(await page.getByRole('navigation', { name: 'Utama / Main' }).getByRole('link', { name: 'Profil pemohon' }).count(), 1);
    const nik = page.getByLabel('NIK', { exact: true });
    assert.equal(await nik.getAttribute('inputmode'), 'numeric');
    await nik.fill('12345');
    await page.getByLabel('Nama lengkap').fill('Dadang Sunarya');
    await page.getByLabel(/^Nomor HP/).fill('0812 3456 7890');
    await page.getByLabel(/^Email/).fill('dadang@example.id');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Ada yang perlu diperbaiki' }) });
    await summary.waitFor();
    assert.equal(await nik.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), []);
    await nik.fill(NIK);
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByRole('status').getByText('Profil tersimpan.').waitFor();
    const saved = await api(p, 'GET', `/api/v1/tenants/${TENANT}/me/profile`, { token: citizen });
    assert.equal(saved.status, 200);
    assert.deepEqual([saved.body.profile.nik, saved.body.profile.name, saved.body.profile.phone, saved.body.profile.email], [NIK, 'Dadang Sunarya', '081234567890', 'dadang@example.id']);
    await page.screenshot({ path: path.join(SHOTS, 'profile.png'), fullPage: true });
  });

  it('the first fill for an agency asks for consent with the statement recorded; only empty answers are filled; the draft keeps them', async () => {
    // Back on the form: the draft this device remembers opens with what was typed.
    await page.goto(`${p.url}${APPLY}`);
    await page.waitForURL(/draft=[0-9a-f-]{36}/);
    await field('namaLengkap').waitFor();
    assert.equal(await field('namaLengkap').inputValue(), 'Dadang S.');
    await page.getByRole('button', { name: 'Isi dari profil saya' }).click();
    const consent = page.getByRole('group', { name: /Izinkan .* memakai profil Anda\?/ });
    await consent.waitFor();
    const statement = await consent.locator('p').first().innerText();
    assert.match(statement, /^Saya setuju profil pemohon saya .* dipakai untuk mengisi formulir /);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: path.join(SHOTS, 'profile-consent.png'), fullPage: true });
    await consent.getByRole('button', { name: 'Setuju dan isi' }).click();
    await page.getByRole('status').getByText(/isian diisi dari profil Anda/).waitFor();
    const said = await page.getByRole('status').filter({ hasText: 'dari profil Anda' }).innerText();
    assert.match(said, /1 isian yang sudah Anda ketik tidak diubah/);
    // The NIK is on this page; the mobile number, on a later page, is in the draft (below).
    assert.equal(await field('nik').inputValue(), NIK);
    assert.equal(await field('namaLengkap').inputValue(), 'Dadang S.', 'what the person typed stays');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: path.join(SHOTS, 'profile-filled.png'), fullPage: true });
    // The consent is recorded with the very statement shown; the filled answers reach the draft.
    const profile = await api(p, 'GET', `/api/v1/tenants/${TENANT}/me/profile`, { token: citizen });
    const recorded = (profile.body.consents as { agency: string; statement: string }[]).find((c) => c.agency === 'dukcapil');
    assert.equal(recorded?.statement, statement);
    await page.getByText(/Tersimpan otomatis pukul/).waitFor();
    const draft = new URL(page.url()).searchParams.get('draft');
    assert.ok(draft, 'the draft is in the address');
    for (let i = 0; i < 40; i++) {
      const a = await api(p, 'GET', `/api/v1/tenants/${TENANT}/applications/${draft}`, { token: citizen });
      if (a.body.data?.nik === NIK && a.body.data?.noHp === '081234567890' && a.body.data?.namaLengkap === 'Dadang S.') break;
      if (i === 39) assert.fail(`the draft never held the filled NIK: ${JSON.stringify(a.body.data)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  it('withdraws the consent from the profile page after a confirmation; the agency’s forms are no longer filled', async () => {
    await page.goto(`${p.url}/t/${TENANT}/profil`);
    const consents = page.getByRole('region', { name: 'Instansi yang boleh memakai profil ini' });
    await consents.locator('strong', { hasText: 'DUKCAPIL' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await consents.getByRole('button', { name: /Cabut/ }).click();
    await page.getByRole('status').getByText('Persetujuan untuk DUKCAPIL dicabut.').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    const prefill = await api(p, 'GET', `/api/v1/tenants/${TENANT}/me/profile/prefill/${SERVICE}`, { token: citizen });
    assert.deepEqual([prefill.status, prefill.body.code], [403, 'PROFILE_CONSENT_REQUIRED']);
  });

  it('threw no errors in the page', () => {
    assert.deepEqual(pageErrors, []);
  });
});
