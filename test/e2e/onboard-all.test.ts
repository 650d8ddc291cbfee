import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_HOME_REGION_PROVINCES, listRegencies } from '@satupintu/core';
import { tempDataDir } from '@satupintu/testkit';

const CLI = path.resolve('packages/cli/bin/satupintu.js');

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`timed out:\n${stderr}`));
    }, 240_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('satupintu tenant onboard-all (514 regencies)', function () {
  this.timeout(600_000);
  let dataDir: string;
  before(() => {
    dataDir = tempDataDir('satupintu-onboard-');
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('onboards every regency of the Kemendagri list in its home region with a progress bar; a rerun creates nothing', async () => {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const first = await cli(['tenant', 'onboard-all', '--json'], env);
    assert.equal(first.status, 0, first.stderr);
    const summary = JSON.parse(first.stdout.slice(first.stdout.indexOf('{')));
    const regencies = listRegencies();
    assert.equal(regencies.length, 514);
    assert.deepEqual([summary.total, summary.created, summary.skipped, summary.failed.length], [514, 514, 0, 0]);
    const batamProvinces = new Set(DEFAULT_HOME_REGION_PROVINCES.split('=')[1]!.split(','));
    const inBatam = regencies.filter((r) => batamProvinces.has(r.code.slice(0, 2))).length;
    assert.deepEqual(summary.byRegion, { 'id-batam': inBatam, 'id-jakarta': 514 - inBatam });
    assert.match(first.stderr, /Onboarding .*\d+%.*\/514/, 'a progress bar on stderr');
    console.log(`      514 tenants onboarded in ${(summary.ms / 1000).toFixed(1)} s (id-batam ${inBatam}, id-jakarta ${514 - inBatam})`);

    const again = await cli(['tenant', 'onboard-all', '--json', '--no-progress'], env);
    assert.equal(again.status, 0, again.stderr);
    const rerun = JSON.parse(again.stdout.slice(again.stdout.indexOf('{')));
    assert.deepEqual([rerun.created, rerun.skipped], [0, 514]);

    const list = await cli(['tenant', 'list', '--json'], env);
    const tenants = JSON.parse(list.stdout.slice(list.stdout.indexOf('[')));
    assert.equal(new Set(tenants.map((t: { slug: string }) => t.slug)).size, 514, 'every slug unique');
    const kbb = tenants.find((t: { code: string }) => t.code === '32.17');
    assert.deepEqual([kbb.slug, kbb.homeRegion, kbb.mppStatus, kbb.timeZone], ['kab-bandung-barat', 'id-jakarta', 'proposed', 'Asia/Jakarta']);
    const jayapura = tenants.find((t: { code: string }) => t.code === '91.71');
    assert.equal(jayapura?.timeZone, 'Asia/Jayapura');
  });
});
