import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaderOptions {
  /** `production` adds HSTS and upgrade-insecure-requests (the production check requires TLS). */
  env: 'development' | 'production';
  /** The OIDC issuer the browser signs in at (`${KEYCLOAK_URL or this server}/realms/{realm}`): its origin may be fetched. */
  issuer: string;
  /** Path prefix of the embedded issuer mounted on this server (`/realms/{realm}`), if any. */
  issuerMount?: string;
}

type Directives = Record<string, string[]>;

/**
 * The browser app (packages/web/dist): its scripts and styles are files from this origin (Vite
 * writes no inline script or style into index.html; React sets styles through the DOM, which
 * style-src does not govern). QR codes are `data:` images, exports `blob:` downloads. It fetches
 * this origin and the issuer (discovery, token endpoint). Nothing may frame it.
 *
 * `'unsafe-eval'`: the application form validates plugin schemas in the browser with ajv, which
 * compiles each schema to a function (`new Function`). Without it the form cannot validate.
 * Inline and foreign scripts stay refused; the web app can drop this by validating without code
 * generation (see docs/security.md).
 */
export function webDirectives(issuerOrigin: string, production: boolean): Directives {
  const self = "'self'";
  return {
    'default-src': [self],
    'script-src': [self, "'unsafe-eval'"],
    'style-src': [self],
    'img-src': [self, 'data:', 'blob:'],
    'font-src': [self],
    'connect-src': unique([self, issuerOrigin]),
    'manifest-src': [self],
    'worker-src': [self],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': [self],
    'form-action': [self],
    'frame-ancestors': ["'none'"],
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** JSON, CSV, problem+json, metrics: nothing in an API answer may run, load or be framed. */
export const API_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Swagger UI (/api/docs, kept in every mode: integrators read it): its scripts are files from
 * this origin, but its page and components carry inline styles and `data:` SVG images; "Try it
 * out" fetches this origin and, to authorize, the issuer's token endpoint.
 */
export function docsDirectives(issuerOrigin: string, production: boolean): Directives {
  const self = "'self'";
  return {
    'default-src': [self],
    'script-src': [self],
    'style-src': [self, "'unsafe-inline'"],
    'img-src': [self, 'data:'],
    'connect-src': unique([self, issuerOrigin]),
    'object-src': ["'none'"],
    'base-uri': [self],
    'form-action': [self],
    'frame-ancestors': ["'none'"],
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The embedded issuer's pages (sign-in, sign-out, form_post): an inline style sheet; inline
 * scripts only those oidc-provider adds a sha256 for (it appends them to this script-src).
 * No form-action: a sign-in ends in a redirect to the client's redirect URI (another port for the
 * CLI), which Chromium would check against it.
 */
export const ISSUER_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const unique = (xs: string[]) => [...new Set(xs)];

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "'self'"; // a relative issuer (the API document's default) is this origin
  }
}

/**
 * helmet's headers on every answer, with a Content-Security-Policy per surface: the web app
 * (strict: scripts and styles from this origin only), the API and operations endpoints (nothing
 * may run), the API docs, the embedded issuer. Besides CSP, on all of them: `nosniff`,
 * `Referrer-Policy: no-referrer` (a path may name an application; it never leaves in a Referer,
 * not even to S3 when a download opens), `Cross-Origin-Resource-Policy: same-origin` and
 * `Cross-Origin-Opener-Policy: same-origin`, `X-Frame-Options: DENY`; HSTS (one year, with
 * subdomains) only in production — a development server on http://127.0.0.1 must not pin
 * `localhost` to https in the developer's browser.
 */
export function securityHeaders(opts: SecurityHeaderOptions): RequestHandler {
  const production = opts.env === 'production';
  const issuerOrigin = originOf(opts.issuer);
  const common: HelmetOptions = {
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    originAgentCluster: true,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true, preload: false } : false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    xDownloadOptions: true,
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    xPoweredBy: true,
    xXssProtection: true,
  };
  const withCsp = (directives: Directives) => helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
  const web = withCsp(webDirectives(issuerOrigin, production));
  const api = withCsp(API_DIRECTIVES);
  const docs = withCsp(docsDirectives(issuerOrigin, production));
  const issuer = withCsp(ISSUER_DIRECTIVES);
  const issuerMount = opts.issuerMount;
  return (req, res, next) => {
    const p = req.path;
    if (p === '/api/docs' || p.startsWith('/api/docs/')) return docs(req, res, next);
    if (issuerMount && (p === issuerMount || p.startsWith(`${issuerMount}/`))) return issuer(req, res, next);
    if (p.startsWith('/api/') || p === '/api' || OPERATIONS.has(p)) return api(req, res, next);
    return web(req, res, next);
  };
}

const OPERATIONS = new Set(['/metrics', '/healthz', '/readyz', '/livez']);
