import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { PLATFORM_VERSION } from '@satupintu/core';
import { api, sharedPlatform, tokenFor } from '@satupintu/testkit';
import type { Platform } from '@satupintu/server';
import { LintPool } from '../../packages/server/src/modules/plugins/lint-pool.js';

// Issue 19, High-1: the ReDoS check of plugin patterns ran on the request thread, so one
// publisher's manifest of hostile patterns stalled every tenant's reads (p99 13 ms → 8.5 s, a
// connection reset). Each test publishes hostile patterns and asserts that the manifest is refused
// with a pointer to every pattern, and that other tenants' public reads kept answering meanwhile.

/** Catastrophic patterns: nested quantifiers, overlapping alternations. */
const HOSTILE = [
  '^(a+)+$',
  '^(a|aa)+$',
  '^([a-z]+)*$',
  '^(a|a?)+$',
  '^(\\w+\\s?)*$',
  '^(.*a){12}$',
  '^(x+x+)+y$',
  '^((ab)*|a)*c$',
  '^(a|b|ab)*c$',
  '^([a-zA-Z0-9]+\\.?)*@$',
  '^(\\d+|\\d+\\.\\d+)*x$',
  '^(a+b?)+$',
  '^((a+)+b)+$',
  '^(.+)+!$',
  '^(\\s*,?\\s*)*$',
];

/** Patterns that are safe but slow to prove so (bounded repetitions): 60 of them need far more than a manifest's analysis budget. */
const SLOW = Array.from({ length: 60 }, (_, i) => `^(\\w{1,${20 + i}}\\.){1,${20 + (i % 7)}}\\w{1,${30 + (i % 11)}}$`);

const OTHER_TENANT_CATALOG = '/api/v1/tenants/kab-kotawaringin-timur/services';

/**
 * Places `patterns` across a manifest's JSON Schemas — form `$defs`, a `patternProperties` name, a
 * document's `requiredWhen`, an action's guard — and returns the pointer of each.
 */
function plant(m: Record<string, any>, patterns: string[]): string[] {
  const s = m.services[0];
  const pointers: string[] = [];
  const tail = patterns.slice();
  // The first goes into patternProperties (the name is the pattern), one into requiredWhen, one into a guard.
  const first = tail.shift()!;
  s.form.schema.$defs = { ...(s.form.schema.$defs ?? {}), bebas: { type: 'object', patternProperties: { [first]: { type: 'string' } } } };
  pointers.push(`/services/0/form/schema/$defs/bebas/patternProperties/${first.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  if (tail.length && s.documents.length) {
    s.documents[0].requiredWhen = { properties: { kode: { type: 'string', pattern: tail.shift()! } } };
    pointers.push('/services/0/documents/0/requiredWhen/properties/kode/pattern');
  }
  if (tail.length && s.sop.actions.length) {
    s.sop.actions[0].guard = { properties: { catatan: { type: 'string', pattern: tail.shift()! } } };
    pointers.push('/services/0/sop/actions/0/guard/properties/catatan/pattern');
  }
  tail.forEach((source, i) => {
    s.form.schema.$defs[`pola${i}`] = { type: 'string', pattern: source };
    pointers.push(`/services/0/form/schema/$defs/pola${i}/pattern`);
  });
  return pointers;
}

/**
 * Reads another tenant's public catalog (anonymous) until `until` settles, a few at a time, and
 * records each outcome and whether it was answered while a manifest was being checked.
 */
async function readWhile(p: Platform, until: Promise<unknown>): Promise<{ statuses: number[]; failures: string[]; duringCheck: number }> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => {});
  const statuses: number[] = [];
  const failures: string[] = [];
  let duringCheck = 0;
  const reader = async () => {
    // Bounded, so that the anonymous budget of the tenant is never what answers.
    while (!done && statuses.length + failures.length < 200) {
      try {
        const r = await fetch(p.url + OTHER_TENANT_CATALOG);
        await r.arrayBuffer();
        statuses.push(r.status);
        if (p.services.plugins.linter.load() > 0) duringCheck++;
      } catch (err) {
        failures.push(String((err as Error & { cause?: Error }).cause ?? err)); // e.g. a connection reset
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all([reader(), reader()]);
  return { statuses, failures, duringCheck };
}

describe('security: ReDoS patterns in plugin manifests (issue 19, High-1)', () => {
  let p: Platform;
  let publisher: string;
  let polri: Record<string, any>;

  before(async () => {
    p = sharedPlatform();
    publisher = await tokenFor(p, 'publisher.polri');
    polri = (await api(p, 'GET', '/api/v1/plugins/polri/versions/1.1.0')).body.manifest;
    assert.equal((await api(p, 'GET', OTHER_TENANT_CATALOG)).status, 200);
  });

  it('refuses 15 catastrophic patterns, each by its pointer, while another tenant’s public reads all answer', async () => {
    const m = structuredClone(polri);
    m.version = `6.6.${Date.now() % 1e6}`;
    const pointers = plant(m, HOSTILE);
    assert.equal(pointers.length, 15);
    const publish = api(p, 'POST', '/api/v1/plugins', { token: publisher, body: m });
    const [r, reads] = await Promise.all([publish, readWhile(p, publish)]);

    assert.equal(r.status, 422, JSON.stringify(r.body).slice(0, 500));
    assert.match(r.headers.get('content-type')!, /^application\/problem\+json/);
    assert.equal(r.body.code, 'PLUGIN_MANIFEST_INVALID');
    const byPointer = new Map<string, { id: string; en: string }>((r.body.errors as { pointer: string; message: { id: string; en: string } }[]).map((e) => [e.pointer, e.message]));
    for (const [i, pointer] of pointers.entries()) {
      const message = byPointer.get(pointer);
      assert.ok(message, `no error for ${HOSTILE[i]} at ${pointer}: ${JSON.stringify(r.body.errors).slice(0, 800)}`);
      // Proven unsafe — or, on a starved machine, not proven safe in time; refused either way.
      assert.match(message.en, /catastrophic backtracking \(ReDoS\)|too complex to check/, pointer);
      assert.ok(message.id.length > 0, 'Indonesian text too');
    }
    assert.equal((await api(p, 'GET', `/api/v1/plugins/polri/versions/${m.version}`)).status, 404, 'nothing was stored');

    assert.deepEqual(reads.failures, [], 'no read of another tenant failed (connection reset)');
    assert.deepEqual([...new Set(reads.statuses)], [200], 'every read of another tenant answered 200');
    assert.ok(reads.duringCheck > 0, 'other tenants were answered while the manifest was being checked (not after it)');
  });

  it('refuses patterns it cannot prove safe within the manifest’s budget as too complex to check, one check per agency at a time, other tenants served meanwhile', async () => {
    const m = structuredClone(polri);
    m.version = `6.7.${Date.now() % 1e6}`;
    const pointers = plant(m, SLOW);
    const linter = p.services.plugins.linter;
    const publish = api(p, 'POST', '/api/v1/plugins', { token: publisher, body: m });
    const reading = readWhile(p, publish);

    // While that manifest is checked, the same agency cannot start another check: its share is taken.
    const start = Date.now();
    while (linter.load('polri') === 0 && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 10));
    assert.equal(linter.load('polri'), 1, 'the manifest is being checked');
    const second = structuredClone(m);
    second.version = `6.8.${Date.now() % 1e6}`;
    const refused = await api(p, 'POST', '/api/v1/plugins', { token: publisher, body: second });
    assert.deepEqual([refused.status, refused.body.code], [429, 'PLUGIN_LINT_LIMIT'], JSON.stringify(refused.body));
    assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/);

    const [r, reads] = await Promise.all([publish, reading]);
    assert.equal(r.status, 422, JSON.stringify(r.body).slice(0, 500));
    assert.match(r.headers.get('content-type')!, /^application\/problem\+json/);
    assert.equal(r.body.code, 'PLUGIN_MANIFEST_TOO_COMPLEX', JSON.stringify(r.body).slice(0, 800));
    const errors = r.body.errors as { pointer: string; message: { id: string; en: string } }[];
    assert.ok(errors.length > 0);
    for (const e of errors) {
      assert.ok(pointers.includes(e.pointer), `an error points at a planted pattern: ${e.pointer}`);
      assert.match(e.message.en, /too complex to check/);
      assert.match(e.message.id, /terlalu rumit untuk diperiksa/);
    }
    // Every pattern not proven safe is refused; those the budget never reached among them.
    const named = new Set(errors.map((e) => e.pointer));
    assert.ok(named.has(pointers[pointers.length - 1]!), 'the last pattern, beyond the budget, is refused too');
    assert.ok(errors.some((e) => /ran out/.test(e.message.en)), 'the manifest’s budget was spent');
    assert.equal((await api(p, 'GET', `/api/v1/plugins/polri/versions/${m.version}`)).status, 404, 'nothing was stored');

    assert.deepEqual(reads.failures, [], 'no read of another tenant failed (connection reset)');
    assert.deepEqual([...new Set(reads.statuses)], [200], 'every read of another tenant answered 200');
    assert.ok(reads.duringCheck > 0, 'other tenants were answered while the manifest was being checked (not after it)');
    assert.equal(linter.load(), 0);
  });

  it('ends a lint thread that overruns its hard limit, refuses what it had not decided, and ends every thread on close', async () => {
    const warnings: string[] = [];
    const log = { warn: (o: { cut?: string }, msg: string) => void warnings.push(`${o?.cut ?? ''} ${msg}`), info() {}, debug() {}, error() {} } as never;
    // A budget far beyond the hard limit: only the supervisor's termination can end this lint.
    const pool = new LintPool({ threads: 1, patternBudgetMs: 120_000, hardLimitMs: 1_500, idleMs: 60_000 });
    try {
      const m = structuredClone(polri);
      const pointers = plant(m, SLOW);
      const r = await pool.lint('polri', m, log, PLATFORM_VERSION);
      assert.ok(r.issues.length > 0, 'refused');
      assert.equal(r.contentHash, undefined);
      assert.ok(warnings.some((w) => w.startsWith('overran')), warnings.join('\n'));
      const undecided = new Set(r.undecided);
      for (const i of r.issues) {
        // The patterns it had listed (each not proven safe), or the manifest as a whole if it had not got that far.
        assert.ok(i.pointer === '' || pointers.includes(i.pointer), i.pointer);
        assert.ok(undecided.has(i.pointer), `undecided: ${i.pointer}`);
        assert.match(i.message.en, /too complex to check/);
      }
      for (let t = Date.now(); pool.threads > 0 && Date.now() - t < 10_000; ) await new Promise((res) => setTimeout(res, 50));
      assert.equal(pool.threads, 0, 'the overrunning thread was terminated');

      // The pool recovers: a clean manifest lints on a fresh thread.
      const clean = await pool.lint('polri', structuredClone(polri), log, PLATFORM_VERSION);
      assert.deepEqual(clean.issues, []);
      assert.match(clean.contentHash ?? '', /^sha256:/);
      assert.ok(pool.threads > 0, 'an idle thread stays for the next manifest');
      if (process.platform === 'linux') {
        // The lint thread yields the CPU to requests (nice 19); the thread serving requests keeps its priority.
        const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        const nices = readdirSync('/proc/self/task').map((tid) => niceOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
        const main = niceOf(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
        if (main < 19) assert.ok(nices.includes(19), `a thread at nice 19 beside the main thread at ${main}: ${nices.join(',')}`);
      }
    } finally {
      await pool.close();
    }
    assert.equal(pool.threads, 0, 'close() ends every thread (the platform calls it on stop)');
    await assert.rejects(pool.lint('polri', structuredClone(polri), log, PLATFORM_VERSION), (e: { code?: string }) => e.code === 'PLUGIN_LINT_BUSY');
  });
});
