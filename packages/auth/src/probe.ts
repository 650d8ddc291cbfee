import { randomBytes } from 'node:crypto';
import type { SatupintuConfig } from '@satupintu/core';

/** The demo realm's machine client and its published secret (infra/keycloak/realm-mpp.json). */
const DEMO_MACHINE_CLIENT = { id: 'satupintu-integration-demo', secret: 'dev-only-integration-demo-secret-NOT-FOR-PRODUCTION' };
/** The demo realm's direct-access client (the password grant of `satupintu token` and the test suites). */
const DEMO_CLI_CLIENT = 'satupintu-cli';

/**
 * What a production start can check against the configured Keycloak without admin rights
 * (docs/configuration.md#production), one line per problem; empty when none (or when no
 * KEYCLOAK_URL is set: `productionProblems` reports that). It sends at most three requests, none
 * with a real person's credentials, so it counts against no account's brute-force detection:
 *
 * 1. discovery answers, and names the issuer it is asked about;
 * 2. the password grant with the demo CLI client and a made-up user: Keycloak answers
 *    `invalid_grant` ("Invalid user credentials") only when that client may use the grant
 *    (`directAccessGrantsEnabled`); `unauthorized_client`, `invalid_client` or
 *    `unsupported_grant_type` mean it may not;
 * 3. client credentials with the demo machine client's published secret: a token means the demo
 *    realm (or its client) was imported.
 *
 * What only the realm's settings show (brute-force detection, password policy, token lifespans,
 * demo users under other clients) is checked by importing infra/keycloak/realm-mpp.production.json
 * (docs/auth.md#production-realm), not here.
 */
export async function probeIssuer(config: Pick<SatupintuConfig, 'keycloak'>, opts: { timeoutMs?: number } = {}): Promise<string[]> {
  const base = config.keycloak.url;
  if (!base) return [];
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const issuer = `${base}/realms/${config.keycloak.realm}`;
  const call = async (url: string, body?: URLSearchParams) => {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      ...(body ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: res.status, json };
  };
  let tokenEndpoint: string;
  try {
    const d = await call(`${issuer}/.well-known/openid-configuration`);
    if (d.status !== 200 || typeof d.json.token_endpoint !== 'string')
      return [`KEYCLOAK_URL: ${issuer}/.well-known/openid-configuration answered ${d.status}, not the realm's discovery document (is KEYCLOAK_REALM right?)`];
    if (d.json.issuer !== issuer) return [`KEYCLOAK_URL: the realm's discovery names issuer ${String(d.json.issuer)}, not ${issuer}: tokens would be refused`];
    tokenEndpoint = d.json.token_endpoint;
  } catch (e) {
    return [`KEYCLOAK_URL: the realm's discovery at ${issuer} did not answer (${(e as Error).message}); the issuer could not be checked`];
  }
  const out: string[] = [];
  try {
    const pw = await call(
      tokenEndpoint,
      new URLSearchParams({ grant_type: 'password', client_id: DEMO_CLI_CLIENT, username: `satupintu-probe-${randomBytes(6).toString('hex')}`, password: randomBytes(18).toString('base64url') }),
    );
    if (pw.status === 200 || pw.json.error === 'invalid_grant')
      out.push(`the realm lets client ${DEMO_CLI_CLIENT} use the password grant (direct access grants): turn it off, or import infra/keycloak/realm-mpp.production.json`);
  } catch (e) {
    out.push(`KEYCLOAK_URL: the token endpoint did not answer the password-grant check (${(e as Error).message})`);
  }
  try {
    const cc = await call(tokenEndpoint, new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO_MACHINE_CLIENT.id, client_secret: DEMO_MACHINE_CLIENT.secret }));
    if (cc.status === 200 && cc.json.access_token)
      out.push(`the realm has the demo machine client ${DEMO_MACHINE_CLIENT.id} with its published secret: this is the demo realm (infra/keycloak/realm-mpp.json), not a production one`);
  } catch (e) {
    out.push(`KEYCLOAK_URL: the token endpoint did not answer the demo-client check (${(e as Error).message})`);
  }
  return out;
}
