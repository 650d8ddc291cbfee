import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives embedded defaults: port 3000, .data, two regions, each with its bucket', () => {
    const c = loadConfig({}, '/srv/app');
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.dataDir, '/srv/app/.data');
    assert.deepEqual(
      c.regions.map((r) => [r.id, r.bucket, r.databaseUrl]),
      [
        ['id-jakarta', 'satupintu-id-jakarta', undefined],
        ['id-batam', 'satupintu-id-batam', undefined],
      ],
    );
    assert.equal(c.controlDatabaseUrl, undefined);
    assert.equal(c.s3.endpoint, undefined);
    assert.equal(c.keycloak.url, undefined);
  });

  it('switches each part to an external server by its variable', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL_ID_BATAM: 'postgres://u:p@db-batam:5432/x',
      CONTROL_DATABASE_URL: 'postgresql://u:p@control/x',
      S3_ENDPOINT: 'https://s3.example',
      S3_BUCKET_ID_JAKARTA: 'mpp-jkt',
      KEYCLOAK_URL: 'https://sso.example',
      SEED: 'false',
    });
    assert.equal(c.port, 8080);
    assert.equal(c.regions[1]!.databaseUrl, 'postgres://u:p@db-batam:5432/x');
    assert.equal(c.regions[0]!.bucket, 'mpp-jkt');
    assert.equal(c.controlDatabaseUrl, 'postgresql://u:p@control/x');
    assert.equal(c.s3.endpoint, 'https://s3.example');
    assert.equal(c.keycloak.url, 'https://sso.example');
    assert.equal(c.seed, false);
  });

  it('fails fast, naming every bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', DATABASE_URL_ID_JAKARTA: 'mysql://x', LOG_LEVEL: 'loud' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message) && /DATABASE_URL_ID_JAKARTA/.test(e.message) && /LOG_LEVEL/.test(e.message),
    );
  });

  it('refuses a per-region variable for a region that is not configured', () => {
    assert.throws(() => loadConfig({ DATABASE_URL_ID_MAKASSAR: 'postgres://x/y' }), /ID_MAKASSAR.*not in REGIONS/);
    assert.throws(() => loadConfig({ REGIONS: 'id-jakarta', DEFAULT_REGION: 'id-batam' }), /DEFAULT_REGION/);
  });

  it('lists every problem in one report, the rules between variables included', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', REGIONS: 'id-jakarta,id-jakarta', DEFAULT_REGION: 'id-medan', DATABASE_URL_ID_MAKASSAR: 'postgres://x/y' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        /4 problems/.test(e.message) &&
        /PORT/.test(e.message) &&
        /REGIONS lists a region twice/.test(e.message) &&
        /DEFAULT_REGION id-medan/.test(e.message) &&
        /DATABASE_URL_ID_MAKASSAR names a region/.test(e.message),
    );
  });

  describe('secrets from *_FILE', () => {
    const files: Record<string, string> = {
      '/run/secrets/app-db': 'app-password-from-file\n',
      '/run/secrets/crlf': 'metrics-token-from-a-file-0123456789\r\n',
      '/run/secrets/control': 'postgres://owner:s3cret@control.db/x\n\n',
      '/run/secrets/empty': '\n',
      '/srv/app/relative-key': 'S3-SECRET-FROM-FILE',
    };
    const readFile = (p: string) => {
      if (p in files) return files[p]!;
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    };
    const load = (env: Record<string, string>) => loadConfig(env, '/srv/app', { readFile });

    it('reads the value from the file, trailing newlines (LF or CRLF) trimmed, a relative path from the working directory', () => {
      const c = load({
        APP_DB_PASSWORD_FILE: '/run/secrets/app-db',
        METRICS_TOKEN_FILE: '/run/secrets/crlf',
        CONTROL_DATABASE_URL_FILE: '/run/secrets/control',
        DATABASE_URL_ID_BATAM_FILE: '/run/secrets/control',
        S3_SECRET_ACCESS_KEY_FILE: 'relative-key',
      });
      assert.equal(c.appDbPassword, 'app-password-from-file');
      assert.equal(c.metricsToken, 'metrics-token-from-a-file-0123456789');
      assert.equal(c.controlDatabaseUrl, 'postgres://owner:s3cret@control.db/x');
      assert.equal(c.regions[1]!.databaseUrl, 'postgres://owner:s3cret@control.db/x');
      assert.equal(c.s3.secretAccessKey, 'S3-SECRET-FROM-FILE');
    });

    it('refuses a missing or empty file, naming the variable and the path', () => {
      assert.throws(() => load({ DATA_ENCRYPTION_KEY_FILE: '/run/secrets/nope' }), (e: unknown) => e instanceof ConfigError && /DATA_ENCRYPTION_KEY_FILE: cannot read \/run\/secrets\/nope \(ENOENT\)/.test(e.message));
      assert.throws(() => load({ APP_DB_PASSWORD_FILE: '/run/secrets/empty' }), /APP_DB_PASSWORD_FILE: \/run\/secrets\/empty is empty/);
    });

    it('refuses a secret given both ways', () => {
      assert.throws(() => load({ APP_DB_PASSWORD: 'another-password', APP_DB_PASSWORD_FILE: '/run/secrets/app-db' }), /APP_DB_PASSWORD and APP_DB_PASSWORD_FILE are both set/);
      assert.throws(() => load({ DATABASE_URL_ID_JAKARTA: 'postgres://a/b', DATABASE_URL_ID_JAKARTA_FILE: '/run/secrets/control' }), /DATABASE_URL_ID_JAKARTA and DATABASE_URL_ID_JAKARTA_FILE are both set/);
    });

    it('validates a file’s value like the variable, naming the file and never echoing the secret', () => {
      files['/run/secrets/short'] = 'tiny\n';
      assert.throws(
        () => load({ APP_DB_PASSWORD_FILE: '/run/secrets/short', S3_ACCESS_KEY_ID_FILE: '/run/secrets/nope' }),
        (e: unknown) => e instanceof ConfigError && /2 problems/.test(e.message) && /APP_DB_PASSWORD \(from APP_DB_PASSWORD_FILE \(\/run\/secrets\/short\)\)/.test(e.message) && !/tiny/.test(e.message),
      );
    });

    it('reads real files through Node by default', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'satupintu-config-'));
      try {
        writeFileSync(path.join(dir, 'pw'), 'a-password-in-a-real-file\n');
        assert.equal(loadConfig({ APP_DB_PASSWORD_FILE: 'pw' }, dir).appDbPassword, 'a-password-in-a-real-file');
        assert.throws(() => loadConfig({ APP_DB_PASSWORD_FILE: 'missing' }, dir), /APP_DB_PASSWORD_FILE: cannot read .*missing \(ENOENT\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('session URLs (past a transaction-mode pooler such as PgBouncer)', () => {
    const pooled = {
      CONTROL_DATABASE_URL: 'postgres://owner:pw@pgbouncer:6432/control',
      DATABASE_URL_ID_JAKARTA: 'postgres://owner:pw@pgbouncer:6432/jakarta',
      DATABASE_URL_ID_BATAM: 'postgres://owner:pw@pgbouncer:6432/batam',
    };

    it('are undefined unless set (the database URL then serves LISTEN and migrations too)', () => {
      const c = loadConfig(pooled);
      assert.equal(c.controlDatabaseSessionUrl, undefined);
      assert.deepEqual(c.regions.map((r) => r.sessionDatabaseUrl), [undefined, undefined]);
    });

    it('are read per database, from the variable or its _FILE', () => {
      const files: Record<string, string> = { '/run/secrets/batam-session': 'postgres://owner:pw@db-batam:5432/batam\n' };
      const c = loadConfig(
        { ...pooled, CONTROL_DATABASE_SESSION_URL: 'postgres://owner:pw@db:5432/control', DATABASE_SESSION_URL_ID_BATAM_FILE: '/run/secrets/batam-session' },
        '/srv/app',
        { readFile: (p) => files[p] ?? '' },
      );
      assert.equal(c.controlDatabaseSessionUrl, 'postgres://owner:pw@db:5432/control');
      assert.deepEqual(
        c.regions.map((r) => [r.id, r.databaseUrl, r.sessionDatabaseUrl]),
        [
          ['id-jakarta', 'postgres://owner:pw@pgbouncer:6432/jakarta', undefined],
          ['id-batam', 'postgres://owner:pw@pgbouncer:6432/batam', 'postgres://owner:pw@db-batam:5432/batam'],
        ],
      );
    });

    it('refuses a bad URL, an unknown region, a session URL without its database URL, and both a value and its _FILE', () => {
      assert.throws(
        () =>
          loadConfig({
            CONTROL_DATABASE_SESSION_URL: 'mysql://x/y',
            DATABASE_SESSION_URL_ID_MAKASSAR: 'postgres://x/y',
            DATABASE_SESSION_URL_ID_BATAM: 'postgres://x/y',
          }),
        (e: unknown) =>
          e instanceof ConfigError &&
          /3 problems/.test(e.message) &&
          /CONTROL_DATABASE_SESSION_URL: /.test(e.message) &&
          /DATABASE_SESSION_URL_ID_MAKASSAR names a region that is not in REGIONS/.test(e.message) &&
          /DATABASE_SESSION_URL_ID_BATAM is set but DATABASE_URL_ID_BATAM is not/.test(e.message) &&
          !/x\/y/.test(e.message),
      );
      assert.throws(() => loadConfig({ CONTROL_DATABASE_SESSION_URL: 'postgres://x/y' }), /CONTROL_DATABASE_SESSION_URL is set but CONTROL_DATABASE_URL is not/);
      assert.throws(
        () => loadConfig({ ...pooled, DATABASE_SESSION_URL_ID_JAKARTA: 'postgres://a/b', DATABASE_SESSION_URL_ID_JAKARTA_FILE: '/run/secrets/x' }, '/srv/app', { readFile: () => 'postgres://c/d' }),
        /DATABASE_SESSION_URL_ID_JAKARTA and DATABASE_SESSION_URL_ID_JAKARTA_FILE are both set/,
      );
    });
  });

  it('accepts TRUST_PROXY as the one alias of TRUSTED_PROXIES, not both', () => {
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8,fd00::/8' }).trustedProxies, ['10.0.0.0/8', 'fd00::/8']);
    assert.deepEqual(loadConfig({ TRUSTED_PROXIES: '10.0.0.5' }).trustedProxies, ['10.0.0.5']);
    assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.5', TRUSTED_PROXIES: '10.0.0.5' }), /TRUST_PROXY and TRUSTED_PROXIES are both set/);
    assert.throws(() => loadConfig({ TRUST_PROXY: 'proxy.internal' }), /TRUSTED_PROXIES \(from TRUST_PROXY\)/);
  });
});
