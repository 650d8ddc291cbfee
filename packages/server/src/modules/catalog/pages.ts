import type { Clock, Tenant } from '@satupintu/core';
import { standardComponents } from '@satupintu/plugin-sdk';
import type { Logger } from 'pino';
import { workContext, type TenantCtx } from '../../context.js';
import type { PageRenderer, WebPage } from '../../http/web.js';
import type { CatalogService } from './service.js';

/*
 * The public catalog and service pages as ready HTML (ADR 0027): string templates with the same
 * markup and classes as the SPA's pages (Catalog.tsx, Service.tsx), Indonesian, every text escaped.
 * They work without JavaScript (the search is a GET form, links are links); the SPA takes over.
 */

type Text = { id: string; en: string };

/** Escapes text for HTML content and attribute values (the only way data reaches the markup here). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const t = (x: Text | undefined) => esc(x?.id ?? '');
/** Attributes and text of a path segment already validated by the pattern below; encoded anyway. */
const seg = (s: string) => esc(encodeURIComponent(s));

const SLUG = '[a-z0-9](?:[a-z0-9-]{0,62})';
const CATALOG = new RegExp(`^/t/(${SLUG})/?$`);
const SERVICE = new RegExp(`^/t/(${SLUG})/layanan/([a-z][a-z0-9-]{1,62}\\.[a-z][a-z0-9-]{1,62})/?$`);
const PUBLIC_COMPONENTS = ['requirements', 'procedure', 'timeframe', 'fee', 'product', 'complaints'];
const CHANNEL: Record<string, string> = { online: 'Daring', assisted: 'Dibantu', counter: 'Gerai' };

/** Lower case without diacritics, as the SPA's search compares. */
const norm = (s: string) => s.toLocaleLowerCase('id').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const one = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : '');

function layout(tenant: string | undefined, main: string): string {
  return [
    '<a class="skip" href="#main">Lewati ke konten utama</a>',
    '<header class="top"><div class="bar"><a href="/" class="brand"><span aria-hidden="true">◆</span> Satupintu</a><div class="bar-right"></div></div>',
    '<nav aria-label="Utama / Main"><ul><li><a href="/">Beranda</a></li>',
    tenant ? `<li><a href="/t/${seg(tenant)}">Katalog layanan</a></li><li><a href="/t/${seg(tenant)}/skm">Survei kepuasan (SKM)</a></li>` : '',
    '</ul></nav></header>',
    `<main id="main" tabindex="-1">${main}</main>`,
    '<footer class="foot muted small">Satupintu · Mal Pelayanan Publik (Perpres 89/2021) · <a href="/api/docs">API</a></footer>',
  ].join('');
}

function notFound(tenant: string | undefined, what: string): WebPage {
  const main = `<div class="page-title"><h1>Halaman tidak ditemukan</h1><p class="muted">${esc(what)}</p></div><p><a href="/">Pilih kabupaten/kota di beranda</a></p>`;
  return { status: 404, title: 'Halaman tidak ditemukan · Satupintu', description: 'Halaman ini tidak ada di Satupintu.', body: layout(tenant, main) };
}

export interface PagesDeps {
  catalog: CatalogService;
  clock: Clock;
  log: Logger;
}

/** The catalog (`/t/{tenant}`) and service (`/t/{tenant}/layanan/{service}`) pages, rendered on the server. */
export function catalogPages(deps: PagesDeps): PageRenderer {
  const ctxFor = (tenant: Tenant): TenantCtx => workContext({ clock: deps.clock, log: deps.log, route: 'web:catalog-page', tenant });
  // The list as the API renders it once per installation change (parsed once too); the unfiltered
  // page, the one most people open, is kept with it.
  const lists = new WeakMap<object, { items: Summary[]; page?: WebPage }>();
  const listOf = async (ctx: TenantCtx) => {
    const rendered = await deps.catalog.renderedSummaries(ctx);
    let hit = lists.get(rendered);
    if (!hit) lists.set(rendered, (hit = { items: (JSON.parse(rendered.json.toString('utf8')) as { items: Summary[] }).items }));
    return hit;
  };
  return async (req, env) => {
    const c = CATALOG.exec(req.path);
    const s = c ? undefined : SERVICE.exec(req.path);
    if (!c && !s) return undefined;
    const slug = (c ?? s)![1]!;
    const tenant = await env.tenant(slug);
    if (!tenant) return notFound(undefined, 'Kabupaten/kota ini tidak ada di Satupintu. Pilih kabupaten/kota Anda di beranda.');
    const ctx = ctxFor(tenant);
    if (c) {
      const list = await listOf(ctx);
      const filter = { q: one(req.query.q), category: one(req.query.category), agency: one(req.query.agency) };
      if (filter.q || filter.category || filter.agency) return catalogPage(tenant, list.items, filter);
      return (list.page ??= catalogPage(tenant, list.items, filter));
    }
    const found = await deps.catalog.definition(ctx, s![2]!);
    if (!found) return notFound(slug, `Layanan ini tidak ada di katalog ${tenant.name}.`);
    return servicePage(tenant, found);
  };
}

type Summary = Awaited<ReturnType<CatalogService['summaries']>>[number];

function catalogPage(tenant: Tenant, items: Summary[], f: { q: string; category: string; agency: string }): WebPage {
  const agencies = [...new Map(items.map((i) => [i.agency.code, i.agency])).values()];
  const categories = [...new Set(items.map((i) => i.category))].sort();
  const words = norm(f.q).split(/\s+/).filter(Boolean);
  const shown = items.filter((s) => {
    if (f.category && s.category !== f.category) return false;
    if (f.agency && s.agency.code !== f.agency) return false;
    const hay = norm([s.name.id, s.name.en, s.summary.id, s.summary.en, s.agency.name.id, s.agency.name.en, ...s.keywords].join(' '));
    return words.every((w) => hay.includes(w));
  });
  const option = (value: string, label: string, selected: boolean) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
  const main = [
    `<div class="page-title"><h1>${esc(tenant.name)}</h1><p class="muted">Katalog layanan · ${items.length} layanan ditemukan</p></div>`,
    `<form class="filters" role="search" method="get" action="/t/${seg(tenant.slug)}">`,
    `<div class="field grow"><label for="q">Cari layanan</label><input id="q" name="q" type="search" value="${esc(f.q)}" placeholder="misalnya: ktp hilang, paspor, skck" autocomplete="off" /></div>`,
    `<div class="field"><label for="cat">Kategori</label><select id="cat" name="category">${option('', 'Semua kategori', !f.category)}${categories.map((x) => option(x, x, x === f.category)).join('')}</select></div>`,
    `<div class="field"><label for="agency">Instansi</label><select id="agency" name="agency">${option('', 'Semua instansi', !f.agency)}${agencies.map((a) => option(a.code, a.name.id, a.code === f.agency)).join('')}</select></div>`,
    '<div class="field"><button type="submit" class="btn secondary">Cari</button></div>',
    '</form>',
    `<p class="muted small" role="status" aria-live="polite">${shown.length} layanan ditemukan</p>`,
    shown.length === 0
      ? '<p>Tidak ada layanan yang cocok.</p>'
      : `<ul class="cards">${shown
          .map(
            (s) =>
              `<li class="card service-card"><h2 class="h3"><a href="/t/${seg(tenant.slug)}/layanan/${seg(s.id)}">${t(s.name)}</a></h2><p class="muted small">${t(s.agency.name)} · <span class="badge">${esc(s.category)}</span></p><p class="small">${t(s.summary)}</p></li>`,
          )
          .join('')}</ul>`,
  ].join('');
  const names = items.slice(0, 6).map((i) => i.name.id).join(', ');
  return {
    status: 200,
    title: `${tenant.name} · Katalog layanan · Satupintu`,
    description: `${items.length} layanan publik di Mal Pelayanan Publik ${tenant.name}, daring dan di gerai: ${names}${items.length > 6 ? ', …' : ''}`.slice(0, 300),
    body: layout(tenant.slug, main),
  };
}

type Found = NonNullable<Awaited<ReturnType<CatalogService['definition']>>>;

function servicePage(tenant: Tenant, found: Found): WebPage {
  const s = found.service;
  const id = `${found.plugin}.${s.code}`;
  const base = `/t/${seg(tenant.slug)}/layanan/${seg(id)}`;
  const counter = s.local.counter;
  const standard = standardComponents(s).filter((c) => PUBLIC_COMPONENTS.includes(c.key));
  const item = (x: Text[], ordered: boolean) => (x.length > 1 ? `<${ordered ? 'ol' : 'ul'}>${x.map((y) => `<li>${t(y)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>` : t(x[0]));
  const main = [
    `<div class="page-title"><h1>${t(s.name)}</h1><p class="muted">${t(found.agency.name)}</p></div>`,
    '<div class="service-layout"><div>',
    `<p>${t(s.summary)}</p>`,
    `<p class="small"><span class="badge">${esc(s.category)}</span> · Kanal: ${s.channels.map((c) => esc(CHANNEL[c] ?? c)).join(', ')}`,
    counter?.name ? ` · Gerai: ${esc(counter.name)}${counter.number ? ` (${esc(counter.number)})` : ''}` : '',
    '</p><div class="actions">',
    s.channels.includes('online') ? `<a class="btn" href="${base}/ajukan">Ajukan permohonan</a>` : '',
    s.schedule?.appointmentRequired ? `<a class="btn secondary" href="${base}/sesi">Pesan sesi</a>` : '',
    '</div>',
    '<section aria-labelledby="standar"><h2 id="standar">Standar pelayanan</h2><dl class="standard">',
    standard.map((c) => `<div class="std-item"><dt>${c.number}. ${t(c.name)}</dt><dd>${item(c.text, c.key === 'procedure')}</dd></div>`).join(''),
    '</dl></section>',
    '</div></div>',
  ].join('');
  return {
    status: 200,
    title: `${s.name.id} · Satupintu`,
    description: `${s.summary.id} — ${found.agency.name.id}, Mal Pelayanan Publik ${tenant.name}.`.slice(0, 300),
    body: layout(tenant.slug, main),
  };
}
