// Deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar import. Each deadline
// is an all-day event (DTSTART;VALUE=DATE): a floating calendar date that no time zone moves.
import { createEvents } from 'ics';
import type { EventAttributes } from 'ics';
import { AppError } from '../../contract/errors';
import { addDays, parts } from '../deadlines/plain-date';
import type { OpenDeadlineRow } from './queries';

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

/** The .ics text for `rows`; UIDs are stable so importing again updates rather than duplicates. */
export function deadlinesCalendar(rows: OpenDeadlineRow[], initialsOnly: boolean): string {
  const events: EventAttributes[] = rows.map((d) => {
    const who = initialsOnly ? initials(d.clientName) : d.clientName;
    const description = [
      `${d.requestedTreatment}${d.insurerName ? ` · ${d.insurerName}` : ''}`,
      d.notes,
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
  return value;
}
