import { addWorkingDays, endOfLocalDay, localDate, type CalendarDays } from '@satupintu/core';
import type { Duration, TimerDefinition, WorkflowDefinition } from './definition.js';

/** When a clock runs out: the instant, and the local date (tenant time zone) it ends on. */
export interface Due {
  at: Date;
  date: string;
}

/** The working-day calendar of one tenant: holidays, cuti bersama and its own closures, in its zone. */
export interface WorkCalendar {
  timeZone: string;
  days: CalendarDays;
}

/**
 * When a duration that starts at `from` ends. Working days count from the working day after the
 * start (the day a complete file is accepted does not count) and end at the end of that local day;
 * minutes and hours are plain elapsed time.
 */
export function dueAfter(from: Date, d: Duration, cal: WorkCalendar, cutiBersamaIsWorkingDay = false): Due {
  if (d.unit !== 'working-days') {
    const at = new Date(from.getTime() + d.value * (d.unit === 'hours' ? 3_600_000 : 60_000));
    return { at, date: localDate(at, cal.timeZone) };
  }
  const date = addWorkingDays(localDate(from, cal.timeZone), d.value, cal.days, { cutiBersamaIsWorkingDay });
  return { at: endOfLocalDay(date, cal.timeZone), date };
}

export interface StartedTimer {
  name: string;
  due: Due;
  onExpiry: NonNullable<TimerDefinition['onExpiry']>;
}

/**
 * The clocks that start when a case enters `state` at `at`: the step SLA (named `step`) and the
 * state's own timers, each resolved against the case's facts (a category picks its duration).
 * Timers marked `once` are skipped when they ran before (`started`).
 */
export function timersOnEntering(
  def: WorkflowDefinition<string>,
  state: string,
  at: Date,
  cal: WorkCalendar,
  facts: Readonly<Record<string, unknown>> = {},
  started: ReadonlySet<string> = new Set(),
): StartedTimer[] {
  const s = def.states[state];
  if (!s || s.terminal) return [];
  const cb = def.cutiBersamaIsWorkingDay ?? false;
  const out: StartedTimer[] = [];
  if (s.sla) out.push({ name: 'step', due: dueAfter(at, s.sla, cal, cb), onExpiry: 'escalate' });
  for (const t of s.timers ?? []) {
    if (t.once && started.has(t.name)) continue;
    const d = 'by' in t.sla ? t.sla.values[String(facts[t.sla.by])] : t.sla;
    if (!d) throw new Error(`timer ${t.name}: no duration for ${'by' in t.sla ? `${t.sla.by}=${String(facts[t.sla.by])}` : '?'}`);
    out.push({ name: t.name, due: dueAfter(at, d, cal, cb), onExpiry: t.onExpiry ?? 'escalate' });
  }
  return out;
}

/** Whether a clock has run out at `now`. */
export function isOverdue(due: Pick<Due, 'at'> | null | undefined, now: Date): boolean {
  return !!due && due.at.getTime() < now.getTime();
}

// --- issue 23 (sla): the event that starts the whole case's clock ---------------------------------

/** Whether the case's clock starts when it is submitted (no `sla.startsOn`, or it names the initial state). */
export function clockStartsOnSubmission(def: Pick<WorkflowDefinition<string>, 'sla' | 'initial'>): boolean {
  const on = def.sla?.startsOn;
  return !on || on.state === def.initial;
}

/**
 * Whether a decided step starts the case's clock: the declared action taken, or the declared state
 * entered. The caller starts it only once (the first time), keeping the start it has.
 */
export function startsClock(def: Pick<WorkflowDefinition<string>, 'sla' | 'initial'>, step: { action: string; to: string }): boolean {
  const on = def.sla?.startsOn;
  if (!on) return false;
  return on.action !== undefined ? on.action === step.action : on.state === step.to;
}
