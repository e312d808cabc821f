// How dates, sizes and names read on screen.
import { isPartialDate, shortDate } from '../../../electron/contract/partial-date';
import { fullName as writtenFullName } from '../../../electron/contract/person-name';
import type { NamedPerson } from '../../../electron/contract/person-name';

/**
 * "2024-03-15" → "Mar 15, 2024", "2019-03" → "Mar 2019", "2019" → "2019": never more precise
 * than the record. Timestamps get the day treatment.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (value.length < 10 && isPartialDate(value)) return shortDate(value);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A bare date is a calendar day: read it at noon UTC so no time zone moves it.
  const date = new Date(day ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(day ? { timeZone: 'UTC' } : {}),
  });
}

const plural = new Intl.PluralRules('en-US');

/** A noun that changes with its count (["case", "cases"]), or one that does not ("overdue"). */
export type Noun = string | readonly [one: string, other: string];

/** The noun that agrees with `n`: "case" for 1, "cases" for 0 or 2. */
export function nounFor(n: number, noun: Noun): string {
  if (typeof noun === 'string') return noun;
  return plural.select(n) === 'one' ? noun[0] : noun[1];
}

/** "1,204": a count as people read it. */
export const count = (n: number) => n.toLocaleString('en-US');

/** "1 case", "0 cases", "1,204 cases". */
export function counted(n: number, noun: Noun): string {
  return `${count(n)} ${nounFor(n, noun)}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "Jordan A. Rivera Jr.". */
export function fullName(person: NamedPerson): string {
  return writtenFullName(person);
}

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** A contact as pickers list it: "Dr. Helen Park — Prairie Health". */
export function contactName(contact: { name: string; organisation: string | null }): string {
  return contact.organisation ? `${contact.name} — ${contact.organisation}` : contact.name;
}
