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
