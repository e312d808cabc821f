// Dates as precise as the record: a day ("2019-03-15"), a month ("2019-03") or a year ("2019").
// Clinical histories often say only "03/2019" or "2019"; storing March 1 would invent a day that
// letters then print and durations count from. Kept as text whose length is its precision, so
// they still sort ("2019" < "2019-03" < "2019-03-15" < "2019-04").

export type DatePrecision = 'day' | 'month' | 'year';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2019-03-15", "2019-03" or "2019" as written; null when it is none of those or not a real date. */
function checkIso(text: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1800 || year > 2200) return null;
  if (m[2] === undefined) return m[1]!;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return `${m[1]}-${m[2]}`;
  const day = Number(m[3]);
  return day >= 1 && day <= daysIn(year, month) ? text : null;
}

const monthOf = (word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const i = MONTHS.findIndex(
    (name) => name.startsWith(w) || (w === 'sept' && name === 'september'),
  );
  return i + 1;
};

/**
 * Reads a date as people write it on US forms and in notes, keeping only the precision written:
 * "2019-03-15", "2019-03", "2019", "3/15/2019", "03/2019", "March 2019", "Mar 15, 2019",
 * "15 March 2019". Returns the stored form, or null when it is not a date.
 */
export function parsePartialDate(input: string): string | null {
  const text = input.trim().replace(/\s+/g, ' ');
  const iso = checkIso(text);
  if (iso) return iso;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return checkIso(`${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`);
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return checkIso(`${m[2]}-${pad(Number(m[1]))}`);
  m = /^(\d{4})\/(\d{1,2})$/.exec(text);
  if (m) return checkIso(`${m[1]}-${pad(Number(m[2]))}`);
  m = /^([A-Za-z]{3,9}\.?),? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (m && monthOf(m[1]!)) return checkIso(`${m[3]}-${pad(monthOf(m[1]!))}-${pad(Number(m[2]))}`);
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9}\.?),? (\d{4})$/.exec(text);
  if (m && monthOf(m[2]!)) return checkIso(`${m[3]}-${pad(monthOf(m[2]!))}-${pad(Number(m[1]))}`);
  m = /^([A-Za-z]{3,9}\.?),? (\d{4})$/.exec(text);
  if (m && monthOf(m[1]!)) return checkIso(`${m[2]}-${pad(monthOf(m[1]!))}`);
  return null;
}

/** Whether `text` is a stored partial date ("2019-03-15", "2019-03" or "2019"). */
export const isPartialDate = (text: string) => checkIso(text) === text;

export function precisionOf(date: string): DatePrecision {
  return date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** The first and last day a partial date may mean: "2019-03" → ["2019-03-01", "2019-03-31"]. */
export function dateRange(date: string): [first: string, last: string] {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return [date, date];
  if (m !== undefined) return [`${date}-01`, `${date}-${pad(daysIn(y, m))}`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Whether `later` can be on or after `earlier` (a month may end on the day that starts it). */
export function mayBeOnOrAfter(later: string, earlier: string): boolean {
  return dateRange(later)[1] >= dateRange(earlier)[0];
}

/** Whether two spans of partial dates (an open end runs on) can overlap. */
export function spansOverlap(
  a: { start: string | null; end: string | null },
  b: { start: string | null; end: string | null },
): boolean {
  const lo = (d: string | null) => (d ? dateRange(d)[0] : '0000-01-01');
  const hi = (d: string | null) => (d ? dateRange(d)[1] : '9999-12-31');
  return lo(a.start) <= hi(b.end) && lo(b.start) <= hi(a.end);
}

const MONTH_NAMES = MONTHS.map((m) => m.charAt(0).toUpperCase() + m.slice(1));

/** How a letter writes it: "March 15, 2019", "March 2019" or "2019". */
export function writtenDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return String(y);
  const month = MONTH_NAMES[m - 1]!;
  return d === undefined ? `${month} ${y}` : `${month} ${d}, ${y}`;
}

/** How a list shows it: "Mar 15, 2019", "Mar 2019" or "2019". */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return String(y);
  const month = MONTH_NAMES[m - 1]!.slice(0, 3);
  return d === undefined ? `${month} ${y}` : `${month} ${d}, ${y}`;
}

/**
 * The time between two dates in words at the precision both have, never counting invented days:
 * "14 weeks" between two days, "about 8 months" between two months; between years nothing can be
 * said honestly ("2019" to "2020" may be a day or two years), so `text` is null. `weeks` only
 * when both are days. Null when the end is before the start.
 */
export function durationBetween(
  start: string,
  end: string,
): { text: string | null; weeks: number | null; months: number | null } | null {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number?, number?];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number?, number?];
  if (sm === undefined || em === undefined) {
    return ey < sy ? null : { text: null, weeks: null, months: null };
  }
  if (sd === undefined || ed === undefined) {
    const months = ey * 12 + em - (sy * 12 + sm);
    if (months < 0) return null;
    if (months === 0) return { text: 'under a month', weeks: null, months };
    return { text: `about ${months} month${months === 1 ? '' : 's'}`, weeks: null, months };
  }
  const days = (Date.UTC(ey, em - 1, ed) - Date.UTC(sy, sm - 1, sd)) / 86_400_000;
  if (days < 0) return null;
  const weeks = Math.round(days / 7);
  if (weeks === 0) return { text: `${days} day${days === 1 ? '' : 's'}`, weeks, months: null };
  return { text: `${weeks} week${weeks === 1 ? '' : 's'}`, weeks, months: null };
}
