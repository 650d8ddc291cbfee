import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, type Router } from 'express';
import { routeNotFound } from './problems.js';

/** Where `vite build` writes the browser app (packages/web/dist). */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Paths the SPA's history fallback must never answer: the API, the issuer, operations endpoints. */
const RESERVED = /^\/(?:api|realms|metrics|livez|readyz|healthz)(?:\/|$)/;

export interface WebAppOptions {
  /** The OIDC issuer the browser signs in at: `${KEYCLOAK_URL or this server}/realms/{realm}`. */
  authority: string;
  /** The realm's public browser client (authorization code + PKCE). */
  clientId: string;
  dir?: string;
}

/** The metrics label of a file served (set as it is sent): fixed, never the path asked for. */
const label = (route: string) => (res: { locals: { route?: string } }) => {
  res.locals.route = route;
};

/**
 * Serves the built web app at `/` with a history fallback (any other GET that wants HTML gets
 * index.html), and `/config.json` telling the browser where to sign in.
 */
export function webApp(opts: WebAppOptions): Router {
  const dir = opts.dir ?? WEB_DIST;
  const index = path.join(dir, 'index.html');
  const router = express.Router();
  router.get('/config.json', (_req, res) => {
    res.locals.route = '/config.json';
    res.set('cache-control', 'no-store').json({ authority: opts.authority, clientId: opts.clientId });
  });
  // Hashed file names under /assets never change; everything else is revalidated.
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: true, setHeaders: label('/assets') }));
  // A missing asset is a 404, never the app's HTML (a stale page asking for an old bundle must fail visibly).
  router.use('/assets', (req, _res, next) => next(routeNotFound(req.method, req.originalUrl)));
  router.use(express.static(dir, { index: false, maxAge: 0, setHeaders: label('web') }));
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path) || !req.accepts('html')) return next();
    res.locals.route = 'web';
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('Aplikasi web belum dibangun / the web app is not built: npm run build -w @satupintu/web');
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  };
  router.use(fallback);
  return router;
}
