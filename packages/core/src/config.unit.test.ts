import assert from 'node:assert/strict';
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
});
