// Scores on standard scales ("PHQ-9 19.", "MADRS fell from 36 on March 1, 2024 to 14 on April 29,
// 2024", a table row "PCL-5<tab>62<tab>2025-11-20"), each with the date it was taken: its own date,
// else the date of the visit the note records ("today" meaning the letter's date).
import type { Proposal } from '../../contract/facts';
import { INSTRUMENT_RANGES } from '../../contract/choices';
import { findDates } from './dates';
import { letterDate, visitDate } from './document-dates';
import { linesOf, sentencesOf } from './text';

const INSTRUMENTS: [name: string, pattern: string][] = [
  ['PHQ-9', 'PHQ-?9'],
  ['GAD-7', 'GAD-?7'],
  ['PCL-5', 'PCL-?5'],
  ['MADRS', 'MADRS'],
  ['HAM-D', 'HAM-?D(?:-?17)?|HDRS(?:-?17)?'],
  ['QIDS-SR', 'QIDS(?:-SR(?:16)?)?'],
  ['BDI-II', 'BDI(?:-?II)?'],
];
const ANY = new RegExp(`\\b(?:${INSTRUMENTS.map(([, p]) => p).join('|')})\\b`, 'gi');

/** A number that counts something else: sessions, weeks, points of change, doses. */
const COUNTED =
  /^\s*(?:mg|mcg|weeks?|months?|days?|hours?|minutes?|sessions?|treatments?|visits?|years?|points?|pts?\b|%|lb|lbs|pounds|kg|times|units?|x\b|of\s+\d|-?\s*(?:year|week|day|point))/i;
const COUNTER =
  /(?:\b(?:session|sessions|visit|week|weeks|day|days|by|age|aged|x|#|no\.|number|of \d+)\s*|\d\s*(?:of|-)\s*)$/i;

const instrumentOf = (name: string) =>
  INSTRUMENTS.find(([, p]) => new RegExp(`^(?:${p})$`, 'i').test(name.trim()))?.[0];

/**
 * A flowsheet: a header row naming an instrument over rows of sessions or visits, each with its
 * date ("Session<tab>Date<tab>Dose<tab>MADRS", then "1<tab>02/03/2026<tab>56 mg<tab>38").
 */
function flowsheets(text: string, out: Proposal[]) {
  const lines = linesOf(text);
  lines.forEach((line, i) => {
    const header = line.text.split('\t').map((c) => c.trim());
    if (header.length < 2 || header.some((c) => /\d{3}/.test(c))) return;
    const columns = header.map((c, n) => [instrumentOf(c), n] as const).filter(([name]) => name);
    if (!columns.length || header.every((c) => instrumentOf(c))) return;
    for (const row of lines.slice(i + 1)) {
      const cells = row.text.split('\t');
      if (cells.length < 2) break;
      const date = cells.flatMap((c) => findDates(c)).find((d) => d.precise)?.date ?? null;
      for (const [instrument, n] of columns) {
        const cell = cells[n]?.trim() ?? '';
        const [low, high] = INSTRUMENT_RANGES[instrument!] ?? [0, 100];
        if (!/^\d{1,2}$/.test(cell) || +cell < low || +cell > high) continue;
        const at = row.start + cells.slice(0, n).join('\t').length + (n ? 1 : 0);
        out.push({
          kind: 'assessment',
          values: { instrument: instrument!, score: +cell, assessedOn: date },
          start: at,
          end: at + cell.length,
        });
      }
    }
  });
}

export function assessments(text: string, out: Proposal[]) {
  flowsheets(text, out);
  const visit = visitDate(text);
  const letter = letterDate(text);
  for (const line of linesOf(text)) {
    for (const sentence of sentencesOf(line)) {
      const found = [...sentence.text.matchAll(ANY)];
      found.forEach((m, i) => {
        const instrument = INSTRUMENTS.find(([, p]) =>
          new RegExp(`^(?:${p})$`, 'i').test(m[0]),
        )![0];
        // The scores of this instrument run until another instrument is named.
        const from = m.index + m[0].length;
        const after = sentence.text.slice(from, found[i + 1]?.index ?? sentence.text.length);
        // Each score has its own date: "from 36 on March 1 to 14 on April 29" is not a range,
        // a table's cells are read apart ("16<tab>2026-02-18" is a score, then a date), and
        // "24 on 11/10/2025" is a score, then a date.
        const dates = findDates(
          after.replace(/\t|\b(?:to|through|until|on)\b|[–—]/g, (m) => ';'.repeat(m.length)),
        );
        // Scores are the numbers after the instrument that are not part of a date.
        let masked = after;
        for (const d of dates) masked = masked.replace(d.text, ' '.repeat(d.text.length));
        const [low, high] = INSTRUMENT_RANGES[instrument] ?? [0, 100];
        const today = /\b(?:today|this visit|at this visit|now)\b/i.test(after) ? letter : null;
        for (const s of masked.matchAll(
          /(?<![\d./:$,-])(\d{1,2})(?:\s*\/\s*(\d{1,2}))?(?![\d%]|[.,/-]\d)/g,
        )) {
          const score = Number(s[1]);
          if (score < low || score > high) continue;
          // "22/27" is a score out of the scale's maximum; "8/10" is another scale.
          if (s[2] && Number(s[2]) !== high) continue;
          const at = s.index!;
          if (COUNTED.test(masked.slice(at + s[0].length))) continue;
          if (COUNTER.test(masked.slice(0, at))) continue;
          const own = dates.find((d) => d.index >= at) ?? dates.filter((d) => d.index < at).at(-1);
          out.push({
            kind: 'assessment',
            values: { instrument, score, assessedOn: own?.date ?? today ?? visit ?? null },
            start: sentence.start + m.index,
            end: sentence.start + from + at + s[0].length,
          });
        }
      });
    }
  }
}
