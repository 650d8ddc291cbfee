import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { DEFAULT_REALM_FILE, KEYCLOAK_BRUTE_FORCE_DEFAULTS, LoginThrottle, createEmbeddedIssuer, loadRealm, redirectMatcher, type EmbeddedIssuer } from '@satupintu/auth';
import { tempDataDir } from '@satupintu/testkit';

/**
 * Issue 19: the embedded issuer ignored brute-force detection (31 wrong passwords, then the right
 * one still got a token) and accepted a redirect URI on any loopback port. Each issuer here runs on
 * its own loopback port with the demo realm (bruteForceProtected, failureFactor 30, as in
 * infra/keycloak/realm-mpp.json), so locking demo users does not disturb the shared platform.
 */
describe('security: the embedded issuer (issue 19)', () => {
  let server: Server;
  let issuer: EmbeddedIssuer;
  let url: string;

  const start = async (allowPasswordGrant = true) => {
    const app = express();
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    issuer = createEmbeddedIssuer({ publicUrl: url, realm: loadRealm(DEFAULT_REALM_FILE), secretsDir: path.join(tempDataDir(), 'issuer'), apiAudience: 'satupintu-api', allowPasswordGrant });
    app.use('/realms/mpp', issuer.router);
  };
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  const passwordGrant = async (username: string, password: string, clientId = 'satupintu-cli') => {
    const res = await fetch(`${issuer.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password }),
    });
    const body = (await res.json()) as { access_token?: string; error?: string };
    return { status: res.status, error: body.error, token: body.access_token };
  };

  /** A browser's sign-in through the login form: cookies kept, redirects followed by hand. */
  const formLogin = async (username: string, passwords: string[], redirectUri = `${url}/auth/callback`) => {
    const cookies = new Map<string, string>();
    const go = async (target: string, init: RequestInit = {}) => {
      const res = await fetch(new URL(target, url), { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      return res;
    };
    const auth = new URL(`${issuer.issuer}/protocol/openid-connect/auth`);
    auth.search = new URLSearchParams({ client_id: 'satupintu-web', response_type: 'code', scope: 'openid', redirect_uri: redirectUri, state: 's', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }).toString();
    let res = await go(auth.toString());
    res = await go(res.headers.get('location')!);
    let html = await res.text();
    const statuses: number[] = [];
    for (const password of passwords) {
      const action = /<form[^>]*\saction="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
      res = await go(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password }).toString() });
      statuses.push(res.status);
      if (res.status !== 401) break;
      html = await res.text();
    }
    // Signed in: the interaction ends in a redirect on the way back to the client with a code.
    return { statuses, signedIn: statuses.at(-1) === 303 || statuses.at(-1) === 302 };
  };

  it('password grant: 31 wrong passwords, then the right one is refused during the lockout', async function () {
    this.timeout(60_000);
    await start();
    assert.equal((await passwordGrant('warga.kbb', 'mpp-demo')).status, 200, 'positive control: the right password works before');
    for (let i = 0; i < 31; i++) assert.equal((await passwordGrant('warga.kbb', `wrong-${i}`)).status, 400);
    const after = await passwordGrant('warga.kbb', 'mpp-demo');
    assert.equal(after.token, undefined, 'a token was issued to a locked-out account');
    // The same answer as a wrong password: no hint that the account exists or is locked.
    assert.deepEqual([after.status, after.error], [400, 'invalid_grant']);
    // Other accounts are not locked with it.
    assert.equal((await passwordGrant('warga.kapuas', 'mpp-demo')).status, 200);
    // The login form refuses the locked account as well, the right password too.
    const form = await formLogin('warga.kbb', ['mpp-demo']);
    assert.deepEqual(form.statuses, [401]);
  });

  it('login form: 31 wrong passwords, then the right one is refused; the password grant too', async function () {
    this.timeout(60_000);
    await start();
    const wrong = Array.from({ length: 31 }, (_, i) => `salah-${i}`);
    const form = await formLogin('admin.kbb', [...wrong, 'mpp-demo']);
    assert.equal(form.statuses.length, 32);
    assert.ok(form.statuses.every((s) => s === 401), `statuses ${form.statuses.join(',')}`);
    assert.equal(form.signedIn, false);
    assert.equal((await passwordGrant('admin.kbb', 'mpp-demo')).status, 400);
    // Positive control: another account signs in through the same form.
    assert.equal((await formLogin('admin.kapuas', ['mpp-demo'])).signedIn, true);
  });

  it('locks by the realm’s numbers (failureFactor, waitIncrementSeconds, quick-login check), lifts the lockout after the wait, and a success clears the count', () => {
    let now = 1_000_000;
    const slow = new LoginThrottle({ enabled: true, ...KEYCLOAK_BRUTE_FORCE_DEFAULTS }, () => now);
    // One failure every 2 s (slower than the quick-login check): 29 do not lock, the 30th does for 60 s.
    for (let i = 0; i < 29; i++) {
      slow.failure('u');
      now += 2_000;
    }
    assert.equal(slow.locked('u'), false);
    slow.failure('u');
    assert.equal(slow.locked('u'), true);
    assert.equal(slow.waitSeconds('u'), 60);
    // Attempts while locked are refused and not counted.
    slow.failure('u');
    now += 59_000;
    assert.equal(slow.locked('u'), true);
    now += 1_001;
    assert.equal(slow.locked('u'), false);
    // 60 failures wait 120 s.
    for (let i = 0; i < 30; i++) {
      now += 121_000;
      slow.failure('u');
    }
    assert.equal(slow.waitSeconds('u'), 120);
    now += 121_000;
    slow.success('u');
    slow.failure('u');
    assert.equal(slow.locked('u'), false, 'a success starts the count again');
    // Two failures within a second: a script; the account waits the minimum quick-login wait.
    const quick = new LoginThrottle({ enabled: true, ...KEYCLOAK_BRUTE_FORCE_DEFAULTS }, () => now);
    quick.failure('v');
    now += 100;
    quick.failure('v');
    assert.equal(quick.waitSeconds('v'), 60);
    // Detection off (bruteForceProtected false): never locked.
    const off = new LoginThrottle({ enabled: false, ...KEYCLOAK_BRUTE_FORCE_DEFAULTS }, () => now);
    for (let i = 0; i < 100; i++) off.failure('w');
    assert.equal(off.locked('w'), false);
  });

  it('refuses a redirect URI on another loopback port (exact redirect URIs)', async () => {
    await start();
    const status = async (redirect: string) => {
      const auth = new URL(`${issuer.issuer}/protocol/openid-connect/auth`);
      auth.search = new URLSearchParams({ client_id: 'satupintu-web', response_type: 'code', scope: 'openid', redirect_uri: redirect, code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }).toString();
      return (await fetch(auth, { redirect: 'manual' })).status;
    };
    const port = Number(new URL(url).port);
    for (const bad of [
      `http://127.0.0.1:${port + 1}/auth/callback`,
      'http://127.0.0.1:3001/auth/callback',
      'http://localhost:5173/auth/callback',
      'http://[::1]:3000/auth/callback',
      'http://127.0.0.1:41234/auth/callback',
      'http://127.0.0.1:3000.evil.example/cb',
      'http://localhost@evil.example/cb',
      'http://127.0.0.1:3000@evil.example/cb',
    ])
      assert.equal(await status(bad), 400, bad);
    // Positive control: the realm's own patterns and this server's origin are accepted.
    for (const ok of [`${url}/auth/callback`, 'http://127.0.0.1:3000/auth/callback', 'http://localhost:3000/auth/callback']) assert.equal(await status(ok), 303, ok);
  });

  it('matches redirect URIs as Keycloak does: exact, or a prefix for a pattern ending in *', () => {
    const m = redirectMatcher(['https://mpp.example/auth/callback', 'http://127.0.0.1:3000/*']);
    assert.equal(m('https://mpp.example/auth/callback'), true);
    for (const bad of ['https://mpp.example/auth/callback/x', 'https://mpp.example/auth/callback?next=x', 'https://mpp.example:8443/auth/callback', 'http://mpp.example/auth/callback', 'https://mpp.example/auth/callback#x'])
      assert.equal(m(bad), false, bad);
    assert.equal(m('http://127.0.0.1:3000/any/path'), true);
    for (const bad of ['http://127.0.0.1:30001/', 'http://127.0.0.1:3000/../x', 'http://127.0.0.1:3000/a/%2e%2e/x', 'http://u:p@127.0.0.1:3000/']) assert.equal(m(bad), false, bad);
  });

  it('with allowPasswordGrant false (production), has no password grant at all', async () => {
    await start(false);
    const d = (await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json()) as { grant_types_supported: string[] };
    assert.ok(!d.grant_types_supported.includes('password'), d.grant_types_supported.join());
    for (const clientId of ['satupintu-cli', 'satupintu-web']) {
      const r = await passwordGrant('admin.platform', 'mpp-demo', clientId);
      assert.equal(r.token, undefined, clientId);
      assert.ok(r.status === 400 || r.status === 401, `${clientId}: ${r.status}`);
      assert.match(String(r.error), /^(unsupported_grant_type|invalid_client|unauthorized_client)$/);
    }
  });
});
