import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type RequestHandler, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { Tenant } from '@satupintu/core';
import { routeNotFound } from './problems.js';

/** Where `vite build` writes the browser app (packages/web/dist). */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Paths the SPA's history fallback must never answer: the API, the issuer, operations endpoints. */
const RESERVED = /^\/(?:api|realms|metrics|livez|readyz|healthz)(?:\/|$)/;
/** A file at the public root (robots.txt, favicon.ico, …): when it is not there, a 404, never the app. */
const ROOT_FILE = /^\/[^/]+\.[A-Za-z0-9]+$/;

/** A page the server renders into index.html's root (ready HTML that works without JavaScript). */
export interface WebPage {
  status: 200 | 404;
  /** The whole `<title>`. */
  title: string;
  description: string;
  /** Markup for `<div id="root">`, every text already escaped. */
  body: string;
}

/** Renders the page at a path, or answers undefined when it renders no page there (the SPA shell is sent). */
export type PageRenderer = (req: Pick<Request, 'path' | 'query'>, env: PageEnv) => Promise<WebPage | undefined>;

export interface PageEnv {
  /** The tenant directory: the slug's tenant, or undefined when there is none. */
  tenant(slug: string): Promise<Tenant | undefined>;
}

export interface WebAppOptions {
  /** The OIDC issuer the browser signs in at: `${KEYCLOAK_URL or this server}/realms/{realm}`. */
  authority: string;
  /** The realm's public browser client (authorization code + PKCE). */
  clientId: string;
  dir?: string;
  /** Server-rendered public pages (the catalog and service pages), tried in order. */
  pages?: readonly PageRenderer[];
  /** The tenant directory the pages read (required with `pages`). */
  tenant?: (slug: string) => Promise<Tenant>;
}

/** The metrics label of a file served (set as it is sent): fixed, never the path asked for. */
const label = (route: string) => (res: object) => {
  (res as { locals?: { route?: string } }).locals ??= {};
  (res as { locals: { route?: string } }).locals.route = route;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** index.html as built, read again only when the file changes (a rebuild while running). */
function shell(file: string): () => string | undefined {
  let cached: { mtime: number; html: string } | undefined;
  return () => {
    if (!existsSync(file)) return undefined;
    const mtime = statSync(file).mtimeMs;
    if (!cached || cached.mtime !== mtime) cached = { mtime, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

/** The shell with a rendered page in its root, its title and description; the no-JS notice goes (the page works without). */
export function withPage(html: string, page: WebPage): string {
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, `<meta name="description" content="${escapeHtml(page.description)}" />`)
    .replace(/<noscript>[\s\S]*?<\/noscript>/, '')
    .replace('<div id="root"></div>', () => `<div id="root" data-ssr="1">${page.body}</div>`);
}

/**
 * Serves the built web app at `/`: hashed assets precompressed at build time (Brotli or gzip by
 * Accept-Encoding, immutable for a year), the public catalog and service pages rendered on the
 * server, and a history fallback (any other GET that wants HTML gets index.html); `/config.json`
 * tells the browser where to sign in.
 */
export function webApp(opts: WebAppOptions): Router {
  const dir = opts.dir ?? WEB_DIST;
  const index = path.join(dir, 'index.html');
  const html = shell(index);
  const lookup = opts.tenant;
  const env: PageEnv = { tenant: async (slug) => (lookup ? lookup(slug).catch(() => undefined) : undefined) };
  const router = express.Router();
  router.get('/config.json', (_req, res) => {
    res.locals.route = '/config.json';
    res.set('cache-control', 'no-store').json({ authority: opts.authority, clientId: opts.clientId });
  });
  // Hashed file names under /assets never change; everything else is revalidated. The .br and .gz
  // next to each file come from the build (vite.config.ts); the files are looked up once, here.
  const assets = path.join(dir, 'assets');
  router.use(
    '/assets',
    expressStaticGzip(assets, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { immutable: true, maxAge: '365d', fallthrough: true, setHeaders: label('/assets') } }),
  );
  // A missing asset is a 404, never the app's HTML (a stale page asking for an old bundle must fail visibly).
  router.use('/assets', (req, _res, next) => next(routeNotFound(req.method, req.originalUrl)));
  router.use(expressStaticGzip(dir, { enableBrotli: true, orderPreference: ['br', 'gzip'], index: false, serveStatic: { index: false, maxAge: 0, fallthrough: true, setHeaders: label('web') } }));
  router.use((req, _res, next) => (ROOT_FILE.test(req.path) && (req.method === 'GET' || req.method === 'HEAD') ? next(routeNotFound(req.method, req.originalUrl)) : next()));
  const fallback: RequestHandler = async (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path) || !req.accepts('html')) return next();
    res.locals.route = 'web';
    const shellHtml = html();
    if (shellHtml === undefined) {
      res.status(503).type('text/plain').send('Aplikasi web belum dibangun / the web app is not built: npm run build -w @satupintu/web');
      return;
    }
    try {
      for (const render of opts.pages ?? []) {
        const page = await render(req, env);
        if (!page) continue;
        res.status(page.status).set({ 'cache-control': 'no-cache', vary: 'Accept-Encoding' }).type('html').send(withPage(shellHtml, page));
        return;
      }
    } catch (e) {
      // The data behind a page is out of reach: the app's shell still serves (the SPA says what is wrong).
      req.log?.warn({ err: e }, 'server-rendered page failed; sent the app shell');
    }
    res.set('cache-control', 'no-cache').type('html').send(shellHtml);
  };
  router.use(fallback);
  return router;
}
