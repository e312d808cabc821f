// Deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar import. Each deadline
// is an all-day event (DTSTART;VALUE=DATE): a floating calendar date that no time zone moves.
import { createEvents } from 'ics';
import type { EventAttributes } from 'ics';
import { AppError } from '../../contract/errors';
import { addDays, parts } from '../deadlines/plain-date';
import type { OpenDeadlineRow } from './queries';
import type { ExpiringAuthorization } from '../../contract/authorization';
import { AUTHORIZATION_KIND } from '../../contract/authorization';

/** An authorization's expiry, as the calendar shows it. */
export type ExpiryRow = Omit<ExpiringAuthorization, 'caseId'>;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join('');

const dateArray = (date: string): [number, number, number] => {
  const { year, month, day } = parts(date);
  return [year, month, day];
};

/**
 * Folds a content line at 75 octets, as RFC 5545 section 3.1 asks. The ics library counts
 * characters, so a line with accents or dashes could run past 75 octets; this never splits a
 * character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Unfolds the library's output and folds it again by octets. */
function refold(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines.map((l) => (l ? foldLine(l) : l)).join('\r\n');
}

/** The .ics text for `rows`; UIDs are stable so importing again updates rather than duplicates. */
export function deadlinesCalendar(
  rows: OpenDeadlineRow[],
  initialsOnly: boolean,
  expiries: ExpiryRow[] = [],
): string {
  const events: EventAttributes[] = rows.map((d) => {
    const who = initialsOnly ? initials(d.clientName) : d.clientName;
    // Initials only: nothing about the client's health or plan leaves in the file either.
    const description = [
      initialsOnly ? '' : `${d.requestedTreatment}${d.insurerName ? ` · ${d.insurerName}` : ''}`,
      initialsOnly ? '' : d.notes,
      `Case ${d.caseId} in Advocate Desk.`,
    ]
      .filter(Boolean)
      .join('\n');
    return {
      uid: `deadline-${d.id}@advocate-desk`,
      title: `${d.title} (${who})`,
      description,
      start: dateArray(d.dueOn),
      end: dateArray(addDays(d.dueOn, 1)),
      categories: [d.kind === 'deadline' ? 'Deadline' : 'Task'],
      transp: 'TRANSPARENT',
      alarms: [{ action: 'display', description: d.title, trigger: { hours: 72, before: true } }],
    };
  });
  // An authorization runs out on its last day: the event is that day, with a month's warning.
  for (const a of expiries) {
    const who = initialsOnly ? initials(a.clientName) : a.clientName;
    const what = AUTHORIZATION_KIND.labels[a.kind];
    events.push({
      uid: `authorization-${a.id}@advocate-desk`,
      title: `Authorization expires: ${what} (${who})`,
      description: `Have ${initialsOnly ? 'the client' : a.clientName} sign a new one before it runs out.\nClient ${a.clientId} in Advocate Desk.`,
      start: dateArray(a.expiresOn),
      end: dateArray(addDays(a.expiresOn, 1)),
      categories: ['Authorization'],
      transp: 'TRANSPARENT',
      alarms: [{ action: 'display', description: what, trigger: { days: 30, before: true } }],
    });
  }
  const { error, value } = createEvents(events, {
    productId: '-//Advocate Desk//Deadlines//EN',
    calName: 'Advocate Desk deadlines',
  });
  if (error || !value) {
    throw new AppError(
      'internal',
      `The calendar file could not be written: ${error?.message ?? 'no output'}`,
    );
  }
  return refold(value);
}
