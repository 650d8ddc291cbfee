import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ObjectStore } from '@satupintu/storage';
import { cli, ms, pdf, percentile, size, sktlkForm, sleep, token, type ApiProcess, type Stack } from './harness.js';
import { orphanKeys, rowsWithoutObject, storeOf, tenantBySlug, type TenantRow } from './fixtures.js';
import { sharedApi, sharedStack } from './hooks.js';
import { measure } from './report.js';

const S = 'S3 outage under load';
const TENANT = 'kab-kapuas';
const CITIZEN = 'warga.kapuas';

interface Sample {
  at: number;
  ms: number;
  status: number;
  code?: string;
  problem: boolean;
  retryAfter: boolean;
}

describe(S, function () {
  let stack: Stack;
  let api: ApiProcess;
  let store: ObjectStore;
  let tenant: TenantRow;

  before(async function () {
    this.timeout(300_000);
    stack = await sharedStack();
    api = await sharedApi();
    store = storeOf(stack);
    tenant = await tenantBySlug(stack, TENANT);
  });
  after(async () => {
    store?.destroy();
    // Whatever happened, S3 is back for the next scenario.
    await stack?.s3.start();
  });

  it('uploads fail fast with 503 problem+json while S3 is down, nothing is half-written, service resumes when S3 returns', async function () {
    const beforeMs = size('S3_BEFORE_MS', 8_000, 4_000);
    const downMs = size('S3_DOWN_MS', 15_000, 8_000);
    const afterMs = size('S3_AFTER_MS', 10_000, 8_000);
    const workers = size('S3_WORKERS', 6, 4);
    const run = randomUUID().slice(0, 8);
    const tok = await token(api.base, CITIZEN);
    const root = `${api.base}/api/v1/tenants/${TENANT}/applications`;
    const uploads: Sample[] = [];
    const reads: Sample[] = [];
    let stop = false;
    let n = 0;

    const timed = async (list: Sample[], url: string, init: RequestInit) => {
      const t0 = performance.now();
      try {
        const res = await fetch(url, { ...init, headers: { authorization: `Bearer ${tok}`, ...(init.headers as Record<string, string>) }, signal: AbortSignal.timeout(60_000) });
        const type = res.headers.get('content-type') ?? '';
        const body = (await res.json().catch(() => ({}))) as { code?: string; id?: string };
        list.push({ at: t0, ms: performance.now() - t0, status: res.status, code: body.code, problem: /application\/problem\+json/.test(type), retryAfter: res.headers.has('retry-after') });
        return body;
      } catch {
        list.push({ at: t0, ms: performance.now() - t0, status: 0, problem: false, retryAfter: false });
        return undefined;
      }
    };
    const client = async () => {
      while (!stop) {
        const tag = `s3-${run}-${n++}`;
        const created = (await timed(reads, root, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'polri.sktlk', data: sktlkForm(tag) }) })) as { id?: string } | undefined;
        if (!created?.id) {
          await sleep(50);
          continue;
        }
        await timed(uploads, `${root}/${created.id}/documents/identitas?filename=ktp.pdf`, { method: 'PUT', body: pdf(tag) });
        await timed(reads, `${root}/${created.id}`, { method: 'GET' });
      }
    };
    const load = Promise.all(Array.from({ length: workers }, client));

    await sleep(beforeMs);
    const downAt = performance.now();
    await stack.s3.stop();
    await sleep(downMs);
    const upAt = performance.now();
    await stack.s3.start();
    await sleep(afterMs);
    stop = true;
    await load;

    const phase = (s: Sample) => (s.at < downAt ? 'before' : s.at < upAt ? 'down' : 'after');
    const before = uploads.filter((s) => phase(s) === 'before');
    const down = uploads.filter((s) => phase(s) === 'down');
    const after = uploads.filter((s) => phase(s) === 'after');
    const refused = down.filter((s) => s.status === 503);
    const firstOk = after.find((s) => s.status === 201);
    const readsDown = reads.filter((s) => phase(s) === 'down');
    const missing = await rowsWithoutObject(stack, store, tenant);
    const orphans = await orphanKeys(stack, store, tenant);
    const swept = await cli(['reconcile', '--grace', '0'], stack.env);
    const orphansAfter = await orphanKeys(stack, store, tenant);
    const counts = (list: Sample[]) => {
      const m = new Map<string, number>();
      for (const s of list) {
        const k = `${s.status}${s.status >= 400 && s.code ? ` ${s.code}` : ''}`;
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      return [...m].map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
    };
    const lat = (list: Sample[]) => `${ms(percentile(list.map((s) => s.ms), 50))} / ${ms(percentile(list.map((s) => s.ms), 99))} / ${ms(Math.max(...list.map((s) => s.ms)))}`;

    measure(S, 'client workers (create draft → upload → read)', workers);
    measure(S, 'S3 down for', ms(upAt - downAt));
    measure(S, 'uploads started before the outage (answers; some were in flight when S3 stopped)', counts(before));
    if (before.some((s) => s.status === 503)) measure(S, 'causes of 503 answers (API log, whole scenario)', api.unhandledErrors('STORAGE_UNAVAILABLE').slice(0, 5).join(' | ') || 'not logged');
    measure(S, 'upload latency before the outage p50 / p99 / max', before.length ? lat(before) : 'n/a');
    measure(S, 'uploads started during the outage (answers)', counts(down));
    measure(S, '503 answer latency during the outage p50 / p99 / max', refused.length ? lat(refused) : 'n/a');
    measure(S, '503 answers that are problem+json with Retry-After', `${refused.filter((s) => s.problem && s.retryAfter).length} / ${refused.length}`);
    measure(S, 'non-upload requests during the outage (answers)', counts(readsDown));
    measure(S, 'first successful upload after S3 returned', firstOk ? ms(firstOk.at + firstOk.ms - upAt) : 'none');
    measure(S, 'uploads refused after the first success completed', firstOk ? after.filter((s) => s.at > firstOk.at + firstOk.ms && s.status !== 201).length : 'n/a');
    measure(S, 'uploads started after S3 returned (answers)', counts(after));
    measure(S, 'document rows without their object', missing.length);
    measure(S, 'orphan objects (before / after the reconciler)', `${orphans.length} / ${orphansAfter.length}`);

    assert.ok(before.some((s) => s.status === 201), 'uploads worked before the outage');
    assert.ok(refused.length > 0, 'uploads were refused during the outage');
    assert.deepEqual(
      down.filter((s) => s.status !== 503 && s.status !== 201),
      [],
      'during the outage an upload either completed (started before) or was refused with 503',
    );
    assert.ok(refused.every((s) => s.problem && s.retryAfter && s.code === 'STORAGE_UNAVAILABLE'), '503 problem+json STORAGE_UNAVAILABLE with Retry-After');
    assert.ok(percentile(refused.map((s) => s.ms), 99) < 3_000, 'fail fast: p99 of refusals under 3 s');
    assert.ok(readsDown.every((s) => s.status === 200 || s.status === 201), 'requests that do not need S3 keep working');
    assert.ok(firstOk, 'uploads resume once S3 is back');
    // Once the first upload after the outage has completed (closing the circuit), every later one succeeds.
    const resumedAt = firstOk.at + firstOk.ms;
    assert.ok(after.filter((s) => s.at > resumedAt).every((s) => s.status === 201), 'once resumed, every upload succeeds');
    assert.deepEqual(missing, [], 'no document row without its object');
    assert.equal(swept.status, 0, swept.stderr);
    assert.deepEqual(orphansAfter, []);
  });
});
