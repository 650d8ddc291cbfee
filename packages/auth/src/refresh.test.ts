import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { api, claimsOf, sharedPlatform } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { refreshTokenTtl } from './issuer.js';

/** A tiny cookie jar for walking a browser login with fetch. */
class Browser {
  private cookies = new Map<string, string>();
  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
}

const form = 'application/x-www-form-urlencoded';
const REDIRECT = 'http://127.0.0.1:3000/auth/callback';

interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  refresh_expires_in?: number;
  error?: string;
}

describe('refresh tokens of the browser app (embedded issuer, or Keycloak when KEYCLOAK_URL is set)', () => {
  let p: Platform;
  let realmUrl: string;
  before(() => {
    p = sharedPlatform();
    realmUrl = `${p.authServerUrl}/realms/mpp`;
  });

  /** Signs warga.kbb in as the web app does (code + PKCE, scope without offline_access); the browser keeps the SSO cookie. */
  async function signIn(): Promise<{ b: Browser; tokens: Tokens }> {
    const b = new Browser();
    const verifier = randomBytes(32).toString('base64url');
    const auth = new URL(`${realmUrl}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({
      client_id: 'satupintu-web',
      response_type: 'code',
      scope: 'openid profile email',
      redirect_uri: REDIRECT,
      state: 'st',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    let res = await b.go(auth.toString());
    if (res.status === 303 || res.status === 302) res = await b.go(new URL(res.headers.get('location')!, realmUrl).toString());
    const action = /<form[^>]*\saction="([^"]+)"/i.exec(await res.text())![1]!.replace(/&amp;/g, '&');
    res = await b.go(new URL(action, realmUrl).toString(), { method: 'POST', headers: { 'content-type': form }, body: 'username=warga.kbb&password=mpp-demo' });
    let location = res.headers.get('location')!;
    for (let hops = 0; hops < 6 && !location.startsWith(REDIRECT); hops++) {
      res = await b.go(new URL(location, realmUrl).toString());
      location = res.headers.get('location')!;
    }
    const code = new URL(location).searchParams.get('code')!;
    const tokens = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'satupintu-web', code_verifier: verifier });
    return { b, tokens };
  }

  async function token(params: Record<string, string>): Promise<Tokens> {
    const res = await fetch(`${realmUrl}/protocol/openid-connect/token`, { method: 'POST', headers: { 'content-type': form }, body: new URLSearchParams(params) });
    return (await res.json()) as Tokens;
  }

  const refresh = (rt: string) => token({ grant_type: 'refresh_token', refresh_token: rt, client_id: 'satupintu-web' });

  it('signing in gives a refresh token without offline_access, valid until the SSO session’s idle timeout, and says so (refresh_expires_in)', async () => {
    const { tokens } = await signIn();
    assert.ok(tokens.refresh_token, JSON.stringify(tokens));
    assert.ok(typeof tokens.refresh_expires_in === 'number' && tokens.refresh_expires_in > 60 && tokens.refresh_expires_in <= 1800, String(tokens.refresh_expires_in));
    assert.ok(!String(claimsOf(tokens.access_token).scope ?? '').includes('offline_access'));
  });

  it('a refresh gives a new access token the API accepts and a new refresh token; the used one is refused', async () => {
    const { tokens } = await signIn();
    const next = await refresh(tokens.refresh_token!);
    assert.ok(next.access_token && next.refresh_token, JSON.stringify(next));
    assert.notEqual(next.refresh_token, tokens.refresh_token, 'rotated');
    assert.ok(typeof next.refresh_expires_in === 'number' && next.refresh_expires_in > 60);
    const me = await api(p, 'GET', '/api/v1/me', { token: next.access_token });
    assert.equal(me.status, 200);
    assert.equal(me.body.username, 'warga.kbb');
    const replay = await refresh(tokens.refresh_token!);
    assert.equal(replay.error, 'invalid_grant');
    assert.equal(replay.access_token, undefined);
  });

  it('signing out ends the refresh token with the SSO session', async () => {
    const { b, tokens } = await signIn();
    const logout = new URL(`${realmUrl}/protocol/openid-connect/logout`);
    logout.search = new URLSearchParams({ id_token_hint: tokens.id_token, client_id: 'satupintu-web', post_logout_redirect_uri: 'http://127.0.0.1:3000/' }).toString();
    let res = await b.go(logout.toString());
    // oidc-provider (and Keycloak without a hint) asks to confirm in a form: post it as the person would.
    if (res.status === 200) {
      const html = await res.text();
      const action = /<form[^>]*\saction="([^"]+)"/i.exec(html)?.[1]?.replace(/&amp;/g, '&');
      assert.ok(action, 'a logout confirmation form');
      const fields = new URLSearchParams();
      for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
        const name = /name="([^"]+)"/.exec(m[0])?.[1];
        if (name) fields.set(name, /value="([^"]*)"/.exec(m[0])?.[1] ?? '');
      }
      fields.set('logout', 'yes');
      res = await b.go(new URL(action, realmUrl).toString(), { method: 'POST', headers: { 'content-type': form }, body: fields });
    }
    assert.ok(res.status === 302 || res.status === 303, `logout answered ${res.status}`);
    const after = await refresh(tokens.refresh_token!);
    assert.equal(after.error, 'invalid_grant', JSON.stringify(after));
  });

  it('a refresh token lives to the idle timeout, never past the session’s maximum lifespan (unit)', () => {
    const realm = { ssoSessionIdleTimeout: 1800, ssoSessionMaxLifespan: 36_000 };
    const now = 1_000_000;
    assert.equal(refreshTokenTtl(realm, now - 60, now), 1800);
    assert.equal(refreshTokenTtl(realm, now - 35_000, now), 1000);
    assert.equal(refreshTokenTtl(realm, now - 40_000, now), 1);
    assert.equal(refreshTokenTtl(realm, undefined, now), 1800);
  });
});
