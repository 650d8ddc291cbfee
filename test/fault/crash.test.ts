import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import type { ObjectStore } from '@satupintu/storage';
import { cli, type ApiProcess, ms, pdf, size, sktlkForm, token, type Stack } from './harness.js';
import { orphanKeys, query, regionDb, rowsWithoutObject, storeOf, tenantBySlug, type TenantRow } from './fixtures.js';
import { sharedApi, sharedStack } from './hooks.js';
import { measure } from './report.js';

const S = 'Crash: kill -9 during submissions with uploads';
const TENANT = 'kab-kapuas';
const CITIZEN = 'warga.kapuas';

interface Submission {
  i: number;
  key: string;
  tag: string;
  appId?: string;
  created: boolean;
  uploaded: boolean;
  submitted: boolean;
}

/** One request; network errors (the process died) come back as status 0. */
async function call(method: string, url: string, tok: string, key: string, body?: Buffer | string, type?: string): Promise<{ status: number; body: any; replayed: boolean }> {
  try {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${tok}`, 'idempotency-key': key, ...(type ? { 'content-type': type } : {}) },
      body,
      // A retry may wait for a claim left by the killed process (retaken after a minute).
      signal: AbortSignal.timeout(150_000),
    });
    const text = await res.text();
    return { status: res.status, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text, replayed: res.headers.get('idempotent-replayed') === 'true' };
  } catch {
    return { status: 0, body: undefined, replayed: false };
  }
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
    tenant = await tenantBySlug(stack, TENANT);
    store = storeOf(stack);
  });
  after(async () => {
    store?.destroy();
  });

  it('every acknowledged submission survives with its document, none is duplicated, no orphan object remains after the reconciler', async function () {
    const total = size('CRASH_SUBMISSIONS', 1000, 120);
    const concurrency = size('CRASH_CONCURRENCY', 8, 6);
    const run = randomUUID().slice(0, 8);
    const subs: Submission[] = Array.from({ length: total }, (_, i) => ({ i, key: `crash-${run}-${i}`, tag: `reliability-${run}-${i}`, created: false, uploaded: false, submitted: false }));
    const base = () => api.base;
    const counters = { replayedCreates: 0, replayedUploads: 0, failedWhileUp: 0 };

    /** Runs the steps a submission still lacks; stops at the first unanswered one. */
    const advance = async (s: Submission): Promise<boolean> => {
      const tok = await token(base(), CITIZEN);
      const root = `${base()}/api/v1/tenants/${TENANT}/applications`;
      if (!s.created) {
        const r = await call('POST', root, tok, `${s.key}-c`, JSON.stringify({ service: 'polri.sktlk', data: sktlkForm(s.tag) }), 'application/json');
        if (r.status !== 201) return false;
        if (r.replayed) counters.replayedCreates++;
        s.appId = r.body.id;
        s.created = true;
      }
      if (!s.uploaded) {
        const r = await call('PUT', `${root}/${s.appId}/documents/identitas?filename=ktp.pdf`, tok, `${s.key}-u`, pdf(s.tag));
        if (r.status !== 201) return false;
        if (r.replayed) counters.replayedUploads++;
        s.uploaded = true;
      }
      if (!s.submitted) {
        const r = await call('POST', `${root}/${s.appId}/submit`, tok, `${s.key}-s`);
        if (r.status !== 200) return false;
        s.submitted = true;
      }
      return true;
    };

    // Phase 1: load, and kill -9 somewhere between a third and two thirds of the way.
    const killAt = Math.floor(total * (0.33 + Math.random() * 0.33));
    let next = 0;
    let acknowledged = 0;
    let killed = false;
    let killedAt = 0;
    const started = performance.now();
    const killing = (async () => {
      while (!killed && acknowledged < killAt && next < total) await new Promise((r) => setTimeout(r, 5));
      killed = true;
      killedAt = performance.now();
      await api.kill('SIGKILL');
    })();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (!killed && next < total) {
          const s = subs[next++]!;
          if (await advance(s)) acknowledged++;
          else if (!killed) counters.failedWhileUp++;
        }
      }),
    );
    await killing;
    const phase1 = (killedAt - started) / 1000;
    const ackedBeforeKill = subs.filter((s) => s.submitted).length;
    const inFlight = subs.filter((s) => (s.created || s.uploaded) && !s.submitted).length;
    const ackedSteps = subs.filter((s) => s.created).length + subs.filter((s) => s.uploaded).length + subs.filter((s) => s.submitted).length;
    const before = new Map(subs.filter((s) => s.submitted).map((s) => [s.i, s.appId]));
    assert.equal(counters.failedWhileUp, 0, 'no request failed before the kill');

    // Phase 2: restart on the same databases and bucket; retry everything unacknowledged with the same keys.
    measure(S, 'restart after kill -9 until /readyz green', ms(await api.start()));
    const retried = subs.filter((s) => !s.submitted);
    const retryStarted = performance.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (cursor < retried.length) {
          const s = retried[cursor++]!;
          assert.ok(await advance(s), `submission ${s.i} completes after the restart`);
        }
      }),
    );
    const retrySeconds = (performance.now() - retryStarted) / 1000;

    // Verify from the database and the bucket themselves.
    const db = regionDb(tenant.home_region);
    const apps = await query<{ id: string; status: string; k: string }>(stack, db, `select id, status, data->>'kronologi' as k from applications where tenant_id = $1 and data->>'kronologi' like $2`, [tenant.id, `%reliability-${run}-%`]);
    const byTag = new Map<string, { id: string; status: string }[]>();
    for (const a of apps) {
      const tag = /reliability-[0-9a-f]{8}-\d+/.exec(a.k)![0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), a]);
    }
    const duplicatedApps = [...byTag.values()].filter((l) => l.length > 1).length;
    const docs = await query<{ application_id: string; n: number; shas: string[] }>(
      stack,
      db,
      `select application_id, count(*)::int as n, array_agg(sha256) as shas from application_documents where tenant_id = $1 and application_id = any($2) group by application_id`,
      [tenant.id, apps.map((a) => a.id)],
    );
    const docsOf = new Map(docs.map((d) => [d.application_id, d]));
    let lostAcknowledged = 0;
    let wrongDocs = 0;
    const docProblems: string[] = [];
    for (const s of subs) {
      const found = byTag.get(s.tag) ?? [];
      const mine = found.find((a) => a.id === s.appId);
      if (before.has(s.i) && (!mine || mine.status !== 'submitted' || before.get(s.i) !== s.appId)) lostAcknowledged++;
      const d = docsOf.get(s.appId!);
      const sha = createHash('sha256').update(pdf(s.tag)).digest('hex');
      if (!d || d.n !== 1 || d.shas[0] !== sha) {
        wrongDocs++;
        docProblems.push(`#${s.i} (${before.has(s.i) ? 'acknowledged before the kill' : 'retried'}): ${d ? `${d.n} documents${d.shas.every((x) => x === sha) ? ', all its own bytes' : ', other bytes'}` : 'no document'}`);
      }
    }
    const missingObjects = await rowsWithoutObject(stack, store, tenant);
    const orphansBefore = (await orphanKeys(stack, store, tenant)).length;

    measure(S, 'submissions (create + upload + submit, each with an Idempotency-Key)', total);
    measure(S, 'client concurrency', concurrency);
    measure(S, 'kill -9 after (s of load)', phase1.toFixed(1));
    measure(S, 'submissions acknowledged before the kill', ackedBeforeKill);
    measure(S, 'requests acknowledged before the kill', ackedSteps);
    measure(S, 'submissions half-done at the kill (some step unanswered)', inFlight);
    measure(S, 'submissions retried after the restart with the same keys', retried.length);
    measure(S, 'retry phase duration', `${retrySeconds.toFixed(1)} s`);
    measure(S, 'creates answered from the idempotency record (replayed)', counters.replayedCreates);
    measure(S, 'uploads answered from the idempotency record (replayed)', counters.replayedUploads);
    measure(S, 'acknowledged submissions lost or changed', lostAcknowledged);
    measure(S, 'duplicated applications (same submission twice)', duplicatedApps);
    measure(S, 'applications without exactly their one document (sha256 checked)', wrongDocs ? `${wrongDocs}: ${docProblems.slice(0, 5).join('; ')}` : 0);
    measure(S, 'document rows without their object', missingObjects.length);
    measure(S, 'orphan objects before the reconciler', orphansBefore);
    const swept = await cli(['reconcile', '--grace', '0'], stack.env);
    assert.equal(swept.status, 0, swept.stderr);
    const orphansAfter = (await orphanKeys(stack, store, tenant)).length;
    measure(S, 'orphan objects after `satupintu reconcile --grace 0`', orphansAfter);

    assert.ok(ackedBeforeKill > 0 && ackedBeforeKill < total, 'the kill landed mid-run');
    assert.equal(lostAcknowledged, 0, 'no acknowledged submission lost');
    assert.equal(duplicatedApps, 0, 'no submission duplicated');
    assert.equal(byTag.size, total, 'every submission exists after the retries');
    assert.equal(wrongDocs, 0, `each application holds exactly its own document: ${docProblems.slice(0, 5).join('; ')}`);
    assert.deepEqual(missingObjects, [], 'no document row without its object');
    assert.equal(orphansAfter, 0, 'no orphan object after the reconciler');
  });
});
