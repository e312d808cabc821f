// A denial's date, reason and appeal window, from a document that reports one: in words (see
// denial-statement.ts) or in an EOB's adjustment codes (see eob-codes.ts).
import type { Proposal } from '../../contract/facts';
import { findDates } from './dates';
import { statesDenial } from './denial-statement';
import { eobDenial } from './eob-codes';

export function denial(text: string, out: Proposal[]) {
  const eob = eobDenial(text);
  if (!eob && !statesDenial(text)) return;
  const letterDate = findDates(text.slice(0, 600)).find((d) => d.precise);
  if (eob?.noticeDate)
    out.push({
      kind: 'denial',
      values: { deniedOn: eob.noticeDate },
      start: eob.start,
      end: eob.end,
    });
  else if (letterDate)
    out.push({
      kind: 'denial',
      values: { deniedOn: letterDate.date },
      start: letterDate.index,
      end: letterDate.index + letterDate.text.length,
    });
  const reason =
    /^\s*(?:reason(?: for (?:the )?denial)?|basis for (?:the )?decision|rationale)\s*:\s*(.+)$/im.exec(
      text,
    ) ??
    /[^.\n]*\b(?:not medically necessary|experimental|investigational|does not meet|criteria (?:were|are) not met)\b[^.\n]*\./i.exec(
      text,
    );
  if (eob)
    out.push({ kind: 'denial', values: { reason: eob.reason }, start: eob.start, end: eob.end });
  else if (reason)
    out.push({
      kind: 'denial',
      values: { reason: (reason[1] ?? reason[0]).trim() },
      start: reason.index,
      end: reason.index + reason[0].length,
    });
  const window =
    /[^.\n]*\bappeal\b[^.\n]*?\bwithin\s+(\d{1,3})\s+(calendar\s+|business\s+)?days\b[^.\n]*\.?/i.exec(
      text,
    );
  if (window)
    out.push({
      kind: 'denial',
      values: { appealWithinDays: Number(window[1]) },
      start: window.index,
      end: window.index + window[0].length,
    });
  const byDate =
    /\bappeal\b[^.\n]*?\b(?:by|no later than|before)\s+([A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})/i.exec(
      text,
    );
  const due = byDate ? findDates(byDate[1]!)[0] : undefined;
  if (byDate && due)
    out.push({
      kind: 'denial',
      values: { appealDeadline: due.date },
      start: byDate.index,
      end: byDate.index + byDate[0].length,
    });
}
