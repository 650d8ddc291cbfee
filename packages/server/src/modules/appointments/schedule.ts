import { localDateTime, plusDays, weekday } from '@satupintu/core';
import type { Schedule } from '@satupintu/plugin-sdk';

/** One session a schedule asks for on one local date (before it is stored). */
export interface PlannedSession {
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** The part of capacity bookable online (`onlineShare`, rounded down); the rest is for walk-ins. */
  onlineCapacity: number;
}

/** Listed by default: four weeks from today. */
export const DEFAULT_DAYS = 28;

/** The local dates a listing covers: `from` (default today) and `days` days on, inclusive. */
export function sessionWindow(today: string, opts: { from?: string; days?: number } = {}): { from: string; to: string } {
  const from = opts.from ?? today;
  return { from, to: plusDays(from, (opts.days ?? DEFAULT_DAYS) - 1) };
}

/**
 * The sessions a weekly schedule gives from `from` to `to` (local dates, inclusive) in a time zone,
 * in time order. A date the regency closed gets none; holidays are not skipped here (they are
 * flagged on the session, so the agency can decide).
 */
export function planSessions(schedule: Schedule, w: { from: string; to: string; timeZone: string; closed: ReadonlySet<string> }): PlannedSession[] {
  const out: PlannedSession[] = [];
  for (let date = w.from; date <= w.to; date = plusDays(date, 1)) {
    if (w.closed.has(date)) continue;
    for (const s of schedule.sessions) {
      if (!s.days.includes(weekday(date))) continue;
      out.push({
        date,
        start: s.start,
        end: s.end,
        startsAt: localDateTime(date, s.start, w.timeZone),
        endsAt: localDateTime(date, s.end, w.timeZone),
        capacity: s.capacity,
        onlineCapacity: Math.floor(s.capacity * (schedule.onlineShare ?? 1)),
      });
    }
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The flag a session on a holiday carries, per date (a national holiday wins over cuti bersama). */
export function holidayLabels(rows: readonly { date: string; kind: 'national' | 'cuti-bersama'; name: { id: string } }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of rows) {
    if (h.kind === 'cuti-bersama' && out.has(h.date)) continue;
    out.set(h.date, `${h.kind === 'national' ? 'Libur nasional' : 'Cuti bersama'}: ${h.name.id}`);
  }
  return out;
}
