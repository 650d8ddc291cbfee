/*
 * Satupintu's service worker (ADR 0028): the app opens without a network.
 * - The shell (index.html and the hashed scripts and styles it names, the manifest, the icons) is
 *   cached on install; other hashed files under /assets (route chunks) as they are first used.
 * - Pages: the network first; without one, the same page as last served, else the shell (the app
 *   then shows its offline notice). Hashed assets: the cache first (their names change when they do).
 * - Never cached: the API (/api, personal data), the issuer (/realms), anything not GET, anything
 *   from another origin, anything sent with credentials in an Authorization header.
 * Hand-written rather than Workbox: a few rules, no build step to add, every line reviewable.
 */
const VERSION = 'v1';
const SHELL = `satupintu-shell-${VERSION}`;
const ASSETS = `satupintu-assets-${VERSION}`;
const KEEP = new Set([SHELL, ASSETS]);
const MAX_ASSETS = 80;
const MAX_PAGES = 40;
const STATIC = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png'];
const NEVER = /^\/(?:api|realms|metrics|livez|readyz|healthz)(?:\/|$)/;

const OFFLINE_PAGE = `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Satupintu · luring</title>
<main style="font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1>Anda sedang luring</h1><p>Tidak ada koneksi internet dan halaman ini belum pernah dibuka di perangkat ini. Sambungkan ke internet lalu muat ulang halaman.</p>
<h2 lang="en">You are offline</h2><p lang="en">There is no internet connection and this page has not been opened on this device before. Connect to the internet, then reload the page.</p></main></html>`;

/** The hashed files index.html names (its module script, preloads and style sheets). */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

async function cacheShell() {
  const shell = await caches.open(SHELL);
  const res = await fetch('/', { cache: 'no-cache', headers: { accept: 'text/html' } });
  if (!res.ok) return;
  const html = await res.clone().text();
  await shell.put('/', res);
  await shell.addAll(STATIC).catch(() => {});
  const assets = await caches.open(ASSETS);
  await assets.addAll(assetsOf(html)).catch(() => {});
}

/** Drops the oldest entries past `max` (never the shell itself or the static files). */
async function trim(name, max) {
  const cache = await caches.open(name);
  const keys = (await cache.keys()).filter((k) => {
    const p = new URL(k.url).pathname;
    return p !== '/' && !STATIC.includes(p) && p !== '/config.json';
  });
  for (const k of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(k);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('satupintu-') && !KEEP.has(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function page(request) {
  const shell = await caches.open(SHELL);
  const path = new URL(request.url).pathname;
  try {
    const res = await fetch(request);
    // Kept for offline: the page as served (the public shell, or a public page as ready HTML),
    // never one the server marks private or not to be stored.
    const cc = res.headers.get('cache-control') ?? '';
    if (res.ok && (res.headers.get('content-type') ?? '').includes('text/html') && !/no-store|private/.test(cc)) {
      const html = await res.clone().text();
      await shell.put(path, res.clone());
      caches.open(ASSETS).then((a) => a.addAll(assetsOf(html))).then(() => Promise.all([trim(ASSETS, MAX_ASSETS), trim(SHELL, MAX_PAGES)])).catch(() => {});
    }
    return res;
  } catch {
    return (await shell.match(path)) ?? (await shell.match('/')) ?? new Response(OFFLINE_PAGE, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
}

async function asset(request) {
  const assets = await caches.open(ASSETS);
  const hit = await assets.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await assets.put(request, res.clone()).catch(() => {});
  return res;
}

/** The network first, the cached copy without one (config.json, the manifest, icons). */
async function fresh(request) {
  const shell = await caches.open(SHELL);
  try {
    const res = await fetch(request);
    if (res.ok) await shell.put(request, res.clone()).catch(() => {});
    return res;
  } catch {
    const hit = await shell.match(request);
    if (hit) return hit;
    throw new Error('offline');
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || request.headers.has('authorization')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
  else if (url.pathname === '/config.json' || STATIC.includes(url.pathname)) event.respondWith(fresh(request));
});
