// Dates as written in clinical notes and letters ("03/2019", "March 2021", "2021-03-15",
// "12/01/1970"), found with chrono and kept as calendar dates at the precision written: "03/2019"
// is the month "2019-03", never March 1. Never shifted by a time zone.
import * as chrono from 'chrono-node';

export interface FoundDate {
  /** YYYY-MM-DD, or YYYY-MM when only the month and year were written. */
  date: string;
  /** Whether the day was written, or only month and year. */
  precise: boolean;
  index: number;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

type Components = NonNullable<chrono.ParsedResult['end']>;

const known = (c: Components) => c.isCertain('year') && c.isCertain('month');
const iso = (c: Components) =>
  c.isCertain('day')
    ? `${c.get('year')}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`
    : `${c.get('year')}-${pad(c.get('month')!)}`;

/** Every date in `text` that names at least a month and a year; a range gives both ends. */
export function findDates(text: string): FoundDate[] {
  return (
    chrono.en
      .parse(text)
      // Only dates with the year written out: "after 8 months" is a duration, not a date.
      .filter((r) => known(r.start) && /\d{4}|\/\d{2}\b/.test(r.text))
      .flatMap((r) => {
        // chrono reads "21 on 06/15/2024" as one date; the "21 on" is a score, not part of it.
        const lead = /^\d{1,3}\s+(?:on|in|at)\s+/i.exec(r.text)?.[0].length ?? 0;
        const text = r.text.slice(lead);
        const index = r.index + lead;
        const start = { date: iso(r.start), precise: r.start.isCertain('day'), index, text };
        return r.end && known(r.end)
          ? [start, { date: iso(r.end), precise: r.end.isCertain('day'), index, text }]
          : [start];
      })
  );
}
