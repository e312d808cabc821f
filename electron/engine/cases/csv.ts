// The case list as a CSV file a spreadsheet opens (RFC 4180): every cell quoted where it must
// be, and a cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or return first)
// kept as text with a leading apostrophe — a client's notes should never run as a formula.
import type { CaseSummary } from '../../contract/case';
import { CASE_STATUS } from '../../contract/choices';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = [
  'Case',
  'Client',
  'Treatment',
  'Stage',
  'Insurer',
  'Member ID',
  'Next due',
  'Last activity',
];

export const csvHeader = () => `${HEADER.join(',')}\r\n`;

export function csvRow(c: CaseSummary): string {
  return `${[
    c.id,
    c.clientName,
    c.requestedTreatment,
    CASE_STATUS.labels[c.status],
    c.insurerName,
    c.memberId,
    c.nextDueOn,
    c.updatedAt.slice(0, 10),
  ]
    .map(csvCell)
    .join(',')}\r\n`;
}
