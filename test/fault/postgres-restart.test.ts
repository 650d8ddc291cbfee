import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ms, percentile, size, sktlkForm, sleep, token, type ApiProcess, type Stack } from './harness.js';
import { query, regionDb, tenantBySlug } from './fixtures.js';
import { sharedApi, sharedStack } from './hooks.js';
import { measure } from './report.js';

const S = 'PostgreSQL restart under load (fast and immediate)';
const TENANT = 'kab-kapuas';
const CITIZEN = 'warga.kapuas';

interface Probe {
  /** When the probe's answer arrived. */
  at: number;
  status: number;
}

describe(S, function () {
  let stack: Stack;
  let api: ApiProcess;

  before(async function () {
    this.timeout(300_000);
    stack = await sharedStack();
    api = await sharedApi();
  });

  for (const mode of ['fast', 'immediate'] as const) {
    it(`${mode}: the API recovers by itself, /readyz goes red then green, no acknowledged write is lost`, async function () {
      const warmupMs = size('PG_WARMUP_MS', 8_000, 3_000);
      const downMs = size('PG_DOWN_MS', 3_000, 2_000);
      const settleMs = size('PG_SETTLE_MS', 8_000, 4_000);
      const workers = size('PG_WORKERS', 6, 4);
      const run = randomUUID().slice(0, 8);
      const tok = await token(api.base, CITIZEN);
      const acked: { id: string; tag: string }[] = [];
      const failures = new Map<string, number>();
      const latencies: number[] = [];
      let stop = false;
      let attempts = 0;
      let n = 0;

      // Each client writes drafts with an Idempotency-Key and retries the same key until it is answered.
      const client = async () => {
        while (!stop) {
          const tag = `pg-${run}-${n++}`;
          for (;;) {
            attempts++;
            const t0 = performance.now();
            let status = 0;
            let code = 'network';
            try {
              const res = await fetch(`${api.base}/api/v1/tenants/${TENANT}/applications`, {
                method: 'POST',
                headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'idempotency-key': tag },
                body: JSON.stringify({ service: 'polri.sktlk', data: sktlkForm(tag) }),
                signal: AbortSignal.timeout(30_000),
              });
              status = res.status;
              const body = (await res.json().catch(() => ({}))) as { id?: string; code?: string };
              code = `${status} ${body.code ?? ''}`.trim();
              if (status === 201 && body.id) {
                acked.push({ id: body.id, tag });
                latencies.push(performance.now() - t0);
                break;
              }
            } catch {
              // connection refused or reset: counted below
            }
            failures.set(code, (failures.get(code) ?? 0) + 1);
            if (stop) break;
            await sleep(100);
          }
        }
      };
      const probes: Probe[] = [];
      const prober = async () => {
        while (!stop) {
          let status = 0;
          try {
            const r = await fetch(`${api.base}/readyz`, { signal: AbortSignal.timeout(5_000) });
            await r.arrayBuffer();
            status = r.status;
          } catch {
            status = 0;
          }
          probes.push({ at: performance.now(), status });
          await sleep(100);
        }
      };
      const load = Promise.all([...Array.from({ length: workers }, client), prober()]);

      await sleep(warmupMs);
      const ackedBefore = acked.length;
      const stopAt = performance.now();
      const stopTook = await stack.pg.stop(mode);
      await sleep(downMs);
      const startAt = performance.now();
      const startTook = await stack.pg.start();
      const upAt = performance.now();
      // Wait for green, then keep the load on to see steady service again.
      const greenBy = performance.now() + 60_000;
      while (performance.now() < greenBy && !probes.some((p) => p.at > upAt && p.status === 200)) await sleep(100);
      const failuresAtGreen = [...failures.values()].reduce((a, b) => a + b, 0);
      const ackedAtGreen = acked.length;
      await sleep(settleMs);
      const failuresAfterGreen = [...failures.values()].reduce((a, b) => a + b, 0) - failuresAtGreen;
      stop = true;
      await load;

      const firstRed = probes.find((p) => p.at >= stopAt && p.status !== 200);
      const firstGreen = probes.find((p) => p.at >= startAt && p.status === 200);
      const lastRed = [...probes].reverse().find((p) => p.status !== 200);
      const redWindow = firstRed && firstGreen ? firstGreen.at - firstRed.at : NaN;
      const rows = await query<{ id: string }>(stack, regionDb((await tenantBySlug(stack, TENANT)).home_region), 'select id from applications where id = any($1)', [acked.map((a) => a.id)]);
      const lost = acked.length - rows.length;

      const label = `${mode}:`;
      measure(S, `${label} client writers / readiness probe interval`, `${workers} / 100 ms`);
      measure(S, `${label} pg_ctl stop -m ${mode} took`, ms(stopTook));
      measure(S, `${label} PostgreSQL down for (stop → start complete)`, ms(upAt - stopAt));
      measure(S, `${label} pg_ctl start took`, ms(startTook));
      measure(S, `${label} /readyz red after the stop began`, firstRed ? ms(firstRed.at - stopAt) : 'never red');
      measure(S, `${label} /readyz green after pg_ctl start began`, firstGreen ? ms(firstGreen.at - startAt) : 'never green');
      measure(S, `${label} /readyz red window (first red → first green answer)`, ms(redWindow));
      measure(S, `${label} red answers after the first green`, lastRed && firstGreen && lastRed.at > firstGreen.at ? 'yes' : 'none');
      measure(S, `${label} writes acknowledged (before the stop / in total)`, `${ackedBefore} / ${acked.length}`);
      measure(S, `${label} write attempts refused or failed during the outage, by answer`, [...failures].map(([k, v]) => `${k}: ${v}`).join(', ') || 'none');
      measure(S, `${label} failed attempts in the ${settleMs / 1000} s after green`, failuresAfterGreen);
      measure(S, `${label} acknowledged writes lost`, lost);
      if (failures.has('500 INTERNAL')) measure(S, `${label} errors behind the 500 answers (API log)`, api.unhandledErrors().join(' | ') || 'not logged');
      measure(S, `${label} write latency p50 / p99 (acknowledged)`, `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`);

      assert.ok(firstRed, '/readyz went red');
      assert.ok(firstGreen, '/readyz went green again');
      assert.ok(acked.length > ackedAtGreen, 'writes are acknowledged again after recovery');
      assert.equal(failuresAfterGreen, 0, 'no failed write once ready again');
      assert.equal(lost, 0, 'no acknowledged write lost');
      assert.ok(!failures.has('500 INTERNAL'), `outage answers are not internal errors: ${[...failures].join('; ')}; logged: ${api.unhandledErrors().join(' | ')}`);
      assert.ok(attempts > acked.length, 'the outage was felt by clients');
    });
  }
});
