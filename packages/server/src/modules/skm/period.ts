/** A reporting period: local dates (YYYY-MM-DD), both inclusive. */
export interface Period {
  from: string;
  to: string;
}

/** Longest period a report covers. */
export const MAX_PERIOD_DAYS = 366;

/** The period a report covers when the caller names none: 1 January of `to`'s year (default today) through `to`. */
export function defaultPeriod(q: { from?: string; to?: string }, today: string): Period {
  const to = q.to ?? today;
  return { from: q.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/** `to` not before `from`, and at most 366 days apart. */
export function periodIsValid(p: Period): boolean {
  return p.to >= p.from && Date.parse(p.to) - Date.parse(p.from) <= MAX_PERIOD_DAYS * 86_400_000;
}

/** The calendar quarter before the one holding a local date: on 1 October 2024, 1 July to 30 September 2024. */
export function previousQuarter(day: string): Period {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const startMonth = quarter === 0 ? 9 : (quarter - 1) * 3;
  const y = quarter === 0 ? year - 1 : year;
  const start = new Date(Date.UTC(y, startMonth, 1));
  const end = new Date(Date.UTC(y, startMonth + 3, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}
