import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgresVersionMismatch, embeddedPostgresMajor, startEmbeddedPostgres } from './postgres.js';

describe('embedded PostgreSQL and an older DATA_DIR', () => {
  it('knows the major version of its binaries', () => {
    const major = embeddedPostgresMajor();
    assert.ok(major !== undefined && major >= 18, `binaries are PostgreSQL ${major}`);
  });

  it('stops before starting on a cluster made by another major version, says what to do in both languages, and changes nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'satupintu-pgversion-'));
    try {
      const cluster = path.join(dataDir, 'postgres');
      mkdirSync(cluster);
      writeFileSync(path.join(cluster, 'PG_VERSION'), '17\n');
      await assert.rejects(startEmbeddedPostgres({ dataDir, databases: ['satupintu_control'] }), (e: unknown) => {
        assert.ok(e instanceof EmbeddedPostgresVersionMismatch);
        assert.equal(e.clusterMajor, 17);
        assert.equal(e.binariesMajor, embeddedPostgresMajor());
        assert.match(e.message, /dibuat oleh PostgreSQL 17/);
        assert.match(e.message, /was made by PostgreSQL 17/);
        assert.match(e.message, new RegExp(`mv ${cluster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .*\\.pg17`));
        return true;
      });
      assert.deepEqual(readdirSync(cluster), ['PG_VERSION']);
      assert.equal(readFileSync(path.join(cluster, 'PG_VERSION'), 'utf8'), '17\n');
      assert.deepEqual(readdirSync(dataDir), ['postgres'], 'no secrets or other files were made');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
