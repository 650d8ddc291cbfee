import assert from 'node:assert/strict';
import type { CalendarDays } from '@satupintu/core';
import { decide, dueAfter, timersOnEntering, WorkflowError, type WorkCalendar } from '@satupintu/workflow';
import { reopenRefusal } from './deadlines.js';
import { decideOn } from './errors.js';
import { COMPLAINT_LIFECYCLE as def, complaintWorkflow, statesTiming, type ComplaintRole } from './lifecycle.js';
import type { ComplaintRow } from './queries.js';
import { allowedActions } from './view.js';

/**
 * The complaint lifecycle as data, through the engine, without any server: who may do what in
 * which state, the reopen branch by handler, the module's mapping of refusals, and the clocks in
 * hari kerja around Lebaran 2025 (the worked examples of docs/complaints.md).
 */

// SKB 3 Menteri 2025 (packages/core/data/holidays-id.json): the Lebaran days of the engine's own
// unit test, plus the rest of the year's holidays the worked examples cross.
const days: CalendarDays = {
  holidays: new Set(['2025-03-29', '2025-03-31', '2025-04-01', '2025-04-18', '2025-05-01', '2025-05-12', '2025-05-29', '2025-06-01', '2025-06-06', '2025-06-27']),
  cutiBersama: new Set(['2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-05-13', '2025-05-30', '2025-06-09']),
  closures: new Set<string>(),
};
const cal: WorkCalendar = { timeZone: 'Asia/Jakarta', days };

const codes = (state: string, ...roles: ComplaintRole[]) => complaintWorkflow.allowed(state, roles).map((a) => a.code);
const refusedWith = (code: string) => (e: unknown) => e instanceof Error && 'code' in e && e.code === code;
const due = (state: string, at: string, facts: Record<string, unknown> = {}, started = new Set<string>()) =>
  Object.fromEntries(timersOnEntering(def, state, new Date(at), cal, facts, started).map((t) => [t.name, t.due.date]));

describe('complaint lifecycle (data run by the workflow engine)', () => {
  it('gives each relation its actions per state', () => {
    assert.equal(complaintWorkflow.initial, 'submitted');
    assert.deepEqual(codes('submitted', 'coordinator'), ['forward', 'handle', 'reject', 'message', 'note', 'attach']);
    assert.deepEqual(codes('submitted', 'complainant'), ['message', 'attach']);
    assert.deepEqual(codes('forwarded', 'officer'), ['answer', 'message', 'note', 'attach']);
    assert.deepEqual(codes('forwarded', 'coordinator'), ['answer', 'message', 'note', 'attach']);
    assert.deepEqual(codes('handling', 'officer'), ['message', 'note', 'attach'], 'the agency does not answer what the coordinator handles');
    assert.deepEqual(codes('handling', 'coordinator'), ['answer', 'message', 'note', 'attach']);
    assert.deepEqual(codes('answered', 'complainant'), ['rate', 'reopen', 'message', 'attach']);
    assert.deepEqual(codes('answered', 'officer'), ['message', 'note', 'attach']);
    assert.deepEqual(codes('answered', 'system'), ['close']);
    assert.deepEqual(codes('closed', 'complainant'), ['reopen'], 'a rated answer may still be reopened (within the window)');
    assert.deepEqual(codes('closed', 'coordinator', 'officer', 'filer'), []);
    assert.deepEqual(codes('rejected', 'coordinator', 'complainant', 'officer', 'filer', 'system'), []);
    assert.deepEqual(codes('forwarded', 'filer'), ['message', 'attach']);
    assert.ok(complaintWorkflow.terminal.has('rejected') && !complaintWorkflow.terminal.has('closed'));
  });

  it('moves by the engine: verification, answer, rating, the system’s close', () => {
    const forward = decide(def, { state: 'submitted', roles: ['coordinator'], action: 'forward', facts: { category: 'keluhan', agency: 'imigrasi' } });
    assert.deepEqual([forward.from, forward.to, forward.role, forward.terminal], ['submitted', 'forwarded', 'coordinator', false]);
    assert.equal(decide(def, { state: 'submitted', roles: ['coordinator'], action: 'handle', facts: { category: 'keluhan' } }).to, 'handling');
    const reject = decide(def, { state: 'submitted', roles: ['coordinator'], action: 'reject', comment: 'Bukan pengaduan.', facts: { category: 'keluhan' } });
    assert.deepEqual([reject.to, reject.terminal, reject.outcome], ['rejected', true, 'rejected']);
    assert.equal(decide(def, { state: 'forwarded', roles: ['officer'], action: 'answer', facts: { category: 'keluhan' } }).to, 'answered');
    assert.equal(decide(def, { state: 'handling', roles: ['coordinator'], action: 'answer', facts: { category: 'keluhan' } }).to, 'answered');
    const rated = decide(def, { state: 'answered', roles: ['complainant'], action: 'rate', facts: { category: 'keluhan' } });
    assert.deepEqual([rated.to, rated.outcome], ['closed', 'closed']);
    assert.equal(decide(def, { state: 'answered', roles: ['system'], action: 'close', facts: { category: 'keluhan' } }).to, 'closed');
    assert.throws(() => decide(def, { state: 'answered', roles: ['complainant', 'coordinator'], action: 'close', facts: {} }), WorkflowError, 'only the platform closes');
    // A message records without moving, in the first role the action names (officer before complainant).
    const msg = decide(def, { state: 'forwarded', roles: ['complainant', 'officer'], action: 'message', facts: {} });
    assert.deepEqual([msg.moves, msg.to, msg.role], [false, 'forwarded', 'officer']);
  });

  it('reopens back to whoever handled it, by the handler fact (two `reopen` actions, picked by guard)', () => {
    for (const from of ['answered', 'closed']) {
      assert.equal(decide(def, { state: from, roles: ['complainant'], action: 'reopen', comment: 'Belum selesai.', facts: { category: 'keluhan', handler: 'agency' } }).to, 'forwarded');
      assert.equal(decide(def, { state: from, roles: ['complainant'], action: 'reopen', comment: 'Belum selesai.', facts: { category: 'keluhan', handler: 'coordinator' } }).to, 'handling');
    }
    assert.throws(
      () => decide(def, { state: 'answered', roles: ['complainant'], action: 'reopen', comment: 'Belum selesai.', facts: { category: 'keluhan' } }),
      (e: unknown) => e instanceof WorkflowError && e.refusal.kind === 'guard-failed',
    );
  });

  it('maps the engine’s refusals to the API’s problem codes', () => {
    const facts = { category: 'keluhan' as const };
    assert.throws(() => decideOn('submitted', ['coordinator'], 'reject', { facts }), refusedWith('REASON_REQUIRED'));
    assert.throws(() => decideOn('submitted', ['coordinator'], 'reject', { comment: '  ', facts }), refusedWith('REASON_REQUIRED'));
    assert.throws(() => decideOn('submitted', ['coordinator'], 'forward', { facts }), refusedWith('COMPLAINT_AGENCY_REQUIRED'));
    assert.throws(() => decideOn('forwarded', ['coordinator'], 'forward', { facts: { ...facts, agency: 'imigrasi' } }), refusedWith('COMPLAINT_STATE_INVALID'), 'verified already');
    assert.throws(() => decideOn('handling', ['officer'], 'answer', { facts }), refusedWith('COMPLAINT_ACTION_NOT_ALLOWED'), 'someone else answers here');
    assert.throws(() => decideOn('answered', ['officer'], 'rate', { facts }), refusedWith('COMPLAINT_ACTION_NOT_ALLOWED'), 'never theirs');
    assert.throws(() => decideOn('answered', ['officer'], 'answer', { facts }), refusedWith('COMPLAINT_STATE_INVALID'), 'answered already');
    assert.throws(() => decideOn('rejected', ['complainant'], 'message', { facts }), refusedWith('COMPLAINT_STATE_INVALID'));
    assert.throws(() => decideOn('forwarded', ['complainant'], 'note', { facts }), refusedWith('COMPLAINT_ACTION_NOT_ALLOWED'), 'internal notes are for staff');
  });

  it('keeps the reopen window and limit outside the engine', () => {
    const answeredAt = new Date('2025-06-20T03:00:00Z');
    const until = new Date('2025-07-07T16:59:59.999Z');
    assert.equal(reopenRefusal({ answered_at: answeredAt, reopen_until: until, reopen_count: 0 }, new Date('2025-07-07T16:00:00Z')), undefined);
    assert.equal(reopenRefusal({ answered_at: answeredAt, reopen_until: until, reopen_count: 0 }, new Date('2025-07-08T01:00:00Z')), 'window-closed');
    assert.equal(reopenRefusal({ answered_at: answeredAt, reopen_until: until, reopen_count: 2 }, new Date('2025-06-23T01:00:00Z')), 'limit');
    assert.equal(reopenRefusal({ answered_at: null, reopen_until: null, reopen_count: 0 }, new Date('2025-06-23T01:00:00Z')), 'window-closed');
  });
});

/** A complaint row as the view reads it (only what `allowed` looks at varies). */
const row = (over: Partial<ComplaintRow>): ComplaintRow => ({
  tenant_id: 't', id: 'c', tracking_code: 'ADU-AAAA-AAAA', kind: 'complaint', category: 'keluhan', subject_type: 'tenant', plugin_id: null, service_code: null,
  application_id: null, application_tracking_code: null, agency_code: null, title: 'x', body: 'x', anonymous: false, confidential: false, location: null, incident_date: null,
  complainant_sub: 's', complainant: {}, filed_by_sub: 's', filed_by_role: 'citizen', channel: 'online', status: 'submitted', handler: null,
  verify_due_at: new Date('2025-06-18T16:59:59.999Z'), verify_due_date: '2025-06-18', first_response_due_at: null, first_response_due_date: null, answer_due_at: null, answer_due_date: null,
  first_response_at: null, verified_at: null, verified_by: null, answered_at: null, reopen_until: null, reopen_count: 0, rating: null, rating_comment: null, rated_at: null, closed_at: null,
  lapor_tracking_id: null, lapor_sync_status: 'not-synced', lapor_sync_error: null, lapor_synced_at: null,
  lapor_mode: null, lapor_reference: null, lapor_transaction_id: null, lapor_attempts: 0, lapor_next_attempt_at: null, lapor_attempted_at: null, lapor_remote_status: null, lapor_disposition: null, lapor_answers: 0,
  version: 1, created_at: new Date('2025-06-13T03:00:00Z'), updated_at: new Date('2025-06-13T03:00:00Z'),
  escalation_count: 0, ...over,
});

describe('the `allowed` list of the view (engine table plus the service’s own rules)', () => {
  const answered = row({ status: 'answered', handler: 'coordinator', answered_at: new Date('2025-06-20T03:00:00Z'), reopen_until: new Date('2025-07-07T16:59:59.999Z') });
  it('names the API’s actions the caller may take now', () => {
    assert.deepEqual(allowedActions(row({}), ['complainant', 'filer'], new Date('2025-06-13T04:00:00Z')), ['message', 'attach']);
    assert.deepEqual(allowedActions(row({}), ['coordinator'], new Date('2025-06-13T04:00:00Z')), ['verify', 'message', 'attach', 'lapor']);
    assert.deepEqual(allowedActions(row({ status: 'handling', handler: 'coordinator' }), ['coordinator'], new Date('2025-06-13T04:00:00Z')), ['answer', 'message', 'attach', 'lapor']);
    assert.deepEqual(allowedActions(answered, ['complainant'], new Date('2025-07-07T16:00:00Z')), ['rate', 'reopen', 'message', 'attach']);
    assert.deepEqual(allowedActions(answered, ['complainant'], new Date('2025-07-08T01:00:00Z')), ['rate', 'message', 'attach'], 'the window passed');
    assert.deepEqual(allowedActions({ ...answered, reopen_count: 2 }, ['complainant'], new Date('2025-06-23T01:00:00Z')), ['rate', 'message', 'attach'], 'reopened twice already');
    assert.deepEqual(allowedActions({ ...answered, status: 'closed', rating: 4 }, ['complainant'], new Date('2025-06-23T01:00:00Z')), ['reopen'], 'rated: no second rating, still reopenable');
    assert.deepEqual(allowedActions(row({ status: 'rejected' }), ['complainant', 'coordinator'], new Date('2025-06-23T01:00:00Z')), ['lapor']);
  });
});

describe('complaint clocks in hari kerja (Lebaran 2025)', () => {
  it('starts the verification clock on filing: Thursday 27 March 2025 → 10 April', () => {
    // 28 Mar cuti bersama, 29 Nyepi, 31 Mar–1 Apr Idul Fitri, 2–4 and 7 Apr cuti bersama: 8, 9, 10 Apr.
    const [verification] = timersOnEntering(def, 'submitted', new Date('2025-03-27T03:00:00Z'), cal);
    assert.deepEqual([verification?.name, verification?.due.date, verification?.due.at.toISOString(), verification?.onExpiry], ['verification', '2025-04-10', '2025-04-10T16:59:59.999Z', 'escalate']);
    // Friday 13 June 2025: the weekend does not count (16, 17, 18 June).
    assert.deepEqual(due('submitted', '2025-06-13T03:00:00Z'), { verification: '2025-06-18' });
  });

  it('starts the first response and the answer by category on routing', () => {
    // Verified Friday 11 April as a dispute without field examination: 14 hari kerja skipping Good Friday and 1 May.
    assert.deepEqual(due('forwarded', '2025-04-11T03:00:00Z', { category: 'sengketa-tanpa-pemeriksaan' }), { 'first-response': '2025-04-16', answer: '2025-05-05' });
    assert.deepEqual(due('handling', '2025-06-13T03:00:00Z', { category: 'keluhan' }), { 'first-response': '2025-06-18', answer: '2025-06-20' });
    // The category picks the duration: 60 hari kerja with field examination, 5 for an information request.
    assert.equal(due('forwarded', '2025-06-02T03:00:00Z', { category: 'sengketa-dengan-pemeriksaan' }).answer, dueAfter(new Date('2025-06-02T03:00:00Z'), { value: 60, unit: 'working-days' }, cal).date);
    assert.equal(due('forwarded', '2025-06-02T03:00:00Z', { category: 'informasi' }).answer, '2025-06-11', '3, 4, 5, 10, 11 June: 6 June Idul Adha and 9 June cuti bersama skipped');
    assert.throws(() => timersOnEntering(def, 'forwarded', new Date('2025-06-02T03:00:00Z'), cal, { category: 'gosip' }), /no duration/);
  });

  it('does not start the first response again on reopening (once), only a new answer deadline', () => {
    // Reopened Monday 23 June: 24, 25, 26, 30 June and 1 July (27 June, Tahun Baru Islam, skipped).
    assert.deepEqual(due('forwarded', '2025-06-23T03:00:00Z', { category: 'keluhan' }, new Set(['verification', 'first-response', 'answer', 'reopen'])), { answer: '2025-07-01' });
  });

  it('opens the reopen window on the answer, closing by the system when it passes: 20 June → 7 July', () => {
    // 10 hari kerja from Monday 23 June; 27 June (Tahun Baru Islam) skipped.
    const [reopen] = timersOnEntering(def, 'answered', new Date('2025-06-20T03:00:00Z'), cal);
    assert.deepEqual([reopen?.name, reopen?.due.at.toISOString(), reopen?.onExpiry], ['reopen', '2025-07-07T16:59:59.999Z', { action: 'close' }]);
    assert.deepEqual(timersOnEntering(def, 'closed', new Date('2025-06-20T03:00:00Z'), cal), []);
    assert.deepEqual(timersOnEntering(def, 'rejected', new Date('2025-06-20T03:00:00Z'), cal), []);
  });

  it('tells the escalation job which states run which clock', () => {
    assert.deepEqual(statesTiming('verification'), ['submitted']);
    assert.deepEqual(statesTiming('first-response'), ['forwarded', 'handling']);
    assert.deepEqual(statesTiming('answer'), ['forwarded', 'handling']);
    assert.deepEqual(statesTiming('reopen'), ['answered']);
  });
});
