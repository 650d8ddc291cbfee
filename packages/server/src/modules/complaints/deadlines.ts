import { isOverdue, type Due, type StartedTimer, type TimerDefinition } from '@satupintu/workflow';
import { COMPLAINT_LIFECYCLE, MAX_REOPENS, type ComplaintTimer } from './lifecycle.js';
import type { ComplaintRow, OverdueStates } from './queries.js';

/**
 * How the lifecycle's clocks are kept on a complaint row: each timer the engine starts
 * (`timersOnEntering`) has its columns, so the view, the list and the escalation job read the
 * same deadlines the service wrote.
 */
export interface Dues {
  verification?: Due;
  firstResponse?: Due;
  answer?: Due;
  reopen?: Due;
}

/** The dues of the timers a state started, by column. */
export function duesOf(started: readonly StartedTimer[]): Dues {
  const out: Dues = {};
  for (const s of started) {
    if (s.name === 'verification') out.verification = s.due;
    else if (s.name === 'first-response') out.firstResponse = s.due;
    else if (s.name === 'answer') out.answer = s.due;
    else if (s.name === 'reopen') out.reopen = s.due;
  }
  return out;
}

/** When a timer of this complaint runs out (undefined when it never started). */
export function dueOf(c: ComplaintRow, timer: string): { at: Date } | undefined {
  if (timer === 'verification') return { at: c.verify_due_at };
  if (timer === 'first-response') return c.first_response_due_at ? { at: c.first_response_due_at } : undefined;
  if (timer === 'answer') return c.answer_due_at ? { at: c.answer_due_at } : undefined;
  if (timer === 'reopen') return c.reopen_until ? { at: c.reopen_until } : undefined;
  return undefined;
}

/** A clock that stopped before it ran out: the first response was given (a public staff reply or the answer). */
export function timerDone(c: Pick<ComplaintRow, 'first_response_at'>, timer: string): boolean {
  return timer === 'first-response' && c.first_response_at !== null;
}

/** The timers this complaint has started so far (a `once` timer is not started again on reopening). */
export function startedTimers(c: Pick<ComplaintRow, 'first_response_due_at' | 'answer_due_at' | 'reopen_until'>): Set<ComplaintTimer> {
  const s = new Set<ComplaintTimer>(['verification']);
  if (c.first_response_due_at) s.add('first-response');
  if (c.answer_due_at) s.add('answer');
  if (c.reopen_until) s.add('reopen');
  return s;
}

/** The clocks that run in a state (from the lifecycle definition). */
export function runningTimers(state: string): readonly TimerDefinition[] {
  return COMPLAINT_LIFECYCLE.states[state]?.timers ?? [];
}

/** Whether `timer` runs in the complaint's state, has not been met, and has run out at `now`. */
export function isTimerOverdue(c: ComplaintRow, timer: string, now: Date): boolean {
  return runningTimers(c.status).some((t) => t.name === timer) && !timerDone(c, timer) && isOverdue(dueOf(c, timer), now);
}

/** The escalating clocks of the complaint that have run out at `now` (what makes it overdue). */
export function overdueStages(c: ComplaintRow, now: Date): string[] {
  return runningTimers(c.status)
    .filter((t) => (t.onExpiry ?? 'escalate') === 'escalate' && isTimerOverdue(c, t.name, now))
    .map((t) => t.name);
}

/** The states in which each escalating clock runs: where `overdueStages` can be non-empty (the list filters by it in SQL). */
export function overdueStates(): OverdueStates {
  const escalatingIn = (timer: ComplaintTimer) =>
    Object.keys(COMPLAINT_LIFECYCLE.states).filter((state) => runningTimers(state).some((t) => t.name === timer && (t.onExpiry ?? 'escalate') === 'escalate'));
  return { verification: escalatingIn('verification'), firstResponse: escalatingIn('first-response'), answer: escalatingIn('answer') };
}

/** Why the complainant may not reopen now (beyond the lifecycle's state and role rules), if so. */
export function reopenRefusal(c: Pick<ComplaintRow, 'answered_at' | 'reopen_until' | 'reopen_count'>, now: Date): 'window-closed' | 'limit' | undefined {
  if (!c.answered_at || !c.reopen_until || isOverdue({ at: c.reopen_until }, now)) return 'window-closed';
  if (c.reopen_count >= MAX_REOPENS) return 'limit';
  return undefined;
}
