import assert from 'node:assert/strict';
import { compileWorkflow, decide, dueAfter, timersOnEntering, WorkflowError, actionLogEntry, clockStartsOnSubmission, startsClock, type WorkflowDefinition } from './index.js';

const t = (id: string) => ({ id, en: id });
type Role = 'citizen' | 'officer' | 'coordinator';

/** A small SOP in the shape plugins publish, plus a complaint-like branch chosen by a fact. */
const def: WorkflowDefinition<Role> = {
  initial: 'submitted',
  states: {
    submitted: { name: t('Diajukan'), actor: 'officer', sla: { value: 1, unit: 'working-days' } },
    returned: { name: t('Dikembalikan'), actor: 'citizen' },
    review: { name: t('Pemeriksaan'), actor: 'officer', timers: [{ name: 'answer', sla: { by: 'category', values: { keluhan: { value: 5, unit: 'working-days' }, sengketa: { value: 14, unit: 'working-days' } } } }, { name: 'first-response', once: true, sla: { value: 3, unit: 'working-days' } }] },
    done: { name: t('Selesai'), terminal: true, outcome: 'completed' },
    rejected: { name: t('Ditolak'), terminal: true, outcome: 'rejected' },
  },
  actions: [
    { code: 'accept', name: t('Terima'), from: ['submitted'], to: 'review', roles: ['officer'] },
    { code: 'return', name: t('Kembalikan'), from: ['submitted', 'review'], to: 'returned', roles: ['officer'], comment: 'required' },
    { code: 'resubmit', name: t('Kirim ulang'), from: ['returned'], to: 'submitted', roles: ['citizen'] },
    { code: 'note', name: t('Catatan'), from: ['submitted', 'review', 'returned'], roles: ['citizen', 'officer'] },
    { code: 'finish', name: t('Selesai'), from: ['review'], to: 'done', roles: ['officer'], guard: { type: 'object', required: ['paid'], properties: { paid: { const: true } } } },
    { code: 'close', name: t('Tutup'), from: ['review'], to: 'done', roles: ['coordinator'], guard: { type: 'object', properties: { handler: { const: 'coordinator' } }, required: ['handler'] } },
    { code: 'close', name: t('Tolak'), from: ['review'], to: 'rejected', roles: ['coordinator'], guard: { type: 'object', properties: { handler: { const: 'agency' } }, required: ['handler'] } },
  ],
};

// SKB 3 Menteri 2025 around Lebaran (domain.md §3.9).
const days = {
  holidays: new Set(['2025-03-29', '2025-03-31', '2025-04-01', '2025-04-18']),
  cutiBersama: new Set(['2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07']),
  closures: new Set<string>(),
};
const cal = { timeZone: 'Asia/Jakarta', days };

describe('workflow engine', () => {
  it('compiles one (state, role) → actions table', () => {
    const wf = compileWorkflow(def);
    assert.deepEqual(wf.allowed('submitted', ['officer']).map((a) => a.code), ['accept', 'return', 'note']);
    assert.deepEqual(wf.allowed('submitted', ['citizen']).map((a) => a.code), ['note']);
    assert.deepEqual(wf.allowed('done', ['officer']), []);
    assert.equal(compileWorkflow(def), wf, 'compiled once per definition object');
  });

  it('refuses an action the role may not take here, naming what it may', () => {
    assert.throws(
      () => decide(def, { state: 'submitted', roles: ['citizen'], action: 'accept', facts: {} }),
      (e: unknown) => e instanceof WorkflowError && e.refusal.kind === 'not-allowed' && JSON.stringify(e.refusal) === JSON.stringify({ kind: 'not-allowed', action: 'accept', state: 'submitted', allowed: ['note'] }),
    );
    assert.throws(() => decide(def, { state: 'done', roles: ['officer'], action: 'note', facts: {} }), (e: unknown) => e instanceof WorkflowError && e.refusal.kind === 'not-allowed');
  });

  it('demands a comment where the action says so', () => {
    assert.throws(() => decide(def, { state: 'submitted', roles: ['officer'], action: 'return', comment: '  ', facts: {} }), (e: unknown) => e instanceof WorkflowError && e.refusal.kind === 'comment-required');
    const d = decide(def, { state: 'submitted', roles: ['officer'], action: 'return', comment: 'Foto KK buram', facts: {} });
    assert.deepEqual([d.from, d.to, d.moves, d.terminal], ['submitted', 'returned', true, false]);
  });

  it('checks guards against the facts, and picks among same-code actions by their guards', () => {
    assert.throws(
      () => decide(def, { state: 'review', roles: ['officer'], action: 'finish', facts: { paid: false } }),
      (e: unknown) => e instanceof WorkflowError && e.refusal.kind === 'guard-failed' && e.refusal.errors.length > 0,
    );
    const done = decide(def, { state: 'review', roles: ['officer'], action: 'finish', facts: { paid: true } });
    assert.deepEqual([done.to, done.terminal, done.outcome], ['done', true, 'completed']);
    assert.equal(decide(def, { state: 'review', roles: ['coordinator'], action: 'close', facts: { handler: 'agency' } }).to, 'rejected');
    assert.equal(decide(def, { state: 'review', roles: ['coordinator'], action: 'close', facts: { handler: 'coordinator' } }).to, 'done');
  });

  it('records without moving for an action with no target, in the first role it names', () => {
    const d = decide(def, { state: 'review', roles: ['citizen', 'officer'], action: 'note', facts: {} });
    assert.deepEqual([d.from, d.to, d.moves, d.role], ['review', 'review', false, 'citizen']);
    const entry = actionLogEntry(d, { subject: 's-1', name: 'Siti' }, new Date('2025-04-08T02:00:00Z'), 'Mohon dipercepat');
    assert.deepEqual({ ...entry, at: entry.at.toISOString() }, { at: '2025-04-08T02:00:00.000Z', actor: { subject: 's-1', name: 'Siti' }, role: 'citizen', action: 'note', from: 'review', to: 'review', comment: 'Mohon dipercepat' });
  });
});

describe('SLA timers in hari kerja', () => {
  it('counts from the next working day across Lebaran 2025 and ends at the end of the local day', () => {
    // Accepted Thu 27 Mar 2025 10:00 WIB: the first working day after is Tue 8 Apr.
    const due = dueAfter(new Date('2025-03-27T03:00:00Z'), { value: 1, unit: 'working-days' }, cal);
    assert.deepEqual([due.date, due.at.toISOString()], ['2025-04-08', '2025-04-08T16:59:59.999Z']);
    assert.equal(dueAfter(new Date('2025-03-27T03:00:00Z'), { value: 1, unit: 'working-days' }, cal, true).date, '2025-03-28', 'cuti bersama staffed');
    assert.equal(dueAfter(new Date('2025-03-27T03:00:00Z'), { value: 2, unit: 'hours' }, cal).at.toISOString(), '2025-03-27T05:00:00.000Z');
    // In Asia/Jayapura (WIT) the same instant is already later in the day; the date is local.
    assert.equal(dueAfter(new Date('2025-06-02T16:30:00Z'), { value: 1, unit: 'working-days' }, { ...cal, timeZone: 'Asia/Jayapura' }).date, '2025-06-04');
  });

  it('starts the step SLA and the state’s timers, a duration chosen by a fact, a once-timer only once', () => {
    const at = new Date('2025-06-02T03:00:00Z'); // Monday
    const started = timersOnEntering(def, 'review', at, cal, { category: 'sengketa' });
    assert.deepEqual(started.map((s) => [s.name, s.due.date]), [['answer', '2025-06-20'], ['first-response', '2025-06-05']]);
    const again = timersOnEntering(def, 'review', at, cal, { category: 'keluhan' }, new Set(['first-response']));
    assert.deepEqual(again.map((s) => [s.name, s.due.date]), [['answer', '2025-06-09']]);
    assert.deepEqual(timersOnEntering(def, 'submitted', at, cal).map((s) => [s.name, s.due.date, s.onExpiry]), [['step', '2025-06-03', 'escalate']]);
    assert.deepEqual(timersOnEntering(def, 'done', at, cal), []);
    assert.throws(() => timersOnEntering(def, 'review', at, cal, { category: 'unknown' }), /no duration/);
  });
});

// Issue 23 (sla): the case's clock starts at the SOP's declared event.
describe('the service clock’s start event', () => {
  const event = t('wawancara selesai');
  it('starts at submission without a declaration, or when it names the initial state', () => {
    assert.equal(clockStartsOnSubmission(def), true);
    assert.equal(clockStartsOnSubmission({ ...def, sla: { startsOn: { state: 'submitted' }, event } }), true);
    assert.equal(clockStartsOnSubmission({ ...def, sla: { startsOn: { action: 'accept' }, event } }), false);
    assert.equal(startsClock(def, { action: 'accept', to: 'review' }), false);
  });
  it('starts on the declared action, or on entering the declared state', () => {
    const byAction = { ...def, sla: { startsOn: { action: 'accept' }, event } };
    assert.equal(startsClock(byAction, { action: 'accept', to: 'review' }), true);
    assert.equal(startsClock(byAction, { action: 'resubmit', to: 'submitted' }), false);
    const byState = { ...def, sla: { startsOn: { state: 'review' }, event } };
    assert.equal(startsClock(byState, { action: 'accept', to: 'review' }), true);
    assert.equal(startsClock(byState, { action: 'return', to: 'returned' }), false);
  });
});
