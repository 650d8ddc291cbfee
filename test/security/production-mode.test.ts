import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { KNOWN_DEFAULT_SECRETS, ProductionRefused, loadConfig, productionProblems, type SatupintuConfig } from '@satupintu/core';
import { DEFAULT_REALM_FILE, createEmbeddedIssuer, loadRealm, probeIssuer } from '@satupintu/auth';
import { startInfrastructure } from '@satupintu/stack';
import { FIRST_TENANTS, PLUGINS_DIR, SEED_INSTALLATIONS, startPlatform } from '@satupintu/server';
import { tempDataDir } from '@satupintu/testkit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRODUCTION_REALM = path.join(ROOT, 'infra/keycloak/realm-mpp.production.json');

/**
 * Issue 19, "Production mode": `SATUPINTU_ENV=production` refuses to start on any development
 * default, listing every reason. The configuration below is a complete production one (made-up
 * hosts: nothing here connects to them); each case puts one development default back and checks
 * that exactly its reason appears.
 */
const secret = () => randomBytes(24).toString('base64url');
function productionEnv(): Record<string, string> {
  return {
    SATUPINTU_ENV: 'production',
    DATA_DIR: tempDataDir('satupintu-prod-'),
    LOG_LEVEL: 'silent',
    CONTROL_DATABASE_URL: `postgres://satupintu_owner:${secret()}@db-control.internal.example:5432/satupintu_control`,
    DATABASE_URL_ID_JAKARTA: `postgres://satupintu_owner:${secret()}@db-jakarta.internal.example:5432/satupintu`,
    DATABASE_URL_ID_BATAM: `postgres://satupintu_owner:${secret()}@db-batam.internal.example:5432/satupintu`,
    APP_DB_PASSWORD: secret(),
    S3_ENDPOINT: 'https://s3.internal.example',
    S3_ACCESS_KEY_ID: `AK${randomBytes(9).toString('hex').toUpperCase()}`,
    S3_SECRET_ACCESS_KEY: secret(),
    KEYCLOAK_URL: 'https://login.mpp.example',
    PUBLIC_URL: 'https://mpp.example',
    CORS_ORIGINS: 'https://portal.mpp.example',
    METRICS_TOKEN: secret(),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TRUSTED_PROXIES: '10.0.0.5',
  };
}
const problemsWith = (change: Record<string, string | undefined>): string[] => {
  const env: Record<string, string | undefined> = { ...productionEnv(), ...change };
  return productionProblems(loadConfig(env));
};

/** Each development default, and a pattern its reason must match. */
const DEV_DEFAULTS: [string, Record<string, string | undefined>, RegExp][] = [
  ['embedded PostgreSQL (control plane)', { CONTROL_DATABASE_URL: undefined }, /^CONTROL_DATABASE_URL is not set: .*embedded PostgreSQL/],
  ['embedded PostgreSQL (a region)', { DATABASE_URL_ID_BATAM: undefined }, /^DATABASE_URL_ID_BATAM is not set: .*embedded PostgreSQL/],
  ['the embedded cluster’s old superuser password', { CONTROL_DATABASE_URL: 'postgres://postgres:postgres@db.internal.example/satupintu_control' }, /^CONTROL_DATABASE_URL uses a well-known default password/],
  ['migrating as the app role', { DATABASE_URL_ID_JAKARTA: `postgres://satupintu_app:${secret()}@db.internal.example/satupintu` }, /^DATABASE_URL_ID_JAKARTA connects as APP_DB_ROLE/],
  ['no app role password (development generates one)', { APP_DB_PASSWORD: undefined }, /^APP_DB_PASSWORD is not set/],
  ['the old development app role password', { APP_DB_PASSWORD: 'satupintu-app-dev' }, /^APP_DB_PASSWORD is a well-known default/],
  ['a short app role password', { APP_DB_PASSWORD: 'Sh0rt-pass' }, /^APP_DB_PASSWORD is shorter than 16/],
  ['embedded S3', { S3_ENDPOINT: undefined, S3_ACCESS_KEY_ID: undefined, S3_SECRET_ACCESS_KEY: undefined }, /^S3_ENDPOINT is not set: .*embedded s3rver/],
  ['S3 without TLS', { S3_ENDPOINT: 'http://s3.internal.example' }, /^S3_ENDPOINT is http:\/\/ to another host/],
  ['s3rver’s default key pair', { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }, /^S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY are a well-known default pair/],
  ['MinIO’s default key pair', { S3_ACCESS_KEY_ID: 'minioadmin', S3_SECRET_ACCESS_KEY: 'minioadmin' }, /well-known default pair/],
  ['S3 keys missing', { S3_ACCESS_KEY_ID: undefined, S3_SECRET_ACCESS_KEY: undefined }, /^S3_ACCESS_KEY_ID \/ S3_SECRET_ACCESS_KEY are not set/],
  ['embedded issuer (demo realm)', { KEYCLOAK_URL: undefined }, /^KEYCLOAK_URL is not set: the embedded issuer .*demo users/],
  ['issuer without TLS', { KEYCLOAK_URL: 'http://login.mpp.example' }, /^KEYCLOAK_URL is not https/],
  ['no public URL', { PUBLIC_URL: undefined }, /^PUBLIC_URL is not set/],
  ['public URL without TLS', { PUBLIC_URL: 'http://mpp.example' }, /^PUBLIC_URL is not https/],
  ['a CORS origin without TLS', { CORS_ORIGINS: 'http://portal.mpp.example' }, /^CORS_ORIGINS lists http:\/\/portal\.mpp\.example/],
  ['open metrics', { METRICS_TOKEN: undefined }, /^METRICS_TOKEN is not set/],
  ['no data encryption key (development generates one)', { DATA_ENCRYPTION_KEY: undefined }, /^DATA_ENCRYPTION_KEY is not set/],
  ['a data encryption key of zeros', { DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }, /^DATA_ENCRYPTION_KEY is not random/],
  ['every proxy trusted', { TRUSTED_PROXIES: '0.0.0.0/0' }, /^TRUSTED_PROXIES trusts every address/],
  ['demo data', { SEED: 'true' }, /^SEED is true/],
];

describe('security: production mode refuses every development default (issue 19)', () => {
  it('a complete production configuration passes the check', () => {
    const config = loadConfig(productionEnv());
    assert.equal(config.env, 'production');
    assert.equal(config.seed, false, 'no demo data by default in production');
    assert.deepEqual(productionProblems(config), []);
  });

  for (const [what, change, reason] of DEV_DEFAULTS)
    it(`refuses ${what}, naming it`, () => {
      const problems = problemsWith(change);
      assert.ok(problems.some((p) => reason.test(p)), `expected ${reason} among:\n${problems.join('\n')}`);
    });

  it('on every default at once, lists every reason (not just the first)', () => {
    const config = loadConfig({ SATUPINTU_ENV: 'production', DATA_DIR: tempDataDir('satupintu-prod-'), SEED: 'true', TRUSTED_PROXIES: '::/0', CORS_ORIGINS: 'http://localhost:3000' });
    const problems = productionProblems(config);
    for (const re of [/^CONTROL_DATABASE_URL/, /^DATABASE_URL_ID_JAKARTA/, /^DATABASE_URL_ID_BATAM/, /^APP_DB_PASSWORD/, /^S3_ENDPOINT/, /^S3_ACCESS_KEY_ID/, /^KEYCLOAK_URL/, /^PUBLIC_URL/, /^CORS_ORIGINS/, /^METRICS_TOKEN/, /^DATA_ENCRYPTION_KEY/, /^TRUSTED_PROXIES/, /^SEED/])
      assert.ok(problems.some((p) => re.test(p)), `${re} missing from:\n${problems.join('\n')}`);
    assert.equal(problems.length, 13, problems.join('\n'));
  });

  it('startPlatform refuses before starting anything (no embedded PostgreSQL, no port)', async () => {
    const env = { ...productionEnv(), KEYCLOAK_URL: undefined, METRICS_TOKEN: undefined, SEED: 'true' };
    const config = loadConfig(env);
    const err = await startPlatform(config).then(
      () => assert.fail('a production platform on development defaults started'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ProductionRefused, String(err));
    assert.equal(err.reasons.length, 3, err.reasons.join('\n'));
    assert.match(err.message, /menolak berjalan \/ refusing to start — 3 problems/);
    assert.ok(!existsSync(path.join(config.dataDir, 'postgres')) && !existsSync(path.join(config.dataDir, 'secrets')), 'nothing was started or generated');
  });

  it('the embedded stack itself refuses to run for a production configuration', async () => {
    const config: SatupintuConfig = loadConfig({ SATUPINTU_ENV: 'production', DATA_DIR: tempDataDir('satupintu-prod-') });
    await assert.rejects(startInfrastructure(config), /never runs the embedded PostgreSQL or S3 .*CONTROL_DATABASE_URL, DATABASE_URL_ID_JAKARTA, DATABASE_URL_ID_BATAM, S3_ENDPOINT, APP_DB_PASSWORD/);
    assert.ok(!existsSync(path.join(config.dataDir, 'postgres')));
  });

  it('`satupintu start` with SATUPINTU_ENV=production on the defaults exits non-zero listing every reason', async function () {
    this.timeout(60_000);
    const dataDir = tempDataDir('satupintu-prod-');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, SATUPINTU_ENV: 'production', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' };
    const child = spawn(process.execPath, [path.join(ROOT, 'packages/cli/bin/satupintu.js'), 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 78, out); // EX_CONFIG
    assert.match(out, /SATUPINTU_ENV=production: menolak berjalan \/ refusing to start — 10 problems/, out);
    for (const v of ['CONTROL_DATABASE_URL', 'DATABASE_URL_ID_JAKARTA', 'DATABASE_URL_ID_BATAM', 'APP_DB_PASSWORD', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'KEYCLOAK_URL', 'PUBLIC_URL', 'METRICS_TOKEN', 'DATA_ENCRYPTION_KEY'])
      assert.match(out, new RegExp(`\\d\\. ${v}`), `${v} not listed:\n${out}`);
    assert.doesNotMatch(out, /siap \/ ready/);
    assert.ok(!existsSync(path.join(dataDir, 'postgres')), 'no embedded PostgreSQL was made');
  });

  describe('the issuer probe (checked against a running issuer without admin rights)', () => {
    let server: Server;
    let app: express.Express;
    beforeEach(async () => {
      app = express();
      server = await new Promise<Server>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
    });
    afterEach(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });
    const mount = (realmFile: string | URL, allowPasswordGrant: boolean) => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const issuer = createEmbeddedIssuer({ publicUrl: url, realm: loadRealm(realmFile), secretsDir: path.join(tempDataDir(), 'issuer'), apiAudience: 'satupintu-api', allowPasswordGrant });
      app.use('/realms/mpp', issuer.router);
      return { keycloak: { url, realm: 'mpp', clientId: 'satupintu-api', jwksMinIntervalSeconds: 10 } };
    };

    it('finds the demo realm: its password grant and its machine client with the published secret', async () => {
      const problems = await probeIssuer(mount(DEFAULT_REALM_FILE, true));
      assert.equal(problems.length, 2, problems.join('\n'));
      assert.match(problems[0]!, /password grant/);
      assert.match(problems[1]!, /demo machine client satupintu-integration-demo/);
    });

    it('a production start against the demo realm is refused with the probe’s reasons among the others', async () => {
      const { keycloak } = mount(DEFAULT_REALM_FILE, true);
      const config = loadConfig({ ...productionEnv(), KEYCLOAK_URL: keycloak.url });
      const err = await startPlatform(config).then(
        () => assert.fail('started'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof ProductionRefused, String(err));
      assert.equal(err.reasons.length, 3, err.reasons.join('\n'));
      assert.match(err.reasons[0]!, /^KEYCLOAK_URL is not https/);
      assert.match(err.reasons[1]!, /satupintu-cli use the password grant/);
      assert.match(err.reasons[2]!, /demo machine client/);
    });

    it('passes the production realm template', async () => {
      assert.deepEqual(await probeIssuer(mount(PRODUCTION_REALM, false)), []);
    });

    it('reports an issuer that does not answer', async () => {
      const problems = await probeIssuer({ keycloak: { url: 'http://127.0.0.1:9', realm: 'mpp', clientId: 'satupintu-api', jwksMinIntervalSeconds: 10 } }, { timeoutMs: 2_000 });
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /did not answer/);
    });
  });

  describe('realm exports', () => {
    const realm = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown> & { users?: unknown[]; clients: Record<string, unknown>[] };

    it('the production template: no users, brute-force detection, password policy, short tokens with refresh rotation, no direct-access or implicit grants, exact redirect URIs', () => {
      const r = realm('infra/keycloak/realm-mpp.production.json');
      assert.deepEqual(r.users ?? [], []);
      assert.equal(r.bruteForceProtected, true);
      assert.ok(typeof r.failureFactor === 'number' && r.failureFactor <= 30);
      assert.match(String(r.passwordPolicy), /length\((1[2-9]|[2-9]\d)\)/);
      assert.match(String(r.passwordPolicy), /notUsername/);
      assert.ok(typeof r.accessTokenLifespan === 'number' && r.accessTokenLifespan <= 300);
      assert.equal(r.revokeRefreshToken, true);
      assert.equal(r.refreshTokenMaxReuse, 0);
      assert.equal(r.sslRequired, 'all');
      for (const c of r.clients) {
        assert.notEqual(c.directAccessGrantsEnabled, true, `${c.clientId}: direct access grants`);
        assert.notEqual(c.implicitFlowEnabled, true, `${c.clientId}: implicit flow`);
        assert.equal(c.secret, undefined, `${c.clientId}: a secret in the template`);
        for (const u of (c.redirectUris as string[] | undefined) ?? []) {
          assert.doesNotMatch(u, /\*/, `${c.clientId}: wildcard redirect URI ${u}`);
          assert.match(u, /^\$\{SATUPINTU_PUBLIC_URL\}\//, `${c.clientId}: ${u}`);
        }
      }
      assert.deepEqual(r.clients.map((c) => c.clientId).sort(), ['satupintu-api', 'satupintu-web']);
    });

    it('the demo realm covers every demo tenant: an officer per installed plugin agency, a tenant admin each, a publisher per plugin agency (BPN included); brute-force detection', () => {
      const r = realm('infra/keycloak/realm-mpp.json');
      assert.equal(r.bruteForceProtected, true);
      const users = r.users as { username: string; groups?: string[]; realmRoles?: string[]; serviceAccountClientId?: string }[];
      const people = users.filter((u) => !u.serviceAccountClientId);
      const inGroup = (g: string) => people.filter((u) => u.groups?.includes(g)).map((u) => u.username);
      const missing: string[] = [];
      assert.deepEqual(Object.keys(SEED_INSTALLATIONS).sort(), FIRST_TENANTS.map((t) => t.slug).sort());
      for (const { slug } of FIRST_TENANTS) {
        if (inGroup(`/tenants/${slug}/tenant-admin`).length === 0) missing.push(`tenant admin of ${slug}`);
        for (const agency of SEED_INSTALLATIONS[slug]!.plugins) if (inGroup(`/tenants/${slug}/agencies/${agency}/officer`).length === 0) missing.push(`${agency} officer in ${slug}`);
      }
      const agencies = readdirSync(PLUGINS_DIR).filter((d) => existsSync(path.join(PLUGINS_DIR, d, 'plugin.json')));
      assert.ok(agencies.includes('bpn') && agencies.length >= 10, agencies.join(','));
      for (const agency of agencies) if (inGroup(`/agencies/${agency}/agency-publisher`).length === 0) missing.push(`publisher of ${agency}`);
      assert.deepEqual(missing, []);
      assert.ok(inGroup('/agencies/bpn/agency-publisher').includes('publisher.bpn'));
      // The ministry analyst holds no citizen role: no default roles (a composite of citizen).
      const analyst = people.find((u) => u.username === 'analis.kemenpanrb')!;
      assert.deepEqual([analyst.groups, analyst.realmRoles ?? []], [['/national/ministry-analyst'], []]);
      // The embedded issuer loads it (every group named by a user exists) and expands roles as Keycloak does.
      const loaded = loadRealm(path.join(ROOT, 'infra/keycloak/realm-mpp.json'));
      assert.equal(loaded.bruteForce.enabled, true);
      assert.equal(loaded.bruteForce.failureFactor, 30);
      assert.deepEqual(loaded.findUser('analis.kemenpanrb')!.roles, ['ministry-analyst']);
      assert.ok(loaded.findUser('petugas.bpn.bogor')!.roles.includes('officer'));
    });

    it('every demo user is a demo user only: the shared password production refuses, a demo address, and none of them in the production template', () => {
      const demo = realm('infra/keycloak/realm-mpp.json').users as { username: string; email?: string; credentials?: { value?: string }[]; serviceAccountClientId?: string }[];
      const production = readFileSync(PRODUCTION_REALM, 'utf8');
      const people = demo.filter((u) => !u.serviceAccountClientId);
      assert.ok(people.length >= 50, String(people.length));
      for (const u of people) {
        assert.deepEqual(u.credentials?.map((c) => c.value), ['mpp-demo'], u.username);
        assert.ok(KNOWN_DEFAULT_SECRETS.includes(u.credentials![0]!.value!), 'the demo password is on the list production refuses');
        assert.match(u.email ?? '', /@demo\.satupintu\.local$/, u.username);
        assert.ok(!production.includes(u.username), `${u.username} in the production template`);
      }
      // Development only: without KEYCLOAK_URL the embedded issuer (which serves this realm) is refused in production.
      assert.ok(problemsWith({ KEYCLOAK_URL: undefined }).some((p) => /^KEYCLOAK_URL is not set: the embedded issuer \(demo realm with demo users/.test(p)));
    });
  });
});
