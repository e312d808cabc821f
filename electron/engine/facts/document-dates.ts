// The dates a document is about: the visit a note records ("Date of visit: 09/02/2026",
// "Visit 2026-04-03") and the date a letter or notice was written (a "Date:" line, or a date
// standing alone on a line near the top).
import { findDates } from './dates';
import { fieldsOfKind } from './fields';
import { linesOf } from './text';

const firstDay = (values: string[]) =>
  values.map((v) => findDates(v).find((d) => d.precise)).find(Boolean)?.date ?? null;

/** The date of the visit or review a note records, or null. */
export function visitDate(text: string): string | null {
  return firstDay(fieldsOfKind(text, 'visitDate').map((f) => f.value));
}

/** The date the letter or notice was written, or null. */
export function letterDate(text: string): string | null {
  const labelled = firstDay(fieldsOfKind(text, 'noticeDate').map((f) => f.value));
  if (labelled) return labelled;
  const alone = linesOf(text)
    .slice(0, 20)
    .map((l) => l.text.trim())
    .filter(
      (l) => l.length <= 30 && findDates(l).some((d) => d.precise && d.text.length >= l.length - 2),
    );
  return firstDay(alone);
}
