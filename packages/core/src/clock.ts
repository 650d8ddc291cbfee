/**
 * Time as a dependency. Every rule that reads "now" (SLA due dates, session windows, deadlines,
 * rollup weeks) asks a Clock, never `new Date()`: tests pin it, and a sandbox tenant can run on a
 * clock of its own. The request context takes one reading per request (`ctx.now`).
 */
export interface Clock {
  now(): Date;
}

/** The wall clock: what production runs on. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set until moved: for tests and rehearsals. */
export class ManualClock implements Clock {
  private at: number;

  constructor(start: Date | string) {
    this.at = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(to: Date | string): void {
    this.at = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}

/** A clock pinned to one instant. */
export function fixedClock(at: Date | string): Clock {
  const t = new Date(at).getTime();
  return { now: () => new Date(t) };
}
