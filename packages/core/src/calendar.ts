/**
 * Hari kerja: working days for SLAs (domain.md §3.9). Monday–Friday, minus national holidays, minus
 * cuti bersama unless the agency staffs its counter then, minus the tenant's own closures. Dates are
 * local calendar dates (YYYY-MM-DD) in the tenant's time zone.
 */
export type HolidayKind = 'national' | 'cuti-bersama';

export interface CalendarDays {
  holidays: ReadonlySet<string>;
  cutiBersama: ReadonlySet<string>;
  closures: ReadonlySet<string>;
}

export interface WorkingDayRules {
  /** Whether cuti bersama counts as a working day (per agency, from the plugin's SOP). */
  cutiBersamaIsWorkingDay: boolean;
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    // Building a formatter costs far more than using one; Indonesia has three zones.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, f);
  }
  return f.format(at);
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, days: CalendarDays, rules: WorkingDayRules): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  if (days.holidays.has(date) || days.closures.has(date)) return false;
  if (days.cutiBersama.has(date) && !rules.cutiBersamaIsWorkingDay) return false;
  return true;
}

/**
 * The local date on which an SLA of `n` working days ends, counting from the working day after
 * `acceptedOn` (the day a complete file is accepted does not count).
 */
export function addWorkingDays(acceptedOn: string, n: number, days: CalendarDays, rules: WorkingDayRules): string {
  let date = acceptedOn;
  let counted = 0;
  for (let guard = 0; counted < Math.ceil(n); guard++) {
    if (guard > 3660) throw new Error('no working day within ten years');
    date = addDays(date, 1);
    if (isWorkingDay(date, days, rules)) counted++;
  }
  return date;
}

/** The instant of a local date and time (HH:MM or HH:MM:SS.sss) in a time zone (Indonesian zones have no DST). */
export function localDateTime(date: string, time: string, timeZone: string): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}${utcOffset(timeZone, date)}`);
}

/**
 * The zone's UTC offset (`+07:00`) on a date. Reading it costs an Intl formatter; SLAs ask for it
 * on every submission, so each zone's offset is kept per year (a zone without DST has one).
 */
function utcOffset(timeZone: string, date: string): string {
  const key = `${timeZone}|${date.slice(0, 4)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const probe = new Date(`${date}T12:00:00Z`);
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(probe);
    offset = parts.find((p) => p.type === 'timeZoneName')?.value.replace('GMT', '') || '+00:00';
    // Zones that change offset within a year (DST) are not cached: Indonesia has none, others may.
    const winter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(`${date.slice(0, 4)}-01-15T12:00:00Z`));
    const summer = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(`${date.slice(0, 4)}-07-15T12:00:00Z`));
    const same = winter.find((p) => p.type === 'timeZoneName')?.value === summer.find((p) => p.type === 'timeZoneName')?.value;
    if (!same) return offset;
    offsets.set(key, offset);
  }
  return offset;
}
const offsets = new Map<string, string>();

/** The instant a local date ends in a time zone (23:59:59.999 local), for ordering and escalation. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return localDateTime(date, '23:59:59.999', timeZone);
}

/** Weekday code of a local date. */
export function weekday(date: string): 'SUN' | 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' {
  return (['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const)[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** `date` plus `n` calendar days. */
export function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Monday of the ISO week holding `date` (YYYY-MM-DD). */
export function isoWeekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return plusDays(date, -back);
}
