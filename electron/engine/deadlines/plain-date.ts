// Calendar-date arithmetic on plain YYYY-MM-DD strings. A deadline is a day on the calendar of the
// client's state, not an instant: nothing here builds a local-time Date, so the machine's time zone
// can never move a deadline. Days are counted as whole days since 1970-01-01 (UTC is used only as
// a fixed, offset-free calendar).

const DAY_MS = 86_400_000;

/** Splits a YYYY-MM-DD date; throws on anything else (the contract validates input first). */
export function parts(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not a calendar date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The YYYY-MM-DD date of year/month/day (month 1–12); the day must exist in that month. */
export function makeDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function toDayNumber(date: string): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `months` later; when that month has no such day (4 months after October 31), the
 * first day of the month after it, as the federal external-review rule reads "four months".
 */
export function addMonthsOrFirstOfNext(date: string, months: number): string {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (day <= daysInMonth(y, m)) return makeDate(y, m, day);
  const next = index + 1;
  return makeDate(Math.floor(next / 12), (next % 12) + 1, 1);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[dayOfWeek(date)]!;
}

/** The `n`th (1-based; -1 = last) `weekday` of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = makeDate(year, month, 1);
    const offset = (weekday - dayOfWeek(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = makeDate(year, month, daysInMonth(year, month));
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** A fixed-date holiday moved to the Friday before or the Monday after (5 U.S.C. 6103(b)). */
function observed(date: string): string {
  const dow = dayOfWeek(date);
  if (dow === 6) return addDays(date, -1);
  if (dow === 0) return addDays(date, 1);
  return date;
}

/**
 * The federal holidays of `year` as observed (5 U.S.C. 6103: eleven days; Juneteenth since 2021).
 * New Year's Day of the next year can be observed on December 31 of this one.
 */
export function federalHolidays(year: number): Map<string, string> {
  const days: [string, string][] = [
    [observed(makeDate(year, 1, 1)), "New Year's Day"],
    [nthWeekday(year, 1, 1, 3), 'Birthday of Martin Luther King, Jr.'],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [nthWeekday(year, 5, 1, -1), 'Memorial Day'],
    ...(year >= 2021
      ? [
          [observed(makeDate(year, 6, 19)), 'Juneteenth National Independence Day'] as [
            string,
            string,
          ],
        ]
      : []),
    [observed(makeDate(year, 7, 4)), 'Independence Day'],
    [nthWeekday(year, 9, 1, 1), 'Labor Day'],
    [nthWeekday(year, 10, 1, 2), 'Columbus Day'],
    [observed(makeDate(year, 11, 11)), 'Veterans Day'],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'],
    [observed(makeDate(year, 12, 25)), 'Christmas Day'],
  ];
  const next = observed(makeDate(year + 1, 1, 1));
  if (next.startsWith(`${year}-`)) days.push([next, "New Year's Day (observed)"]);
  return new Map(days);
}

/** Why a date is not a business day ("Saturday", "Memorial Day"), or null when it is one. */
export function nonBusinessReason(date: string): string | null {
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return weekdayName(date);
  return federalHolidays(parts(date).year).get(date) ?? null;
}

/** The date itself if it is a business day, else the next day that is not a weekend or holiday. */
export function nextBusinessDay(date: string): string {
  let d = date;
  while (nonBusinessReason(d)) d = addDays(d, 1);
  return d;
}

/** The last business day on or before `date`. */
export function previousBusinessDay(date: string): string {
  let d = date;
  while (nonBusinessReason(d)) d = addDays(d, -1);
  return d;
}

// A formatter per time zone, made once: making one reads the zone's rules (a dashboard asks
// for every state's day, and then some).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let fmt = dayFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, fmt);
  }
  return fmt;
}

/** Today's calendar date in an IANA time zone, at instant `now`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = dayFormat(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The machine's own time zone (the advocate's), for clients whose state is not recorded. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Mar 1, 2025" for messages, read as a calendar day. */
export function longDate(date: string): string {
  const { year, month, day } = parts(date);
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  return `${weekdayName(date).slice(0, 3)} ${months[month - 1]} ${day}, ${year}`;
}
