import type { Request, RequestHandler } from 'express';
import cors, { type CorsOptions } from 'cors';

/** Request headers a browser client may send across origins. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key', 'If-Match', 'If-None-Match', 'X-Request-Id'];
/** Response headers a browser client may read across origins. */
const EXPOSED_HEADERS = ['ETag', 'Location', 'Link', 'Retry-After', 'Idempotent-Replayed', 'X-Request-Id', 'Deprecation', 'Sunset', 'WWW-Authenticate', 'RateLimit', 'RateLimit-Policy'];

const TENANT_PATH = /^\/api\/v1\/tenants\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/;

export interface CorsPolicy {
  /** Origins allowed on every API path (the platform's own portals), from CORS_ORIGINS. */
  platformOrigins: readonly string[];
  /** Origins a tenant allows on its own paths (its settings; cached by the tenant directory). */
  tenantOrigins: (slug: string) => Promise<readonly string[]>;
}

/**
 * Cross-origin access to the API, per tenant: a regency's own portal (its origin listed in the
 * tenant's settings) may call that tenant's paths from a browser; the platform's origins may call
 * any path. Any other origin gets no CORS headers, so the browser keeps the response from it.
 * Tokens travel in the Authorization header, never in cookies: no credentials mode.
 */
export function corsPolicy(policy: CorsPolicy): RequestHandler {
  const base: CorsOptions = { allowedHeaders: ALLOWED_HEADERS, exposedHeaders: EXPOSED_HEADERS, credentials: false, maxAge: 600, methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] };
  const handler = cors<Request>((req, callback) => {
    const origin = req.headers.origin;
    if (!origin) return callback(null, { ...base, origin: false });
    if (policy.platformOrigins.includes(origin)) return callback(null, { ...base, origin });
    const slug = TENANT_PATH.exec(req.path)?.[1];
    if (!slug) return callback(null, { ...base, origin: false });
    policy
      .tenantOrigins(slug)
      .then((origins) => callback(null, { ...base, origin: origins.includes(origin) ? origin : false }))
      .catch(() => callback(null, { ...base, origin: false }));
  });
  return (req, res, next) => (req.path.startsWith('/api/') ? handler(req, res, next) : next());
}
