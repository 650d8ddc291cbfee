import assert from 'node:assert/strict';
import path from 'node:path';
import pino from 'pino';
import { fixedClock, type Tenant } from '@satupintu/core';
import { applyOverlay, loadPluginDir, procedureOrder, standardComponents } from '@satupintu/plugin-sdk';
import { withPage, type PageEnv } from '../../http/web.js';
import { catalogPages, esc } from './pages.js';
import type { CatalogService } from './service.js';

const dukcapil = loadPluginDir(path.resolve('plugins/dukcapil')).manifest!;
const ktp = dukcapil.services.find((s) => s.code === 'ktpel-penggantian')!;
const tenant = { id: 't1', slug: 'kab-uji', name: 'Kabupaten <Uji> & "Coba"', timeZone: 'Asia/Jakarta' } as Tenant;
const agency = { code: 'dukcapil', name: dukcapil.agency.name, kind: dukcapil.agency.kind };
const EVIL = '<script>alert("x")</script>';

/** A catalog with one real service (KTP-el replacement) and one whose name is an attack. */
function stubCatalog(): CatalogService {
  const evil = { ...ktp, code: 'jahat', name: { id: `Layanan ${EVIL}`, en: EVIL }, summary: { id: `<img src=x onerror=alert(1)>`, en: 'x' } };
  const services = [ktp, evil].map((s) => ({ plugin: 'dukcapil', version: '1.0.0', contentHash: 'h', agency, service: applyOverlay(s, undefined) }));
  const summaries = () =>
    services.map((e) => ({ id: `dukcapil.${e.service.code}`, code: e.service.code, name: e.service.name, summary: e.service.summary, category: e.service.category, channels: e.service.channels, keywords: e.service.keywords ?? [], agency, appointmentRequired: false }));
  const rendered = { json: Buffer.from(JSON.stringify({ tenant: {}, items: summaries() })) };
  return {
    summaries: async () => summaries(),
    renderedSummaries: async () => rendered,
    definition: async (_ctx: unknown, id: string) => services.find((e) => `dukcapil.${e.service.code}` === id),
  } as unknown as CatalogService;
}

describe('server-rendered catalog and service pages', () => {
  const render = catalogPages({ catalog: stubCatalog(), clock: fixedClock(new Date('2026-12-07T03:00:00Z')), log: pino({ level: 'silent' }) });
  const env: PageEnv = { tenant: async (slug) => (slug === 'kab-uji' ? tenant : undefined) };
  const page = (p: string, query: Record<string, string> = {}) => render({ path: p, query }, env);

  it('renders the catalog with real links, a GET search form and every text escaped', async () => {
    const pg = (await page('/t/kab-uji'))!;
    assert.equal(pg.status, 200);
    assert.ok(!pg.body.includes('<script>') && !pg.body.includes('<img'), 'no markup from data');
    assert.ok(pg.body.includes('Layanan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(pg.body.includes('<h1>Kabupaten &lt;Uji&gt; &amp; &quot;Coba&quot;</h1>'));
    assert.match(pg.body, /<form class="filters" role="search" method="get" action="\/t\/kab-uji">/);
    assert.match(pg.body, /<a href="\/t\/kab-uji\/layanan\/dukcapil\.ktpel-penggantian">Penggantian KTP-el<\/a>/);
    assert.match(pg.title, /^Kabupaten <Uji> & "Coba" · Katalog layanan · Satupintu$/);
    const html = withPage('<title>x</title><meta name="description" content="y" /><div id="root"></div><noscript>JS</noscript>', pg);
    assert.ok(html.includes('<title>Kabupaten &#60;Uji&#62; &#38; &#34;Coba&#34; · Katalog layanan · Satupintu</title>'));
    assert.ok(!html.includes('<noscript>'), 'the page works without JavaScript: no notice');
    assert.ok(html.includes('<div id="root" data-ssr="1">'));
  });

  it('filters on the server by the form’s query (words, category, agency), keeping what was asked in the form', async () => {
    const pg = (await page('/t/kab-uji', { q: 'ktp "><b>', agency: 'dukcapil' }))!;
    assert.ok(pg.body.includes('value="ktp &quot;&gt;&lt;b&gt;"'), 'the query is echoed escaped');
    assert.match(pg.body, /0 layanan ditemukan/);
    const ktpOnly = (await page('/t/kab-uji', { q: 'penggantian ktp' }))!;
    assert.match(ktpOnly.body, /Penggantian KTP-el/);
    assert.doesNotMatch(ktpOnly.body, /Layanan &lt;script/);
    assert.match(ktpOnly.body, /<option value="dukcapil">/);
  });

  it('renders a service with its standar pelayanan: steps in order, conditional requirements marked', async () => {
    const pg = (await page('/t/kab-uji/layanan/dukcapil.ktpel-penggantian'))!;
    assert.equal(pg.status, 200);
    assert.equal(pg.title, 'Penggantian KTP-el · Satupintu');
    assert.match(pg.body, /<h2 id="standar">Standar pelayanan<\/h2>/);
    assert.match(pg.body, /Surat Keterangan Tanda Lapor Kehilangan \(SKTLK\) dari Polri \(jika Alasan Penggantian: hilang\)/);
    assert.match(pg.body, /Kartu Keluarga \(scan\/foto\)<\/li>/, 'an unconditional document is listed as it is');
    const steps = /<dt>2\. Sistem, mekanisme, dan prosedur<\/dt><dd><ol>(.*?)<\/ol>/.exec(pg.body)?.[1] ?? '';
    const order = [...steps.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
    assert.ok(order.length >= 4, steps);
    assert.match(order.at(-1)!, /^Bila perlu: /, 'the return for correction is a side step, last');
    const evil = (await page('/t/kab-uji/layanan/dukcapil.jahat'))!;
    assert.ok(!evil.body.includes('<script>') && evil.title === `Layanan ${EVIL} · Satupintu`, 'the title is escaped by withPage');
    assert.ok(!withPage('<title>x</title><div id="root"></div>', evil).includes('<script>'));
  });

  it('answers a 404 page for a tenant or a service that is not there, and nothing for other paths', async () => {
    const noTenant = (await page('/t/kab-tidak-ada'))!;
    assert.deepEqual([noTenant.status, /Halaman tidak ditemukan/.test(noTenant.body)], [404, true]);
    const noService = (await page('/t/kab-uji/layanan/dukcapil.tidak-ada'))!;
    assert.deepEqual([noService.status, /tidak ada di katalog Kabupaten &lt;Uji&gt;/.test(noService.body)], [404, true]);
    for (const p of ['/', '/t/kab-uji/permohonan', '/t/kab-uji/layanan/dukcapil.ktpel-penggantian/ajukan', '/t/KAB/layanan/x']) assert.equal(await page(p), undefined, p);
  });

  it('orders the procedure along the way to completion (ADR 0028), the manifest order aside', () => {
    const scrambled = { ...ktp.sop, states: Object.fromEntries(Object.entries(ktp.sop.states).reverse()) };
    const order = procedureOrder(scrambled).map((s) => `${s.key}${s.aside ? '*' : ''}`);
    assert.deepEqual(order, ['diajukan', 'diverifikasi', 'dicetak', 'dikembalikan*']);
    const requirements = standardComponents(ktp).find((c) => c.key === 'requirements')!.text.map((t) => t.en);
    assert.ok(requirements.includes('Police loss report certificate (SKTLK) (if Reason for replacement: hilang)'), requirements.join('\n'));
    assert.equal(esc(`<a href="x" onclick='y'>&`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
  });
});
