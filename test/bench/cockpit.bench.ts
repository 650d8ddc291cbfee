/**
 * The national cockpit at national scale: 514 tenants (every regency, each in its home region) and
 * 5 million applications spread by population over the last year, all in one run:
 *   1. the cockpit query (GET /api/v1/national/cockpit over HTTP, and the same in-process) p50/p95,
 *   2. the same figures computed from the raw tables of both regions (what the rollups avoid),
 *   3. the cost of a rollup refresh: the initial fold of every application, and an incremental
 *      refresh after a minute of heavy traffic (5,000 new applications, 2,000 completions);
 * and checks that the rollup figures equal the raw ones for every tenant.
 *   node --import tsx test/bench/cockpit.bench.ts      (BENCH_APPLICATIONS=500000 for a quick run)
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { listRegencies } from '@satupintu/core';
import { ROLLUP_JOB, onboardAll, startPlatform, toolContext, type RollupResult } from '@satupintu/server';
import { tempDataDir, testConfig, tokenFor } from '@satupintu/testkit';
import { percentile } from './fixtures.js';

const APPS = Number(process.env.BENCH_APPLICATIONS ?? 5_000_000);
const dataDir = tempDataDir('satupintu-cockpit-bench-');
const platform = await startPlatform(testConfig(dataDir, { SEED: 'false', DB_POOL_SIZE: '8' }));
const { tenants, cockpit } = platform.services;
const ctx = toolContext(platform, 'bench');
/** One run of the regions' every-minute rollup job, at once. */
const refresh = async (region: string) => (await platform.runJob(ROLLUP_JOB, { region }))[0] as RollupResult;
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const ms = (t0: number) => Math.round(performance.now() - t0);

try {
  let t0 = performance.now();
  const onboarded = await onboardAll(ctx, { tenants, config: platform.config }, listRegencies(), { status: 'operating', concurrency: 4, actor: 'bench' });
  log(`onboarded ${onboarded.created} tenants in ${ms(t0)} ms ${JSON.stringify(onboarded.byRegion)}`);
  const all = await tenants.list();
  const totalPop = all.reduce((n, t) => n + t.population, 0);
  const owners = Object.fromEntries(Object.entries(platform.infra.regionDatabaseUrls).map(([r, url]) => [r, new pg.Pool({ connectionString: url, max: 2 })]));

  // 1. Five million applications by population, written as the owner with triggers off (a bulk
  //    load, as a migration from an older system would be), over the last 365 days.
  t0 = performance.now();
  let written = 0;
  for (const t of all) {
    const n = Math.max(1, Math.round((APPS * t.population) / totalPop));
    const c = await owners[t.homeRegion]!.connect();
    try {
      await c.query(`set session_replication_role = replica`);
      await c.query(
        `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role,
           channel, consent, status, state, submitted_at, completed_at, due_at)
         select $1, gen_random_uuid(), substr(h, 1, 4) || '-' || substr(h, 5, 4), 'bench', '1.0.0', 'sha256:bench', 'formulir', 'bench', '{}'::jsonb, 'bench', 'officer',
                ch, case when ch = 'online' then null else '{"by":"bench"}'::jsonb end,
                st, 's', sub, case when st = 'completed' then least(now(), sub + random() * interval '9 days') end, sub + interval '7 days'
           from (select upper(lpad(to_hex(g), 8, '0')) h,
                        (array['online','assisted','counter','counter'])[1 + floor(random() * 4)::int] ch,
                        case when random() < 0.85 then 'completed' when random() < 0.7 then 'submitted' else 'rejected' end st,
                        now() - random() * interval '365 days' sub
                   from generate_series(1, $2::int) g) x`,
        [t.id, n],
      );
      await c.query(`set session_replication_role = origin`);
    } finally {
      c.release();
    }
    written += n;
  }
  log(`wrote ${written.toLocaleString('en')} applications in ${ms(t0)} ms`);
  for (const p of Object.values(owners)) await p.query('analyze applications');

  // 2. The initial fold: every application enters as deltas (as the migration backfills), then the job folds and publishes.
  t0 = performance.now();
  for (const p of Object.values(owners)) {
    await p.query(`insert into rollup_deltas (tenant_id, at, week_start, channel, submitted) select tenant_id, submitted_at, rollup_week(submitted_at, tenant_id), channel, 1 from applications where submitted_at is not null and status <> 'draft'`);
    await p.query(`insert into rollup_deltas (tenant_id, at, week_start, channel, completed, completed_on_time) select tenant_id, completed_at, rollup_week(completed_at, tenant_id), channel, 1, case when completed_at <= due_at then 1 else 0 end from applications where status = 'completed'`);
  }
  const deltaMs = ms(t0);
  // The platform's own every-minute job folds too (as in production); the fold is done when no
  // delta is left and every region has published.
  t0 = performance.now();
  let folded = 0;
  for (;;) {
    for (const region of Object.keys(owners)) folded += (await refresh(region)).deltas;
    const left = (await Promise.all(Object.values(owners).map((p) => p.query('select count(*)::int n from rollup_deltas')))).reduce((n, r) => n + r.rows[0].n, 0);
    if (!left) break;
  }
  const initialFoldMs = ms(t0);
  log(`initial fold: deltas written in ${deltaMs} ms, folded and published in ${initialFoldMs} ms (${folded.toLocaleString('en')} of them by this loop, the rest by the job)`);

  // 3. A heavy minute: 5,000 new applications and 2,000 completions through the trigger, then one incremental refresh per region.
  const incremental: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const [region, p] of Object.entries(owners)) {
      const share = all.filter((t) => t.homeRegion === region);
      const ids = share.map((t) => t.id);
      await p.query(
        `insert into applications (tenant_id, id, tracking_code, plugin_id, plugin_version, content_hash, service_code, agency_code, applicant, filed_by_sub, filed_by_role, channel, status, state, submitted_at, due_at)
         select ($1::uuid[])[1 + floor(random() * array_length($1::uuid[], 1))::int], gen_random_uuid(), 'Z' || upper(substr(md5(random()::text), 1, 3)) || '-' || upper(substr(md5(random()::text), 1, 4)),
                'bench', '1.0.0', 'sha256:bench', 'formulir', 'bench', '{}'::jsonb, 'bench', 'citizen', 'online', 'submitted', 's', now(), now() + interval '7 days'
           from generate_series(1, $2::int)`,
        [ids, Math.round((5000 * share.length) / all.length)],
      ).catch(async () => undefined); // a rare random tracking-code clash only loses that round's batch
      await p.query(`update applications set status = 'completed', completed_at = now() where ctid in (select ctid from applications where status = 'submitted' limit $1)`, [Math.round((2000 * share.length) / all.length)]);
    }
    t0 = performance.now();
    for (const region of Object.keys(owners)) await refresh(region);
    incremental.push(ms(t0));
  }

  // 4. The cockpit over HTTP (what an analyst's browser waits for) and in-process.
  const analyst = await tokenFor(platform, 'analis.kemenpanrb');
  const http: number[] = [];
  for (let i = 0; i < 100; i++) {
    t0 = performance.now();
    const res = await fetch(`${platform.url}/api/v1/national/cockpit`, { headers: { authorization: `Bearer ${analyst}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`cockpit ${res.status}`);
    http.push(performance.now() - t0);
  }
  const analystCtx = { ...ctx, now: new Date() };
  // Where an HTTP answer's time goes: the same overview in-process, then also serialized.
  const overviewMs: number[] = [];
  const serializedMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 100; i++) {
    t0 = performance.now();
    const o = await cockpit.overview({ ...analystCtx, now: new Date() }, {});
    overviewMs.push(performance.now() - t0);
    bytes = Buffer.byteLength(JSON.stringify(o));
    serializedMs.push(performance.now() - t0);
  }
  const inProcess: number[] = [];
  let rollupView: Awaited<ReturnType<typeof cockpit.tenants>> | undefined;
  for (let i = 0; i < 100; i++) {
    t0 = performance.now();
    rollupView = await cockpit.tenants(analystCtx, {});
    inProcess.push(performance.now() - t0);
  }

  // 5. The same figures from the raw tables of every region (owner role: all tenants at once).
  const from = rollupView!.window.from;
  const raw: number[] = [];
  let rawRows: Record<string, { online: number; assisted: number; counter: number; completed: number; on_time: number; overdue: number }> = {};
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    rawRows = {};
    for (const p of Object.values(owners)) {
      const r = await p.query(
        `select tenant_id,
                count(*) filter (where channel = 'online' and rollup_week(submitted_at, tenant_id) >= $1)::int online,
                count(*) filter (where channel = 'assisted' and rollup_week(submitted_at, tenant_id) >= $1)::int assisted,
                count(*) filter (where channel = 'counter' and rollup_week(submitted_at, tenant_id) >= $1)::int counter,
                count(*) filter (where status = 'completed' and rollup_week(completed_at, tenant_id) >= $1)::int completed,
                count(*) filter (where status = 'completed' and rollup_week(completed_at, tenant_id) >= $1 and completed_at <= due_at)::int on_time,
                count(*) filter (where status = 'submitted' and due_at < now())::int overdue
           from applications where status <> 'draft' and submitted_at is not null group by tenant_id`,
        [from],
      );
      for (const row of r.rows) rawRows[row.tenant_id] = row;
    }
    raw.push(performance.now() - t0);
  }
  const byId = new Map(all.map((t) => [t.slug, t.id]));
  let mismatches = 0;
  for (const t of rollupView!.tenants) {
    const r = rawRows[byId.get(t.slug)!] ?? { online: 0, assisted: 0, counter: 0, completed: 0, on_time: 0, overdue: 0 };
    if (r.online !== t.applications.online || r.assisted !== t.applications.assisted || r.counter !== t.applications.counter || r.completed !== t.completed) {
      if (mismatches++ < 3) console.error('mismatch', t.slug, r, t.applications, t.completed);
    }
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  console.log(`\nNational cockpit, ${all.length} tenants, ${written.toLocaleString('en')} applications (same run; ${mismatches} tenants whose rollup figures differ from the raw ones)`);
  console.table([
    { case: 'cockpit over HTTP (100 requests)', p50Ms: Math.round(percentile(sorted(http), 50)), p95Ms: Math.round(percentile(sorted(http), 95)) },
    { case: 'cockpit query in-process (100)', p50Ms: Math.round(percentile(sorted(inProcess), 50)), p95Ms: Math.round(percentile(sorted(inProcess), 95)) },
    { case: 'overview (query, indicators, alerts) in-process', p50Ms: Math.round(percentile(sorted(overviewMs), 50)), p95Ms: Math.round(percentile(sorted(overviewMs), 95)) },
    { case: `… and serialized (${Math.round(bytes / 1024)} KB JSON)`, p50Ms: Math.round(percentile(sorted(serializedMs), 50)), p95Ms: Math.round(percentile(sorted(serializedMs), 95)) },
    { case: 'same figures from raw tables (5 runs)', p50Ms: Math.round(percentile(sorted(raw), 50)), p95Ms: Math.round(percentile(sorted(raw), 95)) },
    { case: 'rollup refresh after a heavy minute (3 rounds, all regions)', p50Ms: Math.round(percentile(sorted(incremental), 50)), p95Ms: Math.round(percentile(sorted(incremental), 95)) },
    { case: 'initial fold of every application (once)', p50Ms: initialFoldMs, p95Ms: initialFoldMs },
  ]);
  for (const p of Object.values(owners)) await p.end();
  if (mismatches) process.exitCode = 1;
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
