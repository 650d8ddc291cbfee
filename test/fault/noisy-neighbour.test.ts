import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { tsxWorker } from '@satupintu/server';
import { REGIONS, ms, percentile, size, token, type ApiProcess } from './harness.js';
import { sharedApi, sharedStack } from './hooks.js';
import { query, regionDb } from './fixtures.js';
import type { Answer } from './timed-request.js';
import type { LoadPhase } from './load-worker.js';
import { measure } from './report.js';

const S = 'Noisy neighbour and per-tenant rate limits';
const QUIET = { tenant: 'kab-bandung-barat', user: 'warga.kbb' };
// Both tenants live in region id-jakarta: the flood competes for the same database pool, not only CPU.
const NOISY = { tenant: 'kota-bogor', users: ['warga.kapuas', 'warga.kbb'] };

/** A load generator on its own thread (load-worker.ts), started once and driven one phase at a time. */
class LoadThread {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private failure?: Error;
  constructor(target: { url: string; body?: string }) {
    this.worker = tsxWorker(new URL('./load-worker.ts', import.meta.url), { workerData: target });
    this.worker.on('error', (e) => (this.failure = e));
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
  }

  async phase(job: LoadPhase): Promise<{ answers: Answer[]; skipped: number }> {
    await this.ready;
    if (this.failure) throw this.failure;
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`load worker exited with ${code}`));
      this.worker.once('exit', onExit);
      this.worker.once('message', (m: { answers: Answer[]; skipped: number }) => {
        this.worker.off('exit', onExit);
        resolve(m);
      });
      this.worker.postMessage(job);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

describe(S, function () {
  let api: ApiProcess;
  let flood: LoadThread | undefined;
  let quietThread: LoadThread | undefined;
  // Small budgets: a 2 s window of 24 admits one flood request every 83 ms once the flood has spent
  // its burst (budgets refill continuously, GCRA). The quiet caller (8 req/s, 16 per window)
  // stays well under both budgets even when a stall bunches its requests; the flood (two callers of
  // one tenant) is capped by its tenant budget (12 req/s).
  const window = size('NOISY_WINDOW_SECONDS', 2, 2);
  const tenantMax = size('NOISY_TENANT_MAX', 24, 24);
  const clientMax = size('NOISY_CLIENT_MAX', 40, 40);

  before(async function () {
    this.timeout(300_000);
    api = await sharedApi();
    // Restart the API with budgets small enough to matter here (the other scenarios run unlimited).
    await api.kill('SIGINT');
    await api.start({ RATE_LIMIT_WINDOW_SECONDS: String(window), RATE_LIMIT_TENANT_MAX: String(tenantMax), RATE_LIMIT_CLIENT_MAX: String(clientMax) });
  });
  // No restart afterwards: this is the last scenario on the shared API (see .mocharc.reliability.json).
  after(() => Promise.all([flood?.close(), quietThread?.close()]));

  it('while one tenant floods, the quiet tenant is always served and its p99 is measured against 1.5× its baseline; the flood gets 429 with Retry-After', async function () {
    const rounds = size('NOISY_ROUNDS', 8, 3);
    const phaseMs = size('NOISY_PHASE_MS', 5_000, 4_000);
    const quietRps = size('NOISY_QUIET_RPS', 8, 8);
    const floodRps = size('NOISY_FLOOD_RPS', 80, 60);
    const blocks = size('NOISY_BLOCKS', 3, 1);
    // Fresh tokens (5 min) at the start and before every block: a token cached by an earlier
    // scenario would expire during the measurement and turn the flood's answers into 401s.
    let quietTok = '';
    let noisyToks: string[] = [];
    const freshTokens = async () => {
      quietTok = await token(api.base, QUIET.user, { fresh: true });
      noisyToks = await Promise.all(NOISY.users.map((u) => token(api.base, u, { fresh: true })));
    };
    await freshTokens();
    const quietUrl = `${api.base}/api/v1/tenants/${QUIET.tenant}/applications`;
    const noisyUrl = `${api.base}/api/v1/tenants/${NOISY.tenant}/applications`;
    // The flood reads the same list (a query on the shared region database per admitted request).
    // Reads, not writes: earlier scenarios (isolation) may have changed kota-bogor's installations.
    const okMs = (l: Answer[]) => l.filter((a) => a.status === 200).map((a) => a.ms);

    // Warm up both paths (JIT, the region's connection pool, key cache). Then alternate quiet-alone
    // and flood phases, so that load from elsewhere on the machine weighs on baseline and flood
    // alike. The measurement runs a fixed number of blocks (no stopping early on a good one); the
    // ratio is taken over all of them pooled, and each block's ratio is reported to show the spread.
    flood = new LoadThread({ url: noisyUrl });
    quietThread = new LoadThread({ url: quietUrl });
    const floodPhase = (durationMs: number) => flood!.phase({ rps: floodRps, durationMs, cap: 200, tokens: noisyToks });
    const quietPhase = (durationMs: number) => quietThread!.phase({ rps: quietRps, durationMs, cap: 50, tokens: [quietTok], maxCatchUp: 2 });
    // The API was just restarted: the warm-up also lets its first job runs and maintenance pass.
    const warmMs = size('NOISY_WARMUP_MS', 10_000, 4_000);
    await Promise.all([quietPhase(warmMs), floodPhase(warmMs)]);
    const baseline = { answers: [] as Answer[], skipped: 0 };
    const during = { answers: [] as Answer[], skipped: 0 };
    const flooded = { answers: [] as Answer[], skipped: 0 };
    const perBlock: { p99Base: number; p99During: number; p50Base: number; p50During: number }[] = [];
    for (let block = 0; block < blocks; block++) {
      await freshTokens();
      const b: Answer[] = [];
      const d: Answer[] = [];
      for (let r = 0; r < rounds; r++) {
        const alone = await quietPhase(phaseMs);
        b.push(...alone.answers);
        baseline.skipped += alone.skipped;
        const [q, f] = await Promise.all([quietPhase(phaseMs), floodPhase(phaseMs)]);
        d.push(...q.answers);
        during.skipped += q.skipped;
        flooded.answers.push(...f.answers);
        flooded.skipped += f.skipped;
      }
      baseline.answers.push(...b);
      during.answers.push(...d);
      perBlock.push({ p99Base: percentile(okMs(b), 99), p99During: percentile(okMs(d), 99), p50Base: percentile(okMs(b), 50), p50During: percentile(okMs(d), 50) });
    }
    // The API's own background jobs (every-minute rollups and escalations) fall into either kind of
    // phase; how much of the quiet tail they account for is reported beside the ratio.
    const stack = await sharedStack();
    const jobRuns: { name: string; region: string; from: number; to: number }[] = [];
    for (const region of REGIONS)
      for (const j of await query<{ name: string; s: number; e: number | null }>(
        stack,
        regionDb(region),
        `select name, extract(epoch from started_on) * 1000 as s, extract(epoch from completed_on) * 1000 as e
           from pgboss.job where name not like '\\_\\_pgboss%' and started_on is not null and started_on > now() - interval '2 hours'`,
      ))
        jobRuns.push({ name: j.name, region, from: Number(j.s), to: j.e === null ? Date.now() : Number(j.e) });
    const duringJob = (a: Answer) => jobRuns.some((j) => a.at <= j.to && a.at + a.ms >= j.from);
    // RELIABILITY_NOISY_SAMPLES=file: every quiet sample (send time, latency) and job run, for a closer look at the tail.
    if (process.env.RELIABILITY_NOISY_SAMPLES)
      writeFileSync(process.env.RELIABILITY_NOISY_SAMPLES, JSON.stringify({ jobRuns, baseline: baseline.answers.map((a) => [a.at, a.ms]), during: during.answers.map((a) => [a.at, a.ms]) }));
    const floodMs = blocks * rounds * phaseMs;
    const limited = flooded.answers.filter((a) => a.status === 429);
    const served = flooded.answers.filter((a) => a.status === 200);
    const other = flooded.answers.filter((a) => a.status !== 200 && a.status !== 429);
    const wellFormed = limited.filter((a) => a.problem && a.code === 'RATE_LIMITED' && Number(a.retryAfter) >= 1 && /r=\d+; t=\d+/.test(a.rateLimit ?? ''));

    measure(S, 'budgets (window / per tenant / per client within a tenant)', `${window} s / ${tenantMax} / ${clientMax}`);
    measure(S, 'quiet tenant load (open loop, one citizen of kab-bandung-barat)', `${quietRps} req/s, GET applications`);
    measure(S, 'flood (open loop, two citizens listing applications in kota-bogor, same region as the quiet tenant)', `${floodRps} req/s; ${blocks} blocks of ${rounds} flood phases of ${phaseMs / 1000} s, each after a quiet-only phase of the same length`);
    perBlock.forEach((a, i) =>
      measure(S, `block ${i + 1}: quiet p50 / p99 alone → during the flood (p99 ratio)`, `${ms(a.p50Base)} / ${ms(a.p99Base)} → ${ms(a.p50During)} / ${ms(a.p99During)} (${(a.p99During / a.p99Base).toFixed(2)})`),
    );
    // A latency target is a measurement, not a pass/fail of the suite (a shared 2-core machine has
    // tail stalls of its own): the report states the ratio and whether the 1.5× target was met.
    const p99Base = percentile(okMs(baseline.answers), 99);
    const p99During = percentile(okMs(during.answers), 99);
    const ratio = p99During / p99Base;
    measure(S, 'quiet p50 / p99 alone → during the flood, all blocks pooled', `${ms(percentile(okMs(baseline.answers), 50))} / ${ms(p99Base)} → ${ms(percentile(okMs(during.answers), 50))} / ${ms(p99During)}`);
    measure(S, 'quiet p99 ratio, all blocks pooled (target ≤ 1.5)', `${ratio.toFixed(2)} — ${ratio <= 1.5 ? 'target met' : 'TARGET NOT MET on this run'}`);
    // Latencies of answered quiet requests, split by whether they overlapped one of the API's job runs.
    const split = (l: Answer[]) => {
      const ok = l.filter((a) => a.status === 200);
      return { inJob: ok.filter(duringJob).map((a) => a.ms), outJob: ok.filter((a) => !duringJob(a)).map((a) => a.ms) };
    };
    const base = split(baseline.answers);
    const dur = split(during.answers);
    measure(S, 'background job runs during the measurement (every-minute rollups, escalations, reconcilers)', `${jobRuns.filter((j) => j.to >= (baseline.answers[0]?.at ?? 0)).length}`);
    measure(S, 'quiet requests overlapping a background job run: count, p99 (baseline | during)', `${base.inJob.length}, ${ms(percentile(base.inJob, 99))} | ${dur.inJob.length}, ${ms(percentile(dur.inJob, 99))}`);
    const cleanBase = percentile(base.outJob, 99);
    const cleanDuring = percentile(dur.outJob, 99);
    measure(S, 'quiet p99 ratio, all blocks pooled, requests overlapping no job run', `${(cleanDuring / cleanBase).toFixed(2)} (${ms(cleanBase)} → ${ms(cleanDuring)})`);
    const notOk = (l: Answer[]) => l.filter((a) => a.status !== 200).map((a) => a.status).join(' ') || 'none';
    measure(S, 'quiet requests not answered 200 (baseline | during)', `${notOk(baseline.answers)} | ${notOk(during.answers)}`);
    measure(S, 'quiet requests the paced sender skipped after a stall of its own (baseline / during)', `${baseline.skipped} / ${during.skipped}`);
    measure(S, 'flood requests sent (served 200 / limited 429 / other)', `${flooded.answers.length} (${served.length} / ${limited.length} / ${other.length})`);
    const label = (a: Answer) => (a.status ? `${a.status}${a.code ? ` ${a.code}` : ''}` : `no answer (${a.error})`);
    const tally = new Map<string, number>();
    for (const a of other) tally.set(label(a), (tally.get(label(a)) ?? 0) + 1);
    measure(S, 'flood answers other than 200 and 429, by status', [...tally].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none');
    measure(S, '429 answers that are problem+json RATE_LIMITED with Retry-After and RateLimit', `${wellFormed.length} / ${limited.length}`);
    measure(S, 'flood answer latency p50 / p99: 200 | 429', `${ms(percentile(served.map((a) => a.ms), 50))} / ${ms(percentile(served.map((a) => a.ms), 99))} | ${ms(percentile(limited.map((a) => a.ms), 50))} / ${ms(percentile(limited.map((a) => a.ms), 99))}`);
    measure(S, 'Retry-After values seen (s)', limited.length ? `${Math.min(...limited.map((a) => Number(a.retryAfter)))}–${Math.max(...limited.map((a) => Number(a.retryAfter)))}` : 'n/a');
    measure(S, 'flood requests skipped by the sender (200 in flight)', flooded.skipped);
    measure(S, 'quiet samples (baseline / during)', `${baseline.answers.length} / ${during.answers.length}`);

    assert.ok(limited.length > 0, 'the flooding tenant is limited');
    assert.equal(wellFormed.length, limited.length, 'every 429 is problem+json with Retry-After and RateLimit');
    assert.ok(served.length <= (Math.ceil(floodMs / 1000 / window) + blocks * rounds) * tenantMax, 'the flood is served no more than its tenant budget');
    assert.equal(other.length, 0, 'the flood gets 200 or 429, nothing else');
    assert.equal(baseline.answers.length - okMs(baseline.answers).length, 0, 'the quiet tenant is never refused (alone)');
    assert.equal(during.answers.length - okMs(during.answers).length, 0, 'the quiet tenant is never refused (during the flood)');
  });
});
