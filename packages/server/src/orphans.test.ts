import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { sharedPlatform } from '@satupintu/testkit';
import type { Platform } from './platform.js';
import type { JobCtx } from './jobs/spec.js';

/**
 * The orphan sweep behind both reconcilers (applications' `t/…` objects, complaint attachments),
 * against the embedded PostgreSQL and S3: keys of two tenants in one bucket, some with a row and
 * some without, checked two at a time so that several rounds and tenant switches happen.
 */
describe('orphan object sweep', () => {
  let p: Platform;
  before(async function () {
    this.timeout(240_000);
    p = await sharedPlatform();
  });

  it('removes old objects no row of their own tenant points at, keeps the rest and the young, page by page', async () => {
    const kbb = await p.services.tenants.get('kab-bandung-barat');
    const bogor = await p.services.tenants.get('kota-bogor');
    assert.equal(kbb.homeRegion, bogor.homeRegion, 'both tenants share a region (and a bucket)');
    const region = kbb.homeRegion;
    const prefix = `sweep-test-${randomUUID()}/`;
    const key = (tenantId: string) => `${prefix}${tenantId}/${randomUUID()}`;
    const kept = [key(kbb.id), key(bogor.id), key(kbb.id)];
    const orphans = [key(kbb.id), key(bogor.id), key(kbb.id), key(bogor.id), `${prefix}not-a-tenant`];
    for (const k of [...orphans, ...kept]) await p.store.putBuffer(region, k, Buffer.from(k), 'text/plain');
    const sweep = {
      prefix,
      keyPattern: /^sweep-test-[0-9a-f-]{36}\/([0-9a-f-]{36})\//,
      // Stands in for the rows: a key is "known" when it is in `kept` and belongs to the tenant whose
      // RLS context the sweep set (a key checked under the wrong tenant would be removed).
      knownSql: `select k as object_key from unnest($1::text[]) k
                  where k = any(array[${kept.map((k) => `'${k}'`).join(', ')}]) and k like '%' || current_setting('app.tenant_id') || '%'`,
      removedMessage: 'test orphan removed',
      page: 2,
    };
    const job: JobCtx = { region, jobId: 'test', now: p.clock.now(), clock: p.clock, log: pino({ level: 'silent' }) };

    const young = await p.services.sweeper.sweep(job, region, { ...sweep, graceMs: 60 * 60_000 });
    assert.deepEqual(young, { scanned: 8, orphansRemoved: 0, keptYoung: 8 }, 'objects within the grace period are left alone');

    const swept = await p.services.sweeper.sweep(job, region, { ...sweep, graceMs: 0 });
    assert.deepEqual(swept, { scanned: 8, orphansRemoved: 5, keptYoung: 0 });
    for (const k of orphans) assert.equal(await p.store.exists(region, k), false, `${k} removed`);
    for (const k of kept) assert.equal(await p.store.exists(region, k), true, `${k} kept`);
    for (const k of kept) await p.store.delete(region, k);
  });
});
