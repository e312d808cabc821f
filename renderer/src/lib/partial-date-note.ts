// How a date typed into a month-or-year field will be kept: the precision kept is the precision
// typed, so "03/2019" says it is the month, not March 1.
import {
  parsePartialDate,
  precisionOf,
  writtenDate,
} from '../../../electron/contract/partial-date';
import type { FieldNote } from './form';

export function partialDateNote(value: string): FieldNote {
  const date = parsePartialDate(value);
  if (!date) {
    return {
      text: 'Not a date yet: write 2019-03-15, 2019-03 (or 03/2019) or 2019.',
      tone: 'warning',
    };
  }
  const precision = { day: '', month: ' (a month)', year: ' (a year)' }[precisionOf(date)];
  return { text: `Reads as ${writtenDate(date)}${precision}.` };
}
