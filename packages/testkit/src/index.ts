import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listRegencies, loadConfig, type SatupintuConfig } from '@satupintu/core';
import { startPlatform, type Platform, type PlatformOptions } from '@satupintu/server';
import type { Sql } from '@satupintu/db';
import { importJWK, SignJWT, type JWK } from 'jose';

import { ContractRecorder, type ContractReport } from './contract.js';

export { ContractRecorder, type ContractReport } from './contract.js';

let shared: { platform: Platform; dataDir: string; contract: ContractRecorder | undefined } | undefined;

/**
 * The configuration of a test platform: the caller's environment (so the conformance tier can
 * point DATABASE_URL_* / S3_ENDPOINT / KEYCLOAK_URL at real servers), a fresh DATA_DIR for
 * whatever runs embedded, a free port, quiet logs.
 */
export function testConfig(dataDir: string, env: NodeJS.ProcessEnv = {}): SatupintuConfig {
  return loadConfig({
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED: 'true',
    // Tests rotate keys and want the new one fetched at once; production keeps keycloak-connect's 10 s.
    KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS: process.env.KEYCLOAK_JWKS_MIN_INTERVAL_SECONDS ?? '1',
    // Suites fire many requests per tenant; the rate-limit suite sets its own small budgets.
    RATE_LIMIT_TENANT_MAX: process.env.RATE_LIMIT_TENANT_MAX ?? '1000000',
    RATE_LIMIT_CLIENT_MAX: process.env.RATE_LIMIT_CLIENT_MAX ?? '1000000',
    ...env,
  });
}

export function tempDataDir(prefix = 'satupintu-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Starts one platform for the whole test run (mocha root hook), on the embedded stack by default. */
export async function startSharedPlatform(opts: PlatformOptions = {}): Promise<Platform> {
  if (shared) return shared.platform;
  const dataDir = tempDataDir();
  // Every response the suites provoke is checked against the OpenAPI document (contract.ts).
  let contract: ContractRecorder | undefined;
  const platform = await startPlatform(testConfig(dataDir), {
    ...opts,
    inspect: (doc) => (contract = new ContractRecorder(doc as never)).middleware(),
  });
  shared = { platform, dataDir, contract };
  return platform;
}

/** What the shared platform's contract recorder saw so far (undefined before it starts). */
export function sharedContractReport(): ContractReport | undefined {
  return shared?.contract?.report();
}

export function sharedPlatform(): Platform {
  if (!shared) throw new Error('the shared test platform is not started (mocha root hooks in test/hooks.ts)');
  return shared.platform;
}

export async function stopSharedPlatform(): Promise<void> {
  if (!shared) return;
  const { platform, dataDir } = shared;
  shared = undefined;
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Regency codes that are not yet tenants of the given platform, for tests that create tenants. */
export async function unusedRegencyCodes(platform: Platform, count: number): Promise<string[]> {
  const taken = new Set((await platform.services.tenants.list()).map((t) => t.code));
  const free = listRegencies().filter((r) => !taken.has(r.code));
  // Spread the picks so concurrent suites rarely collide.
  const start = Math.floor(Math.random() * free.length);
  return Array.from({ length: count }, (_, i) => free[(start + i * 7) % free.length]!.code);
}

/** fetch against the platform, JSON in and out. */
export async function api(
  platform: Platform,
  method: string,
  pathname: string,
  opts: { body?: unknown; rawBody?: string; headers?: Record<string, string>; token?: string } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(platform.url + pathname, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  const type = res.headers.get('content-type') ?? '';
  if (text && /json/.test(type)) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed };
}

/**
 * An access token for a realm user through the token endpoint (password grant of the dev client
 * `satupintu-cli`): the same call works against the embedded issuer and a real Keycloak.
 */
export async function tokenFor(platform: Platform, username: string, password = DEMO_PASSWORD, clientId = 'satupintu-cli'): Promise<string> {
  const res = await fetch(`${platform.authServerUrl}/realms/mpp/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
  });
  const body = (await res.json()) as { access_token?: string; error?: string };
  if (!res.ok || !body.access_token) throw new Error(`no token for ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export const DEMO_PASSWORD = 'mpp-demo';

/** Decodes a JWT's payload (no verification): for assertions on claims. */
export function claimsOf(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

/**
 * The same person's token re-signed with other claims (e.g. other `memberships`), by the embedded
 * issuer's key — as a changed Keycloak account would be. Only where the platform runs the embedded
 * issuer (`platform.issuer`); the Keycloak conformance tier has no such key.
 */
export async function reissuedToken(platform: Platform, token: string, claims: Record<string, unknown>): Promise<string> {
  const secrets = JSON.parse(readFileSync(path.join(platform.config.dataDir, 'issuer', 'issuer-secrets.json'), 'utf8')) as { keys: (JWK & { kid: string })[] };
  const jwk = secrets.keys[0]!;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claimsOf(token), iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
    .sign(await importJWK(jwk, 'RS256'));
}

/**
 * Admin REST access to a real Keycloak (conformance tier), from KEYCLOAK_ADMIN_USER/PASSWORD:
 * used to rotate keys and change token lifetimes as an operator would.
 */
export async function keycloakAdmin(platform: Platform): Promise<((method: string, path: string, body?: unknown) => Promise<any>) | undefined> {
  const user = process.env.KEYCLOAK_ADMIN_USER;
  const password = process.env.KEYCLOAK_ADMIN_PASSWORD;
  if (platform.issuer || !user || !password) return undefined;
  const tokenRes = await fetch(`${platform.authServerUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: user, password }),
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  return async (method, path, body) => {
    const res = await fetch(`${platform.authServerUrl}/admin/realms/mpp${path}`, {
      method,
      headers: { authorization: `Bearer ${access_token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`keycloak admin ${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };
}

/** Password-grant token response of any realm and client (for tokens the API must refuse). */
export async function tokenResponse(platform: Platform, realm: string, clientId: string, username: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${platform.authServerUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password, scope: 'openid' }),
  });
  const body = (await res.json()) as Record<string, string>;
  if (!res.ok) throw new Error(`token refused: ${JSON.stringify(body)}`);
  return body;
}

/**
 * Runs `fn` under one tenant's row-level security in its home region, as the app role: for tests
 * that look at (or arrange) rows directly.
 */
export async function asTenant<T>(platform: Platform, tenant: string | { id: string; homeRegion: string }, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const t = typeof tenant === 'string' ? await platform.services.tenants.get(tenant) : tenant;
  return platform.kernel.uow.write({ tenant: t, now: platform.clock.now() }, (tx) => fn(tx.sql));
}
// Part "fees" (issue 23): the test CA (a BSrE stand-in) and a PAdES check.
export { testSigningKey, verifyPadesWithForge, type TestSigningKey, type PadesCheck } from './signing.js';
